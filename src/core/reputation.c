/* Reputation guards: rolling complaint and bounce rates per tenant and per
 * sending domain, from the hourly rollups (read only), with warning and
 * pause thresholds; a pause stops the scope's sending campaigns and its
 * claims until an explicit resume. docs/bounces.md, "Reputation guards". */
#include "campaign_area.h"
#include "reputation_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The scope key of the whole tenant (a domain never is "*"). */
#define SCOPE_TENANT "*"

/* ---- settings ------------------------------------------------------------------ */

void core_bounce_settings_defaults(row_bounce_settings *r, mtrk_id tenant)
{
    memset(r, 0, sizeof *r);
    r->tenant = tenant;
    r->window_ms = MTRK_REPUTATION_DEFAULT_WINDOW_MS;
    r->min_sent = 1000;
    r->complaint_warn_ppm = 1000;   /* 0.1 % */
    r->complaint_pause_ppm = 3000;  /* 0.3 % */
    r->bounce_warn_ppm = 50000;     /* 5 % */
    r->bounce_pause_ppm = 100000;   /* 10 % */
    r->suppression_expiry_ms = 0;
}

int core_bounce_settings_load(mtrk_tenant *t, row_bounce_settings *out)
{
    memset(out, 0, sizeof *out);
    out->tenant = t->id;
    int rc = st_get(t, T_BOUNCE_SETTINGS, out);
    if (rc == MTRK_ENOTFOUND) {
        core_bounce_settings_defaults(out, t->id);
        return MTRK_OK;
    }
    return rc;
}

MTRK_API const char *mtrk_reputation_level_name(mtrk_reputation_level level)
{
    switch (level) {
    case MTRK_REPUTATION_OK: return "ok";
    case MTRK_REPUTATION_WARNING: return "warning";
    case MTRK_REPUTATION_PAUSED: return "paused";
    }
    return NULL;
}

MTRK_API int mtrk_reputation_settings_init(mtrk_reputation_settings *s, unsigned int version)
{
    int rc = init_check(s, "settings", "mtrk_reputation_settings", version, MTRK_REPUTATION_SETTINGS_VERSION);
    if (rc)
        return rc;
    mtrk_reputation_settings d = MTRK_REPUTATION_SETTINGS_INIT;
    *s = d;
    s->version = version;
    return MTRK_OK;
}

MTRK_API int mtrk_reputation_init(mtrk_reputation *r, unsigned int version)
{
    int rc = init_check(r, "reputation", "mtrk_reputation", version, MTRK_REPUTATION_VERSION);
    if (rc)
        return rc;
    mtrk_reputation d = MTRK_REPUTATION_INIT;
    *r = d;
    r->version = version;
    return MTRK_OK;
}

static double from_ppm(int64_t ppm) { return (double)ppm / 1e6; }

MTRK_API int mtrk_reputation_settings_get(mtrk_reputation_settings *out, mtrk_tenant *t)
{
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_REPUTATION_SETTINGS_VERSION);
    if (rc)
        return rc;
    row_bounce_settings r;
    if ((rc = tx_begin(t, false)))
        return rc;
    rc = tx_end(t, core_bounce_settings_load(t, &r));
    if (rc)
        return rc;
    out->window_ms = r.window_ms;
    out->min_sent = (uint64_t)r.min_sent;
    out->complaint_warn = from_ppm(r.complaint_warn_ppm);
    out->complaint_pause = from_ppm(r.complaint_pause_ppm);
    out->bounce_warn = from_ppm(r.bounce_warn_ppm);
    out->bounce_pause = from_ppm(r.bounce_pause_ppm);
    return MTRK_OK;
}

/* A threshold: a fraction in [0, 1], kept to the millionth. */
static int check_rate(mtrk_tenant *t, const char *what, double v, int64_t *ppm)
{
    if (isnan(v) || v < 0.0 || v > 1.0)
        return terr(t, MTRK_EINVAL, "%s %g is not a rate between 0 and 1 (0.003 is 0.3 %%)", what, v);
    *ppm = (int64_t)llround(v * 1e6);
    return MTRK_OK;
}

static void settings_json(strbuf *b, const row_bounce_settings *r)
{
    sb_printf(b,
              "{\"window_ms\":%lld,\"min_sent\":%lld,\"complaint_warn\":%.6f,\"complaint_pause\":%.6f,"
              "\"bounce_warn\":%.6f,\"bounce_pause\":%.6f}",
              (long long)r->window_ms, (long long)r->min_sent, from_ppm(r->complaint_warn_ppm),
              from_ppm(r->complaint_pause_ppm), from_ppm(r->bounce_warn_ppm), from_ppm(r->bounce_pause_ppm));
}

MTRK_API int mtrk_reputation_settings_set(mtrk_tenant *t, const mtrk_reputation_settings *s)
{
    TENANT_CHECK(t);
    int rc = check_version(t, "settings", s, MTRK_REPUTATION_SETTINGS_VERSION);
    if (rc)
        return rc;
    if (s->window_ms < MTRK_REPUTATION_MIN_WINDOW_MS || s->window_ms > MTRK_REPUTATION_MAX_WINDOW_MS)
        return terr(t, MTRK_EINVAL, "window_ms %lld is not between one hour and 31 days",
                    (long long)s->window_ms);
    if (s->min_sent > (uint64_t)INT64_MAX)
        return terr(t, MTRK_EINVAL, "min_sent is too large");
    int64_t cw = 0, cp = 0, bw = 0, bp = 0;
    if ((rc = check_rate(t, "complaint_warn", s->complaint_warn, &cw)) ||
        (rc = check_rate(t, "complaint_pause", s->complaint_pause, &cp)) ||
        (rc = check_rate(t, "bounce_warn", s->bounce_warn, &bw)) ||
        (rc = check_rate(t, "bounce_pause", s->bounce_pause, &bp)))
        return rc;
    if (cw && cp && cw > cp)
        return terr(t, MTRK_EINVAL, "complaint_warn %g is above complaint_pause %g", s->complaint_warn,
                    s->complaint_pause);
    if (bw && bp && bw > bp)
        return terr(t, MTRK_EINVAL, "bounce_warn %g is above bounce_pause %g", s->bounce_warn, s->bounce_pause);
    if ((rc = tx_begin(t, true)))
        return rc;
    row_bounce_settings old, r;
    rc = core_bounce_settings_load(t, &old);
    if (rc == MTRK_OK) {
        r = old;
        r.window_ms = s->window_ms;
        r.min_sent = (int64_t)s->min_sent;
        r.complaint_warn_ppm = cw;
        r.complaint_pause_ppm = cp;
        r.bounce_warn_ppm = bw;
        r.bounce_pause_ppm = bp;
        r.updated_at = core_now(t->db);
        rc = st_put(t, T_BOUNCE_SETTINGS, &r);
    }
    if (rc == MTRK_OK) {
        strbuf b = { 0 };
        sb_add(&b, "{\"from\":");
        settings_json(&b, &old);
        sb_add(&b, ",\"to\":");
        settings_json(&b, &r);
        sb_add(&b, "}");
        rc = b.oom ? terr(t, MTRK_ENOMEM, "out of memory") : audit_add(t, "reputation.settings", NULL, b.p);
        sb_free(&b);
    }
    return tx_end(t, rc);
}

/* ---- figures --------------------------------------------------------------------- */

typedef struct scope_fig {
    char *scope;            /* SCOPE_TENANT or a domain (owned) */
    int64_t from_hour;      /* first hour counted */
    uint64_t sent, delivered, bounces, complaints;
    int64_t state, changed_at, since;
} scope_fig;

typedef struct camp_ent {
    mtrk_id id;
    size_t scope;           /* index of its domain's scope */
    int64_t status;
} camp_ent;

typedef struct figs {
    scope_fig *v;
    size_t n, cap;
    camp_ent *c;
    size_t nc, capc;
    row_bounce_settings set;
    mtrk_time now;
    int oom;
} figs;

static void figs_free(figs *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].scope);
    free(f->v);
    free(f->c);
    memset(f, 0, sizeof *f);
}

static size_t scope_find(const figs *f, const char *scope)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->v[i].scope, scope) == 0)
            return i;
    return SIZE_MAX;
}

/* The scope's index, added when missing; SIZE_MAX when out of memory. */
static size_t scope_add(figs *f, const char *scope)
{
    size_t i = scope_find(f, scope);
    if (i != SIZE_MAX)
        return i;
    if (f->n == f->cap) {
        scope_fig *p = grow_array(f->v, &f->cap, sizeof *p, 8);
        if (p == NULL)
            return SIZE_MAX;
        f->v = p;
    }
    scope_fig *s = &f->v[f->n];
    memset(s, 0, sizeof *s);
    if ((s->scope = xstrdup(scope)) == NULL)
        return SIZE_MAX;
    return f->n++;
}

static int state_cb(void *ud, void *row)
{
    figs *f = ud;
    const row_reputation_state *r = row;
    size_t i = scope_add(f, r->scope);
    if (i == SIZE_MAX)
        return MTRK_ENOMEM;
    f->v[i].state = r->level;
    f->v[i].changed_at = r->changed_at;
    f->v[i].since = r->since;
    return 0;
}

/* The scope key of a campaign's from address: its domain (normalized:
 * lower case), or the tenant's when it has none. */
static const char *domain_of(const char *from)
{
    const char *at = from ? strrchr(from, '@') : NULL;
    return at && at[1] ? at + 1 : SCOPE_TENANT;
}

static int camp_cb(void *ud, void *row)
{
    figs *f = ud;
    const row_campaigns *c = row;
    size_t i = scope_add(f, domain_of(c->from_address));
    if (i == SIZE_MAX)
        return MTRK_ENOMEM;
    if (f->nc == f->capc) {
        camp_ent *p = grow_array(f->c, &f->capc, sizeof *p, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        f->c = p;
    }
    f->c[f->nc].id = c->id;
    f->c[f->nc].scope = i;
    f->c[f->nc].status = c->status;
    f->nc++;
    return 0;
}

static int64_t hour_floor(int64_t x) { return x >= 0 ? x / HOUR_MS * HOUR_MS : -((-x + HOUR_MS - 1) / HOUR_MS) * HOUR_MS; }

struct hour_ctx {
    scope_fig *a, *b; /* the tenant's and the domain's */
};

static void fig_add(scope_fig *s, const row_hourly_stats *h)
{
    if (h->hour < s->from_hour || h->count <= 0)
        return;
    switch (h->type) {
    case MTRK_EV_SENT: s->sent += (uint64_t)h->count; break;
    case MTRK_EV_DELIVERED: s->delivered += (uint64_t)h->count; break;
    case MTRK_EV_BOUNCE: s->bounces += (uint64_t)h->count; break;
    case MTRK_EV_COMPLAINT: s->complaints += (uint64_t)h->count; break;
    default: break;
    }
}

static int hour_cb(void *ud, void *row)
{
    struct hour_ctx *x = ud;
    fig_add(x->a, row);
    if (x->b != x->a)
        fig_add(x->b, row);
    return 0;
}

/* Reads settings, stored states, the campaigns and their rollups in the
 * window into *f (inside the caller's transaction). The tenant's scope is
 * f->v[0]. */
static int figs_load(mtrk_tenant *t, figs *f)
{
    memset(f, 0, sizeof *f);
    f->now = core_now(t->db);
    int rc = core_bounce_settings_load(t, &f->set);
    if (rc)
        return rc;
    if (scope_add(f, SCOPE_TENANT) == SIZE_MAX)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre = v_id(&t->id);
    if ((rc = st_scan(t, T_REPUTATION_STATE, MTRK_INDEX_PK, &pre, 1, NULL, 0, 0, state_cb, f)) ||
        (rc = st_scan(t, T_CAMPAIGNS, MTRK_INDEX_PK, &pre, 1, NULL, 0, 0, camp_cb, f)))
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
    int64_t base = hour_floor(f->now - f->set.window_ms);
    for (size_t i = 0; i < f->n; i++) {
        scope_fig *s = &f->v[i];
        s->from_hour = base;
        if (s->since > 0) {
            int64_t after = hour_floor(s->since) + HOUR_MS; /* the first whole hour after it */
            if (after > s->from_hour)
                s->from_hour = after;
        }
    }
    for (size_t k = 0; k < f->nc; k++) {
        struct hour_ctx x = { &f->v[0], &f->v[f->c[k].scope] };
        int64_t start_hour = x.a->from_hour < x.b->from_hour ? x.a->from_hour : x.b->from_hour;
        mtrk_value cpre[2] = { v_id(&t->id), v_id(&f->c[k].id) };
        mtrk_value start = v_int(start_hour);
        if ((rc = st_scan(t, T_HOURLY_STATS, MTRK_INDEX_PK, cpre, 2, &start, 1, 0, hour_cb, &x)))
            return rc;
    }
    return MTRK_OK;
}

static double rate(uint64_t n, uint64_t d) { return d ? (double)n / (double)d : 0.0; }
static double complaint_rate(const scope_fig *s)
{
    return rate(s->complaints, s->delivered ? s->delivered : s->sent);
}
static double bounce_rate(const scope_fig *s) { return rate(s->bounces, s->sent); }

/* Does rate r reach threshold ppm (0: off)? Compared in ppm of the rate
 * rounded up, so a rate exactly at the threshold reaches it. */
static bool reaches(double r, int64_t ppm) { return ppm > 0 && r * 1e6 >= (double)ppm - 1e-6; }

static mtrk_reputation_level level_of(const row_bounce_settings *set, const scope_fig *s)
{
    if (s->sent == 0 || s->sent < (uint64_t)set->min_sent)
        return MTRK_REPUTATION_OK;
    double cr = complaint_rate(s), br = bounce_rate(s);
    if (reaches(cr, set->complaint_pause_ppm) || reaches(br, set->bounce_pause_ppm))
        return MTRK_REPUTATION_PAUSED;
    if (reaches(cr, set->complaint_warn_ppm) || reaches(br, set->bounce_warn_ppm))
        return MTRK_REPUTATION_WARNING;
    return MTRK_REPUTATION_OK;
}

static const char *public_domain(const char *scope) { return strcmp(scope, SCOPE_TENANT) == 0 ? "" : scope; }

/* The audit detail of a scope's figures, with the thresholds. */
static void fig_json(strbuf *b, const figs *f, const scope_fig *s, const char *extra)
{
    sb_add(b, "{\"domain\":");
    sb_json_str(b, public_domain(s->scope));
    sb_printf(b,
              ",\"complaint_rate\":%.6f,\"bounce_rate\":%.6f,\"sent\":%llu,\"delivered\":%llu,\"bounces\":%llu,"
              "\"complaints\":%llu,\"window_from\":%lld,\"window_ms\":%lld,\"min_sent\":%lld,"
              "\"complaint_warn\":%.6f,\"complaint_pause\":%.6f,\"bounce_warn\":%.6f,\"bounce_pause\":%.6f",
              complaint_rate(s), bounce_rate(s), (unsigned long long)s->sent, (unsigned long long)s->delivered,
              (unsigned long long)s->bounces, (unsigned long long)s->complaints, (long long)s->from_hour,
              (long long)f->set.window_ms, (long long)f->set.min_sent, from_ppm(f->set.complaint_warn_ppm),
              from_ppm(f->set.complaint_pause_ppm), from_ppm(f->set.bounce_warn_ppm),
              from_ppm(f->set.bounce_pause_ppm));
    if (extra)
        sb_add(b, extra);
    sb_add(b, "}");
}

static int audit_fig(mtrk_tenant *t, const char *action, const figs *f, const scope_fig *s, const char *extra)
{
    strbuf b = { 0 };
    fig_json(&b, f, s, extra);
    int rc = b.oom ? terr(t, MTRK_ENOMEM, "out of memory") : audit_add(t, action, NULL, b.p);
    sb_free(&b);
    return rc;
}

static int state_write(mtrk_tenant *t, const figs *f, scope_fig *s, int64_t level, int64_t since)
{
    row_reputation_state r;
    memset(&r, 0, sizeof r);
    r.tenant = t->id;
    r.scope = s->scope;
    r.level = level;
    r.changed_at = f->now;
    r.since = since;
    r.sent = (int64_t)s->sent;
    r.delivered = (int64_t)s->delivered;
    r.bounces = (int64_t)s->bounces;
    r.complaints = (int64_t)s->complaints;
    int rc = st_put(t, T_REPUTATION_STATE, &r);
    if (rc == MTRK_OK) {
        s->state = level;
        s->changed_at = f->now;
        s->since = since;
    }
    return rc;
}

static int campaign_move(mtrk_tenant *t, mtrk_id id, int64_t to, mtrk_time now, const char *detail)
{
    row_campaigns c;
    int rc = cam_load(t, id, &c);
    if (rc)
        return rc;
    int64_t from = c.status;
    c.paused_from = to == MTRK_CAMPAIGN_PAUSED ? from : 0;
    c.status = to;
    c.updated_at = now;
    rc = st_update(t, T_CAMPAIGNS, &c);
    rows_clear(T_CAMPAIGNS, &c);
    if (rc == MTRK_OK)
        rc = audit_addf(t, "campaign.status", &id, "{\"from\":\"%s\",\"to\":\"%s\",\"by\":\"reputation\"%s}",
                        mtrk_campaign_status_name((mtrk_campaign_status)from),
                        mtrk_campaign_status_name((mtrk_campaign_status)to), detail);
    return rc;
}

/* Pauses scope si: its sending campaigns paused and remembered, audited. */
static int scope_pause(mtrk_tenant *t, figs *f, size_t si, size_t *paused)
{
    scope_fig *s = &f->v[si];
    int rc = state_write(t, f, s, MTRK_REPUTATION_PAUSED, s->since);
    size_t n = 0;
    for (size_t k = 0; k < f->nc && rc == MTRK_OK; k++) {
        camp_ent *c = &f->c[k];
        if ((si != 0 && c->scope != si) || c->status != MTRK_CAMPAIGN_SENDING)
            continue;
        rc = campaign_move(t, c->id, MTRK_CAMPAIGN_PAUSED, f->now, "");
        if (rc == MTRK_OK) {
            c->status = MTRK_CAMPAIGN_PAUSED;
            row_reputation_paused p = { t->id, s->scope, c->id, f->now };
            rc = st_insert(t, T_REPUTATION_PAUSED, &p);
            n++;
        }
    }
    if (rc == MTRK_OK) {
        char extra[64];
        snprintf(extra, sizeof extra, ",\"campaigns\":%zu", n);
        rc = audit_fig(t, "reputation.pause", f, s, extra);
    }
    if (rc == MTRK_OK && paused)
        (*paused)++;
    return rc;
}

/* Moves scope si's stored state to what its figures reach (a pause stays). */
static int scope_apply(mtrk_tenant *t, figs *f, size_t si, size_t *paused)
{
    scope_fig *s = &f->v[si];
    /* A paused tenant covers every domain: they wait for its resume. */
    if (s->state == MTRK_REPUTATION_PAUSED || (si != 0 && f->v[0].state == MTRK_REPUTATION_PAUSED))
        return MTRK_OK;
    mtrk_reputation_level l = level_of(&f->set, s);
    if (l == MTRK_REPUTATION_PAUSED)
        return scope_pause(t, f, si, paused);
    if (l == MTRK_REPUTATION_WARNING && s->state == MTRK_REPUTATION_OK) {
        int rc = state_write(t, f, s, l, s->since);
        return rc ? rc : audit_fig(t, "reputation.warning", f, s, NULL);
    }
    if (l == MTRK_REPUTATION_OK && s->state == MTRK_REPUTATION_WARNING) {
        int rc = state_write(t, f, s, l, s->since);
        return rc ? rc : audit_fig(t, "reputation.clear", f, s, NULL);
    }
    return MTRK_OK;
}

/* ---- the claim's check ---------------------------------------------------------- */

int core_reputation_guard(mtrk_tenant *t, mtrk_id campaign)
{
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    figs f;
    rc = figs_load(t, &f);
    size_t ci = SIZE_MAX;
    for (size_t k = 0; rc == MTRK_OK && k < f.nc; k++)
        if (id_eq(f.c[k].id, campaign))
            ci = k;
    /* Only a sending campaign is claimed from; the claim names any other. */
    bool judge = rc == MTRK_OK && ci != SIZE_MAX && f.c[ci].status == MTRK_CAMPAIGN_SENDING;
    size_t di = judge ? f.c[ci].scope : 0;
    if (judge && (rc = scope_apply(t, &f, 0, NULL)) == MTRK_OK && di != 0)
        rc = scope_apply(t, &f, di, NULL);
    const scope_fig *stop = NULL;
    if (judge && rc == MTRK_OK)
        stop = f.v[0].state == MTRK_REPUTATION_PAUSED ? &f.v[0]
             : f.v[di].state == MTRK_REPUTATION_PAUSED ? &f.v[di] : NULL;
    char what[300], why[200];
    if (stop) {
        snprintf(what, sizeof what, stop == &f.v[0] ? "tenant \"%s\"" : "domain %s",
                 stop == &f.v[0] ? t->key : stop->scope);
        snprintf(why, sizeof why, "complaint rate %.4f %%, bounce rate %.4f %% over %llu sent",
                 complaint_rate(stop) * 100.0, bounce_rate(stop) * 100.0, (unsigned long long)stop->sent);
    }
    figs_free(&f);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && stop)
        return terr(t, MTRK_ESTATE,
                    "sending for %s is paused by the reputation guard (%s); mtrk_reputation_resume lifts it",
                    what, why);
    return rc;
}

/* ---- reading ---------------------------------------------------------------------- */

/* A scope argument: NULL or "" is the tenant; a domain is 1..253 octets of
 * labels without spaces, "@" or control characters, compared in lower case. */
static int scope_arg(mtrk_tenant *t, const char *domain, char *out)
{
    if (domain == NULL || *domain == '\0') {
        strcpy(out, SCOPE_TENANT);
        return MTRK_OK;
    }
    size_t n = strnlen(domain, 254);
    if (n > 253)
        return terr(t, MTRK_EINVAL, "domain is longer than 253 octets");
    if (!utf8_valid(domain, n))
        return terr(t, MTRK_EENCODING, "domain is not valid UTF-8");
    bool label = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)domain[i];
        if (c <= 0x20 || c == 0x7f || c == '@' || c == '"' || c == '\\' || c == '*')
            return terr(t, MTRK_EINVAL, "domain \"%s\" has a character a domain cannot have", domain);
        if (c == '.') {
            if (!label)
                return terr(t, MTRK_EINVAL, "domain \"%s\" has an empty label", domain);
            label = false;
        } else {
            label = true;
        }
        out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    if (!label)
        return terr(t, MTRK_EINVAL, "domain \"%s\" has an empty label", domain);
    out[n] = '\0';
    return MTRK_OK;
}

static int fill(mtrk_tenant *t, mtrk_reputation *out, const figs *f, const scope_fig *s, const char *scope)
{
    out->domain = tenant_keep(t, public_domain(scope));
    if (out->domain == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    if (s == NULL) {
        out->window_from = hour_floor(f->now - f->set.window_ms);
        out->window_to = f->now;
        out->sent = out->delivered = out->bounces = out->complaints = 0;
        out->complaint_rate = out->bounce_rate = 0.0;
        out->level = out->state = MTRK_REPUTATION_OK;
        out->changed_at = 0;
        return MTRK_OK;
    }
    out->window_from = s->from_hour;
    out->window_to = f->now;
    out->sent = s->sent;
    out->delivered = s->delivered;
    out->bounces = s->bounces;
    out->complaints = s->complaints;
    out->complaint_rate = complaint_rate(s);
    out->bounce_rate = bounce_rate(s);
    out->level = level_of(&f->set, s);
    out->state = (mtrk_reputation_level)s->state;
    out->changed_at = s->changed_at;
    return MTRK_OK;
}

MTRK_API int mtrk_reputation_get(mtrk_reputation *out, mtrk_tenant *t, const char *domain)
{
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_REPUTATION_VERSION);
    if (rc)
        return rc;
    char scope[256];
    if ((rc = scope_arg(t, domain, scope)))
        return rc;
    if ((rc = tx_begin(t, false)))
        return rc;
    figs f;
    rc = figs_load(t, &f);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK) {
        size_t i = scope_find(&f, scope);
        rc = fill(t, out, &f, i == SIZE_MAX ? NULL : &f.v[i], scope);
    }
    figs_free(&f);
    return rc;
}

static int scope_cmp(const void *a, const void *b)
{
    return strcmp(((const scope_fig *)a)->scope, ((const scope_fig *)b)->scope);
}

MTRK_API int mtrk_reputation_list(mtrk_reputation *const *outs, size_t cap, size_t *out_count, mtrk_tenant *t)
{
    if (out_count == NULL)
        return gerr(MTRK_EINVAL, "out_count is NULL");
    *out_count = 0;
    if (outs == NULL && cap > 0)
        return gerr(MTRK_EINVAL, "outs is NULL");
    TENANT_CHECK(t);
    int rc;
    for (size_t i = 0; i < cap; i++)
        if ((rc = check_version(t, "outs[i]", outs[i], MTRK_REPUTATION_VERSION)))
            return rc;
    if ((rc = tx_begin(t, false)))
        return rc;
    figs f;
    rc = figs_load(t, &f);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && f.n > 2)
        qsort(f.v + 1, f.n - 1, sizeof *f.v, scope_cmp); /* the tenant stays first */
    for (size_t i = 0; rc == MTRK_OK && i < f.n && i < cap; i++)
        rc = fill(t, outs[i], &f, &f.v[i], f.v[i].scope);
    if (rc == MTRK_OK)
        *out_count = f.n;
    figs_free(&f);
    return rc;
}

/* ---- writing ---------------------------------------------------------------------- */

MTRK_API int mtrk_reputation_check(size_t *out_paused, mtrk_tenant *t)
{
    if (out_paused)
        *out_paused = 0;
    TENANT_CHECK(t);
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    figs f;
    size_t paused = 0;
    rc = figs_load(t, &f);
    /* The tenant first: its pause covers every domain's campaigns. */
    for (size_t i = 0; rc == MTRK_OK && i < f.n; i++)
        rc = scope_apply(t, &f, i, &paused);
    figs_free(&f);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && out_paused)
        *out_paused = paused;
    return rc;
}

static int paused_cb(void *ud, void *row)
{
    id_list *l = ud;
    return id_list_push(l, ((const row_reputation_paused *)row)->campaign) ? MTRK_ENOMEM : 0;
}

/* Resumes one campaign a pause of scope s stopped, or hands it to another
 * paused scope covering it. */
static int resume_campaign(mtrk_tenant *t, figs *f, const scope_fig *s, mtrk_id id, size_t *resumed)
{
    row_reputation_paused p = { t->id, s->scope, id, 0 };
    int rc = st_delete(t, T_REPUTATION_PAUSED, &p);
    if (rc)
        return rc;
    size_t k = 0;
    while (k < f->nc && !id_eq(f->c[k].id, id))
        k++;
    if (k == f->nc)
        return MTRK_OK; /* gone */
    row_campaigns c;
    if ((rc = cam_load(t, id, &c)))
        return rc;
    bool waiting = c.status == MTRK_CAMPAIGN_PAUSED && c.paused_from == MTRK_CAMPAIGN_SENDING;
    rows_clear(T_CAMPAIGNS, &c);
    if (!waiting)
        return MTRK_OK; /* changed by someone since: left as it is */
    const scope_fig *other = s == &f->v[0] ? &f->v[f->c[k].scope] : &f->v[0];
    if (other != s && other->state == MTRK_REPUTATION_PAUSED) {
        row_reputation_paused q = { t->id, other->scope, id, f->now };
        return st_put(t, T_REPUTATION_PAUSED, &q);
    }
    rc = campaign_move(t, id, MTRK_CAMPAIGN_SENDING, f->now, "");
    if (rc == MTRK_OK)
        (*resumed)++;
    return rc;
}

MTRK_API int mtrk_reputation_resume(size_t *out_resumed, mtrk_tenant *t, const char *domain)
{
    if (out_resumed)
        *out_resumed = 0;
    TENANT_CHECK(t);
    char scope[256];
    int rc = scope_arg(t, domain, scope);
    if (rc)
        return rc;
    if ((rc = tx_begin(t, true)))
        return rc;
    figs f;
    id_list l = { 0 };
    size_t resumed = 0;
    rc = figs_load(t, &f);
    size_t si = rc == MTRK_OK ? scope_find(&f, scope) : SIZE_MAX;
    if (rc == MTRK_OK && (si == SIZE_MAX || f.v[si].state != MTRK_REPUTATION_PAUSED)) {
        if (si == 0)
            rc = terr(t, MTRK_ESTATE, "tenant \"%s\" is not paused by the reputation guard", t->key);
        else
            rc = terr(t, MTRK_ESTATE, "domain %s is not paused by the reputation guard", scope);
    }
    if (rc == MTRK_OK) {
        scope_fig *s = &f.v[si];
        mtrk_value pre[2] = { v_id(&t->id), v_text(s->scope) };
        rc = st_scan(t, T_REPUTATION_PAUSED, MTRK_INDEX_PK, pre, 2, NULL, 0, 0, paused_cb, &l);
        if (rc == MTRK_ENOMEM)
            rc = terr(t, rc, "out of memory");
        /* The figures at the resume go to the audit; from now on they count
         * from the next whole hour. */
        char extra[64];
        if (rc == MTRK_OK) {
            snprintf(extra, sizeof extra, ",\"paused_at\":%lld", (long long)s->changed_at);
            rc = state_write(t, &f, s, MTRK_REPUTATION_OK, f.now);
        }
        /* The tenant's resume acknowledges the figures of all its sending:
         * every domain not paused on its own counts from now on too. */
        for (size_t i = 1; rc == MTRK_OK && si == 0 && i < f.n; i++)
            if (f.v[i].state != MTRK_REPUTATION_PAUSED)
                rc = state_write(t, &f, &f.v[i], MTRK_REPUTATION_OK, f.now);
        for (size_t i = 0; rc == MTRK_OK && i < l.n; i++)
            rc = resume_campaign(t, &f, s, l.v[i], &resumed);
        if (rc == MTRK_OK) {
            char more[128];
            snprintf(more, sizeof more, "%s,\"campaigns\":%zu", extra, resumed);
            rc = audit_fig(t, "reputation.resume", &f, s, more);
        }
    }
    id_list_free(&l);
    figs_free(&f);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && out_resumed)
        *out_resumed = resumed;
    return rc;
}
