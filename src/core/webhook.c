/*
 * Provider webhooks, the recording part: one request verified and parsed by
 * its adapter (src/webhook/), its events mapped to mtrk_event_input and
 * recorded through the batch path, and those that cannot be recorded kept in
 * the dead-letter store, all in the caller's one write transaction. Also the
 * per-provider keys and settings the adapters verify with.
 */
#include "bounce_int.h"
#include "webhook_int.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WH_KEY_MAX 8192

MTRK_API const char *mtrk_webhook_verdict_name(mtrk_webhook_verdict v)
{
    switch (v) {
    case MTRK_WEBHOOK_ACCEPTED: return "accepted";
    case MTRK_WEBHOOK_SIGNATURE_REFUSED: return "signature_refused";
    case MTRK_WEBHOOK_MALFORMED: return "malformed";
    case MTRK_WEBHOOK_CONFIRM: return "confirm";
    case MTRK_WEBHOOK_REPLAYED: return "replayed";
    default: return NULL;
    }
}

MTRK_API const char *mtrk_webhook_provider_name(size_t i)
{
    for (size_t k = 0; wh_adapters[k] != NULL; k++)
        if (k == i)
            return wh_adapters[k]->name;
    return NULL;
}

MTRK_API int mtrk_webhook_request_init(mtrk_webhook_request *r, unsigned int version)
{
    int rc = init_check(r, "request", "mtrk_webhook_request", version, MTRK_WEBHOOK_REQUEST_VERSION);
    if (rc)
        return rc;
    *r = (mtrk_webhook_request)MTRK_WEBHOOK_REQUEST_INIT;
    return MTRK_OK;
}

MTRK_API int mtrk_webhook_key_info_init(mtrk_webhook_key_info *info, unsigned int version)
{
    int rc = init_check(info, "info", "mtrk_webhook_key_info", version, MTRK_WEBHOOK_KEY_INFO_VERSION);
    if (rc)
        return rc;
    *info = (mtrk_webhook_key_info)MTRK_WEBHOOK_KEY_INFO_INIT;
    return MTRK_OK;
}

MTRK_API int mtrk_webhook_settings_init(mtrk_webhook_settings *s, unsigned int version)
{
    int rc = init_check(s, "settings", "mtrk_webhook_settings", version, MTRK_WEBHOOK_SETTINGS_VERSION);
    if (rc)
        return rc;
    *s = (mtrk_webhook_settings)MTRK_WEBHOOK_SETTINGS_INIT;
    return MTRK_OK;
}

int wh_check_provider(mtrk_tenant *t, const char *provider, bool required)
{
    if (provider == NULL && !required)
        return MTRK_OK;
    if (provider == NULL || *provider == '\0')
        return terr(t, MTRK_EINVAL, "provider is NULL or empty");
    if (wh_adapter_find(provider) == NULL)
        return terr(t, MTRK_EINVAL, "provider '%.64s' unknown (sendgrid, ses, mailgun, postmark, sparkpost, brevo, "
                                    "mailjet, resend, mandrill, mailersend, postal)",
                    provider);
    return MTRK_OK;
}

/* ---- keys and settings ---------------------------------------------------- */

typedef struct key_list {
    row_webhook_keys rows[MTRK_WEBHOOK_MAX_KEYS + 1];
    size_t n;       /* rows kept (at most the array) */
    size_t total;   /* rows seen */
    int64_t max_id;
} key_list;

static int key_list_cb(void *ud, void *row)
{
    key_list *l = ud;
    const row_webhook_keys *r = row;
    if (r->key_id > l->max_id)
        l->max_id = r->key_id;
    if (l->n < sizeof l->rows / sizeof l->rows[0]) {
        if (rows_copy(T_WEBHOOK_KEYS, &l->rows[l->n], r) != MTRK_OK)
            return MTRK_ENOMEM;
        l->n++;
    }
    l->total++;
    return 0;
}

static void key_list_clear(key_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        rows_clear(T_WEBHOOK_KEYS, &l->rows[i]);
    l->n = 0;
}

static int keys_read(mtrk_tenant *t, const char *provider, key_list *l)
{
    memset(l, 0, sizeof *l);
    mtrk_value p[2] = { v_id(&t->id), v_text(provider) };
    int rc = st_scan(t, T_WEBHOOK_KEYS, MTRK_INDEX_PK, p, 2, NULL, 0, 0, key_list_cb, l);
    if (rc)
        key_list_clear(l);
    return rc;
}

static void fingerprint(const char *key, char out[17])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(h, (const unsigned char *)key, strlen(key));
    static const char hx[] = "0123456789abcdef";
    for (int i = 0; i < 8; i++) {
        out[2 * i] = hx[h[i] >> 4];
        out[2 * i + 1] = hx[h[i] & 15];
    }
    out[16] = '\0';
}

MTRK_API int mtrk_webhook_key_add(mtrk_tenant *t, const char *provider, const char *key)
{
    TENANT_CHECK(t);
    int rc = wh_check_provider(t, provider, true);
    if (rc == MTRK_OK)
        rc = check_str(t, "key", key, WH_KEY_MAX, true);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    key_list l;
    rc = keys_read(t, provider, &l);
    for (size_t i = 0; rc == MTRK_OK && i < l.n; i++)
        if (strcmp(l.rows[i].secret, key) == 0)
            rc = terr(t, MTRK_EEXISTS, "this key is already set for provider %s", provider);
    if (rc == MTRK_OK && l.total >= MTRK_WEBHOOK_MAX_KEYS)
        rc = terr(t, MTRK_ESTATE, "provider %s has %d keys already: remove the old one first", provider,
                  MTRK_WEBHOOK_MAX_KEYS);
    if (rc == MTRK_OK) {
        row_webhook_keys r = { 0 };
        r.tenant = t->id;
        r.provider = (char *)provider;
        r.key_id = l.max_id + 1;
        r.secret = (char *)key;
        r.created_at = core_now(t->db);
        rc = st_insert(t, T_WEBHOOK_KEYS, &r);
    }
    if (rc == MTRK_OK) {
        char fp[17];
        fingerprint(key, fp);
        rc = audit_addf(t, "webhook.key.add", &t->id, "{\"provider\":\"%s\",\"fingerprint\":\"%s\"}", provider, fp);
    }
    key_list_clear(&l);
    return tx_end(t, rc);
}

MTRK_API int mtrk_webhook_key_remove(mtrk_tenant *t, const char *provider, const char *name)
{
    TENANT_CHECK(t);
    int rc = wh_check_provider(t, provider, true);
    if (rc == MTRK_OK)
        rc = check_str(t, "key_or_fingerprint", name, WH_KEY_MAX, true);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    key_list l;
    rc = keys_read(t, provider, &l);
    const row_webhook_keys *hit = NULL;
    char fp[17] = "";
    for (size_t i = 0; rc == MTRK_OK && hit == NULL && i < l.n; i++) {
        fingerprint(l.rows[i].secret, fp);
        if (strcmp(l.rows[i].secret, name) == 0 || strcmp(fp, name) == 0)
            hit = &l.rows[i];
    }
    if (rc == MTRK_OK && hit == NULL)
        rc = terr(t, MTRK_ENOTFOUND, "no key of provider %s is or has the fingerprint given", provider);
    if (rc == MTRK_OK)
        rc = st_delete(t, T_WEBHOOK_KEYS, hit);
    if (rc == MTRK_OK)
        rc = audit_addf(t, "webhook.key.remove", &t->id, "{\"provider\":\"%s\",\"fingerprint\":\"%s\"}", provider, fp);
    key_list_clear(&l);
    return tx_end(t, rc);
}

typedef struct keys_out {
    mtrk_tenant *t;
    mtrk_webhook_key_info *const *outs;
    size_t cap, n;
} keys_out;

static int keys_out_cb(void *ud, void *row)
{
    keys_out *k = ud;
    const row_webhook_keys *r = row;
    if (k->n < k->cap) {
        mtrk_webhook_key_info *o = k->outs[k->n];
        char fp[17];
        fingerprint(r->secret, fp);
        o->provider = tenant_keep(k->t, r->provider);
        o->fingerprint = tenant_keep(k->t, fp);
        o->created_at = r->created_at;
        if (o->provider == NULL || o->fingerprint == NULL)
            return MTRK_ENOMEM;
    }
    k->n++;
    return 0;
}

MTRK_API int mtrk_webhook_keys(mtrk_webhook_key_info *const *outs, size_t cap, size_t *out_count, mtrk_tenant *t,
                               const char *provider)
{
    if (out_count == NULL)
        return gerr(MTRK_EINVAL, "out_count is NULL");
    *out_count = 0;
    if (outs == NULL && cap > 0)
        return gerr(MTRK_EINVAL, "outs is NULL");
    TENANT_CHECK(t);
    int rc = wh_check_provider(t, provider, false);
    if (rc == MTRK_OK)
        rc = check_versions(t, "outs", (const void *const *)outs, cap, MTRK_WEBHOOK_KEY_INFO_VERSION);
    if (rc)
        return rc;
    rc = tx_begin(t, false);
    if (rc)
        return rc;
    keys_out k = { t, outs, cap, 0 };
    mtrk_value p[2] = { v_id(&t->id), v_text(provider) };
    rc = st_scan(t, T_WEBHOOK_KEYS, MTRK_INDEX_PK, p, provider ? 2 : 1, NULL, 0, 0, keys_out_cb, &k);
    rc = tx_end(t, rc);
    if (rc == MTRK_ENOMEM)
        return terr(t, rc, "out of memory listing webhook keys");
    if (rc)
        return rc;
    *out_count = k.n;
    return MTRK_OK;
}

/* The provider's settings row (defaults when absent). */
static int settings_read(mtrk_tenant *t, const char *provider, mtrk_webhook_settings *out)
{
    row_webhook_settings r = { 0 };
    r.tenant = t->id;
    r.provider = (char *)provider;
    int rc = st_get(t, T_WEBHOOK_SETTINGS, &r);
    out->tolerance_ms = 0;
    out->allow_unsigned = 0;
    if (rc == MTRK_ENOTFOUND)
        return MTRK_OK;
    if (rc)
        return rc;
    out->tolerance_ms = r.tolerance_ms;
    out->allow_unsigned = (int)r.allow_unsigned;
    rows_clear(T_WEBHOOK_SETTINGS, &r);
    return MTRK_OK;
}

MTRK_API int mtrk_webhook_settings_set(mtrk_tenant *t, const char *provider, const mtrk_webhook_settings *s)
{
    TENANT_CHECK(t);
    int rc = wh_check_provider(t, provider, true);
    if (rc == MTRK_OK)
        rc = check_version(t, "settings", s, MTRK_WEBHOOK_SETTINGS_VERSION);
    if (rc)
        return rc;
    if (s->allow_unsigned != 0 && s->allow_unsigned != 1)
        return terr(t, MTRK_EINVAL, "settings->allow_unsigned is %d (0 or 1)", s->allow_unsigned);
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_webhook_settings r = { 0 };
    r.tenant = t->id;
    r.provider = (char *)provider;
    r.tolerance_ms = s->tolerance_ms;
    r.allow_unsigned = s->allow_unsigned;
    r.updated_at = core_now(t->db);
    rc = st_put(t, T_WEBHOOK_SETTINGS, &r);
    if (rc == MTRK_OK)
        rc = audit_addf(t, "webhook.settings", &t->id,
                        "{\"provider\":\"%s\",\"tolerance_ms\":%lld,\"allow_unsigned\":%d}", provider,
                        (long long)s->tolerance_ms, s->allow_unsigned);
    return tx_end(t, rc);
}

MTRK_API int mtrk_webhook_settings_get(mtrk_webhook_settings *out, mtrk_tenant *t, const char *provider)
{
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_WEBHOOK_SETTINGS_VERSION);
    if (rc == MTRK_OK)
        rc = wh_check_provider(t, provider, true);
    if (rc)
        return rc;
    rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = settings_read(t, provider, out);
    return tx_end(t, rc);
}

/* ---- recording ------------------------------------------------------------- */

/* The clicks of a request: their messages' campaigns read at once (one
 * st_get_many, one round trip where the store has get_many), and each
 * campaign's link catalogue read once. */
typedef struct click_msg {
    mtrk_id mid, campaign;
    bool found;
} click_msg;

typedef struct link_cat {
    mtrk_id campaign;
    row_links *v;
    size_t n, cap;
} link_cat;

typedef struct click_map {
    click_msg *msgs; /* sorted by mid, unique */
    size_t nmsgs;
    link_cat *cats;  /* one per campaign met */
    size_t ncats, capcats;
} click_map;

static int click_msg_cmp(const void *a, const void *b)
{
    return memcmp(&((const click_msg *)a)->mid, &((const click_msg *)b)->mid, sizeof(mtrk_id));
}

static int click_msg_cb(void *ud, void *row)
{
    click_map *c = ud;
    const row_messages *m = row;
    click_msg key = { .mid = m->id };
    click_msg *hit = bsearch(&key, c->msgs, c->nmsgs, sizeof *c->msgs, click_msg_cmp);
    if (hit != NULL) {
        hit->campaign = m->campaign;
        hit->found = true;
    }
    return 0;
}

static int link_cat_cb(void *ud, void *row)
{
    link_cat *c = ud;
    if (c->n == c->cap) {
        row_links *p = grow_array(c->v, &c->cap, sizeof *p, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        c->v = p;
    }
    if (rows_copy(T_LINKS, &c->v[c->n], row) != MTRK_OK)
        return MTRK_ENOMEM;
    c->n++;
    return 0;
}

static void click_map_clear(click_map *c)
{
    for (size_t k = 0; k < c->ncats; k++) {
        for (size_t i = 0; i < c->cats[k].n; i++)
            rows_clear(T_LINKS, &c->cats[k].v[i]);
        free(c->cats[k].v);
    }
    free(c->cats);
    free(c->msgs);
    memset(c, 0, sizeof *c);
}

/* Reads the campaigns of the messages mids[0..n-1] (any order, repeats
 * allowed) into c. */
static int click_map_load(mtrk_tenant *t, click_map *c, const mtrk_id *mids, size_t n)
{
    if (n == 0)
        return MTRK_OK;
    c->msgs = calloc(n, sizeof *c->msgs);
    mtrk_value *keys = malloc(2 * n * sizeof *keys);
    int rc = MTRK_OK;
    if (c->msgs == NULL || keys == NULL) {
        rc = terr(t, MTRK_ENOMEM, "out of memory reading the clicked messages");
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        c->msgs[i].mid = mids[i];
    qsort(c->msgs, n, sizeof *c->msgs, click_msg_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || !id_eq(c->msgs[u - 1].mid, c->msgs[i].mid))
            c->msgs[u++] = c->msgs[i];
    c->nmsgs = u;
    for (size_t i = 0; i < u; i++) {
        keys[2 * i] = v_id(&t->id);
        keys[2 * i + 1] = v_id(&c->msgs[i].mid);
    }
    rc = st_get_many(t, T_MESSAGES, keys, u, click_msg_cb, c);
out:
    free(keys);
    return rc;
}

/* The catalogue of a campaign, read on first use. */
static int click_cat(mtrk_tenant *t, click_map *c, mtrk_id campaign, const link_cat **out)
{
    for (size_t k = 0; k < c->ncats; k++)
        if (id_eq(c->cats[k].campaign, campaign)) {
            *out = &c->cats[k];
            return MTRK_OK;
        }
    if (c->ncats == c->capcats) {
        link_cat *p = grow_array(c->cats, &c->capcats, sizeof *p, 4);
        if (p == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory reading a link catalogue");
        c->cats = p;
    }
    link_cat *cat = &c->cats[c->ncats++];
    memset(cat, 0, sizeof *cat);
    cat->campaign = campaign;
    mtrk_value p[2] = { v_id(&t->id), v_id(&campaign) };
    int rc = st_scan(t, T_LINKS, IDX_LINKS_CAMPAIGN, p, 2, NULL, 0, 0, link_cat_cb, cat);
    if (rc == MTRK_ENOMEM)
        rc = terr(t, rc, "out of memory reading a link catalogue");
    *out = cat;
    return rc;
}

/* The lid of a click: the message's campaign's link with the clicked URL;
 * when the URL is there more than once, the one at the position the
 * provider reports, else the first. MTRK_ENOTFOUND when the message is
 * unknown, or 0 with *lid nil when no link matches. */
static int click_lid(mtrk_tenant *t, click_map *c, const wh_event *ev, mtrk_id *lid)
{
    *lid = nil_id;
    click_msg key = { .mid = ev->mid };
    const click_msg *m = bsearch(&key, c->msgs, c->nmsgs, sizeof *c->msgs, click_msg_cmp);
    if (m == NULL || !m->found)
        return MTRK_ENOTFOUND;
    const link_cat *cat = NULL;
    int rc = click_cat(t, c, m->campaign, &cat);
    if (rc || ev->url == NULL)
        return rc;
    const row_links *first = NULL;
    for (size_t i = 0; i < cat->n; i++) {
        if (strcmp(cat->v[i].url, ev->url) != 0)
            continue;
        if (first == NULL)
            first = &cat->v[i];
        if (ev->link_index >= 0 && cat->v[i].position == ev->link_index) {
            first = &cat->v[i];
            break;
        }
    }
    if (first != NULL)
        *lid = first->id;
    return MTRK_OK;
}

static void bounce_facts_of(mtrk_event_input *in, const wh_event *ev, const char *provider);

/* Keeps ev aside with its reason: a new dead letter, or the one its key
 * already has (a provider retry), whose reason is brought up to date.
 * *existed says which. */
static int dead_letter(mtrk_tenant *t, const char *provider, wh_event *ev, const char *reason, mtrk_time now,
                       int *existed)
{
    *existed = 0;
    if (ev->key == NULL)
        wh_key_from_raw(ev);
    if (ev->key == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory keeping a dead letter");
    row_deadletters old = { 0 };
    mtrk_value k[3] = { v_id(&t->id), v_text(provider), v_text(ev->key) };
    int rc = st_find(t, T_DEADLETTERS, IDX_DEADLETTERS_KEY, k, 3, &old);
    if (rc == MTRK_OK) {
        *existed = 1;
        if (strcmp(old.reason, reason) != 0) {
            row_deadletters upd;
            rc = rows_copy(T_DEADLETTERS, &upd, &old);
            if (rc == MTRK_OK) {
                free(upd.reason);
                upd.reason = xstrdup(reason);
                rc = upd.reason ? st_update_from(t, T_DEADLETTERS, &old, &upd) : MTRK_ENOMEM;
                rows_clear(T_DEADLETTERS, &upd);
            }
        }
        rows_clear(T_DEADLETTERS, &old);
        return rc;
    }
    if (rc != MTRK_ENOTFOUND)
        return rc;
    row_deadletters r = { 0 };
    r.tenant = t->id;
    r.id = core_id_new(t->db);
    r.provider = (char *)provider;
    r.event_key = ev->key;
    r.reason = (char *)reason;
    r.provider_type = ev->provider_type;
    r.type = ev->mapped ? (int64_t)ev->type : 0;
    r.message = ev->has_mid ? ev->mid : nil_id;
    r.provider_message_id = ev->provider_message_id;
    r.occurred_at = ev->occurred_at;
    r.arrived_at = now;
    r.recipient = ev->recipient;
    r.url = ev->url;
    r.link_index = ev->link_index;
    r.user_agent = ev->user_agent;
    r.ip = ev->ip;
    r.verdict = ev->verdict;
    r.verdict_reason = ev->verdict_reason;
    r.bounce_kind = ev->bounce_kind;
    r.diagnostic = ev->diagnostic;
    r.unsub_scope = ev->unsub_scope;
    r.payload = ev->raw;
    r.send_id = ev->send_id;
    if (ev->mapped && ev->type == MTRK_EV_BOUNCE) {
        /* The facts as the event input takes them, so that a replay records
         * the bounce under the same reason and policy (deadletter.c). */
        mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
        bounce_facts_of(&in, ev, provider);
        r.bounce_reason = in.bounce_reason;
        r.smtp_code = in.smtp_code;
        r.bounce_status = (char *)in.bounce_status;
        r.bounce_type = (char *)in.bounce_type;
        r.bounce_subtype = (char *)in.bounce_subtype;
    }
    return st_insert(t, T_DEADLETTERS, &r);
}

/* A bounce's facts from the provider's bounce object, through the taxonomy
 * (bounce_table.c), or as a dead letter kept them: the reason decides hard
 * or soft. A fact the event input would refuse (a status that is no RFC 3463
 * code, a code out of range, an overlong provider category) is left out
 * rather than refusing the event. */
static void bounce_facts_of(mtrk_event_input *in, const wh_event *ev, const char *provider)
{
    mtrk_bounce_reason r = ev->reason_kept ? ev->kept_reason
                                           : wh_bounce_reason(provider, ev->bounce_type, ev->bounce_subtype,
                                                              ev->smtp_code, ev->enhanced_status, ev->diagnostic);
    in->bounce_kind = mtrk_bounce_reason_kind(r) == MTRK_BOUNCE_HARD ? MTRK_BOUNCE_HARD : MTRK_BOUNCE_SOFT;
    in->diagnostic = ev->diagnostic;
    in->bounce_reason = r;
    in->smtp_code = ev->smtp_code >= 200 && ev->smtp_code <= 599 ? ev->smtp_code : 0;
    int c, s, d;
    const char *st = ev->enhanced_status;
    if (st != NULL && strlen(st) <= 32 && bounce_status_parse(&c, &s, &d, st) == (int)strlen(st) &&
        (c == 2 || c == 4 || c == 5))
        in->bounce_status = st;
    in->bounce_type = ev->bounce_type && strlen(ev->bounce_type) <= MTRK_MAX_PROVIDER ? ev->bounce_type : NULL;
    in->bounce_subtype =
        ev->bounce_subtype && strlen(ev->bounce_subtype) <= MTRK_MAX_PROVIDER ? ev->bounce_subtype : NULL;
}

static void to_input(mtrk_event_input *in, const wh_event *ev, const char *provider, mtrk_id lid)
{
    *in = (mtrk_event_input)MTRK_EVENT_INPUT_INIT;
    in->type = ev->type;
    in->mid = ev->mid;
    in->lid = ev->type == MTRK_EV_CLICK ? lid : nil_id;
    in->occurred_at = ev->occurred_at;
    in->provider = provider;
    in->provider_event_id = ev->key;
    in->provider_message_id = ev->provider_message_id;
    if (ev->type == MTRK_EV_BOUNCE)
        bounce_facts_of(in, ev, provider);
    if (ev->type == MTRK_EV_OPEN || ev->type == MTRK_EV_CLICK) {
        in->user_agent = ev->user_agent;
        in->ip = ev->ip;
        /* The provider's machine flag is kept as the verdict; otherwise the
         * handle's machine rules judge, as for any event. */
        if (ev->verdict == MTRK_VERDICT_MACHINE) {
            in->verdict = MTRK_VERDICT_MACHINE;
            in->verdict_reason = ev->verdict_reason ? ev->verdict_reason : "provider";
        }
    }
    if (ev->type == MTRK_EV_UNSUBSCRIBE) {
        /* A provider's own list or group is no mtrk audience: such an
         * unsubscribe holds for the message's campaign (docs/providers.md). */
        in->unsub_scope = ev->unsub_scope == MTRK_UNSUB_AUDIENCE ? MTRK_UNSUB_CAMPAIGN : MTRK_UNSUB_GLOBAL;
    }
}

static char *strfmt(const char *fmt, const char *a)
{
    size_t n = strlen(fmt) + (a ? strlen(a) : 0) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, fmt, a ? a : "");
    return p;
}

static int keep_reason(mtrk_tenant *t, char **dst, char *p)
{
    *dst = p;
    return p ? MTRK_OK : terr(t, MTRK_ENOMEM, "out of memory keeping a dead letter");
}

int wh_record(mtrk_tenant *t, const char *provider, mtrk_time now, wh_batch *b)
{
    size_t n = b->n;
    int rc = MTRK_OK;
    mtrk_event_input *in = calloc(n ? n : 1, sizeof *in);
    const mtrk_event_input **inp = calloc(n ? n : 1, sizeof *inp);
    mtrk_event_outcome **outp = calloc(n ? n : 1, sizeof *outp);
    size_t *idx = calloc(n ? n : 1, sizeof *idx);
    char **reason = calloc(n ? n : 1, sizeof *reason);
    click_map clicks = { 0 };
    if (!in || !inp || !outp || !idx || !reason) {
        rc = terr(t, MTRK_ENOMEM, "out of memory recording a webhook request");
        goto done;
    }
    /* The tenant's payload setting, as stored now (another handle may have changed it). */
    bool keep = false;
    {
        row_tenants tr = { 0 };
        tr.id = t->id;
        rc = st_get(t, T_TENANTS, &tr);
        if (rc == MTRK_OK)
            keep = tr.keep_webhook_payloads != 0;
        rows_clear(T_TENANTS, &tr);
        if (rc == MTRK_ENOTFOUND)
            rc = terr(t, rc, "tenant \"%s\" no longer exists", t->key);
        if (rc)
            goto done;
    }
    /* First the events' messages (the mid echoed, or the provider's
     * message id recorded at send time); the clicks' messages and link
     * catalogues are then read at once, not per click. */
    size_t nclicks = 0;
    for (size_t i = 0; i < n && rc == MTRK_OK; i++) {
        wh_event *ev = b->evs[i];
        mtrk_event_outcome_init(&b->outs[i], MTRK_EVENT_OUTCOME_VERSION);
        b->lids[i] = nil_id;
        if (ev->error != NULL) {
            b->outs[i].status = MTRK_EINVAL;
            b->msgs[i] = xstrdup(ev->error);
            continue;
        }
        if (!ev->mapped) {
            rc = keep_reason(t, &reason[i], strfmt("unmapped event type '%.64s'", ev->provider_type));
            b->unmapped++;
            continue;
        }
        if (!ev->has_mid) {
            /* The provider's message id recorded at send time (webhook_data.c):
             * the id the send call returned where the event carries another. */
            const char *pid = ev->send_id ? ev->send_id : ev->provider_message_id;
            mtrk_id found;
            int lr = pid ? wh_provider_id_lookup(t, provider, pid, &found) : MTRK_ENOTFOUND;
            if (lr == MTRK_OK) {
                ev->has_mid = 1;
                ev->mid = found;
            } else if (lr == MTRK_ENOTFOUND) {
                rc = keep_reason(t, &reason[i],
                                 pid ? strfmt("no mid echoed, and provider message id '%.128s' is not recorded "
                                              "(mtrk_message_provider_id_set)", pid)
                                     : xstrdup("no mid echoed, and no provider message id"));
                continue;
            } else {
                rc = lr;
                break;
            }
        }
        if (ev->type == MTRK_EV_CLICK)
            idx[nclicks++] = i;
    }
    if (rc == MTRK_OK && nclicks > 0) {
        mtrk_id *cm = malloc(nclicks * sizeof *cm);
        if (cm == NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory reading the clicked messages");
        for (size_t j = 0; rc == MTRK_OK && j < nclicks; j++)
            cm[j] = b->evs[idx[j]]->mid;
        if (rc == MTRK_OK)
            rc = click_map_load(t, &clicks, cm, nclicks);
        free(cm);
    }
    size_t m = 0;
    for (size_t i = 0; i < n && rc == MTRK_OK; i++) {
        wh_event *ev = b->evs[i];
        if (ev->error != NULL || reason[i] != NULL)
            continue;
        if (ev->type == MTRK_EV_CLICK) {
            rc = click_lid(t, &clicks, ev, &b->lids[i]);
            if (rc == MTRK_ENOTFOUND) {
                char ids[MTRK_ID_STRLEN + 1];
                mtrk_id_to_string(ids, ev->mid);
                rc = keep_reason(t, &reason[i], strfmt("message %s not found", ids));
                continue;
            }
            if (rc)
                break;
            if (id_is_nil(b->lids[i])) {
                rc = keep_reason(t, &reason[i], strfmt("clicked URL not in the campaign's link catalogue: %.512s", ev->url ? ev->url : "(none)"));
                continue;
            }
        }
        to_input(&in[m], ev, provider, b->lids[i]);
        inp[m] = &in[m];
        outp[m] = &b->outs[i];
        idx[m] = i;
        m++;
    }
    if (rc == MTRK_OK && m > 0) {
        size_t recorded = 0;
        rc = core_event_batch(t, inp, m, outp, &recorded);
        for (size_t j = 0; rc == MTRK_OK && j < m; j++) {
            size_t i = idx[j];
            mtrk_event_outcome *o = &b->outs[i];
            if (o->status == MTRK_ENOTFOUND && o->argument && strcmp(o->argument, "mid") == 0) {
                char ids[MTRK_ID_STRLEN + 1];
                mtrk_id_to_string(ids, b->evs[i]->mid);
                rc = keep_reason(t, &reason[i], strfmt("message %s not found", ids));
                mtrk_event_outcome_init(o, MTRK_EVENT_OUTCOME_VERSION);
                continue;
            }
            if (o->message)
                b->msgs[i] = xstrdup(o->message);
            /* The original object, when the tenant keeps them (not for a
             * duplicate: the first arrival's is kept). */
            if (keep && o->status == MTRK_OK && !o->duplicate && b->evs[i]->raw != NULL)
                rc = wh_payload_keep(t, provider, o->event_id, b->evs[i]->mid, now, b->evs[i]->raw);
        }
    }
    /* The dead letters, after the batch: it runs first in the transaction. */
    for (size_t i = 0; i < n && rc == MTRK_OK; i++) {
        if (reason[i] == NULL)
            continue;
        int existed = 0;
        rc = dead_letter(t, provider, b->evs[i], reason[i], now, &existed);
        if (rc)
            break;
        b->outs[i].dead_lettered = 1;
        b->outs[i].duplicate = existed;
        b->msgs[i] = xstrdup(reason[i]);
    }
    for (size_t i = 0; i < n && rc == MTRK_OK; i++) {
        mtrk_event_outcome *o = &b->outs[i];
        o->message = b->msgs[i];
        if (o->dead_lettered) {
            b->dead_lettered++;
            if (o->duplicate)
                b->duplicates++;
        } else if (o->status == MTRK_OK) {
            if (o->duplicate)
                b->duplicates++;
            else
                b->recorded++;
        } else if (o->conflict) {
            b->conflicts++;
        } else {
            b->refused++;
        }
    }
done:
    click_map_clear(&clicks);
    for (size_t i = 0; reason && i < n; i++)
        free(reason[i]);
    free(reason);
    free(in);
    free(inp);
    free(outp);
    free(idx);
    return rc;
}

/* ---- the public call ---------------------------------------------------------- */

/* The result and what it owns. */
typedef struct result_impl {
    mtrk_webhook_result pub;
    wh_result wr;
    char message[WH_MSG];
    mtrk_webhook_event *events;
    const mtrk_webhook_event **eventp;
    mtrk_event_outcome *outs;
    const mtrk_event_outcome **outp;
    wh_event **evs;
    mtrk_id *lids;
    char **msgs;
} result_impl;

MTRK_API void mtrk_webhook_result_free(mtrk_webhook_result *res)
{
    if (res == NULL)
        return;
    result_impl *r = (result_impl *)res;
    for (size_t i = 0; r->msgs && i < r->wr.n; i++)
        free(r->msgs[i]);
    free(r->msgs);
    wh_result_free(&r->wr);
    free(r->events);
    free(r->eventp);
    free(r->outs);
    free(r->outp);
    free(r->evs);
    free(r->lids);
    free(r);
}

static int secrets_load(mtrk_tenant *t, const char *provider, key_list *keys, mtrk_webhook_settings *set,
                        wh_secrets *sec)
{
    int rc = keys_read(t, provider, keys);
    if (rc == MTRK_OK)
        rc = settings_read(t, provider, set);
    if (rc)
        return rc;
    for (size_t i = 0; i < keys->n && i < WH_MAX_KEYS; i++)
        sec->keys[i] = keys->rows[i].secret;
    sec->tolerance_ms = set->tolerance_ms;
    sec->allow_unsigned = set->allow_unsigned;
    return MTRK_OK;
}

MTRK_API int mtrk_webhook_ingest(mtrk_webhook_result **out, mtrk_tenant *t, const mtrk_webhook_request *req)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    int rc = check_version(t, "request", req, MTRK_WEBHOOK_REQUEST_VERSION);
    if (rc)
        return rc;
    if (req->provider == NULL)
        return terr(t, MTRK_EINVAL, "request->provider is NULL");
    result_impl *r = calloc(1, sizeof *r);
    if (r == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    r->pub.version = MTRK_WEBHOOK_RESULT_VERSION;
    r->pub.message = r->message;
    const char *provider = req->provider;
    const wh_adapter *a = wh_adapter_find(provider);
    rc = tx_begin(t, true);
    if (rc) {
        free(r);
        return rc;
    }
    key_list keys = { 0 };
    mtrk_webhook_settings set = MTRK_WEBHOOK_SETTINGS_INIT;
    wh_secrets sec = { 0 };
    if (a != NULL)
        rc = secrets_load(t, provider, &keys, &set, &sec);
    sec.get_cert = (wh_cert_fn)req->get_cert;
    sec.cert_userdata = req->cert_userdata;
    if (rc == MTRK_OK) {
        wh_request wq = { 0 };
        wq.headers = (const wh_header *)req->headers;
        wq.nheaders = req->nheaders;
        wq.body = req->body;
        wq.len = req->len;
        wq.url = req->url;
        wq.now = core_now(t->db);
        wq.secrets = &sec;
        wq.body_limit = req->body_limit;
        wh_process(&r->wr, provider, &wq);
        if (r->wr.verdict == WH_ACCEPTED && r->wr.nonce != NULL) {
            /* webhook_data.c: a signed token seen within the tolerance is a replay. */
            bool replayed = false;
            rc = wh_nonce_check(t, provider, r->wr.nonce, wq.now, r->wr.nonce_expires, &replayed);
            if (rc == MTRK_OK && replayed) {
                wh_result_free(&r->wr);
                wh_fail(&r->wr, WH_REPLAYED, "%s request already received: its signed token was accepted within "
                                             "the timestamp tolerance (a replay, or a retry of a recorded request)",
                        provider);
            }
        }
        r->pub.verdict = (mtrk_webhook_verdict)r->wr.verdict;
        memcpy(r->message, r->wr.message, sizeof r->message);
        r->pub.confirm_url = r->wr.confirm_url;
    }
    size_t n = r->wr.verdict == WH_ACCEPTED ? r->wr.n : 0;
    if (rc == MTRK_OK && r->wr.verdict == WH_ACCEPTED) {
        r->events = calloc(n ? n : 1, sizeof *r->events);
        r->eventp = calloc(n ? n : 1, sizeof *r->eventp);
        r->outs = calloc(n ? n : 1, sizeof *r->outs);
        r->outp = calloc(n ? n : 1, sizeof *r->outp);
        r->evs = calloc(n ? n : 1, sizeof *r->evs);
        r->lids = calloc(n ? n : 1, sizeof *r->lids);
        r->msgs = calloc(n ? n : 1, sizeof *r->msgs);
        if (!r->events || !r->eventp || !r->outs || !r->outp || !r->evs || !r->lids || !r->msgs)
            rc = terr(t, MTRK_ENOMEM, "out of memory reading a webhook request");
        for (size_t i = 0; rc == MTRK_OK && i < n; i++)
            r->evs[i] = &r->wr.events[i];
        if (rc == MTRK_OK) {
            wh_batch b = { r->evs, n, r->outs, r->lids, r->msgs, 0, 0, 0, 0, 0, 0 };
            rc = wh_record(t, provider, core_now(t->db), &b);
            r->pub.recorded = b.recorded;
            r->pub.duplicates = b.duplicates;
            r->pub.conflicts = b.conflicts;
            r->pub.dead_lettered = b.dead_lettered;
            r->pub.unmapped = b.unmapped;
            r->pub.refused = b.refused;
        }
    }
    key_list_clear(&keys);
    rc = tx_end(t, rc); /* a refused request wrote nothing */
    if (rc) {
        mtrk_webhook_result_free(&r->pub);
        return rc;
    }
    if (r->wr.verdict != WH_ACCEPTED)
        terr(t, MTRK_EINVAL, "webhook request refused (%s): %s", mtrk_webhook_verdict_name(r->pub.verdict),
             r->message);
    for (size_t i = 0; i < n; i++) {
        const wh_event *ev = r->evs[i];
        mtrk_webhook_event *e = &r->events[i];
        e->version = MTRK_WEBHOOK_EVENT_VERSION;
        e->provider_type = ev->provider_type;
        e->type = ev->mapped ? ev->type : (mtrk_event_type)0;
        e->mid = ev->has_mid ? ev->mid : nil_id;
        e->lid = r->lids[i];
        e->key = ev->key;
        e->provider_message_id = ev->provider_message_id;
        e->occurred_at = ev->occurred_at;
        r->eventp[i] = e;
        r->outp[i] = &r->outs[i];
    }
    r->pub.n = n;
    r->pub.events = r->eventp;
    r->pub.outcomes = r->outp;
    *out = &r->pub;
    return MTRK_OK;
}
