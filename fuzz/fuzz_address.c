/* fuzz_address: mtrk_address_normalize on arbitrary bytes.
 * Invariants: a success gives valid UTF-8 of at most 254 octets with one '@'
 * and no space or control character (no octet <= 0x20 or 0x7f; the
 * Unicode spaces and controls are refused before mapping); normalizing the output again succeeds
 * and gives the same output; an output buffer one octet too small is refused
 * (MTRK_EINVAL) without writing past it; any failure is one of the
 * documented codes. */
#include "fixture.h"

#include <string.h>

static int utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t len;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            len = 2;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            len = 3;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (i + len > n)
            return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        i += len;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = malloc(size + 1);
    if (in == NULL)
        return 0;
    memcpy(in, data, size);
    in[size] = '\0';
    char out[MTRK_MAX_ADDRESS + 1];
    int rc = mtrk_address_normalize(out, sizeof out, in);
    FUZZ_CHECK(rc == MTRK_OK || rc == MTRK_EADDRESS || rc == MTRK_ETOOLONG || rc == MTRK_EENCODING ||
                   rc == MTRK_EINVAL || rc == MTRK_ENOMEM,
               "unexpected status %d", rc);
    if (rc == MTRK_OK) {
        size_t n = strlen(out);
        FUZZ_CHECK(n > 0 && n <= MTRK_MAX_ADDRESS, "length %zu", n);
        FUZZ_CHECK(utf8_valid((const unsigned char *)out, n), "output is not UTF-8");
        const char *at = strchr(out, '@');
        FUZZ_CHECK(at != NULL && strchr(at + 1, '@') == NULL, "not one '@': \"%s\"", out);
        for (size_t i = 0; i < n; i++)
            FUZZ_CHECK((unsigned char)out[i] > 0x20 && out[i] != 0x7f, "space/control at %zu", i);
        char again[MTRK_MAX_ADDRESS + 1];
        int rc2 = mtrk_address_normalize(again, sizeof again, out);
        FUZZ_CHECK(rc2 == MTRK_OK, "output \"%s\" refused on renormalization (%d)", out, rc2);
        FUZZ_CHECK(strcmp(again, out) == 0, "not idempotent: \"%s\" -> \"%s\"", out, again);
        /* Exactly big enough works; one octet short is refused, in bounds (ASan). */
        char *exact = malloc(n + 1);
        if (exact) {
            FUZZ_CHECK(mtrk_address_normalize(exact, n + 1, in) == MTRK_OK && strcmp(exact, out) == 0,
                       "exact-size buffer");
            free(exact);
        }
        char *small = malloc(n);
        if (small) {
            FUZZ_CHECK(mtrk_address_normalize(small, n, in) == MTRK_EINVAL, "short buffer accepted");
            free(small);
        }
    }
    free(in);
    return 0;
}
