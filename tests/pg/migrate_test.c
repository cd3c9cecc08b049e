/*
 * Forward migration of a PostgreSQL schema at version 12 (events
 * partitioned by month, their unique keys kept by two side tables and a
 * trigger) to one plain events table (migration 13, docs/decisions.md §43).
 * tests/data/pg-schema12.sql was dumped (pg_dump --inserts) from a schema
 * the library at version 12 wrote (tests/data/gen_pg_schema12.py): three
 * tenants, six campaigns, seeded histories of every kind recorded one by
 * one and in batches; pg-schema12.json holds the figures that library read
 * from it, and which campaigns hold no history of the kind the fold with
 * marks once miscounted ("untouched").
 *
 * Loaded into a fresh schema and opened by this library, it comes out at
 * version 13 with every event kept (the same rows, column by column), no
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

#define METRIC_COUNTS(X)                                                                                          \
    X(messages) X(canceled) X(sent) X(delivered) X(delivered_explicit) X(bounced_hard) X(bounced_soft)             \
    X(complaints) X(unsubscribes) X(opens_total) X(opens_unique) X(opens_unique_human) X(opens_machine)            \
    X(opens_inferred) X(clicks_total) X(clicks_unique) X(clicks_unique_human) X(clicks_machine) X(leads_total)     \
    X(leads_attributed) X(leads_forwarded)

#define MAX_HOURS 16
#define MAX_LINKS 8
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
typedef struct figs {
    mtrk_metrics m;
    size_t nlinks;
    struct { char label[64]; uint64_t clicks, unique, human; } links[MAX_LINKS];
    size_t nhours;
    uint64_t hourly[MAX_HOURS * MTRK_EV_TYPE_COUNT];
} figs;

static mtrk_time hourly_from;

static void read_figs(mtrk_tenant *t, mtrk_id c, figs *f)
{
    memset(f, 0, sizeof *f);
    OK(mtrk_metrics_init(&f->m, MTRK_METRICS_VERSION), t);
    OK(mtrk_metrics_campaign(&f->m, t, c), t);
    mtrk_link_stats st[MAX_LINKS], *p[MAX_LINKS];
    for (int i = 0; i < MAX_LINKS; i++) {
        OK(mtrk_link_stats_init(&st[i], MTRK_LINK_STATS_VERSION), t);
        p[i] = &st[i];
    }
    OK(mtrk_metrics_links(p, MAX_LINKS, &f->nlinks, t, c), t);
    if (f->nlinks > MAX_LINKS)
        die("%zu links", f->nlinks);
    for (size_t i = 0; i < f->nlinks; i++) {
        snprintf(f->links[i].label, sizeof f->links[i].label, "%s", st[i].label ? st[i].label : "");
        f->links[i].clicks = st[i].clicks;
        f->links[i].unique = st[i].clicks_unique;
        f->links[i].human = st[i].clicks_unique_human;
    }
    OK(mtrk_metrics_hourly(f->hourly, MAX_HOURS * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &f->nhours, t, c,
                           hourly_from, hourly_from + (mtrk_time)10 * 3600000),
       t);
}

static void same_figs(const figs *a, const figs *b, const char *what)
{
#define X_(n)                                                                                                     \
    if (a->m.n != b->m.n)                                                                                         \
        die("%s: %s %llu, then %llu", what, #n, (unsigned long long)a->m.n, (unsigned long long)b->m.n);
    METRIC_COUNTS(X_)
#undef X_
    if (a->nlinks != b->nlinks || a->nhours != b->nhours)
        die("%s: %zu links and %zu hours, then %zu and %zu", what, a->nlinks, a->nhours, b->nlinks, b->nhours);
    for (size_t i = 0; i < a->nlinks; i++)
        if (strcmp(a->links[i].label, b->links[i].label) || a->links[i].clicks != b->links[i].clicks ||
            a->links[i].unique != b->links[i].unique || a->links[i].human != b->links[i].human)
            die("%s: link %s differs", what, a->links[i].label);
    if (memcmp(a->hourly, b->hourly, sizeof a->hourly) != 0)
        die("%s: the hourly series differ", what);
}

static long long jint(json_t *o, const char *key, const char *what)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v))
        die("%s: no integer %s in the JSON", what, key);
    return (long long)json_integer_value(v);
}

/* The library's figures against the JSON's for one campaign. */
static void expect_json(const figs *f, json_t *c, const char *what)
{
    char w[256];
    json_t *m = json_object_get(c, "metrics");
#define X_(n)                                                                                                     \
    snprintf(w, sizeof w, "%s: %s", what, #n);                                                                    \
    expect((long long)f->m.n, jint(m, #n, what), w);
    METRIC_COUNTS(X_)
#undef X_
    json_t *links = json_object_get(c, "links");
    expect((long long)f->nlinks, (long long)json_object_size(links), "links");
    for (size_t i = 0; i < f->nlinks; i++) {
        json_t *l = json_object_get(links, f->links[i].label);
        if (l == NULL)
            die("%s: link %s not in the JSON", what, f->links[i].label);
        expect((long long)f->links[i].clicks, jint(l, "clicks", what), "link clicks");
        expect((long long)f->links[i].unique, jint(l, "clicks_unique", what), "link clicks_unique");
        expect((long long)f->links[i].human, jint(l, "clicks_unique_human", what), "link clicks_unique_human");
    }
    json_t *hours = json_object_get(c, "hourly");
    expect((long long)f->nhours, (long long)json_array_size(hours), "hours");
    for (size_t h = 0; h < f->nhours; h++) {
        json_t *row = json_array_get(hours, h);
        /* [hour, then the count of each event type] */
        for (size_t ty = 1; ty < json_array_size(row) && ty < MTRK_EV_TYPE_COUNT; ty++)
            if ((long long)f->hourly[h * MTRK_EV_TYPE_COUNT + ty] != (long long)json_integer_value(json_array_get(row, ty)))
                die("%s: hour %zu, type %zu: %llu, the JSON says %lld", what, h, ty,
                    (unsigned long long)f->hourly[h * MTRK_EV_TYPE_COUNT + ty],
                    (long long)json_integer_value(json_array_get(row, ty)));
    }
}

static mtrk_id parse_id(const char *text)
{
    mtrk_id id;
    if (text == NULL || mtrk_id_from_string(&id, text) != MTRK_OK)
        die("bad id %s", text ? text : "(none)");
    return id;
}

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
    expect(sql_int("SELECT max(version) FROM mtrk_schema"), 12, "the fixture's schema version");
    expect(sql_int("SELECT count(*) FROM pg_inherits WHERE inhparent = 'events'::regclass") > 0, 1,
           "the fixture's events are partitioned");
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
    hourly_from = 0;
    json_object_foreach(tenants, tkey, tv) {
        const char *cname;
        json_t *cv;
        json_object_foreach(tv, cname, cv) {
            json_t *h = json_array_get(json_object_get(cv, "hourly"), 0);
            if (h && (hourly_from == 0 || json_integer_value(json_array_get(h, 0)) < hourly_from))
                hourly_from = json_integer_value(json_array_get(h, 0));
        }
    }
    if (hourly_from == 0)
        die("no hourly series in the JSON");
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
            read_figs(t, parse_id(json_string_value(json_object_get(cv, "id"))), &before[nc]);
            expect_json(&before[nc], cv, what);
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
            read_figs(t, parse_id(json_string_value(json_object_get(cv, "id"))), &after);
            if (json_is_true(json_object_get(cv, "untouched")))
                same_figs(&before[nc], &after, what);
            nc++;
        }
        mtrk_tenant_close(t);
    }

    /* The rows, as PostgreSQL sees them. */
    expect(sql_int("SELECT max(version) FROM mtrk_schema"), 13, "schema version after the migration");
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
    mtrk_id summer = parse_id(json_string_value(json_object_get(json_object_get(json_object_get(tenants, "acme"),
                                                                                "summer"), "id")));
    PGresult *r = PQexec(conn, "SELECT e.message, e.type, e.occurred_at, e.provider_event_id FROM events e"
                               " JOIN campaigns c ON c.tenant = e.tenant AND c.id = e.campaign"
                               " WHERE c.name = 'summer' AND e.type = 1 ORDER BY e.id LIMIT 1");
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1)
        die("a sent event of summer: %s", PQerrorMessage(conn));
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = MTRK_EV_SENT;
    in.mid = parse_id(PQgetvalue(r, 0, 0));
    in.occurred_at = atoll(PQgetvalue(r, 0, 2));
    in.provider = "esp";
    char peid[64];
    snprintf(peid, sizeof peid, "%s", PQgetvalue(r, 0, 3));
    in.provider_event_id = peid;
    PQclear(r);
    figs s0, s1;
    read_figs(t, summer, &s0);
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    OK(mtrk_event_record(&o, t, &in), t);
    expect(o.duplicate, 1, "a repeat of a moved event is a duplicate");
    in.type = MTRK_EV_OPEN;
    in.occurred_at += 60000;
    in.provider_event_id = "after-migration-open";
    OK(mtrk_event_record(NULL, t, &in), t);
    read_figs(t, summer, &s1);
    expect((long long)s1.m.opens_total, (long long)s0.m.opens_total + 1, "a new open counts once");
    OK(mtrk_metrics_rebuild(t), t);
    read_figs(t, summer, &after);
    same_figs(&s1, &after, "summer after a new event, then rebuilt");
    mtrk_tenant_close(t);
    mtrk_db_close(m);

    snprintf(q, sizeof q, "SET client_min_messages = warning; DROP SCHEMA %s CASCADE", schema);
    sql(q);
    PQfinish(conn);
    printf("pg-migrate: a version-12 schema of %lld events migrated to one plain table; figures kept\n", nevents);
    free(sum_before);
    free(sum_after);
    free(schema_md);
    json_decref(doc);
    return 0;
}
