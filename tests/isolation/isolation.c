/*
 * Isolation sweep (suite 'isolation'): two tenants with look-alike data
 * (same addresses, names, campaigns, audiences, links, messages, events,
 * leads, landing pages, signing keys) in one store; then every public
 * function that takes an id or a token is called through tenant A with
 * tenant B's ids and tokens. Every call must answer MTRK_ENOTFOUND (for a
 * tracking URL: MTRK_ETENANT or MTRK_ESIGNATURE) and change nothing: a
 * digest of every row of each tenant (every table, every index, read from
 * the raw store) is compared before and after each call.
 *
 * tests/isolation/check-sweep.py fails the suite when a public function that
 * takes a tenant and an id (or a struct carrying ids: event input, lead
 * input, track request, simulator options, bounce recipient) is not called
 * here through one of the SWEEP macros.
 *
 * Usage: isolation memory|sqlite
 */
#include <mtrk/mtrk.h>
#include <mtrk/store.h>

#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;
static int calls;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "isolation: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(1);
}

#define OK(expr)                                                                                    \
    do {                                                                                            \
        int rc_ = (expr);                                                                           \
        if (rc_ != MTRK_OK)                                                                         \
            die("%s:%d: %s = %s: %s", __FILE__, __LINE__, #expr, mtrk_strerror(rc_), mtrk_last_errmsg()); \
    } while (0)

/* ------------------------------------------------------------------ */
/* Per-tenant digest of the raw store                                  */
/* ------------------------------------------------------------------ */
static mtrk_store *g_store;

struct dig_ctx {
    crypto_generichash_state *st;
    unsigned ncols;
    const uint8_t *tenant; /* 16 bytes: only rows whose first column is this id */
    uint64_t rows;
};

static int dig_row(void *ud, const mtrk_value *row)
{
    struct dig_ctx *c = ud;
    if (row[0].type != MTRK_VAL_BLOB || row[0].n != 16 || memcmp(row[0].p, c->tenant, 16) != 0)
        return 0;
    c->rows++;
    for (unsigned i = 0; i < c->ncols; i++) {
        const mtrk_value *v = &row[i];
        unsigned char tag = (unsigned char)v->type;
        crypto_generichash_update(c->st, &tag, 1);
        if (v->type == MTRK_VAL_INT) {
            crypto_generichash_update(c->st, (const unsigned char *)&v->i, sizeof v->i);
        } else if (v->type != MTRK_VAL_NULL) {
            uint64_t n = v->n;
            crypto_generichash_update(c->st, (const unsigned char *)&n, sizeof n);
            crypto_generichash_update(c->st, v->p, v->n);
        }
    }
    return 0;
}

/* Digest of every row of `tenant` in every table and every index. */
static uint64_t digest(unsigned char out[32], mtrk_id tenant)
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, 32);
    if (g_store->begin(g_store, 0) != 0)
        die("store begin failed: %s", g_store->errmsg(g_store));
    uint64_t rows = 0;
    for (unsigned t = 0; t < mtrk_store_table_count(); t++) {
        const mtrk_table_def *td = mtrk_store_table(t);
        struct dig_ctx c = { &st, td->ncols, tenant.bytes, 0 };
        for (int ix = MTRK_INDEX_PK; ix < (int)td->nindexes; ix++) {
            unsigned char tag = (unsigned char)(0x80 + t * 16 + (unsigned)(ix + 1));
            crypto_generichash_update(&st, &tag, 1);
            int rc = g_store->scan(g_store, t, ix, NULL, 0, NULL, 0, 0, dig_row, &c);
            if (rc < 0)
                die("store scan of table %u failed: %s", t, g_store->errmsg(g_store));
        }
        rows += c.rows;
    }
    g_store->commit(g_store);
    crypto_generichash_final(&st, out, 32);
    return rows;
}

/* ------------------------------------------------------------------ */
/* The look-alike world of one tenant                                  */
/* ------------------------------------------------------------------ */
#define BASE "https://t.example.com/t"

typedef struct world {
    mtrk_tenant *t;
    mtrk_id c1, c2, extra; /* extra: in no audience */
    mtrk_id aud, camp, draft, link, lp, mid1, mid2, event;
    char *url[5];          /* by mtrk_url_kind: signed URLs of mid1 */
    const char *only_address; /* a contact only this tenant has */
    const char *only_suppressed;
    char only_peid[32];       /* a provider event id only this tenant has seen */
    mtrk_id token;            /* an API token */
    char token_secret[MTRK_API_TOKEN_SIZE];
} world;

static const char *html =
    "<html><body><p>Hello {{name}}</p>"
    "<a href=\"https://shop.example.com/a\">Shop</a> "
    "<a href=\"https://shop.example.com/b\">More</a> "
    "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a> "
    "<a href=\"{{landing_url}}\">Offer</a></body></html>";

static void spec_of(mtrk_campaign_spec *s, const char *name)
{
    mtrk_campaign_spec d = MTRK_CAMPAIGN_SPEC_INIT;
    *s = d;
    s->name = name;
    s->subject = "Everything 20% off";
    s->from_name = "Shop";
    s->from_address = "news@shop.example.com";
    s->html = html;
    s->text = "Hello https://shop.example.com/a";
}

static void event_of(mtrk_event_input *e, mtrk_event_type type, mtrk_id mid, const char *peid)
{
    mtrk_event_input d = MTRK_EVENT_INPUT_INIT;
    *e = d;
    e->type = type;
    e->mid = mid;
    e->provider = "esp";
    e->provider_event_id = peid;
    e->user_agent = "Mozilla/5.0";
    e->ip = "192.0.2.7";
}

static void build(world *w, mtrk_db *db, const char *key, const char *only_address, const char *only_suppressed)
{
    memset(w, 0, sizeof *w);
    OK(mtrk_tenant_create(&w->t, db, key, "test:isolation"));
    mtrk_tenant *t = w->t;
    mtrk_tenant_settings st = MTRK_TENANT_SETTINGS_INIT;
    st.tracking_base_url = BASE;
    st.list_unsubscribe_mailto = "unsub@shop.example.com";
    OK(mtrk_tenant_settings_set(t, &st));

    mtrk_contact_spec cs = MTRK_CONTACT_SPEC_INIT;
    cs.name = "Same Name";
    cs.consent_source = "signup-form";
    OK(mtrk_contact_add(&w->c1, NULL, t, "same@example.com", &cs));
    OK(mtrk_contact_set_field(t, w->c1, "plan", "gold"));
    OK(mtrk_contact_add(&w->c2, NULL, t, "other@example.com", NULL));
    OK(mtrk_contact_add(&w->extra, NULL, t, only_address, NULL));
    w->only_address = only_address;
    w->only_suppressed = only_suppressed;

    OK(mtrk_audience_create(&w->aud, t, "Customers"));
    OK(mtrk_audience_add(NULL, t, w->aud, w->c1));
    OK(mtrk_audience_add(NULL, t, w->aud, w->c2));

    mtrk_campaign_spec s;
    spec_of(&s, "Spring");
    OK(mtrk_campaign_create(&w->camp, t, &s));
    OK(mtrk_link_add(&w->link, t, w->camp, "https://shop.example.com/manual", "Manual", 9));
    OK(mtrk_landing_page_create(&w->lp, t, w->camp, "Offer", "https://shop.example.com/offer"));
    OK(mtrk_campaign_attach_audience(NULL, t, w->camp, w->aud));
    spec_of(&s, "Draft");
    OK(mtrk_campaign_create(&w->draft, t, &s));
    OK(mtrk_campaign_attach_audience(NULL, t, w->draft, w->aud));

    OK(mtrk_campaign_set_status(t, w->camp, MTRK_CAMPAIGN_SCHEDULED));
    OK(mtrk_campaign_set_status(t, w->camp, MTRK_CAMPAIGN_SENDING));
    OK(mtrk_campaign_generate(NULL, t, w->camp));
    mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
    OK(mtrk_message_find(&mi, t, w->camp, w->c1));
    w->mid1 = mi.mid;
    OK(mtrk_message_find(&mi, t, w->camp, w->c2));
    w->mid2 = mi.mid;
    mtrk_id claimed[4];
    size_t n = 0;
    OK(mtrk_queue_claim(claimed, &n, NULL, t, w->camp, 4, 60000));
    if (n != 2)
        die("%s: claimed %zu messages, expected 2", key, n);
    OK(mtrk_queue_mark_sent(t, w->mid1, 0, "esp", "pm-1"));
    /* mid2 stays claimed: queue calls have a claimed message to aim at. */

    mtrk_event_input e;
    mtrk_event_outcome out = MTRK_EVENT_OUTCOME_INIT;
    event_of(&e, MTRK_EV_DELIVERED, w->mid1, "e-1");
    OK(mtrk_event_record(&out, t, &e));
    w->event = out.event_id;
    event_of(&e, MTRK_EV_CLICK, w->mid1, "e-2");
    e.lid = w->link;
    OK(mtrk_event_record(NULL, t, &e));
    snprintf(w->only_peid, sizeof w->only_peid, "%s-only", key);
    event_of(&e, MTRK_EV_OPEN, w->mid1, w->only_peid);
    OK(mtrk_event_record(NULL, t, &e));

    mtrk_lead_input li = MTRK_LEAD_INPUT_INIT;
    li.landing_page = w->lp;
    li.lead_key = "lead-1";
    li.address = "same@example.com";
    li.mid = w->mid1;
    OK(mtrk_lead_capture(NULL, NULL, t, &li));

    OK(mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_ADDRESS, only_suppressed, "manual"));
    OK(mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_DOMAIN, "blocked.example.com", "manual"));
    OK(mtrk_unsub_add(NULL, t, w->c2, MTRK_UNSUB_CAMPAIGN, w->camp, MTRK_SOURCE_MANUAL));
    OK(mtrk_tenant_rotate_key(NULL, t));
    OK(mtrk_api_token_create(w->token_secret, sizeof w->token_secret, &w->token, t, "dashboard"));

    mtrk_id nil = { { 0 } };
    for (int k = MTRK_URL_OPEN; k <= MTRK_URL_LANDING; k++)
        OK(mtrk_track_url(&w->url[k], t, (mtrk_url_kind)k, w->mid1, k == MTRK_URL_CLICK ? w->link : nil));
}

static void unbuild(world *w)
{
    for (int k = 0; k < 5; k++)
        mtrk_free(w->url[k]);
    mtrk_tenant_close(w->t);
}

/* ------------------------------------------------------------------ */
/* The sweep                                                           */
/* ------------------------------------------------------------------ */
static world A, B;
static mtrk_db *g_db; /* the handle both tenants are open on */

struct snap {
    unsigned char a[32], b[32];
};

static void take(struct snap *s)
{
    digest(s->a, mtrk_tenant_id(A.t));
    digest(s->b, mtrk_tenant_id(B.t));
}

/* want: the expected code; a_may_change: a call that legitimately writes to
 * A (an unknown id it ignores, as for any unknown id). */
static void judge(const char *what, int line, int rc, int want, int want2, int a_may_change, const struct snap *before)
{
    struct snap after;
    take(&after);
    calls++;
    if (rc != want && rc != want2) {
        fprintf(stderr, "isolation.c:%d: %s answered %s (%d), expected %s: %s\n", line, what, mtrk_strerror(rc), rc,
                mtrk_strerror(want), mtrk_tenant_errmsg(A.t));
        failures++;
    }
    if (memcmp(before->b, after.b, 32) != 0) {
        fprintf(stderr, "isolation.c:%d: %s changed tenant B's data\n", line, what);
        failures++;
    }
    if (!a_may_change && memcmp(before->a, after.a, 32) != 0) {
        fprintf(stderr, "isolation.c:%d: %s changed tenant A's data\n", line, what);
        failures++;
    }
}

/* SWEEP(fn, want, args...): calls fn(args) through tenant A, expecting want
 * and no change in either tenant. */
#define SWEEP(fn, want, ...)                                                                        \
    do {                                                                                            \
        struct snap s_;                                                                             \
        take(&s_);                                                                                  \
        int r_ = fn(__VA_ARGS__);                                                                   \
        judge(#fn, __LINE__, r_, (want), (want), 0, &s_);                                           \
    } while (0)
/* SWEEP2: either of two codes (a token refused as another tenant's or as forged). */
#define SWEEP2(fn, want, want2, ...)                                                                \
    do {                                                                                            \
        struct snap s_;                                                                             \
        take(&s_);                                                                                  \
        int r_ = fn(__VA_ARGS__);                                                                   \
        judge(#fn, __LINE__, r_, (want), (want2), 0, &s_);                                          \
    } while (0)
/* SWEEP_HITS: a batch of one hit (mtrk_track_resolve_batch): the call
 * succeeds, and the hit's own status is judged like a single call's code. */
#define SWEEP_HITS(fn, want, want2, res, t, req)                                                    \
    do {                                                                                            \
        struct snap s_;                                                                             \
        take(&s_);                                                                                  \
        mtrk_track_result *outs_[1] = { (res) };                                                    \
        const mtrk_track_request *reqs_[1] = { (req) };                                             \
        int st_[1] = { 0 };                                                                         \
        int r_ = fn(outs_, st_, (t), reqs_, 1, NULL);                                               \
        judge(#fn, __LINE__, r_ ? r_ : st_[0], (want), (want2), 0, &s_);                            \
    } while (0)
/* SWEEP_WRITES_A: a call whose foreign ids are optional hints (ignored like
 * unknown ones): it may write to A, never to B. */
#define SWEEP_WRITES_A(fn, want, ...)                                                               \
    do {                                                                                            \
        struct snap s_;                                                                             \
        take(&s_);                                                                                  \
        int r_ = fn(__VA_ARGS__);                                                                   \
        judge(#fn, __LINE__, r_, (want), (want), 1, &s_);                                           \
    } while (0)

/* The path of a URL built on BASE, with its tenant segment replaced by `key`
 * when key is not NULL. */
static void path_of(char *out, size_t size, const char *url, const char *key)
{
    const char *p = url + strlen("https://t.example.com");
    if (key == NULL) {
        snprintf(out, size, "%s", p);
        return;
    }
    /* /t/{kind}/{tenant}/{token} */
    const char *k = strchr(p + 3, '/');
    const char *tok = k ? strchr(k + 1, '/') : NULL;
    if (tok == NULL)
        die("unexpected tracking URL %s", url);
    snprintf(out, size, "%.*s%s%s", (int)(k + 1 - p), p, key, tok);
}

static void sweep(void)
{
    mtrk_tenant *a = A.t;
    mtrk_id nil = { { 0 } };

    /* ---- contacts ---- */
    mtrk_contact *c = NULL;
    SWEEP(mtrk_contact_get, MTRK_ENOTFOUND, &c, a, B.c1);
    SWEEP(mtrk_contact_find, MTRK_ENOTFOUND, &c, a, B.only_address);
    SWEEP(mtrk_contact_set_field, MTRK_ENOTFOUND, a, B.c1, "plan", "hijack");
    SWEEP(mtrk_contact_set_field, MTRK_ENOTFOUND, a, B.c1, "plan", NULL);
    SWEEP(mtrk_contact_set_name, MTRK_ENOTFOUND, a, B.c1, "hijack");
    SWEEP(mtrk_contact_set_name, MTRK_ENOTFOUND, a, B.c1, NULL);
    mtrk_contact_spec consent = MTRK_CONTACT_SPEC_INIT;
    consent.consent_source = "hijack";
    consent.consent_at = 1;
    SWEEP(mtrk_contact_set_consent, MTRK_ENOTFOUND, a, B.c1, &consent);
    SWEEP(mtrk_contact_set_status, MTRK_ENOTFOUND, a, B.c1, MTRK_CONTACT_BOUNCED);
    SWEEP(mtrk_contact_set_status, MTRK_ENOTFOUND, a, B.c1, MTRK_CONTACT_ACTIVE);
    SWEEP(mtrk_contact_erase, MTRK_ENOTFOUND, a, B.c1);
    char *json = NULL;
    SWEEP(mtrk_contact_export_json, MTRK_ENOTFOUND, &json, a, B.c1);
    mtrk_free(json);

    /* ---- audiences ---- */
    mtrk_audience *au = NULL;
    SWEEP(mtrk_audience_get, MTRK_ENOTFOUND, &au, a, B.aud);
    SWEEP(mtrk_audience_rename, MTRK_ENOTFOUND, a, B.aud, "hijack");
    SWEEP(mtrk_audience_delete, MTRK_ENOTFOUND, a, B.aud);
    SWEEP(mtrk_audience_add, MTRK_ENOTFOUND, NULL, a, B.aud, A.extra);
    SWEEP(mtrk_audience_add, MTRK_ENOTFOUND, NULL, a, A.aud, B.extra);
    SWEEP(mtrk_audience_add, MTRK_ENOTFOUND, NULL, a, B.aud, B.extra);
    SWEEP(mtrk_audience_remove, MTRK_ENOTFOUND, NULL, a, B.aud, A.c1);
    /* Removing an unknown contact from one's own audience is a no-op success
     * (as for any unknown id): it must remove nothing. */
    int removed = -1;
    SWEEP(mtrk_audience_remove, MTRK_OK, &removed, a, A.aud, B.c1);
    if (removed != 0) {
        fprintf(stderr, "isolation: removing B's contact from A's audience reported %d removed\n", removed);
        failures++;
    }
    SWEEP(mtrk_audience_remove, MTRK_ENOTFOUND, NULL, a, B.aud, B.c1);
    mtrk_id mixed[2] = { A.extra, B.extra };
    mtrk_id theirs[2] = { B.c1, B.c2 };
    SWEEP(mtrk_audience_add_batch, MTRK_ENOTFOUND, NULL, a, A.aud, mixed, 2);
    SWEEP(mtrk_audience_add_batch, MTRK_ENOTFOUND, NULL, a, B.aud, mixed, 1);
    SWEEP(mtrk_audience_remove_batch, MTRK_ENOTFOUND, NULL, a, B.aud, theirs, 2);
    size_t nremoved = 99;
    SWEEP(mtrk_audience_remove_batch, MTRK_OK, &nremoved, a, A.aud, theirs, 2);
    if (nremoved != 0) {
        fprintf(stderr, "isolation: removing B's contacts from A's audience reported %zu removed\n", nremoved);
        failures++;
    }
    uint64_t count = 0;
    SWEEP(mtrk_audience_count, MTRK_ENOTFOUND, &count, a, B.aud);
    mtrk_member_iter *mit = NULL;
    SWEEP(mtrk_member_iter_new, MTRK_ENOTFOUND, &mit, a, B.aud);
    mtrk_member_iter_free(mit);

    /* ---- unsubscribes and suppressions ---- */
    SWEEP(mtrk_unsub_add, MTRK_ENOTFOUND, NULL, a, B.c1, MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_MANUAL);
    SWEEP(mtrk_unsub_add, MTRK_ENOTFOUND, NULL, a, A.c1, MTRK_UNSUB_CAMPAIGN, B.camp, MTRK_SOURCE_MANUAL);
    SWEEP(mtrk_unsub_add, MTRK_ENOTFOUND, NULL, a, A.c1, MTRK_UNSUB_AUDIENCE, B.aud, MTRK_SOURCE_MANUAL);
    SWEEP(mtrk_unsub_remove, MTRK_ENOTFOUND, a, B.c2, MTRK_UNSUB_CAMPAIGN, B.camp);
    SWEEP(mtrk_unsub_remove, MTRK_ENOTFOUND, a, A.c2, MTRK_UNSUB_CAMPAIGN, B.camp);
    mtrk_unsub_iter *uit = NULL;
    SWEEP(mtrk_unsub_iter_new, MTRK_ENOTFOUND, &uit, a, B.c2);
    mtrk_unsub_iter_free(uit);
    SWEEP(mtrk_suppression_remove, MTRK_ENOTFOUND, a, MTRK_SUPPRESS_ADDRESS, B.only_suppressed);
    mtrk_suppression_kind kind = MTRK_SUPPRESS_ADDRESS;
    SWEEP(mtrk_suppression_check, MTRK_OK, &kind, a, B.only_suppressed);
    if (kind != 0) {
        fprintf(stderr, "isolation: tenant A sees B's suppression of %s\n", B.only_suppressed);
        failures++;
    }

    /* ---- campaigns, links, generation ---- */
    mtrk_campaign *ca = NULL;
    SWEEP(mtrk_campaign_get, MTRK_ENOTFOUND, &ca, a, B.camp);
    mtrk_campaign_spec spec;
    spec_of(&spec, "hijack");
    SWEEP(mtrk_campaign_edit, MTRK_ENOTFOUND, a, B.draft, &spec);
    SWEEP(mtrk_campaign_edit, MTRK_ENOTFOUND, a, B.camp, &spec);
    SWEEP(mtrk_campaign_set_status, MTRK_ENOTFOUND, a, B.camp, MTRK_CAMPAIGN_CANCELED);
    SWEEP(mtrk_campaign_set_status, MTRK_ENOTFOUND, a, B.draft, MTRK_CAMPAIGN_SCHEDULED);
    SWEEP(mtrk_campaign_attach_audience, MTRK_ENOTFOUND, NULL, a, A.draft, B.aud);
    SWEEP(mtrk_campaign_attach_audience, MTRK_ENOTFOUND, NULL, a, B.draft, A.aud);
    SWEEP(mtrk_campaign_detach_audience, MTRK_ENOTFOUND, a, A.draft, B.aud);
    SWEEP(mtrk_campaign_detach_audience, MTRK_ENOTFOUND, a, B.draft, B.aud);
    mtrk_id ids[4];
    size_t n = 0;
    SWEEP(mtrk_campaign_audiences, MTRK_ENOTFOUND, ids, 4, &n, a, B.camp);
    mtrk_id lid = nil;
    SWEEP(mtrk_link_add, MTRK_ENOTFOUND, &lid, a, B.draft, "https://evil.example.com/", "x", 1);
    SWEEP(mtrk_link_add, MTRK_ENOTFOUND, &lid, a, B.camp, "https://evil.example.com/", "x", 1);
    mtrk_link *li = NULL;
    SWEEP(mtrk_link_get, MTRK_ENOTFOUND, &li, a, B.link);
    mtrk_id found = nil;
    SWEEP(mtrk_link_find, MTRK_ENOTFOUND, &found, a, B.camp, "Manual");
    mtrk_link_iter *lit = NULL;
    SWEEP(mtrk_link_iter_new, MTRK_ENOTFOUND, &lit, a, B.camp);
    mtrk_link_iter_free(lit);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    SWEEP(mtrk_campaign_generate, MTRK_ENOTFOUND, &rep, a, B.camp);
    mtrk_exclusion why = MTRK_EXCL_NONE;
    SWEEP(mtrk_campaign_check_contact, MTRK_ENOTFOUND, &why, a, B.camp, A.c1);
    SWEEP(mtrk_campaign_check_contact, MTRK_ENOTFOUND, &why, a, A.camp, B.c1);

    /* ---- messages and the queue ---- */
    mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
    SWEEP(mtrk_message_get, MTRK_ENOTFOUND, &mi, a, B.mid1);
    SWEEP(mtrk_message_find, MTRK_ENOTFOUND, &mi, a, B.camp, B.c1);
    SWEEP(mtrk_message_find, MTRK_ENOTFOUND, &mi, a, A.camp, B.c1);
    SWEEP(mtrk_message_find, MTRK_ENOTFOUND, &mi, a, B.camp, A.c1);
    mtrk_message_iter *msit = NULL;
    SWEEP(mtrk_message_iter_new, MTRK_ENOTFOUND, &msit, a, B.camp);
    mtrk_message_iter_free(msit);
    mtrk_id mids[4];
    size_t canceled = 0;
    SWEEP(mtrk_queue_claim, MTRK_ENOTFOUND, mids, &n, &canceled, a, B.camp, 4, 60000);
    SWEEP(mtrk_queue_mark_sent, MTRK_ENOTFOUND, a, B.mid2, 0, "esp", "pm-x");
    SWEEP(mtrk_queue_release, MTRK_ENOTFOUND, a, B.mid2);
    mtrk_rendered rd = MTRK_RENDERED_INIT;
    SWEEP(mtrk_message_render, MTRK_ENOTFOUND, &rd, a, B.mid1);
    mtrk_rendered_clear(&rd);
    mtrk_render_options ro = MTRK_RENDER_OPTIONS_INIT;
    ro.return_path = "bounces@b.example.com";
    ro.provider = "sendgrid";
    SWEEP(mtrk_message_render_with, MTRK_ENOTFOUND, &rd, a, B.mid1, &ro);
    mtrk_rendered_clear(&rd);
    /* B's signed return path does not verify with A's keys. */
    mtrk_rendered brd = MTRK_RENDERED_INIT;
    OK(mtrk_message_render_with(&brd, B.t, B.mid1, &ro));
    mtrk_id vmid = nil;
    SWEEP(mtrk_bounce_verp_verify, MTRK_ESIGNATURE, &vmid, a, brd.return_path);
    mtrk_rendered_clear(&brd);

    /* ---- landing pages and leads ---- */
    mtrk_id lp = nil;
    SWEEP(mtrk_landing_page_create, MTRK_ENOTFOUND, &lp, a, B.draft, "x", "https://evil.example.com/");
    SWEEP(mtrk_landing_page_find, MTRK_ENOTFOUND, &lp, a, B.camp);
    char *lpurl = NULL;
    SWEEP(mtrk_landing_page_url, MTRK_ENOTFOUND, &lpurl, &lp, a, B.camp);
    mtrk_free(lpurl);
    mtrk_lead_input lin = MTRK_LEAD_INPUT_INIT;
    lin.landing_page = B.lp;
    lin.lead_key = "lead-2"; /* "lead-1" is a duplicate in A too: answered as A's own lead */
    lin.address = "same@example.com";
    lin.mid = B.mid1;
    mtrk_lead_info linfo = MTRK_LEAD_INFO_INIT;
    SWEEP(mtrk_lead_capture, MTRK_ENOTFOUND, &linfo, NULL, a, &lin);
    /* A's own landing page with B's mid and rid: they are hints, ignored like
     * unknown ids; the lead is A's, attributed to A's campaign alone. */
    lin.landing_page = A.lp;
    lin.lead_key = "lead-foreign-hints";
    lin.rid = B.c1;
    SWEEP_WRITES_A(mtrk_lead_capture, MTRK_OK, &linfo, NULL, a, &lin);
    if (linfo.attribution != MTRK_ATTR_CAMPAIGN || !mtrk_id_is_nil(linfo.mid) || !mtrk_id_is_nil(linfo.recipient)
        || mtrk_id_compare(linfo.campaign, A.camp) != 0) {
        fprintf(stderr, "isolation: a lead of A carrying B's mid and rid was attributed to them (attribution %d)\n",
                (int)linfo.attribution);
        failures++;
    }
    mtrk_lead_iter *leit = NULL;
    SWEEP(mtrk_lead_iter_new, MTRK_ENOTFOUND, &leit, a, B.camp);
    mtrk_lead_iter_free(leit);

    /* ---- events ---- */
    mtrk_event_input e;
    mtrk_event_outcome out = MTRK_EVENT_OUTCOME_INIT;
    event_of(&e, MTRK_EV_OPEN, B.mid1, "foreign-1");
    SWEEP(mtrk_event_record, MTRK_ENOTFOUND, &out, a, &e);
    event_of(&e, MTRK_EV_CLICK, A.mid1, "foreign-2");
    e.lid = B.link;
    SWEEP(mtrk_event_record, MTRK_ENOTFOUND, &out, a, &e);
    event_of(&e, MTRK_EV_UNSUBSCRIBE, A.mid1, "foreign-3");
    e.unsub_scope = MTRK_UNSUB_AUDIENCE;
    e.unsub_audience = B.aud;
    SWEEP(mtrk_event_record, MTRK_ENOTFOUND, &out, a, &e);
    /* A webhook request naming B's message: kept aside in A as a message
     * not found (A may change), never recorded in B; a replay in A records
     * nothing. */
    {
        mtrk_webhook_settings ws = MTRK_WEBHOOK_SETTINGS_INIT;
        ws.allow_unsigned = 1;
        OK(mtrk_webhook_settings_set(a, "sendgrid", &ws));
        char body[640], bm[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(bm, B.mid1);
        long long ts = 1767225600LL - 60; /* the fixed clock, in seconds */
        snprintf(body, sizeof body,
                 "[{\"email\":\"x@example.com\",\"timestamp\":%lld,\"event\":\"click\",\"url\":\"%s\","
                 "\"sg_event_id\":\"wh-foreign-1\",\"mtrk_mid\":\"%s\"},"
                 "{\"email\":\"x@example.com\",\"timestamp\":%lld,\"event\":\"delivered\","
                 "\"sg_event_id\":\"wh-foreign-2\",\"mtrk_mid\":\"%s\"}]",
                 ts, "https://shop.example.com/a", bm, ts, bm);
        mtrk_webhook_request wr = MTRK_WEBHOOK_REQUEST_INIT;
        wr.provider = "sendgrid";
        wr.body = body;
        wr.len = strlen(body);
        mtrk_webhook_result *wres = NULL;
        SWEEP_WRITES_A(mtrk_webhook_ingest, MTRK_OK, &wres, a, &wr);
        if (wres == NULL || wres->recorded != 0 || wres->dead_lettered != 2) {
            fprintf(stderr, "isolation.c:%d: a webhook naming B's message was not kept aside in A\n", __LINE__);
            failures++;
        }
        mtrk_webhook_result_free(wres);
        size_t wrec = 9, wleft = 0;
        SWEEP(mtrk_deadletter_replay, MTRK_OK, &wrec, &wleft, a, NULL);
        if (wrec != 0 || wleft < 2) {
            fprintf(stderr, "isolation.c:%d: a replay in A recorded B's message's events\n", __LINE__);
            failures++;
        }
    }
    /* B's message cannot take a provider message id in A; a payload kept
     * for B's event is not A's to read. */
    SWEEP(mtrk_message_provider_id_set, MTRK_ENOTFOUND, a, B.mid1, "sendgrid", "foreign-pmid");
    {
        char *pl = NULL;
        SWEEP(mtrk_webhook_payload_get, MTRK_ENOTFOUND, &pl, a, B.event);
        mtrk_free(pl);
    }
    /* A provider event id only B has seen: not a duplicate in A. */
    event_of(&e, MTRK_EV_DELIVERED, B.mid1, B.only_peid);
    SWEEP(mtrk_event_record, MTRK_ENOTFOUND, &out, a, &e);
    /* One both have seen ("e-1"), named with B's message: in A it is a
     * conflict with A's own event (as with any message A does not have),
     * answered with A's event. */
    event_of(&e, MTRK_EV_DELIVERED, B.mid1, "e-1");
    SWEEP(mtrk_event_record, MTRK_EEXISTS, &out, a, &e);
    if (!out.conflict || out.duplicate || mtrk_id_compare(out.event_id, A.event) != 0) {
        fprintf(stderr, "isolation: a repeated provider event id was not answered with A's own event\n");
        failures++;
    }
    {
        mtrk_event_input e1, e2;
        event_of(&e1, MTRK_EV_OPEN, B.mid1, "foreign-b1");
        event_of(&e2, MTRK_EV_BOUNCE, B.mid2, "foreign-b2");
        e2.bounce_kind = MTRK_BOUNCE_HARD;
        const mtrk_event_input *evs[2] = { &e1, &e2 };
        mtrk_event_outcome o1 = MTRK_EVENT_OUTCOME_INIT, o2 = MTRK_EVENT_OUTCOME_INIT;
        mtrk_event_outcome *outs[2] = { &o1, &o2 };
        size_t recorded = 99;
        SWEEP(mtrk_event_record_batch, MTRK_OK, &recorded, outs, a, evs, 2);
        if (recorded != 0 || o1.status != MTRK_ENOTFOUND || o2.status != MTRK_ENOTFOUND) {
            fprintf(stderr, "isolation: a batch of B's events through A: recorded %zu, outcomes %d %d\n", recorded,
                    o1.status, o2.status);
            failures++;
        }
    }
    {
        /* A parsed bounce naming B's message, under a policy that would
         * suppress at once. */
        mtrk_bounce_recipient br = MTRK_BOUNCE_RECIPIENT_INIT;
        br.mid = B.mid2;
        br.reason = MTRK_BR_USER_UNKNOWN;
        br.kind = MTRK_BOUNCE_HARD;
        mtrk_bounce_action applied = MTRK_BOUNCE_ACTION_IGNORE;
        SWEEP(mtrk_bounce_record, MTRK_ENOTFOUND, &out, &applied, a, &br, 0, "mta", "foreign-bounce");
    }
    mtrk_event_iter *eit = NULL;
    SWEEP(mtrk_event_iter_message, MTRK_ENOTFOUND, &eit, a, B.mid1);
    mtrk_event_iter_free(eit);
    eit = NULL;
    SWEEP(mtrk_event_iter_contact, MTRK_ENOTFOUND, &eit, a, B.c1);
    mtrk_event_iter_free(eit);
    eit = NULL;
    SWEEP(mtrk_event_iter_campaign, MTRK_ENOTFOUND, &eit, a, B.camp, (mtrk_event_type)0, 0, 0);
    mtrk_event_iter_free(eit);

    /* ---- metrics ---- */
    mtrk_metrics m = MTRK_METRICS_INIT, m2 = MTRK_METRICS_INIT;
    SWEEP(mtrk_metrics_campaign, MTRK_ENOTFOUND, &m, a, B.camp);
    mtrk_metrics *ms[2] = { &m, &m2 };
    mtrk_id pair[2] = { A.camp, B.camp };
    SWEEP(mtrk_metrics_compare, MTRK_ENOTFOUND, ms, a, pair, 2);
    mtrk_link_stats ls = MTRK_LINK_STATS_INIT;
    mtrk_link_stats *lss[1] = { &ls };
    SWEEP(mtrk_metrics_links, MTRK_ENOTFOUND, lss, 1, &n, a, B.camp);
    SWEEP(mtrk_bounce_facts_message, MTRK_ENOTFOUND, NULL, 0, &n, a, B.mid1);
    static uint64_t reasons[MTRK_BOUNCE_REASON_COUNT];
    SWEEP(mtrk_bounce_reason_counts, MTRK_ENOTFOUND, reasons, MTRK_BOUNCE_REASON_COUNT, a, B.camp);
    static uint64_t hourly[48 * MTRK_EV_TYPE_COUNT];
    SWEEP(mtrk_metrics_hourly, MTRK_ENOTFOUND, hourly, 48 * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &n, a, B.camp,
          3600000, 3600000 * 40);
    mtrk_time first_hour = 0;
    SWEEP(mtrk_metrics_first_hour, MTRK_ENOTFOUND, &first_hour, a, B.camp, 0);

    /* ---- tracking ---- */
    char *url = NULL;
    SWEEP(mtrk_track_url, MTRK_ENOTFOUND, &url, a, MTRK_URL_OPEN, B.mid1, nil);
    SWEEP(mtrk_track_url, MTRK_ENOTFOUND, &url, a, MTRK_URL_CLICK, A.mid1, B.link);
    SWEEP(mtrk_track_url, MTRK_ENOTFOUND, &url, a, MTRK_URL_LANDING, B.mid1, nil);
    mtrk_free(url);
    static const char *const methods[] = { "GET", "POST" };
    for (int k = MTRK_URL_OPEN; k <= MTRK_URL_LANDING; k++) {
        for (int mth = 0; mth < (k == MTRK_URL_UNSUBSCRIBE ? 2 : 1); mth++) {
            char path[4096];
            mtrk_track_request req = MTRK_TRACK_REQUEST_INIT;
            mtrk_track_result res = MTRK_TRACK_RESULT_INIT;
            req.method = methods[mth];
            req.body = mth ? "List-Unsubscribe=One-Click" : NULL;
            req.body_len = mth ? strlen(req.body) : 0;
            req.user_agent = "Mozilla/5.0";
            req.ip = "198.51.100.4";
            /* B's URL as it is: it names B. */
            path_of(path, sizeof path, B.url[k], NULL);
            req.path = path;
            SWEEP(mtrk_track_resolve, MTRK_ETENANT, &res, a, &req, NULL);
            /* B's token under A's name: B's signature does not verify with A's keys. */
            path_of(path, sizeof path, B.url[k], mtrk_tenant_key(a));
            SWEEP2(mtrk_track_resolve, MTRK_ESIGNATURE, MTRK_ENOTFOUND, &res, a, &req, NULL);
            SWEEP_HITS(mtrk_track_resolve_batch, MTRK_ESIGNATURE, MTRK_ENOTFOUND, &res, a, &req);
            path_of(path, sizeof path, B.url[k], NULL);
            SWEEP_HITS(mtrk_track_resolve_batch, MTRK_ETENANT, MTRK_ETENANT, &res, a, &req);
        }
    }

    /* ---- API tokens ---- */
    SWEEP(mtrk_api_token_revoke, MTRK_ENOTFOUND, a, B.token);
    {
        char who[MTRK_MAX_TENANT_KEY + 1];
        if (mtrk_db_api_token_find(who, sizeof who, g_db, B.token_secret) != MTRK_OK ||
            strcmp(who, mtrk_tenant_key(B.t)) != 0) {
            fprintf(stderr, "isolation: B's API token does not name B after A's sweep (%s)\n", who);
            failures++;
        }
    }

    /* ---- simulator ---- */
    mtrk_sim_options so = MTRK_SIM_OPTIONS_INIT;
    so.seed = 7;
    SWEEP(mtrk_simulate, MTRK_ENOTFOUND, NULL, a, B.camp, &so);
    mtrk_sim_link_weight wgt = { B.link, 1.0 };
    so.link_weights = &wgt;
    so.nlink_weights = 1;
    /* A's campaign with B's link as the only weighted link: refused before anything is written. */
    SWEEP2(mtrk_simulate, MTRK_ENOTFOUND, MTRK_EINVAL, NULL, a, A.camp, &so);
}

static mtrk_time fixed_clock(void *ud)
{
    (void)ud;
    return 1767225600000LL; /* 2026-01-01 */
}

int main(int argc, char **argv)
{
    if (argc != 2 || (strcmp(argv[1], "memory") != 0 && strcmp(argv[1], "sqlite") != 0)) {
        fprintf(stderr, "usage: isolation memory|sqlite\n");
        return 2;
    }
    char dir[] = "/tmp/mtrk-isolation.XXXXXX";
    char path[64] = "";
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fixed_clock;
    o.synchronous = MTRK_SYNC_OFF;
    if (strcmp(argv[1], "memory") == 0) {
        OK(mtrk_store_memory_new(&g_store));
    } else {
        if (mkdtemp(dir) == NULL)
            die("mkdtemp failed");
        snprintf(path, sizeof path, "%s/iso.db", dir);
        OK(mtrk_store_sqlite_new(&g_store, path, &o));
    }
    mtrk_db *db = NULL;
    OK(mtrk_db_open_store(&db, g_store, &o));
    g_db = db;
    build(&A, db, "alpha", "alpha-only@example.com", "alpha-blocked@example.com");
    build(&B, db, "beta", "beta-only@example.com", "beta-blocked@example.com");

    unsigned char da[32], db_[32];
    uint64_t ra = digest(da, mtrk_tenant_id(A.t));
    uint64_t rb = digest(db_, mtrk_tenant_id(B.t));
    if (ra == 0 || rb == 0 || ra != rb)
        die("the look-alike tenants hold %llu and %llu rows (expected the same, non-zero)", (unsigned long long)ra,
            (unsigned long long)rb);

    sweep();

    /* And the same sweep the other way round: B with A's ids. */
    world tmp = A;
    A = B;
    B = tmp;
    sweep();

    printf("isolation (%s): %d calls with the other tenant's ids and tokens, %llu rows per tenant; %d problem(s)\n",
           argv[1], calls, (unsigned long long)ra, failures);
    unbuild(&A);
    unbuild(&B);
    mtrk_db_close(db);
    mtrk_store_free(g_store);
    if (path[0]) {
        char f[96];
        static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
        for (int i = 0; i < 4; i++) {
            snprintf(f, sizeof f, "%s%s", path, sfx[i]);
            unlink(f);
        }
        rmdir(dir);
    }
    return failures ? 1 : 0;
}
