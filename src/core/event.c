/*
 * Events: recording one event and a batch, with their effects.
 *
 * A write follows the five steps of docs/rules.md "How a write flows":
 * validate (pure) → begin → read everything that can refuse the event →
 * decide (decide_message, pure) → apply → commit. Every read that can fail
 * with a caller error happens before the first write, so a refused event
 * writes nothing and a batch can go on with the next one in the same
 * transaction. The input's own rules are in event_validate.c, the message's
 * facts in event_fold.c, the listings in event_list.c.
 */
#include "event_int.h"
#include "contact_int.h"
#include "decide.h"
#include "reputation_int.h"
#include "tracking_int.h"

#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Everything the decision needs, read before any write. */
typedef struct ev_state {
    /* Zeroed by ev_state_init: read whatever path event_read took. */
    bool threshold;        /* a soft bounce reaching the tenant's threshold */
    bool honeypot;         /* a click on a honeypot link */
    bool borrowed;         /* msg is the working set's view, its strings the set's */
    bool contact_read;     /* contact was read (it may own strings) */
    link_set links;        /* the links clicked before this event (own: fold_message's, or a copy) */
    /* Written before they are read (event_read, event_verdict, event_row):
     * left out of ev_state_init's zeroing. */
    mtrk_time occurred, arrived;
    mtrk_id id;            /* the new event's id */
    bool link_first, link_first_human;
    mtrk_verdict verdict;  /* the event's: as given, or decided by the machine rules */
    const link_set *seen;  /* the links clicked before this event: &links, or the working set's view's */
    bool marked;           /* the stored row had a mark (msg's is the fold's) */
    mark_pos mark;         /* that mark */
    size_t visited;        /* events the fold read past it */
    row_messages msg;      /* as stored (owned unless borrowed): event_read's first write */
    row_contacts contact;  /* the message's contact (owned when contact_read) */
    char verdict_reason[64]; /* when the rules decided: "class:rule" */
    char ua[MTRK_MAX_USER_AGENT + 1]; /* the user agent as stored (sanitize_user_agent) */
    char ip[MTRK_MAX_IP + 1];         /* the IP as stored (sanitize_ip) */
} ev_state;

/* A batch's event ids: issued at one reading of the clock (their arrival
 * time) and handed out in the order the batch writes its events. */
typedef struct ev_ids {
    mtrk_id *id;  /* increasing */
    size_t next;  /* the next one to hand out */
    size_t n;
    mtrk_time arrived;
} ev_ids;

/* What a batch fixes for one event before recording it (batch_plan). */
typedef struct ev_pre {
    ev_ids *ids;
    const id_set *defer;   /* first pass: the contacts whose events wait for the second (or NULL) */
    bool deferred;         /* out: the message's contact is one of them; nothing was written */
    mtrk_id contact;       /* out: the message's contact, once read */
} ev_pre;

static void ev_state_init(ev_state *s)
{
    memset(s, 0, offsetof(ev_state, occurred));
    s->verdict_reason[0] = '\0';
}

static void ev_state_clear(ev_state *s)
{
    /* A messages row's strings are these two (event_fold.c checks it at
     * every batch); the contact row has strings only when it was read. */
    if (!s->borrowed) {
        free(s->msg.provider_message_id);
        free(s->msg.folded_links);
    }
    if (s->contact_read)
        rows_clear(T_CONTACTS, &s->contact);
    free(s->links.v);
}

/* not_found for a field of the event input (the outcome's argument). */
static int field_not_found(mtrk_tenant *t, const char *arg, const char *what, mtrk_id id)
{
    int rc = ev_not_found(t, what, id);
    t->err_arg = arg;
    return rc;
}

/* Sort position of an event in a history: event time, then arrival, then id. */
typedef struct ev_pos {
    mtrk_time occurred, arrived;
    mtrk_id id;
    int type, kind;
} ev_pos;

static int ev_pos_cmp(const void *a, const void *b)
{
    const ev_pos *x = a, *y = b;
    return pos_cmp(x->occurred, x->arrived, x->id, y->occurred, y->arrived, y->id);
}

typedef struct hist_ctx {
    ev_pos *v;
    size_t n, cap;
    bool oom;
} hist_ctx;

static int hist_cb(void *ud, void *row)
{
    hist_ctx *c = ud;
    const row_events *e = row;
    if (!is_delivery(e->type) && e->type != MTRK_EV_BOUNCE)
        return 0; /* only deliveries and bounces move the run */
    if (c->n == c->cap) {
        ev_pos *v = grow_array(c->v, &c->cap, sizeof *v, 32);
        if (v == NULL) {
            c->oom = true;
            return 1;
        }
        c->v = v;
    }
    c->v[c->n++] = (ev_pos){ e->occurred_at, e->arrived_at, e->id, (int)e->type, (int)e->bounce_kind };
    return 0;
}

/* The contact's soft-bounce run, with the new event placed at its position:
 * soft bounces after the last delivery of the whole history. */
typedef struct run_ctx {
    bool new_in_run;
    int64_t run;
} run_ctx;

static void run_step(run_ctx *c, int64_t type, int64_t kind, bool is_new)
{
    if (is_delivery(type)) {
        c->run = 0;
        c->new_in_run = false;
    } else if (type == MTRK_EV_BOUNCE && kind == MTRK_BOUNCE_SOFT) {
        c->run++;
        if (is_new)
            c->new_in_run = true;
    }
}

static int soft_threshold(mtrk_tenant *t, ev_state *s)
{
    row_tenants tr = { 0 };
    tr.id = t->id;
    int rc = st_get(t, T_TENANTS, &tr); /* t->row may be stale: another handle may have changed it */
    if (rc == MTRK_ENOTFOUND)
        return terr(t, MTRK_ENOTFOUND, "tenant \"%s\" no longer exists", t->key);
    if (rc)
        return rc;
    int64_t threshold = tr.soft_bounce_threshold;
    rows_clear(T_TENANTS, &tr);
    if (threshold <= 0) {
        s->threshold = false;
        return MTRK_OK;
    }
    hist_ctx h = { NULL, 0, 0, false };
    rc = core_contact_events(t, s->msg.contact, hist_cb, &h);
    if (rc == MTRK_OK && h.oom)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc) {
        free(h.v);
        return rc;
    }
    if (h.n > 1)
        qsort(h.v, h.n, sizeof *h.v, ev_pos_cmp);
    run_ctx c = { false, 0 };
    bool placed = false;
    for (size_t i = 0; i < h.n; i++) {
        const ev_pos *e = &h.v[i];
        if (!placed && pos_cmp(s->occurred, s->arrived, s->id, e->occurred, e->arrived, e->id) < 0) {
            run_step(&c, MTRK_EV_BOUNCE, MTRK_BOUNCE_SOFT, true);
            placed = true;
        }
        run_step(&c, e->type, e->kind, false);
    }
    free(h.v);
    if (!placed)
        run_step(&c, MTRK_EV_BOUNCE, MTRK_BOUNCE_SOFT, true);
    s->threshold = c.new_in_run && c.run >= threshold;
    return MTRK_OK;
}

/* The event's verdict. Given as human or machine, it is kept. Given as
 * AUTO, an open or click is judged here, the one place for recorded events,
 * by the handle's machine rules (mtrk_tenant_set_classifier): user agent,
 * network, a click on a honeypot link, the host classifier; the timing
 * rules (delivery window, link bursts) need the live hit and judge only
 * mtrk_track_resolve's. Other types carry no verdict: human. */
static void event_verdict(mtrk_tenant *t, const mtrk_event_input *in, ev_state *s)
{
    s->verdict_reason[0] = '\0';
    if (in->verdict != MTRK_VERDICT_AUTO) {
        s->verdict = in->verdict;
        return;
    }
    s->verdict = MTRK_VERDICT_HUMAN;
    if (in->type != MTRK_EV_OPEN && in->type != MTRK_EV_CLICK)
        return;
    mtrk_classify_rules rules = *(t->cls_rules ? t->cls_rules : mtrk_classify_rules_default());
    rules.delivery_window_ms = 0;
    rules.burst_window_ms = 0;
    char ip[MTRK_MAX_IP + 1];
    classify_ctx c;
    memset(&c, 0, sizeof c);
    c.in.version = MTRK_CLASSIFY_INPUT_VERSION;
    c.in.kind = in->type == MTRK_EV_CLICK ? MTRK_URL_CLICK : MTRK_URL_OPEN;
    c.in.mid = in->mid;
    c.in.lid = in->lid;
    c.in.user_agent = sanitize_user_agent(s->ua, in->user_agent) ? s->ua : NULL; /* as stored */
    c.in.ip = in->ip != NULL && ip_normalize(in->ip, ip) ? ip : NULL;
    c.in.at = s->occurred;
    c.honeypot = s->honeypot;
    mtrk_machine_class cls;
    mtrk_machine_rule rule;
    classify(&c, &rules, t->cls_fn, t->cls_ud, &cls, &rule);
    s->verdict = class_verdict(cls);
    if (rule != MTRK_RULE_NONE)
        snprintf(s->verdict_reason, sizeof s->verdict_reason, "%s:%s", mtrk_machine_class_name(cls),
                 mtrk_machine_rule_name(rule));
}

static int event_read(mtrk_tenant *t, const mtrk_event_input *in, ev_pre *pre, ev_state *s)
{
    int rc;
    /* In a batch, the message as its working set folds it (its view, kept
     * there with the message); else read and folded below. */
    const fold_view *fv = NULL;
    if (!fold_cache_folded(t, t->fold, in->mid, &fv, &rc)) {
        memset(&s->msg, 0, sizeof s->msg);
        s->msg.tenant = t->id;
        s->msg.id = in->mid;
        rc = st_get(t, T_MESSAGES, &s->msg);
    } else if (rc == MTRK_OK) {
        s->msg = fv->m; /* shallow: its strings stay the set's */
        s->borrowed = true;
    } else {
        memset(&s->msg, 0, sizeof s->msg);
    }
    if (rc)
        return rc == MTRK_ENOTFOUND ? field_not_found(t, "mid", "mid", in->mid)
             : rc == MTRK_ENOMEM    ? terr(t, rc, "out of memory")
                                    : rc;
    if (pre != NULL)
        pre->contact = s->msg.contact;
    if (pre != NULL && id_set_has(pre->defer, &s->msg.contact)) {
        pre->deferred = true;
        return MTRK_OK;
    }
    if (in->type == MTRK_EV_CLICK) {
        bool found;
        mtrk_id campaign;
        int64_t origin;
        if (!fold_cache_link(t->fold, in->lid, &found, &campaign, &origin)) {
            row_links l = { 0 };
            l.tenant = t->id;
            l.id = in->lid;
            rc = st_get(t, T_LINKS, &l);
            if (rc && rc != MTRK_ENOTFOUND)
                return rc;
            found = rc == MTRK_OK;
            campaign = l.campaign;
            origin = l.origin;
            rows_clear(T_LINKS, &l);
            fold_cache_note_link(t->fold, in->lid, found, campaign, origin);
        }
        bool ok = found && id_same(&campaign, &s->msg.campaign);
        s->honeypot = ok && origin == MTRK_LINK_HONEYPOT;
        if (!ok)
            return field_not_found(t, "lid", "lid (a link of the message's campaign)", in->lid);
    }
    if (in->type == MTRK_EV_UNSUBSCRIBE && in->unsub_scope == MTRK_UNSUB_AUDIENCE) {
        row_audiences a = { 0 };
        a.tenant = t->id;
        a.id = in->unsub_audience;
        rc = st_get(t, T_AUDIENCES, &a);
        if (rc == MTRK_ENOTFOUND)
            return field_not_found(t, "unsub_audience", "unsub_audience", in->unsub_audience);
        if (rc)
            return rc;
        rows_clear(T_AUDIENCES, &a);
    }
    /* The contact row itself (status, address) only matters to the effects of
     * bounces, complaints and unsubscribes; the message row carries its id.
     * Contacts are never deleted, so skipping the read changes no outcome. */
    if (in->type == MTRK_EV_BOUNCE || in->type == MTRK_EV_COMPLAINT || in->type == MTRK_EV_UNSUBSCRIBE)
        memset(&s->contact, 0, sizeof s->contact);
    s->contact.tenant = t->id;
    s->contact.id = s->msg.contact;
    if ((in->type == MTRK_EV_BOUNCE || in->type == MTRK_EV_COMPLAINT || in->type == MTRK_EV_UNSUBSCRIBE) &&
        (s->contact_read = true) && (rc = st_get(t, T_CONTACTS, &s->contact)))
        return rc == MTRK_ENOTFOUND ? field_not_found(t, "mid", "contact of the message", s->msg.contact) : rc;
    s->arrived = pre != NULL ? pre->ids->arrived : core_now(t->db);
    s->occurred = in->occurred_at ? in->occurred_at : s->arrived;
    /* A batch's next id: ids grow in the order its events are written. */
    assert(pre == NULL || pre->ids->next < pre->ids->n);
    s->id = pre != NULL ? pre->ids->id[pre->ids->next++] : core_id_new(t->db);
    if (in->type == MTRK_EV_BOUNCE && in->bounce_kind == MTRK_BOUNCE_SOFT && (rc = soft_threshold(t, s)))
        return rc;
    event_verdict(t, in, s);
    /* The facts before this event: the row folded with the events so far
     * (one range of events_by_message, where the new event goes too). */
    if (fv != NULL) {
        s->marked = fv->marked;
        s->mark = fv->mark;
        s->visited = fv->visited;
        s->seen = &fv->links;
    } else {
        s->marked = mark_of(&s->msg, &s->mark);
        if ((rc = fold_message(t, &s->msg, false, NULL, NULL, &s->visited, &s->links)))
            return rc;
        s->seen = &s->links;
    }
    const link_seen *seen = in->type == MTRK_EV_CLICK ? links_find(s->seen, in->lid) : NULL;
    s->link_first = seen == NULL;
    s->link_first_human = s->verdict == MTRK_VERDICT_HUMAN && (seen == NULL || !seen->human);
    return MTRK_OK;
}

/* ---- apply ------------------------------------------------------------------- */

/* Hard bounce: contact bounced, address suppressed, queued messages rechecked. */
static int apply_hard(mtrk_tenant *t, const ev_state *s, uint32_t *eff)
{
    int rc, created = 0;
    uint64_t n = 0;
    if (s->contact.status == MTRK_CONTACT_ACTIVE) {
        if ((rc = core_contact_status(t, s->contact.id, MTRK_CONTACT_BOUNCED)))
            return rc;
        *eff |= MTRK_EFFECT_CONTACT_BOUNCED;
    }
    if (s->contact.address_key) {
        if ((rc = core_suppress_put(t, MTRK_SUPPRESS_ADDRESS, s->contact.address_key, "hard_bounce", &s->id,
                                    &created)))
            return rc;
        if (created)
            *eff |= MTRK_EFFECT_SUPPRESSED;
    }
    if ((rc = core_recheck_contact(t, s->contact.id, &n)))
        return rc;
    if (n > 0)
        *eff |= MTRK_EFFECT_CANCELED_MESSAGES;
    return MTRK_OK;
}

static int apply_unsub(mtrk_tenant *t, const ev_state *s, mtrk_unsub_scope scope, mtrk_id scope_id,
                       mtrk_source source, uint32_t *eff)
{
    int created = 0;
    uint64_t canceled = 0;
    int rc = core_unsub_put(t, s->contact.id, scope, scope_id, source, &s->id, &created, &canceled);
    if (rc)
        return rc;
    if (created)
        *eff |= MTRK_EFFECT_UNSUB_RULE;
    if (canceled)
        *eff |= MTRK_EFFECT_CANCELED_MESSAGES;
    return MTRK_OK;
}

/* Complaint: contact complained, global unsubscribe, address suppressed. */
static int apply_complaint(mtrk_tenant *t, const ev_state *s, uint32_t *eff)
{
    int rc, created = 0;
    uint64_t n = 0;
    if (s->contact.status == MTRK_CONTACT_ACTIVE) {
        if ((rc = core_contact_status(t, s->contact.id, MTRK_CONTACT_COMPLAINED)))
            return rc;
        *eff |= MTRK_EFFECT_CONTACT_COMPLAINED;
    }
    if ((rc = apply_unsub(t, s, MTRK_UNSUB_GLOBAL, nil_id, MTRK_SOURCE_COMPLAINT, eff)))
        return rc;
    if (s->contact.address_key) {
        if ((rc = core_suppress_put(t, MTRK_SUPPRESS_ADDRESS, s->contact.address_key, "complaint", &s->id,
                                    &created)))
            return rc;
        if (created)
            *eff |= MTRK_EFFECT_SUPPRESSED;
    }
    /* The contact is no longer active: nothing queued for it may go out. */
    if ((rc = core_recheck_contact(t, s->contact.id, &n)))
        return rc;
    if (n > 0)
        *eff |= MTRK_EFFECT_CANCELED_MESSAGES;
    return MTRK_OK;
}

/* event_row writes each column of the row: no zeroing first. */
_Static_assert(COL_events__COUNT == 23 && sizeof(row_events) == 7 * sizeof(mtrk_id) + 7 * sizeof(char *) + 9 * 8,
               "event_row writes each of the events row's columns");

static void event_row(row_events *ev, mtrk_tenant *t, const mtrk_event_input *in, ev_state *s)
{
    ev->tenant = t->id;
    ev->id = s->id;
    ev->message = s->msg.id;
    ev->campaign = s->msg.campaign;
    ev->contact = s->msg.contact;
    ev->type = in->type;
    ev->link = in->lid;
    ev->occurred_at = s->occurred;
    ev->occurred_hour = core_hour(s->occurred);
    ev->arrived_at = s->arrived;
    ev->provider = ev_given(in->provider) ? (char *)in->provider : NULL;
    ev->provider_event_id = ev_given(in->provider_event_id) ? (char *)in->provider_event_id : NULL;
    ev->provider_message_id = ev_given(in->provider_message_id) ? (char *)in->provider_message_id : NULL;
    ev->bounce_kind = in->bounce_kind;
    ev->diagnostic = (char *)in->diagnostic;
    /* The client fields as every path stores them (sanitize.h): an IP that
     * is not an address is dropped, not the event. */
    ev->user_agent = sanitize_user_agent(s->ua, in->user_agent) ? s->ua : NULL;
    ev->ip = sanitize_ip(s->ip, in->ip) ? s->ip : NULL;
    ev->verdict = s->verdict;
    ev->verdict_reason = s->verdict_reason[0] != '\0' && in->verdict_reason == NULL ? (char *)s->verdict_reason
                                                                                  : (char *)in->verdict_reason;
    if (in->type == MTRK_EV_UNSUBSCRIBE) {
        ev->unsub_scope = in->unsub_scope ? in->unsub_scope : MTRK_UNSUB_GLOBAL;
        ev->unsub_audience = in->unsub_audience;
        ev->unsub_source = in->unsub_source ? in->unsub_source : MTRK_SOURCE_LINK;
    } else {
        ev->unsub_scope = 0;
        ev->unsub_audience = nil_id;
        ev->unsub_source = 0;
    }
    ev->effects = 0; /* the caller's, once decided */
}

static int event_apply(mtrk_tenant *t, const mtrk_event_input *in, ev_state *s)
{
    bool hard_kind = in->type == MTRK_EV_BOUNCE && in->bounce_kind == MTRK_BOUNCE_HARD;
    bool soft = in->type == MTRK_EV_BOUNCE && in->bounce_kind == MTRK_BOUNCE_SOFT;
    decide_event de = { (int)in->type, hard_kind || s->threshold, soft, s->verdict == MTRK_VERDICT_HUMAN,
                        s->occurred };
    /* The message after this event: s->msg itself (the fields read below
     * from the row before it, id, campaign and contact, are the decision's
     * to keep); the rollups need only the flags and state before it. */
    int64_t before_flags = s->msg.flags, before_state = s->msg.state;
    row_messages *after = &s->msg;
    uint32_t eff = decide_message(after, &de);
    if (de.hard)
        eff |= MTRK_EFFECT_HARD_BOUNCE;
    if (s->threshold)
        eff |= MTRK_EFFECT_SOFT_THRESHOLD;

    /* The message row is not written: its facts are the fold of its events
     * (core_message_fold), and this event joins them. A message the event
     * moves out of the send queue leaves the queue's index when the queue
     * next meets it (core_message_settle). Two exceptions write the row with
     * the facts after this event and the mark of the last event they
     * include: an event placed before the row's mark (the fold, which reads
     * past the mark, would never see it), and the event whose fold read
     * FOLD_COMPACT events past the mark (so no fold reads many more). */
    row_events ev;
    event_row(&ev, t, in, s);
    ev.effects = eff;
    bool staged = fold_cache_staging(t->fold);
    int rc;
    mark_pos pos = { ev.occurred_at, ev.arrived_at, ev.id };
    bool late = s->marked && mark_cmp(&pos, &s->mark) < 0;
    bool compact = late || s->visited >= FOLD_COMPACT;
    /* The row written below takes the links clicked before this event: a
     * view's are copied now, before this event changes the view. */
    if (compact && s->seen != &s->links) {
        if (s->seen->n > 0 && (s->links.v = malloc(s->seen->n * sizeof *s->links.v)) == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory");
        if (s->seen->n > 0)
            memcpy(s->links.v, s->seen->v, s->seen->n * sizeof *s->links.v);
        s->links.n = s->links.cap = s->seen->n;
        s->seen = &s->links;
    }
    if (staged) {
        /* The first pass's events change nothing but their message. */
        assert(!de.hard && in->type != MTRK_EV_COMPLAINT && in->type != MTRK_EV_UNSUBSCRIBE);
        /* Staged as borrowed strings: the input's last until the flush, the
         * three made here (event_row) are kept by the set. */
        bool oom = false;
        if (ev.user_agent == s->ua)
            ev.user_agent = fold_cache_keep(t->fold, ev.user_agent, &oom);
        if (ev.ip == s->ip)
            ev.ip = fold_cache_keep(t->fold, ev.ip, &oom);
        if (ev.verdict_reason == s->verdict_reason)
            ev.verdict_reason = fold_cache_keep(t->fold, ev.verdict_reason, &oom);
        if (oom || (rc = fold_cache_stage_event(t->fold, &ev)) != MTRK_OK)
            return terr(t, MTRK_ENOMEM, "out of memory");
    } else if (t->fold != NULL) {
        /* A batch's second pass: its record appended at once (its effects,
         * if they change below, updated on it: st_update_from). */
        mtrk_store_event rec;
        ev_record(&ev, &rec);
        const mtrk_store_event *prec = &rec;
        if ((rc = st_events_append_records(t, &prec, 1)) == MTRK_OK && fold_cache_note_event(t->fold, &ev) != MTRK_OK)
            return terr(t, MTRK_ENOMEM, "out of memory");
    } else {
        rc = st_insert(t, T_EVENTS, &ev);
    }
    if (rc == MTRK_OK && compact) {
        row_messages w = *after; /* shallow: the strings stay s->msg's */
        mark_pos folded;
        char *links = NULL;
        if (!mark_of(&w, &folded) || mark_cmp(&pos, &folded) > 0)
            folded = pos;
        /* The summary at the mark: the facts after this event (which the
         * mark includes, late or not) and the links with its own. */
        if ((in->type == MTRK_EV_CLICK && links_add(&s->links, in->lid, s->verdict == MTRK_VERDICT_HUMAN)) ||
            links_format(&s->links, &links))
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        mark_set(&w, &folded);
        w.folded_links = links;
        if (w.provider_message_id == NULL)
            w.provider_message_id = ev.provider_message_id;
        if (rc == MTRK_OK && staged && fold_cache_stage_message(t->fold, &w) != MTRK_OK)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        else if (rc == MTRK_OK && !staged && (rc = st_update(t, T_MESSAGES, &w)) == MTRK_OK &&
                 fold_cache_note_message(t->fold, &w) != MTRK_OK)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        free(links);
    }
    if (rc == MTRK_OK && t->fold != NULL && has_provider_id(ev.provider, ev.provider_event_id) &&
        fold_cache_add_provider(t->fold, ev.provider, ev.provider_event_id, ev.id, ev.message, ev.type) != MTRK_OK)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc == MTRK_OK)
        rc = core_stats_message_moved(t, before_flags, before_state, after);
    if (rc == MTRK_OK)
        rc = core_stats_event(t, &ev, s->link_first, s->link_first_human);
    if (rc)
        return rc;
    if (de.hard)
        rc = apply_hard(t, s, &eff);
    else if (in->type == MTRK_EV_COMPLAINT)
        rc = apply_complaint(t, s, &eff);
    else if (in->type == MTRK_EV_UNSUBSCRIBE) {
        mtrk_unsub_scope scope = (mtrk_unsub_scope)ev.unsub_scope;
        mtrk_id scope_id = scope == MTRK_UNSUB_CAMPAIGN ? s->msg.campaign
                         : scope == MTRK_UNSUB_AUDIENCE ? in->unsub_audience
                                                        : nil_id;
        rc = apply_unsub(t, s, scope, scope_id, (mtrk_source)ev.unsub_source, &eff);
    }
    if (rc == MTRK_OK && eff != (uint32_t)ev.effects && staged) {
        fold_cache_set_effects(t->fold, ev.id, eff); /* appended with its effects */
    } else if (rc == MTRK_OK && eff != (uint32_t)ev.effects) {
        row_events before = ev;
        ev.effects = eff;
        rc = st_update_from(t, T_EVENTS, &before, &ev);
    }
    return rc;
}

/* A repeat of a stored (provider, provider event id): a duplicate when it
 * names the same message and type, else a conflict (MTRK_EEXISTS). */
static int repeat_of(mtrk_tenant *t, const mtrk_event_input *in, mtrk_id prev, mtrk_id prev_mid, int64_t prev_type,
                     mtrk_event_outcome *out)
{
    if (out)
        out->event_id = prev;
    if (id_eq(prev_mid, in->mid) && prev_type == (int64_t)in->type) {
        if (out)
            out->duplicate = 1;
        return MTRK_OK;
    }
    if (out && out->version >= 2)
        out->conflict = 1;
    char pidt[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(pidt, prev);
    return ev_err(t, MTRK_EEXISTS, "provider_event_id",
                  "provider_event_id \"%.128s\" of provider \"%.128s\" was recorded as event %s, for another "
                  "message or type: a conflict, not a duplicate",
                  in->provider_event_id, in->provider, pidt);
}

/* Records one event inside the caller's write transaction. *wrote tells
 * whether anything was written (after which any error must abort). */
static int event_record(mtrk_tenant *t, const mtrk_event_input *in, ev_pre *pre, mtrk_event_outcome *out,
                        bool *wrote)
{
    *wrote = false;
    if (out) {
        out->status = 0;
        out->duplicate = 0;
        out->event_id = nil_id;
        if (out->version >= 2)
            out->conflict = 0;
    }
    int rc;
    if ((rc = bounce_facts_record(t, in, pre, out, wrote, event_record)) != BOUNCE_FACTS_NONE) /* bounce_facts.c */
        return rc;
    if (t->fold != NULL && has_provider_id(in->provider, in->provider_event_id)) {
        /* In a batch: the stored ids were read with the batch, and the
         * batch's own are added as it records them. */
        mtrk_id prev, prev_mid;
        int64_t prev_type;
        if (fold_cache_find_provider(t->fold, in->provider, in->provider_event_id, &prev, &prev_mid, &prev_type))
            return repeat_of(t, in, prev, prev_mid, prev_type, out);
    } else if (has_provider_id(in->provider, in->provider_event_id)) {
        row_events prev;
        mtrk_value k[3] = { v_id(&t->id), v_text(in->provider), v_text(in->provider_event_id) };
        rc = st_find(t, T_EVENTS, IDX_EVENTS_PROVIDER, k, 3, &prev);
        if (rc == MTRK_OK) {
            rc = repeat_of(t, in, prev.id, prev.message, prev.type, out);
            rows_clear(T_EVENTS, &prev);
            return rc;
        }
        if (rc != MTRK_ENOTFOUND)
            return rc;
    }
    ev_state s;
    ev_state_init(&s);
    rc = event_read(t, in, pre, &s);
    if (rc == MTRK_OK && !(pre != NULL && pre->deferred)) {
        *wrote = true;
        rc = event_apply(t, in, &s);
    }
    if (rc == MTRK_OK && out && !(pre != NULL && pre->deferred))
        out->event_id = s.id;
    ev_state_clear(&s);
    return rc;
}

/* An outcome's version-2 explanation of `status`, from the handle's last
 * error (its message kept by the handle, its argument static).
 * MTRK_ENOMEM when the copy cannot be made. */
static int outcome_explain(mtrk_tenant *t, mtrk_event_outcome *o, int status)
{
    if (o == NULL || o->version < 2)
        return MTRK_OK;
    o->message = NULL;
    o->argument = NULL;
    if (status == MTRK_OK)
        return MTRK_OK;
    const char *arg = t->err_arg;
    if ((o->message = tenant_keep(t, t->err)) == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    o->argument = arg;
    return MTRK_OK;
}

int core_event_record(mtrk_tenant *t, const mtrk_event_input *in, mtrk_event_outcome *out)
{
    bool wrote;
    return event_record(t, in, NULL, out, &wrote);
}

MTRK_API int mtrk_event_record(mtrk_event_outcome *out, mtrk_tenant *t, const mtrk_event_input *event)
{
    TENANT_CHECK(t);
    int rc;
    if (out && (rc = check_version(t, "out", out, MTRK_EVENT_OUTCOME_VERSION)))
        return rc;
    ev_name nm = { "event", SIZE_MAX, "" };
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    rc = ev_validate(t, &nm, event);
    if (rc == MTRK_OK && (rc = tx_begin(t, true)) == MTRK_OK)
        rc = tx_end(t, core_event_record(t, event, &o));
    if (out) {
        out->status = rc;
        out->duplicate = rc ? 0 : o.duplicate;
        /* A conflict names the event recorded under the pair. */
        out->event_id = rc == MTRK_OK || o.conflict ? o.event_id : nil_id;
        if (out->version >= 2) {
            out->conflict = o.conflict;
            out->dead_lettered = 0;
        }
        if (rc != MTRK_OK && outcome_explain(t, out, rc) != MTRK_OK)
            out->status = rc = MTRK_ENOMEM;
    }
    return rc;
}

/* Errors that belong to one event of a batch, not to the call. */
static bool caller_error(int rc)
{
    return rc == MTRK_EINVAL || rc == MTRK_ENOTFOUND || rc == MTRK_ETOOLONG || rc == MTRK_EENCODING ||
           rc == MTRK_EVERSION || rc == MTRK_EEXISTS;
}

/* ---- the order of a batch ------------------------------------------------------
 * A batch is recorded message by message: its events sorted by mid, each
 * message's events in the caller's order. The store then meets the messages
 * and events_by_message in key order, which a large batch turns from random
 * page reads and writes into near-sequential ones. The result is what the
 * caller's order gives, because events of different contacts commute: an
 * event reads and writes its own message, counters that only add, and (only
 * bounces, complaints and unsubscribes) its contact's rows: status,
 * suppression, unsubscribe rules, queued messages, soft bounce history. So
 * the first pass takes every event in message order except
 *   - pinned events: bounces, complaints, unsubscribes, events whose provider
 *     id repeats within the batch (the caller's first one is recorded), input
 *     that is not a valid event struct; and every event of a message that has
 *     one;
 *   - deferred events: those whose message belongs to a contact of a pinned
 *     event, found when the first pass reads the message (nothing is
 *     written for them there);
 * and the second pass records those in the caller's order. The batch's
 * events arrive at one reading of the clock, and their ids are handed out
 * in the order they are written (first pass by message, then the second in
 * the caller's order), so each index of events grows at its end; a
 * contact's events keep the caller's order wherever a rule reads it (the
 * events of a contact with a pinned event are all in the second pass).
 * docs/decisions.md §9 and §55.
 */
typedef id_key batch_key; /* an event's message id and its index */

typedef struct batch_plan {
    const mtrk_event_input *const *events;
    size_t n;
    size_t *order;      /* [0, first2): the first pass; [first2, len): the second */
    size_t first2, len;
    bool built2;
    bool *second;       /* event i is recorded in the second pass */
    ev_ids ids;         /* handed out as events are written (event_read) */
    mtrk_id *contacts;  /* the contacts of pinned events */
    size_t ncontacts;
    id_set pinned;      /* the same, as a set */
    size_t ndeferred;   /* messages the first pass deferred */
    struct fold_cache *pinned_set; /* the working set of the pinned events, kept for the second pass, or NULL */
} batch_plan;

static bool input_shaped(const mtrk_event_input *in)
{
    return in != NULL && in->version >= 1 && in->version <= MTRK_EVENT_INPUT_VERSION;
}

/* Sorts keys[0..n-1] by (mid, i) (each slice's keys come in index order:
 * the sort is stable). false when out of memory. */
static bool batch_keys_sort(batch_key *keys, size_t n) { return core_id_keys_sort(keys, n); }

/* An event with a provider id, for finding ids that repeat within a batch. */
typedef struct prov_key {
    const mtrk_event_input *in;
    size_t i;
} prov_key;

static int prov_key_cmp(const void *a, const void *b)
{
    const prov_key *x = a, *y = b;
    int c = strcmp(x->in->provider, y->in->provider);
    if (c == 0)
        c = strcmp(x->in->provider_event_id, y->in->provider_event_id);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

static void batch_plan_free(batch_plan *bp)
{
    free(bp->order);
    free(bp->second);
    free(bp->ids.id);
    free(bp->contacts);
    id_set_free(&bp->pinned);
    fold_cache_free(bp->pinned_set);
    memset(bp, 0, sizeof *bp);
}

/* Marks the events whose provider id another event of the batch also has. */
static bool pin_repeated_providers(const mtrk_event_input *const *events, size_t n, bool *second)
{
    size_t np = 0;
    prov_key *pk = malloc((n ? n : 1) * sizeof *pk);
    if (pk == NULL)
        return false;
    for (size_t i = 0; i < n; i++)
        if (input_shaped(events[i]) && has_provider_id(events[i]->provider, events[i]->provider_event_id))
            pk[np++] = (prov_key){ events[i], i };
    qsort(pk, np, sizeof *pk, prov_key_cmp);
    for (size_t a = 0; a + 1 < np; a++)
        if (strcmp(pk[a].in->provider, pk[a + 1].in->provider) == 0 &&
            strcmp(pk[a].in->provider_event_id, pk[a + 1].in->provider_event_id) == 0)
            second[pk[a].i] = second[pk[a + 1].i] = true;
    free(pk);
    return true;
}

static bool pinned_type(const mtrk_event_input *in)
{
    return !input_shaped(in) || in->type == MTRK_EV_BOUNCE || in->type == MTRK_EV_COMPLAINT ||
           in->type == MTRK_EV_UNSUBSCRIBE || (int)in->type < 1 || (int)in->type >= MTRK_EV_TYPE_COUNT;
}

/* Builds the first pass (its order, by mid) and the set of pinned contacts:
 * the contacts of the messages of pinned events, read with one load of
 * those messages (taken from *pre where it has them). When the pinned
 * events fit in a slice, the load is their working set (their provider ids
 * too), kept for the second pass: nothing the first pass writes is in it. */
static int batch_plan_make(mtrk_tenant *t, const mtrk_event_input *const *events, const int *invalid, size_t n,
                           size_t slice, const fold_preload *pre, batch_plan *bp)
{
    memset(bp, 0, sizeof *bp);
    bp->events = events;
    bp->n = n;
    size_t m = n ? n : 1;
    bp->order = malloc(2 * m * sizeof *bp->order);
    bp->second = calloc(m, sizeof *bp->second);
    bp->ids.id = malloc(m * sizeof *bp->ids.id);
    batch_key *keys = malloc(m * sizeof *keys);
    mtrk_id *pmids = malloc(m * sizeof *pmids);
    size_t npmids = 0;
    int rc = MTRK_OK;
    if (bp->order == NULL || bp->second == NULL || bp->ids.id == NULL || keys == NULL || pmids == NULL ||
        !pin_repeated_providers(events, n, bp->second))
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc == MTRK_OK) {
        bp->ids.arrived = core_ids_new(t->db, bp->ids.id, n, sizeof *bp->ids.id);
        bp->ids.n = n;
    }
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        if (pinned_type(events[i]))
            bp->second[i] = true;
        keys[i].id = input_shaped(events[i]) ? events[i]->mid : nil_id;
        keys[i].i = i;
    }
    if (rc == MTRK_OK && !batch_keys_sort(keys, n))
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    /* A message with a pinned event goes to the second pass whole. */
    for (size_t a = 0; rc == MTRK_OK && a < n;) {
        size_t b = a;
        bool any = false;
        for (; b < n && id_same(&keys[b].id, &keys[a].id); b++)
            any = any || bp->second[keys[b].i];
        for (size_t j = a; j < b; j++) {
            if (any) {
                bp->second[keys[j].i] = true;
            } else {
                bp->order[bp->first2++] = keys[j].i;
            }
        }
        if (any && !id_is_nil(keys[a].id))
            pmids[npmids++] = keys[a].id; /* ascending, once each */
        a = b;
    }
    free(keys);
    /* Their contacts: whose other messages' events wait too. */
    struct fold_cache *pc = NULL;
    size_t n2 = n - bp->first2;
    const mtrk_event_input **ev2 = NULL;
    int *inv2 = NULL;
    if (rc == MTRK_OK && npmids > 0 && n2 <= slice) {
        ev2 = malloc(n2 * sizeof *ev2);
        inv2 = malloc(n2 * sizeof *inv2);
        if (ev2 == NULL || inv2 == NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        for (size_t i = 0, j = 0; rc == MTRK_OK && i < n; i++)
            if (bp->second[i]) {
                ev2[j] = events[i];
                inv2[j++] = invalid[i];
            }
    }
    if (rc == MTRK_OK && npmids > 0)
        rc = fold_cache_load(t, ev2, inv2, ev2 != NULL ? n2 : 0, pmids, npmids, pre, &pc);
    free(ev2);
    free(inv2);
    if (rc == MTRK_OK && npmids > 0 && (bp->contacts = malloc(npmids * sizeof *bp->contacts)) == NULL)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    for (size_t j = 0; rc == MTRK_OK && j < npmids; j++) {
        row_messages msg = { 0 };
        int grc = MTRK_ENOTFOUND;
        bool known = fold_cache_get(pc, pmids[j], &msg, &grc);
        assert(known); /* the load knows each one, found or not */
        (void)known;
        if (grc == MTRK_OK)
            bp->contacts[bp->ncontacts++] = msg.contact;
        else if (grc != MTRK_ENOTFOUND)
            rc = terr(t, grc, "out of memory");
        if (grc == MTRK_OK)
            rows_clear(T_MESSAGES, &msg);
    }
    if (rc == MTRK_OK && n2 <= slice)
        bp->pinned_set = pc; /* the second pass's, if the first defers nothing */
    else
        fold_cache_free(pc);
    free(pmids);
    if (rc == MTRK_OK && id_set_init(&bp->pinned, bp->contacts, bp->ncontacts) != MTRK_OK)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    bp->len = bp->first2;
    return rc;
}

/* An event of the first pass was deferred: so is the rest of its message. */
static void batch_plan_defer(batch_plan *bp, size_t k)
{
    const mtrk_id *mid = &bp->events[bp->order[k]]->mid;
    bp->ndeferred++;
    bp->second[bp->order[k]] = true;
    for (size_t j = k + 1; j < bp->first2 && id_same(&bp->events[bp->order[j]]->mid, mid); j++)
        bp->second[bp->order[j]] = true;
}

/* The second pass: pinned and deferred events, in the caller's order. */
static void batch_plan_second(batch_plan *bp)
{
    bp->built2 = true;
    for (size_t i = 0; i < bp->n; i++)
        if (bp->second[i])
            bp->order[bp->len++] = i;
}

/* The caller's last refused event of a batch and its message: the handle
 * names it after the call, whatever order the events were recorded in. */
typedef struct refusal {
    size_t at; /* SIZE_MAX: none */
    char *msg; /* a copy of t->err when it was refused */
} refusal;

static int refusal_note(mtrk_tenant *t, refusal *r, size_t i)
{
    if (r->at != SIZE_MAX && i < r->at)
        return MTRK_OK;
    if (r->msg == NULL && (r->msg = malloc(ERRMSG_SIZE)) == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    r->at = i;
    memcpy(r->msg, t->err, ERRMSG_SIZE);
    return MTRK_OK;
}

int core_event_batch(mtrk_tenant *t, const mtrk_event_input *const *events, size_t n,
                     mtrk_event_outcome *const *outcomes, size_t *out_recorded)
{
    return core_event_batch_with(t, events, n, outcomes, out_recorded, NULL);
}

/* ---- slices --------------------------------------------------------------------
 * Each pass works in slices, within the call's one transaction: the first
 * pass in slices of whole messages in mid order (a slice closes at the end
 * of the message that brings it to BATCH_SLICE events), the second in
 * slices of BATCH_SLICE events in the caller's order. A slice reads its
 * working set when it starts (its messages with their events past the mark,
 * the stored events under its provider event ids: fold_cache_load), records
 * its events, writes what the first pass staged (fold_cache_flush), and
 * releases the set. The store then meets a message's pages while they are
 * hot, and the batch's memory beyond its input is that of one slice. What
 * a slice reads is what the one set of the whole batch held at the same
 * point: no first-pass event writes outside its own message, a message's
 * first-pass events are all in one slice, a provider id that repeats within
 * the batch is recorded in the second pass, and every write of an earlier
 * slice is in the store before the next one reads. docs/decisions.md §50. */

enum { BATCH_SLICE = 4096 };

/* The slice size: BATCH_SLICE; in a build with assertions, tests may set
 * another with MTRK_TEST_EVENT_SLICE (a positive integer; not an interface). */
static size_t batch_slice(void)
{
#ifndef NDEBUG
    const char *e = getenv("MTRK_TEST_EVENT_SLICE");
    if (e != NULL && *e != '\0') {
        char *end;
        unsigned long v = strtoul(e, &end, 10);
        if (*end == '\0' && v > 0)
            return (size_t)v;
    }
#endif
    return BATCH_SLICE;
}

/* The end of the first-pass slice that starts at order[a]. */
static size_t slice_end_first(const batch_plan *bp, size_t a, size_t size)
{
    size_t b = a + size < bp->first2 ? a + size : bp->first2;
    while (b < bp->first2 && id_same(&bp->events[bp->order[b]]->mid, &bp->events[bp->order[b - 1]]->mid))
        b++;
    return b;
}

/* The part of *pre (sorted by id) between ids lo and hi. */
static fold_preload preload_part(const fold_preload *pre, const mtrk_id *lo, const mtrk_id *hi)
{
    size_t a = 0, b = pre->n;
    while (a < b) { /* the first at or after lo */
        size_t mid = a + (b - a) / 2;
        if (id_cmp(&pre->m[mid].id, lo) < 0)
            a = mid + 1;
        else
            b = mid;
    }
    size_t e = a;
    b = pre->n;
    while (e < b) { /* the first after hi */
        size_t mid = e + (b - e) / 2;
        if (id_cmp(&pre->m[mid].id, hi) <= 0)
            e = mid + 1;
        else
            b = mid;
    }
    return (fold_preload){ e - a, pre->m + a, pre->ev + a, pre->nev + a };
}

/* Reads the working set of the slice order[a..b) into *fc: the messages of
 * its valid events and their provider ids. `sorted`: the slice is in mid
 * order (the first pass). pre (may be NULL) only while nothing the slice
 * reads has been written since it was read. */
static int slice_load(mtrk_tenant *t, const batch_plan *bp, const int *invalid, size_t a, size_t b, bool sorted,
                      const fold_preload *pre, struct fold_cache **fc)
{
    size_t m = b - a;
    const mtrk_event_input **ev = malloc(m * sizeof *ev);
    int *inv = malloc(m * sizeof *inv);
    batch_key *keys = malloc(m * sizeof *keys);
    mtrk_id *mids = malloc(m * sizeof *mids);
    int rc = ev == NULL || inv == NULL || keys == NULL || mids == NULL ? MTRK_ENOMEM : MTRK_OK;
    size_t nk = 0, nmids = 0;
    for (size_t k = a; rc == MTRK_OK && k < b; k++) {
        size_t i = bp->order[k];
        ev[k - a] = bp->events[i];
        inv[k - a] = invalid[i];
        if (!invalid[i])
            keys[nk++] = (batch_key){ bp->events[i]->mid, k - a };
    }
    if (rc == MTRK_OK && !sorted && !batch_keys_sort(keys, nk))
        rc = MTRK_ENOMEM;
    for (size_t j = 0; rc == MTRK_OK && j < nk; j++)
        if (nmids == 0 || !id_same(&mids[nmids - 1], &keys[j].id))
            mids[nmids++] = keys[j].id;
    fold_preload part;
    if (rc == MTRK_OK && pre != NULL && nmids > 0) {
        part = preload_part(pre, &mids[0], &mids[nmids - 1]);
        pre = &part;
    }
    if (rc == MTRK_OK)
        rc = fold_cache_load(t, ev, inv, m, mids, nmids, pre, fc);
    else
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    free(ev);
    free(inv);
    free(keys);
    free(mids);
    return rc;
}

/* What the passes share while recording a batch. */
typedef struct batch_run {
    const int *invalid;
    mtrk_event_outcome *const *outcomes;
    refusal ref;
    size_t recorded;
} batch_run;

/* Records order[k] (k < first2: in the first pass) with t->fold the
 * slice's set; 0, or the error that ends the call. */
static int batch_record_one(mtrk_tenant *t, batch_plan *bp, batch_run *br, size_t k)
{
    size_t i = bp->order[k];
    if (k < bp->first2 && bp->second[i])
        return MTRK_OK; /* deferred with its message */
    const mtrk_event_input *in = bp->events[i];
    mtrk_event_outcome *o = br->outcomes[i];
    o->status = 0;
    o->duplicate = 0;
    o->event_id = nil_id;
    if (o->version >= 2) {
        o->conflict = 0;
        o->dead_lettered = 0;
        if (!br->invalid[i]) /* an invalid one keeps its explanation from the validation */
            o->message = o->argument = NULL;
    }
    int erc = br->invalid[i], rc = MTRK_OK;
    bool wrote = false;
    /* The second pass records every event, whatever its contact. */
    bool first = k < bp->first2;
    ev_pre pre = { &bp->ids, first ? &bp->pinned : NULL, false, { { 0 } } };
    if (erc == MTRK_OK)
        erc = event_record(t, in, &pre, o, &wrote);
    /* A second-pass event with effects on its contact has changed that
     * contact's messages behind the set. */
    if (!first && wrote && erc == MTRK_OK && pinned_type(in) &&
        fold_cache_forget_contact(t->fold, pre.contact) != MTRK_OK)
        erc = terr(t, MTRK_ENOMEM, "out of memory");
    if (erc == MTRK_OK && pre.deferred) {
        batch_plan_defer(bp, k);
    } else if (erc == MTRK_OK) {
        br->recorded += !o->duplicate;
    } else if (caller_error(erc) && !wrote) {
        o->status = erc;
        if (!(o->version >= 2 && o->conflict)) /* a conflict names the event recorded under the pair */
            o->event_id = nil_id;
        if (!br->invalid[i] && (rc = outcome_explain(t, o, erc)) == MTRK_OK) /* refused by the store's state */
            rc = refusal_note(t, &br->ref, i);
    } else {
        rc = erc; /* storage or memory: the whole call goes */
    }
    return rc;
}

/* Records order[a..b) as one slice: its set read (or `have`, read before),
 * its events recorded, what it staged written, its set released. */
static int batch_slice_run(mtrk_tenant *t, batch_plan *bp, batch_run *br, size_t a, size_t b, bool first,
                           const fold_preload *pre, struct fold_cache *have)
{
    struct fold_cache *fc = have;
    int rc = have != NULL ? MTRK_OK : slice_load(t, bp, br->invalid, a, b, first, pre, &fc);
    if (rc == MTRK_OK && !first) {
        /* The second pass writes at once: its events reach beyond their
         * messages (fold_cache_forget_contact). */
        fold_cache_pinned(fc, &bp->pinned);
        rc = fold_cache_stop_staging(t, fc);
    }
    t->fold = fc;
    for (size_t k = a; rc == MTRK_OK && k < b; k++)
        rc = batch_record_one(t, bp, br, k);
    if (rc == MTRK_OK && first)
        rc = fold_cache_flush(t, fc);
    t->fold = NULL;
    fold_cache_free(fc);
    return rc;
}

int core_event_batch_with(mtrk_tenant *t, const mtrk_event_input *const *events, size_t n,
                          mtrk_event_outcome *const *outcomes, size_t *out_recorded, const fold_preload *pre)
{
    *out_recorded = 0;
    { int wrc = evtime_window_refresh(t); if (wrc) return wrc; } /* the tenant's event window, evtime.c */
    /* Each event validated once, up front (no store needed). */
    int *invalid = calloc(n ? n : 1, sizeof *invalid);
    if (invalid == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    batch_run br = { invalid, outcomes, { SIZE_MAX, NULL }, 0 };
    int rc = MTRK_OK;
    for (size_t i = 0; i < n && rc == MTRK_OK; i++) {
        ev_name nm = { "events", i, "" };
        if ((invalid[i] = ev_validate(t, &nm, events[i])) != MTRK_OK &&
            (rc = outcome_explain(t, outcomes[i], invalid[i])) == MTRK_OK)
            rc = refusal_note(t, &br.ref, i);
    }
    batch_plan bp;
    memset(&bp, 0, sizeof bp);
    size_t size = batch_slice();
    if (rc == MTRK_OK)
        rc = batch_plan_make(t, events, invalid, n, size, pre, &bp);
    /* The first pass, slice by slice; its writes are in the store before
     * the second pass, whose events read and write beyond their messages. */
    for (size_t a = 0, b; rc == MTRK_OK && a < bp.first2; a = b) {
        b = slice_end_first(&bp, a, size);
        rc = batch_slice_run(t, &bp, &br, a, b, true, pre, NULL);
    }
    if (rc == MTRK_OK)
        batch_plan_second(&bp);
    /* The second pass: the pinned events' set when they are all of it
     * (then in one slice), else slices read now (the preload may be stale). */
    struct fold_cache *pset = bp.pinned_set;
    bp.pinned_set = NULL;
    if (bp.ndeferred > 0 || bp.len == bp.first2) {
        fold_cache_free(pset);
        pset = NULL;
    }
    for (size_t a = bp.first2, b; rc == MTRK_OK && a < bp.len; a = b) {
        b = bp.len - a > size ? a + size : bp.len;
        rc = batch_slice_run(t, &bp, &br, a, b, false, NULL, pset);
        pset = NULL;
    }
    fold_cache_free(pset);
    if (rc == MTRK_OK && br.ref.msg != NULL)
        terr_set(t, br.ref.msg);
    free(br.ref.msg);
    free(invalid);
    batch_plan_free(&bp);
    if (rc == MTRK_OK)
        *out_recorded = br.recorded;
    return rc;
}

MTRK_API int mtrk_event_record_batch(size_t *out_recorded, mtrk_event_outcome *const *outcomes, mtrk_tenant *t,
                                     const mtrk_event_input *const *events, size_t n)
{
    if (out_recorded)
        *out_recorded = 0;
    TENANT_CHECK(t);
    if (outcomes == NULL)
        return terr(t, MTRK_EINVAL, "outcomes is NULL");
    if (events == NULL)
        return terr(t, MTRK_EINVAL, "events is NULL");
    if (n > MTRK_MAX_BATCH)
        return terr(t, MTRK_ETOOLONG, "n %zu is over the batch limit %d", n, MTRK_MAX_BATCH);
    for (size_t i = 0; i < n; i++) {
        const mtrk_event_outcome *o = outcomes[i];
        if (o == NULL || o->version == 0 || o->version > MTRK_EVENT_OUTCOME_VERSION) {
            ev_name nm = { "outcomes", i, "" };
            return check_version(t, ev_name_of(&nm), o, MTRK_EVENT_OUTCOME_VERSION);
        }
    }
    size_t recorded = 0;
    int rc = tx_begin(t, true);
    if (rc == MTRK_OK)
        rc = tx_end(t, core_event_batch(t, events, n, outcomes, &recorded));
    if (rc) {
        /* Nothing of the call is kept: every item says so, with the call's
         * reason (one copy, shared). */
        mtrk_event_outcome why = MTRK_EVENT_OUTCOME_INIT;
        if (outcome_explain(t, &why, rc) != MTRK_OK)
            why.message = mtrk_strerror(rc); /* no memory for a copy: the code's name */
        for (size_t i = 0; i < n; i++) {
            mtrk_event_outcome *o = outcomes[i];
            o->duplicate = 0;
            o->event_id = nil_id;
            if (o->version >= 2)
                o->conflict = 0;
            if (o->status == 0) {
                o->status = rc;
                if (o->version >= 2) {
                    o->message = why.message;
                    o->argument = why.argument;
                }
            }
        }
        return rc;
    }
    if (out_recorded)
        *out_recorded = recorded;
    return MTRK_OK;
}
