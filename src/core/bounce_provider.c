/* Provider bounce objects mapped onto mtrk's bounce reasons: pure functions
 * of the fields each provider's webhook payload carries, independent of how
 * the payload is parsed. docs/bounces.md holds the tables. */
#include "bounce_int.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int eq(const char *a, const char *b)
{
    return a && strcasecmp(a, b) == 0;
}

/* The status and text decide when they can; else the category's default. */
static mtrk_bounce_reason refine(const char *status, int smtp, const char *text, mtrk_bounce_reason dflt)
{
    mtrk_bounce_reason r = mtrk_bounce_classify(status, smtp, text);
    return r == MTRK_BR_UNDETERMINED || r == MTRK_BR_NOT_A_BOUNCE ? dflt : r;
}

/* A leading SMTP reply code in text ("550 5.1.1 ..."; "smtp; 550 ..."), or 0. */
static int leading_smtp(const char *s)
{
    if (s == NULL)
        return 0;
    const char *semi = strchr(s, ';');
    if (semi && semi - s < 16)
        s = semi + 1;
    while (*s == ' ')
        s++;
    if (s[0] >= '2' && s[0] <= '5' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' &&
        (s[3] == ' ' || s[3] == '-' || s[3] == '\0'))
        return (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
    return 0;
}

MTRK_API mtrk_bounce_reason mtrk_bounce_reason_ses(const char *type, const char *sub, const char *status,
                                                   const char *diagnostic)
{
    int smtp = leading_smtp(diagnostic);
    if (eq(sub, "NoEmail") || eq(sub, "Suppressed"))
        return MTRK_BR_USER_UNKNOWN;
    if (eq(sub, "OnAccountSuppressionList"))
        return MTRK_BR_BLOCKED;
    if (eq(sub, "MailboxFull"))
        return MTRK_BR_MAILBOX_FULL;
    if (eq(sub, "MessageTooLarge"))
        return MTRK_BR_MESSAGE_TOO_BIG;
    if (eq(sub, "ContentRejected") || eq(sub, "AttachmentRejected"))
        return MTRK_BR_CONTENT_REJECTED;
    (void)type; /* Permanent/Transient is the class digit: it never decides alone */
    return refine(status, smtp, diagnostic, MTRK_BR_UNDETERMINED);
}

MTRK_API mtrk_bounce_reason mtrk_bounce_reason_sendgrid(const char *cls, const char *status, const char *reason)
{
    int smtp = leading_smtp(reason);
    if (eq(cls, "Invalid Address") || eq(cls, "Invalid"))
        return refine(status, smtp, reason, MTRK_BR_USER_UNKNOWN) == MTRK_BR_HOST_UNKNOWN ? MTRK_BR_HOST_UNKNOWN
                                                                                         : MTRK_BR_USER_UNKNOWN;
    if (eq(cls, "Technical"))
        return refine(status, smtp, reason, MTRK_BR_SYSTEM_ERROR);
    if (eq(cls, "Content"))
        return refine(status, smtp, reason, MTRK_BR_CONTENT_REJECTED) == MTRK_BR_SPAM_DETECTED
                   ? MTRK_BR_SPAM_DETECTED
                   : MTRK_BR_CONTENT_REJECTED;
    if (eq(cls, "Reputation"))
        return refine(status, smtp, reason, MTRK_BR_BLOCKED) == MTRK_BR_AUTH_FAILURE ? MTRK_BR_AUTH_FAILURE
                                                                                   : MTRK_BR_BLOCKED;
    if (eq(cls, "Frequency or Volume"))
        return MTRK_BR_RATE_LIMITED;
    if (eq(cls, "Mailbox Unavailable"))
        return refine(status, smtp, reason, MTRK_BR_SUSPENDED);
    return refine(status, smtp, reason, MTRK_BR_UNDETERMINED);
}

MTRK_API mtrk_bounce_reason mtrk_bounce_reason_sparkpost(int bounce_class, const char *error_code,
                                                         const char *raw_reason)
{
    int smtp = error_code ? atoi(error_code) : 0;
    if (smtp == 0)
        smtp = leading_smtp(raw_reason);
    switch (bounce_class) {
    case 10: return MTRK_BR_USER_UNKNOWN;      /* Invalid Recipient */
    case 21: return MTRK_BR_HOST_UNKNOWN;      /* DNS Failure */
    case 22: return MTRK_BR_MAILBOX_FULL;      /* Mailbox Full */
    case 23: return MTRK_BR_MESSAGE_TOO_BIG;   /* Too Large */
    case 24: return MTRK_BR_EXPIRED;           /* Timeout */
    case 25: return MTRK_BR_BLOCKED;           /* Admin Failure (the sender's own policy) */
    case 26: return MTRK_BR_BLOCKED;           /* Smart Send Suppression */
    case 50: return MTRK_BR_BLOCKED;           /* Mail Block */
    case 51: return MTRK_BR_BLOCKED;           /* Spam Block (the sending source) */
    case 52: return MTRK_BR_SPAM_DETECTED;     /* Spam Content */
    case 53: return MTRK_BR_CONTENT_REJECTED;  /* Prohibited Attachment */
    case 54: return MTRK_BR_BLOCKED;           /* Relaying Denied */
    case 60: return MTRK_BR_NOT_A_BOUNCE;      /* Auto-Reply */
    case 80: return MTRK_BR_NOT_A_BOUNCE;      /* Subscribe */
    case 90: return MTRK_BR_NOT_A_BOUNCE;      /* Unsubscribe */
    case 100: return MTRK_BR_NOT_A_BOUNCE;     /* Challenge-Response */
    case 30: return refine(NULL, smtp, raw_reason, MTRK_BR_USER_UNKNOWN); /* Generic Bounce: No RCPT */
    default: /* 1 Undetermined, 20 Soft Bounce, 40 Generic Bounce, 70 Transient Failure */
        return refine(NULL, smtp, raw_reason, MTRK_BR_UNDETERMINED);
    }
}

MTRK_API mtrk_bounce_reason mtrk_bounce_reason_mailgun(const char *severity, const char *reason, int code,
                                                       const char *enhanced_code, const char *message)
{
    (void)severity; /* permanent/temporary is the class digit: it never decides alone */
    if (eq(reason, "suppress-bounce"))
        return MTRK_BR_USER_UNKNOWN;
    if (eq(reason, "suppress-unsubscribe") || eq(reason, "suppress-complaint") || eq(reason, "espblock"))
        return MTRK_BR_BLOCKED;
    if (eq(reason, "old"))
        return MTRK_BR_EXPIRED;
    return refine(enhanced_code, code, message, MTRK_BR_UNDETERMINED);
}

MTRK_API mtrk_bounce_reason mtrk_bounce_reason_postmark(int type_code, const char *details)
{
    int smtp = leading_smtp(details);
    switch (type_code) {
    case 1: return refine(NULL, smtp, details, MTRK_BR_USER_UNKNOWN);   /* HardBounce */
    case 2: return refine(NULL, smtp, details, MTRK_BR_NETWORK_ERROR);  /* Transient */
    case 16: case 32: case 64: case 1024: case 16384: case 100001:
        return MTRK_BR_NOT_A_BOUNCE; /* Unsubscribe, Subscribe, AutoResponder, OpenRelayTest,
                                        ChallengeVerification, SpamComplaint (a complaint, not a bounce) */
    case 128: return MTRK_BR_HAS_MOVED;          /* AddressChange */
    case 256: return MTRK_BR_HOST_UNKNOWN;       /* DnsError */
    case 512: return MTRK_BR_SPAM_DETECTED;      /* SpamNotification */
    case 4096: return refine(NULL, smtp, details, MTRK_BR_UNDETERMINED); /* SoftBounce */
    case 8192: return MTRK_BR_CONTENT_REJECTED;  /* VirusNotification */
    case 100000: return MTRK_BR_USER_UNKNOWN;    /* BadEmailAddress */
    case 100002: case 100003: case 100006:
        return MTRK_BR_BLOCKED;                  /* ManuallyDeactivated, Unconfirmed, Blocked */
    case 100007: case 100008: case 100010:
        return MTRK_BR_SYSTEM_ERROR;             /* SMTPApiError, InboundError, TemplateRenderingFailed */
    case 100009: return MTRK_BR_AUTH_FAILURE;    /* DMARCPolicy */
    default: return refine(NULL, smtp, details, MTRK_BR_UNDETERMINED); /* 2048 Unknown and the rest */
    }
}
