/*
 * The address rule migration (docs/decisions.md "Addresses"):
 * tests/data/sqlite-legacy-keys.mtrk (made by tests/data/gen_legacy_keys.py)
 * is a user_version 6 file whose tenant "acme" holds five contacts for one
 * mailbox, keyed as the older rule kept them (the address lower-cased in
 * ASCII only): c1 ana@BÜCHER.de (the oldest), c2 ana@bücher.de, c3
 * ana@xn--bcher-kva.de (bounced), c4 its NFD spelling (complained), c5 its
 * full-width spelling, plus bob@example.com. Each of c1..c5 has a message of
 * its own campaign kK (sent, delivered, open, a campaign unsubscribe) and a
 * membership of "all" and of "aK"; c1 and c2 each have a message of
 * "shared" (audience "pair"); c2 is unsubscribed globally; c4's complaint
 * unsubscribed it globally and suppressed its address; a domain
 * suppression holds "bÜcher.de".
 *
 * Opened by this library, the file must come out with:
 *   - one contact for the mailbox: c1, keyed ana@xn--bcher-kva.de and shown
 *     as ana@bücher.de, status complained (the most restrictive);
 *   - every message, event, membership and unsubscribe of c2..c5 on c1,
 *     except c2's "shared" message (c1 has one of that campaign): it stays,
 *     with its events, on c2, kept without personal data (status erased);
 *   - memberships deduplicated ("all" counts c1 and bob, "pair" c1),
 *     unsubscribes deduplicated by scope, c1's field value kept over c2's;
 *   - suppressions in A-label form; four "contact.merge" audit entries and
 *     one "contact.rekey"; the rollups equal a rebuild;
 *   - the address found by every spelling, a sixth spelling added as c1;
 *   - nothing more done on the next open (the rule is recorded);
 *   - leads re-pointed (added to the file by hand: one of c3 with rid c5);
 *   - a contact whose address the current rules refuse (added by hand:
 *     old@exämple.test, a special-use domain) kept with its old key and
 *     listed in the "contact.rekey" entry;
 *   - a store that cannot be written (here, one whose write transactions
 *     fail) makes the open fail naming the tenant, and changes nothing;
 *   - an address erased under the older rule (its hash suppression, of the
 *     key ana's neighbour zoe@bücher.de had then) still suppresses the
 *     mailbox in any spelling.
 */
#include "rel.h"

#include <mtrk/store.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define C1 "X'019CA9453110764BBAB0FECDF2393846'"
#define C2 "X'019CA94548807AC0A568AFBC755CC0C3'"
#define C3 "X'019CA9455FF076D49B670AA54EB6739D'"
#define C5 "X'019CA9458ED07795BE9F1A8954A99C54'"

static const char *const spellings[] = {
    "ana@BÜCHER.de", "ana@bücher.de", "ana@xn--bcher-kva.de", "ana@bu\xcc\x88" "cher.de",
    "ana@\xef\xbd\x82\xc3\xbc\xef\xbd\x83\xef\xbd\x88\xef\xbd\x85\xef\xbd\x92.de",
};

static int64_t q(sqlite3 *db, const char *sql) { return rel_q_int(db, sql); }

/* A store that reads through an SQLite store and refuses every write
 * transaction, as a read-only medium would. */
typedef struct ro_store {
    mtrk_store base;
    mtrk_store *inner;
} ro_store;
#define INNER(s) (((ro_store *)(s))->inner)
static void ro_free(mtrk_store *s)
{
    mtrk_store_free(INNER(s));
    free(s);
}
static int ro_begin(mtrk_store *s, int write) { return write ? MTRK_ESTORE : INNER(s)->begin(INNER(s), 0); }
static int ro_commit(mtrk_store *s) { return INNER(s)->commit(INNER(s)); }
static int ro_rollback(mtrk_store *s) { return INNER(s)->rollback(INNER(s)); }
static int ro_get(mtrk_store *s, unsigned table, const mtrk_value *key, mtrk_row_fn fn, void *ud)
{
    return INNER(s)->get(INNER(s), table, key, fn, ud);
}
static int ro_scan(mtrk_store *s, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                   const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *ud)
{
    return INNER(s)->scan(INNER(s), table, index, prefix, nprefix, start, nstart, flags, fn, ud);
}
static int ro_apply(mtrk_store *s, const mtrk_change *c, size_t n) { return INNER(s)->apply(INNER(s), c, n); }
static const char *ro_errmsg(mtrk_store *s) { (void)s; return "the medium is read-only"; }

static mtrk_store *ro_store_new(const char *path)
{
    ro_store *r = calloc(1, sizeof *r);
    if (r == NULL)
        rel_die("out of memory");
    REL_OK(mtrk_store_sqlite_new(&r->inner, path, NULL), NULL);
    REL_OK(mtrk_store_init(&r->base, 1), NULL);
    r->base.free = ro_free;
    r->base.begin = ro_begin;
    r->base.commit = ro_commit;
    r->base.rollback = ro_rollback;
    r->base.get = ro_get;
    r->base.scan = ro_scan;
    r->base.apply = ro_apply;
    r->base.errmsg = ro_errmsg;
    return &r->base;
}

static sqlite3 *raw_open(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        rel_die("open %s", path);
    return db;
}

/* The entries of action; *sum (may be NULL): the sum over them of the
 * detail's integer field "field":N. */
static size_t audits_sum(mtrk_tenant *t, const char *action, const char *field, long long *sum)
{
    mtrk_audit_iter *it = NULL;
    REL_OK(mtrk_audit_iter_new(&it, t), t);
    const mtrk_audit_entry *e;
    size_t n = 0;
    int rc;
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":", field ? field : "");
    if (sum)
        *sum = 0;
    while ((rc = mtrk_audit_iter_next(&e, it)) == MTRK_OK) {
        if (strcmp(mtrk_audit_action(e), action) != 0)
            continue;
        n++;
        const char *d = mtrk_audit_detail(e), *at = d && field ? strstr(d, pat) : NULL;
        if (sum && field && at == NULL)
            rel_die("%s entry without \"%s\": %s", action, field, d ? d : "(no detail)");
        if (sum && at)
            *sum += strtoll(at + strlen(pat), NULL, 10);
    }
    if (rc != MTRK_ITEROVER)
        rel_die("audit iteration: %s", mtrk_strerror(rc));
    mtrk_audit_iter_free(it);
    return n;
}

static size_t audits(mtrk_tenant *t, const char *action)
{
    return audits_sum(t, action, NULL, NULL);
}

int main(int argc, char **argv)
{
    if (argc != 2)
        rel_die("usage: sqlite-migrate-keys FIXTURE");
    char dir[512], path[600];
    rel_fixture_copy(argv[1], "migrate-keys", "legacy.mtrk", dir, sizeof dir, path, sizeof path);

    sqlite3 *db = raw_open(path);
    rel_expect(q(db, "PRAGMA user_version"), 6, "fixture user_version");
    rel_expect(q(db, "SELECT count(*) FROM contacts"), 6, "fixture contacts");
    rel_expect(q(db, "SELECT count(DISTINCT address_key) FROM contacts"), 6, "fixture keys");
    int64_t events = q(db, "SELECT count(*) FROM events"), messages = q(db, "SELECT count(*) FROM messages");
    rel_expect(events, 26, "fixture events");
    rel_expect(messages, 7, "fixture messages");
    /* The events that move with their messages: those of c2..c5 but c2's
     * message of "shared". */
    int64_t moving = q(db, "SELECT count(*) FROM events e JOIN messages m ON m.id = e.message"
                           " JOIN campaigns c ON c.id = m.campaign JOIN contacts k ON k.id = m.contact"
                           " WHERE m.contact <> " C1 " AND k.address_key LIKE 'ana@%' AND c.name <> 'shared'");
    rel_expect(moving, 18, "fixture events of the messages that move");
    sqlite3_close(db);

    /* By hand: a landing page of k3 with a lead of c3 whose rid is c5, and a
     * contact the older rule accepted and the current one refuses. */
    if (sqlite3_open(path, &db) != SQLITE_OK)
        rel_die("open %s", path);
    char *err = NULL;
    if (sqlite3_exec(db,
                     "INSERT INTO landing_pages SELECT c.tenant, X'019CA945000070000000000000000001', c.id, 'lp',"
                     " 'https://shop.example/lp', 1 FROM campaigns c WHERE c.name = 'k3';"
                     "INSERT INTO leads (tenant, id, landing_page, campaign, lead_key, address, contact, recipient,"
                     " message, attribution, forwarded, captured_at, fields_json) SELECT c.tenant,"
                     " X'019CA945000070000000000000000002', X'019CA945000070000000000000000001', c.id, 'lead-1',"
                     " 'ana@xn--bcher-kva.de', " C3 ", " C5 ", NULL, 2, 0, 1, NULL FROM campaigns c WHERE c.name = 'k3';"
                     "INSERT INTO contacts SELECT id, X'019CA945000070000000000000000003', 'old@ex\xc3\xa4mple.test',"
                     " 'old@ex\xc3\xa4mple.test', NULL, 1, 1, 1, 0, NULL, NULL FROM tenants;",
                     NULL, NULL, &err) != SQLITE_OK)
        rel_die("adding by hand: %s", err);
    sqlite3_close(db);

    mtrk_db *m = NULL;
    mtrk_tenant *t = NULL;
    /* A store that cannot be written: the open fails, naming the tenant,
     * and nothing of the migration is done. */
    mtrk_store *ro = ro_store_new(path);
    int orc = mtrk_db_open_store(&m, ro, NULL);
    if (orc != MTRK_ESTORE || m != NULL || strstr(mtrk_last_errmsg(), "tenant \"acme\"") == NULL ||
        strstr(mtrk_last_errmsg(), "address rule") == NULL)
        rel_die("open on a read-only store: %s: %s", mtrk_strerror(orc), mtrk_last_errmsg());
    mtrk_store_free(ro);
    db = raw_open(path);
    rel_expect(q(db, "SELECT address_rule FROM tenants"), 1, "the rule after a refused open");
    rel_expect(q(db, "SELECT count(*) FROM contacts"), 7, "contacts after a refused open");
    sqlite3_close(db);

    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_open(&t, m, "acme", "test"), NULL);

    db = raw_open(path);
    rel_expect(q(db, "PRAGMA user_version"), REL_SCHEMA_VERSION, "user_version after the migration");
    rel_expect(q(db, "SELECT address_rule FROM tenants"), 2, "the tenant's address rule");
    rel_expect(q(db, "SELECT count(*) FROM contacts"), 4, "c1, c2 kept for its message, bob, the refused one");
    rel_expect(q(db, "SELECT count(*) FROM contacts WHERE address_key = 'old@ex\xc3\xa4mple.test'"), 1,
               "a refused address keeps its old key");
    rel_expect(q(db, "SELECT count(*) FROM leads WHERE contact = " C1 " AND recipient = " C1), 1,
               "the lead's contact and rid re-pointed");
    rel_expect(q(db, "SELECT count(*) FROM audit WHERE action = 'contact.rekey' AND detail LIKE"
                     " '%\"invalid\":[\"019ca945-0000-7000-0000-000000000003\"]%'"),
               1, "the refused contact listed in the summary");
    rel_expect(q(db, "SELECT count(*) FROM contacts WHERE id = " C1 " AND address_key = 'ana@xn--bcher-kva.de'"
                     " AND address = 'ana@bücher.de' AND status = 3"),
               1, "the survivor: c1, its new key and address, complained");
    rel_expect(q(db, "SELECT count(*) FROM contacts WHERE id = " C2 " AND address IS NULL AND address_key IS NULL"
                     " AND name IS NULL AND status = 4"),
               1, "c2 kept without personal data");
    rel_expect(q(db, "SELECT count(*) FROM events"), events, "no event lost");
    rel_expect(q(db, "SELECT count(*) FROM messages"), messages, "no message lost");
    rel_expect(q(db, "SELECT count(*) FROM messages WHERE contact = " C1), 6, "messages of c1");
    rel_expect(q(db, "SELECT count(*) FROM messages m JOIN campaigns c ON c.id = m.campaign"
                     " WHERE m.contact = " C2 " AND c.name = 'shared'"),
               1, "c2's message of \"shared\" stays on c2");
    rel_expect(q(db, "SELECT count(*) FROM events e JOIN messages m ON m.id = e.message"
                     " WHERE e.contact <> m.contact"),
               0, "every event names its message's contact");
    rel_expect(q(db, "SELECT count(*) FROM audience_contacts WHERE contact NOT IN (SELECT id FROM contacts"
                     " WHERE address IS NOT NULL)"),
               0, "memberships on live contacts only");
    rel_expect(q(db, "SELECT member_count FROM audiences WHERE name = 'all'"), 2, "\"all\": c1 and bob");
    rel_expect(q(db, "SELECT member_count FROM audiences WHERE name = 'pair'"), 1, "\"pair\": c1");
    for (int k = 1; k <= 5; k++) {
        char sql[256], what[64];
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM audience_contacts ac JOIN audiences a ON a.id = ac.audience"
                 " WHERE a.name = 'a%d' AND ac.contact = " C1 " AND a.member_count = 1", k);
        snprintf(what, sizeof what, "c1 is the member of a%d", k);
        rel_expect(q(db, sql), 1, what);
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM unsubscribes u JOIN campaigns c ON c.id = u.scope_id"
                 " WHERE u.contact = " C1 " AND u.scope = 2 AND c.name = 'k%d'", k);
        snprintf(what, sizeof what, "c1 is unsubscribed from k%d", k);
        rel_expect(q(db, sql), 1, what);
    }
    rel_expect(q(db, "SELECT count(*) FROM unsubscribes WHERE contact = " C1 " AND scope = 1"), 1,
               "one global unsubscribe (c2's and c4's deduplicated)");
    rel_expect(q(db, "SELECT count(*) FROM unsubscribes WHERE contact <> " C1), 0, "no unsubscribe left behind");
    rel_expect(q(db, "SELECT count(*) FROM contact_fields WHERE contact = " C1 " AND key = 'city' AND value = 'Rio'"),
               1, "the survivor's field value wins");
    rel_expect(q(db, "SELECT count(*) FROM contact_fields WHERE contact = " C1 " AND key = 'team' AND value = 'blue'"),
               1, "c5's field moved");
    rel_expect(q(db, "SELECT count(*) FROM contact_fields WHERE contact <> " C1), 0, "no field left behind");
    rel_expect(q(db, "SELECT count(*) FROM suppressions WHERE kind = 1"), 1, "address suppressions deduplicated");
    rel_expect(q(db, "SELECT count(*) FROM suppressions WHERE kind = 1 AND value = 'ana@xn--bcher-kva.de'"), 1,
               "the address suppression in A-label form");
    rel_expect(q(db, "SELECT count(*) FROM suppressions WHERE kind = 2 AND value = 'xn--bcher-kva.de'"), 1,
               "the domain suppression in A-label form");
    sqlite3_close(db);

    long long moved_events = 0;
    rel_expect((int64_t)audits_sum(t, "contact.merge", "events", &moved_events), 4,
               "one contact.merge entry per merged contact");
    rel_expect(moved_events, moving, "the contact.merge entries count the events that moved with their messages");
    rel_expect((int64_t)audits(t, "contact.rekey"), 1, "one contact.rekey entry");

    /* Every spelling is the survivor now; a new one adds nothing. */
    for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
        mtrk_contact *c = NULL;
        REL_OK(mtrk_contact_find(&c, t, spellings[i]), t);
        char s[MTRK_ID_STRLEN + 1];
        mtrk_id_to_string(s, mtrk_contact_id(c));
        if (strcmp(s, "019ca945-3110-764b-bab0-fecdf2393846") != 0)
            rel_die("%s finds %s, not c1", spellings[i], s);
        mtrk_contact_free(c);
    }
    mtrk_id id;
    int created = -1;
    REL_OK(mtrk_contact_add(&id, &created, t, "Ana@B\xc3\x9c" "cher.DE", NULL), t);
    rel_expect(created, 0, "a sixth spelling finds c1");
    mtrk_suppression_kind kind = 0;
    REL_OK(mtrk_suppression_check(&kind, t, "ana@bücher.de"), t);
    rel_expect(kind, MTRK_SUPPRESS_ADDRESS, "the mailbox is still suppressed");

    /* An erasure under the older rule: the hash of the old key, keyed by the
     * tenant's secret (as the library computes it), put there by hand. */
    {
        sqlite3 *w;
        if (sqlite3_open(path, &w) != SQLITE_OK)
            rel_die("open %s", path);
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(w, "SELECT secret, id FROM tenants WHERE key = 'acme'", -1, &st, NULL) != SQLITE_OK ||
            sqlite3_step(st) != SQLITE_ROW)
            rel_die("tenant secret: %s", sqlite3_errmsg(w));
        unsigned char key[32], h[32];
        size_t klen = 0;
        const char *hex = (const char *)sqlite3_column_text(st, 0);
        if (sodium_hex2bin(key, sizeof key, hex, strlen(hex), NULL, &klen, NULL) != 0 || klen != sizeof key)
            rel_die("tenant secret malformed");
        const char *old_key = "zoe@bücher.de";
        crypto_generichash(h, sizeof h, (const unsigned char *)old_key, strlen(old_key), key, sizeof key);
        char hh[65], sql[512];
        sodium_bin2hex(hh, sizeof hh, h, sizeof h);
        snprintf(sql, sizeof sql,
                 "INSERT INTO suppressions (tenant, kind, value, reason, created_at) VALUES (?, 3, '%s', 'erased', 1)",
                 hh);
        sqlite3_stmt *ins;
        if (sqlite3_prepare_v2(w, sql, -1, &ins, NULL) != SQLITE_OK)
            rel_die("insert: %s", sqlite3_errmsg(w));
        sqlite3_bind_blob(ins, 1, sqlite3_column_blob(st, 1), sqlite3_column_bytes(st, 1), SQLITE_TRANSIENT);
        if (sqlite3_step(ins) != SQLITE_DONE)
            rel_die("insert: %s", sqlite3_errmsg(w));
        sqlite3_finalize(ins);
        sqlite3_finalize(st);
        sqlite3_close(w);
    }
    static const char *const zoe[] = { "zoe@bücher.de", "Zoe@BÜCHER.de", "zoe@xn--bcher-kva.de" };
    for (size_t i = 0; i < 3; i++) {
        kind = 0;
        REL_OK(mtrk_suppression_check(&kind, t, zoe[i]), t);
        if (kind != MTRK_SUPPRESS_HASH)
            rel_die("%s: suppression kind %d, expected the erased hash", zoe[i], (int)kind);
    }

    /* The rollups are those of the history. */
    mtrk_campaign_iter *ci = NULL;
    REL_OK(mtrk_campaign_iter_new(&ci, t), t);
    const mtrk_campaign *camp;
    int rc;
    size_t ncamp = 0;
    while ((rc = mtrk_campaign_iter_next(&camp, ci)) == MTRK_OK) {
        rel_check_rollups(t, mtrk_campaign_id(camp));
        ncamp++;
    }
    mtrk_campaign_iter_free(ci);
    rel_expect(ncamp, 6, "campaigns");
    mtrk_tenant_close(t);
    mtrk_db_close(m);

    /* The next open finds the rule recorded and does nothing. */
    REL_OK(mtrk_db_open(&m, path, NULL), NULL);
    REL_OK(mtrk_tenant_open(&t, m, "acme", "test"), NULL);
    rel_expect((int64_t)audits(t, "contact.rekey"), 1, "no second contact.rekey");
    mtrk_tenant_close(t);
    mtrk_db_close(m);

    rel_check_integrity(path);
    rel_rmdir(dir);
    printf("ok: five spellings merged into the oldest contact\n");
    return 0;
}
