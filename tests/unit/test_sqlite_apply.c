/*
 * The SQLite store's apply of many changes, driven through the store vtable.
 *
 * The contract (include/mtrk/store.h): apply runs n changes in order; an
 * insert whose primary key or unique index collides is MTRK_EEXISTS, and
 * after a failed apply the caller rolls back, which leaves nothing of it.
 * The store writes runs of consecutive inserts into one table as multi-row
 * statements: these tests give runs longer than one statement, collisions
 * inside a run, with a stored row and within the run, and mixed changes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mtrk/store.h"
#include "rows.h"

#define N 100

static const unsigned char tenant[16] = { 7 };

typedef struct srow {
    mtrk_value v[COL_suppressions__COUNT];
    char value[32];
} srow;

/* A suppression row (tenant, kind 1, "vNNN", "r", created_at). */
static void srow_set(srow *r, int i)
{
    snprintf(r->value, sizeof r->value, "v%03d", i);
    r->v[COL_suppressions_tenant] = (mtrk_value){ MTRK_VAL_BLOB, 0, tenant, sizeof tenant };
    r->v[COL_suppressions_kind] = (mtrk_value){ MTRK_VAL_INT, 1, NULL, 0 };
    r->v[COL_suppressions_value] = (mtrk_value){ MTRK_VAL_TEXT, 0, r->value, strlen(r->value) };
    r->v[COL_suppressions_reason] = (mtrk_value){ MTRK_VAL_TEXT, 0, "r", 1 };
    r->v[COL_suppressions_created_at] = (mtrk_value){ MTRK_VAL_INT, i, NULL, 0 };
    r->v[COL_suppressions_event] = (mtrk_value){ MTRK_VAL_NULL, 0, NULL, 0 };
}

typedef struct fx {
    mtrk_store *s;
    char path[64];
    srow rows[N];
    mtrk_change ch[N];
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->path, sizeof f->path, "/tmp/mtrk-unit-apply-%d.db", (int)getpid());
    unlink(f->path);
    assert_int_equal(mtrk_store_sqlite_new(&f->s, f->path, NULL), 0);
    for (int i = 0; i < N; i++) {
        srow_set(&f->rows[i], i);
        f->ch[i] = (mtrk_change){ MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, T_SUPPRESSIONS, f->rows[i].v, 0 };
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    mtrk_store_free(f->s);
    char p[80];
    unlink(f->path);
    snprintf(p, sizeof p, "%s-wal", f->path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", f->path);
    unlink(p);
    free(f);
    return 0;
}

struct count {
    int n, last;
    int ordered;
};

static int count_cb(void *ud, const mtrk_value *row)
{
    struct count *c = ud;
    int i = (int)row[COL_suppressions_created_at].i;
    if (c->n && i <= c->last)
        c->ordered = 0;
    c->last = i;
    c->n++;
    return 0;
}

static int rows_stored(mtrk_store *s)
{
    struct count c = { 0, 0, 1 };
    mtrk_value pre = { MTRK_VAL_BLOB, 0, tenant, sizeof tenant };
    assert_int_equal(s->scan(s, T_SUPPRESSIONS, MTRK_INDEX_PK, &pre, 1, NULL, 0, 0, count_cb, &c), 0);
    assert_true(c.ordered);
    return c.n;
}

static void many_inserts_are_all_stored_in_order(void **state)
{
    fx *f = *state;
    mtrk_store *s = f->s;
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(s->apply(s, f->ch, N), 0);
    assert_int_equal(rows_stored(s), N);
    assert_int_equal(s->rollback(s), 0);
}

static void a_collision_inside_a_run_fails_the_apply_and_rollback_leaves_nothing(void **state)
{
    fx *f = *state;
    mtrk_store *s = f->s;
    /* with a stored row: row 40 stored first, then 0..N-1 */
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(s->apply(s, &f->ch[40], 1), 0);
    assert_int_equal(s->apply(s, f->ch, N), MTRK_EEXISTS);
    assert_int_equal(s->rollback(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    assert_int_equal(rows_stored(s), 0);
    assert_int_equal(s->rollback(s), 0);
    /* within the run: change 20 repeats change 5 */
    mtrk_change ch[N];
    memcpy(ch, f->ch, sizeof ch);
    ch[20].row = f->rows[5].v;
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(s->apply(s, ch, N), MTRK_EEXISTS);
    assert_int_equal(s->rollback(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    assert_int_equal(rows_stored(s), 0);
    assert_int_equal(s->rollback(s), 0);
}

static void runs_are_broken_by_other_changes_in_order(void **state)
{
    fx *f = *state;
    mtrk_store *s = f->s;
    mtrk_change ch[N + 1];
    /* 0..49 inserted, then a delete of row 10, then 50..99 */
    memcpy(ch, f->ch, 50 * sizeof ch[0]);
    ch[50] = (mtrk_change){ MTRK_CHANGE_VERSION, MTRK_CHANGE_DELETE, T_SUPPRESSIONS, f->rows[10].v, 0 };
    memcpy(&ch[51], &f->ch[50], 50 * sizeof ch[0]);
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(s->apply(s, ch, N + 1), 0);
    assert_int_equal(rows_stored(s), N - 1);
    /* a bad row inside a run is refused by its number */
    srow bad;
    srow_set(&bad, 500);
    bad.v[COL_suppressions_kind] = (mtrk_value){ MTRK_VAL_TEXT, 0, "x", 1 };
    mtrk_change ch2[40];
    for (int i = 0; i < 40; i++) {
        srow_set(&f->rows[i], 200 + i);
        ch2[i] = (mtrk_change){ MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, T_SUPPRESSIONS, f->rows[i].v, 0 };
    }
    ch2[7].row = bad.v;
    assert_int_equal(s->apply(s, ch2, 40), MTRK_EINVAL);
    assert_non_null(strstr(s->errmsg(s), "kind"));
    assert_int_equal(s->rollback(s), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(many_inserts_are_all_stored_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(a_collision_inside_a_run_fails_the_apply_and_rollback_leaves_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(runs_are_broken_by_other_changes_in_order, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
