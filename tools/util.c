/* Shared helpers of the tool: options, errors, references, time, writers. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

const char *opt_nth(const cli_args *a, const char *name, int i)
{
    for (int k = 0; k < a->nopts; k++)
        if (strcmp(a->names[k], name) == 0 && i-- == 0)
            return a->values[k];
    return NULL;
}
const char *opt(const cli_args *a, const char *name) { return opt_nth(a, name, 0); }
bool flag(const cli_args *a, const char *name) { return opt(a, name) != NULL; }

static void vmsg(cli_ctx *c, const char *fmt, va_list ap)
{
    fprintf(stderr, "mtrk %s: ", c->cmd ? c->cmd : "");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int usage_err(cli_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(c, fmt, ap);
    va_end(ap);
    fprintf(stderr, "(mtrk %s --help shows the usage)\n", c->cmd ? c->cmd : "");
    return EXIT_USAGE;
}

int data_err(cli_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmsg(c, fmt, ap);
    va_end(ap);
    return EXIT_DATA;
}

int lib_err(cli_ctx *c, int rc, const char *fmt, ...)
{
    char what[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    const char *m = mtrk_last_errmsg();
    fprintf(stderr, "mtrk %s: %s: %s (%s)\n", c->cmd ? c->cmd : "", what, m && *m ? m : mtrk_strerror(rc),
            mtrk_strerror(rc));
    if (rc == MTRK_EBUSY) {
        fprintf(stderr, "mtrk %s: the database was locked by another writer for longer than the busy timeout "
                        "(%d ms); run the command again, or give a longer --busy-timeout\n",
                c->cmd ? c->cmd : "", c->busy_timeout_ms ? c->busy_timeout_ms : 5000);
        return EXIT_BUSY;
    }
    return EXIT_DATA;
}

int opt_double(double *out, cli_ctx *c, const cli_args *a, const char *name, double def)
{
    const char *v = opt(a, name);
    *out = def;
    if (v == NULL)
        return 0;
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (errno || end == v || *end)
        return usage_err(c, "--%s: \"%s\" is not a number", name, v);
    *out = d;
    return 0;
}

int opt_u64(uint64_t *out, cli_ctx *c, const cli_args *a, const char *name, uint64_t def)
{
    const char *v = opt(a, name);
    *out = def;
    if (v == NULL)
        return 0;
    char *end;
    errno = 0;
    unsigned long long d = strtoull(v, &end, 10);
    if (errno || end == v || *end || *v == '-')
        return usage_err(c, "--%s: \"%s\" is not a non-negative integer", name, v);
    *out = d;
    return 0;
}

int opt_time(mtrk_time *out, cli_ctx *c, const cli_args *a, const char *name)
{
    const char *v = opt(a, name);
    *out = 0;
    if (v == NULL)
        return 0;
    if (parse_time(out, v))
        return usage_err(c, "--%s: \"%s\" is neither Unix milliseconds nor an RFC 3339 time", name, v);
    return 0;
}

const char *idstr(char buf[MTRK_ID_STRLEN + 1], mtrk_id id)
{
    mtrk_id_to_string(buf, id);
    return buf;
}

/* ---- references: an id, or a unique name ---------------------------------- */

int resolve_campaign(mtrk_id *out, cli_ctx *c, const char *ref)
{
    if (mtrk_id_from_string(out, ref) == MTRK_OK) {
        mtrk_campaign *cam = NULL;
        int rc = mtrk_campaign_get(&cam, c->t, *out);
        mtrk_campaign_free(cam);
        if (rc == MTRK_OK)
            return 0;
        if (rc != MTRK_ENOTFOUND)
            return lib_err(c, rc, "campaign %s", ref);
    }
    mtrk_campaign_iter *it = NULL;
    int rc = mtrk_campaign_iter_new(&it, c->t);
    int found = 0;
    while (rc == MTRK_OK) {
        const mtrk_campaign *cam;
        rc = mtrk_campaign_iter_next(&cam, it);
        if (rc == MTRK_OK && strcmp(mtrk_campaign_name(cam), ref) == 0) {
            if (found++ == 0)
                *out = mtrk_campaign_id(cam);
        }
    }
    mtrk_campaign_iter_free(it);
    if (rc != MTRK_ITEROVER)
        return lib_err(c, rc, "listing campaigns");
    if (found == 0)
        return data_err(c, "campaign \"%s\": no campaign has this id or name", ref);
    if (found > 1)
        return data_err(c, "campaign \"%s\": %d campaigns have this name; use the id", ref, found);
    return 0;
}

int resolve_audience(mtrk_id *out, cli_ctx *c, const char *ref)
{
    if (mtrk_id_from_string(out, ref) == MTRK_OK) {
        mtrk_audience *au = NULL;
        int rc = mtrk_audience_get(&au, c->t, *out);
        mtrk_audience_free(au);
        if (rc == MTRK_OK)
            return 0;
        if (rc != MTRK_ENOTFOUND)
            return lib_err(c, rc, "audience %s", ref);
    }
    mtrk_audience_iter *it = NULL;
    int rc = mtrk_audience_iter_new(&it, c->t);
    int found = 0;
    while (rc == MTRK_OK) {
        const mtrk_audience *au;
        rc = mtrk_audience_iter_next(&au, it);
        if (rc == MTRK_OK && strcmp(mtrk_audience_name(au), ref) == 0) {
            if (found++ == 0)
                *out = mtrk_audience_id(au);
        }
    }
    mtrk_audience_iter_free(it);
    if (rc != MTRK_ITEROVER)
        return lib_err(c, rc, "listing audiences");
    if (found == 0)
        return data_err(c, "audience \"%s\": no audience has this id or name", ref);
    if (found > 1)
        return data_err(c, "audience \"%s\": %d audiences have this name; use the id", ref, found);
    return 0;
}

int resolve_contact(mtrk_id *out, cli_ctx *c, const char *ref)
{
    mtrk_contact *ct = NULL;
    int rc;
    if (mtrk_id_from_string(out, ref) == MTRK_OK)
        rc = mtrk_contact_get(&ct, c->t, *out);
    else
        rc = mtrk_contact_find(&ct, c->t, ref);
    if (rc == MTRK_OK)
        *out = mtrk_contact_id(ct);
    mtrk_contact_free(ct);
    if (rc == MTRK_ENOTFOUND)
        return data_err(c, "contact \"%s\": no contact has this id or address", ref);
    if (rc)
        return lib_err(c, rc, "contact \"%s\"", ref);
    return 0;
}

/* ---- time -------------------------------------------------------------------- */

void fmt_time(char out[32], mtrk_time t)
{
    if (t == 0) {
        out[0] = '\0';
        return;
    }
    time_t s = (time_t)(t / 1000);
    int ms = (int)(t % 1000);
    if (ms < 0) {
        ms += 1000;
        s -= 1;
    }
    struct tm tm;
    gmtime_r(&s, &tm);
    char buf[96];
    snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    snprintf(out, 32, "%.31s", buf);
}

int parse_time(mtrk_time *out, const char *s)
{
    char *end;
    errno = 0;
    if (*s && strspn(s, "0123456789") == strlen(s)) {
        long long v = strtoll(s, &end, 10);
        if (errno)
            return -1;
        *out = v;
        return 0;
    }
    int Y, M, D, h, m, sec, n = 0;
    if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &Y, &M, &D, &h, &m, &sec, &n) != 6 || n != 19)
        if (sscanf(s, "%4d-%2d-%2d %2d:%2d:%2d%n", &Y, &M, &D, &h, &m, &sec, &n) != 6 || n != 19)
            return -1;
    if (M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || sec > 60)
        return -1;
    const char *p = s + n;
    long ms = 0;
    if (*p == '.') {
        p++;
        int digits = 0;
        while (*p >= '0' && *p <= '9') {
            if (digits < 3)
                ms = ms * 10 + (*p - '0');
            digits++;
            p++;
        }
        if (digits == 0)
            return -1;
        for (; digits < 3; digits++)
            ms *= 10;
    }
    long off = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int oh, om, k = 0;
        if (sscanf(p + 1, "%2d:%2d%n", &oh, &om, &k) != 2 || k != 5)
            return -1;
        off = (oh * 60L + om) * 60L * (*p == '-' ? -1 : 1);
        p += 6;
    } else {
        return -1;
    }
    if (*p)
        return -1;
    struct tm tm = { 0 };
    tm.tm_year = Y - 1900;
    tm.tm_mon = M - 1;
    tm.tm_mday = D;
    tm.tm_hour = h;
    tm.tm_min = m;
    tm.tm_sec = sec;
    time_t t = timegm(&tm);
    *out = ((mtrk_time)t - off) * 1000 + ms;
    return 0;
}

/* ---- writers ------------------------------------------------------------------- */

bool utf8_ok(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned char b = p[i];
        size_t len;
        uint32_t cp;
        if (b < 0x80) {
            i++;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            len = 2;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            len = 3;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            len = 4;
            cp = b & 0x07;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

/* A spreadsheet runs a cell beginning with = + - @ (or tab/CR, which some
 * strip first) as a formula: such text cells get a leading apostrophe. */
void csv_cell(FILE *f, const char *s, bool first)
{
    if (s == NULL) {
        if (!first)
            fputc(',', f);
        return;
    }
    csv_cell_n(f, s, strlen(s), first);
}

void csv_cell_n(FILE *f, const char *s, size_t n, bool first)
{
    if (!first)
        fputc(',', f);
    if (s == NULL || n == 0)
        return;
    bool neutral = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
    bool quote = neutral;
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quote)
        fputc('"', f);
    if (neutral)
        fputc('\'', f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            fputc('"', f);
        fputc(s[i], f);
    }
    if (quote)
        fputc('"', f);
}

void csv_num(FILE *f, long long v, bool first)
{
    if (!first)
        fputc(',', f);
    fprintf(f, "%lld", v);
}

void csv_end(FILE *f) { fputs("\r\n", f); }

void json_str(FILE *f, const char *s)
{
    if (s == NULL) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                fputc(*p, f);
        }
    }
    fputc('"', f);
}

void html_esc(FILE *f, const char *s)
{
    if (s == NULL)
        return;
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* ---- bounded line reading ------------------------------------------------------- */

int lr_init(line_reader *r, FILE *f, size_t max)
{
    memset(r, 0, sizeof *r);
    r->f = f;
    r->max = max;
    r->buf = malloc(max + 1);
    return r->buf ? 0 : -1;
}

void lr_free(line_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}

int lr_next(line_reader *r)
{
    r->len = 0;
    r->full = 0;
    r->overlong = false;
    int ch;
    while ((ch = getc_unlocked(r->f)) != EOF) {
        r->full++;
        if (r->len < r->max)
            r->buf[r->len++] = (char)ch;
        else
            r->overlong = true;
        if (ch == '\n')
            break;
        if (ch == '\r') {
            int nx = getc_unlocked(r->f);
            if (nx == '\n') {
                r->full++;
                if (r->len < r->max)
                    r->buf[r->len++] = '\n';
                else
                    r->overlong = true;
            } else if (nx != EOF) {
                ungetc(nx, r->f);
            }
            break;
        }
    }
    r->buf[r->len] = '\0';
    r->pos += r->full;
    if (r->full == 0)
        return ferror(r->f) ? -1 : 0;
    r->lineno++;
    return 1;
}

/* ---- progress -------------------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(progress *p, long size, const char *unit)
{
    memset(p, 0, sizeof *p);
    p->on = isatty(2) == 1;
    p->size = size;
    p->unit = unit;
    p->start = now_s();
    p->last = 0;
}

static void progress_draw(progress *p, uint64_t pos, uint64_t count, bool done)
{
    if (p->size > 0) {
        int pct = done ? 100 : (int)((double)pos * 100.0 / (double)p->size);
        if (pct > 100)
            pct = 100;
        int bar = pct * 30 / 100;
        fprintf(stderr, "\r[%.*s%*s] %3d%% %llu %s", bar, "##############################", 30 - bar, "", pct,
                (unsigned long long)count, p->unit);
    } else {
        fprintf(stderr, "\r%llu %s, %.0f s", (unsigned long long)count, p->unit, now_s() - p->start);
    }
    if (done)
        fputc('\n', stderr);
    fflush(stderr);
}

void progress_update(progress *p, uint64_t pos, uint64_t count)
{
    if (!p->on)
        return;
    double t = now_s();
    if (p->last != 0 && t - p->last < 0.2)
        return;
    p->last = t;
    progress_draw(p, pos, count, false);
}

void progress_end(progress *p, uint64_t count)
{
    if (p->on)
        progress_draw(p, (uint64_t)(p->size > 0 ? p->size : 0), count, true);
}

struct ticker {
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool stop;
    const char *what;
    double start;
};

static void *ticker_run(void *arg)
{
    ticker *t = arg;
    pthread_mutex_lock(&t->mu);
    while (!t->stop) {
        fprintf(stderr, "\r%s... %.0f s", t->what, now_s() - t->start);
        fflush(stderr);
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += 1;
        pthread_cond_timedwait(&t->cv, &t->mu, &ts);
    }
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

ticker *ticker_start(const char *what)
{
    if (isatty(2) != 1)
        return NULL;
    ticker *t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    pthread_mutex_init(&t->mu, NULL);
    pthread_cond_init(&t->cv, NULL);
    t->what = what;
    t->start = now_s();
    if (pthread_create(&t->th, NULL, ticker_run, t) != 0) {
        pthread_cond_destroy(&t->cv);
        pthread_mutex_destroy(&t->mu);
        free(t);
        return NULL;
    }
    return t;
}

void ticker_stop(ticker *t)
{
    if (t == NULL)
        return;
    pthread_mutex_lock(&t->mu);
    t->stop = true;
    pthread_cond_signal(&t->cv);
    pthread_mutex_unlock(&t->mu);
    pthread_join(t->th, NULL);
    fprintf(stderr, "\r%s... done in %.1f s\n", t->what, now_s() - t->start);
    pthread_cond_destroy(&t->cv);
    pthread_mutex_destroy(&t->mu);
    free(t);
}
