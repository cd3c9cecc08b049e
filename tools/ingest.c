/* events ingest: JSON Lines in, recorded in batches, streamed in bounded
 * memory. The parsing and recording of a stream is events_ingest_stream, which
 * the command and the fuzz target (fuzz/fuzz_jsonl.c) share.
 *
 * Memory: a line is read into at most INGEST_MAX_LINE octets (a longer one
 * is refused without being kept), and every string of a kept line is checked
 * against the library's limit at once, so a pending batch of INGEST_BATCH
 * lines holds at most a few KiB per line whatever the input, plus the user
 * agents (cut by the library when stored), at most INGEST_HELD_MAX octets
 * and one line. */
#include "cli.h"
#include "ingest.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define INGEST_BATCH 1000
/* The octets of user agents a pending batch may hold before it is sent. */
#define INGEST_HELD_MAX (4u << 20)

typedef struct ingest {
    cli_ctx *c;
    const char *name;
    ingest_line *p;
    size_t n;
    size_t held; /* octets of the pending lines' user agents */
    uint64_t lines, recorded, duplicates, bad;
    long busy_from;
} ingest;

static int enum_of(const char *s, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (names[i] && strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

const char *ingest_parse_event(json_t *o, mtrk_event_input *in, char *why, size_t whysz)
{
    static const char *const bounce[] = { "none", "hard", "soft" };
    static const char *const verdict[] = { "human", "machine", "auto" };
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
        } else if (strcmp(key, "bounce_reason") == 0) {
            mtrk_bounce_reason r;
            if (!s || mtrk_bounce_reason_from_name(&r, s))
                return "\"bounce_reason\" is not a bounce reason (user_unknown, mailbox_full, ...: docs/bounces.md)";
            in->bounce_reason = r;
        } else if (strcmp(key, "smtp_code") == 0) {
            if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 999)
                return "\"smtp_code\" is not an SMTP reply code";
            in->smtp_code = (int)json_integer_value(v);
        } else if (strcmp(key, "verdict") == 0) {
            if (!s || (k = enum_of(s, verdict, 3)) < 0)
                return "\"verdict\" is not human, machine or auto";
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
                               : strcmp(key, "bounce_status") == 0       ? &in->bounce_status
                               : strcmp(key, "bounce_type") == 0         ? &in->bounce_type
                               : strcmp(key, "bounce_subtype") == 0      ? &in->bounce_subtype
                                                                         : NULL;
            if (dst == NULL) {
                snprintf(why, whysz, "unknown field \"%.64s\"", key);
                return why;
            }
            if (!json_is_string(v) && !json_is_null(v)) {
                snprintf(why, whysz, "\"%s\" is not a string", key);
                return why;
            }
            /* Checked here, as the line is read, so that a pending batch
             * never holds more than the library would accept. The user
             * agent is cut to its limit when stored, as the tracking path
             * does. */
            size_t lim = dst == &in->diagnostic       ? MTRK_MAX_DIAGNOSTIC
                         : dst == &in->ip             ? MTRK_MAX_IP
                         : dst == &in->verdict_reason ? MTRK_MAX_NAME
                         : dst == &in->user_agent     ? (size_t)INGEST_MAX_LINE
                                                      : MTRK_MAX_PROVIDER;
            if (s && json_string_length(v) > lim) {
                snprintf(why, whysz, "\"%s\" is longer than %zu octets", key, lim);
                return why;
            }
            if (s && strlen(s) != json_string_length(v)) {
                snprintf(why, whysz, "\"%s\" holds a NUL character", key);
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

void ingest_derive_id(ingest_line *pe)
{
    mtrk_event_input *in = &pe->in;
    /* Cannot fail: out is given and in->version is the library's own. */
    mtrk_event_content_key(pe->derived, in);
    in->provider_event_id = pe->derived;
    if (in->provider == NULL || *in->provider == '\0')
        in->provider = DERIVED_PROVIDER;
}

/* The derived id of a line without one. Its ip and user_agent go to the
 * library as given: the library stores them cleaned (an IP that is not an
 * address dropped, the user agent cleaned and cut), the one rule of every
 * path (docs/rules.md "Events"). The user agent may be as long as a line:
 * its octets are counted so that a batch is sent before the ones it holds
 * pass INGEST_HELD_MAX. */
static void finish_event(ingest *g, ingest_line *pe)
{
    mtrk_event_input *in = &pe->in;
    bool has_id = in->provider_event_id != NULL && *in->provider_event_id != '\0';
    if (!has_id)
        ingest_derive_id(pe);
    else if (in->provider == NULL || *in->provider == '\0')
        in->provider = DERIVED_PROVIDER; /* an id names its provider: the tool's own */
    if (in->user_agent != NULL)
        g->held += strlen(in->user_agent);
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

/* --record-provider-ids: a sent line's provider message id, so that the
 * provider's webhook events that echo no mid find the message (a provider
 * that is not one of the library's webhook providers is left alone). A
 * failure is reported like a refused line. */
static void record_provider_id(ingest *g, const ingest_line *pe)
{
    const mtrk_event_input *in = &pe->in;
    if (in->type != MTRK_EV_SENT || in->provider == NULL || in->provider_message_id == NULL)
        return;
    bool known = false;
    for (size_t k = 0; mtrk_webhook_provider_name(k) != NULL; k++)
        known |= strcmp(mtrk_webhook_provider_name(k), in->provider) == 0;
    if (!known)
        return;
    int rc = mtrk_message_provider_id_set(g->c->t, in->mid, in->provider, in->provider_message_id);
    if (rc) {
        g->bad++;
        fprintf(stderr, "mtrk events ingest: %s:%ld: provider message id not recorded: %s\n", g->name, pe->line,
                mtrk_tenant_errmsg(g->c->t));
    }
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
        if (rc == MTRK_EBUSY)
            g->busy_from = g->p[0].line;
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
            if (outs[i].status == 0 && g->c->record_provider_ids)
                record_provider_id(g, &g->p[i]);
        }
    }
    for (size_t i = 0; i < g->n; i++)
        json_decref(g->p[i].obj);
    g->n = 0;
    g->held = 0;
    return st;
}

int events_ingest_stream(cli_ctx *c, FILE *in, const char *name, const char *path, long size,
                         ingest_counts *counts)
{
    ingest g = { 0 };
    g.c = c;
    g.name = name;
    g.p = malloc(INGEST_BATCH * sizeof *g.p);
    line_reader lr;
    bool lr_ok = lr_init(&lr, in, INGEST_MAX_LINE) == 0;
    int st = g.p && lr_ok ? 0 : data_err(c, "out of memory");
    progress pg;
    progress_start(&pg, size, "lines");
    int r = 0;
    while (st == 0 && (r = lr_next(&lr)) > 0) {
        long lineno = lr.lineno;
        const char *line = lr.buf;
        size_t n = lr.len;
        progress_update(&pg, lr.pos, g.lines);
        if (!lr.overlong && strspn(line, " \t\r\n") == n)
            continue; /* blank line */
        g.lines++;
        char why[256];
        const char *bad = NULL;
        json_t *o = NULL;
        if (lr.overlong) {
            snprintf(why, sizeof why, "line longer than %d octets (%llu): not read", INGEST_MAX_LINE,
                     (unsigned long long)lr.full);
            bad = why;
        } else {
            json_error_t je;
            o = json_loadb(line, n, 0, &je);
            if (o == NULL) {
                snprintf(why, sizeof why, "not JSON: %s (column %d)", je.text, je.column);
                bad = why;
            } else if (!json_is_object(o)) {
                bad = "not a JSON object";
            } else {
                bad = ingest_parse_event(o, &g.p[g.n].in, why, sizeof why);
            }
        }
        if (bad) {
            fprintf(stderr, "mtrk events ingest: %s:%ld: %s\n", g.name, lineno, bad);
            g.bad++;
            json_decref(o);
            continue;
        }
        g.p[g.n].obj = o;
        g.p[g.n].line = lineno;
        finish_event(&g, &g.p[g.n]);
        if (++g.n == INGEST_BATCH || g.held > INGEST_HELD_MAX)
            st = flush_ingest(&g);
    }
    if (st == 0)
        st = flush_ingest(&g);
    else
        for (size_t i = 0; i < g.n; i++)
            json_decref(g.p[i].obj);
    if (st == 0 && r < 0)
        st = data_err(c, "%s: read error", path);
    if (g.busy_from && lr_ok) {
        /* Not recorded: from the batch the database refused to the end. */
        long last = lr.lineno;
        while (lr_next(&lr) > 0)
            last = lr.lineno;
        counts->busy_from = g.busy_from;
        counts->busy_to = last;
    }
    progress_end(&pg, g.lines);
    if (lr_ok)
        lr_free(&lr);
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
    c->record_provider_ids = flag(a, "record-provider-ids");
    const char *name = strcmp(path, "-") == 0 ? "stdin" : path;
    struct stat sb;
    long size = (in != stdin && fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode)) ? (long)sb.st_size : 0;
    int st = events_ingest_stream(c, in, name, path, size, &g);
    if (in != stdin)
        fclose(in);
    if (c->json) {
        printf("{\"lines\":%llu,\"recorded\":%llu,\"duplicates\":%llu,\"rejected\":%llu,\"not_recorded\":",
               (unsigned long long)g.lines, (unsigned long long)g.recorded, (unsigned long long)g.duplicates,
               (unsigned long long)g.bad);
        if (g.busy_from)
            printf("{\"first_line\":%ld,\"last_line\":%ld,\"reason\":\"busy\"}", g.busy_from, g.busy_to);
        else
            printf("null");
        printf(",\"complete\":%s}\n", st == 0 ? "true" : "false");
    } else {
        printf("%s: %llu lines, %llu recorded, %llu duplicates, %llu rejected", name, (unsigned long long)g.lines,
               (unsigned long long)g.recorded, (unsigned long long)g.duplicates, (unsigned long long)g.bad);
        if (g.busy_from)
            printf("; not recorded: lines %ld-%ld (the database was busy: ingest the file again; what is "
                   "recorded stays, once)",
                   g.busy_from, g.busy_to);
        else if (st)
            printf("; stopped early");
        putchar('\n');
    }
    if (st == 0 && g.bad)
        st = EXIT_DATA;
    return st;
}
