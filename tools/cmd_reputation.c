/* mtrk reputation show|set|check|resume: the reputation guards; mtrk
 * bounce-policy show|set|expiry and mtrk suppress expire: the bounce
 * policies and the expiry of automatic bounce suppressions. Rates on the
 * command line and in text output are percentages; JSON gives fractions. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define DAY_MS INT64_C(86400000)
#define HOUR_MS INT64_C(3600000)

static const char *domain_opt(const cli_args *a)
{
    const char *d = opt(a, "domain");
    return d && *d ? d : NULL;
}

static int print_settings(cli_ctx *c, const mtrk_reputation_settings *s, bool json_member)
{
    if (c->json) {
        printf("%s{\"window_ms\":%lld,\"min_sent\":%llu,\"complaint_warn\":%.6f,\"complaint_pause\":%.6f,"
               "\"bounce_warn\":%.6f,\"bounce_pause\":%.6f}%s",
               json_member ? "\"settings\":" : "", (long long)s->window_ms, (unsigned long long)s->min_sent,
               s->complaint_warn, s->complaint_pause, s->bounce_warn, s->bounce_pause, json_member ? "" : "\n");
    } else {
        printf("window           %lld hours\n", (long long)(s->window_ms / HOUR_MS));
        printf("min sent         %llu\n", (unsigned long long)s->min_sent);
        printf("complaint rate   warn %.4g %%, pause %.4g %%\n", s->complaint_warn * 100.0, s->complaint_pause * 100.0);
        printf("bounce rate      warn %.4g %%, pause %.4g %%\n", s->bounce_warn * 100.0, s->bounce_pause * 100.0);
    }
    return 0;
}

static void print_rep(cli_ctx *c, const mtrk_reputation *r, bool first)
{
    char from[32], changed[32];
    fmt_time(from, r->window_from);
    fmt_time(changed, r->changed_at);
    if (c->json) {
        printf("%s{\"domain\":", first ? "" : ",");
        json_str(stdout, r->domain);
        printf(",\"window_from\":%lld,\"window_to\":%lld,\"sent\":%llu,\"delivered\":%llu,\"bounces\":%llu,"
               "\"complaints\":%llu,\"complaint_rate\":%.6f,\"bounce_rate\":%.6f,\"level\":\"%s\",\"state\":\"%s\","
               "\"changed_at\":%lld}",
               (long long)r->window_from, (long long)r->window_to, (unsigned long long)r->sent,
               (unsigned long long)r->delivered, (unsigned long long)r->bounces, (unsigned long long)r->complaints,
               r->complaint_rate, r->bounce_rate, mtrk_reputation_level_name(r->level),
               mtrk_reputation_level_name(r->state), (long long)r->changed_at);
    } else {
        printf("%s\t%llu\t%llu\t%llu\t%llu\t%.4f\t%.4f\t%s\t%s\t%s\t%s\n", *r->domain ? r->domain : "(tenant)",
               (unsigned long long)r->sent, (unsigned long long)r->delivered, (unsigned long long)r->bounces,
               (unsigned long long)r->complaints, r->complaint_rate * 100.0, r->bounce_rate * 100.0,
               mtrk_reputation_level_name(r->level), mtrk_reputation_level_name(r->state), from,
               *changed ? changed : "-");
    }
}

/* The settings and the figures of every scope (or of --domain). */
static int show(cli_ctx *c, const char *domain)
{
    mtrk_reputation_settings s = MTRK_REPUTATION_SETTINGS_INIT;
    int rc = mtrk_reputation_settings_get(&s, c->t);
    if (rc)
        return lib_err(c, rc, "reading the reputation settings");
    size_t n = 0;
    mtrk_reputation *v = NULL;
    if (domain) {
        v = malloc(sizeof *v);
        if (v == NULL)
            return data_err(c, "out of memory");
        mtrk_reputation one = MTRK_REPUTATION_INIT;
        *v = one;
        if ((rc = mtrk_reputation_get(v, c->t, domain))) {
            free(v);
            return rc == MTRK_EINVAL ? usage_err(c, "--domain: %s", mtrk_tenant_errmsg(c->t))
                                     : lib_err(c, rc, "reading the reputation of %s", domain);
        }
        n = 1;
    } else {
        if ((rc = mtrk_reputation_list(NULL, 0, &n, c->t)))
            return lib_err(c, rc, "reading the reputation");
        size_t cap = n;
        v = calloc(cap ? cap : 1, sizeof *v);
        mtrk_reputation **p = calloc(cap ? cap : 1, sizeof *p);
        if (v == NULL || p == NULL) {
            free(v);
            free(p);
            return data_err(c, "out of memory");
        }
        for (size_t i = 0; i < cap; i++) {
            mtrk_reputation one = MTRK_REPUTATION_INIT;
            v[i] = one;
            p[i] = &v[i];
        }
        rc = mtrk_reputation_list(p, cap, &n, c->t);
        free(p);
        if (rc) {
            free(v);
            return lib_err(c, rc, "reading the reputation");
        }
        if (n > cap) /* a campaign created meanwhile */
            n = cap;
    }
    if (c->json) {
        printf("{");
        print_settings(c, &s, true);
        printf(",\"scopes\":[");
    } else {
        print_settings(c, &s, false);
        printf("\ndomain\tsent\tdelivered\tbounces\tcomplaints\tcomplaint_%%\tbounce_%%\tlevel\tstate\t"
               "window_from\tchanged_at\n");
    }
    for (size_t i = 0; i < n; i++)
        print_rep(c, &v[i], i == 0);
    if (c->json)
        printf("]}\n");
    free(v);
    return 0;
}

static int cmd_rep_show(cli_ctx *c, cli_args *a) { return show(c, domain_opt(a)); }

/* A percentage option into a fraction. */
static int pct_opt(double *out, cli_ctx *c, const cli_args *a, const char *name)
{
    double d;
    int st = opt_double(&d, c, a, name, *out * 100.0);
    if (st)
        return st;
    if (d < 0.0 || d > 100.0)
        return usage_err(c, "--%s: %g is not a percentage between 0 and 100", name, d);
    *out = d / 100.0;
    return 0;
}

static int cmd_rep_set(cli_ctx *c, cli_args *a)
{
    mtrk_reputation_settings s = MTRK_REPUTATION_SETTINGS_INIT;
    int rc = mtrk_reputation_settings_get(&s, c->t);
    if (rc)
        return lib_err(c, rc, "reading the reputation settings");
    uint64_t hours, min_sent;
    int st;
    if ((st = opt_u64(&hours, c, a, "window-hours", (uint64_t)(s.window_ms / HOUR_MS))) ||
        (st = opt_u64(&min_sent, c, a, "min-sent", s.min_sent)) ||
        (st = pct_opt(&s.complaint_warn, c, a, "complaint-warn")) ||
        (st = pct_opt(&s.complaint_pause, c, a, "complaint-pause")) ||
        (st = pct_opt(&s.bounce_warn, c, a, "bounce-warn")) || (st = pct_opt(&s.bounce_pause, c, a, "bounce-pause")))
        return st;
    if (hours > 31 * 24)
        return usage_err(c, "--window-hours: %llu is over 744 (31 days)", (unsigned long long)hours);
    s.window_ms = (int64_t)hours * HOUR_MS;
    s.min_sent = min_sent;
    rc = mtrk_reputation_settings_set(c->t, &s);
    if (rc == MTRK_EINVAL)
        return usage_err(c, "%s", mtrk_tenant_errmsg(c->t));
    if (rc)
        return lib_err(c, rc, "changing the reputation settings");
    return print_settings(c, &s, false);
}

static int cmd_rep_check(cli_ctx *c, cli_args *a)
{
    (void)a;
    size_t paused = 0;
    int rc = mtrk_reputation_check(&paused, c->t);
    if (rc)
        return lib_err(c, rc, "checking the reputation");
    if (!c->json)
        printf("paused now: %zu\n\n", paused);
    return show(c, NULL);
}

static int cmd_rep_resume(cli_ctx *c, cli_args *a)
{
    const char *d = domain_opt(a);
    size_t n = 0;
    int rc = mtrk_reputation_resume(&n, c->t, d);
    if (rc == MTRK_EINVAL)
        return usage_err(c, "--domain: %s", mtrk_tenant_errmsg(c->t));
    if (rc)
        return lib_err(c, rc, "resuming %s", d ? d : "the tenant");
    if (c->json)
        printf("{\"resumed_campaigns\":%zu}\n", n);
    else
        printf("resumed %s: %zu campaign(s) back to sending\n", d ? d : "the tenant", n);
    return 0;
}

/* ---- bounce policies ------------------------------------------------------------ */

static int cmd_pol_show(cli_ctx *c, cli_args *a)
{
    (void)a;
    int64_t expiry = 0;
    int rc = mtrk_bounce_expiry_get(&expiry, c->t);
    if (rc)
        return lib_err(c, rc, "reading the expiry");
    if (c->json)
        printf("{\"expiry_ms\":%lld,\"policies\":[", (long long)expiry);
    else
        printf("reason\tkind\taction\tsoft_limit\n");
    for (int i = 0; i < MTRK_BOUNCE_REASON_COUNT; i++) {
        mtrk_bounce_policy p = MTRK_BOUNCE_POLICY_INIT;
        if ((rc = mtrk_bounce_policy_get(&p, c->t, (mtrk_bounce_reason)i)))
            return lib_err(c, rc, "reading the policy of %s", mtrk_bounce_reason_name((mtrk_bounce_reason)i));
        mtrk_bounce_kind k = mtrk_bounce_reason_kind(p.reason);
        const char *kind = k == MTRK_BOUNCE_HARD ? "hard" : k == MTRK_BOUNCE_SOFT ? "soft" : "none";
        if (c->json)
            printf("%s{\"reason\":\"%s\",\"kind\":\"%s\",\"action\":\"%s\",\"soft_limit\":%u}", i ? "," : "",
                   mtrk_bounce_reason_name(p.reason), kind, mtrk_bounce_action_name(p.action), p.soft_limit);
        else
            printf("%s\t%s\t%s\t%u\n", mtrk_bounce_reason_name(p.reason), kind, mtrk_bounce_action_name(p.action),
                   p.soft_limit);
    }
    if (c->json)
        printf("]}\n");
    else if (expiry)
        printf("\nautomatic bounce suppressions expire after %lld days\n", (long long)(expiry / DAY_MS));
    else
        printf("\nautomatic bounce suppressions never expire\n");
    return 0;
}

static int cmd_pol_set(cli_ctx *c, cli_args *a)
{
    mtrk_bounce_policy p = MTRK_BOUNCE_POLICY_INIT;
    if (mtrk_bounce_reason_from_name(&p.reason, a->pos[0]))
        return usage_err(c, "REASON \"%s\" is not a bounce reason (docs/bounces.md)", a->pos[0]);
    const char *action = opt(a, "action");
    if (action == NULL)
        return usage_err(c, "--action is required (default, suppress, ignore)");
    if (mtrk_bounce_action_from_name(&p.action, action))
        return usage_err(c, "--action: \"%s\" is not default, suppress or ignore", action);
    uint64_t limit;
    int st = opt_u64(&limit, c, a, "soft-limit", 0);
    if (st)
        return st;
    if (limit > 1000)
        return usage_err(c, "--soft-limit: %llu is over 1000", (unsigned long long)limit);
    p.soft_limit = (uint32_t)limit;
    int rc = mtrk_bounce_policy_set(c->t, &p);
    if (rc == MTRK_EINVAL)
        return usage_err(c, "%s", mtrk_tenant_errmsg(c->t));
    if (rc)
        return lib_err(c, rc, "setting the policy of %s", a->pos[0]);
    if (c->json)
        printf("{\"reason\":\"%s\",\"action\":\"%s\",\"soft_limit\":%u}\n", mtrk_bounce_reason_name(p.reason),
               mtrk_bounce_action_name(p.action), p.soft_limit);
    else
        printf("%s: %s%s\n", mtrk_bounce_reason_name(p.reason), mtrk_bounce_action_name(p.action),
               p.soft_limit ? " (soft limit set)" : "");
    return 0;
}

static int cmd_pol_expiry(cli_ctx *c, cli_args *a)
{
    int64_t ms = 0;
    int rc;
    if (opt(a, "days")) {
        uint64_t days;
        int st = opt_u64(&days, c, a, "days", 0);
        if (st)
            return st;
        if (days > 36500)
            return usage_err(c, "--days: %llu is over 36500", (unsigned long long)days);
        if ((rc = mtrk_bounce_expiry_set(c->t, (int64_t)days * DAY_MS)))
            return lib_err(c, rc, "setting the expiry");
    }
    if ((rc = mtrk_bounce_expiry_get(&ms, c->t)))
        return lib_err(c, rc, "reading the expiry");
    if (c->json)
        printf("{\"expiry_ms\":%lld}\n", (long long)ms);
    else if (ms)
        printf("automatic bounce suppressions expire after %lld days\n", (long long)(ms / DAY_MS));
    else
        printf("automatic bounce suppressions never expire\n");
    return 0;
}

static const char *kind_name(mtrk_bounce_kind k)
{
    return k == MTRK_BOUNCE_HARD ? "hard" : k == MTRK_BOUNCE_SOFT ? "soft" : "none";
}

/* The bounce facts of one message (mtrk_bounce_facts_message). */
static int cmd_bounce_facts(cli_ctx *c, cli_args *a)
{
    mtrk_id mid;
    if (mtrk_id_from_string(&mid, a->pos[0]))
        return usage_err(c, "MID \"%s\" is not a message id", a->pos[0]);
    size_t n = 0;
    int rc = mtrk_bounce_facts_message(NULL, 0, &n, c->t, mid);
    if (rc == MTRK_ENOTFOUND)
        return data_err(c, "%s", mtrk_tenant_errmsg(c->t));
    if (rc)
        return lib_err(c, rc, "reading the bounce facts of %s", a->pos[0]);
    mtrk_bounce_fact *v = calloc(n ? n : 1, sizeof *v);
    mtrk_bounce_fact **p = calloc(n ? n : 1, sizeof *p);
    if (v == NULL || p == NULL) {
        free(v);
        free(p);
        return lib_err(c, MTRK_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        mtrk_bounce_fact_init(&v[i], MTRK_BOUNCE_FACT_VERSION);
        p[i] = &v[i];
    }
    size_t got = 0;
    rc = mtrk_bounce_facts_message(p, n, &got, c->t, mid);
    if (rc) {
        free(v);
        free(p);
        return lib_err(c, rc, "reading the bounce facts of %s", a->pos[0]);
    }
    if (got > n)
        got = n; /* recorded meanwhile: the ones read */
    if (c->json)
        printf("[");
    else
        printf("occurred_at\treason\tkind\taction\thard_by\tsmtp\tstatus\tprovider\ttype\tsubtype\tdiagnostic\n");
    for (size_t i = 0; i < got; i++) {
        const mtrk_bounce_fact *f = &v[i];
        char when[32], ev[MTRK_ID_STRLEN + 1];
        fmt_time(when, f->occurred_at);
        if (c->json) {
            printf("%s{\"event\":\"%s\",\"occurred_at\":\"%s\",\"reason\":\"%s\",\"given_kind\":\"%s\","
                   "\"kind\":\"%s\",\"action\":\"%s\",\"hard_by\":\"%s\",\"smtp_code\":%d,\"status\":",
                   i ? "," : "", idstr(ev, f->event), when, mtrk_bounce_reason_name(f->reason),
                   kind_name(f->given_kind), kind_name(f->kind), mtrk_bounce_action_name(f->action),
                   mtrk_bounce_hard_by_name(f->hard_by), f->smtp_code);
            json_str(stdout, f->status);
            printf(",\"provider\":");
            json_str(stdout, f->provider);
            printf(",\"bounce_type\":");
            json_str(stdout, f->bounce_type);
            printf(",\"bounce_subtype\":");
            json_str(stdout, f->bounce_subtype);
            printf(",\"diagnostic\":");
            json_str(stdout, f->diagnostic);
            printf("}");
        } else {
            printf("%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", when, mtrk_bounce_reason_name(f->reason),
                   kind_name(f->kind), mtrk_bounce_action_name(f->action), mtrk_bounce_hard_by_name(f->hard_by),
                   f->smtp_code, f->status ? f->status : "-", f->provider ? f->provider : "-",
                   f->bounce_type ? f->bounce_type : "-", f->bounce_subtype ? f->bounce_subtype : "-",
                   f->diagnostic ? f->diagnostic : "-");
        }
    }
    if (c->json)
        printf("]\n");
    free(v);
    free(p);
    return 0;
}

static int cmd_supp_expire(cli_ctx *c, cli_args *a)
{
    (void)a;
    uint64_t n = 0;
    int rc = mtrk_suppression_expire(&n, c->t);
    if (rc)
        return lib_err(c, rc, "expiring suppressions");
    if (c->json)
        printf("{\"expired\":%llu}\n", (unsigned long long)n);
    else
        printf("expired %llu automatic bounce suppression(s)\n", (unsigned long long)n);
    return 0;
}

const cli_cmd cmds_reputation[] = {
    { "reputation show", "mtrk reputation show [--domain DOMAIN] [--json]\n"
      "  The guard's settings and, per scope (the tenant, each sending domain), the window's\n"
      "  sent, delivered, bounces and complaints, the rates in percent, the level the figures\n"
      "  reach and the stored state.",
      "domain= json", 0, 0, 1, cmd_rep_show },
    { "reputation set", "mtrk reputation set [--window-hours N] [--min-sent N] [--complaint-warn PCT]\n"
      "                    [--complaint-pause PCT] [--bounce-warn PCT] [--bounce-pause PCT] [--json]\n"
      "  Changes the guard's settings (audited); rates in percent (0.3 is 0.3 %), 0 is off.",
      "window-hours= min-sent= complaint-warn= complaint-pause= bounce-warn= bounce-pause= json", 0, 0, 1,
      cmd_rep_set },
    { "reputation check", "mtrk reputation check [--json]\n"
      "  Checks every scope now: a scope reaching a pause threshold is paused (its sending\n"
      "  campaigns paused, claims refused), audited with its figures; then shows them.",
      "json", 0, 0, 1, cmd_rep_check },
    { "reputation resume", "mtrk reputation resume [--domain DOMAIN] [--json]\n"
      "  Lifts the pause of the tenant (or of DOMAIN), audited; the campaigns it paused go\n"
      "  back to sending.",
      "domain= json", 0, 0, 1, cmd_rep_resume },
    { "bounce-policy show", "mtrk bounce-policy show [--json]\n"
      "  The action of every bounce reason and the expiry of automatic bounce suppressions.",
      "json", 0, 0, 1, cmd_pol_show },
    { "bounce-policy set", "mtrk bounce-policy set REASON --action default|suppress|ignore [--soft-limit N] [--json]\n"
      "  Sets what a bounce of REASON does when recorded (audited).",
      "action= soft-limit= json", 1, 1, 1, cmd_pol_set },
    { "bounce-policy expiry", "mtrk bounce-policy expiry [--days N] [--json]\n"
      "  Shows or sets (audited; 0: never) the period after which automatic bounce\n"
      "  suppressions expire.",
      "days= json", 0, 0, 1, cmd_pol_expiry },
    { "bounce-facts", "mtrk bounce-facts MID [--json]\n"
      "  The facts of the message's bounces that carried them (provider webhooks, events with\n"
      "  a reason): reason, the kind recorded, the policy's action, what made it hard, SMTP\n"
      "  code, enhanced status, provider, its bounce type and subtype, diagnostic.",
      "json", 1, 1, 1, cmd_bounce_facts },
    { "suppress expire", "mtrk suppress expire [--json]\n"
      "  Removes the automatic bounce suppressions whose period has passed (each audited).",
      "json", 0, 0, 1, cmd_supp_expire },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};
