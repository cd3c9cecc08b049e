/*
 * Version-7 ids: issued in increasing order within a process, even when the
 * clock does not move; distinct across a fork (the child must not replay the
 * parent's next ids from a copied random pool or tail).
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ids_increase_within_a_process),
        cmocka_unit_test(test_forked_processes_issue_distinct_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
