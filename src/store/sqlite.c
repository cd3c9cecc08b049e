/*
 * The SQLite store: the durable, embedded default. Every table described by
 * mtrk_store_table() becomes a typed STRICT table of the same name, its
 * secondary indexes real SQLite indexes, so an analyst can query the file
 * with plain SQL (docs/schema.md). Like the memory store it knows the table
 * definitions and nothing else: no business rule lives here.
 *
 * Order. SQLite compares NULL < INTEGER < TEXT < BLOB, integers numerically,
 * TEXT with the BINARY collation (memcmp, then shorter first) and BLOBs with
 * memcmp: exactly the contract's order, so scans are plain ORDER BY over the
 * sort key (index columns, then primary-key columns). STRICT tables keep
 * every stored value of its column's type, so no affinity conversion ever
 * changes a comparison.
 *
 * Keys. Tables are WITHOUT ROWID (the row lives in the primary-key b-tree, so
 * a keyed get is one descent and an insert touches one b-tree fewer), except
 * the tables listed in rowid_tables[], whose rows can be large (HTML bodies,
 * lead fields, audit details: SQLite advises rowid tables for rows above
 * ~1/20 of a page). On rowid tables each secondary index also carries the
 * primary-key columns, so an index alone gives the full sort key and a scan
 * never sorts. The measurements behind this are in docs/schema.md.
 *
 * Messages and events are kept otherwise (docs/decisions.md §37): in the
 * rowid tables message_rows and event_rows, keyed by integers (the tenant
 * as tenant_keys.k, an event's message as message_rows.k), each id a column
 * with a unique index, behind the views "messages" and "events" that show
 * the definitions' columns (keyed_layout_sql). An event row holds neither
 * its message's campaign nor its contact: the view and every read take
 * them from the message; it keeps the campaign's integer key
 * (campaign_keys.k) for events_by_campaign only (event_rows_v16_sql,
 * docs/decisions.md §51). The store's generic rows for
 * these two tables are translated here (the tstate's map and ck): a read
 * selects the ids behind the keys, a key bound by a caller is looked up by
 * id, and a scan orders by the columns its prefix leaves free, which the
 * indexes on the integer keys give without a sort. The typed operations of
 * the event path work on the tables directly ("Typed operations").
 *
 * Foreign keys. store_fks[] (fk.c) names the relations (every one led by the tenant);
 * they are DEFERRABLE INITIALLY DEFERRED, checked at commit, so the core may
 * apply a change set in any order; PRAGMA foreign_keys=ON on every handle.
 *
 * Statements are prepared once per handle and reused: get, insert, update
 * and delete per table, scan per (table, index, nprefix, nstart, flags)
 * shape. A statement still running (a scan whose callback reads the same
 * shape again) is not reused: the nested call prepares a transient one.
 *
 * Transactions: begin(write) is BEGIN IMMEDIATE, which takes the write lock
 * at once (two writers can never both decide from the same state), reads are
 * BEGIN DEFERRED (WAL readers never block). A locked database is waited for
 * up to the busy timeout, then MTRK_EBUSY: never silent loss.
 *
 * Files. The schema version is PRAGMA user_version, with forward migrations
 * applied on open; an mtrk database also holds the table mtrk_meta. A file
 * that is not SQLite, is an SQLite database of something else, is newer than
 * this library, is truncated or is read-only is refused before anything is
 * written to it.
 */
#include "counters.h"
#include "fk.h"
#include "records.h"
#include "values.h"
#include "lasterr.h"
#include "mtrk/store.h"
#include "strbuf.h"

#include <assert.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_COLS 64
#define MAX_KEY 64
/* Distinct partial-update column sets kept prepared per table (the core uses
 * a handful); further ones are prepared for one use. */
#define MAX_PARTIAL 16
#define ERRMSG_MAX 512
#define DEFAULT_BUSY_MS 5000
/* Page cache per connection (KiB). SQLite's own default (2 MiB) is far below
 * the working set of a batch: dirty pages spilled to the WAL mid-transaction
 * and re-read pages dominated the ingest profile (docs/performance.md). */
#define DEFAULT_CACHE_KIB 65536

/* The application id written to the header (PRAGMA application_id): "mtrk". */
#define MTRK_APP_ID 0x6d74726b

/* ------------------------------------------------------------------ */
/* Schema description beyond the table definitions                     */
/* ------------------------------------------------------------------ */

/* Tables kept as rowid tables: their rows may be large (see the top). */
static const char *const rowid_tables[] = { "campaigns", "leads", "audit", "webhook_payloads" };

/* Schema versions this library knows; migration k brings user_version k-1 to k. */
#define SQLITE_SCHEMA_VERSION 17

/* ------------------------------------------------------------------ */
/* The store                                                           */
/* ------------------------------------------------------------------ */

typedef struct cstmt {
    sqlite3_stmt *st;
    int busy;
} cstmt;

typedef struct scan_entry {
    uint32_t key;
    cstmt s;
} scan_entry;

/* How a table's rows are kept: as its definition says (MAP_NONE), or, for
 * messages and events, in a rowid table of another name whose tenant (and,
 * for events, message) columns hold integer keys (see "Keys" at the top). */
enum { MAP_NONE, MAP_MESSAGES, MAP_EVENTS };
/* How a column of a mapped table is kept: as is, as the tenant's integer
 * key (tenant_k), as the message's (message_k), as the campaign's
 * (campaign_k: an event's campaign, read as its message's), or not at all
 * (an event's contact, its message's). */
enum { CK_PLAIN, CK_TENANT, CK_MESSAGE, CK_CAMPAIGN, CK_CONTACT };

typedef struct tstate {
    const mtrk_table_def *def;
    int rowid;           /* a rowid table (else WITHOUT ROWID) */
    int map;             /* MAP_* */
    unsigned char ck[MAX_COLS]; /* CK_* per column (mapped tables) */
    unsigned nkey[MAX_KEY];
    cstmt get, ins, upd, del;
    cstmt insn; /* INSERT of INS_BATCH rows (sq_apply) */
    /* Updates of some columns only (mtrk_change.columns), one per column set seen. */
    struct { uint64_t mask; cstmt c; } part[MAX_PARTIAL];
    unsigned npart;
    /* Scan shapes seen on this table (a few dozen at most: a linear search).
     * An array of pointers, so a cstmt stays put while the array grows. */
    scan_entry **scans;
    size_t nscans, capscans;
} tstate;

/* The typed operations of the event path (see "Typed operations" below). */
/* An id's integer key found last (key_lookup); valid: k is that id's. */
typedef struct key_memo {
    mtrk_id id;
    int64_t k;
    int valid;
} key_memo;

typedef struct typed_state {
    rec_maps rec;
    unsigned msg_table, ev_table;
    uint64_t msg_fixed; /* columns a message update never writes (campaign, contact, created_at) */
    int ev_message;     /* the event record's field kept as message_k */
    int ev_campaign;    /* ... kept as campaign_k (read as its message's) */
    int ev_contact;     /* ... not kept (its message's) */
    sqlite3_stmt *tenant_k, *load_msg, *load_ev, *load_ev_after, *find_pid, *ins, *insn, *campaign_k;
    /* The last tenant's and the last campaign's integer keys, within one
     * transaction (the campaign's until a delete: a key could then be
     * given to another campaign). */
    key_memo tkm, ckm;
    /* The integer keys of the messages messages_load found, within one
     * transaction (see mk_put): events_append binds them as they are. */
    struct mk_slot { mtrk_id id; int64_t k, tk; uint32_t epoch; } *mk;
    size_t mk_cap, mk_n;
    uint32_t mk_epoch;
    sqlite3_stmt *find_mk;
    /* Events of one message gathered by messages_load: their records,
     * their strings copied to bytes. */
    char *bytes;
    size_t nbytes, capbytes;
    mtrk_store_event *recs;
    const mtrk_store_event **ptrs;
    size_t caprecs;
} typed_state;

typedef struct sqlstore {
    mtrk_store base;
    sqlite3 *db;
    int in_tx, write, depth;
    unsigned ntables;
    tstate *ts;
    typed_state ty;
    sqlite3_stmt *begin_r, *begin_w, *commit, *rollback;
    char err[ERRMSG_MAX];
    ctr_maps ctr;     /* counters_add: the rollup tables */
    cstmt ctr_up[4];  /* counters_add: its upsert, by kind */
    sqlite3_stmt *gen_ins[4]; /* messages_insert: a whole record; 64, 8, 1 new messages */
    sqlite3_stmt *gen_rd[4];  /* members_read: by GR_* */
    sqlite3_stmt *ev_scan[3]; /* events_scan: by MTRK_STORE_EVENTS_BY_* */
} sqlstore;

static void mk_reset(typed_state *ty);

/* The transaction this handle began is gone: SQLite rolled it back (an
 * event append that failed, see events_append, or an I/O error). Nothing
 * more may be written until the caller rolls back, or it would be written
 * outside any transaction. */
static int tx_lost(const sqlstore *s)
{
    return s->in_tx && sqlite3_get_autocommit(s->db);
}

__attribute__((format(printf, 3, 4))) static int fail(sqlstore *s, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return code;
}

/* Maps an SQLite result code to MTRK_E*; the message keeps sqlite3_errmsg. */
static int map_code(int ext)
{
    switch (ext & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return MTRK_EBUSY;
    case SQLITE_NOMEM:
        return MTRK_ENOMEM;
    case SQLITE_CONSTRAINT:
        if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
            return MTRK_EEXISTS;
        if (ext == SQLITE_CONSTRAINT_NOTNULL || ext == SQLITE_CONSTRAINT_DATATYPE)
            return MTRK_EINVAL;
        return MTRK_ESTORE;
    case SQLITE_TOOBIG:
        return MTRK_ETOOLONG;
    default:
        return MTRK_ESTORE;
    }
}

static int sql_fail(sqlstore *s, const char *what)
{
    int ext = sqlite3_extended_errcode(s->db);
    return fail(s, map_code(ext), "sqlite store: %s: %s (%d)", what, sqlite3_errmsg(s->db), ext);
}


/* ------------------------------------------------------------------ */
/* SQL text                                                            */
/* ------------------------------------------------------------------ */

static const char *sql_type(int type)
{
    return type == MTRK_VAL_INT ? "INTEGER" : type == MTRK_VAL_TEXT ? "TEXT" : "BLOB";
}

static int is_rowid_table(const char *name)
{
    for (size_t i = 0; i < sizeof rowid_tables / sizeof rowid_tables[0]; i++)
        if (strcmp(rowid_tables[i], name) == 0)
            return 1;
    return 0;
}

/* An index over a nullable column is partial: rows with a NULL there have
 * no entry. For a unique index "NULLs never collide" needs none, and an
 * event without a provider id then costs no index entry at all; the send
 * queue's index (messages_by_queue) holds only the messages in the queue.
 * The planner uses such an index only for lookups that bind every nullable
 * column with "=", so sq_scan names it (INDEXED BY) only then and lets the
 * planner order the other scans (none of the core's). */
static int partial_index(const mtrk_table_def *def, int index)
{
    if (index < 0)
        return 0;
    const mtrk_index_def *ix = &def->indexes[index];
    for (unsigned j = 0; j < ix->ncols; j++)
        if (def->cols[ix->cols[j]].flags & MTRK_COL_NULLABLE)
            return 1;
    return 0;
}

static void sql_create_index(strbuf *b, const mtrk_table_def *def, unsigned x)
{
    const mtrk_index_def *ix = &def->indexes[x];
    sb_printf(b, "CREATE %sINDEX \"%s\" ON \"%s\" (", ix->unique ? "UNIQUE " : "", ix->name, def->name);
    for (unsigned j = 0; j < ix->ncols; j++)
        sb_printf(b, "%s\"%s\"", j ? ", " : "", def->cols[ix->cols[j]].name);
    /* A rowid table's index ends with the rowid: append the primary key so
     * the index alone orders by the full sort key (a unique index keeps
     * its uniqueness on its own columns). WITHOUT ROWID indexes carry the
     * primary key already. */
    if (is_rowid_table(def->name) && !ix->unique) {
        unsigned tail[MAX_KEY];
        unsigned nt = store_index_tail(def, (int)x, tail);
        for (unsigned j = 0; j < nt; j++)
            sb_printf(b, ", \"%s\"", def->cols[tail[j]].name);
    }
    sb_printf(b, ")");
    if (partial_index(def, (int)x)) {
        const char *w = " WHERE ";
        for (unsigned j = 0; j < ix->ncols; j++) {
            const mtrk_column_def *cd = &def->cols[ix->cols[j]];
            if (cd->flags & MTRK_COL_NULLABLE) {
                sb_printf(b, "%s\"%s\" IS NOT NULL", w, cd->name);
                w = " AND ";
            }
        }
    }
    sb_printf(b, ";\n");
}

static void sql_create_table(strbuf *b, const mtrk_table_def *def)
{
    sb_printf(b, "CREATE TABLE \"%s\" (", def->name);
    for (unsigned c = 0; c < def->ncols; c++) {
        const mtrk_column_def *cd = &def->cols[c];
        sb_printf(b, "%s\"%s\" %s%s", c ? ", " : "", cd->name, sql_type(cd->type),
               (cd->flags & MTRK_COL_NULLABLE) && c >= def->npk ? "" : " NOT NULL");
    }
    sb_printf(b, ", PRIMARY KEY (");
    for (unsigned c = 0; c < def->npk; c++)
        sb_printf(b, "%s\"%s\"", c ? ", " : "", def->cols[c].name);
    sb_printf(b, ")");
    for (size_t i = 0; i < store_nfks; i++) {
        const store_fk *fk = &store_fks[i];
        if (strcmp(fk->table, def->name) != 0)
            continue;
        if (strcmp(fk->parent, "messages") == 0)
            sb_printf(b, ", FOREIGN KEY (\"%s\") REFERENCES \"message_rows\" (\"id\")", fk->col);
        else if (strcmp(fk->col, "tenant") == 0)
            sb_printf(b, ", FOREIGN KEY (\"tenant\") REFERENCES \"%s\" (\"id\")", fk->parent);
        else
            sb_printf(b, ", FOREIGN KEY (\"tenant\", \"%s\") REFERENCES \"%s\" (\"tenant\", \"id\")", fk->col,
                   fk->parent);
        sb_printf(b, " DEFERRABLE INITIALLY DEFERRED");
    }
    sb_printf(b, ") STRICT%s;\n", is_rowid_table(def->name) ? "" : ", WITHOUT ROWID");
    for (unsigned x = 0; x < def->nindexes; x++)
        sql_create_index(b, def, x);
}

/* The physical layout of messages and events (see "Keys" at the top):
 * tenant_keys gives each tenant a small integer (kept by triggers on
 * tenants); message_rows and event_rows are rowid tables keyed by integers,
 * each id a column with a unique index; messages and events are views of
 * them with the columns of the tables they replace, so that SQL written
 * for those keeps working (docs/schema.md). The foreign keys the tables
 * had are kept: an event's message by its integer key, the rest by id,
 * for which campaigns, contacts and links gain a unique index on id (ids
 * are unique in the whole database: the core makes them). Frozen: the
 * layout as schema version 12 made it, for new files and migration 12. */
static const char keyed_layout_sql[] =
    "CREATE TABLE \"tenant_keys\" (\"k\" INTEGER PRIMARY KEY, \"id\" BLOB NOT NULL UNIQUE,"
    " FOREIGN KEY (\"id\") REFERENCES \"tenants\" (\"id\") DEFERRABLE INITIALLY DEFERRED) STRICT;\n"
    "INSERT INTO \"tenant_keys\" (\"id\") SELECT \"id\" FROM \"tenants\" ORDER BY \"created_at\", \"id\";\n"
    "CREATE TRIGGER \"tenant_keys_insert\" AFTER INSERT ON \"tenants\""
    " BEGIN INSERT INTO \"tenant_keys\" (\"id\") VALUES (NEW.\"id\"); END;\n"
    "CREATE TRIGGER \"tenant_keys_delete\" AFTER DELETE ON \"tenants\""
    " BEGIN DELETE FROM \"tenant_keys\" WHERE \"id\" = OLD.\"id\"; END;\n"
    "CREATE UNIQUE INDEX \"campaigns_by_id\" ON \"campaigns\" (\"id\");\n"
    "CREATE UNIQUE INDEX \"contacts_by_id\" ON \"contacts\" (\"id\");\n"
    "CREATE UNIQUE INDEX \"links_by_id\" ON \"links\" (\"id\");\n"
    "CREATE TABLE \"message_rows\" (\"k\" INTEGER PRIMARY KEY, \"tenant_k\" INTEGER NOT NULL, \"id\" BLOB NOT NULL,"
    " \"campaign\" BLOB NOT NULL, \"contact\" BLOB NOT NULL, \"state\" INTEGER NOT NULL,"
    " \"cancel_reason\" INTEGER NOT NULL, \"created_at\" INTEGER NOT NULL, \"lease_until\" INTEGER NOT NULL,"
    " \"sent_at\" INTEGER NOT NULL, \"delivered_at\" INTEGER NOT NULL, \"bounced_at\" INTEGER NOT NULL,"
    " \"first_open_at\" INTEGER NOT NULL, \"first_click_at\" INTEGER NOT NULL,"
    " \"first_complaint_at\" INTEGER NOT NULL, \"first_unsub_at\" INTEGER NOT NULL, \"opens\" INTEGER NOT NULL,"
    " \"clicks\" INTEGER NOT NULL, \"soft_bounces\" INTEGER NOT NULL, \"flags\" INTEGER NOT NULL,"
    " \"provider_message_id\" TEXT, \"queue_state\" INTEGER, \"folded_occurred_at\" INTEGER,"
    " \"folded_arrived_at\" INTEGER, \"folded_event\" BLOB, \"folded_links\" TEXT,"
    " FOREIGN KEY (\"tenant_k\") REFERENCES \"tenant_keys\" (\"k\") DEFERRABLE INITIALLY DEFERRED,"
    " FOREIGN KEY (\"campaign\") REFERENCES \"campaigns\" (\"id\") DEFERRABLE INITIALLY DEFERRED,"
    " FOREIGN KEY (\"contact\") REFERENCES \"contacts\" (\"id\") DEFERRABLE INITIALLY DEFERRED) STRICT;\n"
    "CREATE UNIQUE INDEX \"messages_by_id\" ON \"message_rows\" (\"id\");\n"
    "CREATE UNIQUE INDEX \"messages_by_campaign_contact\" ON \"message_rows\" (\"tenant_k\", \"campaign\", \"contact\");\n"
    "CREATE INDEX \"messages_by_contact\" ON \"message_rows\" (\"contact\", \"id\");\n"
    "CREATE INDEX \"messages_by_queue\" ON \"message_rows\" (\"tenant_k\", \"campaign\", \"queue_state\", \"id\")"
    " WHERE \"queue_state\" IS NOT NULL;\n"
    "CREATE INDEX \"messages_by_campaign\" ON \"message_rows\" (\"tenant_k\", \"campaign\", \"id\");\n"
    "CREATE TABLE \"event_rows\" (\"k\" INTEGER PRIMARY KEY, \"tenant_k\" INTEGER NOT NULL, \"id\" BLOB NOT NULL,"
    " \"message_k\" INTEGER NOT NULL, \"campaign\" BLOB NOT NULL, \"contact\" BLOB NOT NULL, \"type\" INTEGER NOT NULL,"
    " \"link\" BLOB, \"occurred_at\" INTEGER NOT NULL, \"arrived_at\" INTEGER NOT NULL, \"provider\" TEXT,"
    " \"provider_event_id\" TEXT, \"provider_message_id\" TEXT, \"bounce_kind\" INTEGER NOT NULL, \"diagnostic\" TEXT,"
    " \"user_agent\" TEXT, \"ip\" TEXT, \"verdict\" INTEGER NOT NULL, \"verdict_reason\" TEXT,"
    " \"unsub_scope\" INTEGER NOT NULL, \"unsub_audience\" BLOB, \"unsub_source\" INTEGER NOT NULL,"
    " \"effects\" INTEGER NOT NULL, \"occurred_hour\" INTEGER NOT NULL,"
    " FOREIGN KEY (\"message_k\") REFERENCES \"message_rows\" (\"k\") DEFERRABLE INITIALLY DEFERRED,"
    " FOREIGN KEY (\"link\") REFERENCES \"links\" (\"id\") DEFERRABLE INITIALLY DEFERRED) STRICT;\n"
    "CREATE UNIQUE INDEX \"events_by_id\" ON \"event_rows\" (\"id\");\n"
    "CREATE UNIQUE INDEX \"events_by_provider\" ON \"event_rows\" (\"tenant_k\", \"provider\", \"provider_event_id\")"
    " WHERE \"provider\" IS NOT NULL AND \"provider_event_id\" IS NOT NULL;\n"
    "CREATE INDEX \"events_by_message\" ON \"event_rows\" (\"message_k\", \"occurred_at\", \"arrived_at\", \"id\");\n"
    "CREATE INDEX \"events_by_campaign\" ON \"event_rows\" (\"tenant_k\", \"campaign\", \"occurred_hour\", \"id\");\n"
    "CREATE VIEW \"messages\" AS SELECT t.\"id\" AS \"tenant\", m.\"id\" AS \"id\", m.\"campaign\" AS \"campaign\","
    " m.\"contact\" AS \"contact\", m.\"state\" AS \"state\", m.\"cancel_reason\" AS \"cancel_reason\", m.\"created_at\" AS \"created_at\", m.\"lease_until\" AS \"lease_until\", m.\"sent_at\" AS \"sent_at\", m.\"delivered_at\" AS \"delivered_at\", m.\"bounced_at\" AS \"bounced_at\", m.\"first_open_at\" AS \"first_open_at\", m.\"first_click_at\" AS \"first_click_at\", m.\"first_complaint_at\" AS \"first_complaint_at\", m.\"first_unsub_at\" AS \"first_unsub_at\", m.\"opens\" AS \"opens\", m.\"clicks\" AS \"clicks\", m.\"soft_bounces\" AS \"soft_bounces\", m.\"flags\" AS \"flags\", m.\"provider_message_id\" AS \"provider_message_id\", m.\"queue_state\" AS \"queue_state\", m.\"folded_occurred_at\" AS \"folded_occurred_at\", m.\"folded_arrived_at\" AS \"folded_arrived_at\", m.\"folded_event\" AS \"folded_event\", m.\"folded_links\" AS \"folded_links\""
    " FROM \"message_rows\" AS m JOIN \"tenant_keys\" AS t ON t.\"k\" = m.\"tenant_k\";\n"
    "CREATE VIEW \"events\" AS SELECT t.\"id\" AS \"tenant\", e.\"id\" AS \"id\", m.\"id\" AS \"message\", e.\"campaign\" AS \"campaign\", e.\"contact\" AS \"contact\", e.\"type\" AS \"type\", e.\"link\" AS \"link\", e.\"occurred_at\" AS \"occurred_at\", e.\"arrived_at\" AS \"arrived_at\", e.\"provider\" AS \"provider\", e.\"provider_event_id\" AS \"provider_event_id\", e.\"provider_message_id\" AS \"provider_message_id\", e.\"bounce_kind\" AS \"bounce_kind\", e.\"diagnostic\" AS \"diagnostic\", e.\"user_agent\" AS \"user_agent\", e.\"ip\" AS \"ip\", e.\"verdict\" AS \"verdict\", e.\"verdict_reason\" AS \"verdict_reason\", e.\"unsub_scope\" AS \"unsub_scope\", e.\"unsub_audience\" AS \"unsub_audience\", e.\"unsub_source\" AS \"unsub_source\", e.\"effects\" AS \"effects\", e.\"occurred_hour\" AS \"occurred_hour\""
    " FROM \"event_rows\" AS e JOIN \"tenant_keys\" AS t ON t.\"k\" = e.\"tenant_k\""
    " JOIN \"message_rows\" AS m ON m.\"k\" = e.\"message_k\";\n";

/* Schema version 15: events_by_message without the event id at its end.
 * Its rows were (message_k, occurred_at, arrived_at, id, k): the 16-byte
 * id made each entry of the one index that every event inserts at a
 * random place about 40 % larger, for the order of events that share a
 * message, an occurrence and an arrival time, which the store now puts
 * right itself (see messages_load). Frozen: for new files (migration 1)
 * and migration 15. */
static const char events_by_message_v15_sql[] =
    "DROP INDEX IF EXISTS \"events_by_message\";\n"
    "CREATE INDEX \"events_by_message\" ON \"event_rows\" (\"message_k\", \"occurred_at\", \"arrived_at\");\n";

/* Schema version 16: the event row without what its message holds
 * (docs/decisions.md §51). An event's campaign and contact are its
 * message's: the row keeps the message's integer key only, and the events
 * view takes both from message_rows. events_by_campaign is keyed by the
 * campaign's integer key (campaign_keys, kept by triggers on campaigns as
 * tenant_keys is on tenants), which determines the tenant: (campaign_k,
 * occurred_hour, id) instead of (tenant_k, campaign, occurred_hour, id).
 * The id stays: a paged scan of a campaign's events resumes after (hour,
 * id). The rows are copied in their order (their keys kept), the campaign
 * key from the message's campaign. Frozen: for new files (migration 1,
 * on the empty tables) and migration 16. */
static const char event_rows_v16_sql[] =
    "CREATE TABLE \"campaign_keys\" (\"k\" INTEGER PRIMARY KEY, \"id\" BLOB NOT NULL UNIQUE,"
    " FOREIGN KEY (\"id\") REFERENCES \"campaigns\" (\"id\") DEFERRABLE INITIALLY DEFERRED) STRICT;\n"
    "INSERT INTO \"campaign_keys\" (\"id\") SELECT \"id\" FROM \"campaigns\" ORDER BY \"created_at\", \"id\";\n"
    "CREATE TRIGGER \"campaign_keys_insert\" AFTER INSERT ON \"campaigns\""
    " BEGIN INSERT INTO \"campaign_keys\" (\"id\") VALUES (NEW.\"id\"); END;\n"
    "CREATE TRIGGER \"campaign_keys_delete\" AFTER DELETE ON \"campaigns\""
    " BEGIN DELETE FROM \"campaign_keys\" WHERE \"id\" = OLD.\"id\"; END;\n"
    "DROP VIEW \"events\";\n"
    "DROP INDEX \"events_by_id\";\n"
    "DROP INDEX \"events_by_provider\";\n"
    "DROP INDEX \"events_by_message\";\n"
    "DROP INDEX \"events_by_campaign\";\n"
    "ALTER TABLE \"event_rows\" RENAME TO \"event_rows_v15\";\n"
    "CREATE TABLE \"event_rows\" (\"k\" INTEGER PRIMARY KEY, \"tenant_k\" INTEGER NOT NULL, \"id\" BLOB NOT NULL,"
    " \"message_k\" INTEGER NOT NULL, \"campaign_k\" INTEGER NOT NULL, \"type\" INTEGER NOT NULL,"
    " \"link\" BLOB, \"occurred_at\" INTEGER NOT NULL, \"arrived_at\" INTEGER NOT NULL, \"provider\" TEXT,"
    " \"provider_event_id\" TEXT, \"provider_message_id\" TEXT, \"bounce_kind\" INTEGER NOT NULL, \"diagnostic\" TEXT,"
    " \"user_agent\" TEXT, \"ip\" TEXT, \"verdict\" INTEGER NOT NULL, \"verdict_reason\" TEXT,"
    " \"unsub_scope\" INTEGER NOT NULL, \"unsub_audience\" BLOB, \"unsub_source\" INTEGER NOT NULL,"
    " \"effects\" INTEGER NOT NULL, \"occurred_hour\" INTEGER NOT NULL,"
    " FOREIGN KEY (\"message_k\") REFERENCES \"message_rows\" (\"k\") DEFERRABLE INITIALLY DEFERRED,"
    " FOREIGN KEY (\"link\") REFERENCES \"links\" (\"id\") DEFERRABLE INITIALLY DEFERRED) STRICT;\n"
    "INSERT INTO \"event_rows\" (\"k\", \"tenant_k\", \"id\", \"message_k\", \"campaign_k\", \"type\", \"link\","
    " \"occurred_at\", \"arrived_at\", \"provider\", \"provider_event_id\", \"provider_message_id\", \"bounce_kind\","
    " \"diagnostic\", \"user_agent\", \"ip\", \"verdict\", \"verdict_reason\", \"unsub_scope\", \"unsub_audience\","
    " \"unsub_source\", \"effects\", \"occurred_hour\")"
    " SELECT e.\"k\", e.\"tenant_k\", e.\"id\", e.\"message_k\", c.\"k\", e.\"type\", e.\"link\", e.\"occurred_at\","
    " e.\"arrived_at\", e.\"provider\", e.\"provider_event_id\", e.\"provider_message_id\", e.\"bounce_kind\","
    " e.\"diagnostic\", e.\"user_agent\", e.\"ip\", e.\"verdict\", e.\"verdict_reason\", e.\"unsub_scope\","
    " e.\"unsub_audience\", e.\"unsub_source\", e.\"effects\", e.\"occurred_hour\""
    " FROM \"event_rows_v15\" AS e JOIN \"message_rows\" AS m ON m.\"k\" = e.\"message_k\""
    " JOIN \"campaign_keys\" AS c ON c.\"id\" = m.\"campaign\" ORDER BY e.\"k\";\n"
    "DROP TABLE \"event_rows_v15\";\n"
    "CREATE UNIQUE INDEX \"events_by_id\" ON \"event_rows\" (\"id\");\n"
    "CREATE UNIQUE INDEX \"events_by_provider\" ON \"event_rows\" (\"tenant_k\", \"provider\", \"provider_event_id\")"
    " WHERE \"provider\" IS NOT NULL AND \"provider_event_id\" IS NOT NULL;\n"
    "CREATE INDEX \"events_by_message\" ON \"event_rows\" (\"message_k\", \"occurred_at\", \"arrived_at\");\n"
    "CREATE INDEX \"events_by_campaign\" ON \"event_rows\" (\"campaign_k\", \"occurred_hour\", \"id\");\n"
    "CREATE VIEW \"events\" AS SELECT t.\"id\" AS \"tenant\", e.\"id\" AS \"id\", m.\"id\" AS \"message\", m.\"campaign\" AS \"campaign\", m.\"contact\" AS \"contact\", e.\"type\" AS \"type\", e.\"link\" AS \"link\", e.\"occurred_at\" AS \"occurred_at\", e.\"arrived_at\" AS \"arrived_at\", e.\"provider\" AS \"provider\", e.\"provider_event_id\" AS \"provider_event_id\", e.\"provider_message_id\" AS \"provider_message_id\", e.\"bounce_kind\" AS \"bounce_kind\", e.\"diagnostic\" AS \"diagnostic\", e.\"user_agent\" AS \"user_agent\", e.\"ip\" AS \"ip\", e.\"verdict\" AS \"verdict\", e.\"verdict_reason\" AS \"verdict_reason\", e.\"unsub_scope\" AS \"unsub_scope\", e.\"unsub_audience\" AS \"unsub_audience\", e.\"unsub_source\" AS \"unsub_source\", e.\"effects\" AS \"effects\", e.\"occurred_hour\" AS \"occurred_hour\""
    " FROM \"event_rows\" AS e JOIN \"tenant_keys\" AS t ON t.\"k\" = e.\"tenant_k\""
    " JOIN \"message_rows\" AS m ON m.\"k\" = e.\"message_k\";\n";

/* Schema version 17: events_by_campaign without the id (docs/decisions.md
 * §56). An hour's events were entered by id at the end of the hour's range
 * in the middle of the b-tree, a 16-byte key per event; without it an
 * entry is the campaign key, the hour and the row's key (its rowid), in
 * the order the rows were appended. A paged scan resumes after (hour, k)
 * (scan_campaign_events). Frozen: for new files (migration 1) and
 * migration 17. */
static const char events_by_campaign_v17_sql[] =
    "DROP INDEX \"events_by_campaign\";\n"
    "CREATE INDEX \"events_by_campaign\" ON \"event_rows\" (\"campaign_k\", \"occurred_hour\");\n";

/* Runs sql; a failure is named by `what`. */
static int exec_as(sqlstore *s, const char *sql, const char *what)
{
    return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : sql_fail(s, what);
}

static int exec_script(sqlstore *s, strbuf *b, const char *what)
{
    if (b->oom) {
        free(b->p);
        return fail(s, MTRK_ENOMEM, "sqlite store: out of memory %s", what);
    }
    int rc = exec_as(s, b->p, what);
    free(b->p);
    return rc;
}

/* Migration 1: the whole current schema, for a new file (the later
 * migrations bring older files to it). */
static int migrate_1(sqlstore *s)
{
    strbuf b = { 0 };
    sb_printf(&b, "CREATE TABLE mtrk_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;\n"
               "INSERT INTO mtrk_meta VALUES ('application', 'mtrk');\n");
    for (unsigned t = 0; t < s->ntables; t++)
        if (s->ts[t].map == MAP_NONE)
            sql_create_table(&b, s->ts[t].def);
    sb_printf(&b, "%s%s%s%s", keyed_layout_sql, events_by_message_v15_sql, event_rows_v16_sql,
              events_by_campaign_v17_sql);
    return exec_script(s, &b, "creating the schema");
}

/* Migration 2: events_by_time dropped (retention walks events_by_campaign);
 * every event insert wrote a random entry into it. Migration 1 creates the
 * current tables, so on a new file there is nothing to drop. */
static int migrate_2(sqlstore *s)
{
    return exec_as(s, "DROP INDEX IF EXISTS events_by_time", "migrating to schema version 2");
}

/* Migration 3 (library schema 4), for event inserts: events_by_contact
 * dropped (a contact's history is read through its messages); messages gain
 * queue_state (rows.h) and messages_by_queue is rebuilt over it; the events
 * table rebuilt without its foreign keys to campaigns and contacts (see
 * store_fks in fk.c); every index over a nullable column made partial (see
 * partial_index). */
static int migrate_3(sqlstore *s)
{
    /* Frozen: the tables and indexes as schema version 3 had them, written
     * out, so that a later change to a definition does not change what this
     * step makes (the later steps bring them forward). */
    strbuf b = { 0 };
    sb_printf(&b,
              "DROP INDEX IF EXISTS events_by_contact;\n"
              "ALTER TABLE messages ADD COLUMN queue_state INTEGER;\n"
              "UPDATE messages SET queue_state = NULLIF(mtrk_queue_state(state), 0);\n"
              "DROP INDEX IF EXISTS contacts_by_address;\n"
              "CREATE UNIQUE INDEX \"contacts_by_address\" ON \"contacts\" (\"tenant\", \"address_key\")"
              " WHERE \"address_key\" IS NOT NULL;\n"
              "DROP INDEX IF EXISTS messages_by_queue;\n"
              "CREATE INDEX \"messages_by_queue\" ON \"messages\" (\"tenant\", \"campaign\", \"queue_state\")"
              " WHERE \"queue_state\" IS NOT NULL;\n"
              "DROP INDEX IF EXISTS events_by_provider;\n"
              "DROP INDEX IF EXISTS events_by_message;\n"
              "DROP INDEX IF EXISTS events_by_campaign;\n"
              "ALTER TABLE events RENAME TO events_v2;\n"
              "CREATE TABLE \"events\" (\"tenant\" BLOB NOT NULL, \"id\" BLOB NOT NULL, \"message\" BLOB NOT NULL,"
              " \"campaign\" BLOB NOT NULL, \"contact\" BLOB NOT NULL, \"type\" INTEGER NOT NULL, \"link\" BLOB,"
              " \"occurred_at\" INTEGER NOT NULL, \"arrived_at\" INTEGER NOT NULL, \"provider\" TEXT,"
              " \"provider_event_id\" TEXT, \"provider_message_id\" TEXT, \"bounce_kind\" INTEGER NOT NULL,"
              " \"diagnostic\" TEXT, \"user_agent\" TEXT, \"ip\" TEXT, \"verdict\" INTEGER NOT NULL,"
              " \"verdict_reason\" TEXT, \"unsub_scope\" INTEGER NOT NULL, \"unsub_audience\" BLOB,"
              " \"unsub_source\" INTEGER NOT NULL, \"effects\" INTEGER NOT NULL, PRIMARY KEY (\"tenant\", \"id\"),"
              " FOREIGN KEY (\"tenant\", \"message\") REFERENCES \"messages\" (\"tenant\", \"id\")"
              " DEFERRABLE INITIALLY DEFERRED,"
              " FOREIGN KEY (\"tenant\", \"link\") REFERENCES \"links\" (\"tenant\", \"id\")"
              " DEFERRABLE INITIALLY DEFERRED) STRICT, WITHOUT ROWID;\n"
              "INSERT INTO events SELECT * FROM events_v2;\n"
              "DROP TABLE events_v2;\n"
              "CREATE UNIQUE INDEX \"events_by_provider\" ON \"events\""
              " (\"tenant\", \"provider\", \"provider_event_id\")"
              " WHERE \"provider\" IS NOT NULL AND \"provider_event_id\" IS NOT NULL;\n"
              "CREATE INDEX \"events_by_message\" ON \"events\""
              " (\"tenant\", \"message\", \"occurred_at\", \"arrived_at\");\n"
              "CREATE INDEX \"events_by_campaign\" ON \"events\""
              " (\"tenant\", \"campaign\", \"occurred_at\", \"arrived_at\");\n");
    return exec_script(s, &b, "migrating to schema version 3");
}

typedef int (*migration_fn)(sqlstore *s);
/* Version 4: where a message's facts stop (docs/decisions.md §8). NULL in
 * every existing row: its facts are its state folded with all its events. */
static int migrate_4(sqlstore *s)
{
    return exec_as(s,
                   "ALTER TABLE messages ADD COLUMN folded_occurred_at INTEGER;\n"
                   "ALTER TABLE messages ADD COLUMN folded_arrived_at INTEGER;\n"
                   "ALTER TABLE messages ADD COLUMN folded_event BLOB;\n",
                   "migrating to schema version 4");
}

/* Version 5: events gain occurred_hour, and events_by_campaign is keyed by
 * it (docs/decisions.md §10). Frozen like migration 3. The hour is the
 * core's rule, called as the SQL function mtrk_event_hour (register_rules):
 * one statement, not a read and a write per event. */
static int migrate_5(sqlstore *s)
{
    return exec_as(s,
                   "ALTER TABLE events ADD COLUMN occurred_hour INTEGER NOT NULL DEFAULT 0;\n"
                   "UPDATE events SET occurred_hour = mtrk_event_hour(occurred_at);\n"
                   "DROP INDEX IF EXISTS events_by_campaign;\n"
                   "CREATE INDEX \"events_by_campaign\" ON \"events\""
                   " (\"tenant\", \"campaign\", \"occurred_hour\");\n",
                   "migrating to schema version 5");
}

/* Version 6: messages gain folded_links, the links a message's clicks named
 * up to its mark (rows.h), so that a row's summary holds the fold's whole
 * state. Summaries written before lack it: their marks are cleared, which
 * makes the fold read those messages' whole history again (the fact columns
 * stay as they were, a copy for SQL readers until the next rebuild). */
static int migrate_6(sqlstore *s)
{
    return exec_as(s,
                   "ALTER TABLE messages ADD COLUMN folded_links TEXT;\n"
                   "UPDATE messages SET folded_occurred_at = NULL, folded_arrived_at = NULL, folded_event = NULL"
                   " WHERE folded_event IS NOT NULL;\n",
                   "migrating to schema version 6");
}

/* Version 7: tenants gain address_rule, the rule their contacts' keys
 * follow (1: the address lower-cased in ASCII only, as every existing file
 * has them; the core merges and re-keys them when the file is opened and
 * then sets 2, docs/decisions.md "Addresses"), and the window of accepted
 * occurrence times (events_earliest, 2000-01-01; events_ahead_ms, a day). */
static int migrate_7(sqlstore *s)
{
    return exec_as(s,
                   "ALTER TABLE tenants ADD COLUMN address_rule INTEGER NOT NULL DEFAULT 1;\n"
                   "ALTER TABLE tenants ADD COLUMN events_earliest INTEGER NOT NULL DEFAULT 946684800000;\n"
                   "ALTER TABLE tenants ADD COLUMN events_ahead_ms INTEGER NOT NULL DEFAULT 86400000;\n",
                   "migrating to schema version 7");
}

/* Version 8: the bounce policies and reputation guards (src/core/rows.h):
 * per-tenant settings, the guard's state per scope, the campaigns a guard
 * paused, and the policy per bounce reason. New tables only. Frozen. */
static int migrate_8(sqlstore *s)
{
    return exec_as(s,
                   "CREATE TABLE \"bounce_settings\" (\"tenant\" BLOB NOT NULL, \"window_ms\" INTEGER NOT NULL,"
                   " \"min_sent\" INTEGER NOT NULL, \"complaint_warn_ppm\" INTEGER NOT NULL,"
                   " \"complaint_pause_ppm\" INTEGER NOT NULL, \"bounce_warn_ppm\" INTEGER NOT NULL,"
                   " \"bounce_pause_ppm\" INTEGER NOT NULL, \"suppression_expiry_ms\" INTEGER NOT NULL,"
                   " \"updated_at\" INTEGER NOT NULL, PRIMARY KEY (\"tenant\")) STRICT, WITHOUT ROWID;\n"
                   "CREATE TABLE \"reputation_state\" (\"tenant\" BLOB NOT NULL, \"scope\" TEXT NOT NULL,"
                   " \"level\" INTEGER NOT NULL, \"changed_at\" INTEGER NOT NULL, \"since\" INTEGER NOT NULL,"
                   " \"sent\" INTEGER NOT NULL, \"delivered\" INTEGER NOT NULL, \"bounces\" INTEGER NOT NULL,"
                   " \"complaints\" INTEGER NOT NULL, PRIMARY KEY (\"tenant\", \"scope\")) STRICT, WITHOUT ROWID;\n"
                   "CREATE TABLE \"reputation_paused\" (\"tenant\" BLOB NOT NULL, \"scope\" TEXT NOT NULL,"
                   " \"campaign\" BLOB NOT NULL, \"paused_at\" INTEGER NOT NULL,"
                   " PRIMARY KEY (\"tenant\", \"scope\", \"campaign\")) STRICT, WITHOUT ROWID;\n"
                   "CREATE TABLE \"bounce_policies\" (\"tenant\" BLOB NOT NULL, \"reason\" INTEGER NOT NULL,"
                   " \"action\" INTEGER NOT NULL, \"soft_limit\" INTEGER NOT NULL, \"updated_at\" INTEGER NOT NULL,"
                   " PRIMARY KEY (\"tenant\", \"reason\")) STRICT, WITHOUT ROWID;\n",
                   "migrating to schema version 8");
}

/* Version 9: provider webhooks' tables: per provider settings and keys, and
 * the dead-letter store (src/core/rows.h). Frozen like migration 3. */
static int migrate_9(sqlstore *s)
{
    return exec_as(s,
                   "CREATE TABLE IF NOT EXISTS \"webhook_settings\" (\"tenant\" BLOB NOT NULL, \"provider\" TEXT NOT NULL,"
                   " \"tolerance_ms\" INTEGER NOT NULL, \"allow_unsigned\" INTEGER NOT NULL, \"updated_at\" INTEGER NOT NULL,"
                   " PRIMARY KEY (\"tenant\", \"provider\")) STRICT, WITHOUT ROWID;\n"
                   "CREATE TABLE IF NOT EXISTS \"webhook_keys\" (\"tenant\" BLOB NOT NULL, \"provider\" TEXT NOT NULL,"
                   " \"key_id\" INTEGER NOT NULL, \"secret\" TEXT NOT NULL, \"created_at\" INTEGER NOT NULL,"
                   " PRIMARY KEY (\"tenant\", \"provider\", \"key_id\")) STRICT, WITHOUT ROWID;\n"
                   "CREATE TABLE IF NOT EXISTS \"deadletters\" (\"tenant\" BLOB NOT NULL, \"id\" BLOB NOT NULL,"
                   " \"provider\" TEXT NOT NULL, \"event_key\" TEXT NOT NULL, \"reason\" TEXT NOT NULL, \"provider_type\" TEXT,"
                   " \"type\" INTEGER NOT NULL, \"message\" BLOB, \"provider_message_id\" TEXT,"
                   " \"occurred_at\" INTEGER NOT NULL, \"arrived_at\" INTEGER NOT NULL, \"recipient\" TEXT, \"url\" TEXT,"
                   " \"link_index\" INTEGER NOT NULL, \"user_agent\" TEXT, \"ip\" TEXT, \"verdict\" INTEGER NOT NULL,"
                   " \"verdict_reason\" TEXT, \"bounce_kind\" INTEGER NOT NULL, \"diagnostic\" TEXT,"
                   " \"unsub_scope\" INTEGER NOT NULL, \"payload\" TEXT, PRIMARY KEY (\"tenant\", \"id\"))"
                   " STRICT, WITHOUT ROWID;\n"
                   "CREATE UNIQUE INDEX IF NOT EXISTS \"deadletters_by_key\" ON \"deadletters\""
                   " (\"tenant\", \"provider\", \"event_key\");\n",
                   "migrating to schema version 9");
}

/* Version 10: api_tokens, the tenants' API bearer tokens, stored hashed
 * (src/core/apitoken.c). Frozen: the table as this version made it. */
static int migrate_10(sqlstore *s)
{
    return exec_as(s,
                   "CREATE TABLE IF NOT EXISTS \"api_tokens\" (\"tenant\" BLOB NOT NULL, \"id\" BLOB NOT NULL,"
                   " \"label\" TEXT NOT NULL, \"hash\" TEXT NOT NULL, \"created_at\" INTEGER NOT NULL,"
                   " \"revoked_at\" INTEGER NOT NULL, PRIMARY KEY (\"tenant\", \"id\")) STRICT, WITHOUT ROWID;\n",
                   "migrating to schema version 10");
}

/* Version 11: bounce_facts, the facts of bounce events that carried them
 * (src/core/bounce_facts.c). New table only. Frozen. */
static int migrate_11(sqlstore *s)
{
    return exec_as(s,
                   "CREATE TABLE IF NOT EXISTS \"bounce_facts\" (\"tenant\" BLOB NOT NULL, \"event\" BLOB NOT NULL,"
                   " \"message\" BLOB NOT NULL, \"campaign\" BLOB NOT NULL, \"occurred_at\" INTEGER NOT NULL,"
                   " \"reason\" INTEGER NOT NULL, \"given_kind\" INTEGER NOT NULL, \"kind\" INTEGER NOT NULL,"
                   " \"action\" INTEGER NOT NULL, \"by\" INTEGER NOT NULL, \"smtp_code\" INTEGER NOT NULL,"
                   " \"status\" TEXT, \"bounce_type\" TEXT, \"bounce_subtype\" TEXT,"
                   " PRIMARY KEY (\"tenant\", \"event\")) STRICT, WITHOUT ROWID;\n"
                   "CREATE INDEX IF NOT EXISTS \"bounce_facts_by_message\" ON \"bounce_facts\" (\"tenant\", \"message\");\n"
                   "CREATE INDEX IF NOT EXISTS \"bounce_facts_by_campaign\" ON \"bounce_facts\""
                   " (\"tenant\", \"campaign\", \"reason\");\n",
                   "migrating to schema version 11");
}

/* Version 12: messages and events move to the keyed layout
 * (keyed_layout_sql, docs/decisions.md "SQLite keys"): the tables are
 * renamed aside, the layout created, their rows copied (events in id
 * order, which is their arrival order: their rowids follow it), leads
 * rebuilt with its reference to a message by id, and the old tables
 * dropped. Frozen. */
static int migrate_12(sqlstore *s)
{
    strbuf b = { 0 };
    sb_printf(&b,
              "DROP INDEX IF EXISTS \"messages_by_campaign_contact\";\n"
              "DROP INDEX IF EXISTS \"messages_by_contact\";\n"
              "DROP INDEX IF EXISTS \"messages_by_queue\";\n"
              "DROP INDEX IF EXISTS \"messages_by_campaign\";\n"
              "DROP INDEX IF EXISTS \"events_by_provider\";\n"
              "DROP INDEX IF EXISTS \"events_by_message\";\n"
              "DROP INDEX IF EXISTS \"events_by_campaign\";\n"
              "DROP INDEX IF EXISTS \"leads_by_key\";\n"
              "DROP INDEX IF EXISTS \"leads_by_campaign\";\n"
              "DROP INDEX IF EXISTS \"leads_by_contact\";\n"
              "ALTER TABLE \"events\" RENAME TO \"events_v10\";\n"
              "ALTER TABLE \"leads\" RENAME TO \"leads_v10\";\n"
              "ALTER TABLE \"messages\" RENAME TO \"messages_v10\";\n"
              "%s"
              "INSERT INTO \"message_rows\" (\"tenant_k\", \"id\", \"campaign\", \"contact\", \"state\", \"cancel_reason\","
              " \"created_at\", \"lease_until\", \"sent_at\", \"delivered_at\", \"bounced_at\", \"first_open_at\","
              " \"first_click_at\", \"first_complaint_at\", \"first_unsub_at\", \"opens\", \"clicks\", \"soft_bounces\","
              " \"flags\", \"provider_message_id\", \"queue_state\", \"folded_occurred_at\", \"folded_arrived_at\","
              " \"folded_event\", \"folded_links\")"
              " SELECT t.\"k\", m.\"id\", m.\"campaign\", m.\"contact\", m.\"state\", m.\"cancel_reason\", m.\"created_at\","
              " m.\"lease_until\", m.\"sent_at\", m.\"delivered_at\", m.\"bounced_at\", m.\"first_open_at\","
              " m.\"first_click_at\", m.\"first_complaint_at\", m.\"first_unsub_at\", m.\"opens\", m.\"clicks\","
              " m.\"soft_bounces\", m.\"flags\", m.\"provider_message_id\", m.\"queue_state\","
              " m.\"folded_occurred_at\", m.\"folded_arrived_at\", m.\"folded_event\", m.\"folded_links\""
              " FROM \"messages_v10\" AS m JOIN \"tenant_keys\" AS t ON t.\"id\" = m.\"tenant\""
              " ORDER BY m.\"tenant\", m.\"id\";\n"
              "INSERT INTO \"event_rows\" (\"tenant_k\", \"id\", \"message_k\", \"campaign\", \"contact\", \"type\", \"link\","
              " \"occurred_at\", \"arrived_at\", \"provider\", \"provider_event_id\", \"provider_message_id\","
              " \"bounce_kind\", \"diagnostic\", \"user_agent\", \"ip\", \"verdict\", \"verdict_reason\", \"unsub_scope\","
              " \"unsub_audience\", \"unsub_source\", \"effects\", \"occurred_hour\")"
              " SELECT t.\"k\", e.\"id\", m.\"k\", e.\"campaign\", e.\"contact\", e.\"type\", e.\"link\", e.\"occurred_at\","
              " e.\"arrived_at\", e.\"provider\", e.\"provider_event_id\", e.\"provider_message_id\", e.\"bounce_kind\","
              " e.\"diagnostic\", e.\"user_agent\", e.\"ip\", e.\"verdict\", e.\"verdict_reason\", e.\"unsub_scope\","
              " e.\"unsub_audience\", e.\"unsub_source\", e.\"effects\", e.\"occurred_hour\""
              " FROM \"events_v10\" AS e JOIN \"tenant_keys\" AS t ON t.\"id\" = e.\"tenant\""
              " JOIN \"message_rows\" AS m ON m.\"id\" = e.\"message\" AND m.\"tenant_k\" = t.\"k\""
              " ORDER BY e.\"id\";\n"
              "CREATE TABLE \"leads\" (\"tenant\" BLOB NOT NULL, \"id\" BLOB NOT NULL, \"landing_page\" BLOB NOT NULL,"
              " \"campaign\" BLOB NOT NULL, \"lead_key\" TEXT NOT NULL, \"address\" TEXT, \"contact\" BLOB NOT NULL,"
              " \"recipient\" BLOB, \"message\" BLOB, \"attribution\" INTEGER NOT NULL, \"forwarded\" INTEGER NOT NULL,"
              " \"captured_at\" INTEGER NOT NULL, \"fields_json\" TEXT, PRIMARY KEY (\"tenant\", \"id\"),"
              " FOREIGN KEY (\"tenant\", \"landing_page\") REFERENCES \"landing_pages\" (\"tenant\", \"id\")"
              " DEFERRABLE INITIALLY DEFERRED,"
              " FOREIGN KEY (\"tenant\", \"campaign\") REFERENCES \"campaigns\" (\"tenant\", \"id\")"
              " DEFERRABLE INITIALLY DEFERRED,"
              " FOREIGN KEY (\"message\") REFERENCES \"message_rows\" (\"id\") DEFERRABLE INITIALLY DEFERRED) STRICT;\n"
              "INSERT INTO \"leads\" SELECT * FROM \"leads_v10\";\n"
              "CREATE UNIQUE INDEX \"leads_by_key\" ON \"leads\" (\"tenant\", \"lead_key\");\n"
              "CREATE INDEX \"leads_by_campaign\" ON \"leads\" (\"tenant\", \"campaign\", \"captured_at\", \"id\");\n"
              "CREATE INDEX \"leads_by_contact\" ON \"leads\" (\"tenant\", \"contact\", \"id\");\n"
              "DROP TABLE \"events_v10\";\n"
              "DROP TABLE \"leads_v10\";\n"
              "DROP TABLE \"messages_v10\";\n",
              keyed_layout_sql);
    return exec_script(s, &b, "migrating to schema version 12");
}

/* Version 13: provider webhooks' per-message data (src/core/rows.h): the
 * provider's message id recorded at send time, the original event objects a
 * tenant keeps (a rowid table: its rows may be large) with the tenant's
 * setting for them, the signed tokens of recent requests, and the send id of
 * a dead letter. Frozen: as this version made them. */
static int migrate_13(sqlstore *s)
{
    return exec_as(s,
                   "ALTER TABLE tenants ADD COLUMN keep_webhook_payloads INTEGER NOT NULL DEFAULT 0;\n"
                   "ALTER TABLE tenants ADD COLUMN webhook_payload_retention_ms INTEGER NOT NULL DEFAULT 2592000000;\n"
                   "ALTER TABLE deadletters ADD COLUMN send_id TEXT;\n"
                   "CREATE TABLE IF NOT EXISTS \"provider_messages\" (\"tenant\" BLOB NOT NULL, \"provider\" TEXT NOT NULL,"
                   " \"provider_message_id\" TEXT NOT NULL, \"message\" BLOB NOT NULL, \"recorded_at\" INTEGER NOT NULL,"
                   " PRIMARY KEY (\"tenant\", \"provider\", \"provider_message_id\")) STRICT, WITHOUT ROWID;\n"
                   "CREATE INDEX IF NOT EXISTS \"provider_messages_by_message\" ON \"provider_messages\""
                   " (\"tenant\", \"message\");\n"
                   "CREATE TABLE IF NOT EXISTS \"webhook_payloads\" (\"tenant\" BLOB NOT NULL, \"event\" BLOB NOT NULL,"
                   " \"provider\" TEXT NOT NULL, \"message\" BLOB NOT NULL, \"arrived_at\" INTEGER NOT NULL,"
                   " \"payload\" TEXT NOT NULL, PRIMARY KEY (\"tenant\", \"event\")) STRICT;\n"
                   "CREATE INDEX IF NOT EXISTS \"webhook_payloads_by_message\" ON \"webhook_payloads\""
                   " (\"tenant\", \"message\", \"event\");\n"
                   "CREATE INDEX IF NOT EXISTS \"webhook_payloads_by_time\" ON \"webhook_payloads\""
                   " (\"tenant\", \"arrived_at\", \"event\");\n"
                   "CREATE TABLE IF NOT EXISTS \"webhook_nonces\" (\"tenant\" BLOB NOT NULL, \"provider\" TEXT NOT NULL,"
                   " \"token\" TEXT NOT NULL, \"seen_at\" INTEGER NOT NULL, \"expires_at\" INTEGER NOT NULL,"
                   " PRIMARY KEY (\"tenant\", \"provider\", \"token\")) STRICT, WITHOUT ROWID;\n"
                   "CREATE INDEX IF NOT EXISTS \"webhook_nonces_by_expiry\" ON \"webhook_nonces\""
                   " (\"tenant\", \"expires_at\");\n",
                   "migrating to schema version 13");
}

/* Version 14: a dead-lettered bounce's facts (src/core/rows.h), none for
 * the dead letters already kept. Frozen: as this version made them. */
static int migrate_14(sqlstore *s)
{
    return exec_as(s,
                   "ALTER TABLE deadletters ADD COLUMN bounce_reason INTEGER NOT NULL DEFAULT 0;\n"
                   "ALTER TABLE deadletters ADD COLUMN smtp_code INTEGER NOT NULL DEFAULT 0;\n"
                   "ALTER TABLE deadletters ADD COLUMN bounce_status TEXT;\n"
                   "ALTER TABLE deadletters ADD COLUMN bounce_type TEXT;\n"
                   "ALTER TABLE deadletters ADD COLUMN bounce_subtype TEXT;\n",
                   "migrating to schema version 14");
}

/* Version 15: events_by_message narrowed (events_by_message_v15_sql). */
static int migrate_15(sqlstore *s)
{
    return exec_as(s, events_by_message_v15_sql, "migrating to schema version 15");
}

/* Version 16: the event row narrowed (event_rows_v16_sql). */
static int migrate_16(sqlstore *s)
{
    return exec_as(s, event_rows_v16_sql, "migrating to schema version 16");
}

/* Version 17: events_by_campaign without the id (events_by_campaign_v17_sql). */
static int migrate_17(sqlstore *s)
{
    return exec_as(s, events_by_campaign_v17_sql, "migrating to schema version 17");
}

static const migration_fn migrations[SQLITE_SCHEMA_VERSION] = { migrate_1, migrate_2, migrate_3, migrate_4,
                                                                 migrate_5, migrate_6, migrate_7, migrate_8,
                                                                 migrate_9, migrate_10, migrate_11,
                                                                 migrate_12, migrate_13, migrate_14,
                                                                 migrate_15, migrate_16, migrate_17 };

/* ------------------------------------------------------------------ */
/* Statements                                                          */
/* ------------------------------------------------------------------ */

static int prepare(sqlstore *s, strbuf *b, sqlite3_stmt **out, int persistent)
{
    if (b->oom) {
        free(b->p);
        return fail(s, MTRK_ENOMEM, "sqlite store: out of memory building a statement");
    }
    int rc = sqlite3_prepare_v3(s->db, b->p, (int)b->n, persistent ? SQLITE_PREPARE_PERSISTENT : 0, out, NULL);
    /* An allocation that fails while the planner weighs a partial index
     * named by INDEXED BY makes the index unusable for that attempt, and
     * SQLite reports "no query solution" rather than out of memory. The
     * statements are fixed and plan when memory is there: one more attempt,
     * and if it fails the same way, out of memory it is. */
    if (rc == SQLITE_ERROR && strstr(sqlite3_errmsg(s->db), "no query solution") != NULL) {
        rc = sqlite3_prepare_v3(s->db, b->p, (int)b->n, persistent ? SQLITE_PREPARE_PERSISTENT : 0, out, NULL);
        if (rc == SQLITE_ERROR && strstr(sqlite3_errmsg(s->db), "no query solution") != NULL) {
            free(b->p);
            return fail(s, MTRK_ENOMEM, "sqlite store: out of memory planning a statement (SQLite: no query solution)");
        }
    }
    if (rc != SQLITE_OK) {
        rc = sql_fail(s, "preparing a statement");
        snprintf(s->err + strlen(s->err), sizeof s->err - strlen(s->err), " [%.200s]", b->p);
    }
    free(b->p);
    return rc == SQLITE_OK ? 0 : rc;
}

/* The table that holds the rows. */
static const char *phys_name(const tstate *ts)
{
    return ts->map == MAP_MESSAGES ? "message_rows" : ts->map == MAP_EVENTS ? "event_rows" : ts->def->name;
}

/* The stored column of column c ("tenant_k", "message_k", "campaign_k" for
 * keyed ones); only for a column that is stored (col_stored). */
static const char *phys_col(const tstate *ts, unsigned c)
{
    return ts->ck[c] == CK_TENANT     ? "tenant_k"
           : ts->ck[c] == CK_MESSAGE  ? "message_k"
           : ts->ck[c] == CK_CAMPAIGN ? "campaign_k"
                                      : ts->def->cols[c].name;
}

/* Whether column c has a stored column: an event's contact has none (it is
 * its message's), and writing it writes nothing. */
static int col_stored(const tstate *ts, unsigned c)
{
    return ts->ck[c] != CK_CONTACT;
}

/* Column c's value as read (a mapped table is read as "r"): the id behind
 * an integer key is looked up by the rowid. */
static void sql_col(strbuf *b, const tstate *ts, unsigned c)
{
    if (ts->map == MAP_NONE)
        sb_printf(b, "\"%s\"", ts->def->cols[c].name);
    else if (ts->ck[c] == CK_TENANT)
        sb_printf(b, "(SELECT id FROM tenant_keys WHERE k = r.tenant_k)");
    else if (ts->ck[c] == CK_MESSAGE)
        sb_printf(b, "(SELECT id FROM message_rows WHERE k = r.message_k)");
    else if (ts->ck[c] == CK_CAMPAIGN)
        sb_printf(b, "(SELECT campaign FROM message_rows WHERE k = r.message_k)");
    else if (ts->ck[c] == CK_CONTACT)
        sb_printf(b, "(SELECT contact FROM message_rows WHERE k = r.message_k)");
    else
        sb_printf(b, "r.\"%s\"", ts->def->cols[c].name);
}

/* The stored value for parameter ?p given to column c: the integer key of
 * an id, NULL when there is no such tenant or message. */
static void sql_val(strbuf *b, const tstate *ts, unsigned c, unsigned p)
{
    if (ts->ck[c] == CK_TENANT)
        sb_printf(b, "(SELECT k FROM tenant_keys WHERE id = ?%u)", p);
    else if (ts->ck[c] == CK_MESSAGE)
        sb_printf(b, "(SELECT k FROM message_rows WHERE id = ?%u)", p);
    else if (ts->ck[c] == CK_CAMPAIGN)
        sb_printf(b, "(SELECT k FROM campaign_keys WHERE id = ?%u)", p);
    else
        sb_printf(b, "?%u", p);
}

/* column c = ?p, on the stored column ("r." in a read of a mapped table);
 * a column not stored is compared as read. */
static void sql_match(strbuf *b, const tstate *ts, unsigned c, unsigned p, int alias)
{
    if (!col_stored(ts, c)) {
        sql_col(b, ts, c);
        sb_printf(b, " = ?%u", p);
        return;
    }
    sb_printf(b, "%s\"%s\" = ", ts->map != MAP_NONE && alias ? "r." : "", phys_col(ts, c));
    sql_val(b, ts, c, p);
}

/* bound[c], when given and nonzero: the parameter that binds column c by
 * equality, selected as is rather than looked up behind its key. */
static void sql_select_cols(strbuf *b, const tstate *ts, const unsigned *bound)
{
    sb_printf(b, "SELECT ");
    for (unsigned c = 0; c < ts->def->ncols; c++) {
        sb_printf(b, "%s", c ? ", " : "");
        if (bound && bound[c] && ts->ck[c] != CK_PLAIN)
            sb_printf(b, "?%u", bound[c]);
        else
            sql_col(b, ts, c);
    }
    sb_printf(b, " FROM \"%s\"%s", phys_name(ts), ts->map != MAP_NONE ? " AS r" : "");
}

static void sql_pk_where(strbuf *b, const tstate *ts, int alias)
{
    sb_printf(b, " WHERE ");
    for (unsigned c = 0; c < ts->def->npk; c++) {
        sb_printf(b, "%s", c ? " AND " : "");
        sql_match(b, ts, c, c + 1, alias);
    }
}

/* INSERT INTO t (columns) VALUES: the stored columns of a mapped table. */
static void sql_insert_head(strbuf *b, const tstate *ts)
{
    sb_printf(b, "INSERT INTO \"%s\" ", phys_name(ts));
    if (ts->map != MAP_NONE) {
        const char *sep = "(";
        for (unsigned c = 0; c < ts->def->ncols; c++) {
            if (col_stored(ts, c)) {
                sb_printf(b, "%s\"%s\"", sep, phys_col(ts, c));
                sep = ", ";
            }
        }
        sb_printf(b, ") ");
    }
    sb_printf(b, "VALUES ");
}

enum { ST_GET, ST_INS, ST_UPD, ST_DEL };

/* Rows per multi-row INSERT: sq_apply runs this many consecutive inserts
 * into one table as one statement, which saves the per-statement work
 * (statement journal, VM start and halt) that dominated a row's insert. */
#define INS_BATCH 32

/* (?p0+1, ...): a row's stored values, column c as parameter p0 + c + 1
 * (a column not stored leaves its parameter unused). */
static void sql_insert_values(strbuf *b, const tstate *ts, unsigned p0)
{
    const char *sep = "(";
    for (unsigned c = 0; c < ts->def->ncols; c++) {
        if (col_stored(ts, c)) {
            sb_printf(b, "%s", sep);
            sql_val(b, ts, c, p0 + c + 1);
            sep = ", ";
        }
    }
    sb_printf(b, ")");
}

/* INSERT INTO t VALUES (?1, ...), (...), ... for INS_BATCH rows. */
static int build_insert_batch(sqlstore *s, const tstate *ts, sqlite3_stmt **out)
{
    const mtrk_table_def *def = ts->def;
    strbuf b = { 0 };
    sql_insert_head(&b, ts);
    for (unsigned r = 0; r < INS_BATCH; r++) {
        sb_printf(&b, "%s", r ? ", " : "");
        sql_insert_values(&b, ts, r * def->ncols);
    }
    return prepare(s, &b, out, 1);
}

static int build_table_stmt(sqlstore *s, const tstate *ts, int kind, sqlite3_stmt **out)
{
    const mtrk_table_def *def = ts->def;
    strbuf b = { 0 };
    switch (kind) {
    case ST_GET: {
        unsigned bound[MAX_COLS] = { 0 };
        for (unsigned c = 0; c < def->npk; c++)
            bound[c] = c + 1;
        sql_select_cols(&b, ts, bound);
        sql_pk_where(&b, ts, 1);
        break;
    }
    case ST_INS:
        sql_insert_head(&b, ts);
        sql_insert_values(&b, ts, 0);
        break;
    case ST_UPD: {
        sb_printf(&b, "UPDATE \"%s\" SET ", phys_name(ts));
        const char *sep = "";
        for (unsigned c = def->npk; c < def->ncols; c++) {
            if (!col_stored(ts, c))
                continue;
            sb_printf(&b, "%s\"%s\" = ", sep, phys_col(ts, c));
            sql_val(&b, ts, c, c + 1);
            sep = ", ";
        }
        if (*sep == '\0')
            sb_printf(&b, "\"%s\" = \"%s\"", phys_col(ts, 0), phys_col(ts, 0));
        sql_pk_where(&b, ts, 0);
        break;
    }
    default:
        sb_printf(&b, "DELETE FROM \"%s\"", phys_name(ts));
        sql_pk_where(&b, ts, 0);
        break;
    }
    return prepare(s, &b, out, 1);
}

/* UPDATE of the non-key columns in `mask` only. SQLite maintains an index
 * when a column it covers is in the SET list, whatever the value: naming only
 * the changed columns leaves every other index untouched. */
static int build_partial_update(sqlstore *s, const tstate *ts, uint64_t mask, sqlite3_stmt **out, int keep)
{
    const mtrk_table_def *def = ts->def;
    strbuf b = { 0 };
    sb_printf(&b, "UPDATE \"%s\" SET ", phys_name(ts));
    const char *sep = "";
    for (unsigned c = def->npk; c < def->ncols; c++) {
        if ((mask & (UINT64_C(1) << c)) && col_stored(ts, c)) {
            sb_printf(&b, "%s\"%s\" = ", sep, phys_col(ts, c));
            sql_val(&b, ts, c, c + 1);
            sep = ", ";
        }
    }
    /* Only columns not stored: the row is still matched (and counted). */
    if (*sep == '\0')
        sb_printf(&b, "\"%s\" = \"%s\"", phys_col(ts, 0), phys_col(ts, 0));
    sql_pk_where(&b, ts, 0);
    return prepare(s, &b, out, keep);
}

/* The statement for an update of `mask` (non-key bits only, some but not all
 * of them); *transient when it must be finalized after one use. */
static int partial_stmt(sqlstore *s, unsigned table, uint64_t mask, sqlite3_stmt **out, int *transient)
{
    tstate *ts = &s->ts[table];
    *transient = 0;
    for (unsigned i = 0; i < ts->npart; i++) {
        if (ts->part[i].mask == mask) {
            *out = ts->part[i].c.st;
            return 0;
        }
    }
    if (ts->npart == MAX_PARTIAL) {
        *transient = 1;
        return build_partial_update(s, ts, mask, out, 0);
    }
    int rc = build_partial_update(s, ts, mask, &ts->part[ts->npart].c.st, 1);
    if (rc)
        return rc;
    ts->part[ts->npart].mask = mask;
    *out = ts->part[ts->npart++].c.st;
    return 0;
}

/* A table statement, prepared on first use. */
static int table_stmt(sqlstore *s, unsigned table, int kind, cstmt **out)
{
    tstate *ts = &s->ts[table];
    cstmt *c = kind == ST_GET ? &ts->get : kind == ST_INS ? &ts->ins : kind == ST_UPD ? &ts->upd : &ts->del;
    if (c->st == NULL) {
        int rc = build_table_stmt(s, ts, kind, &c->st);
        if (rc)
            return rc;
    }
    *out = c;
    return 0;
}

/* x > ?p (or <), with NULL the smallest value, as the contract orders; x an expression. */
static void sql_cmp_null_aware(strbuf *b, const char *x, unsigned p, int less)
{
    if (less)
        sb_printf(b, "(%s < ?%u OR (%s IS NULL AND ?%u IS NOT NULL))", x, p, x, p);
    else
        sb_printf(b, "(%s > ?%u OR (?%u IS NULL AND %s IS NOT NULL))", x, p, p, x);
}

/* Column c's read expression (sql_col) as a string. */
static const char *col_expr(const tstate *ts, unsigned c, char *buf, size_t cap)
{
    strbuf t = { 0 };
    sql_col(&t, ts, c);
    snprintf(buf, cap, "%s", t.oom || t.p == NULL ? "NULL" : t.p);
    free(t.p);
    return buf;
}

/*
 * Leading start columns that repeat a prefix column. A secondary index's sort
 * key ends with the primary key, which starts with the tenant again: a paged
 * scan of (tenant, campaign) resumes after (tenant, id). SQLite seeks an
 * index only with a row value over the columns that follow the equality
 * prefix, so ("tenant", "id") > (?, ?) made it walk the whole prefix from its
 * start on every page (quadratic paging). The statement leaves such columns
 * out of the comparison; sq_scan handles a start whose repeated value differs
 * from the prefix's (every row is then after the start, or none is).
 */
static unsigned lead_dups(const unsigned *key, unsigned nprefix, unsigned nstart, unsigned *prefix_pos)
{
    unsigned n = 0;
    while (n < nstart) {
        unsigned j = nprefix + n, i;
        for (i = 0; i < nprefix && key[i] != key[j]; i++)
            ;
        if (i == nprefix)
            break;
        if (prefix_pos)
            prefix_pos[n] = i;
        n++;
    }
    return n;
}

/* Internal scan flag: a partial index cannot serve this scan (see partial_index). */
#define SCAN_NOIDX 0x80000000u

/* Does a scan of table's index `index` walk events_by_campaign, which since
 * schema version 17 holds each hour's events by their row's key (k, their
 * append order) rather than by id? Its sort key's last column, the event's
 * id, then stands for the row's k: ordered by r.k, and a start's id is
 * compared through the k of the event that bears it (scan_campaign_events). */
static int camp_by_k(const tstate *ts, int index)
{
    return ts->map == MAP_EVENTS && index >= 0 && strcmp(ts->def->indexes[index].name, "events_by_campaign") == 0;
}

static int is_id_col(const tstate *ts, unsigned c) { return strcmp(ts->def->cols[c].name, "id") == 0; }

static int build_scan_stmt(sqlstore *s, unsigned table, int index, unsigned nprefix, unsigned nstart,
                           unsigned flags, sqlite3_stmt **out)
{
    const tstate *ts = &s->ts[table];
    int partial = partial_index(ts->def, index) && !(flags & SCAN_NOIDX);
    flags &= ~SCAN_NOIDX;
    const mtrk_table_def *def = ts->def;
    unsigned key[MAX_KEY];
    unsigned nk = mtrk_store_sort_key(def, index, key);
    /* Repeated prefix columns left out (lead_dups); parameters keep their numbers. */
    unsigned skip = lead_dups(key, nprefix, nstart, NULL);
    int desc = (flags & MTRK_SCAN_DESC) != 0;
    int strict = (flags & MTRK_SCAN_AFTER) != 0;
    int by_k = camp_by_k(ts, index);
    char x[160];
    strbuf b = { 0 };
    unsigned bound[MAX_COLS] = { 0 };
    for (unsigned j = 0; j < nprefix; j++)
        if (!bound[key[j]])
            bound[key[j]] = j + 1;
    sql_select_cols(&b, ts, bound);
    /* Name the index: with few rows (or no statistics) the planner might
     * otherwise walk the primary key and sort. A mapped table's indexes
     * have other columns (see "Keys"): only its partial ones are named. */
    if (index >= 0 && (partial || !partial_index(def, index)) && (ts->map == MAP_NONE || partial))
        sb_printf(&b, " INDEXED BY \"%s\"", def->indexes[index].name);
    const char *and = " WHERE ";
    for (unsigned j = 0; j < nprefix; j++) {
        const mtrk_column_def *cd = &def->cols[key[j]];
        int is = (cd->flags & MTRK_COL_NULLABLE) && !partial;
        sb_printf(&b, "%s", and);
        if (ts->map != MAP_NONE && ts->ck[key[j]] != CK_PLAIN)
            sql_match(&b, ts, key[j], j + 1, 1);
        else
            sb_printf(&b, "%s %s ?%u", col_expr(ts, key[j], x, sizeof x), is ? "IS" : "=", j + 1);
        and = " AND ";
    }
    if (nstart > skip) {
        unsigned first = nprefix + skip;
        int nullable = 0;
        for (unsigned j = first; j < nprefix + nstart; j++)
            nullable |= (def->cols[key[j]].flags & MTRK_COL_NULLABLE) != 0;
        sb_printf(&b, "%s", and);
        if (!nullable) {
            /* A row value: SQLite seeks the index to it. */
            sb_printf(&b, "(");
            for (unsigned j = first; j < nprefix + nstart; j++)
                sb_printf(&b, "%s%s", j > first ? ", " : "",
                          by_k && is_id_col(ts, key[j]) ? "r.\"k\"" : col_expr(ts, key[j], x, sizeof x));
            sb_printf(&b, ") %s%s (", desc ? "<" : ">", strict ? "" : "=");
            for (unsigned j = first; j < nprefix + nstart; j++) {
                if (by_k && is_id_col(ts, key[j]))
                    sb_printf(&b, "%s(SELECT \"k\" FROM \"event_rows\" WHERE \"id\" = ?%u)", j > first ? ", " : "",
                              j + 1);
                else
                    sb_printf(&b, "%s?%u", j > first ? ", " : "", j + 1);
            }
            sb_printf(&b, ")");
        } else {
            assert(!by_k); /* events_by_campaign's sort key has no nullable column */
            /* Lexicographic comparison spelled out, NULL-aware:
             * c1 > v1 OR (c1 IS v1 AND (c2 > v2 OR (c2 IS v2 AND ...))). */
            unsigned open = 0;
            for (unsigned j = first; j < nprefix + nstart; j++) {
                col_expr(ts, key[j], x, sizeof x);
                sb_printf(&b, "(");
                sql_cmp_null_aware(&b, x, j + 1, desc);
                if (j + 1 < nprefix + nstart) {
                    sb_printf(&b, " OR (%s IS ?%u AND ", x, j + 1);
                    open += 2;
                } else {
                    if (!strict)
                        sb_printf(&b, " OR %s IS ?%u", x, j + 1);
                    sb_printf(&b, ")");
                }
            }
            for (unsigned j = 0; j < open; j++)
                sb_printf(&b, ")");
        }
    }
    /* On a mapped table the columns bound by the prefix are left out of the
     * order (their stored keys are not ordered as their ids), so that its
     * indexes serve the order of the rest. */
    const char *sep = " ORDER BY ";
    for (unsigned j = 0; j < nk; j++) {
        if (ts->map != MAP_NONE) {
            unsigned i;
            for (i = 0; i < nprefix && key[i] != key[j]; i++)
                ;
            if (i < nprefix)
                continue;
        }
        sb_printf(&b, "%s%s%s", sep, by_k && is_id_col(ts, key[j]) ? "r.\"k\"" : col_expr(ts, key[j], x, sizeof x),
                  desc ? " DESC" : "");
        sep = ", ";
    }
    return prepare(s, &b, out, 1);
}

static uint32_t scan_key(int index, unsigned nprefix, unsigned nstart, unsigned flags)
{
    return (uint32_t)(index + 1) << 16 | nprefix << 9 | nstart << 2 | (flags & 3u) | (flags & SCAN_NOIDX);
}

static int scan_stmt(sqlstore *s, unsigned table, int index, unsigned nprefix, unsigned nstart, unsigned flags,
                     cstmt **out)
{
    tstate *ts = &s->ts[table];
    uint32_t key = scan_key(index, nprefix, nstart, flags);
    for (size_t i = 0; i < ts->nscans; i++) {
        if (ts->scans[i]->key == key) {
            *out = &ts->scans[i]->s;
            return 0;
        }
    }
    if (ts->nscans == ts->capscans) {
        size_t cap = ts->capscans ? 2 * ts->capscans : 8;
        scan_entry **p = realloc(ts->scans, cap * sizeof *p);
        if (p == NULL)
            return fail(s, MTRK_ENOMEM, "sqlite store: out of memory");
        ts->scans = p;
        ts->capscans = cap;
    }
    scan_entry *e = calloc(1, sizeof *e);
    if (e == NULL)
        return fail(s, MTRK_ENOMEM, "sqlite store: out of memory");
    int rc = build_scan_stmt(s, table, index, nprefix, nstart, flags, &e->s.st);
    if (rc) {
        free(e);
        return rc;
    }
    e->key = key;
    ts->scans[ts->nscans++] = e;
    *out = &e->s;
    return 0;
}

/* Binds one value; strings are the caller's until the statement is reset. */
static int bind_value(sqlstore *s, sqlite3_stmt *st, int i, const mtrk_value *v)
{
    int rc;
    switch (v->type) {
    case MTRK_VAL_NULL:
        rc = sqlite3_bind_null(st, i);
        break;
    case MTRK_VAL_INT:
        rc = sqlite3_bind_int64(st, i, v->i);
        break;
    case MTRK_VAL_TEXT:
        if (v->n > INT32_MAX)
            return fail(s, MTRK_ETOOLONG, "sqlite store: a text value of %zu bytes is too long", v->n);
        rc = sqlite3_bind_text(st, i, v->n ? v->p : "", (int)v->n, SQLITE_STATIC);
        break;
    case MTRK_VAL_BLOB:
        if (v->n > INT32_MAX)
            return fail(s, MTRK_ETOOLONG, "sqlite store: a blob value of %zu bytes is too long", v->n);
        rc = v->n ? sqlite3_bind_blob(st, i, v->p, (int)v->n, SQLITE_STATIC) : sqlite3_bind_zeroblob(st, i, 0);
        break;
    default:
        return fail(s, MTRK_EINVAL, "sqlite store: value %d has unknown type %d", i, v->type);
    }
    return rc == SQLITE_OK ? 0 : sql_fail(s, "binding a value");
}

static void row_from_stmt(sqlite3_stmt *st, unsigned ncols, mtrk_value *vals)
{
    for (unsigned c = 0; c < ncols; c++) {
        mtrk_value *v = &vals[c];
        v->i = 0;
        v->p = NULL;
        v->n = 0;
        switch (sqlite3_column_type(st, (int)c)) {
        case SQLITE_INTEGER:
            v->type = MTRK_VAL_INT;
            v->i = sqlite3_column_int64(st, (int)c);
            break;
        case SQLITE_TEXT:
            v->type = MTRK_VAL_TEXT;
            v->p = sqlite3_column_text(st, (int)c);
            v->n = (size_t)sqlite3_column_bytes(st, (int)c);
            break;
        case SQLITE_BLOB:
            v->type = MTRK_VAL_BLOB;
            v->p = sqlite3_column_blob(st, (int)c);
            v->n = (size_t)sqlite3_column_bytes(st, (int)c);
            break;
        default:
            v->type = MTRK_VAL_NULL;
            break;
        }
    }
}

/* Takes a cached statement, or a transient one when the cached one is
 * still running (a read nested in a callback of the same shape). */
static sqlite3_stmt *claim(cstmt *c, sqlite3_stmt *fresh)
{
    if (!c->busy) {
        c->busy = 1;
        return c->st;
    }
    return fresh;
}

static void release(cstmt *c, sqlite3_stmt *st)
{
    sqlite3_reset(st);
    if (st == c->st)
        c->busy = 0;
    else
        sqlite3_finalize(st);
}

/* ------------------------------------------------------------------ */
/* Transactions                                                        */
/* ------------------------------------------------------------------ */

static int run_simple(sqlstore *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : sql_fail(s, what);
}

static int sq_begin(mtrk_store *store, int write)
{
    sqlstore *s = (sqlstore *)store;
    if (s->in_tx)
        return fail(s, MTRK_ESTORE, "sqlite store: begin inside a transaction already open on this handle");
    int rc = run_simple(s, write ? s->begin_w : s->begin_r, write ? "BEGIN IMMEDIATE" : "BEGIN");
    if (rc) {
        if (rc == MTRK_EBUSY)
            fail(s, MTRK_EBUSY, "sqlite store: busy: the database stayed locked by another connection for the "
                                "whole busy timeout (%s)", sqlite3_errmsg(s->db));
        return rc;
    }
    s->in_tx = 1;
    s->write = write != 0;
    s->ty.tkm.valid = 0;
    s->ty.ckm.valid = 0;
    mk_reset(&s->ty);
    return 0;
}

static int check_end(sqlstore *s, const char *op)
{
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "sqlite store: %s outside a transaction", op);
    if (s->depth > 0)
        return fail(s, MTRK_ESTORE, "sqlite store: %s called from a row callback", op);
    return 0;
}

static int sq_commit(mtrk_store *store)
{
    sqlstore *s = (sqlstore *)store;
    int rc = check_end(s, "commit");
    if (rc)
        return rc;
    rc = run_simple(s, s->commit, "COMMIT");
    if (rc && !sqlite3_get_autocommit(s->db))
        return rc; /* still open: the caller rolls back */
    s->in_tx = 0;
    s->write = 0;
    return rc;
}

static int sq_rollback(mtrk_store *store)
{
    sqlstore *s = (sqlstore *)store;
    int rc = check_end(s, "rollback");
    if (rc)
        return rc;
    s->in_tx = 0;
    s->write = 0;
    /* SQLite may have rolled back by itself already (I/O error, full disk). */
    if (sqlite3_get_autocommit(s->db))
        return 0;
    return run_simple(s, s->rollback, "ROLLBACK");
}

/* ------------------------------------------------------------------ */
/* Reads                                                               */
/* ------------------------------------------------------------------ */

static int check_table(sqlstore *s, unsigned table)
{
    if (table >= s->ntables)
        return fail(s, MTRK_EINVAL, "sqlite store: table %u does not exist (%u tables)", table, s->ntables);
    return 0;
}

static int check_key(sqlstore *s, const char *what, const mtrk_value *key, unsigned n)
{
    char m[256];
    int rc = store_check_key(what, key, n, m, sizeof m);
    return rc ? fail(s, rc, "sqlite store: %s", m) : 0;
}

/* Steps st, calling fn per row: 0 when rows run out or fn returns a
 * positive value (*stopped, when given, says which), fn's negative value,
 * or the step's error. once: the first row only (none is MTRK_ENOTFOUND). */
static int run_rows_until(sqlstore *s, sqlite3_stmt *st, unsigned ncols, mtrk_row_fn fn, void *userdata, int once,
                          int *stopped)
{
    mtrk_value vals[MAX_COLS];
    if (stopped)
        *stopped = 0;
    for (;;) {
        int rc = sqlite3_step(st);
        if (rc == SQLITE_DONE)
            return once ? fail(s, MTRK_ENOTFOUND, "sqlite store: no row with this primary key") : 0;
        if (rc != SQLITE_ROW)
            return sql_fail(s, "reading rows");
        row_from_stmt(st, ncols, vals);
        s->depth++;
        rc = fn(userdata, vals);
        s->depth--;
        if (rc < 0)
            return rc;
        if (rc > 0 && stopped)
            *stopped = 1;
        if (rc > 0 || once)
            return 0;
    }
}

static int run_rows(sqlstore *s, sqlite3_stmt *st, unsigned ncols, mtrk_row_fn fn, void *userdata, int once)
{
    return run_rows_until(s, st, ncols, fn, userdata, once, NULL);
}

static int sq_get(mtrk_store *store, unsigned table, const mtrk_value *key, mtrk_row_fn fn, void *userdata)
{
    sqlstore *s = (sqlstore *)store;
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "sqlite store: get outside a transaction");
    int rc = check_table(s, table);
    if (rc)
        return rc;
    if (key == NULL || fn == NULL)
        return fail(s, MTRK_EINVAL, "sqlite store: get: %s is NULL", key == NULL ? "key" : "fn");
    const mtrk_table_def *def = s->ts[table].def;
    cstmt *c = NULL;
    if ((rc = check_key(s, "key", key, def->npk)) || (rc = table_stmt(s, table, ST_GET, &c)))
        return rc;
    sqlite3_stmt *st = c->st;
    if (c->busy && (rc = build_table_stmt(s, &s->ts[table], ST_GET, &st)))
        return rc;
    st = claim(c, st);
    for (unsigned j = 0; j < def->npk && rc == 0; j++)
        rc = bind_value(s, st, (int)j + 1, &key[j]);
    if (rc == 0)
        rc = run_rows(s, st, def->ncols, fn, userdata, 1);
    if (rc == MTRK_ENOTFOUND)
        fail(s, rc, "sqlite store: %s: no row with this primary key", def->name);
    release(c, st);
    return rc;
}

/* The contract's order of two values. */
static int val_cmp(const mtrk_value *a, const mtrk_value *b)
{
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    if (a->type == MTRK_VAL_INT)
        return a->i < b->i ? -1 : a->i > b->i;
    if (a->type == MTRK_VAL_NULL)
        return 0;
    size_t n = a->n < b->n ? a->n : b->n;
    int c = n ? memcmp(a->p, b->p, n) : 0;
    if (c)
        return c < 0 ? -1 : 1;
    return a->n < b->n ? -1 : a->n > b->n;
}

/* Start columns repeating a prefix column (lead_dups): when a repeated value
 * differs from the prefix's, every row of the prefix lies on one side of the
 * start, so the scan runs from the first row (*nstart = 0) or returns 1 (no
 * rows). Likewise when the start is nothing but repeated, equal columns. */
static int resolve_dups(sqlstore *s, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                        const mtrk_value *start, unsigned *nstart, unsigned *flags)
{
    unsigned key[MAX_KEY], pos[MAX_KEY];
    mtrk_store_sort_key(s->ts[table].def, index, key);
    unsigned skip = lead_dups(key, nprefix, *nstart, pos);
    int c = 0;
    for (unsigned d = 0; d < skip && c == 0; d++)
        c = val_cmp(&start[d], &prefix[pos[d]]);
    if (c == 0 && skip < *nstart)
        return 0;
    if (c == 0 ? (*flags & MTRK_SCAN_AFTER) != 0 : (*flags & MTRK_SCAN_DESC) ? c < 0 : c > 0)
        return 1;
    *nstart = 0;
    *flags &= ~MTRK_SCAN_AFTER;
    return 0;
}

/* One scan statement, bound and run. */
static int scan_run(sqlstore *s, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                    const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *userdata,
                    int *stopped)
{
    cstmt *c = NULL;
    int rc = scan_stmt(s, table, index, nprefix, nstart, flags, &c);
    if (rc)
        return rc;
    sqlite3_stmt *st = c->st;
    if (c->busy && (rc = build_scan_stmt(s, table, index, nprefix, nstart, flags, &st)))
        return rc;
    st = claim(c, st);
    for (unsigned j = 0; j < nprefix && rc == 0; j++)
        rc = bind_value(s, st, (int)j + 1, &prefix[j]);
    for (unsigned j = 0; j < nstart && rc == 0; j++)
        rc = bind_value(s, st, (int)(nprefix + j) + 1, &start[j]);
    if (rc == 0)
        rc = run_rows_until(s, st, s->ts[table].def->ncols, fn, userdata, 0, stopped);
    release(c, st);
    return rc;
}

/* Is the event a campaign-index scan starts after stored? 0, or
 * MTRK_EINVAL: there is no key to resume after (the first statement of
 * the scan then gave no row). Asked only when the rest of the start's hour
 * ran out, once per hour of a paged scan rather than per page. */
static int start_stored(sqlstore *s, const mtrk_value *id)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM \"event_rows\" WHERE \"id\" = ?1", -1, &q, NULL) != SQLITE_OK)
        return sql_fail(s, "preparing a scan of events_by_campaign");
    int rc = bind_value(s, q, 1, id);
    int step = rc == 0 ? sqlite3_step(q) : SQLITE_ROW;
    if (rc == 0 && step != SQLITE_ROW && step != SQLITE_DONE)
        rc = sql_fail(s, "reading a scan's start");
    sqlite3_finalize(q);
    if (rc == 0 && step == SQLITE_DONE)
        rc = fail(s, MTRK_EINVAL, "sqlite store: scan of events_by_campaign: the start names no stored event (a"
                                  " paged scan resumes after a row it read)");
    return rc;
}

/* A scan of events_by_campaign from a start that ends with an event's id
 * (a paged scan resuming after its last row). SQLite seeks an index with a
 * row value only over its declared columns, not the rowid that ends every
 * entry, so (occurred_hour, k) > (h, k0) would walk the start's hour from
 * its first entry on every page. The scan runs as two: the rest of the
 * start's hour (the columns before the id bound by equality, the id's k as
 * the start: a seek), then the hours after it. A start whose event is not
 * stored is refused (MTRK_EINVAL): there is no key to resume after. */
static int scan_campaign_events(sqlstore *s, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                                const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn,
                                void *userdata)
{
    mtrk_value head[MAX_KEY];
    unsigned nhead = nprefix + nstart - 1;
    if (nhead > MAX_KEY)
        return fail(s, MTRK_EINVAL, "sqlite store: scan: too many key columns");
    for (unsigned j = 0; j < nprefix; j++)
        head[j] = prefix[j];
    for (unsigned j = 0; j + 1 < nstart; j++)
        head[nprefix + j] = start[j];
    int stopped = 0;
    int rc = scan_run(s, table, index, head, nhead, &start[nstart - 1], 1, flags, fn, userdata, &stopped);
    if (rc == 0 && !stopped)
        rc = start_stored(s, &start[nstart - 1]);
    if (rc == 0 && !stopped)
        rc = scan_run(s, table, index, prefix, nprefix, start, nstart - 1, flags | MTRK_SCAN_AFTER, fn, userdata,
                      NULL);
    return rc;
}

static int sq_scan(mtrk_store *store, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                   const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *userdata)
{
    sqlstore *s = (sqlstore *)store;
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "sqlite store: scan outside a transaction");
    int rc = check_table(s, table);
    if (rc)
        return rc;
    const mtrk_table_def *def = s->ts[table].def;
    if (index < MTRK_INDEX_PK || index >= (int)def->nindexes)
        return fail(s, MTRK_EINVAL, "sqlite store: %s has no index %d", def->name, index);
    if (fn == NULL)
        return fail(s, MTRK_EINVAL, "sqlite store: scan: fn is NULL");
    if ((nprefix && prefix == NULL) || (nstart && start == NULL))
        return fail(s, MTRK_EINVAL, "sqlite store: scan: %s is NULL", nprefix && prefix == NULL ? "prefix" : "start");
    unsigned nk = s->ts[table].nkey[index + 1];
    if (nprefix > nk || nstart > nk - nprefix)
        return fail(s, MTRK_EINVAL, "sqlite store: scan: nprefix %u + nstart %u exceed the %u sort-key columns",
                    nprefix, nstart, nk);
    if (flags & ~(MTRK_SCAN_AFTER | MTRK_SCAN_DESC))
        return fail(s, MTRK_EINVAL, "sqlite store: scan: unknown flags 0x%x", flags);
    if ((rc = check_key(s, "prefix", prefix, nprefix)) || (rc = check_key(s, "start", start, nstart)))
        return rc;
    if (nstart == 0)
        flags &= ~MTRK_SCAN_AFTER;
    if (nstart && (rc = resolve_dups(s, table, index, prefix, nprefix, start, &nstart, &flags)))
        return rc > 0 ? 0 : rc;

    if (partial_index(def, index)) {
        /* The partial index serves the scan only when every nullable index
         * column is in the prefix with a value. */
        const mtrk_index_def *ix = &def->indexes[index];
        for (unsigned j = 0; j < ix->ncols; j++)
            if ((def->cols[ix->cols[j]].flags & MTRK_COL_NULLABLE) &&
                (j >= nprefix || prefix[j].type == MTRK_VAL_NULL))
                flags |= SCAN_NOIDX;
    }
    if (camp_by_k(&s->ts[table], index) && nstart >= 2 && nprefix + nstart == nk)
        return scan_campaign_events(s, table, index, prefix, nprefix, start, nstart, flags, fn, userdata);
    return scan_run(s, table, index, prefix, nprefix, start, nstart, flags, fn, userdata, NULL);
}

/* ------------------------------------------------------------------ */
/* Changes                                                             */
/* ------------------------------------------------------------------ */

static int check_row(sqlstore *s, const mtrk_table_def *def, const mtrk_value *row, unsigned ncheck)
{
    char m[256];
    int rc = store_check_row(def, row, ncheck, m, sizeof m);
    return rc ? fail(s, rc, "sqlite store: %s", m) : 0;
}

static int apply_one(sqlstore *s, const mtrk_change *ch, size_t i)
{
    int rc = check_table(s, ch->table);
    if (rc)
        return rc;
    const mtrk_table_def *def = s->ts[ch->table].def;
    if (ch->row == NULL)
        return fail(s, MTRK_EINVAL, "sqlite store: change %zu: row is NULL", i);
    int kind;
    switch (ch->op) {
    case MTRK_CHANGE_INSERT: kind = ST_INS; break;
    case MTRK_CHANGE_UPDATE: kind = ST_UPD; break;
    case MTRK_CHANGE_DELETE:
        kind = ST_DEL;
        s->ty.ckm.valid = 0;
        /* The message's key could be given to another message. */
        if (ch->table == s->ty.msg_table)
            mk_reset(&s->ty);
        break;
    default: return fail(s, MTRK_EINVAL, "sqlite store: change %zu: unknown operation %d", i, ch->op);
    }
    unsigned nbind = kind == ST_DEL ? def->npk : def->ncols;
    if ((rc = check_row(s, def, ch->row, nbind)))
        return rc;
    /* The non-key columns to set; a partial update binds only those. */
    uint64_t all = 0, mask = 0;
    for (unsigned c = def->npk; c < def->ncols && c < 64; c++)
        all |= UINT64_C(1) << c;
    if (kind == ST_UPD && def->ncols <= 64)
        mask = ch->columns & all;
    int transient = 0;
    sqlite3_stmt *st = NULL;
    if (mask != 0 && mask != all) {
        if ((rc = partial_stmt(s, ch->table, mask, &st, &transient)))
            return rc;
    } else {
        mask = all;
        cstmt *c = NULL;
        if ((rc = table_stmt(s, ch->table, kind, &c)))
            return rc;
        st = c->st;
    }
    for (unsigned j = 0; j < nbind && rc == 0; j++)
        if ((kind != ST_UPD || j < def->npk || (mask & (UINT64_C(1) << j))) && col_stored(&s->ts[ch->table], j))
            rc = bind_value(s, st, (int)j + 1, &ch->row[j]);
    if (rc == 0) {
        int sr = sqlite3_step(st);
        if (sr != SQLITE_DONE) {
            rc = sql_fail(s, def->name);
            if (rc == MTRK_EEXISTS)
                fail(s, rc, "sqlite store: %s: a row with this primary key or unique index exists (%s)", def->name,
                     sqlite3_errmsg(s->db));
        } else if (kind != ST_INS && sqlite3_changes(s->db) == 0) {
            rc = fail(s, MTRK_ENOTFOUND, "sqlite store: %s: %s of a missing row", def->name,
                      kind == ST_UPD ? "update" : "delete");
        }
    }
    sqlite3_reset(st);
    if (transient)
        sqlite3_finalize(st);
    return rc;
}

/* INS_BATCH inserts into one table as one statement. */
static int apply_insert_batch(sqlstore *s, const mtrk_change *ch, size_t first)
{
    int rc = check_table(s, ch->table);
    if (rc)
        return rc;
    tstate *ts = &s->ts[ch->table];
    const mtrk_table_def *def = ts->def;
    if ((size_t)def->ncols * INS_BATCH > 32766) /* SQLite's default limit of parameters */
        return apply_one(s, ch, first);
    for (unsigned r = 0; r < INS_BATCH; r++) {
        if (ch[r].row == NULL)
            return fail(s, MTRK_EINVAL, "sqlite store: change %zu: row is NULL", first + r);
        if ((rc = check_row(s, def, ch[r].row, def->ncols)))
            return rc;
    }
    if (ts->insn.st == NULL && (rc = build_insert_batch(s, ts, &ts->insn.st)))
        return rc;
    sqlite3_stmt *st = ts->insn.st;
    for (unsigned r = 0; r < INS_BATCH && rc == 0; r++)
        for (unsigned c = 0; c < def->ncols && rc == 0; c++)
            if (col_stored(ts, c))
                rc = bind_value(s, st, (int)(r * def->ncols + c) + 1, &ch[r].row[c]);
    if (rc == 0 && sqlite3_step(st) != SQLITE_DONE) {
        rc = sql_fail(s, def->name);
        if (rc == MTRK_EEXISTS)
            fail(s, rc, "sqlite store: %s: a row with this primary key or unique index exists (%s)", def->name,
                 sqlite3_errmsg(s->db));
    }
    sqlite3_reset(st);
    return rc;
}

static int sq_apply(mtrk_store *store, const mtrk_change *changes, size_t n)
{
    sqlstore *s = (sqlstore *)store;
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "sqlite store: apply outside a transaction");
    if (!s->write)
        return fail(s, MTRK_ESTORE, "sqlite store: apply in a read transaction");
    if (s->depth > 0)
        return fail(s, MTRK_ESTORE, "sqlite store: apply called from a row callback");
    if (tx_lost(s))
        return fail(s, MTRK_ESTORE, "sqlite store: apply after a failure rolled the transaction back");
    if (n && changes == NULL)
        return fail(s, MTRK_EINVAL, "sqlite store: apply: changes is NULL");
    for (size_t i = 0; i < n;) {
        size_t run = 0;
        while (i + run < n && run < INS_BATCH && changes[i + run].op == MTRK_CHANGE_INSERT &&
               changes[i + run].table == changes[i].table)
            run++;
        int rc = run == INS_BATCH ? apply_insert_batch(s, &changes[i], i) : apply_one(s, &changes[i], i);
        if (rc)
            return rc;
        i += run == INS_BATCH ? INS_BATCH : 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Typed operations                                                    */
/* ------------------------------------------------------------------ */

/*
 * The event path's operations of contract version 4, on the keyed layout:
 * the tenant's integer key is looked up once per call, a message by its
 * unique id, its events by its integer key (events_by_message), an event
 * appended with its message's key as messages_load found it (the
 * message-key map below; by id for a message it did not load). Records
 * and rows are mapped by records.c; the column lists follow the table
 * definitions, the tenant (and an event's message) filled in from what the
 * call gives.
 */

/* The message-key map: a message's integer key by its id, for the
 * messages messages_load found in the current transaction, so that
 * events_append binds an event's message_k as it is instead of finding it
 * again by id. Open addressing; a slot is in use when its epoch is the
 * map's, so that emptying it (every begin, and any delete of a message
 * through the rows, after which a key could be given to another message)
 * is one increment. */
static void mk_reset(typed_state *ty)
{
    ty->mk_n = 0;
    if (++ty->mk_epoch == 0) {
        if (ty->mk)
            memset(ty->mk, 0, ty->mk_cap * sizeof *ty->mk);
        ty->mk_epoch = 1;
    }
}

static size_t mk_hash(const mtrk_id *id)
{
    uint64_t a, b;
    memcpy(&a, id->bytes, 8);
    memcpy(&b, id->bytes + 8, 8);
    uint64_t h = (a ^ (b * UINT64_C(0x9E3779B97F4A7C15))) * UINT64_C(0xBF58476D1CE4E5B9);
    return (size_t)(h ^ (h >> 31));
}

static struct mk_slot *mk_find(typed_state *ty, const mtrk_id *id)
{
    size_t mask = ty->mk_cap - 1;
    for (size_t j = mk_hash(id) & mask;; j = (j + 1) & mask) {
        struct mk_slot *e = &ty->mk[j];
        if (e->epoch != ty->mk_epoch || memcmp(e->id.bytes, id->bytes, sizeof id->bytes) == 0)
            return e;
    }
}

/* The messages the map keeps beyond those of the current messages_load
 * call: the core appends a slice's events right after loading its
 * messages, so the map needs little more than the last load's keys. A map
 * of every message a large transaction loaded (100,000 and more) is
 * megabytes read at random, one cache miss per event appended; kept at
 * about a slice's size it stays in the processor's cache
 * (docs/performance.md). A key dropped is found again by id. */
#define MK_KEEP 4096

/* Remembers message `id` of tenant key tk under key k; without memory the
 * map just stays smaller (events_append then finds the key by id). */
static void mk_put(typed_state *ty, const mtrk_id *id, int64_t k, int64_t tk)
{
    if (2 * (ty->mk_n + 1) > ty->mk_cap) {
        size_t cap = ty->mk_cap ? 2 * ty->mk_cap : 1024;
        struct mk_slot *p = calloc(cap, sizeof *p), *old = ty->mk;
        if (p == NULL)
            return;
        size_t oldcap = ty->mk_cap;
        uint32_t epoch = ty->mk_epoch ? ty->mk_epoch : 1;
        ty->mk = p;
        ty->mk_cap = cap;
        ty->mk_epoch = epoch;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].epoch == epoch)
                *mk_find(ty, &old[i].id) = old[i];
        free(old);
    }
    struct mk_slot *e = mk_find(ty, id);
    if (e->epoch != ty->mk_epoch)
        ty->mk_n++;
    *e = (struct mk_slot){ *id, k, tk, ty->mk_epoch };
}

/* Message `id`'s integer key if it is a message of tenant key tk: from the
 * map, else by its id; 0 when there is no such message. */
static int mk_get(sqlstore *s, const mtrk_id *id, int64_t tk, int64_t *k)
{
    typed_state *ty = &s->ty;
    if (ty->mk_cap) {
        const struct mk_slot *e = mk_find(ty, id);
        if (e->epoch == ty->mk_epoch) {
            *k = e->tk == tk ? e->k : 0;
            return 0;
        }
    }
    sqlite3_stmt *st = ty->find_mk;
    sqlite3_bind_blob(st, 1, id->bytes, sizeof id->bytes, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, tk);
    int sr = sqlite3_step(st);
    *k = sr == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    return sr == SQLITE_ROW || sr == SQLITE_DONE ? 0 : sql_fail(s, "reading a message's key");
}

static int typed_check(sqlstore *s, const char *op, int write)
{
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "sqlite store: %s outside a transaction", op);
    if (tx_lost(s))
        return fail(s, MTRK_ESTORE, "sqlite store: %s after a failure rolled the transaction back", op);
    if (write && !s->write)
        return fail(s, MTRK_ESTORE, "sqlite store: %s in a read transaction", op);
    if (write && s->depth > 0)
        return fail(s, MTRK_ESTORE, "sqlite store: %s called from a row callback", op);
    return 0;
}

/* SELECT of the events' columns in definition order from "r" joined to
 * its message as "m" (ev_join): the tenant as NULL, the message's id when
 * `message_id` (else NULL), the campaign and the contact the message's. */
static void sql_typed_select(strbuf *b, const tstate *ts, int message_id)
{
    sb_printf(b, "SELECT ");
    for (unsigned c = 0; c < ts->def->ncols; c++) {
        sb_printf(b, "%s", c ? ", " : "");
        if (ts->ck[c] == CK_MESSAGE && message_id)
            sb_printf(b, "m.\"id\"");
        else if (ts->ck[c] == CK_CAMPAIGN)
            sb_printf(b, "m.\"campaign\"");
        else if (ts->ck[c] == CK_CONTACT)
            sb_printf(b, "m.\"contact\"");
        else if (ts->ck[c] != CK_PLAIN)
            sb_printf(b, "NULL");
        else
            sb_printf(b, "r.\"%s\"", ts->def->cols[c].name);
    }
}

/* The join of sql_typed_select: each event row "r", then its message "m". */
static const char ev_join[] = " CROSS JOIN message_rows AS m ON m.k = r.message_k";

/* SELECT of a record's fields, in rec_*_fields() order, from "r": every
 * field but those in `skip` (bit i for field i: an event's message,
 * campaign and contact, which are its message's). messages_load reads them
 * with field_from_stmt, straight into the record: no generic row between
 * the statement and the record. */
static void sql_record_select(strbuf *b, const rec_map *rm, uint64_t skip)
{
    sb_printf(b, "SELECT ");
    const char *sep = "";
    for (unsigned i = 0; i < rm->nfields; i++) {
        if (i < 64 && (skip >> i & 1))
            continue;
        sb_printf(b, "%sr.\"%s\"", sep, rm->def->cols[rm->col[i]].name);
        sep = ", ";
    }
}

/* Result column c of st into field f of the record at base, as
 * rec_*_from_row reads a row's value: an id of another length or type is
 * nil, a NULL integer 0; a string points into st's row until its next
 * step or reset. */
static void field_from_stmt(sqlite3_stmt *st, int c, const rec_field *f, char *base)
{
    void *p = base + f->off;
    int t = sqlite3_column_type(st, c);
    switch (f->kind) {
    case REC_K_ID: {
        const void *v = t == SQLITE_BLOB ? sqlite3_column_blob(st, c) : NULL;
        if (v != NULL && sqlite3_column_bytes(st, c) == (int)sizeof(mtrk_id))
            memcpy(p, v, sizeof(mtrk_id));
        else
            memset(p, 0, sizeof(mtrk_id));
        break;
    }
    case REC_K_INT: *(int64_t *)p = t == SQLITE_INTEGER ? sqlite3_column_int64(st, c) : 0; break;
    default: *(const char **)p = t == SQLITE_TEXT ? (const char *)sqlite3_column_text(st, c) : NULL; break;
    }
}

/* The fields of an event record that load_ev does not select: its
 * message's (gather_events fills them in). */
static uint64_t ev_skip(const typed_state *ty)
{
    return UINT64_C(1) << ty->ev_message | UINT64_C(1) << ty->ev_campaign | UINT64_C(1) << ty->ev_contact;
}

/* The statements of the typed reads, each prepared once (one that failed
 * to prepare, out of memory, is tried again on the next call). */
static int typed_prepare(sqlstore *s)
{
    typed_state *ty = &s->ty;
    const tstate *et = &s->ts[ty->ev_table];
    strbuf b = { 0 };
    int rc = 0;
    if (ty->tenant_k == NULL) {
        sb_printf(&b, "SELECT k FROM tenant_keys WHERE id = ?1");
        if ((rc = prepare(s, &b, &ty->tenant_k, 1)))
            return rc;
    }
    if (ty->find_mk == NULL) {
        b = (strbuf){ 0 };
        sb_printf(&b, "SELECT k FROM message_rows WHERE id = ?1 AND tenant_k = ?2");
        if ((rc = prepare(s, &b, &ty->find_mk, 1)))
            return rc;
    }
    if (ty->load_msg == NULL) {
        b = (strbuf){ 0 };
        sql_record_select(&b, &ty->rec.msg, 0);
        sb_printf(&b, ", r.k FROM message_rows AS r WHERE r.id = ?1 AND r.tenant_k = ?2");
        if ((rc = prepare(s, &b, &ty->load_msg, 1)))
            return rc;
    }
    if (ty->load_ev == NULL) {
        b = (strbuf){ 0 };
        sql_record_select(&b, &ty->rec.ev, ev_skip(ty));
        sb_printf(&b, " FROM event_rows AS r WHERE r.message_k = ?1 ORDER BY r.occurred_at, r.arrived_at, r.k");
        if ((rc = prepare(s, &b, &ty->load_ev, 1)))
            return rc;
    }
    if (ty->load_ev_after == NULL) {
        b = (strbuf){ 0 };
        sql_record_select(&b, &ty->rec.ev, ev_skip(ty));
        sb_printf(&b, " FROM event_rows AS r WHERE r.message_k = ?1 AND (r.occurred_at, r.arrived_at) >="
                      " (?2, ?3) ORDER BY r.occurred_at, r.arrived_at, r.k");
        if ((rc = prepare(s, &b, &ty->load_ev_after, 1)))
            return rc;
    }
    if (ty->find_pid == NULL) {
        b = (strbuf){ 0 };
        sql_typed_select(&b, et, 1);
        sb_printf(&b, " FROM event_rows AS r INDEXED BY \"events_by_provider\"%s WHERE r.tenant_k = ?1"
                      " AND r.provider = ?2 AND r.provider_event_id = ?3", ev_join);
        if ((rc = prepare(s, &b, &ty->find_pid, 1)))
            return rc;
    }
    if (ty->campaign_k == NULL) {
        b = (strbuf){ 0 };
        sb_printf(&b, "SELECT k FROM campaign_keys WHERE id = ?1");
        rc = prepare(s, &b, &ty->campaign_k, 1);
    }
    return rc;
}

/* The integer key of id by st (SELECT k ... WHERE id = ?1), remembered in
 * m; 0 when there is none (not remembered: a later row may give one). */
static int key_lookup(sqlstore *s, key_memo *m, sqlite3_stmt *st, const mtrk_id *id, const char *what,
                      int64_t *out)
{
    if (m->valid && memcmp(m->id.bytes, id->bytes, sizeof id->bytes) == 0) {
        *out = m->k;
        return 0;
    }
    sqlite3_bind_blob(st, 1, id->bytes, sizeof id->bytes, SQLITE_STATIC);
    int sr = sqlite3_step(st);
    *out = sr == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
    sqlite3_reset(st);
    if (sr != SQLITE_ROW && sr != SQLITE_DONE)
        return sql_fail(s, what);
    m->id = *id;
    m->k = *out;
    m->valid = *out != 0;
    return 0;
}

/* The tenant's integer key; 0 when the tenant has none (no rows). */
static int tenant_key(sqlstore *s, const mtrk_id *tenant, int64_t *out)
{
    return key_lookup(s, &s->ty.tkm, s->ty.tenant_k, tenant, "reading a tenant's key", out);
}

/* The campaign's integer key; 0 when there is no such campaign. */
static int campaign_key(sqlstore *s, const mtrk_id *campaign, int64_t *out)
{
    return key_lookup(s, &s->ty.ckm, s->ty.campaign_k, campaign, "reading a campaign's key", out);
}

/* (occurred_at, arrived_at, id) of a before b: the order of a message's events. */
static int ev_before(const mtrk_store_event *a, const mtrk_store_event *b)
{
    if (a->occurred_at != b->occurred_at)
        return a->occurred_at < b->occurred_at;
    if (a->arrived_at != b->arrived_at)
        return a->arrived_at < b->arrived_at;
    return memcmp(a->id.bytes, b->id.bytes, sizeof a->id.bytes) < 0;
}

/* Gathers the rows of st (events of one message, in (occurred_at,
 * arrived_at) order, their record fields as sql_record_select selects
 * them) into records in ty->recs, their strings copied to ty->bytes: past
 * the mark of `mark` when given (the statement selected those at or after
 * its times), in (occurred_at, arrived_at, id) order; *n gets their number.
 * events_by_message leaves events of equal times in insertion order, and
 * the id decides between them: an insertion sort, which finds them in order
 * but for a rare tie. */
static int gather_events(sqlstore *s, sqlite3_stmt *st, const mtrk_store_message *msg,
                         const mtrk_store_message *mark, size_t *n)
{
    typed_state *ty = &s->ty;
    const rec_map *em = &ty->rec.ev;
    const rec_field *f = rec_event_fields();
    size_t k = 0;
    ty->nbytes = 0;
    int sr;
    while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
        if (k == ty->caprecs) {
            size_t cap = ty->caprecs ? 2 * ty->caprecs : 16;
            mtrk_store_event *r = realloc(ty->recs, cap * sizeof *r);
            if (r)
                ty->recs = r;
            const mtrk_store_event **pp = r ? realloc(ty->ptrs, cap * sizeof *pp) : NULL;
            if (pp)
                ty->ptrs = pp;
            if (r == NULL || pp == NULL)
                return fail(s, MTRK_ENOMEM, "sqlite store: out of memory reading events");
            ty->caprecs = cap;
        }
        mtrk_store_event *e = &ty->recs[k];
        memset(e, 0, sizeof *e);
        e->version = MTRK_STORE_EVENT_VERSION;
        char *base = (char *)e;
        int c = 0;
        for (unsigned i = 0; i < em->nfields; i++) {
            if ((int)i == ty->ev_message || (int)i == ty->ev_campaign || (int)i == ty->ev_contact) {
                const mtrk_id *v = (int)i == ty->ev_message ? &msg->id
                                   : (int)i == ty->ev_campaign ? &msg->campaign : &msg->contact;
                memcpy(base + f[i].off, v, sizeof *v);
                continue;
            }
            field_from_stmt(st, c, &f[i], base);
            const char **sp = (const char **)(void *)(base + f[i].off);
            if (f[i].kind == REC_K_TEXT && *sp != NULL) {
                /* Copied, its offset + 1 kept until the end (the buffer may move). */
                size_t len = (size_t)sqlite3_column_bytes(st, c);
                if (ty->nbytes + len + 1 > ty->capbytes) {
                    size_t cap = ty->capbytes ? 2 * ty->capbytes : 4096;
                    while (cap < ty->nbytes + len + 1)
                        cap *= 2;
                    char *p = realloc(ty->bytes, cap);
                    if (p == NULL)
                        return fail(s, MTRK_ENOMEM, "sqlite store: out of memory reading events");
                    ty->bytes = p;
                    ty->capbytes = cap;
                }
                memcpy(ty->bytes + ty->nbytes, *sp, len);
                ty->bytes[ty->nbytes + len] = '\0';
                *sp = (const char *)(uintptr_t)(ty->nbytes + 1);
                ty->nbytes += len + 1;
            }
            c++;
        }
        k++;
    }
    if (sr != SQLITE_DONE)
        return sql_fail(s, "reading a message's events");
    size_t kept = 0;
    for (size_t i = 0; i < k; i++) {
        mtrk_store_event *e = &ty->recs[i];
        for (unsigned j = 0; j < em->nfields; j++) {
            const char **sp = (const char **)(void *)((char *)e + f[j].off);
            if (f[j].kind == REC_K_TEXT && *sp != NULL)
                *sp = ty->bytes + ((uintptr_t)*sp - 1);
        }
        if (mark && e->occurred_at == mark->folded_occurred_at && e->arrived_at == mark->folded_arrived_at &&
            memcmp(e->id.bytes, mark->folded_event.bytes, sizeof e->id.bytes) <= 0)
            continue; /* at the mark's times, not after its event */
        size_t j = kept++;
        for (; j > 0 && ev_before(e, ty->ptrs[j - 1]); j--)
            ty->ptrs[j] = ty->ptrs[j - 1];
        ty->ptrs[j] = e;
    }
    *n = kept;
    return 0;
}

static int sq_messages_load(mtrk_store *store, mtrk_id tenant, const mtrk_id *mids, size_t n,
                            mtrk_store_message_fn fn, void *userdata)
{
    sqlstore *s = (sqlstore *)store;
    int rc = typed_check(s, "messages_load", 0);
    if (rc)
        return rc;
    if (n && (mids == NULL || fn == NULL))
        return fail(s, MTRK_EINVAL, "sqlite store: messages_load: %s is NULL", fn == NULL ? "fn" : "mids");
    int64_t tk = 0;
    if ((rc = typed_prepare(s)) || (rc = tenant_key(s, &tenant, &tk)))
        return rc;
    typed_state *ty = &s->ty;
    const rec_map *mm = &ty->rec.msg;
    const rec_field *mf = rec_message_fields();
    if (ty->mk_n > 0 && ty->mk_n + n > MK_KEEP)
        mk_reset(ty); /* the keys of this call's messages are kept whole */
    for (size_t i = 0; rc == 0 && tk != 0 && i < n; i++) {
        sqlite3_stmt *ms = ty->load_msg;
        sqlite3_bind_blob(ms, 1, mids[i].bytes, sizeof mids[i].bytes, SQLITE_STATIC);
        sqlite3_bind_int64(ms, 2, tk);
        int sr = sqlite3_step(ms);
        if (sr == SQLITE_DONE) {
            sqlite3_reset(ms);
            continue;
        }
        if (sr != SQLITE_ROW) {
            rc = sql_fail(s, "reading a message");
            sqlite3_reset(ms);
            break;
        }
        /* The record straight from the row: its strings stay in ms's row
         * until the reset below, after the callback. */
        mtrk_store_message m;
        memset(&m, 0, sizeof m);
        m.version = MTRK_STORE_MESSAGE_VERSION;
        for (unsigned j = 0; j < mm->nfields; j++)
            field_from_stmt(ms, (int)j, &mf[j], (char *)&m);
        int64_t mk = sqlite3_column_int64(ms, (int)mm->nfields);
        mk_put(ty, &mids[i], mk, tk);
        int marked = 0;
        for (size_t b = 0; b < sizeof m.folded_event.bytes; b++)
            marked |= m.folded_event.bytes[b];
        sqlite3_stmt *es = marked ? ty->load_ev_after : ty->load_ev;
        sqlite3_bind_int64(es, 1, mk);
        if (marked) {
            sqlite3_bind_int64(es, 2, m.folded_occurred_at);
            sqlite3_bind_int64(es, 3, m.folded_arrived_at);
        }
        size_t nev = 0;
        rc = gather_events(s, es, &m, marked ? &m : NULL, &nev);
        sqlite3_reset(es);
        if (rc == 0) {
            s->depth++;
            rc = fn(userdata, &m, ty->ptrs, nev);
            s->depth--;
        }
        sqlite3_reset(ms);
    }
    return rc;
}

static int sq_provider_ids_find(mtrk_store *store, mtrk_id tenant, const char *const *providers,
                                const char *const *event_ids, size_t n, mtrk_store_event_fn fn, void *userdata)
{
    sqlstore *s = (sqlstore *)store;
    int rc = typed_check(s, "provider_ids_find", 0);
    if (rc)
        return rc;
    if (n && (providers == NULL || event_ids == NULL || fn == NULL))
        return fail(s, MTRK_EINVAL, "sqlite store: provider_ids_find: %s is NULL",
                    fn == NULL ? "fn" : providers == NULL ? "providers" : "event_ids");
    int64_t tk = 0;
    if ((rc = typed_prepare(s)) || (rc = tenant_key(s, &tenant, &tk)))
        return rc;
    typed_state *ty = &s->ty;
    const tstate *et = &s->ts[ty->ev_table];
    unsigned nc = et->def->ncols;
    mtrk_value row[MAX_COLS];
    sqlite3_stmt *st = ty->find_pid;
    for (size_t i = 0; rc == 0 && tk != 0 && i < n; i++) {
        if (providers[i] == NULL || event_ids[i] == NULL)
            continue;
        sqlite3_bind_int64(st, 1, tk);
        sqlite3_bind_text(st, 2, providers[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, event_ids[i], -1, SQLITE_STATIC);
        int sr = sqlite3_step(st);
        if (sr == SQLITE_ROW) {
            row_from_stmt(st, nc, row);
            for (unsigned c = 0; c < nc; c++)
                if (et->ck[c] == CK_TENANT)
                    row[c] = (mtrk_value){ MTRK_VAL_BLOB, 0, tenant.bytes, sizeof tenant.bytes };
            mtrk_store_event ev;
            rec_event_from_row(&ty->rec, row, &ev);
            s->depth++;
            rc = fn(userdata, i, &ev);
            s->depth--;
        } else if (sr != SQLITE_DONE) {
            rc = sql_fail(s, "reading an event by its provider's id");
        }
        sqlite3_reset(st);
    }
    return rc;
}

/* Events per INSERT of events_append (a run shorter than this is
 * inserted one by one). Measured: 128 was no better than 32 at 1,000
 * events per call, whose tail of single inserts grew. */
#define EV_BATCH 32

/* INSERT INTO event_rows of `rows` events: the tenant's and the message's
 * integer keys bound as they are, then the event record's other fields,
 * each bound from its field (bind_event): no generic row, no row check, a
 * record's fields having their columns' types. OR ROLLBACK: a conflict (an
 * id or provider event id stored already) ends the whole transaction at
 * once, as the contract lets a failed append do (the core rolls back on any
 * failure of it). With no statement to undo on its own, SQLite keeps no
 * statement journal for the multi-row INSERT: that journal (each page the
 * statement touched copied aside, then discarded) was a fifth of an
 * append's instructions (docs/performance.md). tx_lost() refuses any
 * further write of the lost transaction. */
static int build_event_insert(sqlstore *s, unsigned rows, sqlite3_stmt **out)
{
    const rec_map *em = &s->ty.rec.ev;
    strbuf b = { 0 };
    sb_printf(&b, "INSERT OR ROLLBACK INTO event_rows (\"tenant_k\"");
    for (unsigned i = 0; i < em->nfields; i++)
        if ((int)i != s->ty.ev_contact)
            sb_printf(&b, ", \"%s\"", (int)i == s->ty.ev_message    ? "message_k"
                                      : (int)i == s->ty.ev_campaign ? "campaign_k"
                                                                     : em->def->cols[em->col[i]].name);
    sb_printf(&b, ") VALUES ");
    unsigned p = 1;
    for (unsigned r = 0; r < rows; r++) {
        sb_printf(&b, "%s(", r ? ", " : "");
        for (unsigned i = 0; i < em->nfields; i++) /* the tenant, the fields but the contact */
            sb_printf(&b, "%s?%u", i ? ", " : "", p++);
        sb_printf(&b, ")");
    }
    return prepare(s, &b, out, 1);
}

static int field_empty(const rec_field *f, const char *base);

/* Binds event e from ?p on: the tenant's key tk, then its fields, the
 * message as its key mk, the campaign as its key ck, the contact not at
 * all (the message's). As rec_event_to_row makes a row: a 0 integer, nil
 * id or NULL string in a nullable column is NULL (every string column is
 * nullable: rec_maps_init checks). */
static int bind_event(sqlstore *s, sqlite3_stmt *st, int p, int64_t tk, int64_t mk, int64_t ck,
                      const mtrk_store_event *e)
{
    const rec_map *em = &s->ty.rec.ev;
    const rec_field *f = rec_event_fields();
    int sr = sqlite3_bind_int64(st, p++, tk);
    for (unsigned i = 0; i < em->nfields && sr == SQLITE_OK; i++, p++) {
        const char *at = (const char *)e + f[i].off;
        if ((int)i == s->ty.ev_contact)
            p--;
        else if ((int)i == s->ty.ev_message)
            sr = sqlite3_bind_int64(st, p, mk);
        else if ((int)i == s->ty.ev_campaign)
            sr = sqlite3_bind_int64(st, p, ck);
        else if (em->nullable[i] && field_empty(&f[i], (const char *)e))
            sr = sqlite3_bind_null(st, p);
        else if (f[i].kind == REC_K_ID)
            sr = sqlite3_bind_blob(st, p, at, (int)sizeof(mtrk_id), SQLITE_STATIC);
        else if (f[i].kind == REC_K_INT)
            sr = sqlite3_bind_int64(st, p, *(const int64_t *)at);
        else
            sr = sqlite3_bind_text(st, p, *(const char *const *)at, -1, SQLITE_STATIC);
    }
    return sr == SQLITE_OK ? 0 : sql_fail(s, "binding a value");
}

static int sq_events_append(mtrk_store *store, mtrk_id tenant, const mtrk_store_event *const *events, size_t n)
{
    sqlstore *s = (sqlstore *)store;
    int rc = typed_check(s, "events_append", 1);
    if (rc)
        return rc;
    if (n && events == NULL)
        return fail(s, MTRK_EINVAL, "sqlite store: events_append: events is NULL");
    int64_t tk = 0;
    if ((rc = typed_prepare(s)) || (rc = tenant_key(s, &tenant, &tk)))
        return rc;
    if (n && tk == 0)
        return fail(s, MTRK_ENOTFOUND, "sqlite store: events_append: no such tenant");
    typed_state *ty = &s->ty;
    unsigned per = ty->rec.ev.nfields; /* the tenant, the fields but the contact */
    if (ty->ins == NULL && (rc = build_event_insert(s, 1, &ty->ins)))
        return rc;
    if (ty->insn == NULL && (size_t)per * EV_BATCH <= 32766 && (rc = build_event_insert(s, EV_BATCH, &ty->insn)))
        return rc;
    /* Bound SQLITE_STATIC: the values point into the records, which the
     * caller keeps until the call returns. */
    for (size_t i = 0; i < n && rc == 0;) {
        unsigned run = ty->insn && n - i >= EV_BATCH ? EV_BATCH : 1;
        sqlite3_stmt *st = run == 1 ? ty->ins : ty->insn;
        for (unsigned r = 0; r < run && rc == 0; r++) {
            const mtrk_store_event *e = events[i + r];
            if (e == NULL || e->version == 0) {
                rc = fail(s, MTRK_EINVAL, "sqlite store: events_append: event %zu is NULL or unversioned", i + r);
                break;
            }
            int64_t mk = 0;
            if ((rc = mk_get(s, &e->message, tk, &mk)))
                break;
            if (mk == 0) {
                rc = fail(s, MTRK_ENOTFOUND, "sqlite store: events_append: event %zu: its message does not exist",
                          i + r);
                break;
            }
            int64_t ck = 0;
            if ((rc = campaign_key(s, &e->campaign, &ck)))
                break;
            if (ck == 0) {
                rc = fail(s, MTRK_ENOTFOUND, "sqlite store: events_append: event %zu: its campaign does not exist",
                          i + r);
                break;
            }
            rc = bind_event(s, st, (int)(r * per) + 1, tk, mk, ck, e);
        }
        if (rc == 0 && sqlite3_step(st) != SQLITE_DONE) {
            rc = sql_fail(s, "events_append");
            if (rc == MTRK_EEXISTS)
                fail(s, rc, "sqlite store: events_append: an event with this id or provider event id exists (%s)",
                     sqlite3_errmsg(s->db));
        }
        sqlite3_reset(st);
        i += run;
    }
    return rc;
}

static int sq_messages_update(mtrk_store *store, mtrk_id tenant, const mtrk_store_message *const *messages,
                              const unsigned *masks, size_t n)
{
    sqlstore *s = (sqlstore *)store;
    int rc = typed_check(s, "messages_update", 1);
    if (rc)
        return rc;
    if (n && messages == NULL)
        return fail(s, MTRK_EINVAL, "sqlite store: messages_update: messages is NULL");
    typed_state *ty = &s->ty;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (messages[i] == NULL || messages[i]->version == 0)
            return fail(s, MTRK_EINVAL, "sqlite store: messages_update: message %zu is NULL or unversioned", i);
        mtrk_value row[MAX_COLS];
        memset(row, 0, sizeof row);
        uint64_t cols = 0;
        /* Every column of the row (its key, and values the checks accept),
         * then the columns the mask names: only those are written. */
        rec_message_to_row(&ty->rec, &tenant, messages[i], 0, row, &cols);
        if (masks && masks[i])
            rec_message_to_row(&ty->rec, &tenant, messages[i], masks[i], row, &cols);
        mtrk_change ch = { MTRK_CHANGE_VERSION, MTRK_CHANGE_UPDATE, ty->msg_table, row, cols & ~ty->msg_fixed };
        rc = apply_one(s, &ch, i);
    }
    return rc;
}

/* messages_insert (contract version 6): new messages straight into
 * message_rows, many to a statement, the tenant's integer key bound once
 * as ?1 of every row (no lookup of it per row), each value bound from its
 * record field (no generic row, no row check: a record's fields have their
 * columns' types). A new message has no facts, provider id or mark yet: a
 * run of such messages goes in statements of gen_rows[] rows (the largest
 * that fits what is left of the run: a page of 465 is 7 x 64 + 2 x 8 + 1),
 * binding only the fields of its id, campaign, contact, creation and
 * state, the others being the statement's constants (0, or NULL in a
 * nullable column, which is how an empty field is stored); any other
 * record is written whole, one row a statement. */
static const unsigned gen_rows[] = { 64, 8, 1 };
#define GEN_SIZES (sizeof gen_rows / sizeof gen_rows[0])
/* gen_ins[0]: a whole record; gen_ins[1 + j]: gen_rows[j] new messages. */
#define GEN_STMTS (1 + GEN_SIZES)
#define GEN_LATER (MTRK_STORE_MSG_FACTS | MTRK_STORE_MSG_PROVIDER_ID | MTRK_STORE_MSG_MARK)

/* Is field f of the message record at base empty (0, nil or NULL)? */
static int field_empty(const rec_field *f, const char *base)
{
    static const mtrk_id nil;
    const void *p = base + f->off;
    return f->kind == REC_K_ID ? memcmp(p, &nil, sizeof nil) == 0
           : f->kind == REC_K_INT ? *(const int64_t *)p == 0
                                  : *(const char *const *)p == NULL;
}

/* A record whose fields of the groups GEN_LATER are all empty. */
static int message_fresh(const rec_maps *m, const mtrk_store_message *rec)
{
    const rec_field *f = rec_message_fields();
    for (unsigned i = 0; i < m->msg.nfields; i++)
        if ((f[i].group & GEN_LATER) && !field_empty(&f[i], (const char *)rec))
            return 0;
    return 1;
}

/* INSERT INTO message_rows (tenant_k, the record's columns) VALUES of
 * `rows` rows; `fresh`: the fields of GEN_LATER as constants. */
static int build_message_insert(sqlstore *s, unsigned rows, int fresh, sqlite3_stmt **out)
{
    const rec_map *rm = &s->ty.rec.msg;
    const rec_field *f = rec_message_fields();
    strbuf b = { 0 };
    sb_printf(&b, "INSERT INTO \"message_rows\" (\"tenant_k\"");
    for (unsigned i = 0; i < rm->nfields; i++)
        sb_printf(&b, ", \"%s\"", rm->def->cols[rm->col[i]].name);
    sb_printf(&b, ") VALUES ");
    unsigned p = 2;
    for (unsigned r = 0; r < rows; r++) {
        sb_printf(&b, "%s(?1", r ? ", " : "");
        for (unsigned i = 0; i < rm->nfields; i++) {
            if (fresh && (f[i].group & GEN_LATER))
                sb_printf(&b, ", %s", rm->nullable[i] ? "NULL" : "0");
            else
                sb_printf(&b, ", ?%u", p++);
        }
        sb_printf(&b, ")");
    }
    return prepare(s, &b, out, 1);
}

/* Binds the fields of rec the statement has parameters for, from ?*p on. */
static int bind_message(sqlstore *s, sqlite3_stmt *st, const mtrk_store_message *rec, int fresh, int *p)
{
    const rec_map *rm = &s->ty.rec.msg;
    const rec_field *f = rec_message_fields();
    for (unsigned i = 0; i < rm->nfields; i++) {
        if (fresh && (f[i].group & GEN_LATER))
            continue;
        const char *at = (const char *)rec + f[i].off;
        int sr, k = (*p)++;
        if (rm->nullable[i] && field_empty(&f[i], (const char *)rec))
            sr = sqlite3_bind_null(st, k);
        else if (f[i].kind == REC_K_ID)
            sr = sqlite3_bind_blob(st, k, at, (int)sizeof(mtrk_id), SQLITE_STATIC);
        else if (f[i].kind == REC_K_INT)
            sr = sqlite3_bind_int64(st, k, *(const int64_t *)at);
        else if (*(const char *const *)at == NULL)
            sr = sqlite3_bind_null(st, k); /* not nullable: the insert fails, naming the column */
        else
            sr = sqlite3_bind_text(st, k, *(const char *const *)at, -1, SQLITE_STATIC);
        if (sr != SQLITE_OK)
            return sql_fail(s, "binding a value");
    }
    return 0;
}

static int sq_messages_insert(mtrk_store *store, mtrk_id tenant, const mtrk_store_message *const *messages, size_t n)
{
    sqlstore *s = (sqlstore *)store;
    int rc = typed_check(s, "messages_insert", 1);
    if (rc)
        return rc;
    if (n && messages == NULL)
        return fail(s, MTRK_EINVAL, "sqlite store: messages_insert: messages is NULL");
    for (size_t i = 0; i < n; i++)
        if (messages[i] == NULL || messages[i]->version == 0)
            return fail(s, MTRK_EINVAL, "sqlite store: messages_insert: message %zu is NULL or unversioned", i);
    if (n == 0)
        return 0;
    int64_t tk = 0;
    if ((rc = typed_prepare(s)) || (rc = tenant_key(s, &tenant, &tk)))
        return rc;
    if (tk == 0)
        return fail(s, MTRK_ENOTFOUND, "sqlite store: messages_insert: no such tenant");
    const rec_maps *rm = &s->ty.rec;
    for (size_t i = 0; i < n && rc == 0;) {
        size_t run = 0;
        while (i + run < n && run < gen_rows[0] && message_fresh(rm, messages[i + run]))
            run++;
        unsigned which = 0;
        if (run == 0) {
            run = 1;
        } else {
            unsigned j = 0;
            while (gen_rows[j] > run)
                j++;
            run = gen_rows[j];
            which = 1 + j;
        }
        if (s->gen_ins[which] == NULL &&
            (rc = build_message_insert(s, which ? gen_rows[which - 1] : 1, which != 0, &s->gen_ins[which])))
            return rc;
        sqlite3_stmt *st = s->gen_ins[which];
        if (sqlite3_bind_int64(st, 1, tk) != SQLITE_OK)
            rc = sql_fail(s, "binding a value");
        int p = 2;
        for (size_t r = 0; r < run && rc == 0; r++)
            rc = bind_message(s, st, messages[i + r], which != 0, &p);
        if (rc == 0 && sqlite3_step(st) != SQLITE_DONE) {
            rc = sql_fail(s, "messages_insert");
            if (rc == MTRK_EEXISTS)
                fail(s, rc, "sqlite store: messages_insert: a message with this id, or of this campaign and contact,"
                            " exists (%s)", sqlite3_errmsg(s->db));
        }
        sqlite3_reset(st);
        i += run;
    }
    return rc;
}

/* members_read (contract version 6): each audience's first `limit`
 * contacts after `after` (a range of its primary key), merged here into
 * the page; then the facts of the page's members by three ordered range
 * reads over [first, last] of the page, matched against its sorted ids as
 * they go (the core's probes, without generic rows): the contact rows
 * (primary key), the campaign's messages (messages_by_campaign_contact, on
 * the tenant's integer key) and the unsubscribe rules (primary key). A
 * read that passes GEN_GALLOP rows matching no member seeks to the next
 * member instead (members sparse among the tenant's contacts). Measured:
 * one statement per member (three lookups) cost twice the range reads. */
#define GEN_GALLOP 16
enum { GR_AUDIENCE, GR_CONTACTS, GR_MESSAGES, GR_UNSUBS, GR_STMTS };
static const char *const gen_rd_sql[GR_STMTS] = {
    "SELECT \"contact\" FROM \"audience_contacts\" WHERE \"tenant\" = ?1 AND \"audience\" = ?4 AND \"contact\" > ?2"
    " ORDER BY \"contact\" LIMIT ?3",
    "SELECT \"id\", \"status\", \"address_key\" FROM \"contacts\" WHERE \"tenant\" = ?1 AND \"id\" >= ?2"
    " AND \"id\" <= ?3 ORDER BY \"id\"",
    "SELECT \"contact\" FROM \"message_rows\" WHERE \"tenant_k\" = ?1 AND \"campaign\" = ?4 AND \"contact\" >= ?2"
    " AND \"contact\" <= ?3 ORDER BY \"contact\"",
    "SELECT \"contact\", \"scope\", \"scope_id\" FROM \"unsubscribes\" WHERE \"tenant\" = ?1 AND \"contact\" >= ?2"
    " AND \"contact\" <= ?3 ORDER BY \"contact\", \"scope\", \"scope_id\"",
};

static int bind_id(sqlstore *s, sqlite3_stmt *st, int i, const mtrk_id *id)
{
    int sr = id ? sqlite3_bind_blob(st, i, id->bytes, (int)sizeof id->bytes, SQLITE_STATIC)
                : sqlite3_bind_zeroblob(st, i, 0); /* below every id */
    return sr == SQLITE_OK ? 0 : sql_fail(s, "binding a value");
}

/* What members_read gathers about one page. */
typedef struct gen_page_rd {
    size_t n;
    mtrk_id *ids;            /* the members, ascending */
    unsigned char *in;       /* [n * naud] */
    unsigned char *found, *has_msg;
    int64_t *status;
    size_t *addr;            /* offset + 1 into bytes, 0: NULL */
    char *bytes;
    size_t nbytes, capbytes;
    size_t *u_first, *u_count; /* each member's rules in the arrays below */
    int64_t *scopes;
    mtrk_id *scope_ids;
    size_t nu, capu;
} gen_page_rd;

typedef int (*gen_hit_fn)(sqlstore *s, gen_page_rd *p, size_t k, sqlite3_stmt *st);

/* Walks st (?2 the lower bound, ?3 the upper, the rest bound by the
 * caller) in id order, calling hit for each row whose first column is
 * member k's id. */
static int range_walk(sqlstore *s, sqlite3_stmt *st, gen_page_rd *p, gen_hit_fn hit, const char *what)
{
    size_t pos = 0;
    int rc = 0;
    if (p->n == 0)
        return 0;
    if ((rc = bind_id(s, st, 3, &p->ids[p->n - 1])))
        return rc;
    while (pos < p->n && rc == 0) {
        if ((rc = bind_id(s, st, 2, &p->ids[pos])))
            break;
        int sr, misses = 0, reseek = 0;
        while ((sr = sqlite3_step(st)) == SQLITE_ROW) {
            if (sqlite3_column_bytes(st, 0) != (int)sizeof(mtrk_id))
                continue;
            const void *id = sqlite3_column_blob(st, 0);
            int c = 1;
            while (pos < p->n && (c = memcmp(id, p->ids[pos].bytes, sizeof(mtrk_id))) > 0)
                pos++;
            if (pos == p->n)
                break;
            if (c == 0) {
                misses = 0;
                if ((rc = hit(s, p, pos, st)))
                    break;
            } else if (++misses > GEN_GALLOP) {
                reseek = 1;
                break;
            }
        }
        if (rc == 0 && sr != SQLITE_ROW && sr != SQLITE_DONE)
            rc = sql_fail(s, what);
        sqlite3_reset(st);
        if (!reseek)
            break;
    }
    return rc;
}

static int hit_contact_row(sqlstore *s, gen_page_rd *p, size_t k, sqlite3_stmt *st)
{
    p->found[k] = 1;
    p->status[k] = sqlite3_column_int64(st, 1);
    const char *a = (const char *)sqlite3_column_text(st, 2);
    if (a == NULL)
        return 0;
    size_t len = strlen(a) + 1;
    if (p->nbytes + len > p->capbytes) {
        size_t cap = p->capbytes ? p->capbytes : 4096;
        while (cap < p->nbytes + len)
            cap *= 2;
        char *b = realloc(p->bytes, cap);
        if (b == NULL)
            return fail(s, MTRK_ENOMEM, "sqlite store: out of memory reading members");
        p->bytes = b;
        p->capbytes = cap;
    }
    memcpy(p->bytes + p->nbytes, a, len);
    p->addr[k] = p->nbytes + 1;
    p->nbytes += len;
    return 0;
}

static int hit_message_row(sqlstore *s, gen_page_rd *p, size_t k, sqlite3_stmt *st)
{
    (void)s;
    (void)st;
    p->has_msg[k] = 1;
    return 0;
}

static int hit_unsub_row(sqlstore *s, gen_page_rd *p, size_t k, sqlite3_stmt *st)
{
    if (p->nu == p->capu) {
        size_t cap = p->capu ? 2 * p->capu : 64;
        int64_t *a = realloc(p->scopes, cap * sizeof *a);
        if (a)
            p->scopes = a;
        mtrk_id *b = a ? realloc(p->scope_ids, cap * sizeof *b) : NULL;
        if (b == NULL)
            return fail(s, MTRK_ENOMEM, "sqlite store: out of memory reading unsubscribes");
        p->scope_ids = b;
        p->capu = cap;
    }
    if (p->u_count[k] == 0)
        p->u_first[k] = p->nu;
    p->scopes[p->nu] = sqlite3_column_int64(st, 1);
    memset(&p->scope_ids[p->nu], 0, sizeof(mtrk_id));
    if (sqlite3_column_type(st, 2) == SQLITE_BLOB && sqlite3_column_bytes(st, 2) == (int)sizeof(mtrk_id))
        memcpy(&p->scope_ids[p->nu], sqlite3_column_blob(st, 2), sizeof(mtrk_id));
    p->nu++;
    p->u_count[k]++;
    return 0;
}

static int sq_members_read(mtrk_store *store, mtrk_id tenant, mtrk_id campaign, const mtrk_id *audiences, size_t naud,
                           const mtrk_id *after, size_t limit, mtrk_store_member_fn fn, void *userdata)
{
    sqlstore *s = (sqlstore *)store;
    int rc = typed_check(s, "members_read", 0);
    if (rc)
        return rc;
    if (audiences == NULL || naud == 0 || fn == NULL || limit == 0)
        return fail(s, MTRK_EINVAL, "sqlite store: members_read: %s",
                    fn == NULL ? "fn is NULL" : limit == 0 ? "limit is 0" : "no audiences");
    if (limit > 65536 || naud > SIZE_MAX / sizeof(mtrk_id) / limit)
        return fail(s, MTRK_EINVAL, "sqlite store: members_read: %zu audiences, limit %zu: too many", naud, limit);
    int64_t tk = 0;
    if ((rc = typed_prepare(s)) || (rc = tenant_key(s, &tenant, &tk)))
        return rc;
    for (int k = 0; k < GR_STMTS; k++) {
        if (s->gen_rd[k] == NULL) {
            strbuf b = { 0 };
            sb_printf(&b, "%s", gen_rd_sql[k]);
            if ((rc = prepare(s, &b, &s->gen_rd[k], 1)))
                return rc;
        }
    }
    /* Each audience's next contacts, back to back: audience i's at
     * ids[i * limit], n[i] of them; pos[i] its merge position. */
    mtrk_id *aids = malloc(naud * limit * sizeof *aids);
    size_t *an = calloc(naud, sizeof *an), *apos = calloc(naud, sizeof *apos);
    gen_page_rd p;
    memset(&p, 0, sizeof p);
    p.ids = malloc(limit * sizeof *p.ids);
    p.in = calloc(limit, naud);
    p.found = calloc(limit, 1);
    p.has_msg = calloc(limit, 1);
    p.status = calloc(limit, sizeof *p.status);
    p.addr = calloc(limit, sizeof *p.addr);
    p.u_first = calloc(limit, sizeof *p.u_first);
    p.u_count = calloc(limit, sizeof *p.u_count);
    if (aids == NULL || an == NULL || apos == NULL || p.ids == NULL || p.in == NULL || p.found == NULL ||
        p.has_msg == NULL || p.status == NULL || p.addr == NULL || p.u_first == NULL || p.u_count == NULL)
        rc = fail(s, MTRK_ENOMEM, "sqlite store: out of memory reading members");
    sqlite3_stmt *a = s->gen_rd[GR_AUDIENCE];
    for (size_t i = 0; i < naud && rc == 0; i++) {
        if ((rc = bind_id(s, a, 1, &tenant)) || (rc = bind_id(s, a, 4, &audiences[i])) ||
            (rc = bind_id(s, a, 2, after)))
            break;
        if (sqlite3_bind_int64(a, 3, (sqlite3_int64)limit) != SQLITE_OK) {
            rc = sql_fail(s, "binding a value");
            break;
        }
        int sr;
        while ((sr = sqlite3_step(a)) == SQLITE_ROW)
            if (sqlite3_column_bytes(a, 0) == (int)sizeof(mtrk_id))
                memcpy(&aids[i * limit + an[i]++], sqlite3_column_blob(a, 0), sizeof(mtrk_id));
        if (sr != SQLITE_DONE)
            rc = sql_fail(s, "members_read (audience_contacts)");
        sqlite3_reset(a);
    }
    while (rc == 0 && p.n < limit) {
        const mtrk_id *min = NULL;
        for (size_t i = 0; i < naud; i++)
            if (apos[i] < an[i] && (min == NULL || memcmp(aids[i * limit + apos[i]].bytes, min->bytes, 16) < 0))
                min = &aids[i * limit + apos[i]];
        if (min == NULL)
            break;
        size_t k = p.n++;
        p.ids[k] = *min;
        for (size_t i = 0; i < naud; i++) {
            unsigned char hit = apos[i] < an[i] && memcmp(aids[i * limit + apos[i]].bytes, p.ids[k].bytes, 16) == 0;
            p.in[k * naud + i] = hit;
            apos[i] += hit;
        }
    }
    sqlite3_stmt *c = s->gen_rd[GR_CONTACTS], *m = s->gen_rd[GR_MESSAGES], *u = s->gen_rd[GR_UNSUBS];
    if (rc == 0 && p.n && (rc = bind_id(s, c, 1, &tenant)) == 0)
        rc = range_walk(s, c, &p, hit_contact_row, "members_read (contacts)");
    if (rc == 0 && p.n && tk != 0) {
        if (sqlite3_bind_int64(m, 1, tk) != SQLITE_OK)
            rc = sql_fail(s, "binding a value");
        if (rc == 0 && (rc = bind_id(s, m, 4, &campaign)) == 0)
            rc = range_walk(s, m, &p, hit_message_row, "members_read (messages)");
    }
    if (rc == 0 && p.n && (rc = bind_id(s, u, 1, &tenant)) == 0)
        rc = range_walk(s, u, &p, hit_unsub_row, "members_read (unsubscribes)");
    for (size_t k = 0; rc == 0 && k < p.n; k++) {
        mtrk_store_member r;
        memset(&r, 0, sizeof r);
        r.version = MTRK_STORE_MEMBER_VERSION;
        r.contact = p.ids[k];
        r.found = p.found[k];
        r.status = p.status[k];
        r.address_key = p.addr[k] ? p.bytes + p.addr[k] - 1 : NULL;
        r.in_audience = &p.in[k * naud];
        r.has_message = p.has_msg[k];
        r.nunsubs = p.u_count[k];
        if (r.nunsubs) {
            r.unsub_scopes = &p.scopes[p.u_first[k]];
            r.unsub_scope_ids = &p.scope_ids[p.u_first[k]];
        }
        s->depth++;
        int fr = fn(userdata, &r);
        s->depth--;
        if (fr < 0)
            rc = fr;
    }
    free(aids);
    free(an);
    free(apos);
    free(p.ids);
    free(p.in);
    free(p.found);
    free(p.has_msg);
    free(p.status);
    free(p.addr);
    free(p.bytes);
    free(p.u_first);
    free(p.u_count);
    free(p.scopes);
    free(p.scope_ids);
    return rc;
}

static int typed_init(sqlstore *s)
{
    char why[200];
    int rc = rec_maps_init(&s->ty.rec, why, sizeof why);
    if (rc)
        return fail(s, rc, "sqlite store: %s", why);
    s->ty.msg_table = s->ty.rec.msg.table;
    s->ty.ev_table = s->ty.rec.ev.table;
    const mtrk_table_def *md = s->ts[s->ty.msg_table].def;
    for (unsigned c = 0; c < md->ncols && c < 64; c++)
        if (strcmp(md->cols[c].name, "campaign") == 0 || strcmp(md->cols[c].name, "contact") == 0 ||
            strcmp(md->cols[c].name, "created_at") == 0)
            s->ty.msg_fixed |= UINT64_C(1) << c;
    if (s->ts[s->ty.msg_table].map != MAP_MESSAGES || s->ts[s->ty.ev_table].map != MAP_EVENTS)
        return fail(s, MTRK_ESTORE, "sqlite store: the typed records are not kept in messages and events");
    /* Every field is a stored column of its own but the event's message,
     * kept as message_k (messages_load and events_append read and write
     * the fields straight from and into their rows). */
    const rec_map *em = &s->ty.rec.ev, *mm = &s->ty.rec.msg;
    s->ty.ev_message = s->ty.ev_campaign = s->ty.ev_contact = -1;
    int bad = em->nfields > 64;
    for (unsigned i = 0; i < em->nfields; i++) {
        int ck = s->ts[s->ty.ev_table].ck[em->col[i]];
        if (ck == CK_MESSAGE)
            s->ty.ev_message = (int)i;
        else if (ck == CK_CAMPAIGN)
            s->ty.ev_campaign = (int)i;
        else if (ck == CK_CONTACT)
            s->ty.ev_contact = (int)i;
        else if (ck != CK_PLAIN)
            bad = 1;
    }
    for (unsigned i = 0; i < mm->nfields; i++)
        if (s->ts[s->ty.msg_table].ck[mm->col[i]] != CK_PLAIN)
            bad = 1;
    if (bad || s->ty.ev_message < 0 || s->ty.ev_campaign < 0 || s->ty.ev_contact < 0)
        return fail(s, MTRK_ESTORE, "sqlite store: the typed records' fields are not the tables' columns");
    return 0;
}

/* counters_add (contract version 5): one prepared upsert per kind, run once
 * per delta; the addition happens in the statement, on the stored value. */
static int build_counter_upsert(sqlstore *s, const ctr_map *k, sqlite3_stmt **out)
{
    const mtrk_table_def *def = k->def;
    strbuf b = { 0 };
    sb_printf(&b, "INSERT INTO \"%s\" VALUES (", def->name);
    for (unsigned c = 0; c < def->ncols; c++)
        sb_printf(&b, "%s?%u", c ? ", " : "", c + 1);
    sb_printf(&b, ") ON CONFLICT (");
    for (unsigned c = 0; c < k->nkey; c++)
        sb_printf(&b, "%s\"%s\"", c ? ", " : "", def->cols[c].name);
    sb_printf(&b, ") DO UPDATE SET ");
    for (unsigned i = 0; i < k->ncounters; i++) {
        const char *col = def->cols[k->counter_col[i]].name;
        sb_printf(&b, "%s\"%s\" = \"%s\" + excluded.\"%s\"", i ? ", " : "", col, col, col);
    }
    return prepare(s, &b, out, 1);
}

static int sq_counters_add(mtrk_store *store, mtrk_id tenant, int kind, const mtrk_store_counter_delta *const *deltas,
                           size_t n)
{
    sqlstore *s = (sqlstore *)store;
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "sqlite store: counters_add outside a transaction");
    if (!s->write)
        return fail(s, MTRK_ESTORE, "sqlite store: counters_add in a read transaction");
    if (s->depth > 0)
        return fail(s, MTRK_ESTORE, "sqlite store: counters_add called from a row callback");
    if (tx_lost(s))
        return fail(s, MTRK_ESTORE, "sqlite store: counters_add after a failure rolled the transaction back");
    const ctr_map *k = ctr_kind(&s->ctr, kind);
    if (k == NULL)
        return fail(s, MTRK_EINVAL, "sqlite store: counters_add: unknown kind %d", kind);
    char why[200];
    int rc = ctr_check(k, deltas, n, why, sizeof why);
    if (rc)
        return fail(s, rc, "sqlite store: counters_add: %s", why);
    if (n == 0)
        return 0;
    cstmt *c = &s->ctr_up[kind];
    if (c->st == NULL && (rc = build_counter_upsert(s, k, &c->st)))
        return rc;
    sqlite3_stmt *st = c->st;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        mtrk_value row[CTR_MAX_COLS];
        ctr_row(k, &tenant, deltas[i], row);
        for (unsigned j = 0; j < k->def->ncols && rc == 0; j++)
            rc = bind_value(s, st, (int)j + 1, &row[j]);
        if (rc == 0 && sqlite3_step(st) != SQLITE_DONE)
            rc = sql_fail(s, k->def->name);
        sqlite3_reset(st);
    }
    return rc;
}

/* events_scan (contract version 7): one statement per call. A message's
 * events come from events_by_message (its integer key found by id), in
 * event-time order (its ties sorted by SQLite); a campaign's from
 * events_by_campaign in index order, from the hour of the first event that
 * can pass, each hour gathered and put in event-time order here (the index
 * holds an hour's events in the order of their rows' keys): measured, SQLite's own sort of the
 * ORDER BY's right part cost about twice the whole listing, copying every
 * row into its sorter. ?1 owner, ?2 tenant key, ?3 type, ?4 from, ?5 to,
 * ?6 after_set, ?7-?9 the position, ?10 limit (a message's), ?11 the first
 * hour (a campaign's). */
static int ev_scan_prepare(sqlstore *s, int by)
{
    const tstate *et = &s->ts[s->ty.ev_table];
    strbuf b = { 0 };
    int camp = by == MTRK_STORE_EVENTS_BY_CAMPAIGN;
    sql_typed_select(&b, et, camp);
    if (camp)
        sb_printf(&b, " FROM event_rows AS r INDEXED BY \"events_by_campaign\"%s WHERE r.campaign_k ="
                      " (SELECT k FROM campaign_keys WHERE id = ?1) AND r.tenant_k = ?2"
                      " AND r.occurred_hour >= ?11 AND (?5 = 0 OR r.occurred_hour < ?5)", ev_join);
    else
        sb_printf(&b, " FROM event_rows AS r%s WHERE r.message_k ="
                      " (SELECT k FROM message_rows WHERE id = ?1 AND tenant_k = ?2)", ev_join);
    sb_printf(&b, " AND (?3 = 0 OR r.type = ?3) AND r.occurred_at >= ?4 AND (?5 = 0 OR r.occurred_at < ?5)"
                  " AND (?6 = 0 OR (r.occurred_at, r.arrived_at, r.id) > (?7, ?8, ?9)) ORDER BY %s",
              camp ? "r.occurred_hour" : "r.occurred_at, r.arrived_at, r.id LIMIT ?10");
    return prepare(s, &b, &s->ev_scan[by], 1);
}

/* One hour's rows of a campaign scan, copied (strings and blobs kept as
 * offsets into bytes until the hour is handed over). */
typedef struct hour_rows {
    mtrk_value *vals;
    size_t n, capvals;
    char *bytes;
    size_t nbytes, capbytes;
    mtrk_store_event *recs;
    const mtrk_store_event **ptrs;
    size_t caprecs;
} hour_rows;

static int hour_keep(hour_rows *h, sqlite3_stmt *st, unsigned nc)
{
    if ((h->n + 1) * nc > h->capvals) {
        size_t cap = h->capvals ? 2 * h->capvals : 256 * (size_t)nc;
        mtrk_value *p = realloc(h->vals, cap * sizeof *p);
        if (p == NULL)
            return MTRK_ENOMEM;
        h->vals = p;
        h->capvals = cap;
    }
    mtrk_value *row = &h->vals[h->n * nc];
    row_from_stmt(st, nc, row);
    for (unsigned c = 0; c < nc; c++) {
        if (row[c].type != MTRK_VAL_TEXT && row[c].type != MTRK_VAL_BLOB)
            continue;
        if (h->nbytes + row[c].n + 1 > h->capbytes) {
            size_t cap = h->capbytes ? 2 * h->capbytes : 65536;
            while (cap < h->nbytes + row[c].n + 1)
                cap *= 2;
            char *p = realloc(h->bytes, cap);
            if (p == NULL)
                return MTRK_ENOMEM;
            h->bytes = p;
            h->capbytes = cap;
        }
        if (row[c].n)
            memcpy(h->bytes + h->nbytes, row[c].p, row[c].n);
        h->bytes[h->nbytes + row[c].n] = '\0';
        row[c].p = (const void *)(uintptr_t)h->nbytes;
        h->nbytes += row[c].n + 1;
    }
    h->n++;
    return 0;
}

static int ev_rec_cmp(const void *x, const void *y)
{
    const mtrk_store_event *a = *(const mtrk_store_event *const *)x, *b = *(const mtrk_store_event *const *)y;
    if (a->occurred_at != b->occurred_at)
        return a->occurred_at < b->occurred_at ? -1 : 1;
    if (a->arrived_at != b->arrived_at)
        return a->arrived_at < b->arrived_at ? -1 : 1;
    return memcmp(a->id.bytes, b->id.bytes, sizeof a->id.bytes);
}

/* Hands the hour's events over in event-time order while *sent < limit;
 * empties the hour. */
static int hour_flush(sqlstore *s, hour_rows *h, const mtrk_id *tenant, const mtrk_store_event_query *q,
                      mtrk_store_event_fn fn, void *userdata, size_t *sent)
{
    const tstate *et = &s->ts[s->ty.ev_table];
    unsigned nc = et->def->ncols;
    if (h->n > h->caprecs) {
        mtrk_store_event *r = realloc(h->recs, h->n * sizeof *r);
        if (r)
            h->recs = r;
        const mtrk_store_event **pp = r ? realloc(h->ptrs, h->n * sizeof *pp) : NULL;
        if (pp)
            h->ptrs = pp;
        if (r == NULL || pp == NULL)
            return MTRK_ENOMEM;
        h->caprecs = h->n;
    }
    for (size_t i = 0; i < h->n; i++) {
        mtrk_value *row = &h->vals[i * nc];
        for (unsigned c = 0; c < nc; c++)
            if (row[c].type == MTRK_VAL_TEXT || row[c].type == MTRK_VAL_BLOB)
                row[c].p = h->bytes + (uintptr_t)row[c].p;
            else if (et->ck[c] == CK_TENANT)
                row[c] = (mtrk_value){ MTRK_VAL_BLOB, 0, tenant->bytes, sizeof tenant->bytes };
        rec_event_from_row(&s->ty.rec, row, &h->recs[i]);
        h->ptrs[i] = &h->recs[i];
    }
    qsort(h->ptrs, h->n, sizeof *h->ptrs, ev_rec_cmp);
    int rc = 0;
    for (size_t i = 0; i < h->n && rc == 0 && *sent < q->limit; i++) {
        s->depth++;
        rc = fn(userdata, (*sent)++, h->ptrs[i]);
        s->depth--;
    }
    h->n = h->nbytes = 0;
    return rc;
}

static int sq_events_scan(mtrk_store *store, mtrk_id tenant, const mtrk_store_event_query *q, mtrk_store_event_fn fn,
                          void *userdata)
{
    sqlstore *s = (sqlstore *)store;
    int rc = typed_check(s, "events_scan", 0);
    if (rc)
        return rc;
    if (q == NULL || fn == NULL)
        return fail(s, MTRK_EINVAL, "sqlite store: events_scan: %s is NULL", q == NULL ? "query" : "fn");
    if (q->version == 0 || q->limit == 0 || (q->by != MTRK_STORE_EVENTS_BY_MESSAGE && q->by != MTRK_STORE_EVENTS_BY_CAMPAIGN))
        return fail(s, MTRK_EINVAL, "sqlite store: events_scan: the query is unversioned, has limit 0 or an unknown by");
    int64_t tk = 0;
    if ((rc = typed_prepare(s)) || (rc = tenant_key(s, &tenant, &tk)))
        return rc;
    if (tk == 0)
        return 0;
    if (s->ev_scan[q->by] == NULL && (rc = ev_scan_prepare(s, q->by)))
        return rc;
    int camp = q->by == MTRK_STORE_EVENTS_BY_CAMPAIGN;
    sqlite3_stmt *st = s->ev_scan[q->by];
    sqlite3_bind_blob(st, 1, q->owner.bytes, sizeof q->owner.bytes, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, tk);
    sqlite3_bind_int64(st, 3, q->type);
    sqlite3_bind_int64(st, 4, q->from);
    sqlite3_bind_int64(st, 5, q->to);
    sqlite3_bind_int(st, 6, q->after_set != 0);
    sqlite3_bind_int64(st, 7, q->after_occurred_at);
    sqlite3_bind_int64(st, 8, q->after_arrived_at);
    sqlite3_bind_blob(st, 9, q->after_id.bytes, sizeof q->after_id.bytes, SQLITE_STATIC);
    if (camp) {
        mtrk_time start = q->after_set && q->after_occurred_at > q->from ? q->after_occurred_at : q->from;
        sqlite3_bind_int64(st, 11, mtrk_store_event_hour(start));
    } else {
        sqlite3_bind_int64(st, 10, q->limit > (size_t)INT64_MAX ? INT64_MAX : (int64_t)q->limit);
    }
    const tstate *et = &s->ts[s->ty.ev_table];
    unsigned nc = et->def->ncols;
    int hour_col = -1;
    for (unsigned c = 0; c < nc; c++)
        if (strcmp(et->def->cols[c].name, "occurred_hour") == 0)
            hour_col = (int)c;
    hour_rows h = { 0 };
    int64_t hour = 0;
    size_t sent = 0;
    int sr = SQLITE_DONE;
    while (rc == 0 && sent < q->limit && (sr = sqlite3_step(st)) == SQLITE_ROW) {
        if (camp) {
            int64_t rh = sqlite3_column_int64(st, hour_col);
            if (h.n > 0 && rh != hour)
                rc = hour_flush(s, &h, &tenant, q, fn, userdata, &sent);
            hour = rh;
            if (rc == 0 && sent < q->limit)
                rc = hour_keep(&h, st, nc);
            continue;
        }
        mtrk_value row[MAX_COLS];
        row_from_stmt(st, nc, row);
        for (unsigned c = 0; c < nc; c++)
            if (et->ck[c] == CK_TENANT)
                row[c] = (mtrk_value){ MTRK_VAL_BLOB, 0, tenant.bytes, sizeof tenant.bytes };
            else if (et->ck[c] == CK_MESSAGE)
                row[c] = (mtrk_value){ MTRK_VAL_BLOB, 0, q->owner.bytes, sizeof q->owner.bytes };
        mtrk_store_event ev;
        rec_event_from_row(&s->ty.rec, row, &ev);
        s->depth++;
        rc = fn(userdata, sent++, &ev);
        s->depth--;
    }
    if (rc == 0 && sr != SQLITE_ROW && sr != SQLITE_DONE)
        rc = sql_fail(s, "reading events");
    if (rc == 0 && h.n > 0 && sent < q->limit)
        rc = hour_flush(s, &h, &tenant, q, fn, userdata, &sent);
    sqlite3_reset(st);
    free(h.vals);
    free(h.bytes);
    free(h.recs);
    free(h.ptrs);
    if (rc == MTRK_ENOMEM)
        return fail(s, rc, "sqlite store: out of memory reading events");
    return rc < 0 ? rc : 0;
}

static const char *sq_errmsg(mtrk_store *store)
{
    return ((sqlstore *)store)->err;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */
/* ------------------------------------------------------------------ */

static void sq_free(mtrk_store *store)
{
    sqlstore *s = (sqlstore *)store;
    if (s == NULL)
        return;
    if (s->db && !sqlite3_get_autocommit(s->db))
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    for (unsigned t = 0; s->ts && t < s->ntables; t++) {
        sqlite3_finalize(s->ts[t].get.st);
        sqlite3_finalize(s->ts[t].ins.st);
        sqlite3_finalize(s->ts[t].upd.st);
        sqlite3_finalize(s->ts[t].del.st);
        sqlite3_finalize(s->ts[t].insn.st);
        for (unsigned i = 0; i < s->ts[t].npart; i++)
            sqlite3_finalize(s->ts[t].part[i].c.st);
        for (size_t i = 0; i < s->ts[t].nscans; i++) {
            sqlite3_finalize(s->ts[t].scans[i]->s.st);
            free(s->ts[t].scans[i]);
        }
        free(s->ts[t].scans);
    }
    sqlite3_stmt *typed[] = { s->ty.tenant_k, s->ty.load_msg, s->ty.load_ev, s->ty.load_ev_after,
                              s->ty.find_pid, s->ty.ins, s->ty.insn, s->ty.find_mk, s->ty.campaign_k };
    for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
        sqlite3_finalize(typed[i]);
    free(s->ty.bytes);
    free(s->ty.recs);
    free(s->ty.ptrs);
    free(s->ty.mk);
    for (int k = 0; k < 4; k++)
        sqlite3_finalize(s->ctr_up[k].st);
    for (size_t k = 0; k < sizeof s->gen_ins / sizeof s->gen_ins[0]; k++)
        sqlite3_finalize(s->gen_ins[k]);
    for (size_t k = 0; k < sizeof s->gen_rd / sizeof s->gen_rd[0]; k++)
        sqlite3_finalize(s->gen_rd[k]);
    for (size_t k = 0; k < sizeof s->ev_scan / sizeof s->ev_scan[0]; k++)
        sqlite3_finalize(s->ev_scan[k]);
    sqlite3_finalize(s->begin_r);
    sqlite3_finalize(s->begin_w);
    sqlite3_finalize(s->commit);
    sqlite3_finalize(s->rollback);
    free(s->ts);
    sqlite3_close_v2(s->db);
    free(s);
}

/* One integer from a query (0 if it returns no row). */
static int query_int(sqlstore *s, const char *sql, int64_t *out, const char *what)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(st);
        *out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK)
        rc = sql_fail(s, what);
    sqlite3_finalize(st);
    return rc;
}

static int exec(sqlstore *s, const char *sql) { return exec_as(s, sql, sql); }

/* Refuses, before anything is written, what mtrk must not touch. */
static int check_file(sqlstore *s, const char *name, int64_t *version, int *fresh)
{
    int64_t ntables = 0, meta = 0, app = 0;
    int rc = query_int(s, "SELECT count(*) FROM sqlite_schema", &ntables, "reading the schema");
    if (rc) {
        int ext = sqlite3_extended_errcode(s->db);
        if ((ext & 0xff) == SQLITE_NOTADB)
            return fail(s, MTRK_ESTORE, "sqlite store: %s is not an SQLite database (nothing was changed)", name);
        if ((ext & 0xff) == SQLITE_CORRUPT)
            return fail(s, MTRK_ESTORE, "sqlite store: %s is damaged (truncated or corrupt: %s); it was not changed",
                        name, sqlite3_errmsg(s->db));
        return rc;
    }
    if ((rc = query_int(s, "PRAGMA user_version", version, "reading the schema version")) ||
        (rc = query_int(s, "PRAGMA application_id", &app, "reading the application id")) ||
        (rc = query_int(s, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'mtrk_meta'", &meta,
                        "reading the schema")))
        return rc;
    *fresh = ntables == 0 && *version == 0;
    if (*fresh)
        return 0;
    if (!meta || (app != 0 && app != MTRK_APP_ID))
        return fail(s, MTRK_ESTORE,
                    "sqlite store: %s is an SQLite database of another application (no mtrk_meta table, "
                    "user_version %lld); it was not changed", name, (long long)*version);
    if (*version > SQLITE_SCHEMA_VERSION)
        return fail(s, MTRK_EVERSION,
                    "sqlite store: %s has schema version %lld, newer than this library's %d: upgrade mtrk "
                    "(the file was not changed)", name, (long long)*version, SQLITE_SCHEMA_VERSION);
    /* A cleanly closed WAL database has no -wal file, so its header's page
     * count must fit in the file: a shorter file lost its tail. */
    const char *file = sqlite3_db_filename(s->db, "main");
    if (file && *file) {
        char wal[4096];
        struct stat sb, wb;
        snprintf(wal, sizeof wal, "%s-wal", file);
        int64_t pages = 0, psize = 0;
        if (stat(file, &sb) == 0 && (stat(wal, &wb) != 0 || wb.st_size == 0) &&
            query_int(s, "PRAGMA page_count", &pages, "reading the page count") == 0 &&
            query_int(s, "PRAGMA page_size", &psize, "reading the page size") == 0 &&
            (int64_t)sb.st_size < pages * psize)
            return fail(s, MTRK_ESTORE,
                        "sqlite store: %s is truncated (%lld bytes, its header says %lld); it was not changed",
                        name, (long long)sb.st_size, (long long)(pages * psize));
    }
    return 0;
}

/* Applies the migrations from the file's version to ours, in one write transaction. */
static int migrate(sqlstore *s, const char *name)
{
    int rc = exec(s, "BEGIN IMMEDIATE");
    if (rc)
        return rc;
    int64_t v = 0, ntables = 0;
    /* Read again under the write lock: another process may have created it meanwhile. */
    if ((rc = query_int(s, "PRAGMA user_version", &v, "reading the schema version")) ||
        (rc = query_int(s, "SELECT count(*) FROM sqlite_schema", &ntables, "reading the schema")))
        goto out;
    if (v == 0 && ntables != 0) {
        rc = fail(s, MTRK_ESTORE, "sqlite store: %s is an SQLite database of another application", name);
        goto out;
    }
    if (v > SQLITE_SCHEMA_VERSION) {
        rc = fail(s, MTRK_EVERSION, "sqlite store: %s has schema version %lld, newer than this library's %d", name,
                  (long long)v, SQLITE_SCHEMA_VERSION);
        goto out;
    }
    /* Migration 1 creates the current schema: a new file needs no other. */
    if (v == 0)
        rc = migrations[0](s);
    for (int64_t k = v; v > 0 && k < SQLITE_SCHEMA_VERSION && rc == 0; k++)
        rc = migrations[k](s);
    if (rc == 0 && v < SQLITE_SCHEMA_VERSION) {
        char sql[128];
        snprintf(sql, sizeof sql, "PRAGMA application_id = %d; PRAGMA user_version = %d", MTRK_APP_ID,
                 SQLITE_SCHEMA_VERSION);
        rc = exec(s, sql);
    }
out:
    if (rc == 0)
        return exec(s, "COMMIT");
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* For a plain path: a clear error for a directory or a missing directory. */
static int check_path(sqlstore *s, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return fail(s, MTRK_ESTORE, "sqlite store: %s is a directory, not a database file", path);
        return 0;
    }
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return 0;
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    if (n >= sizeof dir)
        return fail(s, MTRK_EINVAL, "sqlite store: path is too long");
    memcpy(dir, path, n);
    dir[n] = '\0';
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return fail(s, MTRK_ESTORE, "sqlite store: cannot create %s: directory %s does not exist", path, dir);
    return 0;
}

static const char *sync_pragma(const mtrk_open_options *opts)
{
    int level = opts && opts->version >= 2 ? opts->synchronous : MTRK_SYNC_DEFAULT;
    switch (level) {
    case MTRK_SYNC_OFF: return "PRAGMA synchronous = OFF";
    case MTRK_SYNC_FULL: return "PRAGMA synchronous = FULL";
    default: return "PRAGMA synchronous = NORMAL";
    }
}

/* The core's rules for derived columns, as SQL functions for the
 * migrations that fill such a column in stored rows: mtrk_queue_state(state)
 * and mtrk_event_hour(occurred_at) (mtrk_store_queue_state,
 * mtrk_store_event_hour). */
static void sql_queue_state(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n;
    sqlite3_result_int64(c, mtrk_store_queue_state(sqlite3_value_int64(v[0])));
}

static void sql_event_hour(sqlite3_context *c, int n, sqlite3_value **v)
{
    (void)n;
    sqlite3_result_int64(c, mtrk_store_event_hour(sqlite3_value_int64(v[0])));
}

static int register_rules(sqlite3 *db)
{
    int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
    int rc = sqlite3_create_function_v2(db, "mtrk_queue_state", 1, f, NULL, sql_queue_state, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db, "mtrk_event_hour", 1, f, NULL, sql_event_hour, NULL, NULL, NULL);
    return rc;
}

static int open_db(sqlstore *s, const char *path, const mtrk_open_options *opts)
{
    int is_uri = strncmp(path, "file:", 5) == 0;
    int rc;
    if (!is_uri && (rc = check_path(s, path)))
        return rc;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | (is_uri ? SQLITE_OPEN_URI : 0);
    int sr = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (sr != SQLITE_OK) {
        if (s->db == NULL)
            return fail(s, MTRK_ENOMEM, "sqlite store: out of memory opening %s", path);
        return fail(s, map_code(sqlite3_extended_errcode(s->db)), "sqlite store: cannot open %s: %s", path,
                    sqlite3_errmsg(s->db));
    }
    sqlite3_extended_result_codes(s->db, 1);
    if (register_rules(s->db) != SQLITE_OK)
        return fail(s, MTRK_ENOMEM, "sqlite store: cannot register the derived-column functions: %s",
                    sqlite3_errmsg(s->db));
    int busy_ms = opts && opts->version >= 2 && opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms : DEFAULT_BUSY_MS;
    sqlite3_busy_timeout(s->db, busy_ms);
    if (sqlite3_db_readonly(s->db, "main") == 1)
        return fail(s, MTRK_ESTORE,
                    "sqlite store: %s is read-only; mtrk needs write access to its database (open a copy, or use "
                    "the sqlite3 shell for read-only queries)", path);
    int64_t version = 0;
    int fresh = 0;
    if ((rc = check_file(s, path, &version, &fresh)))
        return rc;
    /* Only now, with the file known to be ours (or empty), change anything. */
    if ((rc = exec(s, "PRAGMA journal_mode = WAL")) || (rc = exec(s, sync_pragma(opts))) ||
        (rc = exec(s, "PRAGMA foreign_keys = ON")))
        return rc;
    int cache_kib = opts && opts->version >= 3 && opts->cache_size_kib > 0 ? opts->cache_size_kib : DEFAULT_CACHE_KIB;
    char pragma[64];
    snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", cache_kib);
    if ((rc = exec(s, pragma)) || (rc = exec(s, "PRAGMA temp_store = MEMORY")))
        return rc;
    if (fresh || version < SQLITE_SCHEMA_VERSION)
        if ((rc = migrate(s, path)))
            return rc;
    static const char *const tx_sql[4] = { "BEGIN DEFERRED", "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK" };
    sqlite3_stmt **tx_st[4] = { &s->begin_r, &s->begin_w, &s->commit, &s->rollback };
    for (int i = 0; i < 4; i++)
        if (sqlite3_prepare_v3(s->db, tx_sql[i], -1, SQLITE_PREPARE_PERSISTENT, tx_st[i], NULL) != SQLITE_OK)
            return sql_fail(s, "preparing the transaction statements");
    return 0;
}

MTRK_API int mtrk_store_sqlite_new(mtrk_store **out, const char *path, const mtrk_open_options *opts)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (path == NULL)
        return gerr(MTRK_EINVAL, "path is NULL");
    if (*path == '\0')
        return gerr(MTRK_EINVAL, "path is empty");
    if (opts && (opts->version == 0 || opts->version > MTRK_OPEN_OPTIONS_VERSION))
        return gerr(MTRK_EVERSION, "opts has version %u; this library knows 1..%u", opts->version,
                    MTRK_OPEN_OPTIONS_VERSION);
    if (opts && opts->version >= 2) {
        if (opts->synchronous < MTRK_SYNC_DEFAULT || opts->synchronous > MTRK_SYNC_FULL)
            return gerr(MTRK_EINVAL, "opts->synchronous %d is not an MTRK_SYNC_* level", opts->synchronous);
        if (opts->busy_timeout_ms < 0)
            return gerr(MTRK_EINVAL, "opts->busy_timeout_ms %d is negative", opts->busy_timeout_ms);
    }
    if (opts && opts->version >= 3 && opts->cache_size_kib < 0)
        return gerr(MTRK_EINVAL, "opts->cache_size_kib %d is negative", opts->cache_size_kib);
    sqlstore *s = calloc(1, sizeof *s);
    if (s == NULL)
        return gerr(MTRK_ENOMEM, "out of memory opening %s", path);
    s->base.version = MTRK_STORE_VERSION;
    s->base.free = sq_free;
    s->base.begin = sq_begin;
    s->base.commit = sq_commit;
    s->base.rollback = sq_rollback;
    s->base.get = sq_get;
    s->base.scan = sq_scan;
    s->base.apply = sq_apply;
    s->base.errmsg = sq_errmsg;
    s->base.messages_load = sq_messages_load;
    s->base.provider_ids_find = sq_provider_ids_find;
    s->base.events_append = sq_events_append;
    s->base.messages_update = sq_messages_update;
    s->base.counters_add = sq_counters_add;
    s->base.messages_insert = sq_messages_insert;
    s->base.members_read = sq_members_read;
    s->base.events_scan = sq_events_scan;
    s->ntables = mtrk_store_table_count();
    int crc = ctr_maps_init(&s->ctr, s->err, sizeof s->err);
    if (crc) {
        gerr(crc, "sqlite store: %s", s->err);
        free(s);
        return crc;
    }
    s->ts = calloc(s->ntables ? s->ntables : 1, sizeof *s->ts);
    int rc = s->ts ? 0 : fail(s, MTRK_ENOMEM, "sqlite store: out of memory");
    for (unsigned t = 0; t < s->ntables && rc == 0; t++) {
        tstate *ts = &s->ts[t];
        ts->def = mtrk_store_table(t);
        ts->rowid = is_rowid_table(ts->def->name);
        ts->map = strcmp(ts->def->name, "messages") == 0 ? MAP_MESSAGES
                  : strcmp(ts->def->name, "events") == 0 ? MAP_EVENTS : MAP_NONE;
        for (unsigned c = 0; ts->map != MAP_NONE && c < ts->def->ncols && c < MAX_COLS; c++)
            ts->ck[c] = strcmp(ts->def->cols[c].name, "tenant") == 0 ? CK_TENANT
                        : ts->map == MAP_EVENTS && strcmp(ts->def->cols[c].name, "message") == 0 ? CK_MESSAGE
                        : ts->map == MAP_EVENTS && strcmp(ts->def->cols[c].name, "campaign") == 0 ? CK_CAMPAIGN
                        : ts->map == MAP_EVENTS && strcmp(ts->def->cols[c].name, "contact") == 0 ? CK_CONTACT
                        : CK_PLAIN;
        if (ts->def->ncols > MAX_COLS || ts->def->npk == 0 || ts->def->npk > ts->def->ncols ||
            ts->def->nindexes + 1 > MAX_KEY)
            rc = fail(s, MTRK_ESTORE, "sqlite store: table %s has an unsupported shape", ts->def->name);
        unsigned cols[2 * MAX_KEY];
        for (int k = -1; rc == 0 && k < (int)ts->def->nindexes; k++) {
            if ((k >= 0 && ts->def->indexes[k].ncols + ts->def->npk > MAX_KEY))
                rc = fail(s, MTRK_ESTORE, "sqlite store: an index of %s is too wide", ts->def->name);
            else
                ts->nkey[k + 1] = mtrk_store_sort_key(ts->def, k, cols);
        }
    }
    if (rc == 0)
        rc = typed_init(s);
    if (rc == 0)
        rc = open_db(s, path, opts);
    if (rc) {
        gerr(rc, "%s", s->err);
        sq_free(&s->base);
        return rc;
    }
    *out = &s->base;
    return 0;
}
