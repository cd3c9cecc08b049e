/*
 * Version-7 ids: issued in increasing order within a process, even when the
 * clock does not move; distinct across a fork (the child must not replay the
 * parent's next ids from a copied random pool or tail). core_id_keys_sort
 * orders keys as a comparison sort by (id, index) does, whatever bits of
 * the ids differ.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "internal.h"

enum { N = 3000 };

static int cmp_ids(const void *a, const void *b) { return memcmp(a, b, sizeof(mtrk_id)); }

static void test_ids_increase_within_a_process(void **state)
{
    (void)state;
    mtrk_id prev = mtrk_id_new();
    for (int i = 0; i < N; i++) {
        mtrk_id id = mtrk_id_new();
        assert_true(mtrk_id_compare(prev, id) < 0);
        assert_int_equal(id.bytes[6] >> 4, 7);      /* version 7 */
        assert_int_equal(id.bytes[8] & 0xc0, 0x80); /* RFC 9562 variant */
        prev = id;
    }
}

static mtrk_time frozen(void *ud)
{
    (void)ud;
    return 1767225600000; /* the clock never moves: ids differ by their tails only */
}

static void test_forked_processes_issue_distinct_ids(void **state)
{
    (void)state;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = frozen;
    mtrk_db *db;
    assert_int_equal(mtrk_db_open(&db, "memory:", &o), 0);
    (void)core_id_new(db); /* the pool and the tail exist before the fork */
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fd[0]);
        for (int i = 0; i < N; i++) {
            mtrk_id id = core_id_new(db);
            if (write(fd[1], &id, sizeof id) != (ssize_t)sizeof id)
                _exit(1);
        }
        _exit(0);
    }
    close(fd[1]);
    mtrk_id *all = calloc(2 * N, sizeof *all);
    assert_non_null(all);
    for (int i = 0; i < N; i++)
        all[i] = core_id_new(db);
    size_t got = 0;
    while (got < N * sizeof(mtrk_id)) {
        ssize_t r = read(fd[0], (char *)(all + N) + got, N * sizeof(mtrk_id) - got);
        assert_true(r > 0);
        got += (size_t)r;
    }
    close(fd[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    qsort(all, 2 * N, sizeof *all, cmp_ids);
    for (int i = 1; i < 2 * N; i++)
        assert_true(memcmp(&all[i - 1], &all[i], sizeof *all) != 0);
    free(all);
    mtrk_db_close(db);
}

/* ---- core_id_keys_sort ------------------------------------------------------ */

static int cmp_keys(const void *a, const void *b)
{
    const id_key *x = a, *y = b;
    int c = memcmp(x->id.bytes, y->id.bytes, sizeof x->id.bytes);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Sorts keys[0..n-1] (their i ascending) both ways and compares. */
static void check_sorts_as_qsort(id_key *keys, size_t n)
{
    for (size_t j = 0; j < n; j++)
        keys[j].i = j;
    id_key *want = malloc((n ? n : 1) * sizeof *want);
    assert_non_null(want);
    memcpy(want, keys, n * sizeof *keys);
    qsort(want, n, sizeof *want, cmp_keys);
    assert_true(core_id_keys_sort(keys, n));
    for (size_t j = 0; j < n; j++) {
        assert_memory_equal(keys[j].id.bytes, want[j].id.bytes, 16);
        assert_int_equal(keys[j].i, want[j].i);
    }
    free(want);
}

enum { SORT_N = 5000 };

/* The shapes of a batch's message ids, and the edges of the digits: random
 * bytes; version 7 ids of one clock reading (tails that count up) and of a
 * few milliseconds, picked at random with repeats; ids that differ only in
 * their low w bits, for each w up to 128 (the digits at every place, across
 * the two 64-bit halves); three bits far apart; all equal; every size up
 * to past the insertion cutoff. */
static void test_id_keys_sort_orders_as_a_comparison_sort(void **state)
{
    (void)state;
    id_key *k = calloc(SORT_N, sizeof *k);
    mtrk_id *pool = calloc(SORT_N, sizeof *pool);
    assert_non_null(k);
    assert_non_null(pool);
    uint64_t s = 0x9E3779B97F4A7C15u;
    size_t sizes[] = { 0, 1, 2, 3, 15, 16, 17, 18, 31, 33, 100, 255, 256, 257, 1000, 4096, SORT_N };
    for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++) {
        size_t n = sizes[z];
        for (size_t j = 0; j < n; j++) { /* random bytes */
            uint64_t a = rnd(&s), b = rnd(&s);
            memcpy(k[j].id.bytes, &a, 8);
            memcpy(k[j].id.bytes + 8, &b, 8);
        }
        check_sorts_as_qsort(k, n);
        for (size_t j = 0; j < n; j++) /* few distinct: many repeats */
            memset(k[j].id.bytes, (int)(rnd(&s) % 3), 16);
        check_sorts_as_qsort(k, n);
        for (size_t j = 0; j < n; j++) /* all equal */
            memset(k[j].id.bytes, 0x5a, 16);
        check_sorts_as_qsort(k, n);
    }
    /* version 7 ids issued at one clock reading, then at a few, picked
     * at random with repeats */
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = frozen;
    mtrk_db *db;
    assert_int_equal(mtrk_db_open(&db, "memory:", &o), 0);
    core_ids_new(db, pool, SORT_N, sizeof *pool);
    for (size_t j = 0; j < SORT_N; j++)
        k[j].id = pool[rnd(&s) % SORT_N];
    check_sorts_as_qsort(k, SORT_N);
    for (size_t j = 0; j < SORT_N; j++)
        pool[j] = mtrk_id_new(); /* the system clock: some milliseconds */
    for (size_t j = 0; j < 1000; j++)
        k[j].id = pool[rnd(&s) % SORT_N];
    check_sorts_as_qsort(k, 1000);
    mtrk_db_close(db);
    /* only the low w bits vary (random), for every w: the first bit that
     * differs at each of the 128 places, random bits below it; and the
     * top bit, one in the middle and the bottom bit only */
    for (unsigned w = 1; w <= 128; w++) {
        for (size_t j = 0; j < 300; j++) {
            memset(k[j].id.bytes, 0x33, 16);
            for (unsigned bit = 128 - w; bit < 128; bit++)
                if (rnd(&s) & 1)
                    k[j].id.bytes[bit / 8] ^= (uint8_t)(0x80 >> (bit % 8));
        }
        check_sorts_as_qsort(k, 300);
        for (size_t j = 0; j < 300; j++) {
            uint64_t r = rnd(&s);
            unsigned bit = w - 1;
            memset(k[j].id.bytes, 0, 16);
            k[j].id.bytes[0] = (uint8_t)((r & 1) << 7);
            k[j].id.bytes[bit / 8] |= (uint8_t)(((r >> 1) & 1) << (7 - bit % 8));
            k[j].id.bytes[15] |= (uint8_t)((r >> 2) & 1);
        }
        check_sorts_as_qsort(k, 300);
    }
    free(k);
    free(pool);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ids_increase_within_a_process),
        cmocka_unit_test(test_forked_processes_issue_distinct_ids),
        cmocka_unit_test(test_id_keys_sort_orders_as_a_comparison_sort),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
