/*
 * Conformance harness: every test file of this directory is written against
 * the public API only and runs unchanged against every backend. The backend
 * is chosen by the first command-line argument ("memory"; later "sqlite",
 * "pg"); main.c runs every group for it.
 *
 * Each test gets a fresh fixture (conf_setup/conf_teardown): a db on the
 * backend with a fake clock, tenant "t1" (fx->t) and tenant "t2" (fx->t2,
 * for isolation checks), both with actor "test:conformance".
 */
#ifndef CONF_HARNESS_H
#define CONF_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "mtrk/mtrk.h"

typedef struct conf_fixture {
    mtrk_db *db;
    mtrk_tenant *t;
    mtrk_tenant *t2;
} conf_fixture;

/* The backend under test ("memory", ...). */
extern const char *conf_backend;

/* The fake clock every db of the harness uses; starts at CONF_T0. */
#define CONF_T0 INT64_C(1767225600000) /* 2026-01-01T00:00:00Z */
void conf_clock_set(mtrk_time now);
void conf_clock_advance(int64_t ms);
mtrk_time conf_clock_now(void);

/* Opens another handle on the fixture's backend (a fresh, empty store). */
int conf_open_db(mtrk_db **out);
/* Opens a second handle on the same store as the fixture's db (shared store). */
int conf_open_same(mtrk_db **out, const conf_fixture *fx);

/* A store on the fixture's data, for the tests of the store contract
 * itself: the fixture's own store (memory, rows, dlopen; *owned 0), or a
 * second connection to its file or database (sqlite, pg; *owned 1: free
 * it with mtrk_store_free). */
int conf_store_of(mtrk_store **out, int *owned, const conf_fixture *fx);

int conf_setup(void **state);
int conf_teardown(void **state);

/* Asserts that expr returns `code`, printing the library's message if not. */
#define CONF_EXPECT(code, expr)                                                   \
    do {                                                                          \
        int conf_rc_ = (expr);                                                    \
        if (conf_rc_ != (code))                                                   \
            fail_msg("%s returned %d (%s), expected %d: %s", #expr, conf_rc_,     \
                     mtrk_strerror(conf_rc_), (int)(code), mtrk_last_errmsg());   \
    } while (0)
#define CONF_OK(expr) CONF_EXPECT(MTRK_OK, expr)

/* Asserts that the thread's last error message contains `needle`. */
#define CONF_ERRMSG_HAS(needle)                                                   \
    do {                                                                          \
        if (strstr(mtrk_last_errmsg(), (needle)) == NULL)                         \
            fail_msg("error message \"%s\" does not name \"%s\"",                 \
                     mtrk_last_errmsg(), (needle));                               \
    } while (0)

#define CONF_TEST(f) cmocka_unit_test_setup_teardown(f, conf_setup, conf_teardown)

/* Each test file defines one group: name, tests, count. */
typedef struct conf_group {
    const char *name;
    const struct CMUnitTest *tests;
    size_t count;
} conf_group;

#define CONF_GROUP(var, gname, arr) \
    const conf_group var = { gname, arr, sizeof(arr) / sizeof((arr)[0]) }

#endif
