/*
 * Conformance: metrics.
 *
 * The contract (docs/rules.md "Messages", "Metrics"):
 * counters are counted over messages from their facts; delivered = (explicit
 * delivery or an open or a click) and not hard-bounced; unique opens exclude
 * inferred opens (clicked, never opened), reported as opens_inferred; machine
 * opens/clicks are counted apart; rates are 0 when the denominator is 0;
 * links are ranked by unique clicks, ties sharing a rank (1, 1, 3), listed by
 * rank then position; the hourly series counts events by event-time hour;
 * mtrk_metrics_rebuild reproduces every rollup exactly.
 */
#include "conf_util.h"

#include <stdlib.h>

#define AT(h, m) (CONF_T0 + (h) * CONF_HOUR + (m) * CONF_MIN)

/* One hand-built event of the scenario. */
typedef struct hev {
    int msg;               /* index into the scenario */
    mtrk_event_type type;
    int hour, minute;
    int machine;
    int link;              /* clicks: link index */
    mtrk_bounce_kind bounce;
    mtrk_unsub_scope scope;
} hev;

/*
 * 10 messages (m0..m9); m0..m7 marked sent at hour 0 minute 0; m8 stays
 * queued; m9 is canceled by a manual global unsubscribe.
 */
static const hev script[] = {
    { 0, MTRK_EV_DELIVERED, 1, 0, 0, 0, 0, 0 },
    { 0, MTRK_EV_OPEN, 1, 10, 0, 0, 0, 0 },
    { 0, MTRK_EV_OPEN, 2, 10, 0, 0, 0, 0 },
    { 0, MTRK_EV_CLICK, 2, 20, 0, 0, 0, 0 },
    { 1, MTRK_EV_DELIVERED, 1, 1, 0, 0, 0, 0 },
    { 1, MTRK_EV_OPEN, 1, 2, 1, 0, 0, 0 },          /* machine open only */
    { 2, MTRK_EV_DELIVERED, 1, 3, 0, 0, 0, 0 },
    { 2, MTRK_EV_CLICK, 3, 0, 0, 1, 0, 0 },         /* click, never opened: inferred */
    { 3, MTRK_EV_OPEN, 2, 0, 0, 0, 0, 0 },          /* open without delivered: implied */
    { 4, MTRK_EV_BOUNCE, 1, 5, 0, 0, MTRK_BOUNCE_HARD, 0 },
    { 5, MTRK_EV_BOUNCE, 1, 6, 0, 0, MTRK_BOUNCE_SOFT, 0 },
    { 5, MTRK_EV_DELIVERED, 2, 6, 0, 0, 0, 0 },
    { 6, MTRK_EV_DELIVERED, 1, 7, 0, 0, 0, 0 },
    { 6, MTRK_EV_COMPLAINT, 4, 0, 0, 0, 0, 0 },
    { 7, MTRK_EV_DELIVERED, 1, 8, 0, 0, 0, 0 },
    { 7, MTRK_EV_OPEN, 3, 30, 0, 0, 0, 0 },
    { 7, MTRK_EV_CLICK, 3, 31, 1, 0, 0, 0 },        /* machine click */
    { 7, MTRK_EV_CLICK, 3, 32, 0, 2, 0, 0 },
    { 7, MTRK_EV_UNSUBSCRIBE, 3, 40, 0, 0, 0, MTRK_UNSUB_CAMPAIGN },
    { 7, MTRK_EV_DEFERRED, 0, 30, 0, 0, 0, 0 },
};
#define NSCRIPT (sizeof script / sizeof script[0])

typedef struct mscn {
    conf_scn s;
    mtrk_id lp;
} mscn;

static void play(mtrk_tenant *t, conf_scn *s, const hev *evs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        mtrk_event_input in;
        conf_ev_init(&in, evs[i].type, s->mids[evs[i].msg], AT(evs[i].hour, evs[i].minute));
        in.verdict = evs[i].machine ? MTRK_VERDICT_MACHINE : MTRK_VERDICT_HUMAN;
        if (evs[i].type == MTRK_EV_CLICK)
            in.lid = s->lids[evs[i].link];
        in.bounce_kind = evs[i].bounce;
        in.unsub_scope = evs[i].scope;
        CONF_OK(mtrk_event_record(NULL, t, &in));
    }
}

static void build_metrics_scenario(mscn *m, mtrk_tenant *t)
{
    conf_scn *s = &m->s;
    mtrk_id out[10], nil = { { 0 } };
    size_t n = 0;
    conf_scn_build(s, t, "mx", 10, 4, 0);
    CONF_OK(mtrk_queue_claim(out, &n, NULL, t, s->campaign, 10, CONF_HOUR));
    assert_int_equal(n, 10);
    for (int i = 0; i < 8; i++)
        CONF_OK(mtrk_queue_mark_sent(t, s->mids[i], AT(0, 0), NULL, NULL));
    CONF_OK(mtrk_queue_release(t, s->mids[8]));
    CONF_OK(mtrk_queue_release(t, s->mids[9]));
    CONF_OK(mtrk_unsub_add(NULL, t, s->contacts[9], MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_MANUAL));
    play(t, s, script, NSCRIPT);
    /* leads: m0's own address; m2 forwarded; one with neither mid nor rid */
    CONF_OK(mtrk_landing_page_create(&m->lp, t, s->campaign, "lp", "https://shop.example.com/lp"));
    mtrk_lead_input li;
    CONF_INIT(li, MTRK_LEAD_INPUT_VERSION);
    li.landing_page = m->lp;
    li.lead_key = "k0";
    li.address = "mx0@example.com";
    li.mid = s->mids[0];
    li.captured_at = AT(5, 0);
    CONF_OK(mtrk_lead_capture(NULL, NULL, t, &li));
    li.lead_key = "k1";
    li.address = "friend@example.org";
    li.mid = s->mids[2];
    CONF_OK(mtrk_lead_capture(NULL, NULL, t, &li));
    li.lead_key = "k2";
    li.address = "walkin@example.org";
    li.mid = nil;
    CONF_OK(mtrk_lead_capture(NULL, NULL, t, &li));
}

/* The expected numbers, counted by hand from the script above. */
static mtrk_metrics expected_metrics(mtrk_id campaign)
{
    mtrk_metrics e;
    CONF_INIT(e, MTRK_METRICS_VERSION);
    e.campaign = campaign;
    e.messages = 10;
    e.canceled = 1;            /* m9 */
    e.sent = 8;                /* m0..m7 */
    e.delivered = 7;           /* m0 m1 m2 m3 m5 m6 m7 (m4 bounced) */
    e.delivered_explicit = 6;  /* m0 m1 m2 m5 m6 m7 */
    e.bounced_hard = 1;        /* m4 */
    e.bounced_soft = 1;        /* m5 */
    e.complaints = 1;          /* m6 */
    e.unsubscribes = 1;        /* m7 */
    e.opens_total = 5;         /* m0 x2, m1, m3, m7 */
    e.opens_unique = 4;        /* m0 m1 m3 m7 */
    e.opens_unique_human = 3;  /* m0 m3 m7 */
    e.opens_machine = 1;       /* m1 */
    e.opens_inferred = 1;      /* m2 */
    e.clicks_total = 4;        /* m0, m2, m7 x2 */
    e.clicks_unique = 3;       /* m0 m2 m7 */
    e.clicks_unique_human = 3; /* m7 also clicked as a human */
    e.clicks_machine = 1;
    e.leads_total = 3;
    e.leads_attributed = 2;
    e.leads_forwarded = 1;
    e.delivery_rate = 7.0 / 8.0;
    e.open_rate = 4.0 / 7.0;
    e.click_rate = 3.0 / 7.0;
    e.click_to_open_rate = 3.0 / 4.0;
    e.bounce_rate = 1.0 / 8.0;
    e.complaint_rate = 1.0 / 7.0;
    e.unsubscribe_rate = 1.0 / 7.0;
    e.conversion_rate = 2.0 / 7.0;
    return e;
}

static void metrics_count_every_counter_and_rate_by_the_rules(void **state)
{
    conf_fixture *fx = *state;
    mscn m;
    build_metrics_scenario(&m, fx->t);
    mtrk_metrics exp = expected_metrics(m.s.campaign);
    mtrk_metrics got = conf_metrics(fx->t, m.s.campaign);
    CONF_ID_EQ(got.campaign, m.s.campaign);
    conf_metrics_assert_equal(&exp, &got);
    conf_scn_free(&m.s);
}

static void metrics_rates_are_zero_when_denominators_are_zero(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    conf_scn_build(&s, fx->t, "zr", 3, 0, 1); /* sent, nothing delivered */
    mtrk_metrics got = conf_metrics(fx->t, s.campaign);
    assert_int_equal(got.sent, 3);
    assert_true(got.delivery_rate == 0.0);
    assert_true(got.open_rate == 0.0);
    assert_true(got.click_rate == 0.0);
    assert_true(got.click_to_open_rate == 0.0);
    assert_true(got.bounce_rate == 0.0);
    assert_true(got.complaint_rate == 0.0);
    assert_true(got.unsubscribe_rate == 0.0);
    assert_true(got.conversion_rate == 0.0);
    mtrk_id empty = conf_campaign_new(fx->t, "empty");
    got = conf_metrics(fx->t, empty);
    assert_int_equal(got.messages, 0);
    assert_true(got.delivery_rate == 0.0 && got.bounce_rate == 0.0);
    conf_scn_free(&s);
}

static void metrics_refuse_bad_arguments_and_foreign_ids(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id c = conf_campaign_new(fx->t, NULL);
    mtrk_metrics m;
    CONF_INIT(m, MTRK_METRICS_VERSION);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_metrics_campaign(&m, fx->t2, c));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_metrics_campaign(&m, fx->t, conf_unknown_id()));
    CONF_EXPECT(MTRK_EINVAL, mtrk_metrics_campaign(NULL, fx->t, c));
    m.version = 0;
    CONF_EXPECT(MTRK_EVERSION, mtrk_metrics_campaign(&m, fx->t, c));
    m.version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_metrics_campaign(&m, fx->t, c));
}

/* ----------------------------------------------------------------- links */

static mtrk_link_stats *link_stats(mtrk_tenant *t, mtrk_id campaign, size_t *count)
{
    static mtrk_link_stats st[8];
    mtrk_link_stats *ptr[8];
    for (int i = 0; i < 8; i++) {
        CONF_INIT(st[i], MTRK_LINK_STATS_VERSION);
        ptr[i] = &st[i];
    }
    CONF_OK(mtrk_metrics_links(ptr, 8, count, t, campaign));
    return st;
}

static void link_stats_count_clicks_unique_and_human_per_link(void **state)
{
    conf_fixture *fx = *state;
    mscn m;
    size_t n = 0;
    build_metrics_scenario(&m, fx->t);
    mtrk_link_stats *st = link_stats(fx->t, m.s.campaign, &n);
    assert_int_equal(n, 4);
    /* l0: m0 human + m7 machine: 2 clicks, 2 unique, 1 human -> rank 1
       l1: m2; l2: m7 human -> 1 each, rank 2 (tie); l3: none -> rank 4 */
    static const struct { uint32_t pos; uint64_t clicks, uniq, human; uint32_t rank; } exp[] = {
        { 0, 2, 2, 1, 1 }, { 1, 1, 1, 1, 2 }, { 2, 1, 1, 1, 2 }, { 3, 0, 0, 0, 4 },
    };
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(st[i].position, exp[i].pos);
        CONF_ID_EQ(st[i].lid, m.s.lids[exp[i].pos]);
        assert_int_equal(st[i].clicks, exp[i].clicks);
        assert_int_equal(st[i].clicks_unique, exp[i].uniq);
        assert_int_equal(st[i].clicks_unique_human, exp[i].human);
        assert_int_equal(st[i].rank, exp[i].rank);
        assert_non_null(st[i].url);
        assert_non_null(strstr(st[i].url, "https://shop.example.com/mx/l"));
    }
    conf_scn_free(&m.s);
}

static void link_ranking_ties_share_a_rank_listed_by_rank_then_position(void **state)
{
    conf_fixture *fx = *state;
    conf_scn s;
    size_t n = 0;
    conf_scn_build(&s, fx->t, "rk", 3, 4, 1);
    /* unique clicks: l0 1, l1 2, l2 2, l3 0 -> ranks l1 1, l2 1, l0 3, l3 4 */
    CONF_OK(conf_click(NULL, fx->t, s.mids[0], s.lids[0], AT(1, 0)));
    CONF_OK(conf_click(NULL, fx->t, s.mids[0], s.lids[1], AT(1, 1)));
    CONF_OK(conf_click(NULL, fx->t, s.mids[1], s.lids[1], AT(1, 2)));
    CONF_OK(conf_click(NULL, fx->t, s.mids[1], s.lids[2], AT(1, 3)));
    CONF_OK(conf_click(NULL, fx->t, s.mids[2], s.lids[2], AT(1, 4)));
    CONF_OK(conf_click(NULL, fx->t, s.mids[2], s.lids[2], AT(1, 5))); /* repeat: clicks 3, unique 2 */
    mtrk_link_stats *st = link_stats(fx->t, s.campaign, &n);
    assert_int_equal(n, 4);
    static const uint32_t pos[] = { 1, 2, 0, 3 }, rank[] = { 1, 1, 3, 4 };
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(st[i].position, pos[i]);
        assert_int_equal(st[i].rank, rank[i]);
    }
    assert_int_equal(st[1].clicks, 3);
    assert_int_equal(st[1].clicks_unique, 2);
    /* cap below the count: fills cap, reports all */
    mtrk_link_stats one;
    mtrk_link_stats *p1[1] = { &one };
    CONF_INIT(one, MTRK_LINK_STATS_VERSION);
    CONF_OK(mtrk_metrics_links(p1, 1, &n, fx->t, s.campaign));
    assert_int_equal(n, 4);
    assert_int_equal(one.position, 1);
    conf_scn_free(&s);
}

/* ---------------------------------------------------------------- hourly */

static void hourly_series_counts_each_event_type_by_event_hour(void **state)
{
    conf_fixture *fx = *state;
    mscn m;
    enum { H = 6 };
    uint64_t out[H * MTRK_EV_TYPE_COUNT], exp[H * MTRK_EV_TYPE_COUNT];
    size_t hours = 0;
    build_metrics_scenario(&m, fx->t);
    memset(exp, 0, sizeof exp);
    exp[0 * MTRK_EV_TYPE_COUNT + MTRK_EV_SENT] = 8; /* mark_sent at hour 0 */
    for (size_t i = 0; i < NSCRIPT; i++)
        exp[script[i].hour * MTRK_EV_TYPE_COUNT + script[i].type]++;
    memset(out, 0xff, sizeof out);
    CONF_OK(mtrk_metrics_hourly(out, H * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &hours, fx->t, m.s.campaign,
                                AT(0, 0), AT(H, 0)));
    assert_int_equal(hours, H);
    for (size_t i = 0; i < H * MTRK_EV_TYPE_COUNT; i++)
        if (out[i] != exp[i])
            fail_msg("hour %zu type %zu: expected %llu, got %llu", i / MTRK_EV_TYPE_COUNT,
                     i % MTRK_EV_TYPE_COUNT, (unsigned long long)exp[i], (unsigned long long)out[i]);
    /* spot checks written out by hand */
    assert_int_equal(out[1 * MTRK_EV_TYPE_COUNT + MTRK_EV_DELIVERED], 5);
    assert_int_equal(out[3 * MTRK_EV_TYPE_COUNT + MTRK_EV_CLICK], 3);
    /* a window starting mid-hour covers whole hours (floor(from) .. ceil(to)) */
    CONF_OK(mtrk_metrics_hourly(out, H * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &hours, fx->t, m.s.campaign,
                                AT(1, 30), AT(2, 30)));
    assert_int_equal(hours, 2);
    assert_int_equal(out[0 * MTRK_EV_TYPE_COUNT + MTRK_EV_DELIVERED], 5);
    assert_int_equal(out[1 * MTRK_EV_TYPE_COUNT + MTRK_EV_OPEN], 2);
    /* too small a buffer */
    CONF_EXPECT(MTRK_EINVAL, mtrk_metrics_hourly(out, H * MTRK_EV_TYPE_COUNT - 1, MTRK_EV_TYPE_COUNT, &hours, fx->t,
                                                 m.s.campaign, AT(0, 0), AT(H, 0)));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_metrics_hourly(out, H * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &hours, fx->t2,
                                                    m.s.campaign, AT(0, 0), AT(H, 0)));
    conf_scn_free(&m.s);
}

/* The first hour of the series that counts an event, from any `since`:
 * the first nonzero hour of mtrk_metrics_hourly at or after since's hour. */
static void first_hour_is_the_first_counted_hour_of_the_series(void **state)
{
    conf_fixture *fx = *state;
    mscn m;
    enum { H = 8, K = MTRK_EV_TYPE_COUNT };
    uint64_t out[H * K];
    build_metrics_scenario(&m, fx->t);
    CONF_OK(mtrk_metrics_hourly(out, H * K, K, NULL, fx->t, m.s.campaign, AT(0, 0), AT(H, 0)));
    int checked = 0;
    for (mtrk_time since = AT(0, 0) > CONF_HOUR ? AT(-1, 0) : 0; since < AT(H, 0); since += 20 * CONF_MIN) {
        mtrk_time want = -1;
        for (int h = 0; h < H && want < 0; h++) {
            if (AT(h + 1, 0) <= since)
                continue;
            uint64_t any = 0;
            for (int ty = 1; ty < K; ty++)
                any += out[h * K + ty];
            if (any)
                want = AT(h, 0);
        }
        mtrk_time got = 12345;
        int rc = mtrk_metrics_first_hour(&got, fx->t, m.s.campaign, since);
        if (want < 0) {
            assert_int_equal(rc, MTRK_ITEROVER);
            assert_int_equal(got, 0);
        } else {
            CONF_OK(rc);
            if (got != want)
                fail_msg("since %lld: first hour %lld, expected %lld", (long long)since, (long long)got,
                         (long long)want);
            checked++;
        }
    }
    assert_true(checked > 6);
    mtrk_time got;
    CONF_EXPECT(MTRK_ITEROVER, mtrk_metrics_first_hour(&got, fx->t, m.s.campaign, AT(H + 100, 0)));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_metrics_first_hour(&got, fx->t2, m.s.campaign, 0));
    CONF_EXPECT(MTRK_EINVAL, mtrk_metrics_first_hour(&got, fx->t, (mtrk_id){ { 0 } }, 0));
    CONF_EXPECT(MTRK_EINVAL, mtrk_metrics_first_hour(&got, fx->t, m.s.campaign, -1));
    CONF_EXPECT(MTRK_EINVAL, mtrk_metrics_first_hour(NULL, fx->t, m.s.campaign, 0));
    conf_scn_free(&m.s);
}

/* The layout of the hourly array is the caller's: ntypes slots per hour.
 * A caller compiled before a type was added passes a smaller ntypes and
 * gets exactly its layout (the newer types left out); one compiled against
 * more types than the library knows gets zeros in the slots it cannot fill. */
static void hourly_series_uses_the_callers_number_of_type_slots(void **state)
{
    conf_fixture *fx = *state;
    mscn m;
    enum { H = 6, K = MTRK_EV_TYPE_COUNT, OLD = MTRK_EV_UNSUBSCRIBE, NEW = MTRK_EV_TYPE_COUNT + 3 };
    uint64_t cur[H * K], old[H * OLD], wide[H * NEW];
    size_t hours = 0;
    build_metrics_scenario(&m, fx->t);
    CONF_OK(mtrk_metrics_hourly(cur, H * K, K, NULL, fx->t, m.s.campaign, AT(0, 0), AT(H, 0)));
    assert_int_equal(cur[3 * K + MTRK_EV_UNSUBSCRIBE], 1); /* the type an older caller does not know */

    memset(old, 0xff, sizeof old);
    CONF_OK(mtrk_metrics_hourly(old, H * OLD, OLD, &hours, fx->t, m.s.campaign, AT(0, 0), AT(H, 0)));
    assert_int_equal(hours, H);
    for (size_t h = 0; h < H; h++)
        for (size_t ty = 0; ty < OLD; ty++)
            if (old[h * OLD + ty] != cur[h * K + ty])
                fail_msg("ntypes %d, hour %zu type %zu: expected %llu, got %llu", OLD, h, ty,
                         (unsigned long long)cur[h * K + ty], (unsigned long long)old[h * OLD + ty]);
    /* cap is counted in the caller's slots: H * OLD is enough for OLD, not for K */
    CONF_EXPECT(MTRK_EINVAL, mtrk_metrics_hourly(old, H * OLD, K, NULL, fx->t, m.s.campaign, AT(0, 0), AT(H, 0)));

    memset(wide, 0xff, sizeof wide);
    CONF_OK(mtrk_metrics_hourly(wide, H * NEW, NEW, NULL, fx->t, m.s.campaign, AT(0, 0), AT(H, 0)));
    for (size_t h = 0; h < H; h++)
        for (size_t ty = 0; ty < NEW; ty++) {
            uint64_t want = ty < K ? cur[h * K + ty] : 0;
            if (wide[h * NEW + ty] != want)
                fail_msg("ntypes %d, hour %zu type %zu: expected %llu, got %llu", NEW, h, ty,
                         (unsigned long long)want, (unsigned long long)wide[h * NEW + ty]);
        }

    CONF_EXPECT(MTRK_EINVAL, mtrk_metrics_hourly(cur, H * K, 0, NULL, fx->t, m.s.campaign, AT(0, 0), AT(H, 0)));
    assert_non_null(strstr(mtrk_tenant_errmsg(fx->t), "ntypes"));
    conf_scn_free(&m.s);
}

/* --------------------------------------------------------------- compare */

static void compare_returns_each_campaigns_metrics_side_by_side(void **state)
{
    conf_fixture *fx = *state;
    mscn m;
    conf_scn other;
    build_metrics_scenario(&m, fx->t);
    conf_scn_build(&other, fx->t, "cmp", 2, 0, 1);
    CONF_OK(conf_ev(NULL, fx->t, MTRK_EV_DELIVERED, other.mids[0], AT(1, 0)));
    mtrk_metrics a, b;
    mtrk_metrics *outs[2] = { &a, &b };
    mtrk_id ids[2] = { other.campaign, m.s.campaign };
    CONF_INIT(a, MTRK_METRICS_VERSION);
    CONF_INIT(b, MTRK_METRICS_VERSION);
    CONF_OK(mtrk_metrics_compare(outs, fx->t, ids, 2));
    mtrk_metrics ea = conf_metrics(fx->t, other.campaign), eb = expected_metrics(m.s.campaign);
    CONF_ID_EQ(a.campaign, other.campaign);
    CONF_ID_EQ(b.campaign, m.s.campaign);
    conf_metrics_assert_equal(&ea, &a);
    conf_metrics_assert_equal(&eb, &b);
    assert_int_equal(a.sent, 2);
    assert_true(a.delivery_rate == 0.5);
    ids[1] = conf_unknown_id();
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_metrics_compare(outs, fx->t, ids, 2));
    ids[1] = m.s.campaign;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_metrics_compare(outs, fx->t2, ids, 2));
    conf_scn_free(&m.s);
    conf_scn_free(&other);
}

/* --------------------------------------------------------------- rebuild */

static void rebuild_reproduces_every_rollup(void **state)
{
    conf_fixture *fx = *state;
    mscn m;
    enum { H = 6 };
    uint64_t h1[H * MTRK_EV_TYPE_COUNT], h2[H * MTRK_EV_TYPE_COUNT];
    size_t n1 = 0, n2 = 0;
    build_metrics_scenario(&m, fx->t);
    mtrk_metrics before = conf_metrics(fx->t, m.s.campaign);
    mtrk_message_info mb[10];
    for (int i = 0; i < 10; i++)
        mb[i] = conf_msg(fx->t, m.s.mids[i]);
    mtrk_link_stats lb[8];
    memcpy(lb, link_stats(fx->t, m.s.campaign, &n1), sizeof lb);
    CONF_OK(mtrk_metrics_hourly(h1, sizeof h1 / sizeof h1[0], MTRK_EV_TYPE_COUNT, NULL, fx->t, m.s.campaign, AT(0, 0), AT(H, 0)));

    CONF_OK(mtrk_metrics_rebuild(fx->t));

    mtrk_metrics after = conf_metrics(fx->t, m.s.campaign);
    conf_metrics_assert_equal(&before, &after);
    mtrk_metrics exp = expected_metrics(m.s.campaign);
    conf_metrics_assert_equal(&exp, &after);
    for (int i = 0; i < 10; i++) {
        mtrk_message_info a = conf_msg(fx->t, m.s.mids[i]);
        assert_int_equal(a.state, mb[i].state);
        assert_int_equal(a.sent_at, mb[i].sent_at);
        assert_int_equal(a.delivered_at, mb[i].delivered_at);
        assert_int_equal(a.bounced_at, mb[i].bounced_at);
        assert_int_equal(a.first_open_at, mb[i].first_open_at);
        assert_int_equal(a.first_click_at, mb[i].first_click_at);
        assert_int_equal(a.first_complaint_at, mb[i].first_complaint_at);
        assert_int_equal(a.first_unsub_at, mb[i].first_unsub_at);
        assert_int_equal(a.opens, mb[i].opens);
        assert_int_equal(a.clicks, mb[i].clicks);
        assert_int_equal(a.soft_bounces, mb[i].soft_bounces);
        assert_int_equal(a.delivered, mb[i].delivered);
    }
    mtrk_link_stats *la = link_stats(fx->t, m.s.campaign, &n2);
    assert_int_equal(n1, n2);
    for (size_t i = 0; i < n1; i++) {
        CONF_ID_EQ(la[i].lid, lb[i].lid);
        assert_int_equal(la[i].clicks, lb[i].clicks);
        assert_int_equal(la[i].clicks_unique, lb[i].clicks_unique);
        assert_int_equal(la[i].clicks_unique_human, lb[i].clicks_unique_human);
        assert_int_equal(la[i].rank, lb[i].rank);
    }
    CONF_OK(mtrk_metrics_hourly(h2, sizeof h2 / sizeof h2[0], MTRK_EV_TYPE_COUNT, NULL, fx->t, m.s.campaign, AT(0, 0), AT(H, 0)));
    assert_memory_equal(h1, h2, sizeof h1);
    CONF_EXPECT(MTRK_EINVAL, mtrk_metrics_rebuild(NULL));
    conf_scn_free(&m.s);
}

/* --------------------------------------------------------------- history */

static void contact_history_lists_its_events_for_drill_down(void **state)
{
    conf_fixture *fx = *state;
    mscn m;
    build_metrics_scenario(&m, fx->t);
    /* m7's contact: sent, deferred(0:30), delivered(1:08), open, click, click, unsubscribe */
    static const mtrk_event_type exp[] = { MTRK_EV_SENT, MTRK_EV_DEFERRED, MTRK_EV_DELIVERED, MTRK_EV_OPEN,
                                           MTRK_EV_CLICK, MTRK_EV_CLICK, MTRK_EV_UNSUBSCRIBE };
    mtrk_event_iter *it = NULL;
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    CONF_OK(mtrk_event_iter_contact(&it, fx->t, m.s.contacts[7]));
    for (size_t i = 0; i < sizeof exp / sizeof exp[0]; i++) {
        CONF_OK(mtrk_event_iter_next(&e, it));
        assert_int_equal(e.type, exp[i]);
        CONF_ID_EQ(e.contact, m.s.contacts[7]);
        CONF_ID_EQ(e.mid, m.s.mids[7]);
    }
    assert_int_equal(mtrk_event_iter_next(&e, it), MTRK_ITEROVER);
    mtrk_event_iter_free(it);
    conf_scn_free(&m.s);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(metrics_count_every_counter_and_rate_by_the_rules),
    CONF_TEST(metrics_rates_are_zero_when_denominators_are_zero),
    CONF_TEST(metrics_refuse_bad_arguments_and_foreign_ids),
    CONF_TEST(link_stats_count_clicks_unique_and_human_per_link),
    CONF_TEST(link_ranking_ties_share_a_rank_listed_by_rank_then_position),
    CONF_TEST(hourly_series_counts_each_event_type_by_event_hour),
    CONF_TEST(hourly_series_uses_the_callers_number_of_type_slots),
    CONF_TEST(first_hour_is_the_first_counted_hour_of_the_series),
    CONF_TEST(compare_returns_each_campaigns_metrics_side_by_side),
    CONF_TEST(rebuild_reproduces_every_rollup),
    CONF_TEST(contact_history_lists_its_events_for_drill_down),
};

CONF_GROUP(conf_group_metrics, "metrics", tests);
