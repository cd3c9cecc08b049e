/*
 * Tracking through the public API: the link catalogue from HTML, rendering,
 * signed URLs and their refusal when altered, resolving every URL kind, key
 * rotation, withheld personal data, machine-activity rules and the metrics
 * split.
 */
#include "conf_util.h"

#include <stdlib.h>

#define BASE "https://trk.example.com/t"

static const char *const html_src =
    "<!DOCTYPE html><html><head><title>Spring</title></head><body>\n"
    "<table><tr><td><a href=\"https://shop.example.com/buy?a=1&amp;b=2\">Buy now</a></td></tr></table>\n"
    "<!-- <a href=\"https://in-comment.example.com/\">x</a> -->\n"
    "<a href='https://shop.example.com/story'><img src=\"s.png\" alt=\"Story\"></a>\n"
    "<a href=https://shop.example.com/buy?a=1&amp;b=2>Buy now</a>\n"
    "<a href=\"https://trap.example.com/\" data-mtrk-honeypot style=\"display:none\">.</a>\n"
    "<a href=\"mailto:hi@example.com\">Mail</a> <a href=\"{{unsubscribe_url}}\">Unsubscribe</a>\n"
    "</body></html>\n";
static const char *const text_src =
    "Buy: https://shop.example.com/story.\nUnsubscribe: {{unsubscribe_url}}\nOther: https://other.example.com/\n";

typedef struct trk {
    mtrk_id campaign, audience;
    mtrk_id contacts[4];
    mtrk_id mids[4];
    mtrk_id lids[16];
    size_t nlinks, n;
    mtrk_time sent_at;
} trk;

static void set_base(mtrk_tenant *t, const char *mailto)
{
    mtrk_tenant_settings s;
    CONF_INIT(s, MTRK_TENANT_SETTINGS_VERSION);
    CONF_OK(mtrk_tenant_settings_get(&s, t));
    s.tracking_base_url = BASE;
    s.list_unsubscribe_mailto = mailto ? mailto : "";
    CONF_OK(mtrk_tenant_settings_set(t, &s));
}

static size_t read_links(mtrk_tenant *t, mtrk_id campaign, mtrk_id *lids, char urls[][128], char labels[][64],
                         mtrk_link_origin *origins, size_t cap)
{
    mtrk_link_iter *it;
    const mtrk_link *l;
    size_t n = 0;
    CONF_OK(mtrk_link_iter_new(&it, t, campaign));
    while (mtrk_link_iter_next(&l, it) == MTRK_OK) {
        assert_true(n < cap);
        assert_int_equal(mtrk_link_position(l), n);
        if (lids)
            lids[n] = mtrk_link_id(l);
        if (urls)
            snprintf(urls[n], 128, "%s", mtrk_link_url(l));
        if (labels)
            snprintf(labels[n], 64, "%s", mtrk_link_label(l) ? mtrk_link_label(l) : "");
        if (origins)
            origins[n] = mtrk_link_origin_of(l);
        n++;
    }
    mtrk_link_iter_free(it);
    return n;
}

/* A sending campaign with the given content, n messages sent at conf_clock_now(). */
static void trk_build_with(trk *s, mtrk_tenant *t, const char *prefix, size_t n, const char *html, const char *text);

/* A sending campaign with the HTML above, n messages sent at conf_clock_now(). */
static void trk_build(trk *s, mtrk_tenant *t, const char *prefix, size_t n)
{
    trk_build_with(s, t, prefix, n, html_src, text_src);
}

static void trk_build_with(trk *s, mtrk_tenant *t, const char *prefix, size_t n, const char *html, const char *text)
{
    char name[64], addr[128];
    memset(s, 0, sizeof *s);
    set_base(t, NULL);
    mtrk_campaign_spec spec;
    conf_spec(&spec);
    snprintf(name, sizeof name, "%s campaign", prefix);
    spec.name = name;
    spec.html = html;
    spec.text = text;
    CONF_OK(mtrk_campaign_create(&s->campaign, t, &spec));
    s->nlinks = read_links(t, s->campaign, s->lids, NULL, NULL, NULL, 16);
    s->audience = conf_audience_new(t, prefix);
    s->n = n;
    for (size_t i = 0; i < n; i++) {
        snprintf(addr, sizeof addr, "%s%zu@example.com", prefix, i);
        s->contacts[i] = conf_contact_new(t, addr);
        conf_member(t, s->audience, s->contacts[i]);
    }
    conf_attach(t, s->campaign, s->audience);
    conf_campaign_to(t, s->campaign, MTRK_CAMPAIGN_SENDING);
    CONF_OK(mtrk_campaign_generate(NULL, t, s->campaign));
    mtrk_id claimed[4];
    size_t got;
    CONF_OK(mtrk_queue_claim(claimed, &got, NULL, t, s->campaign, n, CONF_HOUR));
    assert_int_equal(got, n);
    s->sent_at = conf_clock_now();
    for (size_t i = 0; i < n; i++) {
        s->mids[i] = conf_msg_of(t, s->campaign, s->contacts[i]).mid;
        CONF_OK(mtrk_queue_mark_sent(t, s->mids[i], s->sent_at, NULL, NULL));
    }
}

/* The path of a tracking URL (after the base). */
static char *url_path(mtrk_tenant *t, mtrk_url_kind kind, mtrk_id mid, mtrk_id lid)
{
    char *url;
    CONF_OK(mtrk_track_url(&url, t, kind, mid, lid));
    assert_true(strncmp(url, BASE, strlen(BASE)) == 0);
    char *p = strdup(url + strlen("https://trk.example.com"));
    mtrk_free(url);
    return p;
}

static int resolve_full(mtrk_track_result *res, mtrk_tenant *t, const char *method, const char *path,
                        const char *body, const char *ua, const char *ip, mtrk_time at,
                        const mtrk_resolve_options *opts)
{
    mtrk_track_request req;
    CONF_INIT(req, MTRK_TRACK_REQUEST_VERSION);
    req.method = method;
    req.path = path;
    req.body = body;
    req.body_len = body ? strlen(body) : 0;
    req.user_agent = ua;
    req.ip = ip;
    req.at = at;
    CONF_INIT(*res, MTRK_TRACK_RESULT_VERSION);
    return mtrk_track_resolve(res, t, &req, opts);
}

#define HUMAN_UA "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
#define LATER (s.sent_at + CONF_HOUR)

static int resolve_get(mtrk_track_result *res, mtrk_tenant *t, const char *path, mtrk_time at)
{
    return resolve_full(res, t, "GET", path, NULL, HUMAN_UA, "192.0.2.10", at, NULL);
}

/* ---- catalogue ---- */

static void test_catalogue_from_html(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "cat", 1);
    char urls[8][128], labels[8][64];
    mtrk_link_origin o[8];
    size_t n = read_links(fx->t, s.campaign, NULL, urls, labels, o, 8);
    assert_int_equal(n, 4); /* comment, mailto and placeholder left alone; one lid per occurrence */
    assert_string_equal(urls[0], "https://shop.example.com/buy?a=1&b=2");
    assert_string_equal(labels[0], "Buy now");
    assert_string_equal(urls[1], "https://shop.example.com/story");
    assert_string_equal(labels[1], "Story");
    assert_string_equal(urls[2], urls[0]);
    assert_int_equal(o[2], MTRK_LINK_HTML);
    assert_int_equal(o[3], MTRK_LINK_HONEYPOT);
}

static void test_recatalogue_keeps_lids(void **state)
{
    conf_fixture *fx = *state;
    set_base(fx->t, NULL);
    mtrk_campaign_spec spec;
    conf_spec(&spec);
    spec.html = "<a href='https://a.example/'>A</a><a href='https://b.example/'>B</a>"
                "<a href='https://a.example/'>A</a><a href='https://c.example/'>C</a>";
    mtrk_id cam;
    CONF_OK(mtrk_campaign_create(&cam, fx->t, &spec));
    mtrk_id before[8], after[8];
    assert_int_equal(read_links(fx->t, cam, before, NULL, NULL, NULL, 8), 4);
    mtrk_id manual;
    CONF_OK(mtrk_link_add(&manual, fx->t, cam, "https://manual.example/", "Manual", 0));
    /* New link first, B relabelled, C removed, both A kept. */
    spec.html = "<p><a href='https://new.example/'>New</a></p><a href='https://a.example/'>A</a>"
                "<a href='https://b.example/'>B2</a><a href='https://a.example/'>A</a>";
    CONF_OK(mtrk_campaign_edit(fx->t, cam, &spec));
    char urls[8][128];
    mtrk_link_origin o[8];
    size_t n = read_links(fx->t, cam, after, urls, NULL, o, 8);
    assert_int_equal(n, 5);
    assert_string_equal(urls[0], "https://new.example/");
    CONF_ID_EQ(after[1], before[0]);
    CONF_ID_EQ(after[3], before[2]);
    CONF_ID_NE(after[2], before[1]); /* label changed: a new link */
    CONF_ID_EQ(after[4], manual);     /* manual links follow, never removed */
    assert_int_equal(o[4], MTRK_LINK_MANUAL);
    mtrk_link *gone;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_link_get(&gone, fx->t, before[3]));
    /* An identical edit changes nothing. */
    CONF_OK(mtrk_campaign_edit(fx->t, cam, &spec));
    mtrk_id again[8];
    assert_int_equal(read_links(fx->t, cam, again, NULL, NULL, NULL, 8), 5);
    for (size_t i = 0; i < 5; i++)
        CONF_ID_EQ(again[i], after[i]);
}

/* ---- rendering ---- */

typedef struct map_ctx {
    char **urls;
} map_ctx;
static int map_links(void *ud, const mtrk_html_link *l, const char **repl)
{
    map_ctx *m = ud;
    *repl = m->urls[l->index];
    return 0;
}

static void test_render(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "ren", 1);
    set_base(fx->t, "unsub@example.com");
    mtrk_rendered r;
    CONF_INIT(r, MTRK_RENDERED_VERSION);
    CONF_OK(mtrk_message_render(&r, fx->t, s.mids[0]));
    char *click[8], *open_url, *unsub;
    for (size_t i = 0; i < s.nlinks; i++)
        CONF_OK(mtrk_track_url(&click[i], fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[i]));
    CONF_OK(mtrk_track_url(&open_url, fx->t, MTRK_URL_OPEN, s.mids[0], conf_unknown_id()) == MTRK_EINVAL
                ? MTRK_OK : -1);
    CONF_OK(mtrk_track_url(&open_url, fx->t, MTRK_URL_OPEN, s.mids[0], (mtrk_id){ { 0 } }));
    CONF_OK(mtrk_track_url(&unsub, fx->t, MTRK_URL_UNSUBSCRIBE, s.mids[0], (mtrk_id){ { 0 } }));

    /* Expected: the source rewritten with the click URLs, the placeholder
     * substituted, and the pixel before </body>. */
    map_ctx m = { click };
    char *exp;
    size_t explen;
    CONF_OK(mtrk_html_rewrite(&exp, &explen, html_src, strlen(html_src), map_links, &m));
    char pixel_start[512];
    snprintf(pixel_start, sizeof pixel_start, "<img src=\"%s\"", open_url);
    char *pix = strstr(r.html, pixel_start);
    assert_non_null(pix);
    char *pix_end = strchr(pix, '>');
    assert_non_null(pix_end);
    assert_true(strncmp(pix_end + 1, "</body>", 7) == 0);
    char *got = malloc(r.html_len + 1);
    size_t pre = (size_t)(pix - r.html);
    memcpy(got, r.html, pre);
    strcpy(got + pre, pix_end + 1);
    /* Substitute {{unsubscribe_url}} in the expectation. */
    char *ph = strstr(exp, "{{unsubscribe_url}}");
    assert_non_null(ph);
    char *exp2 = malloc(explen + strlen(unsub) + 1);
    memcpy(exp2, exp, (size_t)(ph - exp));
    strcpy(exp2 + (ph - exp), unsub);
    strcat(exp2, ph + strlen("{{unsubscribe_url}}"));
    assert_string_equal(got, exp2);
    assert_null(strstr(r.html, "{{unsubscribe_url}}"));

    /* Text: the catalogued URL rewritten (first link with that URL), others kept. */
    assert_non_null(strstr(r.text, click[1]));
    assert_non_null(strstr(r.text, "https://other.example.com/"));
    assert_non_null(strstr(r.text, unsub));
    /* Headers (RFC 8058). */
    assert_true(strncmp(r.list_unsubscribe, "<https://trk.example.com/t/u/t1/", 32) == 0);
    assert_non_null(strstr(r.list_unsubscribe, ", <mailto:unsub@example.com?subject=unsubscribe:t1/"));
    assert_string_equal(r.list_unsubscribe_post, "List-Unsubscribe=One-Click");
    mtrk_rendered_clear(&r);
    assert_null(r.html);
    for (size_t i = 0; i < s.nlinks; i++)
        mtrk_free(click[i]);
    mtrk_free(open_url);
    mtrk_free(unsub);
    mtrk_free(exp);
    free(exp2);
    free(got);
}

static void test_render_needs_base_and_landing(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "nob", 1);
    mtrk_tenant_settings st;
    CONF_INIT(st, MTRK_TENANT_SETTINGS_VERSION);
    CONF_OK(mtrk_tenant_settings_get(&st, fx->t));
    st.tracking_base_url = "";
    CONF_OK(mtrk_tenant_settings_set(fx->t, &st));
    mtrk_rendered r;
    CONF_INIT(r, MTRK_RENDERED_VERSION);
    CONF_EXPECT(MTRK_ESTATE, mtrk_message_render(&r, fx->t, s.mids[0]));
    CONF_ERRMSG_HAS("tracking_base_url");
    char *u;
    CONF_EXPECT(MTRK_ESTATE, mtrk_track_url(&u, fx->t, MTRK_URL_OPEN, s.mids[0], (mtrk_id){ { 0 } }));
    set_base(fx->t, NULL);
    CONF_EXPECT(MTRK_ESTATE, mtrk_track_url(&u, fx->t, MTRK_URL_LANDING, s.mids[0], (mtrk_id){ { 0 } }));
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_message_render(&r, fx->t, conf_unknown_id()));
}

/* ---- resolving ---- */

static void test_round_trips(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "rt", 1);
    mtrk_id lp;
    CONF_OK(mtrk_landing_page_create(&lp, fx->t, s.campaign, "Spring", "https://shop.example.com/lp"));
    mtrk_track_result res;
    mtrk_id nil = { { 0 } };

    char *p = url_path(fx->t, MTRK_URL_OPEN, s.mids[0], nil);
    CONF_OK(resolve_get(&res, fx->t, p, LATER));
    assert_int_equal(res.action, MTRK_ACTION_PIXEL);
    assert_int_equal(res.kind, MTRK_URL_OPEN);
    CONF_ID_EQ(res.mid, s.mids[0]);
    CONF_ID_EQ(res.campaign, s.campaign);
    CONF_ID_EQ(res.rid, s.contacts[0]);
    assert_int_equal(res.recorded, 1);
    assert_int_equal(res.verdict, MTRK_VERDICT_HUMAN);
    free(p);
    size_t plen;
    assert_non_null(mtrk_track_pixel(&plen));
    assert_true(plen > 20);

    for (size_t i = 0; i < 3; i++) { /* not the honeypot */
        p = url_path(fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[i]);
        CONF_OK(resolve_get(&res, fx->t, p, LATER + (mtrk_time)(i + 1) * CONF_MIN));
        assert_int_equal(res.action, MTRK_ACTION_REDIRECT);
        CONF_ID_EQ(res.lid, s.lids[i]);
        mtrk_link *l;
        CONF_OK(mtrk_link_get(&l, fx->t, s.lids[i]));
        assert_string_equal(res.redirect_url, mtrk_link_url(l));
        mtrk_link_free(l);
        assert_int_equal(res.verdict, MTRK_VERDICT_HUMAN);
        free(p);
    }
    mtrk_message_info mi = conf_msg(fx->t, s.mids[0]);
    assert_int_equal(mi.opens, 1);
    assert_int_equal(mi.clicks, 3);

    p = url_path(fx->t, MTRK_URL_UNSUBSCRIBE, s.mids[0], nil);
    size_t ev = conf_count_message_events(fx->t, s.mids[0]);
    CONF_OK(resolve_get(&res, fx->t, p, LATER));
    assert_int_equal(res.action, MTRK_ACTION_CONFIRM); /* a GET only asks */
    assert_int_equal(res.recorded, 0);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), ev);
    assert_false(conf_has_unsub(fx->t, s.contacts[0], MTRK_UNSUB_GLOBAL, nil, NULL));
    CONF_OK(resolve_full(&res, fx->t, "POST", p, "List-Unsubscribe=One-Click", "Mail/1", NULL, LATER, NULL));
    assert_int_equal(res.action, MTRK_ACTION_UNSUBSCRIBED);
    assert_int_equal(res.recorded, 1);
    mtrk_source src;
    assert_true(conf_has_unsub(fx->t, s.contacts[0], MTRK_UNSUB_GLOBAL, nil, &src));
    assert_int_equal(src, MTRK_SOURCE_ONE_CLICK);
    CONF_OK(resolve_full(&res, fx->t, "POST", p, "confirm=1", NULL, NULL, LATER, NULL));
    assert_int_equal(res.action, MTRK_ACTION_UNSUBSCRIBED); /* idempotent */
    assert_int_equal(res.recorded, 0);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), ev + 1);
    free(p);

    p = url_path(fx->t, MTRK_URL_LANDING, s.mids[0], nil);
    CONF_OK(resolve_get(&res, fx->t, p, LATER));
    assert_int_equal(res.action, MTRK_ACTION_LANDING);
    CONF_ID_EQ(res.landing_page, lp);
    CONF_ID_EQ(res.rid, s.contacts[0]);
    CONF_ID_EQ(res.mid, s.mids[0]);
    assert_string_equal(res.redirect_url, "https://shop.example.com/lp");
    free(p);

    char key[MTRK_MAX_TENANT_KEY + 1];
    CONF_OK(mtrk_track_path_tenant(key, sizeof key, "/t/c/t1/abc"));
    assert_string_equal(key, "t1");
    CONF_EXPECT(MTRK_ESIGNATURE, mtrk_track_path_tenant(key, sizeof key, "/t/x/t1/abc"));
    /* the buffer's size is the caller's: a key that does not fit is refused, not written past it */
    char small[4] = { 'x', 'x', 'x', 'x' };
    CONF_OK(mtrk_track_path_tenant(small, 3, "/t/c/t1/abc")); /* "t1" + NUL fits in 3 */
    assert_string_equal(small, "t1");
    memset(small, 'x', sizeof small);
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_path_tenant(small, 3, "/t/c/acme/abc"));
    assert_int_equal(small[0], '\0');
    assert_int_equal(small[3], 'x'); /* nothing written past outsize */
    assert_non_null(strstr(mtrk_last_errmsg(), "outsize"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_path_tenant(key, 0, "/t/c/t1/abc"));
}

static void test_link_confirmation_post(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "cp", 1);
    mtrk_track_result res;
    char *p = url_path(fx->t, MTRK_URL_UNSUBSCRIBE, s.mids[0], (mtrk_id){ { 0 } });
    CONF_OK(resolve_full(&res, fx->t, "POST", p, "confirm=yes", HUMAN_UA, "192.0.2.1", LATER, NULL));
    mtrk_source src;
    assert_true(conf_has_unsub(fx->t, s.contacts[0], MTRK_UNSUB_GLOBAL, (mtrk_id){ { 0 } }, &src));
    assert_int_equal(src, MTRK_SOURCE_LINK);
    free(p);
}

static void expect_refused(mtrk_tenant *t, const char *path, const char *what)
{
    mtrk_track_result res;
    int rc = resolve_get(&res, t, path, conf_clock_now() + CONF_HOUR);
    if (rc != MTRK_ESIGNATURE && rc != MTRK_ETENANT)
        fail_msg("%s: path \"%s\" gave %d (%s)", what, path, rc, mtrk_last_errmsg());
    assert_int_equal(res.action, MTRK_ACTION_REFUSED);
}

static void test_every_byte_change_refused(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "byte", 1);
    mtrk_id nil = { { 0 } };
    char *paths[4] = {
        url_path(fx->t, MTRK_URL_OPEN, s.mids[0], nil),
        url_path(fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[0]),
        url_path(fx->t, MTRK_URL_UNSUBSCRIBE, s.mids[0], nil),
        NULL,
    };
    mtrk_id lp;
    CONF_OK(mtrk_landing_page_create(&lp, fx->t, s.campaign, "LP", "https://shop.example.com/lp"));
    paths[3] = url_path(fx->t, MTRK_URL_LANDING, s.mids[0], nil);
    size_t before = conf_count_campaign_events(fx->t, s.campaign);
    static const char subst[] = { 'A', 'B', '0', '-', '_', '/', '.', '?', '%' };
    size_t prefix = strlen("/t/"); /* the host's routing prefix is not part of the URL's proof */
    for (int k = 0; k < 4; k++) {
        char *p = paths[k];
        if (p == NULL)
            abort(); /* made above; the compiler must see it set */
        size_t n = strlen(p);
        char buf[256];
        for (size_t i = prefix; i < n; i++) {
            for (size_t j = 0; j < sizeof subst; j++) {
                if (p[i] == subst[j])
                    continue;
                memcpy(buf, p, n + 1);
                buf[i] = subst[j];
                expect_refused(fx->t, buf, "changed byte");
            }
            /* Truncated, and a byte removed. */
            memcpy(buf, p, i);
            buf[i] = '\0';
            expect_refused(fx->t, buf, "truncated");
            memcpy(buf, p, i);
            strcpy(buf + i, p + i + 1);
            expect_refused(fx->t, buf, "byte removed");
        }
        /* Appended bytes and queries. */
        snprintf(buf, sizeof buf, "%sA", p);
        expect_refused(fx->t, buf, "byte appended");
        /* A query does not rescue a changed token. */
        memcpy(buf, p, n + 1);
        buf[n - 6] = buf[n - 6] == 'A' ? 'B' : 'A';
        strcat(buf, "?fbclid=x");
        expect_refused(fx->t, buf, "changed byte with a query");
    }
    assert_int_equal(conf_count_campaign_events(fx->t, s.campaign), before);
    for (int k = 0; k < 4; k++)
        free(paths[k]);
}

/* base64url without padding, for splicing tokens in the tests. */
static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static size_t b64_decode(uint8_t *out, const char *in)
{
    size_t n = 0, bits = 0;
    uint32_t acc = 0;
    for (; *in && *in != '.'; in++) {
        const char *c = strchr(b64, *in);
        assert_non_null(c);
        acc = acc << 6 | (uint32_t)(c - b64);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[n++] = (uint8_t)(acc >> bits);
        }
    }
    return n;
}
static void b64_encode(char *out, const uint8_t *in, size_t n)
{
    size_t o = 0, bits = 0;
    uint32_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        acc = acc << 8 | in[i];
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out[o++] = b64[(acc >> bits) & 63];
        }
    }
    if (bits)
        out[o++] = b64[(acc << (6 - bits)) & 63];
    out[o] = '\0';
}

static void test_open_redirect_and_splicing(void **state)
{
    conf_fixture *fx = *state;
    trk a, b;
    trk_build(&a, fx->t, "ora", 1);
    trk_build(&b, fx->t, "orb", 1);
    char *u;
    /* A URL for a lid of another campaign cannot be made... */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_track_url(&u, fx->t, MTRK_URL_CLICK, a.mids[0], b.lids[0]));
    /* ...nor forged by splicing that lid into a valid token. */
    char *p = url_path(fx->t, MTRK_URL_CLICK, a.mids[0], a.lids[0]);
    char *tok = strrchr(p, '/') + 1;
    uint8_t raw[64];
    size_t n = b64_decode(raw, tok);
    assert_int_equal(n, 52);
    memcpy(raw + 20, b.lids[0].bytes, 16);
    char forged[256];
    char enc[128];
    b64_encode(enc, raw, n);
    snprintf(forged, sizeof forged, "/t/c/t1/%s", enc);
    expect_refused(fx->t, forged, "lid of another campaign");
    /* A changed lid of the same campaign. */
    memcpy(raw + 20, a.lids[1].bytes, 16);
    b64_encode(enc, raw, n);
    snprintf(forged, sizeof forged, "/t/c/t1/%s", enc);
    expect_refused(fx->t, forged, "changed lid");
    /* A click token presented as an open, and an open token as a click. */
    snprintf(forged, sizeof forged, "/t/o/t1/%s.gif", tok);
    expect_refused(fx->t, forged, "purpose changed");
    free(p);
    p = url_path(fx->t, MTRK_URL_OPEN, a.mids[0], (mtrk_id){ { 0 } });
    char otok[128];
    snprintf(otok, sizeof otok, "%s", strrchr(p, '/') + 1);
    *strstr(otok, ".gif") = '\0';
    snprintf(forged, sizeof forged, "/t/u/t1/%s", otok);
    expect_refused(fx->t, forged, "open token as unsubscribe");
    free(p);
    /* The redirect always goes to the catalogued URL, whatever the request carries. */
    mtrk_track_result res;
    p = url_path(fx->t, MTRK_URL_CLICK, a.mids[0], a.lids[1]);
    CONF_OK(resolve_full(&res, fx->t, "GET", p, "url=https://evil.example/", HUMAN_UA, NULL,
                         a.sent_at + CONF_HOUR, NULL));
    assert_string_equal(res.redirect_url, "https://shop.example.com/story");
    CONF_EXPECT(MTRK_EINVAL, resolve_full(&res, fx->t, "POST", p, NULL, NULL, NULL, 0, NULL));
    CONF_EXPECT(MTRK_EINVAL, resolve_full(&res, fx->t, "DELETE", p, NULL, NULL, NULL, 0, NULL));
    free(p);
}

static void test_other_tenant_refused(void **state)
{
    conf_fixture *fx = *state;
    trk a, b;
    trk_build(&a, fx->t, "ta", 1);
    trk_build(&b, fx->t2, "tb", 1);
    size_t before = conf_count_campaign_events(fx->t2, b.campaign);
    char *p = url_path(fx->t2, MTRK_URL_CLICK, b.mids[0], b.lids[0]);
    mtrk_track_result res;
    CONF_EXPECT(MTRK_ETENANT, resolve_get(&res, fx->t, p, b.sent_at + CONF_HOUR));
    /* The other tenant's token under this tenant's key: its key does not verify here. */
    char forged[256];
    snprintf(forged, sizeof forged, "/t/c/t1/%s", strrchr(p, '/') + 1);
    CONF_EXPECT(MTRK_ESIGNATURE, resolve_get(&res, fx->t, forged, b.sent_at + CONF_HOUR));
    assert_int_equal(conf_count_campaign_events(fx->t2, b.campaign), before);
    CONF_OK(resolve_get(&res, fx->t2, p, b.sent_at + CONF_HOUR));
    free(p);
}

static void test_key_rotation(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "key", 1);
    char *old = url_path(fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[0]);
    uint32_t kid;
    CONF_OK(mtrk_tenant_rotate_key(&kid, fx->t));
    assert_int_equal(kid, 2);
    char *nw = url_path(fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[0]);
    assert_string_not_equal(old, nw);
    mtrk_track_result res;
    CONF_OK(resolve_get(&res, fx->t, old, LATER)); /* previous keys still verify */
    CONF_OK(resolve_get(&res, fx->t, nw, LATER + CONF_MIN));
    CONF_EXPECT(MTRK_ESTATE, mtrk_tenant_retire_key(fx->t, 2)); /* the current key */
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_tenant_retire_key(fx->t, 9));
    CONF_OK(mtrk_tenant_retire_key(fx->t, 1));
    CONF_EXPECT(MTRK_ESTATE, mtrk_tenant_retire_key(fx->t, 1));
    CONF_EXPECT(MTRK_ESIGNATURE, resolve_get(&res, fx->t, old, LATER + 2 * CONF_MIN));
    CONF_OK(resolve_get(&res, fx->t, nw, LATER + 3 * CONF_MIN));
    mtrk_key_info k1, k2;
    CONF_INIT(k1, MTRK_KEY_INFO_VERSION);
    CONF_INIT(k2, MTRK_KEY_INFO_VERSION);
    mtrk_key_info *ks[2] = { &k1, &k2 };
    size_t count;
    CONF_OK(mtrk_tenant_signing_keys(ks, 2, &count, fx->t));
    assert_int_equal(count, 2);
    assert_true(k1.retired_at > 0);
    assert_int_equal(k2.current, 1);
    assert_int_equal(conf_count_audit(fx->t, "tenant.key.rotate", (mtrk_id){ { 0 } }), 1);
    assert_int_equal(conf_count_audit(fx->t, "tenant.key.retire", (mtrk_id){ { 0 } }), 1);
    free(old);
    free(nw);
}

static void last_event(mtrk_event_info *e, mtrk_tenant *t, mtrk_id mid)
{
    mtrk_event_iter *it;
    CONF_OK(mtrk_event_iter_message(&it, t, mid));
    mtrk_event_info cur;
    CONF_INIT(cur, MTRK_EVENT_INFO_VERSION);
    int found = 0;
    while (mtrk_event_iter_next(&cur, it) == MTRK_OK) {
        *e = cur;
        found = 1;
    }
    assert_true(found);
    mtrk_event_iter_free(it);
}

/* Events recorded without a verdict (MTRK_VERDICT_AUTO, the default) are
 * judged by the handle's machine rules, the same as tracked hits: user
 * agent, network, a click on a honeypot link, the host classifier; the
 * verdict and the deciding rule are stored. An explicit verdict is kept.
 * The timing rules need a live hit: an event soon after delivery stays
 * human. */
static int host_says_scanner(void *ud, const mtrk_classify_input *in)
{
    (*(int *)ud)++;
    return in->user_agent && strstr(in->user_agent, "HostBot") ? MTRK_CLASS_SECURITY_SCANNER : -1;
}

static mtrk_verdict record_judged(mtrk_tenant *t, mtrk_event_type type, mtrk_id mid, mtrk_id lid, const char *ua,
                                  const char *ip, mtrk_time at, mtrk_verdict given, const char *reason)
{
    mtrk_event_input in;
    conf_ev_init(&in, type, mid, at);
    in.lid = lid;
    in.user_agent = ua;
    in.ip = ip;
    in.verdict = given;
    CONF_OK(mtrk_event_record(NULL, t, &in));
    mtrk_event_info e;
    last_event(&e, t, mid);
    if (reason)
        assert_string_equal(e.verdict_reason, reason);
    else
        assert_null(e.verdict_reason);
    return e.verdict;
}

static void test_recorded_events_are_judged_by_the_machine_rules(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "rj", 3);
    mtrk_id nil = { { 0 } };
    mtrk_time t0 = s.sent_at + CONF_HOUR;
    const mtrk_verdict A = MTRK_VERDICT_AUTO;
    mtrk_event_input d = MTRK_EVENT_INPUT_INIT, d2;
    CONF_OK(mtrk_event_input_init(&d2, MTRK_EVENT_INPUT_VERSION));
    assert_int_equal(d.verdict, A); /* the default */
    assert_int_equal(d2.verdict, A);
    assert_int_equal(record_judged(fx->t, MTRK_EV_CLICK, s.mids[0], s.lids[0], "Mozilla/5.0 (Barracuda)", NULL, t0, A,
                                   "security_scanner:user_agent"),
                     MTRK_VERDICT_MACHINE);
    assert_int_equal(record_judged(fx->t, MTRK_EV_CLICK, s.mids[0], s.lids[3], HUMAN_UA, NULL, t0 + 1, A,
                                   "security_scanner:honeypot"),
                     MTRK_VERDICT_MACHINE);
    assert_int_equal(record_judged(fx->t, MTRK_EV_OPEN, s.mids[0], nil, "Mozilla/5.0", "17.1.2.3", t0 + 2, A,
                                   "privacy_proxy:network"),
                     MTRK_VERDICT_MACHINE);
    /* A person, and image proxies (real opens): human. */
    assert_int_equal(record_judged(fx->t, MTRK_EV_CLICK, s.mids[1], s.lids[0], HUMAN_UA, "192.0.2.7", t0, A, NULL),
                     MTRK_VERDICT_HUMAN);
    assert_int_equal(record_judged(fx->t, MTRK_EV_OPEN, s.mids[1], nil, "GoogleImageProxy", NULL, t0 + 1, A,
                                   "image_proxy:user_agent"),
                     MTRK_VERDICT_HUMAN);
    /* No timing rules for a recorded event: a click 100 ms after the send. */
    assert_int_equal(record_judged(fx->t, MTRK_EV_CLICK, s.mids[2], s.lids[1], HUMAN_UA, NULL, s.sent_at + 100, A, NULL),
                     MTRK_VERDICT_HUMAN);
    /* An explicit verdict is kept, whatever the rules say. */
    assert_int_equal(record_judged(fx->t, MTRK_EV_CLICK, s.mids[1], s.lids[1], "curl/8", NULL, t0 + 2,
                                   MTRK_VERDICT_HUMAN, NULL),
                     MTRK_VERDICT_HUMAN);
    /* The handle's own rules and host classifier. */
    int calls = 0;
    mtrk_classify_rules none;
    CONF_OK(mtrk_classify_rules_init(&none, MTRK_CLASSIFY_RULES_VERSION));
    CONF_OK(mtrk_tenant_set_classifier(fx->t, &none, host_says_scanner, &calls));
    assert_int_equal(record_judged(fx->t, MTRK_EV_CLICK, s.mids[2], s.lids[0], "curl/8", NULL, t0 + 3, A, NULL),
                     MTRK_VERDICT_HUMAN); /* no user-agent rules now */
    assert_int_equal(record_judged(fx->t, MTRK_EV_OPEN, s.mids[2], nil, "HostBot/1", NULL, t0 + 4, A,
                                   "security_scanner:host"),
                     MTRK_VERDICT_MACHINE);
    assert_int_equal(calls, 2);
    mtrk_classify_rule bad = { "not-a-network", MTRK_CLASS_PRIVACY_PROXY, MTRK_APPLY_OPEN };
    none.networks = &bad;
    none.n_networks = 1;
    CONF_EXPECT(MTRK_EINVAL, mtrk_tenant_set_classifier(fx->t, &none, NULL, NULL));
    CONF_OK(mtrk_tenant_set_classifier(fx->t, NULL, NULL, NULL));
    /* The figures count them apart, and a rebuild agrees. */
    mtrk_metrics m = conf_metrics(fx->t, s.campaign);
    assert_int_equal(m.clicks_total, 6);
    assert_int_equal(m.clicks_machine, 2);
    assert_int_equal(m.opens_machine, 2);
    CONF_OK(mtrk_metrics_rebuild(fx->t));
    mtrk_metrics again = conf_metrics(fx->t, s.campaign);
    conf_metrics_assert_equal(&m, &again);
}

/* The simulator's people never click a hidden honeypot link; its scanners,
 * which follow every link, do, and are judged machine. */
static void test_simulated_people_never_click_a_honeypot(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "sh", 4);
    mtrk_sim_options o = MTRK_SIM_OPTIONS_INIT;
    o.start = s.sent_at;
    o.seed = 7;
    o.open_rate = 1.0;
    o.click_rate = 1.0;
    o.scanner_click_share = 0.0;
    CONF_OK(mtrk_simulate(NULL, fx->t, s.campaign, &o));
    mtrk_link_stats st[8], *p[8];
    for (int i = 0; i < 8; i++) {
        CONF_OK(mtrk_link_stats_init(&st[i], MTRK_LINK_STATS_VERSION));
        p[i] = &st[i];
    }
    size_t n = 0, human = 0;
    CONF_OK(mtrk_metrics_links(p, 8, &n, fx->t, s.campaign));
    for (size_t i = 0; i < n; i++) {
        if (mtrk_id_compare(st[i].lid, s.lids[3]) == 0)
            assert_int_equal(st[i].clicks, 0);
        else
            human += st[i].clicks_unique_human;
    }
    assert_true(human > 0);
    o.seed = 8;
    o.scanner_click_share = 1.0;
    CONF_OK(mtrk_simulate(NULL, fx->t, s.campaign, &o));
    CONF_OK(mtrk_metrics_links(p, 8, &n, fx->t, s.campaign));
    for (size_t i = 0; i < n; i++)
        if (mtrk_id_compare(st[i].lid, s.lids[3]) == 0) {
            assert_true(st[i].clicks > 0);
            assert_int_equal(st[i].clicks_unique_human, 0);
        }
}

/* A group of hits in one call and one transaction: each judged on its own
 * (a forged or another tenant's URL refused, recording nothing, the others
 * recorded), the results those of single calls; a call that fails keeps
 * nothing of the group. */
/* A group's tokens signed by many keys: each judged by its own key, a
 * retired key refused each time it appears, whether its key was read
 * earlier in the group or not (more keys than the group keeps read). */
static void test_resolve_batch_judges_each_key(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "kb", 1);
    enum { KEYS = 6, N = 9 };
    char *by_key[KEYS + 1];
    for (uint32_t k = 1; k <= KEYS; k++) {
        if (k > 1) {
            uint32_t kid;
            CONF_OK(mtrk_tenant_rotate_key(&kid, fx->t));
            assert_int_equal(kid, k);
        }
        by_key[k] = url_path(fx->t, MTRK_URL_OPEN, s.mids[0], (mtrk_id){ { 0 } });
    }
    CONF_OK(mtrk_tenant_retire_key(fx->t, 1));
    CONF_OK(mtrk_tenant_retire_key(fx->t, 5));
    static const int keys[N] = { 1, 2, 3, 4, 5, 6, 1, 6, 5 };
    static const int want[N] = { MTRK_ESIGNATURE, MTRK_OK, MTRK_OK, MTRK_OK, MTRK_ESIGNATURE,
                                 MTRK_OK,         MTRK_ESIGNATURE, MTRK_OK, MTRK_ESIGNATURE };
    mtrk_track_request rq[N];
    const mtrk_track_request *reqs[N];
    mtrk_track_result res[N];
    mtrk_track_result *outs[N];
    int st[N];
    for (int i = 0; i < N; i++) {
        CONF_INIT(rq[i], MTRK_TRACK_REQUEST_VERSION);
        rq[i].method = "GET";
        rq[i].path = by_key[keys[i]];
        rq[i].user_agent = HUMAN_UA;
        rq[i].at = LATER + i;
        reqs[i] = &rq[i];
        CONF_INIT(res[i], MTRK_TRACK_RESULT_VERSION);
        outs[i] = &res[i];
    }
    size_t before = conf_count_campaign_events(fx->t, s.campaign);
    CONF_OK(mtrk_track_resolve_batch(outs, st, fx->t, reqs, N, NULL));
    size_t ok = 0;
    for (int i = 0; i < N; i++) {
        assert_int_equal(st[i], want[i]);
        assert_int_equal(res[i].recorded, want[i] == MTRK_OK ? 1 : 0);
        ok += want[i] == MTRK_OK;
    }
    assert_int_equal(conf_count_campaign_events(fx->t, s.campaign), before + ok);
    for (int k = 1; k <= KEYS; k++)
        free(by_key[k]);
}

static void test_resolve_batch_judges_each_hit(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "rb", 3);
    trk o;
    trk_build(&o, fx->t2, "rb", 1);
    enum { N = 5 };
    char *open_p = url_path(fx->t, MTRK_URL_OPEN, s.mids[0], (mtrk_id){ { 0 } });
    char *click_p = url_path(fx->t, MTRK_URL_CLICK, s.mids[1], s.lids[0]);
    char *forged = strdup(click_p);
    forged[strlen(forged) - 3] = forged[strlen(forged) - 3] == 'A' ? 'B' : 'A';
    char *other = url_path(fx->t2, MTRK_URL_OPEN, o.mids[0], (mtrk_id){ { 0 } });
    char *unsub_p = url_path(fx->t, MTRK_URL_UNSUBSCRIBE, s.mids[2], (mtrk_id){ { 0 } });
    const char *paths[N] = { open_p, forged, other, click_p, unsub_p };
    const char *methods[N] = { "GET", "GET", "GET", "GET", "POST" };
    mtrk_track_request rq[N];
    const mtrk_track_request *reqs[N];
    mtrk_track_result res[N];
    mtrk_track_result *outs[N];
    int st[N];
    for (int i = 0; i < N; i++) {
        CONF_INIT(rq[i], MTRK_TRACK_REQUEST_VERSION);
        rq[i].method = methods[i];
        rq[i].path = paths[i];
        rq[i].body = i == 4 ? "List-Unsubscribe=One-Click" : NULL;
        rq[i].body_len = rq[i].body ? strlen(rq[i].body) : 0;
        rq[i].user_agent = HUMAN_UA;
        rq[i].at = LATER + i;
        reqs[i] = &rq[i];
        CONF_INIT(res[i], MTRK_TRACK_RESULT_VERSION);
        outs[i] = &res[i];
    }
    size_t before = conf_count_campaign_events(fx->t, s.campaign);
    size_t before2 = conf_count_campaign_events(fx->t2, o.campaign);
    CONF_OK(mtrk_track_resolve_batch(outs, st, fx->t, reqs, N, NULL));
    assert_int_equal(st[0], MTRK_OK);
    assert_int_equal(res[0].action, MTRK_ACTION_PIXEL);
    assert_int_equal(res[0].recorded, 1);
    assert_int_equal(st[1], MTRK_ESIGNATURE);
    assert_int_equal(res[1].action, MTRK_ACTION_REFUSED);
    assert_int_equal(res[1].recorded, 0);
    assert_int_equal(st[2], MTRK_ETENANT);
    assert_int_equal(st[3], MTRK_OK);
    assert_int_equal(res[3].action, MTRK_ACTION_REDIRECT);
    assert_string_equal(res[3].redirect_url, "https://shop.example.com/buy?a=1&b=2");
    assert_int_equal(st[4], MTRK_OK);
    assert_int_equal(res[4].action, MTRK_ACTION_UNSUBSCRIBED);
    CONF_ERRMSG_HAS("tenant"); /* the last refused hit */
    assert_int_equal(conf_count_campaign_events(fx->t, s.campaign), before + 3);
    assert_int_equal(conf_count_campaign_events(fx->t2, o.campaign), before2);
    mtrk_metrics m = conf_metrics(fx->t, s.campaign);
    assert_int_equal(m.opens_total, 1);
    assert_int_equal(m.clicks_total, 1);
    assert_int_equal(m.unsubscribes, 1);
    /* A failed call keeps nothing: an out of an unknown version. */
    res[4].version = 99;
    CONF_EXPECT(MTRK_EVERSION, mtrk_track_resolve_batch(outs, st, fx->t, reqs, N, NULL));
    assert_int_equal(conf_count_campaign_events(fx->t, s.campaign), before + 3);
    res[4].version = MTRK_TRACK_RESULT_VERSION;
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_resolve_batch(outs, NULL, fx->t, reqs, N, NULL));
    free(open_p);
    free(click_p);
    free(forged);
    free(other);
    free(unsub_p);
}

/* Random groups of hits (opens, clicks on every link, forged tokens,
 * unsubscribes by GET and POST, landing visits, scanners, proxies, clicks
 * too soon after the send, clicks in bursts on one message): resolved as
 * one batch on one campaign and one by one on a twin campaign, every hit's
 * status and result and every figure are the same (the batch reads a
 * group's rows together; it must judge each hit as a single call would). */
static uint64_t rb_next(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

static void rb_link_stats(mtrk_tenant *t, mtrk_id campaign, mtrk_link_stats *st, size_t *n)
{
    mtrk_link_stats *p[8];
    for (int i = 0; i < 8; i++) {
        CONF_OK(mtrk_link_stats_init(&st[i], MTRK_LINK_STATS_VERSION));
        p[i] = &st[i];
    }
    CONF_OK(mtrk_metrics_links(p, 8, n, t, campaign));
}

static const mtrk_link_stats *rb_at(const mtrk_link_stats *st, size_t n, uint32_t position)
{
    for (size_t i = 0; i < n; i++)
        if (st[i].position == position)
            return &st[i];
    fail_msg("no link at position %u", position);
    return NULL;
}

static void rb_compare_figures(mtrk_tenant *t, const trk *a, const trk *b)
{
    mtrk_metrics ma = conf_metrics(t, a->campaign), mb = conf_metrics(t, b->campaign);
    conf_metrics_assert_equal(&ma, &mb);
    mtrk_link_stats sa[8], sb[8];
    size_t na, nb;
    rb_link_stats(t, a->campaign, sa, &na);
    rb_link_stats(t, b->campaign, sb, &nb);
    assert_int_equal(na, nb);
    for (size_t i = 0; i < na; i++) {
        const mtrk_link_stats *y = rb_at(sb, nb, sa[i].position);
        assert_int_equal(sa[i].clicks, y->clicks);
        assert_int_equal(sa[i].clicks_unique, y->clicks_unique);
        assert_int_equal(sa[i].clicks_unique_human, y->clicks_unique_human);
    }
}

static void test_resolve_batch_equals_one_by_one(void **state)
{
    conf_fixture *fx = *state;
    trk a, b;
    trk_build(&a, fx->t, "ba", 4);
    trk_build(&b, fx->t, "bb", 4);
    mtrk_id lpa, lpb;
    CONF_OK(mtrk_landing_page_create(&lpa, fx->t, a.campaign, "LP", "https://shop.example.com/lp"));
    CONF_OK(mtrk_landing_page_create(&lpb, fx->t, b.campaign, "LP", "https://shop.example.com/lp"));
    static const char *const uas[] = { HUMAN_UA, "curl/8", "Mozilla/5.0 (Barracuda)", "GoogleImageProxy", NULL };
    static const char *const ips[] = { "192.0.2.7", "17.1.2.3", NULL };
    uint64_t x = 0x9e3779b97f4a7c15u;
    enum { ROUNDS = 12, MAXN = 40 };
    size_t hits = 0, machine = 0, refused = 0;
    for (int round = 0; round < ROUNDS; round++) {
        size_t n = 1 + rb_next(&x) % MAXN;
        char *pa[MAXN], *pb[MAXN];
        mtrk_track_request ra[MAXN], rq1;
        const mtrk_track_request *reqs[MAXN];
        mtrk_track_result res[MAXN], one;
        mtrk_track_result *outs[MAXN];
        int st[MAXN];
        /* One message of the round gets the bursts: several links within seconds. */
        mtrk_time base = CONF_HOUR * (round + 1);
        for (size_t i = 0; i < n; i++) {
            uint64_t r = rb_next(&x);
            size_t m = r % 4, l = (r >> 8) % a.nlinks;
            unsigned what = (unsigned)((r >> 16) % 100);
            mtrk_url_kind kind = what < 35 ? MTRK_URL_OPEN : what < 85 ? MTRK_URL_CLICK
                                                         : what < 93 ? MTRK_URL_UNSUBSCRIBE
                                                                     : MTRK_URL_LANDING;
            mtrk_id nil = { { 0 } };
            mtrk_id a2 = kind == MTRK_URL_CLICK ? a.lids[l] : nil;
            mtrk_id b2 = kind == MTRK_URL_CLICK ? b.lids[l] : nil;
            pa[i] = url_path(fx->t, kind, a.mids[m], a2);
            pb[i] = url_path(fx->t, kind, b.mids[m], b2);
            if ((r >> 24) % 20 == 0) { /* forged: one character of the token changed */
                size_t k = strlen(pa[i]) - 3;
                pa[i][k] = pa[i][k] == 'A' ? 'B' : 'A';
                pb[i][k] = pb[i][k] == 'A' ? 'B' : 'A';
            }
            int post = kind == MTRK_URL_UNSUBSCRIBE && (r >> 32) % 2;
            CONF_INIT(ra[i], MTRK_TRACK_REQUEST_VERSION);
            ra[i].method = post ? "POST" : "GET";
            ra[i].body = post ? "List-Unsubscribe=One-Click" : NULL;
            ra[i].body_len = ra[i].body ? strlen(ra[i].body) : 0;
            ra[i].user_agent = uas[(r >> 36) % 5];
            ra[i].ip = ips[(r >> 40) % 3];
            /* Offsets from the send: too soon (ms), a burst (s), or later. */
            unsigned when = (unsigned)((r >> 44) % 10);
            mtrk_time off = when == 0   ? (mtrk_time)((r >> 48) % 2000)
                            : when < 5 ? base + (mtrk_time)((r >> 48) % 20) * 1000
                                       : base + (mtrk_time)((r >> 48) % 3600) * 1000;
            ra[i].at = a.sent_at + off;
            reqs[i] = &ra[i];
            CONF_INIT(res[i], MTRK_TRACK_RESULT_VERSION);
            outs[i] = &res[i];
        }
        for (size_t i = 0; i < n; i++)
            ra[i].path = pa[i];
        CONF_OK(mtrk_track_resolve_batch(outs, st, fx->t, reqs, n, NULL));
        char *urls[MAXN]; /* the handle's strings last until its next call */
        for (size_t i = 0; i < n; i++)
            urls[i] = res[i].redirect_url ? strdup(res[i].redirect_url) : NULL;
        for (size_t i = 0; i < n; i++) {
            rq1 = ra[i];
            rq1.path = pb[i];
            rq1.at = b.sent_at + (ra[i].at - a.sent_at);
            CONF_INIT(one, MTRK_TRACK_RESULT_VERSION);
            int rc = mtrk_track_resolve(&one, fx->t, &rq1, NULL);
            if (rc != st[i])
                fail_msg("round %d hit %zu (%s %s): batch %d, one by one %d", round, i, ra[i].method, pa[i], st[i],
                         rc);
            hits++;
            refused += rc != MTRK_OK;
            if (rc != MTRK_OK)
                continue;
            assert_int_equal(res[i].kind, one.kind);
            assert_int_equal(res[i].action, one.action);
            assert_int_equal(res[i].recorded, one.recorded);
            assert_int_equal(res[i].withheld, one.withheld);
            if (res[i].verdict != one.verdict || res[i].machine_class != one.machine_class ||
                res[i].rule != one.rule)
                fail_msg("round %d hit %zu (%s): batch %s/%s, one by one %s/%s", round, i, pa[i],
                         mtrk_machine_class_name(res[i].machine_class), mtrk_machine_rule_name(res[i].rule),
                         mtrk_machine_class_name(one.machine_class), mtrk_machine_rule_name(one.rule));
            machine += res[i].verdict == MTRK_VERDICT_MACHINE;
            if (one.redirect_url)
                assert_string_equal(urls[i], one.redirect_url);
            else
                assert_null(urls[i]);
            assert_int_equal(res[i].recorded ? 1 : 0, mtrk_id_is_nil(res[i].event_id) ? 0 : 1);
        }
        for (size_t i = 0; i < n; i++) {
            free(pa[i]);
            free(pb[i]);
            free(urls[i]);
        }
        rb_compare_figures(fx->t, &a, &b);
    }
    /* The histories covered what they are for. */
    assert_true(machine > 0 && refused > 0 && hits > machine + refused);
    CONF_OK(mtrk_metrics_rebuild(fx->t));
    rb_compare_figures(fx->t, &a, &b);
}

/* A reply to the List-Unsubscribe mailto: the subject the rendered header
 * gives unsubscribes the message's contact once, with source mailto; a
 * subject not of that form, of another tenant or with a changed token is
 * refused and records nothing. */
static void test_mailto_unsubscribe(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "mt", 2);
    set_base(fx->t, "unsub@example.com");
    mtrk_rendered r;
    CONF_INIT(r, MTRK_RENDERED_VERSION);
    CONF_OK(mtrk_message_render(&r, fx->t, s.mids[0]));
    const char *q = strstr(r.list_unsubscribe, "?subject=");
    assert_non_null(q);
    char subject[512];
    snprintf(subject, sizeof subject, "%s", q + strlen("?subject="));
    char *close = strchr(subject, '>');
    assert_non_null(close);
    *close = '\0';
    mtrk_rendered_clear(&r);
    mtrk_id nil = { { 0 } };
    size_t ev = conf_count_message_events(fx->t, s.mids[0]);
    mtrk_track_result res;

    /* Refused, nothing recorded: not the form, another tenant, a changed token. */
    char bad[600];
    const char *refused[] = { "", "unsubscribe", "unsubscribe:", "unsubscribe:t1", "subscribe:t1/x",
                              "Re: unsubscribe:t1/x", "unsubscribe:c/t1/x" };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        CONF_INIT(res, MTRK_TRACK_RESULT_VERSION);
        CONF_EXPECT(MTRK_EINVAL, mtrk_track_mail_unsubscribe(&res, fx->t, refused[i], LATER));
        assert_int_equal(res.action, MTRK_ACTION_REFUSED);
        CONF_ERRMSG_HAS("subject");
    }
    CONF_INIT(res, MTRK_TRACK_RESULT_VERSION);
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_mail_unsubscribe(&res, fx->t, NULL, LATER));
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_mail_unsubscribe(&res, fx->t, subject, -1));
    CONF_EXPECT(MTRK_ETENANT, mtrk_track_mail_unsubscribe(&res, fx->t2, subject, LATER));
    /* A signed tail behind other segments is not the form either. */
    snprintf(bad, sizeof bad, "unsubscribe:x/u/%s", subject + strlen("unsubscribe:"));
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_mail_unsubscribe(&res, fx->t, bad, LATER));
    snprintf(bad, sizeof bad, "%s", subject);
    size_t last = strlen(bad) - 1;
    bad[last] = bad[last] == 'A' ? 'B' : 'A';
    CONF_EXPECT(MTRK_ESIGNATURE, mtrk_track_mail_unsubscribe(&res, fx->t, bad, LATER));
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), ev);
    assert_false(conf_has_unsub(fx->t, s.contacts[0], MTRK_UNSUB_GLOBAL, nil, NULL));

    /* The subject as a mail client sends it: any case, folded whitespace. */
    snprintf(bad, sizeof bad, " \r\n UNSUBSCRIBE:%s \r\n", subject + strlen("unsubscribe:"));
    CONF_INIT(res, MTRK_TRACK_RESULT_VERSION);
    CONF_OK(mtrk_track_mail_unsubscribe(&res, fx->t, bad, LATER));
    assert_int_equal(res.action, MTRK_ACTION_UNSUBSCRIBED);
    assert_int_equal(res.kind, MTRK_URL_UNSUBSCRIBE);
    assert_int_equal(res.recorded, 1);
    CONF_ID_EQ(res.mid, s.mids[0]);
    CONF_ID_EQ(res.rid, s.contacts[0]);
    mtrk_source src;
    assert_true(conf_has_unsub(fx->t, s.contacts[0], MTRK_UNSUB_GLOBAL, nil, &src));
    assert_int_equal(src, MTRK_SOURCE_MAILTO);
    assert_false(conf_has_unsub(fx->t, s.contacts[1], MTRK_UNSUB_GLOBAL, nil, NULL));
    mtrk_event_info e;
    last_event(&e, fx->t, s.mids[0]);
    assert_int_equal(e.type, MTRK_EV_UNSUBSCRIBE);
    assert_int_equal(e.unsub_scope, MTRK_UNSUB_GLOBAL);
    assert_int_equal(e.occurred_at, LATER);
    assert_null(e.user_agent);
    assert_null(e.ip);
    /* A repeat records nothing and answers the same. */
    CONF_INIT(res, MTRK_TRACK_RESULT_VERSION);
    CONF_OK(mtrk_track_mail_unsubscribe(&res, fx->t, subject, LATER + CONF_MIN));
    assert_int_equal(res.action, MTRK_ACTION_UNSUBSCRIBED);
    assert_int_equal(res.recorded, 0);
    assert_int_equal(conf_count_message_events(fx->t, s.mids[0]), ev + 1);
    mtrk_metrics mt = conf_metrics(fx->t, s.campaign);
    assert_int_equal(mt.unsubscribes, 1);
}

static void test_withheld(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "wh", 2);
    mtrk_track_result res;
    char *p0 = url_path(fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[0]);
    char *p1 = url_path(fx->t, MTRK_URL_CLICK, s.mids[1], s.lids[0]);
    CONF_OK(mtrk_contact_erase(fx->t, s.contacts[0]));
    CONF_OK(resolve_get(&res, fx->t, p0, LATER));
    assert_int_equal(res.action, MTRK_ACTION_REDIRECT);
    assert_int_equal(res.withheld, 1);
    assert_true(mtrk_id_is_nil(res.rid));
    mtrk_event_info e;
    if (res.recorded) {
        last_event(&e, fx->t, s.mids[0]);
        assert_null(e.user_agent);
        assert_null(e.ip);
    }
    conf_campaign_to(fx->t, s.campaign, MTRK_CAMPAIGN_CANCELED);
    CONF_OK(resolve_get(&res, fx->t, p1, LATER));
    assert_int_equal(res.action, MTRK_ACTION_REDIRECT);
    assert_int_equal(res.withheld, 1);
    assert_string_equal(res.redirect_url, "https://shop.example.com/buy?a=1&b=2");
    last_event(&e, fx->t, s.mids[1]);
    assert_int_equal(e.type, MTRK_EV_CLICK);
    assert_null(e.user_agent);
    assert_null(e.ip);
    free(p0);
    free(p1);
}

static void test_request_metadata_capped(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "cap", 1);
    char *p = url_path(fx->t, MTRK_URL_OPEN, s.mids[0], (mtrk_id){ { 0 } });
    char *ua = malloc(3000);
    memset(ua, 'x', 2999);
    ua[2999] = '\0';
    memcpy(ua, "=cmd|' /C calc'!A0 \xff\xfe <script>", 30);
    memcpy(ua + 509, "\xc3\xa9\xc3\xa9", 4); /* a character across the limit */
    mtrk_track_result res;
    CONF_OK(resolve_full(&res, fx->t, "GET", p, NULL, ua, "not-an-ip", LATER, NULL));
    mtrk_event_info e;
    last_event(&e, fx->t, s.mids[0]);
    assert_non_null(e.user_agent);
    assert_true(strlen(e.user_agent) <= MTRK_MAX_USER_AGENT);
    assert_true(strlen(e.user_agent) >= MTRK_MAX_USER_AGENT - 3);
    assert_null(strchr(e.user_agent, '\xff'));
    assert_null(e.ip);
    CONF_OK(resolve_full(&res, fx->t, "GET", p, NULL, "Mail", "2001:DB8::0:1", LATER + 1, NULL));
    last_event(&e, fx->t, s.mids[0]);
    assert_string_equal(e.ip, "2001:db8::1");
    free(ua);
    free(p);
}

/* ---- machine activity ---- */

static mtrk_track_result hit(mtrk_tenant *t, mtrk_url_kind kind, mtrk_id mid, mtrk_id lid, const char *ua,
                             const char *ip, mtrk_time at, const mtrk_resolve_options *opts)
{
    char *p;
    char *url;
    CONF_OK(mtrk_track_url(&url, t, kind, mid, lid));
    p = url + strlen("https://trk.example.com");
    mtrk_track_result res;
    CONF_OK(resolve_full(&res, t, "GET", p, NULL, ua, ip, at, opts));
    mtrk_free(url);
    return res;
}

static void expect_class(mtrk_track_result r, mtrk_machine_class c, mtrk_machine_rule rule)
{
    if (r.machine_class != c || r.rule != rule)
        fail_msg("got %s:%s, expected %s:%s", mtrk_machine_class_name(r.machine_class),
                 mtrk_machine_rule_name(r.rule), mtrk_machine_class_name(c), mtrk_machine_rule_name(rule));
    assert_int_equal(r.verdict, (c == MTRK_CLASS_PRIVACY_PROXY || c == MTRK_CLASS_SECURITY_SCANNER)
                                    ? MTRK_VERDICT_MACHINE : MTRK_VERDICT_HUMAN);
}

static int host_fn(void *ud, const mtrk_classify_input *in)
{
    int *calls = ud;
    (*calls)++;
    if (in->user_agent && strstr(in->user_agent, "HostKnows"))
        return MTRK_CLASS_SECURITY_SCANNER;
    return -1;
}

/* The link burst counts a message's earlier clicks in the window even when
 * they were folded into its row (a mark past them): the clicks are then
 * read from the whole history, not only from the events past the mark. */
static void test_burst_counts_clicks_behind_the_fold_mark(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "bm", 1);
    mtrk_time tb = s.sent_at + 5 * CONF_HOUR;
    mtrk_event_input in;
    char id[32];
    CONF_OK(mtrk_event_input_init(&in, MTRK_EVENT_INPUT_VERSION));
    in.type = MTRK_EV_CLICK;
    in.mid = s.mids[0];
    in.lid = s.lids[0];
    in.occurred_at = tb - 300;
    in.provider = "esp";
    in.provider_event_id = "bm-click";
    CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    /* More than a fold's worth of opens after it, still in the window: the
     * row is written with a mark past the click. */
    for (int i = 0; i < 2 * 16 + 1; i++) {
        CONF_OK(mtrk_event_input_init(&in, MTRK_EVENT_INPUT_VERSION));
        in.type = MTRK_EV_OPEN;
        in.mid = s.mids[0];
        in.occurred_at = tb - 200 + i;
        in.provider = "esp";
        snprintf(id, sizeof id, "bm-open-%d", i);
        in.provider_event_id = id;
        CONF_OK(mtrk_event_record(NULL, fx->t, &in));
    }
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[1], HUMAN_UA, NULL, tb, NULL),
                 MTRK_CLASS_SECURITY_SCANNER, MTRK_RULE_LINK_BURST);
    /* Out of the window, the same history: not a burst. */
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[2], HUMAN_UA, NULL, tb + 30000, NULL),
                 MTRK_CLASS_HUMAN, MTRK_RULE_NONE);
}

static void test_machine_rules(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "mr", 4);
    mtrk_id nil = { { 0 } };
    mtrk_time t0 = s.sent_at + CONF_HOUR;
    /* Human, and unknown when there is nothing to judge by. */
    expect_class(hit(fx->t, MTRK_URL_OPEN, s.mids[0], nil, HUMAN_UA, "192.0.2.1", t0, NULL), MTRK_CLASS_HUMAN,
                 MTRK_RULE_NONE);
    expect_class(hit(fx->t, MTRK_URL_OPEN, s.mids[0], nil, NULL, NULL, t0, NULL), MTRK_CLASS_UNKNOWN,
                 MTRK_RULE_NONE);
    /* User agents (defaults). */
    expect_class(hit(fx->t, MTRK_URL_OPEN, s.mids[0], nil, "Mozilla/5.0 (via ggpht.com GoogleImageProxy)", NULL,
                     t0, NULL),
                 MTRK_CLASS_IMAGE_PROXY, MTRK_RULE_USER_AGENT);
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[1], s.lids[0], "python-requests/2.31", NULL, t0, NULL),
                 MTRK_CLASS_SECURITY_SCANNER, MTRK_RULE_USER_AGENT);
    /* Networks: Apple's for opens (default), a v6 network from the host's rules. */
    expect_class(hit(fx->t, MTRK_URL_OPEN, s.mids[0], nil, "Mozilla/5.0", "17.58.1.2", t0, NULL),
                 MTRK_CLASS_PRIVACY_PROXY, MTRK_RULE_NETWORK);
    mtrk_classify_rule nets[] = { { "2001:db8:40::/48", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_CLICK },
                                  { "198.51.100.0/24", MTRK_CLASS_PRIVACY_PROXY, MTRK_APPLY_OPEN } };
    mtrk_classify_rules rules;
    CONF_OK(mtrk_classify_rules_init(&rules, MTRK_CLASSIFY_RULES_VERSION));
    rules.networks = nets;
    rules.n_networks = 2;
    mtrk_resolve_options opts;
    CONF_OK(mtrk_resolve_options_init(&opts, MTRK_RESOLVE_OPTIONS_VERSION));
    opts.rules = &rules;
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[2], s.lids[0], HUMAN_UA, "2001:db8:40::7", t0, &opts),
                 MTRK_CLASS_SECURITY_SCANNER, MTRK_RULE_NETWORK);
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[2], s.lids[0], HUMAN_UA, "2001:db8:41::7", t0 + CONF_HOUR,
                     &opts),
                 MTRK_CLASS_HUMAN, MTRK_RULE_NONE);
    expect_class(hit(fx->t, MTRK_URL_OPEN, s.mids[2], nil, HUMAN_UA, "198.51.100.9", t0, &opts),
                 MTRK_CLASS_PRIVACY_PROXY, MTRK_RULE_NETWORK);
    /* A caller built against a header whose rule struct has grown: its
     * elements are rule_size apart, and the library reads the members it
     * knows (with the library's own stride the second rule would be garbage). */
    struct wide_rule {
        mtrk_classify_rule r;
        double later_member;
        char another[24];
    } wide[] = { { { "2001:db8:40::/48", MTRK_CLASS_SECURITY_SCANNER, MTRK_APPLY_CLICK }, 1.0, "x" },
                 { { "198.51.100.0/24", MTRK_CLASS_PRIVACY_PROXY, MTRK_APPLY_OPEN }, 1.0, "y" } };
    rules.networks = &wide[0].r;
    rules.rule_size = sizeof wide[0];
    expect_class(hit(fx->t, MTRK_URL_OPEN, s.mids[0], nil, HUMAN_UA, "198.51.100.10", t0 + 2 * CONF_HOUR, &opts),
                 MTRK_CLASS_PRIVACY_PROXY, MTRK_RULE_NETWORK);
    {
        mtrk_track_result r0;
        char *p0 = url_path(fx->t, MTRK_URL_OPEN, s.mids[0], nil);
        rules.rule_size = 0; /* arrays without their element size */
        CONF_EXPECT(MTRK_EINVAL, resolve_full(&r0, fx->t, "GET", p0, NULL, NULL, NULL, t0, &opts));
        assert_non_null(strstr(mtrk_tenant_errmsg(fx->t), "rule_size"));
        free(p0);
    }
    rules.rule_size = sizeof(mtrk_classify_rule);
    mtrk_classify_rule bad[] = { { "300.1.1.1/8", MTRK_CLASS_PRIVACY_PROXY, MTRK_APPLY_OPEN } };
    rules.networks = bad;
    rules.n_networks = 1;
    mtrk_track_result r;
    char *p = url_path(fx->t, MTRK_URL_OPEN, s.mids[2], nil);
    CONF_EXPECT(MTRK_EINVAL, resolve_full(&r, fx->t, "GET", p, NULL, NULL, NULL, t0, &opts));
    free(p);
    /* Honeypot. */
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[3], s.lids[3], HUMAN_UA, NULL, t0, NULL),
                 MTRK_CLASS_SECURITY_SCANNER, MTRK_RULE_HONEYPOT);
    /* Link burst: a second link of the message within a second. */
    mtrk_time tb = t0 + 5 * CONF_HOUR;
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[3], s.lids[0], HUMAN_UA, NULL, tb, NULL), MTRK_CLASS_HUMAN,
                 MTRK_RULE_NONE);
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[3], s.lids[1], HUMAN_UA, NULL, tb + 400, NULL),
                 MTRK_CLASS_SECURITY_SCANNER, MTRK_RULE_LINK_BURST);
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[3], s.lids[2], HUMAN_UA, NULL, tb + 30000, NULL),
                 MTRK_CLASS_HUMAN, MTRK_RULE_NONE);
    /* Within the delivery window. */
    expect_class(hit(fx->t, MTRK_URL_OPEN, s.mids[1], nil, HUMAN_UA, NULL, s.sent_at + 500, NULL),
                 MTRK_CLASS_PRIVACY_PROXY, MTRK_RULE_DELIVERY_WINDOW);
    expect_class(hit(fx->t, MTRK_URL_CLICK, s.mids[1], s.lids[1], HUMAN_UA, NULL, s.sent_at + 900, NULL),
                 MTRK_CLASS_SECURITY_SCANNER, MTRK_RULE_DELIVERY_WINDOW);
    /* The host's classifier. */
    int calls = 0;
    mtrk_resolve_options ho;
    CONF_OK(mtrk_resolve_options_init(&ho, MTRK_RESOLVE_OPTIONS_VERSION));
    ho.classifier = host_fn;
    ho.classifier_userdata = &calls;
    expect_class(hit(fx->t, MTRK_URL_OPEN, s.mids[0], nil, "HostKnows/1", NULL, t0, &ho),
                 MTRK_CLASS_SECURITY_SCANNER, MTRK_RULE_HOST);
    expect_class(hit(fx->t, MTRK_URL_OPEN, s.mids[0], nil, HUMAN_UA, NULL, t0, &ho), MTRK_CLASS_HUMAN,
                 MTRK_RULE_NONE);
    assert_int_equal(calls, 2);
    /* The verdict and reason are stored with the event. */
    mtrk_event_info e;
    last_event(&e, fx->t, s.mids[3]);
    assert_int_equal(e.type, MTRK_EV_CLICK);
}

static void test_metrics_split(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "ms", 3);
    mtrk_id nil = { { 0 } };
    mtrk_time t0 = s.sent_at + CONF_HOUR;
    hit(fx->t, MTRK_URL_OPEN, s.mids[0], nil, HUMAN_UA, NULL, t0, NULL);                    /* human */
    hit(fx->t, MTRK_URL_OPEN, s.mids[0], nil, "Mozilla/5.0", "17.1.1.1", t0, NULL);         /* machine */
    hit(fx->t, MTRK_URL_OPEN, s.mids[1], nil, HUMAN_UA, NULL, s.sent_at + 100, NULL);       /* machine */
    hit(fx->t, MTRK_URL_OPEN, s.mids[2], nil, "GoogleImageProxy", NULL, t0, NULL);          /* human (image proxy) */
    hit(fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[0], HUMAN_UA, NULL, t0 + CONF_MIN, NULL);   /* human */
    hit(fx->t, MTRK_URL_CLICK, s.mids[1], s.lids[3], HUMAN_UA, NULL, t0, NULL);             /* honeypot */
    hit(fx->t, MTRK_URL_CLICK, s.mids[1], s.lids[0], "curl/8", NULL, t0 + 5 * CONF_MIN, NULL); /* machine */
    mtrk_metrics m = conf_metrics(fx->t, s.campaign);
    assert_int_equal(m.opens_total, 4);
    assert_int_equal(m.opens_unique, 3);
    assert_int_equal(m.opens_unique_human, 2);
    assert_int_equal(m.opens_machine, 2);
    assert_int_equal(m.clicks_total, 3);
    assert_int_equal(m.clicks_unique, 2);
    assert_int_equal(m.clicks_unique_human, 1);
    assert_int_equal(m.clicks_machine, 2);
    CONF_OK(mtrk_metrics_rebuild(fx->t));
    mtrk_metrics again = conf_metrics(fx->t, s.campaign);
    conf_metrics_assert_equal(&m, &again);
}

static void test_bad_input(void **state)
{
    conf_fixture *fx = *state;
    mtrk_track_result res;
    CONF_INIT(res, MTRK_TRACK_RESULT_VERSION);
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_resolve(&res, fx->t, NULL, NULL));
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_resolve(&res, NULL, NULL, NULL));
    CONF_EXPECT(MTRK_EINVAL, resolve_full(&res, fx->t, NULL, "/c/t1/x", NULL, NULL, NULL, 0, NULL));
    CONF_EXPECT(MTRK_ESIGNATURE, resolve_full(&res, fx->t, "GET", "", NULL, NULL, NULL, 0, NULL));
    CONF_EXPECT(MTRK_ESIGNATURE, resolve_full(&res, fx->t, "GET", "/c/t1/", NULL, NULL, NULL, 0, NULL));
    mtrk_track_request req;
    CONF_INIT(req, 99);
    CONF_EXPECT(MTRK_EVERSION, mtrk_track_resolve(&res, fx->t, &req, NULL));
    char *u;
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_url(&u, fx->t, (mtrk_url_kind)9, conf_unknown_id(), (mtrk_id){ { 0 } }));
    CONF_EXPECT(MTRK_EINVAL, mtrk_track_url(&u, fx->t, MTRK_URL_CLICK, conf_unknown_id(), (mtrk_id){ { 0 } }));
    set_base(fx->t, NULL);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_track_url(&u, fx->t, MTRK_URL_OPEN, conf_unknown_id(), (mtrk_id){ { 0 } }));
    mtrk_tenant_settings st;
    CONF_INIT(st, MTRK_TENANT_SETTINGS_VERSION);
    CONF_OK(mtrk_tenant_settings_get(&st, fx->t));
    st.list_unsubscribe_mailto = "not an address";
    CONF_EXPECT(MTRK_EADDRESS, mtrk_tenant_settings_set(fx->t, &st));
    assert_string_equal(mtrk_strerror(MTRK_ESIGNATURE), "invalid tracking signature");
    assert_string_equal(mtrk_strerror(MTRK_ETENANT), "tracking URL of another tenant");
}

/* ---- merge tags of template languages ---- */

static const char *const merge_html =
    "<html><body>\n"
    "<a href=\"https://news.example.com/unsubscribe/public/?Email=[[Email]]\">Unsubscribe</a>\n"
    "<a href=\"https://e.example/{email}\">Elastic</a>\n"
    "<a href=\"https://e.example/?u=%%Email%%\">SFMC</a>\n"
    "<a href=\"https://e.example/<%= id %>\">ERB</a>\n"
    "<a href=\"https://e.example/{$email}\">Smarty</a>\n"
    "<a href=\"https://e.example/?r=%recipient.email%\">Mailgun</a>\n"
    "<a href=\"https://e.example/${email}\">Freemarker</a>\n"
    "<a href=\"https://e.example/{% url %}\">Liquid</a>\n"
    "<a href=\"https://e.example/*|EMAIL|*\">Mailchimp</a>\n"
    "<a href=\"https://e.example/x^y\">Caret</a>\n"
    "<a href=\"https://[2001:db8::1]/ipv6\">IPv6 host</a>\n"
    "<a href=\"https://e.example/p?q=%41ok\">Plain</a>\n"
    "<a href=\"https://e.example/profile/{{ contact.id }}\" data-mtrk-track>Profile</a>\n"
    "</body></html>\n";

static void test_merge_tags(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build_with(&s, fx->t, "mt", 1, merge_html, NULL);
    char urls[16][128], labels[16][64];
    mtrk_link_origin o[16];
    size_t n = read_links(fx->t, s.campaign, NULL, urls, labels, o, 16);
    assert_int_equal(n, 13);
    /* Catalogued as written, and reported as templates: not tracked. */
    assert_string_equal(urls[0], "https://news.example.com/unsubscribe/public/?Email=[[Email]]");
    assert_string_equal(urls[7], "https://e.example/{% url %}");
    for (size_t i = 0; i < 10; i++)
        assert_int_equal(o[i], MTRK_LINK_TEMPLATE);
    assert_int_equal(o[10], MTRK_LINK_HTML); /* brackets of an IPv6 host are allowed */
    assert_int_equal(o[11], MTRK_LINK_HTML);
    assert_int_equal(o[12], MTRK_LINK_TEMPLATE_TRACKED);

    mtrk_rendered r;
    CONF_INIT(r, MTRK_RENDERED_VERSION);
    CONF_OK(mtrk_message_render(&r, fx->t, s.mids[0]));
    /* Every template href is rendered as written, for the host's engine. */
    assert_non_null(strstr(r.html, "href=\"https://news.example.com/unsubscribe/public/?Email=[[Email]]\""));
    assert_non_null(strstr(r.html, "href=\"https://e.example/{% url %}\""));
    assert_non_null(strstr(r.html, "href=\"https://e.example/<%= id %>\""));
    assert_null(strstr(r.html, "e.example/p?q=%41ok"));
    assert_null(strstr(r.html, "{{ contact.id }}"));
    char *click[16];
    CONF_OK(mtrk_track_url(&click[11], fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[11]));
    CONF_OK(mtrk_track_url(&click[12], fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[12]));
    assert_non_null(strstr(r.html, click[11]));
    assert_non_null(strstr(r.html, click[12]));
    mtrk_rendered_clear(&r);

    /* The opted-in template redirects to its URL as catalogued, for the host
     * to fill in for res.rid. */
    mtrk_track_result res;
    char *p = strdup(click[12] + strlen("https://trk.example.com"));
    CONF_OK(resolve_get(&res, fx->t, p, LATER));
    assert_int_equal(res.action, MTRK_ACTION_REDIRECT);
    assert_string_equal(res.redirect_url, "https://e.example/profile/{{ contact.id }}");
    CONF_ID_EQ(res.rid, s.contacts[0]);
    free(p);
    mtrk_free(click[11]);
    mtrk_free(click[12]);
}

/* Parameters added to a tracking URL when it is shared (?fbclid=...,
 * utm_*) are ignored: the click still resolves, and no parameter can change
 * the target, the link, the message or the event recorded. */
static void test_extra_query_ignored(void **state)
{
    conf_fixture *fx = *state;
    trk s;
    trk_build(&s, fx->t, "eq", 2);
    mtrk_id nil = { { 0 } };
    char *click = url_path(fx->t, MTRK_URL_CLICK, s.mids[0], s.lids[0]);
    char *other = url_path(fx->t, MTRK_URL_CLICK, s.mids[1], s.lids[1]);
    char mid1[MTRK_ID_STRLEN + 1], lid1[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(mid1, s.mids[1]);
    mtrk_id_to_string(lid1, s.lids[1]);
    const char *queries[] = {
        "?fbclid=IwAR0abc",
        "?utm_source=facebook&utm_medium=social&utm_campaign=x",
        "?url=https://evil.example/&redirect=https://evil.example/&to=https://evil.example/",
        NULL, /* mid and lid of another message and link */
        NULL, /* another token */
        "#fragment",
        "?",
    };
    char q3[256], q4[512];
    snprintf(q3, sizeof q3, "?mid=%s&lid=%s&type=open&kind=u", mid1, lid1);
    snprintf(q4, sizeof q4, "?token=%s&path=%s", strrchr(other, '/') + 1, other);
    queries[3] = q3;
    queries[4] = q4;
    mtrk_link *l;
    CONF_OK(mtrk_link_get(&l, fx->t, s.lids[0]));
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s%s", click, queries[i]);
        mtrk_track_result res;
        CONF_OK(resolve_get(&res, fx->t, path, LATER + (mtrk_time)i * CONF_MIN));
        assert_int_equal(res.action, MTRK_ACTION_REDIRECT);
        assert_string_equal(res.redirect_url, mtrk_link_url(l));
        CONF_ID_EQ(res.lid, s.lids[0]);
        CONF_ID_EQ(res.mid, s.mids[0]);
        assert_int_equal(res.recorded, 1);
        mtrk_event_info e;
        last_event(&e, fx->t, s.mids[0]);
        assert_int_equal(e.type, MTRK_EV_CLICK);
        CONF_ID_EQ(e.lid, s.lids[0]);
        CONF_ID_EQ(e.id, res.event_id);
        char key[MTRK_MAX_TENANT_KEY + 1];
        CONF_OK(mtrk_track_path_tenant(key, sizeof key, path));
        assert_string_equal(key, "t1");
    }
    mtrk_link_free(l);
    /* The other kinds too: the pixel, and a one-click POST. */
    char *open = url_path(fx->t, MTRK_URL_OPEN, s.mids[0], nil);
    char path[1024];
    snprintf(path, sizeof path, "%s?utm_source=x", open);
    mtrk_track_result res;
    CONF_OK(resolve_get(&res, fx->t, path, LATER));
    assert_int_equal(res.action, MTRK_ACTION_PIXEL);
    CONF_ID_EQ(res.mid, s.mids[0]);
    char *unsub = url_path(fx->t, MTRK_URL_UNSUBSCRIBE, s.mids[0], nil);
    snprintf(path, sizeof path, "%s?mid=%s", unsub, mid1);
    CONF_OK(resolve_full(&res, fx->t, "POST", path, "List-Unsubscribe=One-Click", NULL, NULL, LATER, NULL));
    assert_int_equal(res.action, MTRK_ACTION_UNSUBSCRIBED);
    CONF_ID_EQ(res.mid, s.mids[0]);
    CONF_ID_EQ(res.rid, s.contacts[0]);
    free(open);
    free(unsub);
    free(click);
    free(other);
}

/* The pixel goes before the </body> the source shows, also when the HTML5
 * parser ignores it (inside an unclosed table), not after </html>; a
 * "</body>" in a comment or a script is not it. */
static void test_pixel_before_body(void **state)
{
    conf_fixture *fx = *state;
    static const struct {
        const char *html, *before, *after;
    } cases[] = {
        { "<html><body><table><tr><td>x</td></tr></body></html>", "</td></tr>", "</body></html>" },
        { "<html><body><p>x</p><!-- </body> --><script>var s='</body>';</script></body>\n</html>\n",
          "</script>", "</body>\n</html>\n" },
        { "<p>no body tag</p>", "no body tag</p>", "" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        trk s;
        char prefix[16];
        snprintf(prefix, sizeof prefix, "px%zu", i);
        trk_build_with(&s, fx->t, prefix, 1, cases[i].html, NULL);
        mtrk_rendered r;
        CONF_INIT(r, MTRK_RENDERED_VERSION);
        CONF_OK(mtrk_message_render(&r, fx->t, s.mids[0]));
        char *pix = strstr(r.html, "<img src=\"https://trk.example.com/t/o/");
        assert_non_null(pix);
        char *end = strchr(pix, '>');
        assert_non_null(end);
        assert_string_equal(end + 1, cases[i].after);
        size_t bn = strlen(cases[i].before);
        assert_true((size_t)(pix - r.html) >= bn);
        assert_memory_equal(pix - bn, cases[i].before, bn);
        mtrk_rendered_clear(&r);
    }
}

/* A link added at a position a catalogued link holds goes after the last:
 * positions never collide. The landing page's URL is readable. */
static void test_link_positions_and_landing_url(void **state)
{
    conf_fixture *fx = *state;
    mtrk_campaign_spec spec;
    conf_spec(&spec);
    spec.name = "positions";
    spec.html = "<a href=\"https://a.example/0\">A</a><a href=\"https://a.example/1\">B</a>";
    mtrk_id cam, l1, l2, l3;
    CONF_OK(mtrk_campaign_create(&cam, fx->t, &spec));
    CONF_OK(mtrk_link_add(&l1, fx->t, cam, "https://a.example/m", "M", 0));
    CONF_OK(mtrk_link_add(&l2, fx->t, cam, "https://a.example/n", "N", 10));
    CONF_OK(mtrk_link_add(&l3, fx->t, cam, "https://a.example/o", "O", 10));
    uint32_t want[][2] = { { 0, 0 }, { 2, 0 }, { 10, 0 }, { 11, 0 } };
    mtrk_id ids[3] = { l1, l2, l3 };
    for (int i = 0; i < 3; i++) {
        mtrk_link *l;
        CONF_OK(mtrk_link_get(&l, fx->t, ids[i]));
        assert_int_equal(mtrk_link_position(l), want[i + 1][0]);
        mtrk_link_free(l);
    }
    char *url = NULL;
    mtrk_id lp, got;
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_landing_page_url(&url, &got, fx->t, cam));
    assert_null(url);
    CONF_OK(mtrk_landing_page_create(&lp, fx->t, cam, "LP", "https://a.example/lp"));
    CONF_OK(mtrk_landing_page_url(&url, &got, fx->t, cam));
    assert_string_equal(url, "https://a.example/lp");
    CONF_ID_EQ(got, lp);
    mtrk_free(url);
    CONF_EXPECT(MTRK_ENOTFOUND, mtrk_landing_page_url(&url, NULL, fx->t, conf_unknown_id()));
}

/* A body nested past the bound is refused, naming the field and the place;
 * nothing is written, and an edit to such a body is refused the same way. */
static void test_nesting_refused(void **state)
{
    conf_fixture *fx = *state;
    size_t n = 600 * 5 + 64;
    char *deep = malloc(n);
    strcpy(deep, "<body>\n");
    for (int i = 0; i < 600; i++)
        strcat(deep, "<div>");
    mtrk_campaign_spec spec;
    conf_spec(&spec);
    spec.name = "deep";
    spec.html = deep;
    mtrk_id cam;
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_campaign_create(&cam, fx->t, &spec));
    CONF_ERRMSG_HAS("spec->html nests elements deeper than 512 levels at line 2");
    mtrk_campaign_iter *it;
    const mtrk_campaign *c;
    CONF_OK(mtrk_campaign_iter_new(&it, fx->t));
    while (mtrk_campaign_iter_next(&c, it) == MTRK_OK)
        assert_string_not_equal(mtrk_campaign_name(c), "deep");
    mtrk_campaign_iter_free(it);
    spec.html = "<p>fine</p>";
    CONF_OK(mtrk_campaign_create(&cam, fx->t, &spec));
    spec.html = deep;
    CONF_EXPECT(MTRK_ETOOLONG, mtrk_campaign_edit(fx->t, cam, &spec));
    mtrk_campaign *got;
    CONF_OK(mtrk_campaign_get(&got, fx->t, cam));
    assert_string_equal(mtrk_campaign_html(got), "<p>fine</p>");
    mtrk_campaign_free(got);
    free(deep);
}

static const struct CMUnitTest tests[] = {
    CONF_TEST(test_catalogue_from_html),
    CONF_TEST(test_recatalogue_keeps_lids),
    CONF_TEST(test_render),
    CONF_TEST(test_render_needs_base_and_landing),
    CONF_TEST(test_round_trips),
    CONF_TEST(test_link_confirmation_post),
    CONF_TEST(test_mailto_unsubscribe),
    CONF_TEST(test_every_byte_change_refused),
    CONF_TEST(test_open_redirect_and_splicing),
    CONF_TEST(test_other_tenant_refused),
    CONF_TEST(test_key_rotation),
    CONF_TEST(test_withheld),
    CONF_TEST(test_request_metadata_capped),
    CONF_TEST(test_machine_rules),
    CONF_TEST(test_burst_counts_clicks_behind_the_fold_mark),
    CONF_TEST(test_recorded_events_are_judged_by_the_machine_rules),
    CONF_TEST(test_simulated_people_never_click_a_honeypot),
    CONF_TEST(test_resolve_batch_judges_each_hit),
    CONF_TEST(test_resolve_batch_judges_each_key),
    CONF_TEST(test_resolve_batch_equals_one_by_one),
    CONF_TEST(test_metrics_split),
    CONF_TEST(test_bad_input),
    CONF_TEST(test_merge_tags),
    CONF_TEST(test_extra_query_ignored),
    CONF_TEST(test_pixel_before_body),
    CONF_TEST(test_link_positions_and_landing_url),
    CONF_TEST(test_nesting_refused),
};
CONF_GROUP(conf_group_tracking, "tracking", tests);
