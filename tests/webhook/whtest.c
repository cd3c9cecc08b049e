#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

wh_verdict wht_run(wh_result *res, const char *provider, const char *body, const wh_secrets *secrets, mtrk_time now,
                   const char *url, ...)
{
    wh_header h[16];
    size_t n = 0;
    va_list ap;
    va_start(ap, url);
    const char *name;
    while (n < 16 && (name = va_arg(ap, const char *)) != NULL) {
        h[n].name = name;
        h[n].value = va_arg(ap, const char *);
        n++;
    }
    va_end(ap);
    wh_secrets open = { { NULL, NULL }, 0, 1, NULL, NULL };
    wh_request req = { h, n, body, strlen(body), url, now, secrets ? secrets : &open, 0 };
    return wh_process(res, provider, &req);
}

mtrk_id wht_id(const char *text)
{
    mtrk_id id;
    assert_int_equal(mtrk_id_from_string(&id, text), 0);
    return id;
}

void wht_str_(const char *got, const char *want, const char *what, const char *file, int line)
{
    if (got == NULL && want == NULL)
        return;
    if (got == NULL || want == NULL || strcmp(got, want) != 0) {
        print_error("%s: got \"%s\", want \"%s\"\n", what, got ? got : "(null)", want ? want : "(null)");
        _fail(file, line);
    }
}

void wht_event(const wh_event *ev, mtrk_event_type type, const char *provider_type, mtrk_time at, const char *key)
{
    if (ev->error != NULL)
        fail_msg("event refused: %s", ev->error);
    assert_int_equal(ev->mapped, type != 0);
    if (type != 0)
        assert_int_equal(ev->type, type);
    wht_str(ev->provider_type, provider_type);
    assert_int_equal(ev->occurred_at, at);
    if (key != NULL)
        wht_str(ev->key, key);
    assert_non_null(ev->key);
    assert_non_null(ev->raw);
}

wh_event *wht_one(wh_result *r, wh_verdict v)
{
    if (v != WH_ACCEPTED)
        fail_msg("request not accepted (verdict %d): %s", (int)v, r->message);
    assert_int_equal(r->n, 1);
    return &r->events[0];
}

void wht_refused(wh_result *r, wh_verdict got, wh_verdict want, const char *part)
{
    assert_int_equal(got, want);
    if (part != NULL && strstr(r->message, part) == NULL)
        fail_msg("message \"%s\" does not say \"%s\"", r->message, part);
    wh_result_free(r);
}

void wht_mid(const wh_event *ev, mtrk_id mid)
{
    assert_true(ev->has_mid);
    assert_memory_equal(&ev->mid, &mid, sizeof mid);
}

void wht_echo(const wh_event *ev, mtrk_id mid, const char *provider_message_id, const char *recipient)
{
    wht_mid(ev, mid);
    wht_str(ev->provider_message_id, provider_message_id);
    wht_str(ev->recipient, recipient);
}

void wht_derived_key(const wh_event *ev)
{
    assert_non_null(ev->key);
    assert_true(strncmp(ev->key, "sha256:", 7) == 0);
}

EVP_PKEY *wht_ec_key(void)
{
    EVP_PKEY *k = EVP_EC_gen("P-256");
    assert_non_null(k);
    return k;
}

EVP_PKEY *wht_rsa_key(void)
{
    EVP_PKEY *k = EVP_RSA_gen(2048);
    assert_non_null(k);
    return k;
}

static char *bio_text(BIO *b)
{
    char *p = NULL;
    long n = BIO_get_mem_data(b, &p);
    char *s = malloc((size_t)n + 1);
    memcpy(s, p, (size_t)n);
    s[n] = '\0';
    BIO_free(b);
    return s;
}

char *wht_pub_b64(EVP_PKEY *k)
{
    unsigned char *der = NULL;
    int n = i2d_PUBKEY(k, &der);
    assert_true(n > 0);
    char *s = wh_base64_encode(der, (size_t)n);
    OPENSSL_free(der);
    return s;
}

char *wht_pub_pem(EVP_PKEY *k)
{
    BIO *b = BIO_new(BIO_s_mem());
    assert_int_equal(PEM_write_bio_PUBKEY(b, k), 1);
    return bio_text(b);
}

char *wht_cert_pem(EVP_PKEY *k)
{
    X509 *x = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), 0);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, k);
    X509_NAME *nm = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(nm, "CN", MBSTRING_ASC, (const unsigned char *)"sns.amazonaws.com", -1, -1, 0);
    X509_set_issuer_name(x, nm);
    assert_true(X509_sign(x, k, EVP_sha256()) > 0);
    BIO *b = BIO_new(BIO_s_mem());
    assert_int_equal(PEM_write_bio_X509(b, x), 1);
    X509_free(x);
    return bio_text(b);
}

char *wht_sign(EVP_PKEY *k, const char *alg, const void *msg, size_t len)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    const EVP_MD *md = strcmp(alg, "sha1") == 0 ? EVP_sha1() : EVP_sha256();
    assert_int_equal(EVP_DigestSignInit(ctx, NULL, md, NULL, k), 1);
    size_t n = 0;
    assert_int_equal(EVP_DigestSign(ctx, NULL, &n, msg, len), 1);
    unsigned char *sig = malloc(n);
    assert_int_equal(EVP_DigestSign(ctx, sig, &n, msg, len), 1);
    EVP_MD_CTX_free(ctx);
    char *s = wh_base64_encode(sig, n);
    free(sig);
    return s;
}

char *wht_hmac_hex(const char *alg, const void *key, size_t keylen, const void *msg, size_t len)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    /* OpenSSL, not the library's own path (libsodium for SHA-256). */
    assert_non_null(HMAC(strcmp(alg, "sha1") == 0 ? EVP_sha1() : EVP_sha256(), key, (int)keylen, msg, len, mac, &n));
    char *s = malloc(2 * n + 1);
    wh_hex(s, mac, n);
    return s;
}

char *wht_hmac_b64(const char *alg, const void *key, size_t keylen, const void *msg, size_t len)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    assert_non_null(HMAC(strcmp(alg, "sha1") == 0 ? EVP_sha1() : EVP_sha256(), key, (int)keylen, msg, len, mac, &n));
    return wh_base64_encode(mac, n);
}

char *wht_cat(const char *a, const char *b)
{
    return wh_join(a, "", b);
}
