/*
 * HTML link extraction and byte-exact rewriting, on Gumbo (an HTML5 parser
 * that reports where each attribute value lies in the source). The tree is
 * only read; the output is the source with chosen value spans replaced, so
 * every other byte (comments, conditional comments, odd markup) survives.
 */
#include "tracking_int.h"

#include <gumbo.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

void utf8_truncate(char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max)
        return;
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--; /* s[n] is a continuation byte: cut before its lead byte */
    s[n] = '\0';
}

static bool has_attr(const GumboElement *e, const char *name)
{
    return gumbo_get_attribute(&e->attributes, name) != NULL;
}

/* The catalogued form of an href value: trimmed, tabs and newlines removed
 * (as URL parsers do), other spaces and controls %-encoded. NULL when the
 * value is not tracked by policy or on ENOMEM (*oom says which). */
static char *tracked_url(const char *v, bool *oom)
{
    *oom = false;
    while (is_space(*v))
        v++;
    size_t n = strlen(v);
    while (n > 0 && is_space(v[n - 1]))
        n--;
    size_t skip;
    if (n >= 8 && strncasecmp(v, "https://", 8) == 0)
        skip = 8;
    else if (n >= 7 && strncasecmp(v, "http://", 7) == 0)
        skip = 7;
    else
        return NULL; /* mailto:, tel:, #fragment, relative, javascript:, ... */
    if (n == skip || v[skip] == '/' || v[skip] == '?' || v[skip] == '#' || is_space(v[skip]))
        return NULL; /* no host */
    for (size_t i = 0; i + 1 < n; i++) {
        if ((v[i] == '{' && v[i + 1] == '{') || (v[i] == '*' && v[i + 1] == '|'))
            return NULL; /* a template placeholder: the host's template engine owns it */
    }
    char *out = malloc(n * 3 + 1);
    if (out == NULL) {
        *oom = true;
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c <= 0x20 || c == 0x7f) {
            static const char hex[] = "0123456789ABCDEF";
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    if (o > MTRK_MAX_URL || !utf8_valid(out, o)) {
        free(out);
        return NULL; /* over the URL limit: left alone */
    }
    return out;
}

/* Appends the text of a subtree, whitespace collapsed. */
static void text_of(strbuf *b, const GumboNode *root)
{
    const GumboNode *stack[64];
    size_t idx[64];
    size_t sp = 0;
    stack[0] = root;
    idx[0] = 0;
    sp = 1;
    while (sp > 0) {
        const GumboNode *n = stack[sp - 1];
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            sb_add(b, n->v.text.text);
            sb_add(b, " ");
            sp--;
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT || idx[sp - 1] >= n->v.element.children.length || sp == 64) {
            sp--;
            continue;
        }
        const GumboNode *c = n->v.element.children.data[idx[sp - 1]++];
        stack[sp] = c;
        idx[sp] = 0;
        sp++;
    }
}

/* First non-empty alt of an <img> in the subtree (borrowed), or NULL. */
static const char *img_alt(const GumboNode *n, int depth)
{
    if (n->type != GUMBO_NODE_ELEMENT || depth > 64)
        return NULL;
    const GumboElement *e = &n->v.element;
    if (e->tag == GUMBO_TAG_IMG) {
        const GumboAttribute *a = gumbo_get_attribute(&e->attributes, "alt");
        if (a && a->value[0])
            return a->value;
    }
    for (unsigned i = 0; i < e->children.length; i++) {
        const char *alt = img_alt(e->children.data[i], depth + 1);
        if (alt)
            return alt;
    }
    return NULL;
}

/* Collapses runs of whitespace to one space and trims; NULL if empty, or
 * on ENOMEM (then *oom is set). */
static char *collapse(const char *s, bool *oom)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s);
    char *out = malloc(n + 1);
    if (out == NULL) {
        *oom = true;
        return NULL;
    }
    size_t o = 0;
    bool sp = false;
    for (size_t i = 0; i < n; i++) {
        if (is_space(s[i])) {
            sp = o > 0;
            continue;
        }
        if (sp)
            out[o++] = ' ';
        sp = false;
        out[o++] = s[i];
    }
    out[o] = '\0';
    if (o == 0) {
        free(out);
        return NULL;
    }
    utf8_truncate(out, MTRK_MAX_NAME);
    return out;
}

typedef struct walk_ctx {
    const char *src;
    size_t len;
    html_doc *doc;
    size_t cap, seq;
    int rc;
} walk_ctx;

/* A link element (<a href>, <area href>): catalogued when tracked. */
static void anchor(walk_ctx *w, const GumboNode *node)
{
    const GumboElement *e = &node->v.element;
    const GumboAttribute *href = gumbo_get_attribute(&e->attributes, "href");
    if (href == NULL || has_attr(e, "data-mtrk-notrack"))
        return;
    const char *vs = href->original_value.data;
    size_t vn = href->original_value.length;
    /* Only values that lie in the source (not synthesized) and are real values. */
    if (vs == NULL || vn == 0 || vs < w->src || vs + vn > w->src + w->len || href->value_start.offset == 0)
        return;
    bool oom;
    char *url = tracked_url(href->value, &oom);
    if (url == NULL) {
        if (oom)
            w->rc = MTRK_ENOMEM;
        return;
    }
    /* collapse() answers NULL for an empty label and on ENOMEM: a label lost
     * to ENOMEM must fail the parse, not catalogue the link without it. */
    char *label = NULL;
    bool lost = false;
    const GumboAttribute *name = gumbo_get_attribute(&e->attributes, "data-mtrk-name");
    if (name)
        label = collapse(name->value, &lost);
    if (label == NULL && !lost) {
        strbuf b = { 0 };
        text_of(&b, node);
        if (b.oom)
            lost = true;
        else if (b.p)
            label = collapse(b.p, &lost);
        sb_free(&b);
    }
    if (label == NULL && !lost)
        label = collapse(img_alt(node, 0), &lost);
    /* An image map's area has no content: its text is its alt. */
    const GumboAttribute *alt = e->tag == GUMBO_TAG_AREA ? gumbo_get_attribute(&e->attributes, "alt") : NULL;
    if (label == NULL && !lost && alt != NULL)
        label = collapse(alt->value, &lost);
    if (lost) {
        free(url);
        w->rc = MTRK_ENOMEM;
        return;
    }
    if (w->doc->n == w->cap) {
        html_link *v = grow_array(w->doc->links, &w->cap, sizeof *v, 16);
        if (v == NULL) {
            free(url);
            free(label);
            w->rc = MTRK_ENOMEM;
            return;
        }
        w->doc->links = v;
    }
    html_link *l = &w->doc->links[w->doc->n++];
    l->off = (size_t)(vs - w->src);
    l->len = vn;
    l->quote = (vs[0] == '"' || vs[0] == '\'') ? vs[0] : 0;
    l->url = url;
    l->label = label;
    l->honeypot = has_attr(e, "data-mtrk-honeypot");
    l->seq = w->seq++;
}

static int link_cmp(const void *a, const void *b)
{
    const html_link *x = a, *y = b;
    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Iterative depth-first walk (malformed input may nest deeply). */
static void walk(walk_ctx *w, const GumboNode *root)
{
    size_t cap = 256, sp = 0;
    const GumboNode **stack = malloc(cap * sizeof *stack);
    if (stack == NULL) {
        w->rc = MTRK_ENOMEM;
        return;
    }
    stack[sp++] = root;
    while (sp > 0 && w->rc == MTRK_OK) {
        const GumboNode *n = stack[--sp];
        const GumboVector *kids;
        if (n->type == GUMBO_NODE_DOCUMENT) {
            kids = &n->v.document.children;
            goto push;
        }
        if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE)
            continue;
        const GumboElement *e = &n->v.element;
        kids = &e->children;
        if ((e->tag == GUMBO_TAG_A || e->tag == GUMBO_TAG_AREA) && n->type == GUMBO_NODE_ELEMENT &&
            e->tag_namespace == GUMBO_NAMESPACE_HTML)
            anchor(w, n);
        if (e->tag == GUMBO_TAG_BODY && e->original_end_tag.data != NULL && e->original_end_tag.length > 0 &&
            e->original_end_tag.data >= w->src && e->original_end_tag.data < w->src + w->len)
            w->doc->body_end = (size_t)(e->original_end_tag.data - w->src);
    push:
        if (sp + kids->length > cap) {
            size_t nc = (sp + kids->length) * 2;
            const GumboNode **s2 = realloc(stack, nc * sizeof *s2);
            if (s2 == NULL) {
                w->rc = MTRK_ENOMEM;
                break;
            }
            stack = s2;
            cap = nc;
        }
        /* Children pushed in reverse so they pop in document order. */
        for (unsigned i = kids->length; i > 0; i--)
            stack[sp++] = kids->data[i - 1];
    }
    free(stack);
}

void html_doc_free(html_doc *doc)
{
    for (size_t i = 0; i < doc->n; i++) {
        free(doc->links[i].url);
        free(doc->links[i].label);
    }
    free(doc->links);
    memset(doc, 0, sizeof *doc);
}

/* Gumbo does not check its allocations: a NULL from malloc crashes it. So it
 * allocates through this arena, which keeps every live block on a list and,
 * when malloc fails, jumps back to html_parse, which frees the whole list:
 * out of memory while parsing is MTRK_ENOMEM, without a crash or a leak. */
typedef union gblock {
    struct {
        union gblock *prev, *next;
    } l;
    max_align_t align;
} gblock;

typedef struct garena {
    jmp_buf oom;
    gblock *head;
} garena;

static void *garena_alloc(void *ud, size_t n)
{
    garena *a = ud;
    gblock *b = n <= SIZE_MAX - sizeof *b ? malloc(sizeof *b + n) : NULL;
    if (b == NULL)
        longjmp(a->oom, 1);
    b->l.prev = NULL;
    b->l.next = a->head;
    if (a->head)
        a->head->l.prev = b;
    a->head = b;
    return b + 1;
}

static void garena_free(void *ud, void *p)
{
    garena *a = ud;
    if (p == NULL)
        return;
    gblock *b = (gblock *)p - 1;
    if (b->l.prev)
        b->l.prev->l.next = b->l.next;
    else
        a->head = b->l.next;
    if (b->l.next)
        b->l.next->l.prev = b->l.prev;
    free(b);
}

static void garena_destroy(garena *a)
{
    for (gblock *b = a->head, *next; b; b = next) {
        next = b->l.next;
        free(b);
    }
    free(a);
}

int html_parse(html_doc *doc, const char *src, size_t len)
{
    memset(doc, 0, sizeof *doc);
    doc->body_end = len;
    /* On the heap: nothing html_parse keeps in a local changes between
     * setjmp and longjmp. */
    garena *arena = calloc(1, sizeof *arena);
    if (arena == NULL)
        return MTRK_ENOMEM;
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0; /* errors are not reported: do not keep them */
    opts.allocator = garena_alloc;
    opts.deallocator = garena_free;
    opts.userdata = arena;
    if (setjmp(arena->oom)) {
        garena_destroy(arena);
        return MTRK_ENOMEM;
    }
    GumboOutput *out = gumbo_parse_with_options(&opts, src, len);
    if (out == NULL) {
        garena_destroy(arena);
        return MTRK_ENOMEM;
    }
    walk_ctx w = { src, len, doc, 0, 0, MTRK_OK };
    walk(&w, out->document);
    gumbo_destroy_output(&opts, out);
    garena_destroy(arena);
    if (w.rc) {
        html_doc_free(doc);
        return w.rc;
    }
    /* Source order; an anchor cloned by the tree builder (misnested
     * formatting) shares its attribute's bytes: keep the first only. */
    if (doc->n > 1)
        qsort(doc->links, doc->n, sizeof *doc->links, link_cmp);
    size_t o = 0;
    for (size_t i = 0; i < doc->n; i++) {
        if (o > 0 && doc->links[o - 1].off == doc->links[i].off) {
            if (doc->links[o - 1].label == NULL) { /* the text may have gone to the clone */
                doc->links[o - 1].label = doc->links[i].label;
                doc->links[i].label = NULL;
            }
            free(doc->links[i].url);
            free(doc->links[i].label);
            continue;
        }
        doc->links[o++] = doc->links[i];
    }
    doc->n = o;
    return MTRK_OK;
}

void html_escape(strbuf *b, const char *s)
{
    while (*s) {
        size_t run = strcspn(s, "&<>\"'");
        sb_addn(b, s, run);
        s += run;
        switch (*s) {
        case '&': sb_add(b, "&amp;"); break;
        case '<': sb_add(b, "&lt;"); break;
        case '>': sb_add(b, "&gt;"); break;
        case '"': sb_add(b, "&quot;"); break;
        case '\'': sb_add(b, "&#39;"); break;
        default: return;
        }
        s++;
    }
}

void html_attr_encode(strbuf *b, const char *url, char quote)
{
    if (quote == 0) {
        bool needs = *url == '\0';
        for (const char *p = url; *p && !needs; p++)
            needs = is_space(*p) || strchr("\"'=<>`", *p) != NULL;
        if (needs)
            quote = '"';
    }
    if (quote)
        sb_addn(b, &quote, 1);
    /* Runs without & or the quote copied at once. */
    const char *stop = quote == '"' ? "&\"" : quote == '\'' ? "&'" : "&";
    for (const char *p = url; *p;) {
        size_t run = strcspn(p, stop);
        sb_addn(b, p, run);
        p += run;
        if (*p == '&')
            sb_add(b, "&amp;");
        else if (*p == '"')
            sb_add(b, "&quot;");
        else if (*p == '\'')
            sb_add(b, "&#39;");
        else
            break;
        p++;
    }
    if (quote)
        sb_addn(b, &quote, 1);
}

static void seg_out(strbuf *b, const char *s, size_t n, html_seg_fn seg, void *ud)
{
    if (n == 0)
        return;
    if (seg)
        seg(b, s, n, ud);
    else
        sb_addn(b, s, n);
}

void html_compose(strbuf *b, const char *src, size_t len, const html_doc *doc, const char *const *repl,
                  size_t ins_at, const char *insert, html_seg_fn seg, void *ud)
{
    size_t pos = 0;
    bool inserted = insert == NULL;
    for (size_t i = 0; i <= doc->n; i++) {
        size_t end = i < doc->n ? doc->links[i].off : len;
        if (!inserted && ins_at >= pos && ins_at <= end) {
            seg_out(b, src + pos, ins_at - pos, seg, ud);
            sb_add(b, insert);
            pos = ins_at;
            inserted = true;
        }
        seg_out(b, src + pos, end - pos, seg, ud);
        if (i == doc->n)
            break;
        const html_link *l = &doc->links[i];
        if (repl && repl[i])
            html_attr_encode(b, repl[i], l->quote);
        else
            sb_addn(b, src + l->off, l->len);
        pos = l->off + l->len;
    }
    if (!inserted)
        sb_add(b, insert);
}

MTRK_API int mtrk_html_rewrite(char **out, size_t *out_len, const char *html, size_t len, mtrk_html_link_fn fn,
                               void *userdata)
{
    if (out)
        *out = NULL;
    if (out_len)
        *out_len = 0;
    if (html == NULL)
        return gerr(MTRK_EINVAL, "html is NULL");
    if (len > MTRK_MAX_HTML)
        return gerr(MTRK_ETOOLONG, "html is longer than %u octets", MTRK_MAX_HTML);
    html_doc doc;
    int rc = html_parse(&doc, html, len);
    if (rc)
        return gerr(rc, "out of memory parsing html");
    const char **repl = calloc(doc.n + 1, sizeof *repl);
    if (repl == NULL) {
        html_doc_free(&doc);
        return gerr(MTRK_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < doc.n && rc == MTRK_OK && fn; i++) {
        const html_link *l = &doc.links[i];
        mtrk_html_link info = { MTRK_HTML_LINK_VERSION, i, l->off, l->len, l->url, l->label, l->honeypot };
        rc = fn(userdata, &info, &repl[i]);
    }
    if (rc == MTRK_OK && out) {
        strbuf b = { 0 };
        html_compose(&b, html, len, &doc, repl, 0, NULL, NULL, NULL);
        sb_addn(&b, "", 0);
        if (b.oom || b.p == NULL) {
            sb_free(&b);
            rc = gerr(MTRK_ENOMEM, "out of memory");
        } else {
            *out = b.p;
            if (out_len)
                *out_len = b.n;
        }
    }
    free(repl);
    html_doc_free(&doc);
    return rc;
}

/* ---- parsed templates -------------------------------------------------------- */

/* The handle's templates, least recently used first out. */
struct tmpl_cache {
    html_tmpl *v[TMPL_CACHE_MAX];
    size_t n;
    size_t bytes;   /* sum of the sources' lengths */
    uint64_t tick;
    size_t parses;  /* templates built (tests) */
};

static void tmpl_free(html_tmpl *m)
{
    if (m == NULL)
        return;
    free(m->src);
    free(m->slots);
    html_doc_free(&m->doc);
    free(m);
}

void tmpl_cache_free(struct tmpl_cache *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->n; i++)
        tmpl_free(c->v[i]);
    free(c);
}

static int slot_cmp(const void *a, const void *b)
{
    const tmpl_slot *x = a, *y = b;
    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    return x->kind < y->kind ? -1 : x->kind > y->kind; /* the pixel before a link at the same offset */
}

/* Adds a slot; false on ENOMEM. */
static bool slot_add(html_tmpl *m, size_t *cap, size_t off, size_t len, int kind, size_t link)
{
    if (m->nslots == *cap) {
        tmpl_slot *v = grow_array(m->slots, cap, sizeof *v, 16);
        if (v == NULL)
            return false;
        m->slots = v;
    }
    m->slots[m->nslots++] = (tmpl_slot){ off, len, kind, link };
    return true;
}

/* The placeholders of src[from, to) (outside link values). */
static bool slots_placeholders(html_tmpl *m, size_t *cap, size_t from, size_t to)
{
    static const struct {
        const char *s;
        size_t n;
        int kind;
    } ph[] = { { PH_UNSUB, sizeof PH_UNSUB - 1, SLOT_UNSUB }, { PH_LANDING, sizeof PH_LANDING - 1, SLOT_LANDING } };
    const char *s = m->src;
    for (size_t i = from; i < to;) {
        const char *p = memchr(s + i, '{', to - i);
        if (p == NULL)
            break;
        i = (size_t)(p - s);
        size_t took = 1;
        for (size_t k = 0; k < sizeof ph / sizeof ph[0]; k++) {
            if (to - i >= ph[k].n && memcmp(s + i, ph[k].s, ph[k].n) == 0) {
                if (!slot_add(m, cap, i, ph[k].n, ph[k].kind, 0))
                    return false;
                if (ph[k].kind == SLOT_LANDING)
                    m->uses_landing = true;
                took = ph[k].n;
                break;
            }
        }
        i += took;
    }
    return true;
}

/* Parses src into a new template with its slots. */
static int tmpl_build(html_tmpl **out, mtrk_id campaign, const char *src, size_t len)
{
    *out = NULL;
    html_tmpl *m = calloc(1, sizeof *m);
    if (m == NULL || (m->src = malloc(len + 1)) == NULL) {
        free(m);
        return MTRK_ENOMEM;
    }
    memcpy(m->src, src, len);
    m->src[len] = '\0';
    m->len = len;
    m->campaign = campaign;
    int rc = html_parse(&m->doc, m->src, len);
    if (rc) {
        free(m->src);
        free(m);
        return rc;
    }
    size_t cap = 0, pos = 0;
    bool ok = slot_add(m, &cap, m->doc.body_end, 0, SLOT_PIXEL, 0);
    for (size_t i = 0; ok && i <= m->doc.n; i++) {
        size_t end = i < m->doc.n ? m->doc.links[i].off : len;
        ok = slots_placeholders(m, &cap, pos, end);
        if (ok && i < m->doc.n) {
            ok = slot_add(m, &cap, end, m->doc.links[i].len, SLOT_LINK, i);
            pos = end + m->doc.links[i].len;
        }
    }
    if (!ok) {
        tmpl_free(m);
        return MTRK_ENOMEM;
    }
    qsort(m->slots, m->nslots, sizeof *m->slots, slot_cmp);
    *out = m;
    return MTRK_OK;
}

int tmpl_get(mtrk_tenant *t, mtrk_id campaign, const char *src, size_t len, const html_tmpl **out)
{
    *out = NULL;
    struct tmpl_cache *c = t->tmpl;
    if (c == NULL && (c = t->tmpl = calloc(1, sizeof *c)) == NULL)
        return MTRK_ENOMEM;
    for (size_t i = 0; i < c->n; i++) {
        html_tmpl *m = c->v[i];
        if (!id_eq(m->campaign, campaign))
            continue;
        if (m->len == len && memcmp(m->src, src, len) == 0) {
            m->last_use = ++c->tick;
            *out = m;
            return MTRK_OK;
        }
        /* The content changed: its old parse goes. */
        c->bytes -= m->len;
        tmpl_free(m);
        c->v[i] = c->v[--c->n];
        break;
    }
    html_tmpl *m;
    int rc = tmpl_build(&m, campaign, src, len);
    if (rc)
        return rc;
    c->parses++;
    /* Room: at most TMPL_CACHE_MAX templates and TMPL_CACHE_BYTES of source. */
    while (c->n > 0 && (c->n == TMPL_CACHE_MAX || c->bytes + len > TMPL_CACHE_BYTES)) {
        size_t lru = 0;
        for (size_t i = 1; i < c->n; i++)
            if (c->v[i]->last_use < c->v[lru]->last_use)
                lru = i;
        c->bytes -= c->v[lru]->len;
        tmpl_free(c->v[lru]);
        c->v[lru] = c->v[--c->n];
    }
    m->last_use = ++c->tick;
    c->v[c->n++] = m;
    c->bytes += len;
    *out = m;
    return MTRK_OK;
}

void tmpl_cache_stats(const mtrk_tenant *t, size_t *count, size_t *parses)
{
    *count = t->tmpl ? t->tmpl->n : 0;
    *parses = t->tmpl ? t->tmpl->parses : 0;
}
