/* MailerSend webhooks: one JSON object per request, {"type":
 * "activity.<...>", "created_at", "data": {...}}, in two shapes:
 *   - the current one: data = {"id", "message_id", "email_id", "type",
 *     "recipient": "<address>", "tags", "meta": {ip, user_agent, url,
 *     bounce_reason, bounce_code, bounce_type, unsubscribe_reason,
 *     suppression_reason}};
 *   - the legacy one (retired by MailerSend in December 2026, still read):
 *     data = {"object": "activity", "id", "created_at", "email": {...,
 *     "recipient": {"email"}, "message": {"id"}, "tags"}, "morph": {open,
 *     click, bounce reason, unsubscribe reason}}.
 *   https://developers.mailersend.com/api/v1/account/webhooks
 * The setup ping ("webhook.test") gives no event.
 * Signature: header Signature, hex HMAC-SHA256 of the raw body with the
 * webhook's signing secret (no timestamp is signed). The activity id is the
 * idempotency key. The mid comes back as a tag "mtrk_mid:<mid>" or the
 * custom header X-Mtrk-Mid. */
#include "webhook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int ms_verify(const wh_request *req, wh_result *res)
{
    int need = wh_need_key(req, res, "mailersend");
    if (need != 0)
        return need > 0 ? 0 : -1;
    const char *sig = wh_header_get(req, "Signature");
    if (sig == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "header Signature missing");
    int ok = 0;
    for (int k = 0; k < WH_MAX_KEYS && !ok; k++) {
        const char *key = req->secrets->keys[k];
        if (key == NULL)
            continue;
        unsigned char mac[32];
        char hex[65];
        wh_hmac(mac, "sha256", key, strlen(key), req->body, req->len);
        wh_hex(hex, mac, 32);
        ok = wh_equal(hex, 64, sig, strlen(sig));
    }
    if (!ok)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "Signature does not match any configured signing secret");
    return 0;
}

static const struct {
    const char *name;
    mtrk_event_type type;
} map[] = {
    { "activity.sent", MTRK_EV_SENT },
    { "activity.delivered", MTRK_EV_DELIVERED },
    { "activity.deferred", MTRK_EV_DEFERRED },
    { "activity.suppressed", MTRK_EV_BOUNCE }, /* not sent: the address is suppressed */
    { "activity.soft_bounced", MTRK_EV_BOUNCE },
    { "activity.hard_bounced", MTRK_EV_BOUNCE },
    { "activity.opened", MTRK_EV_OPEN },
    { "activity.clicked", MTRK_EV_CLICK },
    { "activity.spam_complaint", MTRK_EV_COMPLAINT },
    { "activity.unsubscribed", MTRK_EV_UNSUBSCRIBE },
    /* activity.opened_unique and activity.clicked_unique repeat an open or a
     * click (mtrk counts uniques itself); survey, maintenance, inbound,
     * verification and bulk events: unmapped. */
};

static void ms_mid(wh_event *ev, json_t *tags, json_t *headers)
{
    size_t i;
    json_t *t;
    json_array_foreach(tags, i, t) {
        if (json_is_string(t) && wh_mid_in_text(ev, json_string_value(t), "tag"))
            return;
    }
    if (json_is_object(headers)) {
        const char *k;
        json_t *v;
        json_object_foreach(headers, k, v) {
            if (strcasecmp(k, WH_MID_HEADER) == 0 && json_is_string(v))
                wh_set_mid(ev, json_string_value(v), "header " WH_MID_HEADER);
        }
    } else {
        json_array_foreach(headers, i, t) {
            json_t *n = json_object_get(t, "name"), *v = json_object_get(t, "value");
            if (json_is_string(n) && json_is_string(v) && strcasecmp(json_string_value(n), WH_MID_HEADER) == 0)
                wh_set_mid(ev, json_string_value(v), "header " WH_MID_HEADER);
        }
    }
}

static int ms_parse(const wh_request *req, wh_result *res)
{
    json_t *root = wh_json_load(req->body, req->len, res, "mailersend body");
    if (root == NULL)
        return -1;
    if (!json_is_object(root)) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "mailersend body is not a JSON object");
    }
    json_t *tv = json_object_get(root, "type");
    if (json_is_string(tv) && strcmp(json_string_value(tv), "webhook.test") == 0) {
        snprintf(res->message, sizeof res->message, "mailersend webhook test: no event");
        json_decref(root);
        return 0;
    }
    wh_event *ev = wh_event_add(res, root);
    if (ev == NULL) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "out of memory");
    }
    const char *type = wh_str(ev, root, "type");
    json_t *d = json_object_get(root, "data");
    if (type == NULL) {
        wh_event_fail(ev, "field 'type' (the event type) is missing");
        json_decref(root);
        return 0;
    }
    mtrk_event_type t = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, type) == 0)
            t = map[i].type;
    wh_map(ev, type, t);
    if (json_is_object(d) && json_object_get(d, "created_at") != NULL)
        wh_set_time(ev, d, "created_at", WH_ISO8601);
    else
        wh_set_time(ev, root, "created_at", WH_ISO8601);
    wh_set_str(&ev->key, ev, d, "id");
    json_t *email = json_object_get(d, "email");
    /* The current shape names what the legacy one nests in email and morph. */
    int current = json_is_string(json_object_get(d, "recipient"));
    json_t *meta = current ? json_object_get(d, "meta") : json_object_get(d, "morph");
    if (current) {
        wh_set_str(&ev->provider_message_id, ev, d, "message_id");
        wh_set_str(&ev->recipient, ev, d, "recipient");
        ms_mid(ev, json_object_get(d, "tags"), json_object_get(d, "headers"));
    } else {
        wh_set_str(&ev->provider_message_id, ev, json_object_get(email, "message"), "id");
        wh_set_str(&ev->recipient, ev, json_object_get(email, "recipient"), "email");
        ms_mid(ev, json_object_get(email, "tags"), json_object_get(email, "headers"));
    }
    if (!json_is_object(meta))
        meta = NULL; /* null, or [] when there is nothing to say */
    wh_set_str(&ev->ip, ev, meta, "ip");
    wh_set_str(&ev->user_agent, ev, meta, "user_agent");
    if (t == MTRK_EV_CLICK)
        wh_set_str(&ev->url, ev, meta, "url");
    if (t == MTRK_EV_BOUNCE) {
        ev->bounce_type = wh_strdup(type);
        if (current && strcmp(type, "activity.suppressed") == 0) {
            wh_set_str(&ev->bounce_subtype, ev, meta, "suppression_reason");
            wh_set_str(&ev->diagnostic, ev, meta, "suppression_reason");
        } else if (current) {
            wh_set_str(&ev->bounce_subtype, ev, meta, "bounce_type");
            wh_set_str(&ev->diagnostic, ev, meta, "bounce_reason");
            json_t *code = json_object_get(meta, "bounce_code");
            if (json_is_integer(code) && json_integer_value(code) >= 200 && json_integer_value(code) <= 599)
                ev->smtp_code = (int)json_integer_value(code);
        } else {
            wh_set_str(&ev->diagnostic, ev, meta, "reason");
        }
        wh_parse_smtp(ev, ev->diagnostic);
        ev->bounce_kind = wh_bounce_kind("mailersend", type, NULL, ev->smtp_code, ev->enhanced_status);
    }
    if (t == MTRK_EV_UNSUBSCRIBE) {
        ev->unsub_scope = MTRK_UNSUB_GLOBAL;
        wh_set_str(&ev->diagnostic, ev, meta, current ? "unsubscribe_reason" : "readable_reason");
    }
    if (ev->key == NULL)
        wh_key_from_raw(ev);
    json_decref(root);
    return 0;
}

const wh_adapter wh_mailersend = { "mailersend", ms_verify, ms_parse };
