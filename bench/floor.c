/*
 * The floor of an ingest: what the store part of recording an
 * event costs at least, in raw SQLite, for designs from baseline (b) up to
 * mtrk's own layout, measured in one run on the same machine. No mtrk code
 * runs here: each design is prepared SQL only, so a design's figure is an
 * upper bound for any library that does what it does.
 *
 * Every design starts from the same file: N messages in mtrk's messages
 * table (docs/schema.md), and records N events (the ingest benchmark's mix
 * of types, random event times over three days) on random messages,
 * committing every `batch` events, each batch taken in message order (as
 * mtrk_event_record_batch records it). WAL, synchronous NORMAL and a 64 MiB
 * page cache (mtrk's default) for every design, the baseline too.
 *
 *   b             baseline (b) of bench-ingest: INSERT into an integer-keyed
 *                 events table with one index on the message
 *   read          b + the message's row, read by its key: what any design
 *                 must read to decide an event (its state, campaign, contact)
 *   read+update   read + the message's facts updated in its row: the
 *                 straightforward design
 *   read+fold     read + the message's events, read from b's own index: its
 *                 facts as a fold of its events (mtrk's way)
 *   read+fold+campaign
 *                 read+fold + an index by campaign and hour, in arrival
 *                 order within the hour: what campaign listings need
 *   mtrk-layout   mtrk's events table (WITHOUT ROWID, 16-byte tenant-led
 *                 keys, its three indexes), the read and the fold
 *   integer-layout  the same columns with integer surrogates for tenant,
 *                 message, campaign and contact, a rowid table, a unique
 *                 (tenant, id) index, the read and the fold
 *   read+fold+campaign+uuid
 *                 read+fold+campaign + the event's 16-byte id as a column
 *                 with a unique index: the least a store keeps to find an
 *                 event by its public id (the storage bound of an ingest)
 *
 *   floor [events] [designs]   environment: MTRK_BENCH_RUNS (3), MTRK_BENCH_DIR (/tmp)
 *                              MTRK_BENCH_DBSTATUS (page-cache figures on stderr)
 *                              MTRK_BENCH_BATCHES ("1000,100000": the two batch sizes)
 *
 * Runs alternate between designs (run 1 of each, then run 2 ...), each in
 * its own process; figures are medians.
 */
#include "bench_util.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { D_B, D_READ, D_UPDATE, D_FOLD, D_CAMPAIGN, D_MTRK, D_INTEGER, D_UUID, D_COUNT };
static const char *const design_names[D_COUNT] = {
    "b", "read", "read+update", "read+fold", "read+fold+campaign", "mtrk-layout", "integer-layout",
    "read+fold+campaign+uuid",
};

static size_t nevents;
static char path[4096];

static const uint8_t tenant[16] = { 0x01, 0x9b, 0x76, 0xda, 0, 0, 0x70, 0, 0x80, 0, 0, 0, 0, 0, 0, 1 };
static const uint8_t campaign[16] = { 0x01, 0x9b, 0x76, 0xda, 0, 1, 0x70, 0, 0x80, 0, 0, 0, 0, 0, 0, 2 };

/* A time-ordered 16-byte id: a time prefix, then v. */
static void id_of(uint8_t out[16], uint64_t hi, uint64_t v)
{
    for (int i = 0; i < 8; i++) {
        out[i] = (uint8_t)(hi >> (56 - 8 * i));
        out[8 + i] = (uint8_t)(v >> (56 - 8 * i));
    }
}

/* Message m's id (ids of one generation share the time prefix; the tail
 * spreads them like random bits would). */
static void mid_of(uint8_t out[16], uint32_t m) { id_of(out, (uint64_t)BENCH_T0 << 16, (uint64_t)m * 2654435761u); }
static void contact_of(uint8_t out[16], uint32_t m) { id_of(out, (uint64_t)(BENCH_T0 - 1) << 16, m); }

typedef struct spec {
    uint8_t mid[16];
    uint32_t m;
    int type;
    int64_t at;
    size_t j; /* arrival number */
} spec;

static int spec_cmp(const void *a, const void *b)
{
    const spec *x = a, *y = b;
    int c = memcmp(x->mid, y->mid, 16);
    return c ? c : (x->j > y->j) - (x->j < y->j);
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "floor: %s: %s\n", sql, sqlite3_errmsg(db));
        exit(1);
    }
    return st;
}

/* Steps st to its end, reading every column of every row; the row count. */
static int drain(sqlite3_stmt *st)
{
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0, nc = sqlite3_column_count(st); c < nc; c++)
            if (sqlite3_column_type(st, c) == SQLITE_BLOB)
                (void)sqlite3_column_blob(st, c);
        n++;
    }
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "floor: step: %s\n", sqlite3_errmsg(sqlite3_db_handle(st)));
        exit(1);
    }
    sqlite3_reset(st);
    return n;
}

static const char messages_sql[] =
    "CREATE TABLE messages (tenant BLOB NOT NULL, id BLOB NOT NULL, campaign BLOB NOT NULL, contact BLOB NOT NULL,"
    " state INTEGER NOT NULL, cancel_reason INTEGER NOT NULL, created_at INTEGER NOT NULL, lease_until INTEGER NOT"
    " NULL, sent_at INTEGER NOT NULL, delivered_at INTEGER NOT NULL, bounced_at INTEGER NOT NULL, first_open_at"
    " INTEGER NOT NULL, first_click_at INTEGER NOT NULL, first_complaint_at INTEGER NOT NULL, first_unsub_at INTEGER"
    " NOT NULL, opens INTEGER NOT NULL, clicks INTEGER NOT NULL, soft_bounces INTEGER NOT NULL, flags INTEGER NOT"
    " NULL, provider_message_id TEXT, queue_state INTEGER, folded_occurred_at INTEGER, folded_arrived_at INTEGER,"
    " folded_event BLOB, seq INTEGER NOT NULL, PRIMARY KEY (tenant, id)) STRICT, WITHOUT ROWID;"
    "CREATE INDEX messages_by_contact ON messages (tenant, contact);";

/* The columns of mtrk's events table; TENANT/REF are the key types. */
#define EVENT_COLS(TENANT, REF)                                                                                      \
    "tenant " TENANT " NOT NULL, id BLOB NOT NULL, message " REF " NOT NULL, campaign " REF " NOT NULL, contact " REF \
    " NOT NULL, type INTEGER NOT NULL, link " REF ", occurred_at INTEGER NOT NULL, arrived_at INTEGER NOT NULL,"      \
    " provider TEXT, provider_event_id TEXT, provider_message_id TEXT, bounce_kind INTEGER NOT NULL, diagnostic"    \
    " TEXT, user_agent TEXT, ip TEXT, verdict INTEGER NOT NULL, verdict_reason TEXT, unsub_scope INTEGER NOT NULL,"  \
    " unsub_audience " REF ", unsub_source INTEGER NOT NULL, effects INTEGER NOT NULL, occurred_hour INTEGER NOT NULL"

static void create(sqlite3 *db, int d)
{
    bench_sql(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
    bench_sql(db, messages_sql);
    switch (d) {
    case D_MTRK:
        bench_sql(db, "CREATE TABLE events (" EVENT_COLS("BLOB", "BLOB") ", PRIMARY KEY (tenant, id)) STRICT,"
                      " WITHOUT ROWID;"
                      "CREATE UNIQUE INDEX events_by_provider ON events (tenant, provider, provider_event_id)"
                      " WHERE provider IS NOT NULL AND provider_event_id IS NOT NULL;"
                      "CREATE INDEX events_by_message ON events (tenant, message, occurred_at, arrived_at);"
                      "CREATE INDEX events_by_campaign ON events (tenant, campaign, occurred_hour);");
        break;
    case D_INTEGER:
        bench_sql(db, "CREATE TABLE events (seq INTEGER PRIMARY KEY, " EVENT_COLS("INTEGER", "INTEGER") ") STRICT;"
                      "CREATE UNIQUE INDEX events_by_id ON events (tenant, id);"
                      "CREATE UNIQUE INDEX events_by_provider ON events (tenant, provider, provider_event_id)"
                      " WHERE provider IS NOT NULL AND provider_event_id IS NOT NULL;"
                      "CREATE INDEX events_by_message ON events (tenant, message, occurred_at, arrived_at);"
                      "CREATE INDEX events_by_campaign ON events (tenant, campaign, occurred_hour);");
        break;
    default:
        bench_sql(db, d == D_UUID ? "CREATE TABLE events(id INTEGER PRIMARY KEY, uid BLOB NOT NULL, message BLOB NOT"
                                    " NULL, type INTEGER NOT NULL, occurred_at INTEGER NOT NULL, link INTEGER, hour"
                                    " INTEGER NOT NULL) STRICT; CREATE INDEX events_by_hour ON events(hour);"
                                    " CREATE UNIQUE INDEX events_by_uid ON events(uid);"
                      : d == D_CAMPAIGN ? "CREATE TABLE events(id INTEGER PRIMARY KEY, message BLOB NOT NULL, type"
                                        " INTEGER NOT NULL, occurred_at INTEGER NOT NULL, link INTEGER, hour INTEGER"
                                        " NOT NULL) STRICT; CREATE INDEX events_by_hour ON events(hour);"
                                      : "CREATE TABLE events(id INTEGER PRIMARY KEY, message BLOB NOT NULL, type"
                                        " INTEGER NOT NULL, occurred_at INTEGER NOT NULL, link INTEGER) STRICT;");
        bench_sql(db, "CREATE INDEX events_by_message ON events(message)");
    }
    sqlite3_stmt *ins = prep(db, "INSERT INTO messages VALUES (?1,?2,?3,?4,2,0,1,0,1,0,0,0,0,0,0,0,0,0,0,NULL,NULL,"
                                 "NULL,NULL,NULL,?5)");
    bench_sql(db, "BEGIN");
    for (uint32_t m = 0; m < nevents; m++) {
        uint8_t id[16], ct[16];
        mid_of(id, m);
        contact_of(ct, m);
        sqlite3_bind_blob(ins, 1, tenant, 16, SQLITE_STATIC);
        sqlite3_bind_blob(ins, 2, id, 16, SQLITE_STATIC);
        sqlite3_bind_blob(ins, 3, campaign, 16, SQLITE_STATIC);
        sqlite3_bind_blob(ins, 4, ct, 16, SQLITE_STATIC);
        sqlite3_bind_int64(ins, 5, (int64_t)m + 1);
        drain(ins);
    }
    bench_sql(db, "COMMIT");
    sqlite3_finalize(ins);
}

typedef struct run_arg {
    int design;
    size_t batch;
} run_arg;

typedef struct stmts {
    sqlite3_stmt *get, *upd, *fold, *ins;
} stmts;

/* The timed part: every batch of the run. Its own function, so that
 * callgrind can count it alone (--toggle-collect=floor_ingest). */
static __attribute__((noinline)) int floor_ingest(sqlite3 *db, int d, size_t batch, const stmts *q, spec *sp)
{
    bool wide = d == D_MTRK || d == D_INTEGER;
    sqlite3_stmt *get = q->get, *upd = q->upd, *fold = q->fold, *ins = q->ins;
    uint64_t seed = UINT64_C(0x9E3779B97F4A7C15);
    for (size_t i = 0; i < nevents; i += batch) {
        size_t nb = i + batch < nevents ? batch : nevents - i;
        for (size_t k = 0; k < nb; k++) {
            sp[k].m = (uint32_t)(bench_rand(&seed) % nevents);
            unsigned p = (unsigned)(bench_rand(&seed) % 100);
            sp[k].type = p < 35 ? MTRK_EV_SENT : p < 67 ? MTRK_EV_DELIVERED : p < 87 ? MTRK_EV_OPEN
                       : p < 97 ? MTRK_EV_CLICK : MTRK_EV_BOUNCE;
            sp[k].at = BENCH_T0 + 86400000 + (int64_t)(bench_rand(&seed) % (3 * 86400000ULL));
            sp[k].j = i + k;
            mid_of(sp[k].mid, sp[k].m);
        }
        qsort(sp, nb, sizeof *sp, spec_cmp);
        bench_sql(db, "BEGIN IMMEDIATE");
        for (size_t k = 0; k < nb; k++) {
            const spec *s = &sp[k];
            uint8_t eid[16], ct[16];
            id_of(eid, (uint64_t)(BENCH_T0 + 100000000 + (int64_t)s->j) << 16, s->j);
            contact_of(ct, s->m);
            if (d != D_B) {
                sqlite3_bind_blob(get, 1, tenant, 16, SQLITE_STATIC);
                sqlite3_bind_blob(get, 2, s->mid, 16, SQLITE_STATIC);
                if (drain(get) != 1)
                    return 1;
            }
            if (d == D_UPDATE) {
                sqlite3_bind_blob(upd, 1, tenant, 16, SQLITE_STATIC);
                sqlite3_bind_blob(upd, 2, s->mid, 16, SQLITE_STATIC);
                sqlite3_bind_int64(upd, 3, s->at);
                drain(upd);
            }
            if (d >= D_FOLD) {
                sqlite3_bind_blob(fold, 1, tenant, 16, SQLITE_STATIC);
                sqlite3_bind_blob(fold, 2, s->mid, 16, SQLITE_STATIC);
                sqlite3_bind_int64(fold, 3, (int64_t)s->m + 1);
                drain(fold);
            }
            sqlite3_clear_bindings(ins);
            sqlite3_bind_blob(ins, 1, tenant, 16, SQLITE_STATIC);
            sqlite3_bind_blob(ins, 2, eid, 16, SQLITE_STATIC);
            sqlite3_bind_blob(ins, 3, s->mid, 16, SQLITE_STATIC);
            sqlite3_bind_blob(ins, 4, campaign, 16, SQLITE_STATIC);
            sqlite3_bind_blob(ins, 5, ct, 16, SQLITE_STATIC);
            sqlite3_bind_int(ins, 6, s->type);
            if (s->type == MTRK_EV_CLICK && d == D_MTRK)
                sqlite3_bind_blob(ins, 7, campaign, 16, SQLITE_STATIC);
            sqlite3_bind_int64(ins, 8, s->at);
            sqlite3_bind_int64(ins, 9, BENCH_T0 + 100000000 + (int64_t)s->j);
            sqlite3_bind_int64(ins, 10, wide ? s->at / 3600000 * 3600000 : s->at / 3600000);
            sqlite3_bind_int64(ins, 11, (int64_t)s->m + 1);
            if (s->type == MTRK_EV_CLICK && d != D_MTRK)
                sqlite3_bind_int(ins, 12, (int)(s->j % 3) + 1);
            drain(ins);
        }
        bench_sql(db, "COMMIT");
    }
    return 0;
}

static int run(void *argp, double *out, size_t nout)
{
    (void)nout;
    const run_arg *a = argp;
    int d = a->design;
    sqlite3 *db;
    bench_remove_db(path);
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return 1;
    create(db, d);
    sqlite3_stmt *get = prep(db, "SELECT * FROM messages WHERE tenant = ? AND id = ?");
    sqlite3_stmt *upd = prep(db, "UPDATE messages SET opens = opens + 1, first_open_at = ?3 WHERE tenant = ?1 AND"
                                 " id = ?2");
    sqlite3_stmt *fold = prep(db, d == D_MTRK      ? "SELECT * FROM events WHERE tenant = ?1 AND message = ?2 ORDER BY"
                                                     " occurred_at, arrived_at, tenant, id"
                                  : d == D_INTEGER ? "SELECT * FROM events WHERE tenant = 1 AND message = ?3 ORDER BY"
                                                     " occurred_at, arrived_at, seq"
                                                   : "SELECT * FROM events WHERE message = ?2");
    sqlite3_stmt *ins =
        prep(db, d == D_MTRK ? "INSERT INTO events VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,NULL,NULL,NULL,0,NULL,NULL,NULL,"
                               "1,NULL,0,NULL,0,0,?10)"
                 : d == D_INTEGER ? "INSERT INTO events VALUES (NULL,1,?2,?11,1,?11,?6,?12,?8,?9,NULL,NULL,NULL,0,"
                                    "NULL,NULL,NULL,1,NULL,0,NULL,0,0,?10)"
                 : d == D_UUID ? "INSERT INTO events(uid, message, type, occurred_at, link, hour) VALUES"
                                 " (?2,?3,?6,?8,?12,?10)"
                 : d == D_CAMPAIGN ? "INSERT INTO events(message, type, occurred_at, link, hour) VALUES"
                                     " (?3,?6,?8,?12,?10)"
                                   : "INSERT INTO events(message, type, occurred_at, link) VALUES (?3,?6,?8,?12)");
    spec *sp = malloc(a->batch * sizeof *sp);
    if (sp == NULL)
        return 1;
    stmts q = { get, upd, fold, ins };
    bench_dbstatus_reset();
    double t0 = bench_now();
    if (floor_ingest(db, d, a->batch, &q, sp) != 0)
        return 1;
    double dt = bench_now() - t0;
    char label[64];
    snprintf(label, sizeof label, "%s batch %zu", design_names[d], a->batch);
    bench_dbstatus_print(label, nevents);
    free(sp);
    sqlite3_close(db);
    out[0] = (double)nevents / dt;
    out[1] = (double)bench_file_bytes(path) / (double)nevents;
    bench_remove_db(path);
    return 0;
}

int main(int argc, char **argv)
{
    nevents = argc > 1 ? strtoul(argv[1], NULL, 10) : (size_t)bench_env_long("MTRK_BENCH_EVENTS", 1000000);
    const char *want = argc > 2 ? argv[2] : "all";
    int runs = (int)bench_env_long("MTRK_BENCH_RUNS", 3);
    if (nevents < 1000 || runs < 1 || runs > 16) {
        fprintf(stderr, "usage: floor [events >= 1000] [design,design... | all]\n");
        return 2;
    }
    snprintf(path, sizeof path, "%s/mtrk-bench-floor.db", bench_dir());
    bench_dbstatus_watch();
    bool on[D_COUNT];
    for (int d = 0; d < D_COUNT; d++) {
        const char *p = strstr(want, design_names[d]);
        size_t n = strlen(design_names[d]);
        on[d] = d == D_B || strcmp(want, "all") == 0 ||
                (p && (p == want || p[-1] == ',') && (p[n] == '\0' || p[n] == ','));
    }
    size_t batches[2];
    bench_batches(batches);
    double fig[2][D_COUNT][16][2];
    printf("floor: %zu events over %zu messages, %d runs each (medians), SQLite %s\n", nevents, nevents, runs,
           sqlite3_libversion());
    fflush(stdout);
    for (int b = 0; b < 2; b++)
        for (int r = 0; r < runs; r++)
            for (int d = 0; d < D_COUNT; d++) {
                if (!on[d])
                    continue;
                run_arg a = { d, batches[b] < nevents ? batches[b] : nevents };
                if (bench_in_child(run, &a, fig[b][d][r], 2) != 0) {
                    fprintf(stderr, "floor: %s failed\n", design_names[d]);
                    return 1;
                }
            }
    char h0[32], h1[32];
    snprintf(h0, sizeof h0, "batch %zu", batches[0]);
    snprintf(h1, sizeof h1, "batch %zu", batches[1]);
    printf("\n  %-20s %14s %8s %14s %8s %12s\n", "design", h0, "÷ (b)", h1, "÷ (b)", "bytes/event");
    double base[2];
    for (int d = 0; d < D_COUNT; d++) {
        if (!on[d])
            continue;
        double med[2], bytes = 0;
        for (int b = 0; b < 2; b++) {
            double v[16], s[16];
            for (int r = 0; r < runs; r++) {
                v[r] = fig[b][d][r][0];
                s[r] = fig[b][d][r][1];
            }
            med[b] = bench_median(v, (size_t)runs);
            bytes = bench_median(s, (size_t)runs);
            if (d == D_B)
                base[b] = med[b];
        }
        printf("  %-20s %14.0f %8.3f %14.0f %8.3f %12.1f\n", design_names[d], med[0], med[0] / base[0], med[1],
               med[1] / base[1], bytes);
    }
    return 0;
}
