/*
 * counters_add (store contract version 5) on the memory and SQLite stores:
 * the checks of tests/common/counters_check.h (the PostgreSQL store runs
 * them in tests/pg). SQLite: two stores (connections) on one file.
 */
#include "../common/counters_check.h"

#include <mtrk/mtrk.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>
#include <unistd.h>

static void test_memory(void **state)
{
    (void)state;
    mtrk_store *st = NULL;
    assert_int_equal(mtrk_store_memory_new(&st), MTRK_OK);
    assert_int_equal(counters_check(st, st, "mem"), 0);
    mtrk_store_free(st);
}

static void test_sqlite(void **state)
{
    (void)state;
    char dir[] = "/tmp/mtrk-counters-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/c.mtrk", dir);
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.synchronous = MTRK_SYNC_OFF;
    o.busy_timeout_ms = 20000;
    mtrk_store *a = NULL, *b = NULL;
    assert_int_equal(mtrk_store_sqlite_new(&a, path, &o), MTRK_OK);
    assert_int_equal(mtrk_store_sqlite_new(&b, path, &o), MTRK_OK);
    int failed = counters_check(a, b, "lite");
    mtrk_store_free(a);
    mtrk_store_free(b);
    char wal[80];
    unlink(path);
    snprintf(wal, sizeof wal, "%s-wal", path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", path);
    unlink(wal);
    rmdir(dir);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memory),
        cmocka_unit_test(test_sqlite),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
