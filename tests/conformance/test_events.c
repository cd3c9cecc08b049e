/*
 * Conformance: events.
 *
 * The contract (docs/rules.md "Messages", "Events"):
 *  - an event is recorded against a mid of the tenant; a click names a lid of
 *    the message's campaign; other types carry no lid; bounces carry a kind;
 *    unsubscribes a scope (0 = global; audience scope names an audience);
 *  - message state moves forward only (queued, claimed, sent, delivered;
 *    bounced and canceled terminal); an event that would move it back is
 *    recorded with MTRK_EFFECT_STATE_KEPT;
 *  - an open or click implies delivery; an open before its delivered counts;
 *  - hard bounce: message bounced, contact bounced, address suppressed;
 *    soft bounces: per contact, in event-time order, the run since the last
 *    delivery (delivered, open, click) reaching the tenant threshold counts
 *    as hard; complaint: contact complained, global unsubscribe (source
 *    complaint), address suppressed; unsubscribe: a rule of its scope, which
 *    cancels the contact's queued messages it makes ineligible;
 *  - machine activity is stored with its verdict and reason;
 *  - (provider, provider_event_id) is unique per tenant: a repeat is a
 *    success with duplicate = 1 and changes nothing;
 *  - each event keeps occurred_at and arrived_at; batches judge each event on
 *    its own; drill-down iterators list events in event-time order.
 */
#include "conf_util.h"

#include <stdlib.h>

#define T(h) (CONF_T0 + (h) * CONF_MIN) /* event times in minutes after T0 */

static mtrk_event_info event_at(mtrk_tenant *t, mtrk_id mid, size_t index)
{
    mtrk_event_iter *it = NULL;
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    CONF_OK(mtrk_event_iter_message(&it, t, mid));
    for (size_t i = 0; i <= index; i++)
        CONF_OK(mtrk_event_iter_next(&e, it));
    mtrk_event_iter_free(it);
    return e;
}

/* ---------------------------------------------------------- state moves */

static void sent_event_moves_a_queued_message_to_sent(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_outcome o;
    conf_scn_build(&s, fx->t, "se", 1, 0, 0);
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    CONF_OK(conf_ev(&o, fx->t, MTRK_EV_SENT, s.mids[0], T(1)));
    assert_int_equal(o.status, 0);
    assert_int_equal(o.duplicate, 0);
    assert_false(mtrk_id_is_nil(o.event_id));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.state, MTRK_MSG_SENT);
    assert_int_equal(m.sent_at, T(1));
    assert_true(conf_event_effects(fx->t, s.mids[0], o.event_id) & MTRK_EFFECT_MESSAGE_STATE);
    assert_int_equal(conf_metrics(fx->t, s.campaign).sent, 1);
    conf_scn_free(&s);
}

static void delivered_event_moves_sent_to_delivered(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_outcome o;
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    conf_scn_build(&s, fx->t, "de", 1, 0, 1);
    CONF_OK(conf_ev(&o, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(2)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.state, MTRK_MSG_DELIVERED);
    assert_int_equal(m.delivered_at, T(2));
    assert_int_equal(m.delivered, 1);
    assert_true(conf_event_effects(fx->t, s.mids[0], o.event_id) & MTRK_EFFECT_MESSAGE_STATE);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.delivered, 1);
    assert_int_equal(mt.delivered_explicit, 1);
    conf_scn_free(&s);
}

static void deferred_event_changes_no_state(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "df", 1, 0, 0);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DEFERRED, s.mids[0], T(1)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.state, MTRK_MSG_QUEUED);
    assert_int_equal(conf_metrics(fx->t, s.campaign).sent, 0);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), 1);
    conf_scn_free(&s);
}

static void open_implies_delivery(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "oi", 1, 0, 1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], T(3)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.delivered, 1);
    assert_int_equal(m.delivered_at, 0); /* no explicit delivery */
    assert_int_equal(m.first_open_at, T(3));
    assert_int_equal(m.opens, 1);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.delivered, 1);
    assert_int_equal(mt.delivered_explicit, 0);
    assert_int_equal(mt.opens_unique, 1);
    conf_scn_free(&s);
}

static void click_implies_delivery(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "ci", 1, 1, 1);
    CONF_OK(conf_click(NULL, fx->t, s.mids[0], s.lids[0], T(4)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.delivered, 1);
    assert_int_equal(m.first_click_at, T(4));
    assert_int_equal(m.clicks, 1);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.delivered, 1);
    assert_int_equal(mt.clicks_unique, 1);
    assert_int_equal(mt.opens_inferred, 1);
    assert_int_equal(mt.opens_unique, 0);
    conf_scn_free(&s);
}

static void open_before_delivered_still_counts(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "ob", 1, 0, 1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], T(10)));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(5)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.opens, 1);
    assert_int_equal(m.first_open_at, T(10));
    assert_int_equal(m.delivered_at, T(5));
    assert_int_equal(m.delivered, 1);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.delivered, 1);
    assert_int_equal(mt.delivered_explicit, 1);
    assert_int_equal(mt.opens_total, 1);
    assert_int_equal(mt.opens_unique, 1);
    conf_scn_free(&s);
}

static void first_times_are_the_earliest_event_time(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "ft", 1, 1, 1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], T(50)));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], T(30)));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], T(40)));
    CONF_OK(conf_click(NULL, fx->t, s.mids[0], s.lids[0], T(60)));
    CONF_OK(conf_click(NULL, fx->t, s.mids[0], s.lids[0], T(35)));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(20)));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(10)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.first_open_at, T(30));
    assert_int_equal(m.first_click_at, T(35));
    assert_int_equal(m.delivered_at, T(10));
    assert_int_equal(m.opens, 3);
    assert_int_equal(m.clicks, 2);
    conf_scn_free(&s);
}

static void sent_after_delivered_is_recorded_and_the_state_kept(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_outcome o;
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    conf_scn_build(&s, fx->t, "sk", 1, 0, 1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(5)));
    CONF_OK(conf_ev(&o, fx->t, MTRK_EV_SENT, s.mids[0], T(6)));
    assert_int_equal(conf_msg(fx->t, s.mids[0]).state, MTRK_MSG_DELIVERED);
    assert_true(conf_event_effects(fx->t, s.mids[0], o.event_id) & MTRK_EFFECT_STATE_KEPT);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), 3);
    conf_scn_free(&s);
}

/* --------------------------------------------------------------- bounces */

static void hard_bounce_bounces_message_and_contact_and_suppresses_the_address(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_outcome o;
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    conf_scn_build(&s, fx->t, "hb", 1, 0, 1);
    CONF_OK(conf_bounce(&o, fx->t, s.mids[0], MTRK_BOUNCE_HARD, T(7)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.state, MTRK_MSG_BOUNCED);
    assert_int_equal(m.bounced_at, T(7));
    assert_int_equal(m.delivered, 0);
    assert_int_equal(conf_contact_status(fx->t, s.contacts[0]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(conf_suppressed(fx->t, "hb0@example.com"), MTRK_SUPPRESS_ADDRESS);
    uint32_t fx_bits = conf_event_effects(fx->t, s.mids[0], o.event_id);
    assert_true(fx_bits & MTRK_EFFECT_MESSAGE_STATE);
    assert_true(fx_bits & MTRK_EFFECT_HARD_BOUNCE);
    assert_true(fx_bits & MTRK_EFFECT_CONTACT_BOUNCED);
    assert_true(fx_bits & MTRK_EFFECT_SUPPRESSED);
    /* the suppression carries the reason hard_bounce */
    mtrk_suppression_iter *it = NULL;
    const mtrk_suppression *sp;
    int found = 0;
    CONF_OK(mtrk_suppression_iter_new(&it, fx->t));
    while (mtrk_suppression_iter_next(&sp, it) == MTRK_OK)
        if (strcmp(mtrk_suppression_value(sp), "hb0@example.com") == 0) {
            assert_string_equal(mtrk_suppression_reason(sp), "hard_bounce");
            found = 1;
        }
    mtrk_suppression_iter_free(it);
    assert_true(found);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.bounced_hard, 1);
    assert_int_equal(mt.bounced_soft, 0);
    /* no audit entry: the event traces the change */
    assert_int_equal(conf_count_audit(fx->t, "contact.status", s.contacts[0]), 0);
    conf_scn_free(&s);
}

static void hard_bounce_after_delivered_still_bounces(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "hd", 1, 0, 1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(1)));
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[0], MTRK_BOUNCE_HARD, T(9)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.state, MTRK_MSG_BOUNCED);
    assert_int_equal(m.delivered, 0);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.delivered, 0);
    assert_int_equal(mt.delivered_explicit, 0);
    assert_int_equal(mt.bounced_hard, 1);
    conf_scn_free(&s);
}

static void late_delivered_never_clears_a_bounce(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_outcome o;
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    conf_scn_build(&s, fx->t, "ld", 1, 0, 1);
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[0], MTRK_BOUNCE_HARD, T(9)));
    CONF_OK(conf_ev(&o, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(2)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.state, MTRK_MSG_BOUNCED);
    assert_int_equal(m.delivered, 0);
    assert_true(conf_event_effects(fx->t, s.mids[0], o.event_id) & MTRK_EFFECT_STATE_KEPT);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), 3);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.delivered, 0);
    assert_int_equal(mt.bounced_hard, 1);
    conf_scn_free(&s);
}

static void set_threshold(mtrk_tenant *t, uint32_t n)
{
    mtrk_tenant_settings st;
    CONF_INIT(st, MTRK_TENANT_SETTINGS_VERSION);
    CONF_OK(mtrk_tenant_settings_get(&st, t));
    st.soft_bounce_threshold = n;
    CONF_OK(mtrk_tenant_settings_set(t, &st));
}

static void soft_bounces_reaching_the_threshold_count_as_hard(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_outcome o;
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    conf_scn_build(&s, fx->t, "sb", 1, 0, 1);
    /* default threshold 3 */
    CONF_OK(conf_bounce(&o, fx->t, s.mids[0], MTRK_BOUNCE_SOFT, T(1)));
    CONF_OK(conf_bounce(&o, fx->t, s.mids[0], MTRK_BOUNCE_SOFT, T(2)));
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.soft_bounces, 2);
    assert_int_not_equal(m.state, MTRK_MSG_BOUNCED);
    assert_int_equal(conf_contact_status(fx->t, s.contacts[0]), MTRK_CONTACT_ACTIVE);
    assert_int_equal(conf_suppressed(fx->t, "sb0@example.com"), 0);
    assert_false(conf_event_effects(fx->t, s.mids[0], o.event_id) & MTRK_EFFECT_HARD_BOUNCE);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.bounced_soft, 1);
    assert_int_equal(mt.bounced_hard, 0);
    CONF_OK(conf_bounce(&o, fx->t, s.mids[0], MTRK_BOUNCE_SOFT, T(3)));
    m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.state, MTRK_MSG_BOUNCED);
    assert_int_equal(conf_contact_status(fx->t, s.contacts[0]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(conf_suppressed(fx->t, "sb0@example.com"), MTRK_SUPPRESS_ADDRESS);
    uint32_t bits = conf_event_effects(fx->t, s.mids[0], o.event_id);
    assert_true(bits & MTRK_EFFECT_SOFT_THRESHOLD);
    assert_true(bits & MTRK_EFFECT_HARD_BOUNCE);
    mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.bounced_soft, 1);
    assert_int_equal(mt.bounced_hard, 1);
    conf_scn_free(&s);
}

static void soft_bounce_threshold_is_the_tenant_setting(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    set_threshold(fx->t, 1);
    conf_scn_build(&s, fx->t, "s1", 1, 0, 1);
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[0], MTRK_BOUNCE_SOFT, T(1)));
    assert_int_equal(conf_msg(fx->t, s.mids[0]).state, MTRK_MSG_BOUNCED);
    assert_int_equal(conf_contact_status(fx->t, s.contacts[0]), MTRK_CONTACT_BOUNCED);
    conf_scn_free(&s);
}

static void soft_bounce_run_is_per_contact_across_campaigns(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s1, s2;
    set_threshold(fx->t, 2);
    conf_scn_build(&s1, fx->t, "pc", 1, 0, 1);
    conf_scn_build(&s2, fx->t, "pc", 1, 0, 1); /* same address: the same contact */
    CONF_ID_EQ(s1.contacts[0], s2.contacts[0]);
    CONF_OK(conf_bounce(NULL, fx->t, s1.mids[0], MTRK_BOUNCE_SOFT, T(1)));
    CONF_OK(conf_bounce(NULL, fx->t, s2.mids[0], MTRK_BOUNCE_SOFT, T(2)));
    assert_int_not_equal(conf_msg(fx->t, s1.mids[0]).state, MTRK_MSG_BOUNCED);
    assert_int_equal(conf_msg(fx->t, s2.mids[0]).state, MTRK_MSG_BOUNCED);
    assert_int_equal(conf_contact_status(fx->t, s1.contacts[0]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(conf_metrics(fx->t, s2.campaign).bounced_hard, 1);
    assert_int_equal(conf_metrics(fx->t, s1.campaign).bounced_hard, 0);
    assert_int_equal(conf_metrics(fx->t, s1.campaign).bounced_soft, 1);
    conf_scn_free(&s1);
    conf_scn_free(&s2);
}

static void a_delivery_resets_the_soft_bounce_run(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    set_threshold(fx->t, 2);
    conf_scn_build(&s, fx->t, "rs", 3, 1, 1);
    /* delivered between */
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[0], MTRK_BOUNCE_SOFT, T(1)));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(2)));
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[0], MTRK_BOUNCE_SOFT, T(3)));
    assert_int_not_equal(conf_msg(fx->t, s.mids[0]).state, MTRK_MSG_BOUNCED);
    assert_int_equal(conf_contact_status(fx->t, s.contacts[0]), MTRK_CONTACT_ACTIVE);
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[0], MTRK_BOUNCE_SOFT, T(4)));
    assert_int_equal(conf_msg(fx->t, s.mids[0]).state, MTRK_MSG_BOUNCED);
    /* an open between */
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[1], MTRK_BOUNCE_SOFT, T(1)));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[1], T(2)));
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[1], MTRK_BOUNCE_SOFT, T(3)));
    assert_int_equal(conf_contact_status(fx->t, s.contacts[1]), MTRK_CONTACT_ACTIVE);
    /* a click between */
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[2], MTRK_BOUNCE_SOFT, T(1)));
    CONF_OK(conf_click(NULL, fx->t, s.mids[2], s.lids[0], T(2)));
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[2], MTRK_BOUNCE_SOFT, T(3)));
    assert_int_equal(conf_contact_status(fx->t, s.contacts[2]), MTRK_CONTACT_ACTIVE);
    conf_scn_free(&s);
}

static void soft_bounce_run_follows_event_time_not_arrival(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    set_threshold(fx->t, 2);
    conf_scn_build(&s, fx->t, "et", 1, 0, 1);
    /* arrival: delivered(t2), soft(t1), soft(t3); by event time a delivery sits between */
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(2)));
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[0], MTRK_BOUNCE_SOFT, T(1)));
    CONF_OK(conf_bounce(NULL, fx->t, s.mids[0], MTRK_BOUNCE_SOFT, T(3)));
    assert_int_not_equal(conf_msg(fx->t, s.mids[0]).state, MTRK_MSG_BOUNCED);
    assert_int_equal(conf_contact_status(fx->t, s.contacts[0]), MTRK_CONTACT_ACTIVE);
    assert_int_equal(conf_metrics(fx->t, s.campaign).bounced_hard, 0);
    conf_scn_free(&s);
}

/* ------------------------------------------------------------ complaints */

static void complaint_marks_contact_unsubscribes_globally_and_suppresses(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_outcome o;
    mtrk_source src = 0;
    mtrk_id nil = { { 0 } };
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    conf_scn_build(&s, fx->t, "cp", 1, 0, 1);
    CONF_OK(conf_ev(&o, fx->t, MTRK_EV_COMPLAINT, s.mids[0], T(8)));
    assert_int_equal(conf_contact_status(fx->t, s.contacts[0]), MTRK_CONTACT_COMPLAINED);
    assert_true(conf_has_unsub(fx->t, s.contacts[0], MTRK_UNSUB_GLOBAL, nil, &src));
    assert_int_equal(src, MTRK_SOURCE_COMPLAINT);
    assert_int_equal(conf_suppressed(fx->t, "cp0@example.com"), MTRK_SUPPRESS_ADDRESS);
    uint32_t bits = conf_event_effects(fx->t, s.mids[0], o.event_id);
    assert_true(bits & MTRK_EFFECT_CONTACT_COMPLAINED);
    assert_true(bits & MTRK_EFFECT_UNSUB_RULE);
    assert_true(bits & MTRK_EFFECT_SUPPRESSED);
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.first_complaint_at, T(8));
    assert_int_equal(conf_metrics(fx->t, s.campaign).complaints, 1);
    /* the rule points back at its event */
    mtrk_unsub_iter *it = NULL;
    const mtrk_unsub *u;
    CONF_OK(mtrk_unsub_iter_new(&it, fx->t, s.contacts[0]));
    CONF_OK(mtrk_unsub_iter_next(&u, it));
    CONF_ID_EQ(mtrk_unsub_event_id(u), o.event_id);
    mtrk_unsub_iter_free(it);
    conf_scn_free(&s);
}

/* ----------------------------------------------------------- unsubscribe */

/* A contact in audiences x and y; campaigns: a (x, sent), c_x (x, queued), c_xy (x+y, queued). */
typedef struct unsub_scn {
    mtrk_id contact, x, y, a, c_x, c_xy, mid_a, mid_cx, mid_cxy;
} unsub_scn;

static mtrk_id queued_campaign(mtrk_tenant *t, mtrk_id aud1, mtrk_id aud2)
{
    mtrk_id c = conf_campaign_new(t, "queued");
    conf_attach(t, c, aud1);
    if (!mtrk_id_is_nil(aud2))
        conf_attach(t, c, aud2);
    conf_campaign_to(t, c, MTRK_CAMPAIGN_SENDING);
    CONF_OK(mtrk_campaign_generate(NULL, t, c));
    return c;
}

static void build_unsub(unsub_scn *u, mtrk_tenant *t)
{
    mtrk_id nil = { { 0 } }, out[1];
    size_t n = 0;
    u->contact = conf_contact_new(t, "un@example.com");
    u->x = conf_audience_new(t, "x");
    u->y = conf_audience_new(t, "y");
    conf_member(t, u->x, u->contact);
    conf_member(t, u->y, u->contact);
    u->a = queued_campaign(t, u->x, nil);
    CONF_OK(mtrk_queue_claim(out, &n, NULL, t, u->a, 1, CONF_HOUR));
    assert_int_equal(n, 1);
    u->mid_a = out[0];
    CONF_OK(mtrk_queue_mark_sent(t, u->mid_a, T(0), NULL, NULL));
    u->c_x = queued_campaign(t, u->x, nil);
    u->c_xy = queued_campaign(t, u->x, u->y);
    u->mid_cx = conf_msg_of(t, u->c_x, u->contact).mid;
    u->mid_cxy = conf_msg_of(t, u->c_xy, u->contact).mid;
}

static int unsub_event(mtrk_event_outcome *o, mtrk_tenant *t, mtrk_id mid, mtrk_unsub_scope scope,
                       mtrk_id audience, mtrk_source source)
{
    mtrk_event_input in;
    conf_ev_init(&in, MTRK_EV_UNSUBSCRIBE, mid, T(20));
    in.unsub_scope = scope;
    in.unsub_audience = audience;
    in.unsub_source = source;
    return mtrk_event_record(o, t, &in);
}

static void unsubscribe_global_creates_the_rule_and_cancels_queued_messages(void **state)
{
    conf_fixture *fx = *state;
    unsub_scn u;
    mtrk_event_outcome o;
    mtrk_source src = 0;
    mtrk_id nil = { { 0 } };
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    build_unsub(&u, fx->t);
    CONF_OK(unsub_event(&o, fx->t, u.mid_a, 0, nil, 0)); /* scope 0 = global, source 0 = link */
    assert_true(conf_has_unsub(fx->t, u.contact, MTRK_UNSUB_GLOBAL, nil, &src));
    assert_int_equal(src, MTRK_SOURCE_LINK);
    mtrk_message_info m = conf_msg(fx->t, u.mid_cx);
    assert_int_equal(m.state, MTRK_MSG_CANCELED);
    assert_int_equal(m.cancel_reason, MTRK_EXCL_GLOBAL_UNSUB);
    assert_int_equal(conf_msg(fx->t, u.mid_cxy).state, MTRK_MSG_CANCELED);
    assert_int_equal(conf_msg(fx->t, u.mid_a).state, MTRK_MSG_SENT);
    uint32_t bits = conf_event_effects(fx->t, u.mid_a, o.event_id);
    assert_true(bits & MTRK_EFFECT_UNSUB_RULE);
    assert_true(bits & MTRK_EFFECT_CANCELED_MESSAGES);
    assert_int_equal(conf_msg(fx->t, u.mid_a).first_unsub_at, T(20));
    assert_int_equal(conf_metrics(fx->t, u.a).unsubscribes, 1);
    assert_int_equal(conf_metrics(fx->t, u.c_x).canceled, 1);
    /* the contact itself stays active: an unsubscribe is a rule, not a status */
    assert_int_equal(conf_contact_status(fx->t, u.contact), MTRK_CONTACT_ACTIVE);
}

/* A batch is recorded in message order where that changes nothing (docs/
 * decisions.md §9); what it records is what the caller's order records:
 * an unsubscribe that cancels the contact's queued messages comes before a
 * later event of one of them (and gets the smaller id), and the handle names
 * the caller's last refused event. */
static void callers_order_case(conf_fixture *fx)
{
    conf_scn s;
    unsub_scn u;
    mtrk_id lo, hi;
    conf_scn_build(&s, fx->t, "bo", 3, 0, 1); /* other contacts, their messages older than u's */
    build_unsub(&u, fx->t);
    memset(lo.bytes, 0x01, sizeof lo.bytes);
    memset(hi.bytes, 0xfe, sizeof hi.bytes);
    enum { N = 7 };
    mtrk_event_input in[N];
    mtrk_event_outcome oc[N];
    /* A provider id given twice: the caller's first is recorded, even when
     * its message comes later in message order. */
    mtrk_id first = s.mids[1], again = s.mids[2];
    if (mtrk_id_compare(first, again) < 0) {
        first = s.mids[2];
        again = s.mids[1];
    }
    conf_ev_init(&in[0], MTRK_EV_UNSUBSCRIBE, u.mid_a, T(20)); /* global: cancels mid_cx and mid_cxy */
    conf_ev_init(&in[1], MTRK_EV_SENT, u.mid_cx, T(21));      /* after the cancel: state kept */
    conf_ev_init(&in[2], MTRK_EV_DELIVERED, s.mids[0], T(22)); /* first in message order */
    conf_ev_init(&in[3], MTRK_EV_OPEN, hi, T(23));            /* unknown, last in message order */
    conf_ev_init(&in[4], MTRK_EV_OPEN, lo, T(24));            /* unknown, the caller's last */
    conf_ev_init(&in[5], MTRK_EV_DELIVERED, first, T(25));
    conf_ev_init(&in[6], MTRK_EV_DELIVERED, again, T(25));
    in[5].provider = in[6].provider = "pm";
    in[5].provider_event_id = in[6].provider_event_id = "twice";
    size_t recorded = 0;
    CONF_OK(conf_record_batch(&recorded, oc, fx->t, in, N));
    /* Each refused item explains itself (its message borrowed until the
     * call after next); the handle names the caller's last. */
    char lo_text[MTRK_ID_STRLEN + 1], hi_text[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(lo_text, lo);
    mtrk_id_to_string(hi_text, hi);
    assert_non_null(strstr(oc[4].message, lo_text));
    assert_non_null(strstr(oc[3].message, hi_text));
    assert_string_equal(oc[3].argument, "mid");
    assert_non_null(strstr(oc[6].message, "twice"));
    assert_null(oc[5].message);
    assert_null(oc[5].argument);
    CONF_ERRMSG_HAS("\"twice\"");
    assert_int_equal(recorded, 4);
    assert_int_equal(oc[5].duplicate, 0);
    /* The same pair on another message: a conflict, the caller's first kept. */
    assert_int_equal(oc[6].duplicate, 0);
    assert_int_equal(oc[6].status, MTRK_EEXISTS);
    assert_int_equal(oc[6].conflict, 1);
    CONF_ID_EQ(oc[6].event_id, oc[5].event_id);
    assert_int_equal(conf_msg(fx->t, first).delivered, 1);
    assert_int_equal(conf_msg(fx->t, again).delivered, 0);
    assert_int_equal(oc[3].status, MTRK_ENOTFOUND);
    assert_int_equal(oc[4].status, MTRK_ENOTFOUND);
    /* The cancel came first, as in the caller's order. */
    mtrk_message_info m = conf_msg(fx->t, u.mid_cx);
    assert_int_equal(m.state, MTRK_MSG_CANCELED);
    assert_int_equal(m.cancel_reason, MTRK_EXCL_GLOBAL_UNSUB);
    assert_true(conf_event_effects(fx->t, u.mid_cx, oc[1].event_id) & MTRK_EFFECT_STATE_KEPT);
    assert_int_equal(conf_msg(fx->t, u.mid_cxy).state, MTRK_MSG_CANCELED);
    assert_int_equal(conf_msg(fx->t, s.mids[0]).delivered, 1);
    /* Ids in the order the events are written: the first pass's (its
     * message has no pinned event), then the second pass in the caller's
     * order, the unsubscribe before its contact's deferred event. */
    assert_true(mtrk_id_compare(oc[2].event_id, oc[0].event_id) < 0);
    assert_true(mtrk_id_compare(oc[0].event_id, oc[1].event_id) < 0);
    assert_true(mtrk_id_compare(oc[1].event_id, oc[5].event_id) < 0);
    conf_scn_free(&s);
}

static void batch_records_what_the_callers_order_records(void **state)
{
    callers_order_case(*state);
}

/* A batch's events arrive together and take their ids in the order they
 * are written (docs/decisions.md §55): the first pass message by message in
 * id order, a message's events in the caller's order, then the second pass
 * (here an unsubscribe, given first) in the caller's order. Events that
 * occurred at the same time are listed in that order. */
static void batch_ids_follow_the_order_events_are_written(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "io", 4, 0, 1);
    /* m[0] < m[1] < m[2]: the first pass's messages by id; m[3]: the unsubscribe's */
    mtrk_id m[4];
    memcpy(m, s.mids, sizeof m);
    for (int i = 1; i < 3; i++)
        for (int j = i; j > 0 && mtrk_id_compare(m[j - 1], m[j]) > 0; j--) {
            mtrk_id x = m[j];
            m[j] = m[j - 1];
            m[j - 1] = x;
        }
    enum { N = 5 };
    mtrk_event_input in[N];
    mtrk_event_outcome oc[N];
    conf_ev_init(&in[0], MTRK_EV_UNSUBSCRIBE, m[3], T(30));
    conf_ev_init(&in[1], MTRK_EV_DELIVERED, m[2], T(30));
    conf_ev_init(&in[2], MTRK_EV_DELIVERED, m[1], T(30));
    conf_ev_init(&in[3], MTRK_EV_OPEN, m[2], T(30));
    conf_ev_init(&in[4], MTRK_EV_DELIVERED, m[0], T(30));
    size_t recorded = 0;
    CONF_OK(conf_record_batch(&recorded, oc, fx->t, in, N));
    assert_int_equal(recorded, N);
    const int written[N] = { 4, 2, 1, 3, 0 };
    for (int k = 0; k + 1 < N; k++)
        assert_true(mtrk_id_compare(oc[written[k]].event_id, oc[written[k + 1]].event_id) < 0);
    mtrk_event_iter *it = NULL;
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, 0, 0, 0));
    mtrk_event_info info;
    int k = 0, rc;
    for (;;) {
        CONF_INIT(info, MTRK_EVENT_INFO_VERSION);
        if ((rc = mtrk_event_iter_next(&info, it)) != MTRK_OK)
            break;
        if (info.occurred_at != T(30))
            continue; /* the sends */
        assert_true(k < N);
        CONF_ID_EQ(info.id, oc[written[k]].event_id);
        k++;
    }
    CONF_EXPECT(MTRK_ITEROVER, rc);
    assert_int_equal(k, N);
    mtrk_event_iter_free(it);
    conf_scn_free(&s);
}

/* The batch's slices (docs/decisions.md §50) at one message each: every
 * message of the batch in a slice of its own, the contact whose bounce or
 * unsubscribe is in the second pass having messages in other slices of the
 * first. Slices are set through MTRK_TEST_EVENT_SLICE, which only a build
 * with assertions reads. */
static void set_slice(const char *size)
{
    if (size != NULL)
        assert_int_equal(setenv("MTRK_TEST_EVENT_SLICE", size, 1), 0);
    else
        assert_int_equal(unsetenv("MTRK_TEST_EVENT_SLICE"), 0);
}

static void batch_in_slices_records_what_the_callers_order_records(void **state)
{
#ifdef NDEBUG
    skip();
#endif
    set_slice("1");
    callers_order_case(*state);
    set_slice(NULL);
}

/* A soft bounce whose run a later-arriving delivery of the contact's other
 * message (earlier in event time) would break: recorded in the caller's
 * order, the bounce reaches the threshold, whatever slices the contact's
 * messages fall in. */
static void batch_slices_keep_a_contacts_soft_run(void **state)
{
#ifdef NDEBUG
    skip();
#endif
    static const char *const sizes[3] = { "1", "2", "100000" };
    for (int k = 0; k < 3; k++) {
        conf_fixture *fx = *state;
        if (k > 0) { /* a fresh tenant for each size */
            conf_teardown(state);
            assert_int_equal(conf_setup(state), 0);
            fx = *state;
        }
        conf_scn s;
        unsub_scn u;
        mtrk_event_outcome o;
        CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
        conf_scn_build(&s, fx->t, "sl", 6, 0, 1); /* other contacts, in slices between u's messages */
        build_unsub(&u, fx->t);
        set_threshold(fx->t, 2);
        CONF_OK(conf_bounce(&o, fx->t, u.mid_a, MTRK_BOUNCE_SOFT, T(1))); /* the run's first, stored */
        enum { N = 9 };
        mtrk_event_input in[N];
        mtrk_event_outcome oc[N];
        conf_ev_init(&in[0], MTRK_EV_DELIVERED, s.mids[0], T(2));
        conf_ev_init(&in[1], MTRK_EV_BOUNCE, u.mid_a, T(10));
        in[1].bounce_kind = MTRK_BOUNCE_SOFT;
        conf_ev_init(&in[2], MTRK_EV_DELIVERED, s.mids[1], T(3));
        conf_ev_init(&in[3], MTRK_EV_DELIVERED, u.mid_cx, T(5)); /* after the bounce, earlier in time */
        conf_ev_init(&in[4], MTRK_EV_DELIVERED, s.mids[2], T(4));
        conf_ev_init(&in[5], MTRK_EV_OPEN, u.mid_cxy, T(6));
        for (int i = 6; i < N; i++)
            conf_ev_init(&in[i], MTRK_EV_DELIVERED, s.mids[i - 3], T(7)); /* s.mids[3..5] */
        set_slice(sizes[k]);
        size_t recorded = 0;
        int rc = conf_record_batch(&recorded, oc, fx->t, in, N);
        set_slice(NULL);
        CONF_OK(rc);
        assert_int_equal(recorded, N);
        uint32_t bits = conf_event_effects(fx->t, u.mid_a, oc[1].event_id);
        assert_true(bits & MTRK_EFFECT_SOFT_THRESHOLD);
        assert_true(bits & MTRK_EFFECT_HARD_BOUNCE);
        assert_int_equal(conf_contact_status(fx->t, u.contact), MTRK_CONTACT_BOUNCED);
        assert_int_equal(conf_msg(fx->t, u.mid_a).state, MTRK_MSG_BOUNCED);
        for (int i = 0; i < 6; i++)
            assert_int_equal(conf_msg(fx->t, s.mids[i]).delivered, 1);
        conf_scn_free(&s);
    }
}

static void unsubscribe_campaign_scope_touches_only_that_campaign(void **state)
{
    conf_fixture *fx = *state;
    unsub_scn u;
    mtrk_event_outcome o;
    mtrk_source src = 0;
    mtrk_id nil = { { 0 } };
    mtrk_exclusion why;
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    build_unsub(&u, fx->t);
    CONF_OK(unsub_event(&o, fx->t, u.mid_a, MTRK_UNSUB_CAMPAIGN, nil, MTRK_SOURCE_ONE_CLICK));
    assert_true(conf_has_unsub(fx->t, u.contact, MTRK_UNSUB_CAMPAIGN, u.a, &src));
    assert_int_equal(src, MTRK_SOURCE_ONE_CLICK);
    assert_false(conf_has_unsub(fx->t, u.contact, MTRK_UNSUB_GLOBAL, nil, NULL));
    assert_int_equal(conf_msg(fx->t, u.mid_cx).state, MTRK_MSG_QUEUED);
    assert_int_equal(conf_msg(fx->t, u.mid_cxy).state, MTRK_MSG_QUEUED);
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, u.a, u.contact));
    assert_int_equal(why, MTRK_EXCL_CAMPAIGN_UNSUB);
    assert_true(conf_event_effects(fx->t, u.mid_a, o.event_id) & MTRK_EFFECT_UNSUB_RULE);
}

static void unsubscribe_audience_scope_cancels_only_where_no_audience_stays_open(void **state)
{
    conf_fixture *fx = *state;
    unsub_scn u;
    mtrk_event_outcome o;
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    build_unsub(&u, fx->t);
    CONF_OK(unsub_event(&o, fx->t, u.mid_a, MTRK_UNSUB_AUDIENCE, u.x, 0));
    assert_true(conf_has_unsub(fx->t, u.contact, MTRK_UNSUB_AUDIENCE, u.x, NULL));
    mtrk_message_info m = conf_msg(fx->t, u.mid_cx);
    assert_int_equal(m.state, MTRK_MSG_CANCELED);
    assert_int_equal(m.cancel_reason, MTRK_EXCL_AUDIENCE_UNSUB);
    assert_int_equal(conf_msg(fx->t, u.mid_cxy).state, MTRK_MSG_QUEUED); /* still open through y */
    mtrk_event_info e = event_at(fx->t, u.mid_a, 1);
    assert_int_equal(e.type, MTRK_EV_UNSUBSCRIBE);
    assert_int_equal(e.unsub_scope, MTRK_UNSUB_AUDIENCE);
    CONF_ID_EQ(e.unsub_audience, u.x);
    assert_true(e.effects & MTRK_EFFECT_CANCELED_MESSAGES);
}

/* --------------------------------------------------------------- machine */

/* The client fields are stored as every path stores them: a user agent
 * without controls, bidirectional or zero-width characters, an IP in its
 * canonical form or not at all (the event is kept). */
static void client_fields_are_stored_sanitized(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_input in;
    conf_scn_build(&s, fx->t, "cs", 1, 0, 1);
    conf_ev_init(&in, MTRK_EV_OPEN, s.mids[0], T(1));
    in.user_agent = "  Mozilla/5.0 \xe2\x80\xae" "evil\xe2\x80\x8b" "\tUA\x7f ";
    in.ip = "::FFFF:192.0.2.1";
    CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    mtrk_event_info e = event_at(fx->t, s.mids[0], 1);
    assert_string_equal(e.user_agent, "Mozilla/5.0 evilUA");
    assert_string_equal(e.ip, "::ffff:192.0.2.1");
    conf_ev_init(&in, MTRK_EV_OPEN, s.mids[0], T(2));
    in.ip = "999.1.1.1";
    CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    e = event_at(fx->t, s.mids[0], 2);
    assert_null(e.ip);
    assert_null(e.user_agent);
    /* A user agent is never refused: one over MTRK_MAX_USER_AGENT octets is
     * cut at a character boundary ("é" straddling the limit goes whole), an
     * octet that begins no UTF-8 sequence becomes '?'. */
    char *long_ua = malloc(MTRK_MAX_USER_AGENT + 64);
    assert_non_null(long_ua);
    memset(long_ua, 'u', MTRK_MAX_USER_AGENT - 1);
    memcpy(long_ua + MTRK_MAX_USER_AGENT - 1, "\xc3\xa9", 2);
    memset(long_ua + MTRK_MAX_USER_AGENT + 1, 'v', 40);
    long_ua[MTRK_MAX_USER_AGENT + 41] = '\0';
    conf_ev_init(&in, MTRK_EV_OPEN, s.mids[0], T(3));
    in.user_agent = long_ua;
    CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    e = event_at(fx->t, s.mids[0], 3);
    assert_int_equal(strlen(e.user_agent), MTRK_MAX_USER_AGENT - 1);
    assert_int_equal(strspn(e.user_agent, "u"), MTRK_MAX_USER_AGENT - 1);
    free(long_ua);
    conf_ev_init(&in, MTRK_EV_OPEN, s.mids[0], T(4));
    in.user_agent = "bad \xC3\x28 utf-8";
    CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    e = event_at(fx->t, s.mids[0], 4);
    assert_string_equal(e.user_agent, "bad ?( utf-8");
    conf_scn_free(&s);
}

/* The machine rules judge the user agent as it is stored: a zero-width
 * character inside a scanner's name does not hide it. */
static void machine_rules_judge_the_user_agent_as_stored(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_input in;
    conf_scn_build(&s, fx->t, "ms", 1, 1, 1);
    conf_ev_init(&in, MTRK_EV_CLICK, s.mids[0], T(1));
    in.lid = s.lids[0];
    in.user_agent = "Mozilla/5.0 (Barra\xe2\x80\x8b" "cuda)";
    in.verdict = MTRK_VERDICT_AUTO;
    CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    mtrk_event_info e = event_at(fx->t, s.mids[0], 1);
    assert_string_equal(e.user_agent, "Mozilla/5.0 (Barracuda)");
    assert_int_equal(e.verdict, MTRK_VERDICT_MACHINE);
    assert_string_equal(e.verdict_reason, "security_scanner:user_agent");
    conf_scn_free(&s);
}

/* The content key (mtrk_event_content_key): pure, pinned to its documented
 * layout (the value is BLAKE2b-256 of the tagged fields, computed apart with
 * Python's hashlib), equal for equal content, different when any field
 * differs; recording with it makes a repeat a duplicate. */
static void content_key_is_pinned_and_makes_repeats_duplicates(void **state)
{
    conf_fixture *fx = *state;
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = MTRK_EV_OPEN;
    for (int i = 0; i < 16; i++)
        in.mid.bytes[i] = (unsigned char)i;
    in.occurred_at = INT64_C(1772359200000);
    in.user_agent = "Mozilla/5.0";
    char k[MTRK_EVENT_CONTENT_KEY_SIZE], k2[MTRK_EVENT_CONTENT_KEY_SIZE];
    CONF_OK(mtrk_event_content_key(k, &in));
    assert_string_equal(k, "content:b6e85b20f1148ab31ffddda1514197086de3e4b87024ea1bae57676ccd54ef8b");
    CONF_OK(mtrk_event_content_key(k2, &in));
    assert_string_equal(k, k2);
    in.user_agent = "Mozilla/5.1";
    CONF_OK(mtrk_event_content_key(k2, &in));
    assert_string_not_equal(k, k2);
    in.user_agent = NULL; /* absent and "" differ */
    CONF_OK(mtrk_event_content_key(k, &in));
    in.user_agent = "";
    CONF_OK(mtrk_event_content_key(k2, &in));
    assert_string_not_equal(k, k2);
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_content_key(NULL, &in));
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_content_key(k, NULL));
    in.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_event_content_key(k, &in));

    conf_scn s;
    conf_scn_build(&s, fx->t, "ck", 1, 0, 1);
    conf_ev_init(&in, MTRK_EV_OPEN, s.mids[0], T(1));
    CONF_OK(mtrk_event_content_key(k, &in));
    in.provider = "mine";
    in.provider_event_id = k;
    mtrk_event_outcome o;
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    CONF_OK(mtrk_event_record(&o, fx->t, &in));
    assert_int_equal(o.duplicate, 0);
    CONF_OK(mtrk_event_record(&o, fx->t, &in));
    assert_int_equal(o.duplicate, 1);
    conf_scn_free(&s);
}

static void machine_verdict_is_stored_with_its_reason_and_counted_apart(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_input in;
    conf_scn_build(&s, fx->t, "mv", 1, 1, 1);
    conf_ev_init(&in, MTRK_EV_OPEN, s.mids[0], T(1));
    in.verdict = MTRK_VERDICT_MACHINE;
    in.verdict_reason = "privacy-proxy";
    in.user_agent = "Mozilla/5.0";
    in.ip = "192.0.2.1";
    CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    conf_ev_init(&in, MTRK_EV_CLICK, s.mids[0], T(2));
    in.lid = s.lids[0];
    in.verdict = MTRK_VERDICT_MACHINE;
    in.verdict_reason = "link-scanner";
    CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    mtrk_event_info e = event_at(fx->t, s.mids[0], 1);
    assert_int_equal(e.type, MTRK_EV_OPEN);
    assert_int_equal(e.verdict, MTRK_VERDICT_MACHINE);
    assert_string_equal(e.verdict_reason, "privacy-proxy");
    assert_string_equal(e.user_agent, "Mozilla/5.0");
    assert_string_equal(e.ip, "192.0.2.1");
    e = event_at(fx->t, s.mids[0], 2);
    assert_int_equal(e.type, MTRK_EV_CLICK);
    CONF_ID_EQ(e.lid, s.lids[0]);
    assert_string_equal(e.verdict_reason, "link-scanner");
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.opens_total, 1);
    assert_int_equal(mt.opens_machine, 1);
    assert_int_equal(mt.opens_unique, 1);
    assert_int_equal(mt.opens_unique_human, 0);
    assert_int_equal(mt.clicks_total, 1);
    assert_int_equal(mt.clicks_machine, 1);
    assert_int_equal(mt.clicks_unique, 1);
    assert_int_equal(mt.clicks_unique_human, 0);
    conf_scn_free(&s);
}

/* ----------------------------------------------------------------- links */

static void click_requires_a_link_of_the_messages_campaign(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s, other;
    mtrk_id nil = { { 0 } };
    mtrk_event_input in;
    conf_scn_build(&s, fx->t, "cl", 1, 1, 1);
    conf_scn_build(&other, fx->t, "co", 1, 1, 1);
    CONF_EXPECT(MTRK_EINVAL, conf_click(NULL, fx->t, s.mids[0], nil, T(1)));
    CONF_ERRMSG_HAS("lid");
    CONF_EXPECT(MTRK_ENOTFOUND, conf_click(NULL, fx->t, s.mids[0], other.lids[0], T(1)));
    CONF_ERRMSG_HAS("lid");
    CONF_EXPECT(MTRK_ENOTFOUND, conf_click(NULL, fx->t, s.mids[0], conf_unknown_id(), T(1)));
    conf_ev_init(&in, MTRK_EV_OPEN, s.mids[0], T(1));
    in.lid = s.lids[0];
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_record(NULL, fx->t, &in));
    CONF_ERRMSG_HAS("lid");
    /* only the sent event of each message is stored */
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), 1);
    assert_int_equal(conf_metrics(fx->t, s.campaign).clicks_total, 0);
    CONF_OK(conf_click(NULL, fx->t, s.mids[0], s.lids[0], T(1)));
    /* In a batch, which reads each link once: a link checked against each
     * event's message, whatever the batch's earlier clicks on it. */
    enum { NB = 4 };
    mtrk_event_input bin[NB];
    const mtrk_event_input *bev[NB];
    mtrk_event_outcome bout[NB];
    mtrk_event_outcome *pout[NB];
    const mtrk_id *bmid[NB] = { &s.mids[0], &other.mids[0], &s.mids[0], &other.mids[0] };
    const mtrk_id *blid[NB] = { &s.lids[0], &s.lids[0], &other.lids[0], &other.lids[0] };
    for (int i = 0; i < NB; i++) {
        conf_ev_init(&bin[i], MTRK_EV_CLICK, *bmid[i], T(2 + i));
        bin[i].lid = *blid[i];
        bev[i] = &bin[i];
        CONF_INIT(bout[i], MTRK_EVENT_OUTCOME_VERSION);
        pout[i] = &bout[i];
    }
    size_t recorded = 0;
    CONF_OK(mtrk_event_record_batch(&recorded, pout, fx->t, bev, NB));
    assert_int_equal(recorded, 2);
    assert_int_equal(bout[0].status, MTRK_OK);
    assert_int_equal(bout[1].status, MTRK_ENOTFOUND);
    assert_string_equal(bout[1].argument, "lid");
    assert_int_equal(bout[2].status, MTRK_ENOTFOUND);
    assert_string_equal(bout[2].argument, "lid");
    assert_int_equal(bout[3].status, MTRK_OK);
    assert_int_equal(conf_metrics(fx->t, s.campaign).clicks_total, 2);
    assert_int_equal(conf_metrics(fx->t, other.campaign).clicks_total, 1);
    conf_scn_free(&s);
    conf_scn_free(&other);
}

/* ----------------------------------------------------------- idempotency */

/* A caller built against version 1 of mtrk_event_outcome passes a smaller
 * struct: neither the init function nor a refused event, a duplicate or a
 * conflict writes past it; a version-2 caller gets each item's message. */
static void outcome_version_1_is_never_written_past(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "ov", 2, 0, 1);
    enum { N = 3, V1 = offsetof(mtrk_event_outcome, conflict) };
    union {
        mtrk_event_outcome o;
        unsigned char b[sizeof(mtrk_event_outcome)];
    } buf[N];
    mtrk_event_input in[N];
    const mtrk_event_input *ev[N];
    mtrk_event_outcome *out[N];
    memset(buf, 0xab, sizeof buf);
    for (int i = 0; i < N; i++) {
        CONF_OK(mtrk_event_outcome_init(&buf[i].o, 1));
        for (size_t k = V1; k < sizeof buf[i].b; k++)
            assert_int_equal(buf[i].b[k], 0xab);
        conf_ev_init(&in[i], MTRK_EV_OPEN, s.mids[i % 2], T(5));
        in[i].provider = "esp";
        in[i].provider_event_id = "same";
        ev[i] = &in[i];
        out[i] = &buf[i].o;
    }
    in[1].mid = s.mids[1];                  /* another message: a conflict */
    in[2].mid = s.mids[0];                  /* identical to the first: a duplicate */
    in[2].provider_event_id = "same";
    size_t recorded = 0;
    CONF_OK(mtrk_event_record_batch(&recorded, out, fx->t, ev, N));
    assert_int_equal(recorded, 1);
    assert_int_equal(buf[1].o.status, MTRK_EEXISTS);
    assert_int_equal(buf[2].o.duplicate, 1);
    for (int i = 0; i < N; i++)
        for (size_t k = V1; k < sizeof buf[i].b; k++)
            assert_int_equal(buf[i].b[k], 0xab);
    /* A single call too. */
    CONF_EXPECT(MTRK_EEXISTS, mtrk_event_record(&buf[0].o, fx->t, &in[1]));
    for (size_t k = V1; k < sizeof buf[0].b; k++)
        assert_int_equal(buf[0].b[k], 0xab);
    /* Version 2: the conflict explains itself. */
    mtrk_event_outcome o2;
    CONF_INIT(o2, MTRK_EVENT_OUTCOME_VERSION);
    CONF_EXPECT(MTRK_EEXISTS, mtrk_event_record(&o2, fx->t, &in[1]));
    assert_int_equal(o2.conflict, 1);
    assert_string_equal(o2.argument, "provider_event_id");
    assert_non_null(strstr(o2.message, "\"same\""));
    conf_scn_free(&s);
}

static void duplicate_provider_event_is_acknowledged_and_changes_nothing(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_input in;
    mtrk_event_outcome o1, o2;
    CONF_INIT(o1, MTRK_EVENT_OUTCOME_VERSION);
    CONF_INIT(o2, MTRK_EVENT_OUTCOME_VERSION);
    conf_scn_build(&s, fx->t, "dp", 1, 0, 1);
    conf_ev_init(&in, MTRK_EV_OPEN, s.mids[0], T(5));
    in.provider = "sendgrid";
    in.provider_event_id = "evt-1";
    CONF_OK(mtrk_event_record(&o1, fx->t, &in));
    assert_int_equal(o1.duplicate, 0);
    mtrk_metrics before = conf_metrics(fx->t, s.campaign);
    mtrk_message_info mb = conf_msg(fx->t, s.mids[0]);
    conf_clock_advance(CONF_HOUR);
    CONF_OK(mtrk_event_record(&o2, fx->t, &in));
    assert_int_equal(o2.status, 0);
    assert_int_equal(o2.duplicate, 1);
    CONF_ID_EQ(o2.event_id, o1.event_id);
    /* same key, another type: a conflict, refused, nothing changed */
    in.type = MTRK_EV_COMPLAINT;
    CONF_EXPECT(MTRK_EEXISTS, mtrk_event_record(&o2, fx->t, &in));
    assert_int_equal(o2.status, MTRK_EEXISTS);
    assert_int_equal(o2.conflict, 1);
    assert_int_equal(o2.duplicate, 0);
    CONF_ID_EQ(o2.event_id, o1.event_id);
    assert_non_null(o2.message);
    assert_non_null(strstr(o2.message, "conflict"));
    assert_string_equal(o2.argument, "provider_event_id");
    CONF_ERRMSG_HAS("evt-1");
    mtrk_metrics after = conf_metrics(fx->t, s.campaign);
    conf_metrics_assert_equal(&before, &after);
    mtrk_message_info ma = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(ma.opens, mb.opens);
    assert_int_equal(ma.first_complaint_at, 0);
    assert_int_equal(conf_contact_status(fx->t, s.contacts[0]), MTRK_CONTACT_ACTIVE);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), 2);
    /* another provider with the same event id is another event */
    in.type = MTRK_EV_OPEN;
    in.provider = "ses";
    CONF_OK(mtrk_event_record(&o2, fx->t, &in));
    assert_int_equal(o2.duplicate, 0);
    assert_int_equal(conf_metrics(fx->t, s.campaign).opens_total, 2);
    conf_scn_free(&s);
}

static void provider_event_ids_are_unique_per_tenant_only(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s1, s2;
    mtrk_event_input in;
    mtrk_event_outcome o;
    CONF_INIT(o, MTRK_EVENT_OUTCOME_VERSION);
    conf_scn_build(&s1, fx->t, "pt", 1, 0, 1);
    conf_scn_build(&s2, fx->t2, "pt", 1, 0, 1);
    conf_ev_init(&in, MTRK_EV_DELIVERED, s1.mids[0], T(5));
    in.provider = "mailgun";
    in.provider_event_id = "same";
    CONF_OK(mtrk_event_record(&o, fx->t, &in));
    assert_int_equal(o.duplicate, 0);
    in.mid = s2.mids[0];
    CONF_OK(mtrk_event_record(&o, fx->t2, &in));
    assert_int_equal(o.duplicate, 0);
    assert_int_equal(conf_metrics(fx->t2, s2.campaign).delivered, 1);
    conf_scn_free(&s1);
    conf_scn_free(&s2);
}

static void event_keeps_its_occurrence_and_arrival_times(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "tm", 1, 0, 1);
    conf_clock_set(CONF_T0 + 10 * CONF_HOUR);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, s.mids[0], CONF_T0 + 5 * CONF_HOUR));
    mtrk_event_info e = event_at(fx->t, s.mids[0], 1);
    assert_int_equal(e.occurred_at, CONF_T0 + 5 * CONF_HOUR);
    assert_int_equal(e.arrived_at, CONF_T0 + 10 * CONF_HOUR);
    CONF_ID_EQ(e.contact, s.contacts[0]);
    CONF_ID_EQ(e.campaign, s.campaign);
    conf_clock_set(CONF_T0 + 11 * CONF_HOUR);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], 0)); /* 0 = now */
    e = event_at(fx->t, s.mids[0], 2);
    assert_int_equal(e.occurred_at, CONF_T0 + 11 * CONF_HOUR);
    assert_int_equal(e.arrived_at, CONF_T0 + 11 * CONF_HOUR);
    conf_scn_free(&s);
}

/* A message with many events, many of them at one event time and one
 * arrival time (a fixed clock): each counts once, however the library keeps
 * a busy message's facts. Opens alternate with a link's clicks, so the
 * first click is also checked. */
static void a_busy_message_counts_each_event_once_whatever_their_times(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "busy", 2, 1, 1);
    conf_clock_set(CONF_T0 + 2 * CONF_HOUR);
    enum { ONE_BY_ONE = 37, BATCH = 45 };
    uint32_t opens = 0, clicks = 0;
    for (int i = 0; i < ONE_BY_ONE; i++) {
        mtrk_time at = i % 3 == 2 ? T(7) : T(5); /* mostly one time, some later */
        if (i % 4 == 3) {
            CONF_OK(conf_click(NULL, fx->t, s.mids[0], s.lids[0], at));
            clicks++;
        } else {
            CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], at));
            opens++;
        }
        mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
        assert_int_equal(m.opens, opens);
        assert_int_equal(m.clicks, clicks);
    }
    /* Then one batch at one arrival time: the same message, and another. */
    mtrk_event_input in[BATCH];
    mtrk_event_outcome oc[BATCH];
    const mtrk_event_input *pin[BATCH];
    mtrk_event_outcome *poc[BATCH];
    uint32_t opens1 = 0;
    for (int i = 0; i < BATCH; i++) {
        CONF_INIT(in[i], MTRK_EVENT_INPUT_VERSION);
        CONF_INIT(oc[i], MTRK_EVENT_OUTCOME_VERSION);
        in[i].type = MTRK_EV_OPEN;
        in[i].mid = s.mids[i % 5 == 4 ? 1 : 0];
        in[i].occurred_at = i % 2 ? T(5) : T(6);
        if (i % 5 == 4)
            opens1++;
        else
            opens++;
        pin[i] = &in[i];
        poc[i] = &oc[i];
    }
    size_t recorded = 0;
    CONF_OK(mtrk_event_record_batch(&recorded, poc, fx->t, pin, BATCH));
    assert_int_equal(recorded, BATCH);
    mtrk_message_info m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.opens, opens);
    assert_int_equal(m.clicks, clicks);
    assert_int_equal(m.first_open_at, T(5));
    assert_int_equal(m.first_click_at, T(5));
    m = conf_msg(fx->t, s.mids[1]);
    assert_int_equal(m.opens, opens1);
    /* And one more, one by one, after the batch. */
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], T(5)));
    m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.opens, opens + 1);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.opens_total, opens + 1 + opens1);
    assert_int_equal(mt.clicks_unique, 1);
    /* The rebuild, which folds every event from scratch, agrees. */
    CONF_OK(mtrk_metrics_rebuild(fx->t));
    m = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m.opens, opens + 1);
    assert_int_equal(m.clicks, clicks);
    mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.opens_total, opens + 1 + opens1);
    conf_scn_free(&s);
}

/* ----------------------------------------------------------------- batch */

static void batch_judges_each_event_on_its_own(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_input in[5];
    mtrk_event_outcome oc[5];
    size_t recorded = 99;
    conf_scn_build(&s, fx->t, "ba", 2, 0, 1);
    conf_ev_init(&in[0], MTRK_EV_DELIVERED, s.mids[0], T(1));
    in[0].provider = "pm";
    in[0].provider_event_id = "b-1";
    conf_ev_init(&in[1], MTRK_EV_OPEN, conf_unknown_id(), T(2)); /* unknown mid */
    conf_ev_init(&in[2], MTRK_EV_OPEN, s.mids[1], T(3));
    in[3] = in[0]; /* duplicate inside the same batch */
    conf_ev_init(&in[4], MTRK_EV_BOUNCE, s.mids[1], T(4)); /* bounce without a kind */
    CONF_OK(conf_record_batch(&recorded, oc, fx->t, in, 5));
    assert_int_equal(recorded, 2);
    assert_int_equal(oc[0].status, 0);
    assert_int_equal(oc[0].duplicate, 0);
    assert_int_equal(oc[1].status, MTRK_ENOTFOUND);
    assert_int_equal(oc[2].status, 0);
    assert_int_equal(oc[2].duplicate, 0);
    assert_int_equal(oc[3].status, 0);
    assert_int_equal(oc[3].duplicate, 1);
    CONF_ID_EQ(oc[3].event_id, oc[0].event_id);
    assert_int_equal(oc[4].status, MTRK_EINVAL);
    CONF_ERRMSG_HAS("events[4]->bounce_kind"); /* the last refusal, named by its index */
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.delivered, 2);
    assert_int_equal(mt.delivered_explicit, 1);
    assert_int_equal(mt.opens_total, 1);
    assert_int_equal(mt.bounced_hard + mt.bounced_soft, 0);
    assert_int_equal(conf_count_campaign_events(fx->t, s.campaign), 2 + 2);
    conf_scn_free(&s);
}

static void batch_argument_errors_keep_nothing(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_input in[2];
    mtrk_event_outcome oc[2];
    const mtrk_event_input *ev[2] = { &in[0], &in[1] };
    mtrk_event_outcome *out[2] = { &oc[0], NULL };
    conf_scn_build(&s, fx->t, "bz", 1, 0, 1);
    conf_ev_init(&in[0], MTRK_EV_DELIVERED, s.mids[0], T(1));
    conf_ev_init(&in[1], MTRK_EV_OPEN, s.mids[0], T(2));
    CONF_INIT(oc[0], MTRK_EVENT_OUTCOME_VERSION);
    CONF_INIT(oc[1], MTRK_EVENT_OUTCOME_VERSION);
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_record_batch(NULL, out, fx->t, ev, 2));
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_record_batch(NULL, NULL, fx->t, ev, 2));
    out[1] = &oc[1];
    oc[1].version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_event_record_batch(NULL, out, fx->t, ev, 2));
    CONF_ERRMSG_HAS("outcomes[1]");
    oc[1].version = MTRK_EVENT_OUTCOME_VERSION;
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_record_batch(NULL, out, fx->t, NULL, 2));
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_record_batch(NULL, out, NULL, ev, 2));
    /* more than MTRK_MAX_BATCH events: refused as a whole */
    {
        size_t big = (size_t)MTRK_MAX_BATCH + 1;
        const mtrk_event_input **bev = calloc(big, sizeof *bev);
        mtrk_event_outcome **bout = calloc(big, sizeof *bout);
        assert_non_null(bev);
        assert_non_null(bout);
        for (size_t i = 0; i < big; i++) {
            bev[i] = &in[1];
            bout[i] = &oc[0];
        }
        CONF_EXPECT(MTRK_ETOOLONG, mtrk_event_record_batch(NULL, bout, fx->t, bev, big));
        free(bev);
        free(bout);
    }
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), 1);
    assert_int_equal(conf_metrics(fx->t, s.campaign).delivered, 0);
    conf_scn_free(&s);
}

/* ------------------------------------------------------------ drill-down */

static void message_events_are_listed_in_event_time_then_arrival_order(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "dd", 1, 1, 0);
    conf_clock_set(CONF_T0 + CONF_HOUR);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[0], T(30)));
    conf_clock_advance(1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_SENT, s.mids[0], T(10)));
    conf_clock_advance(1);
    CONF_OK(conf_click(NULL, fx->t, s.mids[0], s.lids[0], T(20)));
    conf_clock_advance(1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, s.mids[0], T(20))); /* tie: arrived later */
    static const mtrk_event_type order[] = { MTRK_EV_SENT, MTRK_EV_CLICK, MTRK_EV_DELIVERED, MTRK_EV_OPEN };
    mtrk_event_iter *it = NULL;
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    CONF_OK(mtrk_event_iter_message(&it, fx->t, s.mids[0]));
    for (int i = 0; i < 4; i++) {
        CONF_OK(mtrk_event_iter_next(&e, it));
        assert_int_equal(e.type, order[i]);
    }
    assert_int_equal(mtrk_event_iter_next(&e, it), MTRK_ITEROVER);
    mtrk_event_iter_free(it);
    conf_scn_free(&s);
}

static void contact_history_spans_campaigns_in_event_time_order(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a, b;
    conf_scn_build(&a, fx->t, "hist", 1, 0, 0);
    conf_scn_build(&b, fx->t, "hist", 1, 0, 0);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_SENT, b.mids[0], T(2)));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_SENT, a.mids[0], T(1)));
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, a.mids[0], T(3)));
    mtrk_event_iter *it = NULL;
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    CONF_OK(mtrk_event_iter_contact(&it, fx->t, a.contacts[0]));
    CONF_OK(mtrk_event_iter_next(&e, it));
    CONF_ID_EQ(e.campaign, a.campaign);
    assert_int_equal(e.occurred_at, T(1));
    CONF_OK(mtrk_event_iter_next(&e, it));
    CONF_ID_EQ(e.campaign, b.campaign);
    CONF_OK(mtrk_event_iter_next(&e, it));
    assert_int_equal(e.type, MTRK_EV_OPEN);
    assert_int_equal(mtrk_event_iter_next(&e, it), MTRK_ITEROVER);
    mtrk_event_iter_free(it);
    conf_scn_free(&a);
    conf_scn_free(&b);
}

/* A contact's history is merged from its messages a page at a time: more
 * events than a page, interleaved across three campaigns with ties in event
 * time, come out in (event time, arrival) order, each once, and a cursor
 * taken mid-way resumes exactly after its item. */
static void contact_history_pages_merge_messages_in_order(void **state)
{
    conf_fixture *fx = *state;
    enum { PER = 110, NC = 3 };
    conf_scn s[NC];
    for (int k = 0; k < NC; k++)
        conf_scn_build(&s[k], fx->t, "merge", 1, 0, 0);
    for (int i = 0; i < PER; i++)
        for (int k = 0; k < NC; k++) {
            conf_clock_advance(1);
            /* campaign k's i-th open at minute 2i + (k == 2): ties between 0 and 1 */
            CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s[k].mids[0], T(2 * i + (k == 2))));
        }
    mtrk_event_iter *it = NULL;
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    CONF_OK(mtrk_event_iter_contact(&it, fx->t, s[0].contacts[0]));
    mtrk_time last_occ = INT64_MIN, last_arr = INT64_MIN;
    size_t n = 0, per[NC] = { 0 };
    uint8_t cur[MTRK_CURSOR_SIZE];
    mtrk_id at_cursor = { { 0 } }, after_cursor = { { 0 } };
    int rc;
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        assert_true(e.occurred_at > last_occ || (e.occurred_at == last_occ && e.arrived_at > last_arr));
        last_occ = e.occurred_at;
        last_arr = e.arrived_at;
        for (int k = 0; k < NC; k++)
            per[k] += mtrk_id_compare(e.campaign, s[k].campaign) == 0;
        if (n == 200) {
            CONF_OK(mtrk_event_iter_cursor(cur, it));
            at_cursor = e.id;
        }
        if (n == 201)
            after_cursor = e.id;
        n++;
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    assert_int_equal(n, PER * NC);
    for (int k = 0; k < NC; k++)
        assert_int_equal(per[k], PER);
    mtrk_event_iter_free(it);
    assert_false(mtrk_id_compare(at_cursor, after_cursor) == 0);
    CONF_OK(mtrk_event_iter_contact(&it, fx->t, s[0].contacts[0]));
    CONF_OK(mtrk_event_iter_seek(it, cur));
    CONF_OK(mtrk_event_iter_next(&e, it));
    CONF_ID_EQ(e.id, after_cursor);
    mtrk_event_iter_free(it);
    for (int k = 0; k < NC; k++)
        conf_scn_free(&s[k]);
}

static size_t count_iter(mtrk_event_iter *it, mtrk_event_type only, mtrk_time from, mtrk_time to)
{
    mtrk_event_info e;
    mtrk_time last = INT64_MIN;
    size_t n = 0;
    int rc;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        if (only)
            assert_int_equal(e.type, only);
        assert_true(e.occurred_at >= last);
        if (from)
            assert_true(e.occurred_at >= from);
        if (to)
            assert_true(e.occurred_at < to);
        last = e.occurred_at;
        n++;
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    return n;
}

static void campaign_events_filter_by_type_and_half_open_time_range(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_iter *it = NULL;
    conf_scn_build(&s, fx->t, "cr", 3, 0, 0);
    for (int i = 0; i < 3; i++) {
        CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_SENT, s.mids[i], T(10 + i)));
        CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_OPEN, s.mids[i], T(40 - i)));
    }
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, 0, 0, 0));
    assert_int_equal(count_iter(it, 0, 0, 0), 6);
    mtrk_event_iter_free(it);
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, MTRK_EV_OPEN, 0, 0));
    assert_int_equal(count_iter(it, MTRK_EV_OPEN, 0, 0), 3);
    mtrk_event_iter_free(it);
    /* [T(11), T(39)): sent at 11, 12 and open at 38 */
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, 0, T(11), T(39)));
    assert_int_equal(count_iter(it, 0, T(11), T(39)), 3);
    mtrk_event_iter_free(it);
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, MTRK_EV_SENT, T(11), 0));
    assert_int_equal(count_iter(it, MTRK_EV_SENT, T(11), 0), 2);
    mtrk_event_iter_free(it);
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_iter_campaign(&it, fx->t, s.campaign, (mtrk_event_type)42, 0, 0));
    conf_scn_free(&s);
}

/* events_by_campaign keeps an hour's events in arrival order (docs/
 * decisions.md §10); the listing still gives event-time order. 300 events
 * over 5 hours arrive in random order, some at equal times, some in batches:
 * the campaign listing equals the events read message by message and sorted
 * here, page breaks and hour edges included; so do a filtered listing
 * whose bounds fall inside hours, and a listing resumed from a cursor. */
typedef struct lkey {
    mtrk_time occ, arr;
    mtrk_id id;
    mtrk_event_type type;
} lkey;

static int lkey_cmp(const void *a, const void *b)
{
    const lkey *x = a, *y = b;
    if (x->occ != y->occ)
        return x->occ < y->occ ? -1 : 1;
    if (x->arr != y->arr)
        return x->arr < y->arr ? -1 : 1;
    return mtrk_id_compare(x->id, y->id);
}

static size_t list_ids(mtrk_event_iter *it, mtrk_id *out, size_t max)
{
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    size_t n = 0;
    int rc;
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        assert_true(n < max);
        out[n++] = e.id;
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    return n;
}

static void campaign_listing_is_in_event_time_order_across_hours_and_pages(void **state)
{
    conf_fixture *fx = *state;
    enum { NM = 30, NE = 300 };
    conf_scn s;
    conf_scn_build(&s, fx->t, "lh", NM, 0, 1);
    uint64_t seed = 12345;
    mtrk_event_input in[NE];
    for (int i = 0; i < NE; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        uint32_t r = (uint32_t)(seed >> 33);
        mtrk_event_type type = (r & 1) ? MTRK_EV_OPEN : MTRK_EV_DELIVERED;
        /* minutes 0..299 (hours 0..4); every 7th at a shared minute */
        mtrk_time at = i % 7 == 0 ? T(125) : T((r >> 1) % 300);
        conf_ev_init(&in[i], type, s.mids[(r >> 10) % NM], at);
    }
    for (int i = 0; i < NE;) {
        if (i % 3 == 0) { /* a batch of up to 40 */
            size_t n = NE - i < 40 ? (size_t)(NE - i) : 40, rec = 0;
            const mtrk_event_input *ev[40];
            mtrk_event_outcome oc[40], *out[40];
            for (size_t j = 0; j < n; j++) {
                ev[j] = &in[i + j];
                CONF_INIT(oc[j], MTRK_EVENT_OUTCOME_VERSION);
                out[j] = &oc[j];
            }
            CONF_OK(mtrk_event_record_batch(&rec, out, fx->t, ev, n));
            assert_int_equal(rec, n);
            i += (int)n;
        } else {
            CONF_OK(mtrk_event_record(NULL, fx->t, &in[i]));
            i++;
        }
        conf_clock_advance(1);
    }
    /* The expected order, from the events read message by message. */
    lkey *all = calloc(NE + 64, sizeof *all);
    size_t na = 0;
    for (int m = 0; m < NM; m++) {
        mtrk_event_iter *mi;
        mtrk_event_info e;
        CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
        CONF_OK(mtrk_event_iter_message(&mi, fx->t, s.mids[m]));
        while (mtrk_event_iter_next(&e, mi) == MTRK_OK)
            all[na++] = (lkey){ e.occurred_at, e.arrived_at, e.id, e.type };
        mtrk_event_iter_free(mi);
    }
    qsort(all, na, sizeof *all, lkey_cmp);
    mtrk_id *got = calloc(NE + 64, sizeof *got);
    mtrk_event_iter *it;
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, 0, 0, 0));
    size_t ng = list_ids(it, got, NE + 64);
    mtrk_event_iter_free(it);
    assert_int_equal(ng, na);
    for (size_t i = 0; i < na; i++)
        CONF_ID_EQ(got[i], all[i].id);
    /* Opens in [minute 70, minute 250): both bounds inside an hour. */
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, MTRK_EV_OPEN, T(70), T(250)));
    ng = list_ids(it, got, NE + 64);
    mtrk_event_iter_free(it);
    size_t k = 0;
    for (size_t i = 0; i < na; i++)
        if (all[i].type == MTRK_EV_OPEN && all[i].occ >= T(70) && all[i].occ < T(250)) {
            assert_true(k < ng);
            CONF_ID_EQ(got[k], all[i].id);
            k++;
        }
    assert_int_equal(ng, k);
    assert_true(k > 20);
    /* Resumed from the cursor of the 150th item (inside a page and an hour). */
    uint8_t cur[MTRK_CURSOR_SIZE];
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, 0, 0, 0));
    for (int i = 0; i < 150; i++)
        CONF_OK(mtrk_event_iter_next(&e, it));
    CONF_OK(mtrk_event_iter_cursor(cur, it));
    mtrk_event_iter_free(it);
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, 0, 0, 0));
    CONF_OK(mtrk_event_iter_seek(it, cur));
    ng = list_ids(it, got, NE + 64);
    mtrk_event_iter_free(it);
    assert_int_equal(ng, na - 150);
    for (size_t i = 0; i < ng; i++)
        CONF_ID_EQ(got[i], all[150 + i].id);
    free(all);
    free(got);
    conf_scn_free(&s);
}

static void event_cursor_resumes_after_the_last_item(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_iter *it = NULL, *it2 = NULL;
    mtrk_event_info e;
    uint8_t cur[MTRK_CURSOR_SIZE];
    mtrk_id ids[5];
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    conf_scn_build(&s, fx->t, "cu", 5, 0, 0);
    for (int i = 0; i < 5; i++)
        CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_SENT, s.mids[i], T(5 - i)));
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, 0, 0, 0));
    for (int i = 0; i < 5; i++) {
        CONF_OK(mtrk_event_iter_next(&e, it));
        ids[i] = e.id;
    }
    mtrk_event_iter_free(it);
    CONF_OK(mtrk_event_iter_campaign(&it, fx->t, s.campaign, 0, 0, 0));
    CONF_OK(mtrk_event_iter_next(&e, it));
    CONF_OK(mtrk_event_iter_next(&e, it));
    CONF_OK(mtrk_event_iter_cursor(cur, it));
    mtrk_event_iter_free(it);
    CONF_OK(mtrk_event_iter_campaign(&it2, fx->t, s.campaign, 0, 0, 0));
    CONF_OK(mtrk_event_iter_seek(it2, cur));
    for (int i = 2; i < 5; i++) {
        CONF_OK(mtrk_event_iter_next(&e, it2));
        CONF_ID_EQ(e.id, ids[i]);
    }
    assert_int_equal(mtrk_event_iter_next(&e, it2), MTRK_ITEROVER);
    mtrk_event_iter_free(it2);
    conf_scn_free(&s);
}

/* ------------------------------------------------------------ validation */

static void expect_event_refused(conf_fixture *fx, const mtrk_event_input *in, int code, const char *field,
                                 mtrk_id campaign)
{
    size_t before = conf_count_campaign_events(fx->t, campaign);
    CONF_EXPECT(code, mtrk_event_record(NULL, fx->t, in));
    if (field)
        CONF_ERRMSG_HAS(field);
    assert_int_equal(conf_count_campaign_events(fx->t, campaign), before);
}

static void event_validation_refuses_each_bad_field(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_event_input in;
    mtrk_id nil = { { 0 } };
    char *long_ua = conf_str(MTRK_MAX_USER_AGENT + 1, 'u');
    char *long_prov = conf_str(MTRK_MAX_PROVIDER + 1, 'p');
    char *long_ip = conf_str(MTRK_MAX_IP + 1, '1');
    char *long_diag = conf_str(MTRK_MAX_DIAGNOSTIC + 1, 'd');
    char *long_reason = conf_str(MTRK_MAX_NAME + 1, 'r');
    conf_scn_build(&s, fx->t, "va", 1, 1, 1);
    mtrk_id c = s.campaign, m = s.mids[0];

#define RESET(type) conf_ev_init(&in, (type), m, T(1))
    RESET(0);
    expect_event_refused(fx, &in, MTRK_EINVAL, "type", c);
    RESET((mtrk_event_type)MTRK_EV_TYPE_COUNT);
    expect_event_refused(fx, &in, MTRK_EINVAL, "type", c);
    RESET(MTRK_EV_OPEN);
    in.mid = conf_unknown_id();
    expect_event_refused(fx, &in, MTRK_ENOTFOUND, "mid", c);
    RESET(MTRK_EV_BOUNCE);
    expect_event_refused(fx, &in, MTRK_EINVAL, "bounce_kind", c);
    RESET(MTRK_EV_BOUNCE);
    in.bounce_kind = (mtrk_bounce_kind)3;
    expect_event_refused(fx, &in, MTRK_EINVAL, "bounce_kind", c);
    RESET(MTRK_EV_OPEN);
    in.bounce_kind = MTRK_BOUNCE_HARD;
    expect_event_refused(fx, &in, MTRK_EINVAL, "bounce_kind", c);
    RESET(MTRK_EV_OPEN);
    in.provider = "sendgrid";
    expect_event_refused(fx, &in, MTRK_EINVAL, "provider", c);
    RESET(MTRK_EV_OPEN);
    in.provider_event_id = "e1";
    expect_event_refused(fx, &in, MTRK_EINVAL, "provider", c);
    RESET(MTRK_EV_OPEN);
    in.occurred_at = -1;
    expect_event_refused(fx, &in, MTRK_EINVAL, "occurred_at", c);
    RESET(MTRK_EV_UNSUBSCRIBE);
    in.unsub_scope = (mtrk_unsub_scope)4;
    expect_event_refused(fx, &in, MTRK_EINVAL, "unsub_scope", c);
    RESET(MTRK_EV_UNSUBSCRIBE);
    in.unsub_scope = MTRK_UNSUB_GLOBAL;
    in.unsub_audience = s.audience;
    expect_event_refused(fx, &in, MTRK_EINVAL, "unsub_audience", c);
    RESET(MTRK_EV_UNSUBSCRIBE);
    in.unsub_scope = MTRK_UNSUB_AUDIENCE;
    in.unsub_audience = conf_unknown_id();
    expect_event_refused(fx, &in, MTRK_ENOTFOUND, "unsub_audience", c);
    RESET(MTRK_EV_OPEN);
    in.verdict = (mtrk_verdict)3;
    expect_event_refused(fx, &in, MTRK_EINVAL, "verdict", c);
    RESET(MTRK_EV_OPEN);
    in.provider = long_prov;
    in.provider_event_id = "e1";
    expect_event_refused(fx, &in, MTRK_ETOOLONG, "provider", c);
    RESET(MTRK_EV_OPEN);
    in.provider = "sendgrid";
    in.provider_event_id = long_prov;
    expect_event_refused(fx, &in, MTRK_ETOOLONG, "provider_event_id", c);
    RESET(MTRK_EV_OPEN);
    in.ip = long_ip;
    expect_event_refused(fx, &in, MTRK_ETOOLONG, "ip", c);
    RESET(MTRK_EV_BOUNCE);
    in.bounce_kind = MTRK_BOUNCE_SOFT;
    in.diagnostic = long_diag;
    expect_event_refused(fx, &in, MTRK_ETOOLONG, "diagnostic", c);
    RESET(MTRK_EV_OPEN);
    in.verdict = MTRK_VERDICT_MACHINE;
    in.verdict_reason = long_reason;
    expect_event_refused(fx, &in, MTRK_ETOOLONG, "verdict_reason", c);
    RESET(MTRK_EV_OPEN);
    in.version = 0;
    expect_event_refused(fx, &in, MTRK_EVERSION, NULL, c);
    RESET(MTRK_EV_OPEN);
    in.version = 99;
    expect_event_refused(fx, &in, MTRK_EVERSION, NULL, c);
    /* a nil mid is refused as missing, naming the field */
    RESET(MTRK_EV_OPEN);
    in.mid = nil;
    expect_event_refused(fx, &in, MTRK_EINVAL, "mid", c);
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_record(NULL, fx->t, NULL));
    CONF_ERRMSG_HAS("event");
    RESET(MTRK_EV_OPEN);
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_record(NULL, NULL, &in));
    CONF_ERRMSG_HAS("tenant");
    mtrk_event_outcome o;
    CONF_INIT(o, 99);
    CONF_EXPECT(MTRK_EVERSION, mtrk_event_record(&o, fx->t, &in));
#undef RESET
    /* limits themselves are accepted */
    long_ua[MTRK_MAX_USER_AGENT] = '\0';
    conf_ev_init(&in, MTRK_EV_OPEN, m, T(1));
    in.user_agent = long_ua;
    CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    assert_int_equal(mtrk_event_type_name(MTRK_EV_OPEN) != NULL, 1);
    assert_string_equal(mtrk_event_type_name(MTRK_EV_CLICK), "click");
    assert_null(mtrk_event_type_name((mtrk_event_type)MTRK_EV_TYPE_COUNT));
    free(long_ua);
    free(long_prov);
    free(long_ip);
    free(long_diag);
    free(long_reason);
    conf_scn_free(&s);
}

/* --------------------------------------------------------------- tenancy */

static void event_ids_of_another_tenant_behave_as_unknown(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s1, s2;
    mtrk_event_input in;
    conf_scn_build(&s1, fx->t, "is", 1, 1, 1);
    conf_scn_build(&s2, fx->t2, "is", 1, 1, 1);
    CONF_EXPECT(MTRK_ENOTFOUND, conf_ev(NULL, fx->t2, MTRK_EV_OPEN, s1.mids[0], T(1)));
    CONF_EXPECT(MTRK_ENOTFOUND, conf_click(NULL, fx->t2, s2.mids[0], s1.lids[0], T(1)));
    conf_ev_init(&in, MTRK_EV_UNSUBSCRIBE, s2.mids[0], T(1));
    in.unsub_scope = MTRK_UNSUB_AUDIENCE;
    in.unsub_audience = s1.audience;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_event_record(NULL, fx->t2, &in));
    /* drill-down on a foreign id: exactly as on an unknown one */
    mtrk_event_iter *a = NULL, *b = NULL;
    int rf = mtrk_event_iter_message(&a, fx->t2, s1.mids[0]);
    int ru = mtrk_event_iter_message(&b, fx->t2, conf_unknown_id());
    assert_int_equal(rf, ru);
    if (rf == MTRK_OK) {
        mtrk_event_info e;
        CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
        assert_int_equal(mtrk_event_iter_next(&e, a), MTRK_ITEROVER);
    } else {
        assert_int_equal(rf, MTRK_ENOTFOUND);
    }
    mtrk_event_iter_free(a);
    mtrk_event_iter_free(b);
    assert_int_equal(conf_count_message_events(fx->t, s1.mids[0]), 1);
    assert_int_equal(conf_metrics(fx->t, s1.campaign).opens_total, 0);
    conf_scn_free(&s1);
    conf_scn_free(&s2);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(sent_event_moves_a_queued_message_to_sent),
    CONF_TEST(delivered_event_moves_sent_to_delivered),
    CONF_TEST(deferred_event_changes_no_state),
    CONF_TEST(open_implies_delivery),
    CONF_TEST(click_implies_delivery),
    CONF_TEST(open_before_delivered_still_counts),
    CONF_TEST(first_times_are_the_earliest_event_time),
    CONF_TEST(sent_after_delivered_is_recorded_and_the_state_kept),
    CONF_TEST(hard_bounce_bounces_message_and_contact_and_suppresses_the_address),
    CONF_TEST(hard_bounce_after_delivered_still_bounces),
    CONF_TEST(late_delivered_never_clears_a_bounce),
    CONF_TEST(soft_bounces_reaching_the_threshold_count_as_hard),
    CONF_TEST(soft_bounce_threshold_is_the_tenant_setting),
    CONF_TEST(soft_bounce_run_is_per_contact_across_campaigns),
    CONF_TEST(a_delivery_resets_the_soft_bounce_run),
    CONF_TEST(soft_bounce_run_follows_event_time_not_arrival),
    CONF_TEST(complaint_marks_contact_unsubscribes_globally_and_suppresses),
    CONF_TEST(unsubscribe_global_creates_the_rule_and_cancels_queued_messages),
    CONF_TEST(unsubscribe_campaign_scope_touches_only_that_campaign),
    CONF_TEST(unsubscribe_audience_scope_cancels_only_where_no_audience_stays_open),
    CONF_TEST(machine_verdict_is_stored_with_its_reason_and_counted_apart),
    CONF_TEST(client_fields_are_stored_sanitized),
    CONF_TEST(machine_rules_judge_the_user_agent_as_stored),
    CONF_TEST(content_key_is_pinned_and_makes_repeats_duplicates),
    CONF_TEST(click_requires_a_link_of_the_messages_campaign),
    CONF_TEST(duplicate_provider_event_is_acknowledged_and_changes_nothing),
    CONF_TEST(outcome_version_1_is_never_written_past),
    CONF_TEST(provider_event_ids_are_unique_per_tenant_only),
    CONF_TEST(event_keeps_its_occurrence_and_arrival_times),
    CONF_TEST(a_busy_message_counts_each_event_once_whatever_their_times),
    CONF_TEST(batch_judges_each_event_on_its_own),
    CONF_TEST(batch_argument_errors_keep_nothing),
    CONF_TEST(batch_records_what_the_callers_order_records),
    CONF_TEST(batch_ids_follow_the_order_events_are_written),
    CONF_TEST(batch_in_slices_records_what_the_callers_order_records),
    CONF_TEST(batch_slices_keep_a_contacts_soft_run),
    CONF_TEST(message_events_are_listed_in_event_time_then_arrival_order),
    CONF_TEST(contact_history_spans_campaigns_in_event_time_order),
    CONF_TEST(contact_history_pages_merge_messages_in_order),
    CONF_TEST(campaign_events_filter_by_type_and_half_open_time_range),
    CONF_TEST(event_cursor_resumes_after_the_last_item),
    CONF_TEST(campaign_listing_is_in_event_time_order_across_hours_and_pages),
    CONF_TEST(event_validation_refuses_each_bad_field),
    CONF_TEST(event_ids_of_another_tenant_behave_as_unknown),
};

CONF_GROUP(conf_group_events, "events", tests);
