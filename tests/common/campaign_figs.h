/*
 * A campaign's figures as the library reads them (metrics, link stats, the
 * hourly series), compared with each other or with the JSON a fixture's
 * generator wrote (tests/data/gen_*.py: {tenant: {campaign: {id, metrics,
 * links, hourly}}}). For the migration tests, which check that a migrated
 * file or schema gives the figures the library gave before.
 *
 * Header-only: the includer defines FIGS_DIE(fmt, ...), which must not
 * return, before including it.
 */
#ifndef MTRK_TEST_CAMPAIGN_FIGS_H
#define MTRK_TEST_CAMPAIGN_FIGS_H

#include <jansson.h>
#include <mtrk/mtrk.h>
#include <stdio.h>
#include <string.h>

#ifndef FIGS_DIE
#error "define FIGS_DIE(fmt, ...) before including campaign_figs.h"
#endif

#define FIGS_METRIC_COUNTS(X)                                                                                     \
    X(messages) X(canceled) X(sent) X(delivered) X(delivered_explicit) X(bounced_hard) X(bounced_soft)             \
    X(complaints) X(unsubscribes) X(opens_total) X(opens_unique) X(opens_unique_human) X(opens_machine)            \
    X(opens_inferred) X(clicks_total) X(clicks_unique) X(clicks_unique_human) X(clicks_machine) X(leads_total)     \
    X(leads_attributed) X(leads_forwarded)

#define FIGS_MAX_HOURS 16
#define FIGS_MAX_LINKS 8

typedef struct figs {
    mtrk_metrics m;
    size_t nlinks;
    struct { char label[64]; uint64_t clicks, unique, human; } links[FIGS_MAX_LINKS];
    size_t nhours;
    uint64_t hourly[FIGS_MAX_HOURS * MTRK_EV_TYPE_COUNT];
} figs;

/* The first hour of the series read: the earliest first hour in the JSON. */
static mtrk_time figs_hourly_from;

#define FIGS_OK(expr, t)                                                                                          \
    do {                                                                                                          \
        int rc_ = (expr);                                                                                         \
        if (rc_ != MTRK_OK)                                                                                       \
            FIGS_DIE("%s:%d: %s = %s: %s", __FILE__, __LINE__, #expr, mtrk_strerror(rc_),                         \
                     (t) ? mtrk_tenant_errmsg(t) : mtrk_last_errmsg());                                           \
    } while (0)

static inline void figs_hourly_start(json_t *tenants)
{
    const char *tkey, *cname;
    json_t *tv, *cv;
    figs_hourly_from = 0;
    json_object_foreach(tenants, tkey, tv) {
        json_object_foreach(tv, cname, cv) {
            json_t *h = json_array_get(json_object_get(cv, "hourly"), 0);
            if (h && (figs_hourly_from == 0 || json_integer_value(json_array_get(h, 0)) < figs_hourly_from))
                figs_hourly_from = json_integer_value(json_array_get(h, 0));
        }
    }
    if (figs_hourly_from == 0)
        FIGS_DIE("no hourly series in the JSON");
}

static inline void figs_read(mtrk_tenant *t, mtrk_id c, figs *f)
{
    memset(f, 0, sizeof *f);
    FIGS_OK(mtrk_metrics_init(&f->m, MTRK_METRICS_VERSION), t);
    FIGS_OK(mtrk_metrics_campaign(&f->m, t, c), t);
    mtrk_link_stats st[FIGS_MAX_LINKS], *p[FIGS_MAX_LINKS];
    for (int i = 0; i < FIGS_MAX_LINKS; i++) {
        FIGS_OK(mtrk_link_stats_init(&st[i], MTRK_LINK_STATS_VERSION), t);
        p[i] = &st[i];
    }
    FIGS_OK(mtrk_metrics_links(p, FIGS_MAX_LINKS, &f->nlinks, t, c), t);
    if (f->nlinks > FIGS_MAX_LINKS)
        FIGS_DIE("%zu links", f->nlinks);
    for (size_t i = 0; i < f->nlinks; i++) {
        snprintf(f->links[i].label, sizeof f->links[i].label, "%s", st[i].label ? st[i].label : "");
        f->links[i].clicks = st[i].clicks;
        f->links[i].unique = st[i].clicks_unique;
        f->links[i].human = st[i].clicks_unique_human;
    }
    FIGS_OK(mtrk_metrics_hourly(f->hourly, FIGS_MAX_HOURS * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &f->nhours, t,
                                c, figs_hourly_from, figs_hourly_from + (mtrk_time)10 * 3600000),
            t);
}

static inline void figs_same(const figs *a, const figs *b, const char *what)
{
#define X_(n)                                                                                                     \
    if (a->m.n != b->m.n)                                                                                         \
        FIGS_DIE("%s: %s %llu, then %llu", what, #n, (unsigned long long)a->m.n, (unsigned long long)b->m.n);
    FIGS_METRIC_COUNTS(X_)
#undef X_
    if (a->nlinks != b->nlinks || a->nhours != b->nhours)
        FIGS_DIE("%s: %zu links and %zu hours, then %zu and %zu", what, a->nlinks, a->nhours, b->nlinks, b->nhours);
    for (size_t i = 0; i < a->nlinks; i++)
        if (strcmp(a->links[i].label, b->links[i].label) || a->links[i].clicks != b->links[i].clicks ||
            a->links[i].unique != b->links[i].unique || a->links[i].human != b->links[i].human)
            FIGS_DIE("%s: link %s differs", what, a->links[i].label);
    if (memcmp(a->hourly, b->hourly, sizeof a->hourly) != 0)
        FIGS_DIE("%s: the hourly series differ", what);
}

static inline long long figs_jint(json_t *o, const char *key, const char *what)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_integer(v))
        FIGS_DIE("%s: no integer %s in the JSON", what, key);
    return (long long)json_integer_value(v);
}

static inline void figs_expect(long long got, long long want, const char *what, const char *name)
{
    if (got != want)
        FIGS_DIE("%s: %s %lld, the JSON says %lld", what, name, got, want);
}

/* The library's figures against the JSON's for one campaign. */
static inline void figs_expect_json(const figs *f, json_t *c, const char *what)
{
    json_t *m = json_object_get(c, "metrics");
#define X_(n) figs_expect((long long)f->m.n, figs_jint(m, #n, what), what, #n);
    FIGS_METRIC_COUNTS(X_)
#undef X_
    json_t *links = json_object_get(c, "links");
    figs_expect((long long)f->nlinks, (long long)json_object_size(links), what, "links");
    for (size_t i = 0; i < f->nlinks; i++) {
        json_t *l = json_object_get(links, f->links[i].label);
        if (l == NULL)
            FIGS_DIE("%s: link %s not in the JSON", what, f->links[i].label);
        figs_expect((long long)f->links[i].clicks, figs_jint(l, "clicks", what), what, "link clicks");
        figs_expect((long long)f->links[i].unique, figs_jint(l, "clicks_unique", what), what, "link clicks_unique");
        figs_expect((long long)f->links[i].human, figs_jint(l, "clicks_unique_human", what), what,
                    "link clicks_unique_human");
    }
    json_t *hours = json_object_get(c, "hourly");
    figs_expect((long long)f->nhours, (long long)json_array_size(hours), what, "hours");
    for (size_t h = 0; h < f->nhours; h++) {
        json_t *row = json_array_get(hours, h);
        /* [hour, then the count of each event type] */
        for (size_t ty = 1; ty < json_array_size(row) && ty < MTRK_EV_TYPE_COUNT; ty++)
            if ((long long)f->hourly[h * MTRK_EV_TYPE_COUNT + ty] != (long long)json_integer_value(json_array_get(row, ty)))
                FIGS_DIE("%s: hour %zu, type %zu: %llu, the JSON says %lld", what, h, ty,
                         (unsigned long long)f->hourly[h * MTRK_EV_TYPE_COUNT + ty],
                         (long long)json_integer_value(json_array_get(row, ty)));
    }
}

static inline mtrk_id figs_parse_id(const char *text)
{
    mtrk_id id;
    if (text == NULL || mtrk_id_from_string(&id, text) != MTRK_OK)
        FIGS_DIE("bad id %s", text ? text : "(none)");
    return id;
}

#endif
