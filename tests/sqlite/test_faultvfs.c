/*
 * I/O faults: a lifecycle of public calls runs against an SQLite
 * database opened through the fault-injecting VFS (faultvfs.c). For every
 * step and every kind of fault (write, sync, lock, truncate, file control,
 * shm map, read), N sweeps 1, 2, ... until the step runs without reaching its
 * N-th call of that kind. Each attempt starts from a copy of the database as
 * it was before the step, arms the fault after the handle is open, runs the
 * one call, and then:
 *   - a failed call returned a status code (the process is still here), the
 *     database, read through a separate plain connection, equals the state
 *     before the call (an order-independent digest of every row of every
 *     table), and the same handle then runs the call successfully;
 *   - a call that succeeded although a fault was injected (SQLite retried,
 *     or the fault hit work after the commit such as a checkpoint) left a
 *     database that passes PRAGMA integrity_check.
 * Every step is exactly one public call (one transaction). Prints the number
 * of injection points covered.
 */
#include "check.h"
#include "faultvfs.h"

#include <mtrk/mtrk.h>
#include <sqlite3.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define T0 INT64_C(1767225600000)
static mtrk_time now_ms = T0;
static mtrk_time test_clock(void *ud)
{
    (void)ud;
    return now_ms += 1000;
}

static int failures;

/* ---- what the steps share ------------------------------------------------ */

typedef struct world {
    mtrk_id contacts[4], audience, campaign, link, landing, mid[4];
} world;

typedef struct ctx {
    mtrk_db *db;
    mtrk_tenant *t; /* NULL before the tenant exists */
    world *w;
} ctx;

static int st_tenant(ctx *c)
{
    return mtrk_tenant_create(&c->t, c->db, "acme", "test:fault");
}
static int contact_n(ctx *c, int i)
{
    static const char *const a[4] = { "ana@example.com", "bia@example.com", "caio@example.org", "duda@example.net" };
    return mtrk_contact_add(&c->w->contacts[i], NULL, c->t, a[i], NULL);
}
static int st_contact0(ctx *c) { return contact_n(c, 0); }
static int st_contact1(ctx *c) { return contact_n(c, 1); }
static int st_contact2(ctx *c) { return contact_n(c, 2); }
static int st_contact3(ctx *c) { return contact_n(c, 3); }
static int st_audience(ctx *c) { return mtrk_audience_create(&c->w->audience, c->t, "news"); }
static int st_members(ctx *c)
{
    size_t added;
    return mtrk_audience_add_batch(&added, c->t, c->w->audience, c->w->contacts, 4);
}
static int st_field(ctx *c) { return mtrk_contact_set_field(c->t, c->w->contacts[0], "plan", "gold"); }
static int st_campaign(ctx *c)
{
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "spring";
    s.subject = "Hello";
    s.from_address = "news@example.com";
    s.html = "<a href=\"https://example.com/buy\">buy</a>";
    return mtrk_campaign_create(&c->w->campaign, c->t, &s);
}
static int st_link(ctx *c) { return mtrk_link_add(&c->w->link, c->t, c->w->campaign, "https://example.com/buy", "buy", 0); }
static int st_attach(ctx *c) { return mtrk_campaign_attach_audience(NULL, c->t, c->w->campaign, c->w->audience); }
static int st_suppress(ctx *c)
{
    return mtrk_suppression_add(NULL, c->t, MTRK_SUPPRESS_DOMAIN, "example.net", "manual");
}
static int st_generate(ctx *c)
{
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    return mtrk_campaign_generate(&r, c->t, c->w->campaign);
}
static int st_sending(ctx *c)
{
    int rc = mtrk_campaign_set_status(c->t, c->w->campaign, MTRK_CAMPAIGN_SCHEDULED);
    return rc ? rc : MTRK_OK;
}
static int st_sending2(ctx *c) { return mtrk_campaign_set_status(c->t, c->w->campaign, MTRK_CAMPAIGN_SENDING); }
static int st_claim(ctx *c)
{
    size_t n = 0;
    return mtrk_queue_claim(c->w->mid, &n, NULL, c->t, c->w->campaign, 4, 60000);
}
static int st_mark_sent(ctx *c) { return mtrk_queue_mark_sent(c->t, c->w->mid[0], 0, "esp", "pm-1"); }
static int st_events(ctx *c)
{
    mtrk_event_input in[7];
    const mtrk_event_input *pin[7];
    mtrk_event_outcome oc[7];
    mtrk_event_outcome *poc[7];
    static const int types[7] = { MTRK_EV_SENT, MTRK_EV_DELIVERED, MTRK_EV_OPEN, MTRK_EV_CLICK,
                                  MTRK_EV_BOUNCE, MTRK_EV_BOUNCE, MTRK_EV_COMPLAINT };
    for (int i = 0; i < 7; i++) {
        mtrk_event_input_init(&in[i], MTRK_EVENT_INPUT_VERSION);
        mtrk_event_outcome_init(&oc[i], MTRK_EVENT_OUTCOME_VERSION);
        in[i].type = (mtrk_event_type)types[i];
        in[i].mid = c->w->mid[i < 4 ? 1 : i == 4 ? 2 : i == 5 ? 1 : 0];
        in[i].occurred_at = T0 + 3600000 + i;
        in[i].provider = "esp";
        char *id = malloc(16);
        snprintf(id, 16, "ev-%d", i);
        in[i].provider_event_id = id;
        if (types[i] == MTRK_EV_CLICK)
            in[i].lid = c->w->link;
        if (i == 4)
            in[i].bounce_kind = MTRK_BOUNCE_HARD;
        if (i == 5)
            in[i].bounce_kind = MTRK_BOUNCE_SOFT;
        pin[i] = &in[i];
        poc[i] = &oc[i];
    }
    size_t rec = 0;
    int rc = mtrk_event_record_batch(&rec, poc, c->t, pin, 7);
    for (int i = 0; i < 7; i++)
        free((char *)in[i].provider_event_id);
    return rc;
}
static int st_unsub_event(ctx *c)
{
    mtrk_event_input in;
    mtrk_event_input_init(&in, MTRK_EVENT_INPUT_VERSION);
    in.type = MTRK_EV_UNSUBSCRIBE;
    in.mid = c->w->mid[1];
    in.unsub_scope = MTRK_UNSUB_CAMPAIGN;
    return mtrk_event_record(NULL, c->t, &in);
}
static int st_landing(ctx *c)
{
    return mtrk_landing_page_create(&c->w->landing, c->t, c->w->campaign, "lp", "https://example.com/lp");
}
static int st_lead(ctx *c)
{
    mtrk_lead_input in = MTRK_LEAD_INPUT_INIT;
    in.landing_page = c->w->landing;
    in.lead_key = "lead-1";
    in.address = "friend@example.org";
    in.mid = c->w->mid[1];
    return mtrk_lead_capture(NULL, NULL, c->t, &in);
}
static int st_rebuild(ctx *c) { return mtrk_metrics_rebuild(c->t); }
static int st_erase(ctx *c) { return mtrk_contact_erase(c->t, c->w->contacts[0]); }
static int st_settings(ctx *c)
{
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.tracking_base_url = "https://t.example.com";
    return mtrk_tenant_settings_set(c->t, &s);
}

static const struct step {
    const char *name;
    int (*fn)(ctx *);
} steps[] = {
    { "tenant_create", st_tenant },     { "contact_add", st_contact0 },
    { "contact_add", st_contact1 },     { "contact_add", st_contact2 },
    { "contact_add", st_contact3 },
    { "audience_create", st_audience }, { "audience_add_batch", st_members },
    { "contact_set_field", st_field },  { "campaign_create", st_campaign },
    { "link_add", st_link },            { "campaign_attach_audience", st_attach },
    { "suppression_add", st_suppress }, { "campaign_generate", st_generate },
    { "set_status scheduled", st_sending }, { "set_status sending", st_sending2 },
    { "queue_claim", st_claim },        { "queue_mark_sent", st_mark_sent },
    { "event_record_batch", st_events }, { "event_record unsubscribe", st_unsub_event },
    { "landing_page_create", st_landing }, { "lead_capture", st_lead },
    { "tenant_settings_set", st_settings }, { "metrics_rebuild", st_rebuild },
    { "contact_erase", st_erase },
};
#define NSTEPS (sizeof steps / sizeof steps[0])

/* ---- files and digests ----------------------------------------------------- */

static char dir[256], cur_path[512], work_path[512];

static void rm_db(const char *p)
{
    static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
    char b[600];
    for (int i = 0; i < 4; i++) {
        snprintf(b, sizeof b, "%s%s", p, sfx[i]);
        unlink(b);
    }
}

static void copy_db(const char *from, const char *to)
{
    rm_db(to);
    char b[1400];
    snprintf(b, sizeof b, "cp '%s' '%s'", from, to);
    if (access(from, F_OK) == 0 && system(b) != 0) {
        fprintf(stderr, "copy failed\n");
        exit(2);
    }
}

static uint64_t fnv(const void *p, size_t n, uint64_t h)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * UINT64_C(1099511628211);
    return h;
}

/* The columns of a message row that are a copy of its fold:
 * mtrk_metrics_rebuild refreshes them a page of messages per transaction
 * before it swaps the rollups in, so a failed rebuild may leave them
 * refreshed (equal to the fold every reader sees). */
static int message_fold_column(const char *c)
{
    static const char *const cols[] = { "state", "queue_state", "sent_at", "delivered_at", "bounced_at",
                                         "first_open_at", "first_click_at", "first_complaint_at", "first_unsub_at",
                                         "opens", "clicks", "soft_bounces", "flags", "provider_message_id",
                                         "folded_occurred_at", "folded_arrived_at", "folded_event", "folded_links" };
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        if (strcmp(cols[i], c) == 0)
            return 1;
    return 0;
}

/* Order-independent digest of every row of every table: the sum and the xor
 * of per-row hashes, and the row count. Through a plain connection. With
 * skip_fold, without the messages' fold columns. */
static int digest_ex(const char *path, uint64_t out[3], int skip_fold)
{
    memset(out, 0, 3 * sizeof *out);
    if (access(path, F_OK) != 0)
        return 0; /* no file yet: the empty state */
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return -1;
    sqlite3_stmt *tl;
    if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &tl,
                           NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    int rc = 0;
    while (sqlite3_step(tl) == SQLITE_ROW) {
        char sql[300];
        const char *name = (const char *)sqlite3_column_text(tl, 0);
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", name);
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
            rc = -1;
            break;
        }
        while (sqlite3_step(q) == SQLITE_ROW) {
            uint64_t h = fnv(name, strlen(name), UINT64_C(1469598103934665603));
            for (int i = 0; i < sqlite3_column_count(q); i++) {
                if (skip_fold && (strcmp(name, "messages") == 0 || strcmp(name, "message_rows") == 0) &&
                    message_fold_column(sqlite3_column_name(q, i)))
                    continue;
                int ty = sqlite3_column_type(q, i);
                h = fnv(&ty, sizeof ty, h);
                const void *b = sqlite3_column_blob(q, i);
                h = fnv(b ? b : "", (size_t)sqlite3_column_bytes(q, i), h);
            }
            out[0] += h;
            out[1] ^= h * 31;
            out[2]++;
        }
        sqlite3_finalize(q);
    }
    sqlite3_finalize(tl);
    sqlite3_close(db);
    return rc;
}

static int digest(const char *path, uint64_t out[3]) { return digest_ex(path, out, 0); }

static int integrity_ok(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return 0;
    sqlite3_stmt *q;
    int ok = sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &q, NULL) == SQLITE_OK &&
             sqlite3_step(q) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(q, 0), "ok") == 0;
    sqlite3_finalize(q);
    sqlite3_close(db);
    return ok;
}

static int open_handle(ctx *c, const char *path, int faulty, int need_tenant)
{
    char target[700];
    if (faulty)
        snprintf(target, sizeof target, "file:%s?vfs=%s", path, FAULTVFS_NAME);
    else
        snprintf(target, sizeof target, "%s", path);
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = test_clock;
    int rc = mtrk_db_open(&c->db, target, &o);
    if (rc)
        return rc;
    c->t = NULL;
    if (need_tenant && (rc = mtrk_tenant_open(&c->t, c->db, "acme", "test:fault"))) {
        mtrk_db_close(c->db);
        return rc;
    }
    return MTRK_OK;
}

static void close_handle(ctx *c)
{
    mtrk_tenant_close(c->t);
    mtrk_db_close(c->db);
    c->t = NULL;
    c->db = NULL;
}

static const struct kind {
    unsigned mask;
    const char *name;
} kinds[] = {
    { FV_WRITE, "write" }, { FV_SYNC, "sync" }, { FV_LOCK, "lock" }, { FV_TRUNCATE, "truncate" },
    { FV_FCNTL, "file control" }, { FV_SHMMAP, "shm map" }, { FV_READ, "read" },
};

int main(void)
{
    if (faultvfs_register() != SQLITE_OK) {
        fprintf(stderr, "cannot register the fault VFS\n");
        return 2;
    }
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/mtrk-faultvfs-%d", tmp && *tmp ? tmp : "/tmp", (int)getpid());
    char cmd[400];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    if (system(cmd) != 0)
        return 2;
    snprintf(cur_path, sizeof cur_path, "%s/cur.db", dir);
    snprintf(work_path, sizeof work_path, "%s/work.db", dir);

    /* The database is created (schema) by a fault-free open first: faults in
     * creation are swept separately below. */
    ctx c0 = { 0 };
    world w = { 0 };
    c0.w = &w;
    if (open_handle(&c0, cur_path, 0, 0) != MTRK_OK) {
        fprintf(stderr, "open failed: %s\n", mtrk_last_errmsg());
        return 2;
    }
    close_handle(&c0);

    long points = 0, absorbed = 0, kinds_hit[sizeof kinds / sizeof kinds[0]] = { 0 };
    for (size_t s = 0; s < NSTEPS; s++) {
        uint64_t before[3];
        if (digest(cur_path, before) != 0) {
            fprintf(stderr, "digest failed before %s\n", steps[s].name);
            return 2;
        }
        long step_points = 0;
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
            for (long n = 1;; n++) {
                copy_db(cur_path, work_path);
                world ww = w;
                ctx c = { 0 };
                c.w = &ww;
                int rc = open_handle(&c, work_path, 1, s > 0);
                if (rc) {
                    CHECK(0, "open before %s failed: %s", steps[s].name, mtrk_last_errmsg());
                    break;
                }
                faultvfs_arm(kinds[k].mask, n, 0);
                rc = steps[s].fn(&c);
                long injected = faultvfs_injected();
                faultvfs_disarm();
                if (injected == 0) {
                    CHECK(rc == MTRK_OK, "%s failed without a fault: %s", steps[s].name,
                          c.t ? mtrk_tenant_errmsg(c.t) : mtrk_last_errmsg());
                    close_handle(&c);
                    break; /* past the step's last call of this kind */
                }
                points++;
                step_points++;
                kinds_hit[k]++;
                if (rc == MTRK_OK) {
                    absorbed++;
                    close_handle(&c);
                    CHECK(integrity_ok(work_path), "%s: %s fault %ld absorbed but integrity_check fails",
                          steps[s].name, kinds[k].name, n);
                    continue;
                }
                CHECK(rc < 0, "%s: %s fault %ld: rc %d", steps[s].name, kinds[k].name, n, rc);
                uint64_t after[3];
                int fold_ok = strcmp(steps[s].name, "metrics_rebuild") == 0;
                uint64_t before_cmp[3];
                memcpy(before_cmp, before, sizeof before_cmp);
                if (fold_ok && digest_ex(cur_path, before_cmp, 1) != 0)
                    before_cmp[2] = UINT64_MAX;
                CHECK(digest_ex(work_path, after, fold_ok) == 0 && memcmp(after, before_cmp, sizeof after) == 0,
                      "%s: %s fault %ld (%s: %s) changed the database", steps[s].name, kinds[k].name, n,
                      mtrk_strerror(rc), c.t ? mtrk_tenant_errmsg(c.t) : mtrk_last_errmsg());
                /* The handle survives: the same call now succeeds. */
                if (s == 0 && c.t) {
                    mtrk_tenant_close(c.t);
                    c.t = NULL;
                }
                int rc2 = steps[s].fn(&c);
                CHECK(rc2 == MTRK_OK, "%s: after a %s fault %ld the handle cannot redo the call: %s (%s)",
                      steps[s].name, kinds[k].name, n, mtrk_strerror(rc2),
                      c.t ? mtrk_tenant_errmsg(c.t) : mtrk_last_errmsg());
                close_handle(&c);
                CHECK(integrity_ok(work_path), "%s: integrity after redo", steps[s].name);
                if (n > 400) {
                    CHECK(0, "%s: more than 400 %s calls?", steps[s].name, kinds[k].name);
                    break;
                }
            }
        }
        /* Advance: run the step without faults on the current database. */
        ctx c = { 0 };
        c.w = &w;
        int rc = open_handle(&c, cur_path, 0, s > 0);
        if (rc == MTRK_OK)
            rc = steps[s].fn(&c);
        CHECK(rc == MTRK_OK, "%s failed: %s", steps[s].name, c.t ? mtrk_tenant_errmsg(c.t) : mtrk_last_errmsg());
        close_handle(&c);
        if (rc)
            return 1;
        printf("  %-26s %4ld injection points\n", steps[s].name, step_points);
    }

    /* Opening a new database (creating the schema) under faults: a failed
     * open returns a status and leaves no mtrk database behind. */
    long open_points = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        for (long n = 1; n < 400; n++) {
            rm_db(work_path);
            ctx c = { 0 };
            faultvfs_arm(kinds[k].mask, n, 0);
            int rc = open_handle(&c, work_path, 1, 0);
            long injected = faultvfs_injected();
            faultvfs_disarm();
            if (rc == MTRK_OK)
                close_handle(&c);
            if (injected == 0)
                break;
            points++;
            open_points++;
            kinds_hit[k]++;
            if (rc == MTRK_OK) {
                absorbed++;
                CHECK(integrity_ok(work_path), "open: %s fault %ld absorbed, integrity fails", kinds[k].name, n);
                continue;
            }
            CHECK(rc < 0, "open: rc %d", rc);
            /* Whatever is left must open cleanly now (or be re-created). */
            rc = open_handle(&c, work_path, 0, 0);
            CHECK(rc == MTRK_OK, "open after a failed open (%s fault %ld): %s", kinds[k].name, n,
                  mtrk_last_errmsg());
            if (rc == MTRK_OK)
                close_handle(&c);
        }
    }
    printf("  %-26s %4ld injection points\n", "db_open (new file)", open_points);
    printf("faultvfs: %ld injection points over %zu calls (", points, NSTEPS + 1);
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        printf("%s%s %ld", k ? ", " : "", kinds[k].name, kinds_hit[k]);
    printf("), %ld absorbed by SQLite with the call succeeding; %d failures\n", absorbed, failures);
    rm_db(work_path);
    rm_db(cur_path);
    snprintf(cmd, sizeof cmd, "rmdir '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return failures ? 1 : 0;
}
