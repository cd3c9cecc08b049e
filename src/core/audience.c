/*
 * Audiences: named lists of contacts. audiences.member_count is kept exact in
 * the transaction of every membership change, so counting is one read.
 */
#include "contact_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mtrk_audience {
    row_audiences row;
};

struct mtrk_audience_iter {
    pager pg;
    struct mtrk_audience current;
};

struct mtrk_member_iter {
    pager pg;
};

static int read_audience(mtrk_tenant *t, mtrk_id id, row_audiences *r)
{
    memset(r, 0, sizeof *r);
    r->tenant = t->id;
    r->id = id;
    int rc = st_get(t, T_AUDIENCES, r);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, id);
        return terr(t, rc, "audience %s not found", s);
    }
    return rc;
}

static int check_audience_id(mtrk_tenant *t, mtrk_id id)
{
    return id_is_nil(id) ? terr(t, MTRK_EINVAL, "audience is nil") : MTRK_OK;
}

MTRK_API int mtrk_audience_create(mtrk_id *out_id, mtrk_tenant *t, const char *name)
{
    if (out_id == NULL)
        return gerr(MTRK_EINVAL, "out_id is NULL");
    *out_id = nil_id;
    TENANT_CHECK(t);
    int rc = check_str(t, "name", name, MTRK_MAX_NAME, true);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_audiences r = { 0 };
    r.tenant = t->id;
    r.id = core_id_new(t->db);
    r.name = (char *)name;
    r.created_at = core_now(t->db);
    rc = tx_end(t, st_insert(t, T_AUDIENCES, &r));
    if (rc == MTRK_OK)
        *out_id = r.id;
    return rc;
}

MTRK_API int mtrk_audience_get(mtrk_audience **out, mtrk_tenant *t, mtrk_id id)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_audience *a = calloc(1, sizeof *a);
    if (a == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    int rc = tx_begin(t, false);
    if (rc == MTRK_OK)
        rc = tx_end(t, read_audience(t, id, &a->row));
    if (rc) {
        free(a);
        return rc;
    }
    *out = a;
    return MTRK_OK;
}

MTRK_API void mtrk_audience_free(mtrk_audience *a)
{
    if (a == NULL)
        return;
    rows_clear(T_AUDIENCES, &a->row);
    free(a);
}

MTRK_API mtrk_id mtrk_audience_id(const mtrk_audience *a) { return a ? a->row.id : nil_id; }
MTRK_API const char *mtrk_audience_name(const mtrk_audience *a) { return a ? a->row.name : NULL; }
MTRK_API mtrk_time mtrk_audience_created_at(const mtrk_audience *a) { return a ? a->row.created_at : 0; }
MTRK_API uint64_t mtrk_audience_member_count(const mtrk_audience *a)
{
    return a && a->row.member_count > 0 ? (uint64_t)a->row.member_count : 0;
}

MTRK_API int mtrk_audience_rename(mtrk_tenant *t, mtrk_id id, const char *name)
{
    TENANT_CHECK(t);
    int rc = check_audience_id(t, id);
    if (rc == MTRK_OK)
        rc = check_str(t, "name", name, MTRK_MAX_NAME, true);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_audiences r;
    rc = read_audience(t, id, &r);
    if (rc == MTRK_OK) {
        row_audiences w = r;
        w.name = (char *)name;
        rc = st_update(t, T_AUDIENCES, &w);
        rows_clear(T_AUDIENCES, &r);
    }
    return tx_end(t, rc);
}

/* ---- deletion ----------------------------------------------------------- */

/* Refuses while a campaign that is not final targets the audience; otherwise
 * deletes the campaign_audiences rows of the (final) campaigns. */
static int detach_final_campaigns(mtrk_tenant *t, mtrk_id audience)
{
    row_campaign_audiences *rows = calloc(BULK_PAGE, sizeof *rows);
    if (rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre[2] = { v_id(&t->id), v_id(&audience) };
    page_cursor cur = { 0 };
    int rc;
    size_t got;
    do {
        rc = scan_page(t, T_CAMPAIGN_AUDIENCES, IDX_CAMPAIGN_AUDIENCES_AUDIENCE, pre, 2, &cur, rows, BULK_PAGE, &got);
        for (size_t i = 0; i < got; i++) {
            if (rc == MTRK_OK) {
                row_campaigns c = { 0 };
                c.tenant = t->id;
                c.id = rows[i].campaign;
                rc = st_get(t, T_CAMPAIGNS, &c);
                if (rc == MTRK_OK) {
                    int64_t status = c.status;
                    rows_clear(T_CAMPAIGNS, &c);
                    if (status != MTRK_CAMPAIGN_SENT && status != MTRK_CAMPAIGN_CANCELED) {
                        char a[MTRK_ID_STRLEN + 1], s[MTRK_ID_STRLEN + 1];
                        mtrk_id_to_string(a, audience);
                        mtrk_id_to_string(s, rows[i].campaign);
                        rc = terr(t, MTRK_ESTATE, "audience %s is targeted by campaign %s, which is not final", a,
                                  s);
                    }
                } else if (rc == MTRK_ENOTFOUND) {
                    rc = MTRK_OK; /* a dangling attachment: nothing blocks */
                }
            }
            if (rc == MTRK_OK)
                rc = st_delete(t, T_CAMPAIGN_AUDIENCES, &rows[i]);
            rows_clear(T_CAMPAIGN_AUDIENCES, &rows[i]);
        }
    } while (rc == MTRK_OK && got == BULK_PAGE);
    cursor_free(&cur);
    free(rows);
    return rc;
}

static int delete_members(mtrk_tenant *t, mtrk_id audience)
{
    row_audience_contacts *rows = calloc(BULK_PAGE, sizeof *rows);
    if (rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre[2] = { v_id(&t->id), v_id(&audience) };
    page_cursor cur = { 0 };
    int rc;
    size_t got;
    do {
        rc = scan_page(t, T_AUDIENCE_CONTACTS, MTRK_INDEX_PK, pre, 2, &cur, rows, BULK_PAGE, &got);
        for (size_t i = 0; i < got; i++) {
            if (rc == MTRK_OK)
                rc = st_delete(t, T_AUDIENCE_CONTACTS, &rows[i]);
            rows_clear(T_AUDIENCE_CONTACTS, &rows[i]);
        }
    } while (rc == MTRK_OK && got == BULK_PAGE);
    cursor_free(&cur);
    free(rows);
    return rc;
}

MTRK_API int mtrk_audience_delete(mtrk_tenant *t, mtrk_id id)
{
    TENANT_CHECK(t);
    int rc = check_audience_id(t, id);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_audiences r;
    rc = read_audience(t, id, &r);
    if (rc == MTRK_OK) {
        rc = detach_final_campaigns(t, id);
        if (rc == MTRK_OK)
            rc = delete_members(t, id);
        if (rc == MTRK_OK)
            rc = st_delete(t, T_AUDIENCES, &r);
        rows_clear(T_AUDIENCES, &r);
    }
    return tx_end(t, rc);
}

/* ---- membership --------------------------------------------------------- */

/* Checks that contacts[i] exists and is not erased; `what` names it. */
static int check_member(mtrk_tenant *t, mtrk_id contact, const char *what)
{
    char s[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(s, contact);
    if (id_is_nil(contact))
        return terr(t, MTRK_ENOTFOUND, "%s is nil: no such contact", what);
    row_contacts c = { 0 };
    c.tenant = t->id;
    c.id = contact;
    int rc = st_get(t, T_CONTACTS, &c);
    if (rc == MTRK_ENOTFOUND)
        return terr(t, rc, "%s: contact %s not found", what, s);
    if (rc)
        return rc;
    int64_t status = c.status;
    rows_clear(T_CONTACTS, &c);
    if (status == MTRK_CONTACT_ERASED)
        return terr(t, MTRK_ESTATE, "%s: contact %s is erased", what, s);
    return MTRK_OK;
}

/* Adds one membership if absent; *added is 1 if it was new. */
static int member_put(mtrk_tenant *t, mtrk_id audience, mtrk_id contact, int *added)
{
    row_audience_contacts m = { 0 };
    m.tenant = t->id;
    m.audience = audience;
    m.contact = contact;
    int rc = st_get(t, T_AUDIENCE_CONTACTS, &m);
    *added = 0;
    if (rc == MTRK_OK) {
        rows_clear(T_AUDIENCE_CONTACTS, &m);
        return MTRK_OK;
    }
    if (rc != MTRK_ENOTFOUND)
        return rc;
    m.tenant = t->id;
    m.audience = audience;
    m.contact = contact;
    m.added_at = core_now(t->db);
    rc = st_insert(t, T_AUDIENCE_CONTACTS, &m);
    if (rc == MTRK_OK)
        *added = 1;
    return rc;
}

static int member_del(mtrk_tenant *t, mtrk_id audience, mtrk_id contact, int *removed)
{
    row_audience_contacts m = { 0 };
    m.tenant = t->id;
    m.audience = audience;
    m.contact = contact;
    int rc = st_get(t, T_AUDIENCE_CONTACTS, &m);
    *removed = 0;
    if (rc == MTRK_ENOTFOUND)
        return MTRK_OK;
    if (rc)
        return rc;
    rc = st_delete(t, T_AUDIENCE_CONTACTS, &m);
    rows_clear(T_AUDIENCE_CONTACTS, &m);
    if (rc == MTRK_OK)
        *removed = 1;
    return rc;
}

static int set_count(mtrk_tenant *t, row_audiences *a, int64_t delta)
{
    if (delta == 0)
        return MTRK_OK;
    row_audiences w = *a;
    w.member_count += delta;
    if (w.member_count < 0)
        w.member_count = 0;
    return st_update(t, T_AUDIENCES, &w);
}

/* Adds (add != 0) or removes n contacts in the caller's transaction. Every
 * failure rolls the whole call back, so a bad contact at any index leaves
 * nothing written. */
static int members_change(mtrk_tenant *t, mtrk_id audience, const mtrk_id *contacts, size_t n, bool add,
                          bool batch, size_t *changed)
{
    row_audiences a;
    int rc = read_audience(t, audience, &a);
    if (rc)
        return rc;
    int64_t delta = 0;
    char what[48];
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        int done = 0;
        if (batch)
            snprintf(what, sizeof what, "contacts[%zu]", i);
        else
            strcpy(what, "contact");
        if (add) {
            rc = check_member(t, contacts[i], what);
            if (rc == MTRK_OK)
                rc = member_put(t, audience, contacts[i], &done);
        } else {
            rc = member_del(t, audience, contacts[i], &done);
        }
        delta += add ? done : -done;
        *changed += (size_t)done;
    }
    if (rc == MTRK_OK)
        rc = set_count(t, &a, delta);
    rows_clear(T_AUDIENCES, &a);
    return rc;
}

static int check_batch(mtrk_tenant *t, mtrk_id audience, const mtrk_id *contacts, size_t n)
{
    int rc = check_audience_id(t, audience);
    if (rc)
        return rc;
    if (contacts == NULL && n > 0)
        return terr(t, MTRK_EINVAL, "contacts is NULL");
    if (n > MTRK_MAX_BATCH)
        return terr(t, MTRK_ETOOLONG, "n %zu is over the batch limit %u", n, (unsigned)MTRK_MAX_BATCH);
    return MTRK_OK;
}

static int change_call(mtrk_tenant *t, mtrk_id audience, const mtrk_id *contacts, size_t n, bool add, bool batch,
                       size_t *out)
{
    size_t changed = 0;
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    rc = tx_end(t, members_change(t, audience, contacts, n, add, batch, &changed));
    if (rc == MTRK_OK)
        *out = changed;
    return rc;
}

MTRK_API int mtrk_audience_add(int *out_added, mtrk_tenant *t, mtrk_id audience, mtrk_id contact)
{
    if (out_added)
        *out_added = 0;
    TENANT_CHECK(t);
    int rc = check_audience_id(t, audience);
    if (rc == MTRK_OK && id_is_nil(contact))
        rc = terr(t, MTRK_EINVAL, "contact is nil");
    if (rc)
        return rc;
    size_t n = 0;
    rc = change_call(t, audience, &contact, 1, true, false, &n);
    if (rc == MTRK_OK && out_added)
        *out_added = (int)n;
    return rc;
}

MTRK_API int mtrk_audience_remove(int *out_removed, mtrk_tenant *t, mtrk_id audience, mtrk_id contact)
{
    if (out_removed)
        *out_removed = 0;
    TENANT_CHECK(t);
    int rc = check_audience_id(t, audience);
    if (rc == MTRK_OK && id_is_nil(contact))
        rc = terr(t, MTRK_EINVAL, "contact is nil");
    if (rc)
        return rc;
    size_t n = 0;
    rc = change_call(t, audience, &contact, 1, false, false, &n);
    if (rc == MTRK_OK && out_removed)
        *out_removed = (int)n;
    return rc;
}

MTRK_API int mtrk_audience_add_batch(size_t *out_added, mtrk_tenant *t, mtrk_id audience, const mtrk_id *contacts,
                                     size_t n)
{
    if (out_added)
        *out_added = 0;
    TENANT_CHECK(t);
    int rc = check_batch(t, audience, contacts, n);
    if (rc)
        return rc;
    size_t added = 0;
    rc = change_call(t, audience, contacts, n, true, true, &added);
    if (rc == MTRK_OK && out_added)
        *out_added = added;
    return rc;
}

MTRK_API int mtrk_audience_remove_batch(size_t *out_removed, mtrk_tenant *t, mtrk_id audience,
                                        const mtrk_id *contacts, size_t n)
{
    if (out_removed)
        *out_removed = 0;
    TENANT_CHECK(t);
    int rc = check_batch(t, audience, contacts, n);
    if (rc)
        return rc;
    size_t removed = 0;
    rc = change_call(t, audience, contacts, n, false, true, &removed);
    if (rc == MTRK_OK && out_removed)
        *out_removed = removed;
    return rc;
}

MTRK_API int mtrk_audience_count(uint64_t *out_count, mtrk_tenant *t, mtrk_id audience)
{
    if (out_count == NULL)
        return gerr(MTRK_EINVAL, "out_count is NULL");
    *out_count = 0;
    TENANT_CHECK(t);
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_audiences a;
    rc = tx_end(t, read_audience(t, audience, &a));
    if (rc)
        return rc;
    *out_count = a.member_count > 0 ? (uint64_t)a.member_count : 0;
    rows_clear(T_AUDIENCES, &a);
    return MTRK_OK;
}

/* ---- iteration ---------------------------------------------------------- */

MTRK_API int mtrk_audience_iter_new(mtrk_audience_iter **out, mtrk_tenant *t)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_audience_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre = v_id(&t->id);
    int rc = pager_init(&it->pg, t, T_AUDIENCES, MTRK_INDEX_PK, &pre, 1);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_audience_iter_next(const mtrk_audience **out, mtrk_audience_iter *it)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    int rc = pager_step(&it->pg, &it->current.row);
    if (rc)
        return rc;
    *out = &it->current;
    return MTRK_OK;
}

MTRK_API void mtrk_audience_iter_free(mtrk_audience_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    rows_clear(T_AUDIENCES, &it->current.row);
    free(it);
}

MTRK_API int mtrk_member_iter_new(mtrk_member_iter **out, mtrk_tenant *t, mtrk_id audience)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_audiences a;
    rc = tx_end(t, read_audience(t, audience, &a));
    if (rc)
        return rc;
    rows_clear(T_AUDIENCES, &a);
    mtrk_member_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre[2] = { v_id(&t->id), v_id(&audience) };
    rc = pager_init(&it->pg, t, T_AUDIENCE_CONTACTS, MTRK_INDEX_PK, pre, 2);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_member_iter_next(mtrk_id *out_contact, mtrk_member_iter *it)
{
    if (out_contact == NULL)
        return gerr(MTRK_EINVAL, "out_contact is NULL");
    *out_contact = nil_id;
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    tenant_enter(it->pg.t); /* a call on the tenant (common.h, borrowed strings) */
    row_audience_contacts m;
    int rc = pager_next(&it->pg, &m);
    if (rc)
        return rc;
    *out_contact = m.contact;
    rows_clear(T_AUDIENCE_CONTACTS, &m);
    return MTRK_OK;
}

MTRK_API void mtrk_member_iter_free(mtrk_member_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    free(it);
}
