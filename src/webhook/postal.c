/* Postal (self-hosted mail server) webhooks: one JSON object per request,
 * {"event": "MessageSent", "timestamp": fractional Unix seconds, "uuid",
 * "payload": {...}}.
 *   https://docs.postalserver.io/developer/webhooks
 *   https://github.com/postalserver/postal/blob/main/doc/WEBHOOKS.md
 * Signature: X-Postal-Signature-256 (base64 RSA PKCS#1 v1.5 with SHA-256
 * over the raw body) when present, else X-Postal-Signature (same with
 * SHA-1); the public key is the one Postal publishes in its DNS TXT record
 * (base64 DER, "p=" accepted) or PEM. The uuid is the idempotency key. The
 * mid comes back as the message's tag (the mid, or "mtrk_mid:<mid>"). */
#include "webhook.h"

#include <stdlib.h>
#include <string.h>

static int pl_verify(const wh_request *req, wh_result *res)
{
    int need = wh_need_key(req, res, "postal");
    if (need != 0)
        return need > 0 ? 0 : -1;
    const char *alg = "sha256";
    const char *sig64 = wh_header_get(req, "X-Postal-Signature-256");
    if (sig64 == NULL) {
        alg = "sha1";
        sig64 = wh_header_get(req, "X-Postal-Signature");
    }
    if (sig64 == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "header X-Postal-Signature-256 (or X-Postal-Signature) missing");
    size_t sl = 0;
    unsigned char *sig = wh_base64_decode(sig64, strlen(sig64), &sl);
    if (sig == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "Postal signature header is not base64");
    int ok = 0;
    for (int k = 0; k < WH_MAX_KEYS && !ok; k++)
        if (req->secrets->keys[k] != NULL)
            ok = wh_pk_verify(req->secrets->keys[k], alg, req->body, req->len, sig, sl);
    free(sig);
    if (!ok)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "Postal signature does not verify with any configured public key");
    return 0;
}

static const struct {
    const char *name;
    mtrk_event_type type;
} map[] = {
    { "MessageSent", MTRK_EV_DELIVERED }, /* accepted by the recipient's server */
    { "MessageDelayed", MTRK_EV_DEFERRED },
    { "MessageDeliveryFailed", MTRK_EV_BOUNCE },
    { "MessageHeld", MTRK_EV_BOUNCE },
    { "MessageBounced", MTRK_EV_BOUNCE },
    { "MessageLinkClicked", MTRK_EV_CLICK },
    { "MessageLoaded", MTRK_EV_OPEN },
    /* DomainDNSError, SendLimitApproaching, SendLimitExceeded: unmapped. */
};

static int pl_parse(const wh_request *req, wh_result *res)
{
    json_t *root = wh_json_load(req->body, req->len, res, "postal body");
    if (root == NULL)
        return -1;
    if (!json_is_object(root)) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "postal body is not a JSON object");
    }
    wh_event *ev = wh_event_add(res, root);
    if (ev == NULL) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "out of memory");
    }
    const char *type = wh_str(ev, root, "event");
    json_t *p = json_object_get(root, "payload");
    if (type == NULL || !json_is_object(p)) {
        wh_event_fail(ev, type == NULL ? "field 'event' (the event type) is missing"
                                       : "field 'payload' is not an object");
        json_decref(root);
        return 0;
    }
    mtrk_event_type t = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, type) == 0)
            t = map[i].type;
    /* MessageBounced names the original message; the others the message. */
    json_t *m = json_object_get(p, strcmp(type, "MessageBounced") == 0 ? "original_message" : "message");
    /* Events about mail Postal received (its inbound routes) are not about sent mail: unmapped. */
    json_t *dir = json_object_get(m, "direction");
    if (json_is_string(dir) && strcmp(json_string_value(dir), "incoming") == 0)
        t = 0;
    wh_map(ev, type, t);
    wh_set_time(ev, root, "timestamp", WH_SECONDS);
    wh_set_str(&ev->key, ev, root, "uuid");
    wh_set_str(&ev->provider_message_id, ev, m, "message_id");
    wh_set_str(&ev->recipient, ev, m, "to");
    wh_mid_in_text(ev, wh_str(ev, m, "tag"), "tag");
    wh_set_str(&ev->ip, ev, p, "ip_address");
    wh_set_str(&ev->user_agent, ev, p, "user_agent");
    if (t == MTRK_EV_CLICK)
        wh_set_str(&ev->url, ev, p, "url");
    if (t == MTRK_EV_DELIVERED || t == MTRK_EV_DEFERRED || t == MTRK_EV_BOUNCE) {
        /* "output" is the remote server's reply, "details" Postal's account of it. */
        if (wh_set_str(&ev->diagnostic, ev, p, "output") <= 0 || ev->diagnostic == NULL ||
            ev->diagnostic[0] == '\0') {
            free(ev->diagnostic);
            ev->diagnostic = NULL;
            wh_set_str(&ev->diagnostic, ev, p, "details");
        }
        wh_parse_smtp(ev, ev->diagnostic);
    }
    if (t == MTRK_EV_BOUNCE) {
        ev->bounce_type = wh_strdup(type);
        wh_set_str(&ev->bounce_subtype, ev, p, "status");
        ev->bounce_kind = wh_bounce_kind("postal", type, ev->bounce_subtype, ev->smtp_code, ev->enhanced_status);
    }
    if (ev->key == NULL)
        wh_key_from_raw(ev);
    json_decref(root);
    return 0;
}

const wh_adapter wh_postal = { "postal", pl_verify, pl_parse };
