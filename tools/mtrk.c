/* mtrk — the command-line tool: global options, dispatch, init and tenants.
 * Commands live in the other files of tools/, one file per group. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *GLOBAL_USAGE =
    "usage: mtrk [--db PATH] [--tenant KEY] COMMAND [ARGS] [--help]\n"
    "\n"
    "  --db PATH      the SQLite file (default: $MTRK_DB)\n"
    "  --tenant KEY   the tenant (default: $MTRK_TENANT, else \"default\")\n"
    "  --busy-timeout MS  how long to wait for a database another writer holds\n"
    "                 (default 5000; also accepted after the command)\n"
    "\n"
    "commands:\n"
    "  init                          create the database and the tenant\n"
    "  tenant create|list|show|set   tenants and their settings\n"
    "  contacts import|show|find|erase\n"
    "  audience create|list|add|remove|members\n"
    "  campaign create|show|list|status|attach|links|landing\n"
    "  generate CAMPAIGN             generate messages, print the exclusion report\n"
    "  unsubscribe CONTACT           add (or --remove) an unsubscribe rule\n"
    "  suppress add|remove|list|expire  the suppression list\n"
    "  leads list|capture            landing-page leads\n"
    "  audit                         the audit log\n"
    "  token create|list|revoke      API bearer tokens (mtrkd's JSON API)\n"
    "  events ingest [FILE|-]        record provider events (JSON Lines)\n"
    "  export contacts|messages|events|links\n"
    "  simulate CAMPAIGN             seeded event simulation\n"
    "  report CAMPAIGN | --compare C1 C2 ...\n"
    "  rebuild                       recompute the rollups and the messages' fact columns\n"
    "  bounces PATH...               classify bounce mails (.eml, mbox, maildir)\n"
    "  reputation show|set|check|resume  complaint and bounce rates, the guard's pause\n"
    "  bounce-policy show|set|expiry what a bounce of each reason does\n"
    "  bounce-facts MID              the facts of a message's bounces\n"
    "  webhook PROVIDER [FILE|-]     record one provider webhook request (also: webhook key|settings)\n"
    "  deadletters list|count|replay webhook events kept aside\n"
    "\n"
    "exit status: 0 success, 1 usage error, 2 data error, 3 database busy (docs/cli.md)\n";

/* ---- option parsing ---------------------------------------------------------- */

/* Finds `name` in a command's option list: 0 unknown, 1 flag, 2 value, 3 repeatable. */
static int opt_kind(const char *opts, const char *name, size_t n)
{
    const char *p = opts;
    while (p && *p) {
        while (*p == ' ')
            p++;
        size_t len = strcspn(p, " ");
        size_t base = len;
        int kind = 1;
        if (base && p[base - 1] == '=') {
            kind = 2;
            base--;
        } else if (base && p[base - 1] == '*') {
            kind = 3;
            base--;
        }
        if (base == n && strncmp(p, name, n) == 0)
            return kind;
        p += len;
    }
    return 0;
}

/* --busy-timeout MS: a non-negative number of milliseconds. */
static int set_busy_timeout(cli_ctx *c, const char *v)
{
    char *end;
    errno = 0;
    long ms = strtol(v, &end, 10);
    if (errno || end == v || *end || ms < 0 || ms > 86400000L) {
        fprintf(stderr, "mtrk: --busy-timeout \"%s\": milliseconds, 0 to 86400000\n", v);
        return EXIT_USAGE;
    }
    c->busy_timeout_ms = (int)ms;
    return 0;
}

static int parse_args(cli_ctx *c, const cli_cmd *cmd, int argc, char **argv, cli_args *a)
{
    memset(a, 0, sizeof *a);
    bool only_pos = false;
    for (int i = 0; i < argc; i++) {
        char *s = argv[i];
        if (!only_pos && strcmp(s, "--") == 0) {
            only_pos = true;
            continue;
        }
        if (!only_pos && s[0] == '-' && s[1] == '-' && s[2]) {
            char *name = s + 2, *eq = strchr(name, '=');
            size_t n = eq ? (size_t)(eq - name) : strlen(name);
            if (n == 12 && strncmp(name, "busy-timeout", 12) == 0) { /* global, accepted anywhere */
                const char *v = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
                if (v == NULL)
                    return usage_err(c, "--busy-timeout needs a value");
                int st = set_busy_timeout(c, v);
                if (st)
                    return st;
                continue;
            }
            int kind = opt_kind(cmd->opts, name, n);
            if (kind == 0)
                return usage_err(c, "unknown option --%.*s", (int)n, name);
            if (a->nopts == CLI_MAX_OPTS)
                return usage_err(c, "too many options");
            const char *val = "";
            if (kind >= 2) {
                if (eq)
                    val = eq + 1;
                else if (i + 1 < argc)
                    val = argv[++i];
                else
                    return usage_err(c, "--%s needs a value", name);
            } else if (eq) {
                return usage_err(c, "--%.*s takes no value", (int)n, name);
            }
            if (kind == 2) {
                for (int k = 0; k < a->nopts; k++)
                    if (strlen(a->names[k]) == n && strncmp(a->names[k], name, n) == 0)
                        return usage_err(c, "--%.*s given twice", (int)n, name);
            }
            if (eq)
                *eq = '\0';
            a->names[a->nopts] = name;
            a->values[a->nopts++] = val;
            continue;
        }
        if (a->npos == CLI_MAX_POS)
            return usage_err(c, "too many arguments");
        a->pos[a->npos++] = s;
    }
    return 0;
}

/* ---- opening ------------------------------------------------------------------ */

static int open_db(cli_ctx *c, bool create)
{
    if (c->db_path == NULL || *c->db_path == '\0')
        return usage_err(c, "no database: give --db PATH or set MTRK_DB");
    /* Only init creates a file: other commands refuse a missing one
     * (memory: and file: URIs and PostgreSQL targets are taken as given). */
    const char *file = strncmp(c->db_path, "sqlite:", 7) == 0 ? c->db_path + 7 : c->db_path;
    bool check = strncmp(c->db_path, "memory:", 7) != 0 && strncmp(c->db_path, "file:", 5) != 0 &&
                 strncmp(c->db_path, "pg:", 3) != 0 && strncmp(c->db_path, "postgres://", 11) != 0 &&
                 strncmp(c->db_path, "postgresql://", 13) != 0;
    if (!create && check && access(file, F_OK) != 0)
        return data_err(c, "database %s does not exist (run mtrk --db %s init)", c->db_path, c->db_path);
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.busy_timeout_ms = c->busy_timeout_ms;
    int rc = mtrk_db_open(&c->db, c->db_path, &o);
    if (rc)
        return lib_err(c, rc, "opening database %s", c->db_path);
    return 0;
}

static char actor_buf[MTRK_MAX_NAME + 1];

static const char *actor(void)
{
    const char *u = getenv("USER");
    snprintf(actor_buf, sizeof actor_buf, "cli:%s", u && *u ? u : "unknown");
    return actor_buf;
}

static int open_tenant(cli_ctx *c)
{
    int rc = mtrk_tenant_open(&c->t, c->db, c->tenant_key, actor());
    if (rc == MTRK_ENOTFOUND)
        return data_err(c, "tenant \"%s\" does not exist (mtrk tenant create %s)", c->tenant_key, c->tenant_key);
    if (rc)
        return lib_err(c, rc, "opening tenant \"%s\"", c->tenant_key);
    return 0;
}

/* ---- init and tenants ---------------------------------------------------------- */

static int cmd_init(cli_ctx *c, cli_args *a)
{
    (void)a;
    mtrk_tenant *t = NULL;
    int rc = mtrk_tenant_open(&t, c->db, c->tenant_key, actor());
    bool created = false;
    if (rc == MTRK_ENOTFOUND) {
        rc = mtrk_tenant_create(&t, c->db, c->tenant_key, actor());
        created = rc == MTRK_OK;
    }
    if (rc)
        return lib_err(c, rc, "tenant \"%s\"", c->tenant_key);
    mtrk_tenant_close(t);
    if (c->json)
        printf("{\"db\":%s%s%s,\"tenant\":\"%s\",\"created\":%s}\n", "\"", c->db_path, "\"", c->tenant_key,
               created ? "true" : "false");
    else
        printf("%s: tenant %s %s\n", c->db_path, c->tenant_key, created ? "created" : "already present");
    return 0;
}

static int apply_settings(cli_ctx *c, mtrk_tenant *t, cli_args *a)
{
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    int rc = mtrk_tenant_settings_get(&s, t);
    if (rc)
        return lib_err(c, rc, "reading settings");
    uint64_t v;
    if (opt(a, "tracking-url"))
        s.tracking_base_url = opt(a, "tracking-url");
    /* Range-checked before any cast or multiplication, so a large value is
     * refused by name instead of wrapping into an accepted one. */
    const uint64_t max_days = (uint64_t)(MTRK_MAX_DURATION_MS / 86400000LL);
    if ((rc = opt_u64(&v, c, a, "soft-bounce-threshold", s.soft_bounce_threshold)))
        return rc;
    if (v < 1 || v > 100)
        return usage_err(c, "--soft-bounce-threshold: %llu is outside 1..100", (unsigned long long)v);
    s.soft_bounce_threshold = (uint32_t)v;
    if ((rc = opt_u64(&v, c, a, "attribution-days", (uint64_t)(s.attribution_window_ms / 86400000))))
        return rc;
    if (opt(a, "attribution-days") && (v < 1 || v > max_days))
        return usage_err(c, "--attribution-days: %llu is outside 1..%llu", (unsigned long long)v,
                         (unsigned long long)max_days);
    if (opt(a, "attribution-days"))
        s.attribution_window_ms = (int64_t)v * 86400000LL;
    if ((rc = opt_u64(&v, c, a, "retention-days", (uint64_t)(s.retention_ms / 86400000))))
        return rc;
    if (opt(a, "retention-days") && (v < 1 || v > max_days))
        return usage_err(c, "--retention-days: %llu is outside 1..%llu", (unsigned long long)v,
                         (unsigned long long)max_days);
    if (opt(a, "retention-days"))
        s.retention_ms = (int64_t)v * 86400000LL;
    if (opt(a, "events-earliest") && (rc = opt_time(&s.events_earliest, c, a, "events-earliest")))
        return rc;
    if ((rc = opt_u64(&v, c, a, "events-ahead-hours", (uint64_t)(s.events_ahead_ms / 3600000))))
        return rc;
    if (opt(a, "events-ahead-hours") && (v < 1 || v > max_days * 24))
        return usage_err(c, "--events-ahead-hours: %llu is outside 1..%llu", (unsigned long long)v,
                         (unsigned long long)(max_days * 24));
    if (opt(a, "events-ahead-hours"))
        s.events_ahead_ms = (int64_t)v * 3600000LL;
    const char *keep = opt(a, "keep-webhook-payloads");
    if (keep && strcmp(keep, "yes") != 0 && strcmp(keep, "no") != 0)
        return usage_err(c, "--keep-webhook-payloads '%s' is not yes or no", keep);
    if (keep)
        s.keep_webhook_payloads = strcmp(keep, "yes") == 0;
    if ((rc = opt_u64(&v, c, a, "webhook-payload-days", (uint64_t)(s.webhook_payload_retention_ms / 86400000))))
        return rc;
    if (opt(a, "webhook-payload-days") && (v < 1 || v > max_days))
        return usage_err(c, "--webhook-payload-days: %llu is outside 1..%llu", (unsigned long long)v,
                         (unsigned long long)max_days);
    if (opt(a, "webhook-payload-days"))
        s.webhook_payload_retention_ms = (int64_t)v * 86400000LL;
    rc = mtrk_tenant_settings_set(t, &s);
    if (rc)
        return lib_err(c, rc, "tenant \"%s\" settings", mtrk_tenant_key(t));
    return 0;
}

static int print_settings(cli_ctx *c, mtrk_tenant *t)
{
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    int rc = mtrk_tenant_settings_get(&s, t);
    if (rc)
        return lib_err(c, rc, "reading settings");
    if (c->json) {
        printf("{\"key\":");
        json_str(stdout, mtrk_tenant_key(t));
        printf(",\"tracking_base_url\":");
        json_str(stdout, s.tracking_base_url);
        printf(",\"soft_bounce_threshold\":%u,\"attribution_window_ms\":%lld,\"retention_ms\":%lld,"
               "\"events_earliest\":%lld,\"events_ahead_ms\":%lld,\"keep_webhook_payloads\":%s,"
               "\"webhook_payload_retention_ms\":%lld}\n",
               s.soft_bounce_threshold, (long long)s.attribution_window_ms, (long long)s.retention_ms,
               (long long)s.events_earliest, (long long)s.events_ahead_ms, s.keep_webhook_payloads ? "true" : "false",
               (long long)s.webhook_payload_retention_ms);
    } else {
        printf("tenant                 %s\n", mtrk_tenant_key(t));
        printf("tracking base URL      %s\n", *s.tracking_base_url ? s.tracking_base_url : "(unset)");
        printf("soft-bounce threshold  %u\n", s.soft_bounce_threshold);
        printf("attribution window     %lld days\n", (long long)(s.attribution_window_ms / 86400000));
        printf("retention              %lld days\n", (long long)(s.retention_ms / 86400000));
        char when[32];
        fmt_time(when, s.events_earliest);
        printf("events from            %s\n", when);
        printf("events ahead at most   %lld hours\n", (long long)(s.events_ahead_ms / 3600000));
        if (s.keep_webhook_payloads)
            printf("webhook payloads       kept %lld days\n", (long long)(s.webhook_payload_retention_ms / 86400000));
        else
            printf("webhook payloads       not kept\n");
    }
    return 0;
}

static int cmd_tenant_create(cli_ctx *c, cli_args *a)
{
    mtrk_tenant *t = NULL;
    int rc = mtrk_tenant_create(&t, c->db, a->pos[0], actor());
    if (rc == MTRK_EINVAL || rc == MTRK_ETOOLONG)
        return usage_err(c, "KEY \"%s\": %s", a->pos[0], mtrk_last_errmsg());
    if (rc)
        return lib_err(c, rc, "tenant \"%s\"", a->pos[0]);
    int st = apply_settings(c, t, a);
    if (st == 0)
        st = print_settings(c, t);
    mtrk_tenant_close(t);
    return st;
}

static int cmd_tenant_list(cli_ctx *c, cli_args *a)
{
    (void)a;
    char *keys = NULL;
    size_t n = 0;
    int rc = mtrk_db_tenant_list(&keys, &n, c->db);
    if (rc)
        return lib_err(c, rc, "listing tenants");
    if (c->json)
        putchar('[');
    size_t i = 0;
    for (const char *k = keys; *k; k += strlen(k) + 1, i++) {
        if (c->json) {
            if (i)
                putchar(',');
            json_str(stdout, k);
        } else {
            puts(k);
        }
    }
    if (c->json)
        puts("]");
    mtrk_free(keys);
    return 0;
}

static int cmd_tenant_show(cli_ctx *c, cli_args *a)
{
    (void)a;
    return print_settings(c, c->t);
}

static int cmd_tenant_set(cli_ctx *c, cli_args *a)
{
    int st = apply_settings(c, c->t, a);
    return st ? st : print_settings(c, c->t);
}

#define SETTINGS_OPTS \
    "tracking-url= soft-bounce-threshold= attribution-days= retention-days= events-earliest= events-ahead-hours= " \
    "keep-webhook-payloads= webhook-payload-days= json"
const cli_cmd cmds_admin[] = {
    { "init", "mtrk --db PATH [--tenant KEY] init\n  Creates the database file (if new) and the tenant (if new).",
      "json", 0, 0, 0, cmd_init },
    { "tenant create", "mtrk tenant create KEY [--tracking-url URL] [--soft-bounce-threshold N]\n"
      "                  [--attribution-days N] [--retention-days N] [--events-earliest TIME]\n"
      "                  [--events-ahead-hours N] [--keep-webhook-payloads yes|no]\n"
      "                  [--webhook-payload-days N] [--json]",
      SETTINGS_OPTS, 1, 1, 0, cmd_tenant_create },
    { "tenant list", "mtrk tenant list [--json]", "json", 0, 0, 0, cmd_tenant_list },
    { "tenant show", "mtrk tenant show [--json]\n  The settings of --tenant.", "json", 0, 0, 1, cmd_tenant_show },
    { "tenant set", "mtrk tenant set [--tracking-url URL] [--soft-bounce-threshold N] [--attribution-days N]\n"
      "                [--retention-days N] [--events-earliest TIME] [--events-ahead-hours N]\n"
      "                [--keep-webhook-payloads yes|no] [--webhook-payload-days N] [--json]\n"
      "  Changes the settings of --tenant (audited). Events must occur between --events-earliest\n"
      "  (default 2000-01-01T00:00:00Z) and --events-ahead-hours after the clock (default 24).\n"
      "  --keep-webhook-payloads yes keeps each recorded webhook event's original object for\n"
      "  --webhook-payload-days (default 30; `mtrk webhook payload EVENT_ID`).",
      SETTINGS_OPTS, 0, 0, 1, cmd_tenant_set },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};

/* ---- dispatch -------------------------------------------------------------------- */

static const cli_cmd *const groups[] = { cmds_admin, cmds_contacts, cmds_campaign, cmds_io, cmds_report, cmds_render,
                                         cmds_bounces, cmds_reputation, cmds_webhook, cmds_token };

/* Finds the command named by argv[0] (and argv[1] for two-word commands). */
static const cli_cmd *find_cmd(int argc, char **argv, int *used)
{
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        for (const cli_cmd *cmd = groups[g]; cmd->name; cmd++) {
            const char *sp = strchr(cmd->name, ' ');
            if (sp == NULL) {
                if (strcmp(cmd->name, argv[0]) == 0) {
                    *used = 1;
                    return cmd;
                }
            } else if (argc > 1 && strlen(argv[0]) == (size_t)(sp - cmd->name) &&
                       strncmp(cmd->name, argv[0], (size_t)(sp - cmd->name)) == 0 && strcmp(sp + 1, argv[1]) == 0) {
                *used = 2;
                return cmd;
            }
        }
    }
    return NULL;
}

/* Prints the subcommands of a group ("mtrk contacts --help"). */
static bool group_help(const char *group, FILE *f)
{
    bool any = false;
    size_t n = strlen(group);
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
        for (const cli_cmd *cmd = groups[g]; cmd->name; cmd++)
            if (strncmp(cmd->name, group, n) == 0 && cmd->name[n] == ' ') {
                if (!any)
                    fprintf(f, "mtrk %s subcommands:\n", group);
                any = true;
                fprintf(f, "  %.*s\n", (int)strcspn(cmd->usage, "\n"), cmd->usage);
            }
    return any;
}

static bool wants_help(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

int main(int argc, char **argv)
{
    cli_ctx c = { 0 };
    c.cmd = "";
    c.db_path = getenv("MTRK_DB");
    c.tenant_key = getenv("MTRK_TENANT");
    int i = 1;
    /* Global options come before the command. */
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(GLOBAL_USAGE, stdout);
            return 0;
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("mtrk %s\n", mtrk_version_string());
            return 0;
        } else if ((strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "--tenant") == 0) && i + 1 < argc) {
            if (argv[i][2] == 'd')
                c.db_path = argv[++i];
            else
                c.tenant_key = argv[++i];
        } else if (strcmp(argv[i], "--busy-timeout") == 0 && i + 1 < argc) {
            if (set_busy_timeout(&c, argv[++i]))
                return EXIT_USAGE;
        } else if (strncmp(argv[i], "--busy-timeout=", 15) == 0) {
            if (set_busy_timeout(&c, argv[i] + 15))
                return EXIT_USAGE;
        } else if (strncmp(argv[i], "--db=", 5) == 0) {
            c.db_path = argv[i] + 5;
        } else if (strncmp(argv[i], "--tenant=", 9) == 0) {
            c.tenant_key = argv[i] + 9;
        } else {
            fprintf(stderr, "mtrk: unknown or incomplete global option %s\n%s", argv[i], GLOBAL_USAGE);
            return EXIT_USAGE;
        }
    }
    if (c.tenant_key == NULL || *c.tenant_key == '\0')
        c.tenant_key = "default";
    if (i >= argc) {
        fputs(GLOBAL_USAGE, stderr);
        return EXIT_USAGE;
    }
    int used = 0;
    const cli_cmd *cmd = find_cmd(argc - i, argv + i, &used);
    if (cmd == NULL) {
        if (wants_help(argc - i, argv + i) && group_help(argv[i], stdout))
            return 0;
        if (group_help(argv[i], stderr))
            return EXIT_USAGE;
        fprintf(stderr, "mtrk: unknown command \"%s\" (mtrk --help lists them)\n", argv[i]);
        return EXIT_USAGE;
    }
    c.cmd = cmd->name;
    if (wants_help(argc - i - used, argv + i + used)) {
        printf("usage: %s\n", cmd->usage);
        return 0;
    }
    cli_args a;
    int st = parse_args(&c, cmd, argc - i - used, argv + i + used, &a);
    if (st)
        return st;
    if (a.npos < cmd->min_pos || (cmd->max_pos >= 0 && a.npos > cmd->max_pos))
        return usage_err(&c, "expected %s%d argument(s), got %d", cmd->max_pos != cmd->min_pos ? "at least " : "",
                         cmd->min_pos, a.npos);
    c.json = flag(&a, "json");
    /* need_tenant -1: the command reads files and needs a database only when recording. */
    bool wants_db = cmd->need_tenant >= 0 || flag(&a, "record");
    st = wants_db ? open_db(&c, strcmp(cmd->name, "init") == 0) : 0;
    if (st == 0 && cmd->need_tenant && wants_db)
        st = open_tenant(&c);
    if (st == 0)
        st = cmd->fn(&c, &a);
    fflush(stdout);
    if (ferror(stdout) && st == 0)
        st = data_err(&c, "writing the output failed");
    mtrk_tenant_close(c.t);
    mtrk_db_close(c.db);
    return st;
}
