/* Conformance runner: `conformance BACKEND [GROUP]` runs every group (or one).
 * BACKEND: memory, rows, sqlite, pg, or dlopen:PATH[#SYMBOL] (a store in a
 * shared object, see open_backend). */
#include "harness.h"

#include <dlfcn.h>
#include <ftw.h>
#include <stdlib.h>
#include <unistd.h>

#include "mtrk/store.h"

const char *conf_backend = "memory";
static mtrk_time clock_now = CONF_T0;

void conf_clock_set(mtrk_time now) { clock_now = now; }
void conf_clock_advance(int64_t ms) { clock_now += ms; }
mtrk_time conf_clock_now(void) { return clock_now; }
static mtrk_time fake_clock(void *ud) { (void)ud; return clock_now; }

/* Stores opened by the fixture, so conf_open_same can share them; for
 * SQLite, the fixture's database file, so conf_open_same opens it again. */
typedef struct fx_private {
    conf_fixture pub;
    mtrk_store *store;
    char path[4096];
} fx_private;

/* SQLite: every fixture (and every conf_open_db) gets a fresh database in a
 * fresh directory under $TMPDIR (or /tmp), removed at teardown or exit. */
static char tmp_dirs[64][4096];
static size_t ntmp_dirs;

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void remove_dir(char *dir)
{
    if (dir[0] != '\0')
        nftw(dir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
    dir[0] = '\0';
}

static void remove_all_dirs(void)
{
    for (size_t i = 0; i < ntmp_dirs; i++)
        remove_dir(tmp_dirs[i]);
    ntmp_dirs = 0;
}

/* Makes a fresh directory and writes "<dir>/mtrk.db" to path. */
static int fresh_db_path(char *path, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || *tmp == '\0')
        tmp = "/tmp";
    size_t i;
    for (i = 0; i < ntmp_dirs && tmp_dirs[i][0] != '\0'; i++)
        ;
    if (i == sizeof tmp_dirs / sizeof tmp_dirs[0])
        return -1;
    if (strlen(tmp) + sizeof "/mtrk-conf-XXXXXX" + sizeof "/mtrk.db" > sizeof tmp_dirs[i])
        return -1;
    strcpy(tmp_dirs[i], tmp);
    strcat(tmp_dirs[i], "/mtrk-conf-XXXXXX");
    if (mkdtemp(tmp_dirs[i]) == NULL) {
        tmp_dirs[i][0] = '\0';
        return -1;
    }
    if (i == ntmp_dirs)
        ntmp_dirs++;
    if (strlen(tmp_dirs[i]) + sizeof "/mtrk.db" > size)
        return -1;
    strcpy(path, tmp_dirs[i]);
    strcat(path, "/mtrk.db");
    return 0;
}

/* Removes the directory holding `path` (made by fresh_db_path). */
static void remove_db_path(const char *path)
{
    for (size_t i = 0; i < ntmp_dirs; i++) {
        size_t n = strlen(tmp_dirs[i]);
        if (n && strncmp(path, tmp_dirs[i], n) == 0 && path[n] == '/')
            remove_dir(tmp_dirs[i]);
    }
}

/* PostgreSQL: every fixture (and every conf_open_db) gets a fresh schema
 * conf_N in the database named by $MTRK_TEST_PG (a libpq conninfo, set by
 * scripts/test through scripts/pg-server), through search_path; the
 * schemas are dropped at teardown or exit. "path" then holds the target. */
#ifdef CONF_HAVE_PG
#include <libpq-fe.h>
static PGconn *pg_admin;
static char pg_schemas[64][32];
static unsigned pg_seq;

static int pg_exec(const char *sql)
{
    PGresult *r = PQexec(pg_admin, sql);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        fprintf(stderr, "conformance: %s: %s", sql, PQerrorMessage(pg_admin));
    PQclear(r);
    return ok ? 0 : -1;
}

static void pg_quiet(void *arg, const char *m)
{
    (void)arg;
    (void)m;
}

static void pg_drop_schema(const char *name)
{
    char sql[96];
    snprintf(sql, sizeof sql, "DROP SCHEMA IF EXISTS %.40s CASCADE", name);
    pg_exec(sql);
}

static void pg_drop_all(void)
{
    for (size_t i = 0; i < sizeof pg_schemas / sizeof pg_schemas[0]; i++)
        if (pg_schemas[i][0]) {
            pg_drop_schema(pg_schemas[i]);
            pg_schemas[i][0] = '\0';
        }
    if (pg_admin)
        PQfinish(pg_admin);
    pg_admin = NULL;
}

/* Makes a fresh schema; writes the target "pg:<conninfo> options=..." to path. */
static int fresh_pg_target(char *path, size_t size)
{
    const char *ci = getenv("MTRK_TEST_PG");
    size_t i;
    for (i = 0; i < sizeof pg_schemas / sizeof pg_schemas[0] && pg_schemas[i][0]; i++)
        ;
    if (ci == NULL || pg_admin == NULL || i == sizeof pg_schemas / sizeof pg_schemas[0])
        return -1;
    snprintf(pg_schemas[i], sizeof pg_schemas[i], "conf_%d_%u", (int)getpid(), ++pg_seq);
    char sql[96];
    snprintf(sql, sizeof sql, "CREATE SCHEMA %s", pg_schemas[i]);
    if (pg_exec(sql) != 0)
        return -1;
    int n = snprintf(path, size, "pg:%s options='-csearch_path=%s'", ci, pg_schemas[i]);
    return n > 0 && (size_t)n < size ? 0 : -1;
}

static void remove_pg_target(const char *path)
{
    const char *p = strstr(path, "search_path=");
    if (p == NULL)
        return;
    p += strlen("search_path=");
    for (size_t i = 0; i < sizeof pg_schemas / sizeof pg_schemas[0]; i++) {
        size_t n = strlen(pg_schemas[i]);
        if (n && strncmp(p, pg_schemas[i], n) == 0 && p[n] == '\'') {
            pg_drop_schema(pg_schemas[i]);
            pg_schemas[i][0] = '\0';
        }
    }
}
#endif

/* "dlopen:PATH" or "dlopen:PATH#SYMBOL": a store built outside the library
 * (tests/outoftree), loaded from the shared object PATH, whose constructor
 * `int SYMBOL(mtrk_store **out)` (default outoftree_store_new) makes a new,
 * empty store as mtrk_store_memory_new does. Stores made for conf_open_db
 * are freed at exit, after every handle on them is closed. */
typedef int (*conf_store_new_fn)(mtrk_store **out);
static conf_store_new_fn dl_store_new;
static mtrk_store *dl_stores[64];
static size_t ndl_stores;

static int is_dlopen(void) { return strncmp(conf_backend, "dlopen:", 7) == 0; }

static int dl_load(void)
{
    char path[4096];
    const char *sym = "outoftree_store_new";
    snprintf(path, sizeof path, "%s", conf_backend + 7);
    char *hash = strchr(path, '#');
    if (hash != NULL) {
        *hash = '\0';
        sym = conf_backend + 7 + (hash - path) + 1;
    }
    void *so = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (so == NULL) {
        fprintf(stderr, "conformance: cannot load %s: %s\n", path, dlerror());
        return -1;
    }
    void *fn = dlsym(so, sym);
    if (fn == NULL) {
        fprintf(stderr, "conformance: %s has no %s: %s\n", path, sym, dlerror());
        return -1;
    }
    memcpy(&dl_store_new, &fn, sizeof dl_store_new); /* object to function pointer, as POSIX allows */
    return 0;
}

static void dl_free_all(void)
{
    while (ndl_stores > 0)
        mtrk_store_free(dl_stores[--ndl_stores]);
}

static int open_backend(mtrk_db **out, mtrk_store **out_store, char *path, size_t size)
{
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fake_clock;
    *out_store = NULL;
    path[0] = '\0';
#ifdef CONF_HAVE_PG
    if (strcmp(conf_backend, "pg") == 0) {
        if (fresh_pg_target(path, size) != 0) {
            fail_msg("cannot make a fresh PostgreSQL schema");
            return MTRK_ESTORE;
        }
        return mtrk_db_open(out, path, &o);
    }
#endif
    if (strcmp(conf_backend, "sqlite") == 0) {
        /* The suite states rules, not durability (tests/sqlite/ kills
         * processes for that): skip the fsyncs of thousands of commits. */
        o.synchronous = MTRK_SYNC_OFF;
        if (fresh_db_path(path, size) != 0) {
            fail_msg("cannot make a temporary directory");
            return MTRK_ESTORE;
        }
        return mtrk_db_open(out, path, &o);
    }
    if (strcmp(conf_backend, "memory") == 0 || strcmp(conf_backend, "rows") == 0) {
        int rc = mtrk_store_memory_new(out_store);
        if (rc)
            return rc;
        if (strcmp(conf_backend, "rows") == 0) {
            /* The memory store as a contract-3 store: the core does the
             * event path's typed operations, the rollups' additions
             * (counters_add, version 5), generation's insert and read
             * (messages_insert, members_read, version 6) and the
             * listings' read (events_scan, version 7) through the generic
             * rows. */
            mtrk_store *st = *out_store;
            st->version = 3;
            st->messages_load = NULL;
            st->provider_ids_find = NULL;
            st->events_append = NULL;
            st->messages_update = NULL;
            st->counters_add = NULL;
            st->messages_insert = NULL;
            st->members_read = NULL;
            st->events_scan = NULL;
        }
        rc = mtrk_db_open_store(out, *out_store, &o);
        if (rc) {
            mtrk_store_free(*out_store);
            *out_store = NULL;
        }
        return rc;
    }
    if (is_dlopen()) {
        int rc = dl_store_new(out_store);
        if (rc)
            return rc;
        rc = mtrk_db_open_store(out, *out_store, &o);
        if (rc) {
            mtrk_store_free(*out_store);
            *out_store = NULL;
        }
        return rc;
    }
    fail_msg("unknown backend %s", conf_backend);
    return MTRK_EINVAL;
}

int conf_open_db(mtrk_db **out)
{
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fake_clock;
    if (strcmp(conf_backend, "memory") == 0 || strcmp(conf_backend, "rows") == 0)
        return mtrk_db_open(out, "memory:", &o);
#ifdef CONF_HAVE_PG
    if (strcmp(conf_backend, "pg") == 0) {
        char target[4096];
        if (fresh_pg_target(target, sizeof target) != 0) {
            fail_msg("cannot make a fresh PostgreSQL schema");
            return MTRK_ESTORE;
        }
        return mtrk_db_open(out, target, &o);
    }
#endif
    if (strcmp(conf_backend, "sqlite") == 0) {
        char path[4096];
        o.synchronous = MTRK_SYNC_OFF;
        if (fresh_db_path(path, sizeof path) != 0) {
            fail_msg("cannot make a temporary directory");
            return MTRK_ESTORE;
        }
        return mtrk_db_open(out, path, &o);
    }
    if (is_dlopen()) {
        mtrk_store *st = NULL;
        if (ndl_stores == sizeof dl_stores / sizeof dl_stores[0]) {
            fail_msg("too many stores");
            return MTRK_ENOMEM;
        }
        int rc = dl_store_new(&st);
        if (rc)
            return rc;
        rc = mtrk_db_open_store(out, st, &o);
        if (rc)
            mtrk_store_free(st);
        else
            dl_stores[ndl_stores++] = st;
        return rc;
    }
    fail_msg("unknown backend %s", conf_backend);
    return MTRK_EINVAL;
}

int conf_open_same(mtrk_db **out, const conf_fixture *fx)
{
    const fx_private *p = (const fx_private *)fx;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fake_clock;
    if (p->path[0] != '\0')
        return mtrk_db_open(out, p->path, &o);
    return mtrk_db_open_store(out, p->store, &o);
}

int conf_store_of(mtrk_store **out, int *owned, const conf_fixture *fx)
{
    const fx_private *p = (const fx_private *)fx;
    *owned = 0;
    if (p->path[0] == '\0') {
        *out = p->store;
        return MTRK_OK;
    }
    *owned = 1;
#ifdef CONF_HAVE_PG
    if (strncmp(p->path, "pg:", 3) == 0)
        return mtrk_store_pg_new(out, p->path + 3, NULL);
#endif
    return mtrk_store_sqlite_new(out, p->path, NULL);
}

int conf_setup(void **state)
{
    fx_private *p = calloc(1, sizeof *p);
    if (p == NULL)
        return -1;
    clock_now = CONF_T0;
    if (open_backend(&p->pub.db, &p->store, p->path, sizeof p->path) != MTRK_OK ||
        mtrk_tenant_create(&p->pub.t, p->pub.db, "t1", "test:conformance") != MTRK_OK ||
        mtrk_tenant_create(&p->pub.t2, p->pub.db, "t2", "test:conformance") != MTRK_OK) {
        fprintf(stderr, "fixture: %s\n", mtrk_last_errmsg());
        return -1;
    }
    *state = p;
    return 0;
}

int conf_teardown(void **state)
{
    fx_private *p = *state;
    if (p == NULL)
        return 0;
    mtrk_tenant_close(p->pub.t);
    mtrk_tenant_close(p->pub.t2);
    mtrk_db_close(p->pub.db);
    mtrk_store_free(p->store);
    if (p->path[0] != '\0') {
#ifdef CONF_HAVE_PG
        if (strncmp(p->path, "pg:", 3) == 0)
            remove_pg_target(p->path);
        else
#endif
            remove_db_path(p->path);
    }
    free(p);
    return 0;
}

/* The groups, one per test file (see groups.h). */
#include "groups.h"

int main(int argc, char **argv)
{
    int failed = 0;
    if (argc > 1)
        conf_backend = argv[1];
#ifdef CONF_HAVE_PG
    if (strcmp(conf_backend, "pg") == 0) {
        const char *ci = getenv("MTRK_TEST_PG");
        if (ci == NULL || *ci == '\0') {
            fprintf(stderr, "conformance: backend pg needs MTRK_TEST_PG, a libpq conninfo of a database to "
                            "create schemas in (scripts/test starts a server through scripts/pg-server)\n");
            return 2;
        }
        pg_admin = PQconnectdb(ci);
        if (PQstatus(pg_admin) != CONNECTION_OK) {
            fprintf(stderr, "conformance: cannot connect to MTRK_TEST_PG (%s): %s", ci, PQerrorMessage(pg_admin));
            return 2;
        }
        PQsetNoticeProcessor(pg_admin, pg_quiet, NULL);
        atexit(pg_drop_all);
    } else
#endif
    if (is_dlopen()) {
        if (dl_load() != 0)
            return 2;
        atexit(dl_free_all);
    } else if (strcmp(conf_backend, "memory") != 0 && strcmp(conf_backend, "sqlite") != 0 &&
               strcmp(conf_backend, "rows") != 0) {
        fprintf(stderr, "conformance: unknown backend %s (memory, rows, sqlite, pg, dlopen:PATH[#SYMBOL])\n",
                conf_backend);
        return 2;
    }
    atexit(remove_all_dirs);
    for (size_t i = 0; i < sizeof conf_groups / sizeof conf_groups[0]; i++) {
        const conf_group *g = conf_groups[i];
        if (argc > 2 && strcmp(argv[2], g->name) != 0)
            continue;
        char name[128];
        snprintf(name, sizeof name, "%s/%s", is_dlopen() ? "dlopen" : conf_backend, g->name);
        failed += _cmocka_run_group_tests(name, g->tests, g->count, NULL, NULL);
    }
    return failed ? 1 : 0;
}
