/* Bounce policies per tenant and reason, the recording of parsed bounces
 * under them, and the opt-in expiry of automatic bounce suppressions.
 * docs/bounces.md, "Bounce policies". */
#include "bounce_int.h"
#include "event_int.h"
#include "reputation_int.h"

#include <stdlib.h>
#include <string.h>

/* The most soft bounces a policy's run may ask for. */
#define MAX_SOFT_LIMIT 1000

static const char *const action_names[] = { "default", "suppress", "ignore" };
#define NACTIONS (sizeof action_names / sizeof action_names[0])

MTRK_API const char *mtrk_bounce_action_name(mtrk_bounce_action action)
{
    return (unsigned)action < NACTIONS ? action_names[action] : NULL;
}

MTRK_API int mtrk_bounce_action_from_name(mtrk_bounce_action *out, const char *name)
{
    if (out == NULL || name == NULL)
        return gerr(MTRK_EINVAL, "%s is NULL", out == NULL ? "out" : "name");
    for (size_t i = 0; i < NACTIONS; i++)
        if (strcmp(action_names[i], name) == 0) {
            *out = (mtrk_bounce_action)i;
            return MTRK_OK;
        }
    return gerr(MTRK_EINVAL, "\"%.64s\" is not a bounce action (default, suppress, ignore)", name);
}

MTRK_API int mtrk_bounce_policy_init(mtrk_bounce_policy *p, unsigned int version)
{
    int rc = init_check(p, "policy", "mtrk_bounce_policy", version, MTRK_BOUNCE_POLICY_VERSION);
    if (rc)
        return rc;
    mtrk_bounce_policy d = MTRK_BOUNCE_POLICY_INIT;
    *p = d;
    p->version = version;
    return MTRK_OK;
}

static int check_reason(mtrk_tenant *t, mtrk_bounce_reason reason)
{
    if (mtrk_bounce_reason_name(reason) == NULL)
        return terr(t, MTRK_EINVAL, "reason %d is not a bounce reason", (int)reason);
    return MTRK_OK;
}

/* The stored policy of a reason, the default when none (inside a transaction). */
int core_bounce_policy_load(mtrk_tenant *t, mtrk_bounce_reason reason, row_bounce_policies *out)
{
    memset(out, 0, sizeof *out);
    out->tenant = t->id;
    out->reason = reason;
    int rc = st_get(t, T_BOUNCE_POLICIES, out);
    if (rc == MTRK_ENOTFOUND) {
        out->tenant = t->id;
        out->reason = reason;
        out->action = MTRK_BOUNCE_ACTION_DEFAULT;
        out->soft_limit = 0;
        return MTRK_OK;
    }
    return rc;
}

MTRK_API int mtrk_bounce_policy_get(mtrk_bounce_policy *out, mtrk_tenant *t, mtrk_bounce_reason reason)
{
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_BOUNCE_POLICY_VERSION);
    if (rc || (rc = check_reason(t, reason)))
        return rc;
    row_bounce_policies r;
    if ((rc = tx_begin(t, false)))
        return rc;
    if ((rc = tx_end(t, core_bounce_policy_load(t, reason, &r))))
        return rc;
    out->reason = reason;
    out->action = (mtrk_bounce_action)r.action;
    out->soft_limit = (uint32_t)r.soft_limit;
    return MTRK_OK;
}

MTRK_API int mtrk_bounce_policy_set(mtrk_tenant *t, const mtrk_bounce_policy *p)
{
    TENANT_CHECK(t);
    int rc = check_version(t, "policy", p, MTRK_BOUNCE_POLICY_VERSION);
    if (rc || (rc = check_reason(t, p->reason)))
        return rc;
    if (mtrk_bounce_action_name(p->action) == NULL)
        return terr(t, MTRK_EINVAL, "action %d is not a bounce action", (int)p->action);
    if (p->soft_limit && p->action != MTRK_BOUNCE_ACTION_DEFAULT)
        return terr(t, MTRK_EINVAL, "soft_limit is set with the %s action: it belongs to the default action",
                    mtrk_bounce_action_name(p->action));
    if (p->soft_limit > MAX_SOFT_LIMIT)
        return terr(t, MTRK_EINVAL, "soft_limit %u is over %d", p->soft_limit, MAX_SOFT_LIMIT);
    if (p->reason == MTRK_BR_NOT_A_BOUNCE && p->action == MTRK_BOUNCE_ACTION_SUPPRESS)
        return terr(t, MTRK_EINVAL, "not_a_bounce cannot suppress: an auto-reply is no failure");
    if ((rc = tx_begin(t, true)))
        return rc;
    row_bounce_policies old, r;
    rc = core_bounce_policy_load(t, p->reason, &old);
    if (rc == MTRK_OK) {
        r = old;
        r.action = p->action;
        r.soft_limit = p->soft_limit;
        r.updated_at = core_now(t->db);
        rc = st_put(t, T_BOUNCE_POLICIES, &r);
    }
    if (rc == MTRK_OK)
        rc = audit_addf(t, "bounce.policy", NULL,
                        "{\"reason\":\"%s\",\"from\":{\"action\":\"%s\",\"soft_limit\":%lld},"
                        "\"to\":{\"action\":\"%s\",\"soft_limit\":%lld}}",
                        mtrk_bounce_reason_name(p->reason), mtrk_bounce_action_name((mtrk_bounce_action)old.action),
                        (long long)old.soft_limit, mtrk_bounce_action_name(p->action), (long long)r.soft_limit);
    return tx_end(t, rc);
}

/* ---- recording ------------------------------------------------------------------ */

typedef struct run_ev {
    int64_t occurred;
    int64_t type, kind;
} run_ev;

typedef struct run_ctx {
    run_ev *v;
    size_t n, cap;
    int oom;
} run_ctx;

static int run_cb(void *ud, void *row)
{
    run_ctx *c = ud;
    const row_events *e = row;
    if (c->n == c->cap) {
        run_ev *p = grow_array(c->v, &c->cap, sizeof *p, 32);
        if (p == NULL) {
            c->oom = 1;
            return 1;
        }
        c->v = p;
    }
    c->v[c->n++] = (run_ev){ e->occurred_at, e->type, e->bounce_kind };
    return 0;
}

static int run_cmp(const void *a, const void *b)
{
    const run_ev *x = a, *y = b;
    return x->occurred < y->occurred ? -1 : x->occurred > y->occurred;
}

/* The soft bounces of the contact, by event time up to `at`, since its
 * last delivery (a delivered event, an open or a click) or hard bounce. */
int core_bounce_soft_run(mtrk_tenant *t, mtrk_id contact, mtrk_time at, uint64_t *out)
{
    run_ctx c = { 0 };
    int rc = core_contact_events(t, contact, run_cb, &c);
    if (rc == MTRK_OK && c.oom)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc == MTRK_OK) {
        qsort(c.v, c.n, sizeof *c.v, run_cmp);
        uint64_t n = 0;
        for (size_t i = 0; i < c.n && c.v[i].occurred <= at; i++) {
            const run_ev *e = &c.v[i];
            if (e->type == MTRK_EV_DELIVERED || e->type == MTRK_EV_OPEN || e->type == MTRK_EV_CLICK ||
                (e->type == MTRK_EV_BOUNCE && e->kind == MTRK_BOUNCE_HARD))
                n = 0;
            else if (e->type == MTRK_EV_BOUNCE && e->kind == MTRK_BOUNCE_SOFT)
                n++;
        }
        *out = n;
    }
    free(c.v);
    return rc;
}

MTRK_API int mtrk_bounce_record(mtrk_event_outcome *out, mtrk_bounce_action *out_action, mtrk_tenant *t,
                                const mtrk_bounce_recipient *r, mtrk_time occurred_at, const char *provider,
                                const char *provider_event_id)
{
    TENANT_CHECK(t);
    int rc;
    if (out && (rc = check_version(t, "out", out, MTRK_EVENT_OUTCOME_VERSION)))
        return rc;
    if ((rc = check_version(t, "r", r, MTRK_BOUNCE_RECIPIENT_VERSION)) || (rc = check_reason(t, r->reason)))
        return rc;
    if (id_is_nil(r->mid))
        return terr(t, MTRK_EINVAL, "r->mid is nil: the bounce names no message");
    /* Recorded as an event with its facts: the event path applies the
     * policy for the reason, stores the facts and audits a suppression
     * (bounce_facts.c). The DSN's Action is kept as its bounce type. */
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = MTRK_EV_BOUNCE;
    in.mid = r->mid;
    in.occurred_at = occurred_at;
    in.provider = provider && *provider ? provider : NULL;
    in.provider_event_id = provider_event_id && *provider_event_id ? provider_event_id : NULL;
    in.diagnostic = r->diagnostic && *r->diagnostic ? r->diagnostic : NULL;
    mtrk_bounce_kind kind = mtrk_bounce_reason_kind(r->reason);
    in.bounce_kind = kind == MTRK_BOUNCE_NONE ? MTRK_BOUNCE_SOFT : kind;
    in.bounce_reason = r->reason;
    in.smtp_code = r->smtp_code >= 200 && r->smtp_code <= 599 ? r->smtp_code : 0;
    in.bounce_status = r->status && *r->status && strlen(r->status) <= 32 ? r->status : NULL;
    in.bounce_type = r->action && *r->action && strlen(r->action) <= MTRK_MAX_PROVIDER ? r->action : "failed";
    ev_name nm = { "r", SIZE_MAX, "" };
    if ((rc = ev_validate(t, &nm, &in)))
        return rc;
    if ((rc = tx_begin(t, true)))
        return rc;
    row_bounce_policies pol;
    mtrk_bounce_action applied = MTRK_BOUNCE_ACTION_IGNORE;
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    rc = core_bounce_policy_load(t, r->reason, &pol);
    row_messages m;
    memset(&m, 0, sizeof m);
    if (rc == MTRK_OK) {
        m.tenant = t->id;
        m.id = r->mid;
        rc = st_get(t, T_MESSAGES, &m);
        if (rc == MTRK_ENOTFOUND)
            rc = ev_not_found(t, "r->mid: message", r->mid);
    }
    /* A signed VERP tag must verify: a forged bounce records nothing. */
    if (rc == MTRK_OK && r->version >= 2 && r->mid_source == MTRK_BOUNCE_MID_VERP)
        rc = core_verp_check(t, r->verp, r->mid);
    /* Ignored (or no bounce at all): nothing is recorded. */
    if (rc == MTRK_OK && kind != MTRK_BOUNCE_NONE && pol.action != MTRK_BOUNCE_ACTION_IGNORE) {
        applied = (mtrk_bounce_action)pol.action;
        rc = core_event_record(t, &in, &o);
    }
    rows_clear(T_MESSAGES, &m);
    rc = tx_end(t, rc);
    if (out) {
        out->status = rc;
        out->duplicate = rc ? 0 : o.duplicate;
        out->event_id = rc == MTRK_OK || o.conflict ? o.event_id : nil_id;
        if (out->version >= 2) {
            out->conflict = o.conflict;
            out->dead_lettered = 0;
            out->message = rc ? tenant_keep(t, t->err) : NULL;
            out->argument = NULL;
        }
    }
    if (rc == MTRK_OK && out_action)
        *out_action = applied;
    return rc;
}

/* ---- expiry ----------------------------------------------------------------------- */

MTRK_API int mtrk_bounce_expiry_get(int64_t *out_ms, mtrk_tenant *t)
{
    if (out_ms == NULL)
        return gerr(MTRK_EINVAL, "out_ms is NULL");
    *out_ms = 0;
    TENANT_CHECK(t);
    row_bounce_settings s;
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    if ((rc = tx_end(t, core_bounce_settings_load(t, &s))) == MTRK_OK)
        *out_ms = s.suppression_expiry_ms;
    return rc;
}

MTRK_API int mtrk_bounce_expiry_set(mtrk_tenant *t, int64_t period_ms)
{
    TENANT_CHECK(t);
    if (period_ms < 0)
        return terr(t, MTRK_EINVAL, "period_ms %lld is negative (0: never expire)", (long long)period_ms);
    if (period_ms > INT64_C(100) * 366 * 86400000)
        return terr(t, MTRK_EINVAL, "period_ms %lld is over 100 years", (long long)period_ms);
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_bounce_settings s;
    rc = core_bounce_settings_load(t, &s);
    int64_t old = s.suppression_expiry_ms;
    if (rc == MTRK_OK) {
        s.suppression_expiry_ms = period_ms;
        s.updated_at = core_now(t->db);
        rc = st_put(t, T_BOUNCE_SETTINGS, &s);
    }
    if (rc == MTRK_OK)
        rc = audit_addf(t, "bounce.expiry", NULL, "{\"from\":%lld,\"to\":%lld}", (long long)old,
                        (long long)period_ms);
    return tx_end(t, rc);
}

typedef struct exp_ent {
    char *value;
    mtrk_id event;
    int64_t created_at;
} exp_ent;

typedef struct exp_ctx {
    exp_ent *v;
    size_t n, cap;
    int64_t before; /* created_at <= before: expired */
} exp_ctx;

static int exp_cb(void *ud, void *row)
{
    exp_ctx *c = ud;
    const row_suppressions *s = row;
    /* Automatic bounce suppressions only: made by an event, for a hard bounce. */
    if (id_is_nil(s->event) || strcmp(s->reason, "hard_bounce") != 0 || s->created_at > c->before)
        return 0;
    if (c->n == c->cap) {
        exp_ent *p = grow_array(c->v, &c->cap, sizeof *p, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        c->v = p;
    }
    if ((c->v[c->n].value = xstrdup(s->value)) == NULL)
        return MTRK_ENOMEM;
    c->v[c->n].event = s->event;
    c->v[c->n].created_at = s->created_at;
    c->n++;
    return 0;
}

/* The contact of an address key back to active when that address made it bounced. */
static int contact_reactivate(mtrk_tenant *t, const char *address_key)
{
    mtrk_value key[2] = { v_id(&t->id), v_text(address_key) };
    row_contacts c;
    int rc = st_find(t, T_CONTACTS, IDX_CONTACTS_ADDRESS, key, 2, &c);
    if (rc == MTRK_ENOTFOUND)
        return MTRK_OK;
    if (rc)
        return rc;
    if (c.status == MTRK_CONTACT_BOUNCED)
        rc = core_contact_status(t, c.id, MTRK_CONTACT_ACTIVE);
    rows_clear(T_CONTACTS, &c);
    return rc;
}

MTRK_API int mtrk_suppression_expire(uint64_t *out_expired, mtrk_tenant *t)
{
    if (out_expired)
        *out_expired = 0;
    TENANT_CHECK(t);
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_bounce_settings s;
    exp_ctx c = { 0 };
    rc = core_bounce_settings_load(t, &s);
    if (rc == MTRK_OK && s.suppression_expiry_ms > 0) {
        c.before = core_now(t->db) - s.suppression_expiry_ms;
        mtrk_value pre[2] = { v_id(&t->id), v_int(MTRK_SUPPRESS_ADDRESS) };
        rc = st_scan(t, T_SUPPRESSIONS, MTRK_INDEX_PK, pre, 2, NULL, 0, 0, exp_cb, &c);
        if (rc == MTRK_ENOMEM)
            rc = terr(t, rc, "out of memory");
    }
    for (size_t i = 0; rc == MTRK_OK && i < c.n; i++) {
        row_suppressions r = { 0 };
        r.tenant = t->id;
        r.kind = MTRK_SUPPRESS_ADDRESS;
        r.value = c.v[i].value;
        rc = st_delete(t, T_SUPPRESSIONS, &r);
        if (rc == MTRK_OK)
            rc = contact_reactivate(t, c.v[i].value);
        if (rc == MTRK_OK) {
            strbuf b = { 0 };
            char ev[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(ev, c.v[i].event);
            sb_add(&b, "{\"kind\":\"address\",\"value\":");
            sb_json_str(&b, c.v[i].value);
            sb_printf(&b, ",\"reason\":\"hard_bounce\",\"event\":\"%s\",\"created_at\":%lld,\"period_ms\":%lld}", ev,
                      (long long)c.v[i].created_at, (long long)s.suppression_expiry_ms);
            rc = b.oom ? terr(t, MTRK_ENOMEM, "out of memory") : audit_add(t, "suppression.expire", NULL, b.p);
            sb_free(&b);
        }
    }
    size_t n = c.n;
    for (size_t i = 0; i < c.n; i++)
        free(c.v[i].value);
    free(c.v);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && out_expired)
        *out_expired = n;
    return rc;
}
