/*
 * Crash test: a child records events in batches of BATCH through the public
 * API and writes each batch's number to a pipe once the call has returned
 * (so the batch is committed); the parent SIGKILLs it at a random moment
 * (seeded), at least 20 times. After each kill, with no process left on the
 * file: PRAGMA integrity_check is ok (and no foreign key is violated), every
 * acknowledged batch is present in full, no batch is half-present (all of
 * its events or none), and the rollups equal a rebuild from the events.
 *
 *   crash [KILLS [SEED]]      defaults: 24 kills, seed 20260101
 */
#include "rel.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BATCH 40
#define NCONTACTS 300
#define MAX_BATCHES 200000

static void child(const char *path, uint64_t next, int fd)
{
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    REL_OK(mtrk_db_open(&db, path, NULL), t);
    REL_OK(mtrk_tenant_open(&t, db, REL_TENANT, "test:crash"), t);
    rel_scn s;
    rel_scn_load(&s, t);
    for (uint64_t b = next; b < MAX_BATCHES; b++) {
        REL_OK(rel_record(t, &s, "crash", b * BATCH, BATCH), t);
        if (write(fd, &b, sizeof b) != (ssize_t)sizeof b)
            rel_die("ack write: %s", strerror(errno));
    }
    _exit(3); /* never reached in time: the parent kills first */
}

struct tally {
    unsigned *count; /* events present per batch */
    uint64_t max;    /* highest batch present + 1 */
};

static void count_cb(void *ud, const char *peid)
{
    struct tally *ta = ud;
    unsigned long long k;
    if (sscanf(peid, "crash-%llu", &k) != 1)
        rel_die("unexpected provider event id %s", peid);
    uint64_t b = k / BATCH;
    if (b >= MAX_BATCHES)
        rel_die("batch %llu out of range", (unsigned long long)b);
    ta->count[b]++;
    if (b + 1 > ta->max)
        ta->max = b + 1;
}

int main(int argc, char **argv)
{
    int kills = argc > 1 ? atoi(argv[1]) : 24;
    unsigned seed = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 20260101u;
    srand(seed);
    char dir[4096], path[4200];
    rel_mkdtemp(dir, sizeof dir, "crash");
    snprintf(path, sizeof path, "%s/crash.db", dir);
    int64_t t0 = rel_ms();
    rel_scn s;
    rel_scn_create(&s, path, NCONTACTS);
    rel_scn_free(&s);

    struct tally ta = { calloc(MAX_BATCHES, sizeof(unsigned)), 0 };
    unsigned char *acked = calloc(MAX_BATCHES, 1);
    if (ta.count == NULL || acked == NULL)
        rel_die("out of memory");
    uint64_t next = 0, nacked = 0, unacked_present = 0;
    for (int round = 0; round < kills; round++) {
        int p[2];
        if (pipe(p) != 0)
            rel_die("pipe: %s", strerror(errno));
        fflush(NULL);
        pid_t pid = fork();
        if (pid < 0)
            rel_die("fork: %s", strerror(errno));
        if (pid == 0) {
            close(p[0]);
            child(path, next, p[1]);
        }
        close(p[1]);
        /* Let it run 30..400 ms: long enough to open and commit a few
         * batches, short and random enough to land anywhere in a call. */
        struct timespec ts = { 0, (30 + rand() % 370) * 1000000L };
        nanosleep(&ts, NULL);
        kill(pid, SIGKILL);
        int status = 0;
        if (waitpid(pid, &status, 0) != pid)
            rel_die("waitpid: %s", strerror(errno));
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
            rel_die("round %d: the child ended on its own (status %d): see its message above", round, status);
        uint64_t b;
        ssize_t r;
        while ((r = read(p[0], &b, sizeof b)) == (ssize_t)sizeof b) {
            if (b >= MAX_BATCHES)
                rel_die("bad ack %llu", (unsigned long long)b);
            acked[b] = 1;
            nacked++;
        }
        close(p[0]);

        /* Nothing runs on the file now: check it. */
        rel_check_integrity(path);
        memset(ta.count, 0, MAX_BATCHES * sizeof(unsigned));
        ta.max = 0;
        rel_each_event_id(path, count_cb, &ta);
        for (uint64_t k = 0; k < ta.max || k < next; k++) {
            if (ta.count[k] != 0 && ta.count[k] != BATCH)
                rel_die("round %d: batch %llu is half-present (%u of %d events)", round, (unsigned long long)k,
                        ta.count[k], BATCH);
            if (acked[k] && ta.count[k] != BATCH)
                rel_die("round %d: acknowledged batch %llu is missing", round, (unsigned long long)k);
        }
        if (ta.max > 0 && !acked[ta.max - 1])
            unacked_present++; /* committed, killed before the ack: allowed */
        mtrk_db *db = NULL;
        mtrk_tenant *t = NULL;
        REL_OK(mtrk_db_open(&db, path, NULL), t);
        REL_OK(mtrk_tenant_open(&t, db, REL_TENANT, "test:crash"), t);
        rel_scn_load(&s, t);
        rel_check_rollups(t, s.campaign);
        rel_scn_free(&s);
        mtrk_tenant_close(t);
        mtrk_db_close(db);
        next = ta.max;
    }
    if (nacked == 0)
        rel_die("no batch was ever acknowledged: the kills came too early to test anything");
    printf("crash: %d kills (seed %u), %llu batches of %d acknowledged, %llu committed but unacknowledged, "
           "%llu events in the file, %.1f s\n",
           kills, seed, (unsigned long long)nacked, BATCH, (unsigned long long)unacked_present,
           (unsigned long long)(next * BATCH), (double)(rel_ms() - t0) / 1000.0);
    free(ta.count);
    free(acked);
    rel_rmdir(dir);
    return 0;
}
