/*
 * Audiences, campaigns and links by name. Names are not unique (nothing in
 * the rules makes them so), so a lookup answers with the one entity of that
 * name, or says that there are none or several. There is no index on names:
 * each lookup reads the tenant's audiences or campaigns (or the campaign's
 * links) in one read transaction.
 */
#include "internal.h"

#include <string.h>

struct by_name {
    const char *name;
    size_t off_name, off_id; /* where the row struct keeps them */
    size_t found;
    mtrk_id id;
};

static int by_name_cb(void *ud, void *row)
{
    struct by_name *b = ud;
    const char *name = *(char *const *)((const char *)row + b->off_name);
    if (name && strcmp(name, b->name) == 0 && b->found++ == 0)
        memcpy(&b->id, (const char *)row + b->off_id, sizeof b->id);
    return 0;
}

static int find_by_name(mtrk_id *out, mtrk_tenant *t, const char *what, const char *arg, const char *name,
                        unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                        struct by_name *b)
{
    b->name = name;
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = st_scan(t, table, index, prefix, nprefix, NULL, 0, 0, by_name_cb, b);
    if (rc == MTRK_ENOMEM)
        rc = terr(t, rc, "out of memory");
    rc = tx_end(t, rc);
    if (rc)
        return rc;
    if (b->found == 0)
        return terr(t, MTRK_ENOTFOUND, "no %s has the %s \"%.256s\"", what, arg, name);
    if (b->found > 1)
        return terr(t, MTRK_EEXISTS, "%zu %ss have the %s \"%.256s\": use the id", b->found, what, arg, name);
    *out = b->id;
    return MTRK_OK;
}

static int check_name_args(mtrk_tenant *t, mtrk_id *out, const char *arg, const char *name)
{
    if (out == NULL)
        return terr(t, MTRK_EINVAL, "out_id is NULL");
    *out = nil_id;
    if (name == NULL)
        return terr(t, MTRK_EINVAL, "%s is NULL", arg);
    return MTRK_OK;
}

MTRK_API int mtrk_audience_find(mtrk_id *out_id, mtrk_tenant *t, const char *name)
{
    if (out_id)
        *out_id = nil_id;
    TENANT_CHECK(t);
    int rc = check_name_args(t, out_id, "name", name);
    if (rc)
        return rc;
    struct by_name b = { .off_name = offsetof(row_audiences, name), .off_id = offsetof(row_audiences, id) };
    mtrk_value pre = v_id(&t->id);
    return find_by_name(out_id, t, "audience", "name", name, T_AUDIENCES, MTRK_INDEX_PK, &pre, 1, &b);
}

MTRK_API int mtrk_campaign_find(mtrk_id *out_id, mtrk_tenant *t, const char *name)
{
    if (out_id)
        *out_id = nil_id;
    TENANT_CHECK(t);
    int rc = check_name_args(t, out_id, "name", name);
    if (rc)
        return rc;
    struct by_name b = { .off_name = offsetof(row_campaigns, name), .off_id = offsetof(row_campaigns, id) };
    mtrk_value pre = v_id(&t->id);
    return find_by_name(out_id, t, "campaign", "name", name, T_CAMPAIGNS, MTRK_INDEX_PK, &pre, 1, &b);
}

MTRK_API int mtrk_link_find(mtrk_id *out_lid, mtrk_tenant *t, mtrk_id campaign, const char *label)
{
    if (out_lid)
        *out_lid = nil_id;
    TENANT_CHECK(t);
    int rc = check_name_args(t, out_lid, "label", label);
    if (rc)
        return rc;
    /* An unknown campaign is not found, like its links. */
    row_campaigns c = { 0 };
    c.tenant = t->id;
    c.id = campaign;
    rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = st_get(t, T_CAMPAIGNS, &c);
    if (rc == MTRK_ENOTFOUND)
        rc = terr(t, rc, "campaign is not a campaign of this tenant");
    if (rc == MTRK_OK)
        rows_clear(T_CAMPAIGNS, &c);
    rc = tx_end(t, rc);
    if (rc)
        return rc;
    struct by_name b = { .off_name = offsetof(row_links, label), .off_id = offsetof(row_links, id) };
    mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
    return find_by_name(out_lid, t, "link", "label", label, T_LINKS, IDX_LINKS_CAMPAIGN, pre, 2, &b);
}
