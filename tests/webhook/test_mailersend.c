/* MailerSend webhooks. Payloads written after the samples of
 * https://developers.mailersend.com/api/v1/account/webhooks (the current
 * shape, data.recipient/message_id/meta, one per activity type, and the
 * legacy shape with data.email and data.morph, which MailerSend retires in
 * December 2026; a tag carrying the mid) and signed as that page describes
 * (hex HMAC-SHA256 of the body in the Signature header; no published
 * vector: the test signs with its own secret through OpenSSL). */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

#define SECRET "Ms8hTn2bB5ZaXk0w3s9VwqLr"
#define SECRET2 "rotated-mailersend-secret"

static wh_verdict run(wh_result *r, const char *body, const char *secret)
{
    char *sig = wht_hmac_hex("sha256", secret, strlen(secret), body, strlen(body));
    wh_secrets s = { { SECRET, SECRET2 }, 0, 0, NULL, NULL };
    wh_verdict v = wht_run(r, "mailersend", body, &s, 0, NULL, "Signature", sig, NULL);
    free(sig);
    return v;
}

/* The payloads, shared with the conformance suite (samples.h). */
#define EV MAILERSEND_EV
#define EV2 MAILERSEND_EV2

static void every_activity_type_maps_field_by_field(void **state)
{
    (void)state;
    struct {
        const char *body;
        mtrk_event_type type;
        const char *name;
    } cases[] = {
        { MAILERSEND_ACTIVITY_SENT, MTRK_EV_SENT, "activity.sent" },
        { MAILERSEND_ACTIVITY_DELIVERED, MTRK_EV_DELIVERED, "activity.delivered" },
        { MAILERSEND_ACTIVITY_SOFT_BOUNCED, MTRK_EV_BOUNCE, "activity.soft_bounced" },
        { MAILERSEND_ACTIVITY_HARD_BOUNCED, MTRK_EV_BOUNCE, "activity.hard_bounced" },
        { MAILERSEND_ACTIVITY_OPENED, MTRK_EV_OPEN, "activity.opened" },
        { MAILERSEND_ACTIVITY_OPENED_UNIQUE, 0, "activity.opened_unique" },
        { MAILERSEND_ACTIVITY_CLICKED, MTRK_EV_CLICK, "activity.clicked" },
        { MAILERSEND_ACTIVITY_CLICKED_UNIQUE, 0, "activity.clicked_unique" },
        { MAILERSEND_ACTIVITY_UNSUBSCRIBED, MTRK_EV_UNSUBSCRIBE, "activity.unsubscribed" },
        { MAILERSEND_ACTIVITY_SPAM_COMPLAINT, MTRK_EV_COMPLAINT, "activity.spam_complaint" },
        { MAILERSEND_ACTIVITY_SURVEY_OPENED, 0, "activity.survey_opened" },
        { MAILERSEND_ACTIVITY_SURVEY_SUBMITTED, 0, "activity.survey_submitted" },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wh_result r;
        wh_event *e = wht_one(&r, run(&r, cases[i].body, i % 2 ? SECRET2 : SECRET));
        char key[8];
        snprintf(key, sizeof key, "a%zu", i + 1);
        wht_event(e, cases[i].type, cases[i].name, INT64_C(1652704224123), key);
        wht_echo(e, mid, "628247bc3b2e2f2fc0a3fb37", "recipient@example.com");
        switch (i) {
        case 2:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            assert_int_equal(e->smtp_code, 452);
            wht_str(e->enhanced_status, "4.2.2");
            break;
        case 3:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            wht_str(e->diagnostic, "550 5.1.1 Host or domain name not found");
            break;
        case 4:
            wht_str(e->ip, "127.0.0.1");
            wht_str(e->user_agent, "Mozilla/5.0");
            break;
        case 6:
            wht_str(e->url, "https://www.mailersend.com");
            break;
        case 8:
            assert_int_equal(e->unsub_scope, MTRK_UNSUB_GLOBAL);
            wht_str(e->diagnostic, "I no longer want to receive these emails");
            break;
        }
        wh_result_free(&r);
    }
}


static void current_shape_maps_field_by_field(void **state)
{
    (void)state;
    struct {
        const char *body;
        mtrk_event_type type;
        const char *name;
    } cases[] = {
        { EV2("activity.sent", "b1", "sent", "[]"), MTRK_EV_SENT, "activity.sent" },
        { EV2("activity.delivered", "b2", "delivered", "[]"), MTRK_EV_DELIVERED, "activity.delivered" },
        { EV2("activity.deferred", "b3", "deferred", "[]"), MTRK_EV_DEFERRED, "activity.deferred" },
        { EV2("activity.soft_bounced", "b4", "soft_bounced",
              "{\"bounce_reason\":\"Mailbox full\",\"bounce_code\":452,\"bounce_type\":\"soft\"}"),
          MTRK_EV_BOUNCE, "activity.soft_bounced" },
        { EV2("activity.hard_bounced", "b5", "hard_bounced",
              "{\"bounce_reason\":\"Host or domain name not found\",\"bounce_code\":550,\"bounce_type\":\"hard\"}"),
          MTRK_EV_BOUNCE, "activity.hard_bounced" },
        { EV2("activity.spam_complaint", "b6", "spam_complaints", "[]"), MTRK_EV_COMPLAINT, "activity.spam_complaint" },
        { EV2("activity.unsubscribed", "b7", "unsubscribed", "{\"unsubscribe_reason\":\"NO_LONGER_WANT\"}"),
          MTRK_EV_UNSUBSCRIBE, "activity.unsubscribed" },
        { EV2("activity.opened", "b8", "opened",
              "{\"ip\":\"198.51.100.7\",\"country\":\"US\",\"user_agent\":\"Mozilla/5.0 (via ggpht.com GoogleImageProxy)\","
              "\"device_type\":\"webmail\",\"browser\":\"Gmail Image Proxy\"}"),
          MTRK_EV_OPEN, "activity.opened" },
        { EV2("activity.opened_unique", "b9", "opened", "{\"ip\":\"198.51.100.7\"}"), 0, "activity.opened_unique" },
        { EV2("activity.clicked", "b10", "clicked",
              "{\"ip\":\"198.51.100.7\",\"user_agent\":\"Mozilla/5.0 (Macintosh) AppleWebKit/537.36\","
              "\"url\":\"https://example.com/test\"}"),
          MTRK_EV_CLICK, "activity.clicked" },
        { EV2("activity.suppressed", "b11", "suppressed", "{\"suppression_reason\":\"on_hold\"}"), MTRK_EV_BOUNCE,
          "activity.suppressed" },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wh_result r;
        wh_event *e = wht_one(&r, run(&r, cases[i].body, SECRET));
        char key[8];
        snprintf(key, sizeof key, "b%zu", i + 1);
        wht_event(e, cases[i].type, cases[i].name, INT64_C(1789238576000), key);
        wht_echo(e, mid, "6aa59d2fbf35297925087058", "recipient@example.com");
        switch (i) {
        case 3:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            assert_int_equal(e->smtp_code, 452);
            wht_str(e->bounce_subtype, "soft");
            wht_str(e->diagnostic, "Mailbox full");
            break;
        case 4:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            assert_int_equal(e->smtp_code, 550);
            break;
        case 6:
            assert_int_equal(e->unsub_scope, MTRK_UNSUB_GLOBAL);
            wht_str(e->diagnostic, "NO_LONGER_WANT");
            break;
        case 7:
            wht_str(e->ip, "198.51.100.7");
            wht_str(e->user_agent, "Mozilla/5.0 (via ggpht.com GoogleImageProxy)");
            break;
        case 9:
            wht_str(e->url, "https://example.com/test");
            wht_str(e->user_agent, "Mozilla/5.0 (Macintosh) AppleWebKit/537.36");
            break;
        case 10:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            wht_str(e->bounce_subtype, "on_hold");
            break;
        }
        wh_result_free(&r);
    }
}

static void setup_ping_gives_no_event(void **state)
{
    (void)state;
    wh_result r;
    assert_int_equal(run(&r, "{\"type\":\"webhook.test\",\"message\":\"This is a ping test message\","
                             "\"created_at\":\"2026-09-12T18:39:57.604840Z\"}",
                         SECRET),
                     WH_ACCEPTED);
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
}

static void signature_refusals(void **state)
{
    (void)state;
    wh_result r;
    const char *body = EV("activity.sent", "a1", "null");
    assert_int_equal(run(&r, body, "retired"), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    char *sig = wht_hmac_hex("sha256", SECRET, strlen(SECRET), body, strlen(body));
    wh_secrets s = { { SECRET, NULL }, 0, 0, NULL, NULL };
    char *tampered = wht_cat(body, " ");
    assert_int_equal(wht_run(&r, "mailersend", tampered, &s, 0, NULL, "Signature", sig, NULL), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    wht_refused(&r, wht_run(&r, "mailersend", body, &s, 0, NULL, NULL),
                WH_SIGNATURE_REFUSED, "header Signature missing");
    free(tampered);
    free(sig);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_activity_type_maps_field_by_field),
        cmocka_unit_test(current_shape_maps_field_by_field),
        cmocka_unit_test(setup_ping_gives_no_event),
        cmocka_unit_test(signature_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
