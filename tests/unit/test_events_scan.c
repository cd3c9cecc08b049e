/*
 * The listings' typed read (store contract version 7, events_scan):
 *  - mtrk_store_init of version 6 writes nothing of events_scan, and
 *    MTRK_STORE_INIT is of version 7 with it NULL;
 *  - a store of version 6 (events_scan set but not of its version) and one
 *    of version 7 without it are listed through the rows, and every
 *    listing (a message's, a contact's, a campaign's with and without a
 *    type and a time range, from the start and from a cursor) equals the
 *    one a version-7 store with events_scan gives over the same data;
 *  - the version-7 store is read through events_scan only.
 * Three handles share one memory store, each through a counting wrapper.
 */
#include "internal.h"
#include "countstore.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_init_versions(void **state)
{
    (void)state;
    size_t v6 = offsetof(mtrk_store, events_scan);
    unsigned char buf[sizeof(mtrk_store) + 16];
    memset(buf, 0xAB, sizeof buf);
    assert_int_equal(mtrk_store_init((mtrk_store *)(void *)buf, 6), MTRK_OK);
    for (size_t i = v6; i < sizeof buf; i++)
        assert_int_equal(buf[i], 0xAB);
    mtrk_store st;
    memset(&st, 0xAB, sizeof st);
    assert_int_equal(mtrk_store_init(&st, 7), MTRK_OK);
    assert_null(st.events_scan);
    mtrk_store init = MTRK_STORE_INIT;
    assert_int_equal(init.version, 7);
    assert_null(init.events_scan);
}

#define NH 3 /* handles: 0 events_scan (v7), 1 version 6, 2 v7 without it */
#define MAXEV 1200

typedef struct world {
    mtrk_store *mem;
    countstore cs[NH];
    mtrk_db *db[NH];
    mtrk_tenant *t[NH];
    mtrk_id camp, contacts[4], mids[4];
} world;

static mtrk_time clock_now = INT64_C(1767225600000);
static mtrk_time fake_clock(void *ud)
{
    (void)ud;
    return clock_now += 7;
}

static void world_open(world *w)
{
    memset(w, 0, sizeof *w);
    assert_int_equal(mtrk_store_memory_new(&w->mem), MTRK_OK);
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fake_clock;
    for (int h = 0; h < NH; h++) {
        countstore_init(&w->cs[h], w->mem, true);
        if (h == 1)
            w->cs[h].base.version = 6;
        if (h == 2)
            w->cs[h].base.events_scan = NULL;
        assert_int_equal(mtrk_db_open_store(&w->db[h], &w->cs[h].base, &o), MTRK_OK);
    }
    assert_non_null(w->cs[1].base.events_scan); /* set, but not of version 6 */
    assert_int_equal(mtrk_tenant_create(&w->t[0], w->db[0], "acme", "test:scan"), MTRK_OK);
    for (int h = 1; h < NH; h++)
        assert_int_equal(mtrk_tenant_open(&w->t[h], w->db[h], "acme", "test:scan"), MTRK_OK);
    mtrk_tenant *t = w->t[0];
    mtrk_id aud;
    assert_int_equal(mtrk_audience_create(&aud, t, "all"), MTRK_OK);
    const char *addrs[4] = { "a@example.com", "b@example.com", "c@example.com", "d@example.com" };
    for (int i = 0; i < 4; i++)
        assert_int_equal(mtrk_contact_add(&w->contacts[i], NULL, t, addrs[i], NULL), MTRK_OK);
    assert_int_equal(mtrk_audience_add_batch(NULL, t, aud, w->contacts, 4), MTRK_OK);
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "launch";
    s.subject = "Hello";
    s.from_address = "news@example.com";
    s.text = "hi";
    assert_int_equal(mtrk_campaign_create(&w->camp, t, &s), MTRK_OK);
    assert_int_equal(mtrk_campaign_attach_audience(NULL, t, w->camp, aud), MTRK_OK);
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    assert_int_equal(mtrk_campaign_generate(&r, t, w->camp), MTRK_OK);
    for (int i = 0; i < 4; i++) {
        mtrk_message_info m = MTRK_MESSAGE_INFO_INIT;
        assert_int_equal(mtrk_message_find(&m, t, w->camp, w->contacts[i]), MTRK_OK);
        w->mids[i] = m.mid;
    }
    /* Opens and deliveries over five hours, out of time order, with ties
     * of occurred_at (arrival and id decide), in batches. */
    srand(7);
    for (int b = 0; b < 40; b++) {
        mtrk_event_input in[25];
        const mtrk_event_input *pin[25];
        mtrk_event_outcome out[25];
        mtrk_event_outcome *pout[25];
        for (int j = 0; j < 25; j++) {
            mtrk_event_input d = MTRK_EVENT_INPUT_INIT;
            mtrk_event_outcome oc = MTRK_EVENT_OUTCOME_INIT;
            in[j] = d;
            out[j] = oc;
            pin[j] = &in[j];
            pout[j] = &out[j];
            in[j].type = rand() % 3 ? MTRK_EV_OPEN : MTRK_EV_DELIVERED;
            in[j].mid = w->mids[rand() % 4];
            in[j].occurred_at = INT64_C(1767225600000) - 5 * 3600000 + (int64_t)(rand() % 300) * 60000;
        }
        size_t rec = 0;
        assert_int_equal(mtrk_event_record_batch(&rec, pout, t, pin, 25), MTRK_OK);
        assert_int_equal(rec, 25);
    }
}

static void world_close(world *w)
{
    for (int h = 0; h < NH; h++) {
        mtrk_tenant_close(w->t[h]);
        mtrk_db_close(w->db[h]);
    }
    mtrk_store_free(w->mem);
}

/* Lists into ids (at most MAXEV); kind 0 message, 1 contact, 2 campaign.
 * With `at` > 0: a cursor taken after `at` events, then listed from it
 * by a new iterator. */
static size_t list(mtrk_tenant *t, int kind, mtrk_id owner, mtrk_event_type type, mtrk_time from, mtrk_time to,
                   size_t at, mtrk_id *ids)
{
    mtrk_event_iter *it = NULL;
    if (kind == 0)
        assert_int_equal(mtrk_event_iter_message(&it, t, owner), MTRK_OK);
    else if (kind == 1)
        assert_int_equal(mtrk_event_iter_contact(&it, t, owner), MTRK_OK);
    else
        assert_int_equal(mtrk_event_iter_campaign(&it, t, owner, type, from, to), MTRK_OK);
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    size_t n = 0;
    int rc;
    mtrk_time lo = 0, la = 0;
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        assert_true(n < MAXEV);
        assert_true(e.occurred_at > lo || (e.occurred_at == lo && e.arrived_at >= la));
        lo = e.occurred_at;
        la = e.arrived_at;
        ids[n++] = e.id;
        if (at > 0 && n == at) {
            uint8_t cur[MTRK_CURSOR_SIZE];
            assert_int_equal(mtrk_event_iter_cursor(cur, it), MTRK_OK);
            mtrk_event_iter_free(it);
            it = NULL;
            if (kind == 0)
                assert_int_equal(mtrk_event_iter_message(&it, t, owner), MTRK_OK);
            else if (kind == 1)
                assert_int_equal(mtrk_event_iter_contact(&it, t, owner), MTRK_OK);
            else
                assert_int_equal(mtrk_event_iter_campaign(&it, t, owner, type, from, to), MTRK_OK);
            assert_int_equal(mtrk_event_iter_seek(it, cur), MTRK_OK);
        }
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    mtrk_event_iter_free(it);
    return n;
}

static void test_version_6_store_lists_the_same(void **state)
{
    (void)state;
    static world w;
    world_open(&w);
    static mtrk_id ids[NH][MAXEV];
    size_t n[NH];
    mtrk_time t0 = INT64_C(1767225600000) - 5 * 3600000;
    struct { int kind; int owner; mtrk_event_type type; mtrk_time from, to; size_t at; } cases[] = {
        { 0, 0, 0, 0, 0, 0 },   { 0, 1, 0, 0, 0, 37 },  { 1, 2, 0, 0, 0, 0 },   { 1, 3, 0, 0, 0, 130 },
        { 2, 0, 0, 0, 0, 0 },   { 2, 0, 0, 0, 0, 129 }, { 2, 0, MTRK_EV_OPEN, 0, 0, 0 },
        { 2, 0, MTRK_EV_DELIVERED, t0 + 3600000 + 1, t0 + 4 * 3600000 - 60000, 0 },
        { 2, 0, 0, t0 + 2 * 3600000, 0, 300 },
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        for (int h = 0; h < NH; h++) {
            countstore_reset(&w.cs[h]);
            mtrk_id owner = cases[c].kind == 0   ? w.mids[cases[c].owner]
                            : cases[c].kind == 1 ? w.contacts[cases[c].owner]
                                                 : w.camp;
            n[h] = list(w.t[h], cases[c].kind, owner, cases[c].type, cases[c].from, cases[c].to, cases[c].at, ids[h]);
        }
        assert_true(n[0] > 0);
        assert_true(w.cs[0].event_scans > 0);
        assert_int_equal(w.cs[0].scans[T_EVENTS], 0);
        for (int h = 1; h < NH; h++) {
            assert_int_equal(w.cs[h].event_scans, 0);
            assert_true(w.cs[h].scans[T_EVENTS] > 0);
            assert_int_equal(n[h], n[0]);
            assert_memory_equal(ids[h], ids[0], n[0] * sizeof ids[0][0]);
        }
    }
    world_close(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_versions),
        cmocka_unit_test(test_version_6_store_lists_the_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
