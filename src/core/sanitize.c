/* mtrk core — the stored form of an event's IP address and user agent
 * (sanitize.h). Depends on libc alone. */
#include "sanitize.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>

bool sanitize_ip(char out[MTRK_MAX_IP + 1], const char *ip)
{
    out[0] = '\0';
    if (ip == NULL || *ip == '\0' || strnlen(ip, MTRK_MAX_IP + 1) > MTRK_MAX_IP)
        return false;
    unsigned char buf[16];
    int family = strchr(ip, ':') ? AF_INET6 : AF_INET;
    if (inet_pton(family, ip, buf) != 1)
        return false;
    if (inet_ntop(family, buf, out, MTRK_MAX_IP + 1) == NULL) {
        out[0] = '\0';
        return false;
    }
    return true;
}

/* The length of the valid UTF-8 sequence at p (n octets left) and its code
 * point; 0 if none begins there. */
static size_t utf8_seq(const unsigned char *p, size_t n, uint32_t *cp)
{
    unsigned char b = p[0];
    size_t len;
    uint32_t c;
    if (b < 0x80) {
        *cp = b;
        return 1;
    } else if ((b & 0xE0) == 0xC0) {
        len = 2;
        c = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
        len = 3;
        c = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
        len = 4;
        c = b & 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[k] & 0x3F);
    }
    if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

static bool removed(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||               /* C0, DEL, C1 */
           c == 0x061C || c == 0x200E || c == 0x200F ||          /* bidi marks */
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || /* embeddings, isolates */
           c == 0x2028 || c == 0x2029 ||                         /* line and paragraph separators */
           (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF; /* zero-width */
}

size_t sanitize_user_agent(char out[MTRK_MAX_USER_AGENT + 1], const char *ua)
{
    size_t o = 0;
    out[0] = '\0';
    if (ua == NULL)
        return 0;
    const unsigned char *p = (const unsigned char *)ua;
    size_t n = strlen(ua);
    while (n && o < MTRK_MAX_USER_AGENT) {
        uint32_t c = 0;
        size_t len = utf8_seq(p, n, &c);
        if (len == 0) {
            out[o++] = '?';
            p++;
            n--;
            continue;
        }
        if (!removed(c)) {
            if (o + len > MTRK_MAX_USER_AGENT)
                break;
            if (!(o == 0 && c == ' ')) { /* leading blanks */
                memcpy(out + o, p, len);
                o += len;
            }
        }
        p += len;
        n -= len;
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return o;
}
