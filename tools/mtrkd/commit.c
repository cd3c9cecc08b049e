/* Group commit: the HTTP workers hand tracking hits (opens, clicks,
 * unsubscribes) to one writer thread, which takes what has queued (at most
 * --batch-max hits, waiting at most --batch-window-us after the oldest one
 * arrived), resolves them with mtrk_track_resolve_batch in one transaction
 * per tenant, and then lets each waiting request answer. A worker does not
 * block meanwhile: the connection is suspended (libmicrohttpd's
 * MHD_suspend_connection) and resumed by the writer after the commit, so a
 * group can hold as many hits as there are connections, not threads.
 * A hit is answered only after its transaction committed. */
#include "mtrkd.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t g_q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_q_cond;
static hit *g_head, *g_tail;
static size_t g_queued;
static bool g_stop;
static pthread_t g_thread;
static bool g_started;

static const unsigned group_le[GROUP_BUCKETS] = { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024 };

const unsigned *commit_group_buckets(void)
{
    return group_le;
}

static int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

hit *hit_new(struct MHD_Connection *c, const char *tenant, const mtrk_track_request *req)
{
    hit *h = calloc(1, sizeof *h);
    if (h == NULL)
        return NULL;
    h->conn = c;
    snprintf(h->tenant, sizeof h->tenant, "%s", tenant);
    h->req = *req;
    /* The path and user agent are copied: they are the connection's, and
     * the hit must not depend on how libmicrohttpd keeps them meanwhile. */
    h->path = strdup(req->path);
    h->user_agent = req->user_agent ? strdup(req->user_agent) : NULL;
    if (h->path == NULL || (req->user_agent && h->user_agent == NULL)) {
        hit_free(h);
        return NULL;
    }
    h->req.path = h->path;
    h->req.user_agent = h->user_agent;
    h->res = (mtrk_track_result)MTRK_TRACK_RESULT_INIT;
    h->status = MTRK_ESTORE;
    return h;
}

void hit_free(hit *h)
{
    if (h == NULL)
        return;
    free(h->redirect);
    free(h->path);
    free(h->user_agent);
    free(h);
}

void commit_enqueue(hit *h)
{
    h->queued_ns = mono_ns();
    pthread_mutex_lock(&g_q_lock);
    if (g_stop) {
        /* The writer has stopped (shutdown): the hit is answered 503, its
         * connection resumed here (the caller suspended it already). */
        pthread_mutex_unlock(&g_q_lock);
        h->status = MTRK_EBUSY;
        atomic_store(&h->done, 1);
        MHD_resume_connection(h->conn);
        return;
    }
    if (g_tail)
        g_tail->next = h;
    else
        g_head = h;
    g_tail = h;
    g_queued++;
    /* Wake the writer for the first hit (it waits for one) and when the
     * group is full (it waits out the window otherwise). */
    if (g_queued == 1 || g_queued >= g_cfg.batch_max)
        pthread_cond_signal(&g_q_cond);
    pthread_mutex_unlock(&g_q_lock);
}

/* Resolves the hits of one tenant (their order kept) in one transaction. */
static void resolve_tenant(hit **hits, size_t n)
{
    unsigned status = 0;
    mtrk_tenant *t = worker_tenant(hits[0]->tenant, &status);
    if (t == NULL) {
        int code = status == 404 ? MTRK_ETENANT : MTRK_ESTORE;
        for (size_t i = 0; i < n; i++)
            hits[i]->status = code;
        return;
    }
    mtrk_track_result **outs = malloc(n * sizeof *outs);
    const mtrk_track_request **reqs = malloc(n * sizeof *reqs);
    int *st = malloc(n * sizeof *st);
    if (outs == NULL || reqs == NULL || st == NULL) {
        free(outs), free(reqs), free(st);
        for (size_t i = 0; i < n; i++)
            hits[i]->status = MTRK_ENOMEM;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        outs[i] = &hits[i]->res;
        reqs[i] = &hits[i]->req;
    }
    writer_lock();
    int rc = mtrk_track_resolve_batch(outs, st, t, reqs, n, NULL);
    writer_unlock();
    if (rc == 0) {
        atomic_fetch_add(&g_counters.commits, 1);
        atomic_fetch_add(&g_counters.committed_hits, n);
        unsigned b = 0;
        while (b < GROUP_BUCKETS && n > group_le[b])
            b++;
        atomic_fetch_add(&g_counters.group_size[b], 1);
    }
    for (size_t i = 0; i < n; i++) {
        hits[i]->status = st[i];
        /* redirect_url is the writer's tenant handle's, overwritten by its
         * next call: the worker answers with its own copy. */
        if (st[i] == 0 && hits[i]->res.redirect_url) {
            hits[i]->redirect = strdup(hits[i]->res.redirect_url);
            if (hits[i]->redirect == NULL)
                hits[i]->status = MTRK_ENOMEM;
        }
        hits[i]->res.redirect_url = NULL;
    }
    free(outs), free(reqs), free(st);
}

static void resolve_group(hit *list, size_t n)
{
    hit **all = malloc(n * sizeof *all), **mine = malloc(n * sizeof *mine);
    if (all == NULL || mine == NULL) {
        for (hit *h = list; h; h = h->next)
            h->status = MTRK_ENOMEM;
    } else {
        size_t k = 0;
        for (hit *h = list; h; h = h->next)
            all[k++] = h;
        /* One transaction per tenant in the group (a tenant handle is a
         * tenant's); most groups hold one tenant. */
        for (size_t i = 0; i < n; i++) {
            if (all[i] == NULL)
                continue;
            size_t m = 0;
            for (size_t j = i; j < n; j++)
                if (all[j] && strcmp(all[j]->tenant, all[i]->tenant) == 0) {
                    mine[m++] = all[j];
                    if (j != i)
                        all[j] = NULL;
                }
            all[i] = NULL;
            resolve_tenant(mine, m);
        }
    }
    free(all), free(mine);
    for (hit *h = list, *next; h; h = next) {
        next = h->next; /* the worker may free h once resumed */
        atomic_store(&h->done, 1);
        MHD_resume_connection(h->conn);
    }
}

static void *writer_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&g_q_lock);
    for (;;) {
        while (g_queued == 0 && !g_stop)
            pthread_cond_wait(&g_q_cond, &g_q_lock);
        if (g_queued == 0 && g_stop)
            break;
        /* The batching window: from the oldest hit's arrival, until the
         * group is full or the window has passed. */
        int64_t deadline = g_head->queued_ns + (int64_t)g_cfg.batch_window_us * 1000;
        while (g_queued < g_cfg.batch_max && !g_stop) {
            int64_t now = mono_ns();
            if (now >= deadline)
                break;
            struct timespec ts = { (time_t)(deadline / 1000000000), (long)(deadline % 1000000000) };
            pthread_cond_timedwait(&g_q_cond, &g_q_lock, &ts);
        }
        hit *list = g_head, *last = g_head;
        size_t n = 1;
        while (n < g_cfg.batch_max && last->next) {
            last = last->next;
            n++;
        }
        g_head = last->next;
        if (g_head == NULL)
            g_tail = NULL;
        last->next = NULL;
        g_queued -= n;
        pthread_mutex_unlock(&g_q_lock);
        resolve_group(list, n);
        pthread_mutex_lock(&g_q_lock);
    }
    pthread_mutex_unlock(&g_q_lock);
    return NULL;
}

int commit_start(void)
{
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&g_q_cond, &a);
    pthread_condattr_destroy(&a);
    if (pthread_create(&g_thread, NULL, writer_main, NULL) != 0)
        return -1;
    g_started = true;
    return 0;
}

void commit_stop(void)
{
    if (!g_started)
        return;
    pthread_mutex_lock(&g_q_lock);
    g_stop = true;
    pthread_cond_signal(&g_q_cond);
    pthread_mutex_unlock(&g_q_lock);
    pthread_join(g_thread, NULL);
    g_started = false;
}
