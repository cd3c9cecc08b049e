/* The send queue: claiming with leases, marking sent, releasing; rechecks
 * and cancellation of queued messages. */
#include "campaign_area.h"

#include <stdlib.h>
#include <string.h>

#define QUEUE_BATCH 256

int core_message_cancel(mtrk_tenant *t, row_messages *m, mtrk_exclusion reason)
{
    if (m->state != MTRK_MSG_QUEUED && m->state != MTRK_MSG_CLAIMED) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, m->id);
        return terr(t, MTRK_ESTATE, "message %s is %s: only queued or claimed messages can be canceled", s,
                    mtrk_message_state_name((mtrk_message_state)m->state));
    }
    row_messages before = *m; /* only scalar facts are compared; strings are shared, never freed here */
    m->state = MTRK_MSG_CANCELED;
    m->cancel_reason = reason;
    m->lease_until = 0;
    int rc = st_update(t, T_MESSAGES, m);
    if (rc == MTRK_OK)
        rc = core_stats_message(t, &before, m);
    return rc;
}

/* ---- collecting candidates in bounded batches --------------------------- */

struct cand_batch {
    row_messages rows[QUEUE_BATCH];
    size_t n, max;
    mtrk_time now;      /* expired leases only: lease_until < now (0: no filter) */
    bool live_only;     /* queued or claimed only */
};

static int cand_cb(void *ud, void *row)
{
    struct cand_batch *b = ud;
    const row_messages *m = row;
    if (b->now && m->lease_until >= b->now)
        return 0;
    if (b->live_only && m->state != MTRK_MSG_QUEUED && m->state != MTRK_MSG_CLAIMED)
        return 0;
    int rc = rows_copy(T_MESSAGES, &b->rows[b->n], m);
    if (rc)
        return rc;
    return ++b->n >= b->max ? 1 : 0;
}

static void cand_clear(struct cand_batch *b)
{
    for (size_t i = 0; i < b->n; i++)
        rows_clear(T_MESSAGES, &b->rows[i]);
    b->n = 0;
}

/* A campaign's attached audiences, read once per campaign met. */
struct aud_cache {
    mtrk_id campaign;
    row_campaigns cam;
    id_list auds;
    bool loaded;
};

static int cache_get(mtrk_tenant *t, struct aud_cache *c, mtrk_id campaign)
{
    if (c->loaded && id_eq(c->campaign, campaign))
        return MTRK_OK;
    if (c->loaded) {
        rows_clear(T_CAMPAIGNS, &c->cam);
        id_list_free(&c->auds);
        c->loaded = false;
    }
    int rc = cam_load(t, campaign, &c->cam);
    if (rc)
        return rc;
    rc = cam_audiences(t, campaign, &c->auds);
    if (rc) {
        rows_clear(T_CAMPAIGNS, &c->cam);
        id_list_free(&c->auds);
        return rc;
    }
    c->campaign = campaign;
    c->loaded = true;
    return MTRK_OK;
}

static void cache_free(struct aud_cache *c)
{
    if (c->loaded) {
        rows_clear(T_CAMPAIGNS, &c->cam);
        id_list_free(&c->auds);
    }
    memset(c, 0, sizeof *c);
}

/* ---- claim -------------------------------------------------------------- */

struct claim_ctx {
    mtrk_tenant *t;
    struct aud_cache cache;
    mtrk_id *out;
    size_t cap, claimed, canceled;
    mtrk_time now, lease_until;
};

/* Judges one candidate again: cancel it with its reason, or lease it. */
static int claim_one(struct claim_ctx *x, row_messages *m)
{
    row_contacts c;
    int rc = contact_load(x->t, m->contact, &c);
    if (rc)
        return rc;
    mtrk_exclusion why = MTRK_EXCL_NONE;
    rc = eligibility_with(x->t, &x->cache.cam, &c, &x->cache.auds, &why);
    rows_clear(T_CONTACTS, &c);
    if (rc)
        return rc;
    if (recheck_cancels(why)) {
        rc = core_message_cancel(x->t, m, why);
        if (rc == MTRK_OK)
            x->canceled++;
        return rc;
    }
    /* Claiming changes neither the facts nor the canceled state the rollups
     * count, so no rollup moves. */
    m->state = MTRK_MSG_CLAIMED;
    m->lease_until = x->lease_until;
    rc = st_update(x->t, T_MESSAGES, m);
    if (rc == MTRK_OK)
        x->out[x->claimed++] = m->id;
    return rc;
}

/* A candidate as the queue's index lists it: events may have moved it out
 * of the queue since it was stored (core_message_settle writes it out). */
static int claim_settled(struct claim_ctx *x, row_messages *m)
{
    bool moved;
    int rc = core_message_settle(x->t, m, &moved);
    return rc || moved ? rc : claim_one(x, m);
}

/* Queued candidates leave the (campaign, queued) prefix when handled, so the
 * first batch is read again until the cap is reached or none remain. */
static int claim_queued(struct claim_ctx *x, struct cand_batch *b)
{
    mtrk_tenant *t = x->t;
    mtrk_value pre[3] = { v_id(&t->id), v_id(&x->cache.campaign), v_int(MTRK_MSG_QUEUED) };
    while (x->claimed < x->cap) {
        b->n = 0;
        b->max = x->cap - x->claimed < QUEUE_BATCH ? x->cap - x->claimed : QUEUE_BATCH;
        b->now = 0;
        b->live_only = false;
        int rc = st_scan(t, T_MESSAGES, IDX_MESSAGES_QUEUE, pre, 3, NULL, 0, 0, cand_cb, b);
        if (rc) {
            cand_clear(b);
            return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
        }
        if (b->n == 0)
            return MTRK_OK;
        for (size_t i = 0; i < b->n && rc == MTRK_OK; i++)
            rc = claim_settled(x, &b->rows[i]);
        cand_clear(b);
        if (rc)
            return rc;
    }
    return MTRK_OK;
}

/* Claimed messages whose lease expired stay in the (campaign, claimed) prefix
 * when leased again, so this walk resumes after the last mid seen. */
static int claim_expired(struct claim_ctx *x, struct cand_batch *b)
{
    mtrk_tenant *t = x->t;
    mtrk_value pre[3] = { v_id(&t->id), v_id(&x->cache.campaign), v_int(MTRK_MSG_CLAIMED) };
    mtrk_id last = nil_id;
    bool started = false;
    while (x->claimed < x->cap) {
        b->n = 0;
        b->max = x->cap - x->claimed < QUEUE_BATCH ? x->cap - x->claimed : QUEUE_BATCH;
        b->now = x->now;
        b->live_only = false;
        mtrk_value start[2] = { v_id(&t->id), v_id(&last) };
        int rc = st_scan(t, T_MESSAGES, IDX_MESSAGES_QUEUE, pre, 3, started ? start : NULL, started ? 2 : 0,
                         started ? MTRK_SCAN_AFTER : 0, cand_cb, b);
        if (rc) {
            cand_clear(b);
            return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
        }
        if (b->n == 0)
            return MTRK_OK;
        size_t got = b->n;
        last = b->rows[got - 1].id;
        started = true;
        for (size_t i = 0; i < got && rc == MTRK_OK; i++)
            rc = claim_settled(x, &b->rows[i]);
        cand_clear(b);
        if (rc)
            return rc;
        if (got < b->max)
            return MTRK_OK;
    }
    return MTRK_OK;
}

MTRK_API int mtrk_queue_claim(mtrk_id *out_mids, size_t *out_n, size_t *out_canceled, mtrk_tenant *t,
                              mtrk_id campaign, size_t cap, int64_t lease_ms)
{
    if (out_n == NULL)
        return gerr(MTRK_EINVAL, "out_n is NULL");
    *out_n = 0;
    if (out_canceled)
        *out_canceled = 0;
    if (out_mids == NULL)
        return gerr(MTRK_EINVAL, "out_mids is NULL");
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if (cap == 0)
        return terr(t, MTRK_EINVAL, "cap is 0");
    if (cap > MTRK_MAX_BATCH)
        return terr(t, MTRK_ETOOLONG, "cap %zu is over MTRK_MAX_BATCH (%d)", cap, MTRK_MAX_BATCH);
    if (lease_ms <= 0)
        return terr(t, MTRK_EINVAL, "lease_ms must be > 0");
    int rc = core_reputation_guard(t, campaign); /* reputation.c: a paused scope stops claims */
    if (rc)
        return rc;
    struct cand_batch *b = malloc(sizeof *b);
    if (b == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    rc = tx_begin(t, true);
    if (rc) {
        free(b);
        return rc;
    }
    struct claim_ctx x = { 0 };
    x.t = t;
    x.out = out_mids;
    x.cap = cap;
    x.now = core_now(t->db);
    x.lease_until = lease_ms > INT64_MAX - x.now ? INT64_MAX : x.now + lease_ms;
    rc = cache_get(t, &x.cache, campaign);
    if (rc == MTRK_OK && x.cache.cam.status != MTRK_CAMPAIGN_SENDING) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, campaign);
        rc = terr(t, MTRK_ESTATE, "campaign %s is %s: messages are claimed only while sending", s,
                  mtrk_campaign_status_name((mtrk_campaign_status)x.cache.cam.status));
    }
    if (rc == MTRK_OK)
        rc = claim_queued(&x, b);
    if (rc == MTRK_OK)
        rc = claim_expired(&x, b);
    cache_free(&x.cache);
    free(b);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK) {
        *out_n = x.claimed;
        if (out_canceled)
            *out_canceled = x.canceled;
    }
    return rc;
}

/* ---- one message -------------------------------------------------------- */

static int load_claimed(mtrk_tenant *t, mtrk_id mid, row_messages *m, const char *what)
{
    memset(m, 0, sizeof *m);
    m->tenant = t->id;
    m->id = mid;
    int rc = core_message_get(t, m);
    char s[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(s, mid);
    if (rc == MTRK_ENOTFOUND)
        return terr(t, MTRK_ENOTFOUND, "message %s not found", s);
    if (rc)
        return rc;
    if (m->state != MTRK_MSG_CLAIMED) {
        rc = terr(t, MTRK_ESTATE, "message %s is %s: only a claimed message can be %s", s,
                  mtrk_message_state_name((mtrk_message_state)m->state), what);
        rows_clear(T_MESSAGES, m);
    }
    return rc;
}

MTRK_API int mtrk_queue_mark_sent(mtrk_tenant *t, mtrk_id mid, mtrk_time sent_at, const char *provider,
                                  const char *provider_message_id)
{
    TENANT_CHECK(t);
    if (id_is_nil(mid))
        return terr(t, MTRK_EINVAL, "mid is nil");
    if (sent_at < 0)
        return terr(t, MTRK_EINVAL, "sent_at is negative");
    int rc = check_str(t, "provider", provider, MTRK_MAX_PROVIDER, false);
    if (rc == MTRK_OK)
        rc = check_str(t, "provider_message_id", provider_message_id, MTRK_MAX_PROVIDER, false);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_messages m;
    rc = load_claimed(t, mid, &m, "marked sent");
    if (rc == MTRK_OK) {
        rows_clear(T_MESSAGES, &m);
        /* The sent fact, state and rollups are the event's effects. No provider
         * event id: a sent report is not a provider webhook to deduplicate. */
        mtrk_event_input in;
        memset(&in, 0, sizeof in);
        in.version = MTRK_EVENT_INPUT_VERSION;
        in.type = MTRK_EV_SENT;
        in.mid = mid;
        in.occurred_at = sent_at ? sent_at : core_now(t->db);
        in.provider = provider && *provider ? provider : NULL;
        in.provider_message_id = provider_message_id && *provider_message_id ? provider_message_id : NULL;
        mtrk_event_outcome outcome = MTRK_EVENT_OUTCOME_INIT;
        rc = core_event_record(t, &in, &outcome);
        /* A queue operation: the row leaves the claimed state now, not when
         * the queue next meets it. */
        bool moved;
        if (rc == MTRK_OK) {
            memset(&m, 0, sizeof m);
            m.tenant = t->id;
            m.id = mid;
            rc = st_get(t, T_MESSAGES, &m);
            if (rc == MTRK_OK) {
                rc = core_message_settle(t, &m, &moved);
                rows_clear(T_MESSAGES, &m);
            }
        }
    }
    if (rc == MTRK_OK) /* webhook_data.c: webhook events that echo no mid find the message by it */
        rc = core_provider_id_record(t, mid, provider, provider_message_id);
    return tx_end(t, rc);
}

MTRK_API int mtrk_queue_release(mtrk_tenant *t, mtrk_id mid)
{
    TENANT_CHECK(t);
    if (id_is_nil(mid))
        return terr(t, MTRK_EINVAL, "mid is nil");
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_messages m;
    rc = load_claimed(t, mid, &m, "released");
    if (rc == MTRK_OK) {
        m.state = MTRK_MSG_QUEUED;
        m.lease_until = 0;
        rc = st_update(t, T_MESSAGES, &m);
        rows_clear(T_MESSAGES, &m);
    }
    return tx_end(t, rc);
}

/* ---- rechecks ----------------------------------------------------------- */

int core_recheck_contact(mtrk_tenant *t, mtrk_id contact, uint64_t *canceled)
{
    if (canceled)
        *canceled = 0;
    row_contacts c;
    int rc = contact_load(t, contact, &c);
    if (rc)
        return rc;
    struct cand_batch *b = malloc(sizeof *b);
    if (b == NULL) {
        rows_clear(T_CONTACTS, &c);
        return terr(t, MTRK_ENOMEM, "out of memory");
    }
    struct aud_cache cache = { 0 };
    mtrk_value pre[2] = { v_id(&t->id), v_id(&contact) };
    mtrk_id last = nil_id;
    bool started = false;
    uint64_t n = 0;
    /* Canceled messages stay under the contact prefix: resume after the last mid. */
    for (;;) {
        b->n = 0;
        b->max = QUEUE_BATCH;
        b->now = 0;
        b->live_only = true;
        mtrk_value start[2] = { v_id(&t->id), v_id(&last) };
        rc = st_scan(t, T_MESSAGES, IDX_MESSAGES_CONTACT, pre, 2, started ? start : NULL, started ? 2 : 0,
                     started ? MTRK_SCAN_AFTER : 0, cand_cb, b);
        if (rc) {
            cand_clear(b);
            if (rc == MTRK_ENOMEM)
                terr(t, rc, "out of memory");
            break;
        }
        if (b->n == 0)
            break;
        size_t got = b->n;
        last = b->rows[got - 1].id;
        started = true;
        for (size_t i = 0; i < got && rc == MTRK_OK; i++) {
            mtrk_exclusion why = MTRK_EXCL_NONE;
            bool moved;
            if ((rc = core_message_settle(t, &b->rows[i], &moved)) || moved)
                continue;
            rc = cache_get(t, &cache, b->rows[i].campaign);
            if (rc == MTRK_OK)
                rc = eligibility_with(t, &cache.cam, &c, &cache.auds, &why);
            if (rc == MTRK_OK && recheck_cancels(why)) {
                rc = core_message_cancel(t, &b->rows[i], why);
                n += rc == MTRK_OK;
            }
        }
        cand_clear(b);
        if (rc || got < b->max)
            break;
    }
    cache_free(&cache);
    free(b);
    rows_clear(T_CONTACTS, &c);
    if (rc == MTRK_OK && canceled)
        *canceled = n;
    return rc;
}
