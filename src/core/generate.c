/* Eligibility (the one statement of the rule) and message generation. */
#include "campaign_area.h"

#include <stdlib.h>
#include <string.h>

MTRK_API const char *mtrk_exclusion_name(mtrk_exclusion reason)
{
    static const char *const names[MTRK_EXCL_COUNT] = {
        "none",           "contact_inactive", "address_suppressed", "domain_suppressed", "global_unsub",
        "campaign_unsub", "audience_unsub",   "not_in_audience",    "campaign_canceled",
    };
    if ((int)reason < 0 || (int)reason >= MTRK_EXCL_COUNT)
        return NULL;
    return names[reason];
}

MTRK_API int mtrk_generate_report_init(mtrk_generate_report *report, unsigned int version)
{
    if (report == NULL)
        return gerr(MTRK_EINVAL, "report is NULL");
    if (version == 0 || version > MTRK_GENERATE_REPORT_VERSION)
        return gerr(MTRK_EVERSION, "report version %u unknown (1..%u)", version, MTRK_GENERATE_REPORT_VERSION);
    memset(report, 0, sizeof *report);
    report->version = version;
    return MTRK_OK;
}

bool recheck_cancels(mtrk_exclusion reason)
{
    return reason != MTRK_EXCL_NONE && reason != MTRK_EXCL_NOT_IN_AUDIENCE;
}

/* The audience step: excluded only when unsubscribed from every attached
 * audience the contact belongs to; one open membership is enough. */
static int audience_step(mtrk_tenant *t, const row_contacts *c, const id_list *auds, mtrk_exclusion *out)
{
    size_t memberships = 0;
    for (size_t i = 0; i < auds->n; i++) {
        bool member = false, unsub = false;
        int rc = audience_has(t, auds->v[i], c->id, &member);
        if (rc)
            return rc;
        if (!member)
            continue;
        memberships++;
        rc = core_unsub_exists(t, c->id, MTRK_UNSUB_AUDIENCE, auds->v[i], &unsub);
        if (rc)
            return rc;
        if (!unsub) {
            *out = MTRK_EXCL_NONE;
            return MTRK_OK;
        }
    }
    *out = memberships ? MTRK_EXCL_AUDIENCE_UNSUB : MTRK_EXCL_NOT_IN_AUDIENCE;
    return MTRK_OK;
}

int eligibility_with(mtrk_tenant *t, const row_campaigns *cam, const row_contacts *c, const id_list *auds,
                     mtrk_exclusion *out)
{
    *out = MTRK_EXCL_NONE;
    if (c->status != MTRK_CONTACT_ACTIVE) {
        *out = MTRK_EXCL_CONTACT_INACTIVE;
        return MTRK_OK;
    }
    if (c->address_key != NULL) {
        mtrk_suppression_kind kind = 0;
        int rc = core_suppression_of(t, c->address_key, &kind);
        if (rc)
            return rc;
        if (kind == MTRK_SUPPRESS_ADDRESS || kind == MTRK_SUPPRESS_HASH) {
            *out = MTRK_EXCL_ADDRESS_SUPPRESSED;
            return MTRK_OK;
        }
        if (kind == MTRK_SUPPRESS_DOMAIN) {
            *out = MTRK_EXCL_DOMAIN_SUPPRESSED;
            return MTRK_OK;
        }
    }
    bool unsub = false;
    int rc = core_unsub_exists(t, c->id, MTRK_UNSUB_GLOBAL, nil_id, &unsub);
    if (rc)
        return rc;
    if (unsub) {
        *out = MTRK_EXCL_GLOBAL_UNSUB;
        return MTRK_OK;
    }
    rc = core_unsub_exists(t, c->id, MTRK_UNSUB_CAMPAIGN, cam->id, &unsub);
    if (rc)
        return rc;
    if (unsub) {
        *out = MTRK_EXCL_CAMPAIGN_UNSUB;
        return MTRK_OK;
    }
    return audience_step(t, c, auds, out);
}

int core_eligibility(mtrk_tenant *t, const row_campaigns *cam, const row_contacts *c, mtrk_exclusion *out)
{
    id_list auds = { 0 };
    int rc = cam_audiences(t, cam->id, &auds);
    if (rc == MTRK_OK)
        rc = eligibility_with(t, cam, c, &auds, out);
    id_list_free(&auds);
    return rc;
}

/* ---- generation --------------------------------------------------------- */

#define GEN_PAGE 512

struct member_page {
    mtrk_id ids[GEN_PAGE];
    size_t n;
};

static int member_cb(void *ud, void *row)
{
    struct member_page *p = ud;
    p->ids[p->n++] = ((const row_audience_contacts *)row)->contact;
    return p->n >= GEN_PAGE ? 1 : 0;
}

struct gen_ctx {
    mtrk_tenant *t;
    const row_campaigns *cam;
    const id_list *auds;
    mtrk_generate_report rep;
    mtrk_time now;
};

/* Handles one member of audience auds[i]: skipped when an earlier attached
 * audience already brought it (so no seen-set is needed), counted as already
 * present when its message exists, else judged and generated. */
static int gen_one(struct gen_ctx *g, size_t i, mtrk_id contact)
{
    mtrk_tenant *t = g->t;
    for (size_t j = 0; j < i; j++) {
        bool earlier = false;
        int rc = audience_has(t, g->auds->v[j], contact, &earlier);
        if (rc)
            return rc;
        if (earlier)
            return MTRK_OK;
    }
    row_messages m;
    mtrk_value key[3] = { v_id(&t->id), v_id(&g->cam->id), v_id(&contact) };
    int rc = st_find(t, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, key, 3, &m);
    if (rc == MTRK_OK) {
        /* Already generated: claim-time checks decide its fate, not generation. */
        rows_clear(T_MESSAGES, &m);
        g->rep.already_present++;
        return MTRK_OK;
    }
    if (rc != MTRK_ENOTFOUND)
        return rc;
    row_contacts c;
    rc = contact_load(t, contact, &c);
    if (rc)
        return rc;
    mtrk_exclusion why = MTRK_EXCL_NONE;
    rc = eligibility_with(t, g->cam, &c, g->auds, &why);
    rows_clear(T_CONTACTS, &c);
    if (rc)
        return rc;
    if (why != MTRK_EXCL_NONE) {
        g->rep.excluded[why]++;
        g->rep.excluded_total++;
        return MTRK_OK;
    }
    memset(&m, 0, sizeof m);
    m.tenant = t->id;
    m.id = core_id_new(t->db);
    m.campaign = g->cam->id;
    m.contact = contact;
    m.state = MTRK_MSG_QUEUED;
    m.created_at = g->now;
    rc = st_insert(t, T_MESSAGES, &m);
    if (rc == MTRK_OK)
        rc = core_stats_message(t, NULL, &m);
    if (rc == MTRK_OK)
        g->rep.created++;
    return rc;
}

/* Walks one audience's members in pages after a start bound: memory stays
 * bounded by a page however large the audience. */
static int gen_audience(struct gen_ctx *g, size_t i, struct member_page *p)
{
    mtrk_tenant *t = g->t;
    mtrk_id aud = g->auds->v[i], last = nil_id;
    bool started = false;
    for (;;) {
        mtrk_value pre[2] = { v_id(&t->id), v_id(&aud) };
        mtrk_value start = v_id(&last);
        p->n = 0;
        int rc = st_scan(t, T_AUDIENCE_CONTACTS, MTRK_INDEX_PK, pre, 2, started ? &start : NULL, started ? 1 : 0,
                         started ? MTRK_SCAN_AFTER : 0, member_cb, p);
        if (rc)
            return rc;
        for (size_t k = 0; k < p->n; k++) {
            rc = gen_one(g, i, p->ids[k]);
            if (rc)
                return rc;
        }
        if (p->n < GEN_PAGE)
            return MTRK_OK;
        last = p->ids[p->n - 1];
        started = true;
    }
}

MTRK_API int mtrk_campaign_generate(mtrk_generate_report *report, mtrk_tenant *t, mtrk_id campaign)
{
    TENANT_CHECK(t);
    int rc;
    if (report && (rc = check_version(t, "report", report, MTRK_GENERATE_REPORT_VERSION)))
        return rc;
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    struct member_page *page = malloc(sizeof *page);
    if (page == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    rc = tx_begin(t, true);
    if (rc) {
        free(page);
        return rc;
    }
    row_campaigns cam;
    id_list auds = { 0 };
    struct gen_ctx g = { t, &cam, &auds, MTRK_GENERATE_REPORT_INIT, core_now(t->db) };
    rc = cam_load(t, campaign, &cam);
    if (rc == MTRK_OK) {
        if (cam.status != MTRK_CAMPAIGN_DRAFT && cam.status != MTRK_CAMPAIGN_SCHEDULED &&
            cam.status != MTRK_CAMPAIGN_SENDING) {
            char s[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(s, campaign);
            rc = terr(t, MTRK_ESTATE, "campaign %s is %s: messages are generated only in draft, scheduled or sending",
                      s, mtrk_campaign_status_name((mtrk_campaign_status)cam.status));
        }
        if (rc == MTRK_OK)
            rc = cam_audiences(t, campaign, &auds);
        for (size_t i = 0; rc == MTRK_OK && i < auds.n; i++)
            rc = gen_audience(&g, i, page);
        rows_clear(T_CAMPAIGNS, &cam);
    }
    id_list_free(&auds);
    free(page);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && report) {
        unsigned v = report->version;
        g.rep.eligible = g.rep.created + g.rep.already_present;
        *report = g.rep;
        report->version = v;
    }
    return rc;
}

MTRK_API int mtrk_campaign_check_contact(mtrk_exclusion *out_reason, mtrk_tenant *t, mtrk_id campaign,
                                         mtrk_id contact)
{
    if (out_reason == NULL)
        return gerr(MTRK_EINVAL, "out_reason is NULL");
    *out_reason = MTRK_EXCL_NONE;
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if (id_is_nil(contact))
        return terr(t, MTRK_EINVAL, "contact is nil");
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_campaigns cam;
    row_contacts c;
    id_list auds = { 0 };
    mtrk_exclusion why = MTRK_EXCL_NONE;
    rc = cam_load(t, campaign, &cam);
    if (rc)
        return tx_end(t, rc);
    rc = contact_load(t, contact, &c);
    if (rc == MTRK_OK) {
        rc = cam_audiences(t, campaign, &auds);
        /* Membership is checked first (docs/rules.md): a contact outside every
         * audience is "not in audience" whatever else applies to it. */
        bool member = false;
        for (size_t i = 0; rc == MTRK_OK && i < auds.n && !member; i++)
            rc = audience_has(t, auds.v[i], contact, &member);
        if (rc == MTRK_OK) {
            if (!member)
                why = MTRK_EXCL_NOT_IN_AUDIENCE;
            else
                rc = eligibility_with(t, &cam, &c, &auds, &why);
        }
        rows_clear(T_CONTACTS, &c);
    }
    rows_clear(T_CAMPAIGNS, &cam);
    id_list_free(&auds);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK)
        *out_reason = why;
    return rc;
}
