/*
 * Rollups: the one place where counting rules live (docs/metrics.md).
 * Message-level counters come from stats_contribution() (decide.c) applied as
 * after - before; event-level counters (totals, machine activity, hourly
 * series, link clicks) from core_stats_event. Rates are computed once, here,
 * when metrics are read. The rebuild replays the raw log with the same rules.
 */
#include "internal.h"
#include "decide.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* uthash's default on a failed allocation is exit(-1): have HASH_ADD undo
 * the add instead (the item's hh.tbl is then NULL) and report MTRK_ENOMEM. */
#define HASH_NONFATAL_OOM 1
#include <uthash.h>


/* ---- deferred rollup changes ---------------------------------------------
 * Counters only ever change by addition, so the changes of a whole call can be
 * summed per counter row and applied once before the commit. */

typedef struct pend_cstats {
    mtrk_id campaign;          /* key */
    row_campaign_stats d;      /* deltas (tenant and campaign unused) */
    UT_hash_handle hh;
} pend_cstats;

typedef struct hour_key {
    mtrk_id campaign;
    int64_t hour, type;
} hour_key;

typedef struct pend_hourly {
    hour_key k;
    int64_t n;
} pend_hourly;

/* The hourly keys of a transaction: entries in the order first met, found
 * through an open-addressing table of entry + 1 (0: empty; nslot a power
 * of two, at least twice the entries). Most events of a batch add to a key
 * of their own or of few others: one probe, no allocation per key. */
typedef struct hour_table {
    pend_hourly *v;
    size_t n, cap;
    uint32_t *slot;
    size_t nslot;
} hour_table;

/* Slots kept across transactions (a larger table is released at the end of one). */
#define HOUR_SLOTS_KEEP 4096

typedef struct pend_link {
    mtrk_id link;              /* key */
    mtrk_id campaign;
    int64_t clicks, unique, unique_human;
    UT_hash_handle hh;
} pend_link;

struct stats_pending {
    bool active;
    pend_cstats *cs;
    pend_cstats *cs_last; /* the campaign last added to (most events of a batch share one) */
    hour_table hs;
    pend_link *ls;
};

static size_t hour_hash(const hour_key *k)
{
    uint64_t a, b;
    memcpy(&a, k->campaign.bytes, 8);
    memcpy(&b, k->campaign.bytes + 8, 8);
    uint64_t h = (a ^ (b * UINT64_C(0x9E3779B97F4A7C15)) ^ ((uint64_t)k->hour * UINT64_C(0xC2B2AE3D27D4EB4F)) ^
                  (uint64_t)k->type) *
                 UINT64_C(0xBF58476D1CE4E5B9);
    return (size_t)(h ^ (h >> 31));
}

static bool hour_eq(const hour_key *a, const hour_key *b)
{
    return a->hour == b->hour && a->type == b->type && id_same(&a->campaign, &b->campaign);
}

/* The entry of key k, added with n 0 when missing; NULL when out of memory. */
static pend_hourly *hour_get(hour_table *ht, const hour_key *k)
{
    if (2 * (ht->n + 1) > ht->nslot) {
        size_t ns = ht->nslot ? 2 * ht->nslot : 64;
        uint32_t *slot = ht->n + 1 < UINT32_MAX ? calloc(ns, sizeof *slot) : NULL;
        if (slot == NULL)
            return NULL;
        for (size_t i = 0; i < ht->n; i++) {
            size_t j = hour_hash(&ht->v[i].k) & (ns - 1);
            while (slot[j] != 0)
                j = (j + 1) & (ns - 1);
            slot[j] = (uint32_t)(i + 1);
        }
        free(ht->slot);
        ht->slot = slot;
        ht->nslot = ns;
    }
    size_t j = hour_hash(k) & (ht->nslot - 1);
    for (; ht->slot[j] != 0; j = (j + 1) & (ht->nslot - 1))
        if (hour_eq(&ht->v[ht->slot[j] - 1].k, k))
            return &ht->v[ht->slot[j] - 1];
    if (ht->n == ht->cap) {
        pend_hourly *v = grow_array(ht->v, &ht->cap, sizeof *v, 64);
        if (v == NULL)
            return NULL;
        ht->v = v;
    }
    pend_hourly *e = &ht->v[ht->n];
    e->k = *k;
    e->n = 0;
    ht->slot[j] = (uint32_t)++ht->n;
    return e;
}

static void hour_clear(hour_table *ht)
{
    if (ht->nslot > HOUR_SLOTS_KEEP) {
        free(ht->slot);
        free(ht->v);
        memset(ht, 0, sizeof *ht);
    } else if (ht->n > 0) {
        memset(ht->slot, 0, ht->nslot * sizeof *ht->slot);
        ht->n = 0;
    }
}

int stats_defer_begin(mtrk_tenant *t)
{
    if (t->pend == NULL && (t->pend = calloc(1, sizeof *t->pend)) == NULL)
        return MTRK_ENOMEM;
    t->pend->active = true;
    return MTRK_OK;
}

void stats_drop(mtrk_tenant *t)
{
    struct stats_pending *p = t->pend;
    if (p == NULL)
        return;
    pend_cstats *c, *ct;
    HASH_ITER(hh, p->cs, c, ct) {
        HASH_DEL(p->cs, c);
        free(c);
    }
    p->cs_last = NULL;
    hour_clear(&p->hs);
    pend_link *l, *lt;
    HASH_ITER(hh, p->ls, l, lt) {
        HASH_DEL(p->ls, l);
        free(l);
    }
    p->active = false;
}

void stats_free(mtrk_tenant *t)
{
    stats_drop(t);
    if (t->pend != NULL) {
        free(t->pend->hs.slot);
        free(t->pend->hs.v);
    }
    free(t->pend);
    t->pend = NULL;
}

static struct stats_pending *deferring(mtrk_tenant *t)
{
    return t->pend && t->pend->active ? t->pend : NULL;
}

static int pend_cstats_get(mtrk_tenant *t, struct stats_pending *p, mtrk_id campaign, pend_cstats **out)
{
    pend_cstats *c = p->cs_last;
    if (c != NULL && id_same(&c->campaign, &campaign)) {
        *out = c;
        return MTRK_OK;
    }
    HASH_FIND(hh, p->cs, &campaign, sizeof campaign, c);
    if (c == NULL) {
        if ((c = calloc(1, sizeof *c)) == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory");
        c->campaign = campaign;
        HASH_ADD(hh, p->cs, campaign, sizeof c->campaign, c);
        if (c->hh.tbl == NULL) {
            free(c);
            return terr(t, MTRK_ENOMEM, "out of memory");
        }
    }
    *out = p->cs_last = c;
    return MTRK_OK;
}

/* ---- adding counter deltas ------------------------------------------------
 * Every rollup changes by addition only, so the core hands the store the
 * amounts and the store adds them (counters_add, store contract version 5):
 * the flush reads no rollup row. A store of an older version, or one
 * without counters_add, gets the same additions through the rows: read the
 * row, add, write it back. */

/* Every int64 counter of campaign_stats, in the order of the contract's
 * MTRK_STORE_CAMPAIGN_* counters. */
#define CSTATS_COUNTERS(X)                                                                        \
    X(messages) X(canceled) X(sent) X(delivered) X(delivered_explicit) X(bounced_hard)           \
    X(bounced_soft) X(complaints) X(unsubscribes) X(opens_total) X(opens_unique)                 \
    X(opens_unique_human) X(opens_machine) X(opens_inferred) X(clicks_total) X(clicks_unique)    \
    X(clicks_unique_human) X(clicks_machine) X(leads_total) X(leads_attributed) X(leads_forwarded)

#define X_(f) +1
_Static_assert(0 CSTATS_COUNTERS(X_) == MTRK_STORE_CAMPAIGN_COUNTERS, "CSTATS_COUNTERS follows MTRK_STORE_CAMPAIGN_*");
#undef X_

static void cstats_values(const row_campaign_stats *d, int64_t *v)
{
    size_t i = 0;
#define X_(f) v[i++] = d->f;
    CSTATS_COUNTERS(X_)
#undef X_
}

static bool cstats_zero(const row_campaign_stats *d)
{
#define X_(f) if (d->f) return false;
    CSTATS_COUNTERS(X_)
#undef X_
    return true;
}

static bool counters_native(const mtrk_tenant *t)
{
    const mtrk_store *s = t->db->store;
    return s->version >= 5 && s->counters_add != NULL;
}

static int counters_fail(mtrk_tenant *t, int rc)
{
    if (rc == MTRK_ENOMEM)
        return terr(t, rc, "out of memory");
    mtrk_store *s = t->db->store;
    const char *m = s->errmsg ? s->errmsg(s) : NULL;
    return terr(t, rc, "store counters_add failed: %s", m && *m ? m : mtrk_strerror(rc));
}

/* Through the rows: each key's row read (one get_many where the store has
 * it, else a get each), the amounts of its deltas added, the row written
 * back (an insert when it had none). A key given twice is read and
 * written once. The rollup rows hold no strings: plain copies. */
typedef union ctr_row {
    row_campaign_stats c;
    row_link_stats l;
    row_hourly_stats h;
} ctr_row;

typedef struct ctr_rows {
    int kind;
    const mtrk_store_counter_delta **d; /* sorted by key */
    size_t n;
    size_t *first; /* the first delta of each key */
    ctr_row *rows; /* each key's row, as stored when found[k] */
    bool *found;
    size_t nkeys;
    size_t rowsz; /* the size of the table's row struct */
} ctr_rows;

static int64_t cmp64(int64_t a, int64_t b) { return a < b ? -1 : a > b; }

/* Order of the keys of `kind`: campaign, link, or (campaign, hour, type). */
static int ctr_key_cmp(int kind, const mtrk_id *camp_a, const mtrk_id *link_a, int64_t hour_a, int64_t type_a,
                       const mtrk_store_counter_delta *b)
{
    if (kind == MTRK_STORE_COUNTERS_LINK)
        return memcmp(link_a->bytes, b->link.bytes, sizeof b->link.bytes);
    int r = memcmp(camp_a->bytes, b->campaign.bytes, sizeof b->campaign.bytes);
    if (r || kind != MTRK_STORE_COUNTERS_HOURLY)
        return r;
    return hour_a != b->hour ? (int)cmp64(hour_a, b->hour) : (int)cmp64(type_a, b->type);
}

static _Thread_local int ctr_sort_kind; /* qsort has no user data */

static int ctr_delta_cmp(const void *x, const void *y)
{
    const mtrk_store_counter_delta *a = *(const mtrk_store_counter_delta *const *)x;
    return ctr_key_cmp(ctr_sort_kind, &a->campaign, &a->link, a->hour, a->type,
                       *(const mtrk_store_counter_delta *const *)y);
}

static int ctr_row_cb(void *ud, void *row)
{
    ctr_rows *c = ud;
    const ctr_row *r = row;
    const mtrk_id *camp = c->kind == MTRK_STORE_COUNTERS_LINK ? &r->l.campaign : c->kind == MTRK_STORE_COUNTERS_HOURLY ? &r->h.campaign : &r->c.campaign;
    const mtrk_id *link = c->kind == MTRK_STORE_COUNTERS_LINK ? &r->l.link : &nil_id;
    int64_t hour = c->kind == MTRK_STORE_COUNTERS_HOURLY ? r->h.hour : 0;
    int64_t type = c->kind == MTRK_STORE_COUNTERS_HOURLY ? r->h.type : 0;
    size_t lo = 0, hi = c->nkeys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = ctr_key_cmp(c->kind, camp, link, hour, type, c->d[c->first[mid]]);
        if (cmp == 0) {
            memcpy(&c->rows[mid], row, c->rowsz);
            c->found[mid] = true;
            return 0;
        }
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* Adds delta d to row r of `kind` (its key set from d when new). */
static void ctr_row_add(mtrk_tenant *t, int kind, ctr_row *r, bool found, const mtrk_store_counter_delta *d)
{
    const int64_t *v = d->values;
    size_t nv = d->nvalues;
    if (kind == MTRK_STORE_COUNTERS_CAMPAIGN) {
        r->c.tenant = t->id;
        r->c.campaign = d->campaign;
        size_t i = 0;
#define X_(f) if (i < nv) r->c.f += v[i]; i++;
        CSTATS_COUNTERS(X_)
#undef X_
    } else if (kind == MTRK_STORE_COUNTERS_LINK) {
        r->l.tenant = t->id;
        r->l.link = d->link;
        if (!found)
            r->l.campaign = d->campaign;
        r->l.clicks += nv > MTRK_STORE_LINK_CLICKS ? v[MTRK_STORE_LINK_CLICKS] : 0;
        r->l.clicks_unique += nv > MTRK_STORE_LINK_CLICKS_UNIQUE ? v[MTRK_STORE_LINK_CLICKS_UNIQUE] : 0;
        r->l.clicks_unique_human += nv > MTRK_STORE_LINK_CLICKS_UNIQUE_HUMAN ? v[MTRK_STORE_LINK_CLICKS_UNIQUE_HUMAN] : 0;
    } else {
        r->h.tenant = t->id;
        r->h.campaign = d->campaign;
        r->h.hour = d->hour;
        r->h.type = d->type;
        r->h.count += nv > MTRK_STORE_HOURLY_COUNT ? v[MTRK_STORE_HOURLY_COUNT] : 0;
    }
}

static int counters_add_rows(mtrk_tenant *t, int kind, const mtrk_store_counter_delta *const *deltas, size_t n)
{
    unsigned table = kind == MTRK_STORE_COUNTERS_CAMPAIGN ? T_CAMPAIGN_STATS
                     : kind == MTRK_STORE_COUNTERS_LINK   ? T_LINK_STATS
                                                          : T_HOURLY_STATS;
    unsigned npk = rows_table(table)->npk;
    ctr_rows c = { kind, malloc(n * sizeof *c.d), n, malloc(n * sizeof *c.first), calloc(n, sizeof *c.rows),
                   calloc(n, sizeof *c.found), 0, rows_size(table) };
    mtrk_value *k = malloc(n * npk * sizeof *k);
    int rc = MTRK_OK;
    if (c.d == NULL || c.first == NULL || c.rows == NULL || c.found == NULL || k == NULL) {
        rc = terr(t, MTRK_ENOMEM, "out of memory");
        goto out;
    }
    memcpy(c.d, deltas, n * sizeof *c.d);
    ctr_sort_kind = kind;
    qsort(c.d, n, sizeof *c.d, ctr_delta_cmp);
    for (size_t i = 0; i < n; i++) {
        if (c.nkeys > 0 && ctr_delta_cmp(&c.d[c.first[c.nkeys - 1]], &c.d[i]) == 0)
            continue;
        const mtrk_store_counter_delta *d = c.d[i];
        mtrk_value *key = &k[c.nkeys * npk];
        key[0] = v_id(&t->id);
        key[1] = v_id(kind == MTRK_STORE_COUNTERS_LINK ? &d->link : &d->campaign);
        if (kind == MTRK_STORE_COUNTERS_HOURLY) {
            key[2] = v_int(d->hour);
            key[3] = v_int(d->type);
        }
        c.first[c.nkeys++] = i;
    }
    rc = st_get_many(t, table, k, c.nkeys, ctr_row_cb, &c);
    for (size_t g = 0; rc == MTRK_OK && g < c.nkeys; g++) {
        size_t end = g + 1 < c.nkeys ? c.first[g + 1] : n;
        for (size_t i = c.first[g]; i < end; i++)
            ctr_row_add(t, kind, &c.rows[g], c.found[g], c.d[i]);
        rc = c.found[g] ? st_update(t, table, &c.rows[g]) : st_insert(t, table, &c.rows[g]);
    }
out:
    free(c.d);
    free(c.first);
    free(c.rows);
    free(c.found);
    free(k);
    return rc;
}

/* Adds n deltas of `kind` to the stored rollups: one counters_add where the
 * store has it, else row by row. */
static int counters_add(mtrk_tenant *t, int kind, const mtrk_store_counter_delta *const *d, size_t n)
{
    if (n == 0)
        return MTRK_OK;
    if (!counters_native(t))
        return counters_add_rows(t, kind, d, n);
    mtrk_store *s = t->db->store;
    t->writes++;
    int rc = s->counters_add(s, t->id, kind, d, n);
    return rc ? counters_fail(t, rc) : MTRK_OK;
}

/* Adds the deltas d to the campaign's stored counters (now or at the flush). */
static int cstats_add(mtrk_tenant *t, mtrk_id campaign, const row_campaign_stats *d)
{
    struct stats_pending *p = deferring(t);
    if (p) {
        pend_cstats *c = NULL;
        int rc = pend_cstats_get(t, p, campaign, &c);
        if (rc)
            return rc;
#define X_(f) c->d.f += d->f;
        CSTATS_COUNTERS(X_)
#undef X_
        return MTRK_OK;
    }
    int64_t v[MTRK_STORE_CAMPAIGN_COUNTERS];
    cstats_values(d, v);
    mtrk_store_counter_delta cd = { MTRK_STORE_COUNTER_DELTA_VERSION, campaign, { { 0 } }, 0, 0, v,
                                    MTRK_STORE_CAMPAIGN_COUNTERS };
    const mtrk_store_counter_delta *pd = &cd;
    return counters_add(t, MTRK_STORE_COUNTERS_CAMPAIGN, &pd, 1);
}

/* The campaign_stats column of each CONTRIB_FIELDS field, in that order. */
static const size_t contrib_col[] = {
#define X_(f) offsetof(row_campaign_stats, f),
    CONTRIB_FIELDS(X_)
#undef X_
};

/* A state's contribution (stats_contribution_bits) is a function of the
 * message flags below MSGF_CONTRIB_MASK and of whether the state is
 * MTRK_MSG_CANCELED: looked up in a table made once from that function (a
 * rebuild of the rollups calls the function itself, so the property tests'
 * incremental == rebuild compares the two). */
#define MSGF_CONTRIB_MASK MSGF_ALL
static uint32_t contrib_table[2 * (MSGF_CONTRIB_MASK + 1)];
static pthread_once_t contrib_once = PTHREAD_ONCE_INIT;

static void contrib_table_make(void)
{
    for (size_t i = 0; i < sizeof contrib_table / sizeof contrib_table[0]; i++) {
        row_messages m;
        memset(&m, 0, sizeof m);
        m.flags = (int64_t)(i & MSGF_CONTRIB_MASK);
        m.state = i > MSGF_CONTRIB_MASK ? MTRK_MSG_CANCELED : MTRK_MSG_CANCELED - 1;
        contrib_table[i] = stats_contribution_bits(&m);
    }
}

static inline uint32_t contrib_bits(int64_t flags, int64_t state)
{
    return contrib_table[(size_t)(flags & MSGF_CONTRIB_MASK) + (state == MTRK_MSG_CANCELED ? MSGF_CONTRIB_MASK + 1 : 0)];
}

/* The change of a message from the state (before_flags, before_state) to
 * after's, or from no message when !had. */
static int stats_message_moved(mtrk_tenant *t, bool had, int64_t before_flags, int64_t before_state,
                               const row_messages *after)
{
    t->writes++;
    /* A contribution is a function of the flags and the state alone
     * (decide.h): when neither moved, nothing does. */
    if (had && before_flags == after->flags && before_state == after->state)
        return MTRK_OK;
    /* Each state's contribution computed once; only the fields that
     * differ are added (decide.c). */
    pthread_once(&contrib_once, contrib_table_make);
    uint32_t b = had ? contrib_bits(before_flags, before_state) : 0, a = contrib_bits(after->flags, after->state);
    if (had && a == b)
        return MTRK_OK;
    struct stats_pending *p = deferring(t);
    row_campaign_stats d, *to = &d;
    if (p) {
        /* straight into the transaction's deltas */
        pend_cstats *c = NULL;
        int rc = pend_cstats_get(t, p, after->campaign, &c);
        if (rc)
            return rc;
        to = &c->d;
    } else {
        memset(&d, 0, sizeof d);
    }
    unsigned i;
    int sign;
    for (uint32_t diff = b ^ a; (sign = stats_contribution_step(&diff, a, &i)) != 0;)
        *(int64_t *)((char *)to + contrib_col[i]) += sign;
    return p ? MTRK_OK : cstats_add(t, after->campaign, &d);
}

int core_stats_message(mtrk_tenant *t, const row_messages *before, const row_messages *after)
{
    return stats_message_moved(t, before != NULL, before ? before->flags : 0, before ? before->state : 0, after);
}

int core_stats_message_moved(mtrk_tenant *t, int64_t before_flags, int64_t before_state, const row_messages *after)
{
    return stats_message_moved(t, true, before_flags, before_state, after);
}

/* Adds n to the hourly series of (campaign, hour of the event, type). */
static int hourly_add(mtrk_tenant *t, mtrk_id campaign, mtrk_time at, int64_t type, int64_t n)
{
    struct stats_pending *p = deferring(t);
    if (p) {
        hour_key k = { campaign, core_hour(at), type };
        pend_hourly *h = hour_get(&p->hs, &k);
        if (h == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory");
        h->n += n;
        return MTRK_OK;
    }
    mtrk_store_counter_delta d = { MTRK_STORE_COUNTER_DELTA_VERSION, campaign, { { 0 } }, core_hour(at), type, &n, 1 };
    const mtrk_store_counter_delta *pd = &d;
    return counters_add(t, MTRK_STORE_COUNTERS_HOURLY, &pd, 1);
}

/* Adds to a link's counters (now or at the flush). */
static int link_add(mtrk_tenant *t, mtrk_id link, mtrk_id campaign, int64_t clicks, int64_t unique,
                    int64_t unique_human)
{
    struct stats_pending *p = deferring(t);
    if (p) {
        pend_link *e;
        HASH_FIND(hh, p->ls, &link, sizeof link, e);
        if (e == NULL) {
            if ((e = calloc(1, sizeof *e)) == NULL)
                return terr(t, MTRK_ENOMEM, "out of memory");
            e->link = link;
            e->campaign = campaign;
            HASH_ADD(hh, p->ls, link, sizeof e->link, e);
            if (e->hh.tbl == NULL) {
                free(e);
                return terr(t, MTRK_ENOMEM, "out of memory");
            }
        }
        e->clicks += clicks;
        e->unique += unique;
        e->unique_human += unique_human;
        return MTRK_OK;
    }
    int64_t v[MTRK_STORE_LINK_COUNTERS] = { clicks, unique, unique_human };
    mtrk_store_counter_delta d = { MTRK_STORE_COUNTER_DELTA_VERSION, campaign, link, 0, 0, v, MTRK_STORE_LINK_COUNTERS };
    const mtrk_store_counter_delta *pd = &d;
    return counters_add(t, MTRK_STORE_COUNTERS_LINK, &pd, 1);
}

/* The deltas of one kind, built for one counters_add call. */
typedef struct delta_batch {
    mtrk_store_counter_delta *d;
    const mtrk_store_counter_delta **p;
    int64_t *v;
    size_t n;
} delta_batch;

static int batch_alloc(mtrk_tenant *t, delta_batch *b, size_t n, size_t nvalues)
{
    memset(b, 0, sizeof *b);
    if (n == 0)
        return MTRK_OK;
    /* Not zeroed: batch_next writes each delta whole. */
    b->d = malloc(n * sizeof *b->d);
    b->p = malloc(n * sizeof *b->p);
    b->v = malloc(n * nvalues * sizeof *b->v);
    if (b->d == NULL || b->p == NULL || b->v == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    return MTRK_OK;
}

static void batch_free(delta_batch *b)
{
    free(b->d);
    free(b->p);
    free(b->v);
    memset(b, 0, sizeof *b);
}

/* The next delta, every field zero (the key's and the amounts), for the
 * caller to fill. */
static mtrk_store_counter_delta *batch_next(delta_batch *b, size_t nvalues)
{
    mtrk_store_counter_delta *d = &b->d[b->n];
    int64_t *v = b->v + b->n * nvalues;
    *d = (mtrk_store_counter_delta){ MTRK_STORE_COUNTER_DELTA_VERSION, nil_id, nil_id, 0, 0, v, nvalues };
    for (size_t i = 0; i < nvalues; i++)
        v[i] = 0;
    b->p[b->n] = d;
    b->n++;
    return d;
}

/* The changes of the transaction, one counters_add per kind of rollup. */
static int flush_pending(mtrk_tenant *t, struct stats_pending *p)
{
    delta_batch b;
    int rc = batch_alloc(t, &b, HASH_COUNT(p->cs), MTRK_STORE_CAMPAIGN_COUNTERS);
    for (pend_cstats *c = p->cs; c && rc == MTRK_OK; c = c->hh.next) {
        if (cstats_zero(&c->d))
            continue;
        mtrk_store_counter_delta *d = batch_next(&b, MTRK_STORE_CAMPAIGN_COUNTERS);
        d->campaign = c->campaign;
        cstats_values(&c->d, (int64_t *)d->values);
    }
    if (rc == MTRK_OK)
        rc = counters_add(t, MTRK_STORE_COUNTERS_CAMPAIGN, b.p, b.n);
    batch_free(&b);
    if (rc == MTRK_OK)
        rc = batch_alloc(t, &b, p->hs.n, MTRK_STORE_HOURLY_COUNTERS);
    for (size_t i = 0; i < p->hs.n && rc == MTRK_OK; i++) {
        const pend_hourly *h = &p->hs.v[i];
        if (h->n == 0)
            continue;
        mtrk_store_counter_delta *d = batch_next(&b, MTRK_STORE_HOURLY_COUNTERS);
        d->campaign = h->k.campaign;
        d->hour = h->k.hour;
        d->type = h->k.type;
        ((int64_t *)d->values)[MTRK_STORE_HOURLY_COUNT] = h->n;
    }
    if (rc == MTRK_OK)
        rc = counters_add(t, MTRK_STORE_COUNTERS_HOURLY, b.p, b.n);
    batch_free(&b);
    if (rc == MTRK_OK)
        rc = batch_alloc(t, &b, HASH_COUNT(p->ls), MTRK_STORE_LINK_COUNTERS);
    for (pend_link *l = p->ls; l && rc == MTRK_OK; l = l->hh.next) {
        if (l->clicks == 0 && l->unique == 0 && l->unique_human == 0)
            continue;
        mtrk_store_counter_delta *d = batch_next(&b, MTRK_STORE_LINK_COUNTERS);
        d->campaign = l->campaign;
        d->link = l->link;
        int64_t *v = (int64_t *)d->values;
        v[MTRK_STORE_LINK_CLICKS] = l->clicks;
        v[MTRK_STORE_LINK_CLICKS_UNIQUE] = l->unique;
        v[MTRK_STORE_LINK_CLICKS_UNIQUE_HUMAN] = l->unique_human;
    }
    if (rc == MTRK_OK)
        rc = counters_add(t, MTRK_STORE_COUNTERS_LINK, b.p, b.n);
    batch_free(&b);
    return rc;
}

int stats_flush(mtrk_tenant *t)
{
    struct stats_pending *p = deferring(t);
    if (p == NULL)
        return MTRK_OK;
    p->active = false; /* the writes below go to the store */
    int rc = flush_pending(t, p);
    stats_drop(t);
    return rc;
}

int core_stats_event(mtrk_tenant *t, const row_events *ev, bool first_link_click, bool first_link_human_click)
{
    t->writes++;
    bool machine = ev->verdict == MTRK_VERDICT_MACHINE;
    int rc;
    struct stats_pending *p = deferring(t);
    if (p && (ev->type == MTRK_EV_OPEN || ev->type == MTRK_EV_CLICK)) {
        pend_cstats *c = NULL;
        if ((rc = pend_cstats_get(t, p, ev->campaign, &c)))
            return rc;
        if (ev->type == MTRK_EV_OPEN) {
            c->d.opens_total++;
            c->d.opens_machine += machine;
        } else {
            c->d.clicks_total++;
            c->d.clicks_machine += machine;
        }
    } else if (ev->type == MTRK_EV_OPEN || ev->type == MTRK_EV_CLICK) {
        row_campaign_stats d;
        memset(&d, 0, sizeof d);
        if (ev->type == MTRK_EV_OPEN) {
            d.opens_total = 1;
            d.opens_machine = machine;
        } else {
            d.clicks_total = 1;
            d.clicks_machine = machine;
        }
        if ((rc = cstats_add(t, ev->campaign, &d)))
            return rc;
    }
    if ((rc = hourly_add(t, ev->campaign, ev->occurred_at, ev->type, 1)))
        return rc;
    if (ev->type != MTRK_EV_CLICK)
        return MTRK_OK;
    return link_add(t, ev->link, ev->campaign, 1, first_link_click, first_link_human_click);
}

int core_stats_lead(mtrk_tenant *t, const row_leads *lead)
{
    t->writes++;
    row_campaign_stats d;
    memset(&d, 0, sizeof d);
    bool attributed = !id_is_nil(lead->message);
    d.leads_total = 1;
    d.leads_attributed = attributed;
    d.leads_forwarded = attributed && lead->forwarded;
    return cstats_add(t, lead->campaign, &d);
}

/* ---- reading metrics ----------------------------------------------------- */

MTRK_API int mtrk_metrics_init(mtrk_metrics *m, unsigned int version)
{
    int rc = init_check(m, "metrics", "mtrk_metrics", version, MTRK_METRICS_VERSION);
    if (rc)
        return rc;
    memset(m, 0, sizeof *m);
    m->version = version;
    return MTRK_OK;
}

static double rate(uint64_t num, uint64_t den) { return den ? (double)num / (double)den : 0.0; }

/* The one place rates are computed. */
static void metrics_fill(mtrk_metrics *m, mtrk_id campaign, const row_campaign_stats *r)
{
    unsigned v = m->version;
    memset(m, 0, sizeof *m);
    m->version = v;
    m->campaign = campaign;
#define C_(f) m->f = r->f > 0 ? (uint64_t)r->f : 0;
    C_(messages) C_(canceled) C_(sent) C_(delivered) C_(delivered_explicit) C_(bounced_hard)
    C_(bounced_soft) C_(complaints) C_(unsubscribes) C_(opens_total) C_(opens_unique)
    C_(opens_unique_human) C_(opens_machine) C_(opens_inferred) C_(clicks_total) C_(clicks_unique)
    C_(clicks_unique_human) C_(clicks_machine) C_(leads_total) C_(leads_attributed) C_(leads_forwarded)
#undef C_
    m->delivery_rate = rate(m->delivered, m->sent);
    m->open_rate = rate(m->opens_unique, m->delivered);
    m->click_rate = rate(m->clicks_unique, m->delivered);
    m->click_to_open_rate = rate(m->clicks_unique, m->opens_unique);
    m->bounce_rate = rate(m->bounced_hard, m->sent);
    m->complaint_rate = rate(m->complaints, m->delivered);
    m->unsubscribe_rate = rate(m->unsubscribes, m->delivered);
    m->conversion_rate = rate(m->leads_attributed, m->delivered);
}

static int campaign_exists(mtrk_tenant *t, mtrk_id campaign)
{
    char idt[MTRK_ID_STRLEN + 1];
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    row_campaigns c = { 0 };
    c.tenant = t->id;
    c.id = campaign;
    int rc = st_get(t, T_CAMPAIGNS, &c);
    if (rc == MTRK_OK)
        rows_clear(T_CAMPAIGNS, &c);
    if (rc == MTRK_ENOTFOUND) {
        mtrk_id_to_string(idt, campaign);
        return terr(t, MTRK_ENOTFOUND, "campaign %s not found", idt);
    }
    return rc;
}

/* Loads the campaign's counter row, or a zero row with its key. */
static int cstats_load(mtrk_tenant *t, mtrk_id campaign, row_campaign_stats *r)
{
    memset(r, 0, sizeof *r);
    r->tenant = t->id;
    r->campaign = campaign;
    int rc = st_get(t, T_CAMPAIGN_STATS, r);
    if (rc == MTRK_ENOTFOUND) {
        r->tenant = t->id;
        r->campaign = campaign;
        rc = MTRK_OK;
    }
    return rc;
}

static int metrics_read(mtrk_tenant *t, mtrk_metrics *out, mtrk_id campaign)
{
    int rc = campaign_exists(t, campaign);
    if (rc)
        return rc;
    row_campaign_stats r;
    if ((rc = cstats_load(t, campaign, &r)))
        return rc;
    metrics_fill(out, campaign, &r);
    return MTRK_OK;
}

MTRK_API int mtrk_metrics_campaign(mtrk_metrics *out, mtrk_tenant *t, mtrk_id campaign)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_METRICS_VERSION);
    if (rc)
        return rc;
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if ((rc = tx_begin(t, false)))
        return rc;
    return tx_end(t, metrics_read(t, out, campaign));
}

MTRK_API int mtrk_metrics_compare(mtrk_metrics *const *outs, mtrk_tenant *t, const mtrk_id *campaigns, size_t n)
{
    if (outs == NULL)
        return gerr(MTRK_EINVAL, "outs is NULL");
    TENANT_CHECK(t);
    if (campaigns == NULL)
        return terr(t, MTRK_EINVAL, "campaigns is NULL");
    if (n > MTRK_MAX_BATCH)
        return terr(t, MTRK_ETOOLONG, "n %zu is over %d", n, MTRK_MAX_BATCH);
    char what[48];
    int rc;
    for (size_t i = 0; i < n; i++) {
        snprintf(what, sizeof what, "outs[%zu]", i);
        if ((rc = check_version(t, what, outs[i], MTRK_METRICS_VERSION)))
            return rc;
        if (id_is_nil(campaigns[i]))
            return terr(t, MTRK_EINVAL, "campaigns[%zu] is nil", i);
    }
    if ((rc = tx_begin(t, false)))
        return rc;
    for (size_t i = 0; i < n && rc == MTRK_OK; i++)
        rc = metrics_read(t, outs[i], campaigns[i]);
    return tx_end(t, rc);
}

/* ---- links ----------------------------------------------------------------- */

MTRK_API int mtrk_link_stats_init(mtrk_link_stats *s, unsigned int version)
{
    int rc = init_check(s, "stats", "mtrk_link_stats", version, MTRK_LINK_STATS_VERSION);
    if (rc)
        return rc;
    memset(s, 0, sizeof *s);
    s->version = version;
    return MTRK_OK;
}

typedef struct link_acc {
    row_links link;        /* owned copy */
    row_link_stats st;     /* numbers only */
    uint32_t rank;
} link_acc;

typedef struct link_list {
    link_acc *v;
    size_t n, cap;
} link_list;

static int link_collect(void *ud, void *row)
{
    link_list *l = ud;
    if (l->n == l->cap) {
        link_acc *p = grow_array(l->v, &l->cap, sizeof *p, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        l->v = p;
    }
    link_acc *a = &l->v[l->n];
    memset(a, 0, sizeof *a);
    if (rows_copy(T_LINKS, &a->link, row))
        return MTRK_ENOMEM;
    l->n++;
    return 0;
}

static void link_list_free(link_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        rows_clear(T_LINKS, &l->v[i].link);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Every link of a campaign, by position. */
static int links_load(mtrk_tenant *t, mtrk_id campaign, link_list *l)
{
    mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
    int rc = st_scan(t, T_LINKS, IDX_LINKS_CAMPAIGN, pre, 2, NULL, 0, 0, link_collect, l);
    if (rc == MTRK_ENOMEM)
        return terr(t, rc, "out of memory reading links");
    return rc;
}

static int rank_cmp(const void *a, const void *b)
{
    const link_acc *x = a, *y = b;
    if (x->st.clicks_unique != y->st.clicks_unique)
        return x->st.clicks_unique > y->st.clicks_unique ? -1 : 1;
    if (x->link.position != y->link.position)
        return x->link.position < y->link.position ? -1 : 1;
    return mtrk_id_compare(x->link.id, y->link.id);
}

MTRK_API int mtrk_metrics_links(mtrk_link_stats *const *outs, size_t cap, size_t *out_count, mtrk_tenant *t,
                                mtrk_id campaign)
{
    if (outs == NULL && cap > 0)
        return gerr(MTRK_EINVAL, "outs is NULL");
    if (out_count)
        *out_count = 0;
    TENANT_CHECK(t);
    int rc = check_versions(t, "outs", (const void *const *)outs, cap, MTRK_LINK_STATS_VERSION);
    if (rc)
        return rc;
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    link_list l = { 0 };
    if ((rc = tx_begin(t, false)))
        return rc;
    rc = campaign_exists(t, campaign);
    if (rc == MTRK_OK)
        rc = links_load(t, campaign, &l);
    for (size_t i = 0; rc == MTRK_OK && i < l.n; i++) {
        row_link_stats *s = &l.v[i].st;
        s->tenant = t->id;
        s->link = l.v[i].link.id;
        rc = st_get(t, T_LINK_STATS, s);
        if (rc == MTRK_ENOTFOUND) {
            memset(s, 0, sizeof *s);
            rc = MTRK_OK;
        }
    }
    rc = tx_end(t, rc);
    if (rc == MTRK_OK) {
        if (l.n > 1) /* l.v is NULL for a campaign without links: no qsort(NULL, 0) (UBSan) */
            qsort(l.v, l.n, sizeof *l.v, rank_cmp);
        /* Ties share a rank: 1, 1, 3. */
        for (size_t i = 0; i < l.n; i++)
            l.v[i].rank = (i > 0 && l.v[i].st.clicks_unique == l.v[i - 1].st.clicks_unique) ? l.v[i - 1].rank
                                                                                            : (uint32_t)(i + 1);
        for (size_t i = 0; i < l.n && i < cap; i++) {
            mtrk_link_stats *o = outs[i];
            unsigned v = o->version;
            memset(o, 0, sizeof *o);
            o->version = v;
            o->lid = l.v[i].link.id;
            o->position = (uint32_t)l.v[i].link.position;
            o->clicks = (uint64_t)l.v[i].st.clicks;
            o->clicks_unique = (uint64_t)l.v[i].st.clicks_unique;
            o->clicks_unique_human = (uint64_t)l.v[i].st.clicks_unique_human;
            o->rank = l.v[i].rank;
            o->url = tenant_keep(t, l.v[i].link.url);
            o->label = tenant_keep(t, l.v[i].link.label);
            if (o->url == NULL || (l.v[i].link.label && o->label == NULL)) {
                rc = terr(t, MTRK_ENOMEM, "out of memory");
                break;
            }
        }
        if (out_count && rc == MTRK_OK)
            *out_count = l.n;
    }
    link_list_free(&l);
    return rc;
}

/* ---- hourly ---------------------------------------------------------------- */

#define MAX_HOURS (24 * 366)

static int64_t floor_hour(mtrk_time x) { return (x >= 0 ? x / HOUR_MS : -((-x + HOUR_MS - 1) / HOUR_MS)) * HOUR_MS; }

#define MAX_HOURLY_TYPES 1024

typedef struct hourly_ctx {
    uint64_t *out;
    size_t ntypes; /* the caller's slots per hour, not MTRK_EV_TYPE_COUNT */
    int64_t from, to;
} hourly_ctx;

static int hourly_cb(void *ud, void *row)
{
    hourly_ctx *c = ud;
    const row_hourly_stats *h = row;
    if (h->hour >= c->to)
        return 1;
    if (h->hour < c->from || h->type < 1 || (uint64_t)h->type >= c->ntypes)
        return 0;
    size_t idx = (size_t)((h->hour - c->from) / HOUR_MS) * c->ntypes + (size_t)h->type;
    c->out[idx] += (uint64_t)h->count;
    return 0;
}

MTRK_API int mtrk_metrics_hourly(uint64_t *out, size_t cap, size_t ntypes, size_t *out_hours, mtrk_tenant *t,
                                 mtrk_id campaign, mtrk_time from, mtrk_time to)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (out_hours)
        *out_hours = 0;
    TENANT_CHECK(t);
    if (ntypes == 0 || ntypes > MAX_HOURLY_TYPES)
        return terr(t, MTRK_EINVAL, "ntypes %zu is not a number of event-type slots (1..%d; pass MTRK_EV_TYPE_COUNT)",
                    ntypes, MAX_HOURLY_TYPES);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if (from < 0 || to < 0)
        return terr(t, MTRK_EINVAL, "from and to must be >= 0");
    if (to <= from)
        return terr(t, MTRK_EINVAL, "to must be after from");
    int64_t h0 = floor_hour(from), h1 = floor_hour(to);
    if (h1 < to)
        h1 += HOUR_MS;
    int64_t hours = (h1 - h0) / HOUR_MS;
    if (hours > MAX_HOURS)
        return terr(t, MTRK_EINVAL, "from..to spans %lld hours, more than %d", (long long)hours, MAX_HOURS);
    size_t need = (size_t)hours * ntypes; /* <= 8784 * 1024: no overflow */
    if (cap < need)
        return terr(t, MTRK_EINVAL, "cap %zu is less than the %zu entries of %lld hours", cap, need,
                    (long long)hours);
    memset(out, 0, need * sizeof *out);
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = campaign_exists(t, campaign);
    if (rc == MTRK_OK) {
        hourly_ctx c = { out, ntypes, h0, h1 };
        mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
        mtrk_value start = v_int(h0);
        rc = st_scan(t, T_HOURLY_STATS, MTRK_INDEX_PK, pre, 2, &start, 1, 0, hourly_cb, &c);
    }
    rc = tx_end(t, rc);
    if (rc)
        memset(out, 0, need * sizeof *out);
    else if (out_hours)
        *out_hours = (size_t)hours;
    return rc;
}

typedef struct first_hour_ctx {
    mtrk_time hour;
    bool found;
} first_hour_ctx;

static int first_hour_cb(void *ud, void *row)
{
    first_hour_ctx *c = ud;
    const row_hourly_stats *h = row;
    if (h->count <= 0 || h->type < 1)
        return 0; /* a row left at zero counts nothing */
    c->hour = h->hour;
    c->found = true;
    return 1;
}

MTRK_API int mtrk_metrics_first_hour(mtrk_time *out_hour, mtrk_tenant *t, mtrk_id campaign, mtrk_time since)
{
    if (out_hour == NULL)
        return gerr(MTRK_EINVAL, "out_hour is NULL");
    *out_hour = 0;
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if (since < 0)
        return terr(t, MTRK_EINVAL, "since must be >= 0");
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    first_hour_ctx c = { 0, false };
    rc = campaign_exists(t, campaign);
    if (rc == MTRK_OK) {
        mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
        mtrk_value start = v_int(floor_hour(since));
        rc = st_scan(t, T_HOURLY_STATS, MTRK_INDEX_PK, pre, 2, &start, 1, 0, first_hour_cb, &c);
    }
    rc = tx_end(t, rc);
    if (rc)
        return rc;
    if (!c.found)
        return MTRK_ITEROVER;
    *out_hour = c.hour;
    return MTRK_OK;
}
