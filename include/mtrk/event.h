/**
 * @file mtrk/event.h
 *
 * mtrk — events (the immutable log of what happened to messages) and the
 * metrics rolled up from them.
 */
#ifndef MTRK_EVENT_H
#define MTRK_EVENT_H

#include "campaign.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The type of an event. */
typedef enum mtrk_event_type {
    MTRK_EV_SENT = 1, /**< the provider accepted the message */
    MTRK_EV_DELIVERED = 2, /**< the receiving server accepted the message */
    MTRK_EV_DEFERRED = 3,   /**< a temporary delay reported by the provider; no effect */
    MTRK_EV_OPEN = 4, /**< the message was opened (its pixel loaded) */
    MTRK_EV_CLICK = 5,      /**< names a link (lid) of the message's campaign */
    MTRK_EV_BOUNCE = 6,     /**< hard or soft (bounce_kind) */
    MTRK_EV_COMPLAINT = 7, /**< the recipient marked the message as spam */
    MTRK_EV_UNSUBSCRIBE = 8 /**< with its scope */
} mtrk_event_type;
/**
 * One more than the largest type this header knows. It grows when a type is
 * added, so it is never a layout shared with the library: pass it where a
 * call asks how many type slots the caller's array has (mtrk_metrics_hourly).
 */
#define MTRK_EV_TYPE_COUNT 9
/** Static name ("sent", "open", ...), or NULL if out of range. */
MTRK_API const char *mtrk_event_type_name(mtrk_event_type type);

/** Whether a bounce is permanent (hard) or temporary (soft). */
typedef enum mtrk_bounce_kind {
    MTRK_BOUNCE_NONE = 0, /**< not a bounce */
    MTRK_BOUNCE_HARD = 1, /**< permanent: the address does not accept mail */
    MTRK_BOUNCE_SOFT = 2 /**< temporary: counted as hard after the tenant's threshold */
} mtrk_bounce_kind;

/**
 * Why a message failed. Appended only, never renumbered; docs/bounces.md
 * defines each reason and the patterns that select it.
 */
typedef enum mtrk_bounce_reason {
    MTRK_BR_UNDETERMINED = 0,     /**< a failure whose cause could not be told (soft) */
    MTRK_BR_USER_UNKNOWN = 1,     /**< the mailbox does not exist (hard) */
    MTRK_BR_HOST_UNKNOWN = 2,     /**< the domain does not exist or takes no mail (hard) */
    MTRK_BR_MAILBOX_FULL = 3,     /**< over quota (soft) */
    MTRK_BR_MESSAGE_TOO_BIG = 4,  /**< over the receiver's size limit (soft) */
    MTRK_BR_CONTENT_REJECTED = 5, /**< content, attachment or virus refused (soft) */
    MTRK_BR_SPAM_DETECTED = 6,    /**< the message was judged spam (soft) */
    MTRK_BR_BLOCKED = 7,          /**< blocked by reputation or policy: blocklists, relaying, access rules (soft) */
    MTRK_BR_AUTH_FAILURE = 8,     /**< SPF, DKIM, DMARC, reverse DNS or ARC failed (soft) */
    MTRK_BR_RATE_LIMITED = 9,     /**< rate limited or too many connections (soft) */
    MTRK_BR_EXPIRED = 10,         /**< retries ran out before delivery (soft) */
    MTRK_BR_NETWORK_ERROR = 11,   /**< connection refused, timed out, TLS failed (soft) */
    MTRK_BR_SYSTEM_ERROR = 12,    /**< the receiving system failed or is misconfigured (soft) */
    MTRK_BR_SUSPENDED = 13,       /**< the mailbox exists but is disabled (hard) */
    MTRK_BR_HAS_MOVED = 14,       /**< the recipient moved to another address (hard) */
    MTRK_BR_ON_HOLD = 15,         /**< held: greylisted, quarantined, awaiting moderation (soft) */
    MTRK_BR_NOT_A_BOUNCE = 16     /**< an auto-reply, vacation notice, challenge or success report (no bounce) */
} mtrk_bounce_reason;
/** One more than the largest reason this header knows (grows when one is added). */
#define MTRK_BOUNCE_REASON_COUNT 17

/**
 * Whether an open or click was a person's or a machine's. An event recorded
 * with MTRK_VERDICT_AUTO (the default of MTRK_EVENT_INPUT_INIT and
 * mtrk_event_input_init) is judged by the tenant handle's machine rules
 * (mtrk_tenant_set_classifier): its user agent and IP, a click on a
 * honeypot link, and the host classifier; it is stored as human or machine
 * with the rule as its reason. An explicit human or machine is kept.
 */
typedef enum mtrk_verdict {
    MTRK_VERDICT_HUMAN = 0,   /**< a person: kept as given */
    MTRK_VERDICT_MACHINE = 1, /**< privacy proxy prefetch, link scanner, ...; counted apart */
    MTRK_VERDICT_AUTO = 2     /**< input only: judge it by the handle's machine rules (docs/tracking.md) */
} mtrk_verdict;

#define MTRK_EVENT_INPUT_VERSION 2 /**< Current version of mtrk_event_input (its version member) */
/** An event to record (mtrk_event_record, mtrk_event_record_batch), as a provider reports it. */
typedef struct mtrk_event_input {
    unsigned int version; /**< MTRK_EVENT_INPUT_VERSION or an older version */
    mtrk_event_type type; /**< the event's type; required */
    mtrk_id mid;                  /**< the message; required */
    mtrk_id lid;                  /**< clicks: a link of the message's campaign; else nil */
    mtrk_time occurred_at;        /**< when it happened (0: now) */
    const char *provider;         /**< optional; with provider_event_id, the idempotency key */
    const char *provider_event_id; /**< optional; the provider's id of this event, given with provider */
    const char *provider_message_id; /**< optional, the provider's id of the message */
    mtrk_bounce_kind bounce_kind; /**< bounces: hard or soft; else NONE */
    const char *diagnostic;       /**< bounces: diagnostic code, optional */
    const char *user_agent;       /**< optional; stored cleaned and cut to MTRK_MAX_USER_AGENT octets (docs/rules.md) */
    const char *ip;               /**< optional, <= MTRK_MAX_IP */
    mtrk_verdict verdict;         /**< opens and clicks: human, machine, or AUTO (the default: the handle's machine rules judge) */
    const char *verdict_reason;   /**< why machine, optional (AUTO: the rule that decided) */
    mtrk_unsub_scope unsub_scope; /**< unsubscribes: scope (0 means global) */
    mtrk_id unsub_audience;       /**< audience scope: the audience */
    mtrk_source unsub_source;     /**< unsubscribes: 0 means MTRK_SOURCE_LINK */
    /* ---- version 2: a bounce's facts (docs/bounces.md "Bounce facts on events") ---- */
    /** bounces: why it failed. With any fact of this version given, the bounce carries facts: the
     *  reason decides hard or soft (mtrk_bounce_reason_kind), the tenant's policy for it applies
     *  (mtrk_bounce_policy_set) and the facts are stored (mtrk_bounce_facts_message).
     *  MTRK_BR_UNDETERMINED with bounce_status or smtp_code given: mtrk_bounce_classify decides.
     *  None given: the event is recorded as version 1 records it (bounce_kind decides). */
    mtrk_bounce_reason bounce_reason;
    int smtp_code;                /**< bounces: the SMTP reply code (550); 0 unknown */
    const char *bounce_status;    /**< bounces: the RFC 3463 enhanced status code ("5.1.1"), or NULL */
    const char *bounce_type;      /**< bounces: the provider's own bounce type ("Permanent"), or NULL */
    const char *bounce_subtype;   /**< bounces: the provider's own subtype or class ("NoEmail"), or NULL */
} mtrk_event_input;
/** Initializer of a mtrk_event_input at its current version, with the defaults */
#define MTRK_EVENT_INPUT_INIT \
    { MTRK_EVENT_INPUT_VERSION, (mtrk_event_type)0, { { 0 } }, { { 0 } }, 0, NULL, NULL, NULL, MTRK_BOUNCE_NONE, NULL, NULL, NULL, MTRK_VERDICT_AUTO, NULL, (mtrk_unsub_scope)0, { { 0 } }, (mtrk_source)0, \
      MTRK_BR_UNDETERMINED, 0, NULL, NULL, NULL }
/**
 * Fills *input with the defaults of mtrk_event_input for `version` (1 to MTRK_EVENT_INPUT_VERSION),
 * for callers that cannot use MTRK_EVENT_INPUT_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for
 * an unknown version.
 */
MTRK_API int mtrk_event_input_init(mtrk_event_input *input, unsigned int version);

#define MTRK_EVENT_OUTCOME_VERSION 2 /**< Current version of mtrk_event_outcome (its version member) */
/**
 * What became of one event. Version 1: status, duplicate, event_id.
 * Version 2 appends conflict, dead_lettered, message and argument, so that
 * every item of a batch explains itself as a single call does.
 *
 * A repeat of a (provider, provider event id) pair already recorded is a
 * duplicate (a success, nothing changed) when it names the same mid and
 * type; with another mid or type it is a conflict, refused with
 * MTRK_EEXISTS (the provider reused an id, or the host mixed two streams).
 */
typedef struct mtrk_event_outcome {
    unsigned int version; /**< MTRK_EVENT_OUTCOME_VERSION or an older version */
    int status;       /**< 0 recorded or duplicate, else this event's error code */
    int duplicate;    /**< 1 if the (provider, provider event id) was seen: nothing changed */
    mtrk_id event_id; /**< the stored event (the earlier one for a duplicate or a conflict) */
    /* ---- version 2 ---- */
    int conflict;        /**< 1 when status is MTRK_EEXISTS: the pair was recorded with another mid or type */
    int dead_lettered;   /**< 1 when the event was kept aside, not recorded, because its message is not
                              known yet (provider webhooks); always 0 from mtrk_event_record(_batch) */
    const char *message;  /**< why the event was refused (the text mtrk_tenant_errmsg gives for a single
                               call), NULL when status is 0; borrowed from the tenant handle until the
                               call after next on it, or its close */
    const char *argument; /**< the field of mtrk_event_input at fault ("lid", "mid", "occurred_at", ...),
                               NULL when none or status is 0; static */
} mtrk_event_outcome;
/** Initializer of a mtrk_event_outcome at its current version, with the defaults */
#define MTRK_EVENT_OUTCOME_INIT { MTRK_EVENT_OUTCOME_VERSION, 0, 0, { { 0 } }, 0, 0, NULL, NULL }
/**
 * Fills *outcome with the defaults of mtrk_event_outcome for `version` (1 to
 * MTRK_EVENT_OUTCOME_VERSION), for callers that cannot use MTRK_EVENT_OUTCOME_INIT. A version-1
 * struct is shorter: nothing past its end is written. Returns MTRK_EINVAL for NULL, MTRK_EVERSION
 * for an unknown version.
 */
MTRK_API int mtrk_event_outcome_init(mtrk_event_outcome *outcome, unsigned int version);

/**
 * Records one event with its effects, in one transaction. A duplicate is a
 * success with out->duplicate = 1. out may be NULL. Returns the event's error
 * (MTRK_EINVAL, MTRK_ENOTFOUND for an unknown mid/lid/audience, ...) or a
 * storage error.
 */
MTRK_API int mtrk_event_record(mtrk_event_outcome *out, mtrk_tenant *tenant, const mtrk_event_input *event);

/**
 * Records n events in one transaction, judging each on its own: outcomes[i]
 * (each non-NULL, version set) says recorded, duplicate, or that event's error,
 * and a bad event does not reject the others. Returns 0 when the call itself
 * succeeded (even if some events were refused), or a storage/argument error,
 * in which case nothing of the call is kept. *out_recorded (may be NULL)
 * counts new events. The events arrive together (one arrival time) and are
 * judged as in the caller's order; their ids, which order events of the
 * same time, follow the order the batch writes them (docs/rules.md).
 */
MTRK_API int mtrk_event_record_batch(size_t *out_recorded, mtrk_event_outcome *const *outcomes,
                                     mtrk_tenant *tenant, const mtrk_event_input *const *events, size_t n);

/** Size of the buffer mtrk_event_content_key writes: "content:", 64 hex digits and the NUL. */
#define MTRK_EVENT_CONTENT_KEY_SIZE 73
/**
 * The idempotency key derived from an event's content, for inputs that carry
 * no provider event id of their own (the tool's `events ingest`, mtrkd's event
 * route): "content:" and the BLAKE2b-256, in lower-case hex, of every field of
 * `event` but provider_event_id, each tagged and length-prefixed (a NULL string
 * is left out; "" is not). The same content always gives the same key, so the
 * same input recorded again with it (and the provider it was derived with) is
 * a duplicate. Fields appended to mtrk_event_input by later versions enter the
 * hash only when they differ from their defaults, so a key never changes for
 * an input a version-1 caller can give. Pure: no handle, no clock.
 *
 * out has MTRK_EVENT_CONTENT_KEY_SIZE octets (NUL-terminated). Returns 0,
 * MTRK_EINVAL (out or event NULL) or MTRK_EVERSION (event->version unknown);
 * mtrk_last_errmsg() says why.
 */
MTRK_API int mtrk_event_content_key(char *out, const mtrk_event_input *event);

#define MTRK_EVENT_INFO_VERSION 1 /**< Current version of mtrk_event_info (its version member) */
/**
 * A stored event. Its strings are the tenant handle's (common.h): valid
 * through the next call on the tenant or its iterators, even after
 * mtrk_event_iter_free; copy them to keep them.
 */
typedef struct mtrk_event_info {
    unsigned int version; /**< MTRK_EVENT_INFO_VERSION or an older version */
    mtrk_id id; /**< the event's id */
    mtrk_event_type type; /**< the event's type */
    mtrk_id mid; /**< the message */
    mtrk_id campaign; /**< the message's campaign */
    mtrk_id contact; /**< the message's contact */
    mtrk_id lid; /**< clicks: the link; else nil */
    mtrk_time occurred_at; /**< when it happened */
    mtrk_time arrived_at; /**< when mtrk recorded it */
    const char *provider; /**< the provider, or NULL */
    const char *provider_event_id; /**< the provider's event id, or NULL */
    const char *provider_message_id; /**< the provider's message id, or NULL */
    mtrk_bounce_kind bounce_kind; /**< bounces: hard or soft; else MTRK_BOUNCE_NONE */
    const char *diagnostic; /**< bounces: the diagnostic, or NULL */
    const char *user_agent;  /**< NULL once scrubbed */
    const char *ip;          /**< NULL once scrubbed */
    mtrk_verdict verdict; /**< human or machine */
    const char *verdict_reason; /**< why machine, or NULL */
    mtrk_unsub_scope unsub_scope; /**< unsubscribes: the rule's scope */
    mtrk_id unsub_audience; /**< audience scope: the audience; else nil */
    uint32_t effects;        /**< MTRK_EFFECT_* bits: what this event changed */
} mtrk_event_info;
/** Initializer of a mtrk_event_info at its current version, with the defaults. */
#define MTRK_EVENT_INFO_INIT \
    { MTRK_EVENT_INFO_VERSION, { { 0 } }, (mtrk_event_type)0, { { 0 } }, { { 0 } }, { { 0 } }, { { 0 } }, 0, 0, NULL, NULL, NULL, MTRK_BOUNCE_NONE, NULL, NULL, NULL, MTRK_VERDICT_HUMAN, NULL, (mtrk_unsub_scope)0, { { 0 } }, 0 }
/**
 * Fills *info with the defaults of mtrk_event_info for `version` (1 to MTRK_EVENT_INFO_VERSION), for
 * callers that cannot use MTRK_EVENT_INFO_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for an
 * unknown version.
 */
MTRK_API int mtrk_event_info_init(mtrk_event_info *info, unsigned int version);

/* What an event changed (traced by the event itself). */
#define MTRK_EFFECT_MESSAGE_STATE     0x0001u /**< moved the message's delivery state */
#define MTRK_EFFECT_HARD_BOUNCE       0x0002u /**< counted as a hard bounce (also by soft threshold) */
#define MTRK_EFFECT_CONTACT_BOUNCED   0x0004u /**< set the contact's status to bounced */
#define MTRK_EFFECT_CONTACT_COMPLAINED 0x0008u /**< set the contact's status to complained */
#define MTRK_EFFECT_SUPPRESSED        0x0010u /**< put the address on the suppression list */
#define MTRK_EFFECT_UNSUB_RULE        0x0020u /**< created an unsubscribe rule */
#define MTRK_EFFECT_CANCELED_MESSAGES 0x0040u /**< canceled queued messages in scope */
#define MTRK_EFFECT_STATE_KEPT        0x0080u /**< would have moved the state back; state kept */
#define MTRK_EFFECT_SOFT_THRESHOLD    0x0100u /**< a soft bounce that reached the threshold */

/** An iterator over events (see the _iter_new functions). */
typedef struct mtrk_event_iter mtrk_event_iter;
/** Events of a message, in event-time order (ties by arrival). */
MTRK_API int mtrk_event_iter_message(mtrk_event_iter **out, mtrk_tenant *tenant, mtrk_id mid);
/** Events of a contact (its history across campaigns), in event-time order. */
MTRK_API int mtrk_event_iter_contact(mtrk_event_iter **out, mtrk_tenant *tenant, mtrk_id contact);
/**
 * Events of a campaign in event-time order, optionally of one type (0: all)
 * and within [from, to) (0: unbounded).
 */
MTRK_API int mtrk_event_iter_campaign(mtrk_event_iter **out, mtrk_tenant *tenant, mtrk_id campaign,
                                      mtrk_event_type type, mtrk_time from, mtrk_time to);
/**
 * Fills *out with the next event (out->version must be set). Returns 0,
 * MTRK_ITEROVER at the end, MTRK_EINVAL/MTRK_EVERSION for a bad out, or a
 * storage error.
 */
MTRK_API int mtrk_event_iter_next(mtrk_event_info *out, mtrk_event_iter *iter);
/**
 * Opaque cursor of the last item returned, for paging across calls: a later
 * iterator created with the same arguments and given this cursor resumes
 * after that item. out must hold MTRK_CURSOR_SIZE bytes. MTRK_CURSOR_SIZE
 * is fixed for the life of the ABI (callers size buffers with it): a cursor
 * that needs more room comes with new functions, never a larger constant.
 */
#define MTRK_CURSOR_SIZE 40
/**
 * Writes the iterator's position (the item last handed out) into out, for mtrk_event_iter_seek on a
 * later iterator over the same listing; before the first item, a cursor that restarts the listing.
 * Returns MTRK_EINVAL for NULL.
 */
MTRK_API int mtrk_event_iter_cursor(uint8_t out[MTRK_CURSOR_SIZE], const mtrk_event_iter *iter);
/** Positions iter after the cursor's item (a cursor taken before any item
 * restarts). MTRK_EINVAL for a cursor that is not an event cursor. */
MTRK_API int mtrk_event_iter_seek(mtrk_event_iter *iter, const uint8_t cursor[MTRK_CURSOR_SIZE]);
/** Frees the iterator (NULL-safe). */
MTRK_API void mtrk_event_iter_free(mtrk_event_iter *iter);

/* ------------------------------------------------------------------ */
/* Metrics (definitions in docs/metrics.md)                            */
/* ------------------------------------------------------------------ */
#define MTRK_METRICS_VERSION 1 /**< Current version of mtrk_metrics (its version member) */
/** A campaign's metrics, counted from its rollups (definitions in docs/metrics.md). */
typedef struct mtrk_metrics {
    unsigned int version; /**< MTRK_METRICS_VERSION or an older version */
    mtrk_id campaign; /**< the campaign */
    uint64_t messages;           /**< messages generated */
    uint64_t canceled;           /**< messages canceled before sending */
    uint64_t sent;               /**< messages sent */
    uint64_t delivered;          /**< explicit or implied by open/click; never bounced */
    uint64_t delivered_explicit; /**< with an explicit delivered event, not bounced */
    uint64_t bounced_hard;       /**< messages hard-bounced (incl. soft threshold) */
    uint64_t bounced_soft;       /**< messages with >= 1 soft bounce */
    uint64_t complaints;         /**< messages with >= 1 complaint */
    uint64_t unsubscribes;       /**< messages with >= 1 unsubscribe event */
    uint64_t opens_total;        /**< open events */
    uint64_t opens_unique;       /**< messages with >= 1 open event */
    uint64_t opens_unique_human; /**< messages with >= 1 human open */
    uint64_t opens_machine;      /**< machine open events */
    uint64_t opens_inferred;     /**< messages clicked but never opened */
    uint64_t clicks_total; /**< click events */
    uint64_t clicks_unique; /**< messages with >= 1 click event */
    uint64_t clicks_unique_human; /**< messages with >= 1 human click */
    uint64_t clicks_machine; /**< machine click events */
    uint64_t leads_total;        /**< leads captured for the campaign */
    uint64_t leads_attributed;   /**< leads attributed to a message */
    uint64_t leads_forwarded;    /**< attributed leads from another address */
    double delivery_rate;        /**< delivered / sent */
    double open_rate;            /**< opens_unique / delivered */
    double click_rate;           /**< clicks_unique / delivered */
    double click_to_open_rate;   /**< clicks_unique / opens_unique */
    double bounce_rate;          /**< bounced_hard / sent */
    double complaint_rate;       /**< complaints / delivered */
    double unsubscribe_rate;     /**< unsubscribes / delivered */
    double conversion_rate;      /**< leads_attributed / delivered */
} mtrk_metrics;
/** Initializer of a mtrk_metrics at its current version, with the defaults */
#define MTRK_METRICS_INIT \
    { MTRK_METRICS_VERSION, { { 0 } }, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/**
 * Fills *metrics with the defaults of mtrk_metrics for `version` (1 to MTRK_METRICS_VERSION), for
 * callers that cannot use MTRK_METRICS_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for an
 * unknown version.
 */
MTRK_API int mtrk_metrics_init(mtrk_metrics *metrics, unsigned int version);

/** A campaign's metrics from its rollups (out->version must be set). */
MTRK_API int mtrk_metrics_campaign(mtrk_metrics *out, mtrk_tenant *tenant, mtrk_id campaign);
/** Metrics of n campaigns side by side (outs[i]->version set); any unknown id fails the call. */
MTRK_API int mtrk_metrics_compare(mtrk_metrics *const *outs, mtrk_tenant *tenant, const mtrk_id *campaigns, size_t n);

#define MTRK_LINK_STATS_VERSION 1 /**< Current version of mtrk_link_stats (its version member) */
/** The click figures of one link of a campaign (mtrk_metrics_links). */
typedef struct mtrk_link_stats {
    unsigned int version; /**< MTRK_LINK_STATS_VERSION or an older version */
    mtrk_id lid; /**< the link */
    uint32_t position; /**< the link's position in the campaign (0-based) */
    uint64_t clicks;        /**< click events */
    uint64_t clicks_unique; /**< messages that clicked it */
    uint64_t clicks_unique_human; /**< messages that clicked it as a person (human verdict) */
    uint32_t rank;          /**< 1 = most unique clicks; ties share a rank */
    const char *url;        /**< the tenant handle's (common.h, borrowed strings) */
    const char *label;      /**< the link's label, borrowed like url; may be NULL */
} mtrk_link_stats;
/** Initializer of a mtrk_link_stats at its current version, with the defaults */
#define MTRK_LINK_STATS_INIT \
    { MTRK_LINK_STATS_VERSION, { { 0 } }, 0, 0, 0, 0, 0, NULL, NULL }
/**
 * Fills *stats with the defaults of mtrk_link_stats for `version` (1 to MTRK_LINK_STATS_VERSION), for
 * callers that cannot use MTRK_LINK_STATS_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for an
 * unknown version.
 */
MTRK_API int mtrk_link_stats_init(mtrk_link_stats *stats, unsigned int version);
/**
 * Per-link stats of a campaign ranked by unique clicks (then position):
 * up to cap into outs (each version set), the number of links into *out_count.
 */
MTRK_API int mtrk_metrics_links(mtrk_link_stats *const *outs, size_t cap, size_t *out_count,
                                mtrk_tenant *tenant, mtrk_id campaign);

/**
 * Hourly series: for hours [from, to) (Unix ms, truncated to the hour; at most
 * 24*366 hours), out[h * ntypes + type] receives the number of events of
 * `type` whose event time falls in hour h, for every type below ntypes
 * (out[h * ntypes + 0] is 0: types start at 1). ntypes is the number of type
 * slots per hour of the caller's layout: pass MTRK_EV_TYPE_COUNT as the
 * caller was compiled, so a library that knows more types still fills an
 * older caller's array exactly (the types it has no slot for are left out),
 * and a slot for a type this library does not know is 0. out must hold
 * cap >= hours * ntypes entries; *out_hours (may be NULL) receives hours.
 * Returns MTRK_EINVAL (out NULL, ntypes 0 or over 1024, cap too small, a bad
 * span, a nil campaign), MTRK_ENOTFOUND (no such campaign in this tenant),
 * or a storage error; out is zeroed on failure.
 */
MTRK_API int mtrk_metrics_hourly(uint64_t *out, size_t cap, size_t ntypes, size_t *out_hours, mtrk_tenant *tenant,
                                 mtrk_id campaign, mtrk_time from, mtrk_time to);

/**
 * The first hour of the campaign's hourly series that counts an event:
 * *out_hour (Unix ms, a whole hour) receives the start of the first hour at
 * or after the hour of `since` in which some event of the campaign
 * occurred, as mtrk_metrics_hourly counts them. For a dashboard's default
 * span (the campaign's first week, or whether its last week holds events)
 * without reading events: it reads the series' rollup, not the event log.
 * Returns MTRK_ITEROVER when no event occurred in or after that hour
 * (*out_hour 0), MTRK_EINVAL (out_hour NULL, since negative, a nil
 * campaign), MTRK_ENOTFOUND (no such campaign in this tenant), or a
 * storage error.
 */
MTRK_API int mtrk_metrics_first_hour(mtrk_time *out_hour, mtrk_tenant *tenant, mtrk_id campaign, mtrk_time since);

/**
 * Rebuilds every rollup of the tenant (campaign counters, link counters,
 * hourly series) from the raw event log in event-time order, ties by
 * arrival, and brings the messages' fact columns (flags, first-times, the
 * copy SQL readers see) up to date. Built aside, so that writers are not
 * blocked while it builds: the messages' columns a page of messages per
 * write transaction (each equal to what every reader already sees), the
 * rollups computed in one read transaction (a snapshot), then swapped in by
 * one short write transaction that also adds what was recorded meanwhile.
 * On failure the rollups are unchanged (some messages' fact columns may
 * have been refreshed). Returns MTRK_EBUSY when the swap's write lock is
 * not had within the store's busy timeout, or a storage error.
 */
MTRK_API int mtrk_metrics_rebuild(mtrk_tenant *tenant);

#ifdef __cplusplus
}
#endif
#endif
