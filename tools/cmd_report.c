/* simulate and report (terminal dashboard, JSON, self-contained HTML). */
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
    mtrk_time hour0;
    size_t hours;
    uint64_t *opens, *clicks; /* per hour */
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
    /* Only opens and clicks are drawn: slots for the types up to clicks. */
    enum { K = MTRK_EV_CLICK + 1 };
    uint64_t *buf = calloc(hours * K, sizeof *buf);
    if (!r->opens || !r->clicks || !buf) {
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
    }
    free(buf);
    return 0;
}

static double pct(uint64_t a, uint64_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

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

static void print_terminal(const rep *r)
{
    const mtrk_metrics *m = &r->m;
    char ids[MTRK_ID_STRLEN + 1];
    printf("%.42s  [%s]\n", r->name, r->status);
    printf("campaign %s\n", idstr(ids, r->id));
    printf("%.80s\n", "--------------------------------------------------------------------------------");
    printf("FUNNEL                 count    rate  of\n");
    struct { const char *n; uint64_t v, base; const char *of; } f[] = {
        { "messages", m->messages, m->messages, "" },
        { "sent", m->sent, m->messages, "messages" },
        { "delivered", m->delivered, m->sent, "sent" },
        { "opened", m->opens_unique, m->delivered, "delivered" },
        { "clicked", m->clicks_unique, m->delivered, "delivered" },
        { "leads", m->leads_attributed, m->delivered, "delivered" },
    };
    for (size_t i = 0; i < 6; i++) {
        printf("  %-14s %11llu  %5.1f%%  %-9s ", f[i].n, (unsigned long long)f[i].v, pct(f[i].v, f[i].base), f[i].of);
        bar(30, m->messages ? (double)f[i].v / (double)m->messages : 0);
        putchar('\n');
    }
    printf("  click-to-open %19.1f%%\n", 100.0 * m->click_to_open_rate);
    printf("\nDELIVERY PROBLEMS      count    rate  of\n");
    printf("  hard bounces   %11llu  %5.1f%%  sent\n", (unsigned long long)m->bounced_hard, 100.0 * m->bounce_rate);
    printf("  soft bounces   %11llu  %5.1f%%  sent\n", (unsigned long long)m->bounced_soft, pct(m->bounced_soft, m->sent));
    printf("  complaints     %11llu  %5.2f%%  delivered\n", (unsigned long long)m->complaints, 100.0 * m->complaint_rate);
    printf("  unsubscribes   %11llu  %5.2f%%  delivered\n", (unsigned long long)m->unsubscribes,
           100.0 * m->unsubscribe_rate);
    printf("  canceled       %11llu\n", (unsigned long long)m->canceled);
    printf("\nCTA RANKING            unique   human  clicks  label\n");
    for (size_t i = 0; i < r->nlinks; i++) {
        const mtrk_link_stats *l = &r->links[i];
        printf("  #%-3u %22llu %7llu %7llu  %.36s\n", l->rank, (unsigned long long)l->clicks_unique,
               (unsigned long long)l->clicks_unique_human, (unsigned long long)l->clicks,
               *r->labels[i] ? r->labels[i] : r->urls[i]);
    }
    if (r->nlinks == 0)
        printf("  (no links)\n");
    printf("\nHUMAN VS MACHINE       human  machine\n");
    printf("  opens          %11llu %8llu   (unique human / machine events)\n",
           (unsigned long long)m->opens_unique_human, (unsigned long long)m->opens_machine);
    printf("  clicks         %11llu %8llu\n", (unsigned long long)m->clicks_unique_human,
           (unsigned long long)m->clicks_machine);
    printf("  opens inferred from clicks %llu; leads %llu (%llu attributed, %llu forwarded)\n",
           (unsigned long long)m->opens_inferred, (unsigned long long)m->leads_total,
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
    fprintf(f, "\"rates\":{\"delivery\":%.6f,\"open\":%.6f,\"click\":%.6f,\"click_to_open\":%.6f,\"bounce\":%.6f,"
               "\"complaint\":%.6f,\"unsubscribe\":%.6f,\"conversion\":%.6f},",
            m->delivery_rate, m->open_rate, m->click_rate, m->click_to_open_rate, m->bounce_rate, m->complaint_rate,
            m->unsubscribe_rate, m->conversion_rate);
    fprintf(f, "\"bounces\":{\"hard\":%llu,\"soft\":%llu},\"complaints\":%llu,\"unsubscribes\":%llu,\"canceled\":%llu,",
            U(m->bounced_hard), U(m->bounced_soft), U(m->complaints), U(m->unsubscribes), U(m->canceled));
    fprintf(f, "\"opens\":{\"total\":%llu,\"unique\":%llu,\"unique_human\":%llu,\"machine\":%llu,\"inferred\":%llu},",
            U(m->opens_total), U(m->opens_unique), U(m->opens_unique_human), U(m->opens_machine), U(m->opens_inferred));
    fprintf(f, "\"clicks\":{\"total\":%llu,\"unique\":%llu,\"unique_human\":%llu,\"machine\":%llu},",
            U(m->clicks_total), U(m->clicks_unique), U(m->clicks_unique_human), U(m->clicks_machine));
    fprintf(f, "\"leads\":{\"total\":%llu,\"attributed\":%llu,\"forwarded\":%llu},\"links\":[",
            U(m->leads_total), U(m->leads_attributed), U(m->leads_forwarded));
    for (size_t i = 0; i < r->nlinks; i++) {
        const mtrk_link_stats *l = &r->links[i];
        fprintf(f, "%s{\"lid\":\"%s\",\"rank\":%u,\"position\":%u,\"label\":", i ? "," : "", idstr(ids, l->lid),
                l->rank, l->position);
        json_str(f, r->labels[i]);
        fprintf(f, ",\"url\":");
        json_str(f, r->urls[i]);
        fprintf(f, ",\"clicks\":%llu,\"clicks_unique\":%llu,\"clicks_unique_human\":%llu}", U(l->clicks),
                U(l->clicks_unique), U(l->clicks_unique_human));
    }
    fmt_time(tb, r->hour0);
    fprintf(f, "],\"hourly\":{\"start\":%s%s%s,\"opens\":[", r->hour0 ? "\"" : "", r->hour0 ? tb : "null",
            r->hour0 ? "\"" : "");
    for (size_t h = 0; h < r->hours; h++)
        fprintf(f, "%s%llu", h ? "," : "", U(r->opens[h]));
    fprintf(f, "],\"clicks\":[");
    for (size_t h = 0; h < r->hours; h++)
        fprintf(f, "%s%llu", h ? "," : "", U(r->clicks[h]));
    fprintf(f, "]}}");
#undef U
}

/* ---- HTML with inline SVG --------------------------------------------------------- */

static const char *const COLORS[] = { "#2b6cb0", "#38a169", "#d69e2e", "#e53e3e", "#805ad5", "#319795" };

/* Horizontal bars: labels[i], values[i]; one chart. */
static void svg_hbars(FILE *f, const char *kind, const char *title, const char *const *labels, const double *vals,
                      const char *const *texts, size_t n)
{
    int rowh = 28, w = 640, lw = 180, h = 40 + (int)(n ? n : 1) * rowh;
    double max = 0;
    for (size_t i = 0; i < n; i++)
        max = vals[i] > max ? vals[i] : max;
    fprintf(f, "<figure><figcaption>");
    html_esc(f, title);
    fprintf(f, "</figcaption>\n<svg class=\"chart\" data-chart=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
               "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n",
            kind, w, h, w, h);
    if (n == 0)
        fprintf(f, "<text x=\"10\" y=\"30\">no data</text>\n");
    for (size_t i = 0; i < n; i++) {
        int y = 20 + (int)i * rowh;
        double bw = max > 0 ? vals[i] / max * (w - lw - 220) : 0;
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", lw - 8, y + 17);
        html_esc(f, labels[i]);
        fprintf(f, "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>", lw, y + 3,
                bw < 1 && vals[i] > 0 ? 1 : bw, COLORS[i % 6]);
        fprintf(f, "<text x=\"%.1f\" y=\"%d\">", lw + bw + 6, y + 17);
        html_esc(f, texts[i]);
        fprintf(f, "</text>\n");
    }
    fprintf(f, "</svg></figure>\n");
}

static void svg_hourly(FILE *f, const rep *r)
{
    int w = 720, h = 260, l = 50, b = 30, t = 20;
    uint64_t max = 1;
    for (size_t i = 0; i < r->hours; i++) {
        max = r->opens[i] > max ? r->opens[i] : max;
        max = r->clicks[i] > max ? r->clicks[i] : max;
    }
    fprintf(f, "<figure><figcaption>Opens and clicks per hour</figcaption>\n"
               "<svg class=\"chart\" data-chart=\"hourly\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
               "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n",
            w, h, w, h);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", l, h - b, w - 10, h - b);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", l, t, l, h - b);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%llu</text>", l - 4, t + 10, (unsigned long long)max);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>", l - 4, h - b);
    fprintf(f, "<text x=\"%d\" y=\"%d\">hours since the first event (%zu h)</text>\n", l + 10, h - 8, r->hours);
    const uint64_t *series[] = { r->opens, r->clicks };
    const char *names[] = { "opens", "clicks" };
    double dx = r->hours > 1 ? (double)(w - 10 - l) / (double)(r->hours - 1) : 0;
    for (int s = 0; s < 2; s++) {
        fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"", COLORS[s]);
        for (size_t i = 0; i < r->hours; i++)
            fprintf(f, "%.1f,%.1f ", l + dx * (double)i,
                    (double)(h - b) - (double)series[s][i] / (double)max * (double)(h - b - t));
        fprintf(f, "\"/>\n<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>\n", w - 120, t + 14 + 16 * s, COLORS[s],
                names[s]);
    }
    fprintf(f, "</svg></figure>\n");
}

static void svg_compare(FILE *f, const rep *rs, size_t n)
{
    const char *metric[] = { "open rate", "click rate", "bounce rate", "unsubscribe rate", "conversion" };
    int gw = 130, w = 60 + 5 * gw, h = 300, b = 60, t = 20;
    double max = 0.0001;
    for (size_t i = 0; i < n; i++) {
        double v[] = { rs[i].m.open_rate, rs[i].m.click_rate, rs[i].m.bounce_rate, rs[i].m.unsubscribe_rate,
                       rs[i].m.conversion_rate };
        for (int k = 0; k < 5; k++)
            max = v[k] > max ? v[k] : max;
    }
    fprintf(f, "<figure><figcaption>Campaign comparison</figcaption>\n"
               "<svg class=\"chart\" data-chart=\"compare\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
               "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n",
            w, h + 20 * (int)n, w, h + 20 * (int)n);
    double bw = (gw - 20) / (double)(n ? n : 1);
    for (int k = 0; k < 5; k++) {
        int x0 = 50 + k * gw;
        for (size_t i = 0; i < n; i++) {
            double v[] = { rs[i].m.open_rate, rs[i].m.click_rate, rs[i].m.bounce_rate, rs[i].m.unsubscribe_rate,
                           rs[i].m.conversion_rate };
            double bh = v[k] / max * (h - b - t);
            fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%.2f%%</title></rect>",
                    x0 + bw * (double)i, (double)(h - b) - bh, bw - 2, bh, COLORS[i % 6], 100 * v[k]);
        }
        fprintf(f, "<text x=\"%d\" y=\"%d\">%s</text>\n", x0, h - b + 16, metric[k]);
    }
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "<rect x=\"50\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"68\" y=\"%d\">",
                h - 20 + 20 * (int)i, COLORS[i % 6], h - 9 + 20 * (int)i);
        html_esc(f, rs[i].name);
        fprintf(f, "</text>\n");
    }
    fprintf(f, "</svg></figure>\n");
}

static void html_campaign(FILE *f, const rep *r)
{
    const mtrk_metrics *m = &r->m;
    char ids[MTRK_ID_STRLEN + 1], txt[6][64];
    fprintf(f, "<section class=\"campaign\"><h2>");
    html_esc(f, r->name);
    fprintf(f, " <small>");
    html_esc(f, r->status);
    fprintf(f, " &middot; %s</small></h2>\n", idstr(ids, r->id));
    const char *fl[] = { "messages", "sent", "delivered", "opened", "clicked", "leads" };
    double fv[] = { (double)m->messages, (double)m->sent, (double)m->delivered, (double)m->opens_unique,
                    (double)m->clicks_unique, (double)m->leads_attributed };
    const char *ft[6];
    for (int i = 0; i < 6; i++) {
        snprintf(txt[i], sizeof txt[i], "%.0f (%.1f%%)", fv[i], m->messages ? 100 * fv[i] / (double)m->messages : 0);
        ft[i] = txt[i];
    }
    svg_hbars(f, "funnel", "Funnel", fl, fv, ft, 6);
    svg_hourly(f, r);
    const char *ll[MAX_LINKS], *lt[MAX_LINKS];
    double lv[MAX_LINKS];
    char ltxt[MAX_LINKS][48];
    for (size_t i = 0; i < r->nlinks; i++) {
        ll[i] = *r->labels[i] ? r->labels[i] : r->urls[i];
        lv[i] = (double)r->links[i].clicks_unique;
        snprintf(ltxt[i], sizeof ltxt[i], "#%u: %llu unique (%llu human)", r->links[i].rank,
                 (unsigned long long)r->links[i].clicks_unique, (unsigned long long)r->links[i].clicks_unique_human);
        lt[i] = ltxt[i];
    }
    svg_hbars(f, "cta", "CTA ranking (unique clicks)", ll, lv, lt, r->nlinks);
    const char *bl[] = { "hard bounces", "soft bounces", "complaints", "unsubscribes", "canceled" };
    double bv[] = { (double)m->bounced_hard, (double)m->bounced_soft, (double)m->complaints, (double)m->unsubscribes,
                    (double)m->canceled };
    char btxt[5][48];
    const char *bt[5];
    for (int i = 0; i < 5; i++) {
        snprintf(btxt[i], sizeof btxt[i], "%.0f", bv[i]);
        bt[i] = btxt[i];
    }
    svg_hbars(f, "breakdown", "Bounces, complaints and unsubscribes", bl, bv, bt, 5);
    fprintf(f, "<table><tr><th>human unique opens</th><td>%llu</td><th>machine opens</th><td>%llu</td></tr>"
               "<tr><th>human unique clicks</th><td>%llu</td><th>machine clicks</th><td>%llu</td></tr></table>\n",
            (unsigned long long)m->opens_unique_human, (unsigned long long)m->opens_machine,
            (unsigned long long)m->clicks_unique_human, (unsigned long long)m->clicks_machine);
    fprintf(f, "</section>\n");
}

static int write_html(cli_ctx *c, const char *path, const rep *rs, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return data_err(c, "%s: cannot write: %m", path);
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>mtrk report: ");
    html_esc(f, rs[0].name);
    fprintf(f, "</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222;background:#fff}"
               "figure{margin:1em 0}figcaption{font-weight:bold;margin-bottom:.3em}svg{background:#fafafa;"
               "border:1px solid #ddd}svg text{font-size:13px;fill:#222}table{border-collapse:collapse}"
               "th,td{padding:.2em .8em;text-align:left}small{color:#666;font-weight:normal}</style>\n"
               "</head><body>\n<h1>mtrk campaign report</h1>\n");
    for (size_t i = 0; i < n; i++)
        html_campaign(f, &rs[i]);
    svg_compare(f, rs, n);
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
