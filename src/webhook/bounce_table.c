/* A provider's bounce object mapped onto mtrk's bounce reasons (the
 * taxonomy of docs/bounces.md), per provider, in one place; hard or soft
 * follows from the reason (mtrk_bounce_reason_kind), never from the class
 * digit alone. SES, SendGrid, SparkPost, Mailgun and Postmark have their
 * own functions (src/core/bounce_provider.c); for the others a row gives
 * the reason the provider's own category means, which the status, SMTP
 * code and text refine when they tell more (mtrk_bounce_classify).
 * docs/providers.md lists the table. */
#include "webhook.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct row {
    const char *provider, *type, *subtype; /* subtype NULL: any */
    mtrk_bounce_reason reason;             /* the category's reason when nothing tells more */
    int fixed;                             /* 1: the category decides, whatever the text */
} row;

static const row rows[] = {
    /* SendGrid: "blocked" is a refusal by the receiver; "dropped" one by SendGrid
     * itself, for an address on its own suppression lists. */
    { "sendgrid", "blocked", NULL, MTRK_BR_BLOCKED, 0 },
    { "sendgrid", "dropped", "Bounced Address", MTRK_BR_USER_UNKNOWN, 1 },
    { "sendgrid", "dropped", "Invalid", MTRK_BR_USER_UNKNOWN, 1 },
    { "sendgrid", "dropped", NULL, MTRK_BR_BLOCKED, 1 },
    /* Amazon SES event publishing: a virus refused before sending; a template that failed. */
    { "ses", "Reject", NULL, MTRK_BR_CONTENT_REJECTED, 1 },
    { "ses", "RenderingFailure", NULL, MTRK_BR_SYSTEM_ERROR, 1 },
    /* Mailgun: "rejected" events are Mailgun's own refusal to send. */
    { "mailgun", "rejected", NULL, MTRK_BR_BLOCKED, 0 },
    /* SparkPost: the other failure events than bounces. */
    { "sparkpost", "policy_rejection", NULL, MTRK_BR_BLOCKED, 0 },
    { "sparkpost", "generation_failure", NULL, MTRK_BR_SYSTEM_ERROR, 1 },
    { "sparkpost", "generation_rejection", NULL, MTRK_BR_CONTENT_REJECTED, 0 },
    /* Brevo. */
    { "brevo", "hard_bounce", NULL, MTRK_BR_USER_UNKNOWN, 0 },
    { "brevo", "invalid_email", NULL, MTRK_BR_USER_UNKNOWN, 1 },
    { "brevo", "soft_bounce", NULL, MTRK_BR_UNDETERMINED, 0 },
    { "brevo", "blocked", NULL, MTRK_BR_BLOCKED, 0 },
    { "brevo", "error", NULL, MTRK_BR_SYSTEM_ERROR, 0 },
    /* Mailjet: "bounce" with hard_bounce true/false (the subtype), "blocked". */
    { "mailjet", "bounce", "hard", MTRK_BR_USER_UNKNOWN, 0 },
    { "mailjet", "bounce", "soft", MTRK_BR_UNDETERMINED, 0 },
    { "mailjet", "blocked", NULL, MTRK_BR_BLOCKED, 0 },
    /* Resend: failures other than its (SES-shaped) bounce object. */
    { "resend", "failed", NULL, MTRK_BR_SYSTEM_ERROR, 0 },
    { "resend", "suppressed", NULL, MTRK_BR_BLOCKED, 1 },
    /* Mandrill. */
    { "mandrill", "hard_bounce", NULL, MTRK_BR_USER_UNKNOWN, 0 },
    { "mandrill", "soft_bounce", NULL, MTRK_BR_UNDETERMINED, 0 },
    { "mandrill", "reject", NULL, MTRK_BR_BLOCKED, 1 },
    /* MailerSend. */
    { "mailersend", "activity.hard_bounced", NULL, MTRK_BR_USER_UNKNOWN, 0 },
    { "mailersend", "activity.soft_bounced", NULL, MTRK_BR_UNDETERMINED, 0 },
    { "mailersend", "activity.suppressed", NULL, MTRK_BR_BLOCKED, 1 },
    /* Postal: a bounce received after delivery, a failed delivery, a delay, a hold. */
    { "postal", "MessageBounced", NULL, MTRK_BR_USER_UNKNOWN, 0 },
    { "postal", "MessageDeliveryFailed", NULL, MTRK_BR_USER_UNKNOWN, 0 },
    { "postal", "MessageDelayed", NULL, MTRK_BR_UNDETERMINED, 0 },
    { "postal", "MessageHeld", NULL, MTRK_BR_ON_HOLD, 1 },
};

static int is(const char *a, const char *b)
{
    return a != NULL && strcmp(a, b) == 0;
}

/* The status, code and text decide when they can; else the category's reason. */
static mtrk_bounce_reason refine(const char *status, int smtp, const char *text, mtrk_bounce_reason dflt)
{
    mtrk_bounce_reason r = mtrk_bounce_classify(status, smtp, text);
    return r == MTRK_BR_UNDETERMINED || r == MTRK_BR_NOT_A_BOUNCE ? dflt : r;
}

mtrk_bounce_reason wh_bounce_reason(const char *provider, const char *type, const char *subtype, int smtp_code,
                                    const char *enhanced, const char *diagnostic)
{
    for (size_t i = 0; provider && type && i < sizeof rows / sizeof rows[0]; i++) {
        const row *r = &rows[i];
        if (strcmp(r->provider, provider) != 0 || strcasecmp(r->type, type) != 0)
            continue;
        if (r->subtype != NULL && (subtype == NULL || strcasecmp(r->subtype, subtype) != 0))
            continue;
        return r->fixed ? r->reason : refine(enhanced, smtp_code, diagnostic, r->reason);
    }
    if (is(provider, "ses") || is(provider, "resend")) /* Resend's bounce object is SES's */
        return mtrk_bounce_reason_ses(type, subtype, enhanced, diagnostic);
    if (is(provider, "sendgrid"))
        return mtrk_bounce_reason_sendgrid(subtype, enhanced, diagnostic);
    if (is(provider, "sparkpost")) {
        char code[16];
        snprintf(code, sizeof code, "%d", smtp_code);
        return mtrk_bounce_reason_sparkpost(subtype ? atoi(subtype) : 0, smtp_code ? code : NULL, diagnostic);
    }
    if (is(provider, "mailgun"))
        return mtrk_bounce_reason_mailgun(type, subtype, smtp_code, enhanced, diagnostic);
    if (is(provider, "postmark"))
        return mtrk_bounce_reason_postmark(subtype ? atoi(subtype) : 0, diagnostic);
    return mtrk_bounce_classify(enhanced, smtp_code, diagnostic);
}

mtrk_bounce_kind wh_bounce_kind(const char *provider, const char *type, const char *subtype, int smtp_code,
                                const char *enhanced)
{
    mtrk_bounce_kind k = mtrk_bounce_reason_kind(wh_bounce_reason(provider, type, subtype, smtp_code, enhanced, NULL));
    return k == MTRK_BOUNCE_HARD ? MTRK_BOUNCE_HARD : MTRK_BOUNCE_SOFT;
}
