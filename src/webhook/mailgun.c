/* Mailgun webhooks: one JSON object per request, {"signature": {timestamp,
 * token, signature}, "event-data": {...}}.
 *   https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/
 *   https://documentation.mailgun.com/docs/mailgun/user-manual/events/
 * Signature: hex HMAC-SHA256 with the webhook signing key over the
 * timestamp followed by the token, both from the body; checked inside
 * parse. The mid comes back in user-variables (v:mtrk_mid when sending). */
#include "webhook.h"

#include <stdlib.h>
#include <string.h>

static int mg_verify(const wh_request *req, wh_result *res, json_t *sig)
{
    int need = wh_need_key(req, res, "mailgun");
    if (need != 0)
        return need > 0 ? 0 : -1;
    json_t *ts = json_object_get(sig, "timestamp"), *tok = json_object_get(sig, "token"),
           *mac = json_object_get(sig, "signature");
    if (!json_is_object(sig))
        return wh_fail(res, WH_SIGNATURE_REFUSED, "mailgun body has no 'signature' object");
    if (!json_is_string(ts) || !json_is_string(tok) || !json_is_string(mac))
        return wh_fail(res, WH_SIGNATURE_REFUSED, "mailgun signature.%s missing or not a string",
                       !json_is_string(ts) ? "timestamp" : !json_is_string(tok) ? "token" : "signature");
    mtrk_time t;
    if (wh_time_seconds(&t, ts) != 0 || strchr(json_string_value(ts), '.') != NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "mailgun signature.timestamp is not Unix seconds");
    if (wh_check_age(req, res, t) != 0)
        return -1;
    size_t tl = json_string_length(ts), kl = json_string_length(tok);
    char *msg = malloc(tl + kl + 1);
    if (msg == NULL)
        return wh_fail(res, WH_MALFORMED, "out of memory");
    memcpy(msg, json_string_value(ts), tl);
    memcpy(msg + tl, json_string_value(tok), kl);
    int ok = 0;
    for (int i = 0; i < WH_MAX_KEYS; i++) {
        const char *k = req->secrets->keys[i];
        if (k == NULL)
            continue;
        unsigned char h[32];
        char hex[65];
        size_t n = wh_hmac(h, "sha256", k, strlen(k), msg, tl + kl);
        wh_hex(hex, h, n);
        ok |= wh_equal(hex, 64, json_string_value(mac), json_string_length(mac));
    }
    free(msg);
    if (!ok)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "mailgun signature does not match any configured signing key");
    wh_set_nonce(req, res, json_string_value(tok), kl, t);
    return 0;
}

static void mg_event(wh_event *ev, json_t *d)
{
    const char *type = wh_str(ev, d, "event");
    if (type == NULL) {
        wh_event_fail(ev, "event-data.event (the event type) is missing");
        return;
    }
    const char *severity = wh_str(ev, d, "severity");
    mtrk_event_type t = 0;
    if (strcmp(type, "accepted") == 0)
        t = MTRK_EV_SENT;
    else if (strcmp(type, "delivered") == 0)
        t = MTRK_EV_DELIVERED;
    else if (strcmp(type, "failed") == 0)
        t = severity && strcmp(severity, "temporary") == 0 ? MTRK_EV_DEFERRED : MTRK_EV_BOUNCE;
    else if (strcmp(type, "rejected") == 0)
        t = MTRK_EV_BOUNCE;
    else if (strcmp(type, "opened") == 0)
        t = MTRK_EV_OPEN;
    else if (strcmp(type, "clicked") == 0)
        t = MTRK_EV_CLICK;
    else if (strcmp(type, "complained") == 0)
        t = MTRK_EV_COMPLAINT;
    else if (strcmp(type, "unsubscribed") == 0)
        t = MTRK_EV_UNSUBSCRIBE;
    /* stored, list_member_uploaded, list_member_upload_error, list_uploaded: unmapped. */
    wh_map(ev, type, t);
    wh_set_time(ev, d, "timestamp", WH_SECONDS);
    wh_set_str(&ev->key, ev, d, "id");
    wh_set_str(&ev->recipient, ev, d, "recipient");
    wh_set_str(&ev->ip, ev, d, "ip");
    json_t *uv = json_object_get(d, "user-variables");
    wh_set_mid(ev, wh_str(ev, uv, WH_MID_KEY), "user variable " WH_MID_KEY);
    json_t *headers = json_object_get(json_object_get(d, "message"), "headers");
    wh_set_str(&ev->provider_message_id, ev, headers, "message-id");
    json_t *ci = json_object_get(d, "client-info");
    wh_set_str(&ev->user_agent, ev, ci, "user-agent");
    if (t == MTRK_EV_OPEN || t == MTRK_EV_CLICK) {
        /* client-info.bot names the proxy or scanner Mailgun recognized ("apple", "gmail", ...). */
        const char *bot = wh_str(ev, ci, "bot");
        if (bot != NULL && bot[0] != '\0') {
            ev->verdict = MTRK_VERDICT_MACHINE;
            ev->verdict_reason = wh_join("mailgun client-info.bot", ": ", bot);
        }
    }
    if (t == MTRK_EV_CLICK)
        wh_set_str(&ev->url, ev, d, "url");
    json_t *ds = json_object_get(d, "delivery-status");
    if (json_is_object(ds)) {
        json_t *code = json_object_get(ds, "code");
        if (json_is_integer(code) && json_integer_value(code) >= 200 && json_integer_value(code) <= 599)
            ev->smtp_code = (int)json_integer_value(code);
        wh_set_str(&ev->enhanced_status, ev, ds, "enhanced-code");
        if (wh_set_str(&ev->diagnostic, ev, ds, "message") <= 0 || ev->diagnostic == NULL ||
            ev->diagnostic[0] == '\0') {
            free(ev->diagnostic);
            ev->diagnostic = NULL;
            wh_set_str(&ev->diagnostic, ev, ds, "description");
        }
        wh_parse_smtp(ev, ev->diagnostic);
    }
    if (strcmp(type, "failed") == 0 || strcmp(type, "rejected") == 0) {
        ev->bounce_type = wh_strdup(strcmp(type, "rejected") == 0 ? "rejected" : severity ? severity : "permanent");
        wh_set_str(&ev->bounce_subtype, ev, d, "reason");
        if (t == MTRK_EV_BOUNCE)
            ev->bounce_kind = wh_bounce_kind("mailgun", ev->bounce_type, ev->bounce_subtype, ev->smtp_code,
                                             ev->enhanced_status);
        if (strcmp(type, "rejected") == 0) {
            json_t *rj = json_object_get(d, "reject");
            if (ev->diagnostic == NULL)
                wh_set_str(&ev->diagnostic, ev, rj, "reason");
        }
    }
    if (t == MTRK_EV_UNSUBSCRIBE)
        ev->unsub_scope = MTRK_UNSUB_GLOBAL;
    if (ev->key == NULL)
        wh_key_from_raw(ev);
}

static int mg_parse(const wh_request *req, wh_result *res)
{
    json_t *root = wh_json_load(req->body, req->len, res, "mailgun body");
    if (root == NULL)
        return -1;
    if (!json_is_object(root)) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "mailgun body is not a JSON object");
    }
    if (mg_verify(req, res, json_object_get(root, "signature")) != 0) {
        json_decref(root);
        return -1;
    }
    json_t *d = json_object_get(root, "event-data");
    if (!json_is_object(d)) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "mailgun body has no 'event-data' object");
    }
    wh_event *ev = wh_event_add(res, d);
    if (ev == NULL) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "out of memory");
    }
    mg_event(ev, d);
    json_decref(root);
    return 0;
}

const wh_adapter wh_mailgun = { "mailgun", NULL, mg_parse };
