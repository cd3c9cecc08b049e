/*
 * Conformance: audiences and their members.
 *
 * The contract (mtrk/contact.h "Audiences"):
 *  - an audience has a name (1–256, not unique), a creation time and members;
 *  - add/remove of one member report whether anything changed;
 *  - batch add is one transaction: an unknown contact fails the whole call
 *    (MTRK_ENOTFOUND naming its index) and nothing is written; batch remove
 *    counts the memberships removed;
 *  - audiences iterate in id order, members in contact-id order;
 *  - delete removes the audience and its memberships, and is refused
 *    (MTRK_ESTATE) while a campaign that is not final targets it.
 */
#include "conf_build.h"

static void test_audience_create_get_rename(void **state)
{
    conf_fixture *fx = *state;
    conf_clock_advance(321);
    mtrk_id id = conf_audience(fx->t, "Newsletter");
    mtrk_id same_name = conf_audience(fx->t, "Newsletter");
    assert_false(conf_id_eq(id, same_name)); /* names need not be unique */
    mtrk_audience *a = NULL;
    CONF_OK(mtrk_audience_get(&a, fx->t, id));
    assert_true(conf_id_eq(mtrk_audience_id(a), id));
    assert_string_equal(mtrk_audience_name(a), "Newsletter");
    assert_int_equal(mtrk_audience_created_at(a), CONF_T0 + 321);
    assert_int_equal(mtrk_audience_member_count(a), 0);
    mtrk_audience_free(a);

    CONF_OK(mtrk_audience_rename(fx->t, id, "Boletim \xc3\xbanico"));
    CONF_OK(mtrk_audience_get(&a, fx->t, id));
    assert_string_equal(mtrk_audience_name(a), "Boletim \xc3\xbanico");
    mtrk_audience_free(a);
    mtrk_audience_free(NULL);
    /* the other audience kept its name */
    CONF_OK(mtrk_audience_get(&a, fx->t, same_name));
    assert_string_equal(mtrk_audience_name(a), "Newsletter");
    mtrk_audience_free(a);
}

static void test_audience_name_limits(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id id;
    char *n256 = conf_repeat('a', MTRK_MAX_NAME);
    char *n257 = conf_repeat('a', MTRK_MAX_NAME + 1);
    CONF_OK(mtrk_audience_create(&id, fx->t, n256));
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_audience_create(&id, fx->t, n257));
    CONF_ERRMSG_HAS("name");
    CONF_EXPECT(MTRK_EINVAL, mtrk_audience_create(&id, fx->t, ""));
    CONF_ERRMSG_HAS("name");
    CONF_EXPECT(MTRK_EENCODING, mtrk_audience_create(&id, fx->t, "list\xfe"));
    CONF_ERRMSG_HAS("name");
    assert_int_equal(conf_audience_total(fx->t), 1);
    mtrk_id keep = conf_audience(fx->t, "keep");
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_audience_rename(fx->t, keep, n257));
    CONF_EXPECT(MTRK_EINVAL, mtrk_audience_rename(fx->t, keep, ""));
    CONF_EXPECT(MTRK_EENCODING, mtrk_audience_rename(fx->t, keep, "\xc3"));
    mtrk_audience *a = NULL;
    CONF_OK(mtrk_audience_get(&a, fx->t, keep));
    assert_string_equal(mtrk_audience_name(a), "keep");
    mtrk_audience_free(a);
    free(n256);
    free(n257);
}

static void test_audience_unknown_id_is_enotfound(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id x = conf_unknown_id();
    mtrk_id c = conf_contact(fx->t, "m@example.com");
    mtrk_audience *a = NULL;
    uint64_t n;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_get(&a, fx->t, x));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_rename(fx->t, x, "n"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_delete(fx->t, x));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_add(NULL, fx->t, x, c));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_remove(NULL, fx->t, x, c));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_count(&n, fx->t, x));
    mtrk_member_iter *it = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_member_iter_new(&it, fx->t, x));
    /* an unknown contact in a known audience */
    mtrk_id aud = conf_audience(fx->t, "l");
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_add(NULL, fx->t, aud, x));
    assert_int_equal(conf_member_count(fx->t, aud), 0);
}

static void test_audience_add_and_remove_single_member_report_changes(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud = conf_audience(fx->t, "l");
    mtrk_id a = conf_contact(fx->t, "a@example.com");
    mtrk_id b = conf_contact(fx->t, "b@example.com");
    int added = -1, removed = -1;
    CONF_OK(mtrk_audience_add(&added, fx->t, aud, a));
    assert_int_equal(added, 1);
    CONF_OK(mtrk_audience_add(&added, fx->t, aud, a));
    assert_int_equal(added, 0);
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, b));
    assert_int_equal(conf_member_count(fx->t, aud), 2);
    mtrk_audience *snap = NULL;
    CONF_OK(mtrk_audience_get(&snap, fx->t, aud));
    assert_int_equal(mtrk_audience_member_count(snap), 2);
    mtrk_audience_free(snap);

    CONF_OK(mtrk_audience_remove(&removed, fx->t, aud, a));
    assert_int_equal(removed, 1);
    CONF_OK(mtrk_audience_remove(&removed, fx->t, aud, a));
    assert_int_equal(removed, 0);
    CONF_OK(mtrk_audience_remove(NULL, fx->t, aud, a));
    assert_int_equal(conf_member_count(fx->t, aud), 1);
    /* the contact itself is untouched by leaving the list */
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, a));
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ACTIVE);
    mtrk_contact_free(c);
}

static void test_audience_batch_add_counts_new_memberships(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud = conf_audience(fx->t, "batch");
    mtrk_id ids[10];
    char addr[32];
    for (int i = 0; i < 10; i++) {
        snprintf(addr, sizeof addr, "b%d@example.com", i);
        ids[i] = conf_contact(fx->t, addr);
    }
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, ids[0]));
    size_t added = 99;
    CONF_OK(mtrk_audience_add_batch(&added, fx->t, aud, ids, 6));
    assert_int_equal(added, 5);
    assert_int_equal(conf_member_count(fx->t, aud), 6);
    /* duplicates inside one batch count once */
    mtrk_id dup[4] = { ids[6], ids[6], ids[7], ids[0] };
    CONF_OK(mtrk_audience_add_batch(&added, fx->t, aud, dup, 4));
    assert_int_equal(added, 2);
    assert_int_equal(conf_member_count(fx->t, aud), 8);
    CONF_OK(mtrk_audience_add_batch(NULL, fx->t, aud, ids + 8, 2));
    assert_int_equal(conf_member_count(fx->t, aud), 10);
}

static void test_audience_batch_add_with_an_unknown_contact_changes_nothing(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud = conf_audience(fx->t, "atomic");
    mtrk_id ids[5];
    ids[0] = conf_contact(fx->t, "x0@example.com");
    ids[1] = conf_contact(fx->t, "x1@example.com");
    ids[2] = conf_unknown_id();
    ids[3] = conf_contact(fx->t, "x3@example.com");
    ids[4] = conf_contact(fx->t2, "other-tenant@example.com");
    size_t added = 99;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_add_batch(&added, fx->t, aud, ids, 4));
    CONF_ERRMSG_HAS("2");
    assert_int_equal(conf_member_count(fx->t, aud), 0);
    /* another tenant's contact is unknown here too */
    mtrk_id mixed[2] = { ids[0], ids[4] };
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_add_batch(&added, fx->t, aud, mixed, 2));
    CONF_ERRMSG_HAS("1");
    assert_int_equal(conf_member_count(fx->t, aud), 0);
    mtrk_member_iter *it = NULL;
    mtrk_id m;
    CONF_OK(mtrk_member_iter_new(&it, fx->t, aud));
    CONF_EXPECT(MTRK_ITEROVER, mtrk_member_iter_next(&m, it));
    mtrk_member_iter_free(it);
}

static void test_audience_batch_remove_counts_removed_memberships(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud = conf_audience(fx->t, "rm");
    mtrk_id ids[6];
    char addr[32];
    for (int i = 0; i < 6; i++) {
        snprintf(addr, sizeof addr, "r%d@example.com", i);
        ids[i] = conf_contact(fx->t, addr);
    }
    CONF_OK(mtrk_audience_add_batch(NULL, fx->t, aud, ids, 4));
    size_t removed = 99;
    /* ids[4], ids[5] are contacts but not members */
    mtrk_id rm[4] = { ids[1], ids[3], ids[4], ids[5] };
    CONF_OK(mtrk_audience_remove_batch(&removed, fx->t, aud, rm, 4));
    assert_int_equal(removed, 2);
    assert_int_equal(conf_member_count(fx->t, aud), 2);
    CONF_OK(mtrk_audience_remove_batch(&removed, fx->t, aud, rm, 4));
    assert_int_equal(removed, 0);
    assert_int_equal(conf_member_count(fx->t, aud), 2);
}

static void test_audience_member_iteration_in_contact_id_order(void **state)
{
    conf_fixture *fx = *state;
    enum { N = 300 };
    mtrk_id ids[N];
    char addr[32];
    for (int i = 0; i < N; i++) {
        snprintf(addr, sizeof addr, "m%03d@example.com", i);
        ids[i] = conf_contact(fx->t, addr);
        conf_clock_advance(1);
    }
    mtrk_id aud = conf_audience(fx->t, "ordered");
    mtrk_id other = conf_audience(fx->t, "other");
    /* added in reverse, every third one left out */
    for (int i = N - 1; i >= 0; i--)
        if (i % 3 != 0)
            CONF_OK(mtrk_audience_add(NULL, fx->t, aud, ids[i]));
    CONF_OK(mtrk_audience_add(NULL, fx->t, other, ids[0]));
    mtrk_member_iter *it = NULL;
    CONF_OK(mtrk_member_iter_new(&it, fx->t, aud));
    mtrk_id m, prev = conf_nil();
    int rc, n = 0, expect = 1;
    while ((rc = mtrk_member_iter_next(&m, it)) == MTRK_OK) {
        if (expect % 3 == 0)
            expect++;
        assert_true(expect < N);
        assert_true(conf_id_eq(m, ids[expect]));
        assert_true(mtrk_id_compare(prev, m) < 0);
        prev = m;
        expect++;
        n++;
    }
    CONF_EXPECT(MTRK_ITEROVER, rc);
    mtrk_member_iter_free(it);
    mtrk_member_iter_free(NULL);
    assert_int_equal(n, N - N / 3);
    assert_int_equal(conf_member_count(fx->t, aud), (uint64_t)(N - N / 3));
}

static void test_audience_iteration_in_id_order(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id ids[20];
    char name[16];
    for (int i = 0; i < 20; i++) {
        snprintf(name, sizeof name, "list %d", 19 - i);
        ids[i] = conf_audience(fx->t, name);
        conf_clock_advance(1);
    }
    conf_audience(fx->t2, "foreign");
    mtrk_audience_iter *it = NULL;
    const mtrk_audience *a;
    CONF_OK(mtrk_audience_iter_new(&it, fx->t));
    int n = 0, rc;
    while ((rc = mtrk_audience_iter_next(&a, it)) == MTRK_OK) {
        assert_true(n < 20);
        assert_true(conf_id_eq(mtrk_audience_id(a), ids[n]));
        snprintf(name, sizeof name, "list %d", 19 - n);
        assert_string_equal(mtrk_audience_name(a), name);
        n++;
    }
    CONF_EXPECT(MTRK_ITEROVER, rc);
    mtrk_audience_iter_free(it);
    mtrk_audience_iter_free(NULL);
    assert_int_equal(n, 20);
}

static void test_audience_delete_removes_it_and_its_memberships(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud = conf_audience(fx->t, "doomed");
    mtrk_id keep = conf_audience(fx->t, "kept");
    mtrk_id c = conf_contact(fx->t, "d@example.com");
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, c));
    CONF_OK(mtrk_audience_add(NULL, fx->t, keep, c));
    CONF_OK(mtrk_audience_delete(fx->t, aud));
    mtrk_audience *a = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_get(&a, fx->t, aud));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_delete(fx->t, aud));
    assert_int_equal(conf_audience_total(fx->t), 1);
    assert_int_equal(conf_member_count(fx->t, keep), 1);
    /* the contact stays */
    mtrk_contact *ct = NULL;
    CONF_OK(mtrk_contact_get(&ct, fx->t, c));
    mtrk_contact_free(ct);
}

static void test_audience_delete_refused_while_a_live_campaign_targets_it(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud = conf_audience(fx->t, "targeted");
    mtrk_id c = conf_contact(fx->t, "t@example.com");
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, c));
    mtrk_id camp = conf_campaign_for(fx->t, aud);
    /* draft */
    CONF_EXPECT(MTRK_ESTATE, mtrk_audience_delete(fx->t, aud));
    assert_int_equal(conf_member_count(fx->t, aud), 1);
    /* scheduled, paused */
    CONF_OK(mtrk_campaign_set_status(fx->t, camp, MTRK_CAMPAIGN_SCHEDULED));
    CONF_EXPECT(MTRK_ESTATE, mtrk_audience_delete(fx->t, aud));
    CONF_OK(mtrk_campaign_set_status(fx->t, camp, MTRK_CAMPAIGN_PAUSED));
    CONF_EXPECT(MTRK_ESTATE, mtrk_audience_delete(fx->t, aud));
    mtrk_audience *a = NULL;
    CONF_OK(mtrk_audience_get(&a, fx->t, aud));
    mtrk_audience_free(a);
    /* once the campaign is final, the audience can go */
    CONF_OK(mtrk_campaign_set_status(fx->t, camp, MTRK_CAMPAIGN_CANCELED));
    CONF_OK(mtrk_audience_delete(fx->t, aud));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_get(&a, fx->t, aud));
}

static void test_audience_delete_allowed_after_detach(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud = conf_audience(fx->t, "detached");
    mtrk_id camp = conf_campaign_for(fx->t, aud);
    CONF_EXPECT(MTRK_ESTATE, mtrk_audience_delete(fx->t, aud));
    CONF_OK(mtrk_campaign_detach_audience(fx->t, camp, aud));
    CONF_OK(mtrk_audience_delete(fx->t, aud));
}

static void test_audience_delete_allowed_when_the_campaign_was_sent(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id aud = conf_audience(fx->t, "done");
    mtrk_id camp = conf_campaign_for(fx->t, aud);
    CONF_OK(mtrk_campaign_set_status(fx->t, camp, MTRK_CAMPAIGN_SCHEDULED));
    CONF_OK(mtrk_campaign_set_status(fx->t, camp, MTRK_CAMPAIGN_SENDING));
    CONF_EXPECT(MTRK_ESTATE, mtrk_audience_delete(fx->t, aud));
    CONF_OK(mtrk_campaign_set_status(fx->t, camp, MTRK_CAMPAIGN_SENT));
    CONF_OK(mtrk_audience_delete(fx->t, aud));
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_audience_create_get_rename),
    CONF_TEST(test_audience_name_limits),
    CONF_TEST(test_audience_unknown_id_is_enotfound),
    CONF_TEST(test_audience_add_and_remove_single_member_report_changes),
    CONF_TEST(test_audience_batch_add_counts_new_memberships),
    CONF_TEST(test_audience_batch_add_with_an_unknown_contact_changes_nothing),
    CONF_TEST(test_audience_batch_remove_counts_removed_memberships),
    CONF_TEST(test_audience_member_iteration_in_contact_id_order),
    CONF_TEST(test_audience_iteration_in_id_order),
    CONF_TEST(test_audience_delete_removes_it_and_its_memberships),
    CONF_TEST(test_audience_delete_refused_while_a_live_campaign_targets_it),
    CONF_TEST(test_audience_delete_allowed_after_detach),
    CONF_TEST(test_audience_delete_allowed_when_the_campaign_was_sent),
};

CONF_GROUP(conf_group_audiences, "audiences", tests);
