/* mtrkd: an HTTP host for mtrk over libmicrohttpd. It reaches the library
 * through its public API only (mtrk/mtrk.h): it is meant to be read as an
 * example of embedding mtrk. docs/server.md describes what it serves. */
#ifndef MTRKD_H
#define MTRKD_H

#include <mtrk/mtrk.h>

#include <jansson.h>
#include <microhttpd.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Routes, as the metrics and the access log name them. */
typedef enum route {
    ROUTE_OTHER = 0,
    ROUTE_PIXEL,
    ROUTE_CLICK,
    ROUTE_UNSUBSCRIBE,
    ROUTE_LANDING,
    ROUTE_LEAD,
    ROUTE_EVENTS,
    ROUTE_API,
    ROUTE_DASHBOARD,
    ROUTE_HEALTHZ,
    ROUTE_METRICS,
    ROUTE_WEBHOOK,
    ROUTE_COUNT
} route;

/* Why a request was refused (the refusals counter). */
typedef enum refusal {
    REFUSE_SIGNATURE = 0, /* forged, tampered, malformed tracking URL */
    REFUSE_TENANT,        /* another tenant's URL, or an unknown tenant */
    REFUSE_METHOD,
    REFUSE_BODY_TOO_LARGE,
    REFUSE_UNAUTHORIZED,
    REFUSE_BAD_REQUEST,
    REFUSE_BUSY,
    REFUSE_COUNT
} refusal;

typedef struct config {
    const char *listen;      /* HOST:PORT ("127.0.0.1:8025"); port 0 picks one */
    const char *db;          /* mtrk_db_open target */
    const char *access_log;  /* path, "-" for stderr, NULL for none */
    const char *real_ip_header; /* trusted header naming the client (behind a proxy) */
    unsigned threads;
    unsigned timeout_s;      /* idle/slow connection timeout */
    unsigned max_connections;
    unsigned per_ip_connections;
    size_t max_body;         /* request bodies (tracking posts, leads) */
    size_t max_events_body;  /* the JSON Lines event route */
    size_t header_memory;    /* per-connection memory: bounds request headers */
    unsigned grace_s;        /* how long SIGTERM waits for requests in flight */
    int sync;                /* MTRK_SYNC_* (0: the library's default) */
    int busy_timeout_ms;
    bool serialize_writes;   /* set for SQLite targets */
    unsigned batch_window_us; /* group commit: how long the oldest hit waits for others */
    unsigned batch_max;      /* group commit: hits in one transaction at most */
} config;

/* A tracking hit handed to the writer (commit.c). The request's body and ip
 * stay the worker's request's: its connection is suspended, and they live
 * until the hit is answered. */
typedef struct hit {
    struct hit *next;
    struct MHD_Connection *conn;
    int64_t queued_ns;
    char tenant[MTRK_MAX_TENANT_KEY + 1];
    mtrk_track_request req;
    mtrk_track_result res; /* redirect_url NULL: see redirect */
    char *path, *user_agent; /* copies, req's */
    char *redirect;        /* a copy of the result's redirect_url */
    int status;            /* 0 or the hit's refusal or the group's failure */
    _Atomic int done;      /* set by the writer before it resumes conn */
} hit;

/* Per-request state, from the first call of the access handler to the
 * completion callback. */
typedef struct request {
    int64_t start_ns;
    route route;
    unsigned status;
    size_t bytes_out;
    char method[8];
    char path[256];    /* for the access log, truncated */
    char ip[MTRK_MAX_IP + 1];
    char *body;
    size_t body_len;
    hit *hit;          /* handed to the writer, answered once done */
    size_t body_limit;
    bool too_large;
    bool answered;
} request;

/* The server's counters (Prometheus text at /metrics). */
#define LATENCY_BUCKETS 12
#define STATUS_SLOTS 20
#define GROUP_BUCKETS 11
typedef struct counters {
    _Atomic uint64_t requests[ROUTE_COUNT][STATUS_SLOTS];
    _Atomic uint64_t latency[ROUTE_COUNT][LATENCY_BUCKETS + 1];
    _Atomic uint64_t latency_sum_us[ROUTE_COUNT];
    _Atomic uint64_t events_recorded[ROUTE_COUNT];
    _Atomic uint64_t refusals[REFUSE_COUNT];
    _Atomic uint64_t commits;        /* group commits of tracking hits */
    _Atomic uint64_t committed_hits; /* hits in them */
    _Atomic uint64_t group_size[GROUP_BUCKETS + 1];
} counters;

extern config g_cfg;
extern counters g_counters;
extern _Atomic int g_shutting_down;

/* A worker thread's tenant handle (one mtrk handle per worker thread, opened
 * on first use; a handle is used by one thread at a time). NULL with *status
 * set to the HTTP status to answer (404 unknown tenant, 503 storage). */
mtrk_tenant *worker_tenant(const char *key, unsigned *status);
/* The worker thread's database handle (opened on first use), or NULL with
 * *status 503. */
mtrk_db *worker_db(unsigned *status);
/* Serializes the writing calls on an SQLite database, the group-commit
 * writer's and the workers' (lead forms, the event route): one writer at a
 * time, as SQLite's own lock would make the others sleep in its busy
 * handler, which costs a long latency tail; a no-op on PostgreSQL. */
void writer_lock(void);
void writer_unlock(void);
/* Closes every worker's handles (after the daemon's threads have stopped). */
void workers_close(void);

/* Responses. Each sets r->status, counts and queues; returns MHD_YES/NO. */
enum MHD_Result reply(struct MHD_Connection *c, request *r, unsigned status, const char *type,
                      const void *data, size_t len);
/* data is malloc'ed and taken over. */
enum MHD_Result reply_owned(struct MHD_Connection *c, request *r, unsigned status, const char *type, char *data,
                            size_t len);
enum MHD_Result reply_response(struct MHD_Connection *c, request *r, unsigned status, struct MHD_Response *resp);
enum MHD_Result reply_not_found(struct MHD_Connection *c, request *r);
/* POST /webhooks/{tenant}/{provider} (webhook.c). */
enum MHD_Result webhook_handle(struct MHD_Connection *c, request *r, const char *url, const char *method);
/* A JSON error {"error": code, "message": text}. */
enum MHD_Result reply_error(struct MHD_Connection *c, request *r, unsigned status, const char *code,
                            const char *message);
void count_refusal(refusal why);
void count_recorded(route rt, uint64_t n);

/* Tracking: the open pixel, clicks, unsubscribes, landing visits and lead
 * forms. path is the request path, query says whether it had a query. */
bool track_route_of(const char *path, const char *method, route *out);
enum MHD_Result track_handle(struct MHD_Connection *c, request *r, const char *path, bool query);

/* Group commit (commit.c): start the writer thread (0, or -1), hand it a
 * hit (the caller has suspended the connection; the writer resumes it after
 * the commit with hit->done set, or at once with MTRK_EBUSY once stopped),
 * stop it once no request is in flight. */
int commit_start(void);
void commit_stop(void);
hit *hit_new(struct MHD_Connection *c, const char *tenant, const mtrk_track_request *req);
void hit_free(hit *h);
void commit_enqueue(hit *h);
/* The upper bounds of the group-size histogram (GROUP_BUCKETS of them). */
const unsigned *commit_group_buckets(void);

/* The JSON API and the event route under /api/v1/. */
enum MHD_Result api_handle(struct MHD_Connection *c, request *r, const char *path, const char *method);

/* Bearer tokens (tokens.c): 1 when `authorization` is "Bearer {token}" with
 * a valid token of `tenant`, 0 when not, -1 when the database cannot say. */
int tokens_check(const char *tenant, const char *authorization);

/* The dashboard's files, compiled in (dashboard_files.c, generated). */
typedef struct embedded_file {
    const char *name;
    const char *type;
    const unsigned char *data;
    size_t len;
} embedded_file;
extern const embedded_file mtrkd_dashboard_files[];
extern const size_t mtrkd_dashboard_file_count;

#endif
