/* Amazon SES through SNS. Records written after the examples of
 * https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-examples.html
 * (event publishing: Bounce, Complaint, Delivery, Send, Reject, Open, Click,
 * Rendering Failure, DeliveryDelay, Subscription) and
 * https://docs.aws.amazon.com/ses/latest/dg/notification-examples.html
 * (the older bounce, complaint and delivery notifications), wrapped in the
 * SNS envelope of
 * https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html
 * and signed as
 * https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 * says (versions 1 and 2). AWS's certificate is not published with a
 * matching private key, so the test makes its own RSA key and certificate. */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

#define CERT_URL "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem"
#define TOPIC "arn:aws:sns:us-east-1:123456789012:ses-events"
/* The payloads, shared with the conformance suite (samples.h). */
#define MAIL SES_MAIL
#define TAGS SES_TAGS
#define T_MAIL INT64_C(1501893602012) /* 2017-08-05T00:40:02.012Z */

typedef struct fx {
    EVP_PKEY *key, *other;
    char *cert, *other_cert;
    const char *serve; /* the certificate the host hands out */
    int calls;
    char last_url[256];
} fx;

static int get_cert(char **pem, const char *url, void *ud)
{
    fx *f = ud;
    f->calls++;
    snprintf(f->last_url, sizeof f->last_url, "%s", url);
    if (f->serve == NULL)
        return -1;
    *pem = strdup(f->serve);
    return 0;
}

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    f->key = wht_rsa_key();
    f->other = wht_rsa_key();
    f->cert = wht_cert_pem(f->key);
    f->other_cert = wht_cert_pem(f->other);
    f->serve = f->cert;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    EVP_PKEY_free(f->key);
    EVP_PKEY_free(f->other);
    free(f->cert);
    free(f->other_cert);
    free(f);
    return 0;
}

/* The SNS envelope of message, signed by k (NULL: unsigned) with version ver. */
static char *envelope(EVP_PKEY *k, const char *ver, const char *type, const char *message, const char *id,
                      const char *cert_url)
{
    const char *ts = "2017-08-05T00:41:03.000Z";
    json_t *e = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "Type", type, "MessageId", id, "TopicArn", TOPIC,
                          "Message", message, "Timestamp", ts, "SignatureVersion", ver, "SigningCertURL", cert_url);
    char tosign[16384];
    if (strcmp(type, "Notification") == 0) {
        snprintf(tosign, sizeof tosign, "Message\n%s\nMessageId\n%s\nTimestamp\n%s\nTopicArn\n%s\nType\n%s\n", message,
                 id, ts, TOPIC, type);
    } else {
        const char *url = "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" TOPIC
                          "&Token=2336412f37";
        json_object_set_new(e, "Token", json_string("2336412f37"));
        json_object_set_new(e, "SubscribeURL", json_string(url));
        snprintf(tosign, sizeof tosign,
                 "Message\n%s\nMessageId\n%s\nSubscribeURL\n%s\nTimestamp\n%s\nToken\n%s\nTopicArn\n%s\nType\n%s\n",
                 message, id, url, ts, "2336412f37", TOPIC, type);
    }
    if (k != NULL) {
        char *sig = wht_sign(k, strcmp(ver, "1") == 0 ? "sha1" : "sha256", tosign, strlen(tosign));
        json_object_set_new(e, "Signature", json_string(sig));
        free(sig);
    } else {
        json_object_set_new(e, "Signature", json_string("AAAA"));
    }
    char *s = json_dumps(e, JSON_COMPACT);
    json_decref(e);
    return s;
}

static wh_verdict run(wh_result *r, fx *f, const char *body)
{
    wh_secrets s = { { "arn:aws:sns:us-east-1:123456789012:other", TOPIC }, 0, 0, get_cert, f };
    return wht_run(r, "ses", body, &s, INT64_C(1501893663000), NULL, "x-amz-sns-message-type", "Notification",
                   NULL);
}

static wh_verdict run_record(wh_result *r, fx *f, const char *record, const char *id)
{
    char *body = envelope(f->key, "2", "Notification", record, id, CERT_URL);
    wh_verdict v = run(r, f, body);
    free(body);
    return v;
}

static const char bounce[] = SES_BOUNCE;

static void multi_recipient_bounce_gives_one_event_per_recipient(void **state)
{
    fx *f = *state;
    wh_result r;
    assert_int_equal(run_record(&r, f, bounce, "sns-1"), WH_ACCEPTED);
    assert_int_equal(r.n, 3);
    mtrk_id mid = wht_id(MID1);
    const char *fb = "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000";
    char key[128];
    for (size_t i = 0; i < 3; i++) {
        wh_event *e = &r.events[i];
        snprintf(key, sizeof key, "%s:%zu", fb, i);
        wht_event(e, MTRK_EV_BOUNCE, "Bounce", INT64_C(1501893662669), key);
        wht_mid(e, mid);
        wht_str(e->provider_message_id, "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000");
        wht_str(e->bounce_type, "Permanent");
        wht_str(e->bounce_subtype, "General");
    }
    /* Hard or soft from each recipient's reason (docs/bounces.md), not from
     * "Permanent": 5.1.1 user unknown, 5.2.2 mailbox full, no status. */
    assert_int_equal(r.events[0].bounce_kind, MTRK_BOUNCE_HARD);
    assert_int_equal(r.events[1].bounce_kind, MTRK_BOUNCE_SOFT);
    assert_int_equal(r.events[2].bounce_kind, MTRK_BOUNCE_SOFT);
    wht_str(r.events[0].recipient, "recipient@example.com");
    wht_str(r.events[0].enhanced_status, "5.1.1");
    wht_str(r.events[0].diagnostic, "smtp; 550 5.1.1 user unknown");
    assert_int_equal(r.events[0].smtp_code, 550);
    wht_str(r.events[1].recipient, "second@example.com");
    wht_str(r.events[1].enhanced_status, "5.2.2");
    assert_int_equal(r.events[1].smtp_code, 552);
    wht_str(r.events[2].recipient, "third@example.com");
    assert_null(r.events[2].enhanced_status);
    assert_int_equal(r.events[2].smtp_code, 0);
    assert_int_equal(f->calls > 0, 1);
    assert_string_equal(f->last_url, CERT_URL);
    wh_result_free(&r);
}

static void every_event_publishing_type_maps(void **state)
{
    fx *f = *state;
    wh_result r;
    struct {
        const char *record;
        mtrk_event_type type;
        const char *name;
        mtrk_time at;
    } cases[] = {
        { SES_COMPLAINT, MTRK_EV_COMPLAINT, "Complaint", INT64_C(1501893662669) },
        { SES_DELIVERY, MTRK_EV_DELIVERED, "Delivery", INT64_C(1476919264133) },
        { SES_SEND, MTRK_EV_SENT, "Send", T_MAIL },
        { SES_REJECT, MTRK_EV_BOUNCE, "Reject", T_MAIL },
        { SES_OPEN, MTRK_EV_OPEN, "Open", INT64_C(1502316019652) },
        { SES_CLICK, MTRK_EV_CLICK, "Click", INT64_C(1502322685570) },
        { SES_RENDERING_FAILURE, MTRK_EV_BOUNCE, "Rendering Failure", T_MAIL },
        { SES_DELIVERYDELAY, MTRK_EV_DEFERRED, "DeliveryDelay", INT64_C(1592266540641) },
        { SES_SUBSCRIPTION, MTRK_EV_UNSUBSCRIBE, "Subscription", INT64_C(1641949217910) },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char id[32];
        snprintf(id, sizeof id, "sns-%zu", i);
        wh_event *e = wht_one(&r, run_record(&r, f, cases[i].record, id));
        wht_event(e, cases[i].type, cases[i].name, cases[i].at, NULL);
        assert_true(e->has_mid);
        wht_str(e->recipient, "recipient@example.com");
        wht_str(e->provider_message_id, "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000");
        switch (i) {
        case 0:
            wht_str(e->key, "0100015e-complaint:0");
            wht_str(e->user_agent, "Mozilla/5.0 (Windows NT 10.0)");
            wht_str(e->bounce_subtype, "abuse");
            break;
        case 1:
            wht_str(e->key, "sns-1:0");
            wht_str(e->diagnostic, "250 2.6.0 Message received");
            assert_int_equal(e->smtp_code, 250);
            wht_str(e->ip, "192.0.2.10");
            break;
        case 3:
            wht_str(e->bounce_type, "Reject");
            wht_str(e->diagnostic, "Bad content");
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_SOFT);
            break;
        case 4:
            wht_str(e->ip, "192.0.2.1");
            wht_str(e->user_agent, "Mozilla/5.0 (iPhone)");
            break;
        case 5:
            wht_str(e->url, "http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html");
            wht_str(e->user_agent, "Mozilla/5.0 (Windows NT 10.0; Win64; x64)");
            break;
        case 6:
            wht_str(e->bounce_type, "RenderingFailure");
            wht_str(e->bounce_subtype, "MyTemplate");
            wht_str(e->diagnostic, "Attribute 'attributeName' is not present in the rendering data.");
            break;
        case 7:
            wht_str(e->bounce_type, "TransientCommunicationFailure");
            wht_str(e->enhanced_status, "4.4.1");
            assert_int_equal(e->smtp_code, 421);
            assert_int_equal(e->bounce_kind, MTRK_BOUNCE_NONE);
            break;
        case 8:
            assert_int_equal(e->unsub_scope, MTRK_UNSUB_GLOBAL);
            break;
        }
        wh_result_free(&r);
    }
}

static void subscription_topic_opt_out_and_opt_in(void **state)
{
    fx *f = *state;
    wh_result r;
    const char *out = "{\"eventType\":\"Subscription\",\"subscription\":{\"contactList\":\"News\","
                      "\"timestamp\":\"2022-01-12T01:00:17.910Z\",\"newTopicPreferences\":{\"unsubscribeAll\":false,"
                      "\"topicSubscriptionStatus\":[{\"topicName\":\"Weekly\",\"subscriptionStatus\":\"OptOut\"}]}}," MAIL(TAGS) "}";
    assert_int_equal(run_record(&r, f, out, "sub-1"), WH_ACCEPTED);
    wht_event(&r.events[0], MTRK_EV_UNSUBSCRIBE, "Subscription", INT64_C(1641949217910), "sub-1:0");
    assert_int_equal(r.events[0].unsub_scope, MTRK_UNSUB_AUDIENCE);
    wht_str(r.events[0].unsub_list, "News/Weekly");
    wh_result_free(&r);
    const char *in = "{\"eventType\":\"Subscription\",\"subscription\":{\"contactList\":\"News\","
                     "\"timestamp\":\"2022-01-12T01:00:17.910Z\",\"newTopicPreferences\":{\"unsubscribeAll\":false,"
                     "\"topicSubscriptionStatus\":[{\"topicName\":\"Weekly\",\"subscriptionStatus\":\"OptIn\"}]}}," MAIL(TAGS) "}";
    assert_int_equal(run_record(&r, f, in, "sub-2"), WH_ACCEPTED);
    wht_event(&r.events[0], 0, "Subscription", INT64_C(1641949217910), "sub-2:0");
    wh_result_free(&r);
}

/* The older notifications: notificationType, the mid in the original headers. */
static void older_notifications_map_and_find_the_mid_in_headers(void **state)
{
    fx *f = *state;
    wh_result r;
    const char *hdrs = "\"headers\":[{\"name\":\"From\",\"value\":\"sender@example.com\"},"
                       "{\"name\":\"X-Mtrk-Mid\",\"value\":\"" MID2 "\"}]";
    char rec[4096];
    snprintf(rec, sizeof rec,
             "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\",\"bounceSubType\":\"MailboxFull\","
             "\"bouncedRecipients\":[{\"emailAddress\":\"jane@example.com\",\"status\":\"4.2.2\",\"action\":\"failed\","
             "\"diagnosticCode\":\"smtp; 452 4.2.2 Mailbox full\"}],\"timestamp\":\"2016-01-27T14:59:38.237Z\","
             "\"feedbackId\":\"00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000\"},"
             "\"mail\":{\"timestamp\":\"2016-01-27T14:59:38.237Z\",\"messageId\":\"00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa0680-000000\","
             "\"source\":\"john@example.com\",\"destination\":[\"jane@example.com\"],%s}}", hdrs);
    assert_int_equal(run_record(&r, f, rec, "old-1"), WH_ACCEPTED);
    wht_event(&r.events[0], MTRK_EV_BOUNCE, "Bounce", INT64_C(1453906778237),
              "00000138111222aa-33322211-cccc-cccc-cccc-ddddaaaa068a-000000:0");
    assert_int_equal(r.events[0].bounce_kind, MTRK_BOUNCE_SOFT);
    wht_str(r.events[0].bounce_subtype, "MailboxFull");
    assert_true(r.events[0].has_mid);
    mtrk_id mid2 = wht_id(MID2);
    assert_memory_equal(&r.events[0].mid, &mid2, sizeof mid2);
    wh_result_free(&r);
    snprintf(rec, sizeof rec,
             "{\"notificationType\":\"Delivery\",\"delivery\":{\"timestamp\":\"2016-01-27T14:59:38.237Z\","
             "\"recipients\":[\"jane@example.com\"],\"processingTimeMillis\":546,\"reportingMTA\":\"a8-70.smtp-out.amazonses.com\","
             "\"smtpResponse\":\"250 ok:  Message 64111812 accepted\",\"remoteMtaIp\":\"127.0.2.0\"},"
             "\"mail\":{\"timestamp\":\"2016-01-27T14:59:38.237Z\",\"messageId\":\"0000014644fe5ef6-9a483358\","
             "\"source\":\"john@example.com\",\"destination\":[\"jane@example.com\"],%s}}", hdrs);
    assert_int_equal(run_record(&r, f, rec, "old-2"), WH_ACCEPTED);
    wht_event(&r.events[0], MTRK_EV_DELIVERED, "Delivery", INT64_C(1453906778237), "old-2:0");
    wh_result_free(&r);
    snprintf(rec, sizeof rec,
             "{\"notificationType\":\"Complaint\",\"complaint\":{\"userAgent\":\"AnyCompany Feedback Loop (V0.01)\","
             "\"complainedRecipients\":[{\"emailAddress\":\"richard@example.com\"}],\"complaintFeedbackType\":\"abuse\","
             "\"arrivalDate\":\"2016-01-27T14:59:38.237Z\",\"timestamp\":\"2016-01-27T14:59:38.237Z\","
             "\"feedbackId\":\"000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000\"},"
             "\"mail\":{\"timestamp\":\"2016-01-27T14:59:38.237Z\",\"messageId\":\"000001378603177f-7a5433e7\","
             "\"source\":\"john@example.com\",\"destination\":[\"richard@example.com\"],%s}}", hdrs);
    assert_int_equal(run_record(&r, f, rec, "old-3"), WH_ACCEPTED);
    wht_event(&r.events[0], MTRK_EV_COMPLAINT, "Complaint", INT64_C(1453906778237),
              "000001378603177f-18c07c78-fa81-4a58-9dd1-fedc3cb8f49a-000000:0");
    wht_str(r.events[0].recipient, "richard@example.com");
    wh_result_free(&r);
    /* Sent once when the identity's topic is set: kept, unmapped. */
    const char *ok = "{\"notificationType\":\"AmazonSnsSubscriptionSucceeded\",\"message\":\"You have successfully subscribed\","
                     "\"mail\":{\"timestamp\":\"2016-01-27T14:59:38.237Z\",\"messageId\":\"x\"}}";
    assert_int_equal(run_record(&r, f, ok, "old-4"), WH_ACCEPTED);
    wht_event(&r.events[0], 0, "AmazonSnsSubscriptionSucceeded", INT64_C(1453906778237), "old-4:0");
    wh_result_free(&r);
}

static void duplicate_notification_repeats_its_keys(void **state)
{
    fx *f = *state;
    wh_result a, b;
    const char *rec = "{\"eventType\":\"Send\",\"send\":{}," MAIL(TAGS) "}";
    assert_int_equal(run_record(&a, f, rec, "same-id"), WH_ACCEPTED);
    assert_int_equal(run_record(&b, f, rec, "same-id"), WH_ACCEPTED);
    wht_str(a.events[0].key, b.events[0].key);
    wh_result_free(&a);
    wh_result_free(&b);
}

static void signature_versions_1_and_2_verify(void **state)
{
    fx *f = *state;
    wh_result r;
    const char *rec = "{\"eventType\":\"Send\",\"send\":{}," MAIL(TAGS) "}";
    for (int v = 1; v <= 2; v++) {
        char *body = envelope(f->key, v == 1 ? "1" : "2", "Notification", rec, "sig", CERT_URL);
        assert_int_equal(run(&r, f, body), WH_ACCEPTED);
        wh_result_free(&r);
        /* A version 1 signature presented as version 2 (and back) fails. */
        char *p = strstr(body, v == 1 ? "\"SignatureVersion\":\"1\"" : "\"SignatureVersion\":\"2\"");
        assert_non_null(p);
        p[strlen("\"SignatureVersion\":\"")] = v == 1 ? '2' : '1';
        assert_int_equal(run(&r, f, body), WH_SIGNATURE_REFUSED);
        wh_result_free(&r);
        free(body);
    }
    char *body = envelope(f->key, "3", "Notification", rec, "sig", CERT_URL);
    wht_refused(&r, run(&r, f, body), WH_SIGNATURE_REFUSED, "SignatureVersion '3' is not 1 or 2");
    free(body);
}

static void tampered_message_and_foreign_certificate_are_refused(void **state)
{
    fx *f = *state;
    wh_result r;
    const char *rec = "{\"eventType\":\"Send\",\"send\":{}," MAIL(TAGS) "}";
    char *body = envelope(f->key, "2", "Notification", rec, "sig", CERT_URL);
    char *p = strstr(body, "Send");
    memcpy(p, "Sent", 4);
    assert_int_equal(run(&r, f, body), WH_SIGNATURE_REFUSED);
    assert_non_null(strstr(r.message, "does not verify"));
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
    free(body);
    body = envelope(f->key, "2", "Notification", rec, "sig", CERT_URL);
    f->serve = f->other_cert;
    assert_int_equal(run(&r, f, body), WH_SIGNATURE_REFUSED);
    f->serve = NULL;
    wht_refused(&r, run(&r, f, body), WH_SIGNATURE_REFUSED, "the host gave no certificate");
    f->serve = f->cert;
    free(body);
}

static void signing_cert_url_must_be_an_sns_host(void **state)
{
    fx *f = *state;
    const char *bad[] = {
        "http://sns.us-east-1.amazonaws.com/cert.pem",
        "https://sns.us-east-1.amazonaws.com.evil.example/cert.pem",
        "https://evil.example/sns.us-east-1.amazonaws.com/cert.pem",
        "https://sns.us-east-1.amazonaws.com@evil.example/cert.pem",
        "https://sns.us-east-1.amazonaws.com/cert.txt",
        "https://s3.us-east-1.amazonaws.com/cert.pem",
        "https://sns.x.amazonaws.com/cert.pem",
        "https://sns.us-east-1.amazonaws.com:8443/cert.pem",
        "https://sns.us-east-1.amazonaws.com/cert.pem?x=.pem",
    };
    const char *rec = "{\"eventType\":\"Send\",\"send\":{}," MAIL(TAGS) "}";
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *body = envelope(f->key, "2", "Notification", rec, "u", bad[i]);
        wh_result r;
        f->calls = 0;
        if (run(&r, f, body) != WH_SIGNATURE_REFUSED || strstr(r.message, "SigningCertURL") == NULL)
            fail_msg("accepted %s (%s)", bad[i], r.message);
        assert_int_equal(f->calls, 0); /* the host is never asked for such a URL */
        wh_result_free(&r);
        free(body);
    }
    char *body = envelope(f->key, "2", "Notification", rec, "u", "https://sns.cn-north-1.amazonaws.com.cn/c.pem");
    wh_result r;
    assert_int_equal(run(&r, f, body), WH_ACCEPTED);
    wh_result_free(&r);
    free(body);
}

static void subscription_confirmation_hands_back_the_url(void **state)
{
    fx *f = *state;
    wh_result r;
    char *body = envelope(f->key, "1", "SubscriptionConfirmation",
                          "You have chosen to subscribe to the topic " TOPIC ".\nTo confirm the subscription, visit the SubscribeURL included in this message.",
                          "165545c9-2a5c-472c-8df2-7ff2be2b3b1b", CERT_URL);
    wh_secrets s = { { "arn:aws:sns:us-east-1:123456789012:other", TOPIC }, 0, 0, get_cert, f };
    assert_int_equal(wht_run(&r, "ses", body, &s, 0, NULL, "x-amz-sns-message-type", "SubscriptionConfirmation", NULL),
                     WH_CONFIRM);
    wht_str(r.confirm_url,
            "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" TOPIC "&Token=2336412f37");
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
    /* Forged confirmation: refused, no URL handed back. */
    char *p = strstr(body, "2336412f37");
    p[0] = '9';
    assert_int_equal(wht_run(&r, "ses", body, &s, 0, NULL, NULL), WH_SIGNATURE_REFUSED);
    assert_null(r.confirm_url);
    wh_result_free(&r);
    free(body);
    /* Even unsigned (allowed), a SubscribeURL off the SNS hosts is never handed back. */
    const char *evil = "{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"m\",\"Token\":\"t\",\"TopicArn\":\"a\","
                       "\"Message\":\"m\",\"SubscribeURL\":\"https://169.254.169.254/latest/meta-data/\","
                       "\"Timestamp\":\"2017-08-05T00:41:03.000Z\",\"SignatureVersion\":\"1\",\"Signature\":\"AAAA\","
                       "\"SigningCertURL\":\"https://sns.us-east-1.amazonaws.com/c.pem\"}";
    assert_int_equal(wht_run(&r, "ses", evil, NULL, 0, NULL, NULL), WH_MALFORMED);
    assert_non_null(strstr(r.message, "SubscribeURL"));
    assert_null(r.confirm_url);
    wh_result_free(&r);
}

/* A valid SNS signature from someone else's topic. */
static void foreign_topic_is_refused(void **state)
{
    fx *f = *state;
    wh_result r;
    const char *rec = "{\"eventType\":\"Send\",\"send\":{}," MAIL(TAGS) "}";
    char *body = envelope(f->key, "2", "Notification", rec, "t", CERT_URL);
    wh_secrets s = { { "arn:aws:sns:us-east-1:999999999999:attacker", NULL }, 0, 0, get_cert, f };
    assert_int_equal(wht_run(&r, "ses", body, &s, 0, NULL, NULL), WH_SIGNATURE_REFUSED);
    assert_non_null(strstr(r.message, "is not one of the tenant's topics"));
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
    wh_secrets none = { { NULL, NULL }, 0, 0, get_cert, f };
    assert_int_equal(wht_run(&r, "ses", body, &none, 0, NULL, NULL), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    free(body);
}

static void unsigned_and_malformed_envelopes(void **state)
{
    fx *f = *state;
    wh_result r;
    wh_secrets none = { { NULL, NULL }, 0, 0, NULL, NULL };
    const char *rec = "{\"eventType\":\"Send\",\"send\":{}," MAIL(TAGS) "}";
    char *body = envelope(f->key, "2", "Notification", rec, "x", CERT_URL);
    wht_refused(&r, wht_run(&r, "ses", body, &none, 0, NULL, NULL), WH_SIGNATURE_REFUSED, "no certificate source");
    free(body);
    /* Raw message delivery: no signature to check. */
    assert_int_equal(wht_run(&r, "ses", rec, &none, 0, NULL, NULL), WH_SIGNATURE_REFUSED);
    wh_result_free(&r);
    assert_int_equal(wht_run(&r, "ses", rec, NULL, 0, NULL, NULL), WH_ACCEPTED); /* allowed unsigned */
    wht_event(&r.events[0], MTRK_EV_SENT, "Send", T_MAIL, NULL);
    wht_derived_key(&r.events[0]);
    wht_str(r.events[0].raw, rec); /* the record as received */
    /* The same record spaced otherwise: kept as received, the same derived
     * key (it is taken over the record's compact JSON). */
    const char *spaced = "{ \"eventType\" : \"Send\", \"send\" : {}, " MAIL(TAGS) " }\n";
    wh_result r2;
    assert_int_equal(wht_run(&r2, "ses", spaced, NULL, 0, NULL, NULL), WH_ACCEPTED);
    wht_str(r2.events[0].raw, spaced);
    wht_str(r2.events[0].key, r.events[0].key);
    wh_result_free(&r2);
    wh_result_free(&r);
    /* The Message is not JSON. */
    body = envelope(f->key, "2", "Notification", "{\"eventType\":", "x", CERT_URL);
    wht_refused(&r, run(&r, f, body), WH_MALFORMED, "SNS Message: malformed JSON");
    free(body);
    /* Header and body disagree. */
    body = envelope(f->key, "2", "Notification", rec, "x", CERT_URL);
    wh_secrets s = { { "arn:aws:sns:us-east-1:123456789012:other", TOPIC }, 0, 0, get_cert, f };
    assert_int_equal(wht_run(&r, "ses", body, &s, 0, NULL, "x-amz-sns-message-type", "SubscriptionConfirmation", NULL),
                     WH_MALFORMED);
    wh_result_free(&r);
    free(body);
    /* A bounce with a wrong type is refused alone. */
    const char *badrec = "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":[\"Permanent\"],\"bouncedRecipients\":[{\"emailAddress\":\"a@b.c\"}],"
                         "\"timestamp\":\"2017-08-05T00:41:02.669Z\",\"feedbackId\":\"f\"}," MAIL(TAGS) "}";
    assert_int_equal(run_record(&r, f, badrec, "bad"), WH_ACCEPTED);
    assert_non_null(strstr(r.events[0].error, "field 'bounceType' is an array, expected a string"));
    wh_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(multi_recipient_bounce_gives_one_event_per_recipient),
        cmocka_unit_test(every_event_publishing_type_maps),
        cmocka_unit_test(subscription_topic_opt_out_and_opt_in),
        cmocka_unit_test(older_notifications_map_and_find_the_mid_in_headers),
        cmocka_unit_test(duplicate_notification_repeats_its_keys),
        cmocka_unit_test(signature_versions_1_and_2_verify),
        cmocka_unit_test(tampered_message_and_foreign_certificate_are_refused),
        cmocka_unit_test(signing_cert_url_must_be_an_sns_host),
        cmocka_unit_test(subscription_confirmation_hands_back_the_url),
        cmocka_unit_test(foreign_topic_is_refused),
        cmocka_unit_test(unsigned_and_malformed_envelopes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
