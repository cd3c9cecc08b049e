/* The dead-letter store's replay, on the memory store: a dead letter whose
 * message now exists is recorded and removed, a click's link is matched again
 * at replay, and one whose message is still unknown stays with its reason.
 * (Through the public API a dead letter's message cannot come to exist after
 * the fact: mids are made by the library. So the dead letters are written
 * here as a request whose message was not committed yet would have left
 * them.) */
#include "webhook_int.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define T0 INT64_C(1767225600000)

static mtrk_time clock_fn(void *ud)
{
    (void)ud;
    return T0;
}

static void put_dead_letter(mtrk_tenant *t, const char *key, mtrk_event_type type, mtrk_id mid, const char *url)
{
    row_deadletters r = { 0 };
    r.tenant = t->id;
    r.id = mtrk_id_new();
    r.provider = "sendgrid";
    r.event_key = (char *)key;
    r.reason = "message not found";
    r.provider_type = (char *)mtrk_event_type_name(type);
    r.type = type;
    r.message = mid;
    r.occurred_at = T0 - 60000;
    r.arrived_at = T0 - 30000;
    r.url = (char *)url;
    r.link_index = -1;
    r.verdict = MTRK_VERDICT_HUMAN;
    r.payload = "{}";
    assert_int_equal(tx_begin(t, true), 0);
    assert_int_equal(tx_end(t, st_insert(t, T_DEADLETTERS, &r)), 0);
}

static void replay_records_those_whose_message_exists(void **state)
{
    (void)state;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = clock_fn;
    mtrk_db *db;
    mtrk_tenant *t;
    assert_int_equal(mtrk_db_open(&db, "memory:", &o), 0);
    assert_int_equal(mtrk_tenant_create(&t, db, "acme", "test"), 0);
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "c";
    spec.subject = "s";
    spec.from_address = "news@example.com";
    spec.text = "hi";
    mtrk_id camp, contact, aud, lid;
    assert_int_equal(mtrk_campaign_create(&camp, t, &spec), 0);
    assert_int_equal(mtrk_link_add(&lid, t, camp, "https://shop.example.com/a", "a", 0), 0);
    assert_int_equal(mtrk_contact_add(&contact, NULL, t, "ann@example.com", NULL), 0);
    assert_int_equal(mtrk_audience_create(&aud, t, "all"), 0);
    assert_int_equal(mtrk_audience_add(NULL, t, aud, contact), 0);
    assert_int_equal(mtrk_campaign_attach_audience(NULL, t, camp, aud), 0);
    assert_int_equal(mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SCHEDULED), 0);
    assert_int_equal(mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SENDING), 0);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    assert_int_equal(mtrk_campaign_generate(&rep, t, camp), 0);
    mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
    assert_int_equal(mtrk_message_find(&mi, t, camp, contact), 0);

    put_dead_letter(t, "d1", MTRK_EV_DELIVERED, mi.mid, NULL);
    put_dead_letter(t, "c1", MTRK_EV_CLICK, mi.mid, "https://shop.example.com/a");
    put_dead_letter(t, "g1", MTRK_EV_DELIVERED, mtrk_id_new(), NULL);
    uint64_t n = 0;
    assert_int_equal(mtrk_deadletter_count(&n, t, "sendgrid"), 0);
    assert_int_equal(n, 3);

    size_t rec = 0, left = 0;
    assert_int_equal(mtrk_deadletter_replay(&rec, &left, t, NULL), 0);
    assert_int_equal(rec, 2);
    assert_int_equal(left, 1);
    mtrk_metrics m = MTRK_METRICS_INIT;
    assert_int_equal(mtrk_metrics_campaign(&m, t, camp), 0);
    assert_int_equal(m.delivered_explicit, 1);
    assert_int_equal(m.clicks_total, 1);

    /* What stays names why. */
    mtrk_deadletter_iter *it;
    mtrk_deadletter_info d = MTRK_DEADLETTER_INFO_INIT;
    assert_int_equal(mtrk_deadletter_iter_new(&it, t, NULL), 0);
    assert_int_equal(mtrk_deadletter_iter_next(&d, it), 0);
    assert_string_equal(d.key, "g1");
    assert_non_null(strstr(d.reason, "not found"));
    assert_int_equal(mtrk_deadletter_iter_next(&d, it), MTRK_ITEROVER);
    mtrk_deadletter_iter_free(it);

    /* A second replay records nothing twice. */
    assert_int_equal(mtrk_deadletter_replay(&rec, &left, t, "sendgrid"), 0);
    assert_int_equal(rec, 0);
    assert_int_equal(left, 1);
    assert_int_equal(mtrk_metrics_campaign(&m, t, camp), 0);
    assert_int_equal(m.clicks_total, 1);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(replay_records_those_whose_message_exists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
