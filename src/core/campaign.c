/* Campaigns: specification, state machine, audiences attached, links. */
#include "campaign_area.h"

#include <stdlib.h>
#include <string.h>

/* ---- shared helpers of the area ---------------------------------------- */

int cam_load(mtrk_tenant *t, mtrk_id id, row_campaigns *out)
{
    memset(out, 0, sizeof *out);
    out->tenant = t->id;
    out->id = id;
    int rc = st_get(t, T_CAMPAIGNS, out);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, id);
        return terr(t, MTRK_ENOTFOUND, "campaign %s not found", s);
    }
    return rc;
}

int cam_exists(mtrk_tenant *t, mtrk_id id)
{
    row_campaigns c;
    int rc = cam_load(t, id, &c);
    if (rc == MTRK_OK)
        rows_clear(T_CAMPAIGNS, &c);
    return rc;
}

int pager_init_campaign(pager *p, mtrk_tenant *t, mtrk_id campaign, unsigned table, int index)
{
    memset(p, 0, sizeof *p);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    rc = tx_end(t, cam_exists(t, campaign));
    if (rc)
        return rc;
    mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
    return pager_init(p, t, table, index, pre, 2);
}

int contact_load(mtrk_tenant *t, mtrk_id id, row_contacts *out)
{
    memset(out, 0, sizeof *out);
    out->tenant = t->id;
    out->id = id;
    int rc = st_get(t, T_CONTACTS, out);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, id);
        return terr(t, MTRK_ENOTFOUND, "contact %s not found", s);
    }
    return rc;
}

int cam_transition_ok(int from, int to, int paused_from)
{
    switch (from) {
    case MTRK_CAMPAIGN_DRAFT:
        return to == MTRK_CAMPAIGN_SCHEDULED || to == MTRK_CAMPAIGN_PAUSED || to == MTRK_CAMPAIGN_CANCELED;
    case MTRK_CAMPAIGN_SCHEDULED:
        return to == MTRK_CAMPAIGN_SENDING || to == MTRK_CAMPAIGN_PAUSED || to == MTRK_CAMPAIGN_CANCELED;
    case MTRK_CAMPAIGN_SENDING:
        return to == MTRK_CAMPAIGN_SENT || to == MTRK_CAMPAIGN_PAUSED || to == MTRK_CAMPAIGN_CANCELED;
    case MTRK_CAMPAIGN_PAUSED:
        return (to == paused_from && to != MTRK_CAMPAIGN_PAUSED) || to == MTRK_CAMPAIGN_CANCELED;
    default: /* sent and canceled are final */
        return 0;
    }
}

int id_list_push(id_list *l, mtrk_id id)
{
    if (l->n == l->cap) {
        mtrk_id *v = grow_array(l->v, &l->cap, sizeof *v, 16);
        if (v == NULL)
            return MTRK_ENOMEM;
        l->v = v;
    }
    l->v[l->n++] = id;
    return MTRK_OK;
}

void id_list_free(id_list *l)
{
    free(l->v);
    memset(l, 0, sizeof *l);
}

static int aud_cb(void *ud, void *row)
{
    const row_campaign_audiences *r = row;
    return id_list_push(ud, r->audience) ? MTRK_ENOMEM : 0;
}

int cam_audiences(mtrk_tenant *t, mtrk_id campaign, id_list *out)
{
    mtrk_value pre[2] = { v_id(&t->id), v_id(&campaign) };
    int rc = st_scan(t, T_CAMPAIGN_AUDIENCES, MTRK_INDEX_PK, pre, 2, NULL, 0, 0, aud_cb, out);
    if (rc == MTRK_ENOMEM)
        return terr(t, rc, "out of memory");
    return rc;
}

int audience_has(mtrk_tenant *t, mtrk_id audience, mtrk_id contact, bool *out)
{
    row_audience_contacts r = { 0 };
    r.tenant = t->id;
    r.audience = audience;
    r.contact = contact;
    int rc = st_get(t, T_AUDIENCE_CONTACTS, &r);
    *out = rc == MTRK_OK;
    if (rc == MTRK_OK)
        rows_clear(T_AUDIENCE_CONTACTS, &r);
    return rc == MTRK_ENOTFOUND ? MTRK_OK : rc;
}

/* ---- names -------------------------------------------------------------- */

MTRK_API const char *mtrk_campaign_status_name(mtrk_campaign_status status)
{
    static const char *const names[] = { NULL, "draft", "scheduled", "sending", "sent", "paused", "canceled" };
    if ((int)status < 1 || (int)status > MTRK_CAMPAIGN_CANCELED)
        return NULL;
    return names[status];
}

static const char *status_text(int64_t s)
{
    const char *n = mtrk_campaign_status_name((mtrk_campaign_status)s);
    return n ? n : "unknown";
}

/* ---- specification ------------------------------------------------------ */

MTRK_API int mtrk_campaign_spec_init(mtrk_campaign_spec *spec, unsigned int version)
{
    int rc = init_check(spec, "spec", "mtrk_campaign_spec", version, MTRK_CAMPAIGN_SPEC_VERSION);
    if (rc)
        return rc;
    mtrk_campaign_spec d = MTRK_CAMPAIGN_SPEC_INIT;
    *spec = d;
    spec->version = version;
    return MTRK_OK;
}

/* Pure validation of a spec; writes the normalized sender and reply-to. */
static int spec_check(mtrk_tenant *t, const mtrk_campaign_spec *s, char *from, char *reply, bool *has_reply)
{
    *has_reply = false;
    int rc = check_version(t, "spec", s, MTRK_CAMPAIGN_SPEC_VERSION);
    if (rc)
        return rc;
    rc = check_str(t, "spec->name", s->name, MTRK_MAX_NAME, true);
    if (rc == MTRK_OK)
        rc = check_str(t, "spec->objective", s->objective, MTRK_MAX_NAME, false);
    if (rc == MTRK_OK)
        rc = check_str(t, "spec->subject", s->subject, MTRK_MAX_SUBJECT, true);
    if (rc == MTRK_OK)
        rc = check_str(t, "spec->from_name", s->from_name, MTRK_MAX_NAME, false);
    if (rc == MTRK_OK)
        rc = check_address(t, "spec->from_address", s->from_address, from);
    /* An empty reply-to means "none", like NULL. */
    *has_reply = s->reply_to != NULL && s->reply_to[0] != '\0';
    if (rc == MTRK_OK && *has_reply)
        rc = check_address(t, "spec->reply_to", s->reply_to, reply);
    if (rc == MTRK_OK)
        rc = check_str(t, "spec->html", s->html, MTRK_MAX_HTML, false);
    if (rc == MTRK_OK)
        rc = check_str(t, "spec->text", s->text, MTRK_MAX_TEXT, false);
    if (rc)
        return rc;
    if ((s->html == NULL || !*s->html) && (s->text == NULL || !*s->text))
        return terr(t, MTRK_EINVAL, "spec->html and spec->text are both empty (one is required)");
    if (s->starts_at < 0)
        return terr(t, MTRK_EINVAL, "spec->starts_at is negative");
    if (s->ends_at < 0)
        return terr(t, MTRK_EINVAL, "spec->ends_at is negative");
    if (s->starts_at && s->ends_at && s->ends_at <= s->starts_at)
        return terr(t, MTRK_EINVAL, "spec->ends_at must be after spec->starts_at");
    return MTRK_OK;
}

/* Copies the spec's fields into a row (strings borrowed from the spec). */
static void spec_to_row(row_campaigns *r, const mtrk_campaign_spec *s, char *from, char *reply, bool has_reply)
{
    r->name = (char *)s->name;
    r->objective = (char *)s->objective;
    r->subject = (char *)s->subject;
    r->from_name = (char *)s->from_name;
    r->from_address = from;
    r->reply_to = has_reply ? reply : NULL;
    r->html = (char *)s->html;
    r->text = (char *)s->text;
    r->starts_at = s->starts_at;
    r->ends_at = s->ends_at;
}

MTRK_API int mtrk_campaign_create(mtrk_id *out_id, mtrk_tenant *t, const mtrk_campaign_spec *spec)
{
    if (out_id == NULL)
        return gerr(MTRK_EINVAL, "out_id is NULL");
    *out_id = nil_id;
    TENANT_CHECK(t);
    char from[MTRK_MAX_ADDRESS + 1], reply[MTRK_MAX_ADDRESS + 1];
    bool has_reply;
    int rc = spec_check(t, spec, from, reply, &has_reply);
    if (rc)
        return rc;
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_campaigns r = { 0 };
    r.tenant = t->id;
    r.id = core_id_new(t->db);
    spec_to_row(&r, spec, from, reply, has_reply);
    r.status = MTRK_CAMPAIGN_DRAFT;
    r.created_at = r.updated_at = core_now(t->db);
    rc = st_insert(t, T_CAMPAIGNS, &r);
    if (rc == MTRK_OK)
        rc = core_links_catalogue(t, r.id, r.html); /* track.c: links of the HTML */
    rc = tx_end(t, rc);
    if (rc == MTRK_OK)
        *out_id = r.id;
    return rc;
}

MTRK_API int mtrk_campaign_get(mtrk_campaign **out, mtrk_tenant *t, mtrk_id id)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    if (id_is_nil(id))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    mtrk_campaign *c = calloc(1, sizeof *c);
    if (c == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    int rc = tx_begin(t, false);
    if (rc == MTRK_OK)
        rc = tx_end(t, cam_load(t, id, &c->row));
    if (rc) {
        free(c);
        return rc;
    }
    *out = c;
    return MTRK_OK;
}

MTRK_API void mtrk_campaign_free(mtrk_campaign *c)
{
    if (c == NULL)
        return;
    rows_clear(T_CAMPAIGNS, &c->row);
    free(c);
}

MTRK_API mtrk_id mtrk_campaign_id(const mtrk_campaign *c) { return c ? c->row.id : nil_id; }
MTRK_API const char *mtrk_campaign_name(const mtrk_campaign *c) { return c ? c->row.name : NULL; }
MTRK_API const char *mtrk_campaign_objective(const mtrk_campaign *c) { return c ? c->row.objective : NULL; }
MTRK_API const char *mtrk_campaign_subject(const mtrk_campaign *c) { return c ? c->row.subject : NULL; }
MTRK_API const char *mtrk_campaign_from_name(const mtrk_campaign *c) { return c ? c->row.from_name : NULL; }
MTRK_API const char *mtrk_campaign_from_address(const mtrk_campaign *c) { return c ? c->row.from_address : NULL; }
MTRK_API const char *mtrk_campaign_reply_to(const mtrk_campaign *c) { return c ? c->row.reply_to : NULL; }
MTRK_API const char *mtrk_campaign_html(const mtrk_campaign *c) { return c ? c->row.html : NULL; }
MTRK_API const char *mtrk_campaign_text(const mtrk_campaign *c) { return c ? c->row.text : NULL; }
MTRK_API mtrk_time mtrk_campaign_starts_at(const mtrk_campaign *c) { return c ? c->row.starts_at : 0; }
MTRK_API mtrk_time mtrk_campaign_ends_at(const mtrk_campaign *c) { return c ? c->row.ends_at : 0; }
MTRK_API mtrk_campaign_status mtrk_campaign_status_of(const mtrk_campaign *c)
{
    return c ? (mtrk_campaign_status)c->row.status : (mtrk_campaign_status)0;
}
MTRK_API mtrk_time mtrk_campaign_created_at(const mtrk_campaign *c) { return c ? c->row.created_at : 0; }

MTRK_API int mtrk_campaign_edit(mtrk_tenant *t, mtrk_id id, const mtrk_campaign_spec *spec)
{
    TENANT_CHECK(t);
    char from[MTRK_MAX_ADDRESS + 1], reply[MTRK_MAX_ADDRESS + 1];
    bool has_reply;
    int rc = spec_check(t, spec, from, reply, &has_reply);
    if (rc)
        return rc;
    if (id_is_nil(id))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_campaigns cur;
    rc = cam_load(t, id, &cur);
    if (rc == MTRK_OK) {
        if (cur.status != MTRK_CAMPAIGN_DRAFT) {
            char s[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(s, id);
            rc = terr(t, MTRK_ESTATE, "campaign %s is %s: only a draft can be edited", s, status_text(cur.status));
        } else {
            row_campaigns nw = cur; /* keeps status, times; strings replaced below */
            spec_to_row(&nw, spec, from, reply, has_reply);
            nw.updated_at = core_now(t->db);
            rc = st_update(t, T_CAMPAIGNS, &nw);
            if (rc == MTRK_OK)
                rc = core_links_catalogue(t, id, nw.html); /* track.c: lids of unchanged links kept */
        }
        rows_clear(T_CAMPAIGNS, &cur);
    }
    return tx_end(t, rc);
}

/* ---- status ------------------------------------------------------------- */

#define CANCEL_BATCH 256

struct msg_batch {
    row_messages *rows;
    size_t n, max;
};

static int batch_cb(void *ud, void *row)
{
    struct msg_batch *b = ud;
    int rc = rows_copy(T_MESSAGES, &b->rows[b->n], row);
    if (rc)
        return rc;
    return ++b->n >= b->max ? 1 : 0;
}

static void batch_clear(struct msg_batch *b)
{
    for (size_t i = 0; i < b->n; i++)
        rows_clear(T_MESSAGES, &b->rows[i]);
    b->n = 0;
}

/* Cancels every message of the campaign in `state`. Each cancel moves the
 * message out of the (campaign, state) prefix, so reading the first batch
 * again always makes progress; memory stays bounded by the batch. */
static int cancel_in_state(mtrk_tenant *t, mtrk_id campaign, int state, struct msg_batch *b)
{
    mtrk_value pre[3] = { v_id(&t->id), v_id(&campaign), v_int(state) };
    for (;;) {
        int rc = st_scan(t, T_MESSAGES, IDX_MESSAGES_QUEUE, pre, 3, NULL, 0, 0, batch_cb, b);
        if (rc) {
            batch_clear(b);
            return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
        }
        if (b->n == 0)
            return MTRK_OK;
        for (size_t i = 0; i < b->n && rc == MTRK_OK; i++) {
            bool moved; /* events took it out of the queue: it leaves the prefix */
            if ((rc = core_message_settle(t, &b->rows[i], &moved)) == MTRK_OK && !moved)
                rc = core_message_cancel(t, &b->rows[i], MTRK_EXCL_CAMPAIGN_CANCELED);
        }
        batch_clear(b);
        if (rc)
            return rc;
    }
}

static int cancel_messages(mtrk_tenant *t, mtrk_id campaign)
{
    struct msg_batch b = { calloc(CANCEL_BATCH, sizeof(row_messages)), 0, CANCEL_BATCH };
    if (b.rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    int rc = cancel_in_state(t, campaign, MTRK_MSG_QUEUED, &b);
    if (rc == MTRK_OK)
        rc = cancel_in_state(t, campaign, MTRK_MSG_CLAIMED, &b);
    free(b.rows);
    return rc;
}

MTRK_API int mtrk_campaign_set_status(mtrk_tenant *t, mtrk_id id, mtrk_campaign_status status)
{
    TENANT_CHECK(t);
    if (id_is_nil(id))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if (mtrk_campaign_status_name(status) == NULL)
        return terr(t, MTRK_EINVAL, "status %d is not a campaign status", (int)status);
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_campaigns r;
    rc = cam_load(t, id, &r);
    if (rc)
        return tx_end(t, rc);
    int64_t from = r.status;
    if (!cam_transition_ok((int)from, (int)status, (int)r.paused_from)) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, id);
        rc = terr(t, MTRK_ESTATE, "campaign %s cannot go from %s to %s", s, status_text(from),
                  status_text(status));
    } else {
        r.paused_from = status == MTRK_CAMPAIGN_PAUSED ? from : 0;
        r.status = status;
        r.updated_at = core_now(t->db);
        rc = st_update(t, T_CAMPAIGNS, &r);
        if (rc == MTRK_OK && status == MTRK_CAMPAIGN_CANCELED)
            rc = cancel_messages(t, id);
        if (rc == MTRK_OK)
            rc = audit_addf(t, "campaign.status", &id, "{\"from\":\"%s\",\"to\":\"%s\"}", status_text(from),
                            status_text(status));
    }
    rows_clear(T_CAMPAIGNS, &r);
    return tx_end(t, rc);
}

/* ---- audiences ---------------------------------------------------------- */

/* Loads the campaign and the audience and refuses a final campaign: attaching
 * or detaching changes whom a campaign may still reach, which is meaningful in
 * every status but sent and canceled. */
static int attach_prepare(mtrk_tenant *t, mtrk_id campaign, mtrk_id audience)
{
    row_campaigns c;
    int rc = cam_load(t, campaign, &c);
    if (rc)
        return rc;
    int64_t st = c.status;
    rows_clear(T_CAMPAIGNS, &c);
    char s[MTRK_ID_STRLEN + 1];
    if (st == MTRK_CAMPAIGN_SENT || st == MTRK_CAMPAIGN_CANCELED) {
        mtrk_id_to_string(s, campaign);
        return terr(t, MTRK_ESTATE, "campaign %s is %s: its audiences can no longer change", s, status_text(st));
    }
    row_audiences a = { 0 };
    a.tenant = t->id;
    a.id = audience;
    rc = st_get(t, T_AUDIENCES, &a);
    if (rc == MTRK_ENOTFOUND) {
        mtrk_id_to_string(s, audience);
        return terr(t, MTRK_ENOTFOUND, "audience %s not found", s);
    }
    if (rc == MTRK_OK)
        rows_clear(T_AUDIENCES, &a);
    return rc;
}

static int attached_get(mtrk_tenant *t, mtrk_id campaign, mtrk_id audience, bool *out)
{
    row_campaign_audiences r = { 0 };
    r.tenant = t->id;
    r.campaign = campaign;
    r.audience = audience;
    int rc = st_get(t, T_CAMPAIGN_AUDIENCES, &r);
    *out = rc == MTRK_OK;
    if (rc == MTRK_OK)
        rows_clear(T_CAMPAIGN_AUDIENCES, &r);
    return rc == MTRK_ENOTFOUND ? MTRK_OK : rc;
}

MTRK_API int mtrk_campaign_attach_audience(int *out_attached, mtrk_tenant *t, mtrk_id campaign, mtrk_id audience)
{
    if (out_attached)
        *out_attached = 0;
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if (id_is_nil(audience))
        return terr(t, MTRK_EINVAL, "audience is nil");
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    rc = attach_prepare(t, campaign, audience);
    bool there = false;
    if (rc == MTRK_OK)
        rc = attached_get(t, campaign, audience, &there);
    if (rc == MTRK_OK && !there) {
        row_campaign_audiences r = { 0 };
        r.tenant = t->id;
        r.campaign = campaign;
        r.audience = audience;
        r.attached_at = core_now(t->db);
        rc = st_insert(t, T_CAMPAIGN_AUDIENCES, &r);
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, audience);
        if (rc == MTRK_OK)
            rc = audit_addf(t, "campaign.attach", &campaign, "{\"audience\":\"%s\"}", s);
    }
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && out_attached)
        *out_attached = !there;
    return rc;
}

MTRK_API int mtrk_campaign_detach_audience(mtrk_tenant *t, mtrk_id campaign, mtrk_id audience)
{
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if (id_is_nil(audience))
        return terr(t, MTRK_EINVAL, "audience is nil");
    int rc = tx_begin(t, true);
    if (rc)
        return rc;
    rc = attach_prepare(t, campaign, audience);
    bool there = false;
    if (rc == MTRK_OK)
        rc = attached_get(t, campaign, audience, &there);
    char cs[MTRK_ID_STRLEN + 1], as[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(cs, campaign);
    mtrk_id_to_string(as, audience);
    if (rc == MTRK_OK && !there)
        rc = terr(t, MTRK_ENOTFOUND, "audience %s is not attached to campaign %s", as, cs);
    if (rc == MTRK_OK) {
        row_campaign_audiences r = { 0 };
        r.tenant = t->id;
        r.campaign = campaign;
        r.audience = audience;
        rc = st_delete(t, T_CAMPAIGN_AUDIENCES, &r);
        if (rc == MTRK_OK)
            rc = audit_addf(t, "campaign.detach", &campaign, "{\"audience\":\"%s\"}", as);
    }
    return tx_end(t, rc);
}

MTRK_API int mtrk_campaign_audiences(mtrk_id *out, size_t cap, size_t *out_count, mtrk_tenant *t, mtrk_id campaign)
{
    if (out_count == NULL)
        return gerr(MTRK_EINVAL, "out_count is NULL");
    *out_count = 0;
    if (out == NULL && cap > 0)
        return gerr(MTRK_EINVAL, "out is NULL while cap is %zu", cap);
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    id_list l = { 0 };
    rc = cam_exists(t, campaign);
    if (rc == MTRK_OK)
        rc = cam_audiences(t, campaign, &l);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK) {
        for (size_t i = 0; i < l.n && i < cap; i++)
            out[i] = l.v[i];
        *out_count = l.n;
    }
    id_list_free(&l);
    return rc;
}

/* ---- iteration ---------------------------------------------------------- */

struct mtrk_campaign_iter {
    pager pg;
    mtrk_campaign current;
};

MTRK_API int mtrk_campaign_iter_new(mtrk_campaign_iter **out, mtrk_tenant *t)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_campaign_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre = v_id(&t->id);
    int rc = pager_init(&it->pg, t, T_CAMPAIGNS, MTRK_INDEX_PK, &pre, 1);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_campaign_iter_next(const mtrk_campaign **out, mtrk_campaign_iter *it)
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

MTRK_API void mtrk_campaign_iter_free(mtrk_campaign_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    rows_clear(T_CAMPAIGNS, &it->current.row);
    free(it);
}

/* ---- links -------------------------------------------------------------- */

typedef struct pos_scan {
    int64_t want, max;
    bool taken;
} pos_scan;

static int pos_scan_cb(void *ud, void *row)
{
    pos_scan *p = ud;
    const row_links *l = row;
    if (l->position > p->max)
        p->max = l->position;
    if (l->position == p->want)
        p->taken = true;
    return 0;
}

/* The position a new link gets: the one asked for when no link of the
 * campaign holds it, else the one after the last (positions never collide,
 * e.g. a manual link added beside the links catalogued from the HTML). */
static int link_position(mtrk_tenant *t, mtrk_id campaign, uint32_t want, int64_t *out)
{
    pos_scan p = { want, -1, false };
    mtrk_value k[2] = { v_id(&t->id), v_id(&campaign) };
    int rc = st_scan(t, T_LINKS, IDX_LINKS_CAMPAIGN, k, 2, NULL, 0, 0, pos_scan_cb, &p);
    *out = p.taken ? p.max + 1 : (int64_t)want;
    return rc;
}

MTRK_API int mtrk_link_add(mtrk_id *out_lid, mtrk_tenant *t, mtrk_id campaign, const char *url, const char *label,
                           uint32_t position)
{
    if (out_lid == NULL)
        return gerr(MTRK_EINVAL, "out_lid is NULL");
    *out_lid = nil_id;
    TENANT_CHECK(t);
    int rc = check_url(t, "url", url, true);
    if (rc == MTRK_OK)
        rc = check_str(t, "label", label, MTRK_MAX_NAME, false);
    if (rc)
        return rc;
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_campaigns c;
    rc = cam_load(t, campaign, &c);
    if (rc)
        return tx_end(t, rc);
    row_links l = { 0 };
    if (c.status != MTRK_CAMPAIGN_DRAFT) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, campaign);
        rc = terr(t, MTRK_ESTATE, "campaign %s is %s: links can be added only in draft", s, status_text(c.status));
    } else if ((rc = link_position(t, campaign, position, &l.position)) == MTRK_OK) {
        l.tenant = t->id;
        l.id = core_id_new(t->db);
        l.campaign = campaign;
        l.url = (char *)url;
        l.label = (char *)label;
        l.created_at = core_now(t->db);
        rc = st_insert(t, T_LINKS, &l);
    }
    rows_clear(T_CAMPAIGNS, &c);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK)
        *out_lid = l.id;
    return rc;
}

MTRK_API int mtrk_link_get(mtrk_link **out, mtrk_tenant *t, mtrk_id lid)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    if (id_is_nil(lid))
        return terr(t, MTRK_EINVAL, "lid is nil");
    mtrk_link *l = calloc(1, sizeof *l);
    if (l == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    int rc = tx_begin(t, false);
    if (rc == MTRK_OK) {
        l->row.tenant = t->id;
        l->row.id = lid;
        rc = st_get(t, T_LINKS, &l->row);
        if (rc == MTRK_ENOTFOUND) {
            char s[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(s, lid);
            rc = terr(t, MTRK_ENOTFOUND, "link %s not found", s);
        }
        rc = tx_end(t, rc);
    }
    if (rc) {
        free(l);
        return rc;
    }
    *out = l;
    return MTRK_OK;
}

MTRK_API void mtrk_link_free(mtrk_link *l)
{
    if (l == NULL)
        return;
    rows_clear(T_LINKS, &l->row);
    free(l);
}

struct mtrk_link_iter {
    pager pg;
    mtrk_link current;
};

MTRK_API int mtrk_link_iter_new(mtrk_link_iter **out, mtrk_tenant *t, mtrk_id campaign)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    TENANT_CHECK(t);
    mtrk_link_iter *it = calloc(1, sizeof *it);
    if (it == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    int rc = pager_init_campaign(&it->pg, t, campaign, T_LINKS, IDX_LINKS_CAMPAIGN);
    if (rc) {
        free(it);
        return rc;
    }
    *out = it;
    return MTRK_OK;
}

MTRK_API int mtrk_link_iter_next(const mtrk_link **out, mtrk_link_iter *it)
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

MTRK_API void mtrk_link_iter_free(mtrk_link_iter *it)
{
    if (it == NULL)
        return;
    pager_free(&it->pg);
    rows_clear(T_LINKS, &it->current.row);
    free(it);
}

MTRK_API mtrk_id mtrk_link_id(const mtrk_link *l) { return l ? l->row.id : nil_id; }
MTRK_API mtrk_id mtrk_link_campaign(const mtrk_link *l) { return l ? l->row.campaign : nil_id; }
MTRK_API const char *mtrk_link_url(const mtrk_link *l) { return l ? l->row.url : NULL; }
MTRK_API const char *mtrk_link_label(const mtrk_link *l) { return l ? l->row.label : NULL; }
MTRK_API uint32_t mtrk_link_position(const mtrk_link *l) { return l ? (uint32_t)l->row.position : 0; }
