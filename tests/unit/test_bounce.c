/*
 * Bounce facts (bounce.h): the reason taxonomy and its hard/soft table, the
 * classification of one failure (a specific enhanced code first, then the
 * text, then a generic code, then the reply code; never the class digit
 * alone), the provider mappings, the VERP return path, and mtrk_bounce_parse
 * on good and bad input: LF, CRLF and CR alike; junk refused or undetermined
 * with a note, never a crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mtrk/mtrk.h"

/* Whether s is valid UTF-8 (no overlongs, no surrogates). */
static bool utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0 || (n == 1 && *p < 0xC2))
            return false;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return false;
    }
    return true;
}

static void reason_names_round_trip_and_kinds(void **state)
{
    (void)state;
    for (int i = 0; i < MTRK_BOUNCE_REASON_COUNT; i++) {
        const char *n = mtrk_bounce_reason_name((mtrk_bounce_reason)i);
        assert_non_null(n);
        mtrk_bounce_reason r;
        assert_int_equal(mtrk_bounce_reason_from_name(&r, n), MTRK_OK);
        assert_int_equal(r, i);
    }
    assert_null(mtrk_bounce_reason_name((mtrk_bounce_reason)MTRK_BOUNCE_REASON_COUNT));
    mtrk_bounce_reason r;
    assert_int_equal(mtrk_bounce_reason_from_name(&r, "dead"), MTRK_EINVAL);
    assert_non_null(strstr(mtrk_last_errmsg(), "dead"));
    /* the hard/soft table of docs/bounces.md */
    const mtrk_bounce_reason hard[] = { MTRK_BR_USER_UNKNOWN, MTRK_BR_HOST_UNKNOWN, MTRK_BR_SUSPENDED,
                                        MTRK_BR_HAS_MOVED };
    int nhard = 0;
    for (int i = 0; i < MTRK_BOUNCE_REASON_COUNT; i++) {
        mtrk_bounce_kind k = mtrk_bounce_reason_kind((mtrk_bounce_reason)i);
        bool is_hard = false;
        for (size_t h = 0; h < 4; h++)
            is_hard |= hard[h] == (mtrk_bounce_reason)i;
        if (i == MTRK_BR_NOT_A_BOUNCE)
            assert_int_equal(k, MTRK_BOUNCE_NONE);
        else
            assert_int_equal(k, is_hard ? MTRK_BOUNCE_HARD : MTRK_BOUNCE_SOFT);
        nhard += k == MTRK_BOUNCE_HARD;
    }
    assert_int_equal(nhard, 4);
    assert_int_equal(mtrk_bounce_reason_kind((mtrk_bounce_reason)99), MTRK_BOUNCE_NONE);
}

static void classify_by_code_text_and_reply(void **state)
{
    (void)state;
    /* specific enhanced codes decide before the text */
    assert_int_equal(mtrk_bounce_classify("5.1.1", 550, "mailbox full"), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_classify("5.2.2", 552, NULL), MTRK_BR_MAILBOX_FULL);
    assert_int_equal(mtrk_bounce_classify("4.4.7", 0, "Connection timed out"), MTRK_BR_EXPIRED);
    assert_int_equal(mtrk_bounce_classify("5.7.26", 550, "unauthenticated"), MTRK_BR_AUTH_FAILURE);
    assert_int_equal(mtrk_bounce_classify("4.7.28", 421, "unusual rate of unsolicited mail"), MTRK_BR_RATE_LIMITED);
    assert_int_equal(mtrk_bounce_classify("5.1.6", 551, NULL), MTRK_BR_HAS_MOVED);
    /* a generic code: the text refines it */
    assert_int_equal(mtrk_bounce_classify("5.7.1", 550, "likely unsolicited mail"), MTRK_BR_SPAM_DETECTED);
    assert_int_equal(mtrk_bounce_classify("5.7.1", 554, "blocked using zen.spamhaus.org"), MTRK_BR_BLOCKED);
    assert_int_equal(mtrk_bounce_classify("5.7.1", 554, "Virus found in attachment"), MTRK_BR_CONTENT_REJECTED);
    assert_int_equal(mtrk_bounce_classify("5.7.1", 554, "no words we know"), MTRK_BR_BLOCKED);
    assert_int_equal(mtrk_bounce_classify("5.1.10", 550, "RESOLVER.ADR.RecipientNotFound"), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_classify("5.2.1", 550, "account disabled"), MTRK_BR_SUSPENDED);
    assert_int_equal(mtrk_bounce_classify("4.2.1", 450, "receiving mail at a rate that prevents"),
                     MTRK_BR_RATE_LIMITED);
    /* the class digit alone decides nothing */
    assert_int_equal(mtrk_bounce_classify("5.0.0", 550, NULL), MTRK_BR_UNDETERMINED);
    assert_int_equal(mtrk_bounce_classify("4.0.0", 0, ""), MTRK_BR_UNDETERMINED);
    assert_int_equal(mtrk_bounce_classify(NULL, 550, NULL), MTRK_BR_UNDETERMINED);
    assert_int_equal(mtrk_bounce_classify(NULL, 554, "Transaction failed"), MTRK_BR_UNDETERMINED);
    /* text alone, in any case */
    assert_int_equal(mtrk_bounce_classify(NULL, 0, "USER UNKNOWN"), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_classify(NULL, 0, "Host or domain name not found"), MTRK_BR_HOST_UNKNOWN);
    assert_int_equal(mtrk_bounce_classify(NULL, 0, "Greylisted, see http://postgrey"), MTRK_BR_ON_HOLD);
    assert_int_equal(mtrk_bounce_classify(NULL, 0, "Connection refused"), MTRK_BR_NETWORK_ERROR);
    assert_int_equal(mtrk_bounce_classify(NULL, 0, "Message size exceeds fixed maximum"), MTRK_BR_MESSAGE_TOO_BIG);
    assert_int_equal(mtrk_bounce_classify(NULL, 0, "SPF check failed"), MTRK_BR_AUTH_FAILURE);
    /* the reply code last */
    assert_int_equal(mtrk_bounce_classify(NULL, 552, NULL), MTRK_BR_MAILBOX_FULL);
    assert_int_equal(mtrk_bounce_classify(NULL, 551, NULL), MTRK_BR_HAS_MOVED);
    assert_int_equal(mtrk_bounce_classify(NULL, 421, NULL), MTRK_BR_SYSTEM_ERROR);
    /* a success code is not a bounce; malformed codes are ignored */
    assert_int_equal(mtrk_bounce_classify("2.0.0", 250, NULL), MTRK_BR_NOT_A_BOUNCE);
    assert_int_equal(mtrk_bounce_classify("5.1", 0, NULL), MTRK_BR_UNDETERMINED);
    assert_int_equal(mtrk_bounce_classify("9.1.1", 0, NULL), MTRK_BR_UNDETERMINED);
    assert_int_equal(mtrk_bounce_classify("5.1.1234", 0, NULL), MTRK_BR_UNDETERMINED);
}

static void provider_objects_mapped(void **state)
{
    (void)state;
    /* SES */
    assert_int_equal(mtrk_bounce_reason_ses("Permanent", "NoEmail", "5.1.1", NULL), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_ses("Permanent", "Suppressed", NULL, NULL), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_ses("Permanent", "OnAccountSuppressionList", NULL, NULL), MTRK_BR_BLOCKED);
    assert_int_equal(mtrk_bounce_reason_ses("Transient", "MailboxFull", "4.2.2", NULL), MTRK_BR_MAILBOX_FULL);
    assert_int_equal(mtrk_bounce_reason_ses("Transient", "MessageTooLarge", NULL, NULL), MTRK_BR_MESSAGE_TOO_BIG);
    assert_int_equal(mtrk_bounce_reason_ses("Transient", "AttachmentRejected", NULL, NULL),
                     MTRK_BR_CONTENT_REJECTED);
    assert_int_equal(mtrk_bounce_reason_ses("Permanent", "General", "5.7.1",
                                            "smtp; 550 5.7.1 blocked using zen.spamhaus.org"), MTRK_BR_BLOCKED);
    assert_int_equal(mtrk_bounce_reason_ses("Permanent", "General", NULL, NULL), MTRK_BR_UNDETERMINED);
    assert_int_equal(mtrk_bounce_reason_ses("Undetermined", "Undetermined", NULL, NULL), MTRK_BR_UNDETERMINED);
    /* SendGrid */
    assert_int_equal(mtrk_bounce_reason_sendgrid("Invalid Address", "5.1.1", "550 5.1.1 no such user"),
                     MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Invalid Address", "5.4.4", "Host or domain name not found"),
                     MTRK_BR_HOST_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Reputation", "5.7.1", "550 5.7.1 listed at spamhaus"),
                     MTRK_BR_BLOCKED);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Reputation", "5.7.26", "DMARC"), MTRK_BR_AUTH_FAILURE);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Content", "5.7.1", "looks like spam"), MTRK_BR_SPAM_DETECTED);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Content", NULL, NULL), MTRK_BR_CONTENT_REJECTED);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Frequency or Volume", "4.7.0", "try later"), MTRK_BR_RATE_LIMITED);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Mailbox Unavailable", "5.2.2", "over quota"), MTRK_BR_MAILBOX_FULL);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Mailbox Unavailable", NULL, NULL), MTRK_BR_SUSPENDED);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Technical", NULL, NULL), MTRK_BR_SYSTEM_ERROR);
    assert_int_equal(mtrk_bounce_reason_sendgrid("Unclassified", NULL, NULL), MTRK_BR_UNDETERMINED);
    /* SparkPost */
    const struct { int cls; mtrk_bounce_reason r; } sp[] = {
        { 10, MTRK_BR_USER_UNKNOWN }, { 21, MTRK_BR_HOST_UNKNOWN }, { 22, MTRK_BR_MAILBOX_FULL },
        { 23, MTRK_BR_MESSAGE_TOO_BIG }, { 24, MTRK_BR_EXPIRED }, { 25, MTRK_BR_BLOCKED }, { 50, MTRK_BR_BLOCKED },
        { 51, MTRK_BR_BLOCKED }, { 52, MTRK_BR_SPAM_DETECTED }, { 53, MTRK_BR_CONTENT_REJECTED },
        { 54, MTRK_BR_BLOCKED }, { 60, MTRK_BR_NOT_A_BOUNCE }, { 100, MTRK_BR_NOT_A_BOUNCE },
        { 1, MTRK_BR_UNDETERMINED },
    };
    for (size_t i = 0; i < sizeof sp / sizeof sp[0]; i++)
        assert_int_equal(mtrk_bounce_reason_sparkpost(sp[i].cls, NULL, NULL), sp[i].r);
    assert_int_equal(mtrk_bounce_reason_sparkpost(20, "452", "452 4.2.2 mailbox full"), MTRK_BR_MAILBOX_FULL);
    assert_int_equal(mtrk_bounce_reason_sparkpost(40, "550", "550 5.7.1 rejected by policy"), MTRK_BR_BLOCKED);
    /* Mailgun */
    assert_int_equal(mtrk_bounce_reason_mailgun("permanent", "bounce", 550, "5.1.1", "No such user"),
                     MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_mailgun("permanent", "suppress-bounce", 605, NULL, "Not delivering"),
                     MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_mailgun("permanent", "espblock", 0, NULL, NULL), MTRK_BR_BLOCKED);
    assert_int_equal(mtrk_bounce_reason_mailgun("temporary", "generic", 452, "4.2.2", NULL), MTRK_BR_MAILBOX_FULL);
    assert_int_equal(mtrk_bounce_reason_mailgun("temporary", "old", 0, NULL, NULL), MTRK_BR_EXPIRED);
    assert_int_equal(mtrk_bounce_reason_mailgun("permanent", "generic", 0, NULL, NULL), MTRK_BR_UNDETERMINED);
    /* Postmark */
    assert_int_equal(mtrk_bounce_reason_postmark(1, "smtp;550 5.1.1 user unknown"), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_postmark(1, "smtp;550 5.2.1 account disabled"), MTRK_BR_SUSPENDED);
    assert_int_equal(mtrk_bounce_reason_postmark(1, NULL), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_postmark(2, NULL), MTRK_BR_NETWORK_ERROR);
    assert_int_equal(mtrk_bounce_reason_postmark(64, NULL), MTRK_BR_NOT_A_BOUNCE);
    assert_int_equal(mtrk_bounce_reason_postmark(128, NULL), MTRK_BR_HAS_MOVED);
    assert_int_equal(mtrk_bounce_reason_postmark(256, NULL), MTRK_BR_HOST_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_postmark(512, NULL), MTRK_BR_SPAM_DETECTED);
    assert_int_equal(mtrk_bounce_reason_postmark(4096, "mailbox full"), MTRK_BR_MAILBOX_FULL);
    assert_int_equal(mtrk_bounce_reason_postmark(8192, NULL), MTRK_BR_CONTENT_REJECTED);
    assert_int_equal(mtrk_bounce_reason_postmark(100000, NULL), MTRK_BR_USER_UNKNOWN);
    assert_int_equal(mtrk_bounce_reason_postmark(100006, NULL), MTRK_BR_BLOCKED);
    assert_int_equal(mtrk_bounce_reason_postmark(100009, NULL), MTRK_BR_AUTH_FAILURE);
    assert_int_equal(mtrk_bounce_reason_postmark(2048, NULL), MTRK_BR_UNDETERMINED);
}

static void verp_round_trip_and_refusals(void **state)
{
    (void)state;
    mtrk_id mid, back;
    assert_int_equal(mtrk_id_from_string(&mid, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), MTRK_OK);
    char out[256];
    assert_int_equal(mtrk_bounce_verp_format(out, sizeof out, "bounces@b.example", mid), MTRK_OK);
    assert_string_equal(out, "bounces+mtrk-0190a1b2c3d47e5f8a9b0c1d2e3f4a5b@b.example");
    assert_int_equal(mtrk_bounce_verp_parse(&back, out), MTRK_OK);
    assert_memory_equal(back.bytes, mid.bytes, 16);
    assert_int_equal(mtrk_bounce_verp_parse(&back, "<BOUNCES-MTRK-0190A1B2C3D47E5F8A9B0C1D2E3F4A5B@b.example>"),
                     MTRK_OK);
    assert_memory_equal(back.bytes, mid.bytes, 16);
    assert_int_equal(mtrk_bounce_verp_parse(&back, "bounces@b.example"), MTRK_ENOTFOUND);
    assert_int_equal(mtrk_bounce_verp_parse(&back, "bounces+mtrk-0190a1b2c3d47e5f8a9b0c1d2e3f4a5g@b.example"),
                     MTRK_ENOTFOUND);
    assert_int_equal(mtrk_bounce_verp_parse(&back, "bounces+mtrk-00000000000000000000000000000000@b.example"),
                     MTRK_ENOTFOUND);
    assert_int_equal(mtrk_bounce_verp_parse(&back, NULL), MTRK_EINVAL);
    assert_int_equal(mtrk_bounce_verp_format(out, sizeof out, "no-at-sign", mid), MTRK_EINVAL);
    assert_int_equal(mtrk_bounce_verp_format(out, sizeof out, "a@b@c", mid), MTRK_EINVAL);
    mtrk_id nil = { { 0 } };
    assert_int_equal(mtrk_bounce_verp_format(out, sizeof out, "a@b", nil), MTRK_EINVAL);
    assert_int_equal(mtrk_bounce_verp_format(out, 20, "bounces@b.example", mid), MTRK_ETOOLONG);
    assert_int_equal(mtrk_bounce_verp_format(out, sizeof out, "a-local-part-of-twenty-seven@b.example", mid),
                     MTRK_ETOOLONG);
}

static const char *const DSN =
    "From: MAILER-DAEMON@mx.example\n"
    "To: bounces+mtrk-0190a1b2c3d47e5f8a9b0c1d2e3f4a5b@b.example\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"XX\"\n"
    "\n"
    "--XX\n"
    "Content-Type: text/plain\n"
    "\n"
    "The mail system\n"
    "--XX\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mx.example\n"
    "\n"
    "Final-Recipient: rfc822; ana@dest.example\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "Remote-MTA: dns; mx.dest.example\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <ana@dest.example>: Recipient address\n"
    " rejected: User unknown\n"
    "\n"
    "Final-Recipient: rfc822; bia@dest.example\n"
    "Action: delayed\n"
    "Status: 4.2.2\n"
    "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n"
    "--XX\n"
    "Content-Type: text/rfc822-headers\n"
    "\n"
    "Message-ID: <orig.1@acme.example>\n"
    "--XX--\n";

static char *with_endings(const char *lf, const char *ending)
{
    size_t n = strlen(lf), el = strlen(ending);
    char *out = malloc(n * el + 1), *o = out;
    for (const char *p = lf; *p; p++) {
        if (*p == '\n') {
            memcpy(o, ending, el);
            o += el;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

static void rfc3464_parsed_alike_in_lf_crlf_cr(void **state)
{
    (void)state;
    const char *endings[] = { "\n", "\r\n", "\r" };
    for (size_t e = 0; e < 3; e++) {
        char *text = with_endings(DSN, endings[e]);
        mtrk_bounce_report *rep = NULL;
        assert_int_equal(mtrk_bounce_parse(&rep, text, strlen(text)), MTRK_OK);
        free(text);
        assert_int_equal(mtrk_bounce_report_format(rep), MTRK_BOUNCE_FORMAT_RFC3464);
        assert_int_equal(mtrk_bounce_report_count(rep), 2);
        mtrk_bounce_recipient r = MTRK_BOUNCE_RECIPIENT_INIT;
        assert_int_equal(mtrk_bounce_report_get(&r, rep, 0), MTRK_OK);
        assert_string_equal(r.recipient, "ana@dest.example");
        assert_string_equal(r.action, "failed");
        assert_string_equal(r.status, "5.1.1");
        assert_int_equal(r.status_class, 5);
        assert_int_equal(r.status_subject, 1);
        assert_int_equal(r.status_detail, 1);
        assert_int_equal(r.smtp_code, 550);
        assert_string_equal(r.remote_mta, "mx.dest.example");
        assert_string_equal(r.diagnostic, "550 5.1.1 <ana@dest.example>: Recipient address rejected: User unknown");
        assert_int_equal(r.reason, MTRK_BR_USER_UNKNOWN);
        assert_int_equal(r.kind, MTRK_BOUNCE_HARD);
        assert_int_equal(r.mid_source, MTRK_BOUNCE_MID_VERP);
        char id[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(id, r.mid);
        assert_string_equal(id, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        assert_string_equal(r.original_message_id, "orig.1@acme.example");
        assert_int_equal(mtrk_bounce_report_get(&r, rep, 1), MTRK_OK);
        assert_string_equal(r.recipient, "bia@dest.example");
        assert_string_equal(r.action, "delayed");
        assert_int_equal(r.reason, MTRK_BR_MAILBOX_FULL);
        assert_int_equal(r.kind, MTRK_BOUNCE_SOFT);
        assert_int_equal(mtrk_bounce_report_get(&r, rep, 2), MTRK_EINVAL);
        r.version = 99;
        assert_int_equal(mtrk_bounce_report_get(&r, rep, 0), MTRK_EVERSION);
        mtrk_bounce_report_free(rep);
    }
}

static void parse_expect(const char *data, size_t len, int rc_expected, const char *msg_part)
{
    mtrk_bounce_report *rep = (mtrk_bounce_report *)1;
    int rc = mtrk_bounce_parse(&rep, data, len);
    assert_int_equal(rc, rc_expected);
    if (rc) {
        assert_null(rep);
        if (msg_part)
            assert_non_null(strstr(mtrk_last_errmsg(), msg_part));
    } else {
        mtrk_bounce_report_free(rep);
    }
}

static void bad_input_refused_or_undetermined(void **state)
{
    (void)state;
    mtrk_bounce_report *rep;
    assert_int_equal(mtrk_bounce_parse(NULL, "x", 1), MTRK_EINVAL);
    assert_int_equal(mtrk_bounce_parse(&rep, NULL, 0), MTRK_EINVAL);
    parse_expect("", 0, MTRK_EINVAL, "not a mail message");
    /* binary junk */
    unsigned char junk[4096];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (unsigned char)(x >> 16);
    }
    parse_expect((const char *)junk, sizeof junk, MTRK_EINVAL, "not a mail message");
    /* 10,000 nested multiparts are refused before the MIME parser recurses */
    size_t cap = 10000 * 80 + 256, n = 0;
    char *deep = malloc(cap);
    n += (size_t)sprintf(deep + n, "From: a@b.example\nSubject: deep\n");
    for (int i = 0; i < 10000; i++)
        n += (size_t)sprintf(deep + n, "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i);
    parse_expect(deep, n, MTRK_ETOOLONG, "MIME containers");
    free(deep);
    /* over the size limit */
    parse_expect("x", (size_t)MTRK_MAX_BOUNCE_MESSAGE + 1, MTRK_ETOOLONG, "limit");
    /* a huge header: parsed, no result, memory bounded by the input */
    size_t big = 4u << 20;
    char *huge = malloc(big + 64);
    strcpy(huge, "From: a@b.example\nSubject: ");
    size_t h = strlen(huge);
    memset(huge + h, 'x', big);
    strcpy(huge + h + big, "\n\nbody\n");
    assert_int_equal(mtrk_bounce_parse(&rep, huge, strlen(huge)), MTRK_OK);
    assert_int_equal(mtrk_bounce_report_format(rep), MTRK_BOUNCE_FORMAT_NONE);
    assert_int_equal(mtrk_bounce_report_count(rep), 0);
    mtrk_bounce_report_free(rep);
    free(huge);
    /* a report with a missing boundary: still read as text, undetermined with a note */
    const char *noboundary = "From: MAILER-DAEMON@mx.example\nSubject: Undelivered Mail Returned to Sender\n"
                             "Content-Type: multipart/report; report-type=delivery-status\n\n"
                             "--lost\nContent-Type: text/plain\n\nsomething went wrong\n";
    assert_int_equal(mtrk_bounce_parse(&rep, noboundary, strlen(noboundary)), MTRK_OK);
    assert_int_equal(mtrk_bounce_report_count(rep), 1);
    mtrk_bounce_recipient r = MTRK_BOUNCE_RECIPIENT_INIT;
    assert_int_equal(mtrk_bounce_report_get(&r, rep, 0), MTRK_OK);
    assert_int_equal(r.reason, MTRK_BR_UNDETERMINED);
    assert_string_equal(r.recipient, "");
    assert_non_null(strstr(mtrk_bounce_report_note(rep), "no recipient"));
    mtrk_bounce_report_free(rep);
    /* a wrong charset and invalid UTF-8: the diagnostic comes out valid UTF-8 */
    const char *charset = "From: MAILER-DAEMON@mx.example\nSubject: failure notice\n"
                          "Content-Type: text/plain; charset=no-such-charset\n\n"
                          "<ana@dest.example>:\nRemote host said: 550 5.1.1 Utilisateur inconnu \xe9\xff\xfe\n";
    assert_int_equal(mtrk_bounce_parse(&rep, charset, strlen(charset)), MTRK_OK);
    assert_int_equal(mtrk_bounce_report_count(rep), 1);
    assert_int_equal(mtrk_bounce_report_get(&r, rep, 0), MTRK_OK);
    assert_int_equal(r.reason, MTRK_BR_USER_UNKNOWN);
    assert_true(utf8_valid(r.diagnostic));
    mtrk_bounce_report_free(rep);
}

static void a_reply_with_an_address_line_is_no_bounce(void **state)
{
    (void)state;
    const char *reply = "From: Dora <dora@dest.example>\nTo: news@acme.example\nSubject: Re: Spring\n\n"
                        "Thanks! Write to me here:\n\ndora@dest.example\n\nDora\n";
    mtrk_bounce_report *rep;
    assert_int_equal(mtrk_bounce_parse(&rep, reply, strlen(reply)), MTRK_OK);
    assert_int_equal(mtrk_bounce_report_format(rep), MTRK_BOUNCE_FORMAT_NONE);
    assert_int_equal(mtrk_bounce_report_count(rep), 0);
    mtrk_bounce_report_free(rep);
    /* the same text from a mailer daemon is a bounce naming that recipient */
    char bounce[512];
    snprintf(bounce, sizeof bounce, "From: MAILER-DAEMON@mx.example\nSubject: failure notice\n\n%s", strstr(reply, "\n\n") + 2);
    assert_int_equal(mtrk_bounce_parse(&rep, bounce, strlen(bounce)), MTRK_OK);
    assert_int_equal(mtrk_bounce_report_format(rep), MTRK_BOUNCE_FORMAT_TEXT);
    assert_int_equal(mtrk_bounce_report_count(rep), 1);
    mtrk_bounce_report_free(rep);
}

static void recipients_capped_with_a_note(void **state)
{
    (void)state;
    size_t cap = 1200 * 120 + 512, n = 0;
    char *m = malloc(cap);
    assert_non_null(m);
    n += (size_t)snprintf(m + n, cap - n, "From: MAILER-DAEMON@mx.example\nSubject: Undelivered\n"
                          "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
                          "--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n");
    for (int i = 0; i < 1200; i++)
        n += (size_t)snprintf(m + n, cap - n, "\nFinal-Recipient: rfc822; u%d@dest.example\nAction: failed\n"
                              "Status: 5.1.1\n", i);
    n += (size_t)snprintf(m + n, cap - n, "--B--\n");
    mtrk_bounce_report *rep;
    assert_int_equal(mtrk_bounce_parse(&rep, m, n), MTRK_OK);
    free(m);
    assert_int_equal(mtrk_bounce_report_count(rep), MTRK_MAX_BOUNCE_RECIPIENTS);
    assert_string_equal(mtrk_bounce_report_note(rep), "more than 1000 recipients: the rest dropped");
    mtrk_bounce_report_free(rep);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reason_names_round_trip_and_kinds),
        cmocka_unit_test(classify_by_code_text_and_reply),
        cmocka_unit_test(provider_objects_mapped),
        cmocka_unit_test(verp_round_trip_and_refusals),
        cmocka_unit_test(rfc3464_parsed_alike_in_lf_crlf_cr),
        cmocka_unit_test(bad_input_refused_or_undetermined),
        cmocka_unit_test(a_reply_with_an_address_line_is_no_bounce),
        cmocka_unit_test(recipients_capped_with_a_note),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
