/* Resend webhooks. Payloads written after the samples of
 * https://resend.com/docs/dashboard/webhooks/event-types (one per type,
 * tags carrying mtrk_mid); the Svix signature of
 * https://resend.com/docs/dashboard/webhooks/verify-webhooks-requests, with
 * the known-answer vector of the Standard Webhooks specification
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md). */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

#define SECRET "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
#define SECRET2 "whsec_c2Vjb25kIHNlY3JldCBmb3Igcm90YXRpb24h"
#define TS "1700000000"
#define NOW INT64_C(1700000060000)

static void standard_webhooks_known_answer(void **state)
{
    (void)state;
    wh_secrets s = { { SECRET, NULL }, 0, 0, NULL, NULL };
    wh_result r;
    const char *body = "{\"test\": 2432232314}";
    assert_int_equal(wht_run(&r, "resend", body, &s, INT64_C(1614265330000), NULL, "svix-id",
                             "msg_p5jXN8AQM9LWM0D4loKWxJek", "svix-timestamp", "1614265330", "svix-signature",
                             "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", NULL),
                     WH_ACCEPTED);
    /* Verified; the body is not a Resend event, so its one event is refused. */
    assert_int_equal(r.n, 1);
    wht_str(r.nonce, "msg_p5jXN8AQM9LWM0D4loKWxJek"); /* the replay token: the svix-id */
    assert_non_null(strstr(r.events[0].error, "field 'type'"));
    wh_result_free(&r);
    /* The same with a wrong signature among several entries: one match suffices. */
    assert_int_equal(wht_run(&r, "resend", body, &s, INT64_C(1614265330000), NULL, "webhook-id",
                             "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp", "1614265330", "webhook-signature",
                             "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", NULL),
                     WH_ACCEPTED);
    wh_result_free(&r);
    wht_refused(&r, wht_run(&r, "resend", "{\"test\": 2432232315}", &s, INT64_C(1614265330000), NULL, "svix-id",
                             "msg_p5jXN8AQM9LWM0D4loKWxJek", "svix-timestamp", "1614265330", "svix-signature",
                             "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", NULL),
            WH_SIGNATURE_REFUSED, "does not match");
}

static char *sign(const char *secret, const char *id, const char *ts, const char *body)
{
    size_t kl = 0;
    unsigned char *k = wh_base64_decode(secret + 6, strlen(secret + 6), &kl);
    size_t n = strlen(id) + strlen(ts) + strlen(body) + 3;
    char *msg = malloc(n);
    snprintf(msg, n, "%s.%s.%s", id, ts, body);
    char *mac = wht_hmac_b64("sha256", k, kl, msg, strlen(msg));
    char *sig = wht_cat("v1,", mac);
    free(k);
    free(msg);
    free(mac);
    return sig;
}

static wh_verdict run(wh_result *r, const char *body, const char *id, const char *secret, const char *ts, mtrk_time now)
{
    wh_secrets s = { { SECRET2, SECRET }, 0, 0, NULL, NULL };
    char *sig = sign(secret, id, ts, body);
    wh_verdict v = wht_run(r, "resend", body, &s, now, NULL, "svix-id", id, "svix-timestamp", ts, "svix-signature", sig,
                           NULL);
    free(sig);
    return v;
}

/* The payloads, shared with the conformance suite (samples.h). */
#define DATA RESEND_DATA
#define EV RESEND_EV

static void every_event_type_maps_field_by_field(void **state)
{
    (void)state;
    struct {
        const char *body;
        mtrk_event_type type;
        const char *name;
    } cases[] = {
        { RESEND_EMAIL_SENT, MTRK_EV_SENT, "email.sent" },
        { RESEND_EMAIL_DELIVERED, MTRK_EV_DELIVERED, "email.delivered" },
        { RESEND_EMAIL_DELIVERY_DELAYED, MTRK_EV_DEFERRED, "email.delivery_delayed" },
        { RESEND_EMAIL_COMPLAINED, MTRK_EV_COMPLAINT, "email.complained" },
        { RESEND_EMAIL_BOUNCED, MTRK_EV_BOUNCE, "email.bounced" },
        { RESEND_EMAIL_OPENED, MTRK_EV_OPEN, "email.opened" },
        { RESEND_EMAIL_CLICKED, MTRK_EV_CLICK, "email.clicked" },
        { RESEND_EMAIL_FAILED, MTRK_EV_BOUNCE, "email.failed" },
        { RESEND_EMAIL_SUPPRESSED, MTRK_EV_BOUNCE, "email.suppressed" },
        { RESEND_EMAIL_SCHEDULED, 0, "email.scheduled" },
        { RESEND_CONTACT_CREATED, 0, "contact.created" },
        { RESEND_DOMAIN_UPDATED, 0, "domain.updated" },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wh_result r;
        char id[40];
        snprintf(id, sizeof id, "msg_%zu", i);
        wh_event *e = wht_one(&r, run(&r, cases[i].body, id, i % 2 ? SECRET : SECRET2, TS, NOW));
        wht_event(e, cases[i].type, cases[i].name, INT64_C(1732318872126), id);
        if (i < 10) {
            wht_echo(e, mid, "56761188-7520-42d8-8898-ff6fc54ce618", "delivered@resend.dev");
        }
        switch (i) {
        case 4:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            wht_str(e->bounce_type, "Permanent");
            wht_str(e->bounce_subtype, "Suppressed");
            assert_non_null(strstr(e->diagnostic, "suppression list"));
            break;
        case 5:
            wht_str(e->ip, "122.115.53.11");
            wht_str(e->user_agent, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)");
            break;
        case 6:
            wht_str(e->url, "https://resend.com");
            break;
        case 7:
            wht_str(e->bounce_type, "failed");
            wht_str(e->diagnostic, "reached_daily_quota");
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            break;
        case 8:
            wht_str(e->bounce_type, "suppressed");
            wht_str(e->bounce_subtype, "OnAccountSuppressionList");
            break;
        }
        wh_result_free(&r);
    }
}

static void tags_as_an_array_also_carry_the_mid(void **state)
{
    (void)state;
    wh_result r;
    const char *body = "{\"type\":\"email.sent\",\"created_at\":\"2024-11-22T23:41:12.126Z\",\"data\":{\"email_id\":\"x\","
                       "\"to\":[\"Recipient <a@b.c>\",\"x@y.z\"],\"tags\":[{\"name\":\"a\",\"value\":\"b\"},{\"name\":\"mtrk_mid\",\"value\":\"" MID2 "\"}]}}";
    assert_int_equal(run(&r, body, "msg_t", SECRET, TS, NOW), WH_ACCEPTED);
    mtrk_id mid2 = wht_id(MID2);
    wht_mid(&r.events[0], mid2);
    wht_str(r.events[0].recipient, "a@b.c"); /* the first recipient, without its display name */
    wh_result_free(&r);
}

static void expired_rotated_and_missing(void **state)
{
    (void)state;
    wh_result r;
    const char *body = EV("email.sent", "");
    /* 10 minutes late. */
    wht_refused(&r, run(&r, body, "msg_x", SECRET, TS, NOW + 600000), WH_SIGNATURE_REFUSED, "tolerance");
    /* A secret no longer configured. */
    assert_int_equal(run(&r, body, "msg_x", "whsec_cmV0aXJlZCBzZWNyZXQgb2YgdGhlIHBhc3Q=", TS, NOW), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    /* Tampered: another svix-id than the one signed. */
    wh_secrets s = { { SECRET, NULL }, 0, 0, NULL, NULL };
    char *sig = sign(SECRET, "msg_a", TS, body);
    assert_int_equal(wht_run(&r, "resend", body, &s, NOW, NULL, "svix-id", "msg_b", "svix-timestamp", TS,
                             "svix-signature", sig, NULL),
                     WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    free(sig);
    wht_refused(&r, wht_run(&r, "resend", body, &s, NOW, NULL, "svix-id", "msg_b", NULL),
                WH_SIGNATURE_REFUSED, "svix-timestamp missing");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(standard_webhooks_known_answer),
        cmocka_unit_test(every_event_type_maps_field_by_field),
        cmocka_unit_test(tags_as_an_array_also_carry_the_mid),
        cmocka_unit_test(expired_rotated_and_missing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
