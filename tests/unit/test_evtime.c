/*
 * The occurrence-time window (evtime.c): from 2000-01-01T00:00:00Z to a day
 * after the clock, inclusive; 0 ("now") always passes. A refusal says what
 * the value looks like when another unit would put it inside the window.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "internal.h"

#define NOW INT64_C(1772359200000) /* 2026-03-01T10:00:00Z */
#define DAY INT64_C(86400000)

static void expect_refused(mtrk_time v, mtrk_time now, const char *frag)
{
    char why[ERRMSG_SIZE] = "";
    int rc = evtime_check(v, now, why, sizeof why);
    if (rc != MTRK_EINVAL)
        fail_msg("%lld accepted at %lld", (long long)v, (long long)now);
    if (strstr(why, frag) == NULL)
        fail_msg("%lld: \"%s\" lacks \"%s\"", (long long)v, why, frag);
}

static void expect_ok(mtrk_time v, mtrk_time now)
{
    char why[ERRMSG_SIZE] = "";
    if (evtime_check(v, now, why, sizeof why) != MTRK_OK)
        fail_msg("%lld refused at %lld: %s", (long long)v, (long long)now, why);
}

static void test_evtime_window_bounds_are_inclusive(void **state)
{
    (void)state;
    expect_ok(0, NOW);                          /* "now" */
    expect_ok(EVTIME_MIN, NOW);                 /* 2000-01-01T00:00:00Z */
    expect_ok(NOW, NOW);
    expect_ok(NOW + DAY, NOW);                  /* a day ahead: clocks drift */
    expect_refused(EVTIME_MIN - 1, NOW, "1999-12-31T23:59:59Z, before 2000-01-01");
    expect_refused(NOW + DAY + 1, NOW, "more than a day after the clock (2026-03-01T10:00:00Z)");
}

static void test_evtime_names_the_unit_it_looks_like(void **state)
{
    (void)state;
    /* SendGrid and Mailgun send Unix seconds */
    expect_refused(NOW / 1000, NOW,
                   "1772359200 is 1970-01-21T12:19:19Z, before 2000-01-01: it looks like Unix seconds "
                   "(2026-03-01T10:00:00Z)");
    expect_refused(NOW * 1000, NOW, "it looks like Unix microseconds (2026-03-01T10:00:00Z)");
    expect_refused(NOW * 1000000, NOW, "it looks like Unix nanoseconds (2026-03-01T10:00:00Z)");
    /* year 9999 */
    expect_refused(INT64_C(253402300799000), NOW, "is 9999-12-31T23:59:59Z, more than a day after the clock");
    /* neither: no guess */
    char why[ERRMSG_SIZE];
    assert_int_equal(evtime_check(5, NOW, why, sizeof why), MTRK_EINVAL);
    assert_null(strstr(why, "looks like"));
    assert_non_null(strstr(why, "1970-01-01T00:00:00Z"));
    /* a time beyond year 9999 is shown as a number */
    expect_refused(INT64_MAX, NOW, "ms after 1970");
}

static void test_evtime_follows_the_clock(void **state)
{
    (void)state;
    /* the same value, judged against two clocks */
    expect_ok(NOW + 2 * DAY, NOW + DAY);
    expect_refused(NOW + 2 * DAY, NOW, "more than a day after the clock");
    /* a clock near either end of int64 does not overflow the arithmetic */
    expect_ok(NOW, INT64_MAX);
    expect_refused(NOW, INT64_MIN, "more than a day after the clock");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_evtime_window_bounds_are_inclusive),
        cmocka_unit_test(test_evtime_names_the_unit_it_looks_like),
        cmocka_unit_test(test_evtime_follows_the_clock),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
