/* Resend webhooks: one JSON object per request, {"type": "email.<...>",
 * "created_at": ISO 8601, "data": {...}}, signed by Svix (the Standard
 * Webhooks scheme).
 *   https://resend.com/docs/dashboard/webhooks/event-types
 *   https://resend.com/docs/dashboard/webhooks/verify-webhooks-requests
 *   https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 * Signature: base64 HMAC-SHA256, keyed by the base64 secret after "whsec_",
 * over "<svix-id>.<svix-timestamp>.<body>"; svix-signature lists one or more
 * "v1,<base64>" separated by spaces. The svix-id, the same across retries,
 * is the idempotency key. The mid comes back in the tags (mtrk_mid). */
#include "webhook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *hdr2(const wh_request *req, const char *a, const char *b)
{
    const char *v = wh_header_get(req, a);
    return v ? v : wh_header_get(req, b);
}

static int rs_verify(const wh_request *req, wh_result *res)
{
    int need = wh_need_key(req, res, "resend");
    if (need != 0)
        return need > 0 ? 0 : -1;
    const char *id = hdr2(req, "svix-id", "webhook-id");
    const char *ts = hdr2(req, "svix-timestamp", "webhook-timestamp");
    const char *sigs = hdr2(req, "svix-signature", "webhook-signature");
    if (id == NULL || ts == NULL || sigs == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "header %s missing",
                       id == NULL ? "svix-id" : ts == NULL ? "svix-timestamp" : "svix-signature");
    json_t *tv = json_string(ts);
    mtrk_time t = 0;
    int bad = tv == NULL || wh_time_seconds(&t, tv) != 0 || strchr(ts, '.') != NULL;
    json_decref(tv);
    if (bad)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "header svix-timestamp is not Unix seconds");
    if (wh_check_age(req, res, t) != 0)
        return -1;
    size_t il = strlen(id), tl = strlen(ts);
    char *msg = malloc(il + tl + 2 + req->len);
    if (msg == NULL)
        return wh_fail(res, WH_MALFORMED, "out of memory");
    memcpy(msg, id, il);
    msg[il] = '.';
    memcpy(msg + il + 1, ts, tl);
    msg[il + 1 + tl] = '.';
    memcpy(msg + il + tl + 2, req->body, req->len);
    size_t mlen = il + tl + 2 + req->len;
    int ok = 0;
    for (int k = 0; k < WH_MAX_KEYS && !ok; k++) {
        const char *key = req->secrets->keys[k];
        if (key == NULL)
            continue;
        if (strncmp(key, "whsec_", 6) == 0)
            key += 6;
        size_t kl = 0;
        unsigned char *kb = wh_base64_decode(key, strlen(key), &kl);
        if (kb == NULL)
            continue;
        unsigned char mac[32];
        wh_hmac(mac, "sha256", kb, kl, msg, mlen);
        free(kb);
        /* Each space-separated "v1,<base64>" entry. */
        const char *p = sigs;
        while (*p && !ok) {
            while (*p == ' ')
                p++;
            const char *end = strchr(p, ' ');
            size_t n = end ? (size_t)(end - p) : strlen(p);
            if (n > 3 && strncmp(p, "v1,", 3) == 0) {
                size_t sl = 0;
                unsigned char *sb = wh_base64_decode(p + 3, n - 3, &sl);
                if (sb != NULL)
                    ok = wh_equal(sb, sl, mac, sizeof mac);
                free(sb);
            }
            p += n;
        }
    }
    free(msg);
    if (!ok)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "svix-signature does not match any configured secret");
    wh_set_nonce(req, res, id, il, t);
    return 0;
}

/* tags as {"name": "value"} or [{"name": ..., "value": ...}]. */
static void rs_mid(wh_event *ev, json_t *tags)
{
    if (json_is_object(tags)) {
        wh_set_mid(ev, wh_str(ev, tags, WH_MID_KEY), "tag " WH_MID_KEY);
        return;
    }
    size_t i;
    json_t *t;
    json_array_foreach(tags, i, t) {
        json_t *n = json_object_get(t, "name"), *v = json_object_get(t, "value");
        if (json_is_string(n) && strcmp(json_string_value(n), WH_MID_KEY) == 0) {
            if (json_is_string(v))
                wh_set_mid(ev, json_string_value(v), "tag " WH_MID_KEY);
            else
                wh_event_fail(ev, "tag %s has no string value", WH_MID_KEY);
            return;
        }
    }
}

static int rs_parse(const wh_request *req, wh_result *res)
{
    json_t *root = wh_json_load(req->body, req->len, res, "resend body");
    if (root == NULL)
        return -1;
    if (!json_is_object(root)) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "resend body is not a JSON object");
    }
    wh_event *ev = wh_event_add(res, root);
    if (ev == NULL) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "out of memory");
    }
    const char *type = wh_str(ev, root, "type");
    json_t *d = json_object_get(root, "data");
    if (type == NULL || !json_is_object(d)) {
        wh_event_fail(ev, type == NULL ? "field 'type' (the event type) is missing" : "field 'data' is not an object");
        json_decref(root);
        return 0;
    }
    static const struct {
        const char *name;
        mtrk_event_type type;
    } map[] = {
        { "email.sent", MTRK_EV_SENT },          { "email.delivered", MTRK_EV_DELIVERED },
        { "email.delivery_delayed", MTRK_EV_DEFERRED }, { "email.bounced", MTRK_EV_BOUNCE },
        { "email.failed", MTRK_EV_BOUNCE },      { "email.suppressed", MTRK_EV_BOUNCE },
        { "email.complained", MTRK_EV_COMPLAINT }, { "email.opened", MTRK_EV_OPEN },
        { "email.clicked", MTRK_EV_CLICK },
        /* email.scheduled, email.received, contact.*, domain.*: unmapped. */
    };
    mtrk_event_type t = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, type) == 0)
            t = map[i].type;
    wh_map(ev, type, t);
    wh_set_time(ev, root, "created_at", WH_ISO8601);
    wh_set_str(&ev->provider_message_id, ev, d, "email_id");
    json_t *to = json_object_get(d, "to");
    if (json_is_array(to))
        to = json_array_get(to, 0);
    if (json_is_string(to)) {
        /* "Name <address>" or the address alone: the first recipient's address. */
        const char *a = json_string_value(to), *lt = strrchr(a, '<'), *gt = lt ? strchr(lt, '>') : NULL;
        if (lt != NULL && gt != NULL) {
            ev->recipient = malloc((size_t)(gt - lt));
            if (ev->recipient != NULL) {
                memcpy(ev->recipient, lt + 1, (size_t)(gt - lt - 1));
                ev->recipient[gt - lt - 1] = '\0';
            }
        } else {
            ev->recipient = wh_strdup(a);
        }
    }
    rs_mid(ev, json_object_get(d, "tags"));
    json_t *sub = json_object_get(d, t == MTRK_EV_CLICK ? "click" : "open");
    if (t == MTRK_EV_CLICK || t == MTRK_EV_OPEN) {
        wh_set_str(&ev->ip, ev, sub, "ipAddress");
        wh_set_str(&ev->user_agent, ev, sub, "userAgent");
        if (t == MTRK_EV_CLICK)
            wh_set_str(&ev->url, ev, sub, "link");
    }
    if (t == MTRK_EV_BOUNCE) {
        json_t *b = json_object_get(d, "bounce");
        if (strcmp(type, "email.bounced") == 0) {
            wh_set_str(&ev->bounce_type, ev, b, "type");
            wh_set_str(&ev->bounce_subtype, ev, b, "subType");
            wh_set_str(&ev->diagnostic, ev, b, "message");
        } else {
            /* failed or suppressed: not sent; the reason in data.failed / data.suppressed. */
            const char *what = strcmp(type, "email.failed") == 0 ? "failed" : "suppressed";
            ev->bounce_type = wh_strdup(what);
            json_t *f = json_object_get(d, what);
            wh_set_str(&ev->diagnostic, ev, f, "reason");
            if (ev->diagnostic == NULL)
                wh_set_str(&ev->diagnostic, ev, f, "message");
            wh_set_str(&ev->bounce_subtype, ev, f, "type");
        }
        wh_parse_smtp(ev, ev->diagnostic);
        ev->bounce_kind = wh_bounce_kind("resend", ev->bounce_type, ev->bounce_subtype, ev->smtp_code,
                                         ev->enhanced_status);
    }
    const char *id = hdr2(req, "svix-id", "webhook-id");
    if (id != NULL)
        ev->key = wh_strdup(id);
    else
        wh_key_from_raw(ev);
    json_decref(root);
    return 0;
}

const wh_adapter wh_resend = { "resend", rs_verify, rs_parse };
