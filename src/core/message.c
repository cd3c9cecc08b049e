/* Messages: read access (state, facts, first-times) and iteration. */
#include "campaign_area.h"

#include <stdlib.h>
#include <string.h>

MTRK_API const char *mtrk_message_state_name(mtrk_message_state state)
{
    static const char *const names[] = { NULL, "queued", "claimed", "sent", "delivered", "bounced", "canceled" };
    if ((int)state < 1 || (int)state > MTRK_MSG_CANCELED)
        return NULL;
    return names[state];
}

MTRK_API int mtrk_message_info_init(mtrk_message_info *info, unsigned int version)
{
    int rc = init_check(info, "info", "mtrk_message_info", version, MTRK_MESSAGE_INFO_VERSION);
    if (rc)
        return rc;
    memset(info, 0, sizeof *info);
    info->version = version;
    return MTRK_OK;
}

void message_info_fill(mtrk_message_info *out, const row_messages *m)
{
    unsigned v = out->version;
    memset(out, 0, sizeof *out);
    out->version = v;
    out->mid = m->id;
    out->campaign = m->campaign;
    out->contact = m->contact;
    out->state = (mtrk_message_state)m->state;
    out->cancel_reason = (mtrk_exclusion)m->cancel_reason;
    out->created_at = m->created_at;
    out->lease_until = m->lease_until;
    out->sent_at = m->sent_at;
    out->delivered_at = m->delivered_at;
    out->bounced_at = m->bounced_at;
    out->first_open_at = m->first_open_at;
    out->first_click_at = m->first_click_at;
    out->first_complaint_at = m->first_complaint_at;
    out->first_unsub_at = m->first_unsub_at;
    out->opens = (uint32_t)m->opens;
    out->clicks = (uint32_t)m->clicks;
    out->soft_bounces = (uint32_t)m->soft_bounces;
    /* An open or click implies delivery; a hard bounce undoes it. */
    out->delivered = (m->flags & (MSGF_DELIVERED_EXPLICIT | MSGF_OPENED | MSGF_CLICKED)) &&
                     !(m->flags & MSGF_HARD_BOUNCED);
}

MTRK_API int mtrk_message_get(mtrk_message_info *out, mtrk_tenant *t, mtrk_id mid)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_MESSAGE_INFO_VERSION);
    if (rc)
        return rc;
    if (id_is_nil(mid))
        return terr(t, MTRK_EINVAL, "mid is nil");
    rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_messages m = { 0 };
    m.tenant = t->id;
    m.id = mid;
    rc = core_message_get(t, &m);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, mid);
        rc = terr(t, MTRK_ENOTFOUND, "message %s not found", s);
    }
    rc = tx_end(t, rc);
    if (rc == MTRK_OK) {
        message_info_fill(out, &m);
        rows_clear(T_MESSAGES, &m);
    }
    return rc;
}

MTRK_API int mtrk_message_find(mtrk_message_info *out, mtrk_tenant *t, mtrk_id campaign, mtrk_id contact)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    TENANT_CHECK(t);
    int rc = check_version(t, "out", out, MTRK_MESSAGE_INFO_VERSION);
    if (rc)
        return rc;
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if (id_is_nil(contact))
        return terr(t, MTRK_EINVAL, "contact is nil");
    rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_messages m;
    mtrk_value key[3] = { v_id(&t->id), v_id(&campaign), v_id(&contact) };
    rc = st_find(t, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, key, 3, &m);
    if (rc == MTRK_OK && (rc = core_message_fold(t, &m, NULL, NULL)))
        rows_clear(T_MESSAGES, &m);
    if (rc == MTRK_ENOTFOUND) {
        char cs[MTRK_ID_STRLEN + 1], ks[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(cs, campaign);
        mtrk_id_to_string(ks, contact);
        rc = terr(t, MTRK_ENOTFOUND, "no message of campaign %s for contact %s", cs, ks);
    }
    rc = tx_end(t, rc);
    if (rc == MTRK_OK) {
        message_info_fill(out, &m);
        rows_clear(T_MESSAGES, &m);
    }
    return rc;
}

struct mtrk_message_iter {
    pager pg;
    mtrk_tenant *t;
};

MTRK_API int mtrk_message_iter_new(mtrk_message_iter **out, mtrk_tenant *t, mtrk_id campaign)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_message_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    it->t = t;
    /* messages_by_campaign: its sort key ends with the primary key, so mid order. */
    int rc = pager_init_campaign(&it->pg, t, campaign, T_MESSAGES, IDX_MESSAGES_CAMPAIGN);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_message_iter_next(mtrk_message_info *out, mtrk_message_iter *it)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    tenant_enter(it->t); /* a call on the tenant (common.h, borrowed strings) */
    int rc = check_version(it->t, "out", out, MTRK_MESSAGE_INFO_VERSION);
    if (rc)
        return rc;
    row_messages m;
    rc = pager_next(&it->pg, &m);
    if (rc)
        return rc;
    if ((rc = tx_begin(it->t, false)) == MTRK_OK)
        rc = tx_end(it->t, core_message_fold(it->t, &m, NULL, NULL));
    if (rc) {
        rows_clear(T_MESSAGES, &m);
        return rc;
    }
    message_info_fill(out, &m);
    rows_clear(T_MESSAGES, &m);
    return MTRK_OK;
}

MTRK_API void mtrk_message_iter_free(mtrk_message_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    free(it);
}
