/*
 * Conformance: the store contract's events_scan (version 7), called on the
 * backend's store itself (not through the library's listings).
 *
 * The contract, as stated in mtrk/store.h:
 *  - events_scan visits the events of one message or of one campaign's
 *    messages, of the query's tenant only, in event-time order: ascending
 *    (occurred_at, arrived_at, id), times numerically, ids bytewise;
 *  - filters: type (0: any), occurred_at in [from, to) (to 0: no bound),
 *    and strictly after the position after_* when after_set;
 *  - at most `limit` events, fn called with i = 0, 1, ...; fewer than the
 *    limit means no more, so paging with the last event as the position
 *    gives every event once, in order;
 *  - fn returning 1 ends the call with 0, a negative code ends it with that
 *    code;
 *  - a NULL query or fn, an unversioned query, limit 0 or an unknown `by`
 *    is MTRK_EINVAL; a call outside a transaction is MTRK_ESTORE;
 *  - an owner without events, or of another tenant, gives none.
 * A backend without events_scan (rows, the out-of-tree store) skips these
 * tests: the library lists through its rows instead (test_events.c and the
 * property test state the listings on every backend).
 */
#include "conf_util.h"
#include "mtrk/store.h"

#include <stdlib.h>

#define NEV 60

typedef struct scan_world {
    conf_scn s;
    mtrk_store *st;
    int owned;
    mtrk_id tenant;
    /* what was recorded, in event-time order (see sort_expected) */
    mtrk_id id[NEV], mid[NEV];
    mtrk_time at[NEV], arrived[NEV];
    mtrk_event_type type[NEV];
    size_t n;
} scan_world;

typedef struct got_list {
    mtrk_id id[4 * NEV];
    mtrk_time at[4 * NEV], arrived[4 * NEV];
    size_t n;
    size_t bad_index; /* fn's i not 0, 1, ... */
    int stop_after;   /* return 1 after this many (0: never) */
    int fail_after;   /* return MTRK_ENOMEM after this many (0: never) */
} got_list;

static int got_fn(void *ud, size_t i, const mtrk_store_event *e)
{
    got_list *g = ud;
    if (i != g->n)
        g->bad_index++;
    if (g->n < 4 * NEV) {
        g->id[g->n] = e->id;
        g->at[g->n] = e->occurred_at;
        g->arrived[g->n] = e->arrived_at;
    }
    g->n++;
    if (g->stop_after && g->n == (size_t)g->stop_after)
        return 1;
    if (g->fail_after && g->n == (size_t)g->fail_after)
        return MTRK_ENOMEM;
    return 0;
}

static int pos_cmp3(mtrk_time a1, mtrk_time a2, mtrk_id a3, mtrk_time b1, mtrk_time b2, mtrk_id b3)
{
    if (a1 != b1)
        return a1 < b1 ? -1 : 1;
    if (a2 != b2)
        return a2 < b2 ? -1 : 1;
    return memcmp(a3.bytes, b3.bytes, sizeof a3.bytes);
}

/* Three messages; opens and clicks over four hours, occurred_at ties
 * within one batch (one arrival time: the id decides) and across calls
 * (the arrival decides). Returns 0 when the backend has no events_scan. */
static int scan_world_build(scan_world *w, const conf_fixture *fx)
{
    memset(w, 0, sizeof *w);
    CONF_OK(conf_store_of(&w->st, &w->owned, fx));
    if (w->st->version < 7 || w->st->events_scan == NULL) {
        if (w->owned)
            mtrk_store_free(w->st);
        printf("events_scan: the backend %s has none; the library lists through its rows\n", conf_backend);
        return 0;
    }
    w->tenant = mtrk_tenant_id(fx->t);
    conf_scn_build(&w->s, fx->t, "scan", 3, 1, 0);
    mtrk_time t0 = CONF_T0 - 4 * CONF_HOUR;
    for (size_t b = 0; b < NEV / 6; b++) {
        mtrk_event_input in[6];
        const mtrk_event_input *pin[6];
        mtrk_event_outcome oc[6];
        mtrk_event_outcome *poc[6];
        for (size_t j = 0; j < 6; j++) {
            size_t k = b * 6 + j;
            mtrk_event_type type = k % 4 == 3 ? MTRK_EV_CLICK : MTRK_EV_OPEN;
            /* times repeat across batches (k and k + 30), so arrival decides */
            mtrk_time at = t0 + (mtrk_time)((k * 7919) % (NEV / 2)) * (8 * CONF_MIN);
            if (j == 1)
                at = in[0].occurred_at; /* and within the batch: one arrival time */
            conf_ev_init(&in[j], type, w->s.mids[k % 3], at);
            if (type == MTRK_EV_CLICK)
                in[j].lid = w->s.lids[0];
            CONF_INIT(oc[j], MTRK_EVENT_OUTCOME_VERSION);
            pin[j] = &in[j];
            poc[j] = &oc[j];
        }
        size_t rec = 0;
        CONF_OK(mtrk_event_record_batch(&rec, poc, fx->t, pin, 6));
        assert_int_equal(rec, 6);
        for (size_t j = 0; j < 6; j++) {
            size_t k = w->n++;
            w->id[k] = oc[j].event_id;
            w->mid[k] = in[j].mid;
            w->at[k] = in[j].occurred_at;
            w->arrived[k] = conf_clock_now();
            w->type[k] = in[j].type;
        }
        conf_clock_advance(1000);
    }
    /* event-time order */
    for (size_t i = 1; i < w->n; i++)
        for (size_t j = i; j > 0 && pos_cmp3(w->at[j - 1], w->arrived[j - 1], w->id[j - 1], w->at[j], w->arrived[j],
                                             w->id[j]) > 0; j--) {
#define SWAP_(a) do { __typeof__(a[0]) x_ = a[j]; a[j] = a[j - 1]; a[j - 1] = x_; } while (0)
            SWAP_(w->id);
            SWAP_(w->mid);
            SWAP_(w->at);
            SWAP_(w->arrived);
            SWAP_(w->type);
#undef SWAP_
        }
    return 1;
}

static void scan_world_free(scan_world *w)
{
    conf_scn_free(&w->s);
    if (w->owned)
        mtrk_store_free(w->st);
}

static mtrk_store_event_query query(int by, mtrk_id owner, size_t limit)
{
    mtrk_store_event_query q;
    memset(&q, 0, sizeof q);
    q.version = MTRK_STORE_EVENT_QUERY_VERSION;
    q.by = by;
    q.owner = owner;
    q.limit = limit;
    return q;
}

/* One call in a read transaction of its own. */
static int scan1(scan_world *w, mtrk_id tenant, const mtrk_store_event_query *q, got_list *g)
{
    CONF_OK(w->st->begin(w->st, 0));
    int rc = w->st->events_scan(w->st, tenant, q, got_fn, g);
    CONF_OK(w->st->commit(w->st));
    return rc;
}

/* The expected events (indexes into w) that pass the filters, after a position. */
static size_t expect(const scan_world *w, const mtrk_id *mid, mtrk_event_type type, mtrk_time from, mtrk_time to,
                     size_t *out)
{
    size_t n = 0;
    for (size_t i = 0; i < w->n; i++) {
        if ((mid && memcmp(mid->bytes, w->mid[i].bytes, 16) != 0) || (type && w->type[i] != type) ||
            w->at[i] < from || (to > 0 && w->at[i] >= to))
            continue;
        out[n++] = i;
    }
    return n;
}

static void assert_listed(const scan_world *w, const got_list *g, const size_t *exp, size_t n)
{
    assert_int_equal(g->bad_index, 0);
    assert_int_equal(g->n, n);
    for (size_t i = 0; i < n; i++) {
        assert_memory_equal(g->id[i].bytes, w->id[exp[i]].bytes, 16);
        assert_int_equal(g->at[i], w->at[exp[i]]);
        assert_int_equal(g->arrived[i], w->arrived[exp[i]]);
    }
}

static void events_scan_lists_in_event_time_order_with_filters(void **state)
{
    const conf_fixture *fx = *state;
    scan_world w;
    if (!scan_world_build(&w, fx))
        return;
    size_t exp[NEV], n;
    got_list g;
    /* a campaign's events, all */
    memset(&g, 0, sizeof g);
    mtrk_store_event_query q = query(MTRK_STORE_EVENTS_BY_CAMPAIGN, w.s.campaign, 1000);
    CONF_OK(scan1(&w, w.tenant, &q, &g));
    n = expect(&w, NULL, 0, 0, 0, exp);
    assert_int_equal(n, NEV);
    assert_listed(&w, &g, exp, n);
    /* each message's */
    for (int m = 0; m < 3; m++) {
        memset(&g, 0, sizeof g);
        q = query(MTRK_STORE_EVENTS_BY_MESSAGE, w.s.mids[m], 1000);
        CONF_OK(scan1(&w, w.tenant, &q, &g));
        n = expect(&w, &w.s.mids[m], 0, 0, 0, exp);
        assert_listed(&w, &g, exp, n);
    }
    /* clicks in a window that starts and ends inside hours */
    mtrk_time from = CONF_T0 - 4 * CONF_HOUR + 50 * CONF_MIN, to = CONF_T0 - CONF_HOUR + 10 * CONF_MIN;
    for (int by = MTRK_STORE_EVENTS_BY_MESSAGE; by <= MTRK_STORE_EVENTS_BY_CAMPAIGN; by++) {
        memset(&g, 0, sizeof g);
        q = query(by, by == MTRK_STORE_EVENTS_BY_MESSAGE ? w.s.mids[1] : w.s.campaign, 1000);
        q.type = MTRK_EV_CLICK;
        q.from = from;
        q.to = to;
        CONF_OK(scan1(&w, w.tenant, &q, &g));
        n = expect(&w, by == MTRK_STORE_EVENTS_BY_MESSAGE ? &w.s.mids[1] : NULL, MTRK_EV_CLICK, from, to, exp);
        assert_true(n > 0);
        assert_listed(&w, &g, exp, n);
    }
    /* another tenant's view, an unknown owner: nothing */
    mtrk_id other = mtrk_tenant_id(fx->t2), unknown = conf_unknown_id();
    memset(&g, 0, sizeof g);
    q = query(MTRK_STORE_EVENTS_BY_CAMPAIGN, w.s.campaign, 1000);
    CONF_OK(scan1(&w, other, &q, &g));
    q = query(MTRK_STORE_EVENTS_BY_MESSAGE, w.s.mids[0], 1000);
    CONF_OK(scan1(&w, other, &q, &g));
    q = query(MTRK_STORE_EVENTS_BY_CAMPAIGN, unknown, 1000);
    CONF_OK(scan1(&w, w.tenant, &q, &g));
    assert_int_equal(g.n, 0);
    scan_world_free(&w);
}

static void events_scan_pages_after_a_position_within_the_limit(void **state)
{
    const conf_fixture *fx = *state;
    scan_world w;
    if (!scan_world_build(&w, fx))
        return;
    size_t exp[NEV];
    for (int by = MTRK_STORE_EVENTS_BY_MESSAGE; by <= MTRK_STORE_EVENTS_BY_CAMPAIGN; by++) {
        mtrk_id owner = by == MTRK_STORE_EVENTS_BY_MESSAGE ? w.s.mids[2] : w.s.campaign;
        size_t n = expect(&w, by == MTRK_STORE_EVENTS_BY_MESSAGE ? &w.s.mids[2] : NULL, 0, 0, 0, exp);
        for (size_t limit = 1; limit <= 7; limit += 3) {
            got_list all;
            memset(&all, 0, sizeof all);
            mtrk_store_event_query q = query(by, owner, limit);
            for (size_t pages = 0;; pages++) {
                assert_true(pages <= n / limit + 1);
                got_list g;
                memset(&g, 0, sizeof g);
                CONF_OK(scan1(&w, w.tenant, &q, &g));
                assert_int_equal(g.bad_index, 0);
                assert_true(g.n <= limit);
                for (size_t i = 0; i < g.n; i++) {
                    all.id[all.n] = g.id[i];
                    all.at[all.n] = g.at[i];
                    all.arrived[all.n++] = g.arrived[i];
                }
                if (g.n < limit)
                    break;
                q.after_set = 1;
                q.after_occurred_at = g.at[g.n - 1];
                q.after_arrived_at = g.arrived[g.n - 1];
                q.after_id = g.id[g.n - 1];
            }
            assert_listed(&w, &all, exp, n);
        }
        /* after the last event: none */
        mtrk_store_event_query q = query(by, owner, 5);
        q.after_set = 1;
        q.after_occurred_at = w.at[exp[n - 1]];
        q.after_arrived_at = w.arrived[exp[n - 1]];
        q.after_id = w.id[exp[n - 1]];
        got_list g;
        memset(&g, 0, sizeof g);
        CONF_OK(scan1(&w, w.tenant, &q, &g));
        assert_int_equal(g.n, 0);
        /* after a position between two events of equal times: the id decides */
        size_t ties = 0;
        for (size_t i = 1; i < n; i++) {
            if (w.at[exp[i]] != w.at[exp[i - 1]] || w.arrived[exp[i]] != w.arrived[exp[i - 1]])
                continue;
            q = query(by, owner, 1);
            q.after_set = 1;
            q.after_occurred_at = w.at[exp[i - 1]];
            q.after_arrived_at = w.arrived[exp[i - 1]];
            q.after_id = w.id[exp[i - 1]];
            memset(&g, 0, sizeof g);
            CONF_OK(scan1(&w, w.tenant, &q, &g));
            assert_int_equal(g.n, 1);
            assert_memory_equal(g.id[0].bytes, w.id[exp[i]].bytes, 16);
            ties++;
        }
        if (by == MTRK_STORE_EVENTS_BY_CAMPAIGN)
            assert_true(ties > 0); /* the world has them (one batch, one time, two messages) */
    }
    scan_world_free(&w);
}

static void events_scan_stops_and_refuses_as_stated(void **state)
{
    const conf_fixture *fx = *state;
    scan_world w;
    if (!scan_world_build(&w, fx))
        return;
    mtrk_store *st = w.st;
    got_list g;
    memset(&g, 0, sizeof g);
    g.stop_after = 2;
    mtrk_store_event_query q = query(MTRK_STORE_EVENTS_BY_CAMPAIGN, w.s.campaign, 100);
    CONF_OK(scan1(&w, w.tenant, &q, &g));
    assert_int_equal(g.n, 2);
    memset(&g, 0, sizeof g);
    g.fail_after = 3;
    assert_int_equal(scan1(&w, w.tenant, &q, &g), MTRK_ENOMEM);
    assert_int_equal(g.n, 3);
    /* outside a transaction */
    memset(&g, 0, sizeof g);
    assert_int_equal(st->events_scan(st, w.tenant, &q, got_fn, &g), MTRK_ESTORE);
    /* bad queries */
    CONF_OK(st->begin(st, 0));
    assert_int_equal(st->events_scan(st, w.tenant, NULL, got_fn, &g), MTRK_EINVAL);
    assert_int_equal(st->events_scan(st, w.tenant, &q, NULL, &g), MTRK_EINVAL);
    mtrk_store_event_query bad = q;
    bad.limit = 0;
    assert_int_equal(st->events_scan(st, w.tenant, &bad, got_fn, &g), MTRK_EINVAL);
    bad = q;
    bad.by = 9;
    assert_int_equal(st->events_scan(st, w.tenant, &bad, got_fn, &g), MTRK_EINVAL);
    bad = q;
    bad.version = 0;
    assert_int_equal(st->events_scan(st, w.tenant, &bad, got_fn, &g), MTRK_EINVAL);
    assert_int_equal(g.n, 0);
    CONF_OK(st->commit(st));
    scan_world_free(&w);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(events_scan_lists_in_event_time_order_with_filters),
    CONF_TEST(events_scan_pages_after_a_position_within_the_limit),
    CONF_TEST(events_scan_stops_and_refuses_as_stated),
};

CONF_GROUP(conf_group_events_scan, "events_scan", tests);
