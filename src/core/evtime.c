/*
 * The plausibility window of an event's occurrence time (docs/rules.md
 * "Events"): not before 2000-01-01T00:00:00Z, not more than a day after the
 * clock. A time outside it is almost always a unit mistake (Unix seconds read
 * as milliseconds land in January 1970; microseconds land thousands of years
 * ahead), and one such event would stretch every chart by event time. The
 * refusal says what the value looks like, so the sender can fix its units.
 */
#include "internal.h"

#include <stdio.h>
#include <time.h>

/* "YYYY-MM-DDTHH:MM:SSZ" for ms, or the number when the year does not fit. */
static void fmt_time(char *out, size_t size, mtrk_time ms)
{
    time_t s = (time_t)(ms / 1000);
    struct tm tm;
    if (ms / 1000 > (mtrk_time)253402300799 || gmtime_r(&s, &tm) == NULL ||
        strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(out, size, "%lld ms after 1970", (long long)ms);
}

static bool in_window(mtrk_time v, mtrk_time now)
{
    mtrk_time ahead;
    if (v < EVTIME_MIN)
        return false;
    /* v - now without overflow, whatever the host's clock returns */
    if (__builtin_sub_overflow(v, now, &ahead))
        return now < 0 ? false : true;
    return ahead <= EVTIME_MAX_AHEAD;
}

int evtime_check(mtrk_time occurred, mtrk_time now, char *why, size_t size)
{
    if (occurred == 0 || in_window(occurred, now))
        return MTRK_OK;
    char when[48], as[48];
    fmt_time(when, sizeof when, occurred);
    if (occurred < EVTIME_MIN) {
        /* Unix seconds: the value times 1000 is a plausible time. */
        if (occurred <= INT64_MAX / 1000 && in_window(occurred * 1000, now)) {
            fmt_time(as, sizeof as, occurred * 1000);
            snprintf(why, size,
                     "%lld is %s, before 2000-01-01: it looks like Unix seconds (%s); occurrence times are "
                     "Unix milliseconds",
                     (long long)occurred, when, as);
        } else {
            snprintf(why, size, "%lld is %s, before 2000-01-01 (the earliest occurrence time accepted)",
                     (long long)occurred, when);
        }
        return MTRK_EINVAL;
    }
    static const struct {
        mtrk_time div;
        const char *unit;
    } finer[] = { { 1000, "microseconds" }, { 1000000, "nanoseconds" } };
    for (size_t i = 0; i < sizeof finer / sizeof finer[0]; i++) {
        if (in_window(occurred / finer[i].div, now)) {
            fmt_time(as, sizeof as, occurred / finer[i].div);
            snprintf(why, size,
                     "%lld is %s, more than a day after the clock: it looks like Unix %s (%s); occurrence "
                     "times are Unix milliseconds",
                     (long long)occurred, when, finer[i].unit, as);
            return MTRK_EINVAL;
        }
    }
    char clock[48];
    fmt_time(clock, sizeof clock, now);
    snprintf(why, size, "%lld is %s, more than a day after the clock (%s)", (long long)occurred, when, clock);
    return MTRK_EINVAL;
}
