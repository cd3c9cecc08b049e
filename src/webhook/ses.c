/* Amazon SES through Amazon SNS (HTTP/S subscription).
 * The SNS envelope and its signature:
 *   https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html
 *   https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html
 * Event publishing records (configuration sets, "eventType"):
 *   https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html
 * Older notifications (identity feedback, "notificationType"):
 *   https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html
 * The signature is checked inside parse: the fields it covers are in the
 * JSON body. SNS signs every topic of every AWS account alike, so the
 * tenant's "keys" for SES are the ARNs of its own topics, and a request
 * from any other topic is refused. SNS versions 1 (SHA1withRSA) and 2 (SHA256withRSA); the
 * certificate comes from the host (secrets->get_cert) for a SigningCertURL
 * that passed the AWS host pattern. A notification about several recipients
 * gives one event per recipient, keyed by the SES feedback id (or the SNS
 * message id) and the recipient's position. */
#include "webhook.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* https://sns.<region>.amazonaws.com[.cn]/...: *path receives the part from
 * the first '/' after the host. */
static int sns_url_ok(const char *url, const char **path)
{
    const char *p = "https://";
    if (url == NULL || strncasecmp(url, p, strlen(p)) != 0)
        return 0;
    const char *host = url + strlen(p);
    const char *slash = strchr(host, '/');
    if (slash == NULL)
        return 0;
    size_t hlen = (size_t)(slash - host);
    char h[256];
    if (hlen == 0 || hlen >= sizeof h)
        return 0;
    for (size_t i = 0; i < hlen; i++)
        h[i] = (char)tolower((unsigned char)host[i]);
    h[hlen] = '\0';
    const char *suffix = NULL;
    static const char *const suffixes[] = { ".amazonaws.com", ".amazonaws.com.cn" };
    for (size_t i = 0; i < 2; i++) {
        size_t sl = strlen(suffixes[i]);
        if (hlen > sl && strcmp(h + hlen - sl, suffixes[i]) == 0)
            suffix = h + hlen - sl;
    }
    if (suffix == NULL || strncmp(h, "sns.", 4) != 0)
        return 0;
    /* The region: letters, digits and '-', at least 3. */
    const char *r = h + 4;
    if (suffix - r < 3)
        return 0;
    for (; r < suffix; r++)
        if (!(isalnum((unsigned char)*r) || *r == '-'))
            return 0;
    *path = slash;
    return strpbrk(slash, "@\\") == NULL;
}

/* The certificate: an SNS host and a path ending in .pem, no query. */
static int cert_url_ok(const char *url)
{
    const char *path;
    if (!sns_url_ok(url, &path))
        return 0;
    size_t plen = strlen(path);
    return strpbrk(path, "?#") == NULL && plen >= 5 && strcmp(path + plen - 4, ".pem") == 0;
}

static int append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = (*len + n + 1) * 2;
        char *b = realloc(*buf, c);
        if (b == NULL)
            return -1;
        *buf = b;
        *cap = c;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return 0;
}

static int sns_verify(json_t *env, const char *type, const wh_request *req, wh_result *res)
{
    const wh_secrets *s = req->secrets;
    if (s == NULL || s->get_cert == NULL) {
        if (s != NULL && s->allow_unsigned)
            return 0;
        return wh_fail(res, WH_SIGNATURE_REFUSED, "no certificate source is configured to check the SNS signature");
    }
    json_t *ver = json_object_get(env, "SignatureVersion");
    const char *v = json_is_string(ver) ? json_string_value(ver) : NULL;
    const char *alg = v && strcmp(v, "1") == 0 ? "sha1" : v && strcmp(v, "2") == 0 ? "sha256" : NULL;
    if (alg == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "SNS SignatureVersion %s%s%s is not 1 or 2", v ? "'" : "",
                       v ? v : "missing", v ? "'" : "");
    json_t *sigv = json_object_get(env, "Signature"), *urlv = json_object_get(env, "SigningCertURL");
    if (!json_is_string(sigv) || !json_is_string(urlv))
        return wh_fail(res, WH_SIGNATURE_REFUSED, "SNS %s missing",
                       json_is_string(sigv) ? "SigningCertURL" : "Signature");
    const char *url = json_string_value(urlv);
    if (!cert_url_ok(url))
        return wh_fail(res, WH_SIGNATURE_REFUSED,
                       "SNS SigningCertURL '%.120s' is not https://sns.<region>.amazonaws.com/....pem", url);
    /* The string to sign: "Name\nvalue\n" for the fields of the type, in this order. */
    static const char *const notif[] = { "Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type", NULL };
    static const char *const confirm[] = { "Message",  "MessageId", "SubscribeURL", "Timestamp",
                                           "Token",    "TopicArn",  "Type",         NULL };
    const char *const *fields = strcmp(type, "Notification") == 0 ? notif : confirm;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (size_t i = 0; fields[i] != NULL; i++) {
        json_t *f = json_object_get(env, fields[i]);
        if (f == NULL && strcmp(fields[i], "Subject") == 0)
            continue;
        if (!json_is_string(f)) {
            free(buf);
            return wh_fail(res, WH_MALFORMED, "SNS field '%s' is missing or not a string", fields[i]);
        }
        if (append(&buf, &len, &cap, fields[i], strlen(fields[i])) || append(&buf, &len, &cap, "\n", 1) ||
            append(&buf, &len, &cap, json_string_value(f), json_string_length(f)) ||
            append(&buf, &len, &cap, "\n", 1)) {
            free(buf);
            return wh_fail(res, WH_MALFORMED, "out of memory");
        }
    }
    size_t siglen = 0;
    unsigned char *sig = wh_base64_decode(json_string_value(sigv), json_string_length(sigv), &siglen);
    char *pem = NULL;
    int ok = 0, got = 0;
    if (sig != NULL && s->get_cert(&pem, url, s->cert_userdata) == 0 && pem != NULL) {
        got = 1;
        ok = wh_pk_verify(pem, alg, buf, len, sig, siglen);
    }
    free(pem);
    free(sig);
    free(buf);
    if (sig == NULL)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "SNS Signature is not base64");
    if (!got)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "the host gave no certificate for %.150s", url);
    if (!ok)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "SNS signature does not verify with the certificate of %.120s", url);
    /* Any AWS account's topic is signed by SNS: only the tenant's own topics count. */
    json_t *arn = json_object_get(env, "TopicArn");
    int mine = 0;
    for (int k = 0; k < WH_MAX_KEYS; k++)
        if (s->keys[k] != NULL && json_is_string(arn) && strcmp(s->keys[k], json_string_value(arn)) == 0)
            mine = 1;
    if (!mine)
        return wh_fail(res, WH_SIGNATURE_REFUSED, "SNS TopicArn '%.150s' is not one of the tenant's topics",
                       json_is_string(arn) ? json_string_value(arn) : "");
    if (s->tolerance_ms > 0) {
        /* SNS redelivers a notification with its first timestamp; checked only when asked. */
        mtrk_time ts;
        json_t *tv = json_object_get(env, "Timestamp");
        if (!json_is_string(tv) || wh_time_iso8601(&ts, json_string_value(tv)) != 0)
            return wh_fail(res, WH_SIGNATURE_REFUSED, "SNS Timestamp is not an ISO 8601 time");
        if (wh_check_age(req, res, ts) != 0)
            return -1;
        json_t *mid = json_object_get(env, "MessageId"); /* signed, one per notification */
        if (json_is_string(mid))
            wh_set_nonce(req, res, json_string_value(mid), json_string_length(mid), ts);
        return 0;
    }
    return 0;
}

/* The mid: the message tag mtrk_mid (event publishing) or the header X-Mtrk-Mid. */
static void ses_mid(wh_event *ev, json_t *mail)
{
    json_t *tags = json_object_get(mail, "tags");
    json_t *vals = json_is_object(tags) ? json_object_get(tags, WH_MID_KEY) : NULL;
    if (json_is_array(vals) && json_array_size(vals) > 0) {
        json_t *v = json_array_get(vals, 0);
        if (json_is_string(v))
            wh_set_mid(ev, json_string_value(v), "tag " WH_MID_KEY);
        else
            wh_event_fail(ev, "tag %s is not a string", WH_MID_KEY);
        return;
    }
    json_t *headers = json_object_get(mail, "headers");
    size_t i;
    json_t *h;
    json_array_foreach(headers, i, h) {
        json_t *n = json_object_get(h, "name"), *v = json_object_get(h, "value");
        if (json_is_string(n) && json_is_string(v) && strcasecmp(json_string_value(n), WH_MID_HEADER) == 0) {
            wh_set_mid(ev, json_string_value(v), "header " WH_MID_HEADER);
            return;
        }
    }
}

typedef struct ctx {
    json_t *rec, *mail;
    const char *type;  /* eventType or notificationType */
    const char *id;    /* the SNS MessageId */
    const char *text;  /* the record as received (the SNS Message, or the raw body) */
    size_t len;
} ctx;

static wh_event *ses_add(wh_result *res, const ctx *c, mtrk_event_type t, json_t *sub, const char *feedback,
                         size_t pos, const char *recipient)
{
    /* The record's text as received is each of its events' original
     * object (copied, not serialized again: that took about a tenth of a
     * notification's recording). */
    wh_event *ev = wh_event_add_text(res, c->text, c->len);
    if (ev == NULL)
        return NULL;
    wh_map(ev, c->type, t);
    ses_mid(ev, c->mail);
    wh_set_str(&ev->provider_message_id, ev, c->mail, "messageId");
    if (recipient != NULL)
        ev->recipient = wh_strdup(recipient);
    if (sub != NULL && json_object_get(sub, "timestamp") != NULL)
        wh_set_time(ev, sub, "timestamp", WH_ISO8601);
    else
        wh_set_time(ev, c->mail, "timestamp", WH_ISO8601);
    char num[24];
    snprintf(num, sizeof num, "%zu", pos);
    const char *base = feedback ? feedback : c->id;
    if (base != NULL) {
        char *k = wh_join(base, ":", num);
        ev->key = k;
    } else {
        wh_key_from_object(ev, c->rec); /* over the record's compact JSON, whatever its spacing */
    }
    return ev;
}

/* One event per element of sub[listkey] (objects with emailAddress, or strings). */
static void ses_per_recipient(wh_result *res, const ctx *c, mtrk_event_type t, json_t *sub, const char *listkey,
                              void (*fill)(wh_event *, json_t *sub, json_t *elem))
{
    json_t *list = json_object_get(sub, listkey);
    const char *fb = json_is_string(json_object_get(sub, "feedbackId"))
                         ? json_string_value(json_object_get(sub, "feedbackId"))
                         : NULL;
    if (!json_is_array(list) || json_array_size(list) == 0) {
        wh_event *ev = ses_add(res, c, t, sub, fb, 0, NULL);
        if (ev)
            wh_event_fail(ev, "%s: '%s' is missing or empty", c->type, listkey);
        return;
    }
    size_t i;
    json_t *r;
    json_array_foreach(list, i, r) {
        const char *addr = json_is_string(r) ? json_string_value(r)
                           : json_is_string(json_object_get(r, "emailAddress"))
                               ? json_string_value(json_object_get(r, "emailAddress"))
                               : NULL;
        wh_event *ev = ses_add(res, c, t, sub, fb, i, addr);
        if (ev == NULL)
            return;
        if (addr == NULL)
            wh_event_fail(ev, "%s: recipient %zu has no address", c->type, i);
        if (fill)
            fill(ev, sub, r);
    }
}

static void fill_bounce(wh_event *ev, json_t *b, json_t *r)
{
    wh_set_str(&ev->bounce_type, ev, b, "bounceType");
    wh_set_str(&ev->bounce_subtype, ev, b, "bounceSubType");
    wh_set_str(&ev->enhanced_status, ev, r, "status");
    wh_set_str(&ev->diagnostic, ev, r, "diagnosticCode");
    /* "smtp; 550 5.1.1 user unknown": the reply code follows the type. */
    const char *d = ev->diagnostic;
    if (d != NULL && strncasecmp(d, "smtp;", 5) == 0)
        d += 5;
    wh_parse_smtp(ev, d);
    ev->bounce_kind = wh_bounce_kind("ses", ev->bounce_type, ev->bounce_subtype, ev->smtp_code, ev->enhanced_status);
}

static void fill_delay(wh_event *ev, json_t *d, json_t *r)
{
    wh_set_str(&ev->bounce_type, ev, d, "delayType");
    wh_set_str(&ev->enhanced_status, ev, r, "status");
    wh_set_str(&ev->diagnostic, ev, r, "diagnosticCode");
    const char *t = ev->diagnostic;
    if (t != NULL && strncasecmp(t, "smtp;", 5) == 0)
        t += 5;
    wh_parse_smtp(ev, t);
    /* A delay is not a bounce: its type is kept as the provider's, no kind. */
}

static void fill_delivery(wh_event *ev, json_t *d, json_t *r)
{
    (void)r;
    wh_set_str(&ev->diagnostic, ev, d, "smtpResponse");
    wh_parse_smtp(ev, ev->diagnostic);
    wh_set_str(&ev->ip, ev, d, "remoteMtaIp");
}

static void fill_complaint(wh_event *ev, json_t *c, json_t *r)
{
    (void)r;
    wh_set_str(&ev->user_agent, ev, c, "userAgent");
    wh_set_str(&ev->bounce_subtype, ev, c, "complaintFeedbackType");
}

static void ses_record(wh_result *res, json_t *rec, const char *text, size_t len, const char *sns_id)
{
    ctx c = { rec, json_object_get(rec, "mail"), NULL, sns_id, text, len };
    json_t *tv = json_object_get(rec, "eventType");
    if (tv == NULL)
        tv = json_object_get(rec, "notificationType");
    if (!json_is_string(tv) || !json_is_object(c.mail)) {
        wh_event *ev = wh_event_add(res, rec);
        if (ev == NULL)
            return;
        wh_event_fail(ev, "SES record without %s",
                      json_is_string(tv) ? "its 'mail' object" : "'eventType' or 'notificationType'");
        if (sns_id)
            ev->key = wh_join(sns_id, ":", "0");
        return;
    }
    c.type = json_string_value(tv);
    const char *t = c.type;
    json_t *dest = json_object_get(c.mail, "destination");
    const char *to = json_is_array(dest) && json_is_string(json_array_get(dest, 0))
                         ? json_string_value(json_array_get(dest, 0))
                         : NULL;
    wh_event *ev;
    if (strcmp(t, "Bounce") == 0) {
        ses_per_recipient(res, &c, MTRK_EV_BOUNCE, json_object_get(rec, "bounce"), "bouncedRecipients", fill_bounce);
    } else if (strcmp(t, "Complaint") == 0) {
        ses_per_recipient(res, &c, MTRK_EV_COMPLAINT, json_object_get(rec, "complaint"), "complainedRecipients",
                          fill_complaint);
    } else if (strcmp(t, "Delivery") == 0) {
        ses_per_recipient(res, &c, MTRK_EV_DELIVERED, json_object_get(rec, "delivery"), "recipients", fill_delivery);
    } else if (strcmp(t, "DeliveryDelay") == 0) {
        ses_per_recipient(res, &c, MTRK_EV_DEFERRED, json_object_get(rec, "deliveryDelay"), "delayedRecipients",
                          fill_delay);
    } else if (strcmp(t, "Send") == 0) {
        ses_add(res, &c, MTRK_EV_SENT, NULL, NULL, 0, to);
    } else if (strcmp(t, "Reject") == 0) {
        if ((ev = ses_add(res, &c, MTRK_EV_BOUNCE, NULL, NULL, 0, to)) != NULL) {
            ev->bounce_type = wh_strdup("Reject");
            wh_set_str(&ev->diagnostic, ev, json_object_get(rec, "reject"), "reason");
            ev->bounce_kind = wh_bounce_kind("ses", "Reject", NULL, 0, NULL);
        }
    } else if (strcmp(t, "Rendering Failure") == 0) {
        if ((ev = ses_add(res, &c, MTRK_EV_BOUNCE, NULL, NULL, 0, to)) != NULL) {
            ev->bounce_type = wh_strdup("RenderingFailure");
            wh_set_str(&ev->bounce_subtype, ev, json_object_get(rec, "failure"), "templateName");
            wh_set_str(&ev->diagnostic, ev, json_object_get(rec, "failure"), "errorMessage");
            ev->bounce_kind = wh_bounce_kind("ses", "RenderingFailure", NULL, 0, NULL);
        }
    } else if (strcmp(t, "Open") == 0 || strcmp(t, "Click") == 0) {
        int click = t[0] == 'C';
        json_t *sub = json_object_get(rec, click ? "click" : "open");
        if ((ev = ses_add(res, &c, click ? MTRK_EV_CLICK : MTRK_EV_OPEN, sub, NULL, 0, to)) != NULL) {
            wh_set_str(&ev->ip, ev, sub, "ipAddress");
            wh_set_str(&ev->user_agent, ev, sub, "userAgent");
            if (click)
                wh_set_str(&ev->url, ev, sub, "link");
            if (!json_is_object(sub))
                wh_event_fail(ev, "%s: '%s' object missing", t, click ? "click" : "open");
        }
    } else if (strcmp(t, "Subscription") == 0) {
        json_t *sub = json_object_get(rec, "subscription");
        json_t *prefs = json_object_get(sub, "newTopicPreferences");
        int all = json_is_true(json_object_get(prefs, "unsubscribeAll"));
        const char *opted_out = NULL;
        size_t i;
        json_t *tp;
        json_array_foreach(json_object_get(prefs, "topicSubscriptionStatus"), i, tp) {
            json_t *st = json_object_get(tp, "subscriptionStatus"), *nm = json_object_get(tp, "topicName");
            if (json_is_string(st) && strcmp(json_string_value(st), "OptOut") == 0 && json_is_string(nm) &&
                opted_out == NULL)
                opted_out = json_string_value(nm);
        }
        mtrk_event_type mt = all || opted_out ? MTRK_EV_UNSUBSCRIBE : 0; /* an opt-in is a resubscribe: unmapped */
        if ((ev = ses_add(res, &c, mt, sub, NULL, 0, to)) != NULL) {
            if (all) {
                ev->unsub_scope = MTRK_UNSUB_GLOBAL;
            } else if (opted_out) {
                ev->unsub_scope = MTRK_UNSUB_AUDIENCE;
                const char *list = json_is_string(json_object_get(sub, "contactList"))
                                       ? json_string_value(json_object_get(sub, "contactList"))
                                       : "";
                ev->unsub_list = wh_join(list, "/", opted_out);
            }
        }
    } else {
        /* AmazonSnsSubscriptionSucceeded and any later type: kept, unmapped. */
        ses_add(res, &c, 0, NULL, NULL, 0, to);
    }
}

static int ses_parse(const wh_request *req, wh_result *res)
{
    json_t *env = wh_json_load(req->body, req->len, res, "SNS body");
    if (env == NULL)
        return -1;
    if (!json_is_object(env)) {
        json_decref(env);
        return wh_fail(res, WH_MALFORMED, "SNS body is not a JSON object");
    }
    json_t *tv = json_object_get(env, "Type");
    if (tv == NULL && (json_object_get(env, "eventType") || json_object_get(env, "notificationType"))) {
        /* Raw message delivery: the SES record without the signed envelope. */
        if (!(req->secrets && req->secrets->allow_unsigned)) {
            json_decref(env);
            return wh_fail(res, WH_SIGNATURE_REFUSED,
                           "SES record without its SNS envelope (raw message delivery) carries no signature");
        }
        ses_record(res, env, req->body, req->len, NULL);
        json_decref(env);
        return 0;
    }
    if (!json_is_string(tv)) {
        json_decref(env);
        return wh_fail(res, WH_MALFORMED, "SNS body has no 'Type'");
    }
    const char *type = json_string_value(tv);
    const char *hdr = wh_header_get(req, "x-amz-sns-message-type");
    if (hdr != NULL && strcmp(hdr, type) != 0) {
        wh_fail(res, WH_MALFORMED, "header x-amz-sns-message-type '%.40s' differs from the body's Type '%.40s'", hdr,
                type);
        json_decref(env); /* type points into env */
        return -1;
    }
    int rc = 0;
    if (strcmp(type, "Notification") == 0 || strcmp(type, "SubscriptionConfirmation") == 0 ||
        strcmp(type, "UnsubscribeConfirmation") == 0)
        rc = sns_verify(env, type, req, res);
    else
        rc = wh_fail(res, WH_MALFORMED, "SNS Type '%.40s' is not a notification or a confirmation", type);
    if (rc != 0) {
        json_decref(env);
        return -1;
    }
    if (strcmp(type, "SubscriptionConfirmation") == 0) {
        json_t *u = json_object_get(env, "SubscribeURL");
        const char *path;
        /* The host visits it: only an SNS endpoint, never a URL of the sender's choosing. */
        if (!json_is_string(u) || !sns_url_ok(json_string_value(u), &path)) {
            json_decref(env);
            return wh_fail(res, WH_MALFORMED,
                           "SNS SubscribeURL is missing or not https://sns.<region>.amazonaws.com/...");
        }
        res->confirm_url = wh_strdup(json_string_value(u));
        wh_fail(res, WH_CONFIRM, "SNS subscription to confirm: visit SubscribeURL");
        json_decref(env);
        return 0;
    }
    if (strcmp(type, "UnsubscribeConfirmation") == 0) {
        snprintf(res->message, sizeof res->message, "SNS unsubscribe confirmation: no event");
        json_decref(env);
        return 0;
    }
    json_t *msg = json_object_get(env, "Message");
    json_t *id = json_object_get(env, "MessageId");
    if (!json_is_string(msg) || !json_is_string(id)) {
        wh_fail(res, WH_MALFORMED, "SNS notification without its %s", json_is_string(id) ? "Message" : "MessageId");
        json_decref(env); /* msg and id point into env */
        return -1;
    }
    json_t *rec = wh_json_load(json_string_value(msg), json_string_length(msg), res, "SNS Message");
    if (rec == NULL) {
        json_decref(env);
        return -1;
    }
    if (!json_is_object(rec)) {
        json_decref(rec);
        json_decref(env);
        return wh_fail(res, WH_MALFORMED, "SNS Message is not a JSON object (not an SES record)");
    }
    ses_record(res, rec, json_string_value(msg), json_string_length(msg), json_string_value(id));
    json_decref(rec);
    json_decref(env);
    return 0;
}

const wh_adapter wh_ses = { "ses", NULL, ses_parse };
