/* Unsubscribe rules: global, per campaign, per audience; explicit or caused by events. */
#include "contact_int.h"

#include <stdlib.h>
#include <string.h>

struct mtrk_unsub {
    row_unsubscribes row;
};

struct mtrk_unsub_iter {
    pager pg;
    struct mtrk_unsub current;
};

const char *unsub_scope_name(int scope)
{
    switch (scope) {
    case MTRK_UNSUB_GLOBAL: return "global";
    case MTRK_UNSUB_CAMPAIGN: return "campaign";
    case MTRK_UNSUB_AUDIENCE: return "audience";
    default: return "unknown";
    }
}

const char *source_name(int source)
{
    switch (source) {
    case MTRK_SOURCE_LINK: return "link";
    case MTRK_SOURCE_ONE_CLICK: return "one_click";
    case MTRK_SOURCE_COMPLAINT: return "complaint";
    case MTRK_SOURCE_MANUAL: return "manual";
    case MTRK_SOURCE_IMPORT: return "import";
    case MTRK_SOURCE_BOUNCE: return "bounce";
    case MTRK_SOURCE_MAILTO: return "mailto";
    default: return "unknown";
    }
}

/* MTRK_SOURCE_BOUNCE belongs to suppressions: a bounce never unsubscribes. */
bool unsub_source_valid(int source)
{
    return source >= MTRK_SOURCE_LINK && source <= MTRK_SOURCE_MAILTO && source != MTRK_SOURCE_BOUNCE;
}

static void key_row(row_unsubscribes *r, mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id)
{
    memset(r, 0, sizeof *r);
    r->tenant = t->id;
    r->contact = contact;
    r->scope = scope;
    r->scope_id = scope == MTRK_UNSUB_GLOBAL ? nil_id : scope_id;
}

int core_unsub_exists(mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id, bool *out)
{
    row_unsubscribes r;
    key_row(&r, t, contact, scope, scope_id);
    int rc = st_get(t, T_UNSUBSCRIBES, &r);
    *out = rc == MTRK_OK;
    if (rc == MTRK_OK)
        rows_clear(T_UNSUBSCRIBES, &r);
    return rc == MTRK_ENOTFOUND ? MTRK_OK : rc;
}

static int audit_unsub(mtrk_tenant *t, const char *action, mtrk_id contact, mtrk_unsub_scope scope,
                       mtrk_id scope_id, int source)
{
    char sid[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(sid, scope_id);
    if (source)
        return audit_addf(t, action, &contact, "{\"scope\":\"%s\",\"scope_id\":%s%s%s,\"source\":\"%s\"}",
                          unsub_scope_name(scope), scope == MTRK_UNSUB_GLOBAL ? "null" : "\"",
                          scope == MTRK_UNSUB_GLOBAL ? "" : sid, scope == MTRK_UNSUB_GLOBAL ? "" : "\"",
                          source_name(source));
    return audit_addf(t, action, &contact, "{\"scope\":\"%s\",\"scope_id\":%s%s%s}", unsub_scope_name(scope),
                      scope == MTRK_UNSUB_GLOBAL ? "null" : "\"", scope == MTRK_UNSUB_GLOBAL ? "" : sid,
                      scope == MTRK_UNSUB_GLOBAL ? "" : "\"");
}

int core_unsub_put(mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id, mtrk_source source,
                   const mtrk_id *event, int *created, uint64_t *canceled)
{
    if (created)
        *created = 0;
    if (canceled)
        *canceled = 0;
    bool exists = false;
    int rc = core_unsub_exists(t, contact, scope, scope_id, &exists);
    if (rc || exists)
        return rc;
    row_unsubscribes r;
    key_row(&r, t, contact, scope, scope_id);
    r.source = source;
    r.created_at = core_now(t->db);
    if (event)
        r.event = *event;
    rc = st_insert(t, T_UNSUBSCRIBES, &r);
    if (rc == MTRK_OK)
        rc = core_recheck_contact(t, contact, canceled);
    if (rc == MTRK_OK && event == NULL)
        rc = audit_unsub(t, "unsub.add", contact, scope, r.scope_id, source);
    if (rc == MTRK_OK && created)
        *created = 1;
    return rc;
}

/* ---- validation --------------------------------------------------------- */

static int check_scope(mtrk_tenant *t, mtrk_unsub_scope scope, mtrk_id scope_id)
{
    if (scope < MTRK_UNSUB_GLOBAL || scope > MTRK_UNSUB_AUDIENCE)
        return terr(t, MTRK_EINVAL, "scope %d is out of range", (int)scope);
    if (scope == MTRK_UNSUB_GLOBAL && !id_is_nil(scope_id))
        return terr(t, MTRK_EINVAL, "scope_id must be nil for a global unsubscribe");
    if (scope != MTRK_UNSUB_GLOBAL && id_is_nil(scope_id))
        return terr(t, MTRK_EINVAL, "scope_id is nil (a %s unsubscribe names its %s)", unsub_scope_name(scope),
                    unsub_scope_name(scope));
    return MTRK_OK;
}

/* The contact and the scope's campaign or audience exist in this tenant. */
static int check_targets(mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id)
{
    char s[MTRK_ID_STRLEN + 1];
    row_contacts c = { 0 };
    c.tenant = t->id;
    c.id = contact;
    int rc = st_get(t, T_CONTACTS, &c);
    if (rc == MTRK_ENOTFOUND) {
        mtrk_id_to_string(s, contact);
        return terr(t, rc, "contact %s not found", s);
    }
    if (rc)
        return rc;
    rows_clear(T_CONTACTS, &c);
    if (scope == MTRK_UNSUB_CAMPAIGN) {
        row_campaigns cam = { 0 };
        cam.tenant = t->id;
        cam.id = scope_id;
        rc = st_get(t, T_CAMPAIGNS, &cam);
        if (rc == MTRK_OK)
            rows_clear(T_CAMPAIGNS, &cam);
    } else if (scope == MTRK_UNSUB_AUDIENCE) {
        row_audiences a = { 0 };
        a.tenant = t->id;
        a.id = scope_id;
        rc = st_get(t, T_AUDIENCES, &a);
        if (rc == MTRK_OK)
            rows_clear(T_AUDIENCES, &a);
    }
    if (rc == MTRK_ENOTFOUND) {
        mtrk_id_to_string(s, scope_id);
        return terr(t, rc, "%s %s not found", unsub_scope_name(scope), s);
    }
    return rc;
}

/* ---- public API --------------------------------------------------------- */

MTRK_API int mtrk_unsub_add(int *out_created, mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope,
                            mtrk_id scope_id, mtrk_source source)
{
    if (out_created)
        *out_created = 0;
    TENANT_CHECK(t);
    if (id_is_nil(contact))
        return terr(t, MTRK_EINVAL, "contact is nil");
    int rc = check_scope(t, scope, scope_id);
    if (rc)
        return rc;
    if (!unsub_source_valid(source))
        return terr(t, MTRK_EINVAL, "source %d is not an unsubscribe source (link..import, or mailto)", (int)source);
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    int created = 0;
    rc = check_targets(t, contact, scope, scope_id);
    if (rc == MTRK_OK)
        rc = core_unsub_put(t, contact, scope, scope_id, source, NULL, &created, NULL);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && out_created)
        *out_created = created;
    return rc;
}

MTRK_API int mtrk_unsub_remove(mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id)
{
    TENANT_CHECK(t);
    if (id_is_nil(contact))
        return terr(t, MTRK_EINVAL, "contact is nil");
    int rc = check_scope(t, scope, scope_id);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_unsubscribes r;
    key_row(&r, t, contact, scope, scope_id);
    rc = st_get(t, T_UNSUBSCRIBES, &r);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, contact);
        rc = terr(t, rc, "contact %s has no %s unsubscribe rule for that scope", s, unsub_scope_name(scope));
    }
    if (rc == MTRK_OK) {
        rc = st_delete(t, T_UNSUBSCRIBES, &r);
        rows_clear(T_UNSUBSCRIBES, &r);
    }
    if (rc == MTRK_OK)
        rc = audit_unsub(t, "unsub.remove", contact, scope, scope == MTRK_UNSUB_GLOBAL ? nil_id : scope_id, 0);
    return tx_end(t, rc);
}

/* ---- iteration ---------------------------------------------------------- */

MTRK_API int mtrk_unsub_iter_new(mtrk_unsub_iter **out, mtrk_tenant *t, mtrk_id contact)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    if (id_is_nil(contact))
        return terr(t, MTRK_EINVAL, "contact is nil");
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_contacts c = { 0 };
    c.tenant = t->id;
    c.id = contact;
    rc = st_get(t, T_CONTACTS, &c);
    if (rc == MTRK_OK)
        rows_clear(T_CONTACTS, &c);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, contact);
        rc = terr(t, rc, "contact %s not found", s);
    }
    rc = tx_end(t, rc);
    if (rc)
        return rc;
    mtrk_unsub_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre[2] = { v_id(&t->id), v_id(&contact) };
    rc = pager_init(&it->pg, t, T_UNSUBSCRIBES, MTRK_INDEX_PK, pre, 2);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_unsub_iter_next(const mtrk_unsub **out, mtrk_unsub_iter *it)
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

MTRK_API void mtrk_unsub_iter_free(mtrk_unsub_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    rows_clear(T_UNSUBSCRIBES, &it->current.row);
    free(it);
}

MTRK_API mtrk_id mtrk_unsub_contact(const mtrk_unsub *u) { return u ? u->row.contact : nil_id; }
MTRK_API mtrk_unsub_scope mtrk_unsub_scope_of(const mtrk_unsub *u)
{
    return u ? (mtrk_unsub_scope)u->row.scope : (mtrk_unsub_scope)0;
}
MTRK_API mtrk_id mtrk_unsub_scope_id(const mtrk_unsub *u) { return u ? u->row.scope_id : nil_id; }
MTRK_API mtrk_source mtrk_unsub_source(const mtrk_unsub *u) { return u ? (mtrk_source)u->row.source : (mtrk_source)0; }
MTRK_API mtrk_time mtrk_unsub_created_at(const mtrk_unsub *u) { return u ? u->row.created_at : 0; }
MTRK_API mtrk_id mtrk_unsub_event_id(const mtrk_unsub *u) { return u ? u->row.event : nil_id; }
