/*
 * The lifecycle the fault sweeps drive (tests/faults): every public call that
 * writes, in the order a host makes them, each step exactly one public call.
 * Steps made of several calls (contacts, mark-sent) set `more` while calls
 * remain and advance `sub` only when a call succeeds, so a sweep can fail
 * each of those calls on its own.
 */
#ifndef MTRK_TEST_LIFECYCLE_H
#define MTRK_TEST_LIFECYCLE_H

#include <mtrk/mtrk.h>
#include <stddef.h>

#define LC_T0 INT64_C(1767225600000)

typedef struct lc_world {
    mtrk_db *db;
    mtrk_tenant *t;
    mtrk_id contacts[6];
    mtrk_id audience, campaign, link, landing;
    mtrk_id claimed[8];
    size_t nclaimed;
    size_t sub;       /* multi-call steps: the next call to make */
    int more;         /* set by such a step while calls remain */
    mtrk_time now;    /* the handle's clock (lc_clock) */
} lc_world;

typedef struct lc_step {
    const char *name;
    int (*fn)(lc_world *w);
} lc_step;

extern const lc_step lc_steps[];
extern const size_t lc_nsteps;
/* Is step s mtrk_metrics_rebuild? It builds the rollups aside and may leave
 * the messages' fold columns refreshed when it fails (store_digest_ex). */
int lc_is_rebuild(size_t s);

/* The clock to pass in mtrk_open_options (userdata: the world). */
mtrk_time lc_clock(void *ud);

/* Rollups equal a rebuild: reads the campaign's metrics, rebuilds, reads
 * again; 0 when equal, -1 (message on stderr) otherwise. */
int lc_check_rollups(lc_world *w);

#endif
