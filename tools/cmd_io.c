/* export (CSV or JSON Lines out), streamed in bounded memory; events ingest
 * is in ingest.c. */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ---- export ----------------------------------------------------------------- */

typedef struct out {
    FILE *f;
    bool csv;
    int col;
} out;

static void o_begin(out *o) { o->col = 0; if (!o->csv) fputc('{', o->f); }
static void o_key(out *o, const char *k)
{
    if (!o->csv) {
        if (o->col)
            fputc(',', o->f);
        json_str(o->f, k);
        fputc(':', o->f);
    }
}
static void o_str(out *o, const char *k, const char *v)
{
    o_key(o, k);
    if (o->csv)
        csv_cell(o->f, v, o->col == 0);
    else
        json_str(o->f, v);
    o->col++;
}
static void o_num(out *o, const char *k, long long v)
{
    o_key(o, k);
    if (o->csv)
        csv_num(o->f, v, o->col == 0);
    else
        fprintf(o->f, "%lld", v);
    o->col++;
}
static void o_id(out *o, const char *k, mtrk_id id)
{
    char b[MTRK_ID_STRLEN + 1];
    o_str(o, k, mtrk_id_is_nil(id) ? NULL : idstr(b, id));
}
static void o_time(out *o, const char *k, mtrk_time t)
{
    char b[32];
    fmt_time(b, t);
    o_str(o, k, t ? b : NULL);
}
static void o_end(out *o)
{
    if (o->csv)
        csv_end(o->f);
    else
        fputs("}\n", o->f);
}
static void o_header(out *o, const char *cols)
{
    if (o->csv)
        fprintf(o->f, "%s\r\n", cols);
}

static int export_contacts(cli_ctx *c, out *o)
{
    static const char *st[] = { "", "active", "bounced", "complained", "erased" };
    o_header(o, "id,address,name,status,created_at,consent_at,consent_source");
    mtrk_contact_iter *it = NULL;
    int rc = mtrk_contact_iter_new(&it, c->t);
    while (rc == MTRK_OK) {
        const mtrk_contact *k;
        rc = mtrk_contact_iter_next(&k, it);
        if (rc)
            break;
        o_begin(o);
        o_id(o, "id", mtrk_contact_id(k));
        o_str(o, "address", mtrk_contact_address(k));
        o_str(o, "name", mtrk_contact_name(k));
        int cs = (int)mtrk_contact_status_of(k);
        o_str(o, "status", st[cs >= 1 && cs <= 4 ? cs : 0]);
        o_time(o, "created_at", mtrk_contact_created_at(k));
        o_time(o, "consent_at", mtrk_contact_consent_at(k));
        o_str(o, "consent_source", mtrk_contact_consent_source(k));
        o_end(o);
    }
    mtrk_contact_iter_free(it);
    return rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "exporting contacts");
}

/* Calls fn for the campaign given, or for every campaign of the tenant. */
typedef int (*per_campaign_fn)(cli_ctx *c, out *o, mtrk_id cam, const cli_args *a);
static int each_campaign(cli_ctx *c, out *o, const cli_args *a, per_campaign_fn fn)
{
    if (opt(a, "campaign")) {
        mtrk_id cam;
        int st = resolve_campaign(&cam, c, opt(a, "campaign"));
        return st ? st : fn(c, o, cam, a);
    }
    /* Ids first (bounded by the number of campaigns), then the export. */
    mtrk_campaign_iter *it = NULL;
    mtrk_id *ids = NULL;
    size_t n = 0, cap = 0;
    int rc = mtrk_campaign_iter_new(&it, c->t);
    while (rc == MTRK_OK) {
        const mtrk_campaign *cam;
        rc = mtrk_campaign_iter_next(&cam, it);
        if (rc)
            break;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            mtrk_id *nids = realloc(ids, cap * sizeof *ids);
            if (!nids) {
                rc = MTRK_ENOMEM;
                break;
            }
            ids = nids;
        }
        ids[n++] = mtrk_campaign_id(cam);
    }
    mtrk_campaign_iter_free(it);
    int st = rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "listing campaigns");
    for (size_t i = 0; st == 0 && i < n; i++)
        st = fn(c, o, ids[i], a);
    free(ids);
    return st;
}

static int export_messages1(cli_ctx *c, out *o, mtrk_id cam, const cli_args *a)
{
    (void)a;
    mtrk_message_iter *it = NULL;
    int rc = mtrk_message_iter_new(&it, c->t, cam);
    while (rc == MTRK_OK) {
        mtrk_message_info m = MTRK_MESSAGE_INFO_INIT;
        rc = mtrk_message_iter_next(&m, it);
        if (rc)
            break;
        o_begin(o);
        o_id(o, "mid", m.mid);
        o_id(o, "campaign", m.campaign);
        o_id(o, "contact", m.contact);
        o_str(o, "state", mtrk_message_state_name(m.state));
        o_str(o, "cancel_reason", m.cancel_reason ? mtrk_exclusion_name(m.cancel_reason) : NULL);
        o_time(o, "sent_at", m.sent_at);
        o_time(o, "delivered_at", m.delivered_at);
        o_time(o, "bounced_at", m.bounced_at);
        o_time(o, "first_open_at", m.first_open_at);
        o_time(o, "first_click_at", m.first_click_at);
        o_num(o, "opens", m.opens);
        o_num(o, "clicks", m.clicks);
        o_num(o, "soft_bounces", m.soft_bounces);
        o_num(o, "delivered", m.delivered);
        o_end(o);
    }
    mtrk_message_iter_free(it);
    return rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "exporting messages");
}

static int export_events1(cli_ctx *c, out *o, mtrk_id cam, const cli_args *a)
{
    mtrk_event_type type = 0;
    if (opt(a, "type")) {
        for (int t = 1; t < MTRK_EV_TYPE_COUNT; t++)
            if (strcmp(opt(a, "type"), mtrk_event_type_name((mtrk_event_type)t)) == 0)
                type = (mtrk_event_type)t;
    }
    mtrk_time from = 0, to = 0;
    parse_time(&from, opt(a, "from") ? opt(a, "from") : "0");
    parse_time(&to, opt(a, "to") ? opt(a, "to") : "0");
    mtrk_event_iter *it = NULL;
    int rc = mtrk_event_iter_campaign(&it, c->t, cam, type, from, to);
    static const char *bk[] = { NULL, "hard", "soft" };
    while (rc == MTRK_OK) {
        mtrk_event_info e = MTRK_EVENT_INFO_INIT;
        rc = mtrk_event_iter_next(&e, it);
        if (rc)
            break;
        o_begin(o);
        o_id(o, "id", e.id);
        o_str(o, "type", mtrk_event_type_name(e.type));
        o_id(o, "mid", e.mid);
        o_id(o, "campaign", e.campaign);
        o_id(o, "contact", e.contact);
        o_id(o, "lid", e.lid);
        o_time(o, "occurred_at", e.occurred_at);
        o_time(o, "arrived_at", e.arrived_at);
        o_str(o, "provider", e.provider);
        o_str(o, "provider_event_id", e.provider_event_id);
        o_str(o, "bounce_kind", bk[e.bounce_kind % 3]);
        o_str(o, "verdict", e.verdict == MTRK_VERDICT_MACHINE ? "machine" : "human");
        o_str(o, "verdict_reason", e.verdict_reason);
        o_str(o, "user_agent", e.user_agent);
        o_str(o, "ip", e.ip);
        o_end(o);
    }
    mtrk_event_iter_free(it);
    return rc == MTRK_ITEROVER ? 0 : lib_err(c, rc, "exporting events");
}

static int export_links1(cli_ctx *c, out *o, mtrk_id cam, const cli_args *a)
{
    (void)a;
    enum { CAP = 256 };
    mtrk_link_stats *s = calloc(CAP, sizeof *s);
    mtrk_link_stats *p[CAP];
    if (s == NULL)
        return data_err(c, "out of memory");
    for (int i = 0; i < CAP; i++) {
        mtrk_link_stats_init(&s[i], MTRK_LINK_STATS_VERSION);
        p[i] = &s[i];
    }
    size_t n = 0;
    int rc = mtrk_metrics_links(p, CAP, &n, c->t, cam);
    for (size_t i = 0; rc == MTRK_OK && i < n && i < CAP; i++) {
        o_begin(o);
        o_id(o, "campaign", cam);
        o_id(o, "lid", s[i].lid);
        o_num(o, "rank", s[i].rank);
        o_num(o, "position", s[i].position);
        o_str(o, "label", s[i].label);
        o_str(o, "url", s[i].url);
        o_num(o, "clicks", (long long)s[i].clicks);
        o_num(o, "clicks_unique", (long long)s[i].clicks_unique);
        o_num(o, "clicks_unique_human", (long long)s[i].clicks_unique_human);
        o_end(o);
    }
    free(s);
    return rc ? lib_err(c, rc, "link stats") : 0;
}

static int cmd_export(cli_ctx *c, cli_args *a)
{
    const char *what = a->pos[0];
    const char *fmt = opt(a, "format") ? opt(a, "format") : "csv";
    out o = { stdout, true, 0 };
    if (strcmp(fmt, "jsonl") == 0 || strcmp(fmt, "json") == 0)
        o.csv = false;
    else if (strcmp(fmt, "csv") != 0)
        return usage_err(c, "--format \"%s\": csv or jsonl", fmt);
    if (opt(a, "type")) {
        int ok = 0;
        for (int t = 1; t < MTRK_EV_TYPE_COUNT; t++)
            ok |= strcmp(opt(a, "type"), mtrk_event_type_name((mtrk_event_type)t)) == 0;
        if (!ok)
            return usage_err(c, "--type \"%s\" is not an event type", opt(a, "type"));
    }
    mtrk_time t;
    int st;
    if ((st = opt_time(&t, c, a, "from")) || (st = opt_time(&t, c, a, "to")))
        return st;
    int kind = strcmp(what, "contacts") == 0 ? 1 : strcmp(what, "messages") == 0 ? 2
             : strcmp(what, "events") == 0 ? 3 : strcmp(what, "links") == 0 ? 4 : 0;
    if (kind == 0)
        return usage_err(c, "\"%s\": export contacts, messages, events or links", what);
    if (opt(a, "output") && (o.f = fopen(opt(a, "output"), "wb")) == NULL)
        return data_err(c, "%s: cannot write: %m", opt(a, "output"));
    switch (kind) {
    case 1: st = export_contacts(c, &o); break;
    case 2:
        o_header(&o, "mid,campaign,contact,state,cancel_reason,sent_at,delivered_at,bounced_at,first_open_at,"
                     "first_click_at,opens,clicks,soft_bounces,delivered");
        st = each_campaign(c, &o, a, export_messages1);
        break;
    case 3:
        o_header(&o, "id,type,mid,campaign,contact,lid,occurred_at,arrived_at,provider,provider_event_id,"
                     "bounce_kind,verdict,verdict_reason,user_agent,ip");
        st = each_campaign(c, &o, a, export_events1);
        break;
    case 4:
        o_header(&o, "campaign,lid,rank,position,label,url,clicks,clicks_unique,clicks_unique_human");
        st = each_campaign(c, &o, a, export_links1);
        break;
    }
    if (o.f != stdout && fclose(o.f) != 0 && st == 0)
        st = data_err(c, "%s: write failed", opt(a, "output"));
    return st;
}

const cli_cmd cmds_io[] = {
    { "events ingest",
      "mtrk events ingest [FILE|-] [--record-provider-ids] [--json]\n"
      "  JSON Lines, one event per line, fields as in mtrk_event_input: type, mid, lid,\n"
      "  occurred_at (Unix ms or RFC 3339), provider, provider_event_id,\n"
      "  provider_message_id, bounce_kind (hard|soft), diagnostic, user_agent, ip,\n"
      "  verdict (human|machine), verdict_reason, unsub_scope, unsub_audience, unsub_source.\n"
      "  Idempotent by (provider, provider_event_id); a line without provider_event_id\n"
      "  gets one derived from its content, so ingesting a file again records nothing\n"
      "  new. ip and user_agent are stored cleaned (an ip that is not an address is\n"
      "  dropped). Lines longer than 64 KiB are refused. Bad lines are reported on\n"
      "  stderr with their line numbers and skipped; exit 2 if there were any, 3 if\n"
      "  the database stayed busy (the summary names the lines not recorded).\n"
      "  --record-provider-ids: a sent line's provider_message_id of a webhook provider is\n"
      "  recorded for its message, so that webhook events that echo no mid find it.",
      "record-provider-ids json", 0, 1, 1, cmd_events_ingest },
    { "export",
      "mtrk export contacts|messages|events|links [--campaign C] [--type T] [--from T] [--to T]\n"
      "       [--format csv|jsonl] [--output FILE]\n"
      "  Streams CSV (default) or JSON Lines. CSV text cells beginning with = + - @ tab\n"
      "  or CR get a leading apostrophe so a spreadsheet never runs them as formulas.",
      "campaign= type= from= to= format= output=", 1, 1, 1, cmd_export },
    { NULL, NULL, NULL, 0, 0, 0, NULL },
};
