/*
 * Provider webhooks' per-message and per-request data: the provider's
 * message id recorded at send time (a webhook event that echoes no mid finds
 * its message by it), the original event objects a tenant asks to keep, and
 * the signed tokens of recent requests (a replay within the timestamp
 * tolerance is refused). Each is erased with the contact, purged by
 * retention, or pruned once expired.
 */
#include "webhook_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- provider message ids --------------------------------------------------- */

int wh_provider_id_lookup(mtrk_tenant *t, const char *provider, const char *id, mtrk_id *out)
{
    char *norm = wh_msgid_norm(id);
    if (norm == NULL)
        return MTRK_ENOTFOUND;
    row_provider_messages r = { 0 };
    r.tenant = t->id;
    r.provider = (char *)provider;
    r.provider_message_id = norm;
    int rc = st_get(t, T_PROVIDER_MESSAGES, &r);
    free(norm);
    if (rc == MTRK_OK) {
        *out = r.message;
        rows_clear(T_PROVIDER_MESSAGES, &r);
    }
    return rc;
}

/* Inside the caller's write transaction; the arguments checked. */
static int provider_id_put(mtrk_tenant *t, mtrk_id mid, const char *provider, const char *id)
{
    char *norm = wh_msgid_norm(id);
    if (norm == NULL)
        return terr(t, MTRK_EINVAL, "provider_message_id is empty");
    row_provider_messages r = { 0 };
    r.tenant = t->id;
    r.provider = (char *)provider;
    r.provider_message_id = norm;
    int rc = st_get(t, T_PROVIDER_MESSAGES, &r);
    if (rc == MTRK_OK) {
        mtrk_id other = r.message;
        rows_clear(T_PROVIDER_MESSAGES, &r);
        if (!id_eq(other, mid)) {
            char ids[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(ids, other);
            rc = terr(t, MTRK_EEXISTS, "%s message id '%.128s' is recorded for another message (%s)", provider, norm,
                      ids);
        }
        free(norm);
        return rc;
    }
    if (rc == MTRK_ENOTFOUND) {
        r.tenant = t->id;
        r.provider = (char *)provider;
        r.provider_message_id = norm;
        r.message = mid;
        r.recorded_at = core_now(t->db);
        rc = st_insert(t, T_PROVIDER_MESSAGES, &r);
    }
    free(norm);
    return rc;
}

static int check_id_args(mtrk_tenant *t, const char *provider, const char *id)
{
    int rc = wh_check_provider(t, provider, true);
    if (rc == MTRK_OK)
        rc = check_str(t, "provider_message_id", id, MTRK_MAX_PROVIDER, true);
    return rc;
}

int core_provider_id_record(mtrk_tenant *t, mtrk_id mid, const char *provider, const char *id)
{
    if (provider == NULL || id == NULL || wh_adapter_find(provider) == NULL)
        return MTRK_OK; /* not a webhook provider: nothing to match by */
    char *norm = wh_msgid_norm(id);
    if (norm == NULL)
        return MTRK_OK;
    free(norm);
    return provider_id_put(t, mid, provider, id);
}

MTRK_API int mtrk_message_provider_id_set(mtrk_tenant *t, mtrk_id mid, const char *provider, const char *id)
{
    TENANT_CHECK(t);
    if (id_is_nil(mid))
        return terr(t, MTRK_EINVAL, "mid is nil");
    int rc = check_id_args(t, provider, id);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_messages m = { 0 };
    m.tenant = t->id;
    m.id = mid;
    rc = st_get(t, T_MESSAGES, &m);
    if (rc == MTRK_ENOTFOUND) {
        char ids[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(ids, mid);
        rc = terr(t, rc, "message %s not found", ids);
    }
    if (rc == MTRK_OK) {
        rows_clear(T_MESSAGES, &m);
        rc = provider_id_put(t, mid, provider, id);
    }
    return tx_end(t, rc);
}

MTRK_API int mtrk_message_provider_id_find(mtrk_id *out, mtrk_tenant *t, const char *provider, const char *id)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out_mid is NULL");
    *out = nil_id;
    TENANT_CHECK(t);
    int rc = check_id_args(t, provider, id);
    if (rc)
        return rc;
    rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = wh_provider_id_lookup(t, provider, id, out);
    if (rc == MTRK_ENOTFOUND)
        rc = terr(t, rc, "no message has %s message id '%.128s'", provider, id);
    return tx_end(t, rc);
}

/* ---- kept payloads ---------------------------------------------------------- */

int wh_payload_keep(mtrk_tenant *t, const char *provider, mtrk_id event, mtrk_id mid, mtrk_time now,
                    const char *payload)
{
    row_webhook_payloads r = { 0 };
    r.tenant = t->id;
    r.event = event;
    r.provider = (char *)provider;
    r.message = mid;
    r.arrived_at = now;
    r.payload = (char *)payload;
    return st_insert(t, T_WEBHOOK_PAYLOADS, &r);
}

MTRK_API int mtrk_webhook_payload_get(char **out, mtrk_tenant *t, mtrk_id event)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_webhook_payloads r = { 0 };
    r.tenant = t->id;
    r.event = event;
    rc = st_get(t, T_WEBHOOK_PAYLOADS, &r);
    if (rc == MTRK_ENOTFOUND) {
        char ids[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(ids, event);
        rc = terr(t, rc, "no webhook payload is kept for event %s", ids);
    }
    if (rc == MTRK_OK) {
        *out = r.payload; /* the row's malloc'd string: mtrk_free is free */
        r.payload = NULL;
        rows_clear(T_WEBHOOK_PAYLOADS, &r);
    }
    return tx_end(t, rc);
}

/* Rows of a scan, copied, to delete after it. */
typedef struct del_rows {
    unsigned table;
    char *v;
    size_t n, cap, max;
    mtrk_time before; /* by-time scans: stop at the first row at or after it */
    int by_time;
} del_rows;

static int del_cb(void *ud, void *row)
{
    del_rows *d = ud;
    if (d->by_time) {
        mtrk_time at = d->table == T_WEBHOOK_PAYLOADS ? ((const row_webhook_payloads *)row)->arrived_at
                                                      : ((const row_webhook_nonces *)row)->expires_at;
        if (at >= d->before)
            return 1;
    }
    size_t sz = rows_size(d->table);
    if (d->n == d->cap) {
        char *p = grow_array(d->v, &d->cap, sz, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        d->v = p;
    }
    if (rows_copy(d->table, d->v + d->n * sz, row) != MTRK_OK)
        return MTRK_ENOMEM;
    d->n++;
    return d->max && d->n >= d->max ? 1 : 0;
}

/* Deletes the rows collected (and frees them). */
static int del_apply(mtrk_tenant *t, del_rows *d, int rc)
{
    size_t sz = rows_size(d->table);
    if (rc == MTRK_ENOMEM)
        rc = terr(t, rc, "out of memory");
    for (size_t i = 0; i < d->n; i++) {
        if (rc == MTRK_OK)
            rc = st_delete(t, d->table, d->v + i * sz);
        rows_clear(d->table, d->v + i * sz);
    }
    free(d->v);
    d->v = NULL;
    d->n = d->cap = 0;
    return rc;
}

/* Deletes the rows of `table` older than `before` by its time index, a page
 * at a time; *n (may be NULL) counts them. */
static int purge_before(mtrk_tenant *t, unsigned table, int index, mtrk_time before, size_t page, uint64_t *n)
{
    int rc = MTRK_OK;
    for (;;) {
        del_rows d = { table, NULL, 0, 0, page, before, 1 };
        mtrk_value pre = v_id(&t->id);
        rc = st_scan(t, table, index, &pre, 1, NULL, 0, 0, del_cb, &d);
        size_t got = d.n;
        rc = del_apply(t, &d, rc);
        if (n)
            *n += got;
        if (rc || got < page)
            break;
    }
    return rc;
}

int core_webhook_payloads_purge(mtrk_tenant *t, mtrk_time now, int64_t retention_ms)
{
    mtrk_time before = retention_ms > 0 && now > INT64_MIN + retention_ms ? now - retention_ms : now;
    return purge_before(t, T_WEBHOOK_PAYLOADS, IDX_WEBHOOK_PAYLOADS_TIME, before, 1024, NULL);
}

/* The rows of a contact's messages in one table's by-message index. */
static int erase_by_mids(mtrk_tenant *t, unsigned table, int index, const mtrk_id *mids, size_t n)
{
    int rc = MTRK_OK;
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        del_rows d = { table, NULL, 0, 0, 0, 0, 0 };
        mtrk_value pre[2] = { v_id(&t->id), v_id(&mids[i]) };
        rc = st_scan(t, table, index, pre, 2, NULL, 0, 0, del_cb, &d);
        rc = del_apply(t, &d, rc);
    }
    return rc;
}

int wh_data_erase_mids(mtrk_tenant *t, const mtrk_id *mids, size_t n)
{
    int rc = erase_by_mids(t, T_PROVIDER_MESSAGES, IDX_PROVIDER_MESSAGES_MESSAGE, mids, n);
    if (rc == MTRK_OK)
        rc = erase_by_mids(t, T_WEBHOOK_PAYLOADS, IDX_WEBHOOK_PAYLOADS_MESSAGE, mids, n);
    return rc;
}

/* ---- replay tokens ------------------------------------------------------------ */

/* Expired tokens pruned per request: more than the one a request adds, so
 * the table stays near the window's traffic. */
#define NONCE_PRUNE 256

int wh_nonce_check(mtrk_tenant *t, const char *provider, const char *token, mtrk_time now, mtrk_time expires,
                   bool *replayed)
{
    *replayed = false;
    int rc = purge_before(t, T_WEBHOOK_NONCES, IDX_WEBHOOK_NONCES_EXPIRY, now, NONCE_PRUNE, NULL);
    if (rc)
        return rc;
    row_webhook_nonces r = { 0 };
    r.tenant = t->id;
    r.provider = (char *)provider;
    r.token = (char *)token;
    rc = st_get(t, T_WEBHOOK_NONCES, &r);
    if (rc == MTRK_OK) {
        bool live = r.expires_at > now;
        row_webhook_nonces upd;
        rc = rows_copy(T_WEBHOOK_NONCES, &upd, &r);
        if (rc == MTRK_OK && !live) { /* expired but not pruned yet: seen anew */
            upd.seen_at = now;
            upd.expires_at = expires;
            rc = st_update_from(t, T_WEBHOOK_NONCES, &r, &upd);
        }
        if (rc == MTRK_OK)
            rows_clear(T_WEBHOOK_NONCES, &upd);
        rows_clear(T_WEBHOOK_NONCES, &r);
        *replayed = live;
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
    }
    if (rc != MTRK_ENOTFOUND)
        return rc;
    r.tenant = t->id;
    r.provider = (char *)provider;
    r.token = (char *)token;
    r.seen_at = now;
    r.expires_at = expires;
    return st_insert(t, T_WEBHOOK_NONCES, &r);
}
