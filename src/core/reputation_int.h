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

#endif
