/* What every provider shares: the request limits, the JSON checks, exact
 * time conversion, SMTP detail extraction, the crypto primitives against
 * published test vectors, and the provisional bounce table's fallbacks. */
#include "whtest.h"

#include <stdio.h>
#include <stdlib.h>

static void unknown_provider_is_refused_by_name(void **state)
{
    (void)state;
    wh_result r;
    wht_refused(&r, wht_run(&r, "nosuchesp", "[]", NULL, 0, NULL, NULL), WH_MALFORMED, "unknown provider 'nosuchesp'");
}

static void body_over_the_limit_is_refused(void **state)
{
    (void)state;
    wh_secrets open = { { NULL, NULL }, 0, 1, NULL, NULL };
    const char *body = "[{\"event\":\"processed\"}]";
    wh_request req = { NULL, 0, body, strlen(body), NULL, 0, &open, 10 };
    wh_result r;
    assert_int_equal(wh_process(&r, "sendgrid", &req), WH_MALFORMED);
    assert_non_null(strstr(r.message, "over the limit of 10"));
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
    req.body_limit = strlen(body); /* exactly at the limit passes */
    assert_int_equal(wh_process(&r, "sendgrid", &req), WH_ACCEPTED);
    wh_result_free(&r);
}

static void deep_nesting_is_refused_before_parsing(void **state)
{
    (void)state;
    size_t depth = 100000;
    char *body = malloc(2 * depth + 1);
    memset(body, '[', depth);
    memset(body + depth, ']', depth);
    body[2 * depth] = '\0';
    wh_result r;
    wht_refused(&r, wht_run(&r, "sendgrid", body, NULL, 0, NULL, NULL), WH_MALFORMED, "nested deeper than 64 levels");
    free(body);
    /* Brackets inside strings do not count. */
    char buf[512];
    snprintf(buf, sizeof buf, "[{\"event\":\"open\",\"timestamp\":1,\"x\":\"%s\"}]",
             "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
    assert_int_equal(wht_run(&r, "sendgrid", buf, NULL, 0, NULL, NULL), WH_ACCEPTED);
    wh_result_free(&r);
    /* Nor inside strings with escaped quotes and backslashes; but a string
     * ended after an escaped backslash is over, and what follows counts. */
    snprintf(buf, sizeof buf, "[{\"event\":\"open\",\"timestamp\":1,\"x\":\"a\\\"%s\\\\\"}]",
             "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
    assert_int_equal(wht_run(&r, "sendgrid", buf, NULL, 0, NULL, NULL), WH_ACCEPTED);
    wh_result_free(&r);
    char deep[400];
    snprintf(deep, sizeof deep, "[{\"x\":\"a\\\\\",\"y\":%s1}]",
             "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");
    wht_refused(&r, wht_run(&r, "sendgrid", deep, NULL, 0, NULL, NULL), WH_MALFORMED, "nested deeper");
}

/* SendGrid bodies are read one element at a time: each event keeps its
 * object as the body has it, and a key derived without sg_event_id does not
 * depend on the body's spacing. */
static void array_elements_keep_their_text_and_spacing_free_keys(void **state)
{
    (void)state;
    wh_result a, b;
    assert_int_equal(wht_run(&a, "sendgrid", "[{\"event\":\"open\",\"timestamp\":1767225600},\"x\",7]", NULL, 0,
                             NULL, NULL),
                     WH_ACCEPTED);
    assert_int_equal(wht_run(&b, "sendgrid", " [ { \"event\" : \"open\",\n \"timestamp\": 1767225600 } , \"x\" , 7 ] ",
                             NULL, 0, NULL, NULL),
                     WH_ACCEPTED);
    assert_int_equal(a.n, 3);
    assert_int_equal(b.n, 3);
    assert_string_equal(a.events[0].raw, "{\"event\":\"open\",\"timestamp\":1767225600}");
    assert_string_equal(b.events[0].raw, "{ \"event\" : \"open\",\n \"timestamp\": 1767225600 }");
    assert_non_null(a.events[0].key);
    assert_string_equal(a.events[0].key, b.events[0].key);
    assert_non_null(a.events[1].error); /* not an object: refused, the others read */
    assert_non_null(strstr(a.events[2].error, "event 2"));
    wh_result_free(&a);
    wh_result_free(&b);
    static const char *const bad[] = { "[{\"a\":1} {\"b\":2}]", "[{\"a\":1}] x", "{\"event\":\"open\"}", "[{\"a\":}]",
                                       "[{\"a\":1},", "[{\"a\":1,\"a\":2}]" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(wht_run(&a, "sendgrid", bad[i], NULL, 0, NULL, NULL), WH_MALFORMED);
        assert_int_equal(a.n, 0);
        wh_result_free(&a);
    }
}

static void truncated_json_names_the_fault(void **state)
{
    (void)state;
    wh_result r;
    assert_int_equal(wht_run(&r, "sendgrid", "[{\"event\":\"open\",\"timestamp\":15", NULL, 0, NULL, NULL),
                     WH_MALFORMED);
    assert_non_null(strstr(r.message, "malformed JSON"));
    assert_int_equal(r.n, 0);
    wh_result_free(&r);
    wht_refused(&r, wht_run(&r, "sendgrid", "", NULL, 0, NULL, NULL), WH_MALFORMED, "empty body");
}

static void seconds_are_converted_exactly(void **state)
{
    (void)state;
    mtrk_time t = 0;
    json_t *v = json_integer(1513299569);
    assert_int_equal(wh_time_seconds(&t, v), 0);
    assert_int_equal(t, INT64_C(1513299569000));
    json_decref(v);
    /* Mailgun's fractional seconds: microseconds written, milliseconds kept. */
    v = json_real(1521472262.908181);
    assert_int_equal(wh_time_seconds(&t, v), 0);
    assert_int_equal(t, INT64_C(1521472262908));
    json_decref(v);
    v = json_real(1521472262.999999);
    assert_int_equal(wh_time_seconds(&t, v), 0);
    assert_int_equal(t, INT64_C(1521472262999));
    json_decref(v);
    v = json_string("1460989507.123456789");
    assert_int_equal(wh_time_seconds(&t, v), 0);
    assert_int_equal(t, INT64_C(1460989507123));
    json_decref(v);
    v = json_string("1460989507");
    assert_int_equal(wh_time_seconds(&t, v), 0);
    assert_int_equal(t, INT64_C(1460989507000));
    json_decref(v);
    const char *bad[] = { "", "-1", "12x", "1.", ".5", "99999999999999999999", " 1" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        v = json_string(bad[i]);
        assert_int_equal(wh_time_seconds(&t, v), -1);
        json_decref(v);
    }
    v = json_integer(-5);
    assert_int_equal(wh_time_seconds(&t, v), -1);
    json_decref(v);
    v = json_true();
    assert_int_equal(wh_time_seconds(&t, v), -1);
    json_decref(v);
}

static void milliseconds_are_not_read_as_seconds(void **state)
{
    (void)state;
    mtrk_time t = 0;
    json_t *v = json_integer(INT64_C(1604275200123));
    assert_int_equal(wh_time_millis(&t, v), 0);
    assert_int_equal(t, INT64_C(1604275200123));
    json_decref(v);
    v = json_string("1604275200123");
    assert_int_equal(wh_time_millis(&t, v), 0);
    assert_int_equal(t, INT64_C(1604275200123));
    json_decref(v);
}

static void iso8601_with_offsets_and_fractions(void **state)
{
    (void)state;
    struct {
        const char *text;
        mtrk_time want;
    } ok[] = {
        { "2016-10-19T23:20:52.240Z", INT64_C(1476919252240) },
        { "2016-10-19T23:20:52Z", INT64_C(1476919252000) },
        /* Postmark: seven fractional digits and an offset. */
        { "2014-08-01T13:28:10.2735393-04:00", INT64_C(1406914090273) },
        { "2014-08-01T17:28:10.2735393+00:00", INT64_C(1406914090273) },
        { "2014-08-01T19:58:10+0230", INT64_C(1406914090000) },
        { "2024-02-29T00:00:00.000000Z", INT64_C(1709164800000) },
        { "1970-01-01T00:00:00Z", 0 },
        { "2020-10-09 00:00:00+02:00", INT64_C(1602194400000) },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        mtrk_time t = -1;
        if (wh_time_iso8601(&t, ok[i].text) != 0 || t != ok[i].want)
            fail_msg("%s: got %lld, want %lld", ok[i].text, (long long)t, (long long)ok[i].want);
    }
    const char *bad[] = { "2016-10-19T23:20:52", /* no zone: not an instant */
                          "2023-02-29T00:00:00Z", "2016-13-01T00:00:00Z", "2016-10-19T24:00:00Z",
                          "2016-10-19", "2016-10-19T23:20:52.Z", "2016-10-19T23:20:52Zjunk", "" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mtrk_time t;
        if (wh_time_iso8601(&t, bad[i]) == 0)
            fail_msg("accepted \"%s\"", bad[i]);
    }
}

static void smtp_code_and_enhanced_status_are_found(void **state)
{
    (void)state;
    wh_event ev;
    memset(&ev, 0, sizeof ev);
    wh_parse_smtp(&ev, "550 5.1.1 The email account that you tried to reach does not exist (v1.2.3)");
    assert_int_equal(ev.smtp_code, 550);
    wht_str(ev.enhanced_status, "5.1.1");
    free(ev.enhanced_status);
    memset(&ev, 0, sizeof ev);
    wh_parse_smtp(&ev, "smtp; 421 4.7.0 [TSS04] Messages temporarily deferred");
    assert_int_equal(ev.smtp_code, 0); /* not leading */
    wht_str(ev.enhanced_status, "4.7.0");
    free(ev.enhanced_status);
    memset(&ev, 0, sizeof ev);
    wh_parse_smtp(&ev, "version 10.5.1.2 of the filter");
    assert_null(ev.enhanced_status);
}

/* RFC 4231 test case 2 and RFC 2202 test case 2 ("Jefe"). */
static void hmac_matches_rfc_vectors(void **state)
{
    (void)state;
    unsigned char mac[32];
    char hex[65];
    const char *msg = "what do ya want for nothing?";
    assert_int_equal(wh_hmac(mac, "sha256", "Jefe", 4, msg, strlen(msg)), 32);
    wh_hex(hex, mac, 32);
    assert_string_equal(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assert_int_equal(wh_hmac(mac, "sha1", "Jefe", 4, msg, strlen(msg)), 20);
    wh_hex(hex, mac, 20);
    assert_string_equal(hex, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    assert_int_equal(wh_hmac(mac, "md5", "Jefe", 4, msg, strlen(msg)), 0);
}

static void constant_time_equality(void **state)
{
    (void)state;
    assert_true(wh_equal("abc", 3, "abc", 3));
    assert_false(wh_equal("abc", 3, "abd", 3));
    assert_false(wh_equal("abc", 3, "abcd", 4));
}

static void base64_with_and_without_padding(void **state)
{
    (void)state;
    size_t n = 0;
    unsigned char *p = wh_base64_decode("aGVsbG8=", 8, &n);
    assert_non_null(p);
    assert_int_equal(n, 5);
    assert_memory_equal(p, "hello", 5);
    free(p);
    p = wh_base64_decode("aGVsbG8", 7, &n);
    assert_non_null(p);
    assert_int_equal(n, 5);
    free(p);
    assert_null(wh_base64_decode("aGV*bG8=", 8, &n));
}

static void public_key_forms_all_verify(void **state)
{
    (void)state;
    EVP_PKEY *k = wht_ec_key();
    const char *msg = "1600000000[{}]";
    char *sig64 = wht_sign(k, "sha256", msg, strlen(msg));
    size_t siglen = 0;
    unsigned char *sig = wh_base64_decode(sig64, strlen(sig64), &siglen);
    char *b64 = wht_pub_b64(k), *pem = wht_pub_pem(k), *cert = wht_cert_pem(k);
    assert_true(wh_pk_verify(b64, "sha256", msg, strlen(msg), sig, siglen));
    assert_true(wh_pk_verify(pem, "sha256", msg, strlen(msg), sig, siglen));
    assert_true(wh_pk_verify(cert, "sha256", msg, strlen(msg), sig, siglen));
    assert_false(wh_pk_verify(b64, "sha256", "1600000000[{ }]", 15, sig, siglen));
    assert_false(wh_pk_verify(b64, "sha1", msg, strlen(msg), sig, siglen));
    assert_false(wh_pk_verify("not a key", "sha256", msg, strlen(msg), sig, siglen));
    free(sig64);
    free(sig);
    free(b64);
    free(pem);
    free(cert);
    EVP_PKEY_free(k);
}

static void bounce_table_gives_reasons_of_the_taxonomy(void **state)
{
    (void)state;
    /* "Permanent" is the class digit: it never decides alone. */
    assert_int_equal(wh_bounce_kind("ses", "Permanent", "General", 0, NULL), MTRK_BOUNCE_SOFT);
    assert_int_equal(wh_bounce_reason("ses", "Permanent", "General", 0, "5.1.1", NULL), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(wh_bounce_reason("ses", "Transient", "MailboxFull", 0, NULL, NULL), MTRK_BR_MAILBOX_FULL);
    assert_int_equal(wh_bounce_reason("resend", "Permanent", "Suppressed", 0, NULL, NULL), MTRK_BR_USER_UNKNOWN);
    /* A row's category, refined by the text when it tells more. */
    assert_int_equal(wh_bounce_reason("brevo", "hard_bounce", NULL, 0, NULL, NULL), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(wh_bounce_reason("brevo", "hard_bounce", NULL, 550, NULL,
                                      "550 5.7.1 Service unavailable; client host blocked using Spamhaus"),
                     MTRK_BR_BLOCKED);
    assert_int_equal(wh_bounce_reason("mandrill", "reject", NULL, 550, "5.1.1", "user unknown"), MTRK_BR_BLOCKED);
    assert_int_equal(wh_bounce_reason("postal", "MessageHeld", NULL, 0, NULL, NULL), MTRK_BR_ON_HOLD);
    assert_int_equal(wh_bounce_reason("sendgrid", "dropped", "Bounced Address", 0, NULL, NULL), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(wh_bounce_reason("sendgrid", "bounce", "Reputation", 0, "5.7.1", NULL), MTRK_BR_BLOCKED);
    assert_int_equal(wh_bounce_reason("sparkpost", "bounce", "22", 552, NULL, NULL), MTRK_BR_MAILBOX_FULL);
    assert_int_equal(wh_bounce_reason("postmark", "SoftBounce", "4096", 0, NULL, "mailbox full"),
                     MTRK_BR_MAILBOX_FULL);
    assert_int_equal(wh_bounce_reason("mailgun", "permanent", "suppress-bounce", 605, NULL, NULL),
                     MTRK_BR_USER_UNKNOWN);
    /* An unknown category: the status and code alone. */
    assert_int_equal(wh_bounce_kind("brevo", "unlisted", NULL, 0, "5.1.1"), MTRK_BOUNCE_HARD);
    assert_int_equal(wh_bounce_kind("brevo", "unlisted", NULL, 0, "4.2.2"), MTRK_BOUNCE_SOFT);
    assert_int_equal(wh_bounce_kind("brevo", "unlisted", NULL, 0, NULL), MTRK_BOUNCE_SOFT);
    /* not_a_bounce is soft to the adapters: an event input's bounce is hard or soft. */
    assert_int_equal(wh_bounce_kind("sparkpost", "bounce", "60", 0, NULL), MTRK_BOUNCE_SOFT);
}

/* The mid an event echoes is read as mtrk_id_from_string reads ids: the
 * same texts accepted, to the same id, and the same refused. */
static void echoed_mids_are_read_as_the_public_call_reads_ids(void **state)
{
    (void)state;
    const char *texts[] = {
        MID1, "0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B", "00000000-0000-0000-0000-000000000000",
        "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5",   /* 35 */
        "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b0", /* 37 */
        "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5g", "0190a1b2c-3d4-7e5f-8a9b-0c1d2e3f4a5b",
        "0190a1b2-c3d4-7e5f-8a9b 0c1d2e3f4a5b", "", "{0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5}",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        wh_event ev;
        memset(&ev, 0, sizeof ev);
        wh_set_mid(&ev, texts[i], "test");
        mtrk_id want;
        int ok = mtrk_id_from_string(&want, texts[i]) == MTRK_OK;
        assert_int_equal(ev.has_mid, ok);
        assert_int_equal(ev.error == NULL, ok);
        if (ok)
            assert_memory_equal(&ev.mid, &want, sizeof want);
        free(ev.error);
    }
}

/* The fast reader builds jansson's tree, member order included, or gives
 * up and leaves the text to jansson: never a tree jansson would not build. */
static void fast_reader_builds_janssons_tree_or_gives_up(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int fast; /* 1: within the fast reader's subset */
    } cases[] = {
        { SENDGRID_ALL_EVENTS, 1 },
        { SPARKPOST_BATCH, 1 },
        { MANDRILL_EVENTS, 1 },
        { POSTMARK_BOUNCE, 0 }, /* its ID has 19 digits: jansson reads it */
        { POSTMARK_DELIVERY, 1 },
        { MAILGUN_DELIVERED, 0 }, /* a fractional timestamp */
        { "{}", 1 },
        { " [ ] ", 1 },
        { "{\"a\":[1,-2,0,-0,{\"b\":null,\"c\":true,\"d\":false}],\"e\":\"x y\"}", 1 },
        { "{\"n\":123456789012345678}", 1 },
        { "{\"n\":1234567890123456789}", 0 }, /* 19 digits */
        { "{\"n\":1.5}", 0 },
        { "{\"n\":1e3}", 0 },
        { "{\"n\":01}", 0 },
        { "{\"n\":-}", 0 },
        { "{\"a\":1,\"a\":2}", 0 },         /* a duplicate: jansson refuses it */
        { "{\"a\":\"\\u00e9\"}", 0 },       /* an escape */
        { "{\"a\":\"\xc3\xa9\"}", 0 },      /* non-ASCII */
        { "{\"a\":\"tab\there\"}", 0 },      /* a control character */
        { "{\"a\":1,}", 0 },
        { "{\"a\" \"b\"}", 0 },
        { "{\"a\":tru}", 0 },
        { "{\"a\":truex}", 0 },
        { "{\"a\":1} x", 0 },
        { "\"just a string\"", 0 },
        { "{\"a\":[1,2}", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].text;
        json_t *f = wh_json_fast(t, strlen(t));
        json_error_t err;
        json_t *j = json_loadb(t, strlen(t), JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
        if (cases[i].fast != (f != NULL))
            fail_msg("case %zu: the fast reader %s", i, f ? "read text outside its subset" : "gave up");
        if (f != NULL) {
            assert_non_null(j);
            assert_true(json_equal(f, j));
            char *a = json_dumps(f, JSON_COMPACT | JSON_ENCODE_ANY), *b = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY);
            assert_string_equal(a, b); /* the same member order: the same derived keys */
            free(a);
            free(b);
        }
        json_decref(f);
        json_decref(j);
    }
}

static void adapter_table_is_complete(void **state)
{
    (void)state;
    static const char *const names[] = { "sendgrid", "ses",     "mailgun", "postmark",   "sparkpost", "brevo",
                                         "mailjet",  "resend",  "mandrill", "mailersend", "postal" };
    size_t n = 0;
    while (wh_adapters[n] != NULL) {
        assert_non_null(wh_adapters[n]->name);
        assert_non_null(wh_adapters[n]->parse);
        for (size_t k = 0; k < n; k++)
            assert_string_not_equal(wh_adapters[k]->name, wh_adapters[n]->name);
        n++;
    }
    assert_int_equal(n, sizeof names / sizeof names[0]);
    for (size_t i = 0; i < n; i++)
        assert_ptr_equal(wh_adapter_find(names[i]), wh_adapters[i]);
    assert_null(wh_adapter_find("SendGrid")); /* names are exact */
    assert_null(wh_adapter_find(NULL));
}

/* Without any secrets: the providers that sign refuse, the others (the host
 * authenticates them) accept. */
static void no_secrets_refuses_signing_providers(void **state)
{
    (void)state;
    struct {
        const char *provider, *body;
        wh_verdict want;
    } cases[] = {
        { "sendgrid", "[]", WH_SIGNATURE_REFUSED },
        { "ses", "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"Message\":\"{}\"}", WH_SIGNATURE_REFUSED },
        { "mailgun", "{\"signature\":{},\"event-data\":{}}", WH_SIGNATURE_REFUSED },
        { "resend", "{}", WH_SIGNATURE_REFUSED },
        { "mandrill", "mandrill_events=%5B%5D", WH_SIGNATURE_REFUSED },
        { "mailersend", "{}", WH_SIGNATURE_REFUSED },
        { "postal", "{}", WH_SIGNATURE_REFUSED },
        { "postmark", "{\"RecordType\":\"Open\",\"ReceivedAt\":\"2019-11-05T16:33:54Z\"}", WH_ACCEPTED },
        { "sparkpost", "[]", WH_ACCEPTED },
        { "brevo", "[]", WH_ACCEPTED },
        { "mailjet", "[]", WH_ACCEPTED },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wh_request req = { NULL, 0, cases[i].body, strlen(cases[i].body), "https://x/", 0, NULL, 0 };
        wh_result r;
        if (wh_process(&r, cases[i].provider, &req) != cases[i].want)
            fail_msg("%s: verdict %d (%s)", cases[i].provider, (int)r.verdict, r.message);
        if (cases[i].want == WH_SIGNATURE_REFUSED) {
            assert_int_equal(r.n, 0);
            assert_true(r.message[0] != '\0');
        }
        wh_result_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(unknown_provider_is_refused_by_name),
        cmocka_unit_test(body_over_the_limit_is_refused),
        cmocka_unit_test(deep_nesting_is_refused_before_parsing),
        cmocka_unit_test(truncated_json_names_the_fault),
        cmocka_unit_test(array_elements_keep_their_text_and_spacing_free_keys),
        cmocka_unit_test(seconds_are_converted_exactly),
        cmocka_unit_test(milliseconds_are_not_read_as_seconds),
        cmocka_unit_test(iso8601_with_offsets_and_fractions),
        cmocka_unit_test(smtp_code_and_enhanced_status_are_found),
        cmocka_unit_test(hmac_matches_rfc_vectors),
        cmocka_unit_test(constant_time_equality),
        cmocka_unit_test(base64_with_and_without_padding),
        cmocka_unit_test(public_key_forms_all_verify),
        cmocka_unit_test(bounce_table_gives_reasons_of_the_taxonomy),
        cmocka_unit_test(echoed_mids_are_read_as_the_public_call_reads_ids),
        cmocka_unit_test(fast_reader_builds_janssons_tree_or_gives_up),
        cmocka_unit_test(adapter_table_is_complete),
        cmocka_unit_test(no_secrets_refuses_signing_providers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
