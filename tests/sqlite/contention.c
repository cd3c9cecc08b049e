/*
 * Contention test: PROCS processes with THREADS handles each (one thread per
 * handle) record events into one SQLite file at once, in batches of BATCH,
 * every event with its own provider event id. Afterwards every event is
 * present exactly once (counted by provider event id), the file passes
 * PRAGMA integrity_check, and the rollups equal a rebuild.
 *
 * A call that meets MTRK_EBUSY (the busy timeout ran out) is retried and
 * counted: that is the contract's behaviour under contention, and a retried
 * batch that had in fact been kept would show up as duplicates and fail.
 *
 * Size: 200,000 events (about 35 s on the 2-core CI machine). `contention
 * reduced` records 40,000 instead, unless MTRK_TEST_LEVEL=full: meson passes
 * "reduced" to the sanitizer builds, so the ASan run of scripts/test stays
 * short while the plain run and scripts/test --full run the full size. Same
 * code path either way: only the number of batches differs.
 */
#include "rel.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROCS 4
#define THREADS 2
#define BATCH 500
#define NCONTACTS 2000

static const char *db_path;
static uint64_t per_handle;

struct worker {
    int proc, thread;
    unsigned busy_retries;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.busy_timeout_ms = 60000;
    REL_OK(mtrk_db_open(&db, db_path, &o), t);
    REL_OK(mtrk_tenant_open(&t, db, REL_TENANT, "test:contention"), t);
    rel_scn s;
    rel_scn_load(&s, t);
    uint64_t base = (uint64_t)(w->proc * THREADS + w->thread) * per_handle;
    for (uint64_t k = 0; k < per_handle; k += BATCH) {
        size_t n = per_handle - k < BATCH ? (size_t)(per_handle - k) : BATCH;
        int rc;
        while ((rc = rel_record(t, &s, "x", base + k, n)) == MTRK_EBUSY)
            w->busy_retries++;
        REL_OK(rc, t);
    }
    rel_scn_free(&s);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    return NULL;
}

static void proc_main(int proc)
{
    pthread_t th[THREADS];
    struct worker w[THREADS];
    for (int i = 0; i < THREADS; i++) {
        w[i] = (struct worker){ proc, i, 0 };
        if (pthread_create(&th[i], NULL, work, &w[i]) != 0)
            rel_die("pthread_create failed");
    }
    unsigned retries = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        retries += w[i].busy_retries;
    }
    if (retries)
        fprintf(stderr, "contention: process %d retried %u batches after MTRK_EBUSY\n", proc, retries);
    fflush(NULL);
    _exit(0);
}

struct seen {
    unsigned char *once;
    uint64_t total, present;
};

static void seen_cb(void *ud, const char *peid)
{
    struct seen *s = ud;
    unsigned long long k;
    if (sscanf(peid, "x-%llu", &k) != 1 || k >= s->total)
        rel_die("unexpected provider event id %s", peid);
    if (s->once[k]++)
        rel_die("event %s is present twice", peid);
    s->present++;
}

int main(int argc, char **argv)
{
    const char *level = getenv("MTRK_TEST_LEVEL");
    int full = !(argc > 1 && strcmp(argv[1], "reduced") == 0) || (level && strcmp(level, "full") == 0);
    uint64_t total = full ? 200000 : 40000;
    per_handle = total / (PROCS * THREADS);
    char dir[4096], path[4200];
    rel_mkdtemp(dir, sizeof dir, "contention");
    snprintf(path, sizeof path, "%s/contention.db", dir);
    db_path = path;
    rel_scn s;
    rel_scn_create(&s, path, NCONTACTS);

    int64_t t0 = rel_ms();
    pid_t pids[PROCS];
    fflush(NULL);
    for (int p = 0; p < PROCS; p++) {
        pids[p] = fork();
        if (pids[p] < 0)
            rel_die("fork: %s", strerror(errno));
        if (pids[p] == 0)
            proc_main(p);
    }
    for (int p = 0; p < PROCS; p++) {
        int status = 0;
        if (waitpid(pids[p], &status, 0) != pids[p] || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            rel_die("process %d failed (status %d): see its message above", p, status);
    }
    int64_t elapsed = rel_ms() - t0;

    rel_check_integrity(path);
    struct seen sn = { calloc(total, 1), total, 0 };
    if (sn.once == NULL)
        rel_die("out of memory");
    rel_each_event_id(path, seen_cb, &sn);
    for (uint64_t k = 0; k < total; k++)
        if (sn.once[k] != 1)
            rel_die("event x-%llu is missing", (unsigned long long)k);
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    REL_OK(mtrk_db_open(&db, path, NULL), t);
    REL_OK(mtrk_tenant_open(&t, db, REL_TENANT, "test:contention"), t);
    rel_check_rollups(t, s.campaign);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    printf("contention: %d processes x %d handles, %llu events in batches of %d, all present exactly once; "
           "%.1f s of recording (%.0f events/s)%s\n",
           PROCS, THREADS, (unsigned long long)total, BATCH, (double)elapsed / 1000.0,
           (double)total * 1000.0 / (double)(elapsed ? elapsed : 1), full ? "" : " [reduced size; full: 200,000]");
    free(sn.once);
    rel_scn_free(&s);
    rel_rmdir(dir);
    return 0;
}
