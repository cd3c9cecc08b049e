/*
 * mtrk_metrics_rebuild: every rollup recomputed from the raw log, with the
 * same rules as the live path (decide_message, stats_contribution), built
 * aside so that writers are not blocked while it builds:
 *
 *   1. the messages' fact columns (a copy for SQL readers) are brought up
 *      to date a page at a time, each page its own short write transaction;
 *   2. in one read transaction (a snapshot), the rollups are computed from
 *      the messages and events, and the stored rollups are read;
 *   3. in one short write transaction, each rollup row becomes computed +
 *      (stored now - stored at the snapshot): every counter is a sum, and
 *      what the live path added since the snapshot is exactly that
 *      difference, so the events recorded meanwhile count once.
 *
 * rebuild_all does 1 to 3 inside the caller's write transaction (stored now
 * is then stored at the snapshot). Memory: a page of rows, and the rollups
 * themselves (per campaign its row, its links' rows and its hours), never
 * per event or per message.
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
 * row's state, whatever the row's mark) and adds its contribution. */
static int replay_message(mtrk_tenant *t, camp_ctx *c, const row_messages *m)
{
    row_messages f;
    if (rows_copy(T_MESSAGES, &f, m))
        return terr(t, MTRK_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->nlinks; i++)
        c->links[i].seen = c->links[i].seen_human = false;
    int rc = core_message_fold_all(t, &f, replay_cb, c);
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

/* The row's facts, the links clicked and the mark of its last event, stored
 * when they differ from the fold of all its events (the row's copy of the
 * facts, for SQL readers, brought up to date). */
static int refresh_message(mtrk_tenant *t, const row_messages *m)
{
    row_messages f;
    if (rows_copy(T_MESSAGES, &f, m))
        return terr(t, MTRK_ENOMEM, "out of memory");
    int rc = core_message_fold_all(t, &f, NULL, NULL);
    bool same_pmid = (f.provider_message_id == NULL) == (m->provider_message_id == NULL) &&
                     (f.provider_message_id == NULL || strcmp(f.provider_message_id, m->provider_message_id) == 0);
    bool same_mark = f.folded_occurred_at == m->folded_occurred_at && f.folded_arrived_at == m->folded_arrived_at &&
                     id_eq(f.folded_event, m->folded_event) &&
                     (f.folded_links == NULL) == (m->folded_links == NULL) &&
                     (f.folded_links == NULL || strcmp(f.folded_links, m->folded_links) == 0);
    if (rc == MTRK_OK && (!decide_facts_equal(&f, m) || !same_pmid || !same_mark))
        rc = st_update(t, T_MESSAGES, &f);
    rows_clear(T_MESSAGES, &f);
    return rc;
}

/* ---- the rollups, in memory --------------------------------------------------- */

typedef struct rollups {
    row_campaign_stats *cs;
    size_t ncs, capcs;
    row_link_stats *ls;
    size_t nls, capls;
    row_hourly_stats *hs;
    size_t nhs, caphs;
} rollups;

static void rollups_free(rollups *r)
{
    free(r->cs);
    free(r->ls);
    free(r->hs);
    memset(r, 0, sizeof *r);
}

#define PUSH(arr, n, cap, item)                                                 \
    do {                                                                        \
        if ((n) == (cap)) {                                                     \
            void *p_ = grow_array((arr), &(cap), sizeof *(arr), 64);            \
            if (p_ == NULL)                                                     \
                return MTRK_ENOMEM;                                             \
            (arr) = p_;                                                         \
        }                                                                       \
        (arr)[(n)++] = (item);                                                  \
    } while (0)

static int push_cs(rollups *r, const row_campaign_stats *x) { PUSH(r->cs, r->ncs, r->capcs, *x); return MTRK_OK; }
static int push_ls(rollups *r, const row_link_stats *x) { PUSH(r->ls, r->nls, r->capls, *x); return MTRK_OK; }
static int push_hs(rollups *r, const row_hourly_stats *x) { PUSH(r->hs, r->nhs, r->caphs, *x); return MTRK_OK; }

/* Keys in primary-key order (the order a scan of the stored rows gives). */
static int idcmp(const mtrk_id *a, const mtrk_id *b) { return memcmp(a, b, sizeof *a); }

static int cs_key(const void *a, const void *b)
{
    return idcmp(&((const row_campaign_stats *)a)->campaign, &((const row_campaign_stats *)b)->campaign);
}
static int ls_key(const void *a, const void *b)
{
    return idcmp(&((const row_link_stats *)a)->link, &((const row_link_stats *)b)->link);
}
static int hs_key(const void *a, const void *b)
{
    const row_hourly_stats *x = a, *y = b;
    int c = idcmp(&x->campaign, &y->campaign);
    if (c == 0)
        c = (x->hour > y->hour) - (x->hour < y->hour);
    if (c == 0)
        c = (x->type > y->type) - (x->type < y->type);
    return c;
}

static void rollups_sort(rollups *r)
{
    if (r->ncs > 1)
        qsort(r->cs, r->ncs, sizeof *r->cs, cs_key);
    if (r->nls > 1)
        qsort(r->ls, r->nls, sizeof *r->ls, ls_key);
    if (r->nhs > 1)
        qsort(r->hs, r->nhs, sizeof *r->hs, hs_key);
}

static int flush_hour(rollups *r, const mtrk_tenant *t, mtrk_id campaign, int64_t hour, int64_t *counts)
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
        if (push_hs(r, &h))
            return MTRK_ENOMEM;
        counts[type] = 0;
    }
    return MTRK_OK;
}

/* The hourly series from the campaign's events in time order: one hour's
 * counters at a time. */
static int rebuild_hourly(mtrk_tenant *t, rollups *r, mtrk_id campaign)
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
                rc = flush_hour(r, t, campaign, hour, counts);
            hour = h;
            if (e->type >= 0 && e->type < MTRK_EV_TYPE_COUNT)
                counts[e->type]++;
        }
    }
    if (rc == MTRK_OK && hour >= 0)
        rc = flush_hour(r, t, campaign, hour, counts);
    rpage_free(&p);
    return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
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

/* One campaign's rollups, computed into r (reads only). */
static int compute_campaign(mtrk_tenant *t, rollups *r, mtrk_id campaign)
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
        rc = rebuild_hourly(t, r, campaign);
    if (rc == MTRK_OK && !cs_zero(&c.cs) && push_cs(r, &c.cs))
        rc = terr(t, MTRK_ENOMEM, "out of memory");
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
        if (push_ls(r, &l))
            rc = terr(t, MTRK_ENOMEM, "out of memory");
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

/* Calls fn(t, campaign, ud) for each campaign of the tenant, a page of ids
 * at a time (campaign rows carry whole bodies: only ids are kept); with
 * own_tx, each page of ids is read in a read transaction of its own and fn
 * runs outside it. */
static int each_campaign(mtrk_tenant *t, bool own_tx, int (*fn)(mtrk_tenant *, mtrk_id, void *), void *ud)
{
    mtrk_value pre = v_id(&t->id);
    mtrk_id last = nil_id;
    bool started = false;
    ids_ctx c;
    int rc;
    do {
        c.n = 0;
        mtrk_value start = v_id(&last);
        rc = own_tx ? tx_begin(t, false) : MTRK_OK;
        if (rc == MTRK_OK)
            rc = st_scan(t, T_CAMPAIGNS, MTRK_INDEX_PK, &pre, 1, started ? &start : NULL, started ? 1 : 0,
                         started ? MTRK_SCAN_AFTER : 0, campaign_id_cb, &c);
        if (own_tx)
            rc = tx_end(t, rc);
        for (size_t i = 0; rc == MTRK_OK && i < c.n; i++)
            rc = fn(t, c.ids[i], ud);
        if (c.n > 0) {
            last = c.ids[c.n - 1];
            started = true;
        }
    } while (rc == MTRK_OK && c.n == PAGE);
    return rc;
}

static int compute_cb(mtrk_tenant *t, mtrk_id campaign, void *ud) { return compute_campaign(t, ud, campaign); }

/* The stored rollups of the tenant. */
static int stored_cs_cb(void *ud, void *row) { return push_cs(ud, row); }
static int stored_ls_cb(void *ud, void *row) { return push_ls(ud, row); }
static int stored_hs_cb(void *ud, void *row) { return push_hs(ud, row); }

static int read_stored(mtrk_tenant *t, rollups *r)
{
    mtrk_value pre = v_id(&t->id);
    int rc = st_scan(t, T_CAMPAIGN_STATS, MTRK_INDEX_PK, &pre, 1, NULL, 0, 0, stored_cs_cb, r);
    if (rc == MTRK_OK)
        rc = st_scan(t, T_LINK_STATS, MTRK_INDEX_PK, &pre, 1, NULL, 0, 0, stored_ls_cb, r);
    if (rc == MTRK_OK)
        rc = st_scan(t, T_HOURLY_STATS, MTRK_INDEX_PK, &pre, 1, NULL, 0, 0, stored_hs_cb, r);
    if (rc == MTRK_OK)
        rollups_sort(r);
    return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
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

/* One rollup table merged by key: each row is computed + now - then (a
 * missing row counting as zeros); rows that come to zero are not stored. */
#define MERGE(T, arr, N, keyf, SUMS, insert)                                                          \
    do {                                                                                              \
        size_t i_ = 0, j_ = 0, k_ = 0;                                                                \
        while (rc == MTRK_OK && (i_ < c->N || j_ < now->N || k_ < then->N)) {                         \
            const T *m_ = NULL; /* the least key among the three heads */                            \
            if (i_ < c->N) m_ = &c->arr[i_];                                                          \
            if (j_ < now->N && (m_ == NULL || keyf(&now->arr[j_], m_) < 0)) m_ = &now->arr[j_];       \
            if (k_ < then->N && (m_ == NULL || keyf(&then->arr[k_], m_) < 0)) m_ = &then->arr[k_];    \
            T out_ = *m_, z_;                                                                         \
            memset(&z_, 0, sizeof z_);                                                                \
            const T *a_ = i_ < c->N && keyf(&c->arr[i_], m_) == 0 ? &c->arr[i_++] : &z_;              \
            const T *b_ = j_ < now->N && keyf(&now->arr[j_], m_) == 0 ? &now->arr[j_++] : &z_;        \
            const T *d_ = k_ < then->N && keyf(&then->arr[k_], m_) == 0 ? &then->arr[k_++] : &z_;     \
            bool any_ = false;                                                                        \
            SUMS                                                                                      \
            out_.tenant = t->id;                                                                      \
            if (any_)                                                                                 \
                rc = st_insert(t, insert, &out_);                                                     \
        }                                                                                             \
    } while (0)
#define SUM(f)                                   \
    out_.f = a_->f + b_->f - d_->f;              \
    any_ = any_ || out_.f != 0;

/* In the caller's write transaction: the rollups replaced by computed +
 * (now - then), now read here. */
static int apply(mtrk_tenant *t, const rollups *computed, const rollups *then_r)
{
    rollups now_r;
    memset(&now_r, 0, sizeof now_r);
    int rc = read_stored(t, &now_r);
    if (rc == MTRK_OK && (rc = wipe(t, T_CAMPAIGN_STATS)) == MTRK_OK && (rc = wipe(t, T_LINK_STATS)) == MTRK_OK)
        rc = wipe(t, T_HOURLY_STATS);
    const rollups *c = computed, *then = then_r, *now = &now_r;
    MERGE(row_campaign_stats, cs, ncs, cs_key,
          SUM(messages) SUM(canceled) SUM(sent) SUM(delivered) SUM(delivered_explicit) SUM(bounced_hard)
          SUM(bounced_soft) SUM(complaints) SUM(unsubscribes) SUM(opens_total) SUM(opens_unique)
          SUM(opens_unique_human) SUM(opens_machine) SUM(opens_inferred) SUM(clicks_total) SUM(clicks_unique)
          SUM(clicks_unique_human) SUM(clicks_machine) SUM(leads_total) SUM(leads_attributed)
          SUM(leads_forwarded),
          T_CAMPAIGN_STATS);
    MERGE(row_link_stats, ls, nls, ls_key, SUM(clicks) SUM(clicks_unique) SUM(clicks_unique_human), T_LINK_STATS);
    MERGE(row_hourly_stats, hs, nhs, hs_key, SUM(count), T_HOURLY_STATS);
    rollups_free(&now_r);
    return rc;
}

/* The messages' fact columns brought up to date, a page of messages at a
 * time; with own_tx, each page in a write transaction of its own (the
 * cursor resumes after the last message of the page). */
static int refresh_campaign(mtrk_tenant *t, mtrk_id campaign, void *ud)
{
    bool own_tx = *(const bool *)ud;
    mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
    rpage p;
    int rc = rpage_init(t, &p, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, pre, 2);
    while (rc == MTRK_OK) {
        rc = own_tx ? tx_begin(t, true) : MTRK_OK;
        size_t n = 0;
        if (rc == MTRK_OK && (rc = rpage_next(t, &p)) == MTRK_OK) {
            n = p.n;
            for (size_t i = 0; rc == MTRK_OK && i < n; i++)
                rc = refresh_message(t, (const row_messages *)(p.rows + i * sizeof(row_messages)));
        }
        if (own_tx)
            rc = tx_end(t, rc);
        if (n < PAGE)
            break;
    }
    rpage_free(&p);
    return rc;
}

static int check_fields(void)
{
    /* The MERGE of campaign_stats names every counter: a column added to
     * campaign_stats without it would be lost by a rebuild. */
    return COL_campaign_stats__COUNT == 2 + 21 ? MTRK_OK : MTRK_ESTORE;
}

int rebuild_all(mtrk_tenant *t) /* also address_migrate.c, in its transaction */
{
    bool own_tx = false;
    int rc = check_fields();
    rollups computed, then_r;
    memset(&computed, 0, sizeof computed);
    memset(&then_r, 0, sizeof then_r);
    if (rc == MTRK_OK)
        rc = each_campaign(t, false, refresh_campaign, &own_tx);
    if (rc == MTRK_OK)
        rc = each_campaign(t, false, compute_cb, &computed);
    if (rc == MTRK_OK) {
        rollups_sort(&computed);
        rc = read_stored(t, &then_r);
    }
    if (rc == MTRK_OK)
        rc = apply(t, &computed, &then_r);
    rollups_free(&computed);
    rollups_free(&then_r);
    return rc;
}

MTRK_API int mtrk_metrics_rebuild(mtrk_tenant *t)
{
    TENANT_CHECK(t);
    int rc = check_fields();
    if (rc)
        return terr(t, rc, "campaign_stats has a column the rebuild does not merge");
    /* 1: the messages' fact columns, a page per write transaction. */
    bool own_tx = true;
    rc = each_campaign(t, true, refresh_campaign, &own_tx);
    /* 2: the rollups computed, and those stored, in one snapshot. */
    rollups computed, then_r;
    memset(&computed, 0, sizeof computed);
    memset(&then_r, 0, sizeof then_r);
    if (rc == MTRK_OK && (rc = tx_begin(t, false)) == MTRK_OK) {
        rc = each_campaign(t, false, compute_cb, &computed);
        if (rc == MTRK_OK) {
            rollups_sort(&computed);
            rc = read_stored(t, &then_r);
        }
        rc = tx_end(t, rc);
    }
    /* 3: swapped in, with what the live path added meanwhile. */
    if (rc == MTRK_OK && (rc = tx_begin(t, true)) == MTRK_OK)
        rc = tx_end(t, apply(t, &computed, &then_r));
    rollups_free(&computed);
    rollups_free(&then_r);
    return rc;
}
