/*
 * Charts as inline SVG, for the HTML report (and any page that shows the
 * same figures: one place for the chart code). Self-contained output: no
 * script, no external resource. Every chart is an <svg class="chart"
 * data-chart="KIND"> inside a <figure>; it scales down to the width of its
 * container (viewBox, width 100%, its natural width as max-width), so a page
 * fits a narrow window. Text is escaped here.
 */
#ifndef MTRK_TOOLS_CHARTS_H
#define MTRK_TOOLS_CHARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <mtrk/mtrk.h>

/* The i-th series colour (a palette of six, repeating). */
const char *chart_color(size_t i);

/* The CSS rules the charts rely on (no rule sets a text's fill: legend
 * texts keep their series' colour). */
void chart_css(FILE *f);

/* Horizontal bars. Labels are wrapped over up to three lines (never cut at
 * the left edge); `text` is written after the bar; bars scale to the largest
 * value, or to `scale` when it is > 0. `mark` adds a class to the row. */
typedef struct chart_bar {
    const char *label;
    double value;
    const char *text;
    const char *mark; /* NULL, or a class name for the row's <g> */
} chart_bar;
void chart_hbars(FILE *f, const char *kind, const char *title, const chart_bar *rows, size_t n, double scale);

/* Lines over hours (from hour0, UTC), with a legend whose swatches and
 * names have the lines' colours, a value axis, and a time axis labelled
 * with dates and hours (UTC). A dashed series is drawn dashed. */
typedef struct chart_series {
    const char *name;
    const char *color;
    bool dashed;
    const uint64_t *v; /* hours values */
} chart_series;
void chart_hourly(FILE *f, const char *kind, const char *title, mtrk_time hour0, size_t hours,
                  const chart_series *s, size_t ns);

/* Grouped vertical bars of percentages: groups (e.g. rates) by series (e.g.
 * campaigns); values[series * ngroups + group] in percent. Each bar shows
 * its value; a value axis with ticks; a legend of the series. */
void chart_groups(FILE *f, const char *kind, const char *title, const char *const *groups, size_t ngroups,
                  const char *const *series, size_t nseries, const double *values);

#endif
