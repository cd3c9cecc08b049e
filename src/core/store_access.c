/* The core's only door to the store: transactions, typed reads and writes. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define MAXCOLS 32

static int store_fail(mtrk_tenant *t, int rc, const char *op)
{
    mtrk_store *s = t->db->store;
    const char *m = s->errmsg ? s->errmsg(s) : "";
    return terr(t, rc, "store %s failed: %s", op, m && *m ? m : mtrk_strerror(rc));
}

int tx_begin(mtrk_tenant *t, bool write)
{
    mtrk_store *s = t->db->store;
    if (t->in_tx)
        return terr(t, MTRK_ESTORE, "a transaction is already open on this handle");
    if (write && stats_defer_begin(t))
        return terr(t, MTRK_ENOMEM, "out of memory");
    int rc = s->begin(s, write ? 1 : 0);
    if (rc) {
        stats_drop(t);
        return store_fail(t, rc, "begin");
    }
    t->in_tx = 1;
    return MTRK_OK;
}

int tx_end(mtrk_tenant *t, int rc)
{
    mtrk_store *s = t->db->store;
    if (!t->in_tx)
        return rc;
    if (rc == MTRK_OK && t->pend)
        rc = stats_flush(t);
    stats_drop(t);
    t->in_tx = 0;
    if (rc == MTRK_OK) {
        int crc = s->commit(s);
        if (crc) {
            store_fail(t, crc, "commit");
            s->rollback(s);
            return crc;
        }
        return MTRK_OK;
    }
    /* Keep the first error's message; a failed rollback cannot be reported better. */
    s->rollback(s);
    return rc;
}

mtrk_value v_id(const mtrk_id *id)
{
    mtrk_value v = { MTRK_VAL_BLOB, 0, id->bytes, sizeof id->bytes };
    return v;
}
mtrk_value v_int(int64_t i)
{
    mtrk_value v = { MTRK_VAL_INT, i, NULL, 0 };
    return v;
}
mtrk_value v_text(const char *s)
{
    mtrk_value v = { MTRK_VAL_TEXT, 0, s, s ? strlen(s) : 0 };
    if (s == NULL)
        v.type = MTRK_VAL_NULL;
    return v;
}

struct fill_ctx {
    unsigned table;
    void *row;
    int found;
};

static int fill_cb(void *ud, const mtrk_value *vals)
{
    struct fill_ctx *c = ud;
    int rc = rows_from_values(c->table, c->row, vals);
    if (rc)
        return rc;
    c->found = 1;
    return 1;
}

int st_get(mtrk_tenant *t, unsigned table, void *row)
{
    mtrk_store *s = t->db->store;
    /* The key values point into row, which the fill overwrites: read them from a copy. */
    char keybuf[512];
    size_t need = rows_size(table);
    void *keyrow = need <= sizeof keybuf ? (void *)keybuf : malloc(need);
    if (keyrow == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory reading %s", rows_table(table)->name);
    memcpy(keyrow, row, need);
    mtrk_value key[MAXCOLS];
    rows_to_values(table, keyrow, key);
    memset(row, 0, need);
    struct fill_ctx c = { table, row, 0 };
    int rc = s->get(s, table, key, fill_cb, &c);
    if (keyrow != keybuf)
        free(keyrow);
    if (rc == MTRK_ENOTFOUND || (rc >= 0 && !c.found))
        return MTRK_ENOTFOUND;
    if (rc < 0)
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : store_fail(t, rc, "get");
    return MTRK_OK;
}

int st_find(mtrk_tenant *t, unsigned table, int index, const mtrk_value *key, unsigned nkey, void *row)
{
    mtrk_store *s = t->db->store;
    memset(row, 0, rows_size(table));
    struct fill_ctx c = { table, row, 0 };
    int rc = s->scan(s, table, index, key, nkey, NULL, 0, 0, fill_cb, &c);
    if (rc < 0)
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : store_fail(t, rc, "scan");
    return c.found ? MTRK_OK : MTRK_ENOTFOUND;
}

struct scan_ctx {
    unsigned table;
    st_row_fn fn;
    void *ud;
    void *row;
    int rc;
};

static int scan_cb(void *ud, const mtrk_value *vals)
{
    struct scan_ctx *c = ud;
    int rc = rows_from_values(c->table, c->row, vals);
    if (rc)
        return rc;
    rc = c->fn(c->ud, c->row);
    rows_clear(c->table, c->row);
    if (rc < 0)
        c->rc = rc; /* the callback's own error: its message is already set */
    return rc;
}

/* One store scan, with rows handed to fn as structs: scan from start, or
 * (many > 0) scan_many over `many` prefixes. */
static int scan_rows(mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                     const mtrk_value *start, unsigned nstart, unsigned flags, size_t many, st_row_fn fn,
                     void *userdata)
{
    mtrk_store *s = t->db->store;
    char rowbuf[512];
    size_t need = rows_size(table);
    void *row = need <= sizeof rowbuf ? (void *)rowbuf : malloc(need);
    if (row == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory scanning %s", rows_table(table)->name);
    memset(row, 0, need);
    struct scan_ctx c = { table, fn, userdata, row, 0 };
    int rc = many ? s->scan_many(s, table, index, prefix, nprefix, many, scan_cb, &c)
                  : s->scan(s, table, index, prefix, nprefix, start, nstart, flags, scan_cb, &c);
    if (row != rowbuf)
        free(row);
    if (rc < 0) {
        if (c.rc == rc)
            return rc;
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : store_fail(t, rc, many ? "scan_many" : "scan");
    }
    return MTRK_OK;
}

int st_scan(mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
            const mtrk_value *start, unsigned nstart, unsigned flags, st_row_fn fn, void *userdata)
{
    return scan_rows(t, table, index, prefix, nprefix, start, nstart, flags, 0, fn, userdata);
}

/* Remembers that fn ended the walk (returned 1), for the prefix-by-prefix path. */
struct stop_ctx {
    st_row_fn fn;
    void *ud;
    bool stopped;
};

static int stop_cb(void *ud, void *row)
{
    struct stop_ctx *c = ud;
    int rc = c->fn(c->ud, row);
    c->stopped = rc == 1;
    return rc;
}

int st_scan_many(mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefixes, unsigned nprefix, size_t n,
                 st_row_fn fn, void *userdata)
{
    mtrk_store *s = t->db->store;
    if (s->version < 3 || s->scan_many == NULL) {
        struct stop_ctx c = { fn, userdata, false };
        for (size_t i = 0; i < n && !c.stopped; i++) {
            int rc = st_scan(t, table, index, &prefixes[i * nprefix], nprefix, NULL, 0, 0, stop_cb, &c);
            if (rc)
                return rc;
        }
        return MTRK_OK;
    }
    return n == 0 ? MTRK_OK : scan_rows(t, table, index, prefixes, nprefix, NULL, 0, 0, n, fn, userdata);
}

/* get_many through scan_cb: rows as structs. */
int st_get_many(mtrk_tenant *t, unsigned table, const mtrk_value *keys, size_t n, st_row_fn fn, void *userdata)
{
    mtrk_store *s = t->db->store;
    if (n == 0)
        return MTRK_OK;
    char rowbuf[512];
    size_t need = rows_size(table);
    void *row = need <= sizeof rowbuf ? (void *)rowbuf : malloc(need);
    if (row == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory reading %s", rows_table(table)->name);
    memset(row, 0, need);
    struct scan_ctx c = { table, fn, userdata, row, 0 };
    int rc = MTRK_OK;
    if (s->version >= 2 && s->get_many != NULL) {
        rc = s->get_many(s, table, keys, n, scan_cb, &c);
    } else {
        unsigned npk = rows_table(table)->npk;
        for (size_t i = 0; i < n && rc >= 0; i++) {
            rc = s->get(s, table, &keys[i * npk], scan_cb, &c);
            if (rc == MTRK_ENOTFOUND)
                rc = MTRK_OK;
        }
    }
    if (row != rowbuf)
        free(row);
    if (rc < 0) {
        if (c.rc == rc)
            return rc;
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : store_fail(t, rc, "get_many");
    }
    return MTRK_OK;
}

static int apply1(mtrk_tenant *t, int op, unsigned table, const void *row, uint64_t columns)
{
    mtrk_store *s = t->db->store;
    mtrk_value vals[MAXCOLS];
    rows_to_values(table, row, vals);
    mtrk_change ch = { MTRK_CHANGE_VERSION, op, table, vals, columns };
    t->writes++;
    int rc = s->apply(s, &ch, 1);
    if (rc == MTRK_EEXISTS)
        return terr(t, rc, "a row with the same key exists in %s", rows_table(table)->name);
    if (rc == MTRK_ENOTFOUND)
        return terr(t, rc, "no such row in %s", rows_table(table)->name);
    if (rc)
        return store_fail(t, rc, "apply");
    return MTRK_OK;
}

int st_insert(mtrk_tenant *t, unsigned table, const void *row) { return apply1(t, MTRK_CHANGE_INSERT, table, row, 0); }

int st_insert_many(mtrk_tenant *t, unsigned table, const void *rows, size_t n)
{
    if (n == 0)
        return MTRK_OK;
    const mtrk_table_def *td = rows_table(table);
    size_t sz = rows_size(table);
    mtrk_value *vals = malloc(n * td->ncols * sizeof *vals);
    mtrk_change *ch = malloc(n * sizeof *ch);
    int rc = MTRK_OK;
    if (vals == NULL || ch == NULL) {
        rc = terr(t, MTRK_ENOMEM, "out of memory writing %s", td->name);
    } else {
        for (size_t j = 0; j < n; j++) {
            rows_to_values(table, (const char *)rows + j * sz, vals + j * td->ncols);
            ch[j] = (mtrk_change){ MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, table, vals + j * td->ncols, 0 };
        }
        mtrk_store *s = t->db->store;
        t->writes++;
        rc = s->apply(s, ch, n);
        if (rc == MTRK_EEXISTS)
            rc = terr(t, rc, "a row with the same key exists in %s", td->name);
        else if (rc == MTRK_ENOMEM)
            rc = terr(t, rc, "out of memory");
        else if (rc)
            rc = store_fail(t, rc, "apply");
    }
    free(vals);
    free(ch);
    return rc;
}
int st_update(mtrk_tenant *t, unsigned table, const void *row) { return apply1(t, MTRK_CHANGE_UPDATE, table, row, 0); }
int st_delete(mtrk_tenant *t, unsigned table, const void *row) { return apply1(t, MTRK_CHANGE_DELETE, table, row, 0); }

static bool value_eq(const mtrk_value *a, const mtrk_value *b)
{
    if (a->type != b->type)
        return false;
    if (a->type == MTRK_VAL_INT)
        return a->i == b->i;
    return a->n == b->n && (a->n == 0 || memcmp(a->p, b->p, a->n) == 0);
}

/* Bit c for each column c that differs (0: all, for tables wider than 64). */
static uint64_t changed_columns(unsigned table, const void *before, const void *row)
{
    const mtrk_table_def *td = rows_table(table);
    if (td->ncols > 64)
        return 0;
    mtrk_value a[MAXCOLS], b[MAXCOLS];
    rows_to_values(table, before, a);
    rows_to_values(table, row, b);
    uint64_t mask = 0;
    for (unsigned c = 0; c < td->ncols; c++)
        if (!value_eq(&a[c], &b[c]))
            mask |= UINT64_C(1) << c;
    /* Nothing changed: still an update (it must find the row); name one column. */
    return mask ? mask : UINT64_C(1) << (td->ncols - 1);
}

int st_update_from(mtrk_tenant *t, unsigned table, const void *before, const void *row)
{
    return apply1(t, MTRK_CHANGE_UPDATE, table, row, changed_columns(table, before, row));
}

int st_put(mtrk_tenant *t, unsigned table, const void *row)
{
    char buf[512];
    size_t need = rows_size(table);
    void *tmp = need <= sizeof buf ? (void *)buf : malloc(need);
    if (tmp == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    memcpy(tmp, row, need);
    /* Only the key columns of tmp are read by st_get, and it overwrites them. */
    int rc = st_get(t, table, tmp);
    if (rc == MTRK_OK) {
        rc = st_update_from(t, table, tmp, row);
        rows_clear(table, tmp);
    } else if (rc == MTRK_ENOTFOUND) {
        rc = st_insert(t, table, row);
    }
    if (tmp != buf)
        free(tmp);
    return rc;
}

/* ---- paging cursors ---------------------------------------------------- */

void cursor_free(page_cursor *c)
{
    for (unsigned i = 0; i < c->n; i++)
        free(c->owned[i]);
    memset(c, 0, sizeof *c);
}

unsigned sort_key_after(unsigned table, int index, unsigned nprefix, const void *row, mtrk_value *out)
{
    const mtrk_table_def *td = rows_table(table);
    unsigned cols[MAXCOLS];
    unsigned nc = rows_sort_key(td, index, cols);
    mtrk_value all[MAXCOLS];
    rows_to_values(table, row, all);
    unsigned n = 0;
    for (unsigned i = nprefix; i < nc; i++)
        out[n++] = all[cols[i]];
    return n;
}

int cursor_set(page_cursor *c, unsigned table, int index, unsigned nprefix, const void *row)
{
    mtrk_value after[MAXCOLS];
    unsigned na = sort_key_after(table, index, nprefix, row, after);
    page_cursor nw;
    memset(&nw, 0, sizeof nw);
    for (unsigned i = 0; i < na; i++) {
        mtrk_value v = after[i];
        if (v.type == MTRK_VAL_TEXT || v.type == MTRK_VAL_BLOB) {
            char *copy = malloc(v.n + 1);
            if (copy == NULL) {
                cursor_free(&nw);
                return MTRK_ENOMEM;
            }
            memcpy(copy, v.p, v.n);
            copy[v.n] = '\0';
            nw.owned[nw.n] = copy;
            v.p = copy;
        }
        nw.vals[nw.n++] = v;
    }
    nw.started = true;
    cursor_free(c);
    *c = nw;
    return MTRK_OK;
}

struct page_ctx {
    unsigned table;
    char *rows;
    size_t max, got;
};

static int page_cb(void *ud, const mtrk_value *vals)
{
    struct page_ctx *p = ud;
    int rc = rows_from_values(p->table, p->rows + p->got * rows_size(p->table), vals);
    if (rc)
        return rc;
    return ++p->got >= p->max ? 1 : 0;
}

int page_read(mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
              page_cursor *c, void *rows, size_t max, size_t *got)
{
    mtrk_store *s = t->db->store;
    struct page_ctx p = { table, rows, max, 0 };
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = s->scan(s, table, index, prefix, nprefix, c->started ? c->vals : NULL, c->started ? c->n : 0,
                 c->started ? MTRK_SCAN_AFTER : 0, page_cb, &p);
    if (rc < 0) {
        for (size_t i = 0; i < p.got; i++)
            rows_clear(table, (char *)rows + i * rows_size(table));
        p.got = 0;
        rc = rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : store_fail(t, rc, "scan");
    } else {
        rc = MTRK_OK;
    }
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && p.got > 0) {
        rc = cursor_set(c, table, index, nprefix, (char *)rows + (p.got - 1) * rows_size(table));
        if (rc) {
            for (size_t i = 0; i < p.got; i++)
                rows_clear(table, (char *)rows + i * rows_size(table));
            p.got = 0;
            terr(t, rc, "out of memory");
        }
    }
    *got = p.got;
    return rc;
}

/* ---- pager -------------------------------------------------------------- */

int pager_init(pager *p, mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix)
{
    memset(p, 0, sizeof *p);
    p->t = t;
    p->table = table;
    p->index = index;
    if (nprefix > 12)
        return terr(t, MTRK_EINVAL, "prefix too long");
    p->rows = calloc(PAGER_ROWS, rows_size(table));
    if (p->rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    for (unsigned i = 0; i < nprefix; i++) {
        mtrk_value v = prefix[i];
        if (v.type == MTRK_VAL_TEXT || v.type == MTRK_VAL_BLOB) {
            char *copy = malloc(v.n + 1);
            if (copy == NULL) {
                pager_free(p);
                return terr(t, MTRK_ENOMEM, "out of memory");
            }
            memcpy(copy, v.p, v.n);
            copy[v.n] = '\0';
            p->prefix.owned[i] = copy;
            v.p = copy;
        }
        p->prefix.vals[i] = v;
        p->prefix.n = i + 1;
    }
    return MTRK_OK;
}

int pager_next(pager *p, void *row)
{
    size_t sz = rows_size(p->table);
    for (;;) {
        if (p->pos == p->n) {
            if (p->done)
                return MTRK_ITEROVER;
            p->n = p->pos = 0;
            size_t got = 0;
            int rc = p->read ? p->read(p, PAGER_ROWS, &got)
                             : page_read(p->t, p->table, p->index, p->prefix.vals, p->prefix.n, &p->cur, p->rows,
                                         PAGER_ROWS, &got);
            if (rc)
                return rc;
            p->n = got;
            if (got < PAGER_ROWS)
                p->done = true;
            if (got == 0)
                return MTRK_ITEROVER;
        }
        char *r = p->rows + p->pos * sz;
        p->pos++;
        if (p->filter) {
            int f = p->filter(p->filter_userdata, r);
            if (f <= 0 || f == 2) {
                rows_clear(p->table, r);
                if (f < 0)
                    return f;
                if (f == 2) {
                    p->done = true;
                    for (size_t i = p->pos; i < p->n; i++)
                        rows_clear(p->table, p->rows + i * sz);
                    p->pos = p->n = 0;
                    return MTRK_ITEROVER;
                }
                continue;
            }
        }
        memcpy(row, r, sz);
        memset(r, 0, sz);
        return MTRK_OK;
    }
}

int pager_step(pager *p, void *row)
{
    tenant_enter(p->t); /* a call on the tenant (common.h, borrowed strings) */
    rows_clear(p->table, row);
    return pager_next(p, row);
}

void pager_free(pager *p)
{
    if (p->rows) {
        size_t sz = rows_size(p->table);
        for (size_t i = p->pos; i < p->n; i++)
            rows_clear(p->table, p->rows + i * sz);
        free(p->rows);
    }
    cursor_free(&p->prefix);
    cursor_free(&p->cur);
    memset(p, 0, sizeof *p);
}
