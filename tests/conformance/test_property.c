/*
 * Conformance: the figures are one function of the event log.
 *
 * A property test over random histories: for every case, the figures kept
 * incrementally while the events arrive, the figures after
 * mtrk_metrics_rebuild, and the figures of a plain reference fold written
 * here from the rules (docs/metrics.md, docs/rules.md) are all equal —
 * campaign metrics (every field of mtrk_metrics), per-link stats, hourly
 * series of every event type, every message's facts (mtrk_message_info), its
 * events as listed (order, ids, the hard-bounce decision traced on each), and
 * each contact's status, address suppression and unsubscribe rules (with
 * their sources). The listings of every campaign (whole, from a cursor
 * halfway, its opens, a time window) and of every contact equal the stored
 * events in event-time order.
 *
 * A case is a fresh tenant (soft-bounce threshold 1–4, attribution window
 * 1, 3 or 30 days) with three audiences, 4–9 contacts in random audiences
 * and three campaigns with their links (catalogued from the HTML, one a
 * honeypot, and a manual one; the third campaign has none): the first
 * sending, with messages claimed and some marked sent through the queue, the
 * second scheduled and the third in draft, their other messages queued.
 *
 * Each message then gets 0–40 events of every type (sent, delivered,
 * deferred, open, click on any of its campaign's links, soft and hard
 * bounce, complaint, unsubscribe of every scope and source), most with a
 * provider event id, with explicit human or machine verdicts. Events of one
 * contact across campaigns interleave, so soft-bounce runs cross campaigns,
 * and hard bounces, complaints and unsubscribes land anywhere (and cancel
 * the contact's messages still queued). Queue operations on the first
 * campaign come among the events: claims (which recheck eligibility),
 * releases, and marking a message sent (refused unless it is claimed).
 *
 * The events arrive out of event-time order with identical repeats (the same
 * provider event id), split into random chunks recorded one by one
 * (mtrk_event_record) or together (mtrk_event_record_batch) while the fake
 * clock moves; four cases in five record their batches in slices of 1, 2, 3
 * or 5 events (MTRK_TEST_EVENT_SLICE, read by builds with assertions), so a
 * batch spans several slices; half the cases check and rebuild halfway, then go on
 * recording, and the incremental figures are checked between two calls now
 * and then. Leads (through a mid, a forwarded mid, a rid or neither, in and
 * out of the window, some repeated) are captured between the chunks.
 *
 * Some events share their event time with an earlier event of the same
 * contact: the rules order ties by arrival, then by event id. A batch's
 * events arrive together and get their ids in the order the batch writes
 * them, which keeps the caller's order among a contact's events wherever a
 * rule reads it (docs/decisions.md §55), so the reference's rules order by
 * (event time, arrival index), and its listings order the ties of one batch
 * by the ids the library gave.
 *
 * Seeds: case i of a run uses seed S + i, with S = MTRK_TEST_SEED (decimal or
 * 0x-hex; default below); MTRK_TEST_CASES sets the number of cases (default
 * 60 on the in-memory backends, 12 on the others, or 200 with
 * MTRK_TEST_LEVEL=full). A failure prints the case's seed and
 * every figure that differs; MTRK_TEST_DUMP=1 also prints its history, and
 * MTRK_TEST_SHRINK=1 shrinks the first failing case to a smallest history
 * that still fails (by removing events; best on the memory backend).
 *
 * The group also holds three hand-written histories that once over-counted
 * a link's unique clicks (test_link_unique_*).
 */
#include "conf_util.h"

#include <inttypes.h>
#include <stdlib.h>

#define P_DEFAULT_SEED UINT64_C(0x6d74726b70726f70) /* "mtrkprop" */
#define P_NAUD 3
#define P_NCAMP 3
#define P_MAXC 9
#define P_MAXLINKS 4
#define P_MAXMSG (P_MAXC * P_NCAMP)
#define P_MAXEV 40
#define P_START (CONF_T0 + CONF_HOUR) /* event times: 72 hours from here */
#define P_WINDOW_MIN (72 * 60)
#define P_HOURS 80                    /* hourly series read over [T0, T0 + 80 h) */
#define P_NTYPES MTRK_EV_TYPE_COUNT

/* ------------------------------------------------------------------ PRNG */
typedef struct prng {
    uint64_t s;
} prng;

static uint64_t rnd(prng *r) /* splitmix64 */
{
    uint64_t z = (r->s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}
static uint64_t below(prng *r, uint64_t n) { return n ? rnd(r) % n : 0; }
static int chance(prng *r, unsigned percent) { return below(r, 100) < percent; }

/* ----------------------------------------------------------- the world */
typedef struct p_link {
    mtrk_id lid;
    uint32_t position;
    int honeypot;
} p_link;

typedef struct p_camp {
    mtrk_id id;
    int attached[P_NAUD];
    p_link link[P_MAXLINKS];
    int nlinks;
} p_camp;

typedef struct p_contact {
    mtrk_id id;
    char addr[48];
    int member[P_NAUD];
    int msg[P_NCAMP]; /* index into p_case.msg, -1 if none */
    /* the reference's state, moved by arrivals */
    mtrk_contact_status status;
    int suppressed;
    /* unsubscribe rules: the source of the event that made each, 0 if none */
    mtrk_source global_unsub, camp_unsub[P_NCAMP], aud_unsub[P_NAUD];
} p_contact;

typedef struct p_msg {
    mtrk_id mid;
    int camp, contact;
    /* the reference's delivery state, moved by arrivals */
    mtrk_message_state state;
    mtrk_exclusion cancel_reason;
} p_msg;

/* What a step of the history does: record an event, or a queue operation
 * on the first campaign (mark a message sent, claim, release). */
enum { P_EVENT, P_MARK_SENT, P_CLAIM, P_RELEASE };

/* One step of the history (mostly an event) as sent to the library, in
 * arrival order. */
typedef struct p_event {
    int action;               /* P_EVENT, ... */
    int cap;                  /* P_CLAIM: how many */
    int msg;
    mtrk_event_type type;
    mtrk_time at;             /* occurred_at: distinct within a case */
    int link;                 /* clicks: index into the campaign's links */
    mtrk_bounce_kind bounce;
    mtrk_verdict verdict;
    mtrk_unsub_scope scope;   /* unsubscribes: 0 (global by default) or a scope */
    int aud;                  /* audience scope: the audience */
    mtrk_source source;       /* unsubscribes: 0 (link by default) or a source */
    int key;                  /* provider event id "p-<key>", or -1 */
    int repeat;               /* an identical repeat of an earlier event */
    int setup;                /* a mark-sent of the setup, before the other steps */
    /* the reference's decisions, when it arrives */
    int stored;               /* a new event (not a duplicate) */
    int hard;                 /* counts as a hard bounce (kind hard, or the threshold) */
    int threshold;            /* a soft bounce that reached the threshold */
    /* what the library said */
    mtrk_id event_id;         /* the stored event (the first one for a repeat); nil for a mark-sent */
    mtrk_time arrived;
    int call;                 /* the batch call it went in (1, 2, ...), 0 if recorded alone */
    uint64_t sort;            /* scratch: arrival order while generating */
} p_event;

/* A lead, captured between two chunks of events. */
typedef struct p_lead {
    size_t before;            /* captured once the events before pc->ev[before] arrived */
    int camp;                 /* its landing page's campaign */
    int msg;                  /* the mid it carries (index into p_case.msg), -1 for none */
    int rid;                  /* the rid it carries (a contact), -1 for none */
    mtrk_time captured_at;
    char key[16];
    char addr[48];
    int repeat;               /* the same lead key again: a duplicate */
} p_lead;

#define P_MAXLEADS 8

/* Differences found, as text. */
typedef struct p_diff {
    const char *stage; /* "calls", "incremental", "rebuilt" */
    char *text;
    size_t len, cap, count;
} p_diff;

typedef struct p_case {
    uint64_t seed;
    prng r;                  /* the world and its history */
    prng play;               /* how the history is cut into calls */
    int quiet;               /* print nothing (while shrinking) */
    unsigned slice;          /* the event batch's slice size (MTRK_TEST_EVENT_SLICE), 0: the library's */
    mtrk_tenant *t;
    uint32_t threshold;
    mtrk_id aud[P_NAUD];
    p_camp camp[P_NCAMP];
    p_contact c[P_MAXC];
    int nc;
    p_msg msg[P_MAXMSG];
    int nmsg;
    p_event *ev;
    size_t nev, cap;
    int nkeys;
    unsigned char *key_seen; /* reference: provider event ids stored so far */
    mtrk_time created_at;    /* the messages' */
    int64_t window;          /* the tenant's attribution window */
    mtrk_id lp[P_NCAMP];     /* landing pages */
    p_lead lead[P_MAXLEADS];
    int nlead, nextlead;
    size_t half;             /* figures checked and rebuilt after pc->ev[0..half), or SIZE_MAX */
    p_diff calls;            /* calls whose outcome differs from the reference's */
    size_t differ;           /* figures that differed at the checks between calls */
    uint64_t leads_total[P_NCAMP], leads_attributed[P_NCAMP], leads_forwarded[P_NCAMP]; /* reference */
} p_case;

/* What the cases of a run covered (printed at the end, so that a run that
 * passes also shows that it met the hard parts). */
static struct p_cover {
    uint64_t cases, arrived, repeats, batches, sliced, singles, clicks_machine, soft, threshold, hard, complaints,
        unsubs[4], canceled, terminal_kept, rebuilt_halfway, leads, marked_sent, released, claimed, checks;
} cover;

static p_event *ev_push(p_case *pc)
{
    if (pc->nev == pc->cap) {
        pc->cap = pc->cap ? 2 * pc->cap : 512;
        pc->ev = realloc(pc->ev, pc->cap * sizeof *pc->ev);
        assert_non_null(pc->ev);
    }
    p_event *e = &pc->ev[pc->nev++];
    memset(e, 0, sizeof *e);
    e->key = -1;
    return e;
}

static const char *const p_html[P_NCAMP] = {
    "<p>Spring <a href=\"https://shop.example.com/a\">Shop A</a> and "
    "<a href=\"https://shop.example.com/b\">Shop B</a>"
    "<a href=\"https://shop.example.com/trap\" data-mtrk-honeypot style=\"display:none\">.</a></p>",
    "<p>Summer <a href=\"https://shop.example.com/c\">Shop C</a></p>",
    NULL, /* text only: no links */
};

/* Campaigns, audiences, contacts, generation and the queue's sends. */
static void build_world(p_case *pc, const conf_fixture *fx)
{
    static unsigned tenants;
    char key[32];
    snprintf(key, sizeof key, "prop-%u", tenants++);
    CONF_OK(mtrk_tenant_create(&pc->t, fx->db, key, "test:property"));
    mtrk_tenant *t = pc->t;
    mtrk_tenant_settings st;
    CONF_INIT(st, MTRK_TENANT_SETTINGS_VERSION);
    CONF_OK(mtrk_tenant_settings_get(&st, t));
    pc->threshold = st.soft_bounce_threshold = 1 + (uint32_t)below(&pc->r, 4);
    static const int64_t windows[] = { 24 * CONF_HOUR, 72 * CONF_HOUR, 30 * 24 * CONF_HOUR };
    pc->window = st.attribution_window_ms = windows[below(&pc->r, 3)];
    CONF_OK(mtrk_tenant_settings_set(t, &st));

    for (int a = 0; a < P_NAUD; a++)
        pc->aud[a] = conf_audience_new(t, "property");
    pc->nc = 4 + (int)below(&pc->r, P_MAXC - 3);
    for (int i = 0; i < pc->nc; i++) {
        p_contact *c = &pc->c[i];
        snprintf(c->addr, sizeof c->addr, "p%d@example.com", i);
        c->id = conf_contact_new(t, c->addr);
        c->status = MTRK_CONTACT_ACTIVE;
        int any = 0;
        for (int a = 0; a < P_NAUD; a++)
            any |= c->member[a] = chance(&pc->r, 55);
        if (!any)
            c->member[below(&pc->r, P_NAUD)] = 1;
        for (int a = 0; a < P_NAUD; a++)
            if (c->member[a])
                conf_member(t, pc->aud[a], c->id);
        for (int k = 0; k < P_NCAMP; k++)
            c->msg[k] = -1;
    }
    for (int k = 0; k < P_NCAMP; k++) {
        p_camp *cp = &pc->camp[k];
        mtrk_campaign_spec s;
        conf_spec(&s);
        s.html = p_html[k];
        CONF_OK(mtrk_campaign_create(&cp->id, t, &s));
        if (k < 2) { /* a manual link after the catalogued ones */
            mtrk_id lid;
            CONF_OK(mtrk_link_add(&lid, t, cp->id, "https://shop.example.com/manual", "manual", 3));
        }
        mtrk_link_iter *it = NULL;
        const mtrk_link *l = NULL;
        CONF_OK(mtrk_link_iter_new(&it, t, cp->id));
        int rc;
        while ((rc = mtrk_link_iter_next(&l, it)) == MTRK_OK) {
            assert_true(cp->nlinks < P_MAXLINKS);
            p_link *pl = &cp->link[cp->nlinks++];
            pl->lid = mtrk_link_id(l);
            pl->position = mtrk_link_position(l);
            pl->honeypot = mtrk_link_origin_of(l) == MTRK_LINK_HONEYPOT;
        }
        CONF_EXPECT(MTRK_ITEROVER, rc);
        mtrk_link_iter_free(it);
        int any = 0;
        for (int a = 0; a < P_NAUD; a++)
            any |= cp->attached[a] = chance(&pc->r, 60);
        if (!any)
            cp->attached[below(&pc->r, P_NAUD)] = 1;
        for (int a = 0; a < P_NAUD; a++)
            if (cp->attached[a])
                conf_attach(t, cp->id, pc->aud[a]);
        CONF_OK(mtrk_landing_page_create(&pc->lp[k], t, cp->id, "lp", "https://shop.example.com/lp"));
    }
    assert_int_equal(pc->camp[0].nlinks, 4);
    assert_int_equal(pc->camp[1].nlinks, 2);
    assert_int_equal(pc->camp[2].nlinks, 0);
    conf_campaign_to(t, pc->camp[0].id, MTRK_CAMPAIGN_SENDING);
    conf_campaign_to(t, pc->camp[1].id, MTRK_CAMPAIGN_SCHEDULED);

    pc->created_at = conf_clock_now();
    for (int k = 0; k < P_NCAMP; k++) {
        CONF_OK(mtrk_campaign_generate(NULL, t, pc->camp[k].id));
        for (int i = 0; i < pc->nc; i++) {
            p_contact *c = &pc->c[i];
            int in = 0;
            for (int a = 0; a < P_NAUD; a++)
                in |= c->member[a] && pc->camp[k].attached[a];
            if (!in) {
                assert_int_equal(conf_has_msg(t, pc->camp[k].id, c->id), 0);
                continue;
            }
            mtrk_message_info mi = conf_msg_of(t, pc->camp[k].id, c->id);
            p_msg *m = &pc->msg[pc->nmsg];
            m->mid = mi.mid;
            m->camp = k;
            m->contact = i;
            m->state = MTRK_MSG_QUEUED;
            c->msg[k] = pc->nmsg++;
        }
    }

    /* The first campaign's queue: some messages claimed, some of those sent. */
    size_t ncl = 0, canceled = 0, want = (size_t)below(&pc->r, P_MAXC + 1);
    mtrk_id claimed[P_MAXC + 1];
    if (want > 0)
        CONF_OK(mtrk_queue_claim(claimed, &ncl, &canceled, t, pc->camp[0].id, want, 30 * 24 * CONF_HOUR));
    assert_int_equal(canceled, 0);
    for (size_t j = 0; j < ncl; j++) {
        int mi = -1;
        for (int i = 0; i < pc->nmsg; i++)
            if (mtrk_id_compare(pc->msg[i].mid, claimed[j]) == 0)
                mi = i;
        assert_true(mi >= 0);
        pc->msg[mi].state = MTRK_MSG_CLAIMED;
    }
}

/* ------------------------------------------------------- the generator */

/* Picks one of n kinds by weight (weights not all 0). */
static int pick(prng *r, const unsigned *w, int n)
{
    unsigned total = 0;
    for (int i = 0; i < n; i++)
        total += w[i];
    unsigned x = (unsigned)below(r, total);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

enum { K_SENT, K_DELIVERED, K_DEFERRED, K_OPEN, K_CLICK, K_SOFT, K_HARD, K_COMPLAINT, K_UNSUB, K_COUNT };

/*
 * The history: the queue's sends first (recorded while the world is built),
 * then 0–40 events per message of kinds drawn with weights of the message's
 * own (so some messages are all opens, some bounce again and again, most
 * never complain), at random times over 72 hours (some equal to the time of
 * an earlier event of the same contact); arrival order is event time plus a
 * delay (a fifth of them very late), and a tenth of the events with a
 * provider id are repeated later, identically.
 */
static void gen_history(p_case *pc)
{
    prng *r = &pc->r;
    int uniq = 0; /* added to a minute: event times tie only when made to */

    for (int i = 0; i < pc->nmsg; i++) {
        if (pc->msg[i].state != MTRK_MSG_CLAIMED || chance(r, 30))
            continue;
        p_event *e = ev_push(pc);
        e->action = P_MARK_SENT;
        e->msg = i;
        e->type = MTRK_EV_SENT;
        e->at = CONF_T0 + (mtrk_time)below(r, 60) * CONF_MIN + uniq++;
        e->setup = 1;
    }
    size_t nqueue = pc->nev;

    for (int i = 0; i < pc->nmsg; i++) {
        const p_camp *cp = &pc->camp[pc->msg[i].camp];
        static const unsigned levels[] = { 0, 1, 3, 10 };
        unsigned w[K_COUNT];
        for (int k = 0; k < K_COUNT; k++)
            w[k] = levels[below(r, 4)];
        /* the rarer kinds are rarer */
        w[K_HARD] = chance(r, 25) ? 1 : 0;
        w[K_COMPLAINT] = chance(r, 15) ? 1 : 0;
        w[K_UNSUB] = chance(r, 30) ? 1 + (unsigned)below(r, 2) : 0;
        if (cp->nlinks == 0)
            w[K_CLICK] = 0;
        w[K_OPEN] += 1; /* never all zero */
        int n = (int)below(r, P_MAXEV + 1);
        for (int j = 0; j < n; j++) {
            p_event *e = ev_push(pc);
            e->msg = i;
            e->at = P_START + (mtrk_time)below(r, P_WINDOW_MIN) * CONF_MIN + uniq++;
            if (chance(r, 15)) /* the time of an earlier event of the same contact */
                for (int tries = 0; tries < 8 && pc->nev - 1 > nqueue; tries++) {
                    const p_event *o = &pc->ev[nqueue + below(r, pc->nev - 1 - nqueue)];
                    if (pc->msg[o->msg].contact == pc->msg[i].contact) {
                        e->at = o->at;
                        break;
                    }
                }
            e->verdict = MTRK_VERDICT_HUMAN;
            switch (pick(r, w, K_COUNT)) {
            case K_SENT: e->type = MTRK_EV_SENT; break;
            case K_DELIVERED: e->type = MTRK_EV_DELIVERED; break;
            case K_DEFERRED: e->type = MTRK_EV_DEFERRED; break;
            case K_OPEN:
                e->type = MTRK_EV_OPEN;
                e->verdict = chance(r, 35) ? MTRK_VERDICT_MACHINE : MTRK_VERDICT_HUMAN;
                break;
            case K_CLICK:
                e->type = MTRK_EV_CLICK;
                e->link = (int)below(r, (uint64_t)cp->nlinks);
                e->verdict = chance(r, cp->link[e->link].honeypot ? 80 : 30) ? MTRK_VERDICT_MACHINE
                                                                               : MTRK_VERDICT_HUMAN;
                break;
            case K_SOFT:
                e->type = MTRK_EV_BOUNCE;
                e->bounce = MTRK_BOUNCE_SOFT;
                break;
            case K_HARD:
                e->type = MTRK_EV_BOUNCE;
                e->bounce = MTRK_BOUNCE_HARD;
                break;
            case K_COMPLAINT: e->type = MTRK_EV_COMPLAINT; break;
            default:
                e->type = MTRK_EV_UNSUBSCRIBE;
                switch (below(r, 4)) {
                case 0: e->scope = (mtrk_unsub_scope)0; break;
                case 1: e->scope = MTRK_UNSUB_GLOBAL; break;
                case 2: e->scope = MTRK_UNSUB_CAMPAIGN; break;
                default: {
                    /* mostly an audience the message came through */
                    const p_contact *c = &pc->c[pc->msg[i].contact];
                    int via[P_NAUD], nvia = 0;
                    for (int a = 0; a < P_NAUD; a++)
                        if (c->member[a] && cp->attached[a])
                            via[nvia++] = a;
                    e->scope = MTRK_UNSUB_AUDIENCE;
                    e->aud = nvia > 0 && chance(r, 70) ? via[below(r, (uint64_t)nvia)] : (int)below(r, P_NAUD);
                }
                }
                static const mtrk_source sources[] = { (mtrk_source)0, MTRK_SOURCE_LINK, MTRK_SOURCE_ONE_CLICK };
                e->source = sources[below(r, 3)];
            }
            /* a verdict on other types is allowed and changes nothing */
            if (e->type != MTRK_EV_OPEN && e->type != MTRK_EV_CLICK && chance(r, 5))
                e->verdict = MTRK_VERDICT_MACHINE;
            if (chance(r, 85))
                e->key = pc->nkeys++;
            int64_t delay = chance(r, 20) ? (int64_t)below(r, 72 * CONF_HOUR) : (int64_t)below(r, 2 * CONF_HOUR);
            e->sort = (uint64_t)(e->at + delay);
        }
    }

    /* queue operations on the first campaign among the events: marking a
     * message sent (refused unless it is claimed), claims, releases */
    for (int i = 0; i < pc->nmsg; i++) {
        if (pc->msg[i].camp != 0)
            continue;
        int ops = (int)below(r, 3);
        for (int j = 0; j < ops; j++) {
            p_event *e = ev_push(pc);
            e->action = chance(r, 70) ? P_MARK_SENT : P_RELEASE;
            e->msg = i;
            e->type = MTRK_EV_SENT;
            e->at = P_START + (mtrk_time)below(r, P_WINDOW_MIN) * CONF_MIN + uniq++;
            e->sort = (uint64_t)(P_START + (int64_t)below(r, 24 * CONF_HOUR)); /* early: more is queued */
        }
    }
    for (int j = (int)below(r, 4); j > 0 && pc->nmsg > 0; j--) {
        p_event *e = ev_push(pc);
        e->action = P_CLAIM;
        e->cap = 1 + (int)below(r, 4);
        e->sort = (uint64_t)(P_START + (int64_t)below(r, 24 * CONF_HOUR));
    }

    /* arrival order (the setup's sends stay first) */
    size_t n0 = pc->nev;
    for (size_t i = nqueue; i < n0; i++)
        for (size_t j = i; j > nqueue && pc->ev[j - 1].sort > pc->ev[j].sort; j--) {
            p_event tmp = pc->ev[j];
            pc->ev[j] = pc->ev[j - 1];
            pc->ev[j - 1] = tmp;
        }
    /* identical repeats, later in arrival order */
    for (size_t i = nqueue; i < n0; i++) {
        if (pc->ev[i].action != P_EVENT || pc->ev[i].repeat || pc->ev[i].key < 0 || !chance(r, 10))
            continue;
        p_event copy = pc->ev[i];
        size_t at = i + 1 + (size_t)below(r, (uint64_t)(pc->nev - i));
        ev_push(pc);
        memmove(&pc->ev[at + 1], &pc->ev[at], (pc->nev - 1 - at) * sizeof *pc->ev);
        pc->ev[at] = copy;
        pc->ev[at].repeat = 1;
        if (at < n0)
            n0++; /* the originals still to visit moved on */
    }
    pc->key_seen = calloc((size_t)pc->nkeys + 1, 1);
    assert_non_null(pc->key_seen);

    /* leads, between the events: through a mid (of the landing page's
     * campaign, mostly; the recipient's address or a forwarded one), a rid,
     * or neither; captured at times in or out of the attribution window;
     * some repeated (the same lead key) */
    pc->nlead = (int)below(r, P_MAXLEADS + 1);
    for (int n = 0; n < pc->nlead; n++) {
        p_lead *l = &pc->lead[n];
        l->before = nqueue + (size_t)below(r, (uint64_t)(pc->nev - nqueue + 1));
        l->camp = (int)below(r, P_NCAMP);
        l->msg = l->rid = -1;
        l->captured_at = CONF_T0 - 2 * CONF_HOUR + (mtrk_time)below(r, 6 * 24 * CONF_HOUR);
        snprintf(l->key, sizeof l->key, "lead-%d", n);
        snprintf(l->addr, sizeof l->addr, "walkin%d@other.example", n);
        int m = (int)below(r, (uint64_t)pc->nmsg);
        if (pc->nmsg > 0 && chance(r, 60)) {
            if (chance(r, 85)) /* a message of the landing page's campaign, if it has one */
                for (int tries = 0; tries < 20 && pc->msg[m].camp != l->camp; tries++)
                    m = (int)below(r, (uint64_t)pc->nmsg);
            l->msg = m;
            if (chance(r, 70))
                snprintf(l->addr, sizeof l->addr, "%s", pc->c[pc->msg[m].contact].addr);
            else
                snprintf(l->addr, sizeof l->addr, "fw%d@other.example", n);
        }
        if (chance(r, 40)) {
            l->rid = (int)below(r, (uint64_t)pc->nc);
            if (l->msg < 0)
                snprintf(l->addr, sizeof l->addr, "%s", pc->c[l->rid].addr);
        }
    }
    for (int a = 1; a < pc->nlead; a++) /* in capture order */
        for (int b = a; b > 0 && pc->lead[b - 1].before > pc->lead[b].before; b--) {
            p_lead tmp = pc->lead[b];
            pc->lead[b] = pc->lead[b - 1];
            pc->lead[b - 1] = tmp;
        }
    for (int n = 1; n < pc->nlead; n++)
        if (chance(r, 15)) {
            size_t before = pc->lead[n].before;
            pc->lead[n] = pc->lead[below(r, (uint64_t)n)];
            pc->lead[n].before = before;
            pc->lead[n].repeat = 1;
        }
}

/* ------------------------------------------------- the reference fold */

/* Why the contact may not receive campaign k now (docs/rules.md,
 * "Eligibility"), in the rules' order. Hard bounces and complaints also
 * suppress the address; the contact is then inactive, which comes first. */
static mtrk_exclusion ref_exclusion(const p_case *pc, const p_contact *c, int k)
{
    if (c->status != MTRK_CONTACT_ACTIVE)
        return MTRK_EXCL_CONTACT_INACTIVE;
    if (c->global_unsub)
        return MTRK_EXCL_GLOBAL_UNSUB;
    if (c->camp_unsub[k])
        return MTRK_EXCL_CAMPAIGN_UNSUB;
    for (int a = 0; a < P_NAUD; a++)
        if (pc->camp[k].attached[a] && c->member[a] && !c->aud_unsub[a])
            return MTRK_EXCL_NONE;
    return MTRK_EXCL_AUDIENCE_UNSUB;
}

/* Is pc->ev[a] after pc->ev[b] in a history (event time, then arrival)? */
static int later(const p_case *pc, size_t a, size_t b)
{
    return pc->ev[a].at != pc->ev[b].at ? pc->ev[a].at > pc->ev[b].at : a > b;
}

static int is_delivery(mtrk_event_type type)
{
    return type == MTRK_EV_DELIVERED || type == MTRK_EV_OPEN || type == MTRK_EV_CLICK;
}

/*
 * The reference, part 1: what an event decides when it arrives (the parts of
 * the rules that depend on arrival order). pc->ev[i] arrives after
 * pc->ev[0..i-1].
 * - An identical repeat of a stored provider event id changes nothing.
 * - Marking a message sent through the queue is refused unless the message
 *   is claimed; otherwise it is a sent event.
 * - A soft bounce counts as hard when it sits in its contact's run (the soft
 *   bounces, of any campaign, after the contact's last delivery, open or
 *   click by event time, ties by arrival, among the events stored so far and
 *   itself) and the run has reached the threshold. Hard bounces neither
 *   reset nor extend a run; machine opens and clicks reset it. The decision
 *   is final.
 * - The delivery state moves forward only: sent → sent; delivered, open,
 *   click → delivered; a hard bounce → bounced; soft bounces, complaints and
 *   unsubscribes lift a queued or claimed message to sent; bounced and
 *   canceled are terminal.
 * - A hard bounce makes an active contact bounced; a complaint makes it
 *   complained and unsubscribes it globally; an unsubscribe adds its rule;
 *   then the contact's queued or claimed messages that are no longer
 *   eligible are canceled with the first reason.
 */
static void ref_arrive(p_case *pc, size_t i)
{
    p_event *e = &pc->ev[i];
    p_msg *m = &pc->msg[e->msg];
    p_contact *c = &pc->c[m->contact];
    cover.arrived++;
    if (e->action == P_MARK_SENT && m->state != MTRK_MSG_CLAIMED) {
        e->stored = 0; /* refused: only a claimed message can be marked sent */
        return;
    }
    if (e->key >= 0 && pc->key_seen[e->key]) {
        e->stored = 0;
        cover.repeats++;
        return;
    }
    if (e->key >= 0)
        pc->key_seen[e->key] = 1;
    e->stored = 1;

    if (e->type == MTRK_EV_BOUNCE && e->bounce == MTRK_BOUNCE_SOFT) {
        /* positions in the contact's history: (event time, arrival index) */
        size_t last = SIZE_MAX; /* the last delivery, open or click */
        for (size_t j = 0; j < i; j++) {
            const p_event *x = &pc->ev[j];
            if (x->stored && pc->msg[x->msg].contact == m->contact && is_delivery(x->type) &&
                (last == SIZE_MAX || later(pc, j, last)))
                last = j;
        }
        uint32_t run = 0;
        for (size_t j = 0; j <= i; j++) {
            const p_event *x = &pc->ev[j];
            if (x->stored && pc->msg[x->msg].contact == m->contact && x->type == MTRK_EV_BOUNCE &&
                x->bounce == MTRK_BOUNCE_SOFT && (last == SIZE_MAX || later(pc, j, last)))
                run++;
        }
        e->threshold = (last == SIZE_MAX || later(pc, i, last)) && run >= pc->threshold;
        cover.soft++;
        cover.threshold += (uint64_t)e->threshold;
    }
    e->hard = e->type == MTRK_EV_BOUNCE && (e->bounce == MTRK_BOUNCE_HARD || e->threshold);

    int terminal = m->state == MTRK_MSG_BOUNCED || m->state == MTRK_MSG_CANCELED;
    int lifted = m->state == MTRK_MSG_QUEUED || m->state == MTRK_MSG_CLAIMED;
    cover.terminal_kept += (uint64_t)(terminal && (e->hard || is_delivery(e->type)));
    cover.clicks_machine += e->type == MTRK_EV_CLICK && e->verdict == MTRK_VERDICT_MACHINE;
    if (e->hard) {
        if (!terminal)
            m->state = MTRK_MSG_BOUNCED;
    } else if (e->type == MTRK_EV_SENT) {
        if (lifted)
            m->state = MTRK_MSG_SENT;
    } else if (is_delivery(e->type)) {
        if (!terminal)
            m->state = MTRK_MSG_DELIVERED;
    } else if (e->type != MTRK_EV_DEFERRED) {
        if (lifted)
            m->state = MTRK_MSG_SENT;
    }

    int recheck = 1;
    if (e->hard) {
        cover.hard++;
        if (c->status == MTRK_CONTACT_ACTIVE)
            c->status = MTRK_CONTACT_BOUNCED;
        c->suppressed = 1;
    } else if (e->type == MTRK_EV_COMPLAINT) {
        cover.complaints++;
        if (c->status == MTRK_CONTACT_ACTIVE)
            c->status = MTRK_CONTACT_COMPLAINED;
        c->suppressed = 1;
        if (!c->global_unsub)
            c->global_unsub = MTRK_SOURCE_COMPLAINT;
    } else if (e->type == MTRK_EV_UNSUBSCRIBE) {
        cover.unsubs[e->scope]++;
        mtrk_source src = e->source ? e->source : MTRK_SOURCE_LINK;
        mtrk_source *rule = e->scope == MTRK_UNSUB_CAMPAIGN   ? &c->camp_unsub[m->camp]
                          : e->scope == MTRK_UNSUB_AUDIENCE ? &c->aud_unsub[e->aud]
                                                            : &c->global_unsub;
        if (!*rule) /* a rule that exists stays as it is */
            *rule = src;
    } else {
        recheck = 0;
    }
    for (int k = 0; recheck && k < P_NCAMP; k++) {
        p_msg *o = c->msg[k] >= 0 ? &pc->msg[c->msg[k]] : NULL;
        if (o == NULL || (o->state != MTRK_MSG_QUEUED && o->state != MTRK_MSG_CLAIMED))
            continue;
        mtrk_exclusion why = ref_exclusion(pc, c, k);
        if (why != MTRK_EXCL_NONE) {
            o->state = MTRK_MSG_CANCELED;
            o->cancel_reason = why;
            cover.canceled++;
        }
    }
}

/*
 * The reference, part 1 for the queue (docs/rules.md "Campaigns", "Messages";
 * mtrk_queue_claim): a claim takes the first campaign's queued messages in
 * mid order, rechecking each: one no longer eligible is canceled with its
 * reason, the others are claimed, up to cap. Leases never expire here.
 * Writes the mids it claims to out, returns how many; *canceled the number
 * canceled.
 */
static size_t ref_claim(p_case *pc, int cap, mtrk_id *out, size_t *canceled)
{
    size_t n = 0;
    *canceled = 0;
    int done[P_MAXMSG] = { 0 };
    for (;;) { /* the next queued message in mid order */
        int next = -1;
        for (int i = 0; i < pc->nmsg; i++)
            if (!done[i] && pc->msg[i].camp == 0 && pc->msg[i].state == MTRK_MSG_QUEUED &&
                (next < 0 || mtrk_id_compare(pc->msg[i].mid, pc->msg[next].mid) < 0))
                next = i;
        if (next < 0 || n == (size_t)cap)
            return n;
        done[next] = 1;
        p_msg *m = &pc->msg[next];
        mtrk_exclusion why = ref_exclusion(pc, &pc->c[m->contact], 0);
        if (why != MTRK_EXCL_NONE) {
            m->state = MTRK_MSG_CANCELED;
            m->cancel_reason = why;
            ++*canceled;
        } else {
            m->state = MTRK_MSG_CLAIMED;
            out[n++] = m->mid;
        }
    }
}

/* A release returns a claimed message to the queue; refused otherwise. */
static int ref_release(p_case *pc, int msg)
{
    if (pc->msg[msg].state != MTRK_MSG_CLAIMED)
        return MTRK_ESTATE;
    pc->msg[msg].state = MTRK_MSG_QUEUED;
    return MTRK_OK;
}

/*
 * The reference, part 1 for leads (docs/rules.md "Leads"): a lead captured
 * once pc->ev[0..narrived) arrived. A repeated lead key changes nothing. A mid
 * is valid when its message is of the landing page's campaign and the
 * capture is within the window after the message's sent time (its earliest
 * sent event so far, else its creation): the lead is attributed to it, and
 * forwarded when its address is not the recipient's. Else a rid gives the
 * message of (campaign, rid) when there is one. Attributed = with a message.
 */
static void ref_lead(p_case *pc, const p_lead *l, size_t narrived)
{
    if (l->repeat)
        return;
    pc->leads_total[l->camp]++;
    if (l->msg >= 0) {
        const p_msg *m = &pc->msg[l->msg];
        mtrk_time base = 0;
        for (size_t j = 0; j < narrived; j++) {
            const p_event *x = &pc->ev[j];
            if (x->stored && x->msg == l->msg && x->type == MTRK_EV_SENT && (base == 0 || x->at < base))
                base = x->at;
        }
        if (base == 0)
            base = pc->created_at;
        if (m->camp == l->camp && l->captured_at >= base && l->captured_at - base <= pc->window) {
            pc->leads_attributed[l->camp]++;
            pc->leads_forwarded[l->camp] += strcmp(l->addr, pc->c[m->contact].addr) != 0;
            return;
        }
    }
    if (l->rid >= 0 && pc->c[l->rid].msg[l->camp] >= 0)
        pc->leads_attributed[l->camp]++;
}

/* Every figure the API reads, for one case. */
typedef struct p_figures {
    mtrk_metrics camp[P_NCAMP];
    mtrk_link_stats link[P_NCAMP][P_MAXLINKS]; /* as listed: by rank, then position */
    size_t nlinks[P_NCAMP];
    uint64_t hourly[P_NCAMP][P_HOURS * P_NTYPES];
    mtrk_message_info msg[P_MAXMSG];
    mtrk_contact_status status[P_MAXC];
    int suppressed[P_MAXC];
    mtrk_source global_unsub[P_MAXC], camp_unsub[P_MAXC][P_NCAMP], aud_unsub[P_MAXC][P_NAUD];
} p_figures;

static double ratio(uint64_t a, uint64_t b) { return b ? (double)a / (double)b : 0.0; }

static void first_time(mtrk_time *slot, mtrk_time at)
{
    if (*slot == 0 || at < *slot)
        *slot = at;
}

/*
 * The reference, part 2: every figure from the events stored so far (and the
 * states part 1 decided), counted plainly from the definitions of
 * docs/metrics.md.
 */
static void ref_figures(const p_case *pc, size_t narrived, p_figures *f)
{
    memset(f, 0, sizeof *f);
    int opened[P_MAXMSG] = { 0 }, opened_h[P_MAXMSG] = { 0 }, clicked[P_MAXMSG] = { 0 };
    int clicked_h[P_MAXMSG] = { 0 }, sent[P_MAXMSG] = { 0 }, explicit_[P_MAXMSG] = { 0 };
    int hard[P_MAXMSG] = { 0 }, soft[P_MAXMSG] = { 0 }, complained[P_MAXMSG] = { 0 }, unsub[P_MAXMSG] = { 0 };
    int link_any[P_MAXMSG][P_MAXLINKS], link_human[P_MAXMSG][P_MAXLINKS];
    uint64_t link_clicks[P_NCAMP][P_MAXLINKS];
    memset(link_any, 0, sizeof link_any);
    memset(link_human, 0, sizeof link_human);
    memset(link_clicks, 0, sizeof link_clicks);

    for (int i = 0; i < pc->nmsg; i++) {
        mtrk_message_info *mi = &f->msg[i];
        CONF_INIT(*mi, MTRK_MESSAGE_INFO_VERSION);
        mi->mid = pc->msg[i].mid;
        mi->campaign = pc->camp[pc->msg[i].camp].id;
        mi->contact = pc->c[pc->msg[i].contact].id;
        mi->state = pc->msg[i].state;
        mi->cancel_reason = pc->msg[i].cancel_reason;
        mi->created_at = pc->created_at;
    }
    for (int k = 0; k < P_NCAMP; k++) {
        CONF_INIT(f->camp[k], MTRK_METRICS_VERSION);
        f->camp[k].campaign = pc->camp[k].id;
        f->camp[k].leads_total = pc->leads_total[k];
        f->camp[k].leads_attributed = pc->leads_attributed[k];
        f->camp[k].leads_forwarded = pc->leads_forwarded[k];
    }

    for (size_t j = 0; j < narrived; j++) {
        const p_event *e = &pc->ev[j];
        if (!e->stored)
            continue;
        int i = e->msg, k = pc->msg[i].camp;
        mtrk_message_info *mi = &f->msg[i];
        mtrk_metrics *cm = &f->camp[k];
        int human = e->verdict == MTRK_VERDICT_HUMAN;
        if (e->type != MTRK_EV_DEFERRED)
            sent[i] = 1;
        int64_t hour = (e->at - CONF_T0) / CONF_HOUR;
        assert_true(hour >= 0 && hour < P_HOURS);
        f->hourly[k][hour * P_NTYPES + (int)e->type]++;
        switch (e->type) {
        case MTRK_EV_SENT: first_time(&mi->sent_at, e->at); break;
        case MTRK_EV_DELIVERED:
            explicit_[i] = 1;
            first_time(&mi->delivered_at, e->at);
            break;
        case MTRK_EV_OPEN:
            opened[i] = 1;
            opened_h[i] |= human;
            first_time(&mi->first_open_at, e->at);
            mi->opens++;
            cm->opens_total++;
            cm->opens_machine += !human;
            break;
        case MTRK_EV_CLICK:
            clicked[i] = 1;
            clicked_h[i] |= human;
            first_time(&mi->first_click_at, e->at);
            mi->clicks++;
            cm->clicks_total++;
            cm->clicks_machine += !human;
            link_clicks[k][e->link]++;
            link_any[i][e->link] = 1;
            link_human[i][e->link] |= human;
            break;
        case MTRK_EV_BOUNCE:
            if (e->bounce == MTRK_BOUNCE_SOFT) {
                soft[i] = 1;
                mi->soft_bounces++;
            }
            if (e->hard) {
                hard[i] = 1;
                first_time(&mi->bounced_at, e->at);
            }
            break;
        case MTRK_EV_COMPLAINT:
            complained[i] = 1;
            first_time(&mi->first_complaint_at, e->at);
            break;
        case MTRK_EV_UNSUBSCRIBE:
            unsub[i] = 1;
            first_time(&mi->first_unsub_at, e->at);
            break;
        default: break;
        }
    }

    for (int i = 0; i < pc->nmsg; i++) {
        mtrk_metrics *cm = &f->camp[pc->msg[i].camp];
        int delivered = (explicit_[i] || opened[i] || clicked[i]) && !hard[i];
        f->msg[i].delivered = delivered;
        cm->messages++;
        cm->canceled += pc->msg[i].state == MTRK_MSG_CANCELED;
        cm->sent += (uint64_t)sent[i];
        cm->delivered += (uint64_t)delivered;
        cm->delivered_explicit += (uint64_t)(explicit_[i] && !hard[i]);
        cm->bounced_hard += (uint64_t)hard[i];
        cm->bounced_soft += (uint64_t)soft[i];
        cm->complaints += (uint64_t)complained[i];
        cm->unsubscribes += (uint64_t)unsub[i];
        cm->opens_unique += (uint64_t)opened[i];
        cm->opens_unique_human += (uint64_t)opened_h[i];
        cm->opens_inferred += (uint64_t)(clicked[i] && !opened[i]);
        cm->clicks_unique += (uint64_t)clicked[i];
        cm->clicks_unique_human += (uint64_t)clicked_h[i];
    }
    for (int k = 0; k < P_NCAMP; k++) {
        mtrk_metrics *cm = &f->camp[k];
        cm->delivery_rate = ratio(cm->delivered, cm->sent);
        cm->open_rate = ratio(cm->opens_unique, cm->delivered);
        cm->click_rate = ratio(cm->clicks_unique, cm->delivered);
        cm->click_to_open_rate = ratio(cm->clicks_unique, cm->opens_unique);
        cm->bounce_rate = ratio(cm->bounced_hard, cm->sent);
        cm->complaint_rate = ratio(cm->complaints, cm->delivered);
        cm->unsubscribe_rate = ratio(cm->unsubscribes, cm->delivered);
        cm->conversion_rate = ratio(cm->leads_attributed, cm->delivered);

        /* links: unique per message; rank 1 + the number with more unique
         * clicks; listed by rank, then position */
        const p_camp *cp = &pc->camp[k];
        mtrk_link_stats ls[P_MAXLINKS];
        for (int l = 0; l < cp->nlinks; l++) {
            CONF_INIT(ls[l], MTRK_LINK_STATS_VERSION);
            ls[l].lid = cp->link[l].lid;
            ls[l].position = cp->link[l].position;
            ls[l].clicks = link_clicks[k][l];
            for (int i = 0; i < pc->nmsg; i++)
                if (pc->msg[i].camp == k) {
                    ls[l].clicks_unique += (uint64_t)link_any[i][l];
                    ls[l].clicks_unique_human += (uint64_t)link_human[i][l];
                }
        }
        for (int l = 0; l < cp->nlinks; l++) {
            ls[l].rank = 1;
            for (int o = 0; o < cp->nlinks; o++)
                ls[l].rank += ls[o].clicks_unique > ls[l].clicks_unique;
        }
        f->nlinks[k] = (size_t)cp->nlinks;
        for (int n = 0; n < cp->nlinks; n++) { /* selection by (rank, position) */
            int best = -1;
            for (int l = 0; l < cp->nlinks; l++) {
                if (ls[l].version == 0)
                    continue;
                if (best < 0 || ls[l].rank < ls[best].rank ||
                    (ls[l].rank == ls[best].rank && ls[l].position < ls[best].position))
                    best = l;
            }
            f->link[k][n] = ls[best];
            ls[best].version = 0;
        }
    }
    for (int i = 0; i < pc->nc; i++) {
        const p_contact *c = &pc->c[i];
        f->status[i] = c->status;
        f->suppressed[i] = c->suppressed;
        f->global_unsub[i] = c->global_unsub;
        memcpy(f->camp_unsub[i], c->camp_unsub, sizeof c->camp_unsub);
        memcpy(f->aud_unsub[i], c->aud_unsub, sizeof c->aud_unsub);
    }
}

/* ------------------------------------------------ reading the library */

static void lib_figures(const p_case *pc, p_figures *f)
{
    mtrk_tenant *t = pc->t;
    memset(f, 0, sizeof *f);
    for (int k = 0; k < P_NCAMP; k++) {
        f->camp[k] = conf_metrics(t, pc->camp[k].id);
        mtrk_link_stats *p[P_MAXLINKS];
        for (int l = 0; l < P_MAXLINKS; l++) {
            CONF_INIT(f->link[k][l], MTRK_LINK_STATS_VERSION);
            p[l] = &f->link[k][l];
        }
        CONF_OK(mtrk_metrics_links(p, P_MAXLINKS, &f->nlinks[k], t, pc->camp[k].id));
        for (int l = 0; l < P_MAXLINKS; l++)
            f->link[k][l].url = f->link[k][l].label = NULL; /* borrowed */
        size_t hours = 0;
        CONF_OK(mtrk_metrics_hourly(f->hourly[k], P_HOURS * P_NTYPES, P_NTYPES, &hours, t, pc->camp[k].id, CONF_T0,
                                    CONF_T0 + P_HOURS * CONF_HOUR));
        assert_int_equal(hours, P_HOURS);
    }
    for (int i = 0; i < pc->nmsg; i++)
        f->msg[i] = conf_msg(t, pc->msg[i].mid);
    for (int i = 0; i < pc->nc; i++) { /* status, suppression, unsubscribe rules and their sources */
        const p_contact *c = &pc->c[i];
        f->status[i] = conf_contact_status(t, c->id);
        f->suppressed[i] = conf_suppressed(t, c->addr) != 0;
        mtrk_unsub_iter *it = NULL;
        const mtrk_unsub *u;
        int rc;
        CONF_OK(mtrk_unsub_iter_new(&it, t, c->id));
        while ((rc = mtrk_unsub_iter_next(&u, it)) == MTRK_OK) {
            mtrk_id scope_id = mtrk_unsub_scope_id(u);
            mtrk_source src = mtrk_unsub_source(u);
            switch (mtrk_unsub_scope_of(u)) {
            case MTRK_UNSUB_GLOBAL:
                f->global_unsub[i] = mtrk_id_is_nil(scope_id) ? src : (mtrk_source)-1;
                break;
            case MTRK_UNSUB_CAMPAIGN:
                for (int k = 0; k < P_NCAMP; k++)
                    if (mtrk_id_compare(scope_id, pc->camp[k].id) == 0)
                        f->camp_unsub[i][k] = src;
                break;
            case MTRK_UNSUB_AUDIENCE:
                for (int a = 0; a < P_NAUD; a++)
                    if (mtrk_id_compare(scope_id, pc->aud[a]) == 0)
                        f->aud_unsub[i][a] = src;
                break;
            default: f->global_unsub[i] = (mtrk_source)-1; /* no such scope: a difference */
            }
        }
        CONF_EXPECT(MTRK_ITEROVER, rc);
        mtrk_unsub_iter_free(it);
    }
}

/* --------------------------------------------------------- comparing */

static void diff_add(p_diff *d, const char *fmt, ...)
{
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    d->count++;
    if (d->count > 40 || n < 0)
        return;
    size_t need = d->len + (size_t)n + strlen(d->stage) + 8;
    if (need > d->cap) {
        d->cap = need * 2;
        d->text = realloc(d->text, d->cap);
        assert_non_null(d->text);
    }
    d->len += (size_t)sprintf(d->text + d->len, "  %s: %s\n", d->stage, line);
}

#define DIFF_U(what, exp, got, ...)                                                               \
    do {                                                                                          \
        uint64_t e_ = (uint64_t)(exp), g_ = (uint64_t)(got);                                      \
        if (e_ != g_)                                                                             \
            diff_add(d, what ": expected %" PRIu64 ", got %" PRIu64, __VA_ARGS__, e_, g_);        \
    } while (0)
#define DIFF_T(what, exp, got, ...)                                                               \
    do {                                                                                          \
        int64_t e_ = (int64_t)(exp), g_ = (int64_t)(got);                                         \
        if (e_ != g_)                                                                             \
            diff_add(d, what ": expected %" PRId64 ", got %" PRId64, __VA_ARGS__, e_, g_);        \
    } while (0)
#define DIFF_D(what, exp, got, ...)                                                               \
    do {                                                                                          \
        double e_ = (exp), g_ = (got);                                                            \
        if (e_ - g_ > 1e-9 || g_ - e_ > 1e-9)                                                     \
            diff_add(d, what ": expected %.9f, got %.9f", __VA_ARGS__, e_, g_);                   \
    } while (0)

static void compare_figures(const p_case *pc, const p_figures *x, const p_figures *g, p_diff *d)
{
    for (int k = 0; k < P_NCAMP; k++) {
        const mtrk_metrics *e = &x->camp[k], *m = &g->camp[k];
#define CM_U(field) DIFF_U("campaign %d " #field, e->field, m->field, k)
#define CM_D(field) DIFF_D("campaign %d " #field, e->field, m->field, k)
        CM_U(messages);
        CM_U(canceled);
        CM_U(sent);
        CM_U(delivered);
        CM_U(delivered_explicit);
        CM_U(bounced_hard);
        CM_U(bounced_soft);
        CM_U(complaints);
        CM_U(unsubscribes);
        CM_U(opens_total);
        CM_U(opens_unique);
        CM_U(opens_unique_human);
        CM_U(opens_machine);
        CM_U(opens_inferred);
        CM_U(clicks_total);
        CM_U(clicks_unique);
        CM_U(clicks_unique_human);
        CM_U(clicks_machine);
        CM_U(leads_total);
        CM_U(leads_attributed);
        CM_U(leads_forwarded);
        CM_D(delivery_rate);
        CM_D(open_rate);
        CM_D(click_rate);
        CM_D(click_to_open_rate);
        CM_D(bounce_rate);
        CM_D(complaint_rate);
        CM_D(unsubscribe_rate);
        CM_D(conversion_rate);
#undef CM_U
#undef CM_D
        DIFF_U("campaign %d links listed", x->nlinks[k], g->nlinks[k], k);
        char eorder[64] = "", gorder[64] = "";
        for (size_t n = 0; n < x->nlinks[k] && n < P_MAXLINKS; n++)
            snprintf(eorder + strlen(eorder), sizeof eorder - strlen(eorder), " %u", x->link[k][n].position);
        for (size_t n = 0; n < g->nlinks[k] && n < P_MAXLINKS; n++)
            snprintf(gorder + strlen(gorder), sizeof gorder - strlen(gorder), " %u", g->link[k][n].position);
        if (strcmp(eorder, gorder) != 0)
            diff_add(d, "campaign %d links listed by rank, then position: expected positions%s, got%s", k, eorder,
                     gorder);
        for (size_t n = 0; n < x->nlinks[k]; n++) {
            const mtrk_link_stats *el = &x->link[k][n], *gl = NULL;
            for (size_t o = 0; o < g->nlinks[k] && o < P_MAXLINKS; o++)
                if (mtrk_id_compare(el->lid, g->link[k][o].lid) == 0)
                    gl = &g->link[k][o];
            unsigned pos = el->position;
            if (gl == NULL) {
                diff_add(d, "campaign %d link at position %u: not listed", k, pos);
                continue;
            }
            DIFF_U("campaign %d link at position %u clicks", el->clicks, gl->clicks, k, pos);
            DIFF_U("campaign %d link at position %u clicks_unique", el->clicks_unique, gl->clicks_unique, k, pos);
            DIFF_U("campaign %d link at position %u clicks_unique_human", el->clicks_unique_human,
                   gl->clicks_unique_human, k, pos);
            DIFF_U("campaign %d link at position %u rank", el->rank, gl->rank, k, pos);
            DIFF_U("campaign %d link at position %u position", el->position, gl->position, k, pos);
        }
        for (int h = 0; h < P_HOURS; h++)
            for (int ty = 1; ty < P_NTYPES; ty++)
                DIFF_U("campaign %d hour %d %s events", x->hourly[k][h * P_NTYPES + ty],
                       g->hourly[k][h * P_NTYPES + ty], k, h, mtrk_event_type_name((mtrk_event_type)ty));
    }
    for (int i = 0; i < pc->nmsg; i++) {
        const mtrk_message_info *e = &x->msg[i], *m = &g->msg[i];
        int k = pc->msg[i].camp, c = pc->msg[i].contact;
#define MI_T(field) DIFF_T("message %d (campaign %d, contact %d) " #field, e->field, m->field, i, k, c)
        MI_T(state);
        MI_T(created_at);
        MI_T(cancel_reason);
        MI_T(sent_at);
        MI_T(delivered_at);
        MI_T(bounced_at);
        MI_T(first_open_at);
        MI_T(first_click_at);
        MI_T(first_complaint_at);
        MI_T(first_unsub_at);
        MI_T(opens);
        MI_T(clicks);
        MI_T(soft_bounces);
        MI_T(delivered);
#undef MI_T
        if (mtrk_id_compare(e->mid, m->mid) || mtrk_id_compare(e->campaign, m->campaign) ||
            mtrk_id_compare(e->contact, m->contact))
            diff_add(d, "message %d: mid, campaign or contact differ", i);
    }
    for (int i = 0; i < pc->nc; i++) {
        DIFF_T("contact %d status", x->status[i], g->status[i], i);
        DIFF_T("contact %d address suppressed", x->suppressed[i], g->suppressed[i], i);
        DIFF_T("contact %d global unsubscribe (its source)", x->global_unsub[i], g->global_unsub[i], i);
        for (int k = 0; k < P_NCAMP; k++)
            DIFF_T("contact %d unsubscribe from campaign %d (its source)", x->camp_unsub[i][k], g->camp_unsub[i][k],
                   i, k);
        for (int a = 0; a < P_NAUD; a++)
            DIFF_T("contact %d unsubscribe from audience %d (its source)", x->aud_unsub[i][a], g->aud_unsub[i][a],
                   i, a);
    }
}

/* A message's events as listed: event-time order, with each stored event's
 * id and the hard-bounce decision traced on it. */
/* The first event of the call that recorded pc->ev[j] (a batch's events
 * are consecutive in arrival order). */
static size_t call_start(const p_case *pc, size_t j)
{
    int c = pc->ev[j].call;
    while (c != 0 && j > 0 && pc->ev[j - 1].call == c)
        j--;
    return j;
}

/* Is a listed after b? Listings order by event time, then arrival, then
 * event id: events of different calls by arrival; a batch's events, which
 * arrive together, by the ids it gave them. */
static int listed_after(const p_case *pc, const p_event *a, const p_event *b)
{
    if (a->at != b->at)
        return a->at > b->at;
    size_t ca = call_start(pc, (size_t)(a - pc->ev)), cb = call_start(pc, (size_t)(b - pc->ev));
    if (ca != cb)
        return ca > cb;
    return mtrk_id_compare(a->event_id, b->event_id) > 0;
}

static void compare_events(const p_case *pc, size_t narrived, p_diff *d)
{
    for (int i = 0; i < pc->nmsg; i++) {
        const p_event *exp[P_MAXEV + P_MAXC + 8];
        size_t n = 0;
        for (size_t j = 0; j < narrived; j++)
            if (pc->ev[j].stored && pc->ev[j].msg == i) {
                assert_true(n < sizeof exp / sizeof exp[0]);
                size_t p = n++;
                for (; p > 0 && listed_after(pc, exp[p - 1], &pc->ev[j]); p--)
                    exp[p] = exp[p - 1];
                exp[p] = &pc->ev[j];
            }
        mtrk_event_iter *it = NULL;
        CONF_OK(mtrk_event_iter_message(&it, pc->t, pc->msg[i].mid));
        mtrk_event_info info;
        size_t got = 0;
        int rc;
        for (;;) {
            CONF_INIT(info, MTRK_EVENT_INFO_VERSION);
            if ((rc = mtrk_event_iter_next(&info, it)) != MTRK_OK)
                break;
            if (got < n) {
                const p_event *e = exp[got];
                uint32_t want =
                    (e->hard ? MTRK_EFFECT_HARD_BOUNCE : 0) | (e->threshold ? MTRK_EFFECT_SOFT_THRESHOLD : 0);
                if (info.type != e->type || info.occurred_at != e->at ||
                    (!mtrk_id_is_nil(e->event_id) && mtrk_id_compare(info.id, e->event_id) != 0))
                    diff_add(d, "message %d event %zu: expected %s at %" PRId64 ", got %s at %" PRId64, i, got,
                             mtrk_event_type_name(e->type), e->at, mtrk_event_type_name(info.type),
                             info.occurred_at);
                else if ((info.effects & (MTRK_EFFECT_HARD_BOUNCE | MTRK_EFFECT_SOFT_THRESHOLD)) != want)
                    diff_add(d, "message %d event %zu (%s at %" PRId64 ") effects: expected hard %d threshold %d, "
                             "got 0x%x", i, got, mtrk_event_type_name(e->type), e->at, e->hard, e->threshold,
                             info.effects);
            }
            got++;
        }
        CONF_EXPECT(MTRK_ITEROVER, rc);
        mtrk_event_iter_free(it);
        DIFF_U("message %d events listed", n, got, i);
    }
}

/* The stored events of pc->ev[0..narrived) of campaign `camp` (-1: any)
 * and contact `contact` (-1: any), of `type` (0: any), occurred in [lo, hi)
 * (hi 0: no bound), in event-time order (listed_after). Returns how many
 * (exp has pc->nev). */
static size_t expected_listing(const p_case *pc, size_t narrived, int camp, int contact, mtrk_event_type type,
                               mtrk_time lo, mtrk_time hi, const p_event **exp)
{
    size_t n = 0;
    for (size_t j = 0; j < narrived; j++) {
        const p_event *e = &pc->ev[j];
        const p_msg *m = &pc->msg[e->msg];
        if (!e->stored || (camp >= 0 && m->camp != camp) || (contact >= 0 && m->contact != contact) ||
            (type && e->type != type) || e->at < lo || (hi > 0 && e->at >= hi))
            continue;
        size_t p = n++;
        for (; p > 0 && listed_after(pc, exp[p - 1], e); p--)
            exp[p] = exp[p - 1];
        exp[p] = e;
    }
    return n;
}

/* Does the listing `it` give exp[from..n), in that order? */
static void compare_listing(p_diff *d, const char *what, int which, mtrk_event_iter *it, const p_event *const *exp,
                            size_t from, size_t n)
{
    mtrk_event_info info;
    size_t got = from;
    int rc;
    for (;;) {
        CONF_INIT(info, MTRK_EVENT_INFO_VERSION);
        if ((rc = mtrk_event_iter_next(&info, it)) != MTRK_OK)
            break;
        if (got < n) {
            const p_event *e = exp[got];
            if (info.type != e->type || info.occurred_at != e->at ||
                (!mtrk_id_is_nil(e->event_id) && mtrk_id_compare(info.id, e->event_id) != 0))
                diff_add(d, "%s %d listing, event %zu: expected %s at %" PRId64 ", got %s at %" PRId64, what, which,
                         got, mtrk_event_type_name(e->type), e->at, mtrk_event_type_name(info.type), info.occurred_at);
        }
        got++;
    }
    CONF_EXPECT(MTRK_ITEROVER, rc);
    DIFF_U("%s %d events listed", n, got, what, which);
}

/* The campaign and contact listings against the plain expectation: every
 * campaign's events, from the start and from a cursor halfway, its opens,
 * and those of a time window; every contact's events. */
static void compare_listings(const p_case *pc, size_t narrived, p_diff *d)
{
    const p_event **exp = malloc((pc->nev + 1) * sizeof *exp);
    assert_non_null(exp);
    mtrk_event_iter *it = NULL;
    for (int c = 0; c < P_NCAMP; c++) {
        size_t n = expected_listing(pc, narrived, c, -1, 0, 0, 0, exp);
        CONF_OK(mtrk_event_iter_campaign(&it, pc->t, pc->camp[c].id, 0, 0, 0));
        compare_listing(d, "campaign", c, it, exp, 0, n);
        mtrk_event_iter_free(it);
        if (n >= 2) {
            uint8_t cur[MTRK_CURSOR_SIZE];
            mtrk_event_info info;
            CONF_OK(mtrk_event_iter_campaign(&it, pc->t, pc->camp[c].id, 0, 0, 0));
            for (size_t k = 0; k < n / 2; k++) {
                CONF_INIT(info, MTRK_EVENT_INFO_VERSION);
                CONF_OK(mtrk_event_iter_next(&info, it));
            }
            CONF_OK(mtrk_event_iter_cursor(cur, it));
            mtrk_event_iter_free(it);
            CONF_OK(mtrk_event_iter_campaign(&it, pc->t, pc->camp[c].id, 0, 0, 0));
            CONF_OK(mtrk_event_iter_seek(it, cur));
            compare_listing(d, "campaign (from a cursor)", c, it, exp, n / 2, n);
            mtrk_event_iter_free(it);
        }
        mtrk_time lo = n >= 3 ? exp[n / 3]->at : 0, hi = n >= 3 ? exp[2 * n / 3]->at : 0;
        if (lo > 0 && hi > lo) {
            size_t nw = expected_listing(pc, narrived, c, -1, 0, lo, hi, exp);
            CONF_OK(mtrk_event_iter_campaign(&it, pc->t, pc->camp[c].id, 0, lo, hi));
            compare_listing(d, "campaign (a time window)", c, it, exp, 0, nw);
            mtrk_event_iter_free(it);
        }
        size_t no = expected_listing(pc, narrived, c, -1, MTRK_EV_OPEN, 0, 0, exp);
        CONF_OK(mtrk_event_iter_campaign(&it, pc->t, pc->camp[c].id, MTRK_EV_OPEN, 0, 0));
        compare_listing(d, "campaign (opens)", c, it, exp, 0, no);
        mtrk_event_iter_free(it);
    }
    for (int k = 0; k < pc->nc; k++) {
        size_t n = expected_listing(pc, narrived, -1, k, 0, 0, 0, exp);
        CONF_OK(mtrk_event_iter_contact(&it, pc->t, pc->c[k].id));
        compare_listing(d, "contact", k, it, exp, 0, n);
        mtrk_event_iter_free(it);
    }
    free(exp);
}

/* ------------------------------------------------------ the recording */

static void fill_input(const p_case *pc, const p_event *e, mtrk_event_input *in, char *idbuf, size_t idsize)
{
    const p_msg *m = &pc->msg[e->msg];
    conf_ev_init(in, e->type, m->mid, e->at);
    in->verdict = e->verdict;
    if (e->verdict == MTRK_VERDICT_MACHINE)
        in->verdict_reason = "property";
    in->bounce_kind = e->bounce;
    if (e->type == MTRK_EV_CLICK)
        in->lid = pc->camp[m->camp].link[e->link].lid;
    if (e->type == MTRK_EV_UNSUBSCRIBE) {
        in->unsub_scope = e->scope;
        if (e->scope == MTRK_UNSUB_AUDIENCE)
            in->unsub_audience = pc->aud[e->aud];
        in->unsub_source = e->source;
    }
    if (e->key >= 0) {
        snprintf(idbuf, idsize, "p-%d", e->key);
        in->provider = "prop";
        in->provider_event_id = idbuf;
    }
}

/* The id the library gave the first stored event with this key. */
static mtrk_id first_id(const p_case *pc, size_t upto, int key)
{
    for (size_t j = 0; j < upto; j++)
        if (pc->ev[j].stored && pc->ev[j].key == key)
            return pc->ev[j].event_id;
    mtrk_id nil;
    memset(&nil, 0, sizeof nil);
    return nil;
}

/* An event's outcome against the reference's (a repeat: a duplicate naming
 * the first event). */
static void check_outcome(p_case *pc, size_t i, const mtrk_event_outcome *oc)
{
    p_event *e = &pc->ev[i];
    p_diff *d = &pc->calls;
    if (oc->status != MTRK_OK)
        diff_add(d, "step %zu (%s): refused: %d %s", i, mtrk_event_type_name(e->type), oc->status,
                 mtrk_last_errmsg());
    else if (oc->duplicate != !e->stored)
        diff_add(d, "step %zu (%s, id p-%d): duplicate %d, expected %d", i, mtrk_event_type_name(e->type), e->key,
                 oc->duplicate, !e->stored);
    if (e->stored) {
        e->event_id = oc->event_id;
    } else {
        mtrk_id first = first_id(pc, i, e->key);
        if (oc->status == MTRK_OK && mtrk_id_compare(first, oc->event_id) != 0)
            diff_add(d, "step %zu: a repeat's outcome names another event", i);
        e->event_id = first;
    }
}

/* A queue operation, alone, and its result against the reference's. */
static void play_queue_op(p_case *pc, size_t i)
{
    p_event *e = &pc->ev[i];
    p_diff *d = &pc->calls;
    e->arrived = conf_clock_now();
    if (e->action == P_MARK_SENT) {
        ref_arrive(pc, i);
        int rc = mtrk_queue_mark_sent(pc->t, pc->msg[e->msg].mid, e->at, "prop", NULL);
        if (rc != (e->stored ? MTRK_OK : MTRK_ESTATE))
            diff_add(d, "step %zu: marking message %d sent returned %d (%s), expected %d", i, e->msg, rc,
                     mtrk_last_errmsg(), e->stored ? MTRK_OK : MTRK_ESTATE);
        cover.marked_sent += (uint64_t)e->stored;
    } else if (e->action == P_RELEASE) {
        int want = ref_release(pc, e->msg), rc = mtrk_queue_release(pc->t, pc->msg[e->msg].mid);
        if (rc != want)
            diff_add(d, "step %zu: releasing message %d returned %d (%s), expected %d", i, e->msg, rc,
                     mtrk_last_errmsg(), want);
        cover.released += want == MTRK_OK;
    } else {
        mtrk_id want[P_MAXMSG], got[P_MAXMSG];
        size_t nwant, ngot = 0, cwant, cgot = 0;
        nwant = ref_claim(pc, e->cap, want, &cwant);
        CONF_OK(mtrk_queue_claim(got, &ngot, &cgot, pc->t, pc->camp[0].id, (size_t)e->cap, 30 * 24 * CONF_HOUR));
        int same = ngot == nwant && cgot == cwant;
        for (size_t j = 0; same && j < ngot; j++)
            same = mtrk_id_compare(got[j], want[j]) == 0;
        if (!same)
            diff_add(d, "step %zu: a claim of %d claimed %zu and canceled %zu, expected %zu and %zu (or other mids)", i,
                     e->cap, ngot, cgot, nwant, cwant);
        cover.claimed += nwant;
    }
}

static size_t check_case(p_case *pc, size_t narrived, const char *when, int rebuild);

/* Captures the leads due once pc->ev[0..narrived) arrived. */
static void capture_leads(p_case *pc, size_t narrived)
{
    for (; pc->nextlead < pc->nlead && pc->lead[pc->nextlead].before <= narrived; pc->nextlead++) {
        const p_lead *l = &pc->lead[pc->nextlead];
        mtrk_lead_input li;
        CONF_INIT(li, MTRK_LEAD_INPUT_VERSION);
        li.landing_page = pc->lp[l->camp];
        li.lead_key = l->key;
        li.address = l->addr;
        if (l->msg >= 0)
            li.mid = pc->msg[l->msg].mid;
        if (l->rid >= 0)
            li.rid = pc->c[l->rid].id;
        li.captured_at = l->captured_at;
        int dup = -1;
        CONF_OK(mtrk_lead_capture(NULL, &dup, pc->t, &li));
        if (dup != l->repeat)
            diff_add(&pc->calls, "lead %s: duplicate %d, expected %d", l->key, dup, l->repeat);
        ref_lead(pc, l, narrived);
        cover.leads++;
    }
}

/* Records pc->ev[from, to) in random chunks, each one event at a time or one
 * batch, the clock moving between chunks; the reference follows each event. */
static void play(p_case *pc, size_t from, size_t to)
{
    enum { CHUNK = 16 };
    prng *r = &pc->play;
    mtrk_event_input in[CHUNK];
    const mtrk_event_input *pin[CHUNK];
    mtrk_event_outcome oc[CHUNK];
    mtrk_event_outcome *poc[CHUNK];
    char ids[CHUNK][24];
    for (size_t base = from; base < to;) {
        capture_leads(pc, base);
        if (pc->ev[base].action != P_EVENT) {
            play_queue_op(pc, base++);
            conf_clock_advance(1 + (int64_t)below(r, 10 * CONF_MIN));
            continue;
        }
        size_t n = 1 + (size_t)below(r, CHUNK);
        if (n > to - base)
            n = to - base;
        for (size_t j = 1; j < n; j++)
            if (pc->ev[base + j].action != P_EVENT)
                n = j; /* a queue operation goes alone */
        int batch = chance(r, 50);
        size_t expect_recorded = 0, recorded = 0;
        for (size_t j = 0; j < n; j++) {
            fill_input(pc, &pc->ev[base + j], &in[j], ids[j], sizeof ids[j]);
            CONF_INIT(oc[j], MTRK_EVENT_OUTCOME_VERSION);
            pin[j] = &in[j];
            poc[j] = &oc[j];
            ref_arrive(pc, base + j);
            expect_recorded += (size_t)pc->ev[base + j].stored;
        }
        if (batch) {
            cover.batches++;
            cover.sliced += pc->slice > 0 && n > pc->slice;
            for (size_t j = 0; j < n; j++)
                pc->ev[base + j].call = (int)cover.batches;
            CONF_OK(mtrk_event_record_batch(&recorded, poc, pc->t, pin, n));
            if (recorded != expect_recorded)
                diff_add(&pc->calls, "steps %zu..%zu: a batch recorded %zu events, expected %zu", base, base + n - 1,
                         recorded, expect_recorded);
            for (size_t j = 0; j < n; j++) {
                pc->ev[base + j].arrived = conf_clock_now();
                check_outcome(pc, base + j, &oc[j]);
            }
        } else {
            for (size_t j = 0; j < n; j++) {
                cover.singles++;
                int rc = mtrk_event_record(&oc[j], pc->t, &in[j]);
                if (rc != MTRK_OK)
                    oc[j].status = rc;
                pc->ev[base + j].arrived = conf_clock_now();
                check_outcome(pc, base + j, &oc[j]);
                conf_clock_advance((int64_t)below(r, 1000));
            }
        }
        conf_clock_advance(1 + (int64_t)below(r, 10 * CONF_MIN));
        base += n;
        if (chance(r, 3)) { /* now and then, the incremental figures between two calls */
            pc->differ += check_case(pc, base, "between two calls", 0);
            cover.checks++;
        }
    }
    capture_leads(pc, to);
}

static void dump_time(char *out, size_t size, mtrk_time at)
{
    int64_t ms = at - CONF_T0;
    const char *sign = ms < 0 ? "-" : "+";
    if (ms < 0)
        ms = -ms;
    snprintf(out, size, "T0%s%" PRId64 "h%02" PRId64 "m%02" PRId64 ".%03" PRId64 "s", sign, ms / CONF_HOUR,
             ms / CONF_MIN % 60, ms / 1000 % 60, ms % 1000);
}

/* The history as recorded, for a person reproducing a failure. */
static void dump_history(const p_case *pc, size_t narrived)
{
    static const char *const scopes[] = { "default", "global", "campaign", "audience" };
    fprintf(stderr, "history of seed 0x%016" PRIx64 " (soft-bounce threshold %u), in arrival order "
                    "(T0 = 2026-01-01T00:00:00Z; messages created at T0-1h):\n", pc->seed, pc->threshold);
    int l = 0;
    for (size_t j = 0; j <= narrived; j++) {
        if (j == pc->half)
            fprintf(stderr, "        (figures checked, then mtrk_metrics_rebuild)\n");
        for (; l < pc->nlead && pc->lead[l].before == j; l++) {
            const p_lead *ld = &pc->lead[l];
            char at[48];
            dump_time(at, sizeof at, ld->captured_at);
            fprintf(stderr, "        lead %s on campaign %d's landing page, captured at %s, address %s, mid %d, "
                            "rid %d%s\n", ld->key, ld->camp, at, ld->addr, ld->msg, ld->rid,
                    ld->repeat ? " (a repeated key)" : "");
        }
        if (j == narrived)
            break;
        const p_event *e = &pc->ev[j];
        const p_msg *m = &pc->msg[e->msg];
        char at[48], what[96] = "";
        dump_time(at, sizeof at, e->at);
        if (e->action == P_CLAIM) {
            fprintf(stderr, "  %4zu  mtrk_queue_claim of campaign 0, cap %d\n", j, e->cap);
            continue;
        }
        if (e->action == P_RELEASE) {
            fprintf(stderr, "  %4zu  message %d (campaign 0, contact %d): mtrk_queue_release\n", j, e->msg, m->contact);
            continue;
        }
        if (e->type == MTRK_EV_CLICK)
            snprintf(what, sizeof what, " link at position %u%s", pc->camp[m->camp].link[e->link].position,
                     pc->camp[m->camp].link[e->link].honeypot ? " (honeypot)" : "");
        else if (e->type == MTRK_EV_BOUNCE)
            snprintf(what, sizeof what, " %s%s", e->bounce == MTRK_BOUNCE_HARD ? "hard" : "soft",
                     e->threshold ? " (reaches the threshold)" : "");
        else if (e->type == MTRK_EV_UNSUBSCRIBE)
            snprintf(what, sizeof what, " scope %s%s%.0d source %d", scopes[e->scope],
                     e->scope == MTRK_UNSUB_AUDIENCE ? " " : "", e->scope == MTRK_UNSUB_AUDIENCE ? e->aud : 0,
                     (int)e->source);
        char key[24] = "no provider id", call[24] = "alone";
        if (e->key >= 0)
            snprintf(key, sizeof key, "id p-%d", e->key);
        if (e->call)
            snprintf(call, sizeof call, "in batch %d", e->call);
        fprintf(stderr, "  %4zu  message %d (campaign %d, contact %d): %s%s%s at %s, %s, %s%s\n", j, e->msg,
                m->camp, m->contact, mtrk_event_type_name(e->type), what,
                e->verdict == MTRK_VERDICT_MACHINE ? " (machine)" : "", at, key,
                e->action == P_MARK_SENT ? "mtrk_queue_mark_sent" : call,
                e->stored                    ? ""
                : e->action == P_MARK_SENT ? ", refused (not claimed)"
                                             : ", a repeat: duplicate");
    }
}

/* Incremental figures == reference; if `rebuild`, after a rebuild, again.
 * Prints what differs; returns the number of figures that differ. */
static size_t check_case(p_case *pc, size_t narrived, const char *when, int rebuild)
{
    p_figures *ref = malloc(sizeof *ref), *got = malloc(sizeof *got);
    assert_non_null(ref);
    assert_non_null(got);
    ref_figures(pc, narrived, ref);
    p_diff d = pc->calls; /* the calls' differences so far come first */
    memset(&pc->calls, 0, sizeof pc->calls);
    pc->calls.stage = "calls";
    d.stage = "incremental";
    lib_figures(pc, got);
    compare_figures(pc, ref, got, &d);
    compare_events(pc, narrived, &d);
    compare_listings(pc, narrived, &d);
    if (rebuild) {
        CONF_OK(mtrk_metrics_rebuild(pc->t));
        d.stage = "rebuilt";
        lib_figures(pc, got);
        compare_figures(pc, ref, got, &d);
    }
    free(ref);
    free(got);
    if (d.count > 0 && !pc->quiet) {
        const char *dump = getenv("MTRK_TEST_DUMP");
        if (dump != NULL && *dump == '1')
            dump_history(pc, narrived);
        fprintf(stderr,
                "property: seed 0x%016" PRIx64 " (%s, %zu events arrived): %zu figures differ from the reference "
                "(rerun this case alone: MTRK_TEST_SEED=0x%016" PRIx64 " MTRK_TEST_CASES=1 conformance %s property; "
                "MTRK_TEST_DUMP=1 prints its history):\n%s%s",
                pc->seed, when, narrived, d.count, pc->seed, conf_backend, d.text ? d.text : "",
                d.count > 40 ? "  ...\n" : "");
    }
    free(d.text);
    return d.count;
}

/* Keeps the events of pc->ev that keep[] names (by their index when
 * generated; the setup's sends always stay), and the leads if keep_leads,
 * each still captured after the same events. For shrinking a failing case. */
static void keep_only(p_case *pc, const unsigned char *keep, int keep_leads)
{
    size_t n = 0, *newpos = calloc(pc->nev + 1, sizeof *newpos);
    assert_non_null(newpos);
    for (size_t i = 0; i < pc->nev; i++) {
        newpos[i] = n;
        if (pc->ev[i].setup || keep[i])
            pc->ev[n++] = pc->ev[i];
    }
    newpos[pc->nev] = n;
    pc->nev = n;
    if (!keep_leads)
        pc->nlead = 0;
    for (int l = 0; l < pc->nlead; l++)
        pc->lead[l].before = newpos[pc->lead[l].before];
    free(newpos);
}

/*
 * Runs one case: builds its world and history from the seed (keeping only
 * what keep[] names, when not NULL), records it and compares the figures
 * with the reference. Returns the number of figures that differ; *out_nev
 * (if not NULL) receives the number of events generated.
 */
static size_t run_case(const conf_fixture *fx, uint64_t seed, const unsigned char *keep, int keep_leads, int quiet,
                       size_t *out_nev)
{
    p_case *pc = calloc(1, sizeof *pc);
    assert_non_null(pc);
    pc->seed = seed;
    pc->r.s = seed;
    pc->play.s = seed ^ UINT64_C(0x5bd1e9955bd1e995);
    pc->quiet = quiet;
    pc->calls.stage = "calls";
    conf_clock_set(CONF_T0 - CONF_HOUR);
    build_world(pc, fx);
    gen_history(pc);
    int halfway = chance(&pc->r, 50);
    if (out_nev)
        *out_nev = pc->nev;
    if (keep)
        keep_only(pc, keep, keep_leads);

    /* the setup's sends, at their times */
    size_t nq = 0;
    conf_clock_set(CONF_T0 + 2 * CONF_HOUR);
    while (nq < pc->nev && pc->ev[nq].setup) {
        p_event *e = &pc->ev[nq];
        CONF_OK(mtrk_queue_mark_sent(pc->t, pc->msg[e->msg].mid, e->at, "prop", NULL));
        ref_arrive(pc, nq);
        e->arrived = conf_clock_now();
        conf_clock_advance(1);
        nq++;
    }
    /* the rest arrives later, while the clock moves */
    conf_clock_set(P_START + 4 * 24 * CONF_HOUR);
    size_t differ = 0;
    pc->half = SIZE_MAX;
    /* The batch's slices (docs/decisions.md §50), from the seed: the
     * library's own size (larger than any batch here) or 1, 2, 3 or 5
     * events, so that most batches span several slices. */
    static const unsigned slices[5] = { 0, 1, 2, 3, 5 };
    pc->slice = slices[seed % 5];
    char slice_text[16];
    snprintf(slice_text, sizeof slice_text, "%u", pc->slice);
    if (pc->slice > 0)
        assert_int_equal(setenv("MTRK_TEST_EVENT_SLICE", slice_text, 1), 0);
    if (halfway) {
        size_t half = pc->half = nq + (pc->nev - nq) / 2;
        play(pc, nq, half);
        differ += check_case(pc, half, "halfway, then rebuilt", 1);
        cover.rebuilt_halfway++;
        play(pc, half, pc->nev);
    } else {
        play(pc, nq, pc->nev);
    }
    differ += check_case(pc, pc->nev, "at the end", 1);
    differ += pc->differ;
    assert_int_equal(unsetenv("MTRK_TEST_EVENT_SLICE"), 0);

    mtrk_tenant_close(pc->t);
    free(pc->key_seen);
    free(pc->ev);
    free(pc);
    return differ;
}

/*
 * Shrinks a failing case: removes the leads, then windows of events (halving
 * their size down to one event) as long as the case still fails, and prints
 * the smallest history found with its differences. Each try is a fresh
 * tenant; fast enough on the memory backend.
 */
static void shrink(const conf_fixture *fx, uint64_t seed)
{
    size_t n = 0;
    run_case(fx, seed, NULL, 1, 1, &n);
    unsigned char *keep = malloc(n + 1), *saved = malloc(n + 1);
    assert_non_null(keep);
    assert_non_null(saved);
    memset(keep, 1, n + 1);
    int leads = run_case(fx, seed, keep, 0, 1, NULL) == 0;
    size_t tries = 1;
    for (size_t size = n / 2 ? n / 2 : 1;; size /= 2) {
        for (size_t start = 0; start < n; start += size) {
            size_t end = start + size < n ? start + size : n, removed = 0;
            memcpy(saved, keep + start, end - start);
            for (size_t i = start; i < end; i++) {
                removed += keep[i];
                keep[i] = 0;
            }
            if (removed == 0)
                continue;
            tries++;
            if (run_case(fx, seed, keep, leads, 1, NULL) == 0)
                memcpy(keep + start, saved, end - start); /* needed: put back */
        }
        if (size == 1)
            break;
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        kept += keep[i];
    fprintf(stderr, "property: seed 0x%016" PRIx64 " shrunk in %zu tries to %zu of its %zu events%s "
                    "(and the setup's sends):\n", seed, tries, kept, n, leads ? " and its leads" : "");
    setenv("MTRK_TEST_DUMP", "1", 1);
    run_case(fx, seed, keep, leads, 0, NULL);
    free(keep);
    free(saved);
}

static uint64_t env_u64(const char *name, uint64_t dflt)
{
    const char *s = getenv(name);
    if (s == NULL || *s == '\0')
        return dflt;
    char *end = NULL;
    unsigned long long v = strtoull(s, &end, 0);
    if (end == s || *end != '\0') {
        fprintf(stderr, "property: %s=\"%s\" is not a number; using %" PRIu64 "\n", name, s, dflt);
        return dflt;
    }
    return (uint64_t)v;
}

/* The property, over MTRK_TEST_CASES random cases. */
static void test_property_incremental_rebuild_reference(void **state)
{
    const conf_fixture *fx = *state;
    const char *level = getenv("MTRK_TEST_LEVEL");
    int full = level != NULL && strcmp(level, "full") == 0;
    uint64_t seed = env_u64("MTRK_TEST_SEED", P_DEFAULT_SEED);
    int in_memory = strcmp(conf_backend, "memory") == 0 || strcmp(conf_backend, "rows") == 0 ||
                    strncmp(conf_backend, "dlopen:", 7) == 0; /* tests/outoftree keeps rows in memory */
    uint64_t cases = env_u64("MTRK_TEST_CASES", full ? 200 : in_memory ? 60 : 12);
    uint64_t failed = 0, first = 0;
    memset(&cover, 0, sizeof cover);
    for (uint64_t i = 0; i < cases; i++) {
        cover.cases++;
        if (run_case(fx, seed + i, NULL, 1, 0, NULL) > 0 && failed++ == 0)
            first = seed + i;
    }
    printf("property: %" PRIu64 " cases from seed 0x%016" PRIx64 " (%" PRIu64 " rebuilt halfway, %" PRIu64
           " checked between calls too): %" PRIu64
           " events arrived, %" PRIu64 " identical repeats, %" PRIu64 " batch calls (%" PRIu64
           " in more than one slice), %" PRIu64 " single calls; %" PRIu64 " machine clicks, %" PRIu64 " soft bounces (%" PRIu64
           " reaching the threshold), %" PRIu64 " hard bounces, %" PRIu64 " complaints, unsubscribes %" PRIu64
           " default / %" PRIu64 " global / %" PRIu64 " campaign / %" PRIu64 " audience, %" PRIu64
           " messages canceled, %" PRIu64 " states kept by a terminal message, %" PRIu64 " leads; queue: %" PRIu64
           " claimed, %" PRIu64 " released, %" PRIu64 " marked sent\n",
           cover.cases, seed, cover.rebuilt_halfway, cover.checks, cover.arrived, cover.repeats, cover.batches,
           cover.sliced, cover.singles, cover.clicks_machine, cover.soft, cover.threshold, cover.hard, cover.complaints, cover.unsubs[0],
           cover.unsubs[MTRK_UNSUB_GLOBAL], cover.unsubs[MTRK_UNSUB_CAMPAIGN], cover.unsubs[MTRK_UNSUB_AUDIENCE],
           cover.canceled, cover.terminal_kept, cover.leads, cover.claimed, cover.released, cover.marked_sent);
#ifndef NDEBUG
    /* A build with assertions reads MTRK_TEST_EVENT_SLICE: batches met slices. */
    if (cases >= 5)
        assert_true(cover.sliced > 0);
#endif
    if (failed > 0) {
        const char *sh = getenv("MTRK_TEST_SHRINK");
        if (sh != NULL && *sh == '1')
            shrink(fx, first);
        fail_msg("%" PRIu64 " of %" PRIu64 " cases differ from the reference (printed above); the first: "
                 "MTRK_TEST_SEED=0x%016" PRIx64 " MTRK_TEST_CASES=1 (MTRK_TEST_SHRINK=1: its smallest failing "
                 "history)",
                 failed, cases, first);
    }
}

/* ------------------------------------------- two histories by hand */

/* A campaign with one link and one message (freed helpers: nothing leaks
 * when an assertion fails). */
static void one_message(mtrk_tenant *t, const char *prefix, mtrk_id *campaign, mtrk_id *mid, mtrk_id *lid)
{
    conf_scn s;
    conf_scn_build(&s, t, prefix, 1, 1, 0);
    *campaign = s.campaign;
    *mid = s.mids[0];
    *lid = s.lids[0];
    conf_scn_free(&s);
}

typedef struct link_counts {
    uint64_t clicks, unique, unique_human, campaign_unique;
} link_counts;

static link_counts read_link(mtrk_tenant *t, mtrk_id campaign, mtrk_id lid)
{
    mtrk_link_stats st;
    mtrk_link_stats *p = &st;
    size_t n = 0;
    CONF_INIT(st, MTRK_LINK_STATS_VERSION);
    CONF_OK(mtrk_metrics_links(&p, 1, &n, t, campaign));
    assert_int_equal(n, 1);
    CONF_ID_EQ(st.lid, lid);
    link_counts c = { st.clicks, st.clicks_unique, st.clicks_unique_human, conf_metrics(t, campaign).clicks_unique };
    return c;
}

/* Two human clicks on the link from one message: clicks 2, unique 1, unique
 * human 1, and the campaign's unique clicks 1, before and after a rebuild. */
static void expect_one_unique(mtrk_tenant *t, mtrk_id campaign, mtrk_id lid)
{
    link_counts inc = read_link(t, campaign, lid);
    CONF_OK(mtrk_metrics_rebuild(t));
    link_counts reb = read_link(t, campaign, lid);
    const link_counts *v[2] = { &inc, &reb };
    for (int i = 0; i < 2; i++)
        if (v[i]->clicks != 2 || v[i]->unique != 1 || v[i]->unique_human != 1 || v[i]->campaign_unique != 1)
            fail_msg("link clicks / unique / unique human / campaign unique: incremental %" PRIu64 " / %" PRIu64
                     " / %" PRIu64 " / %" PRIu64 ", rebuilt %" PRIu64 " / %" PRIu64 " / %" PRIu64 " / %" PRIu64
                     "; expected 2 / 1 / 1 / 1",
                     inc.clicks, inc.unique, inc.unique_human, inc.campaign_unique, reb.clicks, reb.unique,
                     reb.unique_human, reb.campaign_unique);
}

static void keyed(mtrk_tenant *t, mtrk_event_input *in, const char *peid)
{
    in->provider = "esp";
    in->provider_event_id = peid;
    CONF_OK(mtrk_event_record(NULL, t, in));
}

/* Click, hard bounce, click on the same link: the link has one unique click. */
static void test_link_unique_after_hard_bounce(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id campaign, mid, lid;
    one_message(fx->t, "hb", &campaign, &mid, &lid);
    mtrk_event_input in;
    conf_ev_init(&in, MTRK_EV_CLICK, mid, CONF_T0 + CONF_HOUR);
    in.lid = lid;
    keyed(fx->t, &in, "e1");
    conf_ev_init(&in, MTRK_EV_BOUNCE, mid, CONF_T0 + 2 * CONF_HOUR);
    in.bounce_kind = MTRK_BOUNCE_HARD;
    keyed(fx->t, &in, "e2");
    conf_ev_init(&in, MTRK_EV_CLICK, mid, CONF_T0 + 3 * CONF_HOUR);
    in.lid = lid;
    keyed(fx->t, &in, "e3");
    expect_one_unique(fx->t, campaign, lid);
}

/* Click A, 17 opens, click A: link A has one unique click. */
static void test_link_unique_after_17_opens(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id campaign, mid, lid;
    one_message(fx->t, "op", &campaign, &mid, &lid);
    mtrk_event_input in;
    char id[16];
    conf_ev_init(&in, MTRK_EV_CLICK, mid, CONF_T0 + CONF_HOUR);
    in.lid = lid;
    keyed(fx->t, &in, "c1");
    for (int i = 0; i < 17; i++) {
        snprintf(id, sizeof id, "o%d", i);
        conf_ev_init(&in, MTRK_EV_OPEN, mid, CONF_T0 + CONF_HOUR + (i + 1) * CONF_MIN);
        keyed(fx->t, &in, id);
    }
    conf_ev_init(&in, MTRK_EV_CLICK, mid, CONF_T0 + 2 * CONF_HOUR);
    in.lid = lid;
    keyed(fx->t, &in, "c2");
    expect_one_unique(fx->t, campaign, lid);
}

/* Click, rebuild, click on the same link: the link has one unique click. */
static void test_link_unique_after_rebuild(void **state)
{
    conf_fixture *fx = *state;
    mtrk_id campaign, mid, lid;
    one_message(fx->t, "rb", &campaign, &mid, &lid);
    mtrk_event_input in;
    conf_ev_init(&in, MTRK_EV_CLICK, mid, CONF_T0 + CONF_HOUR);
    in.lid = lid;
    keyed(fx->t, &in, "r1");
    CONF_OK(mtrk_metrics_rebuild(fx->t));
    conf_ev_init(&in, MTRK_EV_CLICK, mid, CONF_T0 + 2 * CONF_HOUR);
    in.lid = lid;
    keyed(fx->t, &in, "r2");
    expect_one_unique(fx->t, campaign, lid);
}

static const struct CMUnitTest property_tests[] = {
    CONF_TEST(test_link_unique_after_hard_bounce),
    CONF_TEST(test_link_unique_after_17_opens),
    CONF_TEST(test_link_unique_after_rebuild),
    CONF_TEST(test_property_incremental_rebuild_reference),
};

CONF_GROUP(conf_group_property, "property", property_tests);
