/* mtrk bounces PATH...: bounce mails (.eml, mbox, maildir) parsed and
 * classified, a summary by reason and one line (or JSON object) per
 * recipient; --record also records each failure that names its message as
 * a bounce event of --tenant. */
#include "cli.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct tally {
    uint64_t messages, refused, bounces, autoreplies, other;
    uint64_t by_reason[MTRK_BOUNCE_REASON_COUNT];
    uint64_t recorded, duplicates, record_failed;
    uint64_t ignored; /* not recorded: the tenant's policy for the reason is "ignore" */
    uint64_t unmatched; /* no mid, or a mid that is no message of the tenant */
} tally;

/* The idempotency key of a recorded bounce: the same bounce read twice is a
 * duplicate. FNV-1a over mid, recipient, status, reply code and text. */
static void bounce_key(char out[40], const mtrk_bounce_recipient *r)
{
    uint64_t h = 1469598103934665603ull;
    const char *parts[] = { r->recipient, r->status, r->diagnostic };
    for (int i = 0; i < 16; i++)
        h = (h ^ r->mid.bytes[i]) * 1099511628211ull;
    for (size_t k = 0; k < 3; k++) {
        for (const char *p = parts[k]; *p; p++)
            h = (h ^ (unsigned char)*p) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;
    }
    h = (h ^ (uint64_t)r->smtp_code) * 1099511628211ull;
    snprintf(out, 40, "dsn-%016llx", (unsigned long long)h);
}

/* A delay is a deferred event; a failure goes through the tenant's bounce
 * policy for its reason (mtrk_bounce_record: suppress at once, a run of soft
 * bounces, or ignore). */
static int record(cli_ctx *c, const mtrk_bounce_recipient *r, tally *t)
{
    if (mtrk_id_is_nil(r->mid)) {
        t->unmatched++;
        return 0;
    }
    char key[40], diag[MTRK_MAX_DIAGNOSTIC + 1];
    bounce_key(key, r);
    /* Until bounces have their own columns the reason and codes lead the diagnostic. */
    snprintf(diag, sizeof diag, "%s; status=%s; smtp=%d; %s", mtrk_bounce_reason_name(r->reason),
             *r->status ? r->status : "-", r->smtp_code, r->diagnostic);
    mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
    mtrk_bounce_action applied = MTRK_BOUNCE_ACTION_DEFAULT;
    int rc;
    if (strcmp(r->action, "delayed") == 0) {
        mtrk_event_input ev = MTRK_EVENT_INPUT_INIT;
        ev.mid = r->mid;
        ev.type = MTRK_EV_DEFERRED;
        ev.provider = "dsn";
        ev.provider_event_id = key;
        ev.diagnostic = diag;
        rc = mtrk_event_record(&o, c->t, &ev);
    } else {
        mtrk_bounce_recipient b = *r;
        b.diagnostic = diag;
        rc = mtrk_bounce_record(&o, &applied, c->t, &b, 0, "dsn", key);
    }
    if (rc == MTRK_ENOTFOUND) { /* a message of another tenant or database */
        t->unmatched++;
        return 0;
    }
    if (rc) {
        t->record_failed++;
        char id[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(id, r->mid);
        fprintf(stderr, "mtrk bounces: recording the bounce of %s (mid %s): %s (%s)\n", r->recipient, id,
                mtrk_tenant_errmsg(c->t), mtrk_strerror(rc));
        return rc == MTRK_EBUSY ? EXIT_BUSY : 0;
    }
    if (applied == MTRK_BOUNCE_ACTION_IGNORE)
        t->ignored++;
    else if (o.duplicate)
        t->duplicates++;
    else
        t->recorded++;
    return 0;
}

static void print_text(const mtrk_bounce_report *rep, const mtrk_bounce_recipient *r)
{
    char id[MTRK_ID_STRLEN + 1] = "-";
    if (!mtrk_id_is_nil(r->mid))
        mtrk_id_to_string(id, r->mid);
    printf("%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", mtrk_bounce_report_origin(rep),
           *r->recipient ? r->recipient : "-", mtrk_bounce_reason_name(r->reason),
           r->kind == MTRK_BOUNCE_HARD ? "hard" : r->kind == MTRK_BOUNCE_SOFT ? "soft" : "none",
           *r->status ? r->status : "-", r->smtp_code, *r->action ? r->action : "-", id,
           *r->remote_mta ? r->remote_mta : "-", r->diagnostic);
}

static void print_json(const mtrk_bounce_report *rep, const mtrk_bounce_recipient *r, bool *first)
{
    char id[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(id, r->mid);
    printf("%s\n  {\"origin\":", *first ? "" : ",");
    *first = false;
    json_str(stdout, mtrk_bounce_report_origin(rep));
    printf(",\"format\":\"%s\",\"recipient\":", mtrk_bounce_format_name(mtrk_bounce_report_format(rep)));
    json_str(stdout, r->recipient);
    printf(",\"original_recipient\":");
    json_str(stdout, r->original_recipient);
    printf(",\"action\":");
    json_str(stdout, r->action);
    printf(",\"status\":");
    json_str(stdout, r->status);
    printf(",\"smtp_code\":%d,\"reason\":\"%s\",\"kind\":\"%s\",\"remote_mta\":", r->smtp_code,
           mtrk_bounce_reason_name(r->reason),
           r->kind == MTRK_BOUNCE_HARD ? "hard" : r->kind == MTRK_BOUNCE_SOFT ? "soft" : "none");
    json_str(stdout, r->remote_mta);
    printf(",\"diagnostic\":");
    json_str(stdout, r->diagnostic);
    printf(",\"mid\":");
    if (mtrk_id_is_nil(r->mid))
        printf("null");
    else
        json_str(stdout, id);
    printf(",\"mid_source\":\"%s\",\"original_message_id\":", mtrk_bounce_mid_source_name(r->mid_source));
    json_str(stdout, r->original_message_id);
    printf(",\"note\":");
    json_str(stdout, mtrk_bounce_report_note(rep));
    printf("}");
}

static int cmd_bounces(cli_ctx *c, cli_args *a)
{
    bool rec = flag(a, "record");
    if (rec && c->t == NULL)
        return usage_err(c, "--record needs --db and --tenant");
    tally t = { 0 };
    int status = 0;
    bool first = true;
    if (c->json)
        printf("{\"results\":[");
    else
        printf("origin\trecipient\treason\tkind\tstatus\tsmtp\taction\tmid\tremote_mta\tdiagnostic\n");
    for (int p = 0; p < a->npos; p++) {
        mtrk_bounce_source *src;
        int rc = mtrk_bounce_source_open(&src, a->pos[p]);
        if (rc) {
            fprintf(stderr, "mtrk bounces: %s\n", mtrk_last_errmsg());
            status = EXIT_DATA;
            continue;
        }
        for (;;) {
            mtrk_bounce_report *rep = NULL;
            rc = mtrk_bounce_source_next(&rep, src);
            if (rc == MTRK_ITEROVER)
                break;
            t.messages++;
            if (rc) {
                t.refused++;
                const char *m = mtrk_last_errmsg(), *name = mtrk_strerror(rc);
                if (strncmp(m, name, strlen(name)) == 0 && strncmp(m + strlen(name), ": ", 2) == 0)
                    m += strlen(name) + 2;
                fprintf(stderr, "mtrk bounces: %s (%s)\n", m, name);
                status = EXIT_DATA;
                continue;
            }
            mtrk_bounce_format f = mtrk_bounce_report_format(rep);
            if (f == MTRK_BOUNCE_FORMAT_AUTOREPLY)
                t.autoreplies++;
            else if (f == MTRK_BOUNCE_FORMAT_NONE)
                t.other++;
            else
                t.bounces++;
            for (size_t i = 0; i < mtrk_bounce_report_count(rep); i++) {
                mtrk_bounce_recipient r = MTRK_BOUNCE_RECIPIENT_INIT;
                mtrk_bounce_report_get(&r, rep, i);
                t.by_reason[r.reason]++;
                if (c->json)
                    print_json(rep, &r, &first);
                else
                    print_text(rep, &r);
                if (rec && r.reason != MTRK_BR_NOT_A_BOUNCE) {
                    int st = record(c, &r, &t);
                    if (st) {
                        mtrk_bounce_report_free(rep);
                        mtrk_bounce_source_close(src);
                        return st;
                    }
                }
            }
            mtrk_bounce_report_free(rep);
        }
        mtrk_bounce_source_close(src);
    }
    if (c->json) {
        printf("\n],\"summary\":{\"messages\":%llu,\"bounces\":%llu,\"autoreplies\":%llu,\"not_bounces\":%llu,"
               "\"refused\":%llu,\"by_reason\":{",
               (unsigned long long)t.messages, (unsigned long long)t.bounces, (unsigned long long)t.autoreplies,
               (unsigned long long)t.other, (unsigned long long)t.refused);
        bool f1 = true;
        for (int r = 0; r < MTRK_BOUNCE_REASON_COUNT; r++)
            if (t.by_reason[r]) {
                printf("%s\"%s\":%llu", f1 ? "" : ",", mtrk_bounce_reason_name((mtrk_bounce_reason)r),
                       (unsigned long long)t.by_reason[r]);
                f1 = false;
            }
        printf("}");
        if (rec)
            printf(",\"recorded\":%llu,\"duplicates\":%llu,\"unmatched\":%llu,\"record_failed\":%llu,"
                   "\"ignored\":%llu",
                   (unsigned long long)t.recorded, (unsigned long long)t.duplicates, (unsigned long long)t.unmatched,
                   (unsigned long long)t.record_failed, (unsigned long long)t.ignored);
        printf("}}\n");
    } else {
        printf("\nmessages %llu: bounces %llu, auto-replies %llu, not bounces %llu, refused %llu\n",
               (unsigned long long)t.messages, (unsigned long long)t.bounces, (unsigned long long)t.autoreplies,
               (unsigned long long)t.other, (unsigned long long)t.refused);
        printf("reason\tkind\trecipients\n");
        for (int r = 0; r < MTRK_BOUNCE_REASON_COUNT; r++)
            if (t.by_reason[r]) {
                mtrk_bounce_kind k = mtrk_bounce_reason_kind((mtrk_bounce_reason)r);
                printf("%s\t%s\t%llu\n", mtrk_bounce_reason_name((mtrk_bounce_reason)r),
                       k == MTRK_BOUNCE_HARD ? "hard" : k == MTRK_BOUNCE_SOFT ? "soft" : "none",
                       (unsigned long long)t.by_reason[r]);
            }
        if (rec)
            printf("recorded %llu, duplicates %llu, unmatched %llu, failed %llu, ignored by policy %llu\n",
                   (unsigned long long)t.recorded, (unsigned long long)t.duplicates, (unsigned long long)t.unmatched,
                   (unsigned long long)t.record_failed, (unsigned long long)t.ignored);
    }
    if (t.record_failed && status == 0)
        status = EXIT_DATA;
    return status;
}

const cli_cmd cmds_bounces[] = {
    { "bounces",
      "mtrk bounces PATH... [--json] [--record]\n"
      "  Parses bounce mails (a .eml file, an mbox, a maildir) and prints each recipient's\n"
      "  reason, kind, codes and message, then a summary by reason. --record (with --db)\n"
      "  records each failure that names its message as a bounce event of --tenant, under\n"
      "  the tenant's bounce policy for its reason (mtrk bounce-policy).",
      "json record", 1, -1, -1, cmd_bounces },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};
