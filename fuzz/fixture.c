#include "fixture.h"

#include <string.h>

#define OK(call)                                                                              \
    do {                                                                                      \
        int rc_ = (call);                                                                     \
        FUZZ_CHECK(rc_ == MTRK_OK, "fixture: %s: %s", mtrk_strerror(rc_), mtrk_last_errmsg()); \
    } while (0)

static mtrk_time fx_now;

mtrk_time fixture_clock(void *ud)
{
    (void)ud;
    fx_now += 1000;
    return fx_now;
}

static const char *const link_urls[FX_LINKS] = { "https://acme.example/sale?x=1&y=2", "https://acme.example/about" };

static void build_tenant(fixture *f, mtrk_tenant *t, const char *base, const char *domain, mtrk_id *mids,
                         mtrk_id *lids, mtrk_id *contacts, mtrk_id *campaign, mtrk_id *audience, mtrk_id *landing,
                         fx_url *urls, size_t *nurls)
{
    (void)f;
    mtrk_tenant_settings st;
    OK(mtrk_tenant_settings_init(&st, MTRK_TENANT_SETTINGS_VERSION));
    OK(mtrk_tenant_settings_get(&st, t));
    st.tracking_base_url = base;
    OK(mtrk_tenant_settings_set(t, &st));
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "Spring sale";
    spec.subject = "Hello {{name}}";
    spec.from_address = "news@acme.example";
    spec.html = "<html><body><p><a href=\"https://acme.example/sale?x=1&amp;y=2\">Sale</a> "
                "<a href='https://acme.example/about'>About</a></p>"
                "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p></body></html>";
    spec.text = "Sale: https://acme.example/sale?x=1&y=2";
    OK(mtrk_campaign_create(campaign, t, &spec));
    OK(mtrk_landing_page_create(landing, t, *campaign, "Signup", "https://acme.example/signup"));
    OK(mtrk_audience_create(audience, t, "All"));
    static const char *const names[FX_CONTACTS] = { "hana", "ivo", "jun" };
    for (int i = 0; i < FX_CONTACTS; i++) {
        char addr[64];
        snprintf(addr, sizeof addr, "%s@%s", names[i], domain);
        OK(mtrk_contact_add(&contacts[i], NULL, t, addr, NULL));
        OK(mtrk_audience_add(NULL, t, *audience, contacts[i]));
    }
    OK(mtrk_campaign_attach_audience(NULL, t, *campaign, *audience));
    OK(mtrk_campaign_set_status(t, *campaign, MTRK_CAMPAIGN_SCHEDULED));
    OK(mtrk_campaign_set_status(t, *campaign, MTRK_CAMPAIGN_SENDING));
    OK(mtrk_campaign_generate(NULL, t, *campaign));
    size_t n = 0;
    OK(mtrk_queue_claim(mids, &n, NULL, t, *campaign, FX_CONTACTS, 3600000));
    FUZZ_CHECK(n == FX_CONTACTS, "fixture: claimed %zu messages", n);
    for (int i = 0; i < FX_CONTACTS; i++)
        OK(mtrk_queue_mark_sent(t, mids[i], 0, "esp", NULL));
    mtrk_link_iter *it;
    const mtrk_link *l;
    OK(mtrk_link_iter_new(&it, t, *campaign));
    size_t k = 0;
    while (k < FX_LINKS && mtrk_link_iter_next(&l, it) == MTRK_OK)
        lids[k++] = mtrk_link_id(l);
    mtrk_link_iter_free(it);
    FUZZ_CHECK(k == FX_LINKS, "fixture: %zu links", k);
    size_t baselen = strlen(base);
    *nurls = 0;
    for (int i = 0; i < FX_CONTACTS; i++) {
        for (int kind = MTRK_URL_OPEN; kind <= MTRK_URL_LANDING + FX_LINKS - 1; kind++) {
            fx_url *u = &urls[(*nurls)++];
            memset(u, 0, sizeof *u);
            u->kind = kind > MTRK_URL_LANDING ? MTRK_URL_CLICK : (mtrk_url_kind)kind;
            u->mid = mids[i];
            if (kind == MTRK_URL_CLICK)
                u->lid = lids[0];
            else if (kind > MTRK_URL_LANDING)
                u->lid = lids[kind - MTRK_URL_LANDING];
            OK(mtrk_track_url(&u->url, t, u->kind, u->mid, u->lid));
            u->path = u->url + baselen;
            const char *s = u->url + strlen(u->url);
            for (int seg = 0; seg < 3; seg++) {
                do
                    s--;
                while (*s != '/');
            }
            u->tail = s;
        }
    }
}

void fixture_open(fixture *f)
{
    memset(f, 0, sizeof *f);
    fx_now = 1767225600000; /* 2026-01-01 */
    mtrk_open_options o = MTRK_OPEN_OPTIONS_INIT;
    o.clock = fixture_clock;
    OK(mtrk_db_open(&f->db, "memory:", &o));
    OK(mtrk_tenant_create(&f->t, f->db, "acme", "fuzz"));
    OK(mtrk_tenant_create(&f->other, f->db, "globex", "fuzz"));
    for (int i = 0; i < FX_LINKS; i++)
        f->link_urls[i] = link_urls[i];
    build_tenant(f, f->t, "https://t.acme.example/t", "example.com", f->mids, f->lids, f->contacts, &f->campaign,
                 &f->audience, &f->landing, f->urls, &f->nurls);
    mtrk_id mids[FX_CONTACTS], lids[FX_LINKS], contacts[FX_CONTACTS], c, a, l;
    build_tenant(f, f->other, "https://t.globex.example/t", "example.org", mids, lids, contacts, &c, &a, &l,
                 f->other_urls, &f->nother);
}

void fixture_close(fixture *f)
{
    for (size_t i = 0; i < f->nurls; i++)
        mtrk_free(f->urls[i].url);
    for (size_t i = 0; i < f->nother; i++)
        mtrk_free(f->other_urls[i].url);
    mtrk_tenant_close(f->t);
    mtrk_tenant_close(f->other);
    mtrk_db_close(f->db);
    memset(f, 0, sizeof *f);
}

uint64_t fixture_recorded(fixture *f)
{
    uint64_t n = 0;
    for (int i = 0; i < FX_CONTACTS; i++) {
        mtrk_event_iter *it;
        OK(mtrk_event_iter_message(&it, f->t, f->mids[i]));
        mtrk_event_info e;
        mtrk_event_info_init(&e, MTRK_EVENT_INFO_VERSION);
        while (mtrk_event_iter_next(&e, it) == MTRK_OK)
            n++;
        mtrk_event_iter_free(it);
        mtrk_unsub_iter *ui;
        const mtrk_unsub *u;
        OK(mtrk_unsub_iter_new(&ui, f->t, f->contacts[i]));
        while (mtrk_unsub_iter_next(&u, ui) == MTRK_OK)
            n++;
        mtrk_unsub_iter_free(ui);
    }
    return n;
}

static int suppressed(mtrk_tenant *t, mtrk_id contact, int *erased, int *status)
{
    mtrk_contact *c;
    int rc = mtrk_contact_get(&c, t, contact);
    FUZZ_CHECK(rc == MTRK_OK, "contact of a message not found (%d)", rc);
    *status = mtrk_contact_status_of(c);
    *erased = *status == MTRK_CONTACT_ERASED;
    int sup = 1;
    if (!*erased && mtrk_contact_address(c)) {
        mtrk_suppression_kind kind;
        rc = mtrk_suppression_check(&kind, t, mtrk_contact_address(c));
        FUZZ_CHECK(rc == MTRK_OK || rc == MTRK_ENOTFOUND, "suppression_check %d", rc);
        sup = rc == MTRK_OK;
    }
    mtrk_contact_free(c);
    return sup;
}

static int has_global_unsub(mtrk_tenant *t, mtrk_id contact)
{
    mtrk_unsub_iter *it;
    const mtrk_unsub *u;
    int found = 0;
    if (mtrk_unsub_iter_new(&it, t, contact) != MTRK_OK)
        return 1; /* erased contact: nothing to look at */
    while (mtrk_unsub_iter_next(&u, it) == MTRK_OK)
        found |= mtrk_unsub_scope_of(u) == MTRK_UNSUB_GLOBAL;
    mtrk_unsub_iter_free(it);
    return found;
}

void check_invariants(mtrk_tenant *t, const mtrk_id *campaigns, size_t ncampaigns, const mtrk_id *mids, size_t nmids,
                      int manual_status, int unsuppressed, int resubscribed)
{
    for (size_t i = 0; i < ncampaigns; i++) {
        mtrk_metrics a, b;
        mtrk_metrics_init(&a, MTRK_METRICS_VERSION);
        mtrk_metrics_init(&b, MTRK_METRICS_VERSION);
        int rc = mtrk_metrics_campaign(&a, t, campaigns[i]);
        if (rc == MTRK_ENOTFOUND)
            continue;
        FUZZ_CHECK(rc == MTRK_OK, "metrics %d: %s", rc, mtrk_tenant_errmsg(t));
        OK(mtrk_metrics_rebuild(t));
        OK(mtrk_metrics_campaign(&b, t, campaigns[i]));
        FUZZ_CHECK(memcmp(&a, &b, sizeof a) == 0, "campaign %zu: metrics differ from a rebuild", i);
    }
    for (size_t i = 0; i < nmids; i++) {
        mtrk_message_info m;
        mtrk_message_info_init(&m, MTRK_MESSAGE_INFO_VERSION);
        if (mtrk_message_get(&m, t, mids[i]) != MTRK_OK)
            continue;
        mtrk_event_iter *it;
        OK(mtrk_event_iter_message(&it, t, mids[i]));
        mtrk_event_info e;
        mtrk_event_info_init(&e, MTRK_EVENT_INFO_VERSION);
        while (mtrk_event_iter_next(&e, it) == MTRK_OK) {
            int erased, status;
            if (e.type == MTRK_EV_BOUNCE && e.bounce_kind == MTRK_BOUNCE_HARD) {
                FUZZ_CHECK(e.effects & MTRK_EFFECT_HARD_BOUNCE, "hard bounce without its effect (0x%x)", e.effects);
                FUZZ_CHECK(m.state == MTRK_MSG_BOUNCED || m.state == MTRK_MSG_CANCELED,
                           "message of a hard bounce in state %d", m.state);
            }
            if ((e.effects & MTRK_EFFECT_HARD_BOUNCE) || e.type == MTRK_EV_COMPLAINT) {
                int sup = suppressed(t, m.contact, &erased, &status);
                if (!manual_status)
                    FUZZ_CHECK(status != MTRK_CONTACT_ACTIVE, "contact of a %s still active",
                               mtrk_event_type_name(e.type));
                if (!unsuppressed)
                    FUZZ_CHECK(sup, "address of a %s not suppressed", mtrk_event_type_name(e.type));
                if (e.type == MTRK_EV_COMPLAINT && !resubscribed && !erased)
                    FUZZ_CHECK(has_global_unsub(t, m.contact), "complaint without a global unsubscribe");
            }
        }
        mtrk_event_iter_free(it);
    }
}

fixture *fixture_shared(void)
{
    static fixture f;
    static unsigned uses;
    if (uses++ % FX_REUSE == 0) {
        if (f.db)
            fixture_close(&f);
        fixture_open(&f);
    }
    return &f;
}
