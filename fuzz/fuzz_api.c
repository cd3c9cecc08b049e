/* fuzz_api: a byte-driven sequence of public API calls on the memory backend
 * with two tenants: contacts, audiences, campaigns, generation, claims, events
 * of every type with valid and invalid fields, unsubscribes, suppressions,
 * leads, statuses, erasure. Every id argument is drawn from both tenants'
 * ids (and nil or unknown ones), so calls constantly name the other tenant.
 * Invariants: no crash or leak; a call through one tenant naming an id of the
 * other never succeeds; afterwards, for each tenant, metrics equal a rebuild
 * and no event is without its effects (check_invariants); every id of one
 * tenant answers not found through the other. */
#include "fixture.h"

#include <string.h>

#define POOL 16

typedef struct side {
    mtrk_tenant *t;
    mtrk_id contacts[POOL], audiences[POOL], campaigns[POOL], mids[POOL * 4], lids[POOL], landings[POOL];
    size_t nc, na, ncamp, nm, nl, nland;
    int manual_status, unsuppressed, resubscribed;
} side;

typedef struct rd { const uint8_t *p; size_t n; } rd;
static uint8_t byte(rd *r)
{
    if (r->n == 0)
        return 0;
    r->n--;
    return *r->p++;
}

static void push(mtrk_id *arr, size_t *n, size_t cap, mtrk_id id)
{
    if (*n < cap)
        arr[(*n)++] = id;
    else
        arr[id.bytes[15] % cap] = id;
}

/* An id: one of ours, one of the other tenant's (*foreign = 1), nil or unknown. */
static mtrk_id pick(rd *r, const mtrk_id *mine, size_t nmine, const mtrk_id *theirs, size_t ntheirs, int *foreign)
{
    uint8_t b = byte(r);
    mtrk_id nil = { { 0 } };
    switch (b & 7) {
    case 0: return nil;
    case 1: { mtrk_id x = nil; x.bytes[0] = b; x.bytes[6] = 0x70; return x; }
    case 2: case 3:
        if (ntheirs) {
            *foreign = 1;
            return theirs[(b >> 3) % ntheirs];
        }
        return nil;
    default: return nmine ? mine[(b >> 3) % nmine] : nil;
    }
}

static const char *const addrs[] = { "ann@example.com", "Bob@Example.COM", "carl@example.org", " dee@x.example ",
                                     "bad@@x", "eve@example.com", "fay@sub.example.net", "\xff@x.example",
                                     "gus@example.com" };
static const char *const strs[] = { NULL, "", "p1", "x-esp", "a\xc3", "ok text", "192.0.2.1", "2001:db8::1",
                                    "not-an-ip" };

static void run_op(rd *r, side *s, side *o, mtrk_time *clock)
{
    uint8_t op = byte(r) % 16;
    int foreign = 0, rc = MTRK_OK;
    mtrk_id id;
    switch (op) {
    case 0: {
        int created;
        rc = mtrk_contact_add(&id, &created, s->t, addrs[byte(r) % 9], NULL);
        if (rc == MTRK_OK)
            push(s->contacts, &s->nc, POOL, id);
        break;
    }
    case 1:
        rc = mtrk_audience_create(&id, s->t, (byte(r) & 1) ? "A" : "B");
        if (rc == MTRK_OK)
            push(s->audiences, &s->na, POOL, id);
        break;
    case 2: {
        mtrk_id a = pick(r, s->audiences, s->na, o->audiences, o->na, &foreign);
        mtrk_id c = pick(r, s->contacts, s->nc, o->contacts, o->nc, &foreign);
        if (byte(r) & 3) {
            rc = mtrk_audience_add(NULL, s->t, a, c);
        } else {
            /* Removing a non-member answers 0 with *removed = 0, whatever the
             * contact id: the same answer as for an unknown id, so nothing
             * is revealed; it must never remove anything through a foreign id. */
            int removed = -1;
            rc = mtrk_audience_remove(&removed, s->t, a, c);
            if (rc == MTRK_OK && foreign) {
                FUZZ_CHECK(removed == 0, "removed a member through the other tenant's id");
                rc = MTRK_ENOTFOUND;
            }
        }
        break;
    }
    case 3: {
        mtrk_campaign_spec spec = MTRK_CAMPAIGN_SPEC_INIT;
        spec.name = "C";
        spec.subject = "S";
        spec.from_address = "news@acme.example";
        spec.html = (byte(r) & 1) ? "<a href=\"https://a.example/1\">1</a><a href=https://a.example/2>2</a>" : NULL;
        spec.text = "text https://a.example/1";
        rc = mtrk_campaign_create(&id, s->t, &spec);
        if (rc == MTRK_OK) {
            push(s->campaigns, &s->ncamp, POOL, id);
            mtrk_link_iter *it;
            const mtrk_link *l;
            if (mtrk_link_iter_new(&it, s->t, id) == MTRK_OK) {
                while (mtrk_link_iter_next(&l, it) == MTRK_OK)
                    push(s->lids, &s->nl, POOL, mtrk_link_id(l));
                mtrk_link_iter_free(it);
            }
        }
        break;
    }
    case 4: {
        mtrk_id c = pick(r, s->campaigns, s->ncamp, o->campaigns, o->ncamp, &foreign);
        mtrk_id a = pick(r, s->audiences, s->na, o->audiences, o->na, &foreign);
        rc = mtrk_campaign_attach_audience(NULL, s->t, c, a);
        break;
    }
    case 5: {
        mtrk_id c = pick(r, s->campaigns, s->ncamp, o->campaigns, o->ncamp, &foreign);
        uint8_t b = byte(r);
        if (b & 1)
            rc = mtrk_campaign_set_status(s->t, c, (mtrk_campaign_status)(1 + b / 2 % 6));
        else
            rc = mtrk_campaign_generate(NULL, s->t, c);
        break;
    }
    case 6: {
        mtrk_id c = pick(r, s->campaigns, s->ncamp, o->campaigns, o->ncamp, &foreign);
        mtrk_id mids[4];
        size_t n = 0;
        rc = mtrk_queue_claim(mids, &n, NULL, s->t, c, 1 + byte(r) % 4, 60000);
        for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
            push(s->mids, &s->nm, POOL * 4, mids[i]);
            if (byte(r) & 3)
                mtrk_queue_mark_sent(s->t, mids[i], 0, "esp", NULL);
            else
                mtrk_queue_release(s->t, mids[i]);
        }
        break;
    }
    case 7: case 8: case 9: {
        mtrk_event_input in = MTRK_EVENT_INPUT_INIT;
        uint8_t b = byte(r);
        in.type = (mtrk_event_type)(b % 10);
        in.mid = pick(r, s->mids, s->nm, o->mids, o->nm, &foreign);
        if (in.type == MTRK_EV_CLICK || (b & 0x80))
            in.lid = pick(r, s->lids, s->nl, o->lids, o->nl, &foreign);
        *clock += (int64_t)byte(r) * 60000;
        in.occurred_at = (b & 0x40) ? *clock - (int64_t)byte(r) * 3600000 : 0;
        in.bounce_kind = in.type == MTRK_EV_BOUNCE ? (mtrk_bounce_kind)(1 + (b >> 4) % 2) : (mtrk_bounce_kind)(byte(r) % 4 == 0);
        in.provider = strs[byte(r) % 4];
        char pid[8];
        snprintf(pid, sizeof pid, "e%u", byte(r) % 16);
        in.provider_event_id = in.provider ? pid : NULL;
        in.user_agent = strs[byte(r) % 9];
        in.ip = strs[byte(r) % 9];
        in.verdict = (mtrk_verdict)(byte(r) % 3);
        if (in.type == MTRK_EV_UNSUBSCRIBE) {
            uint8_t sc = byte(r);
            in.unsub_scope = (mtrk_unsub_scope)(sc % 4);
            if (in.unsub_scope == MTRK_UNSUB_AUDIENCE)
                in.unsub_audience = pick(r, s->audiences, s->na, o->audiences, o->na, &foreign);
            in.unsub_source = (mtrk_source)(sc / 4 % 8);
        }
        mtrk_event_outcome out = MTRK_EVENT_OUTCOME_INIT;
        rc = mtrk_event_record(&out, s->t, &in);
        break;
    }
    case 10: {
        mtrk_id c = pick(r, s->contacts, s->nc, o->contacts, o->nc, &foreign);
        uint8_t b = byte(r);
        mtrk_id scope_id = { { 0 } };
        mtrk_unsub_scope scope = (mtrk_unsub_scope)(1 + b % 3);
        if (scope == MTRK_UNSUB_CAMPAIGN)
            scope_id = pick(r, s->campaigns, s->ncamp, o->campaigns, o->ncamp, &foreign);
        else if (scope == MTRK_UNSUB_AUDIENCE)
            scope_id = pick(r, s->audiences, s->na, o->audiences, o->na, &foreign);
        if (b & 0x80) {
            rc = mtrk_unsub_remove(s->t, c, scope, scope_id);
            s->resubscribed |= rc == MTRK_OK;
        } else {
            rc = mtrk_unsub_add(NULL, s->t, c, scope, scope_id, MTRK_SOURCE_MANUAL);
        }
        break;
    }
    case 11: {
        uint8_t b = byte(r);
        mtrk_suppression_kind k = (mtrk_suppression_kind)(1 + b % 2);
        const char *v = k == MTRK_SUPPRESS_DOMAIN ? "example.com" : addrs[byte(r) % 9];
        if (b & 0x80) {
            rc = mtrk_suppression_remove(s->t, k, v);
            s->unsuppressed |= rc == MTRK_OK;
        } else {
            rc = mtrk_suppression_add(NULL, s->t, k, v, "fuzz");
        }
        break;
    }
    case 12: {
        mtrk_id c = pick(r, s->campaigns, s->ncamp, o->campaigns, o->ncamp, &foreign);
        rc = mtrk_landing_page_create(&id, s->t, c, "L", "https://acme.example/l");
        if (rc == MTRK_OK)
            push(s->landings, &s->nland, POOL, id);
        break;
    }
    case 13: {
        mtrk_lead_input in;
        mtrk_lead_input_init(&in, MTRK_LEAD_INPUT_VERSION);
        in.landing_page = pick(r, s->landings, s->nland, o->landings, o->nland, &foreign);
        char key[8];
        snprintf(key, sizeof key, "k%u", byte(r) % 8);
        in.lead_key = key;
        in.address = addrs[byte(r) % 9];
        in.mid = pick(r, s->mids, s->nm, o->mids, o->nm, &foreign);
        in.rid = pick(r, s->contacts, s->nc, o->contacts, o->nc, &foreign);
        mtrk_lead_info info;
        mtrk_lead_info_init(&info, MTRK_LEAD_INFO_VERSION);
        rc = mtrk_lead_capture(&info, NULL, s->t, &in);
        break;
    }
    case 14: {
        mtrk_id c = pick(r, s->contacts, s->nc, o->contacts, o->nc, &foreign);
        rc = mtrk_contact_erase(s->t, c);
        break;
    }
    default: {
        mtrk_id c = pick(r, s->contacts, s->nc, o->contacts, o->nc, &foreign);
        rc = mtrk_contact_set_status(s->t, c, (mtrk_contact_status)(1 + byte(r) % 4));
        s->manual_status |= rc == MTRK_OK;
        break;
    }
    }
    /* Leads attribute through a foreign mid/rid only by refusing to: a lead
     * with foreign attribution ids may still be captured on the campaign's
     * own landing page (MTRK_ATTR_CAMPAIGN); every other call must fail. */
    if (foreign && op != 13)
        FUZZ_CHECK(rc != MTRK_OK, "op %u through tenant %s succeeded with the other tenant's id", op,
                   mtrk_tenant_key(s->t));
}

static void not_visible(side *s, side *o)
{
    for (size_t i = 0; i < o->nc; i++) {
        mtrk_contact *c;
        FUZZ_CHECK(mtrk_contact_get(&c, s->t, o->contacts[i]) == MTRK_ENOTFOUND, "contact visible across tenants");
    }
    for (size_t i = 0; i < o->na; i++) {
        mtrk_audience *a;
        FUZZ_CHECK(mtrk_audience_get(&a, s->t, o->audiences[i]) == MTRK_ENOTFOUND, "audience visible");
    }
    for (size_t i = 0; i < o->ncamp; i++) {
        mtrk_campaign *c;
        FUZZ_CHECK(mtrk_campaign_get(&c, s->t, o->campaigns[i]) == MTRK_ENOTFOUND, "campaign visible");
        mtrk_metrics m;
        mtrk_metrics_init(&m, MTRK_METRICS_VERSION);
        FUZZ_CHECK(mtrk_metrics_campaign(&m, s->t, o->campaigns[i]) == MTRK_ENOTFOUND, "metrics visible");
    }
    for (size_t i = 0; i < o->nm; i++) {
        mtrk_message_info m;
        mtrk_message_info_init(&m, MTRK_MESSAGE_INFO_VERSION);
        FUZZ_CHECK(mtrk_message_get(&m, s->t, o->mids[i]) == MTRK_ENOTFOUND, "message visible");
    }
    for (size_t i = 0; i < o->nl; i++) {
        mtrk_link *l;
        FUZZ_CHECK(mtrk_link_get(&l, s->t, o->lids[i]) == MTRK_ENOTFOUND, "link visible");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    mtrk_open_options opts = MTRK_OPEN_OPTIONS_INIT;
    opts.clock = fixture_clock;
    mtrk_db *db;
    FUZZ_CHECK(mtrk_db_open(&db, "memory:", &opts) == MTRK_OK, "open");
    static side sides[2];
    memset(sides, 0, sizeof sides);
    FUZZ_CHECK(mtrk_tenant_create(&sides[0].t, db, "acme", "fuzz") == MTRK_OK, "tenant");
    FUZZ_CHECK(mtrk_tenant_create(&sides[1].t, db, "globex", "fuzz") == MTRK_OK, "tenant");
    rd r = { data, size };
    mtrk_time clock = 1767225600000;
    while (r.n) {
        int who = byte(&r) & 1;
        run_op(&r, &sides[who], &sides[!who], &clock);
    }
    for (int i = 0; i < 2; i++) {
        side *s = &sides[i];
        check_invariants(s->t, s->campaigns, s->ncamp, s->mids, s->nm, s->manual_status, s->unsuppressed,
                         s->resubscribed);
        not_visible(s, &sides[!i]);
    }
    mtrk_tenant_close(sides[0].t);
    mtrk_tenant_close(sides[1].t);
    mtrk_db_close(db);
    return 0;
}
