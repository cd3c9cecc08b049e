/*
 * Bounce mails classified per second. Generates a maildir of N messages
 * (MTRK_BENCH_BOUNCES, default 10,000) from the labelled set in
 * tests/data/bounces (each copy given its own sequence header), and an mbox
 * holding the same messages, then measures, each run in its own process:
 *
 *   read      baseline: every file of the maildir read into memory, nothing
 *             parsed (the I/O and allocation any parser pays)
 *   maildir   mtrk_bounce_source over the maildir: every message parsed and
 *             each recipient classified
 *   mbox      the same messages from one mbox file
 *
 * Prints messages per second (median of MTRK_BENCH_RUNS runs, default 5),
 * the ratio to the baseline, and each run's peak RSS (the process's own, so
 * an mbox of N messages shows that memory does not grow with the file).
 */
#include "bench_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mtrk/bounce.h>

static char maildir[4096], mbox[4096];
static long nmsg;

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *n = len;
    return buf;
}

static int generate(const char *data_dir)
{
    DIR *d = opendir(data_dir);
    if (d == NULL) {
        fprintf(stderr, "bench-bounce: %s: cannot open the labelled set\n", data_dir);
        return -1;
    }
    char *tpl[512];
    size_t tlen[512];
    int nt = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && nt < 512) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".eml") != 0 || strstr(e->d_name, ".cr.") || strstr(e->d_name, ".crlf."))
            continue;
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", data_dir, e->d_name);
        tpl[nt] = slurp(p, &tlen[nt]);
        if (tpl[nt])
            nt++;
    }
    closedir(d);
    if (nt == 0)
        return -1;
    snprintf(maildir, sizeof maildir, "%s/mtrk-bench-bounces-%d", bench_dir(), (int)getpid());
    snprintf(mbox, sizeof mbox, "%s/mtrk-bench-bounces-%d.mbox", bench_dir(), (int)getpid());
    char sub[4200];
    mkdir(maildir, 0700);
    snprintf(sub, sizeof sub, "%s/cur", maildir);
    mkdir(sub, 0700);
    snprintf(sub, sizeof sub, "%s/new", maildir);
    mkdir(sub, 0700);
    FILE *mb = fopen(mbox, "w");
    if (mb == NULL)
        return -1;
    for (long i = 0; i < nmsg; i++) {
        char p[4300];
        snprintf(p, sizeof p, "%s/cur/%08ld.bench:2,S", maildir, i);
        FILE *f = fopen(p, "w");
        if (f == NULL)
            return -1;
        int t = (int)(i % nt);
        fprintf(f, "X-Bench-Seq: %ld\n", i);
        fwrite(tpl[t], 1, tlen[t], f);
        fclose(f);
        fprintf(mb, "From MAILER-DAEMON Mon Dec  7 09:05:00 2026\nX-Bench-Seq: %ld\n", i);
        fwrite(tpl[t], 1, tlen[t], mb);
        fputc('\n', mb);
    }
    fclose(mb);
    for (int t = 0; t < nt; t++)
        free(tpl[t]);
    return nt;
}

static int run_read(void *arg, double *out, size_t nout)
{
    (void)arg;
    (void)nout;
    char cur[4200];
    snprintf(cur, sizeof cur, "%s/cur", maildir);
    double t0 = bench_now();
    DIR *d = opendir(cur);
    long n = 0;
    size_t octets = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char p[4500];
        snprintf(p, sizeof p, "%s/%s", cur, e->d_name);
        size_t len;
        char *b = slurp(p, &len);
        octets += len;
        free(b);
        n++;
    }
    if (d)
        closedir(d);
    double dt = bench_now() - t0;
    out[0] = n / dt;
    out[1] = (double)bench_maxrss_kib();
    out[2] = (double)n;
    return octets ? 0 : -1;
}

static int run_parse(void *arg, double *out, size_t nout)
{
    (void)nout;
    const char *path = arg;
    double t0 = bench_now();
    mtrk_bounce_source *src;
    if (mtrk_bounce_source_open(&src, path))
        return -1;
    long n = 0, recipients = 0, refused = 0;
    for (;;) {
        mtrk_bounce_report *r;
        int rc = mtrk_bounce_source_next(&r, src);
        if (rc == MTRK_ITEROVER)
            break;
        n++;
        if (rc) {
            refused++;
            continue;
        }
        recipients += (long)mtrk_bounce_report_count(r);
        mtrk_bounce_report_free(r);
    }
    mtrk_bounce_source_close(src);
    double dt = bench_now() - t0;
    out[0] = n / dt;
    out[1] = (double)bench_maxrss_kib();
    out[2] = (double)n;
    out[3] = (double)recipients;
    out[4] = (double)refused;
    return 0;
}

static void rm_tree(void)
{
    char sub[4200];
    const char *subs[] = { "cur", "new" };
    for (int s = 0; s < 2; s++) {
        snprintf(sub, sizeof sub, "%s/%s", maildir, subs[s]);
        DIR *d = opendir(sub);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char p[4500];
            snprintf(p, sizeof p, "%s/%s", sub, e->d_name);
            unlink(p);
        }
        if (d)
            closedir(d);
        rmdir(sub);
    }
    rmdir(maildir);
    unlink(mbox);
}

int main(int argc, char **argv)
{
    const char *data = argc > 1 ? argv[1] : "tests/data/bounces";
    nmsg = bench_env_long("MTRK_BENCH_BOUNCES", 10000);
    int runs = (int)bench_env_long("MTRK_BENCH_RUNS", 5);
    int nt = generate(data);
    if (nt < 0) {
        fprintf(stderr, "bench-bounce: generating the maildir failed\n");
        return 1;
    }
    printf("bounce: %ld messages from %d labelled templates, %d runs each (medians)\n", nmsg, nt, runs);
    double base[3], md[5], mb[5];
    if (bench_measure(run_read, NULL, runs, 3, base) || bench_measure(run_parse, maildir, runs, 5, md) ||
        bench_measure(run_parse, mbox, runs, 5, mb)) {
        fprintf(stderr, "bench-bounce: a run failed\n");
        rm_tree();
        return 1;
    }
    printf("  %-8s %12s %8s %14s %10s\n", "what", "messages/s", "ratio", "peak RSS KiB", "results");
    printf("  %-8s %12.0f %8s %14.0f %10s\n", "read", base[0], "1.00", base[1], "-");
    printf("  %-8s %12.0f %8.3f %14.0f %10.0f\n", "maildir", md[0], md[0] / base[0], md[1], md[3]);
    printf("  %-8s %12.0f %8.3f %14.0f %10.0f\n", "mbox", mb[0], mb[0] / base[0], mb[1], mb[3]);
    if (md[4] || mb[4])
        printf("  refused: %.0f (maildir), %.0f (mbox)\n", md[4], mb[4]);
    rm_tree();
    return 0;
}
