/*
 * Shared helpers of the benchmarks: clock, medians, peak memory, sizes taken
 * from the environment, the world every benchmark starts from (one tenant,
 * contacts, audiences, a campaign with links), and raw-SQLite helpers for the
 * baselines. Benchmarks print figures; they never fail on a figure.
 */
#ifndef MTRK_BENCH_UTIL_H
#define MTRK_BENCH_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>
#include <mtrk/mtrk.h>

#define BENCH_T0 INT64_C(1767225600000) /* 2026-01-01T00:00:00Z */

double bench_now(void);                 /* monotonic seconds */
double bench_median(double *v, size_t n); /* sorts v */
long bench_maxrss_kib(void);            /* this process's peak RSS */
long bench_env_long(const char *name, long dflt);
const char *bench_dir(void);            /* MTRK_BENCH_DIR or /tmp */
/* The two call sizes: 1,000 and 100,000 unless MTRK_BENCH_BATCHES ("SMALL,LARGE") says otherwise. */
void bench_batches(size_t out[2]);
uint64_t bench_rand(uint64_t *state);   /* xorshift64* */
long long bench_file_bytes(const char *path); /* file + -wal, 0 if missing */
void bench_remove_db(const char *path);  /* path, -wal, -shm, -journal */
int bench_copy_file(const char *from, const char *to);
void bench_die(const char *what, int rc, mtrk_tenant *t);

/* Forks; the child runs fn(arg, out, nout) and sends back nout doubles; the
 * parent waits. Each measured run is its own process, so peak RSS is its own. */
int bench_in_child(int (*fn)(void *arg, double *out, size_t nout), void *arg, double *out, size_t nout);
/* Runs fn `runs` times (each in its own child, bench_in_child; runs <= 16)
 * and writes the median of each of its nfig figures to med[]. -1 if a run
 * failed. */
int bench_measure(int (*fn)(void *arg, double *out, size_t nout), void *arg, int runs, size_t nfig, double *med);

/* The world: nc contacts "c<i>@example.com", naud audiences (contact i is in
 * audience a when member(i, a)), a campaign in sending with nlinks links. */
typedef struct bench_world {
    mtrk_db *db;
    mtrk_tenant *t;
    mtrk_id campaign;
    mtrk_id links[4];
    mtrk_id audiences[3];
    mtrk_id *contacts;
    size_t ncontacts;
    mtrk_id *mids;
    size_t nmids;
} bench_world;
int bench_open(bench_world *w, const char *target);
/* Adds contacts and audiences; member(i, a) chooses memberships. */
void bench_populate(bench_world *w, size_t nc, size_t naud, int (*member)(size_t i, size_t a));
/* Creates the campaign with links, attaches the audiences. */
void bench_campaign(bench_world *w, size_t naud);
/* Reads the campaign's mids (mid order) into w->mids. */
void bench_read_mids(bench_world *w);
void bench_close(bench_world *w);

/* Raw SQLite: exec or die. */
void bench_sql(sqlite3 *db, const char *sql);

/* Page-cache figures (sqlite3_db_status), with MTRK_BENCH_DBSTATUS set
 * (else these do nothing): bench_dbstatus_watch() before any database is
 * opened remembers every SQLite connection the process opens afterwards,
 * mtrk's own included (an auto extension); bench_dbstatus_reset() zeroes
 * their counters; bench_dbstatus_print() prints, per event, the pages
 * found in the cache (hit), read from the file (miss), written (to the
 * WAL) and spilled mid-transaction, summed over the connections, to
 * stderr, with the process's CPU time (user, system) per event since the
 * reset. */
void bench_dbstatus_watch(void);
void bench_dbstatus_reset(void);
void bench_dbstatus_print(const char *label, size_t events);

#endif
