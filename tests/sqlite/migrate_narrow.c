/*
 * Forward migration of a file of schema 15 or 16 to the current schema:
 * the narrow event row of schema 16 (docs/decisions.md §51: an event row
 * without its message's campaign and contact, events_by_campaign keyed by
 * the campaign's integer key) and events_by_campaign without the id of
 * schema 17 (§56). tests/data/sqlite-schema15.mtrk and sqlite-schema16.mtrk
 * were made by the libraries at those user_versions
 * (tests/data/gen_keyed_layout.py): three tenants, six campaigns, 571
 * events each; the JSON beside each holds the figures that library read
 * from it, and its schema version.
 *
 * A copy opened by this library comes out at the current user_version with
 * every event kept: the events view shows, row for row and column for
 * column, what it showed before; event_rows has no campaign or contact
 * column, a campaign key per campaign, events_by_campaign on (campaign_k,
 * occurred_hour); integrity and foreign keys hold. The figures of every
 * campaign equal the JSON's, and a rebuild leaves them; each campaign's
 * listing holds its events; retention scrubs every event's user agent
 * (a paged scan of events_by_campaign and updates of the rows); events
 * recorded after the migration keep the rollups equal to a rebuild and
 * show their message's campaign and contact in the view.
 */
#include "rel.h"
#define FIGS_DIE rel_die
#include "campaign_figs.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every column of every event, in id order, as one text. */
#define EVENTS_DUMP                                                                                            \
    "SELECT group_concat(hex(tenant) || hex(id) || hex(message) || hex(campaign) || hex(contact) || '/' || type" \
    " || '/' || quote(link) || '/' || occurred_at || '/' || arrived_at || '/' || quote(provider) || '/'"       \
    " || quote(provider_event_id) || '/' || quote(provider_message_id) || '/' || bounce_kind || '/'"          \
    " || quote(diagnostic) || '/' || quote(user_agent) || '/' || quote(ip) || '/' || verdict || '/'"          \
    " || quote(verdict_reason) || '/' || unsub_scope || '/' || quote(unsub_audience) || '/' || unsub_source"  \
    " || '/' || effects || '/' || occurred_hour, ';') FROM (SELECT * FROM events ORDER BY id)"

static char *q_text(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        rel_die("prepare %s: %s", sql, sqlite3_errmsg(db));
    char *out = NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (out == NULL)
        rel_die("no text from %s", sql);
    return out;
}

/* The campaign's events counted in the file (through the view). */
static int64_t campaign_events(sqlite3 *db, mtrk_id c)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM events WHERE campaign = ?1", -1, &st, NULL) != SQLITE_OK)
        rel_die("prepare: %s", sqlite3_errmsg(db));
    sqlite3_bind_blob(st, 1, c.bytes, sizeof c.bytes, SQLITE_STATIC);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

/* The campaign's listing: its events counted, each of this campaign and
 * of its message's contact. */
static int64_t listed(mtrk_tenant *t, sqlite3 *db, mtrk_id c)
{
    mtrk_event_iter *it;
    REL_OK(mtrk_event_iter_campaign(&it, t, c, (mtrk_event_type)0, 0, 0), t);
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    int64_t n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM message_rows WHERE id = ?1 AND campaign = ?2 AND contact = ?3", -1,
                           &st, NULL) != SQLITE_OK)
        rel_die("prepare: %s", sqlite3_errmsg(db));
    int rc;
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        if (memcmp(&e.campaign, &c, sizeof c) != 0)
            rel_die("an event of another campaign listed");
        sqlite3_bind_blob(st, 1, e.mid.bytes, sizeof e.mid.bytes, SQLITE_STATIC);
        sqlite3_bind_blob(st, 2, e.campaign.bytes, sizeof e.campaign.bytes, SQLITE_STATIC);
        sqlite3_bind_blob(st, 3, e.contact.bytes, sizeof e.contact.bytes, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int64(st, 0) != 1)
            rel_die("a listed event's campaign and contact are not its message's");
        sqlite3_reset(st);
        n++;
    }
    sqlite3_finalize(st);
    if (rc != MTRK_ITEROVER)
        rel_die("listing: %d %s", rc, mtrk_last_errmsg());
    mtrk_event_iter_free(it);
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 3)
        rel_die("usage: sqlite-migrate-narrow FIXTURE.mtrk FIXTURE.json");
    json_error_t jerr;
    json_t *doc = json_load_file(argv[2], 0, &jerr);
    if (doc == NULL)
        rel_die("%s: %s", argv[2], jerr.text);
    int version = (int)json_integer_value(json_object_get(doc, "schema_version"));
    if (version != 15 && version != 16)
        rel_die("the JSON's schema version is %d, not 15 or 16", version);
    json_t *tenants = json_object_get(doc, "tenants");
    char dir[4096], path[4200], name[32];
    snprintf(name, sizeof name, "v%d.mtrk", version);
    rel_fixture_copy(argv[1], "migrate-narrow", name, dir, sizeof dir, path, sizeof path);

    sqlite3 *db = rel_open_at(path, version, "fixture user_version");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_table_info('event_rows') WHERE name IN ('campaign', 'contact')"),
               version == 15 ? 2 : 0, "fixture event rows with the campaign and the contact until schema 16");
    char *ix0 = q_text(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info('events_by_campaign')"
                           " ORDER BY seqno)");
    if (strcmp(ix0, version == 15 ? "tenant_k,campaign,occurred_hour,id" : "campaign_k,occurred_hour,id") != 0)
        rel_die("fixture events_by_campaign on (%s)", ix0);
    free(ix0);
    int64_t events = rel_q_int(db, "SELECT count(*) FROM events");
    int64_t campaigns = rel_q_int(db, "SELECT count(*) FROM campaigns");
    int64_t with_ua = rel_q_int(db, "SELECT count(*) FROM events WHERE user_agent IS NOT NULL OR ip IS NOT NULL");
    char *dump = q_text(db, EVENTS_DUMP);
    rel_expect(events, 571, "fixture events");
    rel_expect(with_ua > 0, 1, "fixture events with a user agent");
    sqlite3_close(db);

    /* Opened by this library: migrated. Figures as the JSON says, a rebuild
     * leaves them, each campaign's listing holds its events. */
    mtrk_db *m;
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    if (sqlite3_open(path, &db) != SQLITE_OK)
        rel_die("open %s", path);
    figs before, after;
    const char *tkey;
    json_t *tv;
    figs_hourly_start(tenants);
    int ncampaigns = 0;
    json_object_foreach(tenants, tkey, tv) {
        mtrk_tenant *t;
        REL_OK(mtrk_tenant_open(&t, m, tkey, "migrate-test"), NULL);
        const char *cname;
        json_t *cv;
        json_object_foreach(tv, cname, cv) {
            char what[160];
            snprintf(what, sizeof what, "%s/%s after the migration", tkey, cname);
            mtrk_id c = figs_parse_id(json_string_value(json_object_get(cv, "id")));
            figs_read(t, c, &before);
            figs_expect_json(&before, cv, what);
            REL_OK(mtrk_metrics_rebuild(t), t);
            figs_read(t, c, &after);
            snprintf(what, sizeof what, "%s/%s: migrated, then rebuilt", tkey, cname);
            figs_same(&before, &after, what);
            snprintf(what, sizeof what, "%s/%s: events listed", tkey, cname);
            rel_expect(listed(t, db, c), campaign_events(db, c), what);
            ncampaigns++;
        }
        mtrk_tenant_close(t);
    }
    rel_expect(ncampaigns, 6, "campaigns checked");
    mtrk_db_close(m);

    /* The rows, as SQLite sees them. */
    rel_expect(rel_q_int(db, "PRAGMA user_version"), REL_SCHEMA_VERSION, "user_version after the migration");
    char *dump2 = q_text(db, EVENTS_DUMP);
    if (strcmp(dump, dump2) != 0)
        rel_die("the events view shows other rows after the migration");
    free(dump2);
    rel_expect(rel_q_int(db, "SELECT count(*) FROM event_rows"), events, "events kept");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_table_info('event_rows') WHERE name IN ('campaign', 'contact')"),
               0, "event rows without the campaign and the contact");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM campaign_keys"), campaigns, "a key per campaign");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM event_rows e JOIN message_rows m ON m.k = e.message_k"
                             " JOIN campaign_keys c ON c.k = e.campaign_k WHERE c.id <> m.campaign"),
               0, "each event keyed to its message's campaign");
    char *ix = q_text(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info('events_by_campaign')"
                          " ORDER BY seqno)");
    if (strcmp(ix, "campaign_k,occurred_hour") != 0)
        rel_die("events_by_campaign on (%s)", ix);
    free(ix);
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_v15'"), 0, "no leftover table");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0, "foreign keys hold");
    sqlite3_close(db);
    rel_check_integrity(path);

    /* Retention: every event is older than a day, its user agent and
     * address scrubbed, campaign by campaign. */
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    uint64_t scrubbed = 0;
    json_object_foreach(tenants, tkey, tv) {
        mtrk_tenant *t;
        REL_OK(mtrk_tenant_open(&t, m, tkey, "migrate-test"), NULL);
        mtrk_tenant_settings st;
        REL_OK(mtrk_tenant_settings_init(&st, MTRK_TENANT_SETTINGS_VERSION), NULL);
        REL_OK(mtrk_tenant_settings_get(&st, t), t);
        st.retention_ms = 86400000;
        REL_OK(mtrk_tenant_settings_set(t, &st), t);
        uint64_t n = 0;
        REL_OK(mtrk_retention_apply(&n, t), t);
        scrubbed += n;
        mtrk_tenant_close(t);
    }
    rel_expect((int64_t)scrubbed, with_ua, "events scrubbed by retention");

    /* Recorded after the migration: a click on each message of spring
     * that has a click, the rollups still equal to a rebuild. */
    mtrk_tenant *t;
    REL_OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    json_t *spring = json_object_get(json_object_get(tenants, "acme"), "spring");
    mtrk_id campaign = figs_parse_id(json_string_value(json_object_get(spring, "id")));
    if (sqlite3_open(path, &db) != SQLITE_OK)
        rel_die("open %s", path);
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events WHERE user_agent IS NOT NULL OR ip IS NOT NULL"), 0,
               "no user agent left");
    int64_t in_spring = campaign_events(db, campaign);
    int n = rel_click_again(t, db,
                             "SELECT DISTINCT message, link FROM events WHERE type = 5 AND campaign = ?1"
                             " ORDER BY message, link",
                             campaign, "no clicked message in spring");
    rel_check_rollups(t, campaign);
    rel_expect(listed(t, db, campaign), in_spring + n, "spring's listing with the new events");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events e JOIN messages m ON m.id = e.message"
                             " WHERE e.provider_event_id LIKE 'after-%' AND e.campaign = m.campaign"
                             " AND e.contact = m.contact"),
               n, "the new events seen through the view, with their message's campaign and contact");
    sqlite3_close(db);
    mtrk_tenant_close(t);
    mtrk_db_close(m);
    rel_check_integrity(path);
    free(dump);
    json_decref(doc);
    rel_rmdir(dir);
    printf("sqlite-migrate-narrow: a schema-15 file of %lld events migrated to the narrow event row; rows and "
           "figures kept\n", (long long)events);
    return 0;
}
