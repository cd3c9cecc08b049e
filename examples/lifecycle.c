/*
 * lifecycle — one campaign from intention to result, with the public mtrk API
 * only. Copy from it freely.
 *
 *   tenant -> contacts -> audiences -> campaign + links -> limits (suppression,
 *   unsubscribe) -> generate messages -> claim and send -> provider events ->
 *   landing page and lead -> metrics and link ranking
 *
 * Everything is stored in an SQLite file, by default $TMPDIR/mtrk-demo.db
 * (/tmp when TMPDIR is unset), removed and recreated on every run, so you can
 * open it afterwards with `sqlite3 /tmp/mtrk-demo.db` (docs/schema.md has
 * queries to try). `lifecycle DB` uses the target DB instead ("memory:" for
 * a private in-memory store, or a path to a new file). The clock is one the
 * program controls, so the output is the same on every run (ids are random
 * and therefore never printed).
 *
 * Build: cc lifecycle.c $(pkg-config --cflags --libs mtrk)
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mtrk/mtrk.h>

#define MINUTE INT64_C(60000)
#define HOUR (60 * MINUTE)
#define T0 INT64_C(1767225600000) /* 2026-01-01T00:00:00Z */

/* The host's clock: mtrk asks it for "now"; here it is a variable we move. */
static mtrk_time now_ms = T0;
static mtrk_time example_clock(void *userdata)
{
    (void)userdata;
    return now_ms;
}

/* Every call returns 0 or a negative MTRK_E* code; the handle's message says
 * which argument or value was at fault. */
static int failed(const char *what, int rc, const mtrk_tenant *t)
{
    /* Calls without a handle (mtrk_address_normalize, ...) leave their message
     * on the thread: mtrk_last_errmsg. */
    const char *msg = t != NULL ? mtrk_tenant_errmsg(t) : "";
    fprintf(stderr, "lifecycle: %s: %s (%d): %s\n", what, mtrk_strerror(rc), rc,
            msg[0] != '\0' ? msg : mtrk_last_errmsg());
    return rc;
}
#define TRY(what, expr)                          \
    do {                                         \
        int rc_ = (expr);                        \
        if (rc_ != MTRK_OK)                      \
            return failed((what), rc_, t);       \
    } while (0)

enum { ANA, BRUNO, CARLA, DAVI, EVA, FABIO, GABI, NCONTACTS };
static struct {
    const char *address;
    const char *name;
    mtrk_id id;
    mtrk_id mid; /* its message in the campaign, once generated */
} contacts[NCONTACTS] = {
    { "ana@example.com", "Ana", { { 0 } }, { { 0 } } },
    { "  bruno@Example.COM ", "Bruno", { { 0 } }, { { 0 } } }, /* normalized on the way in */
    { "carla@example.org", "Carla", { { 0 } }, { { 0 } } },
    { "davi@example.net", "Davi", { { 0 } }, { { 0 } } },
    { "eva@example.com", "Eva", { { 0 } }, { { 0 } } },
    { "fabio@example.org", "Fabio", { { 0 } }, { { 0 } } },
    { "gabi@example.com", "Gabi", { { 0 } }, { { 0 } } },
};

/* Starts an event of `type` for contact `who`'s message, happening at `at`. */
static void event_init(mtrk_event_input *ev, mtrk_event_type type, int who, mtrk_time at)
{
    (void)mtrk_event_input_init(ev, MTRK_EVENT_INPUT_VERSION); /* cannot fail for this version */
    ev->type = type;
    ev->mid = contacts[who].mid;
    ev->occurred_at = at;
    ev->provider = "example-esp";
}

/* Records one event and says what happened to it. */
static int record(mtrk_tenant *t, const mtrk_event_input *ev, int who, const char *note)
{
    mtrk_event_outcome outcome;
    int rc = mtrk_event_outcome_init(&outcome, MTRK_EVENT_OUTCOME_VERSION);
    if (rc == MTRK_OK)
        rc = mtrk_event_record(&outcome, t, ev);
    if (rc != MTRK_OK)
        return rc; /* the caller reports it, with the handle's message */
    printf("  %+5" PRId64 " min  %-11s %-6s %s%s\n", (ev->occurred_at - T0) / MINUTE,
           mtrk_event_type_name(ev->type), contacts[who].name,
           outcome.duplicate ? "duplicate: acknowledged, nothing changed" : "recorded", note);
    return MTRK_OK;
}

static double pct(double rate)
{
    return 100.0 * rate;
}

/* The lifecycle, on an open tenant. Returns 0 or the first failure's code. */
/* Tracking: a message rendered for its recipient (signed click URLs, the
 * open pixel, List-Unsubscribe) and a click resolved as an HTTP endpoint
 * would (see examples/tracking_endpoint.c). Kept apart from run(). */
static int show_tracking(mtrk_tenant *t)
{
    mtrk_tenant_settings st;
    TRY("mtrk_tenant_settings_init", mtrk_tenant_settings_init(&st, MTRK_TENANT_SETTINGS_VERSION));
    TRY("mtrk_tenant_settings_get", mtrk_tenant_settings_get(&st, t));
    st.tracking_base_url = "https://t.acme.example/m";
    TRY("mtrk_tenant_settings_set", mtrk_tenant_settings_set(t, &st));

    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "Tracking demo";
    spec.subject = "New arrivals";
    spec.from_address = "news@acme.example";
    spec.html = "<html><body><p>New arrivals!</p>\n<a href=\"https://acme.example/new?src=mail&amp;x=1\">See them</a>\n"
                "<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>\n</body></html>";
    spec.text = "New arrivals: https://acme.example/new?src=mail&x=1\nUnsubscribe: {{unsubscribe_url}}\n";
    mtrk_id campaign, contact, audience;
    TRY("mtrk_campaign_create", mtrk_campaign_create(&campaign, t, &spec));
    TRY("mtrk_contact_add", mtrk_contact_add(&contact, NULL, t, "gina@example.com", NULL));
    TRY("mtrk_audience_create", mtrk_audience_create(&audience, t, "Tracking demo"));
    TRY("mtrk_audience_add", mtrk_audience_add(NULL, t, audience, contact));
    TRY("mtrk_campaign_attach_audience", mtrk_campaign_attach_audience(NULL, t, campaign, audience));
    TRY("mtrk_campaign_set_status", mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SCHEDULED));
    TRY("mtrk_campaign_set_status", mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SENDING));
    TRY("mtrk_campaign_generate", mtrk_campaign_generate(NULL, t, campaign));
    mtrk_id mid;
    size_t n = 0;
    TRY("mtrk_queue_claim", mtrk_queue_claim(&mid, &n, NULL, t, campaign, 1, HOUR));
    TRY("mtrk_queue_mark_sent", mtrk_queue_mark_sent(t, mid, 0, NULL, NULL));

    mtrk_rendered r = MTRK_RENDERED_INIT;
    TRY("mtrk_message_render", mtrk_message_render(&r, t, mid));
    printf("\nrendered message\nList-Unsubscribe: %s\nList-Unsubscribe-Post: %s\n\n%s\n\n%s", r.list_unsubscribe,
           r.list_unsubscribe_post, r.html, r.text);
    mtrk_rendered_clear(&r);

    /* The endpoint receives GET {path of the click URL}. */
    mtrk_link_iter *it;
    const mtrk_link *l;
    mtrk_id lid;
    TRY("mtrk_link_iter_new", mtrk_link_iter_new(&it, t, campaign));
    TRY("mtrk_link_iter_next", mtrk_link_iter_next(&l, it));
    lid = mtrk_link_id(l);
    mtrk_link_iter_free(it);
    char *url;
    TRY("mtrk_track_url", mtrk_track_url(&url, t, MTRK_URL_CLICK, mid, lid));
    now_ms += HOUR;
    mtrk_track_request req = MTRK_TRACK_REQUEST_INIT;
    req.method = "GET";
    req.path = url + strlen("https://t.acme.example");
    req.user_agent = "Mozilla/5.0 (X11; Linux x86_64)";
    req.ip = "192.0.2.44";
    mtrk_track_result res = MTRK_TRACK_RESULT_INIT;
    int rc = mtrk_track_resolve(&res, t, &req, NULL);
    if (rc == MTRK_OK)
        printf("\nGET %s\n  -> 302 Location: %s (verdict %s)\n", req.path, res.redirect_url,
               mtrk_machine_class_name(res.machine_class));
    mtrk_free(url);
    return rc == MTRK_OK ? MTRK_OK : failed("mtrk_track_resolve", rc, t);
}

static int run(mtrk_tenant *t)
{
    int rc;

    /* 1. Contacts. Addresses are normalized; an invalid one is refused. */
    printf("contacts\n");
    for (int i = 0; i < NCONTACTS; i++) {
        mtrk_contact_spec spec = MTRK_CONTACT_SPEC_INIT;
        spec.name = contacts[i].name;
        spec.consent_at = T0 - 30 * 24 * HOUR;
        spec.consent_source = "signup-form";
        int created = 0;
        TRY("mtrk_contact_add", mtrk_contact_add(&contacts[i].id, &created, t, contacts[i].address, &spec));
        char normalized[MTRK_MAX_ADDRESS + 1];
        TRY("mtrk_address_normalize",
            mtrk_address_normalize(normalized, sizeof normalized, contacts[i].address));
        printf("  added  %-20s %s\n", normalized, created ? "(new)" : "(existing)");
    }
    {
        mtrk_id again;
        int created = 1;
        TRY("mtrk_contact_add", mtrk_contact_add(&again, &created, t, "ANA@example.com", NULL));
        printf("  added  %-20s %s\n", "ANA@example.com",
               created ? "(new)" : "(existing: the same contact as ana@example.com)");

        rc = mtrk_contact_add(&again, NULL, t, "ana at example.com", NULL);
        if (rc == MTRK_OK) {
            fprintf(stderr, "lifecycle: an invalid address was accepted\n");
            return MTRK_EINVAL;
        }
        printf("  refused \"ana at example.com\": %s (%s)\n", mtrk_tenant_errmsg(t), mtrk_strerror(rc));
    }

    /* 2. Two audiences that overlap on Davi and Eva. */
    mtrk_id newsletter, customers;
    TRY("mtrk_audience_create", mtrk_audience_create(&newsletter, t, "Newsletter"));
    TRY("mtrk_audience_create", mtrk_audience_create(&customers, t, "Customers"));
    {
        const mtrk_id news_members[] = { contacts[ANA].id, contacts[BRUNO].id, contacts[CARLA].id,
                                         contacts[DAVI].id, contacts[EVA].id };
        const mtrk_id cust_members[] = { contacts[DAVI].id, contacts[EVA].id, contacts[FABIO].id,
                                         contacts[GABI].id };
        size_t added = 0;
        TRY("mtrk_audience_add_batch", mtrk_audience_add_batch(&added, t, newsletter, news_members, 5));
        printf("\naudience Newsletter: %zu members\n", added);
        TRY("mtrk_audience_add_batch", mtrk_audience_add_batch(&added, t, customers, cust_members, 4));
        printf("audience Customers:  %zu members (Davi and Eva are in both)\n", added);
    }

    /* 3. A campaign in draft, with the three links its HTML carries. */
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "Spring launch";
    spec.objective = "sales";
    spec.subject = "Spring is here";
    spec.from_name = "ACME";
    spec.from_address = "news@acme.example";
    spec.html = "<p>Spring is here.</p><a href=\"{{link:0}}\">Shop</a> <a href=\"{{link:1}}\">Story</a> "
                "<a href=\"{{link:2}}\">Blog</a>";
    spec.text = "Spring is here. Shop: {{link:0}}";
    mtrk_id campaign;
    TRY("mtrk_campaign_create", mtrk_campaign_create(&campaign, t, &spec));

    static const struct { const char *url, *label; } link_defs[3] = {
        { "https://acme.example/shop", "shop" },
        { "https://acme.example/story", "story" },
        { "https://acme.example/blog", "blog" },
    };
    mtrk_id links[3];
    for (uint32_t i = 0; i < 3; i++)
        TRY("mtrk_link_add", mtrk_link_add(&links[i], t, campaign, link_defs[i].url, link_defs[i].label, i));

    /* 4. Target both audiences: each member receives it once. */
    TRY("mtrk_campaign_attach_audience", mtrk_campaign_attach_audience(NULL, t, campaign, newsletter));
    TRY("mtrk_campaign_attach_audience", mtrk_campaign_attach_audience(NULL, t, campaign, customers));

    /* 5. The limits: Carla's address is suppressed; Fabio left the Customers
     *    list, the only audience he would come through. */
    TRY("mtrk_suppression_add",
        mtrk_suppression_add(NULL, t, MTRK_SUPPRESS_ADDRESS, contacts[CARLA].address, "manual"));
    TRY("mtrk_unsub_add", mtrk_unsub_add(NULL, t, contacts[FABIO].id, MTRK_UNSUB_AUDIENCE, customers,
                                         MTRK_SOURCE_MANUAL));

    /* 6. draft -> scheduled -> sending (each transition audited). */
    now_ms = T0 - HOUR;
    TRY("mtrk_campaign_set_status", mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SCHEDULED));
    now_ms = T0 - MINUTE;
    TRY("mtrk_campaign_set_status", mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SENDING));

    /* 7. Generate the messages: union of the audiences minus the excluded. */
    mtrk_generate_report report;
    TRY("mtrk_generate_report_init", mtrk_generate_report_init(&report, MTRK_GENERATE_REPORT_VERSION));
    TRY("mtrk_campaign_generate", mtrk_campaign_generate(&report, t, campaign));
    printf("\ngenerate: %" PRIu64 " eligible, %" PRIu64 " created, %" PRIu64 " excluded\n", report.eligible,
           report.created, report.excluded_total);
    for (int r = 1; r < MTRK_GENERATE_REPORT_NEXCLUDED; r++)
        if (report.excluded[r] > 0)
            printf("  excluded %-20s %" PRIu64 "\n", mtrk_exclusion_name((mtrk_exclusion)r), report.excluded[r]);

    for (int i = 0; i < NCONTACTS; i++) {
        mtrk_message_info info;
        TRY("mtrk_message_info_init", mtrk_message_info_init(&info, MTRK_MESSAGE_INFO_VERSION));
        rc = mtrk_message_find(&info, t, campaign, contacts[i].id);
        if (rc == MTRK_OK)
            contacts[i].mid = info.mid;
        else if (rc != MTRK_ENOTFOUND)
            TRY("mtrk_message_find", rc);
    }

    /* 8. A sender claims the queue (a 15-minute lease) and reports each send. */
    now_ms = T0;
    mtrk_id mids[16];
    size_t claimed = 0, canceled = 0;
    TRY("mtrk_queue_claim", mtrk_queue_claim(mids, &claimed, &canceled, t, campaign, 16, 15 * MINUTE));
    for (size_t i = 0; i < claimed; i++)
        TRY("mtrk_queue_mark_sent", mtrk_queue_mark_sent(t, mids[i], T0, "example-esp", NULL));
    printf("\nqueue: %zu claimed and sent, %zu canceled at claim time\n", claimed, canceled);

    /* 9. The provider's webhooks: late, repeated, out of order. */
    printf("\nevents (minutes after sending)\n");
    now_ms = T0 + 2 * HOUR; /* arrival time of everything below */
    mtrk_event_input ev;

    event_init(&ev, MTRK_EV_DELIVERED, ANA, T0 + 1 * MINUTE);
    ev.provider_event_id = "evt-0001";
    TRY("mtrk_event_record", record(t, &ev, ANA, ""));
    event_init(&ev, MTRK_EV_DELIVERED, BRUNO, T0 + 1 * MINUTE);
    ev.provider_event_id = "evt-0002";
    TRY("mtrk_event_record", record(t, &ev, BRUNO, ""));
    event_init(&ev, MTRK_EV_DELIVERED, DAVI, T0 + 2 * MINUTE);
    ev.provider_event_id = "evt-0003";
    TRY("mtrk_event_record", record(t, &ev, DAVI, ""));

    /* A privacy proxy fetches the images: a machine open, counted apart. */
    event_init(&ev, MTRK_EV_OPEN, ANA, T0 + 2 * MINUTE);
    ev.provider_event_id = "evt-0004";
    ev.verdict = MTRK_VERDICT_MACHINE;
    ev.verdict_reason = "privacy proxy prefetch";
    TRY("mtrk_event_record", record(t, &ev, ANA, " (machine: privacy proxy prefetch)"));
    event_init(&ev, MTRK_EV_OPEN, ANA, T0 + 10 * MINUTE);
    ev.provider_event_id = "evt-0005";
    ev.user_agent = "Mozilla/5.0 (X11; Linux x86_64)";
    TRY("mtrk_event_record", record(t, &ev, ANA, ""));
    event_init(&ev, MTRK_EV_OPEN, BRUNO, T0 + 12 * MINUTE);
    ev.provider_event_id = "evt-0006";
    TRY("mtrk_event_record", record(t, &ev, BRUNO, ""));

    /* Clicks name the link (lid) that was followed. */
    event_init(&ev, MTRK_EV_CLICK, ANA, T0 + 11 * MINUTE);
    ev.provider_event_id = "evt-0007";
    ev.lid = links[0];
    TRY("mtrk_event_record", record(t, &ev, ANA, " (shop)"));
    event_init(&ev, MTRK_EV_CLICK, ANA, T0 + 13 * MINUTE);
    ev.provider_event_id = "evt-0008";
    ev.lid = links[2];
    TRY("mtrk_event_record", record(t, &ev, ANA, " (blog)"));
    event_init(&ev, MTRK_EV_CLICK, BRUNO, T0 + 14 * MINUTE);
    ev.provider_event_id = "evt-0009";
    ev.lid = links[0];
    TRY("mtrk_event_record", record(t, &ev, BRUNO, " (shop)"));
    event_init(&ev, MTRK_EV_CLICK, DAVI, T0 + 20 * MINUTE);
    ev.provider_event_id = "evt-0010";
    ev.lid = links[1];
    TRY("mtrk_event_record", record(t, &ev, DAVI, " (story; a click implies the open)"));

    /* The provider retries a webhook: same (provider, event id). */
    event_init(&ev, MTRK_EV_DELIVERED, ANA, T0 + 1 * MINUTE);
    ev.provider_event_id = "evt-0001";
    TRY("mtrk_event_record", record(t, &ev, ANA, ""));

    /* Gabi's open arrives before her delivery report: it still counts. */
    event_init(&ev, MTRK_EV_OPEN, GABI, T0 + 30 * MINUTE);
    ev.provider_event_id = "evt-0011";
    TRY("mtrk_event_record", record(t, &ev, GABI, " (before its delivered)"));
    {
        mtrk_message_info info;
        TRY("mtrk_message_info_init", mtrk_message_info_init(&info, MTRK_MESSAGE_INFO_VERSION));
        TRY("mtrk_message_get", mtrk_message_get(&info, t, contacts[GABI].mid));
        printf("                          Gabi's message: %s, delivered %s\n", mtrk_message_state_name(info.state),
               info.delivered ? "(implied by the open)" : "no");
    }
    event_init(&ev, MTRK_EV_DELIVERED, GABI, T0 + 3 * MINUTE);
    ev.provider_event_id = "evt-0012";
    TRY("mtrk_event_record", record(t, &ev, GABI, " (late)"));

    /* Eva's mailbox does not exist: the address is suppressed from now on. */
    event_init(&ev, MTRK_EV_BOUNCE, EVA, T0 + 1 * MINUTE);
    ev.provider_event_id = "evt-0013";
    ev.bounce_kind = MTRK_BOUNCE_HARD;
    ev.diagnostic = "smtp; 550 5.1.1 user unknown";
    TRY("mtrk_event_record", record(t, &ev, EVA, " (hard)"));

    /* Bruno uses the unsubscribe link (scope 0: global). */
    event_init(&ev, MTRK_EV_UNSUBSCRIBE, BRUNO, T0 + 40 * MINUTE);
    ev.provider_event_id = "evt-0014";
    ev.unsub_source = MTRK_SOURCE_LINK;
    TRY("mtrk_event_record", record(t, &ev, BRUNO, ""));

    /* Davi reports it as spam. */
    event_init(&ev, MTRK_EV_COMPLAINT, DAVI, T0 + 50 * MINUTE);
    ev.provider_event_id = "evt-0015";
    TRY("mtrk_event_record", record(t, &ev, DAVI, ""));

    /* 10. The landing page and a lead coming through Ana's message (mid). */
    mtrk_id landing_page;
    TRY("mtrk_landing_page_create",
        mtrk_landing_page_create(&landing_page, t, campaign, "Spring offer", "https://acme.example/spring"));
    {
        static const char *const keys[] = { "name", "company" };
        static const char *const values[] = { "Ana", "ACME Buyers Ltd" };
        mtrk_lead_input in;
        TRY("mtrk_lead_input_init", mtrk_lead_input_init(&in, MTRK_LEAD_INPUT_VERSION));
        in.landing_page = landing_page;
        in.lead_key = "form-0001";
        in.address = contacts[ANA].address;
        in.mid = contacts[ANA].mid;
        in.field_keys = keys;
        in.field_values = values;
        in.nfields = 2;
        in.captured_at = T0 + 15 * MINUTE;
        mtrk_lead_info lead;
        TRY("mtrk_lead_info_init", mtrk_lead_info_init(&lead, MTRK_LEAD_INFO_VERSION));
        int duplicate = 0;
        TRY("mtrk_lead_capture", mtrk_lead_capture(&lead, &duplicate, t, &in));
        printf("\nlead %s: attributed to the %s%s, fields %s\n", lead.lead_key,
               lead.attribution == MTRK_ATTR_MESSAGE     ? "message"
               : lead.attribution == MTRK_ATTR_RECIPIENT ? "recipient"
                                                          : "campaign",
               lead.forwarded ? " (forwarded)" : "", lead.fields_json);
    }

    /* 11. The dashboard: rollups kept current by every write above. */
    mtrk_metrics m;
    TRY("mtrk_metrics_init", mtrk_metrics_init(&m, MTRK_METRICS_VERSION));
    TRY("mtrk_metrics_campaign", mtrk_metrics_campaign(&m, t, campaign));
    printf("\nmetrics of \"%s\"\n", spec.name);
    const struct { const char *label; uint64_t value; } counts[] = {
        { "messages", m.messages },
        { "sent", m.sent },
        { "delivered", m.delivered },
        { "  explicit", m.delivered_explicit },
        { "bounced (hard)", m.bounced_hard },
        { "opens (events)", m.opens_total },
        { "opens (unique)", m.opens_unique },
        { "opens (unique human)", m.opens_unique_human },
        { "opens (machine)", m.opens_machine },
        { "opens (inferred)", m.opens_inferred },
        { "clicks (events)", m.clicks_total },
        { "clicks (unique)", m.clicks_unique },
        { "complaints", m.complaints },
        { "unsubscribes", m.unsubscribes },
        { "leads (attributed)", m.leads_attributed },
    };
    for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
        printf("  %-22s %6" PRIu64 "\n", counts[i].label, counts[i].value);
    const struct { const char *label; double rate; } rates[] = {
        { "delivery rate", m.delivery_rate },   { "open rate", m.open_rate },
        { "click rate", m.click_rate },         { "click-to-open rate", m.click_to_open_rate },
        { "bounce rate", m.bounce_rate },       { "complaint rate", m.complaint_rate },
        { "unsubscribe rate", m.unsubscribe_rate }, { "conversion rate", m.conversion_rate },
    };
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++)
        printf("  %-22s %6.1f %%\n", rates[i].label, pct(rates[i].rate));

    /* 12. Which call to action worked: links ranked by unique clicks. */
    mtrk_link_stats stats[3];
    mtrk_link_stats *stats_ptrs[3];
    for (int i = 0; i < 3; i++) {
        TRY("mtrk_link_stats_init", mtrk_link_stats_init(&stats[i], MTRK_LINK_STATS_VERSION));
        stats_ptrs[i] = &stats[i];
    }
    size_t nlinks = 0;
    TRY("mtrk_metrics_links", mtrk_metrics_links(stats_ptrs, 3, &nlinks, t, campaign));
    printf("\nlinks by unique clicks\n  %-4s %-6s %6s %6s  %s\n", "rank", "label", "unique", "total", "url");
    for (size_t i = 0; i < nlinks && i < 3; i++)
        printf("  %-4" PRIu32 " %-6s %6" PRIu64 " %6" PRIu64 "  %s\n", stats[i].rank,
               stats[i].label != NULL ? stats[i].label : "", stats[i].clicks_unique, stats[i].clicks,
               stats[i].url);

    return show_tracking(t);
}

/* The default database: a fixed file under the temporary directory, removed
 * (with SQLite's -wal and -shm companions) so every run starts empty. */
static const char *default_target(char *buf, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    if (tmp == NULL || tmp[0] == '\0')
        tmp = "/tmp";
    static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(buf, size, "%s/mtrk-demo.db%s", tmp, suffixes[i]);
        remove(buf);
    }
    snprintf(buf, size, "%s/mtrk-demo.db", tmp);
    return buf;
}

int main(int argc, char **argv)
{
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    char buf[4096];
    const char *target = argc > 1 ? argv[1] : default_target(buf, sizeof buf);

    /* A handle on the database (an SQLite file path opens the SQLite
     * backend, creating the file), with our clock. */
    mtrk_open_options opts = MTRK_OPEN_OPTIONS_INIT;
    opts.clock = example_clock;
    int rc = mtrk_db_open(&db, target, &opts);
    if (rc != MTRK_OK) {
        failed("mtrk_db_open", rc, NULL);
        return 1;
    }
    printf("database %s\n", target);

    /* A tenant; the actor is what the audit log records for our changes. */
    rc = mtrk_tenant_create(&t, db, "acme", "example:lifecycle");
    if (rc != MTRK_OK) {
        fprintf(stderr, "lifecycle: mtrk_tenant_create: %s: %s\n", mtrk_strerror(rc), mtrk_db_errmsg(db));
        mtrk_db_close(db);
        return 1;
    }
    printf("tenant %s opened as %s\n\n", mtrk_tenant_key(t), mtrk_tenant_actor(t));

    rc = run(t);

    /* Tenants first, then the db (both NULL-safe). */
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    if (rc == MTRK_OK && strcmp(target, "memory:") != 0)
        printf("\nexplore it: sqlite3 %s   (tables and queries: docs/schema.md)\n", target);
    return rc == MTRK_OK ? 0 : 1;
}
