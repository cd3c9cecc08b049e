/*
 * Bad files: each of these opens with a clear error (or, for a read-only
 * file, is refused — mtrk needs write access; see docs/schema.md), and the
 * file is byte for byte what it was, with no companion file left behind:
 *   - a file that is not SQLite, an SQLite database of another application;
 *   - a truncated mtrk database (half of it, and less than one page);
 *   - a database of a newer schema version than this library's;
 *   - a read-only one: a "file:...?mode=ro" URI (which stops even root), and
 *     chmod 0444 when not running as root (root ignores permission bits);
 *   - a directory; a path in a missing directory (not created).
 * Also: targets and open options (version 1 structs read only their fields,
 * bad levels refused), sqlite:/file: targets, and MTRK_EBUSY after the busy
 * timeout while another connection holds the write lock.
 */
#include "rel.h"

#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[4096];
static int checks;

typedef struct blob {
    unsigned char *p;
    size_t n;
} blob;

static blob slurp(const char *path)
{
    blob b = { NULL, 0 };
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        rel_die("cannot read %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    b.p = malloc((size_t)n + 1);
    if (b.p == NULL || fread(b.p, 1, (size_t)n, f) != (size_t)n)
        rel_die("cannot read %s", path);
    b.n = (size_t)n;
    fclose(f);
    return b;
}

static void spit(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(p, 1, n, f) != n || fclose(f) != 0)
        rel_die("cannot write %s", path);
}

static int exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* Opening `target` fails with `code` and a message containing `words`;
 * `file` keeps its bytes and gains no -wal/-shm/-journal companion. */
static void expect_refused(const char *what, const char *target, const char *file, int code, const char *words)
{
    blob before = { NULL, 0 };
    if (file && exists(file))
        before = slurp(file);
    mtrk_db *db = NULL;
    int rc = mtrk_db_open(&db, target, NULL);
    if (rc == MTRK_OK)
        rel_die("%s: %s opened", what, target);
    if (rc != code)
        rel_die("%s: %s gave %s, expected %s (%s)", what, target, mtrk_strerror(rc), mtrk_strerror(code),
                mtrk_last_errmsg());
    if (words && strstr(mtrk_last_errmsg(), words) == NULL)
        rel_die("%s: message \"%s\" does not say \"%s\"", what, mtrk_last_errmsg(), words);
    if (db != NULL)
        rel_die("%s: *out set on failure", what);
    if (file) {
        if (before.p) {
            blob after = slurp(file);
            if (after.n != before.n || memcmp(after.p, before.p, before.n) != 0)
                rel_die("%s: %s was changed", what, file);
            free(after.p);
        } else if (exists(file)) {
            rel_die("%s: %s was created", what, file);
        }
        static const char *const sfx[] = { "-wal", "-shm", "-journal" };
        for (size_t i = 0; i < 3; i++) {
            char c[4300];
            snprintf(c, sizeof c, "%s%s", file, sfx[i]);
            if (exists(c))
                rel_die("%s: %s was left behind", what, c);
        }
    }
    free(before.p);
    printf("  ok  %-34s %s\n", what, mtrk_last_errmsg());
    checks++;
}

/* A small mtrk database at path (tenant and a few contacts). */
static void make_db(const char *path, int ncontacts)
{
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    REL_OK(mtrk_db_open(&db, path, NULL), t);
    REL_OK(mtrk_tenant_create(&t, db, "acme", "test:bad"), t);
    for (int i = 0; i < ncontacts; i++) {
        char a[64];
        snprintf(a, sizeof a, "someone%d@example.com", i);
        mtrk_id id;
        REL_OK(mtrk_contact_add(&id, NULL, t, a, NULL), t);
    }
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        rel_die("raw sqlite on %s: %s", path, sqlite3_errmsg(db));
    sqlite3_close(db);
}

static void p(char *out, const char *name)
{
    snprintf(out, 4300, "%s/%s", dir, name);
}

static void bad_files(void)
{
    char f[4300], u[4400];

    p(f, "text.db");
    char junk[8192];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = "not a database, just text\n"[i % 26];
    spit(f, junk, sizeof junk);
    expect_refused("not an SQLite file", f, f, MTRK_ESTORE, "not an SQLite database");

    p(f, "other.db");
    raw_exec(f, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x')");
    expect_refused("SQLite file of another application", f, f, MTRK_ESTORE, "another application");
    raw_exec(f, "PRAGMA user_version = 1");
    expect_refused("... even with user_version 1", f, f, MTRK_ESTORE, "another application");

    p(f, "trunc.db");
    make_db(f, 300);
    blob b = slurp(f);
    if (b.n < 3 * 4096)
        rel_die("the test database is too small (%zu bytes)", b.n);
    spit(f, b.p, b.n / 2 / 4096 * 4096); /* on a page boundary: the header is intact */
    expect_refused("truncated database (half)", f, f, MTRK_ESTORE, "truncated");
    spit(f, b.p, 1000); /* less than one page */
    expect_refused("truncated database (1000 bytes)", f, f, MTRK_ESTORE, NULL);
    free(b.p);

    p(f, "newer.db");
    make_db(f, 1);
    raw_exec(f, "PRAGMA user_version = 99");
    expect_refused("newer schema version", f, f, MTRK_EVERSION, "99");

    p(f, "ro.db");
    make_db(f, 1);
    snprintf(u, sizeof u, "file:%s?mode=ro", f);
    expect_refused("read-only (mode=ro URI)", u, f, MTRK_ESTORE, "read-only");
    if (geteuid() != 0) {
        chmod(f, 0444);
        expect_refused("read-only (chmod 0444)", f, f, MTRK_ESTORE, "read-only");
        chmod(f, 0644);
    } else {
        printf("  --  read-only (chmod 0444): skipped, running as root (permission bits do not stop root)\n");
    }

    p(f, "adir");
    if (mkdir(f, 0755) != 0)
        rel_die("mkdir %s", f);
    expect_refused("a directory", f, NULL, MTRK_ESTORE, "directory");

    p(f, "missing/x.db");
    expect_refused("a path in a missing directory", f, f, MTRK_ESTORE, "does not exist");
    p(f, "missing");
    if (exists(f))
        rel_die("the missing directory was created");
}

static void targets_and_options(void)
{
    char f[4300], t[4400];
    mtrk_db *db = NULL;
    expect_refused("unknown scheme", "mysql:db=x", NULL, MTRK_EINVAL, "scheme");
    expect_refused("empty target", "", NULL, MTRK_EINVAL, NULL);
    expect_refused("sqlite: with no path", "sqlite:", NULL, MTRK_EINVAL, NULL);

    /* sqlite:PATH and file: URIs open the same database. */
    p(f, "t.db");
    snprintf(t, sizeof t, "sqlite:%s", f);
    REL_OK(mtrk_db_open(&db, t, NULL), NULL);
    mtrk_tenant *a = NULL;
    REL_OK(mtrk_tenant_create(&a, db, "acme", "test:bad"), a);
    mtrk_tenant_close(a);
    mtrk_db_close(db);
    snprintf(t, sizeof t, "file:%s?mode=rw", f);
    REL_OK(mtrk_db_open(&db, t, NULL), NULL);
    REL_OK(mtrk_tenant_open(&a, db, "acme", "test:bad"), a);
    mtrk_tenant_close(a);
    mtrk_db_close(db);
    checks++;

    /* A version-1 options struct, allocated at its own size: only its fields
     * are read (ASan would catch a read past it). */
    size_t v1 = offsetof(mtrk_open_options, synchronous);
    mtrk_open_options *o1 = malloc(v1);
    if (o1 == NULL)
        rel_die("out of memory");
    REL_OK(mtrk_open_options_init(o1, 1), NULL);
    REL_OK(mtrk_db_open(&db, f, o1), NULL);
    mtrk_db_close(db);
    free(o1);
    /* Version 2 likewise (no cache_size_kib). */
    size_t v2 = offsetof(mtrk_open_options, cache_size_kib);
    mtrk_open_options *o2 = malloc(v2);
    if (o2 == NULL)
        rel_die("out of memory");
    REL_OK(mtrk_open_options_init(o2, 2), NULL);
    REL_OK(mtrk_db_open(&db, f, o2), NULL);
    mtrk_db_close(db);
    free(o2);
    checks++;

    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.synchronous = 7;
    if (mtrk_db_open(&db, f, &o) != MTRK_EINVAL || strstr(mtrk_last_errmsg(), "synchronous") == NULL)
        rel_die("synchronous 7 was not refused: %s", mtrk_last_errmsg());
    o.synchronous = MTRK_SYNC_FULL;
    o.busy_timeout_ms = -1;
    if (mtrk_db_open(&db, f, &o) != MTRK_EINVAL || strstr(mtrk_last_errmsg(), "busy_timeout_ms") == NULL)
        rel_die("busy timeout -1 was not refused: %s", mtrk_last_errmsg());
    o.busy_timeout_ms = 0;
    o.cache_size_kib = -1;
    if (mtrk_db_open(&db, f, &o) != MTRK_EINVAL || strstr(mtrk_last_errmsg(), "cache_size_kib") == NULL)
        rel_die("cache size -1 was not refused: %s", mtrk_last_errmsg());
    o.cache_size_kib = 0;
    checks++;

    /* Another connection holds the write lock: a write waits for the busy
     * timeout, then fails with MTRK_EBUSY and keeps nothing; reads go on. */
    o.busy_timeout_ms = 200;
    REL_OK(mtrk_db_open(&db, f, &o), NULL);
    REL_OK(mtrk_tenant_open(&a, db, "acme", "test:bad"), a);
    sqlite3 *raw = NULL;
    if (sqlite3_open(f, &raw) != SQLITE_OK || sqlite3_exec(raw, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        rel_die("raw lock: %s", sqlite3_errmsg(raw));
    int64_t t0 = rel_ms();
    mtrk_id id;
    int rc = mtrk_contact_add(&id, NULL, a, "busy@example.com", NULL);
    int64_t waited = rel_ms() - t0;
    if (rc != MTRK_EBUSY || waited < 150)
        rel_die("a locked database gave %s after %lld ms: %s", mtrk_strerror(rc), (long long)waited,
                mtrk_tenant_errmsg(a));
    printf("  ok  %-34s %s (after %lld ms)\n", "busy timeout", mtrk_tenant_errmsg(a), (long long)waited);
    mtrk_tenant_settings s;
    mtrk_tenant_settings_init(&s, MTRK_TENANT_SETTINGS_VERSION);
    REL_OK(mtrk_tenant_settings_get(&s, a), a);
    sqlite3_exec(raw, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(raw);
    int created = 0;
    REL_OK(mtrk_contact_add(&id, &created, a, "busy@example.com", NULL), a);
    if (!created)
        rel_die("the refused contact_add had been kept");
    mtrk_tenant_close(a);
    mtrk_db_close(db);
    checks++;
}

int main(void)
{
    rel_mkdtemp(dir, sizeof dir, "badfiles");
    printf("bad files:\n");
    bad_files();
    targets_and_options();
    printf("badfiles: %d checks passed\n", checks);
    rel_rmdir(dir);
    return 0;
}
