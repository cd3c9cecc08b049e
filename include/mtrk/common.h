/*
 * mtrk — common definitions: export macro, status codes, ids, time, limits.
 *
 * Conventions used by every mtrk header:
 *  - functions return int: 0 (MTRK_OK) on success or a negative MTRK_E* code;
 *    a per-handle message names the argument or value at fault
 *    (mtrk_db_errmsg, mtrk_tenant_errmsg) and mtrk_last_errmsg() repeats the
 *    last message set on the calling thread;
 *  - out-parameters come first, then the handle, then inputs, then options;
 *  - an object returned through `**out` belongs to the caller and is released
 *    with the matching _free/_close (all NULL-safe); `const char *` returned by
 *    an accessor is borrowed from the object it was read from;
 *  - structs the caller fills in start with `unsigned int version`; set it with
 *    the MTRK_*_INIT macro or the mtrk_*_init() function.
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
#define MTRK_API
#endif

/** Library version (semantic versioning). */
#define MTRK_VERSION_MAJOR 1
#define MTRK_VERSION_MINOR 0
#define MTRK_VERSION_PATCH 0
#define MTRK_VERSION_NUMBER \
    (MTRK_VERSION_MAJOR * 1000000 + MTRK_VERSION_MINOR * 1000 + MTRK_VERSION_PATCH)

/** Run-time version of the linked library, encoded as MTRK_VERSION_NUMBER. */
MTRK_API int mtrk_version_number(void);
/** Run-time version of the linked library as "MAJOR.MINOR.PATCH" (static string). */
MTRK_API const char *mtrk_version_string(void);

/* ------------------------------------------------------------------ */
/* Status codes. Appended only, never renumbered.                      */
/* ------------------------------------------------------------------ */
enum {
    MTRK_OK = 0,
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
#define MTRK_MAX_TENANT_KEY 64
#define MTRK_MAX_ADDRESS 254
#define MTRK_MAX_LOCAL_PART 64
#define MTRK_MAX_NAME 256          /**< names, labels, actors, sources, reasons */
#define MTRK_MAX_SUBJECT 998
#define MTRK_MAX_HTML (4u * 1024u * 1024u)
#define MTRK_MAX_HTML_DEPTH 512    /**< elements open at once in an HTML body (docs/tracking.md) */
#define MTRK_MAX_HTML_REOPENED 65536 /**< unclosed formatting elements the HTML parser reopens, in all */
#define MTRK_MAX_TEXT (1u * 1024u * 1024u)
#define MTRK_MAX_URL 2048
#define MTRK_MAX_USER_AGENT 512
#define MTRK_MAX_IP 64
#define MTRK_MAX_PROVIDER 128      /**< provider name and provider event id */
#define MTRK_MAX_DIAGNOSTIC 1024
#define MTRK_MAX_FIELDS 64         /**< custom fields per contact or lead */
#define MTRK_MAX_FIELD_KEY 64
#define MTRK_MAX_FIELD_VALUE 1024
#define MTRK_MAX_BATCH 100000      /**< elements in one batch call */

/* ------------------------------------------------------------------ */
/* Ids: 16-byte, time-ordered UUIDs (RFC 9562 version 7), by value.    */
/* ------------------------------------------------------------------ */
typedef struct mtrk_id {
    uint8_t bytes[16];
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
typedef int64_t mtrk_time;

/** Frees memory the library handed out as a plain buffer (e.g. JSON text). */
MTRK_API void mtrk_free(void *ptr);

#ifdef __cplusplus
}
#endif
#endif
