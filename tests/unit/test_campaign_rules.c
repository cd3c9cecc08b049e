/*
 * Unit tests of the campaign area's pure rules: the status transition table
 * and which exclusion reasons cancel an already generated message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "campaign_area.h"

enum { D = MTRK_CAMPAIGN_DRAFT, SC = MTRK_CAMPAIGN_SCHEDULED, SE = MTRK_CAMPAIGN_SENDING,
       ST = MTRK_CAMPAIGN_SENT, P = MTRK_CAMPAIGN_PAUSED, C = MTRK_CAMPAIGN_CANCELED };

static void transitions_forward_pause_and_cancel(void **state)
{
    (void)state;
    assert_true(cam_transition_ok(D, SC, 0));
    assert_true(cam_transition_ok(SC, SE, 0));
    assert_true(cam_transition_ok(SE, ST, 0));
    assert_true(cam_transition_ok(D, P, 0));
    assert_true(cam_transition_ok(SC, P, 0));
    assert_true(cam_transition_ok(SE, P, 0));
    for (int s = D; s <= C; s++)
        assert_int_equal(cam_transition_ok(s, C, SC), s != ST && s != C);
}

static void transitions_refuse_skips_backs_and_final_states(void **state)
{
    (void)state;
    assert_false(cam_transition_ok(D, SE, 0));
    assert_false(cam_transition_ok(D, ST, 0));
    assert_false(cam_transition_ok(SE, SC, 0));
    assert_false(cam_transition_ok(D, D, 0));
    for (int to = D; to <= C; to++) {
        assert_false(cam_transition_ok(ST, to, 0));
        assert_false(cam_transition_ok(C, to, 0));
    }
}

static void paused_resumes_only_to_where_it_was(void **state)
{
    (void)state;
    for (int from = D; from <= SE; from++)
        for (int to = D; to <= ST; to++)
            assert_int_equal(cam_transition_ok(P, to, from), to == from);
    assert_false(cam_transition_ok(P, P, P));
    assert_true(cam_transition_ok(P, C, D));
}

static void recheck_cancels_every_reason_but_none_and_not_in_audience(void **state)
{
    (void)state;
    for (int r = 0; r < MTRK_EXCL_COUNT; r++)
        assert_int_equal(recheck_cancels((mtrk_exclusion)r), r != MTRK_EXCL_NONE && r != MTRK_EXCL_NOT_IN_AUDIENCE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(transitions_forward_pause_and_cancel),
        cmocka_unit_test(transitions_refuse_skips_backs_and_final_states),
        cmocka_unit_test(paused_resumes_only_to_where_it_was),
        cmocka_unit_test(recheck_cancels_every_reason_but_none_and_not_in_audience),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
