/* fuzz_html: mtrk_html_rewrite on arbitrary bytes.
 * Invariants: with an identity rewrite (no replacement) the output equals the
 * input byte for byte; the links are reported in document order with value
 * ranges inside the input that do not overlap; with every link replaced, the
 * output equals the input outside those ranges, each range being replaced by
 * exactly the attribute encoding of the replacement for the value's quoting
 * (re-derived here independently). */
#include "fixture.h"

#include <string.h>

#define MAX_LINKS 4096

typedef struct seen {
    size_t n;
    size_t off[MAX_LINKS], len[MAX_LINKS];
    char quote[MAX_LINKS];
    int replace;
    int overflow;
} seen;

static const char *const repl[] = { "https://r.example/a?x=1&y=\"2\"'3'", "https://r.example/b", "", "a b=c<d>`" };

static int on_link(void *ud, const mtrk_html_link *l, const char **replacement)
{
    seen *s = ud;
    FUZZ_CHECK(l->url != NULL, "link %zu without url", l->index);
    FUZZ_CHECK(l->index == s->n || s->overflow, "index %zu after %zu links", l->index, s->n);
    if (s->n == MAX_LINKS) {
        s->overflow = 1;
        return 0;
    }
    s->off[s->n] = l->value_offset;
    s->len[s->n] = l->value_len;
    if (s->replace)
        *replacement = repl[s->n % 4];
    s->n++;
    return 0;
}

/* The attribute encoding of url for a value whose source starts with q. */
static size_t encode(char *out, const char *url, char q)
{
    size_t k = 0;
    if (q != '"' && q != '\'') {
        q = 0;
        int needs = *url == '\0';
        for (const char *p = url; *p && !needs; p++)
            needs = strchr(" \t\n\f\r\"'=<>`", *p) != NULL;
        if (needs)
            q = '"';
    }
    if (q)
        out[k++] = q;
    for (const char *p = url; *p; p++) {
        const char *e = *p == '&' ? "&amp;" : (*p == '"' && q == '"') ? "&quot;" : (*p == '\'' && q == '\'') ? "&#39;" : NULL;
        if (e) {
            memcpy(out + k, e, strlen(e));
            k += strlen(e);
        } else {
            out[k++] = *p;
        }
    }
    if (q)
        out[k++] = q;
    return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *html = (const char *)data;
    static seen s;
    /* 1. identity */
    memset(&s, 0, sizeof s);
    char *out = NULL;
    size_t out_len = 0;
    int rc = mtrk_html_rewrite(&out, &out_len, html, size, on_link, &s);
    /* MTRK_ETOOLONG: nested past the bound (docs/tracking.md). */
    FUZZ_CHECK(rc == MTRK_OK || rc == MTRK_ENOMEM || rc == MTRK_EINVAL || rc == MTRK_ETOOLONG, "status %d", rc);
    if (rc != MTRK_OK)
        return 0;
    FUZZ_CHECK(out_len == size && memcmp(out, html, size) == 0 && out[out_len] == '\0',
               "identity rewrite changed the HTML (%zu -> %zu octets)", size, out_len);
    mtrk_free(out);
    size_t prev_end = 0;
    for (size_t i = 0; i < s.n; i++) {
        FUZZ_CHECK(s.off[i] >= prev_end && s.len[i] <= size && s.off[i] <= size - s.len[i],
                   "link %zu range %zu+%zu (previous end %zu, size %zu)", i, s.off[i], s.len[i], prev_end, size);
        prev_end = s.off[i] + s.len[i];
    }
    if (s.overflow)
        return 0;
    size_t nlinks = s.n;
    /* 2. every link replaced: re-derive the output */
    memset(&s, 0, sizeof s);
    s.replace = 1;
    rc = mtrk_html_rewrite(&out, &out_len, html, size, on_link, &s);
    if (rc == MTRK_ENOMEM)
        return 0;
    FUZZ_CHECK(rc == MTRK_OK && s.n == nlinks, "second pass: status %d, %zu links (first %zu)", rc, s.n, nlinks);
    size_t in_pos = 0, out_pos = 0;
    char enc[256];
    for (size_t i = 0; i < s.n; i++) {
        size_t keep = s.off[i] - in_pos;
        FUZZ_CHECK(out_pos + keep <= out_len && memcmp(out + out_pos, html + in_pos, keep) == 0,
                   "bytes before link %zu differ", i);
        out_pos += keep;
        char q = s.len[i] ? html[s.off[i]] : 0;
        size_t k = encode(enc, repl[i % 4], q);
        FUZZ_CHECK(out_pos + k <= out_len && memcmp(out + out_pos, enc, k) == 0,
                   "link %zu: replacement is not \"%.*s\"", i, (int)k, enc);
        out_pos += k;
        in_pos = s.off[i] + s.len[i];
    }
    FUZZ_CHECK(out_len - out_pos == size - in_pos && memcmp(out + out_pos, html + in_pos, size - in_pos) == 0,
               "bytes after the last link differ");
    mtrk_free(out);
    return 0;
}
