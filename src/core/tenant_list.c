/* Listing the tenants of a store (operators' tools need it; no data of any
 * tenant is read but its key). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct keys_ctx {
    strbuf b;
    size_t n;
};

static int key_cb(void *ud, void *row)
{
    struct keys_ctx *c = ud;
    const row_tenants *r = row;
    sb_addn(&c->b, r->key, strlen(r->key) + 1); /* keep the NUL */
    c->n++;
    return c->b.oom ? MTRK_ENOMEM : 0;
}

MTRK_API int mtrk_db_tenant_list(char **out_keys, size_t *out_n, mtrk_db *db)
{
    if (out_keys == NULL)
        return gerr(MTRK_EINVAL, "out_keys is NULL");
    *out_keys = NULL;
    if (out_n == NULL)
        return gerr(MTRK_EINVAL, "out_n is NULL");
    *out_n = 0;
    if (db == NULL)
        return gerr(MTRK_EINVAL, "db is NULL");
    /* A handle with no tenant id reaches only the tenants table. */
    mtrk_tenant t;
    memset(&t, 0, sizeof t);
    t.db = db;
    struct keys_ctx c = { { 0 }, 0 };
    int rc = tx_begin(&t, false);
    if (rc == MTRK_OK) {
        rc = st_scan(&t, T_TENANTS, IDX_TENANTS_KEY, NULL, 0, NULL, 0, 0, key_cb, &c);
        rc = tx_end(&t, rc);
    }
    if (rc == MTRK_OK) {
        sb_addn(&c.b, "", 1); /* the final empty string */
        if (c.b.oom)
            rc = MTRK_ENOMEM;
    }
    if (rc) {
        sb_free(&c.b);
        if (t.err[0])
            memcpy(db->err, t.err, ERRMSG_SIZE);
        return rc == MTRK_ENOMEM ? dberr(db, rc, "out of memory listing tenants") : rc;
    }
    *out_keys = c.b.p;
    *out_n = c.n;
    return MTRK_OK;
}
