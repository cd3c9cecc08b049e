/* Database handles: a store, a clock, an error message. */
#include "internal.h"

#include <sodium.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

MTRK_API int mtrk_open_options_init(mtrk_open_options *opts, unsigned int version)
{
    int rc = init_check(opts, "opts", "mtrk_open_options", version, MTRK_OPEN_OPTIONS_VERSION);
    if (rc)
        return rc;
    /* Write only the fields of `version`: a version-1 caller's struct is smaller. */
    size_t size = version == 1   ? offsetof(mtrk_open_options, synchronous)
                : version == 2 ? offsetof(mtrk_open_options, cache_size_kib)
                               : sizeof *opts;
    memset(opts, 0, size);
    opts->version = version;
    return MTRK_OK;
}

MTRK_API int mtrk_store_init(mtrk_store *store, unsigned int version)
{
    int rc = init_check(store, "store", "mtrk_store", version, MTRK_STORE_VERSION);
    if (rc)
        return rc;
    /* Write only the members of `version`: a version-1 caller's struct is smaller. */
    memset(store, 0, version == 1   ? offsetof(mtrk_store, get_many)
                     : version == 2 ? offsetof(mtrk_store, scan_many)
                     : version == 3 ? offsetof(mtrk_store, messages_load)
                     : version == 4 ? offsetof(mtrk_store, counters_add)
                     : version == 5 ? offsetof(mtrk_store, messages_insert)
                     : version == 6 ? offsetof(mtrk_store, events_scan)
                                    : sizeof *store);
    store->version = version;
    return MTRK_OK;
}

MTRK_API void mtrk_store_free(mtrk_store *store)
{
    if (store != NULL && store->free != NULL)
        store->free(store);
}

static int check_store(mtrk_store *s)
{
    if (s->version == 0 || s->version > MTRK_STORE_VERSION)
        return gerr(MTRK_EVERSION, "store version %u unknown (this library knows 1..%u)", s->version,
                    MTRK_STORE_VERSION);
    const char *missing = NULL;
    if (!s->begin) missing = "begin";
    else if (!s->commit) missing = "commit";
    else if (!s->rollback) missing = "rollback";
    else if (!s->get) missing = "get";
    else if (!s->scan) missing = "scan";
    else if (!s->apply) missing = "apply";
    if (missing)
        return gerr(MTRK_EINCOMPLETE, "store has no %s operation", missing);
    if (s->version >= 4) {
        int typed = (s->messages_load != NULL) + (s->provider_ids_find != NULL) + (s->events_append != NULL) +
                    (s->messages_update != NULL);
        if (typed != 0 && typed != 4)
            return gerr(MTRK_EINCOMPLETE, "store sets %d of the four typed event operations (all or none)", typed);
    }
    return MTRK_OK;
}

static int open_common(mtrk_db **out, mtrk_store *store, int owns, const mtrk_open_options *opts)
{
    if (sodium_init() < 0)
        return gerr(MTRK_ESTORE, "libsodium could not be initialized");
    mtrk_db *db = calloc(1, sizeof *db);
    if (db == NULL)
        return gerr(MTRK_ENOMEM, "out of memory opening the handle");
    db->store = store;
    db->owns_store = owns;
    if (opts) {
        db->clock = opts->clock;
        db->clock_userdata = opts->clock_userdata;
    }
    /* Data written under an older address rule is brought to the current
     * one before any call can read it (address_migrate.c). */
    int rc = addr_migrate_db(db);
    if (rc) {
        free(db);
        return rc;
    }
    *out = db;
    return MTRK_OK;
}

static int check_opts(const mtrk_open_options *opts)
{
    if (opts && (opts->version == 0 || opts->version > MTRK_OPEN_OPTIONS_VERSION))
        return gerr(MTRK_EVERSION, "opts has version %u; this library knows 1..%u", opts->version,
                    MTRK_OPEN_OPTIONS_VERSION);
    if (opts && opts->version >= 2) {
        if (opts->synchronous < MTRK_SYNC_DEFAULT || opts->synchronous > MTRK_SYNC_FULL)
            return gerr(MTRK_EINVAL, "opts->synchronous %d is not an MTRK_SYNC_* level", opts->synchronous);
        if (opts->busy_timeout_ms < 0)
            return gerr(MTRK_EINVAL, "opts->busy_timeout_ms %d is negative", opts->busy_timeout_ms);
    }
    if (opts && opts->version >= 3 && opts->cache_size_kib < 0)
        return gerr(MTRK_EINVAL, "opts->cache_size_kib %d is negative", opts->cache_size_kib);
    return MTRK_OK;
}

/* The SQLite path or URI a target names, or NULL for an unknown scheme.
 * A scheme is two or more of [a-z0-9+.-] before the first ':' (so "C:" and
 * "./a:b" are paths). */
static const char *sqlite_path(const char *target)
{
    if (strncmp(target, "sqlite:", 7) == 0)
        return target + 7;
    if (strncmp(target, "file:", 5) == 0)
        return target;
    size_t n = strspn(target, "abcdefghijklmnopqrstuvwxyz0123456789+.-");
    if (n >= 2 && target[n] == ':')
        return NULL;
    return target;
}

MTRK_API int mtrk_db_open(mtrk_db **out, const char *target, const mtrk_open_options *opts)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (target == NULL)
        return gerr(MTRK_EINVAL, "target is NULL");
    int rc = check_opts(opts);
    if (rc)
        return rc;
    if (strcmp(target, "memory:") == 0) {
        mtrk_store *s;
        rc = mtrk_store_memory_new(&s);
        if (rc)
            return rc;
        rc = open_common(out, s, 1, opts);
        if (rc)
            mtrk_store_free(s);
        return rc;
    }
    /* PostgreSQL: a URI (libpq reads it as it is) or "pg:" and a conninfo. */
    if (strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0 ||
        strncmp(target, "pg:", 3) == 0) {
        mtrk_store *s;
        rc = mtrk_store_pg_new(&s, strncmp(target, "pg:", 3) == 0 ? target + 3 : target, opts);
        if (rc)
            return rc;
        rc = open_common(out, s, 1, opts);
        if (rc)
            mtrk_store_free(s);
        return rc;
    }
    const char *path = sqlite_path(target);
    if (path == NULL)
        return gerr(MTRK_EINVAL, "target \"%.200s\" has an unknown scheme (use a file path, \"sqlite:PATH\", "
                    "a \"file:\" URI or \"memory:\")", target);
    if (*path == '\0')
        return gerr(MTRK_EINVAL, "target \"%.200s\" names no file", target);
    mtrk_store *s;
    rc = mtrk_store_sqlite_new(&s, path, opts);
    if (rc)
        return rc;
    rc = open_common(out, s, 1, opts);
    if (rc)
        mtrk_store_free(s);
    return rc;
}

MTRK_API int mtrk_db_open_store(mtrk_db **out, mtrk_store *store, const mtrk_open_options *opts)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (store == NULL)
        return gerr(MTRK_EINVAL, "store is NULL");
    int rc = check_opts(opts);
    if (rc)
        return rc;
    rc = check_store(store);
    if (rc)
        return rc;
    return open_common(out, store, 0, opts);
}

static void db_release(mtrk_db *db)
{
    if (db->owns_store)
        mtrk_store_free(db->store);
    free(db);
}

/* The rule (db.h): closing a db with tenants still open defers the release
 * to the last mtrk_tenant_close. Failing with MTRK_EBUSY instead would leave
 * a caller who ignores the code (close cannot usefully fail) with a leak, and
 * freeing the tenants would leave their handles dangling; deferring keeps
 * every pointer the caller holds valid until the caller frees it. */
MTRK_API void mtrk_db_close(mtrk_db *db)
{
    if (db == NULL)
        return;
    if (db->ntenants > 0) {
        db->closed = true;
        return;
    }
    db_release(db);
}

void db_tenant_gone(mtrk_db *db)
{
    if (db->ntenants > 0)
        db->ntenants--;
    if (db->ntenants == 0 && db->closed)
        db_release(db);
}

MTRK_API const char *mtrk_db_errmsg(const mtrk_db *db) { return db ? db->err : ""; }

MTRK_API mtrk_time mtrk_db_now(const mtrk_db *db) { return db ? core_now(db) : 0; }
