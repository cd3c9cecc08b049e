/*
 * Store calls per piece of work, on a store behind a round trip
 * (countstore.h: it offers get_many and scan_many):
 *  - mtrk_track_resolve_batch reads a group's messages, campaigns, contacts,
 *    links, events and signing keys with a number of store calls that does
 *    not grow with the number of hits;
 *  - a campaign's event listing from a time reads from that time's hour on,
 *    not every event before it.
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

#define NMSG 48
#define BASE "https://trk.example.com"

typedef struct world {
    countstore cs;
    mtrk_store *mem;
    mtrk_db *db;
    mtrk_tenant *t;
    mtrk_time now;
    mtrk_id campaign, links[3], mids[NMSG];
} world;

static mtrk_time clock_fn(void *ud) { return ((world *)ud)->now; }

static int setup(void **state)
{
    world *w = calloc(1, sizeof *w);
    assert_non_null(w);
    w->now = INT64_C(1767225600000); /* 2026-01-01 */
    assert_int_equal(mtrk_store_memory_new(&w->mem), MTRK_OK);
    countstore_init(&w->cs, w->mem, true);
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = clock_fn;
    o.clock_userdata = w;
    assert_int_equal(mtrk_db_open_store(&w->db, &w->cs.base, &o), MTRK_OK);
    assert_int_equal(mtrk_tenant_create(&w->t, w->db, "acme", "test:round-trips"), MTRK_OK);
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    assert_int_equal(mtrk_tenant_settings_get(&s, w->t), MTRK_OK);
    s.tracking_base_url = BASE;
    assert_int_equal(mtrk_tenant_settings_set(w->t, &s), MTRK_OK);
    mtrk_id aud;
    assert_int_equal(mtrk_audience_create(&aud, w->t, "all"), MTRK_OK);
    mtrk_id contacts[NMSG];
    for (int i = 0; i < NMSG; i++) {
        char addr[64];
        snprintf(addr, sizeof addr, "c%d@example.com", i);
        int created;
        assert_int_equal(mtrk_contact_add(&contacts[i], &created, w->t, addr, NULL), MTRK_OK);
        assert_int_equal(mtrk_audience_add(NULL, w->t, aud, contacts[i]), MTRK_OK);
    }
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "spring";
    spec.subject = "s";
    spec.from_address = "news@acme.example";
    spec.text = "hi";
    assert_int_equal(mtrk_campaign_create(&w->campaign, w->t, &spec), MTRK_OK);
    static const char *const urls[3] = { "https://acme.example/a", "https://acme.example/b", "https://acme.example/c" };
    for (int i = 0; i < 3; i++)
        assert_int_equal(mtrk_link_add(&w->links[i], w->t, w->campaign, urls[i], "l", (uint32_t)i), MTRK_OK);
    assert_int_equal(mtrk_campaign_attach_audience(NULL, w->t, w->campaign, aud), MTRK_OK);
    assert_int_equal(mtrk_campaign_set_status(w->t, w->campaign, MTRK_CAMPAIGN_SCHEDULED), MTRK_OK);
    assert_int_equal(mtrk_campaign_set_status(w->t, w->campaign, MTRK_CAMPAIGN_SENDING), MTRK_OK);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    assert_int_equal(mtrk_campaign_generate(&rep, w->t, w->campaign), MTRK_OK);
    size_t got = 0;
    assert_int_equal(mtrk_queue_claim(w->mids, &got, NULL, w->t, w->campaign, NMSG, 3600000), MTRK_OK);
    assert_int_equal(got, NMSG);
    for (int i = 0; i < NMSG; i++)
        assert_int_equal(mtrk_queue_mark_sent(w->t, w->mids[i], w->now - 48 * INT64_C(3600000), NULL, NULL), MTRK_OK);
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    world *w = *state;
    mtrk_tenant_close(w->t);
    mtrk_db_close(w->db);
    mtrk_store_free(w->mem);
    free(w);
    return 0;
}

/* The reads of each table the track path reaches. */
#define NREADS 6
typedef struct reads {
    long v[NREADS];
} reads;

static reads reads_now(const world *w)
{
    static const unsigned tables[NREADS] = { T_MESSAGES, T_CAMPAIGNS, T_CONTACTS, T_LINKS, T_EVENTS, T_SIGNING_KEYS };
    reads r;
    for (int i = 0; i < NREADS; i++)
        r.v[i] = countstore_reads(&w->cs, tables[i]);
    return r;
}

/* Resolves opens and clicks of messages [first, first + n) as one batch. */
static reads resolve_group(world *w, size_t first, size_t n)
{
    mtrk_track_request rq[NMSG];
    const mtrk_track_request *reqs[NMSG];
    mtrk_track_result res[NMSG];
    mtrk_track_result *outs[NMSG];
    int st[NMSG];
    char *paths[NMSG];
    for (size_t i = 0; i < n; i++) {
        mtrk_id nil = { { 0 } };
        bool click = i % 2;
        char *url;
        assert_int_equal(mtrk_track_url(&url, w->t, click ? MTRK_URL_CLICK : MTRK_URL_OPEN, w->mids[first + i],
                                        click ? w->links[i % 3] : nil),
                         MTRK_OK);
        paths[i] = strdup(url + strlen(BASE));
        mtrk_free(url);
        mtrk_track_request r = MTRK_TRACK_REQUEST_INIT;
        r.method = "GET";
        r.path = paths[i];
        r.user_agent = "Mozilla/5.0 (Macintosh)";
        r.at = w->now - 3600000;
        rq[i] = r;
        reqs[i] = &rq[i];
        mtrk_track_result z = MTRK_TRACK_RESULT_INIT;
        res[i] = z;
        outs[i] = &res[i];
    }
    countstore_reset(&w->cs);
    assert_int_equal(mtrk_track_resolve_batch(outs, st, w->t, reqs, n, NULL), MTRK_OK);
    reads r = reads_now(w);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(st[i], MTRK_OK);
        assert_int_equal(res[i].recorded, 1);
        free(paths[i]);
    }
    return r;
}

static void test_resolve_batch_reads_do_not_grow_with_the_group(void **state)
{
    world *w = *state;
    reads small = resolve_group(w, 0, 6); /* clicks on each of the three links */
    reads large = resolve_group(w, 6, 36);
    static const char *const names[NREADS] = { "messages", "campaigns", "contacts", "links", "events",
                                               "signing_keys" };
    for (int i = 0; i < NREADS; i++) {
        printf("%s: %ld store calls for 6 hits, %ld for 36\n", names[i], small.v[i], large.v[i]);
        assert_int_equal(small.v[i], large.v[i]);
    }
}

static void test_campaign_listing_from_a_time_reads_from_its_hour(void **state)
{
    world *w = *state;
    const mtrk_time hour = 3600000;
    mtrk_time t0 = w->now - 47 * hour;
    t0 -= t0 % hour;
    /* Three opens in each of 40 hours, one message per hour. */
    for (int h = 0; h < 40; h++) {
        mtrk_event_input in[3];
        const mtrk_event_input *p[3];
        mtrk_event_outcome o[3], *op[3];
        for (int k = 0; k < 3; k++) {
            mtrk_event_input d = MTRK_EVENT_INPUT_INIT;
            d.type = MTRK_EV_OPEN;
            d.mid = w->mids[h];
            d.occurred_at = t0 + h * hour + k * 1000;
            in[k] = d;
            p[k] = &in[k];
            mtrk_event_outcome z = MTRK_EVENT_OUTCOME_INIT;
            o[k] = z;
            op[k] = &o[k];
        }
        size_t rec = 0;
        assert_int_equal(mtrk_event_record_batch(&rec, op, w->t, p, 3), MTRK_OK);
        assert_int_equal(rec, 3);
    }
    countstore_reset(&w->cs);
    mtrk_event_iter *it = NULL;
    assert_int_equal(mtrk_event_iter_campaign(&it, w->t, w->campaign, MTRK_EV_OPEN, t0 + 38 * hour, 0), MTRK_OK);
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    int n = 0;
    while (mtrk_event_iter_next(&e, it) == MTRK_OK) {
        assert_true(e.occurred_at >= t0 + 38 * hour);
        n++;
    }
    mtrk_event_iter_free(it);
    assert_int_equal(n, 6);
    /* The two hours listed, and at most a look past them: not the 114 before. */
    printf("events rows read: %ld\n", w->cs.rows_read[T_EVENTS]);
    assert_true(w->cs.rows_read[T_EVENTS] <= 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_resolve_batch_reads_do_not_grow_with_the_group, setup, teardown),
        cmocka_unit_test_setup_teardown(test_campaign_listing_from_a_time_reads_from_its_hour, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
