/* Helpers shared by the conformance tests (see conf_util.h). */
#include "conf_util.h"

#include <stdlib.h>

mtrk_id conf_unknown_id(void)
{
    return mtrk_id_new();
}

void conf_spec(mtrk_campaign_spec *s)
{
    mtrk_campaign_spec d = MTRK_CAMPAIGN_SPEC_INIT;
    *s = d;
    s->name = "Spring sale";
    s->objective = "revenue";
    s->subject = "Everything 20% off";
    s->from_name = "Shop";
    s->from_address = "news@shop.example.com";
    s->reply_to = "help@shop.example.com";
    s->html = "<p>Hello</p>";
    s->text = "Hello";
    s->starts_at = CONF_T0;
    s->ends_at = CONF_T0 + 7 * 24 * CONF_HOUR;
}

mtrk_id conf_campaign_new(mtrk_tenant *t, const char *name)
{
    mtrk_campaign_spec s;
    mtrk_id id;
    conf_spec(&s);
    if (name != NULL)
        s.name = name;
    CONF_OK(mtrk_campaign_create(&id, t, &s));
    return id;
}

mtrk_campaign_status conf_campaign_status(mtrk_tenant *t, mtrk_id campaign)
{
    mtrk_campaign *c = NULL;
    CONF_OK(mtrk_campaign_get(&c, t, campaign));
    mtrk_campaign_status st = mtrk_campaign_status_of(c);
    mtrk_campaign_free(c);
    return st;
}

void conf_campaign_to(mtrk_tenant *t, mtrk_id campaign, mtrk_campaign_status status)
{
    switch (status) {
    case MTRK_CAMPAIGN_DRAFT:
        break;
    case MTRK_CAMPAIGN_SCHEDULED:
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SCHEDULED));
        break;
    case MTRK_CAMPAIGN_SENDING:
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SCHEDULED));
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SENDING));
        break;
    case MTRK_CAMPAIGN_SENT:
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SCHEDULED));
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SENDING));
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SENT));
        break;
    case MTRK_CAMPAIGN_PAUSED:
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SCHEDULED));
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_SENDING));
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_PAUSED));
        break;
    case MTRK_CAMPAIGN_CANCELED:
        CONF_OK(mtrk_campaign_set_status(t, campaign, MTRK_CAMPAIGN_CANCELED));
        break;
    default:
        fail_msg("conf_campaign_to: bad status %d", (int)status);
    }
    assert_int_equal(conf_campaign_status(t, campaign), status);
}

mtrk_id conf_contact_new(mtrk_tenant *t, const char *address)
{
    mtrk_id id;
    CONF_OK(mtrk_contact_add(&id, NULL, t, address, NULL));
    return id;
}

mtrk_id conf_audience_new(mtrk_tenant *t, const char *name)
{
    mtrk_id id;
    CONF_OK(mtrk_audience_create(&id, t, name));
    return id;
}

void conf_member(mtrk_tenant *t, mtrk_id audience, mtrk_id contact)
{
    CONF_OK(mtrk_audience_add(NULL, t, audience, contact));
}

void conf_attach(mtrk_tenant *t, mtrk_id campaign, mtrk_id audience)
{
    CONF_OK(mtrk_campaign_attach_audience(NULL, t, campaign, audience));
}

mtrk_id conf_link_new(mtrk_tenant *t, mtrk_id campaign, const char *url, uint32_t position)
{
    mtrk_id lid;
    CONF_OK(mtrk_link_add(&lid, t, campaign, url, "cta", position));
    return lid;
}

mtrk_message_info conf_msg(mtrk_tenant *t, mtrk_id mid)
{
    mtrk_message_info m;
    CONF_INIT(m, MTRK_MESSAGE_INFO_VERSION);
    CONF_OK(mtrk_message_get(&m, t, mid));
    return m;
}

mtrk_message_info conf_msg_of(mtrk_tenant *t, mtrk_id campaign, mtrk_id contact)
{
    mtrk_message_info m;
    CONF_INIT(m, MTRK_MESSAGE_INFO_VERSION);
    CONF_OK(mtrk_message_find(&m, t, campaign, contact));
    return m;
}

int conf_has_msg(mtrk_tenant *t, mtrk_id campaign, mtrk_id contact)
{
    mtrk_message_info m;
    CONF_INIT(m, MTRK_MESSAGE_INFO_VERSION);
    int rc = mtrk_message_find(&m, t, campaign, contact);
    if (rc == MTRK_ENOTFOUND)
        return 0;
    CONF_OK(rc);
    return 1;
}

mtrk_contact_status conf_contact_status(mtrk_tenant *t, mtrk_id contact)
{
    mtrk_contact *c = NULL;
    CONF_OK(mtrk_contact_get(&c, t, contact));
    mtrk_contact_status st = mtrk_contact_status_of(c);
    mtrk_contact_free(c);
    return st;
}

mtrk_metrics conf_metrics(mtrk_tenant *t, mtrk_id campaign)
{
    mtrk_metrics m;
    CONF_INIT(m, MTRK_METRICS_VERSION);
    CONF_OK(mtrk_metrics_campaign(&m, t, campaign));
    return m;
}

#define CONF_FIELD_U(f)                                                              \
    if (expected->f != got->f)                                                       \
        fail_msg("metrics." #f ": expected %llu, got %llu",                          \
                 (unsigned long long)expected->f, (unsigned long long)got->f)
#define CONF_FIELD_D(f)                                                              \
    if (!(expected->f - got->f < 1e-9 && got->f - expected->f < 1e-9))              \
        fail_msg("metrics." #f ": expected %.9f, got %.9f", expected->f, got->f)

void conf_metrics_assert_equal(const mtrk_metrics *expected, const mtrk_metrics *got)
{
    CONF_FIELD_U(messages);
    CONF_FIELD_U(canceled);
    CONF_FIELD_U(sent);
    CONF_FIELD_U(delivered);
    CONF_FIELD_U(delivered_explicit);
    CONF_FIELD_U(bounced_hard);
    CONF_FIELD_U(bounced_soft);
    CONF_FIELD_U(complaints);
    CONF_FIELD_U(unsubscribes);
    CONF_FIELD_U(opens_total);
    CONF_FIELD_U(opens_unique);
    CONF_FIELD_U(opens_unique_human);
    CONF_FIELD_U(opens_machine);
    CONF_FIELD_U(opens_inferred);
    CONF_FIELD_U(clicks_total);
    CONF_FIELD_U(clicks_unique);
    CONF_FIELD_U(clicks_unique_human);
    CONF_FIELD_U(clicks_machine);
    CONF_FIELD_U(leads_total);
    CONF_FIELD_U(leads_attributed);
    CONF_FIELD_U(leads_forwarded);
    CONF_FIELD_D(delivery_rate);
    CONF_FIELD_D(open_rate);
    CONF_FIELD_D(click_rate);
    CONF_FIELD_D(click_to_open_rate);
    CONF_FIELD_D(bounce_rate);
    CONF_FIELD_D(complaint_rate);
    CONF_FIELD_D(unsubscribe_rate);
    CONF_FIELD_D(conversion_rate);
}

void conf_ev_init(mtrk_event_input *in, mtrk_event_type type, mtrk_id mid, mtrk_time at)
{
    mtrk_event_input d;
    CONF_INIT(d, MTRK_EVENT_INPUT_VERSION);
    *in = d;
    in->type = type;
    in->mid = mid;
    in->occurred_at = at;
}

int conf_record_batch(size_t *recorded, mtrk_event_outcome *oc, mtrk_tenant *t, const mtrk_event_input *in, size_t n)
{
    const mtrk_event_input **ev = malloc((n ? n : 1) * sizeof *ev);
    mtrk_event_outcome **out = malloc((n ? n : 1) * sizeof *out);
    assert_non_null(ev);
    assert_non_null(out);
    for (size_t i = 0; i < n; i++) {
        CONF_INIT(oc[i], MTRK_EVENT_OUTCOME_VERSION);
        ev[i] = &in[i];
        out[i] = &oc[i];
    }
    size_t got = 0;
    int rc = mtrk_event_record_batch(&got, out, t, ev, n);
    if (recorded)
        *recorded = got;
    free(ev);
    free(out);
    return rc;
}

int conf_ev(mtrk_event_outcome *out, mtrk_tenant *t, mtrk_event_type type, mtrk_id mid, mtrk_time at)
{
    mtrk_event_input in;
    conf_ev_init(&in, type, mid, at);
    return mtrk_event_record(out, t, &in);
}

int conf_click(mtrk_event_outcome *out, mtrk_tenant *t, mtrk_id mid, mtrk_id lid, mtrk_time at)
{
    mtrk_event_input in;
    conf_ev_init(&in, MTRK_EV_CLICK, mid, at);
    in.lid = lid;
    return mtrk_event_record(out, t, &in);
}

int conf_bounce(mtrk_event_outcome *out, mtrk_tenant *t, mtrk_id mid, mtrk_bounce_kind kind, mtrk_time at)
{
    mtrk_event_input in;
    conf_ev_init(&in, MTRK_EV_BOUNCE, mid, at);
    in.bounce_kind = kind;
    return mtrk_event_record(out, t, &in);
}

uint32_t conf_event_effects(mtrk_tenant *t, mtrk_id mid, mtrk_id event_id)
{
    mtrk_event_iter *it = NULL;
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    int rc, found = 0;
    uint32_t effects = 0;
    CONF_OK(mtrk_event_iter_message(&it, t, mid));
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK) {
        if (mtrk_id_compare(e.id, event_id) == 0) {
            effects = e.effects;
            found = 1;
        }
    }
    mtrk_event_iter_free(it);
    assert_int_equal(rc, MTRK_ITEROVER);
    if (!found)
        fail_msg("event not found among its message's events");
    return effects;
}

size_t conf_count_message_events(mtrk_tenant *t, mtrk_id mid)
{
    mtrk_event_iter *it = NULL;
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_event_iter_message(&it, t, mid));
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK)
        n++;
    mtrk_event_iter_free(it);
    assert_int_equal(rc, MTRK_ITEROVER);
    return n;
}

size_t conf_count_campaign_events(mtrk_tenant *t, mtrk_id campaign)
{
    mtrk_event_iter *it = NULL;
    mtrk_event_info e;
    CONF_INIT(e, MTRK_EVENT_INFO_VERSION);
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_event_iter_campaign(&it, t, campaign, 0, 0, 0));
    while ((rc = mtrk_event_iter_next(&e, it)) == MTRK_OK)
        n++;
    mtrk_event_iter_free(it);
    assert_int_equal(rc, MTRK_ITEROVER);
    return n;
}

size_t conf_count_audit(mtrk_tenant *t, const char *action, mtrk_id entity)
{
    mtrk_audit_iter *it = NULL;
    const mtrk_audit_entry *e;
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_audit_iter_new(&it, t));
    while ((rc = mtrk_audit_iter_next(&e, it)) == MTRK_OK) {
        if (strcmp(mtrk_audit_action(e), action) != 0)
            continue;
        if (!mtrk_id_is_nil(entity) && mtrk_id_compare(mtrk_audit_entity(e), entity) != 0)
            continue;
        n++;
    }
    mtrk_audit_iter_free(it);
    assert_int_equal(rc, MTRK_ITEROVER);
    return n;
}

size_t conf_count_campaigns(mtrk_tenant *t)
{
    mtrk_campaign_iter *it = NULL;
    const mtrk_campaign *c;
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_campaign_iter_new(&it, t));
    while ((rc = mtrk_campaign_iter_next(&c, it)) == MTRK_OK)
        n++;
    mtrk_campaign_iter_free(it);
    assert_int_equal(rc, MTRK_ITEROVER);
    return n;
}

int conf_has_unsub(mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id,
                   mtrk_source *source)
{
    mtrk_unsub_iter *it = NULL;
    const mtrk_unsub *u;
    int rc, found = 0;
    CONF_OK(mtrk_unsub_iter_new(&it, t, contact));
    while ((rc = mtrk_unsub_iter_next(&u, it)) == MTRK_OK) {
        if (mtrk_unsub_scope_of(u) == scope && mtrk_id_compare(mtrk_unsub_scope_id(u), scope_id) == 0) {
            found = 1;
            if (source)
                *source = mtrk_unsub_source(u);
        }
    }
    mtrk_unsub_iter_free(it);
    assert_int_equal(rc, MTRK_ITEROVER);
    return found;
}

mtrk_suppression_kind conf_suppressed(mtrk_tenant *t, const char *address)
{
    mtrk_suppression_kind k = 0;
    CONF_OK(mtrk_suppression_check(&k, t, address));
    return k;
}

void conf_scn_build(conf_scn *s, mtrk_tenant *t, const char *prefix, size_t n, size_t nlinks, int send)
{
    char addr[128], url[128];
    memset(s, 0, sizeof *s);
    assert_true(nlinks <= 8);
    s->n = n;
    s->nlinks = nlinks;
    s->contacts = calloc(n ? n : 1, sizeof *s->contacts);
    s->mids = calloc(n ? n : 1, sizeof *s->mids);
    assert_non_null(s->contacts);
    assert_non_null(s->mids);
    snprintf(addr, sizeof addr, "%s campaign", prefix);
    s->campaign = conf_campaign_new(t, addr);
    for (size_t i = 0; i < nlinks; i++) {
        snprintf(url, sizeof url, "https://shop.example.com/%s/l%zu", prefix, i);
        s->lids[i] = conf_link_new(t, s->campaign, url, (uint32_t)i);
    }
    s->audience = conf_audience_new(t, prefix);
    for (size_t i = 0; i < n; i++) {
        snprintf(addr, sizeof addr, "%s%zu@example.com", prefix, i);
        s->contacts[i] = conf_contact_new(t, addr);
    }
    if (n)
        CONF_OK(mtrk_audience_add_batch(NULL, t, s->audience, s->contacts, n));
    conf_attach(t, s->campaign, s->audience);
    conf_campaign_to(t, s->campaign, MTRK_CAMPAIGN_SENDING);
    mtrk_generate_report r = MTRK_GENERATE_REPORT_INIT;
    CONF_OK(mtrk_campaign_generate(&r, t, s->campaign));
    assert_int_equal(r.created, n);
    for (size_t i = 0; i < n; i++)
        s->mids[i] = conf_msg_of(t, s->campaign, s->contacts[i]).mid;
    if (send && n) {
        mtrk_id *claimed = calloc(n, sizeof *claimed);
        size_t got = 0;
        assert_non_null(claimed);
        CONF_OK(mtrk_queue_claim(claimed, &got, NULL, t, s->campaign, n, CONF_HOUR));
        assert_int_equal(got, n);
        for (size_t i = 0; i < n; i++)
            CONF_OK(mtrk_queue_mark_sent(t, s->mids[i], conf_clock_now(), NULL, NULL));
        free(claimed);
    }
}

void conf_scn_free(conf_scn *s)
{
    free(s->contacts);
    free(s->mids);
    s->contacts = s->mids = NULL;
}

void conf_report_consistent(const mtrk_generate_report *r)
{
    uint64_t sum = 0;
    assert_int_equal(r->eligible, r->created + r->already_present);
    for (int i = 1; i < MTRK_GENERATE_REPORT_NEXCLUDED; i++)
        sum += r->excluded[i];
    assert_int_equal(sum, r->excluded_total);
    assert_int_equal(r->excluded[MTRK_EXCL_NOT_IN_AUDIENCE], 0);
    assert_int_equal(r->excluded[MTRK_EXCL_CAMPAIGN_CANCELED], 0);
}

char *conf_str(size_t n, char c)
{
    char *p = malloc(n + 1);
    assert_non_null(p);
    memset(p, c, n);
    p[n] = '\0';
    return p;
}
