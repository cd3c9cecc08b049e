/*
 * The pure parts of event recording and rollups: how one event changes a
 * message's facts and state, and what a message contributes to its campaign's
 * counters. No store, no handle: unit-tested directly (tests/unit/test_decide.c)
 * and shared by live recording (event.c) and the rebuild (stats.c), so both
 * apply exactly the same rule.
 */
#ifndef MTRK_DECIDE_H
#define MTRK_DECIDE_H

#include "rows.h"
#include "mtrk/event.h"

#include <stdbool.h>

/* One event as the message rule sees it. */
typedef struct decide_event {
    int type;       /* mtrk_event_type */
    bool hard;      /* counts as a hard bounce (hard kind, or the soft threshold reached) */
    bool soft;      /* a soft bounce */
    bool human;     /* verdict human */
    mtrk_time at;   /* event time */
} decide_event;

/*
 * Applies one event to a message: flags, first-times (earliest event time),
 * counters, and the delivery state (forward only; bounced and canceled
 * terminal; a hard bounce ends any state but canceled). Returns the
 * MTRK_EFFECT_MESSAGE_STATE / MTRK_EFFECT_STATE_KEPT bits. Touches only the
 * numeric fields of *m. Order-independent for everything but the state.
 */
uint32_t decide_message(row_messages *m, const decide_event *e);

/* The decide_event of a stored event: a bounce counts as hard when its kind
 * is hard or when it reached the soft threshold on arrival (traced as
 * MTRK_EFFECT_HARD_BOUNCE on the event). */
decide_event decide_event_of(const row_events *e);
/* The same from an event's fields (a store's record, for one). */
decide_event decide_event_make(int64_t type, int64_t bounce_kind, int64_t effects, int64_t verdict, mtrk_time at);

/* Resets what decide_message derives (flags, first-times, counters), keeping
 * the state and everything else: the starting point of a replay. */
void decide_reset_facts(row_messages *m);

/* True when the numeric facts decide_message touches are all equal. */
bool decide_facts_equal(const row_messages *a, const row_messages *b);

/* The campaign counters a message contributes (docs/metrics.md); one field
 * per campaign_stats column of the same name. */
#define CONTRIB_FIELDS(X)                                                      \
    X(messages) X(canceled) X(sent) X(delivered) X(delivered_explicit)        \
    X(bounced_hard) X(bounced_soft) X(complaints) X(unsubscribes)             \
    X(opens_unique) X(opens_unique_human) X(opens_inferred) X(clicks_unique)  \
    X(clicks_unique_human)

typedef struct stats_contrib {
#define X_(f) int64_t f;
    CONTRIB_FIELDS(X_)
#undef X_
} stats_contrib;

/* contribution(m); m NULL gives all zeros. */
void stats_contribution(const row_messages *m, stats_contrib *out);

/* The same as bits, bit i for the i-th field of CONTRIB_FIELDS (every
 * field is 0 or 1): what a message contributes, computed once per state.
 * It reads the message's flags and state, nothing else (core_stats_message
 * relies on it). */
uint32_t stats_contribution_bits(const row_messages *m);

/* contribution(after) - contribution(before), from their bits, a field at a
 * time: start with *diff = before ^ after; each call takes the next field
 * that changes (its number in CONTRIB_FIELDS order) and returns by how much
 * (1 or -1), or 0 when none is left. No arrays: the rollups call it per
 * message moved. */
static inline int stats_contribution_step(uint32_t *diff, uint32_t after, unsigned *field)
{
    if (*diff == 0)
        return 0;
    *field = (unsigned)__builtin_ctz(*diff);
    *diff &= *diff - 1;
    return (after >> *field) & 1 ? 1 : -1;
}

#endif
