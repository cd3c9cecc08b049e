/* Postmark webhooks. Records written after the example payloads of
 * https://postmarkapp.com/developer/webhooks/delivery-webhook
 * https://postmarkapp.com/developer/webhooks/bounce-webhook
 * https://postmarkapp.com/developer/webhooks/spam-complaint-webhook
 * https://postmarkapp.com/developer/webhooks/open-tracking-webhook
 * https://postmarkapp.com/developer/webhooks/click-webhook
 * https://postmarkapp.com/developer/webhooks/subscription-change-webhook
 * with Metadata carrying mtrk_mid; bounce types after
 * https://postmarkapp.com/developer/api/bounce-api#bounce-types .
 * Postmark does not sign its requests (the host checks basic auth). */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

/* The payloads, shared with the conformance suite (samples.h). */
#define MSGID POSTMARK_MSGID
#define META POSTMARK_META
#define T_PM INT64_C(1572971634907) /* 2019-11-05T16:33:54.9070259Z */

static void every_record_type_maps_field_by_field(void **state)
{
    (void)state;
    struct {
        const char *body;
        mtrk_event_type type;
        const char *name;
        mtrk_time at;
        const char *key;
    } cases[] = {
        { POSTMARK_DELIVERY, MTRK_EV_DELIVERED, "Delivery", T_PM, NULL },
        { POSTMARK_BOUNCE, MTRK_EV_BOUNCE, "Bounce", T_PM, "4323372036854775807" },
        { POSTMARK_BOUNCE_2, MTRK_EV_BOUNCE, "Bounce", T_PM, "42" },
        { POSTMARK_BOUNCE_3, 0, "Bounce", T_PM, "43" },
        { POSTMARK_BOUNCE_4, MTRK_EV_UNSUBSCRIBE, "Bounce", T_PM, "44" },
        { POSTMARK_SPAMCOMPLAINT, MTRK_EV_COMPLAINT, "SpamComplaint", T_PM, "42" },
        { POSTMARK_OPEN, MTRK_EV_OPEN, "Open", T_PM, NULL },
        { POSTMARK_CLICK, MTRK_EV_CLICK, "Click", T_PM, NULL },
        { POSTMARK_SUBSCRIPTIONCHANGE, MTRK_EV_UNSUBSCRIBE, "SubscriptionChange", T_PM, NULL },
        { POSTMARK_SUBSCRIPTIONCHANGE_2, 0, "SubscriptionChange", T_PM, NULL },
        { POSTMARK_SUBSCRIPTIONCHANGE_3, 0, "SubscriptionChange", T_PM, NULL },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wh_result r;
        wh_event *e = wht_one(&r, wht_run(&r, "postmark", cases[i].body, NULL, 0, NULL, NULL));
        wht_event(e, cases[i].type, cases[i].name, cases[i].at, cases[i].key);
        if (cases[i].key == NULL)
            wht_derived_key(e);
        wht_echo(e, mid, MSGID, "john@example.com");
        switch (i) {
        case 0:
            wht_str(e->diagnostic, "Test delivery webhook details");
            break;
        case 1:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            wht_str(e->bounce_type, "HardBounce");
            wht_str(e->bounce_subtype, "1");
            wht_str(e->enhanced_status, "5.1.1");
            break;
        case 2:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            wht_str(e->bounce_type, "SoftBounce");
            assert_int_equal(e->smtp_code, 421);
            wht_str(e->enhanced_status, "4.2.2");
            break;
        case 3:
            wht_str(e->bounce_type, "AutoResponder");
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_NONE);
            break;
        case 4:
            assert_int_equal(e->unsub_scope, MTRK_UNSUB_GLOBAL);
            break;
        case 6:
            wht_str(e->user_agent, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_7_5)");
            wht_str(e->ip, "188.2.95.4");
            break;
        case 7:
            wht_str(e->url, "https://example.com");
            wht_str(e->ip, "188.2.95.4");
            break;
        case 8:
            assert_int_equal(e->unsub_scope, MTRK_UNSUB_AUDIENCE);
            wht_str(e->unsub_list, "bulk");
            break;
        }
        wh_result_free(&r);
    }
}

static void duplicates_share_a_key_and_distinct_opens_do_not(void **state)
{
    (void)state;
    const char *open1 = "{\"RecordType\":\"Open\",\"MessageID\":\"m\",\"ReceivedAt\":\"2019-11-05T16:33:54Z\",\"Recipient\":\"a@b.c\"}";
    const char *open2 = "{\"RecordType\":\"Open\",\"MessageID\":\"m\",\"ReceivedAt\":\"2019-11-05T16:34:54Z\",\"Recipient\":\"a@b.c\"}";
    wh_result a, b, c;
    assert_int_equal(wht_run(&a, "postmark", open1, NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(wht_run(&b, "postmark", open1, NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(wht_run(&c, "postmark", open2, NULL, 0, NULL, NULL), WH_ACCEPTED);
    wht_str(a.events[0].key, b.events[0].key);
    assert_string_not_equal(a.events[0].key, c.events[0].key);
    wh_result_free(&a);
    wh_result_free(&b);
    wh_result_free(&c);
}

static void bad_records(void **state)
{
    (void)state;
    wh_result r;
    wht_refused(&r, wht_run(&r, "postmark", "[]", NULL, 0, NULL, NULL), WH_MALFORMED, "not a JSON object");
    assert_int_equal(wht_run(&r, "postmark", "{\"MessageID\":\"m\"}", NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_non_null(strstr(r.events[0].error, "'RecordType'"));
    wh_result_free(&r);
    /* A time without its zone is not an instant. */
    assert_int_equal(wht_run(&r, "postmark", "{\"RecordType\":\"Delivery\",\"DeliveredAt\":\"2019-11-05T16:33:54\"}", NULL,
                             0, NULL, NULL),
                     WH_ACCEPTED);
    assert_non_null(strstr(r.events[0].error, "field 'DeliveredAt' is not an ISO 8601 time"));
    wh_result_free(&r);
    /* An unknown RecordType is kept, unmapped. */
    assert_int_equal(wht_run(&r, "postmark", "{\"RecordType\":\"Inbound\",\"ReceivedAt\":\"2019-11-05T16:33:54Z\"}", NULL,
                             0, NULL, NULL),
                     WH_ACCEPTED);
    wht_event(&r.events[0], 0, "Inbound", INT64_C(1572971634000), NULL);
    wh_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_record_type_maps_field_by_field),
        cmocka_unit_test(duplicates_share_a_key_and_distinct_opens_do_not),
        cmocka_unit_test(bad_records),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
