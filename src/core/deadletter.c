/*
 * The dead-letter store: webhook events kept aside (unmapped types, events
 * whose message is not found), listed, counted and replayed once their
 * message exists.
 */
#include "webhook_int.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The size of a version-1 mtrk_deadletter_info: up to its payload. */
#define DL_INFO_V1_SIZE (offsetof(mtrk_deadletter_info, payload) + sizeof(const char *))

struct mtrk_deadletter_iter {
    pager pg;
    row_deadletters current;
};

MTRK_API int mtrk_deadletter_info_init(mtrk_deadletter_info *info, unsigned int version)
{
    int rc = init_check(info, "info", "mtrk_deadletter_info", version, MTRK_DEADLETTER_INFO_VERSION);
    if (rc)
        return rc;
    /* A version-1 caller's struct ends after payload: nothing past it is written. */
    mtrk_deadletter_info d = MTRK_DEADLETTER_INFO_INIT;
    d.version = version;
    memcpy(info, &d, version == 1 ? DL_INFO_V1_SIZE : sizeof d);
    return MTRK_OK;
}

MTRK_API int mtrk_deadletter_iter_new(mtrk_deadletter_iter **out, mtrk_tenant *t, const char *provider)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    int rc = wh_check_provider(t, provider, false);
    if (rc)
        return rc;
    mtrk_deadletter_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre[2] = { v_id(&t->id), v_text(provider) };
    if (provider != NULL)
        rc = pager_init(&it->pg, t, T_DEADLETTERS, IDX_DEADLETTERS_KEY, pre, 2);
    else
        rc = pager_init(&it->pg, t, T_DEADLETTERS, MTRK_INDEX_PK, pre, 1);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_deadletter_iter_next(mtrk_deadletter_info *out, mtrk_deadletter_iter *it)
{
    if (it == NULL)
        return gerr(MTRK_EINVAL, "iter is NULL");
    mtrk_tenant *t = it->pg.t;
    tenant_enter(t);
    int rc = check_version(t, "out", out, MTRK_DEADLETTER_INFO_VERSION);
    if (rc)
        return rc;
    rows_clear(T_DEADLETTERS, &it->current);
    rc = pager_next(&it->pg, &it->current);
    if (rc)
        return rc;
    const row_deadletters *r = &it->current;
    out->id = r->id;
    out->provider = r->provider;
    out->key = r->event_key;
    out->reason = r->reason;
    out->provider_type = r->provider_type;
    out->type = (mtrk_event_type)r->type;
    out->mid = r->message;
    out->provider_message_id = r->provider_message_id;
    out->occurred_at = r->occurred_at;
    out->arrived_at = r->arrived_at;
    out->payload = r->payload;
    /* The strings are the tenant handle's (common.h): kept through its next call. */
    const char **s[] = { &out->provider, &out->key, &out->reason, &out->provider_type, &out->provider_message_id,
                         &out->payload, NULL, NULL, NULL, NULL };
    size_t ns = 6;
    if (out->version >= 2) {
        /* The bounce's facts as kept (webhook.c, dead_letter): the kept
         * reason decides hard or soft as the replay will. */
        bool bounce = r->type == MTRK_EV_BOUNCE;
        mtrk_bounce_reason br = (mtrk_bounce_reason)r->bounce_reason;
        bool kept = r->bounce_reason != 0 || r->smtp_code != 0 || r->bounce_status != NULL || r->bounce_type != NULL ||
                    r->bounce_subtype != NULL; /* as as_event reads it */
        out->bounce_kind = !bounce ? MTRK_BOUNCE_NONE
                         : kept ? (mtrk_bounce_reason_kind(br) == MTRK_BOUNCE_HARD ? MTRK_BOUNCE_HARD : MTRK_BOUNCE_SOFT)
                                : (mtrk_bounce_kind)r->bounce_kind;
        out->bounce_reason = br;
        out->smtp_code = (int)r->smtp_code;
        out->bounce_status = r->bounce_status;
        out->bounce_type = r->bounce_type;
        out->bounce_subtype = r->bounce_subtype;
        out->diagnostic = r->diagnostic;
        s[ns++] = &out->bounce_status;
        s[ns++] = &out->bounce_type;
        s[ns++] = &out->bounce_subtype;
        s[ns++] = &out->diagnostic;
    }
    for (size_t i = 0; i < ns; i++)
        if (*s[i] != NULL && (*s[i] = tenant_keep(t, *s[i])) == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory");
    return MTRK_OK;
}

MTRK_API void mtrk_deadletter_iter_free(mtrk_deadletter_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    rows_clear(T_DEADLETTERS, &it->current);
    free(it);
}

static int count_cb(void *ud, void *row)
{
    (void)row;
    (*(uint64_t *)ud)++;
    return 0;
}

static int dl_count(mtrk_tenant *t, const char *provider, uint64_t *out)
{
    *out = 0;
    mtrk_value pre[2] = { v_id(&t->id), v_text(provider) };
    if (provider != NULL)
        return st_scan(t, T_DEADLETTERS, IDX_DEADLETTERS_KEY, pre, 2, NULL, 0, 0, count_cb, out);
    return st_scan(t, T_DEADLETTERS, MTRK_INDEX_PK, pre, 1, NULL, 0, 0, count_cb, out);
}

MTRK_API int mtrk_deadletter_count(uint64_t *out, mtrk_tenant *t, const char *provider)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = 0;
    TENANT_CHECK(t);
    int rc = wh_check_provider(t, provider, false);
    if (rc)
        return rc;
    rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = dl_count(t, provider, out);
    return tx_end(t, rc);
}

/* The dead letters of one provider that a replay can record. */
typedef struct dl_rows {
    row_deadletters *v;
    size_t n, cap;
} dl_rows;

static int collect_cb(void *ud, void *row)
{
    dl_rows *d = ud;
    const row_deadletters *r = row;
    if (r->type == 0 || (id_is_nil(r->message) && r->provider_message_id == NULL && r->send_id == NULL))
        return 0; /* unmapped, or nothing to find its message by */
    if (d->n == d->cap) {
        row_deadletters *p = grow_array(d->v, &d->cap, sizeof *p, 64);
        if (p == NULL)
            return MTRK_ENOMEM;
        d->v = p;
    }
    if (rows_copy(T_DEADLETTERS, &d->v[d->n], r) != MTRK_OK)
        return MTRK_ENOMEM;
    d->n++;
    return 0;
}

/* A dead letter seen as the event the request carried (strings borrowed). */
static void as_event(wh_event *ev, const row_deadletters *r)
{
    memset(ev, 0, sizeof *ev);
    ev->mapped = 1;
    ev->type = (mtrk_event_type)r->type;
    ev->provider_type = r->provider_type;
    ev->has_mid = !id_is_nil(r->message);
    ev->mid = r->message;
    ev->provider_message_id = r->provider_message_id;
    ev->key = r->event_key;
    ev->occurred_at = r->occurred_at;
    ev->recipient = r->recipient;
    ev->url = r->url;
    ev->link_index = (int)r->link_index;
    ev->user_agent = r->user_agent;
    ev->ip = r->ip;
    ev->verdict = (mtrk_verdict)r->verdict;
    ev->verdict_reason = r->verdict_reason;
    ev->bounce_kind = (mtrk_bounce_kind)r->bounce_kind;
    ev->diagnostic = r->diagnostic;
    /* A bounce's facts as they were kept (already as the event input takes
     * them). A dead letter kept without any (before they were stored) has
     * its reason found again from its diagnostic. */
    ev->smtp_code = (int)r->smtp_code;
    ev->enhanced_status = r->bounce_status;
    ev->bounce_type = r->bounce_type;
    ev->bounce_subtype = r->bounce_subtype;
    ev->reason_kept = r->bounce_reason != 0 || r->smtp_code != 0 || r->bounce_status != NULL ||
                      r->bounce_type != NULL || r->bounce_subtype != NULL;
    ev->kept_reason = (mtrk_bounce_reason)r->bounce_reason;
    ev->unsub_scope = (mtrk_unsub_scope)r->unsub_scope;
    ev->raw = r->payload;
    ev->send_id = r->send_id;
}

static int replay_provider(mtrk_tenant *t, const char *provider, size_t *recorded)
{
    dl_rows d = { 0 };
    mtrk_value pre[2] = { v_id(&t->id), v_text(provider) };
    int rc = st_scan(t, T_DEADLETTERS, IDX_DEADLETTERS_KEY, pre, 2, NULL, 0, 0, collect_cb, &d);
    if (rc == MTRK_ENOMEM)
        rc = terr(t, rc, "out of memory reading dead letters");
    size_t n = d.n;
    wh_event *evs = NULL;
    wh_event **evp = NULL;
    mtrk_event_outcome *outs = NULL;
    mtrk_id *lids = NULL;
    char **msgs = NULL;
    if (rc == MTRK_OK && n > 0) {
        evs = calloc(n, sizeof *evs);
        evp = calloc(n, sizeof *evp);
        outs = calloc(n, sizeof *outs);
        lids = calloc(n, sizeof *lids);
        msgs = calloc(n, sizeof *msgs);
        if (!evs || !evp || !outs || !lids || !msgs)
            rc = terr(t, MTRK_ENOMEM, "out of memory replaying dead letters");
        for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
            as_event(&evs[i], &d.v[i]);
            evp[i] = &evs[i];
        }
        if (rc == MTRK_OK) {
            wh_batch b = { evp, n, outs, lids, msgs, 0, 0, 0, 0, 0, 0 };
            rc = wh_record(t, provider, core_now(t->db), &b);
            *recorded += b.recorded;
        }
        /* Recorded now, or recorded before (a duplicate): no longer aside. */
        for (size_t i = 0; rc == MTRK_OK && i < n; i++)
            if (outs[i].status == MTRK_OK && !outs[i].dead_lettered)
                rc = st_delete(t, T_DEADLETTERS, &d.v[i]);
    }
    for (size_t i = 0; i < d.n; i++) {
        if (msgs)
            free(msgs[i]);
        rows_clear(T_DEADLETTERS, &d.v[i]);
    }
    free(d.v);
    free(evs);
    free(evp);
    free(outs);
    free(lids);
    free(msgs);
    return rc;
}

MTRK_API int mtrk_deadletter_replay(size_t *out_recorded, size_t *out_remaining, mtrk_tenant *t,
                                    const char *provider)
{
    if (out_recorded)
        *out_recorded = 0;
    if (out_remaining)
        *out_remaining = 0;
    TENANT_CHECK(t);
    int rc = wh_check_provider(t, provider, false);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    size_t recorded = 0;
    for (size_t i = 0; rc == MTRK_OK && wh_adapters[i] != NULL; i++)
        if (provider == NULL || strcmp(provider, wh_adapters[i]->name) == 0)
            rc = replay_provider(t, wh_adapters[i]->name, &recorded);
    uint64_t left = 0;
    if (rc == MTRK_OK)
        rc = dl_count(t, provider, &left);
    if (rc == MTRK_OK && recorded > 0)
        rc = audit_addf(t, "webhook.deadletters.replay", &t->id, "{\"recorded\":%zu,\"remaining\":%llu}", recorded,
                        (unsigned long long)left);
    rc = tx_end(t, rc);
    if (rc)
        return rc;
    if (out_recorded)
        *out_recorded = recorded;
    if (out_remaining)
        *out_remaining = (size_t)left;
    return MTRK_OK;
}

/* ---- erasure ------------------------------------------------------------------ */

typedef struct erase_scan {
    const mtrk_id *mids; /* sorted */
    size_t nmids;
    const char *address;
    row_deadletters *hits;
    size_t n, cap;
} erase_scan;

static int mid_cmp(const void *a, const void *b) { return memcmp(a, b, sizeof(mtrk_id)); }

static int erase_cb(void *ud, void *row)
{
    erase_scan *e = ud;
    const row_deadletters *r = row;
    bool mine = !id_is_nil(r->message) && e->nmids > 0 &&
                bsearch(&r->message, e->mids, e->nmids, sizeof *e->mids, mid_cmp) != NULL;
    if (!mine && e->address != NULL && r->recipient != NULL)
        mine = strcasecmp(r->recipient, e->address) == 0;
    if (!mine)
        return 0;
    if (e->n == e->cap) {
        row_deadletters *p = grow_array(e->hits, &e->cap, sizeof *p, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        e->hits = p;
    }
    if (rows_copy(T_DEADLETTERS, &e->hits[e->n], r) != MTRK_OK)
        return MTRK_ENOMEM;
    e->n++;
    return 0;
}

int core_deadletters_erase_contact(mtrk_tenant *t, mtrk_id contact, const char *address)
{
    mtrk_id *mids = NULL;
    size_t nmids = 0;
    int rc = core_contact_mids(t, contact, &mids, &nmids);
    if (rc)
        return rc;
    if (nmids > 1) /* mids is NULL when the contact has none: no qsort(NULL, 0) (UBSan) */
        qsort(mids, nmids, sizeof *mids, mid_cmp);
    erase_scan e = { mids, nmids, address, NULL, 0, 0 };
    mtrk_value pre = v_id(&t->id);
    rc = st_scan(t, T_DEADLETTERS, MTRK_INDEX_PK, &pre, 1, NULL, 0, 0, erase_cb, &e);
    if (rc == MTRK_ENOMEM)
        rc = terr(t, rc, "out of memory erasing dead letters");
    for (size_t i = 0; i < e.n; i++) {
        if (rc == MTRK_OK)
            rc = st_delete(t, T_DEADLETTERS, &e.hits[i]);
        rows_clear(T_DEADLETTERS, &e.hits[i]);
    }
    free(e.hits);
    if (rc == MTRK_OK)
        rc = wh_data_erase_mids(t, mids, nmids);
    free(mids);
    return rc;
}
