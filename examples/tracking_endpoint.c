/*
 * How a host wires its HTTP tracking endpoint to mtrk, without an HTTP
 * server: each request is given on the command line as
 *
 *     tracking_endpoint DB METHOD PATH [BODY] [USER-AGENT] [IP]
 *
 * (DB is a mtrk_db_open target). The program does what a request handler
 * does: find the tenant named by the path, open it, hand the request to
 * mtrk_track_resolve, and turn the result into an HTTP answer, printed.
 * With no arguments it builds a small in-memory demo and resolves its own
 * URLs, so it runs as it is.
 */
#include <stdio.h>
#include <string.h>

#include <mtrk/mtrk.h>

/* Answers one request; prints the HTTP response. Returns the status code. */
static int handle(mtrk_db *db, const char *method, const char *path, const char *body, const char *ua,
                  const char *ip)
{
    char key[MTRK_MAX_TENANT_KEY + 1];
    if (mtrk_track_path_tenant(key, sizeof key, path) != MTRK_OK) {
        printf("HTTP/1.1 404 Not Found\r\n\r\n");
        return 404;
    }
    mtrk_tenant *t;
    if (mtrk_tenant_open(&t, db, key, "endpoint:tracking") != MTRK_OK) {
        printf("HTTP/1.1 404 Not Found\r\n\r\n");
        return 404;
    }
    mtrk_track_request req = MTRK_TRACK_REQUEST_INIT;
    req.method = method;
    req.path = path;
    req.body = body;
    req.body_len = body ? strlen(body) : 0;
    req.user_agent = ua;
    req.ip = ip;
    mtrk_track_result res = MTRK_TRACK_RESULT_INIT;
    int rc = mtrk_track_resolve(&res, t, &req, NULL /* default classification rules */);
    int status;
    size_t len;
    switch (rc == MTRK_OK ? res.action : MTRK_ACTION_REFUSED) {
    case MTRK_ACTION_PIXEL:
        mtrk_track_pixel(&len);
        printf("HTTP/1.1 200 OK\r\nContent-Type: image/gif\r\nContent-Length: %zu\r\n"
               "Cache-Control: no-store\r\n\r\n<%zu bytes of GIF>\n", len, len);
        status = 200;
        break;
    case MTRK_ACTION_REDIRECT:
        /* Only ever the catalogued URL: never a URL taken from the request. */
        printf("HTTP/1.1 302 Found\r\nLocation: %s\r\nCache-Control: no-store\r\n\r\n", res.redirect_url);
        status = 302;
        break;
    case MTRK_ACTION_CONFIRM:
        /* Link scanners follow GETs: ask, and let a POST do it. */
        printf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
               "<form method=\"post\"><button name=\"confirm\" value=\"1\">Unsubscribe</button></form>\n");
        status = 200;
        break;
    case MTRK_ACTION_UNSUBSCRIBED:
        printf("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nYou are unsubscribed.\n");
        status = 200;
        break;
    case MTRK_ACTION_LANDING: {
        /* Keep mid and rid for mtrk_lead_capture (here in a cookie). */
        char mid[MTRK_ID_STRLEN + 1], rid[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(mid, res.mid);
        mtrk_id_to_string(rid, res.rid);
        printf("HTTP/1.1 302 Found\r\nLocation: %s\r\nSet-Cookie: mtrk=%s.%s; HttpOnly; Secure\r\n\r\n",
               res.redirect_url ? res.redirect_url : "/", mid, rid);
        status = 302;
        break;
    }
    default:
        printf("HTTP/1.1 404 Not Found\r\n\r\n");
        fprintf(stderr, "refused: %s: %s\n", mtrk_strerror(rc), mtrk_tenant_errmsg(t));
        status = 404;
    }
    mtrk_tenant_close(t);
    return status;
}

/* The in-memory demo: one tenant, one campaign, one message sent. */
static int demo(mtrk_db *db)
{
    mtrk_tenant *t;
    if (mtrk_tenant_create(&t, db, "acme", "example:endpoint") != MTRK_OK)
        return 1;
    mtrk_tenant_settings st;
    mtrk_tenant_settings_init(&st, MTRK_TENANT_SETTINGS_VERSION);
    mtrk_tenant_settings_get(&st, t);
    st.tracking_base_url = "https://t.acme.example";
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "Endpoint demo";
    spec.subject = "Hello";
    spec.from_address = "news@acme.example";
    spec.html = "<p><a href=\"https://acme.example/sale\">Sale</a></p>";
    mtrk_id campaign, contact, audience, mid, lid;
    size_t n = 0;
    const mtrk_link *l;
    mtrk_link_iter *it = NULL;
    int rc = mtrk_tenant_settings_set(t, &st);
    if (rc == MTRK_OK) rc = mtrk_campaign_create(&campaign, t, &spec);
    if (rc == MTRK_OK) rc = mtrk_contact_add(&contact, NULL, t, "hana@example.com", NULL);
    if (rc == MTRK_OK) rc = mtrk_audience_create(&audience, t, "All");
    if (rc == MTRK_OK) rc = mtrk_audience_add(NULL, t, audience, contact);
    if (rc == MTRK_OK) rc = mtrk_campaign_attach_audience(NULL, t, campaign, audience);
    if (rc == MTRK_OK) rc = mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SCHEDULED);
    if (rc == MTRK_OK) rc = mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SENDING);
    if (rc == MTRK_OK) rc = mtrk_campaign_generate(NULL, t, campaign);
    if (rc == MTRK_OK) rc = mtrk_queue_claim(&mid, &n, NULL, t, campaign, 1, 3600000);
    if (rc == MTRK_OK) rc = mtrk_queue_mark_sent(t, mid, 0, NULL, NULL);
    if (rc == MTRK_OK) rc = mtrk_link_iter_new(&it, t, campaign);
    if (rc == MTRK_OK) rc = mtrk_link_iter_next(&l, it);
    if (rc == MTRK_OK) lid = mtrk_link_id(l);
    mtrk_link_iter_free(it);
    char *click = NULL, *unsub = NULL;
    if (rc == MTRK_OK) rc = mtrk_track_url(&click, t, MTRK_URL_CLICK, mid, lid);
    if (rc == MTRK_OK) rc = mtrk_track_url(&unsub, t, MTRK_URL_UNSUBSCRIBE, mid, (mtrk_id){ { 0 } });
    if (rc != MTRK_OK) {
        fprintf(stderr, "demo: %s\n", mtrk_tenant_errmsg(t));
        mtrk_tenant_close(t);
        return 1;
    }
    mtrk_tenant_close(t);
    const char *cpath = click + strlen("https://t.acme.example");
    const char *upath = unsub + strlen("https://t.acme.example");
    char tampered[256];
    snprintf(tampered, sizeof tampered, "%s?url=https://evil.example/", cpath);
    printf("== GET %s\n", cpath);
    handle(db, "GET", cpath, NULL, "Mozilla/5.0 (X11; Linux x86_64)", "192.0.2.7");
    printf("== GET %s\n", tampered);
    handle(db, "GET", tampered, NULL, "Mozilla/5.0", "192.0.2.7");
    printf("== GET %s\n", upath);
    handle(db, "GET", upath, NULL, "Mozilla/5.0", "192.0.2.7");
    printf("== POST %s (RFC 8058 one-click)\n", upath);
    handle(db, "POST", upath, "List-Unsubscribe=One-Click", "Mail/1.0", NULL);
    mtrk_free(click);
    mtrk_free(unsub);
    return 0;
}

int main(int argc, char **argv)
{
    mtrk_db *db;
    const char *target = argc > 1 ? argv[1] : "memory:";
    if (mtrk_db_open(&db, target, NULL) != MTRK_OK) {
        fprintf(stderr, "tracking_endpoint: cannot open %s: %s\n", target, mtrk_last_errmsg());
        return 1;
    }
    int rc = 0;
    if (argc >= 4)
        rc = handle(db, argv[2], argv[3], argc > 4 ? argv[4] : NULL, argc > 5 ? argv[5] : NULL,
                    argc > 6 ? argv[6] : NULL) >= 400;
    else
        rc = demo(db);
    mtrk_db_close(db);
    return rc;
}
