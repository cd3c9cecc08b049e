/*
 * Shared by the bounce-policy and reputation-guard files (reputation.c,
 * bounce_policy.c); core_reputation_guard is the claim's hook (queue.c).
 */
#ifndef MTRK_REPUTATION_INT_H
#define MTRK_REPUTATION_INT_H

#include "internal.h"
#include "mtrk/reputation.h"

/* The defaults of a tenant's bounce settings (no row stored). */
void core_bounce_settings_defaults(row_bounce_settings *r, mtrk_id tenant);
/* Reads the tenant's bounce settings, the defaults when none are stored
 * (inside the caller's transaction). */
int core_bounce_settings_load(mtrk_tenant *t, row_bounce_settings *out);

/* The tenant's policy for a reason, the default when none is stored
 * (bounce_policy.c; inside the caller's transaction). */
int core_bounce_policy_load(mtrk_tenant *t, mtrk_bounce_reason reason, row_bounce_policies *out);
/* The soft bounces of the contact by event time up to `at`, since its last
 * delivery (delivered, open or click) or hard bounce (bounce_policy.c). */
int core_bounce_soft_run(mtrk_tenant *t, mtrk_id contact, mtrk_time at, uint64_t *out);

/* The event path's hook for bounces that carry facts (bounce_facts.c):
 * called first by the event path's record of one event (event.c,
 * event_record) with that function as `record`. Returns BOUNCE_FACTS_NONE
 * when the input carries no facts (the caller records it as it is); else
 * applies the tenant's policy for the reason, records the event through
 * `record` with the kind the policy gives, stores its facts and audits an
 * automatic suppression, and returns record's code (or its own refusal,
 * before anything is written). */
struct ev_pre;
#define BOUNCE_FACTS_NONE 1
typedef int (*bounce_record_fn)(mtrk_tenant *t, const mtrk_event_input *in, struct ev_pre *pre,
                                mtrk_event_outcome *out, bool *wrote);
int bounce_facts_record(mtrk_tenant *t, const mtrk_event_input *in, struct ev_pre *pre, mtrk_event_outcome *out,
                        bool *wrote, bounce_record_fn record);

#endif
