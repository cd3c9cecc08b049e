/*
 * Events: validation, recording with effects, iteration.
 *
 * A write follows DESIGN.md "How a write flows": validate (pure) → begin →
 * read everything that can refuse the event → decide (decide_message, pure)
 * → apply → commit. Every read that can fail with a caller error happens
 * before the first write, so a refused event writes nothing and a batch can
 * go on with the next one in the same transaction.
 */
#include "internal.h"
#include "contact_int.h"
#include "decide.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* uthash's default on a failed allocation is exit(-1): have HASH_ADD undo
 * the add instead (the item's hh.tbl is then NULL) and report MTRK_ENOMEM. */
#define HASH_NONFATAL_OOM 1
#include <uthash.h>

static const char *const type_names[MTRK_EV_TYPE_COUNT] = {
    NULL, "sent", "delivered", "deferred", "open", "click", "bounce", "complaint", "unsubscribe",
};

MTRK_API const char *mtrk_event_type_name(mtrk_event_type type)
{
    return (int)type > 0 && (int)type < MTRK_EV_TYPE_COUNT ? type_names[type] : NULL;
}

MTRK_API int mtrk_event_input_init(mtrk_event_input *in, unsigned int version)
{
    if (in == NULL)
        return gerr(MTRK_EINVAL, "input is NULL");
    if (version == 0 || version > MTRK_EVENT_INPUT_VERSION)
        return gerr(MTRK_EVERSION, "event input version %u unknown (1..%u)", version, MTRK_EVENT_INPUT_VERSION);
    memset(in, 0, sizeof *in);
    in->version = version;
    return MTRK_OK;
}

MTRK_API int mtrk_event_outcome_init(mtrk_event_outcome *o, unsigned int version)
{
    if (o == NULL)
        return gerr(MTRK_EINVAL, "outcome is NULL");
    if (version == 0 || version > MTRK_EVENT_OUTCOME_VERSION)
        return gerr(MTRK_EVERSION, "event outcome version %u unknown (1..%u)", version, MTRK_EVENT_OUTCOME_VERSION);
    memset(o, 0, sizeof *o);
    o->version = version;
    return MTRK_OK;
}

MTRK_API int mtrk_event_info_init(mtrk_event_info *info, unsigned int version)
{
    if (info == NULL)
        return gerr(MTRK_EINVAL, "info is NULL");
    if (version == 0 || version > MTRK_EVENT_INFO_VERSION)
        return gerr(MTRK_EVERSION, "event info version %u unknown (1..%u)", version, MTRK_EVENT_INFO_VERSION);
    memset(info, 0, sizeof *info);
    info->version = version;
    return MTRK_OK;
}

/* ---- validation (pure) ----------------------------------------------------- */

static bool given(const char *s) { return s != NULL && *s != '\0'; }

/* The name of the input in messages: "event", or "events[3]" in a batch.
 * Formatted only when a message needs it: validation runs per event, errors
 * are rare. */
typedef struct ev_name {
    const char *base;
    size_t index; /* SIZE_MAX: not in a batch */
    char buf[48];
} ev_name;

static const char *name_of(ev_name *n)
{
    if (n->index == SIZE_MAX)
        return n->base;
    snprintf(n->buf, sizeof n->buf, "%s[%zu]", n->base, n->index);
    return n->buf;
}

static int check_field(mtrk_tenant *t, ev_name *what, const char *field, const char *s, size_t max)
{
    if (s == NULL)
        return MTRK_OK;
    size_t n = strnlen(s, max + 1);
    if (n <= max && utf8_valid(s, n))
        return MTRK_OK;
    char name[96];
    snprintf(name, sizeof name, "%s->%s", name_of(what), field);
    return check_str(t, name, s, max, false);
}

/* Every rule of docs/rules.md "Events / Validation" that needs no store.
 * `what` names the input in messages ("event", "events[3]"). */
static int event_validate(mtrk_tenant *t, ev_name *what, const mtrk_event_input *in)
{
    int rc;
    if (in == NULL || in->version == 0 || in->version > MTRK_EVENT_INPUT_VERSION)
        return check_version(t, name_of(what), in, MTRK_EVENT_INPUT_VERSION);
    if ((int)in->type < 1 || (int)in->type >= MTRK_EV_TYPE_COUNT)
        return terr(t, MTRK_EINVAL, "%s->type %d is not an event type", name_of(what), (int)in->type);
    if (id_is_nil(in->mid))
        return terr(t, MTRK_EINVAL, "%s->mid is nil", name_of(what));
    if (in->type == MTRK_EV_CLICK && id_is_nil(in->lid))
        return terr(t, MTRK_EINVAL, "%s->lid is nil: a click names a link", name_of(what));
    if (in->type != MTRK_EV_CLICK && !id_is_nil(in->lid))
        return terr(t, MTRK_EINVAL, "%s->lid is set on a %s event (clicks only)", name_of(what),
                    type_names[in->type]);
    if (in->type == MTRK_EV_BOUNCE && in->bounce_kind != MTRK_BOUNCE_HARD && in->bounce_kind != MTRK_BOUNCE_SOFT)
        return terr(t, MTRK_EINVAL, "%s->bounce_kind %d: a bounce is hard or soft", name_of(what),
                    (int)in->bounce_kind);
    if (in->type != MTRK_EV_BOUNCE && in->bounce_kind != MTRK_BOUNCE_NONE)
        return terr(t, MTRK_EINVAL, "%s->bounce_kind is set on a %s event (bounces only)", name_of(what),
                    type_names[in->type]);
    if (in->occurred_at < 0)
        return terr(t, MTRK_EINVAL, "%s->occurred_at %lld is negative", name_of(what),
                    (long long)in->occurred_at);
    if ((rc = check_occurred_at(t, name_of(what), in->occurred_at)))
        return rc;
    if (in->verdict != MTRK_VERDICT_HUMAN && in->verdict != MTRK_VERDICT_MACHINE)
        return terr(t, MTRK_EINVAL, "%s->verdict %d is neither human nor machine", name_of(what),
                    (int)in->verdict);
    int scope = (int)in->unsub_scope;
    if (scope < 0 || scope > MTRK_UNSUB_AUDIENCE)
        return terr(t, MTRK_EINVAL, "%s->unsub_scope %d is not a scope", name_of(what), scope);
    if (scope == MTRK_UNSUB_AUDIENCE && id_is_nil(in->unsub_audience))
        return terr(t, MTRK_EINVAL, "%s->unsub_audience is nil with audience scope", name_of(what));
    if (scope != MTRK_UNSUB_AUDIENCE && !id_is_nil(in->unsub_audience))
        return terr(t, MTRK_EINVAL, "%s->unsub_audience is set without audience scope", name_of(what));
    if (in->unsub_source != 0 && !unsub_source_valid((int)in->unsub_source))
        return terr(t, MTRK_EINVAL, "%s->unsub_source %d is not an unsubscribe source", name_of(what),
                    (int)in->unsub_source);
    if ((rc = check_field(t, what, "provider", in->provider, MTRK_MAX_PROVIDER)) ||
        (rc = check_field(t, what, "provider_event_id", in->provider_event_id, MTRK_MAX_PROVIDER)) ||
        (rc = check_field(t, what, "provider_message_id", in->provider_message_id, MTRK_MAX_PROVIDER)) ||
        (rc = check_field(t, what, "diagnostic", in->diagnostic, MTRK_MAX_DIAGNOSTIC)) ||
        (rc = check_field(t, what, "user_agent", in->user_agent, MTRK_MAX_USER_AGENT)) ||
        (rc = check_field(t, what, "ip", in->ip, MTRK_MAX_IP)) ||
        (rc = check_field(t, what, "verdict_reason", in->verdict_reason, MTRK_MAX_NAME)))
        return rc;
    if (given(in->provider) != given(in->provider_event_id))
        return terr(t, MTRK_EINVAL, "%s->provider and %s->provider_event_id are given together or not at all",
                    name_of(what), name_of(what));
    return MTRK_OK;
}

/* ---- reads ------------------------------------------------------------------ */

/* A position in events_by_message order: occurrence, arrival, id. */
typedef struct mark_pos {
    mtrk_time occurred, arrived;
    mtrk_id id;
} mark_pos;

/* Everything the decision needs, read before any write. */
typedef struct ev_state {
    row_messages msg;      /* as stored (owned) */
    row_contacts contact;  /* the message's contact (owned) */
    mtrk_time occurred, arrived;
    mtrk_id id;            /* the new event's id */
    bool threshold;        /* a soft bounce reaching the tenant's threshold */
    bool link_first, link_first_human;
    bool marked;           /* the stored row had a mark (msg's is the fold's) */
    mark_pos mark;         /* that mark */
    size_t visited;        /* events the fold read past it */
} ev_state;

/* An event's id and arrival, issued by a batch in the caller's order. */
typedef struct ev_issued {
    mtrk_id id;
    mtrk_time arrived;
} ev_issued;

/* What a batch fixes for one event before recording it (batch_plan). */
typedef struct ev_pre {
    ev_issued issued;
    const mtrk_id *defer;  /* first pass: sorted contacts whose events wait for the second */
    size_t ndefer;
    bool deferred;         /* out: the message's contact is one of them; nothing was written */
} ev_pre;

static int id_cmp(const void *a, const void *b) { return memcmp(a, b, sizeof(mtrk_id)); }

static void ev_state_clear(ev_state *s)
{
    rows_clear(T_MESSAGES, &s->msg);
    rows_clear(T_CONTACTS, &s->contact);
}

static int not_found(mtrk_tenant *t, const char *what, mtrk_id id)
{
    char idt[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(idt, id);
    return terr(t, MTRK_ENOTFOUND, "%s %s not found", what, idt);
}

/* Sort position of an event in a message/contact/campaign history. */
static int pos_cmp(mtrk_time occ_a, mtrk_time arr_a, mtrk_id id_a, mtrk_time occ_b, mtrk_time arr_b, mtrk_id id_b)
{
    if (occ_a != occ_b)
        return occ_a < occ_b ? -1 : 1;
    if (arr_a != arr_b)
        return arr_a < arr_b ? -1 : 1;
    return mtrk_id_compare(id_a, id_b);
}

static bool is_delivery(int64_t type)
{
    return type == MTRK_EV_DELIVERED || type == MTRK_EV_OPEN || type == MTRK_EV_CLICK;
}

/* ---- a contact's events ------------------------------------------------------
 *
 * There is no index of events by contact: every event insert would write a
 * randomly placed entry into it (docs/performance.md). A contact's history is
 * read through its messages (messages_by_contact) and each message's events
 * (events_by_message); contacts have few messages, events are many. */

typedef struct mids_ctx {
    mtrk_id *v;
    size_t n, cap;
    bool oom;
} mids_ctx;

static int mids_cb(void *ud, void *row)
{
    mids_ctx *c = ud;
    if (c->n == c->cap) {
        mtrk_id *v = grow_array(c->v, &c->cap, sizeof *v, 16);
        if (v == NULL) {
            c->oom = true;
            return 1;
        }
        c->v = v;
    }
    c->v[c->n++] = ((const row_messages *)row)->id;
    return 0;
}

int core_contact_mids(mtrk_tenant *t, mtrk_id contact, mtrk_id **out, size_t *n)
{
    mids_ctx c = { NULL, 0, 0, false };
    mtrk_value pre[2] = { v_id(&t->id), v_id(&contact) };
    int rc = st_scan(t, T_MESSAGES, IDX_MESSAGES_CONTACT, pre, 2, NULL, 0, 0, mids_cb, &c);
    if (rc == MTRK_OK && c.oom)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc) {
        free(c.v);
        return rc;
    }
    *out = c.v;
    *n = c.n;
    return MTRK_OK;
}

int core_contact_events(mtrk_tenant *t, mtrk_id contact, st_row_fn fn, void *ud)
{
    mtrk_id *mids = NULL;
    size_t n = 0;
    int rc = core_contact_mids(t, contact, &mids, &n);
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        mtrk_value pre[2] = { v_id(&t->id), v_id(&mids[i]) };
        rc = st_scan(t, T_EVENTS, IDX_EVENTS_MESSAGE, pre, 2, NULL, 0, 0, fn, ud);
    }
    free(mids);
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

/* ---- a message's facts: its row folded with its events ---------------------- */

/* A message folds into its row after FOLD_COMPACT events past the row's
 * mark: the event that finds that many writes the row (event_apply), so no
 * fold reads more than about this many events however many a message has. */
#define FOLD_COMPACT 16

static int mark_cmp(const mark_pos *a, const mark_pos *b)
{
    return pos_cmp(a->occurred, a->arrived, a->id, b->occurred, b->arrived, b->id);
}

/* The row's mark: the position of the last event its facts include. */
static bool mark_of(const row_messages *m, mark_pos *out)
{
    out->occurred = m->folded_occurred_at;
    out->arrived = m->folded_arrived_at;
    out->id = m->folded_event;
    return !id_is_nil(m->folded_event);
}

/* The start of the events of message mid past a mark, in events_by_message
 * after its (tenant, message) prefix: the sort key of an event at the mark
 * (sort_key_after). *at holds the values, which point into it. */
static unsigned mark_start(const mtrk_tenant *t, mtrk_id mid, const mark_pos *p, row_events *at,
                           mtrk_value *out)
{
    memset(at, 0, sizeof *at);
    at->tenant = t->id;
    at->message = mid;
    at->occurred_at = p->occurred;
    at->arrived_at = p->arrived;
    at->id = p->id;
    return sort_key_after(T_EVENTS, IDX_EVENTS_MESSAGE, 2, at, out);
}

static void mark_set(row_messages *m, const mark_pos *p)
{
    m->folded_occurred_at = p->occurred;
    m->folded_arrived_at = p->arrived;
    m->folded_event = p->id;
}

typedef struct fold_ctx {
    row_messages *m;
    const char *pmid; /* the first provider message id met, when the row has none */
    st_row_fn each;
    void *ud;
    size_t visited;   /* events folded */
    mark_pos last;    /* the position of the last one */
} fold_ctx;

/* Folds one event (its row, or the fields the fold reads) into c->m. */
static int fold_one(fold_ctx *c, const decide_event *de, const char *pmid, const mark_pos *pos, void *row)
{
    decide_message(c->m, de);
    if (c->m->provider_message_id == NULL && c->pmid == NULL && pmid != NULL && (c->pmid = strdup(pmid)) == NULL)
        return MTRK_ENOMEM;
    c->visited++;
    c->last = *pos;
    int rc = c->each ? c->each(c->ud, row) : 0;
    return rc < 0 ? rc : 0; /* every event is folded, whatever each says */
}

static int fold_cb(void *ud, void *row)
{
    const row_events *e = row;
    decide_event de = decide_event_of(e);
    mark_pos pos = { e->occurred_at, e->arrived_at, e->id };
    return fold_one(ud, &de, e->provider_message_id, &pos, row);
}

/* ---- the batch's cache ---------------------------------------------------------
 * On a store behind a round trip (st_remote), an event batch reads the events
 * of all its messages with one st_scan_many instead of one scan per event
 * (a local store reads them event by event, which costs it no more), and keeps
 * them, as the fold sees them, until the batch ends; likewise the events
 * already stored under its provider event ids, for the duplicate check.
 * Exact: within the batch, events are inserted only by event_apply, which
 * adds each one to its message's entry (in events_by_message order) and its
 * provider event id to the map; the later update of an event's effects adds
 * contact effects only, which the fold does not read. */
typedef struct fold_ev {
    decide_event de;
    int64_t type, verdict, arrived;
    mtrk_id link, id;
    char *pmid; /* owned; NULL when the event has none */
} fold_ev;

typedef struct fold_entry {
    mtrk_id mid;
    fold_ev *ev;
    size_t n, cap;
} fold_entry;

/* A provider event id already stored or recorded by the batch, and its event. */
typedef struct prov_entry {
    UT_hash_handle hh;
    mtrk_id event;
    char key[]; /* provider, NUL, provider event id */
} prov_entry;

struct fold_cache {
    fold_entry *e; /* sorted by mid */
    size_t n;
    prov_entry *prov; /* the batch's provider event ids that have an event */
};

static bool has_provider_id(const char *provider, const char *provider_event_id)
{
    return given(provider) && given(provider_event_id);
}

static prov_entry *prov_find(struct fold_cache *fc, const char *provider, const char *peid)
{
    size_t lp = strlen(provider), le = strlen(peid);
    char stack[256], *k = lp + le + 1 <= sizeof stack ? stack : malloc(lp + le + 1);
    if (k == NULL)
        return NULL;
    memcpy(k, provider, lp + 1);
    memcpy(k + lp + 1, peid, le);
    prov_entry *pe = NULL;
    HASH_FIND(hh, fc->prov, k, lp + le + 1, pe);
    if (k != stack)
        free(k);
    return pe;
}

/* Notes that (provider, peid) has event `id`; MTRK_ENOMEM if it cannot. */
static int prov_add(struct fold_cache *fc, const char *provider, const char *peid, mtrk_id id)
{
    if (prov_find(fc, provider, peid) != NULL)
        return MTRK_OK;
    size_t lp = strlen(provider), le = strlen(peid);
    prov_entry *pe = malloc(sizeof *pe + lp + le + 1);
    if (pe == NULL)
        return MTRK_ENOMEM;
    pe->event = id;
    memcpy(pe->key, provider, lp + 1);
    memcpy(pe->key + lp + 1, peid, le);
    HASH_ADD(hh, fc->prov, key[0], lp + le + 1, pe);
    if (pe->hh.tbl == NULL) {
        free(pe);
        return MTRK_ENOMEM;
    }
    return MTRK_OK;
}

static int prov_fill_cb(void *ud, void *row)
{
    const row_events *e = row;
    if (!has_provider_id(e->provider, e->provider_event_id))
        return 0;
    return prov_add(ud, e->provider, e->provider_event_id, e->id);
}

static int mid_cmp(const void *a, const void *b)
{
    return memcmp(((const fold_entry *)a)->mid.bytes, ((const fold_entry *)b)->mid.bytes, sizeof(mtrk_id));
}

static fold_entry *fold_find(struct fold_cache *fc, mtrk_id mid)
{
    if (fc == NULL)
        return NULL;
    fold_entry key = { .mid = mid };
    return bsearch(&key, fc->e, fc->n, sizeof *fc->e, mid_cmp);
}

static int ev_order(const fold_ev *a, const row_events *b)
{
    return pos_cmp(a->de.at, a->arrived, a->id, b->occurred_at, b->arrived_at, b->id);
}

/* Adds event e to its entry, at its place in events_by_message order. */
static int fold_add(fold_entry *fe, const row_events *e)
{
    if (fe->n == fe->cap) {
        fold_ev *p = grow_array(fe->ev, &fe->cap, sizeof *p, 4);
        if (p == NULL)
            return MTRK_ENOMEM;
        fe->ev = p;
    }
    fold_ev v = { decide_event_of(e), e->type, e->verdict, e->arrived_at, e->link, e->id, NULL };
    if (e->provider_message_id != NULL && (v.pmid = strdup(e->provider_message_id)) == NULL)
        return MTRK_ENOMEM;
    size_t at = fe->n;
    while (at > 0 && ev_order(&fe->ev[at - 1], e) > 0)
        at--;
    memmove(&fe->ev[at + 1], &fe->ev[at], (fe->n - at) * sizeof *fe->ev);
    fe->ev[at] = v;
    fe->n++;
    return MTRK_OK;
}

static int fold_fill_cb(void *ud, void *row)
{
    const row_events *e = row;
    fold_entry *fe = fold_find(ud, e->message);
    return fe ? fold_add(fe, e) : 0;
}

static void fold_cache_free(struct fold_cache *fc)
{
    if (fc == NULL)
        return;
    for (size_t i = 0; i < fc->n; i++) {
        for (size_t j = 0; j < fc->e[i].n; j++)
            free(fc->e[i].ev[j].pmid);
        free(fc->e[i].ev);
    }
    free(fc->e);
    prov_entry *pe, *tmp;
    HASH_ITER(hh, fc->prov, pe, tmp) {
        HASH_DEL(fc->prov, pe);
        free(pe);
    }
    free(fc);
}

/* The cache for the batch's messages (events[i]->mid of version >= 1) and
 * provider event ids, read with one st_scan_many each (and one scan per
 * message that has a mark). */
static int fold_cache_load(mtrk_tenant *t, const mtrk_event_input *const *events, const int *invalid, size_t n,
                           struct fold_cache **out)
{
    *out = NULL;
    struct fold_cache *fc = calloc(1, sizeof *fc);
    if (fc == NULL || (n && (fc->e = calloc(n, sizeof *fc->e)) == NULL)) {
        free(fc);
        return terr(t, MTRK_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++)
        if (!invalid[i])
            fc->e[fc->n++].mid = events[i]->mid;
    qsort(fc->e, fc->n, sizeof *fc->e, mid_cmp);
    size_t u = 0;
    for (size_t i = 0; i < fc->n; i++)
        if (u == 0 || !id_eq(fc->e[u - 1].mid, fc->e[i].mid))
            fc->e[u++] = fc->e[i];
    fc->n = u;
    mtrk_value *pre = fc->n ? malloc(2 * fc->n * sizeof *pre) : NULL;
    if (fc->n && pre == NULL) {
        fold_cache_free(fc);
        return terr(t, MTRK_ENOMEM, "out of memory");
    }
    /* The rows (prefetched) give each message's mark. Those without one:
     * all their events, in one call; those with one (a message folded into
     * its row, which has had many events): the events past it, one scan
     * each. The entries of absent messages stay empty. */
    size_t npre = 0;
    int rc = MTRK_OK;
    for (size_t i = 0; i < fc->n && rc == MTRK_OK; i++) {
        row_messages m;
        memset(&m, 0, sizeof m);
        m.tenant = t->id;
        m.id = fc->e[i].mid;
        rc = st_get(t, T_MESSAGES, &m);
        if (rc == MTRK_ENOTFOUND) {
            rc = MTRK_OK;
            continue;
        }
        if (rc)
            break;
        mark_pos mk;
        if (!mark_of(&m, &mk)) {
            pre[2 * npre] = v_id(&t->id);
            pre[2 * npre + 1] = v_id(&fc->e[i].mid);
            npre++;
        } else {
            mtrk_value key[2] = { v_id(&t->id), v_id(&fc->e[i].mid) };
            row_events at;
            mtrk_value start[COL_events__COUNT];
            unsigned ns = mark_start(t, fc->e[i].mid, &mk, &at, start);
            rc = st_scan(t, T_EVENTS, IDX_EVENTS_MESSAGE, key, 2, start, ns, MTRK_SCAN_AFTER, fold_fill_cb, fc);
        }
        rows_clear(T_MESSAGES, &m);
    }
    if (rc == MTRK_OK)
        rc = st_scan_many(t, T_EVENTS, IDX_EVENTS_MESSAGE, pre, 2, npre, fold_fill_cb, fc);
    free(pre);
    /* And the events already stored under the batch's provider event ids,
     * for the duplicate check, in one more. */
    size_t np = 0;
    pre = rc == MTRK_OK && n ? malloc(3 * n * sizeof *pre) : NULL;
    if (rc == MTRK_OK && n && pre == NULL)
        rc = MTRK_ENOMEM;
    for (size_t i = 0; pre != NULL && i < n; i++) {
        /* Only valid ones: a store may refuse a malformed text outright,
         * and an invalid event is that event's own error. */
        if (invalid[i] || !has_provider_id(events[i]->provider, events[i]->provider_event_id))
            continue;
        pre[3 * np] = v_id(&t->id);
        pre[3 * np + 1] = v_text(events[i]->provider);
        pre[3 * np + 2] = v_text(events[i]->provider_event_id);
        np++;
    }
    if (rc == MTRK_OK && np)
        rc = st_scan_many(t, T_EVENTS, IDX_EVENTS_PROVIDER, pre, 3, np, prov_fill_cb, fc);
    free(pre);
    if (rc) {
        fold_cache_free(fc);
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
    }
    *out = fc;
    return MTRK_OK;
}

/* Folds the cached events of m past its mark; each sees a row with the
 * fields link_cb and the rebuild read (type, link, verdict, occurred_at,
 * arrived_at, id). The entry may hold events at or before the mark (the row
 * was written during the batch): those are in the row's facts already. */
static int fold_cached(const fold_entry *fe, fold_ctx *c, const mark_pos *mark)
{
    for (size_t i = 0; i < fe->n; i++) {
        const fold_ev *v = &fe->ev[i];
        mark_pos pos = { v->de.at, v->arrived, v->id };
        if (mark != NULL && mark_cmp(&pos, mark) <= 0)
            continue;
        row_events e;
        memset(&e, 0, sizeof e);
        e.id = v->id;
        e.message = c->m->id;
        e.type = v->type;
        e.link = v->link;
        e.verdict = v->verdict;
        e.occurred_at = v->de.at;
        e.arrived_at = v->arrived;
        int rc = fold_one(c, &v->de, v->pmid, &pos, &e);
        if (rc)
            return rc;
    }
    return MTRK_OK;
}

/* The fold (see core_message_fold); `all`: from the row's state over every
 * event, whatever its mark (the rebuild). *visited: events folded. */
static int message_fold(mtrk_tenant *t, row_messages *m, bool all, st_row_fn each, void *ud, size_t *visited)
{
    fold_ctx c = { m, NULL, each, ud, 0, { 0, 0, { { 0 } } } };
    mark_pos mark = { 0, 0, { { 0 } } };
    bool marked = !all && mark_of(m, &mark);
    if (!marked)
        decide_reset_facts(m);
    fold_entry *fe = all ? NULL : fold_find(t->fold, m->id);
    int rc;
    if (fe != NULL) {
        rc = fold_cached(fe, &c, marked ? &mark : NULL);
    } else {
        mtrk_value pre[2] = { v_id(&t->id), v_id(&m->id) };
        row_events at;
        mtrk_value start[COL_events__COUNT];
        unsigned ns = marked ? mark_start(t, m->id, &mark, &at, start) : 0;
        rc = st_scan(t, T_EVENTS, IDX_EVENTS_MESSAGE, pre, 2, marked ? start : NULL, ns,
                     marked ? MTRK_SCAN_AFTER : 0, fold_cb, &c);
    }
    if (rc == MTRK_OK && c.pmid != NULL) {
        m->provider_message_id = (char *)c.pmid;
        c.pmid = NULL;
    }
    free((char *)c.pmid);
    /* The facts now include every event up to the last one folded: a row
     * written back with them carries that mark. */
    if (rc == MTRK_OK && c.visited > 0)
        mark_set(m, &c.last);
    if (visited)
        *visited = c.visited;
    return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
}

int core_message_fold(mtrk_tenant *t, row_messages *m, st_row_fn each, void *ud)
{
    return message_fold(t, m, false, each, ud, NULL);
}

int core_message_fold_all(mtrk_tenant *t, row_messages *m, st_row_fn each, void *ud)
{
    return message_fold(t, m, true, each, ud, NULL);
}

int core_message_get(mtrk_tenant *t, row_messages *m)
{
    int rc = st_get(t, T_MESSAGES, m);
    if (rc == MTRK_OK && (rc = core_message_fold(t, m, NULL, NULL)))
        rows_clear(T_MESSAGES, m);
    return rc;
}

int core_message_settle(mtrk_tenant *t, row_messages *m, bool *moved)
{
    int64_t stored = m->state;
    int rc = core_message_fold(t, m, NULL, NULL);
    *moved = rc == MTRK_OK && m->state != stored;
    if (*moved && (stored == MTRK_MSG_QUEUED || stored == MTRK_MSG_CLAIMED))
        rc = st_update(t, T_MESSAGES, m);
    return rc;
}

/* Is this the message's first click (and first human click) on the link? */
typedef struct link_ctx {
    mtrk_id link;
    bool any, any_human;
} link_ctx;

static int link_cb(void *ud, void *row)
{
    link_ctx *c = ud;
    const row_events *e = row;
    if (e->type == MTRK_EV_CLICK && id_eq(e->link, c->link)) {
        c->any = true;
        if (e->verdict == MTRK_VERDICT_HUMAN)
            c->any_human = true;
    }
    return 0;
}

static int event_read(mtrk_tenant *t, const mtrk_event_input *in, ev_pre *pre, ev_state *s)
{
    int rc;
    s->msg.tenant = t->id;
    s->msg.id = in->mid;
    if ((rc = st_get(t, T_MESSAGES, &s->msg)))
        return rc == MTRK_ENOTFOUND ? not_found(t, "mid", in->mid) : rc;
    if (pre != NULL && pre->ndefer > 0 && bsearch(&s->msg.contact, pre->defer, pre->ndefer, sizeof(mtrk_id), id_cmp)) {
        pre->deferred = true;
        return MTRK_OK;
    }
    if (in->type == MTRK_EV_CLICK) {
        row_links l = { 0 };
        l.tenant = t->id;
        l.id = in->lid;
        rc = st_get(t, T_LINKS, &l);
        if (rc && rc != MTRK_ENOTFOUND)
            return rc;
        bool ok = rc == MTRK_OK && id_eq(l.campaign, s->msg.campaign);
        rows_clear(T_LINKS, &l);
        if (!ok)
            return not_found(t, "lid (a link of the message's campaign)", in->lid);
    }
    if (in->type == MTRK_EV_UNSUBSCRIBE && in->unsub_scope == MTRK_UNSUB_AUDIENCE) {
        row_audiences a = { 0 };
        a.tenant = t->id;
        a.id = in->unsub_audience;
        rc = st_get(t, T_AUDIENCES, &a);
        if (rc == MTRK_ENOTFOUND)
            return not_found(t, "unsub_audience", in->unsub_audience);
        if (rc)
            return rc;
        rows_clear(T_AUDIENCES, &a);
    }
    /* The contact row itself (status, address) only matters to the effects of
     * bounces, complaints and unsubscribes; the message row carries its id.
     * Contacts are never deleted, so skipping the read changes no outcome. */
    s->contact.tenant = t->id;
    s->contact.id = s->msg.contact;
    if ((in->type == MTRK_EV_BOUNCE || in->type == MTRK_EV_COMPLAINT || in->type == MTRK_EV_UNSUBSCRIBE) &&
        (rc = st_get(t, T_CONTACTS, &s->contact)))
        return rc == MTRK_ENOTFOUND ? not_found(t, "contact of the message", s->msg.contact) : rc;
    s->arrived = pre != NULL ? pre->issued.arrived : core_now(t->db);
    s->occurred = in->occurred_at ? in->occurred_at : s->arrived;
    s->id = pre != NULL ? pre->issued.id : core_id_new(t->db);
    if (in->type == MTRK_EV_BOUNCE && in->bounce_kind == MTRK_BOUNCE_SOFT && (rc = soft_threshold(t, s)))
        return rc;
    /* The facts before this event: the row folded with the events so far
     * (one range of events_by_message, where the new event goes too). */
    link_ctx c = { in->lid, false, false };
    s->marked = mark_of(&s->msg, &s->mark);
    if ((rc = message_fold(t, &s->msg, false, in->type == MTRK_EV_CLICK ? link_cb : NULL, &c, &s->visited)))
        return rc;
    s->link_first = !c.any;
    s->link_first_human = in->verdict == MTRK_VERDICT_HUMAN && !c.any_human;
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

static void event_row(row_events *ev, mtrk_tenant *t, const mtrk_event_input *in, const ev_state *s)
{
    memset(ev, 0, sizeof *ev);
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
    ev->provider = given(in->provider) ? (char *)in->provider : NULL;
    ev->provider_event_id = given(in->provider_event_id) ? (char *)in->provider_event_id : NULL;
    ev->provider_message_id = given(in->provider_message_id) ? (char *)in->provider_message_id : NULL;
    ev->bounce_kind = in->bounce_kind;
    ev->diagnostic = (char *)in->diagnostic;
    ev->user_agent = (char *)in->user_agent;
    ev->ip = (char *)in->ip;
    ev->verdict = in->verdict;
    ev->verdict_reason = (char *)in->verdict_reason;
    if (in->type == MTRK_EV_UNSUBSCRIBE) {
        ev->unsub_scope = in->unsub_scope ? in->unsub_scope : MTRK_UNSUB_GLOBAL;
        ev->unsub_audience = in->unsub_audience;
        ev->unsub_source = in->unsub_source ? in->unsub_source : MTRK_SOURCE_LINK;
    }
}

static int event_apply(mtrk_tenant *t, const mtrk_event_input *in, ev_state *s)
{
    bool hard_kind = in->type == MTRK_EV_BOUNCE && in->bounce_kind == MTRK_BOUNCE_HARD;
    bool soft = in->type == MTRK_EV_BOUNCE && in->bounce_kind == MTRK_BOUNCE_SOFT;
    decide_event de = { (int)in->type, hard_kind || s->threshold, soft, in->verdict == MTRK_VERDICT_HUMAN,
                        s->occurred };
    row_messages after = s->msg; /* shallow: the strings stay s->msg's */
    uint32_t eff = decide_message(&after, &de);
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
    int rc = st_insert(t, T_EVENTS, &ev);
    mark_pos pos = { ev.occurred_at, ev.arrived_at, ev.id };
    bool late = s->marked && mark_cmp(&pos, &s->mark) < 0;
    if (rc == MTRK_OK && (late || s->visited >= FOLD_COMPACT)) {
        row_messages w = after; /* shallow, like after */
        mark_pos folded;
        if (!mark_of(&w, &folded) || mark_cmp(&pos, &folded) > 0)
            mark_set(&w, &pos);
        if (w.provider_message_id == NULL)
            w.provider_message_id = ev.provider_message_id;
        rc = st_update(t, T_MESSAGES, &w);
    } else if (rc == MTRK_OK) {
        fold_entry *fe = fold_find(t->fold, ev.message);
        if (fe != NULL && fold_add(fe, &ev) != MTRK_OK)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
    }
    if (rc == MTRK_OK && t->fold != NULL && has_provider_id(ev.provider, ev.provider_event_id) &&
        prov_add(t->fold, ev.provider, ev.provider_event_id, ev.id) != MTRK_OK)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc == MTRK_OK)
        rc = core_stats_message(t, &s->msg, &after);
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
    if (rc == MTRK_OK && eff != (uint32_t)ev.effects) {
        row_events before = ev;
        ev.effects = eff;
        rc = st_update_from(t, T_EVENTS, &before, &ev);
    }
    return rc;
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
    }
    int rc;
    if (t->fold != NULL && has_provider_id(in->provider, in->provider_event_id)) {
        /* In a batch: the stored ids were read with the batch, and the
         * batch's own are added as it records them. */
        prov_entry *pe = prov_find(t->fold, in->provider, in->provider_event_id);
        if (pe != NULL) {
            if (out) {
                out->duplicate = 1;
                out->event_id = pe->event;
            }
            return MTRK_OK;
        }
    } else if (has_provider_id(in->provider, in->provider_event_id)) {
        row_events prev;
        mtrk_value k[3] = { v_id(&t->id), v_text(in->provider), v_text(in->provider_event_id) };
        rc = st_find(t, T_EVENTS, IDX_EVENTS_PROVIDER, k, 3, &prev);
        if (rc == MTRK_OK) {
            if (out) {
                out->duplicate = 1;
                out->event_id = prev.id;
            }
            rows_clear(T_EVENTS, &prev);
            return MTRK_OK;
        }
        if (rc != MTRK_ENOTFOUND)
            return rc;
    }
    ev_state s;
    memset(&s, 0, sizeof s);
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
    if ((rc = event_validate(t, &nm, event)))
        return rc;
    if ((rc = tx_begin(t, true)))
        return rc;
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    rc = tx_end(t, core_event_record(t, event, &o));
    if (out) {
        out->status = rc;
        out->duplicate = rc ? 0 : o.duplicate;
        out->event_id = rc ? nil_id : o.event_id;
    }
    return rc;
}

/* Errors that belong to one event of a batch, not to the call. */
static bool caller_error(int rc)
{
    return rc == MTRK_EINVAL || rc == MTRK_ENOTFOUND || rc == MTRK_ETOOLONG || rc == MTRK_EENCODING ||
           rc == MTRK_EVERSION;
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
 * and the second pass records those in the caller's order. Ids and arrival
 * times are issued in the caller's order up front, so the rows written are
 * those of the caller's order. docs/decisions.md §9.
 */
typedef struct batch_key {
    mtrk_id mid;
    size_t i;
} batch_key;

typedef struct batch_plan {
    const mtrk_event_input *const *events;
    size_t n;
    size_t *order;      /* [0, first2): the first pass; [first2, len): the second */
    size_t first2, len;
    bool built2;
    bool *second;       /* event i is recorded in the second pass */
    ev_issued *issued;
    mtrk_id *contacts;  /* sorted: the contacts of pinned events */
    size_t ncontacts, capcontacts;
} batch_plan;

static bool input_shaped(const mtrk_event_input *in)
{
    return in != NULL && in->version >= 1 && in->version <= MTRK_EVENT_INPUT_VERSION;
}

static int bkey_cmp(const void *a, const void *b)
{
    const batch_key *x = a, *y = b;
    int c = memcmp(&x->mid, &y->mid, sizeof x->mid);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

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
    free(bp->issued);
    free(bp->contacts);
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

/* Builds the first pass; reads the messages of pinned events for their contacts. */
static int batch_plan_make(mtrk_tenant *t, const mtrk_event_input *const *events, size_t n, batch_plan *bp)
{
    memset(bp, 0, sizeof *bp);
    bp->events = events;
    bp->n = n;
    size_t m = n ? n : 1;
    bp->order = malloc(2 * m * sizeof *bp->order);
    bp->second = calloc(m, sizeof *bp->second);
    bp->issued = calloc(m, sizeof *bp->issued);
    batch_key *keys = malloc(m * sizeof *keys);
    int rc = MTRK_OK;
    if (bp->order == NULL || bp->second == NULL || bp->issued == NULL || keys == NULL ||
        !pin_repeated_providers(events, n, bp->second))
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        bp->issued[i].arrived = core_now(t->db);
        bp->issued[i].id = core_id_new(t->db);
        if (pinned_type(events[i]))
            bp->second[i] = true;
        keys[i].mid = input_shaped(events[i]) ? events[i]->mid : nil_id;
        keys[i].i = i;
    }
    if (rc == MTRK_OK)
        qsort(keys, n, sizeof *keys, bkey_cmp);
    /* A message with a pinned event goes to the second pass whole. */
    for (size_t a = 0; rc == MTRK_OK && a < n;) {
        size_t b = a;
        bool any = false;
        for (; b < n && id_eq(keys[b].mid, keys[a].mid); b++)
            any = any || bp->second[keys[b].i];
        for (size_t j = a; j < b; j++) {
            if (any) {
                bp->second[keys[j].i] = true;
            } else {
                bp->order[bp->first2++] = keys[j].i;
            }
        }
        /* Their contacts: whose other messages' events wait too. */
        if (any && !id_is_nil(keys[a].mid)) {
            row_messages msg = { 0 };
            msg.tenant = t->id;
            msg.id = keys[a].mid;
            int grc = st_get(t, T_MESSAGES, &msg);
            if (grc == MTRK_OK) {
                mtrk_id *c = bp->contacts;
                if (bp->ncontacts == bp->capcontacts &&
                    (c = grow_array(c, &bp->capcontacts, sizeof *c, 64)) == NULL)
                    grc = terr(t, MTRK_ENOMEM, "out of memory");
                else {
                    bp->contacts = c;
                    bp->contacts[bp->ncontacts++] = msg.contact;
                }
                rows_clear(T_MESSAGES, &msg);
            }
            if (grc != MTRK_OK && grc != MTRK_ENOTFOUND)
                rc = grc;
        }
        a = b;
    }
    free(keys);
    if (rc == MTRK_OK && bp->ncontacts > 1)
        qsort(bp->contacts, bp->ncontacts, sizeof *bp->contacts, id_cmp);
    bp->len = bp->first2;
    return rc;
}

/* An event of the first pass was deferred: so is the rest of its message. */
static void batch_plan_defer(batch_plan *bp, size_t k)
{
    const mtrk_id *mid = &bp->events[bp->order[k]]->mid;
    bp->second[bp->order[k]] = true;
    for (size_t j = k + 1; j < bp->first2 && id_eq(bp->events[bp->order[j]]->mid, *mid); j++)
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
    int rc;
    for (size_t i = 0; i < n; i++) {
        const mtrk_event_outcome *o = outcomes[i];
        if (o == NULL || o->version == 0 || o->version > MTRK_EVENT_OUTCOME_VERSION) {
            ev_name nm = { "outcomes", i, "" };
            return check_version(t, name_of(&nm), o, MTRK_EVENT_OUTCOME_VERSION);
        }
    }
    /* Each event validated once, up front (no store needed). */
    int *invalid = calloc(n ? n : 1, sizeof *invalid);
    if (invalid == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    refusal ref = { SIZE_MAX, NULL };
    rc = MTRK_OK;
    for (size_t i = 0; i < n && rc == MTRK_OK; i++) {
        ev_name nm = { "events", i, "" };
        if ((invalid[i] = event_validate(t, &nm, events[i])) != MTRK_OK)
            rc = refusal_note(t, &ref, i);
    }
    if (rc == MTRK_OK)
        rc = tx_begin(t, true);
    if (rc) {
        free(invalid);
        free(ref.msg);
        return rc;
    }
    /* The batch's messages in one store call (stores with get_many). */
    mtrk_value *mk = n > 1 ? malloc(2 * n * sizeof *mk) : NULL;
    size_t nk = 0;
    for (size_t i = 0; mk != NULL && i < n; i++)
        if (!invalid[i]) {
            mk[nk++] = v_id(&t->id);
            mk[nk++] = v_id(&events[i]->mid);
        }
    rc = n > 1 && mk == NULL ? terr(t, MTRK_ENOMEM, "out of memory") : st_prefetch(t, T_MESSAGES, mk, nk / 2);
    free(mk);
    /* And their events, for the fold, in one more. */
    struct fold_cache *fc = NULL;
    if (rc == MTRK_OK && n > 1 && st_remote(t) && (rc = fold_cache_load(t, events, invalid, n, &fc)) == MTRK_OK)
        t->fold = fc;
    batch_plan bp;
    memset(&bp, 0, sizeof bp);
    if (rc == MTRK_OK)
        rc = batch_plan_make(t, events, n, &bp);
    size_t recorded = 0;
    for (size_t k = 0; rc == MTRK_OK; k++) {
        if (k == bp.first2 && !bp.built2)
            batch_plan_second(&bp);
        if (k >= bp.len)
            break;
        size_t i = bp.order[k];
        if (k < bp.first2 && bp.second[i])
            continue; /* deferred with its message */
        mtrk_event_outcome *o = outcomes[i];
        o->status = 0;
        o->duplicate = 0;
        o->event_id = nil_id;
        int erc = invalid[i];
        bool wrote = false;
        /* The second pass records every event, whatever its contact. */
        bool first = k < bp.first2;
        ev_pre pre = { bp.issued[i], first ? bp.contacts : NULL, first ? bp.ncontacts : 0, false };
        if (erc == MTRK_OK)
            erc = event_record(t, events[i], &pre, o, &wrote);
        if (erc == MTRK_OK && pre.deferred) {
            batch_plan_defer(&bp, k);
        } else if (erc == MTRK_OK) {
            recorded += !o->duplicate;
        } else if (caller_error(erc) && !wrote) {
            o->status = erc;
            o->event_id = nil_id;
            if (!invalid[i]) /* refused by the store's state: noted now */
                rc = refusal_note(t, &ref, i);
        } else {
            rc = erc; /* storage or memory: the whole call goes */
        }
    }
    if (rc == MTRK_OK && ref.msg != NULL)
        terr_set(t, ref.msg);
    free(ref.msg);
    free(invalid);
    batch_plan_free(&bp);
    t->fold = NULL;
    fold_cache_free(fc);
    rc = tx_end(t, rc);
    if (rc) {
        for (size_t i = 0; i < n; i++) {
            outcomes[i]->duplicate = 0;
            outcomes[i]->event_id = nil_id;
            if (outcomes[i]->status == 0)
                outcomes[i]->status = rc;
        }
        return rc;
    }
    if (out_recorded)
        *out_recorded = recorded;
    return MTRK_OK;
}

/* ---- iteration ---------------------------------------------------------------- */

#define CURSOR_MAGIC 0xE7
#define CURSOR_VERSION 1

/* A position in event-time order, and where its row is kept (hour_rows). */
typedef struct ev_key {
    mtrk_time occurred, arrived;
    mtrk_id id;
    size_t row;
} ev_key;

/* A campaign listing keeps the rows of an hour up to this many events (a
 * few MiB); past it, only their positions, and reads the rows again. A
 * variable so that a unit test can make both paths meet small hours. */
size_t core_hour_keep_max = 16384;

/* Where a listing resumes: after this position in event-time order, or,
 * without an id, after every event that occurred at or before `occurred`. */
typedef struct seek_pos {
    mark_pos at;
    bool has_id;
} seek_pos;

struct mtrk_event_iter {
    pager pg;           /* first: campaign_page_read gets the iterator from it */
    mtrk_tenant *t;
    row_events current; /* the last item returned (owns the borrowed strings) */
    bool have_current;
    int type;
    mtrk_time from, to;
    /* Campaign listings: the hour being read (campaign_page_read). */
    ev_key *hour_keys;
    size_t hour_n, hour_pos, hour_cap;
    row_events *hour_rows; /* hour_kept: the rows of hour_keys, by ev_key.row */
    size_t hour_rows_cap;
    bool hour_kept;
    int64_t hour;
    bool hour_loaded, hours_done;
    seek_pos seek; /* where the listing resumes, if seeking (iter_seek) */
    bool seeking;
};

/* Drops the kept rows not yet handed out (those handed out are zeroed). */
static void hour_rows_drop(mtrk_event_iter *it)
{
    if (it->hour_kept)
        for (size_t i = 0; i < it->hour_n; i++)
            rows_clear(T_EVENTS, &it->hour_rows[i]);
    it->hour_kept = false;
}

static void hour_reset(mtrk_event_iter *it)
{
    hour_rows_drop(it);
    it->hour_n = it->hour_pos = 0;
    it->hour_loaded = it->hours_done = false;
}

/* Sets the listing to resume after `pos`, or from its first event (NULL).
 * Message and contact listings scan events_by_message from its sort key at
 * that position (sort_key_after, through cursor_set); campaign listings
 * compare each event with the position (after_seek). */
static int iter_seek(mtrk_event_iter *it, const seek_pos *pos)
{
    pager *p = &it->pg;
    size_t sz = rows_size(p->table);
    for (size_t i = p->pos; i < p->n; i++)
        rows_clear(p->table, p->rows + i * sz);
    p->n = p->pos = 0;
    p->done = false;
    cursor_free(&p->cur);
    it->seeking = pos != NULL;
    if (pos == NULL)
        return MTRK_OK;
    it->seek = *pos;
    row_events at;
    memset(&at, 0, sizeof at);
    at.tenant = it->t->id;
    at.occurred_at = pos->at.occurred;
    at.arrived_at = pos->at.arrived;
    at.id = pos->at.id;
    if (cursor_set(&p->cur, T_EVENTS, IDX_EVENTS_MESSAGE, 2, &at) != MTRK_OK)
        return terr(it->t, MTRK_ENOMEM, "out of memory");
    if (!pos->has_id) {
        /* Only the sort key's first value, occurred_at: a scan from it
         * AFTER passes every event that occurred then. */
        for (unsigned i = 1; i < p->cur.n; i++) {
            free(p->cur.owned[i]);
            p->cur.owned[i] = NULL;
        }
        p->cur.n = 1;
    }
    return MTRK_OK;
}

/* A contact's events in event-time order, a page at a time: each page takes
 * the first `max` events after the cursor of every message of the contact and
 * keeps the first `max` of them (memory: 2 * max rows). */
typedef struct cpage_ctx {
    row_events *rows;
    size_t n, max, taken;
    bool oom;
} cpage_ctx;

static int row_pos_cmp(const void *a, const void *b)
{
    const row_events *x = a, *y = b;
    return pos_cmp(x->occurred_at, x->arrived_at, x->id, y->occurred_at, y->arrived_at, y->id);
}

static int cpage_cb(void *ud, void *row)
{
    cpage_ctx *c = ud;
    if (rows_copy(T_EVENTS, &c->rows[c->n], row)) {
        c->oom = true;
        return 1;
    }
    c->n++;
    return ++c->taken >= c->max ? 1 : 0;
}

static void cpage_keep(cpage_ctx *c, size_t keep)
{
    qsort(c->rows, c->n, sizeof *c->rows, row_pos_cmp);
    for (size_t i = keep; i < c->n; i++)
        rows_clear(T_EVENTS, &c->rows[i]);
    if (c->n > keep)
        c->n = keep;
}

static int contact_page_read(pager *p, size_t max, size_t *got)
{
    mtrk_tenant *t = p->t;
    *got = 0;
    cpage_ctx c = { calloc(2 * max, sizeof(row_events)), 0, max, 0, false };
    if (c.rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_id *mids = NULL;
    size_t nm = 0;
    mtrk_id contact;
    memcpy(contact.bytes, p->prefix.vals[1].p, sizeof contact.bytes);
    int rc = tx_begin(t, false);
    if (rc == MTRK_OK) {
        rc = core_contact_mids(t, contact, &mids, &nm);
        for (size_t i = 0; rc == MTRK_OK && i < nm; i++) {
            mtrk_value pre[2] = { v_id(&t->id), v_id(&mids[i]) };
            c.taken = 0;
            rc = st_scan(t, T_EVENTS, IDX_EVENTS_MESSAGE, pre, 2, p->cur.started ? p->cur.vals : NULL,
                         p->cur.started ? p->cur.n : 0, p->cur.started ? MTRK_SCAN_AFTER : 0, cpage_cb, &c);
            if (rc == MTRK_OK && c.oom)
                rc = terr(t, MTRK_ENOMEM, "out of memory");
            if (rc == MTRK_OK && c.n > max)
                cpage_keep(&c, max);
        }
        free(mids);
        rc = tx_end(t, rc);
    }
    if (rc == MTRK_OK) {
        cpage_keep(&c, max);
        if (c.n > 0 && cursor_set(&p->cur, T_EVENTS, IDX_EVENTS_MESSAGE, 2, &c.rows[c.n - 1]))
            rc = terr(t, MTRK_ENOMEM, "out of memory");
    }
    if (rc == MTRK_OK) {
        memcpy(p->rows, c.rows, c.n * sizeof(row_events));
        *got = c.n;
    } else {
        for (size_t i = 0; i < c.n; i++)
            rows_clear(T_EVENTS, &c.rows[i]);
    }
    free(c.rows);
    return rc;
}

/* A campaign's events in event-time order. events_by_campaign keeps each
 * hour's events in arrival order (docs/decisions.md §10), so the reader
 * takes one hour at a time: the positions of its events that pass the
 * iterator's type and time filters and come after the cursor, sorted, with
 * their rows while there are at most core_hour_keep_max of them; past that, the
 * rows are read again by key, a page at a time. Memory: one hour's rows up
 * to that bound, then one ev_key (40 bytes) per event of the hour. */
typedef struct hour_ctx {
    mtrk_event_iter *it;
    int64_t hour;
    bool any, oom;
} hour_ctx;

/* Does e come after the listing's seek position (if it has one)? */
static bool after_seek(const mtrk_event_iter *it, const row_events *e)
{
    if (!it->seeking)
        return true;
    if (!it->seek.has_id)
        return e->occurred_at > it->seek.at.occurred;
    mark_pos pos = { e->occurred_at, e->arrived_at, e->id };
    return mark_cmp(&pos, &it->seek.at) > 0;
}

static int hour_cb(void *ud, void *row)
{
    hour_ctx *c = ud;
    mtrk_event_iter *it = c->it;
    const row_events *e = row;
    if (!c->any) {
        c->any = true;
        c->hour = e->occurred_hour;
    } else if (e->occurred_hour != c->hour) {
        return 1;
    }
    if ((it->type && e->type != it->type) || e->occurred_at < it->from || (it->to > 0 && e->occurred_at >= it->to) ||
        !after_seek(it, e))
        return 0;
    if (it->hour_n == it->hour_cap) {
        ev_key *k = grow_array(it->hour_keys, &it->hour_cap, sizeof *k, 256);
        if (k == NULL) {
            c->oom = true;
            return 1;
        }
        it->hour_keys = k;
    }
    if (it->hour_kept && it->hour_n >= core_hour_keep_max)
        hour_rows_drop(it);
    if (it->hour_kept) {
        if (it->hour_n == it->hour_rows_cap) {
            row_events *r = grow_array(it->hour_rows, &it->hour_rows_cap, sizeof *r, 256);
            if (r == NULL) {
                c->oom = true;
                return 1;
            }
            it->hour_rows = r;
        }
        if (rows_copy(T_EVENTS, &it->hour_rows[it->hour_n], row)) {
            c->oom = true;
            return 1;
        }
    }
    it->hour_keys[it->hour_n] = (ev_key){ e->occurred_at, e->arrived_at, e->id, it->hour_n };
    it->hour_n++;
    return 0;
}

static int key_cmp(const void *a, const void *b)
{
    const ev_key *x = a, *y = b;
    return pos_cmp(x->occurred, x->arrived, x->id, y->occurred, y->arrived, y->id);
}

/* Loads the first hour from it->hour (or the cursor's) on that has events to
 * list; none left: hours_done. */
static int hour_load(mtrk_event_iter *it)
{
    mtrk_tenant *t = it->t;
    pager *p = &it->pg;
    int64_t h = it->hour_loaded ? it->hour + HOUR_MS : it->seeking ? core_hour(it->seek.at.occurred) : 0;
    for (;;) {
        hour_rows_drop(it);
        it->hour_n = it->hour_pos = 0;
        if (it->to > 0 && h >= it->to) {
            it->hours_done = true;
            return MTRK_OK;
        }
        it->hour_kept = true;
        hour_ctx c = { it, 0, false, false };
        mtrk_value start = v_int(h);
        int rc = st_scan(t, T_EVENTS, IDX_EVENTS_CAMPAIGN, p->prefix.vals, p->prefix.n, &start, 1, 0, hour_cb, &c);
        if (rc == MTRK_OK && c.oom)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        if (rc)
            return rc;
        if (!c.any) {
            it->hours_done = true;
            return MTRK_OK;
        }
        it->hour = c.hour;
        it->hour_loaded = true;
        if (it->hour_n > 0) {
            qsort(it->hour_keys, it->hour_n, sizeof *it->hour_keys, key_cmp);
            return MTRK_OK;
        }
        h = c.hour + HOUR_MS;
    }
}

static int campaign_page_read(pager *p, size_t max, size_t *got)
{
    mtrk_event_iter *it = (mtrk_event_iter *)p;
    mtrk_tenant *t = p->t;
    row_events *rows = (row_events *)p->rows;
    *got = 0;
    int rc = tx_begin(t, false);
    while (rc == MTRK_OK && *got < max) {
        if (it->hour_pos == it->hour_n) {
            if (it->hours_done)
                break;
            rc = hour_load(it);
            continue;
        }
        size_t take = it->hour_n - it->hour_pos;
        if (take > max - *got)
            take = max - *got;
        if (take > PAGER_ROWS)
            take = PAGER_ROWS;
        if (it->hour_kept) {
            for (size_t j = 0; j < take; j++, it->hour_pos++) {
                row_events *kept = &it->hour_rows[it->hour_keys[it->hour_pos].row];
                rows[(*got)++] = *kept; /* moved: the pager owns it now */
                memset(kept, 0, sizeof *kept);
            }
            continue;
        }
        /* Their rows again, in one store call where the store has get_many. */
        mtrk_value keys[2 * PAGER_ROWS];
        for (size_t j = 0; j < take; j++) {
            keys[2 * j] = v_id(&t->id);
            keys[2 * j + 1] = v_id(&it->hour_keys[it->hour_pos + j].id);
        }
        rc = st_prefetch(t, T_EVENTS, keys, take);
        for (size_t j = 0; rc == MTRK_OK && j < take; j++) {
            row_events *r = &rows[*got];
            memset(r, 0, sizeof *r);
            r->tenant = t->id;
            r->id = it->hour_keys[it->hour_pos].id;
            rc = st_get(t, T_EVENTS, r);
            if (rc == MTRK_OK)
                (*got)++;
            else if (rc == MTRK_ENOTFOUND) /* events are never deleted; kept for safety */
                rc = MTRK_OK;
            if (rc == MTRK_OK)
                it->hour_pos++;
        }
    }
    rc = tx_end(t, rc);
    if (rc) {
        for (size_t i = 0; i < *got; i++)
            rows_clear(T_EVENTS, &rows[i]);
        *got = 0;
    }
    return rc;
}

static int iter_new(mtrk_event_iter **out, mtrk_tenant *t, unsigned owner_table, const char *what, mtrk_id owner,
                    int index)
{
    if (id_is_nil(owner))
        return terr(t, MTRK_EINVAL, "%s is nil", what);
    /* Ownership: an unknown id and another tenant's look the same. */
    char buf[512];
    memset(buf, 0, sizeof buf);
    mtrk_id *key = (mtrk_id *)buf; /* every owner table's key is (tenant, id) */
    key[0] = t->id;
    key[1] = owner;
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = st_get(t, owner_table, buf);
    if (rc == MTRK_OK)
        rows_clear(owner_table, buf);
    else if (rc == MTRK_ENOTFOUND)
        rc = not_found(t, what, owner);
    if ((rc = tx_end(t, rc)))
        return rc;
    mtrk_event_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    it->t = t;
    mtrk_value pre[2] = { v_id(&t->id), v_id(&owner) };
    if ((rc = pager_init(&it->pg, t, T_EVENTS, index, pre, 2))) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_event_iter_message(mtrk_event_iter **out, mtrk_tenant *t, mtrk_id mid)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    return iter_new(out, t, T_MESSAGES, "mid", mid, IDX_EVENTS_MESSAGE);
}

MTRK_API int mtrk_event_iter_contact(mtrk_event_iter **out, mtrk_tenant *t, mtrk_id contact)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    int rc = iter_new(out, t, T_CONTACTS, "contact", contact, IDX_EVENTS_MESSAGE);
    if (rc == MTRK_OK)
        (*out)->pg.read = contact_page_read;
    return rc;
}

MTRK_API int mtrk_event_iter_campaign(mtrk_event_iter **out, mtrk_tenant *t, mtrk_id campaign, mtrk_event_type type,
                                      mtrk_time from, mtrk_time to)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    if ((int)type < 0 || (int)type >= MTRK_EV_TYPE_COUNT)
        return terr(t, MTRK_EINVAL, "type %d is not an event type", (int)type);
    if (from < 0 || to < 0)
        return terr(t, MTRK_EINVAL, "from and to must be >= 0");
    if (to > 0 && to <= from)
        return terr(t, MTRK_EINVAL, "to must be after from");
    int rc = iter_new(out, t, T_CAMPAIGNS, "campaign", campaign, IDX_EVENTS_CAMPAIGN);
    if (rc)
        return rc;
    mtrk_event_iter *it = *out;
    it->type = (int)type;
    it->from = from;
    it->to = to;
    it->pg.read = campaign_page_read;
    /* Start at `from`: strictly after any occurred_at below it. */
    seek_pos start = { { from - 1, 0, nil_id }, false };
    if (from > 0 && (rc = iter_seek(it, &start))) {
        mtrk_event_iter_free(it);
        *out = NULL;
    }
    return rc;
}

MTRK_API int mtrk_event_iter_next(mtrk_event_info *out, mtrk_event_iter *it)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    mtrk_tenant *t = it->t;
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_EVENT_INFO_VERSION);
    if (rc)
        return rc;
    row_events r;
    memset(&r, 0, sizeof r);
    rc = pager_next(&it->pg, &r);
    if (rc)
        return rc;
    rows_clear(T_EVENTS, &it->current);
    it->current = r;
    it->have_current = true;
    unsigned v = out->version;
    memset(out, 0, sizeof *out);
    out->version = v;
    out->id = r.id;
    out->type = (mtrk_event_type)r.type;
    out->mid = r.message;
    out->campaign = r.campaign;
    out->contact = r.contact;
    out->lid = r.link;
    out->occurred_at = r.occurred_at;
    out->arrived_at = r.arrived_at;
    /* Strings live on the tenant handle (until its next call, which includes
     * the next call on this iterator), so they outlive mtrk_event_iter_free. */
    const char **dst[] = { &out->provider, &out->provider_event_id, &out->provider_message_id, &out->diagnostic,
                           &out->user_agent, &out->ip, &out->verdict_reason };
    const char *src[] = { r.provider, r.provider_event_id, r.provider_message_id, r.diagnostic,
                          r.user_agent, r.ip, r.verdict_reason };
    for (size_t i = 0; i < sizeof src / sizeof src[0]; i++) {
        *dst[i] = tenant_keep(t, src[i]);
        if (src[i] && *dst[i] == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory");
    }
    out->bounce_kind = (mtrk_bounce_kind)r.bounce_kind;
    out->verdict = (mtrk_verdict)r.verdict;
    out->unsub_scope = (mtrk_unsub_scope)r.unsub_scope;
    out->unsub_audience = r.unsub_audience;
    out->effects = (uint32_t)r.effects;
    return MTRK_OK;
}

static void put64(uint8_t *p, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int i = 7; i >= 0; i--, u >>= 8)
        p[i] = (uint8_t)u;
}

static int64_t get64(const uint8_t *p)
{
    uint64_t u = 0;
    for (int i = 0; i < 8; i++)
        u = (u << 8) | p[i];
    return (int64_t)u;
}

/* Layout: magic, version, has-item, 0, occurred_at (8, big-endian),
 * arrived_at (8), event id (16), 4 zero bytes. */
MTRK_API int mtrk_event_iter_cursor(uint8_t out[MTRK_CURSOR_SIZE], const mtrk_event_iter *it)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    memset(out, 0, MTRK_CURSOR_SIZE);
    out[0] = CURSOR_MAGIC;
    out[1] = CURSOR_VERSION;
    if (!it->have_current)
        return MTRK_OK; /* before the first item: seeking to it restarts */
    out[2] = 1;
    put64(out + 4, it->current.occurred_at);
    put64(out + 12, it->current.arrived_at);
    memcpy(out + 20, it->current.id.bytes, 16);
    return MTRK_OK;
}

MTRK_API int mtrk_event_iter_seek(mtrk_event_iter *it, const uint8_t cursor[MTRK_CURSOR_SIZE])
{
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    mtrk_tenant *t = it->t;
    TENANT_CHECK(t);
    if (cursor == NULL)
        return terr(t, MTRK_EINVAL, "cursor is NULL");
    if (cursor[0] != CURSOR_MAGIC || cursor[1] != CURSOR_VERSION || cursor[2] > 1)
        return terr(t, MTRK_EINVAL, "cursor is not an event cursor of this version");
    rows_clear(T_EVENTS, &it->current);
    it->have_current = false;
    hour_reset(it);
    if (cursor[2] == 0) {
        /* Before the first item: from the start (a campaign listing's `from`). */
        seek_pos start = { { it->from - 1, 0, nil_id }, false };
        return iter_seek(it, it->from > 0 ? &start : NULL);
    }
    seek_pos pos = { { get64(cursor + 4), get64(cursor + 12), nil_id }, true };
    memcpy(pos.at.id.bytes, cursor + 20, 16);
    int rc = iter_seek(it, &pos);
    if (rc == MTRK_OK) {
        it->current.occurred_at = pos.at.occurred;
        it->current.arrived_at = pos.at.arrived;
        it->current.id = pos.at.id;
        it->have_current = true;
    }
    return rc;
}

MTRK_API void mtrk_event_iter_free(mtrk_event_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    rows_clear(T_EVENTS, &it->current);
    hour_rows_drop(it);
    free(it->hour_rows);
    free(it->hour_keys);
    free(it);
}
