/*
 * The store-level checks of counters_add (store contract version 5), shared
 * by the unit tests (memory and SQLite stores) and tests/pg (PostgreSQL):
 *  - a missing key is created with the amounts, an existing one adds them;
 *  - a key given twice in one call adds both; amounts may be negative; a
 *    delta with fewer amounts than its kind leaves the other counters alone;
 *  - the link's campaign is kept with its counters; hourly keys are
 *    (campaign, hour, type);
 *  - the add is commutative across handles: one that read a row before
 *    another handle added to it still adds to the stored value, and two
 *    threads adding 1 to one key ROUNDS times each leave 2 * ROUNDS;
 *  - a rollback leaves nothing; bad arguments and a read transaction fail.
 * Uses only the public contract (mtrk/store.h). Every check reports what
 * failed on stderr; counters_check returns how many did.
 */
#ifndef MTRK_TEST_COUNTERS_CHECK_H
#define MTRK_TEST_COUNTERS_CHECK_H

#include <mtrk/mtrk.h>
#include <mtrk/store.h>
#include "store_defs.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define CC_ROUNDS 40

static int cc_failures;

#define CC_CHECK(cond, ...)                                                    \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);               \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            cc_failures++;                                                     \
        }                                                                      \
    } while (0)

/* A row's values copied out of get's callback (integers and the first id columns). */
typedef struct cc_row {
    unsigned ncols;
    int found;
    int64_t ints[64];
    unsigned char ids[64][16];
} cc_row;

static int cc_row_cb(void *ud, const mtrk_value *row)
{
    cc_row *r = ud;
    r->found = 1;
    for (unsigned c = 0; c < r->ncols && c < 64; c++) {
        if (row[c].type == MTRK_VAL_INT)
            r->ints[c] = row[c].i;
        else if (row[c].type == MTRK_VAL_BLOB && row[c].n == 16)
            memcpy(r->ids[c], row[c].p, 16);
    }
    return 0;
}

/* Reads the row of `key` in its own read transaction. */
static cc_row cc_get(mtrk_store *st, unsigned table, const mtrk_value *key)
{
    cc_row r;
    memset(&r, 0, sizeof r);
    r.ncols = mtrk_store_table(table)->ncols;
    int rc = st->begin(st, 0);
    CC_CHECK(rc == 0, "begin (read): %d %s", rc, st->errmsg(st));
    rc = st->get(st, table, key, cc_row_cb, &r);
    CC_CHECK(rc == 0 || rc == MTRK_ENOTFOUND, "get: %d %s", rc, st->errmsg(st));
    st->commit(st);
    return r;
}

static mtrk_value cc_vid(const mtrk_id *id) { return (mtrk_value){ MTRK_VAL_BLOB, 0, id->bytes, 16 }; }
static mtrk_value cc_vint(int64_t i) { return (mtrk_value){ MTRK_VAL_INT, i, NULL, 0 }; }

/* One write transaction of one counters_add call. */
static int cc_add(mtrk_store *st, mtrk_id tenant, int kind, const mtrk_store_counter_delta *const *d, size_t n)
{
    int rc = st->begin(st, 1);
    if (rc == 0)
        rc = st->counters_add(st, tenant, kind, d, n);
    if (rc == 0)
        rc = st->commit(st);
    if (rc)
        st->rollback(st);
    return rc;
}

typedef struct cc_worker {
    mtrk_store *st;
    mtrk_id tenant, campaign;
    int rc;
} cc_worker;

static void *cc_work(void *arg)
{
    cc_worker *w = arg;
    int64_t one[MTRK_STORE_CAMPAIGN_COUNTERS];
    for (int i = 0; i < MTRK_STORE_CAMPAIGN_COUNTERS; i++)
        one[i] = 1;
    mtrk_store_counter_delta d = { MTRK_STORE_COUNTER_DELTA_VERSION, w->campaign, { { 0 } }, 0, 0, one,
                                   MTRK_STORE_CAMPAIGN_COUNTERS };
    const mtrk_store_counter_delta *pd = &d;
    for (int r = 0; r < CC_ROUNDS && w->rc == 0; r++) {
        int rc;
        /* A competing writer may hold the lock past the busy timeout under load: try again. */
        for (int tries = 0; (rc = cc_add(w->st, w->tenant, MTRK_STORE_COUNTERS_CAMPAIGN, &pd, 1)) == MTRK_EBUSY &&
                            tries < 20;
             tries++)
            ;
        w->rc = rc;
    }
    return NULL;
}

/* The rows the rollups refer to (a store may keep foreign keys): a
 * tenant, two campaigns, two links of the first. */
static int cc_setup(mtrk_store *st, const char *key, mtrk_id *tenant, mtrk_id *campaign, mtrk_id *c2, mtrk_id *l1,
                    mtrk_id *l2)
{
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    int rc = mtrk_db_open_store(&db, st, NULL);
    if (rc == 0)
        rc = mtrk_tenant_create(&t, db, key, "test:counters");
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "c";
    spec.subject = "s";
    spec.from_address = "news@acme.example";
    spec.text = "hi";
    if (rc == 0)
        rc = mtrk_campaign_create(campaign, t, &spec);
    if (rc == 0)
        rc = mtrk_campaign_create(c2, t, &spec);
    if (rc == 0)
        rc = mtrk_link_add(l1, t, *campaign, "https://acme.example/1", "one", 0);
    if (rc == 0)
        rc = mtrk_link_add(l2, t, *campaign, "https://acme.example/2", "two", 1);
    if (rc)
        fprintf(stderr, "counters_check setup: %s\n", t ? mtrk_tenant_errmsg(t) : mtrk_last_errmsg());
    if (t)
        *tenant = mtrk_tenant_id(t);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    return rc;
}

/* a and b: two handles on one database (for the memory store, the same
 * store twice). `key` names the tenant the checks create. */
static int counters_check(mtrk_store *a, mtrk_store *b, const char *key)
{
    cc_failures = 0;
    CC_CHECK(a->version >= 5 && a->counters_add != NULL, "the store has counters_add (version %u)", a->version);
    if (a->version < 5 || a->counters_add == NULL)
        return cc_failures;
    unsigned cs = sd_table("campaign_stats"), ls = sd_table("link_stats"), hs = sd_table("hourly_stats");
    mtrk_id tenant, campaign, c2, l1, l2;
    int rc = cc_setup(a, key, &tenant, &campaign, &c2, &l1, &l2);
    CC_CHECK(rc == 0, "setup: %d", rc);
    if (rc)
        return cc_failures;
    mtrk_value ckey[2] = { cc_vid(&tenant), cc_vid(&campaign) };

    /* Created with the amounts; then added to. */
    int64_t v[MTRK_STORE_CAMPAIGN_COUNTERS];
    for (int i = 0; i < MTRK_STORE_CAMPAIGN_COUNTERS; i++)
        v[i] = i + 1;
    mtrk_store_counter_delta d = { MTRK_STORE_COUNTER_DELTA_VERSION, campaign, { { 0 } }, 0, 0, v,
                                   MTRK_STORE_CAMPAIGN_COUNTERS };
    const mtrk_store_counter_delta *pd = &d;
    rc = cc_add(a, tenant, MTRK_STORE_COUNTERS_CAMPAIGN, &pd, 1);
    CC_CHECK(rc == 0, "counters_add of a new key: %d %s", rc, a->errmsg(a));
    cc_row r = cc_get(b, cs, ckey);
    CC_CHECK(r.found, "the campaign row was created");
    CC_CHECK(r.ints[sd_col(cs, "messages")] == 1 && r.ints[sd_col(cs, "sent")] == 3 &&
                 r.ints[sd_col(cs, "leads_forwarded")] == 21,
             "created with the amounts: messages %lld sent %lld leads_forwarded %lld",
             (long long)r.ints[sd_col(cs, "messages")], (long long)r.ints[sd_col(cs, "sent")],
             (long long)r.ints[sd_col(cs, "leads_forwarded")]);
    /* The same key twice in one call, one amount negative, the second delta
     * naming only the first counter. */
    int64_t w2[1] = { -1 };
    mtrk_store_counter_delta d2 = { MTRK_STORE_COUNTER_DELTA_VERSION, campaign, { { 0 } }, 0, 0, w2, 1 };
    const mtrk_store_counter_delta *two[2] = { &d, &d2 };
    rc = cc_add(b, tenant, MTRK_STORE_COUNTERS_CAMPAIGN, two, 2);
    CC_CHECK(rc == 0, "counters_add of a repeated key: %d %s", rc, b->errmsg(b));
    r = cc_get(a, cs, ckey);
    CC_CHECK(r.ints[sd_col(cs, "messages")] == 1 + 1 - 1 && r.ints[sd_col(cs, "canceled")] == 4 &&
                 r.ints[sd_col(cs, "leads_forwarded")] == 42,
             "added: messages %lld canceled %lld leads_forwarded %lld", (long long)r.ints[sd_col(cs, "messages")],
             (long long)r.ints[sd_col(cs, "canceled")], (long long)r.ints[sd_col(cs, "leads_forwarded")]);

    /* Links: the campaign kept; a link given twice adds both. */
    int64_t lv[MTRK_STORE_LINK_COUNTERS] = { 1, 1, 0 };
    mtrk_store_counter_delta ld1 = { MTRK_STORE_COUNTER_DELTA_VERSION, campaign, l1, 0, 0, lv, MTRK_STORE_LINK_COUNTERS };
    mtrk_store_counter_delta ld2 = { MTRK_STORE_COUNTER_DELTA_VERSION, campaign, l2, 0, 0, lv, MTRK_STORE_LINK_COUNTERS };
    const mtrk_store_counter_delta *links[3] = { &ld1, &ld2, &ld1 };
    rc = cc_add(a, tenant, MTRK_STORE_COUNTERS_LINK, links, 3);
    CC_CHECK(rc == 0, "counters_add of links: %d %s", rc, a->errmsg(a));
    mtrk_value lkey[2] = { cc_vid(&tenant), cc_vid(&l1) };
    r = cc_get(b, ls, lkey);
    CC_CHECK(r.found && r.ints[sd_col(ls, "clicks")] == 2 && r.ints[sd_col(ls, "clicks_unique")] == 2 &&
                 r.ints[sd_col(ls, "clicks_unique_human")] == 0,
             "link 1: clicks %lld unique %lld", (long long)r.ints[sd_col(ls, "clicks")],
             (long long)r.ints[sd_col(ls, "clicks_unique")]);
    CC_CHECK(memcmp(r.ids[sd_col(ls, "campaign")], campaign.bytes, 16) == 0, "link 1 keeps its campaign");
    lkey[1] = cc_vid(&l2);
    r = cc_get(b, ls, lkey);
    CC_CHECK(r.found && r.ints[sd_col(ls, "clicks")] == 1, "link 2: clicks %lld", (long long)r.ints[sd_col(ls, "clicks")]);

    /* Hourly: keyed by (campaign, hour, type). */
    int64_t hv[1] = { 3 };
    mtrk_store_counter_delta h1 = { MTRK_STORE_COUNTER_DELTA_VERSION, campaign, { { 0 } }, 3600000, 3, hv, 1 };
    mtrk_store_counter_delta h2 = { MTRK_STORE_COUNTER_DELTA_VERSION, campaign, { { 0 } }, 3600000, 4, hv, 1 };
    const mtrk_store_counter_delta *hours[3] = { &h1, &h2, &h1 };
    rc = cc_add(b, tenant, MTRK_STORE_COUNTERS_HOURLY, hours, 3);
    CC_CHECK(rc == 0, "counters_add of hours: %d %s", rc, b->errmsg(b));
    mtrk_value hkey[4] = { cc_vid(&tenant), cc_vid(&campaign), cc_vint(3600000), cc_vint(3) };
    r = cc_get(a, hs, hkey);
    CC_CHECK(r.found && r.ints[sd_col(hs, "count")] == 6, "hour, type 3: %lld", (long long)r.ints[sd_col(hs, "count")]);
    hkey[3] = cc_vint(4);
    r = cc_get(a, hs, hkey);
    CC_CHECK(r.found && r.ints[sd_col(hs, "count")] == 3, "hour, type 4: %lld", (long long)r.ints[sd_col(hs, "count")]);

    /* A handle that read the row earlier still adds to the stored value. */
    int64_t before = cc_get(a, cs, ckey).ints[sd_col(cs, "sent")];
    rc = cc_add(b, tenant, MTRK_STORE_COUNTERS_CAMPAIGN, &pd, 1);
    CC_CHECK(rc == 0, "add through b: %d", rc);
    rc = cc_add(a, tenant, MTRK_STORE_COUNTERS_CAMPAIGN, &pd, 1);
    CC_CHECK(rc == 0, "add through a: %d", rc);
    CC_CHECK(cc_get(b, cs, ckey).ints[sd_col(cs, "sent")] == before + 6, "both adds count");

    /* A rollback leaves nothing. */
    rc = a->begin(a, 1);
    if (rc == 0)
        rc = a->counters_add(a, tenant, MTRK_STORE_COUNTERS_CAMPAIGN, &pd, 1);
    CC_CHECK(rc == 0, "add before a rollback: %d %s", rc, a->errmsg(a));
    a->rollback(a);
    CC_CHECK(cc_get(b, cs, ckey).ints[sd_col(cs, "sent")] == before + 6, "rolled back");

    /* Bad arguments, a read transaction. */
    CC_CHECK(a->begin(a, 1) == 0, "begin: %s", a->errmsg(a));
    rc = a->counters_add(a, tenant, 9, &pd, 1);
    CC_CHECK(rc == MTRK_EINVAL && *a->errmsg(a), "unknown kind: %d", rc);
    a->rollback(a);
    CC_CHECK(a->begin(a, 1) == 0, "begin: %s", a->errmsg(a));
    const mtrk_store_counter_delta *none = NULL;
    rc = a->counters_add(a, tenant, MTRK_STORE_COUNTERS_CAMPAIGN, &none, 1);
    CC_CHECK(rc == MTRK_EINVAL, "a NULL delta: %d", rc);
    a->rollback(a);
    CC_CHECK(a->begin(a, 1) == 0, "begin: %s", a->errmsg(a));
    rc = a->counters_add(a, tenant, MTRK_STORE_COUNTERS_HOURLY, &pd, 1);
    CC_CHECK(rc == MTRK_EINVAL, "21 amounts for the hourly kind's one counter: %d", rc);
    a->rollback(a);
    CC_CHECK(a->begin(a, 0) == 0, "begin: %s", a->errmsg(a));
    rc = a->counters_add(a, tenant, MTRK_STORE_COUNTERS_CAMPAIGN, &pd, 1);
    CC_CHECK(rc == MTRK_ESTORE, "a read transaction: %d", rc);
    a->rollback(a);
    CC_CHECK(a->counters_add(a, tenant, MTRK_STORE_COUNTERS_CAMPAIGN, &pd, 1) == MTRK_ESTORE,
             "outside a transaction");

    /* Two threads, one handle each, adding 1 to one key: every add counts. */
    cc_worker wa = { a, tenant, c2, 0 }, wb = { b, tenant, c2, 0 };
    pthread_t ta, tb;
    int started_a = pthread_create(&ta, NULL, cc_work, &wa) == 0;
    int started_b = pthread_create(&tb, NULL, cc_work, &wb) == 0;
    if (started_a)
        pthread_join(ta, NULL);
    if (started_b)
        pthread_join(tb, NULL);
    CC_CHECK(started_a && started_b && wa.rc == 0 && wb.rc == 0, "workers: %d %d", wa.rc, wb.rc);
    mtrk_value c2key[2] = { cc_vid(&tenant), cc_vid(&c2) };
    r = cc_get(a, cs, c2key);
    CC_CHECK(r.ints[sd_col(cs, "messages")] == 2 * CC_ROUNDS && r.ints[sd_col(cs, "leads_forwarded")] == 2 * CC_ROUNDS,
             "concurrent adds: %lld of %d", (long long)r.ints[sd_col(cs, "messages")], 2 * CC_ROUNDS);
    return cc_failures;
}

#endif
