/* Brevo transactional webhooks. Payloads written after the samples of
 * https://developers.brevo.com/docs/transactional-webhooks (one per event
 * type; X-Mailin-custom carrying the mid). Brevo does not sign its requests
 * (the host checks basic auth or a bearer token). */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

#define T_BR INT64_C(1604933619123)
/* The payloads, shared with the conformance suite (samples.h). */
#define EV BREVO_EV

static void every_event_type_maps_field_by_field(void **state)
{
    (void)state;
    struct {
        const char *body;
        mtrk_event_type type;
        const char *name;
    } cases[] = {
        { BREVO_REQUEST, MTRK_EV_SENT, "request" },
        { BREVO_DELIVERED, MTRK_EV_DELIVERED, "delivered" },
        { BREVO_DEFERRED, MTRK_EV_DEFERRED, "deferred" },
        { BREVO_SOFT_BOUNCE, MTRK_EV_BOUNCE, "soft_bounce" },
        { BREVO_HARD_BOUNCE, MTRK_EV_BOUNCE, "hard_bounce" },
        { BREVO_BLOCKED, MTRK_EV_BOUNCE, "blocked" },
        { BREVO_INVALID_EMAIL, MTRK_EV_BOUNCE, "invalid_email" },
        { BREVO_ERROR, MTRK_EV_BOUNCE, "error" },
        { BREVO_SPAM, MTRK_EV_COMPLAINT, "spam" },
        { BREVO_OPENED, MTRK_EV_OPEN, "opened" },
        { BREVO_UNIQUE_OPENED, 0, "unique_opened" },
        { BREVO_PROXY_OPEN, MTRK_EV_OPEN, "proxy_open" },
        { BREVO_UNIQUE_PROXY_OPEN, 0, "unique_proxy_open" },
        { BREVO_CLICK, MTRK_EV_CLICK, "click" },
        { BREVO_UNSUBSCRIBED, MTRK_EV_UNSUBSCRIBE, "unsubscribed" },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wh_result r;
        wh_event *e = wht_one(&r, wht_run(&r, "brevo", cases[i].body, NULL, 0, NULL, NULL));
        wht_event(e, cases[i].type, cases[i].name, T_BR, NULL);
        wht_derived_key(e);
        wht_echo(e, mid, "<201798300811.5787683@relay.domain.com>", "example@domain.com");
        switch (i) {
        case 2:
            assert_int_equal(e->smtp_code, 421);
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_NONE);
            break;
        case 3:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            wht_str(e->enhanced_status, "4.2.2");
            break;
        case 4:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            wht_str(e->bounce_type, "hard_bounce");
            break;
        case 6:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            break;
        case 9:
            assert_int_equal(e->verdict, MTRK_VERDICT_HUMAN);
            wht_str(e->ip, "203.0.113.9");
            wht_str(e->user_agent, "Mozilla/5.0");
            break;
        case 11:
            assert_int_equal(e->verdict, MTRK_VERDICT_MACHINE);
            assert_non_null(strstr(e->verdict_reason, "proxy_open"));
            break;
        case 13:
            wht_str(e->url, "https://domain.com/landing");
            break;
        case 14:
            assert_int_equal(e->unsub_scope, MTRK_UNSUB_GLOBAL);
            break;
        }
        wh_result_free(&r);
    }
}

static void batched_array_seconds_fallback_and_bad_mid(void **state)
{
    (void)state;
    wh_result r;
    const char *body = "[{\"event\":\"delivered\",\"ts_event\":1604933619,\"message-id\":\"<a>\"},"
                       "{\"event\":\"delivered\",\"ts_epoch\":1604933619123,\"X-Mailin-custom\":\"mtrk_mid:nope\"},"
                       "{\"event\":\"delivered\",\"ts_epoch\":1604933619123,\"X-Mailin-custom\":\"no mid here\"}]";
    assert_int_equal(wht_run(&r, "brevo", body, NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(r.n, 3);
    wht_event(&r.events[0], MTRK_EV_DELIVERED, "delivered", INT64_C(1604933619000), NULL);
    assert_non_null(strstr(r.events[1].error, "X-Mailin-custom has 'mtrk_mid' followed by no mtrk message id"));
    wht_event(&r.events[2], MTRK_EV_DELIVERED, "delivered", T_BR, NULL);
    assert_false(r.events[2].has_mid);
    /* The same event posted twice has the same key. */
    wh_result b;
    assert_int_equal(wht_run(&b, "brevo", body, NULL, 0, NULL, NULL), WH_ACCEPTED);
    wht_str(r.events[0].key, b.events[0].key);
    wh_result_free(&b);
    wh_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_type_maps_field_by_field),
        cmocka_unit_test(batched_array_seconds_fallback_and_bad_mid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
