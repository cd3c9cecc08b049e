/* events ingest: JSON Lines in, recorded in batches, streamed in bounded
 * memory. The parsing and recording of a stream is events_ingest_stream, which
 * the command and the fuzz target (fuzz/fuzz_jsonl.c) share. */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define INGEST_BATCH 1000

typedef struct pending {
    json_t *obj;            /* keeps the strings the input points to */
    mtrk_event_input in;
    long line;
} pending;

typedef struct ingest {
    cli_ctx *c;
    const char *name;
    pending *p;
    size_t n;
    uint64_t lines, recorded, duplicates, bad;
} ingest;

static int enum_of(const char *s, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (names[i] && strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

/* Fills in from one JSON object; returns NULL or what is wrong with it. */
static const char *parse_event(json_t *o, mtrk_event_input *in, char *why, size_t whysz)
{
    static const char *const bounce[] = { "none", "hard", "soft" };
    static const char *const verdict[] = { "human", "machine" };
    static const char *const scope[] = { NULL, "global", "campaign", "audience" };
    static const char *const source[] = { NULL,     "link",   "one_click", "complaint",
                                          "manual", "import", "bounce",    "mailto" };
    mtrk_event_input_init(in, MTRK_EVENT_INPUT_VERSION);
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v) {
        const char *s = json_string_value(v);
        int k;
        if (strcmp(key, "type") == 0) {
            k = -1;
            for (int t = 1; s && t < MTRK_EV_TYPE_COUNT; t++)
                if (strcmp(s, mtrk_event_type_name((mtrk_event_type)t)) == 0)
                    k = t;
            if (k < 0)
                return "\"type\" is not an event type (sent delivered deferred open click bounce complaint unsubscribe)";
            in->type = (mtrk_event_type)k;
        } else if (strcmp(key, "mid") == 0 || strcmp(key, "lid") == 0 || strcmp(key, "unsub_audience") == 0) {
            mtrk_id *dst = key[0] == 'm' ? &in->mid : key[0] == 'l' ? &in->lid : &in->unsub_audience;
            if (!s || mtrk_id_from_string(dst, s)) {
                snprintf(why, whysz, "\"%s\" is not an id", key);
                return why;
            }
        } else if (strcmp(key, "occurred_at") == 0) {
            if (json_is_integer(v))
                in->occurred_at = json_integer_value(v);
            else if (!s || parse_time(&in->occurred_at, s))
                return "\"occurred_at\" is neither Unix milliseconds nor an RFC 3339 time";
        } else if (strcmp(key, "bounce_kind") == 0) {
            if (!s || (k = enum_of(s, bounce, 3)) < 0)
                return "\"bounce_kind\" is not none, hard or soft";
            in->bounce_kind = (mtrk_bounce_kind)k;
        } else if (strcmp(key, "verdict") == 0) {
            if (!s || (k = enum_of(s, verdict, 2)) < 0)
                return "\"verdict\" is not human or machine";
            in->verdict = (mtrk_verdict)k;
        } else if (strcmp(key, "unsub_scope") == 0) {
            if (!s || (k = enum_of(s, scope, 4)) < 0)
                return "\"unsub_scope\" is not global, campaign or audience";
            in->unsub_scope = (mtrk_unsub_scope)k;
        } else if (strcmp(key, "unsub_source") == 0) {
            if (!s || (k = enum_of(s, source, 8)) < 0)
                return "\"unsub_source\" is not link, one_click, complaint, manual, import, bounce or mailto";
            in->unsub_source = (mtrk_source)k;
        } else {
            const char **dst = strcmp(key, "provider") == 0            ? &in->provider
                               : strcmp(key, "provider_event_id") == 0   ? &in->provider_event_id
                               : strcmp(key, "provider_message_id") == 0 ? &in->provider_message_id
                               : strcmp(key, "diagnostic") == 0          ? &in->diagnostic
                               : strcmp(key, "user_agent") == 0          ? &in->user_agent
                               : strcmp(key, "ip") == 0                  ? &in->ip
                               : strcmp(key, "verdict_reason") == 0      ? &in->verdict_reason
                                                                         : NULL;
            if (dst == NULL) {
                snprintf(why, whysz, "unknown field \"%.64s\"", key);
                return why;
            }
            if (!json_is_string(v) && !json_is_null(v)) {
                snprintf(why, whysz, "\"%s\" is not a string", key);
                return why;
            }
            *dst = s;
        }
    }
    if (in->type == 0)
        return "\"type\" is missing";
    if (mtrk_id_is_nil(in->mid))
        return "\"mid\" is missing";
    return NULL;
}

/* The library's message in the file's words: its fields are named as the
 * line names them ("lid", not "events[3]->lid"). */
static void user_words(char *out, size_t size, const char *msg)
{
    size_t o = 0;
    for (const char *p = msg; *p != '\0' && o + 1 < size;) {
        if (strncmp(p, "events[", 7) == 0) {
            const char *q = p + 7;
            while (*q >= '0' && *q <= '9')
                q++;
            if (q > p + 7 && strncmp(q, "]->", 3) == 0) {
                p = q + 3;
                continue;
            }
        }
        out[o++] = *p++;
    }
    out[o] = '\0';
}

static int flush_ingest(ingest *g)
{
    if (g->n == 0)
        return 0;
    const mtrk_event_input *ins[INGEST_BATCH];
    mtrk_event_outcome outs[INGEST_BATCH], *outp[INGEST_BATCH];
    for (size_t i = 0; i < g->n; i++) {
        ins[i] = &g->p[i].in;
        mtrk_event_outcome_init(&outs[i], MTRK_EVENT_OUTCOME_VERSION);
        outp[i] = &outs[i];
    }
    size_t recorded = 0;
    int rc = mtrk_event_record_batch(&recorded, outp, g->c->t, ins, g->n);
    int st = 0;
    if (rc) {
        st = lib_err(g->c, rc, "%s: lines %ld-%ld not recorded", g->name, g->p[0].line, g->p[g->n - 1].line);
    } else {
        g->recorded += recorded;
        for (size_t i = 0; i < g->n; i++) {
            if (outs[i].status) {
                g->bad++;
                char why[512];
                user_words(why, sizeof why, outs[i].message ? outs[i].message : mtrk_strerror(outs[i].status));
                fprintf(stderr, "mtrk events ingest: %s:%ld: refused%s%s%s: %s\n", g->name, g->p[i].line,
                        outs[i].argument ? " (" : "", outs[i].argument ? outs[i].argument : "",
                        outs[i].argument ? ")" : "", why);
            } else if (outs[i].duplicate) {
                g->duplicates++;
            }
        }
    }
    for (size_t i = 0; i < g->n; i++)
        json_decref(g->p[i].obj);
    g->n = 0;
    return st;
}

int events_ingest_stream(cli_ctx *c, FILE *in, const char *name, const char *path, ingest_counts *counts)
{
    ingest g = { 0 };
    g.c = c;
    g.name = name;
    g.p = malloc(INGEST_BATCH * sizeof *g.p);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int st = g.p ? 0 : data_err(c, "out of memory");
    while (st == 0 && (n = getline(&line, &cap, in)) > 0) {
        lineno++;
        if (strspn(line, " \t\r\n") == (size_t)n)
            continue; /* blank line */
        g.lines++;
        json_error_t je;
        json_t *o = json_loadb(line, (size_t)n, 0, &je);
        char why[256];
        const char *bad = NULL;
        if (o == NULL) {
            snprintf(why, sizeof why, "not JSON: %s (column %d)", je.text, je.column);
            bad = why;
        } else if (!json_is_object(o)) {
            bad = "not a JSON object";
        } else {
            bad = parse_event(o, &g.p[g.n].in, why, sizeof why);
        }
        if (bad) {
            fprintf(stderr, "mtrk events ingest: %s:%ld: %s\n", g.name, lineno, bad);
            g.bad++;
            json_decref(o);
            continue;
        }
        g.p[g.n].obj = o;
        g.p[g.n].line = lineno;
        if (++g.n == INGEST_BATCH)
            st = flush_ingest(&g);
    }
    if (st == 0)
        st = flush_ingest(&g);
    else
        for (size_t i = 0; i < g.n; i++)
            json_decref(g.p[i].obj);
    if (st == 0 && ferror(in))
        st = data_err(c, "%s: read error", path);
    free(line);
    free(g.p);
    counts->lines = g.lines;
    counts->recorded = g.recorded;
    counts->duplicates = g.duplicates;
    counts->bad = g.bad;
    return st;
}

int cmd_events_ingest(cli_ctx *c, cli_args *a)
{
    const char *path = a->npos ? a->pos[0] : "-";
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (in == NULL)
        return data_err(c, "%s: cannot open: %m", path);
    ingest_counts g = { 0 };
    const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
    int st = events_ingest_stream(c, in, name, path, &g);
    if (in != stdin)
        fclose(in);
    if (c->json)
        printf("{\"lines\":%llu,\"recorded\":%llu,\"duplicates\":%llu,\"rejected\":%llu}\n",
               (unsigned long long)g.lines, (unsigned long long)g.recorded, (unsigned long long)g.duplicates,
               (unsigned long long)g.bad);
    else
        printf("%s: %llu lines, %llu recorded, %llu duplicates, %llu rejected\n", name, (unsigned long long)g.lines,
               (unsigned long long)g.recorded, (unsigned long long)g.duplicates, (unsigned long long)g.bad);
    if (st == 0 && g.bad)
        st = EXIT_DATA;
    return st;
}

