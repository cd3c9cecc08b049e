/*
 * Forward migration of a real file: tests/data/sqlite-schema2.mtrk was made
 * by the previous release (library schema 3, SQLite user_version 2) with its
 * tool — 150 contacts in one audience, campaign "One" sent and simulated
 * (415 events: sends, deliveries, opens, clicks, bounces), campaign "Two"
 * generated and still queued (148 queued, 2 canceled). Opened by this
 * library, a copy of it must come out at user_version 16 with every row kept:
 * events_by_contact gone, messages.queue_state filled from the state, the
 * messages' fold marks added (migration 4), events' occurred_hour filled and
 * events_by_campaign keyed by it (migration 5; also from a version-4 copy
 * made from the result; the provider webhook tables of migration 9 also
 * from a version-8 copy), the
 * events' foreign keys to campaigns and contacts gone, the partial unique
 * indexes in place, integrity_check ok, the rollups equal to a rebuild, the
 * send queue of "Two" claimable, and a contact's history readable. After
 * each migration every table, index, view and trigger is as in a new file
 * (columns, types, NOT NULL, keys, foreign keys, index columns, unique,
 * partial). The older copies are made from the result with messages and
 * events put back as tables as schema 10 had them, taken from the second
 * fixture (tests/data/sqlite-schema10.mtrk), for migration 11 to rebuild.
 * A version-13 copy holding a dead letter gains the dead letters' bounce
 * facts (migration 14), none for the dead letter it held.
 */
#include "rel.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What migration 16 changes (the event row without its message's campaign
 * and contact, campaign_keys, events_by_campaign on the campaign's key),
 * what migration 15 changes (events_by_message loses the event id at its
 * end), what migration 14 adds (the dead letters' bounce facts), and what
 * migrations 13 and 14 add (the provider message ids, kept payloads and
 * replay tokens; the tenants' payload setting; the dead letters' send id),
 * taken away again to make a file of an earlier version. */
#define UNDO_16                                                                                               \
    "DROP TRIGGER campaign_keys_insert; DROP TRIGGER campaign_keys_delete;"                                  \
    "DROP VIEW events; DROP INDEX events_by_id; DROP INDEX events_by_provider; DROP INDEX events_by_message;" \
    "DROP INDEX events_by_campaign; ALTER TABLE event_rows RENAME TO event_rows_v16;"                        \
    "CREATE TABLE event_rows (k INTEGER PRIMARY KEY, tenant_k INTEGER NOT NULL, id BLOB NOT NULL,"         \
    " message_k INTEGER NOT NULL, campaign BLOB NOT NULL, contact BLOB NOT NULL, type INTEGER NOT NULL,"     \
    " link BLOB, occurred_at INTEGER NOT NULL, arrived_at INTEGER NOT NULL, provider TEXT,"                 \
    " provider_event_id TEXT, provider_message_id TEXT, bounce_kind INTEGER NOT NULL, diagnostic TEXT,"     \
    " user_agent TEXT, ip TEXT, verdict INTEGER NOT NULL, verdict_reason TEXT,"                             \
    " unsub_scope INTEGER NOT NULL, unsub_audience BLOB, unsub_source INTEGER NOT NULL,"                     \
    " effects INTEGER NOT NULL, occurred_hour INTEGER NOT NULL,"                                             \
    " FOREIGN KEY (message_k) REFERENCES message_rows (k) DEFERRABLE INITIALLY DEFERRED,"                   \
    " FOREIGN KEY (link) REFERENCES links (id) DEFERRABLE INITIALLY DEFERRED) STRICT;"                      \
    "INSERT INTO event_rows SELECT e.k, e.tenant_k, e.id, e.message_k, m.campaign, m.contact, e.type,"      \
    " e.link, e.occurred_at, e.arrived_at, e.provider, e.provider_event_id, e.provider_message_id,"         \
    " e.bounce_kind, e.diagnostic, e.user_agent, e.ip, e.verdict, e.verdict_reason, e.unsub_scope,"        \
    " e.unsub_audience, e.unsub_source, e.effects, e.occurred_hour"                                         \
    " FROM event_rows_v16 e JOIN message_rows m ON m.k = e.message_k;"                                     \
    "DROP TABLE event_rows_v16; DROP TABLE campaign_keys;"                                                   \
    "CREATE UNIQUE INDEX events_by_id ON event_rows (id);"                                                   \
    "CREATE UNIQUE INDEX events_by_provider ON event_rows (tenant_k, provider, provider_event_id)"           \
    " WHERE provider IS NOT NULL AND provider_event_id IS NOT NULL;"                                        \
    "CREATE INDEX events_by_message ON event_rows (message_k, occurred_at, arrived_at);"                     \
    "CREATE INDEX events_by_campaign ON event_rows (tenant_k, campaign, occurred_hour, id);"                 \
    "CREATE VIEW events AS SELECT t.id AS tenant, e.id AS id, m.id AS message, e.campaign AS campaign,"    \
    " e.contact AS contact, e.type AS type, e.link AS link, e.occurred_at AS occurred_at,"                  \
    " e.arrived_at AS arrived_at, e.provider AS provider, e.provider_event_id AS provider_event_id,"        \
    " e.provider_message_id AS provider_message_id, e.bounce_kind AS bounce_kind,"                          \
    " e.diagnostic AS diagnostic, e.user_agent AS user_agent, e.ip AS ip, e.verdict AS verdict,"           \
    " e.verdict_reason AS verdict_reason, e.unsub_scope AS unsub_scope, e.unsub_audience AS unsub_audience," \
    " e.unsub_source AS unsub_source, e.effects AS effects, e.occurred_hour AS occurred_hour"                \
    " FROM event_rows AS e JOIN tenant_keys AS t ON t.k = e.tenant_k"                                       \
    " JOIN message_rows AS m ON m.k = e.message_k;"
#define UNDO_15                                                                                               \
    "DROP INDEX events_by_message;"                                                                          \
    "CREATE INDEX events_by_message ON event_rows (message_k, occurred_at, arrived_at, id);"
#define UNDO_14                                                                                               \
    "ALTER TABLE deadletters DROP COLUMN bounce_reason; ALTER TABLE deadletters DROP COLUMN smtp_code;"      \
    "ALTER TABLE deadletters DROP COLUMN bounce_status; ALTER TABLE deadletters DROP COLUMN bounce_type;"    \
    "ALTER TABLE deadletters DROP COLUMN bounce_subtype;"
#define UNDO_13_14                                                                                            \
    "DROP TABLE provider_messages; DROP TABLE webhook_payloads; DROP TABLE webhook_nonces;"                  \
    "ALTER TABLE tenants DROP COLUMN keep_webhook_payloads;"                                                  \
    "ALTER TABLE tenants DROP COLUMN webhook_payload_retention_ms;"                                           \
    "ALTER TABLE deadletters DROP COLUMN send_id;" UNDO_14

static void sql(sqlite3 *db, const char *script)
{
    char *err = NULL;
    if (sqlite3_exec(db, script, NULL, NULL, &err) != SQLITE_OK)
        rel_die("%s: %s", script, err ? err : "?");
}

/* Migration 5: every event's occurred_hour is the hour of its occurred_at,
 * and events_by_campaign is keyed by it. */
static void check_hour_buckets(sqlite3 *db, int64_t events)
{
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events WHERE occurred_hour = occurred_at / 3600000 * 3600000"), events,
           "occurred_hour filled from occurred_at");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_index_info('events_by_campaign') WHERE name = 'occurred_hour'"), 1,
           "events_by_campaign keyed by occurred_hour");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_index_info('events_by_campaign') WHERE name = 'occurred_at'"), 0,
           "events_by_campaign no longer keyed by occurred_at");
    rel_expect(rel_q_int(db, "SELECT count(DISTINCT occurred_hour) FROM events") > 1, 1, "events over several hours");
}

/* One text describing a table or index of db as SQLite sees it: columns
 * (name, type, NOT NULL, key position), foreign keys, or an index's
 * columns, uniqueness and partiality. */
static char *describe(sqlite3 *db, const char *type, const char *name)
{
    char q[1024];
    if (strcmp(type, "trigger") == 0)
        snprintf(q, sizeof q, "SELECT sql FROM sqlite_schema WHERE name = '%s'", name);
    else if (strcmp(type, "table") == 0 || strcmp(type, "view") == 0)
        snprintf(q, sizeof q,
                 "SELECT (SELECT group_concat(name || ' ' || type || ' ' || \"notnull\" || ' ' || pk, ', ') "
                 "FROM pragma_table_info('%s')) || ' | ' || "
                 "coalesce((SELECT group_concat(\"table\" || '.' || \"to\" || '<-' || \"from\", ', ') "
                 "FROM pragma_foreign_key_list('%s')), '')",
                 name, name);
    else
        snprintf(q, sizeof q,
                 "SELECT (SELECT group_concat(coalesce(name, '?'), ', ') FROM pragma_index_info('%s')) || ' | ' || "
                 "(SELECT \"unique\" || ' ' || partial FROM pragma_index_list(tbl_name) WHERE name = '%s') "
                 "FROM sqlite_schema WHERE name = '%s'",
                 name, name, name);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, q, -1, &st, NULL) != SQLITE_OK)
        rel_die("prepare %s: %s", q, sqlite3_errmsg(db));
    char *out = NULL;
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return out;
}

/* A migrated file has every table and index a new file has, alike. */
static void expect_schema_of_a_new_file(sqlite3 *db, const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/new.mtrk", dir);
    mtrk_db *m;
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    mtrk_db_close(m);
    sqlite3 *fresh;
    if (sqlite3_open(path, &fresh) != SQLITE_OK)
        rel_die("open %s", path);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(fresh, "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'index', 'view', 'trigger') "
                                  "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &st, NULL) != SQLITE_OK)
        rel_die("list the schema: %s", sqlite3_errmsg(fresh));
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *type = (const char *)sqlite3_column_text(st, 0), *name = (const char *)sqlite3_column_text(st, 1);
        char *want = describe(fresh, type, name), *got = describe(db, type, name);
        if (want == NULL || got == NULL || strcmp(want, got) != 0)
            rel_die("%s %s after the migration: %s; a new file has: %s", type, name, got ? got : "(missing)",
                    want ? want : "?");
        free(want);
        free(got);
        n++;
    }
    sqlite3_finalize(st);
    sqlite3_close(fresh);
    if (n < 20)
        rel_die("only %d tables and indexes compared", n);
}

/* Messages, events and leads put back as schema 10 kept them (their
 * definitions read from the schema-10 fixture), rows and all: what
 * migration 11 starts from. */
static void restore_v10_layout(sqlite3 *db, const char *v10)
{
    sql(db, "CREATE TEMP TABLE m10 AS SELECT * FROM messages; CREATE TEMP TABLE e10 AS SELECT * FROM events;"
            "CREATE TEMP TABLE l10 AS SELECT * FROM leads;"
            "DROP VIEW events; DROP VIEW messages; DROP TABLE leads; DROP TABLE event_rows; DROP TABLE message_rows;"
            "DROP TRIGGER tenant_keys_insert; DROP TRIGGER tenant_keys_delete; DROP TABLE tenant_keys;"
            "DROP TRIGGER campaign_keys_insert; DROP TRIGGER campaign_keys_delete; DROP TABLE campaign_keys;"
            "DROP INDEX campaigns_by_id; DROP INDEX contacts_by_id; DROP INDEX links_by_id;");
    sqlite3 *old;
    sqlite3_stmt *st;
    char uri[4200];
    /* Immutable: a WAL file opened read-only would still get -wal and -shm files beside it. */
    snprintf(uri, sizeof uri, "file:%s?immutable=1", v10);
    if (sqlite3_open_v2(uri, &old, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(old, "SELECT sql FROM sqlite_schema WHERE tbl_name IN ('messages', 'events', 'leads')"
                                " AND sql IS NOT NULL ORDER BY type = 'index', rowid", -1, &st, NULL) != SQLITE_OK)
        rel_die("read the schema of %s: %s", v10, sqlite3_errmsg(old));
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        sql(db, (const char *)sqlite3_column_text(st, 0));
        n++;
    }
    sqlite3_finalize(st);
    sqlite3_close(old);
    if (n < 10)
        rel_die("only %d definitions of schema 10 found in %s", n, v10);
    sql(db, "INSERT INTO messages SELECT * FROM m10; INSERT INTO events SELECT * FROM e10;"
            "INSERT INTO leads SELECT * FROM l10; DROP TABLE m10; DROP TABLE e10; DROP TABLE l10;");
}

static mtrk_id campaign_named(mtrk_tenant *t, const char *name)
{
    mtrk_campaign_iter *it;
    const mtrk_campaign *c;
    REL_OK(mtrk_campaign_iter_new(&it, t), t);
    while (mtrk_campaign_iter_next(&c, it) == MTRK_OK) {
        if (strcmp(mtrk_campaign_name(c), name) == 0) {
            mtrk_id id = mtrk_campaign_id(c);
            mtrk_campaign_iter_free(it);
            return id;
        }
    }
    rel_die("campaign %s not found", name);
}

int main(int argc, char **argv)
{
    if (argc != 3)
        rel_die("usage: sqlite-migrate FIXTURE SCHEMA10-FIXTURE");
    char dir[4096], path[4200];
    rel_fixture_copy(argv[1], "migrate", "old.mtrk", dir, sizeof dir, path, sizeof path);

    /* What the old file holds, read raw before the library touches it. */
    sqlite3 *db = rel_open_at(path, 2, "fixture user_version");
    int64_t events = rel_q_int(db, "SELECT count(*) FROM events");
    int64_t messages = rel_q_int(db, "SELECT count(*) FROM messages");
    int64_t queued = rel_q_int(db, "SELECT count(*) FROM messages WHERE state = 1");
    int64_t contacts = rel_q_int(db, "SELECT count(*) FROM contacts");
    rel_expect(events, 415, "fixture events");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_by_contact'"), 1,
           "fixture events_by_contact");
    sqlite3_close(db);

    mtrk_db *m;
    mtrk_tenant *t;
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    mtrk_id one = campaign_named(t, "One"), two = campaign_named(t, "Two");
    rel_check_rollups(t, one);

    /* A contact's history, read through its messages now. */
    mtrk_message_iter *mi;
    mtrk_message_info msg = { .version = MTRK_MESSAGE_INFO_VERSION };
    REL_OK(mtrk_message_iter_new(&mi, t, one), t);
    REL_OK(mtrk_message_iter_next(&msg, mi), t);
    mtrk_id contact = msg.contact;
    mtrk_message_iter_free(mi);
    mtrk_event_iter *ei;
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    REL_OK(mtrk_event_iter_contact(&ei, t, contact), t);
    int n = 0, rc;
    while ((rc = mtrk_event_iter_next(&e, ei)) == MTRK_OK)
        n++;
    mtrk_event_iter_free(ei);
    if (rc != MTRK_ITEROVER || n == 0)
        rel_die("contact history: %d events, status %s", n, mtrk_strerror(rc));

    /* The queue of "Two", over the rebuilt index. */
    mtrk_id *mids = calloc((size_t)queued + 1, sizeof *mids);
    size_t got = 0, canceled = 0;
    REL_OK(mtrk_campaign_set_status(t, two, MTRK_CAMPAIGN_SCHEDULED), t);
    REL_OK(mtrk_campaign_set_status(t, two, MTRK_CAMPAIGN_SENDING), t);
    REL_OK(mtrk_queue_claim(mids, &got, &canceled, t, two, (size_t)queued + 1, 60000), t);
    rel_expect((int64_t)(got + canceled), queued, "claimed + canceled from the migrated queue");
    free(mids);
    mtrk_tenant_close(t);
    mtrk_db_close(m);

    db = rel_open_at(path, REL_SCHEMA_VERSION, "user_version after the migration");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_table_info('messages') WHERE name IN "
                     "('folded_occurred_at', 'folded_arrived_at', 'folded_event')"),
           3, "the messages' fold marks (migration 4)");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events"), events, "events kept");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM messages"), messages, "messages kept");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM contacts"), contacts, "contacts kept");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_by_contact'"), 0,
           "events_by_contact dropped");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_v2'"), 0, "no leftover table");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM messages WHERE queue_state IS NOT (CASE WHEN state IN (1, 2) "
                     "THEN state END)"),
           0, "queue_state derived from the state");
    rel_expect(rel_q_int(db, "SELECT count(DISTINCT id) FROM pragma_foreign_key_list('event_rows')"), 2,
           "events' foreign keys (message, link)");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_by_provider' "
                     "AND sql LIKE '%WHERE%IS NOT NULL%'"),
           1, "events_by_provider partial");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'messages_by_queue' "
                     "AND sql LIKE '%queue_state%IS NOT NULL%'"),
           1, "messages_by_queue over queue_state, partial");
    check_hour_buckets(db, events);
    expect_schema_of_a_new_file(db, dir);
    /* Back to a version-4 file: no occurred_hour, events_by_campaign by time,
     * no folded_links, no tenants' address rule or event window, none of the
     * tables of migration 8. */
    restore_v10_layout(db, argv[2]);
    sql(db, UNDO_13_14
            "DROP TABLE bounce_settings; DROP TABLE reputation_state; DROP TABLE reputation_paused;"
            "DROP TABLE bounce_policies;"
            "DROP INDEX events_by_campaign;"
            "ALTER TABLE tenants DROP COLUMN address_rule;"
            "ALTER TABLE tenants DROP COLUMN events_earliest;"
            "ALTER TABLE tenants DROP COLUMN events_ahead_ms;"
            "ALTER TABLE events DROP COLUMN occurred_hour;"
            "ALTER TABLE messages DROP COLUMN folded_links;"
            "CREATE INDEX events_by_campaign ON events (tenant, campaign, occurred_at, arrived_at);"
            "PRAGMA user_version = 4;");
    sqlite3_close(db);
    rel_check_integrity(path);

    /* Opened by this library, migration 5 adds the column and fills it. */
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    rel_check_rollups(t, one);
    mtrk_tenant_close(t);
    mtrk_db_close(m);
    db = rel_open_at(path, REL_SCHEMA_VERSION, "user_version after migrations 5 to 16");
    check_hour_buckets(db, events);
    expect_schema_of_a_new_file(db, dir);
    /* Back to a version-8 file: no provider webhook tables. Migration 9
     * creates them as a new file has them. */
    restore_v10_layout(db, argv[2]);
    sql(db, UNDO_13_14
            "DROP TABLE webhook_settings; DROP TABLE webhook_keys; DROP TABLE deadletters;"
            "PRAGMA user_version = 8;");
    sqlite3_close(db);
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    uint64_t dead = 1;
    REL_OK(mtrk_deadletter_count(&dead, t, NULL), t);
    rel_expect((int64_t)dead, 0, "no dead letters in a migrated file");
    REL_OK(mtrk_webhook_key_add(t, "mailgun", "migrated-key"), t);
    mtrk_tenant_close(t);
    mtrk_db_close(m);
    db = rel_open_at(path, REL_SCHEMA_VERSION, "user_version after migrations 9 to 16");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM webhook_keys"), 1, "a key stored in the migrated file");
    expect_schema_of_a_new_file(db, dir);
    /* Back to a version-12 file: no provider message ids, kept payloads or
     * replay tokens, no tenant payload setting, no dead-letter send id.
     * Migration 13 adds them, the setting off for the existing tenants. */
    sql(db, UNDO_16 UNDO_15 UNDO_13_14
            "PRAGMA user_version = 12;");
    sqlite3_close(db);
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    mtrk_tenant_settings st;
    REL_OK(mtrk_tenant_settings_init(&st, MTRK_TENANT_SETTINGS_VERSION), NULL);
    REL_OK(mtrk_tenant_settings_get(&st, t), t);
    rel_expect(st.keep_webhook_payloads, 0, "payloads not kept in a migrated file");
    rel_expect(st.webhook_payload_retention_ms, MTRK_WEBHOOK_PAYLOAD_RETENTION_DEFAULT_MS, "payload retention");
    mtrk_message_iter *mit = NULL;
    mtrk_message_info info;
    REL_OK(mtrk_message_info_init(&info, MTRK_MESSAGE_INFO_VERSION), NULL);
    REL_OK(mtrk_message_iter_new(&mit, t, one), t);
    REL_OK(mtrk_message_iter_next(&info, mit), t);
    mtrk_id first = info.mid;
    mtrk_message_iter_free(mit);
    REL_OK(mtrk_message_provider_id_set(t, first, "ses", "<migrated-ses-id>"), t);
    mtrk_id back;
    REL_OK(mtrk_message_provider_id_find(&back, t, "ses", "migrated-ses-id"), t);
    rel_expect(memcmp(&back, &first, sizeof back), 0, "the provider id finds its message");
    mtrk_tenant_close(t);
    mtrk_db_close(m);
    db = rel_open_at(path, REL_SCHEMA_VERSION, "user_version after migrations 13 to 16");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM provider_messages WHERE provider_message_id = 'migrated-ses-id'"),
               1, "a provider id stored normalized in the migrated file");
    expect_schema_of_a_new_file(db, dir);
    /* Back to a version-13 file holding a dead-lettered bounce of the first
     * message: no bounce facts on dead letters. Migration 14 adds them, none
     * for that one, whose replay finds its reason again from its diagnostic. */
    char hexmid[33], dlsql[6000];
    for (int i = 0; i < 16; i++)
        snprintf(hexmid + 2 * i, 3, "%02X", first.bytes[i]);
    snprintf(dlsql, sizeof dlsql,
             UNDO_16 UNDO_15 UNDO_14
             "INSERT INTO deadletters (tenant, id, provider, event_key, reason, type, message, occurred_at,"
             " arrived_at, link_index, verdict, bounce_kind, diagnostic, unsub_scope)"
             " SELECT id, randomblob(16), 'sendgrid', 'migrated-dl', 'message not found', %d, X'%s',"
             " 1767225600000, 1767225600000, -1, 0, %d, '550 5.1.1 no such user', 0 FROM tenants LIMIT 1;"
             "PRAGMA user_version = 13;",
             (int)MTRK_EV_BOUNCE, hexmid, (int)MTRK_BOUNCE_SOFT);
    sql(db, dlsql);
    sqlite3_close(db);
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    dead = 0;
    REL_OK(mtrk_deadletter_count(&dead, t, "sendgrid"), t);
    rel_expect((int64_t)dead, 1, "the dead letter kept by migration 14");
    mtrk_tenant_close(t);
    mtrk_db_close(m);
    db = rel_open_at(path, REL_SCHEMA_VERSION, "user_version after migrations 14 to 16");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_index_info('events_by_message')"), 3,
               "events_by_message narrowed by migration 15");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM pragma_table_info('event_rows') WHERE name IN ('campaign', 'contact')"),
               0, "the event row narrowed by migration 16");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM deadletters WHERE event_key = 'migrated-dl' AND bounce_reason = 0"
                             " AND smtp_code = 0 AND bounce_status IS NULL AND bounce_type IS NULL"
                             " AND bounce_subtype IS NULL AND diagnostic = '550 5.1.1 no such user'"),
               1, "a migrated dead letter: kept, with no bounce facts");
    expect_schema_of_a_new_file(db, dir);
    sqlite3_close(db);
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    size_t rec = 0, left = 9;
    REL_OK(mtrk_deadletter_replay(&rec, &left, t, "sendgrid"), t);
    rel_expect((int64_t)rec, 1, "the migrated dead letter replayed");
    rel_expect((int64_t)left, 0, "no dead letter left");
    mtrk_bounce_fact bf[2], *bfp[2] = { &bf[0], &bf[1] };
    REL_OK(mtrk_bounce_fact_init(&bf[0], MTRK_BOUNCE_FACT_VERSION), NULL);
    REL_OK(mtrk_bounce_fact_init(&bf[1], MTRK_BOUNCE_FACT_VERSION), NULL);
    size_t nbf = 0;
    REL_OK(mtrk_bounce_facts_message(bfp, 2, &nbf, t, first), t);
    rel_expect((int64_t)nbf, 1, "the replayed bounce's facts");
    rel_expect(bf[0].reason, MTRK_BR_USER_UNKNOWN, "its reason, found again from its diagnostic");
    rel_expect(bf[0].bounce_type == NULL && bf[0].bounce_subtype == NULL, 1, "no provider type kept before");
    mtrk_tenant_close(t);
    mtrk_db_close(m);
    rel_check_integrity(path);
    rel_rmdir(dir);
    printf("sqlite-migrate: schema 2 file migrated to 16, then version-4, -8, -12 and -13 copies to 16; %lld events "
           "and %lld messages kept\n", (long long)events, (long long)messages);
    return 0;
}
