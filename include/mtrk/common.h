/**
 * @file mtrk/common.h
 *
 * mtrk — common definitions: export macro, status codes, ids, time, limits.
 *
 * Conventions used by every mtrk header:
 *  - functions return int: 0 (MTRK_OK) on success or a negative MTRK_E* code;
 *    a per-handle message names the argument or value at fault
 *    (mtrk_db_errmsg, mtrk_tenant_errmsg) and mtrk_last_errmsg() repeats the
 *    last message set on the calling thread;
 *  - out-parameters come first, then the handle, then inputs, then options;
 *  - an object returned through `**out` belongs to the caller and is released
 *    with the matching _free/_close (all NULL-safe); a `char **out` or a
 *    `char *` member (mtrk_rendered) is the caller's too, freed with mtrk_free;
 *  - every `const char *` the library returns or writes (into an
 *    out-parameter or a struct) is borrowed, as the rule below says;
 *  - structs the caller fills in start with `unsigned int version`; set it with
 *    the MTRK_*_INIT macro or the mtrk_*_init() function.
 *
 * Borrowed strings: the one lifetime rule. A borrowed string is never freed
 * or changed by the caller; copy it to keep it longer. It belongs to an
 * owner, and lives as long as the owner says:
 *  - static text: names of codes and values (mtrk_strerror, mtrk_*_name),
 *    mtrk_version_string, mtrk_classify_rules_default(), mtrk_track_pixel():
 *    for the life of the process;
 *  - a snapshot (mtrk_contact, mtrk_campaign, mtrk_link, mtrk_audience,
 *    mtrk_unsub, mtrk_suppression, mtrk_audit_entry): what its accessors
 *    return lives until the snapshot is freed; a snapshot handed out by an
 *    iterator is the iterator's: until its next _next or its _free;
 *  - a tenant handle: what a call on the handle writes into a struct
 *    (mtrk_tenant_settings, mtrk_event_info, mtrk_link_stats,
 *    mtrk_lead_info, mtrk_track_result), whether the call takes the tenant
 *    or one of its iterators: valid through the handle's next call, so it
 *    may be passed to that call as an argument (settings read, changed,
 *    written back), and freed when the call after it begins, or by
 *    mtrk_tenant_close. A call on the handle is any function taking the
 *    mtrk_tenant or one of its iterators, except the accessors
 *    (mtrk_tenant_key, _id, _actor, _errmsg, mtrk_event_iter_cursor) and the
 *    _free functions. The handle's own strings: mtrk_tenant_key() until the
 *    handle is closed; mtrk_tenant_actor() until it is replaced, and then, as
 *    if that call had written it, through the mtrk_tenant_set_actor that
 *    replaces it (which may be given it) until the call after it begins;
 *  - error messages: mtrk_db_errmsg and mtrk_tenant_errmsg point into their
 *    handle, valid until it is closed, their text replaced by later calls on
 *    it; mtrk_last_errmsg points into the calling thread's buffer, its text
 *    replaced by the thread's next failure;
 *  - a callback's arguments (mtrk_html_link, mtrk_classify_input): during
 *    the callback only.
 * Strings the caller passes in are read during the call (and copied when
 * kept), except where a function says otherwise (mtrk_html_link_fn's
 * replacement, mtrk_db_open_store's store).
 */
#ifndef MTRK_COMMON_H
#define MTRK_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(MTRK_BUILDING_LIBRARY) && defined(__GNUC__)
#define MTRK_API __attribute__((visibility("default")))
#else
/** Marks the library's exported functions (default visibility while the library is built). */
#define MTRK_API
#endif

/** Library version (semantic versioning). */
#define MTRK_VERSION_MAJOR 1
#define MTRK_VERSION_MINOR 0 /**< Minor version of these headers. */
#define MTRK_VERSION_PATCH 0 /**< Patch version of these headers. */
/** The headers' version as MAJOR * 1000000 + MINOR * 1000 + PATCH (compare with mtrk_version_number()). */
#define MTRK_VERSION_NUMBER \
    (MTRK_VERSION_MAJOR * 1000000 + MTRK_VERSION_MINOR * 1000 + MTRK_VERSION_PATCH)

/** Run-time version of the linked library, encoded as MTRK_VERSION_NUMBER. */
MTRK_API int mtrk_version_number(void);
/** Run-time version of the linked library as "MAJOR.MINOR.PATCH" (static string). */
MTRK_API const char *mtrk_version_string(void);

/* ------------------------------------------------------------------ */
/* Status codes. Appended only, never renumbered.                      */
/* ------------------------------------------------------------------ */
/** Status codes: every function returns MTRK_OK or one of the negative codes (mtrk_strerror names them). */
enum {
    MTRK_OK = 0, /**< success */
    MTRK_EINVAL = -1,     /**< invalid argument (NULL, empty, malformed, out of range) */
    MTRK_ENOTFOUND = -2,  /**< no such entity in this tenant */
    MTRK_EEXISTS = -3,    /**< the entity already exists */
    MTRK_ESTATE = -4,     /**< refused by a state machine (transition, edit outside draft) */
    MTRK_EBUSY = -5,      /**< the store is locked by someone else */
    MTRK_ESTORE = -6,     /**< storage failure */
    MTRK_ENOMEM = -7,     /**< out of memory */
    MTRK_EVERSION = -8,   /**< unknown struct or store version */
    MTRK_ETOOLONG = -9,   /**< a string or a count is over its limit */
    MTRK_EENCODING = -10, /**< a string is not valid UTF-8 */
    MTRK_ITEROVER = -11,  /**< an iterator has no more items (not an error) */
    MTRK_EINCOMPLETE = -12, /**< a store misses a required operation */
    MTRK_EADDRESS = -13,  /**< an e-mail address is invalid */
    MTRK_ESIGNATURE = -14, /**< a tracking URL is malformed, forged, tampered, truncated or its key retired */
    MTRK_ETENANT = -15    /**< a tracking URL belongs to another tenant */
};

/** Static, human-readable name of a status code ("invalid argument", ...). */
MTRK_API const char *mtrk_strerror(int code);
/** The message of the last failed call made on the calling thread ("" if none). */
MTRK_API const char *mtrk_last_errmsg(void);

/* ------------------------------------------------------------------ */
/* Limits (octets unless said otherwise). Raised by decision only.     */
/* ------------------------------------------------------------------ */
#define MTRK_MAX_TENANT_KEY 64 /**< Longest tenant key, in octets. */
#define MTRK_MAX_ADDRESS 254 /**< Longest e-mail address, in octets (RFC 5321). */
#define MTRK_MAX_LOCAL_PART 64 /**< Longest local part of an address, in octets (RFC 5321). */
#define MTRK_MAX_NAME 256          /**< names, labels, actors, sources, reasons */
#define MTRK_MAX_SUBJECT 998 /**< Longest campaign subject, in octets. */
#define MTRK_MAX_HTML (4u * 1024u * 1024u) /**< Largest HTML body of a campaign, in octets (4 MiB). */
#define MTRK_MAX_HTML_DEPTH 512    /**< Elements open at once in an HTML body (docs/tracking.md). */
#define MTRK_MAX_HTML_REOPENED 65536 /**< Unclosed formatting elements the HTML parser reopens, in all. */
#define MTRK_MAX_TEXT (1u * 1024u * 1024u) /**< Largest text body of a campaign, in octets (1 MiB). */
#define MTRK_MAX_URL 2048 /**< Longest URL (links, landing pages, tracking base URL), in octets. */
#define MTRK_MAX_USER_AGENT 512 /**< Longest user agent kept with an event, in octets. */
#define MTRK_MAX_IP 64 /**< Longest IP address text, in octets. */
#define MTRK_MAX_PROVIDER 128      /**< provider name and provider event id */
#define MTRK_MAX_DIAGNOSTIC 1024 /**< Longest bounce diagnostic, in octets. */
#define MTRK_MAX_FIELDS 64         /**< custom fields per contact or lead */
#define MTRK_MAX_FIELD_KEY 64 /**< Longest custom field key, in octets. */
#define MTRK_MAX_FIELD_VALUE 1024 /**< Longest custom field value, in octets. */
#define MTRK_MAX_BATCH 100000      /**< elements in one batch call */

/* ------------------------------------------------------------------ */
/* Ids: 16-byte, time-ordered UUIDs (RFC 9562 version 7), by value.    */
/* ------------------------------------------------------------------ */
/** An id: a 16-byte, time-ordered UUID (RFC 9562 version 7), passed by value; all zero is the nil id. */
typedef struct mtrk_id {
    uint8_t bytes[16]; /**< the 16 bytes, big-endian (the first 6 hold the creation time in ms) */
} mtrk_id;

/** Length of the canonical text form, without the terminating NUL. */
#define MTRK_ID_STRLEN 36

/** Writes the canonical lower-case text form (36 chars + NUL) into out[37]. */
MTRK_API void mtrk_id_to_string(char out[MTRK_ID_STRLEN + 1], mtrk_id id);
/** Parses the canonical text form (either case). MTRK_EINVAL if malformed. */
MTRK_API int mtrk_id_from_string(mtrk_id *out, const char *text);
/** 1 if every byte is zero (the nil id, meaning "none"), else 0. */
MTRK_API int mtrk_id_is_nil(mtrk_id id);
/** memcmp-style order; for version 7 ids this is creation-time order. */
MTRK_API int mtrk_id_compare(mtrk_id a, mtrk_id b);
/** A new version 7 id from the system clock and libsodium randomness. */
MTRK_API mtrk_id mtrk_id_new(void);

/* Time: signed 64-bit Unix milliseconds, UTC. */
typedef int64_t mtrk_time; /**< A time: signed 64-bit Unix milliseconds, UTC. */

/** Frees memory the library handed out as a plain buffer (e.g. JSON text). */
MTRK_API void mtrk_free(void *ptr);

#ifdef __cplusplus
}
#endif
#endif
