/* Shared helpers of the benchmarks (see bench_util.h). */
#include "bench_util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int dcmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double bench_median(double *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, dcmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

long bench_maxrss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

long bench_env_long(const char *name, long dflt)
{
    const char *s = getenv(name);
    if (s == NULL || *s == '\0')
        return dflt;
    char *end;
    long v = strtol(s, &end, 10);
    return *end == '\0' && v > 0 ? v : dflt;
}

const char *bench_dir(void)
{
    const char *d = getenv("MTRK_BENCH_DIR");
    return d && *d ? d : "/tmp";
}

uint64_t bench_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * UINT64_C(2685821657736338717);
}

long long bench_file_bytes(const char *path)
{
    struct stat st;
    long long n = 0;
    char wal[4096];
    if (stat(path, &st) == 0)
        n += st.st_size;
    snprintf(wal, sizeof wal, "%s-wal", path);
    if (stat(wal, &st) == 0)
        n += st.st_size;
    return n;
}

void bench_remove_db(const char *path)
{
    static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
    char p[4096];
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
}

void bench_batches(size_t out[2])
{
    out[0] = 1000;
    out[1] = 100000;
    const char *bs = getenv("MTRK_BENCH_BATCHES");
    if (bs == NULL || *bs == '\0')
        return;
    char *end;
    unsigned long s0 = strtoul(bs, &end, 10), s1 = *end == ',' ? strtoul(end + 1, NULL, 10) : 0;
    if (s0 > 0)
        out[0] = s0;
    if (s1 > 0)
        out[1] = s1;
}

int bench_copy_file(const char *from, const char *to)
{
    int in = open(from, O_RDONLY), out = -1, rc = -1;
    if (in < 0)
        return -1;
    out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out >= 0) {
        char buf[1 << 16];
        ssize_t n;
        rc = 0;
        while ((n = read(in, buf, sizeof buf)) > 0) {
            if (write(out, buf, (size_t)n) != n) {
                rc = -1;
                break;
            }
        }
        if (n < 0)
            rc = -1;
        close(out);
    }
    close(in);
    return rc;
}

void bench_die(const char *what, int rc, mtrk_tenant *t)
{
    fprintf(stderr, "bench: %s: %s (%d): %s\n", what, mtrk_strerror(rc), rc,
            t ? mtrk_tenant_errmsg(t) : mtrk_last_errmsg());
    exit(2);
}

int bench_in_child(int (*fn)(void *arg, double *out, size_t nout), void *arg, double *out, size_t nout)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        close(fds[0]);
        double *res = calloc(nout, sizeof *res);
        int rc = fn(arg, res, nout);
        if (rc == 0 && write(fds[1], res, nout * sizeof *res) != (ssize_t)(nout * sizeof *res))
            rc = 1;
        fflush(NULL);
        _exit(rc ? 1 : 0);
    }
    close(fds[1]);
    size_t want = nout * sizeof *out, got = 0;
    while (got < want) {
        ssize_t n = read(fds[0], (char *)out + got, want - got);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return got == want && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* Five days after BENCH_T0: the benchmarks place events up to four days after
 * it, and an occurrence time more than a day after the clock is refused. */
static mtrk_time clock_now = BENCH_T0 + 5 * INT64_C(86400000);
static mtrk_time bench_clock(void *ud)
{
    (void)ud;
    return clock_now++; /* deterministic, always moving */
}

int bench_open(bench_world *w, const char *target)
{
    memset(w, 0, sizeof *w);
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = bench_clock;
    int rc = mtrk_db_open(&w->db, target, &o);
    if (rc)
        return rc;
    rc = mtrk_tenant_open(&w->t, w->db, "bench", "bench:runner");
    if (rc == MTRK_ENOTFOUND)
        rc = mtrk_tenant_create(&w->t, w->db, "bench", "bench:runner");
    if (rc) {
        mtrk_db_close(w->db);
        w->db = NULL;
    }
    return rc;
}

void bench_populate(bench_world *w, size_t nc, size_t naud, int (*member)(size_t i, size_t a))
{
    int rc;
    w->contacts = calloc(nc, sizeof *w->contacts);
    w->ncontacts = nc;
    char addr[64];
    for (size_t i = 0; i < nc; i++) {
        snprintf(addr, sizeof addr, "c%zu@example.com", i);
        if ((rc = mtrk_contact_add(&w->contacts[i], NULL, w->t, addr, NULL)))
            bench_die("mtrk_contact_add", rc, w->t);
    }
    mtrk_id *batch = calloc(MTRK_MAX_BATCH, sizeof *batch);
    for (size_t a = 0; a < naud; a++) {
        char name[32];
        snprintf(name, sizeof name, "audience %zu", a);
        if ((rc = mtrk_audience_create(&w->audiences[a], w->t, name)))
            bench_die("mtrk_audience_create", rc, w->t);
        size_t nb = 0;
        for (size_t i = 0; i <= nc; i++) {
            if (nb == MTRK_MAX_BATCH || (i == nc && nb > 0)) {
                size_t added;
                if ((rc = mtrk_audience_add_batch(&added, w->t, w->audiences[a], batch, nb)))
                    bench_die("mtrk_audience_add_batch", rc, w->t);
                nb = 0;
            }
            if (i < nc && member(i, a))
                batch[nb++] = w->contacts[i];
        }
    }
    free(batch);
}

void bench_campaign(bench_world *w, size_t naud)
{
    int rc;
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "bench";
    spec.subject = "Benchmark";
    spec.from_address = "news@example.com";
    spec.html = "<p>hello</p>";
    if ((rc = mtrk_campaign_create(&w->campaign, w->t, &spec)))
        bench_die("mtrk_campaign_create", rc, w->t);
    for (uint32_t i = 0; i < 3; i++) {
        char url[64];
        snprintf(url, sizeof url, "https://example.com/l%u", i);
        if ((rc = mtrk_link_add(&w->links[i], w->t, w->campaign, url, "cta", i)))
            bench_die("mtrk_link_add", rc, w->t);
    }
    for (size_t a = 0; a < naud; a++)
        if ((rc = mtrk_campaign_attach_audience(NULL, w->t, w->campaign, w->audiences[a])))
            bench_die("mtrk_campaign_attach_audience", rc, w->t);
}

void bench_read_mids(bench_world *w)
{
    mtrk_message_iter *it;
    int rc = mtrk_message_iter_new(&it, w->t, w->campaign);
    if (rc)
        bench_die("mtrk_message_iter_new", rc, w->t);
    size_t cap = 1024;
    w->mids = malloc(cap * sizeof *w->mids);
    w->nmids = 0;
    mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
    while ((rc = mtrk_message_iter_next(&mi, it)) == MTRK_OK) {
        if (w->nmids == cap)
            w->mids = realloc(w->mids, (cap *= 2) * sizeof *w->mids);
        w->mids[w->nmids++] = mi.mid;
    }
    if (rc != MTRK_ITEROVER)
        bench_die("mtrk_message_iter_next", rc, w->t);
    mtrk_message_iter_free(it);
}

void bench_close(bench_world *w)
{
    mtrk_tenant_close(w->t);
    mtrk_db_close(w->db);
    free(w->contacts);
    free(w->mids);
    memset(w, 0, sizeof *w);
}

void bench_sql(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "bench: sql \"%s\": %s\n", sql, err ? err : "?");
        exit(2);
    }
}

int bench_measure(int (*fn)(void *arg, double *out, size_t nout), void *arg, int runs, size_t nfig, double *med)
{
    enum { MAXFIG = 8, MAXRUNS = 16 };
    double v[MAXFIG][MAXRUNS];
    if (nfig > MAXFIG || runs < 1 || runs > MAXRUNS)
        return -1;
    for (int r = 0; r < runs; r++) {
        double out[MAXFIG] = { 0 };
        if (bench_in_child(fn, arg, out, nfig) != 0)
            return -1;
        for (size_t k = 0; k < nfig; k++)
            v[k][r] = out[k];
    }
    for (size_t k = 0; k < nfig; k++)
        med[k] = bench_median(v[k], (size_t)runs);
    return 0;
}

/* ---- page-cache figures ------------------------------------------------- */

#define DBSTATUS_MAX 8
static sqlite3 *dbstatus_dbs[DBSTATUS_MAX];
static int dbstatus_n;

static int dbstatus_on(void)
{
    const char *e = getenv("MTRK_BENCH_DBSTATUS");
    return e != NULL && *e != '\0' && strcmp(e, "0") != 0;
}

static int dbstatus_seen(sqlite3 *db, char **err, const struct sqlite3_api_routines *api)
{
    (void)err;
    (void)api;
    if (dbstatus_n < DBSTATUS_MAX)
        dbstatus_dbs[dbstatus_n++] = db;
    return SQLITE_OK;
}

void bench_dbstatus_watch(void)
{
    if (dbstatus_on())
        sqlite3_auto_extension((void (*)(void))dbstatus_seen);
}

static void dbstatus_sum(long long v[5], int reset)
{
    static const int ops[5] = { SQLITE_DBSTATUS_CACHE_HIT, SQLITE_DBSTATUS_CACHE_MISS, SQLITE_DBSTATUS_CACHE_WRITE,
                                SQLITE_DBSTATUS_CACHE_SPILL, SQLITE_DBSTATUS_CACHE_USED };
    for (int k = 0; k < 5; k++)
        v[k] = 0;
    for (int i = 0; i < dbstatus_n; i++)
        for (int k = 0; k < 5; k++) {
            int cur = 0, hi = 0;
            if (sqlite3_db_status(dbstatus_dbs[i], ops[k], &cur, &hi, reset && k < 4) == SQLITE_OK)
                v[k] += cur;
        }
}

static double dbstatus_cpu0[2];

static void cpu_times(double t[2])
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    t[0] = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6;
    t[1] = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

void bench_dbstatus_reset(void)
{
    long long v[5];
    if (dbstatus_on()) {
        dbstatus_sum(v, 1);
        cpu_times(dbstatus_cpu0);
    }
}

void bench_dbstatus_print(const char *label, size_t events)
{
    if (!dbstatus_on() || events == 0)
        return;
    long long v[5];
    double t[2];
    cpu_times(t);
    dbstatus_sum(v, 0);
    double n = (double)events;
    fprintf(stderr,
            "dbstatus %s: %d connection(s), per event: %.2f pages hit, %.3f missed, %.3f written, %.3f spilled,"
            " %.2f us user, %.2f us system; cache in use %.1f MiB\n",
            label, dbstatus_n, (double)v[0] / n, (double)v[1] / n, (double)v[2] / n, (double)v[3] / n,
            (t[0] - dbstatus_cpu0[0]) * 1e6 / n, (t[1] - dbstatus_cpu0[1]) * 1e6 / n, (double)v[4] / 1048576.0);
}
