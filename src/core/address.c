/*
 * E-mail address normalization and validation.
 *
 * The local part follows RFC 5321/5322 (dot-atom, ASCII only); the domain is
 * an internationalized domain name processed with UTS #46 (non-transitional)
 * and checked against the IDNA2008 rules (RFC 5890-5893) by libidn2, then held
 * to what a deliverable mail domain needs. Every rule and its source is listed
 * in docs/rules.md ("Addresses").
 *
 * Two forms come out of a valid address:
 *   normalized  local part as given, '@', the domain in its Unicode form
 *               (UTS #46-mapped: NFC, lower case, full-width folded); what is
 *               stored and displayed;
 *   key         local part lower-cased, '@', the domain's A-label (ASCII)
 *               form; the uniqueness key. Every spelling of one domain (a
 *               U-label or its A-label, NFC or NFD, any case, full-width
 *               forms) gives one key.
 */
#include "internal.h"

#include <ctype.h>
#include <idn2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

/* Characters allowed in an unquoted local part (RFC 5322 atext plus '.'). */
static bool local_char_ok(unsigned char c)
{
    /* ASCII only: UTF-8 local parts (RFC 6531) need SMTPUTF8 all the way to
     * the mailbox, which most sending providers refuse (docs/rules.md). */
    if (c >= 0x80)
        return false;
    if (isalnum(c))
        return true;
    return strchr("!#$%&'*+-/=?^_`{|}~.", c) != NULL && c != '\0';
}

/* Top-level domains reserved for special use, where no mail can be delivered
 * on the public Internet. "example" (RFC 6761 section 6.5) is deliberately not
 * here: the RFC asks applications not to treat it specially, and
 * documentation and tests use it. */
static const struct special_tld {
    const char *tld, *source;
} special_tlds[] = {
    { "alt", "RFC 9476" },           { "arpa", "RFC 3172" },          { "invalid", "RFC 6761 section 6.4" },
    { "local", "RFC 6762" },         { "localhost", "RFC 6761 section 6.3" },
    { "onion", "RFC 7686" },         { "test", "RFC 6761 section 6.2" },
};

/* Why a code point may not appear anywhere in an address, or NULL. Checked
 * before UTS #46 mapping, which would otherwise fold some of these away
 * silently (U+200B, U+00AD and U+FEFF are "ignored") or turn them into an
 * ASCII space (U+00A0, U+3000). */
static const char *codepoint_refusal(ucs4_t c)
{
    if (uc_is_property_white_space(c))
        return "a space";
    if (uc_is_general_category(c, UC_CATEGORY_Cc))
        return "a control character";
    /* ZWNJ and ZWJ are legitimate in some scripts: RFC 5892's CONTEXTJ rules
     * (checked by libidn2) decide where. */
    if (c != 0x200C && c != 0x200D &&
        (uc_is_general_category(c, UC_CATEGORY_Cf) || uc_is_property_default_ignorable_code_point(c)))
        return "an invisible or bidirectional formatting character";
    if (uc_is_general_category(c, UC_CATEGORY_Co))
        return "a private-use code point";
    /* Compatibility characters: UTS #46 would map them (U+2122 to "tm", U+FB01
     * to "fi", U+2488 to "1."), IDNA2008 disallows them (RFC 5892 section
     * 2.2). Only the width variants are folded, as RFC 5895 maps them. */
    int tag;
    ucs4_t dec[UC_DECOMPOSITION_MAX_LENGTH];
    if (uc_decomposition(c, &tag, dec) > 0 && tag != UC_DECOMP_CANONICAL && tag != UC_DECOMP_WIDE &&
        tag != UC_DECOMP_NARROW)
        return "a compatibility character that IDNA2008 disallows (RFC 5892 section 2.2)";
    if (uc_is_general_category(c, UC_CATEGORY_Cn))
        return "an unassigned code point";
    return NULL;
}

/* The first code point of domain d (n octets, valid UTF-8) that IDNA2008
 * disallows on its own, or 0. Used only to name it in an error message. */
static ucs4_t first_disallowed(const char *d, size_t n)
{
    const uint8_t *p = (const uint8_t *)d, *e = p + n;
    while (p < e) {
        ucs4_t c;
        int len = u8_mbtouc(&c, p, (size_t)(e - p));
        if (c >= 0x80) {
            char probe[16];
            memcpy(probe, "a", 1);
            memcpy(probe + 1, p, (size_t)len);
            probe[1 + len] = '\0';
            char *out = NULL;
            int rc = idn2_to_ascii_8z(probe, &out, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
            free(out);
            if (rc == IDN2_DISALLOWED || rc == IDN2_UNASSIGNED)
                return c;
        }
        p += len;
    }
    return 0;
}

/* The first label of domain d that starts with "xn--" (any case) and is not a
 * valid A-label on its own, copied into label[64]; false if none. */
static bool bad_alabel(const char *d, char *label)
{
    const char *p = d;
    while (*p) {
        size_t n = strcspn(p, ".");
        if (n >= 4 && strncasecmp(p, "xn--", 4) == 0) {
            char probe[80], *out = NULL;
            size_t m = n < 63 ? n : 63;
            memcpy(probe, p, m);
            probe[m] = '\0';
            int rc = idn2_to_ascii_8z(probe, &out, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
            free(out);
            if (rc != IDN2_OK || n > 63) {
                memcpy(label, probe, m + 1);
                return true;
            }
        }
        p += n;
        if (*p == '.')
            p++;
    }
    return false;
}

/* Explains a libidn2 refusal of domain d in why[]; returns the mtrk code. */
static int idna_refusal(int rc, const char *addr, int an, const char *d, char *why)
{
    char label[64];
    switch (rc) {
    case IDN2_MALLOC:
        snprintf(why, ERRMSG_SIZE, "could not be checked: out of memory");
        return MTRK_ENOMEM;
    case IDN2_TOO_BIG_DOMAIN:
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain longer than 253 octets once IDNA-encoded (RFC 1035)",
                 an, addr);
        return MTRK_ETOOLONG;
    case IDN2_TOO_BIG_LABEL:
    case IDN2_PUNYCODE_BIG_OUTPUT:
        snprintf(why, ERRMSG_SIZE,
                 "\"%.*s\" has a domain label longer than 63 octets once IDNA-encoded (RFC 1035, RFC 5890)", an,
                 addr);
        return MTRK_EADDRESS;
    case IDN2_2HYPHEN:
        snprintf(why, ERRMSG_SIZE,
                 "\"%.*s\" has a domain label with \"--\" in its third and fourth positions that is not a "
                 "valid A-label (RFC 5891 section 4.2.3.1)",
                 an, addr);
        return MTRK_EADDRESS;
    case IDN2_HYPHEN_STARTEND:
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain label starting or ending with '-'", an, addr);
        return MTRK_EADDRESS;
    case IDN2_LEADING_COMBINING:
        snprintf(why, ERRMSG_SIZE,
                 "\"%.*s\" has a domain label starting with a combining mark (RFC 5891 section 4.2.3.2)", an,
                 addr);
        return MTRK_EADDRESS;
    case IDN2_BIDI:
        snprintf(why, ERRMSG_SIZE,
                 "\"%.*s\" has a domain label mixing right-to-left and left-to-right characters against the "
                 "Bidi rule (RFC 5893)",
                 an, addr);
        return MTRK_EADDRESS;
    case IDN2_CONTEXTJ:
    case IDN2_CONTEXTJ_NO_RULE:
    case IDN2_CONTEXTO:
    case IDN2_CONTEXTO_NO_RULE:
        snprintf(why, ERRMSG_SIZE,
                 "\"%.*s\" has a joiner or other contextual character outside the context IDNA2008 allows "
                 "(RFC 5892 appendix A)",
                 an, addr);
        return MTRK_EADDRESS;
    default:
        break;
    }
    if (bad_alabel(d, label)) {
        snprintf(why, ERRMSG_SIZE,
                 "\"%.*s\" has \"%s\", which is not a valid A-label (RFC 5890 section 2.3.2.1: it must decode "
                 "to a valid U-label)",
                 an, addr, label);
        return MTRK_EADDRESS;
    }
    if (rc == IDN2_DISALLOWED || rc == IDN2_UNASSIGNED) {
        ucs4_t c = first_disallowed(d, strlen(d));
        if (c)
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has U+%04X in its domain, which IDNA2008 %s (RFC 5892)", an,
                     addr, (unsigned)c, rc == IDN2_UNASSIGNED ? "does not assign" : "disallows");
        else
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a character in its domain that IDNA2008 disallows (RFC 5892)",
                     an, addr);
        return MTRK_EADDRESS;
    }
    snprintf(why, ERRMSG_SIZE, "\"%.*s\" does not have a valid internationalized domain (%s)", an, addr,
             idn2_strerror(rc));
    return MTRK_EADDRESS;
}

/* Holds the A-label form a (lower-case ASCII) to what a mail domain needs:
 * LDH labels of 1..63 octets, at least two, a top-level label that is not all
 * digits and not reserved for special use. */
static int check_alabels(const char *a, const char *addr, int an, char *why)
{
    size_t labels = 0;
    const char *p = a, *last = a;
    for (;;) {
        size_t n = strcspn(p, ".");
        if (n == 0) {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has an empty domain label", an, addr);
            return MTRK_EADDRESS;
        }
        if (n > 63) {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain label longer than 63 octets", an, addr);
            return MTRK_EADDRESS;
        }
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)p[i];
            if (!(isalnum(c) || c == '-')) {
                snprintf(why, ERRMSG_SIZE, "\"%.*s\" has '%c' in its domain", an, addr, c);
                return MTRK_EADDRESS;
            }
        }
        if (p[0] == '-' || p[n - 1] == '-') {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain label starting or ending with '-'", an, addr);
            return MTRK_EADDRESS;
        }
        labels++;
        last = p;
        p += n;
        if (*p == '\0')
            break;
        p++;
    }
    if (labels < 2) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain without a dot", an, addr);
        return MTRK_EADDRESS;
    }
    size_t digits = strspn(last, "0123456789");
    if (last[digits] == '\0') {
        snprintf(why, ERRMSG_SIZE,
                 "\"%.*s\" has an all-numeric top-level domain \"%s\" (RFC 3696 section 2; an IP address is "
                 "not a mail domain here)",
                 an, addr, last);
        return MTRK_EADDRESS;
    }
    for (size_t i = 0; i < sizeof special_tlds / sizeof special_tlds[0]; i++) {
        if (strcmp(last, special_tlds[i].tld) == 0) {
            snprintf(why, ERRMSG_SIZE,
                     "\"%.*s\" is in the special-use domain \".%s\" (%s), where mail cannot be delivered", an,
                     addr, last, special_tlds[i].source);
            return MTRK_EADDRESS;
        }
    }
    return MTRK_OK;
}

/* Is d all ASCII with no label starting "xn--" (any case)? */
static bool ascii_plain_domain(const char *d)
{
    for (const char *p = d; *p; p++) {
        if ((unsigned char)*p >= 0x80)
            return false;
        if ((p == d || p[-1] == '.') && strncasecmp(p, "xn--", 4) == 0)
            return false;
    }
    return true;
}

/* The IDNA2008 rule libidn2 applies to an ASCII label that UTS #46 leaves as
 * it is: "--" in the third and fourth positions marks a reserved label (RFC
 * 5891 section 4.2.3.1). The LDH and length rules follow in check_alabels. */
static int ascii_domain_check(const char *d, const char *addr, int an, char *why)
{
    const char *p = d;
    for (;;) {
        size_t n = strcspn(p, ".");
        if (n >= 4 && p[2] == '-' && p[3] == '-')
            return idna_refusal(IDN2_2HYPHEN, addr, an, d, why);
        p += n;
        if (*p == '\0')
            return MTRK_OK;
        p++;
    }
}

/* Validates and normalizes `in`; fills norm[MTRK_MAX_ADDRESS + 1] and, when
 * key is not NULL, key[MTRK_MAX_ADDRESS + 1]. */
static int addr_parse(char *norm, char *key, const char *in, char *why)
{
    if (in == NULL) {
        snprintf(why, ERRMSG_SIZE, "is NULL");
        return MTRK_EINVAL;
    }
    size_t len = strlen(in);
    const char *b = in, *e = in + len;
    while (b < e && is_ws(*b))
        b++;
    while (e > b && is_ws(e[-1]))
        e--;
    size_t n = (size_t)(e - b);
    int an = (int)(n > MTRK_MAX_ADDRESS ? MTRK_MAX_ADDRESS : n);
    if (n == 0) {
        snprintf(why, ERRMSG_SIZE, "is empty");
        return MTRK_EADDRESS;
    }
    if (n > MTRK_MAX_ADDRESS) {
        snprintf(why, ERRMSG_SIZE, "is longer than %d octets", MTRK_MAX_ADDRESS);
        return MTRK_ETOOLONG;
    }
    if (!utf8_valid(b, n)) {
        snprintf(why, ERRMSG_SIZE, "is not valid UTF-8");
        return MTRK_EENCODING;
    }
    const char *at = NULL;
    for (const uint8_t *p = (const uint8_t *)b; p < (const uint8_t *)e;) {
        ucs4_t c;
        int cl = u8_mbtouc(&c, p, (size_t)((const uint8_t *)e - p));
        const char *refusal = codepoint_refusal(c);
        if (refusal) {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" contains %s (U+%04X)", an, b, refusal, (unsigned)c);
            return MTRK_EADDRESS;
        }
        if (c == '@') {
            if (at) {
                snprintf(why, ERRMSG_SIZE, "\"%.*s\" has more than one '@'", an, b);
                return MTRK_EADDRESS;
            }
            at = (const char *)p;
        }
        p += cl;
    }
    if (at == NULL) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has no '@'", an, b);
        return MTRK_EADDRESS;
    }
    size_t ll = (size_t)(at - b), dl = (size_t)(e - at - 1);
    if (ll == 0) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has an empty local part", an, b);
        return MTRK_EADDRESS;
    }
    if (ll > MTRK_MAX_LOCAL_PART) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a local part longer than %d octets", an, b, MTRK_MAX_LOCAL_PART);
        return MTRK_ETOOLONG;
    }
    for (size_t i = 0; i < ll; i++) {
        unsigned char c = (unsigned char)b[i];
        if (c >= 0x80) {
            ucs4_t u;
            u8_mbtouc(&u, (const uint8_t *)b + i, ll - i);
            snprintf(why, ERRMSG_SIZE,
                     "\"%.*s\" has U+%04X in its local part (local parts are ASCII: RFC 6531 addresses are "
                     "not accepted)",
                     an, b, (unsigned)u);
            return MTRK_EADDRESS;
        }
        if (!local_char_ok(c)) {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has '%c' in its local part", an, b, c);
            return MTRK_EADDRESS;
        }
        if (c == '.' && (i == 0 || i == ll - 1 || b[i + 1] == '.')) {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a misplaced '.' in its local part", an, b);
            return MTRK_EADDRESS;
        }
    }
    if (dl == 0) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has an empty domain", an, b);
        return MTRK_EADDRESS;
    }
    char domain[MTRK_MAX_ADDRESS + 1];
    memcpy(domain, at + 1, dl);
    domain[dl] = '\0';
    /* UTS #46 processing, non-transitional (IDNA2008 keeps ß and ς distinct),
     * then the IDNA2008 validity rules, giving the A-label form. An ASCII
     * domain without A-labels needs only lower case and the hyphen rule that
     * libidn2 would apply (the unit tests compare both paths); it skips the
     * library, which matters for bulk imports and because libidn2 absorbs
     * some allocation failures that mtrk's fault tests require to surface. */
    char *alabel = NULL;
    int rc;
    if (ascii_plain_domain(domain)) {
        rc = ascii_domain_check(domain, b, an, why);
        if (rc)
            return rc;
        alabel = strdup(domain);
        if (alabel == NULL) {
            snprintf(why, ERRMSG_SIZE, "could not be checked: out of memory");
            return MTRK_ENOMEM;
        }
        for (char *p = alabel; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    } else if ((rc = idn2_to_ascii_8z(domain, &alabel, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL)) != IDN2_OK) {
        free(alabel);
        return idna_refusal(rc, b, an, domain, why);
    }
    rc = check_alabels(alabel, b, an, why);
    size_t al = strlen(alabel);
    if (rc == MTRK_OK && al > 253) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain longer than 253 octets once IDNA-encoded", an, b);
        rc = MTRK_ETOOLONG;
    }
    if (rc == MTRK_OK && ll + 1 + al > MTRK_MAX_ADDRESS) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" is longer than %d octets once its domain is IDNA-encoded", an, b,
                 MTRK_MAX_ADDRESS);
        rc = MTRK_ETOOLONG;
    }
    /* The Unicode form: decoded from the A-labels, so it is the mapped,
     * validated spelling whatever the input was. */
    char *ulabel = NULL;
    if (rc == MTRK_OK && strstr(alabel, "xn--") != NULL) {
        int irc = idn2_to_unicode_8z8z(alabel, &ulabel, 0);
        if (irc != IDN2_OK)
            rc = idna_refusal(irc, b, an, domain, why);
    }
    const char *shown = ulabel ? ulabel : alabel;
    if (rc == MTRK_OK && ll + 1 + strlen(shown) > MTRK_MAX_ADDRESS) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" is longer than %d octets once its domain is normalized", an, b,
                 MTRK_MAX_ADDRESS);
        rc = MTRK_ETOOLONG;
    }
    if (rc == MTRK_OK) {
        memcpy(norm, b, ll);
        norm[ll] = '@';
        strcpy(norm + ll + 1, shown);
        if (key) {
            for (size_t i = 0; i < ll; i++)
                key[i] = (char)tolower((unsigned char)b[i]);
            key[ll] = '@';
            strcpy(key + ll + 1, alabel);
        }
    }
    free(alabel);
    free(ulabel);
    return rc;
}

int addr_normalize(char *out, const char *in, char *why) { return addr_parse(out, NULL, in, why); }

int addr_normalize_key(char *out, char *key, const char *in, char *why) { return addr_parse(out, key, in, why); }

int addr_key(char *out, const char *normalized)
{
    const char *at = strrchr(normalized, '@');
    size_t ll = at ? (size_t)(at - normalized) : 0;
    bool ascii = true;
    for (const char *p = normalized; *p; p++)
        ascii = ascii && (unsigned char)*p < 0x80;
    if (at == NULL || ascii) {
        size_t i = 0;
        for (; normalized[i] && i < MTRK_MAX_ADDRESS; i++)
            out[i] = (char)tolower((unsigned char)normalized[i]);
        out[i] = '\0';
        return MTRK_OK;
    }
    /* A normalized domain is already mapped and valid: only the A-label
     * conversion remains, which fails only for lack of memory. */
    char *alabel = NULL;
    int rc = idn2_to_ascii_8z(at + 1, &alabel, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
    if (rc != IDN2_OK || ll + 1 + strlen(alabel) > MTRK_MAX_ADDRESS) {
        free(alabel);
        return rc == IDN2_MALLOC ? MTRK_ENOMEM : MTRK_EADDRESS;
    }
    for (size_t i = 0; i < ll; i++)
        out[i] = (char)tolower((unsigned char)normalized[i]);
    out[ll] = '@';
    strcpy(out + ll + 1, alabel);
    free(alabel);
    return MTRK_OK;
}

const char *addr_domain(const char *normalized)
{
    const char *at = strrchr(normalized, '@');
    return at ? at + 1 : normalized;
}

int check_address(mtrk_tenant *t, const char *what, const char *in, char *out)
{
    char why[ERRMSG_SIZE];
    int rc = addr_normalize(out, in, why);
    if (rc)
        return terr(t, rc, "%s %s", what, why);
    return MTRK_OK;
}

int check_address_key(mtrk_tenant *t, const char *what, const char *in, char *out, char *key)
{
    char why[ERRMSG_SIZE];
    int rc = addr_normalize_key(out, key, in, why);
    if (rc)
        return terr(t, rc, "%s %s", what, why);
    return MTRK_OK;
}

MTRK_API int mtrk_address_normalize(char *out, size_t outsize, const char *address)
{
    char buf[MTRK_MAX_ADDRESS + 1], why[ERRMSG_SIZE];
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    int rc = addr_normalize(buf, address, why);
    if (rc)
        return gerr(rc, "address %s", why);
    if (strlen(buf) + 1 > outsize)
        return gerr(MTRK_EINVAL, "outsize %zu is too small for the normalized address", outsize);
    memcpy(out, buf, strlen(buf) + 1);
    return MTRK_OK;
}
