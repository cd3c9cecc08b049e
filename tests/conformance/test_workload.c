/*
 * Conformance: a seeded randomized workload checked against an independent
 * model of the rules.
 *
 * 3,000 contacts in three audiences, three campaigns (A and B sent, C left
 * queued), more than 10,000 events arriving out of order with duplicates
 * (the same provider event id), hard and soft bounces, complaints,
 * unsubscribes of every scope, machine opens and clicks, and leads. The test
 * keeps its own per-message facts (docs/rules.md "Messages", "Events",
 * "Leads") and asserts that mtrk_metrics_campaign and mtrk_metrics_links
 * equal the model for every campaign, that every message's delivered/bounced
 * state and C's cancellations agree, and that mtrk_metrics_rebuild changes
 * nothing.
 *
 * To stay inside what the rules settle, the workload keeps these shapes:
 * soft bounces only for contacts that have no delivery events at all, at most
 * `threshold` of them per contact, arriving in event-time order; hard-bounced
 * messages get no opens or clicks; a contact hard-bounces at most once.
 */
#include "conf_util.h"

#include <stdlib.h>

#define NC 3000
#define SEED UINT64_C(0x9E3779B97F4A7C15)
#define DAY (24 * CONF_HOUR)

/* ------------------------------------------------------------------ PRNG */
static uint64_t rng_state;
static uint64_t rnd(void)
{
    uint64_t x = rng_state; /* xorshift64* */
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * UINT64_C(2685821657736338717);
}
static uint64_t below(uint64_t n) { return rnd() % n; }
static int chance(unsigned percent) { return below(100) < percent; }

/* ----------------------------------------------------------------- model */
enum { CA, CB, CC, NCAMP };
enum { AX, AY, AZ, NAUD };
static const int nlinks[NCAMP] = { 3, 2, 0 };

typedef struct wmsg {
    int camp, contact;
    mtrk_id mid;
    mtrk_time sent_at;
    int de, opened, opened_h, clicked, clicked_h, hard, soft, complained, unsub;
    uint64_t opens, opens_m, clicks, clicks_m;
    unsigned link_click, link_click_h; /* bit per link */
} wmsg;

typedef struct wev {
    int msg;
    mtrk_event_type type;
    mtrk_time at;
    int machine, link;
    mtrk_bounce_kind bounce;
    int scope; /* 0 (global by default), or an mtrk_unsub_scope */
    int aud;
    int keyed;
    unsigned key;
    int dup;
    mtrk_time sort;
} wev;

typedef struct wc {
    mtrk_id id;
    char addr[48];
    int member[NAUD];
    int presuppressed;
    int kind; /* 0 normal, 1 hard, 2 soft */
    int msg[NCAMP]; /* -1 if none */
    int global_unsub, complained, bounced, aud_unsub[NAUD];
} wc;

typedef struct world {
    mtrk_id camp[NCAMP], aud[NAUD], lids[NCAMP][3], lp[NCAMP];
    wc *c;
    wmsg *m;
    size_t nm;
    wev *ev;
    size_t nev, cap;
    uint64_t leads_total[NCAMP], leads_attr[NCAMP], leads_fwd[NCAMP];
    uint64_t link_clicks[NCAMP][3];
} world;

static wev *push(world *w)
{
    if (w->nev == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 4096;
        w->ev = realloc(w->ev, w->cap * sizeof *w->ev);
        assert_non_null(w->ev);
    }
    wev *e = &w->ev[w->nev++];
    memset(e, 0, sizeof *e);
    return e;
}

static wev *add_ev(world *w, int msg, mtrk_event_type type, mtrk_time at)
{
    wev *e = push(w);
    e->msg = msg;
    e->type = type;
    e->at = at;
    e->keyed = chance(80);
    return e;
}

static int cmp_sort(const void *a, const void *b)
{
    const wev *x = a, *y = b;
    return x->sort < y->sort ? -1 : x->sort > y->sort;
}

static double rate(uint64_t a, uint64_t b) { return b ? (double)a / (double)b : 0.0; }

/* ----------------------------------------------------------------- build */

static void build_world(world *w, mtrk_tenant *t)
{
    static const char *const names[NCAMP] = { "A", "B", "C" };
    memset(w, 0, sizeof *w);
    w->c = calloc(NC, sizeof *w->c);
    w->m = calloc((size_t)NC * NCAMP, sizeof *w->m);
    assert_non_null(w->c);
    assert_non_null(w->m);
    conf_clock_set(CONF_T0);

    for (int a = 0; a < NAUD; a++)
        w->aud[a] = conf_audience_new(t, "workload");
    for (int i = 0; i < NC; i++) {
        wc *c = &w->c[i];
        snprintf(c->addr, sizeof c->addr, "w%d@example.com", i);
        c->id = conf_contact_new(t, c->addr);
        c->member[AX] = chance(60);
        c->member[AY] = chance(50);
        c->member[AZ] = chance(30);
        c->presuppressed = (i % 97 == 5);
        c->kind = chance(6) ? 1 : chance(10) ? 2 : 0;
        for (int k = 0; k < NCAMP; k++)
            c->msg[k] = -1;
        if (c->presuppressed)
            CONF_OK(mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_ADDRESS, c->addr, "manual"));
    }
    for (int a = 0; a < NAUD; a++) {
        mtrk_id *ids = calloc(NC, sizeof *ids);
        size_t n = 0, added = 0;
        assert_non_null(ids);
        for (int i = 0; i < NC; i++)
            if (w->c[i].member[a])
                ids[n++] = w->c[i].id;
        CONF_OK(mtrk_audience_add_batch(&added, t, w->aud[a], ids, n));
        assert_int_equal(added, n);
        free(ids);
    }
    for (int k = 0; k < NCAMP; k++) {
        w->camp[k] = conf_campaign_new(t, names[k]);
        for (int l = 0; l < nlinks[k]; l++) {
            char url[64];
            snprintf(url, sizeof url, "https://shop.example.com/%s/%d", names[k], l);
            w->lids[k][l] = conf_link_new(t, w->camp[k], url, (uint32_t)l);
        }
    }
    conf_attach(t, w->camp[CA], w->aud[AX]);
    conf_attach(t, w->camp[CB], w->aud[AY]);
    conf_attach(t, w->camp[CB], w->aud[AZ]);
    conf_attach(t, w->camp[CC], w->aud[AX]);
    conf_attach(t, w->camp[CC], w->aud[AY]);
    conf_campaign_to(t, w->camp[CA], MTRK_CAMPAIGN_SENDING);
    conf_campaign_to(t, w->camp[CB], MTRK_CAMPAIGN_SENDING);
    conf_campaign_to(t, w->camp[CC], MTRK_CAMPAIGN_SCHEDULED);

    /* generation, checked against the membership model */
    for (int k = 0; k < NCAMP; k++) {
        mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
        uint64_t exp_created = 0, exp_supp = 0;
        for (int i = 0; i < NC; i++) {
            const wc *c = &w->c[i];
            int in = k == CA ? c->member[AX]
                   : k == CB ? (c->member[AY] || c->member[AZ])
                             : (c->member[AX] || c->member[AY]);
            if (!in)
                continue;
            if (c->presuppressed)
                exp_supp++;
            else
                exp_created++;
        }
        CONF_OK(mtrk_campaign_generate(&r, t, w->camp[k]));
        conf_report_consistent(&r);
        assert_int_equal(r.created, exp_created);
        assert_int_equal(r.excluded[MTRK_EXCL_ADDRESS_SUPPRESSED], exp_supp);
        assert_int_equal(r.excluded_total, exp_supp);
    }
    for (int i = 0; i < NC; i++) {
        for (int k = 0; k < NCAMP; k++) {
            mtrk_message_info mi;
            CONF_INIT(mi, MTRK_MESSAGE_INFO_VERSION);
            int rc = mtrk_message_find(&mi, t, w->camp[k], w->c[i].id);
            if (rc == MTRK_ENOTFOUND)
                continue;
            CONF_OK(rc);
            wmsg *m = &w->m[w->nm];
            m->camp = k;
            m->contact = i;
            m->mid = mi.mid;
            w->c[i].msg[k] = (int)w->nm++;
        }
    }
    /* send A and B: claim everything, mark sent at T0 + 1h .. 2h */
    for (int k = CA; k <= CB; k++) {
        size_t n = 0, total = 0;
        mtrk_id *out = calloc(NC, sizeof *out);
        assert_non_null(out);
        CONF_OK(mtrk_queue_claim(out, &n, NULL, t, w->camp[k], NC, DAY));
        for (size_t i = 0; i < w->nm; i++)
            if (w->m[i].camp == k)
                total++;
        assert_int_equal(n, total);
        free(out);
    }
    conf_clock_set(CONF_T0 + 3 * CONF_HOUR);
    for (size_t i = 0; i < w->nm; i++) {
        if (w->m[i].camp == CC)
            continue;
        w->m[i].sent_at = CONF_T0 + CONF_HOUR + (mtrk_time)below(CONF_HOUR);
        CONF_OK(mtrk_queue_mark_sent(t, w->m[i].mid, w->m[i].sent_at, "wl", NULL));
    }
}

/* Events of one normal message. */
static void gen_normal(world *w, int mi)
{
    wmsg *m = &w->m[mi];
    wc *c = &w->c[m->contact];
    mtrk_time s = m->sent_at, d = s + CONF_MIN + (mtrk_time)below(30 * CONF_MIN);
    int delivered = chance(85);
    if (!delivered && chance(40))
        add_ev(w, mi, MTRK_EV_DEFERRED, s + (mtrk_time)below(10 * CONF_MIN));
    if (delivered)
        add_ev(w, mi, MTRK_EV_DELIVERED, d);
    if (delivered || chance(15)) {
        int opens = (int)below(6);
        for (int j = 0; j < opens; j++) {
            wev *e = add_ev(w, mi, MTRK_EV_OPEN, d + CONF_MIN + (mtrk_time)below(2 * DAY));
            e->machine = chance(20);
        }
        int clicks = nlinks[m->camp] ? (int)below(3) : 0;
        for (int j = 0; j < clicks; j++) {
            wev *e = add_ev(w, mi, MTRK_EV_CLICK, d + CONF_MIN + (mtrk_time)below(2 * DAY));
            e->machine = chance(15);
            e->link = (int)below((uint64_t)nlinks[m->camp]);
        }
    }
    if (chance(2)) {
        add_ev(w, mi, MTRK_EV_COMPLAINT, s + CONF_HOUR + (mtrk_time)below(3 * DAY));
        c->complained = 1;
    }
    if (chance(6)) {
        wev *e = add_ev(w, mi, MTRK_EV_UNSUBSCRIBE, s + CONF_HOUR + (mtrk_time)below(3 * DAY));
        switch (below(4)) {
        case 0: e->scope = 0; c->global_unsub = 1; break;
        case 1: e->scope = MTRK_UNSUB_GLOBAL; c->global_unsub = 1; break;
        case 2: e->scope = MTRK_UNSUB_CAMPAIGN; break;
        default:
            e->scope = MTRK_UNSUB_AUDIENCE;
            e->aud = (int)below(NAUD);
            c->aud_unsub[e->aud] = 1;
        }
    }
}

static void gen_events(world *w)
{
    for (int i = 0; i < NC; i++) {
        wc *c = &w->c[i];
        int ms[2], nms = 0;
        for (int k = CA; k <= CB; k++)
            if (c->msg[k] >= 0)
                ms[nms++] = c->msg[k];
        if (nms == 0)
            continue;
        if (c->kind == 0) {
            for (int j = 0; j < nms; j++)
                gen_normal(w, ms[j]);
        } else if (c->kind == 1) {
            wmsg *m = &w->m[ms[0]];
            mtrk_time bt = m->sent_at + CONF_MIN + (mtrk_time)below(10 * CONF_MIN);
            wev *e = add_ev(w, ms[0], MTRK_EV_BOUNCE, bt);
            e->bounce = MTRK_BOUNCE_HARD;
            if (chance(50)) /* a delivery reported too, before or after the bounce */
                add_ev(w, ms[0], MTRK_EV_DELIVERED, m->sent_at + (mtrk_time)below(10 * CONF_MIN));
            c->bounced = 1;
        } else {
            int k = 1 + (int)below(3); /* 1..3 soft bounces, threshold 3 */
            mtrk_time at = 0;
            for (int j = 0; j < k; j++) {
                int mi = ms[below((uint64_t)nms)];
                mtrk_time lo = w->m[mi].sent_at + CONF_MIN;
                at = (at + CONF_MIN > lo ? at + CONF_MIN : lo) + (mtrk_time)below(6 * CONF_HOUR);
                wev *e = add_ev(w, mi, MTRK_EV_BOUNCE, at);
                e->bounce = MTRK_BOUNCE_SOFT;
            }
            if (chance(30))
                add_ev(w, ms[0], MTRK_EV_DEFERRED, w->m[ms[0]].sent_at + CONF_MIN);
        }
    }
}

/* Arrival order: event time plus a delay, a tenth of them very late; soft
 * bounces of each contact kept in event-time order; then duplicates. */
static void arrange(world *w)
{
    unsigned key = 0;
    for (size_t i = 0; i < w->nev; i++) {
        wev *e = &w->ev[i];
        e->key = key++;
        e->sort = e->at + (chance(10) ? (mtrk_time)below(12 * CONF_HOUR) : (mtrk_time)below(2 * CONF_MIN));
    }
    qsort(w->ev, w->nev, sizeof *w->ev, cmp_sort);
    /* soft bounces per contact: reassign their slots in event-time order */
    for (int ci = 0; ci < NC; ci++) {
        if (w->c[ci].kind != 2)
            continue;
        size_t slots[8], n = 0;
        for (size_t i = 0; i < w->nev && n < 8; i++)
            if (w->ev[i].type == MTRK_EV_BOUNCE && w->m[w->ev[i].msg].contact == ci)
                slots[n++] = i;
        for (size_t a = 0; a < n; a++) /* tiny selection sort over the slots */
            for (size_t b = a + 1; b < n; b++)
                if (w->ev[slots[b]].at < w->ev[slots[a]].at) {
                    wev tmp = w->ev[slots[a]];
                    w->ev[slots[a]] = w->ev[slots[b]];
                    w->ev[slots[b]] = tmp;
                }
    }
    /* duplicates: 5% of keyed events repeated at a later arrival position */
    size_t orig = w->nev;
    for (size_t p = 0; p < orig; p++)
        w->ev[p].sort = (mtrk_time)p * 1000;
    for (size_t p = 0; p < orig; p++) {
        if (!w->ev[p].keyed || !chance(5))
            continue;
        wev *d = push(w);
        *d = w->ev[p];
        d->dup = 1;
        d->sort = (mtrk_time)(p + below((uint64_t)(orig - p))) * 1000 + 500 + (mtrk_time)below(400);
    }
    qsort(w->ev, w->nev, sizeof *w->ev, cmp_sort);
}

static void play(world *w, mtrk_tenant *t, size_t *recorded_total)
{
    enum { BATCH = 250 };
    mtrk_event_input in[BATCH];
    mtrk_event_outcome oc[BATCH];
    const mtrk_event_input *pin[BATCH];
    mtrk_event_outcome *poc[BATCH];
    char ids[BATCH][24];
    conf_clock_set(CONF_T0 + 20 * DAY);
    for (size_t base = 0; base < w->nev; base += BATCH) {
        size_t n = w->nev - base < BATCH ? w->nev - base : BATCH, rec = 0, exp_rec = 0;
        for (size_t j = 0; j < n; j++) {
            const wev *e = &w->ev[base + j];
            const wmsg *m = &w->m[e->msg];
            conf_ev_init(&in[j], e->type, m->mid, e->at);
            in[j].verdict = e->machine ? MTRK_VERDICT_MACHINE : MTRK_VERDICT_HUMAN;
            if (e->machine)
                in[j].verdict_reason = e->type == MTRK_EV_OPEN ? "proxy" : "scanner";
            if (e->type == MTRK_EV_CLICK)
                in[j].lid = w->lids[m->camp][e->link];
            in[j].bounce_kind = e->bounce;
            if (e->type == MTRK_EV_UNSUBSCRIBE) {
                in[j].unsub_scope = (mtrk_unsub_scope)e->scope;
                if (e->scope == MTRK_UNSUB_AUDIENCE)
                    in[j].unsub_audience = w->aud[e->aud];
            }
            if (e->keyed) {
                snprintf(ids[j], sizeof ids[j], "ev-%u", e->key);
                in[j].provider = "wl";
                in[j].provider_event_id = ids[j];
            }
            CONF_INIT(oc[j], MTRK_EVENT_OUTCOME_VERSION);
            pin[j] = &in[j];
            poc[j] = &oc[j];
            if (!e->dup)
                exp_rec++;
        }
        CONF_OK(mtrk_event_record_batch(&rec, poc, t, pin, n));
        for (size_t j = 0; j < n; j++) {
            if (oc[j].status != 0)
                fail_msg("event %zu (type %d) refused: %d %s", base + j, (int)w->ev[base + j].type, oc[j].status,
                         mtrk_last_errmsg());
            assert_int_equal(oc[j].duplicate, w->ev[base + j].dup);
        }
        assert_int_equal(rec, exp_rec);
        *recorded_total += rec;
        conf_clock_advance(1);
    }
}

/* The model's facts from the unique events (order-independent but for the
 * soft-bounce run, whose events arrive in event-time order per contact). */
static void derive_facts(world *w)
{
    int soft_run[NC];
    memset(soft_run, 0, sizeof soft_run);
    /* soft runs in event-time order: the slots were sorted per contact in arrange() */
    for (size_t i = 0; i < w->nev; i++) {
        const wev *e = &w->ev[i];
        if (e->dup)
            continue;
        wmsg *m = &w->m[e->msg];
        switch (e->type) {
        case MTRK_EV_DELIVERED: m->de = 1; break;
        case MTRK_EV_OPEN:
            m->opened = 1;
            m->opens++;
            if (e->machine)
                m->opens_m++;
            else
                m->opened_h = 1;
            break;
        case MTRK_EV_CLICK:
            m->clicked = 1;
            m->clicks++;
            w->link_clicks[m->camp][e->link]++;
            m->link_click |= 1u << e->link;
            if (e->machine) {
                m->clicks_m++;
            } else {
                m->clicked_h = 1;
                m->link_click_h |= 1u << e->link;
            }
            break;
        case MTRK_EV_BOUNCE:
            if (e->bounce == MTRK_BOUNCE_HARD) {
                m->hard = 1;
            } else {
                m->soft = 1;
                if (++soft_run[m->contact] == 3) { /* default threshold */
                    m->hard = 1;
                    w->c[m->contact].bounced = 1;
                }
            }
            break;
        case MTRK_EV_COMPLAINT: m->complained = 1; break;
        case MTRK_EV_UNSUBSCRIBE: m->unsub = 1; break;
        default: break;
        }
    }
}

static int c_canceled(const world *w, const wc *c)
{
    (void)w;
    if (c->bounced || c->complained || c->global_unsub)
        return 1;
    /* C targets X and Y: excluded when every one the contact belongs to is closed */
    int open = 0;
    if (c->member[AX] && !c->aud_unsub[AX])
        open = 1;
    if (c->member[AY] && !c->aud_unsub[AY])
        open = 1;
    return !open;
}

static void gen_leads(world *w, mtrk_tenant *t)
{
    for (int k = CA; k <= CB; k++)
        CONF_OK(mtrk_landing_page_create(&w->lp[k], t, w->camp[k], "lp", "https://shop.example.com/lp"));
    char keys[400][16];
    int nkeys = 0, lk[400];
    for (int n = 0; n < 400; n++) {
        mtrk_lead_input li;
        char addr[48];
        int dup_expected = 0;
        CONF_INIT(li, MTRK_LEAD_INPUT_VERSION);
        size_t mi;
        do
            mi = (size_t)below(w->nm);
        while (w->m[mi].camp == CC);
        const wmsg *m = &w->m[mi];
        const wc *c = &w->c[m->contact];
        int k = m->camp;
        li.landing_page = w->lp[k];
        li.captured_at = m->sent_at + CONF_HOUR + (mtrk_time)below(5 * DAY);
        if (nkeys > 0 && chance(5)) {
            int j = (int)below((uint64_t)nkeys);
            li.lead_key = keys[j];
            li.landing_page = w->lp[lk[j]];
            li.address = c->addr;
            dup_expected = 1;
        } else {
            snprintf(keys[nkeys], sizeof keys[nkeys], "lead-%d", n);
            li.lead_key = keys[nkeys];
            lk[nkeys++] = k;
            w->leads_total[k]++;
            unsigned r = (unsigned)below(100);
            if (r < 40) {
                li.mid = m->mid;
                li.address = c->addr;
                w->leads_attr[k]++;
            } else if (r < 55) {
                snprintf(addr, sizeof addr, "fw%d@other.example", n);
                li.mid = m->mid;
                li.address = addr;
                w->leads_attr[k]++;
                w->leads_fwd[k]++;
            } else if (r < 70) {
                li.rid = c->id;
                li.address = c->addr;
                w->leads_attr[k]++; /* the message of (campaign, rid) */
            } else {
                snprintf(addr, sizeof addr, "walkin%d@other.example", n);
                li.address = addr;
            }
        }
        int dup = -1;
        CONF_OK(mtrk_lead_capture(NULL, &dup, t, &li));
        assert_int_equal(dup, dup_expected);
    }
}

static mtrk_metrics model_metrics(const world *w, int k)
{
    mtrk_metrics e;
    CONF_INIT(e, MTRK_METRICS_VERSION);
    e.campaign = w->camp[k];
    for (size_t i = 0; i < w->nm; i++) {
        const wmsg *m = &w->m[i];
        if (m->camp != k)
            continue;
        e.messages++;
        if (k == CC) {
            e.canceled += (uint64_t)c_canceled(w, &w->c[m->contact]);
            continue;
        }
        e.sent++;
        if ((m->de || m->opened || m->clicked) && !m->hard)
            e.delivered++;
        if (m->de && !m->hard)
            e.delivered_explicit++;
        e.bounced_hard += (uint64_t)m->hard;
        e.bounced_soft += (uint64_t)m->soft;
        e.complaints += (uint64_t)m->complained;
        e.unsubscribes += (uint64_t)m->unsub;
        e.opens_total += m->opens;
        e.opens_unique += (uint64_t)m->opened;
        e.opens_unique_human += (uint64_t)m->opened_h;
        e.opens_machine += m->opens_m;
        e.opens_inferred += (uint64_t)(m->clicked && !m->opened);
        e.clicks_total += m->clicks;
        e.clicks_unique += (uint64_t)m->clicked;
        e.clicks_unique_human += (uint64_t)m->clicked_h;
        e.clicks_machine += m->clicks_m;
    }
    e.leads_total = w->leads_total[k];
    e.leads_attributed = w->leads_attr[k];
    e.leads_forwarded = w->leads_fwd[k];
    e.delivery_rate = rate(e.delivered, e.sent);
    e.open_rate = rate(e.opens_unique, e.delivered);
    e.click_rate = rate(e.clicks_unique, e.delivered);
    e.click_to_open_rate = rate(e.clicks_unique, e.opens_unique);
    e.bounce_rate = rate(e.bounced_hard, e.sent);
    e.complaint_rate = rate(e.complaints, e.delivered);
    e.unsubscribe_rate = rate(e.unsubscribes, e.delivered);
    e.conversion_rate = rate(e.leads_attributed, e.delivered);
    return e;
}

static void check_all(const world *w, mtrk_tenant *t)
{
    for (int k = 0; k < NCAMP; k++) {
        mtrk_metrics exp = model_metrics(w, k), got = conf_metrics(t, w->camp[k]);
        conf_metrics_assert_equal(&exp, &got);
    }
    for (int k = CA; k <= CB; k++) {
        mtrk_link_stats st[3], *p[3] = { &st[0], &st[1], &st[2] };
        size_t n = 0;
        for (int l = 0; l < 3; l++)
            CONF_INIT(st[l], MTRK_LINK_STATS_VERSION);
        CONF_OK(mtrk_metrics_links(p, 3, &n, t, w->camp[k]));
        assert_int_equal(n, (size_t)nlinks[k]);
        for (size_t j = 0; j < n; j++) {
            int l = (int)st[j].position;
            uint64_t uniq = 0, human = 0;
            for (size_t i = 0; i < w->nm; i++)
                if (w->m[i].camp == k) {
                    uniq += (w->m[i].link_click >> l) & 1u;
                    human += (w->m[i].link_click_h >> l) & 1u;
                }
            CONF_ID_EQ(st[j].lid, w->lids[k][l]);
            assert_int_equal(st[j].clicks, w->link_clicks[k][l]);
            assert_int_equal(st[j].clicks_unique, uniq);
            assert_int_equal(st[j].clicks_unique_human, human);
            if (j > 0)
                assert_true(st[j - 1].clicks_unique >= st[j].clicks_unique);
        }
    }
    for (size_t i = 0; i < w->nm; i++) {
        const wmsg *m = &w->m[i];
        mtrk_message_info mi = conf_msg(t, m->mid);
        if (m->camp == CC) {
            int canceled = c_canceled(w, &w->c[m->contact]);
            assert_int_equal(mi.state, canceled ? MTRK_MSG_CANCELED : MTRK_MSG_QUEUED);
            continue;
        }
        assert_int_equal(mi.delivered, (m->de || m->opened || m->clicked) && !m->hard);
        assert_int_equal(mi.state == MTRK_MSG_BOUNCED, m->hard);
        assert_int_equal(mi.opens, m->opens);
        assert_int_equal(mi.clicks, m->clicks);
        assert_int_equal(mi.sent_at, m->sent_at);
    }
}

static void workload_metrics_equal_an_independent_model_and_survive_rebuild(void **state)
{
    conf_fixture *fx = *state;
    world w;
    size_t recorded = 0;
    rng_state = SEED;
    build_world(&w, fx->t);
    gen_events(&w);
    arrange(&w);
    derive_facts(&w);
    play(&w, fx->t, &recorded);
    gen_leads(&w, fx->t);

    /* the workload is as large as promised */
    size_t sent_events = 0;
    for (size_t i = 0; i < w.nm; i++)
        sent_events += w.m[i].camp != CC;
    assert_true(recorded >= 10000); /* besides the sent events of mark_sent */
    assert_true(sent_events >= 1000);
    assert_true(w.nm >= 1000);

    check_all(&w, fx->t);
    CONF_OK(mtrk_metrics_rebuild(fx->t));
    check_all(&w, fx->t);
    free(w.c);
    free(w.m);
    free(w.ev);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(workload_metrics_equal_an_independent_model_and_survive_rebuild),
};

CONF_GROUP(conf_group_workload, "workload", tests);
