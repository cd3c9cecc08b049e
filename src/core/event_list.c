/*
 * Events: listings by message, contact and campaign, with resumable
 * cursors. A store with events_scan (contract version 7) hands over each
 * listing's events in event-time order, a page at a time after the last
 * one; for other stores the same listings are read through scans of the
 * events table (events_by_message, and events_by_campaign an hour at a
 * time).
 */
#include "event_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- iteration ---------------------------------------------------------------- */

#define CURSOR_MAGIC 0xE7
#define CURSOR_VERSION 1

/* A position in event-time order, and where its row is kept (hour_rows). */
typedef struct ev_key {
    mtrk_time occurred, arrived;
    mtrk_id id;
    size_t row;
} ev_key;

/* A campaign listing keeps the rows of an hour up to this many events (a
 * few MiB); past it, only their positions, and reads the rows again. A
 * variable so that a unit test can make both paths meet small hours. */
size_t core_hour_keep_max = 16384;

/* Where a listing resumes: after this position in event-time order, or,
 * without an id, after every event that occurred at or before `occurred`. */
typedef struct seek_pos {
    mark_pos at;
    bool has_id;
} seek_pos;

struct mtrk_event_iter {
    pager pg;           /* first: campaign_page_read gets the iterator from it */
    mtrk_tenant *t;
    row_events current; /* the last item returned (owns the borrowed strings) */
    bool have_current;
    int type;
    mtrk_time from, to;
    /* Campaign listings: the hour being read (campaign_page_read). */
    ev_key *hour_keys;
    size_t hour_n, hour_pos, hour_cap;
    row_events *hour_rows; /* hour_kept: the rows of hour_keys, by ev_key.row */
    size_t hour_rows_cap;
    bool hour_kept;
    int64_t hour;
    bool hour_loaded, hours_done;
    seek_pos seek; /* where the listing resumes, if seeking (iter_seek) */
    bool seeking;
    /* Through events_scan: the last event read from the store (a page
     * resumes after it), and for a campaign the events read ahead, a chunk
     * at a time (chunk doubles from PAGER_ROWS up to core_hour_keep_max, so a
     * short listing reads little and a long one few times). */
    bool typed;
    mark_pos after;
    bool after_set;
    row_events *ahead;
    size_t ahead_n, ahead_pos, ahead_cap, chunk;
    bool ahead_done;
};

/* Drops the events read ahead and not yet handed out. */
static void ahead_drop(mtrk_event_iter *it)
{
    for (size_t i = it->ahead_pos; i < it->ahead_n; i++)
        rows_clear(T_EVENTS, &it->ahead[i]);
    it->ahead_n = it->ahead_pos = 0;
    it->ahead_done = false;
    it->chunk = 0;
}

/* Drops the kept rows not yet handed out (those handed out are zeroed). */
static void hour_rows_drop(mtrk_event_iter *it)
{
    if (it->hour_kept)
        for (size_t i = 0; i < it->hour_n; i++)
            rows_clear(T_EVENTS, &it->hour_rows[i]);
    it->hour_kept = false;
}

static void hour_reset(mtrk_event_iter *it)
{
    hour_rows_drop(it);
    it->hour_n = it->hour_pos = 0;
    it->hour_loaded = it->hours_done = false;
}

/* Sets the listing to resume after `pos`, or from its first event (NULL).
 * Message and contact listings scan events_by_message from its sort key at
 * that position (sort_key_after, through cursor_set); campaign listings
 * compare each event with the position (after_seek). */
static int iter_seek(mtrk_event_iter *it, const seek_pos *pos)
{
    pager *p = &it->pg;
    size_t sz = rows_size(p->table);
    for (size_t i = p->pos; i < p->n; i++)
        rows_clear(p->table, p->rows + i * sz);
    p->n = p->pos = 0;
    p->done = false;
    cursor_free(&p->cur);
    ahead_drop(it);
    it->seeking = pos != NULL;
    /* events_scan: a campaign listing's start (no id) is its `from`. */
    it->after_set = pos != NULL && pos->has_id;
    if (it->after_set)
        it->after = pos->at;
    if (pos == NULL)
        return MTRK_OK;
    it->seek = *pos;
    row_events at;
    memset(&at, 0, sizeof at);
    at.tenant = it->t->id;
    at.occurred_at = pos->at.occurred;
    at.arrived_at = pos->at.arrived;
    at.id = pos->at.id;
    if (cursor_set(&p->cur, T_EVENTS, IDX_EVENTS_MESSAGE, 2, &at) != MTRK_OK)
        return terr(it->t, MTRK_ENOMEM, "out of memory");
    if (!pos->has_id) {
        /* Only the sort key's first value, occurred_at: a scan from it
         * AFTER passes every event that occurred then. */
        for (unsigned i = 1; i < p->cur.n; i++) {
            free(p->cur.owned[i]);
            p->cur.owned[i] = NULL;
        }
        p->cur.n = 1;
    }
    return MTRK_OK;
}

/* A contact's events in event-time order, a page at a time: each page takes
 * the first `max` events after the cursor of every message of the contact and
 * keeps the first `max` of them (memory: 2 * max rows). */
typedef struct cpage_ctx {
    row_events *rows;
    size_t n, max, taken;
    bool oom;
} cpage_ctx;

static int row_pos_cmp(const void *a, const void *b)
{
    const row_events *x = a, *y = b;
    return pos_cmp(x->occurred_at, x->arrived_at, x->id, y->occurred_at, y->arrived_at, y->id);
}

static int cpage_cb(void *ud, void *row)
{
    cpage_ctx *c = ud;
    if (rows_copy(T_EVENTS, &c->rows[c->n], row)) {
        c->oom = true;
        return 1;
    }
    c->n++;
    return ++c->taken >= c->max ? 1 : 0;
}

static void cpage_keep(cpage_ctx *c, size_t keep)
{
    qsort(c->rows, c->n, sizeof *c->rows, row_pos_cmp);
    for (size_t i = keep; i < c->n; i++)
        rows_clear(T_EVENTS, &c->rows[i]);
    if (c->n > keep)
        c->n = keep;
}

/* ---- through events_scan (contract version 7) --------------------------------- */

/* Copies the events handed over into rows[n..cap). */
typedef struct copy_ctx {
    row_events *rows;
    size_t n, cap;
} copy_ctx;

static int copy_cb(void *ud, size_t i, const row_events *e)
{
    (void)i;
    copy_ctx *c = ud;
    if (c->n == c->cap)
        return 1;
    if (rows_copy(T_EVENTS, &c->rows[c->n], e))
        return MTRK_ENOMEM;
    c->n++;
    return 0;
}

/* The listing's query of `owner`'s events after the last one read. */
static mtrk_store_event_query scan_query(const mtrk_event_iter *it, int by, const mtrk_value *owner, size_t limit)
{
    mtrk_store_event_query q;
    memset(&q, 0, sizeof q);
    q.version = MTRK_STORE_EVENT_QUERY_VERSION;
    q.by = by;
    memcpy(q.owner.bytes, owner->p, sizeof q.owner.bytes);
    q.type = it->type;
    q.from = it->from;
    q.to = it->to;
    q.after_set = it->after_set;
    if (it->after_set) {
        q.after_occurred_at = it->after.occurred;
        q.after_arrived_at = it->after.arrived;
        q.after_id = it->after.id;
    }
    q.limit = limit;
    return q;
}

static void after_last(mtrk_event_iter *it, const row_events *e)
{
    it->after = (mark_pos){ e->occurred_at, e->arrived_at, e->id };
    it->after_set = true;
}

/* A message's events: a page after the last, in one store call. */
static int message_page_scan(pager *p, size_t max, size_t *got)
{
    mtrk_event_iter *it = (mtrk_event_iter *)p;
    mtrk_tenant *t = p->t;
    copy_ctx c = { (row_events *)p->rows, 0, max };
    mtrk_store_event_query q = scan_query(it, MTRK_STORE_EVENTS_BY_MESSAGE, &p->prefix.vals[1], max);
    int rc = tx_begin(t, false);
    if (rc == MTRK_OK)
        rc = tx_end(t, st_events_scan(t, &q, copy_cb, &c));
    if (rc) {
        for (size_t i = 0; i < c.n; i++)
            rows_clear(T_EVENTS, &c.rows[i]);
        c.n = 0;
    } else if (c.n > 0) {
        after_last(it, &c.rows[c.n - 1]);
    }
    *got = c.n;
    return rc;
}

/* A campaign's events: pages out of the events read ahead, a chunk per
 * store call. */
static int campaign_page_scan(pager *p, size_t max, size_t *got)
{
    mtrk_event_iter *it = (mtrk_event_iter *)p;
    mtrk_tenant *t = p->t;
    row_events *rows = (row_events *)p->rows;
    *got = 0;
    int rc = MTRK_OK;
    while (rc == MTRK_OK && *got < max) {
        if (it->ahead_pos < it->ahead_n) {
            size_t take = it->ahead_n - it->ahead_pos;
            if (take > max - *got)
                take = max - *got;
            memcpy(&rows[*got], &it->ahead[it->ahead_pos], take * sizeof *rows); /* moved: the pager owns them */
            *got += take;
            it->ahead_pos += take;
            continue;
        }
        if (it->ahead_done)
            break;
        size_t top = core_hour_keep_max > PAGER_ROWS ? core_hour_keep_max : PAGER_ROWS;
        size_t chunk = it->chunk == 0 ? PAGER_ROWS : it->chunk < top / 2 ? 2 * it->chunk : top;
        if (chunk > it->ahead_cap) {
            row_events *a = realloc(it->ahead, chunk * sizeof *a);
            if (a == NULL) {
                rc = terr(t, MTRK_ENOMEM, "out of memory");
                break;
            }
            it->ahead = a;
            it->ahead_cap = chunk;
        }
        it->chunk = chunk;
        it->ahead_n = it->ahead_pos = 0;
        copy_ctx c = { it->ahead, 0, chunk };
        mtrk_store_event_query q = scan_query(it, MTRK_STORE_EVENTS_BY_CAMPAIGN, &p->prefix.vals[1], chunk);
        if ((rc = tx_begin(t, false)) == MTRK_OK)
            rc = tx_end(t, st_events_scan(t, &q, copy_cb, &c));
        if (rc) {
            for (size_t i = 0; i < c.n; i++)
                rows_clear(T_EVENTS, &c.rows[i]);
            break;
        }
        it->ahead_n = c.n;
        it->ahead_done = c.n < chunk;
        if (c.n > 0)
            after_last(it, &it->ahead[c.n - 1]);
    }
    if (rc) {
        for (size_t i = 0; i < *got; i++)
            rows_clear(T_EVENTS, &rows[i]);
        *got = 0;
    }
    return rc;
}

/* ---- through the rows ------------------------------------------------------------ */

static int cpage_ev_cb(void *ud, size_t i, const row_events *e)
{
    (void)i;
    return cpage_cb(ud, (void *)e);
}

static int contact_page_read(pager *p, size_t max, size_t *got)
{
    mtrk_event_iter *it = (mtrk_event_iter *)p;
    mtrk_tenant *t = p->t;
    *got = 0;
    cpage_ctx c = { calloc(2 * max, sizeof(row_events)), 0, max, 0, false };
    if (c.rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_id *mids = NULL;
    size_t nm = 0;
    mtrk_id contact;
    memcpy(contact.bytes, p->prefix.vals[1].p, sizeof contact.bytes);
    int rc = tx_begin(t, false);
    if (rc == MTRK_OK) {
        rc = core_contact_mids(t, contact, &mids, &nm);
        for (size_t i = 0; rc == MTRK_OK && i < nm; i++) {
            mtrk_value pre[2] = { v_id(&t->id), v_id(&mids[i]) };
            c.taken = 0;
            if (it->typed) {
                mtrk_store_event_query q = scan_query(it, MTRK_STORE_EVENTS_BY_MESSAGE, &pre[1], max);
                rc = st_events_scan(t, &q, cpage_ev_cb, &c);
            } else {
                rc = st_scan(t, T_EVENTS, IDX_EVENTS_MESSAGE, pre, 2, p->cur.started ? p->cur.vals : NULL,
                             p->cur.started ? p->cur.n : 0, p->cur.started ? MTRK_SCAN_AFTER : 0, cpage_cb, &c);
            }
            if (rc == MTRK_OK && c.oom)
                rc = terr(t, MTRK_ENOMEM, "out of memory");
            if (rc == MTRK_OK && c.n > max)
                cpage_keep(&c, max);
        }
        free(mids);
        rc = tx_end(t, rc);
    }
    if (rc == MTRK_OK) {
        cpage_keep(&c, max);
        if (c.n > 0 && it->typed)
            after_last(it, &c.rows[c.n - 1]);
        else if (c.n > 0 && cursor_set(&p->cur, T_EVENTS, IDX_EVENTS_MESSAGE, 2, &c.rows[c.n - 1]))
            rc = terr(t, MTRK_ENOMEM, "out of memory");
    }
    if (rc == MTRK_OK) {
        memcpy(p->rows, c.rows, c.n * sizeof(row_events));
        *got = c.n;
    } else {
        for (size_t i = 0; i < c.n; i++)
            rows_clear(T_EVENTS, &c.rows[i]);
    }
    free(c.rows);
    return rc;
}

/* A campaign's events in event-time order. events_by_campaign keeps each
 * hour's events in arrival order (docs/decisions.md §10), so the reader
 * takes one hour at a time: the positions of its events that pass the
 * iterator's type and time filters and come after the cursor, sorted, with
 * their rows while there are at most core_hour_keep_max of them; past that, the
 * rows are read again by key, a page at a time. Memory: one hour's rows up
 * to that bound, then one ev_key (40 bytes) per event of the hour. */
typedef struct hour_ctx {
    mtrk_event_iter *it;
    int64_t hour;
    bool any, oom;
} hour_ctx;

/* Does e come after the listing's seek position (if it has one)? */
static bool after_seek(const mtrk_event_iter *it, const row_events *e)
{
    if (!it->seeking)
        return true;
    if (!it->seek.has_id)
        return e->occurred_at > it->seek.at.occurred;
    mark_pos pos = { e->occurred_at, e->arrived_at, e->id };
    return mark_cmp(&pos, &it->seek.at) > 0;
}

static int hour_cb(void *ud, void *row)
{
    hour_ctx *c = ud;
    mtrk_event_iter *it = c->it;
    const row_events *e = row;
    if (!c->any) {
        c->any = true;
        c->hour = e->occurred_hour;
    } else if (e->occurred_hour != c->hour) {
        return 1;
    }
    if ((it->type && e->type != it->type) || e->occurred_at < it->from || (it->to > 0 && e->occurred_at >= it->to) ||
        !after_seek(it, e))
        return 0;
    if (it->hour_n == it->hour_cap) {
        ev_key *k = grow_array(it->hour_keys, &it->hour_cap, sizeof *k, 256);
        if (k == NULL) {
            c->oom = true;
            return 1;
        }
        it->hour_keys = k;
    }
    if (it->hour_kept && it->hour_n >= core_hour_keep_max)
        hour_rows_drop(it);
    if (it->hour_kept) {
        if (it->hour_n == it->hour_rows_cap) {
            row_events *r = grow_array(it->hour_rows, &it->hour_rows_cap, sizeof *r, 256);
            if (r == NULL) {
                c->oom = true;
                return 1;
            }
            it->hour_rows = r;
        }
        if (rows_copy(T_EVENTS, &it->hour_rows[it->hour_n], row)) {
            c->oom = true;
            return 1;
        }
    }
    it->hour_keys[it->hour_n] = (ev_key){ e->occurred_at, e->arrived_at, e->id, it->hour_n };
    it->hour_n++;
    return 0;
}

static int key_cmp(const void *a, const void *b)
{
    const ev_key *x = a, *y = b;
    return pos_cmp(x->occurred, x->arrived, x->id, y->occurred, y->arrived, y->id);
}

/* Loads the first hour from it->hour (or the cursor's) on that has events to
 * list; none left: hours_done. */
static int hour_load(mtrk_event_iter *it)
{
    mtrk_tenant *t = it->t;
    pager *p = &it->pg;
    int64_t h = it->hour_loaded ? it->hour + HOUR_MS : it->seeking ? core_hour(it->seek.at.occurred) : 0;
    for (;;) {
        hour_rows_drop(it);
        it->hour_n = it->hour_pos = 0;
        if (it->to > 0 && h >= it->to) {
            it->hours_done = true;
            return MTRK_OK;
        }
        it->hour_kept = true;
        hour_ctx c = { it, 0, false, false };
        mtrk_value start = v_int(h);
        int rc = st_scan(t, T_EVENTS, IDX_EVENTS_CAMPAIGN, p->prefix.vals, p->prefix.n, &start, 1, 0, hour_cb, &c);
        if (rc == MTRK_OK && c.oom)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        if (rc)
            return rc;
        if (!c.any) {
            it->hours_done = true;
            return MTRK_OK;
        }
        it->hour = c.hour;
        it->hour_loaded = true;
        if (it->hour_n > 0) {
            qsort(it->hour_keys, it->hour_n, sizeof *it->hour_keys, key_cmp);
            return MTRK_OK;
        }
        h = c.hour + HOUR_MS;
    }
}

/* The rows of keys[0..n) read again, each into out[j] (found[j]). */
typedef struct reread_ctx {
    const ev_key *keys;
    size_t n;
    row_events *out;
    bool found[PAGER_ROWS];
} reread_ctx;

static int reread_cb(void *ud, void *row)
{
    reread_ctx *c = ud;
    const row_events *e = row;
    for (size_t j = 0; j < c->n; j++) {
        if (c->found[j] || !id_same(&c->keys[j].id, &e->id))
            continue;
        if (rows_copy(T_EVENTS, &c->out[j], e))
            return MTRK_ENOMEM;
        c->found[j] = true;
        break;
    }
    return 0;
}

static int campaign_page_read(pager *p, size_t max, size_t *got)
{
    mtrk_event_iter *it = (mtrk_event_iter *)p;
    if (it->typed)
        return campaign_page_scan(p, max, got);
    mtrk_tenant *t = p->t;
    row_events *rows = (row_events *)p->rows;
    *got = 0;
    int rc = tx_begin(t, false);
    while (rc == MTRK_OK && *got < max) {
        if (it->hour_pos == it->hour_n) {
            if (it->hours_done)
                break;
            rc = hour_load(it);
            continue;
        }
        size_t take = it->hour_n - it->hour_pos;
        if (take > max - *got)
            take = max - *got;
        if (take > PAGER_ROWS)
            take = PAGER_ROWS;
        if (it->hour_kept) {
            for (size_t j = 0; j < take; j++, it->hour_pos++) {
                row_events *kept = &it->hour_rows[it->hour_keys[it->hour_pos].row];
                rows[(*got)++] = *kept; /* moved: the pager owns it now */
                memset(kept, 0, sizeof *kept);
            }
            continue;
        }
        /* Their rows again, in one store call where the store has get_many,
         * each into its place; a key without a row (events are never
         * deleted: kept for safety) leaves a gap that is closed after. */
        mtrk_value keys[2 * PAGER_ROWS];
        for (size_t j = 0; j < take; j++) {
            keys[2 * j] = v_id(&t->id);
            keys[2 * j + 1] = v_id(&it->hour_keys[it->hour_pos + j].id);
            memset(&rows[*got + j], 0, sizeof *rows);
        }
        reread_ctx rr = { it->hour_keys + it->hour_pos, take, rows + *got, { false } };
        rc = st_get_many(t, T_EVENTS, keys, take, reread_cb, &rr);
        size_t kept = 0;
        for (size_t j = 0; j < take; j++) {
            if (!rr.found[j])
                continue;
            if (rc)
                rows_clear(T_EVENTS, &rows[*got + j]);
            else
                rows[*got + kept++] = rows[*got + j];
        }
        if (rc == MTRK_OK) {
            *got += kept;
            it->hour_pos += take;
        }
    }
    rc = tx_end(t, rc);
    if (rc) {
        for (size_t i = 0; i < *got; i++)
            rows_clear(T_EVENTS, &rows[i]);
        *got = 0;
    }
    return rc;
}

static int iter_new(mtrk_event_iter **out, mtrk_tenant *t, unsigned owner_table, const char *what, mtrk_id owner,
                    int index)
{
    if (id_is_nil(owner))
        return terr(t, MTRK_EINVAL, "%s is nil", what);
    /* Ownership: an unknown id and another tenant's look the same. */
    char buf[512];
    memset(buf, 0, sizeof buf);
    mtrk_id *key = (mtrk_id *)buf; /* every owner table's key is (tenant, id) */
    key[0] = t->id;
    key[1] = owner;
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = st_get(t, owner_table, buf);
    if (rc == MTRK_OK)
        rows_clear(owner_table, buf);
    else if (rc == MTRK_ENOTFOUND)
        rc = ev_not_found(t, what, owner);
    if ((rc = tx_end(t, rc)))
        return rc;
    mtrk_event_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    it->t = t;
    it->typed = st_scannable(t);
    mtrk_value pre[2] = { v_id(&t->id), v_id(&owner) };
    if ((rc = pager_init(&it->pg, t, T_EVENTS, index, pre, 2))) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_event_iter_message(mtrk_event_iter **out, mtrk_tenant *t, mtrk_id mid)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    int rc = iter_new(out, t, T_MESSAGES, "mid", mid, IDX_EVENTS_MESSAGE);
    if (rc == MTRK_OK && (*out)->typed)
        (*out)->pg.read = message_page_scan;
    return rc;
}

MTRK_API int mtrk_event_iter_contact(mtrk_event_iter **out, mtrk_tenant *t, mtrk_id contact)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    int rc = iter_new(out, t, T_CONTACTS, "contact", contact, IDX_EVENTS_MESSAGE);
    if (rc == MTRK_OK)
        (*out)->pg.read = contact_page_read;
    return rc;
}

MTRK_API int mtrk_event_iter_campaign(mtrk_event_iter **out, mtrk_tenant *t, mtrk_id campaign, mtrk_event_type type,
                                      mtrk_time from, mtrk_time to)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    if ((int)type < 0 || (int)type >= MTRK_EV_TYPE_COUNT)
        return terr(t, MTRK_EINVAL, "type %d is not an event type", (int)type);
    if (from < 0 || to < 0)
        return terr(t, MTRK_EINVAL, "from and to must be >= 0");
    if (to > 0 && to <= from)
        return terr(t, MTRK_EINVAL, "to must be after from");
    int rc = iter_new(out, t, T_CAMPAIGNS, "campaign", campaign, IDX_EVENTS_CAMPAIGN);
    if (rc)
        return rc;
    mtrk_event_iter *it = *out;
    it->type = (int)type;
    it->from = from;
    it->to = to;
    it->pg.read = campaign_page_read;
    /* Start at `from`: strictly after any occurred_at below it. */
    seek_pos start = { { from - 1, 0, nil_id }, false };
    if (from > 0 && (rc = iter_seek(it, &start))) {
        mtrk_event_iter_free(it);
        *out = NULL;
    }
    return rc;
}

MTRK_API int mtrk_event_iter_next(mtrk_event_info *out, mtrk_event_iter *it)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    mtrk_tenant *t = it->t;
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_EVENT_INFO_VERSION);
    if (rc)
        return rc;
    row_events r;
    memset(&r, 0, sizeof r);
    rc = pager_next(&it->pg, &r);
    if (rc)
        return rc;
    rows_clear(T_EVENTS, &it->current);
    it->current = r;
    it->have_current = true;
    unsigned v = out->version;
    memset(out, 0, sizeof *out);
    out->version = v;
    out->id = r.id;
    out->type = (mtrk_event_type)r.type;
    out->mid = r.message;
    out->campaign = r.campaign;
    out->contact = r.contact;
    out->lid = r.link;
    out->occurred_at = r.occurred_at;
    out->arrived_at = r.arrived_at;
    /* Strings live on the tenant handle (until its next call, which includes
     * the next call on this iterator), so they outlive mtrk_event_iter_free. */
    const char **dst[] = { &out->provider, &out->provider_event_id, &out->provider_message_id, &out->diagnostic,
                           &out->user_agent, &out->ip, &out->verdict_reason };
    const char *src[] = { r.provider, r.provider_event_id, r.provider_message_id, r.diagnostic,
                          r.user_agent, r.ip, r.verdict_reason };
    for (size_t i = 0; i < sizeof src / sizeof src[0]; i++) {
        *dst[i] = tenant_keep(t, src[i]);
        if (src[i] && *dst[i] == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory");
    }
    out->bounce_kind = (mtrk_bounce_kind)r.bounce_kind;
    out->verdict = (mtrk_verdict)r.verdict;
    out->unsub_scope = (mtrk_unsub_scope)r.unsub_scope;
    out->unsub_audience = r.unsub_audience;
    out->effects = (uint32_t)r.effects;
    return MTRK_OK;
}

static void put64(uint8_t *p, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int i = 7; i >= 0; i--, u >>= 8)
        p[i] = (uint8_t)u;
}

static int64_t get64(const uint8_t *p)
{
    uint64_t u = 0;
    for (int i = 0; i < 8; i++)
        u = (u << 8) | p[i];
    return (int64_t)u;
}

/* Layout: magic, version, has-item, 0, occurred_at (8, big-endian),
 * arrived_at (8), event id (16), 4 zero bytes. */
MTRK_API int mtrk_event_iter_cursor(uint8_t out[MTRK_CURSOR_SIZE], const mtrk_event_iter *it)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    memset(out, 0, MTRK_CURSOR_SIZE);
    out[0] = CURSOR_MAGIC;
    out[1] = CURSOR_VERSION;
    if (!it->have_current)
        return MTRK_OK; /* before the first item: seeking to it restarts */
    out[2] = 1;
    put64(out + 4, it->current.occurred_at);
    put64(out + 12, it->current.arrived_at);
    memcpy(out + 20, it->current.id.bytes, 16);
    return MTRK_OK;
}

MTRK_API int mtrk_event_iter_seek(mtrk_event_iter *it, const uint8_t cursor[MTRK_CURSOR_SIZE])
{
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    mtrk_tenant *t = it->t;
    TENANT_CHECK(t);
    if (cursor == NULL)
        return terr(t, MTRK_EINVAL, "cursor is NULL");
    if (cursor[0] != CURSOR_MAGIC || cursor[1] != CURSOR_VERSION || cursor[2] > 1)
        return terr(t, MTRK_EINVAL, "cursor is not an event cursor of this version");
    rows_clear(T_EVENTS, &it->current);
    it->have_current = false;
    hour_reset(it);
    if (cursor[2] == 0) {
        /* Before the first item: from the start (a campaign listing's `from`). */
        seek_pos start = { { it->from - 1, 0, nil_id }, false };
        return iter_seek(it, it->from > 0 ? &start : NULL);
    }
    seek_pos pos = { { get64(cursor + 4), get64(cursor + 12), nil_id }, true };
    memcpy(pos.at.id.bytes, cursor + 20, 16);
    int rc = iter_seek(it, &pos);
    if (rc == MTRK_OK) {
        it->current.occurred_at = pos.at.occurred;
        it->current.arrived_at = pos.at.arrived;
        it->current.id = pos.at.id;
        it->have_current = true;
    }
    return rc;
}

MTRK_API void mtrk_event_iter_free(mtrk_event_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    rows_clear(T_EVENTS, &it->current);
    hour_rows_drop(it);
    ahead_drop(it);
    free(it->ahead);
    free(it->hour_rows);
    free(it->hour_keys);
    free(it);
}

