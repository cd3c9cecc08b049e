/**
 * @file mtrk/webhook.h
 *
 * mtrk — provider webhooks: one call per HTTP request an e-mail service
 * provider posts (SendGrid, Amazon SES, Mailgun, Postmark, SparkPost, Brevo,
 * Mailjet, Resend, Mandrill, MailerSend, Postal). mtrk verifies the request's
 * signature with the tenant's keys for that provider, parses it, maps every
 * event and records them in one transaction; events it cannot record yet
 * (their message is not found) and event types it does not model go to the
 * dead-letter store with the provider's original event object.
 * docs/providers.md describes each provider.
 *
 * Ownership: a mtrk_webhook_result and everything it points to belong to the
 * caller until mtrk_webhook_result_free. Strings of mtrk_deadletter_info and
 * mtrk_webhook_key_info are the tenant handle's (common.h, borrowed strings).
 */
#ifndef MTRK_WEBHOOK_H
#define MTRK_WEBHOOK_H

#include "event.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What became of a request as a whole. */
typedef enum mtrk_webhook_verdict {
    MTRK_WEBHOOK_ACCEPTED = 0,          /**< verified and parsed: see each event's outcome */
    MTRK_WEBHOOK_SIGNATURE_REFUSED = 1, /**< signature missing, wrong, expired, or no key to check it */
    MTRK_WEBHOOK_MALFORMED = 2,         /**< unknown provider, empty or oversized body, not the provider's format */
    MTRK_WEBHOOK_CONFIRM = 3,           /**< SNS SubscriptionConfirmation: the host visits confirm_url */
    /** The request's signed unique token (Mailgun's token, Resend's svix-id, SendGrid's signature,
     * an SNS MessageId) was accepted before within the timestamp tolerance: a replay (or a provider's
     * retry of a request already recorded). Nothing written; the host may answer 2xx, since the first
     * request's events were recorded. */
    MTRK_WEBHOOK_REPLAYED = 4
} mtrk_webhook_verdict;
/** Static name ("accepted", "signature_refused", "malformed", "confirm", "replayed"), or NULL if out of range. */
MTRK_API const char *mtrk_webhook_verdict_name(mtrk_webhook_verdict verdict);

/** One HTTP header of a request (names compared without regard to case). */
typedef struct mtrk_header {
    const char *name;  /**< the header's name */
    const char *value; /**< its value, as received */
} mtrk_header;

/**
 * The SNS signing certificate: given the (already validated, AWS-hosted)
 * SigningCertURL, sets *pem to a malloc'd NUL-terminated PEM certificate the
 * host fetched (and may cache) and returns 0; any other return refuses the
 * request. mtrk frees *pem.
 */
typedef int (*mtrk_webhook_cert_fn)(char **pem, const char *url, void *userdata);

/** Default body limit of mtrk_webhook_request (64 MiB). */
#define MTRK_WEBHOOK_BODY_LIMIT ((size_t)64 * 1024 * 1024)

#define MTRK_WEBHOOK_REQUEST_VERSION 1 /**< Current version of mtrk_webhook_request (its version member) */
/** One webhook request, as received. */
typedef struct mtrk_webhook_request {
    unsigned int version;       /**< MTRK_WEBHOOK_REQUEST_VERSION */
    const char *provider;       /**< "sendgrid", "ses", "mailgun", ... (docs/providers.md) */
    const mtrk_header *headers; /**< the request's headers (NULL when nheaders is 0) */
    size_t nheaders;            /**< how many */
    const char *body;           /**< the raw body, exactly as received (need not be NUL-terminated) */
    size_t len;                 /**< its length in octets */
    const char *url;            /**< the URL the provider posted to, as configured there (Mandrill signs it); may be NULL */
    size_t body_limit;          /**< a larger body is refused (0: MTRK_WEBHOOK_BODY_LIMIT) */
    mtrk_webhook_cert_fn get_cert; /**< SES (SNS) only: the signing certificate; NULL refuses SNS requests */
    void *cert_userdata;        /**< passed to get_cert */
} mtrk_webhook_request;
/** Initializer of a mtrk_webhook_request at its current version, with the defaults */
#define MTRK_WEBHOOK_REQUEST_INIT { MTRK_WEBHOOK_REQUEST_VERSION, NULL, NULL, 0, NULL, 0, NULL, 0, NULL, NULL }
/**
 * Fills *request with the defaults of mtrk_webhook_request for `version`, for callers that cannot use
 * MTRK_WEBHOOK_REQUEST_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for an unknown version.
 */
MTRK_API int mtrk_webhook_request_init(mtrk_webhook_request *request, unsigned int version);

#define MTRK_WEBHOOK_EVENT_VERSION 1 /**< Current version of mtrk_webhook_event (its version member) */
/** What mtrk read from one event of a request (its outcome is beside it in the result). */
typedef struct mtrk_webhook_event {
    unsigned int version;            /**< MTRK_WEBHOOK_EVENT_VERSION */
    const char *provider_type;       /**< the provider's name of the event type, or NULL */
    mtrk_event_type type;            /**< the mtrk type; 0 when the type is not modelled (unmapped) */
    mtrk_id mid;                     /**< the message echoed back, or nil */
    mtrk_id lid;                     /**< clicks: the link matched in the campaign's catalogue, or nil */
    const char *key;                 /**< the idempotency key (provider event id or derived key), or NULL */
    const char *provider_message_id; /**< the provider's message id, or NULL */
    mtrk_time occurred_at;           /**< when it happened (Unix ms), 0 if unread */
} mtrk_webhook_event;

#define MTRK_WEBHOOK_RESULT_VERSION 1 /**< Current version of mtrk_webhook_result (its version member) */
/**
 * The result of one request (mtrk_webhook_ingest), allocated by mtrk at its
 * current version and released with mtrk_webhook_result_free. Every string
 * and array in it is the result's.
 */
typedef struct mtrk_webhook_result {
    unsigned int version;          /**< MTRK_WEBHOOK_RESULT_VERSION */
    mtrk_webhook_verdict verdict;  /**< the request's verdict */
    const char *message;           /**< what was wrong with the request, or "" */
    const char *confirm_url;       /**< MTRK_WEBHOOK_CONFIRM: the URL the host visits; else NULL */
    size_t n;                      /**< events read from the request (0 unless accepted) */
    const mtrk_webhook_event *const *events; /**< n entries */
    /** n outcomes, version 2: recorded, duplicate, conflict, dead-lettered, or refused with a message
     * (owned by the result, not the tenant handle) */
    const mtrk_event_outcome *const *outcomes;
    size_t recorded;      /**< new events */
    size_t duplicates;    /**< events seen before (nothing changed), dead letters included */
    size_t conflicts;     /**< provider event ids recorded before with another mid or type */
    size_t dead_lettered; /**< events kept in the dead-letter store (unmapped ones included) */
    size_t unmapped;      /**< of those, event types mtrk does not model */
    size_t refused;       /**< events refused for their own input (see their outcome's message) */
} mtrk_webhook_result;

/**
 * Verifies, parses and records one webhook request of `request->provider`
 * with the tenant's keys and settings for it (mtrk_webhook_key_add,
 * mtrk_webhook_settings_set), in one write transaction: every event's
 * outcome is recorded, a duplicate, a conflict, dead-lettered (unmapped
 * type, no mid echoed, message not found, clicked URL not in the catalogue)
 * or refused with a message; one bad event does not reject the others. A
 * request whose verdict is not accepted writes nothing. *out receives the
 * result (also when the verdict is not accepted), owned by the caller.
 * Returns 0 when the call ran (see out->verdict), MTRK_EINVAL / MTRK_EVERSION
 * for a bad argument (NULL out or request, unknown version), or a storage
 * error, in which case nothing of the request is kept and *out is NULL.
 */
MTRK_API int mtrk_webhook_ingest(mtrk_webhook_result **out, mtrk_tenant *tenant, const mtrk_webhook_request *request);
/** Frees a result (NULL-safe). */
MTRK_API void mtrk_webhook_result_free(mtrk_webhook_result *result);

/** The providers mtrk reads: the name of the i-th (0-based), or NULL past the last. */
MTRK_API const char *mtrk_webhook_provider_name(size_t i);

/* ------------------------------------------------------------------ */
/* Finding the message by the provider's message id                    */
/* ------------------------------------------------------------------ */
/**
 * Records, at send time, the id the provider's send call returned for a
 * message (SendGrid's X-Message-Id, SES's MessageId, Mailgun's id, Postmark's
 * MessageID, SparkPost's transmission id, ...: docs/providers.md), so that
 * webhook events that echo no mid find their message by it; dead letters
 * kept for want of it are recorded by the next mtrk_deadletter_replay.
 * mtrk_queue_mark_sent records it too when its provider is one of
 * mtrk_webhook_provider_name's. Blanks and one pair of angle brackets around
 * the id are ignored ("<id@host>" and "id@host" are one id). One id names
 * one message; a message may have several (a resend, another provider).
 * Setting the same pair again is a success. Returns MTRK_EINVAL (nil mid,
 * unknown provider, empty id), MTRK_ETOOLONG (id over MTRK_MAX_PROVIDER),
 * MTRK_ENOTFOUND (no such message), MTRK_EEXISTS (the id names another
 * message), or a storage error. One write transaction; not audited (per-message
 * data, erased with the message's contact).
 */
MTRK_API int mtrk_message_provider_id_set(mtrk_tenant *tenant, mtrk_id mid, const char *provider,
                                          const char *provider_message_id);
/**
 * The message a provider's message id was recorded for, into *out_mid.
 * MTRK_ENOTFOUND when none; MTRK_EINVAL as mtrk_message_provider_id_set.
 */
MTRK_API int mtrk_message_provider_id_find(mtrk_id *out_mid, mtrk_tenant *tenant, const char *provider,
                                           const char *provider_message_id);

/**
 * The provider's original event object (JSON text) of a recorded webhook
 * event, kept when the tenant's keep_webhook_payloads setting was on when it
 * arrived (mtrk_tenant_settings version 4) and until its retention period.
 * *out is malloc'd, freed with mtrk_free. MTRK_ENOTFOUND when none is kept
 * for that event (not kept, purged, erased, or no such event).
 */
MTRK_API int mtrk_webhook_payload_get(char **out, mtrk_tenant *tenant, mtrk_id event_id);

/* ------------------------------------------------------------------ */
/* Keys and settings per provider                                      */
/* ------------------------------------------------------------------ */
/** At most this many keys per tenant and provider (rotation: the old and the new). */
#define MTRK_WEBHOOK_MAX_KEYS 2
/**
 * Adds a secret or public key for a provider (HMAC secret; SendGrid's and
 * Postal's public key as PEM or base64 DER; SES: an SNS topic ARN the tenant
 * accepts). A request verifies when any of the provider's keys verifies it.
 * Returns MTRK_EINVAL (unknown provider, empty key), MTRK_ETOOLONG (over 8192
 * octets), MTRK_EEXISTS (that key is already set), MTRK_ESTATE when the
 * provider has MTRK_WEBHOOK_MAX_KEYS already (remove one first), or a storage
 * error. Audited (without the key).
 */
MTRK_API int mtrk_webhook_key_add(mtrk_tenant *tenant, const char *provider, const char *key);
/**
 * Removes a provider's key, named by the key itself or by its fingerprint
 * (mtrk_webhook_key_info). MTRK_ENOTFOUND when none matches, MTRK_EINVAL for
 * an unknown provider or an empty name.
 */
MTRK_API int mtrk_webhook_key_remove(mtrk_tenant *tenant, const char *provider, const char *key_or_fingerprint);

#define MTRK_WEBHOOK_KEY_INFO_VERSION 1 /**< Current version of mtrk_webhook_key_info (its version member) */
/** A provider key's public facts (never the key). */
typedef struct mtrk_webhook_key_info {
    unsigned int version;    /**< MTRK_WEBHOOK_KEY_INFO_VERSION */
    const char *provider;    /**< the provider (borrowed from the tenant handle) */
    const char *fingerprint; /**< the first 16 hex digits of SHA-256 over the key (borrowed) */
    mtrk_time created_at;    /**< when it was added */
} mtrk_webhook_key_info;
/** Initializer of a mtrk_webhook_key_info at its current version, with the defaults */
#define MTRK_WEBHOOK_KEY_INFO_INIT { MTRK_WEBHOOK_KEY_INFO_VERSION, NULL, NULL, 0 }
/** Fills *info with the defaults for `version`. MTRK_EINVAL for NULL, MTRK_EVERSION if unknown. */
MTRK_API int mtrk_webhook_key_info_init(mtrk_webhook_key_info *info, unsigned int version);
/**
 * The tenant's provider keys (of one provider, or all when provider is
 * NULL), by provider then age: up to cap into outs (each non-NULL, version
 * set), their number into *out_count. MTRK_EINVAL for an unknown provider.
 */
MTRK_API int mtrk_webhook_keys(mtrk_webhook_key_info *const *outs, size_t cap, size_t *out_count,
                               mtrk_tenant *tenant, const char *provider);

#define MTRK_WEBHOOK_SETTINGS_VERSION 1 /**< Current version of mtrk_webhook_settings (its version member) */
/** A provider's settings for a tenant. */
typedef struct mtrk_webhook_settings {
    unsigned int version; /**< MTRK_WEBHOOK_SETTINGS_VERSION */
    /** Where the provider signs a timestamp: requests older or newer than now by more than this (ms) are
     * refused as replays. 0: the default (5 minutes); negative: no check. */
    int64_t tolerance_ms;
    /** 1: a signing provider's requests are accepted unchecked while it has no key (a host that
     * authenticates them otherwise, or a test); 0 (the default): refused. */
    int allow_unsigned;
} mtrk_webhook_settings;
/** Initializer of a mtrk_webhook_settings at its current version, with the defaults */
#define MTRK_WEBHOOK_SETTINGS_INIT { MTRK_WEBHOOK_SETTINGS_VERSION, 0, 0 }
/** Fills *settings with the defaults for `version`. MTRK_EINVAL for NULL, MTRK_EVERSION if unknown. */
MTRK_API int mtrk_webhook_settings_init(mtrk_webhook_settings *settings, unsigned int version);
/** Sets a provider's settings (audited). MTRK_EINVAL for an unknown provider or allow_unsigned not 0/1. */
MTRK_API int mtrk_webhook_settings_set(mtrk_tenant *tenant, const char *provider,
                                       const mtrk_webhook_settings *settings);
/** Reads a provider's settings (the defaults when never set) into *out (version set). */
MTRK_API int mtrk_webhook_settings_get(mtrk_webhook_settings *out, mtrk_tenant *tenant, const char *provider);

/* ------------------------------------------------------------------ */
/* Dead letters                                                        */
/* ------------------------------------------------------------------ */
#define MTRK_DEADLETTER_INFO_VERSION 2 /**< Current version of mtrk_deadletter_info (its version member) */
/**
 * A webhook event kept aside. Strings: the tenant handle's (borrowed). A
 * caller of version 1 gets the members up to payload; nothing past them is
 * written.
 */
typedef struct mtrk_deadletter_info {
    unsigned int version;            /**< MTRK_DEADLETTER_INFO_VERSION */
    mtrk_id id;                      /**< the dead letter's id */
    const char *provider;            /**< the provider */
    const char *key;                 /**< the event's idempotency key */
    const char *reason;              /**< why it was kept aside */
    const char *provider_type;       /**< the provider's event type name, or NULL */
    mtrk_event_type type;            /**< the mtrk type, 0 when unmapped */
    mtrk_id mid;                     /**< the mid echoed, or nil */
    const char *provider_message_id; /**< or NULL */
    mtrk_time occurred_at;           /**< when it happened */
    mtrk_time arrived_at;            /**< when mtrk kept it */
    const char *payload;             /**< the provider's original event object (JSON), or NULL */
    /* ---- version 2: a bounce's facts, as a replay records them (docs/bounces.md) ---- */
    /** bounces: hard or soft as a replay records it (the kept reason's kind when a reason is kept,
     *  else the provider's own word); MTRK_BOUNCE_NONE for other types */
    mtrk_bounce_kind bounce_kind;
    mtrk_bounce_reason bounce_reason; /**< bounces: the reason decided when the event was kept */
    int smtp_code;                    /**< bounces: the SMTP reply code, 0 unknown */
    const char *bounce_status;        /**< bounces: the RFC 3463 enhanced status code, or NULL */
    const char *bounce_type;          /**< bounces: the provider's own bounce type, or NULL */
    const char *bounce_subtype;       /**< bounces: the provider's own subtype or class, or NULL */
    const char *diagnostic;           /**< bounces (and deferrals): the diagnostic text, or NULL */
} mtrk_deadletter_info;
/** Initializer of a mtrk_deadletter_info at its current version, with the defaults */
#define MTRK_DEADLETTER_INFO_INIT \
    { MTRK_DEADLETTER_INFO_VERSION, { { 0 } }, NULL, NULL, NULL, NULL, (mtrk_event_type)0, { { 0 } }, NULL, 0, 0, NULL, \
      MTRK_BOUNCE_NONE, MTRK_BR_UNDETERMINED, 0, NULL, NULL, NULL, NULL }
/** Fills *info with the defaults for `version` (1 to MTRK_DEADLETTER_INFO_VERSION; a version-1
 *  struct is written only up to payload). MTRK_EINVAL for NULL, MTRK_EVERSION if unknown. */
MTRK_API int mtrk_deadletter_info_init(mtrk_deadletter_info *info, unsigned int version);

/** An iterator over dead letters. */
typedef struct mtrk_deadletter_iter mtrk_deadletter_iter;
/**
 * Dead letters of one provider (by key) or of every provider (provider NULL,
 * in arrival order). MTRK_EINVAL for an unknown provider. Free with
 * mtrk_deadletter_iter_free.
 */
MTRK_API int mtrk_deadletter_iter_new(mtrk_deadletter_iter **out, mtrk_tenant *tenant, const char *provider);
/** Fills *out (version set) with the next dead letter: 0, MTRK_ITEROVER at the end, or an error. */
MTRK_API int mtrk_deadletter_iter_next(mtrk_deadletter_info *out, mtrk_deadletter_iter *iter);
/** Frees the iterator (NULL-safe). */
MTRK_API void mtrk_deadletter_iter_free(mtrk_deadletter_iter *iter);
/** Counts the dead letters of a provider (NULL: all) into *out. */
MTRK_API int mtrk_deadletter_count(uint64_t *out, mtrk_tenant *tenant, const char *provider);
/**
 * Re-attempts recording the dead letters of a provider (NULL: all) whose
 * type is mapped and whose mid is known, in one write transaction: those now
 * recorded (or found to be duplicates) are removed; the others stay with
 * their reason brought up to date. *out_recorded (may be NULL) counts the
 * events recorded, *out_remaining (may be NULL) the dead letters left.
 */
MTRK_API int mtrk_deadletter_replay(size_t *out_recorded, size_t *out_remaining, mtrk_tenant *tenant,
                                    const char *provider);

#ifdef __cplusplus
}
#endif
#endif
