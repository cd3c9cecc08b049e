/* SendGrid Event Webhook: a JSON array of event objects.
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event
 * Signed Event Webhook: ECDSA P-256 with SHA-256 over the timestamp header
 * followed by the raw body; the signature (base64 DER) in
 * X-Twilio-Email-Event-Webhook-Signature, the timestamp (Unix seconds) in
 * X-Twilio-Email-Event-Webhook-Timestamp.
 * https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features
 * The mid comes back as a custom argument named mtrk_mid (custom_args are
 * flattened into each event object). */
#include "webhook.h"

#include <openssl/bn.h>
#include <openssl/ecdsa.h>

#include <stdlib.h>
#include <string.h>

#define SIG_HEADER "X-Twilio-Email-Event-Webhook-Signature"
#define TS_HEADER "X-Twilio-Email-Event-Webhook-Timestamp"

static int sg_verify(const wh_request *req, wh_result *res)
{
    int need = wh_need_key(req, res, "sendgrid");
    if (need != 0)
        return need > 0 ? 0 : -1;
    const char *sig64 = wh_header_get(req, SIG_HEADER);
    const char *ts = wh_header_get(req, TS_HEADER);
    if (sig64 == NULL || ts == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "header %s missing", sig64 == NULL ? SIG_HEADER : TS_HEADER);
    json_t *tsv = json_string(ts);
    mtrk_time t = 0;
    int bad = tsv == NULL || wh_time_seconds(&t, tsv) != 0 || strchr(ts, '.') != NULL;
    json_decref(tsv);
    if (bad)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "header %s is not Unix seconds", TS_HEADER);
    if (wh_check_age(req, res, t) != 0)
        return -1;
    size_t siglen = 0;
    unsigned char *sig = wh_base64_decode(sig64, strlen(sig64), &siglen);
    if (sig == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "header %s is not base64", SIG_HEADER);
    size_t tlen = strlen(ts);
    char *msg = malloc(tlen + req->len + 1);
    int ok = 0;
    if (msg != NULL) {
        memcpy(msg, ts, tlen);
        memcpy(msg + tlen, req->body, req->len);
        for (int i = 0; i < WH_MAX_KEYS && !ok; i++)
            if (req->secrets->keys[i] != NULL)
                ok = wh_pk_verify(req->secrets->keys[i], "sha256", msg, tlen + req->len, sig, siglen);
    }
    free(msg);
    if (ok) {
        /* The replay token: the signature's r, unique per signing (a fresh
         * nonce each time) and, unlike the whole signature, not malleable
         * ((r, s) and (r, n - s) both verify). */
        const unsigned char *p = sig;
        ECDSA_SIG *es = d2i_ECDSA_SIG(NULL, &p, (long)siglen);
        char *r = es ? BN_bn2hex(ECDSA_SIG_get0_r(es)) : NULL;
        if (r != NULL)
            wh_set_nonce(req, res, r, strlen(r), t);
        OPENSSL_free(r);
        ECDSA_SIG_free(es);
    }
    free(sig);
    if (!ok)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "signature does not verify with any configured public key");
    return 0;
}

static void sg_event(wh_event *ev, json_t *o)
{
    const char *type = wh_str(ev, o, "event");
    if (type == NULL) {
        wh_event_fail(ev, "field 'event' (the event type) is missing");
        return;
    }
    static const struct {
        const char *name;
        mtrk_event_type type;
    } map[] = {
        { "processed", MTRK_EV_SENT },       { "deferred", MTRK_EV_DEFERRED },
        { "delivered", MTRK_EV_DELIVERED },  { "dropped", MTRK_EV_BOUNCE },
        { "bounce", MTRK_EV_BOUNCE },        { "open", MTRK_EV_OPEN },
        { "click", MTRK_EV_CLICK },          { "spamreport", MTRK_EV_COMPLAINT },
        { "unsubscribe", MTRK_EV_UNSUBSCRIBE }, { "group_unsubscribe", MTRK_EV_UNSUBSCRIBE },
        /* group_resubscribe and account_status_change have no mtrk type. */
    };
    mtrk_event_type t = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, type) == 0)
            t = map[i].type;
    wh_map(ev, type, t);
    wh_set_time(ev, o, "timestamp", WH_SECONDS);
    wh_set_mid(ev, wh_str(ev, o, WH_MID_KEY), "custom argument " WH_MID_KEY);
    wh_set_str(&ev->key, ev, o, "sg_event_id");
    if (wh_set_str(&ev->provider_message_id, ev, o, "sg_message_id") == 0)
        wh_set_str(&ev->provider_message_id, ev, o, "smtp-id");
    else if (!ev->has_mid && ev->provider_message_id != NULL && strchr(ev->provider_message_id, '.') != NULL) {
        /* "<X-Message-Id>.filter...": the send call returned the part before
         * the first dot. Only what an event without the mid is matched by. */
        size_t n = strcspn(ev->provider_message_id, ".");
        if ((ev->send_id = malloc(n + 1)) != NULL) {
            memcpy(ev->send_id, ev->provider_message_id, n);
            ev->send_id[n] = '\0';
        }
    }
    wh_set_str(&ev->recipient, ev, o, "email");
    wh_set_str(&ev->ip, ev, o, "ip");
    wh_set_str(&ev->user_agent, ev, o, "useragent");
    if (t == MTRK_EV_CLICK) {
        wh_set_str(&ev->url, ev, o, "url");
        /* url_offset.index: the link's position among the message's links. */
        json_t *idx = json_object_get(json_object_get(o, "url_offset"), "index");
        if (json_is_integer(idx) && json_integer_value(idx) >= 0 && json_integer_value(idx) < 100000)
            ev->link_index = (int)json_integer_value(idx);
        else if (idx != NULL)
            wh_event_fail(ev, "field 'url_offset.index' is not a link position");
    }
    if (t == MTRK_EV_OPEN && wh_bool(ev, o, "sg_machine_open")) {
        ev->verdict = MTRK_VERDICT_MACHINE;
        ev->verdict_reason = wh_strdup("sendgrid sg_machine_open: opened by a machine (e.g. a privacy proxy)");
    }
    if (strcmp(type, "deferred") == 0 || strcmp(type, "delivered") == 0) {
        wh_set_str(&ev->diagnostic, ev, o, "response");
        wh_parse_smtp(ev, ev->diagnostic);
    }
    if (strcmp(type, "bounce") == 0) {
        /* type is "bounce" or "blocked"; bounce_classification its class. */
        if (wh_set_str(&ev->bounce_type, ev, o, "type") == 0)
            ev->bounce_type = wh_strdup("bounce");
        wh_set_str(&ev->bounce_subtype, ev, o, "bounce_classification");
        wh_set_str(&ev->enhanced_status, ev, o, "status");
        wh_set_str(&ev->diagnostic, ev, o, "reason");
        wh_parse_smtp(ev, ev->diagnostic);
    } else if (strcmp(type, "dropped") == 0) {
        ev->bounce_type = wh_strdup("dropped");
        wh_set_str(&ev->bounce_subtype, ev, o, "reason");
        wh_set_str(&ev->diagnostic, ev, o, "reason");
    }
    if (t == MTRK_EV_BOUNCE)
        ev->bounce_kind = wh_bounce_kind("sendgrid", ev->bounce_type, ev->bounce_subtype, ev->smtp_code,
                                         ev->enhanced_status);
    if (t == MTRK_EV_UNSUBSCRIBE) {
        if (strcmp(type, "group_unsubscribe") == 0) {
            ev->unsub_scope = MTRK_UNSUB_AUDIENCE;
            wh_set_str(&ev->unsub_list, ev, o, "asm_group_id");
        } else {
            ev->unsub_scope = MTRK_UNSUB_GLOBAL;
        }
    } else if (strcmp(type, "group_resubscribe") == 0) {
        wh_set_str(&ev->unsub_list, ev, o, "asm_group_id");
    }
    if (ev->key == NULL)
        wh_key_from_object(ev, o);
}

static int sg_element(void *ud, size_t i, json_t *o, const char *text, size_t len)
{
    wh_result *res = ud;
    wh_event *ev = wh_event_add_text(res, text, len);
    if (ev == NULL || ev->raw == NULL)
        return wh_fail(res, WH_MALFORMED, "out of memory at event %zu", i);
    if (!json_is_object(o))
        wh_event_fail(ev, "event %zu is not a JSON object", i);
    else
        sg_event(ev, o);
    return 0;
}

/* One element at a time (wh_json_array_spans): the parsed tree of one event
 * at once, never the whole body's, and each event's raw text copied from
 * the body rather than serialized again. */
static int sg_parse(const wh_request *req, wh_result *res)
{
    return wh_json_array_spans(req->body, req->len, res, "sendgrid body", sg_element, res);
}

const wh_adapter wh_sendgrid = { "sendgrid", sg_verify, sg_parse };
