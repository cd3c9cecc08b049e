/*
 * Signing keys and URL tokens. A token is base64url (no padding) of
 *   kid (4, big-endian) | mid (16) [| lid or rid (16)] | tag (16)
 * where tag is the first 16 bytes of HMAC-SHA-256(secret of kid,
 *   "mtrk-url-v1" | purpose | tenant id | kid | mid | second id or zeros).
 * The purpose and the tenant id are in the MAC: a click token does not verify
 * as an open, and another tenant's token does not verify here.
 */
#include "tracking_int.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TAG_LEN 16
#define SECRET_LEN crypto_auth_hmacsha256_KEYBYTES

static const char domain[] = "mtrk-url-v1";

static bool has_second(int purpose) { return purpose == MTRK_URL_CLICK || purpose == MTRK_URL_LANDING; }

typedef struct key_scan {
    int64_t max_id;        /* highest key id (any state) */
    int64_t current;       /* highest unretired key id */
} key_scan;

static int key_scan_cb(void *ud, void *row)
{
    key_scan *k = ud;
    const row_signing_keys *r = row;
    if (r->key_id > k->max_id)
        k->max_id = r->key_id;
    if (r->retired_at == 0 && r->key_id > k->current)
        k->current = r->key_id;
    return 0;
}

static int keys_scan(mtrk_tenant *t, key_scan *k)
{
    k->max_id = k->current = 0;
    mtrk_value p = v_id(&t->id);
    return st_scan(t, T_SIGNING_KEYS, MTRK_INDEX_PK, &p, 1, NULL, 0, 0, key_scan_cb, k);
}

int core_signing_key_create(mtrk_tenant *t, uint32_t *out_key_id)
{
    key_scan k;
    int rc = keys_scan(t, &k);
    if (rc)
        return rc;
    if (k.max_id >= UINT32_MAX)
        return terr(t, MTRK_ESTATE, "tenant has used every signing key id");
    unsigned char secret[SECRET_LEN];
    char hex[SECRET_LEN * 2 + 1];
    crypto_auth_hmacsha256_keygen(secret);
    sodium_bin2hex(hex, sizeof hex, secret, sizeof secret);
    sodium_memzero(secret, sizeof secret);
    row_signing_keys r = { 0 };
    r.tenant = t->id;
    r.key_id = k.max_id + 1;
    r.secret = hex;
    r.created_at = core_now(t->db);
    rc = st_insert(t, T_SIGNING_KEYS, &r);
    sodium_memzero(hex, sizeof hex);
    if (rc == MTRK_OK && out_key_id)
        *out_key_id = (uint32_t)r.key_id;
    return rc;
}

/* Reads key `kid` (owned row). MTRK_ENOTFOUND without a message. */
static int key_get(mtrk_tenant *t, int64_t kid, row_signing_keys *r)
{
    memset(r, 0, sizeof *r);
    r->tenant = t->id;
    r->key_id = kid;
    return st_get(t, T_SIGNING_KEYS, r);
}

static void key_clear(row_signing_keys *r)
{
    if (r->secret)
        sodium_memzero(r->secret, strlen(r->secret));
    rows_clear(T_SIGNING_KEYS, r);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* tag of (purpose, tenant, body = kid|mid|id2) with the key's secret. */
static int mac(mtrk_tenant *t, const row_signing_keys *key, int purpose, const uint8_t body[36],
               uint8_t tag[crypto_auth_hmacsha256_BYTES])
{
    unsigned char secret[SECRET_LEN];
    size_t n = 0;
    if (key->secret == NULL ||
        sodium_hex2bin(secret, sizeof secret, key->secret, strlen(key->secret), NULL, &n, NULL) != 0 ||
        n != sizeof secret)
        return terr(t, MTRK_ESTORE, "signing key %lld is malformed", (long long)key->key_id);
    crypto_auth_hmacsha256_state st;
    uint8_t p = (uint8_t)purpose;
    crypto_auth_hmacsha256_init(&st, secret, sizeof secret);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)domain, sizeof domain - 1);
    crypto_auth_hmacsha256_update(&st, &p, 1);
    crypto_auth_hmacsha256_update(&st, t->id.bytes, 16);
    crypto_auth_hmacsha256_update(&st, body, 36);
    crypto_auth_hmacsha256_final(&st, tag);
    sodium_memzero(&st, sizeof st);
    sodium_memzero(secret, sizeof secret);
    return MTRK_OK;
}

int signer_open(signer *s, mtrk_tenant *t)
{
    memset(s, 0, sizeof *s);
    key_scan k;
    int rc = keys_scan(t, &k);
    if (rc)
        return rc;
    if (k.current == 0)
        return terr(t, MTRK_ESTATE, "tenant \"%s\" has no signing key (mtrk_tenant_rotate_key makes one)", t->key);
    row_signing_keys key;
    rc = key_get(t, k.current, &key);
    if (rc == MTRK_ENOTFOUND)
        rc = terr(t, MTRK_ESTORE, "signing key %lld vanished", (long long)k.current);
    if (rc)
        return rc;
    unsigned char secret[SECRET_LEN];
    size_t n = 0;
    if (key.secret == NULL ||
        sodium_hex2bin(secret, sizeof secret, key.secret, strlen(key.secret), NULL, &n, NULL) != 0 ||
        n != sizeof secret)
        rc = terr(t, MTRK_ESTORE, "signing key %lld is malformed", (long long)key.key_id);
    key_clear(&key);
    if (rc)
        return rc;
    /* The keyed state after the domain: each token copies it. */
    crypto_auth_hmacsha256_init(&s->st, secret, sizeof secret);
    crypto_auth_hmacsha256_update(&s->st, (const unsigned char *)domain, sizeof domain - 1);
    sodium_memzero(secret, sizeof secret);
    memcpy(s->tenant, t->id.bytes, 16);
    s->kid = (uint32_t)k.current;
    return MTRK_OK;
}

void signer_close(signer *s) { sodium_memzero(s, sizeof *s); }

void signer_token(const signer *s, int purpose, mtrk_id mid, mtrk_id id2, char out[TOKEN_MAX])
{
    uint8_t body[36] = { 0 };
    put32(body, s->kid);
    memcpy(body + 4, mid.bytes, 16);
    if (has_second(purpose))
        memcpy(body + 20, id2.bytes, 16);
    crypto_auth_hmacsha256_state st = s->st;
    uint8_t p = (uint8_t)purpose;
    uint8_t tag[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_update(&st, &p, 1);
    crypto_auth_hmacsha256_update(&st, s->tenant, 16);
    crypto_auth_hmacsha256_update(&st, body, 36);
    crypto_auth_hmacsha256_final(&st, tag);
    sodium_memzero(&st, sizeof st);
    uint8_t tok[52];
    size_t n = has_second(purpose) ? 36 : 20;
    memcpy(tok, body, n);
    memcpy(tok + n, tag, TAG_LEN);
    sodium_memzero(tag, sizeof tag);
    sodium_bin2base64(out, TOKEN_MAX, tok, n + TAG_LEN, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

int sign_token(mtrk_tenant *t, int purpose, mtrk_id mid, mtrk_id id2, char out[TOKEN_MAX])
{
    signer s;
    int rc = signer_open(&s, t);
    if (rc)
        return rc;
    signer_token(&s, purpose, mid, id2, out);
    signer_close(&s);
    return MTRK_OK;
}

void key_memo_clear(key_memo *memo)
{
    for (size_t i = 0; i < memo->n; i++)
        if (memo->k[i].rc == MTRK_OK)
            key_clear(&memo->k[i].row);
    memo->n = 0;
}

/* Key kid, from memo when it was read before (*r then borrowed from it,
 * *owned false), else from the store (kept in memo when there is room). */
static int key_get_memo(mtrk_tenant *t, key_memo *memo, int64_t kid, row_signing_keys *r, bool *owned)
{
    *owned = true;
    if (memo == NULL)
        return key_get(t, kid, r);
    for (size_t i = 0; i < memo->n; i++)
        if (memo->k[i].kid == kid) {
            *owned = false;
            *r = memo->k[i].row;
            return memo->k[i].rc;
        }
    int rc = key_get(t, kid, r);
    if ((rc != MTRK_OK && rc != MTRK_ENOTFOUND) || memo->n == KEY_MEMO)
        return rc;
    memo->k[memo->n].kid = kid;
    memo->k[memo->n].rc = rc;
    memo->k[memo->n].row = *r; /* moved: the memo owns it now */
    memo->n++;
    *owned = false;
    return rc;
}

int verify_token(mtrk_tenant *t, int purpose, const char *token, size_t n, mtrk_id *mid, mtrk_id *id2)
{
    return verify_token_memo(t, NULL, purpose, token, n, mid, id2);
}

int verify_token_memo(mtrk_tenant *t, key_memo *memo, int purpose, const char *token, size_t n, mtrk_id *mid,
                      mtrk_id *id2)
{
    size_t want = has_second(purpose) ? 52 : 36;
    uint8_t tok[64];
    size_t got = 0;
    if (n == 0 || n >= TOKEN_MAX ||
        sodium_base642bin(tok, sizeof tok, token, n, NULL, &got, NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) !=
            0 ||
        got != want)
        return terr(t, MTRK_ESIGNATURE, "tracking token is malformed or truncated");
    /* One text per token: a re-encoding must give back the same characters
     * (no alternative spelling of the same bytes is accepted). */
    char again[TOKEN_MAX];
    sodium_bin2base64(again, sizeof again, tok, got, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    if (strlen(again) != n || memcmp(again, token, n) != 0)
        return terr(t, MTRK_ESIGNATURE, "tracking token is not in canonical form");
    uint32_t kid = (uint32_t)tok[0] << 24 | (uint32_t)tok[1] << 16 | (uint32_t)tok[2] << 8 | tok[3];
    row_signing_keys key;
    bool owned;
    int rc = key_get_memo(t, memo, kid, &key, &owned);
    if (rc == MTRK_ENOTFOUND)
        return terr(t, MTRK_ESIGNATURE, "tracking token names an unknown signing key");
    if (rc)
        return rc;
    if (key.retired_at != 0) {
        if (owned)
            key_clear(&key);
        return terr(t, MTRK_ESIGNATURE, "tracking token was signed by retired key %u", kid);
    }
    uint8_t body[36] = { 0 };
    memcpy(body, tok, want - TAG_LEN);
    uint8_t tag[crypto_auth_hmacsha256_BYTES];
    rc = mac(t, &key, purpose, body, tag);
    if (owned)
        key_clear(&key);
    if (rc)
        return rc;
    bool ok = sodium_memcmp(tag, tok + want - TAG_LEN, TAG_LEN) == 0;
    sodium_memzero(tag, sizeof tag);
    if (!ok)
        return terr(t, MTRK_ESIGNATURE, "tracking token signature does not verify");
    memcpy(mid->bytes, body + 4, 16);
    memcpy(id2->bytes, body + 20, 16);
    return MTRK_OK;
}

/* ---- public: keys ------------------------------------------------------------ */

MTRK_API int mtrk_tenant_rotate_key(uint32_t *out_key_id, mtrk_tenant *t)
{
    if (out_key_id)
        *out_key_id = 0;
    TENANT_CHECK(t);
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    uint32_t kid = 0;
    rc = core_signing_key_create(t, &kid);
    if (rc == MTRK_OK)
        rc = audit_addf(t, "tenant.key.rotate", &t->id, "{\"key_id\":%u}", kid);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && out_key_id)
        *out_key_id = kid;
    return rc;
}

MTRK_API int mtrk_tenant_retire_key(mtrk_tenant *t, uint32_t key_id)
{
    TENANT_CHECK(t);
    if (key_id == 0)
        return terr(t, MTRK_EINVAL, "key_id is 0 (key ids start at 1)");
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    key_scan k;
    row_signing_keys key = { 0 };
    rc = keys_scan(t, &k);
    if (rc == MTRK_OK) {
        rc = key_get(t, key_id, &key);
        if (rc == MTRK_ENOTFOUND)
            rc = terr(t, MTRK_ENOTFOUND, "signing key %u not found", key_id);
    }
    if (rc == MTRK_OK && key.retired_at != 0)
        rc = terr(t, MTRK_ESTATE, "signing key %u is already retired", key_id);
    if (rc == MTRK_OK && (int64_t)key_id == k.current)
        rc = terr(t, MTRK_ESTATE, "signing key %u is the current key: rotate first", key_id);
    if (rc == MTRK_OK) {
        key.retired_at = core_now(t->db);
        rc = st_update(t, T_SIGNING_KEYS, &key);
    }
    if (rc == MTRK_OK)
        rc = audit_addf(t, "tenant.key.retire", &t->id, "{\"key_id\":%u}", key_id);
    key_clear(&key);
    return tx_end(t, rc);
}

MTRK_API int mtrk_key_info_init(mtrk_key_info *info, unsigned int version)
{
    int rc = init_check(info, "info", "mtrk_key_info", version, MTRK_KEY_INFO_VERSION);
    if (rc)
        return rc;
    mtrk_key_info d = MTRK_KEY_INFO_INIT;
    *info = d;
    info->version = version;
    return MTRK_OK;
}

typedef struct keys_list {
    mtrk_key_info *const *outs;
    size_t cap, n;
} keys_list;

static int keys_list_cb(void *ud, void *row)
{
    keys_list *l = ud;
    const row_signing_keys *r = row;
    if (l->n < l->cap) {
        mtrk_key_info *o = l->outs[l->n];
        o->key_id = (uint32_t)r->key_id;
        o->created_at = r->created_at;
        o->retired_at = r->retired_at;
        o->current = 0;
    }
    l->n++;
    return 0;
}

MTRK_API int mtrk_tenant_signing_keys(mtrk_key_info *const *outs, size_t cap, size_t *out_count, mtrk_tenant *t)
{
    if (out_count == NULL)
        return gerr(MTRK_EINVAL, "out_count is NULL");
    *out_count = 0;
    if (outs == NULL && cap > 0)
        return gerr(MTRK_EINVAL, "outs is NULL");
    TENANT_CHECK(t);
    int rc = check_versions(t, "outs", (const void *const *)outs, cap, MTRK_KEY_INFO_VERSION);
    if (rc == MTRK_OK)
        rc = tx_begin(t, false);
    if (rc)
        return rc;
    keys_list l = { outs, cap, 0 };
    key_scan k;
    mtrk_value p = v_id(&t->id);
    rc = st_scan(t, T_SIGNING_KEYS, MTRK_INDEX_PK, &p, 1, NULL, 0, 0, keys_list_cb, &l);
    if (rc == MTRK_OK)
        rc = keys_scan(t, &k);
    rc = tx_end(t, rc);
    if (rc)
        return rc;
    for (size_t i = 0; i < cap && i < l.n; i++)
        outs[i]->current = (int64_t)outs[i]->key_id == k.current;
    *out_count = l.n;
    return MTRK_OK;
}
