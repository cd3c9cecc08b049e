/*
 * Generation benchmark: C contacts (default 1,000,000) in 3
 * overlapping audiences, 5 % unsubscribed (global rule), 2 % suppressed
 * (address); mtrk_campaign_generate over the three audiences, on an SQLite
 * file database and on the memory backend. Baseline, measured in the same
 * run: one INSERT ... SELECT DISTINCT with anti-joins doing the same
 * selection (status, address and domain suppression, global and campaign
 * unsubscribes) on an equivalent raw schema. Reports messages created per
 * second, the ratio, and the peak RSS of each run (each its own process);
 * also the CPU time (user + system) of the measured statement or call and
 * its ratio, which other load on a shared machine disturbs less than the
 * wall-clock figures.
 *
 *   generate [contacts]   environment: MTRK_BENCH_CONTACTS, MTRK_BENCH_RUNS (3),
 *                         MTRK_BENCH_TARGETS ("raw,sqlite,memory"), MTRK_BENCH_DIR (/tmp)
 */
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static size_t ncontacts;
static int nruns;
static char base_path[4096], run_path[4096], raw_path[4096];

/* Audience 0: i % 3 != 2; audience 1: i % 3 != 0; audience 2: i % 5 < 2. */
static int member(size_t i, size_t a)
{
    return a == 0 ? i % 3 != 2 : a == 1 ? i % 3 != 0 : i % 5 < 2;
}
static int unsubscribed(size_t i) { return i % 20 == 1; }
static int suppressed(size_t i) { return i % 50 == 3; }
/* CPU seconds (user + system) this process has used. */
static double cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec / 1e6;
}

static size_t expected(void)
{
    size_t n = 0;
    for (size_t i = 0; i < ncontacts; i++)
        n += !unsubscribed(i) && !suppressed(i);
    return n;
}

/* ---- raw SQLite baseline -------------------------------------------------- */

static int raw_run(void *arg, double *out, size_t nout)
{
    (void)arg;
    (void)nout;
    sqlite3 *db;
    bench_remove_db(raw_path);
    if (sqlite3_open(raw_path, &db) != SQLITE_OK)
        return 1;
    bench_sql(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                  "CREATE TABLE contacts(id INTEGER PRIMARY KEY, address_key TEXT NOT NULL UNIQUE,"
                  " domain TEXT NOT NULL, status INTEGER NOT NULL) STRICT;"
                  "CREATE TABLE audience_contacts(audience INTEGER NOT NULL, contact INTEGER NOT NULL,"
                  " PRIMARY KEY(audience, contact)) STRICT, WITHOUT ROWID;"
                  "CREATE TABLE campaign_audiences(campaign INTEGER NOT NULL, audience INTEGER NOT NULL,"
                  " PRIMARY KEY(campaign, audience)) STRICT, WITHOUT ROWID;"
                  "CREATE TABLE unsubscribes(contact INTEGER NOT NULL, scope INTEGER NOT NULL,"
                  " scope_id INTEGER NOT NULL, PRIMARY KEY(contact, scope, scope_id)) STRICT, WITHOUT ROWID;"
                  "CREATE TABLE suppressions(kind INTEGER NOT NULL, value TEXT NOT NULL,"
                  " PRIMARY KEY(kind, value)) STRICT, WITHOUT ROWID;"
                  "CREATE TABLE messages(id INTEGER PRIMARY KEY, campaign INTEGER NOT NULL,"
                  " contact INTEGER NOT NULL, state INTEGER NOT NULL, created_at INTEGER NOT NULL,"
                  " UNIQUE(campaign, contact)) STRICT;");
    sqlite3_stmt *c, *ac, *u, *s;
    sqlite3_prepare_v2(db, "INSERT INTO contacts VALUES (?, ?, 'example.com', 1)", -1, &c, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO audience_contacts VALUES (?, ?)", -1, &ac, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO unsubscribes VALUES (?, 0, 0)", -1, &u, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO suppressions VALUES (1, ?)", -1, &s, NULL);
    bench_sql(db, "BEGIN");
    for (size_t i = 0; i < ncontacts; i++) {
        char addr[64];
        snprintf(addr, sizeof addr, "c%zu@example.com", i);
        sqlite3_bind_int64(c, 1, (sqlite3_int64)i + 1);
        sqlite3_bind_text(c, 2, addr, -1, SQLITE_TRANSIENT);
        sqlite3_step(c);
        sqlite3_reset(c);
        for (int a = 0; a < 3; a++) {
            if (!member(i, (size_t)a))
                continue;
            sqlite3_bind_int(ac, 1, a + 1);
            sqlite3_bind_int64(ac, 2, (sqlite3_int64)i + 1);
            sqlite3_step(ac);
            sqlite3_reset(ac);
        }
        if (unsubscribed(i)) {
            sqlite3_bind_int64(u, 1, (sqlite3_int64)i + 1);
            sqlite3_step(u);
            sqlite3_reset(u);
        }
        if (suppressed(i)) {
            sqlite3_bind_text(s, 1, addr, -1, SQLITE_TRANSIENT);
            sqlite3_step(s);
            sqlite3_reset(s);
        }
    }
    bench_sql(db, "INSERT INTO campaign_audiences VALUES (1, 1), (1, 2), (1, 3); COMMIT");
    sqlite3_finalize(c);
    sqlite3_finalize(ac);
    sqlite3_finalize(u);
    sqlite3_finalize(s);
    double t0 = bench_now(), c0 = cpu_now();
    bench_sql(db, "BEGIN IMMEDIATE;"
                  "INSERT INTO messages(campaign, contact, state, created_at)"
                  " SELECT DISTINCT 1, ac.contact, 1, 0 FROM campaign_audiences ca"
                  " JOIN audience_contacts ac ON ac.audience = ca.audience"
                  " JOIN contacts c ON c.id = ac.contact"
                  " WHERE ca.campaign = 1 AND c.status = 1"
                  " AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.kind = 1 AND s.value = c.address_key)"
                  " AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.kind = 2 AND s.value = c.domain)"
                  " AND NOT EXISTS (SELECT 1 FROM unsubscribes x WHERE x.contact = c.id AND x.scope = 0)"
                  " AND NOT EXISTS (SELECT 1 FROM unsubscribes x WHERE x.contact = c.id AND x.scope = 1"
                  "   AND x.scope_id = 1)"
                  " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.campaign = 1 AND m.contact = c.id);"
                  "COMMIT;");
    double dt = bench_now() - t0, cpu = cpu_now() - c0;
    sqlite3_stmt *q;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM messages", -1, &q, NULL);
    sqlite3_step(q);
    double created = (double)sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    bench_remove_db(raw_path);
    if (created != (double)expected()) {
        fprintf(stderr, "generate: baseline created %.0f, expected %zu\n", created, expected());
        return 1;
    }
    out[0] = created / dt;
    out[1] = (double)bench_maxrss_kib();
    out[2] = dt;
    out[3] = cpu;
    return 0;
}

/* ---- mtrk ------------------------------------------------------------------ */

static void setup(bench_world *w, const char *target)
{
    int rc = bench_open(w, target);
    if (rc)
        bench_die("mtrk_db_open", rc, NULL);
    bench_populate(w, ncontacts, 3, member);
    for (size_t i = 0; i < ncontacts; i++) {
        if (unsubscribed(i) &&
            (rc = mtrk_unsub_add(NULL, w->t, w->contacts[i], MTRK_UNSUB_GLOBAL, (mtrk_id){ { 0 } }, MTRK_SOURCE_IMPORT)))
            bench_die("mtrk_unsub_add", rc, w->t);
        if (suppressed(i)) {
            char addr[64];
            snprintf(addr, sizeof addr, "c%zu@example.com", i);
            if ((rc = mtrk_suppression_add(NULL, w->t, MTRK_SUPPRESS_ADDRESS, addr, "import")))
                bench_die("mtrk_suppression_add", rc, w->t);
        }
    }
    bench_campaign(w, 3);
}

static int make_base(void *arg, double *out, size_t nout)
{
    (void)arg;
    (void)nout;
    bench_world w;
    bench_remove_db(base_path);
    double t0 = bench_now();
    setup(&w, base_path);
    bench_close(&w);
    out[0] = bench_now() - t0;
    return 0;
}

static int mtrk_run(void *arg, double *out, size_t nout)
{
    (void)nout;
    int memory = *(int *)arg;
    bench_world w;
    if (memory) {
        setup(&w, "memory:");
    } else {
        bench_remove_db(run_path);
        if (bench_copy_file(base_path, run_path) != 0)
            return 1;
        int rc = bench_open(&w, run_path);
        if (rc)
            bench_die("mtrk_db_open", rc, NULL);
        mtrk_campaign_iter *it;
        const mtrk_campaign *cp;
        if ((rc = mtrk_campaign_iter_new(&it, w.t)) || (rc = mtrk_campaign_iter_next(&cp, it)))
            bench_die("campaign", rc, w.t);
        w.campaign = mtrk_campaign_id(cp);
        mtrk_campaign_iter_free(it);
    }
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    double t0 = bench_now(), c0 = cpu_now();
    int rc = mtrk_campaign_generate(&rep, w.t, w.campaign);
    double dt = bench_now() - t0, cpu = cpu_now() - c0;
    if (rc)
        bench_die("mtrk_campaign_generate", rc, w.t);
    if (rep.created != expected()) {
        fprintf(stderr, "generate: created %llu, expected %zu\n", (unsigned long long)rep.created, expected());
        return 1;
    }
    out[0] = (double)rep.created / dt;
    out[1] = (double)bench_maxrss_kib();
    out[2] = dt;
    out[3] = cpu;
    bench_close(&w);
    if (!memory)
        bench_remove_db(run_path);
    return 0;
}

#define NFIG 4
static int measure(int (*fn)(void *, double *, size_t), void *arg, double med[NFIG])
{
    return bench_measure(fn, arg, nruns, NFIG, med);
}

int main(int argc, char **argv)
{
    ncontacts = (size_t)bench_env_long("MTRK_BENCH_CONTACTS", 1000000);
    if (argc > 1)
        ncontacts = (size_t)strtoul(argv[1], NULL, 10);
    if (ncontacts < 100)
        ncontacts = 100;
    nruns = (int)bench_env_long("MTRK_BENCH_RUNS", 3);
    if (nruns > 16)
        nruns = 16;
    const char *targets = getenv("MTRK_BENCH_TARGETS");
    if (targets == NULL || *targets == '\0')
        targets = "raw,sqlite,memory";
    snprintf(base_path, sizeof base_path, "%s/mtrk-bench-gen-base-%d.db", bench_dir(), (int)getpid());
    snprintf(run_path, sizeof run_path, "%s/mtrk-bench-gen-run-%d.db", bench_dir(), (int)getpid());
    snprintf(raw_path, sizeof raw_path, "%s/mtrk-bench-gen-raw-%d.db", bench_dir(), (int)getpid());
    printf("generate: %zu contacts in 3 overlapping audiences, 5 %% unsubscribed, 2 %% suppressed: %zu messages;"
           " %d runs each (medians), SQLite %s\n", ncontacts, expected(), nruns, sqlite3_libversion());
    double raw[NFIG] = { 0 }, sq[NFIG] = { 0 }, mem[NFIG] = { 0 };
    if (strstr(targets, "raw")) {
        if (measure(raw_run, NULL, raw) != 0)
            return 1;
        printf("  raw INSERT ... SELECT DISTINCT: %10.0f messages/s (%.2f s, cpu %.2f s)  peak RSS %6.1f MiB\n", raw[0],
               raw[2], raw[3], raw[1] / 1024);
    }
    if (strstr(targets, "sqlite")) {
        double s[NFIG];
        if (bench_in_child(make_base, NULL, s, NFIG) != 0) {
            printf("  sqlite: could not build the starting database (is the SQLite backend built?)\n");
        } else {
            printf("  sqlite: starting database built in %.1f s\n", s[0]);
            int memory = 0;
            if (measure(mtrk_run, &memory, sq) != 0)
                return 1;
            printf("  mtrk sqlite:                    %10.0f messages/s (%.2f s, cpu %.2f s)  peak RSS %6.1f MiB  ratio %.3f"
                   " (target >= 0.6), cpu ratio %.3f\n", sq[0], sq[2], sq[3], sq[1] / 1024,
                   raw[0] > 0 ? sq[0] / raw[0] : 0.0, sq[3] > 0 ? raw[3] / sq[3] : 0.0);
        }
        bench_remove_db(base_path);
    }
    if (strstr(targets, "memory")) {
        int memory = 1;
        if (measure(mtrk_run, &memory, mem) != 0)
            return 1;
        printf("  mtrk memory:                    %10.0f messages/s (%.2f s, cpu %.2f s)  peak RSS %6.1f MiB (incl. setup)"
               "  ratio %.3f, cpu ratio %.3f\n", mem[0], mem[2], mem[3], mem[1] / 1024,
               raw[0] > 0 ? mem[0] / raw[0] : 0.0, mem[3] > 0 ? raw[3] / mem[3] : 0.0);
    }
    return 0;
}
