/*
 * API bearer tokens (include/mtrk/apitoken.h). A token is
 *   "mtrk_" base64url-no-padding(tenant id (16) | token id (16) | secret (32))
 * and the api_tokens row keeps hex(BLAKE2b-256(secret)). The ids are in
 * clear so that a check reads two rows by primary key (the tenant, then the
 * token): no index over every tenant's hashes, no scan. The secret is 256
 * random bits: a hash without salt or stretching is enough, as nothing
 * short enough to guess is ever hashed.
 */
#include "internal.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#define PREFIX "mtrk_"
#define PREFIX_LEN 5
#define SECRET_LEN 32
#define RAW_LEN (16 + 16 + SECRET_LEN)
#define HASH_LEN crypto_generichash_BYTES /* 32 */

_Static_assert(PREFIX_LEN + 86 + 1 == MTRK_API_TOKEN_SIZE, "token size");

static void hash_hex(char out[2 * HASH_LEN + 1], const unsigned char *secret)
{
    unsigned char h[HASH_LEN];
    crypto_generichash(h, sizeof h, secret, SECRET_LEN, NULL, 0);
    sodium_bin2hex(out, 2 * HASH_LEN + 1, h, sizeof h);
}

static int check_label(mtrk_tenant *t, const char *label)
{
    if (label == NULL)
        return terr(t, MTRK_EINVAL, "label is NULL");
    size_t n = strnlen(label, MTRK_MAX_TOKEN_LABEL + 1);
    if (n == 0)
        return terr(t, MTRK_EINVAL, "label is empty");
    if (n > MTRK_MAX_TOKEN_LABEL)
        return terr(t, MTRK_ETOOLONG, "label is longer than %d octets", MTRK_MAX_TOKEN_LABEL);
    if (!utf8_valid(label, n))
        return terr(t, MTRK_EENCODING, "label is not valid UTF-8");
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)label[i] < 0x20 || label[i] == 0x7f)
            return terr(t, MTRK_EINVAL, "label has a control character at octet %zu", i);
    return MTRK_OK;
}

MTRK_API int mtrk_api_token_create(char *out_secret, size_t size, mtrk_id *out_id, mtrk_tenant *t,
                                   const char *label)
{
    if (out_secret == NULL)
        return gerr(MTRK_EINVAL, "out_secret is NULL");
    if (size > 0)
        out_secret[0] = '\0';
    if (size < MTRK_API_TOKEN_SIZE)
        return gerr(MTRK_EINVAL, "size is %zu, less than MTRK_API_TOKEN_SIZE (%d)", size, MTRK_API_TOKEN_SIZE);
    TENANT_CHECK(t);
    int rc = check_label(t, label);
    if (rc)
        return rc;
    unsigned char raw[RAW_LEN];
    row_api_tokens r = { 0 };
    char hex[2 * HASH_LEN + 1];
    r.tenant = t->id;
    r.id = core_id_new(t->db);
    memcpy(raw, t->id.bytes, 16);
    memcpy(raw + 16, r.id.bytes, 16);
    randombytes_buf(raw + 32, SECRET_LEN);
    hash_hex(hex, raw + 32);
    r.label = (char *)label;
    r.hash = hex;
    r.created_at = core_now(t->db);
    r.revoked_at = 0;
    rc = tx_begin(t, true);
    if (rc == MTRK_OK) {
        rc = st_insert(t, T_API_TOKENS, &r);
        if (rc == MTRK_OK) {
            strbuf b = { 0 };
            sb_printf(&b, "{\"label\":");
            sb_json_str(&b, label);
            sb_printf(&b, "}");
            rc = b.oom ? terr(t, MTRK_ENOMEM, "out of memory auditing the token") : audit_add(t, "api_token.create", &r.id, b.p);
            sb_free(&b);
        }
        rc = tx_end(t, rc);
    }
    if (rc == MTRK_OK) {
        memcpy(out_secret, PREFIX, PREFIX_LEN);
        sodium_bin2base64(out_secret + PREFIX_LEN, size - PREFIX_LEN, raw, sizeof raw,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        if (out_id)
            *out_id = r.id;
    }
    sodium_memzero(raw, sizeof raw);
    return rc;
}

MTRK_API int mtrk_api_token_revoke(mtrk_tenant *t, mtrk_id id)
{
    TENANT_CHECK(t);
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_api_tokens r = { 0 };
    r.tenant = t->id;
    r.id = id;
    rc = st_get(t, T_API_TOKENS, &r);
    if (rc == MTRK_ENOTFOUND)
        rc = terr(t, MTRK_ENOTFOUND, "no API token with this id");
    if (rc == MTRK_OK && r.revoked_at == 0) {
        r.revoked_at = core_now(t->db);
        if (r.revoked_at <= 0)
            r.revoked_at = 1; /* 0 means valid */
        rc = st_update(t, T_API_TOKENS, &r);
        if (rc == MTRK_OK)
            rc = audit_add(t, "api_token.revoke", &r.id, "{}");
    }
    rows_clear(T_API_TOKENS, &r);
    return tx_end(t, rc);
}

MTRK_API int mtrk_api_token_info_init(mtrk_api_token_info *info, unsigned int version)
{
    int rc = init_check(info, "info", "mtrk_api_token_info", version, MTRK_API_TOKEN_INFO_VERSION);
    if (rc)
        return rc;
    mtrk_api_token_info d = MTRK_API_TOKEN_INFO_INIT;
    *info = d;
    info->version = version;
    return MTRK_OK;
}

typedef struct token_list {
    mtrk_api_token_info *const *outs;
    size_t cap, n;
} token_list;

static int list_cb(void *ud, void *row)
{
    token_list *l = ud;
    const row_api_tokens *r = row;
    if (l->n < l->cap) {
        mtrk_api_token_info *o = l->outs[l->n];
        o->id = r->id;
        snprintf(o->label, sizeof o->label, "%s", r->label ? r->label : "");
        o->created_at = r->created_at;
        o->revoked_at = r->revoked_at;
    }
    l->n++;
    return 0;
}

MTRK_API int mtrk_api_token_list(mtrk_api_token_info *const *outs, size_t cap, size_t *out_count, mtrk_tenant *t)
{
    if (out_count == NULL)
        return gerr(MTRK_EINVAL, "out_count is NULL");
    *out_count = 0;
    if (outs == NULL && cap > 0)
        return gerr(MTRK_EINVAL, "outs is NULL");
    TENANT_CHECK(t);
    int rc = check_versions(t, "outs", (const void *const *)outs, cap, MTRK_API_TOKEN_INFO_VERSION);
    if (rc == MTRK_OK)
        rc = tx_begin(t, false);
    if (rc)
        return rc;
    token_list l = { outs, cap, 0 };
    mtrk_value p = v_id(&t->id);
    rc = st_scan(t, T_API_TOKENS, MTRK_INDEX_PK, &p, 1, NULL, 0, 0, list_cb, &l);
    rc = tx_end(t, rc);
    if (rc)
        return rc;
    *out_count = l.n;
    return MTRK_OK;
}

MTRK_API int mtrk_db_api_token_find(char *out_tenant, size_t size, mtrk_db *db, const char *secret)
{
    if (out_tenant == NULL)
        return gerr(MTRK_EINVAL, "out_tenant is NULL");
    if (size > 0)
        out_tenant[0] = '\0';
    if (size < MTRK_MAX_TENANT_KEY + 1)
        return gerr(MTRK_EINVAL, "size is %zu, less than MTRK_MAX_TENANT_KEY + 1", size);
    if (db == NULL)
        return gerr(MTRK_EINVAL, "db is NULL");
    if (secret == NULL)
        return dberr(db, MTRK_EINVAL, "secret is NULL");
    unsigned char raw[RAW_LEN];
    size_t len = 0;
    if (strnlen(secret, MTRK_API_TOKEN_SIZE) != MTRK_API_TOKEN_SIZE - 1 || memcmp(secret, PREFIX, PREFIX_LEN) != 0 ||
        sodium_base642bin(raw, sizeof raw, secret + PREFIX_LEN, MTRK_API_TOKEN_SIZE - 1 - PREFIX_LEN, NULL, &len,
                          NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        len != sizeof raw) {
        sodium_memzero(raw, sizeof raw);
        return dberr(db, MTRK_ENOTFOUND, "not an API token");
    }
    char want[2 * HASH_LEN + 1];
    hash_hex(want, raw + 32);
    /* A handle with no tenant id reaches only the tenants table (as in
     * mtrk_db_tenant_list); it is given the token's tenant once that is
     * known to exist. */
    mtrk_tenant t;
    memset(&t, 0, sizeof t);
    t.db = db;
    row_tenants tr = { 0 };
    row_api_tokens r = { 0 };
    memcpy(tr.id.bytes, raw, 16);
    memcpy(r.tenant.bytes, raw, 16);
    memcpy(r.id.bytes, raw + 16, 16);
    sodium_memzero(raw, sizeof raw);
    int rc = tx_begin(&t, false);
    if (rc == MTRK_OK) {
        rc = st_get(&t, T_TENANTS, &tr);
        if (rc == MTRK_OK) {
            t.id = tr.id;
            rc = st_get(&t, T_API_TOKENS, &r);
        }
        rc = tx_end(&t, rc);
    }
    bool ok = rc == MTRK_OK && r.hash && strlen(r.hash) == 2 * HASH_LEN &&
              sodium_memcmp(r.hash, want, 2 * HASH_LEN) == 0 && r.revoked_at == 0 && tr.key &&
              strlen(tr.key) < size;
    if (ok)
        memcpy(out_tenant, tr.key, strlen(tr.key) + 1);
    if (tr.secret)
        sodium_memzero(tr.secret, strlen(tr.secret));
    rows_clear(T_TENANTS, &tr);
    rows_clear(T_API_TOKENS, &r);
    sodium_memzero(want, sizeof want);
    if (rc && rc != MTRK_ENOTFOUND) {
        if (t.err[0])
            memcpy(db->err, t.err, ERRMSG_SIZE);
        return rc;
    }
    return ok ? MTRK_OK : dberr(db, MTRK_ENOTFOUND, "no valid API token matches");
}
