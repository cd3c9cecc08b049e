/* Eligibility (the one statement of the rule) and message generation. */
#include "campaign_area.h"

#include <stdlib.h>
#include <string.h>

MTRK_API const char *mtrk_exclusion_name(mtrk_exclusion reason)
{
    static const char *const names[MTRK_EXCL_COUNT] = {
        "none",           "contact_inactive", "address_suppressed", "domain_suppressed", "global_unsub",
        "campaign_unsub", "audience_unsub",   "not_in_audience",    "campaign_canceled",
    };
    if ((int)reason < 0 || (int)reason >= MTRK_EXCL_COUNT)
        return NULL;
    return names[reason];
}

MTRK_API int mtrk_generate_report_init(mtrk_generate_report *report, unsigned int version)
{
    int rc = init_check(report, "report", "mtrk_generate_report", version, MTRK_GENERATE_REPORT_VERSION);
    if (rc)
        return rc;
    memset(report, 0, sizeof *report);
    report->version = version;
    return MTRK_OK;
}

bool recheck_cancels(mtrk_exclusion reason)
{
    return reason != MTRK_EXCL_NONE && reason != MTRK_EXCL_NOT_IN_AUDIENCE;
}

/* ---- the rule ----------------------------------------------------------- */

/* Where the rule reads its facts about one contact: point lookups (the single
 * check and the claim-time recheck) or a page of generation's merged scans.
 * The rule itself (rule_apply) is written once for both. */
typedef struct elig_facts {
    void *ud;
    /* Which suppression entry blocks the contact's address (0 if none):
     * address or erased hash first, then domain (core_suppression_of). */
    int (*suppression)(void *ud, const row_contacts *c, mtrk_suppression_kind *out);
    /* Is there a rule (contact, scope, scope_id)? For MTRK_UNSUB_AUDIENCE,
     * scope_id is auds->v[i]. */
    int (*unsub)(void *ud, const row_contacts *c, mtrk_unsub_scope scope, mtrk_id scope_id, size_t i, bool *out);
    /* Is the contact a member of auds->v[i]? */
    int (*member)(void *ud, const row_contacts *c, size_t i, bool *out);
} elig_facts;

/* The audience step: excluded only when unsubscribed from every attached
 * audience the contact belongs to; one open membership is enough. */
static int audience_step(const elig_facts *f, const row_contacts *c, const id_list *auds, mtrk_exclusion *out)
{
    size_t memberships = 0;
    for (size_t i = 0; i < auds->n; i++) {
        bool member = false, unsub = false;
        int rc = f->member(f->ud, c, i, &member);
        if (rc)
            return rc;
        if (!member)
            continue;
        memberships++;
        rc = f->unsub(f->ud, c, MTRK_UNSUB_AUDIENCE, auds->v[i], i, &unsub);
        if (rc)
            return rc;
        if (!unsub) {
            *out = MTRK_EXCL_NONE;
            return MTRK_OK;
        }
    }
    *out = memberships ? MTRK_EXCL_AUDIENCE_UNSUB : MTRK_EXCL_NOT_IN_AUDIENCE;
    return MTRK_OK;
}

/* The eligibility rule (docs/rules.md), in its order: the first that applies. */
static int rule_apply(const elig_facts *f, const row_campaigns *cam, const row_contacts *c, const id_list *auds,
                      mtrk_exclusion *out)
{
    *out = MTRK_EXCL_NONE;
    if (c->status != MTRK_CONTACT_ACTIVE) {
        *out = MTRK_EXCL_CONTACT_INACTIVE;
        return MTRK_OK;
    }
    if (c->address_key != NULL) {
        mtrk_suppression_kind kind = 0;
        int rc = f->suppression(f->ud, c, &kind);
        if (rc)
            return rc;
        if (kind == MTRK_SUPPRESS_ADDRESS || kind == MTRK_SUPPRESS_HASH) {
            *out = MTRK_EXCL_ADDRESS_SUPPRESSED;
            return MTRK_OK;
        }
        if (kind == MTRK_SUPPRESS_DOMAIN) {
            *out = MTRK_EXCL_DOMAIN_SUPPRESSED;
            return MTRK_OK;
        }
    }
    bool unsub = false;
    int rc = f->unsub(f->ud, c, MTRK_UNSUB_GLOBAL, nil_id, 0, &unsub);
    if (rc)
        return rc;
    if (unsub) {
        *out = MTRK_EXCL_GLOBAL_UNSUB;
        return MTRK_OK;
    }
    rc = f->unsub(f->ud, c, MTRK_UNSUB_CAMPAIGN, cam->id, 0, &unsub);
    if (rc)
        return rc;
    if (unsub) {
        *out = MTRK_EXCL_CAMPAIGN_UNSUB;
        return MTRK_OK;
    }
    return audience_step(f, c, auds, out);
}

/* Facts by point lookups. */
struct lookup {
    mtrk_tenant *t;
    const id_list *auds;
};

static int lk_suppression(void *ud, const row_contacts *c, mtrk_suppression_kind *out)
{
    return core_suppression_of(((struct lookup *)ud)->t, c->address_key, out);
}

static int lk_unsub(void *ud, const row_contacts *c, mtrk_unsub_scope scope, mtrk_id scope_id, size_t i, bool *out)
{
    (void)i;
    return core_unsub_exists(((struct lookup *)ud)->t, c->id, scope, scope_id, out);
}

static int lk_member(void *ud, const row_contacts *c, size_t i, bool *out)
{
    struct lookup *l = ud;
    return audience_has(l->t, l->auds->v[i], c->id, out);
}

int eligibility_with(mtrk_tenant *t, const row_campaigns *cam, const row_contacts *c, const id_list *auds,
                     mtrk_exclusion *out)
{
    struct lookup l = { t, auds };
    elig_facts f = { &l, lk_suppression, lk_unsub, lk_member };
    return rule_apply(&f, cam, c, auds, out);
}

/* ---- generation --------------------------------------------------------- */
/*
 * Generation walks the campaign's audiences as ordered scans side by side
 * instead of asking the store one keyed question per contact per rule:
 *
 * - the attached audiences' member lists (each in contact order) are merged,
 *   which dedupes the overlaps and yields each distinct member once, in
 *   contact order, with the set of attached audiences it belongs to;
 * - members are handled in pages of GEN_PAGE; for a page, the campaign's
 *   existing messages, the contacts and their unsubscribe rules are read by
 *   one ordered scan each from the page's first key (a "probe", below), the
 *   suppression entries likewise over the page's sorted address keys,
 *   hashes and domains;
 * - the rule (rule_apply) then judges each member from those facts, and the
 *   messages are inserted in contact order with increasing ids: every index
 *   of the messages table is written in its key order (the primary key and
 *   the campaign's ranges at their right edge), not at random.
 *
 * Memory stays bounded by a page (and one buffer per attached audience)
 * however large the audiences. Everything happens in one write transaction.
 */

#define GEN_PAGE 512
#define GEN_AUD_BUF 256
/* A probe reads past rows that match no key of the page; after this many in
 * a row it seeks to the next key instead (sparse keys in a dense table). */
#define GEN_GALLOP 16

/* The contract's order of two values of one type (TEXT/BLOB: bytewise, then
 * shorter first; INT numerically). */
static int val_cmp(const mtrk_value *a, const mtrk_value *b)
{
    if (a->type == MTRK_VAL_INT)
        return a->i < b->i ? -1 : a->i > b->i;
    size_t n = a->n < b->n ? a->n : b->n;
    int c = n ? memcmp(a->p, b->p, n) : 0;
    if (c)
        return c < 0 ? -1 : 1;
    return a->n < b->n ? -1 : a->n > b->n;
}

/* One ordered scan of `table` matched against n ascending keys (repeats
 * allowed): hit is called for every row whose key column equals a key, once
 * per equal key, with that key's slot. */
struct probe {
    mtrk_tenant *t;
    unsigned table;
    int index;
    const mtrk_value *prefix;
    unsigned nprefix;
    const mtrk_value *keys;
    const size_t *slot;
    size_t n;
    mtrk_value (*key_of)(const void *row);
    int (*hit)(void *ud, size_t slot, const void *row);
    void *ud;
    size_t pos;
    unsigned skipped;
    bool reseek;
};

static int probe_cb(void *ud, void *row)
{
    struct probe *p = ud;
    mtrk_value k = p->key_of(row);
    int c = 1;
    while (p->pos < p->n && (c = val_cmp(&k, &p->keys[p->pos])) > 0)
        p->pos++;
    if (p->pos == p->n)
        return 1;
    if (c == 0) {
        p->skipped = 0;
        for (size_t j = p->pos; j < p->n && val_cmp(&k, &p->keys[j]) == 0; j++) {
            int rc = p->hit(p->ud, p->slot[j], row);
            if (rc)
                return rc;
        }
        return 0;
    }
    if (++p->skipped > GEN_GALLOP) {
        p->reseek = true;
        return 1;
    }
    return 0;
}

static int probe_run(struct probe *p)
{
    p->pos = 0;
    while (p->pos < p->n) {
        p->reseek = false;
        p->skipped = 0;
        int rc = st_scan(p->t, p->table, p->index, p->prefix, p->nprefix, &p->keys[p->pos], 1, 0, probe_cb, p);
        if (rc)
            return rc;
        if (!p->reseek)
            break;
    }
    return MTRK_OK;
}

static mtrk_value key_message_contact(const void *row) { return v_id(&((const row_messages *)row)->contact); }
static mtrk_value key_contact_id(const void *row) { return v_id(&((const row_contacts *)row)->id); }
static mtrk_value key_unsub_contact(const void *row) { return v_id(&((const row_unsubscribes *)row)->contact); }
static mtrk_value key_suppression_value(const void *row) { return v_text(((const row_suppressions *)row)->value); }

/* One attached audience's members, read GEN_AUD_BUF at a time. */
struct aud_cursor {
    mtrk_id buf[GEN_AUD_BUF];
    size_t n, pos;
    bool done, started;
};

static int aud_cb(void *ud, void *row)
{
    struct aud_cursor *a = ud;
    a->buf[a->n++] = ((const row_audience_contacts *)row)->contact;
    return a->n >= GEN_AUD_BUF ? 1 : 0;
}

/* The head of cursor a (refilled when empty), or NULL when it is exhausted. */
static int aud_head(mtrk_tenant *t, mtrk_id aud, struct aud_cursor *a, const mtrk_id **out)
{
    *out = NULL;
    if (a->pos == a->n) {
        if (a->done)
            return MTRK_OK;
        mtrk_id last = a->n ? a->buf[a->n - 1] : nil_id;
        mtrk_value pre[2] = { v_id(&t->id), v_id(&aud) };
        mtrk_value start = v_id(&last);
        a->n = a->pos = 0;
        int rc = st_scan(t, T_AUDIENCE_CONTACTS, MTRK_INDEX_PK, pre, 2, a->started ? &start : NULL,
                         a->started ? 1 : 0, a->started ? MTRK_SCAN_AFTER : 0, aud_cb, a);
        if (rc)
            return rc;
        a->started = true;
        if (a->n < GEN_AUD_BUF)
            a->done = true;
        if (a->n == 0)
            return MTRK_OK;
    }
    *out = &a->buf[a->pos];
    return MTRK_OK;
}

/* What generation knows about the members of one page. */
struct gen_page {
    size_t n;
    mtrk_id ids[GEN_PAGE];
    unsigned char has_msg[GEN_PAGE], found[GEN_PAGE], global[GEN_PAGE], cam_unsub[GEN_PAGE];
    unsigned char supp[GEN_PAGE]; /* mtrk_suppression_kind, 0: none */
    int64_t status[GEN_PAGE];
    char *addr[GEN_PAGE];         /* owned address_key copies (NULL: none) */
    char *hash[GEN_PAGE];         /* keyed hashes, when the tenant has hash entries */
    unsigned char *member;        /* [GEN_PAGE * naud]: member of auds[i] */
    unsigned char *aud_unsub;     /* [GEN_PAGE * naud]: unsubscribed from auds[i] */
    /* probe scratch */
    mtrk_value keys[GEN_PAGE];
    size_t slot[GEN_PAGE];
    /* the page's new messages, handed to the store in one call */
    mtrk_store_message msgs[GEN_PAGE];
    const mtrk_store_message *ptrs[GEN_PAGE];
    row_messages rows[GEN_PAGE]; /* the same as rows, for a store without messages_insert */
};

struct gen_ctx {
    mtrk_tenant *t;
    const row_campaigns *cam;
    const id_list *auds;
    struct gen_page *pg;
    struct aud_cursor *cur; /* one per attached audience */
    bool kinds[4];          /* the tenant has suppression entries of kind k */
    size_t at;              /* the member being judged */
    mtrk_generate_report rep;
    mtrk_time now;
    int cb_rc; /* the failure member_cb returned (its message already set) */
};

static void page_clear(struct gen_page *pg, size_t naud)
{
    for (size_t k = 0; k < pg->n; k++) {
        free(pg->addr[k]);
        free(pg->hash[k]);
        pg->addr[k] = pg->hash[k] = NULL;
    }
    memset(pg->has_msg, 0, sizeof pg->has_msg);
    memset(pg->found, 0, sizeof pg->found);
    memset(pg->global, 0, sizeof pg->global);
    memset(pg->cam_unsub, 0, sizeof pg->cam_unsub);
    memset(pg->supp, 0, sizeof pg->supp);
    memset(pg->member, 0, GEN_PAGE * naud);
    memset(pg->aud_unsub, 0, GEN_PAGE * naud);
    pg->n = 0;
}

/* Fills the page with the next distinct members of the attached audiences,
 * in contact order (a merge of their member lists). */
static int page_fill(struct gen_ctx *g)
{
    struct gen_page *pg = g->pg;
    size_t naud = g->auds->n;
    while (pg->n < GEN_PAGE) {
        const mtrk_id *min = NULL;
        for (size_t i = 0; i < naud; i++) {
            const mtrk_id *h;
            int rc = aud_head(g->t, g->auds->v[i], &g->cur[i], &h);
            if (rc)
                return rc;
            if (h && (min == NULL || memcmp(h->bytes, min->bytes, sizeof h->bytes) < 0))
                min = h;
        }
        if (min == NULL)
            return MTRK_OK;
        mtrk_id id = *min;
        for (size_t i = 0; i < naud; i++) {
            struct aud_cursor *a = &g->cur[i];
            if (a->pos < a->n && memcmp(a->buf[a->pos].bytes, id.bytes, sizeof id.bytes) == 0) {
                pg->member[pg->n * naud + i] = 1;
                a->pos++;
            }
        }
        pg->ids[pg->n++] = id;
    }
    return MTRK_OK;
}

static int hit_message(void *ud, size_t k, const void *row)
{
    (void)row;
    ((struct gen_ctx *)ud)->pg->has_msg[k] = 1;
    return 0;
}

static int hit_contact(void *ud, size_t k, const void *row)
{
    struct gen_ctx *g = ud;
    const row_contacts *c = row;
    g->pg->found[k] = 1;
    g->pg->status[k] = c->status;
    if (c->address_key && (g->pg->addr[k] = xstrdup(c->address_key)) == NULL)
        return terr(g->t, MTRK_ENOMEM, "out of memory");
    return 0;
}

/* What an unsubscribe rule (scope, scope_id) of member k means here. */
static void unsub_fact(struct gen_ctx *g, size_t k, int64_t scope, mtrk_id scope_id)
{
    if (scope == MTRK_UNSUB_GLOBAL && id_is_nil(scope_id))
        g->pg->global[k] = 1;
    else if (scope == MTRK_UNSUB_CAMPAIGN && id_eq(scope_id, g->cam->id))
        g->pg->cam_unsub[k] = 1;
    else if (scope == MTRK_UNSUB_AUDIENCE)
        for (size_t i = 0; i < g->auds->n; i++)
            if (id_eq(scope_id, g->auds->v[i]))
                g->pg->aud_unsub[k * g->auds->n + i] = 1;
}

static int hit_unsub(void *ud, size_t k, const void *row)
{
    const row_unsubscribes *u = row;
    unsub_fact(ud, k, u->scope, u->scope_id);
    return 0;
}

struct supp_hit {
    struct gen_ctx *g;
    mtrk_suppression_kind kind;
};

static int hit_suppression(void *ud, size_t k, const void *row)
{
    (void)row;
    struct supp_hit *h = ud;
    if (h->g->pg->supp[k] == 0)
        h->g->pg->supp[k] = (unsigned char)h->kind;
    return 0;
}

/* A probe over the page's slots in `slots` (n of them), keyed by id. */
static int probe_ids(struct gen_ctx *g, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                     size_t n, mtrk_value (*key_of)(const void *), int (*hit)(void *, size_t, const void *))
{
    struct gen_page *pg = g->pg;
    for (size_t j = 0; j < n; j++)
        pg->keys[j] = v_id(&pg->ids[pg->slot[j]]);
    struct probe p = { g->t, table, index, prefix, nprefix, pg->keys, pg->slot, n, key_of, hit, g, 0, 0, false };
    return probe_run(&p);
}

struct str_slot {
    const char *s;
    size_t slot;
};

static int str_slot_cmp(const void *a, const void *b)
{
    return strcmp(((const struct str_slot *)a)->s, ((const struct str_slot *)b)->s);
}

/* A probe of the suppression entries of `kind` over strs[slot] (their domain
 * part when `domain`) of the n slots listed in pg->slot, sorted here: strcmp
 * is the store's TEXT order for strings without NUL bytes. */
static int probe_strs(struct gen_ctx *g, mtrk_suppression_kind kind, char *const *strs, bool domain, size_t n)
{
    struct gen_page *pg = g->pg;
    struct str_slot v[GEN_PAGE];
    for (size_t j = 0; j < n; j++) {
        const char *s = strs[pg->slot[j]];
        v[j].s = domain ? addr_domain(s) : s;
        v[j].slot = pg->slot[j];
    }
    qsort(v, n, sizeof v[0], str_slot_cmp);
    for (size_t j = 0; j < n; j++) {
        pg->keys[j] = v_text(v[j].s);
        pg->slot[j] = v[j].slot;
    }
    mtrk_value pre[2] = { v_id(&g->t->id), v_int(kind) };
    struct supp_hit h = { g, kind };
    struct probe p = { g->t, T_SUPPRESSIONS, MTRK_INDEX_PK, pre, 2, pg->keys, pg->slot, n, key_suppression_value,
                       hit_suppression, &h, 0, 0, false };
    return probe_run(&p);
}

/* Does the tenant have any suppression entry of `kind`? */
static int kind_present(mtrk_tenant *t, mtrk_suppression_kind kind, bool *out)
{
    row_suppressions r;
    mtrk_value pre[2] = { v_id(&t->id), v_int(kind) };
    int rc = st_find(t, T_SUPPRESSIONS, MTRK_INDEX_PK, pre, 2, &r);
    *out = rc == MTRK_OK;
    if (rc == MTRK_OK)
        rows_clear(T_SUPPRESSIONS, &r);
    return rc == MTRK_ENOTFOUND ? MTRK_OK : rc;
}

/* Does the store read a page of members itself (contract version 6)? */
static bool gen_reads_typed(const mtrk_tenant *t)
{
    const mtrk_store *s = t->db->store;
    return s->version >= 6 && s->members_read != NULL;
}

static int member_cb(void *ud, const mtrk_store_member *m)
{
    struct gen_ctx *g = ud;
    struct gen_page *pg = g->pg;
    size_t k = pg->n, naud = g->auds->n;
    if (m == NULL || m->version == 0 || k == GEN_PAGE ||
        (k > 0 && memcmp(pg->ids[k - 1].bytes, m->contact.bytes, sizeof m->contact.bytes) >= 0))
        return g->cb_rc = terr(g->t, MTRK_ESTORE, "store members_read: %s",
                               k == GEN_PAGE ? "more members than asked for" : "a member out of contact order");
    pg->ids[k] = m->contact;
    for (size_t i = 0; i < naud; i++)
        pg->member[k * naud + i] = m->in_audience[i] != 0;
    pg->has_msg[k] = m->has_message != 0;
    pg->found[k] = m->found != 0;
    pg->status[k] = m->status;
    pg->n++;
    if (m->found && m->address_key && (pg->addr[k] = xstrdup(m->address_key)) == NULL)
        return g->cb_rc = terr(g->t, MTRK_ENOMEM, "out of memory");
    for (size_t j = 0; j < m->nunsubs; j++)
        unsub_fact(g, k, m->unsub_scopes[j], m->unsub_scope_ids[j]);
    return 0;
}

/* Fills the page with the next members and their facts in one store call;
 * *last is the page's last contact (the next page starts after it). */
static int members_page_read(struct gen_ctx *g, bool started, mtrk_id *last)
{
    mtrk_store *s = g->t->db->store;
    g->cb_rc = 0;
    int rc = s->members_read(s, g->t->id, g->cam->id, g->auds->v, g->auds->n, started ? last : NULL, GEN_PAGE,
                             member_cb, g);
    if (rc == MTRK_ENOMEM && rc != g->cb_rc) {
        rc = terr(g->t, rc, "out of memory");
    } else if (rc < 0 && rc != g->cb_rc) {
        const char *m = s->errmsg ? s->errmsg(s) : NULL;
        rc = terr(g->t, rc == MTRK_ENOTFOUND ? MTRK_ESTORE : rc, "store members_read: %s",
                  m && *m ? m : mtrk_strerror(rc));
    }
    if (rc == MTRK_OK && g->pg->n)
        *last = g->pg->ids[g->pg->n - 1];
    return rc;
}

/* A member an audience lists without a contact row. */
static int check_found(struct gen_ctx *g)
{
    struct gen_page *pg = g->pg;
    for (size_t k = 0; k < pg->n; k++) {
        if (!pg->has_msg[k] && !pg->found[k]) {
            char s[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(s, pg->ids[k]);
            return terr(g->t, MTRK_ENOTFOUND, "contact %s not found", s);
        }
    }
    return MTRK_OK;
}

static int page_suppressions(struct gen_ctx *g);

/* Reads the facts the rule needs about the page's members (through scans). */
static int page_facts(struct gen_ctx *g)
{
    mtrk_tenant *t = g->t;
    struct gen_page *pg = g->pg;
    size_t n = 0;
    /* A member with a message for the campaign is only counted: claim-time
     * checks decide its fate, not generation. */
    for (size_t k = 0; k < pg->n; k++)
        pg->slot[n++] = k;
    mtrk_value mpre[2] = { v_id(&t->id), v_id(&g->cam->id) };
    int rc = probe_ids(g, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, mpre, 2, n, key_message_contact, hit_message);
    if (rc)
        return rc;
    mtrk_value tpre[1] = { v_id(&t->id) };
    n = 0;
    for (size_t k = 0; k < pg->n; k++)
        if (!pg->has_msg[k])
            pg->slot[n++] = k;
    if ((rc = probe_ids(g, T_CONTACTS, MTRK_INDEX_PK, tpre, 1, n, key_contact_id, hit_contact)) ||
        (rc = check_found(g)))
        return rc;
    /* Only active contacts go on to the other steps. */
    n = 0;
    for (size_t k = 0; k < pg->n; k++)
        if (!pg->has_msg[k] && pg->status[k] == MTRK_CONTACT_ACTIVE)
            pg->slot[n++] = k;
    if ((rc = probe_ids(g, T_UNSUBSCRIBES, MTRK_INDEX_PK, tpre, 1, n, key_unsub_contact, hit_unsub)))
        return rc;
    return page_suppressions(g);
}

/* The suppression entries that apply to the page's members, by merged
 * scans, in core_suppression_of's order: address, erased hash, domain. */
static int page_suppressions(struct gen_ctx *g)
{
    mtrk_tenant *t = g->t;
    struct gen_page *pg = g->pg;
    size_t n = 0;
    int rc = MTRK_OK;
    if (g->kinds[MTRK_SUPPRESS_ADDRESS]) {
        n = 0;
        for (size_t k = 0; k < pg->n; k++)
            if (!pg->has_msg[k] && pg->status[k] == MTRK_CONTACT_ACTIVE && pg->addr[k])
                pg->slot[n++] = k;
        if ((rc = probe_strs(g, MTRK_SUPPRESS_ADDRESS, pg->addr, false, n)))
            return rc;
    }
    if (g->kinds[MTRK_SUPPRESS_HASH]) {
        n = 0;
        for (size_t k = 0; k < pg->n; k++) {
            if (pg->has_msg[k] || pg->status[k] != MTRK_CONTACT_ACTIVE || !pg->addr[k] || pg->supp[k])
                continue;
            char h[65];
            if ((rc = tenant_address_hash(t, pg->addr[k], h)))
                return rc;
            if ((pg->hash[k] = xstrdup(h)) == NULL)
                return terr(t, MTRK_ENOMEM, "out of memory");
            pg->slot[n++] = k;
        }
        if ((rc = probe_strs(g, MTRK_SUPPRESS_HASH, pg->hash, false, n)))
            return rc;
    }
    if (g->kinds[MTRK_SUPPRESS_DOMAIN]) {
        n = 0;
        for (size_t k = 0; k < pg->n; k++)
            if (!pg->has_msg[k] && pg->status[k] == MTRK_CONTACT_ACTIVE && pg->addr[k] && !pg->supp[k])
                pg->slot[n++] = k;
        if ((rc = probe_strs(g, MTRK_SUPPRESS_DOMAIN, pg->addr, true, n)))
            return rc;
    }
    return MTRK_OK;
}

/* Facts from the page, for the member being judged (g->at). */
static int pg_suppression(void *ud, const row_contacts *c, mtrk_suppression_kind *out)
{
    (void)c;
    struct gen_ctx *g = ud;
    *out = (mtrk_suppression_kind)g->pg->supp[g->at];
    return MTRK_OK;
}

static int pg_unsub(void *ud, const row_contacts *c, mtrk_unsub_scope scope, mtrk_id scope_id, size_t i, bool *out)
{
    (void)c;
    (void)scope_id;
    struct gen_ctx *g = ud;
    size_t k = g->at;
    *out = scope == MTRK_UNSUB_GLOBAL     ? g->pg->global[k]
           : scope == MTRK_UNSUB_CAMPAIGN ? g->pg->cam_unsub[k]
                                          : g->pg->aud_unsub[k * g->auds->n + i];
    return MTRK_OK;
}

static int pg_member(void *ud, const row_contacts *c, size_t i, bool *out)
{
    (void)c;
    struct gen_ctx *g = ud;
    *out = g->pg->member[g->at * g->auds->n + i];
    return MTRK_OK;
}

/* Inserts the page's nmsg new messages with one call: messages_insert, or
 * one apply of their rows (a backend may write consecutive inserts into one
 * table together; the SQLite store does). */
static int page_insert(struct gen_ctx *g, size_t nmsg)
{
    mtrk_tenant *t = g->t;
    struct gen_page *pg = g->pg;
    if (nmsg == 0)
        return MTRK_OK;
    for (size_t j = 0; j < nmsg; j++)
        st_message_row(t->id, &pg->msgs[j], &pg->rows[j]);
    int rc = st_messages_insert(t, pg->ptrs, pg->rows, nmsg);
    for (size_t j = 0; j < nmsg && rc == MTRK_OK; j++)
        rc = core_stats_message(t, NULL, &pg->rows[j]);
    if (rc == MTRK_OK)
        g->rep.created += nmsg;
    return rc;
}

/* Judges the page's members and inserts the messages of the eligible ones. */
static int page_generate(struct gen_ctx *g)
{
    mtrk_tenant *t = g->t;
    struct gen_page *pg = g->pg;
    elig_facts f = { g, pg_suppression, pg_unsub, pg_member };
    size_t nmsg = 0;
    for (size_t k = 0; k < pg->n; k++) {
        if (pg->has_msg[k]) {
            g->rep.already_present++;
            continue;
        }
        row_contacts c;
        memset(&c, 0, sizeof c);
        c.tenant = t->id;
        c.id = pg->ids[k];
        c.status = pg->status[k];
        c.address_key = pg->addr[k];
        g->at = k;
        mtrk_exclusion why = MTRK_EXCL_NONE;
        int rc = rule_apply(&f, g->cam, &c, g->auds, &why);
        if (rc)
            return rc;
        if (why != MTRK_EXCL_NONE) {
            /* A new reason needs its own appended report field (campaign.h). */
            _Static_assert(MTRK_EXCL_COUNT <= MTRK_GENERATE_REPORT_NEXCLUDED, "excluded[] is fixed");
            g->rep.excluded[why]++;
            g->rep.excluded_total++;
            continue;
        }
        /* Every field decided here; the rest stays 0, nil or NULL. */
        mtrk_store_message *m = &pg->msgs[nmsg];
        memset(m, 0, sizeof *m);
        m->version = MTRK_STORE_MESSAGE_VERSION;
        m->id = core_id_new(t->db);
        m->campaign = g->cam->id;
        m->contact = c.id;
        m->state = MTRK_MSG_QUEUED;
        m->queue_state = core_queue_state(MTRK_MSG_QUEUED);
        m->created_at = g->now;
        pg->ptrs[nmsg++] = m;
    }
    return page_insert(g, nmsg);
}

static int generate_all(struct gen_ctx *g)
{
    size_t naud = g->auds->n;
    if (naud == 0)
        return MTRK_OK;
    int rc = MTRK_OK;
    for (int k = MTRK_SUPPRESS_ADDRESS; k <= MTRK_SUPPRESS_HASH && rc == MTRK_OK; k++)
        rc = kind_present(g->t, (mtrk_suppression_kind)k, &g->kinds[k]);
    if (rc)
        return rc;
    struct gen_page *pg = calloc(1, sizeof *pg);
    g->cur = calloc(naud, sizeof *g->cur);
    if (pg) {
        pg->member = calloc(GEN_PAGE, naud);
        pg->aud_unsub = calloc(GEN_PAGE, naud);
    }
    g->pg = pg;
    if (pg == NULL || g->cur == NULL || pg->member == NULL || pg->aud_unsub == NULL)
        rc = terr(g->t, MTRK_ENOMEM, "out of memory");
    bool typed = gen_reads_typed(g->t), started = false, done = false;
    mtrk_id last = nil_id;
    while (rc == MTRK_OK && !done) {
        page_clear(pg, naud);
        if (typed) {
            if ((rc = members_page_read(g, started, &last)) || pg->n == 0)
                break;
            started = true;
            done = pg->n < GEN_PAGE;
            if ((rc = check_found(g)) == MTRK_OK && (rc = page_suppressions(g)) == MTRK_OK)
                rc = page_generate(g);
            continue;
        }
        if ((rc = page_fill(g)) || pg->n == 0)
            break;
        if ((rc = page_facts(g)) == MTRK_OK)
            rc = page_generate(g);
    }
    if (pg) {
        for (size_t k = 0; k < pg->n; k++) {
            free(pg->addr[k]);
            free(pg->hash[k]);
        }
        free(pg->member);
        free(pg->aud_unsub);
        free(pg);
    }
    free(g->cur);
    g->pg = NULL;
    g->cur = NULL;
    return rc;
}

MTRK_API int mtrk_campaign_generate(mtrk_generate_report *report, mtrk_tenant *t, mtrk_id campaign)
{
    TENANT_CHECK(t);
    int rc;
    if (report && (rc = check_version(t, "report", report, MTRK_GENERATE_REPORT_VERSION)))
        return rc;
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    rc = tx_begin(t, true);
    if (rc)
        return rc;
    row_campaigns cam;
    id_list auds = { 0 };
    struct gen_ctx g;
    memset(&g, 0, sizeof g);
    g.t = t;
    g.cam = &cam;
    g.auds = &auds;
    g.rep = (mtrk_generate_report)MTRK_GENERATE_REPORT_INIT;
    g.now = core_now(t->db);
    rc = cam_load(t, campaign, &cam);
    if (rc == MTRK_OK) {
        if (cam.status != MTRK_CAMPAIGN_DRAFT && cam.status != MTRK_CAMPAIGN_SCHEDULED &&
            cam.status != MTRK_CAMPAIGN_SENDING) {
            char s[MTRK_ID_STRLEN + 1];
            mtrk_id_to_string(s, campaign);
            rc = terr(t, MTRK_ESTATE, "campaign %s is %s: messages are generated only in draft, scheduled or sending",
                      s, mtrk_campaign_status_name((mtrk_campaign_status)cam.status));
        }
        if (rc == MTRK_OK)
            rc = cam_audiences(t, campaign, &auds);
        if (rc == MTRK_OK)
            rc = generate_all(&g);
        rows_clear(T_CAMPAIGNS, &cam);
    }
    id_list_free(&auds);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK && report) {
        unsigned v = report->version;
        g.rep.eligible = g.rep.created + g.rep.already_present;
        *report = g.rep;
        report->version = v;
    }
    return rc;
}

MTRK_API int mtrk_campaign_check_contact(mtrk_exclusion *out_reason, mtrk_tenant *t, mtrk_id campaign,
                                         mtrk_id contact)
{
    if (out_reason == NULL)
        return gerr(MTRK_EINVAL, "out_reason is NULL");
    *out_reason = MTRK_EXCL_NONE;
    TENANT_CHECK(t);
    if (id_is_nil(campaign))
        return terr(t, MTRK_EINVAL, "campaign is nil");
    if (id_is_nil(contact))
        return terr(t, MTRK_EINVAL, "contact is nil");
    int rc = tx_begin(t, false);
    if (rc)
        return rc;
    row_campaigns cam;
    row_contacts c;
    id_list auds = { 0 };
    mtrk_exclusion why = MTRK_EXCL_NONE;
    rc = cam_load(t, campaign, &cam);
    if (rc)
        return tx_end(t, rc);
    rc = contact_load(t, contact, &c);
    if (rc == MTRK_OK) {
        rc = cam_audiences(t, campaign, &auds);
        /* Membership is checked first (docs/rules.md): a contact outside every
         * audience is "not in audience" whatever else applies to it. */
        bool member = false;
        for (size_t i = 0; rc == MTRK_OK && i < auds.n && !member; i++)
            rc = audience_has(t, auds.v[i], contact, &member);
        if (rc == MTRK_OK) {
            if (!member)
                why = MTRK_EXCL_NOT_IN_AUDIENCE;
            else
                rc = eligibility_with(t, &cam, &c, &auds, &why);
        }
        rows_clear(T_CONTACTS, &c);
    }
    rows_clear(T_CAMPAIGNS, &cam);
    id_list_free(&auds);
    rc = tx_end(t, rc);
    if (rc == MTRK_OK)
        *out_reason = why;
    return rc;
}
