/*
 * Rendering at send speed: messages rendered per second by
 * mtrk_message_render for a 30 KB HTML template with 10 tracked links (and a
 * text part), against a baseline measured in the same run that only does
 * what any renderer must: copy the template and compute as many HMACs as a
 * render signs (10 clicks, the open pixel, the unsubscribe URL), with
 * libsodium's HMAC-SHA-256 (as src/core/sign.c) and one key. Each run
 * measures both in one process, one right after the other, so that the
 * machine's load weighs on both alike; the ratio printed is the median of
 * the runs' ratios.
 *
 *   render [messages] [targets]   environment: MTRK_BENCH_RUNS (3),
 *                                  MTRK_BENCH_DIR (/tmp), MTRK_BENCH_RENDERS
 *   render --baseline N           prints the baseline's messages/s only (for
 *                                  bench/render.py, the Python figure)
 *
 * targets: a comma list of "memory" and "sqlite" (default both). Each run is
 * its own process (bench_measure); figures are medians of the runs.
 */
#include "bench_util.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NLINKS 10
#define TEMPLATE_BYTES (30 * 1024)

static char *tmpl;
static size_t tmpl_len;
static long renders;

/* A newsletter-like template: a head with a style block, a table layout,
 * paragraphs of text, NLINKS links spread over it, padded to ~30 KB. */
static void make_template(void)
{
    size_t cap = TEMPLATE_BYTES + 8192, n = 0;
    tmpl = malloc(cap);
    n += (size_t)snprintf(tmpl + n, cap - n,
                          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>News</title>"
                          "<style>body{margin:0;font-family:Arial}td{padding:8px}.btn{color:#fff}</style>"
                          "</head><body><table width=\"600\" cellpadding=\"0\" cellspacing=\"0\">");
    size_t per = (TEMPLATE_BYTES - 600) / NLINKS;
    for (int i = 0; i < NLINKS; i++) {
        size_t start = n;
        n += (size_t)snprintf(tmpl + n, cap - n,
                              "<tr><td class=\"block\"><h2 style=\"color:#333\">Section %d</h2><p>", i);
        while (n - start < per - 220)
            n += (size_t)snprintf(tmpl + n, cap - n,
                                  "Lorem ipsum dolor sit amet, <b>consectetur</b> adipiscing elit, sed do. ");
        n += (size_t)snprintf(tmpl + n, cap - n,
                              "</p><a class=\"btn\" href=\"https://shop.example.com/p/%d?utm_source=news&amp;"
                              "utm_medium=email\" style=\"background:#07c\">Read more %d</a></td></tr>",
                              i, i);
    }
    n += (size_t)snprintf(tmpl + n, cap - n,
                          "<tr><td><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></td></tr></table></body></html>");
    tmpl_len = n;
}

static void die_if(const char *what, int rc, mtrk_tenant *t)
{
    if (rc)
        bench_die(what, rc, t);
}

static int member_all(size_t i, size_t a)
{
    (void)i;
    (void)a;
    return 1;
}

typedef struct target {
    const char *name;
    size_t nmsg;
} target;

static int run_baseline(void *arg, double *out, size_t nout);

/* One run: a fresh store with nmsg messages, then `renders` renders cycling
 * over them, and the baseline in the same process right after.
 * out[0] = messages/s, out[1] = HTML octets per render, out[2] = baseline
 * messages/s, out[3] = the ratio of this run. */
static int run_render(void *arg, double *out, size_t nout)
{
    (void)nout;
    const target *tg = arg;
    char path[4096];
    const char *where = "memory:";
    if (strcmp(tg->name, "sqlite") == 0) {
        snprintf(path, sizeof path, "%s/mtrk-bench-render.db", bench_dir());
        bench_remove_db(path);
        where = path;
    }
    bench_world w;
    die_if("open", bench_open(&w, where), NULL);
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.tracking_base_url = "https://t.example.com/track";
    die_if("settings", mtrk_tenant_settings_set(w.t, &s), w.t);
    bench_populate(&w, tg->nmsg, 1, member_all);
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "render";
    spec.subject = "News";
    spec.from_address = "news@example.com";
    spec.html = tmpl;
    spec.text = "Read more: https://shop.example.com/p/1?utm_source=news&utm_medium=email\n"
                "Unsubscribe: {{unsubscribe_url}}\n";
    die_if("campaign", mtrk_campaign_create(&w.campaign, w.t, &spec), w.t);
    die_if("attach", mtrk_campaign_attach_audience(NULL, w.t, w.campaign, w.audiences[0]), w.t);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    die_if("generate", mtrk_campaign_generate(&rep, w.t, w.campaign), w.t);
    bench_read_mids(&w);
    size_t bytes = 0;
    double t0 = bench_now();
    for (long i = 0; i < renders; i++) {
        mtrk_rendered r = MTRK_RENDERED_INIT;
        die_if("render", mtrk_message_render(&r, w.t, w.mids[(size_t)i % w.nmids]), w.t);
        bytes = r.html_len;
        mtrk_rendered_clear(&r);
    }
    double dt = bench_now() - t0;
    out[0] = (double)renders / dt;
    out[1] = (double)bytes;
    run_baseline(NULL, out + 2, 1);
    out[3] = out[0] / out[2];
    free(w.mids);
    w.mids = NULL;
    bench_close(&w);
    if (where != path)
        return 0;
    bench_remove_db(path);
    return 0;
}

/* The baseline: copy the template, compute NLINKS + 2 HMAC-SHA-256 over
 * token-sized inputs with one key. out[0] = messages/s. */
static int run_baseline(void *arg, double *out, size_t nout)
{
    (void)arg;
    (void)nout;
    unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
    crypto_auth_hmacsha256_keygen(key);
    unsigned char msg[68] = "mtrk-url-v1";
    unsigned char tag[crypto_auth_hmacsha256_BYTES];
    unsigned sink = 0;
    double t0 = bench_now();
    for (long i = 0; i < renders; i++) {
        char *copy = malloc(tmpl_len + 1);
        memcpy(copy, tmpl, tmpl_len + 1);
        for (int k = 0; k < NLINKS + 2; k++) {
            msg[12] = (unsigned char)k;
            memcpy(msg + 13, &i, sizeof i);
            crypto_auth_hmacsha256(tag, msg, sizeof msg, key);
            sink += tag[0];
        }
        sink += (unsigned char)copy[i % (long)tmpl_len];
        free(copy);
    }
    double dt = bench_now() - t0;
    out[0] = (double)renders / dt;
    if (sink == 0xFFFFFFFFu)
        puts("");
    return 0;
}

int main(int argc, char **argv)
{
    if (sodium_init() < 0)
        return 1;
    make_template();
    int runs = (int)bench_env_long("MTRK_BENCH_RUNS", 3);
    if (argc >= 3 && strcmp(argv[1], "--baseline") == 0) {
        renders = atol(argv[2]);
        double med[1];
        if (bench_measure(run_baseline, NULL, runs, 1, med))
            return 1;
        printf("%.0f\n", med[0]);
        return 0;
    }
    renders = bench_env_long("MTRK_BENCH_RENDERS", 20000);
    size_t nmsg = argc > 1 ? (size_t)atol(argv[1]) : 1000;
    const char *targets = argc > 2 ? argv[2] : "memory,sqlite";
    printf("render: template %zu octets, %d links, %ld renders over %zu messages, medians of %d runs\n", tmpl_len,
           NLINKS, renders, nmsg, runs);
    char list[64];
    snprintf(list, sizeof list, "%s", targets);
    for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
        target tg = { tok, nmsg };
        double med[4];
        if (bench_measure(run_render, &tg, runs, 4, med))
            return 1;
        printf("  %-8s render %8.0f messages/s, baseline (copy + 12 HMACs) %8.0f/s, ratio %.3f (html %.0f octets)\n",
               tok, med[0], med[2], med[3], med[1]);
    }
    return 0;
}
