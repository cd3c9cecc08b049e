/*
 * Cataloguing hostile HTML bodies: the seconds mtrk_campaign_create takes
 * (parse, nesting check, link catalogue; memory store) for bodies of about
 * MTRK_MAX_HTML octets shaped to make an HTML5 tree builder slow, accepted
 * or refused. The target is at most 1 s for every body, accepted or not.
 *
 *   nesting [case ...]   environment: MTRK_BENCH_RUNS (3)
 *
 * Cases: flat (the reference: plain paragraphs), links (an anchor every
 * 40 octets), divs-511 (blocks of divs nested 511 deep, the deepest accepted),
 * divs-100k (100,000 nested divs: refused), end-tags (500 open elements, then
 * unmatched end tags), spans-text (500 open spans, then formatting runs),
 * tables-170 (tables nested 170 deep), reopen (one formatting element
 * reopened in every block: refused past MTRK_MAX_HTML_REOPENED),
 * reopen-100 (100 formatting elements reopened in every block: refused).
 * Beside each figure, Gumbo's parse alone of the same body (the options mtrk
 * uses, no mtrk code), measured in the same process: the floor any
 * catalogue on this parser pays for an accepted body, and, for a refused
 * body, what the refusal saved. Each run is its own process; figures are
 * medians.
 */
#include "bench_util.h"

#include <gumbo.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAP (MTRK_MAX_HTML - 64)

static char *body;
static size_t blen;

static void add(const char *s)
{
    size_t n = strlen(s);
    if (blen + n < CAP) {
        memcpy(body + blen, s, n);
        blen += n;
    }
}
static int room(size_t n) { return blen + n < CAP; }

static void build(const char *name)
{
    blen = 0;
    add("<html><body>");
    char tmp[64];
    if (strcmp(name, "flat") == 0) {
        while (room(16))
            add("<p>text</p>");
    } else if (strcmp(name, "links") == 0) {
        for (unsigned i = 0; room(64); i++) {
            snprintf(tmp, sizeof tmp, "<a href=\"https://e.example/%u\">l</a>", i);
            add(tmp);
        }
    } else if (strcmp(name, "divs-511") == 0) {
        while (room(511 * 11 + 16)) {
            for (int i = 0; i < 509; i++)
                add("<div>");
            for (int i = 0; i < 509; i++)
                add("</div>");
        }
    } else if (strcmp(name, "divs-100k") == 0) {
        for (int i = 0; i < 100000 && room(8); i++)
            add("<div>");
    } else if (strcmp(name, "end-tags") == 0) {
        for (int i = 0; i < 500; i++)
            add("<div>");
        while (room(8))
            add("</q>");
    } else if (strcmp(name, "spans-text") == 0) {
        for (int i = 0; i < 500; i++)
            add("<span>");
        while (room(16))
            add("<i>x</i>");
    } else if (strcmp(name, "tables-170") == 0) {
        while (room(170 * 40)) {
            for (int i = 0; i < 170; i++)
                add("<table><tr><td>");
            for (int i = 0; i < 170; i++)
                add("</td></tr></table>");
        }
    } else if (strcmp(name, "reopen") == 0) {
        while (room(24))
            add("<div><b>x</div>");
    } else if (strcmp(name, "reopen-100") == 0) {
        for (int i = 0; i < 100; i++) {
            snprintf(tmp, sizeof tmp, "<div><b id=%d></div>", i);
            add(tmp);
        }
        while (room(24))
            add("<div><i>x</div>");
    }
    add("</body></html>");
    body[blen] = '\0';
}

/* out[0] = seconds, out[1] = 1 when accepted, out[2] = Gumbo alone
 * (skipped past 100,000 nested elements: minutes). */
static int run_case(void *arg, double *out, size_t nout)
{
    (void)arg;
    (void)nout;
    bench_world w;
    int rc = bench_open(&w, "memory:");
    if (rc)
        bench_die("open", rc, NULL);
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "hostile";
    spec.subject = "s";
    spec.from_address = "news@example.com";
    spec.html = body;
    mtrk_id c;
    double t0 = bench_now();
    rc = mtrk_campaign_create(&c, w.t, &spec);
    out[0] = bench_now() - t0;
    out[1] = rc == MTRK_OK;
    if (rc && rc != MTRK_ETOOLONG)
        bench_die("mtrk_campaign_create", rc, w.t);
    bench_close(&w);
    out[2] = -1;
    if (arg == NULL) {
        t0 = bench_now();
        GumboOptions o = kGumboDefaultOptions;
        o.max_errors = 0; /* as mtrk parses: errors not kept */
        GumboOutput *g = gumbo_parse_with_options(&o, body, blen);
        out[2] = bench_now() - t0;
        gumbo_destroy_output(&o, g);
    }
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const all[] = { "flat",       "links",  "divs-511",  "divs-100k", "end-tags",
                                       "spans-text", "tables-170", "reopen", "reopen-100" };
    int runs = (int)bench_env_long("MTRK_BENCH_RUNS", 3);
    body = malloc(MTRK_MAX_HTML + 1);
    size_t ncases = argc > 1 ? (size_t)(argc - 1) : sizeof all / sizeof all[0];
    printf("nesting: mtrk_campaign_create of ~%u-octet bodies (memory store), medians of %d runs\n",
           MTRK_MAX_HTML, runs);
    for (size_t k = 0; k < ncases; k++) {
        const char *name = argc > 1 ? argv[k + 1] : all[k];
        build(name);
        double med[3];
        bool slow = strncmp(name, "reopen", 6) == 0 || strcmp(name, "divs-100k") == 0;
        if (bench_measure(run_case, slow ? (void *)1 : NULL, runs, 3, med))
            return 1;
        printf("  %-12s %8zu octets  %6.3f s  %-8s", name, blen, med[0], med[1] > 0.5 ? "accepted" : "refused");
        if (med[2] >= 0)
            printf("  gumbo alone %6.3f s\n", med[2]);
        else
            printf("  gumbo alone: not run (minutes)\n");
    }
    free(body);
    return 0;
}
