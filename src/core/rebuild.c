/*
 * mtrk_metrics_rebuild: every rollup recomputed from the raw log, with the
 * same rules as the live path (decide_message, stats_contribution). One write
 * transaction; memory bounded per page of rows and per campaign (its links
 * and the current hour's counters), never per event or per message set.
 */
#include "internal.h"
#include "decide.h"

#include <stdlib.h>
#include <string.h>

#define PAGE 256

/* A page reader inside the caller's transaction: rows copied into a buffer,
 * so the caller may write between pages (never inside a scan callback). */
typedef struct rpage {
    unsigned table;
    int index;
    mtrk_value prefix[2];
    unsigned nprefix;
    page_cursor cur;
    char *rows;
    size_t n;
    bool done;
} rpage;

typedef struct rpage_ctx {
    rpage *p;
    size_t sz;
} rpage_ctx;

static int rpage_cb(void *ud, void *row)
{
    rpage_ctx *c = ud;
    if (rows_copy(c->p->table, c->p->rows + c->p->n * c->sz, row))
        return MTRK_ENOMEM;
    return ++c->p->n >= PAGE ? 1 : 0;
}

static void rpage_clear(rpage *p)
{
    size_t sz = rows_size(p->table);
    for (size_t i = 0; i < p->n; i++)
        rows_clear(p->table, p->rows + i * sz);
    p->n = 0;
}

static int rpage_init(mtrk_tenant *t, rpage *p, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix)
{
    memset(p, 0, sizeof *p);
    p->table = table;
    p->index = index;
    p->nprefix = nprefix;
    for (unsigned i = 0; i < nprefix; i++)
        p->prefix[i] = prefix[i]; /* ids owned by the caller for the page's life */
    p->rows = calloc(PAGE, rows_size(table));
    return p->rows ? MTRK_OK : terr(t, MTRK_ENOMEM, "out of memory");
}

static void rpage_free(rpage *p)
{
    if (p->rows) {
        rpage_clear(p);
        free(p->rows);
    }
    cursor_free(&p->cur);
    memset(p, 0, sizeof *p);
}

/* Next page into p->rows[0..n); n == 0 at the end. */
static int rpage_next(mtrk_tenant *t, rpage *p)
{
    rpage_clear(p);
    if (p->done)
        return MTRK_OK;
    rpage_ctx c = { p, rows_size(p->table) };
    int rc = st_scan(t, p->table, p->index, p->prefix, p->nprefix, p->cur.started ? p->cur.vals : NULL,
                     p->cur.started ? p->cur.n : 0, p->cur.started ? MTRK_SCAN_AFTER : 0, rpage_cb, &c);
    if (rc == MTRK_OK && p->n > 0)
        rc = cursor_set(&p->cur, p->table, p->index, p->nprefix, p->rows + (p->n - 1) * c.sz);
    if (rc) {
        rpage_clear(p);
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
    }
    if (p->n < PAGE)
        p->done = true;
    return MTRK_OK;
}

/* Deletes every row of a rollup table of the tenant, a page at a time. */
static int wipe(mtrk_tenant *t, unsigned table)
{
    mtrk_value pre = v_id(&t->id);
    int rc;
    for (;;) {
        rpage p;
        if ((rc = rpage_init(t, &p, table, MTRK_INDEX_PK, &pre, 1)))
            return rc;
        rc = rpage_next(t, &p);
        size_t n = p.n;
        for (size_t i = 0; rc == MTRK_OK && i < n; i++)
            rc = st_delete(t, table, p.rows + i * rows_size(table));
        rpage_free(&p);
        if (rc || n < PAGE)
            return rc;
    }
}

/* ---- one campaign ------------------------------------------------------------ */

typedef struct link_acc {
    mtrk_id id;
    int64_t clicks, unique, unique_human;
    bool seen, seen_human; /* by the message being replayed */
} link_acc;

typedef struct camp_ctx {
    row_campaign_stats cs;
    link_acc *links;
    size_t nlinks, caplinks;
} camp_ctx;

static int links_cb(void *ud, void *row)
{
    camp_ctx *c = ud;
    const row_links *l = row;
    if (c->nlinks == c->caplinks) {
        link_acc *p = grow_array(c->links, &c->caplinks, sizeof *p, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        c->links = p;
    }
    memset(&c->links[c->nlinks], 0, sizeof c->links[0]);
    c->links[c->nlinks++].id = l->id;
    return 0;
}

/* Counts one event of the message being folded: totals and link clicks. */
static int replay_cb(void *ud, void *row)
{
    camp_ctx *c = ud;
    const row_events *e = row;
    bool machine = e->verdict == MTRK_VERDICT_MACHINE;
    if (e->type == MTRK_EV_OPEN) {
        c->cs.opens_total++;
        c->cs.opens_machine += machine;
    } else if (e->type == MTRK_EV_CLICK) {
        c->cs.clicks_total++;
        c->cs.clicks_machine += machine;
        for (size_t i = 0; i < c->nlinks; i++) {
            link_acc *l = &c->links[i];
            if (!id_eq(l->id, e->link))
                continue;
            l->clicks++;
            if (!l->seen)
                l->unique++;
            if (!machine && !l->seen_human)
                l->unique_human++;
            l->seen = true;
            l->seen_human |= !machine;
            break;
        }
    }
    return 0;
}

/* Folds every event of one message (the same fold as every reader, from the
 * row's state, whatever the row's mark), stores the facts, the links clicked
 * and the mark of its last event in its row when they differ (the row's copy of the facts,
 * for SQL readers, is brought up to date here), and adds its contribution. */
static int replay_message(mtrk_tenant *t, camp_ctx *c, const row_messages *m)
{
    row_messages f;
    if (rows_copy(T_MESSAGES, &f, m))
        return terr(t, MTRK_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->nlinks; i++)
        c->links[i].seen = c->links[i].seen_human = false;
    int rc = core_message_fold_all(t, &f, replay_cb, c);
    bool same_pmid = (f.provider_message_id == NULL) == (m->provider_message_id == NULL) &&
                     (f.provider_message_id == NULL || strcmp(f.provider_message_id, m->provider_message_id) == 0);
    bool same_mark = f.folded_occurred_at == m->folded_occurred_at && f.folded_arrived_at == m->folded_arrived_at &&
                     id_eq(f.folded_event, m->folded_event) &&
                     (f.folded_links == NULL) == (m->folded_links == NULL) &&
                     (f.folded_links == NULL || strcmp(f.folded_links, m->folded_links) == 0);
    if (rc == MTRK_OK && (!decide_facts_equal(&f, m) || !same_pmid || !same_mark))
        rc = st_update(t, T_MESSAGES, &f);
    if (rc == MTRK_OK) {
        stats_contrib k;
        stats_contribution(&f, &k);
#define X_(f) c->cs.f += k.f;
        CONTRIB_FIELDS(X_)
#undef X_
    }
    rows_clear(T_MESSAGES, &f);
    return rc;
}

static int flush_hour(mtrk_tenant *t, mtrk_id campaign, int64_t hour, int64_t *counts)
{
    for (int type = 0; type < MTRK_EV_TYPE_COUNT; type++) {
        if (counts[type] == 0)
            continue;
        row_hourly_stats h = { 0 };
        h.tenant = t->id;
        h.campaign = campaign;
        h.hour = hour;
        h.type = type;
        h.count = counts[type];
        int rc = st_insert(t, T_HOURLY_STATS, &h);
        if (rc)
            return rc;
        counts[type] = 0;
    }
    return MTRK_OK;
}

/* The hourly series from the campaign's events in time order: one hour's
 * counters in memory at a time. */
static int rebuild_hourly(mtrk_tenant *t, mtrk_id campaign)
{
    mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
    rpage p;
    int rc = rpage_init(t, &p, T_EVENTS, IDX_EVENTS_CAMPAIGN, pre, 2);
    int64_t counts[MTRK_EV_TYPE_COUNT] = { 0 }, hour = -1;
    while (rc == MTRK_OK && (rc = rpage_next(t, &p)) == MTRK_OK && p.n > 0) {
        for (size_t i = 0; rc == MTRK_OK && i < p.n; i++) {
            const row_events *e = (const row_events *)(p.rows + i * sizeof(row_events));
            int64_t h = core_hour(e->occurred_at);
            if (h != hour && hour >= 0)
                rc = flush_hour(t, campaign, hour, counts);
            hour = h;
            if (e->type >= 0 && e->type < MTRK_EV_TYPE_COUNT)
                counts[e->type]++;
        }
    }
    if (rc == MTRK_OK && hour >= 0)
        rc = flush_hour(t, campaign, hour, counts);
    rpage_free(&p);
    return rc;
}

static int leads_cb(void *ud, void *row)
{
    camp_ctx *c = ud;
    const row_leads *l = row;
    bool attributed = !id_is_nil(l->message);
    c->cs.leads_total++;
    c->cs.leads_attributed += attributed;
    c->cs.leads_forwarded += attributed && l->forwarded;
    return 0;
}

static bool cs_zero(const row_campaign_stats *r)
{
    row_campaign_stats z;
    memset(&z, 0, sizeof z);
    z.tenant = r->tenant;
    z.campaign = r->campaign;
    return memcmp(&z, r, sizeof z) == 0;
}

static int rebuild_campaign(mtrk_tenant *t, mtrk_id campaign)
{
    camp_ctx c;
    memset(&c, 0, sizeof c);
    c.cs.tenant = t->id;
    c.cs.campaign = campaign;
    mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
    int rc = st_scan(t, T_LINKS, IDX_LINKS_CAMPAIGN, pre, 2, NULL, 0, 0, links_cb, &c);
    if (rc == MTRK_ENOMEM)
        rc = terr(t, rc, "out of memory");
    rpage p;
    if (rc == MTRK_OK)
        rc = rpage_init(t, &p, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, pre, 2);
    if (rc == MTRK_OK) {
        while ((rc = rpage_next(t, &p)) == MTRK_OK && p.n > 0) {
            for (size_t i = 0; rc == MTRK_OK && i < p.n; i++)
                rc = replay_message(t, &c, (const row_messages *)(p.rows + i * sizeof(row_messages)));
            if (rc)
                break;
        }
        rpage_free(&p);
    }
    if (rc == MTRK_OK)
        rc = st_scan(t, T_LEADS, IDX_LEADS_CAMPAIGN, pre, 2, NULL, 0, 0, leads_cb, &c);
    if (rc == MTRK_OK)
        rc = rebuild_hourly(t, campaign);
    if (rc == MTRK_OK && !cs_zero(&c.cs))
        rc = st_insert(t, T_CAMPAIGN_STATS, &c.cs);
    for (size_t i = 0; rc == MTRK_OK && i < c.nlinks; i++) {
        if (c.links[i].clicks == 0)
            continue;
        row_link_stats l = { 0 };
        l.tenant = t->id;
        l.link = c.links[i].id;
        l.campaign = campaign;
        l.clicks = c.links[i].clicks;
        l.clicks_unique = c.links[i].unique;
        l.clicks_unique_human = c.links[i].unique_human;
        rc = st_insert(t, T_LINK_STATS, &l);
    }
    free(c.links);
    return rc;
}

/* ---- the tenant ---------------------------------------------------------------- */

typedef struct ids_ctx {
    mtrk_id ids[PAGE];
    size_t n;
} ids_ctx;

static int campaign_id_cb(void *ud, void *row)
{
    ids_ctx *c = ud;
    c->ids[c->n++] = ((const row_campaigns *)row)->id;
    return c->n >= PAGE ? 1 : 0;
}

int rebuild_all(mtrk_tenant *t) /* also address_migrate.c, in its transaction */
{
    int rc;
    if ((rc = wipe(t, T_CAMPAIGN_STATS)) || (rc = wipe(t, T_LINK_STATS)) || (rc = wipe(t, T_HOURLY_STATS)))
        return rc;
    mtrk_value pre = v_id(&t->id);
    mtrk_id last = nil_id;
    bool started = false;
    ids_ctx c;
    do {
        c.n = 0;
        mtrk_value start = v_id(&last);
        /* Only ids are kept: campaign rows carry whole bodies. */
        rc = st_scan(t, T_CAMPAIGNS, MTRK_INDEX_PK, &pre, 1, started ? &start : NULL, started ? 1 : 0,
                     started ? MTRK_SCAN_AFTER : 0, campaign_id_cb, &c);
        for (size_t i = 0; rc == MTRK_OK && i < c.n; i++)
            rc = rebuild_campaign(t, c.ids[i]);
        if (c.n > 0) {
            last = c.ids[c.n - 1];
            started = true;
        }
    } while (rc == MTRK_OK && c.n == PAGE);
    return rc;
}

MTRK_API int mtrk_metrics_rebuild(mtrk_tenant *t)
{
    TENANT_CHECK(t);
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    return tx_end(t, rebuild_all(t));
}
