/* The JSON API (read-only figures and listings for the dashboard and other
 * clients) and the event route (mtrk's own JSON Lines format), under
 * /api/v1/tenants/{tenant}/, each request authorized by a bearer token of
 * that tenant. Every figure is the library's (mtrk_metrics_*): nothing is
 * counted here. */
#include "mtrkd.h"
#include "cli.h"
#include "ingest.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PAGE_DEFAULT 50
#define PAGE_MAX 500
#define EVENTS_MAX_LINES 10000

static json_t *id_json(mtrk_id id)
{
    if (mtrk_id_is_nil(id))
        return json_null();
    char s[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(s, id);
    return json_string(s);
}

static json_t *str_json(const char *s)
{
    return s ? json_string(s) : json_null();
}

static enum MHD_Result reply_json(struct MHD_Connection *c, request *r, unsigned status, json_t *o)
{
    char *s = o ? json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII) : NULL;
    json_decref(o);
    if (s == NULL)
        return reply_error(c, r, 500, "internal", "out of memory");
    return reply_owned(c, r, status, "application/json", s, strlen(s));
}

static enum MHD_Result lib_error(struct MHD_Connection *c, request *r, mtrk_tenant *t, int rc)
{
    if (rc == MTRK_ENOTFOUND)
        return reply_error(c, r, 404, "not_found", t ? mtrk_tenant_errmsg(t) : "not found");
    if (rc == MTRK_EBUSY) {
        count_refusal(REFUSE_BUSY);
        return reply_error(c, r, 503, "busy", "the database is busy: try again");
    }
    if (rc == MTRK_EINVAL || rc == MTRK_ETOOLONG) {
        count_refusal(REFUSE_BAD_REQUEST);
        return reply_error(c, r, 400, "invalid", t ? mtrk_tenant_errmsg(t) : mtrk_strerror(rc));
    }
    return reply_error(c, r, 500, "storage", mtrk_strerror(rc));
}

/* limit (1..PAGE_MAX) and offset query arguments; false for malformed ones. */
static bool page_args(struct MHD_Connection *c, size_t *limit, size_t *offset)
{
    const char *l = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "limit");
    const char *o = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "offset");
    char *end;
    *limit = PAGE_DEFAULT;
    *offset = 0;
    if (l) {
        unsigned long long n = strtoull(l, &end, 10);
        if (*l == '\0' || *end || *l == '-' || n < 1 || n > PAGE_MAX)
            return false;
        *limit = (size_t)n;
    }
    if (o) {
        unsigned long long n = strtoull(o, &end, 10);
        if (*o == '\0' || *end || *o == '-' || n > 100000000ull)
            return false;
        *offset = (size_t)n;
    }
    return true;
}

static bool time_arg(struct MHD_Connection *c, const char *name, mtrk_time *out)
{
    const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
    if (v == NULL)
        return true;
    char *end;
    long long n = strtoll(v, &end, 10);
    if (*v == '\0' || *end || n < 0)
        return false;
    *out = n;
    return true;
}

/* ------------------------------------------------------------------ */
/* Campaigns and their figures                                         */
/* ------------------------------------------------------------------ */
static json_t *campaign_json(const mtrk_campaign *k)
{
    return json_pack("{s:o, s:s, s:o, s:o, s:s, s:I, s:I, s:I}", "id", id_json(mtrk_campaign_id(k)), "name",
                     mtrk_campaign_name(k), "subject", str_json(mtrk_campaign_subject(k)), "objective",
                     str_json(mtrk_campaign_objective(k)), "status",
                     mtrk_campaign_status_name(mtrk_campaign_status_of(k)), "created_at",
                     (json_int_t)mtrk_campaign_created_at(k), "starts_at", (json_int_t)mtrk_campaign_starts_at(k),
                     "ends_at", (json_int_t)mtrk_campaign_ends_at(k));
}

static enum MHD_Result campaigns(struct MHD_Connection *c, request *r, mtrk_tenant *t)
{
    size_t limit, offset;
    if (!page_args(c, &limit, &offset))
        return reply_error(c, r, 400, "paging", "limit is 1 to 500, offset a number");
    mtrk_campaign_iter *it = NULL;
    int rc = mtrk_campaign_iter_new(&it, t);
    if (rc)
        return lib_error(c, r, t, rc);
    json_t *items = json_array();
    const mtrk_campaign *k;
    size_t i = 0;
    bool more = false;
    while ((rc = mtrk_campaign_iter_next(&k, it)) == 0) {
        if (i++ < offset)
            continue;
        if (json_array_size(items) == limit) {
            more = true;
            break;
        }
        json_array_append_new(items, campaign_json(k));
    }
    mtrk_campaign_iter_free(it);
    if (rc && rc != MTRK_ITEROVER) {
        json_decref(items);
        return lib_error(c, r, t, rc);
    }
    return reply_json(c, r, 200,
                      json_pack("{s:o, s:o}", "items", items, "next_offset",
                                more ? json_integer((json_int_t)(offset + limit)) : json_null()));
}

#define METRIC_COUNTS(X)                                                                                           \
    X(messages) X(canceled) X(sent) X(delivered) X(delivered_explicit) X(bounced_hard) X(bounced_soft)             \
    X(complaints) X(unsubscribes) X(opens_total) X(opens_unique) X(opens_unique_human) X(opens_machine)            \
    X(opens_inferred) X(clicks_total) X(clicks_unique) X(clicks_unique_human) X(clicks_machine) X(leads_total)     \
    X(leads_attributed) X(leads_forwarded)
#define METRIC_RATES(X)                                                                                            \
    X(delivery_rate) X(open_rate) X(click_rate) X(click_to_open_rate) X(bounce_rate) X(complaint_rate)             \
    X(unsubscribe_rate) X(conversion_rate)

static json_t *metrics_json(const mtrk_metrics *m)
{
    json_t *o = json_object();
#define PUT_COUNT(f) json_object_set_new(o, #f, json_integer((json_int_t)m->f));
#define PUT_RATE(f) json_object_set_new(o, #f, json_real(m->f));
    METRIC_COUNTS(PUT_COUNT)
    METRIC_RATES(PUT_RATE)
    return o;
}

static enum MHD_Result campaign_one(struct MHD_Connection *c, request *r, mtrk_tenant *t, mtrk_id id)
{
    mtrk_campaign *k = NULL;
    int rc = mtrk_campaign_get(&k, t, id);
    if (rc)
        return lib_error(c, r, t, rc);
    json_t *o = campaign_json(k);
    mtrk_campaign_free(k);
    mtrk_metrics m = MTRK_METRICS_INIT;
    rc = mtrk_metrics_campaign(&m, t, id);
    if (rc) {
        json_decref(o);
        return lib_error(c, r, t, rc);
    }
    json_object_set_new(o, "metrics", metrics_json(&m));
    /* The human/machine split as the metrics count it: unique messages
     * opened or clicked by a person, and machine events. */
    json_object_set_new(o, "split",
                        json_pack("{s:{s:I, s:I, s:I}, s:{s:I, s:I, s:I}}", "opens", "unique_human",
                                  (json_int_t)m.opens_unique_human, "unique", (json_int_t)m.opens_unique,
                                  "machine_events", (json_int_t)m.opens_machine, "clicks", "unique_human",
                                  (json_int_t)m.clicks_unique_human, "unique", (json_int_t)m.clicks_unique,
                                  "machine_events", (json_int_t)m.clicks_machine));
    return reply_json(c, r, 200, o);
}

static mtrk_time realtime_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (mtrk_time)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum MHD_Result hourly(struct MHD_Connection *c, request *r, mtrk_tenant *t, mtrk_id id)
{
    const int64_t hour = 3600000;
    mtrk_time from = 0, to = 0;
    if (!time_arg(c, "from", &from) || !time_arg(c, "to", &to))
        return reply_error(c, r, 400, "span", "from and to are Unix milliseconds");
    const char *span = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "span");
    if (span && strcmp(span, "auto") != 0 && strcmp(span, "first") != 0 && strcmp(span, "last") != 0)
        return reply_error(c, r, 400, "span", "span is auto, first or last");
    if (from == 0 && to == 0) {
        /* span=last: the last 7 days; span=first: 7 days from the
         * campaign's first event (or its creation); auto (the default):
         * the last 7 days when they hold events (a live campaign), else
         * the first 7. */
        bool first_week = span && strcmp(span, "first") == 0;
        bool last_week = span && strcmp(span, "last") == 0;
        to = realtime_ms() + hour;
        to -= to % hour;
        mtrk_time first = 0; /* from the hourly series' rollup: no event is read */
        int rc = first_week ? MTRK_ITEROVER : mtrk_metrics_first_hour(&first, t, id, to - 7 * 24 * hour);
        if (rc == 0 || last_week) {
            from = to - 7 * 24 * hour;
            rc = 0;
        } else if (rc == MTRK_ITEROVER && (rc = mtrk_metrics_first_hour(&first, t, id, 0)) == 0) {
            from = first, to = 0;
        }
        if (rc == MTRK_ITEROVER) {
            mtrk_campaign *k = NULL;
            if ((rc = mtrk_campaign_get(&k, t, id)) != 0)
                return lib_error(c, r, t, rc);
            from = mtrk_campaign_created_at(k);
            to = 0;
            mtrk_campaign_free(k);
        } else if (rc) {
            return lib_error(c, r, t, rc);
        }
    }
    from -= from % hour;
    if (to == 0)
        to = from + 7 * 24 * hour;
    if (to <= from || (to - from) / hour > 24 * 366)
        return reply_error(c, r, 400, "span", "to must be after from, at most 366 days");
    size_t hours = (size_t)((to - from + hour - 1) / hour);
    uint64_t *counts = calloc(hours * MTRK_EV_TYPE_COUNT, sizeof *counts);
    if (counts == NULL)
        return reply_error(c, r, 500, "internal", "out of memory");
    size_t got = 0;
    int rc = mtrk_metrics_hourly(counts, hours * MTRK_EV_TYPE_COUNT, MTRK_EV_TYPE_COUNT, &got, t, id, from, to);
    if (rc) {
        free(counts);
        return lib_error(c, r, t, rc);
    }
    json_t *series = json_object();
    for (int ty = 1; ty < MTRK_EV_TYPE_COUNT; ty++) {
        json_t *a = json_array();
        for (size_t h = 0; h < got; h++)
            json_array_append_new(a, json_integer((json_int_t)counts[h * MTRK_EV_TYPE_COUNT + (size_t)ty]));
        json_object_set_new(series, mtrk_event_type_name((mtrk_event_type)ty), a);
    }
    free(counts);
    return reply_json(c, r, 200,
                      json_pack("{s:I, s:I, s:I, s:I, s:o}", "from", (json_int_t)from, "to",
                                (json_int_t)(from + (int64_t)got * hour), "hours", (json_int_t)got, "hour_ms",
                                (json_int_t)hour, "series", series));
}

static enum MHD_Result links(struct MHD_Connection *c, request *r, mtrk_tenant *t, mtrk_id id)
{
    size_t limit, offset, count = 0;
    if (!page_args(c, &limit, &offset))
        return reply_error(c, r, 400, "paging", "limit is 1 to 500, offset a number");
    int rc = mtrk_metrics_links(NULL, 0, &count, t, id);
    if (rc)
        return lib_error(c, r, t, rc);
    mtrk_link_stats *st = calloc(count ? count : 1, sizeof *st);
    mtrk_link_stats **outs = calloc(count ? count : 1, sizeof *outs);
    if (st == NULL || outs == NULL) {
        free(st), free(outs);
        return reply_error(c, r, 500, "internal", "out of memory");
    }
    for (size_t i = 0; i < count; i++) {
        mtrk_link_stats_init(&st[i], MTRK_LINK_STATS_VERSION);
        outs[i] = &st[i];
    }
    size_t n = 0;
    rc = mtrk_metrics_links(outs, count, &n, t, id);
    json_t *items = json_array();
    for (size_t i = offset; rc == 0 && i < n && i < count && json_array_size(items) < limit; i++)
        json_array_append_new(items, json_pack("{s:o, s:I, s:I, s:I, s:I, s:I, s:s, s:o}", "lid", id_json(st[i].lid),
                                               "position", (json_int_t)st[i].position, "rank", (json_int_t)st[i].rank,
                                               "clicks", (json_int_t)st[i].clicks, "clicks_unique",
                                               (json_int_t)st[i].clicks_unique, "clicks_unique_human",
                                               (json_int_t)st[i].clicks_unique_human, "url",
                                               st[i].url ? st[i].url : "", "label", str_json(st[i].label)));
    free(st), free(outs);
    if (rc) {
        json_decref(items);
        return lib_error(c, r, t, rc);
    }
    bool more = offset + limit < n;
    return reply_json(c, r, 200,
                      json_pack("{s:o, s:I, s:o}", "items", items, "total", (json_int_t)n, "next_offset",
                                more ? json_integer((json_int_t)(offset + limit)) : json_null()));
}

/* ------------------------------------------------------------------ */
/* Event listings, paged with the library's cursor                     */
/* ------------------------------------------------------------------ */
static json_t *event_json(const mtrk_event_info *e)
{
    static const char *const bounce[] = { NULL, "hard", "soft" };
    json_t *o = json_pack("{s:o, s:s, s:o, s:o, s:o, s:o, s:I, s:I, s:s}", "id", id_json(e->id), "type",
                          mtrk_event_type_name(e->type), "mid", id_json(e->mid), "campaign", id_json(e->campaign),
                          "contact", id_json(e->contact), "lid", id_json(e->lid), "occurred_at",
                          (json_int_t)e->occurred_at, "arrived_at", (json_int_t)e->arrived_at, "verdict",
                          e->verdict == MTRK_VERDICT_MACHINE ? "machine" : "human");
    if (e->verdict_reason)
        json_object_set_new(o, "verdict_reason", json_string(e->verdict_reason));
    if (e->bounce_kind == MTRK_BOUNCE_HARD || e->bounce_kind == MTRK_BOUNCE_SOFT)
        json_object_set_new(o, "bounce_kind", json_string(bounce[e->bounce_kind]));
    if (e->diagnostic)
        json_object_set_new(o, "diagnostic", json_string(e->diagnostic));
    if (e->provider)
        json_object_set_new(o, "provider", json_string(e->provider));
    if (e->user_agent)
        json_object_set_new(o, "user_agent", json_string(e->user_agent));
    if (e->ip)
        json_object_set_new(o, "ip", json_string(e->ip));
    return o;
}

static enum MHD_Result event_page(struct MHD_Connection *c, request *r, mtrk_tenant *t, mtrk_event_iter *it)
{
    size_t limit, offset;
    if (!page_args(c, &limit, &offset) || offset) {
        mtrk_event_iter_free(it);
        return reply_error(c, r, 400, "paging", "limit is 1 to 500; event listings page with cursor");
    }
    const char *cur = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "cursor");
    if (cur) {
        uint8_t bin[MTRK_CURSOR_SIZE];
        size_t bl = 0;
        if (strlen(cur) != 2 * MTRK_CURSOR_SIZE ||
            sodium_hex2bin(bin, sizeof bin, cur, strlen(cur), NULL, &bl, NULL) || bl != sizeof bin ||
            mtrk_event_iter_seek(it, bin)) {
            mtrk_event_iter_free(it);
            return reply_error(c, r, 400, "cursor", "not a cursor of this listing");
        }
    }
    json_t *items = json_array();
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    int rc = 0;
    while (json_array_size(items) < limit && (rc = mtrk_event_iter_next(&e, it)) == 0)
        json_array_append_new(items, event_json(&e));
    json_t *next = json_null();
    if (rc == 0) { /* a full page: is there more? */
        uint8_t bin[MTRK_CURSOR_SIZE];
        char hex[2 * MTRK_CURSOR_SIZE + 1];
        mtrk_event_iter_cursor(bin, it);
        if ((rc = mtrk_event_iter_next(&e, it)) == 0)
            next = json_string(sodium_bin2hex(hex, sizeof hex, bin, sizeof bin));
    }
    mtrk_event_iter_free(it);
    if (rc && rc != MTRK_ITEROVER) {
        json_decref(items), json_decref(next);
        return lib_error(c, r, t, rc);
    }
    return reply_json(c, r, 200, json_pack("{s:o, s:o}", "items", items, "next_cursor", next));
}

static enum MHD_Result campaign_events(struct MHD_Connection *c, request *r, mtrk_tenant *t, mtrk_id id)
{
    mtrk_event_type type = (mtrk_event_type)0;
    const char *ty = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "type");
    if (ty) {
        for (int i = 1; i < MTRK_EV_TYPE_COUNT; i++)
            if (strcmp(ty, mtrk_event_type_name((mtrk_event_type)i)) == 0)
                type = (mtrk_event_type)i;
        if (type == 0)
            return reply_error(c, r, 400, "type", "type is an event type (bounce, complaint, unsubscribe, ...)");
    }
    mtrk_time from = 0, to = 0;
    if (!time_arg(c, "from", &from) || !time_arg(c, "to", &to))
        return reply_error(c, r, 400, "span", "from and to are Unix milliseconds");
    mtrk_campaign *k = NULL;
    int rc = mtrk_campaign_get(&k, t, id); /* an unknown campaign is a 404, not an empty page */
    mtrk_campaign_free(k);
    if (rc)
        return lib_error(c, r, t, rc);
    mtrk_event_iter *it = NULL;
    if ((rc = mtrk_event_iter_campaign(&it, t, id, type, from, to)) != 0)
        return lib_error(c, r, t, rc);
    return event_page(c, r, t, it);
}

static enum MHD_Result contact_events(struct MHD_Connection *c, request *r, mtrk_tenant *t, const char *ref)
{
    mtrk_id id;
    int rc = 0;
    if (strchr(ref, '@')) {
        mtrk_contact *k = NULL;
        if ((rc = mtrk_contact_find(&k, t, ref)) != 0)
            return lib_error(c, r, t, rc == MTRK_EADDRESS ? MTRK_EINVAL : rc);
        id = mtrk_contact_id(k);
        mtrk_contact_free(k);
    } else if (mtrk_id_from_string(&id, ref)) {
        return reply_error(c, r, 400, "contact", "a contact is named by its id or its address");
    } else {
        mtrk_contact *k = NULL;
        if ((rc = mtrk_contact_get(&k, t, id)) != 0)
            return lib_error(c, r, t, rc);
        mtrk_contact_free(k);
    }
    mtrk_event_iter *it = NULL;
    if ((rc = mtrk_event_iter_contact(&it, t, id)) != 0)
        return lib_error(c, r, t, rc);
    return event_page(c, r, t, it);
}

/* ------------------------------------------------------------------ */
/* The event route: JSON Lines in, an outcome per line out             */
/* ------------------------------------------------------------------ */
static enum MHD_Result events_post(struct MHD_Connection *c, request *r, mtrk_tenant *t)
{
    /* Sized once: an ingest_line's input points into the line itself
     * (its cleaned ip and user agent, its derived key), so the array must
     * never move. */
    size_t cap = 1, n = 0, nlines = 0;
    for (size_t i = 0; i < r->body_len; i++)
        cap += r->body[i] == '\n';
    if (cap > EVENTS_MAX_LINES + 1) {
        count_refusal(REFUSE_BODY_TOO_LARGE);
        return reply_error(c, r, 413, "too_many_lines", "at most 10000 lines per request");
    }
    ingest_line *lines = calloc(cap, sizeof *lines);
    json_t *results = json_array();
    size_t *slot = NULL; /* results index of each parsed line */
    if (lines == NULL || results == NULL) {
        free(lines), json_decref(results);
        return reply_error(c, r, 500, "internal", "out of memory");
    }
    size_t refused = 0, recorded = 0, duplicates = 0;
    char *p = r->body ? r->body : (char *)"";
    char *end = p + r->body_len;
    enum MHD_Result ret;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        long lineno = (long)++nlines;
        char *line = p;
        p += len + (nl != NULL);
        if (strspn(line, " \t\r") >= len)
            continue;
        char why[256];
        const char *bad = NULL;
        json_error_t je;
        json_t *o = len > INGEST_MAX_LINE ? NULL : json_loadb(line, len, 0, &je);
        if (len > INGEST_MAX_LINE)
            bad = "line longer than 65536 octets";
        else if (o == NULL)
            snprintf(why, sizeof why, "not JSON: %s (column %d)", je.text, je.column), bad = why;
        else if (!json_is_object(o))
            bad = "not a JSON object";
        ingest_line *pe = &lines[n];
        memset(pe, 0, sizeof *pe);
        if (bad == NULL)
            bad = ingest_parse_event(o, &pe->in, why, sizeof why);
        if (bad) {
            refused++;
            json_array_append_new(results, json_pack("{s:I, s:s, s:s}", "line", (json_int_t)lineno, "outcome",
                                                     "refused", "message", bad));
            json_decref(o);
            continue;
        }
        pe->obj = o;
        pe->line = lineno;
        /* As `mtrk events ingest` records them: a derived key when the line
         * has no provider event id; ip and user_agent as given (the library
         * stores them cleaned). */
        if (pe->in.provider_event_id == NULL || *pe->in.provider_event_id == '\0')
            ingest_derive_id(pe);
        else if (pe->in.provider == NULL || *pe->in.provider == '\0')
            pe->in.provider = DERIVED_PROVIDER;
        json_array_append_new(results, json_pack("{s:I}", "line", (json_int_t)lineno));
        n++;
    }
    if (n) {
        const mtrk_event_input **ins = calloc(n, sizeof *ins);
        mtrk_event_outcome *outs = calloc(n, sizeof *outs);
        mtrk_event_outcome **outp = calloc(n, sizeof *outp);
        slot = calloc(n, sizeof *slot);
        if (!ins || !outs || !outp || !slot) {
            free(ins), free(outs), free(outp);
            ret = reply_error(c, r, 500, "internal", "out of memory");
            goto out;
        }
        for (size_t i = 0, k = 0; i < json_array_size(results); i++)
            if (json_object_get(json_array_get(results, i), "outcome") == NULL)
                slot[k++] = i;
        for (size_t i = 0; i < n; i++) {
            ins[i] = &lines[i].in;
            mtrk_event_outcome_init(&outs[i], MTRK_EVENT_OUTCOME_VERSION);
            outp[i] = &outs[i];
        }
        size_t rec = 0;
        writer_lock();
        int rc = mtrk_event_record_batch(&rec, outp, t, ins, n);
        writer_unlock();
        if (rc) { /* nothing of the call is kept: the sender retries it all */
            free(ins), free(outs), free(outp);
            ret = rc == MTRK_EBUSY ? (count_refusal(REFUSE_BUSY),
                                      reply_error(c, r, 503, "busy", "the database is busy: nothing was recorded"))
                                   : reply_error(c, r, 503, "storage", "nothing was recorded");
            goto out;
        }
        for (size_t i = 0; i < n; i++) {
            json_t *o = json_array_get(results, slot[i]);
            if (outs[i].status) {
                refused++;
                json_object_set_new(o, "outcome", json_string("refused"));
                json_object_set_new(o, "error", json_string(mtrk_strerror(outs[i].status)));
                json_object_set_new(o, "message", json_string(outs[i].message ? outs[i].message : ""));
                if (outs[i].argument)
                    json_object_set_new(o, "argument", json_string(outs[i].argument));
            } else {
                outs[i].duplicate ? duplicates++ : recorded++;
                json_object_set_new(o, "outcome", json_string(outs[i].duplicate ? "duplicate" : "recorded"));
                json_object_set_new(o, "event_id", id_json(outs[i].event_id));
            }
        }
        free(ins), free(outs), free(outp);
        count_recorded(ROUTE_EVENTS, rec);
    }
    /* 200 only when every line is recorded or a duplicate: a sender that
     * retries on anything else sends the recorded lines again, harmlessly
     * (they are duplicates then). */
    unsigned status = refused ? 422 : 200;
    if (refused)
        count_refusal(REFUSE_BAD_REQUEST);
    ret = reply_json(c, r, status,
                     json_pack("{s:I, s:I, s:I, s:o}", "recorded", (json_int_t)recorded, "duplicates",
                               (json_int_t)duplicates, "refused", (json_int_t)refused, "lines", results));
    results = NULL;
out:
    for (size_t i = 0; i < n; i++)
        json_decref(lines[i].obj);
    free(lines);
    free(slot);
    json_decref(results);
    return ret;
}

/* ------------------------------------------------------------------ */
/* Routing                                                             */
/* ------------------------------------------------------------------ */
/* Splits "/api/v1/tenants/T/a/b/c" into segments after "tenants". */
enum MHD_Result api_handle(struct MHD_Connection *c, request *r, const char *path, const char *method)
{
    static const char prefix[] = "/api/v1/tenants/";
    if (strncmp(path, prefix, sizeof prefix - 1) != 0)
        return reply_error(c, r, 404, "not_found", "no such route");
    char buf[512];
    if (strlen(path) >= sizeof buf)
        return reply_error(c, r, 404, "not_found", "no such route");
    snprintf(buf, sizeof buf, "%s", path + sizeof prefix - 1);
    char *seg[6];
    int n = 0;
    for (char *save = NULL, *s = strtok_r(buf, "/", &save); s; s = strtok_r(NULL, "/", &save)) {
        if (n == 6)
            return reply_error(c, r, 404, "not_found", "no such route");
        seg[n++] = s;
    }
    if (n < 2)
        return reply_error(c, r, 404, "not_found", "no such route");
    /* The token first: a request without the tenant's token learns
     * nothing, not even whether the tenant exists. */
    const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    int ok = tokens_check(seg[0], auth);
    if (ok < 0) {
        count_refusal(REFUSE_BUSY);
        return reply_error(c, r, 503, "unavailable", "the database cannot check the token");
    }
    if (ok == 0) {
        count_refusal(REFUSE_UNAUTHORIZED);
        struct MHD_Response *resp = MHD_create_response_from_buffer(
            sizeof "{\"error\":\"unauthorized\"}" - 1, (void *)"{\"error\":\"unauthorized\"}", MHD_RESPMEM_PERSISTENT);
        if (resp) {
            MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
            MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer realm=\"mtrkd\"");
        }
        return reply_response(c, r, 401, resp);
    }
    unsigned status = 404;
    mtrk_tenant *t = worker_tenant(seg[0], &status);
    if (t == NULL)
        return reply_error(c, r, status, status == 404 ? "not_found" : "unavailable",
                           status == 404 ? "no such tenant" : "the database cannot be opened");
    bool get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    bool post = strcmp(method, "POST") == 0;
    if (n == 2 && strcmp(seg[1], "events") == 0) {
        if (!post) {
            count_refusal(REFUSE_METHOD);
            return reply_error(c, r, 405, "method", "POST JSON Lines here");
        }
        return events_post(c, r, t);
    }
    if (!get) {
        count_refusal(REFUSE_METHOD);
        return reply_error(c, r, 405, "method", "the API is read-only: use GET");
    }
    if (n == 2 && strcmp(seg[1], "campaigns") == 0)
        return campaigns(c, r, t);
    if (n >= 3 && strcmp(seg[1], "campaigns") == 0) {
        mtrk_id id;
        if (mtrk_id_from_string(&id, seg[2]))
            return reply_error(c, r, 404, "not_found", "not a campaign id");
        if (n == 3)
            return campaign_one(c, r, t, id);
        if (n == 4 && strcmp(seg[3], "hourly") == 0)
            return hourly(c, r, t, id);
        if (n == 4 && strcmp(seg[3], "links") == 0)
            return links(c, r, t, id);
        if (n == 4 && strcmp(seg[3], "events") == 0)
            return campaign_events(c, r, t, id);
    }
    if (n == 4 && strcmp(seg[1], "contacts") == 0 && strcmp(seg[3], "events") == 0)
        return contact_events(c, r, t, seg[2]);
    return reply_error(c, r, 404, "not_found", "no such route");
}
