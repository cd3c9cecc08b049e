/*
 * Store failure: the lifecycle of lifecycle.c runs against a
 * backend (argv[1]: "memory" or "sqlite") wrapped in the fault-injecting store
 * of tests/unit/faultstore.c: with the generic operations only (the core then
 * does the event path and the rollups through get, scan and apply), or with
 * argv[2] "typed" also the backend's batch reads, typed event operations and
 * counters_add, each of which fails in turn as well. For each variant (which operations count: any,
 * reads, applies, commit only; failing once at N or every call from N on),
 * every step is swept: N = 1, 2, ... until the call makes fewer than N counted
 * store calls and succeeds. After each injected failure:
 *   - the call returned an error code (never MTRK_OK);
 *   - the store equals its state before the call: a digest of every row of
 *     every table and every index (store_digest), taken for SQLite through a
 *     second store handle (its own connection) on the same file, so only
 *     committed data counts;
 *   - the same handle goes on: the next attempt, and finally the successful
 *     call, are made on it.
 * At the end the rollups equal a rebuild. Prints "N injection points over M
 * calls" per variant. MTRK_TEST_LEVEL is not read: the sweep is complete at
 * every level (it takes well under a minute).
 */
#include "check.h"
#include "faultstore.h"
#include "lifecycle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

static const struct variant {
    const char *name;
    int kind, sticky;
} variants[] = {
    { "any once", FS_ANY, 0 },      { "any sticky", FS_ANY, 1 },     { "reads once", FS_READ, 0 },
    { "reads sticky", FS_READ, 1 }, { "applies once", FS_APPLY, 0 }, { "applies sticky", FS_APPLY, 1 },
    { "commit once", FS_COMMIT, 0 }, { "commit sticky", FS_COMMIT, 1 },
};

static char path[512];

static void rm_db(void)
{
    static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
    char b[600];
    for (int i = 0; i < 4; i++) {
        snprintf(b, sizeof b, "%s%s", path, sfx[i]);
        unlink(b);
    }
}

/* One variant over the whole lifecycle; returns the points swept. */
static int typed;

static long sweep(int sqlite, const struct variant *v, long *out_calls)
{
    lc_world w;
    memset(&w, 0, sizeof w);
    w.now = LC_T0;
    mtrk_store *inner = NULL, *view = NULL;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = lc_clock;
    o.clock_userdata = &w;
    o.synchronous = MTRK_SYNC_OFF; /* durability is tests/sqlite's; here: atomicity */
    int rc;
    if (sqlite) {
        rm_db();
        rc = mtrk_store_sqlite_new(&inner, path, &o);
        if (rc == MTRK_OK)
            rc = mtrk_store_sqlite_new(&view, path, &o);
    } else {
        rc = mtrk_store_memory_new(&inner);
        view = inner;
    }
    if (rc) {
        fprintf(stderr, "cannot create the store: %s\n", mtrk_last_errmsg());
        exit(2);
    }
    faultstore fs;
    if (typed)
        faultstore_init_typed(&fs, inner);
    else
        faultstore_init(&fs, inner);
    if (mtrk_db_open_store(&w.db, &fs.base, &o) != MTRK_OK) {
        fprintf(stderr, "open: %s\n", mtrk_last_errmsg());
        exit(2);
    }
    long points = 0, calls = 0;
    for (size_t s = 0; s < lc_nsteps; s++) {
        for (long n = 1;; n++) {
            unsigned char before[32], after[32];
            CHECK(store_digest_ex(view, before, lc_is_rebuild(s)) == 0, "digest before %s", lc_steps[s].name);
            mtrk_time saved_now = w.now;
            faultstore_arm(&fs, v->kind, n, v->sticky);
            rc = lc_steps[s].fn(&w);
            long injected = fs.injected;
            faultstore_arm(&fs, v->kind, 0, 0);
            if (injected == 0) {
                calls++;
                CHECK(rc == MTRK_OK, "%s failed without injection: %s %s", lc_steps[s].name, mtrk_strerror(rc),
                      w.t ? mtrk_tenant_errmsg(w.t) : mtrk_last_errmsg());
                if (rc != MTRK_OK)
                    exit(1); /* the lifecycle cannot go on */
                if (w.more) { /* the same step has another call to sweep */
                    w.more = 0;
                    n = 0;
                    continue;
                }
                w.sub = 0;
                break;
            }
            points++;
            CHECK(rc != MTRK_OK, "%s succeeded although store call %ld failed (%s)", lc_steps[s].name, n, v->name);
            CHECK(rc == MTRK_ESTORE || rc == MTRK_ENOMEM, "%s: store failure %ld came back as %s",
                  lc_steps[s].name, n, mtrk_strerror(rc));
            CHECK(store_digest_ex(view, after, lc_is_rebuild(s)) == 0, "digest after %s", lc_steps[s].name);
            CHECK(memcmp(before, after, 32) == 0, "%s left the store changed after failing at call %ld (%s, rc %s)",
                  lc_steps[s].name, n, v->name, mtrk_strerror(rc));
            w.now = saved_now;
            if (n > 100000) {
                CHECK(0, "%s: no end to the sweep", lc_steps[s].name);
                break;
            }
        }
    }
    CHECK(lc_check_rollups(&w) == 0, "rollups (%s)", v->name);
    mtrk_tenant_close(w.t);
    mtrk_db_close(w.db);
    if (sqlite)
        mtrk_store_free(view);
    mtrk_store_free(inner);
    if (sqlite)
        rm_db();
    *out_calls = calls;
    return points;
}

int main(int argc, char **argv)
{
    int sqlite = argc > 1 && strcmp(argv[1], "sqlite") == 0;
    typed = argc > 2 && strcmp(argv[2], "typed") == 0;
    if (argc < 2 || (!sqlite && strcmp(argv[1], "memory") != 0) || (argc > 2 && !typed)) {
        fprintf(stderr, "usage: %s memory|sqlite [typed]\n", argv[0]);
        return 2;
    }
    const char *mode = typed ? "typed" : "generic";
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/mtrk-storefaults-%d.db", tmp && *tmp ? tmp : "/tmp", (int)getpid());
    long total = 0;
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++) {
        long calls = 0;
        long points = sweep(sqlite, &variants[i], &calls);
        printf("store faults (%s, %s operations, %s): %ld injection points over %ld calls\n", argv[1], mode,
               variants[i].name, points, calls);
        CHECK(points >= calls || variants[i].kind == FS_APPLY, "%s: fewer points than calls", variants[i].name);
        total += points;
    }
    printf("store faults (%s, %s operations): %ld injection points in all; %d failures\n", argv[1], mode, total,
           failures);
    return failures ? 1 : 0;
}
