/* Mandrill (Mailchimp Transactional) webhooks: a form POST whose
 * mandrill_events field is a JSON array of events.
 *   https://mailchimp.com/developer/transactional/docs/webhooks/
 *   https://mailchimp.com/developer/transactional/guides/track-respond-activity-webhooks/#authenticating-webhook-requests
 * Signature (X-Mandrill-Signature): base64 HMAC-SHA1 with the webhook key
 * over the webhook URL exactly as configured, followed by each POST field's
 * name and value, sorted by name. The mid comes back in msg.metadata
 * (mtrk_mid). Events carry no id: the key is the SHA-256 of the event. */
#include "webhook.h"

#include <stdlib.h>
#include <string.h>

typedef struct field {
    char *name, *value;
    size_t nl, vl;
} field;

static int cmp_field(const void *a, const void *b)
{
    const field *x = a, *y = b;
    size_t n = x->nl < y->nl ? x->nl : y->nl;
    int c = memcmp(x->name, y->name, n);
    return c ? c : (x->nl > y->nl) - (x->nl < y->nl);
}

/* The signed text: url, then name + value of every field sorted by name. */
static char *signed_text(const wh_request *req, size_t *outlen)
{
    size_t nf = 0, cap = 0, total = strlen(req->url);
    field *f = NULL;
    int oom = 0;
    for (size_t i = 0; i < req->len && !oom;) {
        size_t end = i;
        while (end < req->len && req->body[end] != '&')
            end++;
        size_t eq = i;
        while (eq < end && req->body[eq] != '=')
            eq++;
        if (nf == cap) {
            cap = cap ? cap * 2 : 4;
            field *g = realloc(f, cap * sizeof *f);
            if (g == NULL) {
                oom = 1;
                break;
            }
            f = g;
        }
        f[nf].name = wh_form_decode(req->body + i, eq - i, &f[nf].nl);
        f[nf].value = wh_form_decode(req->body + (eq < end ? eq + 1 : end), eq < end ? end - eq - 1 : 0, &f[nf].vl);
        if (f[nf].name == NULL || f[nf].value == NULL) {
            free(f[nf].name);
            free(f[nf].value);
            oom = 1;
            break;
        }
        total += f[nf].nl + f[nf].vl;
        nf++;
        i = end + 1;
    }
    char *out = oom ? NULL : malloc(total + 1);
    if (out != NULL) {
        qsort(f, nf, sizeof *f, cmp_field);
        size_t o = strlen(req->url);
        memcpy(out, req->url, o);
        for (size_t k = 0; k < nf; k++) {
            memcpy(out + o, f[k].name, f[k].nl);
            o += f[k].nl;
            memcpy(out + o, f[k].value, f[k].vl);
            o += f[k].vl;
        }
        out[o] = '\0';
        *outlen = o;
    }
    for (size_t k = 0; k < nf; k++) {
        free(f[k].name);
        free(f[k].value);
    }
    free(f);
    return out;
}

static int md_verify(const wh_request *req, wh_result *res)
{
    int need = wh_need_key(req, res, "mandrill");
    if (need != 0)
        return need > 0 ? 0 : -1;
    const char *sig64 = wh_header_get(req, "X-Mandrill-Signature");
    if (sig64 == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "header X-Mandrill-Signature missing");
    if (req->url == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "the webhook URL that Mandrill signs was not given");
    size_t sl = 0, tl = 0;
    unsigned char *sig = wh_base64_decode(sig64, strlen(sig64), &sl);
    if (sig == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "header X-Mandrill-Signature is not base64");
    char *text = signed_text(req, &tl);
    int ok = 0;
    for (int k = 0; text != NULL && k < WH_MAX_KEYS && !ok; k++) {
        const char *key = req->secrets->keys[k];
        if (key == NULL)
            continue;
        unsigned char mac[32];
        size_t n = wh_hmac(mac, "sha1", key, strlen(key), text, tl);
        ok = n > 0 && wh_equal(mac, n, sig, sl);
    }
    free(text);
    free(sig);
    if (!ok)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "X-Mandrill-Signature does not match any configured webhook key");
    return 0;
}

static const struct {
    const char *name;
    mtrk_event_type type;
} map[] = {
    { "send", MTRK_EV_SENT },          { "deferral", MTRK_EV_DEFERRED }, { "hard_bounce", MTRK_EV_BOUNCE },
    { "soft_bounce", MTRK_EV_BOUNCE }, { "reject", MTRK_EV_BOUNCE },     { "open", MTRK_EV_OPEN },
    { "click", MTRK_EV_CLICK },        { "spam", MTRK_EV_COMPLAINT },    { "unsub", MTRK_EV_UNSUBSCRIBE },
    /* blacklist/whitelist sync events and inbound messages: unmapped. */
};

static void md_event(wh_event *ev, json_t *o)
{
    const char *type = wh_str(ev, o, "event");
    if (type == NULL) {
        /* Sync events: {"type": "blacklist"|"whitelist", "action": ...}. */
        const char *sync = wh_str(ev, o, "type");
        if (sync == NULL) {
            wh_event_fail(ev, "field 'event' (the event type) is missing");
            return;
        }
        char *name = wh_join("sync", ":", sync);
        wh_map(ev, name, 0);
        free(name);
        wh_set_time(ev, o, "ts", WH_SECONDS);
        wh_key_from_raw(ev);
        return;
    }
    mtrk_event_type t = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, type) == 0)
            t = map[i].type;
    wh_map(ev, type, t);
    wh_set_time(ev, o, "ts", WH_SECONDS);
    json_t *msg = json_object_get(o, "msg");
    if (wh_set_str(&ev->provider_message_id, ev, o, "_id") == 0)
        wh_set_str(&ev->provider_message_id, ev, msg, "_id");
    wh_set_str(&ev->recipient, ev, msg, "email");
    wh_set_mid(ev, wh_str(ev, json_object_get(msg, "metadata"), WH_MID_KEY), "msg.metadata." WH_MID_KEY);
    wh_set_str(&ev->ip, ev, o, "ip");
    wh_set_str(&ev->user_agent, ev, o, "user_agent");
    if (t == MTRK_EV_CLICK)
        wh_set_str(&ev->url, ev, o, "url");
    if (t == MTRK_EV_BOUNCE || t == MTRK_EV_DEFERRED) {
        ev->bounce_type = wh_strdup(type);
        wh_set_str(&ev->bounce_subtype, ev, msg, "bounce_description");
        wh_set_str(&ev->diagnostic, ev, msg, "diag");
        const char *d = ev->diagnostic;
        if (d != NULL && strncmp(d, "smtp;", 5) == 0)
            d += 5;
        wh_parse_smtp(ev, d);
        if (t == MTRK_EV_BOUNCE)
            ev->bounce_kind = wh_bounce_kind("mandrill", type, ev->bounce_subtype, ev->smtp_code, ev->enhanced_status);
    }
    if (t == MTRK_EV_UNSUBSCRIBE)
        ev->unsub_scope = MTRK_UNSUB_GLOBAL;
    wh_key_from_raw(ev);
}

static int md_parse(const wh_request *req, wh_result *res)
{
    size_t n = 0;
    char *events = wh_form_get(req->body, req->len, "mandrill_events", &n);
    if (events == NULL)
        return wh_fail(res, WH_MALFORMED, "mandrill body has no mandrill_events field");
    json_t *root = wh_json_load(events, n, res, "mandrill_events");
    free(events);
    if (root == NULL)
        return -1;
    if (!json_is_array(root)) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "mandrill_events is not a JSON array");
    }
    size_t i;
    json_t *o;
    json_array_foreach(root, i, o) {
        wh_event *ev = wh_event_add(res, o);
        if (ev == NULL)
            break;
        if (!json_is_object(o))
            wh_event_fail(ev, "event %zu is not a JSON object", i);
        else
            md_event(ev, o);
        json_array_set_new(root, i, json_null()); /* release it as soon as it is read */
    }
    json_decref(root);
    return 0;
}

const wh_adapter wh_mandrill = { "mandrill", md_verify, md_parse };
