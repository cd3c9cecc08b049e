/*
 * PostgreSQL benchmarks: ingest and generation through mtrk's pg backend,
 * each against a raw baseline on the same server in the same run.
 *
 *   pg_bench ingest N     N events (sent/delivered/open mix) on N/4 messages,
 *                         recorded with mtrk_event_record_batch in calls of
 *                         1,000; baseline: COPY of N bare event rows (id,
 *                         message, type, occurred_at) into an unindexed table
 *                         with a uuid primary key. Then the bytes per
 *                         event: the total size (heap, indexes, TOAST) of
 *                         every relation of the schema that holds events
 *                         (each named event... : the events table or its
 *                         partitions and the tables beside it), divided by
 *                         N; the whole schema's growth over the ingest per
 *                         event (messages and rollups rewritten too); and
 *                         the baseline's table per row. With
 *                         MTRK_BENCH_SIZES set, each relation's heap and
 *                         index too.
 *   pg_bench append N     the store's events_append alone (mtrk_store_pg_new,
 *                         one write transaction per 1,000 events, as an
 *                         ingest's flush sends them: one INSERT ... SELECT
 *                         FROM unnest() of binary arrays) against a text
 *                         COPY of the same rows into the same events table
 *                         (its indexes and foreign keys), in transactions
 *                         of 1,000 too: which way
 *                         of writing a batch's events is cheaper; then the
 *                         ingest's raw baseline, for what the events table
 *                         itself costs against it.
 *   pg_bench rebuild N    N events as ingest records them, all occurring
 *                         within one hour; then mtrk_metrics_rebuild, timed:
 *                         the core reads the campaign's events through
 *                         events_by_campaign a page at a time.
 *   pg_bench floor N      the least design that does an ingest's work, with
 *                         no mtrk code, on the same events and against the
 *                         same raw COPY (bench_floor below has the designs).
 *   pg_bench generate C   C contacts in 3 overlapping audiences, 5 % globally
 *                         unsubscribed; mtrk_campaign_generate; two baselines,
 *                         each one INSERT ... SELECT DISTINCT (union of the
 *                         memberships, anti-joins): "like-for-like" writes a
 *                         second campaign's messages into mtrk's own
 *                         messages table (its columns, five indexes and
 *                         foreign keys, checked at the commit) from mtrk's
 *                         own audience_contacts, contacts, unsubscribes and
 *                         suppressions, every column copied from one of
 *                         mtrk's new messages but the id (UUID v7-like,
 *                         increasing, as mtrk's), campaign and contact;
 *                         "raw" writes (campaign, contact) into a bare
 *                         table with one index, from raw tables of the same
 *                         shape. The ratio is to the like-for-like one.
 *
 * MTRK_BENCH_PGSS set: the timed part's statements by server time
 * (pg_stat_statements, which the server must load and the database have).
 * MTRK_BENCH_EXPLAIN set: generate prints the like-for-like baseline's plan.
 * MTRK_BENCH_KEEP set: the bench's schema is kept (its name printed), not
 * dropped at the end.
 *
 * Needs MTRK_TEST_PG (a conninfo; scripts/pg-server start prints one).
 * Works in a fresh schema, dropped at the end. Prints rates and the ratio.
 */
#include <libpq-fe.h>
#include <mtrk/mtrk.h>
#include <mtrk/store.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define T0 1767225600000LL
static PGconn *admin;
static char schema[40], target[4096];

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sql(const char *q)
{
    PGresult *r = PQexec(admin, q);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK) {
        fprintf(stderr, "pg_bench: %s: %s", q, PQerrorMessage(admin));
        exit(1);
    }
    PQclear(r);
}

/* With MTRK_BENCH_PGSS set: where the server's time went in the timed
 * part, by pgss_mark(0) at its start (pg_stat_statements_reset) and
 * pgss_mark(1) at its end (the statements by total execution time,
 * nested ones, such as foreign-key checks, included when the server sets
 * pg_stat_statements.track = all). Needs the extension in the database. */
static void pgss_mark(int end)
{
    if (!getenv("MTRK_BENCH_PGSS"))
        return;
    PGresult *r = PQexec(admin, end ? "SELECT calls, round(total_exec_time::numeric, 1), rows, "
                                      "left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM public.pg_stat_statements "
                                      "ORDER BY total_exec_time DESC LIMIT 16"
                                    : "SELECT public.pg_stat_statements_reset()");
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        fprintf(stderr, "pg_bench: pg_stat_statements: %s", PQerrorMessage(admin));
    for (int i = 0; end && PQresultStatus(r) == PGRES_TUPLES_OK && i < PQntuples(r); i++)
        printf("pgss: %7s calls %9s ms %8s rows  %s\n", PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
               PQgetvalue(r, i, 2), PQgetvalue(r, i, 3));
    PQclear(r);
}

static void die(const char *what, int rc)
{
    fprintf(stderr, "pg_bench: %s: %d %s\n", what, rc, mtrk_last_errmsg());
    exit(1);
}

static mtrk_tenant *open_tenant(mtrk_db **db)
{
    mtrk_tenant *t = NULL;
    int rc = mtrk_db_open(db, target, NULL);
    if (rc)
        die("open", rc);
    if ((rc = mtrk_tenant_create(&t, *db, "bench", "bench")) != 0)
        die("tenant", rc);
    return t;
}

static mtrk_id bench_audiences[3];

/* C contacts; audiences i%3!=2, i%3!=0, i%5<2; 5 % unsubscribed. */
static mtrk_id make_campaign(mtrk_tenant *t, long c, mtrk_id *contacts)
{
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "bench";
    s.subject = "Bench";
    s.from_address = "news@shop.example.com";
    s.html = "<p>Hi</p>";
    s.starts_at = T0;
    s.ends_at = T0 + 365LL * 86400000;
    mtrk_id camp, aud[3];
    int rc = mtrk_campaign_create(&camp, t, &s);
    for (int a = 0; rc == 0 && a < 3; a++) {
        char n[16];
        snprintf(n, sizeof n, "a%d", a);
        rc = mtrk_audience_create(&aud[a], t, n);
    }
    char addr[64];
    for (long i = 0; rc == 0 && i < c; i++) {
        snprintf(addr, sizeof addr, "user%ld@d%ld.example", i, i % 50);
        rc = mtrk_contact_add(&contacts[i], NULL, t, addr, NULL);
    }
    mtrk_id *sel = malloc((size_t)c * sizeof *sel);
    for (int a = 0; rc == 0 && a < 3; a++) {
        size_t n = 0;
        for (long i = 0; i < c; i++)
            if ((a == 0 && i % 3 != 2) || (a == 1 && i % 3 != 0) || (a == 2 && i % 5 < 2))
                sel[n++] = contacts[i];
        rc = mtrk_audience_add_batch(NULL, t, aud[a], sel, n);
        if (rc == 0)
            rc = mtrk_campaign_attach_audience(NULL, t, camp, aud[a]);
    }
    free(sel);
    memcpy(bench_audiences, aud, sizeof aud);
    for (long i = 0; rc == 0 && i < c; i += 20)
        rc = mtrk_unsub_add(NULL, t, contacts[i], MTRK_UNSUB_GLOBAL, (mtrk_id){ { 0 } }, MTRK_SOURCE_MANUAL);
    if (rc)
        die("setup", rc);
    return camp;
}

static void uuid_text(char *out, const mtrk_id *id);

static void bench_generate(long c)
{
    mtrk_db *db;
    mtrk_tenant *t = open_tenant(&db);
    mtrk_id *contacts = calloc((size_t)c, sizeof *contacts);
    mtrk_id camp = make_campaign(t, c, contacts);
    /* The like-for-like baseline's campaign: the same audiences. */
    mtrk_campaign_spec s2 = MTRK_CAMPAIGN_SPEC_INIT;
    s2.name = "bench-baseline";
    s2.subject = "Bench";
    s2.from_address = "news@shop.example.com";
    s2.html = "<p>Hi</p>";
    s2.starts_at = T0;
    s2.ends_at = T0 + 365LL * 86400000;
    mtrk_id camp2;
    int rc = mtrk_campaign_create(&camp2, t, &s2);
    for (int a = 0; rc == 0 && a < 3; a++)
        rc = mtrk_campaign_attach_audience(NULL, t, camp2, bench_audiences[a]);
    if (rc)
        die("setup", rc);
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    fprintf(stderr, "generate: timed part starts\n"); /* a marker for strace -e sendto counts */
    pgss_mark(0);
    double t0 = now_s();
    rc = mtrk_campaign_generate(&r, t, camp);
    double el = now_s() - t0;
    fprintf(stderr, "generate: timed part ends\n");
    pgss_mark(1);
    if (rc)
        die("generate", rc);
    printf("generate: mtrk pg: %zu messages from %ld contacts in %.2f s (%.0f contacts/s)\n", (size_t)r.created, c, el,
           c / el);
    /* Like-for-like baseline: mtrk's tables, the same rules as SQL. Every
     * column of messages but id, campaign and contact is copied from one
     * of the messages mtrk just made (the state, queue state and times of
     * a new message). */
    char tn[40], c1[40], c2[40], q[4096 + 64];
    mtrk_id tid = mtrk_tenant_id(t);
    uuid_text(tn, &tid);
    uuid_text(c1, &camp);
    uuid_text(c2, &camp2);
    PGresult *cr = PQexec(admin, "SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) "
                                 "FROM information_schema.columns WHERE table_schema = current_schema() AND "
                                 "table_name = 'messages' AND column_name NOT IN ('tenant', 'id', 'campaign', "
                                 "'contact')");
    if (PQresultStatus(cr) != PGRES_TUPLES_OK || PQgetisnull(cr, 0, 0)) {
        fprintf(stderr, "pg_bench: messages' columns: %s", PQerrorMessage(admin));
        exit(1);
    }
    char rest[1024], trest[1536];
    snprintf(rest, sizeof rest, "%s", PQgetvalue(cr, 0, 0));
    PQclear(cr);
    /* trest: the same columns, each prefixed "t." */
    size_t o = 0;
    o += (size_t)snprintf(trest + o, sizeof trest - o, "t.");
    for (const char *p = rest; *p && o + 4 < sizeof trest; p++) {
        trest[o++] = *p;
        if (*p == ' ' && p > rest && p[-1] == ',')
            o += (size_t)snprintf(trest + o, sizeof trest - o, "t.");
    }
    trest[o] = '\0';
    snprintf(q, sizeof q,
             "INSERT INTO messages (tenant, id, campaign, contact, %s) "
             "SELECT '%s', ('01900000-0000-7000-8000-' || lpad(to_hex(row_number() OVER ()), 12, '0'))::uuid, "
             "'%s', m.contact, %s FROM "
             "(SELECT DISTINCT ac.contact FROM campaign_audiences ca JOIN audience_contacts ac ON ac.tenant = "
             "ca.tenant AND ac.audience = ca.audience WHERE ca.tenant = '%s' AND ca.campaign = '%s') m "
             "JOIN contacts k ON k.tenant = '%s' AND k.id = m.contact AND k.status = %d "
             "CROSS JOIN (SELECT * FROM messages WHERE tenant = '%s' AND campaign = '%s' LIMIT 1) t "
             "WHERE NOT EXISTS (SELECT 1 FROM unsubscribes u WHERE u.tenant = '%s' AND u.contact = m.contact AND "
             "(u.scope = %d OR (u.scope = %d AND u.scope_id = '%s') OR (u.scope = %d AND u.scope_id IN (SELECT "
             "audience FROM campaign_audiences WHERE tenant = '%s' AND campaign = '%s')))) "
             "AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.tenant = '%s' AND ((s.kind = %d AND s.value = "
             "k.address_key) OR (s.kind = %d AND s.value = split_part(k.address_key, '@', 2)))) "
             "AND NOT EXISTS (SELECT 1 FROM messages x WHERE x.tenant = '%s' AND x.campaign = '%s' AND x.contact = "
             "m.contact)",
             rest, tn, c2, trest, tn, c2, tn, MTRK_CONTACT_ACTIVE, tn, c1, tn, MTRK_UNSUB_GLOBAL, MTRK_UNSUB_CAMPAIGN,
             c2, MTRK_UNSUB_AUDIENCE, tn, c2, tn, MTRK_SUPPRESS_ADDRESS, MTRK_SUPPRESS_DOMAIN, tn, c2);
    sql("ANALYZE"); /* not timed: the raw baseline's tables are analyzed too */
    if (getenv("MTRK_BENCH_EXPLAIN")) {
        char eq[4200];
        snprintf(eq, sizeof eq, "EXPLAIN %s", q);
        PGresult *er = PQexec(admin, eq);
        for (int i = 0; PQresultStatus(er) == PGRES_TUPLES_OK && i < PQntuples(er); i++)
            printf("plan: %s\n", PQgetvalue(er, i, 0));
        PQclear(er);
    }
    t0 = now_s();
    PGresult *lr = PQexec(admin, q);
    double el3 = now_s() - t0;
    if (PQresultStatus(lr) != PGRES_COMMAND_OK) {
        fprintf(stderr, "pg_bench: like-for-like baseline: %s", PQerrorMessage(admin));
        exit(1);
    }
    long made = atol(PQcmdTuples(lr));
    PQclear(lr);
    if (made != (long)r.created) {
        fprintf(stderr, "pg_bench: like-for-like baseline made %ld messages, mtrk %zu\n", made, (size_t)r.created);
        exit(1);
    }
    /* Raw baseline, same shape, bare tables. */
    sql("CREATE TABLE raw_contacts (id bigint PRIMARY KEY, status int NOT NULL);"
        "CREATE TABLE raw_members (audience int, contact bigint, PRIMARY KEY (audience, contact));"
        "CREATE TABLE raw_unsubs (contact bigint PRIMARY KEY);"
        "CREATE TABLE raw_messages (id bigserial, campaign int, contact bigint, PRIMARY KEY (campaign, contact))");
    snprintf(q, sizeof q,
             "INSERT INTO raw_contacts SELECT i, 0 FROM generate_series(0, %ld) i;"
             "INSERT INTO raw_members SELECT 0, i FROM generate_series(0, %ld) i WHERE i %% 3 <> 2;"
             "INSERT INTO raw_members SELECT 1, i FROM generate_series(0, %ld) i WHERE i %% 3 <> 0;"
             "INSERT INTO raw_members SELECT 2, i FROM generate_series(0, %ld) i WHERE i %% 5 < 2;"
             "INSERT INTO raw_unsubs SELECT i FROM generate_series(0, %ld) i WHERE i %% 20 = 0; ANALYZE",
             c - 1, c - 1, c - 1, c - 1, c - 1);
    sql(q);
    t0 = now_s();
    sql("INSERT INTO raw_messages (campaign, contact) SELECT DISTINCT 1, m.contact FROM raw_members m "
        "JOIN raw_contacts k ON k.id = m.contact AND k.status = 0 "
        "WHERE NOT EXISTS (SELECT 1 FROM raw_unsubs u WHERE u.contact = m.contact) "
        "AND NOT EXISTS (SELECT 1 FROM raw_messages x WHERE x.campaign = 1 AND x.contact = m.contact)");
    double el2 = now_s() - t0;
    printf("generate: like-for-like INSERT ... SELECT: %.3f s (%.0f contacts/s); mtrk/like-for-like time ratio %.2f, "
           "fraction %.3f\n", el3, c / el3, el / el3, el3 / el);
    printf("generate: raw INSERT ... SELECT: %.3f s (%.0f contacts/s); mtrk/raw time ratio %.1f\n", el2, c / el2,
           el / el2);
    free(contacts);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

/* Event k of the benchmarks' stream over nm messages: its message's
 * index, its type (sent, delivered, open, open) and its occurrence time,
 * over 72 hours or within one hour. Every design and baseline here
 * writes this stream. */
typedef struct stream_event {
    size_t m;
    int type;
    int64_t at;
} stream_event;

static stream_event stream_at(long k, size_t nm, int one_hour)
{
    static const int types[] = { MTRK_EV_SENT, MTRK_EV_DELIVERED, MTRK_EV_OPEN, MTRK_EV_OPEN };
    unsigned long h = (unsigned long)k * 2654435761u;
    stream_event e = { (h / 4) % nm, types[h % 4], T0 + (int64_t)((h / 7) % (one_hour ? 3600 : 72 * 3600)) * 1000 };
    return e;
}

/* COPY ... FROM STDIN on the admin connection: copy_begin(statement), the
 * rows with PQputCopyData, copy_end(); either exits on failure. */
static void copy_begin(const char *stmt)
{
    PGresult *res = PQexec(admin, stmt);
    if (PQresultStatus(res) != PGRES_COPY_IN) {
        fprintf(stderr, "pg_bench: %s: %s", stmt, PQerrorMessage(admin));
        exit(1);
    }
    PQclear(res);
}

static void copy_end(void)
{
    PQputCopyEnd(admin, NULL);
    PGresult *res = PQgetResult(admin);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        fprintf(stderr, "pg_bench: COPY: %s", PQerrorMessage(admin));
        exit(1);
    }
    PQclear(res);
}

/* Raw baseline: COPY of n bare rows (id, message, type, occurred_at)
 * into an unindexed table with a uuid primary key; its time in s. */
static double raw_copy(long n, size_t nm)
{
    sql("CREATE TABLE raw_events (id uuid PRIMARY KEY, message uuid NOT NULL, type int NOT NULL, "
        "occurred_at bigint NOT NULL)");
    double t0 = now_s();
    copy_begin("COPY raw_events FROM STDIN");
    char line[160];
    for (long k = 0; k < n; k++) {
        stream_event e = stream_at(k, nm, 0);
        int len = snprintf(line, sizeof line, "%08lx-0000-7000-8000-%012lx\t00000000-0000-7000-8000-%012zx\t%d\t%lld\n",
                           (unsigned long)(k >> 16), (unsigned long)k, e.m, e.type, (long long)e.at);
        PQputCopyData(admin, line, len);
    }
    copy_end();
    return now_s() - t0;
}

/* A campaign of n/4 contacts (at least 100), generated: its messages'
 * ids into *mids (nm of them; both arrays the caller's to free). */
static size_t generated_campaign(mtrk_tenant *t, long n, mtrk_id *camp, mtrk_id **contacts, mtrk_id **mids,
                                 const char *what)
{
    long c = n / 4 < 100 ? 100 : n / 4;
    *contacts = calloc((size_t)c, sizeof **contacts);
    *camp = make_campaign(t, c, *contacts);
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    int rc = mtrk_campaign_generate(&r, t, *camp);
    mtrk_message_iter *it = NULL;
    rc = rc ? rc : mtrk_message_iter_new(&it, t, *camp);
    *mids = calloc((size_t)c, sizeof **mids);
    mtrk_message_info m = MTRK_MESSAGE_INFO_INIT;
    size_t nm = 0;
    while (rc == 0 && nm < (size_t)c && mtrk_message_iter_next(&m, it) == MTRK_OK)
        (*mids)[nm++] = m.mid;
    mtrk_message_iter_free(it);
    if (rc || nm == 0)
        die(what, rc);
    return nm;
}

/* Bytes of the relations of the bench's schema whose name starts with
 * `like` (a LIKE pattern; NULL: every relation): heap, indexes and TOAST
 * (pg_total_relation_size of each table, partitions counted once each). */
static double schema_bytes(const char *like)
{
    char q[512];
    snprintf(q, sizeof q,
             "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n "
             "ON n.oid = c.relnamespace WHERE n.nspname = '%s' AND c.relkind IN ('r', 'm')%s%s%s",
             schema, like ? " AND c.relname LIKE '" : "", like ? like : "", like ? "'" : "");
    PGresult *r = PQexec(admin, q);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        fprintf(stderr, "pg_bench: %s: %s", q, PQerrorMessage(admin));
        exit(1);
    }
    double v = atof(PQgetvalue(r, 0, 0));
    PQclear(r);
    return v;
}

/* Records n events on the nm messages in calls of 1,000 (sent, delivered,
 * open, open; provider event ids e0, e1, ...), occurring over 72 hours, or
 * within one hour when one_hour is set. */
static void record_events(mtrk_tenant *t, long n, const mtrk_id *mids, size_t nm, int one_hour)
{
    enum { B = 1000 };
    static mtrk_event_input in[B];
    static const mtrk_event_input *pin[B];
    static mtrk_event_outcome out[B];
    static mtrk_event_outcome *pout[B];
    static char peid[B][32];
    int rc;
    for (long k = 0; k < n; k += B) {
        int nb = (int)(n - k < B ? n - k : B);
        for (int i = 0; i < nb; i++) {
            stream_event se = stream_at(k + i, nm, one_hour);
            mtrk_event_input d = MTRK_EVENT_INPUT_INIT;
            in[i] = d;
            in[i].type = (mtrk_event_type)se.type;
            in[i].mid = mids[se.m];
            in[i].occurred_at = se.at;
            in[i].provider = "bench";
            snprintf(peid[i], sizeof peid[i], "e%ld", k + i);
            in[i].provider_event_id = peid[i];
            pin[i] = &in[i];
            mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
            out[i] = o;
            pout[i] = &out[i];
        }
        if ((rc = mtrk_event_record_batch(NULL, pout, t, pin, (size_t)nb)) != 0)
            die("record", rc);
    }
}

static void bench_ingest(long n)
{
    mtrk_db *db;
    mtrk_tenant *t = open_tenant(&db);
    mtrk_id camp, *contacts, *mids;
    size_t nm = generated_campaign(t, n, &camp, &contacts, &mids, "ingest setup");
    enum { B = 1000 };
    double before = schema_bytes(NULL), ev_before = schema_bytes("event%");
    fprintf(stderr, "ingest: timed part starts\n"); /* a marker for strace -e sendto counts */
    pgss_mark(0);
    double t0 = now_s();
    record_events(t, n, mids, nm, 0);
    double el = now_s() - t0;
    fprintf(stderr, "ingest: timed part ends\n");
    pgss_mark(1);
    printf("ingest: mtrk pg: %ld events in %.2f s (%.0f events/s), calls of %d\n", n, el, n / el, B);
    double ev_bytes = schema_bytes("event%") - ev_before, grown = schema_bytes(NULL) - before;
    if (getenv("MTRK_BENCH_SIZES")) { /* each relation of the events: heap and every index */
        char q[512];
        snprintf(q, sizeof q,
                 "SELECT c.relname, pg_relation_size(c.oid) FROM pg_class c JOIN pg_namespace s ON s.oid = "
                 "c.relnamespace WHERE s.nspname = '%s' AND c.relkind IN ('r', 'i') AND c.relname LIKE 'event%%' "
                 "ORDER BY 1", schema);
        PGresult *r = PQexec(admin, q);
        for (int i = 0; PQresultStatus(r) == PGRES_TUPLES_OK && i < PQntuples(r); i++)
            printf("ingest:   %-40s %8.1f bytes per event\n", PQgetvalue(r, i, 0), atof(PQgetvalue(r, i, 1)) / n);
        PQclear(r);
    }
    double el2 = raw_copy(n, nm);
    printf("ingest: raw COPY: %ld rows in %.3f s (%.0f rows/s); mtrk/raw time ratio %.1f\n", n, el2, n / el2,
           el / el2);
    printf("ingest: bytes per event: event tables %.1f, schema growth %.1f; raw COPY table %.1f per row\n",
           ev_bytes / n, grown / n, schema_bytes("raw_events") / n);
    free(contacts);
    free(mids);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

/* The rebuild of a campaign whose n events all occurred within one hour:
 * the core reads them through events_by_campaign a page at a time (the
 * hourly series). */
static void bench_rebuild(long n)
{
    mtrk_db *db;
    mtrk_tenant *t = open_tenant(&db);
    mtrk_id camp, *contacts, *mids;
    size_t nm = generated_campaign(t, n, &camp, &contacts, &mids, "rebuild setup");
    record_events(t, n, mids, nm, 1);
    sql("ANALYZE");
    double t0 = now_s();
    int rc = mtrk_metrics_rebuild(t);
    double el = now_s() - t0;
    if (rc)
        die("rebuild", rc);
    printf("rebuild: %ld events of one campaign within one hour: %.2f s (%.0f events/s)\n", n, el, n / el);
    free(contacts);
    free(mids);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

static void uuid_text(char *out, const mtrk_id *id)
{
    static const char hx[] = "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hx[id->bytes[i] >> 4];
        out[o++] = hx[id->bytes[i] & 15];
    }
    out[o] = '\0';
}

/* Event k of the append benchmark (a distinct id and provider event id
 * per `round`). */
static mtrk_store_event append_event(long k, int round, const mtrk_id *mids, size_t nm, mtrk_id camp, char *peid)
{
    stream_event se = stream_at(k, nm, 0);
    mtrk_store_event e;
    memset(&e, 0, sizeof e);
    e.version = MTRK_STORE_EVENT_VERSION;
    e.id.bytes[0] = (unsigned char)(0x10 + round);
    for (int b = 0; b < 8; b++)
        e.id.bytes[8 + b] = (unsigned char)((unsigned long)k >> (8 * (7 - b)));
    e.message = mids[se.m];
    e.campaign = camp;
    e.contact = e.message;
    e.type = se.type;
    e.occurred_at = se.at;
    e.arrived_at = T0 + 100LL * 86400000;
    e.occurred_hour = e.occurred_at / 3600000 * 3600000;
    e.provider = "bench";
    sprintf(peid, "a%d-%ld", round, k);
    e.provider_event_id = peid;
    return e;
}

static void bench_append(long n)
{
    mtrk_db *db;
    mtrk_tenant *t = open_tenant(&db);
    mtrk_id camp, *contacts, *mids;
    size_t nm = generated_campaign(t, n, &camp, &contacts, &mids, "append setup");
    int rc;
    mtrk_id tenant = mtrk_tenant_id(t);
    char ci[4096];
    snprintf(ci, sizeof ci, "%s options='-csearch_path=%s'", getenv("MTRK_TEST_PG"), schema);
    mtrk_store *st = NULL;
    if ((rc = mtrk_store_pg_new(&st, ci, NULL)) != 0)
        die("store", rc);
    enum { B = 1000 };
    static mtrk_store_event ev[B];
    static const mtrk_store_event *pev[B];
    static char peid[B][32];
    /* A first round, not timed: the partitions and statements exist after it. */
    double el[3] = { 0, 0, 0 };
    for (int round = 0; round < 2; round++) {
        double t0 = now_s();
        for (long k = 0; k < n; k += B) {
            int nb = (int)(n - k < B ? n - k : B);
            for (int i = 0; i < nb; i++) {
                ev[i] = append_event(k + i, round, mids, nm, camp, peid[i]);
                pev[i] = &ev[i];
            }
            if ((rc = st->begin(st, 1)) || (rc = st->events_append(st, tenant, pev, (size_t)nb)) ||
                (rc = st->commit(st))) {
                fprintf(stderr, "pg_bench: events_append: %s\n", st->errmsg(st));
                exit(1);
            }
        }
        el[0] = now_s() - t0;
    }
    printf("append: events_append: %ld events in %.3f s (%.0f events/s), transactions of %d\n", n, el[0],
           n / el[0], B);
    /* The same rows (other ids) by COPY, on another connection; then once
     * more without the table's triggers (the foreign keys' checks, and on
     * a schema before version 13 the keys trigger: session_replication_role
     * = replica, a superuser's setting). */
    char tn[40], line[512], mid[40], cmp[40], id[40];
    uuid_text(tn, &tenant);
    double el_notrig = 0;
    for (int pass = 0; pass < 2; pass++) {
    if (pass == 1) {
        PGresult *r0 = PQexec(admin, "SET session_replication_role = replica");
        int ok = PQresultStatus(r0) == PGRES_COMMAND_OK;
        PQclear(r0);
        if (!ok)
            break;
    }
    double t0 = now_s();
    for (long k = 0; k < n; k += B) {
        int nb = (int)(n - k < B ? n - k : B);
        sql("BEGIN");
        copy_begin("COPY events (tenant, id, message, campaign, contact, type, occurred_at, arrived_at, occurred_hour, "
                   "provider, provider_event_id, bounce_kind, verdict, unsub_scope, unsub_source, effects) FROM STDIN");
        for (int i = 0; i < nb; i++) {
            mtrk_store_event e = append_event(k + i, 2 + pass, mids, nm, camp, peid[i]);
            uuid_text(id, &e.id);
            uuid_text(mid, &e.message);
            uuid_text(cmp, &e.campaign);
            int len = snprintf(line, sizeof line, "%s\t%s\t%s\t%s\t%s\t%lld\t%lld\t%lld\t%lld\t%s\t%s\t0\t0\t0\t0\t0\n",
                               tn, id, mid, cmp, mid, (long long)e.type, (long long)e.occurred_at,
                               (long long)e.arrived_at, (long long)e.occurred_hour, e.provider,
                               e.provider_event_id);
            PQputCopyData(admin, line, len);
        }
        copy_end();
        sql("COMMIT");
    }
    if (pass == 0)
        el[1] = now_s() - t0;
    else
        el_notrig = now_s() - t0;
    }
    sql("SET session_replication_role = DEFAULT");
    printf("append: COPY: %ld events in %.3f s (%.0f events/s); events_append/COPY time ratio %.2f\n", n, el[1],
           n / el[1], el[0] / el[1]);
    el[2] = raw_copy(n, nm);
    printf("append: raw COPY (ingest's baseline): %ld rows in %.3f s; events_append/raw %.1f, COPY into events/raw "
           "%.1f\n", n, el[2], el[0] / el[2], el[1] / el[2]);
    if (el_notrig > 0)
        printf("append: COPY into events without its triggers: %.3f s; /raw %.1f\n", el_notrig, el_notrig / el[2]);
    mtrk_store_free(st);
    free(contacts);
    free(mids);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
}

/* pg_bench floor N: the least PostgreSQL design that does an ingest's
 * work, without mtrk, on the same event stream as `ingest` (N events on
 * N/4 messages, calls of 1,000, one transaction each), against the same
 * raw COPY, in the same run. Each transaction: read the batch's messages
 * by id (one statement), read their earlier events (the fold's history,
 * one statement; not in the "summary" designs, whose message row would
 * carry every fact), fold in the client, COPY the events, write each
 * message's folded facts (one UPDATE ... FROM unnest), commit. The events
 * table: (message uuid, campaign, type, occurred_at, hour) with an index
 * for the fold (message, occurred_at) and one for the campaign's hours
 * (campaign, hour); each design adds to it:
 *   fold                that alone
 *   fold+id             a uuid event id, the primary key (mtrk returns
 *                       and looks events up by id)
 *   fold+id+dedup       a unique (provider, provider_event_id): the
 *                       duplicate and conflict checks
 *   fold+id+dedup+fk    a foreign key from the event's message to the
 *                       messages' primary key, checked per row
 *   summary+id+dedup+fk the previous without the history read
 * MTRK_BENCH_RUNS runs (default 3) of the raw COPY and every design, the
 * medians printed as time / raw COPY and its inverse. */
enum { FD_HIST = 1, FD_ID = 2, FD_DEDUP = 4, FD_FK = 8 };
static const struct {
    const char *name;
    int flags;
} floor_designs[] = { { "fold", FD_HIST },
                      { "fold+id", FD_HIST | FD_ID },
                      { "fold+id+dedup", FD_HIST | FD_ID | FD_DEDUP },
                      { "fold+id+dedup+fk", FD_HIST | FD_ID | FD_DEDUP | FD_FK },
                      { "summary+id+dedup+fk", FD_ID | FD_DEDUP | FD_FK } };
enum { FLOOR_NDESIGNS = sizeof floor_designs / sizeof floor_designs[0] };

static PGresult *floor_exec(const char *q, int np, const char *const *vals, ExecStatusType want)
{
    PGresult *r = PQexecParams(admin, q, np, NULL, vals, NULL, NULL, 0);
    if (PQresultStatus(r) != want) {
        fprintf(stderr, "pg_bench: floor: %s: %s", q, PQerrorMessage(admin));
        exit(1);
    }
    return r;
}

/* The message of index m as text, and back (the last 12 hex digits). */
static void floor_mid(char *out, size_t m) { sprintf(out, "00000000-0000-7000-8000-%012zx", m); }
static size_t floor_mindex(const char *s) { return (size_t)strtoull(s + 24, NULL, 16); }

struct floor_msg {
    int opens, n, state;
    long long first_open;
    long seen; /* the batch that last touched it */
};

/* One design's timed ingest; its time in s. */
static double floor_design(int flags, long n, size_t nm)
{
    char q[1024];
    sql("DROP TABLE IF EXISTS fevents; DROP TABLE IF EXISTS fmessages");
    sql("CREATE TABLE fmessages (id uuid PRIMARY KEY, campaign int NOT NULL, state smallint NOT NULL, opens int NOT "
        "NULL, first_open_at bigint, events int NOT NULL)");
    snprintf(q, sizeof q, "INSERT INTO fmessages SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,"
                          " 1, 1, 0, NULL, 0 FROM generate_series(0, %zu) i", nm - 1);
    sql(q);
    snprintf(q, sizeof q,
             "CREATE TABLE fevents (%smessage uuid NOT NULL%s, campaign int NOT NULL, type smallint NOT NULL, "
             "occurred_at bigint NOT NULL, hour int NOT NULL%s);"
             "CREATE INDEX ON fevents (message, occurred_at); CREATE INDEX ON fevents (campaign, hour);%s",
             flags & FD_ID ? "id uuid PRIMARY KEY, " : "", flags & FD_FK ? " REFERENCES fmessages (id)" : "",
             flags & FD_DEDUP ? ", provider text NOT NULL, peid text NOT NULL" : "",
             flags & FD_DEDUP ? "CREATE UNIQUE INDEX ON fevents (provider, peid);" : "");
    sql(q);
    sql("VACUUM ANALYZE fmessages");
    enum { B = 1000 };
    struct floor_msg *msg = calloc(nm, sizeof *msg);
    for (size_t m = 0; m < nm; m++)
        msg[m].seen = -1;
    size_t cap = (size_t)B * 40 + 16;
    char *ids = malloc(cap), *a_o = malloc(cap), *a_f = malloc(cap), *a_s = malloc(cap), *a_n = malloc(cap);
    size_t *touched = malloc(B * sizeof *touched);
    char line[256], mid[40];
    double t0 = now_s();
    for (long k = 0; k < n; k += B) {
        int nb = (int)(n - k < B ? n - k : B);
        long batch = k / B;
        size_t nt = 0, len = 0;
        ids[len++] = '{';
        for (int i = 0; i < nb; i++) {
            size_t m = stream_at(k + i, nm, 0).m;
            if (msg[m].seen == batch)
                continue;
            msg[m].seen = batch;
            touched[nt++] = m;
            floor_mid(mid, m);
            len += (size_t)sprintf(ids + len, "%s%s", nt > 1 ? "," : "", mid);
        }
        ids[len++] = '}';
        ids[len] = 0;
        const char *p1[1] = { ids };
        sql("BEGIN");
        PGresult *r = floor_exec("SELECT id, state, opens, first_open_at, events FROM fmessages WHERE id = "
                                 "ANY($1::uuid[])", 1, p1, PGRES_TUPLES_OK);
        for (int i = 0; i < PQntuples(r); i++) { /* the fold starts from the row */
            struct floor_msg *f = &msg[floor_mindex(PQgetvalue(r, i, 0))];
            f->state = atoi(PQgetvalue(r, i, 1));
            f->opens = 0;
            f->n = 0;
            f->first_open = 0;
        }
        PQclear(r);
        if (flags & FD_HIST) { /* ... and folds the message's whole history */
            r = floor_exec("SELECT message, type, occurred_at FROM fevents WHERE message = ANY($1::uuid[])", 1, p1,
                           PGRES_TUPLES_OK);
            for (int i = 0; i < PQntuples(r); i++) {
                struct floor_msg *f = &msg[floor_mindex(PQgetvalue(r, i, 0))];
                long long at = atoll(PQgetvalue(r, i, 2));
                f->n++;
                if (atoi(PQgetvalue(r, i, 1)) == MTRK_EV_OPEN && (f->opens++ == 0 || at < f->first_open))
                    f->first_open = at;
            }
            PQclear(r);
        } else { /* the summary: the row's counts are complete */
            for (size_t j = 0; j < nt; j++)
                msg[touched[j]].n = msg[touched[j]].opens = 0;
        }
        copy_begin("COPY fevents FROM STDIN");
        for (int i = 0; i < nb; i++) {
            stream_event se = stream_at(k + i, nm, 0);
            int type = se.type;
            long long at = se.at;
            struct floor_msg *f = &msg[se.m];
            f->n++;
            if (type == MTRK_EV_OPEN && (f->opens++ == 0 || at < f->first_open))
                f->first_open = at;
            if (type > f->state)
                f->state = type;
            floor_mid(mid, se.m);
            int l = 0;
            if (flags & FD_ID)
                l += sprintf(line, "%08lx-0000-7000-8000-%012lx\t", (unsigned long)((k + i) >> 16),
                             (unsigned long)(k + i));
            l += sprintf(line + l, "%s\t1\t%d\t%lld\t%lld", mid, type, at, (at - T0) / 3600000);
            if (flags & FD_DEDUP)
                l += sprintf(line + l, "\tbench\te%ld", k + i);
            line[l++] = '\n';
            PQputCopyData(admin, line, l);
        }
        copy_end();
        size_t lo = 0, lf = 0, ls = 0, ln = 0;
        a_o[lo++] = a_f[lf++] = a_s[ls++] = a_n[ln++] = '{';
        for (size_t j = 0; j < nt; j++) {
            struct floor_msg *f = &msg[touched[j]];
            const char *sep = j ? "," : "";
            lo += (size_t)sprintf(a_o + lo, "%s%d", sep, f->opens);
            lf += f->opens ? (size_t)sprintf(a_f + lf, "%s%lld", sep, f->first_open)
                           : (size_t)sprintf(a_f + lf, "%sNULL", sep);
            ls += (size_t)sprintf(a_s + ls, "%s%d", sep, f->state);
            ln += (size_t)sprintf(a_n + ln, "%s%d", sep, f->n);
        }
        a_o[lo++] = a_f[lf++] = a_s[ls++] = a_n[ln++] = '}';
        a_o[lo] = a_f[lf] = a_s[ls] = a_n[ln] = 0;
        const char *p5[5] = { ids, a_o, a_f, a_s, a_n };
        /* The summary designs add to the row's counts; the fold's write them. */
        PQclear(floor_exec(flags & FD_HIST
                               ? "UPDATE fmessages m SET opens = v.o, first_open_at = v.f, state = v.s, events = v.n "
                                 "FROM unnest($1::uuid[], $2::int[], $3::bigint[], $4::smallint[], $5::int[]) "
                                 "v (id, o, f, s, n) WHERE m.id = v.id"
                               : "UPDATE fmessages m SET opens = m.opens + v.o, first_open_at = least(m.first_open_at, "
                                 "v.f), state = greatest(m.state, v.s), events = m.events + v.n FROM unnest($1::uuid[], "
                                 "$2::int[], $3::bigint[], $4::smallint[], $5::int[]) v (id, o, f, s, n) WHERE m.id = "
                                 "v.id",
                           5, p5, PGRES_COMMAND_OK));
        sql("COMMIT");
    }
    double el = now_s() - t0;
    /* What the fold wrote is what the events say (a check, not timed). */
    char check[200];
    snprintf(check, sizeof check, "SELECT count(*) FROM fmessages m WHERE m.opens <> (SELECT count(*) FROM fevents e "
             "WHERE e.message = m.id AND e.type = %d)", MTRK_EV_OPEN);
    PGresult *r = floor_exec(check, 0, NULL, PGRES_TUPLES_OK);
    if (atol(PQgetvalue(r, 0, 0)) != 0) {
        fprintf(stderr, "pg_bench: floor: %s messages' opens differ from their events\n", PQgetvalue(r, 0, 0));
        exit(1);
    }
    PQclear(r);
    free(msg), free(ids), free(a_o), free(a_f), free(a_s), free(a_n), free(touched);
    return el;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void bench_floor(long n)
{
    size_t nm = (size_t)(n / 4 < 100 ? 100 : n / 4);
    const char *e = getenv("MTRK_BENCH_RUNS");
    int runs = e && atoi(e) > 0 ? atoi(e) : 3;
    double (*t)[FLOOR_NDESIGNS + 1] = calloc((size_t)runs, sizeof *t), col[64];
    sql("SET client_min_messages = warning");
    for (int run = 0; run < runs; run++) {
        sql("DROP TABLE IF EXISTS raw_events");
        t[run][0] = raw_copy(n, nm);
        for (int d = 0; d < FLOOR_NDESIGNS; d++) {
            t[run][d + 1] = floor_design(floor_designs[d].flags, n, nm);
            printf("floor: run %d: %-20s %.3f s (raw COPY %.3f s)\n", run + 1, floor_designs[d].name, t[run][d + 1],
                   t[run][0]);
        }
    }
    for (int d = 0; d <= FLOOR_NDESIGNS; d++) {
        for (int run = 0; run < runs && run < 64; run++)
            col[run] = t[run][d];
        qsort(col, (size_t)runs, sizeof *col, cmp_double);
        double med = col[runs / 2];
        if (d == 0)
            printf("floor: raw COPY of %ld rows: median %.3f s\n", n, med);
        else {
            double raw[64];
            for (int run = 0; run < runs && run < 64; run++)
                raw[run] = t[run][d] / t[run][0];
            qsort(raw, (size_t)runs, sizeof *raw, cmp_double);
            printf("floor: %-20s median %.3f s (%.0f events/s); time / raw COPY %.1f (median of the runs' ratios), "
                   "fraction %.3f\n", floor_designs[d - 1].name, med, n / med, raw[runs / 2], 1 / raw[runs / 2]);
        }
    }
    free(t);
}

int main(int argc, char **argv)
{
    const char *ci = getenv("MTRK_TEST_PG");
    if (ci == NULL || argc < 2) {
        fprintf(stderr, "usage: MTRK_TEST_PG=conninfo pg_bench ingest|append|rebuild|floor|generate [N]\n");
        return 2;
    }
    long n = argc > 2 ? atol(argv[2]) : 100000;
    admin = PQconnectdb(ci);
    if (PQstatus(admin) != CONNECTION_OK) {
        fprintf(stderr, "pg_bench: %s", PQerrorMessage(admin));
        return 1;
    }
    snprintf(schema, sizeof schema, "bench_%d", (int)getpid());
    char q[160];
    snprintf(q, sizeof q, "CREATE SCHEMA %s; SET search_path = %s", schema, schema);
    sql(q);
    snprintf(target, sizeof target, "pg:%s options='-csearch_path=%s'", ci, schema);
    if (strcmp(argv[1], "ingest") == 0)
        bench_ingest(n);
    else if (strcmp(argv[1], "append") == 0)
        bench_append(n);
    else if (strcmp(argv[1], "rebuild") == 0)
        bench_rebuild(n);
    else if (strcmp(argv[1], "floor") == 0)
        bench_floor(n);
    else
        bench_generate(n);
    snprintf(q, sizeof q, "DROP SCHEMA %s CASCADE", schema);
    if (getenv("MTRK_BENCH_KEEP")) /* kept for a look at its relations */
        printf("pg_bench: schema %s kept\n", schema);
    else
        sql(q);
    PQfinish(admin);
    return 0;
}
