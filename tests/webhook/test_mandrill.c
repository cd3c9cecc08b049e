/* Mandrill (Mailchimp Transactional) webhooks. Events written after the
 * samples of https://mailchimp.com/developer/transactional/docs/webhooks/
 * (send, deferral, hard_bounce, soft_bounce, open, click, spam, unsub,
 * reject; sync events), posted as the form field mandrill_events, and signed
 * as https://mailchimp.com/developer/transactional/guides/track-respond-activity-webhooks/#authenticating-webhook-requests
 * describes (no published vector: the test signs with its own key through
 * OpenSSL). */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

#define URL "https://example.com/hooks/mandrill?tenant=acme"
#define KEY "mandrill-webhook-key-1"
#define KEY2 "mandrill-webhook-key-2"

static char *urlencode(const char *s)
{
    char *out = malloc(strlen(s) * 3 + 1), *o = out;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.')
            *o++ = (char)c;
        else if (c == ' ')
            *o++ = '+';
        else
            o += sprintf(o, "%%%02X", c);
    }
    *o = '\0';
    return out;
}

/* The body and its signature: URL + "mandrill_events" + the JSON. */
static wh_verdict run(wh_result *r, const char *json, const char *key)
{
    char *enc = urlencode(json);
    char *body = wht_cat("mandrill_events=", enc);
    char *a = wht_cat(URL, "mandrill_events");
    char *text = wht_cat(a, json);
    char *sig = wht_hmac_b64("sha1", key, strlen(key), text, strlen(text));
    wh_secrets s = { { KEY, KEY2 }, 0, 0, NULL, NULL };
    wh_verdict v = wht_run(r, "mandrill", body, &s, 0, URL, "X-Mandrill-Signature", sig, NULL);
    free(enc);
    free(body);
    free(a);
    free(text);
    free(sig);
    return v;
}

/* The payloads, shared with the conformance suite (samples.h). */
#define MSG MANDRILL_MSG

static const char events[] = MANDRILL_EVENTS;

static void every_event_type_maps_field_by_field(void **state)
{
    (void)state;
    wh_result r;
    assert_int_equal(run(&r, events, KEY), WH_ACCEPTED);
    assert_int_equal(r.n, 11);
    struct {
        mtrk_event_type type;
        const char *name;
    } want[] = {
        { MTRK_EV_SENT, "send" },  { MTRK_EV_DEFERRED, "deferral" }, { MTRK_EV_BOUNCE, "hard_bounce" },
        { MTRK_EV_BOUNCE, "soft_bounce" }, { MTRK_EV_OPEN, "open" }, { MTRK_EV_CLICK, "click" },
        { MTRK_EV_COMPLAINT, "spam" }, { MTRK_EV_UNSUBSCRIBE, "unsub" }, { MTRK_EV_BOUNCE, "reject" },
        { 0, "sync:blacklist" }, { 0, "inbound" },
    };
    mtrk_id mid = wht_id(MID1);
    for (size_t i = 0; i < 11; i++) {
        wh_event *e = &r.events[i];
        wht_event(e, want[i].type, want[i].name, INT64_C(1384954004000), NULL);
        wht_derived_key(e);
        if (i < 9) {
            wht_mid(e, mid);
            wht_str(e->recipient, "example.webhook@mandrillapp.com");
        }
    }
    wht_str(r.events[0].provider_message_id, "exampleaaaaaaaaaaaaaaaaaaaaaaaaa");
    wht_str(r.events[2].provider_message_id, "exampleaaaaaaaaaaaaaaaaaaaaaaaaa2");
    assert_int_equal(r.events[2].bounce_kind, MTRK_BOUNCE_HARD);
    wht_str(r.events[2].bounce_subtype, "bad_mailbox");
    assert_int_equal(r.events[2].smtp_code, 550);
    wht_str(r.events[2].enhanced_status, "5.1.1");
    assert_int_equal(r.events[3].bounce_kind, MTRK_BOUNCE_SOFT);
    assert_int_equal(r.events[3].smtp_code, 552);
    wht_str(r.events[4].ip, "127.0.0.1");
    wht_str(r.events[4].user_agent,
            "Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10.6; en-US; rv:1.9.1.8) Gecko/20100317 Postbox/1.1.3");
    wht_str(r.events[5].url, "http://mandrill.com");
    assert_int_equal(r.events[7].unsub_scope, MTRK_UNSUB_GLOBAL);
    assert_int_equal(r.events[8].bounce_kind, MTRK_BOUNCE_SOFT);
    assert_string_not_equal(r.events[0].key, r.events[1].key);
    wh_result_free(&r);
}

static void signature_covers_url_and_sorted_fields(void **state)
{
    (void)state;
    wh_result r;
    /* Rotated: the second key verifies. */
    assert_int_equal(run(&r, "[]", KEY2), WH_ACCEPTED);
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
    assert_int_equal(run(&r, "[]", "old-key"), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    /* Several fields: signed sorted by name. */
    const char *body = "z=last&mandrill_events=%5B%5D&a=first+one";
    const char *text = URL "afirst onemandrill_events[]zlast";
    char *sig = wht_hmac_b64("sha1", KEY, strlen(KEY), text, strlen(text));
    wh_secrets s = { { KEY, NULL }, 0, 0, NULL, NULL };
    assert_int_equal(wht_run(&r, "mandrill", body, &s, 0, URL, "X-Mandrill-Signature", sig, NULL), WH_ACCEPTED);
    wh_result_free(&r);
    /* Another URL than the one signed. */
    assert_int_equal(wht_run(&r, "mandrill", body, &s, 0, "https://example.com/hooks/mandrill?tenant=other",
                             "X-Mandrill-Signature", sig, NULL),
                     WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    /* Tampered body. */
    assert_int_equal(wht_run(&r, "mandrill", "z=last&mandrill_events=%5B%5D&a=first+two", &s, 0, URL,
                             "X-Mandrill-Signature", sig, NULL),
                     WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    wht_refused(&r, wht_run(&r, "mandrill", body, &s, 0, NULL, "X-Mandrill-Signature", sig, NULL),
                WH_SIGNATURE_REFUSED, "URL");
    free(sig);
}

static void malformed_forms(void **state)
{
    (void)state;
    wh_result r;
    wht_refused(&r, wht_run(&r, "mandrill", "other=1", NULL, 0, URL, NULL), WH_MALFORMED, "no mandrill_events field");
    wht_refused(&r, wht_run(&r, "mandrill", "mandrill_events=%7B%7D", NULL, 0, URL, NULL),
                WH_MALFORMED, "not a JSON array");
    wht_refused(&r, wht_run(&r, "mandrill", "mandrill_events=%5B%7B%22event%22", NULL, 0, URL, NULL),
                WH_MALFORMED, "malformed JSON");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_event_type_maps_field_by_field),
        cmocka_unit_test(signature_covers_url_and_sorted_fields),
        cmocka_unit_test(malformed_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
