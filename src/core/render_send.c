/* What sending a rendered message needs besides its content: a VERP return
 * path naming the message with a signed tag (docs/bounces.md "The VERP
 * format"), checked again when a bounce comes back to it, and what to
 * attach for a provider so that its webhooks echo the mid (docs/providers.md
 * "Attaching the mid when sending"). */
#include "bounce_int.h"
#include "internal.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SIG_BYTES 5 /* 10 hex digits: 40 bits of HMAC-SHA256 */
#define TAG_LEN 38  /* "-mtrk-" (or "+mtrk-") and 32 hex digits */
static const char verp_domain[] = "mtrk verp v1";

/* ---- the signed tag -------------------------------------------------------------- */

typedef struct verp_keys {
    unsigned char secret[8][32];
    int64_t key_id[8];
    size_t n;
    int64_t current; /* index of the newest unretired key, -1 none */
    bool bad;
} verp_keys;

static int keys_cb(void *ud, void *row)
{
    verp_keys *k = ud;
    const row_signing_keys *r = row;
    if (r->retired_at != 0 || k->n == sizeof k->key_id / sizeof k->key_id[0])
        return 0;
    size_t n = 0;
    if (r->secret == NULL || sodium_hex2bin(k->secret[k->n], 32, r->secret, strlen(r->secret), NULL, &n, NULL) != 0 ||
        n != 32) {
        k->bad = true;
        return 1;
    }
    k->key_id[k->n] = r->key_id;
    if (k->current < 0 || r->key_id > k->key_id[k->current])
        k->current = (int64_t)k->n;
    k->n++;
    return 0;
}

/* The tenant's unretired signing keys (inside a transaction). */
static int keys_load(mtrk_tenant *t, verp_keys *k)
{
    memset(k, 0, sizeof *k);
    k->current = -1;
    mtrk_value pre[1] = { v_id(&t->id) };
    int rc = st_scan(t, T_SIGNING_KEYS, MTRK_INDEX_PK, pre, 1, NULL, 0, 0, keys_cb, k);
    if (rc == MTRK_OK && k->bad)
        rc = terr(t, MTRK_ESTORE, "a signing key of tenant \"%s\" is malformed", t->key);
    return rc;
}

static void keys_wipe(verp_keys *k) { sodium_memzero(k, sizeof *k); }

static void verp_mac(unsigned char out[SIG_BYTES], const unsigned char secret[32], mtrk_id tenant, mtrk_id mid)
{
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, secret, 32);
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)verp_domain, sizeof verp_domain - 1);
    crypto_auth_hmacsha256_update(&st, tenant.bytes, 16);
    crypto_auth_hmacsha256_update(&st, mid.bytes, 16);
    crypto_auth_hmacsha256_final(&st, tag);
    memcpy(out, tag, SIG_BYTES);
    sodium_memzero(&st, sizeof st);
    sodium_memzero(tag, sizeof tag);
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The signature of a VERP address: the 10 hex digits between the
 * delimiter and "-mtrk-". false when it has none. */
static bool verp_sig(const char *address, unsigned char sig[SIG_BYTES])
{
    if (*address == '<')
        address++;
    const char *at = strrchr(address, '@');
    if (at == NULL || at - address < TAG_LEN + 2 * SIG_BYTES + 1)
        return false;
    const char *tag = at - TAG_LEN;
    if (tag[0] != '-')
        return false;
    const char *h = tag - 2 * SIG_BYTES;
    if (h[-1] != '+' && h[-1] != '-' && h[-1] != '=')
        return false;
    for (int i = 0; i < SIG_BYTES; i++) {
        int a = hexval(h[2 * i]), b = hexval(h[2 * i + 1]);
        if (a < 0 || b < 0)
            return false;
        sig[i] = (unsigned char)(a * 16 + b);
    }
    return true;
}

MTRK_API int mtrk_bounce_verp_verify(mtrk_id *mid, mtrk_tenant *t, const char *address)
{
    if (mid == NULL)
        return gerr(MTRK_EINVAL, "mid is NULL");
    TENANT_CHECK(t);
    if (address == NULL)
        return terr(t, MTRK_EINVAL, "address is NULL");
    mtrk_id m;
    if (mtrk_bounce_verp_parse(&m, address) != MTRK_OK)
        return terr(t, MTRK_ENOTFOUND, "\"%.254s\" carries no mid tag", address);
    unsigned char sig[SIG_BYTES];
    if (!verp_sig(address, sig))
        return terr(t, MTRK_ESIGNATURE, "\"%.254s\": the mid tag is not signed", address);
    if (sodium_init() < 0)
        return terr(t, MTRK_ESTORE, "libsodium could not be initialized");
    verp_keys k;
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = tx_end(t, keys_load(t, &k));
    if (rc) {
        keys_wipe(&k);
        return rc;
    }
    bool ok = false;
    for (size_t i = 0; i < k.n && !ok; i++) {
        unsigned char want[SIG_BYTES];
        verp_mac(want, k.secret[i], t->id, m);
        ok = sodium_memcmp(want, sig, SIG_BYTES) == 0;
    }
    keys_wipe(&k);
    if (!ok)
        return terr(t, MTRK_ESIGNATURE, "\"%.254s\": the mid tag's signature does not verify", address);
    *mid = m;
    return MTRK_OK;
}

int core_verp_check(mtrk_tenant *t, const char *address, mtrk_id mid)
{
    unsigned char sig[SIG_BYTES];
    mtrk_id m;
    if (address == NULL || mtrk_bounce_verp_parse(&m, address) != MTRK_OK || !id_eq(m, mid) ||
        !verp_sig(address, sig))
        return MTRK_OK; /* no signed tag naming this mid: nothing to check */
    if (sodium_init() < 0)
        return terr(t, MTRK_ESTORE, "libsodium could not be initialized");
    verp_keys k;
    int rc = keys_load(t, &k);
    bool ok = false;
    for (size_t i = 0; rc == MTRK_OK && i < k.n && !ok; i++) {
        unsigned char want[SIG_BYTES];
        verp_mac(want, k.secret[i], t->id, m);
        ok = sodium_memcmp(want, sig, SIG_BYTES) == 0;
    }
    keys_wipe(&k);
    if (rc == MTRK_OK && !ok)
        rc = terr(t, MTRK_ESIGNATURE, "the bounce's VERP return path \"%.254s\" is signed, and its signature does "
                  "not verify: not a bounce of this tenant's mail", address);
    return rc;
}

/* ---- render with ------------------------------------------------------------------- */

MTRK_API int mtrk_render_options_init(mtrk_render_options *opts, unsigned int version)
{
    int rc = init_check(opts, "opts", "mtrk_render_options", version, MTRK_RENDER_OPTIONS_VERSION);
    if (rc)
        return rc;
    mtrk_render_options d = MTRK_RENDER_OPTIONS_INIT;
    *opts = d;
    opts->version = version;
    return MTRK_OK;
}

/* What each provider echoes back (docs/providers.md): its send API's JSON
 * fragment and its SMTP relay's header, "%s" the mid. */
typedef struct attach {
    const char *provider, *json, *header;
} attach;

static const attach attaches[] = {
    { "sendgrid", "{\"custom_args\":{\"mtrk_mid\":\"%s\"}}", "X-SMTPAPI: {\"unique_args\":{\"mtrk_mid\":\"%s\"}}" },
    { "ses", "{\"EmailTags\":[{\"Name\":\"mtrk_mid\",\"Value\":\"%s\"}]}", "X-SES-MESSAGE-TAGS: mtrk_mid=%s" },
    { "mailgun", "{\"v:mtrk_mid\":\"%s\"}", "X-Mailgun-Variables: {\"mtrk_mid\":\"%s\"}" },
    { "postmark", "{\"Metadata\":{\"mtrk_mid\":\"%s\"}}", "X-PM-Metadata-mtrk_mid: %s" },
    { "sparkpost", "{\"metadata\":{\"mtrk_mid\":\"%s\"}}", "X-MSYS-API: {\"metadata\":{\"mtrk_mid\":\"%s\"}}" },
    { "brevo", "{\"headers\":{\"X-Mailin-custom\":\"mtrk_mid:%s\"}}", "X-Mailin-custom: mtrk_mid:%s" },
    { "mailjet", "{\"CustomID\":\"%s\"}", "X-MJ-CustomID: %s" },
    { "resend", "{\"tags\":[{\"name\":\"mtrk_mid\",\"value\":\"%s\"}]}", NULL },
    { "mandrill", "{\"metadata\":{\"mtrk_mid\":\"%s\"}}", "X-MC-Metadata: {\"mtrk_mid\":\"%s\"}" },
    { "mailersend", "{\"tags\":[\"mtrk_mid:%s\"]}", NULL },
    { "postal", "{\"tag\":\"mtrk_mid:%s\"}", "X-Postal-Tag: mtrk_mid:%s" },
};

static const attach *attach_find(const char *provider)
{
    for (size_t i = 0; i < sizeof attaches / sizeof attaches[0]; i++)
        if (strcmp(attaches[i].provider, provider) == 0)
            return &attaches[i];
    return NULL;
}

static char *fmt_mid(const char *fmt, const char *mid)
{
    size_t n = strlen(fmt) + 2 * strlen(mid) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, fmt, mid, mid);
    return p;
}

static int check_return_path(mtrk_tenant *t, const char *rp)
{
    const char *at = strchr(rp, '@');
    if (at == NULL || at == rp || at[1] == '\0' || strchr(at + 1, '@'))
        return terr(t, MTRK_EINVAL, "opts->return_path \"%.254s\" is not local@domain", rp);
    for (const char *p = rp; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '<' || *p == '>' || (unsigned char)*p >= 0x7f)
            return terr(t, MTRK_EINVAL, "opts->return_path \"%.254s\" holds a space, control, <, > or non-ASCII "
                        "character", rp);
    if ((size_t)(at - rp) > MTRK_MAX_VERP_LOCAL)
        return terr(t, MTRK_ETOOLONG, "opts->return_path's local part (%zu octets) is over %d: the signed mid tag "
                    "takes 49 of a local part's 64", (size_t)(at - rp), MTRK_MAX_VERP_LOCAL);
    if (strlen(at + 1) > 253)
        return terr(t, MTRK_ETOOLONG, "opts->return_path's domain is over 253 octets");
    return MTRK_OK;
}

/* The signed VERP return path for mid (inside a transaction). */
static int verp_make(mtrk_tenant *t, const char *rp, mtrk_id mid, char **out)
{
    if (sodium_init() < 0)
        return terr(t, MTRK_ESTORE, "libsodium could not be initialized");
    verp_keys k;
    int rc = keys_load(t, &k);
    if (rc == MTRK_OK && k.current < 0)
        rc = terr(t, MTRK_ESTATE, "tenant \"%s\" has no signing key (mtrk_tenant_rotate_key makes one)", t->key);
    unsigned char sig[SIG_BYTES];
    if (rc == MTRK_OK)
        verp_mac(sig, k.secret[k.current], t->id, mid);
    keys_wipe(&k);
    if (rc)
        return rc;
    const char *at = strchr(rp, '@');
    char hex[2 * SIG_BYTES + 1], midhex[33];
    for (int i = 0; i < SIG_BYTES; i++)
        snprintf(hex + 2 * i, 3, "%02x", sig[i]);
    for (int i = 0; i < 16; i++)
        snprintf(midhex + 2 * i, 3, "%02x", mid.bytes[i]);
    size_t n = strlen(rp) + 1 + sizeof hex + TAG_LEN + 1;
    if ((*out = malloc(n)) == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    snprintf(*out, n, "%.*s+%s-mtrk-%s%s", (int)(at - rp), rp, hex, midhex, at);
    return MTRK_OK;
}

MTRK_API int mtrk_message_render_with(mtrk_rendered *out, mtrk_tenant *t, mtrk_id mid,
                                      const mtrk_render_options *opts)
{
    TENANT_CHECK(t);
    int rc;
    if (opts && (rc = check_version(t, "opts", opts, MTRK_RENDER_OPTIONS_VERSION)))
        return rc;
    const char *rp = opts && opts->return_path ? opts->return_path : NULL;
    const char *prov = opts && opts->provider ? opts->provider : NULL;
    const attach *a = prov ? attach_find(prov) : NULL;
    if (prov && a == NULL)
        return terr(t, MTRK_EINVAL, "opts->provider \"%.64s\" is not a provider (sendgrid, ses, mailgun, postmark, "
                    "sparkpost, brevo, mailjet, resend, mandrill, mailersend, postal)", prov);
    if (rp && (rc = check_return_path(t, rp)))
        return rc;
    if ((rp || prov) && out != NULL && out->version >= 1 && out->version < 3)
        return terr(t, MTRK_EINVAL, "out->version %u has no room for a return path or a provider's attachment "
                    "(version 3)", out->version);
    if ((rc = mtrk_message_render(out, t, mid)))
        return rc;
    char m[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(m, mid);
    if (rp && (rc = tx_begin(t, false)) == MTRK_OK)
        rc = tx_end(t, verp_make(t, rp, mid, &out->return_path));
    if (rc == MTRK_OK && a && (out->provider_json = fmt_mid(a->json, m)) == NULL)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc == MTRK_OK && a && a->header && (out->provider_header = fmt_mid(a->header, m)) == NULL)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc)
        mtrk_rendered_clear(out);
    return rc;
}
