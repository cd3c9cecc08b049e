/* The provisional hard/soft decision, per provider, in one place: a row
 * matches a provider's own bounce type (and subtype, when the row names one;
 * case-insensitive); the first matching row decides. Without a matching row,
 * the RFC 3463 class decides (5.x.x hard, 4.x.x soft), then the SMTP reply
 * code (5xx hard, 4xx soft), else soft: an unknown failure is not allowed to
 * suppress an address on its own (soft bounces still count toward the
 * tenant's soft-bounce threshold). docs/providers.md lists the table. */
#include "webhook.h"

#include <string.h>
#include <strings.h>

typedef struct row {
    const char *provider, *type, *subtype; /* subtype NULL: any */
    mtrk_bounce_kind kind;
} row;

static const row rows[] = {
    /* SendGrid: type "bounce" is a permanent failure, "blocked" a refusal that may pass later;
     * "dropped" carries the reason SendGrid did not send. */
    { "sendgrid", "bounce", NULL, MTRK_BOUNCE_HARD },
    { "sendgrid", "blocked", NULL, MTRK_BOUNCE_SOFT },
    { "sendgrid", "dropped", "Bounced Address", MTRK_BOUNCE_HARD },
    { "sendgrid", "dropped", "Invalid", MTRK_BOUNCE_HARD },
    { "sendgrid", "dropped", NULL, MTRK_BOUNCE_SOFT },
    /* Amazon SES: bounceType. */
    { "ses", "Permanent", NULL, MTRK_BOUNCE_HARD },
    { "ses", "Transient", NULL, MTRK_BOUNCE_SOFT },
    { "ses", "Undetermined", NULL, MTRK_BOUNCE_SOFT },
    { "ses", "Reject", NULL, MTRK_BOUNCE_SOFT },          /* event publishing "Reject": virus, not sent */
    { "ses", "RenderingFailure", NULL, MTRK_BOUNCE_SOFT },
    /* Mailgun: "failed" events keep their severity as the type, their reason as the subtype. */
    { "mailgun", "permanent", NULL, MTRK_BOUNCE_HARD },
    { "mailgun", "temporary", NULL, MTRK_BOUNCE_SOFT },
    { "mailgun", "rejected", NULL, MTRK_BOUNCE_SOFT },
    /* Postmark: the bounce Type. */
    { "postmark", "HardBounce", NULL, MTRK_BOUNCE_HARD },
    { "postmark", "BadEmailAddress", NULL, MTRK_BOUNCE_HARD },
    { "postmark", "ManuallyDeactivated", NULL, MTRK_BOUNCE_HARD },
    { "postmark", "DMARCPolicy", NULL, MTRK_BOUNCE_SOFT },
    { "postmark", "SoftBounce", NULL, MTRK_BOUNCE_SOFT },
    { "postmark", "Transient", NULL, MTRK_BOUNCE_SOFT },
    { "postmark", "DnsError", NULL, MTRK_BOUNCE_SOFT },
    { "postmark", "Blocked", NULL, MTRK_BOUNCE_SOFT },
    { "postmark", "SMTPApiError", NULL, MTRK_BOUNCE_SOFT },
    /* SparkPost: bounce_class (the subtype) for bounces and out-of-band bounces; the
     * hard classes are 10 invalid recipient, 25 admin failure, 30 generic no-RCPT,
     * 90 unsubscribe; the others (soft, block, undetermined) are soft. */
    { "sparkpost", "bounce", "10", MTRK_BOUNCE_HARD },
    { "sparkpost", "bounce", "25", MTRK_BOUNCE_HARD },
    { "sparkpost", "bounce", "30", MTRK_BOUNCE_HARD },
    { "sparkpost", "bounce", "90", MTRK_BOUNCE_HARD },
    { "sparkpost", "out_of_band", "10", MTRK_BOUNCE_HARD },
    { "sparkpost", "out_of_band", "25", MTRK_BOUNCE_HARD },
    { "sparkpost", "out_of_band", "30", MTRK_BOUNCE_HARD },
    { "sparkpost", "out_of_band", "90", MTRK_BOUNCE_HARD },
    { "sparkpost", "bounce", NULL, MTRK_BOUNCE_SOFT },
    { "sparkpost", "out_of_band", NULL, MTRK_BOUNCE_SOFT },
    { "sparkpost", "policy_rejection", NULL, MTRK_BOUNCE_SOFT },
    { "sparkpost", "generation_failure", NULL, MTRK_BOUNCE_SOFT },
    { "sparkpost", "generation_rejection", NULL, MTRK_BOUNCE_SOFT },
    /* Brevo. */
    { "brevo", "hard_bounce", NULL, MTRK_BOUNCE_HARD },
    { "brevo", "invalid_email", NULL, MTRK_BOUNCE_HARD },
    { "brevo", "soft_bounce", NULL, MTRK_BOUNCE_SOFT },
    { "brevo", "blocked", NULL, MTRK_BOUNCE_SOFT },
    { "brevo", "error", NULL, MTRK_BOUNCE_SOFT },
    /* Mailjet: "bounce" with hard_bounce true/false, "blocked". */
    { "mailjet", "bounce", "hard", MTRK_BOUNCE_HARD },
    { "mailjet", "bounce", "soft", MTRK_BOUNCE_SOFT },
    { "mailjet", "blocked", NULL, MTRK_BOUNCE_SOFT },
    /* Resend: bounce.type. */
    { "resend", "Permanent", NULL, MTRK_BOUNCE_HARD },
    { "resend", "Transient", NULL, MTRK_BOUNCE_SOFT },
    { "resend", "Undetermined", NULL, MTRK_BOUNCE_SOFT },
    { "resend", "failed", NULL, MTRK_BOUNCE_SOFT },
    { "resend", "suppressed", NULL, MTRK_BOUNCE_SOFT },
    /* Mandrill. */
    { "mandrill", "hard_bounce", NULL, MTRK_BOUNCE_HARD },
    { "mandrill", "soft_bounce", NULL, MTRK_BOUNCE_SOFT },
    { "mandrill", "reject", NULL, MTRK_BOUNCE_SOFT },
    /* MailerSend. */
    { "mailersend", "activity.hard_bounced", NULL, MTRK_BOUNCE_HARD },
    { "mailersend", "activity.soft_bounced", NULL, MTRK_BOUNCE_SOFT },
    { "mailersend", "activity.suppressed", NULL, MTRK_BOUNCE_SOFT },
    /* Postal. */
    { "postal", "MessageBounced", NULL, MTRK_BOUNCE_HARD },
    { "postal", "MessageDeliveryFailed", NULL, MTRK_BOUNCE_HARD },
    { "postal", "MessageDelayed", NULL, MTRK_BOUNCE_SOFT },
    { "postal", "MessageHeld", NULL, MTRK_BOUNCE_SOFT },
};

mtrk_bounce_kind wh_bounce_kind(const char *provider, const char *type, const char *subtype, int smtp_code,
                                const char *enhanced)
{
    for (size_t i = 0; provider && type && i < sizeof rows / sizeof rows[0]; i++) {
        const row *r = &rows[i];
        if (strcmp(r->provider, provider) != 0 || strcasecmp(r->type, type) != 0)
            continue;
        if (r->subtype != NULL && (subtype == NULL || strcasecmp(r->subtype, subtype) != 0))
            continue;
        return r->kind;
    }
    if (enhanced != NULL && (enhanced[0] == '5' || enhanced[0] == '4') && enhanced[1] == '.')
        return enhanced[0] == '5' ? MTRK_BOUNCE_HARD : MTRK_BOUNCE_SOFT;
    if (smtp_code >= 500 && smtp_code < 600)
        return MTRK_BOUNCE_HARD;
    return MTRK_BOUNCE_SOFT;
}
