/*
 * Scrubbing of personal event fields (retention.c, contact.c), through the
 * internal library with event rows written directly, so that more events than
 * one page (BULK_PAGE) are scrubbed:
 *  - retention scrubs ip and user_agent of the tenant's events strictly older
 *    than now - retention_ms, counts changed events (0 on a second run), and
 *    leaves other tenants alone;
 *  - erasure scrubs every event of the contact, whatever its age, and no other
 *    contact's; its leads lose address and form fields.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "contact_int.h"

#define DAY 86400000LL
static mtrk_time now_ms = 1767225600000LL;
static mtrk_time clock_fn(void *ud)
{
    (void)ud;
    return now_ms;
}

typedef struct fx {
    mtrk_db *db;
    mtrk_tenant *t, *t2;
} fx;

static int setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = clock_fn;
    assert_int_equal(mtrk_db_open(&f->db, "memory:", &o), 0);
    assert_int_equal(mtrk_tenant_create(&f->t, f->db, "t1", "unit"), 0);
    assert_int_equal(mtrk_tenant_create(&f->t2, f->db, "t2", "unit"), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fx *f = *state;
    mtrk_tenant_close(f->t);
    mtrk_tenant_close(f->t2);
    mtrk_db_close(f->db);
    free(f);
    return 0;
}

/* n events of `contact`, the i-th i days old; every third without an ip. */
static void add_events(mtrk_tenant *t, mtrk_id contact, int n, int64_t step)
{
    assert_int_equal(tx_begin(t, true), 0);
    /* Every event belongs to a campaign of its tenant (a foreign key on SQLite;
     * retention walks the tenant's campaigns): two campaigns, alternating. */
    mtrk_id cam[2];
    for (int k = 0; k < 2; k++) {
        row_campaigns r = { 0 };
        r.tenant = t->id;
        r.id = cam[k] = core_id_new(t->db);
        r.name = r.subject = "c";
        r.from_address = "from@example.com";
        r.created_at = r.updated_at = now_ms;
        assert_int_equal(st_insert(t, T_CAMPAIGNS, &r), 0);
    }
    /* One message per campaign: erasure finds a contact's events through
     * its messages. */
    mtrk_id mid[2];
    for (int k = 0; k < 2; k++) {
        row_messages m = { 0 };
        m.tenant = t->id;
        m.id = mid[k] = core_id_new(t->db);
        m.campaign = cam[k];
        m.contact = contact;
        m.state = MTRK_MSG_SENT;
        m.created_at = now_ms;
        assert_int_equal(st_insert(t, T_MESSAGES, &m), 0);
    }
    for (int i = 0; i < n; i++) {
        row_events e = { 0 };
        e.tenant = t->id;
        e.id = core_id_new(t->db);
        e.message = mid[i % 2];
        e.campaign = cam[i % 2];
        e.contact = contact;
        e.type = MTRK_EV_OPEN;
        e.occurred_at = now_ms - i * step;
        e.arrived_at = now_ms;
        e.ip = i % 3 ? "192.0.2.1" : NULL;
        e.user_agent = "Mozilla/5.0";
        assert_int_equal(st_insert(t, T_EVENTS, &e), 0);
    }
    assert_int_equal(tx_end(t, 0), 0);
}

struct counts {
    mtrk_id contact; /* nil: every contact */
    int ip, ua, all;
};

static int count_cb(void *ud, void *row)
{
    struct counts *c = ud;
    const row_events *e = row;
    if (!id_is_nil(c->contact) && !id_eq(c->contact, e->contact))
        return 0;
    c->ip += e->ip != NULL;
    c->ua += e->user_agent != NULL;
    c->all++;
    return 0;
}

static struct counts count(mtrk_tenant *t, mtrk_id contact)
{
    struct counts c = { contact, 0, 0, 0 };
    mtrk_value pre = v_id(&t->id);
    assert_int_equal(tx_begin(t, false), 0);
    assert_int_equal(st_scan(t, T_EVENTS, MTRK_INDEX_PK, &pre, 1, NULL, 0, 0, count_cb, &c), 0);
    assert_int_equal(tx_end(t, 0), 0);
    return c;
}

static void test_retention_scrubs_across_pages_older_than_the_cutoff(void **state)
{
    fx *f = *state;
    mtrk_id c, c2;
    assert_int_equal(mtrk_contact_add(&c, NULL, f->t, "a@example.com", NULL), 0);
    assert_int_equal(mtrk_contact_add(&c2, NULL, f->t2, "a@example.com", NULL), 0);
    enum { N = 3 * BULK_PAGE + 17 };
    add_events(f->t, c, N, DAY);
    add_events(f->t2, c2, 10, 400 * DAY);
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.retention_ms = 100 * DAY;
    assert_int_equal(mtrk_tenant_settings_set(f->t, &s), 0);
    uint64_t n = 99;
    assert_int_equal(mtrk_retention_apply(&n, f->t), 0);
    /* days 0..100 are kept: the cutoff itself is not older than the period */
    assert_int_equal(n, N - 101);
    struct counts k = count(f->t, nil_id);
    assert_int_equal(k.all, N);
    assert_int_equal(k.ua, 101);
    assert_int_equal(mtrk_retention_apply(&n, f->t), 0);
    assert_int_equal(n, 0);
    /* the other tenant (default period 365 days) is untouched by t1's run */
    assert_int_equal(count(f->t2, nil_id).ua, 10);
}

static void test_erase_scrubs_every_event_and_lead_of_the_contact_only(void **state)
{
    fx *f = *state;
    mtrk_id c, other;
    assert_int_equal(mtrk_contact_add(&c, NULL, f->t, "gone@example.com", NULL), 0);
    assert_int_equal(mtrk_contact_add(&other, NULL, f->t, "kept@example.com", NULL), 0);
    add_events(f->t, c, BULK_PAGE + 5, 1000);
    add_events(f->t, other, 7, 1000);
    assert_int_equal(tx_begin(f->t, true), 0);
    row_leads l = { 0 };
    l.tenant = f->t->id;
    l.id = core_id_new(f->db);
    l.landing_page = l.campaign = l.id;
    l.lead_key = "k1";
    l.address = "gone@example.com";
    l.contact = c;
    l.attribution = MTRK_ATTR_CAMPAIGN;
    l.captured_at = now_ms;
    l.fields_json = "{\"phone\":\"555\"}";
    assert_int_equal(st_insert(f->t, T_LEADS, &l), 0);
    assert_int_equal(tx_end(f->t, 0), 0);

    assert_int_equal(mtrk_contact_erase(f->t, c), 0);
    struct counts k = count(f->t, c);
    assert_int_equal(k.all, BULK_PAGE + 5);
    assert_int_equal(k.ip + k.ua, 0);
    k = count(f->t, other);
    assert_int_equal(k.ua, 7);

    row_leads r = { 0 };
    r.tenant = f->t->id;
    r.id = l.id;
    assert_int_equal(tx_begin(f->t, false), 0);
    assert_int_equal(st_get(f->t, T_LEADS, &r), 0);
    assert_int_equal(tx_end(f->t, 0), 0);
    assert_null(r.address);
    assert_null(r.fields_json);
    assert_string_equal(r.lead_key, "k1");
    rows_clear(T_LEADS, &r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_retention_scrubs_across_pages_older_than_the_cutoff, setup, teardown),
        cmocka_unit_test_setup_teardown(test_erase_scrubs_every_event_and_lead_of_the_contact_only, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
