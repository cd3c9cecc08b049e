/* Tracking routes: {prefix}/o/{tenant}/{token}.gif, /c/, /u/, /l/
 * (docs/tracking.md), and the lead form POST on the landing URL
 * (docs/server.md). Every hit goes through mtrk_track_resolve (or, for
 * the hits that write, the writer's mtrk_track_resolve_batch: commit.c),
 * which verifies the signed token and records in one transaction; a refused URL
 * gets a plain 404 and records nothing. Redirects only ever go to a URL the
 * library returns (a catalogued link or the landing page), never one from
 * the request. */
#include "mtrkd.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

/* The kind segment: third from the end of the path. */
static char kind_of(const char *path)
{
    const char *seg[3] = { NULL, NULL, NULL };
    int n = 0;
    for (const char *p = path + strlen(path); p > path && n < 3;) {
        --p;
        if (*p == '/')
            seg[n++] = p + 1;
    }
    if (n < 3 || seg[2][1] != '/')
        return 0;
    char k = seg[2][0];
    return k == 'o' || k == 'c' || k == 'u' || k == 'l' ? k : 0;
}

bool track_route_of(const char *path, const char *method, route *out)
{
    switch (kind_of(path)) {
    case 'o': *out = ROUTE_PIXEL; return true;
    case 'c': *out = ROUTE_CLICK; return true;
    case 'u': *out = ROUTE_UNSUBSCRIBE; return true;
    case 'l': *out = strcmp(method, "POST") == 0 ? ROUTE_LEAD : ROUTE_LANDING; return true;
    default: return false;
    }
}

static const char confirm_page[] =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribe</title>"
    "<meta name=\"viewport\" content=\"width=device-width\"></head><body>"
    "<h1>Unsubscribe</h1><p>Stop receiving these e-mails?</p>"
    "<form method=\"post\"><button type=\"submit\">Unsubscribe</button></form></body></html>\n";
static const char unsubscribed_page[] =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Unsubscribed</title></head><body>"
    "<h1>You are unsubscribed</h1><p>You will not receive these e-mails any more.</p></body></html>\n";
static const char thanks_page[] =
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Thank you</title></head><body>"
    "<h1>Thank you</h1><p>We received your details.</p></body></html>\n";

static enum MHD_Result page(struct MHD_Connection *c, request *r, unsigned status, const char *html, size_t len)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)html, MHD_RESPMEM_PERSISTENT);
    if (resp == NULL)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "text/html; charset=utf-8");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    MHD_add_response_header(resp, "Content-Security-Policy",
                            "default-src 'none'; form-action 'self'; frame-ancestors 'none'");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    r->bytes_out = len;
    return reply_response(c, r, status, resp);
}

static enum MHD_Result redirect(struct MHD_Connection *c, request *r, const char *url, const char *token)
{
    struct MHD_Response *resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
    if (resp == NULL)
        return MHD_NO;
    if (token) { /* landing: the page's form posts back with this token */
        size_t n = strlen(url) + strlen(token) + 16;
        char *loc = malloc(n);
        if (loc == NULL) {
            MHD_destroy_response(resp);
            return MHD_NO;
        }
        snprintf(loc, n, "%s%cmtrk_token=%s", url, strchr(url, '?') ? '&' : '?', token);
        MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, loc);
        free(loc);
    } else {
        MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, url);
    }
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    return reply_response(c, r, 302, resp);
}

static enum MHD_Result pixel(struct MHD_Connection *c, request *r)
{
    size_t len;
    const unsigned char *gif = mtrk_track_pixel(&len);
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)gif, MHD_RESPMEM_PERSISTENT);
    if (resp == NULL)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "image/gif");
    /* Every open must reach the server: no cache may answer for it. */
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store, no-cache, must-revalidate, private, max-age=0");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_PRAGMA, "no-cache");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_EXPIRES, "Thu, 01 Jan 1970 00:00:00 GMT");
    r->bytes_out = len;
    return reply_response(c, r, 200, resp);
}

static enum MHD_Result refused(struct MHD_Connection *c, request *r, refusal why)
{
    count_refusal(why);
    return reply_not_found(c, r);
}

/* ------------------------------------------------------------------ */
/* Lead form: application/x-www-form-urlencoded                        */
/* ------------------------------------------------------------------ */
static int hexval(int ch)
{
    return ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                                           : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

/* Decodes s in place ('+' is a space, %XX an octet); false on a bad escape
 * or a NUL octet. */
static bool form_decode(char *s)
{
    char *o = s;
    for (const char *p = s; *p; p++) {
        if (*p == '+') {
            *o++ = ' ';
        } else if (*p == '%') {
            int h = hexval((unsigned char)p[1]), l = h < 0 ? -1 : hexval((unsigned char)p[2]);
            if (h < 0 || l < 0 || (h == 0 && l == 0))
                return false;
            *o++ = (char)(h * 16 + l);
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return true;
}

#define LEAD_FIELDS (MTRK_MAX_FIELDS + 3)

static enum MHD_Result lead(struct MHD_Connection *c, request *r, mtrk_tenant *t, const mtrk_track_result *res,
                            const char *token)
{
    const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (ct == NULL || strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0) {
        count_refusal(REFUSE_BAD_REQUEST);
        return reply_error(c, r, 415, "content_type", "a lead form is application/x-www-form-urlencoded");
    }
    const char *keys[LEAD_FIELDS], *vals[LEAD_FIELDS];
    size_t n = 0;
    const char *address = NULL, *lead_key = NULL;
    char *body = r->body ? r->body : (char *)"";
    for (char *save = NULL, *pair = strtok_r(body, "&", &save); pair; pair = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(pair, '=');
        char *v = eq ? (*eq = '\0', eq + 1) : pair + strlen(pair);
        if (!form_decode(pair) || !form_decode(v) || *pair == '\0') {
            count_refusal(REFUSE_BAD_REQUEST);
            return reply_error(c, r, 400, "form", "the form holds a malformed field");
        }
        if (strcmp(pair, "address") == 0 || strcmp(pair, "email") == 0) {
            address = v;
        } else if (strcmp(pair, "lead_key") == 0) {
            lead_key = v;
        } else {
            if (n == MTRK_MAX_FIELDS) {
                count_refusal(REFUSE_BAD_REQUEST);
                return reply_error(c, r, 400, "form", "the form has more than 64 fields");
            }
            keys[n] = pair;
            vals[n++] = v;
        }
    }
    if (address == NULL || *address == '\0') {
        count_refusal(REFUSE_BAD_REQUEST);
        return reply_error(c, r, 400, "address", "the form has no \"address\" (or \"email\") field");
    }
    /* Without a lead_key of the page's own, a submission is keyed by the
     * token and the address: posting the same form twice is one lead. */
    char derived[8 + 2 * 32 + 1];
    if (lead_key == NULL || *lead_key == '\0') {
        unsigned char h[32];
        crypto_generichash_state st;
        crypto_generichash_init(&st, NULL, 0, sizeof h);
        crypto_generichash_update(&st, (const unsigned char *)token, strlen(token) + 1);
        crypto_generichash_update(&st, (const unsigned char *)address, strlen(address));
        crypto_generichash_final(&st, h, sizeof h);
        memcpy(derived, "form:", 5);
        sodium_bin2hex(derived + 5, sizeof derived - 5, h, sizeof h);
        lead_key = derived;
    }
    mtrk_lead_input in = MTRK_LEAD_INPUT_INIT;
    in.landing_page = res->landing_page;
    in.mid = res->mid;
    in.rid = res->rid;
    in.lead_key = lead_key;
    in.address = address;
    in.field_keys = keys;
    in.field_values = vals;
    in.nfields = n;
    int dup = 0;
    writer_lock();
    int rc = mtrk_lead_capture(NULL, &dup, t, &in);
    writer_unlock();
    if (rc == MTRK_EBUSY || rc == MTRK_ESTORE || rc == MTRK_ENOMEM) {
        count_refusal(REFUSE_BUSY);
        return reply_error(c, r, 503, "unavailable", "try again");
    }
    if (rc) {
        count_refusal(REFUSE_BAD_REQUEST);
        return reply_error(c, r, 400, "lead", mtrk_tenant_errmsg(t));
    }
    return page(c, r, 200, thanks_page, sizeof thanks_page - 1);
}

/* ------------------------------------------------------------------ */
/* The hit                                                             */
/* ------------------------------------------------------------------ */
/* Hands a hit to the writer and suspends the connection until it is
 * committed (commit.c); the writer resumes it, and track_handle is called
 * again to answer. */
static enum MHD_Result hand_over(struct MHD_Connection *c, request *r, const char *key,
                                 const mtrk_track_request *req)
{
    r->hit = hit_new(c, key, req);
    if (r->hit == NULL)
        return MHD_NO;
    MHD_suspend_connection(c);
    commit_enqueue(r->hit);
    return MHD_YES;
}

enum MHD_Result track_handle(struct MHD_Connection *c, request *r, const char *path, bool query)
{
    const char *method = r->method;
    bool post = strcmp(method, "POST") == 0;
    mtrk_track_result res = MTRK_TRACK_RESULT_INIT;
    mtrk_tenant *t = NULL;
    int rc;
    if (r->hit) { /* resumed by the writer: the hit is committed (or failed) */
        if (!atomic_load(&r->hit->done))
            return MHD_YES;
        rc = r->hit->status;
        res = r->hit->res;
        res.redirect_url = r->hit->redirect;
        goto answer;
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 && !post)
        return refused(c, r, REFUSE_METHOD);
    if ((r->route == ROUTE_PIXEL || r->route == ROUTE_CLICK) && post)
        return refused(c, r, REFUSE_METHOD);
    if (query) /* the URLs mtrk makes have none: "?url=..." is refused */
        return refused(c, r, REFUSE_SIGNATURE);
    char key[MTRK_MAX_TENANT_KEY + 1];
    if (mtrk_track_path_tenant(key, sizeof key, path))
        return refused(c, r, REFUSE_SIGNATURE);
    unsigned status = 404;
    t = worker_tenant(key, &status);
    if (t == NULL) {
        if (status == 404)
            return refused(c, r, REFUSE_TENANT);
        count_refusal(REFUSE_BUSY);
        return reply_error(c, r, status, "unavailable", "the database cannot be opened");
    }
    mtrk_track_request req = MTRK_TRACK_REQUEST_INIT;
    /* A lead form posts to the landing URL: verified as a visit, which
     * records nothing, then captured. */
    req.method = r->route == ROUTE_LEAD ? "GET" : method;
    req.path = path;
    req.body = r->route == ROUTE_LEAD ? NULL : r->body;
    req.body_len = r->route == ROUTE_LEAD ? 0 : r->body_len;
    req.user_agent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_USER_AGENT);
    req.ip = r->ip[0] ? r->ip : NULL;
    /* Opens, clicks and unsubscribes write: they go to the writer, which
     * commits them in groups. Landing visits record nothing. */
    if (r->route != ROUTE_LANDING && r->route != ROUTE_LEAD)
        return hand_over(c, r, key, &req);
    rc = mtrk_track_resolve(&res, t, &req, NULL);
answer:
    if (rc == MTRK_ESIGNATURE || rc == MTRK_ENOTFOUND)
        return refused(c, r, REFUSE_SIGNATURE);
    if (rc == MTRK_ETENANT)
        return refused(c, r, REFUSE_TENANT);
    if (rc == MTRK_EINVAL)
        return refused(c, r, REFUSE_METHOD);
    if (rc) {
        count_refusal(REFUSE_BUSY);
        struct MHD_Response *resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
        if (resp)
            MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "1");
        return reply_response(c, r, 503, resp);
    }
    if (res.recorded)
        count_recorded(r->route, 1);
    switch (res.action) {
    case MTRK_ACTION_PIXEL: return pixel(c, r);
    case MTRK_ACTION_REDIRECT: return redirect(c, r, res.redirect_url, NULL);
    case MTRK_ACTION_CONFIRM: return page(c, r, 200, confirm_page, sizeof confirm_page - 1);
    case MTRK_ACTION_UNSUBSCRIBED: return page(c, r, 200, unsubscribed_page, sizeof unsubscribed_page - 1);
    case MTRK_ACTION_LANDING:
        if (t == NULL) /* never from the writer: it takes no landing visit */
            return refused(c, r, REFUSE_SIGNATURE);
        if (r->route == ROUTE_LEAD)
            return lead(c, r, t, &res, strrchr(path, '/') + 1);
        return redirect(c, r, res.redirect_url, strrchr(path, '/') + 1);
    default: return refused(c, r, REFUSE_SIGNATURE);
    }
}
