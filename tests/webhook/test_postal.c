/* Postal webhooks. Payloads written after the samples of
 * https://docs.postalserver.io/developer/webhooks (MessageSent,
 * MessageDelayed, MessageDeliveryFailed, MessageHeld, MessageBounced,
 * MessageLinkClicked, MessageLoaded, DomainDNSError, SendLimitApproaching,
 * SendLimitExceeded), signed as Postal signs them (RSA over the body,
 * X-Postal-Signature with SHA-1 and X-Postal-Signature-256 with SHA-256;
 * each Postal installation has its own key, so the test makes one). */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct fx {
    EVP_PKEY *k1, *k2;
    char *pub1, *pub2;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    f->k1 = wht_rsa_key();
    f->k2 = wht_rsa_key();
    char *b64 = wht_pub_b64(f->k1);
    f->pub1 = wht_cat("p=", b64); /* as published in the DNS TXT record */
    free(b64);
    f->pub2 = wht_pub_pem(f->k2);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    EVP_PKEY_free(f->k1);
    EVP_PKEY_free(f->k2);
    free(f->pub1);
    free(f->pub2);
    free(f);
    return 0;
}

static wh_verdict run(wh_result *r, fx *f, EVP_PKEY *k, int sha256, const char *body)
{
    char *sig = wht_sign(k, sha256 ? "sha256" : "sha1", body, strlen(body));
    wh_secrets s = { { f->pub1, f->pub2 }, 0, 0, NULL, NULL };
    wh_verdict v = wht_run(r, "postal", body, &s, 0, NULL, sha256 ? "X-Postal-Signature-256" : "X-Postal-Signature", sig,
                           NULL);
    free(sig);
    return v;
}

/* The payloads, shared with the conformance suite (samples.h). */
#define MSG POSTAL_MSG
#define EV POSTAL_EV

static void every_event_type_maps_field_by_field(void **state)
{
    fx *f = *state;
    struct {
        const char *body;
        mtrk_event_type type;
        const char *name;
    } cases[] = {
        { POSTAL_MESSAGESENT, MTRK_EV_DELIVERED, "MessageSent" },
        { POSTAL_MESSAGEDELAYED, MTRK_EV_DEFERRED, "MessageDelayed" },
        { POSTAL_MESSAGEDELIVERYFAILED, MTRK_EV_BOUNCE, "MessageDeliveryFailed" },
        { POSTAL_MESSAGEHELD, MTRK_EV_BOUNCE, "MessageHeld" },
        { POSTAL_MESSAGEBOUNCED, MTRK_EV_BOUNCE, "MessageBounced" },
        { POSTAL_MESSAGELINKCLICKED, MTRK_EV_CLICK, "MessageLinkClicked" },
        { POSTAL_MESSAGELOADED, MTRK_EV_OPEN, "MessageLoaded" },
        { POSTAL_DOMAINDNSERROR, 0, "DomainDNSError" },
        { POSTAL_SENDLIMITAPPROACHING, 0, "SendLimitApproaching" },
        { POSTAL_SENDLIMITEXCEEDED, 0, "SendLimitExceeded" },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wh_result r;
        wh_event *e = wht_one(&r, run(&r, f, i % 2 ? f->k2 : f->k1, i % 3 != 0, cases[i].body));
        char key[8];
        snprintf(key, sizeof key, "u%zu", i + 1);
        wht_event(e, cases[i].type, cases[i].name, INT64_C(1477945177129), key);
        if (i < 7) {
            wht_echo(e, mid, "5817a64332f44_4ec93ff59e79d154565eb@app34.mail", "test@example.com");
        } else {
            assert_false(e->has_mid);
        }
        switch (i) {
        case 0:
            assert_int_equal(e->smtp_code, 250);
            wht_str(e->enhanced_status, "2.0.0");
            break;
        case 1:
            assert_int_equal(e->smtp_code, 451);
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_NONE);
            break;
        case 2:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            wht_str(e->bounce_subtype, "HardFail");
            wht_str(e->enhanced_status, "5.1.1");
            break;
        case 3:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            wht_str(e->diagnostic, "Credential is configured to hold all messages.");
            break;
        case 4:
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_HARD);
            break;
        case 5:
            wht_str(e->url, "https://atech.media");
            wht_str(e->ip, "185.22.208.2");
            break;
        case 6:
            wht_str(e->user_agent, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_12_1)");
            break;
        }
        wh_result_free(&r);
    }
}

/* A failure delivering mail Postal received (an inbound route's endpoint):
 * not about sent mail, kept unmapped. */
static void incoming_direction_is_unmapped(void **state)
{
    fx *f = *state;
    wh_result r;
    const char *body = EV("MessageDeliveryFailed", "u-in", "{\"message\":{\"id\":1575,\"token\":\"lPDuNhHfV8aU\","
                          "\"direction\":\"incoming\",\"message_id\":\"asdf@other-mta.example.com\",\"to\":\"incoming@example.com\","
                          "\"from\":\"sender@example.com\",\"tag\":null},\"status\":\"HardFail\","
                          "\"details\":\"Received a 400 from https://example.com/hook.\",\"output\":\"Not found\"}");
    assert_int_equal(run(&r, f, f->k1, 1, body), WH_ACCEPTED);
    wht_event(&r.events[0], 0, "MessageDeliveryFailed", INT64_C(1477945177129), "u-in");
    assert_int_equal(r.events[0].bounce_kind, MTRK_BOUNCE_NONE);
    wh_result_free(&r);
}

static void tampered_and_foreign_signatures(void **state)
{
    fx *f = *state;
    wh_result r;
    const char *body = EV("MessageLoaded", "u", "{\"message\":" MSG "}");
    char *sig = wht_sign(f->k1, "sha256", body, strlen(body));
    char *tampered = wht_cat(body, "\n");
    wh_secrets s = { { f->pub1, NULL }, 0, 0, NULL, NULL };
    assert_int_equal(wht_run(&r, "postal", tampered, &s, 0, NULL, "X-Postal-Signature-256", sig, NULL),
                     WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    /* A SHA-256 signature presented as the SHA-1 one. */
    assert_int_equal(wht_run(&r, "postal", body, &s, 0, NULL, "X-Postal-Signature", sig, NULL), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    /* Signed by a key not configured. */
    wh_secrets only2 = { { NULL, f->pub2 }, 0, 0, NULL, NULL };
    wht_refused(&r, wht_run(&r, "postal", body, &only2, 0, NULL, "X-Postal-Signature-256", sig, NULL),
                WH_SIGNATURE_REFUSED, "does not verify");
    free(sig);
    free(tampered);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_type_maps_field_by_field),
        cmocka_unit_test(incoming_direction_is_unmapped),
        cmocka_unit_test(tampered_and_foreign_signatures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
