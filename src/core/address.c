/* E-mail address normalization and validation (RFC 5321 limits). */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

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

int addr_normalize(char *out, const char *in, char *why)
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
    for (const char *p = b; p < e; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f || c == ' ') {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" contains a space or control character", (int)n, b);
            return MTRK_EADDRESS;
        }
        if (c == '@') {
            if (at) {
                snprintf(why, ERRMSG_SIZE, "\"%.*s\" has more than one '@'", (int)n, b);
                return MTRK_EADDRESS;
            }
            at = p;
        }
    }
    if (at == NULL) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has no '@'", (int)n, b);
        return MTRK_EADDRESS;
    }
    size_t ll = (size_t)(at - b), dl = (size_t)(e - at - 1);
    if (ll == 0) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has an empty local part", (int)n, b);
        return MTRK_EADDRESS;
    }
    if (ll > MTRK_MAX_LOCAL_PART) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a local part longer than %d octets", (int)n, b,
                 MTRK_MAX_LOCAL_PART);
        return MTRK_ETOOLONG;
    }
    for (size_t i = 0; i < ll; i++) {
        unsigned char c = (unsigned char)b[i];
        if (!local_char_ok(c)) {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has '%c' in its local part", (int)n, b, c);
            return MTRK_EADDRESS;
        }
        if (c == '.' && (i == 0 || i == ll - 1 || b[i + 1] == '.')) {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a misplaced '.' in its local part", (int)n, b);
            return MTRK_EADDRESS;
        }
    }
    if (dl == 0) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has an empty domain", (int)n, b);
        return MTRK_EADDRESS;
    }
    if (dl > 253) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain longer than 253 octets", (int)n, b);
        return MTRK_ETOOLONG;
    }
    /* Domain labels: 1..63 octets of letters, digits, '-' (not at either end),
     * or UTF-8 octets (internationalized names); at least two labels. */
    const char *d = at + 1;
    size_t labels = 0, lab = 0;
    for (size_t i = 0; i <= dl; i++) {
        unsigned char c = i < dl ? (unsigned char)d[i] : '.';
        if (c == '.') {
            if (lab == 0) {
                snprintf(why, ERRMSG_SIZE, "\"%.*s\" has an empty domain label", (int)n, b);
                return MTRK_EADDRESS;
            }
            if (d[i - 1] == '-' || d[i - lab] == '-') {
                snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain label starting or ending with '-'",
                         (int)n, b);
                return MTRK_EADDRESS;
            }
            labels++;
            lab = 0;
            continue;
        }
        if (!(isalnum(c) || c == '-' || c >= 0x80)) {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has '%c' in its domain", (int)n, b, c);
            return MTRK_EADDRESS;
        }
        if (++lab > 63) {
            snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain label longer than 63 octets", (int)n, b);
            return MTRK_EADDRESS;
        }
    }
    if (labels < 2) {
        snprintf(why, ERRMSG_SIZE, "\"%.*s\" has a domain without a dot", (int)n, b);
        return MTRK_EADDRESS;
    }
    memcpy(out, b, n);
    out[n] = '\0';
    for (char *p = out + ll + 1; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return MTRK_OK;
}

void addr_key(char *out, const char *normalized)
{
    size_t i = 0;
    for (; normalized[i] && i < MTRK_MAX_ADDRESS; i++)
        out[i] = (char)tolower((unsigned char)normalized[i]);
    out[i] = '\0';
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
