/*
 * mtrk_metrics_rebuild builds the rollups aside: the messages' fold columns
 * a page per write transaction, the rollups computed in one read
 * transaction, then swapped in by one short write transaction as computed +
 * (stored now - stored at the snapshot). Events another handle records
 * between any two of those transactions count exactly once: this test
 * records one at every begin of the rebuilding handle's transactions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "faultstore.h"
#include "mtrk/mtrk.h"

#define NMSG 600 /* more than a page (256) of messages: several refresh transactions */

typedef struct world {
    mtrk_store *mem;
    faultstore fs;
    mtrk_db *db, *other; /* db: through the wrapper; other: the store itself */
    mtrk_tenant *t, *t2;
    mtrk_id campaign, link;
    mtrk_id mids[NMSG];
    int injecting;
    int injected;   /* events recorded by the other handle during the rebuild */
    int next;       /* the next message to open */
    mtrk_time now;
} world;

static mtrk_time clock_fn(void *ud) { return ((world *)ud)->now; }

/* Between two transactions of the rebuilding handle: one open and one click
 * through the other handle, on a message not opened before. */
static void inject(faultstore *fs, int write)
{
    (void)write;
    world *w = fs->hook_userdata;
    if (!w->injecting || w->next >= NMSG)
        return;
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = MTRK_EV_OPEN;
    in.mid = w->mids[w->next];
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    assert_int_equal(mtrk_event_record(&o, w->t2, &in), MTRK_OK);
    in.type = MTRK_EV_CLICK;
    in.lid = w->link;
    assert_int_equal(mtrk_event_record(&o, w->t2, &in), MTRK_OK);
    w->next++;
    w->injected++;
}

static void setup_world(world *w)
{
    memset(w, 0, sizeof *w);
    w->now = INT64_C(1767225600000); /* 2026-01-01 */
    assert_int_equal(mtrk_store_memory_new(&w->mem), MTRK_OK);
    faultstore_init(&w->fs, w->mem);
    w->fs.on_begin = inject;
    w->fs.hook_userdata = w;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = clock_fn;
    o.clock_userdata = w;
    assert_int_equal(mtrk_db_open_store(&w->db, &w->fs.base, &o), MTRK_OK);
    assert_int_equal(mtrk_db_open_store(&w->other, w->mem, &o), MTRK_OK);
    assert_int_equal(mtrk_tenant_create(&w->t, w->db, "acme", "test:rebuild"), MTRK_OK);
    assert_int_equal(mtrk_tenant_open(&w->t2, w->other, "acme", "test:rebuild-other"), MTRK_OK);
    mtrk_id aud;
    assert_int_equal(mtrk_audience_create(&aud, w->t, "all"), MTRK_OK);
    for (int i = 0; i < NMSG; i++) {
        char addr[64];
        snprintf(addr, sizeof addr, "c%d@example.com", i);
        mtrk_id c;
        int created;
        assert_int_equal(mtrk_contact_add(&c, &created, w->t, addr, NULL), MTRK_OK);
        assert_int_equal(mtrk_audience_add(NULL, w->t, aud, c), MTRK_OK);
    }
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "spring";
    spec.subject = "s";
    spec.from_address = "news@acme.example";
    spec.text = "hi";
    assert_int_equal(mtrk_campaign_create(&w->campaign, w->t, &spec), MTRK_OK);
    assert_int_equal(mtrk_link_add(&w->link, w->t, w->campaign, "https://acme.example/a", "a", 0), MTRK_OK);
    assert_int_equal(mtrk_campaign_attach_audience(NULL, w->t, w->campaign, aud), MTRK_OK);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    assert_int_equal(mtrk_campaign_generate(&rep, w->t, w->campaign), MTRK_OK);
    /* Every message delivered; the first half opened before the rebuild. */
    mtrk_message_iter *it = NULL;
    assert_int_equal(mtrk_message_iter_new(&it, w->t, w->campaign), MTRK_OK);
    mtrk_message_info m = MTRK_MESSAGE_INFO_INIT;
    int n = 0;
    while (mtrk_message_iter_next(&m, it) == MTRK_OK && n < NMSG)
        w->mids[n++] = m.mid;
    mtrk_message_iter_free(it);
    assert_int_equal(n, NMSG);
    for (int i = 0; i < NMSG; i++) {
        mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
        in.type = MTRK_EV_DELIVERED;
        in.mid = w->mids[i];
        mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
        assert_int_equal(mtrk_event_record(&o, w->t, &in), MTRK_OK);
    }
    w->next = NMSG / 2;
    for (int i = 0; i < NMSG / 2; i++) {
        mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
        in.type = MTRK_EV_OPEN;
        in.mid = w->mids[i];
        mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
        assert_int_equal(mtrk_event_record(&o, w->t, &in), MTRK_OK);
    }
}

static void free_world(world *w)
{
    mtrk_tenant_close(w->t);
    mtrk_tenant_close(w->t2);
    mtrk_db_close(w->db);
    mtrk_db_close(w->other);
    mtrk_store_free(w->mem);
}

static void test_events_recorded_during_a_rebuild_count_once(void **state)
{
    (void)state;
    world w;
    setup_world(&w);
    w.injecting = 1;
    assert_int_equal(mtrk_metrics_rebuild(w.t), MTRK_OK);
    w.injecting = 0;
    /* Several transactions: a refresh page per 256 messages, the snapshot,
     * the swap; an event pair went in before each. */
    assert_true(w.injected >= 4);
    mtrk_metrics m = MTRK_METRICS_INIT;
    assert_int_equal(mtrk_metrics_campaign(&m, w.t, w.campaign), MTRK_OK);
    int opened = NMSG / 2 + w.injected;
    assert_int_equal(m.delivered, NMSG);
    assert_int_equal(m.opens_total, opened);
    assert_int_equal(m.opens_unique, opened);
    assert_int_equal(m.clicks_total, w.injected);
    assert_int_equal(m.clicks_unique, w.injected);
    mtrk_link_stats ls[2];
    mtrk_link_stats *pls[2] = { &ls[0], &ls[1] };
    for (int i = 0; i < 2; i++)
        mtrk_link_stats_init(&ls[i], MTRK_LINK_STATS_VERSION);
    size_t nl = 0;
    assert_int_equal(mtrk_metrics_links(pls, 2, &nl, w.t, w.campaign), MTRK_OK);
    assert_int_equal(nl, 1);
    assert_int_equal(ls[0].clicks, (uint64_t)w.injected);
    assert_int_equal(ls[0].clicks_unique, (uint64_t)w.injected);
    /* A rebuild with nothing arriving gives the same figures. */
    assert_int_equal(mtrk_metrics_rebuild(w.t), MTRK_OK);
    mtrk_metrics again = MTRK_METRICS_INIT;
    assert_int_equal(mtrk_metrics_campaign(&again, w.t, w.campaign), MTRK_OK);
    assert_int_equal(again.opens_total, m.opens_total);
    assert_int_equal(again.opens_unique, m.opens_unique);
    assert_int_equal(again.clicks_unique, m.clicks_unique);
    assert_int_equal(again.delivered, m.delivered);
    free_world(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_events_recorded_during_a_rebuild_count_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
