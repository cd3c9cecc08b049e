/*
 * Provider webhooks, the pure part: each provider's adapter turns one HTTP
 * request (headers, raw body, the URL it was posted to, the tenant's secrets
 * for that provider, the current time) into a request verdict and a list of
 * normalized events. No storage and no network I/O: the SNS signing
 * certificate is asked from the host through a callback.
 *
 * Internal (no exported symbol): the public call, mtrk_webhook_ingest
 * (src/core/webhook.c), records what they read.
 */
#ifndef MTRK_WH_ADAPTERS_H
#define MTRK_WH_ADAPTERS_H

#include <mtrk/mtrk.h>

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#define WH_DEFAULT_BODY_LIMIT ((size_t)64 * 1024 * 1024)
#define WH_DEFAULT_TOLERANCE_MS ((int64_t)5 * 60 * 1000)
#define WH_MAX_DEPTH 64 /* JSON nesting refused beyond this (no provider nests deeper than ~8) */
#define WH_MAX_KEYS 2   /* two secrets active at once, for rotation */
#define WH_MSG 256
#define WH_MID_KEY "mtrk_mid"      /* the name under which the mid is attached when sending */
#define WH_MID_HEADER "X-Mtrk-Mid" /* the custom header, for providers that echo headers */

typedef struct wh_header {
    const char *name; /* case-insensitive */
    const char *value;
} wh_header;

/*
 * The host's certificate source for SNS: given the (already validated)
 * SigningCertURL, sets *pem to a malloc'd NUL-terminated PEM certificate the
 * host fetched (and may cache) and returns 0; anything else refuses the
 * request.
 */
typedef int (*wh_cert_fn)(char **pem, const char *url, void *userdata);

typedef struct wh_secrets {
    /* Up to two active secrets (HMAC schemes) or public keys (SendGrid:
     * base64 DER or PEM P-256 key; Postal: base64 DER or PEM RSA key); for
     * SES, the ARNs of the tenant's SNS topics. NULL when unused. A request
     * is accepted if any of them verifies it. */
    const char *keys[WH_MAX_KEYS];
    int64_t tolerance_ms;   /* 0: WH_DEFAULT_TOLERANCE_MS; < 0: no timestamp check */
    int allow_unsigned;     /* 1: accept without a check when no key is set */
    wh_cert_fn get_cert;    /* SNS only */
    void *cert_userdata;
} wh_secrets;

typedef struct wh_request {
    const wh_header *headers;
    size_t nheaders;
    const char *body; /* raw, not necessarily NUL-terminated */
    size_t len;
    const char *url;  /* the URL the provider posted to, as configured there (Mandrill signs it) */
    mtrk_time now;    /* Unix ms */
    const wh_secrets *secrets; /* NULL: none */
    size_t body_limit;         /* 0: WH_DEFAULT_BODY_LIMIT */
} wh_request;

typedef enum wh_verdict {
    WH_ACCEPTED = 0,          /* verified and parsed; see each event's error */
    WH_SIGNATURE_REFUSED = 1, /* signature missing, wrong, expired, or no key to check it */
    WH_MALFORMED = 2,         /* not the provider's format at all */
    WH_CONFIRM = 3,           /* SNS SubscriptionConfirmation: the host visits confirm_url */
    WH_REPLAYED = 4           /* its signed token was seen within the tolerance (set by the core) */
} wh_verdict;

typedef struct wh_event {
    int mapped;                 /* 1: type is an mtrk type; 0: kept as unmapped */
    mtrk_event_type type;
    char *provider_type;        /* the provider's own name of the event type */
    int has_mid;
    mtrk_id mid;                /* echoed back from what was attached when sending */
    char *provider_message_id;
    char *send_id;              /* the id the provider's send call returned, where it differs from
                                   provider_message_id (SendGrid, SparkPost); NULL: the same (SendGrid
                                   sets it only when the event echoes no mid) */
    char *key;                  /* idempotency key: provider's event id or a documented derived key */
    mtrk_time occurred_at;      /* Unix ms (sub-millisecond digits truncated) */
    char *recipient;
    char *url;                  /* clicks */
    int link_index;             /* clicks: the link's 0-based position the provider reports; -1 unknown */
    char *user_agent;
    char *ip;
    mtrk_verdict verdict;       /* machine opens/clicks as the provider flags them */
    char *verdict_reason;
    mtrk_bounce_kind bounce_kind;
    int smtp_code;              /* SMTP reply code, 0 if unknown */
    char *enhanced_status;      /* RFC 3463 "X.Y.Z" */
    char *diagnostic;
    char *bounce_type;          /* the provider's own classification */
    char *bounce_subtype;
    int reason_kept;            /* 1: a dead letter's replay; kept_reason is the reason decided when
                                   it was kept (with the facts above as they were kept) */
    mtrk_bounce_reason kept_reason;
    mtrk_unsub_scope unsub_scope; /* unsubscribes: 0 when unknown (global) */
    char *unsub_list;           /* the provider's list/group id for a list scope */
    char *raw;                  /* the original event object, as compact JSON text */
    char *error;                /* non-NULL: this event is refused (message names the fault) */
} wh_event;

typedef struct wh_result {
    wh_verdict verdict;
    char message[WH_MSG];       /* what was wrong, or a note; "" if nothing */
    wh_event *events;
    size_t n, cap;
    char *confirm_url;          /* WH_CONFIRM only */
    /* A verified request's unique signed token (wh_set_nonce), remembered
     * until nonce_expires so that a replay within the tolerance is refused;
     * NULL when the provider signs none or nothing was verified. */
    char *nonce;
    mtrk_time nonce_expires;
} wh_result;

typedef struct wh_adapter {
    const char *name;
    /* Checks the request's signature; NULL when the provider does not sign
     * (the host authenticates it: basic auth, allow-list). Returns 0 or sets
     * the verdict and message and returns -1. parse runs after it. */
    int (*verify)(const wh_request *req, wh_result *res);
    /* Parses the verified body into res->events; returns 0, or -1 with
     * res->verdict and res->message set when the whole request is refused. */
    int (*parse)(const wh_request *req, wh_result *res);
} wh_adapter;

/* The table of adapters, one per provider, ended by a NULL name. */
extern const wh_adapter *const wh_adapters[];
const wh_adapter *wh_adapter_find(const char *name);

/* The whole path: limit and nesting checks, verification, parsing. Returns
 * the verdict (also in out->verdict); out is reset first and owned by the
 * caller (wh_result_free). */
wh_verdict wh_process(wh_result *out, const char *provider, const wh_request *req);
void wh_result_free(wh_result *res);

/* ---- helpers shared by the adapters (common.c) ---- */
int wh_fail(wh_result *res, wh_verdict verdict, const char *fmt, ...);
const char *wh_header_get(const wh_request *req, const char *name);
/* Parses the body (or any text) as JSON with the checks of wh_json_check:
 * NULL with res set to MALFORMED and a message on failure. */
json_t *wh_json_load(const char *text, size_t len, wh_result *res, const char *what);
/* The tree of text made only of objects, arrays, strings of printable ASCII
 * without escapes, integers of at most 18 digits and literals, as jansson
 * would build it (member order included); NULL for any other text (or out
 * of memory), which the caller then parses with jansson. The top level is
 * an object or an array. */
json_t *wh_json_fast(const char *text, size_t len);
wh_event *wh_event_add(wh_result *res, json_t *raw);
/* An event whose raw text is `text` as the body has it (a copy). */
wh_event *wh_event_add_text(wh_result *res, const char *text, size_t len);
/* A JSON array body read one element at a time, without the whole tree:
 * the nesting check of wh_json_load, then each(ud, index, value, text, len)
 * per element (value released after the call; text/len its span in s).
 * Returns 0, or -1 with res set (MALFORMED naming the fault, or each's -1). */
int wh_json_array_spans(const char *s, size_t n, wh_result *res, const char *what,
                        int (*each)(void *ud, size_t index, json_t *value, const char *text, size_t len), void *ud);
/* wh_key_from_raw over the object's compact serialization (what the key of
 * an event read by wh_json_array_spans is derived from, whatever its raw
 * text's spacing). */
void wh_key_from_object(wh_event *ev, json_t *o);
void wh_event_fail(wh_event *ev, const char *fmt, ...);
/* A body that is one event object or an array of them (`provider` names it
 * in messages): each element to `map`, or refused when not an object; an
 * element is released as soon as it is read. 0, or -1 with res set. */
int wh_parse_object_or_array(const wh_request *req, wh_result *res, const char *provider,
                             void (*map)(wh_event *ev, json_t *o));
void wh_map(wh_event *ev, const char *provider_type, mtrk_event_type type); /* type 0: unmapped */
char *wh_strdup(const char *s);
/* Typed field access: NULL/0 when absent; a present field of another type
 * marks the event refused with a message naming the field. */
const char *wh_str(wh_event *ev, json_t *obj, const char *key);
int wh_set_str(char **dst, wh_event *ev, json_t *obj, const char *key);
/* Reads the mid from text; a malformed mid refuses the event. */
void wh_set_mid(wh_event *ev, const char *text, const char *where);
/* Reads the mid from a free-form text the provider echoes (a custom ID, a
 * tag, a custom header): the whole text as an id, or "mtrk_mid=<id>" /
 * "mtrk_mid:<id>" inside it. Returns 1 if found; a malformed id after the
 * prefix refuses the event; text without either is not an error (0). */
int wh_mid_in_text(wh_event *ev, const char *text, const char *where);
/* application/x-www-form-urlencoded: the decoded value of name (malloc'd,
 * *len its length), or NULL. */
char *wh_form_get(const char *body, size_t len, const char *name, size_t *outlen);
/* Percent-decodes s[0..n) ('+' is a space) into a malloc'd string of *outlen octets. */
char *wh_form_decode(const char *s, size_t n, size_t *outlen);
/* Times. Each returns 0 and sets *out (Unix ms), or -1. */
int wh_time_seconds(mtrk_time *out, json_t *v);   /* integer or fractional seconds, number or string */
int wh_time_millis(mtrk_time *out, json_t *v);    /* integer milliseconds, number or string */
int wh_time_iso8601(mtrk_time *out, const char *s); /* with Z or an offset, any fraction */
/* Reads a time field of obj in the given unit into ev->occurred_at; an absent
 * or malformed one refuses the event. */
enum wh_time_unit { WH_SECONDS, WH_MILLIS, WH_ISO8601 };
void wh_set_time(wh_event *ev, json_t *obj, const char *key, enum wh_time_unit unit);
/* Finds "X.Y.Z" (RFC 3463) and a leading 3-digit SMTP code in a diagnostic. */
void wh_parse_smtp(wh_event *ev, const char *text);
/* Constant-time equality of two byte strings (lengths compared openly). */
int wh_equal(const void *a, size_t alen, const void *b, size_t blen);
/* Base64 (standard alphabet, padding optional) into a malloc'd buffer. */
unsigned char *wh_base64_decode(const char *s, size_t slen, size_t *outlen);
char *wh_base64_encode(const unsigned char *p, size_t n);
void wh_hex(char *out, const unsigned char *p, size_t n); /* out holds 2n+1 */
/* HMAC: "sha1" or "sha256"; out holds 32 octets; returns the length, or 0. */
size_t wh_hmac(unsigned char out[32], const char *alg, const void *key, size_t keylen, const void *msg, size_t len);
/* Verifies an ECDSA/RSA signature (DER for ECDSA, PKCS#1 v1.5 for RSA) of msg
 * with a public key given as PEM or base64 DER (SubjectPublicKeyInfo) or a PEM
 * certificate. alg "sha1" or "sha256". 1 valid, 0 not. */
int wh_pk_verify(const char *key, const char *alg, const void *msg, size_t len, const unsigned char *sig,
                 size_t siglen);
/* The secrets: 1 if at least one key is configured. */
int wh_has_key(const wh_request *req);
/* Before checking a signature: 1 to skip it (no key and allow_unsigned),
 * 0 to check, -1 refused (no key configured). */
int wh_need_key(const wh_request *req, wh_result *res, const char *provider);
/* The derived idempotency key of an event without a provider id:
 * "sha256:" + the first 32 hex digits of SHA-256 over its raw JSON text. */
void wh_key_from_raw(wh_event *ev);
/* A boolean field: 1 true, 0 false or absent; another type refuses the event. */
int wh_bool(wh_event *ev, json_t *obj, const char *key);
/* Joins a prefix and a suffix into a malloc'd "prefix:suffix" key. */
char *wh_join(const char *a, const char *sep, const char *b);
/* Refuses a timestamp (Unix ms) outside now ± tolerance: 0 ok, -1 refused. */
int wh_check_age(const wh_request *req, wh_result *res, mtrk_time ts);

/* After a signature over a timestamp `ts` and a unique token verified:
 * keeps "token" (up to 128 octets; a longer one is kept as its SHA-256) for
 * the tolerance window (ts + tolerance, and at least now + tolerance). Does
 * nothing when the timestamp is not checked (tolerance < 0). */
void wh_set_nonce(const wh_request *req, wh_result *res, const char *token, size_t len, mtrk_time ts);
/* A provider's message id as compared: surrounding blanks and one pair of
 * angle brackets removed (Mailgun and Brevo return "<id@host>" when sending,
 * Mailgun echoes it without). Malloc'd, or NULL (empty or out of memory). */
char *wh_msgid_norm(const char *id);

/* A provider's bounce object as a reason of mtrk's taxonomy (bounce_table.c). */
mtrk_bounce_reason wh_bounce_reason(const char *provider, const char *type, const char *subtype, int smtp_code,
                                    const char *enhanced, const char *diagnostic);
/* Hard or soft from that reason, without the text (soft for not_a_bounce):
 * the adapters' first word, which the recording refines with the text. */
mtrk_bounce_kind wh_bounce_kind(const char *provider, const char *type, const char *subtype, int smtp_code,
                                const char *enhanced);

#endif
