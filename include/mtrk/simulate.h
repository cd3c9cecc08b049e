/**
 * @file mtrk/simulate.h
 *
 * mtrk — the seeded campaign simulator.
 *
 * Turns a campaign's messages into a realistic stream of provider events and
 * feeds it through the normal recording path (mtrk_event_record_batch), so
 * every rule, rollup and metric applies exactly as for real traffic. Meant for
 * demos, load and report testing; never for a tenant that sends real mail.
 *
 * Determinism: the same options (seed included) on the same data produce the
 * same events: every random draw comes from the simulator's own generator,
 * seeded per message from (seed, the message's ordinal in mid order); every
 * time is derived from options.start. Provider event ids are
 * "sim:<seed>:<mid>:<n>", so a second run with the same seed records only
 * duplicates, and a simulated duplicate is a real duplicate.
 */
#ifndef MTRK_SIMULATE_H
#define MTRK_SIMULATE_H

#include "event.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The weight of one link in the click draw. Passed in an array whose element
 * size travels with it (mtrk_sim_options.link_weight_size): members are only
 * ever appended, and the library reads those a caller's size covers.
 */
typedef struct mtrk_sim_link_weight {
    mtrk_id lid;   /**< a link of the campaign */
    double weight; /**< >= 0; relative to the other links' weights */
} mtrk_sim_link_weight;

#define MTRK_SIM_OPTIONS_VERSION 1 /**< Current version of mtrk_sim_options (its version member) */
/**
 * Simulation options. Rates and shares are probabilities in [0, 1]:
 *  - per sent message, exclusive: hard_bounce_rate, soft_bounce_rate (one
 *    soft bounce, never delivered), delivery_rate (an explicit delivered
 *    event); the rest stays "sent" with no report. Their sum must be <= 1.
 *  - per delivered message: open_rate (a human opener), click_rate (a human
 *    clicker; drawn among openers when click_rate <= open_rate),
 *    complaint_rate, unsubscribe_rate (campaign scope, through the link),
 *    machine_open_share (a privacy-proxy prefetch open soon after delivery),
 *    scanner_click_share (a link scanner clicking every link).
 *  - lead_rate: per human clicker, a landing-page form submission
 *    (mtrk_lead_capture with the message's mid), only when the campaign has
 *    a landing page.
 *  - duplicate_share: per event, the provider sends it a second time (same
 *    provider event id); out_of_order_share: per adjacent pair of a
 *    message's events, the later one arrives first.
 */
typedef struct mtrk_sim_options {
    unsigned int version; /**< MTRK_SIM_OPTIONS_VERSION or an older version */
    uint64_t seed; /**< the seed: the same seed on the same data gives the same events */
    mtrk_time start;              /**< first send time (Unix ms); 0: the db's now */
    double delivery_rate; /**< per sent message: an explicit delivered event */
    double hard_bounce_rate; /**< per sent message: a hard bounce */
    double soft_bounce_rate; /**< per sent message: one soft bounce, never delivered */
    double open_rate; /**< per delivered message: a human opener */
    double click_rate; /**< per delivered message: a human clicker */
    double complaint_rate; /**< per delivered message: a complaint */
    double unsubscribe_rate; /**< per delivered message: an unsubscribe (campaign scope, through the link) */
    double lead_rate; /**< per human clicker: a landing-page form submission */
    double machine_open_share; /**< per delivered message: a privacy-proxy open soon after delivery */
    double scanner_click_share; /**< per delivered message: a link scanner clicking every link */
    double duplicate_share; /**< per event: sent a second time with the same provider event id */
    double out_of_order_share; /**< per adjacent pair of a message's events: the later one arrives first */
    /**
     * Click weights by link; NULL (nlink_weights 0): "by position", the link
     * at position rank r (0-based, in position order) weighs 1 / (r + 1).
     * Links of the campaign not listed weigh 0. At least one weight > 0.
     */
    const mtrk_sim_link_weight *link_weights;
    size_t nlink_weights; /**< number of entries in link_weights */
    /** sizeof(mtrk_sim_link_weight) as the caller compiled it: the stride of
     * link_weights (set by the INIT macro and the init function). */
    size_t link_weight_size;
    /** Opens and clicks follow delivery after an exponential delay with this
     * half-life (hours, > 0), folded into spread_hours (> 0). */
    double half_life_hours;
    double spread_hours; /**< the window (hours, > 0) that opens and clicks fall into */
    /** Gap between two consecutive sends (ms, >= 0). */
    int64_t send_interval_ms;
} mtrk_sim_options;
/** Initializer of a mtrk_sim_options at its current version, with the defaults */
#define MTRK_SIM_OPTIONS_INIT \
    { MTRK_SIM_OPTIONS_VERSION, 1, 0, 0.95, 0.02, 0.02, 0.35, 0.08, 0.001, 0.005, 0.2, 0.1, 0.03, 0.02, 0.05, \
      NULL, 0, sizeof(mtrk_sim_link_weight), 4.0, 72.0, 50 }
/**
 * Defaults (MTRK_SIM_OPTIONS_INIT): seed 1, start now, delivery 0.95, hard
 * 0.02, soft 0.02, open 0.35, click 0.08, complaint 0.001, unsubscribe 0.005,
 * lead 0.2, machine opens 0.1, scanner clicks 0.03, duplicates 0.02, out of
 * order 0.05, weights by position, half-life 4 h over 72 h, 50 ms between
 * sends. MTRK_EVERSION for an unknown version.
 */
MTRK_API int mtrk_sim_options_init(mtrk_sim_options *options, unsigned int version);

#define MTRK_SIM_REPORT_VERSION 1 /**< Current version of mtrk_sim_report (its version member) */
/** What a simulation did. Event counts are of events submitted, by type. */
typedef struct mtrk_sim_report {
    unsigned int version; /**< MTRK_SIM_REPORT_VERSION or an older version */
    uint64_t claimed;          /**< messages claimed from the queue */
    uint64_t canceled;         /**< messages the claim canceled (no longer eligible) */
    uint64_t marked_sent;      /**< messages this run marked sent */
    uint64_t messages;         /**< sent messages simulated */
    uint64_t delivered;        /**< delivered events */
    uint64_t hard_bounces; /**< hard bounce events */
    uint64_t soft_bounces; /**< soft bounce events */
    uint64_t opens;            /**< human open events */
    uint64_t machine_opens; /**< machine (privacy proxy) open events */
    uint64_t clicks;           /**< human click events */
    uint64_t scanner_clicks; /**< machine (link scanner) click events */
    uint64_t complaints; /**< complaint events */
    uint64_t unsubscribes; /**< unsubscribe events */
    uint64_t duplicates_sent;  /**< events submitted a second time */
    uint64_t reordered;        /**< events submitted before an earlier one */
    uint64_t submitted;        /**< events handed to mtrk_event_record_batch */
    uint64_t recorded;         /**< of those, new events */
    uint64_t duplicates;       /**< of those, duplicates the core recognised */
    uint64_t refused;          /**< of those, refused by the core (an error outcome) */
    uint64_t leads;            /**< leads captured (new) */
    uint64_t leads_duplicate;  /**< lead captures that were repeats */
} mtrk_sim_report;
/** Initializer of a mtrk_sim_report at its current version, with the defaults */
#define MTRK_SIM_REPORT_INIT \
    { MTRK_SIM_REPORT_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/** Fills *report with zeros for `version`. MTRK_EVERSION if unknown. */
MTRK_API int mtrk_sim_report_init(mtrk_sim_report *report, unsigned int version);

/**
 * Simulates `campaign`. When it is sending, first claims every queued message
 * (mtrk_queue_claim) and marks it sent (mtrk_queue_mark_sent, provider "sim")
 * at start + k * send_interval_ms; then, in mid order and in bounded pages,
 * simulates every message that has been sent (by this run or before), with
 * provider "sim". Each call that writes is its own transaction: a failure
 * part-way keeps what was recorded before it (a re-run with the same seed
 * completes it, recording only what is missing). report (may be NULL;
 * version set) receives the counts, also on failure.
 * Returns MTRK_EINVAL / MTRK_EVERSION (options, naming the field),
 * MTRK_ENOTFOUND (campaign), or the first error of an underlying call.
 */
MTRK_API int mtrk_simulate(mtrk_sim_report *report, mtrk_tenant *tenant, mtrk_id campaign,
                           const mtrk_sim_options *options);

#ifdef __cplusplus
}
#endif
#endif
