/*
 * Data portability: everything held about one contact as one JSON document.
 *
 * Shape (keys sorted, compact): the contact's attributes at the top level
 * (id, address, name, status, created_at, updated_at), then
 *   consent      {at, source, text_version}
 *   fields       {key: value}
 *   memberships  [{audience, name, added_at}]
 *   messages     [{mid, campaign, state, cancel_reason, created_at, sent_at, ...}]
 *   events       [{id, type, mid, campaign, lid, occurred_at, arrived_at, provider, ...}]
 *   unsubscribes [{scope, scope_id, source, created_at, event}]
 *   suppressions [{kind, value, reason, created_at}]   (those applying to its address)
 *   leads        [{id, landing_page, campaign, lead_key, address, ...}]
 *   bounce_facts [{event, mid, campaign, occurred_at, reason, kind, ...}]  (its bounces' facts)
 *   provider_message_ids [{provider, provider_message_id, mid, recorded_at}]
 *   webhook_payloads [{event, mid, provider, arrived_at, payload}]   (kept original objects;
 *                the payload as the provider's JSON text)
 * Ids are canonical UUID text, times Unix milliseconds (null when unset).
 * Everything is read in one read transaction, so the document is consistent.
 */
#include "contact_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct jb {
    mtrk_tenant *t;
    json_t *root;
    int oom;
} jb;

static json_t *jstr(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *jid(mtrk_id id)
{
    if (id_is_nil(id))
        return json_null();
    char s[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(s, id);
    return json_string(s);
}

static json_t *jtime(int64_t v) { return v ? json_integer(v) : json_null(); }

/* Sets obj[key] = v (stolen); remembers an allocation failure. */
static void jset(jb *b, json_t *obj, const char *key, json_t *v)
{
    if (obj == NULL || v == NULL || json_object_set_new(obj, key, v) != 0)
        b->oom = 1;
}

static void jpush(jb *b, json_t *arr, json_t *v)
{
    if (arr == NULL || v == NULL || json_array_append_new(arr, v) != 0)
        b->oom = 1;
}

static json_t *jarr(jb *b, const char *key)
{
    json_t *a = json_array();
    jset(b, b->root, key, a);
    return b->oom ? NULL : a;
}

static const char *name_or(const char *s, const char *dflt) { return s ? s : dflt; }

/* ---- attributes --------------------------------------------------------- */

static void put_contact(jb *b, const row_contacts *c)
{
    jset(b, b->root, "id", jid(c->id));
    jset(b, b->root, "address", jstr(c->address));
    jset(b, b->root, "name", jstr(c->name));
    jset(b, b->root, "status", json_string(contact_status_name((int)c->status)));
    jset(b, b->root, "created_at", json_integer(c->created_at));
    jset(b, b->root, "updated_at", json_integer(c->updated_at));
    json_t *consent = json_object();
    jset(b, consent, "at", jtime(c->consent_at));
    jset(b, consent, "source", jstr(c->consent_source));
    jset(b, consent, "text_version", jstr(c->consent_text_version));
    jset(b, b->root, "consent", consent);
}

static int field_cb(void *ud, void *row)
{
    jb *b = ud;
    const row_contact_fields *f = row;
    jset(b, json_object_get(b->root, "fields"), f->key, jstr(f->value));
    return b->oom ? MTRK_ENOMEM : 0;
}

/* ---- memberships (names read after the scan: no store call inside one) --- */

struct members {
    row_audience_contacts *m;
    size_t n, cap;
};

static int member_cb(void *ud, void *row)
{
    struct members *ms = ud;
    if (ms->n == ms->cap) {
        row_audience_contacts *p = grow_array(ms->m, &ms->cap, sizeof *p, 16);
        if (p == NULL)
            return MTRK_ENOMEM;
        ms->m = p;
    }
    /* only ids and ints are used: a shallow copy is enough */
    ms->m[ms->n++] = *(const row_audience_contacts *)row;
    return 0;
}

static int put_memberships(jb *b, const mtrk_value *pre)
{
    mtrk_tenant *t = b->t;
    struct members ms = { 0 };
    int rc = st_scan(t, T_AUDIENCE_CONTACTS, IDX_AUDIENCE_CONTACTS_CONTACT, pre, 2, NULL, 0, 0, member_cb, &ms);
    json_t *arr = jarr(b, "memberships");
    for (size_t i = 0; rc == MTRK_OK && i < ms.n; i++) {
        row_audiences a = { 0 };
        a.tenant = t->id;
        a.id = ms.m[i].audience;
        rc = st_get(t, T_AUDIENCES, &a);
        if (rc == MTRK_ENOTFOUND)
            rc = MTRK_OK;
        json_t *o = json_object();
        jset(b, o, "audience", jid(ms.m[i].audience));
        jset(b, o, "name", jstr(a.name));
        jset(b, o, "added_at", json_integer(ms.m[i].added_at));
        jpush(b, arr, o);
        rows_clear(T_AUDIENCES, &a);
    }
    free(ms.m);
    return rc;
}

/* ---- messages and events ------------------------------------------------ */

static int message_cb(void *ud, void *row)
{
    jb *b = ud;
    row_messages f;
    if (rows_copy(T_MESSAGES, &f, row))
        return MTRK_ENOMEM;
    int rc = core_message_fold(b->t, &f, NULL, NULL); /* the facts, not the stored cache */
    if (rc) {
        rows_clear(T_MESSAGES, &f);
        return rc;
    }
    const row_messages *m = &f;
    json_t *o = json_object();
    jset(b, o, "mid", jid(m->id));
    jset(b, o, "campaign", jid(m->campaign));
    jset(b, o, "state", jstr(name_or(mtrk_message_state_name((mtrk_message_state)m->state), "unknown")));
    jset(b, o, "cancel_reason",
         m->cancel_reason ? jstr(mtrk_exclusion_name((mtrk_exclusion)m->cancel_reason)) : json_null());
    jset(b, o, "created_at", json_integer(m->created_at));
    jset(b, o, "sent_at", jtime(m->sent_at));
    jset(b, o, "delivered_at", jtime(m->delivered_at));
    jset(b, o, "bounced_at", jtime(m->bounced_at));
    jset(b, o, "first_open_at", jtime(m->first_open_at));
    jset(b, o, "first_click_at", jtime(m->first_click_at));
    jset(b, o, "first_complaint_at", jtime(m->first_complaint_at));
    jset(b, o, "first_unsub_at", jtime(m->first_unsub_at));
    jset(b, o, "opens", json_integer(m->opens));
    jset(b, o, "clicks", json_integer(m->clicks));
    jset(b, o, "provider_message_id", jstr(m->provider_message_id));
    jpush(b, json_object_get(b->root, "messages"), o);
    rows_clear(T_MESSAGES, &f);
    return b->oom ? MTRK_ENOMEM : 0;
}

static int event_cb(void *ud, void *row)
{
    jb *b = ud;
    const row_events *e = row;
    static const char *const bounce[] = { NULL, "hard", "soft" };
    json_t *o = json_object();
    jset(b, o, "id", jid(e->id));
    jset(b, o, "type", jstr(name_or(mtrk_event_type_name((mtrk_event_type)e->type), "unknown")));
    jset(b, o, "mid", jid(e->message));
    jset(b, o, "campaign", jid(e->campaign));
    jset(b, o, "lid", jid(e->link));
    jset(b, o, "occurred_at", json_integer(e->occurred_at));
    jset(b, o, "arrived_at", json_integer(e->arrived_at));
    jset(b, o, "provider", jstr(e->provider));
    jset(b, o, "provider_event_id", jstr(e->provider_event_id));
    jset(b, o, "provider_message_id", jstr(e->provider_message_id));
    jset(b, o, "bounce_kind", jstr(e->bounce_kind >= 0 && e->bounce_kind <= 2 ? bounce[e->bounce_kind] : NULL));
    jset(b, o, "diagnostic", jstr(e->diagnostic));
    jset(b, o, "user_agent", jstr(e->user_agent));
    jset(b, o, "ip", jstr(e->ip));
    jset(b, o, "verdict", json_string(e->verdict == MTRK_VERDICT_MACHINE ? "machine" : "human"));
    jset(b, o, "verdict_reason", jstr(e->verdict_reason));
    if (e->type == MTRK_EV_UNSUBSCRIBE) {
        jset(b, o, "unsub_scope", json_string(unsub_scope_name(e->unsub_scope ? (int)e->unsub_scope
                                                                                : MTRK_UNSUB_GLOBAL)));
        jset(b, o, "unsub_audience", jid(e->unsub_audience));
        jset(b, o, "unsub_source", json_string(source_name(e->unsub_source ? (int)e->unsub_source
                                                                            : MTRK_SOURCE_LINK)));
    }
    jpush(b, json_object_get(b->root, "events"), o);
    return b->oom ? MTRK_ENOMEM : 0;
}

/* ---- what is held per message beside its events --------------------------- */

static json_t *jkind(int64_t k)
{
    static const char *const kinds[] = { "none", "hard", "soft" };
    return k >= 0 && k <= 2 ? json_string(kinds[k]) : json_null();
}

static int fact_cb(void *ud, void *row)
{
    jb *b = ud;
    const row_bounce_facts *f = row;
    json_t *o = json_object();
    jset(b, o, "event", jid(f->event));
    jset(b, o, "mid", jid(f->message));
    jset(b, o, "campaign", jid(f->campaign));
    jset(b, o, "occurred_at", json_integer(f->occurred_at));
    jset(b, o, "reason", jstr(mtrk_bounce_reason_name((mtrk_bounce_reason)f->reason)));
    jset(b, o, "given_kind", jkind(f->given_kind));
    jset(b, o, "kind", jkind(f->kind));
    jset(b, o, "action", jstr(mtrk_bounce_action_name((mtrk_bounce_action)f->action)));
    jset(b, o, "hard_by", jstr(mtrk_bounce_hard_by_name((mtrk_bounce_hard_by)f->by)));
    jset(b, o, "smtp_code", f->smtp_code ? json_integer(f->smtp_code) : json_null());
    jset(b, o, "status", jstr(f->status));
    jset(b, o, "bounce_type", jstr(f->bounce_type));
    jset(b, o, "bounce_subtype", jstr(f->bounce_subtype));
    jpush(b, json_object_get(b->root, "bounce_facts"), o);
    return b->oom ? MTRK_ENOMEM : 0;
}

static int provider_id_cb(void *ud, void *row)
{
    jb *b = ud;
    const row_provider_messages *p = row;
    json_t *o = json_object();
    jset(b, o, "provider", jstr(p->provider));
    jset(b, o, "provider_message_id", jstr(p->provider_message_id));
    jset(b, o, "mid", jid(p->message));
    jset(b, o, "recorded_at", json_integer(p->recorded_at));
    jpush(b, json_object_get(b->root, "provider_message_ids"), o);
    return b->oom ? MTRK_ENOMEM : 0;
}

static int payload_cb(void *ud, void *row)
{
    jb *b = ud;
    const row_webhook_payloads *w = row;
    json_t *o = json_object();
    jset(b, o, "event", jid(w->event));
    jset(b, o, "mid", jid(w->message));
    jset(b, o, "provider", jstr(w->provider));
    jset(b, o, "arrived_at", json_integer(w->arrived_at));
    jset(b, o, "payload", jstr(w->payload));
    jpush(b, json_object_get(b->root, "webhook_payloads"), o);
    return b->oom ? MTRK_ENOMEM : 0;
}

/* The bounce facts, provider message ids and kept payloads of the contact's
 * messages, message by message (each table is indexed by message). */
static int put_per_message(jb *b, mtrk_id contact)
{
    mtrk_tenant *t = b->t;
    jset(b, b->root, "bounce_facts", json_array());
    jset(b, b->root, "provider_message_ids", json_array());
    jset(b, b->root, "webhook_payloads", json_array());
    if (b->oom)
        return MTRK_ENOMEM;
    mtrk_id *mids = NULL;
    size_t n = 0;
    int rc = core_contact_mids(t, contact, &mids, &n);
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        mtrk_value pre[2] = { v_id(&t->id), v_id(&mids[i]) };
        rc = st_scan(t, T_BOUNCE_FACTS, IDX_BOUNCE_FACTS_MESSAGE, pre, 2, NULL, 0, 0, fact_cb, b);
        if (rc == MTRK_OK)
            rc = st_scan(t, T_PROVIDER_MESSAGES, IDX_PROVIDER_MESSAGES_MESSAGE, pre, 2, NULL, 0, 0, provider_id_cb, b);
        if (rc == MTRK_OK)
            rc = st_scan(t, T_WEBHOOK_PAYLOADS, IDX_WEBHOOK_PAYLOADS_MESSAGE, pre, 2, NULL, 0, 0, payload_cb, b);
    }
    free(mids);
    return rc;
}

/* ---- rules -------------------------------------------------------------- */

static int unsub_cb(void *ud, void *row)
{
    jb *b = ud;
    const row_unsubscribes *u = row;
    json_t *o = json_object();
    jset(b, o, "scope", json_string(unsub_scope_name((int)u->scope)));
    jset(b, o, "scope_id", jid(u->scope_id));
    jset(b, o, "source", json_string(source_name((int)u->source)));
    jset(b, o, "created_at", json_integer(u->created_at));
    jset(b, o, "event", jid(u->event));
    jpush(b, json_object_get(b->root, "unsubscribes"), o);
    return b->oom ? MTRK_ENOMEM : 0;
}

static int put_suppression(jb *b, json_t *arr, mtrk_suppression_kind kind, const char *value)
{
    row_suppressions s = { 0 };
    s.tenant = b->t->id;
    s.kind = kind;
    s.value = (char *)value;
    int rc = st_get(b->t, T_SUPPRESSIONS, &s);
    if (rc == MTRK_ENOTFOUND)
        return MTRK_OK;
    if (rc)
        return rc;
    json_t *o = json_object();
    jset(b, o, "kind", json_string(suppression_kind_name((int)s.kind)));
    jset(b, o, "value", jstr(s.value));
    jset(b, o, "reason", jstr(s.reason));
    jset(b, o, "created_at", json_integer(s.created_at));
    jpush(b, arr, o);
    rows_clear(T_SUPPRESSIONS, &s);
    return MTRK_OK;
}

/* The entries that block this contact's address (none once erased: the
 * erased hash can no longer be tied to it). */
static int put_suppressions(jb *b, const row_contacts *c)
{
    json_t *arr = jarr(b, "suppressions");
    if (c->address_key == NULL || arr == NULL)
        return MTRK_OK;
    char hash[65];
    int rc = put_suppression(b, arr, MTRK_SUPPRESS_ADDRESS, c->address_key);
    if (rc == MTRK_OK)
        rc = tenant_address_hash(b->t, c->address_key, hash);
    if (rc == MTRK_OK)
        rc = put_suppression(b, arr, MTRK_SUPPRESS_HASH, hash);
    if (rc == MTRK_OK)
        rc = put_suppression(b, arr, MTRK_SUPPRESS_DOMAIN, addr_domain(c->address_key));
    return rc;
}

static int lead_cb(void *ud, void *row)
{
    jb *b = ud;
    const row_leads *l = row;
    static const char *const attribution[] = { NULL, "message", "recipient", "campaign" };
    json_t *o = json_object();
    jset(b, o, "id", jid(l->id));
    jset(b, o, "landing_page", jid(l->landing_page));
    jset(b, o, "campaign", jid(l->campaign));
    jset(b, o, "lead_key", jstr(l->lead_key));
    jset(b, o, "address", jstr(l->address));
    jset(b, o, "recipient", jid(l->recipient));
    jset(b, o, "mid", jid(l->message));
    jset(b, o, "attribution",
         jstr(l->attribution >= 1 && l->attribution <= 3 ? attribution[l->attribution] : NULL));
    jset(b, o, "forwarded", json_boolean(l->forwarded != 0));
    jset(b, o, "captured_at", json_integer(l->captured_at));
    json_t *fields = NULL;
    if (l->fields_json) {
        fields = json_loads(l->fields_json, 0, NULL);
        if (fields == NULL)
            fields = json_string(l->fields_json); /* kept as stored */
    }
    jset(b, o, "fields", fields ? fields : json_null());
    jpush(b, json_object_get(b->root, "leads"), o);
    return b->oom ? MTRK_ENOMEM : 0;
}

/* ---- the document ------------------------------------------------------- */

static int build(jb *b, mtrk_id id)
{
    mtrk_tenant *t = b->t;
    row_contacts c = { 0 };
    c.tenant = t->id;
    c.id = id;
    int rc = st_get(t, T_CONTACTS, &c);
    if (rc == MTRK_ENOTFOUND) {
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, id);
        return terr(t, rc, "contact %s not found", s);
    }
    if (rc)
        return rc;
    put_contact(b, &c);
    jset(b, b->root, "fields", json_object());
    jset(b, b->root, "messages", json_array());
    jset(b, b->root, "events", json_array());
    jset(b, b->root, "unsubscribes", json_array());
    jset(b, b->root, "leads", json_array());
    mtrk_value pre[2] = { v_id(&t->id), v_id(&id) };
    if (b->oom)
        rc = MTRK_ENOMEM;
    if (rc == MTRK_OK)
        rc = st_scan(t, T_CONTACT_FIELDS, MTRK_INDEX_PK, pre, 2, NULL, 0, 0, field_cb, b);
    if (rc == MTRK_OK)
        rc = put_memberships(b, pre);
    if (rc == MTRK_OK)
        rc = st_scan(t, T_MESSAGES, IDX_MESSAGES_CONTACT, pre, 2, NULL, 0, 0, message_cb, b);
    if (rc == MTRK_OK)
        rc = core_contact_events(t, id, event_cb, b);
    if (rc == MTRK_OK)
        rc = st_scan(t, T_UNSUBSCRIBES, MTRK_INDEX_PK, pre, 2, NULL, 0, 0, unsub_cb, b);
    if (rc == MTRK_OK)
        rc = put_suppressions(b, &c);
    if (rc == MTRK_OK)
        rc = st_scan(t, T_LEADS, IDX_LEADS_CONTACT, pre, 2, NULL, 0, 0, lead_cb, b);
    if (rc == MTRK_OK)
        rc = put_per_message(b, id);
    rows_clear(T_CONTACTS, &c);
    if (rc == MTRK_OK && b->oom)
        rc = MTRK_ENOMEM;
    if (rc == MTRK_ENOMEM)
        return terr(t, rc, "out of memory building the export");
    return rc;
}

/* Dumps into a buffer of our own malloc, so mtrk_free (free) releases it
 * whatever allocator the host gave jansson. */
static char *dump(const json_t *root)
{
    const size_t flags = JSON_COMPACT | JSON_SORT_KEYS;
    size_t n = json_dumpb(root, NULL, 0, flags);
    if (n == 0)
        return NULL;
    char *p = malloc(n + 1);
    if (p == NULL)
        return NULL;
    if (json_dumpb(root, p, n, flags) != n) {
        free(p);
        return NULL;
    }
    p[n] = '\0';
    return p;
}

MTRK_API int mtrk_contact_export_json(char **out_json, mtrk_tenant *t, mtrk_id id)
{
    if (out_json == NULL)
        return gerr(MTRK_EINVAL, "out_json is NULL");
    *out_json = NULL;
    TENANT_CHECK(t);
    jb b = { t, json_object(), 0 };
    if (b.root == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    int rc = tx_begin(t, false);
    if (rc == MTRK_OK)
        rc = tx_end(t, build(&b, id));
    if (rc == MTRK_OK) {
        *out_json = dump(b.root);
        if (*out_json == NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory writing the export");
    }
    json_decref(b.root);
    return rc;
}
