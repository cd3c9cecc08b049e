/*
 * Unit tests of the pure event rules (src/core/decide.c): how one event moves
 * a message's state and facts, in every order that matters, and what a
 * message contributes to its campaign's counters. No store is involved.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "decide.h"

static row_messages msg(int state)
{
    row_messages m;
    memset(&m, 0, sizeof m);
    m.state = state;
    return m;
}

static decide_event ev(int type, mtrk_time at)
{
    decide_event e = { type, false, false, true, at };
    return e;
}

static decide_event bounce(bool hard, mtrk_time at)
{
    decide_event e = { MTRK_EV_BOUNCE, hard, !hard, true, at };
    return e;
}

static void sent_moves_queued_and_claimed_forward(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_CLAIMED);
    decide_event e = ev(MTRK_EV_SENT, 100);
    assert_int_equal(decide_message(&m, &e), MTRK_EFFECT_MESSAGE_STATE);
    assert_int_equal(m.state, MTRK_MSG_SENT);
    assert_int_equal(m.sent_at, 100);
    assert_true(m.flags & MSGF_SENT);
    m = msg(MTRK_MSG_QUEUED);
    assert_int_equal(decide_message(&m, &e), MTRK_EFFECT_MESSAGE_STATE);
    assert_int_equal(m.state, MTRK_MSG_SENT);
}

static void open_before_delivered_implies_delivery_and_counts(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_SENT);
    decide_event o = ev(MTRK_EV_OPEN, 50), d = ev(MTRK_EV_DELIVERED, 40);
    assert_int_equal(decide_message(&m, &o), MTRK_EFFECT_MESSAGE_STATE);
    assert_int_equal(m.state, MTRK_MSG_DELIVERED);
    assert_int_equal(decide_message(&m, &d), 0); /* already delivered: no move, nothing kept */
    assert_int_equal(m.delivered_at, 40);
    assert_int_equal(m.first_open_at, 50);
    assert_int_equal(m.opens, 1);
    assert_true(m.flags & MSGF_DELIVERED_EXPLICIT);
    assert_true(m.flags & MSGF_OPENED_HUMAN);
}

static void first_times_are_the_earliest_event_times(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_SENT);
    mtrk_time at[] = { 30, 10, 20 };
    for (int i = 0; i < 3; i++) {
        decide_event c = ev(MTRK_EV_CLICK, at[i]);
        decide_message(&m, &c);
    }
    assert_int_equal(m.first_click_at, 10);
    assert_int_equal(m.clicks, 3);
    assert_false(m.flags & MSGF_OPENED);
}

static void sent_after_delivered_keeps_the_state(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_DELIVERED);
    decide_event s = ev(MTRK_EV_SENT, 5);
    assert_int_equal(decide_message(&m, &s), MTRK_EFFECT_STATE_KEPT);
    assert_int_equal(m.state, MTRK_MSG_DELIVERED);
    assert_int_equal(m.sent_at, 5);
}

static void hard_bounce_after_delivered_bounces(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_SENT);
    decide_event d = ev(MTRK_EV_DELIVERED, 1), h = bounce(true, 9);
    decide_message(&m, &d);
    assert_int_equal(decide_message(&m, &h), MTRK_EFFECT_MESSAGE_STATE);
    assert_int_equal(m.state, MTRK_MSG_BOUNCED);
    assert_int_equal(m.bounced_at, 9);
    stats_contrib c;
    stats_contribution(&m, &c);
    assert_int_equal(c.delivered, 0);
    assert_int_equal(c.delivered_explicit, 0);
    assert_int_equal(c.bounced_hard, 1);
}

static void delivered_after_bounce_is_kept_out(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_SENT);
    decide_event h = bounce(true, 9), d = ev(MTRK_EV_DELIVERED, 2), o = ev(MTRK_EV_OPEN, 3);
    decide_message(&m, &h);
    assert_int_equal(decide_message(&m, &d), MTRK_EFFECT_STATE_KEPT);
    assert_int_equal(decide_message(&m, &o), MTRK_EFFECT_STATE_KEPT);
    assert_int_equal(m.state, MTRK_MSG_BOUNCED);
    assert_int_equal(decide_message(&m, &h), 0); /* a second hard bounce: same state */
}

static void canceled_is_terminal_even_for_a_hard_bounce(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_CANCELED);
    decide_event h = bounce(true, 9);
    assert_int_equal(decide_message(&m, &h), MTRK_EFFECT_STATE_KEPT);
    assert_int_equal(m.state, MTRK_MSG_CANCELED);
}

static void deferred_changes_nothing(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_CLAIMED), before = m;
    decide_event e = ev(MTRK_EV_DEFERRED, 7);
    assert_int_equal(decide_message(&m, &e), 0);
    assert_true(decide_facts_equal(&m, &before));
}

static void soft_bounce_complaint_unsubscribe_imply_sent_only(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_CLAIMED);
    decide_event s = bounce(false, 3), c = ev(MTRK_EV_COMPLAINT, 4), u = ev(MTRK_EV_UNSUBSCRIBE, 5);
    assert_int_equal(decide_message(&m, &s), MTRK_EFFECT_MESSAGE_STATE);
    assert_int_equal(m.state, MTRK_MSG_SENT);
    assert_int_equal(m.soft_bounces, 1);
    assert_true(m.flags & MSGF_SOFT_BOUNCED);
    m.state = MTRK_MSG_DELIVERED;
    assert_int_equal(decide_message(&m, &c), 0);
    assert_int_equal(decide_message(&m, &u), 0);
    assert_int_equal(m.state, MTRK_MSG_DELIVERED);
    assert_int_equal(m.first_complaint_at, 4);
    assert_int_equal(m.first_unsub_at, 5);
    assert_true(m.flags & MSGF_COMPLAINED);
    assert_true(m.flags & MSGF_UNSUBSCRIBED);
}

static void soft_bounce_over_threshold_counts_hard_and_soft(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_SENT);
    decide_event e = { MTRK_EV_BOUNCE, true, true, true, 8 };
    assert_int_equal(decide_message(&m, &e), MTRK_EFFECT_MESSAGE_STATE);
    stats_contrib c;
    stats_contribution(&m, &c);
    assert_int_equal(c.bounced_hard, 1);
    assert_int_equal(c.bounced_soft, 1);
}

static void machine_open_is_not_human(void **state)
{
    (void)state;
    row_messages m = msg(MTRK_MSG_SENT);
    decide_event o = ev(MTRK_EV_OPEN, 1);
    o.human = false;
    decide_message(&m, &o);
    stats_contrib c;
    stats_contribution(&m, &c);
    assert_int_equal(c.opens_unique, 1);
    assert_int_equal(c.opens_unique_human, 0);
}

/* The rollups look a contribution up in a table indexed by the flags
 * within MSGF_ALL and by whether the state is canceled (stats.c): the
 * function must depend on nothing else of the message. */
static void contribution_depends_on_flags_and_cancel_alone(void **state)
{
    (void)state;
    for (int64_t f = 0; f < 0x1000; f++) {
        for (int st = 0; st <= MTRK_MSG_CANCELED + 1; st++) {
            row_messages m = msg(st), k = msg(st == MTRK_MSG_CANCELED ? MTRK_MSG_CANCELED : MTRK_MSG_QUEUED);
            m.flags = f;
            m.opens = f % 7;
            m.clicks = f % 5;
            m.soft_bounces = f % 3;
            k.flags = f & MSGF_ALL;
            if (stats_contribution_bits(&m) != stats_contribution_bits(&k))
                fail_msg("flags 0x%llx, state %d: the contribution depends on more than MSGF_ALL and cancel",
                         (unsigned long long)f, st);
        }
    }
}

static void contribution_counts_each_fact_once(void **state)
{
    (void)state;
    stats_contrib c;
    stats_contribution(NULL, &c);
    assert_int_equal(c.messages, 0);
    row_messages m = msg(MTRK_MSG_QUEUED);
    stats_contribution(&m, &c);
    assert_int_equal(c.messages, 1);
    assert_int_equal(c.sent, 0);
    assert_int_equal(c.delivered, 0);
    m.state = MTRK_MSG_CANCELED;
    stats_contribution(&m, &c);
    assert_int_equal(c.canceled, 1);
    /* a click without an open: delivered, clicked, an inferred open, not a unique open */
    m = msg(MTRK_MSG_SENT);
    decide_event k = ev(MTRK_EV_CLICK, 3);
    decide_message(&m, &k);
    decide_message(&m, &k);
    stats_contribution(&m, &c);
    assert_int_equal(c.sent, 1);
    assert_int_equal(c.delivered, 1);
    assert_int_equal(c.delivered_explicit, 0);
    assert_int_equal(c.clicks_unique, 1);
    assert_int_equal(c.clicks_unique_human, 1);
    assert_int_equal(c.opens_unique, 0);
    assert_int_equal(c.opens_inferred, 1);
    decide_event o = ev(MTRK_EV_OPEN, 4);
    decide_message(&m, &o);
    stats_contribution(&m, &c);
    assert_int_equal(c.opens_unique, 1);
    assert_int_equal(c.opens_inferred, 0);
}

/* The live rollup adds contribution(after) - contribution(before) field by
 * field from the two states' bits, and skips a message whose flags and
 * state did not move: so the bits are the contribution, and depend on
 * nothing else. Every reachable flag set and state is tried. */
static void contribution_bits_are_the_contribution_of_flags_and_state(void **state)
{
    (void)state;
    static const int64_t states[] = { MTRK_MSG_QUEUED, MTRK_MSG_CLAIMED, MTRK_MSG_SENT,
                                      MTRK_MSG_DELIVERED, MTRK_MSG_BOUNCED, MTRK_MSG_CANCELED };
    for (int64_t f = 0; f < 1 << 12; f++)
        for (size_t si = 0; si < sizeof states / sizeof states[0]; si++) {
            row_messages m = msg(states[si]), other = m;
            m.flags = other.flags = f;
            other.opens = 7; /* what the contribution must not read */
            other.sent_at = other.first_click_at = 99;
            uint32_t bits = stats_contribution_bits(&m);
            assert_int_equal(bits, stats_contribution_bits(&other));
            stats_contrib c;
            stats_contribution(&m, &c);
            int64_t v[] = {
#define X_(fl) c.fl,
                CONTRIB_FIELDS(X_)
#undef X_
            };
            for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
                assert_int_equal(v[i], (bits >> i) & 1);
            /* the delta from nothing adds each field once */
            int64_t sum[sizeof v / sizeof v[0]] = { 0 };
            unsigned f;
            int sign;
            for (uint32_t diff = bits; (sign = stats_contribution_step(&diff, bits, &f)) != 0;)
                sum[f] += sign;
            for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
                assert_int_equal(sum[i], v[i]);
            /* and from another state, each field by after - before */
            uint32_t before = bits ^ 0x15u;
            int64_t moved[sizeof v / sizeof v[0] + 5] = { 0 };
            for (uint32_t diff = before ^ bits; (sign = stats_contribution_step(&diff, bits, &f)) != 0;)
                moved[f] += sign;
            for (size_t i = 0; i < sizeof moved / sizeof moved[0]; i++)
                assert_int_equal(moved[i], (int64_t)((bits >> i) & 1) - (int64_t)((before >> i) & 1));
        }
    assert_int_equal(stats_contribution_bits(NULL), 0);
}

static void replay_in_any_order_gives_the_same_facts(void **state)
{
    (void)state;
    decide_event evs[] = { ev(MTRK_EV_SENT, 1), ev(MTRK_EV_DELIVERED, 2), ev(MTRK_EV_OPEN, 3),
                           ev(MTRK_EV_CLICK, 4), bounce(false, 5), ev(MTRK_EV_COMPLAINT, 6) };
    row_messages a = msg(MTRK_MSG_CLAIMED), b = msg(MTRK_MSG_CLAIMED);
    for (int i = 0; i < 6; i++)
        decide_message(&a, &evs[i]);
    for (int i = 5; i >= 0; i--)
        decide_message(&b, &evs[i]);
    assert_true(decide_facts_equal(&a, &b));
    decide_reset_facts(&b);
    assert_int_equal(b.flags, 0);
    assert_int_equal(b.opens, 0);
    assert_int_equal(b.state, MTRK_MSG_DELIVERED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sent_moves_queued_and_claimed_forward),
        cmocka_unit_test(contribution_bits_are_the_contribution_of_flags_and_state),
        cmocka_unit_test(open_before_delivered_implies_delivery_and_counts),
        cmocka_unit_test(first_times_are_the_earliest_event_times),
        cmocka_unit_test(sent_after_delivered_keeps_the_state),
        cmocka_unit_test(hard_bounce_after_delivered_bounces),
        cmocka_unit_test(delivered_after_bounce_is_kept_out),
        cmocka_unit_test(canceled_is_terminal_even_for_a_hard_bounce),
        cmocka_unit_test(deferred_changes_nothing),
        cmocka_unit_test(soft_bounce_complaint_unsubscribe_imply_sent_only),
        cmocka_unit_test(soft_bounce_over_threshold_counts_hard_and_soft),
        cmocka_unit_test(machine_open_is_not_human),
        cmocka_unit_test(contribution_counts_each_fact_once),
        cmocka_unit_test(contribution_depends_on_flags_and_cancel_alone),
        cmocka_unit_test(replay_in_any_order_gives_the_same_facts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
