/*
 * Provider webhooks through the public call (mtrk_webhook_ingest), on every
 * backend. The contract:
 *
 *  1. A request is verified with the tenant's keys for the provider, parsed,
 *     and every event of it is recorded, a duplicate, a conflict,
 *     dead-lettered or refused, in one transaction; one bad event does not
 *     reject the others.
 *  2. A request refused as a whole (unknown provider, empty or oversized
 *     body, malformed, signature refused) writes nothing and says why.
 *  3. An event type mtrk does not model, and an event whose message is not
 *     found (no mid echoed, or an unknown mid), goes to the dead-letter store
 *     with its reason, provider and original payload; a provider's retry of
 *     it adds no second dead letter.
 *  4. A provider's retry of a recorded event records nothing twice.
 *  5. A click's URL is matched to the message's campaign link catalogue
 *     (by position when the URL is there twice).
 *  6. Keys: two per provider at once (rotation); a third is refused; removed
 *     by key or fingerprint; a request verifies with either key. The
 *     timestamp tolerance is a setting.
 *  7. Dead letters are listed, counted and replayed; a replay keeps those
 *     whose message is still not found.
 *  8. Erasing a contact deletes the dead letters of its messages and those
 *     addressed to it (they hold its address), its messages' provider ids
 *     and their kept payloads.
 *  9. An event that echoes no mid is matched by the provider's message id
 *     recorded at send time (mtrk_message_provider_id_set, or
 *     mtrk_queue_mark_sent with a webhook provider's name); one whose id is
 *     not recorded is dead-lettered and recorded by a replay once it is. One
 *     id names one message.
 * 10. With the tenant's keep_webhook_payloads on, each recorded event's
 *     original object is kept, readable by event id, until its retention
 *     period has passed (mtrk_retention_apply purges it); off, none is kept.
 * 11. A signed request's unique token accepted within the timestamp
 *     tolerance refuses the same token again (verdict replayed, nothing
 *     written); expired tokens are pruned.
 */
#include "conf_util.h"

#include <sodium.h>
#include <stdlib.h>

#define SG_TS "1767225600" /* CONF_T0 in seconds */

static mtrk_webhook_result *ingest(mtrk_tenant *t, const char *provider, const char *body, const mtrk_header *h,
                                   size_t nh, size_t limit)
{
    mtrk_webhook_request rq;
    CONF_OK(mtrk_webhook_request_init(&rq, MTRK_WEBHOOK_REQUEST_VERSION));
    rq.provider = provider;
    rq.body = body;
    rq.len = strlen(body);
    rq.headers = h;
    rq.nheaders = nh;
    rq.body_limit = limit;
    mtrk_webhook_result *r = NULL;
    CONF_OK(mtrk_webhook_ingest(&r, t, &rq));
    assert_non_null(r);
    return r;
}

static void allow_unsigned(mtrk_tenant *t, const char *provider)
{
    mtrk_webhook_settings s;
    CONF_OK(mtrk_webhook_settings_init(&s, MTRK_WEBHOOK_SETTINGS_VERSION));
    s.allow_unsigned = 1;
    CONF_OK(mtrk_webhook_settings_set(t, provider, &s));
}

/* One SendGrid event object (no brackets) into buf. */
static char *sg(char *buf, size_t n, const char *type, const char *id, mtrk_id mid, const char *extra)
{
    char ms[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(ms, mid);
    snprintf(buf, n,
             "{\"email\":\"a@example.com\",\"timestamp\":" SG_TS ",\"event\":\"%s\",\"sg_event_id\":\"%s\","
             "\"sg_message_id\":\"sgm-%s\",\"mtrk_mid\":\"%s\"%s}",
             type, id, id, ms, extra ? extra : "");
    return buf;
}

static uint64_t dl_count(mtrk_tenant *t, const char *provider)
{
    uint64_t n = 0;
    CONF_OK(mtrk_deadletter_count(&n, t, provider));
    return n;
}

static void sendgrid_events_are_recorded_and_retries_are_duplicates(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "wh", 1, 0, 1);
    allow_unsigned(fx->t, "sendgrid");
    char a[512], b[512], body[1200];
    snprintf(body, sizeof body, "[%s,%s]", sg(a, sizeof a, "delivered", "e1", s.mids[0], NULL),
             sg(b, sizeof b, "open", "e2", s.mids[0], ",\"useragent\":\"Mozilla/5.0\",\"ip\":\"192.0.2.1\""));
    size_t before = conf_count_message_events(fx->t, s.mids[0]);
    mtrk_webhook_result *r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_ACCEPTED);
    assert_int_equal(r->n, 2);
    assert_int_equal(r->recorded, 2);
    assert_int_equal(r->outcomes[0]->status, 0);
    assert_int_equal(r->outcomes[0]->dead_lettered, 0);
    assert_int_equal(r->events[1]->type, MTRK_EV_OPEN);
    CONF_ID_EQ(r->events[1]->mid, s.mids[0]);
    assert_string_equal(r->events[0]->key, "e1");
    mtrk_webhook_result_free(r);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), before + 2);
    mtrk_metrics m = conf_metrics(fx->t, s.campaign);
    assert_int_equal(m.delivered_explicit, 1);
    assert_int_equal(m.opens_total, 1);

    /* The provider's retry: nothing twice. */
    r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->recorded, 0);
    assert_int_equal(r->duplicates, 2);
    assert_int_equal(r->outcomes[1]->duplicate, 1);
    mtrk_webhook_result_free(r);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), before + 2);
    conf_scn_free(&s);
}

static void one_bad_event_does_not_reject_the_others(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "wb", 1, 0, 1);
    allow_unsigned(fx->t, "sendgrid");
    char a[512], body[1200];
    char ms[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(ms, s.mids[0]);
    snprintf(body, sizeof body,
             "[{\"email\":\"a@example.com\",\"timestamp\":\"yesterday\",\"event\":\"delivered\",\"sg_event_id\":\"bad\","
             "\"mtrk_mid\":\"%s\"},%s]",
             ms, sg(a, sizeof a, "delivered", "good", s.mids[0], NULL));
    mtrk_webhook_result *r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_ACCEPTED);
    assert_int_equal(r->refused, 1);
    assert_int_equal(r->recorded, 1);
    assert_int_equal(r->outcomes[0]->status, MTRK_EINVAL);
    assert_non_null(r->outcomes[0]->message);
    assert_non_null(strstr(r->outcomes[0]->message, "timestamp"));
    mtrk_webhook_result_free(r);
    conf_scn_free(&s);
}

static void refused_requests_write_nothing_and_say_why(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "wr", 1, 0, 1);
    char a[512], body[800];
    snprintf(body, sizeof body, "[%s]", sg(a, sizeof a, "delivered", "r1", s.mids[0], NULL));
    size_t before = conf_count_message_events(fx->t, s.mids[0]);

    /* SendGrid signs: without a key (and not allowed unsigned) it is refused. */
    mtrk_webhook_result *r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_SIGNATURE_REFUSED);
    assert_int_equal(r->n, 0);
    assert_true(strlen(r->message) > 0);
    mtrk_webhook_result_free(r);

    allow_unsigned(fx->t, "sendgrid");
    r = ingest(fx->t, "sendgrid", "[{\"event\":\"delivered\"", NULL, 0, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_MALFORMED);
    assert_true(strlen(r->message) > 0);
    mtrk_webhook_result_free(r);

    r = ingest(fx->t, "sendgrid", body, NULL, 0, 16);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_MALFORMED);
    assert_non_null(strstr(r->message, "limit"));
    mtrk_webhook_result_free(r);

    r = ingest(fx->t, "nosuchprovider", body, NULL, 0, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_MALFORMED);
    assert_non_null(strstr(r->message, "nosuchprovider"));
    mtrk_webhook_result_free(r);

    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), before);
    assert_int_equal(dl_count(fx->t, NULL), 0);

    /* Arguments. */
    mtrk_webhook_result *none = NULL;
    CONF_EXPECT(MTRK_EINVAL, mtrk_webhook_ingest(&none, fx->t, NULL));
    assert_null(none);
    mtrk_webhook_request rq;
    CONF_OK(mtrk_webhook_request_init(&rq, MTRK_WEBHOOK_REQUEST_VERSION));
    rq.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_webhook_ingest(&none, fx->t, &rq));
    conf_scn_free(&s);
}

static void unmapped_and_unknown_messages_are_dead_lettered_once(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "wd", 1, 0, 1);
    allow_unsigned(fx->t, "sendgrid");
    mtrk_id ghost = conf_unknown_id();
    char a[512], b[512], c[512], body[2000];
    snprintf(body, sizeof body,
             "[%s,%s,{\"email\":\"a@example.com\",\"timestamp\":" SG_TS ",\"event\":\"delivered\","
             "\"sg_event_id\":\"nomid\",\"sg_message_id\":\"sgm-x\"},%s]",
             sg(a, sizeof a, "delivered", "ghost1", ghost, NULL), sg(b, sizeof b, "group_resubscribe", "u1", s.mids[0],
                                                                     ",\"asm_group_id\":10"),
             sg(c, sizeof c, "processed", "ok1", s.mids[0], NULL));
    mtrk_webhook_result *r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_ACCEPTED);
    assert_int_equal(r->n, 4);
    assert_int_equal(r->dead_lettered, 3);
    assert_int_equal(r->unmapped, 1);
    assert_int_equal(r->recorded, 1);
    assert_int_equal(r->outcomes[0]->dead_lettered, 1);
    assert_int_equal(r->outcomes[0]->status, 0);
    assert_non_null(strstr(r->outcomes[0]->message, "not found"));
    assert_non_null(strstr(r->outcomes[1]->message, "unmapped"));
    assert_non_null(strstr(r->outcomes[2]->message, "no mid"));
    mtrk_webhook_result_free(r);
    assert_int_equal(dl_count(fx->t, "sendgrid"), 3);
    assert_int_equal(dl_count(fx->t, "mailgun"), 0);
    assert_int_equal(dl_count(fx->t, NULL), 3);
    assert_int_equal(dl_count(fx->t2, NULL), 0);

    /* The retry adds no second dead letter. */
    r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->dead_lettered, 3);
    assert_int_equal(r->outcomes[0]->duplicate, 1);
    mtrk_webhook_result_free(r);
    assert_int_equal(dl_count(fx->t, NULL), 3);

    /* Listed with reason, provider and the original payload. */
    mtrk_deadletter_iter *it;
    CONF_OK(mtrk_deadletter_iter_new(&it, fx->t, "sendgrid"));
    mtrk_deadletter_info info;
    CONF_OK(mtrk_deadletter_info_init(&info, MTRK_DEADLETTER_INFO_VERSION));
    size_t n = 0, ghosts = 0;
    int rc;
    while ((rc = mtrk_deadletter_iter_next(&info, it)) == MTRK_OK) {
        n++;
        assert_string_equal(info.provider, "sendgrid");
        assert_non_null(info.payload);
        assert_non_null(strstr(info.payload, info.key));
        if (strcmp(info.key, "ghost1") == 0) {
            ghosts++;
            CONF_ID_EQ(info.mid, ghost);
            assert_int_equal(info.type, MTRK_EV_DELIVERED);
            assert_non_null(strstr(info.reason, "not found"));
            assert_int_equal(info.occurred_at, CONF_T0);
        }
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    mtrk_deadletter_iter_free(it);
    assert_int_equal(n, 3);
    assert_int_equal(ghosts, 1);

    /* A replay records nothing whose message is still unknown, and keeps it. */
    size_t rec = 9, left = 0;
    CONF_OK(mtrk_deadletter_replay(&rec, &left, fx->t, NULL));
    assert_int_equal(rec, 0);
    assert_int_equal(left, 3);
    uint64_t cnt = 0;
    CONF_EXPECT(MTRK_EINVAL, mtrk_deadletter_count(&cnt, fx->t, "nope"));
    conf_scn_free(&s);
}

static void clicks_are_matched_to_the_link_catalogue(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id campaign = conf_campaign_new(fx->t, "clicks");
    mtrk_id l0 = conf_link_new(fx->t, campaign, "https://shop.example.com/a", 0);
    mtrk_id l1 = conf_link_new(fx->t, campaign, "https://shop.example.com/b", 1);
    mtrk_id l2 = conf_link_new(fx->t, campaign, "https://shop.example.com/b", 2);
    mtrk_id aud = conf_audience_new(fx->t, "clickers");
    mtrk_id c = conf_contact_new(fx->t, "clicker@example.com");
    conf_member(fx->t, aud, c);
    conf_attach(fx->t, campaign, aud);
    conf_campaign_to(fx->t, campaign, MTRK_CAMPAIGN_SENDING);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    CONF_OK(mtrk_campaign_generate(&rep, fx->t, campaign));
    mtrk_id mid = conf_msg_of(fx->t, campaign, c).mid;
    (void)l1;
    allow_unsigned(fx->t, "sendgrid");
    char a[600], b[600], d[600], body[2000];
    snprintf(body, sizeof body, "[%s,%s,%s]",
             sg(a, sizeof a, "click", "c1", mid, ",\"url\":\"https://shop.example.com/a\""),
             sg(b, sizeof b, "click", "c2", mid,
                ",\"url\":\"https://shop.example.com/b\",\"url_offset\":{\"index\":2,\"type\":\"html\"}"),
             sg(d, sizeof d, "click", "c3", mid, ",\"url\":\"https://elsewhere.example.com/\""));
    mtrk_webhook_result *r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_ACCEPTED);
    assert_int_equal(r->recorded, 2);
    CONF_ID_EQ(r->events[0]->lid, l0);
    CONF_ID_EQ(r->events[1]->lid, l2);
    assert_int_equal(r->outcomes[2]->dead_lettered, 1);
    assert_non_null(strstr(r->outcomes[2]->message, "catalogue"));
    mtrk_webhook_result_free(r);
    mtrk_metrics m = conf_metrics(fx->t, campaign);
    assert_int_equal(m.clicks_total, 2);
}

/* Mailgun's signature: hex HMAC-SHA256 of timestamp + token; the token is
 * unique per request ("tok-" and the event id here). */
static char *mailgun_body(const char *key, const char *ts, mtrk_id mid, const char *id)
{
    char mac_hex[65], msg[128], ms[MTRK_ID_STRLEN + 1], token[64];
    unsigned char mac[32];
    snprintf(token, sizeof token, "tok-%s", id);
    snprintf(msg, sizeof msg, "%s%s", ts, token);
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, (const unsigned char *)key, strlen(key));
    crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, strlen(msg));
    crypto_auth_hmacsha256_final(&st, mac);
    sodium_bin2hex(mac_hex, sizeof mac_hex, mac, sizeof mac);
    mtrk_id_to_string(ms, mid);
    char *b = malloc(1024);
    assert_non_null(b);
    snprintf(b, 1024,
             "{\"signature\":{\"timestamp\":\"%s\",\"token\":\"%s\",\"signature\":\"%s\"},"
             "\"event-data\":{\"event\":\"delivered\",\"id\":\"%s\",\"timestamp\":%s.25,"
             "\"recipient\":\"a@example.com\",\"user-variables\":{\"mtrk_mid\":\"%s\"}}}",
             ts, token, mac_hex, id, ts, ms);
    return b;
}

static mtrk_webhook_verdict mailgun_verdict(mtrk_tenant *t, const char *key, const char *ts, mtrk_id mid,
                                            const char *id)
{
    char *b = mailgun_body(key, ts, mid, id);
    mtrk_header h = { "Content-Type", "application/json" };
    mtrk_webhook_result *r = ingest(t, "mailgun", b, &h, 1, 0);
    mtrk_webhook_verdict v = r->verdict;
    if (v == MTRK_WEBHOOK_ACCEPTED)
        assert_int_equal(r->recorded + r->duplicates, 1);
    mtrk_webhook_result_free(r);
    free(b);
    return v;
}

static void keys_rotate_and_the_tolerance_is_a_setting(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "wk", 1, 0, 1);
    CONF_OK(mtrk_webhook_key_add(fx->t, "mailgun", "old-key"));
    CONF_EXPECT(MTRK_EEXISTS, mtrk_webhook_key_add(fx->t, "mailgun", "old-key"));
    CONF_OK(mtrk_webhook_key_add(fx->t, "mailgun", "new-key"));
    CONF_EXPECT(MTRK_ESTATE, mtrk_webhook_key_add(fx->t, "mailgun", "third-key"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_webhook_key_add(fx->t, "nosuch", "k"));
    CONF_ERRMSG_HAS("nosuch");
    CONF_EXPECT(MTRK_EINVAL, mtrk_webhook_key_add(fx->t, "mailgun", ""));

    /* Either key verifies; another does not; another tenant's keys are its own. */
    assert_int_equal(mailgun_verdict(fx->t, "old-key", SG_TS, s.mids[0], "m1"), MTRK_WEBHOOK_ACCEPTED);
    assert_int_equal(mailgun_verdict(fx->t, "new-key", SG_TS, s.mids[0], "m2"), MTRK_WEBHOOK_ACCEPTED);
    assert_int_equal(mailgun_verdict(fx->t, "forged", SG_TS, s.mids[0], "m3"), MTRK_WEBHOOK_SIGNATURE_REFUSED);
    assert_int_equal(mailgun_verdict(fx->t2, "old-key", SG_TS, s.mids[0], "m4"), MTRK_WEBHOOK_SIGNATURE_REFUSED);

    /* Listed by fingerprint, never the key; removed by fingerprint. */
    mtrk_webhook_key_info k0, k1;
    CONF_OK(mtrk_webhook_key_info_init(&k0, MTRK_WEBHOOK_KEY_INFO_VERSION));
    CONF_OK(mtrk_webhook_key_info_init(&k1, MTRK_WEBHOOK_KEY_INFO_VERSION));
    mtrk_webhook_key_info *outs[2] = { &k0, &k1 };
    size_t n = 0;
    CONF_OK(mtrk_webhook_keys(outs, 2, &n, fx->t, "mailgun"));
    assert_int_equal(n, 2);
    assert_string_equal(k0.provider, "mailgun");
    assert_int_equal(strlen(k0.fingerprint), 16);
    char fp[17];
    snprintf(fp, sizeof fp, "%s", k0.fingerprint);
    CONF_OK(mtrk_webhook_keys(NULL, 0, &n, fx->t2, NULL));
    assert_int_equal(n, 0);
    CONF_OK(mtrk_webhook_key_remove(fx->t, "mailgun", fp));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_webhook_key_remove(fx->t, "mailgun", fp));
    assert_int_equal(mailgun_verdict(fx->t, "old-key", SG_TS, s.mids[0], "m5"), MTRK_WEBHOOK_SIGNATURE_REFUSED);
    CONF_OK(mtrk_webhook_key_remove(fx->t, "mailgun", "new-key"));
    CONF_OK(mtrk_webhook_keys(NULL, 0, &n, fx->t, "mailgun"));
    assert_int_equal(n, 0);

    /* An old timestamp is a replay; the tolerance is the tenant's. */
    CONF_OK(mtrk_webhook_key_add(fx->t, "mailgun", "k"));
    assert_int_equal(mailgun_verdict(fx->t, "k", "1767222000", s.mids[0], "m6"), MTRK_WEBHOOK_SIGNATURE_REFUSED);
    mtrk_webhook_settings set;
    CONF_OK(mtrk_webhook_settings_init(&set, MTRK_WEBHOOK_SETTINGS_VERSION));
    set.tolerance_ms = 2 * CONF_HOUR;
    CONF_OK(mtrk_webhook_settings_set(fx->t, "mailgun", &set));
    mtrk_webhook_settings got;
    CONF_OK(mtrk_webhook_settings_init(&got, MTRK_WEBHOOK_SETTINGS_VERSION));
    CONF_OK(mtrk_webhook_settings_get(&got, fx->t, "mailgun"));
    assert_int_equal(got.tolerance_ms, 2 * CONF_HOUR);
    assert_int_equal(got.allow_unsigned, 0);
    assert_int_equal(mailgun_verdict(fx->t, "k", "1767222000", s.mids[0], "m6"), MTRK_WEBHOOK_ACCEPTED);
    set.allow_unsigned = 2;
    CONF_EXPECT(MTRK_EINVAL, mtrk_webhook_settings_set(fx->t, "mailgun", &set));
    CONF_ERRMSG_HAS("allow_unsigned");
    conf_scn_free(&s);
}

static void ses_subscription_confirmation_is_handed_back(void **state)
{
    conf_fixture *fx = *state;
    allow_unsigned(fx->t, "ses");
    const char *body =
        "{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"165545c9-2a5c-472c-8df2-7ff2be2b3b1b\","
        "\"Token\":\"2336412f37\",\"TopicArn\":\"arn:aws:sns:us-west-2:123456789012:MyTopic\","
        "\"Message\":\"You have chosen to subscribe to the topic.\","
        "\"SubscribeURL\":\"https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37\","
        "\"Timestamp\":\"2026-01-01T00:00:00.000Z\",\"SignatureVersion\":\"1\",\"Signature\":\"x\","
        "\"SigningCertURL\":\"https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem\"}";
    mtrk_header h = { "x-amz-sns-message-type", "SubscriptionConfirmation" };
    mtrk_webhook_result *r = ingest(fx->t, "ses", body, &h, 1, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_CONFIRM);
    assert_non_null(r->confirm_url);
    assert_non_null(strstr(r->confirm_url, "https://sns.us-west-2.amazonaws.com/"));
    mtrk_webhook_result_free(r);
}

static void erasing_a_contact_erases_its_dead_letters(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "we", 2, 0, 1);
    allow_unsigned(fx->t, "sendgrid");
    char a[512], b[512], body[2000];
    /* Of contact 0: an unmapped type on its message, and an event without a
     * mid addressed to it; of contact 1: an unmapped type on its message. */
    snprintf(body, sizeof body,
             "[%s,{\"email\":\"WE0@example.com\",\"timestamp\":" SG_TS ",\"event\":\"delivered\","
             "\"sg_event_id\":\"nomid\"},%s]",
             sg(a, sizeof a, "group_resubscribe", "x0", s.mids[0], NULL),
             sg(b, sizeof b, "group_resubscribe", "x1", s.mids[1], NULL));
    mtrk_webhook_result *r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->dead_lettered, 3);
    mtrk_webhook_result_free(r);
    assert_int_equal(dl_count(fx->t, NULL), 3);
    CONF_OK(mtrk_contact_erase(fx->t, s.contacts[0]));
    assert_int_equal(dl_count(fx->t, NULL), 1);
    mtrk_deadletter_iter *it;
    mtrk_deadletter_info info;
    CONF_OK(mtrk_deadletter_info_init(&info, MTRK_DEADLETTER_INFO_VERSION));
    CONF_OK(mtrk_deadletter_iter_new(&it, fx->t, NULL));
    CONF_OK(mtrk_deadletter_iter_next(&info, it));
    assert_string_equal(info.key, "x1");
    mtrk_deadletter_iter_free(it);
    conf_scn_free(&s);
}

/* A SendGrid event that echoes no mid: found by its sg_message_id's prefix. */
static char *sg_nomid(char *buf, size_t n, const char *type, const char *id, const char *sgmid)
{
    snprintf(buf, n,
             "{\"email\":\"pm0@example.com\",\"timestamp\":" SG_TS ",\"event\":\"%s\",\"sg_event_id\":\"%s\","
             "\"sg_message_id\":\"%s.filterdrecv-5645d9c87f-6r8wq-1-5F1F1B1C-2.0\"}",
             type, id, sgmid);
    return buf;
}

static void events_without_a_mid_are_matched_by_the_provider_message_id(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "pm", 3, 0, 1);
    allow_unsigned(fx->t, "sendgrid");
    char a[512], b[512], body[1200];
    snprintf(body, sizeof body, "[%s]", sg_nomid(a, sizeof a, "delivered", "pm-e1", "XMSGID0"));
    mtrk_webhook_result *r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->dead_lettered, 1);
    assert_non_null(strstr(r->outcomes[0]->message, "XMSGID0"));
    assert_non_null(strstr(r->outcomes[0]->message, "not recorded"));
    mtrk_webhook_result_free(r);
    size_t rec = 0, left = 0;
    CONF_OK(mtrk_deadletter_replay(&rec, &left, fx->t, "sendgrid"));
    assert_int_equal(rec, 0);
    assert_int_equal(left, 1);

    /* Recorded at send time (the id the send call returned), the dead letter replays. */
    CONF_OK(mtrk_message_provider_id_set(fx->t, s.mids[0], "sendgrid", "XMSGID0"));
    CONF_OK(mtrk_message_provider_id_set(fx->t, s.mids[0], "sendgrid", " <XMSGID0> ")); /* the same id */
    size_t before = conf_count_message_events(fx->t, s.mids[0]);
    CONF_OK(mtrk_deadletter_replay(&rec, &left, fx->t, "sendgrid"));
    assert_int_equal(rec, 1);
    assert_int_equal(left, 0);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), before + 1);

    /* Later events find it at once; the result names the message found. */
    snprintf(body, sizeof body, "[%s]", sg_nomid(b, sizeof b, "open", "pm-e2", "XMSGID0"));
    r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->recorded, 1);
    CONF_ID_EQ(r->events[0]->mid, s.mids[0]);
    mtrk_webhook_result_free(r);

    /* One id names one message; ids are per provider and per tenant. */
    CONF_EXPECT(MTRK_EEXISTS, mtrk_message_provider_id_set(fx->t, s.mids[1], "sendgrid", "XMSGID0"));
    CONF_ERRMSG_HAS("XMSGID0");
    CONF_OK(mtrk_message_provider_id_set(fx->t, s.mids[1], "mailgun", "XMSGID0"));
    mtrk_id got;
    CONF_OK(mtrk_message_provider_id_find(&got, fx->t, "sendgrid", "<XMSGID0>"));
    CONF_ID_EQ(got, s.mids[0]);
    CONF_OK(mtrk_message_provider_id_find(&got, fx->t, "mailgun", "XMSGID0"));
    CONF_ID_EQ(got, s.mids[1]);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_message_provider_id_find(&got, fx->t2, "sendgrid", "XMSGID0"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_message_provider_id_set(fx->t2, s.mids[2], "sendgrid", "other"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_message_provider_id_set(fx->t, s.mids[2], "nosuch", "x"));
    CONF_ERRMSG_HAS("nosuch");
    CONF_EXPECT(MTRK_EINVAL, mtrk_message_provider_id_set(fx->t, s.mids[2], "ses", ""));
    CONF_EXPECT(MTRK_EINVAL, mtrk_message_provider_id_set(fx->t, s.mids[2], "ses", "<>"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_message_provider_id_set(fx->t, conf_unknown_id(), "ses", "ghost"));
    conf_scn_free(&s);
}

static void mark_sent_records_a_webhook_providers_message_id(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "ks", 2, 0, 0);
    mtrk_id out[2];
    size_t n = 0;
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 2, CONF_HOUR));
    assert_int_equal(n, 2);
    CONF_OK(mtrk_queue_mark_sent(fx->t, out[0], 0, "postmark", "pm-msg-1"));
    CONF_OK(mtrk_queue_mark_sent(fx->t, out[1], 0, "my-smtp", "smtp-1")); /* not a webhook provider */
    mtrk_id got;
    CONF_OK(mtrk_message_provider_id_find(&got, fx->t, "postmark", "pm-msg-1"));
    CONF_ID_EQ(got, out[0]);
    allow_unsigned(fx->t, "postmark");
    const char *body = "{\"RecordType\":\"Delivery\",\"MessageID\":\"pm-msg-1\",\"Recipient\":\"ks0@example.com\","
                       "\"DeliveredAt\":\"2026-01-01T00:00:00Z\",\"Details\":\"ok\",\"ServerID\":1}";
    mtrk_webhook_result *r = ingest(fx->t, "postmark", body, NULL, 0, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_ACCEPTED);
    assert_int_equal(r->recorded, 1);
    CONF_ID_EQ(r->events[0]->mid, out[0]);
    mtrk_webhook_result_free(r);
    conf_scn_free(&s);
}

static void payloads_are_kept_when_the_tenant_asks_until_their_retention(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "kp", 2, 0, 1);
    allow_unsigned(fx->t, "sendgrid");
    char a[512], body[1200];
    /* Off (the default): nothing kept. */
    snprintf(body, sizeof body, "[%s]", sg(a, sizeof a, "delivered", "kp-off", s.mids[0], NULL));
    mtrk_webhook_result *r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->recorded, 1);
    mtrk_id off = r->outcomes[0]->event_id;
    mtrk_webhook_result_free(r);
    char *p = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_webhook_payload_get(&p, fx->t, off));
    assert_null(p);

    mtrk_tenant_settings st;
    CONF_OK(mtrk_tenant_settings_init(&st, MTRK_TENANT_SETTINGS_VERSION));
    CONF_OK(mtrk_tenant_settings_get(&st, fx->t));
    st.keep_webhook_payloads = 1;
    st.webhook_payload_retention_ms = 2 * CONF_HOUR;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &st));
    char b[512];
    snprintf(body, sizeof body, "[%s,%s]", sg(a, sizeof a, "open", "kp-on", s.mids[0], ",\"ip\":\"192.0.2.7\""),
             sg(b, sizeof b, "open", "kp-on1", s.mids[1], NULL));
    r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->recorded, 2);
    mtrk_id on = r->outcomes[0]->event_id, on1 = r->outcomes[1]->event_id;
    mtrk_webhook_result_free(r);
    CONF_OK(mtrk_webhook_payload_get(&p, fx->t, on));
    assert_non_null(strstr(p, "\"sg_event_id\":\"kp-on\""));
    assert_non_null(strstr(p, "192.0.2.7"));
    mtrk_free(p);
    p = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_webhook_payload_get(&p, fx->t2, on)); /* another tenant's */
    /* A retry keeps nothing twice. */
    r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->duplicates, 2);
    mtrk_webhook_result_free(r);

    /* Erasing the contact erases its message's payloads, not the others'. */
    CONF_OK(mtrk_contact_erase(fx->t, s.contacts[0]));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_webhook_payload_get(&p, fx->t, on));
    CONF_OK(mtrk_webhook_payload_get(&p, fx->t, on1));
    mtrk_free(p);
    p = NULL;
    /* Retention: within the period kept, after it purged. */
    conf_clock_advance(CONF_HOUR);
    CONF_OK(mtrk_retention_apply(NULL, fx->t));
    CONF_OK(mtrk_webhook_payload_get(&p, fx->t, on1));
    mtrk_free(p);
    p = NULL;
    conf_clock_advance(CONF_HOUR + 1);
    CONF_OK(mtrk_retention_apply(NULL, fx->t));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_webhook_payload_get(&p, fx->t, on1));
    CONF_OK(mtrk_tenant_settings_get(&st, fx->t)); /* its strings are borrowed: read again */
    st.webhook_payload_retention_ms = 0;
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_settings_set(fx->t, &st));
    CONF_ERRMSG_HAS("webhook_payload_retention_ms");
    conf_scn_free(&s);
}

static void erasing_a_contact_erases_its_provider_message_ids(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "ep", 2, 0, 1);
    CONF_OK(mtrk_message_provider_id_set(fx->t, s.mids[0], "ses", "ses-ep-0"));
    CONF_OK(mtrk_message_provider_id_set(fx->t, s.mids[1], "ses", "ses-ep-1"));
    CONF_OK(mtrk_contact_erase(fx->t, s.contacts[0]));
    mtrk_id got;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_message_provider_id_find(&got, fx->t, "ses", "ses-ep-0"));
    CONF_OK(mtrk_message_provider_id_find(&got, fx->t, "ses", "ses-ep-1"));
    CONF_ID_EQ(got, s.mids[1]);
    conf_scn_free(&s);
}

static void a_replayed_signed_request_is_refused_within_the_tolerance(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "rp", 1, 0, 1);
    CONF_OK(mtrk_webhook_key_add(fx->t, "mailgun", "rk"));
    char *b = mailgun_body("rk", SG_TS, s.mids[0], "rp1");
    mtrk_header h = { "Content-Type", "application/json" };
    mtrk_webhook_result *r = ingest(fx->t, "mailgun", b, &h, 1, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_ACCEPTED);
    assert_int_equal(r->recorded, 1);
    mtrk_webhook_result_free(r);
    size_t before = conf_count_message_events(fx->t, s.mids[0]);
    /* The same request again, a minute later: refused as a replay, nothing written. */
    conf_clock_advance(60000);
    r = ingest(fx->t, "mailgun", b, &h, 1, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_REPLAYED);
    assert_string_equal(mtrk_webhook_verdict_name(r->verdict), "replayed");
    assert_non_null(strstr(r->message, "already received"));
    assert_int_equal(r->n, 0);
    mtrk_webhook_result_free(r);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), before);
    /* Another tenant's tokens are its own. */
    CONF_OK(mtrk_webhook_key_add(fx->t2, "mailgun", "rk"));
    r = ingest(fx->t2, "mailgun", b, &h, 1, 0);
    assert_int_not_equal(r->verdict, MTRK_WEBHOOK_REPLAYED);
    mtrk_webhook_result_free(r);
    free(b);
    /* Past the tolerance the timestamp refuses it; the token expired and was
     * pruned, so a widened tolerance accepts it as new (a duplicate event). */
    conf_clock_advance(10 * 60000);
    b = mailgun_body("rk", SG_TS, s.mids[0], "rp1");
    r = ingest(fx->t, "mailgun", b, &h, 1, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_SIGNATURE_REFUSED);
    mtrk_webhook_result_free(r);
    mtrk_webhook_settings set;
    CONF_OK(mtrk_webhook_settings_init(&set, MTRK_WEBHOOK_SETTINGS_VERSION));
    set.tolerance_ms = CONF_HOUR;
    CONF_OK(mtrk_webhook_settings_set(fx->t, "mailgun", &set));
    r = ingest(fx->t, "mailgun", b, &h, 1, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_ACCEPTED);
    assert_int_equal(r->duplicates, 1);
    mtrk_webhook_result_free(r);
    r = ingest(fx->t, "mailgun", b, &h, 1, 0);
    assert_int_equal(r->verdict, MTRK_WEBHOOK_REPLAYED);
    mtrk_webhook_result_free(r);
    free(b);
    conf_scn_free(&s);
}

/* A dead-lettered bounce is listed with the facts a replay records it
 * with; a version-1 caller's struct is written only up to its payload. */
static void a_dead_lettered_bounce_lists_its_facts(void **state)
{
    conf_fixture *fx = *state;
    allow_unsigned(fx->t, "sendgrid");
    const char *body =
        "[{\"email\":\"dlf@example.com\",\"timestamp\":" SG_TS ",\"event\":\"bounce\",\"sg_event_id\":\"dlf-b\","
        "\"sg_message_id\":\"XDLFACTS.filter0001\",\"type\":\"bounce\",\"bounce_classification\":\"Invalid Address\","
        "\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 The email account that you tried to reach does not exist\"},"
        "{\"email\":\"dlf@example.com\",\"timestamp\":" SG_TS ",\"event\":\"delivered\",\"sg_event_id\":\"dlf-d\","
        "\"sg_message_id\":\"XDLFACTS.filter0001\",\"response\":\"250 ok\"}]";
    mtrk_webhook_result *r = ingest(fx->t, "sendgrid", body, NULL, 0, 0);
    assert_int_equal(r->dead_lettered, 2);
    mtrk_webhook_result_free(r);
    mtrk_deadletter_iter *it = NULL;
    CONF_OK(mtrk_deadletter_iter_new(&it, fx->t, "sendgrid"));
    mtrk_deadletter_info d;
    CONF_OK(mtrk_deadletter_info_init(&d, MTRK_DEADLETTER_INFO_VERSION));
    int seen = 0;
    while (mtrk_deadletter_iter_next(&d, it) == MTRK_OK) {
        if (strcmp(d.key, "dlf-b") == 0) {
            seen |= 1;
            assert_int_equal(d.type, MTRK_EV_BOUNCE);
            assert_int_equal(d.bounce_kind, MTRK_BOUNCE_HARD);
            assert_int_equal(d.bounce_reason, MTRK_BR_USER_UNKNOWN);
            assert_int_equal(d.smtp_code, 550);
            assert_string_equal(d.bounce_status, "5.1.1");
            assert_string_equal(d.bounce_type, "bounce");
            assert_string_equal(d.bounce_subtype, "Invalid Address");
            assert_string_equal(d.diagnostic, "550 5.1.1 The email account that you tried to reach does not exist");
        } else if (strcmp(d.key, "dlf-d") == 0) {
            seen |= 2;
            assert_int_equal(d.type, MTRK_EV_DELIVERED);
            assert_int_equal(d.bounce_kind, MTRK_BOUNCE_NONE);
            assert_int_equal(d.bounce_reason, MTRK_BR_UNDETERMINED);
            assert_int_equal(d.smtp_code, 0);
            assert_null(d.bounce_status);
            assert_null(d.bounce_type);
            assert_null(d.bounce_subtype);
        }
    }
    mtrk_deadletter_iter_free(it);
    assert_int_equal(seen, 3);

    /* Version 1: nothing past payload is written, by the init or the listing. */
    mtrk_deadletter_info v1;
    memset(&v1, 0x5a, sizeof v1);
    CONF_OK(mtrk_deadletter_info_init(&v1, 1));
    assert_int_equal(v1.version, 1);
    assert_null(v1.payload);
    assert_int_equal(v1.smtp_code, 0x5a5a5a5a);
    CONF_OK(mtrk_deadletter_iter_new(&it, fx->t, "sendgrid"));
    int n = 0;
    while (mtrk_deadletter_iter_next(&v1, it) == MTRK_OK)
        n++;
    mtrk_deadletter_iter_free(it);
    assert_true(n >= 2);
    assert_int_equal(v1.smtp_code, 0x5a5a5a5a);
    assert_int_equal((int)v1.bounce_reason, 0x5a5a5a5a);
    CONF_EXPECT(MTRK_EVERSION, mtrk_deadletter_info_init(&v1, MTRK_DEADLETTER_INFO_VERSION + 1));
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(sendgrid_events_are_recorded_and_retries_are_duplicates),
    CONF_TEST(one_bad_event_does_not_reject_the_others),
    CONF_TEST(refused_requests_write_nothing_and_say_why),
    CONF_TEST(unmapped_and_unknown_messages_are_dead_lettered_once),
    CONF_TEST(clicks_are_matched_to_the_link_catalogue),
    CONF_TEST(keys_rotate_and_the_tolerance_is_a_setting),
    CONF_TEST(ses_subscription_confirmation_is_handed_back),
    CONF_TEST(erasing_a_contact_erases_its_dead_letters),
    CONF_TEST(events_without_a_mid_are_matched_by_the_provider_message_id),
    CONF_TEST(mark_sent_records_a_webhook_providers_message_id),
    CONF_TEST(payloads_are_kept_when_the_tenant_asks_until_their_retention),
    CONF_TEST(erasing_a_contact_erases_its_provider_message_ids),
    CONF_TEST(a_replayed_signed_request_is_refused_within_the_tolerance),
    CONF_TEST(a_dead_lettered_bounce_lists_its_facts),
};
CONF_GROUP(conf_group_webhooks, "webhooks", tests);
