/* Mailgun webhooks. event-data objects written after the event examples of
 * https://documentation.mailgun.com/docs/mailgun/user-manual/events/ and the
 * webhook payload and signature of
 * https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/
 * (hex HMAC-SHA256 of timestamp + token with the webhook signing key; no
 * published vector with its key, so the test signs with its own key through
 * OpenSSL, independently of the library's libsodium path). */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

#define KEY1 "key-1d8a1c42e4c6b3c0b6f0a5b1c0f4e2d1"
#define KEY2 "key-rotated-00000000000000000000000"
#define NOW INT64_C(1529006900000)
/* The payloads, shared with the conformance suite (samples.h). */
#define MSGID MAILGUN_MSGID
#define COMMON MAILGUN_COMMON

/* A request body: event-data ed, signed with key at timestamp ts. */
static char *body(const char *ed, const char *key, const char *ts, const char *token)
{
    char *signed_text = wht_cat(ts, token);
    char *mac = wht_hmac_hex("sha256", key, strlen(key), signed_text, strlen(signed_text));
    free(signed_text);
    size_t n = strlen(ed) + 512;
    char *b = malloc(n);
    snprintf(b, n, "{\"signature\":{\"timestamp\":\"%s\",\"token\":\"%s\",\"signature\":\"%s\"},\"event-data\":%s}", ts,
             token, mac, ed);
    free(mac);
    return b;
}

static wh_verdict run(wh_result *r, const char *ed, const char *signkey, const char *ts, mtrk_time now)
{
    wh_secrets s = { { KEY1, KEY2 }, 0, 0, NULL, NULL };
    char *b = body(ed, signkey, ts, "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0");
    wh_verdict v = wht_run(r, "mailgun", b, &s, now, NULL, "Content-Type", "application/json", NULL);
    free(b);
    return v;
}


static void every_event_type_maps_field_by_field(void **state)
{
    (void)state;
    mtrk_time at = INT64_C(1529006854329);
    struct {
        const char *ed;
        mtrk_event_type type;
        const char *name;
        const char *key;
    } cases[] = {
        { MAILGUN_ACCEPTED, MTRK_EV_SENT, "accepted",
          "CPgfbmQMTCKtHW6uIWtuVe" },
        { MAILGUN_DELIVERED, MTRK_EV_DELIVERED, "delivered", "W3X4JOhFT-OZidZGKKr9iA" },
        { MAILGUN_FAILED, MTRK_EV_BOUNCE, "failed", "G9Bn5sl1TC6nu79C8C0bwg" },
        { MAILGUN_FAILED_2, MTRK_EV_DEFERRED, "failed", "Fs7-5t81S2ag4NjsaUx4Ng" },
        { MAILGUN_REJECTED, MTRK_EV_BOUNCE, "rejected", "rej-1" },
        { MAILGUN_OPENED, MTRK_EV_OPEN, "opened", "Ase7i2zsRYeDXztHGENqRA" },
        { MAILGUN_OPENED_2, MTRK_EV_OPEN, "opened", "bot-open" },
        { MAILGUN_CLICKED, MTRK_EV_CLICK, "clicked", "Ase7i2zsRYeDXztHGENqRB" },
        { MAILGUN_UNSUBSCRIBED, MTRK_EV_UNSUBSCRIBE, "unsubscribed", "Ase7i2zsRYeDXztHGENqRC" },
        { MAILGUN_COMPLAINED, MTRK_EV_COMPLAINT, "complained",
          "ncV2XwymRUKbPek_MIM-Gw" },
        { MAILGUN_STORED, 0, "stored", "czsjqFATSlC3QtAK-C80nw" },
        { MAILGUN_LIST_MEMBER_UPLOADED, 0, "list_member_uploaded", "lmu-1" },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wh_result r;
        wh_event *e = wht_one(&r, run(&r, cases[i].ed, KEY1, "1529006854", NOW));
        wht_event(e, cases[i].type, cases[i].name, at, cases[i].key);
        if (i < 11) {
            wht_echo(e, mid, MSGID, "alice@example.com");
        } else {
            assert_false(e->has_mid);
        }
        switch (i) {
        case 1:
            assert_int_equal(e->smtp_code, 250);
            wht_str(e->diagnostic, "OK");
            break;
        case 2:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            wht_str(e->bounce_type, "permanent");
            wht_str(e->bounce_subtype, "bounce");
            assert_int_equal(e->smtp_code, 550);
            wht_str(e->enhanced_status, "5.1.1");
            wht_str(e->diagnostic, "550 5.1.1 The email account that you tried to reach does not exist.");
            break;
        case 3:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_NONE);
            wht_str(e->bounce_type, "temporary");
            wht_str(e->bounce_subtype, "generic");
            assert_int_equal(e->smtp_code, 452);
            wht_str(e->enhanced_status, "4.2.2");
            break;
        case 4:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            wht_str(e->bounce_type, "rejected");
            wht_str(e->diagnostic, "Sandbox subdomains are for test purposes only");
            break;
        case 5:
            assert_int_equal(e->verdict, MTRK_VERDICT_HUMAN);
            wht_str(e->ip, "50.56.129.169");
            wht_str(e->user_agent, "Mozilla/5.0 (X11; Linux x86_64)");
            break;
        case 6:
            assert_int_equal(e->verdict, MTRK_VERDICT_MACHINE);
            wht_str(e->verdict_reason, "mailgun client-info.bot: apple");
            break;
        case 7:
            wht_str(e->url, "https://example.com/landing?x=1");
            break;
        case 8:
            assert_int_equal(e->unsub_scope, MTRK_UNSUB_GLOBAL);
            break;
        }
        wh_result_free(&r);
    }
}

/* The signed token is the request's replay token, kept for the tolerance. */
static void the_signed_token_is_the_replay_token(void **state)
{
    (void)state;
    wh_result r;
    assert_int_equal(run(&r, COMMON("delivered", "tok-ev") "}", KEY1, "1529006854", INT64_C(1529006900000)),
                     WH_ACCEPTED);
    wht_str(r.nonce, "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0");
    assert_int_equal(r.nonce_expires, INT64_C(1529006900000) + 5 * 60000);
    wh_result_free(&r);
}

static void rotated_key_tampered_body_and_expired_timestamp(void **state)
{
    (void)state;
    const char *ed = COMMON("delivered", "x") "}";
    wh_result r;
    assert_int_equal(run(&r, ed, KEY2, "1529006854", NOW), WH_ACCEPTED); /* the second active key */
    wh_result_free(&r);
    wht_refused(&r, run(&r, ed, "key-retired", "1529006854", NOW), WH_SIGNATURE_REFUSED, "does not match");
    /* 10 minutes old, tolerance 5. */
    wht_refused(&r, run(&r, ed, KEY1, "1529006254", NOW), WH_SIGNATURE_REFUSED, "tolerance");
    /* A signature taken from another request (other token). */
    char *b = body(ed, KEY1, "1529006854", "token-one");
    char *p = strstr(b, "token-one");
    memcpy(p, "token-two", 9);
    wh_secrets s = { { KEY1, NULL }, 0, 0, NULL, NULL };
    assert_int_equal(wht_run(&r, "mailgun", b, &s, NOW, NULL, NULL), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    free(b);
    /* No signature object. */
    wht_refused(&r, wht_run(&r, "mailgun", "{\"event-data\":{}}", &s, NOW, NULL, NULL),
                WH_SIGNATURE_REFUSED, "no 'signature' object");
}

static void malformed_bodies_and_events(void **state)
{
    (void)state;
    wh_result r;
    wht_refused(&r, wht_run(&r, "mailgun", "[1]", NULL, NOW, NULL, NULL), WH_MALFORMED, "not a JSON object");
    wht_refused(&r, wht_run(&r, "mailgun", "{\"signature\":{}}", NULL, NOW, NULL, NULL),
                WH_MALFORMED, "no 'event-data' object");
    assert_int_equal(run(&r, "{\"event\":\"opened\",\"id\":\"x\",\"timestamp\":\"soon\"}", KEY1, "1529006854", NOW),
                     WH_ACCEPTED);
    assert_non_null(strstr(r.events[0].error, "field 'timestamp' is not Unix seconds"));
    wh_result_free(&r);
    assert_int_equal(run(&r, "{\"event\":\"opened\",\"id\":\"x\",\"timestamp\":1,\"user-variables\":{\"mtrk_mid\":5}}", KEY1,
                         "1529006854", NOW),
                     WH_ACCEPTED);
    assert_non_null(strstr(r.events[0].error, "field 'mtrk_mid' is an integer"));
    wh_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_type_maps_field_by_field),
        cmocka_unit_test(rotated_key_tampered_body_and_expired_timestamp),
        cmocka_unit_test(the_signed_token_is_the_replay_token),
        cmocka_unit_test(malformed_bodies_and_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
