/*
 * Tracking: the link catalogue from HTML, tracking URLs, rendering a message
 * for its recipient, and resolving the hits an endpoint receives. Decisions
 * and URL layout: docs/tracking.md.
 */
#include "campaign_area.h"
#include "tracking_int.h"
#include "decide.h"
#include "event_int.h"

#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_names[] = { NULL, "open", "click", "unsubscribe", "landing" };
static const char kind_letters[] = { 0, 'o', 'c', 'u', 'l' };
/* The subject of the List-Unsubscribe mailto: this, then {tenant}/{token}
 * (render_headers writes it, mtrk_track_mail_unsubscribe reads it). */
#define MAIL_UNSUB_PREFIX "unsubscribe:"
/* A tracking path (and a mail subject made into one) is shorter than this. */
#define TRACK_PATH_MAX 8192

MTRK_API const char *mtrk_url_kind_name(mtrk_url_kind kind)
{
    return (int)kind >= MTRK_URL_OPEN && (int)kind <= MTRK_URL_LANDING ? kind_names[kind] : NULL;
}

MTRK_API mtrk_link_origin mtrk_link_origin_of(const mtrk_link *l)
{
    return l ? (mtrk_link_origin)l->row.origin : MTRK_LINK_MANUAL;
}

static void idtext(char s[MTRK_ID_STRLEN + 1], mtrk_id id) { mtrk_id_to_string(s, id); }

/* ---- the catalogue ----------------------------------------------------------- */

typedef struct link_vec {
    row_links *v;
    size_t n, cap;
} link_vec;

static int link_vec_cb(void *ud, void *row)
{
    link_vec *l = ud;
    if (l->n == l->cap) {
        row_links *v = grow_array(l->v, &l->cap, sizeof *v, 16);
        if (v == NULL)
            return MTRK_ENOMEM;
        l->v = v;
    }
    int rc = rows_copy(T_LINKS, &l->v[l->n], row);
    if (rc == MTRK_OK)
        l->n++;
    return rc;
}

static void link_vec_free(link_vec *l)
{
    for (size_t i = 0; i < l->n; i++)
        rows_clear(T_LINKS, &l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* A campaign's links by position (then lid). */
static int links_read(mtrk_tenant *t, mtrk_id campaign, link_vec *out)
{
    memset(out, 0, sizeof *out);
    mtrk_value k[2] = { v_id(&t->id), v_id(&campaign) };
    int rc = st_scan(t, T_LINKS, IDX_LINKS_CAMPAIGN, k, 2, NULL, 0, 0, link_vec_cb, out);
    if (rc == MTRK_ENOMEM)
        rc = terr(t, rc, "out of memory reading links");
    if (rc)
        link_vec_free(out);
    return rc;
}

static bool str_eq(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

static bool from_html(int64_t origin)
{
    return origin == MTRK_LINK_HTML || origin == MTRK_LINK_HONEYPOT || origin == MTRK_LINK_TEMPLATE ||
           origin == MTRK_LINK_TEMPLATE_TRACKED;
}

/* Whether a link's href is replaced by a click URL when rendering. */
static bool trackable(int64_t origin) { return origin != MTRK_LINK_TEMPLATE; }

/* The origin a catalogued HTML link gets. */
static int64_t html_origin(const html_link *h)
{
    if (h->templ)
        return h->tracked ? MTRK_LINK_TEMPLATE_TRACKED : MTRK_LINK_TEMPLATE;
    return h->honeypot ? MTRK_LINK_HONEYPOT : MTRK_LINK_HTML;
}

/* Occurrence numbers: for each URL, how many earlier entries have the same
 * URL (NULL URLs are not counted). Sorting, not pairwise comparison: a body
 * may hold a hundred thousand links. */
typedef struct occ_key {
    const char *url;
    size_t idx, occ;
} occ_key;

static int occ_cmp(const void *a, const void *b)
{
    const occ_key *x = a, *y = b;
    int c = strcmp(x->url, y->url);
    if (c)
        return c;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int occ_find_cmp(const void *a, const void *b)
{
    const occ_key *x = a, *y = b;
    int c = strcmp(x->url, y->url);
    if (c)
        return c;
    return x->occ < y->occ ? -1 : x->occ > y->occ;
}

/* keys[0..*nk) sorted by (url, occ) afterwards; occ[i] per entry. */
static void occurrences(occ_key *keys, size_t *nk, const char *const *urls, size_t n, size_t *occ)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (urls[i])
            keys[k++] = (occ_key){ urls[i], i, 0 };
    qsort(keys, k, sizeof *keys, occ_cmp);
    for (size_t i = 0; i < k; i++) {
        keys[i].occ = i > 0 && strcmp(keys[i - 1].url, keys[i].url) == 0 ? keys[i - 1].occ + 1 : 0;
        if (occ)
            occ[keys[i].idx] = keys[i].occ;
    }
    *nk = k;
}

static int has_messages(mtrk_tenant *t, mtrk_id campaign, bool *out)
{
    row_messages m;
    mtrk_value k[2] = { v_id(&t->id), v_id(&campaign) };
    int rc = st_find(t, T_MESSAGES, IDX_MESSAGES_CAMPAIGN, k, 2, &m);
    *out = rc == MTRK_OK;
    if (rc == MTRK_OK)
        rows_clear(T_MESSAGES, &m);
    return rc == MTRK_ENOTFOUND ? MTRK_OK : rc;
}

/* Updates a stored link's position/origin when they changed. */
static int link_move(mtrk_tenant *t, row_links *l, int64_t position, int64_t origin)
{
    if (l->position == position && l->origin == origin)
        return MTRK_OK;
    l->position = position;
    l->origin = origin;
    return st_update(t, T_LINKS, l);
}

int core_links_catalogue(mtrk_tenant *t, mtrk_id campaign, const char *html)
{
    /* Parsed through the handle's cache: the first render of this content
     * finds it parsed. */
    static const html_doc none;
    const html_doc *docp = &none;
    const html_tmpl *m = NULL;
    int rc = MTRK_OK;
    if (html && *html && (rc = tmpl_get(t, campaign, html, strlen(html), "spec->html", &m)))
        return rc;
    if (m)
        docp = &m->doc;
    const html_doc doc = *docp;
    link_vec old;
    bool msgs = false;
    if ((rc = links_read(t, campaign, &old)))
        return rc;
    rc = has_messages(t, campaign, &msgs);
    bool *used = calloc(old.n + 1, sizeof *used);
    const char **urls = calloc(doc.n + old.n + 1, sizeof *urls);
    size_t *occ = calloc(doc.n + 1, sizeof *occ);
    occ_key *keys = calloc(doc.n + old.n + 1, sizeof *keys), *okeys = NULL;
    size_t nk = 0, nok = 0;
    if (rc == MTRK_OK && (used == NULL || urls == NULL || occ == NULL || keys == NULL))
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc == MTRK_OK) {
        /* The new links' occurrences, then the old HTML links' keys. */
        for (size_t i = 0; i < doc.n; i++)
            urls[i] = doc.links[i].url;
        occurrences(keys, &nk, urls, doc.n, occ);
        for (size_t k = 0; k < old.n; k++)
            urls[k] = from_html(old.v[k].origin) ? old.v[k].url : NULL;
        okeys = keys + nk;
        occurrences(okeys, &nok, urls, old.n, NULL);
        qsort(okeys, nok, sizeof *okeys, occ_find_cmp);
    }
    /* Keep the lid of each link whose (URL, label, occurrence among equal
     * URLs) is unchanged; catalogue the others anew. */
    mtrk_time now = core_now(t->db);
    for (size_t i = 0; rc == MTRK_OK && i < doc.n; i++) {
        const html_link *h = &doc.links[i];
        int64_t origin = html_origin(h);
        occ_key want = { h->url, 0, occ[i] };
        const occ_key *hit = nok ? bsearch(&want, okeys, nok, sizeof *okeys, occ_find_cmp) : NULL;
        size_t k = hit ? hit->idx : old.n;
        if (k < old.n && (used[k] || !str_eq(old.v[k].label, h->label)))
            k = old.n;
        if (k < old.n) {
            used[k] = true;
            rc = link_move(t, &old.v[k], (int64_t)i, origin);
            continue;
        }
        row_links l = { 0 };
        l.tenant = t->id;
        l.id = core_id_new(t->db);
        l.campaign = campaign;
        l.url = h->url;
        l.label = h->label;
        l.position = (int64_t)i;
        l.created_at = now;
        l.origin = origin;
        rc = st_insert(t, T_LINKS, &l);
    }
    /* Links gone from the HTML are deleted while no message can carry them;
     * once messages exist they stay (their URLs are out there). Manual links
     * and kept ones follow the catalogued links, in their old order. */
    int64_t next = (int64_t)doc.n;
    for (size_t k = 0; rc == MTRK_OK && k < old.n; k++) {
        if (used[k])
            continue;
        if (from_html(old.v[k].origin) && !msgs)
            rc = st_delete(t, T_LINKS, &old.v[k]);
        else
            rc = link_move(t, &old.v[k], next++, old.v[k].origin);
    }
    free(keys);
    free(occ);
    free(urls);
    free(used);
    link_vec_free(&old);
    return rc;
}

/* ---- URLs -------------------------------------------------------------------- */

/* Loads the tenant row again (settings may have changed through another handle). */
static int tenant_row(mtrk_tenant *t, row_tenants *r)
{
    memset(r, 0, sizeof *r);
    r->id = t->id;
    int rc = st_get(t, T_TENANTS, r);
    if (rc == MTRK_ENOTFOUND)
        return terr(t, MTRK_ENOTFOUND, "tenant \"%s\" no longer exists", t->key);
    return rc;
}

static int base_url(mtrk_tenant *t, const row_tenants *tr, strbuf *b)
{
    const char *base = tr->tracking_base_url;
    if (base == NULL || *base == '\0')
        return terr(t, MTRK_ESTATE, "tenant \"%s\" has no tracking_base_url (mtrk_tenant_settings_set)", t->key);
    size_t n = strlen(base);
    while (n > 0 && base[n - 1] == '/')
        n--;
    sb_addn(b, base, n);
    return MTRK_OK;
}

/* Appends the URL of kind for (mid, id2) to b (base already checked). */
static int url_append(mtrk_tenant *t, const row_tenants *tr, const signer *sg, strbuf *b, int kind, mtrk_id mid,
                      mtrk_id id2)
{
    char tok[TOKEN_MAX];
    int rc = MTRK_OK;
    if (sg)
        signer_token(sg, kind, mid, id2, tok);
    else if ((rc = sign_token(t, kind, mid, id2, tok)))
        return rc;
    if ((rc = base_url(t, tr, b)))
        return rc;
    sb_printf(b, "/%c/%s/%s%s", kind_letters[kind], t->key, tok, kind == MTRK_URL_OPEN ? ".gif" : "");
    return MTRK_OK;
}

/* A heap copy of the URL (or NULL with rc set); signed by sg, or (NULL)
 * with the current key read for this URL alone. */
static char *url_make(mtrk_tenant *t, const row_tenants *tr, const signer *sg, int kind, mtrk_id mid, mtrk_id id2,
                      int *rc)
{
    strbuf b = { 0 };
    *rc = url_append(t, tr, sg, &b, kind, mid, id2);
    if (*rc == MTRK_OK && b.oom)
        *rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (*rc) {
        sb_free(&b);
        return NULL;
    }
    return b.p;
}

static int message_load(mtrk_tenant *t, mtrk_id mid, row_messages *m)
{
    memset(m, 0, sizeof *m);
    m->tenant = t->id;
    m->id = mid;
    int rc = core_message_get(t, m);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        idtext(s, mid);
        return terr(t, MTRK_ENOTFOUND, "message %s not found", s);
    }
    return rc;
}

static int landing_find(mtrk_tenant *t, mtrk_id campaign, row_landing_pages *lp, bool *found)
{
    mtrk_value k[2] = { v_id(&t->id), v_id(&campaign) };
    int rc = st_find(t, T_LANDING_PAGES, IDX_LANDING_PAGES_CAMPAIGN, k, 2, lp);
    *found = rc == MTRK_OK;
    return rc == MTRK_ENOTFOUND ? MTRK_OK : rc;
}

MTRK_API int mtrk_landing_page_url(char **out_url, mtrk_id *out_id, mtrk_tenant *t, mtrk_id campaign)
{
    if (out_url == NULL)
        return gerr(MTRK_EINVAL, "out_url is NULL");
    *out_url = NULL;
    if (out_id)
        *out_id = nil_id;
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_landing_pages lp;
    bool found = false;
    rc = landing_find(t, campaign, &lp, &found);
    if (rc == MTRK_OK && !found) {
        char s[MTRK_ID_STRLEN + 1];
        idtext(s, campaign);
        rc = terr(t, MTRK_ENOTFOUND, "campaign %s has no landing page", s);
    }
    if (found) {
        if (rc == MTRK_OK && (*out_url = xstrdup(lp.url ? lp.url : "")) == NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        if (rc == MTRK_OK && out_id)
            *out_id = lp.id;
        rows_clear(T_LANDING_PAGES, &lp);
    }
    rc = tx_end(t, rc);
    if (rc) {
        free(*out_url);
        *out_url = NULL;
        if (out_id)
            *out_id = nil_id;
    }
    return rc;
}

MTRK_API int mtrk_track_url(char **out, mtrk_tenant *t, mtrk_url_kind kind, mtrk_id mid, mtrk_id lid)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    if (mtrk_url_kind_name(kind) == NULL)
        return terr(t, MTRK_EINVAL, "kind %d is not a URL kind", (int)kind);
    if (id_is_nil(mid))
        return terr(t, MTRK_EINVAL, "mid is nil");
    if (kind == MTRK_URL_CLICK && id_is_nil(lid))
        return terr(t, MTRK_EINVAL, "lid is nil: a click URL names a link");
    if (kind != MTRK_URL_CLICK && !id_is_nil(lid))
        return terr(t, MTRK_EINVAL, "lid is set for a %s URL (clicks only)", kind_names[kind]);
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_tenants tr;
    row_messages m = { 0 };
    mtrk_id id2 = nil_id;
    if ((rc = tenant_row(t, &tr)))
        return tx_end(t, rc);
    rc = message_load(t, mid, &m);
    if (rc == MTRK_OK && kind == MTRK_URL_CLICK) {
        row_links l = { 0 };
        l.tenant = t->id;
        l.id = lid;
        rc = st_get(t, T_LINKS, &l);
        if (rc == MTRK_OK && !id_eq(l.campaign, m.campaign))
            rc = MTRK_ENOTFOUND;
        if (rc == MTRK_ENOTFOUND) {
            char s[MTRK_ID_STRLEN + 1];
            idtext(s, lid);
            rc = terr(t, MTRK_ENOTFOUND, "link %s is not a link of the message's campaign", s);
        }
        rows_clear(T_LINKS, &l);
        id2 = lid;
    } else if (rc == MTRK_OK && kind == MTRK_URL_LANDING) {
        row_landing_pages lp;
        bool found;
        rc = landing_find(t, m.campaign, &lp, &found);
        if (rc == MTRK_OK && !found)
            rc = terr(t, MTRK_ESTATE, "the message's campaign has no landing page");
        if (found)
            rows_clear(T_LANDING_PAGES, &lp);
        id2 = m.contact;
    }
    if (rc == MTRK_OK)
        *out = url_make(t, &tr, NULL, kind, mid, id2, &rc);
    rows_clear(T_MESSAGES, &m);
    rows_clear(T_TENANTS, &tr);
    rc = tx_end(t, rc);
    if (rc) {
        free(*out);
        *out = NULL;
    }
    return rc;
}

/* ---- paths ------------------------------------------------------------------- */

typedef struct track_path {
    int kind;
    const char *key;
    size_t keyn;
    const char *token;
    size_t tokn;
} track_path;

/* The last three segments of the path: {kind}/{tenant}/{token}[.gif]. A
 * query or fragment after them (?fbclid=..., utm_* added when a link is
 * shared) is ignored: nothing is ever read from it. */
static bool path_parse(const char *path, track_path *p)
{
    if (path == NULL)
        return false;
    size_t n = strcspn(path, "?#");
    const char *seg[3];
    size_t segn[3];
    const char *end = path + n;
    for (int i = 2; i >= 0; i--) {
        const char *s = end;
        while (s > path && s[-1] != '/')
            s--;
        if (s == path)
            return false; /* every segment is preceded by a slash */
        seg[i] = s;
        segn[i] = (size_t)(end - s);
        end = s - 1;
    }
    if (segn[0] != 1)
        return false;
    p->kind = 0;
    for (int k = MTRK_URL_OPEN; k <= MTRK_URL_LANDING; k++) {
        if (seg[0][0] == kind_letters[k])
            p->kind = k;
    }
    if (p->kind == 0 || segn[1] == 0 || segn[1] > MTRK_MAX_TENANT_KEY || segn[2] == 0)
        return false;
    for (size_t i = 0; i < segn[1]; i++) {
        char c = seg[1][i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-'))
            return false;
    }
    p->key = seg[1];
    p->keyn = segn[1];
    p->token = seg[2];
    p->tokn = segn[2];
    if (p->kind == MTRK_URL_OPEN) {
        if (p->tokn <= 4 || memcmp(p->token + p->tokn - 4, ".gif", 4) != 0)
            return false;
        p->tokn -= 4;
    }
    return true;
}

MTRK_API int mtrk_track_path_tenant(char *out, size_t outsize, const char *path)
{
    if (out == NULL || outsize == 0)
        return gerr(MTRK_EINVAL, out ? "outsize is 0" : "out is NULL");
    out[0] = '\0';
    if (path == NULL)
        return gerr(MTRK_EINVAL, "path is NULL");
    track_path p;
    if (strnlen(path, TRACK_PATH_MAX) >= TRACK_PATH_MAX || !path_parse(path, &p))
        return gerr(MTRK_ESIGNATURE, "path is not a tracking URL (/{o|c|u|l}/{tenant}/{token})");
    if (p.keyn >= outsize)
        return gerr(MTRK_EINVAL, "outsize %zu is too small for the %zu-octet tenant key (MTRK_MAX_TENANT_KEY + 1 "
                    "always fits)", outsize, p.keyn);
    memcpy(out, p.key, p.keyn);
    out[p.keyn] = '\0';
    return MTRK_OK;
}

/* A 1x1 transparent GIF (GIF89a, one transparent pixel). */
static const unsigned char pixel_gif[] = {
    0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
};

MTRK_API const unsigned char *mtrk_track_pixel(size_t *out_len)
{
    if (out_len)
        *out_len = sizeof pixel_gif;
    return pixel_gif;
}

/* ---- rendering ----------------------------------------------------------------- */

typedef struct subst {
    const char *unsub;
    const char *landing; /* NULL: no landing page */
    bool html;           /* escape for HTML */
} subst;

static void subst_seg(strbuf *b, const char *s, size_t n, void *ud)
{
    const subst *x = ud;
    size_t i = 0, from = 0;
    while (i < n) {
        const char *val = NULL;
        size_t pl = 0;
        if (s[i] == '{' && n - i >= sizeof PH_UNSUB - 1 && memcmp(s + i, PH_UNSUB, sizeof PH_UNSUB - 1) == 0) {
            val = x->unsub;
            pl = sizeof PH_UNSUB - 1;
        } else if (s[i] == '{' && x->landing && n - i >= sizeof PH_LANDING - 1 &&
                   memcmp(s + i, PH_LANDING, sizeof PH_LANDING - 1) == 0) {
            val = x->landing;
            pl = sizeof PH_LANDING - 1;
        }
        if (val == NULL) {
            i++;
            continue;
        }
        sb_addn(b, s + from, i - from);
        if (x->html)
            html_escape(b, val);
        else
            sb_add(b, val);
        i += pl;
        from = i;
    }
    sb_addn(b, s + from, n - from);
}

typedef struct render_ctx {
    mtrk_tenant *t;
    row_tenants tr;
    row_messages m;
    row_campaigns c;
    link_vec links;
    char **click;       /* click URL per link (links order) */
    char *open, *unsub, *landing;
    const html_tmpl *tmpl; /* the parsed HTML (the handle's cache), or NULL */
    signer sg;
} render_ctx;

static void render_ctx_free(render_ctx *r)
{
    for (size_t i = 0; r->click && i < r->links.n; i++)
        free(r->click[i]);
    free(r->click);
    free(r->open);
    free(r->unsub);
    free(r->landing);
    signer_close(&r->sg);
    link_vec_free(&r->links);
    rows_clear(T_CAMPAIGNS, &r->c);
    rows_clear(T_MESSAGES, &r->m);
    rows_clear(T_TENANTS, &r->tr);
}

/* Reads everything and signs every URL the message needs. */
static int render_prepare(render_ctx *r, mtrk_id mid)
{
    mtrk_tenant *t = r->t;
    int rc;
    if ((rc = tenant_row(t, &r->tr)) || (rc = message_load(t, mid, &r->m)) || (rc = cam_load(t, r->m.campaign, &r->c)) ||
        (rc = links_read(t, r->m.campaign, &r->links)))
        return rc;
    row_landing_pages lp;
    bool has_lp;
    if ((rc = landing_find(t, r->c.id, &lp, &has_lp)))
        return rc;
    if (has_lp)
        rows_clear(T_LANDING_PAGES, &lp);
    if (r->c.html && *r->c.html &&
        (rc = tmpl_get(t, r->c.id, r->c.html, strlen(r->c.html), "the campaign's html", &r->tmpl)))
        return rc;
    bool wants_lp = (r->tmpl && r->tmpl->uses_landing) || (r->c.text && strstr(r->c.text, PH_LANDING));
    if (wants_lp && !has_lp)
        return terr(t, MTRK_ESTATE, "the content uses " PH_LANDING " but the campaign has no landing page");
    if ((rc = signer_open(&r->sg, t)))
        return rc;
    r->open = url_make(t, &r->tr, &r->sg, MTRK_URL_OPEN, mid, nil_id, &rc);
    if (rc == MTRK_OK)
        r->unsub = url_make(t, &r->tr, &r->sg, MTRK_URL_UNSUBSCRIBE, mid, nil_id, &rc);
    if (rc == MTRK_OK && has_lp)
        r->landing = url_make(t, &r->tr, &r->sg, MTRK_URL_LANDING, mid, r->m.contact, &rc);
    if (rc == MTRK_OK && (r->click = calloc(r->links.n + 1, sizeof *r->click)) == NULL)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    for (size_t i = 0; rc == MTRK_OK && i < r->links.n; i++)
        r->click[i] = url_make(t, &r->tr, &r->sg, MTRK_URL_CLICK, mid, r->links.v[i].id, &rc);
    return rc;
}

/* The catalogued link for the i-th tracked href of the HTML: the HTML link at
 * that position when its URL agrees, else the first unused HTML link with the
 * same URL. -1 if none (the href is left as it is). */
static long link_for(const render_ctx *r, const html_link *h, size_t i, const bool *used)
{
    if (!h->tracked)
        return -1; /* merge tags: rendered as written */
    for (size_t k = 0; k < r->links.n; k++) {
        const row_links *l = &r->links.v[k];
        if (from_html(l->origin) && trackable(l->origin) && l->position == (int64_t)i && strcmp(l->url, h->url) == 0 &&
            !used[k])
            return (long)k;
    }
    for (size_t k = 0; k < r->links.n; k++) {
        const row_links *l = &r->links.v[k];
        if (from_html(l->origin) && trackable(l->origin) && !used[k] && strcmp(l->url, h->url) == 0)
            return (long)k;
    }
    return -1;
}

/* Copies the parsed template with every slot filled: the message's click
 * URLs, the pixel, the placeholders. No parsing here. */
static int render_html(render_ctx *r, char **out, size_t *out_len)
{
    const html_tmpl *m = r->tmpl;
    const html_doc *doc = &m->doc;
    const char **repl = calloc(doc->n + 1, sizeof *repl);
    bool *used = calloc(r->links.n + 1, sizeof *used);
    strbuf b = { 0 };
    int rc = MTRK_OK;
    if (repl == NULL || used == NULL) {
        rc = terr(r->t, MTRK_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < doc->n; i++) {
        long k = link_for(r, &doc->links[i], i, used);
        if (k >= 0) {
            used[k] = true;
            repl[i] = r->click[k];
        }
    }
    /* One allocation for the usual message: the source, and per slot room
     * for a URL (escaping may still grow it). */
    size_t want = m->len + m->nslots * (strlen(r->open) + 64) + 256;
    if ((b.p = malloc(want)) != NULL)
        b.cap = want;
    size_t pos = 0;
    for (size_t i = 0; i < m->nslots; i++) {
        const tmpl_slot *s = &m->slots[i];
        sb_addn(&b, m->src + pos, s->off - pos);
        pos = s->off + s->len;
        switch (s->kind) {
        case SLOT_PIXEL:
            sb_add(&b, "<img src=\"");
            html_escape(&b, r->open);
            sb_add(&b, "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px\">");
            break;
        case SLOT_LINK:
            if (repl[s->link])
                html_attr_encode(&b, repl[s->link], doc->links[s->link].quote);
            else
                sb_addn(&b, m->src + s->off, s->len);
            break;
        case SLOT_UNSUB: html_escape(&b, r->unsub); break;
        default:
            if (r->landing)
                html_escape(&b, r->landing);
            else
                sb_addn(&b, m->src + s->off, s->len);
        }
    }
    sb_addn(&b, m->src + pos, m->len - pos);
    if (b.oom) {
        rc = terr(r->t, MTRK_ENOMEM, "out of memory");
        sb_free(&b);
    } else {
        *out = b.p;
        *out_len = b.n;
    }
done:
    free(used);
    free(repl);
    return rc;
}

static bool url_char(char c)
{
    return (unsigned char)c > 0x20 && c != 0x7f && c != '<' && c != '>' && c != '"' && c != '\'';
}

/* The text part: every http(s) URL equal to a catalogued link's URL becomes
 * that link's click URL (the first such link by position). */
static int render_text(render_ctx *r, char **out, size_t *out_len)
{
    const char *s = r->c.text;
    size_t n = strlen(s), from = 0, i = 0;
    strbuf b = { 0 };
    subst x = { r->unsub, r->landing, false };
    while (i < n) {
        bool at_url = (n - i >= 7 && strncasecmp(s + i, "http://", 7) == 0) ||
                      (n - i >= 8 && strncasecmp(s + i, "https://", 8) == 0);
        if (!at_url) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < n && url_char(s[e]))
            e++;
        while (e > i && strchr(".,;:!?)]", s[e - 1]))
            e--; /* sentence punctuation after a URL */
        long k = -1;
        for (size_t j = 0; j < r->links.n && k < 0; j++) {
            const char *u = r->links.v[j].url;
            if (trackable(r->links.v[j].origin) && strlen(u) == e - i && memcmp(u, s + i, e - i) == 0)
                k = (long)j;
        }
        if (k >= 0) {
            subst_seg(&b, s + from, i - from, &x);
            sb_add(&b, r->click[k]);
            from = e;
        }
        i = e > i ? e : i + 1;
    }
    subst_seg(&b, s + from, n - from, &x);
    sb_addn(&b, "", 0);
    if (b.oom) {
        sb_free(&b);
        return terr(r->t, MTRK_ENOMEM, "out of memory");
    }
    *out = b.p;
    *out_len = b.n;
    return MTRK_OK;
}

static int render_headers(render_ctx *r, mtrk_rendered *out)
{
    strbuf b = { 0 };
    sb_add(&b, "<");
    sb_add(&b, r->unsub);
    sb_add(&b, ">");
    const char *mailto = r->tr.list_unsubscribe_mailto;
    if (mailto && *mailto) {
        /* The token goes in the subject so a mailbox handler can resolve it. */
        const char *tok = strrchr(r->unsub, '/');
        sb_printf(&b, ", <mailto:%s?subject=" MAIL_UNSUB_PREFIX "%s%s>", mailto, r->t->key, tok ? tok : "");
    }
    out->list_unsubscribe = b.p;
    out->list_unsubscribe_post = xstrdup("List-Unsubscribe=One-Click");
    if (b.oom || out->list_unsubscribe_post == NULL)
        return terr(r->t, MTRK_ENOMEM, "out of memory");
    return MTRK_OK;
}

/* The size of a caller's mtrk_rendered of `version`: nothing past it is read or written. */
static size_t rendered_size(unsigned version)
{
    return version == 1 ? offsetof(mtrk_rendered, mid_header)
         : version == 2 ? offsetof(mtrk_rendered, return_path)
                        : sizeof(mtrk_rendered);
}

MTRK_API int mtrk_rendered_init(mtrk_rendered *r, unsigned int version)
{
    int rc = init_check(r, "rendered", "mtrk_rendered", version, MTRK_RENDERED_VERSION);
    if (rc)
        return rc;
    mtrk_rendered d = MTRK_RENDERED_INIT;
    d.version = version;
    memcpy(r, &d, rendered_size(version));
    return MTRK_OK;
}

MTRK_API void mtrk_rendered_clear(mtrk_rendered *r)
{
    if (r == NULL)
        return;
    free(r->html);
    free(r->text);
    free(r->list_unsubscribe);
    free(r->list_unsubscribe_post);
    r->html = r->text = r->list_unsubscribe = r->list_unsubscribe_post = NULL;
    r->html_len = r->text_len = 0;
    if (r->version >= 2) {
        free(r->mid_header);
        r->mid_header = NULL;
    }
    if (r->version >= 3) {
        free(r->return_path);
        free(r->provider_json);
        free(r->provider_header);
        r->return_path = r->provider_json = r->provider_header = NULL;
    }
}

MTRK_API int mtrk_message_render(mtrk_rendered *out, mtrk_tenant *t, mtrk_id mid)
{
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_RENDERED_VERSION);
    if (rc)
        return rc;
    if (out->html || out->text || out->list_unsubscribe || out->list_unsubscribe_post ||
        (out->version >= 2 && out->mid_header) ||
        (out->version >= 3 && (out->return_path || out->provider_json || out->provider_header)))
        return terr(t, MTRK_EINVAL, "out holds strings: mtrk_rendered_clear it first");
    if (id_is_nil(mid))
        return terr(t, MTRK_EINVAL, "mid is nil");
    if ((rc = tx_begin(t, false)))
        return rc;
    render_ctx r;
    memset(&r, 0, sizeof r);
    r.t = t;
    rc = render_prepare(&r, mid);
    mtrk_rendered res = MTRK_RENDERED_INIT;
    if (rc == MTRK_OK && r.tmpl)
        rc = render_html(&r, &res.html, &res.html_len);
    if (rc == MTRK_OK && r.c.text && *r.c.text)
        rc = render_text(&r, &res.text, &res.text_len);
    if (rc == MTRK_OK)
        rc = render_headers(&r, &res);
    if (rc == MTRK_OK && out->version >= 2) {
        char m[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(m, mid);
        if ((res.mid_header = xstrdup(m)) == NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
    }
    render_ctx_free(&r);
    rc = tx_end(t, rc);
    if (rc) {
        mtrk_rendered_clear(&res);
        return rc;
    }
    res.version = out->version;
    memcpy(out, &res, rendered_size(out->version));
    return MTRK_OK;
}

/* ---- resolving --------------------------------------------------------------- */

MTRK_API int mtrk_track_request_init(mtrk_track_request *req, unsigned int version)
{
    int rc = init_check(req, "request", "mtrk_track_request", version, MTRK_TRACK_REQUEST_VERSION);
    if (rc)
        return rc;
    mtrk_track_request d = MTRK_TRACK_REQUEST_INIT;
    *req = d;
    req->version = version;
    return MTRK_OK;
}

MTRK_API int mtrk_resolve_options_init(mtrk_resolve_options *opts, unsigned int version)
{
    int rc = init_check(opts, "opts", "mtrk_resolve_options", version, MTRK_RESOLVE_OPTIONS_VERSION);
    if (rc)
        return rc;
    mtrk_resolve_options d = MTRK_RESOLVE_OPTIONS_INIT;
    *opts = d;
    opts->version = version;
    return MTRK_OK;
}

MTRK_API int mtrk_track_result_init(mtrk_track_result *res, unsigned int version)
{
    int rc = init_check(res, "result", "mtrk_track_result", version, MTRK_TRACK_RESULT_VERSION);
    if (rc)
        return rc;
    mtrk_track_result d = MTRK_TRACK_RESULT_INIT;
    *res = d;
    res->version = version;
    return MTRK_OK;
}

/* A request's user agent as stored (sanitize_user_agent, the one rule of
 * every path): NULL when none is left or memory ran out. */
static char *ua_clean(const char *ua)
{
    if (ua == NULL || *ua == '\0')
        return NULL;
    char *out = malloc(MTRK_MAX_USER_AGENT + 1);
    if (out != NULL && sanitize_user_agent(out, ua) == 0) {
        free(out);
        out = NULL;
    }
    return out;
}

typedef struct burst_scan {
    mtrk_time from, to;
    mtrk_id lids[64];
    uint32_t n;
} burst_scan;

typedef struct resolve_ctx {
    mtrk_tenant *t;
    const mtrk_track_request *req;
    const mtrk_resolve_options *opts;
    mtrk_track_result *res;
    int kind;
    mtrk_time at;
    row_messages m;
    row_campaigns c;
    row_contacts contact;
    mtrk_id id2;
    bool withheld;
    mtrk_source source; /* an unsubscribe's, when the caller knows it (a mail); else from req */
    struct track_group *g; /* an open's or a click's group: its reads, its queue */
} resolve_ctx;

/* ---- the batch's group (below) ---- */
struct track_group;
static int group_judge_reads(struct track_group *g, const resolve_ctx *x, const row_links *link, mtrk_time from,
                             mtrk_time to, uint32_t *burst, uint32_t *campaign_links);
static int group_queue(struct track_group *g, resolve_ctx *x, const mtrk_event_input *in, const row_links *link,
                       mtrk_machine_class cls, mtrk_machine_rule rule);
static int group_link(struct track_group *g, resolve_ctx *x, row_links *out);

/* Fills the classification input and runs the rules. */
static int judge(resolve_ctx *x, const row_links *link, const char *ip, mtrk_machine_class *cls,
                 mtrk_machine_rule *rule)
{
    /* The request's own rules and classifier, else the handle's
     * (mtrk_tenant_set_classifier), else the defaults. */
    const mtrk_classify_rules *rules = x->opts && x->opts->rules ? x->opts->rules
                                     : x->t->cls_rules             ? x->t->cls_rules
                                                                   : mtrk_classify_rules_default();
    bool own_fn = x->opts && x->opts->classifier;
    classify_ctx c;
    memset(&c, 0, sizeof c);
    c.in.version = MTRK_CLASSIFY_INPUT_VERSION;
    c.in.kind = (mtrk_url_kind)x->kind;
    c.in.mid = x->m.id;
    c.in.lid = link ? link->id : nil_id;
    c.in.user_agent = x->req->user_agent;
    c.in.ip = ip;
    c.in.at = x->at;
    c.in.delivered_at = x->m.delivered_at;
    c.in.sent_at = x->m.sent_at;
    if (link) {
        c.honeypot = link->origin == MTRK_LINK_HONEYPOT;
        int rc = group_judge_reads(x->g, x, link, x->at - rules->burst_window_ms, x->at + rules->burst_window_ms,
                                   &c.burst_links_seen, &c.campaign_links);
        if (rc)
            return rc;
    }
    classify(&c, rules, own_fn ? x->opts->classifier : x->t->cls_fn,
             own_fn ? x->opts->classifier_userdata : x->t->cls_ud, cls, rule);
    return MTRK_OK;
}

/* Records an open or a click with its verdict. */
static int record_hit(resolve_ctx *x, const row_links *link)
{
    char ip[MTRK_MAX_IP + 1];
    bool has_ip = ip_normalize(x->req->ip, ip);
    assert(x->g != NULL);
    mtrk_machine_class cls;
    mtrk_machine_rule rule;
    int rc = judge(x, link, has_ip ? ip : NULL, &cls, &rule);
    if (rc)
        return rc;
    char reason[64];
    if (rule == MTRK_RULE_NONE)
        snprintf(reason, sizeof reason, "%s", mtrk_machine_class_name(cls));
    else
        snprintf(reason, sizeof reason, "%s:%s", mtrk_machine_class_name(cls), mtrk_machine_rule_name(rule));
    char *ua = x->withheld ? NULL : ua_clean(x->req->user_agent);
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = x->kind == MTRK_URL_CLICK ? MTRK_EV_CLICK : MTRK_EV_OPEN;
    in.mid = x->m.id;
    in.lid = link ? link->id : nil_id;
    in.occurred_at = x->at;
    in.user_agent = ua;
    in.ip = x->withheld || !has_ip ? NULL : ip;
    in.verdict = class_verdict(cls);
    in.verdict_reason = reason;
    return group_queue(x->g, x, &in, link, cls, rule); /* the queue owns ua now */
}

static int do_click(resolve_ctx *x)
{
    row_links l = { 0 };
    l.tenant = x->t->id;
    l.id = x->id2;
    int rc = group_link(x->g, x, &l);
    if (rc == MTRK_OK && !id_eq(l.campaign, x->m.campaign))
        rc = MTRK_ENOTFOUND;
    if (rc == MTRK_ENOTFOUND)
        return terr(x->t, MTRK_ESIGNATURE, "the URL's link is not a link of its message's campaign");
    if (rc)
        return rc;
    x->res->lid = l.id;
    rc = record_hit(x, &l); /* queued: the result gets its URL when recorded */
    rows_clear(T_LINKS, &l);
    return rc;
}

static bool one_click_body(const char *body, size_t n)
{
    static const char want[] = "List-Unsubscribe=One-Click";
    while (n > 0 && (body[n - 1] == '\r' || body[n - 1] == '\n' || body[n - 1] == ' '))
        n--;
    return body && n == sizeof want - 1 && memcmp(body, want, n) == 0;
}

static int do_unsubscribe(resolve_ctx *x, bool post)
{
    if (!post) {
        x->res->action = MTRK_ACTION_CONFIRM; /* scanners follow GETs: they must not unsubscribe anyone */
        return MTRK_OK;
    }
    x->res->action = MTRK_ACTION_UNSUBSCRIBED;
    if (x->contact.status == MTRK_CONTACT_ERASED)
        return MTRK_OK; /* nothing left to unsubscribe, nothing personal to record */
    bool exists;
    int rc = core_unsub_exists(x->t, x->contact.id, MTRK_UNSUB_GLOBAL, nil_id, &exists);
    if (rc || exists)
        return rc; /* idempotent: a repeat changes nothing */
    /* A mail carries no user agent or IP of the recipient's. */
    char ip[MTRK_MAX_IP + 1];
    bool has_ip = !x->withheld && x->req != NULL && ip_normalize(x->req->ip, ip);
    char *ua = x->withheld || x->req == NULL ? NULL : ua_clean(x->req->user_agent);
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = MTRK_EV_UNSUBSCRIBE;
    in.mid = x->m.id;
    in.occurred_at = x->at;
    in.user_agent = ua;
    in.ip = has_ip ? ip : NULL;
    in.unsub_scope = MTRK_UNSUB_GLOBAL;
    if (x->source)
        in.unsub_source = x->source;
    else
        in.unsub_source = one_click_body(x->req->body, x->req->body ? x->req->body_len : 0) ? MTRK_SOURCE_ONE_CLICK
                                                                                           : MTRK_SOURCE_LINK;
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    rc = core_event_record(x->t, &in, &o);
    free(ua);
    if (rc == MTRK_OK) {
        x->res->recorded = 1;
        x->res->event_id = o.event_id;
    }
    return rc;
}

static int do_landing(resolve_ctx *x)
{
    row_landing_pages lp;
    bool found;
    int rc = landing_find(x->t, x->m.campaign, &lp, &found);
    if (rc)
        return rc;
    if (!found)
        return terr(x->t, MTRK_ENOTFOUND, "the message's campaign has no landing page");
    if (!id_eq(x->id2, x->m.contact))
        rc = terr(x->t, MTRK_ESIGNATURE, "the URL's recipient is not its message's contact");
    if (rc == MTRK_OK) {
        x->res->action = MTRK_ACTION_LANDING;
        x->res->landing_page = lp.id;
        if (lp.url && *lp.url && (x->res->redirect_url = tenant_keep(x->t, lp.url)) == NULL)
            rc = terr(x->t, MTRK_ENOMEM, "out of memory");
    }
    rows_clear(T_LANDING_PAGES, &lp);
    return rc;
}

static int resolve_check(mtrk_tenant *t, const mtrk_track_request *req, const mtrk_resolve_options *opts,
                         track_path *p, bool *post)
{
    int rc = check_version(t, "request", req, MTRK_TRACK_REQUEST_VERSION);
    if (rc == MTRK_OK && opts)
        rc = check_version(t, "opts", opts, MTRK_RESOLVE_OPTIONS_VERSION);
    if (rc == MTRK_OK && opts && opts->rules)
        rc = classify_rules_check(t, opts->rules);
    if (rc)
        return rc;
    if (req->method == NULL)
        return terr(t, MTRK_EINVAL, "request->method is NULL");
    bool get = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
    *post = strcmp(req->method, "POST") == 0;
    if (!get && !*post)
        return terr(t, MTRK_EINVAL, "request->method \"%.16s\" is not GET, HEAD or POST", req->method);
    if (req->at < 0)
        return terr(t, MTRK_EINVAL, "request->at is negative");
    if (req->path == NULL)
        return terr(t, MTRK_EINVAL, "request->path is NULL");
    if (strnlen(req->path, TRACK_PATH_MAX) >= TRACK_PATH_MAX || !path_parse(req->path, p))
        return terr(t, MTRK_ESIGNATURE, "request->path is not a tracking URL (/{o|c|u|l}/{tenant}/{token})");
    if (p->keyn != strlen(t->key) || memcmp(p->key, t->key, p->keyn) != 0)
        return terr(t, MTRK_ETENANT, "request->path names tenant \"%.*s\", not \"%s\"", (int)p->keyn, p->key,
                    t->key);
    if (*post && p->kind != MTRK_URL_UNSUBSCRIBE)
        return terr(t, MTRK_EINVAL, "request->method POST is for unsubscribe URLs only");
    return MTRK_OK;
}

static int resolve_loaded(resolve_ctx *x, const track_path *p, bool post);

static int resolve_in_tx(resolve_ctx *x, const track_path *p, bool post)
{
    mtrk_id mid;
    int rc = verify_token(x->t, p->kind, p->token, p->tokn, &mid, &x->id2);
    if (rc == MTRK_OK)
        rc = message_load(x->t, mid, &x->m);
    if (rc == MTRK_OK)
        rc = cam_load(x->t, x->m.campaign, &x->c);
    if (rc == MTRK_OK)
        rc = contact_load(x->t, x->m.contact, &x->contact);
    if (rc)
        return rc;
    return resolve_loaded(x, p, post);
}

/* The hit whose message, campaign and contact are in x. */
static int resolve_loaded(resolve_ctx *x, const track_path *p, bool post)
{
    int rc;
    x->withheld = x->c.status == MTRK_CAMPAIGN_CANCELED || x->m.state == MTRK_MSG_CANCELED ||
                  x->contact.status == MTRK_CONTACT_ERASED;
    mtrk_track_result *res = x->res;
    res->kind = (mtrk_url_kind)p->kind;
    res->mid = x->m.id;
    res->campaign = x->m.campaign;
    res->rid = x->contact.status == MTRK_CONTACT_ERASED ? nil_id : x->m.contact;
    res->withheld = x->withheld;
    switch (p->kind) {
    case MTRK_URL_OPEN:
        rc = record_hit(x, NULL);
        res->action = MTRK_ACTION_PIXEL;
        return rc;
    case MTRK_URL_CLICK: return do_click(x);
    case MTRK_URL_UNSUBSCRIBE: return do_unsubscribe(x, post);
    default: return do_landing(x);
    }
}

/* Resolves a checked path inside the caller's write transaction into *res. */
static int resolve_one(mtrk_tenant *t, mtrk_track_result *res, const track_path *p, bool post,
                       const mtrk_track_request *req, const mtrk_resolve_options *opts, mtrk_time at,
                       mtrk_source source)
{
    resolve_ctx x;
    memset(&x, 0, sizeof x);
    x.t = t;
    x.req = req;
    x.opts = opts;
    x.res = res;
    x.kind = p->kind;
    x.at = at ? at : core_now(t->db);
    x.source = source;
    int rc = resolve_in_tx(&x, p, post);
    rows_clear(T_MESSAGES, &x.m);
    rows_clear(T_CAMPAIGNS, &x.c);
    rows_clear(T_CONTACTS, &x.contact);
    return rc;
}

/* Resolves a checked path in one transaction; *out filled on success. */
static int resolve_run(mtrk_tenant *t, mtrk_track_result *out, const track_path *p, bool post,
                       const mtrk_track_request *req, const mtrk_resolve_options *opts, mtrk_time at,
                       mtrk_source source)
{
    mtrk_track_result res = *out;
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    rc = tx_end(t, resolve_one(t, &res, p, post, req, opts, at, source));
    if (rc == MTRK_OK)
        *out = res;
    return rc;
}

/* Clears *out to a refusal of the caller's version. */
static int result_start(mtrk_tenant *t, mtrk_track_result *out)
{
    int rc = check_version(t, "out", out, MTRK_TRACK_RESULT_VERSION);
    if (rc)
        return rc;
    mtrk_track_result res = MTRK_TRACK_RESULT_INIT;
    res.version = out->version;
    *out = res;
    return MTRK_OK;
}

MTRK_API int mtrk_track_resolve(mtrk_track_result *out, mtrk_tenant *t, const mtrk_track_request *req,
                                const mtrk_resolve_options *opts)
{
    TENANT_CHECK(t);
    int rc = result_start(t, out);
    if (rc)
        return rc;
    track_path p;
    bool post = false;
    if ((rc = resolve_check(t, req, opts, &p, &post)))
        return rc;
    if (p.kind == MTRK_URL_OPEN || p.kind == MTRK_URL_CLICK) {
        /* A group of one: the rules read a hit's facts one way only. */
        mtrk_track_result *outs[1] = { out };
        int status = MTRK_OK;
        rc = mtrk_track_resolve_batch(outs, &status, t, &req, 1, opts);
        return rc ? rc : status;
    }
    return resolve_run(t, out, &p, post, req, opts, req->at, 0);
}

/* A hit's own refusal (the request's fault), not the call's. */
static bool hit_refusal(int rc)
{
    return rc == MTRK_ESIGNATURE || rc == MTRK_ETENANT || rc == MTRK_EINVAL || rc == MTRK_ENOTFOUND ||
           rc == MTRK_ETOOLONG || rc == MTRK_EENCODING;
}

/* ---- a batch's hits, read together --------------------------------------------
 * mtrk_track_resolve_batch resolves its opens and clicks as one group: their
 * messages, campaigns, contacts and links are read with one store call per
 * table, their messages' events (the facts the rules read, and the clicks
 * the burst rule counts) with one scan_many, and their events are recorded
 * with one core_event_batch at the end, in the caller's order. What a hit
 * reads is what the hits before it in the group left: the burst rule counts
 * the group's earlier clicks on the message too, and an opens or click does
 * not change what the others read (a message's sent and delivered times,
 * its campaign, its contact). An unsubscribe by POST writes beyond its
 * message: the events queued before it are recorded first. Unsubscribes and
 * landing visits are resolved one by one, as by mtrk_track_resolve. */

typedef struct group_click {
    mtrk_id mid, lid;
    mtrk_time at;
} group_click;

typedef struct group_item {
    size_t i; /* the hit's place in the caller's arrays */
    mtrk_event_input in; /* its pointers are set when recorded (the array moves) */
    char *ua;
    bool has_ip;
    char ip[MTRK_MAX_IP + 1];
    char reason[64];
    mtrk_track_result res;
} group_item;

typedef struct group_count {
    mtrk_id tenant; /* unused: laid out as a row, found by keyed_find */
    mtrk_id campaign;
    uint32_t links; /* trackable links, honeypots excluded */
} group_count;

typedef struct track_group {
    mtrk_tenant *t;
    size_t cur; /* the hit being resolved */
    row_messages *msgs; /* each sorted by id, owned copies */
    size_t nmsgs;
    row_campaigns *cams;
    size_t ncams, capcams;
    row_contacts *cons;
    size_t ncons, capcons;
    row_links *links;
    size_t nlinks, caplinks;
    group_count *counts;
    size_t ncounts, capcounts;
    group_click *clicks; /* stored clicks of the group's messages, then the group's own */
    size_t nclicks, capclicks;
    group_item *q; /* queued opens and clicks */
    size_t nq, capq;
    fold_preload pre; /* the messages as read, for the event batch */
    bool pre_valid;   /* until the first write (a flush) */
} track_group;

/* A growing vector of owned row copies of `table`. */
typedef struct row_sink {
    unsigned table;
    void **v;
    size_t *n, *cap, elem;
} row_sink;

static int row_sink_cb(void *ud, void *row)
{
    row_sink *k = ud;
    if (*k->n == *k->cap) {
        void *p = grow_array(*k->v, k->cap, k->elem, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        *k->v = p;
    }
    void *dst = (char *)*k->v + *k->n * k->elem;
    memset(dst, 0, k->elem);
    int rc = rows_copy(k->table, dst, row);
    if (rc == MTRK_OK)
        ++*k->n;
    return rc;
}

/* Every row of this kind starts with (tenant, id). */
typedef struct keyed_row {
    mtrk_id tenant, id;
} keyed_row;

static int keyed_cmp(const void *a, const void *b)
{
    return memcmp(&((const keyed_row *)a)->id, &((const keyed_row *)b)->id, sizeof(mtrk_id));
}

static void *keyed_find(void *v, size_t n, size_t elem, mtrk_id id)
{
    keyed_row key = { nil_id, id };
    return bsearch(&key, v, n, elem, keyed_cmp);
}

static int id_sort_cmp(const void *a, const void *b) { return memcmp(a, b, sizeof(mtrk_id)); }

/* Reads the rows of `table` with ids ids[0..n-1] (sorted and made unique
 * here) into the sink, sorted by id. */
static int group_get(track_group *g, unsigned table, mtrk_id *ids, size_t n, row_sink *sink)
{
    if (n == 0)
        return MTRK_OK;
    qsort(ids, n, sizeof *ids, id_sort_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || !id_eq(ids[u - 1], ids[i]))
            ids[u++] = ids[i];
    mtrk_value *keys = malloc(2 * u * sizeof *keys);
    if (keys == NULL)
        return terr(g->t, MTRK_ENOMEM, "out of memory");
    for (size_t i = 0; i < u; i++) {
        keys[2 * i] = v_id(&g->t->id);
        keys[2 * i + 1] = v_id(&ids[i]);
    }
    int rc = st_get_many(g->t, table, keys, u, row_sink_cb, sink);
    free(keys);
    if (rc == MTRK_OK && *sink->n > 1)
        qsort(*sink->v, *sink->n, sink->elem, keyed_cmp);
    return rc;
}

/* A stored click of one of the group's messages, kept for the burst rule. */
static int group_click_add(track_group *g, const row_events *e)
{
    if (g->nclicks == g->capclicks) {
        group_click *p = grow_array(g->clicks, &g->capclicks, sizeof *p, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        g->clicks = p;
    }
    g->clicks[g->nclicks++] = (group_click){ e->message, e->link, e->occurred_at };
    return 0;
}

/* The stored clicks of a message whose mark may hide some in a burst window. */
static int group_click_cb(void *ud, void *row)
{
    const row_events *e = row;
    return e->type == MTRK_EV_CLICK ? group_click_add(ud, e) : 0;
}

static int group_count_cb(void *ud, void *row)
{
    track_group *g = ud;
    const row_links *l = row;
    if (l->origin == MTRK_LINK_HONEYPOT || !trackable(l->origin))
        return 0;
    group_count *c = keyed_find(g->counts, g->ncounts, sizeof *g->counts, l->campaign);
    if (c != NULL)
        c->links++;
    return 0;
}

typedef struct group_hit {
    track_path p;
    mtrk_time at; /* the request's time, 0: now */
    bool post;
    bool grouped; /* an open or a click whose token verified */
    mtrk_id mid, id2;
} group_hit;

/* Reads what the group's hits need. The messages with their events past
 * their marks (one st_messages_load, kept for the event batch): each
 * message's facts are its row's folded with those events, as
 * core_message_fold gives them. The burst rule counts a message's clicks
 * within the window around each hit (`window` ms); the events up to a mark
 * all occurred at or before the mark's time, so when that is before every
 * window of the message's hits, the events past the mark hold all the
 * clicks it counts; else the message's clicks are read whole (one
 * scan_many for those messages). */
static int group_read(track_group *g, const group_hit *hits, size_t n, mtrk_time window)
{
    mtrk_tenant *t = g->t;
    size_t cap = n ? n : 1;
    mtrk_id *ids = malloc(cap * sizeof *ids);
    mtrk_time *from = malloc(cap * sizeof *from);
    if (ids == NULL || from == NULL) {
        free(ids);
        free(from);
        return terr(t, MTRK_ENOMEM, "out of memory");
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (hits[i].grouped)
            ids[k++] = hits[i].mid;
    qsort(ids, k, sizeof *ids, id_sort_cmp);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || !id_eq(ids[u - 1], ids[i]))
            ids[u++] = ids[i];
    int rc = fold_preload_read(t, ids, u, &g->pre);
    g->pre_valid = rc == MTRK_OK;
    g->msgs = rc == MTRK_OK && g->pre.n ? calloc(g->pre.n, sizeof *g->msgs) : NULL;
    if (rc == MTRK_OK && g->pre.n && g->msgs == NULL)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    /* The earliest window start of each message's hits (pre.m is by id). */
    mtrk_time now = core_now(t->db);
    for (size_t i = 0; rc == MTRK_OK && i < g->pre.n; i++)
        from[i] = INT64_MAX;
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        if (!hits[i].grouped)
            continue;
        const row_messages *m = keyed_find(g->pre.m, g->pre.n, sizeof *g->pre.m, hits[i].mid);
        if (m == NULL)
            continue;
        size_t at = (size_t)(m - g->pre.m);
        mtrk_time hat = hits[i].at ? hits[i].at : now;
        if (hat - window < from[at])
            from[at] = hat - window;
    }
    size_t nwhole = 0;
    for (size_t i = 0; rc == MTRK_OK && i < g->pre.n; i++) {
        row_messages *m = &g->msgs[g->nmsgs];
        if (rows_copy(T_MESSAGES, m, &g->pre.m[i])) {
            rc = terr(t, MTRK_ENOMEM, "out of memory");
            break;
        }
        g->nmsgs++;
        mark_pos mk;
        bool marked = mark_of(m, &mk);
        if (!marked)
            decide_reset_facts(m);
        bool whole = window > 0 && marked && mk.occurred >= from[i]; /* window 0: no burst rule */
        for (size_t j = 0; j < g->pre.nev[i]; j++) {
            const row_events *e = &g->pre.ev[i][j];
            decide_event de = decide_event_of(e);
            decide_message(m, &de);
            if (!whole && e->type == MTRK_EV_CLICK && group_click_add(g, e))
                rc = terr(t, MTRK_ENOMEM, "out of memory");
        }
        if (whole)
            ids[nwhole++] = m->id;
    }
    free(from);
    if (rc == MTRK_OK && nwhole > 0) {
        mtrk_value *pre = malloc(2 * nwhole * sizeof *pre);
        if (pre == NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        for (size_t i = 0; rc == MTRK_OK && i < nwhole; i++) {
            pre[2 * i] = v_id(&t->id);
            pre[2 * i + 1] = v_id(&ids[i]);
        }
        if (rc == MTRK_OK)
            rc = st_scan_many(t, T_EVENTS, IDX_EVENTS_MESSAGE, pre, 2, nwhole, group_click_cb, g);
        free(pre);
        if (rc == MTRK_ENOMEM)
            rc = terr(t, rc, "out of memory");
    }
    k = 0;
    for (size_t i = 0; rc == MTRK_OK && i < g->nmsgs; i++)
        ids[k++] = g->msgs[i].campaign;
    row_sink cs = { T_CAMPAIGNS, (void **)&g->cams, &g->ncams, &g->capcams, sizeof *g->cams };
    if (rc == MTRK_OK)
        rc = group_get(g, T_CAMPAIGNS, ids, k, &cs);
    k = 0;
    for (size_t i = 0; rc == MTRK_OK && i < g->nmsgs; i++)
        ids[k++] = g->msgs[i].contact;
    row_sink ks = { T_CONTACTS, (void **)&g->cons, &g->ncons, &g->capcons, sizeof *g->cons };
    if (rc == MTRK_OK)
        rc = group_get(g, T_CONTACTS, ids, k, &ks);
    /* Clicks: their links, and how many links their campaigns have. */
    k = 0;
    for (size_t i = 0; rc == MTRK_OK && i < n; i++)
        if (hits[i].grouped && hits[i].p.kind == MTRK_URL_CLICK)
            ids[k++] = hits[i].id2;
    row_sink ls = { T_LINKS, (void **)&g->links, &g->nlinks, &g->caplinks, sizeof *g->links };
    if (rc == MTRK_OK)
        rc = group_get(g, T_LINKS, ids, k, &ls);
    k = 0;
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        if (!hits[i].grouped || hits[i].p.kind != MTRK_URL_CLICK)
            continue;
        const row_messages *m = keyed_find(g->msgs, g->nmsgs, sizeof *g->msgs, hits[i].mid);
        if (m != NULL)
            ids[k++] = m->campaign;
    }
    if (rc == MTRK_OK && k > 0) {
        qsort(ids, k, sizeof *ids, id_sort_cmp);
        g->counts = calloc(k, sizeof *g->counts);
        mtrk_value *cp = malloc(2 * k * sizeof *cp);
        if (g->counts == NULL || cp == NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        for (size_t i = 0; rc == MTRK_OK && i < k; i++) {
            if (g->ncounts > 0 && id_eq(g->counts[g->ncounts - 1].campaign, ids[i]))
                continue;
            g->counts[g->ncounts].campaign = ids[i];
            cp[2 * g->ncounts] = v_id(&t->id);
            cp[2 * g->ncounts + 1] = v_id(&g->counts[g->ncounts].campaign);
            g->ncounts++;
        }
        if (rc == MTRK_OK)
            rc = st_scan_many(t, T_LINKS, IDX_LINKS_CAMPAIGN, cp, 2, g->ncounts, group_count_cb, g);
        free(cp);
    }
    free(ids);
    return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
}

static int group_judge_reads(track_group *g, const resolve_ctx *x, const row_links *link, mtrk_time from,
                             mtrk_time to, uint32_t *burst, uint32_t *campaign_links)
{
    burst_scan b;
    memset(&b, 0, sizeof b);
    b.lids[b.n++] = link->id;
    for (size_t i = 0; i < g->nclicks; i++) {
        const group_click *c = &g->clicks[i];
        if (!id_eq(c->mid, x->m.id) || c->at < from || c->at > to)
            continue;
        bool seen = false;
        for (uint32_t j = 0; j < b.n && !seen; j++)
            seen = id_eq(b.lids[j], c->lid);
        if (!seen && b.n < 64)
            b.lids[b.n++] = c->lid;
    }
    *burst = b.n;
    const group_count *c = keyed_find(g->counts, g->ncounts, sizeof *g->counts, x->m.campaign);
    *campaign_links = c ? c->links : 0;
    return MTRK_OK;
}

static int group_link(track_group *g, resolve_ctx *x, row_links *out)
{
    const row_links *l = keyed_find(g->links, g->nlinks, sizeof *g->links, x->id2);
    if (l == NULL)
        return MTRK_ENOTFOUND;
    return rows_copy(T_LINKS, out, l) == MTRK_OK ? MTRK_OK : terr(g->t, MTRK_ENOMEM, "out of memory");
}

static int group_queue(track_group *g, resolve_ctx *x, const mtrk_event_input *in, const row_links *link,
                       mtrk_machine_class cls, mtrk_machine_rule rule)
{
    if (g->nq == g->capq) {
        group_item *p = grow_array(g->q, &g->capq, sizeof *p, 16);
        if (p == NULL) {
            free((char *)in->user_agent);
            return terr(g->t, MTRK_ENOMEM, "out of memory");
        }
        g->q = p;
    }
    if (in->type == MTRK_EV_CLICK) {
        if (g->nclicks == g->capclicks) {
            group_click *p = grow_array(g->clicks, &g->capclicks, sizeof *p, 16);
            if (p == NULL) {
                free((char *)in->user_agent);
                return terr(g->t, MTRK_ENOMEM, "out of memory");
            }
            g->clicks = p;
        }
        g->clicks[g->nclicks++] = (group_click){ in->mid, in->lid, in->occurred_at };
    }
    group_item *q = &g->q[g->nq];
    memset(q, 0, sizeof *q);
    q->i = g->cur;
    q->in = *in;
    q->ua = (char *)in->user_agent;
    q->has_ip = in->ip != NULL;
    if (in->ip)
        snprintf(q->ip, sizeof q->ip, "%s", in->ip);
    snprintf(q->reason, sizeof q->reason, "%s", in->verdict_reason);
    q->res = *x->res;
    q->res.verdict = in->verdict;
    q->res.machine_class = cls;
    q->res.rule = rule;
    q->res.action = link ? MTRK_ACTION_REDIRECT : MTRK_ACTION_PIXEL;
    if (link && (q->res.redirect_url = tenant_keep(g->t, link->url)) == NULL) {
        free(q->ua);
        return terr(g->t, MTRK_ENOMEM, "out of memory");
    }
    g->nq++;
    return MTRK_OK;
}

static void group_free(track_group *g)
{
    for (size_t i = 0; i < g->nmsgs; i++)
        rows_clear(T_MESSAGES, &g->msgs[i]);
    for (size_t i = 0; i < g->ncams; i++)
        rows_clear(T_CAMPAIGNS, &g->cams[i]);
    for (size_t i = 0; i < g->ncons; i++)
        rows_clear(T_CONTACTS, &g->cons[i]);
    for (size_t i = 0; i < g->nlinks; i++)
        rows_clear(T_LINKS, &g->links[i]);
    for (size_t i = 0; i < g->nq; i++)
        free(g->q[i].ua);
    free(g->msgs);
    free(g->cams);
    free(g->cons);
    free(g->links);
    free(g->counts);
    free(g->clicks);
    free(g->q);
    fold_preload_free(&g->pre);
}

static void refused_explain(mtrk_tenant *t, int code, const char *why);

/* The caller's last refused hit, whose message the handle gives at the end. */
typedef struct refused {
    char *why;
    size_t at;
} refused;

static void refused_note(refused *r, size_t i, const char *msg)
{
    if (r->why != NULL && i < r->at)
        return;
    free(r->why);
    r->why = strdup(msg);
    r->at = i;
}

/* Records the queued opens and clicks (one core_event_batch) and fills
 * their results. A hit refused by the event rules gets its status; any
 * other failure is the call's. */
static int group_flush(track_group *g, mtrk_track_result *const *outs, int *statuses, refused *ref)
{
    if (g->nq == 0)
        return MTRK_OK;
    size_t n = g->nq;
    const mtrk_event_input **ins = malloc(n * sizeof *ins);
    mtrk_event_outcome *os = malloc(n * sizeof *os);
    mtrk_event_outcome **op = malloc(n * sizeof *op);
    int rc = ins == NULL || os == NULL || op == NULL ? terr(g->t, MTRK_ENOMEM, "out of memory") : MTRK_OK;
    for (size_t k = 0; rc == MTRK_OK && k < n; k++) {
        group_item *q = &g->q[k];
        q->in.user_agent = q->ua;
        q->in.ip = q->has_ip ? q->ip : NULL;
        q->in.verdict_reason = q->reason;
        ins[k] = &q->in;
        os[k] = (mtrk_event_outcome)MTRK_EVENT_OUTCOME_INIT;
        op[k] = &os[k];
    }
    size_t recorded = 0;
    if (rc == MTRK_OK)
        rc = core_event_batch_with(g->t, ins, n, op, &recorded, g->pre_valid ? &g->pre : NULL);
    g->pre_valid = false; /* the batch wrote: what was read is not the store's any more */
    for (size_t k = 0; rc == MTRK_OK && k < n; k++) {
        group_item *q = &g->q[k];
        if (os[k].status == MTRK_OK) {
            q->res.recorded = 1;
            q->res.event_id = os[k].event_id;
            *outs[q->i] = q->res;
        } else if (hit_refusal(os[k].status)) {
            statuses[q->i] = os[k].status;
            refused_note(ref, q->i, os[k].message ? os[k].message : mtrk_strerror(os[k].status));
        } else {
            rc = os[k].status; /* the call's failure, named as a single call would */
            refused_explain(g->t, rc, os[k].message ? os[k].message : mtrk_strerror(rc));
        }
    }
    for (size_t k = 0; k < n; k++) {
        free(g->q[k].ua);
        g->q[k].ua = NULL;
    }
    g->nq = 0;
    free(ins);
    free(os);
    free(op);
    return rc;
}

/* Resolves one grouped hit: its rows from the group's, its event queued. */
static int group_resolve(track_group *g, resolve_ctx *x, const group_hit *h)
{
    const row_messages *m = keyed_find(g->msgs, g->nmsgs, sizeof *g->msgs, h->mid);
    if (m == NULL) {
        char s[MTRK_ID_STRLEN + 1];
        idtext(s, h->mid);
        return terr(g->t, MTRK_ENOTFOUND, "message %s not found", s);
    }
    const row_campaigns *c = keyed_find(g->cams, g->ncams, sizeof *g->cams, m->campaign);
    const row_contacts *k = keyed_find(g->cons, g->ncons, sizeof *g->cons, m->contact);
    if (c == NULL || k == NULL) {
        char s[MTRK_ID_STRLEN + 1];
        idtext(s, c == NULL ? m->campaign : m->contact);
        return terr(g->t, MTRK_ENOTFOUND, "%s %s not found", c == NULL ? "campaign" : "contact", s);
    }
    x->id2 = h->id2;
    if (rows_copy(T_MESSAGES, &x->m, m) || rows_copy(T_CAMPAIGNS, &x->c, c) || rows_copy(T_CONTACTS, &x->contact, k))
        return terr(g->t, MTRK_ENOMEM, "out of memory");
    return resolve_loaded(x, &h->p, h->post);
}

/* The handle's message for a refused hit: why without its code's name. */
static void refused_explain(mtrk_tenant *t, int code, const char *why)
{
    const char *name = mtrk_strerror(code);
    size_t nl = strlen(name);
    if (strncmp(why, name, nl) == 0 && why[nl] == ':' && why[nl + 1] == ' ')
        why += nl + 2;
    terr(t, code, "%s", why);
}

MTRK_API int mtrk_track_resolve_batch(mtrk_track_result *const *outs, int *statuses, mtrk_tenant *t,
                                      const mtrk_track_request *const *reqs, size_t n,
                                      const mtrk_resolve_options *opts)
{
    TENANT_CHECK(t);
    if (outs == NULL || statuses == NULL || reqs == NULL)
        return terr(t, MTRK_EINVAL, "%s is NULL", outs == NULL ? "outs" : statuses == NULL ? "statuses" : "reqs");
    if (n > MTRK_MAX_BATCH)
        return terr(t, MTRK_ETOOLONG, "n %zu is over the batch limit %d", n, MTRK_MAX_BATCH);
    int rc;
    for (size_t i = 0; i < n; i++) {
        char what[48];
        snprintf(what, sizeof what, "outs[%zu]", i);
        if (outs[i] == NULL)
            return terr(t, MTRK_EINVAL, "%s is NULL", what);
        if ((rc = check_version(t, what, outs[i], MTRK_TRACK_RESULT_VERSION)))
            return rc;
    }
    for (size_t i = 0; i < n; i++) {
        result_start(t, outs[i]);
        statuses[i] = MTRK_OK;
    }
    group_hit *hits = calloc(n ? n : 1, sizeof *hits);
    if (hits == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    if ((rc = tx_begin(t, true))) {
        free(hits);
        return rc;
    }
    /* Each hit in the one transaction: a hit refused before it changed
     * anything gets its status and the others go on; any other failure ends
     * the call, and nothing of it is kept. First each request is checked
     * and each open's and click's token verified (no store but the key). */
    track_group g;
    memset(&g, 0, sizeof g);
    g.t = t;
    refused ref = { NULL, SIZE_MAX };
    key_memo keys = { 0 }; /* the group's tokens name few keys: each read once */
    for (size_t i = 0; i < n && rc == MTRK_OK; i++) {
        group_hit *h = &hits[i];
        int hrc = reqs[i] == NULL ? terr(t, MTRK_EINVAL, "reqs[%zu] is NULL", i)
                                  : resolve_check(t, reqs[i], opts, &h->p, &h->post);
        if (hrc == MTRK_OK)
            h->at = reqs[i]->at;
        if (hrc == MTRK_OK && (h->p.kind == MTRK_URL_OPEN || h->p.kind == MTRK_URL_CLICK)) {
            hrc = verify_token_memo(t, &keys, h->p.kind, h->p.token, h->p.tokn, &h->mid, &h->id2);
            h->grouped = hrc == MTRK_OK;
        }
        if (hrc == MTRK_OK)
            continue;
        if (hit_refusal(hrc)) {
            statuses[i] = hrc;
            refused_note(&ref, i, t->err);
        } else {
            rc = hrc;
        }
    }
    key_memo_clear(&keys);
    if (rc == MTRK_OK) {
        const mtrk_classify_rules *rules = opts && opts->rules ? opts->rules
                                         : t->cls_rules       ? t->cls_rules
                                                              : mtrk_classify_rules_default();
        rc = group_read(&g, hits, n, rules->burst_window_ms);
    }
    for (size_t i = 0; i < n && rc == MTRK_OK; i++) {
        group_hit *h = &hits[i];
        if (statuses[i] != MTRK_OK)
            continue;
        uint64_t w0 = t->writes;
        mtrk_track_result res = *outs[i];
        int hrc;
        if (h->grouped) {
            resolve_ctx x;
            memset(&x, 0, sizeof x);
            x.t = t;
            x.req = reqs[i];
            x.opts = opts;
            x.res = &res;
            x.kind = h->p.kind;
            x.at = reqs[i]->at ? reqs[i]->at : core_now(t->db);
            x.g = &g;
            g.cur = i;
            hrc = group_resolve(&g, &x, h); /* queued: the result is filled when recorded */
            rows_clear(T_MESSAGES, &x.m);
            rows_clear(T_CAMPAIGNS, &x.c);
            rows_clear(T_CONTACTS, &x.contact);
        } else {
            /* An unsubscribe by POST writes beyond its message: what is
             * queued is recorded first, as in the caller's order. */
            if (h->post && (rc = group_flush(&g, outs, statuses, &ref)))
                break;
            w0 = t->writes;
            hrc = resolve_one(t, &res, &h->p, h->post, reqs[i], opts, reqs[i]->at, 0);
            if (hrc == MTRK_OK)
                *outs[i] = res;
        }
        if (hrc == MTRK_OK)
            continue;
        if (hit_refusal(hrc) && t->writes == w0) {
            statuses[i] = hrc;
            refused_note(&ref, i, t->err);
        } else {
            rc = hrc;
        }
    }
    if (rc == MTRK_OK)
        rc = group_flush(&g, outs, statuses, &ref);
    group_free(&g);
    free(hits);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && ref.why != NULL)
        refused_explain(t, statuses[ref.at], ref.why);
    free(ref.why);
    if (rc != MTRK_OK) {
        for (size_t i = 0; i < n; i++) {
            result_start(t, outs[i]);
            statuses[i] = rc;
        }
    }
    return rc;
}

/* Mail header whitespace, folding included. */
static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

MTRK_API int mtrk_track_mail_unsubscribe(mtrk_track_result *out, mtrk_tenant *t, const char *subject, mtrk_time at)
{
    TENANT_CHECK(t);
    int rc = result_start(t, out);
    if (rc)
        return rc;
    if (subject == NULL)
        return terr(t, MTRK_EINVAL, "subject is NULL");
    if (at < 0)
        return terr(t, MTRK_EINVAL, "at is negative");
    size_t n = strnlen(subject, TRACK_PATH_MAX);
    while (n > 0 && is_ws(*subject)) {
        subject++;
        n--;
    }
    while (n > 0 && is_ws(subject[n - 1]))
        n--;
    size_t pre = sizeof MAIL_UNSUB_PREFIX - 1;
    if (n >= TRACK_PATH_MAX - 8 || n <= pre || strncasecmp(subject, MAIL_UNSUB_PREFIX, pre) != 0 ||
        memchr(subject + pre, '/', n - pre) == NULL)
        return terr(t, MTRK_EINVAL, "subject is not \"" MAIL_UNSUB_PREFIX "{tenant}/{token}\"");
    /* Its rest is the unsubscribe URL's last two segments. */
    char path[TRACK_PATH_MAX];
    snprintf(path, sizeof path, "/%c/%.*s", kind_letters[MTRK_URL_UNSUBSCRIBE], (int)(n - pre), subject + pre);
    track_path p;
    /* path_parse reads the last three segments: the tenant must be the first. */
    if (!path_parse(path, &p) || p.kind != MTRK_URL_UNSUBSCRIBE || p.key != path + 3)
        return terr(t, MTRK_EINVAL, "subject is not \"" MAIL_UNSUB_PREFIX "{tenant}/{token}\"");
    if (p.keyn != strlen(t->key) || memcmp(p.key, t->key, p.keyn) != 0)
        return terr(t, MTRK_ETENANT, "subject names tenant \"%.*s\", not \"%s\"", (int)p.keyn, p.key, t->key);
    return resolve_run(t, out, &p, true, NULL, NULL, at, MTRK_SOURCE_MAILTO);
}
