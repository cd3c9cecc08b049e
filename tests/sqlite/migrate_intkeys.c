/*
 * Forward migration of a file of schema 10 to the integer-keyed layout of
 * messages and events (migration 11, docs/decisions.md "SQLite keys").
 * tests/data/sqlite-schema10.mtrk was made by the library at user_version 10
 * (tests/data/gen_keyed_layout.py): three tenants, six campaigns, 571
 * events; sqlite-schema10.json holds the figures that library read from it
 * and which campaigns hold no history of the kind the fold with marks once
 * miscounted ("untouched").
 *
 * A copy opened by this library comes out at user_version 15 with every row
 * kept, as message_rows and event_rows behind the messages and events views,
 * integrity and foreign keys checked. Then, for every tenant and campaign:
 * the figures (campaign metrics, link stats, hourly series) equal the
 * JSON's for the untouched campaigns (and, since that library counted
 * them right, for the others too); after a rebuild every figure equals the
 * same figures read before it; events recorded after the migration on the
 * messages whose histories carried marks count once per link, the rollups
 * still equal to a rebuild, and the views show them.
 */
#include "rel.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define METRIC_COUNTS(X)                                                                                          \
    X(messages) X(canceled) X(sent) X(delivered) X(delivered_explicit) X(bounced_hard) X(bounced_soft)             \
    X(complaints) X(unsubscribes) X(opens_total) X(opens_unique) X(opens_unique_human) X(opens_machine)            \
    X(opens_inferred) X(clicks_total) X(clicks_unique) X(clicks_unique_human) X(clicks_machine) X(leads_total)     \
    X(leads_attributed) X(leads_forwarded)

#define MAX_HOURS 16
#define MAX_LINKS 8

/* The figures of one campaign, as the library reads them. */
typedef struct figs {
    mtrk_metrics m;
    size_t nlinks;
    struct { char label[64]; uint64_t clicks, unique, human; } links[MAX_LINKS];
    size_t nhours;
    uint64_t hourly[MAX_HOURS * MTRK_EV_TYPE_COUNT];
} figs;

static mtrk_time hourly_from; /* the JSON's first hour */

static void read_figs(mtrk_tenant *t, mtrk_id c, figs *f)
{
    memset(f, 0, sizeof *f);
    REL_OK(mtrk_metrics_init(&f->m, MTRK_METRICS_VERSION), t);
    REL_OK(mtrk_metrics_campaign(&f->m, t, c), t);
    mtrk_link_stats st[MAX_LINKS], *p[MAX_LINKS];
    for (int i = 0; i < MAX_LINKS; i++) {
        REL_OK(mtrk_link_stats_init(&st[i], MTRK_LINK_STATS_VERSION), t);
        p[i] = &st[i];
    }
    REL_OK(mtrk_metrics_links(p, MAX_LINKS, &f->nlinks, t, c), t);
    if (f->nlinks > MAX_LINKS)
        rel_die("%zu links", f->nlinks);
    for (size_t i = 0; i < f->nlinks; i++) {
        snprintf(f->links[i].label, sizeof f->links[i].label, "%s", st[i].label ? st[i].label : "");
        f->links[i].clicks = st[i].clicks;
        f->links[i].unique = st[i].clicks_unique;
        f->links[i].human = st[i].clicks_unique_human;
    }
    REL_OK(mtrk_metrics_hourly(f->hourly, MAX_HOURS * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &f->nhours, t, c,
                               hourly_from, hourly_from + (mtrk_time)10 * 3600000),
           t);
}

static void same_figs(const figs *a, const figs *b, const char *what)
{
#define X_(n)                                                                                                     \
    if (a->m.n != b->m.n)                                                                                         \
        rel_die("%s: %s %llu, then %llu", what, #n, (unsigned long long)a->m.n, (unsigned long long)b->m.n);
    METRIC_COUNTS(X_)
#undef X_
    if (a->nlinks != b->nlinks || a->nhours != b->nhours)
        rel_die("%s: %zu links and %zu hours, then %zu and %zu", what, a->nlinks, a->nhours, b->nlinks, b->nhours);
    for (size_t i = 0; i < a->nlinks; i++)
        if (strcmp(a->links[i].label, b->links[i].label) || a->links[i].clicks != b->links[i].clicks ||
            a->links[i].unique != b->links[i].unique || a->links[i].human != b->links[i].human)
            rel_die("%s: link %s differs", what, a->links[i].label);
    if (memcmp(a->hourly, b->hourly, sizeof a->hourly) != 0)
        rel_die("%s: the hourly series differ", what);
}

static int64_t jint(json_t *o, const char *key, const char *what)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v))
        rel_die("%s: no integer %s in the JSON", what, key);
    return (int64_t)json_integer_value(v);
}

/* The library's figures against the JSON's for one campaign. */
static void expect_json(const figs *f, json_t *c, const char *what)
{
    json_t *m = json_object_get(c, "metrics");
#define X_(n) rel_expect((int64_t)f->m.n, jint(m, #n, what), #n);
    METRIC_COUNTS(X_)
#undef X_
    json_t *links = json_object_get(c, "links");
    rel_expect((int64_t)f->nlinks, (int64_t)json_object_size(links), "links");
    for (size_t i = 0; i < f->nlinks; i++) {
        json_t *l = json_object_get(links, f->links[i].label);
        if (l == NULL)
            rel_die("%s: link %s not in the JSON", what, f->links[i].label);
        rel_expect((int64_t)f->links[i].clicks, jint(l, "clicks", what), "link clicks");
        rel_expect((int64_t)f->links[i].unique, jint(l, "clicks_unique", what), "link clicks_unique");
        rel_expect((int64_t)f->links[i].human, jint(l, "clicks_unique_human", what), "link clicks_unique_human");
    }
    json_t *hours = json_object_get(c, "hourly");
    rel_expect((int64_t)f->nhours, (int64_t)json_array_size(hours), "hours");
    for (size_t h = 0; h < f->nhours; h++) {
        json_t *row = json_array_get(hours, h);
        /* [hour, sent, delivered, deferred, open, click, bounce, complaint, unsubscribe] */
        for (size_t ty = 1; ty < json_array_size(row) && ty < MTRK_EV_TYPE_COUNT; ty++)
            if ((int64_t)f->hourly[h * MTRK_EV_TYPE_COUNT + ty] != (int64_t)json_integer_value(json_array_get(row, ty)))
                rel_die("%s: hour %zu, type %zu: %llu, the JSON says %lld", what, h, ty,
                        (unsigned long long)f->hourly[h * MTRK_EV_TYPE_COUNT + ty],
                        (long long)json_integer_value(json_array_get(row, ty)));
    }
}

static mtrk_id parse_id(const char *text)
{
    mtrk_id id;
    if (mtrk_id_from_string(&id, text) != MTRK_OK)
        rel_die("bad id %s", text);
    return id;
}

int main(int argc, char **argv)
{
    if (argc != 3)
        rel_die("usage: sqlite-migrate-intkeys FIXTURE.mtrk FIXTURE.json");
    json_error_t jerr;
    json_t *doc = json_load_file(argv[2], 0, &jerr);
    if (doc == NULL)
        rel_die("%s: %s", argv[2], jerr.text);
    json_t *tenants = json_object_get(doc, "tenants");
    char dir[4096], path[4200];
    rel_mkdtemp(dir, sizeof dir, "migrate-intkeys");
    snprintf(path, sizeof path, "%s/v10.mtrk", dir);
    rel_copy_file(argv[1], path);

    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        rel_die("open %s", path);
    rel_expect(rel_q_int(db, "PRAGMA user_version"), 10, "fixture user_version");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'events'"), 1,
               "fixture events is a table");
    int64_t events = rel_q_int(db, "SELECT count(*) FROM events");
    int64_t messages = rel_q_int(db, "SELECT count(*) FROM messages");
    int64_t marked = rel_q_int(db, "SELECT count(*) FROM messages WHERE folded_event IS NOT NULL");
    int64_t sum_opens = rel_q_int(db, "SELECT sum(created_at % 1000003) + count(DISTINCT campaign) + count(DISTINCT contact) FROM messages");
    int64_t sum_ev = rel_q_int(db, "SELECT sum(type * 7 + effects + verdict + occurred_hour / 3600000) FROM events");
    rel_expect(events, 571, "fixture events");
    rel_expect(marked > 0, 1, "fixture messages with a mark");
    sqlite3_close(db);

    /* Opened by this library: migrated. Figures as the JSON says. */
    mtrk_db *m;
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    figs before[8], after;
    size_t nc = 0;
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
        rel_die("no hourly series in the JSON");
    int untouched = 0, touched = 0;
    json_object_foreach(tenants, tkey, tv) {
        mtrk_tenant *t;
        REL_OK(mtrk_tenant_open(&t, m, tkey, "migrate-test"), NULL);
        const char *cname;
        json_t *cv;
        json_object_foreach(tv, cname, cv) {
            char what[160];
            snprintf(what, sizeof what, "%s/%s after the migration", tkey, cname);
            mtrk_id c = parse_id(json_string_value(json_object_get(cv, "id")));
            read_figs(t, c, &before[nc]);
            if (json_is_true(json_object_get(cv, "untouched"))) {
                expect_json(&before[nc], cv, what);
                untouched++;
            } else {
                /* The library of schema 10 counted these right as well. */
                expect_json(&before[nc], cv, what);
                touched++;
            }
            nc++;
        }
        mtrk_tenant_close(t);
    }
    rel_expect(untouched, 4, "untouched campaigns");
    rel_expect(touched, 2, "campaigns with histories the fold with marks miscounted");

    /* Rebuilt: every figure as before. */
    nc = 0;
    json_object_foreach(tenants, tkey, tv) {
        mtrk_tenant *t;
        REL_OK(mtrk_tenant_open(&t, m, tkey, "migrate-test"), NULL);
        REL_OK(mtrk_metrics_rebuild(t), t);
        const char *cname;
        json_t *cv;
        json_object_foreach(tv, cname, cv) {
            char what[160];
            snprintf(what, sizeof what, "%s/%s: migrated, then rebuilt", tkey, cname);
            read_figs(t, parse_id(json_string_value(json_object_get(cv, "id"))), &after);
            same_figs(&before[nc], &after, what);
            nc++;
        }
        mtrk_tenant_close(t);
    }
    mtrk_db_close(m);

    /* The rows, as SQLite sees them. */
    if (sqlite3_open(path, &db) != SQLITE_OK)
        rel_die("open %s", path);
    rel_expect(rel_q_int(db, "PRAGMA user_version"), 15, "user_version after the migration");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'view' AND name IN ('messages', 'events')"),
               2, "messages and events are views");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM event_rows"), events, "events kept");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events"), events, "events seen through the view");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM message_rows"), messages, "messages kept");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM messages"), messages, "messages seen through the view");
    rel_expect(rel_q_int(db, "SELECT sum(created_at % 1000003) + count(DISTINCT campaign) + count(DISTINCT contact) FROM messages"), sum_opens,
               "the messages' columns kept (those a rebuild leaves)");
    rel_expect(rel_q_int(db, "SELECT sum(type * 7 + effects + verdict + occurred_hour / 3600000) FROM events"), sum_ev,
               "the events' columns kept");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM tenant_keys"), 3, "a key per tenant");
    rel_expect(rel_q_int(db, "SELECT max(k) FROM tenant_keys"), 3, "small tenant keys");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM event_rows e JOIN message_rows m ON m.k = e.message_k"
                             " WHERE m.tenant_k <> e.tenant_k"),
               0, "each event keyed to its own tenant's message");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_v10'"), 0, "no leftover table");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0, "foreign keys hold");
    sqlite3_close(db);
    rel_check_integrity(path);

    /* Recorded after the migration: a click on the link clicked before the
     * mark of each message whose row carries one counts once per link. */
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    mtrk_tenant *t;
    REL_OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    json_t *spring = json_object_get(json_object_get(tenants, "acme"), "spring");
    mtrk_id campaign = parse_id(json_string_value(json_object_get(spring, "id")));
    if (sqlite3_open(path, &db) != SQLITE_OK)
        rel_die("open %s", path);
    figs spring_before;
    read_figs(t, campaign, &spring_before);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT DISTINCT e.message, e.link FROM events e JOIN messages m ON m.tenant = e.tenant"
                           " AND m.id = e.message WHERE e.type = 5 AND m.folded_event IS NOT NULL AND m.campaign = ?1"
                           " ORDER BY e.message, e.link",
                           -1, &st, NULL) != SQLITE_OK)
        rel_die("prepare: %s", sqlite3_errmsg(db));
    sqlite3_bind_blob(st, 1, campaign.bytes, sizeof campaign.bytes, SQLITE_STATIC);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
        in.type = MTRK_EV_CLICK;
        memcpy(in.mid.bytes, sqlite3_column_blob(st, 0), sizeof in.mid.bytes);
        memcpy(in.lid.bytes, sqlite3_column_blob(st, 1), sizeof in.lid.bytes);
        in.verdict = MTRK_VERDICT_HUMAN;
        in.provider = "esp";
        char peid[32];
        snprintf(peid, sizeof peid, "after-%d", n++);
        in.provider_event_id = peid;
        REL_OK(mtrk_event_record(NULL, t, &in), t);
    }
    sqlite3_finalize(st);
    if (n == 0)
        rel_die("no clicked message with a mark in spring");
    read_figs(t, campaign, &after);
    for (size_t i = 0; i < after.nlinks; i++)
        if (after.links[i].unique != spring_before.links[i].unique)
            rel_die("link %s: %llu unique clicks after clicks on messages that had clicked it, %llu before",
                    after.links[i].label, (unsigned long long)after.links[i].unique,
                    (unsigned long long)spring_before.links[i].unique);
    rel_check_rollups(t, campaign);
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events WHERE provider_event_id LIKE 'after-%'"), n,
               "the new events seen through the view");
    sqlite3_close(db);
    mtrk_tenant_close(t);
    mtrk_db_close(m);
    rel_check_integrity(path);
    json_decref(doc);
    rel_rmdir(dir);
    printf("sqlite-migrate-intkeys: a schema-10 file of %lld events migrated to integer keys; figures kept\n",
           (long long)events);
    return 0;
}
