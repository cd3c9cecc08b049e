/*
 * mtrk — database handles and tenants.
 *
 * A mtrk_db is a connection to one store. A handle is used by one thread at a
 * time; open one handle per thread. Every operation on data goes through a
 * mtrk_tenant opened on a db: nothing crosses tenants.
 */
#ifndef MTRK_DB_H
#define MTRK_DB_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct mtrk_db mtrk_db;
typedef struct mtrk_tenant mtrk_tenant;
typedef struct mtrk_store mtrk_store; /* see mtrk/store.h */

/** A clock returning Unix milliseconds; replace it to make runs deterministic. */
typedef mtrk_time (*mtrk_clock_fn)(void *userdata);

#define MTRK_OPEN_OPTIONS_VERSION 1
typedef struct mtrk_open_options {
    unsigned int version;
    /** Clock used for every "now" (NULL: the system clock). */
    mtrk_clock_fn clock;
    void *clock_userdata;
} mtrk_open_options;
#define MTRK_OPEN_OPTIONS_INIT { MTRK_OPEN_OPTIONS_VERSION, NULL, NULL }
/** Fills *opts with defaults for `version`. MTRK_EVERSION if unknown. */
MTRK_API int mtrk_open_options_init(mtrk_open_options *opts, unsigned int version);

/**
 * Opens a handle on `target`:
 *  - "memory:"  a private, empty in-memory store owned by this handle.
 * opts may be NULL (defaults). *out is set only on success; close it with
 * mtrk_db_close. Returns MTRK_EINVAL (NULL/unknown target), MTRK_EVERSION,
 * MTRK_ENOMEM, MTRK_ESTORE.
 */
MTRK_API int mtrk_db_open(mtrk_db **out, const char *target, const mtrk_open_options *opts);

/**
 * Opens a handle on a caller-supplied store (for sharing one store between
 * handles, or for a custom backend). The store is borrowed: it must outlive
 * the handle and is freed by its owner with mtrk_store_free.
 * Returns MTRK_EINVAL, MTRK_EVERSION (store version unknown),
 * MTRK_EINCOMPLETE (a required operation missing), MTRK_ENOMEM.
 */
MTRK_API int mtrk_db_open_store(mtrk_db **out, mtrk_store *store, const mtrk_open_options *opts);

/** Closes the handle (NULL-safe). Tenants opened on it must be closed first. */
MTRK_API void mtrk_db_close(mtrk_db *db);

/** Message of the last failed call on this handle ("" if none). Borrowed. */
MTRK_API const char *mtrk_db_errmsg(const mtrk_db *db);

/** The handle's current time in Unix milliseconds (its clock). */
MTRK_API mtrk_time mtrk_db_now(const mtrk_db *db);

/* ------------------------------------------------------------------ */
/* Tenants                                                             */
/* ------------------------------------------------------------------ */

/**
 * Creates tenant `key` (1–64 chars of A–Z a–z 0–9 . _ -) with default
 * settings and a fresh signing secret, and opens it. `actor` (1–256 chars,
 * e.g. "api:alice") is recorded in the audit log for every change made
 * through the returned handle. Returns MTRK_EEXISTS if the key exists,
 * MTRK_EINVAL/MTRK_ETOOLONG/MTRK_EENCODING for a bad key or actor.
 */
MTRK_API int mtrk_tenant_create(mtrk_tenant **out, mtrk_db *db, const char *key, const char *actor);

/** Opens an existing tenant. MTRK_ENOTFOUND if `key` does not exist (never creates). */
MTRK_API int mtrk_tenant_open(mtrk_tenant **out, mtrk_db *db, const char *key, const char *actor);

/** Closes a tenant handle (NULL-safe). */
MTRK_API void mtrk_tenant_close(mtrk_tenant *tenant);

/** Changes the actor recorded for later changes made through this handle. */
MTRK_API int mtrk_tenant_set_actor(mtrk_tenant *tenant, const char *actor);

/** The tenant's key (borrowed from the handle). */
MTRK_API const char *mtrk_tenant_key(const mtrk_tenant *tenant);
/** The tenant's id. */
MTRK_API mtrk_id mtrk_tenant_id(const mtrk_tenant *tenant);
/** The handle's current actor (borrowed). */
MTRK_API const char *mtrk_tenant_actor(const mtrk_tenant *tenant);
/** Message of the last failed call on this tenant handle ("" if none). */
MTRK_API const char *mtrk_tenant_errmsg(const mtrk_tenant *tenant);

/**
 * Lists the keys of every tenant of the store, in key order, for operators'
 * tools. *out_keys receives the keys one after the other, each NUL-terminated,
 * followed by an empty string (a final extra NUL); free it with mtrk_free.
 * *out_n receives the number of keys. Returns MTRK_EINVAL (a NULL argument),
 * MTRK_ENOMEM, or a storage error.
 */
MTRK_API int mtrk_db_tenant_keys(char **out_keys, size_t *out_n, mtrk_db *db);

#define MTRK_TENANT_SETTINGS_VERSION 1
typedef struct mtrk_tenant_settings {
    unsigned int version;
    /** Base URL of the host's tracking endpoint, "https://..." ("" = unset). */
    const char *tracking_base_url;
    /** Consecutive soft bounces (by event time, no delivery between) that count as hard. >= 1. */
    uint32_t soft_bounce_threshold;
    /** A lead carrying a mid is attributed to it within this many ms after the message was sent. > 0. */
    int64_t attribution_window_ms;
    /** IPs and user agents of events older than this are scrubbed by mtrk_retention_apply. > 0. */
    int64_t retention_ms;
} mtrk_tenant_settings;
#define MTRK_TENANT_SETTINGS_INIT { MTRK_TENANT_SETTINGS_VERSION, "", 3, 30LL * 86400000LL, 365LL * 86400000LL }
/** Defaults: no base URL, threshold 3, attribution 30 days, retention 365 days. */
MTRK_API int mtrk_tenant_settings_init(mtrk_tenant_settings *settings, unsigned int version);

/**
 * Reads the tenant's settings into *out (out->version must be set). Strings are
 * borrowed from the tenant handle until its next call.
 */
MTRK_API int mtrk_tenant_settings_get(mtrk_tenant_settings *out, mtrk_tenant *tenant);
/**
 * Replaces the tenant's settings (audited). tracking_base_url must be "" or an
 * http(s) URL. MTRK_EINVAL names the field at fault.
 */
MTRK_API int mtrk_tenant_settings_set(mtrk_tenant *tenant, const mtrk_tenant_settings *settings);

#ifdef __cplusplus
}
#endif
#endif
