/*
 * The core's reads of the store (store contract versions 1 to 3), with no
 * cache of its own:
 *  - every st_get asks the store, inside a transaction too; a write through
 *    st_* (insert, update, delete, put) is what the next st_get of that key
 *    returns, and a rolled-back write is not seen after;
 *  - st_get_many reads many keys in one get_many call, or key by key with
 *    get on a store without get_many (version 1, or a NULL pointer), and
 *    mtrk_store_init(version 1) writes nothing past a version-1 struct;
 *  - mtrk_event_record_batch reads its messages with one get_many, no get
 *    of a message; the rollup flush of a store without counters_add reads
 *    each kind's rows with one get_many.
 * And, with the same counting wrapper, the fold (docs/decisions.md §8):
 *  - recording events writes events only, never the message row; the
 *    message's facts read back are the fold of its events;
 *  - a queued message that events moved out of the queue is not claimed,
 *    and the claim that meets it writes its row once, so it leaves the
 *    queue's index;
 *  - an event batch reads the events already stored under its provider
 *    event ids with one more scan_many, and finds duplicates of stored
 *    events and of its own earlier events without reading events again;
 *  - an event batch reads the events of its messages with one scan_many
 *    (contract version 3) and no scan per event, and its facts, rollups
 *    and first-click-per-link decisions equal those of the same events
 *    recorded one by one.
 * The counting store of countstore.h wraps the memory store (without the
 * typed operations: the core takes the rows).
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

typedef struct fixture {
    countstore ms;
    mtrk_store *mem;
    mtrk_db *db;
    mtrk_tenant *t;
    mtrk_id a1, a2;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(mtrk_store_memory_new(&f->mem), MTRK_OK);
    countstore_init(&f->ms, f->mem, false);
    assert_int_equal(mtrk_db_open_store(&f->db, &f->ms.base, NULL), MTRK_OK);
    assert_int_equal(mtrk_tenant_create(&f->t, f->db, "acme", "test:cache"), MTRK_OK);
    assert_int_equal(mtrk_audience_create(&f->a1, f->t, "first"), MTRK_OK);
    assert_int_equal(mtrk_audience_create(&f->a2, f->t, "second"), MTRK_OK);
    memset(f->ms.gets, 0, sizeof f->ms.gets);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    mtrk_tenant_close(f->t);
    mtrk_db_close(f->db);
    mtrk_store_free(f->mem);
    free(f);
    return 0;
}

/* An audiences row holding only the key of audience `id`. */
static row_audiences aud_key(fixture *f, mtrk_id id)
{
    row_audiences a;
    memset(&a, 0, sizeof a);
    a.tenant = f->t->id;
    a.id = id;
    return a;
}

/* Reads audience `id` with st_get; *name gets a copy of its name. */
static int read_audience(fixture *f, mtrk_id id, char *name, size_t cap)
{
    row_audiences a = aud_key(f, id);
    int rc = st_get(f->t, T_AUDIENCES, &a);
    if (rc == MTRK_OK) {
        snprintf(name, cap, "%s", a.name);
        rows_clear(T_AUDIENCES, &a);
    }
    return rc;
}

/* Reads the audiences ids[0..n) with st_get_many; returns how many it found. */
static size_t read_many(fixture *f, const mtrk_id *ids, size_t n);

static int count_cb(void *ud, void *row)
{
    (void)row;
    ++*(size_t *)ud;
    return 0;
}

static size_t read_many(fixture *f, const mtrk_id *ids, size_t n)
{
    mtrk_value keys[8];
    for (size_t i = 0; i < n; i++) {
        keys[2 * i] = v_id(&f->t->id);
        keys[2 * i + 1] = v_id(&ids[i]);
    }
    size_t found = 0;
    assert_int_equal(st_get_many(f->t, T_AUDIENCES, keys, n, count_cb, &found), MTRK_OK);
    return found;
}

static void test_every_get_asks_the_store(void **state)
{
    fixture *f = *state;
    mtrk_id none = { { 0x43 } };
    char name[32];
    assert_int_equal(tx_begin(f->t, true), MTRK_OK);
    assert_int_equal(read_audience(f, f->a1, name, sizeof name), MTRK_OK);
    assert_int_equal(read_audience(f, f->a1, name, sizeof name), MTRK_OK);
    assert_string_equal(name, "first");
    assert_int_equal(read_audience(f, none, name, sizeof name), MTRK_ENOTFOUND);
    assert_int_equal(read_audience(f, none, name, sizeof name), MTRK_ENOTFOUND);
    assert_int_equal(f->ms.gets[T_AUDIENCES], 4);
    row_audiences a = { 0 };
    a.tenant = f->t->id;
    a.id = none;
    a.name = "written";
    assert_int_equal(st_insert(f->t, T_AUDIENCES, &a), MTRK_OK);
    assert_int_equal(read_audience(f, none, name, sizeof name), MTRK_OK);
    assert_string_equal(name, "written");
    assert_int_equal(f->ms.gets[T_AUDIENCES], 5);
    assert_int_equal(tx_end(f->t, MTRK_EINVAL), MTRK_EINVAL); /* rolled back */
}

static void test_write_then_read_in_one_transaction_sees_the_write(void **state)
{
    fixture *f = *state;
    mtrk_id fresh = { { 0x77, 1 } };
    char name[32];
    assert_int_equal(tx_begin(f->t, true), MTRK_OK);
    /* update */
    row_audiences a = aud_key(f, f->a1);
    assert_int_equal(st_get(f->t, T_AUDIENCES, &a), MTRK_OK);
    row_audiences b = a;
    b.name = "renamed";
    b.member_count = 5;
    assert_int_equal(st_update_from(f->t, T_AUDIENCES, &a, &b), MTRK_OK);
    rows_clear(T_AUDIENCES, &a);
    assert_int_equal(read_audience(f, f->a1, name, sizeof name), MTRK_OK);
    assert_string_equal(name, "renamed");
    /* put over an existing row */
    row_audiences p = aud_key(f, f->a1);
    p.name = "put";
    assert_int_equal(st_put(f->t, T_AUDIENCES, &p), MTRK_OK);
    assert_int_equal(read_audience(f, f->a1, name, sizeof name), MTRK_OK);
    assert_string_equal(name, "put");
    /* delete */
    p.id = f->a2;
    assert_int_equal(st_delete(f->t, T_AUDIENCES, &p), MTRK_OK);
    assert_int_equal(read_audience(f, f->a2, name, sizeof name), MTRK_ENOTFOUND);
    /* insert of a key read as absent */
    assert_int_equal(read_audience(f, fresh, name, sizeof name), MTRK_ENOTFOUND);
    p.id = fresh;
    p.name = "fresh";
    assert_int_equal(st_insert(f->t, T_AUDIENCES, &p), MTRK_OK);
    assert_int_equal(read_audience(f, fresh, name, sizeof name), MTRK_OK);
    assert_string_equal(name, "fresh");
    mtrk_id ids[3] = { f->a1, f->a2, fresh };
    assert_int_equal(read_many(f, ids, 3), 2); /* get_many sees the writes too */
    /* A failed write changes nothing. */
    assert_int_equal(st_insert(f->t, T_AUDIENCES, &p), MTRK_EEXISTS);
    assert_int_equal(read_audience(f, fresh, name, sizeof name), MTRK_OK);
    assert_string_equal(name, "fresh");
    assert_int_equal(tx_end(f->t, MTRK_OK), MTRK_OK);
    /* Committed. */
    assert_int_equal(tx_begin(f->t, false), MTRK_OK);
    assert_int_equal(read_audience(f, f->a1, name, sizeof name), MTRK_OK);
    assert_string_equal(name, "put");
    assert_int_equal(read_audience(f, f->a2, name, sizeof name), MTRK_ENOTFOUND);
    assert_int_equal(read_audience(f, fresh, name, sizeof name), MTRK_OK);
    assert_int_equal(tx_end(f->t, MTRK_OK), MTRK_OK);
}

static void test_rolled_back_write_is_not_read_after(void **state)
{
    fixture *f = *state;
    char name[32];
    assert_int_equal(tx_begin(f->t, true), MTRK_OK);
    row_audiences p = aud_key(f, f->a1);
    p.name = "doomed";
    assert_int_equal(st_update(f->t, T_AUDIENCES, &p), MTRK_OK);
    assert_int_equal(read_audience(f, f->a1, name, sizeof name), MTRK_OK);
    assert_string_equal(name, "doomed");
    assert_int_equal(tx_end(f->t, MTRK_ESTORE), MTRK_ESTORE); /* rolls back */
    assert_int_equal(tx_begin(f->t, false), MTRK_OK);
    assert_int_equal(read_audience(f, f->a1, name, sizeof name), MTRK_OK);
    assert_string_equal(name, "first");
    assert_int_equal(tx_end(f->t, MTRK_OK), MTRK_OK);
}

static void test_get_many_in_one_call_or_key_by_key(void **state)
{
    fixture *f = *state;
    mtrk_id none = { { 0x42 } };
    mtrk_id ids[3] = { f->a1, f->a2, none };
    assert_int_equal(tx_begin(f->t, false), MTRK_OK);
    assert_int_equal(read_many(f, ids, 3), 2);
    assert_int_equal(f->ms.many_calls[T_AUDIENCES], 1);
    assert_int_equal(f->ms.many_keys[T_AUDIENCES], 3);
    assert_int_equal(f->ms.gets[T_AUDIENCES], 0);
    assert_int_equal(tx_end(f->t, MTRK_OK), MTRK_OK);
    /* Without get_many: a get per key. */
    f->ms.base.get_many = NULL;
    assert_int_equal(tx_begin(f->t, false), MTRK_OK);
    assert_int_equal(read_many(f, ids, 3), 2);
    assert_int_equal(f->ms.gets[T_AUDIENCES], 3);
    assert_int_equal(tx_end(f->t, MTRK_OK), MTRK_OK);
    /* Version 1 with the pointer set: still not called. */
    f->ms.base.get_many = countstore_ops.get_many;
    f->ms.base.scan_many = countstore_ops.scan_many;
    f->ms.base.version = 1;
    assert_int_equal(tx_begin(f->t, false), MTRK_OK);
    assert_int_equal(read_many(f, ids, 3), 2);
    assert_int_equal(f->ms.many_calls[T_AUDIENCES], 1);
    assert_int_equal(f->ms.gets[T_AUDIENCES], 6);
    assert_int_equal(tx_end(f->t, MTRK_OK), MTRK_OK);
    f->ms.base.version = MTRK_STORE_VERSION;
}

static void test_version_1_store_is_accepted_and_init_stays_within_it(void **state)
{
    (void)state;
    /* A version-1 struct ends after errmsg: init must not write past it. */
    size_t v1 = offsetof(mtrk_store, get_many);
    unsigned char buf[sizeof(mtrk_store) + 16];
    memset(buf, 0xAB, sizeof buf);
    assert_int_equal(mtrk_store_init((mtrk_store *)(void *)buf, 1), MTRK_OK);
    for (size_t i = v1; i < sizeof buf; i++)
        assert_int_equal(buf[i], 0xAB);
    mtrk_store *mem;
    assert_int_equal(mtrk_store_memory_new(&mem), MTRK_OK);
    countstore ms;
    countstore_init(&ms, mem, false);
    ms.base.version = 1; /* the core reads nothing past a version-1 store */
    mtrk_db *db = NULL;
    assert_int_equal(mtrk_db_open_store(&db, &ms.base, NULL), MTRK_OK);
    mtrk_tenant *t = NULL;
    assert_int_equal(mtrk_tenant_create(&t, db, "v1", "test:cache"), MTRK_OK);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    mtrk_store_free(mem);
}

/* Up to 10 event inputs and their outcomes, as the batch call takes them. */
typedef struct evbuf {
    mtrk_event_input in[10];
    const mtrk_event_input *pin[10];
    mtrk_event_outcome out[10];
    mtrk_event_outcome *pout[10];
} evbuf;

/* Resets the first n inputs and outcomes to their defaults. */
static void evbuf_reset(evbuf *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        mtrk_event_input d = MTRK_EVENT_INPUT_INIT;
        mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
        b->in[i] = d;
        b->pin[i] = &b->in[i];
        b->out[i] = o;
        b->pout[i] = &b->out[i];
    }
}

/* Three contacts, one campaign, its three messages (queued) in mids[]. */
static mtrk_id make_messages(fixture *f, mtrk_id mids[3])
{
    mtrk_id c[3], camp;
    const char *addrs[3] = { "a@example.com", "b@example.com", "c@example.com" };
    for (int i = 0; i < 3; i++)
        assert_int_equal(mtrk_contact_add(&c[i], NULL, f->t, addrs[i], NULL), MTRK_OK);
    assert_int_equal(mtrk_audience_add_batch(NULL, f->t, f->a1, c, 3), MTRK_OK);
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "launch";
    s.subject = "Hello";
    s.from_address = "news@example.com";
    s.html = "<p>hi <a href=\"https://example.com/x\">x</a></p>";
    assert_int_equal(mtrk_campaign_create(&camp, f->t, &s), MTRK_OK);
    assert_int_equal(mtrk_campaign_attach_audience(NULL, f->t, camp, f->a1), MTRK_OK);
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    assert_int_equal(mtrk_campaign_generate(&r, f->t, camp), MTRK_OK);
    mtrk_message_iter *it = NULL;
    assert_int_equal(mtrk_message_iter_new(&it, f->t, camp), MTRK_OK);
    mtrk_message_info m = MTRK_MESSAGE_INFO_INIT;
    size_t nm = 0;
    while (nm < 3 && mtrk_message_iter_next(&m, it) == MTRK_OK)
        mids[nm++] = m.mid;
    mtrk_message_iter_free(it);
    assert_int_equal(nm, 3);
    assert_int_equal(mtrk_campaign_set_status(f->t, camp, MTRK_CAMPAIGN_SCHEDULED), MTRK_OK);
    assert_int_equal(mtrk_campaign_set_status(f->t, camp, MTRK_CAMPAIGN_SENDING), MTRK_OK);
    return camp;
}

static void test_event_batch_reads_its_messages_with_one_get_many(void **state)
{
    fixture *f = *state;
    mtrk_id mids[3];
    make_messages(f, mids);

    evbuf eb;
    evbuf_reset(&eb, 6);
    mtrk_event_input *in = eb.in;
    mtrk_event_outcome *out = eb.out;
    static const mtrk_event_type types[3] = { MTRK_EV_SENT, MTRK_EV_DELIVERED, MTRK_EV_OPEN };
    for (int i = 0; i < 6; i++) {
        in[i].type = types[i / 2];
        in[i].mid = mids[i % 3];
        in[i].occurred_at = 1767225600000LL + i;
    }
    in[5].mid = (mtrk_id){ { 0x99 } }; /* unknown: that event's own error */
    memset(f->ms.gets, 0, sizeof f->ms.gets);
    memset(f->ms.many_calls, 0, sizeof f->ms.many_calls);
    memset(f->ms.writes, 0, sizeof f->ms.writes);
    memset(f->ms.counter_calls, 0, sizeof f->ms.counter_calls);
    size_t recorded = 0;
    assert_int_equal(mtrk_event_record_batch(&recorded, eb.pout, f->t, eb.pin, 6), MTRK_OK);
    assert_int_equal(recorded, 5);
    assert_int_equal(out[5].status, MTRK_ENOTFOUND);
    assert_int_equal(f->ms.many_calls[T_MESSAGES], 1);
    assert_int_equal(f->ms.gets[T_MESSAGES], 0);
    /* The rollups: one counters_add per kind that changed, and no rollup
     * row read or written through the rows. */
    assert_int_equal(f->ms.counter_calls[MTRK_STORE_COUNTERS_CAMPAIGN], 1);
    assert_int_equal(f->ms.counter_calls[MTRK_STORE_COUNTERS_HOURLY], 1);
    assert_int_equal(f->ms.counter_calls[MTRK_STORE_COUNTERS_LINK], 0); /* no click */
    static const unsigned rollups[3] = { T_CAMPAIGN_STATS, T_HOURLY_STATS, T_LINK_STATS };
    for (int r = 0; r < 3; r++) {
        assert_int_equal(f->ms.many_calls[rollups[r]], 0);
        assert_int_equal(f->ms.gets[rollups[r]], 0);
        assert_int_equal(f->ms.writes[rollups[r]], 0);
    }
    /* The messages moved forward as if read key by key. */
    mtrk_message_info info = MTRK_MESSAGE_INFO_INIT;
    assert_int_equal(mtrk_message_get(&info, f->t, mids[0]), MTRK_OK);
    assert_int_equal(info.state, MTRK_MSG_DELIVERED); /* sent, then delivered, in one batch */
    assert_true(info.sent_at > 0 && info.delivered_at > 0);
    assert_int_equal(mtrk_message_get(&info, f->t, mids[1]), MTRK_OK);
    assert_int_equal(info.opens, 1);
    assert_true(info.sent_at > 0 && info.first_open_at > 0);
}

/* A store behind a round trip without counters_add (an older contract):
 * the flush reads the rollup rows it adds to with one get_many per table
 * (one get for a table with one key), and writes them through the rows. */
static void test_flush_without_counters_add_reads_rollups_with_get_many(void **state)
{
    fixture *f = *state;
    f->ms.base.counters_add = NULL;
    mtrk_id mids[3];
    make_messages(f, mids);
    evbuf eb;
    evbuf_reset(&eb, 3);
    for (int i = 0; i < 3; i++) {
        eb.in[i].type = MTRK_EV_SENT;
        eb.in[i].mid = mids[i];
        eb.in[i].occurred_at = 1767225600000LL + (int64_t)i * 3600000; /* three hours */
    }
    memset(f->ms.gets, 0, sizeof f->ms.gets);
    memset(f->ms.many_calls, 0, sizeof f->ms.many_calls);
    memset(f->ms.writes, 0, sizeof f->ms.writes);
    size_t recorded = 0;
    assert_int_equal(mtrk_event_record_batch(&recorded, eb.pout, f->t, eb.pin, 3), MTRK_OK);
    assert_int_equal(recorded, 3);
    assert_int_equal(f->ms.many_calls[T_HOURLY_STATS], 1);
    assert_int_equal(f->ms.gets[T_HOURLY_STATS], 0);
    assert_int_equal(f->ms.writes[T_HOURLY_STATS], 3);
    /* One campaign: one key, read with one get (a round trip either way). */
    assert_int_equal(f->ms.gets[T_CAMPAIGN_STATS] + f->ms.many_calls[T_CAMPAIGN_STATS], 1);
    assert_int_equal(f->ms.writes[T_CAMPAIGN_STATS], 1);
    mtrk_metrics m = MTRK_METRICS_INIT;
    mtrk_message_info info = MTRK_MESSAGE_INFO_INIT;
    assert_int_equal(mtrk_message_get(&info, f->t, mids[0]), MTRK_OK);
    assert_int_equal(mtrk_metrics_campaign(&m, f->t, info.campaign), MTRK_OK);
    assert_int_equal(m.sent, 3);
}

static void event(mtrk_tenant *t, mtrk_event_type type, mtrk_id mid, mtrk_id lid, mtrk_time at)
{
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = type;
    in.mid = mid;
    in.lid = lid;
    in.occurred_at = at;
    assert_int_equal(mtrk_event_record(NULL, t, &in), MTRK_OK);
}

static void test_events_write_no_message_row(void **state)
{
    fixture *f = *state;
    mtrk_id mids[3];
    mtrk_id camp = make_messages(f, mids);
    mtrk_link_iter *li = NULL;
    const mtrk_link *l = NULL;
    assert_int_equal(mtrk_link_iter_new(&li, f->t, camp), MTRK_OK);
    assert_int_equal(mtrk_link_iter_next(&l, li), MTRK_OK);
    mtrk_id lid = mtrk_link_id(l);
    mtrk_link_iter_free(li);
    mtrk_id claimed[3];
    size_t n = 0;
    assert_int_equal(mtrk_queue_claim(claimed, &n, NULL, f->t, camp, 3, 60000), MTRK_OK);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(mtrk_queue_mark_sent(f->t, claimed[i], 1767225600000LL, NULL, NULL), MTRK_OK);

    memset(f->ms.writes, 0, sizeof f->ms.writes);
    mtrk_time t0 = 1767225700000LL;
    event(f->t, MTRK_EV_DELIVERED, mids[0], nil_id, t0);
    event(f->t, MTRK_EV_OPEN, mids[0], nil_id, t0 + 2);
    event(f->t, MTRK_EV_OPEN, mids[0], nil_id, t0 + 1);
    event(f->t, MTRK_EV_CLICK, mids[0], lid, t0 + 3);
    event(f->t, MTRK_EV_DELIVERED, mids[1], nil_id, t0);
    assert_int_equal(f->ms.writes[T_MESSAGES], 0);
    assert_int_equal(f->ms.writes[T_EVENTS], 5);

    mtrk_message_info info = MTRK_MESSAGE_INFO_INIT;
    assert_int_equal(mtrk_message_get(&info, f->t, mids[0]), MTRK_OK);
    assert_int_equal(info.state, MTRK_MSG_DELIVERED);
    assert_int_equal(info.opens, 2);
    assert_int_equal(info.clicks, 1);
    assert_int_equal(info.first_open_at, t0 + 1);
    assert_int_equal(info.first_click_at, t0 + 3);
    assert_int_equal(info.delivered_at, t0);
    assert_int_equal(info.sent_at, 1767225600000LL);
    mtrk_metrics m = MTRK_METRICS_INIT;
    assert_int_equal(mtrk_metrics_campaign(&m, f->t, camp), MTRK_OK);
    assert_int_equal(m.delivered, 2);
    assert_int_equal(m.opens_unique, 1);
    assert_int_equal(m.opens_total, 2);
    assert_int_equal(m.clicks_unique, 1);
}

static void test_queued_message_moved_by_an_event_leaves_the_queue(void **state)
{
    fixture *f = *state;
    mtrk_id mids[3];
    mtrk_id camp = make_messages(f, mids);
    memset(f->ms.writes, 0, sizeof f->ms.writes);
    event(f->t, MTRK_EV_DELIVERED, mids[1], nil_id, 1767225700000LL);
    assert_int_equal(f->ms.writes[T_MESSAGES], 0);
    mtrk_message_info info = MTRK_MESSAGE_INFO_INIT;
    assert_int_equal(mtrk_message_get(&info, f->t, mids[1]), MTRK_OK);
    assert_int_equal(info.state, MTRK_MSG_DELIVERED);

    mtrk_id claimed[3];
    size_t n = 0;
    assert_int_equal(mtrk_queue_claim(claimed, &n, NULL, f->t, camp, 3, 60000), MTRK_OK);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++)
        assert_false(id_eq(claimed[i], mids[1]));
    assert_int_equal(f->ms.writes[T_MESSAGES], 3); /* two claims, one row settled */
    assert_int_equal(mtrk_queue_claim(claimed, &n, NULL, f->t, camp, 3, 60000), MTRK_OK);
    assert_int_equal(n, 0);
    assert_int_equal(f->ms.writes[T_MESSAGES], 3);
    assert_int_equal(mtrk_message_get(&info, f->t, mids[1]), MTRK_OK);
    assert_int_equal(info.state, MTRK_MSG_DELIVERED);
    /* The others stay claimable after a release, and canceling the campaign
     * cancels them but not the delivered one. */
    assert_int_equal(mtrk_queue_release(f->t, mids[0]), MTRK_OK);
    assert_int_equal(mtrk_campaign_set_status(f->t, camp, MTRK_CAMPAIGN_CANCELED), MTRK_OK);
    assert_int_equal(mtrk_message_get(&info, f->t, mids[0]), MTRK_OK);
    assert_int_equal(info.state, MTRK_MSG_CANCELED);
    assert_int_equal(mtrk_message_get(&info, f->t, mids[1]), MTRK_OK);
    assert_int_equal(info.state, MTRK_MSG_DELIVERED);
}

/* Records the same 9 events on a campaign's messages, in one batch or one
 * by one, and returns what they lead to. */
typedef struct outcome9 {
    mtrk_message_info info[3];
    mtrk_metrics m;
    uint64_t link_unique, link_clicks;
} outcome9;

static void record9(fixture *f, bool batch, outcome9 *o)
{
    mtrk_id mids[3];
    mtrk_id camp = make_messages(f, mids);
    mtrk_link_iter *li = NULL;
    const mtrk_link *l = NULL;
    assert_int_equal(mtrk_link_iter_new(&li, f->t, camp), MTRK_OK);
    assert_int_equal(mtrk_link_iter_next(&l, li), MTRK_OK);
    mtrk_id lid = mtrk_link_id(l);
    mtrk_link_iter_free(li);
    /* Message 0 is sent before the batch: its first events are stored. */
    event(f->t, MTRK_EV_SENT, mids[0], nil_id, 1767225600000LL);
    event(f->t, MTRK_EV_CLICK, mids[0], lid, 1767225600001LL);
    static const struct { int msg, type, bounce, link; } ev[9] = {
        { 0, MTRK_EV_DELIVERED, 0, 0 }, { 0, MTRK_EV_OPEN, 0, 0 },  { 0, MTRK_EV_CLICK, 0, 1 },
        { 1, MTRK_EV_SENT, 0, 0 },      { 1, MTRK_EV_CLICK, 0, 1 }, { 1, MTRK_EV_CLICK, 0, 1 },
        { 1, MTRK_EV_OPEN, 0, 0 },      { 2, MTRK_EV_DELIVERED, 0, 0 },
        { 2, MTRK_EV_BOUNCE, MTRK_BOUNCE_HARD, 0 },
    };
    evbuf eb;
    evbuf_reset(&eb, 9);
    mtrk_event_input *in = eb.in;
    for (int i = 0; i < 9; i++) {
        in[i].type = (mtrk_event_type)ev[i].type;
        in[i].mid = mids[ev[i].msg];
        in[i].lid = ev[i].link ? lid : nil_id;
        in[i].bounce_kind = (mtrk_bounce_kind)ev[i].bounce;
        in[i].occurred_at = 1767225700000LL - i; /* each earlier than the last */
    }
    memset(f->ms.scans, 0, sizeof f->ms.scans);
    memset(f->ms.scan_many_calls, 0, sizeof f->ms.scan_many_calls);
    if (batch) {
        size_t recorded = 0;
        assert_int_equal(mtrk_event_record_batch(&recorded, eb.pout, f->t, eb.pin, 9), MTRK_OK);
        assert_int_equal(recorded, 9);
        /* Two reads of messages: the hard bounce's (its contact, and the
         * second pass's working set), the first pass's slice. */
        assert_int_equal(f->ms.scan_many_calls[T_EVENTS], 2);
        assert_int_equal(f->ms.scans[T_EVENTS], 0);
    } else {
        for (int i = 0; i < 9; i++)
            assert_int_equal(mtrk_event_record(NULL, f->t, eb.pin[i]), MTRK_OK);
        assert_int_equal(f->ms.scan_many_calls[T_EVENTS], 0);
    }
    for (int i = 0; i < 3; i++) {
        mtrk_message_info d = MTRK_MESSAGE_INFO_INIT;
        o->info[i] = d;
        assert_int_equal(mtrk_message_get(&o->info[i], f->t, mids[i]), MTRK_OK);
        o->info[i].mid = nil_id; /* the worlds differ in ids only */
        o->info[i].campaign = nil_id;
        o->info[i].contact = nil_id;
    }
    mtrk_metrics m = MTRK_METRICS_INIT;
    o->m = m;
    assert_int_equal(mtrk_metrics_campaign(&o->m, f->t, camp), MTRK_OK);
    mtrk_link_stats ls = MTRK_LINK_STATS_INIT;
    mtrk_link_stats *pls[1] = { &ls };
    size_t nl = 0;
    assert_int_equal(mtrk_metrics_links(pls, 1, &nl, f->t, camp), MTRK_OK);
    assert_int_equal(nl, 1);
    o->link_unique = ls.clicks_unique;
    o->link_clicks = ls.clicks;
}

static void test_event_batch_folds_like_one_by_one(void **state)
{
    fixture *f = *state;
    outcome9 one, many;
    record9(f, false, &one);
    teardown(state);
    setup(state);
    f = *state;
    record9(f, true, &many);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(many.info[i].state, one.info[i].state);
        assert_int_equal(many.info[i].opens, one.info[i].opens);
        assert_int_equal(many.info[i].clicks, one.info[i].clicks);
        assert_int_equal(many.info[i].first_open_at, one.info[i].first_open_at);
        assert_int_equal(many.info[i].first_click_at, one.info[i].first_click_at);
        assert_int_equal(many.info[i].delivered_at, one.info[i].delivered_at);
        assert_int_equal(many.info[i].sent_at, one.info[i].sent_at);
    }
    assert_int_equal(many.info[0].clicks, 2);
    assert_int_equal(many.info[1].clicks, 2);
    assert_int_equal(many.info[2].state, MTRK_MSG_BOUNCED);
    assert_int_equal(many.m.clicks_unique, one.m.clicks_unique);
    assert_int_equal(many.m.clicks_unique, 2);
    assert_int_equal(many.m.delivered, one.m.delivered);
    assert_int_equal(many.m.bounced_hard, one.m.bounced_hard);
    assert_int_equal(many.m.opens_unique, one.m.opens_unique);
    assert_int_equal(many.link_unique, one.link_unique);
    assert_int_equal(many.link_unique, 2);
    assert_int_equal(many.link_clicks, 4);
}

static void test_event_batch_checks_provider_ids_with_one_read(void **state)
{
    fixture *f = *state;
    mtrk_id mids[3];
    make_messages(f, mids);
    mtrk_event_input first = MTRK_EVENT_INPUT_INIT;
    first.type = MTRK_EV_DELIVERED;
    first.mid = mids[0];
    first.provider = "esp";
    first.provider_event_id = "stored-1";
    mtrk_event_outcome o0 = MTRK_EVENT_OUTCOME_INIT;
    assert_int_equal(mtrk_event_record(&o0, f->t, &first), MTRK_OK);

    /* stored-1 again (stored before), new-1 twice (the second is the first's
     * duplicate), new-2 once, an unknown mid with new-3 (its own error, so a
     * later new-3 is recorded), then new-3 on a real message. */
    static const char *const ids[6] = { "stored-1", "new-1", "new-1", "new-2", "new-3", "new-3" };
    evbuf eb;
    evbuf_reset(&eb, 6);
    mtrk_event_input *in = eb.in;
    mtrk_event_outcome *out = eb.out;
    /* Repeats name the same message and type as their first (stored-1 was
     * a delivery to mids[0]; new-1 twice to mids[1]). */
    static const int mid_of[6] = { 0, 1, 1, 2, 0, 0 };
    for (int i = 0; i < 6; i++) {
        in[i].type = i == 0 ? MTRK_EV_DELIVERED : MTRK_EV_OPEN;
        in[i].mid = mids[mid_of[i]];
        in[i].provider = "esp";
        in[i].provider_event_id = ids[i];
    }
    in[4].mid = (mtrk_id){ { 0x77 } };
    memset(f->ms.scans, 0, sizeof f->ms.scans);
    memset(f->ms.scan_many_calls, 0, sizeof f->ms.scan_many_calls);
    size_t recorded = 0;
    assert_int_equal(mtrk_event_record_batch(&recorded, eb.pout, f->t, eb.pin, 6), MTRK_OK);
    assert_int_equal(recorded, 3);
    assert_true(out[0].duplicate);
    assert_true(id_eq(out[0].event_id, o0.event_id));
    assert_false(out[1].duplicate);
    assert_true(out[2].duplicate);
    assert_true(id_eq(out[2].event_id, out[1].event_id));
    assert_false(out[3].duplicate);
    assert_int_equal(out[4].status, MTRK_ENOTFOUND);
    assert_false(out[5].duplicate);
    assert_int_equal(out[5].status, MTRK_OK);
    /* The second pass's working set (the repeated ids' messages, read
     * first for their contacts), then the first pass's: each one read by
     * message and one by provider id. */
    assert_int_equal(f->ms.scan_many_calls[T_EVENTS], 4);
    assert_int_equal(f->ms.scans[T_EVENTS], 0);
    /* The same batch again: every recorded one is now a duplicate. */
    assert_int_equal(mtrk_event_record_batch(&recorded, eb.pout, f->t, eb.pin, 6), MTRK_OK);
    assert_int_equal(recorded, 0);
    assert_true(out[5].duplicate && out[1].duplicate && out[3].duplicate);
}

/* A message with many events: no fold reads more than a bounded number of
 * them (the row takes the facts every FOLD_COMPACT events), events placed
 * before the row's mark count once, and the facts equal a rebuild's. */
static void hot_message(fixture *f, bool batch)
{
    mtrk_id mids[3];
    mtrk_id camp = make_messages(f, mids);
    enum { N = 1000 };
    const mtrk_time t0 = 1767225600000LL;
    memset(f->ms.rows_read, 0, sizeof f->ms.rows_read);
    memset(f->ms.writes, 0, sizeof f->ms.writes);
    evbuf eb;
    for (int i = 0; i < N; i += 10) {
        evbuf_reset(&eb, 10);
        for (int j = 0; j < 10; j++) {
            eb.in[j].type = MTRK_EV_OPEN;
            eb.in[j].mid = mids[0];
            /* Mostly later and later; every 7th lands before everything. */
            eb.in[j].occurred_at = (i + j) % 7 == 6 ? t0 - (i + j) : t0 + (i + j);
        }
        if (batch) {
            size_t recorded = 0;
            assert_int_equal(mtrk_event_record_batch(&recorded, eb.pout, f->t, eb.pin, 10), MTRK_OK);
            assert_int_equal(recorded, 10);
        } else {
            for (int j = 0; j < 10; j++)
                assert_int_equal(mtrk_event_record(NULL, f->t, eb.pin[j]), MTRK_OK);
        }
    }
    /* Without the mark, the fold reads 0 + 1 + ... + 999 = 499,500 rows. */
    assert_true(f->ms.rows_read[T_EVENTS] < 40L * N);
    assert_true(f->ms.writes[T_MESSAGES] >= N / 16 && f->ms.writes[T_MESSAGES] < N / 4);
    mtrk_message_info a = MTRK_MESSAGE_INFO_INIT;
    assert_int_equal(mtrk_message_get(&a, f->t, mids[0]), MTRK_OK);
    assert_int_equal(a.opens, N);
    assert_int_equal(a.first_open_at, t0 - 993); /* the earliest: i + j = 993 is 6 mod 7 */
    assert_int_equal(a.state, MTRK_MSG_DELIVERED);
    mtrk_metrics m1 = MTRK_METRICS_INIT, m2 = MTRK_METRICS_INIT;
    assert_int_equal(mtrk_metrics_campaign(&m1, f->t, camp), MTRK_OK);
    assert_int_equal(m1.opens_total, N);
    assert_int_equal(m1.opens_unique, 1);
    assert_int_equal(mtrk_metrics_rebuild(f->t), MTRK_OK);
    assert_int_equal(mtrk_metrics_campaign(&m2, f->t, camp), MTRK_OK);
    assert_int_equal(m2.opens_total, m1.opens_total);
    assert_int_equal(m2.opens_unique, m1.opens_unique);
    assert_int_equal(m2.delivered, m1.delivered);
    mtrk_message_info b = MTRK_MESSAGE_INFO_INIT;
    assert_int_equal(mtrk_message_get(&b, f->t, mids[0]), MTRK_OK);
    assert_int_equal(b.opens, N);
    assert_int_equal(b.first_open_at, a.first_open_at);
}

static void test_hot_message_one_by_one(void **state) { hot_message(*state, false); }
static void test_hot_message_in_batches(void **state) { hot_message(*state, true); }

/* The campaign listing reads events_by_campaign an hour at a time and orders
 * the hour in memory (docs/decisions.md §10). It keeps an hour's rows up to
 * core_hour_keep_max events and past that keeps their positions only and
 * reads the rows again, a page per get_many: both give the same events in
 * event-time order, from the start and from a cursor. */
static size_t list_campaign(fixture *f, mtrk_id camp, mtrk_event_type type, const uint8_t *cursor, mtrk_id *ids,
                            size_t max)
{
    mtrk_event_iter *it = NULL;
    assert_int_equal(mtrk_event_iter_campaign(&it, f->t, camp, type, 0, 0), MTRK_OK);
    if (cursor)
        assert_int_equal(mtrk_event_iter_seek(it, cursor), MTRK_OK);
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    size_t n = 0;
    mtrk_time last = 0;
    int rc;
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        assert_true(n < max);
        assert_true(e.occurred_at >= last);
        last = e.occurred_at;
        ids[n++] = e.id;
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    mtrk_event_iter_free(it);
    return n;
}

static void test_campaign_listing_keeps_or_rereads_an_hour_alike(void **state)
{
    fixture *f = *state;
    mtrk_id mids[3];
    mtrk_id camp = make_messages(f, mids);
    enum { N = 400 };
    evbuf eb;
    for (int b = 0; b < N / 10; b++) {
        evbuf_reset(&eb, 10);
        for (int j = 0; j < 10; j++) {
            int i = b * 10 + j;
            eb.in[j].type = i % 2 ? MTRK_EV_OPEN : MTRK_EV_DELIVERED;
            eb.in[j].mid = mids[i % 3];
            /* three hours, in an order that is not time order */
            eb.in[j].occurred_at = 1767225600000LL + (int64_t)((i * 7919) % (3 * 3600)) * 1000;
        }
        size_t rec = 0;
        assert_int_equal(mtrk_event_record_batch(&rec, eb.pout, f->t, eb.pin, 10), MTRK_OK);
        assert_int_equal(rec, 10);
    }
    static mtrk_id kept[N], reread[N];
    size_t saved = core_hour_keep_max;
    memset(f->ms.many_calls, 0, sizeof f->ms.many_calls);
    assert_int_equal(list_campaign(f, camp, 0, NULL, kept, N), N);
    assert_int_equal(f->ms.many_calls[T_EVENTS], 0); /* rows kept from the hour's scan */
    core_hour_keep_max = 7;
    assert_int_equal(list_campaign(f, camp, 0, NULL, reread, N), N);
    assert_true(f->ms.many_calls[T_EVENTS] >= 3); /* at least a page per hour read again */
    for (int i = 0; i < N; i++)
        assert_memory_equal(&kept[i], &reread[i], sizeof kept[i]);
    /* Opens only, and from a cursor taken inside the second hour. */
    size_t nk = 0, nr = 0;
    core_hour_keep_max = saved;
    nk = list_campaign(f, camp, MTRK_EV_OPEN, NULL, kept, N);
    core_hour_keep_max = 7;
    nr = list_campaign(f, camp, MTRK_EV_OPEN, NULL, reread, N);
    assert_int_equal(nk, N / 2);
    assert_int_equal(nr, nk);
    assert_memory_equal(kept, reread, nk * sizeof kept[0]);
    mtrk_event_iter *it = NULL;
    assert_int_equal(mtrk_event_iter_campaign(&it, f->t, camp, 0, 0, 0), MTRK_OK);
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    for (int i = 0; i < 200; i++)
        assert_int_equal(mtrk_event_iter_next(&e, it), MTRK_OK);
    uint8_t cur[MTRK_CURSOR_SIZE];
    assert_int_equal(mtrk_event_iter_cursor(cur, it), MTRK_OK);
    mtrk_event_iter_free(it);
    core_hour_keep_max = saved;
    nk = list_campaign(f, camp, 0, cur, kept, N);
    core_hour_keep_max = 7;
    nr = list_campaign(f, camp, 0, cur, reread, N);
    core_hour_keep_max = saved;
    assert_int_equal(nk, N - 200);
    assert_int_equal(nr, nk);
    assert_memory_equal(kept, reread, nk * sizeof kept[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_get_asks_the_store, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_then_read_in_one_transaction_sees_the_write, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rolled_back_write_is_not_read_after, setup, teardown),
        cmocka_unit_test_setup_teardown(test_get_many_in_one_call_or_key_by_key, setup, teardown),
        cmocka_unit_test(test_version_1_store_is_accepted_and_init_stays_within_it),
        cmocka_unit_test_setup_teardown(test_event_batch_reads_its_messages_with_one_get_many, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flush_without_counters_add_reads_rollups_with_get_many, setup, teardown),
        cmocka_unit_test_setup_teardown(test_events_write_no_message_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_queued_message_moved_by_an_event_leaves_the_queue, setup, teardown),
        cmocka_unit_test_setup_teardown(test_event_batch_folds_like_one_by_one, setup, teardown),
        cmocka_unit_test_setup_teardown(test_event_batch_checks_provider_ids_with_one_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hot_message_one_by_one, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hot_message_in_batches, setup, teardown),
        cmocka_unit_test_setup_teardown(test_campaign_listing_keeps_or_rereads_an_hour_alike, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
