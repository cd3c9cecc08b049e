/*
 * The plausibility window of an event's occurrence time (docs/rules.md
 * "Events"): by default not before 2000-01-01T00:00:00Z, not more than a day
 * after the clock; each tenant may set its own (tenants.events_earliest and
 * events_ahead_ms). A time outside it is almost always a unit mistake (Unix
 * seconds read as milliseconds land in January 1970; microseconds land
 * thousands of years ahead), and one such event would stretch every chart by
 * event time. The refusal says what the value looks like, so the sender can
 * fix its units.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* "YYYY-MM-DDTHH:MM:SSZ" for ms, or the number when the year does not fit. */
static void fmt_time(char *out, size_t size, mtrk_time ms)
{
    time_t s = (time_t)(ms / 1000);
    struct tm tm;
    if (ms < 0 || ms / 1000 > (mtrk_time)253402300799 || gmtime_r(&s, &tm) == NULL ||
        strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(out, size, "%lld ms after 1970", (long long)ms);
}

/* "2000-01-01" for a midnight, else the whole time. */
static void fmt_bound(char *out, size_t size, mtrk_time ms)
{
    fmt_time(out, size, ms);
    if (ms >= 0 && ms % 86400000 == 0 && strlen(out) == 20)
        out[10] = '\0';
}

/* "a day", "3 days", "2 hours", "90000 ms". */
static void fmt_span(char *out, size_t size, int64_t ms)
{
    if (ms == 86400000)
        snprintf(out, size, "a day");
    else if (ms % 86400000 == 0)
        snprintf(out, size, "%lld days", (long long)(ms / 86400000));
    else if (ms == 3600000)
        snprintf(out, size, "an hour");
    else if (ms % 3600000 == 0)
        snprintf(out, size, "%lld hours", (long long)(ms / 3600000));
    else
        snprintf(out, size, "%lld ms", (long long)ms);
}

static bool in_window(mtrk_time v, mtrk_time now, mtrk_time earliest, int64_t max_ahead)
{
    mtrk_time ahead;
    if (v < earliest)
        return false;
    /* v - now without overflow, whatever the host's clock returns */
    if (__builtin_sub_overflow(v, now, &ahead))
        return now < 0 ? false : true;
    return ahead <= max_ahead;
}

int evtime_check_window(mtrk_time occurred, mtrk_time now, mtrk_time earliest, int64_t max_ahead, char *why,
                        size_t size)
{
    if (occurred == 0 || in_window(occurred, now, earliest, max_ahead))
        return MTRK_OK;
    char when[48], as[48], bound[48], span[48];
    fmt_time(when, sizeof when, occurred);
    if (occurred < earliest) {
        fmt_bound(bound, sizeof bound, earliest);
        /* Unix seconds: the value times 1000 is a plausible time. */
        if (occurred > 0 && occurred <= INT64_MAX / 1000 && in_window(occurred * 1000, now, earliest, max_ahead)) {
            fmt_time(as, sizeof as, occurred * 1000);
            snprintf(why, size,
                     "%lld is %s, before %s: it looks like Unix seconds (%s); occurrence times are "
                     "Unix milliseconds",
                     (long long)occurred, when, bound, as);
        } else {
            snprintf(why, size, "%lld is %s, before %s (the earliest occurrence time accepted)", (long long)occurred,
                     when, bound);
        }
        return MTRK_EINVAL;
    }
    fmt_span(span, sizeof span, max_ahead);
    static const struct {
        mtrk_time div;
        const char *unit;
    } finer[] = { { 1000, "microseconds" }, { 1000000, "nanoseconds" } };
    for (size_t i = 0; i < sizeof finer / sizeof finer[0]; i++) {
        if (in_window(occurred / finer[i].div, now, earliest, max_ahead)) {
            fmt_time(as, sizeof as, occurred / finer[i].div);
            snprintf(why, size,
                     "%lld is %s, more than %s after the clock: it looks like Unix %s (%s); occurrence "
                     "times are Unix milliseconds",
                     (long long)occurred, when, span, finer[i].unit, as);
            return MTRK_EINVAL;
        }
    }
    char clock[48];
    fmt_time(clock, sizeof clock, now);
    snprintf(why, size, "%lld is %s, more than %s after the clock (%s)", (long long)occurred, when, span, clock);
    return MTRK_EINVAL;
}

int evtime_check(mtrk_time occurred, mtrk_time now, char *why, size_t size)
{
    return evtime_check_window(occurred, now, EVTIME_MIN, EVTIME_MAX_AHEAD, why, size);
}

/* How long a handle checks events against the window it last read: a
 * change made through another handle applies within this much clock time. */
#define WINDOW_REREAD_MS 1000

int evtime_window_refresh(mtrk_tenant *t)
{
    mtrk_time now = core_now(t->db);
    if (t->window_read_at != 0 && now >= t->window_read_at && now - t->window_read_at < WINDOW_REREAD_MS)
        return MTRK_OK;
    bool own = !t->in_tx;
    row_tenants r = { 0 };
    r.id = t->id;
    int rc = own ? tx_begin(t, false) : MTRK_OK;
    if (rc == MTRK_OK) {
        rc = st_get(t, T_TENANTS, &r);
        if (rc == MTRK_ENOTFOUND)
            rc = terr(t, MTRK_ENOTFOUND, "tenant \"%s\" no longer exists", t->key);
        if (own)
            rc = tx_end(t, rc);
    }
    if (rc == MTRK_OK) {
        t->row.events_earliest = r.events_earliest;
        t->row.events_ahead_ms = r.events_ahead_ms;
        t->window_read_at = now;
    }
    rows_clear(T_TENANTS, &r);
    return rc;
}

int evtime_tenant_check(mtrk_tenant *t, mtrk_time occurred, char *why, size_t size)
{
    /* Outside a transaction (a single event) the window is re-read here; a
     * batch re-reads it in its transaction before judging its events. */
    int rc = occurred != 0 && !t->in_tx ? evtime_window_refresh(t) : MTRK_OK;
    if (rc)
        return rc;
    mtrk_time now = core_now(t->db);
    /* A row from before the window was a setting has 0 for both: the defaults. */
    mtrk_time earliest = t->row.events_ahead_ms > 0 ? t->row.events_earliest : EVTIME_MIN;
    int64_t ahead = t->row.events_ahead_ms > 0 ? t->row.events_ahead_ms : EVTIME_MAX_AHEAD;
    return evtime_check_window(occurred, now, earliest, ahead, why, size);
}
