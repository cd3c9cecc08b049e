/* mtrkd: configuration, the HTTP daemon, routing, operations (health,
 * metrics, access log) and graceful shutdown. */
#include "mtrkd.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

config g_cfg = {
    .listen = "127.0.0.1:8025",
    .db = "mtrk.db",
    .threads = 4,
    .timeout_s = 10,
    .max_connections = 1024,
    .per_ip_connections = 0,
    .max_body = 16 * 1024,
    .max_events_body = 1024 * 1024,
    .header_memory = 32 * 1024,
    .grace_s = 10,
    .batch_window_us = 0,
    .batch_max = 256,
};
counters g_counters;
_Atomic int g_shutting_down;
static _Atomic int64_t g_in_flight;
static FILE *g_access_log;
static pthread_mutex_t g_log_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const route_names[ROUTE_COUNT] = {
    "other", "pixel", "click", "unsubscribe", "landing", "lead", "events", "api", "dashboard", "healthz", "metrics",
    "webhook",
};
static const char *const refusal_names[REFUSE_COUNT] = {
    "signature", "tenant", "method", "body_too_large", "unauthorized", "bad_request", "busy",
};
static const unsigned status_codes[STATUS_SLOTS] = {
    200, 204, 301, 302, 303, 304, 400, 401, 403, 404, 405, 408, 413, 415, 422, 429, 431, 500, 503, 0 /* other */
};
static const double latency_le[LATENCY_BUCKETS] = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
};

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ------------------------------------------------------------------ */
/* Workers: one mtrk handle per thread of the daemon's pool            */
/* ------------------------------------------------------------------ */
#define WORKER_TENANTS 32

typedef struct worker {
    mtrk_db *db;
    struct {
        char key[MTRK_MAX_TENANT_KEY + 1];
        mtrk_tenant *t;
    } tenants[WORKER_TENANTS];
    size_t ntenants, next_evict;
    struct worker *next;
} worker;

static _Thread_local worker *tl_worker;
static worker *g_workers;
static pthread_mutex_t g_workers_lock = PTHREAD_MUTEX_INITIALIZER;

mtrk_db *worker_db(unsigned *status)
{
    worker *w = tl_worker;
    if (w == NULL) {
        w = calloc(1, sizeof *w);
        if (w == NULL) {
            *status = 503;
            return NULL;
        }
        pthread_mutex_lock(&g_workers_lock);
        w->next = g_workers;
        g_workers = w;
        pthread_mutex_unlock(&g_workers_lock);
        tl_worker = w;
    }
    if (w->db == NULL) {
        mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
        o.synchronous = g_cfg.sync;
        o.busy_timeout_ms = g_cfg.busy_timeout_ms;
        int rc = mtrk_db_open(&w->db, g_cfg.db, &o);
        if (rc) {
            fprintf(stderr, "mtrkd: cannot open %s: %s (%s)\n", g_cfg.db, mtrk_last_errmsg(), mtrk_strerror(rc));
            *status = 503;
            return NULL;
        }
    }
    return w->db;
}

mtrk_tenant *worker_tenant(const char *key, unsigned *status)
{
    if (worker_db(status) == NULL)
        return NULL;
    worker *w = tl_worker;
    for (size_t i = 0; i < w->ntenants; i++)
        if (strcmp(w->tenants[i].key, key) == 0)
            return w->tenants[i].t;
    mtrk_tenant *t = NULL;
    int rc = mtrk_tenant_open(&t, w->db, key, "mtrkd");
    if (rc) {
        *status = rc == MTRK_ENOTFOUND || rc == MTRK_EINVAL ? 404 : 503;
        return NULL;
    }
    size_t slot = w->ntenants < WORKER_TENANTS ? w->ntenants++ : w->next_evict++ % WORKER_TENANTS;
    if (w->tenants[slot].t)
        mtrk_tenant_close(w->tenants[slot].t);
    snprintf(w->tenants[slot].key, sizeof w->tenants[slot].key, "%s", key);
    w->tenants[slot].t = t;
    return t;
}

static pthread_mutex_t g_writer = PTHREAD_MUTEX_INITIALIZER;

void writer_lock(void)
{
    if (g_cfg.serialize_writes)
        pthread_mutex_lock(&g_writer);
}

void writer_unlock(void)
{
    if (g_cfg.serialize_writes)
        pthread_mutex_unlock(&g_writer);
}

void workers_close(void)
{
    pthread_mutex_lock(&g_workers_lock);
    for (worker *w = g_workers, *n; w; w = n) {
        n = w->next;
        for (size_t i = 0; i < w->ntenants; i++)
            mtrk_tenant_close(w->tenants[i].t);
        mtrk_db_close(w->db);
        free(w);
    }
    g_workers = NULL;
    pthread_mutex_unlock(&g_workers_lock);
}

/* ------------------------------------------------------------------ */
/* Responses and counters                                              */
/* ------------------------------------------------------------------ */
void count_refusal(refusal why)
{
    atomic_fetch_add(&g_counters.refusals[why], 1);
}

void count_recorded(route rt, uint64_t n)
{
    atomic_fetch_add(&g_counters.events_recorded[rt], n);
}

enum MHD_Result reply_response(struct MHD_Connection *c, request *r, unsigned status, struct MHD_Response *resp)
{
    if (resp == NULL)
        return MHD_NO;
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (atomic_load(&g_shutting_down))
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
    r->status = status;
    r->answered = true;
    enum MHD_Result ret = MHD_queue_response(c, status, resp);
    MHD_destroy_response(resp);
    return ret;
}

enum MHD_Result reply(struct MHD_Connection *c, request *r, unsigned status, const char *type, const void *data,
                      size_t len)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_PERSISTENT);
    if (resp && type)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    r->bytes_out = len;
    return reply_response(c, r, status, resp);
}

enum MHD_Result reply_owned(struct MHD_Connection *c, request *r, unsigned status, const char *type, char *data,
                            size_t len)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
    if (resp == NULL) {
        free(data);
        return MHD_NO;
    }
    if (type)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    r->bytes_out = len;
    return reply_response(c, r, status, resp);
}

enum MHD_Result reply_not_found(struct MHD_Connection *c, request *r)
{
    static const char body[] = "not found\n";
    return reply(c, r, 404, "text/plain; charset=utf-8", body, sizeof body - 1);
}

enum MHD_Result reply_error(struct MHD_Connection *c, request *r, unsigned status, const char *code,
                            const char *message)
{
    json_t *o = json_pack("{s:s, s:s}", "error", code, "message", message ? message : "");
    char *s = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (s == NULL)
        return MHD_NO;
    size_t n = strlen(s);
    s[n] = '\0';
    return reply_owned(c, r, status, "application/json", s, n);
}

/* ------------------------------------------------------------------ */
/* Operations: /healthz, /metrics, the dashboard's files               */
/* ------------------------------------------------------------------ */
static enum MHD_Result healthz(struct MHD_Connection *c, request *r)
{
    static const char ok[] = "ok\n", draining[] = "shutting down\n";
    if (atomic_load(&g_shutting_down))
        return reply(c, r, 503, "text/plain; charset=utf-8", draining, sizeof draining - 1);
    return reply(c, r, 200, "text/plain; charset=utf-8", ok, sizeof ok - 1);
}

static enum MHD_Result metrics_text(struct MHD_Connection *c, request *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL)
        return MHD_NO;
    fprintf(f, "# HELP mtrkd_requests_total HTTP requests answered, by route and status.\n"
               "# TYPE mtrkd_requests_total counter\n");
    for (int rt = 0; rt < ROUTE_COUNT; rt++)
        for (int s = 0; s < STATUS_SLOTS; s++) {
            uint64_t n = atomic_load(&g_counters.requests[rt][s]);
            if (n == 0)
                continue;
            if (status_codes[s])
                fprintf(f, "mtrkd_requests_total{route=\"%s\",status=\"%u\"} %llu\n", route_names[rt],
                        status_codes[s], (unsigned long long)n);
            else
                fprintf(f, "mtrkd_requests_total{route=\"%s\",status=\"other\"} %llu\n", route_names[rt],
                        (unsigned long long)n);
        }
    fprintf(f, "# HELP mtrkd_request_duration_seconds Time from a request's first octet read to its answer.\n"
               "# TYPE mtrkd_request_duration_seconds histogram\n");
    for (int rt = 0; rt < ROUTE_COUNT; rt++) {
        uint64_t cum = 0;
        for (int b = 0; b <= LATENCY_BUCKETS; b++) {
            cum += atomic_load(&g_counters.latency[rt][b]);
            if (b < LATENCY_BUCKETS)
                fprintf(f, "mtrkd_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %llu\n", route_names[rt],
                        latency_le[b], (unsigned long long)cum);
            else
                fprintf(f, "mtrkd_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %llu\n",
                        route_names[rt], (unsigned long long)cum);
        }
        fprintf(f, "mtrkd_request_duration_seconds_sum{route=\"%s\"} %.6f\n", route_names[rt],
                (double)atomic_load(&g_counters.latency_sum_us[rt]) / 1e6);
        fprintf(f, "mtrkd_request_duration_seconds_count{route=\"%s\"} %llu\n", route_names[rt],
                (unsigned long long)cum);
    }
    fprintf(f, "# HELP mtrkd_events_recorded_total Events recorded, by route.\n"
               "# TYPE mtrkd_events_recorded_total counter\n");
    for (int rt = 0; rt < ROUTE_COUNT; rt++)
        if (rt == ROUTE_PIXEL || rt == ROUTE_CLICK || rt == ROUTE_UNSUBSCRIBE || rt == ROUTE_EVENTS ||
            rt == ROUTE_WEBHOOK)
            fprintf(f, "mtrkd_events_recorded_total{route=\"%s\"} %llu\n", route_names[rt],
                    (unsigned long long)atomic_load(&g_counters.events_recorded[rt]));
    fprintf(f, "# HELP mtrkd_refusals_total Requests refused, by reason.\n"
               "# TYPE mtrkd_refusals_total counter\n");
    for (int i = 0; i < REFUSE_COUNT; i++)
        fprintf(f, "mtrkd_refusals_total{reason=\"%s\"} %llu\n", refusal_names[i],
                (unsigned long long)atomic_load(&g_counters.refusals[i]));
    fprintf(f, "# HELP mtrkd_commit_group_size Tracking hits committed in one transaction (group commit).\n"
               "# TYPE mtrkd_commit_group_size histogram\n");
    const unsigned *gle = commit_group_buckets();
    uint64_t gcum = 0;
    for (int b = 0; b <= GROUP_BUCKETS; b++) {
        gcum += atomic_load(&g_counters.group_size[b]);
        if (b < GROUP_BUCKETS)
            fprintf(f, "mtrkd_commit_group_size_bucket{le=\"%u\"} %llu\n", gle[b], (unsigned long long)gcum);
        else
            fprintf(f, "mtrkd_commit_group_size_bucket{le=\"+Inf\"} %llu\n", (unsigned long long)gcum);
    }
    fprintf(f, "mtrkd_commit_group_size_sum %llu\nmtrkd_commit_group_size_count %llu\n",
            (unsigned long long)atomic_load(&g_counters.committed_hits),
            (unsigned long long)atomic_load(&g_counters.commits));
    fprintf(f, "# HELP mtrkd_requests_in_flight Requests being answered.\n"
               "# TYPE mtrkd_requests_in_flight gauge\nmtrkd_requests_in_flight %lld\n",
            (long long)atomic_load(&g_in_flight));
    if (fclose(f) != 0) {
        free(buf);
        return MHD_NO;
    }
    return reply_owned(c, r, 200, "text/plain; version=0.0.4; charset=utf-8", buf, len);
}

static enum MHD_Result dashboard(struct MHD_Connection *c, request *r, const char *path)
{
    const char *name = path + strlen("/dashboard");
    if (*name == '\0' || strcmp(name, "/") == 0)
        name = "/index.html";
    for (size_t i = 0; i < mtrkd_dashboard_file_count; i++) {
        const embedded_file *ef = &mtrkd_dashboard_files[i];
        if (strcmp(name + 1, ef->name) != 0)
            continue;
        struct MHD_Response *resp =
            MHD_create_response_from_buffer(ef->len, (void *)ef->data, MHD_RESPMEM_PERSISTENT);
        if (resp == NULL)
            return MHD_NO;
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ef->type);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
        /* Nothing from the network: the page, its script and style come
         * from this server, and the script talks to this server only. */
        MHD_add_response_header(resp, "Content-Security-Policy",
                                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        MHD_add_response_header(resp, "X-Frame-Options", "DENY");
        MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
        r->bytes_out = ef->len;
        return reply_response(c, r, 200, resp);
    }
    return reply_not_found(c, r);
}

/* ------------------------------------------------------------------ */
/* The access handler                                                  */
/* ------------------------------------------------------------------ */
static enum MHD_Result count_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind, (void)key, (void)value;
    ++*(int *)cls;
    return MHD_YES;
}

static void client_ip(struct MHD_Connection *c, request *r)
{
    if (g_cfg.real_ip_header) {
        const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, g_cfg.real_ip_header);
        if (v) {
            snprintf(r->ip, sizeof r->ip, "%s", v);
            return;
        }
    }
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci == NULL || ci->client_addr == NULL)
        return;
    const struct sockaddr *sa = ci->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, r->ip, sizeof r->ip);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, r->ip, sizeof r->ip);
}

/* The path as the access log shows it: a segment holding an address (the
 * API's contacts/{address}/events) is written "{address}", so that the log
 * keeps no personal data beyond the client's IP. */
static void log_path(char *out, size_t size, const char *path)
{
    size_t o = 0;
    while (*path && o + 1 < size) {
        size_t seg = strcspn(path, "/");
        if (memchr(path, '@', seg)) {
            o += (size_t)snprintf(out + o, size - o, "{address}");
            if (o >= size) {
                o = size - 1;
                break;
            }
        } else {
            size_t n = seg < size - 1 - o ? seg : size - 1 - o;
            memcpy(out + o, path, n);
            o += n;
        }
        path += seg;
        if (*path == '/' && o + 1 < size)
            out[o++] = *path++;
        else if (*path == '/')
            break;
    }
    out[o] = '\0';
}

static route route_of(const char *path, const char *method)
{
    route rt;
    if (strcmp(path, "/healthz") == 0)
        return ROUTE_HEALTHZ;
    if (strcmp(path, "/metrics") == 0)
        return ROUTE_METRICS;
    if (strcmp(path, "/dashboard") == 0 || strncmp(path, "/dashboard/", 11) == 0)
        return ROUTE_DASHBOARD;
    if (strncmp(path, "/api/", 5) == 0) {
        size_t n = strlen(path);
        return n > 7 && strcmp(path + n - 7, "/events") == 0 && strcmp(method, "POST") == 0 ? ROUTE_EVENTS
                                                                                              : ROUTE_API;
    }
    if (strncmp(path, "/webhooks/", 10) == 0)
        return ROUTE_WEBHOOK;
    if (track_route_of(path, method, &rt))
        return rt;
    return ROUTE_OTHER;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload_data, size_t *upload_data_size,
                               void **con_cls)
{
    (void)cls, (void)version;
    request *r = *con_cls;
    if (r == NULL) {
        r = calloc(1, sizeof *r);
        if (r == NULL)
            return MHD_NO;
        *con_cls = r;
        r->start_ns = now_ns();
        atomic_fetch_add(&g_in_flight, 1);
        snprintf(r->method, sizeof r->method, "%s", method);
        log_path(r->path, sizeof r->path, url);
        client_ip(c, r);
        r->route = route_of(url, method);
        r->body_limit = r->route == ROUTE_EVENTS || r->route == ROUTE_WEBHOOK ? g_cfg.max_events_body : g_cfg.max_body;
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if (cl && strtoull(cl, NULL, 10) > r->body_limit) {
            count_refusal(REFUSE_BODY_TOO_LARGE);
            r->too_large = true;
            return reply_error(c, r, 413, "body_too_large", "the request body is over the limit");
        }
        return MHD_YES;
    }
    if (r->answered) { /* answered early (413): drop whatever still comes */
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (r->body_len + *upload_data_size > r->body_limit) {
            *upload_data_size = 0;
            count_refusal(REFUSE_BODY_TOO_LARGE);
            r->too_large = true;
            return reply_error(c, r, 413, "body_too_large", "the request body is over the limit");
        }
        char *nb = realloc(r->body, r->body_len + *upload_data_size + 1);
        if (nb == NULL)
            return MHD_NO;
        r->body = nb;
        memcpy(r->body + r->body_len, upload_data, *upload_data_size);
        r->body_len += *upload_data_size;
        r->body[r->body_len] = '\0';
        *upload_data_size = 0;
        return MHD_YES;
    }
    bool get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    switch (r->route) {
    case ROUTE_HEALTHZ:
    case ROUTE_METRICS:
    case ROUTE_DASHBOARD:
        if (!get) {
            count_refusal(REFUSE_METHOD);
            return reply_error(c, r, 405, "method", "use GET");
        }
        return r->route == ROUTE_HEALTHZ ? healthz(c, r) : r->route == ROUTE_METRICS ? metrics_text(c, r)
                                                                                  : dashboard(c, r, url);
    case ROUTE_API:
    case ROUTE_EVENTS:
        return api_handle(c, r, url, method);
    case ROUTE_WEBHOOK:
        return webhook_handle(c, r, url, method);
    case ROUTE_OTHER:
        return reply_not_found(c, r);
    default: {
        int nargs = 0;
        MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, count_arg, &nargs);
        return track_handle(c, r, url, nargs > 0);
    }
    }
}

static unsigned status_slot(unsigned status)
{
    for (unsigned i = 0; i + 1 < STATUS_SLOTS; i++)
        if (status_codes[i] == status)
            return i;
    return STATUS_SLOTS - 1;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls, (void)c;
    request *r = *con_cls;
    if (r == NULL)
        return;
    *con_cls = NULL;
    double secs = (double)(now_ns() - r->start_ns) / 1e9;
    unsigned status = r->answered ? r->status : 0;
    atomic_fetch_add(&g_counters.requests[r->route][status_slot(status)], 1);
    int b = 0;
    while (b < LATENCY_BUCKETS && secs > latency_le[b])
        b++;
    atomic_fetch_add(&g_counters.latency[r->route][b], 1);
    atomic_fetch_add(&g_counters.latency_sum_us[r->route], (uint64_t)(secs * 1e6));
    if (g_access_log) {
        char when[32];
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        pthread_mutex_lock(&g_log_lock);
        fprintf(g_access_log, "%s %s \"%s %s\" %u %zu %.3fms %s%s\n", when, r->ip[0] ? r->ip : "-", r->method,
                r->path, status, r->bytes_out, secs * 1e3, route_names[r->route],
                toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " aborted");
        fflush(g_access_log);
        pthread_mutex_unlock(&g_log_lock);
    }
    hit_free(r->hit);
    free(r->body);
    free(r);
    atomic_fetch_sub(&g_in_flight, 1);
}

/* ------------------------------------------------------------------ */
/* Configuration: flags override the environment                       */
/* ------------------------------------------------------------------ */
static void usage(FILE *f)
{
    fprintf(f,
            "usage: mtrkd [options]\n"
            "  --listen HOST:PORT      address to listen on (MTRKD_LISTEN; default 127.0.0.1:8025; port 0: any)\n"
            "  --db TARGET             SQLite file or postgresql:// URL (MTRKD_DB; default mtrk.db)\n"
            "  --threads N             worker threads, one mtrk handle each (MTRKD_THREADS; 4)\n"
            "  --timeout SECONDS       idle or slow connection timeout (MTRKD_TIMEOUT; 10)\n"
            "  --max-connections N     open connections at most (MTRKD_MAX_CONNECTIONS; 1024)\n"
            "  --per-ip-connections N  per client address, 0 for no limit (MTRKD_PER_IP_CONNECTIONS; 0)\n"
            "  --max-body OCTETS       tracking and lead form bodies (MTRKD_MAX_BODY; 16384)\n"
            "  --max-events-body OCTETS  the event and webhook routes' body (MTRKD_MAX_EVENTS_BODY; 1048576)\n"
            "  --header-memory OCTETS  per-connection memory, bounds the headers (MTRKD_HEADER_MEMORY; 32768)\n"
            "  --grace SECONDS         SIGTERM waits this long for requests in flight (MTRKD_GRACE; 10)\n"
            "  --sync off|normal|full  SQLite durability (MTRKD_SYNC; the library's default)\n"
            "  --batch-window-us US    group commit: the oldest queued hit waits this long for others\n"
            "                          (MTRKD_BATCH_WINDOW_US; 0: commit what has queued at once)\n"
            "  --batch-max N           group commit: hits in one transaction at most (MTRKD_BATCH_MAX; 256)\n"
            "  --busy-timeout MS       SQLite busy timeout (MTRKD_BUSY_TIMEOUT; the library's default)\n"
            "  --access-log PATH|-     one line per request (MTRKD_ACCESS_LOG; default none)\n"
            "  --real-ip-header NAME   take the client address from this header (behind a proxy)\n"
            "API tokens live in the database: mtrk token create|list|revoke.\n");
}

static int parse_uint(unsigned long long *out, const char *name, const char *v, unsigned long long max)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || end == v || *end || v[0] == '-' || n > max) {
        fprintf(stderr, "mtrkd: --%s: \"%s\" is not a number from 0 to %llu\n", name, v, max);
        return -1;
    }
    *out = n;
    return 0;
}

static int set_option(const char *name, const char *v)
{
    unsigned long long n = 0;
    if (strcmp(name, "listen") == 0)
        g_cfg.listen = v;
    else if (strcmp(name, "db") == 0)
        g_cfg.db = v;
    else if (strcmp(name, "access-log") == 0)
        g_cfg.access_log = v;
    else if (strcmp(name, "real-ip-header") == 0)
        g_cfg.real_ip_header = v;
    else if (strcmp(name, "sync") == 0) {
        g_cfg.sync = strcmp(v, "off") == 0      ? MTRK_SYNC_OFF
                     : strcmp(v, "normal") == 0 ? MTRK_SYNC_NORMAL
                     : strcmp(v, "full") == 0   ? MTRK_SYNC_FULL
                                                : -1;
        if (g_cfg.sync < 0) {
            fprintf(stderr, "mtrkd: --sync: \"%s\" is not off, normal or full\n", v);
            return -1;
        }
    } else {
        static const struct {
            const char *name;
            unsigned long long min, max;
        } nums[] = {
            { "threads", 1, 256 },           { "timeout", 1, 3600 },
            { "max-connections", 1, 100000 }, { "per-ip-connections", 0, 100000 },
            { "max-body", 1, 64u << 20 },     { "max-events-body", 1, 256u << 20 },
            { "header-memory", 4096, 1u << 20 }, { "grace", 0, 3600 },
            { "busy-timeout", 0, 600000 },   { "batch-window-us", 0, 1000000 },
            { "batch-max", 1, 10000 },
        };
        size_t i = 0;
        while (i < sizeof nums / sizeof nums[0] && strcmp(nums[i].name, name) != 0)
            i++;
        if (i == sizeof nums / sizeof nums[0]) {
            fprintf(stderr, "mtrkd: unknown option --%s\n", name);
            return -1;
        }
        if (parse_uint(&n, name, v, nums[i].max))
            return -1;
        if (n < nums[i].min) {
            fprintf(stderr, "mtrkd: --%s: at least %llu\n", name, nums[i].min);
            return -1;
        }
        switch (i) {
        case 0: g_cfg.threads = (unsigned)n; break;
        case 1: g_cfg.timeout_s = (unsigned)n; break;
        case 2: g_cfg.max_connections = (unsigned)n; break;
        case 3: g_cfg.per_ip_connections = (unsigned)n; break;
        case 4: g_cfg.max_body = (size_t)n; break;
        case 5: g_cfg.max_events_body = (size_t)n; break;
        case 6: g_cfg.header_memory = (size_t)n; break;
        case 7: g_cfg.grace_s = (unsigned)n; break;
        case 9: g_cfg.batch_window_us = (unsigned)n; break;
        case 10: g_cfg.batch_max = (unsigned)n; break;
        default: g_cfg.busy_timeout_ms = (int)n; break;
        }
    }
    return 0;
}

static const char *const option_names[] = {
    "listen", "db", "threads", "timeout", "max-connections", "per-ip-connections", "max-body",
    "max-events-body", "header-memory", "grace", "sync", "busy-timeout", "access-log", "real-ip-header",
    "batch-window-us", "batch-max",
};

static int configure(int argc, char **argv)
{
    /* The environment first: MTRKD_ and the option's name upper-cased. */
    for (size_t i = 0; i < sizeof option_names / sizeof option_names[0]; i++) {
        char env[64] = "MTRKD_";
        size_t o = 6;
        for (const char *p = option_names[i]; *p && o + 1 < sizeof env; p++)
            env[o++] = *p == '-' ? '_' : (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
        env[o] = '\0';
        const char *v = getenv(env);
        if (v && *v && set_option(option_names[i], v))
            return -1;
    }
    if (getenv("MTRKD_TOKENS") || getenv("MTRKD_TOKEN_HASHES")) {
        fprintf(stderr, "mtrkd: MTRKD_TOKENS and MTRKD_TOKEN_HASHES are gone: API tokens live in the database "
                        "(mtrk token create)\n");
        return -1;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        }
        if (strcmp(a, "--hash-token") == 0 || strcmp(a, "--tokens") == 0 || strncmp(a, "--tokens=", 9) == 0) {
            fprintf(stderr, "mtrkd: %s is gone: API tokens live in the database (mtrk token create)\n",
                    a[2] == 'h' ? "--hash-token" : "--tokens");
            return -1;
        }
        if (strncmp(a, "--", 2) != 0) {
            fprintf(stderr, "mtrkd: unexpected argument \"%s\"\n", a);
            return -1;
        }
        const char *eq = strchr(a, '=');
        char name[64];
        const char *v;
        if (eq) {
            snprintf(name, sizeof name, "%.*s", (int)(eq - a - 2), a + 2);
            v = eq + 1;
        } else {
            snprintf(name, sizeof name, "%s", a + 2);
            if (i + 1 >= argc) {
                fprintf(stderr, "mtrkd: --%s needs a value\n", name);
                return -1;
            }
            v = argv[++i];
        }
        if (set_option(name, v))
            return -1;
    }
    return 0;
}

/* HOST:PORT or [V6]:PORT into a socket address. */
static int resolve_listen(struct sockaddr_storage *ss, const char *listen)
{
    char host[256];
    const char *colon = strrchr(listen, ':');
    if (colon == NULL || colon == listen) {
        fprintf(stderr, "mtrkd: --listen: \"%s\" is not HOST:PORT\n", listen);
        return -1;
    }
    const char *h = listen;
    size_t hl = (size_t)(colon - listen);
    if (h[0] == '[' && hl >= 2 && h[hl - 1] == ']')
        h++, hl -= 2;
    snprintf(host, sizeof host, "%.*s", (int)hl, h);
    struct addrinfo hints = { .ai_flags = AI_NUMERICSERV, .ai_socktype = SOCK_STREAM }, *res = NULL;
    int rc = getaddrinfo(host, colon + 1, &hints, &res);
    if (rc || res == NULL) {
        fprintf(stderr, "mtrkd: --listen: \"%s\": %s\n", listen, gai_strerror(rc));
        return -1;
    }
    memcpy(ss, res->ai_addr, res->ai_addrlen);
    freeaddrinfo(res);
    return 0;
}

int main(int argc, char **argv)
{
    if (sodium_init() < 0) {
        fprintf(stderr, "mtrkd: libsodium failed to initialize\n");
        return 1;
    }
    if (configure(argc, argv))
        return 2;
    if (strncmp(g_cfg.db, "memory:", 7) == 0) {
        /* Each worker opens its own handle, and a memory store is private
         * to the handle that made it: the workers would not share data. */
        fprintf(stderr, "mtrkd: --db memory: is private to one handle; give an SQLite file or a PostgreSQL URL\n");
        return 2;
    }

    /* Open the database once up front: a wrong target fails at start, not
     * at the first hit. The main thread's handle is closed right away; the
     * workers open their own. */
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.synchronous = g_cfg.sync;
    o.busy_timeout_ms = g_cfg.busy_timeout_ms;
    mtrk_db *probe = NULL;
    int rc = mtrk_db_open(&probe, g_cfg.db, &o);
    if (rc) {
        fprintf(stderr, "mtrkd: cannot open %s: %s (%s)\n", g_cfg.db, mtrk_last_errmsg(), mtrk_strerror(rc));
        return 1;
    }
    mtrk_db_close(probe);
    g_cfg.serialize_writes = strncmp(g_cfg.db, "postgres", 8) != 0 && strncmp(g_cfg.db, "pg:", 3) != 0;

    if (g_cfg.access_log) {
        g_access_log = strcmp(g_cfg.access_log, "-") == 0 ? stderr : fopen(g_cfg.access_log, "a");
        if (g_access_log == NULL) {
            fprintf(stderr, "mtrkd: --access-log %s: %s\n", g_cfg.access_log, strerror(errno));
            return 1;
        }
    }

    struct sockaddr_storage ss;
    if (resolve_listen(&ss, g_cfg.listen))
        return 2;

    /* The daemon's threads inherit this mask: only the main thread takes
     * SIGTERM and SIGINT, in sigwait below. */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);

    if (commit_start()) {
        fprintf(stderr, "mtrkd: cannot start the writer thread\n");
        return 1;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC | MHD_USE_ERROR_LOG |
                     MHD_ALLOW_SUSPEND_RESUME;
    if (ss.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, 0, NULL, NULL, handler, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)g_cfg.threads, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned int)g_cfg.timeout_s, MHD_OPTION_CONNECTION_LIMIT, (unsigned int)g_cfg.max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)g_cfg.per_ip_connections,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, g_cfg.header_memory, MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
        MHD_OPTION_END);
    if (d == NULL) {
        commit_stop();
        fprintf(stderr, "mtrkd: cannot listen on %s\n", g_cfg.listen);
        return 1;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    printf("mtrkd: listening on %s (port %u), database %s, %u threads\n", g_cfg.listen,
           di ? (unsigned)di->port : 0u, g_cfg.db, g_cfg.threads);
    fflush(stdout);

    int sig = 0;
    sigwait(&sigs, &sig);
    /* Graceful shutdown: stop accepting, let requests in flight finish
     * (each answered only after its transaction committed), then stop. */
    atomic_store(&g_shutting_down, 1);
    MHD_socket lsock = MHD_quiesce_daemon(d);
    if (lsock != MHD_INVALID_SOCKET)
        close(lsock);
    int64_t deadline = now_ns() + (int64_t)g_cfg.grace_s * 1000000000;
    while (atomic_load(&g_in_flight) > 0 && now_ns() < deadline) {
        struct timespec ts = { 0, 20 * 1000 * 1000 };
        nanosleep(&ts, NULL);
    }
    int64_t left = atomic_load(&g_in_flight);
    /* The writer commits what has queued and resumes those connections
     * before it stops: the daemon must not stop with one suspended. */
    commit_stop();
    MHD_stop_daemon(d);
    workers_close();
    fprintf(stderr, "mtrkd: stopped (%s)%s\n", sig == SIGTERM ? "SIGTERM" : "SIGINT",
            left > 0 ? ", requests still in flight were cut at the grace period" : "");
    if (g_access_log && g_access_log != stderr)
        fclose(g_access_log);
    return 0;
}
