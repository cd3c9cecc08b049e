/* SendGrid Event Webhook. Payloads written after the event examples of
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event
 * (one object per event type, with a custom argument mtrk_mid), and the
 * signature scheme of
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 * (ECDSA P-256 over timestamp + body; SendGrid publishes no sample key, so
 * the test generates one). */
#include "whtest.h"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/obj_mac.h>

#include <stdlib.h>

#define T0 INT64_C(1513299569000)

static const char all_events[] = SENDGRID_ALL_EVENTS;

static void every_event_type_maps_field_by_field(void **state)
{
    (void)state;
    wh_result r;
    assert_int_equal(wht_run(&r, "sendgrid", all_events, NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(r.n, 14);
    mtrk_id mid = wht_id(MID1);
    const char *sgmid = "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000";

    wh_event *e = &r.events[0];
    wht_event(e, MTRK_EV_SENT, "processed", T0, "rbtnWrG1DVDGGGFHFyun0A==");
    wht_echo(e, mid, sgmid, "example@test.com");

    e = &r.events[1];
    wht_event(e, MTRK_EV_DEFERRED, "deferred", T0, "t7LEShmowp86DTdUW8M-GQ==");
    wht_str(e->diagnostic, "400 try again later");
    assert_int_equal(e->smtp_code, 400);

    e = &r.events[2];
    wht_event(e, MTRK_EV_DELIVERED, "delivered", T0, "rWVYmVk90MjZJ9iohOBa3w==");
    wht_str(e->diagnostic, "250 OK");
    assert_int_equal(e->smtp_code, 250);

    e = &r.events[3];
    wht_event(e, MTRK_EV_OPEN, "open", T0, "FOTFFO0ecsBE-zxFXfs6WA==");
    assert_int_equal(e->verdict, MTRK_VERDICT_HUMAN);
    assert_null(e->verdict_reason);
    wht_str(e->user_agent, "Mozilla/4.0 (compatible; MSIE 6.1; Windows XP; .NET CLR 1.1.4322; .NET CLR 2.0.50727)");
    wht_str(e->ip, "255.255.255.255");

    e = &r.events[4];
    wht_event(e, MTRK_EV_OPEN, "open", T0 + 1000, "machine-open-1");
    assert_int_equal(e->verdict, MTRK_VERDICT_MACHINE);
    assert_non_null(strstr(e->verdict_reason, "sg_machine_open"));

    e = &r.events[5];
    wht_event(e, MTRK_EV_CLICK, "click", T0, "kCAi1KttyQdEKHhdC-nuEA==");
    wht_str(e->url, "http://www.sendgrid.com/");
    assert_int_equal(e->link_index, 0);
    assert_int_equal(r.events[0].link_index, -1);
    wht_str(e->ip, "255.255.255.255");
    wht_str(e->user_agent, "Mozilla/4.0");

    e = &r.events[6];
    wht_event(e, MTRK_EV_BOUNCE, "bounce", T0, "6g4ZI7SA-xmRDv57GoPIPw==");
    assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
    wht_str(e->bounce_type, "bounce");
    wht_str(e->bounce_subtype, "Invalid Address");
    wht_str(e->enhanced_status, "5.0.0");
    wht_str(e->diagnostic, "500 unknown recipient");
    assert_int_equal(e->smtp_code, 500);

    e = &r.events[7];
    wht_event(e, MTRK_EV_BOUNCE, "bounce", T0, "blocked-1");
    assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
    wht_str(e->bounce_type, "blocked");
    wht_str(e->bounce_subtype, "Frequency or Volume Too High");
    wht_str(e->enhanced_status, "4.7.0");
    assert_int_equal(e->smtp_code, 421);

    e = &r.events[8];
    wht_event(e, MTRK_EV_BOUNCE, "dropped", T0, "zmzJhfJgAfUSOW80yEbPyw==");
    assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
    wht_str(e->bounce_type, "dropped");
    wht_str(e->bounce_subtype, "Bounced Address");

    e = &r.events[9];
    wht_event(e, MTRK_EV_COMPLAINT, "spamreport", T0, "37nvH5QBz858KGVYCM4uOA==");

    e = &r.events[10];
    wht_event(e, MTRK_EV_UNSUBSCRIBE, "unsubscribe", T0, "zz_BjPgU_5pS-J8vlfB1sg==");
    assert_int_equal(e->unsub_scope, MTRK_UNSUB_GLOBAL);

    e = &r.events[11];
    wht_event(e, MTRK_EV_UNSUBSCRIBE, "group_unsubscribe", T0, "ahSCB7xYcXFb-hEaawsPRw==");
    assert_int_equal(e->unsub_scope, MTRK_UNSUB_AUDIENCE);
    wht_str(e->unsub_list, "10");

    e = &r.events[12];
    wht_event(e, 0, "group_resubscribe", T0, "w_u0vJhLT-OFfprar5N93g==");
    wht_str(e->unsub_list, "10");
    assert_true(e->has_mid);

    e = &r.events[13];
    wht_event(e, 0, "account_status_change", INT64_C(1709142428000), "MjIzNDQ2NTktNmE4Ni00MTQ1LWI2ZDMtMzE5NjU1N2U4ZGU3");
    assert_false(e->has_mid);
    wh_result_free(&r);
}

/* A batch and the same batch reversed give the same events (keys, types). */
static void shuffled_order_gives_the_same_events(void **state)
{
    (void)state;
    const char *fwd = "[{\"event\":\"click\",\"timestamp\":1513299569,\"sg_event_id\":\"a\",\"url\":\"http://x/2\","
                      "\"url_offset\":{\"index\":2,\"type\":\"html\"}},"
                      "{\"event\":\"delivered\",\"timestamp\":1513299568,\"sg_event_id\":\"b\"},"
                      "{\"event\":\"processed\",\"timestamp\":1513299567}]";
    const char *rev = "[{\"event\":\"processed\",\"timestamp\":1513299567},"
                      "{\"event\":\"delivered\",\"timestamp\":1513299568,\"sg_event_id\":\"b\"},"
                      "{\"event\":\"click\",\"timestamp\":1513299569,\"sg_event_id\":\"a\",\"url\":\"http://x/2\","
                      "\"url_offset\":{\"index\":2,\"type\":\"html\"}}]";
    wh_result a, b;
    assert_int_equal(wht_run(&a, "sendgrid", fwd, NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(wht_run(&b, "sendgrid", rev, NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(a.n, 3);
    assert_int_equal(b.n, 3);
    for (size_t i = 0; i < 3; i++) {
        const wh_event *x = &a.events[i], *y = &b.events[2 - i];
        wht_str(x->key, y->key);
        assert_int_equal(x->type, y->type);
        assert_int_equal(x->occurred_at, y->occurred_at);
        assert_int_equal(x->link_index, y->link_index);
    }
    assert_int_equal(a.events[0].link_index, 2);
    wh_result_free(&a);
    wh_result_free(&b);
}

static void raw_event_text_is_kept(void **state)
{
    (void)state;
    wh_result r;
    const char *body = "[{\"event\":\"open\",\"timestamp\":1513299569,\"sg_event_id\":\"a\",\"x\":{\"y\":[1,2]}}]";
    assert_int_equal(wht_run(&r, "sendgrid", body, NULL, 0, NULL, NULL), WH_ACCEPTED);
    wht_str(r.events[0].raw, "{\"event\":\"open\",\"timestamp\":1513299569,\"sg_event_id\":\"a\",\"x\":{\"y\":[1,2]}}");
    wh_result_free(&r);
}

static void one_bad_event_does_not_reject_the_others(void **state)
{
    (void)state;
    wh_result r;
    const char *body = "[{\"event\":\"delivered\",\"timestamp\":\"yesterday\",\"sg_event_id\":\"a\"},"
                       "42,"
                       "{\"timestamp\":1513299569,\"sg_event_id\":\"b\"},"
                       "{\"event\":\"open\",\"timestamp\":1513299569,\"sg_event_id\":\"c\",\"mtrk_mid\":\"not-a-mid\"},"
                       "{\"event\":\"open\",\"timestamp\":1513299569,\"sg_event_id\":\"d\",\"email\":[\"x\"]},"
                       "{\"event\":\"open\",\"timestamp\":1513299569,\"sg_event_id\":\"e\",\"sg_machine_open\":\"maybe\"},"
                       "{\"event\":\"open\",\"timestamp\":1513299569,\"sg_event_id\":\"f\"}]";
    assert_int_equal(wht_run(&r, "sendgrid", body, NULL, 0, NULL, NULL), WH_ACCEPTED);
    assert_int_equal(r.n, 7);
    assert_non_null(strstr(r.events[0].error, "field 'timestamp' is not Unix seconds"));
    assert_non_null(strstr(r.events[1].error, "event 1 is not a JSON object"));
    assert_non_null(strstr(r.events[2].error, "field 'event' (the event type) is missing"));
    assert_non_null(strstr(r.events[3].error, "'not-a-mid' is not an mtrk message id"));
    assert_non_null(strstr(r.events[4].error, "field 'email' is an array, expected a string"));
    assert_non_null(strstr(r.events[5].error, "field 'sg_machine_open' is a string, expected a boolean"));
    wht_event(&r.events[6], MTRK_EV_OPEN, "open", T0, "f");
    wh_result_free(&r);
}

static void wrong_top_level_type_is_malformed(void **state)
{
    (void)state;
    wh_result r;
    assert_int_equal(wht_run(&r, "sendgrid", "{\"event\":\"open\"}", NULL, 0, NULL, NULL), WH_MALFORMED);
    assert_non_null(strstr(r.message, "not a JSON array"));
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
}

static void duplicates_keep_their_key_and_events_without_id_get_a_stable_one(void **state)
{
    (void)state;
    wh_result r;
    /* A retry repeats the same event: same key, so recorded once later. */
    const char *body = "[{\"event\":\"delivered\",\"timestamp\":1513299569,\"sg_event_id\":\"dup\"},"
                       "{\"event\":\"delivered\",\"timestamp\":1513299569,\"sg_event_id\":\"dup\"},"
                       "{\"email\":\"a@b.c\",\"event\":\"dropped\",\"reason\":\"Invalid\",\"timestamp\":1386636115},"
                       "{\"email\":\"a@b.c\",\"event\":\"dropped\",\"reason\":\"Invalid\",\"timestamp\":1386636115},"
                       "{\"email\":\"a@b.c\",\"event\":\"dropped\",\"reason\":\"Invalid\",\"timestamp\":1386636116}]";
    assert_int_equal(wht_run(&r, "sendgrid", body, NULL, 0, NULL, NULL), WH_ACCEPTED);
    wht_str(r.events[0].key, r.events[1].key);
    assert_non_null(r.events[2].key);
    wht_derived_key(&r.events[2]);
    wht_str(r.events[2].key, r.events[3].key);
    assert_string_not_equal(r.events[3].key, r.events[4].key);
    assert_int_equal(r.events[2].bounce_kind, MTRK_BOUNCE_HARD);
    wh_result_free(&r);
}

typedef struct keys {
    EVP_PKEY *k1, *k2;
    char *pub1, *pub2;
} keys;

static int setup(void **state)
{
    keys *k = calloc(1, sizeof *k);
    k->k1 = wht_ec_key();
    k->k2 = wht_ec_key();
    k->pub1 = wht_pub_b64(k->k1);
    k->pub2 = wht_pub_pem(k->k2);
    *state = k;
    return 0;
}

static int teardown(void **state)
{
    keys *k = *state;
    EVP_PKEY_free(k->k1);
    EVP_PKEY_free(k->k2);
    free(k->pub1);
    free(k->pub2);
    free(k);
    return 0;
}

#define NOW INT64_C(1600000100000)
static const char signed_body[] = "[{\"email\":\"example@test.com\",\"event\":\"delivered\",\"timestamp\":1600000000,"
                                  "\"sg_event_id\":\"x1\"}]\r\n";

static wh_verdict run_signed(wh_result *r, const wh_secrets *s, EVP_PKEY *k, const char *ts, const char *body,
                             mtrk_time now)
{
    char *msg = wht_cat(ts, signed_body);
    char *sig = wht_sign(k, "sha256", msg, strlen(msg));
    wh_verdict v = wht_run(r, "sendgrid", body, s, now, NULL, "X-Twilio-Email-Event-Webhook-Signature", sig,
                           "x-twilio-email-event-webhook-timestamp", ts, NULL);
    free(msg);
    free(sig);
    return v;
}

static void signature_verifies_and_tampering_is_refused(void **state)
{
    keys *k = *state;
    wh_secrets s = { { k->pub1, NULL }, 0, 0, NULL, NULL };
    wh_result r;
    assert_int_equal(run_signed(&r, &s, k->k1, "1600000000", signed_body, NOW), WH_ACCEPTED);
    assert_int_equal(r.n, 1);
    wh_result_free(&r);
    /* The same signature over a body changed by one octet. */
    char *tampered = wht_cat("", signed_body);
    tampered[strlen(tampered) - 4] = ' ';
    assert_int_equal(run_signed(&r, &s, k->k1, "1600000000", tampered, NOW), WH_SIGNATURE_REFUSED);
    assert_non_null(strstr(r.message, "does not verify"));
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
    free(tampered);
    /* Signed by another key. */
    assert_int_equal(run_signed(&r, &s, k->k2, "1600000000", signed_body, NOW), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
}

static void expired_timestamp_is_refused(void **state)
{
    keys *k = *state;
    wh_secrets s = { { k->pub1, NULL }, 0, 0, NULL, NULL };
    wh_result r;
    /* 100 s old: within the default 5 minutes. 301 s: refused. */
    wht_refused(&r, run_signed(&r, &s, k->k1, "1600000000", signed_body, INT64_C(1600000301000)),
                WH_SIGNATURE_REFUSED, "outside the tolerance of 300 s");
    s.tolerance_ms = 3600 * 1000;
    assert_int_equal(run_signed(&r, &s, k->k1, "1600000000", signed_body, INT64_C(1600000301000)), WH_ACCEPTED);
    wh_result_free(&r);
}

static void rotated_key_both_verify(void **state)
{
    keys *k = *state;
    wh_secrets s = { { k->pub1, k->pub2 }, 0, 0, NULL, NULL };
    wh_result r;
    assert_int_equal(run_signed(&r, &s, k->k1, "1600000000", signed_body, NOW), WH_ACCEPTED);
    wh_result_free(&r);
    assert_int_equal(run_signed(&r, &s, k->k2, "1600000000", signed_body, NOW), WH_ACCEPTED);
    wh_result_free(&r);
    /* The old key retired: its signatures are refused. */
    wh_secrets only2 = { { NULL, k->pub2 }, 0, 0, NULL, NULL };
    assert_int_equal(run_signed(&r, &only2, k->k1, "1600000000", signed_body, NOW), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
}

static void missing_headers_or_key_are_refused(void **state)
{
    keys *k = *state;
    wh_secrets s = { { k->pub1, NULL }, 0, 0, NULL, NULL };
    wh_result r;
    wht_refused(&r, wht_run(&r, "sendgrid", signed_body, &s, NOW, NULL, NULL),
                WH_SIGNATURE_REFUSED, "X-Twilio-Email-Event-Webhook-Signature missing");
    wh_secrets none = { { NULL, NULL }, 0, 0, NULL, NULL };
    wht_refused(&r, run_signed(&r, &none, k->k1, "1600000000", signed_body, NOW),
                WH_SIGNATURE_REFUSED, "no sendgrid signing key");
    wht_refused(&r, run_signed(&r, &s, k->k1, "16e8", signed_body, NOW), WH_SIGNATURE_REFUSED, "not Unix seconds");
}

/* The replay token is the signature's r: the malleated signature (r, n - s),
 * which verifies too, gives the same token; another signing another. */
static void the_replay_token_is_the_signatures_r(void **state)
{
    keys *k = *state;
    wh_secrets s = { { k->pub1, NULL }, 0, 0, NULL, NULL };
    const char *ts = "1600000000";
    char *msg = wht_cat(ts, signed_body);
    char *sig = wht_sign(k->k1, "sha256", msg, strlen(msg));
    size_t dl = 0;
    unsigned char *der = wh_base64_decode(sig, strlen(sig), &dl);
    const unsigned char *p = der;
    ECDSA_SIG *es = d2i_ECDSA_SIG(NULL, &p, (long)dl);
    assert_non_null(es);
    BIGNUM *order = BN_new(), *ns = BN_new();
    BN_CTX *bc = BN_CTX_new();
    EC_GROUP *g = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    assert_int_equal(EC_GROUP_get_order(g, order, bc), 1);
    assert_int_equal(BN_sub(ns, order, ECDSA_SIG_get0_s(es)), 1);
    BIGNUM *r2 = BN_dup(ECDSA_SIG_get0_r(es));
    ECDSA_SIG *m = ECDSA_SIG_new();
    assert_int_equal(ECDSA_SIG_set0(m, r2, ns), 1);
    unsigned char *mder = NULL;
    int ml = i2d_ECDSA_SIG(m, &mder);
    char *msig = wh_base64_encode(mder, (size_t)ml);
    wh_result a, b, c;
    assert_int_equal(wht_run(&a, "sendgrid", signed_body, &s, NOW, NULL, "X-Twilio-Email-Event-Webhook-Signature", sig,
                             "X-Twilio-Email-Event-Webhook-Timestamp", ts, NULL),
                     WH_ACCEPTED);
    assert_int_equal(wht_run(&b, "sendgrid", signed_body, &s, NOW, NULL, "X-Twilio-Email-Event-Webhook-Signature", msig,
                             "X-Twilio-Email-Event-Webhook-Timestamp", ts, NULL),
                     WH_ACCEPTED);
    assert_int_equal(run_signed(&c, &s, k->k1, ts, signed_body, NOW), WH_ACCEPTED);
    assert_non_null(a.nonce);
    assert_string_equal(a.nonce, b.nonce);
    assert_string_not_equal(a.nonce, c.nonce);
    /* Kept until the signed time plus the tolerance (5 minutes by default). */
    assert_int_equal(a.nonce_expires, NOW + 5 * 60000);
    wh_result_free(&a);
    wh_result_free(&b);
    wh_result_free(&c);
    /* No key (unsigned accepted): nothing verified, no token. */
    assert_int_equal(wht_run(&a, "sendgrid", signed_body, NULL, NOW, NULL, NULL), WH_ACCEPTED);
    assert_null(a.nonce);
    wh_result_free(&a);
    OPENSSL_free(mder);
    free(msig);
    ECDSA_SIG_free(m);
    ECDSA_SIG_free(es);
    EC_GROUP_free(g);
    BN_CTX_free(bc);
    BN_free(order);
    free(der);
    free(sig);
    free(msg);
}

/* The send call returns the X-Message-Id: the part of sg_message_id before its first dot. */
static void the_send_id_is_the_message_ids_first_part(void **state)
{
    (void)state;
    wh_result r;
    assert_int_equal(wht_run(&r, "sendgrid",
                             "[{\"event\":\"open\",\"timestamp\":1600000000,\"sg_event_id\":\"a\","
                             "\"sg_message_id\":\"14c5d75ce93.filter0001.16648.5515E0B88.0\"},"
                             "{\"event\":\"open\",\"timestamp\":1600000000,\"sg_event_id\":\"b\","
                             "\"sg_message_id\":\"Pn5fHD6hRhmgmGo2zZC\"}]",
                             NULL, 0, NULL, NULL),
                     WH_ACCEPTED);
    wht_str(r.events[0].send_id, "14c5d75ce93");
    wht_str(r.events[0].provider_message_id, "14c5d75ce93.filter0001.16648.5515E0B88.0");
    wht_str(r.events[1].send_id, NULL);
    wh_result_free(&r);
    char *n = wh_msgid_norm("  <abc@mg.example.com> ");
    assert_string_equal(n, "abc@mg.example.com");
    free(n);
    assert_null(wh_msgid_norm(" <> "));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_type_maps_field_by_field),
        cmocka_unit_test(shuffled_order_gives_the_same_events),
        cmocka_unit_test(raw_event_text_is_kept),
        cmocka_unit_test(one_bad_event_does_not_reject_the_others),
        cmocka_unit_test(wrong_top_level_type_is_malformed),
        cmocka_unit_test(duplicates_keep_their_key_and_events_without_id_get_a_stable_one),
        cmocka_unit_test(signature_verifies_and_tampering_is_refused),
        cmocka_unit_test(expired_timestamp_is_refused),
        cmocka_unit_test(rotated_key_both_verify),
        cmocka_unit_test(missing_headers_or_key_are_refused),
        cmocka_unit_test(the_replay_token_is_the_signatures_r),
        cmocka_unit_test(the_send_id_is_the_message_ids_first_part),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
