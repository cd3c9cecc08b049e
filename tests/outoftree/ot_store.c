/*
 * An out-of-tree mtrk store, written against the installed public headers
 * alone (<mtrk/store.h>): what a third party writes to keep mtrk's rows in
 * its own storage. It is the worked example of docs/backends.md, and the
 * suite 'docs' builds it against a DESTDIR installation and runs the
 * conformance suite on it (tests/outoftree/check-outoftree.sh).
 *
 * Meant to be obviously right, not fast:
 *  - each table is a growable array of rows kept sorted by primary key; a
 *    row is an array of deep-copied values;
 *  - get and primary-key scans binary-search that array; a scan over a
 *    secondary index collects the matching rows and sorts them by the
 *    index's sort key (index columns, then primary-key columns);
 *  - unique indexes are checked on insert and update by a linear pass (a
 *    row with a NULL in the index columns never collides);
 *  - a write transaction keeps an undo log: each change saves what it
 *    replaced, rollback restores it in reverse order;
 *  - one mutex serializes transactions (read and write) of every handle
 *    sharing the store; a writer waits at most BUSY_TIMEOUT_MS for it.
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

typedef struct ot_table {
    const mtrk_table_def *def;
    mtrk_value **rows; /* sorted by primary key; each row holds def->ncols values */
    size_t n, cap;
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
        } else {
            row[c].type = MTRK_VAL_NULL;
        }
    }
    return row;
}

/* ---- sort keys --------------------------------------------------------- */

/* The sort key of `index` of table t: its columns, then the primary key's. */
typedef struct sort_key {
    unsigned n;
    unsigned cols[64];
} sort_key;

static int sort_key_of(ot_store *s, const mtrk_table_def *t, int index, sort_key *k)
{
    k->n = 0;
    if (index != MTRK_INDEX_PK) {
        if (index < 0 || (unsigned)index >= t->nindexes)
            return fail(s, MTRK_ESTORE, "table %s has no index %d", t->name, index);
        const mtrk_index_def *ix = &t->indexes[index];
        if (ix->ncols + t->npk > sizeof k->cols / sizeof k->cols[0])
            return fail(s, MTRK_ESTORE, "index %s has too many columns", ix->name);
        for (unsigned c = 0; c < ix->ncols; c++)
            k->cols[k->n++] = ix->cols[c];
    }
    for (unsigned c = 0; c < t->npk; c++)
        k->cols[k->n++] = c;
    return 0;
}

/* Compares row's sort-key columns [from, from + n) with vals[0 .. n - 1]. */
static int key_cmp_vals(const mtrk_value *row, const sort_key *k, unsigned from, const mtrk_value *vals, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        int c = value_cmp(&row[k->cols[from + i]], &vals[i]);
        if (c)
            return c;
    }
    return 0;
}

static int key_cmp_rows(const mtrk_value *a, const mtrk_value *b, const sort_key *k)
{
    for (unsigned i = 0; i < k->n; i++) {
        int c = value_cmp(&a[k->cols[i]], &b[k->cols[i]]);
        if (c)
            return c;
    }
    return 0;
}

/* Merge sort of rows by sort key (stable, no global state). */
static void sort_rows(const mtrk_value **rows, const mtrk_value **tmp, size_t n, const sort_key *k)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    sort_rows(rows, tmp, h, k);
    sort_rows(rows + h, tmp, n - h, k);
    size_t i = 0, j = h, o = 0;
    while (i < h && j < n)
        tmp[o++] = key_cmp_rows(rows[j], rows[i], k) < 0 ? rows[j++] : rows[i++];
    while (i < h)
        tmp[o++] = rows[i++];
    while (j < n)
        tmp[o++] = rows[j++];
    memcpy(rows, tmp, n * sizeof *rows);
}

/* ---- tables ------------------------------------------------------------ */

/* Position of the first row whose primary key is >= key[0 .. npk - 1];
 * *found says whether it is equal. */
static size_t pk_find(const ot_table *t, const mtrk_value *key, int *found)
{
    size_t lo = 0, hi = t->n;
    unsigned npk = t->def->npk;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = 0;
        for (unsigned i = 0; i < npk && c == 0; i++)
            c = value_cmp(&t->rows[mid][i], &key[i]);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = 0;
    if (lo < t->n) {
        int c = 0;
        for (unsigned i = 0; i < npk && c == 0; i++)
            c = value_cmp(&t->rows[lo][i], &key[i]);
        *found = c == 0;
    }
    return lo;
}

static int table_insert_at(ot_store *s, ot_table *t, size_t pos, mtrk_value *row)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        mtrk_value **rows = realloc(t->rows, cap * sizeof *rows);
        if (rows == NULL)
            return fail(s, MTRK_ENOMEM, "out of memory");
        t->rows = rows;
        t->cap = cap;
    }
    memmove(&t->rows[pos + 1], &t->rows[pos], (t->n - pos) * sizeof *t->rows);
    t->rows[pos] = row;
    t->n++;
    return 0;
}

static void table_remove_at(ot_table *t, size_t pos)
{
    memmove(&t->rows[pos], &t->rows[pos + 1], (t->n - pos - 1) * sizeof *t->rows);
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

/* MTRK_EEXISTS when a row other than the one at `self` (or any row, when
 * self is t->n) shares `row`'s columns of a unique index, none NULL. */
static int unique_check(ot_store *s, const ot_table *t, const mtrk_value *row, size_t self)
{
    for (unsigned x = 0; x < t->def->nindexes; x++) {
        const mtrk_index_def *ix = &t->def->indexes[x];
        if (!ix->unique)
            continue;
        int has_null = 0;
        for (unsigned c = 0; c < ix->ncols; c++)
            has_null |= row[ix->cols[c]].type == MTRK_VAL_NULL;
        if (has_null)
            continue;
        for (size_t r = 0; r < t->n; r++) {
            if (r == self)
                continue;
            unsigned c = 0;
            while (c < ix->ncols && value_cmp(&t->rows[r][ix->cols[c]], &row[ix->cols[c]]) == 0)
                c++;
            if (c == ix->ncols)
                return fail(s, MTRK_EEXISTS, "%s: unique index %s already holds these values", t->def->name,
                            ix->name);
        }
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
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "no transaction");
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
    /* In reverse order, so each entry finds the table as its change left it. */
    while (s->nundo > 0) {
        ot_undo *u = &s->undo[--s->nundo];
        ot_table *t = &s->tables[u->table];
        int found;
        size_t pos = pk_find(t, u->row, &found);
        switch (u->op) {
        case MTRK_CHANGE_INSERT: /* the inserted row is at its key: drop it */
            row_free(t->rows[pos], t->def->ncols);
            table_remove_at(t, pos);
            break;
        case MTRK_CHANGE_UPDATE: /* put the replaced row back */
            row_free(t->rows[pos], t->def->ncols);
            t->rows[pos] = u->row;
            break;
        case MTRK_CHANGE_DELETE: /* re-insert the deleted row (the array has room: it held it) */
            memmove(&t->rows[pos + 1], &t->rows[pos], (t->n - pos) * sizeof *t->rows);
            t->rows[pos] = u->row;
            t->n++;
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
    int found;
    size_t pos = pk_find(t, key, &found);
    if (!found)
        return MTRK_ENOTFOUND;
    int rc = fn(userdata, t->rows[pos]);
    return rc < 0 ? rc : 0;
}

static int ot_scan(mtrk_store *st, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                   const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *userdata)
{
    ot_store *s = ot(st);
    ot_table *t = table_of(s, table);
    if (t == NULL)
        return MTRK_ESTORE;
    sort_key k;
    int rc = sort_key_of(s, t->def, index, &k);
    if (rc)
        return rc;
    if (nprefix + nstart > k.n)
        return fail(s, MTRK_ESTORE, "%s: %u prefix and %u start values for a sort key of %u", t->def->name, nprefix,
                    nstart, k.n);
    int desc = (flags & MTRK_SCAN_DESC) != 0, after = (flags & MTRK_SCAN_AFTER) != 0;

    /* The candidates: rows with the prefix, on the right side of start.
     * The callback may read but not change the store, so these pointers
     * stay valid while it runs. */
    const mtrk_value **rows = malloc((t->n ? t->n : 1) * 2 * sizeof *rows);
    if (rows == NULL)
        return fail(s, MTRK_ENOMEM, "out of memory");
    size_t n = 0;
    for (size_t r = 0; r < t->n; r++) {
        const mtrk_value *row = t->rows[r];
        if (key_cmp_vals(row, &k, 0, prefix, nprefix) != 0)
            continue;
        if (nstart > 0) {
            int c = key_cmp_vals(row, &k, nprefix, start, nstart);
            if (desc ? c > 0 || (c == 0 && after) : c < 0 || (c == 0 && after))
                continue;
        }
        rows[n++] = row;
    }
    if (index != MTRK_INDEX_PK) /* the array is kept in primary-key order already */
        sort_rows(rows, rows + t->n, n, &k);
    rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = fn(userdata, rows[desc ? n - 1 - i : i]);
    free(rows);
    return rc < 0 ? rc : 0;
}

/* ---- writes ------------------------------------------------------------ */

static int apply_one(ot_store *s, const mtrk_change *ch)
{
    ot_table *t = table_of(s, ch->table);
    if (t == NULL)
        return MTRK_ESTORE;
    unsigned ncols = t->def->ncols;
    int found;
    size_t pos = pk_find(t, ch->row, &found);
    switch (ch->op) {
    case MTRK_CHANGE_INSERT: {
        if (found)
            return fail(s, MTRK_EEXISTS, "%s: the primary key already exists", t->def->name);
        int rc = unique_check(s, t, ch->row, t->n);
        if (rc)
            return rc;
        mtrk_value *row = row_copy(ch->row, ncols);
        if (row == NULL)
            return fail(s, MTRK_ENOMEM, "out of memory");
        /* Room in the undo log first, so a failure leaves nothing half done. */
        if ((rc = undo_push(s, MTRK_CHANGE_INSERT, ch->table, row)) != 0) {
            row_free(row, ncols);
            return rc;
        }
        if ((rc = table_insert_at(s, t, pos, row)) != 0) {
            s->nundo--;
            row_free(row, ncols);
            return rc;
        }
        return 0;
    }
    case MTRK_CHANGE_UPDATE: {
        if (!found)
            return fail(s, MTRK_ENOTFOUND, "%s: no row to update", t->def->name);
        int rc = unique_check(s, t, ch->row, pos);
        if (rc)
            return rc;
        mtrk_value *row = row_copy(ch->row, ncols);
        if (row == NULL)
            return fail(s, MTRK_ENOMEM, "out of memory");
        if ((rc = undo_push(s, MTRK_CHANGE_UPDATE, ch->table, t->rows[pos])) != 0) {
            row_free(row, ncols);
            return rc;
        }
        t->rows[pos] = row;
        return 0;
    }
    case MTRK_CHANGE_DELETE: {
        if (!found)
            return fail(s, MTRK_ENOTFOUND, "%s: no row to delete", t->def->name);
        int rc = undo_push(s, MTRK_CHANGE_DELETE, ch->table, t->rows[pos]);
        if (rc)
            return rc;
        table_remove_at(t, pos);
        return 0;
    }
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
        for (size_t r = 0; r < s->tables[i].n; r++)
            row_free(s->tables[i].rows[r], s->tables[i].def->ncols);
        free(s->tables[i].rows);
    }
    free(s->tables);
    free(s->undo);
    pthread_mutex_destroy(&s->lock);
    free(s);
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
    s->ntables = mtrk_store_table_count();
    s->tables = calloc(s->ntables ? s->ntables : 1, sizeof *s->tables);
    if (s->tables == NULL) {
        pthread_mutex_destroy(&s->lock);
        free(s);
        return MTRK_ENOMEM;
    }
    for (unsigned i = 0; i < s->ntables; i++)
        s->tables[i].def = mtrk_store_table(i);
    s->base.free = ot_free;
    s->base.begin = ot_begin;
    s->base.commit = ot_commit;
    s->base.rollback = ot_rollback;
    s->base.get = ot_get;
    s->base.scan = ot_scan;
    s->base.apply = ot_apply;
    s->base.errmsg = ot_errmsg;
    *out = &s->base;
    return MTRK_OK;
}
