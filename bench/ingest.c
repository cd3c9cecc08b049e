/*
 * Ingest benchmark: N events (default 1,000,000) of a realistic mix
 * (sent 35 %, delivered 32 %, open 20 %, click 10 %, soft bounce 2 %, hard
 * bounce 1 %) arriving in random order over M messages (default N), recorded
 * with mtrk_event_record_batch in calls of 1,000 and of 100,000 events:
 *   - into an SQLite file database through mtrk (target "sqlite"),
 *   - into the memory backend (target "memory"),
 * against two raw-SQLite baselines measured in the same run, each committing
 * at the same batch size: (a) one prepared INSERT per event into an
 * integer-keyed table with no other index; (b) the same plus an index on the
 * event's message. Also the dashboard read (mtrk_metrics_campaign, median
 * per call) after 10,000 events and after all of them, the campaign listing
 * (mtrk_event_iter_campaign over every event, in event-time order, which
 * events_by_campaign's hour buckets make the core sort an hour at a time),
 * peak RSS and database bytes per event. Every measured run is its own process; figures are medians.
 *
 *   ingest [events]       environment: MTRK_BENCH_EVENTS, MTRK_BENCH_RUNS (3),
 *                         MTRK_BENCH_TARGETS ("raw,sqlite,memory"), MTRK_BENCH_DIR (/tmp),
 *                         MTRK_BENCH_DBSTATUS (page-cache figures on stderr),
 *                         MTRK_BENCH_BATCHES ("1000,100000": the two call sizes),
 *                         MTRK_BENCH_BASE (a path: the starting database is built there once
 *                         and kept, and a later run of the same size starts from it)
 */
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct ev_spec {
    uint32_t msg;
    uint8_t type, kind, link, pad;
    int64_t at;
} ev_spec;

static size_t nevents, nmsgs;
static ev_spec *specs;
static int nruns;
static char base_path[4096], run_path[4096], raw_path[4096];

static void make_specs(void)
{
    uint64_t seed = UINT64_C(0x9E3779B97F4A7C15);
    specs = calloc(nevents, sizeof *specs);
    for (size_t i = 0; i < nevents; i++) {
        ev_spec *s = &specs[i];
        s->msg = (uint32_t)(bench_rand(&seed) % nmsgs);
        unsigned p = (unsigned)(bench_rand(&seed) % 100);
        s->type = p < 35 ? MTRK_EV_SENT : p < 67 ? MTRK_EV_DELIVERED : p < 87 ? MTRK_EV_OPEN
                : p < 97 ? MTRK_EV_CLICK : MTRK_EV_BOUNCE;
        s->kind = s->type != MTRK_EV_BOUNCE ? MTRK_BOUNCE_NONE : p < 99 ? MTRK_BOUNCE_SOFT : MTRK_BOUNCE_HARD;
        s->link = (uint8_t)(bench_rand(&seed) % 3);
        s->at = BENCH_T0 + 86400000 + (int64_t)(bench_rand(&seed) % (3 * 86400000ULL));
    }
}

/* ---- raw SQLite baselines ------------------------------------------------ */

typedef struct raw_arg {
    size_t batch;
    int indexed;
} raw_arg;

static void raw_id(uint8_t out[16], uint32_t msg)
{
    /* Like the mids: a time prefix, then a value ordered by message. */
    uint64_t hi = (uint64_t)BENCH_T0 << 16, lo = msg;
    for (int i = 0; i < 8; i++) {
        out[i] = (uint8_t)(hi >> (56 - 8 * i));
        out[8 + i] = (uint8_t)(lo >> (56 - 8 * i));
    }
}

static int raw_run(void *argp, double *out, size_t nout)
{
    (void)nout;
    const raw_arg *a = argp;
    sqlite3 *db;
    bench_remove_db(raw_path);
    if (sqlite3_open(raw_path, &db) != SQLITE_OK)
        return 1;
    bench_sql(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                  "CREATE TABLE events(id INTEGER PRIMARY KEY, message BLOB NOT NULL, type INTEGER NOT NULL,"
                  " occurred_at INTEGER NOT NULL, link INTEGER) STRICT;");
    if (a->indexed)
        bench_sql(db, "CREATE INDEX events_by_message ON events(message)");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "INSERT INTO events(message, type, occurred_at, link) VALUES (?,?,?,?)", -1, &st,
                           NULL) != SQLITE_OK)
        return 1;
    bench_dbstatus_reset();
    double t0 = bench_now();
    for (size_t i = 0; i < nevents; i += a->batch) {
        size_t end = i + a->batch < nevents ? i + a->batch : nevents;
        bench_sql(db, "BEGIN IMMEDIATE");
        for (size_t j = i; j < end; j++) {
            uint8_t id[16];
            raw_id(id, specs[j].msg);
            sqlite3_bind_blob(st, 1, id, 16, SQLITE_TRANSIENT);
            sqlite3_bind_int(st, 2, specs[j].type);
            sqlite3_bind_int64(st, 3, specs[j].at);
            if (specs[j].type == MTRK_EV_CLICK)
                sqlite3_bind_int(st, 4, specs[j].link);
            else
                sqlite3_bind_null(st, 4);
            if (sqlite3_step(st) != SQLITE_DONE)
                return 1;
            sqlite3_reset(st);
        }
        bench_sql(db, "COMMIT");
    }
    double dt = bench_now() - t0;
    char label[64];
    snprintf(label, sizeof label, "raw (%c) batch %zu", a->indexed ? 'b' : 'a', a->batch);
    bench_dbstatus_print(label, nevents);
    sqlite3_finalize(st);
    sqlite3_close(db);
    out[0] = (double)nevents / dt;
    out[1] = (double)bench_maxrss_kib();
    out[2] = (double)bench_file_bytes(raw_path) / (double)nevents;
    bench_remove_db(raw_path);
    return 0;
}

/* ---- mtrk ------------------------------------------------------------------ */

static int member_all(size_t i, size_t a)
{
    (void)i;
    (void)a;
    return 1;
}

/* The starting state: M contacts in one audience, one campaign with 3 links,
 * M messages generated. */
static void setup_world(bench_world *w, const char *target)
{
    int rc = bench_open(w, target);
    if (rc)
        bench_die("mtrk_db_open", rc, NULL);
    bench_populate(w, nmsgs, 1, member_all);
    bench_campaign(w, 1);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    if ((rc = mtrk_campaign_generate(&rep, w->t, w->campaign)))
        bench_die("mtrk_campaign_generate", rc, w->t);
}

static int make_base(void *arg, double *out, size_t nout)
{
    (void)arg;
    (void)nout;
    bench_world w;
    bench_remove_db(base_path);
    double t0 = bench_now();
    setup_world(&w, base_path);
    bench_close(&w);
    out[0] = bench_now() - t0;
    return 0;
}

static double dashboard(bench_world *w)
{
    enum { CALLS = 1000 };
    static double v[CALLS];
    mtrk_metrics m = MTRK_METRICS_INIT;
    for (int i = 0; i < CALLS; i++) {
        double t0 = bench_now();
        int rc = mtrk_metrics_campaign(&m, w->t, w->campaign);
        v[i] = bench_now() - t0;
        if (rc)
            bench_die("mtrk_metrics_campaign", rc, w->t);
    }
    return bench_median(v, CALLS);
}

typedef struct mtrk_arg {
    size_t batch;
    int memory;
} mtrk_arg;

/* Lists every event of the campaign in event-time order: events/s. */
static double listing(bench_world *w)
{
    mtrk_event_iter *it;
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    double t0 = bench_now();
    int rc = mtrk_event_iter_campaign(&it, w->t, w->campaign, 0, 0, 0);
    if (rc)
        bench_die("mtrk_event_iter_campaign", rc, w->t);
    size_t n = 0;
    mtrk_time last = 0;
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        if (e.occurred_at < last)
            bench_die("listing out of event-time order", MTRK_ESTATE, w->t);
        last = e.occurred_at;
        n++;
    }
    if (rc != MTRK_ITEROVER)
        bench_die("mtrk_event_iter_next", rc, w->t);
    mtrk_event_iter_free(it);
    if (n != nevents)
        bench_die("listing: not every event", MTRK_ESTATE, w->t);
    return (double)n / (bench_now() - t0);
}

/* out: events/s, peak RSS KiB, db bytes per event, dashboard after 10k (s), after all (s), listing events/s. */
static int mtrk_run(void *argp, double *out, size_t nout)
{
    (void)nout;
    const mtrk_arg *a = argp;
    bench_world w;
    long long base_bytes = 0;
    if (a->memory) {
        setup_world(&w, "memory:");
    } else {
        bench_remove_db(run_path);
        if (bench_copy_file(base_path, run_path) != 0)
            return 1;
        base_bytes = bench_file_bytes(run_path);
        int rc = bench_open(&w, run_path);
        if (rc)
            bench_die("mtrk_db_open", rc, NULL);
        mtrk_id c;
        mtrk_campaign_iter *it;
        const mtrk_campaign *cp;
        if ((rc = mtrk_campaign_iter_new(&it, w.t)) || (rc = mtrk_campaign_iter_next(&cp, it)))
            bench_die("campaign", rc, w.t);
        c = mtrk_campaign_id(cp);
        mtrk_campaign_iter_free(it);
        w.campaign = c;
        mtrk_link_iter *li;
        const mtrk_link *l;
        if ((rc = mtrk_link_iter_new(&li, w.t, c)))
            bench_die("links", rc, w.t);
        for (int i = 0; i < 3 && mtrk_link_iter_next(&l, li) == MTRK_OK; i++)
            w.links[i] = mtrk_link_id(l);
        mtrk_link_iter_free(li);
    }
    bench_read_mids(&w);
    if (w.nmids != nmsgs) {
        fprintf(stderr, "ingest: %zu messages, expected %zu\n", w.nmids, nmsgs);
        return 1;
    }
    mtrk_event_input *in = calloc(a->batch, sizeof *in);
    const mtrk_event_input **pin = calloc(a->batch, sizeof *pin);
    mtrk_event_outcome *oc = calloc(a->batch, sizeof *oc);
    mtrk_event_outcome **poc = calloc(a->batch, sizeof *poc);
    double total = 0, dash10k = 0;
    bench_dbstatus_reset();
    for (size_t i = 0; i < nevents; i += a->batch) {
        size_t n = i + a->batch < nevents ? a->batch : nevents - i;
        for (size_t j = 0; j < n; j++) {
            const ev_spec *s = &specs[i + j];
            mtrk_event_input *e = &in[j];
            mtrk_event_input_init(e, MTRK_EVENT_INPUT_VERSION);
            e->type = (mtrk_event_type)s->type;
            e->mid = w.mids[s->msg];
            e->occurred_at = s->at;
            e->bounce_kind = (mtrk_bounce_kind)s->kind;
            if (s->type == MTRK_EV_CLICK)
                e->lid = w.links[s->link];
            pin[j] = e;
            mtrk_event_outcome_init(&oc[j], MTRK_EVENT_OUTCOME_VERSION);
            poc[j] = &oc[j];
        }
        size_t recorded = 0;
        double t0 = bench_now();
        int rc = mtrk_event_record_batch(&recorded, poc, w.t, pin, n);
        total += bench_now() - t0;
        if (rc)
            bench_die("mtrk_event_record_batch", rc, w.t);
        if (recorded != n) {
            for (size_t j = 0; j < n; j++)
                if (oc[j].status)
                    fprintf(stderr, "ingest: events[%zu]: %s\n", j, mtrk_strerror(oc[j].status));
            return 1;
        }
        if (dash10k == 0 && i + n >= 10000 && i + n < nevents)
            dash10k = dashboard(&w);
    }
    if (!a->memory) {
        char label[64];
        snprintf(label, sizeof label, "mtrk sqlite batch %zu", a->batch);
        bench_dbstatus_print(label, nevents);
    }
    out[0] = (double)nevents / total;
    out[1] = (double)bench_maxrss_kib();
    out[3] = dash10k;
    out[4] = dashboard(&w);
    out[5] = listing(&w);
    free(in);
    free(pin);
    free(oc);
    free(poc);
    bench_close(&w);
    if (!a->memory) {
        out[2] = (double)(bench_file_bytes(run_path) - base_bytes) / (double)nevents;
        bench_remove_db(run_path);
    }
    return 0;
}

/* ---- driver ------------------------------------------------------------------ */

#define NFIG 6
static int measure(int (*fn)(void *, double *, size_t), void *arg, double med[NFIG])
{
    return bench_measure(fn, arg, nruns, NFIG, med);
}

static int wanted(const char *targets, const char *name) { return strstr(targets, name) != NULL; }

int main(int argc, char **argv)
{
    nevents = (size_t)bench_env_long("MTRK_BENCH_EVENTS", 1000000);
    if (argc > 1)
        nevents = (size_t)strtoul(argv[1], NULL, 10);
    if (nevents < 1000)
        nevents = 1000;
    nmsgs = nevents;
    nruns = (int)bench_env_long("MTRK_BENCH_RUNS", 3);
    if (nruns > 16)
        nruns = 16;
    const char *targets = getenv("MTRK_BENCH_TARGETS");
    if (targets == NULL || *targets == '\0')
        targets = "raw,sqlite,memory";
    snprintf(base_path, sizeof base_path, "%s/mtrk-bench-ingest-base-%d.db", bench_dir(), (int)getpid());
    snprintf(run_path, sizeof run_path, "%s/mtrk-bench-ingest-run-%d.db", bench_dir(), (int)getpid());
    snprintf(raw_path, sizeof raw_path, "%s/mtrk-bench-ingest-raw-%d.db", bench_dir(), (int)getpid());
    make_specs();
    bench_dbstatus_watch();
    printf("ingest: %zu events over %zu messages, %d runs each (medians), SQLite %s\n", nevents, nmsgs, nruns,
           sqlite3_libversion());

    size_t batches[2];
    bench_batches(batches);
    double raw[2][2][NFIG], mt[2][2][NFIG];
    int have_raw = 0, have_sqlite = 0, have_mem = 0;
    memset(raw, 0, sizeof raw);
    memset(mt, 0, sizeof mt);
    for (int b = 0; b < 2; b++) {
        if (!wanted(targets, "raw"))
            break;
        for (int ix = 0; ix < 2; ix++) {
            raw_arg ra = { batches[b], ix };
            if (measure(raw_run, &ra, raw[b][ix]) != 0) {
                fprintf(stderr, "ingest: raw baseline failed\n");
                return 1;
            }
            printf("  raw (%c) batch %6zu: %10.0f events/s  peak RSS %6.1f MiB  %.1f bytes/event\n", ix ? 'b' : 'a',
                   batches[b], raw[b][ix][0], raw[b][ix][1] / 1024, raw[b][ix][2]);
            fflush(stdout);
        }
        have_raw = 1;
    }
    if (wanted(targets, "sqlite")) {
        double s[NFIG] = { 0 };
        const char *keep = getenv("MTRK_BENCH_BASE");
        int reuse = 0;
        if (keep != NULL && *keep != '\0') {
            snprintf(base_path, sizeof base_path, "%s", keep);
            reuse = bench_file_bytes(base_path) > 0;
        }
        if (reuse) {
            printf("  sqlite: starting database %s, kept from an earlier run (%.1f MiB)\n", base_path,
                   (double)bench_file_bytes(base_path) / 1048576.0);
            have_sqlite = 1;
        } else if (bench_in_child(make_base, NULL, s, NFIG) != 0) {
            printf("  sqlite: could not build the starting database (is the SQLite backend built?)\n");
        } else {
            printf("  sqlite: starting database (%zu contacts, %zu messages) built in %.1f s, %.1f MiB\n", nmsgs,
                   nmsgs, s[0], (double)bench_file_bytes(base_path) / 1048576.0);
            have_sqlite = 1;
        }
        if (have_sqlite) {
            for (int b = 0; b < 2; b++) {
                mtrk_arg ma = { batches[b], 0 };
                if (measure(mtrk_run, &ma, mt[b][0]) != 0) {
                    fprintf(stderr, "ingest: sqlite run failed\n");
                    return 1;
                }
                printf("  mtrk sqlite batch %6zu: %10.0f events/s  peak RSS %6.1f MiB  %.1f bytes/event\n",
                       batches[b], mt[b][0][0], mt[b][0][1] / 1024, mt[b][0][2]);
                fflush(stdout);
            }
        }
        if (keep == NULL || *keep == '\0')
            bench_remove_db(base_path);
    }
    if (wanted(targets, "memory")) {
        have_mem = 1;
        for (int b = 0; b < 2; b++) {
            mtrk_arg ma = { batches[b], 1 };
            if (measure(mtrk_run, &ma, mt[b][1]) != 0) {
                fprintf(stderr, "ingest: memory run failed\n");
                return 1;
            }
            printf("  mtrk memory batch %6zu: %10.0f events/s  peak RSS %6.1f MiB (incl. setup)\n", batches[b],
                   mt[b][1][0], mt[b][1][1] / 1024);
            fflush(stdout);
        }
    }

    printf("\nsummary (events/s, medians of %d runs)\n", nruns);
    printf("  %-8s %12s %12s %12s %12s %9s %9s\n", "batch", "raw (a)", "raw (b)", "mtrk sqlite", "mtrk memory",
           "mtrk/(b)", "mtrk/(a)");
    for (int b = 0; b < 2; b++) {
        double rb = raw[b][1][0], ra = raw[b][0][0], m = mt[b][0][0];
        printf("  %-8zu %12.0f %12.0f %12.0f %12.0f %9.3f %9.3f\n", batches[b], ra, rb, m, mt[b][1][0],
               have_raw && have_sqlite ? m / rb : 0.0, have_raw && have_sqlite ? m / ra : 0.0);
    }
    if (have_sqlite)
        printf("  target (sqlite): 0.7 of bench-floor's read+fold+campaign at both sizes, measured by bench-floor "
               "at the same size in the same period (docs/performance.md)\n");
    if (have_mem)
        printf("  target (memory): at most 4,000 instructions per event inside mtrk_event_record_batch, "
               "measured with callgrind (docs/performance.md)\n");
    for (int k = 0; k < 2; k++) {
        if (!(k == 0 ? have_sqlite : have_mem))
            continue;
        double d10 = mt[0][k][3], dn = mt[0][k][4];
        printf("  dashboard (%s): mtrk_metrics_campaign median %.1f us after 10,000 events, %.1f us after %zu; "
               "ratio %.2f (target < 50 us, ratio <= 1.5)\n",
               k == 0 ? "sqlite" : "memory", d10 * 1e6, dn * 1e6, nevents, d10 > 0 ? dn / d10 : 0.0);
        printf("  campaign listing (%s): every event in event-time order, %.0f events/s (database of the 1,000 "
               "per call run), %.0f (100,000)\n",
               k == 0 ? "sqlite" : "memory", mt[0][k][5], mt[1][k][5]);
    }
    return 0;
}
