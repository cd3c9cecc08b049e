/*
 * The provider webhook route: POST /webhooks/{tenant}/{provider}.
 * The request is handed to mtrk_webhook_ingest as received (headers, raw
 * body, the URL the provider posted to), which verifies it against the
 * tenant's keys for the provider, parses it and records it in one
 * transaction. The answer tells the provider what to retry: 200 when the
 * request is accepted (every event recorded, a duplicate, dead-lettered or
 * refused for its own input: sending it again changes nothing), 401 when
 * its signature is refused, 400 when it is malformed, 404 for an unknown
 * tenant, and 503 when nothing could be recorded (storage or busy: retry).
 * No bearer token: the provider's signature is the authentication.
 */
#include "mtrkd.h"

#include <jansson.h>
#include <mtrk/webhook.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct header_list {
    mtrk_header *v;
    size_t n, cap;
    bool oom;
} header_list;

static enum MHD_Result add_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    header_list *h = cls;
    if (h->n == h->cap) {
        size_t cap = h->cap ? 2 * h->cap : 16;
        mtrk_header *p = realloc(h->v, cap * sizeof *p);
        if (p == NULL) {
            h->oom = true;
            return MHD_NO;
        }
        h->v = p;
        h->cap = cap;
    }
    h->v[h->n++] = (mtrk_header){ key, value ? value : "" };
    return MHD_YES;
}

/* /webhooks/{tenant}/{provider}: the two names into tenant[] and
 * provider[]; false when the path has another shape. */
static bool split_path(const char *url, char *tenant, size_t tn, char *provider, size_t pn)
{
    const char *p = url + 10;
    const char *slash = strchr(p, '/');
    if (slash == NULL || slash == p || (size_t)(slash - p) >= tn)
        return false;
    const char *q = slash + 1;
    if (*q == '\0' || strchr(q, '/') != NULL || strlen(q) >= pn)
        return false;
    memcpy(tenant, p, (size_t)(slash - p));
    tenant[slash - p] = '\0';
    strcpy(provider, q);
    return true;
}

enum MHD_Result webhook_handle(struct MHD_Connection *c, request *r, const char *url, const char *method)
{
    if (strcmp(method, "POST") != 0) {
        count_refusal(REFUSE_METHOD);
        return reply_error(c, r, 405, "method", "use POST");
    }
    char tenant_key[MTRK_MAX_TENANT_KEY + 1], provider[64];
    if (!split_path(url, tenant_key, sizeof tenant_key, provider, sizeof provider))
        return reply_not_found(c, r);
    unsigned status = 0;
    mtrk_tenant *t = worker_tenant(tenant_key, &status);
    if (t == NULL) {
        if (status == 404)
            count_refusal(REFUSE_TENANT);
        return status == 404 ? reply_not_found(c, r)
                             : reply_error(c, r, status, "storage", "the database cannot be opened");
    }
    header_list h = { NULL, 0, 0, false };
    MHD_get_connection_values(c, MHD_HEADER_KIND, add_header, &h);
    if (h.oom) {
        free(h.v);
        return reply_error(c, r, 500, "internal", "out of memory");
    }
    /* The URL the provider posted to, as it signs it (Mandrill): the scheme
     * a TLS proxy in front says, the Host header, the path and query. */
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    const char *proto = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-Proto");
    const char *scheme = proto && strcmp(proto, "https") == 0 ? "https" : "http";
    size_t nfull = strlen(scheme) + 3 + strlen(host ? host : "localhost") + strlen(url) + 1;
    char *full = malloc(nfull);
    if (full == NULL) {
        free(h.v);
        return reply_error(c, r, 500, "internal", "out of memory");
    }
    snprintf(full, nfull, "%s://%s%s", scheme, host ? host : "localhost", url);
    mtrk_webhook_request req = MTRK_WEBHOOK_REQUEST_INIT;
    req.provider = provider;
    req.headers = h.v;
    req.nheaders = h.n;
    req.body = r->body ? r->body : "";
    req.len = r->body_len;
    req.url = full;
    req.body_limit = g_cfg.max_events_body;
    mtrk_webhook_result *res = NULL;
    writer_lock();
    int rc = mtrk_webhook_ingest(&res, t, &req);
    writer_unlock();
    free(h.v);
    free(full);
    if (rc != MTRK_OK) { /* nothing of the request was kept: the provider retries it */
        if (rc == MTRK_EBUSY)
            count_refusal(REFUSE_BUSY);
        mtrk_webhook_result_free(res);
        return reply_error(c, r, 503, rc == MTRK_EBUSY ? "busy" : "storage", "nothing was recorded; retry");
    }
    /* A replay was recorded when first received: 200 stops a provider's retries. */
    unsigned code = res->verdict == MTRK_WEBHOOK_ACCEPTED || res->verdict == MTRK_WEBHOOK_CONFIRM ||
                            res->verdict == MTRK_WEBHOOK_REPLAYED
                        ? 200
                  : res->verdict == MTRK_WEBHOOK_SIGNATURE_REFUSED                               ? 401
                                                                                                   : 400;
    if (code == 401)
        count_refusal(REFUSE_UNAUTHORIZED);
    else if (code == 400)
        count_refusal(REFUSE_BAD_REQUEST);
    if (res->verdict == MTRK_WEBHOOK_CONFIRM && res->confirm_url)
        fprintf(stderr, "mtrkd: %s asks to confirm a subscription for tenant %s: %s\n", provider, tenant_key,
                res->confirm_url);
    count_recorded(ROUTE_WEBHOOK, res->recorded);
    json_t *o = json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:I}", "verdict",
                          mtrk_webhook_verdict_name(res->verdict), "message", res->message ? res->message : "",
                          "recorded", (json_int_t)res->recorded, "duplicates", (json_int_t)res->duplicates,
                          "conflicts", (json_int_t)res->conflicts, "dead_lettered",
                          (json_int_t)res->dead_lettered, "refused", (json_int_t)res->refused);
    if (o && res->confirm_url)
        json_object_set_new(o, "confirm_url", json_string(res->confirm_url));
    mtrk_webhook_result_free(res);
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
    json_decref(o);
    if (s == NULL)
        return reply_error(c, r, 500, "internal", "out of memory");
    return reply_owned(c, r, code, "application/json", s, strlen(s));
}
