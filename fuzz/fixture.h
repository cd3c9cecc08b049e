/* Shared by the fuzz targets: a check that aborts (so libFuzzer and the
 * replay driver report it), and a fixture tenant on the memory backend with
 * real messages and the tracking URLs the library signed for them. */
#ifndef MTRK_FUZZ_FIXTURE_H
#define MTRK_FUZZ_FIXTURE_H

#include <mtrk/mtrk.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond, ...)                                                             \
    do {                                                                                  \
        if (!(cond)) {                                                                    \
            fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, __LINE__, #cond);  \
            fprintf(stderr, __VA_ARGS__);                                                 \
            fputc('\n', stderr);                                                          \
            abort();                                                                      \
        }                                                                                 \
    } while (0)

#define FX_CONTACTS 3
#define FX_LINKS 2
#define FX_MAX_URLS 32

typedef struct fx_url {
    mtrk_url_kind kind;
    mtrk_id mid, lid;
    char *url;        /* the whole signed URL (mtrk_free) */
    const char *path; /* its path, after the tenant's base URL */
    const char *tail; /* its last three segments: "/k/tenant/token[.gif]" */
} fx_url;

typedef struct fixture {
    mtrk_db *db;
    mtrk_tenant *t;    /* tenant "acme": the one under test */
    mtrk_tenant *other; /* tenant "globex": look-alike data */
    mtrk_id campaign, audience, landing;
    mtrk_id contacts[FX_CONTACTS];
    mtrk_id mids[FX_CONTACTS];
    mtrk_id lids[FX_LINKS];
    const char *link_urls[FX_LINKS];
    fx_url urls[FX_MAX_URLS]; /* acme's */
    size_t nurls;
    fx_url other_urls[FX_MAX_URLS]; /* globex's */
    size_t nother;
} fixture;

/* Builds the fixture in a fresh "memory:" handle with a deterministic clock;
 * aborts if the library refuses (the fixture is known-good). */
void fixture_open(fixture *f);
void fixture_close(fixture *f);
/* The shared fixture of the targets that resolve or ingest: built once and
 * rebuilt every FX_REUSE inputs (building it costs far more than one input;
 * the targets' invariants compare before and after each input, so what
 * earlier inputs recorded does not matter). */
#define FX_REUSE 256
fixture *fixture_shared(void);
/* Events of every fixture message of f->t plus unsubscribe rules of its
 * contacts: what a refused call must not change. */
uint64_t fixture_recorded(fixture *f);
/* The fixture's clock (ms); advances one second per call. */
mtrk_time fixture_clock(void *ud);

#endif

/* The invariants after any sequence of calls on tenant t whose campaigns are
 * campaigns[ncampaigns] and messages mids[nmids]:
 *  - each campaign's metrics equal those after mtrk_metrics_rebuild;
 *  - no event without its effects: a hard bounce is traced as one, leaves its
 *    message bounced (or canceled) and its contact not active, and its address
 *    suppressed; a complaint leaves its contact not active with a global
 *    unsubscribe rule and its address suppressed — except where the caller
 *    says it changed statuses (manual_status), removed suppressions
 *    (unsuppressed) or unsubscribe rules (resubscribed) itself. */
void check_invariants(mtrk_tenant *t, const mtrk_id *campaigns, size_t ncampaigns, const mtrk_id *mids, size_t nmids,
                      int manual_status, int unsuppressed, int resubscribed);
