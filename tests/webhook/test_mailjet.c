/* Mailjet event API. Payloads written after the samples of
 * https://dev.mailjet.com/email/guides/webhooks/ (sent, open, click,
 * bounce, blocked, spam, unsub; CustomID carrying the mid). Mailjet does
 * not sign its requests (basic auth in the URL, checked by the host). */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

#define T_MJ INT64_C(1433333949000)
/* The payloads, shared with the conformance suite (samples.h). */
#define EV MAILJET_EV

static void every_event_type_maps_field_by_field(void **state)
{
    (void)state;
    struct {
        const char *body;
        mtrk_event_type type;
        const char *name;
    } cases[] = {
        { MAILJET_SENT, MTRK_EV_DELIVERED, "sent" },
        { MAILJET_OPEN, MTRK_EV_OPEN, "open" },
        { MAILJET_CLICK, MTRK_EV_CLICK, "click" },
        { MAILJET_BOUNCE, MTRK_EV_BOUNCE, "bounce" },
        { MAILJET_BOUNCE_2, MTRK_EV_BOUNCE, "bounce" },
        { MAILJET_BLOCKED, MTRK_EV_BOUNCE, "blocked" },
        { MAILJET_SPAM, MTRK_EV_COMPLAINT, "spam" },
        { MAILJET_UNSUB, MTRK_EV_UNSUBSCRIBE, "unsub" },
        { MAILJET_UNSUB_2, MTRK_EV_UNSUBSCRIBE, "unsub" },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wh_result r;
        wh_event *e = wht_one(&r, wht_run(&r, "mailjet", cases[i].body, NULL, 0, NULL, NULL));
        wht_event(e, cases[i].type, cases[i].name, T_MJ, NULL);
        wht_echo(e, mid, "19421777835146490", "api@mailjet.com");
        switch (i) {
        case 0:
            assert_int_equal(e->smtp_code, 250);
            wht_str(e->enhanced_status, "2.0.0");
            break;
        case 1:
            wht_str(e->ip, "127.0.0.1");
            wht_str(e->user_agent, "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0");
            break;
        case 2:
            wht_str(e->url, "https://mailjet.com");
            break;
        case 3:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            wht_str(e->bounce_subtype, "hard");
            wht_str(e->diagnostic, "recipient: user unknown");
            break;
        case 4:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            wht_str(e->enhanced_status, "4.2.2");
            assert_int_equal(e->smtp_code, 452);
            break;
        case 5:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            wht_str(e->bounce_type, "blocked");
            break;
        case 6:
            wht_str(e->bounce_subtype, "JMRPP");
            break;
        case 7:
            assert_int_equal(e->unsub_scope, MTRK_UNSUB_AUDIENCE);
            wht_str(e->unsub_list, "1");
            break;
        case 8:
            assert_int_equal(e->unsub_scope, MTRK_UNSUB_GLOBAL);
            break;
        }
        wh_result_free(&r);
    }
}

static void grouped_events_and_payload_mid(void **state)
{
    (void)state;
    wh_result r;
    const char *body = "[{\"event\":\"open\",\"time\":1433333949,\"MessageID\":1,\"email\":\"a@b.c\",\"CustomID\":\"\","
                       "\"Payload\":\"{\\\"order\\\":42,\\\"mtrk_mid\\\":\\\"x\\\"}|mtrk_mid=" MID2 "\"},"
                       "{\"event\":\"open\",\"time\":\"1433333949\",\"MessageID\":2},\"junk\"]";
    assert_int_equal(wht_run(&r, "mailjet", body, NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(r.n, 3);
    /* "mtrk_mid" quoted inside the JSON is skipped; the "mtrk_mid=" after it gives the mid. */
    mtrk_id mid2 = wht_id(MID2);
    wht_event(&r.events[0], MTRK_EV_OPEN, "open", T_MJ, NULL);
    wht_mid(&r.events[0], mid2);
    wht_event(&r.events[1], MTRK_EV_OPEN, "open", T_MJ, NULL);
    assert_non_null(strstr(r.events[2].error, "event 2 is not a JSON object"));
    wh_result_free(&r);
    body = "{\"event\":\"open\",\"time\":1433333949,\"MessageID\":1,\"Payload\":\"mtrk_mid=" MID2 "\"}";
    assert_int_equal(wht_run(&r, "mailjet", body, NULL, 0, NULL, NULL), WH_ACCEPTED);
    wht_mid(&r.events[0], mid2);
    wh_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_type_maps_field_by_field),
        cmocka_unit_test(grouped_events_and_payload_mid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
