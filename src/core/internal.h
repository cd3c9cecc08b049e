/*
 * mtrk core — internal interfaces shared by the files of src/core/.
 * Nothing here is exported.
 */
#ifndef MTRK_INTERNAL_H
#define MTRK_INTERNAL_H

#include "mtrk/mtrk.h"
#include "mtrk/store.h"
#include "rows.h"
#include "sanitize.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define ERRMSG_SIZE 512

struct mtrk_db {
    mtrk_store *store;
    int owns_store;
    mtrk_clock_fn clock;
    void *clock_userdata;
    /* Tenant handles opened on this db and not yet closed. mtrk_db_close with
     * tenants open only sets `closed`; the last mtrk_tenant_close releases the
     * db (db.c, db_tenant_gone), so no tenant ever points to a freed db. */
    size_t ntenants;
    bool closed;
    char err[ERRMSG_SIZE];
};

struct mtrk_tenant {
    mtrk_db *db;
    mtrk_id id;
    char key[MTRK_MAX_TENANT_KEY + 1];
    char *actor;
    int in_tx;             /* a store transaction is open */
    struct stats_pending *pend; /* rollup deltas of the open write transaction (stats.c) */
    struct fold_cache *fold;    /* the events of an event batch's messages (event.c), during a slice */
    row_tenants row;       /* settings and secret, as last read */
    mtrk_time window_read_at; /* when row's event window was last re-read (evtime.c); 0: not yet */
    struct tmpl_cache *tmpl;    /* parsed campaign templates (html.c, tmpl_get) */
    /* Strings handed out as borrowed from the handle (common.h: the tenant
     * handle's strings). They are freed at the start of the call after next,
     * so a value read by one call may be passed back to the next one
     * (settings get, change, set). */
    char **kept, **kept_old;
    size_t nkept, capkept, nkept_old, capkept_old;
    char err[ERRMSG_SIZE];
    const char *err_arg;   /* the input field the last error names (static), or NULL */
    /* Changes made through the handle so far (store writes and rollup
     * deltas): a batch tells by it whether a refused item wrote anything. */
    uint64_t writes;
    /* The machine rules of events recorded with MTRK_VERDICT_AUTO and of
     * hits resolved without their own (mtrk_tenant_set_classifier). */
    const struct mtrk_classify_rules *cls_rules; /* NULL: the defaults */
    int (*cls_fn)(void *ud, const struct mtrk_classify_input *in);
    void *cls_ud;
};

/* Frees a handle's parsed templates (html.c); NULL-safe. */
void tmpl_cache_free(struct tmpl_cache *c);

/* ---- errors (err.c) ---------------------------------------------------- */
/* Sets the tenant's (or db's) message and the thread's last message; returns code. */
int terr(mtrk_tenant *t, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Puts back a message saved from t->err (ERRMSG_SIZE bytes). */
void terr_set(mtrk_tenant *t, const char *msg);
int dberr(mtrk_db *db, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Sets only the thread's last message (calls without a handle). */
#include "lasterr.h"

/* ---- time and ids (id.c) ----------------------------------------------- */
mtrk_time core_now(const mtrk_db *db);
/* The hour an event time (>= 0) falls in, as the time of its start: the
 * hourly series and events_by_campaign's buckets both use it. */
#define HOUR_MS INT64_C(3600000)
static inline int64_t core_hour(mtrk_time at) { return (at / HOUR_MS) * HOUR_MS; }
/* The same rule as SQL over an integer column (integer division in SQLite
 * and PostgreSQL alike), for migrations that fill an hour in one statement. */
#define CORE_HOUR_SQL(col) "(" col " / 3600000 * 3600000)"
_Static_assert(HOUR_MS == 3600000, "CORE_HOUR_SQL spells HOUR_MS");
/* How many rows of one hour a campaign listing keeps (event.c). */
extern size_t core_hour_keep_max;
/* A version 7 id from the db's clock; strictly increasing within the process. */
mtrk_id core_id_new(const mtrk_db *db);
/* n ids at one reading of the db's clock, issued under one lock (those of
 * a batch): the i-th at (char *)ids + i * stride, each greater than the
 * one before and than any issued earlier. Returns the time read. */
mtrk_time core_ids_new(const mtrk_db *db, mtrk_id *ids, size_t n, size_t stride);
/* An id and the index of what it belongs to: core_id_keys_sort's item. */
typedef struct id_key {
    mtrk_id id;
    size_t i;
} id_key;
/* Sorts keys[0..n-1] by id (bytewise), keys of equal ids keeping their
 * order (stable); false when out of memory (keys unchanged). */
bool core_id_keys_sort(id_key *keys, size_t n);
/* Whether two ids are equal: two word compares, no call (hot loops). */
static inline bool id_same(const mtrk_id *x, const mtrk_id *y)
{
    uint64_t a[2], b[2];
    memcpy(a, x->bytes, 16);
    memcpy(b, y->bytes, 16);
    return ((a[0] ^ b[0]) | (a[1] ^ b[1])) == 0;
}
/* The same, by value. */
static inline bool id_eq(mtrk_id a, mtrk_id b) { return id_same(&a, &b); }
/* Whether an id is the nil id, without a call. */
static inline bool id_is_nil(mtrk_id id)
{
    uint64_t a[2];
    memcpy(a, id.bytes, 16);
    return (a[0] | a[1]) == 0;
}
extern const mtrk_id nil_id;

/* ---- occurrence times (evtime.c) --------------------------------------- */
/* The window an event's occurred_at must fall in (0 means "now" and always
 * passes): by default from 2000-01-01T00:00:00Z to a day after the clock; a
 * tenant sets its own (mtrk_tenant_settings version 3). */
#define EVTIME_MIN INT64_C(946684800000)
#define EVTIME_MAX_AHEAD INT64_C(86400000)
/* Pure: MTRK_OK, or MTRK_EINVAL with why[size] saying what the value looks
 * like ("looks like Unix seconds (2026-03-01T10:00:00Z)"), for the window
 * earliest .. now + ahead. evtime_check: the default window. */
int evtime_check_window(mtrk_time occurred, mtrk_time now, mtrk_time earliest, int64_t ahead, char *why,
                        size_t size);
int evtime_check(mtrk_time occurred, mtrk_time now, char *why, size_t size);
/* Re-reads the tenant's window into t->row when the handle's copy is a
 * second old (by the db's clock): in the caller's transaction, or in a read
 * transaction of its own outside one. Store errors are returned. */
int evtime_window_refresh(mtrk_tenant *t);
/* The same against the tenant's clock and window (outside a transaction,
 * after evtime_window_refresh): MTRK_EINVAL with why[size], or a store error. */
int evtime_tenant_check(mtrk_tenant *t, mtrk_time occurred, char *why, size_t size);

/* ---- validation (util.c) ----------------------------------------------- */
bool utf8_valid(const char *s, size_t n);
/* A string argument: NULL or "" refused when required (MTRK_EINVAL); over max
 * octets MTRK_ETOOLONG; invalid UTF-8 MTRK_EENCODING. `what` names it. */
int check_str(mtrk_tenant *t, const char *what, const char *s, size_t max, bool required);
/* A versioned struct pointer: NULL -> MTRK_EINVAL, version 0 or > known -> MTRK_EVERSION. */
int check_version(mtrk_tenant *t, const char *what, const void *p, unsigned known);
/* The rule of every public *_init(p, version): p NULL -> MTRK_EINVAL naming
 * what; version 0 or > known -> MTRK_EVERSION naming the struct's type. */
int init_check(const void *p, const char *what, const char *type, unsigned version, unsigned known);
/* check_version of each of ps[0..n-1], named what[i] ("outs[3]"). */
int check_versions(mtrk_tenant *t, const char *what, const void *const *ps, size_t n, unsigned known);
/* An http(s) URL with a host, <= MTRK_MAX_URL. */
int check_url(mtrk_tenant *t, const char *what, const char *url, bool required);
/* Text helpers. */
char *xstrdup(const char *s);        /* NULL-safe; NULL on ENOMEM or NULL in */
/* Room for more elements of a growable array: p reallocated to twice *cap
 * elements of elem bytes (first when *cap is 0), *cap updated, the new
 * pointer returned; NULL, with p and *cap unchanged, when out of memory or
 * when the size would overflow. */
void *grow_array(void *p, size_t *cap, size_t elem, size_t first);

/* Appends JSON-escaped s (with quotes) to a growable buffer. */
#include "strbuf.h"
/* Keeps a copy of s borrowed from the tenant handle (NULL for NULL, or on
 * allocation failure) for as long as common.h promises: through the handle's
 * next call, freed when the call after it begins (tenant_enter). */
const char *tenant_keep(mtrk_tenant *t, const char *s);
/* The same for a string the handle already owns (p, malloc'd): the handle
 * frees it then. With `previous`, p counts as lent by the previous call: it
 * is freed when the next call begins (a string lent before this call, such
 * as mtrk_tenant_actor's, ends after this one). MTRK_ENOMEM, with p still
 * the caller's, on failure. */
int tenant_keep_owned(mtrk_tenant *t, char *p, bool previous);
/* Start of every call on a tenant or one of its iterators (accessors and
 * _free excepted): clears its message and frees the strings kept two calls
 * ago (the previous call's stay valid through this one). */
void tenant_enter(mtrk_tenant *t);

/* ---- addresses (address.c) --------------------------------------------- */
/* Normalizes into out[MTRK_MAX_ADDRESS + 1]: the local part as given, '@',
 * the domain's Unicode form after UTS #46 mapping. On failure writes a reason
 * into why[ERRMSG_SIZE] and returns MTRK_EADDRESS/ETOOLONG/EENCODING/EINVAL
 * (or MTRK_ENOMEM). */
int addr_normalize(char *out, const char *in, char *why);
/* The same, also writing the uniqueness key into key[MTRK_MAX_ADDRESS + 1]. */
int addr_normalize_key(char *out, char *key, const char *in, char *why);
/* The uniqueness key of a normalized address: local part lower-cased, '@',
 * the domain's A-label form; out[MTRK_MAX_ADDRESS + 1]. MTRK_ENOMEM at worst. */
int addr_key(char *out, const char *normalized);
/* The rules a tenant's contacts' address_key values follow (tenants.address_rule). */
#define ADDR_RULE_ASCII 1   /* the whole address lower-cased in ASCII only */
#define ADDR_RULE_IDNA 2    /* local part lower-cased, domain as its IDNA2008 A-label */
#define ADDR_RULE_CURRENT ADDR_RULE_IDNA
/* Brings the contacts of every tenant whose address_rule is older than
 * ADDR_RULE_CURRENT to the current rule (address_migrate.c); called when a
 * db is opened. dberr on failure. */
int addr_migrate_db(mtrk_db *db);
/* The key the older rule gave the usual spelling of a current key with an
 * IDN domain (the local part, "@", the domain's Unicode form): an erasure
 * under the older rule suppressed that key's hash. MTRK_ENOTFOUND when the
 * key has no IDN domain; out has MTRK_MAX_ADDRESS + 1 bytes. */
int addr_legacy_key(char *out, const char *key);
/* The domain part of a normalized address or key (pointer into it). */
const char *addr_domain(const char *normalized);
/* Validates and normalizes an address argument, naming it in the error. */
int check_address(mtrk_tenant *t, const char *what, const char *in, char *out);
/* The same, also giving the uniqueness key (both MTRK_MAX_ADDRESS + 1). */
int check_address_key(mtrk_tenant *t, const char *what, const char *in, char *out, char *key);

/* ---- transactions and store access (store_access.c) -------------------- */
/* Every public call that touches data: begin ... end. end commits when rc is 0
 * and rolls back otherwise; it returns rc, or the commit's error. */
int tx_begin(mtrk_tenant *t, bool write);
int tx_end(mtrk_tenant *t, int rc);

mtrk_value v_id(const mtrk_id *id);
mtrk_value v_int(int64_t i);
mtrk_value v_text(const char *s);

/* Reads the row whose primary key is set in *row (other fields zero; key
 * strings are borrowed from the caller, never freed). On success *row holds an
 * owned copy (rows_clear it); on MTRK_ENOTFOUND it is zeroed and no message is
 * set: callers name what was missing. */
int st_get(mtrk_tenant *t, unsigned table, void *row);
/* First row of index `index` (or MTRK_INDEX_PK) whose sort key starts with key[nkey]. */
int st_find(mtrk_tenant *t, unsigned table, int index, const mtrk_value *key, unsigned nkey, void *row);
/* Scan: fn gets each row as a row struct (borrowed for the call); returns 0 go on,
 * 1 stop, <0 abort with that code. */
typedef int (*st_row_fn)(void *userdata, void *row);
int st_scan(mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
            const mtrk_value *start, unsigned nstart, unsigned flags, st_row_fn fn, void *userdata);
int st_insert(mtrk_tenant *t, unsigned table, const void *row);
int st_update(mtrk_tenant *t, unsigned table, const void *row);
/* Update of `row` over `before` (the stored row it was read as): names only
 * the columns that differ (mtrk_change.columns), so a backend can leave the
 * indexes over unchanged columns alone. */
int st_update_from(mtrk_tenant *t, unsigned table, const void *before, const void *row);
int st_delete(mtrk_tenant *t, unsigned table, const void *row);
/* Inserts n rows (row structs back to back) with one apply: a backend may
 * write consecutive inserts into one table together (the SQLite store does). */
int st_insert_many(mtrk_tenant *t, unsigned table, const void *rows, size_t n);
/* Insert or update by primary key. */
int st_put(mtrk_tenant *t, unsigned table, const void *row);
/* The rows of n prefixes (nprefix values each) of `index`, as st_scan from
 * each prefix's first row: one prefix's rows together, in sort-key order;
 * the prefixes in any order. One store call where the store has scan_many
 * (contract version 3), else one st_scan per prefix. fn 1 ends the call. */
int st_scan_many(mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefixes, unsigned nprefix, size_t n,
                 st_row_fn fn, void *userdata);

/* store_typed.c: generation's insert. The record as a row (its strings
 * borrowed); then the n new messages (recs[i] is rows[i] as a record)
 * written with one messages_insert (store contract 6), else with one apply
 * of the rows. */
void st_message_row(mtrk_id tenant, const mtrk_store_message *r, row_messages *m);
int st_messages_insert(mtrk_tenant *t, const mtrk_store_message *const *recs, const row_messages *rows, size_t n);

/* The rows of `table` with these n primary keys (npk values each, back to
 * back), handed to fn as structs (borrowed for the call) in any order; keys
 * with no row are skipped. One store call where the store has get_many
 * (contract version 2), else one get per key. */
int st_get_many(mtrk_tenant *t, unsigned table, const mtrk_value *keys, size_t n, st_row_fn fn, void *userdata);

/* A paging cursor for iterators: the sort key of the last row returned. */
typedef struct page_cursor {
    mtrk_value vals[12];
    char *owned[12];
    unsigned n;
    bool started;
} page_cursor;
/* Remembers the sort key (index columns then pk columns, after nprefix) of row. */
int cursor_set(page_cursor *c, unsigned table, int index, unsigned nprefix, const void *row);
/* The values of row's sort key in `index` after its first nprefix columns:
 * the start of a scan at that row (the one rule; cursor_set keeps copies).
 * They point into row. Returns their number. */
unsigned sort_key_after(unsigned table, int index, unsigned nprefix, const void *row, mtrk_value *out);
void cursor_free(page_cursor *c);
/* Reads up to `max` rows after the cursor into rows[] (row structs of size rows_size);
 * *got receives the count; each page is its own read transaction. */
int page_read(mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
              page_cursor *c, void *rows, size_t max, size_t *got);

/* A paging reader for iterators: pages of PAGER_ROWS rows, each page its own
 * read transaction, resuming after the last row with a cursor. Bounded memory. */
#define PAGER_ROWS 128
typedef struct pager {
    mtrk_tenant *t;
    unsigned table;
    int index;
    page_cursor prefix;      /* owned copies of the prefix values */
    page_cursor cur;
    char *rows;              /* PAGER_ROWS rows */
    size_t n, pos;
    bool done;
    /* Optional filter: rows for which it returns false are skipped; returning
     * a negative code stops with it; 2 ends the iteration. */
    int (*filter)(void *userdata, const void *row);
    void *filter_userdata;
    /* Optional page source in place of the one index scan (page_read's
     * contract: up to max rows after p->cur into p->rows, cursor moved). */
    int (*read)(struct pager *p, size_t max, size_t *got);
} pager;
int pager_init(pager *p, mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix);
/* Does the tenant have the campaign (in a transaction)? MTRK_OK,
 * MTRK_ENOTFOUND naming it, or a storage error (campaign.c). */
int cam_exists(mtrk_tenant *t, mtrk_id id);
/* Moves the next row into *row (owned by the caller: rows_clear it). 0, MTRK_ITEROVER or an error. */
int pager_next(pager *p, void *row);
/* The step of a public iterator that hands out its current row: a call on
 * the tenant (what the previous call lent ends), the row handed out before
 * cleared, then pager_next into it. */
int pager_step(pager *p, void *row);
void pager_free(pager *p);

/* ---- audit (audit.c) ---------------------------------------------------- */
/* Appends an audit entry with the handle's actor; detail is a JSON object. */
int audit_add(mtrk_tenant *t, const char *action, const mtrk_id *entity, const char *detail);
int audit_addf(mtrk_tenant *t, const char *action, const mtrk_id *entity, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- db handles (db.c) ------------------------------------------------- */
/* A tenant handle opened on db was closed: releases db if mtrk_db_close was
 * already called and it was the last one. */
void db_tenant_gone(mtrk_db *db);

/* ---- tenants (tenant.c) ------------------------------------------------- */
/* Keyed hash (hex, 64 chars + NUL) of an address key with the tenant secret. */
int tenant_address_hash(mtrk_tenant *t, const char *address_key, char out[65]);
/* Tenant argument check at the start of every public call. */
#define TENANT_CHECK(t)                                                        \
    do {                                                                       \
        if ((t) == NULL)                                                       \
            return gerr(MTRK_EINVAL, "tenant is NULL");                        \
        tenant_enter(t);                                                       \
    } while (0)

/* ---- cross-area rules --------------------------------------------------- */
/* suppress.c: which entry blocks a contact's address (0 if none): address or
 * erased hash first, then domain. */
int core_suppression_of(mtrk_tenant *t, const char *address_key, mtrk_suppression_kind *out);
/* suppress.c: adds a suppression if absent; *created (may be NULL). Audited
 * when event is NULL (explicit act); traced by the event otherwise. */
int core_suppress_put(mtrk_tenant *t, mtrk_suppression_kind kind, const char *value, const char *reason,
                      const mtrk_id *event, int *created);
/* unsub.c: adds an unsubscribe rule if absent and cancels the contact's queued
 * messages that it makes ineligible. Audited when event is NULL. */
int core_unsub_put(mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id,
                   mtrk_source source, const mtrk_id *event, int *created, uint64_t *canceled);
/* unsub.c: is there a rule (contact, scope, scope_id)? */
int core_unsub_exists(mtrk_tenant *t, mtrk_id contact, mtrk_unsub_scope scope, mtrk_id scope_id, bool *out);
/* contact.c: finds the contact of a normalized address (case-insensitive key)
 * or creates it active with spec's data (spec validated, may be NULL);
 * *created (may be NULL) says which. The one statement of "one contact per
 * address", used by mtrk_contact_add and by lead capture. */
int core_contact_upsert(mtrk_tenant *t, const char *normalized, const mtrk_contact_spec *spec, mtrk_id *out_id,
                        int *created);
/* deadletter.c: deletes the webhook dead letters of a contact's messages or
 * addressed to it, and its messages' provider ids and kept payloads (erasure). */
int core_deadletters_erase_contact(mtrk_tenant *t, mtrk_id contact, const char *address);
/* webhook_data.c: records a sent message's provider id when the provider is a
 * webhook provider (mtrk_queue_mark_sent); anything else is left alone. */
int core_provider_id_record(mtrk_tenant *t, mtrk_id mid, const char *provider, const char *id);
/* webhook_data.c: deletes the kept webhook payloads that arrived more than
 * retention_ms before now (mtrk_retention_apply). */
int core_webhook_payloads_purge(mtrk_tenant *t, mtrk_time now, int64_t retention_ms);
/* contact.c: changes a contact's status (no audit: the caller audits or the event traces). */
int core_contact_status(mtrk_tenant *t, mtrk_id contact, mtrk_contact_status status);

/* queue.c: re-checks every queued or claimed message of a contact and cancels
 * those no longer eligible; *canceled (may be NULL) counts them. */
int core_recheck_contact(mtrk_tenant *t, mtrk_id contact, uint64_t *canceled);
/* reputation.c: the reputation guard of a claim on `campaign`, in its own
 * write transaction before the claim's: judges the tenant's and the
 * campaign's domain's figures (pausing a scope that reaches a pause
 * threshold) and returns MTRK_ESTATE, naming the scope and its figures, when
 * either scope is paused; MTRK_OK otherwise (also when the campaign is
 * missing or not sending: the claim names that). */
int core_reputation_guard(mtrk_tenant *t, mtrk_id campaign);
/* queue.c: cancels one message (queued or claimed) with its reason, with rollups. */
int core_message_cancel(mtrk_tenant *t, row_messages *m, mtrk_exclusion reason);

/* stats.c: the rollup rule. Adjusts the campaign's counters by
 * contribution(after) - contribution(before); before NULL for a new message. */
int core_stats_message(mtrk_tenant *t, const row_messages *before, const row_messages *after);
/* The same, the state before given by its flags and state alone. */
int core_stats_message_moved(mtrk_tenant *t, int64_t before_flags, int64_t before_state, const row_messages *after);
/* stats.c: adds event-level counters (opens_total, machine opens, ...), the
 * hourly series and, for clicks, the link's counters: first_link_click (and
 * first_link_human_click) say that this message had no earlier (human) click
 * on this link, decided by the caller before inserting the event. */
int core_stats_event(mtrk_tenant *t, const row_events *ev, bool first_link_click, bool first_link_human_click);
/* stats.c: a new lead's counters. */
int core_stats_lead(mtrk_tenant *t, const row_leads *lead);
/* stats.c: within a write transaction the rollup changes above are summed in
 * memory (one entry per touched counter row) and written once, by
 * stats_flush, just before the commit (tx_end): one read and one write per
 * touched row per call instead of per event. stats_drop forgets them (after a
 * failure, and always at the end of the transaction). Nothing reads the
 * rollup tables inside a write transaction but the flush itself. */
int stats_defer_begin(mtrk_tenant *t);
int stats_flush(mtrk_tenant *t);
void stats_drop(mtrk_tenant *t);
void stats_free(mtrk_tenant *t); /* at tenant close */
/* event.c: records one validated event (used by mtrk_queue_mark_sent too). */
/* A message's queue_state (derived, the one rule): its state while queued
 * or claimed, 0 (NULL) otherwise. */
int64_t core_queue_state(int64_t state);
int core_event_record(mtrk_tenant *t, const mtrk_event_input *in, mtrk_event_outcome *out);
/* mtrk_event_record_batch inside the caller's write transaction: validates
 * and records each event, filling its outcome; *recorded counts the events
 * written. A nonzero return (storage, memory) means the caller must roll
 * back; the outcomes of events refused for their own input keep their
 * status either way. */
int core_event_batch(mtrk_tenant *t, const mtrk_event_input *const *events, size_t n,
                     mtrk_event_outcome *const *outcomes, size_t *recorded);

/* A message's facts are its stored row folded with its events (docs/decisions.md
 * §8): recording an event inserts the event and, as a rule, does not write the
 * message row. The row's mark (folded_*: a position in events_by_message
 * order) says up to which event its facts already count: with a mark, the
 * facts are the row's own folded with the events after the mark; without one,
 * the row's state folded with every event. core_message_fold computes them
 * into m (flags, first-times, counters, state, by decide_message, in
 * events_by_message order; a missing provider message id comes from the first
 * event that has one) and sets m's mark to the last event it folded, so a row
 * written back from m is consistent. The result does not depend on the order
 * of the events but for that id: decide_message's state moves are monotone
 * and terminal states absorb. each, when set, sees every event folded; it
 * must not write. core_message_fold_all ignores the mark and folds every event
 * from the row's state (the rebuild). core_message_get is st_get then the fold
 * (MTRK_ENOTFOUND when there is no row; m is cleared on failure).
 * core_message_settle folds m and, when events moved a stored queued or
 * claimed message out of the queue, writes the row so it leaves the queue's
 * index; *moved tells whether the folded state differs from the stored one. */
int core_message_fold(mtrk_tenant *t, row_messages *m, st_row_fn each, void *ud);
int core_message_fold_all(mtrk_tenant *t, row_messages *m, st_row_fn each, void *ud);
int core_message_get(mtrk_tenant *t, row_messages *m);
int core_message_settle(mtrk_tenant *t, row_messages *m, bool *moved);
/* event.c: a contact's history, read through its messages (there is no index
 * of events by contact). core_contact_mids: the contact's mids (*out to free).
 * core_contact_events: fn for each of its events, message by message (each in
 * event-time order); fn must not write the store. */
int core_contact_mids(mtrk_tenant *t, mtrk_id contact, mtrk_id **out, size_t *n);
int core_contact_events(mtrk_tenant *t, mtrk_id contact, st_row_fn fn, void *ud);

/* ---- tracking (sign.c, html.c, track.c, classify.c) --------------------- */
/* sign.c: makes a new signing key (the newest unretired key signs); inside the
 * caller's write transaction. *out_key_id may be NULL. */
int core_signing_key_create(mtrk_tenant *t, uint32_t *out_key_id);
/* track.c: (re)catalogues a campaign's links from its HTML (docs/tracking.md),
 * inside the caller's write transaction. */
int core_links_catalogue(mtrk_tenant *t, mtrk_id campaign, const char *html);

#endif
