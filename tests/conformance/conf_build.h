/*
 * Builders and counters shared by the conformance tests of tenants, contacts,
 * audiences, unsubscribes, suppressions, retention, isolation and bad input.
 * Public API only; each builder fails the test if the library refuses.
 */
#ifndef CONF_BUILD_H
#define CONF_BUILD_H

#include <stdlib.h>

#include "harness.h"

/* A new contact with `address`; fails the test unless it was created. */
static inline mtrk_id conf_contact(mtrk_tenant *t, const char *address)
{
    mtrk_id id;
    int created = -1;
    CONF_OK(mtrk_contact_add(&id, &created, t, address, NULL));
    assert_int_equal(created, 1);
    return id;
}

static inline mtrk_id conf_audience(mtrk_tenant *t, const char *name)
{
    mtrk_id id;
    CONF_OK(mtrk_audience_create(&id, t, name));
    return id;
}

/* The smallest valid campaign spec. */
static inline mtrk_campaign_spec conf_campaign_spec(const char *name)
{
    mtrk_campaign_spec s = MTRK_CAMPAIGN_SPEC_INIT;
    s.name = name;
    s.subject = "Hello";
    s.from_address = "news@sender.example";
    s.html = "<p>Hello</p>";
    s.text = "Hello";
    return s;
}

/* A draft campaign. */
static inline mtrk_id conf_campaign(mtrk_tenant *t, const char *name)
{
    mtrk_id id;
    mtrk_campaign_spec s = conf_campaign_spec(name);
    CONF_OK(mtrk_campaign_create(&id, t, &s));
    return id;
}

/* A draft campaign targeting `audience`. */
static inline mtrk_id conf_campaign_for(mtrk_tenant *t, mtrk_id audience)
{
    mtrk_id id = conf_campaign(t, "campaign");
    CONF_OK(mtrk_campaign_attach_audience(NULL, t, id, audience));
    return id;
}

/*
 * A campaign in "sending" with one message to a new contact `address`,
 * claimed and marked sent now. Returns the mid; campaign and contact ids
 * through the out pointers (each may be NULL).
 */
static inline mtrk_id conf_sent_message(mtrk_id *out_campaign, mtrk_id *out_contact,
                                        mtrk_tenant *t, const char *address)
{
    mtrk_id contact = conf_contact(t, address);
    mtrk_id aud = conf_audience(t, "audience");
    CONF_OK(mtrk_audience_add(NULL, t, aud, contact));
    mtrk_id camp = conf_campaign_for(t, aud);
    mtrk_generate_report rep = MTRK_GENERATE_REPORT_INIT;
    CONF_OK(mtrk_campaign_generate(&rep, t, camp));
    assert_int_equal(rep.created, 1);
    CONF_OK(mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SCHEDULED));
    CONF_OK(mtrk_campaign_set_status(t, camp, MTRK_CAMPAIGN_SENDING));
    mtrk_id mids[4];
    size_t n = 0;
    CONF_OK(mtrk_queue_claim(mids, &n, NULL, t, camp, 4, 60000));
    assert_int_equal(n, 1);
    CONF_OK(mtrk_queue_mark_sent(t, mids[0], 0, "test", "pm-1"));
    if (out_campaign)
        *out_campaign = camp;
    if (out_contact)
        *out_contact = contact;
    return mids[0];
}

static inline int conf_id_eq(mtrk_id a, mtrk_id b)
{
    return mtrk_id_compare(a, b) == 0;
}

static inline mtrk_id conf_nil(void)
{
    mtrk_id z;
    memset(&z, 0, sizeof z);
    return z;
}

/* An id that no entity has (random v7). */
static inline mtrk_id conf_unknown_id(void)
{
    return mtrk_id_new();
}

/* ---- counters over the public iterators ---------------------------- */

static inline size_t conf_contact_count(mtrk_tenant *t)
{
    mtrk_contact_iter *it = NULL;
    const mtrk_contact *c;
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_contact_iter_new(&it, t));
    while ((rc = mtrk_contact_iter_next(&c, it)) == MTRK_OK)
        n++;
    mtrk_contact_iter_free(it);
    CONF_EXPECT(MTRK_ITEROVER, rc);
    return n;
}

static inline size_t conf_audience_total(mtrk_tenant *t)
{
    mtrk_audience_iter *it = NULL;
    const mtrk_audience *a;
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_audience_iter_new(&it, t));
    while ((rc = mtrk_audience_iter_next(&a, it)) == MTRK_OK)
        n++;
    mtrk_audience_iter_free(it);
    CONF_EXPECT(MTRK_ITEROVER, rc);
    return n;
}

static inline uint64_t conf_member_count(mtrk_tenant *t, mtrk_id audience)
{
    uint64_t n = UINT64_MAX;
    CONF_OK(mtrk_audience_count(&n, t, audience));
    return n;
}

static inline size_t conf_suppression_count(mtrk_tenant *t)
{
    mtrk_suppression_iter *it = NULL;
    const mtrk_suppression *s;
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_suppression_iter_new(&it, t));
    while ((rc = mtrk_suppression_iter_next(&s, it)) == MTRK_OK)
        n++;
    mtrk_suppression_iter_free(it);
    CONF_EXPECT(MTRK_ITEROVER, rc);
    return n;
}

static inline size_t conf_unsub_count(mtrk_tenant *t, mtrk_id contact)
{
    mtrk_unsub_iter *it = NULL;
    const mtrk_unsub *u;
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_unsub_iter_new(&it, t, contact));
    while ((rc = mtrk_unsub_iter_next(&u, it)) == MTRK_OK)
        n++;
    mtrk_unsub_iter_free(it);
    CONF_EXPECT(MTRK_ITEROVER, rc);
    return n;
}

static inline size_t conf_audit_count(mtrk_tenant *t)
{
    mtrk_audit_iter *it = NULL;
    const mtrk_audit_entry *e;
    size_t n = 0;
    int rc;
    CONF_OK(mtrk_audit_iter_new(&it, t));
    while ((rc = mtrk_audit_iter_next(&e, it)) == MTRK_OK)
        n++;
    mtrk_audit_iter_free(it);
    CONF_EXPECT(MTRK_ITEROVER, rc);
    return n;
}

/* The last audit entry with `action`, copied out. */
typedef struct conf_audit {
    int found;
    size_t count;     /* entries with this action */
    mtrk_time at;
    mtrk_id entity;
    char actor[MTRK_MAX_NAME + 1];
    char detail[2048];
} conf_audit;

static inline conf_audit conf_audit_last(mtrk_tenant *t, const char *action)
{
    conf_audit r;
    mtrk_audit_iter *it = NULL;
    const mtrk_audit_entry *e;
    int rc;
    memset(&r, 0, sizeof r);
    CONF_OK(mtrk_audit_iter_new(&it, t));
    while ((rc = mtrk_audit_iter_next(&e, it)) == MTRK_OK) {
        const char *a = mtrk_audit_action(e);
        if (a == NULL || strcmp(a, action) != 0)
            continue;
        r.found = 1;
        r.count++;
        r.at = mtrk_audit_at(e);
        r.entity = mtrk_audit_entity(e);
        snprintf(r.actor, sizeof r.actor, "%s", mtrk_audit_actor(e) ? mtrk_audit_actor(e) : "");
        snprintf(r.detail, sizeof r.detail, "%s", mtrk_audit_detail(e) ? mtrk_audit_detail(e) : "");
    }
    mtrk_audit_iter_free(it);
    CONF_EXPECT(MTRK_ITEROVER, rc);
    return r;
}

/* A heap string of `n` copies of `ch` (caller frees). */
static inline char *conf_repeat(char ch, size_t n)
{
    char *s = malloc(n + 1);
    assert_non_null(s);
    memset(s, ch, n);
    s[n] = '\0';
    return s;
}

#endif
