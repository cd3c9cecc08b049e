/* campaign, generate, leads, audit. */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(cli_ctx *c, const char *path, size_t max, int *st)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        *st = data_err(c, "%s: cannot open: %m", path);
        return NULL;
    }
    char *buf = malloc(max + 2);
    size_t n = buf ? fread(buf, 1, max + 1, f) : 0;
    fclose(f);
    if (buf == NULL) {
        *st = data_err(c, "out of memory");
        return NULL;
    }
    if (n > max) {
        free(buf);
        *st = data_err(c, "%s: larger than %zu octets", path, max);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

static int add_link(cli_ctx *c, mtrk_id cam, const char *spec, uint32_t pos)
{
    /* URL or "LABEL=URL" */
    char buf[MTRK_MAX_URL + MTRK_MAX_NAME + 2];
    snprintf(buf, sizeof buf, "%s", spec);
    const char *url = buf, *label = NULL;
    char *eq = strstr(buf, "=http");
    if (eq) {
        *eq = '\0';
        label = buf;
        url = eq + 1;
    }
    mtrk_id lid;
    int rc = mtrk_link_add(&lid, c->t, cam, url, label ? label : "", pos);
    if (rc)
        return lib_err(c, rc, "--link \"%s\"", spec);
    return 0;
}

static int create_from_spec(cli_ctx *c, const char *path, mtrk_id *out)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (root == NULL)
        return data_err(c, "%s: line %d: %s", path, je.line, je.text);
    int st = 0;
    if (!json_is_object(root)) {
        json_decref(root);
        return data_err(c, "%s: not a JSON object", path);
    }
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
#define JS(f) (json_is_string(json_object_get(root, f)) ? json_string_value(json_object_get(root, f)) : NULL)
    s.name = JS("name");
    s.objective = JS("objective");
    s.subject = JS("subject");
    s.from_name = JS("from_name");
    s.from_address = JS("from_address");
    s.reply_to = JS("reply_to");
    s.html = JS("html");
    s.text = JS("text");
    int rc = mtrk_campaign_create(out, c->t, &s);
    if (rc)
        st = lib_err(c, rc, "%s", path);
    json_t *links = json_object_get(root, "links");
    size_t i;
    json_t *l;
    json_array_foreach(links, i, l) {
        if (st)
            break;
        const char *url = json_string_value(json_object_get(l, "url"));
        const char *label = json_string_value(json_object_get(l, "label"));
        mtrk_id lid;
        rc = mtrk_link_add(&lid, c->t, *out, url, label ? label : "", (uint32_t)i);
        if (rc)
            st = lib_err(c, rc, "%s: links[%zu]", path, i);
    }
    if (st == 0 && JS("landing_page")) {
        mtrk_id lp;
        rc = mtrk_landing_page_create(&lp, c->t, *out, "landing", JS("landing_page"));
        if (rc)
            st = lib_err(c, rc, "%s: landing_page", path);
    }
#undef JS
    json_decref(root);
    return st;
}

static int cmd_create(cli_ctx *c, cli_args *a)
{
    mtrk_id id;
    int st = 0;
    if (opt(a, "spec")) {
        st = create_from_spec(c, opt(a, "spec"), &id);
    } else {
        mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
        s.name = opt(a, "name");
        s.subject = opt(a, "subject");
        s.from_address = opt(a, "from");
        s.from_name = opt(a, "from-name");
        s.reply_to = opt(a, "reply-to");
        s.objective = opt(a, "objective");
        s.text = opt(a, "text");
        if (!s.name || !s.subject || !s.from_address)
            return usage_err(c, "--name, --subject and --from are required (or --spec FILE.json)");
        char *html = NULL, *text = NULL;
        if (opt(a, "html-file") && !(html = slurp(c, opt(a, "html-file"), MTRK_MAX_HTML, &st)))
            return st;
        if (opt(a, "text-file") && !(text = slurp(c, opt(a, "text-file"), MTRK_MAX_TEXT, &st))) {
            free(html);
            return st;
        }
        if (html)
            s.html = html;
        if (text)
            s.text = text;
        if (!s.html && !s.text)
            s.text = s.subject; /* a text part is required: the subject stands in */
        mtrk_time t0 = 0, t1 = 0;
        if ((st = opt_time(&t0, c, a, "starts-at")) || (st = opt_time(&t1, c, a, "ends-at"))) {
            free(html);
            free(text);
            return st;
        }
        s.starts_at = t0;
        s.ends_at = t1;
        int rc = mtrk_campaign_create(&id, c->t, &s);
        free(html);
        free(text);
        if (rc)
            return lib_err(c, rc, "creating campaign \"%s\"", s.name);
        const char *l;
        for (int i = 0; st == 0 && (l = opt_nth(a, "link", i)); i++)
            st = add_link(c, id, l, (uint32_t)i);
        if (st == 0 && opt(a, "landing-page")) {
            mtrk_id lp;
            int rc2 = mtrk_landing_page_create(&lp, c->t, id, "landing", opt(a, "landing-page"));
            if (rc2)
                st = lib_err(c, rc2, "--landing-page");
        }
    }
    char ids[MTRK_ID_STRLEN + 1];
    if (st)
        return st;
    printf(c->json ? "{\"id\":\"%s\"}\n" : "%s\n", idstr(ids, id));
    return 0;
}

static void print_campaign_json(const mtrk_campaign *cam, FILE *f)
{
    char ids[MTRK_ID_STRLEN + 1], tb[32];
    fprintf(f, "{\"id\":\"%s\",\"name\":", idstr(ids, mtrk_campaign_id(cam)));
    json_str(f, mtrk_campaign_name(cam));
    fprintf(f, ",\"status\":\"%s\",\"subject\":", mtrk_campaign_status_name(mtrk_campaign_status_of(cam)));
    json_str(f, mtrk_campaign_subject(cam));
    fprintf(f, ",\"from_address\":");
    json_str(f, mtrk_campaign_from_address(cam));
    fprintf(f, ",\"objective\":");
    json_str(f, mtrk_campaign_objective(cam));
    fmt_time(tb, mtrk_campaign_created_at(cam));
    fprintf(f, ",\"created_at\":\"%s\"}", tb);
}

static int cmd_show(cli_ctx *c, cli_args *a)
{
    mtrk_id id;
    int st = resolve_campaign(&id, c, a->pos[0]);
    if (st)
        return st;
    mtrk_campaign *cam = NULL;
    int rc = mtrk_campaign_get(&cam, c->t, id);
    if (rc)
        return lib_err(c, rc, "campaign %s", a->pos[0]);
    mtrk_id auds[64];
    size_t naud = 0;
    mtrk_campaign_audiences(auds, 64, &naud, c->t, id);
    char ids[MTRK_ID_STRLEN + 1], tb[32];
    if (c->json) {
        print_campaign_json(cam, stdout);
        putchar('\n');
    } else {
        printf("id          %s\n", idstr(ids, id));
        printf("name        %s\n", mtrk_campaign_name(cam));
        printf("status      %s\n", mtrk_campaign_status_name(mtrk_campaign_status_of(cam)));
        printf("subject     %s\n", mtrk_campaign_subject(cam));
        printf("from        %s %s\n", mtrk_campaign_from_name(cam) ? mtrk_campaign_from_name(cam) : "",
               mtrk_campaign_from_address(cam));
        fmt_time(tb, mtrk_campaign_created_at(cam));
        printf("created     %s\n", tb);
        for (size_t i = 0; i < naud && i < 64; i++)
            printf("audience    %s\n", idstr(ids, auds[i]));
        char *lpurl = NULL;
        if (mtrk_landing_page_url(&lpurl, NULL, c->t, id) == MTRK_OK)
            printf("landing     %s\n", *lpurl ? lpurl : "(no URL)");
        mtrk_free(lpurl);
    }
    mtrk_campaign_free(cam);
    return 0;
}

static int cmd_list(cli_ctx *c, cli_args *a)
{
    (void)a;
    mtrk_campaign_iter *it = NULL;
    int rc = mtrk_campaign_iter_new(&it, c->t);
    char ids[MTRK_ID_STRLEN + 1];
    if (!c->json)
        printf("%-36s  %-9s  %s\n", "ID", "STATUS", "NAME");
    while (rc == MTRK_OK) {
        const mtrk_campaign *cam;
        rc = mtrk_campaign_iter_next(&cam, it);
        if (rc)
            break;
        if (c->json) {
            print_campaign_json(cam, stdout);
            putchar('\n');
        } else {
            printf("%-36s  %-9s  %s\n", idstr(ids, mtrk_campaign_id(cam)),
                   mtrk_campaign_status_name(mtrk_campaign_status_of(cam)), mtrk_campaign_name(cam));
        }
    }
    mtrk_campaign_iter_free(it);
    return rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "listing campaigns");
}

static int cmd_status(cli_ctx *c, cli_args *a)
{
    mtrk_id id;
    int st = resolve_campaign(&id, c, a->pos[0]);
    if (st)
        return st;
    int target = 0;
    for (int s = MTRK_CAMPAIGN_DRAFT; s <= MTRK_CAMPAIGN_CANCELED; s++)
        if (strcmp(mtrk_campaign_status_name((mtrk_campaign_status)s), a->pos[1]) == 0)
            target = s;
    if (target == 0)
        return usage_err(c, "STATUS \"%s\": one of draft scheduled sending sent paused canceled", a->pos[1]);
    int rc = mtrk_campaign_set_status(c->t, id, (mtrk_campaign_status)target);
    if (rc)
        return lib_err(c, rc, "campaign %s", a->pos[0]);
    printf(c->json ? "{\"status\":\"%s\"}\n" : "%s\n", a->pos[1]);
    return 0;
}

static int cmd_attach(cli_ctx *c, cli_args *a)
{
    mtrk_id cam, aud;
    int st = resolve_campaign(&cam, c, a->pos[0]);
    if (st == 0)
        st = resolve_audience(&aud, c, a->pos[1]);
    if (st)
        return st;
    int done = 0;
    int rc = flag(a, "detach") ? mtrk_campaign_detach_audience(c->t, cam, aud)
                               : mtrk_campaign_attach_audience(&done, c->t, cam, aud);
    if (rc)
        return lib_err(c, rc, "campaign %s, audience %s", a->pos[0], a->pos[1]);
    printf(c->json ? "{\"changed\":%s}\n" : "%s\n",
           c->json ? (flag(a, "detach") || done ? "true" : "false")
                   : (flag(a, "detach") ? "detached" : done ? "attached" : "already attached"));
    return 0;
}

static int cmd_links(cli_ctx *c, cli_args *a)
{
    mtrk_id cam;
    int st = resolve_campaign(&cam, c, a->pos[0]);
    if (st)
        return st;
    const char *l;
    for (int i = 0; (l = opt_nth(a, "add", i)); i++) {
        /* New links go after the existing ones. */
        mtrk_link_iter *it = NULL;
        uint32_t next = 0;
        int rc = mtrk_link_iter_new(&it, c->t, cam);
        const mtrk_link *lk;
        while (rc == MTRK_OK && mtrk_link_iter_next(&lk, it) == MTRK_OK)
            next = mtrk_link_position(lk) + 1;
        mtrk_link_iter_free(it);
        if ((st = add_link(c, cam, l, next)))
            return st;
    }
    mtrk_link_iter *it = NULL;
    int rc = mtrk_link_iter_new(&it, c->t, cam);
    char ids[MTRK_ID_STRLEN + 1];
    while (rc == MTRK_OK) {
        const mtrk_link *lk;
        rc = mtrk_link_iter_next(&lk, it);
        if (rc)
            break;
        static const char *const origins[] = { "manual", "html", "honeypot", "untracked", "template" };
        mtrk_link_origin o = mtrk_link_origin_of(lk);
        const char *origin = (unsigned)o < 5 ? origins[o] : "?";
        if (c->json) {
            printf("{\"lid\":\"%s\",\"position\":%u,\"origin\":\"%s\",\"honeypot\":%s,\"tracked\":%s,\"label\":",
                   idstr(ids, mtrk_link_id(lk)), mtrk_link_position(lk), origin,
                   o == MTRK_LINK_HONEYPOT ? "true" : "false", o == MTRK_LINK_TEMPLATE ? "false" : "true");
            json_str(stdout, mtrk_link_label(lk));
            printf(",\"url\":");
            json_str(stdout, mtrk_link_url(lk));
            puts("}");
        } else {
            /* honeypot: a hidden trap, its clicks are scanners; untracked: merge tags */
            const char *mark = o == MTRK_LINK_HONEYPOT ? "[honeypot] " : o == MTRK_LINK_TEMPLATE ? "[untracked] " : "";
            printf("%s  %3u  %s%-20s %s\n", idstr(ids, mtrk_link_id(lk)), mtrk_link_position(lk), mark,
                   mtrk_link_label(lk) ? mtrk_link_label(lk) : "", mtrk_link_url(lk));
        }
    }
    mtrk_link_iter_free(it);
    return rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "listing links");
}

static int cmd_landing(cli_ctx *c, cli_args *a)
{
    mtrk_id cam, lp;
    int st = resolve_campaign(&cam, c, a->pos[0]);
    if (st)
        return st;
    int rc = mtrk_landing_page_create(&lp, c->t, cam, opt(a, "name") ? opt(a, "name") : "landing", a->pos[1]);
    if (rc)
        return lib_err(c, rc, "landing page of %s", a->pos[0]);
    char ids[MTRK_ID_STRLEN + 1];
    printf(c->json ? "{\"id\":\"%s\"}\n" : "%s\n", idstr(ids, lp));
    return 0;
}

static int cmd_generate(cli_ctx *c, cli_args *a)
{
    mtrk_id cam;
    int st = resolve_campaign(&cam, c, a->pos[0]);
    if (st)
        return st;
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    int rc = mtrk_campaign_generate(&r, c->t, cam);
    if (rc)
        return lib_err(c, rc, "generating %s", a->pos[0]);
    if (c->json) {
        printf("{\"eligible\":%llu,\"created\":%llu,\"already_present\":%llu,\"excluded_total\":%llu,\"excluded\":{",
               (unsigned long long)r.eligible, (unsigned long long)r.created, (unsigned long long)r.already_present,
               (unsigned long long)r.excluded_total);
        for (int i = 1; i < MTRK_GENERATE_REPORT_NEXCLUDED; i++)
            printf("%s\"%s\":%llu", i > 1 ? "," : "", mtrk_exclusion_name((mtrk_exclusion)i),
                   (unsigned long long)r.excluded[i]);
        puts("}}");
        return 0;
    }
    printf("eligible            %10llu\n", (unsigned long long)r.eligible);
    printf("  messages created  %10llu\n", (unsigned long long)r.created);
    printf("  already present   %10llu\n", (unsigned long long)r.already_present);
    printf("excluded            %10llu\n", (unsigned long long)r.excluded_total);
    for (int i = 1; i < MTRK_GENERATE_REPORT_NEXCLUDED; i++)
        if (r.excluded[i])
            printf("  %-18s%10llu\n", mtrk_exclusion_name((mtrk_exclusion)i), (unsigned long long)r.excluded[i]);
    return 0;
}

/* ---- leads -------------------------------------------------------------------- */

static int cmd_leads(cli_ctx *c, cli_args *a)
{
    mtrk_id cam;
    int st = resolve_campaign(&cam, c, a->pos[0]);
    if (st)
        return st;
    mtrk_lead_iter *it = NULL;
    int rc = mtrk_lead_iter_new(&it, c->t, cam);
    char ids[MTRK_ID_STRLEN + 1], mids[MTRK_ID_STRLEN + 1], tb[32];
    static const char *attr[] = { "", "message", "recipient", "campaign" };
    while (rc == MTRK_OK) {
        mtrk_lead_info li = MTRK_LEAD_INFO_INIT;
        rc = mtrk_lead_iter_next(&li, it);
        if (rc)
            break;
        fmt_time(tb, li.captured_at);
        if (c->json) {
            printf("{\"id\":\"%s\",\"captured_at\":\"%s\",\"address\":", idstr(ids, li.id), tb);
            json_str(stdout, li.address);
            printf(",\"attribution\":\"%s\",\"mid\":", attr[li.attribution & 3]);
            if (mtrk_id_is_nil(li.mid))
                printf("null");
            else
                printf("\"%s\"", idstr(mids, li.mid));
            printf(",\"forwarded\":%s,\"fields\":%s}\n", li.forwarded ? "true" : "false",
                   li.fields_json ? li.fields_json : "{}");
        } else {
            printf("%s  %s  %-9s %s%s\n", tb, idstr(ids, li.id), attr[li.attribution & 3],
                   li.address ? li.address : "(erased)", li.forwarded ? " (forwarded)" : "");
        }
    }
    mtrk_lead_iter_free(it);
    return rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "listing leads");
}

static int cmd_lead_capture(cli_ctx *c, cli_args *a)
{
    mtrk_id cam, lp;
    int st = resolve_campaign(&cam, c, a->pos[0]);
    if (st)
        return st;
    int rc = mtrk_landing_page_find(&lp, c->t, cam);
    if (rc == MTRK_ENOTFOUND)
        return data_err(c, "campaign %s has no landing page (mtrk campaign landing)", a->pos[0]);
    if (rc)
        return lib_err(c, rc, "landing page");
    mtrk_lead_input in = MTRK_LEAD_INPUT_INIT;
    in.landing_page = lp;
    in.address = opt(a, "address");
    in.lead_key = opt(a, "key") ? opt(a, "key") : in.address;
    if (in.address == NULL)
        return usage_err(c, "--address is required");
    if (opt(a, "mid") && mtrk_id_from_string(&in.mid, opt(a, "mid")))
        return usage_err(c, "--mid \"%s\" is not an id", opt(a, "mid"));
    if ((st = opt_time(&in.captured_at, c, a, "at")))
        return st;
    const char *keys[MTRK_MAX_FIELDS], *vals[MTRK_MAX_FIELDS];
    char *own[MTRK_MAX_FIELDS];
    size_t n = 0;
    const char *f;
    for (int i = 0; (f = opt_nth(a, "field", i)); i++) {
        const char *eq = strchr(f, '=');
        if (eq == NULL || n == MTRK_MAX_FIELDS) {
            for (size_t k = 0; k < n; k++)
                free(own[k]);
            return usage_err(c, "--field \"%s\": expected KEY=VALUE (at most %d)", f, MTRK_MAX_FIELDS);
        }
        own[n] = strndup(f, (size_t)(eq - f));
        keys[n] = own[n];
        vals[n] = eq + 1;
        n++;
    }
    in.field_keys = keys;
    in.field_values = vals;
    in.nfields = n;
    mtrk_lead_info li = MTRK_LEAD_INFO_INIT;
    int dup = 0;
    rc = mtrk_lead_capture(&li, &dup, c->t, &in);
    for (size_t k = 0; k < n; k++)
        free(own[k]);
    if (rc)
        return lib_err(c, rc, "capturing the lead");
    char ids[MTRK_ID_STRLEN + 1];
    printf(c->json ? "{\"id\":\"%s\",\"duplicate\":%s}\n" : "%s%s\n", idstr(ids, li.id),
           c->json ? (dup ? "true" : "false") : (dup ? " (duplicate)" : ""));
    return 0;
}

static int cmd_audit(cli_ctx *c, cli_args *a)
{
    uint64_t limit;
    int st = opt_u64(&limit, c, a, "limit", 0);
    if (st)
        return st;
    mtrk_audit_iter *it = NULL;
    int rc = mtrk_audit_iter_new(&it, c->t);
    char ids[MTRK_ID_STRLEN + 1], tb[32];
    uint64_t n = 0;
    while (rc == MTRK_OK && (limit == 0 || n < limit)) {
        const mtrk_audit_entry *e;
        rc = mtrk_audit_iter_next(&e, it);
        if (rc)
            break;
        n++;
        fmt_time(tb, mtrk_audit_at(e));
        if (c->json) {
            printf("{\"at\":\"%s\",\"actor\":", tb);
            json_str(stdout, mtrk_audit_actor(e));
            printf(",\"action\":");
            json_str(stdout, mtrk_audit_action(e));
            printf(",\"entity\":\"%s\",\"detail\":%s}\n", idstr(ids, mtrk_audit_entity(e)), mtrk_audit_detail(e));
        } else {
            printf("%s  %-16s %-22s %s %s\n", tb, mtrk_audit_actor(e), mtrk_audit_action(e),
                   idstr(ids, mtrk_audit_entity(e)), mtrk_audit_detail(e));
        }
    }
    mtrk_audit_iter_free(it);
    return rc == MTRK_OK || rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "reading the audit log");
}

const cli_cmd cmds_campaign[] = {
    { "campaign create",
      "mtrk campaign create --name N --subject S --from ADDRESS [--from-name N] [--reply-to A]\n"
      "       [--objective O] [--html-file F] [--text-file F | --text T] [--starts-at T] [--ends-at T]\n"
      "       [--link [LABEL=]URL]... [--landing-page URL] [--json]\n"
      "   or: mtrk campaign create --spec FILE.json   (keys: name, objective, subject, from_name,\n"
      "       from_address, reply_to, html, text, links: [{url, label}], landing_page)\n"
      "  Prints the new campaign's id.",
      "name= subject= from= from-name= reply-to= objective= html-file= text-file= text= starts-at= ends-at= "
      "link* landing-page= spec= json",
      0, 0, 1, cmd_create },
    { "campaign show", "mtrk campaign show CAMPAIGN [--json]", "json", 1, 1, 1, cmd_show },
    { "campaign list", "mtrk campaign list [--json]\n  --json: JSON Lines.", "json", 0, 0, 1, cmd_list },
    { "campaign status", "mtrk campaign status CAMPAIGN STATUS [--json]\n"
      "  STATUS: draft scheduled sending sent paused canceled (transitions in docs/rules.md).",
      "json", 2, 2, 1, cmd_status },
    { "campaign attach", "mtrk campaign attach CAMPAIGN AUDIENCE [--detach] [--json]", "detach json", 2, 2, 1,
      cmd_attach },
    { "campaign links", "mtrk campaign links CAMPAIGN [--add [LABEL=]URL]... [--json]\n"
      "  Lists (and in draft, adds) the campaign's trackable links.", "add* json", 1, 1, 1, cmd_links },
    { "campaign landing", "mtrk campaign landing CAMPAIGN URL [--name N] [--json]\n  Creates the landing page.",
      "name= json", 2, 2, 1, cmd_landing },
    { "generate", "mtrk generate CAMPAIGN [--json]\n  Generates the messages; prints the exclusion report.",
      "json", 1, 1, 1, cmd_generate },
    { "leads list", "mtrk leads list CAMPAIGN [--json]\n  --json: JSON Lines.", "json", 1, 1, 1, cmd_leads },
    { "leads capture", "mtrk leads capture CAMPAIGN --address A [--key K] [--mid MID] [--at T]\n"
      "       [--field KEY=VALUE]... [--json]\n  Records a landing-page form submission (key defaults to the address).",
      "address= key= mid= at= field* json", 1, 1, 1, cmd_lead_capture },
    { "audit", "mtrk audit [--limit N] [--json]\n  The audit log, oldest first. --json: JSON Lines.",
      "limit= json", 0, 0, 1, cmd_audit },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};
