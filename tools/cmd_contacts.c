/* contacts (import in import.c), audience, unsubscribe, suppress. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char *status_name(mtrk_contact_status s)
{
    switch (s) {
    case MTRK_CONTACT_ACTIVE: return "active";
    case MTRK_CONTACT_BOUNCED: return "bounced";
    case MTRK_CONTACT_COMPLAINED: return "complained";
    case MTRK_CONTACT_ERASED: return "erased";
    }
    return "unknown";
}

static int cmd_show(cli_ctx *c, cli_args *a)
{
    mtrk_id id;
    int st = resolve_contact(&id, c, a->pos[0]);
    if (st)
        return st;
    if (c->json) {
        char *js = NULL;
        int rc = mtrk_contact_export_json(&js, c->t, id);
        if (rc)
            return lib_err(c, rc, "contact %s", a->pos[0]);
        puts(js);
        mtrk_free(js);
        return 0;
    }
    mtrk_contact *ct = NULL;
    int rc = mtrk_contact_get(&ct, c->t, id);
    if (rc)
        return lib_err(c, rc, "contact %s", a->pos[0]);
    char ids[MTRK_ID_STRLEN + 1], tb[32];
    printf("id          %s\n", idstr(ids, id));
    printf("address     %s\n", mtrk_contact_address(ct) ? mtrk_contact_address(ct) : "(erased)");
    printf("name        %s\n", mtrk_contact_name(ct) ? mtrk_contact_name(ct) : "");
    printf("status      %s\n", status_name(mtrk_contact_status_of(ct)));
    fmt_time(tb, mtrk_contact_created_at(ct));
    printf("created     %s\n", tb);
    fmt_time(tb, mtrk_contact_consent_at(ct));
    printf("consent     %s %s\n", tb, mtrk_contact_consent_source(ct) ? mtrk_contact_consent_source(ct) : "");
    for (size_t i = 0; i < mtrk_contact_field_count(ct); i++) {
        const char *k, *v;
        if (mtrk_contact_field_at(&k, &v, ct, i) == MTRK_OK)
            printf("field       %s = %s\n", k, v);
    }
    mtrk_suppression_kind sk = 0;
    if (mtrk_contact_address(ct) && mtrk_suppression_check(&sk, c->t, mtrk_contact_address(ct)) == MTRK_OK && sk)
        printf("suppressed  yes\n");
    mtrk_contact_free(ct);
    return 0;
}

static int cmd_find(cli_ctx *c, cli_args *a)
{
    mtrk_contact *ct = NULL;
    int rc = mtrk_contact_find(&ct, c->t, a->pos[0]);
    if (rc == MTRK_ENOTFOUND)
        return data_err(c, "no contact with address \"%s\"", a->pos[0]);
    if (rc == MTRK_EADDRESS || rc == MTRK_EINVAL || rc == MTRK_ETOOLONG || rc == MTRK_EENCODING)
        return data_err(c, "ADDRESS \"%s\": %s", a->pos[0], mtrk_last_errmsg());
    if (rc)
        return lib_err(c, rc, "finding \"%s\"", a->pos[0]);
    char ids[MTRK_ID_STRLEN + 1];
    if (c->json) {
        printf("{\"id\":\"%s\",\"address\":", idstr(ids, mtrk_contact_id(ct)));
        json_str(stdout, mtrk_contact_address(ct));
        printf(",\"status\":\"%s\"}\n", status_name(mtrk_contact_status_of(ct)));
    } else {
        printf("%s %s %s\n", idstr(ids, mtrk_contact_id(ct)), mtrk_contact_address(ct),
               status_name(mtrk_contact_status_of(ct)));
    }
    mtrk_contact_free(ct);
    return 0;
}

static int cmd_erase(cli_ctx *c, cli_args *a)
{
    mtrk_id id;
    int st = resolve_contact(&id, c, a->pos[0]);
    if (st)
        return st;
    int rc = mtrk_contact_erase(c->t, id);
    if (rc)
        return lib_err(c, rc, "erasing %s", a->pos[0]);
    char ids[MTRK_ID_STRLEN + 1];
    printf(c->json ? "{\"erased\":\"%s\"}\n" : "erased %s\n", idstr(ids, id));
    return 0;
}

/* ---- audiences ------------------------------------------------------------- */

static int cmd_aud_create(cli_ctx *c, cli_args *a)
{
    mtrk_id id;
    int rc = mtrk_audience_create(&id, c->t, a->pos[0]);
    if (rc)
        return lib_err(c, rc, "audience \"%s\"", a->pos[0]);
    char ids[MTRK_ID_STRLEN + 1];
    if (c->json) {
        printf("{\"id\":\"%s\",\"name\":", idstr(ids, id));
        json_str(stdout, a->pos[0]);
        puts("}");
    } else {
        printf("%s\n", idstr(ids, id));
    }
    return 0;
}

static int cmd_aud_list(cli_ctx *c, cli_args *a)
{
    (void)a;
    mtrk_audience_iter *it = NULL;
    int rc = mtrk_audience_iter_new(&it, c->t);
    int n = 0;
    char ids[MTRK_ID_STRLEN + 1];
    if (c->json)
        putchar('[');
    else
        printf("%-36s  %10s  %s\n", "ID", "MEMBERS", "NAME");
    while (rc == MTRK_OK) {
        const mtrk_audience *au;
        rc = mtrk_audience_iter_next(&au, it);
        if (rc)
            break;
        if (c->json) {
            printf("%s{\"id\":\"%s\",\"name\":", n ? "," : "", idstr(ids, mtrk_audience_id(au)));
            json_str(stdout, mtrk_audience_name(au));
            printf(",\"members\":%llu}", (unsigned long long)mtrk_audience_member_count(au));
        } else {
            printf("%-36s  %10llu  %s\n", idstr(ids, mtrk_audience_id(au)),
                   (unsigned long long)mtrk_audience_member_count(au), mtrk_audience_name(au));
        }
        n++;
    }
    if (c->json)
        puts("]");
    mtrk_audience_iter_free(it);
    return rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "listing audiences");
}

static int members_change(cli_ctx *c, cli_args *a, bool add)
{
    mtrk_id aud;
    int st = resolve_audience(&aud, c, a->pos[0]);
    if (st)
        return st;
    size_t changed = 0;
    for (int i = 1; i < a->npos; i++) {
        mtrk_id ct;
        if (add) {
            /* An address not yet known is added as a contact first. */
            if (mtrk_id_from_string(&ct, a->pos[i]) != MTRK_OK) {
                int rc = mtrk_contact_add(&ct, NULL, c->t, a->pos[i], NULL);
                if (rc)
                    return lib_err(c, rc, "contact \"%s\"", a->pos[i]);
            } else if ((st = resolve_contact(&ct, c, a->pos[i]))) {
                return st;
            }
        } else if ((st = resolve_contact(&ct, c, a->pos[i]))) {
            return st;
        }
        int done = 0;
        int rc = add ? mtrk_audience_add(&done, c->t, aud, ct) : mtrk_audience_remove(&done, c->t, aud, ct);
        if (rc)
            return lib_err(c, rc, "%s", a->pos[i]);
        changed += (size_t)done;
    }
    printf(c->json ? "{\"%s\":%zu}\n" : "%s %zu\n", add ? "added" : "removed", changed);
    return 0;
}
static int cmd_aud_add(cli_ctx *c, cli_args *a) { return members_change(c, a, true); }
static int cmd_aud_remove(cli_ctx *c, cli_args *a) { return members_change(c, a, false); }

static int cmd_aud_members(cli_ctx *c, cli_args *a)
{
    mtrk_id aud;
    int st = resolve_audience(&aud, c, a->pos[0]);
    if (st)
        return st;
    mtrk_member_iter *it = NULL;
    int rc = mtrk_member_iter_new(&it, c->t, aud);
    char ids[MTRK_ID_STRLEN + 1];
    while (rc == MTRK_OK) {
        mtrk_id ct;
        rc = mtrk_member_iter_next(&ct, it);
        if (rc)
            break;
        mtrk_contact *k = NULL;
        rc = mtrk_contact_get(&k, c->t, ct);
        if (rc)
            break;
        if (c->json) { /* JSON Lines: one member per line, streamed */
            printf("{\"id\":\"%s\",\"address\":", idstr(ids, ct));
            json_str(stdout, mtrk_contact_address(k));
            printf(",\"status\":\"%s\"}\n", status_name(mtrk_contact_status_of(k)));
        } else {
            printf("%s %s\n", idstr(ids, ct), mtrk_contact_address(k) ? mtrk_contact_address(k) : "(erased)");
        }
        mtrk_contact_free(k);
    }
    mtrk_member_iter_free(it);
    return rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "listing members");
}

/* ---- unsubscribes and suppressions ----------------------------------------- */

static int cmd_unsub(cli_ctx *c, cli_args *a)
{
    mtrk_id ct, scope_id;
    memset(&scope_id, 0, sizeof scope_id);
    mtrk_unsub_scope scope = MTRK_UNSUB_GLOBAL;
    int st = resolve_contact(&ct, c, a->pos[0]);
    if (st)
        return st;
    if (opt(a, "campaign") && opt(a, "audience"))
        return usage_err(c, "give --campaign or --audience, not both");
    if (opt(a, "campaign")) {
        scope = MTRK_UNSUB_CAMPAIGN;
        if ((st = resolve_campaign(&scope_id, c, opt(a, "campaign"))))
            return st;
    } else if (opt(a, "audience")) {
        scope = MTRK_UNSUB_AUDIENCE;
        if ((st = resolve_audience(&scope_id, c, opt(a, "audience"))))
            return st;
    }
    const char *scope_name = scope == MTRK_UNSUB_GLOBAL ? "global" : scope == MTRK_UNSUB_CAMPAIGN ? "campaign" : "audience";
    if (flag(a, "remove")) {
        int rc = mtrk_unsub_remove(c->t, ct, scope, scope_id);
        if (rc == MTRK_ENOTFOUND)
            return data_err(c, "%s has no %s unsubscribe rule to remove", a->pos[0], scope_name);
        if (rc)
            return lib_err(c, rc, "resubscribing %s", a->pos[0]);
        printf(c->json ? "{\"removed\":true,\"scope\":\"%s\"}\n" : "removed the %s unsubscribe rule\n", scope_name);
        return 0;
    }
    int created = 0;
    int rc = mtrk_unsub_add(&created, c->t, ct, scope, scope_id, MTRK_SOURCE_MANUAL);
    if (rc)
        return lib_err(c, rc, "unsubscribing %s", a->pos[0]);
    if (c->json)
        printf("{\"created\":%s,\"scope\":\"%s\"}\n", created ? "true" : "false", scope_name);
    else
        printf("%s unsubscribe rule %s\n", scope_name, created ? "added" : "already present");
    return 0;
}

static int cmd_supp_add(cli_ctx *c, cli_args *a)
{
    mtrk_suppression_kind k = flag(a, "domain") ? MTRK_SUPPRESS_DOMAIN : MTRK_SUPPRESS_ADDRESS;
    int created = 0;
    const char *reason = opt(a, "reason") ? opt(a, "reason") : "manual";
    int rc = mtrk_suppression_add(&created, c->t, k, a->pos[0], reason);
    if (rc)
        return lib_err(c, rc, "suppressing \"%s\"", a->pos[0]);
    printf(c->json ? "{\"created\":%s}\n" : "suppression %s\n", c->json ? (created ? "true" : "false")
                                                                        : (created ? "added" : "already present"));
    return 0;
}

static int cmd_supp_remove(cli_ctx *c, cli_args *a)
{
    mtrk_suppression_kind k = flag(a, "domain") ? MTRK_SUPPRESS_DOMAIN : MTRK_SUPPRESS_ADDRESS;
    int rc = mtrk_suppression_remove(c->t, k, a->pos[0]);
    if (rc == MTRK_ENOTFOUND)
        return data_err(c, "\"%s\" is not suppressed", a->pos[0]);
    if (rc)
        return lib_err(c, rc, "removing the suppression of \"%s\"", a->pos[0]);
    printf(c->json ? "{\"removed\":true}\n" : "suppression removed\n");
    return 0;
}

static int cmd_supp_list(cli_ctx *c, cli_args *a)
{
    (void)a;
    mtrk_suppression_iter *it = NULL;
    int rc = mtrk_suppression_iter_new(&it, c->t);
    static const char *kinds[] = { "", "address", "domain", "hash" };
    char tb[32];
    while (rc == MTRK_OK) {
        const mtrk_suppression *s;
        rc = mtrk_suppression_iter_next(&s, it);
        if (rc)
            break;
        int k = (int)mtrk_suppression_kind_of(s);
        fmt_time(tb, mtrk_suppression_created_at(s));
        if (c->json) {
            printf("{\"kind\":\"%s\",\"value\":", kinds[k & 3]);
            json_str(stdout, mtrk_suppression_value(s));
            printf(",\"reason\":");
            json_str(stdout, mtrk_suppression_reason(s));
            printf(",\"created_at\":\"%s\"}\n", tb);
        } else {
            printf("%-8s %-40s %-16s %s\n", kinds[k & 3], mtrk_suppression_value(s), mtrk_suppression_reason(s), tb);
        }
    }
    mtrk_suppression_iter_free(it);
    return rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "listing suppressions");
}

const cli_cmd cmds_contacts[] = {
    { "contacts import",
      "mtrk contacts import FILE.csv|- [--audience NAME|ID] [--rejects PATH] [--delimiter auto|,|;|tab]\n"
      "                     [--json]\n"
      "  Header row: address (or email, e-mail, email_address), name, and other\n"
      "  columns as custom fields (header names are case-insensitive). The delimiter\n"
      "  is detected from the header (, ; or tab) unless given. Rows that cannot be\n"
      "  imported go to FILE.rejects.csv (or --rejects PATH, required for -) with\n"
      "  their line number, reason and original text; a malformed row (a stray or\n"
      "  unclosed quote) is rejected by its first line and the lines after it are\n"
      "  read as rows of their own. Exit 2 if any row was rejected (the rest is in),\n"
      "  3 if the database stayed busy (the summary names the lines not recorded).",
      "audience= rejects= delimiter= json", 1, 1, 1, cmd_contacts_import },
    { "contacts show", "mtrk contacts show ID|ADDRESS [--json]\n  --json: everything held about the contact.",
      "json", 1, 1, 1, cmd_show },
    { "contacts find", "mtrk contacts find ADDRESS [--json]", "json", 1, 1, 1, cmd_find },
    { "contacts erase", "mtrk contacts erase ID|ADDRESS [--json]\n  Erases the personal data (irreversible).",
      "json", 1, 1, 1, cmd_erase },
    { "audience create", "mtrk audience create NAME [--json]", "json", 1, 1, 1, cmd_aud_create },
    { "audience list", "mtrk audience list [--json]", "json", 0, 0, 1, cmd_aud_list },
    { "audience add", "mtrk audience add AUDIENCE ID|ADDRESS... [--json]\n  Unknown addresses are added as contacts.",
      "json", 2, -1, 1, cmd_aud_add },
    { "audience remove", "mtrk audience remove AUDIENCE ID|ADDRESS... [--json]", "json", 2, -1, 1, cmd_aud_remove },
    { "audience members", "mtrk audience members AUDIENCE [--json]\n  --json: JSON Lines.", "json", 1, 1, 1,
      cmd_aud_members },
    { "unsubscribe",
      "mtrk unsubscribe ID|ADDRESS [--campaign C | --audience A] [--remove] [--json]\n"
      "  Adds a global (or campaign, audience) unsubscribe rule; --remove resubscribes.",
      "campaign= audience= remove json", 1, 1, 1, cmd_unsub },
    { "suppress add", "mtrk suppress add ADDRESS|DOMAIN [--domain] [--reason TEXT] [--json]",
      "domain reason= json", 1, 1, 1, cmd_supp_add },
    { "suppress remove", "mtrk suppress remove ADDRESS|DOMAIN [--domain] [--json]", "domain json", 1, 1, 1,
      cmd_supp_remove },
    { "suppress list", "mtrk suppress list [--json]\n  --json: JSON Lines.", "json", 0, 0, 1, cmd_supp_list },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};
