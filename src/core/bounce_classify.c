/* Bounce reasons: the taxonomy, hard/soft from the reason, and the
 * classification of one failure from its enhanced status code, SMTP reply
 * code and diagnostic text. Pure (libc only); docs/bounces.md is the
 * reference for every table here. */
#include "bounce_int.h"
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const reason_names[MTRK_BOUNCE_REASON_COUNT] = {
    "undetermined", "user_unknown", "host_unknown", "mailbox_full", "message_too_big", "content_rejected",
    "spam_detected", "blocked", "auth_failure", "rate_limited", "expired", "network_error", "system_error",
    "suspended", "has_moved", "on_hold", "not_a_bounce",
};

MTRK_API const char *mtrk_bounce_reason_name(mtrk_bounce_reason reason)
{
    if ((int)reason < 0 || (int)reason >= MTRK_BOUNCE_REASON_COUNT)
        return NULL;
    return reason_names[reason];
}

MTRK_API int mtrk_bounce_reason_from_name(mtrk_bounce_reason *out, const char *name)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (name == NULL)
        return gerr(MTRK_EINVAL, "name is NULL");
    for (int i = 0; i < MTRK_BOUNCE_REASON_COUNT; i++)
        if (strcmp(reason_names[i], name) == 0) {
            *out = (mtrk_bounce_reason)i;
            return MTRK_OK;
        }
    return gerr(MTRK_EINVAL, "name \"%.64s\" is not a bounce reason", name);
}

/* The hard/soft table. Hard means the address itself is dead: retrying the
 * same address cannot succeed. Everything about the sender, the content, the
 * path or the moment is soft. */
MTRK_API mtrk_bounce_kind mtrk_bounce_reason_kind(mtrk_bounce_reason reason)
{
    switch (reason) {
    case MTRK_BR_USER_UNKNOWN:
    case MTRK_BR_HOST_UNKNOWN:
    case MTRK_BR_SUSPENDED:
    case MTRK_BR_HAS_MOVED:
        return MTRK_BOUNCE_HARD;
    case MTRK_BR_UNDETERMINED:
    case MTRK_BR_MAILBOX_FULL:
    case MTRK_BR_MESSAGE_TOO_BIG:
    case MTRK_BR_CONTENT_REJECTED:
    case MTRK_BR_SPAM_DETECTED:
    case MTRK_BR_BLOCKED:
    case MTRK_BR_AUTH_FAILURE:
    case MTRK_BR_RATE_LIMITED:
    case MTRK_BR_EXPIRED:
    case MTRK_BR_NETWORK_ERROR:
    case MTRK_BR_SYSTEM_ERROR:
    case MTRK_BR_ON_HOLD:
        return MTRK_BOUNCE_SOFT;
    case MTRK_BR_NOT_A_BOUNCE:
        break;
    }
    return MTRK_BOUNCE_NONE;
}

/* ---- enhanced status codes (RFC 3463, IANA registry) ------------------------ */

typedef struct code_rule {
    int cls;       /* 4, 5, or 0 for either */
    int subject, detail;
    mtrk_bounce_reason reason;
    int specific;  /* 1: decides before the text; 0: the text may refine it */
} code_rule;

static const code_rule code_rules[] = {
    { 0, 1, 1, MTRK_BR_USER_UNKNOWN, 1 },
    { 0, 1, 2, MTRK_BR_HOST_UNKNOWN, 1 },
    { 0, 1, 3, MTRK_BR_USER_UNKNOWN, 1 },
    { 0, 1, 4, MTRK_BR_USER_UNKNOWN, 0 },
    { 0, 1, 6, MTRK_BR_HAS_MOVED, 1 },
    { 0, 1, 7, MTRK_BR_BLOCKED, 0 },
    { 0, 1, 8, MTRK_BR_BLOCKED, 0 },
    /* RFC 7505 says null MX, Microsoft says recipient not found: the text tells. */
    { 0, 1, 10, MTRK_BR_USER_UNKNOWN, 0 },
    { 0, 1, 0, MTRK_BR_USER_UNKNOWN, 0 },
    { 5, 2, 1, MTRK_BR_SUSPENDED, 0 },
    { 4, 2, 1, MTRK_BR_RATE_LIMITED, 0 },
    { 0, 2, 2, MTRK_BR_MAILBOX_FULL, 1 },
    { 0, 2, 3, MTRK_BR_MESSAGE_TOO_BIG, 1 },
    { 0, 2, 4, MTRK_BR_SYSTEM_ERROR, 0 },
    { 0, 3, 1, MTRK_BR_SYSTEM_ERROR, 0 },
    { 0, 3, 3, MTRK_BR_CONTENT_REJECTED, 0 },
    { 0, 3, 4, MTRK_BR_MESSAGE_TOO_BIG, 1 },
    { 0, 3, -1, MTRK_BR_SYSTEM_ERROR, 0 },
    { 0, 4, 1, MTRK_BR_NETWORK_ERROR, 0 },
    { 0, 4, 2, MTRK_BR_NETWORK_ERROR, 0 },
    { 0, 4, 3, MTRK_BR_NETWORK_ERROR, 0 },
    { 5, 4, 4, MTRK_BR_HOST_UNKNOWN, 0 },
    { 4, 4, 4, MTRK_BR_NETWORK_ERROR, 0 },
    { 0, 4, 5, MTRK_BR_RATE_LIMITED, 0 },
    { 0, 4, 6, MTRK_BR_SYSTEM_ERROR, 1 },
    { 0, 4, 7, MTRK_BR_EXPIRED, 1 },
    { 0, 4, -1, MTRK_BR_NETWORK_ERROR, 0 },
    { 0, 5, -1, MTRK_BR_SYSTEM_ERROR, 0 },
    { 0, 6, -1, MTRK_BR_CONTENT_REJECTED, 0 },
    { 0, 7, 8, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 9, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 11, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 12, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 13, MTRK_BR_SUSPENDED, 1 },
    { 0, 7, 16, MTRK_BR_MESSAGE_TOO_BIG, 1 },
    { 0, 7, 17, MTRK_BR_HAS_MOVED, 1 },
    { 0, 7, 18, MTRK_BR_HAS_MOVED, 1 },
    { 0, 7, 20, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 21, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 22, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 23, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 24, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 25, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 26, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 28, MTRK_BR_RATE_LIMITED, 1 },
    { 0, 7, 29, MTRK_BR_AUTH_FAILURE, 1 },
    { 0, 7, 3, MTRK_BR_SYSTEM_ERROR, 0 },
    { 0, 7, 4, MTRK_BR_SYSTEM_ERROR, 0 },
    { 0, 7, 7, MTRK_BR_CONTENT_REJECTED, 0 },
    { 0, 7, -1, MTRK_BR_BLOCKED, 0 },
};

/* ---- diagnostic text --------------------------------------------------------------- */

typedef struct text_rule {
    const char *needle; /* lower case */
    mtrk_bounce_reason reason;
} text_rule;

/* First match wins: specific causes before the words that many causes share. */
static const text_rule text_rules[] = {
    /* authentication of the sender */
    { "dmarc", MTRK_BR_AUTH_FAILURE }, { "dkim", MTRK_BR_AUTH_FAILURE }, { "spf ", MTRK_BR_AUTH_FAILURE },
    { "spf:", MTRK_BR_AUTH_FAILURE }, { "spf)", MTRK_BR_AUTH_FAILURE }, { "spf=", MTRK_BR_AUTH_FAILURE },
    { "spf check", MTRK_BR_AUTH_FAILURE }, { "sender policy framework", MTRK_BR_AUTH_FAILURE },
    { "unauthenticated", MTRK_BR_AUTH_FAILURE }, { "not authenticated", MTRK_BR_AUTH_FAILURE },
    { "authentication fail", MTRK_BR_AUTH_FAILURE }, { "reverse dns", MTRK_BR_AUTH_FAILURE },
    { "ptr record", MTRK_BR_AUTH_FAILURE },
    /* Lotus Domino's words for an unknown user, before "listed in" below */
    { "not listed in domino directory", MTRK_BR_USER_UNKNOWN },
    { "not listed in public name & address book", MTRK_BR_USER_UNKNOWN },
    /* rates */
    { "rate limit", MTRK_BR_RATE_LIMITED }, { "ratelimit", MTRK_BR_RATE_LIMITED },
    { "rate-limit", MTRK_BR_RATE_LIMITED }, { "too many connections", MTRK_BR_RATE_LIMITED },
    { "too many concurrent", MTRK_BR_RATE_LIMITED }, { "too many messages", MTRK_BR_RATE_LIMITED },
    { "too many recipients", MTRK_BR_RATE_LIMITED }, { "throttl", MTRK_BR_RATE_LIMITED },
    { "receiving mail at a rate", MTRK_BR_RATE_LIMITED }, { "unusual rate", MTRK_BR_RATE_LIMITED },
    { "connection limit", MTRK_BR_RATE_LIMITED }, { "exceeded the rate", MTRK_BR_RATE_LIMITED },
    { "sending rate", MTRK_BR_RATE_LIMITED }, { "too many smtp sessions", MTRK_BR_RATE_LIMITED },
    /* block lists and reputation */
    { "spamhaus", MTRK_BR_BLOCKED }, { "spamcop", MTRK_BR_BLOCKED }, { "blacklist", MTRK_BR_BLOCKED },
    { "blocklist", MTRK_BR_BLOCKED }, { "block list", MTRK_BR_BLOCKED }, { "black list", MTRK_BR_BLOCKED },
    { "dnsbl", MTRK_BR_BLOCKED }, { "barracuda", MTRK_BR_BLOCKED }, { "sorbs", MTRK_BR_BLOCKED },
    { "reputation", MTRK_BR_BLOCKED }, { "listed at", MTRK_BR_BLOCKED }, { "listed in", MTRK_BR_BLOCKED },
    { "listed on", MTRK_BR_BLOCKED }, { "user complaints", MTRK_BR_BLOCKED },
    /* spam */
    { "spam", MTRK_BR_SPAM_DETECTED }, { "unsolicited", MTRK_BR_SPAM_DETECTED },
    { "junk mail", MTRK_BR_SPAM_DETECTED }, { "bulk mail", MTRK_BR_SPAM_DETECTED },
    { "phish", MTRK_BR_SPAM_DETECTED },
    /* the domain */
    { "host unknown", MTRK_BR_HOST_UNKNOWN }, { "unknown host", MTRK_BR_HOST_UNKNOWN },
    { "host not found", MTRK_BR_HOST_UNKNOWN }, { "domain not found", MTRK_BR_HOST_UNKNOWN },
    { "no such domain", MTRK_BR_HOST_UNKNOWN }, { "domain does not exist", MTRK_BR_HOST_UNKNOWN },
    { "domain name not found", MTRK_BR_HOST_UNKNOWN }, { "unrouteable mail domain", MTRK_BR_HOST_UNKNOWN },
    { "name or service not known", MTRK_BR_HOST_UNKNOWN }, { "nxdomain", MTRK_BR_HOST_UNKNOWN },
    { "no mx record", MTRK_BR_HOST_UNKNOWN }, { "null mx", MTRK_BR_HOST_UNKNOWN },
    { "host or domain name not found", MTRK_BR_HOST_UNKNOWN }, { "dns error", MTRK_BR_HOST_UNKNOWN },
    { "domain isn't in my list", MTRK_BR_HOST_UNKNOWN }, { "domain is not in my list", MTRK_BR_HOST_UNKNOWN },
    /* the mailbox moved, is disabled, is full */
    { "has moved", MTRK_BR_HAS_MOVED }, { "user not local", MTRK_BR_HAS_MOVED },
    { "changed address", MTRK_BR_HAS_MOVED }, { "new address", MTRK_BR_HAS_MOVED },
    { "mailbox full", MTRK_BR_MAILBOX_FULL }, { "mailbox is full", MTRK_BR_MAILBOX_FULL },
    { "over quota", MTRK_BR_MAILBOX_FULL }, { "overquota", MTRK_BR_MAILBOX_FULL },
    { "quota exceeded", MTRK_BR_MAILBOX_FULL }, { "exceeded storage", MTRK_BR_MAILBOX_FULL },
    { "exceeds quota", MTRK_BR_MAILBOX_FULL }, { "insufficient storage", MTRK_BR_MAILBOX_FULL },
    { "out of storage", MTRK_BR_MAILBOX_FULL }, { "mailbox size limit", MTRK_BR_MAILBOX_FULL },
    { "storage allocation", MTRK_BR_MAILBOX_FULL }, { "full mailbox", MTRK_BR_MAILBOX_FULL },
    { "quota", MTRK_BR_MAILBOX_FULL },
    { "disabled", MTRK_BR_SUSPENDED }, { "suspended", MTRK_BR_SUSPENDED }, { "inactive", MTRK_BR_SUSPENDED },
    { "deactivated", MTRK_BR_SUSPENDED }, { "account closed", MTRK_BR_SUSPENDED },
    { "account has been closed", MTRK_BR_SUSPENDED }, { "no longer active", MTRK_BR_SUSPENDED },
    { "account is locked", MTRK_BR_SUSPENDED }, { "account expired", MTRK_BR_SUSPENDED },
    /* the user */
    { "user unknown", MTRK_BR_USER_UNKNOWN }, { "unknown user", MTRK_BR_USER_UNKNOWN },
    { "no such user", MTRK_BR_USER_UNKNOWN }, { "no such recipient", MTRK_BR_USER_UNKNOWN },
    { "no such mailbox", MTRK_BR_USER_UNKNOWN }, { "mailbox not found", MTRK_BR_USER_UNKNOWN },
    { "does not exist", MTRK_BR_USER_UNKNOWN }, { "doesn't exist", MTRK_BR_USER_UNKNOWN },
    { "invalid recipient", MTRK_BR_USER_UNKNOWN }, { "invalid mailbox", MTRK_BR_USER_UNKNOWN },
    { "recipient not found", MTRK_BR_USER_UNKNOWN }, { "recipientnotfound", MTRK_BR_USER_UNKNOWN },
    { "address not found", MTRK_BR_USER_UNKNOWN }, { "unknown recipient", MTRK_BR_USER_UNKNOWN },
    { "recipient unknown", MTRK_BR_USER_UNKNOWN }, { "user not found", MTRK_BR_USER_UNKNOWN },
    { "unrouteable address", MTRK_BR_USER_UNKNOWN }, { "unknown local part", MTRK_BR_USER_UNKNOWN },
    { "no mailbox here", MTRK_BR_USER_UNKNOWN }, { "addressee unknown", MTRK_BR_USER_UNKNOWN },
    { "bad destination mailbox", MTRK_BR_USER_UNKNOWN }, { "not a valid", MTRK_BR_USER_UNKNOWN },
    { "no mailbox", MTRK_BR_USER_UNKNOWN }, { "invalid address", MTRK_BR_USER_UNKNOWN },
    /* size */
    { "too large", MTRK_BR_MESSAGE_TOO_BIG }, { "too big", MTRK_BR_MESSAGE_TOO_BIG },
    { "message size", MTRK_BR_MESSAGE_TOO_BIG }, { "size limit", MTRK_BR_MESSAGE_TOO_BIG },
    { "exceeds the maximum", MTRK_BR_MESSAGE_TOO_BIG }, { "size exceeds", MTRK_BR_MESSAGE_TOO_BIG },
    /* content */
    { "virus", MTRK_BR_CONTENT_REJECTED }, { "malware", MTRK_BR_CONTENT_REJECTED },
    { "attachment", MTRK_BR_CONTENT_REJECTED }, { "content rejected", MTRK_BR_CONTENT_REJECTED },
    { "message content", MTRK_BR_CONTENT_REJECTED }, { "content filter", MTRK_BR_CONTENT_REJECTED },
    { "prohibited", MTRK_BR_CONTENT_REJECTED },
    /* held */
    { "greylist", MTRK_BR_ON_HOLD }, { "graylist", MTRK_BR_ON_HOLD }, { "quarantine", MTRK_BR_ON_HOLD },
    { "on hold", MTRK_BR_ON_HOLD }, { "held for", MTRK_BR_ON_HOLD }, { "moderation", MTRK_BR_ON_HOLD },
    { "pending approval", MTRK_BR_ON_HOLD },
    /* time ran out */
    { "retry timeout exceeded", MTRK_BR_EXPIRED }, { "retry time", MTRK_BR_EXPIRED },
    { "expired", MTRK_BR_EXPIRED }, { "too long in queue", MTRK_BR_EXPIRED },
    { "could not be delivered within", MTRK_BR_EXPIRED }, { "in the queue too long", MTRK_BR_EXPIRED },
    { "delivery time expired", MTRK_BR_EXPIRED },
    /* the network */
    { "connection refused", MTRK_BR_NETWORK_ERROR }, { "timed out", MTRK_BR_NETWORK_ERROR },
    { "connection reset", MTRK_BR_NETWORK_ERROR }, { "network is unreachable", MTRK_BR_NETWORK_ERROR },
    { "no route to host", MTRK_BR_NETWORK_ERROR }, { "lost connection", MTRK_BR_NETWORK_ERROR },
    { "starttls", MTRK_BR_NETWORK_ERROR }, { "tls negotiation", MTRK_BR_NETWORK_ERROR },
    { "handshake", MTRK_BR_NETWORK_ERROR },
    { "unable to connect", MTRK_BR_NETWORK_ERROR }, { "could not connect", MTRK_BR_NETWORK_ERROR },
    { "couldn't connect", MTRK_BR_NETWORK_ERROR },
    /* policy, in general words */
    { "relay", MTRK_BR_BLOCKED }, { "blocked", MTRK_BR_BLOCKED }, { "access denied", MTRK_BR_BLOCKED },
    { "denied", MTRK_BR_BLOCKED }, { "policy", MTRK_BR_BLOCKED }, { "not permitted", MTRK_BR_BLOCKED },
    { "not allowed", MTRK_BR_BLOCKED }, { "refused", MTRK_BR_BLOCKED }, { "banned", MTRK_BR_BLOCKED },
    /* the receiving system */
    { "mail loop", MTRK_BR_SYSTEM_ERROR }, { "loops back", MTRK_BR_SYSTEM_ERROR },
    { "too many hops", MTRK_BR_SYSTEM_ERROR }, { "temporary failure", MTRK_BR_SYSTEM_ERROR },
    { "temporarily", MTRK_BR_SYSTEM_ERROR }, { "try again later", MTRK_BR_SYSTEM_ERROR },
    { "local error", MTRK_BR_SYSTEM_ERROR }, { "local problem", MTRK_BR_SYSTEM_ERROR }, { "system error", MTRK_BR_SYSTEM_ERROR },
    { "internal error", MTRK_BR_SYSTEM_ERROR }, { "server error", MTRK_BR_SYSTEM_ERROR },
    { "service unavailable", MTRK_BR_SYSTEM_ERROR }, { "service not available", MTRK_BR_SYSTEM_ERROR },
    { "insufficient system resources", MTRK_BR_SYSTEM_ERROR }, { "configuration error", MTRK_BR_SYSTEM_ERROR },
    { "misconfigured", MTRK_BR_SYSTEM_ERROR },
};

/* Case-insensitive search of a lower-case needle; the haystack is read up to
 * BOUNCE_TEXT_SCAN octets. */
#define BOUNCE_TEXT_SCAN 4096
static int contains(const char *lower, const char *needle)
{
    return strstr(lower, needle) != NULL;
}

int bounce_status_parse(int *cls, int *subject, int *detail, const char *s)
{
    if (s == NULL)
        return -1;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!(s[0] == '2' || s[0] == '4' || s[0] == '5') || s[1] != '.')
        return -1;
    int v[3] = { s[0] - '0', 0, 0 };
    const char *p = s + 2;
    for (int k = 1; k < 3; k++) {
        int n = 0, digits = 0;
        while (isdigit((unsigned char)*p) && digits < 3) {
            n = n * 10 + (*p - '0');
            p++;
            digits++;
        }
        if (digits == 0 || isdigit((unsigned char)*p))
            return -1;
        v[k] = n;
        if (k == 1) {
            if (*p != '.')
                return -1;
            p++;
        }
    }
    *cls = v[0];
    *subject = v[1];
    *detail = v[2];
    return (int)(p - s);
}

static const code_rule *code_lookup(int cls, int subject, int detail)
{
    for (size_t i = 0; i < sizeof code_rules / sizeof code_rules[0]; i++) {
        const code_rule *r = &code_rules[i];
        if ((r->cls == 0 || r->cls == cls) && r->subject == subject && (r->detail == -1 || r->detail == detail))
            return r;
    }
    return NULL;
}

mtrk_bounce_reason bounce_text_reason(const char *text)
{
    if (text == NULL || *text == '\0')
        return MTRK_BR_UNDETERMINED;
    char lower[BOUNCE_TEXT_SCAN + 1];
    size_t n = 0;
    for (; text[n] && n < BOUNCE_TEXT_SCAN; n++)
        lower[n] = (char)tolower((unsigned char)text[n]);
    lower[n] = '\0';
    for (size_t i = 0; i < sizeof text_rules / sizeof text_rules[0]; i++)
        if (contains(lower, text_rules[i].needle))
            return text_rules[i].reason;
    return MTRK_BR_UNDETERMINED;
}

static mtrk_bounce_reason smtp_reason(int code)
{
    switch (code) {
    case 421:
    case 451:
        return MTRK_BR_SYSTEM_ERROR;
    case 452:
    case 552:
        return MTRK_BR_MAILBOX_FULL;
    case 551:
        return MTRK_BR_HAS_MOVED;
    case 553:
        return MTRK_BR_USER_UNKNOWN;
    default:
        return MTRK_BR_UNDETERMINED;
    }
}

MTRK_API mtrk_bounce_reason mtrk_bounce_classify(const char *status, int smtp_code, const char *diagnostic)
{
    int cls = 0, subject = 0, detail = 0;
    const code_rule *rule = NULL;
    if (bounce_status_parse(&cls, &subject, &detail, status) > 0) {
        if (cls == 2)
            return MTRK_BR_NOT_A_BOUNCE;
        rule = code_lookup(cls, subject, detail);
    }
    if (rule && rule->specific)
        return rule->reason;
    mtrk_bounce_reason r = bounce_text_reason(diagnostic);
    if (r != MTRK_BR_UNDETERMINED)
        return r;
    if (rule)
        return rule->reason;
    return smtp_reason(smtp_code);
}
