/**
 * @file mtrk/contact.h
 *
 * mtrk — contacts, audiences, unsubscribes, suppressions, audit log,
 * data portability and retention.
 *
 * Snapshots (mtrk_contact, mtrk_audience, ...) are copies owned by the caller;
 * strings read from them are borrowed until the snapshot is freed (common.h,
 * borrowed strings). Iterators hand out snapshots owned by the iterator,
 * valid until the next _next call or _iter_free. _next returns 0 with an item, MTRK_ITEROVER at the end, or an
 * error. Iterators page through the store with a cursor: they hold no lock
 * between calls and see rows committed meanwhile after the cursor.
 */
#ifndef MTRK_CONTACT_H
#define MTRK_CONTACT_H

#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Contacts                                                            */
/* ------------------------------------------------------------------ */
/** A contact's status; only active contacts receive messages. */
typedef enum mtrk_contact_status {
    MTRK_CONTACT_ACTIVE = 1, /**< may receive messages */
    MTRK_CONTACT_BOUNCED = 2,    /**< a hard bounce (or the soft-bounce threshold) */
    MTRK_CONTACT_COMPLAINED = 3, /**< a spam complaint */
    MTRK_CONTACT_ERASED = 4      /**< personal data erased; final */
} mtrk_contact_status;

#define MTRK_CONTACT_SPEC_VERSION 1 /**< Current version of mtrk_contact_spec (its version member) */
/** Optional data given when a contact is added. NULL/0 fields are "not given". */
typedef struct mtrk_contact_spec {
    unsigned int version; /**< MTRK_CONTACT_SPEC_VERSION or an older version */
    const char *name;                 /**< display name, <= MTRK_MAX_NAME */
    mtrk_time consent_at;             /**< when consent was given (0: unknown) */
    const char *consent_source;       /**< channel or source, e.g. "signup-form" */
    const char *consent_text_version; /**< version of the consent text shown */
} mtrk_contact_spec;
/** Initializer of a mtrk_contact_spec at its current version, with the defaults */
#define MTRK_CONTACT_SPEC_INIT { MTRK_CONTACT_SPEC_VERSION, NULL, 0, NULL, NULL }
/**
 * Fills *spec with the defaults of mtrk_contact_spec for `version` (1 to MTRK_CONTACT_SPEC_VERSION),
 * for callers that cannot use MTRK_CONTACT_SPEC_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for
 * an unknown version.
 */
MTRK_API int mtrk_contact_spec_init(mtrk_contact_spec *spec, unsigned int version);

/** A contact snapshot, owned by the caller (mtrk_contact_get, mtrk_contact_free) or by an iterator. */
typedef struct mtrk_contact mtrk_contact;
/** An iterator over contacts (see the _iter_new functions). */
typedef struct mtrk_contact_iter mtrk_contact_iter;

/**
 * Normalizes `address` and validates it (docs/rules.md "Contacts"): trimmed;
 * one '@'; an ASCII local part <= 64 octets, kept as given; the domain
 * processed with UTS #46 and IDNA2008 (RFC 5890-5893) and written in its
 * Unicode form (lower case, NFC); address <= 254 octets; no spaces, control,
 * invisible, private-use or unassigned characters; no all-numeric or
 * special-use (.test, .invalid, .local, .localhost, .onion, .arpa, .alt)
 * top-level domain. Contacts are unique on the lower-cased local part and the
 * domain's A-label form. Writes the normalized form into out (size outsize).
 * Returns MTRK_EADDRESS (message names the fault), MTRK_ETOOLONG,
 * MTRK_EENCODING, MTRK_EINVAL (NULL or out too small).
 */
MTRK_API int mtrk_address_normalize(char *out, size_t outsize, const char *address);

/**
 * Adds a contact, or finds the existing one with the same address
 * (case-insensitive): *out_id receives its id and *out_created (may be NULL)
 * 1 if it was created, 0 if it existed (the spec is then ignored). spec may
 * be NULL. A new contact whose address is suppressed is created and stays
 * suppressed. Returns MTRK_EADDRESS, MTRK_ETOOLONG, MTRK_EENCODING, MTRK_EINVAL,
 * MTRK_EVERSION.
 */
MTRK_API int mtrk_contact_add(mtrk_id *out_id, int *out_created, mtrk_tenant *tenant,
                              const char *address, const mtrk_contact_spec *spec);

/** Snapshot of a contact by id. MTRK_ENOTFOUND if unknown in this tenant. */
MTRK_API int mtrk_contact_get(mtrk_contact **out, mtrk_tenant *tenant, mtrk_id id);
/** Most addresses one mtrk_contact_add_batch call takes. */
#define MTRK_MAX_CONTACT_BATCH 100000

#define MTRK_CONTACT_OUTCOME_VERSION 1 /**< Current version of mtrk_contact_outcome (its version member) */
/** What became of one address of mtrk_contact_add_batch. */
typedef struct mtrk_contact_outcome {
    unsigned int version; /**< MTRK_CONTACT_OUTCOME_VERSION or an older version */
    int status;          /**< 0 added or found, else this address's error code */
    mtrk_id id;          /**< the contact (nil when refused) */
    int created;         /**< 1 if the contact was created by this call */
    /** The refusal's message, naming the argument ("addresses[3] \"x\" has no '@'"),
     *  or NULL; borrowed from the tenant handle until its next call. */
    const char *message;
} mtrk_contact_outcome;
/** Initializer of a mtrk_contact_outcome at its current version, with the defaults */
#define MTRK_CONTACT_OUTCOME_INIT { MTRK_CONTACT_OUTCOME_VERSION, 0, { { 0 } }, 0, NULL }
/**
 * Fills *outcome with the defaults of mtrk_contact_outcome for `version` (1 to
 * MTRK_CONTACT_OUTCOME_VERSION), for callers that cannot use MTRK_CONTACT_OUTCOME_INIT. Returns
 * MTRK_EINVAL for NULL, MTRK_EVERSION for an unknown version.
 */
MTRK_API int mtrk_contact_outcome_init(mtrk_contact_outcome *outcome, unsigned int version);

/**
 * Adds or finds the contacts of n addresses in one transaction, judging each
 * on its own as mtrk_contact_add does: outcomes[i] (each non-NULL, version set)
 * receives the contact's id and whether it was created, or that address's
 * error (MTRK_EADDRESS, MTRK_ETOOLONG, MTRK_EENCODING, MTRK_EINVAL for a bad
 * specs[i]) with its message; a bad address does not reject the others. An
 * address repeated in the batch gives the same id, created once. specs may be
 * NULL, and specs[i] NULL (none); a spec only applies to a new contact.
 * Returns 0 when the call succeeded (even if some addresses were refused);
 * MTRK_EINVAL / MTRK_EVERSION (a NULL array or a bad outcome), MTRK_ETOOLONG
 * (n over MTRK_MAX_CONTACT_BATCH) or a storage error, in which case nothing
 * of the call is kept. *out_created (may be NULL) counts new contacts.
 */
MTRK_API int mtrk_contact_add_batch(size_t *out_created, mtrk_contact_outcome *const *outcomes,
                                    mtrk_tenant *tenant, const char *const *addresses,
                                    const mtrk_contact_spec *const *specs, size_t n);

/** Snapshot of a contact by address (normalized first). MTRK_ENOTFOUND if none. */
MTRK_API int mtrk_contact_find(mtrk_contact **out, mtrk_tenant *tenant, const char *address);
/** Frees a contact snapshot (NULL-safe). */
MTRK_API void mtrk_contact_free(mtrk_contact *contact);

/* Accessors: strings are borrowed from the snapshot until mtrk_contact_free. */
/** The contact's id. */
MTRK_API mtrk_id mtrk_contact_id(const mtrk_contact *contact);
/** Normalized address; NULL once erased. */
MTRK_API const char *mtrk_contact_address(const mtrk_contact *contact);
/** Display name, or NULL. */
MTRK_API const char *mtrk_contact_name(const mtrk_contact *contact);
/** The contact's status. */
MTRK_API mtrk_contact_status mtrk_contact_status_of(const mtrk_contact *contact);
/** When the contact was created (Unix ms). */
MTRK_API mtrk_time mtrk_contact_created_at(const mtrk_contact *contact);
/** When the contact gave consent (Unix ms; 0 if not recorded). */
MTRK_API mtrk_time mtrk_contact_consent_at(const mtrk_contact *contact);
/** Where the contact's consent came from (borrowed until the snapshot is freed; NULL when unset). */
MTRK_API const char *mtrk_contact_consent_source(const mtrk_contact *contact);
/**
 * The version of the consent text the contact agreed to (borrowed until the snapshot is freed; NULL
 * when unset).
 */
MTRK_API const char *mtrk_contact_consent_text_version(const mtrk_contact *contact);
/** Number of custom fields. */
MTRK_API size_t mtrk_contact_field_count(const mtrk_contact *contact);
/** The i-th custom field (in key order), borrowed from the snapshot. MTRK_EINVAL if i is out of range. */
MTRK_API int mtrk_contact_field_at(const char **out_key, const char **out_value,
                                   const mtrk_contact *contact, size_t i);
/** Value of custom field `key`, or NULL. */
MTRK_API const char *mtrk_contact_field(const mtrk_contact *contact, const char *key);

/** Sets (value != NULL) or removes (value == NULL) a custom field. At most MTRK_MAX_FIELDS. */
MTRK_API int mtrk_contact_set_field(mtrk_tenant *tenant, mtrk_id id, const char *key, const char *value);
/** Sets (or clears, NULL) the display name. */
MTRK_API int mtrk_contact_set_name(mtrk_tenant *tenant, mtrk_id id, const char *name);
/** Records consent evidence (spec's consent_* fields; name is ignored). */
MTRK_API int mtrk_contact_set_consent(mtrk_tenant *tenant, mtrk_id id, const mtrk_contact_spec *consent);
/**
 * Explicitly sets the status (audited), e.g. reactivating a bounced contact.
 * MTRK_ESTATE for an erased contact or for MTRK_CONTACT_ERASED (use erase).
 */
MTRK_API int mtrk_contact_set_status(mtrk_tenant *tenant, mtrk_id id, mtrk_contact_status status);

/**
 * Erases a contact (LGPD/GDPR): address, name, fields and consent removed;
 * IPs and user agents of its events and the personal data of its leads
 * scrubbed; memberships removed; queued messages canceled; the address put on
 * the suppression list as a keyed hash with reason "erased". Ids, events and
 * counts stay. Audited. Erasing twice is MTRK_ESTATE.
 */
MTRK_API int mtrk_contact_erase(mtrk_tenant *tenant, mtrk_id id);

/** Iterates the tenant's contacts in id (creation) order. */
MTRK_API int mtrk_contact_iter_new(mtrk_contact_iter **out, mtrk_tenant *tenant);
/**
 * Hands out the next item, owned by the iterator and valid until the next call or its _iter_free.
 * Returns 0 with an item, MTRK_ITEROVER at the end, or an error.
 */
MTRK_API int mtrk_contact_iter_next(const mtrk_contact **out, mtrk_contact_iter *iter);
/** Frees the iterator and the items it handed out (NULL-safe). */
MTRK_API void mtrk_contact_iter_free(mtrk_contact_iter *iter);

/**
 * Everything held about one contact (attributes, consent, memberships,
 * messages, events, unsubscribes, suppressions, leads, and its messages'
 * bounce facts, provider message ids and kept webhook payloads) as one JSON
 * document (docs/contacts.md).
 * *out_json is NUL-terminated and freed with mtrk_free.
 */
MTRK_API int mtrk_contact_export_json(char **out_json, mtrk_tenant *tenant, mtrk_id id);

/* ------------------------------------------------------------------ */
/* Audiences                                                           */
/* ------------------------------------------------------------------ */
/** An audience snapshot, owned by the caller (mtrk_audience_get, mtrk_audience_free) or by an iterator. */
typedef struct mtrk_audience mtrk_audience;
/** An iterator over audiences (see the _iter_new functions). */
typedef struct mtrk_audience_iter mtrk_audience_iter;
/** An iterator over the contact ids of an audience's members (mtrk_member_iter_new). */
typedef struct mtrk_member_iter mtrk_member_iter;

/** Creates an audience. Names need not be unique. */
MTRK_API int mtrk_audience_create(mtrk_id *out_id, mtrk_tenant *tenant, const char *name);
/**
 * Reads the audience `id` into *out, a snapshot owned by the caller (free it with mtrk_audience_free).
 * Returns MTRK_ENOTFOUND when this tenant has no such audience, MTRK_EINVAL, MTRK_ENOMEM or a storage
 * error.
 */
MTRK_API int mtrk_audience_get(mtrk_audience **out, mtrk_tenant *tenant, mtrk_id id);
/**
 * Finds the audience named `name` (exact, case-sensitive): *out_id receives
 * its id. Names are not unique: MTRK_EEXISTS when several audiences have this
 * name (use the id; the message says how many), MTRK_ENOTFOUND when none,
 * MTRK_EINVAL for a NULL argument. Reads the tenant's audiences (no name index).
 */
MTRK_API int mtrk_audience_find(mtrk_id *out_id, mtrk_tenant *tenant, const char *name);
/** Frees an audience snapshot (NULL-safe). */
MTRK_API void mtrk_audience_free(mtrk_audience *audience);
/** The audience's id. */
MTRK_API mtrk_id mtrk_audience_id(const mtrk_audience *audience);
/** The audience's name (borrowed until the snapshot is freed). */
MTRK_API const char *mtrk_audience_name(const mtrk_audience *audience);
/** When the audience was created (Unix ms). */
MTRK_API mtrk_time mtrk_audience_created_at(const mtrk_audience *audience);
/** The number of members when the snapshot was taken. */
MTRK_API uint64_t mtrk_audience_member_count(const mtrk_audience *audience);
/**
 * Renames audience `id` (1 to MTRK_MAX_NAME octets). Returns MTRK_ENOTFOUND, MTRK_EINVAL,
 * MTRK_ETOOLONG, MTRK_EENCODING or a storage error.
 */
MTRK_API int mtrk_audience_rename(mtrk_tenant *tenant, mtrk_id id, const char *name);
/**
 * Deletes an audience and its memberships. MTRK_ESTATE while a campaign that
 * is not final (sent or canceled) targets it.
 */
MTRK_API int mtrk_audience_delete(mtrk_tenant *tenant, mtrk_id id);
/** Adds a member; *out_added (may be NULL) is 0 if it already was one. */
MTRK_API int mtrk_audience_add(int *out_added, mtrk_tenant *tenant, mtrk_id audience, mtrk_id contact);
/** Removes a member; *out_removed (may be NULL) is 0 if it was not one. */
MTRK_API int mtrk_audience_remove(int *out_removed, mtrk_tenant *tenant, mtrk_id audience, mtrk_id contact);
/**
 * Adds n contacts at once (one transaction); *out_added (may be NULL) counts
 * new memberships. Any unknown contact fails the whole call (MTRK_ENOTFOUND
 * naming its index); nothing is written.
 */
MTRK_API int mtrk_audience_add_batch(size_t *out_added, mtrk_tenant *tenant, mtrk_id audience,
                                     const mtrk_id *contacts, size_t n);
/** Removes n contacts at once; *out_removed counts memberships removed. */
MTRK_API int mtrk_audience_remove_batch(size_t *out_removed, mtrk_tenant *tenant, mtrk_id audience,
                                        const mtrk_id *contacts, size_t n);
/**
 * Counts the members of audience `audience` into *out_count. Returns MTRK_ENOTFOUND for an unknown
 * audience, MTRK_EINVAL or a storage error.
 */
MTRK_API int mtrk_audience_count(uint64_t *out_count, mtrk_tenant *tenant, mtrk_id audience);
/** Iterates the tenant's audiences in id order. */
MTRK_API int mtrk_audience_iter_new(mtrk_audience_iter **out, mtrk_tenant *tenant);
/**
 * Hands out the next item, owned by the iterator and valid until the next call or its _iter_free.
 * Returns 0 with an item, MTRK_ITEROVER at the end, or an error.
 */
MTRK_API int mtrk_audience_iter_next(const mtrk_audience **out, mtrk_audience_iter *iter);
/** Frees the iterator and the items it handed out (NULL-safe). */
MTRK_API void mtrk_audience_iter_free(mtrk_audience_iter *iter);
/** Iterates an audience's member contact ids in contact-id order. */
MTRK_API int mtrk_member_iter_new(mtrk_member_iter **out, mtrk_tenant *tenant, mtrk_id audience);
/**
 * Hands out the next member's contact id in *out_contact. Returns 0 with an id, MTRK_ITEROVER at the
 * end, or an error.
 */
MTRK_API int mtrk_member_iter_next(mtrk_id *out_contact, mtrk_member_iter *iter);
/** Frees the iterator and the items it handed out (NULL-safe). */
MTRK_API void mtrk_member_iter_free(mtrk_member_iter *iter);

/* ------------------------------------------------------------------ */
/* Unsubscribes                                                        */
/* ------------------------------------------------------------------ */
/** What an unsubscribe rule covers. */
typedef enum mtrk_unsub_scope {
    MTRK_UNSUB_GLOBAL = 1,   /**< every campaign of the tenant */
    MTRK_UNSUB_CAMPAIGN = 2, /**< one campaign */
    MTRK_UNSUB_AUDIENCE = 3  /**< one audience (list) */
} mtrk_unsub_scope;

/** Where an unsubscribe rule or suppression came from. */
typedef enum mtrk_source {
    MTRK_SOURCE_LINK = 1,      /**< the unsubscribe link in a message */
    MTRK_SOURCE_ONE_CLICK = 2, /**< RFC 8058 one-click header */
    MTRK_SOURCE_COMPLAINT = 3, /**< a spam complaint */
    MTRK_SOURCE_MANUAL = 4,    /**< an operator or API call */
    MTRK_SOURCE_IMPORT = 5,    /**< imported from elsewhere */
    MTRK_SOURCE_BOUNCE = 6,    /**< a hard bounce (suppressions only) */
    MTRK_SOURCE_MAILTO = 7     /**< a mail to the List-Unsubscribe mailto address (mtrk_track_mail_unsubscribe) */
} mtrk_source;

typedef struct mtrk_unsub mtrk_unsub; /**< An unsubscribe rule, owned by the iterator that handed it out. */
/** An iterator over unsubscribe rules (see the _iter_new functions). */
typedef struct mtrk_unsub_iter mtrk_unsub_iter;

/**
 * Adds an unsubscribe rule for a contact (audited). scope_id is the campaign
 * (MTRK_UNSUB_CAMPAIGN), the audience (MTRK_UNSUB_AUDIENCE) or nil (global).
 * Cancels the contact's queued messages in scope. *out_created (may be NULL)
 * is 0 if the same rule already existed.
 */
MTRK_API int mtrk_unsub_add(int *out_created, mtrk_tenant *tenant, mtrk_id contact,
                            mtrk_unsub_scope scope, mtrk_id scope_id, mtrk_source source);
/** Removes a rule (resubscribe; audited). MTRK_ENOTFOUND if there is none. */
MTRK_API int mtrk_unsub_remove(mtrk_tenant *tenant, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id);
/** Iterates a contact's rules in (scope, scope id) order. */
MTRK_API int mtrk_unsub_iter_new(mtrk_unsub_iter **out, mtrk_tenant *tenant, mtrk_id contact);
/**
 * Hands out the next item, owned by the iterator and valid until the next call or its _iter_free.
 * Returns 0 with an item, MTRK_ITEROVER at the end, or an error.
 */
MTRK_API int mtrk_unsub_iter_next(const mtrk_unsub **out, mtrk_unsub_iter *iter);
/** Frees the iterator and the items it handed out (NULL-safe). */
MTRK_API void mtrk_unsub_iter_free(mtrk_unsub_iter *iter);
/** The contact the rule is for. */
MTRK_API mtrk_id mtrk_unsub_contact(const mtrk_unsub *u);
/** The unsubscribe rule's scope. */
MTRK_API mtrk_unsub_scope mtrk_unsub_scope_of(const mtrk_unsub *u);
/** The campaign or audience of a scoped rule; the nil id for a global rule. */
MTRK_API mtrk_id mtrk_unsub_scope_id(const mtrk_unsub *u);
/** Where the rule came from. */
MTRK_API mtrk_source mtrk_unsub_source(const mtrk_unsub *u);
/** When the unsubscribe rule was created (Unix ms). */
MTRK_API mtrk_time mtrk_unsub_created_at(const mtrk_unsub *u);
/** The event that created the rule, or nil for explicit calls. */
MTRK_API mtrk_id mtrk_unsub_event_id(const mtrk_unsub *u);

/* ------------------------------------------------------------------ */
/* Suppression list                                                    */
/* ------------------------------------------------------------------ */
/** What a suppression entry blocks. */
typedef enum mtrk_suppression_kind {
    MTRK_SUPPRESS_ADDRESS = 1, /**< one address (normalized, case-insensitive) */
    MTRK_SUPPRESS_DOMAIN = 2,  /**< every address of a domain */
    MTRK_SUPPRESS_HASH = 3     /**< an erased address, kept only as a keyed hash */
} mtrk_suppression_kind;

/** A suppression entry, owned by the iterator that handed it out. */
typedef struct mtrk_suppression mtrk_suppression;
/** An iterator over suppression entries (see the _iter_new functions). */
typedef struct mtrk_suppression_iter mtrk_suppression_iter;

/**
 * Suppresses an address or a domain (audited) with a reason (1–256 chars,
 * e.g. "manual", "hard_bounce", "complaint"). *out_created (may be NULL) is 0
 * if it was already suppressed. kind MTRK_SUPPRESS_HASH is refused (MTRK_EINVAL).
 */
MTRK_API int mtrk_suppression_add(int *out_created, mtrk_tenant *tenant, mtrk_suppression_kind kind,
                                  const char *value, const char *reason);
/**
 * Removes a suppression (audited; for an address, also its erased-hash entry:
 * new consent). MTRK_ENOTFOUND if nothing was suppressed.
 */
MTRK_API int mtrk_suppression_remove(mtrk_tenant *tenant, mtrk_suppression_kind kind, const char *value);
/**
 * Checks an address: *out_kind receives 0 if it may be mailed, else the kind
 * of the entry that blocks it (address or hash before domain).
 */
MTRK_API int mtrk_suppression_check(mtrk_suppression_kind *out_kind, mtrk_tenant *tenant, const char *address);
/** Iterates the tenant's suppressions by kind and value. */
MTRK_API int mtrk_suppression_iter_new(mtrk_suppression_iter **out, mtrk_tenant *tenant);
/**
 * Hands out the next item, owned by the iterator and valid until the next call or its _iter_free.
 * Returns 0 with an item, MTRK_ITEROVER at the end, or an error.
 */
MTRK_API int mtrk_suppression_iter_next(const mtrk_suppression **out, mtrk_suppression_iter *iter);
/** Frees the iterator and the items it handed out (NULL-safe). */
MTRK_API void mtrk_suppression_iter_free(mtrk_suppression_iter *iter);
/** The suppression's kind. */
MTRK_API mtrk_suppression_kind mtrk_suppression_kind_of(const mtrk_suppression *s);
/** The address, domain, or hex hash. */
MTRK_API const char *mtrk_suppression_value(const mtrk_suppression *s);
/** Why the entry was added (borrowed until the iterator's next call). */
MTRK_API const char *mtrk_suppression_reason(const mtrk_suppression *s);
/** When the suppression was created (Unix ms). */
MTRK_API mtrk_time mtrk_suppression_created_at(const mtrk_suppression *s);

/* ------------------------------------------------------------------ */
/* Audit log                                                           */
/* ------------------------------------------------------------------ */
/** An audit log entry, owned by the iterator that handed it out. */
typedef struct mtrk_audit_entry mtrk_audit_entry;
/** An iterator over audit log entries (see the _iter_new functions). */
typedef struct mtrk_audit_iter mtrk_audit_iter;
/** Iterates the tenant's audit log in time order. */
MTRK_API int mtrk_audit_iter_new(mtrk_audit_iter **out, mtrk_tenant *tenant);
/**
 * Hands out the next item, owned by the iterator and valid until the next call or its _iter_free.
 * Returns 0 with an item, MTRK_ITEROVER at the end, or an error.
 */
MTRK_API int mtrk_audit_iter_next(const mtrk_audit_entry **out, mtrk_audit_iter *iter);
/** Frees the iterator and the items it handed out (NULL-safe). */
MTRK_API void mtrk_audit_iter_free(mtrk_audit_iter *iter);
/** When the audit entry was written (Unix ms). */
MTRK_API mtrk_time mtrk_audit_at(const mtrk_audit_entry *e);
/** The actor of the handle that made the change (borrowed until the iterator's next call). */
MTRK_API const char *mtrk_audit_actor(const mtrk_audit_entry *e);
/** What was done, e.g. "campaign.status", "unsub.add", "contact.erase". */
MTRK_API const char *mtrk_audit_action(const mtrk_audit_entry *e);
/** The entity changed (nil when the entity has no id, e.g. a domain suppression). */
MTRK_API mtrk_id mtrk_audit_entity(const mtrk_audit_entry *e);
/** What changed, as a short JSON object, e.g. {"from":"draft","to":"scheduled"}. */
MTRK_API const char *mtrk_audit_detail(const mtrk_audit_entry *e);

/* ------------------------------------------------------------------ */
/* Retention                                                           */
/* ------------------------------------------------------------------ */
/**
 * Scrubs the IP and user agent of every event older than the tenant's
 * retention period (relative to now), and deletes the kept webhook payloads
 * that arrived more than webhook_payload_retention_ms ago (mtrk_tenant_settings
 * version 4), in one write transaction. *out_scrubbed (may be NULL) counts
 * events changed. Meant to be scheduled by the host.
 */
MTRK_API int mtrk_retention_apply(uint64_t *out_scrubbed, mtrk_tenant *tenant);

#ifdef __cplusplus
}
#endif
#endif
