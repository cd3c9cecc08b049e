/*
 * A miniature public header for the ABI guard's self-test
 * (tests/abi/meson.build): compiled as variant 0 (the baseline) and as
 * variants that each make one change, SAMPLE_VARIANT:
 *   1 a function removed                    (must fail)
 *   2 a struct member's type changed        (must fail)
 *   3 a parameter's type changed            (must fail)
 *   4 a function added                      (must pass)
 *   5 two struct members swapped            (must fail)
 *   6 a member inserted in the middle       (must fail)
 *   7 a member appended to the versioned struct, another to a struct
 *     passed in arrays                      (must fail: see abi/libmtrk.abignore)
 *   8 an enumerator renumbered              (must fail)
 */
#ifndef SAMPLE_H
#define SAMPLE_H

#ifndef SAMPLE_VARIANT
#define SAMPLE_VARIANT 0
#endif

#define SAMPLE_OPTS_VERSION 1
typedef struct sample_opts {
    unsigned int version;
#if SAMPLE_VARIANT == 5
    int b;
    int a;
#elif SAMPLE_VARIANT == 6
    int a;
    int inserted;
    int b;
#elif SAMPLE_VARIANT == 2
    long a;
    int b;
#else
    int a;
    int b;
#endif
#if SAMPLE_VARIANT == 7
    int appended;
#endif
} sample_opts;

typedef struct sample_pair {
    int x;
    int y;
#if SAMPLE_VARIANT == 7
    int z;
#endif
} sample_pair;

enum sample_status {
    SAMPLE_OK = 0,
#if SAMPLE_VARIANT == 8
    SAMPLE_EFAIL = -2
#else
    SAMPLE_EFAIL = -1
#endif
};

int sample_open(const sample_opts *opts);
#if SAMPLE_VARIANT != 1
int sample_close(int handle);
#endif
#if SAMPLE_VARIANT == 3
int sample_count(const sample_opts *opts, long n);
#else
int sample_count(const sample_opts *opts, int n);
#endif
int sample_sum(const sample_pair *pairs, int n);
enum sample_status sample_status_of(int handle);
#if SAMPLE_VARIANT == 4
int sample_added(void);
#endif

#endif
