/*
 * Concurrency (suite 'threads'): THREADS threads, each with its own mtrk_db
 * handle on one SQLite file, mix for a bounded time:
 *  - recording batches of events on the shared campaign's messages (every
 *    event with its own provider event id "t<thread>-<k>");
 *  - generating: the shared campaign again (idempotent: nothing new), and
 *    now and then a campaign of the thread's own (create, attach, schedule,
 *    send, generate) whose messages then get events too ("o<thread>-<k>");
 *  - reading metrics (campaign, links, hourly) and iterating events.
 * A call that meets MTRK_EBUSY is retried (the contract under contention).
 * Afterwards: every acknowledged event is present exactly once (by provider
 * event id) and nothing else is; every campaign has one message per contact;
 * the rollups of every campaign equal a rebuild; PRAGMA integrity_check.
 *
 * Usage: threads [SECONDS]   (default 10; MTRK_TEST_LEVEL=full: 30).
 * Built also under ThreadSanitizer by scripts/test (build-tsan/).
 */
#include "rel.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 8
#define NCONTACTS 200
#define BATCH 25

static const char *db_path;
static int64_t deadline;
static rel_scn shared;
static mtrk_id audience;

struct worker {
    int index;
    uint64_t shared_acked; /* events t<index>-0 .. shared_acked-1 acknowledged */
    uint64_t own_acked;    /* events o<index>-0 .. own_acked-1 */
    unsigned busy, campaigns, reads, generations;
};

/* Retries fn while the store is busy; returns its final status. */
#define RETRY(w, expr)                                                                              \
    ({                                                                                              \
        int rc_;                                                                                    \
        while ((rc_ = (expr)) == MTRK_EBUSY)                                                        \
            (w)->busy++;                                                                            \
        rc_;                                                                                        \
    })

static void load_messages(rel_scn *s, mtrk_tenant *t, mtrk_id campaign)
{
    s->campaign = campaign;
    s->mids = calloc(NCONTACTS, sizeof *s->mids);
    s->nmids = 0;
    if (s->mids == NULL)
        rel_die("out of memory");
    mtrk_message_iter *it = NULL;
    REL_OK(mtrk_message_iter_new(&it, t, campaign), t);
    for (;;) {
        mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
        int rc = mtrk_message_iter_next(&mi, it);
        if (rc == MTRK_ITEROVER)
            break;
        REL_OK(rc, t);
        if (s->nmids == NCONTACTS)
            rel_die("campaign has more messages than contacts");
        s->mids[s->nmids++] = mi.mid;
    }
    mtrk_message_iter_free(it);
}

static void own_campaign(struct worker *w, mtrk_tenant *t, rel_scn *own)
{
    char name[64];
    snprintf(name, sizeof name, "own-%d-%u", w->index, w->campaigns);
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = name;
    spec.subject = "hello";
    spec.from_address = "news@example.com";
    spec.text = "hello";
    mtrk_id camp;
    REL_OK(RETRY(w, mtrk_campaign_create(&camp, t, &spec)), t);
    REL_OK(RETRY(w, mtrk_campaign_attach_audience(NULL, t, camp, audience)), t);
    REL_OK(RETRY(w, mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SCHEDULED)), t);
    REL_OK(RETRY(w, mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SENDING)), t);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    REL_OK(RETRY(w, mtrk_campaign_generate(&rep, t, camp)), t);
    if (rep.created != NCONTACTS)
        rel_die("thread %d: generated %llu messages, expected %d", w->index, (unsigned long long)rep.created,
                NCONTACTS);
    rel_scn_free(own);
    load_messages(own, t, camp);
    w->campaigns++;
}

static void reads(struct worker *w, mtrk_tenant *t)
{
    mtrk_metrics m = MTRK_METRICS_INIT;
    REL_OK(RETRY(w, mtrk_metrics_campaign(&m, t, shared.campaign)), t);
    if (m.messages != NCONTACTS)
        rel_die("thread %d: metrics show %llu messages", w->index, (unsigned long long)m.messages);
    mtrk_link_stats ls = MTRK_LINK_STATS_INIT;
    mtrk_link_stats *lss[1] = { &ls };
    size_t n = 0;
    REL_OK(RETRY(w, mtrk_metrics_links(lss, 1, &n, t, shared.campaign)), t);
    static __thread uint64_t hourly[48 * MTRK_EV_TYPE_COUNT];
    REL_OK(RETRY(w, mtrk_metrics_hourly(hourly, 48 * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &n, t,
                                        shared.campaign, 1767225600000LL, 1767225600000LL + 40 * 3600000LL)),
           t);
    mtrk_event_iter *it = NULL;
    REL_OK(RETRY(w, mtrk_event_iter_message(&it, t, shared.mids[(size_t)w->reads % shared.nmids])), t);
    for (;;) {
        mtrk_event_info ei = MTRK_EVENT_INFO_INIT;
        int rc = RETRY(w, mtrk_event_iter_next(&ei, it));
        if (rc == MTRK_ITEROVER)
            break;
        REL_OK(rc, t);
    }
    mtrk_event_iter_free(it);
    w->reads++;
}

static void *work(void *arg)
{
    struct worker *w = arg;
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.busy_timeout_ms = 60000;
    o.synchronous = MTRK_SYNC_OFF;
    REL_OK(mtrk_db_open(&db, db_path, &o), t);
    REL_OK(mtrk_tenant_open(&t, db, REL_TENANT, "test:threads"), t);
    rel_scn own = { { { 0 } }, NULL, 0 };
    char tag[16], otag[16];
    snprintf(tag, sizeof tag, "t%d", w->index);
    snprintf(otag, sizeof otag, "o%d", w->index);
    for (unsigned step = 0; rel_ms() < deadline; step++) {
        switch ((step + (unsigned)w->index) % 8) {
        case 0:
        case 1:
        case 2:
        case 3:
            REL_OK(RETRY(w, rel_record(t, &shared, tag, w->shared_acked, BATCH)), t);
            w->shared_acked += BATCH;
            break;
        case 4:
            if (own.nmids == 0 || step % 64 == 4)
                own_campaign(w, t, &own);
            REL_OK(RETRY(w, rel_record(t, &own, otag, w->own_acked, BATCH)), t);
            w->own_acked += BATCH;
            break;
        case 5: {
            mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
            REL_OK(RETRY(w, mtrk_campaign_generate(&rep, t, shared.campaign)), t);
            if (rep.created != 0 || rep.already_present != NCONTACTS)
                rel_die("thread %d: regenerating the shared campaign created %llu", w->index,
                        (unsigned long long)rep.created);
            w->generations++;
            break;
        }
        default:
            reads(w, t);
            break;
        }
    }
    rel_scn_free(&own);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    return NULL;
}

struct seen {
    struct worker *w;
    unsigned char *once[2][THREADS];
    uint64_t present;
};

static void seen_cb(void *ud, const char *peid)
{
    struct seen *s = ud;
    char kind;
    int th;
    unsigned long long k;
    if (sscanf(peid, "%c%d-%llu", &kind, &th, &k) != 3 || (kind != 't' && kind != 'o') || th < 0 || th >= THREADS)
        rel_die("unexpected provider event id %s", peid);
    int o = kind == 'o';
    uint64_t acked = o ? s->w[th].own_acked : s->w[th].shared_acked;
    if (k >= acked)
        rel_die("event %s is present but was never acknowledged", peid);
    if (s->once[o][th][k]++)
        rel_die("event %s is present twice", peid);
    s->present++;
}

int main(int argc, char **argv)
{
    const char *level = getenv("MTRK_TEST_LEVEL");
    int seconds = argc > 1 ? atoi(argv[1]) : 10;
    if (level && strcmp(level, "full") == 0)
        seconds = 30;
    if (seconds <= 0)
        rel_die("usage: threads [SECONDS]");
    char dir[4096], path[4200];
    rel_mkdtemp(dir, sizeof dir, "threads");
    snprintf(path, sizeof path, "%s/threads.db", dir);
    db_path = path;
    rel_scn_create(&shared, path, NCONTACTS);
    {
        mtrk_db *db = NULL;
        mtrk_tenant *t = NULL;
        REL_OK(mtrk_db_open(&db, path, NULL), t);
        REL_OK(mtrk_tenant_open(&t, db, REL_TENANT, "test:threads"), t);
        mtrk_audience_iter *ai = NULL;
        const mtrk_audience *a = NULL;
        REL_OK(mtrk_audience_iter_new(&ai, t), t);
        REL_OK(mtrk_audience_iter_next(&a, ai), t);
        audience = mtrk_audience_id(a);
        mtrk_audience_iter_free(ai);
        mtrk_tenant_close(t);
        mtrk_db_close(db);
    }

    struct worker w[THREADS];
    pthread_t th[THREADS];
    int64_t t0 = rel_ms();
    deadline = t0 + (int64_t)seconds * 1000;
    for (int i = 0; i < THREADS; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].index = i;
        if (pthread_create(&th[i], NULL, work, &w[i]) != 0)
            rel_die("pthread_create failed");
    }
    uint64_t acked = 0;
    unsigned busy = 0, campaigns = 0, nreads = 0, gens = 0;
    for (int i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        acked += w[i].shared_acked + w[i].own_acked;
        busy += w[i].busy;
        campaigns += w[i].campaigns;
        nreads += w[i].reads;
        gens += w[i].generations;
    }
    int64_t elapsed = rel_ms() - t0;

    rel_check_integrity(path);
    struct seen sn;
    memset(&sn, 0, sizeof sn);
    sn.w = w;
    for (int i = 0; i < THREADS; i++) {
        sn.once[0][i] = calloc(w[i].shared_acked + 1, 1);
        sn.once[1][i] = calloc(w[i].own_acked + 1, 1);
        if (!sn.once[0][i] || !sn.once[1][i])
            rel_die("out of memory");
    }
    rel_each_event_id(path, seen_cb, &sn);
    if (sn.present != acked)
        rel_die("%llu events present, %llu acknowledged", (unsigned long long)sn.present,
                (unsigned long long)acked);

    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    REL_OK(mtrk_db_open(&db, path, NULL), t);
    REL_OK(mtrk_tenant_open(&t, db, REL_TENANT, "test:threads"), t);
    /* Every campaign: one message per contact, rollups equal a rebuild. */
    mtrk_id camps[THREADS * 64 + 1];
    size_t ncamps = 0;
    mtrk_campaign_iter *ci = NULL;
    const mtrk_campaign *c = NULL;
    REL_OK(mtrk_campaign_iter_new(&ci, t), t);
    int rc;
    while ((rc = mtrk_campaign_iter_next(&c, ci)) == MTRK_OK) {
        if (ncamps == sizeof camps / sizeof camps[0])
            rel_die("too many campaigns");
        camps[ncamps++] = mtrk_campaign_id(c);
    }
    if (rc != MTRK_ITEROVER)
        REL_OK(rc, t);
    mtrk_campaign_iter_free(ci);
    if (ncamps != 1 + campaigns)
        rel_die("%zu campaigns, expected %u", ncamps, 1 + campaigns);
    mtrk_metrics before[THREADS * 64 + 1];
    for (size_t i = 0; i < ncamps; i++) {
        mtrk_metrics_init(&before[i], MTRK_METRICS_VERSION);
        REL_OK(mtrk_metrics_campaign(&before[i], t, camps[i]), t);
        if (before[i].messages != NCONTACTS)
            rel_die("campaign %zu has %llu messages", i, (unsigned long long)before[i].messages);
    }
    REL_OK(mtrk_metrics_rebuild(t), t);
    for (size_t i = 0; i < ncamps; i++) {
        mtrk_metrics after = MTRK_METRICS_INIT;
        REL_OK(mtrk_metrics_campaign(&after, t, camps[i]), t);
        size_t from = offsetof(mtrk_metrics, messages);
        if (memcmp((const char *)&before[i] + from, (const char *)&after + from, sizeof after - from) != 0)
            rel_die("campaign %zu: rollups differ from a rebuild", i);
    }
    mtrk_tenant_close(t);
    mtrk_db_close(db);

    printf("threads: %d handles for %.1f s: %llu events acknowledged, all present exactly once; %u campaigns "
           "generated, %u regenerations, %u metric reads, %u busy retries; rollups of %zu campaigns equal a "
           "rebuild\n",
           THREADS, (double)elapsed / 1000.0, (unsigned long long)acked, campaigns, gens, nreads, busy, ncamps);
    for (int i = 0; i < THREADS; i++) {
        free(sn.once[0][i]);
        free(sn.once[1][i]);
    }
    rel_scn_free(&shared);
    rel_rmdir(dir);
    return 0;
}
