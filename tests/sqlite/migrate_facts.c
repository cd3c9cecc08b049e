/*
 * Forward migration to SQLite user_version 11 (the bounce_facts table):
 * tests/data/sqlite-schema10-spring.mtrk was made by the library at user_version 10
 * with its tool (`mtrk init` for tenant "acme", a two-contact audience, a
 * campaign "Spring" generated, moved to sending and simulated with seed 1).
 * Opened by this library, a copy comes out at the current user_version with its
 * messages and events kept and an empty bounce_facts table with its indexes,
 * into which a bounce recorded with facts then goes, under the tenant's
 * policy for its reason.
 */
#include "rel.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        rel_die("usage: sqlite-migrate-facts FIXTURE");
    char dir[4096], path[4200];
    rel_fixture_copy(argv[1], "migrate-facts", "v10.mtrk", dir, sizeof dir, path, sizeof path);

    sqlite3 *db = rel_open_at(path, 10, "fixture user_version");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'bounce_facts'"), 0,
               "fixture without bounce_facts");
    int64_t events = rel_q_int(db, "SELECT count(*) FROM events");
    sqlite3_close(db);

    mtrk_db *m = NULL;
    if (mtrk_db_open(&m, path, NULL))
        rel_die("mtrk_db_open: %s", mtrk_last_errmsg());
    mtrk_tenant *t = NULL;
    if (mtrk_tenant_open(&t, m, "acme", "test"))
        rel_die("tenant after the migration: %s", mtrk_last_errmsg());
    mtrk_id campaign;
    REL_OK(mtrk_campaign_find(&campaign, t, "Spring"), t);
    mtrk_message_iter *it = NULL;
    REL_OK(mtrk_message_iter_new(&it, t, campaign), t);
    mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
    REL_OK(mtrk_message_iter_next(&mi, it), t);
    mtrk_message_iter_free(it);
    mtrk_bounce_policy p = MTRK_BOUNCE_POLICY_INIT;
    p.reason = MTRK_BR_MAILBOX_FULL;
    p.action = MTRK_BOUNCE_ACTION_SUPPRESS;
    REL_OK(mtrk_bounce_policy_set(t, &p), t);
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = MTRK_EV_BOUNCE;
    in.mid = mi.mid;
    in.bounce_kind = MTRK_BOUNCE_SOFT;
    in.bounce_reason = MTRK_BR_MAILBOX_FULL;
    in.bounce_status = "5.2.2";
    REL_OK(mtrk_event_record(NULL, t, &in), t);
    mtrk_bounce_fact f = MTRK_BOUNCE_FACT_INIT, *fp = &f;
    size_t n = 0;
    REL_OK(mtrk_bounce_facts_message(&fp, 1, &n, t, mi.mid), t);
    rel_expect((int64_t)n, 1, "facts of the bounced message");
    rel_expect(f.kind, MTRK_BOUNCE_HARD, "the policy's kind");
    mtrk_tenant_close(t);
    mtrk_db_close(m);

    db = rel_open_at(path, REL_SCHEMA_VERSION, "user_version after the migration");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events"), events + 1, "events kept, the bounce added");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM bounce_facts WHERE reason = 3 AND status = '5.2.2'"), 1,
               "the bounce's facts");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                             "('bounce_facts_by_message', 'bounce_facts_by_campaign')"),
               2, "its indexes");
    sqlite3_close(db);
    rel_check_integrity(path);
    rel_rmdir(dir);
    printf("sqlite-migrate-facts: a version-10 file migrated to 11 with bounce_facts\n");
    return 0;
}
