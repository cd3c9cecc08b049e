/*
 * Conformance: unsubscribe rules.
 *
 * The contract (docs/rules.md "Unsubscribes and suppressions", mtrk/contact.h):
 *  - a rule is (contact, scope, scope id) with a source and a time; scope
 *    global takes the nil id, campaign and audience scopes take an id of an
 *    existing campaign/audience of the tenant (MTRK_ENOTFOUND otherwise);
 *  - adding an existing rule succeeds with created = 0;
 *  - adding and removing (resubscribing) are audited ("unsub.add",
 *    "unsub.remove"); removing a missing rule is MTRK_ENOTFOUND;
 *  - a contact's rules iterate in (scope, scope id) order;
 *  - a rule cancels the contact's queued messages in its scope and makes the
 *    contact ineligible for the campaigns in its scope.
 */
#include "conf_build.h"

typedef struct unsub_row {
    mtrk_unsub_scope scope;
    mtrk_id scope_id;
    mtrk_source source;
    mtrk_time at;
    mtrk_id contact;
    mtrk_id event;
} unsub_row;

static size_t list_unsubs(unsub_row *rows, size_t cap, mtrk_tenant *t, mtrk_id contact)
{
    mtrk_unsub_iter *it = NULL;
    const mtrk_unsub *u;
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_unsub_iter_new(&it, t, contact));
    while ((rc = mtrk_unsub_iter_next(&u, it)) == MTRK_OK) {
        assert_true(n < cap);
        rows[n].scope = mtrk_unsub_scope_of(u);
        rows[n].scope_id = mtrk_unsub_scope_id(u);
        rows[n].source = mtrk_unsub_source(u);
        rows[n].at = mtrk_unsub_created_at(u);
        rows[n].contact = mtrk_unsub_contact(u);
        rows[n].event = mtrk_unsub_event_id(u);
        n++;
    }
    CONF_EXPECT(MTRK_ITEROVER, rc);
    mtrk_unsub_iter_free(it);
    return n;
}

static void test_unsub_global_rule_is_recorded_with_source_and_time(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "u@example.com");
    conf_clock_advance(999);
    int created = -1;
    CONF_OK(mtrk_unsub_add(&created, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL));
    assert_int_equal(created, 1);
    unsub_row r[4];
    assert_int_equal(list_unsubs(r, 4, fx->t, c), 1);
    assert_true(conf_id_eq(r[0].contact, c));
    assert_int_equal(r[0].scope, MTRK_UNSUB_GLOBAL);
    assert_true(mtrk_id_is_nil(r[0].scope_id));
    assert_int_equal(r[0].source, MTRK_SOURCE_MANUAL);
    assert_int_equal(r[0].at, CONF_T0 + 999);
    assert_true(mtrk_id_is_nil(r[0].event)); /* explicit call, no event */
}

static void test_unsub_duplicate_rule_is_created_once(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "dup@example.com");
    mtrk_id camp = conf_campaign(fx->t, "c");
    int created = -1;
    CONF_OK(mtrk_unsub_add(&created, fx->t, c, MTRK_UNSUB_CAMPAIGN, camp, MTRK_SOURCE_LINK));
    assert_int_equal(created, 1);
    conf_clock_advance(1000);
    CONF_OK(mtrk_unsub_add(&created, fx->t, c, MTRK_UNSUB_CAMPAIGN, camp, MTRK_SOURCE_IMPORT));
    assert_int_equal(created, 0);
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_CAMPAIGN, camp, MTRK_SOURCE_LINK));
    unsub_row r[4];
    assert_int_equal(list_unsubs(r, 4, fx->t, c), 1);
    /* the first rule is kept as it was */
    assert_int_equal(r[0].source, MTRK_SOURCE_LINK);
    assert_int_equal(r[0].at, CONF_T0);
}

static void test_unsub_each_scope_and_iteration_order(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "scopes@example.com");
    mtrk_id a1 = conf_audience(fx->t, "a1");
    conf_clock_advance(1);
    mtrk_id a2 = conf_audience(fx->t, "a2");
    mtrk_id k1 = conf_campaign(fx->t, "k1");
    conf_clock_advance(1);
    mtrk_id k2 = conf_campaign(fx->t, "k2");
    /* added in the reverse of the iteration order */
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_AUDIENCE, a2, MTRK_SOURCE_LINK));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_AUDIENCE, a1, MTRK_SOURCE_ONE_CLICK));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_CAMPAIGN, k2, MTRK_SOURCE_LINK));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_CAMPAIGN, k1, MTRK_SOURCE_IMPORT));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL));
    unsub_row r[8];
    assert_int_equal(list_unsubs(r, 8, fx->t, c), 5);
    assert_int_equal(r[0].scope, MTRK_UNSUB_GLOBAL);
    assert_int_equal(r[1].scope, MTRK_UNSUB_CAMPAIGN);
    assert_true(conf_id_eq(r[1].scope_id, mtrk_id_compare(k1, k2) < 0 ? k1 : k2));
    assert_int_equal(r[2].scope, MTRK_UNSUB_CAMPAIGN);
    assert_true(conf_id_eq(r[2].scope_id, mtrk_id_compare(k1, k2) < 0 ? k2 : k1));
    assert_int_equal(r[3].scope, MTRK_UNSUB_AUDIENCE);
    assert_true(conf_id_eq(r[3].scope_id, mtrk_id_compare(a1, a2) < 0 ? a1 : a2));
    assert_int_equal(r[4].scope, MTRK_UNSUB_AUDIENCE);
    assert_true(conf_id_eq(r[4].scope_id, mtrk_id_compare(a1, a2) < 0 ? a2 : a1));
    assert_int_equal(r[0].source, MTRK_SOURCE_MANUAL);
    assert_int_equal(r[1].source, conf_id_eq(r[1].scope_id, k1) ? MTRK_SOURCE_IMPORT : MTRK_SOURCE_LINK);
    /* rules are per contact */
    mtrk_id other = conf_contact(fx->t, "other@example.com");
    assert_int_equal(conf_unsub_count(fx->t, other), 0);
}

static void test_unsub_source_is_recorded_for_each_source(void **state)
{
    conf_fixture *fx = *state;
    static const mtrk_source sources[] = {
        MTRK_SOURCE_LINK, MTRK_SOURCE_ONE_CLICK, MTRK_SOURCE_COMPLAINT, MTRK_SOURCE_MANUAL,
        MTRK_SOURCE_IMPORT,
    };
    char addr[32];
    for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++) {
        snprintf(addr, sizeof addr, "src%zu@example.com", i);
        mtrk_id c = conf_contact(fx->t, addr);
        CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), sources[i]));
        unsub_row r[2];
        assert_int_equal(list_unsubs(r, 2, fx->t, c), 1);
        assert_int_equal(r[0].source, sources[i]);
    }
}

static void test_unsub_out_of_range_scope_or_source_is_einval(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "range@example.com");
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, (mtrk_unsub_scope)0, conf_nil(), MTRK_SOURCE_MANUAL));
    CONF_ERRMSG_HAS("scope");
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, (mtrk_unsub_scope)4, conf_nil(), MTRK_SOURCE_MANUAL));
    CONF_ERRMSG_HAS("scope");
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), (mtrk_source)0));
    CONF_ERRMSG_HAS("source");
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), (mtrk_source)99));
    CONF_ERRMSG_HAS("source");
    /* a bounce is a suppression source, not an unsubscribe source */
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_BOUNCE));
    CONF_ERRMSG_HAS("source");
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_remove(fx->t, c, (mtrk_unsub_scope)7, conf_nil()));
    CONF_ERRMSG_HAS("scope");
    assert_int_equal(conf_unsub_count(fx->t, c), 0);
    assert_false(conf_audit_last(fx->t, "unsub.add").found);
}

static void test_unsub_scope_id_must_match_the_scope(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "sid@example.com");
    mtrk_id camp = conf_campaign(fx->t, "c");
    mtrk_id aud = conf_audience(fx->t, "a");
    mtrk_id camp2 = conf_campaign(fx->t2, "foreign");
    mtrk_id aud2 = conf_audience(fx->t2, "foreign");
    /* global takes the nil id */
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, camp, MTRK_SOURCE_MANUAL));
    CONF_ERRMSG_HAS("scope_id");
    /* campaign and audience scopes need an existing entity of their kind */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_CAMPAIGN, conf_unknown_id(), MTRK_SOURCE_MANUAL));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_CAMPAIGN, aud, MTRK_SOURCE_MANUAL));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_CAMPAIGN, camp2, MTRK_SOURCE_MANUAL));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_AUDIENCE, conf_unknown_id(), MTRK_SOURCE_MANUAL));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_AUDIENCE, camp, MTRK_SOURCE_MANUAL));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_AUDIENCE, aud2, MTRK_SOURCE_MANUAL));
    /* a nil id for a scoped rule names no entity */
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_CAMPAIGN, conf_nil(), MTRK_SOURCE_MANUAL));
    CONF_ERRMSG_HAS("scope_id");
    CONF_EXPECT(MTRK_EINVAL, mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_AUDIENCE, conf_nil(), MTRK_SOURCE_MANUAL));
    CONF_ERRMSG_HAS("scope_id");
    /* and a missing contact */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, conf_unknown_id(), MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL));
    assert_int_equal(conf_unsub_count(fx->t, c), 0);
    assert_false(conf_audit_last(fx->t, "unsub.add").found);
}

static void test_unsub_add_and_resubscribe_are_audited(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "aud@example.com");
    mtrk_id aud = conf_audience(fx->t, "news");
    CONF_OK(mtrk_tenant_set_actor(fx->t, "api:support"));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_AUDIENCE, aud, MTRK_SOURCE_MANUAL));
    conf_audit r = conf_audit_last(fx->t, "unsub.add");
    assert_true(r.found);
    assert_int_equal(r.count, 1);
    assert_string_equal(r.actor, "api:support");
    assert_true(conf_id_eq(r.entity, c));
    assert_int_equal(r.detail[0], '{');

    conf_clock_advance(5000);
    CONF_OK(mtrk_tenant_set_actor(fx->t, "api:customer"));
    CONF_OK(mtrk_unsub_remove(fx->t, c, MTRK_UNSUB_AUDIENCE, aud));
    assert_int_equal(conf_unsub_count(fx->t, c), 0);
    r = conf_audit_last(fx->t, "unsub.remove");
    assert_true(r.found);
    assert_int_equal(r.count, 1);
    assert_string_equal(r.actor, "api:customer");
    assert_true(conf_id_eq(r.entity, c));
    assert_int_equal(r.at, CONF_T0 + 5000);
    /* a repeat of an existing rule writes no second entry */
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL));
    assert_int_equal(conf_audit_last(fx->t, "unsub.add").count, 2);
}

static void test_unsub_remove_missing_rule_is_enotfound(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "none@example.com");
    mtrk_id camp = conf_campaign(fx->t, "c");
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_remove(fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil()));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL));
    /* a rule of another scope is not the one asked for */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_remove(fx->t, c, MTRK_UNSUB_CAMPAIGN, camp));
    assert_int_equal(conf_unsub_count(fx->t, c), 1);
    CONF_OK(mtrk_unsub_remove(fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil()));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_remove(fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil()));
    assert_false(conf_audit_last(fx->t, "unsub.remove").count > 1);
}

static void test_unsub_rules_decide_eligibility_and_resubscribe_restores_it(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "elig@example.com");
    mtrk_id aud = conf_audience(fx->t, "a");
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, c));
    mtrk_id camp = conf_campaign_for(fx->t, aud);
    mtrk_exclusion why = MTRK_EXCL_COUNT;
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, camp, c));
    assert_int_equal(why, MTRK_EXCL_NONE);
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_AUDIENCE, aud, MTRK_SOURCE_LINK));
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, camp, c));
    assert_int_equal(why, MTRK_EXCL_AUDIENCE_UNSUB);
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_CAMPAIGN, camp, MTRK_SOURCE_LINK));
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, camp, c));
    assert_int_equal(why, MTRK_EXCL_CAMPAIGN_UNSUB);
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_LINK));
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, camp, c));
    assert_int_equal(why, MTRK_EXCL_GLOBAL_UNSUB);
    CONF_OK(mtrk_unsub_remove(fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil()));
    CONF_OK(mtrk_unsub_remove(fx->t, c, MTRK_UNSUB_CAMPAIGN, camp));
    CONF_OK(mtrk_unsub_remove(fx->t, c, MTRK_UNSUB_AUDIENCE, aud));
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, camp, c));
    assert_int_equal(why, MTRK_EXCL_NONE);
}

static void test_unsub_cancels_queued_messages_in_its_scope(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_contact(fx->t, "q@example.com");
    mtrk_id aud = conf_audience(fx->t, "a");
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, c));
    mtrk_id k1 = conf_campaign_for(fx->t, aud);
    mtrk_id k2 = conf_campaign_for(fx->t, aud);
    CONF_OK(mtrk_campaign_generate(NULL, fx->t, k1));
    CONF_OK(mtrk_campaign_generate(NULL, fx->t, k2));
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_CAMPAIGN, k1, MTRK_SOURCE_MANUAL));
    mtrk_message_info m1, m2;
    CONF_OK(mtrk_message_info_init(&m1, MTRK_MESSAGE_INFO_VERSION));
    CONF_OK(mtrk_message_info_init(&m2, MTRK_MESSAGE_INFO_VERSION));
    CONF_OK(mtrk_message_find(&m1, fx->t, k1, c));
    CONF_OK(mtrk_message_find(&m2, fx->t, k2, c));
    assert_int_equal(m1.state, MTRK_MSG_CANCELED);
    assert_int_equal(m1.cancel_reason, MTRK_EXCL_CAMPAIGN_UNSUB);
    assert_int_equal(m2.state, MTRK_MSG_QUEUED);
    CONF_OK(mtrk_unsub_add(NULL, fx->t, c, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL));
    CONF_OK(mtrk_message_find(&m2, fx->t, k2, c));
    assert_int_equal(m2.state, MTRK_MSG_CANCELED);
    assert_int_equal(m2.cancel_reason, MTRK_EXCL_GLOBAL_UNSUB);
}

static void test_unsub_iteration_of_unknown_contact_is_enotfound(void **state)
{
    conf_fixture *fx = *state;
    mtrk_unsub_iter *it = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_iter_new(&it, fx->t, conf_unknown_id()));
    mtrk_unsub_iter_free(NULL);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_unsub_global_rule_is_recorded_with_source_and_time),
    CONF_TEST(test_unsub_duplicate_rule_is_created_once),
    CONF_TEST(test_unsub_each_scope_and_iteration_order),
    CONF_TEST(test_unsub_source_is_recorded_for_each_source),
    CONF_TEST(test_unsub_out_of_range_scope_or_source_is_einval),
    CONF_TEST(test_unsub_scope_id_must_match_the_scope),
    CONF_TEST(test_unsub_add_and_resubscribe_are_audited),
    CONF_TEST(test_unsub_remove_missing_rule_is_enotfound),
    CONF_TEST(test_unsub_rules_decide_eligibility_and_resubscribe_restores_it),
    CONF_TEST(test_unsub_cancels_queued_messages_in_its_scope),
    CONF_TEST(test_unsub_iteration_of_unknown_contact_is_enotfound),
};

CONF_GROUP(conf_group_unsubs, "unsubs", tests);
