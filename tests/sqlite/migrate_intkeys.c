/*
 * Forward migration of a file of schema 10 to the integer-keyed layout of
 * messages and events (migration 11, docs/decisions.md "SQLite keys").
 * tests/data/sqlite-schema10.mtrk was made by the library at user_version 10
 * (tests/data/gen_keyed_layout.py): three tenants, six campaigns, 571
 * events; sqlite-schema10.json holds the figures that library read from it
 * and which campaigns hold no history of the kind the fold with marks once
 * miscounted ("untouched").
 *
 * A copy opened by this library comes out at user_version 16 with every row
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
#define FIGS_DIE rel_die
#include "campaign_figs.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    rel_fixture_copy(argv[1], "migrate-intkeys", "v10.mtrk", dir, sizeof dir, path, sizeof path);

    sqlite3 *db = rel_open_at(path, 10, "fixture user_version");
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
    figs_hourly_start(tenants);
    int untouched = 0, touched = 0;
    json_object_foreach(tenants, tkey, tv) {
        mtrk_tenant *t;
        REL_OK(mtrk_tenant_open(&t, m, tkey, "migrate-test"), NULL);
        const char *cname;
        json_t *cv;
        json_object_foreach(tv, cname, cv) {
            char what[160];
            snprintf(what, sizeof what, "%s/%s after the migration", tkey, cname);
            mtrk_id c = figs_parse_id(json_string_value(json_object_get(cv, "id")));
            figs_read(t, c, &before[nc]);
            if (json_is_true(json_object_get(cv, "untouched"))) {
                figs_expect_json(&before[nc], cv, what);
                untouched++;
            } else {
                /* The library of schema 10 counted these right as well. */
                figs_expect_json(&before[nc], cv, what);
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
            figs_read(t, figs_parse_id(json_string_value(json_object_get(cv, "id"))), &after);
            figs_same(&before[nc], &after, what);
            nc++;
        }
        mtrk_tenant_close(t);
    }
    mtrk_db_close(m);

    /* The rows, as SQLite sees them. */
    db = rel_open_at(path, REL_SCHEMA_VERSION, "user_version after the migration");
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
    mtrk_id campaign = figs_parse_id(json_string_value(json_object_get(spring, "id")));
    if (sqlite3_open(path, &db) != SQLITE_OK)
        rel_die("open %s", path);
    figs spring_before;
    figs_read(t, campaign, &spring_before);
    int n = rel_click_again(t, db,
                             "SELECT DISTINCT e.message, e.link FROM events e JOIN messages m ON m.tenant = e.tenant"
                             " AND m.id = e.message WHERE e.type = 5 AND m.folded_event IS NOT NULL AND m.campaign = ?1"
                             " ORDER BY e.message, e.link",
                             campaign, "no clicked message with a mark in spring");
    figs_read(t, campaign, &after);
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
