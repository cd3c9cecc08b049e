/*
 * Forward migration of a PostgreSQL schema at version 12 (events
 * partitioned by month, their unique keys kept by two side tables and a
 * trigger) to one plain events table (migration 13, docs/decisions.md §43),
 * and of one at version 13 to events_by_campaign without the id
 * (migration 14, §49). tests/data/pg-schema12.sql was dumped (pg_dump
 * --inserts) from a schema the library at version 12 wrote
 * (tests/data/gen_pg_schema12.py): three tenants, six campaigns, seeded
 * histories of every kind recorded one by one and in batches;
 * pg-schema12.json holds the figures that library read from it, and which
 * campaigns hold no history of the kind the fold with marks once
 * miscounted ("untouched"). tests/data/pg-schema13.sql is the same schema
 * opened (migrated) by the library at version 13 and dumped again the same
 * way; the same JSON holds its figures.
 *
 * Loaded into a fresh schema and opened by this library, it comes out at
 * version 14, events_by_campaign (campaign, occurred_hour), with every event kept (the same rows, column by column), no
 * partition, side table or trigger left, the foreign keys valid. Then, for
 * every tenant and campaign: the figures (campaign metrics, link stats,
 * hourly series) equal the JSON's; after a rebuild every figure of an
 * untouched campaign equals the same figure read before it. The example
 * queries of docs/schema.md for PostgreSQL (the ```sql blocks that open with
 * "-- PostgreSQL") give the same rows before and after the migration, and
 * some rows. An event recorded again after the migration is a duplicate,
 * a new one counts once.
 *
 *   pg-migrate FIXTURE.sql FIXTURE.json docs/schema.md     (needs MTRK_TEST_PG)
 */
#include <jansson.h>
#include <libpq-fe.h>
#include <mtrk/mtrk.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_QUERIES 16

static PGconn *conn;
static char schema[64];

__attribute__((format(printf, 1, 2), noreturn)) static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

#define FIGS_DIE die
#include "campaign_figs.h"

#define OK(expr, t)                                                                                               \
    do {                                                                                                          \
        int rc_ = (expr);                                                                                         \
        if (rc_ != MTRK_OK)                                                                                       \
            die("%s:%d: %s = %s: %s", __FILE__, __LINE__, #expr, mtrk_strerror(rc_),                              \
                (t) ? mtrk_tenant_errmsg(t) : mtrk_last_errmsg());                                                \
    } while (0)

static void expect(long long got, long long want, const char *what)
{
    if (got != want)
        die("%s: %lld, expected %lld", what, got, want);
}

static void sql(const char *q)
{
    PGresult *r = PQexec(conn, q);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
        die("%.200s: %s", q, PQerrorMessage(conn));
    PQclear(r);
}

static long long sql_int(const char *q)
{
    PGresult *r = PQexec(conn, q);
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
        die("%.200s: %s", q, PQerrorMessage(conn));
    long long v = PQgetisnull(r, 0, 0) ? -1 : atoll(PQgetvalue(r, 0, 0));
    PQclear(r);
    return v;
}

/* Every row of q, as text, one line per row. */
static char *sql_rows(const char *q)
{
    PGresult *r = PQexec(conn, q);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        die("%.300s: %s", q, PQerrorMessage(conn));
    size_t cap = 256, n = 0;
    char *out = malloc(cap);
    for (int i = 0; i < PQntuples(r); i++)
        for (int c = 0; c < PQnfields(r); c++) {
            const char *v = PQgetisnull(r, i, c) ? "NULL" : PQgetvalue(r, i, c);
            size_t need = n + strlen(v) + 2;
            if (need + 1 > cap) {
                while (need + 1 > cap)
                    cap *= 2;
                out = realloc(out, cap);
            }
            n += (size_t)sprintf(out + n, "%s%c", v, c + 1 == PQnfields(r) ? '\n' : '|');
        }
    out[n] = '\0';
    PQclear(r);
    return out;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (fread(p, 1, (size_t)n, f) != (size_t)n)
        die("cannot read %s", path);
    p[n] = '\0';
    fclose(f);
    return p;
}

/* s with every `from` replaced by `to` (a new string). */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t lf = strlen(from), lt = strlen(to), count = 0;
    for (const char *p = strstr(s, from); p; p = strstr(p + lf, from))
        count++;
    char *out = malloc(strlen(s) + count * (lt > lf ? lt - lf : 0) + 1), *o = out;
    for (const char *p = s;;) {
        const char *q = strstr(p, from);
        if (q == NULL) {
            strcpy(o, p);
            break;
        }
        memcpy(o, p, (size_t)(q - p));
        o += q - p;
        memcpy(o, to, lt);
        o += lt;
        p = q + lf;
    }
    return out;
}

/* The ```sql blocks of docs/schema.md that open with "-- PostgreSQL". */
static size_t doc_queries(const char *doc, char **out)
{
    size_t n = 0;
    for (const char *p = strstr(doc, "```sql\n-- PostgreSQL"); p && n < MAX_QUERIES;
         p = strstr(p, "```sql\n-- PostgreSQL")) {
        p += strlen("```sql\n");
        const char *end = strstr(p, "```");
        if (end == NULL)
            die("docs/schema.md: an unclosed sql block");
        out[n] = strndup(p, (size_t)(end - p));
        n++;
        p = end + 3;
    }
    return n;
}

/* The figures of one campaign, as the library reads them. */
/* A checksum of every event's columns, as text: the same rows before and
 * after the migration, whatever the columns' types and order. */
static const char *EVENTS_SUM =
    "SELECT count(*) || ' ' || md5(string_agg(concat_ws('|', tenant, id, message, campaign, contact, type, link,"
    " occurred_at, arrived_at, provider, provider_event_id, provider_message_id, bounce_kind, diagnostic, user_agent,"
    " ip, verdict, verdict_reason, unsub_scope, unsub_audience, unsub_source, effects, occurred_hour), E'\\n'"
    " ORDER BY id)) FROM events";

int main(int argc, char **argv)
{
    const char *ci = getenv("MTRK_TEST_PG");
    if (argc != 4)
        die("usage: pg-migrate FIXTURE.sql FIXTURE.json docs/schema.md");
    if (ci == NULL || *ci == '\0')
        die("MTRK_TEST_PG is not set: start a server with eval \"$(scripts/pg-server start)\" (scripts/test does)");
    json_error_t jerr;
    json_t *doc = json_load_file(argv[2], 0, &jerr);
    if (doc == NULL)
        die("%s: %s", argv[2], jerr.text);
    json_t *tenants = json_object_get(doc, "tenants");
    char *schema_md = read_file(argv[3]);
    char *queries[MAX_QUERIES];
    size_t nq = doc_queries(schema_md, queries);
    if (nq < 3)
        die("docs/schema.md: %zu PostgreSQL example queries, expected at least 3", nq);

    conn = PQconnectdb(ci);
    if (PQstatus(conn) != CONNECTION_OK)
        die("connect: %s", PQerrorMessage(conn));
    snprintf(schema, sizeof schema, "pgmig_%d", (int)getpid());
    char q[512];
    snprintf(q, sizeof q, "SET client_min_messages = warning; DROP SCHEMA IF EXISTS %s CASCADE", schema);
    sql(q);

    /* The fixture, in a schema of its own. */
    char *dump = read_file(argv[1]), from_schema[80], to_schema[80], to_prefix[80];
    snprintf(to_prefix, sizeof to_prefix, "%s.", schema);
    char *a = replace_all(dump, "fixture.", to_prefix);
    snprintf(from_schema, sizeof from_schema, "SCHEMA fixture;");
    snprintf(to_schema, sizeof to_schema, "SCHEMA %s;", schema);
    char *b = replace_all(a, from_schema, to_schema);
    sql(b);
    free(dump);
    free(a);
    free(b);
    snprintf(q, sizeof q, "SET search_path = %s", schema);
    sql(q);
    long long from_version = sql_int("SELECT max(version) FROM mtrk_schema");
    if (from_version != 12 && from_version != 13)
        die("the fixture's schema version: %lld, expected 12 or 13", from_version);
    if (from_version == 12)
        expect(sql_int("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass") > 0, 1,
               "the fixture's events are partitioned");
    else
        expect(sql_int("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = "
                       "'events_by_campaign' AND indexdef LIKE '%(campaign, occurred_hour, id)'"),
               1, "the fixture's events_by_campaign ends with the id");
    long long nevents = sql_int("SELECT count(*) FROM events");
    expect(nevents > 500, 1, "the fixture's events");
    char *sum_before = sql_rows(EVENTS_SUM);
    char *rows_before[MAX_QUERIES];
    for (size_t i = 0; i < nq; i++) {
        rows_before[i] = sql_rows(queries[i]);
        if (rows_before[i][0] == '\0')
            die("docs/schema.md's PostgreSQL query %zu gives no rows on the fixture:\n%s", i + 1, queries[i]);
    }

    /* Opened by this library: migrated. Figures as the JSON says. */
    char target[1024];
    snprintf(target, sizeof target, "pg:%s options='-csearch_path=%s'", ci, schema);
    mtrk_db *m;
    OK(mtrk_db_open(&m, target, NULL), NULL);
    const char *tkey;
    json_t *tv;
    figs_hourly_start(tenants);
    figs before[8], after;
    size_t nc = 0;
    int untouched = 0;
    json_object_foreach(tenants, tkey, tv) {
        mtrk_tenant *t;
        OK(mtrk_tenant_open(&t, m, tkey, "migrate-test"), NULL);
        const char *cname;
        json_t *cv;
        json_object_foreach(tv, cname, cv) {
            char what[160];
            snprintf(what, sizeof what, "%s/%s after the migration", tkey, cname);
            if (nc == 8)
                die("more than 8 campaigns in the JSON");
            figs_read(t, figs_parse_id(json_string_value(json_object_get(cv, "id"))), &before[nc]);
            figs_expect_json(&before[nc], cv, what);
            untouched += json_is_true(json_object_get(cv, "untouched"));
            nc++;
        }
        mtrk_tenant_close(t);
    }
    expect((long long)nc, 6, "campaigns");
    expect(untouched, 4, "untouched campaigns");

    /* Rebuilt: every figure of an untouched campaign as before. */
    nc = 0;
    json_object_foreach(tenants, tkey, tv) {
        mtrk_tenant *t;
        OK(mtrk_tenant_open(&t, m, tkey, "migrate-test"), NULL);
        OK(mtrk_metrics_rebuild(t), t);
        const char *cname;
        json_t *cv;
        json_object_foreach(tv, cname, cv) {
            char what[160];
            snprintf(what, sizeof what, "%s/%s: migrated, then rebuilt", tkey, cname);
            figs_read(t, figs_parse_id(json_string_value(json_object_get(cv, "id"))), &after);
            if (json_is_true(json_object_get(cv, "untouched")))
                figs_same(&before[nc], &after, what);
            nc++;
        }
        mtrk_tenant_close(t);
    }

    /* The rows, as PostgreSQL sees them. */
    expect(sql_int("SELECT max(version) FROM mtrk_schema"), 14, "schema version after the migration");
    expect(sql_int("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = "
                   "'events_by_campaign' AND indexdef LIKE '%(campaign, occurred_hour)'"),
           1, "events_by_campaign is (campaign, occurred_hour) after the migration");
    expect(sql_int("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass"), 0, "no partitions");
    expect(sql_int("SELECT count(*) FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND (relname IN"
                   " ('events_ids', 'events_provider_ids', 'events_partitioned') OR relname LIKE 'events\\_2%')"),
           0, "no side table or partition left");
    expect(sql_int("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'events'::regclass AND NOT tgisinternal"), 0,
           "no trigger on events");
    expect(sql_int("SELECT count(*) FROM pg_constraint WHERE conrelid = 'events'::regclass AND contype = 'f'"
                   " AND convalidated AND condeferred"),
           2, "the events' foreign keys, validated and deferred");
    char *sum_after = sql_rows(EVENTS_SUM);
    if (strcmp(sum_before, sum_after) != 0)
        die("the events' rows changed: %s, then %s", sum_before, sum_after);
    for (size_t i = 0; i < nq; i++) {
        char *rows = sql_rows(queries[i]);
        if (strcmp(rows, rows_before[i]) != 0)
            die("docs/schema.md's PostgreSQL query %zu gives other rows after the migration:\n%s\n---\n%s\n---\n%s",
                i + 1, queries[i], rows_before[i], rows);
        free(rows);
        free(rows_before[i]);
        free(queries[i]);
    }

    /* Recorded after the migration: a repeat is a duplicate (the unique
     * index holds the moved rows), a new event counts once. */
    mtrk_tenant *t;
    OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    mtrk_id summer = figs_parse_id(json_string_value(json_object_get(json_object_get(json_object_get(tenants, "acme"),
                                                                                "summer"), "id")));
    PGresult *r = PQexec(conn, "SELECT e.message, e.type, e.occurred_at, e.provider_event_id FROM events e"
                               " JOIN campaigns c ON c.tenant = e.tenant AND c.id = e.campaign"
                               " WHERE c.name = 'summer' AND e.type = 1 ORDER BY e.id LIMIT 1");
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
        die("a sent event of summer: %s", PQerrorMessage(conn));
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = MTRK_EV_SENT;
    in.mid = figs_parse_id(PQgetvalue(r, 0, 0));
    in.occurred_at = atoll(PQgetvalue(r, 0, 2));
    in.provider = "esp";
    char peid[64];
    snprintf(peid, sizeof peid, "%s", PQgetvalue(r, 0, 3));
    in.provider_event_id = peid;
    PQclear(r);
    figs s0, s1;
    figs_read(t, summer, &s0);
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    OK(mtrk_event_record(&o, t, &in), t);
    expect(o.duplicate, 1, "a repeat of a moved event is a duplicate");
    in.type = MTRK_EV_OPEN;
    in.occurred_at += 60000;
    in.provider_event_id = "after-migration-open";
    OK(mtrk_event_record(NULL, t, &in), t);
    figs_read(t, summer, &s1);
    expect((long long)s1.m.opens_total, (long long)s0.m.opens_total + 1, "a new open counts once");
    OK(mtrk_metrics_rebuild(t), t);
    figs_read(t, summer, &after);
    figs_same(&s1, &after, "summer after a new event, then rebuilt");
    mtrk_tenant_close(t);
    mtrk_db_close(m);

    snprintf(q, sizeof q, "SET client_min_messages = warning; DROP SCHEMA %s CASCADE", schema);
    sql(q);
    PQfinish(conn);
    printf("pg-migrate: a version-%lld schema of %lld events migrated to version 14; figures kept\n", from_version,
           nevents);
    free(sum_before);
    free(sum_after);
    free(schema_md);
    json_decref(doc);
    return 0;
}
