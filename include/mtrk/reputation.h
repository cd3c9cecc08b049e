/**
 * @file mtrk/reputation.h
 *
 * mtrk — reputation guards and bounce policies. docs/bounces.md is the
 * reference ("Reputation guards", "Bounce policies").
 *
 * A guard watches the rolling complaint rate and bounce rate of a tenant and
 * of each of its sending domains (the domain of a campaign's from address),
 * computed from the hourly rollups over a configurable window. Crossing a
 * warning threshold is recorded and audited; crossing a pause threshold
 * pauses the sending campaigns of that scope, stops claims
 * (mtrk_queue_claim) and is audited with the figures that caused it. Only an
 * explicit, audited mtrk_reputation_resume lifts a pause. The guard is
 * checked by every mtrk_queue_claim (for the claimed campaign's scopes) and
 * by mtrk_reputation_check (every scope).
 *
 * A bounce policy says, per tenant and per bounce reason, what a bounce of
 * that reason does when it is recorded with its reason (mtrk_bounce_record,
 * provider webhooks, an event with its facts): suppress the address at
 * once, count towards a run of soft bounces (the default), or nothing. The
 * facts of such a bounce are kept with it (mtrk_bounce_facts_message). Automatic suppressions caused by bounces may expire after a
 * period the tenant opts into (mtrk_bounce_expiry_set,
 * mtrk_suppression_expire); a suppression a person added never expires.
 *
 * Strings read from the structs here are borrowed from the tenant handle
 * (common.h: valid through the handle's next call).
 */
#ifndef MTRK_REPUTATION_H
#define MTRK_REPUTATION_H

#include "bounce.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- reputation guards ---------------------------------------------------- */

/** Default rolling window of the guards: 24 hours (Gmail Postmaster Tools reports spam rate per day). */
#define MTRK_REPUTATION_DEFAULT_WINDOW_MS INT64_C(86400000)
/** Shortest window (one hourly bucket). */
#define MTRK_REPUTATION_MIN_WINDOW_MS INT64_C(3600000)
/** Longest window: 31 days. */
#define MTRK_REPUTATION_MAX_WINDOW_MS (INT64_C(31) * INT64_C(86400000))

/** Where a scope's figures stand against its thresholds. Appended only. */
typedef enum mtrk_reputation_level {
    MTRK_REPUTATION_OK = 0,      /**< under every warning threshold, or too little volume to judge */
    MTRK_REPUTATION_WARNING = 1, /**< a warning threshold reached */
    MTRK_REPUTATION_PAUSED = 2   /**< a pause threshold reached: the scope's sending is paused until resumed */
} mtrk_reputation_level;
/** Static name of a level ("ok", "warning", "paused"), or NULL if out of range. */
MTRK_API const char *mtrk_reputation_level_name(mtrk_reputation_level level);

#define MTRK_REPUTATION_SETTINGS_VERSION 1 /**< Current version of mtrk_reputation_settings */
/**
 * A tenant's guard settings. Rates are fractions (0.003 is 0.3 %), stored to
 * the millionth; a threshold of 0 is off. A warning threshold above its pause
 * threshold is refused. The defaults (MTRK_REPUTATION_SETTINGS_INIT) come
 * from the providers' published limits: docs/bounces.md cites them.
 */
typedef struct mtrk_reputation_settings {
    unsigned int version;   /**< MTRK_REPUTATION_SETTINGS_VERSION or older */
    int64_t window_ms;      /**< rolling window, MTRK_REPUTATION_MIN_WINDOW_MS..MTRK_REPUTATION_MAX_WINDOW_MS; default 24 h */
    uint64_t min_sent;      /**< fewer sent messages in the window than this: level ok (too little to judge); default 1000 */
    double complaint_warn;  /**< complaint rate that warns; default 0.001 (0.1 %) */
    double complaint_pause; /**< complaint rate that pauses; default 0.003 (0.3 %) */
    double bounce_warn;     /**< bounce rate that warns; default 0.05 (5 %) */
    double bounce_pause;    /**< bounce rate that pauses; default 0.10 (10 %) */
} mtrk_reputation_settings;
/** Initializer of a mtrk_reputation_settings at its current version, with the defaults */
#define MTRK_REPUTATION_SETTINGS_INIT \
    { MTRK_REPUTATION_SETTINGS_VERSION, MTRK_REPUTATION_DEFAULT_WINDOW_MS, 1000, 0.001, 0.003, 0.05, 0.10 }
/** Fills *s with the defaults for `version`. MTRK_EINVAL for NULL, MTRK_EVERSION for an unknown version. */
MTRK_API int mtrk_reputation_settings_init(mtrk_reputation_settings *s, unsigned int version);
/**
 * Reads the tenant's guard settings into *out (out->version set by the
 * caller; the defaults when none were set). MTRK_EINVAL, MTRK_EVERSION, or a
 * storage error.
 */
MTRK_API int mtrk_reputation_settings_get(mtrk_reputation_settings *out, mtrk_tenant *tenant);
/**
 * Replaces the tenant's guard settings (audited "reputation.settings" with
 * the old and new values). Takes effect at the next check. Returns
 * MTRK_EINVAL naming the field (window out of range, a rate negative, not a
 * number or over 1, a warning threshold above its pause threshold),
 * MTRK_EVERSION, or a storage error; nothing is written then.
 */
MTRK_API int mtrk_reputation_settings_set(mtrk_tenant *tenant, const mtrk_reputation_settings *settings);

#define MTRK_REPUTATION_VERSION 1 /**< Current version of mtrk_reputation */
/**
 * The figures of one scope: the whole tenant (domain "") or one sending
 * domain. Counts are events in the window's hourly rollups: sent, delivered,
 * bounce (hard and soft) and complaint events. complaint_rate is complaints
 * over delivered (over sent when no delivery was reported in the window);
 * bounce_rate is bounces over sent; both 0 without a denominator.
 */
typedef struct mtrk_reputation {
    unsigned int version;          /**< MTRK_REPUTATION_VERSION or older */
    const char *domain;            /**< "" for the tenant, else the sending domain (borrowed from the handle) */
    mtrk_time window_from;         /**< first hour counted (Unix ms): the window's start, or the first whole hour after a resume */
    mtrk_time window_to;           /**< the time of the reading */
    uint64_t sent;                 /**< sent events in the window */
    uint64_t delivered;            /**< delivered events in the window */
    uint64_t bounces;              /**< bounce events in the window */
    uint64_t complaints;           /**< complaint events in the window */
    double complaint_rate;         /**< see above */
    double bounce_rate;            /**< see above */
    mtrk_reputation_level level;   /**< what the figures reach now (never paused below min_sent) */
    mtrk_reputation_level state;   /**< the stored state: paused stays until mtrk_reputation_resume */
    mtrk_time changed_at;          /**< when the state last changed (0: never) */
} mtrk_reputation;
/** Initializer of a mtrk_reputation at its current version */
#define MTRK_REPUTATION_INIT \
    { MTRK_REPUTATION_VERSION, "", 0, 0, 0, 0, 0, 0, 0.0, 0.0, MTRK_REPUTATION_OK, MTRK_REPUTATION_OK, 0 }
/** Fills *r with the defaults for `version`. MTRK_EINVAL for NULL, MTRK_EVERSION for an unknown version. */
MTRK_API int mtrk_reputation_init(mtrk_reputation *r, unsigned int version);

/**
 * Reads the figures of one scope now, without changing anything: domain NULL
 * or "" for the tenant, else a sending domain (compared without case).
 * out->version set by the caller. A domain no campaign sends from gives
 * zeros. MTRK_EINVAL (NULL out, a domain that is not a domain: empty labels,
 * spaces, "@", over 253 octets), MTRK_EENCODING (not UTF-8), MTRK_EVERSION,
 * or a storage error.
 */
MTRK_API int mtrk_reputation_get(mtrk_reputation *out, mtrk_tenant *tenant, const char *domain);
/**
 * The figures of every scope: the tenant first, then each sending domain (of
 * any campaign, and any domain with a stored state) in byte order. Fills
 * outs[0..min(cap, total)) (each out's version set by the caller) and sets
 * *out_count to the total. MTRK_EINVAL (NULL out_count, NULL outs with
 * cap > 0), MTRK_EVERSION, or a storage error.
 */
MTRK_API int mtrk_reputation_list(mtrk_reputation *const *outs, size_t cap, size_t *out_count, mtrk_tenant *tenant);
/**
 * Checks every scope now, in one transaction: a scope reaching a pause
 * threshold is paused (its sending campaigns paused, audited
 * "reputation.pause" with the figures and thresholds; each campaign audited
 * "campaign.status"); reaching a warning threshold from ok is audited
 * "reputation.warning"; falling back from warning to ok, "reputation.clear".
 * A paused scope stays paused. *out_paused (may be NULL) receives the number
 * of scopes paused by this call. A storage error leaves nothing changed.
 */
MTRK_API int mtrk_reputation_check(size_t *out_paused, mtrk_tenant *tenant);
/**
 * Lifts the pause of a scope (domain NULL or "" for the tenant), audited
 * "reputation.resume" with the figures at that moment. The campaigns the
 * pause stopped go back to sending, unless another paused scope covers them
 * (they then wait for that one) or they were changed since; *out_resumed
 * (may be NULL) counts them. The scope's figures then count from the first
 * whole hour after the resume. One transaction. MTRK_ESTATE if the scope is
 * not paused, MTRK_EINVAL for a bad domain, or a storage error.
 */
MTRK_API int mtrk_reputation_resume(size_t *out_resumed, mtrk_tenant *tenant, const char *domain);

/* ---- bounce policies -------------------------------------------------------- */

/** What a bounce of a reason does when recorded with its reason (docs/bounces.md). Appended only. */
typedef enum mtrk_bounce_action {
    MTRK_BOUNCE_ACTION_DEFAULT = 0,  /**< the reason's kind decides: hard suppresses at once; soft counts towards a run (soft_limit, or the tenant's soft-bounce threshold) */
    MTRK_BOUNCE_ACTION_SUPPRESS = 1, /**< recorded as a hard bounce: message and contact bounced, address suppressed at once */
    MTRK_BOUNCE_ACTION_IGNORE = 2    /**< no effect: mtrk_bounce_record records nothing; an event with facts is recorded with kind none */
} mtrk_bounce_action;
/** Static name ("default", "suppress", "ignore"), or NULL if out of range. */
MTRK_API const char *mtrk_bounce_action_name(mtrk_bounce_action action);
/** Parses an action's name into *out; MTRK_EINVAL for NULL or an unknown name. */
MTRK_API int mtrk_bounce_action_from_name(mtrk_bounce_action *out, const char *name);

#define MTRK_BOUNCE_POLICY_VERSION 1 /**< Current version of mtrk_bounce_policy */
/** A tenant's policy for one bounce reason. */
typedef struct mtrk_bounce_policy {
    unsigned int version;       /**< MTRK_BOUNCE_POLICY_VERSION or older */
    mtrk_bounce_reason reason;  /**< the reason it applies to */
    mtrk_bounce_action action;  /**< what a bounce of that reason does */
    uint32_t soft_limit;        /**< with the default action and a soft reason: the consecutive soft bounces (this one included, no delivery between, by event time) that suppress; 0: the tenant's soft-bounce threshold alone */
} mtrk_bounce_policy;
/** Initializer of a mtrk_bounce_policy at its current version: the default policy */
#define MTRK_BOUNCE_POLICY_INIT { MTRK_BOUNCE_POLICY_VERSION, MTRK_BR_UNDETERMINED, MTRK_BOUNCE_ACTION_DEFAULT, 0 }
/** Fills *p with the defaults for `version`. MTRK_EINVAL for NULL, MTRK_EVERSION for an unknown version. */
MTRK_API int mtrk_bounce_policy_init(mtrk_bounce_policy *p, unsigned int version);
/**
 * Reads the tenant's policy for `reason` into *out (out->version set by the
 * caller; the default policy when none was set). MTRK_EINVAL for NULL or a
 * reason out of range, MTRK_EVERSION, or a storage error.
 */
MTRK_API int mtrk_bounce_policy_get(mtrk_bounce_policy *out, mtrk_tenant *tenant, mtrk_bounce_reason reason);
/**
 * Sets the tenant's policy for policy->reason (audited "bounce.policy" with
 * the old and new policy). MTRK_EINVAL for a reason or action out of range,
 * a soft_limit with an action other than default or over 1000, or
 * not_a_bounce with the suppress action; MTRK_EVERSION; or a storage error.
 */
MTRK_API int mtrk_bounce_policy_set(mtrk_tenant *tenant, const mtrk_bounce_policy *policy);

/**
 * Records one parsed bounce result (mtrk_bounce_report_get) as a bounce
 * event of r->mid under the tenant's policy for r->reason, in one
 * transaction: ignore (or a not_a_bounce result) records nothing; suppress
 * records a hard bounce; default records the reason's kind, and a soft
 * bounce completing a run of the policy's soft_limit is recorded as hard.
 * Every address suppression the bounce causes is audited "bounce.suppress"
 * with the reason, the policy, what made it (the policy, the reason's kind
 * or the tenant's soft-bounce threshold) and the event. occurred_at
 * 0 means now; provider and provider_event_id (may be NULL) give the
 * idempotency key as for mtrk_event_record. *out (may be NULL; its version
 * set by the caller) receives the event's outcome, *out_action (may be NULL)
 * the action applied. MTRK_EINVAL (NULL r, nil mid), MTRK_ENOTFOUND (no such
 * message in this tenant), the codes of mtrk_event_record, or a storage
 * error; nothing is written then.
 */
MTRK_API int mtrk_bounce_record(mtrk_event_outcome *out, mtrk_bounce_action *out_action, mtrk_tenant *tenant,
                                const mtrk_bounce_recipient *r, mtrk_time occurred_at, const char *provider,
                                const char *provider_event_id);

/* ---- bounce facts of recorded events ----------------------------------------- */

/** What made a bounce with facts count as hard (mtrk_bounce_fact.hard_by). Appended only. */
typedef enum mtrk_bounce_hard_by {
    MTRK_BOUNCE_HARD_BY_NONE = 0,      /**< not hard: a soft bounce, or none (ignored, not_a_bounce) */
    MTRK_BOUNCE_HARD_BY_POLICY = 1,    /**< the tenant's policy: suppress, or its soft_limit reached */
    MTRK_BOUNCE_HARD_BY_KIND = 2,      /**< the reason is a hard one (mtrk_bounce_reason_kind) */
    MTRK_BOUNCE_HARD_BY_THRESHOLD = 3  /**< the tenant's soft-bounce threshold reached */
} mtrk_bounce_hard_by;
/** Static name ("none", "policy", "kind", "threshold"), or NULL if out of range. */
MTRK_API const char *mtrk_bounce_hard_by_name(mtrk_bounce_hard_by by);

#define MTRK_BOUNCE_FACT_VERSION 1 /**< Current version of mtrk_bounce_fact */
/**
 * The facts of one bounce event recorded with them (mtrk_event_input
 * version 2, provider webhooks). Strings are the tenant handle's (common.h):
 * valid through the next call on the tenant; NULL when absent.
 */
typedef struct mtrk_bounce_fact {
    unsigned int version;          /**< MTRK_BOUNCE_FACT_VERSION or older */
    mtrk_id event;                 /**< the bounce event */
    mtrk_id mid;                   /**< its message */
    mtrk_id campaign;              /**< the message's campaign */
    mtrk_time occurred_at;         /**< the event's time */
    mtrk_bounce_reason reason;     /**< the reason given, or classified from the status, code and text */
    mtrk_bounce_kind given_kind;   /**< the input's bounce_kind */
    mtrk_bounce_kind kind;         /**< the kind recorded: the reason's, after the policy (NONE: no effect) */
    mtrk_bounce_action action;     /**< the tenant's policy for the reason when it was recorded */
    mtrk_bounce_hard_by hard_by;   /**< what made it hard, if it was */
    int smtp_code;                 /**< SMTP reply code; 0 unknown */
    const char *status;            /**< RFC 3463 enhanced status code, or NULL */
    const char *bounce_type;       /**< the provider's own bounce type, or NULL */
    const char *bounce_subtype;    /**< the provider's own subtype or class, or NULL */
    const char *provider;          /**< the event's provider, or NULL */
    const char *diagnostic;        /**< the event's diagnostic, or NULL (NULL once scrubbed) */
} mtrk_bounce_fact;
/** Initializer of a mtrk_bounce_fact at its current version */
#define MTRK_BOUNCE_FACT_INIT \
    { MTRK_BOUNCE_FACT_VERSION, { { 0 } }, { { 0 } }, { { 0 } }, 0, MTRK_BR_UNDETERMINED, MTRK_BOUNCE_NONE, \
      MTRK_BOUNCE_NONE, MTRK_BOUNCE_ACTION_DEFAULT, MTRK_BOUNCE_HARD_BY_NONE, 0, NULL, NULL, NULL, NULL, NULL }
/** Fills *f with the defaults for `version`. MTRK_EINVAL for NULL, MTRK_EVERSION for an unknown version. */
MTRK_API int mtrk_bounce_fact_init(mtrk_bounce_fact *f, unsigned int version);
/**
 * The bounce facts of message `mid`, in event-time order: up to cap into
 * outs (each non-NULL with its version set; outs may be NULL when cap is
 * 0), their number into *out_count. A bounce recorded without facts has
 * none. Returns MTRK_EINVAL (out_count NULL, outs NULL with cap > 0, a nil
 * mid), MTRK_EVERSION, MTRK_ENOTFOUND (no such message in this tenant), or
 * a storage error.
 */
MTRK_API int mtrk_bounce_facts_message(mtrk_bounce_fact *const *outs, size_t cap, size_t *out_count,
                                       mtrk_tenant *tenant, mtrk_id mid);
/**
 * Counts the bounce events with facts of `campaign` by reason: out[r]
 * receives the count of reason r for every r below nreasons (pass
 * MTRK_BOUNCE_REASON_COUNT as the caller was compiled; a reason this
 * library does not know is 0, one the caller has no slot for is left out).
 * Returns MTRK_EINVAL (out NULL, nreasons 0 or over 1024, a nil campaign),
 * MTRK_ENOTFOUND (no such campaign), or a storage error; out is zeroed on
 * failure.
 */
MTRK_API int mtrk_bounce_reason_counts(uint64_t *out, size_t nreasons, mtrk_tenant *tenant, mtrk_id campaign);

/**
 * Opts the tenant into the expiry of automatic bounce suppressions: a
 * suppression added by a hard bounce event expires `period_ms` after it was
 * made (0: never, the default). Suppressions added by a person, by a
 * complaint or by erasure never expire. Audited "bounce.expiry".
 * MTRK_EINVAL for a negative period, or a storage error.
 */
MTRK_API int mtrk_bounce_expiry_set(mtrk_tenant *tenant, int64_t period_ms);
/** Reads the tenant's expiry period into *out_ms (0: never). MTRK_EINVAL for NULL, or a storage error. */
MTRK_API int mtrk_bounce_expiry_get(int64_t *out_ms, mtrk_tenant *tenant);
/**
 * Removes the automatic bounce suppressions whose period has passed, each
 * audited "suppression.expire" with its address key and the event that made
 * it; a contact whose status is bounced by that address goes back to active.
 * Does nothing when the tenant has no expiry. *out_expired (may be NULL)
 * counts them. One transaction; a storage error leaves nothing changed.
 */
MTRK_API int mtrk_suppression_expire(uint64_t *out_expired, mtrk_tenant *tenant);

#ifdef __cplusplus
}
#endif
#endif
