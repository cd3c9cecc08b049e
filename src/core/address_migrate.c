/*
 * Bringing a tenant's contacts to the current address rule
 * (docs/decisions.md "Addresses: IDNA2008 domains, A-label keys").
 *
 * Contacts written under the older rule carry the whole address lower-cased
 * in ASCII only as their key, so one mailbox may be several contacts
 * (ana@BÜCHER.de, ana@bücher.de, ana@xn--bcher-kva.de, NFD and full-width
 * spellings). tenants.address_rule says which rule a tenant's keys follow;
 * every database opened runs addr_migrate_db, which finds the tenants still
 * on an older rule and, in one write transaction per tenant:
 *   - recomputes the key and Unicode address of every contact whose key has
 *     an octet >= 0x80 or an "xn--" label (an ASCII key is its own new key);
 *     a contact whose address the current rules refuse keeps its key and is
 *     reported in the summary audit entry, never deleted;
 *   - groups them by new key; the oldest (created_at, then id) survives and
 *     each other is merged into it: messages (with their events' contact),
 *     memberships, unsubscribes (deduplicated), leads (contact and rid) and
 *     custom fields (the survivor's value wins) are re-pointed, the status is
 *     the most restrictive, one "contact.merge" audit entry is written, and
 *     the merged row is deleted. A message of a campaign the survivor already
 *     has a message of cannot move (one message per contact and campaign):
 *     it stays, with its events, on the merged contact, which is kept as a
 *     record without personal data (status erased, no address);
 *   - rewrites address and domain suppressions whose value is non-ASCII to
 *     the A-label form;
 *   - rebuilds the rollups when anything was merged, and sets address_rule.
 * Audit details hold keys only as the tenant's keyed hashes (no address is
 * ever written to the log). Running it again finds nothing to do.
 */
#include "contact_int.h"

#include <idn2.h>
#include <stdio.h>
#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* rebuild.c: the whole tenant's rollups, in the caller's write transaction. */
int rebuild_all(mtrk_tenant *t);

#define MIGRATION_ACTOR "mtrk:address-rule"

typedef struct cand {
    mtrk_id id;
    int64_t created_at;
    char *new_key;  /* NULL: the current rules refuse the address */
    char *new_addr;
} cand;

typedef struct tally {
    uint64_t rekeyed, merged, remnants, invalid, suppressions, leads;
    strbuf invalid_ids;
} tally;

static bool legacy_key(const char *key)
{
    for (const char *p = key; *p; p++)
        if ((unsigned char)*p >= 0x80)
            return true;
    return strstr(key, "xn--") != NULL;
}

static int cand_cmp(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    int c = strcmp(x->new_key, y->new_key);
    if (c)
        return c;
    if (x->created_at != y->created_at)
        return x->created_at < y->created_at ? -1 : 1;
    return memcmp(x->id.bytes, y->id.bytes, sizeof x->id.bytes);
}

/* The contacts whose key or address the current rule changes, and the
 * contacts already holding one of their new keys, sorted by new key and
 * age; those the rule refuses are only counted (ty->invalid). */
static int read_candidates(mtrk_tenant *t, cand **out, size_t *n, tally *ty)
{
    row_contacts *rows = calloc(BULK_PAGE, sizeof *rows);
    cand *cs = NULL;
    size_t nc = 0, cap = 0;
    if (rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre = v_id(&t->id);
    page_cursor cur = { 0 };
    size_t got;
    int rc;
    do {
        rc = scan_page(t, T_CONTACTS, MTRK_INDEX_PK, &pre, 1, &cur, rows, BULK_PAGE, &got);
        for (size_t i = 0; i < got; i++) {
            row_contacts *r = &rows[i];
            if (rc == MTRK_OK && r->address != NULL && r->address_key != NULL && legacy_key(r->address_key)) {
                char norm[MTRK_MAX_ADDRESS + 1], key[MTRK_MAX_ADDRESS + 1], why[ERRMSG_SIZE];
                int nrc = addr_normalize_key(norm, key, r->address, why);
                if (nrc == MTRK_ENOMEM) {
                    rc = terr(t, nrc, "out of memory");
                } else if (nrc != MTRK_OK) {
                    char s[MTRK_ID_STRLEN + 1];
                    mtrk_id_to_string(s, r->id);
                    sb_printf(&ty->invalid_ids, "%s\"%s\"", ty->invalid ? "," : "", s);
                    ty->invalid++;
                } else if (strcmp(key, r->address_key) != 0 || strcmp(norm, r->address) != 0) {
                    cand *nw = grow_array(cs, &cap, sizeof *cs, 16);
                    if (nw == NULL) {
                        rc = terr(t, MTRK_ENOMEM, "out of memory");
                    } else {
                        cs = nw;
                        cand *c = &cs[nc++];
                        c->id = r->id;
                        c->created_at = r->created_at;
                        c->new_key = xstrdup(key);
                        c->new_addr = xstrdup(norm);
                        if (c->new_key == NULL || c->new_addr == NULL)
                            rc = terr(t, MTRK_ENOMEM, "out of memory");
                    }
                }
            }
            rows_clear(T_CONTACTS, r);
        }
    } while (rc == MTRK_OK && got == BULK_PAGE);
    cursor_free(&cur);
    free(rows);
    if (rc == MTRK_OK && nc > 0) {
        /* A contact whose key the rule leaves alone may still be the oldest
         * of a group (ana@xn--bcher-kva.de): read each new key's holder. */
        size_t base = nc;
        for (size_t i = 0; rc == MTRK_OK && i < base; i++) {
            row_contacts r;
            mtrk_value k[2] = { v_id(&t->id), v_text(cs[i].new_key) };
            int frc = st_find(t, T_CONTACTS, IDX_CONTACTS_ADDRESS, k, 2, &r);
            if (frc == MTRK_ENOTFOUND)
                continue;
            if (frc) {
                rc = frc;
                break;
            }
            bool listed = false;
            for (size_t j = 0; j < nc && !listed; j++)
                listed = id_eq(cs[j].id, r.id);
            if (!listed) {
                cand *nw = grow_array(cs, &cap, sizeof *cs, 16);
                if (nw == NULL) {
                    rc = terr(t, MTRK_ENOMEM, "out of memory");
                } else {
                    cs = nw;
                    cand *c = &cs[nc++];
                    c->id = r.id;
                    c->created_at = r.created_at;
                    c->new_key = xstrdup(r.address_key);
                    c->new_addr = xstrdup(r.address);
                    if (c->new_key == NULL || c->new_addr == NULL)
                        rc = terr(t, MTRK_ENOMEM, "out of memory");
                }
            }
            rows_clear(T_CONTACTS, &r);
        }
    }
    *out = cs;
    *n = nc;
    if (rc == MTRK_OK && nc > 1)
        qsort(cs, nc, sizeof *cs, cand_cmp);
    return rc;
}

/* Reads every row of an index range into a growing array (owned copies). */
static int read_all(mtrk_tenant *t, unsigned table, int index, const mtrk_value *pre, unsigned npre, char **out,
                    size_t *n)
{
    size_t rs = rows_size(table), cap = 0;
    char *all = NULL, *page = calloc(BULK_PAGE, rs);
    *n = 0;
    if (page == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    page_cursor cur = { 0 };
    size_t got;
    int rc;
    do {
        rc = scan_page(t, table, index, pre, npre, &cur, page, BULK_PAGE, &got);
        for (size_t i = 0; i < got; i++) {
            char *nw = rc == MTRK_OK ? grow_array(all, &cap, rs, 16) : NULL;
            if (nw == NULL) {
                if (rc == MTRK_OK)
                    rc = terr(t, MTRK_ENOMEM, "out of memory");
                rows_clear(table, page + i * rs);
                continue;
            }
            all = nw;
            memcpy(all + (*n)++ * rs, page + i * rs, rs); /* the strings move with it */
        }
    } while (rc == MTRK_OK && got == BULK_PAGE);
    cursor_free(&cur);
    free(page);
    *out = all;
    return rc;
}

static void free_all(unsigned table, char *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rows_clear(table, rows + i * rows_size(table));
    free(rows);
}

typedef struct moved {
    uint64_t messages, kept, events, memberships, unsubscribes, fields;
} moved;

/* The merged contact's messages and their events; a message of a campaign
 * the survivor has one of stays (counted in kept). */
static int move_messages(mtrk_tenant *t, mtrk_id from, mtrk_id to, moved *mv)
{
    mtrk_value pre[2] = { v_id(&t->id), v_id(&from) };
    char *rows;
    size_t n;
    int rc = read_all(t, T_MESSAGES, IDX_MESSAGES_CONTACT, pre, 2, &rows, &n);
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        row_messages *m = (row_messages *)rows + i;
        row_messages other;
        mtrk_value k[3] = { v_id(&t->id), v_id(&m->campaign), v_id(&to) };
        int frc = st_find(t, T_MESSAGES, IDX_MESSAGES_CAMPAIGN_CONTACT, k, 3, &other);
        if (frc == MTRK_OK) {
            rows_clear(T_MESSAGES, &other);
            mv->kept++;
            continue;
        }
        if (frc != MTRK_ENOTFOUND) {
            rc = frc;
            break;
        }
        row_messages before = *m;
        m->contact = to;
        rc = st_update_from(t, T_MESSAGES, &before, m);
        mv->messages++;
        /* Its events: the contact is in no key of events_by_message, so the
         * scan's order holds while rows are updated page by page. Each is
         * counted as moved with its message, whether or not the store keeps
         * a copy of the message's contact in the event's row (a store may
         * read it from the message: the row then names `to` already). */
        row_events *ev = rc == MTRK_OK ? calloc(BULK_PAGE, sizeof *ev) : NULL;
        if (rc == MTRK_OK && ev == NULL)
            rc = terr(t, MTRK_ENOMEM, "out of memory");
        mtrk_value epre[2] = { v_id(&t->id), v_id(&m->id) };
        page_cursor cur = { 0 };
        size_t got = 0;
        while (rc == MTRK_OK) {
            rc = scan_page(t, T_EVENTS, IDX_EVENTS_MESSAGE, epre, 2, &cur, ev, BULK_PAGE, &got);
            for (size_t j = 0; j < got; j++) {
                if (rc == MTRK_OK && !id_eq(ev[j].contact, to)) {
                    row_events eb = ev[j];
                    ev[j].contact = to;
                    rc = st_update_from(t, T_EVENTS, &eb, &ev[j]);
                }
                mv->events += rc == MTRK_OK;
                rows_clear(T_EVENTS, &ev[j]);
            }
            if (got < BULK_PAGE)
                break;
        }
        cursor_free(&cur);
        free(ev);
    }
    free_all(T_MESSAGES, rows, n);
    return rc;
}

static int adjust_members(mtrk_tenant *t, mtrk_id audience, int64_t delta)
{
    row_audiences a = { 0 };
    a.tenant = t->id;
    a.id = audience;
    int rc = st_get(t, T_AUDIENCES, &a);
    if (rc == MTRK_ENOTFOUND)
        return MTRK_OK;
    if (rc)
        return rc;
    a.member_count = a.member_count + delta < 0 ? 0 : a.member_count + delta;
    rc = st_update(t, T_AUDIENCES, &a);
    rows_clear(T_AUDIENCES, &a);
    return rc;
}

/* A row of a contact's that moves to the survivor (a membership, an
 * unsubscribe rule, a custom field): the table, the index its rows are
 * read by from (tenant, contact), where the contact is in its row struct,
 * and what to do when the survivor already has the row with that key
 * (kept: NULL to leave the survivor's as it is). */
typedef struct move_spec {
    unsigned table;
    int index;
    size_t contact_at;
    int (*kept)(mtrk_tenant *t, const void *row);
} move_spec;

/* A membership the survivor already has: the audience has one member fewer. */
static int membership_kept(mtrk_tenant *t, const void *row)
{
    return adjust_members(t, ((const row_audience_contacts *)row)->audience, -1);
}

static const move_spec move_memberships = { T_AUDIENCE_CONTACTS, IDX_AUDIENCE_CONTACTS_CONTACT,
                                            offsetof(row_audience_contacts, contact), membership_kept };
/* The survivor's own rule of a scope stays. */
static const move_spec move_unsubscribes = { T_UNSUBSCRIBES, MTRK_INDEX_PK, offsetof(row_unsubscribes, contact),
                                             NULL };
/* The survivor's value of a field wins. */
static const move_spec move_fields = { T_CONTACT_FIELDS, MTRK_INDEX_PK, offsetof(row_contact_fields, contact),
                                       NULL };

/* Moves the rows of `from` in sp's table to `to`, unless `to` has the row
 * with the same key; *count: the rows moved. */
static int move_rows(mtrk_tenant *t, const move_spec *sp, mtrk_id from, mtrk_id to, uint64_t *count)
{
    size_t size = rows_size(sp->table);
    char moved_row[512], probe[512];
    assert(size <= sizeof moved_row);
    mtrk_value pre[2] = { v_id(&t->id), v_id(&from) };
    char *rows;
    size_t n;
    int rc = read_all(t, sp->table, sp->index, pre, 2, &rows, &n);
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        const char *r = rows + i * size;
        rc = st_delete(t, sp->table, r);
        memcpy(moved_row, r, size); /* strings borrowed from r */
        memcpy(moved_row + sp->contact_at, &to, sizeof to);
        memcpy(probe, moved_row, size); /* st_get reads the key, then fills */
        int grc = rc == MTRK_OK ? st_get(t, sp->table, probe) : rc;
        if (grc == MTRK_OK) {
            rows_clear(sp->table, probe);
            rc = sp->kept ? sp->kept(t, r) : MTRK_OK;
        } else if (grc == MTRK_ENOTFOUND) {
            rc = st_insert(t, sp->table, moved_row);
            ++*count;
        } else {
            rc = grc;
        }
    }
    free_all(sp->table, rows, n);
    return rc;
}

/* complained over bounced over active. */
static int64_t restrictive(int64_t a, int64_t b)
{
    static const int rank[] = { [MTRK_CONTACT_ACTIVE] = 0, [MTRK_CONTACT_BOUNCED] = 1,
                                [MTRK_CONTACT_COMPLAINED] = 2 };
    int ra = a >= MTRK_CONTACT_ACTIVE && a <= MTRK_CONTACT_COMPLAINED ? rank[a] : 0;
    int rb = b >= MTRK_CONTACT_ACTIVE && b <= MTRK_CONTACT_COMPLAINED ? rank[b] : 0;
    return rb > ra ? b : a;
}

/* Merges contact `m` into `surv` (whose row is *s, updated in memory). */
static int merge_one(mtrk_tenant *t, row_contacts *s, const cand *m, tally *ty)
{
    row_contacts r = { 0 };
    r.tenant = t->id;
    r.id = m->id;
    int rc = st_get(t, T_CONTACTS, &r);
    if (rc)
        return rc;
    moved mv = { 0 };
    char old_hash[65] = "", new_hash[65] = "";
    if ((rc = tenant_address_hash(t, r.address_key, old_hash)) == MTRK_OK &&
        (rc = tenant_address_hash(t, m->new_key, new_hash)) == MTRK_OK &&
        (rc = move_messages(t, m->id, s->id, &mv)) == MTRK_OK &&
        (rc = move_rows(t, &move_memberships, m->id, s->id, &mv.memberships)) == MTRK_OK &&
        (rc = move_rows(t, &move_unsubscribes, m->id, s->id, &mv.unsubscribes)) == MTRK_OK)
        rc = move_rows(t, &move_fields, m->id, s->id, &mv.fields);
    if (rc == MTRK_OK) {
        s->status = restrictive(s->status, r.status);
        if (s->name == NULL && r.name != NULL) {
            s->name = r.name;
            r.name = NULL;
        }
        if (s->consent_at == 0 && r.consent_at != 0) {
            s->consent_at = r.consent_at;
            free(s->consent_source);
            free(s->consent_text_version);
            s->consent_source = r.consent_source;
            s->consent_text_version = r.consent_text_version;
            r.consent_source = r.consent_text_version = NULL;
        }
    }
    if (rc == MTRK_OK && mv.kept == 0) {
        rc = st_delete(t, T_CONTACTS, &r);
    } else if (rc == MTRK_OK) {
        /* Messages that cannot move keep it as a record without personal data. */
        row_contacts e = { 0 };
        e.tenant = t->id;
        e.id = r.id;
        e.status = MTRK_CONTACT_ERASED;
        e.created_at = r.created_at;
        e.updated_at = core_now(t->db);
        rc = st_update(t, T_CONTACTS, &e);
        ty->remnants++;
    }
    char sid[MTRK_ID_STRLEN + 1];
    mtrk_id_to_string(sid, m->id);
    if (rc == MTRK_OK)
        rc = audit_addf(t, "contact.merge", &s->id,
                        "{\"merged\":\"%s\",\"old_key_hash\":\"%s\",\"new_key_hash\":\"%s\",\"messages\":%llu,"
                        "\"messages_kept\":%llu,\"events\":%llu,\"memberships\":%llu,\"unsubscribes\":%llu,"
                        "\"fields\":%llu}",
                        sid, old_hash, new_hash, (unsigned long long)mv.messages, (unsigned long long)mv.kept,
                        (unsigned long long)mv.events, (unsigned long long)mv.memberships,
                        (unsigned long long)mv.unsubscribes, (unsigned long long)mv.fields);
    rows_clear(T_CONTACTS, &r);
    ty->merged++;
    return rc;
}

/* One group (same new key, oldest first): merges the others into the first,
 * then gives it the new key and address. */
static int migrate_group(mtrk_tenant *t, const cand *g, size_t n, tally *ty)
{
    row_contacts s = { 0 };
    s.tenant = t->id;
    s.id = g[0].id;
    int rc = st_get(t, T_CONTACTS, &s);
    for (size_t i = 1; rc == MTRK_OK && i < n; i++)
        rc = merge_one(t, &s, &g[i], ty);
    if (rc == MTRK_OK && (s.address_key == NULL || strcmp(s.address_key, g[0].new_key) != 0 ||
                          strcmp(s.address, g[0].new_addr) != 0 || n > 1)) {
        free(s.address_key);
        free(s.address);
        s.address_key = xstrdup(g[0].new_key);
        s.address = xstrdup(g[0].new_addr);
        s.updated_at = core_now(t->db);
        rc = s.address_key && s.address ? st_update(t, T_CONTACTS, &s) : terr(t, MTRK_ENOMEM, "out of memory");
        ty->rekeyed++;
    }
    rows_clear(T_CONTACTS, &s);
    return rc;
}

/* Leads naming a merged contact as their contact or rid: one pass over the
 * tenant's leads (there is no index by rid). */
static int move_leads(mtrk_tenant *t, const cand *cs, const size_t *group_of, size_t n, tally *ty)
{
    row_leads *rows = calloc(BULK_PAGE, sizeof *rows);
    if (rows == NULL)
        return terr(t, MTRK_ENOMEM, "out of memory");
    mtrk_value pre = v_id(&t->id);
    page_cursor cur = { 0 };
    size_t got;
    int rc;
    do {
        rc = scan_page(t, T_LEADS, MTRK_INDEX_PK, &pre, 1, &cur, rows, BULK_PAGE, &got);
        for (size_t i = 0; i < got; i++) {
            row_leads before = rows[i];
            bool changed = false;
            for (size_t j = 0; rc == MTRK_OK && j < n; j++) {
                if (group_of[j] == j)
                    continue; /* a survivor */
                if (id_eq(rows[i].contact, cs[j].id)) {
                    rows[i].contact = cs[group_of[j]].id;
                    changed = true;
                }
                if (id_eq(rows[i].recipient, cs[j].id)) {
                    rows[i].recipient = cs[group_of[j]].id;
                    changed = true;
                }
            }
            if (rc == MTRK_OK && changed) {
                rc = st_update_from(t, T_LEADS, &before, &rows[i]);
                ty->leads++;
            }
            rows_clear(T_LEADS, &rows[i]);
        }
    } while (rc == MTRK_OK && got == BULK_PAGE);
    cursor_free(&cur);
    free(rows);
    return rc;
}

/* Address and domain suppressions whose value is non-ASCII, in A-label form. */
static int rewrite_suppressions(mtrk_tenant *t, tally *ty)
{
    static const int kinds[] = { MTRK_SUPPRESS_ADDRESS, MTRK_SUPPRESS_DOMAIN };
    int rc = MTRK_OK;
    for (size_t k = 0; rc == MTRK_OK && k < 2; k++) {
        mtrk_value pre[2] = { v_id(&t->id), v_int(kinds[k]) };
        char *rows;
        size_t n;
        rc = read_all(t, T_SUPPRESSIONS, MTRK_INDEX_PK, pre, 2, &rows, &n);
        for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
            row_suppressions *r = (row_suppressions *)rows + i;
            bool ascii = true;
            for (const char *p = r->value; *p; p++)
                ascii = ascii && (unsigned char)*p < 0x80;
            if (ascii)
                continue;
            char in[MTRK_MAX_ADDRESS + 8], norm[MTRK_MAX_ADDRESS + 1], key[MTRK_MAX_ADDRESS + 1], why[ERRMSG_SIZE];
            snprintf(in, sizeof in, "%s%s", kinds[k] == MTRK_SUPPRESS_DOMAIN ? "x@" : "", r->value);
            if (addr_normalize_key(norm, key, in, why) != MTRK_OK)
                continue; /* refused by the current rules: it stays as it is */
            const char *value = kinds[k] == MTRK_SUPPRESS_DOMAIN ? addr_domain(key) : key;
            if ((rc = st_delete(t, T_SUPPRESSIONS, r)))
                break;
            row_suppressions s = *r;
            s.value = (char *)value;
            row_suppressions probe = { 0 };
            probe.tenant = t->id;
            probe.kind = r->kind;
            probe.value = (char *)value;
            int grc = st_get(t, T_SUPPRESSIONS, &probe);
            if (grc == MTRK_OK)
                rows_clear(T_SUPPRESSIONS, &probe); /* the entry in A-label form stays */
            else if (grc == MTRK_ENOTFOUND)
                rc = st_insert(t, T_SUPPRESSIONS, &s);
            else
                rc = grc;
            ty->suppressions++;
        }
        free_all(T_SUPPRESSIONS, rows, n);
    }
    return rc;
}

/* The whole tenant, in its open write transaction. */
static int migrate_tenant(mtrk_tenant *t)
{
    row_tenants tr = { 0 };
    tr.id = t->id;
    int rc = st_get(t, T_TENANTS, &tr);
    if (rc)
        return rc;
    if (tr.address_rule >= ADDR_RULE_CURRENT) { /* another handle did it first */
        rows_clear(T_TENANTS, &tr);
        return MTRK_OK;
    }
    tally ty = { 0 };
    cand *cs = NULL;
    size_t n = 0;
    size_t *group_of = NULL;
    rc = read_candidates(t, &cs, &n, &ty);
    if (rc == MTRK_OK && n > 0 && (group_of = calloc(n, sizeof *group_of)) == NULL)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    for (size_t i = 0; rc == MTRK_OK && i < n;) {
        size_t j = i + 1;
        while (j < n && strcmp(cs[j].new_key, cs[i].new_key) == 0)
            j++;
        for (size_t k = i; k < j; k++)
            group_of[k] = i;
        rc = migrate_group(t, cs + i, j - i, &ty);
        i = j;
    }
    if (rc == MTRK_OK && ty.merged > 0)
        rc = move_leads(t, cs, group_of, n, &ty);
    if (rc == MTRK_OK)
        rc = rewrite_suppressions(t, &ty);
    if (rc == MTRK_OK && ty.merged > 0)
        rc = rebuild_all(t);
    if (rc == MTRK_OK) {
        row_tenants before = tr;
        tr.address_rule = ADDR_RULE_CURRENT;
        rc = st_update_from(t, T_TENANTS, &before, &tr);
    }
    if (rc == MTRK_OK && (ty.rekeyed || ty.merged || ty.invalid || ty.suppressions))
        rc = audit_addf(t, "contact.rekey", &t->id,
                        "{\"rule\":\"idna2008\",\"rekeyed\":%llu,\"merged\":%llu,\"kept_without_address\":%llu,"
                        "\"leads\":%llu,\"suppressions\":%llu,\"invalid\":[%s]}",
                        (unsigned long long)ty.rekeyed, (unsigned long long)ty.merged,
                        (unsigned long long)ty.remnants, (unsigned long long)ty.leads,
                        (unsigned long long)ty.suppressions, ty.invalid_ids.p ? ty.invalid_ids.p : "");
    if (rc == MTRK_OK && ty.invalid_ids.oom)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        free(cs[i].new_key);
        free(cs[i].new_addr);
    }
    free(cs);
    free(group_of);
    sb_free(&ty.invalid_ids);
    rows_clear(T_TENANTS, &tr);
    return rc;
}

/* ---- erased addresses of the older rule ---------------------------------- */

int addr_legacy_key(char *out, const char *key)
{
    const char *at = strrchr(key, '@');
    if (at == NULL || strstr(at + 1, "xn--") == NULL)
        return MTRK_ENOTFOUND;
    char *ulabel = NULL;
    int rc = idn2_to_unicode_8z8z(at + 1, &ulabel, 0);
    if (rc != IDN2_OK) {
        free(ulabel);
        return rc == IDN2_MALLOC ? MTRK_ENOMEM : MTRK_ENOTFOUND;
    }
    size_t ll = (size_t)(at - key);
    if (ll + 1 + strlen(ulabel) > MTRK_MAX_ADDRESS || strcmp(ulabel, at + 1) == 0) {
        free(ulabel);
        return MTRK_ENOTFOUND;
    }
    memcpy(out, key, ll + 1);
    strcpy(out + ll + 1, ulabel);
    free(ulabel);
    return MTRK_OK;
}

/* ---- the db ------------------------------------------------------------- */

typedef struct keys_ctx {
    char (*keys)[MTRK_MAX_TENANT_KEY + 1];
    size_t n, cap;
    bool oom;
} keys_ctx;

static int legacy_tenant_cb(void *ud, const mtrk_value *row)
{
    keys_ctx *c = ud;
    const mtrk_value *rule = &row[COL_tenants_address_rule], *key = &row[COL_tenants_key];
    if (rule->type != MTRK_VAL_INT || rule->i >= ADDR_RULE_CURRENT || key->n > MTRK_MAX_TENANT_KEY)
        return 0;
    void *nw = grow_array(c->keys, &c->cap, sizeof *c->keys, 4);
    if (nw == NULL) {
        c->oom = true;
        return 1;
    }
    c->keys = nw;
    memcpy(c->keys[c->n], key->p, key->n);
    c->keys[c->n++][key->n] = '\0';
    return 0;
}

int addr_migrate_db(mtrk_db *db)
{
    mtrk_store *s = db->store;
    keys_ctx c = { 0 };
    int rc = s->begin(s, 0);
    if (rc == MTRK_OK) {
        rc = s->scan(s, T_TENANTS, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0, legacy_tenant_cb, &c);
        if (rc)
            s->rollback(s);
        else
            rc = s->commit(s);
    }
    if (rc) {
        free(c.keys);
        const char *msg = s->errmsg ? s->errmsg(s) : "";
        return gerr(rc, "reading the tenants' address rule: %s", msg);
    }
    if (c.oom) {
        free(c.keys);
        return gerr(MTRK_ENOMEM, "out of memory reading the tenants");
    }
    for (size_t i = 0; rc == MTRK_OK && i < c.n; i++) {
        mtrk_tenant *t = NULL;
        rc = mtrk_tenant_open(&t, db, c.keys[i], MIGRATION_ACTOR);
        if (rc == MTRK_OK)
            rc = tx_begin(t, true);
        if (rc == MTRK_OK)
            rc = tx_end(t, migrate_tenant(t));
        if (rc)
            rc = gerr(rc, "tenant \"%s\" holds contacts keyed by an older address rule and could not be brought to "
                      "the current one (docs/decisions.md \"Addresses\"): %s", c.keys[i],
                      t ? t->err : db->err);
        mtrk_tenant_close(t);
    }
    free(c.keys);
    return rc;
}
