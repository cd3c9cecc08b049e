/*
 * Conformance: the suppression list.
 *
 * The contract (docs/rules.md "Unsubscribes and suppressions", mtrk/contact.h):
 *  - entries block one address (normalized, case-insensitive) or a whole
 *    domain, with a reason (1–256 chars); erasure adds keyed-hash entries,
 *    which callers cannot add (MTRK_SUPPRESS_HASH is MTRK_EINVAL);
 *  - adding an existing entry succeeds with created = 0;
 *  - check answers 0 or the blocking kind, address or hash before domain;
 *  - remove is explicit and audited; for an address it also removes its
 *    erased-hash entry; MTRK_ENOTFOUND if nothing was suppressed;
 *  - entries iterate by kind, then value;
 *  - add and remove are audited ("suppression.add", "suppression.remove")
 *    with the nil entity.
 */
#include <strings.h>

#include "conf_build.h"

static mtrk_suppression_kind check(mtrk_tenant *t, const char *address)
{
    mtrk_suppression_kind k = (mtrk_suppression_kind)77;
    CONF_OK(mtrk_suppression_check(&k, t, address));
    return k;
}

static void test_suppression_address_entry_blocks_that_address_only(void **state)
{
    conf_fixture *fx = *state;
    int created = -1;
    conf_clock_advance(42);
    CONF_OK(mtrk_suppression_add(&created, fx->t, MTRK_SUPPRESS_ADDRESS, " Bad@Example.COM ", "manual"));
    assert_int_equal(created, 1);
    assert_int_equal(check(fx->t, "bad@example.com"), MTRK_SUPPRESS_ADDRESS);
    assert_int_equal(check(fx->t, "BAD@EXAMPLE.COM"), MTRK_SUPPRESS_ADDRESS);
    assert_int_equal(check(fx->t, "good@example.com"), 0);
    assert_int_equal(check(fx->t, "bad@example.org"), 0);
    assert_int_equal(check(fx->t2, "bad@example.com"), 0);
    mtrk_suppression_iter *it = NULL;
    const mtrk_suppression *s;
    CONF_OK(mtrk_suppression_iter_new(&it, fx->t));
    CONF_OK(mtrk_suppression_iter_next(&s, it));
    assert_int_equal(mtrk_suppression_kind_of(s), MTRK_SUPPRESS_ADDRESS);
    assert_int_equal(strcasecmp(mtrk_suppression_value(s), "bad@example.com"), 0);
    assert_string_equal(mtrk_suppression_reason(s), "manual");
    assert_int_equal(mtrk_suppression_created_at(s), CONF_T0 + 42);
    CONF_EXPECT(MTRK_ITEROVER, mtrk_suppression_iter_next(&s, it));
    mtrk_suppression_iter_free(it);
}

static void test_suppression_duplicate_is_not_created_twice(void **state)
{
    conf_fixture *fx = *state;
    int created = -1;
    CONF_OK(mtrk_suppression_add(&created, fx->t, MTRK_SUPPRESS_ADDRESS, "x@example.com", "manual"));
    assert_int_equal(created, 1);
    CONF_OK(mtrk_suppression_add(&created, fx->t, MTRK_SUPPRESS_ADDRESS, "X@EXAMPLE.com", "import"));
    assert_int_equal(created, 0);
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "example.net", "manual"));
    CONF_OK(mtrk_suppression_add(&created, fx->t, MTRK_SUPPRESS_DOMAIN, "EXAMPLE.NET", "manual"));
    assert_int_equal(created, 0);
    assert_int_equal(conf_suppression_count(fx->t), 2);
}

static void test_suppression_domain_entry_blocks_every_address_of_the_domain(void **state)
{
    conf_fixture *fx = *state;
    int created = -1;
    CONF_OK(mtrk_suppression_add(&created, fx->t, MTRK_SUPPRESS_DOMAIN, "Spam.Example", "abuse"));
    assert_int_equal(created, 1);
    assert_int_equal(check(fx->t, "anyone@spam.example"), MTRK_SUPPRESS_DOMAIN);
    assert_int_equal(check(fx->t, "Other.Person@SPAM.EXAMPLE"), MTRK_SUPPRESS_DOMAIN);
    assert_int_equal(check(fx->t, "anyone@spam.example.org"), 0);
    assert_int_equal(check(fx->t, "anyone@notspam.example"), 0);
    mtrk_suppression_iter *it = NULL;
    const mtrk_suppression *s;
    CONF_OK(mtrk_suppression_iter_new(&it, fx->t));
    CONF_OK(mtrk_suppression_iter_next(&s, it));
    assert_int_equal(mtrk_suppression_kind_of(s), MTRK_SUPPRESS_DOMAIN);
    assert_string_equal(mtrk_suppression_value(s), "spam.example");
    assert_string_equal(mtrk_suppression_reason(s), "abuse");
    mtrk_suppression_iter_free(it);
}

static void test_suppression_check_prefers_address_or_hash_over_domain(void **state)
{
    conf_fixture *fx = *state;
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "example.com", "manual"));
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "both@example.com", "manual"));
    assert_int_equal(check(fx->t, "both@example.com"), MTRK_SUPPRESS_ADDRESS);
    assert_int_equal(check(fx->t, "only-domain@example.com"), MTRK_SUPPRESS_DOMAIN);
    /* an erased address in a suppressed domain answers with the hash */
    mtrk_id c = conf_contact(fx->t, "erased@example.com");
    CONF_OK(mtrk_contact_erase(fx->t, c));
    assert_int_equal(check(fx->t, "erased@example.com"), MTRK_SUPPRESS_HASH);
    /* removing the domain leaves the address entries */
    CONF_OK(mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_DOMAIN, "EXAMPLE.com"));
    assert_int_equal(check(fx->t, "only-domain@example.com"), 0);
    assert_int_equal(check(fx->t, "both@example.com"), MTRK_SUPPRESS_ADDRESS);
    assert_int_equal(check(fx->t, "erased@example.com"), MTRK_SUPPRESS_HASH);
}

static void test_suppression_remove_unblocks_and_missing_is_enotfound(void **state)
{
    conf_fixture *fx = *state;
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "rm@example.com", "manual"));
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "rm.example", "manual"));
    CONF_OK(mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_ADDRESS, "RM@example.com"));
    assert_int_equal(check(fx->t, "rm@example.com"), 0);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_ADDRESS, "rm@example.com"));
    /* an address is not removed through the domain kind, nor the reverse */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_DOMAIN, "example.com"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_ADDRESS, "x@rm.example"));
    assert_int_equal(check(fx->t, "x@rm.example"), MTRK_SUPPRESS_DOMAIN);
    CONF_OK(mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_DOMAIN, "rm.example"));
    assert_int_equal(check(fx->t, "x@rm.example"), 0);
    assert_int_equal(conf_suppression_count(fx->t), 0);
    /* another tenant's entry is not removable here */
    CONF_OK(mtrk_suppression_add(NULL, fx->t2, MTRK_SUPPRESS_ADDRESS, "t2@example.com", "manual"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_ADDRESS, "t2@example.com"));
    assert_int_equal(check(fx->t2, "t2@example.com"), MTRK_SUPPRESS_ADDRESS);
}

static void test_suppression_iteration_by_kind_then_value(void **state)
{
    conf_fixture *fx = *state;
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "b.example", "r"));
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "z@x.example", "r"));
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "a.example", "r"));
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "a@x.example", "r"));
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "m@x.example", "r"));
    CONF_OK(mtrk_suppression_add(NULL, fx->t2, MTRK_SUPPRESS_ADDRESS, "b@x.example", "r"));
    static const struct { mtrk_suppression_kind k; const char *v; } want[] = {
        { MTRK_SUPPRESS_ADDRESS, "a@x.example" }, { MTRK_SUPPRESS_ADDRESS, "m@x.example" },
        { MTRK_SUPPRESS_ADDRESS, "z@x.example" }, { MTRK_SUPPRESS_DOMAIN, "a.example" },
        { MTRK_SUPPRESS_DOMAIN, "b.example" },
    };
    mtrk_suppression_iter *it = NULL;
    const mtrk_suppression *s;
    CONF_OK(mtrk_suppression_iter_new(&it, fx->t));
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        CONF_OK(mtrk_suppression_iter_next(&s, it));
        assert_int_equal(mtrk_suppression_kind_of(s), want[i].k);
        assert_string_equal(mtrk_suppression_value(s), want[i].v);
    }
    CONF_EXPECT(MTRK_ITEROVER, mtrk_suppression_iter_next(&s, it));
    mtrk_suppression_iter_free(it);
    mtrk_suppression_iter_free(NULL);
}

static void test_suppression_reason_is_required(void **state)
{
    conf_fixture *fx = *state;
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "r@example.com", NULL));
    CONF_ERRMSG_HAS("reason");
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "r@example.com", ""));
    CONF_ERRMSG_HAS("reason");
    char *r257 = conf_repeat('r', MTRK_MAX_NAME + 1);
    char *r256 = conf_repeat('r', MTRK_MAX_NAME);
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "r@example.com", r257));
    CONF_ERRMSG_HAS("reason");
    CONF_EXPECT(MTRK_EENCODING, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "r@example.com", "bad\xff"));
    CONF_ERRMSG_HAS("reason");
    assert_int_equal(conf_suppression_count(fx->t), 0);
    assert_int_equal(check(fx->t, "r@example.com"), 0);
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "r@example.com", r256));
    assert_int_equal(check(fx->t, "r@example.com"), MTRK_SUPPRESS_ADDRESS);
    free(r256);
    free(r257);
}

static void test_suppression_hash_kind_and_bad_kinds_are_refused(void **state)
{
    conf_fixture *fx = *state;
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_HASH,
                                                  "0123456789abcdef0123456789abcdef", "erased"));
    CONF_ERRMSG_HAS("kind");
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, (mtrk_suppression_kind)0, "k@example.com", "r"));
    CONF_ERRMSG_HAS("kind");
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, (mtrk_suppression_kind)9, "k@example.com", "r"));
    CONF_ERRMSG_HAS("kind");
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_remove(fx->t, (mtrk_suppression_kind)9, "k@example.com"));
    CONF_ERRMSG_HAS("kind");
    assert_int_equal(conf_suppression_count(fx->t), 0);
    assert_false(conf_audit_last(fx->t, "suppression.add").found);
}

static void test_suppression_values_are_validated(void **state)
{
    conf_fixture *fx = *state;
    CONF_EXPECT(MTRK_EADDRESS, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "not-an-address", "r"));
    CONF_EXPECT(MTRK_EADDRESS, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "a b@example.com", "r"));
    CONF_EXPECT(MTRK_EENCODING, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "a@ex\xff.com", "r"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "exa mple.com", "r"));
    CONF_ERRMSG_HAS("domain");
    CONF_EXPECT(MTRK_EINVAL, mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "user@example.com", "r"));
    CONF_ERRMSG_HAS("domain");
    CONF_EXPECT(MTRK_EADDRESS, mtrk_suppression_check(&(mtrk_suppression_kind){ 0 }, fx->t, "nope"));
    assert_int_equal(conf_suppression_count(fx->t), 0);
}

static void test_suppression_add_and_remove_are_audited(void **state)
{
    conf_fixture *fx = *state;
    CONF_OK(mtrk_tenant_set_actor(fx->t, "ops:lucas"));
    conf_clock_advance(10);
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "audit.example", "manual"));
    conf_audit r = conf_audit_last(fx->t, "suppression.add");
    assert_true(r.found);
    assert_int_equal(r.count, 1);
    assert_string_equal(r.actor, "ops:lucas");
    assert_true(mtrk_id_is_nil(r.entity));
    assert_int_equal(r.at, CONF_T0 + 10);
    assert_non_null(strstr(r.detail, "audit.example"));
    /* a repeat changes nothing and is not audited again */
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "audit.example", "manual"));
    assert_int_equal(conf_audit_last(fx->t, "suppression.add").count, 1);
    CONF_OK(mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_DOMAIN, "audit.example"));
    r = conf_audit_last(fx->t, "suppression.remove");
    assert_true(r.found);
    assert_string_equal(r.actor, "ops:lucas");
    assert_true(mtrk_id_is_nil(r.entity));
    /* a refused remove is not audited */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_suppression_remove(fx->t, MTRK_SUPPRESS_DOMAIN, "audit.example"));
    assert_int_equal(conf_audit_last(fx->t, "suppression.remove").count, 1);
    assert_false(conf_audit_last(fx->t2, "suppression.add").found);
}

static void test_suppression_makes_a_contact_ineligible(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id a = conf_contact(fx->t, "addr@one.example");
    mtrk_id d = conf_contact(fx->t, "dom@two.example");
    mtrk_id aud = conf_audience(fx->t, "a");
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, a));
    CONF_OK(mtrk_audience_add(NULL, fx->t, aud, d));
    mtrk_id camp = conf_campaign_for(fx->t, aud);
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_ADDRESS, "addr@one.example", "manual"));
    CONF_OK(mtrk_suppression_add(NULL, fx->t, MTRK_SUPPRESS_DOMAIN, "two.example", "manual"));
    mtrk_exclusion why = MTRK_EXCL_NONE;
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, camp, a));
    assert_int_equal(why, MTRK_EXCL_ADDRESS_SUPPRESSED);
    CONF_OK(mtrk_campaign_check_contact(&why, fx->t, camp, d));
    assert_int_equal(why, MTRK_EXCL_DOMAIN_SUPPRESSED);
    /* the contacts themselves stay active: suppression is not a status */
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, a));
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ACTIVE);
    mtrk_contact_free(c);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_suppression_address_entry_blocks_that_address_only),
    CONF_TEST(test_suppression_duplicate_is_not_created_twice),
    CONF_TEST(test_suppression_domain_entry_blocks_every_address_of_the_domain),
    CONF_TEST(test_suppression_check_prefers_address_or_hash_over_domain),
    CONF_TEST(test_suppression_remove_unblocks_and_missing_is_enotfound),
    CONF_TEST(test_suppression_iteration_by_kind_then_value),
    CONF_TEST(test_suppression_reason_is_required),
    CONF_TEST(test_suppression_hash_kind_and_bad_kinds_are_refused),
    CONF_TEST(test_suppression_values_are_validated),
    CONF_TEST(test_suppression_add_and_remove_are_audited),
    CONF_TEST(test_suppression_makes_a_contact_ineligible),
};

CONF_GROUP(conf_group_suppressions, "suppressions", tests);
