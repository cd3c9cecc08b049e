/* simulate and report (terminal dashboard, JSON, self-contained HTML). */
#include "charts.h"
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* ---- simulate --------------------------------------------------------------- */

static int cmd_simulate(cli_ctx *c, cli_args *a)
{
    mtrk_id cam;
    int st = resolve_campaign(&cam, c, a->pos[0]);
    if (st)
        return st;
    mtrk_sim_options o = MTRK_SIM_OPTIONS_INIT;
    uint64_t u;
    struct { const char *name; double *dst; } rates[] = {
        { "delivery", &o.delivery_rate }, { "hard-bounce", &o.hard_bounce_rate },
        { "soft-bounce", &o.soft_bounce_rate }, { "open", &o.open_rate }, { "click", &o.click_rate },
        { "complaint", &o.complaint_rate }, { "unsubscribe", &o.unsubscribe_rate }, { "lead", &o.lead_rate },
        { "machine-open", &o.machine_open_share }, { "scanner-click", &o.scanner_click_share },
        { "duplicate", &o.duplicate_share }, { "out-of-order", &o.out_of_order_share },
        { "half-life", &o.half_life_hours }, { "spread", &o.spread_hours },
    };
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++)
        if ((st = opt_double(rates[i].dst, c, a, rates[i].name, *rates[i].dst)))
            return st;
    if ((st = opt_u64(&u, c, a, "seed", o.seed)))
        return st;
    o.seed = u;
    if ((st = opt_u64(&u, c, a, "send-interval", (uint64_t)o.send_interval_ms)))
        return st;
    o.send_interval_ms = (int64_t)u;
    if ((st = opt_time(&o.start, c, a, "start")))
        return st;
    mtrk_sim_link_weight w[64];
    size_t nw = 0;
    if (opt(a, "link-weights")) {
        /* Weights by link position order: "5,3,1". */
        mtrk_link_iter *it = NULL;
        int rc = mtrk_link_iter_new(&it, c->t, cam);
        const char *p = opt(a, "link-weights");
        while (rc == MTRK_OK && *p) {
            const mtrk_link *l;
            if (mtrk_link_iter_next(&l, it) != MTRK_OK || nw == 64) {
                mtrk_link_iter_free(it);
                return usage_err(c, "--link-weights: more weights than the campaign has links");
            }
            char *end;
            w[nw].lid = mtrk_link_id(l);
            w[nw].weight = strtod(p, &end);
            if (end == p || (*end && *end != ',')) {
                mtrk_link_iter_free(it);
                return usage_err(c, "--link-weights: \"%s\" is not a list of numbers", opt(a, "link-weights"));
            }
            nw++;
            p = *end ? end + 1 : end;
        }
        mtrk_link_iter_free(it);
        o.link_weights = w;
        o.link_weight_size = sizeof w[0];
        o.nlink_weights = nw;
    }
    mtrk_sim_report r = MTRK_SIM_REPORT_INIT;
    ticker *tk = ticker_start("simulating");
    int rc = mtrk_simulate(&r, c->t, cam, &o);
    ticker_stop(tk);
    if (rc == MTRK_EINVAL && strstr(mtrk_last_errmsg(), "options"))
        return usage_err(c, "%s", mtrk_last_errmsg());
    if (rc)
        st = lib_err(c, rc, "simulating %s", a->pos[0]);
#define F(x) (unsigned long long)r.x
    if (c->json)
        printf("{\"seed\":%llu,\"claimed\":%llu,\"canceled\":%llu,\"marked_sent\":%llu,\"messages\":%llu,"
               "\"delivered\":%llu,\"hard_bounces\":%llu,\"soft_bounces\":%llu,\"opens\":%llu,"
               "\"machine_opens\":%llu,\"clicks\":%llu,\"scanner_clicks\":%llu,\"complaints\":%llu,"
               "\"unsubscribes\":%llu,\"duplicates_sent\":%llu,\"reordered\":%llu,\"submitted\":%llu,"
               "\"recorded\":%llu,\"duplicates\":%llu,\"refused\":%llu,\"leads\":%llu,\"leads_duplicate\":%llu}\n",
               (unsigned long long)o.seed, F(claimed), F(canceled), F(marked_sent), F(messages), F(delivered),
               F(hard_bounces), F(soft_bounces), F(opens), F(machine_opens), F(clicks), F(scanner_clicks),
               F(complaints), F(unsubscribes), F(duplicates_sent), F(reordered), F(submitted), F(recorded),
               F(duplicates), F(refused), F(leads), F(leads_duplicate));
    else
        printf("simulated %llu messages (seed %llu; %llu marked sent now): %llu events submitted, %llu recorded,\n"
               "%llu duplicates, %llu refused; %llu delivered, %llu hard and %llu soft bounces, %llu opens\n"
               "(+%llu machine), %llu clicks (+%llu scanner), %llu complaints, %llu unsubscribes, %llu leads\n",
               F(messages), (unsigned long long)o.seed, F(marked_sent), F(submitted), F(recorded), F(duplicates),
               F(refused), F(delivered), F(hard_bounces), F(soft_bounces), F(opens), F(machine_opens), F(clicks),
               F(scanner_clicks), F(complaints), F(unsubscribes), F(leads));
#undef F
    return st;
}

/* ---- the report's figures ----------------------------------------------------- */

#define MAX_LINKS 32
typedef struct rep {
    mtrk_id id;
    char *name;
    const char *status;
    mtrk_metrics m;
    mtrk_link_stats links[MAX_LINKS];
    size_t nlinks;
    char *labels[MAX_LINKS], *urls[MAX_LINKS]; /* owned copies */
    mtrk_link_origin origins[MAX_LINKS];
    size_t order[MAX_LINKS];   /* ranked links first (human uniques), then honeypots, then untracked */
    uint32_t hrank[MAX_LINKS]; /* rank by human unique clicks (0: not ranked) */
    mtrk_time hour0;
    size_t hours;
    uint64_t *opens, *clicks;                 /* per hour, every event */
    uint64_t *opens_machine, *clicks_machine; /* per hour, verdict machine */
    uint64_t reasons[MTRK_BOUNCE_REASON_COUNT]; /* bounces with facts, by reason */
    uint64_t nreasons;                          /* their sum */
} rep;

static void rep_free(rep *r)
{
    free(r->name);
    for (size_t i = 0; i < r->nlinks; i++) {
        free(r->labels[i]);
        free(r->urls[i]);
    }
    free(r->opens);
    free(r->clicks);
    free(r->opens_machine);
    free(r->clicks_machine);
}

static bool ranked(mtrk_link_origin o) { return o != MTRK_LINK_HONEYPOT && o != MTRK_LINK_TEMPLATE; }

static const rep *sort_rep;
static int link_order_cmp(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    const rep *r = sort_rep;
    int gi = ranked(r->origins[i]) ? 0 : r->origins[i] == MTRK_LINK_HONEYPOT ? 1 : 2;
    int gj = ranked(r->origins[j]) ? 0 : r->origins[j] == MTRK_LINK_HONEYPOT ? 1 : 2;
    if (gi != gj)
        return gi - gj;
    const mtrk_link_stats *x = &r->links[i], *y = &r->links[j];
    if (x->clicks_unique_human != y->clicks_unique_human)
        return x->clicks_unique_human > y->clicks_unique_human ? -1 : 1;
    if (x->clicks_unique != y->clicks_unique)
        return x->clicks_unique > y->clicks_unique ? -1 : 1;
    return x->position < y->position ? -1 : x->position > y->position;
}

/* Orders the links for every view: by human unique clicks (ties share a
 * rank), honeypots and untracked links after, unranked. */
static void rank_links(rep *r)
{
    for (size_t i = 0; i < r->nlinks; i++)
        r->order[i] = i;
    sort_rep = r;
    qsort(r->order, r->nlinks, sizeof *r->order, link_order_cmp);
    uint32_t rank = 0;
    for (size_t k = 0; k < r->nlinks; k++) {
        size_t i = r->order[k];
        if (!ranked(r->origins[i]))
            continue;
        size_t prev = k > 0 ? r->order[k - 1] : 0;
        if (k == 0 || r->links[prev].clicks_unique_human != r->links[i].clicks_unique_human)
            rank = (uint32_t)k + 1;
        r->hrank[i] = rank;
    }
}

/* Machine opens and clicks per hour, from the campaign's events in the
 * window (the hourly rollup counts every event; the verdict split is read
 * from the events themselves). */
static int machine_hourly(rep *r, cli_ctx *c, mtrk_event_type type, uint64_t *out)
{
    mtrk_event_iter *it = NULL;
    mtrk_time to = r->hour0 + (mtrk_time)r->hours * 3600000;
    int rc = mtrk_event_iter_campaign(&it, c->t, r->id, type, r->hour0, to);
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    while (rc == MTRK_OK && (rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        if (e.verdict != MTRK_VERDICT_MACHINE || e.occurred_at < r->hour0 || e.occurred_at >= to)
            continue;
        out[(size_t)((e.occurred_at - r->hour0) / 3600000)]++;
    }
    mtrk_event_iter_free(it);
    return rc == MTRK_ITEROVER ? MTRK_OK : rc;
}

static int rep_load(rep *r, cli_ctx *c, mtrk_id cam, size_t hours)
{
    memset(r, 0, sizeof *r);
    r->id = cam;
    mtrk_campaign *k = NULL;
    int rc = mtrk_campaign_get(&k, c->t, cam);
    if (rc)
        return lib_err(c, rc, "campaign");
    r->name = strdup(mtrk_campaign_name(k));
    r->status = mtrk_campaign_status_name(mtrk_campaign_status_of(k));
    mtrk_campaign_free(k);
    mtrk_metrics_init(&r->m, MTRK_METRICS_VERSION);
    if ((rc = mtrk_bounce_reason_counts(r->reasons, MTRK_BOUNCE_REASON_COUNT, c->t, cam)))
        return lib_err(c, rc, "bounce reasons");
    for (int i = 0; i < MTRK_BOUNCE_REASON_COUNT; i++)
        r->nreasons += r->reasons[i];
    if ((rc = mtrk_metrics_campaign(&r->m, c->t, cam)))
        return lib_err(c, rc, "metrics of %s", r->name);
    mtrk_link_stats *p[MAX_LINKS];
    for (int i = 0; i < MAX_LINKS; i++) {
        mtrk_link_stats_init(&r->links[i], MTRK_LINK_STATS_VERSION);
        p[i] = &r->links[i];
    }
    size_t n = 0;
    if ((rc = mtrk_metrics_links(p, MAX_LINKS, &n, c->t, cam)))
        return lib_err(c, rc, "link stats of %s", r->name);
    r->nlinks = n < MAX_LINKS ? n : MAX_LINKS;
    for (size_t i = 0; i < r->nlinks; i++) { /* borrowed until the next call: copy */
        r->labels[i] = strdup(r->links[i].label ? r->links[i].label : "");
        r->urls[i] = strdup(r->links[i].url ? r->links[i].url : "");
    }
    for (size_t i = 0; i < r->nlinks; i++) {
        mtrk_link *l = NULL;
        if ((rc = mtrk_link_get(&l, c->t, r->links[i].lid)))
            return lib_err(c, rc, "link of %s", r->name);
        r->origins[i] = mtrk_link_origin_of(l);
        mtrk_link_free(l);
    }
    rank_links(r);
    /* The series starts at the hour of the first event. */
    mtrk_event_iter *it = NULL;
    mtrk_event_info e = MTRK_EVENT_INFO_INIT;
    rc = mtrk_event_iter_campaign(&it, c->t, cam, 0, 0, 0);
    if (rc == MTRK_OK)
        rc = mtrk_event_iter_next(&e, it);
    mtrk_event_iter_free(it);
    if (rc && rc != MTRK_ITEROVER)
        return lib_err(c, rc, "events of %s", r->name);
    r->hours = hours;
    r->opens = calloc(hours, sizeof *r->opens);
    r->clicks = calloc(hours, sizeof *r->clicks);
    r->opens_machine = calloc(hours, sizeof *r->opens_machine);
    r->clicks_machine = calloc(hours, sizeof *r->clicks_machine);
    /* Only opens and clicks are drawn: slots for the types up to clicks. */
    enum { K = MTRK_EV_CLICK + 1 };
    uint64_t *buf = calloc(hours * K, sizeof *buf);
    if (!r->opens || !r->clicks || !r->opens_machine || !r->clicks_machine || !buf) {
        free(buf);
        return data_err(c, "out of memory");
    }
    if (rc == MTRK_OK) {
        r->hour0 = e.occurred_at - e.occurred_at % 3600000;
        rc = mtrk_metrics_hourly(buf, hours * K, K, NULL, c->t, cam, r->hour0, r->hour0 + (mtrk_time)hours * 3600000);
        if (rc) {
            free(buf);
            return lib_err(c, rc, "hourly series of %s", r->name);
        }
        for (size_t h = 0; h < hours; h++) {
            r->opens[h] = buf[h * K + MTRK_EV_OPEN];
            r->clicks[h] = buf[h * K + MTRK_EV_CLICK];
        }
        if ((rc = machine_hourly(r, c, MTRK_EV_OPEN, r->opens_machine)) ||
            (rc = machine_hourly(r, c, MTRK_EV_CLICK, r->clicks_machine))) {
            free(buf);
            return lib_err(c, rc, "machine activity of %s", r->name);
        }
    }
    free(buf);
    return 0;
}

static double pct(uint64_t a, uint64_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

/* The funnel, one definition for the terminal, JSON and HTML: each rate is
 * of the base docs/metrics.md gives it, named in `of`. */
typedef struct frow {
    const char *name, *key;
    uint64_t v, base;
    const char *of;
} frow;
#define NFUNNEL 6
static void funnel(const mtrk_metrics *m, frow f[NFUNNEL])
{
    frow rows[NFUNNEL] = {
        { "messages", "messages", m->messages, 0, "" },
        { "sent", "sent", m->sent, m->messages, "messages" },
        { "delivered", "delivered", m->delivered, m->sent, "sent" },
        { "opened", "opened", m->opens_unique, m->delivered, "delivered" },
        { "clicked", "clicked", m->clicks_unique, m->delivered, "delivered" },
        { "leads (attributed)", "leads", m->leads_attributed, m->delivered, "delivered" },
    };
    memcpy(f, rows, sizeof rows);
}

/* What "leads" means here, in one sentence for every view. */
static void leads_note(char *buf, size_t n, const mtrk_metrics *m)
{
    unsigned long long total = m->leads_total, attr = m->leads_attributed, fwd = m->leads_forwarded;
    snprintf(buf, n,
             "Leads in the funnel and the conversion rate are the %llu attributed to a message of this campaign; "
             "%llu were captured on its landing page in all, %llu without a message to attribute them to (no "
             "valid mid in the link, or past the attribution window)%s%llu of the attributed were forwarded "
             "(the address is not the recipient's).",
             attr, total, total - attr, "; ", fwd);
}

static const char *origin_word(mtrk_link_origin o)
{
    switch (o) {
    case MTRK_LINK_HONEYPOT: return "honeypot";
    case MTRK_LINK_TEMPLATE: return "untracked";
    case MTRK_LINK_TEMPLATE_TRACKED: return "template";
    case MTRK_LINK_MANUAL: return "manual";
    default: return "html";
    }
}

/* ---- terminal ------------------------------------------------------------------- */

static void bar(int width, double frac)
{
    int n = (int)(frac * width + 0.5);
    if (n > width)
        n = width;
    for (int i = 0; i < n; i++)
        fputs("\u2588", stdout);
    printf("%*s", width - n, "");
}

/* The reason's name as words ("user unknown"), into buf. */
static const char *reason_words(char buf[48], int reason)
{
    snprintf(buf, 48, "%s", mtrk_bounce_reason_name((mtrk_bounce_reason)reason));
    for (char *p = buf; *p; p++)
        if (*p == '_')
            *p = ' ';
    return buf;
}

static const char *reason_kind_word(int reason)
{
    mtrk_bounce_kind k = mtrk_bounce_reason_kind((mtrk_bounce_reason)reason);
    return k == MTRK_BOUNCE_HARD ? "hard" : k == MTRK_BOUNCE_SOFT ? "soft" : "no bounce";
}

static void print_terminal(const rep *r)
{
    const mtrk_metrics *m = &r->m;
    char ids[MTRK_ID_STRLEN + 1];
    printf("%.42s  [%s]\n", r->name, r->status);
    printf("campaign %s\n", idstr(ids, r->id));
    printf("%.80s\n", "--------------------------------------------------------------------------------");
    printf("FUNNEL                     count    rate  of\n");
    frow f[NFUNNEL];
    funnel(m, f);
    for (size_t i = 0; i < NFUNNEL; i++) {
        if (i == 0)
            printf("  %-18s %11llu                  ", f[i].name, (unsigned long long)f[i].v);
        else
            printf("  %-18s %11llu  %5.1f%%  %-9s ", f[i].name, (unsigned long long)f[i].v, pct(f[i].v, f[i].base),
                   f[i].of);
        bar(24, m->messages ? (double)f[i].v / (double)m->messages : 0);
        putchar('\n');
    }
    printf("  click-to-open %23.1f%%  opened\n", 100.0 * m->click_to_open_rate);
    printf("\nDELIVERY PROBLEMS          count    rate  of\n");
    printf("  hard bounces       %11llu  %5.1f%%  sent\n", (unsigned long long)m->bounced_hard, 100.0 * m->bounce_rate);
    printf("  soft bounces       %11llu  %5.1f%%  sent\n", (unsigned long long)m->bounced_soft,
           pct(m->bounced_soft, m->sent));
    printf("  complaints         %11llu  %5.2f%%  delivered\n", (unsigned long long)m->complaints,
           100.0 * m->complaint_rate);
    printf("  unsubscribes       %11llu  %5.2f%%  delivered\n", (unsigned long long)m->unsubscribes,
           100.0 * m->unsubscribe_rate);
    printf("  canceled           %11llu\n", (unsigned long long)m->canceled);
    /* Only bounces recorded with their facts have a reason (provider
     * webhooks, mtrk bounces --record): none, no section. */
    if (r->nreasons)
        printf("\nBOUNCES BY REASON          count   share  kind\n");
    for (int i = 0; i < MTRK_BOUNCE_REASON_COUNT; i++) {
        char w[48];
        if (r->reasons[i])
            printf("  %-22s %7llu  %5.1f%%  %s\n", reason_words(w, i), (unsigned long long)r->reasons[i],
                   pct(r->reasons[i], r->nreasons), reason_kind_word(i));
    }
    printf("\nCTA RANKING (human unique clicks first)\n");
    printf("  rank     human  unique  clicks  label\n");
    for (size_t k = 0; k < r->nlinks; k++) {
        size_t i = r->order[k];
        const mtrk_link_stats *l = &r->links[i];
        char rank[16];
        if (r->hrank[i])
            snprintf(rank, sizeof rank, "#%u", r->hrank[i]);
        else
            snprintf(rank, sizeof rank, "%s", origin_word(r->origins[i]));
        printf("  %-9s %5llu %7llu %7llu  %.36s\n", rank, (unsigned long long)l->clicks_unique_human,
               (unsigned long long)l->clicks_unique, (unsigned long long)l->clicks,
               *r->labels[i] ? r->labels[i] : r->urls[i]);
    }
    if (r->nlinks == 0)
        printf("  (no links)\n");
    bool unranked = false;
    for (size_t i = 0; i < r->nlinks; i++)
        unranked = unranked || !ranked(r->origins[i]);
    if (unranked)
        printf("  (honeypot: hidden trap link, its clicks are scanners; untracked: merge tags)\n");
    printf("\nHUMAN VS MACHINE       human  machine\n");
    printf("  opens          %11llu %8llu   (unique human / machine events)\n",
           (unsigned long long)m->opens_unique_human, (unsigned long long)m->opens_machine);
    printf("  clicks         %11llu %8llu\n", (unsigned long long)m->clicks_unique_human,
           (unsigned long long)m->clicks_machine);
    printf("  opens inferred from clicks %llu\n", (unsigned long long)m->opens_inferred);
    printf("  leads %llu in all, %llu attributed (the funnel's), %llu forwarded\n", (unsigned long long)m->leads_total,
           (unsigned long long)m->leads_attributed, (unsigned long long)m->leads_forwarded);
}

static void print_compare_terminal(const rep *rs, size_t n)
{
    printf("%-24s %8s %8s %6s %6s %6s %6s %6s\n", "CAMPAIGN", "SENT", "DELIV", "OPEN%", "CLICK%", "BOUNCE", "UNSUB",
           "CONV%");
    for (size_t i = 0; i < n; i++) {
        const mtrk_metrics *m = &rs[i].m;
        printf("%-24.24s %8llu %8llu %6.1f %6.1f %6.2f %6.2f %6.2f\n", rs[i].name, (unsigned long long)m->sent,
               (unsigned long long)m->delivered, 100 * m->open_rate, 100 * m->click_rate, 100 * m->bounce_rate,
               100 * m->unsubscribe_rate, 100 * m->conversion_rate);
    }
    printf("(open, click, unsubscribe and conversion of delivered; bounce of sent)\n");
}

/* ---- JSON (keys documented in docs/cli.md) -------------------------------------- */

static void print_json(const rep *r, FILE *f)
{
    const mtrk_metrics *m = &r->m;
    char ids[MTRK_ID_STRLEN + 1], tb[32];
#define U(x) (unsigned long long)(x)
    fprintf(f, "{\"campaign\":{\"id\":\"%s\",\"name\":", idstr(ids, r->id));
    json_str(f, r->name);
    fprintf(f, ",\"status\":\"%s\"},", r->status);
    fprintf(f, "\"funnel\":{\"messages\":%llu,\"sent\":%llu,\"delivered\":%llu,\"opened\":%llu,\"clicked\":%llu,"
               "\"leads\":%llu},",
            U(m->messages), U(m->sent), U(m->delivered), U(m->opens_unique), U(m->clicks_unique), U(m->leads_attributed));
    frow fr[NFUNNEL];
    funnel(m, fr);
    fprintf(f, "\"funnel_rates\":{");
    for (size_t i = 1; i < NFUNNEL; i++)
        fprintf(f, "%s\"%s\":{\"rate\":%.6f,\"of\":\"%s\"}", i > 1 ? "," : "", fr[i].key, pct(fr[i].v, fr[i].base) / 100,
                fr[i].of);
    fprintf(f, "},");
    fprintf(f, "\"rates\":{\"delivery\":%.6f,\"open\":%.6f,\"click\":%.6f,\"click_to_open\":%.6f,\"bounce\":%.6f,"
               "\"complaint\":%.6f,\"unsubscribe\":%.6f,\"conversion\":%.6f},",
            m->delivery_rate, m->open_rate, m->click_rate, m->click_to_open_rate, m->bounce_rate, m->complaint_rate,
            m->unsubscribe_rate, m->conversion_rate);
    fprintf(f, "\"bounces\":{\"hard\":%llu,\"soft\":%llu},\"complaints\":%llu,\"unsubscribes\":%llu,\"canceled\":%llu,",
            U(m->bounced_hard), U(m->bounced_soft), U(m->complaints), U(m->unsubscribes), U(m->canceled));
    fprintf(f, "\"bounce_reasons\":{");
    for (int i = 0, k = 0; i < MTRK_BOUNCE_REASON_COUNT; i++)
        if (r->reasons[i])
            fprintf(f, "%s\"%s\":%llu", k++ ? "," : "", mtrk_bounce_reason_name((mtrk_bounce_reason)i), U(r->reasons[i]));
    fprintf(f, "},");
    fprintf(f, "\"opens\":{\"total\":%llu,\"unique\":%llu,\"unique_human\":%llu,\"machine\":%llu,\"inferred\":%llu},",
            U(m->opens_total), U(m->opens_unique), U(m->opens_unique_human), U(m->opens_machine), U(m->opens_inferred));
    fprintf(f, "\"clicks\":{\"total\":%llu,\"unique\":%llu,\"unique_human\":%llu,\"machine\":%llu},",
            U(m->clicks_total), U(m->clicks_unique), U(m->clicks_unique_human), U(m->clicks_machine));
    fprintf(f, "\"leads\":{\"total\":%llu,\"attributed\":%llu,\"forwarded\":%llu},\"links\":[",
            U(m->leads_total), U(m->leads_attributed), U(m->leads_forwarded));
    for (size_t k = 0; k < r->nlinks; k++) {
        size_t i = r->order[k];
        const mtrk_link_stats *l = &r->links[i];
        fprintf(f, "%s{\"lid\":\"%s\",\"rank\":%u,\"human_rank\":", k ? "," : "", idstr(ids, l->lid), l->rank);
        if (r->hrank[i])
            fprintf(f, "%u", r->hrank[i]);
        else
            fputs("null", f);
        fprintf(f, ",\"origin\":\"%s\",\"position\":%u,\"label\":", origin_word(r->origins[i]), l->position);
        json_str(f, r->labels[i]);
        fprintf(f, ",\"url\":");
        json_str(f, r->urls[i]);
        fprintf(f, ",\"clicks\":%llu,\"clicks_unique\":%llu,\"clicks_unique_human\":%llu}", U(l->clicks),
                U(l->clicks_unique), U(l->clicks_unique_human));
    }
    fmt_time(tb, r->hour0);
    fprintf(f, "],\"hourly\":{\"start\":%s%s%s,\"opens\":[", r->hour0 ? "\"" : "", r->hour0 ? tb : "null",
            r->hour0 ? "\"" : "");
    const uint64_t *ser[] = { r->opens, r->clicks, r->opens_machine, r->clicks_machine };
    const char *names[] = { "opens", "clicks", "opens_machine", "clicks_machine" };
    for (int k = 0; k < 4; k++) {
        if (k)
            fprintf(f, "],\"%s\":[", names[k]);
        for (size_t h = 0; h < r->hours; h++)
            fprintf(f, "%s%llu", h ? "," : "", U(ser[k][h]));
    }
    fprintf(f, "]}}");
#undef U
}

/* ---- HTML with inline SVG (tools/charts.c) ----------------------------------------- */

static void html_campaign(FILE *f, const rep *r)
{
    const mtrk_metrics *m = &r->m;
    char ids[MTRK_ID_STRLEN + 1];
    fprintf(f, "<section class=\"campaign\"><h2>");
    html_esc(f, r->name);
    fprintf(f, " <small>");
    html_esc(f, r->status);
    fprintf(f, " &middot; %s</small></h2>\n", idstr(ids, r->id));
    frow fr[NFUNNEL];
    funnel(m, fr);
    chart_bar fb[NFUNNEL];
    char ft[NFUNNEL][64];
    for (size_t i = 0; i < NFUNNEL; i++) {
        if (i == 0)
            snprintf(ft[i], sizeof ft[i], "%llu", (unsigned long long)fr[i].v);
        else
            snprintf(ft[i], sizeof ft[i], "%llu \xc2\xb7 %.1f%% of %s", (unsigned long long)fr[i].v,
                     pct(fr[i].v, fr[i].base), fr[i].of);
        fb[i] = (chart_bar){ fr[i].name, (double)fr[i].v, ft[i], NULL };
    }
    chart_hbars(f, "funnel", "Funnel (each rate of the stage named after it)", fb, NFUNNEL, (double)m->messages);
    char note[512];
    leads_note(note, sizeof note, m);
    fputs("<p class=\"note leads\">", f);
    html_esc(f, note);
    fprintf(f, " Click-to-open: %.1f%% of opened.</p>\n", 100.0 * m->click_to_open_rate);
    uint64_t *oh = calloc(r->hours + 1, sizeof *oh), *ch = calloc(r->hours + 1, sizeof *ch);
    for (size_t h = 0; oh && ch && h < r->hours; h++) {
        oh[h] = r->opens[h] - r->opens_machine[h];
        ch[h] = r->clicks[h] - r->clicks_machine[h];
    }
    if (oh && ch) {
        chart_series ss[] = {
            { "opens, human", chart_color(0), false, oh },
            { "opens, machine (privacy proxies)", "#90cdf4", true, r->opens_machine },
            { "clicks, human", chart_color(1), false, ch },
            { "clicks, machine (link scanners)", chart_color(2), true, r->clicks_machine },
        };
        chart_hourly(f, "hourly", "Opens and clicks per hour, human and machine", r->hour0, r->hours, ss, 4);
    }
    free(oh);
    free(ch);
    chart_bar lb[MAX_LINKS];
    char lt[MAX_LINKS][96], ll[MAX_LINKS][300];
    size_t nl = 0;
    for (size_t k = 0; k < r->nlinks; k++) {
        size_t i = r->order[k];
        if (!ranked(r->origins[i]))
            continue;
        snprintf(ll[nl], sizeof ll[nl], "#%u %s", r->hrank[i], *r->labels[i] ? r->labels[i] : r->urls[i]);
        snprintf(lt[nl], sizeof lt[nl], "%llu human unique \xc2\xb7 %llu unique \xc2\xb7 %llu clicks",
                 (unsigned long long)r->links[i].clicks_unique_human, (unsigned long long)r->links[i].clicks_unique,
                 (unsigned long long)r->links[i].clicks);
        lb[nl] = (chart_bar){ ll[nl], (double)r->links[i].clicks_unique_human, lt[nl], NULL };
        nl++;
    }
    chart_hbars(f, "cta", "CTA ranking (human unique clicks)", lb, nl, 0);
    bool any = false;
    for (size_t k = 0; k < r->nlinks; k++) {
        size_t i = r->order[k];
        if (ranked(r->origins[i]))
            continue;
        if (!any)
            fputs("<ul class=\"note unranked\">", f);
        any = true;
        fprintf(f, "<li class=\"%s\">", origin_word(r->origins[i]));
        fputs(r->origins[i] == MTRK_LINK_HONEYPOT ? "Honeypot (hidden trap link; every click is a scanner, left "
                                                    "out of the ranking): "
                                                  : "Not tracked (merge tags): ",
              f);
        html_esc(f, *r->labels[i] ? r->labels[i] : r->urls[i]);
        fprintf(f, " &mdash; %llu clicks</li>", (unsigned long long)r->links[i].clicks);
    }
    if (any)
        fputs("</ul>\n", f);
    const char *bl[] = { "hard bounces", "soft bounces", "complaints", "unsubscribes", "canceled" };
    double bv[] = { (double)m->bounced_hard, (double)m->bounced_soft, (double)m->complaints, (double)m->unsubscribes,
                    (double)m->canceled };
    double bb[] = { (double)m->sent, (double)m->sent, (double)m->delivered, (double)m->delivered, (double)m->messages };
    const char *bo[] = { "sent", "sent", "delivered", "delivered", "messages" };
    chart_bar brow[5];
    char btxt[5][64];
    for (int i = 0; i < 5; i++) {
        snprintf(btxt[i], sizeof btxt[i], "%.0f \xc2\xb7 %.2f%% of %s", bv[i], bb[i] > 0 ? 100 * bv[i] / bb[i] : 0,
                 bo[i]);
        brow[i] = (chart_bar){ bl[i], bv[i], btxt[i], NULL };
    }
    chart_hbars(f, "breakdown", "Bounces, complaints and unsubscribes", brow, 5, 0);
    chart_bar rrow[MTRK_BOUNCE_REASON_COUNT];
    char rlab[MTRK_BOUNCE_REASON_COUNT][96], rtxt[MTRK_BOUNCE_REASON_COUNT][64];
    size_t nr = 0;
    for (int i = 0; i < MTRK_BOUNCE_REASON_COUNT; i++) {
        if (r->reasons[i] == 0)
            continue;
        char w[48];
        snprintf(rlab[nr], sizeof rlab[nr], "%s (%s)", reason_words(w, i), reason_kind_word(i));
        snprintf(rtxt[nr], sizeof rtxt[nr], "%llu \xc2\xb7 %.1f%% of bounces with a reason",
                 (unsigned long long)r->reasons[i], pct(r->reasons[i], r->nreasons));
        rrow[nr] = (chart_bar){ rlab[nr], (double)r->reasons[i], rtxt[nr],
                                mtrk_bounce_reason_kind((mtrk_bounce_reason)i) == MTRK_BOUNCE_HARD ? "hard" : NULL };
        nr++;
    }
    if (nr)
        chart_hbars(f, "bounce-reasons", "Bounces by reason (docs/bounces.md)", rrow, nr, 0);
    else
        fputs("<p class=\"note bounce-reasons\">No bounce carried a reason (provider webhooks and mtrk bounces "
              "--record give them).</p>\n", f);
    fprintf(f, "<table><tr><th>human unique opens</th><td>%llu</td><th>machine opens</th><td>%llu</td></tr>"
               "<tr><th>human unique clicks</th><td>%llu</td><th>machine clicks</th><td>%llu</td></tr></table>\n",
            (unsigned long long)m->opens_unique_human, (unsigned long long)m->opens_machine,
            (unsigned long long)m->clicks_unique_human, (unsigned long long)m->clicks_machine);
    fprintf(f, "</section>\n");
}

static void html_compare(FILE *f, const rep *rs, size_t n)
{
    const char *groups[] = { "open (of delivered)", "click (of delivered)", "bounce (of sent)",
                             "unsubscribe (of delivered)", "conversion (of delivered)" };
    double *v = calloc(n * 5, sizeof *v);
    const char **names = calloc(n, sizeof *names);
    if (v == NULL || names == NULL) {
        free(v);
        free(names);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const mtrk_metrics *m = &rs[i].m;
        double x[] = { m->open_rate, m->click_rate, m->bounce_rate, m->unsubscribe_rate, m->conversion_rate };
        for (int k = 0; k < 5; k++)
            v[i * 5 + (size_t)k] = 100 * x[k];
        names[i] = rs[i].name;
    }
    chart_groups(f, "compare", "Campaign comparison (rates, %)", groups, 5, names, n, v);
    free(v);
    free(names);
}

/* The tenant's reputation guards: each scope's complaint and bounce rates
 * against the thresholds (a bar is the rate as a share of its pause
 * threshold), and a table of the figures and states. */
static void html_reputation(FILE *f, cli_ctx *c)
{
    mtrk_reputation_settings s = MTRK_REPUTATION_SETTINGS_INIT;
    size_t n = 0;
    if (mtrk_reputation_settings_get(&s, c->t) || mtrk_reputation_list(NULL, 0, &n, c->t) || n == 0)
        return;
    mtrk_reputation *v = calloc(n, sizeof *v);
    mtrk_reputation **p = calloc(n, sizeof *p);
    chart_bar *bars = calloc(2 * n, sizeof *bars);
    char (*lab)[300] = calloc(2 * n, sizeof *lab), (*txt)[128] = calloc(2 * n, sizeof *txt);
    size_t got = 0;
    if (v && p && bars && lab && txt) {
        for (size_t i = 0; i < n; i++) {
            mtrk_reputation one = MTRK_REPUTATION_INIT;
            v[i] = one;
            p[i] = &v[i];
        }
        if (mtrk_reputation_list(p, n, &got, c->t) != MTRK_OK)
            got = 0;
        if (got > n)
            got = n;
    }
    if (got) {
        fprintf(f, "<section class=\"reputation\"><h2>Sender reputation <small>last %lld hours</small></h2>\n",
                (long long)(s.window_ms / 3600000));
        fprintf(f, "<p class=\"note thresholds\">Complaint rate (complaints of delivered): warning at %.2f%%, pause "
                   "at %.2f%%. Bounce rate (bounces of sent): warning at %.2f%%, pause at %.2f%%. Judged from %llu "
                   "sent; a paused scope's campaigns stop until resumed (mtrk reputation resume).</p>\n",
                100 * s.complaint_warn, 100 * s.complaint_pause, 100 * s.bounce_warn, 100 * s.bounce_pause,
                (unsigned long long)s.min_sent);
        double top = 100;
        for (size_t i = 0; i < got; i++) {
            const char *scope = *v[i].domain ? v[i].domain : "tenant";
            double cr = 100 * v[i].complaint_rate, br = 100 * v[i].bounce_rate;
            double cs = s.complaint_pause > 0 ? cr / (100 * s.complaint_pause) * 100 : 0;
            double bs = s.bounce_pause > 0 ? br / (100 * s.bounce_pause) * 100 : 0;
            snprintf(lab[2 * i], sizeof lab[0], "%s complaints", scope);
            snprintf(txt[2 * i], sizeof txt[0], "%.3f%% \xc2\xb7 %.0f%% of the pause level", cr, cs);
            snprintf(lab[2 * i + 1], sizeof lab[0], "%s bounces", scope);
            snprintf(txt[2 * i + 1], sizeof txt[0], "%.2f%% \xc2\xb7 %.0f%% of the pause level", br, bs);
            const char *mark = v[i].state == MTRK_REPUTATION_PAUSED ? "paused"
                             : v[i].level == MTRK_REPUTATION_WARNING ? "warning" : NULL;
            bars[2 * i] = (chart_bar){ lab[2 * i], cs, txt[2 * i], mark };
            bars[2 * i + 1] = (chart_bar){ lab[2 * i + 1], bs, txt[2 * i + 1], mark };
            if (cs > top)
                top = cs;
            if (bs > top)
                top = bs;
        }
        chart_hbars(f, "reputation", "Rates as a share of their pause threshold (100% pauses)", bars, 2 * got, top);
        fputs("<table class=\"reputation\"><tr><th>scope</th><th>sent</th><th>delivered</th><th>bounces</th>"
              "<th>complaints</th><th>complaint rate</th><th>bounce rate</th><th>level</th><th>state</th></tr>",
              f);
        for (size_t i = 0; i < got; i++) {
            fputs("<tr><td>", f);
            html_esc(f, *v[i].domain ? v[i].domain : "tenant");
            fprintf(f, "</td><td>%llu</td><td>%llu</td><td>%llu</td><td>%llu</td><td>%.3f%%</td><td>%.2f%%</td>"
                       "<td>%s</td><td>%s</td></tr>",
                    (unsigned long long)v[i].sent, (unsigned long long)v[i].delivered,
                    (unsigned long long)v[i].bounces, (unsigned long long)v[i].complaints,
                    100 * v[i].complaint_rate, 100 * v[i].bounce_rate, mtrk_reputation_level_name(v[i].level),
                    mtrk_reputation_level_name(v[i].state));
        }
        fputs("</table>\n</section>\n", f);
    }
    free(v);
    free(p);
    free(bars);
    free(lab);
    free(txt);
}

static int write_html(cli_ctx *c, const char *path, const rep *rs, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return data_err(c, "%s: cannot write: %m", path);
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>mtrk report: ");
    html_esc(f, rs[0].name);
    fprintf(f, "</title>\n<style>body{font-family:sans-serif;margin:1em auto;padding:0 1em;max-width:980px;"
               "color:#222;background:#fff}table{border-collapse:collapse;display:block;overflow-x:auto}"
               "th,td{padding:.2em .8em;text-align:left}small{color:#666;font-weight:normal;"
               "overflow-wrap:anywhere}h2{overflow-wrap:anywhere}.note{color:#444;font-size:.9em}");
    chart_css(f);
    fprintf(f, "</style>\n</head><body>\n<h1>mtrk campaign report</h1>\n");
    for (size_t i = 0; i < n; i++)
        html_campaign(f, &rs[i]);
    if (n >= 2)
        html_compare(f, rs, n);
    html_reputation(f, c);
    fprintf(f, "</body></html>\n");
    if (fclose(f) != 0)
        return data_err(c, "%s: write failed", path);
    return 0;
}

static int cmd_report(cli_ctx *c, cli_args *a)
{
    uint64_t hours;
    int st = opt_u64(&hours, c, a, "hours", 72);
    if (st)
        return st;
    if (hours == 0 || hours > 24 * 366)
        return usage_err(c, "--hours must be within 1..8784");
    if (c->json && opt(a, "html"))
        return usage_err(c, "give --json or --html, not both");
    bool compare = flag(a, "compare");
    if (a->npos == 0)
        return usage_err(c, "name a campaign (or --compare C1 C2 ...)");
    if (!compare && a->npos > 1)
        return usage_err(c, "one campaign, or --compare C1 C2 ...");
    size_t n = (size_t)a->npos;
    rep *rs = calloc(n, sizeof *rs);
    if (rs == NULL)
        return data_err(c, "out of memory");
    for (size_t i = 0; st == 0 && i < n; i++) {
        mtrk_id id;
        st = resolve_campaign(&id, c, a->pos[i]);
        if (st == 0)
            st = rep_load(&rs[i], c, id, (size_t)hours);
    }
    if (st == 0) {
        if (opt(a, "html")) {
            st = write_html(c, opt(a, "html"), rs, n);
            if (st == 0)
                printf("%s\n", opt(a, "html"));
        } else if (c->json) {
            if (compare)
                printf("{\"campaigns\":[");
            for (size_t i = 0; i < n; i++) {
                if (i)
                    putchar(',');
                print_json(&rs[i], stdout);
            }
            puts(compare ? "]}" : "");
        } else if (compare) {
            print_compare_terminal(rs, n);
        } else {
            print_terminal(&rs[0]);
        }
    }
    for (size_t i = 0; i < n; i++)
        rep_free(&rs[i]);
    free(rs);
    return st;
}

/* ---- rebuild ---------------------------------------------------------------- */

static int cmd_rebuild(cli_ctx *c, cli_args *a)
{
    (void)a;
    ticker *tk = ticker_start("rebuilding");
    int rc = mtrk_metrics_rebuild(c->t);
    ticker_stop(tk);
    if (rc)
        return lib_err(c, rc, "rebuilding the metrics");
    if (c->json)
        printf("{\"rebuilt\":true}\n");
    else
        printf("rebuilt: every rollup, and the messages' fact columns\n");
    return EXIT_OK;
}

const cli_cmd cmds_report[] = {
    { "rebuild",
      "mtrk rebuild [--json]\n"
      "  Recomputes every rollup of --tenant from its messages and events (mtrk_metrics_rebuild),\n"
      "  and brings the messages' fact columns up to date for SQL readers (docs/schema.md).",
      "json", 0, 0, 1, cmd_rebuild },
    { "simulate",
      "mtrk simulate CAMPAIGN [--seed N] [--start T] [--delivery R] [--hard-bounce R]\n"
      "       [--soft-bounce R] [--open R] [--click R] [--complaint R] [--unsubscribe R] [--lead R]\n"
      "       [--machine-open R] [--scanner-click R] [--duplicate R] [--out-of-order R]\n"
      "       [--half-life HOURS] [--spread HOURS] [--send-interval MS] [--link-weights W1,W2,...] [--json]\n"
      "  Seeded simulation (mtrk/simulate.h): claims and sends a sending campaign's queue,\n"
      "  then records provider events for every sent message. Same seed, same events.",
      "seed= start= delivery= hard-bounce= soft-bounce= open= click= complaint= unsubscribe= lead= "
      "machine-open= scanner-click= duplicate= out-of-order= half-life= spread= send-interval= link-weights= json",
      1, 1, 1, cmd_simulate },
    { "report",
      "mtrk report CAMPAIGN [--json | --html FILE] [--hours N]\n"
      "   or: mtrk report --compare C1 C2 ... [--json | --html FILE]\n"
      "  The dashboard (80 columns), the same figures as JSON (docs/cli.md), or a\n"
      "  self-contained HTML file with inline SVG charts.",
      "json html= compare hours=", 0, CLI_MAX_POS, 1, cmd_report },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};
