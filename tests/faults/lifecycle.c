#include "lifecycle.h"

#include <stdio.h>
#include <string.h>

mtrk_time lc_clock(void *ud)
{
    return ((lc_world *)ud)->now;
}

static int step_tenant(lc_world *w)
{
    mtrk_tenant *t = NULL;
    int rc = mtrk_tenant_create(&t, w->db, "acme", "test:faults");
    if (rc == MTRK_OK)
        w->t = t;
    return rc;
}
static int step_settings(lc_world *w)
{
    mtrk_tenant_settings s = MTRK_TENANT_SETTINGS_INIT;
    s.tracking_base_url = "https://t.example.com";
    s.soft_bounce_threshold = 2;
    return mtrk_tenant_settings_set(w->t, &s);
}
static int step_contacts(lc_world *w)
{
    static const char *const addrs[] = { "a@example.com", "b@example.com", "c@example.org",
                                         "d@example.org", "e@example.net", "f@example.net" };
    int rc = mtrk_contact_add(&w->contacts[w->sub], NULL, w->t, addrs[w->sub], NULL);
    if (rc == MTRK_OK)
        w->more = ++w->sub < 6;
    return rc;
}
static int step_field(lc_world *w) { return mtrk_contact_set_field(w->t, w->contacts[0], "plan", "gold"); }
static int step_audience(lc_world *w) { return mtrk_audience_create(&w->audience, w->t, "list"); }
static int step_members(lc_world *w) { return mtrk_audience_add_batch(NULL, w->t, w->audience, w->contacts, 6); }
static int step_campaign(lc_world *w)
{
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = "launch";
    s.subject = "Hello";
    s.from_address = "news@example.com";
    s.html = "<p>hi <a href=\"https://example.com/buy\">buy</a></p>";
    return mtrk_campaign_create(&w->campaign, w->t, &s);
}
static int step_link(lc_world *w)
{
    return mtrk_link_add(&w->link, w->t, w->campaign, "https://example.com/buy", "Buy", 0);
}
static int step_attach(lc_world *w) { return mtrk_campaign_attach_audience(NULL, w->t, w->campaign, w->audience); }
static int step_suppress(lc_world *w)
{
    return mtrk_suppression_add(NULL, w->t, MTRK_SUPPRESS_ADDRESS, "f@example.net", "manual");
}
static int step_unsub(lc_world *w)
{
    return mtrk_unsub_add(NULL, w->t, w->contacts[4], MTRK_UNSUB_CAMPAIGN, w->campaign, MTRK_SOURCE_MANUAL);
}
static int step_generate(lc_world *w)
{
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    return mtrk_campaign_generate(&r, w->t, w->campaign);
}
static int step_schedule(lc_world *w) { return mtrk_campaign_set_status(w->t, w->campaign, MTRK_CAMPAIGN_SCHEDULED); }
static int step_sending(lc_world *w) { return mtrk_campaign_set_status(w->t, w->campaign, MTRK_CAMPAIGN_SENDING); }
static int step_claim(lc_world *w)
{
    return mtrk_queue_claim(w->claimed, &w->nclaimed, NULL, w->t, w->campaign, 8, 60000);
}
static int step_mark_sent(lc_world *w)
{
    int rc = mtrk_queue_mark_sent(w->t, w->claimed[w->sub], 0, "sim", NULL);
    if (rc == MTRK_OK)
        w->more = ++w->sub < w->nclaimed;
    return rc;
}
/* One batch with every effect: delivery, open, click, a duplicate, a hard
 * bounce (suppression), a complaint, an unsubscribe, and one refused item. */
static int step_events(lc_world *w)
{
    mtrk_event_input in[8];
    mtrk_event_outcome out[8];
    const mtrk_event_input *pin[8];
    mtrk_event_outcome *pout[8];
    for (int i = 0; i < 8; i++) {
        mtrk_event_input z = MTRK_EVENT_INPUT_INIT;
        mtrk_event_outcome o = MTRK_EVENT_OUTCOME_INIT;
        in[i] = z;
        out[i] = o;
        pin[i] = &in[i];
        pout[i] = &out[i];
        in[i].occurred_at = LC_T0 + 3600000 + i;
    }
    in[0].type = MTRK_EV_DELIVERED; in[0].mid = w->claimed[0];
    in[0].provider = "sim"; in[0].provider_event_id = "e0";
    in[1].type = MTRK_EV_OPEN; in[1].mid = w->claimed[0]; in[1].ip = "192.0.2.1"; in[1].user_agent = "UA";
    in[2].type = MTRK_EV_CLICK; in[2].mid = w->claimed[0]; in[2].lid = w->link;
    in[3].type = MTRK_EV_DELIVERED; in[3].mid = w->claimed[0];
    in[3].provider = "sim"; in[3].provider_event_id = "e0"; /* duplicate */
    in[4].type = MTRK_EV_BOUNCE; in[4].mid = w->claimed[1]; in[4].bounce_kind = MTRK_BOUNCE_HARD;
    in[5].type = MTRK_EV_COMPLAINT; in[5].mid = w->claimed[2];
    in[6].type = MTRK_EV_UNSUBSCRIBE; in[6].mid = w->claimed[3];
    in[7].type = MTRK_EV_CLICK; in[7].mid = w->claimed[3]; /* no lid: refused alone */
    return mtrk_event_record_batch(NULL, pout, w->t, pin, 8);
}
static int step_soft_bounce(lc_world *w)
{
    mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
    in.type = MTRK_EV_BOUNCE;
    in.bounce_kind = MTRK_BOUNCE_SOFT;
    in.mid = w->claimed[0];
    in.occurred_at = LC_T0 + 7200000;
    return mtrk_event_record(NULL, w->t, &in);
}
/* The guards judge from one sent message: the bounces above pause the tenant. */
static int step_rep_settings(lc_world *w)
{
    mtrk_reputation_settings s = MTRK_REPUTATION_SETTINGS_INIT;
    s.min_sent = 1;
    s.bounce_warn = 0.000001;
    s.bounce_pause = 0.000001;
    return mtrk_reputation_settings_set(w->t, &s);
}
static int step_rep_check(lc_world *w) { return mtrk_reputation_check(NULL, w->t); }
static int step_rep_resume(lc_world *w) { return mtrk_reputation_resume(NULL, w->t, NULL); }
static int step_policy(lc_world *w)
{
    mtrk_bounce_policy p = MTRK_BOUNCE_POLICY_INIT;
    p.reason = MTRK_BR_MAILBOX_FULL;
    p.action = MTRK_BOUNCE_ACTION_SUPPRESS;
    return mtrk_bounce_policy_set(w->t, &p);
}
static int step_bounce_record(lc_world *w)
{
    mtrk_bounce_recipient r = MTRK_BOUNCE_RECIPIENT_INIT;
    r.mid = w->claimed[0];
    r.reason = MTRK_BR_MAILBOX_FULL;
    r.kind = MTRK_BOUNCE_SOFT;
    r.diagnostic = "452 4.2.2 mailbox full";
    return mtrk_bounce_record(NULL, NULL, w->t, &r, LC_T0 + 7300000, "dsn", "dsn-1");
}
static int step_expiry(lc_world *w) { return mtrk_bounce_expiry_set(w->t, INT64_C(86400000)); }
static int step_expire(lc_world *w)
{
    w->now = LC_T0 + INT64_C(3) * 86400000;
    return mtrk_suppression_expire(NULL, w->t);
}
static int step_landing(lc_world *w)
{
    return mtrk_landing_page_create(&w->landing, w->t, w->campaign, "Offer", "https://example.com/offer");
}
static int step_lead(lc_world *w)
{
    mtrk_lead_input in = MTRK_LEAD_INPUT_INIT;
    in.landing_page = w->landing;
    in.lead_key = "lead-1";
    in.address = "friend@example.com";
    in.mid = w->claimed[0];
    return mtrk_lead_capture(NULL, NULL, w->t, &in);
}
static int step_metrics(lc_world *w)
{
    mtrk_metrics m = MTRK_METRICS_INIT;
    return mtrk_metrics_campaign(&m, w->t, w->campaign);
}
static int step_resubscribe(lc_world *w)
{
    return mtrk_unsub_remove(w->t, w->contacts[4], MTRK_UNSUB_CAMPAIGN, w->campaign);
}
static int step_rebuild(lc_world *w) { return mtrk_metrics_rebuild(w->t); }
static int step_erase(lc_world *w) { return mtrk_contact_erase(w->t, w->contacts[0]); }
static int step_retention(lc_world *w)
{
    w->now = LC_T0 + INT64_C(400) * 86400000;
    return mtrk_retention_apply(NULL, w->t);
}

const lc_step lc_steps[] = {
    { "tenant_create", step_tenant },       { "tenant_settings_set", step_settings },
    { "contact_add", step_contacts },       { "contact_set_field", step_field },
    { "audience_create", step_audience },   { "audience_add_batch", step_members },
    { "campaign_create", step_campaign },   { "link_add", step_link },
    { "campaign_attach_audience", step_attach }, { "suppression_add", step_suppress },
    { "unsub_add", step_unsub },            { "campaign_generate", step_generate },
    { "set_status scheduled", step_schedule }, { "set_status sending", step_sending },
    { "queue_claim", step_claim },          { "queue_mark_sent", step_mark_sent },
    { "event_record_batch", step_events },  { "event_record soft bounce", step_soft_bounce },
    { "reputation_settings_set", step_rep_settings }, { "reputation_check", step_rep_check },
    { "reputation_resume", step_rep_resume }, { "bounce_policy_set", step_policy },
    { "bounce_record", step_bounce_record },
    { "landing_page_create", step_landing }, { "lead_capture", step_lead },
    { "metrics_campaign", step_metrics },   { "unsub_remove", step_resubscribe },
    { "metrics_rebuild", step_rebuild },    { "contact_erase", step_erase },
    { "bounce_expiry_set", step_expiry },   { "suppression_expire", step_expire },
    { "retention_apply", step_retention },
};
const size_t lc_nsteps = sizeof lc_steps / sizeof lc_steps[0];

int lc_check_rollups(lc_world *w)
{
    mtrk_metrics m1 = MTRK_METRICS_INIT, m2 = MTRK_METRICS_INIT;
    int rc = mtrk_metrics_campaign(&m1, w->t, w->campaign);
    if (rc == MTRK_OK)
        rc = mtrk_metrics_rebuild(w->t);
    if (rc == MTRK_OK)
        rc = mtrk_metrics_campaign(&m2, w->t, w->campaign);
    if (rc != MTRK_OK) {
        fprintf(stderr, "rollup check: %s: %s\n", mtrk_strerror(rc), mtrk_tenant_errmsg(w->t));
        return -1;
    }
    if (memcmp(&m1, &m2, sizeof m1) != 0 || m1.sent < 4) {
        fprintf(stderr, "rollups differ from a rebuild (sent %llu vs %llu)\n", (unsigned long long)m1.sent,
                (unsigned long long)m2.sent);
        return -1;
    }
    return 0;
}

int lc_is_rebuild(size_t s) { return s < lc_nsteps && strcmp(lc_steps[s].name, "metrics_rebuild") == 0; }
