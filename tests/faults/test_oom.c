/*
 * Allocation failure. This executable replaces malloc, calloc,
 * realloc, free and the aligned allocators for the whole process — glibc
 * lets the executable's definitions win over libc's for every library, so
 * libmtrk, libsqlite3, jansson, gumbo and libsodium all allocate through
 * them — and forwards to glibc's own (__libc_malloc, ...). A counter fails
 * the N-th allocation after arming, once or (sticky) every one from N on,
 * and a balance of live allocations shows leaks.
 *
 * argv[1] is the backend, "memory" or "sqlite". The sweep:
 *   1. opening: mtrk_db_open (and, for memory, mtrk_store_memory_new +
 *      mtrk_db_open_store) with N = 1, 2, ... until it succeeds; each
 *      failure returns MTRK_ENOMEM and holds no allocation afterwards;
 *   2. the lifecycle of lifecycle.c (33 public calls), each call swept on
 *      its own on one handle: every failure returns MTRK_ENOMEM, the store
 *      afterwards equals its state before the call (store_digest over the raw
 *      memory store; for SQLite over a second store handle on the file, i.e.
 *      what is committed), and the handle goes on (the next attempts and the
 *      successful call are made on it);
 *   3. mtrk_tenant_open swept the same way, then rollups equal a rebuild;
 *   4. after closing everything, the live allocations are those before the
 *      sweep: nothing leaked on any error path.
 * A call that succeeds although an allocation failed (SQLite tolerates some
 * failures: a hash table that cannot grow, a cache that cannot fill) is
 * "absorbed": it is correct behaviour, the call has happened, and for
 * SQLite the database is put back to its state before the call (a page copy
 * by sqlite3_backup) so the sweep goes on at N + 1. On the memory backend
 * every allocation failure must surface: an absorbed call there is a failure.
 *
 * Every sweep runs once failing at N only and once failing from N on.
 * MTRK_TEST_LEVEL=full sweeps every N; otherwise every N up to 64 and then
 * every 7th N (a documented sample: the late allocations of a call are
 * mostly the same row copies over and over).
 *
 * Not built with sanitizers: ASan brings its own allocator and the two
 * cannot both replace malloc (meson skips this test when b_sanitize is set).
 */
#include "check.h"
#include "faultstore.h"
#include "lifecycle.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- the allocator ------------------------------------------------------ */

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
extern void *__libc_memalign(size_t, size_t);

static long oom_count, oom_fail_at, oom_injected, live;
static int oom_sticky;

/* Called at every injected failure: `break oom_hook` in a debugger shows
 * who allocated (condition on oom_fail_at to pick one point). */
__attribute__((noinline)) void oom_hook(void);
__attribute__((noinline)) void oom_hook(void) { __asm__ volatile(""); }

static int oom_trip(void)
{
    if (oom_fail_at == 0)
        return 0;
    long c = ++oom_count;
    if (c == oom_fail_at || (oom_sticky && c > oom_fail_at)) {
        oom_injected++;
        oom_hook();
        return 1;
    }
    return 0;
}

void *malloc(size_t n)
{
    if (oom_trip())
        return NULL;
    void *p = __libc_malloc(n);
    if (p)
        live++;
    return p;
}
void *calloc(size_t a, size_t b)
{
    if (oom_trip())
        return NULL;
    void *p = __libc_calloc(a, b);
    if (p)
        live++;
    return p;
}
void free(void *p)
{
    if (p) {
        live--;
        __libc_free(p);
    }
}
void *realloc(void *p, size_t n)
{
    if (p == NULL)
        return malloc(n);
    if (n == 0) {
        free(p);
        return NULL;
    }
    if (oom_trip())
        return NULL;
    return __libc_realloc(p, n);
}
int posix_memalign(void **out, size_t align, size_t n)
{
    if (oom_trip())
        return ENOMEM;
    void *p = __libc_memalign(align, n);
    if (p == NULL)
        return ENOMEM;
    live++;
    *out = p;
    return 0;
}
void *aligned_alloc(size_t align, size_t n)
{
    if (oom_trip())
        return NULL;
    void *p = __libc_memalign(align, n);
    if (p)
        live++;
    return p;
}
void *memalign(size_t align, size_t n) { return aligned_alloc(align, n); }

static void oom_arm(long n, int sticky)
{
    oom_count = 0;
    oom_injected = 0;
    oom_sticky = sticky;
    oom_fail_at = n;
}
static long oom_disarm(void)
{
    oom_fail_at = 0;
    return oom_injected;
}

/* ---- checks ------------------------------------------------------------- */

static int failures;

static int full;
static long next_n(long n) { return full || n < 64 ? n + 1 : n + 7; }

static int use_sqlite;
static char path[512], snap_path[512];
static long points, calls, absorbed;

static void rm_file(const char *p)
{
    static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
    char b[600];
    for (int i = 0; i < 4; i++) {
        snprintf(b, sizeof b, "%s%s", p, sfx[i]);
        unlink(b);
    }
}

typedef struct handles {
    lc_world w;
    mtrk_store *mem;  /* memory: the store under the handle */
    mtrk_store *view; /* the store digested: mem, or a second SQLite handle */
    mtrk_open_options o;
} handles;

static void open_all(handles *h, int with_tenant)
{
    int rc;
    h->o.clock = lc_clock;
    h->o.clock_userdata = &h->w;
    h->o.synchronous = MTRK_SYNC_OFF;
    if (use_sqlite) {
        rc = mtrk_db_open(&h->w.db, path, &h->o);
        if (rc == MTRK_OK)
            rc = mtrk_store_sqlite_new(&h->view, path, &h->o);
    } else {
        rc = mtrk_store_memory_new(&h->mem);
        if (rc == MTRK_OK)
            rc = mtrk_db_open_store(&h->w.db, h->mem, &h->o);
        h->view = h->mem;
    }
    if (rc == MTRK_OK && with_tenant)
        rc = mtrk_tenant_open(&h->w.t, h->w.db, "acme", "test:faults");
    if (rc) {
        fprintf(stderr, "cannot open: %s\n", mtrk_last_errmsg());
        exit(2);
    }
}

static void close_all(handles *h)
{
    mtrk_tenant_close(h->w.t);
    mtrk_db_close(h->w.db);
    if (use_sqlite)
        mtrk_store_free(h->view);
    else
        mtrk_store_free(h->mem);
    h->w.t = NULL;
    h->w.db = NULL;
    h->view = h->mem = NULL;
}

/* Copies database `from` onto `to` page by page (sqlite3_backup). */
static void copy_db(const char *from, const char *to)
{
    sqlite3 *src = NULL, *dst = NULL;
    int rc = sqlite3_open(from, &src);
    if (rc == SQLITE_OK)
        rc = sqlite3_open(to, &dst);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(dst, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(dst, "main", src, "main") : NULL;
    if (b) {
        sqlite3_backup_step(b, -1);
        rc = sqlite3_backup_finish(b);
    } else {
        rc = SQLITE_ERROR;
    }
    sqlite3_close(src);
    sqlite3_close(dst);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "copying %s to %s failed\n", from, to);
        exit(2);
    }
}

/* ---- 1. opening ------------------------------------------------------------ */

static int open_once(int how)
{
    mtrk_db *db = NULL;
    mtrk_store *st = NULL;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.synchronous = MTRK_SYNC_OFF; /* no fsync per attempt; durability is tests/sqlite's */
    int rc;
    if (how == 0) {
        rc = mtrk_db_open(&db, use_sqlite ? path : "memory:", &o);
    } else {
        rc = mtrk_store_memory_new(&st);
        if (rc == MTRK_OK) {
            rc = mtrk_db_open_store(&db, st, NULL);
            if (rc)
                mtrk_store_free(st);
        }
    }
    oom_disarm();
    if (rc == MTRK_OK) {
        mtrk_db_close(db);
        mtrk_store_free(st);
    } else {
        CHECK(db == NULL, "a failed open set *out");
    }
    return rc;
}

static void sweep_open(int sticky)
{
    for (int how = 0; how < (use_sqlite ? 1 : 2); how++) {
        for (long n = 1;; n = next_n(n)) {
            if (use_sqlite)
                rm_file(path);
            long live0 = live;
            oom_arm(n, sticky);
            int rc = open_once(how);
            long injected = oom_injected;
            if (injected == 0) {
                calls++;
                CHECK(rc == MTRK_OK, "open failed without a fault: %s", mtrk_last_errmsg());
                break;
            }
            points++;
            if (rc == MTRK_OK) {
                absorbed++;
                continue;
            }
            CHECK(rc == MTRK_ENOMEM, "open: allocation %ld failed, rc %s (%s)", n, mtrk_strerror(rc),
                  mtrk_last_errmsg());
            CHECK(live == live0, "open: allocation %ld failed: %ld allocations leaked", n, live - live0);
        }
    }
    if (use_sqlite)
        rm_file(path);
}

/* ---- 2. the lifecycle ------------------------------------------------------ */

/* After an absorbed failure on SQLite: back to the snapshot, same handles. */
static void restore(handles *h)
{
    int had_tenant = h->w.t != NULL;
    mtrk_tenant_close(h->w.t);
    h->w.t = NULL;
    mtrk_db_close(h->w.db);
    mtrk_store_free(h->view);
    h->w.db = NULL;
    h->view = NULL;
    rm_file(path);
    copy_db(snap_path, path);
    open_all(h, had_tenant);
}

static void sweep_lifecycle(handles *h, int sticky)
{
    for (size_t s = 0; s < lc_nsteps; s++) {
        int fresh = 1; /* a new call to sweep: take a snapshot */
        for (long n = 1;; n = next_n(n)) {
            if (fresh && use_sqlite) {
                rm_file(snap_path);
                copy_db(path, snap_path);
            }
            fresh = 0;
            unsigned char before[32], after[32];
            CHECK(store_digest_ex(h->view, before, lc_is_rebuild(s)) == 0, "digest before %s", lc_steps[s].name);
            mtrk_time saved_now = h->w.now;
            size_t saved_sub = h->w.sub;
            int had_tenant = h->w.t != NULL;
            oom_arm(n, sticky);
            int rc = lc_steps[s].fn(&h->w);
            long injected = oom_disarm();
            if (injected == 0) {
                calls++;
                CHECK(rc == MTRK_OK, "%s failed without a fault: %s (%s)", lc_steps[s].name, mtrk_strerror(rc),
                      h->w.t ? mtrk_tenant_errmsg(h->w.t) : mtrk_last_errmsg());
                if (rc != MTRK_OK)
                    exit(1);
                if (h->w.more) {
                    h->w.more = 0;
                    n = 0;
                    fresh = 1;
                    continue;
                }
                h->w.sub = 0;
                break;
            }
            points++;
            if (rc == MTRK_OK) {
                absorbed++;
                CHECK(use_sqlite, "%s succeeded although allocation %ld failed (memory backend)", lc_steps[s].name,
                      n);
                if (use_sqlite) {
                    /* Undo the call: the database and the world as before it. */
                    if (!had_tenant) {
                        mtrk_tenant_close(h->w.t);
                        h->w.t = NULL;
                    }
                    restore(h);
                }
                h->w.sub = saved_sub;
                h->w.more = 0;
                h->w.now = saved_now;
                continue;
            }
            CHECK(rc == MTRK_ENOMEM, "%s: allocation %ld failed, rc %s (%s)", lc_steps[s].name, n,
                  mtrk_strerror(rc), h->w.t ? mtrk_tenant_errmsg(h->w.t) : mtrk_last_errmsg());
            CHECK(store_digest_ex(h->view, after, lc_is_rebuild(s)) == 0, "digest after %s", lc_steps[s].name);
            CHECK(memcmp(before, after, 32) == 0, "%s left the store changed after allocation %ld failed (%s)",
                  lc_steps[s].name, n, sticky ? "sticky" : "once");
            h->w.now = saved_now;
            if (n > 1000000) {
                CHECK(0, "%s: no end to the sweep", lc_steps[s].name);
                break;
            }
        }
    }
}

/* ---- 3. reopening the tenant ---------------------------------------------- */

static void sweep_tenant_open(handles *h, int sticky)
{
    mtrk_tenant_close(h->w.t);
    h->w.t = NULL;
    for (long n = 1;; n = next_n(n)) {
        long live0 = live;
        mtrk_tenant *t = NULL;
        oom_arm(n, sticky);
        int rc = mtrk_tenant_open(&t, h->w.db, "acme", "test:faults");
        long injected = oom_disarm();
        if (injected == 0 || rc == MTRK_OK) {
            CHECK(rc == MTRK_OK, "tenant_open failed without a fault: %s", mtrk_last_errmsg());
            if (injected)
                absorbed++, points++;
            else
                calls++;
            if (injected == 0) {
                h->w.t = t;
                break;
            }
            mtrk_tenant_close(t);
            continue;
        }
        points++;
        CHECK(rc == MTRK_ENOMEM, "tenant_open: allocation %ld failed, rc %s (%s)", n, mtrk_strerror(rc),
              mtrk_last_errmsg());
        CHECK(t == NULL, "tenant_open failed but set *out");
        CHECK(live == live0, "tenant_open: allocation %ld failed: %ld allocations leaked", n, live - live0);
    }
}

static void run(int sticky)
{
    long p0 = points, c0 = calls, a0 = absorbed;
    long live0 = live;
    sweep_open(sticky);
    CHECK(live == live0, "opening leaked %ld allocations", live - live0);
    handles h;
    memset(&h, 0, sizeof h);
    h.w.now = LC_T0;
    mtrk_open_options_init(&h.o, MTRK_OPEN_OPTIONS_VERSION);
    if (use_sqlite)
        rm_file(path);
    open_all(&h, 0);
    sweep_lifecycle(&h, sticky);
    sweep_tenant_open(&h, sticky);
    CHECK(lc_check_rollups(&h.w) == 0, "rollups equal a rebuild");
    close_all(&h);
    if (use_sqlite) {
        rm_file(path);
        rm_file(snap_path);
    }
    CHECK(live == live0, "%ld allocations leaked over the sweep (%s)", live - live0, sticky ? "sticky" : "once");
    printf("oom (%s, %s): %ld injection points over %ld calls (%ld absorbed: the call succeeded)\n",
           use_sqlite ? "sqlite" : "memory", sticky ? "every allocation from N on" : "allocation N only",
           points - p0, calls - c0, absorbed - a0);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    use_sqlite = argc > 1 && strcmp(argv[1], "sqlite") == 0;
    if (argc < 2 || (!use_sqlite && strcmp(argv[1], "memory") != 0)) {
        fprintf(stderr, "usage: %s memory|sqlite\n", argv[0]);
        return 2;
    }
    const char *level = getenv("MTRK_TEST_LEVEL");
    /* The memory backend sweeps every N always: it takes under a second. */
    full = !use_sqlite || (level && strcmp(level, "full") == 0);
    /* Files on tmpfs when there is one: the sweep opens a new database for
     * every point of the open sweep, and SQLite syncs when it turns a new
     * file to WAL; this test is about memory, not disks. */
    const char *tmp = getenv("TMPDIR");
    if (access("/dev/shm", W_OK) == 0)
        tmp = "/dev/shm";
    else if (tmp == NULL || *tmp == '\0')
        tmp = "/tmp";
    snprintf(path, sizeof path, "%s/mtrk-oom-%d.db", tmp, (int)getpid());
    snprintf(snap_path, sizeof snap_path, "%s/mtrk-oom-%d-snap.db", tmp, (int)getpid());
    /* Warm up once without faults: one-time global set-up (SQLite's, libsodium's,
     * stdio's buffers) is not a leak of the sweep. */
    printf("oom (%s): %s sweep\n", argv[1], full ? "full" : "sampled (every N to 64, then every 7th)");
    fflush(stdout);
    {
        handles h;
        memset(&h, 0, sizeof h);
        mtrk_open_options_init(&h.o, MTRK_OPEN_OPTIONS_VERSION);
        rm_file(path);
        open_all(&h, 0);
        close_all(&h);
        rm_file(path);
        copy_db(":memory:", snap_path);
        rm_file(snap_path);
    }
    run(0);
    run(1);
    printf("oom (%s): %ld injection points over %ld calls in all; %d failures\n", argv[1], points, calls, failures);
    return failures ? 1 : 0;
}
