/*
 * Reputation guards and bounce policies (docs/bounces.md).
 *
 * The contract:
 *  - A tenant's guard settings have defaults from the providers' published
 *    limits; changing them is audited; bad values are refused naming the field.
 *  - The complaint rate (complaints / delivered, or / sent without
 *    deliveries) and the bounce rate (bounces / sent) of the tenant and of
 *    each sending domain are read from the hourly rollups of the window.
 *  - Below min_sent a scope is never judged. Reaching a warning threshold is
 *    audited; reaching a pause threshold pauses the scope's sending
 *    campaigns and stops claims, audited with the figures; a claim on a
 *    paused scope is refused (MTRK_ESTATE). A domain's pause leaves other
 *    domains sending.
 *  - Only an explicit resume lifts a pause: audited, the campaigns the pause
 *    stopped go back to sending, and the figures count again from the next
 *    whole hour.
 *  - A bounce policy per reason: set and read back, audited; suppress at once
 *    records a soft reason as hard (audited), ignore records nothing, a
 *    soft_limit makes the N-th consecutive soft bounce hard.
 *  - Opt-in expiry removes automatic bounce suppressions after the period,
 *    audited, and reactivates the contact; a person's suppression stays.
 */
#include "conf_util.h"

#include <stdlib.h>

static const mtrk_id NIL = { { 0 } };

static void settings(mtrk_tenant *t, uint64_t min_sent, double cw, double cp, double bw, double bp)
{
    mtrk_reputation_settings s;
    CONF_OK(mtrk_reputation_settings_init(&s, MTRK_REPUTATION_SETTINGS_VERSION));
    s.min_sent = min_sent;
    s.complaint_warn = cw;
    s.complaint_pause = cp;
    s.bounce_warn = bw;
    s.bounce_pause = bp;
    CONF_OK(mtrk_reputation_settings_set(t, &s));
}

/* A sending campaign from `from` with n contacts; sent when `send`. */
static void scn_from(conf_scn *s, mtrk_tenant *t, const char *prefix, const char *from, size_t n, int send)
{
    char addr[128];
    memset(s, 0, sizeof *s);
    s->n = n;
    s->contacts = calloc(n, sizeof *s->contacts);
    s->mids = calloc(n, sizeof *s->mids);
    assert_non_null(s->contacts);
    assert_non_null(s->mids);
    mtrk_campaign_spec spec;
    conf_spec(&spec);
    spec.from_address = from;
    snprintf(addr, sizeof addr, "%s campaign", prefix);
    spec.name = addr;
    CONF_OK(mtrk_campaign_create(&s->campaign, t, &spec));
    s->audience = conf_audience_new(t, prefix);
    for (size_t i = 0; i < n; i++) {
        snprintf(addr, sizeof addr, "%s%zu@example.net", prefix, i);
        s->contacts[i] = conf_contact_new(t, addr);
    }
    CONF_OK(mtrk_audience_add_batch(NULL, t, s->audience, s->contacts, n));
    conf_attach(t, s->campaign, s->audience);
    conf_campaign_to(t, s->campaign, MTRK_CAMPAIGN_SENDING);
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    CONF_OK(mtrk_campaign_generate(&r, t, s->campaign));
    for (size_t i = 0; i < n; i++)
        s->mids[i] = conf_msg_of(t, s->campaign, s->contacts[i]).mid;
    if (send) {
        mtrk_id *claimed = calloc(n, sizeof *claimed);
        size_t got = 0;
        assert_non_null(claimed);
        CONF_OK(mtrk_queue_claim(claimed, &got, NULL, t, s->campaign, n, CONF_HOUR));
        assert_int_equal(got, n);
        for (size_t i = 0; i < n; i++)
            CONF_OK(mtrk_queue_mark_sent(t, s->mids[i], conf_clock_now(), NULL, NULL));
        free(claimed);
    }
}

static mtrk_reputation rep_of(mtrk_tenant *t, const char *domain)
{
    mtrk_reputation r;
    CONF_OK(mtrk_reputation_init(&r, MTRK_REPUTATION_VERSION));
    CONF_OK(mtrk_reputation_get(&r, t, domain));
    return r;
}

/* The detail of the last audit entry with `action` (a copy), or NULL. */
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
    return d;
}

static void assert_has(const char *hay, const char *needle)
{
    if (hay == NULL || strstr(hay, needle) == NULL)
        fail_msg("\"%s\" does not contain \"%s\"", hay ? hay : "(null)", needle);
}

static int claim(mtrk_tenant *t, mtrk_id campaign, size_t *got)
{
    mtrk_id mids[64];
    return mtrk_queue_claim(mids, got, NULL, t, campaign, 64, CONF_HOUR);
}

static void test_settings_defaults_set_audited(void **state)
{
    conf_fixture *fx = *state;
    mtrk_reputation_settings s;
    CONF_OK(mtrk_reputation_settings_init(&s, MTRK_REPUTATION_SETTINGS_VERSION));
    CONF_OK(mtrk_reputation_settings_get(&s, fx->t));
    assert_int_equal(s.window_ms, INT64_C(86400000));
    assert_true(s.complaint_warn > 0.00099 && s.complaint_warn < 0.00101);
    assert_true(s.complaint_pause > 0.00299 && s.complaint_pause < 0.00301);
    assert_true(s.bounce_warn > 0.0499 && s.bounce_warn < 0.0501);
    assert_true(s.bounce_pause > 0.0999 && s.bounce_pause < 0.1001);
    s.window_ms = 2 * CONF_HOUR;
    s.complaint_pause = 0.005;
    CONF_OK(mtrk_reputation_settings_set(fx->t, &s));
    mtrk_reputation_settings g;
    CONF_OK(mtrk_reputation_settings_init(&g, MTRK_REPUTATION_SETTINGS_VERSION));
    CONF_OK(mtrk_reputation_settings_get(&g, fx->t));
    assert_int_equal(g.window_ms, 2 * CONF_HOUR);
    assert_true(g.complaint_pause > 0.00499 && g.complaint_pause < 0.00501);
    assert_int_equal(conf_count_audit(fx->t, "reputation.settings", NIL), 1);
    /* the other tenant keeps the defaults */
    CONF_OK(mtrk_reputation_settings_get(&g, fx->t2));
    assert_int_equal(g.window_ms, INT64_C(86400000));
    /* bad values: refused, nothing written */
    s.window_ms = 1000;
    CONF_EXPECT(MTRK_EINVAL, mtrk_reputation_settings_set(fx->t, &s));
    CONF_ERRMSG_HAS("window_ms");
    s.window_ms = CONF_HOUR;
    s.complaint_warn = 0.01;
    s.complaint_pause = 0.005;
    CONF_EXPECT(MTRK_EINVAL, mtrk_reputation_settings_set(fx->t, &s));
    CONF_ERRMSG_HAS("complaint_warn");
    s.complaint_warn = 0.001;
    s.bounce_pause = 1.5;
    CONF_EXPECT(MTRK_EINVAL, mtrk_reputation_settings_set(fx->t, &s));
    CONF_ERRMSG_HAS("bounce_pause");
    assert_int_equal(conf_count_audit(fx->t, "reputation.settings", NIL), 1);
}

/* Complaints over the pause threshold: the claim pauses the tenant, its
 * sending campaigns stop, claims are refused; an explicit resume restarts them. */
static void test_complaints_pause_claims_until_resume(void **state)
{
    conf_fixture *fx = *state;
    settings(fx->t, 10, 0.001, 0.003, 0.05, 0.10);
    conf_scn a, b;
    scn_from(&a, fx->t, "a", "news@a.example", 20, 1);
    scn_from(&b, fx->t, "b", "news@a.example", 5, 0);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_COMPLAINT, a.mids[0], conf_clock_now()));
    mtrk_reputation r = rep_of(fx->t, NULL);
    assert_int_equal(r.sent, 20);
    assert_int_equal(r.complaints, 1);
    assert_true(r.complaint_rate > 0.0499 && r.complaint_rate < 0.0501);
    assert_int_equal(r.level, MTRK_REPUTATION_PAUSED);
    assert_int_equal(r.state, MTRK_REPUTATION_OK); /* reading changes nothing */
    size_t got = 99;
    CONF_EXPECT(MTRK_ESTATE, claim(fx->t, b.campaign, &got));
    CONF_ERRMSG_HAS("reputation guard");
    assert_int_equal(got, 0);
    assert_int_equal(conf_campaign_status(fx->t, a.campaign), MTRK_CAMPAIGN_PAUSED);
    assert_int_equal(conf_campaign_status(fx->t, b.campaign), MTRK_CAMPAIGN_PAUSED);
    r = rep_of(fx->t, "");
    assert_int_equal(r.state, MTRK_REPUTATION_PAUSED);
    assert_int_equal(conf_count_audit(fx->t, "reputation.pause", NIL), 1);
    char *d = last_detail(fx->t, "reputation.pause");
    assert_has(d, "\"sent\":20");
    assert_has(d, "\"complaints\":1");
    assert_has(d, "\"complaint_rate\":0.050000");
    assert_has(d, "\"complaint_pause\":0.003000");
    assert_has(d, "\"campaigns\":2");
    free(d);
    assert_int_equal(conf_count_audit(fx->t, "campaign.status", b.campaign), 3); /* scheduled, sending, paused */
    /* a campaign set back to sending by hand is still held by the guard */
    CONF_OK(mtrk_campaign_set_status(fx->t, b.campaign, MTRK_CAMPAIGN_SENDING));
    CONF_EXPECT(MTRK_ESTATE, claim(fx->t, b.campaign, &got));
    CONF_ERRMSG_HAS("paused by the reputation guard");
    CONF_OK(mtrk_campaign_set_status(fx->t, b.campaign, MTRK_CAMPAIGN_PAUSED));
    /* the other tenant is untouched and cannot resume it */
    CONF_EXPECT(MTRK_ESTATE, mtrk_reputation_resume(NULL, fx->t2, NULL));
    /* resume: explicit, audited, campaigns back to sending, claims flow */
    size_t resumed = 0;
    CONF_OK(mtrk_reputation_resume(&resumed, fx->t, NULL));
    assert_int_equal(resumed, 2);
    assert_int_equal(conf_campaign_status(fx->t, a.campaign), MTRK_CAMPAIGN_SENDING);
    assert_int_equal(conf_campaign_status(fx->t, b.campaign), MTRK_CAMPAIGN_SENDING);
    assert_int_equal(conf_count_audit(fx->t, "reputation.resume", NIL), 1);
    d = last_detail(fx->t, "reputation.resume");
    assert_has(d, "\"complaints\":1");
    free(d);
    CONF_OK(claim(fx->t, b.campaign, &got));
    assert_int_equal(got, 5);
    r = rep_of(fx->t, NULL);
    assert_int_equal(r.state, MTRK_REPUTATION_OK);
    assert_int_equal(r.complaints, 0); /* counted from the next whole hour */
    CONF_EXPECT(MTRK_ESTATE, mtrk_reputation_resume(NULL, fx->t, NULL));
    CONF_ERRMSG_HAS("not paused");
    conf_scn_free(&a);
    conf_scn_free(&b);
}

/* Under min_sent nothing is judged; the default min_sent is 1000. */
static void test_too_little_volume_is_not_judged(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    scn_from(&a, fx->t, "a", "news@a.example", 20, 1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_COMPLAINT, a.mids[0], conf_clock_now()));
    size_t paused = 9;
    CONF_OK(mtrk_reputation_check(&paused, fx->t));
    assert_int_equal(paused, 0);
    mtrk_reputation r = rep_of(fx->t, NULL);
    assert_int_equal(r.level, MTRK_REPUTATION_OK);
    assert_int_equal(conf_campaign_status(fx->t, a.campaign), MTRK_CAMPAIGN_SENDING);
    conf_scn_free(&a);
}

/* The warning threshold: audited once on the way up, cleared on the way down. */
static void test_warning_audited(void **state)
{
    conf_fixture *fx = *state;
    settings(fx->t, 10, 0.04, 0.5, 0.5, 0.9);
    conf_scn a;
    scn_from(&a, fx->t, "a", "news@a.example", 20, 1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_COMPLAINT, a.mids[0], conf_clock_now()));
    size_t paused = 9;
    CONF_OK(mtrk_reputation_check(&paused, fx->t));
    assert_int_equal(paused, 0);
    CONF_OK(mtrk_reputation_check(&paused, fx->t));
    assert_int_equal(conf_count_audit(fx->t, "reputation.warning", NIL), 2); /* tenant and a.example */
    mtrk_reputation r = rep_of(fx->t, "A.Example");
    assert_int_equal(r.state, MTRK_REPUTATION_WARNING);
    assert_string_equal(r.domain, "a.example");
    assert_int_equal(conf_campaign_status(fx->t, a.campaign), MTRK_CAMPAIGN_SENDING);
    /* the window moves past the complaint: back to ok, audited */
    conf_clock_advance(26 * CONF_HOUR);
    CONF_OK(mtrk_reputation_check(&paused, fx->t));
    assert_int_equal(conf_count_audit(fx->t, "reputation.clear", NIL), 2);
    r = rep_of(fx->t, NULL);
    assert_int_equal(r.state, MTRK_REPUTATION_OK);
    assert_int_equal(r.sent, 0);
    conf_scn_free(&a);
}

/* A domain's pause stops that domain's campaigns only. */
static void test_domain_pause_leaves_other_domains(void **state)
{
    conf_fixture *fx = *state;
    settings(fx->t, 10, 0.03, 0.04, 0.5, 0.9);
    conf_scn a, b;
    scn_from(&a, fx->t, "a", "news@a.example", 20, 1);
    scn_from(&b, fx->t, "b", "news@b.example", 20, 1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_COMPLAINT, a.mids[0], conf_clock_now())); /* a 5 %, tenant 2.5 % */
    size_t paused = 0;
    CONF_OK(mtrk_reputation_check(&paused, fx->t));
    assert_int_equal(paused, 1);
    assert_int_equal(conf_campaign_status(fx->t, a.campaign), MTRK_CAMPAIGN_PAUSED);
    assert_int_equal(conf_campaign_status(fx->t, b.campaign), MTRK_CAMPAIGN_SENDING);
    mtrk_reputation r0, r1, r2, *outs[3] = { &r0, &r1, &r2 };
    CONF_OK(mtrk_reputation_init(&r0, MTRK_REPUTATION_VERSION));
    CONF_OK(mtrk_reputation_init(&r1, MTRK_REPUTATION_VERSION));
    CONF_OK(mtrk_reputation_init(&r2, MTRK_REPUTATION_VERSION));
    size_t n = 0;
    CONF_OK(mtrk_reputation_list(outs, 3, &n, fx->t));
    assert_int_equal(n, 3);
    assert_string_equal(r0.domain, "");
    assert_int_equal(r0.sent, 40);
    assert_int_equal(r0.state, MTRK_REPUTATION_OK);
    assert_string_equal(r1.domain, "a.example");
    assert_int_equal(r1.state, MTRK_REPUTATION_PAUSED);
    assert_string_equal(r2.domain, "b.example");
    assert_int_equal(r2.state, MTRK_REPUTATION_OK);
    char *d = last_detail(fx->t, "reputation.pause");
    assert_has(d, "\"domain\":\"a.example\"");
    assert_has(d, "\"campaigns\":1");
    free(d);
    /* resuming the tenant scope is refused: only the domain is paused */
    CONF_EXPECT(MTRK_ESTATE, mtrk_reputation_resume(NULL, fx->t, NULL));
    size_t resumed = 0;
    CONF_OK(mtrk_reputation_resume(&resumed, fx->t, "a.example"));
    assert_int_equal(resumed, 1);
    assert_int_equal(conf_campaign_status(fx->t, a.campaign), MTRK_CAMPAIGN_SENDING);
    CONF_EXPECT(MTRK_EINVAL, mtrk_reputation_resume(NULL, fx->t, "a..example"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_reputation_get(&r0, fx->t, "x@a.example"));
    conf_scn_free(&a);
    conf_scn_free(&b);
}

/* Bounces over the default bounce pause threshold (10 %) pause on claim. */
static void test_bounce_rate_pauses(void **state)
{
    conf_fixture *fx = *state;
    mtrk_reputation_settings s;
    CONF_OK(mtrk_reputation_settings_init(&s, MTRK_REPUTATION_SETTINGS_VERSION));
    s.min_sent = 10;
    CONF_OK(mtrk_reputation_settings_set(fx->t, &s));
    conf_scn a, b;
    scn_from(&a, fx->t, "a", "news@a.example", 20, 1);
    scn_from(&b, fx->t, "b", "news@a.example", 3, 0);
    CONF_OK(conf_bounce(NULL, fx->t, a.mids[0], MTRK_BOUNCE_HARD, conf_clock_now()));
    size_t got;
    CONF_OK(claim(fx->t, b.campaign, &got)); /* 1 / 20 = 5 %: a warning only */
    assert_int_equal(got, 3);
    assert_int_equal(conf_count_audit(fx->t, "reputation.warning", NIL), 2); /* tenant, a.example */
    CONF_OK(conf_bounce(NULL, fx->t, a.mids[1], MTRK_BOUNCE_SOFT, conf_clock_now()));
    mtrk_reputation r = rep_of(fx->t, NULL);
    assert_int_equal(r.bounces, 2);
    assert_true(r.bounce_rate > 0.0999 && r.bounce_rate < 0.1001); /* 2 / 20 */
    assert_int_equal(r.level, MTRK_REPUTATION_PAUSED);
    CONF_EXPECT(MTRK_ESTATE, claim(fx->t, b.campaign, &got));
    assert_int_equal(conf_count_audit(fx->t, "reputation.pause", NIL), 1); /* the tenant covers the domain */
    char *d = last_detail(fx->t, "reputation.pause");
    assert_has(d, "\"bounces\":2");
    assert_has(d, "\"sent\":20");
    assert_has(d, "\"bounce_pause\":0.100000");
    free(d);
    conf_scn_free(&a);
    conf_scn_free(&b);
}

/* ---- policies ------------------------------------------------------------------- */

static mtrk_bounce_recipient bounce_of(mtrk_id mid, mtrk_bounce_reason reason)
{
    mtrk_bounce_recipient r;
    CONF_OK(mtrk_bounce_recipient_init(&r, MTRK_BOUNCE_RECIPIENT_VERSION));
    r.mid = mid;
    r.reason = reason;
    r.kind = mtrk_bounce_reason_kind(reason);
    r.diagnostic = "552 5.2.2 mailbox full";
    return r;
}

static void policy(mtrk_tenant *t, mtrk_bounce_reason reason, mtrk_bounce_action action, uint32_t soft_limit)
{
    mtrk_bounce_policy p;
    CONF_OK(mtrk_bounce_policy_init(&p, MTRK_BOUNCE_POLICY_VERSION));
    p.reason = reason;
    p.action = action;
    p.soft_limit = soft_limit;
    CONF_OK(mtrk_bounce_policy_set(t, &p));
}

static void test_policy_set_get_audited(void **state)
{
    conf_fixture *fx = *state;
    mtrk_bounce_policy p;
    CONF_OK(mtrk_bounce_policy_init(&p, MTRK_BOUNCE_POLICY_VERSION));
    CONF_OK(mtrk_bounce_policy_get(&p, fx->t, MTRK_BR_MAILBOX_FULL));
    assert_int_equal(p.action, MTRK_BOUNCE_ACTION_DEFAULT);
    assert_int_equal(p.soft_limit, 0);
    policy(fx->t, MTRK_BR_MAILBOX_FULL, MTRK_BOUNCE_ACTION_SUPPRESS, 0);
    CONF_OK(mtrk_bounce_policy_get(&p, fx->t, MTRK_BR_MAILBOX_FULL));
    assert_int_equal(p.action, MTRK_BOUNCE_ACTION_SUPPRESS);
    CONF_OK(mtrk_bounce_policy_get(&p, fx->t2, MTRK_BR_MAILBOX_FULL));
    assert_int_equal(p.action, MTRK_BOUNCE_ACTION_DEFAULT);
    assert_int_equal(conf_count_audit(fx->t, "bounce.policy", NIL), 1);
    char *d = last_detail(fx->t, "bounce.policy");
    assert_has(d, "\"reason\":\"mailbox_full\"");
    assert_has(d, "\"to\":{\"action\":\"suppress\"");
    free(d);
    p.reason = MTRK_BR_MAILBOX_FULL;
    p.action = MTRK_BOUNCE_ACTION_IGNORE;
    p.soft_limit = 3;
    CONF_EXPECT(MTRK_EINVAL, mtrk_bounce_policy_set(fx->t, &p));
    CONF_ERRMSG_HAS("soft_limit");
    p.reason = (mtrk_bounce_reason)99;
    p.soft_limit = 0;
    CONF_EXPECT(MTRK_EINVAL, mtrk_bounce_policy_set(fx->t, &p));
    p.reason = MTRK_BR_NOT_A_BOUNCE;
    p.action = MTRK_BOUNCE_ACTION_SUPPRESS;
    CONF_EXPECT(MTRK_EINVAL, mtrk_bounce_policy_set(fx->t, &p));
    assert_int_equal(conf_count_audit(fx->t, "bounce.policy", NIL), 1);
}

static void test_policy_suppress_ignore_and_soft_limit(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    scn_from(&a, fx->t, "a", "news@a.example", 4, 1);
    /* default: mailbox_full is soft, nothing suppressed */
    mtrk_bounce_recipient r = bounce_of(a.mids[0], MTRK_BR_MAILBOX_FULL);
    mtrk_bounce_action applied = MTRK_BOUNCE_ACTION_IGNORE;
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    CONF_OK(mtrk_bounce_record(&o, &applied, fx->t, &r, 0, NULL, NULL));
    assert_int_equal(applied, MTRK_BOUNCE_ACTION_DEFAULT);
    assert_int_equal(conf_contact_status(fx->t, a.contacts[0]), MTRK_CONTACT_ACTIVE);
    /* suppress at once */
    policy(fx->t, MTRK_BR_MAILBOX_FULL, MTRK_BOUNCE_ACTION_SUPPRESS, 0);
    r = bounce_of(a.mids[1], MTRK_BR_MAILBOX_FULL);
    CONF_OK(mtrk_bounce_record(&o, &applied, fx->t, &r, 0, "mta", "b-1"));
    assert_int_equal(applied, MTRK_BOUNCE_ACTION_SUPPRESS);
    assert_int_equal(conf_contact_status(fx->t, a.contacts[1]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(conf_suppressed(fx->t, "a1@example.net"), MTRK_SUPPRESS_ADDRESS);
    assert_int_equal(conf_count_audit(fx->t, "bounce.suppress", a.mids[1]), 1);
    /* the same bounce again: a duplicate, nothing more */
    CONF_OK(mtrk_bounce_record(&o, &applied, fx->t, &r, 0, "mta", "b-1"));
    assert_int_equal(o.duplicate, 1);
    assert_int_equal(conf_count_audit(fx->t, "bounce.suppress", a.mids[1]), 1);
    /* ignore: no event */
    policy(fx->t, MTRK_BR_RATE_LIMITED, MTRK_BOUNCE_ACTION_IGNORE, 0);
    size_t before = conf_count_message_events(fx->t, a.mids[2]);
    r = bounce_of(a.mids[2], MTRK_BR_RATE_LIMITED);
    CONF_OK(mtrk_bounce_record(&o, &applied, fx->t, &r, 0, NULL, NULL));
    assert_int_equal(applied, MTRK_BOUNCE_ACTION_IGNORE);
    assert_int_equal(conf_count_message_events(fx->t, a.mids[2]), before);
    /* soft_limit 2: the second consecutive soft bounce suppresses */
    policy(fx->t, MTRK_BR_ON_HOLD, MTRK_BOUNCE_ACTION_DEFAULT, 2);
    r = bounce_of(a.mids[3], MTRK_BR_ON_HOLD);
    CONF_OK(mtrk_bounce_record(&o, &applied, fx->t, &r, conf_clock_now(), NULL, NULL));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[3]), MTRK_CONTACT_ACTIVE);
    conf_clock_advance(CONF_MIN);
    CONF_OK(mtrk_bounce_record(&o, &applied, fx->t, &r, conf_clock_now(), NULL, NULL));
    assert_int_equal(conf_contact_status(fx->t, a.contacts[3]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(conf_count_audit(fx->t, "bounce.suppress", a.mids[3]), 1);
    char *d = last_detail(fx->t, "bounce.suppress");
    assert_has(d, "\"by\":\"policy\"");
    assert_has(d, "\"reason\":\"on_hold\"");
    free(d);
    /* a hard reason under the default policy: suppressed by its kind, audited too */
    r = bounce_of(a.mids[2], MTRK_BR_USER_UNKNOWN);
    CONF_OK(mtrk_bounce_record(&o, &applied, fx->t, &r, 0, NULL, NULL));
    assert_int_equal(applied, MTRK_BOUNCE_ACTION_DEFAULT);
    assert_int_equal(conf_contact_status(fx->t, a.contacts[2]), MTRK_CONTACT_BOUNCED);
    assert_int_equal(conf_count_audit(fx->t, "bounce.suppress", a.mids[2]), 1);
    d = last_detail(fx->t, "bounce.suppress");
    assert_has(d, "\"by\":\"kind\"");
    free(d);
    /* another tenant's message is not found */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_bounce_record(NULL, NULL, fx->t2, &r, 0, NULL, NULL));
    conf_scn_free(&a);
}

/* ---- expiry ---------------------------------------------------------------------- */

static void test_expiry_of_automatic_suppressions(void **state)
{
    conf_fixture *fx = *state;
    conf_scn a;
    scn_from(&a, fx->t, "a", "news@a.example", 2, 1);
    CONF_OK(conf_bounce(NULL, fx->t, a.mids[0], MTRK_BOUNCE_HARD, conf_clock_now()));
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "a1@example.net", "manual"));
    assert_int_equal(conf_suppressed(fx->t, "a0@example.net"), MTRK_SUPPRESS_ADDRESS);
    uint64_t n = 9;
    CONF_OK(mtrk_suppression_expire(&n, fx->t)); /* not opted in */
    assert_int_equal(n, 0);
    int64_t ms = -1;
    CONF_OK(mtrk_bounce_expiry_get(&ms, fx->t));
    assert_int_equal(ms, 0);
    CONF_EXPECT(MTRK_EINVAL, mtrk_bounce_expiry_set(fx->t, -5));
    CONF_OK(mtrk_bounce_expiry_set(fx->t, 24 * CONF_HOUR));
    CONF_OK(mtrk_bounce_expiry_get(&ms, fx->t));
    assert_int_equal(ms, 24 * CONF_HOUR);
    assert_int_equal(conf_count_audit(fx->t, "bounce.expiry", NIL), 1);
    CONF_OK(mtrk_suppression_expire(&n, fx->t)); /* too early */
    assert_int_equal(n, 0);
    conf_clock_advance(25 * CONF_HOUR);
    CONF_OK(mtrk_suppression_expire(&n, fx->t2)); /* another tenant: nothing of ours */
    assert_int_equal(n, 0);
    CONF_OK(mtrk_suppression_expire(&n, fx->t));
    assert_int_equal(n, 1);
    assert_int_equal(conf_suppressed(fx->t, "a0@example.net"), 0);
    assert_int_equal(conf_contact_status(fx->t, a.contacts[0]), MTRK_CONTACT_ACTIVE);
    assert_int_equal(conf_suppressed(fx->t, "a1@example.net"), MTRK_SUPPRESS_ADDRESS); /* a person's: stays */
    assert_int_equal(conf_count_audit(fx->t, "suppression.expire", NIL), 1);
    char *d = last_detail(fx->t, "suppression.expire");
    assert_has(d, "\"reason\":\"hard_bounce\"");
    assert_has(d, "\"event\":\"");
    free(d);
    CONF_OK(mtrk_suppression_expire(&n, fx->t));
    assert_int_equal(n, 0);
    conf_scn_free(&a);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_settings_defaults_set_audited),
    CONF_TEST(test_complaints_pause_claims_until_resume),
    CONF_TEST(test_too_little_volume_is_not_judged),
    CONF_TEST(test_warning_audited),
    CONF_TEST(test_domain_pause_leaves_other_domains),
    CONF_TEST(test_bounce_rate_pauses),
    CONF_TEST(test_policy_set_get_audited),
    CONF_TEST(test_policy_suppress_ignore_and_soft_limit),
    CONF_TEST(test_expiry_of_automatic_suppressions),
};
CONF_GROUP(conf_group_reputation, "reputation", tests);
