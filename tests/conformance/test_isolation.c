/*
 * Conformance: tenant isolation of contacts, audiences, unsubscribes,
 * suppressions, audit, export and retention.
 *
 * The contract (docs/rules.md "Tenancy"): every
 * operation is scoped to one tenant; an id of another tenant behaves exactly
 * like an id that does not exist (MTRK_ENOTFOUND) and changes nothing, in
 * either tenant. Listings and lookups by value never show another tenant's
 * data.
 */
#include "conf_build.h"

typedef struct world {
    mtrk_id c2;      /* a contact of t2 */
    mtrk_id a2;      /* an audience of t2 with c2 as member */
    mtrk_id k2;      /* a campaign of t2 targeting a2 */
    mtrk_id c1;      /* a contact of t */
    mtrk_id a1;      /* an audience of t */
    size_t audit1, audit2;
} world;

static world make_world(conf_fixture *fx)
{
    world w;
    mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
    spec.name = "Tenant Two";
    spec.consent_source = "t2-form";
    CONF_OK(mtrk_contact_add(&w.c2, NULL, fx->t2, "two@example.com", &spec));
    CONF_OK(mtrk_contact_set_field(fx->t2, w.c2, "plan", "t2"));
    w.a2 = conf_audience(fx->t2, "t2-list");
    CONF_OK(mtrk_audience_add(NULL, fx->t2, w.a2, w.c2));
    w.k2 = conf_campaign_for(fx->t2, w.a2);
    CONF_OK(mtrk_unsub_add(NULL, fx->t2, w.c2, MTRK_UNSUB_CAMPAIGN, w.k2, MTRK_SOURCE_MANUAL));
    w.c1 = conf_contact(fx->t, "one@example.com");
    w.a1 = conf_audience(fx->t, "t1-list");
    w.audit1 = conf_audit_count(fx->t);
    w.audit2 = conf_audit_count(fx->t2);
    return w;
}

/* t2's data is exactly as make_world left it; t has no new audit entries. */
static void assert_world_unchanged(conf_fixture *fx, const world *w)
{
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t2, w->c2));
    assert_string_equal(mtrk_contact_address(c), "two@example.com");
    assert_string_equal(mtrk_contact_name(c), "Tenant Two");
    assert_string_equal(mtrk_contact_consent_source(c), "t2-form");
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ACTIVE);
    assert_int_equal(mtrk_contact_field_count(c), 1);
    assert_string_equal(mtrk_contact_field(c, "plan"), "t2");
    mtrk_contact_free(c);
    mtrk_audience *a = NULL;
    CONF_OK(mtrk_audience_get(&a, fx->t2, w->a2));
    assert_string_equal(mtrk_audience_name(a), "t2-list");
    mtrk_audience_free(a);
    assert_int_equal(conf_member_count(fx->t2, w->a2), 1);
    assert_int_equal(conf_unsub_count(fx->t2, w->c2), 1);
    assert_int_equal(conf_audit_count(fx->t2), w->audit2);
    assert_int_equal(conf_audit_count(fx->t), w->audit1);
    assert_int_equal(conf_member_count(fx->t, w->a1), 0);
    assert_int_equal(conf_unsub_count(fx->t, w->c1), 0);
    assert_int_equal(conf_contact_count(fx->t), 1);
    assert_int_equal(conf_audience_total(fx->t), 1);
}

static void test_isolation_contact_functions_treat_foreign_ids_as_unknown(void **state)
{
    conf_fixture *fx = *state;
    world w = make_world(fx);
    mtrk_contact *c = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_get(&c, fx->t, w.c2));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_find(&c, fx->t, "two@example.com"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_set_field(fx->t, w.c2, "plan", "hijack"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_set_field(fx->t, w.c2, "plan", NULL));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_set_name(fx->t, w.c2, "hijack"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_set_name(fx->t, w.c2, NULL));
    mtrk_contact_spec consent = MTRK_CONTACT_SPEC_INIT;
    consent.consent_source = "hijack";
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_set_consent(fx->t, w.c2, &consent));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_set_status(fx->t, w.c2, MTRK_CONTACT_BOUNCED));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_erase(fx->t, w.c2));
    char *json = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_export_json(&json, fx->t, w.c2));
    assert_null(json);
    assert_world_unchanged(fx, &w);
}

static void test_isolation_audience_functions_treat_foreign_ids_as_unknown(void **state)
{
    conf_fixture *fx = *state;
    world w = make_world(fx);
    mtrk_audience *a = NULL;
    uint64_t n = 0;
    int flag = -1;
    size_t cnt = 99;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_get(&a, fx->t, w.a2));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_rename(fx->t, w.a2, "hijack"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_delete(fx->t, w.a2));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_count(&n, fx->t, w.a2));
    mtrk_member_iter *mi = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_member_iter_new(&mi, fx->t, w.a2));
    /* foreign audience, own contact */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_add(&flag, fx->t, w.a2, w.c1));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_remove(&flag, fx->t, w.a2, w.c2));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_add_batch(&cnt, fx->t, w.a2, &w.c1, 1));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_remove_batch(&cnt, fx->t, w.a2, &w.c2, 1));
    /* own audience, foreign contact */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_add(&flag, fx->t, w.a1, w.c2));
    mtrk_id both[2] = { w.c1, w.c2 };
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_audience_add_batch(&cnt, fx->t, w.a1, both, 2));
    /* the foreign audience through its own tenant still has its member */
    assert_world_unchanged(fx, &w);
}

static void test_isolation_unsub_functions_treat_foreign_ids_as_unknown(void **state)
{
    conf_fixture *fx = *state;
    world w = make_world(fx);
    mtrk_id k1 = conf_campaign(fx->t, "own");
    w.audit1 = conf_audit_count(fx->t);
    /* foreign contact */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, w.c2, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_remove(fx->t, w.c2, MTRK_UNSUB_CAMPAIGN, w.k2));
    mtrk_unsub_iter *ui = NULL;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_iter_new(&ui, fx->t, w.c2));
    /* own contact, foreign scope ids */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, w.c1, MTRK_UNSUB_CAMPAIGN, w.k2, MTRK_SOURCE_MANUAL));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_unsub_add(NULL, fx->t, w.c1, MTRK_UNSUB_AUDIENCE, w.a2, MTRK_SOURCE_MANUAL));
    (void)k1;
    assert_world_unchanged(fx, &w);
}

/* The listings of a campaign's rows (links, messages, leads) treat a foreign
 * campaign as unknown, refuse a nil one, and hand out no iterator. */
static void test_isolation_campaign_listings_refuse_foreign_campaigns(void **state)
{
    conf_fixture *fx = *state;
    world w = make_world(fx);
    const mtrk_id ids[3] = { w.k2, conf_unknown_id(), conf_nil() };
    const int want[3] = { MTRK_ENOTFOUND, MTRK_ENOTFOUND, MTRK_EINVAL };
    for (int i = 0; i < 3; i++) {
        mtrk_link_iter *li = (mtrk_link_iter *)&li;
        mtrk_message_iter *mi = (mtrk_message_iter *)&mi;
        mtrk_lead_iter *ei = (mtrk_lead_iter *)&ei;
        CONF_EXPECT(want[i], mtrk_link_iter_new(&li, fx->t, ids[i]));
        CONF_EXPECT(want[i], mtrk_message_iter_new(&mi, fx->t, ids[i]));
        CONF_EXPECT(want[i], mtrk_lead_iter_new(&ei, fx->t, ids[i]));
        assert_null(li);
        assert_null(mi);
        assert_null(ei);
    }
    /* the campaign through its own tenant lists its messages */
    mtrk_message_iter *own = NULL;
    CONF_OK(mtrk_message_iter_new(&own, fx->t2, w.k2));
    mtrk_message_iter_free(own);
    assert_world_unchanged(fx, &w);
}

static void test_isolation_listings_show_only_the_own_tenant(void **state)
{
    conf_fixture *fx = *state;
    world w = make_world(fx);
    CONF_OK(mtrk_suppression_add(NULL, fx->t2, MTRK_SUPPRESS_ADDRESS, "two@example.com", "manual"));
    CONF_OK(mtrk_suppression_add(NULL, fx->t2, MTRK_SUPPRESS_DOMAIN, "two.example", "manual"));
    assert_int_equal(conf_contact_count(fx->t), 1);
    assert_int_equal(conf_audience_total(fx->t), 1);
    assert_int_equal(conf_suppression_count(fx->t), 0);
    mtrk_suppression_kind k = (mtrk_suppression_kind)77;
    CONF_OK(mtrk_suppression_check(&k, fx->t, "two@example.com"));
    assert_int_equal(k, 0);
    CONF_OK(mtrk_suppression_check(&k, fx->t, "x@two.example"));
    assert_int_equal(k, 0);
    /* no audit entry of t2 shows in t's log */
    mtrk_audit_iter *it = NULL;
    const mtrk_audit_entry *e;
    int rc;
    CONF_OK(mtrk_audit_iter_new(&it, fx->t));
    while ((rc = mtrk_audit_iter_next(&e, it)) == MTRK_OK) {
        assert_false(conf_id_eq(mtrk_audit_entity(e), w.c2));
        assert_false(conf_id_eq(mtrk_audit_entity(e), w.k2));
        assert_false(conf_id_eq(mtrk_audit_entity(e), mtrk_tenant_id(fx->t2)));
    }
    CONF_EXPECT(MTRK_ITEROVER, rc);
    mtrk_audit_iter_free(it);
}

static void test_isolation_same_address_is_independent_per_tenant(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id a = conf_contact(fx->t, "same@example.com");
    mtrk_id b = conf_contact(fx->t2, "same@example.com");
    CONF_OK(mtrk_contact_erase(fx->t2, b));
    /* t's contact is unaffected by t2's erasure */
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, fx->t, a));
    assert_string_equal(mtrk_contact_address(c), "same@example.com");
    assert_int_equal(mtrk_contact_status_of(c), MTRK_CONTACT_ACTIVE);
    mtrk_contact_free(c);
    mtrk_suppression_kind k = (mtrk_suppression_kind)77;
    CONF_OK(mtrk_suppression_check(&k, fx->t, "same@example.com"));
    assert_int_equal(k, 0);
    CONF_OK(mtrk_suppression_check(&k, fx->t2, "same@example.com"));
    assert_int_equal(k, MTRK_SUPPRESS_HASH);
    /* unsubscribing in t does not touch t2 */
    CONF_OK(mtrk_unsub_add(NULL, fx->t, a, MTRK_UNSUB_GLOBAL, conf_nil(), MTRK_SOURCE_MANUAL));
    mtrk_id b2 = conf_contact(fx->t2, "other@example.com");
    assert_int_equal(conf_unsub_count(fx->t2, b2), 0);
}

static void test_isolation_foreign_audience_cannot_be_attached(void **state)
{
    conf_fixture *fx = *state;
    world w = make_world(fx);
    mtrk_id k1 = conf_campaign(fx->t, "own");
    w.audit1 = conf_audit_count(fx->t);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_campaign_attach_audience(NULL, fx->t, k1, w.a2));
    /* and a foreign campaign does not make an own audience undeletable */
    CONF_OK(mtrk_audience_delete(fx->t, w.a1));
    w.a1 = conf_audience(fx->t, "t1-list");
    w.audit1 = conf_audit_count(fx->t);
    assert_world_unchanged(fx, &w);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_isolation_contact_functions_treat_foreign_ids_as_unknown),
    CONF_TEST(test_isolation_audience_functions_treat_foreign_ids_as_unknown),
    CONF_TEST(test_isolation_unsub_functions_treat_foreign_ids_as_unknown),
    CONF_TEST(test_isolation_campaign_listings_refuse_foreign_campaigns),
    CONF_TEST(test_isolation_listings_show_only_the_own_tenant),
    CONF_TEST(test_isolation_same_address_is_independent_per_tenant),
    CONF_TEST(test_isolation_foreign_audience_cannot_be_attached),
};

CONF_GROUP(conf_group_isolation, "isolation", tests);
