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

static bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

/* Whether the URL v[n] (scheme and host checked) is written with merge tags
 * of a template language ({{x}}, {% x %}, *|X|*, [[X]], {x}, {$x}, ${x},
 * %%x%%, <%x%>, %recipient.x% ...) or holds another character RFC 3986
 * forbids unencoded: < > \ ^ ` { | }, [ or ] outside an IPv6 host, a % not
 * followed by two hex digits. Only templating writes such an href; its URL
 * differs per recipient. Spaces, controls and '"' are not counted here:
 * browsers encode them, and so does the catalogue (spaces and controls). */
static bool url_is_template(const char *v, size_t n, size_t host_at)
{
    size_t host_end = host_at;
    while (host_end < n && v[host_end] != '/' && v[host_end] != '?' && v[host_end] != '#')
        host_end++;
    for (size_t i = 0; i < n; i++) {
        char c = v[i];
        if (strchr("<>\\^`{|}", c) != NULL && c != '\0')
            return true;
        if (c == '%' && (i + 2 >= n || !is_hex(v[i + 1]) || !is_hex(v[i + 2])))
            return true;
        if ((c == '[' || c == ']') && (i < host_at || i >= host_end))
            return true;
    }
    return false;
}

/* The catalogued form of an href value: trimmed, tabs and newlines removed
 * (as URL parsers do), other spaces and controls %-encoded (kept in a
 * template's URL, for its engine). NULL when the
 * value is not catalogued by policy or on ENOMEM (*oom says which);
 * *templ when it is written with merge tags (url_is_template). */
static char *tracked_url(const char *v, bool *oom, bool *templ)
{
    *oom = false;
    *templ = false;
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
    *templ = url_is_template(v, n, skip);
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
        if ((c <= 0x20 || c == 0x7f) && !*templ) { /* a template's spaces are its engine's: kept */
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

/* Elements whose boundaries separate words in a label (blocks, cells, line
 * breaks); inline elements (<b>, <span> ...) do not: "e<b>x</b>ample" is one
 * word. */
static bool separates(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_BR: case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HR: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_IMG: case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_PRE: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BUTTON:
        return true;
    default:
        return false;
    }
}

/* Elements whose text is never shown: never part of a label. */
static bool hidden_text(GumboTag tag)
{
    return tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_TEMPLATE ||
           tag == GUMBO_TAG_TITLE || tag == GUMBO_TAG_NOSCRIPT;
}

/* Appends the visible text of a subtree (whitespace collapsed later), to
 * any depth. False on ENOMEM. */
static bool text_of(strbuf *b, const GumboNode *root)
{
    size_t cap = 64, sp = 0;
    const GumboNode **stack = malloc(cap * sizeof *stack);
    if (stack == NULL)
        return false;
    stack[sp++] = root;
    bool ok = true;
    while (sp > 0 && ok) {
        const GumboNode *n = stack[--sp];
        if (n == NULL) { /* the end of a separating element */
            sb_add(b, " ");
            continue;
        }
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
            sb_add(b, n->v.text.text);
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT || hidden_text(n->v.element.tag))
            continue;
        const GumboVector *kids = &n->v.element.children;
        bool sep = n != root && separates(n->v.element.tag);
        if (sp + kids->length + 2 > cap) {
            size_t nc = (sp + kids->length + 2) * 2;
            const GumboNode **s2 = realloc(stack, nc * sizeof *s2);
            if (s2 == NULL) {
                ok = false;
                break;
            }
            stack = s2;
            cap = nc;
        }
        if (sep) {
            sb_add(b, " ");
            stack[sp++] = NULL;
        }
        for (unsigned i = kids->length; i > 0; i--)
            stack[sp++] = kids->data[i - 1];
    }
    free(stack);
    return ok && !b->oom;
}

/* First non-empty alt of an <img> in the subtree (borrowed), or NULL; to any
 * depth (the tree's depth is bounded by the nesting check). */
static const char *img_alt(const GumboNode *n)
{
    if (n == NULL || n->type != GUMBO_NODE_ELEMENT)
        return NULL;
    const GumboElement *e = &n->v.element;
    if (e->tag == GUMBO_TAG_IMG) {
        const GumboAttribute *a = gumbo_get_attribute(&e->attributes, "alt");
        if (a && a->value[0])
            return a->value;
    }
    for (unsigned i = 0; i < e->children.length; i++) {
        const char *alt = img_alt(e->children.data[i]);
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
        /* U+00A0 (no-break space) pads buttons: whitespace here. */
        bool nbsp = (unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
        if (is_space(s[i]) || nbsp) {
            sp = o > 0;
            i += nbsp;
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
    bool oom, templ;
    char *url = tracked_url(href->value, &oom, &templ);
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
        if (!text_of(&b, node))
            lost = true;
        else if (b.p)
            label = collapse(b.p, &lost);
        sb_free(&b);
    }
    if (label == NULL && !lost)
        label = collapse(img_alt(node), &lost);
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
    l->templ = templ;
    l->tracked = !templ || has_attr(e, "data-mtrk-track");
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

/* ---- the nesting bound ----------------------------------------------------------
 * Gumbo's tree building costs time in proportion to the depth of the open
 * elements for many tokens, and it reopens unclosed formatting elements
 * (<b>, <font> ...) in every block that follows them: both can make a 4 MiB
 * body take minutes. Before parsing, one linear pass models what the tree
 * builder will hold open (the HTML5 rules that matter for depth: void
 * elements, raw text, implied end tags within their scopes, formatting
 * elements reopened until their end tag or their cell ends) and refuses a
 * body whose open elements nest deeper than MTRK_MAX_HTML_DEPTH or that
 * makes the parser reopen more than MTRK_MAX_HTML_REOPENED elements. */

enum {
    TF_VOID = 1, TF_RAW = 2, TF_BLOCK = 4, TF_FMT = 8, TF_MARKER = 16, TF_SCOPE = 32, TF_FOREIGN = 64,
    TF_NOREOPEN = 128 /* table structure: no reconstruction before it */
};

typedef struct tag_info {
    const char *name;
    unsigned flags;
} tag_info;

/* Sorted by name (bsearch). */
static const tag_info tag_table[] = {
    { "a", TF_FMT }, { "address", TF_BLOCK }, { "applet", TF_MARKER | TF_SCOPE }, { "area", TF_VOID },
    { "article", TF_BLOCK }, { "aside", TF_BLOCK }, { "b", TF_FMT }, { "base", TF_VOID }, { "basefont", TF_VOID },
    { "bgsound", TF_VOID }, { "big", TF_FMT }, { "blockquote", TF_BLOCK }, { "br", TF_VOID },
    { "caption", TF_MARKER | TF_SCOPE | TF_NOREOPEN }, { "center", TF_BLOCK }, { "code", TF_FMT },
    { "col", TF_VOID | TF_NOREOPEN }, { "colgroup", TF_NOREOPEN }, { "dd", TF_BLOCK }, { "details", TF_BLOCK },
    { "dialog", TF_BLOCK }, { "dir", TF_BLOCK }, { "div", TF_BLOCK }, { "dl", TF_BLOCK }, { "dt", TF_BLOCK },
    { "em", TF_FMT }, { "embed", TF_VOID }, { "fieldset", TF_BLOCK }, { "figcaption", TF_BLOCK },
    { "figure", TF_BLOCK }, { "font", TF_FMT }, { "footer", TF_BLOCK }, { "form", TF_BLOCK }, { "frame", TF_VOID },
    { "h1", TF_BLOCK }, { "h2", TF_BLOCK }, { "h3", TF_BLOCK }, { "h4", TF_BLOCK }, { "h5", TF_BLOCK },
    { "h6", TF_BLOCK }, { "header", TF_BLOCK }, { "hgroup", TF_BLOCK }, { "hr", TF_VOID | TF_BLOCK },
    { "html", TF_SCOPE }, { "i", TF_FMT }, { "iframe", TF_RAW }, { "img", TF_VOID }, { "input", TF_VOID },
    { "keygen", TF_VOID }, { "li", TF_BLOCK }, { "link", TF_VOID }, { "listing", TF_BLOCK }, { "main", TF_BLOCK },
    { "marquee", TF_MARKER | TF_SCOPE }, { "math", TF_FOREIGN }, { "menu", TF_BLOCK }, { "meta", TF_VOID },
    { "nav", TF_BLOCK }, { "nobr", TF_FMT }, { "noembed", TF_RAW }, { "noframes", TF_RAW },
    { "object", TF_MARKER | TF_SCOPE }, { "ol", TF_BLOCK }, { "p", TF_BLOCK }, { "param", TF_VOID },
    { "plaintext", TF_RAW | TF_BLOCK }, { "pre", TF_BLOCK }, { "s", TF_FMT }, { "script", TF_RAW },
    { "section", TF_BLOCK }, { "small", TF_FMT }, { "source", TF_VOID }, { "strike", TF_FMT },
    { "strong", TF_FMT }, { "style", TF_RAW }, { "summary", TF_BLOCK }, { "svg", TF_FOREIGN },
    { "table", TF_BLOCK | TF_SCOPE | TF_NOREOPEN }, { "tbody", TF_NOREOPEN },
    { "td", TF_MARKER | TF_SCOPE | TF_NOREOPEN }, { "template", TF_MARKER | TF_SCOPE }, { "textarea", TF_RAW },
    { "tfoot", TF_NOREOPEN }, { "th", TF_MARKER | TF_SCOPE | TF_NOREOPEN }, { "thead", TF_NOREOPEN },
    { "title", TF_RAW }, { "tr", TF_NOREOPEN }, { "track", TF_VOID }, { "tt", TF_FMT }, { "u", TF_FMT },
    { "ul", TF_BLOCK }, { "wbr", TF_VOID }, { "xmp", TF_RAW | TF_BLOCK },
};

static int tag_info_cmp(const void *k, const void *e) { return strcmp(k, ((const tag_info *)e)->name); }

/* An open element of the model: its name's hash and flags. */
typedef struct nest_el {
    uint32_t h;
    unsigned flags;
} nest_el;

/* How many open elements have each name hash: a search for a name that is
 * not open ends at once. Linear probing with backward-shift deletion; at
 * most MTRK_MAX_HTML_DEPTH names are in it at a time. */
#define NEST_TAB 2048
_Static_assert(NEST_TAB >= 2 * (MTRK_MAX_HTML_DEPTH + 2), "the name table has room for every open element");
typedef struct nest_count {
    uint32_t h, n; /* h == 0: empty */
} nest_count;

static nest_count *count_slot(nest_count *tab, uint32_t h)
{
    size_t i = h & (NEST_TAB - 1);
    while (tab[i].h != 0 && tab[i].h != h)
        i = (i + 1) & (NEST_TAB - 1);
    return &tab[i];
}

static void count_add(nest_count *tab, uint32_t h)
{
    nest_count *c = count_slot(tab, h);
    c->h = h;
    c->n++;
}

static void count_del(nest_count *tab, uint32_t h)
{
    nest_count *c = count_slot(tab, h);
    if (c->h == 0 || --c->n > 0)
        return;
    size_t i = (size_t)(c - tab);
    tab[i].h = 0;
    for (size_t j = (i + 1) & (NEST_TAB - 1); tab[j].h != 0; j = (j + 1) & (NEST_TAB - 1)) {
        size_t home = tab[j].h & (NEST_TAB - 1);
        /* Move j back into the hole when its home is not in (i, j]. */
        bool between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!between) {
            tab[i] = tab[j];
            tab[j].h = 0;
            i = j;
        }
    }
}

static uint32_t count_of(nest_count *tab, uint32_t h) { return count_slot(tab, h)->n; }

/* The hashes of the names the model looks for (computed per check: no
 * shared state between threads). */
typedef struct nest_names {
    uint32_t p, li, dd, dt, td, th, tr, button, ol, ul, table, tbody, thead, tfoot, option, optgroup, html, body,
        head;
} nest_names;

typedef struct nest {
    nest_names n;
    nest_el stack[MTRK_MAX_HTML_DEPTH + 2];
    size_t sp;
    nest_count open[NEST_TAB];
    /* Formatting elements open or to be reopened, since the last marker
     * (h = 0 is a marker); `open` says which are on the stack. */
    nest_el *fmt;
    bool *fmt_open;
    size_t nfmt, capfmt;
    size_t nclosed;   /* entries closed, not ended: to be reopened */
    size_t reopened;
    size_t foreign;   /* svg/math elements open */
    bool over;        /* a limit was passed */
    bool oom;
} nest;

static uint32_t name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h | 1; /* never 0: 0 is a marker */
}

static bool fmt_add(nest *m, uint32_t h, bool open)
{
    if (m->nfmt == m->capfmt) {
        size_t cap = m->capfmt;
        nest_el *v = grow_array(m->fmt, &cap, sizeof *v, 64);
        if (v == NULL)
            return false;
        m->fmt = v;
        size_t cap2 = m->capfmt;
        bool *o = grow_array(m->fmt_open, &cap2, sizeof *o, 64);
        if (o == NULL)
            return false;
        m->fmt_open = o;
        m->capfmt = cap;
    }
    m->fmt[m->nfmt] = (nest_el){ h, TF_FMT };
    m->fmt_open[m->nfmt++] = open;
    return true;
}

static void nest_push(nest *m, uint32_t h, unsigned flags)
{
    if (m->sp >= MTRK_MAX_HTML_DEPTH) {
        m->over = true;
        return;
    }
    m->stack[m->sp++] = (nest_el){ h, flags };
    count_add(m->open, h);
    if (flags & TF_FOREIGN)
        m->foreign++;
    if ((flags & TF_MARKER) && !fmt_add(m, 0, false))
        m->oom = true;
}

/* Pops the top element: a formatting element popped stays to be reopened;
 * a marker's element clears the list back to its marker. */
static void nest_pop(nest *m)
{
    nest_el e = m->stack[--m->sp];
    count_del(m->open, e.h);
    if (e.flags & TF_FOREIGN)
        m->foreign--;
    if (e.flags & TF_MARKER) {
        while (m->nfmt > 0 && m->fmt[m->nfmt - 1].h != 0) {
            m->nclosed -= !m->fmt_open[m->nfmt - 1];
            m->nfmt--;
        }
        if (m->nfmt > 0)
            m->nfmt--;
    } else if (e.flags & TF_FMT) {
        for (size_t i = m->nfmt; i > 0 && m->fmt[i - 1].h != 0; i--) {
            if (m->fmt_open[i - 1] && m->fmt[i - 1].h == e.h) {
                m->fmt_open[i - 1] = false;
                m->nclosed++;
                break;
            }
        }
    }
}

/* Reopens the formatting elements that are closed but not ended. */
static void nest_reopen(nest *m)
{
    if (m->nclosed == 0)
        return;
    size_t from = m->nfmt;
    while (from > 0 && m->fmt[from - 1].h != 0)
        from--;
    for (size_t i = from; i < m->nfmt && !m->over; i++) {
        if (m->fmt_open[i])
            continue;
        if (++m->reopened > MTRK_MAX_HTML_REOPENED) {
            m->over = true;
            return;
        }
        nest_push(m, m->fmt[i].h, TF_FMT);
        m->fmt_open[i] = true;
        m->nclosed--;
    }
}

/* The index of the nearest open element named h, not past a scope boundary
 * (nor past `extra`, another boundary for this search), or -1. */
static long nest_find(nest *m, uint32_t h, uint32_t extra1, uint32_t extra2)
{
    if (count_of(m->open, h) == 0)
        return -1;
    for (size_t i = m->sp; i > 0; i--) {
        const nest_el *e = &m->stack[i - 1];
        if (e->h == h)
            return (long)(i - 1);
        if ((e->flags & (TF_SCOPE | TF_FOREIGN)) || e->h == extra1 || e->h == extra2)
            return -1;
    }
    return -1;
}

static void nest_pop_to(nest *m, long i)
{
    while (i >= 0 && m->sp > (size_t)i)
        nest_pop(m);
}

static uint32_t H(const char *s) { return name_hash(s, strlen(s)); }

static void names_init(nest_names *n)
{
    n->p = H("p"), n->li = H("li"), n->dd = H("dd"), n->dt = H("dt"), n->td = H("td"), n->th = H("th");
    n->tr = H("tr"), n->button = H("button"), n->ol = H("ol"), n->ul = H("ul"), n->table = H("table");
    n->tbody = H("tbody"), n->thead = H("thead"), n->tfoot = H("tfoot"), n->option = H("option");
    n->optgroup = H("optgroup"), n->html = H("html"), n->body = H("body"), n->head = H("head");
}

/* html, head and body: the model's stack starts with html and body open
 * (the tree builder inserts them when the source has none); their tags in
 * the source change no depth. */
static bool doc_element(const nest *m, uint32_t h) { return h == m->n.html || h == m->n.body || h == m->n.head; }

static void nest_start(nest *m, const char *name, size_t n, unsigned flags, bool self_closing)
{
    uint32_t h = name_hash(name, n);
    if (doc_element(m, h) && m->foreign == 0)
        return;
    uint32_t hp = m->n.p, hli = m->n.li, hdd = m->n.dd, hdt = m->n.dt, htd = m->n.td, hth = m->n.th,
             htr = m->n.tr, hbutton = m->n.button, hol = m->n.ol, hul = m->n.ul, htable = m->n.table,
             htbody = m->n.tbody, hthead = m->n.thead, htfoot = m->n.tfoot, hoption = m->n.option,
             hoptgroup = m->n.optgroup;
    if (m->foreign == 0) {
        if (flags & TF_BLOCK)
            nest_pop_to(m, nest_find(m, hp, hbutton, 0));
        if (h == hli)
            nest_pop_to(m, nest_find(m, hli, hol, hul));
        if (h == hdd || h == hdt) {
            long a = nest_find(m, hdd, 0, 0), b = nest_find(m, hdt, 0, 0);
            nest_pop_to(m, a > b ? a : b);
        }
        if (h == htd || h == hth) {
            long a = nest_find(m, htd, 0, 0), b = nest_find(m, hth, 0, 0);
            nest_pop_to(m, a > b ? a : b);
        }
        if (h == htr) {
            long a = nest_find(m, htd, 0, 0), b = nest_find(m, hth, 0, 0), c = nest_find(m, htr, 0, 0);
            long x = a > b ? a : b;
            nest_pop_to(m, x >= 0 ? x : c);
            nest_pop_to(m, nest_find(m, htr, 0, 0));
        }
        if (h == htbody || h == hthead || h == htfoot) {
            long x = nest_find(m, htbody, 0, 0), y = nest_find(m, hthead, 0, 0), z = nest_find(m, htfoot, 0, 0);
            long best = x > y ? x : y;
            nest_pop_to(m, best > z ? best : z);
        }
        if ((h == hoption || h == hoptgroup) && m->sp > 0 && m->stack[m->sp - 1].h == hoption)
            nest_pop(m);
        if (h == hoptgroup && m->sp > 0 && m->stack[m->sp - 1].h == hoptgroup)
            nest_pop(m);
        if (h == htable)
            nest_pop_to(m, nest_find(m, hp, hbutton, 0));
        if (!(flags & (TF_BLOCK | TF_NOREOPEN)))
            nest_reopen(m);
    }
    if ((flags & TF_VOID) || (self_closing && m->foreign > 0))
        return;
    nest_push(m, h, flags);
    if ((flags & TF_FMT) && m->foreign == 0 && !fmt_add(m, h, true))
        m->oom = true;
}

static void nest_end(nest *m, const char *name, size_t n, unsigned flags)
{
    uint32_t h = name_hash(name, n);
    if (doc_element(m, h) && m->foreign == 0)
        return;
    long at = nest_find(m, h, 0, 0);
    if (at < 0 && m->sp > 0 && m->stack[m->sp - 1].h == h)
        at = (long)m->sp - 1; /* a boundary element ending itself */
    nest_pop_to(m, at);
    if (flags & TF_FMT) {
        /* The adoption agency ends the latest entry of that name: it is not
         * reopened. */
        for (size_t i = m->nfmt; i > 0 && m->fmt[i - 1].h != 0; i--) {
            if (m->fmt[i - 1].h == h) {
                m->nclosed -= !m->fmt_open[i - 1];
                memmove(&m->fmt[i - 1], &m->fmt[i], (m->nfmt - i) * sizeof *m->fmt);
                memmove(&m->fmt_open[i - 1], &m->fmt_open[i], (m->nfmt - i) * sizeof *m->fmt_open);
                m->nfmt--;
                break;
            }
        }
    }
}

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* The case-folded tag name at s[0..] into buf; its length in source. */
static size_t tag_name(const char *s, size_t n, char *buf, size_t bufn, size_t *outn)
{
    size_t i = 0, o = 0;
    while (i < n && !is_space(s[i]) && s[i] != '/' && s[i] != '>') {
        if (o < bufn - 1)
            buf[o++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
        i++;
    }
    buf[o] = '\0';
    *outn = o;
    return i;
}

/* The end of a tag's attributes: the offset of its '>' (or n); *selfc when
 * it ends with "/>". */
static size_t tag_end(const char *s, size_t i, size_t n, bool *selfc)
{
    *selfc = false;
    while (i < n) {
        char c = s[i];
        if (c == '>') {
            *selfc = i > 0 && s[i - 1] == '/';
            return i;
        }
        if ((c == '"' || c == '\'') && i > 0 && (s[i - 1] == '=' || is_space(s[i - 1]))) {
            /* a quoted value (after '=' and optional spaces) */
            size_t k = i;
            while (k > 0 && is_space(s[k - 1]))
                k--;
            if (k > 0 && s[k - 1] == '=') {
                const char *q = memchr(s + i + 1, c, n - i - 1);
                i = q ? (size_t)(q - s) + 1 : n;
                continue;
            }
        }
        i++;
    }
    return n;
}

int html_nesting_check(const char *s, size_t n, html_nesting *out)
{
    nest *m = calloc(1, sizeof *m);
    if (m == NULL)
        return MTRK_ENOMEM;
    memset(out, 0, sizeof *out);
    names_init(&m->n);
    nest_push(m, m->n.html, TF_SCOPE);
    nest_push(m, m->n.body, 0);
    size_t i = 0;
    char name[24];
    while (i < n && !m->over && !m->oom) {
        const char *lt = memchr(s + i, '<', n - i);
        if (lt == NULL)
            break;
        size_t at = (size_t)(lt - s);
        /* Text before the tag reopens formatting elements. */
        for (size_t k = i; k < at; k++) {
            if (!is_space(s[k])) {
                if (m->foreign == 0)
                    nest_reopen(m);
                break;
            }
        }
        if (m->over) {
            out->offset = i;
            break;
        }
        i = at + 1;
        out->offset = at;
        if (i < n && s[i] == '!') {
            const char *end;
            if (n - i >= 3 && s[i + 1] == '-' && s[i + 2] == '-') {
                end = n - i >= 5 ? memmem(s + i + 3, n - i - 3, "-->", 3) : NULL;
                if (end == NULL && n - i > 3 && s[i + 3] == '>')
                    end = s + i + 1; /* <!--> */
                i = end ? (size_t)(end - s) + 3 : n;
            } else {
                end = memchr(s + i, '>', n - i);
                i = end ? (size_t)(end - s) + 1 : n;
            }
            continue;
        }
        if (i < n && s[i] == '?') {
            const char *end = memchr(s + i, '>', n - i);
            i = end ? (size_t)(end - s) + 1 : n;
            continue;
        }
        bool is_end = i < n && s[i] == '/';
        if (is_end)
            i++;
        if (i >= n || !is_alpha(s[i]))
            continue; /* "<" as text */
        size_t nn;
        i += tag_name(s + i, n - i, name, sizeof name, &nn);
        bool selfc;
        size_t gt = tag_end(s, i, n, &selfc);
        i = gt < n ? gt + 1 : n;
        const tag_info *ti = bsearch(name, tag_table, sizeof tag_table / sizeof tag_table[0], sizeof tag_table[0],
                                     tag_info_cmp);
        unsigned flags = ti ? ti->flags : 0;
        if (is_end) {
            if (m->foreign == 0 && strcmp(name, "body") == 0) {
                out->body_end = at; /* the last </body> the source shows */
                out->has_body_end = true;
            }
            nest_end(m, name, nn, flags);
            continue;
        }
        nest_start(m, name, nn, flags, selfc);
        if (m->sp > out->max_depth)
            out->max_depth = m->sp;
        if ((flags & TF_RAW) && m->foreign == 0) {
            if (strcmp(name, "plaintext") == 0)
                break; /* the rest is text */
            /* Raw text up to its end tag (case-insensitive). */
            size_t k = i;
            for (;;) {
                const char *q = k < n ? memchr(s + k, '<', n - k) : NULL;
                if (q == NULL) {
                    k = n;
                    break;
                }
                k = (size_t)(q - s);
                if (n - k >= nn + 2 && s[k + 1] == '/' && strncasecmp(s + k + 2, name, nn) == 0 &&
                    (k + 2 + nn == n || is_space(s[k + 2 + nn]) || s[k + 2 + nn] == '>' || s[k + 2 + nn] == '/'))
                    break;
                k++;
            }
            i = k;
        }
    }
    out->reopened = m->reopened;
    int rc = m->oom ? MTRK_ENOMEM : m->over ? MTRK_ETOOLONG : MTRK_OK;
    if (m->over && m->reopened <= MTRK_MAX_HTML_REOPENED)
        out->max_depth = MTRK_MAX_HTML_DEPTH + 1;
    free(m->fmt);
    free(m->fmt_open);
    free(m);
    return rc;
}

void html_nesting_message(char *buf, size_t n, const char *what, const char *src, const html_nesting *x)
{
    size_t line = 1, col = 1;
    for (size_t i = 0; i < x->offset; i++) {
        if (src[i] == '\n') {
            line++;
            col = 1;
        } else if (((unsigned char)src[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    if (x->reopened > MTRK_MAX_HTML_REOPENED)
        snprintf(buf, n,
                 "%s makes the HTML parser reopen more than %u unclosed formatting elements (<b>, <font> ...) "
                 "by line %zu, column %zu: close them",
                 what, MTRK_MAX_HTML_REOPENED, line, col);
    else
        snprintf(buf, n, "%s nests elements deeper than %u levels at line %zu, column %zu", what,
                 MTRK_MAX_HTML_DEPTH, line, col);
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
    int nrc = html_nesting_check(src, len, &doc->nesting);
    if (nrc)
        return nrc;
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
    garena_destroy(arena); /* every block of the output: no gumbo_destroy_output walk */
    /* The pixel goes before the </body> the source shows, also where the
     * tree builder ignores it (inside an unclosed table). */
    if (doc->nesting.has_body_end)
        doc->body_end = doc->nesting.body_end;
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
    if (rc == MTRK_ETOOLONG) {
        char msg[256];
        html_nesting_message(msg, sizeof msg, "html", html, &doc.nesting);
        return gerr(rc, "%s", msg);
    }
    if (rc)
        return gerr(rc, "out of memory parsing html");
    const char **repl = calloc(doc.n + 1, sizeof *repl);
    if (repl == NULL) {
        html_doc_free(&doc);
        return gerr(MTRK_ENOMEM, "out of memory");
    }
    /* Links written with merge tags are not offered (not tracked by default). */
    for (size_t i = 0, k = 0; i < doc.n && rc == MTRK_OK && fn; i++) {
        const html_link *l = &doc.links[i];
        if (l->templ)
            continue;
        mtrk_html_link info = { MTRK_HTML_LINK_VERSION, k++, l->off, l->len, l->url, l->label, l->honeypot };
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

/* Parses src into a new template with its slots; *nesting says why on
 * MTRK_ETOOLONG. */
static int tmpl_build(html_tmpl **out, mtrk_id campaign, const char *src, size_t len, html_nesting *nesting)
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
    *nesting = m->doc.nesting;
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

int tmpl_get(mtrk_tenant *t, mtrk_id campaign, const char *src, size_t len, const char *what,
             const html_tmpl **out)
{
    *out = NULL;
    struct tmpl_cache *c = t->tmpl;
    if (c == NULL && (c = t->tmpl = calloc(1, sizeof *c)) == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory parsing %s", what);
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
    html_nesting nesting;
    int rc = tmpl_build(&m, campaign, src, len, &nesting);
    if (rc == MTRK_ETOOLONG) {
        char msg[256];
        html_nesting_message(msg, sizeof msg, what, src, &nesting);
        return terr(t, rc, "%s", msg);
    }
    if (rc)
        return terr(t, rc, "out of memory parsing %s", what);
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
