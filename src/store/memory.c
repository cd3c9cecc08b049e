/*
 * The in-memory store: every table kept in red-black trees, one per sort
 * order (the primary key and each secondary index), with an undo log for
 * rollback. It knows the table definitions (mtrk_store_table) and nothing
 * else: no business rule lives here.
 *
 * Layout. A row is one allocation:
 *
 *     [ tree nodes: 1 + nindexes ][ slots: ncols x 8 bytes ][ types: ncols bytes ][ data ]
 *
 * Node 0 links the row into the primary-key tree, node k (k >= 1) into the
 * tree of secondary index k-1, so the row is found from any of its nodes by
 * pointer arithmetic and costs no separate index entry. A slot holds an INT
 * value, or the offset and length of a TEXT/BLOB value inside the data area
 * (TEXT is stored NUL-terminated, as mtrk_value promises). Values are only
 * turned into mtrk_value arrays, on the stack, when a callback needs them.
 *
 * Keyed lookups descend the primary-key tree (O(log n)). A hash on the
 * primary key was considered and left out: it would add ~100 bytes per row
 * (hash handle plus an encoded key) for a constant-factor gain on get, while
 * the trees are needed anyway for ordered scans and unique checks. Note for
 * whoever adds one with uthash: under HASH_NONFATAL_OOM an add to an existing
 * table fails when its bucket expansion cannot allocate, so re-adding rows
 * during rollback could fail unless expansion is suspended (tbl->noexpand)
 * and the table is never emptied (HASH_DELETE of the last item frees it).
 *
 * Transactions. A mutex serializes them (read and write alike), so any
 * number of mtrk_db handles in any threads may share one store; a waiter
 * gives up with MTRK_EBUSY after MEMORY_BUSY_TIMEOUT_MS. The thread inside a
 * transaction is recorded so that a second begin on the same thread fails
 * with MTRK_ESTORE instead of deadlocking, and calls from a thread that holds
 * no transaction are refused. Every change in a write transaction appends
 * to the undo log before touching a tree; the rows a change replaces or
 * deletes stay allocated (unlinked) until commit, so rollback never
 * allocates and cannot fail.
 *
 * Failure. Each change checks everything and allocates everything it needs
 * before it modifies a tree, so a failed change leaves the store untouched.
 *
 * Messages. errmsg() returns the last failure message of the calling thread
 * (a store shared by threads cannot keep a single meaningful "last" one).
 */
#include "mtrk/store.h"

#include <bsd/sys/tree.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How long begin waits for another transaction to end before MTRK_EBUSY. */
#define MEMORY_BUSY_TIMEOUT_MS 5000
/* Bounds checked against the table definitions at creation (stack arrays). */
#define MAX_COLS 64
#define MAX_KEY 64
#define ERRMSG_MAX 256
/* An undo log larger than this is released at the end of a transaction. */
#define LOG_KEEP 1024

/* ------------------------------------------------------------------ */
/* Trees                                                               */
/* ------------------------------------------------------------------ */

typedef struct mnode {
    RB_ENTRY(mnode) link;
} mnode;
RB_HEAD(mtree, mnode);

/* Only the colour fix-ups, removal and stepping are used: insertion and
 * search descend by hand with a comparator that knows the table and index,
 * which the generated functions could not be given. */
static int mnode_cmp_unused(const mnode *a, const mnode *b)
{
    (void)a;
    (void)b;
    return 0;
}
/* tree.h marks its static functions __unused, which libbsd leaves undefined
 * on Linux (glibc uses the name for struct members): define it just here. */
#pragma push_macro("__unused")
#undef __unused
#define __unused __attribute__((__unused__))
RB_GENERATE_STATIC(mtree, mnode, link, mnode_cmp_unused)
#pragma pop_macro("__unused")

typedef union slot {
    int64_t i;
    struct {
        uint32_t off, len;
    } s;
} slot;

/* Per-table layout and sort keys. Tree 0 is the primary key. */
typedef struct tdesc {
    const mtrk_table_def *def;
    unsigned ntrees;
    unsigned *nkey;       /* [ntrees] sort-key length */
    unsigned **keycols;   /* [ntrees] sort-key column numbers */
    size_t slots_off, types_off, data_off;
    struct mtree *trees;  /* [ntrees] */
} tdesc;

enum { UNDO_INSERT = 1, UNDO_UPDATE = 2, UNDO_DELETE = 3 };

typedef struct undo {
    int op;
    unsigned table;
    char *row; /* inserted row, new version, or deleted row */
    char *old; /* UPDATE: the previous version (unlinked, kept until commit) */
} undo;

typedef struct memstore {
    mtrk_store base;
    pthread_mutex_t lock;
    atomic_uintptr_t owner; /* thread tag of the transaction holder, 0 if none */
    int write;
    int depth;              /* callbacks in progress (nested get/scan) */
    unsigned ntables;
    tdesc *td;
    undo *log;
    size_t nlog, caplog;
} memstore;

/* One per thread: its address identifies the thread. */
static _Thread_local char thread_tag;
static _Thread_local char thread_errmsg[ERRMSG_MAX];

static uintptr_t self_tag(void) { return (uintptr_t)&thread_tag; }

__attribute__((format(printf, 2, 3))) static int fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(thread_errmsg, sizeof thread_errmsg, fmt, ap);
    va_end(ap);
    return code;
}

static const char *type_name(int type)
{
    switch (type) {
    case MTRK_VAL_NULL: return "NULL";
    case MTRK_VAL_INT: return "INT";
    case MTRK_VAL_TEXT: return "TEXT";
    case MTRK_VAL_BLOB: return "BLOB";
    default: return "an unknown type";
    }
}

/* ------------------------------------------------------------------ */
/* Rows and values                                                     */
/* ------------------------------------------------------------------ */

static inline char *row_of(const mnode *n, unsigned k) { return (char *)(n - k); }
static inline mnode *node_of(char *row, unsigned k) { return (mnode *)row + k; }

static inline mtrk_value row_val(const tdesc *d, const char *row, unsigned c)
{
    const slot *sl = (const slot *)(row + d->slots_off) + c;
    mtrk_value v;
    v.type = (unsigned char)row[d->types_off + c];
    v.i = 0;
    v.p = NULL;
    v.n = 0;
    if (v.type == MTRK_VAL_INT) {
        v.i = sl->i;
    } else if (v.type != MTRK_VAL_NULL) {
        v.p = row + d->data_off + sl->s.off;
        v.n = sl->s.len;
    }
    return v;
}

static void row_values(const tdesc *d, const char *row, mtrk_value *out)
{
    for (unsigned c = 0; c < d->def->ncols; c++)
        out[c] = row_val(d, row, c);
}

/* NULL < INT < TEXT < BLOB; INT numerically; TEXT/BLOB memcmp, then shorter first. */
static inline int val_cmp(const mtrk_value *a, const mtrk_value *b)
{
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    switch (a->type) {
    case MTRK_VAL_NULL:
        return 0;
    case MTRK_VAL_INT:
        return (a->i > b->i) - (a->i < b->i);
    default: {
        size_t n = a->n < b->n ? a->n : b->n;
        int r = n ? memcmp(a->p, b->p, n) : 0;
        if (r)
            return r < 0 ? -1 : 1;
        return (a->n > b->n) - (a->n < b->n);
    }
    }
}

/* Compares two rows by the full sort key of tree k. */
static int row_cmp(const tdesc *d, unsigned k, const char *a, const char *b)
{
    for (unsigned j = 0; j < d->nkey[k]; j++) {
        unsigned c = d->keycols[k][j];
        mtrk_value va = row_val(d, a, c), vb = row_val(d, b, c);
        int r = val_cmp(&va, &vb);
        if (r)
            return r;
    }
    return 0;
}

/* Compares the first m sort-key columns of a row (tree k) with key[0..m-1]. */
static int row_key_cmp(const tdesc *d, unsigned k, const char *row, const mtrk_value *key, unsigned m)
{
    for (unsigned j = 0; j < m; j++) {
        mtrk_value v = row_val(d, row, d->keycols[k][j]);
        int r = val_cmp(&v, &key[j]);
        if (r)
            return r;
    }
    return 0;
}

/* Checks the values of a change against the column definitions; only the
 * first `ncheck` columns are looked at (the key, for DELETE). */
static int check_row(const tdesc *d, const mtrk_value *row, unsigned ncheck)
{
    const mtrk_table_def *def = d->def;
    for (unsigned c = 0; c < ncheck; c++) {
        const mtrk_value *v = &row[c];
        const mtrk_column_def *cd = &def->cols[c];
        if (v->type == MTRK_VAL_NULL) {
            if (!(cd->flags & MTRK_COL_NULLABLE) || c < def->npk)
                return fail(MTRK_EINVAL, "memory store: %s.%s may not be NULL", def->name, cd->name);
            continue;
        }
        if (v->type != cd->type)
            return fail(MTRK_EINVAL, "memory store: %s.%s expects %s, got %s", def->name, cd->name,
                        type_name(cd->type), type_name(v->type));
        if (v->type != MTRK_VAL_INT && v->p == NULL && v->n != 0)
            return fail(MTRK_EINVAL, "memory store: %s.%s has a NULL pointer with length %zu", def->name,
                        cd->name, v->n);
    }
    return 0;
}

/* Checks key values passed to get/scan (any type is legal, it just compares). */
static int check_key(const char *what, const mtrk_value *key, unsigned n)
{
    for (unsigned j = 0; j < n; j++) {
        if (key[j].type < MTRK_VAL_NULL || key[j].type > MTRK_VAL_BLOB)
            return fail(MTRK_EINVAL, "memory store: %s[%u] has unknown value type %d", what, j, key[j].type);
        if (key[j].type >= MTRK_VAL_TEXT && key[j].p == NULL && key[j].n != 0)
            return fail(MTRK_EINVAL, "memory store: %s[%u] has a NULL pointer with length %zu", what, j,
                        key[j].n);
    }
    return 0;
}

/* Builds the stored form of a (checked) full row. MTRK_ENOMEM, MTRK_ETOOLONG. */
static int row_build(const tdesc *d, const mtrk_value *vals, char **out)
{
    unsigned ncols = d->def->ncols;
    size_t data = 0;
    for (unsigned c = 0; c < ncols; c++) {
        if (vals[c].type == MTRK_VAL_TEXT || vals[c].type == MTRK_VAL_BLOB) {
            size_t add = vals[c].n + (vals[c].type == MTRK_VAL_TEXT);
            if (vals[c].n >= UINT32_MAX || data > (size_t)UINT32_MAX - add)
                return fail(MTRK_ETOOLONG, "memory store: a %s row is over 4 GiB", d->def->name);
            data += add;
        }
    }
    char *row = malloc(d->data_off + data);
    if (row == NULL)
        return fail(MTRK_ENOMEM, "memory store: out of memory for a %s row", d->def->name);
    memset(row, 0, d->slots_off);
    slot *sl = (slot *)(row + d->slots_off);
    char *dp = row + d->data_off;
    uint32_t off = 0;
    for (unsigned c = 0; c < ncols; c++) {
        const mtrk_value *v = &vals[c];
        row[d->types_off + c] = (char)v->type;
        sl[c].i = 0;
        if (v->type == MTRK_VAL_INT) {
            sl[c].i = v->i;
        } else if (v->type == MTRK_VAL_TEXT || v->type == MTRK_VAL_BLOB) {
            sl[c].s.off = off;
            sl[c].s.len = (uint32_t)v->n;
            if (v->n)
                memcpy(dp + off, v->p, v->n);
            off += (uint32_t)v->n;
            if (v->type == MTRK_VAL_TEXT)
                dp[off++] = '\0';
        }
    }
    *out = row;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Tree operations (by hand: the comparator needs the table and index)  */
/* ------------------------------------------------------------------ */

static void tree_insert(const tdesc *d, unsigned k, char *row)
{
    struct mtree *h = &d->trees[k];
    mnode *elm = node_of(row, k), *parent = NULL, *n = RB_ROOT(h);
    int c = 0;
    while (n) {
        parent = n;
        c = row_cmp(d, k, row, row_of(n, k));
        n = c < 0 ? RB_LEFT(n, link) : RB_RIGHT(n, link);
    }
    RB_SET(elm, parent, link);
    if (parent == NULL)
        RB_ROOT(h) = elm;
    else if (c < 0)
        RB_LEFT(parent, link) = elm;
    else
        RB_RIGHT(parent, link) = elm;
    mtree_RB_INSERT_COLOR(h, elm);
}

static void tree_remove(const tdesc *d, unsigned k, char *row)
{
    mtree_RB_REMOVE(&d->trees[k], node_of(row, k));
}

/* Puts `to` exactly where `from` is in tree k (same sort key): no rebalancing. */
static void tree_replace(const tdesc *d, unsigned k, char *from, char *to)
{
    struct mtree *h = &d->trees[k];
    mnode *o = node_of(from, k), *n = node_of(to, k), *p = RB_PARENT(o, link);
    n->link = o->link;
    if (p == NULL)
        RB_ROOT(h) = n;
    else if (RB_LEFT(p, link) == o)
        RB_LEFT(p, link) = n;
    else
        RB_RIGHT(p, link) = n;
    if (RB_LEFT(o, link))
        RB_PARENT(RB_LEFT(o, link), link) = n;
    if (RB_RIGHT(o, link))
        RB_PARENT(RB_RIGHT(o, link), link) = n;
}

static void link_all(const tdesc *d, char *row)
{
    for (unsigned k = 0; k < d->ntrees; k++)
        tree_insert(d, k, row);
}

static void unlink_all(const tdesc *d, char *row)
{
    for (unsigned k = 0; k < d->ntrees; k++)
        tree_remove(d, k, row);
}

/* Swaps row `from` (linked) for `to` (unlinked) in every tree. */
static void swap_rows(const tdesc *d, char *from, char *to)
{
    for (unsigned k = 0; k < d->ntrees; k++) {
        if (row_cmp(d, k, from, to) == 0) {
            tree_replace(d, k, from, to);
        } else {
            tree_remove(d, k, from);
            tree_insert(d, k, to);
        }
    }
}

/* First node whose key prefix is >= key (> key when strict). */
static mnode *seek_first(const tdesc *d, unsigned k, const mtrk_value *key, unsigned m, int strict)
{
    mnode *n = RB_ROOT(&d->trees[k]), *res = NULL;
    while (n) {
        int c = row_key_cmp(d, k, row_of(n, k), key, m);
        if (c > 0 || (c == 0 && !strict)) {
            res = n;
            n = RB_LEFT(n, link);
        } else {
            n = RB_RIGHT(n, link);
        }
    }
    return res;
}

/* Last node whose key prefix is <= key (< key when strict). */
static mnode *seek_last(const tdesc *d, unsigned k, const mtrk_value *key, unsigned m, int strict)
{
    mnode *n = RB_ROOT(&d->trees[k]), *res = NULL;
    while (n) {
        int c = row_key_cmp(d, k, row_of(n, k), key, m);
        if (c < 0 || (c == 0 && !strict)) {
            res = n;
            n = RB_RIGHT(n, link);
        } else {
            n = RB_LEFT(n, link);
        }
    }
    return res;
}

/* The row whose primary key is key[0..npk-1], or NULL. */
static char *find_pk(const tdesc *d, const mtrk_value *key)
{
    mnode *n = RB_ROOT(&d->trees[0]);
    while (n) {
        int c = row_key_cmp(d, 0, row_of(n, 0), key, d->def->npk);
        if (c == 0)
            return row_of(n, 0);
        n = c > 0 ? RB_LEFT(n, link) : RB_RIGHT(n, link);
    }
    return NULL;
}

/* MTRK_EEXISTS if a row other than `self` shares a unique index with vals. */
static int check_unique(const tdesc *d, const mtrk_value *vals, const char *self)
{
    const mtrk_table_def *def = d->def;
    for (unsigned x = 0; x < def->nindexes; x++) {
        const mtrk_index_def *ix = &def->indexes[x];
        if (!ix->unique)
            continue;
        mtrk_value key[MAX_KEY];
        int has_null = 0;
        for (unsigned j = 0; j < ix->ncols; j++) {
            key[j] = vals[ix->cols[j]];
            has_null |= key[j].type == MTRK_VAL_NULL;
        }
        if (has_null)
            continue;
        unsigned k = x + 1;
        for (mnode *n = seek_first(d, k, key, ix->ncols, 0); n; n = mtree_RB_NEXT(n)) {
            char *row = row_of(n, k);
            if (row_key_cmp(d, k, row, key, ix->ncols) != 0)
                break;
            if (row != self)
                return fail(MTRK_EEXISTS, "memory store: %s: unique index %s already holds these values",
                            def->name, ix->name);
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Transactions                                                        */
/* ------------------------------------------------------------------ */

static int in_tx(memstore *s)
{
    return atomic_load_explicit(&s->owner, memory_order_relaxed) == self_tag();
}

static int need_tx(memstore *s, const char *op)
{
    if (!in_tx(s))
        return fail(MTRK_ESTORE, "memory store: %s outside a transaction", op);
    return 0;
}

static int lock_store(memstore *s)
{
    /* The uncontended case costs no clock reading. pthread_mutex_timedlock
     * (CLOCK_REALTIME) rather than pthread_mutex_clocklock: the thread
     * sanitizer understands only the former. */
    int rc = pthread_mutex_trylock(&s->lock);
    if (rc == EBUSY) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += MEMORY_BUSY_TIMEOUT_MS / 1000;
        ts.tv_nsec += (long)(MEMORY_BUSY_TIMEOUT_MS % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        rc = pthread_mutex_timedlock(&s->lock, &ts);
    }
    if (rc == ETIMEDOUT)
        return fail(MTRK_EBUSY, "memory store: busy, another transaction held the store for over %d ms",
                    MEMORY_BUSY_TIMEOUT_MS);
    if (rc != 0)
        return fail(MTRK_ESTORE, "memory store: cannot take the lock: %s", strerror(rc));
    return 0;
}

static int mem_begin(mtrk_store *store, int write)
{
    memstore *s = (memstore *)store;
    if (in_tx(s))
        return fail(MTRK_ESTORE, "memory store: begin inside a transaction already open on this thread");
    int rc = lock_store(s);
    if (rc)
        return rc;
    atomic_store_explicit(&s->owner, self_tag(), memory_order_relaxed);
    s->write = write != 0;
    s->nlog = 0;
    return 0;
}

static void end_tx(memstore *s)
{
    s->nlog = 0;
    if (s->caplog > LOG_KEEP) {
        free(s->log);
        s->log = NULL;
        s->caplog = 0;
    }
    s->write = 0;
    atomic_store_explicit(&s->owner, 0, memory_order_relaxed);
    pthread_mutex_unlock(&s->lock);
}

static int check_end(memstore *s, const char *op)
{
    int rc = need_tx(s, op);
    if (rc)
        return rc;
    if (s->depth > 0)
        return fail(MTRK_ESTORE, "memory store: %s called from a row callback", op);
    return 0;
}

static int mem_commit(mtrk_store *store)
{
    memstore *s = (memstore *)store;
    int rc = check_end(s, "commit");
    if (rc)
        return rc;
    for (size_t i = 0; i < s->nlog; i++) {
        if (s->log[i].op == UNDO_UPDATE)
            free(s->log[i].old);
        else if (s->log[i].op == UNDO_DELETE)
            free(s->log[i].row);
    }
    end_tx(s);
    return 0;
}

static void undo_all(memstore *s)
{
    for (size_t i = s->nlog; i-- > 0;) {
        undo *u = &s->log[i];
        const tdesc *d = &s->td[u->table];
        switch (u->op) {
        case UNDO_INSERT:
            unlink_all(d, u->row);
            free(u->row);
            break;
        case UNDO_UPDATE:
            swap_rows(d, u->row, u->old);
            free(u->row);
            break;
        case UNDO_DELETE:
            link_all(d, u->row);
            break;
        }
    }
    s->nlog = 0;
}

static int mem_rollback(mtrk_store *store)
{
    memstore *s = (memstore *)store;
    int rc = check_end(s, "rollback");
    if (rc)
        return rc;
    undo_all(s);
    end_tx(s);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Reads                                                               */
/* ------------------------------------------------------------------ */

static int check_table(memstore *s, unsigned table)
{
    if (table >= s->ntables)
        return fail(MTRK_EINVAL, "memory store: table %u does not exist (%u tables)", table, s->ntables);
    return 0;
}

static int call_fn(memstore *s, const tdesc *d, const char *row, mtrk_row_fn fn, void *userdata)
{
    mtrk_value vals[MAX_COLS];
    row_values(d, row, vals);
    s->depth++;
    int rc = fn(userdata, vals);
    s->depth--;
    return rc;
}

static int mem_get(mtrk_store *store, unsigned table, const mtrk_value *key, mtrk_row_fn fn, void *userdata)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "get");
    if (rc || (rc = check_table(s, table)))
        return rc;
    if (key == NULL || fn == NULL)
        return fail(MTRK_EINVAL, "memory store: get: %s is NULL", key == NULL ? "key" : "fn");
    const tdesc *d = &s->td[table];
    if ((rc = check_key("key", key, d->def->npk)))
        return rc;
    char *row = find_pk(d, key);
    if (row == NULL)
        return fail(MTRK_ENOTFOUND, "memory store: %s: no row with this primary key", d->def->name);
    rc = call_fn(s, d, row, fn, userdata);
    return rc < 0 ? rc : 0;
}

static int mem_scan(mtrk_store *store, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                    const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *userdata)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "scan");
    if (rc || (rc = check_table(s, table)))
        return rc;
    const tdesc *d = &s->td[table];
    if (index < MTRK_INDEX_PK || index >= (int)d->def->nindexes)
        return fail(MTRK_EINVAL, "memory store: %s has no index %d", d->def->name, index);
    unsigned k = (unsigned)(index + 1);
    if (fn == NULL)
        return fail(MTRK_EINVAL, "memory store: scan: fn is NULL");
    if ((nprefix && prefix == NULL) || (nstart && start == NULL))
        return fail(MTRK_EINVAL, "memory store: scan: %s is NULL", nprefix && prefix == NULL ? "prefix" : "start");
    if (nprefix > d->nkey[k] || nstart > d->nkey[k] - nprefix)
        return fail(MTRK_EINVAL, "memory store: scan: nprefix %u + nstart %u exceed the %u sort-key columns",
                    nprefix, nstart, d->nkey[k]);
    if (flags & ~(MTRK_SCAN_AFTER | MTRK_SCAN_DESC))
        return fail(MTRK_EINVAL, "memory store: scan: unknown flags 0x%x", flags);
    if ((rc = check_key("prefix", prefix, nprefix)) || (rc = check_key("start", start, nstart)))
        return rc;

    mtrk_value key[MAX_KEY];
    for (unsigned j = 0; j < nprefix; j++)
        key[j] = prefix[j];
    for (unsigned j = 0; j < nstart; j++)
        key[nprefix + j] = start[j];
    unsigned m = nprefix + nstart;
    int strict = (flags & MTRK_SCAN_AFTER) && nstart > 0;
    int desc = (flags & MTRK_SCAN_DESC) != 0;

    mnode *n = desc ? seek_last(d, k, key, m, strict) : seek_first(d, k, key, m, strict);
    while (n) {
        const char *row = row_of(n, k);
        if (row_key_cmp(d, k, row, key, nprefix) != 0)
            break;
        rc = call_fn(s, d, row, fn, userdata);
        if (rc < 0)
            return rc;
        if (rc > 0)
            break;
        n = desc ? mtree_RB_PREV(n) : mtree_RB_NEXT(n);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Changes                                                             */
/* ------------------------------------------------------------------ */

static int log_reserve(memstore *s)
{
    if (s->nlog < s->caplog)
        return 0;
    size_t cap = s->caplog ? s->caplog * 2 : 64;
    undo *p = realloc(s->log, cap * sizeof *p);
    if (p == NULL)
        return fail(MTRK_ENOMEM, "memory store: out of memory for the undo log");
    s->log = p;
    s->caplog = cap;
    return 0;
}

static int apply_one(memstore *s, const mtrk_change *ch, size_t i)
{
    int rc = check_table(s, ch->table);
    if (rc)
        return rc;
    const tdesc *d = &s->td[ch->table];
    const mtrk_table_def *def = d->def;
    if (ch->row == NULL)
        return fail(MTRK_EINVAL, "memory store: change %zu: row is NULL", i);
    if (ch->op != MTRK_CHANGE_INSERT && ch->op != MTRK_CHANGE_UPDATE && ch->op != MTRK_CHANGE_DELETE)
        return fail(MTRK_EINVAL, "memory store: change %zu: unknown operation %d", i, ch->op);
    if ((rc = check_row(d, ch->row, ch->op == MTRK_CHANGE_DELETE ? def->npk : def->ncols)))
        return rc;
    if ((rc = log_reserve(s)))
        return rc;

    char *cur = find_pk(d, ch->row), *row = NULL;
    undo *u = &s->log[s->nlog];
    switch (ch->op) {
    case MTRK_CHANGE_INSERT:
        if (cur)
            return fail(MTRK_EEXISTS, "memory store: %s: a row with this primary key exists", def->name);
        if ((rc = check_unique(d, ch->row, NULL)) || (rc = row_build(d, ch->row, &row)))
            return rc;
        link_all(d, row);
        *u = (undo){ UNDO_INSERT, ch->table, row, NULL };
        break;
    case MTRK_CHANGE_UPDATE:
        if (cur == NULL)
            return fail(MTRK_ENOTFOUND, "memory store: %s: update of a missing row", def->name);
        if ((rc = check_unique(d, ch->row, cur)) || (rc = row_build(d, ch->row, &row)))
            return rc;
        swap_rows(d, cur, row);
        *u = (undo){ UNDO_UPDATE, ch->table, row, cur };
        break;
    default:
        if (cur == NULL)
            return fail(MTRK_ENOTFOUND, "memory store: %s: delete of a missing row", def->name);
        unlink_all(d, cur);
        *u = (undo){ UNDO_DELETE, ch->table, cur, NULL };
        break;
    }
    s->nlog++;
    return 0;
}

static int mem_apply(mtrk_store *store, const mtrk_change *changes, size_t n)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "apply");
    if (rc)
        return rc;
    if (!s->write)
        return fail(MTRK_ESTORE, "memory store: apply in a read transaction");
    if (s->depth > 0)
        return fail(MTRK_ESTORE, "memory store: apply called from a row callback");
    if (n && changes == NULL)
        return fail(MTRK_EINVAL, "memory store: apply: changes is NULL");
    for (size_t i = 0; i < n; i++)
        if ((rc = apply_one(s, &changes[i], i)))
            return rc;
    return 0;
}

static const char *mem_errmsg(mtrk_store *store)
{
    (void)store;
    return thread_errmsg;
}

/* ------------------------------------------------------------------ */
/* Creation and release                                                */
/* ------------------------------------------------------------------ */

/* Frees every row of tree 0 of a table, dismantling the tree as it goes. */
static void free_rows(tdesc *d)
{
    mnode *n = RB_ROOT(&d->trees[0]);
    while (n) {
        mnode *next;
        if ((next = RB_LEFT(n, link)) != NULL) {
            RB_LEFT(n, link) = NULL;
        } else if ((next = RB_RIGHT(n, link)) != NULL) {
            RB_RIGHT(n, link) = NULL;
        } else {
            next = RB_PARENT(n, link);
            free(row_of(n, 0));
        }
        n = next;
    }
    for (unsigned k = 0; k < d->ntrees; k++)
        RB_INIT(&d->trees[k]);
}

static void mem_free(mtrk_store *store)
{
    memstore *s = (memstore *)store;
    if (s == NULL)
        return;
    if (in_tx(s)) {
        s->depth = 0;
        undo_all(s);
        end_tx(s);
    }
    for (unsigned t = 0; t < s->ntables; t++) {
        tdesc *d = &s->td[t];
        if (d->trees)
            free_rows(d);
        free(d->trees);
        if (d->keycols)
            for (unsigned k = 0; k < d->ntrees; k++)
                free(d->keycols[k]);
        free(d->keycols);
        free(d->nkey);
    }
    free(s->td);
    free(s->log);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

static int setup_table(tdesc *d, const mtrk_table_def *def)
{
    d->def = def;
    d->ntrees = 1 + def->nindexes;
    if (def->ncols > MAX_COLS || def->npk == 0 || def->npk > def->ncols)
        return fail(MTRK_ESTORE, "memory store: table %s has an unsupported shape", def->name);
    d->trees = calloc(d->ntrees, sizeof *d->trees);
    d->nkey = calloc(d->ntrees, sizeof *d->nkey);
    d->keycols = calloc(d->ntrees, sizeof *d->keycols);
    if (!d->trees || !d->nkey || !d->keycols)
        return fail(MTRK_ENOMEM, "memory store: out of memory");
    for (unsigned k = 0; k < d->ntrees; k++) {
        const mtrk_index_def *ix = k ? &def->indexes[k - 1] : NULL;
        unsigned nix = ix ? ix->ncols : 0;
        d->nkey[k] = nix + def->npk;
        if (d->nkey[k] > MAX_KEY)
            return fail(MTRK_ESTORE, "memory store: index %s of %s is too wide", ix->name, def->name);
        d->keycols[k] = malloc(d->nkey[k] * sizeof **d->keycols);
        if (!d->keycols[k])
            return fail(MTRK_ENOMEM, "memory store: out of memory");
        for (unsigned j = 0; j < nix; j++) {
            if (ix->cols[j] >= def->ncols)
                return fail(MTRK_ESTORE, "memory store: index %s of %s names column %u", ix->name, def->name,
                            ix->cols[j]);
            d->keycols[k][j] = ix->cols[j];
        }
        for (unsigned j = 0; j < def->npk; j++)
            d->keycols[k][nix + j] = j;
        RB_INIT(&d->trees[k]);
    }
    d->slots_off = d->ntrees * sizeof(mnode);
    d->types_off = d->slots_off + def->ncols * sizeof(slot);
    d->data_off = d->types_off + def->ncols;
    return 0;
}

MTRK_API int mtrk_store_memory_new(mtrk_store **out)
{
    if (out == NULL)
        return fail(MTRK_EINVAL, "mtrk_store_memory_new: out is NULL");
    *out = NULL;
    memstore *s = calloc(1, sizeof *s);
    if (s == NULL)
        return fail(MTRK_ENOMEM, "memory store: out of memory");
    if (pthread_mutex_init(&s->lock, NULL) != 0) {
        free(s);
        return fail(MTRK_ESTORE, "memory store: cannot create the lock");
    }
    atomic_init(&s->owner, 0);
    s->base.version = MTRK_STORE_VERSION;
    s->base.free = mem_free;
    s->base.begin = mem_begin;
    s->base.commit = mem_commit;
    s->base.rollback = mem_rollback;
    s->base.get = mem_get;
    s->base.scan = mem_scan;
    s->base.apply = mem_apply;
    s->base.errmsg = mem_errmsg;

    unsigned ntables = mtrk_store_table_count();
    s->td = calloc(ntables ? ntables : 1, sizeof *s->td);
    if (s->td == NULL) {
        mem_free(&s->base);
        return fail(MTRK_ENOMEM, "memory store: out of memory");
    }
    s->ntables = ntables;
    for (unsigned t = 0; t < ntables; t++) {
        int rc = setup_table(&s->td[t], mtrk_store_table(t));
        if (rc) {
            mem_free(&s->base);
            return rc;
        }
    }
    *out = &s->base;
    return 0;
}
