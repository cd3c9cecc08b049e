/* The implementation of tests/abi/sample.h, in every variant. */
#include "sample.h"

int sample_open(const sample_opts *opts) { return opts->a + opts->b; }
#if SAMPLE_VARIANT != 1
int sample_close(int handle) { return handle; }
#endif
#if SAMPLE_VARIANT == 3
int sample_count(const sample_opts *opts, long n) { return opts->a + (int)n; }
#else
int sample_count(const sample_opts *opts, int n) { return opts->a + n; }
#endif
int sample_sum(const sample_pair *pairs, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += pairs[i].x + pairs[i].y;
    return s;
}
enum sample_status sample_status_of(int handle) { return handle ? SAMPLE_OK : SAMPLE_EFAIL; }
#if SAMPLE_VARIANT == 4
int sample_added(void) { return 4; }
#endif
