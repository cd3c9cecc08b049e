/* SparkPost event webhooks: a JSON array of {"msys": {"<class>_event": {...}}}
 * (message_event, track_event, gen_event, unsubscribe_event, relay_event,
 * ab_test_event, ingest_event, ...); a test ping sends [{"msys":{}}].
 *   https://developers.sparkpost.com/api/webhooks/
 *   https://developers.sparkpost.com/api/events/ (event types and fields)
 *   https://www.sparkpost.com/docs/deliverability/bounce-classification-codes/
 * SparkPost does not sign: the host checks the basic auth or OAuth 2.0
 * credentials set on the webhook. The mid comes back in rcpt_meta (or
 * metadata) as mtrk_mid; timestamps are Unix seconds as strings. */
#include "webhook.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    mtrk_event_type type;
} map[] = {
    { "injection", MTRK_EV_SENT },
    { "delivery", MTRK_EV_DELIVERED },
    { "delay", MTRK_EV_DEFERRED },
    { "bounce", MTRK_EV_BOUNCE },
    { "out_of_band", MTRK_EV_BOUNCE },
    { "policy_rejection", MTRK_EV_BOUNCE },
    { "generation_failure", MTRK_EV_BOUNCE },
    { "generation_rejection", MTRK_EV_BOUNCE },
    { "spam_complaint", MTRK_EV_COMPLAINT },
    { "open", MTRK_EV_OPEN },
    { "initial_open", MTRK_EV_OPEN },
    { "amp_open", MTRK_EV_OPEN },
    { "amp_initial_open", MTRK_EV_OPEN },
    { "click", MTRK_EV_CLICK },
    { "amp_click", MTRK_EV_CLICK },
    { "list_unsubscribe", MTRK_EV_UNSUBSCRIBE },
    { "link_unsubscribe", MTRK_EV_UNSUBSCRIBE },
    /* relay_*, ab_test_*, ingest_*, sms_status and later types: unmapped. */
};

static void sp_event(wh_event *ev, json_t *o)
{
    const char *type = wh_str(ev, o, "type");
    if (type == NULL) {
        wh_event_fail(ev, "field 'type' (the event type) is missing");
        return;
    }
    mtrk_event_type t = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, type) == 0)
            t = map[i].type;
    wh_map(ev, type, t);
    wh_set_time(ev, o, "timestamp", WH_SECONDS);
    wh_set_str(&ev->key, ev, o, "event_id");
    wh_set_str(&ev->provider_message_id, ev, o, "message_id");
    wh_set_str(&ev->send_id, ev, o, "transmission_id"); /* what the send call (a transmission) returned */
    if (wh_set_str(&ev->recipient, ev, o, "rcpt_to") == 0)
        wh_set_str(&ev->recipient, ev, o, "raw_rcpt_to");
    wh_set_mid(ev, wh_str(ev, json_object_get(o, "rcpt_meta"), WH_MID_KEY), "rcpt_meta." WH_MID_KEY);
    wh_set_mid(ev, wh_str(ev, json_object_get(o, "metadata"), WH_MID_KEY), "metadata." WH_MID_KEY);
    wh_set_str(&ev->ip, ev, o, "ip_address");
    wh_set_str(&ev->user_agent, ev, o, "user_agent");
    if (t == MTRK_EV_CLICK)
        wh_set_str(&ev->url, ev, o, "target_link_url");
    if (t == MTRK_EV_BOUNCE || t == MTRK_EV_DEFERRED) {
        json_t *code = json_object_get(o, "error_code");
        if (json_is_string(code) || json_is_integer(code)) {
            char *c = NULL;
            wh_set_str(&c, ev, o, "error_code");
            if (c != NULL && strlen(c) == 3 && c[0] >= '2' && c[0] <= '5')
                ev->smtp_code = atoi(c);
            free(c);
        }
        if (wh_set_str(&ev->diagnostic, ev, o, "raw_reason") == 0)
            wh_set_str(&ev->diagnostic, ev, o, "reason");
        wh_parse_smtp(ev, ev->diagnostic);
        ev->bounce_type = wh_strdup(type);
        wh_set_str(&ev->bounce_subtype, ev, o, "bounce_class");
        if (t == MTRK_EV_BOUNCE)
            ev->bounce_kind = wh_bounce_kind("sparkpost", type, ev->bounce_subtype, ev->smtp_code, ev->enhanced_status);
    }
    if (t == MTRK_EV_COMPLAINT)
        wh_set_str(&ev->bounce_subtype, ev, o, "fbtype");
    if (t == MTRK_EV_UNSUBSCRIBE)
        ev->unsub_scope = MTRK_UNSUB_GLOBAL;
    if (ev->key == NULL)
        wh_key_from_raw(ev);
}

static int sp_parse(const wh_request *req, wh_result *res)
{
    json_t *root = wh_json_load(req->body, req->len, res, "sparkpost body");
    if (root == NULL)
        return -1;
    if (!json_is_array(root)) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "sparkpost body is not a JSON array");
    }
    size_t i;
    json_t *item;
    json_array_foreach(root, i, item) {
        json_t *msys = json_object_get(item, "msys");
        if (json_is_object(msys) && json_object_size(msys) == 0)
            continue; /* the webhook test ping */
        const char *cls;
        json_t *o = NULL;
        if (json_is_object(msys) && json_object_size(msys) == 1) {
            void *it = json_object_iter(msys);
            cls = json_object_iter_key(it);
            o = json_object_iter_value(it);
            (void)cls;
        }
        wh_event *ev = wh_event_add(res, o ? o : item);
        if (ev == NULL) {
            json_decref(root);
            return wh_fail(res, WH_MALFORMED, "out of memory at event %zu", i);
        }
        if (!json_is_object(o))
            wh_event_fail(ev, "item %zu is not {\"msys\": {\"<class>_event\": {...}}}", i);
        else
            sp_event(ev, o);
        json_array_set_new(root, i, json_null()); /* release it as soon as it is read */
    }
    json_decref(root);
    return 0;
}

const wh_adapter wh_sparkpost = { "sparkpost", NULL, sp_parse };
