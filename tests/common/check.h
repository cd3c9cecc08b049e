/*
 * CHECK: a non-fatal assertion for the sweep tests (fault injection, memory
 * exhaustion, I/O faults), which run the same scenario hundreds of times and
 * should report every failing step of a run, not stop at the first. It
 * prints the file, line and message and counts into the including file's
 * `static int failures`; the test's main returns non-zero when it is not 0.
 */
#ifndef MTRK_TESTS_CHECK_H
#define MTRK_TESTS_CHECK_H

#include <stdio.h>

#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);           \
            fprintf(stderr, __VA_ARGS__);                                  \
            fputc('\n', stderr);                                           \
            failures++;                                                    \
        }                                                                  \
    } while (0)

#endif
