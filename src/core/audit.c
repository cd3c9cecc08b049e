/* The audit log: every state change that is not an event, with its actor. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int audit_add(mtrk_tenant *t, const char *action, const mtrk_id *entity, const char *detail)
{
    row_audit r = { 0 };
    r.tenant = t->id;
    r.id = core_id_new(t->db);
    r.at = core_now(t->db);
    r.actor = t->actor;
    r.action = (char *)action;
    if (entity)
        r.entity = *entity;
    r.detail = (char *)(detail ? detail : "{}");
    return st_insert(t, T_AUDIT, &r);
}

int audit_addf(mtrk_tenant *t, const char *action, const mtrk_id *entity, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof buf)
        return terr(t, MTRK_ETOOLONG, "audit detail too long");
    return audit_add(t, action, entity, buf);
}

/* ---- iteration ---------------------------------------------------------- */

struct mtrk_audit_entry {
    row_audit row;
};

struct mtrk_audit_iter {
    pager pg;
    struct mtrk_audit_entry current;
};

MTRK_API int mtrk_audit_iter_new(mtrk_audit_iter **out, mtrk_tenant *t)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_audit_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre = v_id(&t->id);
    int rc = pager_init(&it->pg, t, T_AUDIT, MTRK_INDEX_PK, &pre, 1);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_audit_iter_next(const mtrk_audit_entry **out, mtrk_audit_iter *it)
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

MTRK_API void mtrk_audit_iter_free(mtrk_audit_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    rows_clear(T_AUDIT, &it->current.row);
    free(it);
}

MTRK_API mtrk_time mtrk_audit_at(const mtrk_audit_entry *e) { return e ? e->row.at : 0; }
MTRK_API const char *mtrk_audit_actor(const mtrk_audit_entry *e) { return e ? e->row.actor : NULL; }
MTRK_API const char *mtrk_audit_action(const mtrk_audit_entry *e) { return e ? e->row.action : NULL; }
MTRK_API mtrk_id mtrk_audit_entity(const mtrk_audit_entry *e) { return e ? e->row.entity : nil_id; }
MTRK_API const char *mtrk_audit_detail(const mtrk_audit_entry *e) { return e ? e->row.detail : NULL; }
