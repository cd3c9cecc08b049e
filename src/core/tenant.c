/* Tenants: explicit creation, opening by key, settings, actor. */
#include "internal.h"
#include "tracking_int.h"

#include <sodium.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static int check_key(mtrk_db *db, const char *key)
{
    if (key == NULL)
        return dberr(db, MTRK_EINVAL, "key is NULL");
    size_t n = strnlen(key, MTRK_MAX_TENANT_KEY + 1);
    if (n == 0)
        return dberr(db, MTRK_EINVAL, "key is empty");
    if (n > MTRK_MAX_TENANT_KEY)
        return dberr(db, MTRK_ETOOLONG, "key is longer than %d characters", MTRK_MAX_TENANT_KEY);
    if (!utf8_valid(key, n))
        return dberr(db, MTRK_EENCODING, "key is not valid UTF-8");
    for (size_t i = 0; i < n; i++) {
        char c = key[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-'))
            return dberr(db, MTRK_EINVAL, "key \"%.64s\" has a character outside A-Z a-z 0-9 . _ -", key);
    }
    return MTRK_OK;
}

static int check_actor_db(mtrk_db *db, const char *actor)
{
    if (actor == NULL)
        return dberr(db, MTRK_EINVAL, "actor is NULL");
    size_t n = strnlen(actor, MTRK_MAX_NAME + 1);
    if (n == 0)
        return dberr(db, MTRK_EINVAL, "actor is empty");
    if (n > MTRK_MAX_NAME)
        return dberr(db, MTRK_ETOOLONG, "actor is longer than %d octets", MTRK_MAX_NAME);
    if (!utf8_valid(actor, n))
        return dberr(db, MTRK_EENCODING, "actor is not valid UTF-8");
    return MTRK_OK;
}

static mtrk_tenant *tenant_alloc(mtrk_db *db, const char *key, const char *actor)
{
    mtrk_tenant *t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->db = db;
    strcpy(t->key, key);
    t->actor = strdup(actor);
    if (t->actor == NULL) {
        free(t);
        return NULL;
    }
    db->ntenants++; /* undone by mtrk_tenant_close */
    return t;
}

/* Copies the db-level error of a tenant call into the tenant's own message. */
static int lift(mtrk_db *db, mtrk_tenant *t, int rc)
{
    if (rc && t && t->err[0])
        memcpy(db->err, t->err, ERRMSG_SIZE);
    return rc;
}

MTRK_API int mtrk_tenant_create(mtrk_tenant **out, mtrk_db *db, const char *key, const char *actor)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (db == NULL)
        return gerr(MTRK_EINVAL, "db is NULL");
    int rc = check_key(db, key);
    if (rc == MTRK_OK)
        rc = check_actor_db(db, actor);
    if (rc)
        return rc;
    mtrk_tenant *t = tenant_alloc(db, key, actor);
    if (t == NULL)
        return dberr(db, MTRK_ENOMEM, "out of memory creating tenant");
    unsigned char secret[32];
    char secret_hex[65];
    randombytes_buf(secret, sizeof secret);
    sodium_bin2hex(secret_hex, sizeof secret_hex, secret, sizeof secret);
    sodium_memzero(secret, sizeof secret);

    rc = tx_begin(t, true);
    if (rc == MTRK_OK) {
        row_tenants existing;
        mtrk_value k = v_text(key);
        rc = st_find(t, T_TENANTS, IDX_TENANTS_KEY, &k, 1, &existing);
        if (rc == MTRK_OK) {
            rows_clear(T_TENANTS, &existing);
            rc = terr(t, MTRK_EEXISTS, "tenant \"%s\" already exists", key);
        } else if (rc == MTRK_ENOTFOUND) {
            mtrk_tenant_settings d = MTRK_TENANT_SETTINGS_INIT;
            row_tenants r = { 0 };
            r.id = core_id_new(db);
            r.key = (char *)key;
            r.created_at = core_now(db);
            r.tracking_base_url = (char *)d.tracking_base_url;
            r.soft_bounce_threshold = d.soft_bounce_threshold;
            r.attribution_window_ms = d.attribution_window_ms;
            r.retention_ms = d.retention_ms;
            r.events_earliest = d.events_earliest;
            r.events_ahead_ms = d.events_ahead_ms;
            r.keep_webhook_payloads = d.keep_webhook_payloads;
            r.webhook_payload_retention_ms = d.webhook_payload_retention_ms;
            r.address_rule = ADDR_RULE_CURRENT; /* a new tenant's keys follow the current rule */
            r.secret = secret_hex;
            t->id = r.id;
            rc = st_insert(t, T_TENANTS, &r);
            if (rc == MTRK_OK)
                rc = rows_copy(T_TENANTS, &t->row, &r);
            if (rc == MTRK_OK)
                rc = audit_addf(t, "tenant.create", &t->id, "{\"key\":\"%s\"}", key);
            if (rc == MTRK_OK)
                rc = core_signing_key_create(t, NULL); /* sign.c: the first URL-signing key */
        }
        rc = tx_end(t, rc);
    }
    sodium_memzero(secret_hex, sizeof secret_hex);
    if (rc) {
        lift(db, t, rc);
        mtrk_tenant_close(t);
        return rc;
    }
    *out = t;
    return MTRK_OK;
}

MTRK_API int mtrk_tenant_open(mtrk_tenant **out, mtrk_db *db, const char *key, const char *actor)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (db == NULL)
        return gerr(MTRK_EINVAL, "db is NULL");
    int rc = check_key(db, key);
    if (rc == MTRK_OK)
        rc = check_actor_db(db, actor);
    if (rc)
        return rc;
    mtrk_tenant *t = tenant_alloc(db, key, actor);
    if (t == NULL)
        return dberr(db, MTRK_ENOMEM, "out of memory opening tenant");
    rc = tx_begin(t, false);
    if (rc == MTRK_OK) {
        mtrk_value k = v_text(key);
        rc = st_find(t, T_TENANTS, IDX_TENANTS_KEY, &k, 1, &t->row);
        if (rc == MTRK_ENOTFOUND)
            rc = terr(t, MTRK_ENOTFOUND, "tenant \"%s\" does not exist (create it first)", key);
        rc = tx_end(t, rc);
    }
    if (rc) {
        lift(db, t, rc);
        mtrk_tenant_close(t);
        return rc;
    }
    t->id = t->row.id;
    *out = t;
    return MTRK_OK;
}

MTRK_API void mtrk_tenant_close(mtrk_tenant *t)
{
    if (t == NULL)
        return;
    tenant_enter(t);
    tenant_enter(t);
    stats_free(t);
    tmpl_cache_free(t->tmpl);
    free(t->kept);
    free(t->kept_old);
    if (t->row.secret)
        sodium_memzero(t->row.secret, strlen(t->row.secret));
    rows_clear(T_TENANTS, &t->row);
    free(t->actor);
    mtrk_db *db = t->db;
    free(t);
    db_tenant_gone(db); /* last: it may release db (mtrk_db_close came first) */
}

MTRK_API int mtrk_tenant_set_actor(mtrk_tenant *t, const char *actor)
{
    TENANT_CHECK(t);
    int rc = check_str(t, "actor", actor, MTRK_MAX_NAME, true);
    if (rc)
        return rc;
    /* The old actor may be held from mtrk_tenant_actor (or be `actor`): a
     * string of the handle lent before this call, it ends when the next
     * call begins (common.h). */
    char *nw = strdup(actor);
    if (nw == NULL || tenant_keep_owned(t, t->actor, true) != MTRK_OK) {
        free(nw);
        return terr(t, MTRK_ENOMEM, "out of memory");
    }
    t->actor = nw;
    return MTRK_OK;
}

MTRK_API int mtrk_tenant_set_classifier(mtrk_tenant *t, const mtrk_classify_rules *rules,
                                        int (*classifier)(void *userdata, const mtrk_classify_input *input),
                                        void *userdata)
{
    TENANT_CHECK(t);
    int rc = rules != NULL ? classify_rules_check(t, rules) : MTRK_OK;
    if (rc)
        return rc;
    t->cls_rules = rules;
    t->cls_fn = classifier;
    t->cls_ud = userdata;
    return MTRK_OK;
}

MTRK_API const char *mtrk_tenant_key(const mtrk_tenant *t) { return t ? t->key : NULL; }
MTRK_API mtrk_id mtrk_tenant_id(const mtrk_tenant *t) { return t ? t->id : nil_id; }
MTRK_API const char *mtrk_tenant_actor(const mtrk_tenant *t) { return t ? t->actor : NULL; }
MTRK_API const char *mtrk_tenant_errmsg(const mtrk_tenant *t) { return t ? t->err : ""; }

MTRK_API int mtrk_tenant_settings_init(mtrk_tenant_settings *s, unsigned int version)
{
    int rc = init_check(s, "settings", "mtrk_tenant_settings", version, MTRK_TENANT_SETTINGS_VERSION);
    if (rc)
        return rc;
    mtrk_tenant_settings d = MTRK_TENANT_SETTINGS_INIT;
    /* Write only the fields of `version`: a version-1 caller's struct is smaller. */
    memcpy(s, &d,
           version == 1   ? offsetof(mtrk_tenant_settings, list_unsubscribe_mailto)
           : version == 2 ? offsetof(mtrk_tenant_settings, events_earliest)
           : version == 3 ? offsetof(mtrk_tenant_settings, keep_webhook_payloads)
                          : sizeof *s);
    s->version = version;
    return MTRK_OK;
}

/* Re-reads the tenant row inside the caller's transaction. */
static int reload(mtrk_tenant *t)
{
    row_tenants r = { 0 };
    r.id = t->id;
    int rc = st_get(t, T_TENANTS, &r);
    if (rc == MTRK_ENOTFOUND)
        return terr(t, MTRK_ENOTFOUND, "tenant \"%s\" no longer exists", t->key);
    if (rc)
        return rc;
    rows_clear(T_TENANTS, &t->row);
    t->row = r;
    return MTRK_OK;
}

MTRK_API int mtrk_tenant_settings_get(mtrk_tenant_settings *out, mtrk_tenant *t)
{
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_TENANT_SETTINGS_VERSION);
    if (rc)
        return rc;
    rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = tx_end(t, reload(t));
    if (rc)
        return rc;
    out->tracking_base_url = tenant_keep(t, t->row.tracking_base_url);
    out->soft_bounce_threshold = (uint32_t)t->row.soft_bounce_threshold;
    out->attribution_window_ms = t->row.attribution_window_ms;
    out->retention_ms = t->row.retention_ms;
    if (out->tracking_base_url == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    if (out->version >= 2) {
        out->list_unsubscribe_mailto =
            tenant_keep(t, t->row.list_unsubscribe_mailto ? t->row.list_unsubscribe_mailto : "");
        if (out->list_unsubscribe_mailto == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory");
    }
    if (out->version >= 3) {
        out->events_earliest = t->row.events_earliest;
        out->events_ahead_ms = t->row.events_ahead_ms;
    }
    if (out->version >= 4) {
        out->keep_webhook_payloads = (int)t->row.keep_webhook_payloads;
        out->webhook_payload_retention_ms = t->row.webhook_payload_retention_ms;
    }
    return MTRK_OK;
}

/* A duration setting: positive, and short enough that the time arithmetic using
 * it (now - retention, sent_at + window) cannot overflow. */
static int check_duration(mtrk_tenant *t, const char *what, int64_t ms)
{
    if (ms <= 0)
        return terr(t, MTRK_EINVAL, "%s must be > 0 (it is %lld)", what, (long long)ms);
    if (ms > MTRK_MAX_DURATION_MS)
        return terr(t, MTRK_EINVAL, "%s %lld is longer than %lld days (MTRK_MAX_DURATION_MS)", what,
                    (long long)ms, MTRK_MAX_DURATION_MS / 86400000LL);
    return MTRK_OK;
}

MTRK_API int mtrk_tenant_settings_set(mtrk_tenant *t, const mtrk_tenant_settings *s)
{
    TENANT_CHECK(t);
    int rc = check_version(t, "settings", s, MTRK_TENANT_SETTINGS_VERSION);
    if (rc)
        return rc;
    rc = check_url(t, "settings->tracking_base_url", s->tracking_base_url, false);
    if (rc == MTRK_OK && s->tracking_base_url == NULL)
        rc = terr(t, MTRK_EINVAL, "settings->tracking_base_url is NULL (use \"\" for none)");
    if (rc)
        return rc;
    if (s->soft_bounce_threshold < 1 || s->soft_bounce_threshold > 100)
        return terr(t, MTRK_EINVAL, "settings->soft_bounce_threshold %u is outside 1..100", s->soft_bounce_threshold);
    rc = check_duration(t, "settings->attribution_window_ms", s->attribution_window_ms);
    if (rc == MTRK_OK)
        rc = check_duration(t, "settings->retention_ms", s->retention_ms);
    if (rc == MTRK_OK && s->version >= 3)
        rc = check_duration(t, "settings->events_ahead_ms", s->events_ahead_ms);
    if (rc == MTRK_OK && s->version >= 4)
        rc = check_duration(t, "settings->webhook_payload_retention_ms", s->webhook_payload_retention_ms);
    if (rc)
        return rc;
    if (s->version >= 4 && s->keep_webhook_payloads != 0 && s->keep_webhook_payloads != 1)
        return terr(t, MTRK_EINVAL, "settings->keep_webhook_payloads is %d (0 or 1)", s->keep_webhook_payloads);
    /* The earliest time: not before the Unix epoch (times are signed, but no
     * e-mail event happened before 1970), and not after the clock, which
     * would refuse every event. */
    if (s->version >= 3 && (s->events_earliest < 0 || s->events_earliest > core_now(t->db)))
        return terr(t, MTRK_EINVAL, "settings->events_earliest %lld is outside 0 (1970-01-01) .. %lld (the clock's now)",
                    (long long)s->events_earliest, (long long)core_now(t->db));
    /* Version 1 callers keep the stored mailto (NULL below means "unchanged"). */
    char mailto[MTRK_MAX_ADDRESS + 1] = "";
    bool set_mailto = s->version >= 2;
    if (set_mailto && s->list_unsubscribe_mailto == NULL)
        return terr(t, MTRK_EINVAL, "settings->list_unsubscribe_mailto is NULL (use \"\" for none)");
    if (set_mailto && *s->list_unsubscribe_mailto &&
        (rc = check_address(t, "settings->list_unsubscribe_mailto", s->list_unsubscribe_mailto, mailto)))
        return rc;
    /* The caller's URL may be the one settings_get lent from t->row, which
     * reload replaces: take a copy first. */
    char *url = strdup(s->tracking_base_url);
    if (url == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    rc = tx_begin(t, true);
    if (rc) {
        free(url);
        return rc;
    }
    rc = reload(t);
    if (rc == MTRK_OK) {
        row_tenants nw;
        rc = rows_copy(T_TENANTS, &nw, &t->row);
        if (rc == MTRK_OK) {
            strbuf d = { 0 };
            sb_add(&d, "{\"tracking_base_url\":{\"from\":");
            sb_json_str(&d, t->row.tracking_base_url);
            sb_add(&d, ",\"to\":");
            sb_json_str(&d, url);
            sb_printf(&d,
                      "},\"soft_bounce_threshold\":{\"from\":%lld,\"to\":%u},"
                      "\"attribution_window_ms\":{\"from\":%lld,\"to\":%lld},"
                      "\"retention_ms\":{\"from\":%lld,\"to\":%lld}",
                      (long long)t->row.soft_bounce_threshold, s->soft_bounce_threshold,
                      (long long)t->row.attribution_window_ms, (long long)s->attribution_window_ms,
                      (long long)t->row.retention_ms, (long long)s->retention_ms);
            free(nw.tracking_base_url);
            nw.tracking_base_url = url;
            url = NULL;
            nw.soft_bounce_threshold = s->soft_bounce_threshold;
            nw.attribution_window_ms = s->attribution_window_ms;
            nw.retention_ms = s->retention_ms;
            if (set_mailto) {
                sb_add(&d, ",\"list_unsubscribe_mailto\":");
                sb_json_str(&d, mailto);
                free(nw.list_unsubscribe_mailto);
                nw.list_unsubscribe_mailto = xstrdup(mailto);
                if (nw.list_unsubscribe_mailto == NULL)
                    d.oom = 1;
            }
            if (s->version >= 3) {
                sb_printf(&d,
                          ",\"events_earliest\":{\"from\":%lld,\"to\":%lld},"
                          "\"events_ahead_ms\":{\"from\":%lld,\"to\":%lld}",
                          (long long)t->row.events_earliest, (long long)s->events_earliest,
                          (long long)t->row.events_ahead_ms, (long long)s->events_ahead_ms);
                nw.events_earliest = s->events_earliest;
                nw.events_ahead_ms = s->events_ahead_ms;
            }
            if (s->version >= 4) {
                sb_printf(&d,
                          ",\"keep_webhook_payloads\":{\"from\":%lld,\"to\":%d},"
                          "\"webhook_payload_retention_ms\":{\"from\":%lld,\"to\":%lld}",
                          (long long)t->row.keep_webhook_payloads, s->keep_webhook_payloads,
                          (long long)t->row.webhook_payload_retention_ms, (long long)s->webhook_payload_retention_ms);
                nw.keep_webhook_payloads = s->keep_webhook_payloads;
                nw.webhook_payload_retention_ms = s->webhook_payload_retention_ms;
            }
            sb_add(&d, "}");
            if (d.oom || nw.tracking_base_url == NULL)
                rc = terr(t, MTRK_ENOMEM, "out of memory");
            if (rc == MTRK_OK)
                rc = st_update(t, T_TENANTS, &nw);
            if (rc == MTRK_OK)
                rc = audit_add(t, "tenant.settings", &t->id, d.p);
            if (rc == MTRK_OK) {
                rows_clear(T_TENANTS, &t->row);
                t->row = nw;
            } else {
                rows_clear(T_TENANTS, &nw);
            }
            sb_free(&d);
        }
    }
    free(url);
    return tx_end(t, rc);
}

int tenant_address_hash(mtrk_tenant *t, const char *address_key, char out[65])
{
    unsigned char key[32], h[32];
    size_t klen = 0;
    if (t->row.secret == NULL ||
        sodium_hex2bin(key, sizeof key, t->row.secret, strlen(t->row.secret), NULL, &klen, NULL) != 0 ||
        klen != sizeof key)
        return terr(t, MTRK_ESTORE, "tenant secret is missing or malformed");
    crypto_generichash(h, sizeof h, (const unsigned char *)address_key, strlen(address_key), key, sizeof key);
    sodium_memzero(key, sizeof key);
    sodium_bin2hex(out, 65, h, sizeof h);
    return MTRK_OK;
}
