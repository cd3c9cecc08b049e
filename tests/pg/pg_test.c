/*
 * PostgreSQL backend tests beyond the conformance suite, against the server
 * named by $MTRK_TEST_PG (scripts/test starts a private one):
 *
 *   pg_test store       store-level checks: a duplicate (tenant, id) or
 *                       (tenant, provider, provider_event_id) in another
 *                       month is MTRK_EEXISTS; migrations from version 2
 *                       and 11 (events as version 12 kept them, partitioned
 *                       with side tables) give a new schema; a newer schema
 *                       version is refused; a connection killed inside a
 *                       transaction fails with a clear status, keeps
 *                       nothing, and the next transaction reconnects; the
 *                       typed operations of the event path (test_typed):
 *                       events past a message's mark in the contract's
 *                       order, repeated and missing messages, pairs found
 *                       and not, duplicates refused at the call or later,
 *                       updates writing only their masks' columns; a
 *                       campaign's events read a page at a time
 *                       (test_campaign_pages).
 *   pg_test contention  4 processes x 2 connections record events at once
 *                       (distinct provider event ids); afterwards every
 *                       event is present once and the rollups equal a rebuild.
 *   pg_test restart     a child records in batches, acknowledging each
 *                       committed one, while the server is restarted
 *                       ($MTRK_TEST_PG_RESTART, a shell command); afterwards
 *                       every acknowledged event is present, every batch is
 *                       all-or-nothing, and the rollups equal a rebuild.
 *
 * Sizes: 200,000 events in the contention test (the size the contention requirement names) and 400
 * batches of 50 in the restart test, in every run since the store's deferred
 * writes and batched reads (about 90 s and 15 s on the 2-core machine).
 * Each run works in a fresh schema pgtest_<pid>_<n>, dropped at the end.
 */
#include <libpq-fe.h>
#include <mtrk/mtrk.h>
#include <mtrk/store.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../common/counters_check.h"
#include "../common/generation_check.h"

#define T0 1767225600000LL /* 2026-01-01T00:00:00Z */
#define DAY 86400000LL

static const char *conninfo;
static PGconn *admin;
static char schema[40];
static char target[4096];
static int failures;

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);               \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            failures++;                                                        \
        }                                                                      \
    } while (0)

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int sql(const char *q)
{
    PGresult *r = PQexec(admin, q);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    if (!ok)
        fprintf(stderr, "pg_test: %s: %s", q, PQerrorMessage(admin));
    PQclear(r);
    return ok ? 0 : -1;
}

/* The one text value of q (malloc'd), or NULL. */
static char *sql_text(const char *q)
{
    PGresult *r = PQexec(admin, q);
    char *v = NULL;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
        v = strdup(PQgetvalue(r, 0, 0));
    else
        fprintf(stderr, "pg_test: %s: %s", q, PQerrorMessage(admin));
    PQclear(r);
    return v;
}

/* The one integer value of q, or -1. */
static long long sql_int(const char *q)
{
    char *t = sql_text(q);
    long long v = t ? atoll(t) : -1;
    free(t);
    return v;
}

/* The schema's columns and indexes as one text (the test's own partition
 * left out), to compare a migrated schema with a new one. */
static char *schema_text(void)
{
    return sql_text("SELECT (SELECT string_agg(table_name || '.' || column_name || ' ' || data_type || ' ' || "
                    "is_nullable || ' ' || coalesce(column_default, '-'), E'\\n' ORDER BY table_name, "
                    "ordinal_position) FROM information_schema.columns WHERE table_schema = current_schema() "
                    "AND table_name NOT LIKE 'events_migration_test%') || E'\\n' || "
                    "(SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes "
                    "WHERE schemaname = current_schema() AND tablename NOT LIKE 'events_migration_test%')");
}

/* The events table as schema version 12 made it (frozen): partitioned by
 * month, its unique keys in two side tables kept by a trigger. Replaces the
 * current one (its rows are lost). */
static void events_as_version12(void)
{
    char q[4096];
    sql("DROP TABLE events");
    sql("CREATE TABLE events (tenant uuid NOT NULL, id uuid NOT NULL, message uuid NOT NULL, campaign uuid NOT NULL,"
        " contact uuid NOT NULL, type bigint NOT NULL, link uuid, occurred_at bigint NOT NULL, arrived_at bigint NOT NULL,"
        " provider text COLLATE \"C\", provider_event_id text COLLATE \"C\", provider_message_id text COLLATE \"C\","
        " bounce_kind bigint NOT NULL, diagnostic text COLLATE \"C\", user_agent text COLLATE \"C\", ip text COLLATE \"C\","
        " verdict bigint NOT NULL, verdict_reason text COLLATE \"C\", unsub_scope bigint NOT NULL, unsub_audience uuid,"
        " unsub_source bigint NOT NULL, effects bigint NOT NULL, occurred_hour bigint NOT NULL,"
        " PRIMARY KEY (tenant, id, occurred_at),"
        " FOREIGN KEY (tenant, message) REFERENCES messages (tenant, id) DEFERRABLE INITIALLY DEFERRED,"
        " FOREIGN KEY (tenant, link) REFERENCES links (tenant, id) DEFERRABLE INITIALLY DEFERRED)"
        " PARTITION BY RANGE (occurred_at)");
    sql("CREATE INDEX events_by_provider ON events (tenant, provider NULLS FIRST, provider_event_id NULLS FIRST, id);"
        "CREATE INDEX events_by_message ON events (tenant, message, occurred_at, arrived_at, id);"
        "CREATE INDEX events_by_campaign ON events (tenant, campaign, occurred_hour, id)");
    snprintf(q, sizeof q,
             "CREATE TABLE events_ids (tenant uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant, id));"
             "CREATE TABLE events_provider_ids (tenant uuid NOT NULL, provider text COLLATE \"C\" NOT NULL,"
             " provider_event_id text COLLATE \"C\" NOT NULL, PRIMARY KEY (tenant, provider, provider_event_id));"
             "CREATE FUNCTION events_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN"
             " IF TG_OP <> 'INSERT' THEN DELETE FROM %s.events_ids WHERE tenant = OLD.tenant AND id = OLD.id;"
             " DELETE FROM %s.events_provider_ids WHERE tenant = OLD.tenant AND provider = OLD.provider"
             " AND provider_event_id = OLD.provider_event_id; END IF;"
             " IF TG_OP <> 'DELETE' THEN INSERT INTO %s.events_ids VALUES (NEW.tenant, NEW.id);"
             " IF NEW.provider IS NOT NULL AND NEW.provider_event_id IS NOT NULL THEN"
             " INSERT INTO %s.events_provider_ids VALUES (NEW.tenant, NEW.provider, NEW.provider_event_id); END IF;"
             " END IF; RETURN NULL; END $f$;"
             "CREATE TRIGGER events_keys AFTER INSERT OR UPDATE OR DELETE ON events"
             " FOR EACH ROW EXECUTE FUNCTION events_keys_sync()",
             schema, schema, schema, schema);
    sql(q);
}

static void quiet(void *a, const char *m)
{
    (void)a;
    (void)m;
}

static void fresh_schema(void)
{
    static int n;
    snprintf(schema, sizeof schema, "pgtest_%d_%d", (int)getpid(), ++n);
    char q[256];
    snprintf(q, sizeof q, "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s; SET search_path = %s", schema,
             schema, schema);
    if (sql(q) != 0)
        exit(2);
    snprintf(target, sizeof target, "pg:%s options='-csearch_path=%s'", conninfo, schema);
}

static void drop_schema(void)
{
    char q[128];
    snprintf(q, sizeof q, "DROP SCHEMA IF EXISTS %s CASCADE; SET search_path = public", schema);
    sql(q);
}

static mtrk_db *open_db(void)
{
    mtrk_db *db = NULL;
    int rc = mtrk_db_open(&db, target, NULL);
    if (rc) {
        fprintf(stderr, "pg_test: open %s: %s\n", target, mtrk_last_errmsg());
        exit(2);
    }
    return db;
}

/* ------------------------------------------------------------------ */
/* store                                                               */
/* ------------------------------------------------------------------ */

static mtrk_value vid(const unsigned char *b) { return (mtrk_value){ MTRK_VAL_BLOB, 0, b, 16 }; }
static mtrk_value vint(int64_t i) { return (mtrk_value){ MTRK_VAL_INT, i, NULL, 0 }; }
static mtrk_value vtext(const char *s) { return (mtrk_value){ MTRK_VAL_TEXT, 0, s, strlen(s) }; }
static mtrk_value vnull(void) { return (mtrk_value){ MTRK_VAL_NULL, 0, NULL, 0 }; }

static unsigned table_no(const char *name)
{
    for (unsigned t = 0; t < mtrk_store_table_count(); t++)
        if (strcmp(mtrk_store_table(t)->name, name) == 0)
            return t;
    return 0;
}

/* An events row: tenant, id, when, provider event id. */
static void event_row(mtrk_value *row, const unsigned char *tenant, const unsigned char *id, int64_t when,
                      const char *peid)
{
    static const unsigned char other[16] = { 9 };
    const mtrk_table_def *def = mtrk_store_table(table_no("events"));
    for (unsigned c = 0; c < def->ncols; c++) {
        const char *n = def->cols[c].name;
        if (c == 0)
            row[c] = vid(tenant);
        else if (strcmp(n, "id") == 0)
            row[c] = vid(id);
        else if (strcmp(n, "occurred_at") == 0 || strcmp(n, "arrived_at") == 0)
            row[c] = vint(when);
        else if (strcmp(n, "provider") == 0)
            row[c] = vtext("ses");
        else if (strcmp(n, "provider_event_id") == 0)
            row[c] = vtext(peid);
        else if (def->cols[c].flags & MTRK_COL_NULLABLE)
            row[c] = vnull();
        else if (def->cols[c].type == MTRK_VAL_BLOB)
            row[c] = vid(other);
        else if (def->cols[c].type == MTRK_VAL_INT)
            row[c] = vint(1);
        else
            row[c] = vtext("x");
    }
}

static int count_row(void *ud, const mtrk_value *row)
{
    (void)ud;
    (void)row;
    return 0;
}

static int stop_row(void *ud, const mtrk_value *row)
{
    (void)ud;
    (void)row;
    return 1;
}

static int fail_row(void *ud, const mtrk_value *row)
{
    (void)ud;
    (void)row;
    return MTRK_ETOOLONG;
}

static int count_rows(void *ud, const mtrk_value *row)
{
    (void)row;
    ++*(long *)ud;
    return 0;
}


/* scan_many checks: the rows scan_many visits, each as the first prefix
 * given that it matches (its values at the sort key's first nprefix
 * columns) and its id (column 1). */
typedef struct seen_rows {
    const mtrk_value *prefixes;
    unsigned nprefix;
    size_t n;
    const unsigned *cols; /* the sort key's columns */
    size_t count, cap;
    size_t *which;
    unsigned char (*ids)[16];
    long stop_at;   /* return `stop_rc` at this row (1-based), 0: never */
    int stop_rc;
    int bad;        /* a row that matches no prefix */
} seen_rows;

static int value_eq(const mtrk_value *a, const mtrk_value *b)
{
    if (a->type != b->type)
        return 0;
    if (a->type == MTRK_VAL_NULL)
        return 1;
    if (a->type == MTRK_VAL_INT)
        return a->i == b->i;
    return a->n == b->n && (a->n == 0 || memcmp(a->p, b->p, a->n) == 0);
}

static int seen_row(void *ud, const mtrk_value *row)
{
    seen_rows *sr = ud;
    size_t w = sr->n;
    for (size_t i = 0; i < sr->n && w == sr->n; i++) {
        unsigned j = 0;
        while (j < sr->nprefix && value_eq(&row[sr->cols[j]], &sr->prefixes[i * sr->nprefix + j]))
            j++;
        if (j == sr->nprefix)
            w = i;
    }
    if (w == sr->n)
        sr->bad++;
    if (sr->count == sr->cap) {
        sr->cap = sr->cap ? sr->cap * 2 : 1024;
        sr->which = realloc(sr->which, sr->cap * sizeof *sr->which);
        sr->ids = realloc(sr->ids, sr->cap * sizeof *sr->ids);
        if (sr->which == NULL || sr->ids == NULL)
            exit(2);
    }
    sr->which[sr->count] = w;
    memcpy(sr->ids[sr->count], row[1].p, 16);
    sr->count++;
    if (sr->stop_at && (long)sr->count == sr->stop_at)
        return sr->stop_rc;
    return 0;
}

static void seen_free(seen_rows *sr)
{
    free(sr->which);
    free(sr->ids);
}

static size_t sort_key_cols(unsigned table, int index, unsigned *cols)
{
    const mtrk_table_def *def = mtrk_store_table(table);
    size_t n = 0;
    if (index >= 0)
        for (unsigned j = 0; j < def->indexes[index].ncols; j++)
            cols[n++] = def->indexes[index].cols[j];
    for (unsigned j = 0; j < def->npk; j++)
        cols[n++] = j;
    return n;
}

/* scan_many over prefixes[0..n-1] against scan per prefix: every row
 * matches a prefix given; each prefix's rows come consecutively, as whole
 * copies of what scan visits for it (in its order), at least once and at
 * most as often as the prefix is given. Returns the rows visited. */
static long check_scan_many(mtrk_store *st, unsigned table, int index, const mtrk_value *prefixes, unsigned nprefix,
                            size_t n, const char *what)
{
    unsigned cols[64];
    sort_key_cols(table, index, cols);
    seen_rows got = { prefixes, nprefix, n, cols, 0, 0, NULL, NULL, 0, 0, 0 };
    int rc = st->scan_many(st, table, index, prefixes, nprefix, n, seen_row, &got);
    CHECK(rc == 0, "%s: scan_many: %d %s", what, rc, st->errmsg(st));
    CHECK(got.bad == 0, "%s: %d rows match no prefix", what, got.bad);
    size_t *copies = calloc(n ? n : 1, sizeof *copies), *occ = calloc(n ? n : 1, sizeof *occ);
    seen_rows *ref = calloc(n ? n : 1, sizeof *ref);
    for (size_t i = 0; i < n; i++) {
        /* The first prefix equal to this one stands for both. */
        size_t w = i;
        for (size_t k = 0; k < i && w == i; k++) {
            unsigned j = 0;
            while (j < nprefix && value_eq(&prefixes[k * nprefix + j], &prefixes[i * nprefix + j]))
                j++;
            if (j == nprefix)
                w = k;
        }
        occ[w]++;
        if (w != i)
            continue;
        ref[i] = (seen_rows){ prefixes, nprefix, n, cols, 0, 0, NULL, NULL, 0, 0, 0 };
        rc = st->scan(st, table, index, &prefixes[i * nprefix], nprefix, NULL, 0, 0, seen_row, &ref[i]);
        CHECK(rc == 0, "%s: scan of prefix %zu: %d %s", what, i, rc, st->errmsg(st));
    }
    for (size_t r = 0; r < got.count && got.bad == 0;) {
        size_t w = got.which[r];
        seen_rows *x = &ref[w];
        if (x->count == 0) {
            CHECK(0, "%s: row %zu of prefix %zu, which scan finds empty", what, r, w);
            break;
        }
        size_t k = 0;
        while (r + k < got.count && got.which[r + k] == w &&
               memcmp(got.ids[r + k], x->ids[k % x->count], 16) == 0)
            k++;
        if (k % x->count != 0 || k == 0) {
            CHECK(0, "%s: prefix %zu: rows %zu.. are not whole copies of scan's %zu rows in order (%zu match)",
                  what, w, r, x->count, k);
            break;
        }
        copies[w] += k / x->count;
        r += k;
    }
    for (size_t i = 0; i < n && got.bad == 0; i++) {
        if (occ[i] == 0)
            continue;
        if (ref[i].count == 0)
            continue;
        CHECK(copies[i] >= 1 && copies[i] <= occ[i], "%s: prefix %zu (given %zu times, %zu rows) visited %zu times",
              what, i, occ[i], ref[i].count, copies[i]);
    }
    long total = (long)got.count;
    for (size_t i = 0; i < n; i++)
        seen_free(&ref[i]);
    free(ref);
    free(copies);
    free(occ);
    seen_free(&got);
    return total;
}

static int index_no(unsigned table, const char *name)
{
    const mtrk_table_def *def = mtrk_store_table(table);
    for (unsigned x = 0; x < def->nindexes; x++)
        if (strcmp(def->indexes[x].name, name) == 0)
            return (int)x;
    return -2;
}

static unsigned col_no(unsigned table, const char *name)
{
    const mtrk_table_def *def = mtrk_store_table(table);
    for (unsigned c = 0; c < def->ncols; c++)
        if (strcmp(def->cols[c].name, name) == 0)
            return c;
    return 0;
}

/* scan_many on events: by message (prefix (tenant, message)) and by
 * provider (prefixes with a NULL, of the wrong type). */
static void test_scan_many(mtrk_store *st)
{
    unsigned ev = table_no("events");
    int by_msg = index_no(ev, "events_by_message"), by_prov = index_no(ev, "events_by_provider");
    unsigned c_msg = col_no(ev, "message"), c_occ = col_no(ev, "occurred_at"), c_arr = col_no(ev, "arrived_at"),
             c_prov = col_no(ev, "provider");
    CHECK(by_msg >= 0 && by_prov >= 0, "events indexes not found");
    static const unsigned char tenant[16] = { 1 };
    /* Message 0: BIG rows (more than one statement's row limit, 8,192);
     * messages 1..NM-1: i % 5 rows each, inserted in an order other than
     * the sort key's, with ties on occurred_at (arrived_at and the id then
     * decide). */
    enum { BIG = 8300, NM = 60, NPRE = 4200 };
    static unsigned char mid[NM][16], eid[BIG + NM * 5 + 8][16];
    static char peid[BIG + NM * 5 + 8][24];
    static mtrk_value rows[BIG + NM * 5 + 8][64];
    int nrows = 0, rc = 0;
    for (int m = 0; m < NM; m++) {
        mid[m][0] = 2;
        mid[m][14] = (unsigned char)(m >> 8);
        mid[m][15] = (unsigned char)m;
    }
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    for (int m = 0; m < NM; m++) {
        int k = m == 0 ? BIG : m % 5;
        for (int e = 0; e < k; e++) {
            int r = nrows++;
            unsigned h = (unsigned)(r * 2654435761u);
            eid[r][0] = 3;
            eid[r][1] = (unsigned char)(h >> 24); /* ids not in insertion order */
            eid[r][2] = (unsigned char)(r >> 16);
            eid[r][3] = (unsigned char)(r >> 8);
            eid[r][4] = (unsigned char)r;
            snprintf(peid[r], sizeof peid[r], "sm-%d", r);
            event_row(rows[r], tenant, eid[r], T0 + 14 * DAY + (int64_t)((h >> 8) % 4) * 1000, peid[r]);
            rows[r][c_msg] = vid(mid[m]);
            rows[r][c_arr] = vint(T0 + 15 * DAY + (int64_t)((h >> 12) % 2));
            if (m == 7)
                rows[r][c_prov] = vnull(); /* by provider: rows with a NULL prefix value */
            else if (m == 8)
                rows[r][c_prov] = vtext("other");
            mtrk_change ci = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, ev, rows[r], 0 };
            if (rc == 0)
                rc = st->apply(st, &ci, 1);
        }
    }
    (void)c_occ;
    CHECK(rc == 0, "scan_many inserts: %d %s", rc, st->errmsg(st));
    /* The prefixes: a run of messages without rows, with the messages that
     * have some among them, past the first statement's 4,096 too; message
     * 3 twice (apart), message 9 twice in a row, message 0 (the big one)
     * not last in its statement. The last rows inserted (fewer than the
     * pipeline's 1,024) are still deferred: scan_many must see them. */
    static unsigned char none[NPRE][16];
    static mtrk_value pre[NPRE * 2];
    size_t np = 0;
    for (int i = 0; i < NPRE; i++) {
        none[i][0] = 4;
        none[i][14] = (unsigned char)(i >> 8);
        none[i][15] = (unsigned char)i;
    }
    int order[] = { 5, 3, 0, 9, 9, 1, 2, 4 };
    for (int i = 0; i < NPRE; i++) {
        pre[np * 2] = vid(tenant);
        if (i < (int)(sizeof order / sizeof *order))
            pre[np * 2 + 1] = vid(mid[order[i]]);
        else if (i % 97 == 0 && i / 97 < NM)
            pre[np * 2 + 1] = vid(mid[i / 97]);
        else if (i == 4150)
            pre[np * 2 + 1] = vid(mid[3]);
        else
            pre[np * 2 + 1] = vid(none[i]);
        np++;
    }
    long got = check_scan_many(st, ev, by_msg, pre, 2, np, "by message");
    CHECK(got > BIG, "by message: %ld rows", got);
    /* A few prefixes: message 5 has no rows, 9 (4 rows) is given twice. */
    mtrk_value small[10] = { vid(tenant), vid(mid[5]), vid(tenant), vid(mid[9]), vid(tenant), vid(mid[9]),
                             vid(tenant), vid(mid[1]), vid(tenant), vid(mid[2]) };
    got = check_scan_many(st, ev, by_msg, small, 2, 5, "by message, small");
    CHECK(got >= 4 + 1 + 2 && got <= 2 * 4 + 1 + 2, "by message, small: %ld rows", got);
    /* fn returning 1 ends the whole call; a negative code is returned
     * (in the first rows, and in the rows past a statement's limit). */
    unsigned cols[64];
    sort_key_cols(ev, by_msg, cols);
    long stops[] = { 1, 3, 8000, BIG - 2, BIG + 10 };
    for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
        seen_rows sr = { pre, 2, np, cols, 0, 0, NULL, NULL, stops[i], 1, 0 };
        rc = st->scan_many(st, ev, by_msg, pre, 2, np, seen_row, &sr);
        CHECK(rc == 0 && (long)sr.count == stops[i], "scan_many stopped at row %ld: %d, %zu rows %s", stops[i], rc,
              sr.count, st->errmsg(st));
        seen_free(&sr);
        seen_rows sf = { pre, 2, np, cols, 0, 0, NULL, NULL, stops[i], MTRK_ETOOLONG, 0 };
        rc = st->scan_many(st, ev, by_msg, pre, 2, np, seen_row, &sf);
        CHECK(rc == MTRK_ETOOLONG && (long)sf.count == stops[i], "scan_many aborted at row %ld: %d, %zu rows %s",
              stops[i], rc, sf.count, st->errmsg(st));
        seen_free(&sf);
    }
    /* By provider: a NULL prefix value (scan's rules), a value of the
     * wrong type and an id of 3 bytes (no rows), text with rows. */
    mtrk_value prov[12] = { vid(tenant), vnull(), vid(tenant), vint(7), vid(tenant), vtext("other"),
                            { MTRK_VAL_BLOB, 0, tenant, 3 }, vtext("other"), vid(tenant), vtext("nobody"),
                            vid(tenant), vnull() };
    got = check_scan_many(st, ev, by_prov, prov, 2, 6, "by provider");
    CHECK(got >= 2 + 3 && got <= 2 * 2 + 3, "by provider: %ld rows", got);
    got = check_scan_many(st, ev, by_prov, prov, 1, 6, "by provider, tenant only");
    CHECK(got >= nrows, "by provider, tenant only: %ld rows of %d", got, nrows);
    /* No prefixes; bad arguments. */
    CHECK((rc = st->scan_many(st, ev, by_msg, NULL, 2, 0, count_rows, &(long){ 0 })) == 0, "no prefixes: %d", rc);
    CHECK(st->scan_many(st, ev, 7, pre, 2, 1, count_rows, &(long){ 0 }) == MTRK_EINVAL, "a bad index");
    CHECK(st->scan_many(st, ev, by_msg, pre, 9, 1, count_rows, &(long){ 0 }) == MTRK_EINVAL, "nprefix too long");
    st->rollback(st);
    /* Outside a transaction: refused. */
    CHECK(st->scan_many(st, ev, by_msg, pre, 2, 1, count_rows, &(long){ 0 }) == MTRK_ESTORE, "outside a transaction");
    /* A read transaction sees what was committed, and nothing else. */
    CHECK(st->begin(st, 0) == 0, "begin: %s", st->errmsg(st));
    long n0 = 0;
    CHECK((rc = st->scan_many(st, ev, by_msg, pre, 2, np, count_rows, &n0)) == 0 && n0 == 0,
          "after rollback: %d, %ld rows", rc, n0);
    st->rollback(st);
}

/* ------------------------------------------------------------------ */
/* The typed operations of the event path                              */
/* ------------------------------------------------------------------ */

/* A bare messages row (by column name): the typed operations write the rest. */
static void message_row(mtrk_value *row, const unsigned char *tenant, const unsigned char *id)
{
    static const unsigned char other[16] = { 9 };
    const mtrk_table_def *def = mtrk_store_table(table_no("messages"));
    for (unsigned c = 0; c < def->ncols; c++) {
        const char *n = def->cols[c].name;
        if (c == 0)
            row[c] = vid(tenant);
        else if (strcmp(n, "id") == 0 || strcmp(n, "contact") == 0) /* one message per contact */
            row[c] = vid(id);
        else if (strcmp(n, "created_at") == 0)
            row[c] = vint(T0);
        else if (def->cols[c].flags & MTRK_COL_NULLABLE)
            row[c] = vnull();
        else if (def->cols[c].type == MTRK_VAL_BLOB)
            row[c] = vid(other);
        else
            row[c] = vint(1);
    }
}

static mtrk_id tid(unsigned char a, unsigned char b)
{
    mtrk_id id;
    memset(&id, 0, sizeof id);
    id.bytes[0] = a;
    id.bytes[1] = b;
    return id;
}

static mtrk_store_event tev(mtrk_id id, mtrk_id mid, int64_t occ, int64_t arr, const char *peid)
{
    mtrk_store_event e;
    memset(&e, 0, sizeof e);
    e.version = MTRK_STORE_EVENT_VERSION;
    e.id = id;
    e.message = mid;
    e.campaign = tid(9, 0);
    e.contact = tid(9, 1);
    e.type = 3;
    e.occurred_at = occ;
    e.arrived_at = arr;
    e.occurred_hour = occ / 3600000 * 3600000;
    e.provider = peid ? "ses" : NULL;
    e.provider_event_id = peid;
    e.user_agent = "Mozilla/5.0";
    e.effects = 5;
    return e;
}

/* What messages_load handed over: per message visited, its id, some
 * fields, and its events' ids in the order given. */
typedef struct loaded {
    int n;
    struct {
        mtrk_id id;
        int64_t state, opens;
        char pmid[32], links[32];
        int nev;
        mtrk_id ev[16];
        int64_t effects0;
        char ua0[32];
    } m[16];
} loaded;

static int load_cb(void *ud, const mtrk_store_message *m, const mtrk_store_event *const *ev, size_t n)
{
    loaded *l = ud;
    if (l->n == 16 || n > 16)
        return MTRK_ETOOLONG;
    int k = l->n++;
    l->m[k].id = m->id;
    l->m[k].state = m->state;
    l->m[k].opens = m->opens;
    snprintf(l->m[k].pmid, sizeof l->m[k].pmid, "%s", m->provider_message_id ? m->provider_message_id : "(null)");
    snprintf(l->m[k].links, sizeof l->m[k].links, "%s", m->folded_links ? m->folded_links : "(null)");
    l->m[k].nev = (int)n;
    for (size_t i = 0; i < n; i++)
        l->m[k].ev[i] = ev[i]->id;
    l->m[k].effects0 = n ? ev[0]->effects : -1;
    snprintf(l->m[k].ua0, sizeof l->m[k].ua0, "%s", n && ev[0]->user_agent ? ev[0]->user_agent : "(null)");
    return 0;
}

static int id_is(mtrk_id a, mtrk_id b) { return memcmp(a.bytes, b.bytes, 16) == 0; }

/* The visits of message `id` in l (each must carry the same events). */
static int visits(const loaded *l, mtrk_id id, int *at)
{
    int v = 0;
    for (int k = 0; k < l->n; k++)
        if (id_is(l->m[k].id, id)) {
            v++;
            *at = k;
        }
    return v;
}

typedef struct found {
    int n;
    size_t idx[8];
    mtrk_id ev[8];
} found;

static int find_cb(void *ud, size_t i, const mtrk_store_event *e)
{
    found *f = ud;
    if (f->n == 8)
        return MTRK_ETOOLONG;
    f->idx[f->n] = i;
    f->ev[f->n] = e->id;
    f->n++;
    return 0;
}

static int campaign_of(void *ud, const mtrk_value *row)
{
    const mtrk_value *v = &row[col_no(table_no("messages"), "campaign")];
    if (v->type == MTRK_VAL_BLOB && v->n == 16)
        memcpy(ud, v->p, 16);
    return 0;
}

static int fail_load(void *ud, const mtrk_store_message *m, const mtrk_store_event *const *ev, size_t n)
{
    (void)ud;
    (void)m;
    (void)ev;
    (void)n;
    return MTRK_ETOOLONG;
}

/* The codes of an events row (verdict, type, effects), as a get reads them. */
static int64_t codes_got[3];
static int codes_row(void *ud, const mtrk_value *row)
{
    (void)ud;
    unsigned ev = table_no("events");
    codes_got[0] = row[col_no(ev, "verdict")].i;
    codes_got[1] = row[col_no(ev, "type")].i;
    codes_got[2] = row[col_no(ev, "effects")].i;
    return 0;
}

static void test_typed(mtrk_store *st)
{
    CHECK(st->version >= 4 && st->messages_load && st->provider_ids_find && st->events_append &&
              st->messages_update,
          "the pg store has the typed operations (version 4)");
    if (st->version < 4 || !st->messages_load || !st->provider_ids_find || !st->events_append || !st->messages_update)
        return;
    unsigned msgt = table_no("messages");
    mtrk_id tenant = tid(1, 0), m1 = tid(0x30, 1), m2 = tid(0x30, 2), m3 = tid(0x30, 3), gone = tid(0x30, 9);
    int64_t T = T0 + 14 * DAY, A = T0 + 15 * DAY;
    mtrk_value r1[64], r2[64], r3[64];
    message_row(r1, tenant.bytes, m1.bytes);
    message_row(r2, tenant.bytes, m2.bytes);
    message_row(r3, tenant.bytes, m3.bytes);
    mtrk_change ins[3] = { { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, msgt, r1, 0 },
                           { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, msgt, r2, 0 },
                           { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, msgt, r3, 0 } };
    /* m1's mark is (T, A, mark id); m3's (0, 0, id 0x50): times of 0 are
     * stored NULL and must still compare as 0. */
    mtrk_id markid = tid(0x20, 0x20);
    mtrk_store_message full[3];
    for (int i = 0; i < 3; i++) {
        memset(&full[i], 0, sizeof full[i]);
        full[i].version = MTRK_STORE_MESSAGE_VERSION;
        full[i].id = i == 0 ? m1 : i == 1 ? m2 : m3;
        full[i].campaign = tid(9, 0);
        full[i].contact = tid(9, 1);
        full[i].state = 4;
        full[i].created_at = T0;
        full[i].opens = 10 + i;
        full[i].provider_message_id = "pm-1";
    }
    full[0].folded_occurred_at = T;
    full[0].folded_arrived_at = A;
    full[0].folded_event = markid;
    full[0].folded_links = "L1";
    full[2].folded_event = tid(0x50, 0);
    const mtrk_store_message *fp[3] = { &full[0], &full[1], &full[2] };
    /* m1: before the mark (earlier time; same time, earlier arrival; the
     * mark itself), after it (same time and arrival, greater id; ids whose
     * first bytes are 0x7f and 0x80: bytewise, unsigned; a later time). */
    mtrk_store_event ev[] = {
        tev(tid(0x10, 1), m1, T - 1000, A + 5, "p1"),     /* 0 before */
        tev(markid, m1, T, A, "p2"),                      /* 1 the mark */
        tev(tid(0x20, 0x21), m1, T, A, "p3"),             /* 2 after */
        tev(tid(0xff, 1), m1, T, A - 1, NULL),            /* 3 before */
        tev(tid(0x01, 1), m1, T + 1, A - 100, NULL),      /* 4 after, last */
        tev(tid(0x80, 1), m1, T, A + 1, NULL),            /* 5 after */
        tev(tid(0x7f, 1), m1, T, A + 1, NULL),            /* 6 after, before 5 */
        tev(tid(0x40, 3), m2, T + 70 * DAY, A, NULL),     /* 7 m2 (another month), last */
        tev(tid(0x40, 1), m2, T, A + 3, NULL),            /* 8 m2 */
        tev(tid(0x40, 2), m2, T, A + 2, NULL),            /* 9 m2, first */
        tev(tid(0x49, 1), m3, 0, 0, NULL),                /* 10 m3: before its mark */
        tev(tid(0x51, 1), m3, 0, 0, NULL),                /* 11 m3: after */
        tev(tid(0x05, 1), m3, 0, 5, NULL),                /* 12 m3: after, last */
    };
    enum { NEV = sizeof ev / sizeof ev[0] };
    ev[2].user_agent = NULL;
    ev[2].effects = 9;
    const mtrk_store_event *ep[NEV];
    for (int i = 0; i < NEV; i++)
        ep[i] = &ev[i];
    int rc;
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    CHECK((rc = st->apply(st, ins, 3)) == 0, "insert messages: %d %s", rc, st->errmsg(st));
    CHECK((rc = st->messages_update(st, tenant, fp, NULL, 3)) == 0, "messages_update: %d %s", rc, st->errmsg(st));
    CHECK((rc = st->events_append(st, tenant, ep, NEV)) == 0, "events_append: %d %s", rc, st->errmsg(st));
    /* Read in the same transaction: the deferred writes are seen. */
    mtrk_id ask[6] = { m1, gone, m2, m1, m3, tid(0x77, 0) };
    loaded l;
    memset(&l, 0, sizeof l);
    rc = st->messages_load(st, tenant, ask, 6, load_cb, &l);
    CHECK(rc == 0, "messages_load: %d %s", rc, st->errmsg(st));
    int at = -1, v;
    CHECK(visits(&l, gone, &at) == 0 && visits(&l, tid(0x77, 0), &at) == 0, "a missing message was visited");
    v = visits(&l, m1, &at);
    CHECK(v >= 1 && v <= 2, "m1 (asked twice) visited %d times", v);
    if (v >= 1) {
        static const int want[] = { 2, 6, 5, 4 };
        CHECK(l.m[at].nev == 4, "m1: %d events past its mark, want 4", l.m[at].nev);
        for (int i = 0; i < 4 && i < l.m[at].nev; i++)
            CHECK(id_is(l.m[at].ev[i], ev[want[i]].id), "m1: event %d is not event %d", i, want[i]);
        CHECK(l.m[at].opens == 10 && l.m[at].state == 4 && strcmp(l.m[at].pmid, "pm-1") == 0 &&
                  strcmp(l.m[at].links, "L1") == 0,
              "m1's fields: opens %lld state %lld pmid %s links %s", (long long)l.m[at].opens,
              (long long)l.m[at].state, l.m[at].pmid, l.m[at].links);
        CHECK(l.m[at].effects0 == 9 && strcmp(l.m[at].ua0, "(null)") == 0, "m1's first event's fields: %lld %s",
              (long long)l.m[at].effects0, l.m[at].ua0);
    }
    if (visits(&l, m2, &at) == 1) {
        static const int want[] = { 9, 8, 7 };
        CHECK(l.m[at].nev == 3, "m2 (no mark): %d events, want 3", l.m[at].nev);
        for (int i = 0; i < 3 && i < l.m[at].nev; i++)
            CHECK(id_is(l.m[at].ev[i], ev[want[i]].id), "m2: event %d is not event %d", i, want[i]);
        CHECK(strcmp(l.m[at].links, "(null)") == 0 && l.m[at].opens == 11, "m2's fields");
    } else {
        CHECK(0, "m2 visited %d times", visits(&l, m2, &at));
    }
    if (visits(&l, m3, &at) == 1) {
        CHECK(l.m[at].nev == 2 && id_is(l.m[at].ev[0], ev[11].id) && id_is(l.m[at].ev[1], ev[12].id),
              "m3 (a mark at time 0): %d events", l.m[at].nev);
    } else {
        CHECK(0, "m3 visited %d times", visits(&l, m3, &at));
    }
    /* fn's negative code ends the call with it. */
    CHECK(st->messages_load(st, tenant, ask, 0, load_cb, &l) == 0, "messages_load of no message");

    /* provider_ids_find: found pairs once each, by index; missing and
     * half-NULL pairs not. */
    const char *prov[5] = { "ses", "ses", NULL, "ses", "other" };
    const char *peid[5] = { "p3", "nope", "p1", "p1", "p1" };
    found f;
    memset(&f, 0, sizeof f);
    rc = st->provider_ids_find(st, tenant, prov, peid, 5, find_cb, &f);
    CHECK(rc == 0 && f.n == 2, "provider_ids_find: %d, %d found %s", rc, f.n, st->errmsg(st));
    for (int i = 0; i < f.n; i++)
        CHECK((f.idx[i] == 0 && id_is(f.ev[i], ev[2].id)) || (f.idx[i] == 3 && id_is(f.ev[i], ev[0].id)),
              "provider_ids_find: pair %zu gave the wrong event", f.idx[i]);
    memset(&f, 0, sizeof f);
    rc = st->provider_ids_find(st, tid(2, 0), prov, peid, 5, find_cb, &f);
    CHECK(rc == 0 && f.n == 0, "provider_ids_find, another tenant: %d, %d found", rc, f.n);

    /* messages_update with a mask writes only its groups: FACTS changes
     * opens, not state, campaign nor the mark. */
    mtrk_store_message u = full[0];
    u.opens = 99;
    u.state = 7;
    u.campaign = tid(8, 8);
    u.folded_event = tid(0, 0);
    u.folded_links = NULL;
    const mtrk_store_message *up = &u;
    unsigned facts = MTRK_STORE_MSG_FACTS;
    CHECK((rc = st->messages_update(st, tenant, &up, &facts, 1)) == 0, "masked update: %d %s", rc, st->errmsg(st));
    memset(&l, 0, sizeof l);
    rc = st->messages_load(st, tenant, &m1, 1, load_cb, &l);
    CHECK(rc == 0 && l.n == 1 && l.m[0].opens == 99 && l.m[0].state == 4 && l.m[0].nev == 4 &&
              strcmp(l.m[0].links, "L1") == 0,
          "after a FACTS update: %d, opens %lld state %lld events %d links %s", rc, (long long)l.m[0].opens,
          (long long)l.m[0].state, l.m[0].nev, l.m[0].links);
    char q[512];
    /* The update is in the transaction, not committed: seen through the store only; the
     * campaign column is never written by an update. */
    unsigned char camp[16] = { 0xee };
    mtrk_value key[2] = { vid(tenant.bytes), vid(m1.bytes) };
    rc = st->get(st, msgt, key, campaign_of, camp);
    CHECK(rc == 0 && memcmp(camp, full[0].campaign.bytes, 16) == 0, "an update wrote the campaign: %d", rc);
    /* STATE then MARK for the same message in one call: both land. */
    mtrk_store_message u2 = u;
    u2.opens = 1;
    const mtrk_store_message *two[2] = { &u, &u2 };
    unsigned masks[2] = { MTRK_STORE_MSG_STATE, MTRK_STORE_MSG_MARK };
    CHECK((rc = st->messages_update(st, tenant, two, masks, 2)) == 0, "repeated id: %d %s", rc, st->errmsg(st));
    memset(&l, 0, sizeof l);
    rc = st->messages_load(st, tenant, &m1, 1, load_cb, &l);
    CHECK(rc == 0 && l.n == 1 && l.m[0].state == 7 && l.m[0].opens == 99 && l.m[0].nev == 7 &&
              strcmp(l.m[0].links, "(null)") == 0,
          "after STATE and MARK: %d, state %lld opens %lld events %d (all, the mark cleared) links %s", rc,
          (long long)l.m[0].state, (long long)l.m[0].opens, l.m[0].nev, l.m[0].links);
    /* fn's code aborts the load. */
    rc = st->messages_load(st, tenant, ask, 6, fail_load, NULL);
    CHECK(rc == MTRK_ETOOLONG, "messages_load aborted by fn: %d", rc);
    st->rollback(st);
    snprintf(q, sizeof q, "SELECT count(*) FROM messages");
    CHECK(sql_int(q) == 0, "the rolled-back messages remain");

    /* An append repeating a stored provider pair, a pair twice in one
     * call, an id stored already: MTRK_EEXISTS at the call or later (at
     * the next call, and every call after, until rollback). */
    for (int k = 0; k < 3; k++) {
        CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
        rc = st->apply(st, ins, 1);
        if (rc == 0)
            rc = st->events_append(st, tenant, ep, 3);
        CHECK(rc == 0, "append: %d %s", rc, st->errmsg(st));
        mtrk_store_event d1 = tev(tid(0x60, 1), m1, T, A, k == 0 ? "p1" : "new"), d2 = d1;
        d2.id = k == 2 ? ev[1].id : tid(0x60, 2);
        d2.provider_event_id = k == 2 ? "new-2" : d1.provider_event_id;
        const mtrk_store_event *dp[2] = { &d1, &d2 };
        rc = st->events_append(st, tenant, dp, k == 0 ? 1 : 2);
        if (rc == 0) {
            memset(&l, 0, sizeof l);
            rc = st->messages_load(st, tenant, &m1, 1, load_cb, &l);
        }
        CHECK(rc == MTRK_EEXISTS, "duplicate %d: %d %s", k, rc, st->errmsg(st));
        rc = st->provider_ids_find(st, tenant, prov, peid, 5, find_cb, &f);
        CHECK(rc == MTRK_EEXISTS, "duplicate %d, the failure sticks: %d", k, rc);
        CHECK((rc = st->commit(st)) == MTRK_EEXISTS, "duplicate %d at commit: %d", k, rc);
        st->rollback(st);
    }

    /* An update of a missing message: a failure at the call or later
     * (MTRK_ESTORE once deferred, as apply's). */
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    rc = st->apply(st, ins, 1);
    mtrk_store_message g = full[1];
    g.id = gone;
    const mtrk_store_message *gp[2] = { &full[0], &g };
    if (rc == 0)
        rc = st->messages_update(st, tenant, gp, NULL, 2);
    if (rc == 0)
        rc = st->messages_load(st, tenant, &m1, 1, load_cb, &l);
    CHECK(rc == MTRK_ESTORE || rc == MTRK_ENOTFOUND, "update of a missing message: %d %s", rc, st->errmsg(st));
    st->rollback(st);

    /* The stored codes are narrow (smallint, the effects integer): a code
     * out of their range is refused by name, nothing written; the codes
     * at the edges of the range read back as written. */
    CHECK(sql_int("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() AND "
                  "table_name = 'events' AND ((column_name IN ('type', 'bounce_kind', 'verdict', 'unsub_scope', "
                  "'unsub_source') AND data_type = 'smallint') OR (column_name = 'effects' AND data_type = "
                  "'integer'))") == 6,
          "events' codes smallint, effects integer");
    CHECK(sql_int("SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
                  "a.attnum = i.indkey[0] WHERE i.indrelid = 'events'::regclass AND a.attname = 'tenant'") == 0,
          "no index of events is led by the tenant");
    mtrk_store_event big = tev(tid(0x70, 1), m1, T, A, "range-1");
    big.effects = 0x10000;
    big.verdict = 32768;
    const mtrk_store_event *bp = &big;
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    rc = st->apply(st, ins, 1);
    if (rc == 0)
        rc = st->events_append(st, tenant, &bp, 1);
    CHECK(rc == MTRK_EINVAL && strstr(st->errmsg(st), "verdict 32768 is out of range") != NULL,
          "a code out of range: %d %s", rc, st->errmsg(st));
    st->rollback(st);
    /* The same in a batch that goes by COPY (more than two events). */
    mtrk_store_event fine1 = tev(tid(0x70, 2), m1, T, A, "range-2"), fine2 = tev(tid(0x70, 3), m1, T, A, "range-3");
    const mtrk_store_event *batch3[3] = { &fine1, &fine2, &big };
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    rc = st->apply(st, ins, 1);
    if (rc == 0)
        rc = st->events_append(st, tenant, batch3, 3);
    CHECK(rc == MTRK_EINVAL && strstr(st->errmsg(st), "event 2: verdict 32768 is out of range") != NULL,
          "a code out of range in a COPY: %d %s", rc, st->errmsg(st));
    st->rollback(st);
    big.verdict = -32768;
    big.type = 32767;
    mtrk_value bkey[2] = { vid(tenant.bytes), vid(big.id.bytes) };
    memset(codes_got, 0, sizeof codes_got);
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    rc = st->apply(st, ins, 1);
    if (rc == 0)
        rc = st->events_append(st, tenant, &bp, 1);
    if (rc == 0)
        rc = st->get(st, table_no("events"), bkey, codes_row, NULL);
    CHECK(rc == 0 && codes_got[0] == -32768 && codes_got[1] == 32767 && codes_got[2] == 65536,
          "codes at the edges read back as written: %d %lld %lld %lld %s", rc, (long long)codes_got[0],
          (long long)codes_got[1], (long long)codes_got[2], st->errmsg(st));
    st->rollback(st);

    /* Writes need a write transaction. */
    CHECK(st->begin(st, 0) == 0, "begin: %s", st->errmsg(st));
    CHECK(st->events_append(st, tenant, ep, 1) == MTRK_ESTORE, "events_append in a read transaction");
    CHECK(st->messages_update(st, tenant, fp, NULL, 1) == MTRK_ESTORE, "messages_update in a read transaction");
    st->rollback(st);
}

/* A campaign's events read a page at a time (events_by_campaign, the
 * core's rebuild and retention): cpage takes up to `page` rows per scan,
 * then stops, on odd pages at the row it takes last, on even pages at the
 * next row without taking it. */
typedef struct cpage {
    unsigned c_hour, c_ip;
    int page, in_page, stop_taking;
    int n;
    int64_t hour[1024];
    unsigned char id[1024][16];
} cpage;

static int cpage_row(void *ud, const mtrk_value *row)
{
    cpage *p = ud;
    if (!p->stop_taking && p->in_page == p->page)
        return 1;
    if (p->n < 1024) {
        p->hour[p->n] = row[p->c_hour].i;
        memcpy(p->id[p->n], row[1].p, 16);
    }
    p->n++;
    p->in_page++;
    return p->stop_taking && p->in_page == p->page ? 1 : 0;
}

typedef struct ckey {
    int64_t hour;
    unsigned char id[16];
} ckey;

static int ckey_cmp(const void *a, const void *b)
{
    const ckey *x = a, *y = b;
    if (x->hour != y->hour)
        return x->hour < y->hour ? -1 : 1;
    return memcmp(x->id, y->id, 16);
}

/* The pages of a campaign's events (events_by_campaign: its index holds no
 * id, docs/decisions.md §49): every row once, in the order of the hour then
 * the id, whatever the page size; a page resumes the scan's cursor, so a
 * row another connection commits meanwhile just past the position is not
 * among them (one snapshot), an update of a row already read leaves the
 * cursor alone, and an insert or a delete in the transaction is seen. */
static void test_campaign_pages(mtrk_store *st)
{
    unsigned ev = table_no("events");
    int by_camp = index_no(ev, "events_by_campaign");
    unsigned c_camp = col_no(ev, "campaign"), c_hour = col_no(ev, "occurred_hour"), c_ip = col_no(ev, "ip"),
             c_msg = col_no(ev, "message");
    CHECK(by_camp >= 0, "events_by_campaign not found");
    static const unsigned char tenant[16] = { 7 }, camp[16] = { 7, 1 }, other[16] = { 7, 2 }, msg[16] = { 7, 3 };
    enum { NE = 700, NO = 50 };
    static unsigned char ids[NE + NO + 2][16];
    static char peid[NE + NO + 2][24];
    static mtrk_value rows[NE + NO + 2][64];
    static ckey want[NE + 2];
    int nwant = 0, rc = 0;
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    for (int i = 0; i < NE + NO + 2; i++) {
        /* ids 4 apart (a free id after each), inserted out of their order */
        unsigned k = (unsigned)((i * 337) % (NE + NO + 2)) * 4 + 4;
        ids[i][0] = 0x70;
        ids[i][13] = (unsigned char)(k >> 16);
        ids[i][14] = (unsigned char)(k >> 8);
        ids[i][15] = (unsigned char)k;
        snprintf(peid[i], sizeof peid[i], "cp-%d", i);
        int64_t hour = T0 + 20 * DAY + (int64_t)(i % 3) * 3600000;
        event_row(rows[i], tenant, ids[i], hour + 1000 * (i % 7), peid[i]);
        rows[i][c_hour] = vint(hour);
        rows[i][c_camp] = vid(i >= NE && i < NE + NO ? other : camp);
        rows[i][c_msg] = vid(msg);
        if (i < NE) {
            want[nwant].hour = hour;
            memcpy(want[nwant++].id, ids[i], 16);
            mtrk_change ci = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, ev, rows[i], 0 };
            if (rc == 0)
                rc = st->apply(st, &ci, 1);
        } else if (i < NE + NO) {
            mtrk_change ci = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, ev, rows[i], 0 };
            if (rc == 0)
                rc = st->apply(st, &ci, 1);
        }
    }
    CHECK(rc == 0, "campaign pages: inserts: %d %s", rc, st->errmsg(st));
    /* rows[NE + NO]: inserted by the transaction between pages; a row of
     * the campaign deleted between pages; the other connection's row. */
    int64_t late_hour = T0 + 20 * DAY + 2 * 3600000;
    rows[NE + NO][c_hour] = vint(late_hour);
    want[nwant].hour = late_hour;
    memcpy(want[nwant++].id, ids[NE + NO], 16);
    int deleted = -1;
    ckey admin_key = { 0, { 0 } };
    static cpage p;
    memset(&p, 0, sizeof p);
    p.c_hour = c_hour;
    p.c_ip = c_ip;
    p.page = 64;
    /* A page resumes after the last row's sort key past the prefix: (the
     * hour, the tenant, the id). */
    unsigned cols[64];
    size_t nkey = sort_key_cols(ev, by_camp, cols);
    mtrk_value pre[2] = { vid(tenant), vid(camp) }, start[8];
    unsigned char start_id[16];
    int pages = 0;
    for (; rc == 0 && pages < 100; pages++) {
        p.in_page = 0;
        p.stop_taking = pages % 2;
        rc = st->scan(st, ev, by_camp, pre, 2, pages ? start : NULL, pages ? (unsigned)nkey - 2 : 0,
                      pages ? MTRK_SCAN_AFTER : 0, cpage_row, &p);
        if (rc || p.in_page == 0)
            break;
        int last = p.n - 1;
        memcpy(start_id, p.id[last], 16);
        for (size_t j = 2; j < nkey && j < 10; j++)
            start[j - 2] = cols[j] == c_hour ? vint(p.hour[last]) : cols[j] == 1 ? vid(start_id)
                         : cols[j] == c_camp ? vid(camp) : vid(tenant);
        char q[1024];
        if (pages == 1) {
            /* Another connection commits a row just past the position. */
            admin_key.hour = p.hour[last];
            memcpy(admin_key.id, start_id, 16);
            admin_key.id[15]++;
            char hex[33];
            for (int b = 0; b < 16; b++)
                snprintf(hex + 2 * b, 3, "%02x", admin_key.id[b]);
            snprintf(q, sizeof q,
                     "SET session_replication_role = replica; INSERT INTO events (tenant, id, message, campaign, "
                     "contact, type, occurred_at, arrived_at, occurred_hour, bounce_kind, verdict, unsub_scope, "
                     "unsub_source, effects) VALUES ('07000000-0000-0000-0000-000000000000', '%s', "
                     "'07030000-0000-0000-0000-000000000000', '07010000-0000-0000-0000-000000000000', "
                     "'07030000-0000-0000-0000-000000000000', 1, %lld, %lld, %lld, 0, 0, 0, 0, 0); "
                     "SET session_replication_role = DEFAULT",
                     hex, (long long)admin_key.hour, (long long)admin_key.hour, (long long)admin_key.hour);
            CHECK(sql(q) == 0, "the other connection's row");
            /* An update of a row already read (not a key column). */
            for (int i = 0; i < NE; i++)
                if (memcmp(ids[i], p.id[0], 16) == 0) {
                    rows[i][c_ip] = vtext("192.0.2.1");
                    mtrk_change cu = { MTRK_CHANGE_VERSION, MTRK_CHANGE_UPDATE, ev, rows[i],
                                       (uint64_t)1 << c_ip };
                    rc = st->apply(st, &cu, 1);
                    CHECK(rc == 0, "update between pages: %d %s", rc, st->errmsg(st));
                }
        } else if (pages == 4) {
            mtrk_change ci = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, ev, rows[NE + NO], 0 };
            rc = st->apply(st, &ci, 1);
            CHECK(rc == 0, "insert between pages: %d %s", rc, st->errmsg(st));
        } else if (pages == 6) {
            /* A row past the position, not read yet. */
            ckey pos = { p.hour[last], { 0 } };
            memcpy(pos.id, start_id, 16);
            for (int w = 0; w < nwant && deleted < 0; w++)
                if (ckey_cmp(&want[w], &pos) > 0 && want[w].hour == pos.hour)
                    deleted = w;
            for (int i = 0; deleted >= 0 && i < NE; i++)
                if (memcmp(ids[i], want[deleted].id, 16) == 0) {
                    mtrk_change cd = { MTRK_CHANGE_VERSION, MTRK_CHANGE_DELETE, ev, rows[i], 0 };
                    rc = st->apply(st, &cd, 1);
                    CHECK(rc == 0, "delete between pages: %d %s", rc, st->errmsg(st));
                }
        }
    }
    CHECK(rc == 0, "campaign pages: %d %s", rc, st->errmsg(st));
    CHECK(deleted >= 0, "campaign pages: no row to delete");
    if (deleted >= 0)
        want[deleted] = want[--nwant];
    qsort(want, (size_t)nwant, sizeof *want, ckey_cmp);
    int same = p.n == nwant;
    for (int i = 0; same && i < nwant; i++)
        same = p.hour[i] == want[i].hour && memcmp(p.id[i], want[i].id, 16) == 0;
    int admin_seen = 0;
    for (int i = 0; i < p.n && i < 1024; i++)
        admin_seen |= p.hour[i] == admin_key.hour && memcmp(p.id[i], admin_key.id, 16) == 0;
    CHECK(same, "campaign pages: %d rows in %d pages, expected the %d rows in the order of the hour and the id",
          p.n, pages, nwant);
    CHECK(!admin_seen, "campaign pages: a row committed by another connection after the first page is among them");
    /* Descending, from the start: every row of the transaction's view
     * (now with the other connection's row: a new scan sees it). */
    long n = 0;
    rc = st->scan(st, ev, by_camp, pre, 2, NULL, 0, MTRK_SCAN_DESC, count_rows, &n);
    CHECK(rc == 0 && n == nwant + 1, "campaign, descending: %d, %ld rows, expected %d", rc, n, nwant + 1);
    /* A deferred write's failure sticks: a page that the rows of the
     * cursor's last FETCH would serve fails too. */
    p.n = p.in_page = 0;
    p.page = 4;
    p.stop_taking = 1;
    rc = st->scan(st, ev, by_camp, pre, 2, NULL, 0, 0, cpage_row, &p);
    CHECK(rc == 0 && p.n == 4, "campaign, first 4 rows: %d, %d rows", rc, p.n);
    memcpy(start_id, p.id[3], 16);
    for (size_t j = 2; j < nkey && j < 10; j++)
        start[j - 2] = cols[j] == c_hour ? vint(p.hour[3]) : cols[j] == 1 ? vid(start_id)
                     : cols[j] == c_camp ? vid(camp) : vid(tenant);
    mtrk_change dup = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, ev, rows[NE], 0 }; /* another campaign's, stored */
    mtrk_value dkey[2] = { vid(tenant), vid(ids[0]) };
    rc = st->apply(st, &dup, 1);
    if (rc == 0)
        rc = st->get(st, ev, dkey, count_row, NULL);
    CHECK(rc == MTRK_EEXISTS, "campaign pages: a duplicate insert: %d %s", rc, st->errmsg(st));
    p.in_page = 0;
    rc = st->scan(st, ev, by_camp, pre, 2, start, (unsigned)nkey - 2, MTRK_SCAN_AFTER, cpage_row, &p);
    CHECK(rc == MTRK_EEXISTS && p.in_page == 0, "campaign pages after a failed write: %d, %d rows", rc, p.in_page);
    st->rollback(st);
    sql("DELETE FROM events WHERE tenant = '07000000-0000-0000-0000-000000000000'");
}

/* Tuples the messages table's indexes returned, as far as the server's
 * statistics know: after the store's connection ended (its backend flushes
 * its counts when it exits), waited for. */
static long long messages_index_reads(const char *app)
{
    char q[512];
    for (int i = 0; i < 100; i++) {
        snprintf(q, sizeof q, "SELECT count(*) FROM pg_stat_activity WHERE application_name = '%s'", app);
        if (sql_int(q) == 0)
            break;
        usleep(50000);
    }
    snprintf(q, sizeof q, "SELECT coalesce(sum(idx_tup_read), 0) FROM pg_stat_user_indexes WHERE schemaname = '%s' "
                          "AND relname = 'messages'", schema);
    return sql_int(q);
}

/* Rows of messages for the tenant 02..., ids 02...-i for i in [a, b], inserted
 * by the admin connection with the tables' triggers off (no campaigns or
 * contacts behind them: only the reads below look at them). */
static void insert_messages(int a, int b)
{
    char q[1024];
    snprintf(q, sizeof q,
             "SET session_replication_role = replica; INSERT INTO messages (tenant, id, campaign, contact, state, "
             "cancel_reason, created_at, lease_until, sent_at, delivered_at, bounced_at, first_open_at, first_click_at, "
             "first_complaint_at, first_unsub_at, opens, clicks, soft_bounces, flags) SELECT "
             "'02000000-0000-0000-0000-000000000000', ('02000000-0000-0000-0000-' || lpad(to_hex(i), 12, '0'))::uuid, "
             "'09000000-0000-0000-0000-000000000000', gen_random_uuid(), 1, 0, %lld, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 "
             "FROM generate_series(%d, %d) i; SET session_replication_role = DEFAULT",
             T0, a, b);
    CHECK(sql(q) == 0, "inserting messages %d to %d", a, b);
}

/* Reads messages 1..3 of tenant 02... by key on st, n times: messages_load
 * (with their events) and get_many, each in a read transaction. */
static void keyed_reads(mtrk_store *st, int n)
{
    mtrk_id tenant = tid(2, 0), mids[3];
    mtrk_value keys[6];
    unsigned msgt = table_no("messages");
    for (int i = 0; i < 3; i++) {
        mids[i] = tid(2, 0);
        mids[i].bytes[15] = (unsigned char)(i + 1);
    }
    for (int i = 0; i < 3; i++) {
        keys[2 * i] = vid(tenant.bytes);
        keys[2 * i + 1] = vid(mids[i].bytes);
    }
    for (int k = 0; k < n; k++) {
        loaded l;
        memset(&l, 0, sizeof l);
        long rows = 0;
        int rc = st->begin(st, 0);
        CHECK(rc == 0, "begin: %s", st->errmsg(st));
        CHECK((rc = st->messages_load(st, tenant, mids, 3, load_cb, &l)) == 0 && l.n == 3,
              "messages_load: %d %s, %d messages", rc, st->errmsg(st), l.n);
        CHECK((rc = st->get_many(st, msgt, keys, 3, count_rows, &rows)) == 0 && rows == 3,
              "get_many: %d %s, %ld rows", rc, st->errmsg(st), rows);
        st->rollback(st);
    }
}

/* The reads by arrays of keys (messages_load, get_many) look each key up
 * through the primary key whatever the table's size was when the
 * connection first ran them: a generic plan the server made while the
 * table held three rows reads the tenant's whole range at every execution
 * until the next ANALYZE (none here: autovacuum off on messages), and the
 * store must not run with such a plan. Checked through the server's
 * count of index tuples read. Then, after an ANALYZE, a new connection's
 * reads, which the store may now run with generic plans, read by key too. */
static void test_keyed_plans(const char *ci_base)
{
    char ci[4200];
    const char *app = "mtrk_pg_test_keyed";
    snprintf(ci, sizeof ci, "%s application_name=%s", ci_base, app);
    CHECK(sql("ALTER TABLE messages SET (autovacuum_enabled = false)") == 0, "autovacuum off");
    insert_messages(1, 3);
    mtrk_store *st = NULL;
    int rc = mtrk_store_pg_new(&st, ci, NULL);
    CHECK(rc == 0, "store: %s", mtrk_last_errmsg());
    if (rc)
        return;
    keyed_reads(st, 6); /* the plans of a three-row table */
    enum { MORE = 20000 };
    insert_messages(4, 3 + MORE);
    long long before = messages_index_reads("-");
    keyed_reads(st, 3);
    mtrk_store_free(st);
    long long read = messages_index_reads(app) - before;
    CHECK(read >= 0 && read < MORE, "3 rounds of keyed reads of 3 messages read %lld index tuples of messages "
                                     "(a plan made for 3 rows walks the tenant's %d)", read, MORE + 3);
    CHECK(sql("ANALYZE messages") == 0, "analyze");
    rc = mtrk_store_pg_new(&st, ci, NULL);
    CHECK(rc == 0, "store: %s", mtrk_last_errmsg());
    if (rc)
        return;
    before = messages_index_reads("-");
    keyed_reads(st, 3);
    mtrk_store_free(st);
    read = messages_index_reads(app) - before;
    CHECK(read >= 0 && read < MORE, "after ANALYZE: 3 rounds of keyed reads read %lld index tuples", read);
    CHECK(sql("DELETE FROM messages WHERE tenant = '02000000-0000-0000-0000-000000000000'") == 0, "cleaning up");
    CHECK(sql("ALTER TABLE messages RESET (autovacuum_enabled)") == 0, "autovacuum on");
}

static int test_store(void)
{
    fresh_schema();
    mtrk_store *st = NULL;
    char ci[4096];
    snprintf(ci, sizeof ci, "%s options='-csearch_path=%s' application_name=mtrk_pg_test_victim", conninfo, schema);
    int rc = mtrk_store_pg_new(&st, ci, NULL);
    CHECK(rc == 0, "mtrk_store_pg_new: %s", mtrk_last_errmsg());
    if (rc)
        return 1;
    unsigned ev = table_no("events");
    unsigned char tenant[16] = { 1 }, id1[16] = { 1, 1 }, id2[16] = { 1, 2 }, id3[16] = { 1, 3 };
    mtrk_value r1[64], r2[64];

    /* Writes are deferred (sent into the pipeline, read back with the next
     * read from the server or the commit): a failure shows at apply or at the next call of
     * the transaction, and then at every call until the rollback. */
    /* Same provider event id, January and March: refused. */
    event_row(r1, tenant, id1, T0 + 14 * DAY, "dup-1");
    event_row(r2, tenant, id2, T0 + 70 * DAY, "dup-1");
    mtrk_change c1 = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, ev, r1, 0 }, c2 = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, ev, r2, 0 };
    unsigned char key_t[16] = { 1 };
    mtrk_value key[2] = { vid(key_t), vid(id1) }, key3[2] = { vid(key_t), vid(id3) };
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    CHECK((rc = st->apply(st, &c1, 1)) == 0, "first insert: %d %s", rc, st->errmsg(st));
    rc = st->apply(st, &c2, 1);
    if (rc == 0)
        rc = st->commit(st);
    CHECK(rc == MTRK_EEXISTS, "provider duplicate in another month: %d %s", rc, st->errmsg(st));
    CHECK(strstr(st->errmsg(st), "23505") != NULL, "no SQLSTATE in the message: %s", st->errmsg(st));
    CHECK((rc = st->commit(st)) == MTRK_EEXISTS, "a second commit after the failure: %d", rc);
    st->rollback(st);
    /* The same within one apply (one pipeline); reported by the next read. */
    mtrk_change both[2] = { c1, c2 };
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    rc = st->apply(st, both, 2);
    if (rc == 0) /* a row the store has not cached: a read from the server */
        rc = st->get(st, ev, key3, count_row, NULL);
    CHECK(rc == MTRK_EEXISTS, "provider duplicate in one apply, seen by a get: %d %s", rc, st->errmsg(st));
    rc = st->scan(st, ev, MTRK_INDEX_PK, key, 1, NULL, 0, 0, count_row, NULL);
    CHECK(rc == MTRK_EEXISTS, "the failure sticks (scan): %d", rc);
    CHECK((rc = st->apply(st, &c1, 1)) == MTRK_EEXISTS, "the failure sticks (apply): %d", rc);
    CHECK((rc = st->commit(st)) == MTRK_EEXISTS, "the failure sticks (commit): %d", rc);
    st->rollback(st);
    /* Same (tenant, id), January and March: refused. */
    event_row(r2, tenant, id1, T0 + 70 * DAY, "other-2");
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    CHECK((rc = st->apply(st, &c1, 1)) == 0, "first insert: %d %s", rc, st->errmsg(st));
    rc = st->apply(st, &c2, 1);
    if (rc == 0)
        rc = st->commit(st);
    CHECK(rc == MTRK_EEXISTS, "id duplicate in another month: %d %s", rc, st->errmsg(st));
    st->rollback(st);
    /* Distinct keys in two months: accepted; a read sees both (rolled back:
     * no parents, the foreign keys would refuse the commit). */
    event_row(r2, tenant, id3, T0 + 70 * DAY, "other-3");
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    CHECK((rc = st->apply(st, both, 2)) == 0, "two months: %d %s", rc, st->errmsg(st));
    long seen = 0;
    rc = st->scan(st, ev, MTRK_INDEX_PK, key, 1, NULL, 0, 0, count_rows, &seen);
    CHECK(rc == 0 && seen == 2, "a scan after deferred writes sees them: %d, %ld rows %s", rc, seen, st->errmsg(st));
    st->rollback(st);
    /* get_many: one statement for many keys; sees the transaction's own
     * (deferred) writes; keys without a row, or that cannot name one (an id
     * of 3 bytes, a wrong type), are skipped; fn may stop it. */
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    CHECK((rc = st->apply(st, both, 2)) == 0, "two months: %d %s", rc, st->errmsg(st));
    {
        unsigned char idx[16] = { 1, 0x55 };
        mtrk_value many[12] = { vid(key_t), vid(id1), vid(key_t), vid(idx), vid(key_t), vid(id3),
                                vid(key_t), { MTRK_VAL_BLOB, 0, idx, 3 }, vid(key_t), vint(7), vid(key_t), vid(id3) };
        seen = 0;
        rc = st->get_many(st, ev, many, 6, count_rows, &seen);
        CHECK(rc == 0 && seen >= 2 && seen <= 3, "get_many: %d, %ld rows %s", rc, seen, st->errmsg(st));
        seen = 0;
        rc = st->get_many(st, ev, many, 1, count_rows, &seen);
        CHECK(rc == 0 && seen == 1, "get_many of one key: %d, %ld rows %s", rc, seen, st->errmsg(st));
        rc = st->get_many(st, ev, many, 6, stop_row, NULL);
        CHECK(rc == 0, "get_many stopped by fn: %d %s", rc, st->errmsg(st));
        rc = st->get_many(st, ev, many, 6, fail_row, NULL);
        CHECK(rc == MTRK_ETOOLONG, "get_many aborted by fn: %d %s", rc, st->errmsg(st));
        CHECK((rc = st->get_many(st, ev, many, 0, count_rows, &seen)) == 0, "get_many of no key: %d", rc);
    }
    st->rollback(st);
    CHECK(st->version >= 3 && st->get_many != NULL && st->scan_many != NULL,
          "the pg store has get_many and scan_many (version 3 or later)");
    test_scan_many(st);
    test_campaign_pages(st);
    test_typed(st);
    {
        char base[4096];
        snprintf(base, sizeof base, "%s options='-csearch_path=%s'", conninfo, schema);
        test_keyed_plans(base);
    }
    {
        /* counters_add: the checks shared with the other stores, through a
         * second connection on the same schema. */
        mtrk_store *st2 = NULL;
        rc = mtrk_store_pg_new(&st2, ci, NULL);
        CHECK(rc == 0, "second store: %s", mtrk_last_errmsg());
        if (rc == 0) {
            int cf = counters_check(st, st2, "counters");
            CHECK(cf == 0, "counters_add: %d checks failed (above)", cf);
            mtrk_store_free(st2);
        }
    }
    {
        /* Generation's operations: the checks shared with the other stores. */
        int mf = messages_insert_check(st, "msgins");
        CHECK(mf == 0, "messages_insert: %d checks failed (above)", mf);
        /* members_read: one statement per page (docs/decisions.md §45). */
        CHECK(st->members_read != NULL, "the pg store reads a page of members itself");
        mf = members_read_check(st, "members");
        CHECK(mf == 0, "members_read: %d checks failed (above)", mf);
    }
    /* An update of a missing row, deferred: MTRK_ESTORE (a read's
     * MTRK_ENOTFOUND would mean "no such row") at the next read. */
    mtrk_change up = { MTRK_CHANGE_VERSION, MTRK_CHANGE_UPDATE, ev, r1, 0 };
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    rc = st->apply(st, &up, 1);
    if (rc == 0)
        rc = st->get(st, ev, key3, count_row, NULL);
    CHECK(rc == MTRK_ESTORE && strstr(st->errmsg(st), "missing row") != NULL,
          "deferred update of a missing row: %d %s", rc, st->errmsg(st));
    st->rollback(st);
    /* More writes than the pipeline holds (PIPE_MAX is 1,024): all of them
     * land, and a failure among them is still reported. */
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    enum { MANY = 2500 };
    static unsigned char ids[MANY][16];
    static char peids[MANY][16];
    static mtrk_value rows[MANY][64];
    rc = 0;
    for (int i = 0; i < MANY && rc == 0; i++) {
        ids[i][0] = 1;
        ids[i][1] = 0x80;
        ids[i][2] = (unsigned char)(i >> 8);
        ids[i][3] = (unsigned char)i;
        snprintf(peids[i], sizeof peids[i], "many-%d", i);
        event_row(rows[i], tenant, ids[i], T0 + 14 * DAY + i, peids[i]);
        mtrk_change ci = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, ev, rows[i], 0 };
        rc = st->apply(st, &ci, 1);
    }
    CHECK(rc == 0, "many deferred inserts: %d %s", rc, st->errmsg(st));
    seen = 0;
    rc = st->scan(st, ev, MTRK_INDEX_PK, key, 1, NULL, 0, 0, count_rows, &seen);
    CHECK(rc == 0 && seen == MANY, "many deferred inserts, read back: %d, %ld rows %s", rc, seen, st->errmsg(st));
    for (int i = 0; i < MANY && rc == 0; i++) {
        mtrk_change ci = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, ev, rows[i], 0 };
        rc = st->apply(st, &ci, 1); /* the first is a duplicate; the bound makes apply itself see it */
    }
    if (rc == 0)
        rc = st->commit(st);
    CHECK(rc == MTRK_EEXISTS, "a duplicate among many deferred inserts: %d %s", rc, st->errmsg(st));
    st->rollback(st);

    /* Connection loss inside a transaction: apply only sends, so the loss
     * shows at apply or at the commit; nothing of the transaction remains. */
    CHECK(st->begin(st, 1) == 0, "begin: %s", st->errmsg(st));
    CHECK((rc = st->apply(st, &c1, 1)) == 0, "insert: %d %s", rc, st->errmsg(st));
    CHECK((rc = st->get(st, ev, key, count_row, NULL)) == 0, "get after insert: %d %s", rc, st->errmsg(st));
    char q[256];
    snprintf(q, sizeof q, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> "
                          "pg_backend_pid() AND application_name = 'mtrk_pg_test_victim'");
    CHECK(sql_int(q) >= 1, "no backend to terminate");
    usleep(100000);
    rc = st->apply(st, &c2, 1);
    if (rc == 0)
        rc = st->commit(st);
    CHECK(rc == MTRK_ESTORE, "apply and commit on a killed connection: %d", rc);
    CHECK(strstr(st->errmsg(st), "connection") != NULL, "message does not say connection: %s", st->errmsg(st));
    st->rollback(st);
    CHECK(st->begin(st, 0) == 0, "begin after loss: %s", st->errmsg(st));
    rc = st->get(st, ev, key, count_row, NULL);
    CHECK(rc == MTRK_ENOTFOUND, "the killed transaction left its row: %d %s", rc, st->errmsg(st));
    st->rollback(st);
    CHECK(st->begin(st, 1) == 0 && st->apply(st, &c1, 1) == 0 && st->get(st, ev, key, count_row, NULL) == 0,
          "works again after loss: %s", st->errmsg(st));
    st->rollback(st);
    mtrk_store_free(st);

    /* Migrations 3 to 14 bring a version-2 database forward: the messages'
     * fold marks are added (NULL: every event counts); the events gain
     * occurred_hour, filled from occurred_at, and events_by_campaign is
     * keyed by it; the messages gain folded_links; the tenants gain their
     * address rule (1, the older one, for existing rows) and event window;
     * the tables of the bounce policies and reputation guards are made (7);
     * the provider webhook tables (8); api_tokens (9); bounce_facts and
     * its indexes (10); the provider message ids, kept payloads, replay
     * tokens, the tenants' payload setting (off, 30 days, for existing rows)
     * and the dead letters' send id (11); the dead letters' bounce facts
     * (12); events in one plain table, their rows moved (13);
     * events_by_campaign without the id (14); the versions recorded. */
    char *fresh = schema_text();
    CHECK(fresh != NULL && strstr(fresh, "events_by_campaign") != NULL, "the new schema's text: %s",
          fresh ? fresh : "(none)");
    events_as_version12();
    sql("ALTER TABLE messages DROP COLUMN folded_occurred_at, DROP COLUMN folded_arrived_at, "
        "DROP COLUMN folded_event, DROP COLUMN folded_links");
    sql("DROP INDEX events_by_campaign");
    sql("ALTER TABLE events DROP COLUMN occurred_hour");
    sql("ALTER TABLE tenants DROP COLUMN address_rule, DROP COLUMN events_earliest, DROP COLUMN events_ahead_ms, "
        "DROP COLUMN keep_webhook_payloads, DROP COLUMN webhook_payload_retention_ms");
    sql("DROP TABLE provider_messages, webhook_payloads, webhook_nonces");
    sql("DROP TABLE bounce_settings, reputation_state, reputation_paused, bounce_policies");
    sql("INSERT INTO tenants (id, key, created_at, tracking_base_url, soft_bounce_threshold, attribution_window_ms, "
        "retention_ms, secret) VALUES (gen_random_uuid(), 'migration-test', 0, '', 3, 1, 1, '00')");
    sql("CREATE INDEX events_by_campaign ON events (tenant, campaign, occurred_at, arrived_at, id)");
    sql("DROP TABLE api_tokens");
    sql("DROP TABLE bounce_facts");
    /* One event of that version, made by hand, and its message (their
     * other keys point nowhere: migration 13 checks the event's). */
    sql("CREATE TABLE events_migration_test PARTITION OF events FOR VALUES FROM (0) TO (86400000)");
    sql("SET session_replication_role = replica");
    sql("INSERT INTO messages (tenant, id, campaign, contact, state, cancel_reason, created_at, lease_until, sent_at, "
        "delivered_at, bounced_at, first_open_at, first_click_at, first_complaint_at, first_unsub_at, opens, clicks, "
        "soft_bounces, flags) VALUES ('0189abcd-0000-7000-8000-000000000001', '0189abcd-0000-7000-8000-000000000002', "
        "gen_random_uuid(), gen_random_uuid(), 2, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)");
    sql("INSERT INTO events (tenant, id, message, campaign, contact, type, occurred_at, arrived_at, bounce_kind, "
        "verdict, unsub_scope, unsub_source, effects) VALUES ('0189abcd-0000-7000-8000-000000000001', "
        "gen_random_uuid(), '0189abcd-0000-7000-8000-000000000002', gen_random_uuid(), gen_random_uuid(), 1, "
        "7300000, 7300000, 0, 0, 0, 0, 0)");
    sql("SET session_replication_role = DEFAULT");
    sql("DROP TABLE webhook_settings, webhook_keys, deadletters");
    sql("DELETE FROM mtrk_schema WHERE version IN (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)");
    st = NULL;
    rc = mtrk_store_pg_new(&st, ci, NULL);
    CHECK(rc == 0, "open a version-2 database: %d %s", rc, mtrk_last_errmsg());
    mtrk_store_free(st);
    CHECK(sql_int("SELECT max(version) FROM mtrk_schema") == 14, "migrations 3 to 14 not recorded");
    CHECK(sql_int("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = "
                  "'events_by_campaign' AND indexdef LIKE '%(campaign, occurred_hour)'") == 1,
          "migration 14: events_by_campaign is (campaign, occurred_hour)");
    CHECK(sql_int("SELECT count(*) FROM events WHERE occurred_at = 7300000") == 1 &&
              sql_int("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass") == 0 &&
              sql_int("SELECT count(*) FROM pg_class WHERE relname IN ('events_ids', 'events_provider_ids', "
                      "'events_partitioned', 'events_migration_test') AND relnamespace = "
                      "current_schema()::regnamespace") == 0,
          "migration 13: the event moved into one plain table, the partitions and side tables gone");
    CHECK(sql_int("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                  "AND table_name = 'deadletters' AND column_name IN ('bounce_reason', 'smtp_code', "
                  "'bounce_status', 'bounce_type', 'bounce_subtype')") == 5,
          "migration 12: the dead letters' bounce facts");
    CHECK(sql_int("SELECT count(*) FROM tenants WHERE key = 'migration-test' AND keep_webhook_payloads = 0 AND "
                  "webhook_payload_retention_ms = 2592000000") == 1,
          "migration 11: an existing tenant's webhook payload setting");
    CHECK(sql_int("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                  "AND table_name IN ('provider_messages', 'webhook_payloads', 'webhook_nonces')") == 3,
          "migration 11: the provider message ids, kept payloads and replay tokens");
    CHECK(sql_int("SELECT count(*) FROM tenants WHERE key = 'migration-test' AND address_rule = 1 AND "
                  "events_earliest = 946684800000 AND events_ahead_ms = 86400000") == 1,
          "migration 6: an existing tenant's address rule and event window");
    sql("DELETE FROM tenants WHERE key = 'migration-test'");
    CHECK(sql_int("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                  "AND table_name IN ('bounce_settings', 'reputation_state', 'reputation_paused', "
                  "'bounce_policies')") == 4,
          "migration 7: the tables of the bounce policies and reputation guards");
    CHECK(sql_int("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                  "AND table_name IN ('webhook_settings', 'webhook_keys', 'deadletters')") == 3,
          "migration 8: the provider webhook tables");
    CHECK(sql_int("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                  "AND table_name = 'api_tokens'") == 1,
          "migration 9: api_tokens");
    CHECK(sql_int("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename = "
                  "'bounce_facts' AND indexname IN ('bounce_facts_by_message', 'bounce_facts_by_campaign')") == 2,
          "migration 10: bounce_facts and its indexes");
    CHECK(sql_int("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                  "AND table_name = 'messages' AND column_name IN "
                  "('folded_occurred_at', 'folded_arrived_at', 'folded_event')") == 3,
          "migration 3: the fold marks");
    CHECK(sql_int("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                  "AND table_name = 'messages' AND column_name = 'folded_links'") == 1,
          "migration 5: the links of the fold's summary");
    CHECK(sql_int("SELECT count(*) FROM events WHERE occurred_hour <> occurred_at / 3600000 * 3600000") == 0 &&
              sql_int("SELECT count(*) FROM events WHERE occurred_at = 7300000 AND occurred_hour = 7200000") == 1,
          "migration 4: occurred_hour from occurred_at");
    CHECK(sql_int("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = "
                  "'events_by_campaign' AND indexdef LIKE '%occurred_hour%' AND indexdef NOT LIKE '%occurred_at%'") == 1,
          "migration 4: events_by_campaign keyed by occurred_hour");
    char *migrated = schema_text();
    CHECK(migrated != NULL && strcmp(migrated, fresh) == 0,
          "the migrated schema differs from a new one:\n%s\n---\n%s", migrated ? migrated : "(none)", fresh);
    free(migrated);

    /* A version-11 database holding a dead letter: migration 12 adds the
     * bounce facts, none for that dead letter, which it keeps. */
    sql("ALTER TABLE deadletters DROP COLUMN bounce_reason, DROP COLUMN smtp_code, DROP COLUMN bounce_status, "
        "DROP COLUMN bounce_type, DROP COLUMN bounce_subtype");
    sql("INSERT INTO deadletters (tenant, id, provider, event_key, reason, type, occurred_at, arrived_at, link_index, "
        "verdict, bounce_kind, diagnostic, unsub_scope) VALUES (gen_random_uuid(), gen_random_uuid(), 'sendgrid', "
        "'migrated-dl', 'message not found', 4, 1, 1, -1, 0, 2, '550 5.1.1 no such user', 0)");
    events_as_version12();
    sql("DELETE FROM mtrk_schema WHERE version IN (12, 13, 14)");
    st = NULL;
    rc = mtrk_store_pg_new(&st, ci, NULL);
    CHECK(rc == 0, "open a version-11 database: %d %s", rc, mtrk_last_errmsg());
    mtrk_store_free(st);
    CHECK(sql_int("SELECT max(version) FROM mtrk_schema") == 14, "migrations 12 to 14 not recorded");
    CHECK(sql_int("SELECT count(*) FROM deadletters WHERE event_key = 'migrated-dl' AND bounce_reason = 0 AND "
                  "smtp_code = 0 AND bounce_status IS NULL AND bounce_type IS NULL AND bounce_subtype IS NULL AND "
                  "diagnostic = '550 5.1.1 no such user'") == 1,
          "migration 12: a kept dead letter, with no bounce facts");
    sql("DELETE FROM deadletters WHERE event_key = 'migrated-dl'");
    migrated = schema_text();
    CHECK(migrated != NULL && strcmp(migrated, fresh) == 0,
          "the schema migrated from version 11 differs from a new one:\n%s\n---\n%s", migrated ? migrated : "(none)",
          fresh);
    free(migrated);
    free(fresh);

    /* A newer schema version is refused, and the database left as it was. */
    sql("INSERT INTO mtrk_schema (version) VALUES (999)");
    st = NULL;
    rc = mtrk_store_pg_new(&st, ci, NULL);
    CHECK(rc == MTRK_EVERSION, "newer schema: %d %s", rc, mtrk_last_errmsg());
    mtrk_store_free(st);
    CHECK(sql_int("SELECT count(*) FROM mtrk_schema WHERE version = 999") == 1, "mtrk_schema changed");
    drop_schema();
    return 0;
}

/* ------------------------------------------------------------------ */
/* Workload setup and checks                                           */
/* ------------------------------------------------------------------ */

#define NMSG 400
static mtrk_id mids[NMSG];
static mtrk_id campaign;

static void setup_campaign(void)
{
    mtrk_db *db = open_db();
    mtrk_tenant *t = NULL;
    if (mtrk_tenant_create(&t, db, "load", "test:pg") != 0) {
        fprintf(stderr, "pg_test: tenant: %s\n", mtrk_last_errmsg());
        exit(2);
    }
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "load";
    s.subject = "Load";
    s.from_address = "news@shop.example.com";
    s.html = "<p>Hi</p>";
    s.starts_at = T0;
    s.ends_at = T0 + 365 * DAY;
    mtrk_id aud, *contacts = calloc(NMSG, sizeof *contacts);
    int rc = mtrk_campaign_create(&campaign, t, &s);
    rc = rc ? rc : mtrk_audience_create(&aud, t, "all");
    char addr[64];
    for (int i = 0; rc == 0 && i < NMSG; i++) {
        snprintf(addr, sizeof addr, "user%d@load.example", i);
        rc = mtrk_contact_add(&contacts[i], NULL, t, addr, NULL);
    }
    rc = rc ? rc : mtrk_audience_add_batch(NULL, t, aud, contacts, NMSG);
    rc = rc ? rc : mtrk_campaign_attach_audience(NULL, t, campaign, aud);
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    rc = rc ? rc : mtrk_campaign_generate(&r, t, campaign);
    mtrk_message_iter *it = NULL;
    rc = rc ? rc : mtrk_message_iter_new(&it, t, campaign);
    mtrk_message_info m = MTRK_MESSAGE_INFO_INIT;
    size_t n = 0;
    while (rc == 0 && n < NMSG && mtrk_message_iter_next(&m, it) == MTRK_OK)
        mids[n++] = m.mid;
    mtrk_message_iter_free(it);
    if (rc || n != NMSG) {
        fprintf(stderr, "pg_test: setup: %d (%zu messages): %s\n", rc, n, mtrk_tenant_errmsg(t));
        exit(2);
    }
    free(contacts);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

/* Records events [first, first+n) of stream `tag` in one call; retries on
 * MTRK_EBUSY. Returns the last status. */
static int record_batch(mtrk_tenant *t, const char *tag, long first, int n, int retry_store)
{
    mtrk_event_input in[200];
    const mtrk_event_input *pin[200];
    mtrk_event_outcome out[200];
    mtrk_event_outcome *pout[200];
    char peid[200][48];
    static const mtrk_event_type types[] = { MTRK_EV_SENT, MTRK_EV_DELIVERED, MTRK_EV_OPEN, MTRK_EV_OPEN };
    for (int i = 0; i < n; i++) {
        long k = first + i;
        mtrk_event_input d = MTRK_EVENT_INPUT_INIT;
        in[i] = d;
        unsigned long h = (unsigned long)k * 2654435761u + (unsigned long)tag[0] * 977u + strlen(tag);
        in[i].type = types[h % 4];
        in[i].mid = mids[(h / 4) % NMSG];
        in[i].occurred_at = T0 + (int64_t)((h / 7) % (60 * 24)) * 3600000LL; /* two months */
        in[i].provider = "load";
        snprintf(peid[i], sizeof peid[i], "%s-%ld", tag, k);
        in[i].provider_event_id = peid[i];
        in[i].verdict = (h % 11) == 0 ? MTRK_VERDICT_MACHINE : MTRK_VERDICT_HUMAN;
        pin[i] = &in[i];
        mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
        out[i] = o;
        pout[i] = &out[i];
    }
    int rc;
    for (int attempt = 0;; attempt++) {
        rc = mtrk_event_record_batch(NULL, pout, t, pin, (size_t)n);
        if (rc == 0) {
            for (int i = 0; i < n; i++)
                if (out[i].status != 0) {
                    fprintf(stderr, "pg_test: event %s: %d %s\n", peid[i], out[i].status, mtrk_tenant_errmsg(t));
                    return out[i].status;
                }
            return 0;
        }
        if ((rc == MTRK_EBUSY || (retry_store && rc == MTRK_ESTORE)) && attempt < 600) {
            if (rc == MTRK_ESTORE && attempt == 0)
                fprintf(stderr, "pg_test: batch %s-%ld failed (will retry): %s\n", tag, first,
                        mtrk_tenant_errmsg(t));
            usleep(rc == MTRK_EBUSY ? 1000 : 100000);
            continue;
        }
        fprintf(stderr, "pg_test: batch %s-%ld: %d %s\n", tag, first, rc, mtrk_tenant_errmsg(t));
        return rc;
    }
}

static int rollups_equal_rebuild(void)
{
    mtrk_db *db = open_db();
    mtrk_tenant *t = NULL;
    int rc = mtrk_tenant_open(&t, db, "load", "test:pg");
    mtrk_metrics a = MTRK_METRICS_INIT, b = MTRK_METRICS_INIT;
    rc = rc ? rc : mtrk_metrics_campaign(&a, t, campaign);
    rc = rc ? rc : mtrk_metrics_rebuild(t);
    rc = rc ? rc : mtrk_metrics_campaign(&b, t, campaign);
    CHECK(rc == 0, "metrics/rebuild: %d %s", rc, t ? mtrk_tenant_errmsg(t) : mtrk_last_errmsg());
    CHECK(memcmp(&a, &b, sizeof a) == 0,
          "rollups differ from a rebuild: sent %llu/%llu delivered %llu/%llu opens %llu/%llu unique %llu/%llu",
          (unsigned long long)a.sent, (unsigned long long)b.sent, (unsigned long long)a.delivered,
          (unsigned long long)b.delivered, (unsigned long long)a.opens_total, (unsigned long long)b.opens_total,
          (unsigned long long)a.opens_unique, (unsigned long long)b.opens_unique);
    printf("rollups: sent %llu delivered %llu opens %llu (unique %llu), equal to a rebuild: %s\n",
           (unsigned long long)a.sent, (unsigned long long)a.delivered, (unsigned long long)a.opens_total,
           (unsigned long long)a.opens_unique, memcmp(&a, &b, sizeof a) == 0 ? "yes" : "NO");
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    return 0;
}

/* ------------------------------------------------------------------ */
/* contention                                                          */
/* ------------------------------------------------------------------ */

enum { NPROC = 4, NCONN = 2, CBATCH = 100 };
static long per_conn;

typedef struct worker {
    int proc, conn;
    int rc;
} worker;

static void *conn_main(void *arg)
{
    worker *w = arg;
    mtrk_db *db = open_db();
    mtrk_tenant *t = NULL;
    w->rc = mtrk_tenant_open(&t, db, "load", "test:pg");
    char tag[16];
    snprintf(tag, sizeof tag, "c%d.%d", w->proc, w->conn);
    for (long k = 0; w->rc == 0 && k < per_conn; k += CBATCH)
        w->rc = record_batch(t, tag, k, (int)(per_conn - k < CBATCH ? per_conn - k : CBATCH), 0);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    return NULL;
}

static int test_contention(long total)
{
    fresh_schema();
    setup_campaign();
    per_conn = total / (NPROC * NCONN);
    total = per_conn * NPROC * NCONN;
    double t0 = now_s();
    pid_t pids[NPROC];
    for (int p = 0; p < NPROC; p++) {
        pids[p] = fork();
        if (pids[p] == 0) {
            worker w[NCONN];
            pthread_t th[NCONN];
            for (int c = 0; c < NCONN; c++) {
                w[c] = (worker){ p, c, 0 };
                pthread_create(&th[c], NULL, conn_main, &w[c]);
            }
            int bad = 0;
            for (int c = 0; c < NCONN; c++) {
                pthread_join(th[c], NULL);
                bad |= w[c].rc != 0;
            }
            _exit(bad);
        }
    }
    for (int p = 0; p < NPROC; p++) {
        int st = 0;
        waitpid(pids[p], &st, 0);
        CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "worker process %d failed", p);
    }
    double el = now_s() - t0;
    printf("contention: %d processes x %d connections recorded %ld events in %.1f s (%.0f events/s)\n", NPROC,
           NCONN, total, el, total / el);
    char q[256];
    snprintf(q, sizeof q, "SELECT count(*) FROM events WHERE provider = 'load'");
    long long n = sql_int(q);
    snprintf(q, sizeof q, "SELECT count(DISTINCT provider_event_id) FROM events WHERE provider = 'load'");
    long long nd = sql_int(q);
    CHECK(n == total && nd == total, "events: %lld rows, %lld distinct, expected %ld", n, nd, total);
    printf("events: %lld rows, %lld distinct ids\n", n, nd);
    rollups_equal_rebuild();
    drop_schema();
    return 0;
}

/* ------------------------------------------------------------------ */
/* restart                                                             */
/* ------------------------------------------------------------------ */

enum { RBATCH = 50 };

static int test_restart(int nbatches)
{
    const char *restart = getenv("MTRK_TEST_PG_RESTART");
    if (restart == NULL || *restart == '\0') {
        fprintf(stderr, "pg_test restart: MTRK_TEST_PG_RESTART (a command restarting the server) is not set\n");
        return 2;
    }
    fresh_schema();
    setup_campaign();
    int fds[2];
    if (pipe(fds) != 0)
        return 2;
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        mtrk_db *db = open_db();
        mtrk_tenant *t = NULL;
        int rc = mtrk_tenant_open(&t, db, "load", "test:pg");
        for (int b = 0; rc == 0 && b < nbatches; b++) {
            rc = record_batch(t, "r", (long)b * RBATCH, RBATCH, 1);
            if (rc == 0 && write(fds[1], &b, sizeof b) != (ssize_t)sizeof b)
                rc = -1;
        }
        mtrk_tenant_close(t);
        mtrk_db_close(db);
        _exit(rc == 0 ? 0 : 1);
    }
    close(fds[1]);
    int acked = -1, b, restarted = 0;
    double t0 = now_s();
    while (read(fds[0], &b, sizeof b) == (ssize_t)sizeof b) {
        acked = b;
        if (!restarted && b >= nbatches / 4) {
            printf("restart: restarting the server after batch %d\n", b);
            fflush(stdout);
            int st = system(restart);
            CHECK(st == 0, "restart command failed: %d", st);
            restarted = 1;
            /* The admin connection went too. */
            PQreset(admin);
            char q[128];
            snprintf(q, sizeof q, "SET search_path = %s", schema);
            sql(q);
        }
    }
    int st = 0;
    waitpid(pid, &st, 0);
    close(fds[0]);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the recording child failed");
    CHECK(restarted, "the server was not restarted");
    printf("restart: %d batches of %d acknowledged in %.1f s\n", acked + 1, RBATCH, now_s() - t0);
    /* Every acknowledged event present, once; every batch whole. */
    long long n = sql_int("SELECT count(*) FROM events WHERE provider = 'load'");
    long long nd = sql_int("SELECT count(DISTINCT provider_event_id) FROM events WHERE provider = 'load'");
    CHECK(n == (long long)(acked + 1) * RBATCH && nd == n, "events: %lld rows, %lld distinct, expected %d", n, nd,
          (acked + 1) * RBATCH);
    char q[256];
    snprintf(q, sizeof q, "SELECT count(*) FROM (SELECT split_part(provider_event_id, '-', 2)::int / %d AS b, "
                          "count(*) AS n FROM events WHERE provider = 'load' GROUP BY 1) x WHERE n <> %d",
             RBATCH, RBATCH);
    CHECK(sql_int(q) == 0, "a batch is half-present");
    rollups_equal_rebuild();
    drop_schema();
    return 0;
}

int main(int argc, char **argv)
{
    conninfo = getenv("MTRK_TEST_PG");
    if (conninfo == NULL || *conninfo == '\0') {
        fprintf(stderr, "pg_test: MTRK_TEST_PG is not set: a libpq conninfo of a database to test in "
                        "(scripts/test starts a private server through scripts/pg-server)\n");
        return 2;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: pg_test store|contention|restart\n");
        return 2;
    }
    admin = PQconnectdb(conninfo);
    if (PQstatus(admin) != CONNECTION_OK) {
        fprintf(stderr, "pg_test: cannot connect to %s: %s", conninfo, PQerrorMessage(admin));
        return 2;
    }
    PQsetNoticeProcessor(admin, quiet, NULL);
    int rc = 2;
    if (strcmp(argv[1], "store") == 0)
        rc = test_store();
    else if (strcmp(argv[1], "contention") == 0)
        rc = test_contention(200000);
    else if (strcmp(argv[1], "restart") == 0)
        rc = test_restart(400);
    else
        fprintf(stderr, "pg_test: unknown test %s\n", argv[1]);
    PQfinish(admin);
    if (failures)
        fprintf(stderr, "pg_test %s: %d check(s) failed\n", argv[1], failures);
    return rc ? rc : failures ? 1 : 0;
}
