/*
 * Forward migration of a file whose rollups carry the per-link miscount of
 * the fold with marks: tests/data/sqlite-schema5.mtrk was made by the library
 * at SQLite user_version 5 with its tool. Tenant "acme", campaign "spring"
 * with links Buy and Blog, ten messages, 73 events:
 *   - message A: click Buy, hard bounce (the row is written with a mark),
 *     click Buy;
 *   - message B: click Buy, 17 opens (the row is compacted), click Buy;
 *   - message C: 20 opens, click Blog (a mark, no repeated link);
 *   - seven others: opens, a few clicks, a soft bounce, an unsubscribe.
 * That library stored Buy with 6 unique clicks where its messages give 4.
 *
 * Opened by this library, the file comes out at user_version 9 with every
 * row kept and no message summary older than the migration (their marks
 * cleared: their facts come from their whole history again). The figures
 * the miscount did not touch equal those stored before; after a rebuild
 * every figure equals the history's (Buy 4 unique); and events recorded
 * after the migration on the messages that had marks count once per link,
 * the rollups still equal a rebuild.
 */
#include "rel.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static mtrk_id q_id(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    mtrk_id id;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        rel_die("prepare %s: %s", sql, sqlite3_errmsg(db));
    if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_bytes(st, 0) != (int)sizeof id.bytes)
        rel_die("no id for %s", sql);
    memcpy(id.bytes, sqlite3_column_blob(st, 0), sizeof id.bytes);
    if (sqlite3_step(st) != SQLITE_DONE)
        rel_die("more than one id for %s", sql);
    sqlite3_finalize(st);
    return id;
}

/* The stored figures of one link (clicks, unique, unique human). */
typedef struct link_fig {
    int64_t clicks, unique, human;
} link_fig;

static link_fig stored_link(sqlite3 *db, const char *label)
{
    char q[512];
    link_fig f;
    const char *cols[3] = { "clicks", "clicks_unique", "clicks_unique_human" };
    int64_t *out[3] = { &f.clicks, &f.unique, &f.human };
    for (int i = 0; i < 3; i++) {
        snprintf(q, sizeof q,
                 "SELECT s.%s FROM link_stats s JOIN links l ON l.tenant = s.tenant AND l.id = s.link "
                 "WHERE l.label = '%s'",
                 cols[i], label);
        *out[i] = rel_q_int(db, q);
    }
    return f;
}

static link_fig api_link(mtrk_tenant *t, mtrk_id campaign, const char *label)
{
    mtrk_link_stats st[4], *p[4];
    for (int i = 0; i < 4; i++) {
        REL_OK(mtrk_link_stats_init(&st[i], MTRK_LINK_STATS_VERSION), NULL);
        p[i] = &st[i];
    }
    size_t n = 0;
    REL_OK(mtrk_metrics_links(p, 4, &n, t, campaign), t);
    for (size_t i = 0; i < n; i++)
        if (st[i].label != NULL && strcmp(st[i].label, label) == 0)
            return (link_fig){ (int64_t)st[i].clicks, (int64_t)st[i].clicks_unique,
                               (int64_t)st[i].clicks_unique_human };
    rel_die("no link %s", label);
}

static void expect_link(link_fig got, link_fig want, const char *what)
{
    if (got.clicks != want.clicks || got.unique != want.unique || got.human != want.human)
        rel_die("%s: clicks %lld unique %lld human %lld, expected %lld %lld %lld", what, (long long)got.clicks,
                (long long)got.unique, (long long)got.human, (long long)want.clicks, (long long)want.unique,
                (long long)want.human);
}

static void record(mtrk_tenant *t, mtrk_event_type type, mtrk_id mid, mtrk_id lid, const char *peid)
{
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = type;
    in.mid = mid;
    in.lid = lid;
    in.provider = "esp";
    in.provider_event_id = peid;
    in.verdict = MTRK_VERDICT_HUMAN;
    REL_OK(mtrk_event_record(NULL, t, &in), t);
}

int main(int argc, char **argv)
{
    if (argc != 2)
        rel_die("usage: sqlite-migrate-folds FIXTURE");
    char dir[4096], path[4200];
    rel_fixture_copy(argv[1], "migrate-folds", "v5.mtrk", dir, sizeof dir, path, sizeof path);

    /* The figures stored before the migration, and the messages. */
    sqlite3 *db = rel_open_at(path, 5, "fixture user_version");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM messages WHERE folded_event IS NOT NULL") > 0, 1,
           "fixture messages with a mark");
    int64_t events = rel_q_int(db, "SELECT count(*) FROM events");
    rel_expect(events, 73, "fixture events");
    link_fig buy_before = stored_link(db, "Buy"), blog_before = stored_link(db, "Blog");
    expect_link(buy_before, (link_fig){ 6, 6, 6 }, "fixture Buy, miscounted");
    int64_t stats_before[6];
    const char *stat_cols[6] = { "opens_unique", "clicks_unique", "clicks_total", "delivered", "bounced_hard",
                                 "unsubscribes" };
    for (int i = 0; i < 6; i++) {
        char q[256];
        snprintf(q, sizeof q, "SELECT %s FROM campaign_stats", stat_cols[i]);
        stats_before[i] = rel_q_int(db, q);
    }
    mtrk_id campaign = q_id(db, "SELECT id FROM campaigns WHERE name = 'spring'");
    mtrk_id buy = q_id(db, "SELECT id FROM links WHERE label = 'Buy'");
    mtrk_id blog = q_id(db, "SELECT id FROM links WHERE label = 'Blog'");
    mtrk_id a = q_id(db, "SELECT message FROM events WHERE type = 6 AND bounce_kind = 1");
    mtrk_id b = q_id(db, "SELECT message FROM events WHERE type = 4 GROUP BY message HAVING count(*) = 17");
    mtrk_id c = q_id(db, "SELECT message FROM events WHERE type = 4 GROUP BY message HAVING count(*) = 20");
    sqlite3_close(db);

    /* Opened by this library: migrated, the untouched figures unchanged. */
    mtrk_db *m;
    mtrk_tenant *t;
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_open(&t, m, "acme", "migrate-test"), NULL);
    mtrk_metrics mt = MTRK_METRICS_INIT;
    REL_OK(mtrk_metrics_campaign(&mt, t, campaign), t);
    const uint64_t got[6] = { mt.opens_unique, mt.clicks_unique, mt.clicks_total, mt.delivered, mt.bounced_hard,
                              mt.unsubscribes };
    for (int i = 0; i < 6; i++)
        rel_expect((int64_t)got[i], stats_before[i], stat_cols[i]);
    expect_link(api_link(t, campaign, "Blog"), blog_before, "Blog after the migration");

    /* Rebuilt: every figure is the history's. */
    REL_OK(mtrk_metrics_rebuild(t), t);
    expect_link(api_link(t, campaign, "Buy"), (link_fig){ 6, 4, 4 }, "Buy after a rebuild");
    expect_link(api_link(t, campaign, "Blog"), blog_before, "Blog after a rebuild");
    rel_check_rollups(t, campaign);

    /* New events on the messages that had marks: a link counts once per
     * message, however long the history and whatever the row holds. */
    record(t, MTRK_EV_CLICK, a, buy, "after-1");
    record(t, MTRK_EV_CLICK, b, buy, "after-2");
    record(t, MTRK_EV_CLICK, c, buy, "after-3"); /* C's first click on Buy */
    for (int i = 0; i < 20; i++) {
        char peid[32];
        snprintf(peid, sizeof peid, "after-open-%d", i);
        record(t, MTRK_EV_OPEN, b, (mtrk_id){ { 0 } }, peid);
    }
    record(t, MTRK_EV_CLICK, b, buy, "after-4");
    record(t, MTRK_EV_CLICK, c, blog, "after-5");
    expect_link(api_link(t, campaign, "Buy"), (link_fig){ 10, 5, 5 }, "Buy after new clicks");
    expect_link(api_link(t, campaign, "Blog"), (link_fig){ blog_before.clicks + 1, blog_before.unique,
                                                          blog_before.human },
                "Blog after new clicks");
    rel_check_rollups(t, campaign);
    expect_link(api_link(t, campaign, "Buy"), (link_fig){ 10, 5, 5 }, "Buy after new clicks and a rebuild");

    /* Migration 7: the bounce settings, reputation state and policies
     * exist, empty (the defaults), and take writes. */
    mtrk_reputation_settings rs = MTRK_REPUTATION_SETTINGS_INIT;
    REL_OK(mtrk_reputation_settings_get(&rs, t), t);
    rel_expect(rs.window_ms, MTRK_REPUTATION_DEFAULT_WINDOW_MS, "default window after migration 7");
    rs.min_sent = 5;
    REL_OK(mtrk_reputation_settings_set(t, &rs), t);
    mtrk_bounce_policy bp = MTRK_BOUNCE_POLICY_INIT;
    bp.reason = MTRK_BR_MAILBOX_FULL;
    bp.action = MTRK_BOUNCE_ACTION_SUPPRESS;
    REL_OK(mtrk_bounce_policy_set(t, &bp), t);
    size_t paused = 0;
    REL_OK(mtrk_reputation_check(&paused, t), t);
    mtrk_reputation rep = MTRK_REPUTATION_INIT;
    REL_OK(mtrk_reputation_get(&rep, t, NULL), t);
    mtrk_tenant_close(t);
    mtrk_db_close(m);

    db = rel_open_at(path, REL_SCHEMA_VERSION, "user_version after the migration");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM events"), events + 25, "events kept and added");
    rel_expect(rel_q_int(db, "SELECT min_sent FROM bounce_settings"), 5, "bounce_settings written (migration 7)");
    rel_expect(rel_q_int(db, "SELECT action FROM bounce_policies WHERE reason = 3"), 1,
               "bounce_policies written (migration 7)");
    rel_expect(rel_q_int(db, "SELECT count(*) FROM reputation_paused"), 0, "reputation_paused (migration 7)");
    sqlite3_close(db);
    rel_check_integrity(path);
    rel_rmdir(dir);
    printf("sqlite-migrate-folds: a version-5 file with miscounted link figures migrated and rebuilt\n");
    return 0;
}
