/* Bounce facts on the event path: a bounce event that carries a reason, an
 * SMTP reply code, an enhanced status code or the provider's own bounce
 * type (mtrk_event_input version 2) is recorded under the tenant's policy
 * for its reason, in the event's transaction, and its facts are stored in
 * bounce_facts keyed by the event. docs/bounces.md "Bounce facts on events". */
#include "bounce_int.h"
#include "event_int.h"
#include "reputation_int.h"

#include <stdlib.h>
#include <string.h>

#define MAX_STATUS 32 /* "class.subject.detail": 5.1.1 needs 5; three-digit parts 11 */

static const char *const hard_by_names[] = { "none", "policy", "kind", "threshold" };

MTRK_API const char *mtrk_bounce_hard_by_name(mtrk_bounce_hard_by by)
{
    return (unsigned)by < sizeof hard_by_names / sizeof hard_by_names[0] ? hard_by_names[by] : NULL;
}

/* Does the (version 2 or later) bounce input carry facts? */
static bool facts_given(const mtrk_event_input *in)
{
    return in->bounce_reason != MTRK_BR_UNDETERMINED || in->smtp_code != 0 || ev_given(in->bounce_status) ||
           ev_given(in->bounce_type) || ev_given(in->bounce_subtype);
}

static int check_text(mtrk_tenant *t, const char *field, const char *s, size_t max)
{
    if (s == NULL)
        return MTRK_OK;
    size_t n = strnlen(s, max + 1);
    if (n > max)
        return ev_err(t, MTRK_ETOOLONG, field, "event->%s is over %zu octets", field, max);
    if (!utf8_valid(s, n))
        return ev_err(t, MTRK_EENCODING, field, "event->%s is not valid UTF-8", field);
    return MTRK_OK;
}

/* The facts' own rules (the rest of the input was validated by the caller). */
static int facts_validate(mtrk_tenant *t, const mtrk_event_input *in)
{
    int rc;
    if (mtrk_bounce_reason_name(in->bounce_reason) == NULL)
        return ev_err(t, MTRK_EINVAL, "bounce_reason", "event->bounce_reason %d is not a bounce reason",
                      (int)in->bounce_reason);
    if (in->smtp_code != 0 && (in->smtp_code < 200 || in->smtp_code > 599))
        return ev_err(t, MTRK_EINVAL, "smtp_code", "event->smtp_code %d is not an SMTP reply code (200 to 599)",
                      in->smtp_code);
    if ((rc = check_text(t, "bounce_status", in->bounce_status, MAX_STATUS)) ||
        (rc = check_text(t, "bounce_type", in->bounce_type, MTRK_MAX_PROVIDER)) ||
        (rc = check_text(t, "bounce_subtype", in->bounce_subtype, MTRK_MAX_PROVIDER)))
        return rc;
    int c, s, d;
    if (ev_given(in->bounce_status) &&
        (bounce_status_parse(&c, &s, &d, in->bounce_status) != (int)strlen(in->bounce_status) ||
         (c != 2 && c != 4 && c != 5)))
        return ev_err(t, MTRK_EINVAL, "bounce_status",
                      "event->bounce_status \"%.32s\" is not an RFC 3463 code (class.subject.detail)",
                      in->bounce_status);
    return MTRK_OK;
}

/* The event just recorded: its effects and time (and message, campaign). */
static int event_read_back(mtrk_tenant *t, mtrk_id id, row_events *out)
{
    memset(out, 0, sizeof *out);
    out->tenant = t->id;
    out->id = id;
    int rc = st_get(t, T_EVENTS, out);
    return rc == MTRK_ENOTFOUND ? terr(t, MTRK_ESTORE, "the bounce just recorded cannot be read") : rc;
}

int bounce_facts_record(mtrk_tenant *t, const mtrk_event_input *in, struct ev_pre *pre, mtrk_event_outcome *out,
                        bool *wrote, bounce_record_fn record)
{
    if (in->type != MTRK_EV_BOUNCE || in->version < 2 || !facts_given(in))
        return BOUNCE_FACTS_NONE;
    int rc = facts_validate(t, in);
    if (rc)
        return rc;
    mtrk_bounce_reason reason = in->bounce_reason;
    if (reason == MTRK_BR_UNDETERMINED)
        reason = mtrk_bounce_classify(in->bounce_status, in->smtp_code, in->diagnostic);
    mtrk_bounce_kind rkind = mtrk_bounce_reason_kind(reason);

    /* The message's contact, for a policy's soft run. An unknown message is
     * the record's to refuse, with its own message. */
    row_messages m;
    memset(&m, 0, sizeof m);
    m.tenant = t->id;
    m.id = in->mid;
    if (!fold_cache_get(t->fold, in->mid, &m, &rc))
        rc = st_get(t, T_MESSAGES, &m);
    bool known = rc == MTRK_OK;
    if (rc && rc != MTRK_ENOTFOUND)
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;

    row_bounce_policies pol;
    mtrk_bounce_kind kind = rkind;
    mtrk_bounce_hard_by by = rkind == MTRK_BOUNCE_HARD ? MTRK_BOUNCE_HARD_BY_KIND : MTRK_BOUNCE_HARD_BY_NONE;
    rc = core_bounce_policy_load(t, reason, &pol);
    if (rc == MTRK_OK && (pol.action == MTRK_BOUNCE_ACTION_IGNORE || rkind == MTRK_BOUNCE_NONE)) {
        kind = MTRK_BOUNCE_NONE; /* recorded, with no effect */
        by = MTRK_BOUNCE_HARD_BY_NONE;
    } else if (rc == MTRK_OK && pol.action == MTRK_BOUNCE_ACTION_SUPPRESS && rkind != MTRK_BOUNCE_HARD) {
        kind = MTRK_BOUNCE_HARD;
        by = MTRK_BOUNCE_HARD_BY_POLICY;
    } else if (rc == MTRK_OK && known && rkind == MTRK_BOUNCE_SOFT && pol.soft_limit > 0) {
        uint64_t run = 0;
        rc = core_bounce_soft_run(t, m.contact, in->occurred_at ? in->occurred_at : core_now(t->db), &run);
        if (rc == MTRK_OK && run + 1 >= (uint64_t)pol.soft_limit) {
            kind = MTRK_BOUNCE_HARD;
            by = MTRK_BOUNCE_HARD_BY_POLICY;
        }
    }
    rows_clear(T_MESSAGES, &m);
    if (rc)
        return rc;

    /* Recorded as a version-1 input of the kind decided: the event path
     * proper, which passes it back here as one without facts. */
    mtrk_event_input adj = *in;
    adj.version = 1;
    adj.bounce_kind = kind;
    mtrk_event_outcome own = MTRK_EVENT_OUTCOME_INIT;
    mtrk_event_outcome *o = out ? out : &own;
    rc = record(t, &adj, pre, o, wrote);
    if (rc || o->duplicate || id_is_nil(o->event_id) || !*wrote)
        return rc;

    row_events ev;
    if ((rc = event_read_back(t, o->event_id, &ev)))
        return rc;
    if (by == MTRK_BOUNCE_HARD_BY_NONE && (ev.effects & MTRK_EFFECT_SOFT_THRESHOLD))
        by = MTRK_BOUNCE_HARD_BY_THRESHOLD;
    row_bounce_facts f;
    memset(&f, 0, sizeof f);
    f.tenant = t->id;
    f.event = ev.id;
    f.message = ev.message;
    f.campaign = ev.campaign;
    f.occurred_at = ev.occurred_at;
    f.reason = reason;
    f.given_kind = in->bounce_kind;
    f.kind = kind;
    f.action = pol.action;
    f.by = by;
    f.smtp_code = in->smtp_code;
    f.status = ev_given(in->bounce_status) ? (char *)in->bounce_status : NULL;
    f.bounce_type = ev_given(in->bounce_type) ? (char *)in->bounce_type : NULL;
    f.bounce_subtype = ev_given(in->bounce_subtype) ? (char *)in->bounce_subtype : NULL;
    rc = st_insert(t, T_BOUNCE_FACTS, &f);
    /* An automatic suppression is audited with the bounce that made it. */
    if (rc == MTRK_OK && (ev.effects & MTRK_EFFECT_SUPPRESSED)) {
        char evs[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(evs, ev.id);
        rc = audit_addf(t, "bounce.suppress", &ev.message,
                        "{\"reason\":\"%s\",\"action\":\"%s\",\"soft_limit\":%lld,\"by\":\"%s\",\"event\":\"%s\"}",
                        mtrk_bounce_reason_name(reason), mtrk_bounce_action_name((mtrk_bounce_action)pol.action),
                        (long long)pol.soft_limit,
                        by == MTRK_BOUNCE_HARD_BY_THRESHOLD ? "soft_threshold" : mtrk_bounce_hard_by_name(by), evs);
    }
    rows_clear(T_EVENTS, &ev);
    return rc;
}

/* ---- listing ---------------------------------------------------------------------- */

MTRK_API int mtrk_bounce_fact_init(mtrk_bounce_fact *f, unsigned int version)
{
    int rc = init_check(f, "fact", "mtrk_bounce_fact", version, MTRK_BOUNCE_FACT_VERSION);
    if (rc)
        return rc;
    mtrk_bounce_fact d = MTRK_BOUNCE_FACT_INIT;
    *f = d;
    f->version = version;
    return MTRK_OK;
}

typedef struct fact_list {
    row_bounce_facts *v;
    size_t n, cap;
    bool oom;
} fact_list;

static char *dup_or_null(const char *s, bool *oom)
{
    if (s == NULL)
        return NULL;
    char *p = xstrdup(s);
    if (p == NULL)
        *oom = true;
    return p;
}

static int fact_cb(void *ud, void *row)
{
    fact_list *l = ud;
    const row_bounce_facts *r = row;
    if (l->n == l->cap) {
        row_bounce_facts *p = grow_array(l->v, &l->cap, sizeof *p, 8);
        if (p == NULL) {
            l->oom = true;
            return 1;
        }
        l->v = p;
    }
    row_bounce_facts *c = &l->v[l->n++];
    *c = *r;
    c->status = dup_or_null(r->status, &l->oom);
    c->bounce_type = dup_or_null(r->bounce_type, &l->oom);
    c->bounce_subtype = dup_or_null(r->bounce_subtype, &l->oom);
    return l->oom ? 1 : 0;
}

static int fact_cmp(const void *a, const void *b)
{
    const row_bounce_facts *x = a, *y = b;
    if (x->occurred_at != y->occurred_at)
        return x->occurred_at < y->occurred_at ? -1 : 1;
    return mtrk_id_compare(x->event, y->event);
}

/* Copies one fact into out, its strings kept by the handle. */
static int fact_out(mtrk_tenant *t, mtrk_bounce_fact *out, const row_bounce_facts *r)
{
    row_events ev;
    int rc = event_read_back(t, r->event, &ev);
    if (rc)
        return rc;
    out->event = r->event;
    out->mid = r->message;
    out->campaign = r->campaign;
    out->occurred_at = r->occurred_at;
    out->reason = (mtrk_bounce_reason)r->reason;
    out->given_kind = (mtrk_bounce_kind)r->given_kind;
    out->kind = (mtrk_bounce_kind)r->kind;
    out->action = (mtrk_bounce_action)r->action;
    out->hard_by = (mtrk_bounce_hard_by)r->by;
    out->smtp_code = (int)r->smtp_code;
    const char *src[5] = { r->status, r->bounce_type, r->bounce_subtype, ev.provider, ev.diagnostic };
    const char **dst[5] = { &out->status, &out->bounce_type, &out->bounce_subtype, &out->provider, &out->diagnostic };
    for (int i = 0; i < 5 && rc == MTRK_OK; i++)
        if ((*dst[i] = tenant_keep(t, src[i])) == NULL && src[i] != NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
    rows_clear(T_EVENTS, &ev);
    return rc;
}

MTRK_API int mtrk_bounce_facts_message(mtrk_bounce_fact *const *outs, size_t cap, size_t *out_count, mtrk_tenant *t,
                                       mtrk_id mid)
{
    TENANT_CHECK(t);
    if (out_count == NULL)
        return terr(t, MTRK_EINVAL, "out_count is NULL");
    *out_count = 0;
    if (outs == NULL && cap > 0)
        return terr(t, MTRK_EINVAL, "outs is NULL with cap %zu", cap);
    if (id_is_nil(mid))
        return terr(t, MTRK_EINVAL, "mid is nil");
    int rc;
    if (cap > 0 && (rc = check_versions(t, "outs", (const void *const *)outs, cap, MTRK_BOUNCE_FACT_VERSION)))
        return rc;
    if ((rc = tx_begin(t, false)))
        return rc;
    row_messages m;
    memset(&m, 0, sizeof m);
    m.tenant = t->id;
    m.id = mid;
    rc = st_get(t, T_MESSAGES, &m);
    if (rc == MTRK_ENOTFOUND)
        rc = ev_not_found(t, "message", mid);
    rows_clear(T_MESSAGES, &m);
    fact_list l = { 0 };
    if (rc == MTRK_OK) {
        mtrk_value pre[2] = { v_id(&t->id), v_id(&mid) };
        rc = st_scan(t, T_BOUNCE_FACTS, IDX_BOUNCE_FACTS_MESSAGE, pre, 2, NULL, 0, 0, fact_cb, &l);
        if (rc == MTRK_OK && l.oom)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
    }
    if (rc == MTRK_OK && l.n > 1)
        qsort(l.v, l.n, sizeof *l.v, fact_cmp);
    for (size_t i = 0; rc == MTRK_OK && i < l.n && i < cap; i++)
        rc = fact_out(t, outs[i], &l.v[i]);
    size_t n = l.n;
    for (size_t i = 0; i < l.n; i++)
        rows_clear(T_BOUNCE_FACTS, &l.v[i]);
    free(l.v);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK)
        *out_count = n;
    return rc;
}

typedef struct count_ctx {
    uint64_t *out;
    size_t n;
} count_ctx;

static int count_cb(void *ud, void *row)
{
    count_ctx *c = ud;
    const row_bounce_facts *r = row;
    if (r->reason >= 0 && (uint64_t)r->reason < c->n && r->reason < MTRK_BOUNCE_REASON_COUNT)
        c->out[r->reason]++;
    return 0;
}

MTRK_API int mtrk_bounce_reason_counts(uint64_t *out, size_t nreasons, mtrk_tenant *t, mtrk_id campaign)
{
    if (out != NULL && nreasons > 0 && nreasons <= 1024)
        memset(out, 0, nreasons * sizeof *out);
    TENANT_CHECK(t);
    if (out == NULL)
        return terr(t, MTRK_EINVAL, "out is NULL");
    if (nreasons == 0 || nreasons > 1024)
        return terr(t, MTRK_EINVAL, "nreasons %zu is not 1 to 1024 (pass MTRK_BOUNCE_REASON_COUNT)", nreasons);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = cam_exists(t, campaign);
    if (rc == MTRK_OK) {
        count_ctx cc = { out, nreasons };
        mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
        rc = st_scan(t, T_BOUNCE_FACTS, IDX_BOUNCE_FACTS_CAMPAIGN, pre, 2, NULL, 0, 0, count_cb, &cc);
    }
    rc = tx_end(t, rc);
    if (rc)
        memset(out, 0, nreasons * sizeof *out);
    return rc;
}
