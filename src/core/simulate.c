/* The seeded campaign simulator: provider-like events through the normal
 * recording path. Built on the public API only, so it exercises exactly what
 * a host's webhook handler would. */
#include "internal.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIM_BATCH 1000    /* events per mtrk_event_record_batch call */
#define SIM_CLAIM 500     /* messages per claim */
#define SIM_MAX_EVENTS 64 /* events of one message, duplicates included */
#define SIM_PEID 96

MTRK_API int mtrk_sim_options_init(mtrk_sim_options *o, unsigned int version)
{
    int rc = init_check(o, "options", "mtrk_sim_options", version, MTRK_SIM_OPTIONS_VERSION);
    if (rc)
        return rc;
    mtrk_sim_options d = MTRK_SIM_OPTIONS_INIT;
    *o = d;
    return MTRK_OK;
}

MTRK_API int mtrk_sim_report_init(mtrk_sim_report *r, unsigned int version)
{
    int rc = init_check(r, "report", "mtrk_sim_report", version, MTRK_SIM_REPORT_VERSION);
    if (rc)
        return rc;
    mtrk_sim_report d = MTRK_SIM_REPORT_INIT;
    *r = d;
    return MTRK_OK;
}

/* ---- the generator: xoshiro256** seeded through splitmix64 --------------- */

typedef struct rng { uint64_t s[4]; } rng;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * 0xd1342543de82ef95ULL);
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix(&x);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t out = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

/* Uniform in [0, 1). */
static double rng_unit(rng *r) { return (double)(rng_next(r) >> 11) * 0x1.0p-53; }
static int chance(rng *r, double p) { return rng_unit(r) < p; }
static int64_t between(rng *r, int64_t lo, int64_t hi) { return lo + (int64_t)(rng_unit(r) * (double)(hi - lo)); }

/* ---- option checks -------------------------------------------------------- */

static int check_rate(mtrk_tenant *t, const char *what, double v)
{
    if (!(v >= 0.0 && v <= 1.0))
        return terr(t, MTRK_EINVAL, "options->%s must be within [0, 1]", what);
    return MTRK_OK;
}

/* Every member of version 1: the smallest element a caller may declare. */
#define WEIGHT_SIZE_MIN (offsetof(mtrk_sim_link_weight, weight) + sizeof(double))
#define WEIGHT_SIZE_MAX 4096

/* The i-th link weight, read with the caller's element size (members its
 * struct lacks stay zero). */
static mtrk_sim_link_weight weight_at(const mtrk_sim_options *o, size_t i)
{
    mtrk_sim_link_weight w;
    memset(&w, 0, sizeof w);
    size_t size = o->link_weight_size;
    memcpy(&w, (const char *)o->link_weights + i * size, size < sizeof w ? size : sizeof w);
    return w;
}

static int check_options(mtrk_tenant *t, const mtrk_sim_options *o)
{
    int rc = check_version(t, "options", o, MTRK_SIM_OPTIONS_VERSION);
    struct { const char *n; double v; } rates[] = {
        { "delivery_rate", o ? o->delivery_rate : 0 }, { "hard_bounce_rate", o ? o->hard_bounce_rate : 0 },
        { "soft_bounce_rate", o ? o->soft_bounce_rate : 0 }, { "open_rate", o ? o->open_rate : 0 },
        { "click_rate", o ? o->click_rate : 0 }, { "complaint_rate", o ? o->complaint_rate : 0 },
        { "unsubscribe_rate", o ? o->unsubscribe_rate : 0 }, { "lead_rate", o ? o->lead_rate : 0 },
        { "machine_open_share", o ? o->machine_open_share : 0 },
        { "scanner_click_share", o ? o->scanner_click_share : 0 },
        { "duplicate_share", o ? o->duplicate_share : 0 }, { "out_of_order_share", o ? o->out_of_order_share : 0 },
    };
    for (size_t i = 0; rc == MTRK_OK && i < sizeof rates / sizeof rates[0]; i++)
        rc = check_rate(t, rates[i].n, rates[i].v);
    if (rc)
        return rc;
    if (o->delivery_rate + o->hard_bounce_rate + o->soft_bounce_rate > 1.0 + 1e-9)
        return terr(t, MTRK_EINVAL, "options: delivery_rate + hard_bounce_rate + soft_bounce_rate exceeds 1");
    if (!(o->half_life_hours > 0.0) || !(o->spread_hours > 0.0) || o->spread_hours > 24.0 * 366)
        return terr(t, MTRK_EINVAL, "options->half_life_hours and spread_hours must be > 0 (spread <= 366 days)");
    if (o->send_interval_ms < 0 || o->send_interval_ms > 86400000)
        return terr(t, MTRK_EINVAL, "options->send_interval_ms must be within [0, 86400000]");
    if (o->start < 0)
        return terr(t, MTRK_EINVAL, "options->start is negative");
    if (o->nlink_weights && o->link_weights == NULL)
        return terr(t, MTRK_EINVAL, "options->link_weights is NULL but nlink_weights is %zu", o->nlink_weights);
    if (o->nlink_weights && (o->link_weight_size < WEIGHT_SIZE_MIN || o->link_weight_size > WEIGHT_SIZE_MAX))
        return terr(t, MTRK_EINVAL, "options->link_weight_size %zu is not sizeof(mtrk_sim_link_weight) (%zu..%d)",
                    o->link_weight_size, (size_t)WEIGHT_SIZE_MIN, WEIGHT_SIZE_MAX);
    for (size_t i = 0; i < o->nlink_weights; i++) {
        mtrk_sim_link_weight w = weight_at(o, i);
        if (!(w.weight >= 0.0) || isinf(w.weight))
            return terr(t, MTRK_EINVAL, "options->link_weights[%zu].weight must be a finite number >= 0", i);
    }
    return MTRK_OK;
}

/* ---- the campaign's links and their weights -------------------------------- */

typedef struct sim_links {
    mtrk_id *lid;
    double *cum; /* cumulative weights */
    size_t n;
} sim_links;

static int load_links(mtrk_tenant *t, mtrk_id campaign, const mtrk_sim_options *o, sim_links *L)
{
    mtrk_link_iter *it = NULL;
    int rc = mtrk_link_iter_new(&it, t, campaign);
    size_t cap = 0;
    while (rc == MTRK_OK) {
        const mtrk_link *l;
        rc = mtrk_link_iter_next(&l, it);
        if (rc)
            break;
        /* An untracked link (merge tags) never reaches the tracking
         * endpoint: no one's click on it is recorded, a scanner's neither. */
        if (mtrk_link_origin_of(l) == MTRK_LINK_TEMPLATE)
            continue;
        if (L->n == cap) {
            cap = cap ? cap * 2 : 8;
            mtrk_id *a = realloc(L->lid, cap * sizeof *a);
            if (a)
                L->lid = a;
            double *b = realloc(L->cum, cap * sizeof *b);
            if (b)
                L->cum = b;
            if (!a || !b) {
                rc = terr(t, MTRK_ENOMEM, "out of memory");
                break;
            }
        }
        L->lid[L->n] = mtrk_link_id(l);
        double w = 1.0 / (double)(L->n + 1);
        /* A person never clicks a honeypot link (it is hidden): only the
         * scanners, which click every link, reach it. */
        bool honeypot = mtrk_link_origin_of(l) == MTRK_LINK_HONEYPOT;
        if (honeypot)
            w = 0.0;
        else if (o->link_weights) {
            w = 0.0;
            for (size_t i = 0; i < o->nlink_weights; i++) {
                mtrk_sim_link_weight x = weight_at(o, i);
                if (id_eq(x.lid, L->lid[L->n]))
                    w = x.weight;
            }
        }
        L->cum[L->n] = (L->n ? L->cum[L->n - 1] : 0.0) + w;
        L->n++;
    }
    mtrk_link_iter_free(it);
    if (rc == MTRK_ITEROVER)
        rc = MTRK_OK;
    if (rc)
        return rc;
    for (size_t i = 0; i < o->nlink_weights; i++) {
        size_t j = 0;
        mtrk_id lid = weight_at(o, i).lid;
        while (j < L->n && !id_eq(L->lid[j], lid))
            j++;
        if (j == L->n) {
            char s[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(s, lid);
            return terr(t, MTRK_EINVAL, "options->link_weights[%zu].lid %s is not a link of the campaign", i, s);
        }
    }
    if (o->link_weights && L->n && !(L->cum[L->n - 1] > 0.0))
        return terr(t, MTRK_EINVAL, "options->link_weights: every weight is 0 (honeypot links count 0)");
    return MTRK_OK;
}

static mtrk_id pick_link(rng *r, const sim_links *L)
{
    double u = rng_unit(r) * L->cum[L->n - 1];
    for (size_t i = 0; i < L->n; i++)
        if (u < L->cum[i])
            return L->lid[i];
    return L->lid[L->n - 1];
}

/* ---- the pending batch ------------------------------------------------------ */

typedef struct sim_event {
    mtrk_event_input in;
    char peid[SIM_PEID];
} sim_event;

typedef struct sim_lead {
    mtrk_id mid, contact;
    mtrk_time at;
} sim_lead;

typedef struct sim {
    mtrk_tenant *t;
    mtrk_id campaign;
    const mtrk_sim_options *o;
    mtrk_sim_report *rep;
    sim_links links;
    mtrk_id landing;
    int has_landing;
    sim_event *batch;
    size_t nbatch;
    const mtrk_event_input **ptrs;
    mtrk_event_outcome *outs;
    mtrk_event_outcome **outptrs;
    sim_lead *leads;
    size_t nleads;
} sim;

static int flush_events(sim *s)
{
    if (s->nbatch == 0)
        return MTRK_OK;
    for (size_t i = 0; i < s->nbatch; i++) {
        s->ptrs[i] = &s->batch[i].in;
        mtrk_event_outcome_init(&s->outs[i], MTRK_EVENT_OUTCOME_VERSION);
        s->outptrs[i] = &s->outs[i];
    }
    size_t recorded = 0;
    int rc = mtrk_event_record_batch(&recorded, s->outptrs, s->t, s->ptrs, s->nbatch);
    if (rc == MTRK_OK) {
        s->rep->submitted += s->nbatch;
        s->rep->recorded += recorded;
        for (size_t i = 0; i < s->nbatch; i++) {
            if (s->outs[i].status)
                s->rep->refused++;
            else if (s->outs[i].duplicate)
                s->rep->duplicates++;
        }
    }
    s->nbatch = 0;
    return rc;
}

static int flush_leads(sim *s)
{
    int rc = MTRK_OK;
    for (size_t i = 0; rc == MTRK_OK && i < s->nleads; i++) {
        sim_lead *l = &s->leads[i];
        mtrk_contact *c = NULL;
        rc = mtrk_contact_get(&c, s->t, l->contact);
        if (rc)
            break;
        const char *addr = mtrk_contact_address(c);
        if (addr) { /* an erased recipient fills in no form */
            char key[SIM_PEID], mids[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(mids, l->mid);
            snprintf(key, sizeof key, "sim:%llu:%s", (unsigned long long)s->o->seed, mids);
            const char *fk[] = { "source" }, *fv[] = { "simulation" };
            mtrk_lead_input in = MTRK_LEAD_INPUT_INIT;
            in.landing_page = s->landing;
            in.lead_key = key;
            in.address = addr;
            in.mid = l->mid;
            in.field_keys = fk;
            in.field_values = fv;
            in.nfields = 1;
            in.captured_at = l->at;
            int dup = 0;
            rc = mtrk_lead_capture(NULL, &dup, s->t, &in);
            if (rc == MTRK_OK) {
                if (dup)
                    s->rep->leads_duplicate++;
                else
                    s->rep->leads++;
            }
        }
        mtrk_contact_free(c);
    }
    s->nleads = 0;
    return rc;
}

/* ---- one message ---------------------------------------------------------- */

typedef struct msg_events {
    mtrk_event_input ev[SIM_MAX_EVENTS];
    size_t n;
} msg_events;

static mtrk_event_input *add(msg_events *m, mtrk_event_type type, mtrk_time at)
{
    if (m->n == SIM_MAX_EVENTS)
        return NULL;
    mtrk_event_input *e = &m->ev[m->n++];
    mtrk_event_input_init(e, MTRK_EVENT_INPUT_VERSION);
    e->type = type;
    e->occurred_at = at;
    return e;
}

/* An exponential delay with the given half-life, folded into the spread. */
static int64_t decay_delay(rng *r, const mtrk_sim_options *o)
{
    double u = rng_unit(r);
    double h = -log(1.0 - u) * o->half_life_hours / M_LN2;
    h = fmod(h, o->spread_hours);
    return (int64_t)(h * 3600000.0);
}

static int by_time(const void *a, const void *b)
{
    const mtrk_event_input *x = a, *y = b;
    return (x->occurred_at > y->occurred_at) - (x->occurred_at < y->occurred_at);
}

/* Draws the story of one sent message: what happened and when. */
static void draw_message(sim *s, rng *r, const mtrk_message_info *mi, msg_events *m)
{
    const mtrk_sim_options *o = s->o;
    mtrk_sim_report *rep = s->rep;
    mtrk_time sent = mi->sent_at;
    double u = rng_unit(r);
    mtrk_event_input *e;
    if (u < o->hard_bounce_rate) {
        if ((e = add(m, MTRK_EV_BOUNCE, sent + between(r, 1000, 60000)))) {
            e->bounce_kind = MTRK_BOUNCE_HARD;
            e->diagnostic = "smtp; 550 5.1.1 user unknown";
            rep->hard_bounces++;
        }
        return;
    }
    if (u < o->hard_bounce_rate + o->soft_bounce_rate) {
        if ((e = add(m, MTRK_EV_BOUNCE, sent + between(r, 1000, 600000)))) {
            e->bounce_kind = MTRK_BOUNCE_SOFT;
            e->diagnostic = "smtp; 452 4.2.2 mailbox full";
            rep->soft_bounces++;
        }
        return;
    }
    if (u >= o->hard_bounce_rate + o->soft_bounce_rate + o->delivery_rate)
        return; /* the provider never reports */
    mtrk_time dlv = sent + between(r, 500, 30000);
    if (add(m, MTRK_EV_DELIVERED, dlv))
        rep->delivered++;
    if (chance(r, o->machine_open_share) && (e = add(m, MTRK_EV_OPEN, dlv + between(r, 1000, 120000)))) {
        e->verdict = MTRK_VERDICT_MACHINE;
        e->verdict_reason = "sim:proxy-prefetch";
        e->user_agent = "Mozilla/5.0 (via ggpht.com GoogleImageProxy)";
        rep->machine_opens++;
    }
    if (s->links.n && chance(r, o->scanner_click_share)) {
        mtrk_time at = dlv + between(r, 2000, 60000);
        for (size_t i = 0; i < s->links.n; i++) {
            if ((e = add(m, MTRK_EV_CLICK, at + (int64_t)i * 150))) {
                e->lid = s->links.lid[i];
                e->verdict = MTRK_VERDICT_MACHINE;
                e->verdict_reason = "sim:link-scanner";
                e->user_agent = "Mozilla/5.0 (compatible; SafeLinks scanner)";
                rep->scanner_clicks++;
            }
        }
    }
    int opened = chance(r, o->open_rate);
    int clicked;
    if (o->open_rate > 0 && o->click_rate <= o->open_rate)
        clicked = opened && chance(r, o->click_rate / o->open_rate);
    else
        clicked = chance(r, o->click_rate);
    mtrk_time first = dlv + decay_delay(r, o);
    mtrk_time last = first;
    if (opened) {
        int nopen = 1;
        while (nopen < 5 && chance(r, 0.35))
            nopen++;
        for (int i = 0; i < nopen; i++) {
            mtrk_time at = i == 0 ? first : first + decay_delay(r, o) / 4 + between(r, 60000, 3600000);
            if ((e = add(m, MTRK_EV_OPEN, at))) {
                e->user_agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)";
                e->ip = "192.0.2.10";
                rep->opens++;
                last = at > last ? at : last;
            }
        }
    }
    if (clicked && s->links.n && s->links.cum[s->links.n - 1] > 0.0) { /* not only honeypots */
        int nclick = 1;
        while (nclick < 4 && chance(r, 0.25))
            nclick++;
        mtrk_time at = first + between(r, 5000, 300000);
        for (int i = 0; i < nclick; i++) {
            if ((e = add(m, MTRK_EV_CLICK, at))) {
                e->lid = pick_link(r, &s->links);
                e->user_agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)";
                e->ip = "192.0.2.10";
                rep->clicks++;
            }
            at += between(r, 10000, 900000);
        }
        last = at > last ? at : last;
        if (s->has_landing && chance(r, o->lead_rate)) {
            sim_lead *l = &s->leads[s->nleads++];
            l->mid = mi->mid;
            l->contact = mi->contact;
            l->at = first + between(r, 30000, 600000);
        }
    }
    if (chance(r, o->unsubscribe_rate) && (e = add(m, MTRK_EV_UNSUBSCRIBE, last + between(r, 10000, 600000)))) {
        e->unsub_scope = MTRK_UNSUB_CAMPAIGN;
        e->unsub_source = MTRK_SOURCE_LINK;
        rep->unsubscribes++;
    }
    if (chance(r, o->complaint_rate) && add(m, MTRK_EV_COMPLAINT, last + between(r, 60000, 3600000)))
        rep->complaints++;
}

/* Orders a message's events by time, names them, then lets the "provider"
 * reorder and repeat some, and queues them for the batch. */
static int submit_message(sim *s, rng *r, const mtrk_message_info *mi, msg_events *m)
{
    qsort(m->ev, m->n, sizeof m->ev[0], by_time);
    char mids[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(mids, mi->mid);
    char ids[SIM_MAX_EVENTS][SIM_PEID];
    for (size_t i = 0; i < m->n; i++)
        snprintf(ids[i], SIM_PEID, "sim:%llu:%s:%zu", (unsigned long long)s->o->seed, mids, i);
    size_t order[SIM_MAX_EVENTS * 2], n = 0;
    for (size_t i = 0; i < m->n; i++)
        order[n++] = i;
    for (size_t i = 0; i + 1 < n; i++) {
        if (chance(r, s->o->out_of_order_share)) {
            size_t x = order[i];
            order[i] = order[i + 1];
            order[i + 1] = x;
            s->rep->reordered++;
            i++;
        }
    }
    size_t base = n;
    for (size_t i = 0; i < base; i++) {
        if (chance(r, s->o->duplicate_share)) {
            order[n++] = order[i];
            s->rep->duplicates_sent++;
        }
    }
    for (size_t k = 0; k < n; k++) {
        if (s->nbatch == SIM_BATCH) {
            int rc = flush_events(s);
            if (rc)
                return rc;
        }
        sim_event *se = &s->batch[s->nbatch++];
        se->in = m->ev[order[k]];
        se->in.mid = mi->mid;
        se->in.provider = "sim";
        memcpy(se->peid, ids[order[k]], SIM_PEID);
        se->in.provider_event_id = se->peid;
    }
    return MTRK_OK;
}

/* ---- the phases -------------------------------------------------------------- */

static int claim_and_send(sim *s, mtrk_time start)
{
    mtrk_id *mids = malloc(SIM_CLAIM * sizeof *mids);
    if (mids == NULL)
        return terr(s->t, MTRK_ENOMEM, "out of memory");
    int rc = MTRK_OK;
    uint64_t k = 0;
    for (;;) {
        size_t n = 0, canceled = 0;
        rc = mtrk_queue_claim(mids, &n, &canceled, s->t, s->campaign, SIM_CLAIM, 3600000);
        if (rc)
            break;
        s->rep->claimed += n;
        s->rep->canceled += canceled;
        if (n == 0 && canceled == 0)
            break;
        for (size_t i = 0; rc == MTRK_OK && i < n; i++, k++) {
            char pmid[SIM_PEID], ms[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(ms, mids[i]);
            snprintf(pmid, sizeof pmid, "sim-%s", ms);
            rc = mtrk_queue_mark_sent(s->t, mids[i], start + (mtrk_time)k * s->o->send_interval_ms, "sim", pmid);
            if (rc == MTRK_OK)
                s->rep->marked_sent++;
        }
        if (rc)
            break;
    }
    free(mids);
    return rc;
}

static int simulate_sent(sim *s)
{
    mtrk_message_iter *it = NULL;
    int rc = mtrk_message_iter_new(&it, s->t, s->campaign);
    msg_events *m = malloc(sizeof *m);
    if (m == NULL && rc == MTRK_OK)
        rc = terr(s->t, MTRK_ENOMEM, "out of memory");
    uint64_t ordinal = 0;
    while (rc == MTRK_OK) {
        mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
        rc = mtrk_message_iter_next(&mi, it);
        if (rc)
            break;
        if (mi.sent_at == 0)
            continue;
        rng r;
        rng_seed(&r, s->o->seed, ordinal++);
        m->n = 0;
        draw_message(s, &r, &mi, m);
        s->rep->messages++;
        rc = submit_message(s, &r, &mi, m);
        /* Leads come after their message's events are recorded. */
        if (rc == MTRK_OK && s->nleads == SIM_BATCH / 4) {
            rc = flush_events(s);
            if (rc == MTRK_OK)
                rc = flush_leads(s);
        }
    }
    if (rc == MTRK_ITEROVER)
        rc = MTRK_OK;
    if (rc == MTRK_OK)
        rc = flush_events(s);
    if (rc == MTRK_OK)
        rc = flush_leads(s);
    free(m);
    mtrk_message_iter_free(it);
    return rc;
}

MTRK_API int mtrk_simulate(mtrk_sim_report *report, mtrk_tenant *t, mtrk_id campaign, const mtrk_sim_options *o)
{
    mtrk_sim_report local = MTRK_SIM_REPORT_INIT;
    if (report != NULL && (report->version == 0 || report->version > MTRK_SIM_REPORT_VERSION))
        return gerr(MTRK_EVERSION, "unknown mtrk_sim_report version %u", report->version);
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    int rc = check_options(t, o);
    if (rc)
        return rc;
    mtrk_campaign *c = NULL;
    rc = mtrk_campaign_get(&c, t, campaign);
    if (rc)
        return rc;
    mtrk_campaign_status st = mtrk_campaign_status_of(c);
    mtrk_campaign_free(c);

    sim s = { 0 };
    s.t = t;
    s.campaign = campaign;
    s.o = o;
    s.rep = &local;
    s.batch = malloc(SIM_BATCH * sizeof *s.batch);
    s.ptrs = malloc(SIM_BATCH * sizeof *s.ptrs);
    s.outs = malloc(SIM_BATCH * sizeof *s.outs);
    s.outptrs = malloc(SIM_BATCH * sizeof *s.outptrs);
    s.leads = malloc((SIM_BATCH / 4) * sizeof *s.leads);
    if (!s.batch || !s.ptrs || !s.outs || !s.outptrs || !s.leads)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc == MTRK_OK)
        rc = load_links(t, campaign, o, &s.links);
    if (rc == MTRK_OK) {
        int lrc = mtrk_landing_page_find(&s.landing, t, campaign);
        if (lrc == MTRK_OK)
            s.has_landing = 1;
        else if (lrc != MTRK_ENOTFOUND)
            rc = lrc;
    }
    mtrk_time start = o->start ? o->start : mtrk_db_now(t->db);
    if (rc == MTRK_OK && st == MTRK_CAMPAIGN_SENDING)
        rc = claim_and_send(&s, start);
    if (rc == MTRK_OK)
        rc = simulate_sent(&s);
    free(s.batch);
    free(s.ptrs);
    free(s.outs);
    free(s.outptrs);
    free(s.leads);
    free(s.links.lid);
    free(s.links.cum);
    if (report) {
        local.version = report->version;
        *report = local;
    }
    return rc;
}
