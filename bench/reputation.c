/*
 * What the reputation guard costs a claim. Every mtrk_queue_claim first
 * judges the tenant's and the campaign's domain's rates, reading the
 * tenant's campaigns and their hourly rollups in the window
 * (docs/bounces.md, "When it is checked"), so its cost grows with the
 * number of campaigns. Measured in one run, on SQLite files:
 *
 *   0       a tenant with only the claimed campaign (nmsg queued messages):
 *           the baseline
 *   C       the same with C more campaigns, each with an 8 KiB HTML body and
 *           one sent and one delivered event in the window (two hourly rows)
 *
 * Each run claims every message in claims of `cap` (one guard per claim)
 * and reads the tenant's figures (mtrk_reputation_get) 20 times.
 *
 *   reputation [nmsg] [cap]   environment: MTRK_BENCH_RUNS (3),
 *   MTRK_BENCH_CAMPAIGNS ("100,1000": the values of C), MTRK_BENCH_DIR
 *
 * Each run is its own process, on a copy of the size's base file; figures
 * are medians.
 */
#include "bench_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t nmsg = 2000, cap = 100;
static char base_path[4096], run_path[4096];

static int member(size_t i, size_t a)
{
    (void)i;
    return a == 0;
}

/* The base file of one size: the claimed campaign generated, and
 * `others` campaigns with a sent and a delivered message each. */
static int build(void *arg, double *out, size_t nout)
{
    (void)nout;
    long others = *(long *)arg;
    bench_world w;
    bench_remove_db(base_path);
    int rc = bench_open(&w, base_path);
    if (rc)
        bench_die("mtrk_db_open", rc, NULL);
    bench_populate(&w, nmsg, 2, member);
    bench_campaign(&w, 1);
    char *html = malloc(8193);
    if (html == NULL)
        return 1;
    memset(html, 'x', 8192);
    memcpy(html, "<p>", 3);
    memcpy(html + 8188, "</p>", 4);
    html[8192] = '\0';
    mtrk_id one;
    if ((rc = mtrk_audience_create(&one, w.t, "one")) || (rc = mtrk_audience_add(NULL, w.t, one, w.contacts[0])))
        bench_die("audience", rc, w.t);
    for (long k = 0; k < others; k++) {
        mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
        char name[32], from[64];
        snprintf(name, sizeof name, "other %ld", k);
        snprintf(from, sizeof from, "news@d%ld.example.com", k % 10);
        spec.name = name;
        spec.subject = "Other";
        spec.from_address = from;
        spec.html = html;
        mtrk_id c, mid;
        size_t n = 0;
        mtrk_generate_report gr = MTRK_GENERATE_REPORT_INIT;
        mtrk_event_input ev = MTRK_EVENT_INPUT_INIT;
        if ((rc = mtrk_campaign_create(&c, w.t, &spec)) || (rc = mtrk_campaign_attach_audience(NULL, w.t, c, one)) ||
            (rc = mtrk_campaign_set_status(w.t, c, MTRK_CAMPAIGN_SCHEDULED)) ||
            (rc = mtrk_campaign_set_status(w.t, c, MTRK_CAMPAIGN_SENDING)) ||
            (rc = mtrk_campaign_generate(&gr, w.t, c)) || (rc = mtrk_queue_claim(&mid, &n, NULL, w.t, c, 1, 60000)) ||
            (rc = mtrk_queue_mark_sent(w.t, mid, 0, NULL, NULL)))
            bench_die("another campaign", rc, w.t);
        ev.type = MTRK_EV_DELIVERED;
        ev.mid = mid;
        if ((rc = mtrk_event_record(NULL, w.t, &ev)))
            bench_die("mtrk_event_record", rc, w.t);
    }
    free(html);
    mtrk_generate_report gr = MTRK_GENERATE_REPORT_INIT;
    if ((rc = mtrk_campaign_set_status(w.t, w.campaign, MTRK_CAMPAIGN_SCHEDULED)) ||
        (rc = mtrk_campaign_set_status(w.t, w.campaign, MTRK_CAMPAIGN_SENDING)) ||
        (rc = mtrk_campaign_generate(&gr, w.t, w.campaign)))
        bench_die("the claimed campaign", rc, w.t);
    bench_close(&w);
    out[0] = out[1] = out[2] = 0;
    return 0;
}

static int run(void *arg, double *out, size_t nout)
{
    (void)arg;
    (void)nout;
    bench_remove_db(run_path);
    if (bench_copy_file(base_path, run_path) != 0)
        return 1;
    bench_world w;
    int rc = bench_open(&w, run_path);
    if (rc)
        bench_die("mtrk_db_open", rc, NULL);
    mtrk_campaign_iter *it;
    const mtrk_campaign *cp;
    if ((rc = mtrk_campaign_iter_new(&it, w.t)) || (rc = mtrk_campaign_iter_next(&cp, it)))
        bench_die("campaign", rc, w.t);
    w.campaign = mtrk_campaign_id(cp); /* the first: the claimed one */
    mtrk_campaign_iter_free(it);
    mtrk_id *mids = malloc(cap * sizeof *mids);
    if (mids == NULL)
        return 1;
    size_t claims = 0, total = 0;
    double t0 = bench_now();
    for (;;) {
        size_t n = 0;
        if ((rc = mtrk_queue_claim(mids, &n, NULL, w.t, w.campaign, cap, 3600000)))
            bench_die("mtrk_queue_claim", rc, w.t);
        claims++;
        total += n;
        if (n == 0)
            break;
    }
    double dt = bench_now() - t0;
    free(mids);
    if (total != nmsg) {
        fprintf(stderr, "reputation: claimed %zu of %zu\n", total, nmsg);
        return 1;
    }
    mtrk_reputation r = MTRK_REPUTATION_INIT;
    double g0 = bench_now();
    for (int i = 0; i < 20; i++)
        if ((rc = mtrk_reputation_get(&r, w.t, NULL)))
            bench_die("mtrk_reputation_get", rc, w.t);
    double gt = (bench_now() - g0) / 20;
    bench_close(&w);
    bench_remove_db(run_path);
    out[0] = dt / (double)claims * 1e3; /* ms per claim */
    out[1] = (double)total / dt;        /* messages claimed per second */
    out[2] = gt * 1e3;                  /* ms per reading of the figures */
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        nmsg = (size_t)strtoul(argv[1], NULL, 10);
    if (argc > 2)
        cap = (size_t)strtoul(argv[2], NULL, 10);
    if (nmsg == 0 || cap == 0)
        return 2;
    int runs = (int)bench_env_long("MTRK_BENCH_RUNS", 3);
    const char *list = getenv("MTRK_BENCH_CAMPAIGNS");
    long sizes[8] = { 0 };
    size_t ns = 1;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list && *list ? list : "100,1000");
    for (char *p = strtok(buf, ","); p && ns < 8; p = strtok(NULL, ","))
        sizes[ns++] = strtol(p, NULL, 10);
    printf("reputation guard: %zu messages claimed %zu at a time; %d runs, medians; SQLite files\n", nmsg, cap, runs);
    printf("%-16s %12s %14s %12s %16s\n", "other campaigns", "ms/claim", "messages/s", "x baseline", "ms/reading");
    double base = 0;
    for (size_t s = 0; s < ns; s++) {
        snprintf(base_path, sizeof base_path, "%s/mtrk-bench-rep-%ld.db", bench_dir(), sizes[s]);
        snprintf(run_path, sizeof run_path, "%s/mtrk-bench-rep-run.db", bench_dir());
        double med[3];
        if (bench_measure(build, &sizes[s], 1, 3, med) != 0 || bench_measure(run, NULL, runs, 3, med) != 0) {
            fprintf(stderr, "reputation: a run failed\n");
            return 1;
        }
        if (s == 0)
            base = med[0];
        printf("%-16ld %12.2f %14.0f %12.2f %16.2f\n", sizes[s], med[0], med[1], base > 0 ? med[0] / base : 0,
               med[2]);
        bench_remove_db(base_path);
    }
    return 0;
}
