/* Bounce messages parsed with GMime: RFC 3464 delivery status reports, the
 * plain-text reports of MTAs that do not send them, auto-replies; one result
 * per recipient, with the mid the bounce answers. docs/bounces.md describes
 * the formats and the order in which the mid is looked for. */
#include "bounce_int.h"
#include "internal.h"

#include <ctype.h>
#include <gmime/gmime.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

typedef struct brec {
    char *recipient, *original_recipient, *action, *status, *diagnostic, *remote_mta;
    int cls, subject, detail, smtp;
    mtrk_bounce_reason reason;
} brec;

struct mtrk_bounce_report {
    brec *v;
    size_t n, cap;
    mtrk_bounce_format format;
    char note[256];
    char *origin;
    mtrk_id mid;
    mtrk_bounce_mid_source mid_source;
    char *orig_msgid;
    char *verp; /* the VERP address the mid came from */
    bool oom;
};

/* Text pulled out of a message while walking its parts. */
typedef struct walk_ctx {
    GString *dsn;          /* the message/delivery-status part */
    GString *body;         /* the first text/plain part outside the original */
    GString *html;         /* the first text/html part, when there is no text/plain */
    GString *orig_headers; /* text/rfc822-headers, or the returned message's headers */
    char *orig_msgid;
    char *orig_mid_header;
} walk_ctx;

#define PART_TEXT_MAX (1u << 20) /* octets of one part's text kept for the scan */

static pthread_once_t gmime_once = PTHREAD_ONCE_INIT;
static void gmime_start(void)
{
    g_mime_init();
}

/* ---- small string helpers --------------------------------------------------------- */

static char *dupn(mtrk_bounce_report *r, const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p == NULL) {
        r->oom = true;
        return NULL;
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* Valid UTF-8, blanks folded to one space, trimmed, cut at max octets on a
 * character boundary. */
static char *clean(mtrk_bounce_report *r, const char *s, size_t max)
{
    if (s == NULL)
        s = "";
    gchar *valid = g_utf8_make_valid(s, -1);
    if (valid == NULL) {
        r->oom = true;
        return NULL;
    }
    size_t n = 0;
    bool space = false;
    for (const char *p = valid; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c < 0x20 || c == 0x7f) {
            space = n > 0;
            continue;
        }
        if (space) {
            valid[n++] = ' ';
            space = false;
        }
        valid[n++] = (char)c;
    }
    valid[n] = '\0';
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)valid[n] & 0xC0) == 0x80)
            n--;
        valid[n] = '\0';
    }
    char *out = dupn(r, valid, n);
    g_free(valid);
    return out;
}

static void note(mtrk_bounce_report *r, const char *text)
{
    size_t have = strlen(r->note);
    if (have && have + 2 < sizeof r->note) {
        memcpy(r->note + have, "; ", 3);
        have += 2;
    }
    snprintf(r->note + have, sizeof r->note - have, "%s", text);
}

static const char *ci_find(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return p;
    return NULL;
}

/* ---- addresses ----------------------------------------------------------------------- */

static bool addr_char(unsigned char c)
{
    /* c != 0 first: strchr finds the terminating NUL of its set */
    return c != 0 && (isalnum(c) || strchr("!#$%&'*+-/=?^_`{|}~.", c) != NULL || c >= 0x80);
}

/* An address starting at s (local@domain): its length, or 0. */
static size_t addr_len(const char *s)
{
    size_t i = 0;
    while (addr_char((unsigned char)s[i]))
        i++;
    if (i == 0 || s[i] != '@')
        return 0;
    size_t at = i++;
    size_t d = i;
    while (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '.' || (unsigned char)s[i] >= 0x80)
        i++;
    if (i == d || at > 64 || i > 254 || memchr(s + d, '.', i - d) == NULL)
        return 0;
    while (i > d && s[i - 1] == '.')
        i--;
    return i;
}

/* ---- the report ---------------------------------------------------------------------- */

static brec *add_rec(mtrk_bounce_report *r, const char *addr, size_t alen)
{
    if (r->n == MTRK_MAX_BOUNCE_RECIPIENTS) { /* checked first: a flood costs no scan per line */
        char msg[64];
        snprintf(msg, sizeof msg, "more than %d recipients: the rest dropped", MTRK_MAX_BOUNCE_RECIPIENTS);
        if (!strstr(r->note, msg))
            note(r, msg);
        return NULL;
    }
    for (size_t i = 0; i < r->n; i++)
        if (strlen(r->v[i].recipient) == alen && strncasecmp(r->v[i].recipient, addr, alen) == 0)
            return &r->v[i];
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 4;
        brec *v = realloc(r->v, cap * sizeof *v);
        if (v == NULL) {
            r->oom = true;
            return NULL;
        }
        r->v = v;
        r->cap = cap;
    }
    brec *b = &r->v[r->n];
    memset(b, 0, sizeof *b);
    b->recipient = clean(r, "", 0);
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%.*s", (int)(alen < 255 ? alen : 255), addr);
    free(b->recipient);
    b->recipient = clean(r, tmp, 254);
    if (b->recipient == NULL)
        return NULL;
    r->n++;
    return b;
}

static void set_field(mtrk_bounce_report *r, char **field, const char *value, size_t max)
{
    if (*field && **field)
        return;
    free(*field);
    *field = clean(r, value, max);
}

/* The first SMTP reply code in text: three digits 2xx-5xx standing alone. */
static int find_smtp(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (p != s && (isalnum((unsigned char)p[-1]) || p[-1] == '.' || p[-1] == '#'))
            continue;
        if (p[0] >= '2' && p[0] <= '5' && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
            (p[3] == ' ' || p[3] == '-' || p[3] == '\0' || p[3] == '\'' || p[3] == '\n') && p[1] <= '5')
            return (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
    }
    return 0;
}

/* The first enhanced status code in text, written into out[16]. */
static bool find_status(char out[16], const char *s)
{
    for (const char *p = s; *p; p++) {
        if (p != s && (isdigit((unsigned char)p[-1]) || p[-1] == '.'))
            continue;
        int c, sub, det;
        int n = bounce_status_parse(&c, &sub, &det, p);
        if (n > 0 && c != 2 && (p[n] == '\0' || !isalnum((unsigned char)p[n]))) {
            snprintf(out, 16, "%d.%d.%d", c, sub, det);
            return true;
        }
    }
    return false;
}

/* ---- RFC 3464 ---------------------------------------------------------------------- */

/* Strips "type;" from a DSN value ("rfc822; a@b", "smtp; 550 ..."). */
static const char *dsn_value(const char *v)
{
    const char *semi = strchr(v, ';');
    if (semi && semi - v < 24) {
        bool word = true;
        for (const char *p = v; p < semi; p++)
            if (!(isalnum((unsigned char)*p) || *p == '-' || *p == ' '))
                word = false;
        if (word)
            v = semi + 1;
    }
    while (*v == ' ' || *v == '\t')
        v++;
    return v;
}

typedef struct dsn_fields {
    GString *final, *original, *action, *status, *diag, *mta;
} dsn_fields;

static void parse_dsn(mtrk_bounce_report *r, const char *text, char **envid)
{
    /* Unfold, then read blocks of fields separated by blank lines. */
    GString *cur_name = g_string_new(NULL), *cur_val = g_string_new(NULL);
    dsn_fields f = { g_string_new(NULL), g_string_new(NULL), g_string_new(NULL), g_string_new(NULL),
                     g_string_new(NULL), g_string_new(NULL) };
    int block = 0;
    const char *p = text;
    for (;;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        bool blank = true;
        for (size_t i = 0; i < len; i++)
            if (p[i] != ' ' && p[i] != '\t')
                blank = false;
        bool cont = !blank && (p[0] == ' ' || p[0] == '\t');
        if (cont) {
            g_string_append_c(cur_val, ' ');
            g_string_append_len(cur_val, p, (gssize)len);
        }
        /* A field ends at a new field, a blank line or the end. */
        if (!cont && cur_name->len) {
            const char *n = cur_name->str, *v = dsn_value(cur_val->str);
            GString *dst = NULL;
            if (!strcasecmp(n, "Final-Recipient"))
                dst = f.final;
            else if (!strcasecmp(n, "Original-Recipient"))
                dst = f.original;
            else if (!strcasecmp(n, "Action"))
                dst = f.action;
            else if (!strcasecmp(n, "Status"))
                dst = f.status;
            else if (!strcasecmp(n, "Diagnostic-Code"))
                dst = f.diag;
            else if (!strcasecmp(n, "Remote-MTA"))
                dst = f.mta;
            else if (!strcasecmp(n, "Original-Envelope-Id") && *envid == NULL)
                *envid = g_strdup(v);
            if (dst && dst->len == 0)
                g_string_assign(dst, v);
            g_string_truncate(cur_name, 0);
            g_string_truncate(cur_val, 0);
        }
        if (!cont && !blank) {
            const char *colon = memchr(p, ':', len);
            if (colon) {
                g_string_assign(cur_name, "");
                g_string_append_len(cur_name, p, colon - p);
                g_strstrip(cur_name->str);
                cur_name->len = strlen(cur_name->str);
                g_string_assign(cur_val, "");
                g_string_append_len(cur_val, colon + 1, (gssize)(len - (size_t)(colon - p) - 1));
            }
        }
        if ((blank || eol == NULL) && cur_name->len == 0) {
            if (f.final->len || f.original->len) {
                const char *addr = f.final->len ? f.final->str : f.original->str;
                while (*addr == '<' || *addr == ' ')
                    addr++;
                size_t alen = addr_len(addr);
                if (alen == 0)
                    alen = strcspn(addr, "> ");
                brec *b = add_rec(r, addr, alen);
                if (b) {
                    set_field(r, &b->original_recipient, dsn_value(f.original->str), 254);
                    set_field(r, &b->action, f.action->str, 32);
                    for (char *a = b->action; a && *a; a++)
                        *a = (char)tolower((unsigned char)*a);
                    char st[16];
                    if (find_status(st, f.status->str) || find_status(st, f.diag->str))
                        set_field(r, &b->status, st, 15);
                    set_field(r, &b->diagnostic, f.diag->str, MTRK_MAX_DIAGNOSTIC);
                    set_field(r, &b->remote_mta, f.mta->str, 254);
                    if (b->smtp == 0)
                        b->smtp = find_smtp(f.diag->str);
                }
            }
            if (f.final->len || f.action->len || f.status->len || block == 0)
                block++;
            g_string_truncate(f.final, 0);
            g_string_truncate(f.original, 0);
            g_string_truncate(f.action, 0);
            g_string_truncate(f.status, 0);
            g_string_truncate(f.diag, 0);
            g_string_truncate(f.mta, 0);
        }
        if (eol == NULL)
            break;
        p = eol + 1;
    }
    g_string_free(cur_name, TRUE);
    g_string_free(cur_val, TRUE);
    g_string_free(f.final, TRUE);
    g_string_free(f.original, TRUE);
    g_string_free(f.action, TRUE);
    g_string_free(f.status, TRUE);
    g_string_free(f.diag, TRUE);
    g_string_free(f.mta, TRUE);
}

/* ---- plain-text reports ---------------------------------------------------------- */

static const char *const copy_markers[] = {
    "this is a copy of the message", "below this line is a copy", "original message follows",
    "----- original message", "-----original message", "original message headers",
    "--- the header of the original message", "----- the following addresses had", "message headers follow",
    "------ this is a copy", "----- transcript of session follows", "unsent message below",
};

/* Where the returned original starts inside a text report, or NULL. */
static const char *copy_start(const char *body)
{
    const char *best = NULL;
    for (size_t i = 0; i < sizeof copy_markers / sizeof copy_markers[0]; i++) {
        if (i == 9 || i == 10 || i == 7)
            continue; /* not the original: transcripts and lists stay with the report */
        const char *m = ci_find(body, copy_markers[i]);
        if (m && (best == NULL || m < best))
            best = m;
    }
    return best;
}

/* A line naming a failed recipient: the address at its start (optionally in
 * <>, after an SMTP code and status as Sendmail writes it), followed by
 * nothing, ":", "...", " on DATE" (Exchange) or " (...)". */
static bool recipient_line(const char *line, size_t len, const char **addr, size_t *alen, const char **rest)
{
    const char *p = line, *end = line + len;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (end - p >= 3 && (strncmp(p, ">>>", 3) == 0 || strncmp(p, "<<<", 3) == 0))
        return false;
    /* Sendmail: "550 5.1.1 user@example.com... User unknown" */
    if (end - p > 4 && isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
        p[3] == ' ') {
        const char *q = p + 4;
        int c, s, d;
        int n = bounce_status_parse(&c, &s, &d, q);
        if (n > 0)
            q += n;
        while (q < end && *q == ' ')
            q++;
        if (*q == '<')
            q++;
        size_t l = addr_len(q);
        if (l && q + l + 3 <= end && (strncmp(q + l, "...", 3) == 0 || strncmp(q + l, ">...", 4) == 0)) {
            *addr = q;
            *alen = l;
            *rest = p;
            return true;
        }
        return false;
    }
    bool angle = *p == '<';
    if (angle)
        p++;
    size_t l = addr_len(p);
    if (l == 0)
        return false;
    const char *q = p + l;
    if (angle) {
        if (q >= end || *q != '>')
            return false;
        q++;
    }
    if (q < end && *q == ':')
        q++;
    const char *after = q;
    while (q < end && (*q == ' ' || *q == '\t'))
        q++;
    bool ok = q == end || after[-1] == ':' || (end - after >= 3 && strncmp(after, "...", 3) == 0) ||
              (end - q >= 3 && strncmp(q, "on ", 3) == 0) || *q == '(';
    if (!ok)
        return false;
    *addr = p;
    *alen = l;
    *rest = (after[-1] == ':' || strncmp(after, "...", 3) == 0) ? q : end;
    return true;
}

/* The server named in a text diagnostic ("host mx.example.com[192.0.2.1]",
 * "Giving up on 192.0.2.1", "<mx.example.com #5.1.1>"), into out. */
static bool find_mta(char *out, size_t size, const char *s)
{
    const char *m;
    if ((m = ci_find(s, "host ")) != NULL) {
        m += 5;
        size_t n = strcspn(m, " [\n:");
        if (n && memchr(m, '.', n) && n < size) {
            snprintf(out, size, "%.*s", (int)n, m);
            return true;
        }
    }
    if ((m = ci_find(s, "giving up on ")) != NULL) {
        m += 13;
        size_t n = strcspn(m, " \n");
        while (n && m[n - 1] == '.')
            n--;
        if (n && n < size) {
            snprintf(out, size, "%.*s", (int)n, m);
            return true;
        }
    }
    if ((m = strstr(s, " #")) != NULL) {
        const char *lt = m;
        while (lt > s && lt[-1] != '<' && lt[-1] != ' ' && lt[-1] != '\n')
            lt--;
        if (lt > s && lt[-1] == '<' && m > lt && (size_t)(m - lt) < size) {
            snprintf(out, size, "%.*s", (int)(m - lt), lt);
            return true;
        }
    }
    return false;
}

static void parse_text(mtrk_bounce_report *r, const char *body)
{
    const char *stop = copy_start(body);
    size_t total = stop ? (size_t)(stop - body) : strlen(body);
    GString *diag = g_string_new(NULL);
    brec *cur = NULL;
    char mta_global[256] = "";
    const char *g = ci_find(body, "generating server:");
    if (g && (!stop || g < stop)) {
        g += 18;
        while (*g == ' ')
            g++;
        snprintf(mta_global, sizeof mta_global, "%.*s", (int)strcspn(g, " \n"), g);
    }
    const char *t = ci_find(body, "while talking to ");
    if (t && (!stop || t < stop) && !*mta_global) {
        t += 17;
        size_t n = strcspn(t, ": \n");
        while (n && t[n - 1] == '.')
            n--;
        snprintf(mta_global, sizeof mta_global, "%.*s", (int)n, t);
    }

#define FLUSH()                                                                         \
    do {                                                                                \
        if (cur) {                                                                      \
            char st[16], mta[256];                                                      \
            set_field(r, &cur->diagnostic, diag->str, MTRK_MAX_DIAGNOSTIC);             \
            if (find_status(st, diag->str))                                             \
                set_field(r, &cur->status, st, 15);                                     \
            if (cur->smtp == 0)                                                         \
                cur->smtp = find_smtp(diag->str);                                       \
            if (find_mta(mta, sizeof mta, diag->str))                                   \
                set_field(r, &cur->remote_mta, mta, 254);                               \
            else if (*mta_global)                                                       \
                set_field(r, &cur->remote_mta, mta_global, 254);                        \
            set_field(r, &cur->action, "failed", 32);                                   \
        }                                                                               \
        cur = NULL;                                                                     \
        g_string_truncate(diag, 0);                                                     \
    } while (0)

    size_t off = 0;
    while (off < total) {
        const char *line = body + off;
        const char *eol = memchr(line, '\n', total - off);
        size_t len = eol ? (size_t)(eol - line) : total - off;
        off += len + 1;
        const char *addr, *rest;
        size_t alen;
        bool blank = true;
        for (size_t i = 0; i < len; i++)
            if (line[i] != ' ' && line[i] != '\t')
                blank = false;
        if (recipient_line(line, len, &addr, &alen, &rest)) {
            FLUSH();
            cur = add_rec(r, addr, alen);
            if (rest < line + len)
                g_string_append_len(diag, rest, (gssize)(line + len - rest));
            continue;
        }
        if (blank) {
            /* Exchange puts a blank line between the address and the server's
             * words, Domino one after its "because:". */
            if (cur && (diag->len == 0 || diag->str[diag->len - 1] == ':'))
                continue;
            FLUSH();
            continue;
        }
        if (cur && diag->len < 4096) {
            if (diag->len)
                g_string_append_c(diag, ' ');
            g_string_append_len(diag, line, (gssize)len);
        }
    }
    FLUSH();
#undef FLUSH
    g_string_free(diag, TRUE);
}

/* ---- auto-replies ---------------------------------------------------------------- */

static bool is_autoreply(GMimeObject *top, const char *subject)
{
    const char *as = g_mime_object_get_header(top, "Auto-Submitted");
    if (as && strncasecmp(as, "no", 2) != 0)
        return true;
    if (g_mime_object_get_header(top, "X-Autoreply") || g_mime_object_get_header(top, "X-Autorespond") ||
        g_mime_object_get_header(top, "X-Auto-Response-Suppress") || g_mime_object_get_header(top, "X-Challenge"))
        return true;
    const char *prec = g_mime_object_get_header(top, "Precedence");
    if (prec && ci_find(prec, "auto_reply"))
        return true;
    static const char *const subj[] = {
        "out of office", "out of the office", "automatic reply", "auto reply", "autoreply", "auto-reply",
        "auto:", "vacation", "away from", "abwesend", "ausente", "absence", "please confirm", "verify your",
        "confirm your", "challenge", "spam protection", "sender verification",
    };
    for (size_t i = 0; subject && i < sizeof subj / sizeof subj[0]; i++)
        if (ci_find(subject, subj[i]))
            return true;
    return false;
}

static bool looks_like_bounce(GMimeObject *top, const char *subject)
{
    const char *from = g_mime_object_get_header(top, "From");
    if (from && (ci_find(from, "mailer-daemon") || ci_find(from, "postmaster") || ci_find(from, "mail delivery")))
        return true;
    static const char *const subj[] = {
        "undeliver", "delivery status notification", "failure notice", "returned mail", "delivery failure",
        "delivery has failed", "mail delivery failed", "non-delivery", "could not be delivered", "not delivered",
        "delivery problem", "delivery failed", "rejected:",
    };
    for (size_t i = 0; subject && i < sizeof subj / sizeof subj[0]; i++)
        if (ci_find(subject, subj[i]))
            return true;
    return false;
}

/* ---- walking the parts ---------------------------------------------------------- */

static void part_bytes(GString *dst, GMimePart *part)
{
    GMimeDataWrapper *dw = g_mime_part_get_content(part);
    if (dw == NULL)
        return;
    GMimeStream *mem = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(dw, mem);
    GByteArray *ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    size_t n = ba->len < PART_TEXT_MAX ? ba->len : PART_TEXT_MAX;
    g_string_append_len(dst, (const char *)ba->data, (gssize)n);
    g_object_unref(mem);
}

static void part_text(GString *dst, GMimePart *part)
{
    if (GMIME_IS_TEXT_PART(part)) {
        char *t = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
        if (t) {
            size_t n = strlen(t);
            g_string_append_len(dst, t, (gssize)(n < PART_TEXT_MAX ? n : PART_TEXT_MAX));
            g_free(t);
            return;
        }
    }
    part_bytes(dst, part);
}

static void keep_original_headers(walk_ctx *w, GMimeMessage *m)
{
    const char *id = g_mime_message_get_message_id(m);
    if (id && w->orig_msgid == NULL)
        w->orig_msgid = g_strdup(id);
    const char *mh = g_mime_object_get_header(GMIME_OBJECT(m), MTRK_MID_HEADER);
    if (mh && w->orig_mid_header == NULL)
        w->orig_mid_header = g_strdup(mh);
}

static void walk(walk_ctx *w, GMimeObject *obj, int depth)
{
    if (obj == NULL || depth > MTRK_MAX_BOUNCE_PARTS)
        return;
    if (GMIME_IS_MESSAGE_PART(obj)) {
        GMimeMessage *m = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
        if (m)
            keep_original_headers(w, m);
        return; /* the returned original's body is not the report */
    }
    if (GMIME_IS_MULTIPART(obj)) {
        int n = g_mime_multipart_get_count(GMIME_MULTIPART(obj));
        for (int i = 0; i < n; i++)
            walk(w, g_mime_multipart_get_part(GMIME_MULTIPART(obj), i), depth + 1);
        return;
    }
    if (!GMIME_IS_PART(obj))
        return;
    GMimeContentType *ct = g_mime_object_get_content_type(obj);
    const char *type = ct ? g_mime_content_type_get_media_type(ct) : "text";
    const char *sub = ct ? g_mime_content_type_get_media_subtype(ct) : "plain";
    if (type == NULL || sub == NULL)
        return;
    if (!strcasecmp(type, "message") &&
        (!strcasecmp(sub, "delivery-status") || !strcasecmp(sub, "global-delivery-status"))) {
        if (w->dsn->len == 0)
            part_bytes(w->dsn, GMIME_PART(obj));
    } else if ((!strcasecmp(type, "text") && !strcasecmp(sub, "rfc822-headers")) ||
               (!strcasecmp(type, "message") && !strcasecmp(sub, "global-headers"))) {
        if (w->orig_headers->len == 0)
            part_bytes(w->orig_headers, GMIME_PART(obj));
    } else if (!strcasecmp(type, "text") && !strcasecmp(sub, "plain")) {
        if (w->body->len == 0)
            part_text(w->body, GMIME_PART(obj));
    } else if (!strcasecmp(type, "text") && !strcasecmp(sub, "html")) {
        if (w->html->len == 0)
            part_text(w->html, GMIME_PART(obj));
    }
}

/* HTML to text, crudely: tags dropped, <br> and block ends as newlines. */
static void html_to_text(GString *dst, const char *html)
{
    bool tag = false;
    for (const char *p = html; *p; p++) {
        if (*p == '<') {
            tag = true;
            if (!strncasecmp(p, "<br", 3) || !strncasecmp(p, "</p", 3) || !strncasecmp(p, "</div", 5) ||
                !strncasecmp(p, "</tr", 4) || !strncasecmp(p, "<p", 2))
                g_string_append_c(dst, '\n');
        } else if (*p == '>') {
            tag = false;
        } else if (!tag) {
            if (!strncmp(p, "&lt;", 4)) {
                g_string_append_c(dst, '<');
                p += 3;
            } else if (!strncmp(p, "&gt;", 4)) {
                g_string_append_c(dst, '>');
                p += 3;
            } else if (!strncmp(p, "&nbsp;", 6)) {
                g_string_append_c(dst, ' ');
                p += 5;
            } else if (!strncmp(p, "&amp;", 5)) {
                g_string_append_c(dst, '&');
                p += 4;
            } else {
                g_string_append_c(dst, *p);
            }
        }
    }
}

/* A header's value in a block of header text ("Name: value", folded). */
static char *header_in_text(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = text; p && *p;) {
        if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
            const char *v = p + n + 1;
            GString *s = g_string_new(NULL);
            for (;;) {
                const char *eol = strchr(v, '\n');
                g_string_append_len(s, v, eol ? (gssize)(eol - v) : (gssize)strlen(v));
                if (eol == NULL || (eol[1] != ' ' && eol[1] != '\t'))
                    break;
                v = eol + 1;
            }
            g_strstrip(s->str);
            return g_string_free(s, FALSE);
        }
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    return NULL;
}

/* ---- the mid -------------------------------------------------------------------------- */

static bool mid_from_text(mtrk_id *mid, const char *s)
{
    if (s == NULL)
        return false;
    while (*s == ' ' || *s == '<')
        s++;
    char buf[MTRK_ID_STRLEN + 1];
    if (strlen(s) < MTRK_ID_STRLEN)
        return false;
    memcpy(buf, s, MTRK_ID_STRLEN);
    buf[MTRK_ID_STRLEN] = '\0';
    char next = s[MTRK_ID_STRLEN];
    if (next != '\0' && next != '.' && next != '@' && next != '>' && next != ' ')
        return false;
    if (mtrk_id_from_string(mid, buf) != MTRK_OK || mtrk_id_is_nil(*mid))
        return false;
    return true;
}

static void find_mid(mtrk_bounce_report *r, GMimeObject *top, walk_ctx *w, const char *envid, const char *body)
{
    static const char *const rcpt_headers[] = { "To", "Delivered-To", "X-Original-To", "Envelope-To",
                                                "X-Envelope-To", "Return-Path" };
    for (size_t i = 0; i < sizeof rcpt_headers / sizeof rcpt_headers[0] && r->mid_source == 0; i++) {
        const char *v = g_mime_object_get_header(top, rcpt_headers[i]);
        for (const char *p = v; p && *p && r->mid_source == 0; p++) {
            size_t l = addr_len(p);
            if (l && (p == v || !addr_char((unsigned char)p[-1]))) {
                char a[256];
                snprintf(a, sizeof a, "%.*s", (int)(l < 255 ? l : 255), p);
                if (mtrk_bounce_verp_parse(&r->mid, a) == MTRK_OK) {
                    r->mid_source = MTRK_BOUNCE_MID_VERP;
                    free(r->verp);
                    r->verp = clean(r, a[0] == '<' ? a + 1 : a, 254);
                    if (r->verp)
                        r->verp[strcspn(r->verp, ">")] = '\0';
                }
                p += l - 1;
            }
        }
    }
    /* The returned original: its headers as a message part, a headers part, or inline text. */
    const char *copy = body ? copy_start(body) : NULL;
    char *h = NULL;
    if (r->mid_source == 0 && w->orig_mid_header && mid_from_text(&r->mid, w->orig_mid_header))
        r->mid_source = MTRK_BOUNCE_MID_HEADER;
    if (r->mid_source == 0 && w->orig_headers->len &&
        (h = header_in_text(w->orig_headers->str, MTRK_MID_HEADER)) && mid_from_text(&r->mid, h))
        r->mid_source = MTRK_BOUNCE_MID_HEADER;
    g_free(h);
    h = NULL;
    if (r->mid_source == 0 && copy) {
        const char *line = ci_find(copy, "\n" MTRK_MID_HEADER ":");
        if (line && (h = header_in_text(line + 1, MTRK_MID_HEADER)) && mid_from_text(&r->mid, h))
            r->mid_source = MTRK_BOUNCE_MID_HEADER;
        g_free(h);
        h = NULL;
    }
    if (r->mid_source == 0 && envid && mid_from_text(&r->mid, envid))
        r->mid_source = MTRK_BOUNCE_MID_ENVID;
    /* The original's Message-ID. */
    char *msgid = w->orig_msgid ? g_strdup(w->orig_msgid) : NULL;
    if (msgid == NULL && w->orig_headers->len)
        msgid = header_in_text(w->orig_headers->str, "Message-ID");
    if (msgid == NULL && copy) {
        const char *line = ci_find(copy, "\nMessage-ID:");
        if (line)
            msgid = header_in_text(line + 1, "Message-ID");
    }
    if (msgid) {
        char *s = msgid;
        while (*s == '<' || *s == ' ')
            s++;
        s[strcspn(s, ">")] = '\0';
        free(r->orig_msgid);
        r->orig_msgid = clean(r, s, 998);
        if (r->mid_source == 0 && mid_from_text(&r->mid, s))
            r->mid_source = MTRK_BOUNCE_MID_MESSAGE_ID;
        g_free(msgid);
    }
    if (r->mid_source == 0)
        memset(&r->mid, 0, sizeof r->mid);
}

/* ---- VERP ------------------------------------------------------------------------- */

MTRK_API int mtrk_bounce_verp_format(char *out, size_t out_size, const char *return_path, mtrk_id mid)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (return_path == NULL)
        return gerr(MTRK_EINVAL, "return_path is NULL");
    if (mtrk_id_is_nil(mid))
        return gerr(MTRK_EINVAL, "mid is nil");
    const char *at = strchr(return_path, '@');
    if (at == NULL || at == return_path || at[1] == '\0' || strchr(at + 1, '@'))
        return gerr(MTRK_EINVAL, "return_path \"%.254s\" is not local@domain", return_path);
    size_t local = (size_t)(at - return_path);
    if (local + 6 + 32 > MTRK_MAX_LOCAL_PART)
        return gerr(MTRK_ETOOLONG, "return_path's local part (%zu octets) leaves no room for the mid tag "
                                   "(38 octets; local parts hold %d)", local, MTRK_MAX_LOCAL_PART);
    size_t need = local + 6 + 32 + strlen(at) + 1;
    if (need > out_size)
        return gerr(MTRK_ETOOLONG, "out holds %zu octets, %zu needed", out_size, need);
    char hex[33];
    for (int i = 0; i < 16; i++)
        snprintf(hex + 2 * i, 3, "%02x", mid.bytes[i]);
    snprintf(out, out_size, "%.*s+mtrk-%s%s", (int)local, return_path, hex, at);
    return MTRK_OK;
}

MTRK_API int mtrk_bounce_verp_parse(mtrk_id *mid, const char *address)
{
    if (mid == NULL)
        return gerr(MTRK_EINVAL, "mid is NULL");
    if (address == NULL)
        return gerr(MTRK_EINVAL, "address is NULL");
    if (*address == '<')
        address++;
    const char *at = strrchr(address, '@');
    if (at == NULL || at - address < 38)
        return gerr(MTRK_ENOTFOUND, "address has no mid tag");
    const char *tag = at - 38;
    if (!((tag[0] == '+' || tag[0] == '-' || tag[0] == '=') && strncasecmp(tag + 1, "mtrk-", 5) == 0))
        return gerr(MTRK_ENOTFOUND, "address has no mid tag");
    mtrk_id id;
    for (int i = 0; i < 16; i++) {
        int v = 0;
        for (int k = 0; k < 2; k++) {
            char c = tag[6 + 2 * i + k];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                return gerr(MTRK_ENOTFOUND, "address's mid tag is not 32 hex digits");
            v = v * 16 + d;
        }
        id.bytes[i] = (uint8_t)v;
    }
    if (mtrk_id_is_nil(id))
        return gerr(MTRK_ENOTFOUND, "address's mid tag is the nil id");
    *mid = id;
    return MTRK_OK;
}

MTRK_API const char *mtrk_bounce_mid_source_name(mtrk_bounce_mid_source s)
{
    static const char *const names[] = { "none", "verp", "header", "envid", "message_id" };
    return (int)s >= 0 && (int)s < 5 ? names[s] : NULL;
}

MTRK_API const char *mtrk_bounce_format_name(mtrk_bounce_format f)
{
    static const char *const names[] = { "none", "rfc3464", "text", "autoreply" };
    return (int)f >= 0 && (int)f < 4 ? names[f] : NULL;
}

/* ---- parse ------------------------------------------------------------------------- */

/* How many MIME containers the raw text could declare (multipart/ and
 * message/ types): a bound checked before GMime, whose parser recurses. */
static size_t count_containers(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 7; i < n; i++)
        if (s[i] == '/' && ((i >= 9 && strncasecmp(s + i - 9, "multipart", 9) == 0) ||
                            strncasecmp(s + i - 7, "message", 7) == 0))
            c++;
    return c;
}

void bounce_report_free_recs(mtrk_bounce_report *r)
{
    for (size_t i = 0; i < r->n; i++) {
        brec *b = &r->v[i];
        free(b->recipient);
        free(b->original_recipient);
        free(b->action);
        free(b->status);
        free(b->diagnostic);
        free(b->remote_mta);
    }
    free(r->v);
}

MTRK_API void mtrk_bounce_report_free(mtrk_bounce_report *r)
{
    if (r == NULL)
        return;
    bounce_report_free_recs(r);
    free(r->origin);
    free(r->orig_msgid);
    free(r->verp);
    free(r);
}

int bounce_report_set_origin(mtrk_bounce_report *r, const char *origin)
{
    free(r->origin);
    r->origin = strdup(origin ? origin : "");
    return r->origin ? MTRK_OK : MTRK_ENOMEM;
}

MTRK_API int mtrk_bounce_parse(mtrk_bounce_report **out, const void *data, size_t len)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (data == NULL)
        return gerr(MTRK_EINVAL, "data is NULL");
    if (len > MTRK_MAX_BOUNCE_MESSAGE)
        return gerr(MTRK_ETOOLONG, "message of %zu octets: the limit is %u", len, MTRK_MAX_BOUNCE_MESSAGE);
    const char *in = data;
    size_t containers = count_containers(in, len);
    if (containers > MTRK_MAX_BOUNCE_PARTS)
        return gerr(MTRK_ETOOLONG, "message declares %zu MIME containers: the limit is %d", containers,
                    MTRK_MAX_BOUNCE_PARTS);
    /* One line ending (LF) for GMime and for every scan after it; NULs dropped. */
    char *buf = malloc(len + 1);
    if (buf == NULL)
        return gerr(MTRK_ENOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = in[i];
        if (c == '\r') {
            buf[n++] = '\n';
            if (i + 1 < len && in[i + 1] == '\n')
                i++;
        } else if (c != '\0') {
            buf[n++] = c;
        }
    }
    buf[n] = '\0';
    mtrk_bounce_report *r = calloc(1, sizeof *r);
    if (r == NULL) {
        free(buf);
        return gerr(MTRK_ENOMEM, "out of memory");
    }
    pthread_once(&gmime_once, gmime_start);
    GMimeStream *stream = g_mime_stream_mem_new_with_buffer(buf, n);
    GMimeParser *parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
    g_object_unref(parser);
    g_object_unref(stream);
    int rc = MTRK_OK;
    if (msg == NULL || g_mime_header_list_get_count(g_mime_object_get_header_list(GMIME_OBJECT(msg))) == 0 ||
        (g_mime_object_get_header(GMIME_OBJECT(msg), "From") == NULL &&
         g_mime_object_get_header(GMIME_OBJECT(msg), "Subject") == NULL &&
         g_mime_object_get_header(GMIME_OBJECT(msg), "Content-Type") == NULL)) {
        rc = gerr(MTRK_EINVAL, "not a mail message: no From, Subject or Content-Type header field");
        goto done;
    }
    GMimeObject *top = GMIME_OBJECT(msg);
    walk_ctx w = { g_string_new(NULL), g_string_new(NULL), g_string_new(NULL), g_string_new(NULL), NULL, NULL };
    walk(&w, g_mime_message_get_mime_part(msg), 0);
    if (w.body->len == 0 && w.html->len)
        html_to_text(w.body, w.html->str);
    gchar *body = g_utf8_make_valid(w.body->str, (gssize)w.body->len);
    const char *subject = g_mime_message_get_subject(msg);
    char *envid = NULL;
    if (w.dsn->len) {
        g_string_append(w.dsn, "\n\n"); /* the last field and block end here even without a blank line */
        gchar *dsn = g_utf8_make_valid(w.dsn->str, (gssize)w.dsn->len);
        /* A DSN part is header text: normalise its line ends the way the message's were. */
        for (char *p = dsn; *p; p++)
            if (*p == '\r')
                *p = '\n';
        parse_dsn(r, dsn, &envid);
        g_free(dsn);
        if (r->n)
            r->format = MTRK_BOUNCE_FORMAT_RFC3464;
        else
            note(r, "delivery-status part names no recipient");
    }
    /* Text is read for recipients only in what presents itself as a bounce:
     * a person's reply with an address alone on a line is not one. */
    bool bounce_like = looks_like_bounce(top, subject) || w.dsn->len ||
                       g_mime_object_get_header(top, "X-Failed-Recipients") != NULL;
    if (r->n == 0 && bounce_like && body && *body) {
        parse_text(r, body);
        if (r->n)
            r->format = MTRK_BOUNCE_FORMAT_TEXT;
    }
    if (r->n == 0) {
        const char *failed = g_mime_object_get_header(top, "X-Failed-Recipients");
        for (const char *p = failed; p && *p; p++) {
            size_t l = addr_len(p);
            if (l && (p == failed || !addr_char((unsigned char)p[-1]))) {
                brec *b = add_rec(r, p, l);
                if (b) {
                    set_field(r, &b->action, "failed", 32);
                    const char *d = body ? body : "";
                    char st[16];
                    if (find_status(st, d))
                        set_field(r, &b->status, st, 15);
                    b->smtp = find_smtp(d);
                }
                p += l - 1;
            }
        }
        if (r->n) {
            r->format = MTRK_BOUNCE_FORMAT_TEXT;
            note(r, "recipients from X-Failed-Recipients; the text names no diagnostic per recipient");
        }
    }
    if (r->n == 0 && !bounce_like && is_autoreply(top, subject)) {
        InternetAddressList *from = g_mime_message_get_from(msg);
        const char *addr = "";
        if (from && internet_address_list_length(from) > 0) {
            InternetAddress *ia = internet_address_list_get_address(from, 0);
            if (INTERNET_ADDRESS_IS_MAILBOX(ia))
                addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
        }
        brec *b = add_rec(r, addr ? addr : "", addr ? strlen(addr) : 0);
        if (b) {
            set_field(r, &b->diagnostic, subject ? subject : "", MTRK_MAX_DIAGNOSTIC);
            b->reason = MTRK_BR_NOT_A_BOUNCE;
        }
        r->format = MTRK_BOUNCE_FORMAT_AUTOREPLY;
    } else if (r->n == 0 && bounce_like) {
        brec *b = add_rec(r, "", 0);
        if (b) {
            set_field(r, &b->action, "failed", 32);
            char st[16];
            if (body && find_status(st, body))
                set_field(r, &b->status, st, 15);
            b->smtp = body ? find_smtp(body) : 0;
            size_t keep = body ? strlen(body) : 0;
            const char *cs = body ? copy_start(body) : NULL;
            if (cs)
                keep = (size_t)(cs - body);
            gchar *part = g_strndup(body ? body : "", keep < 4096 ? keep : 4096);
            set_field(r, &b->diagnostic, part, MTRK_MAX_DIAGNOSTIC);
            g_free(part);
        }
        r->format = MTRK_BOUNCE_FORMAT_TEXT;
        note(r, "a bounce naming no recipient that could be read");
    }
    /* Classify; fill every string so accessors never hand out NULL. */
    for (size_t i = 0; i < r->n; i++) {
        brec *b = &r->v[i];
        char **fields[] = { &b->original_recipient, &b->action, &b->status, &b->diagnostic, &b->remote_mta };
        for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
            if (*fields[k] == NULL)
                *fields[k] = clean(r, "", 0);
        if (b->status && *b->status)
            bounce_status_parse(&b->cls, &b->subject, &b->detail, b->status);
        if (r->format == MTRK_BOUNCE_FORMAT_AUTOREPLY)
            continue;
        if (b->action && (!strcmp(b->action, "delivered") || !strcmp(b->action, "relayed") ||
                          !strcmp(b->action, "expanded")))
            b->reason = MTRK_BR_NOT_A_BOUNCE;
        else {
            b->reason = mtrk_bounce_classify(b->status, b->smtp, b->diagnostic);
            if (b->reason == MTRK_BR_NOT_A_BOUNCE) /* a 2.x.x status on a failure */
                b->reason = MTRK_BR_UNDETERMINED;
        }
        if (b->reason == MTRK_BR_UNDETERMINED && !strstr(r->note, "no known pattern"))
            note(r, "status, reply code and text match no known pattern");
    }
    find_mid(r, top, &w, envid, body);
    g_free(envid);
    g_free(body);
    g_string_free(w.dsn, TRUE);
    g_string_free(w.body, TRUE);
    g_string_free(w.html, TRUE);
    g_string_free(w.orig_headers, TRUE);
    g_free(w.orig_msgid);
    g_free(w.orig_mid_header);
    if (r->orig_msgid == NULL)
        r->orig_msgid = clean(r, "", 0);
    if (r->verp == NULL)
        r->verp = clean(r, "", 0);
    if (r->origin == NULL)
        r->origin = clean(r, "", 0);
    if (r->oom)
        rc = gerr(MTRK_ENOMEM, "out of memory");
done:
    if (msg)
        g_object_unref(msg);
    free(buf);
    if (rc) {
        mtrk_bounce_report_free(r);
        return rc;
    }
    *out = r;
    return MTRK_OK;
}

/* ---- reading the report ------------------------------------------------------------------ */

MTRK_API int mtrk_bounce_recipient_init(mtrk_bounce_recipient *rec, unsigned int version)
{
    int rc = init_check(rec, "recipient", "mtrk_bounce_recipient", version, MTRK_BOUNCE_RECIPIENT_VERSION);
    if (rc)
        return rc;
    mtrk_bounce_recipient d = MTRK_BOUNCE_RECIPIENT_INIT;
    d.version = version;
    /* A version-1 caller's struct ends before verp. */
    memcpy(rec, &d, version == 1 ? offsetof(mtrk_bounce_recipient, verp) : sizeof d);
    return MTRK_OK;
}

MTRK_API size_t mtrk_bounce_report_count(const mtrk_bounce_report *r)
{
    return r ? r->n : 0;
}

MTRK_API int mtrk_bounce_report_get(mtrk_bounce_recipient *out, const mtrk_bounce_report *r, size_t i)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (r == NULL)
        return gerr(MTRK_EINVAL, "report is NULL");
    if (out->version == 0 || out->version > MTRK_BOUNCE_RECIPIENT_VERSION)
        return gerr(MTRK_EVERSION, "out version %u unknown (1..%u)", out->version, MTRK_BOUNCE_RECIPIENT_VERSION);
    if (i >= r->n)
        return gerr(MTRK_EINVAL, "index %zu out of range (%zu results)", i, r->n);
    const brec *b = &r->v[i];
    out->recipient = b->recipient;
    out->original_recipient = b->original_recipient;
    out->action = b->action;
    out->status = b->status;
    out->status_class = b->cls;
    out->status_subject = b->subject;
    out->status_detail = b->detail;
    out->smtp_code = b->smtp;
    out->diagnostic = b->diagnostic;
    out->remote_mta = b->remote_mta;
    out->reason = b->reason;
    out->kind = mtrk_bounce_reason_kind(b->reason);
    out->mid = r->mid;
    out->mid_source = r->mid_source;
    out->original_message_id = r->orig_msgid;
    if (out->version >= 2)
        out->verp = r->verp;
    return MTRK_OK;
}

MTRK_API mtrk_bounce_format mtrk_bounce_report_format(const mtrk_bounce_report *r)
{
    return r ? r->format : MTRK_BOUNCE_FORMAT_NONE;
}

MTRK_API const char *mtrk_bounce_report_note(const mtrk_bounce_report *r)
{
    return r ? r->note : "";
}

MTRK_API const char *mtrk_bounce_report_origin(const mtrk_bounce_report *r)
{
    return r && r->origin ? r->origin : "";
}
