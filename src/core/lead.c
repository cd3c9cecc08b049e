/* Landing pages and leads: capture, attribution, the lead's own contact. */
#include "campaign_area.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- landing pages ------------------------------------------------------ */

static int page_of(mtrk_tenant *t, mtrk_id campaign, row_landing_pages *out)
{
    mtrk_value k[2] = { v_id(&t->id), v_id(&campaign) };
    return st_find(t, T_LANDING_PAGES, IDX_LANDING_PAGES_CAMPAIGN, k, 2, out);
}

MTRK_API int mtrk_landing_page_create(mtrk_id *out_id, mtrk_tenant *t, mtrk_id campaign, const char *name,
                                      const char *url)
{
    if (out_id == NULL)
        return gerr(MTRK_EINVAL, "out_id is NULL");
    *out_id = nil_id;
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    int rc = check_str(t, "name", name, MTRK_MAX_NAME, false);
    if (rc == MTRK_OK)
        rc = check_url(t, "url", url, false);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_landing_pages lp = { 0 };
    rc = cam_exists(t, campaign);
    if (rc == MTRK_OK) {
        rc = page_of(t, campaign, &lp);
        if (rc == MTRK_OK) {
            rows_clear(T_LANDING_PAGES, &lp);
            char s[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(s, campaign);
            rc = terr(t, MTRK_EEXISTS, "campaign %s already has a landing page", s);
        } else if (rc == MTRK_ENOTFOUND) {
            lp.tenant = t->id;
            lp.id = core_id_new(t->db);
            lp.campaign = campaign;
            lp.name = (char *)name;
            lp.url = url && *url ? (char *)url : NULL;
            lp.created_at = core_now(t->db);
            rc = st_insert(t, T_LANDING_PAGES, &lp);
        }
    }
    rc = tx_end(t, rc);
    if (rc == MTRK_OK)
        *out_id = lp.id;
    return rc;
}

MTRK_API int mtrk_landing_page_find(mtrk_id *out_id, mtrk_tenant *t, mtrk_id campaign)
{
    if (out_id == NULL)
        return gerr(MTRK_EINVAL, "out_id is NULL");
    *out_id = nil_id;
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_landing_pages lp;
    rc = cam_exists(t, campaign);
    if (rc == MTRK_OK) {
        rc = page_of(t, campaign, &lp);
        if (rc == MTRK_ENOTFOUND) {
            char s[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(s, campaign);
            rc = terr(t, MTRK_ENOTFOUND, "campaign %s has no landing page", s);
        } else if (rc == MTRK_OK) {
            *out_id = lp.id;
            rows_clear(T_LANDING_PAGES, &lp);
        }
    }
    return tx_end(t, rc);
}

/* ---- leads -------------------------------------------------------------- */

MTRK_API int mtrk_lead_input_init(mtrk_lead_input *input, unsigned int version)
{
    int rc = init_check(input, "input", "mtrk_lead_input", version, MTRK_LEAD_INPUT_VERSION);
    if (rc)
        return rc;
    memset(input, 0, sizeof *input);
    input->version = version;
    return MTRK_OK;
}

MTRK_API int mtrk_lead_info_init(mtrk_lead_info *info, unsigned int version)
{
    int rc = init_check(info, "info", "mtrk_lead_info", version, MTRK_LEAD_INFO_VERSION);
    if (rc)
        return rc;
    memset(info, 0, sizeof *info);
    info->version = version;
    return MTRK_OK;
}

/* Fills *out from r; its strings are copies kept on the tenant handle
 * (common.h, borrowed strings), whichever call filled it. */
static int lead_fill(mtrk_tenant *t, mtrk_lead_info *out, const row_leads *r)
{
    unsigned v = out->version;
    memset(out, 0, sizeof *out);
    out->version = v;
    out->id = r->id;
    out->landing_page = r->landing_page;
    out->campaign = r->campaign;
    out->mid = r->message;
    out->contact = r->contact;
    out->recipient = r->recipient;
    out->attribution = (mtrk_attribution)r->attribution;
    out->forwarded = (int)r->forwarded;
    out->captured_at = r->captured_at;
    out->lead_key = tenant_keep(t, r->lead_key);
    out->address = tenant_keep(t, r->address);
    out->fields_json = tenant_keep(t, r->fields_json);
    if ((r->lead_key && !out->lead_key) || (r->address && !out->address) || (r->fields_json && !out->fields_json))
        return terr(t, MTRK_ENOMEM, "out of memory");
    return MTRK_OK;
}

/* Validates the form fields and renders them as one JSON object (*out, free()). */
static int fields_json(mtrk_tenant *t, const mtrk_lead_input *in, char **out)
{
    *out = NULL;
    if (in->nfields > MTRK_MAX_FIELDS)
        return terr(t, MTRK_ETOOLONG, "input->nfields %zu is over %d", in->nfields, MTRK_MAX_FIELDS);
    if (in->nfields > 0 && in->field_keys == NULL)
        return terr(t, MTRK_EINVAL, "input->field_keys is NULL while nfields is %zu", in->nfields);
    if (in->nfields > 0 && in->field_values == NULL)
        return terr(t, MTRK_EINVAL, "input->field_values is NULL while nfields is %zu", in->nfields);
    json_t *obj = json_object();
    if (obj == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    int rc = MTRK_OK;
    char what[64];
    for (size_t i = 0; i < in->nfields && rc == MTRK_OK; i++) {
        snprintf(what, sizeof what, "input->field_keys[%zu]", i);
        rc = check_str(t, what, in->field_keys[i], MTRK_MAX_FIELD_KEY, true);
        if (rc)
            break;
        snprintf(what, sizeof what, "input->field_values[%zu]", i);
        rc = check_str(t, what, in->field_values[i], MTRK_MAX_FIELD_VALUE, false);
        if (rc == MTRK_OK && in->field_values[i] == NULL)
            rc = terr(t, MTRK_EINVAL, "%s is NULL", what);
        if (rc)
            break;
        if (json_object_get(obj, in->field_keys[i]) != NULL) {
            rc = terr(t, MTRK_EINVAL, "input->field_keys[%zu] \"%s\" repeats an earlier key", i, in->field_keys[i]);
            break;
        }
        if (json_object_set_new(obj, in->field_keys[i], json_string(in->field_values[i])) != 0)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
    }
    if (rc == MTRK_OK) {
        *out = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
        if (*out == NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
    }
    json_decref(obj);
    return rc;
}

static int lead_input_check(mtrk_tenant *t, const mtrk_lead_input *in, char *addr, char **json)
{
    int rc = check_version(t, "input", in, MTRK_LEAD_INPUT_VERSION);
    if (rc)
        return rc;
    if (id_is_nil(in->landing_page))
        return terr(t, MTRK_EINVAL, "input->landing_page is nil");
    rc = check_str(t, "input->lead_key", in->lead_key, MTRK_MAX_NAME, true);
    if (rc == MTRK_OK)
        rc = check_address(t, "input->address", in->address, addr);
    if (rc)
        return rc;
    if (in->captured_at < 0)
        return terr(t, MTRK_EINVAL, "input->captured_at is negative");
    return fields_json(t, in, json);
}

/* The attribution rule of docs/rules.md "Leads": a valid mid within the
 * window, else a valid rid, else the landing page's campaign. */
static int attribute(mtrk_tenant *t, const mtrk_lead_input *in, int64_t window, row_leads *lead)
{
    if (!id_is_nil(in->mid)) {
        row_messages m = { 0 };
        m.tenant = t->id;
        m.id = in->mid;
        int rc = core_message_get(t, &m);
        if (rc && rc != MTRK_ENOTFOUND)
            return rc;
        if (rc == MTRK_OK) {
            mtrk_time base = m.sent_at ? m.sent_at : m.created_at;
            bool ok = id_eq(m.campaign, lead->campaign) && lead->captured_at >= base &&
                      lead->captured_at - base <= window;
            if (ok) {
                lead->message = m.id;
                lead->recipient = m.contact;
                lead->attribution = MTRK_ATTR_MESSAGE;
                lead->forwarded = !id_eq(m.contact, lead->contact);
            }
            rows_clear(T_MESSAGES, &m);
            if (ok)
                return MTRK_OK;
        }
    }
    if (!id_is_nil(in->rid)) {
        row_contacts c = { 0 };
        c.tenant = t->id;
        c.id = in->rid;
        int rc = st_get(t, T_CONTACTS, &c);
        if (rc && rc != MTRK_ENOTFOUND)
            return rc;
        if (rc == MTRK_OK) {
            rows_clear(T_CONTACTS, &c);
            lead->recipient = in->rid;
            lead->attribution = MTRK_ATTR_RECIPIENT;
            row_messages m;
            mtrk_value k[3] = { v_id(&t->id), v_id(&lead->campaign), v_id(&in->rid) };
            rc = st_find(t, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k, 3, &m);
            if (rc && rc != MTRK_ENOTFOUND)
                return rc;
            if (rc == MTRK_OK) {
                lead->message = m.id;
                rows_clear(T_MESSAGES, &m);
            }
            return MTRK_OK;
        }
    }
    lead->attribution = MTRK_ATTR_CAMPAIGN;
    return MTRK_OK;
}

/* The capture itself, inside the caller's transaction. *stored receives the
 * lead row (owned) whether new or the earlier one of the same key. */
static int capture(mtrk_tenant *t, const mtrk_lead_input *in, const char *addr, char *json, row_leads *stored,
                   int *dup)
{
    mtrk_value k[2] = { v_id(&t->id), v_text(in->lead_key) };
    int rc = st_find(t, T_LEADS, IDX_LEADS_KEY, k, 2, stored);
    if (rc == MTRK_OK) {
        *dup = 1;
        return MTRK_OK;
    }
    if (rc != MTRK_ENOTFOUND)
        return rc;
    row_landing_pages lp = { 0 };
    lp.tenant = t->id;
    lp.id = in->landing_page;
    rc = st_get(t, T_LANDING_PAGES, &lp);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, in->landing_page);
        return terr(t, MTRK_ENOTFOUND, "landing page %s not found", s);
    }
    if (rc)
        return rc;
    row_leads lead = { 0 };
    lead.tenant = t->id;
    lead.id = core_id_new(t->db);
    lead.landing_page = lp.id;
    lead.campaign = lp.campaign;
    rows_clear(T_LANDING_PAGES, &lp);
    lead.lead_key = (char *)in->lead_key;
    lead.address = (char *)addr;
    lead.captured_at = in->captured_at ? in->captured_at : core_now(t->db);
    lead.fields_json = json;
    /* The window is read now, in this transaction: another handle may have changed it. */
    row_tenants tr = { 0 };
    tr.id = t->id;
    rc = st_get(t, T_TENANTS, &tr);
    if (rc == MTRK_ENOTFOUND)
        return terr(t, MTRK_ENOTFOUND, "tenant \"%s\" no longer exists", t->key);
    if (rc)
        return rc;
    int64_t window = tr.attribution_window_ms;
    rows_clear(T_TENANTS, &tr);
    rc = core_contact_upsert(t, addr, NULL, &lead.contact, NULL);
    if (rc == MTRK_OK)
        rc = attribute(t, in, window, &lead);
    if (rc == MTRK_OK)
        rc = st_insert(t, T_LEADS, &lead);
    if (rc == MTRK_OK)
        rc = core_stats_lead(t, &lead);
    if (rc == MTRK_OK)
        rc = rows_copy(T_LEADS, stored, &lead);
    return rc;
}

MTRK_API int mtrk_lead_capture(mtrk_lead_info *out, int *out_duplicate, mtrk_tenant *t, const mtrk_lead_input *input)
{
    if (out_duplicate)
        *out_duplicate = 0;
    TENANT_CHECK(t);
    int rc;
    if (out && (rc = check_version(t, "out", out, MTRK_LEAD_INFO_VERSION)))
        return rc;
    char addr[MTRK_MAX_ADDRESS + 1];
    char *json = NULL;
    rc = lead_input_check(t, input, addr, &json);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc) {
        free(json);
        return rc;
    }
    row_leads stored = { 0 };
    int dup = 0;
    rc = tx_end(t, capture(t, input, addr, json, &stored, &dup));
    free(json);
    if (rc == MTRK_OK) {
        if (out) {
            rc = lead_fill(t, out, &stored);
        }
        if (out_duplicate)
            *out_duplicate = dup;
    }
    rows_clear(T_LEADS, &stored);
    return rc;
}

struct mtrk_lead_iter {
    pager pg;
    mtrk_tenant *t;
};

MTRK_API int mtrk_lead_iter_new(mtrk_lead_iter **out, mtrk_tenant *t, mtrk_id campaign)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_lead_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    it->t = t;
    int rc = pager_init_campaign(&it->pg, t, campaign, T_LEADS, IDX_LEADS_CAMPAIGN);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_lead_iter_next(mtrk_lead_info *out, mtrk_lead_iter *it)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    tenant_enter(it->t); /* a call on the tenant (common.h, borrowed strings) */
    int rc = check_version(it->t, "out", out, MTRK_LEAD_INFO_VERSION);
    if (rc)
        return rc;
    row_leads r = { 0 };
    rc = pager_next(&it->pg, &r);
    if (rc == MTRK_OK)
        rc = lead_fill(it->t, out, &r);
    rows_clear(T_LEADS, &r);
    return rc;
}

MTRK_API void mtrk_lead_iter_free(mtrk_lead_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    free(it);
}
