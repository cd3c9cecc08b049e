/*
 * An out-of-tree mtrk store, written against the installed public headers
 * alone (<mtrk/store.h>): what a third party writes to keep mtrk's rows in
 * its own storage. It is the worked example of docs/backends.md; the suite
 * 'docs' builds it against a DESTDIR installation and runs the store tests
 * and the conformance suite on it (tests/outoftree/check-outoftree.sh).
 *
 * Meant to be obviously right rather than fast:
 *  - a row is an array of deep-copied values (mtrk_store_table() says how
 *    many and which are the primary key);
 *  - each table keeps one array of row pointers per order: the primary key,
 *    then each secondary index by its sort key (the index's columns, then
 *    the primary key's), every array sorted with the contract's value
 *    comparison; an insert or delete puts or takes the row at its place in
 *    each (binary search, then memmove);
 *  - get and scan binary-search the order's array for the prefix and the
 *    start bound, then walk it; unique indexes are checked by the same
 *    search (a row with a NULL among the index's columns never collides);
 *  - a write transaction keeps an undo log: each change saves what it
 *    replaced; rollback takes the changes back in reverse order;
 *  - one mutex serializes the transactions (read and write) of every
 *    handle sharing the store; begin waits at most BUSY_TIMEOUT_MS for it.
 * Only the version-1 operations are set: the optional ones (get_many,
 * scan_many, the typed event operations) stay NULL, so the core does their
 * work through get, scan and apply.
 */
#define _POSIX_C_SOURCE 200809L
#include <mtrk/store.h>

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ot_store.h"

#define BUSY_TIMEOUT_MS 5000
#define MAX_KEY 64 /* columns of a sort key */

/* The columns an order sorts by: the primary key's, or an index's then the
 * primary key's. */
typedef struct sort_key {
    unsigned n;
    unsigned cols[MAX_KEY];
} sort_key;

/* One order of a table's rows. */
typedef struct ot_order {
    sort_key key;
    mtrk_value **rows; /* the table's n rows, ascending by key */
} ot_order;

typedef struct ot_table {
    const mtrk_table_def *def;
    ot_order *orders; /* 0: the primary key; 1 + i: secondary index i */
    unsigned norders;
    size_t n, cap; /* rows, and room in each order's array */
} ot_table;

/* One undo entry: how to take back one applied change. */
typedef struct ot_undo {
    int op;           /* the change's MTRK_CHANGE_* */
    unsigned table;
    mtrk_value *row;  /* INSERT: the inserted row (owned by the table);
                         UPDATE, DELETE: the row it replaced (owned here) */
} ot_undo;

typedef struct ot_store {
    mtrk_store base; /* first member, as the contract asks */
    pthread_mutex_t lock;
    int in_tx, write;
    ot_table *tables;
    unsigned ntables;
    ot_undo *undo;
    size_t nundo, capundo;
    char err[256];
} ot_store;

static ot_store *ot(mtrk_store *s) { return (ot_store *)s; }

static int fail(ot_store *s, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return code;
}

/* ---- values ------------------------------------------------------------ */

/* The contract's order: NULL < INT < TEXT < BLOB; INT numerically; TEXT and
 * BLOB bytewise, then shorter first. */
static int value_cmp(const mtrk_value *a, const mtrk_value *b)
{
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    switch (a->type) {
    case MTRK_VAL_INT:
        return a->i < b->i ? -1 : a->i > b->i;
    case MTRK_VAL_TEXT:
    case MTRK_VAL_BLOB: {
        size_t n = a->n < b->n ? a->n : b->n;
        int c = n ? memcmp(a->p, b->p, n) : 0;
        if (c)
            return c < 0 ? -1 : 1;
        return a->n < b->n ? -1 : a->n > b->n;
    }
    default:
        return 0;
    }
}

static void row_free(mtrk_value *row, unsigned ncols)
{
    if (row == NULL)
        return;
    for (unsigned c = 0; c < ncols; c++)
        if (row[c].type == MTRK_VAL_TEXT || row[c].type == MTRK_VAL_BLOB)
            free((void *)row[c].p);
    free(row);
}

/* A deep copy of `src`; TEXT keeps its terminating NUL. NULL when out of memory. */
static mtrk_value *row_copy(const mtrk_value *src, unsigned ncols)
{
    mtrk_value *row = calloc(ncols ? ncols : 1, sizeof *row);
    if (row == NULL)
        return NULL;
    for (unsigned c = 0; c < ncols; c++) {
        row[c].type = src[c].type;
        if (src[c].type == MTRK_VAL_INT) {
            row[c].i = src[c].i;
        } else if (src[c].type == MTRK_VAL_TEXT || src[c].type == MTRK_VAL_BLOB) {
            char *p = malloc(src[c].n + 1);
            if (p == NULL) {
                row_free(row, c);
                return NULL;
            }
            if (src[c].n)
                memcpy(p, src[c].p, src[c].n);
            p[src[c].n] = '\0';
            row[c].p = p;
            row[c].n = src[c].n;
        }
    }
    return row;
}

/* ---- tables ------------------------------------------------------------ */

/* Compares the first m key columns of `row` with vals[0 .. m - 1]. */
static int cmp_vals(const mtrk_value *row, const sort_key *k, const mtrk_value *vals, unsigned m)
{
    for (unsigned i = 0; i < m; i++) {
        int c = value_cmp(&row[k->cols[i]], &vals[i]);
        if (c)
            return c;
    }
    return 0;
}

/* Compares the first m key columns of two rows. */
static int cmp_rows(const mtrk_value *a, const mtrk_value *b, const sort_key *k, unsigned m)
{
    for (unsigned i = 0; i < m; i++) {
        int c = value_cmp(&a[k->cols[i]], &b[k->cols[i]]);
        if (c)
            return c;
    }
    return 0;
}

/* In order o of t, the first position whose first m key columns compare
 * above `vals` (strict) or not below it (!strict). */
static size_t bound_vals(const ot_table *t, const ot_order *o, const mtrk_value *vals, unsigned m, int strict)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_vals(o->rows[mid], &o->key, vals, m);
        if (c < 0 || (strict && c == 0))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The same with the values taken from a row. */
static size_t bound_row(const ot_table *t, const ot_order *o, const mtrk_value *row, unsigned m, int strict)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_rows(o->rows[mid], row, &o->key, m);
        if (c < 0 || (strict && c == 0))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The row with the primary key key[0 .. npk - 1], or NULL. */
static mtrk_value *pk_get(const ot_table *t, const mtrk_value *key)
{
    const ot_order *o = &t->orders[0];
    size_t pos = bound_vals(t, o, key, o->key.n, 0);
    return pos < t->n && cmp_vals(o->rows[pos], &o->key, key, o->key.n) == 0 ? o->rows[pos] : NULL;
}

/* Puts `row` (whose primary key is not stored) at its place in every order. */
static int table_add(ot_store *s, ot_table *t, mtrk_value *row)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        for (unsigned i = 0; i < t->norders; i++) {
            mtrk_value **rows = realloc(t->orders[i].rows, cap * sizeof *rows);
            if (rows == NULL)
                return fail(s, MTRK_ENOMEM, "out of memory");
            t->orders[i].rows = rows;
        }
        t->cap = cap;
    }
    for (unsigned i = 0; i < t->norders; i++) {
        ot_order *o = &t->orders[i];
        size_t pos = bound_row(t, o, row, o->key.n, 0);
        memmove(&o->rows[pos + 1], &o->rows[pos], (t->n - pos) * sizeof *o->rows);
        o->rows[pos] = row;
    }
    t->n++;
    return 0;
}

/* Takes the stored `row` out of every order (the caller owns it then).
 * Every key ends with the primary key, so the row's place is exact. */
static void table_remove(ot_table *t, const mtrk_value *row)
{
    for (unsigned i = 0; i < t->norders; i++) {
        ot_order *o = &t->orders[i];
        size_t pos = bound_row(t, o, row, o->key.n, 0);
        memmove(&o->rows[pos], &o->rows[pos + 1], (t->n - pos - 1) * sizeof *o->rows);
    }
    t->n--;
}

static ot_table *table_of(ot_store *s, unsigned table)
{
    if (table >= s->ntables) {
        fail(s, MTRK_ESTORE, "no table %u", table);
        return NULL;
    }
    return &s->tables[table];
}

/* MTRK_EEXISTS when a stored row other than `self` (NULL: none) has the
 * values of `row` in the columns of a unique index, none of them NULL. */
static int unique_check(ot_store *s, const ot_table *t, const mtrk_value *row, const mtrk_value *self)
{
    for (unsigned x = 0; x < t->def->nindexes; x++) {
        const mtrk_index_def *ix = &t->def->indexes[x];
        const ot_order *o = &t->orders[1 + x];
        if (!ix->unique)
            continue;
        int has_null = 0;
        for (unsigned c = 0; c < ix->ncols; c++)
            has_null |= row[ix->cols[c]].type == MTRK_VAL_NULL;
        if (has_null)
            continue;
        for (size_t pos = bound_row(t, o, row, ix->ncols, 0);
             pos < t->n && cmp_rows(o->rows[pos], row, &o->key, ix->ncols) == 0; pos++)
            if (o->rows[pos] != self)
                return fail(s, MTRK_EEXISTS, "%s: unique index %s already holds these values", t->def->name,
                            ix->name);
    }
    return 0;
}

/* ---- transactions -------------------------------------------------------- */

static int ot_begin(mtrk_store *st, int write)
{
    ot_store *s = ot(st);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += BUSY_TIMEOUT_MS / 1000;
    until.tv_nsec += (long)(BUSY_TIMEOUT_MS % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    int rc = pthread_mutex_timedlock(&s->lock, &until);
    if (rc == ETIMEDOUT)
        return fail(s, MTRK_EBUSY, "the store stayed locked for %d ms", BUSY_TIMEOUT_MS);
    if (rc != 0)
        return fail(s, MTRK_ESTORE, "cannot lock the store: %s", strerror(rc));
    s->in_tx = 1;
    s->write = write != 0;
    s->nundo = 0;
    return 0;
}

static int end_tx(ot_store *s)
{
    s->in_tx = 0;
    s->nundo = 0;
    pthread_mutex_unlock(&s->lock);
    return 0;
}

static int ot_commit(mtrk_store *st)
{
    ot_store *s = ot(st);
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "commit without a transaction");
    for (size_t i = 0; i < s->nundo; i++)
        if (s->undo[i].op != MTRK_CHANGE_INSERT)
            row_free(s->undo[i].row, s->tables[s->undo[i].table].def->ncols);
    return end_tx(s);
}

static int ot_rollback(mtrk_store *st)
{
    ot_store *s = ot(st);
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "rollback without a transaction");
    /* In reverse order, so each entry finds the table as its change left it.
     * Re-adding a row never grows an array: it held that row before. */
    while (s->nundo > 0) {
        ot_undo *u = &s->undo[--s->nundo];
        ot_table *t = &s->tables[u->table];
        unsigned ncols = t->def->ncols;
        mtrk_value *now = pk_get(t, u->row);
        switch (u->op) {
        case MTRK_CHANGE_INSERT: /* drop the inserted row */
            table_remove(t, now);
            row_free(now, ncols);
            break;
        case MTRK_CHANGE_UPDATE: /* put the replaced row back */
            table_remove(t, now);
            row_free(now, ncols);
            table_add(s, t, u->row);
            break;
        case MTRK_CHANGE_DELETE: /* put the deleted row back */
            table_add(s, t, u->row);
            break;
        }
    }
    return end_tx(s);
}

static int undo_push(ot_store *s, int op, unsigned table, mtrk_value *row)
{
    if (s->nundo == s->capundo) {
        size_t cap = s->capundo ? s->capundo * 2 : 64;
        ot_undo *u = realloc(s->undo, cap * sizeof *u);
        if (u == NULL)
            return fail(s, MTRK_ENOMEM, "out of memory");
        s->undo = u;
        s->capundo = cap;
    }
    s->undo[s->nundo++] = (ot_undo){ op, table, row };
    return 0;
}

/* ---- reads --------------------------------------------------------------- */

static int ot_get(mtrk_store *st, unsigned table, const mtrk_value *key, mtrk_row_fn fn, void *userdata)
{
    ot_store *s = ot(st);
    ot_table *t = table_of(s, table);
    if (t == NULL)
        return MTRK_ESTORE;
    const mtrk_value *row = pk_get(t, key);
    if (row == NULL)
        return fail(s, MTRK_ENOTFOUND, "%s: no row with this key", t->def->name);
    int rc = fn(userdata, row);
    return rc < 0 ? rc : 0;
}

static int ot_scan(mtrk_store *st, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                   const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *userdata)
{
    ot_store *s = ot(st);
    ot_table *t = table_of(s, table);
    if (t == NULL)
        return MTRK_ESTORE;
    if (index != MTRK_INDEX_PK && (index < 0 || (unsigned)index >= t->def->nindexes))
        return fail(s, MTRK_ESTORE, "table %s has no index %d", t->def->name, index);
    const ot_order *o = &t->orders[index == MTRK_INDEX_PK ? 0 : 1 + index];
    if (nprefix + nstart > o->key.n)
        return fail(s, MTRK_ESTORE, "%s: %u prefix and %u start values for a sort key of %u columns",
                    t->def->name, nprefix, nstart, o->key.n);
    int desc = (flags & MTRK_SCAN_DESC) != 0, after = (flags & MTRK_SCAN_AFTER) != 0;

    /* [lo, hi): the rows with the prefix ... */
    size_t lo = bound_vals(t, o, prefix, nprefix, 0), hi = bound_vals(t, o, prefix, nprefix, 1);
    if (nstart > 0) {
        /* ... on the near side of start: at or past it ascending, at or
         * before it descending (strictly with MTRK_SCAN_AFTER). */
        mtrk_value bound[MAX_KEY];
        memcpy(bound, prefix, nprefix * sizeof *bound);
        memcpy(bound + nprefix, start, nstart * sizeof *bound);
        if (desc) {
            size_t b = bound_vals(t, o, bound, nprefix + nstart, !after);
            hi = b < hi ? b : hi;
        } else {
            size_t b = bound_vals(t, o, bound, nprefix + nstart, after);
            lo = b > lo ? b : lo;
        }
    }
    /* fn may read but not change the store: the array stays as it is. */
    int rc = 0;
    for (size_t i = 0; lo + i < hi && rc == 0; i++)
        rc = fn(userdata, o->rows[desc ? hi - 1 - i : lo + i]);
    return rc < 0 ? rc : 0;
}

/* ---- writes ------------------------------------------------------------ */

static int apply_one(ot_store *s, const mtrk_change *ch)
{
    ot_table *t = table_of(s, ch->table);
    if (t == NULL)
        return MTRK_ESTORE;
    unsigned ncols = t->def->ncols;
    if (ch->op == MTRK_CHANGE_INSERT || ch->op == MTRK_CHANGE_UPDATE)
        for (unsigned c = 0; c < ncols; c++)
            if (ch->row[c].type < MTRK_VAL_NULL || ch->row[c].type > MTRK_VAL_BLOB)
                return fail(s, MTRK_ESTORE, "%s.%s: unknown value type %d", t->def->name, t->def->cols[c].name,
                            ch->row[c].type);
    mtrk_value *old = pk_get(t, ch->row), *row = NULL;
    int rc;
    switch (ch->op) {
    case MTRK_CHANGE_INSERT:
        if (old != NULL)
            return fail(s, MTRK_EEXISTS, "%s: the primary key already exists", t->def->name);
        if ((rc = unique_check(s, t, ch->row, NULL)) != 0)
            return rc;
        if ((row = row_copy(ch->row, ncols)) == NULL)
            return fail(s, MTRK_ENOMEM, "out of memory");
        /* Room in the undo log first, so a failure leaves nothing half done. */
        if ((rc = undo_push(s, MTRK_CHANGE_INSERT, ch->table, row)) != 0 ||
            (rc = table_add(s, t, row)) != 0) {
            if (s->nundo > 0 && s->undo[s->nundo - 1].row == row)
                s->nundo--;
            row_free(row, ncols);
            return rc;
        }
        return 0;
    case MTRK_CHANGE_UPDATE:
        if (old == NULL)
            return fail(s, MTRK_ENOTFOUND, "%s: no row to update", t->def->name);
        if ((rc = unique_check(s, t, ch->row, old)) != 0)
            return rc;
        if ((row = row_copy(ch->row, ncols)) == NULL)
            return fail(s, MTRK_ENOMEM, "out of memory");
        if ((rc = undo_push(s, MTRK_CHANGE_UPDATE, ch->table, old)) != 0) {
            row_free(row, ncols);
            return rc;
        }
        /* Same key, same number of rows: table_add does not grow the arrays. */
        table_remove(t, old);
        table_add(s, t, row);
        return 0;
    case MTRK_CHANGE_DELETE:
        if (old == NULL)
            return fail(s, MTRK_ENOTFOUND, "%s: no row to delete", t->def->name);
        if ((rc = undo_push(s, MTRK_CHANGE_DELETE, ch->table, old)) != 0)
            return rc;
        table_remove(t, old);
        return 0;
    default:
        return fail(s, MTRK_ESTORE, "unknown change operation %d", ch->op);
    }
}

static int ot_apply(mtrk_store *st, const mtrk_change *changes, size_t n)
{
    ot_store *s = ot(st);
    if (!s->in_tx || !s->write)
        return fail(s, MTRK_ESTORE, "apply outside a write transaction");
    for (size_t i = 0; i < n; i++) {
        int rc = apply_one(s, &changes[i]);
        if (rc)
            return rc;
    }
    return 0;
}

static const char *ot_errmsg(mtrk_store *st) { return ot(st)->err; }

/* ---- life ---------------------------------------------------------------- */

static void ot_free(mtrk_store *st)
{
    ot_store *s = ot(st);
    if (s->in_tx)
        ot_rollback(st);
    for (unsigned i = 0; i < s->ntables; i++) {
        ot_table *t = &s->tables[i];
        for (size_t r = 0; r < t->n; r++)
            row_free(t->orders[0].rows[r], t->def->ncols);
        for (unsigned o = 0; o < t->norders; o++)
            free(t->orders[o].rows);
        free(t->orders);
    }
    free(s->tables);
    free(s->undo);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

/* Sets up table t's orders from its definition. */
static int table_init(ot_table *t, const mtrk_table_def *def)
{
    t->def = def;
    t->orders = calloc(1 + def->nindexes, sizeof *t->orders);
    if (t->orders == NULL)
        return MTRK_ENOMEM;
    t->norders = 1 + def->nindexes;
    for (unsigned i = 0; i < t->norders; i++) {
        sort_key *k = &t->orders[i].key;
        unsigned nix = i == 0 ? 0 : def->indexes[i - 1].ncols;
        if (nix + def->npk > MAX_KEY)
            return MTRK_ESTORE;
        for (unsigned c = 0; c < nix; c++)
            k->cols[k->n++] = def->indexes[i - 1].cols[c];
        for (unsigned c = 0; c < def->npk; c++)
            k->cols[k->n++] = c;
    }
    return 0;
}

int outoftree_store_new(mtrk_store **out)
{
    if (out == NULL)
        return MTRK_EINVAL;
    ot_store *s = calloc(1, sizeof *s);
    if (s == NULL)
        return MTRK_ENOMEM;
    /* An error-checking mutex: a transaction begun twice by one thread fails
     * (MTRK_ESTORE) instead of waiting for itself. */
    pthread_mutexattr_t attr;
    if (pthread_mutexattr_init(&attr) != 0) {
        free(s);
        return MTRK_ESTORE;
    }
    int rc = pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    if (rc == 0)
        rc = pthread_mutex_init(&s->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    if (rc != 0) {
        free(s);
        return MTRK_ESTORE;
    }
    if (mtrk_store_init(&s->base, MTRK_STORE_VERSION) != MTRK_OK) {
        pthread_mutex_destroy(&s->lock);
        free(s);
        return MTRK_ESTORE;
    }
    s->base.free = ot_free;
    s->base.begin = ot_begin;
    s->base.commit = ot_commit;
    s->base.rollback = ot_rollback;
    s->base.get = ot_get;
    s->base.scan = ot_scan;
    s->base.apply = ot_apply;
    s->base.errmsg = ot_errmsg;
    unsigned ntables = mtrk_store_table_count();
    s->tables = calloc(ntables ? ntables : 1, sizeof *s->tables);
    if (s->tables == NULL) {
        ot_free(&s->base);
        return MTRK_ENOMEM;
    }
    for (; s->ntables < ntables; s->ntables++) {
        const mtrk_table_def *def = mtrk_store_table(s->ntables);
        if (def == NULL || (rc = table_init(&s->tables[s->ntables], def)) != 0) {
            s->ntables++; /* ot_free releases what table_init made */
            ot_free(&s->base);
            return def == NULL ? MTRK_ESTORE : rc;
        }
    }
    *out = &s->base;
    return MTRK_OK;
}
