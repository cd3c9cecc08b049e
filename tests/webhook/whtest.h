/* Shared by the webhook tests: requests built from literals, keys generated
 * with OpenSSL for the schemes whose providers publish no sample key, and
 * field-by-field assertions on normalized events. */
#ifndef MTRK_WHTEST_H
#define MTRK_WHTEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/evp.h>

#include "samples.h"
#include "webhook.h"

#define MID2 "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c"

/* Runs provider over body with the headers given as "Name", "value" pairs
 * ended by NULL; secrets may be NULL (then unsigned requests are allowed). */
wh_verdict wht_run(wh_result *res, const char *provider, const char *body, const wh_secrets *secrets, mtrk_time now,
                   const char *url, ...);
/* The mid of text, for comparisons. */
mtrk_id wht_id(const char *text);
/* Asserts the event is mapped to type (0: unmapped) with that provider type,
 * has no error, and its time and key are these. */
void wht_event(const wh_event *ev, mtrk_event_type type, const char *provider_type, mtrk_time at, const char *key);
/* The one event of a request: asserts the verdict v is WH_ACCEPTED and r
 * holds exactly one event, and returns it. */
wh_event *wht_one(wh_result *r, wh_verdict v);
/* A request refused as a whole: asserts the verdict `got` is `want` and r's
 * message contains `part` (NULL: not checked), then frees r. */
void wht_refused(wh_result *r, wh_verdict got, wh_verdict want, const char *part);
/* Asserts the event echoed the mid `mid`. */
void wht_mid(const wh_event *ev, mtrk_id mid);
/* Asserts the event echoed the mid `mid` and carries this provider message
 * id and recipient (NULL: absent). */
void wht_echo(const wh_event *ev, mtrk_id mid, const char *provider_message_id, const char *recipient);
/* Asserts the event's key is a derived one ("sha256:" + hex), as for an
 * event without the provider's own id. */
void wht_derived_key(const wh_event *ev);
/* Compares a string field (NULL for absent). */
#define wht_str(got, want) wht_str_(got, want, #got, __FILE__, __LINE__)
void wht_str_(const char *got, const char *want, const char *what, const char *file, int line);

/* Keys. */
EVP_PKEY *wht_ec_key(void);                 /* a fresh P-256 key */
EVP_PKEY *wht_rsa_key(void);                /* a fresh 2048-bit RSA key */
char *wht_pub_b64(EVP_PKEY *k);             /* SubjectPublicKeyInfo, base64 DER */
char *wht_pub_pem(EVP_PKEY *k);
char *wht_cert_pem(EVP_PKEY *k);            /* a self-signed certificate */
/* Signature of msg (ECDSA: DER; RSA: PKCS#1 v1.5), base64. */
char *wht_sign(EVP_PKEY *k, const char *alg, const void *msg, size_t len);
/* HMAC, hex or base64. */
char *wht_hmac_hex(const char *alg, const void *key, size_t keylen, const void *msg, size_t len);
char *wht_hmac_b64(const char *alg, const void *key, size_t keylen, const void *msg, size_t len);
char *wht_cat(const char *a, const char *b); /* malloc'd a + b */

#endif
