/*
 * Conformance: retention of IPs and user agents.
 *
 * The contract (mtrk/contact.h "Retention", mtrk/event.h, docs/rules.md
 * "Events"): mtrk_retention_apply scrubs the IP and user agent of every event
 * of the tenant older than its retention period (relative to now) and counts
 * the events it changed; events stay (immutable apart from the scrubbed
 * personal fields); newer events keep theirs; other tenants are untouched.
 * Erasing a contact scrubs its events the same way.
 *
 * Events here are recorded with occurred_at = 0 (now), so event time and
 * arrival time agree and "older" is not ambiguous.
 */
#include "conf_build.h"
#include "conf_util.h"

#define DAY_MS INT64_C(86400000)

static void record_open(mtrk_tenant *t, mtrk_id mid, const char *ip, const char *ua)
{
    mtrk_event_input in;
    CONF_OK(mtrk_event_input_init(&in, MTRK_EVENT_INPUT_VERSION));
    in.type = MTRK_EV_OPEN;
    in.mid = mid;
    in.ip = ip;
    in.user_agent = ua;
    CONF_OK(mtrk_event_record(NULL, t, &in));
}

typedef struct open_seen {
    int n;
    mtrk_time at[8];
    char ip[8][MTRK_MAX_IP + 1];
    char ua[8][MTRK_MAX_USER_AGENT + 1];
    int has_ip[8], has_ua[8];
    int total; /* events of every type */
} open_seen;

static open_seen opens_of(mtrk_tenant *t, mtrk_id mid)
{
    open_seen r;
    memset(&r, 0, sizeof r);
    mtrk_event_iter *it = NULL;
    mtrk_event_info info;
    int rc;
    CONF_OK(mtrk_event_iter_message(&it, t, mid));
    for (;;) {
        CONF_OK(mtrk_event_info_init(&info, MTRK_EVENT_INFO_VERSION));
        rc = mtrk_event_iter_next(&info, it);
        if (rc != MTRK_OK)
            break;
        r.total++;
        if (info.type != MTRK_EV_OPEN)
            continue;
        assert_true(r.n < 8);
        r.at[r.n] = info.occurred_at;
        r.has_ip[r.n] = info.ip != NULL;
        r.has_ua[r.n] = info.user_agent != NULL;
        if (info.ip)
            snprintf(r.ip[r.n], sizeof r.ip[r.n], "%s", info.ip);
        if (info.user_agent)
            snprintf(r.ua[r.n], sizeof r.ua[r.n], "%s", info.user_agent);
        r.n++;
    }
    CONF_EXPECT(MTRK_ITEROVER, rc);
    mtrk_event_iter_free(it);
    return r;
}

static void set_retention(mtrk_tenant *t, int64_t ms)
{
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    CONF_OK(mtrk_tenant_settings_get(&s, t));
    s.retention_ms = ms;
    CONF_OK(mtrk_tenant_settings_set(t, &s));
}

static void test_retention_scrubs_ip_and_user_agent_of_old_events_only(void **state)
{
    conf_fixture *fx = *state;
    set_retention(fx->t, 10 * DAY_MS);
    mtrk_id mid = conf_sent_message(NULL, NULL, fx->t, "r@example.com");
    record_open(fx->t, mid, "203.0.113.7", "Mozilla/5.0 (old)");
    conf_clock_advance(5 * DAY_MS);
    record_open(fx->t, mid, "198.51.100.9", "Mozilla/5.0 (new)");
    conf_clock_advance(6 * DAY_MS); /* first open is 11 days old, second 6 */

    open_seen before = opens_of(fx->t, mid);
    assert_int_equal(before.n, 2);
    assert_true(before.has_ip[0] && before.has_ua[0]);

    uint64_t scrubbed = 99;
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 1);

    open_seen after = opens_of(fx->t, mid);
    assert_int_equal(after.n, 2);              /* events stay */
    assert_int_equal(after.total, before.total);
    assert_int_equal(after.at[0], CONF_T0);    /* the rest of the event is kept */
    assert_false(after.has_ip[0]);
    assert_false(after.has_ua[0]);
    assert_int_equal(after.at[1], CONF_T0 + 5 * DAY_MS);
    assert_true(after.has_ip[1]);
    assert_true(after.has_ua[1]);
    assert_string_equal(after.ip[1], "198.51.100.9");
    assert_string_equal(after.ua[1], "Mozilla/5.0 (new)");
}

/* Retention and the rebuild read a campaign's events a page at a time
 * (256 events), resuming after the last one read: an hour holding more
 * than three pages, recorded in batches that name their messages in
 * descending order, is scrubbed whole, each event once, and rebuilds to the
 * same figures and the same listing. */
static void test_retention_and_rebuild_page_through_a_full_hour(void **state)
{
    conf_fixture *fx = *state;
    set_retention(fx->t, 10 * DAY_MS);
    conf_scn s;
    conf_scn_build(&s, fx->t, "ph", 50, 0, 1);
    enum { ROUNDS = 17 }; /* 850 opens */
    mtrk_event_input in[50];
    mtrk_event_outcome oc[50];
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < 50; i++) {
            conf_ev_init(&in[i], MTRK_EV_OPEN, s.mids[49 - i], CONF_T0 + 10 * CONF_MIN + r);
            in[i].ip = "203.0.113.7";
            in[i].user_agent = "Mozilla/5.0";
        }
        size_t recorded = 0;
        CONF_OK(conf_record_batch(&recorded, oc, fx->t, in, 50));
        assert_int_equal(recorded, 50);
    }
    conf_clock_advance(11 * DAY_MS);
    mtrk_metrics before = conf_metrics(fx->t, s.campaign);
    assert_int_equal(before.opens_total, 50 * ROUNDS);
    enum { H = 4 };
    uint64_t hourly[2][H * MTRK_EV_TYPE_COUNT];
    size_t hours[2];
    mtrk_time from = CONF_T0 - CONF_HOUR, to = CONF_T0 + 3 * CONF_HOUR;
    CONF_OK(mtrk_metrics_hourly(hourly[0], H * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &hours[0], fx->t, s.campaign,
                                from, to));
    size_t listed = conf_count_campaign_events(fx->t, s.campaign);
    assert_true(listed >= 50 * ROUNDS);

    uint64_t scrubbed = 0;
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 50 * ROUNDS);
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 0);

    CONF_OK(mtrk_metrics_rebuild(fx->t));
    mtrk_metrics after = conf_metrics(fx->t, s.campaign);
    assert_int_equal(after.opens_total, before.opens_total);
    assert_int_equal(after.opens_unique, before.opens_unique);
    assert_int_equal(after.sent, before.sent);
    CONF_OK(mtrk_metrics_hourly(hourly[1], H * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &hours[1], fx->t, s.campaign,
                                from, to));
    assert_int_equal(hours[0], hours[1]);
    assert_memory_equal(hourly[0], hourly[1], hours[0] * MTRK_EV_TYPE_COUNT * sizeof hourly[0][0]);
    uint64_t opens = 0;
    for (size_t h = 0; h < hours[1]; h++)
        opens += hourly[1][h * MTRK_EV_TYPE_COUNT + MTRK_EV_OPEN];
    assert_int_equal(opens, 50 * ROUNDS);
    assert_int_equal(conf_count_campaign_events(fx->t, s.campaign), listed);
    conf_scn_free(&s);
}

/* Retention walks each campaign's events hour by hour, in arrival order
 * within an hour (docs/decisions.md §10): in the cutoff's own hour, events
 * before it are scrubbed and events after it kept, whatever order they
 * arrived in. */
static void test_retention_cuts_inside_an_hour(void **state)
{
    conf_fixture *fx = *state;
    set_retention(fx->t, 10 * DAY_MS);
    mtrk_id mid = conf_sent_message(NULL, NULL, fx->t, "h@example.com");
    conf_clock_advance(11 * DAY_MS + 30 * CONF_MIN);
    mtrk_time cutoff = CONF_T0 + DAY_MS + 30 * CONF_MIN; /* the middle of an hour */
    /* Arrival order: after the hour, after the cutoff, before it, an hour before. */
    const mtrk_time at[4] = { cutoff + 2 * CONF_HOUR, cutoff + CONF_MIN, cutoff - CONF_MIN, cutoff - CONF_HOUR };
    for (int i = 0; i < 4; i++) {
        mtrk_event_input in;
        conf_ev_init(&in, MTRK_EV_OPEN, mid, at[i]);
        in.ip = "203.0.113.7";
        in.user_agent = "Mozilla/5.0";
        CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    }
    uint64_t scrubbed = 99;
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 2);
    open_seen after = opens_of(fx->t, mid); /* in event-time order */
    assert_int_equal(after.n, 4);
    assert_int_equal(after.at[0], cutoff - CONF_HOUR);
    assert_false(after.has_ip[0] || after.has_ua[0]);
    assert_int_equal(after.at[1], cutoff - CONF_MIN);
    assert_false(after.has_ip[1] || after.has_ua[1]);
    assert_int_equal(after.at[2], cutoff + CONF_MIN);
    assert_true(after.has_ip[2] && after.has_ua[2]);
    assert_true(after.has_ip[3] && after.has_ua[3]);
}

static void test_retention_apply_twice_changes_nothing_the_second_time(void **state)
{
    conf_fixture *fx = *state;
    set_retention(fx->t, DAY_MS);
    mtrk_id mid = conf_sent_message(NULL, NULL, fx->t, "twice@example.com");
    record_open(fx->t, mid, "203.0.113.1", "UA");
    conf_clock_advance(2 * DAY_MS);
    uint64_t scrubbed = 0;
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 1);
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 0);
    CONF_OK(mtrk_retention_apply(NULL, fx->t));
    open_seen r = opens_of(fx->t, mid);
    assert_int_equal(r.n, 1);
    assert_false(r.has_ip[0]);
}

static void test_retention_keeps_events_within_the_period(void **state)
{
    conf_fixture *fx = *state;
    /* default retention: 365 days */
    mtrk_id mid = conf_sent_message(NULL, NULL, fx->t, "keep@example.com");
    record_open(fx->t, mid, "203.0.113.2", "UA-keep");
    conf_clock_advance(364 * DAY_MS);
    uint64_t scrubbed = 99;
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 0);
    open_seen r = opens_of(fx->t, mid);
    assert_true(r.has_ip[0] && r.has_ua[0]);
    assert_string_equal(r.ip[0], "203.0.113.2");
    /* past the period it goes */
    conf_clock_advance(2 * DAY_MS);
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 1);
    r = opens_of(fx->t, mid);
    assert_false(r.has_ip[0]);
    assert_false(r.has_ua[0]);
}

static void test_retention_is_per_tenant(void **state)
{
    conf_fixture *fx = *state;
    set_retention(fx->t, DAY_MS);
    mtrk_id m1 = conf_sent_message(NULL, NULL, fx->t, "a@example.com");
    mtrk_id m2 = conf_sent_message(NULL, NULL, fx->t2, "a@example.com");
    record_open(fx->t, m1, "203.0.113.3", "UA1");
    record_open(fx->t2, m2, "203.0.113.4", "UA2");
    conf_clock_advance(3 * DAY_MS);
    uint64_t scrubbed = 0;
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 1);
    open_seen r2 = opens_of(fx->t2, m2);
    assert_true(r2.has_ip[0] && r2.has_ua[0]);
    /* t2 keeps 365 days: nothing to scrub there yet */
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t2));
    assert_int_equal(scrubbed, 0);
    r2 = opens_of(fx->t2, m2);
    assert_string_equal(r2.ip[0], "203.0.113.4");
}

static void test_retention_with_no_events_scrubs_nothing(void **state)
{
    conf_fixture *fx = *state;
    uint64_t scrubbed = 99;
    CONF_OK(mtrk_retention_apply(&scrubbed, fx->t));
    assert_int_equal(scrubbed, 0);
}

static void test_contact_erase_scrubs_ip_and_user_agent_of_its_events(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id contact;
    mtrk_id mid = conf_sent_message(NULL, &contact, fx->t, "erase-events@example.com");
    record_open(fx->t, mid, "203.0.113.5", "UA-erase");
    CONF_OK(mtrk_contact_erase(fx->t, contact));
    open_seen r = opens_of(fx->t, mid);
    assert_int_equal(r.n, 1); /* the event stays */
    assert_false(r.has_ip[0]);
    assert_false(r.has_ua[0]);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_retention_scrubs_ip_and_user_agent_of_old_events_only),
    CONF_TEST(test_retention_apply_twice_changes_nothing_the_second_time),
    CONF_TEST(test_retention_cuts_inside_an_hour),
    CONF_TEST(test_retention_and_rebuild_page_through_a_full_hour),
    CONF_TEST(test_retention_keeps_events_within_the_period),
    CONF_TEST(test_retention_is_per_tenant),
    CONF_TEST(test_retention_with_no_events_scrubs_nothing),
    CONF_TEST(test_contact_erase_scrubs_ip_and_user_agent_of_its_events),
};

CONF_GROUP(conf_group_retention, "retention", tests);
