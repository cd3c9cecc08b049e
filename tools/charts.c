/* Inline SVG charts (charts.h). */
#include "charts.h"

#include <math.h>
#include <string.h>
#include <time.h>

static const char *const palette[] = { "#2b6cb0", "#38a169", "#d69e2e", "#e53e3e", "#805ad5", "#319795" };

const char *chart_color(size_t i) { return palette[i % 6]; }

static void esc(FILE *f, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        default: fputc(s[i], f);
        }
    }
}

static void esc0(FILE *f, const char *s) { esc(f, s ? s : "", (size_t)-1); }

void chart_css(FILE *f)
{
    fputs("figure{margin:1em 0;max-width:100%}figcaption{font-weight:bold;margin-bottom:.3em}"
          "svg.chart{display:block;width:100%;height:auto;background:#fafafa;border:1px solid #ddd}"
          "svg.chart text{font-size:13px;font-family:sans-serif}"
          "svg.chart .axis text{fill:#555;font-size:11px}",
          f);
}

static void svg_open(FILE *f, const char *kind, const char *title, int w, int h)
{
    fputs("<figure><figcaption>", f);
    esc0(f, title);
    fprintf(f, "</figcaption>\n<svg class=\"chart\" data-chart=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
               "viewBox=\"0 0 %d %d\" style=\"max-width:%dpx\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\">\n",
            kind, w, h, w);
}

/* Splits s into up to 3 lines of at most `width` octets, at spaces when it
 * can (never inside a UTF-8 character); the last line ends with "..." when
 * text is left over. starts[i], lens[i]; returns the number of lines. */
static size_t wrap(const char *s, size_t width, const char *starts[3], size_t lens[3], bool *more)
{
    size_t n = strlen(s), k = 0, i = 0;
    *more = false;
    while (i < n && s[i] == ' ')
        i++;
    while (i < n && k < 3) {
        size_t end = i + width < n ? i + width : n;
        if (end < n) {
            size_t sp = end;
            while (sp > i && s[sp] != ' ')
                sp--;
            if (sp > i)
                end = sp;
            else
                while (end > i && ((unsigned char)s[end] & 0xC0) == 0x80)
                    end--;
        }
        starts[k] = s + i;
        lens[k] = end - i;
        k++;
        i = end;
        while (i < n && s[i] == ' ')
            i++;
    }
    *more = i < n;
    return k;
}

void chart_hbars(FILE *f, const char *kind, const char *title, const chart_bar *rows, size_t n, double scale)
{
    int w = 760, lw = 200, tw = 320, pad = 8, line = 16; /* tw: room for the value text after the longest bar */
    int h = 16;
    size_t nl[256];
    for (size_t i = 0; i < n && i < 256; i++) {
        const char *st[3];
        size_t ln[3];
        bool more;
        nl[i] = wrap(rows[i].label ? rows[i].label : "", 26, st, ln, &more);
        if (nl[i] == 0)
            nl[i] = 1;
        h += (int)nl[i] * line + 12;
    }
    if (n == 0)
        h = 50;
    double max = scale;
    for (size_t i = 0; scale <= 0 && i < n; i++)
        max = rows[i].value > max ? rows[i].value : max;
    svg_open(f, kind, title, w, h);
    if (n == 0)
        fputs("<text x=\"10\" y=\"30\">no data</text>\n", f);
    int y = 10;
    for (size_t i = 0; i < n && i < 256; i++) {
        const char *st[3];
        size_t ln[3];
        bool more;
        size_t k = wrap(rows[i].label ? rows[i].label : "", 26, st, ln, &more);
        int rh = (int)(k ? k : 1) * line + 12;
        fprintf(f, "<g class=\"row%s%s\">", rows[i].mark ? " " : "", rows[i].mark ? rows[i].mark : "");
        fprintf(f, "<text class=\"label\" x=\"%d\" y=\"%d\">", pad, y + line);
        for (size_t j = 0; j < k; j++) {
            fprintf(f, "<tspan x=\"%d\" dy=\"%d\">", pad, j ? line : 0);
            esc(f, st[j], ln[j]);
            if (j + 1 == k && more)
                fputs("\xe2\x80\xa6", f);
            fputs("</tspan>", f);
        }
        fputs("</text>", f);
        double bw = max > 0 ? rows[i].value / max * (w - lw - tw) : 0;
        if (bw < 1 && rows[i].value > 0)
            bw = 1;
        int by = y + (rh - 20) / 2;
        fprintf(f, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>", lw, by, bw,
                chart_color(i));
        fprintf(f, "<text class=\"value\" x=\"%.1f\" y=\"%d\">", lw + bw + 6, by + 14);
        esc0(f, rows[i].text);
        fputs("</text></g>\n", f);
        y += rh;
    }
    fputs("</svg></figure>\n", f);
}

/* A "nice" step for an axis up to max with about `ticks` ticks. */
static double nice_step(double max, int ticks)
{
    if (max <= 0)
        return 1;
    double raw = max / ticks, mag = pow(10, floor(log10(raw))), r = raw / mag;
    return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
}

void chart_hourly(FILE *f, const char *kind, const char *title, mtrk_time hour0, size_t hours,
                  const chart_series *s, size_t ns)
{
    int w = 760, h = 300, l = 56, r = 16, t = 16 + 18 * (int)((ns + 1) / 2), b = 58;
    uint64_t maxv = 1;
    for (size_t k = 0; k < ns; k++)
        for (size_t i = 0; i < hours; i++)
            maxv = s[k].v[i] > maxv ? s[k].v[i] : maxv;
    double step = nice_step((double)maxv, 4);
    double top = ceil((double)maxv / step) * step;
    svg_open(f, kind, title, w, h);
    /* Legend: a swatch in the line's style and the name in its colour. */
    for (size_t k = 0; k < ns; k++) {
        int lx = l + 10 + (int)(k % 2) * 300, ly = 14 + 18 * (int)(k / 2);
        fprintf(f, "<g class=\"legend\" data-series=\"%zu\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                   "stroke=\"%s\" stroke-width=\"3\"%s/><text x=\"%d\" y=\"%d\" fill=\"%s\">",
                k, lx, ly - 4, lx + 24, ly - 4, s[k].color, s[k].dashed ? " stroke-dasharray=\"6 4\"" : "", lx + 30,
                ly, s[k].color);
        esc0(f, s[k].name);
        fputs("</text></g>\n", f);
    }
    int pw = w - l - r, ph = h - t - b;
    fputs("<g class=\"axis\">", f);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", l, t + ph, l + pw, t + ph);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", l, t, l, t + ph);
    for (double v = 0; v <= top + step / 2; v += step) {
        double y = t + ph - v / top * ph;
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e2e2e2\"/>", l + 1, y, l + pw, y);
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>", l - 4, y + 4, v);
    }
    /* Time ticks every 1, 2, 3, 6, 12, 24 ... hours: at most 8 labels. */
    static const size_t steps[] = { 1, 2, 3, 6, 12, 24, 48, 72, 168, 336, 720, 1440, 8784 };
    size_t every = 1;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        every = steps[i];
        if (hours / steps[i] <= 7)
            break;
    }
    double dx = hours > 1 ? (double)pw / (double)(hours - 1) : 0;
    int last_day = -1;
    for (size_t i = 0; i < hours; i += every) {
        time_t tt = (time_t)((hour0 + (mtrk_time)i * 3600000) / 1000);
        struct tm tm;
        gmtime_r(&tt, &tm);
        double x = l + dx * (double)i;
        char day[16], hm[8];
        strftime(day, sizeof day, "%Y-%m-%d", &tm);
        strftime(hm, sizeof hm, "%H:%M", &tm);
        fprintf(f, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\"/>", x, t + ph, x, t + ph + 4);
        fprintf(f, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, t + ph + 16, hm);
        if (tm.tm_yday != last_day) {
            fprintf(f, "<text class=\"date\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, t + ph + 30,
                    day);
            last_day = tm.tm_yday;
        }
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\">time (UTC), per hour</text>", l, h - 6);
    fputs("</g>\n", f);
    for (size_t k = 0; k < ns; k++) {
        fprintf(f, "<polyline class=\"series\" data-series=\"%zu\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s "
                   "points=\"",
                k, s[k].color, s[k].dashed ? " stroke-dasharray=\"6 4\"" : "");
        for (size_t i = 0; i < hours; i++)
            fprintf(f, "%.1f,%.1f ", l + dx * (double)i, t + ph - (double)s[k].v[i] / top * ph);
        fputs("\"/>\n", f);
    }
    fputs("</svg></figure>\n", f);
}

void chart_groups(FILE *f, const char *kind, const char *title, const char *const *groups, size_t ngroups,
                  const char *const *series, size_t nseries, const double *values)
{
    int gw = 140, l = 56, t = 24, ph = 220, w = l + (int)ngroups * gw + 10;
    int h = t + ph + 54 + 20 * (int)nseries;
    double maxv = 0;
    for (size_t i = 0; i < ngroups * nseries; i++)
        maxv = values[i] > maxv ? values[i] : maxv;
    double step = nice_step(maxv > 0 ? maxv : 1, 4);
    double top = ceil((maxv > 0 ? maxv : 1) / step) * step;
    svg_open(f, kind, title, w, h);
    fputs("<g class=\"axis\">", f);
    for (double v = 0; v <= top + step / 2; v += step) {
        double y = t + ph - v / top * ph;
        fprintf(f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>", l, y, w - 10, y,
                v == 0 ? "#888" : "#e2e2e2");
        fprintf(f, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%g%%</text>", l - 4, y + 4, v);
    }
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", l, t, l, t + ph);
    fputs("</g>\n", f);
    double bw = (gw - 24) / (double)(nseries ? nseries : 1);
    for (size_t g = 0; g < ngroups; g++) {
        int x0 = l + 12 + (int)g * gw;
        for (size_t k = 0; k < nseries; k++) {
            double v = values[k * ngroups + g], bh = v / top * ph;
            double x = x0 + bw * (double)k;
            fprintf(f, "<rect class=\"bar\" data-series=\"%zu\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                       "fill=\"%s\"/>",
                    k, x, t + ph - bh, bw - 3, bh, chart_color(k));
            fprintf(f, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\">%.1f%%"
                       "</text>\n",
                    x + (bw - 3) / 2, t + ph - bh - 3, v);
        }
        /* "name (detail)" on two lines, so that neighbours never overlap. */
        const char *paren = strstr(groups[g], " (");
        size_t first = paren ? (size_t)(paren - groups[g]) : strlen(groups[g]);
        fprintf(f, "<text class=\"group\" x=\"%d\" y=\"%d\"><tspan x=\"%d\">", x0, t + ph + 16, x0);
        esc(f, groups[g], first);
        fputs("</tspan>", f);
        if (paren) {
            fprintf(f, "<tspan x=\"%d\" dy=\"14\">", x0);
            esc0(f, paren + 1);
            fputs("</tspan>", f);
        }
        fputs("</text>\n", f);
    }
    for (size_t k = 0; k < nseries; k++) {
        int y = t + ph + 44 + 20 * (int)k;
        fprintf(f, "<g class=\"legend\"><rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                   "<text x=\"%d\" y=\"%d\">",
                l, y, chart_color(k), l + 18, y + 11);
        esc0(f, series[k]);
        fputs("</text></g>\n", f);
    }
    fputs("</svg></figure>\n", f);
}
