/*
 * The core's side of the store contract:
 *  - a store of an unknown version is refused (MTRK_EVERSION), one missing a
 *    required operation is refused (MTRK_EINCOMPLETE) with the operation named;
 *  - that every public call that writes is one transaction (a store failure
 *    at any call leaves every table and index as before) is swept by
 *    tests/faults/test_store_faults.c, over the shared lifecycle, on the
 *    memory and SQLite stores.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "faultstore.h"
#include "mtrk/mtrk.h"


/* The contract's helpers for backends: the sort key of an index, and the
 * derived fields the core computes. */
static void test_contract_helpers(void **state)
{
    (void)state;
    const mtrk_table_def *ev = NULL;
    for (unsigned t = 0; t < mtrk_store_table_count(); t++)
        if (strcmp(mtrk_store_table(t)->name, "events") == 0)
            ev = mtrk_store_table(t);
    assert_non_null(ev);
    unsigned cols[64];
    /* The primary key alone, then an index's columns followed by the key. */
    assert_int_equal(mtrk_store_sort_key(ev, MTRK_INDEX_PK, cols), ev->npk);
    for (unsigned j = 0; j < ev->npk; j++)
        assert_int_equal(cols[j], j);
    for (unsigned x = 0; x < ev->nindexes; x++) {
        unsigned n = mtrk_store_sort_key(ev, (int)x, cols);
        assert_int_equal(n, ev->indexes[x].ncols + ev->npk);
        for (unsigned j = 0; j < ev->indexes[x].ncols; j++)
            assert_int_equal(cols[j], ev->indexes[x].cols[j]);
        for (unsigned j = 0; j < ev->npk; j++)
            assert_int_equal(cols[ev->indexes[x].ncols + j], j);
    }
    assert_int_equal(mtrk_store_sort_key(ev, (int)ev->nindexes, cols), 0);
    assert_int_equal(mtrk_store_sort_key(ev, -2, cols), 0);
    assert_int_equal(mtrk_store_sort_key(NULL, MTRK_INDEX_PK, cols), 0);

    assert_int_equal(mtrk_store_queue_state(MTRK_MSG_QUEUED), MTRK_MSG_QUEUED);
    assert_int_equal(mtrk_store_queue_state(MTRK_MSG_CLAIMED), MTRK_MSG_CLAIMED);
    assert_int_equal(mtrk_store_queue_state(MTRK_MSG_SENT), 0);
    assert_int_equal(mtrk_store_queue_state(MTRK_MSG_CANCELED), 0);
    const mtrk_time hour = 3600000;
    assert_int_equal(mtrk_store_event_hour(1767225600000 + 5 * hour + 17), 1767225600000 + 5 * hour);
    assert_int_equal(mtrk_store_event_hour(1767225600000 + 5 * hour), 1767225600000 + 5 * hour);
    assert_int_equal(mtrk_store_event_hour(1767225600000 + 6 * hour - 1), 1767225600000 + 5 * hour);
}

static void test_unknown_store_version_refused(void **state)
{
    (void)state;
    mtrk_store *mem;
    assert_int_equal(mtrk_store_memory_new(&mem), MTRK_OK);
    faultstore fs;
    faultstore_init(&fs, mem);
    mtrk_db *db = NULL;
    fs.base.version = 0;
    assert_int_equal(mtrk_db_open_store(&db, &fs.base, NULL), MTRK_EVERSION);
    fs.base.version = MTRK_STORE_VERSION + 1;
    assert_int_equal(mtrk_db_open_store(&db, &fs.base, NULL), MTRK_EVERSION);
    assert_non_null(strstr(mtrk_last_errmsg(), "version"));
    assert_null(db);
    mtrk_store_free(mem);
}

static void test_incomplete_store_refused_naming_operation(void **state)
{
    (void)state;
    static const char *const ops[] = { "begin", "commit", "rollback", "get", "scan", "apply" };
    mtrk_store *mem;
    assert_int_equal(mtrk_store_memory_new(&mem), MTRK_OK);
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        faultstore fs;
        faultstore_init(&fs, mem);
        switch (i) {
        case 0: fs.base.begin = NULL; break;
        case 1: fs.base.commit = NULL; break;
        case 2: fs.base.rollback = NULL; break;
        case 3: fs.base.get = NULL; break;
        case 4: fs.base.scan = NULL; break;
        case 5: fs.base.apply = NULL; break;
        }
        mtrk_db *db = NULL;
        assert_int_equal(mtrk_db_open_store(&db, &fs.base, NULL), MTRK_EINCOMPLETE);
        assert_non_null(strstr(mtrk_last_errmsg(), ops[i]));
        assert_null(db);
    }
    mtrk_store_free(mem);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contract_helpers),
        cmocka_unit_test(test_unknown_store_version_refused),
        cmocka_unit_test(test_incomplete_store_refused_naming_operation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
