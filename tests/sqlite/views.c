/*
 * The SQL of docs/schema.md ("Example queries") on the views messages and
 * events (migration 11): every example query is read from the page itself
 * and run with the sqlite3 library, its campaign literal replaced by a real
 * campaign's id (and its address by a real contact's).
 *
 *   - On a copy of tests/data/sqlite-schema10.mtrk (messages and events
 *     tables, schema 10) and on a copy of it migrated by this library (the
 *     views), each query returns the same rows, in the same order.
 *   - On a new file written through the API, each query returns rows, and
 *     the funnel from the event log, the who-opened listing and the
 *     contact's history agree with the library's figures; a message and
 *     an event written by the library are found through the views by
 *     their ids, with their tenant's and message's ids.
 */
#include "rel.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_QUERIES 16
#define DOC_CAMPAIGN "X'019B76DAA8007CFE927D79854D606A18'"
#define DOC_ADDRESS "'ana@example.com'"

static char *queries[MAX_QUERIES];
static size_t nqueries;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        rel_die("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (p == NULL || fread(p, 1, (size_t)n, f) != (size_t)n)
        rel_die("cannot read %s", path);
    p[n] = '\0';
    fclose(f);
    return p;
}

/* The ```sql blocks of the "Example queries" section, but for those written
 * for PostgreSQL (opening with "-- PostgreSQL": tests/pg/migrate_test.c
 * runs them). */
static void load_queries(const char *doc_path)
{
    char *doc = slurp(doc_path);
    char *sec = strstr(doc, "\n## Example queries");
    if (sec == NULL)
        rel_die("%s has no \"Example queries\" section", doc_path);
    char *end = strstr(sec + 1, "\n## ");
    if (end)
        *end = '\0';
    for (char *p = sec; (p = strstr(p, "```sql\n")) != NULL;) {
        p += 7;
        char *q = strstr(p, "```");
        if (q == NULL || nqueries == MAX_QUERIES)
            rel_die("unterminated or too many SQL blocks in %s", doc_path);
        if (strncmp(p, "-- PostgreSQL", 13) != 0)
            queries[nqueries++] = strndup(p, (size_t)(q - p));
        p = q + 3;
    }
    free(doc);
    if (nqueries < 5)
        rel_die("only %zu example queries in %s", nqueries, doc_path);
}

/* s with every `from` replaced by `to` (a new string). */
static char *replace(const char *s, const char *from, const char *to)
{
    size_t n = strlen(s) + 1, nf = strlen(from), nt = strlen(to);
    for (const char *p = s; (p = strstr(p, from)) != NULL; p += nf)
        n += nt;
    char *out = malloc(n), *o = out;
    for (const char *p = s;;) {
        const char *q = strstr(p, from);
        size_t k = q ? (size_t)(q - p) : strlen(p);
        memcpy(o, p, k);
        o += k;
        if (q == NULL)
            break;
        memcpy(o, to, nt);
        o += nt;
        p = q + nf;
    }
    *o = '\0';
    return out;
}

/* Every row of query i as text ("|" between values, "\n" between rows);
 * *nrows gets their number. */
static char *run(sqlite3 *db, size_t i, const char *campaign_hex, const char *address, int *nrows)
{
    char lit[64], addr[300];
    snprintf(lit, sizeof lit, "X'%s'", campaign_hex);
    snprintf(addr, sizeof addr, "'%s'", address);
    char *a = replace(queries[i], DOC_CAMPAIGN, lit), *sql = replace(a, DOC_ADDRESS, addr);
    free(a);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        rel_die("example query %zu does not prepare: %s\n%s", i + 1, sqlite3_errmsg(db), sql);
    size_t cap = 1024, n = 0;
    char *out = malloc(cap);
    out[0] = '\0';
    *nrows = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); c++) {
            const char *v = (const char *)sqlite3_column_text(st, c);
            size_t k = strlen(v ? v : "NULL") + 2;
            while (n + k + 1 > cap)
                out = realloc(out, cap *= 2);
            n += (size_t)snprintf(out + n, cap - n, "%s%s", c ? "|" : "", v ? v : "NULL");
        }
        while (n + 2 > cap)
            out = realloc(out, cap *= 2);
        out[n++] = '\n';
        out[n] = '\0';
        (*nrows)++;
    }
    if (rc != SQLITE_DONE)
        rel_die("example query %zu: %s", i + 1, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    free(sql);
    return out;
}

static void hex(char *out, const unsigned char *b)
{
    for (int i = 0; i < 16; i++)
        sprintf(out + 2 * i, "%02X", b[i]);
}

static sqlite3 *open_raw(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        rel_die("open %s", path);
    return db;
}

static void q_text(sqlite3 *db, const char *sql, char *out, size_t cap)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
        rel_die("%s: %s", sql, sqlite3_errmsg(db));
    snprintf(out, cap, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* The same rows from the schema-10 fixture and from its migrated copy. */
static void fixture_case(const char *fixture, const char *dir)
{
    char v10[4200], v11[4200];
    snprintf(v10, sizeof v10, "%s/v10.mtrk", dir);
    snprintf(v11, sizeof v11, "%s/v11.mtrk", dir);
    rel_copy_file(fixture, v10);
    rel_copy_file(fixture, v11);
    mtrk_db *m;
    REL_OK(mtrk_db_open(&m, v11, NULL), NULL);
    mtrk_db_close(m);
    sqlite3 *a = open_raw(v10), *b = open_raw(v11);
    rel_expect(rel_q_int(a, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'events'"), 1,
               "the fixture's events is a table");
    rel_expect(rel_q_int(b, "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name = 'events'"), 1,
               "the migrated file's events is a view");
    /* Campaign "spring" of tenant acme, and a contact with events in it. */
    char camp[40], address[256];
    q_text(a, "SELECT hex(c.id) FROM campaigns c JOIN tenants t ON t.id = c.tenant WHERE t.key = 'acme'"
              " AND c.name = 'spring'", camp, sizeof camp);
    q_text(a, "SELECT ct.address FROM contacts ct JOIN messages m ON m.tenant = ct.tenant AND m.contact = ct.id"
              " JOIN events e ON e.tenant = m.tenant AND e.message = m.id GROUP BY ct.id"
              " ORDER BY count(*) DESC, ct.address LIMIT 1", address, sizeof address);
    for (size_t i = 0; i < nqueries; i++) {
        int na, nb;
        char *ra = run(a, i, camp, address, &na), *rb = run(b, i, camp, address, &nb);
        if (na == 0)
            rel_die("example query %zu returns no rows on the fixture", i + 1);
        if (strcmp(ra, rb) != 0)
            rel_die("example query %zu: the migrated file gives\n%s\nthe schema-10 file\n%s", i + 1, rb, ra);
        free(ra);
        free(rb);
    }
    sqlite3_close(a);
    sqlite3_close(b);
}

/* A new file: the views show what the library wrote. */
static void new_file_case(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/new.mtrk", dir);
    mtrk_db *m;
    mtrk_tenant *t;
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_create(&t, m, "acme", "views-test"), NULL);
    mtrk_id aud;
    REL_OK(mtrk_audience_create(&aud, t, "all"), t);
    mtrk_id contacts[6];
    for (int i = 0; i < 6; i++) {
        char a[64];
        snprintf(a, sizeof a, "%s@example.com", i == 0 ? "ana" : (char[]){ (char)('b' + i), 0 });
        REL_OK(mtrk_contact_add(&contacts[i], NULL, t, a, NULL), t);
        REL_OK(mtrk_audience_add(NULL, t, aud, contacts[i]), t);
    }
    mtrk_campaign_spec ci = MTRK_CAMPAIGN_SPEC_INIT;
    ci.name = "spring";
    ci.subject = "Hello";
    ci.from_address = "news@acme.example";
    ci.text = "hi";
    mtrk_id camp, link;
    REL_OK(mtrk_campaign_create(&camp, t, &ci), t);
    REL_OK(mtrk_link_add(&link, t, camp, "https://acme.example/cta", "cta", 0), t);
    REL_OK(mtrk_campaign_attach_audience(NULL, t, camp, aud), t);
    REL_OK(mtrk_campaign_generate(NULL, t, camp), t);
    /* Every contact's message: sent, delivered; opens on three, a click on two. */
    mtrk_event_input in[20];
    const mtrk_event_input *pin[20];
    size_t n = 0;
    for (int i = 0; i < 6; i++) {
        mtrk_message_info mi = { .version = MTRK_MESSAGE_INFO_VERSION };
        REL_OK(mtrk_message_find(&mi, t, camp, contacts[i]), t);
        mtrk_event_type types[4] = { MTRK_EV_SENT, MTRK_EV_DELIVERED, MTRK_EV_OPEN, MTRK_EV_CLICK };
        int k = i < 2 ? 4 : i < 3 ? 3 : 2;
        for (int j = 0; j < k; j++) {
            in[n] = (mtrk_event_input)MTRK_EVENT_INPUT_INIT;
            in[n].type = types[j];
            in[n].mid = mi.mid;
            in[n].verdict = MTRK_VERDICT_HUMAN;
            if (types[j] == MTRK_EV_CLICK)
                in[n].lid = link;
            pin[n] = &in[n];
            n++;
        }
    }
    size_t recorded = 0;
    mtrk_event_outcome out[20], *pout[20];
    for (size_t i = 0; i < n; i++) {
        out[i] = (mtrk_event_outcome)MTRK_EVENT_OUTCOME_INIT;
        pout[i] = &out[i];
    }
    REL_OK(mtrk_event_record_batch(&recorded, pout, t, pin, n), t);
    rel_expect((int64_t)recorded, (int64_t)n, "events recorded");
    mtrk_metrics mt = MTRK_METRICS_INIT;
    REL_OK(mtrk_metrics_campaign(&mt, t, camp), t);
    mtrk_tenant_close(t);
    mtrk_db_close(m);

    sqlite3 *db = open_raw(path);
    char camp_hex[40];
    hex(camp_hex, camp.bytes);
    int rows;
    for (size_t i = 0; i < nqueries; i++) {
        char *r = run(db, i, camp_hex, "ana@example.com", &rows);
        if (rows == 0)
            rel_die("example query %zu returns no rows on a new file", i + 1);
        free(r);
    }
    /* The funnel from the event log (query 2): rows of type, events, messages. */
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM events e WHERE e.tenant = (SELECT id FROM tenants WHERE key = 'acme')"
             " AND e.campaign = X'%s' AND e.type = 4",
             camp_hex);
    rel_expect(rel_q_int(db, sql), (int64_t)mt.opens_total, "opens in the event log = the library's");
    snprintf(sql, sizeof sql,
             "SELECT count(DISTINCT e.message) FROM events e JOIN messages m ON m.tenant = e.tenant AND m.id = e.message"
             " WHERE m.campaign = X'%s' AND e.type = 5",
             camp_hex);
    rel_expect(rel_q_int(db, sql), (int64_t)mt.clicks_unique, "clickers through the views = the library's");
    snprintf(sql, sizeof sql, "SELECT count(*) FROM messages WHERE campaign = X'%s'", camp_hex);
    rel_expect(rel_q_int(db, sql), (int64_t)mt.messages, "messages through the view");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events e JOIN contacts ct ON ct.tenant = e.tenant"
                             " AND ct.id = e.contact WHERE ct.address = 'ana@example.com'"),
               4, "ana's history");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events e JOIN tenants t ON t.id = e.tenant"
                             " JOIN messages m ON m.id = e.message AND m.tenant = t.id AND m.contact = e.contact"
                             " WHERE t.key = 'acme'"),
               (int64_t)n, "every event's tenant, message and contact through the views");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM event_rows"), (int64_t)n, "event_rows");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0, "foreign keys hold");
    sqlite3_close(db);
    rel_check_integrity(path);
}

int main(int argc, char **argv)
{
    if (argc != 3)
        rel_die("usage: sqlite-views docs/schema.md sqlite-schema10.mtrk");
    load_queries(argv[1]);
    char dir[4096];
    rel_mkdtemp(dir, sizeof dir, "views");
    fixture_case(argv[2], dir);
    new_file_case(dir);
    rel_rmdir(dir);
    printf("sqlite-views: %zu example queries of docs/schema.md agree on the views\n", nqueries);
    for (size_t i = 0; i < nqueries; i++)
        free(queries[i]);
    return 0;
}
