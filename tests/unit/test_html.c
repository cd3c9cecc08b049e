/*
 * The HTML link extractor and rewriter (mtrk_html_rewrite): the tracking
 * policy on templates written for it (tests/data/html/) and byte-exact
 * rewriting on those and on the real-world corpus (tests/data/corpus/).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mtrk/mtrk.h"
#include "tracking_int.h"

#ifndef TEST_DATA_DIR
#error TEST_DATA_DIR must name tests/data
#endif

static char *load(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", TEST_DATA_DIR, rel);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        fail_msg("cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* ---- collecting links ---- */
typedef struct got_link {
    size_t off, len;
    char url[2100];
    char label[300];
    int has_label, honeypot;
} got_link;
typedef struct got {
    got_link v[64];
    size_t n;
    const char *const *repl; /* replacement per index, or NULL */
} got;

static int collect(void *ud, const mtrk_html_link *l, const char **replacement)
{
    got *g = ud;
    assert_true(g->n < 64);
    assert_int_equal(l->index, g->n);
    got_link *x = &g->v[g->n++];
    x->off = l->value_offset;
    x->len = l->value_len;
    snprintf(x->url, sizeof x->url, "%s", l->url);
    x->has_label = l->label != NULL;
    snprintf(x->label, sizeof x->label, "%s", l->label ? l->label : "");
    x->honeypot = l->honeypot;
    if (g->repl)
        *replacement = g->repl[l->index];
    return 0;
}

static void scan(got *g, const char *html, size_t len)
{
    memset(g, 0, sizeof *g);
    assert_int_equal(mtrk_html_rewrite(NULL, NULL, html, len, collect, g), 0);
}

static void scan_file(got *g, const char *rel)
{
    size_t len;
    char *html = load(rel, &len);
    scan(g, html, len);
    free(html);
}

/* ---- the policy ---- */
static void test_policy_template(void **state)
{
    (void)state;
    got g;
    scan_file(&g, "html/12-policy.html");
    /* mailto, tel, fragment, placeholders, notrack, javascript, ftp, no host, no href: left alone. */
    assert_int_equal(g.n, 2);
    assert_string_equal(g.v[0].url, "https://example.com/tracked");
    assert_string_equal(g.v[0].label, "Named CTA"); /* data-mtrk-name wins over the text */
    assert_false(g.v[0].honeypot);
    assert_string_equal(g.v[1].url, "https://trap.example.com/hp");
    assert_true(g.v[1].honeypot);
}

static void test_comments_and_conditionals(void **state)
{
    (void)state;
    got g;
    scan_file(&g, "html/02-comments.html");
    assert_int_equal(g.n, 2); /* the anchor inside the comment is text */
    assert_string_equal(g.v[0].url, "https://example.com/after-comment");
    scan_file(&g, "html/03-outlook-conditional.html");
    assert_int_equal(g.n, 2); /* the VML button in [if mso] is a comment: left alone */
    assert_string_equal(g.v[0].url, "https://example.com/buy");
    assert_string_equal(g.v[1].url, "https://example.com/terms");
}

static void test_base_and_relative(void **state)
{
    (void)state;
    got g;
    scan_file(&g, "html/04-base-href.html");
    assert_int_equal(g.n, 1);
    assert_string_equal(g.v[0].url, "https://abs.example.com/x");
}

static void test_entities_and_spaces(void **state)
{
    (void)state;
    got g;
    scan_file(&g, "html/05-entities-in-href.html");
    assert_int_equal(g.n, 4);
    assert_string_equal(g.v[0].url, "https://example.com/p?a=1&b=2&c=%20");
    assert_string_equal(g.v[1].url, "https://example.com/q?x=&y&z");
    assert_string_equal(g.v[2].url, "https://example.com/r?q=\"quoted\"");
    assert_string_equal(g.v[3].url, "https://example.com/s?a=1&b=2");
    scan_file(&g, "html/06-spaces-in-href.html");
    assert_int_equal(g.n, 4);
    assert_string_equal(g.v[0].url, "https://example.com/lead");
    assert_string_equal(g.v[1].url, "https://example.com/a%20b");
    assert_string_equal(g.v[2].url, "https://example.com/split");
    assert_string_equal(g.v[3].url, "https://example.com/spaced-equals");
}

static void test_labels(void **state)
{
    (void)state;
    got g;
    scan_file(&g, "html/10-img-in-anchor.html");
    assert_int_equal(g.n, 4);
    assert_string_equal(g.v[0].label, "Example logo");
    assert_string_equal(g.v[1].label, "Banner"); /* the first non-empty alt */
    assert_false(g.v[2].has_label);
    assert_string_equal(g.v[3].label, "Hero CTA");
    scan_file(&g, "html/01-nested-tables.html");
    assert_int_equal(g.n, 3);
    assert_string_equal(g.v[1].label, "Read the story"); /* whitespace collapsed */
}

static void test_cases_quotes_duplicates(void **state)
{
    (void)state;
    got g;
    scan_file(&g, "html/07-uppercase-tags.html");
    assert_int_equal(g.n, 2);
    assert_string_equal(g.v[1].url, "HTTPS://example.com/mixed");
    scan_file(&g, "html/08-unquoted.html");
    assert_int_equal(g.n, 3);
    assert_string_equal(g.v[1].url, "https://example.com/u?a=1&b=2");
    scan_file(&g, "html/09-single-quoted.html");
    assert_int_equal(g.n, 3);
    assert_string_equal(g.v[1].url, "https://example.com/s?q=\"dq\"&x=1");
    scan_file(&g, "html/13-duplicate-urls.html");
    assert_int_equal(g.n, 3); /* one per occurrence */
    scan_file(&g, "html/11-malformed.html");
    assert_int_equal(g.n, 5); /* misnested anchors cloned by the parser count once */
    assert_string_equal(g.v[3].url, "https://example.com/dup");
    scan_file(&g, "html/14-fragment-no-body.html");
    assert_int_equal(g.n, 1);
}

/* An image map's areas are links like anchors; the label is the area's alt. */
static void test_image_map_areas(void **state)
{
    (void)state;
    got g;
    scan_file(&g, "html/15-image-map.html");
    assert_int_equal(g.n, 4); /* not the mailto, the notrack or the nohref area */
    assert_string_equal(g.v[0].url, "https://example.com/north");
    assert_string_equal(g.v[0].label, "North");
    assert_string_equal(g.v[1].url, "https://example.com/south");
    assert_string_equal(g.v[1].label, "South side"); /* data-mtrk-name wins over the alt */
    assert_string_equal(g.v[2].url, "https://example.com/west");
    assert_false(g.v[2].has_label); /* no alt */
    assert_string_equal(g.v[3].url, "https://example.com/after");
    assert_string_equal(g.v[3].label, "After the map");
}

/* ---- byte-exact rewriting ---- */

/* Every byte outside the value spans is the same; values decode to the replacements. */
static void check_rewrite(const char *rel, size_t expect_min)
{
    size_t len;
    char *src = load(rel, &len);
    got a;
    scan(&a, src, len);
    assert_true(a.n >= expect_min);
    static char bufs[64][160];
    const char *repl[64];
    for (size_t i = 0; i < a.n; i++) {
        /* Every other replacement has characters that need encoding. */
        if (i % 2)
            snprintf(bufs[i], sizeof bufs[i], "https://t.example/c/acme/T%zu?a=1&b=\"2\"&c='3'", i);
        else
            snprintf(bufs[i], sizeof bufs[i], "https://t.example/c/acme/Tok-_%zu", i);
        repl[i] = bufs[i];
    }
    a.repl = repl;
    a.n = 0;
    char *out = NULL;
    size_t outlen = 0;
    assert_int_equal(mtrk_html_rewrite(&out, &outlen, src, len, collect, &a), 0);
    assert_int_equal(strlen(out), outlen);
    got b;
    scan(&b, out, outlen);
    if (b.n != a.n)
        fail_msg("%s: %zu links before, %zu after rewriting", rel, a.n, b.n);
    size_t ps = 0, po = 0;
    for (size_t i = 0; i < a.n; i++) {
        size_t ns = a.v[i].off - ps, no = b.v[i].off - po;
        if (ns != no || memcmp(src + ps, out + po, ns) != 0)
            fail_msg("%s: bytes before link %zu differ", rel, i);
        assert_string_equal(b.v[i].url, repl[i]);
        assert_string_equal(b.v[i].label, a.v[i].label);
        ps = a.v[i].off + a.v[i].len;
        po = b.v[i].off + b.v[i].len;
    }
    if (len - ps != outlen - po || memcmp(src + ps, out + po, len - ps) != 0)
        fail_msg("%s: bytes after the last link differ", rel);
    mtrk_free(out);

    /* No replacement: the output is the input. */
    a.repl = NULL;
    a.n = 0;
    assert_int_equal(mtrk_html_rewrite(&out, &outlen, src, len, collect, &a), 0);
    assert_int_equal(outlen, len);
    assert_memory_equal(out, src, len);
    mtrk_free(out);
    free(src);
}

static void test_rewrite_templates(void **state)
{
    (void)state;
    static const char *const files[] = {
        "html/01-nested-tables.html", "html/02-comments.html",     "html/03-outlook-conditional.html",
        "html/04-base-href.html",     "html/05-entities-in-href.html", "html/06-spaces-in-href.html",
        "html/07-uppercase-tags.html", "html/08-unquoted.html",     "html/09-single-quoted.html",
        "html/10-img-in-anchor.html", "html/11-malformed.html",    "html/12-policy.html",
        "html/13-duplicate-urls.html", "html/14-fragment-no-body.html", "html/15-image-map.html",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        check_rewrite(files[i], 1);
}

static void test_rewrite_corpus(void **state)
{
    (void)state;
    static const char *const files[] = {
        "corpus/mailgun/action.html",         "corpus/mailgun/alert.html",
        "corpus/mailgun/billing.html",        "corpus/mailgun/inlined-action.html",
        "corpus/mailgun/inlined-alert.html",  "corpus/mailgun/inlined-billing.html",
        "corpus/leemunroe/email.html",        "corpus/leemunroe/email-inlined.html",
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        check_rewrite(files[i], 1);
}

static void test_unquoted_gets_quotes(void **state)
{
    (void)state;
    const char *src = "<a href=https://a.example/x>x</a>";
    const char *repl[1] = { "https://t.example/c?a=1&b=2 3" };
    got g;
    memset(&g, 0, sizeof g);
    g.repl = repl;
    char *out;
    size_t n;
    assert_int_equal(mtrk_html_rewrite(&out, &n, src, strlen(src), collect, &g), 0);
    assert_string_equal(out, "<a href=\"https://t.example/c?a=1&amp;b=2 3\">x</a>");
    mtrk_free(out);
    /* '=' may not appear unquoted either; a plain URL stays unquoted. */
    repl[0] = "https://t.example/c/acme/Tok&x";
    memset(&g, 0, sizeof g);
    g.repl = repl;
    assert_int_equal(mtrk_html_rewrite(&out, &n, src, strlen(src), collect, &g), 0);
    assert_string_equal(out, "<a href=https://t.example/c/acme/Tok&amp;x>x</a>");
    mtrk_free(out);
}

static int stop_at_one(void *ud, const mtrk_html_link *l, const char **r)
{
    (void)ud;
    (void)r;
    return l->index == 1 ? 42 : 0;
}

static void test_edges(void **state)
{
    (void)state;
    char *out = (char *)1;
    size_t n = 7;
    assert_int_equal(mtrk_html_rewrite(&out, &n, NULL, 0, NULL, NULL), MTRK_EINVAL);
    assert_null(out);
    assert_int_equal(mtrk_html_rewrite(&out, &n, "", 0, NULL, NULL), 0);
    assert_string_equal(out, "");
    assert_int_equal(n, 0);
    mtrk_free(out);
    const char *two = "<a href='http://a.example/'>a</a><a href='http://b.example/'>b</a>";
    assert_int_equal(mtrk_html_rewrite(&out, &n, two, strlen(two), stop_at_one, NULL), 42);
    assert_null(out);
    /* Embedded NUL bytes and arbitrary bytes: no crash, identity without replacements. */
    char junk[4096];
    uint32_t x = 12345;
    for (int round = 0; round < 200; round++) {
        size_t len = (size_t)(round * 17) % sizeof junk;
        static const char alphabet[] = "<a href=\"http://x.example/\" ></a>&amp;'\"=!-[]{}|* \n\0\xc3\xa9\xff";
        for (size_t i = 0; i < len; i++) {
            x = x * 1103515245u + 12345u;
            junk[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
        }
        got g;
        memset(&g, 0, sizeof g);
        assert_int_equal(mtrk_html_rewrite(&out, &n, junk, len, collect, &g), 0);
        assert_int_equal(n, len);
        assert_memory_equal(out, junk, len);
        mtrk_free(out);
    }
}

/* An <area> with href and nohref navigates in browsers (nohref is obsolete):
 * it is tracked. Merge-tag hrefs are not offered to the callback. */
static void test_area_nohref_and_templates(void **state)
{
    (void)state;
    const char *src = "<map name=m><area shape=rect coords=0,0,1,1 href=\"https://a.example/area\" nohref alt=A>"
                      "</map><a href=\"https://a.example/?e=[[Email]]\">T</a><a href=\"https://a.example/ok\">K</a>";
    got g;
    scan(&g, src, strlen(src));
    assert_int_equal(g.n, 2);
    assert_string_equal(g.v[0].url, "https://a.example/area");
    assert_string_equal(g.v[0].label, "A");
    assert_string_equal(g.v[1].url, "https://a.example/ok");
}

/* ---- the nesting bound ---- */

static char *repeat(const char *pre, const char *unit, size_t times, const char *post)
{
    size_t un = strlen(unit), n = strlen(pre) + un * times + strlen(post);
    char *s = malloc(n + 1);
    if (s == NULL)
        abort(); /* not assert_non_null: the compiler must see that s is set below */
    char *p = s;
    p += sprintf(p, "%s", pre);
    for (size_t i = 0; i < times; i++, p += un)
        memcpy(p, unit, un);
    sprintf(p, "%s", post);
    return s;
}

static int rewrite_rc(const char *html)
{
    char *out = NULL;
    size_t n;
    int rc = mtrk_html_rewrite(&out, &n, html, strlen(html), NULL, NULL);
    mtrk_free(out);
    return rc;
}

static void test_nesting_bound(void **state)
{
    (void)state;
    /* The deepest accepted: html, body, 509 divs and the anchor are 512 open elements. */
    char *ok = repeat("<html><body>", "<div>", MTRK_MAX_HTML_DEPTH - 3, "<a href=\"https://a.example/\">deep</a>");
    got g;
    memset(&g, 0, sizeof g);
    char *out = NULL;
    size_t n;
    assert_int_equal(mtrk_html_rewrite(&out, &n, ok, strlen(ok), collect, &g), MTRK_OK);
    assert_int_equal(g.n, 1);
    mtrk_free(out);
    free(ok);
    char *deep = repeat("<html><body>\n", "<div>", MTRK_MAX_HTML_DEPTH - 1, "");
    assert_int_equal(rewrite_rc(deep), MTRK_ETOOLONG);
    assert_non_null(strstr(mtrk_last_errmsg(), "nests elements deeper than 512 levels at line 2, column"));
    free(deep);
    /* Refused at once, not after minutes of parsing. */
    char *huge = repeat("", "<div>", 100000, "");
    assert_int_equal(rewrite_rc(huge), MTRK_ETOOLONG);
    free(huge);
    /* "<div/>" opens a div in HTML: it nests. */
    char *selfc = repeat("", "<div/>", 600, "");
    assert_int_equal(rewrite_rc(selfc), MTRK_ETOOLONG);
    free(selfc);
    /* Markup that closes itself does not nest: unclosed <p>, <li>, <td>,
     * <tr>, <option>, void elements, self-closed SVG, raw text. */
    const char *flat[] = { "<p>x", "<li>x", "<br>", "<img src=a.png>", "<dd>x<dt>y", "<option>o",
                           "<input type=text>", "<hr>" };
    for (size_t i = 0; i < sizeof flat / sizeof flat[0]; i++) {
        char *s = repeat("<body><ul><select>", flat[i], 5000, "</select></ul></body>");
        assert_int_equal(rewrite_rc(s), MTRK_OK);
        free(s);
    }
    char *cells = repeat("<table>", "<tr><td>x<td>y", 5000, "</table>");
    assert_int_equal(rewrite_rc(cells), MTRK_OK);
    free(cells);
    char *svg = repeat("<svg>", "<path d=\"M0 0\"/>", 5000, "</svg>");
    assert_int_equal(rewrite_rc(svg), MTRK_OK);
    free(svg);
    char *script = repeat("<script>", "<div>", 5000, "</script><p>after</p>");
    assert_int_equal(rewrite_rc(script), MTRK_OK);
    free(script);
    char *style = repeat("<style>", "<b>", 5000, "</STYLE ><p>after</p>");
    assert_int_equal(rewrite_rc(style), MTRK_OK);
    free(style);
    /* Closed formatting elements are not reopened. */
    char *closed = repeat("", "<div><b>x</b></div>", 80000, "");
    assert_int_equal(rewrite_rc(closed), MTRK_OK);
    free(closed);
    /* An unclosed <b> reopened in every following block: refused past the bound. */
    char *reopen = repeat("", "<div><b>x</div>", MTRK_MAX_HTML_REOPENED + 10, "");
    assert_int_equal(rewrite_rc(reopen), MTRK_ETOOLONG);
    assert_non_null(strstr(mtrk_last_errmsg(), "reopen more than 65536 unclosed formatting elements"));
    free(reopen);
    /* ... and nested: unclosed <font> elements count toward the depth. */
    char *fonts = repeat("", "<font>x", MTRK_MAX_HTML_DEPTH, "");
    assert_int_equal(rewrite_rc(fonts), MTRK_ETOOLONG);
    free(fonts);
}

/* Labels: inline markup joins words, blocks separate them; style and script
 * text never shows; no-break-space padding goes; any depth. */
static void test_labels_text(void **state)
{
    (void)state;
    const char *src = "<a href=\"https://a.example/1\">e<b>x</b>ample</a>"
                      "<a href=\"https://a.example/2\"><style>.b{color:red}</style>Buy<script>var x=1;</script> now</a>"
                      "<a href=\"https://a.example/3\">&nbsp;&nbsp;Shop&nbsp;now&nbsp;\xc2\xa0</a>"
                      "<a href=\"https://a.example/4\"><div>One</div><div>Two</div>Three<br>Four</a>";
    got g;
    scan(&g, src, strlen(src));
    assert_int_equal(g.n, 4);
    assert_string_equal(g.v[0].label, "example");
    assert_string_equal(g.v[1].label, "Buy now");
    assert_string_equal(g.v[2].label, "Shop now");
    assert_string_equal(g.v[3].label, "One Two Three Four");
    /* Deeper than 64 levels, inside and outside the anchor. */
    char *deep = repeat("<body>", "<div>", 100, "<a href=\"https://a.example/deep\">");
    char *inner = repeat(deep, "<span>", 80, "Deep label<img alt=x></a>");
    scan(&g, inner, strlen(inner));
    assert_int_equal(g.n, 1);
    assert_string_equal(g.v[0].label, "Deep label");
    free(inner);
    free(deep);
    char *deep2 = repeat("<a href=\"https://a.example/img\">", "<span>", 90, "<img src=a.png alt=\"Deep alt\"></a>");
    scan(&g, deep2, strlen(deep2));
    assert_string_equal(g.v[0].label, "Deep alt");
    free(deep2);
}

/* ---- parsed once: the handle's template cache ---- */

#define OK(call) assert_int_equal((call), MTRK_OK)

static mtrk_id cache_campaign(mtrk_tenant *t, const char *html, mtrk_id audience)
{
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "cache";
    spec.subject = "s";
    spec.from_address = "news@example.com";
    spec.html = html;
    mtrk_id c;
    OK(mtrk_campaign_create(&c, t, &spec));
    OK(mtrk_campaign_attach_audience(NULL, t, c, audience));
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    OK(mtrk_campaign_generate(&rep, t, c));
    return c;
}

static mtrk_id first_mid(mtrk_tenant *t, mtrk_id campaign)
{
    mtrk_message_iter *it;
    OK(mtrk_message_iter_new(&it, t, campaign));
    mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
    OK(mtrk_message_iter_next(&mi, it));
    mtrk_message_iter_free(it);
    return mi.mid;
}

static char *render_html(mtrk_tenant *t, mtrk_id mid)
{
    mtrk_rendered r = MTRK_RENDERED_INIT;
    OK(mtrk_message_render(&r, t, mid));
    char *html = strdup(r.html);
    mtrk_rendered_clear(&r);
    return html;
}

static void test_render_parses_once(void **state)
{
    (void)state;
    mtrk_db *db;
    mtrk_tenant *t, *t2;
    mtrk_store *store;
    OK(mtrk_store_memory_new(&store));
    OK(mtrk_db_open_store(&db, store, NULL));
    OK(mtrk_tenant_create(&t, db, "cache", "test"));
    OK(mtrk_tenant_open(&t2, db, "cache", "test2"));
    mtrk_tenant_settings st = MTRK_TENANT_SETTINGS_INIT;
    st.tracking_base_url = "https://t.example.com";
    OK(mtrk_tenant_settings_set(t, &st));
    mtrk_id a, cid;
    OK(mtrk_audience_create(&a, t, "all"));
    OK(mtrk_contact_add(&cid, NULL, t, "ana@example.com", NULL));
    OK(mtrk_audience_add(NULL, t, a, cid));

    const char *v1 = "<body><a href=\"https://a.example/one\">One</a> {{unsubscribe_url}}</body>";
    mtrk_id c = cache_campaign(t, v1, a);
    size_t n, parses;
    tmpl_cache_stats(t, &n, &parses);
    assert_int_equal(n, 1); /* cataloguing parsed it */
    assert_int_equal(parses, 1);
    mtrk_id mid = first_mid(t, c);
    char *first = render_html(t, mid);
    for (int i = 0; i < 5; i++) {
        char *again = render_html(t, mid);
        assert_string_equal(again, first);
        free(again);
    }
    tmpl_cache_stats(t, &n, &parses);
    assert_int_equal(parses, 1); /* six renders, no parse */
    assert_non_null(strstr(first, "https://t.example.com/c/cache/"));
    assert_non_null(strstr(first, "https://t.example.com/u/cache/"));
    assert_null(strstr(first, "a.example/one"));
    free(first);

    /* The content changes through another handle: this handle's parse of the
     * old content is not used again. */
    const char *v2 = "<body><p>New</p><a href=\"https://b.example/two\">Two</a></body>";
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "cache";
    spec.subject = "s";
    spec.from_address = "news@example.com";
    spec.html = v2;
    OK(mtrk_campaign_edit(t2, c, &spec));
    char *edited = render_html(t, mid);
    assert_non_null(strstr(edited, "<p>New</p><a href=\"https://t.example.com/c/cache/"));
    assert_null(strstr(edited, "One"));
    free(edited);
    tmpl_cache_stats(t, &n, &parses);
    assert_int_equal(n, 1);
    assert_int_equal(parses, 2);

    /* Bounded: more campaigns than the cache holds. */
    for (int i = 0; i < TMPL_CACHE_MAX + 3; i++) {
        char html[128];
        snprintf(html, sizeof html, "<body><a href=\"https://c.example/%d\">C</a></body>", i);
        mtrk_id ci = cache_campaign(t, html, a);
        char *r = render_html(t, first_mid(t, ci));
        assert_non_null(strstr(r, "https://t.example.com/c/cache/"));
        free(r);
        tmpl_cache_stats(t, &n, &parses);
        assert_true(n <= TMPL_CACHE_MAX);
    }
    assert_int_equal(n, TMPL_CACHE_MAX);
    mtrk_tenant_close(t2);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    mtrk_store_free(store);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_policy_template),
        cmocka_unit_test(test_comments_and_conditionals),
        cmocka_unit_test(test_base_and_relative),
        cmocka_unit_test(test_entities_and_spaces),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_cases_quotes_duplicates),
        cmocka_unit_test(test_image_map_areas),
        cmocka_unit_test(test_rewrite_templates),
        cmocka_unit_test(test_rewrite_corpus),
        cmocka_unit_test(test_unquoted_gets_quotes),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_render_parses_once),
        cmocka_unit_test(test_nesting_bound),
        cmocka_unit_test(test_area_nohref_and_templates),
        cmocka_unit_test(test_labels_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
