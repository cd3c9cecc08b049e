/*
 * Conformance: message generation, messages and the send queue.
 *
 * The contract (docs/rules.md "Eligibility", "Messages", "Campaigns"):
 *  - generation takes the union of the campaign's audiences, each contact
 *    once, minus the excluded, each counted under the first reason in order:
 *    contact not active, address suppressed, domain suppressed, global
 *    unsubscribe, campaign unsubscribe, unsubscribed from every audience of
 *    the campaign the contact belongs to;
 *  - it is idempotent (a rerun only adds newly eligible contacts) and allowed
 *    in draft, scheduled and sending only; the report is consistent;
 *  - the single check answers not_in_audience first, then the same reasons;
 *  - messages are listed in mid order; the queue is claimed only while
 *    sending, up to cap, with a lease; expired leases are claimable again;
 *    every claim rechecks eligibility and cancels the no longer eligible;
 *    mark_sent needs a claimed message and records a sent event; release
 *    returns a claimed message to the queue; canceling the campaign cancels
 *    its queued and claimed messages (reason campaign_canceled).
 */
#include "conf_util.h"

#include <stdlib.h>

/* The exclusion scenario: campaign with audiences a1, a2 (a3 not attached). */
typedef struct excl_scn {
    mtrk_id campaign, a1, a2, a3;
    mtrk_id ok, both, aud_one_of_two, aud_other;            /* eligible */
    mtrk_id inactive, addr, dom, glob, camp, aud, aud_both; /* one reason each */
    mtrk_id multi1, multi2, multi3, multi4, multi5;         /* several reasons */
    mtrk_id outsider;                                       /* in no audience */
} excl_scn;

static mtrk_id member(mtrk_tenant *t, const char *addr, mtrk_id a, mtrk_id b)
{
    mtrk_id c = conf_contact_new(t, addr);
    if (!mtrk_id_is_nil(a))
        conf_member(t, a, c);
    if (!mtrk_id_is_nil(b))
        conf_member(t, b, c);
    return c;
}

static void build_excl(excl_scn *s, mtrk_tenant *t)
{
    mtrk_id nil = { { 0 } };
    memset(s, 0, sizeof *s);
    s->campaign = conf_campaign_new(t, "exclusions");
    s->a1 = conf_audience_new(t, "a1");
    s->a2 = conf_audience_new(t, "a2");
    s->a3 = conf_audience_new(t, "a3");
    conf_attach(t, s->campaign, s->a1);
    conf_attach(t, s->campaign, s->a2);

    s->ok = member(t, "ok@example.com", s->a1, nil);
    s->both = member(t, "both@example.com", s->a1, s->a2);
    s->aud_one_of_two = member(t, "oneoftwo@example.com", s->a1, s->a2);
    s->aud_other = member(t, "other@example.com", s->a1, s->a3);
    s->inactive = member(t, "inactive@example.com", s->a1, nil);
    s->addr = member(t, "addr@example.com", s->a2, nil);
    s->dom = member(t, "dom@blocked.example", s->a1, nil);
    s->glob = member(t, "glob@example.com", s->a1, nil);
    s->camp = member(t, "camp@example.com", s->a2, nil);
    s->aud = member(t, "aud@example.com", s->a1, nil);
    s->aud_both = member(t, "audboth@example.com", s->a1, s->a2);
    s->multi1 = member(t, "multi1@example.com", s->a1, nil);
    s->multi2 = member(t, "multi2@blocked.example", s->a1, nil);
    s->multi3 = member(t, "multi3@blocked.example", s->a2, nil);
    s->multi4 = member(t, "multi4@example.com", s->a1, nil);
    s->multi5 = member(t, "multi5@example.com", s->a1, nil);
    s->outsider = member(t, "outsider@example.com", s->a3, nil);

    CONF_OK(mtrk_contact_set_status(t, s->inactive, MTRK_CONTACT_BOUNCED));
    CONF_OK(mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_ADDRESS, "addr@example.com", "manual"));
    CONF_OK(mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_DOMAIN, "blocked.example", "manual"));
    CONF_OK(mtrk_unsub_add(NULL, t, s->glob, MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_unsub_add(NULL, t, s->camp, MTRK_UNSUB_CAMPAIGN, s->campaign, MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_unsub_add(NULL, t, s->aud, MTRK_UNSUB_AUDIENCE, s->a1, MTRK_SOURCE_MANUAL));
    /* rule 6: one of two audiences still open includes; both closed excludes */
    CONF_OK(mtrk_unsub_add(NULL, t, s->aud_one_of_two, MTRK_UNSUB_AUDIENCE, s->a1, MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_unsub_add(NULL, t, s->aud_both, MTRK_UNSUB_AUDIENCE, s->a1, MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_unsub_add(NULL, t, s->aud_both, MTRK_UNSUB_AUDIENCE, s->a2, MTRK_SOURCE_MANUAL));
    /* an audience the campaign does not target is irrelevant */
    CONF_OK(mtrk_unsub_add(NULL, t, s->aud_other, MTRK_UNSUB_AUDIENCE, s->a3, MTRK_SOURCE_MANUAL));

    /* precedence: each counted under its first reason */
    CONF_OK(mtrk_contact_set_status(t, s->multi1, MTRK_CONTACT_COMPLAINED));         /* 1 */
    CONF_OK(mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_ADDRESS, "multi1@example.com", "manual"));
    CONF_OK(mtrk_unsub_add(NULL, t, s->multi1, MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_ADDRESS, "multi2@blocked.example", "manual")); /* 2 (+3) */
    CONF_OK(mtrk_unsub_add(NULL, t, s->multi2, MTRK_UNSUB_CAMPAIGN, s->campaign, MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_unsub_add(NULL, t, s->multi3, MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_MANUAL)); /* 3 (+4) */
    CONF_OK(mtrk_unsub_add(NULL, t, s->multi4, MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_MANUAL)); /* 4 */
    CONF_OK(mtrk_unsub_add(NULL, t, s->multi4, MTRK_UNSUB_CAMPAIGN, s->campaign, MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_unsub_add(NULL, t, s->multi5, MTRK_UNSUB_CAMPAIGN, s->campaign, MTRK_SOURCE_MANUAL)); /* 5 */
    CONF_OK(mtrk_unsub_add(NULL, t, s->multi5, MTRK_UNSUB_AUDIENCE, s->a1, MTRK_SOURCE_MANUAL));
}

static void generation_excludes_each_contact_under_its_first_reason(void **state)
{
    conf_fixture *fx = *state;
    excl_scn s;
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    build_excl(&s, fx->t);
    CONF_OK(mtrk_campaign_generate(&r, fx->t, s.campaign));
    conf_report_consistent(&r);
    assert_int_equal(r.eligible, 4);
    assert_int_equal(r.created, 4);
    assert_int_equal(r.already_present, 0);
    assert_int_equal(r.excluded[MTRK_EXCL_CONTACT_INACTIVE], 2);
    assert_int_equal(r.excluded[MTRK_EXCL_ADDRESS_SUPPRESSED], 2);
    assert_int_equal(r.excluded[MTRK_EXCL_DOMAIN_SUPPRESSED], 2);
    assert_int_equal(r.excluded[MTRK_EXCL_GLOBAL_UNSUB], 2);
    assert_int_equal(r.excluded[MTRK_EXCL_CAMPAIGN_UNSUB], 2);
    assert_int_equal(r.excluded[MTRK_EXCL_AUDIENCE_UNSUB], 2);
    assert_int_equal(r.excluded_total, 12);
}

static void generation_creates_one_message_per_eligible_contact_of_the_union(void **state)
{
    conf_fixture *fx = *state;
    excl_scn s;
    build_excl(&s, fx->t);
    CONF_OK(mtrk_campaign_generate(NULL, fx->t, s.campaign));
    const mtrk_id yes[] = { s.ok, s.both, s.aud_one_of_two, s.aud_other };
    const mtrk_id no[] = { s.inactive, s.addr, s.dom, s.glob, s.camp, s.aud, s.aud_both,
                           s.multi1, s.multi2, s.multi3, s.multi4, s.multi5, s.outsider };
    for (size_t i = 0; i < 4; i++) {
        mtrk_message_info m = conf_msg_of(fx->t, s.campaign, yes[i]);
        CONF_ID_EQ(m.campaign, s.campaign);
        CONF_ID_EQ(m.contact, yes[i]);
        assert_int_equal(m.state, MTRK_MSG_QUEUED);
    }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_int_equal(conf_has_msg(fx->t, s.campaign, no[i]), 0);
    /* each contact once even though `both` comes through two audiences */
    mtrk_message_iter *it = NULL;
    mtrk_message_info m;
    size_t n = 0;
    int rc;
    CONF_INIT(m, MTRK_MESSAGE_INFO_VERSION);
    CONF_OK(mtrk_message_iter_new(&it, fx->t, s.campaign));
    while ((rc = mtrk_message_iter_next(&m, it)) == MTRK_OK)
        n++;
    mtrk_message_iter_free(it);
    assert_int_equal(rc, MTRK_ITEROVER);
    assert_int_equal(n, 4);
    assert_int_equal(conf_metrics(fx->t, s.campaign).messages, 4);
}

static void check_contact_answers_the_first_reason_or_not_in_audience(void **state)
{
    conf_fixture *fx = *state;
    excl_scn s;
    build_excl(&s, fx->t);
    const struct { mtrk_id c; mtrk_exclusion why; } cases[] = {
        { s.ok, MTRK_EXCL_NONE },
        { s.both, MTRK_EXCL_NONE },
        { s.aud_one_of_two, MTRK_EXCL_NONE },
        { s.aud_other, MTRK_EXCL_NONE },
        { s.inactive, MTRK_EXCL_CONTACT_INACTIVE },
        { s.addr, MTRK_EXCL_ADDRESS_SUPPRESSED },
        { s.dom, MTRK_EXCL_DOMAIN_SUPPRESSED },
        { s.glob, MTRK_EXCL_GLOBAL_UNSUB },
        { s.camp, MTRK_EXCL_CAMPAIGN_UNSUB },
        { s.aud, MTRK_EXCL_AUDIENCE_UNSUB },
        { s.aud_both, MTRK_EXCL_AUDIENCE_UNSUB },
        { s.multi1, MTRK_EXCL_CONTACT_INACTIVE },
        { s.multi2, MTRK_EXCL_ADDRESS_SUPPRESSED },
        { s.multi3, MTRK_EXCL_DOMAIN_SUPPRESSED },
        { s.multi4, MTRK_EXCL_GLOBAL_UNSUB },
        { s.multi5, MTRK_EXCL_CAMPAIGN_UNSUB },
        { s.outsider, MTRK_EXCL_NOT_IN_AUDIENCE },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mtrk_exclusion why = (mtrk_exclusion)-1;
        CONF_OK(mtrk_campaign_check_contact(&why, fx->t, s.campaign, cases[i].c));
        if (why != cases[i].why)
            fail_msg("case %zu: expected %s, got %s", i, mtrk_exclusion_name(cases[i].why),
                     mtrk_exclusion_name(why) ? mtrk_exclusion_name(why) : "?");
    }
    /* not_in_audience is checked first: an inactive outsider is not_in_audience */
    mtrk_exclusion why;
    CONF_OK(mtrk_contact_set_status(fx->t, s.outsider, MTRK_CONTACT_BOUNCED));
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, s.campaign, s.outsider));
    assert_int_equal(why, MTRK_EXCL_NOT_IN_AUDIENCE);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_check_contact(&why, fx->t, s.campaign, conf_unknown_id()));
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_check_contact(NULL, fx->t, s.campaign, s.ok));
}

static void exclusion_names_are_static(void **state)
{
    (void)state;
    assert_string_equal(mtrk_exclusion_name(MTRK_EXCL_CONTACT_INACTIVE), "contact_inactive");
    assert_string_equal(mtrk_exclusion_name(MTRK_EXCL_NOT_IN_AUDIENCE), "not_in_audience");
    assert_non_null(mtrk_exclusion_name(MTRK_EXCL_CAMPAIGN_CANCELED));
    assert_null(mtrk_exclusion_name((mtrk_exclusion)MTRK_EXCL_COUNT));
}

static void generation_rerun_is_idempotent(void **state)
{
    conf_fixture *fx = *state;
    excl_scn s;
    mtrk_generate_report r1 = MTRK_GENERATE_REPORT_INIT, r2 = MTRK_GENERATE_REPORT_INIT;
    build_excl(&s, fx->t);
    CONF_OK(mtrk_campaign_generate(&r1, fx->t, s.campaign));
    mtrk_message_info before = conf_msg_of(fx->t, s.campaign, s.ok);
    CONF_OK(mtrk_campaign_generate(&r2, fx->t, s.campaign));
    conf_report_consistent(&r2);
    assert_int_equal(r2.created, 0);
    assert_int_equal(r2.already_present, 4);
    assert_int_equal(r2.eligible, 4);
    assert_int_equal(r2.excluded_total, r1.excluded_total);
    for (int i = 0; i < MTRK_GENERATE_REPORT_NEXCLUDED; i++)
        assert_int_equal(r2.excluded[i], r1.excluded[i]);
    mtrk_message_info after = conf_msg_of(fx->t, s.campaign, s.ok);
    CONF_ID_EQ(after.mid, before.mid);
    assert_int_equal(conf_metrics(fx->t, s.campaign).messages, 4);
}

static void generation_rerun_adds_newly_eligible_contacts(void **state)
{
    conf_fixture *fx = *state;
    excl_scn s;
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    build_excl(&s, fx->t);
    CONF_OK(mtrk_campaign_generate(NULL, fx->t, s.campaign));
    /* the address suppression lifted, a new member added */
    CONF_OK(mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_ADDRESS, "addr@example.com"));
    mtrk_id fresh = member(fx->t, "fresh@example.com", s.a2, (mtrk_id){ { 0 } });
    CONF_OK(mtrk_campaign_generate(&r, fx->t, s.campaign));
    conf_report_consistent(&r);
    assert_int_equal(r.created, 2);
    assert_int_equal(r.already_present, 4);
    assert_int_equal(r.eligible, 6);
    assert_int_equal(r.excluded[MTRK_EXCL_ADDRESS_SUPPRESSED], 1);
    assert_int_equal(r.excluded_total, 11);
    assert_int_equal(conf_has_msg(fx->t, s.campaign, s.addr), 1);
    assert_int_equal(conf_has_msg(fx->t, s.campaign, fresh), 1);
    assert_int_equal(conf_metrics(fx->t, s.campaign).messages, 6);
}

static void generation_allowed_in_draft_scheduled_and_sending_only(void **state)
{
    conf_fixture *fx = *state;
    static const struct { mtrk_campaign_status st; int rc; } cases[] = {
        { MTRK_CAMPAIGN_DRAFT, MTRK_OK },       { MTRK_CAMPAIGN_SCHEDULED, MTRK_OK },
        { MTRK_CAMPAIGN_SENDING, MTRK_OK },     { MTRK_CAMPAIGN_SENT, MTRK_ESTATE },
        { MTRK_CAMPAIGN_PAUSED, MTRK_ESTATE },  { MTRK_CAMPAIGN_CANCELED, MTRK_ESTATE },
    };
    mtrk_id a = conf_audience_new(fx->t, "list");
    conf_member(fx->t, a, conf_contact_new(fx->t, "one@example.com"));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
        mtrk_id c = conf_campaign_new(fx->t, NULL);
        conf_attach(fx->t, c, a);
        conf_campaign_to(fx->t, c, cases[i].st);
        CONF_EXPECT(cases[i].rc, mtrk_campaign_generate(&r, fx->t, c));
        assert_int_equal(conf_metrics(fx->t, c).messages, cases[i].rc == MTRK_OK ? 1 : 0);
    }
}

static void generation_refuses_bad_arguments(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_campaign_new(fx->t, NULL);
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    CONF_EXPECT(MTRK_EINVAL, mtrk_campaign_generate(&r, NULL, c));
    CONF_ERRMSG_HAS("tenant");
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_generate(&r, fx->t, conf_unknown_id()));
    r.version = 0;
    CONF_EXPECT(MTRK_EVERSION, mtrk_campaign_generate(&r, fx->t, c));
    r.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_campaign_generate(&r, fx->t, c));
    CONF_OK(mtrk_campaign_generate(NULL, fx->t, c)); /* report optional; no audience: nothing */
    assert_int_equal(conf_metrics(fx->t, c).messages, 0);
}

static void generation_of_a_20000_contact_audience(void **state)
{
    conf_fixture *fx = *state;
    enum { N = 20000 };
    mtrk_id *ids = calloc(N, sizeof *ids);
    mtrk_id a = conf_audience_new(fx->t, "big"), c = conf_campaign_new(fx->t, "big");
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    char addr[64];
    assert_non_null(ids);
    for (int i = 0; i < N; i++) {
        snprintf(addr, sizeof addr, "bulk%d@d%d.example", i, i % 10);
        ids[i] = conf_contact_new(fx->t, addr);
    }
    CONF_OK(mtrk_audience_add_batch(NULL, fx->t, a, ids, N));
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "d7.example", "manual"));
    conf_attach(fx->t, c, a);
    CONF_OK(mtrk_campaign_generate(&r, fx->t, c));
    conf_report_consistent(&r);
    assert_int_equal(r.created, N - N / 10);
    assert_int_equal(r.excluded[MTRK_EXCL_DOMAIN_SUPPRESSED], N / 10);
    assert_int_equal(r.excluded_total, N / 10);

    mtrk_message_iter *it = NULL;
    mtrk_message_info m;
    mtrk_id prev = { { 0 } };
    size_t n = 0;
    int rc;
    CONF_INIT(m, MTRK_MESSAGE_INFO_VERSION);
    CONF_OK(mtrk_message_iter_new(&it, fx->t, c));
    while ((rc = mtrk_message_iter_next(&m, it)) == MTRK_OK) {
        if (n > 0)
            assert_true(mtrk_id_compare(prev, m.mid) < 0);
        prev = m.mid;
        CONF_ID_EQ(m.campaign, c);
        n++;
    }
    mtrk_message_iter_free(it);
    assert_int_equal(rc, MTRK_ITEROVER);
    assert_int_equal(n, N - N / 10);
    CONF_OK(mtrk_campaign_generate(&r, fx->t, c));
    assert_int_equal(r.created, 0);
    assert_int_equal(r.already_present, N - N / 10);
    free(ids);
}

/* Generation reads its facts for pages of members by ordered scans, the
 * single check by one lookup per fact: over several pages, dense and sparse
 * stretches of members (a scan seeks ahead over long gaps), every exclusion
 * reason, an erased address (a hash entry), repeated domains and messages
 * present from an earlier run, both must agree contact by contact. */
static void generation_agrees_with_the_single_check_for_every_contact(void **state)
{
    conf_fixture *fx = *state;
    enum { N = 1100 };
    mtrk_tenant *t = fx->t;
    mtrk_id nil = { { 0 } };
    mtrk_id *ids = calloc(N, sizeof *ids);
    int *had = calloc(N, sizeof *had);
    mtrk_id c = conf_campaign_new(t, "agree"), other = conf_campaign_new(t, "other");
    mtrk_id a = conf_audience_new(t, "a"), b = conf_audience_new(t, "b"), sparse = conf_audience_new(t, "sparse"),
            d = conf_audience_new(t, "unattached");
    char addr[64];
    assert_non_null(ids);
    assert_non_null(had);
    for (int i = 0; i < N; i++) {
        snprintf(addr, sizeof addr, "g%d@d%d.example", i, i % 7);
        if (i % 97 == 11) {
            /* an erased contact leaves a hash entry that blocks its address */
            mtrk_id gone = conf_contact_new(t, addr);
            CONF_OK(mtrk_contact_erase(t, gone));
        }
        ids[i] = conf_contact_new(t, addr);
    }
    mtrk_id *in[4];
    size_t nin[4] = { 0 };
    for (int k = 0; k < 4; k++)
        assert_non_null(in[k] = calloc(N, sizeof *in[k]));
    for (int i = 0; i < N; i++) {
        /* a and b dense before 800, only `sparse` (one in 41) after it */
        if (i < N / 2 && i % 3 != 2)
            in[0][nin[0]++] = ids[i];
        if (i < 800 && i % 4 == 0)
            in[1][nin[1]++] = ids[i];
        if (i % 41 == 5)
            in[2][nin[2]++] = ids[i];
        if (i % 2 == 0)
            in[3][nin[3]++] = ids[i];
        if (i % 53 == 7)
            CONF_OK(mtrk_contact_set_status(t, ids[i], MTRK_CONTACT_BOUNCED));
        if (i % 29 == 3) {
            snprintf(addr, sizeof addr, "g%d@d%d.example", i, i % 7);
            CONF_OK(mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_ADDRESS, addr, "manual"));
        }
        if (i % 17 == 1)
            CONF_OK(mtrk_unsub_add(NULL, t, ids[i], MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_MANUAL));
        if (i % 19 == 2)
            CONF_OK(mtrk_unsub_add(NULL, t, ids[i], MTRK_UNSUB_CAMPAIGN, c, MTRK_SOURCE_MANUAL));
        if (i % 13 == 4)
            CONF_OK(mtrk_unsub_add(NULL, t, ids[i], MTRK_UNSUB_CAMPAIGN, other, MTRK_SOURCE_MANUAL));
        if (i % 6 == 0)
            CONF_OK(mtrk_unsub_add(NULL, t, ids[i], MTRK_UNSUB_AUDIENCE, a, MTRK_SOURCE_MANUAL));
        if (i % 8 == 0)
            CONF_OK(mtrk_unsub_add(NULL, t, ids[i], MTRK_UNSUB_AUDIENCE, b, MTRK_SOURCE_MANUAL));
        if (i % 10 == 0)
            CONF_OK(mtrk_unsub_add(NULL, t, ids[i], MTRK_UNSUB_AUDIENCE, d, MTRK_SOURCE_MANUAL));
    }
    const mtrk_id auds[4] = { a, b, sparse, d };
    for (int k = 0; k < 4; k++) {
        CONF_OK(mtrk_audience_add_batch(NULL, t, auds[k], in[k], nin[k]));
        free(in[k]);
    }
    CONF_OK(mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_DOMAIN, "d6.example", "manual"));
    /* A first run over b and d, then d detached: messages of contacts
     * outside the audiences lie between the members. Then rules that make
     * some of those with a message ineligible. */
    conf_attach(t, c, b);
    conf_attach(t, c, d);
    CONF_OK(mtrk_campaign_generate(NULL, t, c));
    CONF_OK(mtrk_campaign_detach_audience(t, c, d));
    for (int i = 0; i < N; i++)
        if (i % 23 == 9)
            CONF_OK(mtrk_unsub_add(NULL, t, ids[i], MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_MANUAL));
    conf_attach(t, c, a);
    conf_attach(t, c, sparse);

    mtrk_generate_report want = MTRK_GENERATE_REPORT_INIT;
    mtrk_exclusion why[N];
    for (int i = 0; i < N; i++) {
        had[i] = conf_has_msg(t, c, ids[i]);
        CONF_OK(mtrk_campaign_check_contact(&why[i], t, c, ids[i]));
        if (why[i] == MTRK_EXCL_NOT_IN_AUDIENCE)
            continue;
        if (had[i])
            want.already_present++;
        else if (why[i] == MTRK_EXCL_NONE)
            want.created++;
        else {
            want.excluded[why[i]]++;
            want.excluded_total++;
        }
    }
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    CONF_OK(mtrk_campaign_generate(&r, t, c));
    conf_report_consistent(&r);
    assert_int_equal(r.created, want.created);
    assert_int_equal(r.already_present, want.already_present);
    assert_int_equal(r.excluded_total, want.excluded_total);
    for (int k = 0; k < MTRK_GENERATE_REPORT_NEXCLUDED; k++)
        assert_int_equal(r.excluded[k], want.excluded[k]);
    /* every reason occurs, so the comparison covers each step of the rule */
    for (int k = MTRK_EXCL_CONTACT_INACTIVE; k <= MTRK_EXCL_AUDIENCE_UNSUB; k++)
        assert_true(want.excluded[k] > 0);
    assert_true(want.already_present > 0 && want.created > 0);
    for (int i = 0; i < N; i++)
        assert_int_equal(conf_has_msg(t, c, ids[i]), had[i] || why[i] == MTRK_EXCL_NONE);
    assert_true(had[N - 4] && why[N - 4] == MTRK_EXCL_NOT_IN_AUDIENCE);
    free(had);
    free(ids);
}

/* -------------------------------------------------------------- messages */

static void message_get_find_and_iterate_in_mid_order(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_clock_set(CONF_T0 + 42);
    conf_scn_build(&s, fx->t, "m", 5, 0, 0);
    for (size_t i = 0; i < s.n; i++) {
        mtrk_message_info g = conf_msg(fx->t, s.mids[i]);
        CONF_ID_EQ(g.mid, s.mids[i]);
        CONF_ID_EQ(g.campaign, s.campaign);
        CONF_ID_EQ(g.contact, s.contacts[i]);
        assert_int_equal(g.state, MTRK_MSG_QUEUED);
        assert_int_equal(g.cancel_reason, MTRK_EXCL_NONE);
        assert_int_equal(g.created_at, CONF_T0 + 42);
        assert_int_equal(g.sent_at, 0);
        assert_int_equal(g.delivered, 0);
    }
    mtrk_message_iter *it = NULL;
    mtrk_message_info m;
    mtrk_id prev = { { 0 } };
    size_t n = 0;
    int rc;
    CONF_INIT(m, MTRK_MESSAGE_INFO_VERSION);
    CONF_OK(mtrk_message_iter_new(&it, fx->t, s.campaign));
    while ((rc = mtrk_message_iter_next(&m, it)) == MTRK_OK) {
        if (n > 0)
            assert_true(mtrk_id_compare(prev, m.mid) < 0);
        prev = m.mid;
        n++;
    }
    mtrk_message_iter_free(it);
    assert_int_equal(rc, MTRK_ITEROVER);
    assert_int_equal(n, 5);
    CONF_INIT(m, MTRK_MESSAGE_INFO_VERSION);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_message_get(&m, fx->t, conf_unknown_id()));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_message_get(&m, fx->t2, s.mids[0]));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_message_find(&m, fx->t2, s.campaign, s.contacts[0]));
    m.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_message_get(&m, fx->t, s.mids[0]));
    CONF_EXPECT(MTRK_EINVAL, mtrk_message_get(NULL, fx->t, s.mids[0]));
    assert_string_equal(mtrk_message_state_name(MTRK_MSG_QUEUED), "queued");
    assert_null(mtrk_message_state_name((mtrk_message_state)0));
    conf_scn_free(&s);
}

/* ----------------------------------------------------------------- queue */

static void queue_claim_only_while_sending(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id a = conf_audience_new(fx->t, "list");
    conf_member(fx->t, a, conf_contact_new(fx->t, "q@example.com"));
    static const mtrk_campaign_status st[] = { MTRK_CAMPAIGN_DRAFT, MTRK_CAMPAIGN_SCHEDULED,
                                               MTRK_CAMPAIGN_PAUSED };
    for (size_t i = 0; i < 3; i++) {
        mtrk_id c = conf_campaign_new(fx->t, NULL), out[4];
        size_t n = 99;
        conf_attach(fx->t, c, a);
        CONF_OK(mtrk_campaign_generate(NULL, fx->t, c));
        conf_campaign_to(fx->t, c, st[i]);
        CONF_EXPECT(MTRK_ESTATE, mtrk_queue_claim(out, &n, NULL, fx->t, c, 4, CONF_MIN));
    }
    conf_scn s;
    mtrk_id out[4];
    size_t n = 0;
    conf_scn_build(&s, fx->t, "qs", 1, 0, 0);
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 4, CONF_MIN));
    assert_int_equal(n, 1);
    CONF_EXPECT(MTRK_EINVAL, mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 4, 0));
    CONF_EXPECT(MTRK_EINVAL, mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 4, -5));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_queue_claim(out, &n, NULL, fx->t2, s.campaign, 4, CONF_MIN));
    conf_scn_free(&s);
}

static void queue_claims_up_to_cap_with_a_lease(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_id out[8];
    size_t n = 0, canceled = 99, total = 0;
    conf_scn_build(&s, fx->t, "cap", 5, 0, 0);
    conf_clock_set(CONF_T0 + 1000);
    CONF_OK(mtrk_queue_claim(out, &n, &canceled, fx->t, s.campaign, 2, CONF_MIN));
    assert_int_equal(n, 2);
    assert_int_equal(canceled, 0);
    for (size_t i = 0; i < n; i++) {
        mtrk_message_info m = conf_msg(fx->t, out[i]);
        assert_int_equal(m.state, MTRK_MSG_CLAIMED);
        assert_int_equal(m.lease_until, CONF_T0 + 1000 + CONF_MIN);
    }
    total += n;
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 8, CONF_MIN));
    assert_int_equal(n, 3);
    total += n;
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 8, CONF_MIN));
    assert_int_equal(n, 0);
    assert_int_equal(total, 5);
    conf_scn_free(&s);
}

static void queue_expired_lease_returns_claims(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_id out[8];
    size_t n = 0;
    conf_scn_build(&s, fx->t, "lease", 3, 0, 0);
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 8, CONF_MIN));
    assert_int_equal(n, 3);
    conf_clock_advance(CONF_MIN - 1);
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 8, CONF_MIN));
    assert_int_equal(n, 0);
    conf_clock_advance(2); /* past the lease */
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 8, CONF_MIN));
    assert_int_equal(n, 3);
    assert_int_equal(conf_msg(fx->t, out[0]).lease_until, conf_clock_now() + CONF_MIN);
    conf_scn_free(&s);
}

static void queue_claim_rechecks_eligibility_and_cancels_with_the_reason(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_id out[8], nil = { { 0 } };
    size_t n = 0, canceled = 0, before = 0;
    conf_scn_build(&s, fx->t, "re", 5, 0, 0);
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "re0@example.com", "manual"));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, s.contacts[1], MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_contact_set_status(fx->t, s.contacts[2], MTRK_CONTACT_BOUNCED));
    for (int i = 0; i < 3; i++)
        if (conf_msg(fx->t, s.mids[i]).state == MTRK_MSG_CANCELED)
            before++;
    CONF_OK(mtrk_queue_claim(out, &n, &canceled, fx->t, s.campaign, 8, CONF_MIN));
    /* canceled either when the rule was made or at claim time: never claimed */
    assert_int_equal(canceled, 3 - before);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++)
        assert_true(mtrk_id_compare(out[i], s.mids[3]) == 0 || mtrk_id_compare(out[i], s.mids[4]) == 0);
    static const mtrk_exclusion why[] = { MTRK_EXCL_ADDRESS_SUPPRESSED, MTRK_EXCL_GLOBAL_UNSUB,
                                          MTRK_EXCL_CONTACT_INACTIVE };
    for (int i = 0; i < 3; i++) {
        mtrk_message_info m = conf_msg(fx->t, s.mids[i]);
        assert_int_equal(m.state, MTRK_MSG_CANCELED);
        assert_int_equal(m.cancel_reason, why[i]);
    }
    assert_int_equal(conf_metrics(fx->t, s.campaign).canceled, 3);
    conf_scn_free(&s);
}

static void queue_reclaim_after_lease_rechecks_eligibility(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_id out[4];
    size_t n = 0, canceled = 0;
    conf_scn_build(&s, fx->t, "rl", 2, 0, 0);
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 4, CONF_MIN));
    assert_int_equal(n, 2);
    CONF_OK(mtrk_contact_set_status(fx->t, s.contacts[0], MTRK_CONTACT_COMPLAINED));
    conf_clock_advance(CONF_MIN + 1);
    CONF_OK(mtrk_queue_claim(out, &n, &canceled, fx->t, s.campaign, 4, CONF_MIN));
    mtrk_message_info m0 = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(m0.state, MTRK_MSG_CANCELED);
    assert_int_equal(m0.cancel_reason, MTRK_EXCL_CONTACT_INACTIVE);
    assert_int_equal(n, 1);
    CONF_ID_EQ(out[0], s.mids[1]);
    conf_scn_free(&s);
}

static void queue_mark_sent_requires_a_claim_and_records_a_sent_event(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_id out[4];
    size_t n = 0;
    conf_scn_build(&s, fx->t, "ms", 2, 0, 0);
    CONF_EXPECT(MTRK_ESTATE, mtrk_queue_mark_sent(fx->t, s.mids[0], 0, NULL, NULL));
    assert_int_equal(conf_msg(fx->t, s.mids[0]).state, MTRK_MSG_QUEUED);
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 1, CONF_MIN));
    assert_int_equal(n, 1);
    CONF_OK(mtrk_queue_mark_sent(fx->t, out[0], CONF_T0 + 5000, "ses", "pm-1"));
    mtrk_message_info m = conf_msg(fx->t, out[0]);
    assert_int_equal(m.state, MTRK_MSG_SENT);
    assert_int_equal(m.sent_at, CONF_T0 + 5000);
    CONF_EXPECT(MTRK_ESTATE, mtrk_queue_mark_sent(fx->t, out[0], 0, NULL, NULL));

    mtrk_event_iter *it = NULL;
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    CONF_OK(mtrk_event_iter_message(&it, fx->t, out[0]));
    CONF_OK(mtrk_event_iter_next(&e, it));
    assert_int_equal(e.type, MTRK_EV_SENT);
    assert_int_equal(e.occurred_at, CONF_T0 + 5000);
    assert_string_equal(e.provider, "ses");
    assert_string_equal(e.provider_message_id, "pm-1");
    CONF_ID_EQ(e.mid, out[0]);
    CONF_ID_EQ(e.campaign, s.campaign);
    assert_int_equal(mtrk_event_iter_next(&e, it), MTRK_ITEROVER);
    mtrk_event_iter_free(it);
    assert_int_equal(conf_metrics(fx->t, s.campaign).sent, 1);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_queue_mark_sent(fx->t2, s.mids[1], 0, NULL, NULL));
    conf_scn_free(&s);
}

static void queue_release_returns_a_claimed_message_to_the_queue(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_id out[2];
    size_t n = 0;
    conf_scn_build(&s, fx->t, "rel", 1, 0, 0);
    CONF_EXPECT(MTRK_ESTATE, mtrk_queue_release(fx->t, s.mids[0]));
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 2, CONF_HOUR));
    assert_int_equal(n, 1);
    CONF_OK(mtrk_queue_release(fx->t, s.mids[0]));
    assert_int_equal(conf_msg(fx->t, s.mids[0]).state, MTRK_MSG_QUEUED);
    /* claimable again at once, without waiting for the lease */
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 2, CONF_HOUR));
    assert_int_equal(n, 1);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_queue_release(fx->t2, s.mids[0]));
    conf_scn_free(&s);
}

static void campaign_cancel_cancels_queued_and_claimed_messages(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_id out[4];
    size_t n = 0;
    conf_scn_build(&s, fx->t, "cc", 4, 0, 0);
    CONF_OK(mtrk_queue_claim(out, &n, NULL, fx->t, s.campaign, 2, CONF_HOUR));
    assert_int_equal(n, 2);
    CONF_OK(mtrk_queue_mark_sent(fx->t, out[0], 0, NULL, NULL));
    CONF_OK(mtrk_campaign_set_status(fx->t, s.campaign, MTRK_CAMPAIGN_CANCELED));
    size_t canceled = 0;
    for (size_t i = 0; i < s.n; i++) {
        mtrk_message_info m = conf_msg(fx->t, s.mids[i]);
        if (mtrk_id_compare(s.mids[i], out[0]) == 0) {
            assert_int_equal(m.state, MTRK_MSG_SENT);
        } else {
            assert_int_equal(m.state, MTRK_MSG_CANCELED);
            assert_int_equal(m.cancel_reason, MTRK_EXCL_CAMPAIGN_CANCELED);
            canceled++;
        }
    }
    assert_int_equal(canceled, 3);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.canceled, 3);
    assert_int_equal(mt.sent, 1);
    assert_int_equal(mt.messages, 4);
    conf_scn_free(&s);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(generation_excludes_each_contact_under_its_first_reason),
    CONF_TEST(generation_creates_one_message_per_eligible_contact_of_the_union),
    CONF_TEST(check_contact_answers_the_first_reason_or_not_in_audience),
    CONF_TEST(exclusion_names_are_static),
    CONF_TEST(generation_rerun_is_idempotent),
    CONF_TEST(generation_rerun_adds_newly_eligible_contacts),
    CONF_TEST(generation_allowed_in_draft_scheduled_and_sending_only),
    CONF_TEST(generation_refuses_bad_arguments),
    CONF_TEST(generation_of_a_20000_contact_audience),
    CONF_TEST(generation_agrees_with_the_single_check_for_every_contact),
    CONF_TEST(message_get_find_and_iterate_in_mid_order),
    CONF_TEST(queue_claim_only_while_sending),
    CONF_TEST(queue_claims_up_to_cap_with_a_lease),
    CONF_TEST(queue_expired_lease_returns_claims),
    CONF_TEST(queue_claim_rechecks_eligibility_and_cancels_with_the_reason),
    CONF_TEST(queue_reclaim_after_lease_rechecks_eligibility),
    CONF_TEST(queue_mark_sent_requires_a_claim_and_records_a_sent_event),
    CONF_TEST(queue_release_returns_a_claimed_message_to_the_queue),
    CONF_TEST(campaign_cancel_cancels_queued_and_claimed_messages),
};

CONF_GROUP(conf_group_generation, "generation", tests);
