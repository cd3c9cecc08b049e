/* Retention and scrubbing: IPs and user agents of events do not outlive their purpose. */
#include "contact_int.h"

#include <stdlib.h>
#include <string.h>

struct spage_ctx {
    mtrk_tenant *t;
    unsigned table;
    char *rows;
    size_t max, got;
    mtrk_time before; /* events by campaign only: those that occurred before it */
    bool by_time;
};

static int spage_cb(void *ud, void *row)
{
    struct spage_ctx *p = ud;
    if (p->by_time) {
        /* events_by_campaign holds an hour's events in arrival order: stop
         * after before's hour, skip its later events within it. */
        const row_events *e = row;
        if (e->occurred_hour > core_hour(p->before))
            return 1;
        if (e->occurred_at >= p->before)
            return 0;
    }
    int rc = rows_copy(p->table, p->rows + p->got * rows_size(p->table), row);
    if (rc)
        return terr(p->t, MTRK_ENOMEM, "out of memory");
    return ++p->got >= p->max ? 1 : 0;
}

static int page(struct spage_ctx *p, int index, const mtrk_value *prefix, unsigned nprefix, page_cursor *c)
{
    mtrk_tenant *t = p->t;
    size_t sz = rows_size(p->table);
    p->got = 0;
    int rc = st_scan(t, p->table, index, prefix, nprefix, c->started ? c->vals : NULL, c->started ? c->n : 0,
                     c->started ? MTRK_SCAN_AFTER : 0, spage_cb, p);
    if (rc == MTRK_OK && p->got > 0) {
        rc = cursor_set(c, p->table, index, nprefix, p->rows + (p->got - 1) * sz);
        if (rc)
            rc = terr(t, rc, "out of memory");
    }
    if (rc) {
        for (size_t i = 0; i < p->got; i++)
            rows_clear(p->table, p->rows + i * sz);
        p->got = 0;
    }
    return rc;
}

int scan_page(mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
              page_cursor *c, void *rows, size_t max, size_t *got)
{
    struct spage_ctx p = { t, table, rows, max, 0, 0, false };
    int rc = page(&p, index, prefix, nprefix, c);
    *got = p.got;
    return rc;
}

int events_scrub(mtrk_tenant *t, int index, const mtrk_value *prefix, unsigned nprefix, mtrk_time before,
                 uint64_t *scrubbed)
{
    row_events *rows = calloc(BULK_PAGE, sizeof *rows);
    if (rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    struct spage_ctx p = { t, T_EVENTS, (char *)rows, BULK_PAGE, 0, before, before != INT64_MAX };
    page_cursor cur = { 0 };
    uint64_t n = 0;
    int rc;
    do {
        rc = page(&p, index, prefix, nprefix, &cur);
        for (size_t i = 0; i < p.got; i++) {
            row_events *e = &rows[i];
            if (rc == MTRK_OK && (e->ip || e->user_agent)) {
                row_events before = *e; /* shallow, for the changed-column mask */
                before.ip = before.user_agent = (char *)"";
                free(e->ip);
                free(e->user_agent);
                e->ip = e->user_agent = NULL;
                /* Neither column is in a key: the scan order is unaffected. */
                rc = st_update_from(t, T_EVENTS, &before, e);
                if (rc == MTRK_OK)
                    n++;
            }
            rows_clear(T_EVENTS, e);
        }
    } while (rc == MTRK_OK && p.got == BULK_PAGE);
    cursor_free(&cur);
    free(rows);
    if (rc == MTRK_OK && scrubbed)
        *scrubbed += n;
    return rc;
}

/* Every campaign's events that occurred before `before`, campaign by campaign
 * (events_by_campaign orders each campaign's events by occurred_at). Every
 * event belongs to a campaign of its tenant (a foreign key). */
static int scrub_campaigns(mtrk_tenant *t, mtrk_time before, uint64_t *n)
{
    row_campaigns *cams = calloc(BULK_PAGE, sizeof *cams);
    if (cams == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    page_cursor cur = { 0 };
    mtrk_value pre = v_id(&t->id);
    size_t got = 0;
    int rc;
    do {
        rc = scan_page(t, T_CAMPAIGNS, MTRK_INDEX_PK, &pre, 1, &cur, cams, BULK_PAGE, &got);
        for (size_t i = 0; i < got; i++) {
            if (rc == MTRK_OK) {
                mtrk_value cp[2] = { v_id(&t->id), v_id(&cams[i].id) };
                rc = events_scrub(t, IDX_EVENTS_CAMPAIGN, cp, 2, before, n);
            }
            rows_clear(T_CAMPAIGNS, &cams[i]);
        }
    } while (rc == MTRK_OK && got == BULK_PAGE);
    cursor_free(&cur);
    free(cams);
    return rc;
}

MTRK_API int mtrk_retention_apply(uint64_t *out_scrubbed, mtrk_tenant *t)
{
    if (out_scrubbed)
        *out_scrubbed = 0;
    TENANT_CHECK(t);
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    /* The period is read inside the transaction: another handle may have changed it. */
    row_tenants tr = { 0 };
    tr.id = t->id;
    rc = st_get(t, T_TENANTS, &tr);
    if (rc == MTRK_ENOTFOUND)
        rc = terr(t, rc, "tenant \"%s\" no longer exists", t->key);
    uint64_t n = 0;
    if (rc == MTRK_OK) {
        mtrk_time now = core_now(t->db);
        mtrk_time before = tr.retention_ms > 0 && now > INT64_MIN + tr.retention_ms ? now - tr.retention_ms : now;
        int64_t payload_ms = tr.webhook_payload_retention_ms;
        rows_clear(T_TENANTS, &tr);
        rc = scrub_campaigns(t, before, &n);
        if (rc == MTRK_OK) /* webhook_data.c: kept provider payloads past their own period */
            rc = core_webhook_payloads_purge(t, now, payload_ms);
    }
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && out_scrubbed)
        *out_scrubbed = n;
    return rc;
}
