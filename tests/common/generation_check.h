/*
 * The store-level checks of generation's typed operations (store contract
 * version 6), shared by the unit tests (memory and SQLite stores) and
 * tests/pg (PostgreSQL). messages_insert_check:
 *  - every field of a record is written as given, new messages and ones
 *    with facts, a provider id and a mark alike: messages_load returns the
 *    same record, and get of the messages table the same row (queue_state
 *    included, which the send queue's index is keyed on);
 *  - more messages in one call than a store writes in one statement (200)
 *    all land, in every index: a scan of the campaign's messages by
 *    (campaign, contact) visits each once, in contact order;
 *  - a message id already stored, a (campaign, contact) pair already
 *    stored, and either repeated within one call are MTRK_EEXISTS (from the
 *    call or, for a store that defers its writes, from the commit), and
 *    nothing of the failed call remains after the rollback;
 *  - a rollback leaves nothing; n == 0 is a no-op; a NULL or unversioned
 *    record is MTRK_EINVAL; a read transaction is MTRK_ESTORE.
 * members_read_check (a store without members_read passes it unchecked):
 *  - the contacts listed by the audiences given (not those of another
 *    audience) are visited once each, in contact id order, with the
 *    audiences that list them, whether the campaign given has a message
 *    for them (not another campaign's), their status and address key, and
 *    their unsubscribe rules as stored (none, one, two);
 *  - pages of `limit` after the last contact of the page before visit the
 *    same members, and a page after the last visits none;
 *  - the transaction's own writes are seen (a message inserted in it);
 *  - fn's negative code aborts the call with it; no audience, limit 0 or
 *    a NULL fn is MTRK_EINVAL.
 * Uses only the public contract (mtrk/store.h) and the public API (to
 * create the tenant, campaigns and contacts the messages refer to). Every
 * check reports what failed on stderr; each function returns how many
 * did.
 */
#ifndef MTRK_TEST_GENERATION_CHECK_H
#define MTRK_TEST_GENERATION_CHECK_H

#include <mtrk/mtrk.h>
#include <mtrk/store.h>
#include "store_defs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MI_CONTACTS 301 /* more than one statement's worth, and not a multiple of one */

static int mi_failures;

#define MI_CHECK(cond, ...)                                                    \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);               \
            fprintf(stderr, __VA_ARGS__);                                      \
            fprintf(stderr, "\n");                                             \
            mi_failures++;                                                     \
        }                                                                      \
    } while (0)

static int mi_index(unsigned table, const char *name)
{
    const mtrk_table_def *def = mtrk_store_table(table);
    for (unsigned i = 0; i < def->nindexes; i++)
        if (strcmp(def->indexes[i].name, name) == 0)
            return (int)i;
    return -2;
}

static mtrk_value mi_vid(const mtrk_id *id) { return (mtrk_value){ MTRK_VAL_BLOB, 0, id->bytes, 16 }; }

/* The tenant, campaigns and contacts the messages refer to (a store may
 * keep foreign keys), made through the public API on the store. */
static int mi_setup(mtrk_store *st, const char *key, mtrk_id *tenant, mtrk_id *c1, mtrk_id *c2, mtrk_id *contacts)
{
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    int rc = mtrk_db_open_store(&db, st, NULL);
    if (rc == 0)
        rc = mtrk_tenant_create(&t, db, key, "test:messages_insert");
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "c";
    spec.subject = "s";
    spec.from_address = "news@acme.example";
    spec.text = "hi";
    if (rc == 0)
        rc = mtrk_campaign_create(c1, t, &spec);
    if (rc == 0)
        rc = mtrk_campaign_create(c2, t, &spec);
    for (int i = 0; rc == 0 && i < MI_CONTACTS; i++) {
        char addr[64];
        snprintf(addr, sizeof addr, "c%d@acme.example", i);
        rc = mtrk_contact_add(&contacts[i], NULL, t, addr, NULL);
    }
    if (rc)
        fprintf(stderr, "messages_insert_check setup: %s\n", t ? mtrk_tenant_errmsg(t) : mtrk_last_errmsg());
    if (t)
        *tenant = mtrk_tenant_id(t);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    return rc;
}

/* A new message as generation makes it. */
static mtrk_store_message mi_new(mtrk_id campaign, mtrk_id contact, mtrk_time at)
{
    mtrk_store_message m;
    memset(&m, 0, sizeof m);
    m.version = MTRK_STORE_MESSAGE_VERSION;
    m.id = mtrk_id_new();
    m.campaign = campaign;
    m.contact = contact;
    m.state = MTRK_MSG_QUEUED;
    m.queue_state = mtrk_store_queue_state(MTRK_MSG_QUEUED);
    m.created_at = at;
    return m;
}

/* One write transaction of one messages_insert call, committed; on failure
 * rolled back. The code of the call, else of the commit. */
static int mi_insert(mtrk_store *st, mtrk_id tenant, const mtrk_store_message *const *m, size_t n)
{
    int rc = st->begin(st, 1);
    if (rc == 0)
        rc = st->messages_insert(st, tenant, m, n);
    if (rc == 0)
        rc = st->commit(st);
    if (rc)
        st->rollback(st);
    return rc;
}

/* What messages_load hands back, copied (strings into fixed buffers). */
typedef struct mi_loaded {
    int found;
    mtrk_store_message m;
    char pmid[64], links[64];
} mi_loaded;

static int mi_load_cb(void *ud, const mtrk_store_message *m, const mtrk_store_event *const *ev, size_t nev)
{
    (void)ev;
    (void)nev;
    mi_loaded *l = ud;
    l->found++;
    l->m = *m;
    snprintf(l->pmid, sizeof l->pmid, "%s", m->provider_message_id ? m->provider_message_id : "(null)");
    snprintf(l->links, sizeof l->links, "%s", m->folded_links ? m->folded_links : "(null)");
    return 0;
}

static mi_loaded mi_load(mtrk_store *st, mtrk_id tenant, mtrk_id mid)
{
    mi_loaded l;
    memset(&l, 0, sizeof l);
    int rc = st->begin(st, 0);
    if (rc == 0)
        rc = st->messages_load(st, tenant, &mid, 1, mi_load_cb, &l);
    MI_CHECK(rc == 0, "messages_load: %d %s", rc, st->errmsg(st));
    st->commit(st);
    return l;
}

/* Is every field of got what was inserted? */
static void mi_same(const mi_loaded *got, const mtrk_store_message *want, const char *what)
{
    const mtrk_store_message *g = &got->m;
    MI_CHECK(got->found == 1, "%s: loaded %d times", what, got->found);
    if (got->found != 1)
        return;
    MI_CHECK(memcmp(&g->id, &want->id, 16) == 0 && memcmp(&g->campaign, &want->campaign, 16) == 0 &&
                 memcmp(&g->contact, &want->contact, 16) == 0,
             "%s: ids as inserted", what);
    MI_CHECK(g->state == want->state && g->cancel_reason == want->cancel_reason && g->created_at == want->created_at &&
                 g->lease_until == want->lease_until && g->queue_state == want->queue_state,
             "%s: state %lld/%lld cancel %lld created %lld/%lld lease %lld queue_state %lld/%lld", what,
             (long long)g->state, (long long)want->state, (long long)g->cancel_reason, (long long)g->created_at,
             (long long)want->created_at, (long long)g->lease_until, (long long)g->queue_state,
             (long long)want->queue_state);
    MI_CHECK(g->sent_at == want->sent_at && g->delivered_at == want->delivered_at && g->bounced_at == want->bounced_at &&
                 g->first_open_at == want->first_open_at && g->first_click_at == want->first_click_at &&
                 g->first_complaint_at == want->first_complaint_at && g->first_unsub_at == want->first_unsub_at,
             "%s: first times as inserted", what);
    MI_CHECK(g->opens == want->opens && g->clicks == want->clicks && g->soft_bounces == want->soft_bounces &&
                 g->flags == want->flags,
             "%s: counts %lld %lld %lld flags %lld as inserted", what, (long long)g->opens, (long long)g->clicks,
             (long long)g->soft_bounces, (long long)g->flags);
    MI_CHECK(strcmp(got->pmid, want->provider_message_id ? want->provider_message_id : "(null)") == 0,
             "%s: provider_message_id %s", what, got->pmid);
    MI_CHECK(g->folded_occurred_at == want->folded_occurred_at && g->folded_arrived_at == want->folded_arrived_at &&
                 memcmp(&g->folded_event, &want->folded_event, 16) == 0 &&
                 strcmp(got->links, want->folded_links ? want->folded_links : "(null)") == 0,
             "%s: mark as inserted (links %s)", what, got->links);
}

/* get of the messages row: found, and its queue_state column. */
typedef struct mi_row {
    int found;
    int qtype;
    int64_t queue_state;
} mi_row;

static int mi_row_cb(void *ud, const mtrk_value *row)
{
    mi_row *r = ud;
    int q = sd_col(sd_table("messages"), "queue_state");
    r->found = 1;
    r->qtype = row[q].type;
    r->queue_state = row[q].i;
    return 0;
}

/* The contacts of a campaign's messages, by a scan of (tenant, campaign)
 * over messages_by_campaign_contact. */
typedef struct mi_scan {
    size_t n;
    int ordered;
    unsigned char last[16];
    int contact_col;
} mi_scan;

static int mi_scan_cb(void *ud, const mtrk_value *row)
{
    mi_scan *s = ud;
    const mtrk_value *c = &row[s->contact_col];
    if (c->type != MTRK_VAL_BLOB || c->n != 16)
        return MTRK_EINVAL;
    if (s->n > 0 && memcmp(s->last, c->p, 16) >= 0)
        s->ordered = 0;
    memcpy(s->last, c->p, 16);
    s->n++;
    return 0;
}

static size_t mi_count(mtrk_store *st, mtrk_id tenant, mtrk_id campaign, int *ordered)
{
    unsigned mt = sd_table("messages");
    mi_scan s = { 0, 1, { 0 }, sd_col(mt, "contact") };
    mtrk_value pre[2] = { mi_vid(&tenant), mi_vid(&campaign) };
    int rc = st->begin(st, 0);
    if (rc == 0)
        rc = st->scan(st, mt, mi_index(mt, "messages_by_campaign_contact"), pre, 2, NULL, 0, 0, mi_scan_cb, &s);
    MI_CHECK(rc == 0, "scan of a campaign's messages: %d %s", rc, st->errmsg(st));
    st->commit(st);
    if (ordered)
        *ordered = s.ordered;
    return s.n;
}

static int messages_insert_check(mtrk_store *st, const char *key)
{
    mi_failures = 0;
    MI_CHECK(st->version >= 6 && st->messages_insert != NULL, "the store has messages_insert (version %u)",
             st->version);
    if (st->version < 6 || st->messages_insert == NULL)
        return mi_failures;
    mtrk_id tenant, c1, c2;
    mtrk_id *contacts = calloc(MI_CONTACTS, sizeof *contacts);
    int rc = contacts ? mi_setup(st, key, &tenant, &c1, &c2, contacts) : MTRK_ENOMEM;
    MI_CHECK(rc == 0, "setup: %d", rc);
    if (rc) {
        free(contacts);
        return mi_failures;
    }
    unsigned mt = sd_table("messages");

    /* A new message, and one with every field set, written as given. */
    mtrk_store_message a = mi_new(c1, contacts[0], 1700000000000);
    mtrk_store_message b = mi_new(c1, contacts[1], 1700000000001);
    b.state = MTRK_MSG_DELIVERED;
    b.queue_state = mtrk_store_queue_state(MTRK_MSG_DELIVERED);
    b.cancel_reason = 3;
    b.lease_until = 11;
    b.sent_at = 12;
    b.delivered_at = 13;
    b.bounced_at = 14;
    b.first_open_at = 15;
    b.first_click_at = 16;
    b.first_complaint_at = 17;
    b.first_unsub_at = 18;
    b.opens = 2;
    b.clicks = 3;
    b.soft_bounces = 4;
    b.flags = 5;
    b.provider_message_id = "pm-1";
    b.folded_occurred_at = 19;
    b.folded_arrived_at = 20;
    b.folded_event = mtrk_id_new();
    b.folded_links = "links";
    const mtrk_store_message *ab[2] = { &a, &b };
    rc = mi_insert(st, tenant, ab, 2);
    MI_CHECK(rc == 0, "messages_insert of two: %d %s", rc, st->errmsg(st));
    mi_loaded la = mi_load(st, tenant, a.id), lb = mi_load(st, tenant, b.id);
    mi_same(&la, &a, "a new message");
    mi_same(&lb, &b, "a message with every field set");
    mi_row r = { 0, 0, 0 };
    mtrk_value k[2] = { mi_vid(&tenant), mi_vid(&a.id) };
    if ((rc = st->begin(st, 0)) == 0) {
        rc = st->get(st, mt, k, mi_row_cb, &r);
        st->commit(st);
    }
    MI_CHECK(rc == 0 && r.found && r.qtype == MTRK_VAL_INT && r.queue_state == MTRK_MSG_QUEUED,
             "get of the new message's row: %d found %d queue_state type %d value %lld", rc, r.found, r.qtype,
             (long long)r.queue_state);
    k[1] = mi_vid(&b.id);
    memset(&r, 0, sizeof r);
    if ((rc = st->begin(st, 0)) == 0) {
        rc = st->get(st, mt, k, mi_row_cb, &r);
        st->commit(st);
    }
    MI_CHECK(rc == 0 && r.found && r.qtype == MTRK_VAL_NULL, "a delivered message has no queue_state: %d type %d",
             rc, r.qtype);

    /* Many in one call, in every index. */
    mtrk_store_message *many = calloc(MI_CONTACTS, sizeof *many);
    const mtrk_store_message **pm = calloc(MI_CONTACTS, sizeof *pm);
    if (many == NULL || pm == NULL) {
        MI_CHECK(0, "out of memory");
        free(many);
        free(pm);
        free(contacts);
        return mi_failures;
    }
    for (int i = 0; i < MI_CONTACTS; i++) {
        many[i] = mi_new(c2, contacts[i], 1700000000100 + i);
        pm[i] = &many[i];
    }
    rc = mi_insert(st, tenant, pm, MI_CONTACTS);
    MI_CHECK(rc == 0, "messages_insert of %d: %d %s", MI_CONTACTS, rc, st->errmsg(st));
    int ordered = 0;
    size_t n = mi_count(st, tenant, c2, &ordered);
    MI_CHECK(n == MI_CONTACTS && ordered, "the campaign's messages by (campaign, contact): %zu (%d), in order: %d", n,
             MI_CONTACTS, ordered);
    mi_loaded lm = mi_load(st, tenant, many[MI_CONTACTS - 1].id);
    mi_same(&lm, &many[MI_CONTACTS - 1], "the last of many");
    MI_CHECK(mi_count(st, tenant, c1, NULL) == 2, "the first campaign still has its two messages");

    /* Collisions: nothing of the failed call remains. */
    mtrk_store_message fresh = mi_new(c1, contacts[2], 1700000000200);
    mtrk_store_message pair = mi_new(c1, contacts[0], 1700000000201); /* (c1, contacts[0]) is stored */
    const mtrk_store_message *fp[2] = { &fresh, &pair };
    rc = mi_insert(st, tenant, fp, 2);
    MI_CHECK(rc == MTRK_EEXISTS, "a stored (campaign, contact): %d (MTRK_EEXISTS) %s", rc, st->errmsg(st));
    mtrk_store_message same_id = mi_new(c1, contacts[3], 1700000000202);
    same_id.id = a.id;
    const mtrk_store_message *fi[2] = { &fresh, &same_id };
    rc = mi_insert(st, tenant, fi, 2);
    MI_CHECK(rc == MTRK_EEXISTS, "a stored message id: %d (MTRK_EEXISTS) %s", rc, st->errmsg(st));
    mtrk_store_message twin = mi_new(c1, contacts[2], 1700000000203);
    const mtrk_store_message *ft[2] = { &fresh, &twin };
    rc = mi_insert(st, tenant, ft, 2);
    MI_CHECK(rc == MTRK_EEXISTS, "a (campaign, contact) twice in one call: %d (MTRK_EEXISTS) %s", rc,
             st->errmsg(st));
    mtrk_store_message twin_id = mi_new(c1, contacts[4], 1700000000204);
    twin_id.id = fresh.id;
    const mtrk_store_message *fti[2] = { &fresh, &twin_id };
    rc = mi_insert(st, tenant, fti, 2);
    MI_CHECK(rc == MTRK_EEXISTS, "an id twice in one call: %d (MTRK_EEXISTS) %s", rc, st->errmsg(st));
    mi_loaded lf = mi_load(st, tenant, fresh.id);
    MI_CHECK(lf.found == 0, "nothing of a failed call remains (found %d)", lf.found);
    MI_CHECK(mi_count(st, tenant, c1, NULL) == 2, "the first campaign has its two messages still");

    /* A rollback leaves nothing; n == 0; bad arguments. */
    const mtrk_store_message *pf = &fresh;
    if ((rc = st->begin(st, 1)) == 0) {
        rc = st->messages_insert(st, tenant, &pf, 1);
        MI_CHECK(rc == 0, "messages_insert before a rollback: %d %s", rc, st->errmsg(st));
        st->rollback(st);
    }
    lf = mi_load(st, tenant, fresh.id);
    MI_CHECK(lf.found == 0, "a rolled-back insert leaves nothing (found %d)", lf.found);
    if ((rc = st->begin(st, 1)) == 0) {
        rc = st->messages_insert(st, tenant, NULL, 0);
        MI_CHECK(rc == 0, "messages_insert of none: %d %s", rc, st->errmsg(st));
        const mtrk_store_message *nul[2] = { &fresh, NULL };
        rc = st->messages_insert(st, tenant, nul, 2);
        MI_CHECK(rc == MTRK_EINVAL, "a NULL record: %d (MTRK_EINVAL)", rc);
        st->rollback(st);
    }
    if ((rc = st->begin(st, 1)) == 0) {
        mtrk_store_message unv = fresh;
        unv.version = 0;
        const mtrk_store_message *pu = &unv;
        rc = st->messages_insert(st, tenant, &pu, 1);
        MI_CHECK(rc == MTRK_EINVAL, "an unversioned record: %d (MTRK_EINVAL)", rc);
        st->rollback(st);
    }
    if ((rc = st->begin(st, 0)) == 0) {
        rc = st->messages_insert(st, tenant, &pf, 1);
        MI_CHECK(rc == MTRK_ESTORE, "messages_insert in a read transaction: %d (MTRK_ESTORE)", rc);
        st->rollback(st);
    }
    lf = mi_load(st, tenant, fresh.id);
    MI_CHECK(lf.found == 0, "nothing of the refused calls remains (found %d)", lf.found);
    free(many);
    free(pm);
    free(contacts);
    return mi_failures;
}

/* ---- members_read ------------------------------------------------------ */

#define MR_N 10

typedef struct mr_seen {
    size_t n;
    mtrk_id contact[MR_N + 2];
    unsigned char in[MR_N + 2][2];
    int found[MR_N + 2], has_message[MR_N + 2];
    int64_t status[MR_N + 2];
    char addr[MR_N + 2][40];
    size_t nunsubs[MR_N + 2];
    int64_t scope[MR_N + 2][4];
    mtrk_id scope_id[MR_N + 2][4];
    int fail_at; /* return MTRK_ECANCELED-like code at this visit (0: never) */
    size_t naud; /* audiences of the call: in_audience has that many flags (0: read one) */
} mr_seen;

static int mr_cb(void *ud, const mtrk_store_member *m)
{
    mr_seen *s = ud;
    if (s->fail_at && (int)s->n + 1 == s->fail_at)
        return MTRK_ETOOLONG;
    if (s->n >= MR_N + 2)
        return 0;
    size_t k = s->n++;
    s->contact[k] = m->contact;
    s->in[k][0] = m->in_audience[0];
    s->in[k][1] = s->naud > 1 ? m->in_audience[1] : 0;
    s->found[k] = m->found;
    s->has_message[k] = m->has_message;
    s->status[k] = m->status;
    snprintf(s->addr[k], sizeof s->addr[k], "%s", m->address_key ? m->address_key : "(null)");
    s->nunsubs[k] = m->nunsubs;
    for (size_t j = 0; j < m->nunsubs && j < 4; j++) {
        s->scope[k][j] = m->unsub_scopes[j];
        s->scope_id[k][j] = m->unsub_scope_ids[j];
    }
    return 0;
}

static int mr_read(mtrk_store *st, int write, mtrk_id tenant, mtrk_id campaign, const mtrk_id *auds, size_t naud,
                   const mtrk_id *after, size_t limit, mr_seen *seen)
{
    int rc = st->begin(st, write);
    seen->naud = naud;
    if (rc == 0)
        rc = st->members_read(st, tenant, campaign, auds, naud, after, limit, mr_cb, seen);
    st->rollback(st);
    return rc;
}

static int mr_id_cmp(const void *a, const void *b) { return memcmp(a, b, 16); }

static int members_read_check(mtrk_store *st, const char *key)
{
    mi_failures = 0;
    if (st->version < 6 || st->members_read == NULL)
        return 0;
    mtrk_db *db = NULL;
    mtrk_tenant *t = NULL;
    mtrk_id tenant = { { 0 } }, aud[3], cam, cam2, c[MR_N], sorted[MR_N];
    int rc = mtrk_db_open_store(&db, st, NULL);
    if (rc == 0)
        rc = mtrk_tenant_create(&t, db, key, "test:members_read");
    mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
    spec.name = "c";
    spec.subject = "s";
    spec.from_address = "news@acme.example";
    spec.text = "hi";
    if (rc == 0)
        rc = mtrk_campaign_create(&cam, t, &spec);
    if (rc == 0)
        rc = mtrk_campaign_create(&cam2, t, &spec);
    for (int a = 0; rc == 0 && a < 3; a++) {
        char name[8];
        snprintf(name, sizeof name, "a%d", a);
        rc = mtrk_audience_create(&aud[a], t, name);
    }
    /* Audience 0 lists c0..c5, audience 1 c3..c8, audience 2 (not read) c9. */
    for (int i = 0; rc == 0 && i < MR_N; i++) {
        char addr[40];
        snprintf(addr, sizeof addr, "m%d@acme.example", i);
        rc = mtrk_contact_add(&c[i], NULL, t, addr, NULL);
        if (rc == 0 && i <= 5)
            rc = mtrk_audience_add(NULL, t, aud[0], c[i]);
        if (rc == 0 && i >= 3 && i <= 8)
            rc = mtrk_audience_add(NULL, t, aud[1], c[i]);
        if (rc == 0 && i == 9)
            rc = mtrk_audience_add(NULL, t, aud[2], c[i]);
    }
    static const mtrk_id nil;
    if (rc == 0)
        rc = mtrk_unsub_add(NULL, t, c[1], MTRK_UNSUB_GLOBAL, nil, MTRK_SOURCE_IMPORT);
    if (rc == 0)
        rc = mtrk_unsub_add(NULL, t, c[2], MTRK_UNSUB_CAMPAIGN, cam, MTRK_SOURCE_IMPORT);
    if (rc == 0)
        rc = mtrk_unsub_add(NULL, t, c[3], MTRK_UNSUB_AUDIENCE, aud[0], MTRK_SOURCE_IMPORT);
    if (rc == 0)
        rc = mtrk_unsub_add(NULL, t, c[3], MTRK_UNSUB_AUDIENCE, aud[1], MTRK_SOURCE_IMPORT);
    if (rc)
        fprintf(stderr, "members_read_check setup: %s\n", t ? mtrk_tenant_errmsg(t) : mtrk_last_errmsg());
    if (t)
        tenant = mtrk_tenant_id(t);
    mtrk_tenant_close(t);
    mtrk_db_close(db);
    MI_CHECK(rc == 0, "setup: %d", rc);
    if (rc)
        return mi_failures;
    /* A message of the campaign for c4, of the other campaign for c5. */
    mtrk_store_message m4 = mi_new(cam, c[4], 1), m5 = mi_new(cam2, c[5], 1);
    const mtrk_store_message *pm[2] = { &m4, &m5 };
    rc = mi_insert(st, tenant, pm, 2);
    MI_CHECK(rc == 0, "messages for the read: %d %s", rc, st->errmsg(st));

    memcpy(sorted, c, sizeof sorted);
    qsort(sorted, MR_N - 1, sizeof sorted[0], mr_id_cmp); /* c9 is not read */
    mr_seen all;
    memset(&all, 0, sizeof all);
    rc = mr_read(st, 0, tenant, cam, aud, 2, NULL, 100, &all);
    MI_CHECK(rc == 0, "members_read: %d %s", rc, st->errmsg(st));
    MI_CHECK(all.n == MR_N - 1, "members read: %zu (%d)", all.n, MR_N - 1);
    for (size_t k = 0; k < all.n && k < MR_N - 1; k++) {
        MI_CHECK(memcmp(&all.contact[k], &sorted[k], 16) == 0, "member %zu in contact order", k);
        int i = 0;
        while (i < MR_N && memcmp(&c[i], &all.contact[k], 16) != 0)
            i++;
        if (i == MR_N)
            continue;
        char addr[40];
        snprintf(addr, sizeof addr, "m%d@acme.example", i);
        MI_CHECK(all.in[k][0] == (i <= 5) && all.in[k][1] == (i >= 3 && i <= 8),
                 "c%d: listed by audience 0: %d, 1: %d", i, all.in[k][0], all.in[k][1]);
        MI_CHECK(all.found[k] == 1 && all.status[k] == MTRK_CONTACT_ACTIVE && strcmp(all.addr[k], addr) == 0,
                 "c%d: found %d status %lld address key %s", i, all.found[k], (long long)all.status[k], all.addr[k]);
        MI_CHECK(all.has_message[k] == (i == 4), "c%d: has a message of the campaign: %d", i, all.has_message[k]);
        size_t want = i == 1 || i == 2 ? 1 : i == 3 ? 2 : 0;
        MI_CHECK(all.nunsubs[k] == want, "c%d: %zu unsubscribe rules (%zu)", i, all.nunsubs[k], want);
        if (i == 1 && all.nunsubs[k] == 1)
            MI_CHECK(all.scope[k][0] == MTRK_UNSUB_GLOBAL && memcmp(&all.scope_id[k][0], &nil, 16) == 0,
                     "c1: a global rule");
        if (i == 2 && all.nunsubs[k] == 1)
            MI_CHECK(all.scope[k][0] == MTRK_UNSUB_CAMPAIGN && memcmp(&all.scope_id[k][0], &cam, 16) == 0,
                     "c2: the campaign's rule");
        if (i == 3 && all.nunsubs[k] == 2) {
            int a0 = 0, a1 = 0;
            for (int j = 0; j < 2; j++) {
                a0 |= all.scope[k][j] == MTRK_UNSUB_AUDIENCE && memcmp(&all.scope_id[k][j], &aud[0], 16) == 0;
                a1 |= all.scope[k][j] == MTRK_UNSUB_AUDIENCE && memcmp(&all.scope_id[k][j], &aud[1], 16) == 0;
            }
            MI_CHECK(a0 && a1, "c3: the rules of both audiences");
        }
    }

    /* Pages of 4: the same members, then none. */
    size_t got = 0;
    const mtrk_id *after = NULL;
    mtrk_id last;
    for (int page = 0; page < 5; page++) {
        mr_seen p;
        memset(&p, 0, sizeof p);
        rc = mr_read(st, 0, tenant, cam, aud, 2, after, 4, &p);
        MI_CHECK(rc == 0, "page %d: %d %s", page, rc, st->errmsg(st));
        MI_CHECK(p.n == (page < 2 ? 4u : page == 2 ? 1u : 0u), "page %d has %zu members", page, p.n);
        for (size_t k = 0; k < p.n && got < MR_N - 1; k++, got++)
            MI_CHECK(memcmp(&p.contact[k], &sorted[got], 16) == 0, "page %d member %zu", page, k);
        if (p.n == 0)
            break;
        last = p.contact[p.n - 1];
        after = &last;
    }
    MI_CHECK(got == MR_N - 1, "the pages visit %zu members (%d)", got, MR_N - 1);

    /* The transaction's own writes are seen. */
    if ((rc = st->begin(st, 1)) == 0) {
        mtrk_store_message m0 = mi_new(cam, c[0], 2);
        const mtrk_store_message *p0 = &m0;
        rc = st->messages_insert(st, tenant, &p0, 1);
        mr_seen w;
        memset(&w, 0, sizeof w);
        if (rc == 0)
            rc = st->members_read(st, tenant, cam, aud, 1, NULL, 100, mr_cb, &w);
        MI_CHECK(rc == 0, "members_read in a write transaction: %d %s", rc, st->errmsg(st));
        size_t k = 0;
        while (k < w.n && memcmp(&w.contact[k], &c[0], 16) != 0)
            k++;
        MI_CHECK(k < w.n && w.has_message[k], "a message inserted in the transaction is seen");
        st->rollback(st);
    }

    /* fn's code; bad arguments. */
    mr_seen f;
    memset(&f, 0, sizeof f);
    f.fail_at = 2;
    rc = mr_read(st, 0, tenant, cam, aud, 2, NULL, 100, &f);
    MI_CHECK(rc == MTRK_ETOOLONG && f.n == 1, "fn's code aborts the call: %d after %zu", rc, f.n);
    memset(&f, 0, sizeof f);
    MI_CHECK(mr_read(st, 0, tenant, cam, aud, 0, NULL, 100, &f) == MTRK_EINVAL, "no audience: MTRK_EINVAL");
    MI_CHECK(mr_read(st, 0, tenant, cam, aud, 2, NULL, 0, &f) == MTRK_EINVAL, "limit 0: MTRK_EINVAL");
    if (st->begin(st, 0) == 0) {
        MI_CHECK(st->members_read(st, tenant, cam, aud, 2, NULL, 10, NULL, NULL) == MTRK_EINVAL,
                 "a NULL fn: MTRK_EINVAL");
        st->rollback(st);
    }
    return mi_failures;
}

#endif
