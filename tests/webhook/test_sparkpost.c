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
#define BASE(type, id)                                                                                          \
    "\"type\":\"" type "\",\"event_id\":\"" id "\",\"message_id\":\"000443ee14578172be22\","                      \
    "\"transmission_id\":\"65832150921904138\",\"timestamp\":\"1460989507\",\"rcpt_to\":\"recipient@example.com\"," \
    "\"raw_rcpt_to\":\"recipient@example.com\",\"rcpt_meta\":{\"customKey\":\"customValue\",\"mtrk_mid\":\"" MID1 "\"}," \
    "\"campaign_id\":\"Example Campaign Name\",\"friendly_from\":\"sender@example.com\""
#define MSG(type, id, rest) "{\"msys\":{\"message_event\":{" BASE(type, id) rest "}}}"
#define TRACK(type, id, rest) "{\"msys\":{\"track_event\":{" BASE(type, id) rest "}}}"
#define GEN(type, id, rest) "{\"msys\":{\"gen_event\":{" BASE(type, id) rest "}}}"
#define UNSUB(type, id, rest) "{\"msys\":{\"unsubscribe_event\":{" BASE(type, id) rest "}}}"
#define UA ",\"user_agent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_5)\",\"ip_address\":\"127.0.0.1\""

static const char batch[] =
    "["
    MSG("injection", "1", ",\"msg_size\":\"1337\",\"subject\":\"Summer deals\"") ","
    MSG("delivery", "2", ",\"ip_address\":\"127.0.0.1\",\"num_retries\":\"3\",\"queue_time\":\"12\"") ","
    MSG("bounce", "3", ",\"bounce_class\":\"10\",\"error_code\":\"550\",\"reason\":\"550 5.1.1 <recipient@example.com>: user unknown\","
        "\"raw_reason\":\"550 5.1.1 <recipient@example.com>: Recipient address rejected: User unknown\"") ","
    MSG("bounce", "4", ",\"bounce_class\":\"21\",\"error_code\":\"421\",\"raw_reason\":\"421 4.4.2 connection dropped\"") ","
    MSG("delay", "5", ",\"bounce_class\":\"21\",\"error_code\":\"454\",\"num_retries\":\"1\","
        "\"raw_reason\":\"454 4.7.1 <recipient@example.com>: Relay access denied\"") ","
    MSG("out_of_band", "6", ",\"bounce_class\":\"30\",\"error_code\":\"550\",\"raw_reason\":\"550: 5.0.0 No such user\"") ","
    MSG("policy_rejection", "7", ",\"bounce_class\":\"25\",\"error_code\":\"554\","
        "\"raw_reason\":\"554 5.7.1 [internal] Message generation rejected\",\"remote_addr\":\"127.0.0.1\"") ","
    MSG("spam_complaint", "8", ",\"fbtype\":\"abuse\",\"report_by\":\"server.email.com\",\"report_to\":\"abuse.example.com\"") ","
    GEN("generation_failure", "9", ",\"error_code\":\"554\",\"raw_reason\":\"554 5.3.3 [internal] Error while rendering part html: substitution value 'name' did not exist\"") ","
    GEN("generation_rejection", "10", ",\"error_code\":\"554\",\"raw_reason\":\"554 5.7.1 recipient address suppressed due to customer policy\"") ","
    TRACK("open", "11", UA) ","
    TRACK("initial_open", "12", UA) ","
    TRACK("amp_open", "13", UA) ","
    TRACK("amp_initial_open", "14", UA) ","
    TRACK("click", "15", UA ",\"target_link_name\":\"Example Link Name\",\"target_link_url\":\"http://example.com\"") ","
    TRACK("amp_click", "16", UA ",\"target_link_url\":\"http://example.com/amp\"") ","
    UNSUB("list_unsubscribe", "17", ",\"mailfrom\":\"recipient@example.com\"") ","
    UNSUB("link_unsubscribe", "18", UA) ","
    "{\"msys\":{\"relay_event\":{\"type\":\"relay_injection\",\"event_id\":\"19\",\"timestamp\":\"1460989507\","
    "\"relay_id\":\"123\",\"rcpt_to\":\"recipient@example.com\"}}},"
    "{\"msys\":{}}"
    "]";

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
            assert_true(e->has_mid);
            assert_memory_equal(&e->mid, &mid, sizeof mid);
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
