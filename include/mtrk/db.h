/**
 * @file mtrk/db.h
 *
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

typedef struct mtrk_db mtrk_db; /**< A handle on one store (mtrk_db_open); used by one thread at a time. */
/** A handle on one tenant of a db (mtrk_tenant_create, mtrk_tenant_open); used by one thread at a time. */
typedef struct mtrk_tenant mtrk_tenant;
typedef struct mtrk_store mtrk_store; /* see mtrk/store.h */

/** A clock returning Unix milliseconds; replace it to make runs deterministic. */
typedef mtrk_time (*mtrk_clock_fn)(void *userdata);

/** SQLite synchronous levels (mtrk_open_options.synchronous). */
enum {
    MTRK_SYNC_DEFAULT = 0, /**< the backend's default: NORMAL for SQLite */
    MTRK_SYNC_OFF = 1,     /**< no fsync: fastest; an OS crash or power loss may corrupt the file */
    MTRK_SYNC_NORMAL = 2,  /**< WAL + NORMAL: survives a process crash; a power loss may drop the last commits */
    MTRK_SYNC_FULL = 3     /**< fsync on every commit: survives a power loss */
};

#define MTRK_OPEN_OPTIONS_VERSION 3 /**< Current version of mtrk_open_options (its version member) */
/** Options of mtrk_db_open and mtrk_db_open_store (NULL for the defaults). */
typedef struct mtrk_open_options {
    unsigned int version; /**< MTRK_OPEN_OPTIONS_VERSION or an older version */
    /** Clock used for every "now" (NULL: the system clock). */
    mtrk_clock_fn clock;
    void *clock_userdata; /**< passed to clock */
    /* ---- version 2 ---- */
    /** SQLite: durability level, an MTRK_SYNC_* value (0: default). Ignored by "memory:". */
    int synchronous;
    /**
     * SQLite: how long (ms) a call waits for a database locked by another
     * handle or process before it fails with MTRK_EBUSY (0: 5000; < 0 is
     * MTRK_EINVAL). Ignored by "memory:".
     */
    int busy_timeout_ms;
    /* ---- version 3 ---- */
    /**
     * SQLite: page cache of the connection, in KiB (0: 65536, i.e. 64 MiB;
     * < 0 is MTRK_EINVAL). The cache is allocated as pages are used, so a
     * small database costs only what it reads; a large batch whose dirty
     * pages fit in it is written once at commit instead of spilled to the
     * WAL mid-transaction. Ignored by "memory:".
     */
    int cache_size_kib;
} mtrk_open_options;
/** Initializer of a mtrk_open_options at its current version, with the defaults */
#define MTRK_OPEN_OPTIONS_INIT { MTRK_OPEN_OPTIONS_VERSION, NULL, NULL, MTRK_SYNC_DEFAULT, 0, 0 }
/**
 * Fills *opts with defaults for `version` (1, 2 or 3), writing only the fields
 * that version has, so a caller compiled against version 1 can pass its
 * smaller struct. MTRK_EVERSION if unknown.
 */
MTRK_API int mtrk_open_options_init(mtrk_open_options *opts, unsigned int version);

/**
 * Opens a handle on `target`:
 *  - "memory:"       a private, empty in-memory store owned by this handle;
 *  - "sqlite:PATH"   the SQLite database file PATH;
 *  - "file:..."      an SQLite URI (https://sqlite.org/uri.html), e.g.
 *                    "file:data.db?mode=rw";
 *  - "postgresql://..." or "postgres://..."  a PostgreSQL database (a libpq
 *                    URI), and "pg:CONNINFO" with any libpq connection
 *                    string, e.g. "pg:host=/run/pg dbname=mtrk"; see
 *                    mtrk_store_pg_new;
 *  - any other string without a "scheme:" prefix: an SQLite file path
 *    (write "./a:b.db" for a file whose name looks like a scheme).
 * An SQLite file is created (with the mtrk schema) when missing, but never
 * its directory; an existing file must be an mtrk database of this schema
 * version or older (older ones are migrated forward on open). Refused, and
 * left unchanged: a file that is not SQLite, an SQLite file of another
 * application, a truncated one (MTRK_ESTORE), a newer schema version
 * (MTRK_EVERSION), a read-only file or a "mode=ro" URI (MTRK_ESTORE: mtrk
 * needs write access), a directory or a path in a missing directory
 * (MTRK_ESTORE). Any number of handles, threads and processes may open the
 * same file; each handle is used by one thread at a time.
 * opts may be NULL (defaults). *out is set only on success; close it with
 * mtrk_db_close. Returns MTRK_EINVAL (NULL/empty/unknown target, a bad
 * option), MTRK_EVERSION, MTRK_ENOMEM, MTRK_EBUSY (the file stayed locked
 * past the busy timeout), MTRK_ESTORE; mtrk_last_errmsg() says why.
 */
MTRK_API int mtrk_db_open(mtrk_db **out, const char *target, const mtrk_open_options *opts);

/**
 * Opens a handle on a caller-supplied store (for sharing one store between
 * handles, or for a custom backend). The store is borrowed: it must outlive
 * the handle and every tenant opened on it (see mtrk_db_close), and is freed
 * by its owner with mtrk_store_free.
 * Returns MTRK_EINVAL, MTRK_EVERSION (store version unknown),
 * MTRK_EINCOMPLETE (a required operation missing), MTRK_ENOMEM.
 */
MTRK_API int mtrk_db_open_store(mtrk_db **out, mtrk_store *store, const mtrk_open_options *opts);

/**
 * Closes the handle (NULL-safe). The caller must not use `db` afterwards.
 * Tenant handles opened on it and still open stay fully usable: the
 * connection (and a store the handle owns) is released when the last of them
 * is closed with mtrk_tenant_close, so closing in either order is safe and
 * nothing leaks once every handle is closed. (Failing with MTRK_EBUSY would
 * leak for callers who ignore it, and closing the tenants would leave their
 * handles dangling: this rule leaves no pointer to freed memory.) The
 * tenants keep the handle's one-thread-at-a-time rule.
 */
MTRK_API void mtrk_db_close(mtrk_db *db);

/**
 * Message of the last failed call on this handle ("" if none): mtrk_db_open*,
 * mtrk_tenant_create/open, mtrk_db_tenant_list. Borrowed from the handle
 * (common.h, error messages).
 */
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

/**
 * Closes a tenant handle (NULL-safe); strings borrowed from it end. When its
 * db was closed already and this is its last tenant, the db is released too.
 * Free the tenant's iterators first: an iterator used after its tenant is
 * closed reads freed memory.
 */
MTRK_API void mtrk_tenant_close(mtrk_tenant *tenant);

/** Changes the actor recorded for later changes made through this handle. */
MTRK_API int mtrk_tenant_set_actor(mtrk_tenant *tenant, const char *actor);

struct mtrk_classify_rules;
struct mtrk_classify_input;
/**
 * Sets the machine rules this handle judges opens and clicks by: events
 * recorded with MTRK_VERDICT_AUTO (mtrk_event_record, mtrk_event_record_batch,
 * mtrk_simulate) and hits resolved without rules or classifier of their own
 * (mtrk_track_resolve). `rules` NULL: mtrk_classify_rules_default(); it is
 * borrowed, and must stay valid until it is replaced or the handle closed.
 * `classifier` (may be NULL) is the host's, called last with `userdata`, as
 * mtrk_resolve_options.classifier is (mtrk/tracking.h). Rules given to a
 * recorded event use their user-agent and network lists, the honeypot
 * switch and the host classifier; the timing rules (delivery window, link
 * bursts) judge live hits only. Returns MTRK_EINVAL (tenant NULL, a rule
 * that does not parse, naming it).
 */
MTRK_API int mtrk_tenant_set_classifier(mtrk_tenant *tenant, const struct mtrk_classify_rules *rules,
                                        int (*classifier)(void *userdata, const struct mtrk_classify_input *input),
                                        void *userdata);

/** The tenant's key, borrowed from the handle until mtrk_tenant_close. */
MTRK_API const char *mtrk_tenant_key(const mtrk_tenant *tenant);
/** The tenant's id. */
MTRK_API mtrk_id mtrk_tenant_id(const mtrk_tenant *tenant);
/**
 * The handle's current actor, a string of the tenant handle (common.h):
 * valid until a mtrk_tenant_set_actor replaces it, through that call (which
 * may be given it) and until the call after it begins.
 */
MTRK_API const char *mtrk_tenant_actor(const mtrk_tenant *tenant);
/**
 * Message of the last call on this tenant handle (common.h says which calls
 * count): why it failed, or for a batch that refused some of its items, why
 * the last of them was refused; "" when that call set none (each call clears
 * it when it begins). Borrowed from the handle (common.h, error messages).
 */
MTRK_API const char *mtrk_tenant_errmsg(const mtrk_tenant *tenant);

/**
 * Lists the tenants of the store by key (their names; not signing keys: see
 * mtrk_tenant_signing_keys), in key order, for operators' tools. *out_keys receives the keys one after the other, each NUL-terminated,
 * followed by an empty string (a final extra NUL); free it with mtrk_free.
 * *out_n receives the number of keys. Returns MTRK_EINVAL (a NULL argument),
 * MTRK_ENOMEM, or a storage error.
 */
MTRK_API int mtrk_db_tenant_list(char **out_keys, size_t *out_n, mtrk_db *db);

/**
 * Longest duration a tenant setting may hold: 36,500 days (100 years), in ms.
 * A longer attribution window or retention period is refused (MTRK_EINVAL)
 * rather than left to overflow the time arithmetic that uses it.
 */
#define MTRK_MAX_DURATION_MS (36500LL * 86400000LL)

#define MTRK_TENANT_SETTINGS_VERSION 4 /**< Current version of mtrk_tenant_settings (its version member) */
/** A tenant's settings (mtrk_tenant_settings_get, mtrk_tenant_settings_set). */
typedef struct mtrk_tenant_settings {
    unsigned int version; /**< MTRK_TENANT_SETTINGS_VERSION or an older version */
    /** Base URL of the host's tracking endpoint, "https://..." ("" = unset). */
    const char *tracking_base_url;
    /** Consecutive soft bounces (by event time, no delivery between) that count as hard. >= 1. */
    uint32_t soft_bounce_threshold;
    /** A lead carrying a mid is attributed to it within this many ms after the message was sent.
     *  1..MTRK_MAX_DURATION_MS. */
    int64_t attribution_window_ms;
    /** IPs and user agents of events older than this are scrubbed by mtrk_retention_apply.
     *  1..MTRK_MAX_DURATION_MS. */
    int64_t retention_ms;
    /** (version 2) Address for the mailto: of List-Unsubscribe ("" = https only). */
    const char *list_unsubscribe_mailto;
    /** (version 3) The earliest occurrence time an event may have (Unix ms, UTC): an earlier one is
     *  refused, saying what the value looks like (Unix seconds, ...). 0 .. the clock's now when set;
     *  default MTRK_EVENTS_EARLIEST_DEFAULT (2000-01-01T00:00:00Z). */
    mtrk_time events_earliest;
    /** (version 3) How far after the clock an occurrence time may be (ms): a later one is refused.
     *  1..MTRK_MAX_DURATION_MS; default MTRK_EVENTS_AHEAD_DEFAULT_MS (a day). */
    int64_t events_ahead_ms;
    /** (version 4) 1: provider webhooks keep each recorded event's original object
     *  (mtrk_webhook_payload_get), erased with its contact and purged by mtrk_retention_apply once
     *  webhook_payload_retention_ms has passed since it arrived; 0 (the default): not kept (dead
     *  letters always keep theirs). */
    int keep_webhook_payloads;
    /** (version 4) How long a kept webhook payload is kept (ms), 1..MTRK_MAX_DURATION_MS; default
     *  MTRK_WEBHOOK_PAYLOAD_RETENTION_DEFAULT_MS (30 days). */
    int64_t webhook_payload_retention_ms;
} mtrk_tenant_settings;
/** Default of mtrk_tenant_settings.events_earliest: 2000-01-01T00:00:00Z. */
#define MTRK_EVENTS_EARLIEST_DEFAULT 946684800000LL
/** Default of mtrk_tenant_settings.events_ahead_ms: a day. */
#define MTRK_EVENTS_AHEAD_DEFAULT_MS 86400000LL
/** Default of mtrk_tenant_settings.webhook_payload_retention_ms: 30 days. */
#define MTRK_WEBHOOK_PAYLOAD_RETENTION_DEFAULT_MS (30LL * 86400000LL)
/** Initializer of a mtrk_tenant_settings at its current version, with the defaults */
#define MTRK_TENANT_SETTINGS_INIT                                                                     \
    { MTRK_TENANT_SETTINGS_VERSION, "", 3, 30LL * 86400000LL, 365LL * 86400000LL, "",                 \
      MTRK_EVENTS_EARLIEST_DEFAULT, MTRK_EVENTS_AHEAD_DEFAULT_MS, 0,                                  \
      MTRK_WEBHOOK_PAYLOAD_RETENTION_DEFAULT_MS }
/**
 * Defaults: no base URL, threshold 3, attribution 30 days, retention 365 days,
 * no mailto, events from 2000-01-01 to a day ahead of the clock, webhook
 * payloads not kept (30 days when kept). Writes only
 * the fields `version` has (1 to 4), so a caller compiled against an
 * older version can pass its smaller struct. MTRK_EVERSION if
 * unknown.
 */
MTRK_API int mtrk_tenant_settings_init(mtrk_tenant_settings *settings, unsigned int version);

/**
 * Reads the tenant's settings into *out (out->version must be set). Its
 * strings are the tenant handle's (common.h): valid through the next call,
 * so *out may be changed and passed to mtrk_tenant_settings_set as it is.
 */
MTRK_API int mtrk_tenant_settings_get(mtrk_tenant_settings *out, mtrk_tenant *tenant);
/**
 * Replaces the tenant's settings (audited). tracking_base_url must be "" or an
 * http(s) URL. MTRK_EINVAL names the field at fault. A caller of an older
 * version leaves the fields its version lacks as they are stored.
 */
MTRK_API int mtrk_tenant_settings_set(mtrk_tenant *tenant, const mtrk_tenant_settings *settings);

#ifdef __cplusplus
}
#endif
#endif
