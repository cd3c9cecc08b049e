/* Mailjet event API: one JSON object per request, or an array when the
 * webhook groups events.
 *   https://dev.mailjet.com/email/guides/webhooks/
 * Mailjet does not sign: the host puts basic auth credentials in the
 * webhook URL and checks them. The mid comes back in CustomID (set it to
 * the mid, or "mtrk_mid:<mid>") or in the EventPayload ("Payload").
 * Events carry no id of their own: the key is the SHA-256 of the object. */
#include "webhook.h"

#include <stdlib.h>
#include <string.h>

static void mj_event(wh_event *ev, json_t *o)
{
    const char *type = wh_str(ev, o, "event");
    if (type == NULL) {
        wh_event_fail(ev, "field 'event' (the event type) is missing");
        return;
    }
    mtrk_event_type t = 0;
    if (strcmp(type, "sent") == 0)
        t = MTRK_EV_DELIVERED; /* "sent": accepted by the recipient's server */
    else if (strcmp(type, "open") == 0)
        t = MTRK_EV_OPEN;
    else if (strcmp(type, "click") == 0)
        t = MTRK_EV_CLICK;
    else if (strcmp(type, "bounce") == 0 || strcmp(type, "blocked") == 0)
        t = MTRK_EV_BOUNCE;
    else if (strcmp(type, "spam") == 0)
        t = MTRK_EV_COMPLAINT;
    else if (strcmp(type, "unsub") == 0)
        t = MTRK_EV_UNSUBSCRIBE;
    wh_map(ev, type, t);
    wh_set_time(ev, o, "time", WH_SECONDS);
    if (wh_set_str(&ev->provider_message_id, ev, o, "MessageID") == 0)
        wh_set_str(&ev->provider_message_id, ev, o, "Message_GUID");
    wh_set_str(&ev->recipient, ev, o, "email");
    wh_mid_in_text(ev, wh_str(ev, o, "CustomID"), "CustomID");
    wh_mid_in_text(ev, wh_str(ev, o, "Payload"), "Payload");
    wh_set_str(&ev->ip, ev, o, "ip");
    wh_set_str(&ev->user_agent, ev, o, "agent");
    if (t == MTRK_EV_CLICK)
        wh_set_str(&ev->url, ev, o, "url");
    if (t == MTRK_EV_DELIVERED) {
        wh_set_str(&ev->diagnostic, ev, o, "smtp_reply");
        /* "sent (250 2.0.0 OK ...)": the reply inside the parentheses. */
        const char *p = ev->diagnostic ? strchr(ev->diagnostic, '(') : NULL;
        wh_parse_smtp(ev, p ? p + 1 : ev->diagnostic);
    }
    if (t == MTRK_EV_BOUNCE) {
        int hard = strcmp(type, "bounce") == 0 && wh_bool(ev, o, "hard_bounce");
        ev->bounce_type = wh_strdup(type);
        if (strcmp(type, "bounce") == 0)
            ev->bounce_subtype = wh_strdup(hard ? "hard" : "soft");
        /* error_related_to ("recipient", "domain", ...) and error ("user unknown", ...). */
        char *rel = NULL, *err = NULL;
        wh_set_str(&rel, ev, o, "error_related_to");
        wh_set_str(&err, ev, o, "error");
        if (rel && err)
            ev->diagnostic = wh_join(rel, ": ", err);
        else
            ev->diagnostic = wh_strdup(err ? err : rel);
        free(rel);
        free(err);
        char *comment = NULL;
        if (wh_set_str(&comment, ev, o, "comment") > 0)
            wh_parse_smtp(ev, comment);
        free(comment);
        ev->bounce_kind = wh_bounce_kind("mailjet", ev->bounce_type, ev->bounce_subtype, ev->smtp_code,
                                         ev->enhanced_status);
    }
    if (t == MTRK_EV_COMPLAINT)
        wh_set_str(&ev->bounce_subtype, ev, o, "source");
    if (t == MTRK_EV_UNSUBSCRIBE) {
        char *list = NULL;
        wh_set_str(&list, ev, o, "mj_list_id");
        if (list != NULL && list[0] != '\0' && strcmp(list, "0") != 0) {
            ev->unsub_scope = MTRK_UNSUB_AUDIENCE;
            ev->unsub_list = list;
        } else {
            ev->unsub_scope = MTRK_UNSUB_GLOBAL;
            free(list);
        }
    }
    wh_key_from_raw(ev);
}

static int mj_parse(const wh_request *req, wh_result *res)
{
    return wh_parse_object_or_array(req, res, "mailjet", mj_event);
}

const wh_adapter wh_mailjet = { "mailjet", NULL, mj_parse };
