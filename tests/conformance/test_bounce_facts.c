/*
 * Bounce facts on the event path (docs/bounces.md "Bounce facts on events").
 *
 * The contract:
 *  - A bounce event without facts (a version-1 input, or version 2 with none
 *    of the facts given) is recorded as before: its bounce_kind decides, and
 *    no facts are stored.
 *  - A bounce with facts (a reason, an SMTP reply code, an enhanced status
 *    code, the provider's bounce type or subtype) is recorded under the
 *    tenant's policy for its reason, in the event's transaction: the
 *    reason's kind decides (not the input's bounce_kind); suppress makes it
 *    hard; ignore records it with no effect; a soft_limit makes the N-th
 *    consecutive soft bounce hard. An automatic suppression is audited
 *    "bounce.suppress" with the reason, the policy and what made it.
 *  - An undetermined reason with a status or code is classified.
 *  - Its facts are stored keyed by the event and listed per message in
 *    event-time order; a duplicate adds none; a campaign's facts are
 *    counted by reason.
 *  - Bad facts refuse that event alone, naming the field; nothing written.
 *  - Another tenant's message is not found.
 *  - A provider's bounce dead-lettered (its message not known yet) keeps
 *    its facts: replayed, it is recorded as it would have been at once.
 */
#include "conf_util.h"

#include <stdlib.h>

static void policy(mtrk_tenant *t, mtrk_bounce_reason reason, mtrk_bounce_action action, uint32_t soft_limit)
{
    mtrk_bounce_policy p;
    CONF_OK(mtrk_bounce_policy_init(&p, MTRK_BOUNCE_POLICY_VERSION));
    p.reason = reason;
    p.action = action;
    p.soft_limit = soft_limit;
    CONF_OK(mtrk_bounce_policy_set(t, &p));
}

static void bounce_in(mtrk_event_input *in, mtrk_id mid, mtrk_bounce_reason reason, mtrk_time at)
{
    conf_ev_init(in, MTRK_EV_BOUNCE, mid, at);
    in->bounce_kind = MTRK_BOUNCE_SOFT;
    in->bounce_reason = reason;
}

static size_t facts(mtrk_tenant *t, mtrk_id mid, mtrk_bounce_fact *out, size_t cap)
{
    mtrk_bounce_fact *p[4];
    for (size_t i = 0; i < cap && i < 4; i++) {
        CONF_OK(mtrk_bounce_fact_init(&out[i], MTRK_BOUNCE_FACT_VERSION));
        p[i] = &out[i];
    }
    size_t n = 99;
    CONF_OK(mtrk_bounce_facts_message(p, cap, &n, t, mid));
    return n;
}

static char *last_detail(mtrk_tenant *t, const char *action)
{
    mtrk_audit_iter *it;
    const mtrk_audit_entry *e;
    char *d = NULL;
    CONF_OK(mtrk_audit_iter_new(&it, t));
    while (mtrk_audit_iter_next(&e, it) == MTRK_OK)
        if (strcmp(mtrk_audit_action(e), action) == 0) {
            free(d);
            d = strdup(mtrk_audit_detail(e));
        }
    mtrk_audit_iter_free(it);
    assert_non_null(d);
    return d;
}

static void test_bounce_without_facts_keeps_the_kind_rule(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    conf_scn_build(&a, fx->t, "a", 2, 0, 1);
    /* A policy that would suppress mailbox_full does not touch a bounce without facts. */
    policy(fx->t, MTRK_BR_UNDETERMINED, MTRK_BOUNCE_ACTION_SUPPRESS, 0);
    CONF_OK(conf_bounce(NULL, fx->t, a.mids[0], MTRK_BOUNCE_SOFT, 0));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[0]), MTRK_CONTACT_ACTIVE);
    mtrk_bounce_fact f[1];
    assert_int_equal(facts(fx->t, a.mids[0], f, 1), 0);
    /* A hard one still suppresses, with no facts either. */
    CONF_OK(conf_bounce(NULL, fx->t, a.mids[1], MTRK_BOUNCE_HARD, 0));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[1]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(facts(fx->t, a.mids[1], f, 1), 0);
    conf_scn_free(&a);
}

static void test_facts_stored_and_policy_suppresses(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    conf_scn_build(&a, fx->t, "a", 2, 0, 1);
    /* Default policy: mailbox_full is soft even though the input says hard. */
    mtrk_event_input in;
    bounce_in(&in, a.mids[0], MTRK_BR_MAILBOX_FULL, conf_clock_now());
    in.bounce_kind = MTRK_BOUNCE_HARD;
    in.smtp_code = 552;
    in.bounce_status = "5.2.2";
    in.diagnostic = "552 5.2.2 mailbox over quota";
    in.provider = "ses";
    in.provider_event_id = "n-1";
    in.bounce_type = "Transient";
    in.bounce_subtype = "MailboxFull";
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    CONF_OK(mtrk_event_record(&o, fx->t, &in));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[0]), MTRK_CONTACT_ACTIVE);
    mtrk_bounce_fact f[2];
    assert_int_equal(facts(fx->t, a.mids[0], f, 2), 1);
    assert_int_equal(mtrk_id_compare(f[0].event, o.event_id), 0);
    assert_int_equal(mtrk_id_compare(f[0].mid, a.mids[0]), 0);
    assert_int_equal(mtrk_id_compare(f[0].campaign, a.campaign), 0);
    assert_int_equal(f[0].reason, MTRK_BR_MAILBOX_FULL);
    assert_int_equal(f[0].given_kind, MTRK_BOUNCE_HARD);
    assert_int_equal(f[0].kind, MTRK_BOUNCE_SOFT);
    assert_int_equal(f[0].action, MTRK_BOUNCE_ACTION_DEFAULT);
    assert_int_equal(f[0].hard_by, MTRK_BOUNCE_HARD_BY_NONE);
    assert_int_equal(f[0].smtp_code, 552);
    assert_string_equal(f[0].status, "5.2.2");
    assert_string_equal(f[0].bounce_type, "Transient");
    assert_string_equal(f[0].bounce_subtype, "MailboxFull");
    assert_string_equal(f[0].provider, "ses");
    assert_string_equal(f[0].diagnostic, "552 5.2.2 mailbox over quota");
    assert_int_equal(f[0].occurred_at, conf_clock_now());
    /* The same event again: a duplicate, no second fact. */
    CONF_OK(mtrk_event_record(&o, fx->t, &in));
    assert_int_equal(o.duplicate, 1);
    assert_int_equal(facts(fx->t, a.mids[0], f, 2), 1);
    /* suppress: the same reason now suppresses at once, audited with the bounce. */
    policy(fx->t, MTRK_BR_MAILBOX_FULL, MTRK_BOUNCE_ACTION_SUPPRESS, 0);
    bounce_in(&in, a.mids[1], MTRK_BR_MAILBOX_FULL, 0);
    CONF_OK(mtrk_event_record(&o, fx->t, &in));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[1]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(conf_suppressed(fx->t, "a1@example.com"), MTRK_SUPPRESS_ADDRESS);
    assert_int_equal(conf_msg(fx->t, a.mids[1]).state, MTRK_MSG_BOUNCED);
    assert_int_equal(facts(fx->t, a.mids[1], f, 1), 1);
    assert_int_equal(f[0].kind, MTRK_BOUNCE_HARD);
    assert_int_equal(f[0].hard_by, MTRK_BOUNCE_HARD_BY_POLICY);
    assert_int_equal(f[0].action, MTRK_BOUNCE_ACTION_SUPPRESS);
    assert_int_equal(conf_count_audit(fx->t, "bounce.suppress", a.mids[1]), 1);
    char *d = last_detail(fx->t, "bounce.suppress");
    assert_non_null(strstr(d, "\"reason\":\"mailbox_full\""));
    assert_non_null(strstr(d, "\"by\":\"policy\""));
    char evs[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(evs, o.event_id);
    assert_non_null(strstr(d, evs));
    free(d);
    conf_scn_free(&a);
}

static void test_ignore_records_without_effect(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    conf_scn_build(&a, fx->t, "a", 2, 0, 1);
    policy(fx->t, MTRK_BR_USER_UNKNOWN, MTRK_BOUNCE_ACTION_IGNORE, 0);
    mtrk_event_input in;
    bounce_in(&in, a.mids[0], MTRK_BR_USER_UNKNOWN, 0);
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    CONF_OK(mtrk_event_record(&o, fx->t, &in));
    assert_int_equal(conf_count_message_events(fx->t, a.mids[0]), 2); /* sent and the bounce */
    assert_int_equal(conf_contact_status(fx->t, a.contacts[0]), MTRK_CONTACT_ACTIVE);
    assert_int_equal(conf_suppressed(fx->t, "a0@example.com"), 0);
    assert_int_equal(conf_event_effects(fx->t, a.mids[0], o.event_id), 0);
    mtrk_metrics m = conf_metrics(fx->t, a.campaign);
    assert_int_equal(m.bounced_hard, 0);
    assert_int_equal(m.bounced_soft, 0);
    mtrk_bounce_fact f[1];
    assert_int_equal(facts(fx->t, a.mids[0], f, 1), 1);
    assert_int_equal(f[0].kind, MTRK_BOUNCE_NONE);
    assert_int_equal(f[0].action, MTRK_BOUNCE_ACTION_IGNORE);
    /* not_a_bounce (an auto-reply a provider reports) has no effect either. */
    bounce_in(&in, a.mids[1], MTRK_BR_NOT_A_BOUNCE, 0);
    CONF_OK(mtrk_event_record(&o, fx->t, &in));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[1]), MTRK_CONTACT_ACTIVE);
    assert_int_equal(facts(fx->t, a.mids[1], f, 1), 1);
    assert_int_equal(f[0].kind, MTRK_BOUNCE_NONE);
    conf_scn_free(&a);
}

static void test_classified_and_soft_limit_in_a_batch(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    conf_scn_build(&a, fx->t, "a", 2, 0, 1);
    policy(fx->t, MTRK_BR_ON_HOLD, MTRK_BOUNCE_ACTION_DEFAULT, 2);
    mtrk_event_input in[4];
    mtrk_event_outcome out[4];
    const mtrk_event_input *ip[4];
    mtrk_event_outcome *op[4];
    for (int i = 0; i < 4; i++) {
        out[i] = (mtrk_event_outcome)MTRK_EVENT_OUTCOME_INIT;
        ip[i] = &in[i];
        op[i] = &out[i];
    }
    mtrk_time now = conf_clock_now();
    bounce_in(&in[0], a.mids[0], MTRK_BR_ON_HOLD, now + 1000);
    bounce_in(&in[1], a.mids[0], MTRK_BR_ON_HOLD, now + 2000);
    /* undetermined with a status: classified (5.1.1 is user_unknown, hard). */
    bounce_in(&in[2], a.mids[1], MTRK_BR_UNDETERMINED, now + 1000);
    in[2].bounce_status = "5.1.1";
    in[2].smtp_code = 550;
    /* bad facts: refused alone, naming the field */
    bounce_in(&in[3], a.mids[1], MTRK_BR_MAILBOX_FULL, now + 3000);
    in[3].bounce_status = "over quota";
    size_t rec = 0;
    CONF_OK(mtrk_event_record_batch(&rec, op, fx->t, ip, 4));
    assert_int_equal(rec, 3);
    assert_int_equal(out[3].status, MTRK_EINVAL);
    assert_string_equal(out[3].argument, "bounce_status");
    assert_non_null(strstr(out[3].message, "bounce_status"));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[0]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(conf_count_audit(fx->t, "bounce.suppress", a.mids[0]), 1);
    mtrk_bounce_fact f[3];
    assert_int_equal(facts(fx->t, a.mids[0], f, 3), 2);
    assert_int_equal(f[0].kind, MTRK_BOUNCE_SOFT);
    assert_int_equal(f[1].kind, MTRK_BOUNCE_HARD);
    assert_int_equal(f[1].hard_by, MTRK_BOUNCE_HARD_BY_POLICY);
    assert_true(f[0].occurred_at < f[1].occurred_at);
    assert_int_equal(facts(fx->t, a.mids[1], f, 3), 1);
    assert_int_equal(f[0].reason, MTRK_BR_USER_UNKNOWN);
    assert_int_equal(f[0].hard_by, MTRK_BOUNCE_HARD_BY_KIND);
    assert_int_equal(conf_contact_status(fx->t, a.contacts[1]), MTRK_CONTACT_BOUNCED);
    /* Counted by reason for the campaign. */
    uint64_t counts[MTRK_BOUNCE_REASON_COUNT];
    CONF_OK(mtrk_bounce_reason_counts(counts, MTRK_BOUNCE_REASON_COUNT, fx->t, a.campaign));
    assert_int_equal(counts[MTRK_BR_ON_HOLD], 2);
    assert_int_equal(counts[MTRK_BR_USER_UNKNOWN], 1);
    assert_int_equal(counts[MTRK_BR_MAILBOX_FULL], 0);
    /* A caller with fewer slots gets those. */
    uint64_t two[2] = { 7, 7 };
    CONF_OK(mtrk_bounce_reason_counts(two, 2, fx->t, a.campaign));
    assert_int_equal(two[MTRK_BR_USER_UNKNOWN], 1);
    assert_int_equal(two[0], 0);
    CONF_EXPECT(MTRK_EINVAL, mtrk_bounce_reason_counts(counts, 0, fx->t, a.campaign));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_bounce_reason_counts(counts, MTRK_BOUNCE_REASON_COUNT, fx->t2, a.campaign));
    conf_scn_free(&a);
}

static void test_bad_facts_refused_and_other_tenant(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    conf_scn_build(&a, fx->t, "a", 1, 0, 1);
    mtrk_event_input in;
    bounce_in(&in, a.mids[0], (mtrk_bounce_reason)99, 0);
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_record(NULL, fx->t, &in));
    bounce_in(&in, a.mids[0], MTRK_BR_BLOCKED, 0);
    in.smtp_code = 1000;
    CONF_EXPECT(MTRK_EINVAL, mtrk_event_record(NULL, fx->t, &in));
    bounce_in(&in, a.mids[0], MTRK_BR_BLOCKED, 0);
    char *long_type = conf_str(MTRK_MAX_PROVIDER + 1, 'x');
    in.bounce_type = long_type;
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_event_record(NULL, fx->t, &in));
    free(long_type);
    assert_int_equal(conf_count_message_events(fx->t, a.mids[0]), 1); /* the sent event alone */
    mtrk_bounce_fact f[1];
    assert_int_equal(facts(fx->t, a.mids[0], f, 1), 0);
    /* another tenant's message */
    bounce_in(&in, a.mids[0], MTRK_BR_BLOCKED, 0);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_event_record(NULL, fx->t2, &in));
    size_t n = 0;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_bounce_facts_message(NULL, 0, &n, fx->t2, a.mids[0]));
    CONF_EXPECT(MTRK_EINVAL, mtrk_bounce_facts_message(NULL, 1, &n, fx->t, a.mids[0]));
    conf_scn_free(&a);
}

/* An unsigned SendGrid request with this body, taken (the tenant accepts
 * unsigned SendGrid requests from then on). */
static mtrk_webhook_result *sendgrid_unsigned(mtrk_tenant *t, const char *body)
{
    mtrk_webhook_settings ws;
    CONF_OK(mtrk_webhook_settings_init(&ws, MTRK_WEBHOOK_SETTINGS_VERSION));
    ws.allow_unsigned = 1;
    CONF_OK(mtrk_webhook_settings_set(t, "sendgrid", &ws));
    mtrk_webhook_request rq;
    CONF_OK(mtrk_webhook_request_init(&rq, MTRK_WEBHOOK_REQUEST_VERSION));
    rq.provider = "sendgrid";
    rq.body = body;
    rq.len = strlen(body);
    mtrk_webhook_result *r = NULL;
    CONF_OK(mtrk_webhook_ingest(&r, t, &rq));
    return r;
}

/* A SendGrid bounce object through the webhook: its facts are kept, the
 * taxonomy decides hard or soft and the tenant's policy applies. */
static void test_webhook_bounces_carry_facts_and_policy(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    conf_scn_build(&a, fx->t, "a", 2, 0, 1);
    policy(fx->t, MTRK_BR_BLOCKED, MTRK_BOUNCE_ACTION_IGNORE, 0);
    char m0[MTRK_ID_STRLEN + 1], m1[MTRK_ID_STRLEN + 1], body[1200];
    mtrk_id_to_string(m0, a.mids[0]);
    mtrk_id_to_string(m1, a.mids[1]);
    snprintf(body, sizeof body,
             "[{\"email\":\"a0@example.com\",\"timestamp\":1767225600,\"event\":\"bounce\",\"type\":\"bounce\","
             "\"sg_event_id\":\"b1\",\"mtrk_mid\":\"%s\",\"bounce_classification\":\"Invalid Address\","
             "\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 The email account does not exist\"},"
             "{\"email\":\"a1@example.com\",\"timestamp\":1767225600,\"event\":\"bounce\",\"type\":\"blocked\","
             "\"sg_event_id\":\"b2\",\"mtrk_mid\":\"%s\",\"bounce_classification\":\"Reputation\","
             "\"status\":\"5.7.1\",\"reason\":\"550 5.7.1 blocked using zen.spamhaus.org\"}]",
             m0, m1);
    mtrk_webhook_result *r = sendgrid_unsigned(fx->t, body);
    assert_int_equal(r->recorded, 2);
    mtrk_webhook_result_free(r);
    mtrk_bounce_fact f[1];
    assert_int_equal(facts(fx->t, a.mids[0], f, 1), 1);
    assert_int_equal(f[0].reason, MTRK_BR_USER_UNKNOWN);
    assert_int_equal(f[0].kind, MTRK_BOUNCE_HARD);
    assert_int_equal(f[0].smtp_code, 550);
    assert_string_equal(f[0].status, "5.1.1");
    assert_string_equal(f[0].bounce_type, "bounce");
    assert_string_equal(f[0].bounce_subtype, "Invalid Address");
    assert_string_equal(f[0].provider, "sendgrid");
    assert_int_equal(conf_contact_status(fx->t, a.contacts[0]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(facts(fx->t, a.mids[1], f, 1), 1);
    assert_int_equal(f[0].reason, MTRK_BR_BLOCKED);
    assert_int_equal(f[0].kind, MTRK_BOUNCE_NONE);
    assert_int_equal(f[0].action, MTRK_BOUNCE_ACTION_IGNORE);
    assert_string_equal(f[0].bounce_type, "blocked");
    assert_int_equal(conf_contact_status(fx->t, a.contacts[1]), MTRK_CONTACT_ACTIVE);
    conf_scn_free(&a);
}

/* A bounce whose message is not known yet is dead-lettered with its facts;
 * replayed once the provider's message id is recorded, it is recorded as
 * the same bounce recorded at once: the same facts, the same policy. */
static void test_dead_lettered_bounce_keeps_its_facts(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    conf_scn_build(&a, fx->t, "dl", 2, 0, 1);
    policy(fx->t, MTRK_BR_BLOCKED, MTRK_BOUNCE_ACTION_SUPPRESS, 0);
    /* The same bounce object twice: to message 1 by its echoed mid, to
     * message 0 by a SendGrid message id not recorded yet. */
    char m1[MTRK_ID_STRLEN + 1], body[1500];
    mtrk_id_to_string(m1, a.mids[1]);
#define DL_BOUNCE "\"timestamp\":1767225600,\"event\":\"bounce\",\"type\":\"blocked\"," \
                  "\"bounce_classification\":\"Reputation\",\"status\":\"5.7.1\"," \
                  "\"reason\":\"554 message refused\""
    snprintf(body, sizeof body,
             "[{\"email\":\"dl1@example.com\",\"sg_event_id\":\"dl-b1\",\"mtrk_mid\":\"%s\"," DL_BOUNCE "},"
             "{\"email\":\"dl0@example.com\",\"sg_event_id\":\"dl-b0\","
             "\"sg_message_id\":\"XDLF0.filterdrecv-5645d9c87f-6r8wq-1-5F1F1B1C-2.0\"," DL_BOUNCE "}]",
             m1);
#undef DL_BOUNCE
    mtrk_webhook_result *r = sendgrid_unsigned(fx->t, body);
    assert_int_equal(r->recorded, 1);
    assert_int_equal(r->dead_lettered, 1);
    mtrk_webhook_result_free(r);
    mtrk_bounce_fact f0[1], f1[1];
    assert_int_equal(facts(fx->t, a.mids[0], f0, 1), 0);
    assert_int_equal(conf_suppressed(fx->t, "dl0@example.com"), 0);

    CONF_OK(mtrk_message_provider_id_set(fx->t, a.mids[0], "sendgrid", "XDLF0"));
    size_t rec = 0, left = 9;
    CONF_OK(mtrk_deadletter_replay(&rec, &left, fx->t, "sendgrid"));
    assert_int_equal(rec, 1);
    assert_int_equal(left, 0);

    assert_int_equal(facts(fx->t, a.mids[1], f1, 1), 1);
    assert_int_equal(f1[0].reason, MTRK_BR_BLOCKED);
    assert_int_equal(f1[0].kind, MTRK_BOUNCE_HARD);
    assert_int_equal(f1[0].action, MTRK_BOUNCE_ACTION_SUPPRESS);
    assert_int_equal(f1[0].smtp_code, 554);
    assert_int_equal(facts(fx->t, a.mids[0], f0, 1), 1);
    assert_int_equal(f0[0].reason, f1[0].reason);
    assert_int_equal(f0[0].given_kind, f1[0].given_kind);
    assert_int_equal(f0[0].kind, f1[0].kind);
    assert_int_equal(f0[0].action, f1[0].action);
    assert_int_equal(f0[0].hard_by, f1[0].hard_by);
    assert_int_equal(f0[0].smtp_code, f1[0].smtp_code);
    assert_int_equal(f0[0].occurred_at, f1[0].occurred_at);
    assert_string_equal(f0[0].status, "5.7.1");
    assert_string_equal(f0[0].bounce_type, "blocked");
    assert_string_equal(f0[0].bounce_subtype, "Reputation");
    assert_string_equal(f0[0].provider, "sendgrid");
    assert_string_equal(f0[0].diagnostic, f1[0].diagnostic);
    /* The policy's effect: suppressed at once, audited with the bounce. */
    assert_int_equal(conf_suppressed(fx->t, "dl0@example.com"), MTRK_SUPPRESS_ADDRESS);
    assert_int_equal(conf_suppressed(fx->t, "dl1@example.com"), MTRK_SUPPRESS_ADDRESS);
    assert_int_equal(conf_contact_status(fx->t, a.contacts[0]), conf_contact_status(fx->t, a.contacts[1]));
    assert_int_equal(conf_count_audit(fx->t, "bounce.suppress", a.mids[0]), 1);
    assert_int_equal(conf_count_audit(fx->t, "bounce.suppress", a.mids[1]), 1);
    conf_scn_free(&a);
}

static void tracking_on(mtrk_tenant *t)
{
    mtrk_tenant_settings st;
    CONF_OK(mtrk_tenant_settings_init(&st, MTRK_TENANT_SETTINGS_VERSION));
    CONF_OK(mtrk_tenant_settings_get(&st, t));
    st.tracking_base_url = "https://t.example.com";
    CONF_OK(mtrk_tenant_settings_set(t, &st));
}

/* A Postfix-style plain-text bounce sent to `to`. */
static mtrk_bounce_report *dsn_to(const char *to)
{
    char msg[1024];
    snprintf(msg, sizeof msg,
             "From: MAILER-DAEMON@mx.dest.example (Mail Delivery System)\r\n"
             "To: %s\r\nSubject: Undelivered Mail Returned to Sender\r\n"
             "Content-Type: text/plain\r\n\r\n"
             "I'm sorry to have to inform you that your message could not\r\nbe delivered to one or more recipients.\r\n\r\n"
             "<a0@example.com>: host mx.dest.example[192.0.2.7] said: 550 5.1.1\r\n"
             "    <a0@example.com>: Recipient address rejected: User unknown\r\n",
             to);
    mtrk_bounce_report *r = NULL;
    CONF_OK(mtrk_bounce_parse(&r, msg, strlen(msg)));
    assert_true(mtrk_bounce_report_count(r) >= 1);
    return r;
}

/* render -> the signed VERP return path -> a DSN to it -> mtrk_bounce_record
 * finds the message; a forged or retired signature records nothing. */
static void test_verp_round_trip(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    conf_scn_build(&a, fx->t, "a", 3, 0, 1);
    tracking_on(fx->t);
    mtrk_render_options ro;
    CONF_OK(mtrk_render_options_init(&ro, MTRK_RENDER_OPTIONS_VERSION));
    ro.return_path = "bounces@b.acme.example";
    mtrk_rendered out = MTRK_RENDERED_INIT;
    CONF_OK(mtrk_message_render_with(&out, fx->t, a.mids[0], &ro));
    assert_non_null(out.html != NULL || out.text != NULL ? out.return_path : NULL);
    char midhex[33];
    for (int i = 0; i < 16; i++)
        snprintf(midhex + 2 * i, 3, "%02x", a.mids[0].bytes[i]);
    char want_tail[64];
    snprintf(want_tail, sizeof want_tail, "-mtrk-%s@b.acme.example", midhex);
    assert_int_equal(strncmp(out.return_path, "bounces+", 8), 0);
    assert_string_equal(out.return_path + strlen(out.return_path) - strlen(want_tail), want_tail);
    assert_int_equal(strlen(out.return_path), strlen("bounces@b.acme.example") + 49);
    char mid_text[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(mid_text, a.mids[0]);
    assert_string_equal(out.mid_header, mid_text);
    mtrk_id got;
    CONF_OK(mtrk_bounce_verp_verify(&got, fx->t, out.return_path));
    CONF_ID_EQ(got, a.mids[0]);
    CONF_EXPECT(MTRK_ESIGNATURE, mtrk_bounce_verp_verify(&got, fx->t2, out.return_path)); /* another tenant's keys */

    mtrk_bounce_report *rep = dsn_to(out.return_path);
    mtrk_bounce_recipient r = MTRK_BOUNCE_RECIPIENT_INIT;
    CONF_OK(mtrk_bounce_report_get(&r, rep, 0));
    assert_int_equal(r.mid_source, MTRK_BOUNCE_MID_VERP);
    CONF_ID_EQ(r.mid, a.mids[0]);
    assert_string_equal(r.verp, out.return_path);
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    CONF_OK(mtrk_bounce_record(&o, NULL, fx->t, &r, 0, "dsn", "verp-1"));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[0]), MTRK_CONTACT_BOUNCED);
    mtrk_bounce_fact f[1];
    assert_int_equal(facts(fx->t, a.mids[0], f, 1), 1);
    assert_int_equal(f[0].reason, MTRK_BR_USER_UNKNOWN);
    mtrk_bounce_report_free(rep);

    /* A forged signature for another message: refused, nothing recorded. */
    char forged[256];
    snprintf(forged, sizeof forged, "%s", out.return_path);
    char *sig = forged + strlen("bounces+");
    sig[0] = sig[0] == '0' ? '1' : '0';
    char hex1[33];
    for (int i = 0; i < 16; i++)
        snprintf(hex1 + 2 * i, 3, "%02x", a.mids[1].bytes[i]);
    memcpy(strstr(forged, "-mtrk-") + 6, hex1, 32);
    CONF_EXPECT(MTRK_ESIGNATURE, mtrk_bounce_verp_verify(&got, fx->t, forged));
    rep = dsn_to(forged);
    CONF_OK(mtrk_bounce_report_get(&r, rep, 0));
    CONF_ID_EQ(r.mid, a.mids[1]);
    CONF_EXPECT(MTRK_ESIGNATURE, mtrk_bounce_record(NULL, NULL, fx->t, &r, 0, "dsn", "verp-2"));
    CONF_ERRMSG_HAS("signature");
    assert_int_equal(conf_contact_status(fx->t, a.contacts[1]), MTRK_CONTACT_ACTIVE);
    assert_int_equal(conf_count_message_events(fx->t, a.mids[1]), 1);
    mtrk_bounce_report_free(rep);
    /* An unsigned tag (mtrk_bounce_verp_format's) is still read. */
    char plain[256];
    CONF_OK(mtrk_bounce_verp_format(plain, sizeof plain, "bounces@b.acme.example", a.mids[1]));
    CONF_EXPECT(MTRK_ESIGNATURE, mtrk_bounce_verp_verify(&got, fx->t, plain));
    rep = dsn_to(plain);
    CONF_OK(mtrk_bounce_report_get(&r, rep, 0));
    CONF_OK(mtrk_bounce_record(NULL, NULL, fx->t, &r, 0, "dsn", "verp-3"));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[1]), MTRK_CONTACT_BOUNCED);
    mtrk_bounce_report_free(rep);

    /* After the key that signed it is retired, its tags no longer verify. */
    mtrk_rendered_clear(&out);
    CONF_OK(mtrk_message_render_with(&out, fx->t, a.mids[2], &ro));
    uint32_t kid = 0;
    mtrk_key_info ki = MTRK_KEY_INFO_INIT, *kp = &ki;
    size_t nk = 0;
    CONF_OK(mtrk_tenant_signing_keys(&kp, 1, &nk, fx->t));
    CONF_OK(mtrk_tenant_rotate_key(&kid, fx->t));
    CONF_OK(mtrk_bounce_verp_verify(&got, fx->t, out.return_path)); /* the older key still verifies */
    CONF_OK(mtrk_tenant_retire_key(fx->t, ki.key_id));
    CONF_EXPECT(MTRK_ESIGNATURE, mtrk_bounce_verp_verify(&got, fx->t, out.return_path));
    mtrk_rendered_clear(&out);

    /* Bad options. */
    ro.return_path = "sixteen-octets-x@b.example";
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_message_render_with(&out, fx->t, a.mids[0], &ro));
    assert_null(out.html);
    ro.return_path = "no-at-sign";
    CONF_EXPECT(MTRK_EINVAL, mtrk_message_render_with(&out, fx->t, a.mids[0], &ro));
    ro.return_path = NULL;
    ro.provider = "pigeon";
    CONF_EXPECT(MTRK_EINVAL, mtrk_message_render_with(&out, fx->t, a.mids[0], &ro));
    CONF_ERRMSG_HAS("pigeon");
    conf_scn_free(&a);
}

/* Each provider's attachment names the message; the header form too. */
static void test_provider_attachments(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    conf_scn_build(&a, fx->t, "a", 1, 0, 0);
    tracking_on(fx->t);
    static const char *const names[] = { "sendgrid", "ses", "mailgun", "postmark", "sparkpost", "brevo",
                                         "mailjet", "resend", "mandrill", "mailersend", "postal" };
    char mid_text[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(mid_text, a.mids[0]);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        mtrk_render_options ro = MTRK_RENDER_OPTIONS_INIT;
        ro.provider = names[i];
        mtrk_rendered out = MTRK_RENDERED_INIT;
        CONF_OK(mtrk_message_render_with(&out, fx->t, a.mids[0], &ro));
        assert_non_null(out.provider_json);
        assert_non_null(strstr(out.provider_json, mid_text));
        assert_null(out.return_path);
        if (out.provider_header)
            assert_non_null(strstr(out.provider_header, mid_text));
        mtrk_rendered_clear(&out);
        assert_null(out.provider_json);
    }
    mtrk_render_options ro = MTRK_RENDER_OPTIONS_INIT;
    ro.provider = "sendgrid";
    mtrk_rendered out = MTRK_RENDERED_INIT;
    CONF_OK(mtrk_message_render_with(&out, fx->t, a.mids[0], &ro));
    char want[128];
    snprintf(want, sizeof want, "{\"custom_args\":{\"mtrk_mid\":\"%s\"}}", mid_text);
    assert_string_equal(out.provider_json, want);
    mtrk_rendered_clear(&out);
    conf_scn_free(&a);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_bounce_without_facts_keeps_the_kind_rule),
    CONF_TEST(test_facts_stored_and_policy_suppresses),
    CONF_TEST(test_ignore_records_without_effect),
    CONF_TEST(test_classified_and_soft_limit_in_a_batch),
    CONF_TEST(test_bad_facts_refused_and_other_tenant),
    CONF_TEST(test_webhook_bounces_carry_facts_and_policy),
    CONF_TEST(test_dead_lettered_bounce_keeps_its_facts),
    CONF_TEST(test_verp_round_trip),
    CONF_TEST(test_provider_attachments),
};
CONF_GROUP(conf_group_bounce_facts, "bounce_facts", tests);
