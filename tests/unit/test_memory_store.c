/*
 * The in-memory store, driven only through the store vtable with the real
 * table definitions.
 *
 * The contract checked here (include/mtrk/store.h):
 *  - rows are copied in; get returns the row with a primary key, or
 *    MTRK_ENOTFOUND; INSERT of an existing key or a unique-index collision
 *    (all index columns non-NULL and equal) is MTRK_EEXISTS; UPDATE and
 *    DELETE of a missing key are MTRK_ENOTFOUND; a failed change leaves the
 *    store as it was before that change;
 *  - scan visits rows in sort-key order (index columns, then primary key;
 *    NULL < INT < TEXT < BLOB, INT numerically, bytes then shorter first),
 *    restricted to a prefix, from a start bound (inclusive, or strictly after
 *    with MTRK_SCAN_AFTER), ascending or descending (MTRK_SCAN_DESC); the
 *    callback stops the scan with 1 and aborts it with a negative code;
 *  - every operation happens inside begin .. commit/rollback; rollback
 *    restores exactly the state before begin, indexes included; commit keeps
 *    the changes; calls outside a transaction and nested begins are refused
 *    with MTRK_ESTORE; changes are refused in a read transaction and from a
 *    row callback;
 *  - one store may be shared by threads: transactions are serialized.
 *
 * `unit-memory_store dlopen:PATH[#SYMBOL]` runs the same tests on a store
 * loaded from a shared object (tests/outoftree/check-outoftree.sh does, on
 * the out-of-tree store), except those marked MEMORY_ONLY: they check the
 * memory store's own refusals of a caller breaking the contract (calls
 * outside a transaction or from another thread, values of the wrong type),
 * which the contract leaves to the caller.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dlfcn.h>
#include <pthread.h>

#include "mtrk/store.h"
#include "rows.h"

#define MAXC 64

/* ------------------------------------------------------------------ */
/* Row building                                                        */
/* ------------------------------------------------------------------ */

typedef struct trow {
    unsigned table;
    mtrk_value v[MAXC];
    unsigned char ids[MAXC][16];
    char txt[MAXC][48];
} trow;

static void id_bytes(unsigned char *b, unsigned n)
{
    memset(b, 0, 16);
    b[12] = (unsigned char)(n >> 24);
    b[13] = (unsigned char)(n >> 16);
    b[14] = (unsigned char)(n >> 8);
    b[15] = (unsigned char)n;
}

static unsigned id_num(const mtrk_value *v)
{
    const unsigned char *b = v->p;
    assert_int_equal(v->type, MTRK_VAL_BLOB);
    assert_int_equal(v->n, 16);
    return (unsigned)b[12] << 24 | (unsigned)b[13] << 16 | (unsigned)b[14] << 8 | b[15];
}

static void r_id(trow *r, unsigned c, unsigned n)
{
    id_bytes(r->ids[c], n);
    r->v[c] = (mtrk_value){ MTRK_VAL_BLOB, 0, r->ids[c], 16 };
}

static void r_int(trow *r, unsigned c, int64_t i) { r->v[c] = (mtrk_value){ MTRK_VAL_INT, i, NULL, 0 }; }

static void r_text(trow *r, unsigned c, const char *s)
{
    snprintf(r->txt[c], sizeof r->txt[c], "%s", s);
    r->v[c] = (mtrk_value){ MTRK_VAL_TEXT, 0, r->txt[c], strlen(r->txt[c]) };
}

static void r_null(trow *r, unsigned c) { r->v[c] = (mtrk_value){ MTRK_VAL_NULL, 0, NULL, 0 }; }

/* A row of `table` with every column at a default (NULL where allowed). */
static void r_init(trow *r, unsigned table)
{
    const mtrk_table_def *d = mtrk_store_table(table);
    memset(r, 0, sizeof *r);
    r->table = table;
    for (unsigned c = 0; c < d->ncols; c++) {
        int nullable = (d->cols[c].flags & MTRK_COL_NULLABLE) != 0;
        switch (d->cols[c].type) {
        case MTRK_VAL_INT: r_int(r, c, 0); break;
        case MTRK_VAL_TEXT: nullable ? r_null(r, c) : r_text(r, c, "x"); break;
        default: nullable ? r_null(r, c) : r_id(r, c, 0); break;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Signatures: a row as a string, to compare rows and scans            */
/* ------------------------------------------------------------------ */

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void b_add(buf *b, const void *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->n + n + 1 > cap)
            cap *= 2;
        b->p = realloc(b->p, cap);
        assert_non_null(b->p);
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void b_fmt(buf *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    b_add(b, tmp, (size_t)n);
}

static void b_row(buf *b, unsigned ncols, const mtrk_value *v)
{
    for (unsigned c = 0; c < ncols; c++) {
        switch (v[c].type) {
        case MTRK_VAL_NULL: b_fmt(b, "N|"); break;
        case MTRK_VAL_INT: b_fmt(b, "I%lld|", (long long)v[c].i); break;
        case MTRK_VAL_TEXT:
            assert_int_equal(((const char *)v[c].p)[v[c].n], '\0');
            b_fmt(b, "T%zu:", v[c].n);
            b_add(b, v[c].p, v[c].n);
            b_fmt(b, "|");
            break;
        default:
            b_fmt(b, "B");
            for (size_t i = 0; i < v[c].n; i++)
                b_fmt(b, "%02x", ((const unsigned char *)v[c].p)[i]);
            b_fmt(b, "|");
        }
    }
    b_fmt(b, "\n");
}

typedef struct collect {
    unsigned table;
    buf out;
    int count;
    int stop_after; /* return 1 after this many rows (0: never) */
    int fail_code;  /* return this at row stop_after instead */
    unsigned ids[4096];
} collect;

static int collect_fn(void *ud, const mtrk_value *row)
{
    collect *c = ud;
    b_row(&c->out, mtrk_store_table(c->table)->ncols, row);
    if (c->count < 4096)
        c->ids[c->count] = id_num(&row[1]);
    c->count++;
    if (c->stop_after && c->count == c->stop_after)
        return c->fail_code ? c->fail_code : 1;
    return 0;
}

static void collect_reset(collect *c, unsigned table)
{
    free(c->out.p);
    memset(c, 0, sizeof *c);
    c->table = table;
}

/* ------------------------------------------------------------------ */
/* Store helpers                                                       */
/* ------------------------------------------------------------------ */

static int change(mtrk_store *s, int op, const trow *r)
{
    mtrk_change ch = { MTRK_CHANGE_VERSION, op, r->table, r->v, 0 };
    return s->apply(s, &ch, 1);
}

static int get_sig(mtrk_store *s, unsigned table, const mtrk_value *key, buf *out)
{
    collect c;
    memset(&c, 0, sizeof c);
    c.table = table;
    int rc = s->get(s, table, key, collect_fn, &c);
    if (out) {
        *out = c.out;
    } else {
        free(c.out.p);
    }
    return rc;
}

/* Every table, every index, full scans, as one string. */
static char *dump_all(mtrk_store *s)
{
    buf b = { 0 };
    for (unsigned t = 0; t < mtrk_store_table_count(); t++) {
        const mtrk_table_def *d = mtrk_store_table(t);
        for (int ix = MTRK_INDEX_PK; ix < (int)d->nindexes; ix++) {
            collect c;
            memset(&c, 0, sizeof c);
            c.table = t;
            assert_int_equal(s->scan(s, t, ix, NULL, 0, NULL, 0, 0, collect_fn, &c), 0);
            b_fmt(&b, "== %s %d\n", d->name, ix);
            if (c.out.p)
                b_add(&b, c.out.p, c.out.n);
            free(c.out.p);
        }
    }
    return b.p;
}

/* The store under test: the memory store, or one loaded from a shared
 * object ("dlopen:PATH[#SYMBOL]" as the first argument; tests/outoftree). */
static int (*store_new)(mtrk_store **out) = mtrk_store_memory_new;

#define MEMORY_ONLY()                                                                                              \
    do {                                                                                                           \
        if (store_new != mtrk_store_memory_new)                                                                    \
            skip();                                                                                                \
    } while (0)

static int setup(void **state)
{
    mtrk_store *s = NULL;
    if (store_new(&s) != 0)
        return -1;
    *state = s;
    return 0;
}

static int teardown(void **state)
{
    mtrk_store_free(*state);
    return 0;
}

static void contact(trow *r, unsigned tenant, unsigned id, const char *key)
{
    r_init(r, T_CONTACTS);
    r_id(r, COL_contacts_tenant, tenant);
    r_id(r, COL_contacts_id, id);
    if (key) {
        r_text(r, COL_contacts_address, key);
        r_text(r, COL_contacts_address_key, key);
    }
    r_int(r, COL_contacts_created_at, 1000 + id);
}

static void message(trow *r, unsigned tenant, unsigned id, unsigned campaign, unsigned contact_id, int64_t state)
{
    r_init(r, T_MESSAGES);
    r_id(r, COL_messages_tenant, tenant);
    r_id(r, COL_messages_id, id);
    r_id(r, COL_messages_campaign, campaign);
    r_id(r, COL_messages_contact, contact_id);
    r_int(r, COL_messages_state, state);
    /* The queue index is over queue_state, which the core derives from the
     * state; a store sees only values: give it the state itself. */
    r_int(r, COL_messages_queue_state, state);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void test_store_declares_version_and_operations(void **state)
{
    mtrk_store *s = *state;
    assert_int_equal(s->version, MTRK_STORE_VERSION);
    assert_non_null(s->free);
    assert_non_null(s->begin);
    assert_non_null(s->commit);
    assert_non_null(s->rollback);
    assert_non_null(s->get);
    assert_non_null(s->scan);
    assert_non_null(s->apply);
    assert_non_null(s->errmsg);
    assert_int_equal(mtrk_store_memory_new(NULL), MTRK_EINVAL);

    mtrk_store st;
    assert_int_equal(mtrk_store_init(&st, MTRK_STORE_VERSION), 0);
    assert_int_equal(st.version, MTRK_STORE_VERSION);
    assert_null(st.begin);
    assert_int_equal(mtrk_store_init(&st, MTRK_STORE_VERSION + 1), MTRK_EVERSION);
    assert_int_equal(mtrk_store_init(&st, 0), MTRK_EVERSION);
    mtrk_store_free(NULL);
}

static void test_insert_get_update_delete(void **state)
{
    mtrk_store *s = *state;
    trow a;
    buf got;
    contact(&a, 1, 10, "a@example.com");
    r_text(&a, COL_contacts_name, "Ann");

    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &a), 0);
    /* rows are copied in: changing the caller's buffers changes nothing */
    buf want = { 0 };
    b_row(&want, COL_contacts__COUNT, a.v);
    strcpy(a.txt[COL_contacts_name], "Bob");
    assert_int_equal(get_sig(s, T_CONTACTS, a.v, &got), 0);
    assert_string_equal(got.p, want.p);
    free(got.p);
    free(want.p);

    r_text(&a, COL_contacts_name, "Bea");
    r_int(&a, COL_contacts_status, 2);
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &a), 0);
    want = (buf){ 0 };
    b_row(&want, COL_contacts__COUNT, a.v);
    assert_int_equal(get_sig(s, T_CONTACTS, a.v, &got), 0);
    assert_string_equal(got.p, want.p);
    free(got.p);
    free(want.p);

    /* DELETE reads only the key columns */
    trow k;
    contact(&k, 1, 10, NULL);
    r_int(&k, COL_contacts_status, 99);
    assert_int_equal(change(s, MTRK_CHANGE_DELETE, &k), 0);
    assert_int_equal(get_sig(s, T_CONTACTS, a.v, NULL), MTRK_ENOTFOUND);
    assert_string_not_equal(s->errmsg(s), "");
    assert_int_equal(s->commit(s), 0);
}

static void test_missing_and_duplicate_keys(void **state)
{
    mtrk_store *s = *state;
    trow a, b;
    contact(&a, 1, 10, "a@x");
    contact(&b, 1, 10, "b@x");
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &a), MTRK_ENOTFOUND);
    assert_int_equal(change(s, MTRK_CHANGE_DELETE, &a), MTRK_ENOTFOUND);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &a), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &b), MTRK_EEXISTS);
    assert_non_null(strstr(s->errmsg(s), "contacts"));
    /* the failed insert changed nothing */
    buf got, want = { 0 };
    b_row(&want, COL_contacts__COUNT, a.v);
    assert_int_equal(get_sig(s, T_CONTACTS, a.v, &got), 0);
    assert_string_equal(got.p, want.p);
    free(got.p);
    free(want.p);
    /* same id in another tenant is another key */
    contact(&b, 2, 10, "a@x");
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &b), 0);
    assert_int_equal(s->commit(s), 0);
}

static void test_unique_index_collisions_and_nulls(void **state)
{
    mtrk_store *s = *state;
    trow a, b, n1, n2;
    contact(&a, 1, 1, "same@x");
    contact(&b, 1, 2, "same@x");
    contact(&n1, 1, 3, NULL);
    contact(&n2, 1, 4, NULL);
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &a), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &b), MTRK_EEXISTS);
    assert_non_null(strstr(s->errmsg(s), "contacts_by_address"));
    assert_int_equal(get_sig(s, T_CONTACTS, b.v, NULL), MTRK_ENOTFOUND);
    /* rows with a NULL in a unique index column never collide */
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &n1), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &n2), 0);
    /* other tenant: no collision (the index is led by the tenant) */
    contact(&b, 2, 2, "same@x");
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &b), 0);

    /* an update into a taken key collides and changes nothing */
    char *before = dump_all(s);
    contact(&n1, 1, 3, "same@x");
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &n1), MTRK_EEXISTS);
    char *after = dump_all(s);
    assert_string_equal(before, after);
    free(after);
    /* an update keeping its own unique key is fine */
    r_text(&a, COL_contacts_name, "renamed");
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &a), 0);
    /* moving a key frees the old one */
    contact(&a, 1, 1, "moved@x");
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &a), 0);
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &n1), 0);
    free(before);

    /* a unique index not led by the tenant: tenants_by_key */
    trow t1, t2;
    r_init(&t1, T_TENANTS);
    r_id(&t1, COL_tenants_id, 1);
    r_text(&t1, COL_tenants_key, "acme");
    r_init(&t2, T_TENANTS);
    r_id(&t2, COL_tenants_id, 2);
    r_text(&t2, COL_tenants_key, "acme");
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &t1), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &t2), MTRK_EEXISTS);
    r_text(&t2, COL_tenants_key, "acme2");
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &t2), 0);
    assert_int_equal(s->commit(s), 0);
}

static void test_failed_change_in_batch_keeps_earlier_changes_until_rollback(void **state)
{
    mtrk_store *s = *state;
    trow a, b;
    contact(&a, 1, 1, "a@x");
    contact(&b, 1, 2, "a@x");
    assert_int_equal(s->begin(s, 1), 0);
    char *empty = dump_all(s);
    mtrk_change ch[2] = { { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, T_CONTACTS, a.v, 0 }, { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, T_CONTACTS, b.v, 0 } };
    assert_int_equal(s->apply(s, ch, 2), MTRK_EEXISTS);
    assert_int_equal(get_sig(s, T_CONTACTS, a.v, NULL), 0);
    assert_int_equal(get_sig(s, T_CONTACTS, b.v, NULL), MTRK_ENOTFOUND);
    assert_int_equal(s->rollback(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    char *now = dump_all(s);
    assert_string_equal(empty, now);
    assert_int_equal(s->commit(s), 0);
    free(empty);
    free(now);
}

/* Messages of tenant 1: campaign 1 to contacts 1..10 (ids 101..110, state
 * id%3), campaign 2 to contacts 1..5 (ids 201..205, state 5); tenant 2: one. */
static void fill_messages(mtrk_store *s)
{
    trow m;
    assert_int_equal(s->begin(s, 1), 0);
    for (unsigned i = 1; i <= 10; i++) {
        message(&m, 1, 100 + i, 1, i, (100 + i) % 3);
        assert_int_equal(change(s, MTRK_CHANGE_INSERT, &m), 0);
    }
    for (unsigned i = 1; i <= 5; i++) {
        message(&m, 1, 200 + i, 2, i, 5);
        assert_int_equal(change(s, MTRK_CHANGE_INSERT, &m), 0);
    }
    message(&m, 2, 150, 1, 1, 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &m), 0);
    assert_int_equal(s->commit(s), 0);
}

static void expect_ids(const collect *c, int n, const unsigned *ids)
{
    assert_int_equal(c->count, n);
    for (int i = 0; i < n; i++)
        assert_int_equal(c->ids[i], ids[i]);
}

static void test_scan_prefix_start_after_desc(void **state)
{
    mtrk_store *s = *state;
    fill_messages(s);
    trow k;
    r_init(&k, T_MESSAGES);
    r_id(&k, 0, 1);
    r_id(&k, 1, 1);
    r_id(&k, 2, 5);
    collect c = { 0 };
    assert_int_equal(s->begin(s, 0), 0);

    /* whole table, primary-key order: tenant 1 ids ascending, then tenant 2 */
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0, collect_fn, &c), 0);
    assert_int_equal(c.count, 16);
    assert_int_equal(c.ids[0], 101);
    assert_int_equal(c.ids[14], 205);
    assert_int_equal(c.ids[15], 150);

    /* prefix (tenant 1, campaign 1) on messages_by_campaign_contact */
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k.v, 2, NULL, 0, 0, collect_fn, &c), 0);
    expect_ids(&c, 10, (unsigned[]){ 101, 102, 103, 104, 105, 106, 107, 108, 109, 110 });

    /* start at contact 5, inclusive */
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(
        s->scan(s, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k.v, 2, &k.v[2], 1, 0, collect_fn, &c), 0);
    expect_ids(&c, 6, (unsigned[]){ 105, 106, 107, 108, 109, 110 });
    /* strictly after contact 5 */
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k.v, 2, &k.v[2], 1, MTRK_SCAN_AFTER,
                             collect_fn, &c), 0);
    expect_ids(&c, 5, (unsigned[]){ 106, 107, 108, 109, 110 });
    /* descending from contact 5 (an upper bound), inclusive and strict */
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k.v, 2, &k.v[2], 1, MTRK_SCAN_DESC,
                             collect_fn, &c), 0);
    expect_ids(&c, 5, (unsigned[]){ 105, 104, 103, 102, 101 });
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k.v, 2, &k.v[2], 1,
                             MTRK_SCAN_DESC | MTRK_SCAN_AFTER, collect_fn, &c), 0);
    expect_ids(&c, 4, (unsigned[]){ 104, 103, 102, 101 });
    /* descending over the whole prefix; AFTER without a start bound changes nothing */
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k.v, 2, NULL, 0,
                             MTRK_SCAN_DESC | MTRK_SCAN_AFTER, collect_fn, &c), 0);
    expect_ids(&c, 10, (unsigned[]){ 110, 109, 108, 107, 106, 105, 104, 103, 102, 101 });

    /* a start bound reaching into the primary-key columns: (contact 5, tenant 1, id 105) after */
    trow st;
    r_init(&st, T_MESSAGES);
    r_id(&st, 0, 5);
    r_id(&st, 1, 1);
    r_id(&st, 2, 105);
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k.v, 2, st.v, 3, MTRK_SCAN_AFTER,
                             collect_fn, &c), 0);
    expect_ids(&c, 5, (unsigned[]){ 106, 107, 108, 109, 110 });

    /* a queue index: tenant 1, campaign 1, state 0 -> ids with id%3 == 0 */
    trow q;
    r_init(&q, T_MESSAGES);
    r_id(&q, 0, 1);
    r_id(&q, 1, 1);
    r_int(&q, 2, 0);
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_QUEUE, q.v, 3, NULL, 0, 0, collect_fn, &c), 0);
    expect_ids(&c, 3, (unsigned[]){ 102, 105, 108 });

    /* an empty prefix match */
    r_id(&k, 1, 9);
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k.v, 2, NULL, 0, 0, collect_fn, &c), 0);
    assert_int_equal(c.count, 0);
    assert_int_equal(s->commit(s), 0);
    collect_reset(&c, 0);
}

static void test_scan_callback_stops_and_aborts(void **state)
{
    mtrk_store *s = *state;
    fill_messages(s);
    collect c = { 0 };
    assert_int_equal(s->begin(s, 0), 0);
    collect_reset(&c, T_MESSAGES);
    c.stop_after = 3;
    assert_int_equal(s->scan(s, T_MESSAGES, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0, collect_fn, &c), 0);
    expect_ids(&c, 3, (unsigned[]){ 101, 102, 103 });
    collect_reset(&c, T_MESSAGES);
    c.stop_after = 2;
    c.fail_code = MTRK_ESTATE;
    assert_int_equal(s->scan(s, T_MESSAGES, MTRK_INDEX_PK, NULL, 0, NULL, 0, MTRK_SCAN_DESC, collect_fn, &c),
                     MTRK_ESTATE);
    expect_ids(&c, 2, (unsigned[]){ 150, 205 });
    /* get passes a negative callback code through, and 1 is success */
    trow k;
    message(&k, 1, 101, 0, 0, 0);
    collect_reset(&c, T_MESSAGES);
    c.stop_after = 1;
    c.fail_code = MTRK_ENOMEM;
    assert_int_equal(s->get(s, T_MESSAGES, k.v, collect_fn, &c), MTRK_ENOMEM);
    collect_reset(&c, T_MESSAGES);
    c.stop_after = 1;
    assert_int_equal(s->get(s, T_MESSAGES, k.v, collect_fn, &c), 0);
    assert_int_equal(s->commit(s), 0);
    collect_reset(&c, 0);
}

static void test_value_order(void **state)
{
    mtrk_store *s = *state;
    /* events_by_provider: (tenant, provider, provider_event_id), both nullable TEXT */
    const char *prov[] = { NULL, "b", "ab", "a", "abc", "", "a\xff", "B" };
    const unsigned want[] = { 1, 6, 8, 4, 3, 5, 7, 2 }; /* NULL, "", "B", "a", "ab", "abc", "a\xff", "b" */
    trow e;
    assert_int_equal(s->begin(s, 1), 0);
    for (unsigned i = 0; i < 8; i++) {
        r_init(&e, T_EVENTS);
        r_id(&e, COL_events_tenant, 1);
        r_id(&e, COL_events_id, i + 1);
        if (prov[i])
            r_text(&e, COL_events_provider, prov[i]);
        r_int(&e, COL_events_occurred_at, (int64_t)(i % 2 ? -1 : 1) * (int64_t)i * 1000000000000LL);
        assert_int_equal(change(s, MTRK_CHANGE_INSERT, &e), 0);
    }
    collect c = { 0 };
    collect_reset(&c, T_EVENTS);
    assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_PROVIDER, NULL, 0, NULL, 0, 0, collect_fn, &c), 0);
    expect_ids(&c, 8, want);
    /* INT numerically, negatives first: occurred_at = -7e12, -5e12, -3e12, -1e12, 0, 2e12, 4e12, 6e12 */
    collect_reset(&c, T_EVENTS);
    /* events_by_message: every row has the same tenant and message, so occurred_at orders */
    assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, NULL, 0, NULL, 0, 0, collect_fn, &c), 0);
    expect_ids(&c, 8, (unsigned[]){ 8, 6, 4, 2, 1, 3, 5, 7 });
    /* a start value of another type sorts by type: INT < TEXT < BLOB */
    trow k;
    r_init(&k, T_EVENTS);
    r_id(&k, 0, 1);
    r_int(&k, 1, 5);
    collect_reset(&c, T_EVENTS);
    assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_PROVIDER, k.v, 1, &k.v[1], 1, 0, collect_fn, &c), 0);
    assert_int_equal(c.count, 7); /* everything but the NULL provider */
    r_id(&k, 1, 0);
    collect_reset(&c, T_EVENTS);
    assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_PROVIDER, k.v, 1, &k.v[1], 1, MTRK_SCAN_DESC, collect_fn, &c),
                     0);
    assert_int_equal(c.count, 8);
    assert_int_equal(s->commit(s), 0);
    collect_reset(&c, 0);
}

/* ---- the events of a message and the provider ids ----------------------
 * A store may answer these reads from a layout of its own (the memory
 * store keeps each message's events together and a hash of provider ids,
 * and links new events into its ordered indexes only when one is read):
 * the answers are those of the indexes, through updates that move an
 * event, deletes and rollback. */

typedef struct mev {
    unsigned id, msg;
    int64_t at;
    const char *prov, *peid;
    int live;
} mev;

static void ev_row(trow *r, const mev *e)
{
    r_init(r, T_EVENTS);
    r_id(r, COL_events_tenant, 1);
    r_id(r, COL_events_id, e->id);
    r_id(r, COL_events_message, e->msg);
    r_int(r, COL_events_occurred_at, e->at);
    r_int(r, COL_events_arrived_at, 1000 + e->id);
    if (e->prov)
        r_text(r, COL_events_provider, e->prov);
    if (e->peid)
        r_text(r, COL_events_provider_event_id, e->peid);
}

/* The live events of message msg in events_by_message order. */
static int model_of(const mev *m, int n, unsigned msg, unsigned *ids)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        if (m[i].live && m[i].msg == msg) {
            int j = k++;
            while (j > 0 && (m[ids[j - 1] - 1].at > m[i].at)) {
                ids[j] = ids[j - 1];
                j--;
            }
            ids[j] = m[i].id;
        }
    return k;
}

static void check_model(mtrk_store *s, const mev *m, int n)
{
    for (unsigned msg = 1; msg <= 4; msg++) {
        unsigned want[32], rev[32];
        int k = model_of(m, n, msg, want);
        for (int i = 0; i < k; i++)
            rev[i] = want[k - 1 - i];
        trow p;
        r_init(&p, T_EVENTS);
        r_id(&p, 0, 1);
        r_id(&p, 1, msg);
        collect c = { 0 };
        collect_reset(&c, T_EVENTS);
        assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, NULL, 0, 0, collect_fn, &c), 0);
        expect_ids(&c, k, want);
        collect_reset(&c, T_EVENTS);
        assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, NULL, 0, MTRK_SCAN_DESC, collect_fn, &c), 0);
        expect_ids(&c, k, rev);
        if (k >= 2) {
            /* after the first one: start at its (occurred_at, arrived_at, tenant, id) */
            const mev *f = &m[want[0] - 1];
            trow st;
            r_init(&st, T_EVENTS);
            r_int(&st, 0, f->at);
            r_int(&st, 1, 1000 + f->id);
            r_id(&st, 2, 1);
            r_id(&st, 3, f->id);
            collect_reset(&c, T_EVENTS);
            assert_int_equal(
                s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, st.v, 4, MTRK_SCAN_AFTER, collect_fn, &c), 0);
            expect_ids(&c, k - 1, want + 1);
            collect_reset(&c, T_EVENTS);
            assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, st.v, 4, 0, collect_fn, &c), 0);
            expect_ids(&c, k, want);
            /* three values of prefix: the events of that occurred_at */
            collect_reset(&c, T_EVENTS);
            p.v[2] = st.v[0];
            assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 3, NULL, 0, 0, collect_fn, &c), 0);
            assert_true(c.count >= 1);
            assert_int_equal(c.ids[0], f->id);
        }
        collect_reset(&c, 0);
    }
    for (int i = 0; i < n; i++) {
        if (m[i].prov == NULL || m[i].peid == NULL)
            continue;
        trow p;
        r_init(&p, T_EVENTS);
        r_id(&p, 0, 1);
        r_text(&p, 1, m[i].prov);
        r_text(&p, 2, m[i].peid);
        collect c = { 0 };
        collect_reset(&c, T_EVENTS);
        assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_PROVIDER, p.v, 3, NULL, 0, 0, collect_fn, &c), 0);
        int owners = 0;
        for (int j = 0; j < n; j++)
            owners += m[j].live && m[j].prov && m[j].peid && strcmp(m[j].prov, m[i].prov) == 0 &&
                      strcmp(m[j].peid, m[i].peid) == 0;
        assert_int_equal(c.count, owners);
        if (owners)
            assert_int_equal(c.ids[0], m[i].live ? m[i].id : c.ids[0]);
        collect_reset(&c, 0);
    }
}

static void test_events_of_a_message_and_provider_ids_follow_changes(void **state)
{
    mtrk_store *s = *state;
    mev m[] = {
        { 1, 1, 500, "esp", "a", 1 }, { 2, 1, 100, "esp", "b", 1 }, { 3, 2, 300, "esp", "c", 1 },
        { 4, 1, 300, NULL, NULL, 1 }, { 5, 2, 100, "esp", NULL, 1 }, { 6, 3, -50, "other", "a", 1 },
        { 7, 1, 300, "esp", "d", 1 }, { 8, 2, 900, NULL, "e", 1 },
    };
    int n = (int)(sizeof m / sizeof m[0]);
    trow r;
    assert_int_equal(s->begin(s, 1), 0);
    for (int i = 0; i < n; i++) {
        ev_row(&r, &m[i]);
        assert_int_equal(change(s, MTRK_CHANGE_INSERT, &r), 0);
    }
    /* a taken provider id is refused; a NULL one never collides */
    mev dup = { 9, 4, 1, "esp", "a", 1 }, nul = { 10, 4, 1, "esp", NULL, 1 };
    ev_row(&r, &dup);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &r), MTRK_EEXISTS);
    ev_row(&r, &nul);
    assert_int_equal(change(s, MTRK_CHANGE_DELETE, &r), MTRK_ENOTFOUND);
    check_model(s, m, n);
    assert_int_equal(s->commit(s), 0);

    assert_int_equal(s->begin(s, 0), 0);
    char *before = dump_all(s);
    assert_int_equal(s->commit(s), 0);

    mev moved[sizeof m / sizeof m[0]];
    memcpy(moved, m, sizeof m);
    assert_int_equal(s->begin(s, 1), 0);
    /* same layout: message and time change in place */
    moved[1].msg = 4;
    moved[1].at = 700;
    ev_row(&r, &moved[1]);
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &r), 0);
    /* another layout: a longer provider id */
    moved[2].peid = "c-longer";
    ev_row(&r, &moved[2]);
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &r), 0);
    /* its old id is free again, the new one taken */
    mev reuse = { 9, 4, 2, "esp", "c", 1 };
    ev_row(&r, &reuse);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &r), 0);
    mev taken = { 10, 4, 2, "esp", "c-longer", 1 };
    ev_row(&r, &taken);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &r), MTRK_EEXISTS);
    moved[3].live = 0;
    ev_row(&r, &m[3]);
    assert_int_equal(change(s, MTRK_CHANGE_DELETE, &r), 0);
    mev all[sizeof m / sizeof m[0] + 1];
    memcpy(all, moved, sizeof moved);
    all[n] = reuse;
    check_model(s, all, n + 1);
    assert_int_equal(s->rollback(s), 0);

    assert_int_equal(s->begin(s, 0), 0);
    check_model(s, m, n);
    char *after = dump_all(s);
    assert_string_equal(before, after);
    assert_int_equal(s->commit(s), 0);
    free(before);
    free(after);

    /* the same changes committed, then read after the indexes took every row */
    assert_int_equal(s->begin(s, 1), 0);
    ev_row(&r, &moved[1]);
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &r), 0);
    ev_row(&r, &moved[2]);
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &r), 0);
    ev_row(&r, &reuse);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &r), 0);
    ev_row(&r, &m[3]);
    assert_int_equal(change(s, MTRK_CHANGE_DELETE, &r), 0);
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    check_model(s, all, n + 1);
    assert_int_equal(s->commit(s), 0);
}

/* An event whose sort keys change while a store holds it outside its
 * ordered indexes, which then take it, is put back exactly by a rollback,
 * even where the indexes' blocks are full. */
static void test_rollback_of_a_moved_event_after_the_indexes_took_it(void **state)
{
    mtrk_store *s = *state;
    trow r;
    assert_int_equal(s->begin(s, 1), 0);
    for (unsigned i = 1; i <= 1000; i++) {
        mev e = { i, 1, 10 * (int64_t)i, NULL, NULL, 1 };
        ev_row(&r, &e);
        assert_int_equal(change(s, MTRK_CHANGE_INSERT, &r), 0);
    }
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    char *before = dump_all(s);
    assert_int_equal(s->commit(s), 0);

    assert_int_equal(s->begin(s, 1), 0);
    mev e = { 5000, 1, 105, NULL, NULL, 1 };
    ev_row(&r, &e);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &r), 0);
    e.at = 7005; /* another place in events_by_message, same layout */
    ev_row(&r, &e);
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &r), 0);
    collect c = { 0 };
    collect_reset(&c, T_EVENTS);
    assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, NULL, 0, NULL, 0, 0, collect_fn, &c), 0);
    assert_int_equal(c.count, 1001);
    collect_reset(&c, 0);
    assert_int_equal(s->rollback(s), 0);

    assert_int_equal(s->begin(s, 0), 0);
    char *after = dump_all(s);
    assert_int_equal(s->commit(s), 0);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void test_rollback_restores_exactly(void **state)
{
    mtrk_store *s = *state;
    fill_messages(s);
    trow a, b, m;
    contact(&a, 1, 1, "a@x");
    contact(&b, 1, 2, "b@x");
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &a), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &b), 0);
    assert_int_equal(s->commit(s), 0);

    assert_int_equal(s->begin(s, 0), 0);
    char *before = dump_all(s);
    assert_int_equal(s->commit(s), 0);

    assert_int_equal(s->begin(s, 1), 0);
    /* every kind of change, several on the same rows */
    contact(&a, 1, 1, "b2@x");
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &a), 0);
    contact(&b, 1, 2, "a@x");
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &b), 0);
    assert_int_equal(change(s, MTRK_CHANGE_DELETE, &b), 0);
    contact(&b, 1, 2, "b@x");
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &b), 0);
    contact(&b, 1, 3, "c@x");
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &b), 0);
    assert_int_equal(change(s, MTRK_CHANGE_DELETE, &b), 0);
    for (unsigned i = 1; i <= 10; i++) {
        message(&m, 1, 100 + i, 1, i, 7); /* state changes: the queue index moves */
        assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &m), 0);
    }
    message(&m, 1, 201, 2, 1, 5);
    assert_int_equal(change(s, MTRK_CHANGE_DELETE, &m), 0);
    message(&m, 1, 300, 3, 1, 5);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &m), 0);
    char *during = dump_all(s);
    assert_string_not_equal(before, during);
    assert_int_equal(s->rollback(s), 0);

    assert_int_equal(s->begin(s, 0), 0);
    char *after = dump_all(s);
    assert_int_equal(s->rollback(s), 0); /* rolling back a read transaction is fine */
    assert_string_equal(before, after);
    free(after);

    /* the same changes committed persist */
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &m), 0);
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    assert_int_equal(get_sig(s, T_MESSAGES, m.v, NULL), 0);
    assert_int_equal(s->commit(s), 0);
    free(before);
    free(during);
}

static int apply_in_callback(void *ud, const mtrk_value *row)
{
    mtrk_store *s = ud;
    mtrk_change ch = { MTRK_CHANGE_VERSION, MTRK_CHANGE_DELETE, T_MESSAGES, row, 0 };
    assert_int_equal(s->apply(s, &ch, 1), MTRK_ESTORE);
    assert_int_equal(s->commit(s), MTRK_ESTORE);
    assert_int_equal(s->rollback(s), MTRK_ESTORE);
    /* reading from a callback is allowed */
    collect c = { 0 };
    c.table = T_MESSAGES;
    assert_int_equal(s->get(s, T_MESSAGES, row, collect_fn, &c), 0);
    assert_int_equal(c.count, 1);
    free(c.out.p);
    return 1;
}

static int never_called(void *ud, const mtrk_value *row)
{
    (void)ud;
    (void)row;
    fail_msg("callback called");
    return 0;
}

static void test_operations_outside_a_transaction_are_refused(void **state)
{
    MEMORY_ONLY();
    mtrk_store *s = *state;
    trow a;
    contact(&a, 1, 1, "a@x");
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &a), MTRK_ESTORE);
    assert_non_null(strstr(s->errmsg(s), "outside a transaction"));
    assert_int_equal(s->get(s, T_CONTACTS, a.v, never_called, NULL), MTRK_ESTORE);
    assert_int_equal(s->scan(s, T_CONTACTS, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0, never_called, NULL), MTRK_ESTORE);
    assert_int_equal(s->commit(s), MTRK_ESTORE);
    assert_int_equal(s->rollback(s), MTRK_ESTORE);

    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(s->begin(s, 1), MTRK_ESTORE);
    assert_int_equal(s->begin(s, 0), MTRK_ESTORE);
    assert_non_null(strstr(s->errmsg(s), "already open"));
    assert_int_equal(s->commit(s), 0);

    /* a read transaction refuses changes */
    assert_int_equal(s->begin(s, 0), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &a), MTRK_ESTORE);
    assert_int_equal(s->commit(s), 0);

    /* changes from inside a callback are refused */
    fill_messages(s);
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(s->scan(s, T_MESSAGES, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0, apply_in_callback, s), 0);
    assert_int_equal(s->commit(s), 0);
}

static void test_bad_arguments(void **state)
{
    MEMORY_ONLY();
    mtrk_store *s = *state;
    trow a;
    contact(&a, 1, 1, "a@x");
    assert_int_equal(s->begin(s, 1), 0);
    /* wrong type for a column */
    r_int(&a, COL_contacts_name, 5);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &a), MTRK_EINVAL);
    assert_non_null(strstr(s->errmsg(s), "contacts.name"));
    /* NULL in a non-nullable column */
    contact(&a, 1, 1, "a@x");
    r_null(&a, COL_contacts_status);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &a), MTRK_EINVAL);
    contact(&a, 1, 1, "a@x");
    mtrk_change ch = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, 999, a.v, 0 };
    assert_int_equal(s->apply(s, &ch, 1), MTRK_EINVAL);
    ch = (mtrk_change){ MTRK_CHANGE_VERSION, 42, T_CONTACTS, a.v, 0 };
    assert_int_equal(s->apply(s, &ch, 1), MTRK_EINVAL);
    ch = (mtrk_change){ MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, T_CONTACTS, NULL, 0 };
    assert_int_equal(s->apply(s, &ch, 1), MTRK_EINVAL);
    assert_int_equal(s->apply(s, NULL, 0), 0);
    assert_int_equal(s->get(s, 999, a.v, never_called, NULL), MTRK_EINVAL);
    assert_int_equal(s->scan(s, T_CONTACTS, 1, NULL, 0, NULL, 0, 0, never_called, NULL), MTRK_EINVAL);
    assert_int_equal(s->scan(s, T_CONTACTS, -2, NULL, 0, NULL, 0, 0, never_called, NULL), MTRK_EINVAL);
    assert_int_equal(s->scan(s, T_CONTACTS, MTRK_INDEX_PK, a.v, 3, NULL, 0, 0, never_called, NULL), MTRK_EINVAL);
    assert_int_equal(s->scan(s, T_CONTACTS, MTRK_INDEX_PK, a.v, 1, a.v, 2, 0, never_called, NULL), MTRK_EINVAL);
    assert_int_equal(s->scan(s, T_CONTACTS, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0x80, never_called, NULL),
                     MTRK_EINVAL);
    /* nothing was written */
    assert_int_equal(get_sig(s, T_CONTACTS, a.v, NULL), MTRK_ENOTFOUND);
    assert_int_equal(s->commit(s), 0);
}

/* ---- threads ------------------------------------------------------- */

#define THREAD_ROUNDS 300

static void counter_key(trow *r)
{
    r_init(r, T_HOURLY_STATS);
    r_id(r, COL_hourly_stats_tenant, 1);
    r_id(r, COL_hourly_stats_campaign, 1);
    r_int(r, COL_hourly_stats_hour, 0);
    r_int(r, COL_hourly_stats_type, 0);
}

static int read_count(void *ud, const mtrk_value *row)
{
    *(int64_t *)ud = row[COL_hourly_stats_count].i;
    return 0;
}

typedef struct worker {
    mtrk_store *s;
    unsigned n;
    int failures;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    mtrk_store *s = w->s;
    for (unsigned i = 0; i < THREAD_ROUNDS; i++) {
        trow r;
        int64_t count = -1;
        counter_key(&r);
        if (s->begin(s, 1) != 0 || s->get(s, T_HOURLY_STATS, r.v, read_count, &count) != 0) {
            w->failures++;
            continue;
        }
        r_int(&r, COL_hourly_stats_count, count + 1);
        trow own;
        message(&own, 9, w->n * 100000 + i, 1, w->n * 100000 + i, 0);
        if (change(s, MTRK_CHANGE_UPDATE, &r) != 0 || change(s, MTRK_CHANGE_INSERT, &own) != 0)
            w->failures++;
        /* every other round is rolled back: its increment must vanish */
        if (i % 2 ? s->rollback(s) : s->commit(s))
            w->failures++;
    }
    return NULL;
}

static void test_threads_share_one_store(void **state)
{
    mtrk_store *s = *state;
    trow r;
    counter_key(&r);
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &r), 0);
    assert_int_equal(s->commit(s), 0);

    pthread_t th[3];
    worker w[3];
    for (unsigned i = 0; i < 3; i++) {
        w[i] = (worker){ s, i + 1, 0 };
        assert_int_equal(pthread_create(&th[i], NULL, work, &w[i]), 0);
    }
    for (unsigned i = 0; i < 3; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        assert_int_equal(w[i].failures, 0);
    }
    int64_t count = -1;
    assert_int_equal(s->begin(s, 0), 0);
    assert_int_equal(s->get(s, T_HOURLY_STATS, r.v, read_count, &count), 0);
    assert_int_equal(count, 3 * THREAD_ROUNDS / 2);
    collect c = { 0 };
    collect_reset(&c, T_MESSAGES);
    trow k;
    r_init(&k, T_MESSAGES);
    r_id(&k, 0, 9);
    assert_int_equal(s->scan(s, T_MESSAGES, MTRK_INDEX_PK, k.v, 1, NULL, 0, 0, collect_fn, &c), 0);
    assert_int_equal(c.count, 3 * THREAD_ROUNDS / 2);
    assert_int_equal(s->commit(s), 0);
    collect_reset(&c, 0);
}

/* A transaction held by another thread makes begin wait, not fail. */
typedef struct holder {
    mtrk_store *s;
    pthread_mutex_t m;
    pthread_cond_t cv;
    int began;
    int rc_begin, rc_commit;
} holder;

static void *hold(void *arg)
{
    holder *h = arg;
    h->rc_begin = h->s->begin(h->s, 1);
    pthread_mutex_lock(&h->m);
    h->began = 1;
    pthread_cond_signal(&h->cv);
    pthread_mutex_unlock(&h->m);
    /* the store is ours: the other thread's calls are refused, not run */
    struct timespec ts = { 0, 50 * 1000000L };
    nanosleep(&ts, NULL);
    h->rc_commit = h->s->commit(h->s);
    return NULL;
}

static void test_begin_waits_for_another_thread(void **state)
{
    MEMORY_ONLY();
    mtrk_store *s = *state;
    holder h = { s, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, -1, -1 };
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, hold, &h), 0);
    pthread_mutex_lock(&h.m);
    while (!h.began)
        pthread_cond_wait(&h.cv, &h.m);
    pthread_mutex_unlock(&h.m);
    /* not ours: refused without touching the other thread's transaction */
    assert_int_equal(s->commit(s), MTRK_ESTORE);
    assert_int_equal(s->scan(s, T_CONTACTS, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0, never_called, NULL), MTRK_ESTORE);
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(pthread_join(th, NULL), 0);
    assert_int_equal(h.rc_begin, 0);
    assert_int_equal(h.rc_commit, 0);
}

/* ---- randomized comparison with a naive model ------------------------ */

#define M_TENANTS 2
#define M_IDS 150
#define M_CAMPAIGNS 3
#define M_CONTACTS 12
#define M_OPS 20000

typedef struct mmsg {
    int present;
    unsigned campaign, contact;
    int64_t state;
    int pmid; /* -1: NULL, else index into pmids */
    int64_t opens;
} mmsg;

static const char *pmids[] = { "", "a", "ab", "abc", "b", "B" };

typedef struct model {
    mmsg m[M_TENANTS + 1][M_IDS];
} model;

static void m_row(trow *r, unsigned t, unsigned id, const mmsg *x)
{
    message(r, t, id, x->campaign, x->contact, x->state);
    r_int(r, COL_messages_opens, x->opens);
    if (x->pmid >= 0)
        r_text(r, COL_messages_provider_message_id, pmids[x->pmid]);
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

static void random_msg(mmsg *x)
{
    x->present = 1;
    x->campaign = rnd(M_CAMPAIGNS);
    x->contact = rnd(M_CONTACTS);
    x->state = (int64_t)rnd(5) - 2;
    x->pmid = (int)rnd(7) - 1;
    x->opens = rnd(1000);
}

/* The reference order, written independently of the store. */
static int ref_cmp(const mtrk_value *a, const mtrk_value *b)
{
    static const int rank[] = { 0, 1, 2, 3 };
    if (a->type != b->type)
        return rank[a->type] - rank[b->type];
    if (a->type == MTRK_VAL_NULL)
        return 0;
    if (a->type == MTRK_VAL_INT)
        return a->i < b->i ? -1 : a->i > b->i;
    for (size_t i = 0; i < a->n && i < b->n; i++) {
        unsigned char x = ((const unsigned char *)a->p)[i], y = ((const unsigned char *)b->p)[i];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a->n < b->n ? -1 : a->n > b->n;
}

typedef struct mentry {
    trow r;
    mtrk_value key[MAXC];
    unsigned nkey;
} mentry;

static void sort_key(const trow *r, int index, mtrk_value *key, unsigned *nkey)
{
    const mtrk_table_def *d = mtrk_store_table(T_MESSAGES);
    unsigned n = 0;
    if (index >= 0)
        for (unsigned j = 0; j < d->indexes[index].ncols; j++)
            key[n++] = r->v[d->indexes[index].cols[j]];
    for (unsigned j = 0; j < d->npk; j++)
        key[n++] = r->v[j];
    *nkey = n;
}

static int key_cmp(const mtrk_value *a, const mtrk_value *b, unsigned n)
{
    for (unsigned j = 0; j < n; j++) {
        int c = ref_cmp(&a[j], &b[j]);
        if (c)
            return c;
    }
    return 0;
}

static int sort_desc;
static int entry_cmp(const void *pa, const void *pb)
{
    const mentry *a = *(mentry *const *)pa, *b = *(mentry *const *)pb;
    int c = key_cmp(a->key, b->key, a->nkey);
    return sort_desc ? -c : c;
}

/* Entries hold pointers into themselves: they stay put, pointers are sorted. */
static mentry entries[M_TENANTS * M_IDS];
static mentry *eptr[M_TENANTS * M_IDS];

static void check_random_scan(mtrk_store *s, const model *md)
{
    int index = (int)rnd(4) - 1;
    unsigned flags = rnd(4), limit = rnd(3) ? 0 : 1 + rnd(10);
    /* bounds taken from two random rows, existing or not */
    trow a, b;
    mmsg xa, xb;
    random_msg(&xa);
    random_msg(&xb);
    m_row(&a, 1 + rnd(M_TENANTS), rnd(M_IDS), &xa);
    m_row(&b, 1 + rnd(M_TENANTS), rnd(M_IDS), &xb);
    mtrk_value ka[MAXC], kb[MAXC];
    unsigned nk;
    sort_key(&a, index, ka, &nk);
    sort_key(&b, index, kb, &nk);
    unsigned nprefix = rnd(nk + 1);
    unsigned nstart = rnd(nk - nprefix + 1);
    /* the start often shares the prefix row's values, to land inside it */
    mtrk_value *start = rnd(2) ? &ka[nprefix] : &kb[nprefix];

    unsigned n = 0;
    for (unsigned t = 1; t <= M_TENANTS; t++)
        for (unsigned id = 0; id < M_IDS; id++) {
            if (!md->m[t][id].present)
                continue;
            mentry *e = &entries[n];
            m_row(&e->r, t, id, &md->m[t][id]);
            sort_key(&e->r, index, e->key, &e->nkey);
            if (key_cmp(e->key, ka, nprefix) != 0)
                continue;
            int c = key_cmp(&e->key[nprefix], start, nstart);
            int after = (flags & MTRK_SCAN_AFTER) && nstart;
            if (flags & MTRK_SCAN_DESC ? (after ? c >= 0 : c > 0) : (after ? c <= 0 : c < 0))
                continue;
            n++;
        }
    sort_desc = (flags & MTRK_SCAN_DESC) != 0;
    for (unsigned i = 0; i < n; i++)
        eptr[i] = &entries[i];
    qsort(eptr, n, sizeof eptr[0], entry_cmp);
    if (limit && n > limit)
        n = limit;
    buf want = { 0 };
    for (unsigned i = 0; i < n; i++)
        b_row(&want, COL_messages__COUNT, eptr[i]->r.v);

    collect c = { 0 };
    c.table = T_MESSAGES;
    c.stop_after = (int)limit;
    assert_int_equal(s->scan(s, T_MESSAGES, index, ka, nprefix, start, nstart, flags, collect_fn, &c), 0);
    if ((want.p == NULL) != (c.out.p == NULL) || (want.p && strcmp(want.p, c.out.p) != 0))
        fail_msg("scan index %d nprefix %u nstart %u flags %u limit %u: want\n%s\ngot\n%s", index, nprefix, nstart,
                 flags, limit, want.p ? want.p : "", c.out.p ? c.out.p : "");
    free(want.p);
    free(c.out.p);
}

static int has_collision(const model *md, unsigned t, unsigned id, const mmsg *x)
{
    for (unsigned j = 0; j < M_IDS; j++)
        if (j != id && md->m[t][j].present && md->m[t][j].campaign == x->campaign &&
            md->m[t][j].contact == x->contact)
            return 1;
    return 0;
}

static void test_random_operations_match_a_model(void **state)
{
    mtrk_store *s = *state;
    static model md, saved;
    memset(&md, 0, sizeof md);
    unsigned ops = 0, commits = 0, rollbacks = 0, refused = 0;
    while (ops < M_OPS) {
        assert_int_equal(s->begin(s, 1), 0);
        saved = md;
        unsigned nops = 1 + rnd(30);
        for (unsigned i = 0; i < nops; i++, ops++) {
            unsigned t = 1 + rnd(M_TENANTS), id = rnd(M_IDS), what = rnd(10);
            mmsg *cur = &md.m[t][id], x;
            trow r;
            random_msg(&x);
            m_row(&r, t, id, &x);
            int rc;
            if (what < 4) {
                rc = change(s, MTRK_CHANGE_INSERT, &r);
                int want = cur->present ? MTRK_EEXISTS : has_collision(&md, t, id, &x) ? MTRK_EEXISTS : 0;
                assert_int_equal(rc, want);
                if (rc == 0)
                    *cur = x;
            } else if (what < 7) {
                rc = change(s, MTRK_CHANGE_UPDATE, &r);
                int want = !cur->present ? MTRK_ENOTFOUND : has_collision(&md, t, id, &x) ? MTRK_EEXISTS : 0;
                assert_int_equal(rc, want);
                if (rc == 0)
                    *cur = x;
            } else if (what < 8) {
                rc = change(s, MTRK_CHANGE_DELETE, &r);
                assert_int_equal(rc, cur->present ? 0 : MTRK_ENOTFOUND);
                cur->present = 0;
            } else if (what < 9) {
                buf got = { 0 };
                rc = get_sig(s, T_MESSAGES, r.v, &got);
                assert_int_equal(rc, cur->present ? 0 : MTRK_ENOTFOUND);
                if (rc == 0) {
                    buf want = { 0 };
                    m_row(&r, t, id, cur);
                    b_row(&want, COL_messages__COUNT, r.v);
                    assert_string_equal(got.p, want.p);
                    free(want.p);
                }
                free(got.p);
                rc = 0;
            } else {
                check_random_scan(s, &md);
                rc = 0;
            }
            refused += rc != 0;
        }
        if (rnd(4) == 0) {
            assert_int_equal(s->rollback(s), 0);
            md = saved;
            rollbacks++;
        } else {
            assert_int_equal(s->commit(s), 0);
            commits++;
        }
        assert_int_equal(s->begin(s, 0), 0);
        for (unsigned i = 0; i < 3; i++)
            check_random_scan(s, &md);
        assert_int_equal(s->commit(s), 0);
    }
    assert_true(rollbacks > 100);
    assert_true(commits > 300);
    assert_true(refused > 100);
}

/* Many rows: inserts, an ordered full scan, deletes of half, and a bounded scan. */
static void test_many_rows(void **state)
{
    mtrk_store *s = *state;
    enum { N = 50000 };
    trow m;
    assert_int_equal(s->begin(s, 1), 0);
    for (unsigned i = 0; i < N; i++) {
        unsigned id = (i * 7919u) % N; /* scattered insertion order */
        message(&m, 1, id, id % 17, id, id % 5);
        assert_int_equal(change(s, MTRK_CHANGE_INSERT, &m), 0);
    }
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(s->begin(s, 1), 0);
    for (unsigned id = 0; id < N; id += 2) {
        message(&m, 1, id, 0, 0, 0);
        assert_int_equal(change(s, MTRK_CHANGE_DELETE, &m), 0);
    }
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    collect c = { 0 };
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0, collect_fn, &c), 0);
    assert_int_equal(c.count, N / 2);
    for (int i = 0; i < 4096; i++)
        assert_int_equal(c.ids[i], 2 * i + 1);
    /* campaign 3, state 2 of the queue index: odd ids with id%17 == 3 and id%5 == 2 */
    trow k;
    r_init(&k, T_MESSAGES);
    r_id(&k, 0, 1);
    r_id(&k, 1, 3);
    r_int(&k, 2, 2);
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_QUEUE, k.v, 3, NULL, 0, 0, collect_fn, &c), 0);
    int want = 0;
    for (unsigned id = 1; id < N; id += 2)
        want += id % 17 == 3 && id % 5 == 2;
    assert_int_equal(c.count, want);
    for (int i = 1; i < c.count && i < 4096; i++)
        assert_true(c.ids[i - 1] < c.ids[i]);
    assert_int_equal(s->commit(s), 0);
    collect_reset(&c, 0);
}

/* One transaction of many changes on thousands of rows (index blocks split
 * in the middle and at the end, rows leave and re-enter indexes, updates in
 * place and with a new layout), rolled back: every index as before. */
static void big_change(mtrk_store *s, unsigned n)
{
    trow m;
    for (unsigned i = 0; i < n; i++) {
        unsigned id = n + (i * 7919u) % n;
        message(&m, 1, id, id % 7, id, id % 3);
        assert_int_equal(change(s, MTRK_CHANGE_INSERT, &m), 0);
    }
    for (unsigned id = 0; id < n; id += 3) {
        message(&m, 1, id, 0, 0, 0);
        assert_int_equal(change(s, MTRK_CHANGE_DELETE, &m), 0);
    }
    for (unsigned id = 1; id < n; id += 5) {
        if (id % 3 == 0)
            continue; /* deleted */
        message(&m, 1, id, id % 7, id, 9); /* same layout: in place, the queue index moves */
        assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &m), 0);
    }
    for (unsigned id = 2; id < n; id += 6) {
        message(&m, 1, id, id % 7, n * 4 + id, id % 5 == 1 ? 9 : id % 3); /* another contact */
        r_text(&m, COL_messages_provider_message_id, "p-1"); /* a longer row */
        assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &m), 0);
    }
    for (unsigned id = 0; id < n; id += 9) {
        message(&m, 1, id, 1, id, 1); /* deleted above: back */
        assert_int_equal(change(s, MTRK_CHANGE_INSERT, &m), 0);
    }
}

static void test_rollback_of_a_large_transaction(void **state)
{
    mtrk_store *s = *state;
    enum { N = 3000 };
    trow m;
    assert_int_equal(s->begin(s, 1), 0);
    for (unsigned i = 0; i < N; i++) {
        unsigned id = (i * 7919u) % N;
        message(&m, 1, id, id % 7, id, id % 3);
        assert_int_equal(change(s, MTRK_CHANGE_INSERT, &m), 0);
    }
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    char *before = dump_all(s);
    assert_int_equal(s->commit(s), 0);

    for (int round = 0; round < 2; round++) {
        assert_int_equal(s->begin(s, 1), 0);
        big_change(s, N);
        assert_int_equal(s->rollback(s), 0);
        assert_int_equal(s->begin(s, 0), 0);
        char *after = dump_all(s);
        assert_int_equal(s->commit(s), 0);
        assert_string_equal(before, after);
        free(after);
    }

    /* Committed: the primary key in order forwards and backwards, and the
     * queue index of (campaign 3, state 9) complete. */
    assert_int_equal(s->begin(s, 1), 0);
    big_change(s, N);
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    int want = 0;
    for (unsigned id = 0; id < 2 * N; id++)
        want += id >= N || id % 3 != 0 || id % 9 == 0;
    collect c = { 0 };
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0, collect_fn, &c), 0);
    assert_int_equal(c.count, want);
    for (int i = 1; i < c.count && i < 4096; i++)
        assert_true(c.ids[i - 1] < c.ids[i]);
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, MTRK_INDEX_PK, NULL, 0, NULL, 0, MTRK_SCAN_DESC, collect_fn, &c), 0);
    assert_int_equal(c.count, want);
    for (int i = 1; i < c.count && i < 4096; i++)
        assert_true(c.ids[i - 1] > c.ids[i]);
    trow k;
    r_init(&k, T_MESSAGES);
    r_id(&k, 0, 1);
    r_id(&k, 1, 3);
    r_int(&k, 2, 9);
    collect_reset(&c, T_MESSAGES);
    assert_int_equal(s->scan(s, T_MESSAGES, IDX_MESSAGES_QUEUE, k.v, 3, NULL, 0, 0, collect_fn, &c), 0);
    want = 0;
    for (unsigned id = 1; id < N; id += 5)
        want += id % 7 == 3 && id % 3 != 0;
    assert_int_equal(c.count, want);
    assert_int_equal(s->commit(s), 0);
    collect_reset(&c, 0);
    free(before);
}


/* ------------------------------------------------------------------ */
/* Events appended through the typed operation                          */
/* ------------------------------------------------------------------ */

typedef struct tev {
    mtrk_store_event e;
    mtrk_id tenant;
} tev;

static mtrk_id tid(unsigned n)
{
    mtrk_id id;
    id_bytes(id.bytes, n);
    return id;
}

/* Event n of message msg, with every field set or left empty in turns. */
static mtrk_store_event mk_event(unsigned n, unsigned msg, int64_t at, const char *prov, const char *peid)
{
    mtrk_store_event e;
    memset(&e, 0, sizeof e);
    e.version = MTRK_STORE_EVENT_VERSION;
    e.id = tid(n);
    e.message = tid(msg);
    e.campaign = tid(100 + msg % 2);
    e.contact = tid(200 + msg);
    e.type = 1 + n % 5;
    if (n % 2)
        e.link = tid(300 + n);
    e.occurred_at = at;
    e.arrived_at = 5000 + n;
    e.occurred_hour = at - at % 3600;
    e.provider = prov;
    e.provider_event_id = peid;
    e.provider_message_id = n % 3 ? "pm-1" : NULL;
    e.diagnostic = n % 4 == 1 ? "550 5.1.1 no\0such" : NULL;
    e.user_agent = n % 2 ? "Mozilla/5.0 (X11; Linux x86_64)" : NULL;
    e.ip = n % 2 ? "192.0.2.1" : NULL;
    e.verdict = n % 3;
    e.verdict_reason = n % 3 == 2 ? "class:rule" : NULL;
    e.effects = n;
    return e;
}

/* A row handed to a callback, copied (ids and texts up to 47 bytes). */
static int copy_fn(void *ud, const mtrk_value *row)
{
    trow *r = ud;
    const mtrk_table_def *d = mtrk_store_table(r->table);
    for (unsigned c = 0; c < d->ncols; c++) {
        r->v[c] = row[c];
        if (row[c].type == MTRK_VAL_TEXT) {
            assert_true(row[c].n < sizeof r->txt[c]);
            memcpy(r->txt[c], row[c].p, row[c].n + 1);
            r->v[c].p = r->txt[c];
        } else if (row[c].type == MTRK_VAL_BLOB) {
            assert_int_equal(row[c].n, 16);
            memcpy(r->ids[c], row[c].p, 16);
            r->v[c].p = r->ids[c];
        }
    }
    return 0;
}

static int append1(mtrk_store *s, const mtrk_store_event *e)
{
    mtrk_id t = tid(1);
    const mtrk_store_event *p = e;
    return s->events_append(s, t, &p, 1);
}

static int prov_found(void *ud, size_t i, const mtrk_store_event *e)
{
    mtrk_store_event *out = ud;
    out[i] = *e;
    return 0;
}

/* The sort-key values of events_by_message and the primary key of event n (get). */
static void ev_key(trow *k, unsigned n)
{
    r_init(k, T_EVENTS);
    r_id(k, 0, 1);
    r_id(k, 1, n);
}

#define NREC 8

/* Events appended with events_append read, change and roll back as rows
 * inserted with apply do: get, the scans, provider_ids_find, the unique
 * checks, an update and a delete of an appended event, and the rollback
 * of appends before and after the ordered indexes took them. */
static void test_appended_events_behave_as_rows(void **state)
{
    mtrk_store *s = *state;
    if (s->version < 4 || s->events_append == NULL || s->provider_ids_find == NULL)
        skip();
    mtrk_store_event ev[NREC + 1];
    static const char *peids[NREC + 1] = { NULL, "a", "b", NULL, "c", "d", NULL, "e", "f" };
    for (unsigned n = 1; n <= NREC; n++)
        ev[n] = mk_event(n, 1 + n % 3, 1000 * (int64_t)(NREC - n) + (n % 2) * 7200, n == 6 ? NULL : "esp",
                         peids[n]);
    assert_int_equal(s->begin(s, 1), 0);
    for (unsigned n = 1; n <= 6; n++)
        assert_int_equal(append1(s, &ev[n]), 0);
    assert_int_equal(s->commit(s), 0);

    /* Read back before anything builds their rows. */
    buf sig[NREC + 1];
    memset(sig, 0, sizeof sig);
    trow *rows = calloc(NREC + 1, sizeof *rows);
    assert_non_null(rows);
    assert_int_equal(s->begin(s, 0), 0);
    for (unsigned n = 1; n <= 6; n++) {
        trow k;
        ev_key(&k, n);
        assert_int_equal(get_sig(s, T_EVENTS, k.v, &sig[n]), 0);
        trow *rp = &rows[n];
        r_init(rp, T_EVENTS);
        assert_int_equal(s->get(s, T_EVENTS, k.v, copy_fn, rp), 0);
#define r (*rp)
        assert_int_equal(id_num(&r.v[COL_events_message]), 1 + n % 3);
        assert_int_equal(r.v[COL_events_occurred_at].i, ev[n].occurred_at);
        assert_int_equal(r.v[COL_events_effects].i, (int64_t)n);
        assert_int_equal(r.v[COL_events_link].type, n % 2 ? MTRK_VAL_BLOB : MTRK_VAL_NULL);
        assert_int_equal(r.v[COL_events_user_agent].type, n % 2 ? MTRK_VAL_TEXT : MTRK_VAL_NULL);
        if (n % 2)
            assert_string_equal(r.v[COL_events_user_agent].p, ev[n].user_agent);
        if (n % 4 == 1) /* text up to its NUL, as the record gave it */
            assert_string_equal(r.v[COL_events_diagnostic].p, "550 5.1.1 no");
#undef r
    }
    mtrk_store_event found[3];
    memset(found, 0, sizeof found);
    const char *provs[3] = { "esp", "esp", "esp" }, *ids[3] = { "c", "zz", "a" };
    assert_int_equal(s->provider_ids_find(s, tid(1), provs, ids, 3, prov_found, found), 0);
    assert_true(memcmp(&found[0].id, &ev[4].id, sizeof(mtrk_id)) == 0);
    assert_int_equal(found[1].version, 0);
    assert_true(memcmp(&found[2].id, &ev[1].id, sizeof(mtrk_id)) == 0);
    assert_string_equal(found[2].user_agent, ev[1].user_agent);
    assert_int_equal(found[2].effects, 1);
    assert_int_equal(s->commit(s), 0);

    /* Refused repeats; appends rolled back while still records. */
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(append1(s, &ev[7]), 0);
    assert_int_equal(append1(s, &ev[2]), MTRK_EEXISTS); /* its id */
    mtrk_store_event again = ev[8];
    again.provider_event_id = "b";
    assert_int_equal(append1(s, &again), MTRK_EEXISTS); /* E2's provider id */
    const mtrk_store_event *two[2] = { &ev[8], &ev[8] };
    assert_int_equal(s->events_append(s, tid(1), two, 2), MTRK_EEXISTS); /* repeated in the call */
    assert_int_equal(s->rollback(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    for (unsigned n = 1; n <= 8; n++) {
        trow k;
        buf b = { 0 };
        ev_key(&k, n);
        assert_int_equal(get_sig(s, T_EVENTS, k.v, &b), n <= 6 ? 0 : MTRK_ENOTFOUND);
        if (n <= 6)
            assert_string_equal(b.p, sig[n].p);
        free(b.p);
    }
    assert_int_equal(s->commit(s), 0);

    /* An update and a delete of appended events: the rows are built then,
     * those appended in the same transaction too; all of it rolled back. */
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(append1(s, &ev[7]), 0);
    assert_int_equal(append1(s, &ev[8]), 0);
    trow k, r;
    ev_key(&k, 3);
    r_init(&r, T_EVENTS);
    assert_int_equal(s->get(s, T_EVENTS, k.v, copy_fn, &r), 0);
    r.v[COL_events_effects].i = 99;
    assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &r), 0);
    ev_key(&k, 4);
    r_init(&r, T_EVENTS);
    assert_int_equal(s->get(s, T_EVENTS, k.v, copy_fn, &r), 0);
    assert_int_equal(change(s, MTRK_CHANGE_DELETE, &r), 0);
    /* the provider id of the deleted one is free, the appended ones' taken */
    again = ev[8];
    again.id = tid(9);
    assert_int_equal(append1(s, &again), MTRK_EEXISTS);
    again.provider_event_id = "c";
    assert_int_equal(append1(s, &again), 0);
    assert_int_equal(s->rollback(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    for (unsigned n = 1; n <= 9; n++) {
        buf b = { 0 };
        ev_key(&k, n);
        assert_int_equal(get_sig(s, T_EVENTS, k.v, &b), n <= 6 ? 0 : MTRK_ENOTFOUND);
        if (n <= 6)
            assert_string_equal(b.p, sig[n].p);
        free(b.p);
    }
    char *dump_a = dump_all(s);
    assert_int_equal(s->commit(s), 0);

    /* The same events inserted as rows with apply: the same store. */
    mtrk_store *o = NULL;
    assert_int_equal(store_new(&o), 0);
    assert_int_equal(o->begin(o, 1), 0);
    for (unsigned n = 1; n <= 6; n++)
        assert_int_equal(change(o, MTRK_CHANGE_INSERT, &rows[n]), 0);
    assert_int_equal(o->commit(o), 0);
    assert_int_equal(o->begin(o, 0), 0);
    char *dump_o = dump_all(o);
    assert_int_equal(o->commit(o), 0);
    assert_string_equal(dump_a, dump_o);
    free(dump_o);
    mtrk_store_free(o);
    free(dump_a);
    free(rows);
    for (unsigned n = 0; n <= NREC; n++)
        free(sig[n].p);
}

/* Events appended as records beside rows of the same message (rows built
 * when an ordered index was read) keep events_by_message's order in every
 * read: a scan of the message's events, from a start, in both directions;
 * messages_load past a mark that falls between them; rollback takes the
 * records only; the committed store equals one where every event went in
 * as a row. */
static int order_fn(void *ud, const mtrk_store_message *m, const mtrk_store_event *const *ev, size_t n)
{
    collect *c = ud;
    (void)m;
    for (size_t i = 0; i < n; i++) {
        mtrk_value v = { MTRK_VAL_BLOB, 0, &ev[i]->id, 16 };
        c->ids[c->count++] = id_num(&v);
    }
    return 0;
}

static void test_appended_events_beside_rows_keep_the_order(void **state)
{
    mtrk_store *s = *state;
    if (s->version < 4 || s->events_append == NULL || s->messages_load == NULL)
        skip();
    /* message 1: 1 at 1000 and 3 at 3000 become rows; 2 at 2000, 4 at
     * 4000, 5 at 500, 6 at 3000 (arrived after 3) stay records */
    static const int64_t at[7] = { 0, 1000, 2000, 3000, 4000, 500, 3000 };
    mtrk_store_event ev[7];
    for (unsigned n = 1; n <= 6; n++)
        ev[n] = mk_event(n, 1, at[n], NULL, NULL);
    trow msg;
    r_init(&msg, T_MESSAGES);
    r_id(&msg, 0, 1);
    r_id(&msg, 1, 1);
    collect c;
    memset(&c, 0, sizeof c);
    assert_int_equal(s->begin(s, 1), 0);
    assert_int_equal(change(s, MTRK_CHANGE_INSERT, &msg), 0);
    assert_int_equal(append1(s, &ev[1]), 0);
    assert_int_equal(append1(s, &ev[3]), 0);
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(s->begin(s, 0), 0); /* a whole index read: their rows are built */
    collect_reset(&c, T_EVENTS);
    assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, NULL, 0, NULL, 0, 0, collect_fn, &c), 0);
    assert_int_equal(c.count, 2);
    assert_int_equal(s->commit(s), 0);

    for (int round = 0; round < 2; round++) {
        assert_int_equal(s->begin(s, 1), 0);
        for (unsigned n = 2; n <= 6; n++)
            if (n != 3)
                assert_int_equal(append1(s, &ev[n]), 0);
        trow p;
        r_init(&p, T_EVENTS);
        r_id(&p, 0, 1);
        r_id(&p, 1, 1);
        r_int(&p, 2, 2000);
        static const unsigned all[6] = { 5, 1, 2, 3, 6, 4 }, back[6] = { 4, 6, 3, 2, 1, 5 };
        collect_reset(&c, T_EVENTS);
        assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, NULL, 0, 0, collect_fn, &c), 0);
        expect_ids(&c, 6, all);
        collect_reset(&c, T_EVENTS);
        assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, NULL, 0, MTRK_SCAN_DESC, collect_fn, &c),
                         0);
        expect_ids(&c, 6, back);
        collect_reset(&c, T_EVENTS);
        assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, &p.v[2], 1, 0, collect_fn, &c), 0);
        expect_ids(&c, 4, all + 2);
        collect_reset(&c, T_EVENTS);
        assert_int_equal(
            s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, &p.v[2], 1, MTRK_SCAN_AFTER, collect_fn, &c), 0);
        expect_ids(&c, 3, all + 3);
        collect_reset(&c, T_EVENTS);
        assert_int_equal(
            s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, &p.v[2], 1, MTRK_SCAN_DESC, collect_fn, &c), 0);
        expect_ids(&c, 3, back + 3);
        /* the events past a mark at event 3 (a row), then at 2 (a record) */
        for (int mark = 0; mark < 2; mark++) {
            unsigned e = mark ? 2 : 3;
            trow m = msg;
            m.v[COL_messages_folded_occurred_at] = (mtrk_value){ MTRK_VAL_INT, at[e], NULL, 0 };
            m.v[COL_messages_folded_arrived_at] = (mtrk_value){ MTRK_VAL_INT, 5000 + e, NULL, 0 };
            r_id(&m, COL_messages_folded_event, e);
            for (unsigned c2 = 0; c2 < MAXC; c2++)
                if (m.v[c2].p == msg.ids[c2])
                    m.v[c2].p = m.ids[c2];
            assert_int_equal(change(s, MTRK_CHANGE_UPDATE, &m), 0);
            collect_reset(&c, T_EVENTS);
            mtrk_id mid = tid(1);
            assert_int_equal(s->messages_load(s, tid(1), &mid, 1, order_fn, &c), 0);
            expect_ids(&c, mark ? 3 : 2, mark ? all + 3 : all + 4);
        }
        if (round == 0) {
            assert_int_equal(s->rollback(s), 0);
            assert_int_equal(s->begin(s, 0), 0);
            collect_reset(&c, T_EVENTS);
            assert_int_equal(s->scan(s, T_EVENTS, IDX_EVENTS_MESSAGE, p.v, 2, NULL, 0, 0, collect_fn, &c), 0);
            static const unsigned rows[2] = { 1, 3 };
            expect_ids(&c, 2, rows);
            assert_int_equal(s->commit(s), 0);
        } else {
            assert_int_equal(s->commit(s), 0);
        }
    }
    assert_int_equal(s->begin(s, 0), 0);
    char *dump_a = dump_all(s);
    assert_int_equal(s->commit(s), 0);

    /* Every event inserted as a row (copied from the store's own rows). */
    trow *rows = calloc(7, sizeof *rows);
    assert_non_null(rows);
    assert_int_equal(s->begin(s, 0), 0);
    for (unsigned n = 1; n <= 6; n++) {
        trow k;
        ev_key(&k, n);
        r_init(&rows[n], T_EVENTS);
        assert_int_equal(s->get(s, T_EVENTS, k.v, copy_fn, &rows[n]), 0);
    }
    trow m;
    r_init(&m, T_MESSAGES);
    assert_int_equal(s->get(s, T_MESSAGES, msg.v, copy_fn, &m), 0);
    assert_int_equal(s->commit(s), 0);
    mtrk_store *o = NULL;
    assert_int_equal(store_new(&o), 0);
    assert_int_equal(o->begin(o, 1), 0);
    assert_int_equal(change(o, MTRK_CHANGE_INSERT, &m), 0);
    for (unsigned n = 1; n <= 6; n++)
        assert_int_equal(change(o, MTRK_CHANGE_INSERT, &rows[n]), 0);
    assert_int_equal(o->commit(o), 0);
    assert_int_equal(o->begin(o, 0), 0);
    char *dump_o = dump_all(o);
    assert_int_equal(o->commit(o), 0);
    assert_string_equal(dump_a, dump_o);
    free(dump_o);
    free(dump_a);
    mtrk_store_free(o);
    free(rows);
    free(c.out.p);
}

/* An update whose hint names only plain INT columns (an event's effects,
 * as the core writes them after appending the event) changes the appended
 * event in place: it reads back changed, the other events' order and
 * indexes untouched; rollback restores it, whether the event is still its
 * record or its row was built in between (a read of an ordered index); the
 * committed store equals one where the same changes went to rows. */
static int change_cols(mtrk_store *s, const trow *r, uint64_t cols)
{
    mtrk_change ch = { MTRK_CHANGE_VERSION, MTRK_CHANGE_UPDATE, r->table, r->v, cols };
    return s->apply(s, &ch, 1);
}

static void test_appended_event_effects_updated_in_place(void **state)
{
    mtrk_store *s = *state;
    if (s->version < 4 || s->events_append == NULL)
        skip();
    mtrk_store_event ev[4];
    for (unsigned n = 1; n <= 3; n++)
        ev[n] = mk_event(n, 1, 1000 * (int64_t)n, "esp", n == 1 ? "a" : n == 2 ? "b" : "c");
    uint64_t fx = UINT64_C(1) << COL_events_effects;
    buf before[4];
    trow k, r;
    assert_int_equal(s->begin(s, 1), 0);
    for (unsigned n = 1; n <= 3; n++)
        assert_int_equal(append1(s, &ev[n]), 0);
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(s->begin(s, 0), 0);
    for (unsigned n = 1; n <= 3; n++) {
        ev_key(&k, n);
        memset(&before[n], 0, sizeof before[n]);
        assert_int_equal(get_sig(s, T_EVENTS, k.v, &before[n]), 0);
    }
    assert_int_equal(s->commit(s), 0);

    for (int built = 0; built <= 1; built++) {
        assert_int_equal(s->begin(s, 1), 0);
        for (unsigned n = 1; n <= 2; n++) {
            ev_key(&k, n);
            r_init(&r, T_EVENTS);
            assert_int_equal(s->get(s, T_EVENTS, k.v, copy_fn, &r), 0);
            r.v[COL_events_effects] = (mtrk_value){ MTRK_VAL_INT, 40 + n, NULL, 0 };
            assert_int_equal(change_cols(s, &r, fx), 0);
            r_init(&r, T_EVENTS);
            assert_int_equal(s->get(s, T_EVENTS, k.v, copy_fn, &r), 0);
            assert_int_equal(r.v[COL_events_effects].i, 40 + n);
        }
        if (built) { /* every row built, the changed ones too */
            char *d = dump_all(s);
            assert_non_null(strstr(d, "41"));
            free(d);
        }
        ev_key(&k, 3);
        r_init(&r, T_EVENTS);
        assert_int_equal(s->get(s, T_EVENTS, k.v, copy_fn, &r), 0);
        assert_int_equal(r.v[COL_events_effects].i, 3);
        assert_int_equal(s->rollback(s), 0);
        assert_int_equal(s->begin(s, 0), 0);
        for (unsigned n = 1; n <= 3; n++) {
            buf b = { 0 };
            ev_key(&k, n);
            assert_int_equal(get_sig(s, T_EVENTS, k.v, &b), 0);
            assert_string_equal(b.p, before[n].p);
            free(b.p);
        }
        assert_int_equal(s->commit(s), 0);
    }

    /* Committed: the same store as the change made to rows. */
    mtrk_store *o = NULL;
    assert_int_equal(store_new(&o), 0);
    for (int pass = 0; pass < 2; pass++) {
        mtrk_store *x = pass ? o : s;
        if (pass) {
            assert_int_equal(x->begin(x, 1), 0);
            for (unsigned n = 1; n <= 3; n++)
                assert_int_equal(append1(x, &ev[n]), 0);
            assert_int_equal(x->commit(x), 0);
            assert_int_equal(x->begin(x, 0), 0);
            free(dump_all(x)); /* the rows built first */
            assert_int_equal(x->commit(x), 0);
        }
        assert_int_equal(x->begin(x, 1), 0);
        ev_key(&k, 2);
        r_init(&r, T_EVENTS);
        assert_int_equal(x->get(x, T_EVENTS, k.v, copy_fn, &r), 0);
        r.v[COL_events_effects] = (mtrk_value){ MTRK_VAL_INT, 77, NULL, 0 };
        assert_int_equal(change_cols(x, &r, fx), 0);
        assert_int_equal(x->commit(x), 0);
    }
    assert_int_equal(s->begin(s, 0), 0);
    assert_int_equal(o->begin(o, 0), 0);
    char *da = dump_all(s), *db = dump_all(o);
    assert_string_equal(da, db);
    assert_non_null(strstr(da, "77"));
    free(da);
    free(db);
    assert_int_equal(s->commit(s), 0);
    assert_int_equal(o->commit(o), 0);
    mtrk_store_free(o);
    for (unsigned n = 1; n <= 3; n++)
        free(before[n].p);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strncmp(argv[1], "dlopen:", 7) == 0) {
        char path[4096];
        const char *sym = "outoftree_store_new";
        snprintf(path, sizeof path, "%s", argv[1] + 7);
        char *hash = strchr(path, '#');
        if (hash != NULL) {
            *hash = '\0';
            sym = argv[1] + 7 + (hash - path) + 1;
        }
        void *so = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        void *fn = so ? dlsym(so, sym) : NULL;
        if (fn == NULL) {
            fprintf(stderr, "unit-memory_store: cannot load %s from %s: %s\n", sym, path, dlerror());
            return 2;
        }
        memcpy(&store_new, &fn, sizeof store_new); /* object to function pointer, as POSIX allows */
    } else if (argc > 1) {
        fprintf(stderr, "usage: unit-memory_store [dlopen:PATH[#SYMBOL]]\n");
        return 2;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_store_declares_version_and_operations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_insert_get_update_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(test_appended_event_effects_updated_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_and_duplicate_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unique_index_collisions_and_nulls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_change_in_batch_keeps_earlier_changes_until_rollback, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_scan_prefix_start_after_desc, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scan_callback_stops_and_aborts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_value_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback_restores_exactly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_operations_outside_a_transaction_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_threads_share_one_store, setup, teardown),
        cmocka_unit_test_setup_teardown(test_begin_waits_for_another_thread, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_operations_match_a_model, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_events_of_a_message_and_provider_ids_follow_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback_of_a_moved_event_after_the_indexes_took_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rollback_of_a_large_transaction, setup, teardown),
        cmocka_unit_test_setup_teardown(test_appended_events_behave_as_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_appended_events_beside_rows_keep_the_order, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
