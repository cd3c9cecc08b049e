/* SparkPost event webhooks. Events written after the samples of
 * https://developers.sparkpost.com/api/events/ (one per event type, with
 * rcpt_meta carrying mtrk_mid), batched as the webhook posts them
 * (https://developers.sparkpost.com/api/webhooks/), hard/soft after
 * https://www.sparkpost.com/docs/deliverability/bounce-classification-codes/ .
 * SparkPost does not sign its requests (the host checks basic auth/OAuth). */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

#define T_SP INT64_C(1460989507000)
/* The payloads, shared with the conformance suite (samples.h). */
#define BASE SPARKPOST_BASE
#define MSG SPARKPOST_MSG
#define TRACK SPARKPOST_TRACK
#define GEN SPARKPOST_GEN
#define UNSUB SPARKPOST_UNSUB
#define UA SPARKPOST_UA

static const char batch[] = SPARKPOST_BATCH;

static void every_event_type_maps_field_by_field(void **state)
{
    (void)state;
    wh_result r;
    assert_int_equal(wht_run(&r, "sparkpost", batch, NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(r.n, 19); /* the empty ping item gives no event */
    struct {
        mtrk_event_type type;
        const char *name;
    } want[] = {
        { MTRK_EV_SENT, "injection" },        { MTRK_EV_DELIVERED, "delivery" },
        { MTRK_EV_BOUNCE, "bounce" },         { MTRK_EV_BOUNCE, "bounce" },
        { MTRK_EV_DEFERRED, "delay" },        { MTRK_EV_BOUNCE, "out_of_band" },
        { MTRK_EV_BOUNCE, "policy_rejection" }, { MTRK_EV_COMPLAINT, "spam_complaint" },
        { MTRK_EV_BOUNCE, "generation_failure" }, { MTRK_EV_BOUNCE, "generation_rejection" },
        { MTRK_EV_OPEN, "open" },             { MTRK_EV_OPEN, "initial_open" },
        { MTRK_EV_OPEN, "amp_open" },         { MTRK_EV_OPEN, "amp_initial_open" },
        { MTRK_EV_CLICK, "click" },           { MTRK_EV_CLICK, "amp_click" },
        { MTRK_EV_UNSUBSCRIBE, "list_unsubscribe" }, { MTRK_EV_UNSUBSCRIBE, "link_unsubscribe" },
        { 0, "relay_injection" },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < 19; i++) {
        wh_event *e = &r.events[i];
        char key[8];
        snprintf(key, sizeof key, "%zu", i + 1);
        wht_event(e, want[i].type, want[i].name, T_SP, key);
        wht_str(e->recipient, "recipient@example.com");
        if (i < 18) {
            wht_mid(e, mid);
            wht_str(e->provider_message_id, "000443ee14578172be22");
        }
    }
    wh_event *e = &r.events[2];
    assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
    wht_str(e->bounce_subtype, "10");
    assert_int_equal(e->smtp_code, 550);
    wht_str(e->enhanced_status, "5.1.1");
    wht_str(e->diagnostic, "550 5.1.1 <recipient@example.com>: Recipient address rejected: User unknown");
    e = &r.events[3];
    assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD); /* class 21, DNS failure: host_unknown */
    wht_str(e->bounce_subtype, "21");
    e = &r.events[4];
    assert_int_equal(e->bounce_kind, MTRK_BOUNCE_NONE);
    assert_int_equal(e->smtp_code, 454);
    wht_str(e->enhanced_status, "4.7.1");
    assert_int_equal(r.events[5].bounce_kind, MTRK_BOUNCE_HARD);
    assert_int_equal(r.events[6].bounce_kind, MTRK_BOUNCE_SOFT);
    wht_str(r.events[7].bounce_subtype, "abuse");
    assert_int_equal(r.events[8].bounce_kind, MTRK_BOUNCE_SOFT);
    wht_str(r.events[8].enhanced_status, "5.3.3");
    wht_str(r.events[10].user_agent, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_5)");
    wht_str(r.events[10].ip, "127.0.0.1");
    wht_str(r.events[14].url, "http://example.com");
    wht_str(r.events[15].url, "http://example.com/amp");
    assert_int_equal(r.events[16].unsub_scope, MTRK_UNSUB_GLOBAL);
    wh_result_free(&r);
}

static void ping_and_bad_items(void **state)
{
    (void)state;
    wh_result r;
    assert_int_equal(wht_run(&r, "sparkpost", "[{\"msys\":{}}]", NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
    assert_int_equal(wht_run(&r, "sparkpost",
                             "[{\"msys\":{\"track_event\":{\"type\":\"open\",\"timestamp\":1460989507.5}}},{\"x\":1},"
                             "{\"msys\":{\"track_event\":{\"type\":\"open\",\"timestamp\":\"later\"}}}]",
                             NULL, 0, NULL, NULL),
                     WH_ACCEPTED);
    assert_int_equal(r.n, 3);
    wht_event(&r.events[0], MTRK_EV_OPEN, "open", INT64_C(1460989507500), NULL);
    assert_non_null(strstr(r.events[1].error, "item 1 is not"));
    assert_non_null(strstr(r.events[2].error, "field 'timestamp' is not Unix seconds"));
    wh_result_free(&r);
    assert_int_equal(wht_run(&r, "sparkpost", "{\"msys\":{}}", NULL, 0, NULL, NULL), WH_MALFORMED);
    wh_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_type_maps_field_by_field),
        cmocka_unit_test(ping_and_bad_items),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
