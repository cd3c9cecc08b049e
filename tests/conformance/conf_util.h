/*
 * Small helpers shared by the campaign, generation, event, metrics, lead and
 * workload conformance tests. Public API only. Every helper asserts its own
 * calls (a failure fails the calling test with the library's message).
 */
#ifndef CONF_UTIL_H
#define CONF_UTIL_H

#include "harness.h"

#define CONF_HOUR INT64_C(3600000)
#define CONF_MIN INT64_C(60000)

/* Asserts two ids are equal / different. */
#define CONF_ID_EQ(a, b) assert_int_equal(mtrk_id_compare((a), (b)), 0)
#define CONF_ID_NE(a, b) assert_int_not_equal(mtrk_id_compare((a), (b)), 0)

/*
 * Zeroes a versioned struct and sets its version. (The public *_INIT macros
 * that list only the version trigger -Wmissing-field-initializers under
 * -Wextra, so the tests do not use them.)
 */
#define CONF_INIT(var, ver)                   \
    do {                                      \
        memset(&(var), 0, sizeof(var));       \
        (var).version = (ver);                \
    } while (0)

/* An id no tenant holds (a fresh random v7 id). */
mtrk_id conf_unknown_id(void);

/* Fills *s with a valid campaign spec (static strings). */
void conf_spec(mtrk_campaign_spec *s);
/* Creates a draft campaign from conf_spec with the given name. */
mtrk_id conf_campaign_new(mtrk_tenant *t, const char *name);
/* Moves a draft campaign to `status` along allowed transitions
 * (scheduled, sending, sent, canceled, or paused from sending). */
void conf_campaign_to(mtrk_tenant *t, mtrk_id campaign, mtrk_campaign_status status);
mtrk_campaign_status conf_campaign_status(mtrk_tenant *t, mtrk_id campaign);

mtrk_id conf_contact_new(mtrk_tenant *t, const char *address);
mtrk_id conf_audience_new(mtrk_tenant *t, const char *name);
void conf_member(mtrk_tenant *t, mtrk_id audience, mtrk_id contact);
void conf_attach(mtrk_tenant *t, mtrk_id campaign, mtrk_id audience);
mtrk_id conf_link_new(mtrk_tenant *t, mtrk_id campaign, const char *url, uint32_t position);

/* The message state by mid / by (campaign, contact). */
mtrk_message_info conf_msg(mtrk_tenant *t, mtrk_id mid);
mtrk_message_info conf_msg_of(mtrk_tenant *t, mtrk_id campaign, mtrk_id contact);
/* 1 if (campaign, contact) has a message, 0 if MTRK_ENOTFOUND. */
int conf_has_msg(mtrk_tenant *t, mtrk_id campaign, mtrk_id contact);
mtrk_contact_status conf_contact_status(mtrk_tenant *t, mtrk_id contact);

mtrk_metrics conf_metrics(mtrk_tenant *t, mtrk_id campaign);
/* Asserts every counter and rate of two metrics is equal, naming the field. */
void conf_metrics_assert_equal(const mtrk_metrics *expected, const mtrk_metrics *got);

/* An event input of `type` on `mid` at `at`, everything else default. */
void conf_ev_init(mtrk_event_input *in, mtrk_event_type type, mtrk_id mid, mtrk_time at);
/* Records in[0..n) with one mtrk_event_record_batch, outcome i in oc[i]
 * (initialised here); the call's result, *recorded (may be NULL) its count. */
int conf_record_batch(size_t *recorded, mtrk_event_outcome *oc, mtrk_tenant *t, const mtrk_event_input *in, size_t n);
/* Records an event; returns the status (outcome to *out if out != NULL). */
int conf_ev(mtrk_event_outcome *out, mtrk_tenant *t, mtrk_event_type type, mtrk_id mid, mtrk_time at);
/* Records a click on lid at `at`. */
int conf_click(mtrk_event_outcome *out, mtrk_tenant *t, mtrk_id mid, mtrk_id lid, mtrk_time at);
/* Records a bounce of kind at `at`. */
int conf_bounce(mtrk_event_outcome *out, mtrk_tenant *t, mtrk_id mid, mtrk_bounce_kind kind, mtrk_time at);
/* Reads the effects bits of a stored event (by walking the message's events). */
uint32_t conf_event_effects(mtrk_tenant *t, mtrk_id mid, mtrk_id event_id);
/* Number of events of a message / of a campaign. */
size_t conf_count_message_events(mtrk_tenant *t, mtrk_id mid);
size_t conf_count_campaign_events(mtrk_tenant *t, mtrk_id campaign);

/* Number of audit entries with `action` (and entity, unless nil). */
size_t conf_count_audit(mtrk_tenant *t, const char *action, mtrk_id entity);
/* Number of campaigns of the tenant. */
size_t conf_count_campaigns(mtrk_tenant *t);
/* 1 if the contact has an unsubscribe rule (scope, scope_id); *source if non-NULL. */
int conf_has_unsub(mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id,
                   mtrk_source *source);
/* The suppression kind blocking address (0 if none). */
mtrk_suppression_kind conf_suppressed(mtrk_tenant *t, const char *address);

/*
 * A ready scenario: a campaign with one audience of n contacts
 * "<prefix><i>@example.com" (i = 0..n-1), nlinks links at positions 0..,
 * moved to sending and generated; contacts[i] and mids[i] match. With
 * send != 0 every message is claimed and marked sent at conf_clock_now().
 */
typedef struct conf_scn {
    mtrk_id campaign;
    mtrk_id audience;
    size_t n;
    mtrk_id *contacts;
    mtrk_id *mids;
    size_t nlinks;
    mtrk_id lids[8];
} conf_scn;
void conf_scn_build(conf_scn *s, mtrk_tenant *t, const char *prefix, size_t n, size_t nlinks, int send);
void conf_scn_free(conf_scn *s);

/* Asserts the report's internal totals agree (eligible = created + present, sum of reasons). */
void conf_report_consistent(const mtrk_generate_report *r);

/* A heap string of n copies of c (freed with free). */
char *conf_str(size_t n, char c);

#endif
