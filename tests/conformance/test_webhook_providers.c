/*
 * Every provider's sample payloads (tests/webhook/samples.h, written after
 * each provider's documentation) through the public call, on every backend.
 * The contract, per provider:
 *
 *  1. Each event of its main types (delivered, open, click, bounce,
 *     complaint, unsubscribe, where the provider has them) is recorded
 *     against the message whose mid it echoes, with the provider's type
 *     mapped, its own time, its idempotency key (the provider's event id, or
 *     a derived "sha256:" key), the provider's message id, a click's link
 *     matched in the campaign's catalogue, a bounce's hard or soft, a
 *     provider's machine flag as a machine verdict and an unsubscribe's scope
 *     (a provider's own list or group holds for the message's campaign).
 *  2. An event type mtrk does not model is dead-lettered, not recorded.
 *  3. Posting the same requests again records nothing twice: every event is
 *     a duplicate (a dead letter's retry included) and the message's events
 *     are those of the first posting.
 *
 * Signatures are the per-provider tests' part (tests/webhook): the requests
 * here are unsigned, the tenant accepting them (allow_unsigned).
 */
#include "conf_util.h"

#include "../webhook/samples.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct ev_want {
    mtrk_event_type type;   /* 0: an unmapped type, dead-lettered */
    const char *key;        /* the provider's event id; NULL: a derived "sha256:" key */
    mtrk_time at;           /* when it happened */
    const char *pmid;       /* the provider's message id recorded */
    int link;               /* clicks: the catalogue link clicked (index into urls) */
    mtrk_bounce_kind bounce; /* bounces: hard or soft */
    int machine;            /* opens and clicks: flagged as a machine by the provider */
    mtrk_unsub_scope scope; /* unsubscribes: the rule's scope */
} ev_want;

#define MAXW 24

typedef struct provider_case {
    const char *provider;
    const char *urls[2];     /* the campaign's links, at positions 0 and 1 */
    const char *bodies[10];  /* requests, each as the provider posts it */
    int form;                /* 1: the JSON goes as Mandrill's form field mandrill_events */
    ev_want want[MAXW];      /* every event of the requests, in order; ended by at == 0 */
} provider_case;

#define SG_T INT64_C(1513299569000)
#define SG_PM "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.000000000000000000000"
#define SES_PM "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000"
#define MG_T INT64_C(1529006854329)
#define PM_T INT64_C(1572971634907)
#define SP_T INT64_C(1460989507000)
#define SP_PM "000443ee14578172be22"
#define BR_T INT64_C(1604933619123)
#define BR_PM "<201798300811.5787683@relay.domain.com>"
#define MJ_T INT64_C(1433333949000)
#define MJ_PM "19421777835146490"
#define RS_T INT64_C(1732318872126)
#define RS_PM "56761188-7520-42d8-8898-ff6fc54ce618"
#define MD_T INT64_C(1384954004000)
#define MD_PM "exampleaaaaaaaaaaaaaaaaaaaaaaaaa"
#define MS_T INT64_C(1652704224123)
#define MS_PM "628247bc3b2e2f2fc0a3fb37"
#define PO_T INT64_C(1477945177129)
#define PO_PM "5817a64332f44_4ec93ff59e79d154565eb@app34.mail"
#define H MTRK_BOUNCE_HARD
#define S MTRK_BOUNCE_SOFT
#define G MTRK_UNSUB_GLOBAL
#define C MTRK_UNSUB_CAMPAIGN
#define MG(ed) "{\"event-data\":" ed "}"

static const provider_case cases[] = {
    { "sendgrid", { "http://www.sendgrid.com/", NULL }, { SENDGRID_ALL_EVENTS }, 0,
      { { MTRK_EV_SENT, "rbtnWrG1DVDGGGFHFyun0A==", SG_T, SG_PM, 0, 0, 0, 0 },
        { MTRK_EV_DEFERRED, "t7LEShmowp86DTdUW8M-GQ==", SG_T, SG_PM, 0, 0, 0, 0 },
        { MTRK_EV_DELIVERED, "rWVYmVk90MjZJ9iohOBa3w==", SG_T, SG_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, "FOTFFO0ecsBE-zxFXfs6WA==", SG_T, SG_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, "machine-open-1", SG_T + 1000, "14c5d75ce93.dfd.64b469.filter0001", 0, 0, 1, 0 },
        { MTRK_EV_CLICK, "kCAi1KttyQdEKHhdC-nuEA==", SG_T, SG_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, "6g4ZI7SA-xmRDv57GoPIPw==", SG_T, SG_PM, 0, H, 0, 0 },
        { MTRK_EV_BOUNCE, "blocked-1", SG_T, "14c5d75ce93.dfd", 0, S, 0, 0 },
        { MTRK_EV_BOUNCE, "zmzJhfJgAfUSOW80yEbPyw==", SG_T, SG_PM, 0, H, 0, 0 },
        { MTRK_EV_COMPLAINT, "37nvH5QBz858KGVYCM4uOA==", SG_T, SG_PM, 0, 0, 0, 0 },
        { MTRK_EV_UNSUBSCRIBE, "zz_BjPgU_5pS-J8vlfB1sg==", SG_T, SG_PM, 0, 0, 0, G },
        { MTRK_EV_UNSUBSCRIBE, "ahSCB7xYcXFb-hEaawsPRw==", SG_T, SG_PM, 0, 0, 0, C },
        { 0, "w_u0vJhLT-OFfprar5N93g==", SG_T, NULL, 0, 0, 0, 0 },
        { 0, "MjIzNDQ2NTktNmE4Ni00MTQ1LWI2ZDMtMzE5NjU1N2U4ZGU3", INT64_C(1709142428000), NULL, 0, 0, 0, 0 } } },
    { "ses", { "http://docs.aws.amazon.com/ses/latest/DeveloperGuide/send-email-smtp.html", NULL },
      { SES_DELIVERY, SES_OPEN, SES_CLICK, SES_BOUNCE, SES_COMPLAINT, SES_SUBSCRIPTION }, 0,
      { { MTRK_EV_DELIVERED, NULL, INT64_C(1476919264133), SES_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, NULL, INT64_C(1502316019652), SES_PM, 0, 0, 0, 0 },
        { MTRK_EV_CLICK, NULL, INT64_C(1502322685570), SES_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000:0", INT64_C(1501893662669),
          SES_PM, 0, H, 0, 0 },
        { MTRK_EV_BOUNCE, "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000:1", INT64_C(1501893662669),
          SES_PM, 0, S, 0, 0 },
        { MTRK_EV_BOUNCE, "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000:2", INT64_C(1501893662669),
          SES_PM, 0, S, 0, 0 },
        { MTRK_EV_COMPLAINT, "0100015e-complaint:0", INT64_C(1501893662669), SES_PM, 0, 0, 0, 0 },
        { MTRK_EV_UNSUBSCRIBE, NULL, INT64_C(1641949217910), SES_PM, 0, 0, 0, G } } },
    { "mailgun", { "https://example.com/landing?x=1", NULL },
      { MG(MAILGUN_DELIVERED), MG(MAILGUN_FAILED), MG(MAILGUN_OPENED), MG(MAILGUN_OPENED_2), MG(MAILGUN_CLICKED),
        MG(MAILGUN_UNSUBSCRIBED), MG(MAILGUN_COMPLAINED), MG(MAILGUN_STORED) },
      0,
      { { MTRK_EV_DELIVERED, "W3X4JOhFT-OZidZGKKr9iA", MG_T, MAILGUN_MSGID, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, "G9Bn5sl1TC6nu79C8C0bwg", MG_T, MAILGUN_MSGID, 0, H, 0, 0 },
        { MTRK_EV_OPEN, "Ase7i2zsRYeDXztHGENqRA", MG_T, MAILGUN_MSGID, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, "bot-open", MG_T, MAILGUN_MSGID, 0, 0, 1, 0 },
        { MTRK_EV_CLICK, "Ase7i2zsRYeDXztHGENqRB", MG_T, MAILGUN_MSGID, 0, 0, 0, 0 },
        { MTRK_EV_UNSUBSCRIBE, "Ase7i2zsRYeDXztHGENqRC", MG_T, MAILGUN_MSGID, 0, 0, 0, G },
        { MTRK_EV_COMPLAINT, "ncV2XwymRUKbPek_MIM-Gw", MG_T, MAILGUN_MSGID, 0, 0, 0, 0 },
        { 0, "czsjqFATSlC3QtAK-C80nw", MG_T, NULL, 0, 0, 0, 0 } } },
    { "postmark", { "https://example.com", NULL },
      { POSTMARK_DELIVERY, POSTMARK_BOUNCE, POSTMARK_SPAMCOMPLAINT, POSTMARK_OPEN, POSTMARK_CLICK,
        POSTMARK_SUBSCRIPTIONCHANGE, POSTMARK_BOUNCE_3 },
      0,
      { { MTRK_EV_DELIVERED, NULL, PM_T, POSTMARK_MSGID, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, "4323372036854775807", PM_T, POSTMARK_MSGID, 0, H, 0, 0 },
        { MTRK_EV_COMPLAINT, "42", PM_T, POSTMARK_MSGID, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, NULL, PM_T, POSTMARK_MSGID, 0, 0, 0, 0 },
        { MTRK_EV_CLICK, NULL, PM_T, POSTMARK_MSGID, 0, 0, 0, 0 },
        { MTRK_EV_UNSUBSCRIBE, NULL, PM_T, POSTMARK_MSGID, 0, 0, 0, C },
        { 0, "43", PM_T, NULL, 0, 0, 0, 0 } } },
    { "sparkpost", { "http://example.com", "http://example.com/amp" }, { SPARKPOST_BATCH }, 0,
      { { MTRK_EV_SENT, "1", SP_T, SP_PM, 0, 0, 0, 0 },
        { MTRK_EV_DELIVERED, "2", SP_T, SP_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, "3", SP_T, SP_PM, 0, H, 0, 0 },
        { MTRK_EV_BOUNCE, "4", SP_T, SP_PM, 0, H, 0, 0 }, /* class 21, DNS failure: host_unknown */
        { MTRK_EV_DEFERRED, "5", SP_T, SP_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, "6", SP_T, SP_PM, 0, H, 0, 0 },
        { MTRK_EV_BOUNCE, "7", SP_T, SP_PM, 0, S, 0, 0 },
        { MTRK_EV_COMPLAINT, "8", SP_T, SP_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, "9", SP_T, SP_PM, 0, S, 0, 0 },
        { MTRK_EV_BOUNCE, "10", SP_T, SP_PM, 0, S, 0, 0 },
        { MTRK_EV_OPEN, "11", SP_T, SP_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, "12", SP_T, SP_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, "13", SP_T, SP_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, "14", SP_T, SP_PM, 0, 0, 0, 0 },
        { MTRK_EV_CLICK, "15", SP_T, SP_PM, 0, 0, 0, 0 },
        { MTRK_EV_CLICK, "16", SP_T, SP_PM, 1, 0, 0, 0 },
        { MTRK_EV_UNSUBSCRIBE, "17", SP_T, SP_PM, 0, 0, 0, G },
        { MTRK_EV_UNSUBSCRIBE, "18", SP_T, SP_PM, 0, 0, 0, G },
        { 0, "19", SP_T, NULL, 0, 0, 0, 0 } } },
    { "brevo", { "https://domain.com/landing", NULL },
      { BREVO_DELIVERED, BREVO_SOFT_BOUNCE, BREVO_HARD_BOUNCE, BREVO_SPAM, BREVO_OPENED, BREVO_PROXY_OPEN,
        BREVO_CLICK, BREVO_UNSUBSCRIBED, BREVO_UNIQUE_OPENED },
      0,
      { { MTRK_EV_DELIVERED, NULL, BR_T, BR_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, NULL, BR_T, BR_PM, 0, S, 0, 0 },
        { MTRK_EV_BOUNCE, NULL, BR_T, BR_PM, 0, H, 0, 0 },
        { MTRK_EV_COMPLAINT, NULL, BR_T, BR_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, NULL, BR_T, BR_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, NULL, BR_T, BR_PM, 0, 0, 1, 0 },
        { MTRK_EV_CLICK, NULL, BR_T, BR_PM, 0, 0, 0, 0 },
        { MTRK_EV_UNSUBSCRIBE, NULL, BR_T, BR_PM, 0, 0, 0, G },
        { 0, NULL, BR_T, NULL, 0, 0, 0, 0 } } },
    { "mailjet", { "https://mailjet.com", NULL },
      { MAILJET_SENT, MAILJET_OPEN, MAILJET_CLICK, MAILJET_BOUNCE, MAILJET_BOUNCE_2, MAILJET_SPAM, MAILJET_UNSUB,
        MAILJET_UNSUB_2 },
      0,
      { { MTRK_EV_DELIVERED, NULL, MJ_T, MJ_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, NULL, MJ_T, MJ_PM, 0, 0, 0, 0 },
        { MTRK_EV_CLICK, NULL, MJ_T, MJ_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, NULL, MJ_T, MJ_PM, 0, H, 0, 0 },
        { MTRK_EV_BOUNCE, NULL, MJ_T, MJ_PM, 0, S, 0, 0 },
        { MTRK_EV_COMPLAINT, NULL, MJ_T, MJ_PM, 0, 0, 0, 0 },
        { MTRK_EV_UNSUBSCRIBE, NULL, MJ_T, MJ_PM, 0, 0, 0, C },
        { MTRK_EV_UNSUBSCRIBE, NULL, MJ_T, MJ_PM, 0, 0, 0, G } } },
    { "resend", { "https://resend.com", NULL },
      { RESEND_EMAIL_DELIVERED, RESEND_EMAIL_BOUNCED, RESEND_EMAIL_COMPLAINED, RESEND_EMAIL_OPENED,
        RESEND_EMAIL_CLICKED, RESEND_EMAIL_SCHEDULED },
      0,
      { { MTRK_EV_DELIVERED, NULL, RS_T, RS_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, NULL, RS_T, RS_PM, 0, H, 0, 0 },
        { MTRK_EV_COMPLAINT, NULL, RS_T, RS_PM, 0, 0, 0, 0 },
        { MTRK_EV_OPEN, NULL, RS_T, RS_PM, 0, 0, 0, 0 },
        { MTRK_EV_CLICK, NULL, RS_T, RS_PM, 0, 0, 0, 0 },
        { 0, NULL, RS_T, NULL, 0, 0, 0, 0 } } },
    { "mandrill", { "http://mandrill.com", NULL }, { MANDRILL_EVENTS }, 1,
      { { MTRK_EV_SENT, NULL, MD_T, MD_PM, 0, 0, 0, 0 },
        { MTRK_EV_DEFERRED, NULL, MD_T, MD_PM "1", 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, NULL, MD_T, MD_PM "2", 0, H, 0, 0 },
        { MTRK_EV_BOUNCE, NULL, MD_T, MD_PM "3", 0, S, 0, 0 },
        { MTRK_EV_OPEN, NULL, MD_T, MD_PM "4", 0, 0, 0, 0 },
        { MTRK_EV_CLICK, NULL, MD_T, MD_PM "5", 0, 0, 0, 0 },
        { MTRK_EV_COMPLAINT, NULL, MD_T, MD_PM "6", 0, 0, 0, 0 },
        { MTRK_EV_UNSUBSCRIBE, NULL, MD_T, MD_PM "7", 0, 0, 0, G },
        { MTRK_EV_BOUNCE, NULL, MD_T, MD_PM "8", 0, S, 0, 0 },
        { 0, NULL, MD_T, NULL, 0, 0, 0, 0 },
        { 0, NULL, MD_T, NULL, 0, 0, 0, 0 } } },
    { "mailersend", { "https://www.mailersend.com", NULL },
      { MAILERSEND_ACTIVITY_DELIVERED, MAILERSEND_ACTIVITY_SOFT_BOUNCED, MAILERSEND_ACTIVITY_HARD_BOUNCED,
        MAILERSEND_ACTIVITY_OPENED, MAILERSEND_ACTIVITY_CLICKED, MAILERSEND_ACTIVITY_UNSUBSCRIBED,
        MAILERSEND_ACTIVITY_SPAM_COMPLAINT, MAILERSEND_ACTIVITY_OPENED_UNIQUE },
      0,
      { { MTRK_EV_DELIVERED, "a2", MS_T, MS_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, "a3", MS_T, MS_PM, 0, S, 0, 0 },
        { MTRK_EV_BOUNCE, "a4", MS_T, MS_PM, 0, H, 0, 0 },
        { MTRK_EV_OPEN, "a5", MS_T, MS_PM, 0, 0, 0, 0 },
        { MTRK_EV_CLICK, "a7", MS_T, MS_PM, 0, 0, 0, 0 },
        { MTRK_EV_UNSUBSCRIBE, "a9", MS_T, MS_PM, 0, 0, 0, G },
        { MTRK_EV_COMPLAINT, "a10", MS_T, MS_PM, 0, 0, 0, 0 },
        { 0, "a6", MS_T, NULL, 0, 0, 0, 0 } } },
    { "postal", { "https://atech.media", NULL },
      { POSTAL_MESSAGESENT, POSTAL_MESSAGEDELIVERYFAILED, POSTAL_MESSAGEBOUNCED, POSTAL_MESSAGELOADED,
        POSTAL_MESSAGELINKCLICKED, POSTAL_DOMAINDNSERROR },
      0,
      { { MTRK_EV_DELIVERED, "u1", PO_T, PO_PM, 0, 0, 0, 0 },
        { MTRK_EV_BOUNCE, "u3", PO_T, PO_PM, 0, H, 0, 0 },
        { MTRK_EV_BOUNCE, "u5", PO_T, PO_PM, 0, H, 0, 0 },
        { MTRK_EV_OPEN, "u7", PO_T, PO_PM, 0, 0, 0, 0 },
        { MTRK_EV_CLICK, "u6", PO_T, PO_PM, 0, 0, 0, 0 },
        { 0, "u8", PO_T, NULL, 0, 0, 0, 0 } } },
};

/* s with every MID1 replaced by mid (the same length), malloc'd. */
static char *with_mid(const char *s, mtrk_id mid)
{
    char ms[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(ms, mid);
    assert_int_equal(strlen(ms), strlen(MID1));
    char *out = strdup(s);
    assert_non_null(out);
    for (char *p = strstr(out, MID1); p != NULL; p = strstr(p + 1, MID1))
        memcpy(p, ms, strlen(ms));
    return out;
}

/* Mandrill posts its JSON as the form field mandrill_events. */
static char *as_form(const char *json)
{
    char *out = malloc(strlen(json) * 3 + 32), *o = out;
    assert_non_null(out);
    o += sprintf(o, "mandrill_events=");
    for (const unsigned char *s = (const unsigned char *)json; *s; s++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-' ||
            *s == '_' || *s == '.')
            *o++ = (char)*s;
        else
            o += sprintf(o, "%%%02X", *s);
    }
    *o = '\0';
    return out;
}

static mtrk_webhook_result *post(mtrk_tenant *t, const provider_case *c, size_t b, mtrk_id mid)
{
    char *body = with_mid(c->bodies[b], mid);
    if (c->form) {
        char *f = as_form(body);
        free(body);
        body = f;
    }
    mtrk_webhook_request rq;
    CONF_OK(mtrk_webhook_request_init(&rq, MTRK_WEBHOOK_REQUEST_VERSION));
    rq.provider = c->provider;
    rq.body = body;
    rq.len = strlen(body);
    mtrk_webhook_result *r = NULL;
    CONF_OK(mtrk_webhook_ingest(&r, t, &rq));
    free(body);
    if (r->verdict != MTRK_WEBHOOK_ACCEPTED)
        fail_msg("%s request %zu: %s: %s", c->provider, b, mtrk_webhook_verdict_name(r->verdict), r->message);
    return r;
}

/* The stored event of mid whose provider event id is key (asserted to exist). */
static void stored_event(mtrk_tenant *t, mtrk_id mid, const char *key, mtrk_event_info *out, char *strs[3])
{
    mtrk_event_iter *it = NULL;
    CONF_OK(mtrk_event_iter_message(&it, t, mid));
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    int found = 0, rc;
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        if (e.provider_event_id == NULL || strcmp(e.provider_event_id, key) != 0)
            continue;
        assert_false(found);
        found = 1;
        *out = e;
        strs[0] = e.provider ? strdup(e.provider) : NULL;
        strs[1] = e.provider_message_id ? strdup(e.provider_message_id) : NULL;
        strs[2] = e.verdict_reason ? strdup(e.verdict_reason) : NULL;
    }
    assert_int_equal(rc, MTRK_ITEROVER);
    mtrk_event_iter_free(it);
    if (!found)
        fail_msg("no stored event has the key %s", key);
}

static void check_provider(mtrk_tenant *t, const provider_case *c)
{
    /* A campaign whose links are the sample's clicked URLs, one message. */
    char name[64];
    snprintf(name, sizeof name, "%s samples", c->provider);
    mtrk_id campaign = conf_campaign_new(t, name);
    mtrk_id links[2] = { { { 0 } }, { { 0 } } };
    for (size_t i = 0; i < 2 && c->urls[i]; i++)
        links[i] = conf_link_new(t, campaign, c->urls[i], (uint32_t)i);
    mtrk_id aud = conf_audience_new(t, c->provider);
    snprintf(name, sizeof name, "%s@example.com", c->provider);
    mtrk_id contact = conf_contact_new(t, name);
    conf_member(t, aud, contact);
    conf_attach(t, campaign, aud);
    conf_campaign_to(t, campaign, MTRK_CAMPAIGN_SENDING);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    CONF_OK(mtrk_campaign_generate(&rep, t, campaign));
    mtrk_id mid = conf_msg_of(t, campaign, contact).mid;
    mtrk_webhook_settings set;
    CONF_OK(mtrk_webhook_settings_init(&set, MTRK_WEBHOOK_SETTINGS_VERSION));
    set.allow_unsigned = 1;
    CONF_OK(mtrk_webhook_settings_set(t, c->provider, &set));
    size_t before = conf_count_message_events(t, mid);
    size_t w = 0, recorded = 0, nwant = 0;
    while (nwant < MAXW && c->want[nwant].at != 0)
        nwant++;
    for (size_t b = 0; b < 10 && c->bodies[b]; b++) {
        mtrk_webhook_result *r = post(t, c, b, mid);
        for (size_t i = 0; i < r->n; i++, w++) {
            if (w >= nwant)
                fail_msg("%s: more events than expected (request %zu, event %zu: %s)", c->provider, b, i,
                         r->events[i]->provider_type);
            const ev_want *x = &c->want[w];
            const mtrk_webhook_event *e = r->events[i];
            const mtrk_event_outcome *o = r->outcomes[i];
            if (o->status != 0)
                fail_msg("%s event %zu (%s): %s", c->provider, w, e->provider_type, o->message ? o->message : "");
            assert_non_null(e->key);
            if (x->key != NULL)
                assert_string_equal(e->key, x->key);
            else if (strncmp(e->key, "sha256:", 7) != 0)
                fail_msg("%s event %zu: key %s is not a derived key", c->provider, w, e->key);
            assert_int_equal(e->occurred_at, x->at);
            if (x->type == 0) {
                /* Unmapped: kept aside, not recorded. */
                assert_int_equal(e->type, 0);
                assert_int_equal(o->dead_lettered, 1);
                assert_non_null(strstr(o->message, "unmapped"));
                continue;
            }
            assert_int_equal(o->dead_lettered, 0);
            assert_int_equal(o->duplicate, 0);
            assert_int_equal(e->type, x->type);
            CONF_ID_EQ(e->mid, mid);
            recorded++;
            mtrk_event_info got;
            char *strs[3] = { NULL, NULL, NULL };
            stored_event(t, mid, e->key, &got, strs);
            CONF_ID_EQ(got.id, o->event_id);
            assert_int_equal(got.type, x->type);
            CONF_ID_EQ(got.mid, mid);
            CONF_ID_EQ(got.campaign, campaign);
            assert_int_equal(got.occurred_at, x->at);
            assert_string_equal(strs[0], c->provider);
            if (x->pmid)
                assert_string_equal(strs[1], x->pmid);
            else
                assert_null(strs[1]);
            if (x->type == MTRK_EV_CLICK) {
                CONF_ID_EQ(got.lid, links[x->link]);
                CONF_ID_EQ(e->lid, links[x->link]);
            } else {
                assert_true(mtrk_id_is_nil(got.lid));
            }
            assert_int_equal(got.bounce_kind, x->type == MTRK_EV_BOUNCE ? x->bounce : MTRK_BOUNCE_NONE);
            if (x->type == MTRK_EV_OPEN || x->type == MTRK_EV_CLICK) {
                assert_int_equal(got.verdict, x->machine ? MTRK_VERDICT_MACHINE : MTRK_VERDICT_HUMAN);
                if (x->machine)
                    assert_non_null(strs[2]);
            }
            if (x->type == MTRK_EV_UNSUBSCRIBE)
                assert_int_equal(got.unsub_scope, x->scope);
            for (int k = 0; k < 3; k++)
                free(strs[k]);
        }
        mtrk_webhook_result_free(r);
    }
    assert_int_equal(w, nwant);
    size_t after = conf_count_message_events(t, mid);
    assert_int_equal(after, before + recorded);

    /* The same requests again: nothing twice. */
    for (size_t b = 0; b < 10 && c->bodies[b]; b++) {
        mtrk_webhook_result *r = post(t, c, b, mid);
        assert_int_equal(r->recorded, 0);
        assert_int_equal(r->duplicates, r->n);
        assert_int_equal(r->refused + r->conflicts, 0);
        mtrk_webhook_result_free(r);
    }
    assert_int_equal(conf_count_message_events(t, mid), after);
}

static const provider_case *find(const char *provider)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(cases[i].provider, provider) == 0)
            return &cases[i];
    fail_msg("no case for %s", provider);
    return NULL;
}

/* One test per provider, so that a failure names it. */
#define PROVIDER_TEST(p)                                                                                    \
    static void p##_payloads_are_recorded_field_by_field_once(void **state)                                \
    {                                                                                                       \
        conf_fixture *fx = *state;                                                                          \
        check_provider(fx->t, find(#p));                                                                    \
    }
PROVIDER_TEST(sendgrid)
PROVIDER_TEST(ses)
PROVIDER_TEST(mailgun)
PROVIDER_TEST(postmark)
PROVIDER_TEST(sparkpost)
PROVIDER_TEST(brevo)
PROVIDER_TEST(mailjet)
PROVIDER_TEST(resend)
PROVIDER_TEST(mandrill)
PROVIDER_TEST(mailersend)
PROVIDER_TEST(postal)

/* Every provider mtrk knows has its case here. */
static void every_provider_has_a_case(void **state)
{
    (void)state;
    size_t n = 0;
    for (const char *p; (p = mtrk_webhook_provider_name(n)) != NULL; n++)
        assert_non_null(find(p));
    assert_int_equal(n, sizeof cases / sizeof cases[0]);
    assert_int_equal(n, 11);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(every_provider_has_a_case),
    CONF_TEST(sendgrid_payloads_are_recorded_field_by_field_once),
    CONF_TEST(ses_payloads_are_recorded_field_by_field_once),
    CONF_TEST(mailgun_payloads_are_recorded_field_by_field_once),
    CONF_TEST(postmark_payloads_are_recorded_field_by_field_once),
    CONF_TEST(sparkpost_payloads_are_recorded_field_by_field_once),
    CONF_TEST(brevo_payloads_are_recorded_field_by_field_once),
    CONF_TEST(mailjet_payloads_are_recorded_field_by_field_once),
    CONF_TEST(resend_payloads_are_recorded_field_by_field_once),
    CONF_TEST(mandrill_payloads_are_recorded_field_by_field_once),
    CONF_TEST(mailersend_payloads_are_recorded_field_by_field_once),
    CONF_TEST(postal_payloads_are_recorded_field_by_field_once),
};
CONF_GROUP(conf_group_webhook_providers, "webhook_providers", tests);
