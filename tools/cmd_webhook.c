/* mtrk webhook (one provider request from a file), webhook key, webhook
 * settings, deadletters: provider webhooks (docs/providers.md). */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *type_name(mtrk_event_type t)
{
    const char *n = t ? mtrk_event_type_name(t) : NULL;
    return n ? n : "unmapped";
}

static const char *outcome_name(const mtrk_event_outcome *o)
{
    if (o->dead_lettered)
        return "dead_lettered";
    if (o->status == 0)
        return o->duplicate ? "duplicate" : "recorded";
    return o->conflict ? "conflict" : "refused";
}

/* Reads all of `in` (at most limit + 1 octets: a longer body is refused by the library with its message). */
static int read_all(char **out, size_t *len, FILE *in, size_t limit)
{
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    if (p == NULL)
        return -1;
    for (;;) {
        if (n == cap) {
            if (cap > limit) /* enough to tell the library it is over */
                break;
            char *q = realloc(p, cap * 2);
            if (q == NULL) {
                free(p);
                return -1;
            }
            p = q;
            cap *= 2;
        }
        size_t got = fread(p + n, 1, cap - n, in);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(in)) {
        free(p);
        return -1;
    }
    *out = p;
    *len = n;
    return 0;
}

typedef struct cert_src {
    const char *path;
} cert_src;

/* The SNS signing certificate: the PEM file given with --cert, whatever the
 * (validated) URL; the tool does no network I/O. */
static int cert_from_file(char **pem, const char *url, void *ud)
{
    (void)url;
    const cert_src *cs = ud;
    if (cs->path == NULL)
        return -1;
    FILE *f = fopen(cs->path, "rb");
    if (f == NULL)
        return -1;
    char *p = NULL;
    size_t n = 0;
    int rc = read_all(&p, &n, f, 1 << 20);
    fclose(f);
    if (rc)
        return -1;
    char *q = realloc(p, n + 1);
    if (q == NULL) {
        free(p);
        return -1;
    }
    q[n] = '\0';
    *pem = q;
    return 0;
}

static void print_json(const char *provider, const mtrk_webhook_result *r)
{
    char ids[MTRK_ID_STRLEN + 1];
    printf("{\"provider\":");
    json_str(stdout, provider);
    printf(",\"verdict\":");
    json_str(stdout, mtrk_webhook_verdict_name(r->verdict));
    printf(",\"message\":");
    json_str(stdout, r->message);
    printf(",\"confirm_url\":");
    json_str(stdout, r->confirm_url);
    printf(",\"events\":%zu,\"recorded\":%zu,\"duplicates\":%zu,\"conflicts\":%zu,\"dead_lettered\":%zu,"
           "\"unmapped\":%zu,\"refused\":%zu,\"outcomes\":[",
           r->n, r->recorded, r->duplicates, r->conflicts, r->dead_lettered, r->unmapped, r->refused);
    for (size_t i = 0; i < r->n; i++) {
        const mtrk_webhook_event *e = r->events[i];
        const mtrk_event_outcome *o = r->outcomes[i];
        printf("%s{\"index\":%zu,\"outcome\":\"%s\",\"status\":", i ? "," : "", i, outcome_name(o));
        json_str(stdout, o->status ? mtrk_strerror(o->status) : NULL);
        printf(",\"message\":");
        json_str(stdout, o->message);
        printf(",\"type\":");
        json_str(stdout, e->type ? mtrk_event_type_name(e->type) : NULL);
        printf(",\"provider_type\":");
        json_str(stdout, e->provider_type);
        printf(",\"key\":");
        json_str(stdout, e->key);
        printf(",\"mid\":");
        json_str(stdout, mtrk_id_is_nil(e->mid) ? NULL : idstr(ids, e->mid));
        printf(",\"lid\":");
        json_str(stdout, mtrk_id_is_nil(e->lid) ? NULL : idstr(ids, e->lid));
        printf(",\"event_id\":");
        json_str(stdout, mtrk_id_is_nil(o->event_id) ? NULL : idstr(ids, o->event_id));
        printf("}");
    }
    printf("]}\n");
}

static void print_text(const char *provider, const mtrk_webhook_result *r)
{
    printf("%s: %s", provider, mtrk_webhook_verdict_name(r->verdict));
    if (r->message[0])
        printf(" (%s)", r->message);
    if (r->confirm_url)
        printf("\nconfirm the subscription: %s", r->confirm_url);
    if (r->verdict == MTRK_WEBHOOK_ACCEPTED)
        printf(": %zu events, %zu recorded, %zu duplicates, %zu dead-lettered (%zu unmapped), %zu conflicts, "
               "%zu refused",
               r->n, r->recorded, r->duplicates, r->dead_lettered, r->unmapped, r->conflicts, r->refused);
    putchar('\n');
    for (size_t i = 0; i < r->n; i++) {
        const mtrk_webhook_event *e = r->events[i];
        const mtrk_event_outcome *o = r->outcomes[i];
        printf("  %zu %s", i + 1, type_name(e->type));
        if (e->provider_type)
            printf(" (%s)", e->provider_type);
        printf(" %s: %s", e->key ? e->key : "-", outcome_name(o));
        if (o->message)
            printf(": %s", o->message);
        putchar('\n');
    }
}

static int cmd_webhook(cli_ctx *c, cli_args *a)
{
    const char *provider = a->pos[0];
    const char *path = a->npos > 1 ? a->pos[1] : "-";
    uint64_t limit = 0;
    int st = opt_u64(&limit, c, a, "body-limit", 0);
    if (st)
        return st;
    size_t nh = 0;
    while (opt_nth(a, "header", (int)nh))
        nh++;
    mtrk_header *hs = calloc(nh ? nh : 1, sizeof *hs);
    char **bufs = calloc(nh ? nh : 1, sizeof *bufs);
    if (hs == NULL || bufs == NULL) {
        free(hs);
        free(bufs);
        return data_err(c, "out of memory");
    }
    for (size_t i = 0; i < nh && st == 0; i++) {
        const char *h = opt_nth(a, "header", (int)i);
        const char *colon = strchr(h, ':');
        if (colon == NULL || colon == h) {
            st = usage_err(c, "--header '%s' is not 'Name: value'", h);
            break;
        }
        bufs[i] = strdup(h);
        if (bufs[i] == NULL) {
            st = data_err(c, "out of memory");
            break;
        }
        bufs[i][colon - h] = '\0';
        const char *v = bufs[i] + (colon - h) + 1;
        while (*v == ' ' || *v == '\t')
            v++;
        hs[i].name = bufs[i];
        hs[i].value = v;
    }
    char *body = NULL;
    size_t len = 0;
    if (st == 0) {
        FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        if (in == NULL)
            st = data_err(c, "%s: cannot open: %s", path, strerror(errno));
        else {
            if (read_all(&body, &len, in, limit ? (size_t)limit : MTRK_WEBHOOK_BODY_LIMIT))
                st = data_err(c, "%s: cannot read: %s", path, strerror(errno));
            if (in != stdin)
                fclose(in);
        }
    }
    mtrk_webhook_result *r = NULL;
    if (st == 0) {
        mtrk_webhook_request rq = MTRK_WEBHOOK_REQUEST_INIT;
        cert_src cs = { opt(a, "cert") };
        rq.provider = provider;
        rq.headers = hs;
        rq.nheaders = nh;
        rq.body = body;
        rq.len = len;
        rq.url = opt(a, "url");
        rq.body_limit = (size_t)limit;
        rq.get_cert = cert_from_file;
        rq.cert_userdata = &cs;
        int rc = mtrk_webhook_ingest(&r, c->t, &rq);
        if (rc)
            st = lib_err(c, rc, "webhook");
    }
    if (st == 0) {
        if (c->json)
            print_json(provider, r);
        else
            print_text(provider, r);
        if ((r->verdict != MTRK_WEBHOOK_ACCEPTED && r->verdict != MTRK_WEBHOOK_CONFIRM &&
             r->verdict != MTRK_WEBHOOK_REPLAYED) ||
            r->refused || r->conflicts)
            st = EXIT_DATA;
    }
    mtrk_webhook_result_free(r);
    free(body);
    for (size_t i = 0; i < nh; i++)
        free(bufs[i]);
    free(bufs);
    free(hs);
    return st;
}

static int cmd_webhook_key(cli_ctx *c, cli_args *a)
{
    const char *action = a->pos[0];
    if (strcmp(action, "add") == 0 || strcmp(action, "remove") == 0) {
        if (a->npos != 3)
            return usage_err(c, "webhook key %s takes PROVIDER and %s", action,
                             action[0] == 'a' ? "KEY" : "KEY or FINGERPRINT");
        int rc = action[0] == 'a' ? mtrk_webhook_key_add(c->t, a->pos[1], a->pos[2])
                                  : mtrk_webhook_key_remove(c->t, a->pos[1], a->pos[2]);
        if (rc)
            return lib_err(c, rc, "webhook key %s", action);
        if (c->json)
            printf("{\"%s\":true}\n", action[0] == 'a' ? "added" : "removed");
        else
            printf("%s key of %s\n", action[0] == 'a' ? "added a" : "removed the", a->pos[1]);
        return 0;
    }
    if (strcmp(action, "list") != 0)
        return usage_err(c, "webhook key: '%s' is not add, list or remove", action);
    if (a->npos > 2)
        return usage_err(c, "webhook key list takes at most PROVIDER");
    const char *provider = a->npos > 1 ? a->pos[1] : NULL;
    size_t n = 0;
    int rc = mtrk_webhook_keys(NULL, 0, &n, c->t, provider);
    if (rc)
        return lib_err(c, rc, "webhook key list");
    mtrk_webhook_key_info *infos = calloc(n ? n : 1, sizeof *infos);
    mtrk_webhook_key_info **outs = calloc(n ? n : 1, sizeof *outs);
    if (infos == NULL || outs == NULL) {
        free(infos);
        free(outs);
        return data_err(c, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        mtrk_webhook_key_info_init(&infos[i], MTRK_WEBHOOK_KEY_INFO_VERSION);
        outs[i] = &infos[i];
    }
    size_t got = 0;
    rc = mtrk_webhook_keys(outs, n, &got, c->t, provider);
    int st = rc ? lib_err(c, rc, "webhook key list") : 0;
    if (c->json && st == 0)
        printf("[");
    for (size_t i = 0; st == 0 && i < got && i < n; i++) {
        char at[32];
        fmt_time(at, infos[i].created_at);
        if (c->json) {
            printf("%s{\"provider\":", i ? "," : "");
            json_str(stdout, infos[i].provider);
            printf(",\"fingerprint\":");
            json_str(stdout, infos[i].fingerprint);
            printf(",\"created_at\":");
            json_str(stdout, at);
            printf("}");
        } else {
            printf("%-11s %s %s\n", infos[i].provider, infos[i].fingerprint, at);
        }
    }
    if (c->json && st == 0)
        printf("]\n");
    free(infos);
    free(outs);
    return st;
}

static int cmd_webhook_settings(cli_ctx *c, cli_args *a)
{
    const char *provider = a->pos[0];
    mtrk_webhook_settings s = MTRK_WEBHOOK_SETTINGS_INIT;
    int rc = mtrk_webhook_settings_get(&s, c->t, provider);
    if (rc)
        return lib_err(c, rc, "webhook settings");
    const char *tol = opt(a, "tolerance-ms"), *uns = opt(a, "allow-unsigned");
    if (tol || uns) {
        if (tol) {
            char *end;
            errno = 0;
            long long v = strtoll(tol, &end, 10);
            if (*tol == '\0' || *end != '\0' || errno)
                return usage_err(c, "--tolerance-ms '%s' is not a whole number of milliseconds", tol);
            s.tolerance_ms = v;
        }
        if (uns) {
            if (strcmp(uns, "yes") != 0 && strcmp(uns, "no") != 0)
                return usage_err(c, "--allow-unsigned '%s' is not yes or no", uns);
            s.allow_unsigned = strcmp(uns, "yes") == 0;
        }
        rc = mtrk_webhook_settings_set(c->t, provider, &s);
        if (rc)
            return lib_err(c, rc, "webhook settings");
    }
    if (c->json)
        printf("{\"provider\":\"%s\",\"tolerance_ms\":%lld,\"allow_unsigned\":%s}\n", provider,
               (long long)s.tolerance_ms, s.allow_unsigned ? "true" : "false");
    else
        printf("%s: tolerance %lld ms%s, unsigned requests %s\n", provider, (long long)s.tolerance_ms,
               s.tolerance_ms == 0 ? " (the default, 5 minutes)" : s.tolerance_ms < 0 ? " (no check)" : "",
               s.allow_unsigned ? "accepted while no key is set" : "refused");
    return 0;
}

static int cmd_deadletters_list(cli_ctx *c, cli_args *a)
{
    mtrk_deadletter_iter *it = NULL;
    int rc = mtrk_deadletter_iter_new(&it, c->t, opt(a, "provider"));
    if (rc)
        return lib_err(c, rc, "deadletters list");
    mtrk_deadletter_info d = MTRK_DEADLETTER_INFO_INIT;
    size_t n = 0;
    char ids[MTRK_ID_STRLEN + 1], at[32], arr[32];
    if (c->json)
        printf("[");
    while ((rc = mtrk_deadletter_iter_next(&d, it)) == MTRK_OK) {
        fmt_time(at, d.occurred_at);
        fmt_time(arr, d.arrived_at);
        if (c->json) {
            printf("%s{\"id\":\"%s\",\"provider\":", n ? "," : "", idstr(ids, d.id));
            json_str(stdout, d.provider);
            printf(",\"key\":");
            json_str(stdout, d.key);
            printf(",\"reason\":");
            json_str(stdout, d.reason);
            printf(",\"provider_type\":");
            json_str(stdout, d.provider_type);
            printf(",\"type\":");
            json_str(stdout, d.type ? mtrk_event_type_name(d.type) : NULL);
            printf(",\"mid\":");
            json_str(stdout, mtrk_id_is_nil(d.mid) ? NULL : idstr(ids, d.mid));
            printf(",\"provider_message_id\":");
            json_str(stdout, d.provider_message_id);
            printf(",\"occurred_at\":");
            json_str(stdout, at);
            printf(",\"arrived_at\":");
            json_str(stdout, arr);
            /* A bounce's facts as a replay records them; null for other types. */
            if (d.type == MTRK_EV_BOUNCE) {
                printf(",\"bounce\":{\"kind\":\"%s\",\"reason\":\"%s\",\"smtp_code\":%d,\"status\":",
                       d.bounce_kind == MTRK_BOUNCE_HARD ? "hard" : "soft", mtrk_bounce_reason_name(d.bounce_reason),
                       d.smtp_code);
                json_str(stdout, d.bounce_status);
                printf(",\"type\":");
                json_str(stdout, d.bounce_type);
                printf(",\"subtype\":");
                json_str(stdout, d.bounce_subtype);
                printf(",\"diagnostic\":");
                json_str(stdout, d.diagnostic);
                printf("}");
            } else {
                printf(",\"bounce\":null");
            }
            /* The payload is the provider's JSON object, kept as received. */
            printf(",\"payload\":%s}", d.payload ? d.payload : "null");
        } else {
            printf("%s %s %s %s %s: %s", arr, d.provider, d.key, d.provider_type ? d.provider_type : "-",
                   type_name(d.type), d.reason);
            if (d.type == MTRK_EV_BOUNCE) {
                printf(" (bounce %s, %s", d.bounce_kind == MTRK_BOUNCE_HARD ? "hard" : "soft",
                       mtrk_bounce_reason_name(d.bounce_reason));
                if (d.smtp_code)
                    printf(", smtp %d", d.smtp_code);
                if (d.bounce_status)
                    printf(", status %s", d.bounce_status);
                if (d.bounce_type)
                    printf(", type %s%s%s", d.bounce_type, d.bounce_subtype ? "/" : "",
                           d.bounce_subtype ? d.bounce_subtype : "");
                printf(")");
            }
            printf("\n");
        }
        n++;
    }
    if (c->json)
        printf("]\n");
    mtrk_deadletter_iter_free(it);
    if (rc != MTRK_ITEROVER)
        return lib_err(c, rc, "deadletters list");
    return 0;
}

static int cmd_deadletters_count(cli_ctx *c, cli_args *a)
{
    uint64_t n = 0;
    int rc = mtrk_deadletter_count(&n, c->t, opt(a, "provider"));
    if (rc)
        return lib_err(c, rc, "deadletters count");
    if (c->json)
        printf("{\"deadletters\":%llu}\n", (unsigned long long)n);
    else
        printf("%llu\n", (unsigned long long)n);
    return 0;
}

static int cmd_deadletters_replay(cli_ctx *c, cli_args *a)
{
    size_t rec = 0, left = 0;
    int rc = mtrk_deadletter_replay(&rec, &left, c->t, opt(a, "provider"));
    if (rc)
        return lib_err(c, rc, "deadletters replay");
    if (c->json)
        printf("{\"recorded\":%zu,\"remaining\":%zu}\n", rec, left);
    else
        printf("%zu recorded, %zu remaining\n", rec, left);
    return 0;
}

static int cmd_webhook_payload(cli_ctx *c, cli_args *a)
{
    mtrk_id ev;
    if (mtrk_id_from_string(&ev, a->pos[0]) != 0)
        return usage_err(c, "EVENT_ID '%s' is not an id", a->pos[0]);
    char *p = NULL;
    int rc = mtrk_webhook_payload_get(&p, c->t, ev);
    if (rc)
        return lib_err(c, rc, "webhook payload");
    printf("%s\n", p); /* JSON text either way */
    mtrk_free(p);
    return 0;
}

static int cmd_webhook_message_id(cli_ctx *c, cli_args *a)
{
    mtrk_id mid;
    if (mtrk_id_from_string(&mid, a->pos[0]) != 0)
        return usage_err(c, "MID '%s' is not an id", a->pos[0]);
    int rc = mtrk_message_provider_id_set(c->t, mid, a->pos[1], a->pos[2]);
    if (rc)
        return lib_err(c, rc, "webhook message-id");
    if (c->json)
        printf("{\"recorded\":true}\n");
    else
        printf("recorded %s message id %s for %s\n", a->pos[1], a->pos[2], a->pos[0]);
    return 0;
}

/* Two-word commands first: "webhook key ..." is not a request of provider "key". */
const cli_cmd cmds_webhook[] = {
    { "webhook key",
      "mtrk webhook key add PROVIDER KEY | list [PROVIDER] | remove PROVIDER KEY|FINGERPRINT [--json]\n"
      "  The secrets or public keys requests of a provider are verified with (two at once, for\n"
      "  rotation); listed by fingerprint, never in full.",
      "json", 1, 3, 1, cmd_webhook_key },
    { "webhook settings",
      "mtrk webhook settings PROVIDER [--tolerance-ms N] [--allow-unsigned yes|no] [--json]\n"
      "  Shows or changes a provider's timestamp tolerance (0 the default of 5 minutes, negative:\n"
      "  no check) and whether its requests are accepted unsigned while it has no key.",
      "tolerance-ms= allow-unsigned= json", 1, 1, 1, cmd_webhook_settings },
    { "webhook payload",
      "mtrk webhook payload EVENT_ID\n"
      "  The provider's original event object kept for a recorded event (the tenant's\n"
      "  --keep-webhook-payloads setting, `mtrk tenant set`), as JSON.",
      "json", 1, 1, 1, cmd_webhook_payload },
    { "webhook message-id",
      "mtrk webhook message-id MID PROVIDER ID [--json]\n"
      "  Records the id PROVIDER's send call returned for message MID: its webhook events\n"
      "  that echo no mid find the message by it (`mtrk deadletters replay` records those\n"
      "  kept aside before).",
      "json", 3, 3, 1, cmd_webhook_message_id },
    { "webhook",
      "mtrk webhook PROVIDER [FILE|-] [--header 'Name: value']... [--url URL] [--cert PEM]\n"
      "             [--body-limit N] [--json]\n"
      "  Verifies, parses and records one webhook request of PROVIDER (its raw body from FILE or\n"
      "  stdin) and prints the verdict and each event's outcome. --url: the URL the provider posted\n"
      "  to (Mandrill signs it); --cert: the SNS signing certificate (SES).",
      "header* url= cert= body-limit= json", 1, 2, 1, cmd_webhook },
    { "deadletters list", "mtrk deadletters list [--provider P] [--json]\n"
      "  The webhook events kept aside (unmapped types, message not found) with their reason.",
      "provider= json", 0, 0, 1, cmd_deadletters_list },
    { "deadletters count", "mtrk deadletters count [--provider P] [--json]", "provider= json", 0, 0, 1,
      cmd_deadletters_count },
    { "deadletters replay", "mtrk deadletters replay [--provider P] [--json]\n"
      "  Records the dead letters whose message now exists and removes them.",
      "provider= json", 0, 0, 1, cmd_deadletters_replay },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};
