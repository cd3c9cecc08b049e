/* Postmark webhooks: one JSON object per request, its RecordType naming
 * the event. Postmark does not sign requests: the host protects the URL
 * with basic auth (credentials in the webhook URL) and may check Postmark's
 * published source addresses.
 *   https://postmarkapp.com/developer/webhooks/webhooks-overview
 *   https://postmarkapp.com/developer/webhooks/delivery-webhook
 *   https://postmarkapp.com/developer/webhooks/bounce-webhook
 *   https://postmarkapp.com/developer/webhooks/spam-complaint-webhook
 *   https://postmarkapp.com/developer/webhooks/open-tracking-webhook
 *   https://postmarkapp.com/developer/webhooks/click-webhook
 *   https://postmarkapp.com/developer/webhooks/subscription-change-webhook
 *   https://postmarkapp.com/developer/api/bounce-api#bounce-types
 * The mid comes back in Metadata (mtrk_mid). Bounces and complaints carry
 * Postmark's ID; the other records have none and are keyed by the SHA-256
 * of the record. */
#include "webhook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bounce records whose Type is not a delivery failure. */
static int not_a_failure(const char *type)
{
    static const char *const list[] = { "AutoResponder", "AddressChange", "Subscribe", "ChallengeVerification",
                                        "OpenRelayTest" };
    for (size_t i = 0; type && i < sizeof list / sizeof list[0]; i++)
        if (strcmp(type, list[i]) == 0)
            return 1;
    return 0;
}

static void pm_event(wh_event *ev, json_t *o)
{
    const char *rt = wh_str(ev, o, "RecordType");
    if (rt == NULL) {
        wh_event_fail(ev, "field 'RecordType' (the event type) is missing");
        return;
    }
    mtrk_event_type t = 0;
    const char *when = NULL;
    if (strcmp(rt, "Delivery") == 0) {
        t = MTRK_EV_DELIVERED;
        when = "DeliveredAt";
        wh_set_str(&ev->diagnostic, ev, o, "Details");
        wh_parse_smtp(ev, ev->diagnostic);
    } else if (strcmp(rt, "Bounce") == 0 || strcmp(rt, "SpamComplaint") == 0) {
        when = "BouncedAt";
        wh_set_str(&ev->bounce_type, ev, o, "Type");
        wh_set_str(&ev->bounce_subtype, ev, o, "TypeCode");
        wh_set_str(&ev->diagnostic, ev, o, "Details");
        wh_parse_smtp(ev, ev->diagnostic);
        if (strcmp(rt, "SpamComplaint") == 0)
            t = MTRK_EV_COMPLAINT;
        else if (ev->bounce_type && strcmp(ev->bounce_type, "Unsubscribe") == 0)
            t = MTRK_EV_UNSUBSCRIBE;
        else if (ev->bounce_type && strcmp(ev->bounce_type, "SpamComplaint") == 0)
            t = MTRK_EV_COMPLAINT;
        else if (!not_a_failure(ev->bounce_type))
            t = MTRK_EV_BOUNCE;
        if (t == MTRK_EV_BOUNCE)
            ev->bounce_kind = wh_bounce_kind("postmark", ev->bounce_type, ev->bounce_subtype, ev->smtp_code,
                                             ev->enhanced_status);
        if (t == MTRK_EV_UNSUBSCRIBE)
            ev->unsub_scope = MTRK_UNSUB_GLOBAL;
        wh_set_str(&ev->key, ev, o, "ID");
    } else if (strcmp(rt, "Open") == 0 || strcmp(rt, "Click") == 0) {
        t = rt[0] == 'O' ? MTRK_EV_OPEN : MTRK_EV_CLICK;
        when = "ReceivedAt";
        wh_set_str(&ev->user_agent, ev, o, "UserAgent");
        wh_set_str(&ev->ip, ev, json_object_get(o, "Geo"), "IP");
        if (t == MTRK_EV_CLICK)
            wh_set_str(&ev->url, ev, o, "OriginalLink");
    } else if (strcmp(rt, "SubscriptionChange") == 0) {
        when = "ChangedAt";
        /* A suppression the recipient asked for is an unsubscribe from the
         * message stream; one that follows a bounce or complaint repeats
         * that event, and a reactivation is a resubscribe: both unmapped. */
        int suppress = wh_bool(ev, o, "SuppressSending");
        const char *reason = wh_str(ev, o, "SuppressionReason");
        if (suppress && reason && strcmp(reason, "ManualSuppression") == 0) {
            t = MTRK_EV_UNSUBSCRIBE;
            ev->unsub_scope = MTRK_UNSUB_AUDIENCE;
            wh_set_str(&ev->unsub_list, ev, o, "MessageStream");
        }
    }
    wh_map(ev, rt, t);
    if (when != NULL)
        wh_set_time(ev, o, when, WH_ISO8601);
    else
        wh_set_time(ev, o, "ReceivedAt", WH_ISO8601);
    wh_set_mid(ev, wh_str(ev, json_object_get(o, "Metadata"), WH_MID_KEY), "Metadata." WH_MID_KEY);
    wh_set_str(&ev->provider_message_id, ev, o, "MessageID");
    if (wh_set_str(&ev->recipient, ev, o, "Recipient") == 0)
        wh_set_str(&ev->recipient, ev, o, "Email");
    if (ev->key == NULL)
        wh_key_from_raw(ev);
}

static int pm_parse(const wh_request *req, wh_result *res)
{
    json_t *root = wh_json_load(req->body, req->len, res, "postmark body");
    if (root == NULL)
        return -1;
    if (!json_is_object(root)) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "postmark body is not a JSON object");
    }
    wh_event *ev = wh_event_add(res, root);
    if (ev == NULL) {
        json_decref(root);
        return wh_fail(res, WH_MALFORMED, "out of memory");
    }
    pm_event(ev, root);
    json_decref(root);
    return 0;
}

const wh_adapter wh_postmark = { "postmark", NULL, pm_parse };
