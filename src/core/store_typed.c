/*
 * The typed operations of the event path (store contract version 4): the
 * store's own when it has them, else the same work through the rows. The
 * core's callers see row structs either way; the conversion between row
 * structs and the contract's records is here, and so is the one derived
 * field the core hands a store (queue_state).
 */
#include "event_int.h"

#include <stdlib.h>
#include <string.h>

bool st_typed(const mtrk_tenant *t)
{
    const mtrk_store *s = t->db->store;
    return s->version >= 4 && s->messages_load != NULL;
}

int64_t core_queue_state(int64_t state)
{
    return state == MTRK_MSG_QUEUED || state == MTRK_MSG_CLAIMED ? state : 0;
}

MTRK_API int64_t mtrk_store_queue_state(int64_t state) { return core_queue_state(state); }
MTRK_API mtrk_time mtrk_store_event_hour(mtrk_time occurred_at) { return core_hour(occurred_at); }

/* ---- records <-> rows (strings borrowed both ways) ----------------------------- */

static void msg_to_rec(const row_messages *m, mtrk_store_message *r)
{
    memset(r, 0, sizeof *r);
    r->version = MTRK_STORE_MESSAGE_VERSION;
    r->id = m->id;
    r->campaign = m->campaign;
    r->contact = m->contact;
    r->state = m->state;
    r->cancel_reason = m->cancel_reason;
    r->created_at = m->created_at;
    r->lease_until = m->lease_until;
    r->sent_at = m->sent_at;
    r->delivered_at = m->delivered_at;
    r->bounced_at = m->bounced_at;
    r->first_open_at = m->first_open_at;
    r->first_click_at = m->first_click_at;
    r->first_complaint_at = m->first_complaint_at;
    r->first_unsub_at = m->first_unsub_at;
    r->opens = m->opens;
    r->clicks = m->clicks;
    r->soft_bounces = m->soft_bounces;
    r->flags = m->flags;
    r->provider_message_id = m->provider_message_id;
    r->queue_state = core_queue_state(m->state);
    r->folded_occurred_at = m->folded_occurred_at;
    r->folded_arrived_at = m->folded_arrived_at;
    r->folded_event = m->folded_event;
    r->folded_links = m->folded_links;
}

/* Every column of the row is written below: no zeroing first. */
_Static_assert(COL_messages__COUNT == 25 && sizeof(row_messages) == 5 * sizeof(mtrk_id) + 18 * 8 + 2 * sizeof(char *),
               "st_message_row writes each of the messages row's columns");

void st_message_row(mtrk_id tenant, const mtrk_store_message *r, row_messages *m)
{
    m->tenant = tenant;
    m->id = r->id;
    m->campaign = r->campaign;
    m->contact = r->contact;
    m->state = r->state;
    m->cancel_reason = r->cancel_reason;
    m->created_at = r->created_at;
    m->lease_until = r->lease_until;
    m->sent_at = r->sent_at;
    m->delivered_at = r->delivered_at;
    m->bounced_at = r->bounced_at;
    m->first_open_at = r->first_open_at;
    m->first_click_at = r->first_click_at;
    m->first_complaint_at = r->first_complaint_at;
    m->first_unsub_at = r->first_unsub_at;
    m->opens = r->opens;
    m->clicks = r->clicks;
    m->soft_bounces = r->soft_bounces;
    m->flags = r->flags;
    m->provider_message_id = (char *)r->provider_message_id;
    m->queue_state = r->queue_state;
    m->folded_occurred_at = r->folded_occurred_at;
    m->folded_arrived_at = r->folded_arrived_at;
    m->folded_event = r->folded_event;
    m->folded_links = (char *)r->folded_links;
}

static void ev_to_rec(const row_events *e, mtrk_store_event *r)
{
    memset(r, 0, sizeof *r);
    r->version = MTRK_STORE_EVENT_VERSION;
    r->id = e->id;
    r->message = e->message;
    r->campaign = e->campaign;
    r->contact = e->contact;
    r->type = e->type;
    r->link = e->link;
    r->occurred_at = e->occurred_at;
    r->arrived_at = e->arrived_at;
    r->occurred_hour = e->occurred_hour;
    r->provider = e->provider;
    r->provider_event_id = e->provider_event_id;
    r->provider_message_id = e->provider_message_id;
    r->bounce_kind = e->bounce_kind;
    r->diagnostic = e->diagnostic;
    r->user_agent = e->user_agent;
    r->ip = e->ip;
    r->verdict = e->verdict;
    r->verdict_reason = e->verdict_reason;
    r->unsub_scope = e->unsub_scope;
    r->unsub_audience = e->unsub_audience;
    r->unsub_source = e->unsub_source;
    r->effects = e->effects;
}

static void ev_from_rec(mtrk_id tenant, const mtrk_store_event *r, row_events *e)
{
    memset(e, 0, sizeof *e);
    e->tenant = tenant;
    e->id = r->id;
    e->message = r->message;
    e->campaign = r->campaign;
    e->contact = r->contact;
    e->type = r->type;
    e->link = r->link;
    e->occurred_at = r->occurred_at;
    e->arrived_at = r->arrived_at;
    e->occurred_hour = r->occurred_hour;
    e->provider = (char *)r->provider;
    e->provider_event_id = (char *)r->provider_event_id;
    e->provider_message_id = (char *)r->provider_message_id;
    e->bounce_kind = r->bounce_kind;
    e->diagnostic = (char *)r->diagnostic;
    e->user_agent = (char *)r->user_agent;
    e->ip = (char *)r->ip;
    e->verdict = r->verdict;
    e->verdict_reason = (char *)r->verdict_reason;
    e->unsub_scope = r->unsub_scope;
    e->unsub_audience = r->unsub_audience;
    e->unsub_source = r->unsub_source;
    e->effects = r->effects;
}

static int store_err(mtrk_tenant *t, int rc, const char *op)
{
    if (rc == MTRK_OK || rc == MTRK_ENOTFOUND)
        return rc;
    if (rc == MTRK_ENOMEM)
        return terr(t, rc, "out of memory");
    const char *m = t->db->store->errmsg ? t->db->store->errmsg(t->db->store) : NULL;
    return terr(t, rc, "store %s: %s", op, m && *m ? m : mtrk_strerror(rc));
}

/* ---- messages_load ---------------------------------------------------------- */

typedef struct load_ctx {
    mtrk_tenant *t;
    st_message_fn fn;
    void *ud;
    row_events *ev; /* the store's events, converted (strings borrowed) */
    size_t cap;
} load_ctx;

static int typed_msg_cb(void *ud, const mtrk_store_message *rec, const mtrk_store_event *const *events, size_t n)
{
    load_ctx *c = ud;
    if (n > c->cap) {
        size_t cap = c->cap ? c->cap : 16;
        while (cap < n)
            cap *= 2;
        row_events *p = realloc(c->ev, cap * sizeof *p);
        if (p == NULL)
            return MTRK_ENOMEM;
        c->ev = p;
        c->cap = cap;
    }
    row_messages m;
    st_message_row(c->t->id, rec, &m);
    for (size_t i = 0; i < n; i++)
        ev_from_rec(c->t->id, events[i], &c->ev[i]);
    return c->fn(c->ud, &m, c->ev, n);
}

/* Through the rows: the messages (one get_many where the store has it,
 * else a get each), the events past each one's mark (one scan_many for the
 * messages without a mark, one scan each for those with one). */
typedef struct row_load {
    mtrk_id mid;
    row_messages m;
    bool found;
    row_events *ev; /* owned copies */
    size_t n, cap;
} row_load;

typedef struct rows_ctx {
    row_load *v; /* sorted by mid, unique */
    size_t n;
} rows_ctx;

static int rl_cmp(const void *a, const void *b) { return id_cmp(&((const row_load *)a)->mid, &((const row_load *)b)->mid); }

static int rows_ev_cb(void *ud, void *row)
{
    rows_ctx *c = ud;
    const row_events *e = row;
    row_load key = { .mid = e->message };
    row_load *l = bsearch(&key, c->v, c->n, sizeof *c->v, rl_cmp);
    if (l == NULL || !l->found)
        return 0;
    if (l->n == l->cap) {
        row_events *p = grow_array(l->ev, &l->cap, sizeof *p, 8);
        if (p == NULL)
            return MTRK_ENOMEM;
        l->ev = p;
    }
    if (rows_copy(T_EVENTS, &l->ev[l->n], e))
        return MTRK_ENOMEM;
    l->n++;
    return 0;
}

static int rows_msg_cb(void *ud, void *row)
{
    rows_ctx *c = ud;
    const row_messages *m = row;
    row_load key = { .mid = m->id };
    row_load *l = bsearch(&key, c->v, c->n, sizeof *c->v, rl_cmp);
    if (l == NULL || l->found)
        return 0;
    if (rows_copy(T_MESSAGES, &l->m, m))
        return MTRK_ENOMEM;
    l->found = true;
    return 0;
}

static int load_through_rows(mtrk_tenant *t, const mtrk_id *mids, size_t n, st_message_fn fn, void *ud)
{
    rows_ctx c = { calloc(n ? n : 1, sizeof *c.v), 0 };
    mtrk_value *keys = malloc((n ? n : 1) * 2 * sizeof *keys);
    int rc = c.v == NULL || keys == NULL ? MTRK_ENOMEM : MTRK_OK;
    for (size_t i = 0; rc == MTRK_OK && i < n; i++)
        c.v[c.n++].mid = mids[i];
    if (rc == MTRK_OK && c.n > 1) {
        qsort(c.v, c.n, sizeof *c.v, rl_cmp);
        size_t u = 0;
        for (size_t i = 0; i < c.n; i++)
            if (u == 0 || !id_eq(c.v[u - 1].mid, c.v[i].mid))
                c.v[u++] = c.v[i];
        c.n = u;
    }
    for (size_t i = 0; rc == MTRK_OK && i < c.n; i++) {
        keys[2 * i] = v_id(&t->id);
        keys[2 * i + 1] = v_id(&c.v[i].mid);
    }
    if (rc == MTRK_OK)
        rc = st_get_many(t, T_MESSAGES, keys, c.n, rows_msg_cb, &c);
    size_t npre = 0;
    for (size_t i = 0; rc == MTRK_OK && i < c.n; i++) {
        row_load *l = &c.v[i];
        if (!l->found)
            continue;
        mark_pos mk;
        if (!mark_of(&l->m, &mk)) {
            keys[2 * npre] = v_id(&t->id);
            keys[2 * npre + 1] = v_id(&l->mid);
            npre++;
        } else {
            mtrk_value pre[2] = { v_id(&t->id), v_id(&l->mid) };
            row_events at;
            mtrk_value start[COL_events__COUNT];
            unsigned ns = mark_start(t, l->mid, &mk, &at, start);
            rc = st_scan(t, T_EVENTS, IDX_EVENTS_MESSAGE, pre, 2, start, ns, MTRK_SCAN_AFTER, rows_ev_cb, &c);
        }
    }
    if (rc == MTRK_OK && npre)
        rc = st_scan_many(t, T_EVENTS, IDX_EVENTS_MESSAGE, keys, 2, npre, rows_ev_cb, &c);
    for (size_t i = 0; rc == MTRK_OK && i < c.n; i++)
        if (c.v[i].found)
            rc = fn(ud, &c.v[i].m, c.v[i].ev, c.v[i].n);
    for (size_t i = 0; c.v != NULL && i < c.n; i++) {
        rows_clear(T_MESSAGES, &c.v[i].m);
        for (size_t j = 0; j < c.v[i].n; j++)
            rows_clear(T_EVENTS, &c.v[i].ev[j]);
        free(c.v[i].ev);
    }
    free(c.v);
    free(keys);
    return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
}

int st_messages_load(mtrk_tenant *t, const mtrk_id *mids, size_t n, st_message_fn fn, void *ud)
{
    if (!st_typed(t))
        return load_through_rows(t, mids, n, fn, ud);
    mtrk_store *s = t->db->store;
    load_ctx c = { t, fn, ud, NULL, 0 };
    int rc = s->messages_load(s, t->id, mids, n, typed_msg_cb, &c);
    free(c.ev);
    return store_err(t, rc, "messages_load");
}

/* ---- provider_ids_find ------------------------------------------------------ */

typedef struct prov_ctx {
    mtrk_tenant *t;
    st_event_fn fn;
    void *ud;
    const char *const *providers, *const *event_ids;
    size_t *order; /* the pairs' indexes, sorted by pair (through the rows) */
    size_t n;
} prov_ctx;

static int typed_ev_cb(void *ud, size_t i, const mtrk_store_event *rec)
{
    prov_ctx *c = ud;
    row_events e;
    ev_from_rec(c->t->id, rec, &e);
    return c->fn(c->ud, i, &e);
}

static int pair_cmp(const prov_ctx *c, const char *p, const char *e, size_t j)
{
    int r = strcmp(p, c->providers[j]);
    return r ? r : strcmp(e, c->event_ids[j]);
}

static _Thread_local const prov_ctx *sort_ctx; /* qsort has no user data */

static int order_cmp(const void *a, const void *b)
{
    size_t y = *(const size_t *)b;
    return pair_cmp(sort_ctx, sort_ctx->providers[*(const size_t *)a], sort_ctx->event_ids[*(const size_t *)a], y);
}

static int row_prov_cb(void *ud, void *row)
{
    prov_ctx *c = ud;
    const row_events *e = row;
    if (e->provider == NULL || e->provider_event_id == NULL)
        return 0;
    size_t lo = 0, hi = c->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = pair_cmp(c, e->provider, e->provider_event_id, c->order[mid]);
        if (r == 0)
            return c->fn(c->ud, c->order[mid], e);
        if (r < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

int st_provider_ids_find(mtrk_tenant *t, const char *const *providers, const char *const *event_ids, size_t n,
                         st_event_fn fn, void *ud)
{
    prov_ctx c = { t, fn, ud, providers, event_ids, NULL, n };
    if (st_typed(t)) {
        mtrk_store *s = t->db->store;
        return store_err(t, s->provider_ids_find(s, t->id, providers, event_ids, n, typed_ev_cb, &c),
                         "provider_ids_find");
    }
    /* Through the rows: one scan_many over events_by_provider. */
    c.order = malloc((n ? n : 1) * sizeof *c.order);
    mtrk_value *pre = malloc((n ? n : 1) * 3 * sizeof *pre);
    int rc = c.order == NULL || pre == NULL ? terr(t, MTRK_ENOMEM, "out of memory") : MTRK_OK;
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        c.order[i] = i;
        pre[3 * i] = v_id(&t->id);
        pre[3 * i + 1] = v_text(providers[i]);
        pre[3 * i + 2] = v_text(event_ids[i]);
    }
    if (rc == MTRK_OK) {
        sort_ctx = &c;
        qsort(c.order, n, sizeof *c.order, order_cmp);
        sort_ctx = NULL;
        rc = st_scan_many(t, T_EVENTS, IDX_EVENTS_PROVIDER, pre, 3, n, row_prov_cb, &c);
    }
    free(c.order);
    free(pre);
    return rc;
}

/* ---- messages_update -------------------------------------------------------------- */

int st_messages_update(mtrk_tenant *t, const row_messages *m, const unsigned *masks, size_t n)
{
    if (n == 0)
        return MTRK_OK;
    if (!st_typed(t)) {
        int rc = MTRK_OK;
        for (size_t i = 0; rc == MTRK_OK && i < n; i++)
            rc = st_update(t, T_MESSAGES, &m[i]);
        return rc;
    }
    mtrk_store_message *recs = malloc(n * sizeof *recs);
    const mtrk_store_message **ptrs = malloc(n * sizeof *ptrs);
    int rc = recs == NULL || ptrs == NULL ? terr(t, MTRK_ENOMEM, "out of memory") : MTRK_OK;
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        msg_to_rec(&m[i], &recs[i]);
        ptrs[i] = &recs[i];
    }
    if (rc == MTRK_OK) {
        mtrk_store *s = t->db->store;
        rc = s->messages_update(s, t->id, ptrs, masks, n);
        if (rc == MTRK_ENOTFOUND)
            rc = terr(t, MTRK_ESTORE, "store messages_update: a message is missing");
        rc = store_err(t, rc, "messages_update");
    }
    free(recs);
    free(ptrs);
    return rc;
}

/* ---- messages_insert (generation) ------------------------------------------- */

int st_messages_insert(mtrk_tenant *t, const mtrk_store_message *const *recs, const row_messages *rows, size_t n)
{
    if (n == 0)
        return MTRK_OK;
    mtrk_store *s = t->db->store;
    if (s->version < 6 || s->messages_insert == NULL)
        return st_insert_many(t, T_MESSAGES, rows, n);
    t->writes++;
    int rc = s->messages_insert(s, t->id, recs, n);
    return store_err(t, rc == MTRK_ENOTFOUND ? MTRK_ESTORE : rc, "messages_insert");
}

/* ---- events_scan (the listings) --------------------------------------------- */

bool st_scannable(const mtrk_tenant *t)
{
    const mtrk_store *s = t->db->store;
    return s->version >= 7 && s->events_scan != NULL;
}

typedef struct scan_rec_ctx {
    mtrk_tenant *t;
    st_event_fn fn;
    void *ud;
} scan_rec_ctx;

static int scan_rec_cb(void *ud, size_t i, const mtrk_store_event *rec)
{
    scan_rec_ctx *c = ud;
    row_events e;
    ev_from_rec(c->t->id, rec, &e);
    return c->fn(c->ud, i, &e);
}

int st_events_scan(mtrk_tenant *t, const mtrk_store_event_query *q, st_event_fn fn, void *ud)
{
    mtrk_store *s = t->db->store;
    scan_rec_ctx c = { t, fn, ud };
    return store_err(t, s->events_scan(s, t->id, q, scan_rec_cb, &c), "events_scan");
}

/* ---- the event batch's records, handed over as they are ------------------------ */

int st_events_append_records(mtrk_tenant *t, const mtrk_store_event *const *ev, size_t n)
{
    if (n == 0)
        return MTRK_OK;
    if (!st_typed(t)) {
        row_events *rows = malloc(n * sizeof *rows);
        if (rows == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory");
        for (size_t i = 0; i < n; i++)
            ev_from_rec(t->id, ev[i], &rows[i]);
        int rc = st_insert_many(t, T_EVENTS, rows, n);
        free(rows);
        return rc;
    }
    mtrk_store *s = t->db->store;
    int rc = s->events_append(s, t->id, ev, n);
    if (rc == MTRK_ENOTFOUND)
        rc = terr(t, MTRK_ESTORE, "store events_append: an event's message is missing");
    return store_err(t, rc, "events_append");
}

/* Through the rows: each message and its events as records. */
typedef struct rec_load_ctx {
    mtrk_store_message_fn fn;
    void *ud;
    mtrk_store_event *recs;
    const mtrk_store_event **ptrs;
    size_t cap;
} rec_load_ctx;

static int rows_to_recs_cb(void *ud, const row_messages *m, const row_events *ev, size_t nev)
{
    rec_load_ctx *c = ud;
    if (nev > c->cap) {
        size_t cap = c->cap ? c->cap : 16;
        while (cap < nev)
            cap *= 2;
        mtrk_store_event *r = realloc(c->recs, cap * sizeof *r);
        if (r == NULL)
            return MTRK_ENOMEM;
        c->recs = r;
        const mtrk_store_event **p = realloc(c->ptrs, cap * sizeof *p);
        if (p == NULL)
            return MTRK_ENOMEM;
        c->ptrs = p;
        c->cap = cap;
    }
    mtrk_store_message rec;
    msg_to_rec(m, &rec);
    for (size_t i = 0; i < nev; i++) {
        ev_to_rec(&ev[i], &c->recs[i]);
        c->ptrs[i] = &c->recs[i];
    }
    return c->fn(c->ud, &rec, c->ptrs, nev);
}

int st_messages_load_records(mtrk_tenant *t, const mtrk_id *mids, size_t n, mtrk_store_message_fn fn, void *ud)
{
    if (st_typed(t)) {
        mtrk_store *s = t->db->store;
        return store_err(t, s->messages_load(s, t->id, mids, n, fn, ud), "messages_load");
    }
    rec_load_ctx c = { fn, ud, NULL, NULL, 0 };
    int rc = load_through_rows(t, mids, n, rows_to_recs_cb, &c);
    free(c.recs);
    free(c.ptrs);
    return rc;
}
