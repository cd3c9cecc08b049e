/*
 * The lifetime rule of borrowed strings (mtrk/common.h), for the strings a
 * tenant handle lends: written by a call on the tenant or one of its
 * iterators, they stay valid through the next call (so they may be passed to
 * it) and are freed when the call after it begins. Each test reads a string
 * exactly as long as the rule allows; under AddressSanitizer (the ASan build
 * runs this suite) reading one the library freed too early fails. The end of
 * the lifetime is checked through the handle's list of kept strings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define OK(call)                                                                                   \
    do {                                                                                           \
        int rc_ = (call);                                                                          \
        if (rc_ != MTRK_OK)                                                                        \
            fail_msg("%s: %s (%s)", #call, mtrk_strerror(rc_), mtrk_last_errmsg());                \
    } while (0)

typedef struct fx {
    mtrk_db *db;
    mtrk_tenant *t;
    mtrk_id campaign, lp;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    OK(mtrk_db_open(&f->db, "memory:", NULL));
    OK(mtrk_tenant_create(&f->t, f->db, "acme", "api:alice"));
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "spring";
    s.subject = "Spring";
    s.from_address = "news@acme.example";
    s.text = "hello";
    OK(mtrk_campaign_create(&f->campaign, f->t, &s));
    OK(mtrk_landing_page_create(&f->lp, f->t, f->campaign, "lp", "https://acme.example/lp"));
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    mtrk_tenant_close(f->t);
    mtrk_db_close(f->db);
    free(f);
    return 0;
}

/* Is p one of the strings the handle keeps (lent and not yet freed)? */
static bool kept(const mtrk_tenant *t, const char *p)
{
    for (size_t i = 0; i < t->nkept; i++)
        if (t->kept[i] == p)
            return true;
    for (size_t i = 0; i < t->nkept_old; i++)
        if (t->kept_old[i] == p)
            return true;
    return false;
}

static void capture(fx *f, const char *key, const char *address)
{
    mtrk_lead_input in = MTRK_LEAD_INPUT_INIT;
    in.landing_page = f->lp;
    in.lead_key = key;
    in.address = address;
    OK(mtrk_lead_capture(NULL, NULL, f->t, &in));
}

/* A call that lends nothing and changes nothing: it only counts as a call. */
static void another_call(fx *f)
{
    mtrk_campaign *c = NULL;
    OK(mtrk_campaign_get(&c, f->t, f->campaign));
    mtrk_campaign_free(c);
}

/* mtrk_tenant_actor's string was freed by mtrk_tenant_set_actor at once. */
static void actor_survives_the_next_call_even_set_actor(void **state)
{
    fx *f = *state;
    const char *a = mtrk_tenant_actor(f->t);
    OK(mtrk_tenant_set_actor(f->t, "api:bob"));
    assert_string_equal(a, "api:alice"); /* through the next call */
    assert_string_equal(mtrk_tenant_actor(f->t), "api:bob");
    assert_true(kept(f->t, a));
    another_call(f);
    assert_false(kept(f->t, a)); /* freed when the call after it began */
    /* passing the handle's own actor back in */
    OK(mtrk_tenant_set_actor(f->t, mtrk_tenant_actor(f->t)));
    assert_string_equal(mtrk_tenant_actor(f->t), "api:bob");
}

/* mtrk_lead_iter_next's strings were the iterator's: freed by the next
 * _next and by mtrk_lead_iter_free, unlike mtrk_lead_capture's. */
static void lead_iterator_strings_follow_the_tenant_rule(void **state)
{
    fx *f = *state;
    capture(f, "k1", "ana@example.com");
    capture(f, "k2", "bob@example.com");
    mtrk_lead_iter *it = NULL;
    OK(mtrk_lead_iter_new(&it, f->t, f->campaign));
    mtrk_lead_info a = MTRK_LEAD_INFO_INIT, b = MTRK_LEAD_INFO_INIT;
    OK(mtrk_lead_iter_next(&a, it));
    OK(mtrk_lead_iter_next(&b, it)); /* the next call: a's strings still valid */
    assert_string_equal(a.lead_key, "k1");
    assert_string_equal(a.address, "ana@example.com");
    assert_string_equal(b.lead_key, "k2");
    mtrk_lead_iter_free(it); /* not a call: b's strings outlive the iterator */
    assert_string_equal(b.address, "bob@example.com");
    assert_non_null(strstr(b.fields_json, "{"));
    another_call(f); /* the next call */
    assert_string_equal(b.lead_key, "k2");
    assert_false(kept(f->t, a.lead_key));
    assert_true(kept(f->t, b.lead_key));
    another_call(f);
    assert_false(kept(f->t, b.lead_key));
}

/* Iterating keeps at most two calls' strings, however long the walk. */
static void a_long_walk_keeps_two_calls_of_strings(void **state)
{
    fx *f = *state;
    char key[32], addr[64];
    for (int i = 0; i < 50; i++) {
        snprintf(key, sizeof key, "k%d", i);
        snprintf(addr, sizeof addr, "c%d@example.com", i);
        capture(f, key, addr);
    }
    mtrk_lead_iter *it = NULL;
    OK(mtrk_lead_iter_new(&it, f->t, f->campaign));
    mtrk_lead_info info = MTRK_LEAD_INFO_INIT;
    int n = 0;
    while (mtrk_lead_iter_next(&info, it) == MTRK_OK) {
        n++;
        assert_true(f->t->nkept + f->t->nkept_old <= 6);
    }
    mtrk_lead_iter_free(it);
    assert_int_equal(n, 50);
}

/* Settings read, changed and written back; the strings count calls on the
 * tenant's iterators too. */
static void settings_strings_pass_to_the_next_call_and_end_after(void **state)
{
    fx *f = *state;
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    OK(mtrk_tenant_settings_get(&s, f->t));
    const char *url = s.tracking_base_url;
    s.soft_bounce_threshold = 5;
    OK(mtrk_tenant_settings_set(f->t, &s)); /* url and mailto passed back */
    assert_string_equal(url, "");
    OK(mtrk_tenant_settings_get(&s, f->t));
    assert_int_equal(s.soft_bounce_threshold, 5);
    url = s.tracking_base_url;
    mtrk_contact_iter *it = NULL;
    OK(mtrk_contact_iter_new(&it, f->t)); /* the next call */
    assert_true(kept(f->t, url));
    const mtrk_contact *c;
    assert_int_equal(mtrk_contact_iter_next(&c, it), MTRK_ITEROVER); /* the call after: a call on the tenant */
    assert_false(kept(f->t, url));
    mtrk_contact_iter_free(it);
}

/* Event and link strings: the tenant's, even after the iterator is freed. */
static void event_and_link_strings_outlive_their_iterator(void **state)
{
    fx *f = *state;
    mtrk_id contact, audience, lid;
    OK(mtrk_contact_add(&contact, NULL, f->t, "ana@example.com", NULL));
    OK(mtrk_audience_create(&audience, f->t, "news"));
    OK(mtrk_audience_add(NULL, f->t, audience, contact));
    OK(mtrk_link_add(&lid, f->t, f->campaign, "https://acme.example/cta", "cta", 0));
    OK(mtrk_campaign_attach_audience(NULL, f->t, f->campaign, audience));
    OK(mtrk_campaign_generate(NULL, f->t, f->campaign));
    mtrk_message_info m = MTRK_MESSAGE_INFO_INIT;
    OK(mtrk_message_find(&m, f->t, f->campaign, contact));
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = MTRK_EV_CLICK;
    in.mid = m.mid;
    in.lid = lid;
    in.provider = "esp";
    in.provider_event_id = "e1";
    in.user_agent = "Mozilla/5.0";
    OK(mtrk_event_record(NULL, f->t, &in));

    mtrk_event_iter *it = NULL;
    OK(mtrk_event_iter_message(&it, f->t, m.mid));
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    OK(mtrk_event_iter_next(&e, it));
    mtrk_event_iter_free(it);
    assert_string_equal(e.provider_event_id, "e1");
    mtrk_link_stats st = MTRK_LINK_STATS_INIT;
    mtrk_link_stats *outs[1] = { &st };
    size_t n = 0;
    OK(mtrk_metrics_links(outs, 1, &n, f->t, f->campaign)); /* the next call */
    assert_string_equal(e.user_agent, "Mozilla/5.0");
    assert_string_equal(e.provider, "esp");
    assert_int_equal(n, 1);
    another_call(f);
    assert_string_equal(st.url, "https://acme.example/cta");
    assert_string_equal(st.label, "cta");
    assert_false(kept(f->t, e.provider));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(actor_survives_the_next_call_even_set_actor, setup, teardown),
        cmocka_unit_test_setup_teardown(lead_iterator_strings_follow_the_tenant_rule, setup, teardown),
        cmocka_unit_test_setup_teardown(a_long_walk_keeps_two_calls_of_strings, setup, teardown),
        cmocka_unit_test_setup_teardown(settings_strings_pass_to_the_next_call_and_end_after, setup, teardown),
        cmocka_unit_test_setup_teardown(event_and_link_strings_outlive_their_iterator, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
