/*
 * Conformance: landing pages and leads.
 *
 * The contract (docs/rules.md "Leads"):
 *  - one landing page per campaign (MTRK_EEXISTS), http(s) URL;
 *  - a mid is valid when it is a message of this tenant of the landing
 *    page's campaign and the capture is within the attribution window after
 *    the message's sent time (its creation time if never sent): attribution
 *    message, recipient = the message's contact, forwarded when the lead's
 *    address is not that contact's address;
 *  - else a valid rid (a contact of the tenant) gives recipient = rid and the
 *    message of (campaign, rid) if there is one;
 *  - else the landing page's campaign alone;
 *  - the lead's own address always upserts its contact;
 *  - the lead key makes capture idempotent (duplicate flag, nothing changes);
 *  - counters: leads_total, leads_attributed (with a message), leads_forwarded.
 */
#include "conf_util.h"

#include <stdlib.h>

#define AT(h) (CONF_T0 + (h) * CONF_HOUR)

typedef struct lscn {
    conf_scn s;  /* campaign with 3 contacts "ld<i>@example.com", sent at T0 */
    mtrk_id lp;
} lscn;

static void build(lscn *l, mtrk_tenant *t)
{
    conf_scn_build(&l->s, t, "ld", 3, 0, 1);
    CONF_OK(mtrk_landing_page_create(&l->lp, t, l->s.campaign, "Offer", "https://shop.example.com/offer"));
}

static void lead_in(mtrk_lead_input *in, mtrk_id lp, const char *key, const char *address, mtrk_time at)
{
    CONF_INIT(*in, MTRK_LEAD_INPUT_VERSION);
    in->landing_page = lp;
    in->lead_key = key;
    in->address = address;
    in->captured_at = at;
}

static mtrk_lead_info capture(mtrk_tenant *t, const mtrk_lead_input *in, int *dup)
{
    mtrk_lead_info out;
    CONF_INIT(out, MTRK_LEAD_INFO_VERSION);
    CONF_OK(mtrk_lead_capture(&out, dup, t, in));
    return out;
}

static void landing_page_is_one_per_campaign(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_campaign_new(fx->t, NULL), lp, lp2, found;
    CONF_OK(mtrk_landing_page_create(&lp, fx->t, c, "Page", "https://shop.example.com/p"));
    CONF_EXPECT(MTRK_EEXISTS, mtrk_landing_page_create(&lp2, fx->t, c, "Again", "https://shop.example.com/q"));
    CONF_OK(mtrk_landing_page_find(&found, fx->t, c));
    CONF_ID_EQ(found, lp);
    mtrk_id c2 = conf_campaign_new(fx->t, NULL);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_landing_page_find(&found, fx->t, c2));
    CONF_EXPECT(MTRK_EINVAL, mtrk_landing_page_create(&lp2, fx->t, c2, "Bad", "ftp://shop.example.com/p"));
    CONF_ERRMSG_HAS("url");
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_landing_page_create(&lp2, fx->t, conf_unknown_id(), "X", "https://a.example.com/"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_landing_page_create(&lp2, fx->t2, c2, "X", "https://a.example.com/"));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_landing_page_find(&found, fx->t2, c));
    CONF_EXPECT(MTRK_EINVAL, mtrk_landing_page_create(NULL, fx->t, c2, "X", "https://a.example.com/"));
    CONF_ERRMSG_HAS("out_id");
    CONF_OK(mtrk_landing_page_create(&lp2, fx->t, c2, "Second", "https://a.example.com/"));
}

static void lead_with_mid_within_window_is_attributed_to_the_message(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    int dup = -1;
    build(&l, fx->t);
    lead_in(&in, l.lp, "k1", "ld0@example.com", AT(24));
    in.mid = l.s.mids[0];
    mtrk_lead_info o = capture(fx->t, &in, &dup);
    assert_int_equal(dup, 0);
    assert_false(mtrk_id_is_nil(o.id));
    assert_int_equal(o.attribution, MTRK_ATTR_MESSAGE);
    CONF_ID_EQ(o.campaign, l.s.campaign);
    CONF_ID_EQ(o.landing_page, l.lp);
    CONF_ID_EQ(o.mid, l.s.mids[0]);
    CONF_ID_EQ(o.recipient, l.s.contacts[0]);
    CONF_ID_EQ(o.contact, l.s.contacts[0]);
    assert_int_equal(o.forwarded, 0);
    assert_int_equal(o.captured_at, AT(24));
    assert_string_equal(o.lead_key, "k1");
    assert_string_equal(o.address, "ld0@example.com");
    mtrk_metrics m = conf_metrics(fx->t, l.s.campaign);
    assert_int_equal(m.leads_total, 1);
    assert_int_equal(m.leads_attributed, 1);
    assert_int_equal(m.leads_forwarded, 0);
    conf_scn_free(&l.s);
}

static void lead_from_another_address_is_flagged_forwarded(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    mtrk_contact *c = NULL;
    build(&l, fx->t);
    lead_in(&in, l.lp, "fw", "Friend@Other.Example", AT(2));
    in.mid = l.s.mids[1];
    mtrk_lead_info o = capture(fx->t, &in, NULL);
    assert_int_equal(o.attribution, MTRK_ATTR_MESSAGE);
    CONF_ID_EQ(o.mid, l.s.mids[1]);
    CONF_ID_EQ(o.recipient, l.s.contacts[1]);
    assert_int_equal(o.forwarded, 1);
    /* the lead's own address upserted its own contact */
    CONF_OK(mtrk_contact_find(&c, fx->t, "friend@other.example"));
    CONF_ID_EQ(o.contact, mtrk_contact_id(c));
    CONF_ID_NE(o.contact, l.s.contacts[1]);
    mtrk_contact_free(c);
    mtrk_metrics m = conf_metrics(fx->t, l.s.campaign);
    assert_int_equal(m.leads_attributed, 1);
    assert_int_equal(m.leads_forwarded, 1);
    conf_scn_free(&l.s);
}

static void address_differing_only_in_domain_case_is_not_forwarded(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    build(&l, fx->t);
    lead_in(&in, l.lp, "case", "  ld2@EXAMPLE.com ", AT(2));
    in.mid = l.s.mids[2];
    mtrk_lead_info o = capture(fx->t, &in, NULL);
    assert_int_equal(o.forwarded, 0);
    CONF_ID_EQ(o.contact, l.s.contacts[2]);
    conf_scn_free(&l.s);
}

static void lead_outside_the_window_falls_back_to_the_rid(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    mtrk_tenant_settings st;
    build(&l, fx->t);
    CONF_INIT(st, MTRK_TENANT_SETTINGS_VERSION);
    CONF_OK(mtrk_tenant_settings_get(&st, fx->t));
    st.attribution_window_ms = CONF_HOUR;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &st));
    /* within: sent at T0, captured at T0 + 30 min */
    lead_in(&in, l.lp, "in", "ld0@example.com", CONF_T0 + 30 * CONF_MIN);
    in.mid = l.s.mids[0];
    assert_int_equal(capture(fx->t, &in, NULL).attribution, MTRK_ATTR_MESSAGE);
    /* outside, with a rid: recipient attribution, the rid's message of the campaign */
    lead_in(&in, l.lp, "out-rid", "ld1@example.com", AT(2));
    in.mid = l.s.mids[1];
    in.rid = l.s.contacts[1];
    mtrk_lead_info o = capture(fx->t, &in, NULL);
    assert_int_equal(o.attribution, MTRK_ATTR_RECIPIENT);
    CONF_ID_EQ(o.recipient, l.s.contacts[1]);
    CONF_ID_EQ(o.campaign, l.s.campaign);
    CONF_ID_EQ(o.mid, l.s.mids[1]);
    /* outside, without a rid: the campaign alone */
    lead_in(&in, l.lp, "out", "ld2@example.com", AT(2));
    in.mid = l.s.mids[2];
    o = capture(fx->t, &in, NULL);
    assert_int_equal(o.attribution, MTRK_ATTR_CAMPAIGN);
    CONF_ID_EQ(o.campaign, l.s.campaign);
    assert_true(mtrk_id_is_nil(o.mid));
    assert_true(mtrk_id_is_nil(o.recipient));
    assert_int_equal(o.forwarded, 0);
    conf_scn_free(&l.s);
}

static void window_of_an_unsent_message_starts_at_its_creation(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    mtrk_id lp;
    mtrk_lead_input in;
    mtrk_tenant_settings st;
    CONF_INIT(st, MTRK_TENANT_SETTINGS_VERSION);
    CONF_OK(mtrk_tenant_settings_get(&st, fx->t));
    st.attribution_window_ms = CONF_HOUR;
    CONF_OK(mtrk_tenant_settings_set(fx->t, &st));
    conf_clock_set(CONF_T0);
    conf_scn_build(&s, fx->t, "un", 2, 0, 0); /* generated at T0, never sent */
    CONF_OK(mtrk_landing_page_create(&lp, fx->t, s.campaign, "p", "https://a.example.com/"));
    lead_in(&in, lp, "a", "un0@example.com", CONF_T0 + 10 * CONF_MIN);
    in.mid = s.mids[0];
    assert_int_equal(capture(fx->t, &in, NULL).attribution, MTRK_ATTR_MESSAGE);
    lead_in(&in, lp, "b", "un1@example.com", CONF_T0 + 2 * CONF_HOUR);
    in.mid = s.mids[1];
    assert_int_equal(capture(fx->t, &in, NULL).attribution, MTRK_ATTR_CAMPAIGN);
    conf_scn_free(&s);
}

static void lead_with_rid_only_is_attributed_to_the_recipient(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    build(&l, fx->t);
    lead_in(&in, l.lp, "rid", "ld2@example.com", AT(1));
    in.rid = l.s.contacts[2];
    mtrk_lead_info o = capture(fx->t, &in, NULL);
    assert_int_equal(o.attribution, MTRK_ATTR_RECIPIENT);
    CONF_ID_EQ(o.recipient, l.s.contacts[2]);
    CONF_ID_EQ(o.campaign, l.s.campaign);
    CONF_ID_EQ(o.mid, l.s.mids[2]); /* the message of (campaign, rid) */
    /* a rid without a message of this campaign: recipient, no message */
    mtrk_id stranger = conf_contact_new(fx->t, "stranger@example.com");
    lead_in(&in, l.lp, "rid2", "stranger@example.com", AT(1));
    in.rid = stranger;
    o = capture(fx->t, &in, NULL);
    assert_int_equal(o.attribution, MTRK_ATTR_RECIPIENT);
    CONF_ID_EQ(o.recipient, stranger);
    assert_true(mtrk_id_is_nil(o.mid));
    mtrk_metrics m = conf_metrics(fx->t, l.s.campaign);
    assert_int_equal(m.leads_total, 2);
    assert_int_equal(m.leads_attributed, 1);
    conf_scn_free(&l.s);
}

static void lead_with_invalid_ids_falls_back_to_the_campaign(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    conf_scn other;
    mtrk_lead_input in;
    build(&l, fx->t);
    conf_scn_build(&other, fx->t, "ot", 1, 0, 1);
    /* a mid of another campaign and an unknown rid are not valid */
    lead_in(&in, l.lp, "x", "walkin@example.org", AT(1));
    in.mid = other.mids[0];
    in.rid = conf_unknown_id();
    mtrk_lead_info o = capture(fx->t, &in, NULL);
    assert_int_equal(o.attribution, MTRK_ATTR_CAMPAIGN);
    CONF_ID_EQ(o.campaign, l.s.campaign);
    assert_true(mtrk_id_is_nil(o.mid));
    /* neither given */
    lead_in(&in, l.lp, "y", "walkin2@example.org", AT(1));
    o = capture(fx->t, &in, NULL);
    assert_int_equal(o.attribution, MTRK_ATTR_CAMPAIGN);
    mtrk_metrics m = conf_metrics(fx->t, l.s.campaign);
    assert_int_equal(m.leads_total, 2);
    assert_int_equal(m.leads_attributed, 0);
    assert_int_equal(conf_metrics(fx->t, other.campaign).leads_total, 0);
    conf_scn_free(&l.s);
    conf_scn_free(&other);
}

static void lead_address_upserts_its_contact(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    mtrk_contact *c = NULL;
    build(&l, fx->t);
    lead_in(&in, l.lp, "n1", "new@example.net", AT(1));
    mtrk_lead_info o = capture(fx->t, &in, NULL);
    CONF_OK(mtrk_contact_find(&c, fx->t, "new@example.net"));
    CONF_ID_EQ(mtrk_contact_id(c), o.contact);
    mtrk_contact_free(c);
    mtrk_id first = o.contact;
    lead_in(&in, l.lp, "n2", "NEW@example.net", AT(2));
    o = capture(fx->t, &in, NULL);
    /* case-insensitive: the same contact */
    CONF_ID_EQ(o.contact, first);
    lead_in(&in, l.lp, "n3", "ld1@example.com", AT(2));
    o = capture(fx->t, &in, NULL);
    CONF_ID_EQ(o.contact, l.s.contacts[1]);
    conf_scn_free(&l.s);
}

static void lead_key_makes_capture_idempotent(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    mtrk_contact *c = NULL;
    int dup = -1;
    build(&l, fx->t);
    lead_in(&in, l.lp, "same", "ld0@example.com", AT(1));
    in.mid = l.s.mids[0];
    mtrk_lead_info first = capture(fx->t, &in, &dup);
    assert_int_equal(dup, 0);
    mtrk_metrics before = conf_metrics(fx->t, l.s.campaign);
    /* the same key again, even with other data: a duplicate that changes nothing */
    lead_in(&in, l.lp, "same", "somebody-else@example.net", AT(3));
    mtrk_lead_info again = capture(fx->t, &in, &dup);
    assert_int_equal(dup, 1);
    CONF_ID_EQ(again.id, first.id);
    mtrk_metrics after = conf_metrics(fx->t, l.s.campaign);
    conf_metrics_assert_equal(&before, &after);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_contact_find(&c, fx->t, "somebody-else@example.net"));
    CONF_OK(mtrk_lead_capture(NULL, NULL, fx->t, &in)); /* out and out_duplicate optional */
    assert_int_equal(conf_metrics(fx->t, l.s.campaign).leads_total, 1);
    conf_scn_free(&l.s);
}

static void lead_form_fields_are_kept_as_json(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    static const char *const keys[] = { "company", "phone" };
    static const char *const vals[] = { "ACME", "+55 11 5555" };
    build(&l, fx->t);
    lead_in(&in, l.lp, "f", "ld0@example.com", AT(1));
    in.field_keys = keys;
    in.field_values = vals;
    in.nfields = 2;
    mtrk_lead_info o = capture(fx->t, &in, NULL);
    assert_non_null(o.fields_json);
    assert_non_null(strstr(o.fields_json, "\"company\""));
    assert_non_null(strstr(o.fields_json, "\"ACME\""));
    assert_non_null(strstr(o.fields_json, "\"phone\""));
    conf_scn_free(&l.s);
}

static void leads_iterate_in_capture_order(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    static const char *const keys[] = { "a", "b", "c" };
    build(&l, fx->t);
    for (int i = 0; i < 3; i++) {
        conf_clock_advance(1000);
        lead_in(&in, l.lp, keys[i], "ld0@example.com", 0); /* 0 = now */
        (void)capture(fx->t, &in, NULL);
    }
    mtrk_lead_iter *it = NULL;
    mtrk_lead_info o;
    mtrk_time last = 0;
    int rc, n = 0;
    CONF_INIT(o, MTRK_LEAD_INFO_VERSION);
    CONF_OK(mtrk_lead_iter_new(&it, fx->t, l.s.campaign));
    while ((rc = mtrk_lead_iter_next(&o, it)) == MTRK_OK) {
        assert_string_equal(o.lead_key, keys[n]);
        assert_true(o.captured_at > last);
        last = o.captured_at;
        CONF_ID_EQ(o.campaign, l.s.campaign);
        n++;
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    mtrk_lead_iter_free(it);
    assert_int_equal(n, 3);
    assert_int_equal(last, conf_clock_now());
    conf_scn_free(&l.s);
}

static void lead_capture_refuses_bad_input(void **state)
{
    conf_fixture *fx = *state;
    lscn l;
    mtrk_lead_input in;
    mtrk_lead_info out;
    char *long_key = conf_str(MTRK_MAX_NAME + 1, 'k');
    const char *keys[MTRK_MAX_FIELDS + 1], *vals[MTRK_MAX_FIELDS + 1];
    char names[MTRK_MAX_FIELDS + 1][8];
    for (int i = 0; i <= MTRK_MAX_FIELDS; i++) {
        snprintf(names[i], sizeof names[i], "f%d", i);
        keys[i] = names[i];
        vals[i] = "v";
    }
    build(&l, fx->t);
    CONF_EXPECT(MTRK_EINVAL, mtrk_lead_capture(NULL, NULL, fx->t, NULL));
    CONF_ERRMSG_HAS("input");
    lead_in(&in, l.lp, "k", "ld0@example.com", AT(1));
    CONF_EXPECT(MTRK_EINVAL, mtrk_lead_capture(NULL, NULL, NULL, &in));
    CONF_ERRMSG_HAS("tenant");
    in.version = 0;
    CONF_EXPECT(MTRK_EVERSION, mtrk_lead_capture(NULL, NULL, fx->t, &in));
    in.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_lead_capture(NULL, NULL, fx->t, &in));
    lead_in(&in, l.lp, NULL, "ld0@example.com", AT(1));
    CONF_EXPECT(MTRK_EINVAL, mtrk_lead_capture(NULL, NULL, fx->t, &in));
    CONF_ERRMSG_HAS("lead_key");
    lead_in(&in, l.lp, long_key, "ld0@example.com", AT(1));
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_lead_capture(NULL, NULL, fx->t, &in));
    CONF_ERRMSG_HAS("lead_key");
    lead_in(&in, l.lp, "k", "not an address", AT(1));
    CONF_EXPECT(MTRK_EADDRESS, mtrk_lead_capture(NULL, NULL, fx->t, &in));
    lead_in(&in, l.lp, "k", NULL, AT(1));
    CONF_EXPECT(MTRK_EINVAL, mtrk_lead_capture(NULL, NULL, fx->t, &in));
    CONF_ERRMSG_HAS("address");
    lead_in(&in, l.lp, "k", "ld0@example.com", AT(1));
    in.field_keys = keys;
    in.field_values = vals;
    in.nfields = MTRK_MAX_FIELDS + 1;
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_lead_capture(NULL, NULL, fx->t, &in));
    lead_in(&in, conf_unknown_id(), "k", "ld0@example.com", AT(1));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_lead_capture(NULL, NULL, fx->t, &in));
    lead_in(&in, l.lp, "k", "ld0@example.com", AT(1));
    CONF_INIT(out, 99);
    CONF_EXPECT(MTRK_EVERSION, mtrk_lead_capture(&out, NULL, fx->t, &in));
    /* nothing of it was written */
    assert_int_equal(conf_metrics(fx->t, l.s.campaign).leads_total, 0);
    free(long_key);
    conf_scn_free(&l.s);
}

static void lead_ids_of_another_tenant_behave_as_unknown(void **state)
{
    conf_fixture *fx = *state;
    lscn l1, l2;
    mtrk_lead_input in;
    build(&l1, fx->t);
    build(&l2, fx->t2);
    /* t1's landing page through t2 */
    lead_in(&in, l1.lp, "k", "ld0@example.com", AT(1));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_lead_capture(NULL, NULL, fx->t2, &in));
    /* t1's mid and rid on t2's page: not valid, the campaign alone */
    lead_in(&in, l2.lp, "k", "ld0@example.com", AT(1));
    in.mid = l1.s.mids[0];
    in.rid = l1.s.contacts[0];
    mtrk_lead_info o = capture(fx->t2, &in, NULL);
    assert_int_equal(o.attribution, MTRK_ATTR_CAMPAIGN);
    CONF_ID_EQ(o.campaign, l2.s.campaign);
    CONF_ID_EQ(o.contact, l2.s.contacts[0]);
    /* the same lead key in t1 is a different lead */
    int dup = -1;
    lead_in(&in, l1.lp, "k", "ld0@example.com", AT(1));
    (void)capture(fx->t, &in, &dup);
    assert_int_equal(dup, 0);
    mtrk_lead_iter *it = NULL;
    int rf = mtrk_lead_iter_new(&it, fx->t2, l1.s.campaign);
    if (rf == MTRK_OK) {
        mtrk_lead_info x;
        CONF_INIT(x, MTRK_LEAD_INFO_VERSION);
        assert_int_equal(mtrk_lead_iter_next(&x, it), MTRK_ITEROVER);
    } else {
        assert_int_equal(rf, MTRK_ENOTFOUND);
    }
    mtrk_lead_iter_free(it);
    assert_int_equal(conf_metrics(fx->t, l1.s.campaign).leads_total, 1);
    conf_scn_free(&l1.s);
    conf_scn_free(&l2.s);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(landing_page_is_one_per_campaign),
    CONF_TEST(lead_with_mid_within_window_is_attributed_to_the_message),
    CONF_TEST(lead_from_another_address_is_flagged_forwarded),
    CONF_TEST(address_differing_only_in_domain_case_is_not_forwarded),
    CONF_TEST(lead_outside_the_window_falls_back_to_the_rid),
    CONF_TEST(window_of_an_unsent_message_starts_at_its_creation),
    CONF_TEST(lead_with_rid_only_is_attributed_to_the_recipient),
    CONF_TEST(lead_with_invalid_ids_falls_back_to_the_campaign),
    CONF_TEST(lead_address_upserts_its_contact),
    CONF_TEST(lead_key_makes_capture_idempotent),
    CONF_TEST(lead_form_fields_are_kept_as_json),
    CONF_TEST(leads_iterate_in_capture_order),
    CONF_TEST(lead_capture_refuses_bad_input),
    CONF_TEST(lead_ids_of_another_tenant_behave_as_unknown),
};

CONF_GROUP(conf_group_leads, "leads", tests);
