/* render and urls: one message as its recipient gets it, and its tracking
 * URLs, to wire and test a tracking endpoint without writing C. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

/* MID, or CAMPAIGN CONTACT (the contact's message of that campaign). */
static int message_of(mtrk_id *mid, cli_ctx *c, cli_args *a)
{
    if (a->npos == 1) {
        if (mtrk_id_from_string(mid, a->pos[0]) != MTRK_OK)
            return usage_err(c, "\"%s\" is not a message id (or give CAMPAIGN CONTACT)", a->pos[0]);
        mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
        int rc = mtrk_message_get(&mi, c->t, *mid);
        return rc ? lib_err(c, rc, "message %s", a->pos[0]) : 0;
    }
    mtrk_id cam, contact;
    int st = resolve_campaign(&cam, c, a->pos[0]);
    if (st == 0)
        st = resolve_contact(&contact, c, a->pos[1]);
    if (st)
        return st;
    mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
    int rc = mtrk_message_find(&mi, c->t, cam, contact);
    if (rc)
        return lib_err(c, rc, "the message of %s in %s (generate first)", a->pos[1], a->pos[0]);
    *mid = mi.mid;
    return 0;
}

static int write_file(cli_ctx *c, const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return data_err(c, "%s: cannot write: %m", path);
    size_t w = n ? fwrite(s, 1, n, f) : 0;
    if (fclose(f) != 0 || w != n)
        return data_err(c, "%s: write failed", path);
    return 0;
}

static int cmd_render(cli_ctx *c, cli_args *a)
{
    mtrk_id mid;
    int st = message_of(&mid, c, a);
    if (st)
        return st;
    mtrk_rendered r = MTRK_RENDERED_INIT;
    mtrk_render_options ro = MTRK_RENDER_OPTIONS_INIT;
    ro.return_path = opt(a, "return-path");
    ro.provider = opt(a, "provider");
    int rc = mtrk_message_render_with(&r, c->t, mid, &ro);
    if (rc == MTRK_EINVAL || rc == MTRK_ETOOLONG)
        return usage_err(c, "%s", mtrk_tenant_errmsg(c->t));
    if (rc)
        return lib_err(c, rc, "rendering");
    char ids[MTRK_ID_STRLEN + 1];
    if (opt(a, "html-out") && r.html)
        st = write_file(c, opt(a, "html-out"), r.html, r.html_len);
    if (st == 0 && opt(a, "text-out") && r.text)
        st = write_file(c, opt(a, "text-out"), r.text, r.text_len);
    if (st == 0 && c->json) {
        printf("{\"mid\":\"%s\",\"headers\":{\"List-Unsubscribe\":", idstr(ids, mid));
        json_str(stdout, r.list_unsubscribe);
        printf(",\"List-Unsubscribe-Post\":");
        json_str(stdout, r.list_unsubscribe_post);
        printf(",\"" MTRK_MID_HEADER "\":");
        json_str(stdout, r.mid_header);
        printf("},\"return_path\":");
        json_str(stdout, r.return_path);
        printf(",\"provider\":");
        if (r.provider_json) {
            printf("{\"name\":");
            json_str(stdout, ro.provider);
            printf(",\"attach\":%s,\"header\":", r.provider_json); /* a JSON object already */
            json_str(stdout, r.provider_header);
            printf("}");
        } else {
            printf("null");
        }
        printf(",\"html\":");
        json_str(stdout, opt(a, "html-out") ? NULL : r.html);
        printf(",\"text\":");
        json_str(stdout, opt(a, "text-out") ? NULL : r.text);
        printf("}\n");
    } else if (st == 0) {
        /* Headers, a blank line, then the parts (as a mail shows them). */
        printf("List-Unsubscribe: %s\nList-Unsubscribe-Post: %s\n" MTRK_MID_HEADER ": %s\n", r.list_unsubscribe,
               r.list_unsubscribe_post, r.mid_header);
        if (r.return_path)
            printf("Return-Path: <%s>\n", r.return_path);
        if (r.provider_header)
            printf("%s\n", r.provider_header);
        if (r.provider_json)
            printf("\n-- %s: attach to the send request --\n%s\n", ro.provider, r.provider_json);
        if (r.text && !opt(a, "text-out"))
            printf("\n-- text --\n%s%s", r.text, r.text_len && r.text[r.text_len - 1] == '\n' ? "" : "\n");
        if (r.html && !opt(a, "html-out"))
            printf("\n-- html --\n%s%s", r.html, r.html_len && r.html[r.html_len - 1] == '\n' ? "" : "\n");
    }
    mtrk_rendered_clear(&r);
    return st;
}

static int cmd_urls(cli_ctx *c, cli_args *a)
{
    mtrk_id mid;
    int st = message_of(&mid, c, a);
    if (st)
        return st;
    mtrk_message_info mi = MTRK_MESSAGE_INFO_INIT;
    int rc = mtrk_message_get(&mi, c->t, mid);
    if (rc)
        return lib_err(c, rc, "message");
    mtrk_id nil = { { 0 } };
    char ids[MTRK_ID_STRLEN + 1], *u = NULL;
    struct { const char *kind; mtrk_url_kind k; } fixed[] = {
        { "open", MTRK_URL_OPEN }, { "unsubscribe", MTRK_URL_UNSUBSCRIBE }, { "landing", MTRK_URL_LANDING },
    };
    if (c->json)
        printf("{\"mid\":\"%s\"", idstr(ids, mid));
    else
        printf("message %s\n", idstr(ids, mid));
    for (size_t i = 0; i < 3; i++) {
        rc = mtrk_track_url(&u, c->t, fixed[i].k, mid, nil);
        if (rc == MTRK_ESTATE && fixed[i].k == MTRK_URL_LANDING)
            continue; /* no landing page */
        if (rc) {
            if (c->json)
                printf("}\n");
            return lib_err(c, rc, "%s URL", fixed[i].kind);
        }
        if (c->json) {
            printf(",\"%s\":", fixed[i].kind);
            json_str(stdout, u);
        } else {
            printf("%-12s %s\n", fixed[i].kind, u);
        }
        mtrk_free(u);
    }
    if (c->json)
        printf(",\"clicks\":[");
    mtrk_link_iter *it = NULL;
    rc = mtrk_link_iter_new(&it, c->t, mi.campaign);
    size_t n = 0;
    while (rc == MTRK_OK) {
        const mtrk_link *l;
        if ((rc = mtrk_link_iter_next(&l, it)) != MTRK_OK)
            break;
        mtrk_link_origin o = mtrk_link_origin_of(l);
        if (o == MTRK_LINK_TEMPLATE)
            continue; /* not tracked */
        if ((rc = mtrk_track_url(&u, c->t, MTRK_URL_CLICK, mid, mtrk_link_id(l))))
            break;
        if (c->json) {
            printf("%s{\"lid\":\"%s\",\"position\":%u,\"honeypot\":%s,\"label\":", n ? "," : "",
                   idstr(ids, mtrk_link_id(l)), mtrk_link_position(l), o == MTRK_LINK_HONEYPOT ? "true" : "false");
            json_str(stdout, mtrk_link_label(l));
            printf(",\"target\":");
            json_str(stdout, mtrk_link_url(l));
            printf(",\"url\":");
            json_str(stdout, u);
            printf("}");
        } else {
            printf("click %3u%s %s\n      -> %s\n", mtrk_link_position(l), o == MTRK_LINK_HONEYPOT ? " [honeypot]" : "",
                   u, mtrk_link_url(l));
        }
        mtrk_free(u);
        n++;
    }
    mtrk_link_iter_free(it);
    if (c->json)
        printf("]}\n");
    if (rc != MTRK_ITEROVER)
        return lib_err(c, rc, "click URLs");
    return 0;
}

const cli_cmd cmds_render[] = {
    { "render",
      "mtrk render MID | CAMPAIGN CONTACT [--return-path ADDR] [--provider NAME]\n"
      "            [--html-out FILE] [--text-out FILE] [--json]\n"
      "  The message as its recipient gets it (mtrk_message_render_with): the List-Unsubscribe\n"
      "  headers, then the text and HTML parts with tracked links, pixel and placeholders.\n"
      "  --return-path bounces@b.example: the signed VERP envelope sender naming the message.\n"
      "  --provider NAME: what to attach when sending through that provider so that its\n"
      "  webhooks name the message (its send API's JSON, and its SMTP relay's header).",
      "return-path= provider= html-out= text-out= json", 1, 2, 1, cmd_render },
    { "urls",
      "mtrk urls MID | CAMPAIGN CONTACT [--json]\n"
      "  The message's signed tracking URLs: open pixel, unsubscribe, landing (when the\n"
      "  campaign has a landing page) and one click URL per tracked link, with its target.",
      "json", 1, 2, 1, cmd_urls },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};
