/* Brevo (formerly Sendinblue) transactional webhooks: one JSON object per
 * request, or an array when the webhook is set to batch.
 *   https://developers.brevo.com/docs/transactional-webhooks
 * Brevo does not sign: the host sets basic auth or a bearer token on the
 * webhook and checks it. The mid comes back in the X-Mailin-custom header
 * value ("mtrk_mid:<mid>", or the mid alone). Times: ts_epoch (Unix ms),
 * else ts_event (Unix seconds); "date" has no zone and is not used. Events
 * carry no id of their own: the key is the SHA-256 of the event object. */
#include "webhook.h"

#include <string.h>

static const struct {
    const char *name;
    mtrk_event_type type;
    int machine;
} map[] = {
    { "request", MTRK_EV_SENT, 0 },
    { "delivered", MTRK_EV_DELIVERED, 0 },
    { "deferred", MTRK_EV_DEFERRED, 0 },
    { "soft_bounce", MTRK_EV_BOUNCE, 0 },
    { "hard_bounce", MTRK_EV_BOUNCE, 0 },
    { "blocked", MTRK_EV_BOUNCE, 0 },
    { "invalid_email", MTRK_EV_BOUNCE, 0 },
    { "error", MTRK_EV_BOUNCE, 0 },
    { "spam", MTRK_EV_COMPLAINT, 0 },
    { "opened", MTRK_EV_OPEN, 0 },
    { "proxy_open", MTRK_EV_OPEN, 1 },
    { "click", MTRK_EV_CLICK, 0 },
    { "unsubscribed", MTRK_EV_UNSUBSCRIBE, 0 },
    /* unique_opened and unique_proxy_open repeat an "opened"/"proxy_open"
     * (mtrk counts uniques itself): unmapped, like any later type. */
};

static void br_event(wh_event *ev, json_t *o)
{
    const char *type = wh_str(ev, o, "event");
    if (type == NULL) {
        wh_event_fail(ev, "field 'event' (the event type) is missing");
        return;
    }
    mtrk_event_type t = 0;
    int machine = 0;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, type) == 0) {
            t = map[i].type;
            machine = map[i].machine;
        }
    wh_map(ev, type, t);
    if (json_object_get(o, "ts_epoch") != NULL)
        wh_set_time(ev, o, "ts_epoch", WH_MILLIS);
    else if (json_object_get(o, "ts_event") != NULL)
        wh_set_time(ev, o, "ts_event", WH_SECONDS);
    else
        wh_set_time(ev, o, "ts", WH_SECONDS);
    wh_set_str(&ev->provider_message_id, ev, o, "message-id");
    wh_set_str(&ev->recipient, ev, o, "email");
    wh_mid_in_text(ev, wh_str(ev, o, "X-Mailin-custom"), "X-Mailin-custom");
    wh_set_str(&ev->ip, ev, o, "ip");
    wh_set_str(&ev->user_agent, ev, o, "user_agent");
    if (t == MTRK_EV_CLICK)
        wh_set_str(&ev->url, ev, o, "link");
    if (machine) {
        ev->verdict = MTRK_VERDICT_MACHINE;
        ev->verdict_reason =
            wh_strdup("brevo proxy_open: opened through a privacy proxy (e.g. Apple Mail Privacy Protection)");
    }
    if (t == MTRK_EV_BOUNCE || t == MTRK_EV_DEFERRED) {
        wh_set_str(&ev->diagnostic, ev, o, "reason");
        wh_parse_smtp(ev, ev->diagnostic);
        ev->bounce_type = wh_strdup(type);
        if (t == MTRK_EV_BOUNCE)
            ev->bounce_kind = wh_bounce_kind("brevo", type, NULL, ev->smtp_code, ev->enhanced_status);
    }
    if (t == MTRK_EV_UNSUBSCRIBE)
        ev->unsub_scope = MTRK_UNSUB_GLOBAL;
    wh_key_from_raw(ev);
}

static int br_parse(const wh_request *req, wh_result *res)
{
    return wh_parse_object_or_array(req, res, "brevo", br_event);
}

const wh_adapter wh_brevo = { "brevo", NULL, br_parse };
