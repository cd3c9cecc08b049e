/*
 * The PostgreSQL store: the path past one machine. Every table described by
 * mtrk_store_table() becomes a table of the same name, with the same
 * columns as the SQLite schema, in native types: ID columns are uuid, INT
 * columns bigint, TEXT columns text COLLATE "C". Like the other stores it
 * knows the table definitions and nothing else: no business rule lives here.
 *
 * Order. The contract orders NULL < INT < TEXT < BLOB, TEXT and BLOB
 * bytewise. uuid compares its 16 bytes with memcmp, text COLLATE "C" with
 * memcmp then length, bigint numerically: exactly the contract for columns of
 * one type. NULLs come first: nullable columns are indexed and sorted
 * NULLS FIRST ascending (NULLS LAST descending); NOT NULL columns keep the
 * default (it cannot matter, and it lets the primary-key index serve).
 * Free-form JSON columns (leads.fields_json, audit.detail) are text, not
 * jsonb: jsonb normalizes whitespace, reorders keys and drops duplicate
 * keys, so the contract's byte-exact round trip would not hold
 * (docs/scaling.md).
 *
 * Keys. Every primary and foreign key is led by the tenant (the
 * distribution column), but the primary key of events. Foreign keys are
 * DEFERRABLE INITIALLY DEFERRED, as in the SQLite schema: the core may
 * apply a change set in any order.
 * A non-unique secondary index also carries the primary-key columns, so the
 * index alone yields the full sort key (no sort in a scan); events differ
 * (below).
 *
 * Events are one plain table (docs/decisions.md §43). Its primary key is
 * the id alone and its indexes by message and by campaign leave the tenant
 * out: events, messages and campaigns have ids unique in the whole database
 * (UUID v7 made by the library; a store-level insert of an event id under
 * a second tenant is refused), every statement names the tenant too, and
 * 16 bytes fewer per index entry is a quarter of each entry. The provider
 * pair's uniqueness, per tenant, is the unique index events_by_provider
 * (provider, provider_event_id, tenant): no index of events is led by the
 * tenant (see sql_create_index). So a duplicate is a
 * unique_violation (MTRK_EEXISTS) whoever inserts the row, with no trigger
 * and no side table (until schema version 12, events were partitioned by
 * month and two side tables kept those keys, at twice the bytes per event).
 *
 * Transactions. begin(write) is BEGIN (READ COMMITTED); before the first
 * statement that names a tenant, the transaction takes an advisory
 * transaction lock on that tenant, so writers of one tenant are serialized
 * (two writers can never both decide from the same state) while writers of
 * different tenants run in parallel. Every statement after the lock sees
 * every commit made before it. A lock not granted within the busy timeout is
 * MTRK_EBUSY. Read transactions are REPEATABLE READ READ ONLY: one snapshot
 * for every chunk of every scan.
 *
 * Statements are prepared once per connection (get, insert, update, delete
 * per table; scan per shape) and executed with binary parameters and
 * results.
 *
 * Deferred writes. apply sends its statements into the libpq pipeline and
 * returns without waiting for them: the writes of a transaction travel
 * together with its next read, its COMMIT, or the sync sent when PIPE_MAX
 * writes are outstanding, and their results are read then, in one round
 * trip. A write that failed (a unique violation, an update of a missing row,
 * a lost connection) is reported by that later call, with the server's
 * message and SQLSTATE, and stays reported by every call of the transaction
 * until it ends (the server aborted it anyway): the public call fails as a
 * whole, as if apply had failed. A deferred MTRK_ENOTFOUND (update or delete
 * of a missing row) is reported as MTRK_ESTORE, because a read's
 * MTRK_ENOTFOUND means "no such row" to the core. Validation (types, NULLs,
 * lengths) still fails apply itself.
 *
 * Plans. Every statement the backend sends is an index lookup or an ordered
 * index range scan by design, so the session disables sequential and bitmap
 * scans, and JIT compilation: a plan whose estimate passed jit_above_cost
 * (a batch's messages_load, over stale statistics) spent 0.4 to 0.6 s
 * compiling for 20 ms of execution, every batch (docs/decisions.md §43).
 * Range scans are planned at each execution with their parameters
 * (plan_cache_mode = force_custom_plan): generic plans cached while a fresh
 * schema's tables were empty picked the wrong index and stayed
 * (docs/performance.md). Point statements (by primary key, or by a unique
 * index that shares no column with another) have one right plan and run
 * with generic plans, planned once: planning was half the server's time per
 * event (see plan_mode). So do the INSERTs from unnest() (send_unnest),
 * which read no table. The reads by an array of keys (a join with
 * unnest()) run with generic plans only while the generic plan the server
 * would cache is seen to look each key up (keyed_plan_check): made while
 * the tables are small, it can take an index led by the tenant alone and
 * walk all of it.
 *
 * Neither this store nor the core keeps a copy of rows (docs/decisions.md
 * §45): every get is a round trip, and the batch paths read through the
 * typed operations, a statement per batch.
 *
 * get_many reads up to MANY_CHUNK keys per statement: the table joined with
 * unnest() of one binary array parameter per key column, a nested loop of
 * primary-key lookups.
 *
 * scan_many reads the rows of up to MANY_CHUNK prefixes per statement, at
 * most MANY_ROWS rows at a time: unnest() of one array per prefix column,
 * WITH ORDINALITY, and a LATERAL range scan per prefix (many_scan_stmt).
 *
 * The typed operations of the event path (contract version 4) cost a
 * constant number of round trips per event batch, whatever its size:
 * messages_load is two statements over one uuid array (the messages; their
 * events past each one's mark), sent together with the deferred writes in
 * one round trip; provider_ids_find is one statement over two text arrays;
 * events_append is one binary COPY (two round trips of its own: COPY cannot
 * run in a pipeline); messages_update is one deferred UPDATE ... FROM
 * unnest() per set of column groups, writing only those columns. Records
 * map onto the rows of messages and events by column name (records.h).
 * docs/decisions.md §35 has the measurements behind each choice.
 *
 * Generation (contract version 6): members_read is one statement per page
 * of members (one round trip, with the deferred inserts of the page
 * before), messages_insert one deferred INSERT ... FROM unnest() per page
 * (docs/decisions.md §42, §47).
 *
 * Scans fetch chunks of at most SCAN_CHUNK rows (LIMIT), resuming after the
 * last row's sort key (keyset pagination), so memory stays bounded however
 * many rows a scan visits. A scan of a campaign's events (events_by_campaign,
 * which since schema version 14 holds no id: docs/decisions.md §49) reads
 * through a cursor of the transaction instead, which the next page
 * continues (camp_scan).
 *
 * Connection loss: a call on a broken connection fails with MTRK_ESTORE and
 * the server's (or libpq's) message; the transaction was not committed, so
 * nothing of it remains. The next begin reconnects.
 *
 * Schema versions live in the table mtrk_schema (version, applied_at); a
 * database newer than this library is refused with MTRK_EVERSION.
 */
#include "counters.h"
#include "fk.h"
#include "records.h"
#include "values.h"
#include "lasterr.h"
#include "mtrk/store.h"
#include "strbuf.h"

#include <libpq-fe.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_COLS 64
#define MAX_KEY 64
#define ERRMSG_MAX 1024
#define DEFAULT_BUSY_MS 5000
#define SCAN_FIRST_CHUNK 16
#define SCAN_CHUNK 1000
/* Rows one transaction inserts into a table before the store ANALYZEs it
 * in the transaction (then at 8 times as many, and so on; see apply). */
#define ANALYZE_FIRST 4096
/* Deferred writes outstanding before apply sends a sync and reads their
 * results: each answer is ~30 bytes, so the server never blocks on a full
 * socket while libpq, in blocking mode, is still sending. */
#define PIPE_MAX 1024

/* Advisory lock class ("mt"), and its objects. */
#define LOCK_CLASS 0x6d74
#define LOCK_SCHEMA 1

#define OID_INT8 20
#define OID_TEXT 25
#define OID_UUID 2950
#define OID_INT8_ARRAY 1016
#define OID_TEXT_ARRAY 1009
#define OID_UUID_ARRAY 2951
/* Keys per get_many statement, prefixes per scan_many statement. */
#define MANY_CHUNK 4096
/* Rows per scan_many statement (LIMIT): the memory bound of scan_many. */
#define MANY_ROWS 8192
/* The flags of a scan_many statement's shape (never a scan's). */
#define SHAPE_MANY 0x100u

#define PG_SCHEMA_VERSION 14

/* ------------------------------------------------------------------ */
/* The store                                                           */
/* ------------------------------------------------------------------ */

typedef struct scan_shape {
    unsigned table;
    int index;
    unsigned nprefix, nstart, flags;
    uint64_t nullmask; /* bit j: value j of prefix+start is NULL */
    int prepared;
    char name[32];
    unsigned nparams;  /* non-NULL values, then the limit */
} scan_shape;

/* A read by arrays of keys and the plan it runs with: generic while the
 * generic plan the server would cache was seen to look each key up
 * (keyed_plan_check), custom otherwise; checked_ms 0: not checked on this
 * connection yet. */
typedef struct keyed_plan {
    int64_t checked_ms;
    int generic;
} keyed_plan;

typedef struct tstate {
    const mtrk_table_def *def;
    int get_ok, ins_ok, upd_ok, del_ok, many_ok; /* prepared on this connection */
    size_t ins_tx;     /* rows inserted in the open transaction */
    size_t analyze_at; /* ... when the next in-transaction ANALYZE runs */
    keyed_plan many_plan; /* get_many's statement: generic or custom (keyed_plan_check) */
} tstate;

typedef struct pgstore {
    mtrk_store base;
    PGconn *conn;
    char *conninfo;
    int busy_ms;
    int sync_off;
    int in_tx, write, depth;
    int begun;           /* BEGIN was sent (lazily, with the first statement) */
    int broken;          /* the connection failed: reconnect at the next begin */
    int tenant_locked;
    unsigned char locked_tenant[16];
    unsigned ntables;
    tstate *ts;
    scan_shape *shapes;
    size_t nshapes, capshapes;
    unsigned nextname;
    /* Deferred writes: the connection is in pipeline mode, npend writes
     * (op, table) were sent and their results not read yet. */
    int piped;
    size_t npend;
    /* expect: rows an UPDATE or DELETE must touch (fewer: a missing row) */
    struct { int op; unsigned table; size_t expect; } pend[PIPE_MAX];
    int deferred;        /* a deferred write failed: its code, until the transaction ends */
    unsigned typed_ok;   /* TS_* statements prepared on this connection */
    /* The campaign cursor (camp_scan): a scan of events_by_campaign,
     * declared in the open transaction, that the next page continues. */
    struct {
        int open;        /* the cursor CAMP_CURSOR is declared in this transaction */
        int live;        /* ... and no write since could have changed what it has still to give */
        int busy;        /* its rows are being handed over (a nested scan does not touch it) */
        int end;         /* it has no rows left after those of rest */
        unsigned desc;   /* MTRK_SCAN_DESC: its order */
        unsigned char tenant[16], campaign[16];
        int have_last;   /* last: the key (occurred_hour, id) of the last row handed over */
        int64_t hour;
        unsigned char id[16];
        PGresult *rest;  /* the last FETCH: rows next.. not handed over yet */
        int next;
    } cc;
    int ccol_tenant, ccol_campaign, ccol_hour, ccol_id; /* the columns of events the cursor keys on */
    unsigned char ev_width[MAX_COLS]; /* each events column's integer width (ev_int_width), 0: not yet known */
    rec_maps rec;        /* the typed records on the rows (records.h) */
    ctr_maps ctr;        /* counters_add: the rollup tables (counters.h) */
    int generic;         /* the session's plan_cache_mode is force_generic_plan (else force_custom_plan) */
    keyed_plan load_plan; /* messages_load's two statements */
    int generic_at_begin; /* ... as it was when the transaction began (SET is rolled back with it) */
    char deferred_err[ERRMSG_MAX];
    char err[ERRMSG_MAX];
} pgstore;

static int pipe_end(pgstore *s, int nextra, PGresult **extra);
static void cc_forget(pgstore *s);
/* A pending pipeline entry that is a SET, not a write. */
#define OP_SET 0

__attribute__((format(printf, 3, 4))) static int fail(pgstore *s, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return code;
}

static void mark_broken(pgstore *s)
{
    if (s->conn == NULL || PQstatus(s->conn) == CONNECTION_BAD)
        s->broken = 1;
}

/* Maps a failed result (or a NULL one) to a status code, keeping the
 * server's message. Clears res. */
static int res_fail(pgstore *s, PGresult *res, const char *what)
{
    const char *st = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    char statebuf[8] = "";
    if (st)
        snprintf(statebuf, sizeof statebuf, "%s", st);
    const char *state = st ? statebuf : NULL; /* kept past PQclear(res) */
    const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (msg == NULL || *msg == '\0')
        msg = s->conn ? PQerrorMessage(s->conn) : "no connection";
    char m[ERRMSG_MAX / 2];
    snprintf(m, sizeof m, "%s", msg);
    size_t ml = strlen(m);
    while (ml && (m[ml - 1] == '\n' || m[ml - 1] == ' '))
        m[--ml] = '\0';
    mark_broken(s);
    int code = MTRK_ESTORE;
    if (state && strcmp(state, "23505") == 0)
        code = MTRK_EEXISTS;
    else if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
                       strcmp(state, "55P03") == 0))
        code = MTRK_EBUSY;
    if (res)
        PQclear(res);
    if (s->broken)
        return fail(s, MTRK_ESTORE, "pg store: %s: connection to the server lost: %s", what, m);
    return fail(s, code, "pg store: %s: %s%s%s%s", what, m, state ? " (SQLSTATE " : "", state ? state : "",
                state ? ")" : "");
}

/* Runs a command without parameters; 0 or the mapped failure. Deferred
 * writes go first (their failure is then this call's). */
static int exec(pgstore *s, const char *sql, const char *what)
{
    int rc;
    if (s->piped && (rc = pipe_end(s, 0, NULL)))
        return rc;
    PGresult *res = PQexec(s->conn, sql);
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        return res_fail(s, res, what);
    PQclear(res);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Deferred writes (the pipeline)                                      */
/* ------------------------------------------------------------------ */

/* The failure of a deferred write, again: every call of the transaction
 * reports it until rollback. */
static int deferred_fail(pgstore *s)
{
    return fail(s, s->deferred, "%s", s->deferred_err);
}

/* The connection's protocol state is unknown after an unexpected answer:
 * give it up (the next begin reconnects; the server discards the
 * transaction with the connection). */
static int pipe_lost(pgstore *s, const char *what)
{
    s->broken = 1;
    const char *m = s->conn ? PQerrorMessage(s->conn) : "";
    char mm[ERRMSG_MAX / 2];
    snprintf(mm, sizeof mm, "%s", m && *m ? m : "unexpected answer from the server");
    size_t ml = strlen(mm);
    while (ml && (mm[ml - 1] == '\n' || mm[ml - 1] == ' '))
        mm[--ml] = '\0';
    return fail(s, MTRK_ESTORE, "pg store: %s: connection to the server lost: %s", what, mm);
}

/* Ends the pipeline: sends a sync (after the nextra <= 2 queries the
 * caller sent into the pipeline last), reads the result of every deferred write,
 * then the extra queries' (extra[0..nextra-1], the caller's to clear,
 * whatever their status), and leaves pipeline mode. Returns 0, or the first
 * write's failure, which then sticks until the transaction ends (the
 * extra results are then NULL). */
static int pipe_end(pgstore *s, int nextra, PGresult **extra)
{
    for (int x = 0; extra && x < nextra; x++)
        extra[x] = NULL;
    if (!s->piped)
        return s->deferred ? deferred_fail(s) : 0;
    int first = 0;
    PGresult *xres[2] = { NULL, NULL };
    if (PQpipelineSync(s->conn) != 1) {
        first = pipe_lost(s, "sending deferred writes");
        goto out;
    }
    size_t nq = s->npend + (size_t)nextra;
    for (size_t i = 0; i < nq; i++) {
        PGresult *res = PQgetResult(s->conn);
        if (res == NULL) {
            if (first == 0)
                first = pipe_lost(s, "reading deferred writes");
            s->broken = 1;
            goto out;
        }
        ExecStatusType st = PQresultStatus(res);
        if (i >= s->npend) {
            if (first == 0 && i - s->npend < 2)
                xres[i - s->npend] = res;
            else
                PQclear(res);
        } else if (st == PGRES_PIPELINE_ABORTED) {
            PQclear(res);
        } else if (st == PGRES_COMMAND_OK) {
            int op = s->pend[i].op;
            if (first == 0 && op != MTRK_CHANGE_INSERT && op != OP_SET &&
                strtoull(PQcmdTuples(res), NULL, 10) < s->pend[i].expect)
                first = fail(s, MTRK_ESTORE, "pg store: %s of a missing row in %s (a deferred write)",
                             op == MTRK_CHANGE_UPDATE ? "update" : "delete", s->ts[s->pend[i].table].def->name);
            PQclear(res);
        } else if (first == 0) {
            char what[96];
            int op = s->pend[i].op;
            if (op == OP_SET)
                snprintf(what, sizeof what, "setting plan_cache_mode");
            else
                snprintf(what, sizeof what, "%s %s (a deferred write)",
                         op == MTRK_CHANGE_INSERT ? "insert into" : op == MTRK_CHANGE_UPDATE ? "update of" : "delete from",
                         s->ts[s->pend[i].table].def->name);
            first = res_fail(s, res, what);
        } else {
            PQclear(res);
        }
        /* Each query's results end with a NULL. */
        PGresult *end = PQgetResult(s->conn);
        if (end != NULL) {
            PQclear(end);
            if (first == 0)
                first = pipe_lost(s, "reading deferred writes");
            s->broken = 1;
            goto out;
        }
        if (s->broken)
            goto out;
    }
    PGresult *sync = PQgetResult(s->conn);
    if (sync == NULL || PQresultStatus(sync) != PGRES_PIPELINE_SYNC) {
        PQclear(sync);
        if (first == 0)
            first = pipe_lost(s, "reading deferred writes");
        s->broken = 1;
        goto out;
    }
    PQclear(sync);
    if (PQexitPipelineMode(s->conn) != 1) {
        if (first == 0)
            first = pipe_lost(s, "leaving pipeline mode");
        s->broken = 1;
    }
out:
    s->piped = 0;
    s->npend = 0;
    mark_broken(s);
    if (first) {
        PQclear(xres[0]);
        PQclear(xres[1]);
        xres[0] = xres[1] = NULL;
        if (first == MTRK_ENOTFOUND)
            first = MTRK_ESTORE;
        s->deferred = first;
        snprintf(s->deferred_err, sizeof s->deferred_err, "%s", s->err);
    }
    for (int x = 0; x < 2; x++) {
        if (extra && x < nextra)
            extra[x] = xres[x];
        else
            PQclear(xres[x]);
    }
    return first;
}

/* ------------------------------------------------------------------ */
/* Schema                                                              */
/* ------------------------------------------------------------------ */

static const char *pg_type(int type)
{
    switch (type) {
    case MTRK_VAL_INT: return "bigint";
    case MTRK_VAL_TEXT: return "text COLLATE \"C\"";
    default: return "uuid";
    }
}

static int col_nullable(const mtrk_table_def *def, unsigned c)
{
    return (def->cols[c].flags & MTRK_COL_NULLABLE) && c >= def->npk;
}

static int is_events(const mtrk_table_def *def) { return strcmp(def->name, "events") == 0; }

/* The physical layout of events (docs/decisions.md §43): the fixed-width
 * columns first, by alignment (the 16-byte ids, the bigint times, then the
 * small codes), so no row carries padding, then the nullable ones. The
 * codes the core writes (an event type, a bounce kind, a verdict, an
 * unsubscribe's scope and source: small enumerations) are smallint, the
 * effects bitmask integer; every other INT column stays bigint. Reads
 * decode an integer by its width (res_row), writes pass bigint parameters
 * (PostgreSQL narrows them on assignment and refuses a value out of range)
 * and the COPY of events_append sends each code at its width. A column not
 * named here (added later) follows, in definition order, as bigint. */
static const struct { const char *name; int width; } ev_layout[] = {
    { "tenant", 0 }, { "id", 0 }, { "message", 0 }, { "campaign", 0 }, { "contact", 0 },
    { "occurred_at", 8 }, { "arrived_at", 8 }, { "occurred_hour", 8 },
    { "type", 2 }, { "bounce_kind", 2 }, { "verdict", 2 }, { "unsub_scope", 2 }, { "unsub_source", 2 },
    { "effects", 4 },
    { "link", 0 }, { "unsub_audience", 0 }, { "provider", 0 }, { "provider_event_id", 0 },
    { "provider_message_id", 0 }, { "diagnostic", 0 }, { "user_agent", 0 }, { "ip", 0 }, { "verdict_reason", 0 },
};
#define EV_LAYOUT_N (sizeof ev_layout / sizeof ev_layout[0])

/* The stored width of INT column c of events: 2, 4 or 8 bytes. */
static int ev_int_width(const mtrk_table_def *def, unsigned c)
{
    for (size_t i = 0; i < EV_LAYOUT_N; i++)
        if (strcmp(ev_layout[i].name, def->cols[c].name) == 0)
            return ev_layout[i].width ? ev_layout[i].width : 8;
    return 8;
}

static const char *int_type(int width) { return width == 2 ? "smallint" : width == 4 ? "integer" : "bigint"; }

/* A unique index whose columns are all NOT NULL orders rows completely by
 * itself: no two rows tie on it, so the sort key's primary-key tail never
 * decides and ORDER BY stops at the index columns (the index then serves
 * the order exactly; the planner never needs a sort). events_by_provider
 * is unique only where both its columns are given, and is not used so. */
static int unique_total(const mtrk_table_def *def, int index)
{
    if (index < 0 || is_events(def) || !def->indexes[index].unique)
        return 0;
    const mtrk_index_def *ix = &def->indexes[index];
    for (unsigned j = 0; j < ix->ncols; j++)
        if (col_nullable(def, ix->cols[j]))
            return 0;
    return 1;
}

/* Events' indexes (docs/decisions.md §43): none is led by the tenant. The
 * unique one, the provider pair's uniqueness per tenant and nothing else,
 * has the tenant last and no tail; the others leave it out, as the primary
 * key (id) does: they are led by a message or a campaign, ids unique in the
 * whole database, and every statement that uses them names the tenant as
 * well (a filter then). With an index led by the tenant alone, a plan made
 * from stale statistics read a message's events through it (a scan of the
 * tenant's events, filtered: measured, 10 s for a batch's messages_load). */
static void sql_create_index(strbuf *b, const mtrk_table_def *def, unsigned x)
{
    int ev = is_events(def);
    const mtrk_index_def *ix = &def->indexes[x];
    /* A unique index with a nullable column is two: the constraint, and
     * the ordering index (NULLs tie, so the order needs the pk). */
    int unique = unique_total(def, (int)x) || (ev && ix->unique);
    if (ix->unique && !unique) {
        sb_printf(b, "CREATE UNIQUE INDEX \"%s_unique\" ON \"%s\" (", ix->name, def->name);
        for (unsigned j = 0; j < ix->ncols; j++)
            sb_printf(b, "%s\"%s\"", j ? ", " : "", def->cols[ix->cols[j]].name);
        sb_printf(b, ");\n");
    }
    sb_printf(b, "CREATE %sINDEX \"%s\" ON \"%s\" (", unique ? "UNIQUE " : "", ix->name, def->name);
    unsigned first = ev && ix->ncols > 1 ? 1 : 0; /* events: the tenant last or not at all */
    /* events_by_message ends at the occurrence time (below). */
    unsigned last = ev && strcmp(ix->name, "events_by_message") == 0 && ix->ncols > 3 ? 3 : ix->ncols;
    for (unsigned j = first; j < last; j++)
        sb_printf(b, "%s\"%s\"%s", j > first ? ", " : "", def->cols[ix->cols[j]].name,
                col_nullable(def, ix->cols[j]) ? " NULLS FIRST" : "");
    if (first && ix->unique)
        sb_printf(b, ", \"%s\"", def->cols[ix->cols[0]].name);
    /* events_by_message is (message, occurred_at): the occurrence time
     * leaves few ties, and the arrival time and id would be two fifths of
     * every entry; the order is completed by sorting the ties (measured:
     * 62 bytes per event with them at 100,000 events, docs/decisions.md
     * §43). A range scan past a fold mark still starts at its time.
     * events_by_campaign is (campaign, occurred_hour), without the id: a
     * campaign's events of one hour are then one deduplicated entry (a
     * posting list of their row addresses, 6 bytes each) instead of one
     * 52-byte entry per event in half-full pages; the id order within an
     * hour is a sort, done once per scan by the campaign cursor
     * (camp_scan; docs/decisions.md §49). */
    if (!unique && !(ev && (strcmp(ix->name, "events_by_message") == 0 ||
                            strcmp(ix->name, "events_by_campaign") == 0))) {
        unsigned tail[MAX_KEY];
        unsigned nt = store_index_tail(def, (int)x, tail);
        for (unsigned j = 0; j < nt; j++)
            sb_printf(b, ", \"%s\"", def->cols[tail[j]].name);
    }
    sb_printf(b, ");\n");
}

static void sql_column(strbuf *b, const mtrk_table_def *def, unsigned c, int first)
{
    const char *type = pg_type(def->cols[c].type);
    if (is_events(def) && def->cols[c].type == MTRK_VAL_INT)
        type = int_type(ev_int_width(def, c));
    sb_printf(b, "%s\"%s\" %s%s", first ? "" : ", ", def->cols[c].name, type, col_nullable(def, c) ? "" : " NOT NULL");
}

static void sql_create_table(strbuf *b, const mtrk_table_def *def)
{
    int ev = is_events(def);
    sb_printf(b, "CREATE TABLE \"%s\" (", def->name);
    if (ev) {
        int first = 1;
        for (size_t i = 0; i < EV_LAYOUT_N; i++)
            for (unsigned c = 0; c < def->ncols; c++)
                if (strcmp(def->cols[c].name, ev_layout[i].name) == 0) {
                    sql_column(b, def, c, first);
                    first = 0;
                }
        for (unsigned c = 0; c < def->ncols; c++) {
            size_t i = 0;
            while (i < EV_LAYOUT_N && strcmp(def->cols[c].name, ev_layout[i].name) != 0)
                i++;
            if (i == EV_LAYOUT_N) {
                sql_column(b, def, c, first);
                first = 0;
            }
        }
    } else {
        for (unsigned c = 0; c < def->ncols; c++)
            sql_column(b, def, c, c == 0);
    }
    /* Events: the id alone (unique in the whole database; see the top). */
    sb_printf(b, ", PRIMARY KEY (");
    for (unsigned c = ev ? 1 : 0; c < def->npk; c++)
        sb_printf(b, "%s\"%s\"", c > (ev ? 1u : 0u) ? ", " : "", def->cols[c].name);
    sb_printf(b, ")");
    for (size_t i = 0; i < store_nfks; i++) {
        const store_fk *fk = &store_fks[i];
        if (strcmp(fk->table, def->name) != 0)
            continue;
        if (strcmp(fk->col, "tenant") == 0)
            sb_printf(b, ", FOREIGN KEY (\"tenant\") REFERENCES \"%s\" (\"id\")", fk->parent);
        else
            sb_printf(b, ", FOREIGN KEY (\"tenant\", \"%s\") REFERENCES \"%s\" (\"tenant\", \"id\")", fk->col,
                    fk->parent);
        sb_printf(b, " DEFERRABLE INITIALLY DEFERRED");
    }
    sb_printf(b, ");\n");
    for (unsigned x = 0; x < def->nindexes; x++)
        sql_create_index(b, def, x);
}

/* Runs the script built in b (and frees it); `what` names it in errors. */
static int exec_script(pgstore *s, strbuf *b, const char *what)
{
    if (b->oom) {
        free(b->p);
        return fail(s, MTRK_ENOMEM, "pg store: out of memory %s", what);
    }
    int rc = exec(s, b->p, what);
    free(b->p);
    return rc;
}

static int migrate_1(pgstore *s, const char *schema)
{
    strbuf b = { 0 };
    (void)schema;
    for (unsigned t = 0; t < s->ntables; t++)
        sql_create_table(&b, s->ts[t].def);
    return exec_script(s, &b, "creating the schema");
}

/* The stored messages' queue_state, from their state by the core's rule
 * (mtrk_store_queue_state: a backend does not restate it): one UPDATE per
 * distinct state (a handful). */
static int fill_queue_states(pgstore *s, const char *what)
{
    PGresult *res = PQexec(s->conn, "SELECT DISTINCT state FROM messages");
    if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
        return res_fail(s, res, what);
    strbuf b = { 0 };
    for (int i = 0; i < PQntuples(res); i++) {
        long long st = strtoll(PQgetvalue(res, i, 0), NULL, 10);
        long long q = (long long)mtrk_store_queue_state(st);
        if (q != 0)
            sb_printf(&b, "UPDATE messages SET queue_state = %lld WHERE state = %lld;\n", q, st);
    }
    PQclear(res);
    if (b.n == 0 && !b.oom) {
        sb_free(&b);
        return 0;
    }
    return exec_script(s, &b, what);
}

/* Migration 2 (library schema 4), for event inserts: events_by_contact
 * dropped (a contact's history is read through its messages); messages gain
 * queue_state (src/core/rows.h, filled by fill_queue_states) and
 * messages_by_queue is rebuilt over it; the events' foreign keys to
 * campaigns and contacts dropped (fk.c). */
static int migrate_2(pgstore *s, const char *schema)
{
    (void)schema;
    const char *what = "migrating to schema version 2";
    int rc = exec(s,
                  "DROP INDEX IF EXISTS events_by_contact;\n"
                  "ALTER TABLE events DROP CONSTRAINT IF EXISTS events_tenant_campaign_fkey,\n"
                  "  DROP CONSTRAINT IF EXISTS events_tenant_contact_fkey;\n"
                  "ALTER TABLE messages ADD COLUMN queue_state bigint;\n",
                  what);
    if (rc == 0)
        rc = fill_queue_states(s, what);
    if (rc)
        return rc;
    return exec(s,
                "DROP INDEX IF EXISTS messages_by_queue;\n"
                /* Frozen: the index as this version made it, written out. */
                "CREATE INDEX \"messages_by_queue\" ON \"messages\" (\"tenant\", \"campaign\","
                " \"queue_state\" NULLS FIRST, \"id\");\n",
                what);
}

/* Version 3: where a message's facts stop (docs/decisions.md §8). NULL in
 * every existing row: its facts are its state folded with all its events. */
static int migrate_3(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "ALTER TABLE messages ADD COLUMN folded_occurred_at bigint,\n"
                "  ADD COLUMN folded_arrived_at bigint, ADD COLUMN folded_event uuid;\n",
                "migrating to schema version 3");
}

/* The stored events' occurred_hour, from their occurred_at by the core's
 * rule (mtrk_store_event_hour: a backend does not restate it): the distinct
 * times a page at a time, each page one UPDATE from a VALUES list. */
static int fill_hours(pgstore *s, const char *what)
{
    long long after = 0;
    int first = 1, rc = 0;
    enum { PAGE_TIMES = 10000 };
    while (rc == 0) {
        char q[160];
        snprintf(q, sizeof q, "SELECT DISTINCT occurred_at FROM events%s ORDER BY 1 LIMIT %d",
                 first ? "" : " WHERE occurred_at > $1", (int)PAGE_TIMES);
        char arg[32];
        snprintf(arg, sizeof arg, "%lld", after);
        const char *params[1] = { arg };
        PGresult *res = PQexecParams(s->conn, q, first ? 0 : 1, NULL, first ? NULL : params, NULL, NULL, 0);
        if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
            return res_fail(s, res, what);
        int n = PQntuples(res);
        strbuf b = { 0 };
        sb_add(&b, "UPDATE events SET occurred_hour = v.h FROM (VALUES ");
        for (int i = 0; i < n; i++) {
            long long o = strtoll(PQgetvalue(res, i, 0), NULL, 10);
            sb_printf(&b, "%s(%lld::bigint, %lld::bigint)", i ? ", " : "", o, (long long)mtrk_store_event_hour(o));
            after = o;
        }
        sb_add(&b, ") AS v (o, h) WHERE events.occurred_at = v.o");
        PQclear(res);
        if (n == 0) {
            sb_free(&b);
            break;
        }
        rc = exec_script(s, &b, what);
        first = 0;
        if (n < PAGE_TIMES)
            break;
    }
    return rc;
}

/* Version 4: events gain occurred_hour, and events_by_campaign is keyed by
 * it (docs/decisions.md §10); the hour is the core's rule (fill_hours). */
static int migrate_4(pgstore *s, const char *schema)
{
    (void)schema;
    int rc = exec(s, "ALTER TABLE events ADD COLUMN occurred_hour bigint NOT NULL DEFAULT 0;\n",
                  "migrating to schema version 4");
    if (rc == 0)
        rc = fill_hours(s, "migrating to schema version 4");
    if (rc)
        return rc;
    return exec(s,
                "ALTER TABLE events ALTER COLUMN occurred_hour DROP DEFAULT;\n"
                "DROP INDEX IF EXISTS events_by_campaign;\n"
                /* Frozen: the index as this version made it, written out. */
                "CREATE INDEX \"events_by_campaign\" ON \"events\" (\"tenant\", \"campaign\", \"occurred_hour\","
                " \"id\");\n",
                "migrating to schema version 4");
}

/* Version 5: messages gain folded_links, the links a message's clicks named
 * up to its mark (src/core/rows.h), so that a row's summary holds the fold's
 * whole state. Summaries written before lack it: their marks are cleared,
 * which makes the fold read those messages' whole history again. */
static int migrate_5(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "ALTER TABLE messages ADD COLUMN folded_links text;\n"
                "UPDATE messages SET folded_occurred_at = NULL, folded_arrived_at = NULL, folded_event = NULL"
                " WHERE folded_event IS NOT NULL;\n",
                "migrating to schema version 5");
}

/* Version 6: tenants gain address_rule, the rule their contacts' keys
 * follow (1: the address lower-cased in ASCII only, as every existing
 * database has them; the core merges and re-keys them when the database is
 * opened and then sets 2, docs/decisions.md "Addresses"), and the window of
 * accepted occurrence times (events_earliest, 2000-01-01; events_ahead_ms, a
 * day). The defaults serve the existing rows only, as a new database has them. */
static int migrate_6(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "ALTER TABLE tenants ADD COLUMN address_rule bigint NOT NULL DEFAULT 1,\n"
                "  ADD COLUMN events_earliest bigint NOT NULL DEFAULT 946684800000,\n"
                "  ADD COLUMN events_ahead_ms bigint NOT NULL DEFAULT 86400000;\n"
                "ALTER TABLE tenants ALTER COLUMN address_rule DROP DEFAULT,\n"
                "  ALTER COLUMN events_earliest DROP DEFAULT, ALTER COLUMN events_ahead_ms DROP DEFAULT;\n",
                "migrating to schema version 6");
}

/* Version 7: the bounce policies and reputation guards (src/core/rows.h):
 * per-tenant settings, the guard's state per scope, the campaigns a guard
 * paused, and the policy per bounce reason. New tables only. Frozen. */
static int migrate_7(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "CREATE TABLE \"bounce_settings\" (\"tenant\" uuid NOT NULL, \"window_ms\" bigint NOT NULL,"
                " \"min_sent\" bigint NOT NULL, \"complaint_warn_ppm\" bigint NOT NULL,"
                " \"complaint_pause_ppm\" bigint NOT NULL, \"bounce_warn_ppm\" bigint NOT NULL,"
                " \"bounce_pause_ppm\" bigint NOT NULL, \"suppression_expiry_ms\" bigint NOT NULL,"
                " \"updated_at\" bigint NOT NULL, PRIMARY KEY (\"tenant\"));\n"
                "CREATE TABLE \"reputation_state\" (\"tenant\" uuid NOT NULL, \"scope\" text COLLATE \"C\" NOT NULL,"
                " \"level\" bigint NOT NULL, \"changed_at\" bigint NOT NULL, \"since\" bigint NOT NULL,"
                " \"sent\" bigint NOT NULL, \"delivered\" bigint NOT NULL, \"bounces\" bigint NOT NULL,"
                " \"complaints\" bigint NOT NULL, PRIMARY KEY (\"tenant\", \"scope\"));\n"
                "CREATE TABLE \"reputation_paused\" (\"tenant\" uuid NOT NULL, \"scope\" text COLLATE \"C\" NOT NULL,"
                " \"campaign\" uuid NOT NULL, \"paused_at\" bigint NOT NULL,"
                " PRIMARY KEY (\"tenant\", \"scope\", \"campaign\"));\n"
                "CREATE TABLE \"bounce_policies\" (\"tenant\" uuid NOT NULL, \"reason\" bigint NOT NULL,"
                " \"action\" bigint NOT NULL, \"soft_limit\" bigint NOT NULL, \"updated_at\" bigint NOT NULL,"
                " PRIMARY KEY (\"tenant\", \"reason\"));\n",
                "migrating to schema version 7");
}

/* Version 8: provider webhooks' tables: per provider settings and keys, and
 * the dead-letter store (src/core/rows.h). Frozen: written out. */
static int migrate_8(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "CREATE TABLE \"webhook_settings\" (\"tenant\" uuid NOT NULL, \"provider\" text COLLATE \"C\" NOT NULL,"
                " \"tolerance_ms\" bigint NOT NULL, \"allow_unsigned\" bigint NOT NULL, \"updated_at\" bigint NOT NULL,"
                " PRIMARY KEY (\"tenant\", \"provider\"));\n"
                "CREATE TABLE \"webhook_keys\" (\"tenant\" uuid NOT NULL, \"provider\" text COLLATE \"C\" NOT NULL,"
                " \"key_id\" bigint NOT NULL, \"secret\" text COLLATE \"C\" NOT NULL, \"created_at\" bigint NOT NULL,"
                " PRIMARY KEY (\"tenant\", \"provider\", \"key_id\"));\n"
                "CREATE TABLE \"deadletters\" (\"tenant\" uuid NOT NULL, \"id\" uuid NOT NULL,"
                " \"provider\" text COLLATE \"C\" NOT NULL, \"event_key\" text COLLATE \"C\" NOT NULL,"
                " \"reason\" text COLLATE \"C\" NOT NULL, \"provider_type\" text COLLATE \"C\", \"type\" bigint NOT NULL,"
                " \"message\" uuid, \"provider_message_id\" text COLLATE \"C\", \"occurred_at\" bigint NOT NULL,"
                " \"arrived_at\" bigint NOT NULL, \"recipient\" text COLLATE \"C\", \"url\" text COLLATE \"C\","
                " \"link_index\" bigint NOT NULL, \"user_agent\" text COLLATE \"C\", \"ip\" text COLLATE \"C\","
                " \"verdict\" bigint NOT NULL, \"verdict_reason\" text COLLATE \"C\", \"bounce_kind\" bigint NOT NULL,"
                " \"diagnostic\" text COLLATE \"C\", \"unsub_scope\" bigint NOT NULL, \"payload\" text COLLATE \"C\","
                " PRIMARY KEY (\"tenant\", \"id\"));\n"
                "CREATE UNIQUE INDEX \"deadletters_by_key\" ON \"deadletters\" (\"tenant\", \"provider\", \"event_key\");\n",
                "migrating to schema version 8");
}

/* Version 9: api_tokens, the tenants' API bearer tokens, stored hashed
 * (src/core/apitoken.c). Frozen: the table as this version made it. */
static int migrate_9(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "CREATE TABLE \"api_tokens\" (\"tenant\" uuid NOT NULL, \"id\" uuid NOT NULL,"
                " \"label\" text COLLATE \"C\" NOT NULL, \"hash\" text COLLATE \"C\" NOT NULL,"
                " \"created_at\" bigint NOT NULL, \"revoked_at\" bigint NOT NULL,"
                " PRIMARY KEY (\"tenant\", \"id\"));\n",
                "migrating to schema version 9");
}

/* Version 10: bounce_facts, the facts of bounce events that carried them
 * (src/core/bounce_facts.c). New table only. Frozen: written out. */
static int migrate_10(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "CREATE TABLE \"bounce_facts\" (\"tenant\" uuid NOT NULL, \"event\" uuid NOT NULL,"
                " \"message\" uuid NOT NULL, \"campaign\" uuid NOT NULL, \"occurred_at\" bigint NOT NULL,"
                " \"reason\" bigint NOT NULL, \"given_kind\" bigint NOT NULL, \"kind\" bigint NOT NULL,"
                " \"action\" bigint NOT NULL, \"by\" bigint NOT NULL, \"smtp_code\" bigint NOT NULL,"
                " \"status\" text COLLATE \"C\", \"bounce_type\" text COLLATE \"C\","
                " \"bounce_subtype\" text COLLATE \"C\", PRIMARY KEY (\"tenant\", \"event\"));\n"
                "CREATE INDEX \"bounce_facts_by_message\" ON \"bounce_facts\" (\"tenant\", \"message\", \"event\");\n"
                "CREATE INDEX \"bounce_facts_by_campaign\" ON \"bounce_facts\""
                " (\"tenant\", \"campaign\", \"reason\", \"event\");\n",
                "migrating to schema version 10");
}

/* Version 11: provider webhooks' per-message data (src/core/rows.h): the
 * provider's message id recorded at send time, the original event objects a
 * tenant keeps with the tenant's setting for them (off, 30 days, for the
 * existing tenants), the signed tokens of recent requests, and the send id
 * of a dead letter. Frozen: as this version made them. */
static int migrate_11(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "ALTER TABLE tenants ADD COLUMN keep_webhook_payloads bigint NOT NULL DEFAULT 0,\n"
                "  ADD COLUMN webhook_payload_retention_ms bigint NOT NULL DEFAULT 2592000000;\n"
                "ALTER TABLE tenants ALTER COLUMN keep_webhook_payloads DROP DEFAULT,\n"
                "  ALTER COLUMN webhook_payload_retention_ms DROP DEFAULT;\n"
                "ALTER TABLE deadletters ADD COLUMN send_id text COLLATE \"C\";\n"
                "CREATE TABLE \"provider_messages\" (\"tenant\" uuid NOT NULL, \"provider\" text COLLATE \"C\" NOT NULL,"
                " \"provider_message_id\" text COLLATE \"C\" NOT NULL, \"message\" uuid NOT NULL,"
                " \"recorded_at\" bigint NOT NULL, PRIMARY KEY (\"tenant\", \"provider\", \"provider_message_id\"));\n"
                "CREATE INDEX \"provider_messages_by_message\" ON \"provider_messages\" (\"tenant\", \"message\","
                " \"provider\", \"provider_message_id\");\n"
                "CREATE TABLE \"webhook_payloads\" (\"tenant\" uuid NOT NULL, \"event\" uuid NOT NULL,"
                " \"provider\" text COLLATE \"C\" NOT NULL, \"message\" uuid NOT NULL, \"arrived_at\" bigint NOT NULL,"
                " \"payload\" text COLLATE \"C\" NOT NULL, PRIMARY KEY (\"tenant\", \"event\"));\n"
                "CREATE INDEX \"webhook_payloads_by_message\" ON \"webhook_payloads\" (\"tenant\", \"message\", \"event\");\n"
                "CREATE INDEX \"webhook_payloads_by_time\" ON \"webhook_payloads\" (\"tenant\", \"arrived_at\", \"event\");\n"
                "CREATE TABLE \"webhook_nonces\" (\"tenant\" uuid NOT NULL, \"provider\" text COLLATE \"C\" NOT NULL,"
                " \"token\" text COLLATE \"C\" NOT NULL, \"seen_at\" bigint NOT NULL, \"expires_at\" bigint NOT NULL,"
                " PRIMARY KEY (\"tenant\", \"provider\", \"token\"));\n"
                "CREATE INDEX \"webhook_nonces_by_expiry\" ON \"webhook_nonces\" (\"tenant\", \"expires_at\","
                " \"provider\", \"token\");\n",
                "migrating to schema version 11");
}

/* Version 12: a dead-lettered bounce's facts (src/core/rows.h), none for
 * the dead letters already kept. Frozen: as this version made them. */
static int migrate_12(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "ALTER TABLE deadletters ADD COLUMN bounce_reason bigint NOT NULL DEFAULT 0,\n"
                "  ADD COLUMN smtp_code bigint NOT NULL DEFAULT 0,\n"
                "  ADD COLUMN bounce_status text COLLATE \"C\",\n"
                "  ADD COLUMN bounce_type text COLLATE \"C\",\n"
                "  ADD COLUMN bounce_subtype text COLLATE \"C\";\n"
                "ALTER TABLE deadletters ALTER COLUMN bounce_reason DROP DEFAULT,\n"
                "  ALTER COLUMN smtp_code DROP DEFAULT;\n",
                "migrating to schema version 12");
}

/* Version 13: events in one plain table (docs/decisions.md §43): no
 * partitions, so no side tables and no trigger keep its unique keys; the
 * primary key is the id alone, events_by_provider a plain unique index led
 * by the provider, the other indexes leave the tenant out (and
 * events_by_message ends at occurred_at); the columns in the order of
 * ev_layout, the codes smallint and the effects integer. The rows are moved
 * once (a code out of range fails the migration, which then changes
 * nothing); the indexes and foreign keys are made after the move. Frozen:
 * written out. */
static int migrate_13(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "ALTER TABLE events RENAME TO events_partitioned;\n"
                "ALTER TABLE events_partitioned DROP CONSTRAINT events_pkey;\n"
                "DROP INDEX IF EXISTS events_by_provider, events_by_message, events_by_campaign;\n"
                "CREATE TABLE \"events\" (\"tenant\" uuid NOT NULL, \"id\" uuid NOT NULL, \"message\" uuid NOT NULL,"
                " \"campaign\" uuid NOT NULL, \"contact\" uuid NOT NULL, \"occurred_at\" bigint NOT NULL,"
                " \"arrived_at\" bigint NOT NULL, \"occurred_hour\" bigint NOT NULL, \"type\" smallint NOT NULL,"
                " \"bounce_kind\" smallint NOT NULL, \"verdict\" smallint NOT NULL, \"unsub_scope\" smallint NOT NULL,"
                " \"unsub_source\" smallint NOT NULL, \"effects\" integer NOT NULL, \"link\" uuid, \"unsub_audience\" uuid,"
                " \"provider\" text COLLATE \"C\", \"provider_event_id\" text COLLATE \"C\","
                " \"provider_message_id\" text COLLATE \"C\", \"diagnostic\" text COLLATE \"C\","
                " \"user_agent\" text COLLATE \"C\", \"ip\" text COLLATE \"C\", \"verdict_reason\" text COLLATE \"C\","
                " PRIMARY KEY (\"id\"));\n"
                "INSERT INTO events SELECT tenant, id, message, campaign, contact, occurred_at, arrived_at, occurred_hour,"
                " type, bounce_kind, verdict, unsub_scope, unsub_source, effects, link, unsub_audience, provider,"
                " provider_event_id, provider_message_id, diagnostic, user_agent, ip, verdict_reason"
                " FROM events_partitioned ORDER BY id;\n"
                "DROP TABLE events_partitioned CASCADE;\n"
                "DROP FUNCTION events_keys_sync();\n"
                "DROP TABLE events_ids, events_provider_ids;\n"
                "CREATE UNIQUE INDEX \"events_by_provider\" ON \"events\" (\"provider\" NULLS FIRST,"
                " \"provider_event_id\" NULLS FIRST, \"tenant\");\n"
                "CREATE INDEX \"events_by_message\" ON \"events\" (\"message\", \"occurred_at\");\n"
                "CREATE INDEX \"events_by_campaign\" ON \"events\" (\"campaign\", \"occurred_hour\", \"id\");\n"
                "ALTER TABLE events ADD FOREIGN KEY (\"tenant\", \"message\") REFERENCES \"messages\" (\"tenant\", \"id\")"
                " DEFERRABLE INITIALLY DEFERRED,\n"
                "  ADD FOREIGN KEY (\"tenant\", \"link\") REFERENCES \"links\" (\"tenant\", \"id\")"
                " DEFERRABLE INITIALLY DEFERRED;\n"
                "ANALYZE events;\n",
                "migrating to schema version 13");
}

/* Version 14: events_by_campaign without the id (docs/decisions.md §49):
 * (campaign, occurred_hour), deduplicated, a fifth of its size before at
 * 100,000 events. Frozen: written out. */
static int migrate_14(pgstore *s, const char *schema)
{
    (void)schema;
    return exec(s,
                "DROP INDEX events_by_campaign;\n"
                "CREATE INDEX \"events_by_campaign\" ON \"events\" (\"campaign\", \"occurred_hour\");\n",
                "migrating to schema version 14");
}

typedef int (*migration_fn)(pgstore *s, const char *schema);
static const migration_fn migrations[PG_SCHEMA_VERSION] = { migrate_1, migrate_2, migrate_3, migrate_4, migrate_5,
                                                            migrate_6, migrate_7, migrate_8, migrate_9, migrate_10,
                                                            migrate_11, migrate_12, migrate_13, migrate_14 };

/* Creates or migrates the schema in the connection's current schema. */
static int setup_schema(pgstore *s)
{
    int rc;
    if ((rc = exec(s, "BEGIN", "beginning the schema check")))
        return rc;
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%d, %d)", LOCK_CLASS, LOCK_SCHEMA);
    if ((rc = exec(s, sql, "locking the schema")))
        goto out;
    PGresult *res = PQexec(s->conn, "SELECT current_schema(), to_regclass('mtrk_schema') IS NOT NULL");
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        rc = res_fail(s, res, "reading the schema");
        goto out;
    }
    if (PQgetisnull(res, 0, 0)) {
        PQclear(res);
        rc = fail(s, MTRK_ESTORE, "pg store: no schema to create the tables in (check search_path)");
        goto out;
    }
    char *schema = PQescapeIdentifier(s->conn, PQgetvalue(res, 0, 0), strlen(PQgetvalue(res, 0, 0)));
    int exists = PQgetvalue(res, 0, 1)[0] == 't';
    PQclear(res);
    if (schema == NULL) {
        rc = fail(s, MTRK_ENOMEM, "pg store: out of memory");
        goto out;
    }
    long version = 0;
    if (!exists) {
        rc = exec(s, "CREATE TABLE mtrk_schema (version integer PRIMARY KEY, "
                     "applied_at timestamptz NOT NULL DEFAULT now())", "creating mtrk_schema");
    } else {
        res = PQexec(s->conn, "SELECT coalesce(max(version), 0) FROM mtrk_schema");
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            rc = res_fail(s, res, "reading mtrk_schema");
        } else {
            version = strtol(PQgetvalue(res, 0, 0), NULL, 10);
            PQclear(res);
            if (version > PG_SCHEMA_VERSION)
                rc = fail(s, MTRK_EVERSION, "pg store: the database has schema version %ld, newer than this "
                          "library's %d; it was not changed", version, PG_SCHEMA_VERSION);
        }
    }
    /* Migration 1 creates the current schema: a new database needs no other. */
    for (long v = version + 1; rc == 0 && v <= PG_SCHEMA_VERSION; v++) {
        if (version == 0 && v > 1)
            rc = 0; /* made by migration 1 already: only recorded */
        else
            rc = migrations[v - 1](s, schema);
        if (rc == 0) {
            snprintf(sql, sizeof sql, "INSERT INTO mtrk_schema (version) VALUES (%ld)", v);
            rc = exec(s, sql, "recording the schema version");
        }
    }
    PQfreemem(schema);
out:
    if (rc) {
        PGresult *r = PQexec(s->conn, "ROLLBACK");
        PQclear(r);
        return rc;
    }
    return exec(s, "COMMIT", "committing the schema");
}

/* ------------------------------------------------------------------ */
/* Connection                                                          */
/* ------------------------------------------------------------------ */

static void forget_statements(pgstore *s)
{
    for (unsigned t = 0; t < s->ntables; t++)
        s->ts[t].get_ok = s->ts[t].ins_ok = s->ts[t].upd_ok = s->ts[t].del_ok = s->ts[t].many_ok = 0;
    for (size_t i = 0; i < s->nshapes; i++)
        s->shapes[i].prepared = 0;
    s->typed_ok = 0;
    for (unsigned t = 0; t < s->ntables; t++)
        s->ts[t].many_plan.checked_ms = 0;
    s->load_plan.checked_ms = 0;
    s->piped = 0; /* a new connection starts out of pipeline mode, with custom plans */
    s->npend = 0;
    s->generic = s->generic_at_begin = 0;
}

static void notice_quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static int connect_db(pgstore *s)
{
    if (s->conn)
        PQfinish(s->conn);
    forget_statements(s);
    s->broken = 0;
    s->conn = PQconnectdb(s->conninfo);
    if (s->conn == NULL)
        return fail(s, MTRK_ENOMEM, "pg store: out of memory connecting");
    if (PQstatus(s->conn) != CONNECTION_OK) {
        char m[ERRMSG_MAX / 2];
        snprintf(m, sizeof m, "%s", PQerrorMessage(s->conn));
        size_t ml = strlen(m);
        while (ml && (m[ml - 1] == '\n' || m[ml - 1] == ' '))
            m[--ml] = '\0';
        s->broken = 1;
        return fail(s, MTRK_ESTORE, "pg store: cannot connect: %s", m);
    }
    PQsetNoticeProcessor(s->conn, notice_quiet, NULL);
    if (PQserverVersion(s->conn) < 140000) {
        s->broken = 1;
        return fail(s, MTRK_ESTORE, "pg store: the server is PostgreSQL %d; 14 or newer is needed",
                    PQserverVersion(s->conn) / 10000);
    }
    char sql[512];
    snprintf(sql, sizeof sql,
             "SET client_encoding = 'UTF8'; SET lock_timeout = %d; SET synchronous_commit = %s; "
             "SET TIME ZONE 'UTC'; SET enable_seqscan = off; SET enable_bitmapscan = off; SET plan_cache_mode = force_custom_plan; "
             "SET jit = off",
             s->busy_ms, s->sync_off ? "off" : "on");
    return exec(s, sql, "setting up the session");
}

/* ------------------------------------------------------------------ */
/* Values                                                              */
/* ------------------------------------------------------------------ */


static Oid col_oid(const mtrk_column_def *cd)
{
    return cd->type == MTRK_VAL_INT ? OID_INT8 : cd->type == MTRK_VAL_TEXT ? OID_TEXT : OID_UUID;
}

/* Parameter buffers: values as binary parameters. */
typedef struct params {
    const char *val[MAX_KEY * 2 + MAX_COLS + 2];
    int len[MAX_KEY * 2 + MAX_COLS + 2];
    int fmt[MAX_KEY * 2 + MAX_COLS + 2];
    unsigned char ints[MAX_KEY * 2 + MAX_COLS + 2][8];
    unsigned n;
} params;

static void put_i64(unsigned char *p, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int k = 7; k >= 0; k--) {
        p[k] = (unsigned char)(u & 0xff);
        u >>= 8;
    }
}

static int64_t get_i64(const unsigned char *p)
{
    uint64_t u = 0;
    for (int k = 0; k < 8; k++)
        u = (u << 8) | p[k];
    return (int64_t)u;
}

/* Adds value v for column cd (v must not be NULL). */
static int param_add(pgstore *s, params *pa, const mtrk_table_def *def, unsigned c, const mtrk_value *v)
{
    const mtrk_column_def *cd = &def->cols[c];
    unsigned k = pa->n++;
    pa->fmt[k] = 1;
    if (v->type != cd->type)
        return fail(s, MTRK_EINVAL, "pg store: %s.%s expects %s, got %s", def->name, cd->name,
                    store_type_name(cd->type), store_type_name(v->type));
    if (v->type == MTRK_VAL_INT) {
        put_i64(pa->ints[k], v->i);
        pa->val[k] = (const char *)pa->ints[k];
        pa->len[k] = 8;
        return 0;
    }
    if (v->p == NULL && v->n != 0)
        return fail(s, MTRK_EINVAL, "pg store: %s.%s has a NULL pointer with length %zu", def->name, cd->name, v->n);
    if (v->type == MTRK_VAL_BLOB && v->n != 16)
        return fail(s, MTRK_EINVAL, "pg store: %s.%s is an id and needs 16 bytes, got %zu", def->name, cd->name,
                    v->n);
    if (v->n > 0x3fffffff)
        return fail(s, MTRK_ETOOLONG, "pg store: %s.%s is over 1 GiB", def->name, cd->name);
    if (v->type == MTRK_VAL_TEXT && memchr(v->p, '\0', v->n) != NULL)
        return fail(s, MTRK_EINVAL, "pg store: %s.%s contains a NUL byte", def->name, cd->name);
    pa->val[k] = v->n ? (const char *)v->p : "";
    pa->len[k] = (int)v->n;
    return 0;
}

static void param_null(params *pa)
{
    unsigned k = pa->n++;
    pa->val[k] = NULL;
    pa->len[k] = 0;
    pa->fmt[k] = 1;
}

static int check_key(pgstore *s, const char *what, const mtrk_value *key, unsigned n)
{
    char m[256];
    int rc = store_check_key(what, key, n, m, sizeof m);
    return rc ? fail(s, rc, "pg store: %s", m) : 0;
}

/* Reads row r of res (binary, the table's columns in order) into vals. */
static void res_row(const mtrk_table_def *def, PGresult *res, int r, mtrk_value *vals)
{
    for (unsigned c = 0; c < def->ncols; c++) {
        mtrk_value *v = &vals[c];
        v->i = 0;
        v->p = NULL;
        v->n = 0;
        if (PQgetisnull(res, r, (int)c)) {
            v->type = MTRK_VAL_NULL;
            continue;
        }
        v->type = def->cols[c].type;
        const char *p = PQgetvalue(res, r, (int)c);
        if (v->type == MTRK_VAL_INT) {
            /* By its width: events keep their codes narrower (ev_layout). */
            const unsigned char *u = (const unsigned char *)p;
            int w = PQgetlength(res, r, (int)c);
            v->i = w == 2 ? (int16_t)(uint16_t)((unsigned)u[0] << 8 | u[1])
                 : w == 4 ? (int32_t)((uint32_t)u[0] << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3])
                 : get_i64(u);
        } else {
            v->p = p; /* libpq NUL-terminates every value */
            v->n = (size_t)PQgetlength(res, r, (int)c);
        }
    }
}

/* Hands the rows of res to fn in order, with the depth that forbids changes
 * while fn runs, until fn returns nonzero; returns that code, or 0. */
static int res_visit(pgstore *s, const mtrk_table_def *def, PGresult *res, mtrk_value *vals, mtrk_row_fn fn,
                     void *userdata)
{
    int nrows = PQntuples(res);
    for (int r = 0; r < nrows; r++) {
        res_row(def, res, r, vals);
        s->depth++;
        int rc = fn(userdata, vals);
        s->depth--;
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */
/* ------------------------------------------------------------------ */

static int prepare(pgstore *s, const char *name, const char *sql, int nparams, const Oid *types)
{
    int rc;
    if (s->piped && (rc = pipe_end(s, 0, NULL)))
        return rc;
    PGresult *res = PQprepare(s->conn, name, sql, nparams, types);
    if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
        return res_fail(s, res, "preparing a statement");
    PQclear(res);
    return 0;
}

/*
 * Plans. Point statements — get, insert, update, delete by primary key, and
 * scans whose prefix is a whole unique index (or the whole primary key) —
 * have one right plan whatever the statistics: they run with generic plans,
 * planned once per connection. Every other scan runs with a custom plan per
 * execution (see the top). The session switches with a SET sent in the
 * pipeline just before the statement, so a switch costs no round trip; SET
 * is transactional, so a rollback restores the mode the transaction began
 * with.
 */
static int plan_mode(pgstore *s, int generic)
{
    if (s->generic == generic)
        return 0;
    if (!s->piped) {
        if (PQenterPipelineMode(s->conn) != 1)
            return fail(s, MTRK_ESTORE, "pg store: cannot enter pipeline mode: %s", PQerrorMessage(s->conn));
        s->piped = 1;
    }
    const char *sql = generic ? "SET plan_cache_mode = force_generic_plan" : "SET plan_cache_mode = force_custom_plan";
    if (PQsendQueryParams(s->conn, sql, 0, NULL, NULL, NULL, NULL, 0) != 1) {
        int rc = pipe_end(s, 0, NULL);
        return rc ? rc : pipe_lost(s, "setting plan_cache_mode");
    }
    s->pend[s->npend].op = OP_SET;
    s->pend[s->npend].table = 0;
    s->pend[s->npend].expect = 0;
    s->npend++;
    s->generic = generic;
    if (s->npend == PIPE_MAX)
        return pipe_end(s, 0, NULL);
    return 0;
}

/* How often a connection looks again at a keyed read's generic plan. */
enum { KEYED_RECHECK_MS = 60000 };

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The plan nodes of a read by arrays of keys that walk more than the keys:
 * a hash, merge or materialized join reads the tenant's whole range once
 * per execution, a join filter tests the keys after the index (the look-up
 * is not by the key), and sequential or bitmap scans read the table. */
static int keyed_plan_bad(const char *line)
{
    static const char *const bad[] = { "Hash", "Merge", "Materialize", "Join Filter", "Seq Scan", "Bitmap" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (strstr(line, bad[i]))
            return 1;
    return 0;
}

/*
 * Plans of the reads by arrays of keys (get_many, messages_load; docs/
 * decisions.md §57). Their generic plan is right once the planner knows the
 * table's size: a nested loop of primary-key look-ups. Made while a table
 * is empty or small, it reads the tenant's whole range per execution (a
 * hash join, or a nested loop over a materialized range), and the server
 * keeps it until the table's next ANALYZE. So a connection runs these
 * reads with generic plans (planning was a fifth of the server's time per
 * tracking hit, docs/performance.md) only while the plan the server would
 * cache is seen to be right: EXPLAIN EXECUTE of each statement under
 * force_generic_plan (which makes and caches that plan; the values do not
 * matter to it, so they are NULLs), at the first use and then at most every
 * KEYED_RECHECK_MS; else custom plans, planned at each execution. A plan
 * the server makes again after an ANALYZE is made from statistics at least
 * as recent as the ones checked.
 */
static int keyed_plan_check(pgstore *s, keyed_plan *kp, const char *const *names, unsigned nnames,
                            unsigned nparams)
{
    int64_t now = mono_ms();
    if (kp->checked_ms != 0 && now - kp->checked_ms < KEYED_RECHECK_MS)
        return 0;
    int good = 1, rc;
    for (unsigned i = 0; i < nnames && good; i++) {
        char sql[64 + MAX_KEY * 6]; /* a NULL per parameter: at most one per key column, or two */
        int len = snprintf(sql, sizeof sql, "EXPLAIN (COSTS OFF) EXECUTE %s(", names[i]);
        for (unsigned p = 0; p < nparams && len < (int)sizeof sql - 8; p++)
            len += snprintf(sql + len, sizeof sql - (size_t)len, "%sNULL", p ? ", " : "");
        snprintf(sql + len, sizeof sql - (size_t)len, ")");
        if ((rc = plan_mode(s, 1)))
            return rc;
        PGresult *res = NULL;
        if (s->piped) { /* with the deferred writes, in their round trip */
            if (PQsendQueryParams(s->conn, sql, 0, NULL, NULL, NULL, NULL, 0) != 1) {
                rc = pipe_end(s, 0, NULL);
                return rc ? rc : pipe_lost(s, "checking a plan");
            }
            if ((rc = pipe_end(s, 1, &res)))
                return rc;
        } else {
            res = PQexec(s->conn, sql);
        }
        if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
            return res_fail(s, res, "checking a plan");
        for (int r = 0; r < PQntuples(res) && good; r++)
            good = !keyed_plan_bad(PQgetvalue(res, r, 0));
        PQclear(res);
    }
    kp->checked_ms = now;
    kp->generic = good;
    return 0;
}

/* Executes a prepared statement and returns its rows (*out, the caller's to
 * clear): with the deferred writes, in their round trip, when there are
 * some. */
static int run_prepared(pgstore *s, const char *name, const params *pa, int generic, const char *what,
                        PGresult **out)
{
    *out = NULL;
    PGresult *res;
    int prc = plan_mode(s, generic);
    if (prc)
        return prc;
    if (s->piped) {
        if (PQsendQueryPrepared(s->conn, name, (int)pa->n, pa->val, pa->len, pa->fmt, 1) != 1) {
            int rc = pipe_end(s, 0, NULL);
            return rc ? rc : pipe_lost(s, what);
        }
        int rc = pipe_end(s, 1, &res);
        if (rc)
            return rc;
    } else {
        res = PQexecPrepared(s->conn, name, (int)pa->n, pa->val, pa->len, pa->fmt, 1);
    }
    if (res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK)
        return res_fail(s, res, what);
    *out = res;
    return 0;
}

static void sql_cols(strbuf *b, const mtrk_table_def *def)
{
    for (unsigned c = 0; c < def->ncols; c++)
        sb_printf(b, "%s\"%s\"", c ? ", " : "", def->cols[c].name);
}

static void sql_pk_where(strbuf *b, const mtrk_table_def *def, unsigned first_param)
{
    sb_printf(b, " WHERE ");
    for (unsigned c = 0; c < def->npk; c++)
        sb_printf(b, "%s\"%s\" = $%u", c ? " AND " : "", def->cols[c].name, first_param + c);
}

enum { ST_GET, ST_INS, ST_UPD, ST_DEL };

static int ensure_stmt(pgstore *s, unsigned table, int kind)
{
    tstate *ts = &s->ts[table];
    int *ok = kind == ST_GET ? &ts->get_ok : kind == ST_INS ? &ts->ins_ok : kind == ST_UPD ? &ts->upd_ok : &ts->del_ok;
    if (*ok)
        return 0;
    const mtrk_table_def *def = ts->def;
    strbuf b = { 0 };
    Oid types[MAX_COLS];
    int np = 0;
    switch (kind) {
    case ST_GET:
        sb_printf(&b, "SELECT ");
        sql_cols(&b, def);
        sb_printf(&b, " FROM \"%s\"", def->name);
        sql_pk_where(&b, def, 1);
        np = (int)def->npk;
        break;
    case ST_INS:
        sb_printf(&b, "INSERT INTO \"%s\" (", def->name);
        sql_cols(&b, def);
        sb_printf(&b, ") VALUES (");
        for (unsigned c = 0; c < def->ncols; c++)
            sb_printf(&b, "%s$%u", c ? ", " : "", c + 1);
        sb_printf(&b, ")");
        np = (int)def->ncols;
        break;
    case ST_UPD:
        sb_printf(&b, "UPDATE \"%s\" SET ", def->name);
        for (unsigned c = def->npk; c < def->ncols; c++)
            sb_printf(&b, "%s\"%s\" = $%u", c > def->npk ? ", " : "", def->cols[c].name, c + 1);
        sql_pk_where(&b, def, 1);
        np = (int)def->ncols;
        break;
    default:
        sb_printf(&b, "DELETE FROM \"%s\"", def->name);
        sql_pk_where(&b, def, 1);
        np = (int)def->npk;
        break;
    }
    for (int c = 0; c < np; c++)
        types[c] = col_oid(&def->cols[c]);
    if (b.oom) {
        free(b.p);
        return fail(s, MTRK_ENOMEM, "pg store: out of memory");
    }
    char name[32];
    snprintf(name, sizeof name, "%c%u", "giud"[kind], table);
    int rc = prepare(s, name, b.p, np, types);
    free(b.p);
    if (rc == 0)
        *ok = 1;
    return rc;
}

/* Finds or adds the shape of a scan statement (not prepared when new). */
static int shape_get(pgstore *s, unsigned table, int index, unsigned nprefix, unsigned nstart, unsigned flags,
                     uint64_t nullmask, scan_shape **out)
{
    scan_shape *sh = NULL;
    for (size_t i = 0; i < s->nshapes; i++) {
        scan_shape *x = &s->shapes[i];
        if (x->table == table && x->index == index && x->nprefix == nprefix && x->nstart == nstart &&
            x->flags == flags && x->nullmask == nullmask) {
            sh = x;
            break;
        }
    }
    if (sh == NULL) {
        if (s->nshapes == s->capshapes) {
            size_t cap = s->capshapes ? s->capshapes * 2 : 32;
            scan_shape *p = realloc(s->shapes, cap * sizeof *p);
            if (p == NULL)
                return fail(s, MTRK_ENOMEM, "pg store: out of memory");
            s->shapes = p;
            s->capshapes = cap;
        }
        sh = &s->shapes[s->nshapes++];
        memset(sh, 0, sizeof *sh);
        sh->table = table;
        sh->index = index;
        sh->nprefix = nprefix;
        sh->nstart = nstart;
        sh->flags = flags;
        sh->nullmask = nullmask;
        snprintf(sh->name, sizeof sh->name, "s%u", s->nextname++);
    }
    *out = sh;
    return 0;
}

/* Finds or prepares the scan statement of a shape. */
static void scan_sql(strbuf *b, const mtrk_table_def *def, int index, uint64_t nullmask, unsigned nprefix,
                     unsigned nstart, unsigned flags, Oid *types, unsigned *np);

static int scan_stmt(pgstore *s, unsigned table, int index, const mtrk_value *key, unsigned nprefix,
                     unsigned nstart, unsigned flags, scan_shape **out)
{
    uint64_t nullmask = 0;
    for (unsigned j = 0; j < nprefix + nstart; j++)
        if (key[j].type == MTRK_VAL_NULL)
            nullmask |= (uint64_t)1 << j;
    scan_shape *sh = NULL;
    int rc = shape_get(s, table, index, nprefix, nstart, flags, nullmask, &sh);
    if (rc)
        return rc;
    *out = sh;
    if (sh->prepared)
        return 0;

    strbuf b = { 0 };
    Oid types[MAX_KEY * 2 + 1];
    unsigned np = 0;
    scan_sql(&b, s->ts[table].def, index, nullmask, nprefix, nstart, flags, types, &np);
    types[np] = OID_INT8;
    np++;
    sb_printf(&b, " LIMIT $%u", np);
    if (b.oom) {
        free(b.p);
        return fail(s, MTRK_ENOMEM, "pg store: out of memory");
    }
    rc = prepare(s, sh->name, b.p, (int)np, types);
    free(b.p);
    if (rc == 0) {
        sh->prepared = 1;
        sh->nparams = np;
    }
    return rc;
}

/* The SELECT of a scan, without its LIMIT, into b: the rows whose sort
 * key starts with the nprefix values and (nstart values later) lies at or
 * after (after, MTRK_SCAN_AFTER) the start, in the order of flags. Each
 * value not NULL by nullmask is a parameter, $1.. in key order: *np of
 * them, their types in types[]. */
static void scan_sql(strbuf *b_, const mtrk_table_def *def, int index, uint64_t nullmask, unsigned nprefix,
                     unsigned nstart, unsigned flags, Oid *types, unsigned *np_)
{
    strbuf b = *b_;
    unsigned cols[MAX_KEY * 2];
    unsigned nkey = mtrk_store_sort_key(def, index, cols);
    int desc = (flags & MTRK_SCAN_DESC) != 0;
    int strict = (flags & MTRK_SCAN_AFTER) != 0;
    unsigned np = 0, pnum[MAX_KEY * 2];
    for (unsigned j = 0; j < nprefix + nstart; j++) {
        if (!(nullmask & ((uint64_t)1 << j))) {
            types[np] = col_oid(&def->cols[cols[j]]);
            pnum[j] = ++np;
        }
    }
    sb_printf(&b, "SELECT ");
    sql_cols(&b, def);
    sb_printf(&b, " FROM \"%s\" WHERE TRUE", def->name);
    for (unsigned j = 0; j < nprefix; j++) {
        const char *cn = def->cols[cols[j]].name;
        if (nullmask & ((uint64_t)1 << j))
            sb_printf(&b, " AND \"%s\" IS NULL", cn);
        else
            sb_printf(&b, " AND \"%s\" = $%u", cn, pnum[j]);
    }
    if (nstart) {
        int simple = 1;
        for (unsigned j = nprefix; j < nprefix + nstart; j++)
            if ((nullmask & ((uint64_t)1 << j)) || col_nullable(def, cols[j]))
                simple = 0;
        if (simple) {
            /* A row comparison: an index range start. */
            sb_printf(&b, " AND (");
            for (unsigned j = nprefix; j < nprefix + nstart; j++)
                sb_printf(&b, "%s\"%s\"", j > nprefix ? ", " : "", def->cols[cols[j]].name);
            sb_printf(&b, ") %s (", desc ? (strict ? "<" : "<=") : (strict ? ">" : ">="));
            for (unsigned j = nprefix; j < nprefix + nstart; j++)
                sb_printf(&b, "%s$%u", j > nprefix ? ", " : "", pnum[j]);
            sb_printf(&b, ")");
        } else {
            /* NULL-aware lexicographic expansion: after(j) OR (equal(j) AND ...). */
            sb_printf(&b, " AND (");
            unsigned open = 0;
            for (unsigned j = nprefix; j < nprefix + nstart; j++) {
                const char *cn = def->cols[cols[j]].name;
                int isnull = (nullmask & ((uint64_t)1 << j)) != 0;
                int last = j + 1 == nprefix + nstart;
                /* "beyond": strictly later in scan order. */
                if (isnull)
                    sb_printf(&b, desc ? "FALSE" : "\"%s\" IS NOT NULL", cn);
                else if (desc && col_nullable(def, cols[j]))
                    sb_printf(&b, "(\"%s\" < $%u OR \"%s\" IS NULL)", cn, pnum[j], cn);
                else
                    sb_printf(&b, "\"%s\" %s $%u", cn, desc ? "<" : ">", pnum[j]);
                sb_printf(&b, " OR (");
                if (isnull)
                    sb_printf(&b, "\"%s\" IS NULL", cn);
                else
                    sb_printf(&b, "\"%s\" = $%u", cn, pnum[j]);
                if (last) {
                    sb_printf(&b, " AND %s)", strict ? "FALSE" : "TRUE");
                } else {
                    sb_printf(&b, " AND (");
                    open++;
                }
            }
            for (unsigned j = 0; j < open; j++)
                sb_printf(&b, "))");
            sb_printf(&b, ")");
        }
    }
    sb_printf(&b, " ORDER BY ");
    unsigned nord = 0, nordkey = unique_total(def, index) ? def->indexes[index].ncols : nkey;
    for (unsigned j = 0; j < nordkey; j++) {
        if (store_key_repeats(cols, j))
            continue;
        int nul = col_nullable(def, cols[j]);
        sb_printf(&b, "%s\"%s\"%s", nord++ ? ", " : "", def->cols[cols[j]].name,
                desc ? (nul ? " DESC NULLS LAST" : " DESC") : (nul ? " NULLS FIRST" : ""));
    }
    *b_ = b;
    *np_ = np;
}

/* ------------------------------------------------------------------ */
/* Transactions and the tenant lock                                    */
/* ------------------------------------------------------------------ */

static int need_tx(pgstore *s, const char *op)
{
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "pg store: %s outside a transaction", op);
    if (s->broken)
        return fail(s, MTRK_ESTORE, "pg store: %s: the connection to the server was lost in this transaction; "
                    "roll back (the next begin reconnects)", op);
    if (s->deferred)
        return deferred_fail(s);
    return 0;
}

static uint32_t hash_tenant(const unsigned char *p)
{
    uint32_t h = 2166136261u;
    for (int k = 0; k < 16; k++)
        h = (h ^ p[k]) * 16777619u;
    return h;
}

/* In a write transaction, takes the advisory lock of the tenant named by v
 * (the first key column of every table) before the first statement on it. */
static int lock_tenant(pgstore *s, const mtrk_value *v)
{
    if (!s->write || v == NULL || v->type != MTRK_VAL_BLOB || v->n != 16 || v->p == NULL)
        return 0;
    if (s->tenant_locked && memcmp(s->locked_tenant, v->p, 16) == 0)
        return 0;
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%d, %d)", LOCK_CLASS + 1,
             (int32_t)hash_tenant(v->p));
    int rc = exec(s, sql, "waiting for the tenant's write lock");
    if (rc)
        return rc;
    s->tenant_locked = 1;
    memcpy(s->locked_tenant, v->p, 16);
    return 0;
}

/* Sends BEGIN, lazily, with the first statement of a transaction: together
 * with the tenant's lock when `tenant` names one (one round trip for both).
 * When the server went away since the last transaction, reconnects once:
 * nothing of this transaction was sent yet, so trying again is safe. */
static int ensure_begun(pgstore *s, const mtrk_value *tenant)
{
    if (s->begun)
        return lock_tenant(s, tenant);
    char sql[192];
    int lock = s->write && tenant && tenant->type == MTRK_VAL_BLOB && tenant->n == 16 && tenant->p;
    if (lock)
        snprintf(sql, sizeof sql, "BEGIN; SELECT pg_advisory_xact_lock(%d, %d)", LOCK_CLASS + 1,
                 (int32_t)hash_tenant(tenant->p));
    else
        snprintf(sql, sizeof sql, "%s", s->write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    int rc = 0;
    if (s->broken || s->conn == NULL || PQstatus(s->conn) != CONNECTION_OK)
        rc = connect_db(s);
    if (rc == 0)
        rc = exec(s, sql, lock ? "begin (waiting for the tenant's write lock)" : "begin");
    if (rc && s->broken && (rc = connect_db(s)) == 0)
        rc = exec(s, sql, lock ? "begin (waiting for the tenant's write lock)" : "begin");
    if (rc) {
        /* A failed BEGIN; SELECT leaves an aborted transaction open. */
        if (!s->broken) {
            PGresult *r = PQexec(s->conn, "ROLLBACK");
            PQclear(r);
        }
        return rc;
    }
    s->begun = 1;
    if (lock) {
        s->tenant_locked = 1;
        memcpy(s->locked_tenant, tenant->p, 16);
    }
    return 0;
}

static int pg_begin(mtrk_store *store, int write)
{
    pgstore *s = (pgstore *)store;
    if (s->in_tx)
        return fail(s, MTRK_ESTORE, "pg store: begin inside a transaction already open");
    int rc;
    if (s->broken || s->conn == NULL || PQstatus(s->conn) != CONNECTION_OK) {
        if ((rc = connect_db(s)))
            return rc;
    }
    s->in_tx = 1;
    s->begun = 0;
    s->deferred = 0;
    cc_forget(s); /* a cursor ends with its transaction */
    for (unsigned t = 0; t < s->ntables; t++) {
        s->ts[t].ins_tx = 0;
        s->ts[t].analyze_at = ANALYZE_FIRST;
    }
    s->generic_at_begin = s->generic;
    s->write = write != 0;
    s->tenant_locked = 0;
    return 0;
}

static int check_end(pgstore *s, const char *op)
{
    if (!s->in_tx)
        return fail(s, MTRK_ESTORE, "pg store: %s outside a transaction", op);
    if (s->depth > 0)
        return fail(s, MTRK_ESTORE, "pg store: %s called from a row callback", op);
    return 0;
}

static int pg_commit(mtrk_store *store)
{
    pgstore *s = (pgstore *)store;
    int rc = check_end(s, "commit");
    if (rc)
        return rc;
    if (!s->begun) {
        s->in_tx = 0;
        return 0;
    }
    if (s->broken)
        return fail(s, MTRK_ESTORE, "pg store: commit: the connection to the server was lost; the transaction "
                    "was not committed");
    if (s->deferred)
        return deferred_fail(s);
    PGresult *res = NULL;
    /* The deferred foreign-key checks run at COMMIT, planned under the
     * session's plan_cache_mode: with custom plans (left by a scan or a
     * typed operation) each check of each row inserted was planned anew —
     * measured, events_append with its commit then took 1.4 to 1.9 times a
     * plain COPY of the rows, 0.8 to 1.1 with generic plans. The SET
     * rides in the pipeline with the COMMIT. */
    if (s->write && (rc = plan_mode(s, 1)))
        return rc;
    if (s->piped) {
        /* COMMIT rides with the deferred writes: one round trip. When one
         * of them failed, the COMMIT is skipped and the transaction stays
         * open, aborted, until the core's rollback. */
        if (PQsendQueryParams(s->conn, "COMMIT", 0, NULL, NULL, NULL, NULL, 0) != 1) {
            rc = pipe_end(s, 0, NULL);
            return rc ? rc : pipe_lost(s, "commit");
        }
        if ((rc = pipe_end(s, 1, &res)))
            return rc;
    } else {
        res = PQexec(s->conn, "COMMIT");
    }
    if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK) {
        /* A failed COMMIT ends the transaction on the server (rolled back),
         * but the core still calls rollback, which then has nothing to do. */
        return res_fail(s, res, "commit");
    }
    /* COMMIT of an aborted transaction answers ROLLBACK. */
    int rolled = strcmp(PQcmdStatus(res), "ROLLBACK") == 0;
    PQclear(res);
    if (rolled)
        return fail(s, MTRK_ESTORE, "pg store: commit: the transaction had failed and was rolled back");
    s->in_tx = 0;
    s->generic_at_begin = s->generic;
    cc_forget(s);
    return 0;
}

static int pg_rollback(mtrk_store *store)
{
    pgstore *s = (pgstore *)store;
    int rc = check_end(s, "rollback");
    if (rc)
        return rc;
    s->in_tx = 0;
    cc_forget(s);
    if (s->piped && !s->broken)
        pipe_end(s, 0, NULL); /* their failure, if any, is known already or moot */
    s->deferred = 0;
    s->piped = 0;
    s->npend = 0;
    s->generic = s->generic_at_begin; /* the SETs of the transaction are undone */
    if (s->broken || !s->begun)
        return 0; /* the server ended it: nothing was committed */
    PGresult *res = PQexec(s->conn, "ROLLBACK");
    if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
        return res_fail(s, res, "rollback");
    PQclear(res);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Reads                                                               */
/* ------------------------------------------------------------------ */

static int check_table(pgstore *s, unsigned table)
{
    if (table >= s->ntables)
        return fail(s, MTRK_EINVAL, "pg store: table %u does not exist (%u tables)", table, s->ntables);
    return 0;
}

static int pg_get(mtrk_store *store, unsigned table, const mtrk_value *key, mtrk_row_fn fn, void *userdata)
{
    pgstore *s = (pgstore *)store;
    int rc = need_tx(s, "get");
    if (rc || (rc = check_table(s, table)))
        return rc;
    if (key == NULL || fn == NULL)
        return fail(s, MTRK_EINVAL, "pg store: get: %s is NULL", key == NULL ? "key" : "fn");
    const mtrk_table_def *def = s->ts[table].def;
    if ((rc = check_key(s, "key", key, def->npk)))
        return rc;
    for (unsigned c = 0; c < def->npk; c++)
        if (key[c].type == MTRK_VAL_NULL)
            return fail(s, MTRK_ENOTFOUND, "pg store: %s: no row with this primary key", def->name);
    params pa;
    pa.n = 0;
    for (unsigned c = 0; c < def->npk; c++)
        if ((rc = param_add(s, &pa, def, c, &key[c])))
            return rc == MTRK_EINVAL ? MTRK_ENOTFOUND : rc;
    if ((rc = ensure_begun(s, &key[0])))
        return rc;
    if ((rc = ensure_stmt(s, table, ST_GET)))
        return rc;
    char name[32];
    snprintf(name, sizeof name, "g%u", table);
    PGresult *res = NULL;
    if ((rc = run_prepared(s, name, &pa, 1, "get", &res)))
        return rc;
    if (PQntuples(res) == 0) {
        PQclear(res);
        return fail(s, MTRK_ENOTFOUND, "pg store: %s: no row with this primary key", def->name);
    }
    mtrk_value vals[MAX_COLS];
    res_row(def, res, 0, vals);
    s->depth++;
    rc = fn(userdata, vals);
    s->depth--;
    PQclear(res);
    return rc < 0 ? rc : 0;
}

/* ------------------------------------------------------------------ */
/* get_many: one statement for many keys                               */
/* ------------------------------------------------------------------ */

static Oid col_array_oid(const mtrk_column_def *cd)
{
    return cd->type == MTRK_VAL_INT ? OID_INT8_ARRAY : cd->type == MTRK_VAL_TEXT ? OID_TEXT_ARRAY : OID_UUID_ARRAY;
}

/* SELECT cols FROM t JOIN unnest($1::pk0[], $2::pk1[], ...) AS k (...) ON
 * each pk column = its array's element: a nested loop of primary-key index
 * lookups, one statement for any number of keys. */
static int ensure_many_stmt(pgstore *s, unsigned table)
{
    tstate *ts = &s->ts[table];
    if (ts->many_ok)
        return 0;
    const mtrk_table_def *def = ts->def;
    strbuf b = { 0 };
    Oid types[MAX_KEY];
    sb_printf(&b, "SELECT ");
    for (unsigned c = 0; c < def->ncols; c++)
        sb_printf(&b, "%st.\"%s\"", c ? ", " : "", def->cols[c].name);
    sb_printf(&b, " FROM \"%s\" t JOIN unnest(", def->name);
    for (unsigned c = 0; c < def->npk; c++) {
        types[c] = col_array_oid(&def->cols[c]);
        sb_printf(&b, "%s$%u", c ? ", " : "", c + 1);
    }
    sb_printf(&b, ") AS k (");
    for (unsigned c = 0; c < def->npk; c++)
        sb_printf(&b, "%sk%u", c ? ", " : "", c);
    sb_printf(&b, ") ON ");
    for (unsigned c = 0; c < def->npk; c++)
        sb_printf(&b, "%st.\"%s\" = k.k%u", c ? " AND " : "", def->cols[c].name, c);
    if (b.oom) {
        free(b.p);
        return fail(s, MTRK_ENOMEM, "pg store: out of memory");
    }
    char name[32];
    snprintf(name, sizeof name, "m%u", table);
    int rc = prepare(s, name, b.p, (int)def->npk, types);
    free(b.p);
    if (rc == 0)
        ts->many_ok = 1;
    return rc;
}

/* A growable buffer for one binary array parameter. */
typedef struct abuf {
    unsigned char *p;
    size_t n, cap;
} abuf;

static int abuf_put(abuf *a, const void *data, size_t n)
{
    if (a->n + n > a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 1024;
        while (cap < a->n + n)
            cap *= 2;
        unsigned char *p = realloc(a->p, cap);
        if (p == NULL)
            return -1;
        a->p = p;
        a->cap = cap;
    }
    if (n)
        memcpy(a->p + a->n, data, n);
    a->n += n;
    return 0;
}

static int abuf_i32(abuf *a, int32_t v)
{
    unsigned char b[4] = { (unsigned char)((uint32_t)v >> 24), (unsigned char)((uint32_t)v >> 16),
                           (unsigned char)((uint32_t)v >> 8), (unsigned char)v };
    return abuf_put(a, b, 4);
}

/* Can values v[0..n-1] of columns cols[0..n-1] (cols NULL: columns 0..n-1)
 * match a row: non-NULL values of the columns' types, ids of 16 bytes, text
 * without NUL? They can then go into an array parameter (array_params). A
 * key of get_many that cannot has no row; a prefix of scan_many that cannot
 * is scanned alone, by scan's rules. */
static int values_plain(const mtrk_table_def *def, const unsigned *cols, const mtrk_value *v, unsigned n)
{
    for (unsigned j = 0; j < n; j++, v++) {
        if (v->type != def->cols[cols ? cols[j] : j].type)
            return 0;
        if (v->type == MTRK_VAL_BLOB && (v->n != 16 || v->p == NULL))
            return 0;
        if (v->type == MTRK_VAL_TEXT && ((v->p == NULL && v->n) || v->n > 0x3fffffff ||
                                         (v->n && memchr(v->p, '\0', v->n) != NULL)))
            return 0;
    }
    return 1;
}

/* Adds to pa one binary array parameter per column cols[j] (j < ncols): a
 * one-dimensional array, without NULLs, of the values keys[pick[i] * stride
 * + j] (i < count), built in arr[j] (the caller's, reused between calls, to
 * free). Every key must pass values_plain. Shared by get_many and
 * scan_many: the table joined with unnest() of these arrays. */
static int array_params(pgstore *s, const mtrk_table_def *def, const unsigned *cols, unsigned ncols,
                        const mtrk_value *keys, size_t stride, const size_t *pick, size_t count, abuf *arr,
                        params *pa)
{
    for (unsigned j = 0; j < ncols; j++) {
        abuf *a = &arr[j];
        a->n = 0;
        /* ndim 1, no NULLs, element type, length, lower bound 1; the elements. */
        int e = abuf_i32(a, 1) || abuf_i32(a, 0) || abuf_i32(a, (int32_t)col_oid(&def->cols[cols[j]])) ||
                abuf_i32(a, (int32_t)count) || abuf_i32(a, 1);
        for (size_t i = 0; i < count && !e; i++) {
            const mtrk_value *v = &keys[pick[i] * stride + j];
            if (v->type == MTRK_VAL_INT) {
                unsigned char b[8];
                put_i64(b, v->i);
                e = abuf_i32(a, 8) || abuf_put(a, b, 8);
            } else {
                e = abuf_i32(a, (int32_t)v->n) || abuf_put(a, v->p, v->n);
            }
        }
        if (e)
            return fail(s, MTRK_ENOMEM, "pg store: out of memory");
        if (a->n > 0x7fffffff)
            return fail(s, MTRK_ETOOLONG, "pg store: the values of %s.%s in one statement exceed 2 GiB", def->name,
                        def->cols[cols[j]].name);
        pa->val[pa->n] = (const char *)a->p;
        pa->len[pa->n] = (int)a->n;
        pa->fmt[pa->n] = 1;
        pa->n++;
    }
    return 0;
}

static int pg_get_many(mtrk_store *store, unsigned table, const mtrk_value *keys, size_t n, mtrk_row_fn fn,
                       void *userdata)
{
    pgstore *s = (pgstore *)store;
    int rc = need_tx(s, "get_many");
    if (rc || (rc = check_table(s, table)))
        return rc;
    if ((n && keys == NULL) || fn == NULL)
        return fail(s, MTRK_EINVAL, "pg store: get_many: %s is NULL", fn == NULL ? "fn" : "keys");
    const mtrk_table_def *def = s->ts[table].def;
    for (size_t i = 0; i < n; i++)
        if ((rc = check_key(s, "keys", &keys[i * def->npk], def->npk)))
            return rc;
    unsigned cols[MAX_KEY];
    for (unsigned c = 0; c < def->npk; c++)
        cols[c] = c;
    size_t first = 0;
    while (first < n && !values_plain(def, NULL, &keys[first * def->npk], def->npk))
        first++;
    if (first == n)
        return 0;
    if ((rc = ensure_begun(s, &keys[first * def->npk])) || (rc = ensure_many_stmt(s, table)))
        return rc;
    char name[32];
    snprintf(name, sizeof name, "m%u", table);
    const char *names[1] = { name };
    if ((rc = keyed_plan_check(s, &s->ts[table].many_plan, names, 1, def->npk)))
        return rc;
    abuf arr[MAX_KEY];
    memset(arr, 0, sizeof arr);
    size_t pick[MANY_CHUNK];
    mtrk_value vals[MAX_COLS];
    for (size_t at = first; at < n && rc == 0;) {
        /* One statement for up to MANY_CHUNK keys: one array per key column. */
        size_t count = 0;
        for (; at < n && count < MANY_CHUNK; at++)
            if (values_plain(def, NULL, &keys[at * def->npk], def->npk))
                pick[count++] = at;
        if (count == 0)
            break;
        params pa;
        pa.n = 0;
        if ((rc = array_params(s, def, cols, def->npk, keys, def->npk, pick, count, arr, &pa)))
            break;
        PGresult *res = NULL;
        if ((rc = run_prepared(s, name, &pa, s->ts[table].many_plan.generic, "get_many", &res)))
            break;
        rc = res_visit(s, def, res, vals, fn, userdata);
        PQclear(res);
        if (rc > 0) {
            rc = 0;
            break;
        }
    }
    for (unsigned c = 0; c < def->npk; c++)
        free(arr[c].p);
    return rc < 0 ? rc : 0;
}

/* Does a scan with this prefix have one right plan whatever the statistics
 * (see plan_mode)? Yes when the prefix is the whole primary key, or the whole
 * of a unique index none of whose columns but the tenant is in another index
 * (with such a column, a generic plan may pick that other index and filter:
 * measured on messages (tenant, campaign, contact), whose generic plan used
 * messages_by_contact and made the 20,000-contact generation test slow). */
static int point_scan(const mtrk_table_def *def, int index, unsigned nprefix)
{
    if (index < 0)
        return nprefix >= def->npk;
    const mtrk_index_def *ix = &def->indexes[index];
    if (!ix->unique || nprefix < ix->ncols)
        return 0;
    for (unsigned j = 1; j < ix->ncols; j++) {
        unsigned c = ix->cols[j];
        if (c < def->npk)
            return 0;
        for (unsigned o = 0; o < def->nindexes; o++) {
            if ((int)o == index)
                continue;
            for (unsigned k = 0; k < def->indexes[o].ncols; k++)
                if (def->indexes[o].cols[k] == c)
                    return 0;
        }
    }
    return 1;
}

/* The checks scan and scan_many share: a transaction, the table, the
 * index, the callback. */
static int scan_args(pgstore *s, const char *op, unsigned table, int index, mtrk_row_fn fn,
                     const mtrk_table_def **def)
{
    int rc = need_tx(s, op);
    if (rc || (rc = check_table(s, table)))
        return rc;
    *def = s->ts[table].def;
    if (index < MTRK_INDEX_PK || index >= (int)(*def)->nindexes)
        return fail(s, MTRK_EINVAL, "pg store: %s has no index %d", (*def)->name, index);
    if (fn == NULL)
        return fail(s, MTRK_EINVAL, "pg store: %s: fn is NULL", op);
    return 0;
}

/* ------------------------------------------------------------------ */
/* The campaign cursor                                                 */
/* ------------------------------------------------------------------ */

/*
 * events_by_campaign is (campaign, occurred_hour) without the id
 * (docs/decisions.md §49), so a scan in the contract's order (the hour, then
 * the id) sorts each hour's events. A statement per page, as other scans
 * run, would sort the rest of an hour for every page: the core reads a
 * campaign's events a page at a time (rebuild, retention, 256 rows), and an
 * hour of a large send holds hundreds of thousands. So a scan of a
 * campaign's events (a prefix of tenant and campaign) declares a cursor in
 * the transaction and hands over its rows; the next page, a scan that
 * resumes right after a row handed over, continues from the cursor: each
 * hour is sorted once per transaction. The cursor sees the rows as they
 * were when it was declared (its snapshot); so it is continued only while
 * no write since could have changed a row it has still to give: an insert
 * of an event of that campaign, a delete of an event, an update that
 * changes a key column or touches a row of the campaign at or past the
 * last row handed over (retention's updates of rows already read leave it
 * alone). Otherwise, and in a new transaction, the scan declares it anew.
 */
#define CAMP_CURSOR "mtrk_camp"

/* Forgets the cursor (the transaction that held it has ended, or is
 * ending). */
static void cc_forget(pgstore *s)
{
    PQclear(s->cc.rest);
    s->cc.rest = NULL;
    s->cc.open = s->cc.live = s->cc.busy = s->cc.end = s->cc.have_last = 0;
    s->cc.next = 0;
}

static int ev_col(const mtrk_table_def *def, const char *name)
{
    for (unsigned c = 0; c < def->ncols; c++)
        if (strcmp(def->cols[c].name, name) == 0)
            return (int)c;
    return -1;
}

/* Is index the campaign index of events, and are its key columns known? */
static int camp_index(pgstore *s, const mtrk_table_def *def, int index)
{
    if (!is_events(def) || index < 0 || strcmp(def->indexes[index].name, "events_by_campaign") != 0)
        return 0;
    if (s->ccol_id == 0) {
        s->ccol_tenant = ev_col(def, "tenant");
        s->ccol_campaign = ev_col(def, "campaign");
        s->ccol_hour = ev_col(def, "occurred_hour");
        s->ccol_id = ev_col(def, "id");
    }
    return s->ccol_tenant >= 0 && s->ccol_campaign >= 0 && s->ccol_hour >= 0 && s->ccol_id > 0;
}

static int id_is(const mtrk_value *v, const unsigned char *id)
{
    return v->type == MTRK_VAL_BLOB && v->n == 16 && memcmp(v->p, id, 16) == 0;
}

/* Is (hour, id) past the last row handed over, in the cursor's order? */
static int cc_past_last(const pgstore *s, int64_t hour, const unsigned char *id)
{
    if (!s->cc.have_last)
        return 1;
    int c = hour != s->cc.hour ? (hour < s->cc.hour ? -1 : 1) : memcmp(id, s->cc.id, 16);
    return s->cc.desc ? c < 0 : c > 0;
}

/* A write of row (full, or the key alone for a delete) of events: does the
 * cursor stay live? mask: an update's changed columns (0: any). */
static void cc_write(pgstore *s, int op, const mtrk_value *row, uint64_t mask)
{
    if (!s->cc.open || !s->cc.live)
        return;
    const mtrk_value *t = &row[s->ccol_tenant], *c = &row[s->ccol_campaign];
    uint64_t keys = ((uint64_t)1 << s->ccol_tenant) | ((uint64_t)1 << s->ccol_campaign) |
                    ((uint64_t)1 << s->ccol_hour) | ((uint64_t)1 << s->ccol_id);
    if (op == MTRK_CHANGE_DELETE || (op == MTRK_CHANGE_UPDATE && (mask == 0 || (mask & keys)))) {
        s->cc.live = 0;
        return;
    }
    if (!id_is(t, s->cc.tenant) || !id_is(c, s->cc.campaign))
        return; /* another campaign's */
    const mtrk_value *h = &row[s->ccol_hour], *id = &row[s->ccol_id];
    if (op == MTRK_CHANGE_INSERT || h->type != MTRK_VAL_INT || id->type != MTRK_VAL_BLOB || id->n != 16 ||
        cc_past_last(s, h->i, id->p))
        s->cc.live = 0;
}

/* Runs a statement of the cursor (no parameters but those given) and
 * returns its result (*out, the caller's), binary. */
static int cc_exec(pgstore *s, const char *sql, const params *pa, const Oid *types, ExecStatusType want,
                   PGresult **out)
{
    int rc;
    *out = NULL;
    if (s->piped && (rc = pipe_end(s, 0, NULL)))
        return rc;
    PGresult *res = PQexecParams(s->conn, sql, pa ? (int)pa->n : 0, types, pa ? pa->val : NULL,
                                 pa ? pa->len : NULL, pa ? pa->fmt : NULL, 1);
    if (res == NULL || PQresultStatus(res) != want)
        return res_fail(s, res, "scan (a campaign's events)");
    *out = res;
    return 0;
}

/* Is the start of a scan (nstart values at sort-key columns cols[2..])
 * the whole sort key of the cursor's row (hour, id)? */
static int cc_start_is(const pgstore *s, const unsigned *cols, unsigned nkey, const mtrk_value *start,
                       unsigned nstart, int64_t hour, const void *id)
{
    if (nstart != nkey - 2)
        return 0;
    for (unsigned j = 0; j < nstart; j++) {
        int c = (int)cols[2 + j];
        const mtrk_value *v = &start[j];
        if (c == s->ccol_hour ? v->type != MTRK_VAL_INT || v->i != hour
            : c == s->ccol_id ? !id_is(v, id)
            : c == s->ccol_tenant ? !id_is(v, s->cc.tenant)
            : c == s->ccol_campaign ? !id_is(v, s->cc.campaign)
            : 1)
            return 0;
    }
    return 1;
}

/* pg_scan of events_by_campaign with the prefix (tenant, campaign), by the
 * cursor (above). */
static int camp_scan(pgstore *s, const mtrk_table_def *def, int index, const mtrk_value *key, unsigned nstart,
                     unsigned flags, mtrk_row_fn fn, void *userdata)
{
    int rc;
    unsigned cols[MAX_KEY * 2];
    unsigned nkey = mtrk_store_sort_key(def, index, cols);
    const mtrk_value *start = key + 2;
    /* Continued: the cursor is live, of this campaign and order, and the
     * scan resumes right after a row handed over (the last one, or one of
     * the last FETCH's before it: a callback may stop at a row it does not
     * take). */
    int from = -1;
    rc = 0;
    if (s->cc.open && s->cc.live && id_is(&key[0], s->cc.tenant) && id_is(&key[1], s->cc.campaign) &&
        s->cc.desc == (flags & MTRK_SCAN_DESC) && (flags & MTRK_SCAN_AFTER)) {
        if (s->cc.have_last && cc_start_is(s, cols, nkey, start, nstart, s->cc.hour, s->cc.id))
            from = s->cc.rest ? s->cc.next : 0;
        for (int r = s->cc.rest ? s->cc.next - 2 : -1; from < 0 && r >= 0; r--) {
            mtrk_value vals[MAX_COLS];
            res_row(def, s->cc.rest, r, vals);
            if (cc_start_is(s, cols, nkey, start, nstart, vals[s->ccol_hour].i, vals[s->ccol_id].p))
                from = r + 1;
        }
    }
    if (from < 0) {
        PGresult *res = NULL;
        if (s->cc.open && (rc = cc_exec(s, "CLOSE " CAMP_CURSOR, NULL, NULL, PGRES_COMMAND_OK, &res)))
            return rc;
        PQclear(res);
        cc_forget(s);
        uint64_t nullmask = 0;
        for (unsigned j = 0; j < 2 + nstart; j++)
            if (key[j].type == MTRK_VAL_NULL)
                nullmask |= (uint64_t)1 << j;
        strbuf b = { 0 };
        Oid types[MAX_KEY * 2 + 1];
        unsigned np = 0;
        sb_printf(&b, "DECLARE " CAMP_CURSOR " NO SCROLL CURSOR FOR ");
        scan_sql(&b, def, index, nullmask, 2, nstart, flags, types, &np);
        if (b.oom) {
            free(b.p);
            return fail(s, MTRK_ENOMEM, "pg store: out of memory");
        }
        params pa;
        pa.n = 0;
        for (unsigned j = 0; rc == 0 && j < 2 + nstart; j++)
            if (key[j].type != MTRK_VAL_NULL)
                rc = param_add(s, &pa, def, cols[j], &key[j]);
        if (rc == 0)
            rc = cc_exec(s, b.p, &pa, types, PGRES_COMMAND_OK, &res);
        free(b.p);
        if (rc)
            return rc;
        PQclear(res);
        s->cc.open = s->cc.live = 1;
        s->cc.desc = flags & MTRK_SCAN_DESC;
        memcpy(s->cc.tenant, key[0].p, 16);
        memcpy(s->cc.campaign, key[1].p, 16);
        from = 0;
    }
    s->cc.next = from;
    long chunk = SCAN_FIRST_CHUNK;
    mtrk_value vals[MAX_COLS];
    for (;;) {
        if (s->cc.rest == NULL || s->cc.next >= PQntuples(s->cc.rest)) {
            PQclear(s->cc.rest);
            s->cc.rest = NULL;
            s->cc.next = 0;
            if (s->cc.end)
                return 0;
            char sql[64];
            snprintf(sql, sizeof sql, "FETCH %ld FROM " CAMP_CURSOR, chunk);
            PGresult *res = NULL;
            if ((rc = cc_exec(s, sql, NULL, NULL, PGRES_TUPLES_OK, &res))) {
                cc_forget(s);
                return rc;
            }
            if (PQntuples(res) < chunk)
                s->cc.end = 1;
            chunk = SCAN_CHUNK;
            if (PQntuples(res) == 0) {
                PQclear(res);
                return 0;
            }
            s->cc.rest = res;
        }
        res_row(def, s->cc.rest, s->cc.next, vals);
        s->cc.next++;
        s->cc.have_last = 1;
        s->cc.hour = vals[s->ccol_hour].i;
        memcpy(s->cc.id, vals[s->ccol_id].p, 16);
        s->depth++;
        s->cc.busy = 1;
        rc = fn(userdata, vals);
        s->cc.busy = 0;
        s->depth--;
        if (rc != 0)
            return rc < 0 ? rc : 0;
    }
}

static int pg_scan(mtrk_store *store, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                   const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *userdata)
{
    pgstore *s = (pgstore *)store;
    const mtrk_table_def *def = NULL;
    int rc = scan_args(s, "scan", table, index, fn, &def);
    if (rc)
        return rc;
    if ((nprefix && prefix == NULL) || (nstart && start == NULL))
        return fail(s, MTRK_EINVAL, "pg store: scan: %s is NULL", nprefix && prefix == NULL ? "prefix" : "start");
    unsigned cols[MAX_KEY * 2];
    unsigned nkey = mtrk_store_sort_key(def, index, cols);
    if (nprefix > nkey || nstart > nkey - nprefix)
        return fail(s, MTRK_EINVAL, "pg store: scan: nprefix %u + nstart %u exceed the %u sort-key columns",
                    nprefix, nstart, nkey);
    if (flags & ~(MTRK_SCAN_AFTER | MTRK_SCAN_DESC))
        return fail(s, MTRK_EINVAL, "pg store: scan: unknown flags 0x%x", flags);
    if ((rc = check_key(s, "prefix", prefix, nprefix)) || (rc = check_key(s, "start", start, nstart)))
        return rc;
    if (nstart == 0)
        flags &= ~MTRK_SCAN_AFTER;
    /* A non-NULL value of another type than its column, or an id that is
     * not 16 bytes, matches no row of a typed column: such a prefix finds
     * nothing (start bounds of the wrong type are refused). */
    for (unsigned j = 0; j < nprefix; j++) {
        const mtrk_column_def *cd = &def->cols[cols[j]];
        if (prefix[j].type != MTRK_VAL_NULL &&
            (prefix[j].type != cd->type || (cd->type == MTRK_VAL_BLOB && prefix[j].n != 16)))
            return 0;
        if (prefix[j].type == MTRK_VAL_NULL && !col_nullable(def, cols[j]))
            return 0;
    }
    if ((rc = ensure_begun(s, nprefix ? &prefix[0] : NULL)))
        return rc;

    mtrk_value key[MAX_KEY * 2];
    for (unsigned j = 0; j < nprefix; j++)
        key[j] = prefix[j];
    for (unsigned j = 0; j < nstart; j++)
        key[nprefix + j] = start[j];
    /* A campaign's events: by the cursor (not from a callback of its own). */
    if (nprefix == 2 && !s->cc.busy && camp_index(s, def, index) && prefix[0].type == MTRK_VAL_BLOB &&
        prefix[1].type == MTRK_VAL_BLOB)
        return camp_scan(s, def, index, key, nstart, flags, fn, userdata);
    unsigned ncur = nstart;
    unsigned curflags = flags;
    long limit = SCAN_FIRST_CHUNK;
    int point = point_scan(def, index, nprefix);
    mtrk_value vals[MAX_COLS];
    /* prev: the last chunk, kept while key[] points into it. */
    PGresult *prev = NULL;
    for (;;) {
        scan_shape *sh = NULL;
        params pa;
        pa.n = 0;
        rc = scan_stmt(s, table, index, key, nprefix, ncur, curflags, &sh);
        for (unsigned j = 0; rc == 0 && j < nprefix + ncur; j++)
            if (key[j].type != MTRK_VAL_NULL)
                rc = param_add(s, &pa, def, cols[j], &key[j]);
        if (rc) {
            PQclear(prev);
            return rc;
        }
        put_i64(pa.ints[pa.n], limit);
        pa.val[pa.n] = (const char *)pa.ints[pa.n];
        pa.len[pa.n] = 8;
        pa.fmt[pa.n] = 1;
        pa.n++;
        PGresult *res = NULL;
        rc = run_prepared(s, sh->name, &pa, point, "scan", &res);
        PQclear(prev);
        prev = NULL;
        if (rc)
            return rc;
        if ((rc = res_visit(s, def, res, vals, fn, userdata)) != 0) {
            PQclear(res);
            return rc < 0 ? rc : 0;
        }
        int nrows = PQntuples(res);
        if (nrows < limit) {
            PQclear(res);
            return 0;
        }
        /* Resume strictly after the last row's full sort key. */
        res_row(def, res, nrows - 1, vals);
        for (unsigned j = nprefix; j < nkey; j++)
            key[j] = vals[cols[j]];
        ncur = nkey - nprefix;
        curflags = (flags & MTRK_SCAN_DESC) | MTRK_SCAN_AFTER;
        limit = SCAN_CHUNK;
        prev = res;
    }
}

/* ------------------------------------------------------------------ */
/* scan_many: one statement for the rows of many prefixes              */
/* ------------------------------------------------------------------ */

/* SELECT x.cols, k.ord FROM unnest($1::p0[], ..., $n::pn-1[]) WITH
 * ORDINALITY AS k (k0, ..., ord) CROSS JOIN LATERAL (SELECT cols FROM t
 * WHERE each prefix column = its array's element ORDER BY the sort key, as
 * scan_stmt orders it) x ORDER BY k.ord, then the sort-key columns after
 * the prefix, LIMIT $n+1: the prefixes' rows one prefix after the other, in
 * the order given, each in sort-key order (a prefix given twice is visited
 * twice). The subquery's ORDER BY keeps it from being flattened into a
 * join, so the plan is a nested loop of index range scans, one per prefix,
 * whatever the statistics: measured, a plain join of the two was planned
 * as a merge join over a full index scan of the events partition (54 ms for
 * a batch of 880 prefixes on 8,800 rows, growing with the table). The
 * name is copied to name[32]: a shape does not stay put. */
static int many_scan_stmt(pgstore *s, unsigned table, int index, unsigned nprefix, char *name)
{
    scan_shape *sh = NULL;
    int rc = shape_get(s, table, index, nprefix, 0, SHAPE_MANY, 0, &sh);
    if (rc)
        return rc;
    snprintf(name, 32, "%s", sh->name);
    if (sh->prepared)
        return 0;
    const mtrk_table_def *def = s->ts[table].def;
    unsigned cols[MAX_KEY * 2];
    unsigned nkey = mtrk_store_sort_key(def, index, cols);
    unsigned nordkey = unique_total(def, index) ? def->indexes[index].ncols : nkey;
    Oid types[MAX_KEY * 2 + 1];
    strbuf b = { 0 };
    sb_printf(&b, "SELECT ");
    for (unsigned c = 0; c < def->ncols; c++)
        sb_printf(&b, "x.\"%s\", ", def->cols[c].name);
    sb_printf(&b, "k.ord FROM unnest(");
    for (unsigned j = 0; j < nprefix; j++) {
        types[j] = col_array_oid(&def->cols[cols[j]]);
        sb_printf(&b, "%s$%u", j ? ", " : "", j + 1);
    }
    sb_printf(&b, ") WITH ORDINALITY AS k (");
    for (unsigned j = 0; j < nprefix; j++)
        sb_printf(&b, "k%u, ", j);
    sb_printf(&b, "ord) CROSS JOIN LATERAL (SELECT ");
    for (unsigned c = 0; c < def->ncols; c++)
        sb_printf(&b, "%st.\"%s\"", c ? ", " : "", def->cols[c].name);
    sb_printf(&b, " FROM \"%s\" t WHERE ", def->name);
    for (unsigned j = 0; j < nprefix; j++)
        sb_printf(&b, "%st.\"%s\" = k.k%u", j ? " AND " : "", def->cols[cols[j]].name, j);
    /* The whole sort key, as scan_stmt: the index's own order. */
    sb_printf(&b, " ORDER BY ");
    unsigned nord = 0;
    for (unsigned j = 0; j < nordkey; j++) {
        if (!store_key_repeats(cols, j))
            sb_printf(&b, "%st.\"%s\"%s", nord++ ? ", " : "", def->cols[cols[j]].name,
                    col_nullable(def, cols[j]) ? " NULLS FIRST" : "");
    }
    sb_printf(&b, ") x ORDER BY k.ord");
    for (unsigned j = nprefix; j < nordkey; j++) {
        if (!store_key_repeats(cols, j))
            sb_printf(&b, ", x.\"%s\"%s", def->cols[cols[j]].name, col_nullable(def, cols[j]) ? " NULLS FIRST" : "");
    }
    types[nprefix] = OID_INT8;
    sb_printf(&b, " LIMIT $%u", nprefix + 1);
    if (b.oom) {
        free(b.p);
        return fail(s, MTRK_ENOMEM, "pg store: out of memory");
    }
    rc = prepare(s, name, b.p, (int)nprefix + 1, types);
    free(b.p);
    if (rc == 0) {
        /* prepare may have read deferred writes, never added a shape: sh holds. */
        sh->prepared = 1;
        sh->nparams = nprefix + 1;
    }
    return rc;
}

/* fn, remembering that it ended the call (returned 1) inside a scan. */
typedef struct many_ctx {
    mtrk_row_fn fn;
    void *userdata;
    int stopped;
} many_ctx;

static int many_fn(void *ud, const mtrk_value *row)
{
    many_ctx *m = ud;
    int rc = m->fn(m->userdata, row);
    if (rc > 0)
        m->stopped = 1;
    return rc;
}

/*
 * The prefixes whose values can go into arrays (values_plain) are read
 * MANY_CHUNK at a time, one statement each (many_scan_stmt), with the
 * transaction's deferred writes in its round trip (run_prepared). The
 * others — a NULL (in a nullable column, or in a NOT NULL one: no rows), a
 * value of another type, an id not of 16 bytes, text with a NUL — are
 * scanned alone by pg_scan, so scan's rules hold for them exactly. When a
 * statement returns MANY_ROWS rows, the last row's prefix may have more:
 * pg_scan goes on after that row's sort key, and the next statement starts
 * at the next prefix.
 */
static int pg_scan_many(mtrk_store *store, unsigned table, int index, const mtrk_value *prefixes, unsigned nprefix,
                        size_t n, mtrk_row_fn fn, void *userdata)
{
    pgstore *s = (pgstore *)store;
    const mtrk_table_def *def = NULL;
    int rc = scan_args(s, "scan_many", table, index, fn, &def);
    if (rc)
        return rc;
    if (n && nprefix && prefixes == NULL)
        return fail(s, MTRK_EINVAL, "pg store: scan_many: prefixes is NULL");
    unsigned cols[MAX_KEY * 2];
    unsigned nkey = mtrk_store_sort_key(def, index, cols);
    if (nprefix > nkey)
        return fail(s, MTRK_EINVAL, "pg store: scan_many: nprefix %u exceeds the %u sort-key columns", nprefix,
                    nkey);
    for (size_t i = 0; i < n; i++)
        if ((rc = check_key(s, "prefixes", &prefixes[i * nprefix], nprefix)))
            return rc;
    if (n == 0)
        return 0;
    if (nprefix == 0) /* every prefix is the whole table: visited once */
        return pg_scan(store, table, index, NULL, 0, NULL, 0, 0, fn, userdata);

    many_ctx mc = { fn, userdata, 0 };
    size_t nplain = 0, first = n;
    for (size_t i = 0; i < n; i++) {
        const mtrk_value *p = &prefixes[i * nprefix];
        if (values_plain(def, cols, p, nprefix)) {
            if (nplain++ == 0)
                first = i;
            continue;
        }
        rc = pg_scan(store, table, index, p, nprefix, NULL, 0, 0, many_fn, &mc);
        if (rc || mc.stopped)
            return rc < 0 ? rc : 0;
    }
    if (nplain == 0)
        return 0;
    char name[32];
    if ((rc = ensure_begun(s, &prefixes[first * nprefix])) || (rc = many_scan_stmt(s, table, index, nprefix, name)))
        return rc;
    abuf arr[MAX_KEY * 2];
    memset(arr, 0, sizeof arr);
    size_t pick[MANY_CHUNK], npick = 0, next = first;
    mtrk_value vals[MAX_COLS], start[MAX_KEY * 2];
    for (;;) {
        while (npick < MANY_CHUNK && next < n) {
            if (values_plain(def, cols, &prefixes[next * nprefix], nprefix))
                pick[npick++] = next;
            next++;
        }
        if (npick == 0)
            break;
        params pa;
        pa.n = 0;
        if ((rc = array_params(s, def, cols, nprefix, prefixes, nprefix, pick, npick, arr, &pa)))
            break;
        put_i64(pa.ints[pa.n], MANY_ROWS);
        pa.val[pa.n] = (const char *)pa.ints[pa.n];
        pa.len[pa.n] = 8;
        pa.fmt[pa.n] = 1;
        pa.n++;
        PGresult *res = NULL;
        if ((rc = run_prepared(s, name, &pa, 0, "scan_many", &res)))
            break;
        rc = res_visit(s, def, res, vals, fn, userdata);
        int nrows = PQntuples(res);
        size_t done = npick;
        if (rc == 0 && nrows >= MANY_ROWS) {
            /* The last row's prefix (k.ord, 1-based) may go on: scan it
             * after that row; the next statement starts past it. */
            int64_t ord = get_i64((const unsigned char *)PQgetvalue(res, nrows - 1, (int)def->ncols));
            if (ord < 1 || (uint64_t)ord > npick) {
                PQclear(res);
                rc = fail(s, MTRK_ESTORE, "pg store: scan_many: unexpected ordinality %lld", (long long)ord);
                break;
            }
            done = (size_t)ord;
            if (nprefix < nkey) {
                res_row(def, res, nrows - 1, vals);
                for (unsigned j = nprefix; j < nkey; j++)
                    start[j - nprefix] = vals[cols[j]];
                rc = pg_scan(store, table, index, &prefixes[pick[done - 1] * nprefix], nprefix, start,
                             nkey - nprefix, MTRK_SCAN_AFTER, many_fn, &mc);
                if (mc.stopped)
                    rc = 1;
            }
        }
        PQclear(res);
        if (rc)
            break;
        memmove(pick, pick + done, (npick - done) * sizeof *pick);
        npick -= done;
    }
    for (unsigned j = 0; j < nprefix; j++)
        free(arr[j].p);
    return rc < 0 ? rc : 0;
}

/* ------------------------------------------------------------------ */
/* Changes                                                             */
/* ------------------------------------------------------------------ */

static int check_change_row(pgstore *s, const mtrk_table_def *def, const mtrk_value *row, unsigned ncheck)
{
    char m[256];
    int rc = store_check_row(def, row, ncheck, m, sizeof m);
    return rc ? fail(s, rc, "pg store: %s", m) : 0;
}

/* Notes n rows inserted into `table` in this transaction. A transaction
 * that fills a table (generation: one per message) plans its scans from
 * statistics taken before it: on a fresh table none, and the planner then
 * picks any index led by the tenant — measured: messages (tenant, campaign,
 * contact) looked up through messages_by_campaign with a filter, quadratic
 * over a 100,000-message generation. So when the transaction's inserts pass
 * the next mark (ANALYZE_FIRST, then 8 times the last), ANALYZE inside the
 * transaction samples its own rows too. */
static int inserted(pgstore *s, unsigned table, size_t n)
{
    tstate *ts = &s->ts[table];
    size_t before = ts->ins_tx;
    ts->ins_tx += n;
    if (before >= ts->analyze_at || ts->ins_tx < ts->analyze_at)
        return 0;
    while (ts->analyze_at <= ts->ins_tx)
        ts->analyze_at *= 8;
    char sql[96];
    snprintf(sql, sizeof sql, "ANALYZE \"%s\"", ts->def->name);
    return exec(s, sql, "analyzing a table");
}

static int pg_apply(mtrk_store *store, const mtrk_change *changes, size_t n)
{
    pgstore *s = (pgstore *)store;
    int rc = need_tx(s, "apply");
    if (rc)
        return rc;
    if (!s->write)
        return fail(s, MTRK_ESTORE, "pg store: apply in a read transaction");
    if (s->depth > 0)
        return fail(s, MTRK_ESTORE, "pg store: apply called from a row callback");
    if (n && changes == NULL)
        return fail(s, MTRK_EINVAL, "pg store: apply: changes is NULL");
    if (n == 0)
        return 0;
    if (changes[0].row && (rc = ensure_begun(s, &changes[0].row[0])))
        return rc;
    /* Check everything, prepare every statement and lock the tenant
     * first: the pipeline then only sends and reads. */
    for (size_t i = 0; i < n; i++) {
        const mtrk_change *ch = &changes[i];
        if ((rc = check_table(s, ch->table)))
            return rc;
        const mtrk_table_def *def = s->ts[ch->table].def;
        if (ch->row == NULL)
            return fail(s, MTRK_EINVAL, "pg store: change %zu: row is NULL", i);
        int kind = ch->op == MTRK_CHANGE_INSERT ? ST_INS : ch->op == MTRK_CHANGE_UPDATE ? ST_UPD
                 : ch->op == MTRK_CHANGE_DELETE ? ST_DEL : -1;
        if (kind < 0)
            return fail(s, MTRK_EINVAL, "pg store: change %zu: unknown operation %d", i, ch->op);
        if ((rc = check_change_row(s, def, ch->row, kind == ST_DEL ? def->npk : def->ncols)))
            return rc;
        if ((rc = lock_tenant(s, &ch->row[0])) || (rc = ensure_stmt(s, ch->table, kind)))
            return rc;
    }
    /* Send, and return: the results are read with the next read, the
     * COMMIT, or here when PIPE_MAX writes are outstanding. */
    for (size_t i = 0; i < n; i++) {
        const mtrk_change *ch = &changes[i];
        /* (Again for every change: an ANALYZE below leaves pipeline mode.) */
        if (!s->piped) {
            if (PQenterPipelineMode(s->conn) != 1)
                return fail(s, MTRK_ESTORE, "pg store: cannot enter pipeline mode: %s", PQerrorMessage(s->conn));
            s->piped = 1;
        }
        if ((rc = plan_mode(s, 1)))
            return rc;
        const mtrk_table_def *def = s->ts[ch->table].def;
        if (s->cc.open && is_events(def))
            cc_write(s, ch->op, ch->row, ch->op == MTRK_CHANGE_UPDATE ? ch->columns : 0);
        unsigned nv = ch->op == MTRK_CHANGE_DELETE ? def->npk : def->ncols;
        params pa;
        pa.n = 0;
        for (unsigned c = 0; c < nv && rc == 0; c++) {
            if (ch->row[c].type == MTRK_VAL_NULL)
                param_null(&pa);
            else
                rc = param_add(s, &pa, def, c, &ch->row[c]);
        }
        if (rc)
            return rc; /* what was sent is rolled back with the transaction */
        char name[32];
        snprintf(name, sizeof name, "%c%u",
                 ch->op == MTRK_CHANGE_INSERT ? 'i' : ch->op == MTRK_CHANGE_UPDATE ? 'u' : 'd', ch->table);
        if (PQsendQueryPrepared(s->conn, name, (int)pa.n, pa.val, pa.len, pa.fmt, 1) != 1) {
            rc = pipe_end(s, 0, NULL);
            return rc ? rc : pipe_lost(s, "apply");
        }
        s->pend[s->npend].op = ch->op;
        s->pend[s->npend].table = ch->table;
        s->pend[s->npend].expect = 1;
        s->npend++;
        if (s->npend == PIPE_MAX && (rc = pipe_end(s, 0, NULL)))
            return rc;
        if (ch->op == MTRK_CHANGE_INSERT && (rc = inserted(s, ch->table, 1)))
            return rc;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The typed operations of the event path (contract version 4)        */
/* ------------------------------------------------------------------ */

/*
 * Each reads or writes up to MANY_CHUNK records per statement, over binary
 * array parameters (unnest()), except events_append (binary COPY). A
 * batch's read costs one round trip (with the deferred writes before it);
 * messages_update none of its own (it travels with the next read or the
 * COMMIT, like apply's writes); events_append two. The records map onto the
 * rows of "messages" and "events" by column name (records.h); the SQL names
 * columns, never positions. The reads and the UPDATE run with custom plans
 * (planned with the arrays' sizes), so an array of a few thousand ids is a
 * nested loop of index lookups whatever the statistics. docs/decisions.md
 * §35.
 */

enum { TS_LOAD_MSG = 1u << 0, TS_LOAD_EV = 1u << 1, TS_PROVIDER = 1u << 2 };
/* messages_update statements: one per set of MTRK_STORE_MSG_* groups (1..15). */
#define TS_UPDATE(mask) (1u << (4 + (mask)))
#define MSG_GROUPS 0xfu

static mtrk_value tenant_value(const mtrk_id *tenant)
{
    return (mtrk_value){ MTRK_VAL_BLOB, 0, tenant->bytes, sizeof tenant->bytes };
}

/* Starts a one-dimensional binary array of `count` elements of type oid
 * in a (NULL elements allowed). */
static int arr_begin(abuf *a, Oid oid, size_t count)
{
    a->n = 0;
    return abuf_i32(a, 1) || abuf_i32(a, 1) || abuf_i32(a, (int32_t)oid) || abuf_i32(a, (int32_t)count) ||
           abuf_i32(a, 1);
}

/* Appends value v (NULL, INT, TEXT or BLOB) to a binary array. */
static int arr_value(abuf *a, const mtrk_value *v)
{
    if (v->type == MTRK_VAL_NULL)
        return abuf_i32(a, -1);
    if (v->type == MTRK_VAL_INT) {
        unsigned char b[8];
        put_i64(b, v->i);
        return abuf_i32(a, 8) || abuf_put(a, b, 8);
    }
    return abuf_i32(a, (int32_t)v->n) || abuf_put(a, v->p, v->n);
}

/* Adds the array a as the next binary parameter of pa. */
static int arr_param(pgstore *s, params *pa, const abuf *a, const char *what)
{
    if (a->n > 0x7fffffff)
        return fail(s, MTRK_ETOOLONG, "pg store: the values of %s in one statement exceed 2 GiB", what);
    pa->val[pa->n] = (const char *)a->p;
    pa->len[pa->n] = (int)a->n;
    pa->fmt[pa->n] = 1;
    pa->n++;
    return 0;
}

static void param_tenant(params *pa, const mtrk_id *tenant)
{
    pa->val[pa->n] = (const char *)tenant->bytes;
    pa->len[pa->n] = (int)sizeof tenant->bytes;
    pa->fmt[pa->n] = 1;
    pa->n++;
}

/* The columns of def, with prefix p ("x." or ""). */
static void sql_cols_of(strbuf *b, const mtrk_table_def *def, const char *p)
{
    for (unsigned c = 0; c < def->ncols; c++)
        sb_printf(b, "%s%s\"%s\"", c ? ", " : "", p, def->cols[c].name);
}

static int typed_prepare(pgstore *s, unsigned bit, const char *name, strbuf *b, int nparams, const Oid *types)
{
    if (b->oom) {
        free(b->p);
        return fail(s, MTRK_ENOMEM, "pg store: out of memory");
    }
    int rc = prepare(s, name, b->p, nparams, types);
    free(b->p);
    if (rc == 0)
        s->typed_ok |= bit;
    return rc;
}

/* The two statements of messages_load, over $1 the tenant and $2 the mids:
 * "tm", the messages with their position in the array (k.ord); "te", their
 * events past each one's mark, with k.ord, in no order: the store sorts
 * them by (k.ord, occurred_at, arrived_at, id) — the order of
 * events_by_message within a message (its sort key's tenant is the same
 * for all) — itself. Sorted by the server, each message's range was a
 * sort of its own (events_by_message ends at occurred_at) and the whole
 * an incremental sort on top. The mark is a row comparison, uuid
 * comparing its bytes as memcmp does: the contract's order. A mark's
 * times of 0 are stored NULL (nullable columns keep 0 as NULL). As in
 * scan_many, the LATERAL subquery's ORDER BY (by occurred_at, which the
 * index yields without a sort) keeps it a nested loop of index range
 * scans. */
static int ensure_load_stmts(pgstore *s)
{
    int rc = 0;
    const mtrk_table_def *md = s->ts[s->rec.msg.table].def, *ed = s->ts[s->rec.ev.table].def;
    Oid types[2] = { OID_UUID, OID_UUID_ARRAY };
    if (!(s->typed_ok & TS_LOAD_MSG)) {
        strbuf b = { 0 };
        sb_printf(&b, "SELECT ");
        sql_cols_of(&b, md, "m.");
        sb_printf(&b, ", k.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS k (mid, ord)"
                      " JOIN \"%s\" m ON m.\"tenant\" = $1 AND m.\"id\" = k.mid ORDER BY k.ord", md->name);
        rc = typed_prepare(s, TS_LOAD_MSG, "tm", &b, 2, types);
    }
    if (rc == 0 && !(s->typed_ok & TS_LOAD_EV)) {
        strbuf b = { 0 };
        sb_printf(&b, "SELECT ");
        sql_cols_of(&b, ed, "x.");
        sb_printf(&b, ", k.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS k (mid, ord)"
                      " JOIN \"%s\" m ON m.\"tenant\" = $1 AND m.\"id\" = k.mid"
                      " CROSS JOIN LATERAL (SELECT ", md->name);
        sql_cols_of(&b, ed, "e.");
        sb_printf(&b, " FROM \"%s\" e WHERE e.\"tenant\" = $1 AND e.\"message\" = k.mid"
                      " AND (m.\"folded_event\" IS NULL OR (e.\"occurred_at\", e.\"arrived_at\", e.\"id\") >"
                      " (coalesce(m.\"folded_occurred_at\", 0), coalesce(m.\"folded_arrived_at\", 0),"
                      " m.\"folded_event\"))"
                      " ORDER BY e.\"occurred_at\") x", ed->name);
        rc = typed_prepare(s, TS_LOAD_EV, "te", &b, 2, types);
    }
    return rc;
}

/* Checks shared by the typed operations; begins (and locks the tenant). */
static int typed_args(pgstore *s, const char *op, const mtrk_id *tenant, int write)
{
    int rc = need_tx(s, op);
    if (rc)
        return rc;
    if (write && !s->write)
        return fail(s, MTRK_ESTORE, "pg store: %s in a read transaction", op);
    if (write && s->depth > 0)
        return fail(s, MTRK_ESTORE, "pg store: %s called from a callback", op);
    mtrk_value tv = tenant_value(tenant);
    return ensure_begun(s, &tv);
}

/* Sends the prepared statement `name` into the pipeline, a deferred write
 * (op, table, rows it must touch), planned generically when `generic` (a
 * statement with one possible plan) or at each execution. */
static int send_write(pgstore *s, const char *name, const params *pa, int op, unsigned table, size_t expect,
                      int generic, const char *what)
{
    int rc;
    if (!s->piped) {
        if (PQenterPipelineMode(s->conn) != 1)
            return fail(s, MTRK_ESTORE, "pg store: cannot enter pipeline mode: %s", PQerrorMessage(s->conn));
        s->piped = 1;
    }
    if ((rc = plan_mode(s, generic)))
        return rc;
    if (!s->piped) { /* plan_mode ended a full pipeline */
        if (PQenterPipelineMode(s->conn) != 1)
            return fail(s, MTRK_ESTORE, "pg store: cannot enter pipeline mode: %s", PQerrorMessage(s->conn));
        s->piped = 1;
    }
    if (PQsendQueryPrepared(s->conn, name, (int)pa->n, pa->val, pa->len, pa->fmt, 1) != 1) {
        rc = pipe_end(s, 0, NULL);
        return rc ? rc : pipe_lost(s, what);
    }
    s->pend[s->npend].op = op;
    s->pend[s->npend].table = table;
    s->pend[s->npend].expect = expect;
    s->npend++;
    if (s->npend == PIPE_MAX)
        return pipe_end(s, 0, NULL);
    return 0;
}

/* Whether the n elements of `size` bytes at a are in cmp's order already
 * (rows the server sent in the order asked, unless its plan changed). */
static int is_sorted(const void *a, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    for (size_t i = 1; i < n; i++)
        if (cmp((const char *)a + (i - 1) * size, (const char *)a + i * size) > 0)
            return 0;
    return 1;
}

/* An event row of messages_load's result: its message's position, its row. */
typedef struct ev_ord {
    int64_t ord;
    int row;
} ev_ord;

static int ev_ord_cmp(const void *a, const void *b)
{
    const ev_ord *x = a, *y = b;
    return x->ord != y->ord ? (x->ord < y->ord ? -1 : 1) : (x->row > y->row) - (x->row < y->row);
}

/* events_by_message's order within a message: (occurred_at, arrived_at, id). */
static int ev_key_cmp(const void *a, const void *b)
{
    const mtrk_store_event *x = *(const mtrk_store_event *const *)a, *y = *(const mtrk_store_event *const *)b;
    if (x->occurred_at != y->occurred_at)
        return x->occurred_at < y->occurred_at ? -1 : 1;
    if (x->arrived_at != y->arrived_at)
        return x->arrived_at < y->arrived_at ? -1 : 1;
    return memcmp(x->id.bytes, y->id.bytes, sizeof x->id.bytes);
}

static int pg_messages_load(mtrk_store *store, mtrk_id tenant, const mtrk_id *mids, size_t n,
                            mtrk_store_message_fn fn, void *userdata)
{
    pgstore *s = (pgstore *)store;
    if ((n && mids == NULL) || fn == NULL)
        return fail(s, MTRK_EINVAL, "pg store: messages_load: %s is NULL", fn == NULL ? "fn" : "mids");
    int rc = need_tx(s, "messages_load");
    if (rc || n == 0)
        return rc;
    static const char *const load_names[2] = { "tm", "te" };
    if ((rc = typed_args(s, "messages_load", &tenant, 0)) || (rc = ensure_load_stmts(s)) ||
        (rc = keyed_plan_check(s, &s->load_plan, load_names, 2, 2)))
        return rc;
    const mtrk_table_def *md = s->ts[s->rec.msg.table].def, *ed = s->ts[s->rec.ev.table].def;
    abuf arr = { 0 };
    mtrk_store_event *recs = NULL;
    const mtrk_store_event **ptrs = NULL;
    size_t cap = 0;
    mtrk_value vals[MAX_COLS];
    for (size_t at = 0; at < n && rc == 0;) {
        size_t count = n - at < MANY_CHUNK ? n - at : MANY_CHUNK;
        int e = arr_begin(&arr, OID_UUID, count);
        for (size_t i = 0; i < count && !e; i++)
            e = abuf_i32(&arr, 16) || abuf_put(&arr, mids[at + i].bytes, 16);
        at += count;
        if (e) {
            rc = fail(s, MTRK_ENOMEM, "pg store: out of memory");
            break;
        }
        params pa;
        pa.n = 0;
        param_tenant(&pa, &tenant);
        if ((rc = arr_param(s, &pa, &arr, "messages.id")))
            break;
        /* Both statements, with the deferred writes, in one round trip. */
        if ((rc = plan_mode(s, s->load_plan.generic)))
            break;
        if (!s->piped) {
            if (PQenterPipelineMode(s->conn) != 1) {
                rc = fail(s, MTRK_ESTORE, "pg store: cannot enter pipeline mode: %s", PQerrorMessage(s->conn));
                break;
            }
            s->piped = 1;
        }
        int sent = PQsendQueryPrepared(s->conn, "tm", (int)pa.n, pa.val, pa.len, pa.fmt, 1) == 1;
        int sent2 = sent && PQsendQueryPrepared(s->conn, "te", (int)pa.n, pa.val, pa.len, pa.fmt, 1) == 1;
        if (!sent2) {
            /* What was sent is read (and dropped) with the rest. */
            PGresult *x[2] = { NULL, NULL };
            rc = pipe_end(s, sent, x);
            PQclear(x[0]);
            if (rc == 0)
                rc = pipe_lost(s, "messages_load");
            break;
        }
        PGresult *res[2];
        if ((rc = pipe_end(s, 2, res)))
            break;
        if (res[0] == NULL || PQresultStatus(res[0]) != PGRES_TUPLES_OK) {
            PQclear(res[1]);
            rc = res_fail(s, res[0], "messages_load (messages)");
            break;
        }
        if (res[1] == NULL || PQresultStatus(res[1]) != PGRES_TUPLES_OK) {
            PQclear(res[0]);
            rc = res_fail(s, res[1], "messages_load (events)");
            break;
        }
        /* The messages are ordered by k.ord, the events grouped here by
         * it (then each group sorted): walk them together. */
        int nm = PQntuples(res[0]), ne = PQntuples(res[1]), r2 = 0;
        ev_ord *eo = malloc(((size_t)ne + 1) * sizeof *eo);
        if (eo == NULL) {
            PQclear(res[0]);
            PQclear(res[1]);
            rc = fail(s, MTRK_ENOMEM, "pg store: out of memory");
            break;
        }
        for (int q = 0; q < ne; q++) {
            eo[q].ord = get_i64((const unsigned char *)PQgetvalue(res[1], q, (int)ed->ncols));
            eo[q].row = q;
        }
        if (!is_sorted(eo, (size_t)ne, sizeof *eo, ev_ord_cmp))
            qsort(eo, (size_t)ne, sizeof *eo, ev_ord_cmp);
        for (int r = 0; r < nm && rc == 0; r++) {
            int64_t ord = get_i64((const unsigned char *)PQgetvalue(res[0], r, (int)md->ncols));
            while (r2 < ne && eo[r2].ord < ord)
                r2++;
            size_t k = 0;
            for (int q = r2; q < ne && eo[q].ord == ord; q++)
                k++;
            if (k > cap) {
                size_t nc = cap ? cap : 16;
                while (nc < k)
                    nc *= 2;
                mtrk_store_event *nr = realloc(recs, nc * sizeof *nr);
                if (nr)
                    recs = nr;
                const mtrk_store_event **np = realloc(ptrs, nc * sizeof *np);
                if (np)
                    ptrs = np;
                if (nr == NULL || np == NULL) {
                    rc = fail(s, MTRK_ENOMEM, "pg store: out of memory");
                    break;
                }
                cap = nc;
            }
            for (size_t j = 0; j < k; j++) {
                res_row(ed, res[1], eo[r2 + (int)j].row, vals);
                rec_event_from_row(&s->rec, vals, &recs[j]);
                ptrs[j] = &recs[j];
            }
            if (!is_sorted(ptrs, k, sizeof *ptrs, ev_key_cmp))
                qsort(ptrs, k, sizeof *ptrs, ev_key_cmp);
            r2 += (int)k;
            mtrk_store_message m;
            res_row(md, res[0], r, vals);
            rec_message_from_row(&s->rec, vals, &m);
            s->depth++;
            rc = fn(userdata, &m, ptrs, k);
            s->depth--;
        }
        PQclear(res[0]);
        PQclear(res[1]);
        free(eo);
    }
    free(arr.p);
    free(recs);
    free(ptrs);
    return rc < 0 ? rc : 0;
}

/* provider_ids_find: one probe of the unique events_by_provider per pair
 * (most pairs of an ingest are new and stop there). The probe is a LATERAL
 * subquery with a LIMIT, which the planner cannot flatten into a join: as a
 * plain join, planned over stale statistics, it was a hash join over a scan
 * of the tenant's whole events_by_provider (the tenant is its last column),
 * a cost that grew with the table at every batch. */
static int pg_provider_ids_find(mtrk_store *store, mtrk_id tenant, const char *const *providers,
                                const char *const *event_ids, size_t n, mtrk_store_event_fn fn, void *userdata)
{
    pgstore *s = (pgstore *)store;
    if ((n && (providers == NULL || event_ids == NULL)) || fn == NULL)
        return fail(s, MTRK_EINVAL, "pg store: provider_ids_find: %s is NULL",
                    fn == NULL ? "fn" : providers == NULL ? "providers" : "event_ids");
    int rc = need_tx(s, "provider_ids_find");
    if (rc || n == 0)
        return rc;
    if ((rc = typed_args(s, "provider_ids_find", &tenant, 0)))
        return rc;
    const mtrk_table_def *ed = s->ts[s->rec.ev.table].def;
    if (!(s->typed_ok & TS_PROVIDER)) {
        strbuf b = { 0 };
        sb_printf(&b, "SELECT ");
        sql_cols_of(&b, ed, "x.");
        sb_printf(&b, ", k.ord FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS k (p, e, ord)"
                      " CROSS JOIN LATERAL (SELECT ");
        sql_cols_of(&b, ed, "v.");
        sb_printf(&b, " FROM \"%s\" v WHERE v.\"provider\" = k.p AND v.\"provider_event_id\" = k.e"
                      " AND v.\"tenant\" = $1 LIMIT 1) x", ed->name);
        Oid types[3] = { OID_UUID, OID_TEXT_ARRAY, OID_TEXT_ARRAY };
        if ((rc = typed_prepare(s, TS_PROVIDER, "tp", &b, 3, types)))
            return rc;
    }
    abuf ap = { 0 }, ae = { 0 };
    size_t *pick = malloc((n < MANY_CHUNK ? n : MANY_CHUNK) * sizeof *pick);
    if (pick == NULL)
        return fail(s, MTRK_ENOMEM, "pg store: out of memory");
    mtrk_value vals[MAX_COLS];
    for (size_t at = 0; at < n && rc == 0;) {
        /* Pairs with a NULL member have no event. */
        size_t count = 0;
        for (; at < n && count < MANY_CHUNK; at++)
            if (providers[at] != NULL && event_ids[at] != NULL)
                pick[count++] = at;
        if (count == 0)
            break;
        int e = arr_begin(&ap, OID_TEXT, count) || arr_begin(&ae, OID_TEXT, count);
        for (size_t i = 0; i < count && !e; i++) {
            size_t lp = strlen(providers[pick[i]]), le = strlen(event_ids[pick[i]]);
            if (lp > 0x3fffffff || le > 0x3fffffff) {
                rc = fail(s, MTRK_ETOOLONG, "pg store: provider_ids_find: pair %zu is over 1 GiB", pick[i]);
                break;
            }
            e = abuf_i32(&ap, (int32_t)lp) || abuf_put(&ap, providers[pick[i]], lp) || abuf_i32(&ae, (int32_t)le) ||
                abuf_put(&ae, event_ids[pick[i]], le);
        }
        if (rc)
            break;
        if (e) {
            rc = fail(s, MTRK_ENOMEM, "pg store: out of memory");
            break;
        }
        params pa;
        pa.n = 0;
        param_tenant(&pa, &tenant);
        if ((rc = arr_param(s, &pa, &ap, "events.provider")) || (rc = arr_param(s, &pa, &ae, "events.provider_event_id")))
            break;
        PGresult *res = NULL;
        if ((rc = run_prepared(s, "tp", &pa, 0, "provider_ids_find", &res)))
            break;
        int nr = PQntuples(res);
        for (int r = 0; r < nr && rc == 0; r++) {
            int64_t ord = get_i64((const unsigned char *)PQgetvalue(res, r, (int)ed->ncols));
            if (ord < 1 || (uint64_t)ord > count) {
                rc = fail(s, MTRK_ESTORE, "pg store: provider_ids_find: unexpected ordinality %lld", (long long)ord);
                break;
            }
            mtrk_store_event ev;
            res_row(ed, res, r, vals);
            rec_event_from_row(&s->rec, vals, &ev);
            s->depth++;
            rc = fn(userdata, pick[ord - 1], &ev);
            s->depth--;
        }
        PQclear(res);
    }
    free(ap.p);
    free(ae.p);
    free(pick);
    return rc < 0 ? rc : 0;
}

/* events_append: COPY events (cols) FROM STDIN (FORMAT binary), MANY_CHUNK
 * rows per message sent. A repeated id or provider pair (stored, or twice
 * in the call) is a unique_violation of the primary key or of
 * events_by_provider: MTRK_EEXISTS. COPY cannot run in
 * pipeline mode: the deferred writes before it are read first, and its
 * result is read at once (two round trips: the COPY's start and end); a
 * failure then sticks until rollback, as a deferred one does. Measured
 * against one INSERT ... SELECT FROM unnest() of binary arrays sent into
 * the pipeline (no round trip of its own): 0.83 against 1.05 of the time
 * of a text COPY of the same rows (docs/decisions.md §35). */
static int copy_fail(pgstore *s, int rc)
{
    /* The server aborted the transaction: every later call fails too. */
    s->deferred = rc == MTRK_ENOTFOUND ? MTRK_ESTORE : rc;
    snprintf(s->deferred_err, sizeof s->deferred_err, "%s", s->err);
    return s->deferred;
}

/* The start of a typed write: n records (each a versioned struct, its
 * version first) in a write transaction of the tenant. 1 (with rc 0) when
 * there is nothing to write. */
static int typed_write_start(pgstore *s, const char *op, const char *what, const void *const *recs, size_t n,
                             mtrk_id *tenant, int *rc)
{
    if (n && recs == NULL) {
        *rc = fail(s, MTRK_EINVAL, "pg store: %s: %ss is NULL", op, what);
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        if (recs[i] == NULL || *(const unsigned *)recs[i] == 0) {
            *rc = fail(s, MTRK_EINVAL, "pg store: %s: %s %zu is NULL or unversioned", op, what, i);
            return 1;
        }
    *rc = need_tx(s, op);
    if (*rc || n == 0)
        return 1;
    *rc = typed_args(s, op, tenant, 1);
    return *rc != 0;
}

/* ev_int_width of events column c, looked up by name once a store. */
static int ev_width(pgstore *s, const mtrk_table_def *ed, unsigned c)
{
    if (s->ev_width[c] == 0)
        s->ev_width[c] = (unsigned char)ev_int_width(ed, c);
    return s->ev_width[c];
}

/* MTRK_EINVAL, naming it, when a narrow code column of event i's row holds
 * a value its column cannot (smallint, integer). */
static int ev_int_check(pgstore *s, const mtrk_table_def *ed, size_t i, const mtrk_value *row)
{
    for (unsigned c = 0; c < ed->ncols; c++) {
        if (row[c].type != MTRK_VAL_INT)
            continue;
        int w = ev_width(s, ed, c);
        int64_t v = row[c].i;
        if (w != 8 && (v < (w == 2 ? INT16_MIN : INT32_MIN) || v > (w == 2 ? INT16_MAX : INT32_MAX)))
            return fail(s, MTRK_EINVAL, "pg store: events_append: event %zu: %s %lld is out of range", i,
                        ed->cols[c].name, (long long)v);
    }
    return 0;
}

/* At most this many events are appended with INSERTs rather than a COPY. */
#define SMALL_APPEND 2

static int pg_events_append(mtrk_store *store, mtrk_id tenant, const mtrk_store_event *const *events, size_t n)
{
    pgstore *s = (pgstore *)store;
    int rc;
    if (typed_write_start(s, "events_append", "event", (const void *const *)events, n, &tenant, &rc))
        return rc;
    /* A COPY costs round trips of its own (it cannot ride in the pipeline,
     * so the deferred writes are flushed first); one or two events, as the
     * core appends a bounce's, a complaint's or an unsubscribe's at once,
     * go as deferred INSERTs with the rest of the pipeline instead. */
    if (n <= SMALL_APPEND) {
        mtrk_value rows[SMALL_APPEND][MAX_COLS];
        mtrk_change ch[SMALL_APPEND];
        const mtrk_table_def *def = s->ts[s->rec.ev.table].def;
        for (size_t i = 0; i < n; i++) {
            rec_event_to_row(&s->rec, &tenant, events[i], rows[i]);
            if ((rc = ev_int_check(s, def, i, rows[i])))
                return rc;
            ch[i] = (mtrk_change){ .version = MTRK_CHANGE_VERSION, .op = MTRK_CHANGE_INSERT,
                                   .table = s->rec.ev.table, .row = rows[i] };
        }
        return pg_apply(store, ch, n);
    }
    /* The foreign-key checks of the rows, at the commit, run with generic
     * plans (see pg_commit): the SET rides with the deferred writes when
     * there are some, else with the COPY itself (one round trip either way). */
    int set_generic = 0;
    if (s->piped) {
        if ((rc = plan_mode(s, 1)) || (s->piped && (rc = pipe_end(s, 0, NULL))))
            return rc;
    } else {
        set_generic = !s->generic;
    }
    const mtrk_table_def *ed = s->ts[s->rec.ev.table].def;
    strbuf b = { 0 };
    if (set_generic)
        sb_printf(&b, "SET plan_cache_mode = force_generic_plan; ");
    sb_printf(&b, "COPY \"%s\" (", ed->name);
    sql_cols_of(&b, ed, "");
    sb_printf(&b, ") FROM STDIN (FORMAT binary)");
    if (b.oom) {
        free(b.p);
        return fail(s, MTRK_ENOMEM, "pg store: out of memory");
    }
    PGresult *res = PQexec(s->conn, b.p);
    free(b.p);
    if (res == NULL || PQresultStatus(res) != PGRES_COPY_IN)
        return copy_fail(s, res_fail(s, res, "events_append (COPY)"));
    PQclear(res);
    if (set_generic)
        s->generic = 1;
    static const unsigned char header[19] = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', 0xff, '\r', '\n', 0 };
    abuf a = { 0 };
    int e = abuf_put(&a, header, sizeof header);
    mtrk_value row[MAX_COLS];
    for (size_t i = 0; i < n && !e; i++) {
        rec_event_to_row(&s->rec, &tenant, events[i], row);
        if ((rc = ev_int_check(s, ed, i, row))) {
            e = 1;
            break;
        }
        if (s->cc.open)
            cc_write(s, MTRK_CHANGE_INSERT, row, 0);
        unsigned char nf[2] = { (unsigned char)(ed->ncols >> 8), (unsigned char)ed->ncols };
        e = abuf_put(&a, nf, 2);
        for (unsigned c = 0; c < ed->ncols && !e; c++) {
            int w = row[c].type == MTRK_VAL_INT ? ev_width(s, ed, c) : 8;
            if (w == 8) {
                e = arr_value(&a, &row[c]);
                continue;
            }
            int64_t v = row[c].i;
            unsigned char be[4] = { (unsigned char)((uint64_t)v >> 24), (unsigned char)((uint64_t)v >> 16),
                                    (unsigned char)((uint64_t)v >> 8), (unsigned char)v };
            e = abuf_i32(&a, w) || abuf_put(&a, be + (4 - w), (size_t)w);
        }
        if (!e && (i + 1 == n || (i + 1) % MANY_CHUNK == 0)) {
            if (i + 1 == n) {
                static const unsigned char trailer[2] = { 0xff, 0xff };
                e = abuf_put(&a, trailer, 2);
            }
            if (!e && PQputCopyData(s->conn, (const char *)a.p, (int)a.n) != 1)
                break;
            a.n = 0;
        }
    }
    free(a.p);
    /* Out of memory: end the COPY with an error (the transaction is
     * aborted: the whole call fails anyway). */
    if (PQputCopyEnd(s->conn, e ? (rc ? "value out of range" : "out of memory") : NULL) != 1)
        return copy_fail(s, pipe_lost(s, "events_append (COPY)"));
    res = PQgetResult(s->conn);
    if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK) {
        if (rc == 0)
            rc = e ? fail(s, MTRK_ENOMEM, "pg store: out of memory") : res_fail(s, res, "events_append (COPY)");
        if (e)
            PQclear(res);
    } else {
        PQclear(res);
    }
    while ((res = PQgetResult(s->conn)) != NULL)
        PQclear(res);
    if (rc)
        return copy_fail(s, rc);
    return inserted(s, s->rec.ev.table, n);
}

/* The columns a messages_update of groups `groups` (1..15) writes, as
 * records.c maps them: *ncols of them in cols[]. */
static void update_cols(const pgstore *s, unsigned groups, unsigned *cols, unsigned *ncols)
{
    const mtrk_table_def *md = s->ts[s->rec.msg.table].def;
    mtrk_value row[MAX_COLS];
    for (unsigned c = 0; c < md->ncols; c++)
        row[c] = (mtrk_value){ MTRK_VAL_INT, 0, NULL, 0 }; /* "stored": never rewritten by mask 0 */
    mtrk_store_message m;
    memset(&m, 0, sizeof m);
    m.version = MTRK_STORE_MESSAGE_VERSION;
    static const mtrk_id nil;
    uint64_t bits = 0;
    rec_message_to_row(&s->rec, &nil, &m, groups, row, &bits);
    *ncols = 0;
    for (unsigned c = 0; c < md->ncols && c < 64; c++)
        if (bits & (UINT64_C(1) << c))
            cols[(*ncols)++] = c;
}

/* UPDATE messages m SET col = u.col, ... FROM unnest($2 ids, $3.. one
 * array per column written) AS u WHERE m.tenant = $1 AND m.id = u.id: only
 * the columns of the groups, so an update that leaves queue_state alone
 * leaves messages_by_queue alone. */
static int ensure_update_stmt(pgstore *s, unsigned groups, char *name)
{
    snprintf(name, 16, "tu%u", groups);
    if (s->typed_ok & TS_UPDATE(groups))
        return 0;
    const mtrk_table_def *md = s->ts[s->rec.msg.table].def;
    unsigned cols[MAX_COLS], nc;
    update_cols(s, groups, cols, &nc);
    Oid types[MAX_COLS + 2];
    types[0] = OID_UUID;
    types[1] = OID_UUID_ARRAY;
    strbuf b = { 0 };
    sb_printf(&b, "UPDATE \"%s\" m SET ", md->name);
    if (nc == 0) /* nothing to write: the update only checks that the rows exist */
        sb_printf(&b, "\"id\" = m.\"id\"");
    for (unsigned j = 0; j < nc; j++)
        sb_printf(&b, "%s\"%s\" = u.c%u", j ? ", " : "", md->cols[cols[j]].name, j);
    sb_printf(&b, " FROM unnest($2");
    for (unsigned j = 0; j < nc; j++) {
        types[2 + j] = col_array_oid(&md->cols[cols[j]]);
        sb_printf(&b, ", $%u", j + 3);
    }
    sb_printf(&b, ") AS u (id");
    for (unsigned j = 0; j < nc; j++)
        sb_printf(&b, ", c%u", j);
    sb_printf(&b, ") WHERE m.\"tenant\" = $1 AND m.\"id\" = u.id");
    return typed_prepare(s, TS_UPDATE(groups), name, &b, (int)nc + 2, types);
}

static int id_ptr_cmp(const void *a, const void *b)
{
    const mtrk_store_message *x = *(const mtrk_store_message *const *)a, *y = *(const mtrk_store_message *const *)b;
    return memcmp(x->id.bytes, y->id.bytes, sizeof x->id.bytes);
}

/* Sends one UPDATE for messages[pick[0..count-1]] (ids distinct). */
static int send_update(pgstore *s, const mtrk_id *tenant, unsigned groups, const mtrk_store_message *const *messages,
                       const size_t *pick, size_t count, abuf *arr)
{
    char name[16];
    int rc = ensure_update_stmt(s, groups, name);
    if (rc)
        return rc;
    const mtrk_table_def *md = s->ts[s->rec.msg.table].def;
    unsigned cols[MAX_COLS], nc;
    update_cols(s, groups, cols, &nc);
    int e = arr_begin(&arr[0], OID_UUID, count);
    for (unsigned j = 0; j < nc && !e; j++)
        e = arr_begin(&arr[1 + j], col_oid(&md->cols[cols[j]]), count);
    mtrk_value row[MAX_COLS];
    for (size_t i = 0; i < count && !e; i++) {
        const mtrk_store_message *m = messages[pick[i]];
        for (unsigned c = 0; c < md->ncols; c++)
            row[c] = (mtrk_value){ MTRK_VAL_INT, 0, NULL, 0 };
        rec_message_to_row(&s->rec, tenant, m, groups, row, NULL);
        e = abuf_i32(&arr[0], 16) || abuf_put(&arr[0], m->id.bytes, 16);
        for (unsigned j = 0; j < nc && !e; j++)
            e = arr_value(&arr[1 + j], &row[cols[j]]);
    }
    if (e)
        return fail(s, MTRK_ENOMEM, "pg store: out of memory");
    params pa;
    pa.n = 0;
    param_tenant(&pa, tenant);
    for (unsigned j = 0; j < nc + 1 && rc == 0; j++)
        rc = arr_param(s, &pa, &arr[j], "messages");
    if (rc == 0)
        rc = send_write(s, name, &pa, MTRK_CHANGE_UPDATE, s->rec.msg.table, count, 0, "messages_update");
    return rc;
}

static int pg_messages_update(mtrk_store *store, mtrk_id tenant, const mtrk_store_message *const *messages,
                              const unsigned *masks, size_t n)
{
    pgstore *s = (pgstore *)store;
    int rc;
    if (typed_write_start(s, "messages_update", "message", (const void *const *)messages, n, &tenant, &rc))
        return rc;
    /* One statement per set of groups (and MANY_CHUNK messages) when the
     * ids are distinct: the statements' order cannot matter then. An id
     * given twice is written in the order given, one statement each. */
    const mtrk_store_message **sorted = malloc(n * sizeof *sorted);
    size_t *pick = malloc(n * sizeof *pick);
    abuf arr[MAX_COLS + 1];
    memset(arr, 0, sizeof arr);
    if (sorted == NULL || pick == NULL) {
        free(sorted);
        free(pick);
        return fail(s, MTRK_ENOMEM, "pg store: out of memory");
    }
    memcpy(sorted, messages, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, id_ptr_cmp);
    int repeats = 0;
    for (size_t i = 1; i < n && !repeats; i++)
        repeats = id_ptr_cmp(&sorted[i - 1], &sorted[i]) == 0;
    free(sorted);
    if (repeats) {
        for (size_t i = 0; i < n && rc == 0; i++) {
            unsigned g = masks && masks[i] ? masks[i] & MSG_GROUPS : MSG_GROUPS;
            pick[0] = i;
            rc = send_update(s, &tenant, g, messages, pick, 1, arr);
        }
    } else {
        for (unsigned g = 0; g <= MSG_GROUPS && rc == 0; g++) {
            size_t count = 0;
            for (size_t i = 0; i <= n && rc == 0; i++) {
                if (i < n && (masks && masks[i] ? masks[i] & MSG_GROUPS : MSG_GROUPS) == g)
                    pick[count++] = i;
                if (count > 0 && (i == n || count == MANY_CHUNK)) {
                    rc = send_update(s, &tenant, g, messages, pick, count, arr);
                    count = 0;
                }
            }
        }
    }
    for (unsigned j = 0; j < MAX_COLS + 1; j++)
        free(arr[j].p);
    free(pick);
    return rc;
}

/* ------------------------------------------------------------------ */
/* messages_insert (contract version 6)                                */
/* ------------------------------------------------------------------ */

#define TS_GEN_INSERT (1u << 30)

/* The columns messages_insert writes: every column of messages but the
 * tenant (bound once as $1); *ncols of them in cols[]. */
static void insert_cols(const pgstore *s, unsigned *cols, unsigned *ncols)
{
    const mtrk_table_def *md = s->ts[s->rec.msg.table].def;
    *ncols = 0;
    for (unsigned c = 0; c < md->ncols; c++)
        if (c != s->rec.msg.tenant_col)
            cols[(*ncols)++] = c;
}

/* INSERT INTO messages (tenant, cols...) SELECT $1, u.c0, ... FROM
 * unnest($2, ... one binary array per column) AS u: up to MANY_CHUNK
 * messages in one statement, sent into the pipeline as a deferred write
 * (no round trip of its own; a unique violation is reported by the next
 * read or the COMMIT, as apply's are). */
/* " FROM unnest($2, ..., $nc+1) AS u (c0, ..., c<nc-1>)": one array
 * parameter per column of cols (their types into types[1..nc]; $1 is the
 * tenant). */
static void sb_unnest(strbuf *b, const mtrk_table_def *def, const unsigned *cols, unsigned nc, Oid *types)
{
    sb_printf(b, " FROM unnest(");
    for (unsigned j = 0; j < nc; j++) {
        types[1 + j] = col_array_oid(&def->cols[cols[j]]);
        sb_printf(b, "%s$%u", j ? ", " : "", j + 2);
    }
    sb_printf(b, ") AS u (");
    for (unsigned j = 0; j < nc; j++)
        sb_printf(b, "%sc%u", j ? ", " : "", j);
    sb_printf(b, ")");
}

static int ensure_gen_insert_stmt(pgstore *s)
{
    if (s->typed_ok & TS_GEN_INSERT)
        return 0;
    const mtrk_table_def *md = s->ts[s->rec.msg.table].def;
    unsigned cols[MAX_COLS], nc;
    insert_cols(s, cols, &nc);
    Oid types[MAX_COLS + 1];
    types[0] = OID_UUID;
    strbuf b = { 0 };
    sb_printf(&b, "INSERT INTO \"%s\" (\"%s\"", md->name, md->cols[s->rec.msg.tenant_col].name);
    for (unsigned j = 0; j < nc; j++)
        sb_printf(&b, ", \"%s\"", md->cols[cols[j]].name);
    sb_printf(&b, ") SELECT $1");
    for (unsigned j = 0; j < nc; j++)
        sb_printf(&b, ", u.c%u", j);
    sb_unnest(&b, md, cols, nc, types);
    return typed_prepare(s, TS_GEN_INSERT, "tg", &b, (int)nc + 1, types);
}

/* Writes n rows with a prepared statement whose $1 is the tenant and whose
 * other parameters are one array per column of cols (an INSERT ... SELECT
 * FROM unnest): MANY_CHUNK rows a statement, each deferred. row(ud, i, out)
 * fills the values of row i. `expect`: whether each statement must write
 * every one of its rows (send_write). Generic plans: an INSERT from
 * unnest() reads no table, so it has one plan, and planning it at each
 * execution cost a tracking group more than executing it (an upsert of
 * the campaign's rollup: 91 µs of planning a statement, measured with
 * pg_stat_statements.track_planning). */
typedef void (*row_fill_fn)(void *ud, size_t i, mtrk_value *row);

static int send_unnest(pgstore *s, const mtrk_id *tenant, const char *stmt, const mtrk_table_def *def,
                       unsigned table, const unsigned *cols, unsigned nc, size_t n, row_fill_fn row, void *ud,
                       bool expect, const char *op)
{
    abuf arr[MAX_COLS];
    memset(arr, 0, sizeof arr);
    int rc = 0;
    for (size_t first = 0; first < n && rc == 0; first += MANY_CHUNK) {
        size_t count = n - first < MANY_CHUNK ? n - first : MANY_CHUNK;
        int e = 0;
        for (unsigned j = 0; j < nc && !e; j++)
            e = arr_begin(&arr[j], col_oid(&def->cols[cols[j]]), count);
        for (size_t i = first; i < first + count && !e; i++) {
            mtrk_value vals[MAX_COLS];
            memset(vals, 0, def->ncols * sizeof vals[0]);
            row(ud, i, vals);
            for (unsigned j = 0; j < nc && !e; j++)
                e = arr_value(&arr[j], &vals[cols[j]]);
        }
        if (e) {
            rc = fail(s, MTRK_ENOMEM, "pg store: out of memory");
            break;
        }
        params pa;
        pa.n = 0;
        param_tenant(&pa, tenant);
        for (unsigned j = 0; j < nc && rc == 0; j++)
            rc = arr_param(s, &pa, &arr[j], def->name);
        if (rc == 0)
            rc = send_write(s, stmt, &pa, MTRK_CHANGE_INSERT, table, expect ? count : 0, 1, op);
    }
    for (unsigned j = 0; j < MAX_COLS; j++)
        free(arr[j].p);
    return rc;
}

typedef struct insert_rows {
    pgstore *s;
    const mtrk_id *tenant;
    const mtrk_store_message *const *messages;
} insert_rows;

static void insert_row(void *ud, size_t i, mtrk_value *row)
{
    insert_rows *r = ud;
    rec_message_to_row(&r->s->rec, r->tenant, r->messages[i], 0, row, NULL);
}

static int pg_messages_insert(mtrk_store *store, mtrk_id tenant, const mtrk_store_message *const *messages, size_t n)
{
    pgstore *s = (pgstore *)store;
    int rc;
    if (typed_write_start(s, "messages_insert", "message", (const void *const *)messages, n, &tenant, &rc))
        return rc;
    if ((rc = ensure_gen_insert_stmt(s)))
        return rc;
    const mtrk_table_def *md = s->ts[s->rec.msg.table].def;
    unsigned cols[MAX_COLS], nc;
    insert_cols(s, cols, &nc);
    insert_rows ir = { s, &tenant, messages };
    rc = send_unnest(s, &tenant, "tg", md, s->rec.msg.table, cols, nc, n, insert_row, &ir, true, "messages_insert");
    return rc ? rc : inserted(s, s->rec.msg.table, n);
}

/* ------------------------------------------------------------------ */
/* members_read (contract version 6)                                   */
/* ------------------------------------------------------------------ */

#define TS_MEMBERS(after) (1u << (28 + (after)))

/* members_read: one statement per page, so a page costs one round trip
 * (with the deferred inserts of the page before it) and returns only the
 * page's members, where the core's scans cost a round trip per table and
 * read chunks of rows past the page. p: each audience's first `limit`
 * contacts after `after` (a range of audience_contacts' primary key; $3
 * the audiences WITH ORDINALITY), grouped into the first `limit` distinct
 * contacts, each with the ordinals of the audiences that list it. Then one
 * row per member (kind 0) with one probe each of contacts (primary key)
 * and unsubscribes (its primary key's prefix; the rules as two arrays),
 * and one row (kind 1) per message of the campaign whose contact is in the
 * page's range, read as one ordered range of messages_by_campaign_contact
 * and matched to the members here. Facts only: which audiences, whether a
 * message exists, the status, address key and rules as stored.
 *
 * Shapes the planner keeps over stale statistics (a tenant's contacts
 * added since the last ANALYZE, the campaign's messages inserted by this
 * very transaction): the probes are LATERAL subqueries with a LIMIT, which
 * it cannot flatten into joins (as a join, the contacts were a merge join
 * over a sort of every contact of the tenant); the messages are a range of
 * the row (campaign, contact), ordered by the index's columns, which only
 * messages_by_campaign_contact bounds and yields without a sort. As a
 * probe per member, all of whose columns are fixed by equality, it was
 * planned as a scan of the campaign's messages by messages_by_campaign
 * filtered by contact (0.06 to 0.6 s a page until the in-transaction
 * ANALYZE); with the campaign fixed by equality, as a range of
 * messages_by_contact filtered by campaign (every campaign's messages of
 * the page's contacts). */
static int ensure_members_stmt(pgstore *s, int after, char *name)
{
    snprintf(name, 16, "tr%d", after);
    if (s->typed_ok & TS_MEMBERS(after))
        return 0;
    strbuf b = { 0 };
    sb_printf(&b,
              "WITH p AS MATERIALIZED (SELECT c.contact, array_agg(a.ord) AS auds"
              " FROM unnest($3::uuid[]) WITH ORDINALITY AS a (aud, ord)"
              " CROSS JOIN LATERAL (SELECT ac.\"contact\" FROM \"audience_contacts\" ac"
              " WHERE ac.\"tenant\" = $1 AND ac.\"audience\" = a.aud%s ORDER BY ac.\"contact\" LIMIT $4) c"
              " GROUP BY c.contact ORDER BY c.contact LIMIT $4)"
              " SELECT 0, p.contact, k.\"id\" IS NOT NULL, k.\"status\", k.\"address_key\", p.auds, u.scopes, u.ids"
              " FROM p LEFT JOIN LATERAL (SELECT k.\"id\", k.\"status\", k.\"address_key\" FROM \"contacts\" k"
              " WHERE k.\"tenant\" = $1 AND k.\"id\" = p.contact LIMIT 1) k ON true"
              " LEFT JOIN LATERAL (SELECT array_agg(v.\"scope\") AS scopes, array_agg(v.\"scope_id\") AS ids"
              " FROM \"unsubscribes\" v WHERE v.\"tenant\" = $1 AND v.\"contact\" = p.contact) u ON true"
              " UNION ALL (SELECT 1, m.\"contact\", NULL, NULL, NULL, NULL, NULL, NULL FROM \"messages\" m"
              " WHERE m.\"tenant\" = $1 AND (m.\"campaign\", m.\"contact\") %s ($2, %s)"
              " AND (m.\"campaign\", m.\"contact\") <= ($2, (SELECT contact FROM p ORDER BY contact DESC LIMIT 1))"
              " ORDER BY m.\"tenant\", m.\"campaign\", m.\"contact\")",
              after ? " AND ac.\"contact\" > $5" : "", after ? ">" : ">=",
              after ? "$5" : "'00000000-0000-0000-0000-000000000000'::uuid");
    Oid types[5] = { OID_UUID, OID_UUID, OID_UUID_ARRAY, OID_INT8, OID_UUID };
    return typed_prepare(s, TS_MEMBERS(after), name, &b, after ? 5 : 4, types);
}

static int32_t get_i32(const unsigned char *p)
{
    return (int32_t)(((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3]);
}

/* Column c of row r, a one-dimensional binary array whose elements are
 * `width` bytes and not NULL: *n elements, element i at (*at)[i * (4 +
 * width) + 4]. A NULL value has none. 0, or -1 when it is not such an
 * array. */
static int arr_open(PGresult *res, int r, int c, size_t width, const unsigned char **at, size_t *n)
{
    *n = 0;
    *at = NULL;
    if (PQgetisnull(res, r, c))
        return 0;
    const unsigned char *p = (const unsigned char *)PQgetvalue(res, r, c);
    size_t len = (size_t)PQgetlength(res, r, c);
    if (len < 12 || get_i32(p) < 0 || get_i32(p) > 1)
        return -1;
    if (get_i32(p) == 0)
        return 0;
    if (len < 20 || get_i32(p + 12) < 0)
        return -1;
    size_t count = (size_t)get_i32(p + 12);
    if ((len - 20) / (4 + width) < count || (len - 20) % (4 + width) != 0 || (len - 20) / (4 + width) != count)
        return -1;
    for (size_t i = 0; i < count; i++)
        if (get_i32(p + 20 + i * (4 + width)) != (int32_t)width)
            return -1;
    *at = p + 20;
    *n = count;
    return 0;
}

/* A member row of members_read's result: its contact, its row. */
typedef struct member_row {
    const unsigned char *contact;
    int r;
} member_row;

static int member_row_cmp(const void *a, const void *b)
{
    return memcmp(((const member_row *)a)->contact, ((const member_row *)b)->contact, 16);
}

static int uuid_ptr_cmp(const void *a, const void *b)
{
    return memcmp(*(const unsigned char *const *)a, *(const unsigned char *const *)b, 16);
}

static int pg_members_read(mtrk_store *store, mtrk_id tenant, mtrk_id campaign, const mtrk_id *audiences, size_t naud,
                           const mtrk_id *after, size_t limit, mtrk_store_member_fn fn, void *userdata)
{
    pgstore *s = (pgstore *)store;
    if (audiences == NULL || naud == 0 || fn == NULL || limit == 0)
        return fail(s, MTRK_EINVAL, "pg store: members_read: %s",
                    fn == NULL ? "fn is NULL" : limit == 0 ? "limit is 0" : "no audiences");
    if (limit > 65536 || naud > 65536)
        return fail(s, MTRK_EINVAL, "pg store: members_read: %zu audiences, limit %zu: too many", naud, limit);
    int rc = need_tx(s, "members_read");
    if (rc || (rc = typed_args(s, "members_read", &tenant, 0)))
        return rc;
    char name[16];
    if ((rc = ensure_members_stmt(s, after != NULL, name)))
        return rc;
    abuf arr = { 0 };
    int e = arr_begin(&arr, OID_UUID, naud);
    for (size_t i = 0; i < naud && !e; i++)
        e = abuf_i32(&arr, 16) || abuf_put(&arr, audiences[i].bytes, 16);
    unsigned char lim[8];
    put_i64(lim, (int64_t)limit);
    params pa;
    pa.n = 0;
    param_tenant(&pa, &tenant);
    param_tenant(&pa, &campaign);
    if (e)
        rc = fail(s, MTRK_ENOMEM, "pg store: out of memory");
    else if ((rc = arr_param(s, &pa, &arr, "audiences")) == 0) {
        pa.val[pa.n] = (const char *)lim;
        pa.len[pa.n] = 8;
        pa.fmt[pa.n] = 1;
        pa.n++;
        if (after)
            param_tenant(&pa, after);
    }
    PGresult *res = NULL;
    if (rc == 0)
        rc = run_prepared(s, name, &pa, 0, "members_read", &res);
    free(arr.p);
    if (rc)
        return rc;
    /* Member rows (kind 0) and the campaign's messages in the page's range
     * (kind 1): the members in contact order, each with a message when
     * one of the kind-1 rows names it. */
    int nr = PQntuples(res), nmem = 0, nmsg = 0;
    member_row *mem = malloc(((size_t)nr + 1) * sizeof *mem);
    const unsigned char **msg = malloc(((size_t)nr + 1) * sizeof *msg);
    unsigned char *in = calloc(naud, 1);
    int64_t *scopes = NULL;
    mtrk_id *scope_ids = NULL;
    size_t cap = 0;
    if (mem == NULL || msg == NULL || in == NULL)
        rc = fail(s, MTRK_ENOMEM, "pg store: out of memory");
    if (rc == 0 && PQnfields(res) != 8)
        rc = fail(s, MTRK_ESTORE, "pg store: members_read: unexpected result");
    for (int r = 0; r < nr && rc == 0; r++) {
        if (PQgetlength(res, r, 0) != 4 || PQgetlength(res, r, 1) != 16) {
            rc = fail(s, MTRK_ESTORE, "pg store: members_read: unexpected row %d", r);
        } else if (get_i32((const unsigned char *)PQgetvalue(res, r, 0)) == 0) {
            mem[nmem].contact = (const unsigned char *)PQgetvalue(res, r, 1);
            mem[nmem++].r = r;
        } else {
            msg[nmsg++] = (const unsigned char *)PQgetvalue(res, r, 1);
        }
    }
    if (rc == 0 && (size_t)nmem > limit)
        rc = fail(s, MTRK_ESTORE, "pg store: members_read: more members than asked for");
    /* Sorted as the server sends them, unless its plan changed. */
    if (rc == 0 && !is_sorted(mem, (size_t)nmem, sizeof *mem, member_row_cmp))
        qsort(mem, (size_t)nmem, sizeof *mem, member_row_cmp);
    if (rc == 0 && !is_sorted(msg, (size_t)nmsg, sizeof *msg, uuid_ptr_cmp))
        qsort(msg, (size_t)nmsg, sizeof *msg, uuid_ptr_cmp);
    for (int q = 0, mq = 0; q < nmem && rc == 0; q++) {
        int r = mem[q].r;
        const unsigned char *aa, *sa, *ia;
        size_t na, ns, ni;
        if (PQgetlength(res, r, 2) != 1 || (!PQgetisnull(res, r, 3) && PQgetlength(res, r, 3) != 8) ||
            arr_open(res, r, 5, 8, &aa, &na) || arr_open(res, r, 6, 8, &sa, &ns) ||
            arr_open(res, r, 7, 16, &ia, &ni) || ns != ni) {
            rc = fail(s, MTRK_ESTORE, "pg store: members_read: unexpected row %d", r);
            break;
        }
        if (ns > cap) {
            size_t nc = cap ? cap * 2 : 8;
            while (nc < ns)
                nc *= 2;
            int64_t *ns2 = realloc(scopes, nc * sizeof *ns2);
            if (ns2)
                scopes = ns2;
            mtrk_id *ni2 = realloc(scope_ids, nc * sizeof *ni2);
            if (ni2)
                scope_ids = ni2;
            if (ns2 == NULL || ni2 == NULL) {
                rc = fail(s, MTRK_ENOMEM, "pg store: out of memory");
                break;
            }
            cap = nc;
        }
        mtrk_store_member m;
        memset(&m, 0, sizeof m);
        m.version = MTRK_STORE_MEMBER_VERSION;
        memcpy(m.contact.bytes, PQgetvalue(res, r, 1), 16);
        m.found = PQgetvalue(res, r, 2)[0] != 0;
        m.status = PQgetisnull(res, r, 3) ? 0 : get_i64((const unsigned char *)PQgetvalue(res, r, 3));
        m.address_key = PQgetisnull(res, r, 4) ? NULL : PQgetvalue(res, r, 4);
        memset(in, 0, naud);
        for (size_t i = 0; i < na; i++) {
            int64_t ord = get_i64(aa + i * 12 + 4);
            if (ord < 1 || (uint64_t)ord > naud) {
                rc = fail(s, MTRK_ESTORE, "pg store: members_read: unexpected audience ordinal %lld", (long long)ord);
                break;
            }
            in[ord - 1] = 1;
        }
        if (rc)
            break;
        m.in_audience = in;
        while (mq < nmsg && memcmp(msg[mq], m.contact.bytes, 16) < 0)
            mq++;
        m.has_message = mq < nmsg && memcmp(msg[mq], m.contact.bytes, 16) == 0;
        for (size_t j = 0; j < ns; j++) {
            scopes[j] = get_i64(sa + j * 12 + 4);
            memcpy(scope_ids[j].bytes, ia + j * 20 + 4, 16);
        }
        m.unsub_scopes = scopes;
        m.unsub_scope_ids = scope_ids;
        m.nunsubs = ns;
        s->depth++;
        rc = fn(userdata, &m);
        s->depth--;
    }
    free(mem);
    free(msg);
    PQclear(res);
    free(in);
    free(scopes);
    free(scope_ids);
    return rc < 0 ? rc : 0;
}

/* ------------------------------------------------------------------ */
/* counters_add (contract version 5)                                   */
/* ------------------------------------------------------------------ */

/* counters_add statements: one per kind (MTRK_STORE_COUNTERS_*, 1..3). */
#define TS_COUNTERS(kind) (1u << (24 + (kind)))

/* The columns a kind's upsert writes: its key after the tenant, the
 * campaign column of links, then its counters. */
static unsigned counter_cols(const ctr_map *k, unsigned *cols)
{
    unsigned n = 0;
    for (unsigned c = 1; c < k->nkey; c++)
        cols[n++] = c;
    if (k->campaign_col >= 0)
        cols[n++] = (unsigned)k->campaign_col;
    for (unsigned i = 0; i < k->ncounters; i++)
        cols[n++] = k->counter_col[i];
    return n;
}

/* INSERT INTO t (tenant, key..., counters...) SELECT $1, u.c0, ..., sum(u.cj)
 * FROM unnest($2, ...) AS u GROUP BY the key ON CONFLICT (primary key) DO
 * UPDATE SET c = t.c + excluded.c: the server adds to the stored value,
 * under the row lock the upsert takes, so concurrent adds all count. GROUP
 * BY sums a key given twice (an upsert may not touch a row twice). */
static int ensure_counters_stmt(pgstore *s, const ctr_map *k, char *name)
{
    snprintf(name, 16, "tc%d", k->kind);
    if (s->typed_ok & TS_COUNTERS(k->kind))
        return 0;
    const mtrk_table_def *def = k->def;
    unsigned cols[CTR_MAX_COLS];
    unsigned nc = counter_cols(k, cols), nkeyed = nc - k->ncounters;
    Oid types[CTR_MAX_COLS + 1];
    types[0] = OID_UUID;
    strbuf b = { 0 };
    sb_printf(&b, "INSERT INTO \"%s\" AS t (\"%s\"", def->name, def->cols[0].name);
    for (unsigned j = 0; j < nc; j++)
        sb_printf(&b, ", \"%s\"", def->cols[cols[j]].name);
    sb_printf(&b, ") SELECT $1");
    for (unsigned j = 0; j < nc; j++)
        sb_printf(&b, j < nkeyed ? ", u.c%u" : ", sum(u.c%u)::bigint", j);
    sb_unnest(&b, def, cols, nc, types);
    sb_printf(&b, " GROUP BY ");
    for (unsigned j = 0; j < nkeyed; j++)
        sb_printf(&b, "%su.c%u", j ? ", " : "", j);
    sb_printf(&b, " ON CONFLICT (");
    for (unsigned c = 0; c < k->nkey; c++)
        sb_printf(&b, "%s\"%s\"", c ? ", " : "", def->cols[c].name);
    sb_printf(&b, ") DO UPDATE SET ");
    for (unsigned i = 0; i < k->ncounters; i++) {
        const char *col = def->cols[k->counter_col[i]].name;
        sb_printf(&b, "%s\"%s\" = t.\"%s\" + excluded.\"%s\"", i ? ", " : "", col, col, col);
    }
    return typed_prepare(s, TS_COUNTERS(k->kind), name, &b, (int)nc + 1, types);
}

typedef struct counter_rows {
    const ctr_map *k;
    const mtrk_id *tenant;
    const mtrk_store_counter_delta *const *deltas;
} counter_rows;

static void counter_row(void *ud, size_t i, mtrk_value *row)
{
    counter_rows *r = ud;
    ctr_row(r->k, r->tenant, r->deltas[i], row);
}

static int pg_counters_add(mtrk_store *store, mtrk_id tenant, int kind, const mtrk_store_counter_delta *const *deltas,
                           size_t n)
{
    pgstore *s = (pgstore *)store;
    const ctr_map *k = ctr_kind(&s->ctr, kind);
    if (k == NULL)
        return fail(s, MTRK_EINVAL, "pg store: counters_add: unknown kind %d", kind);
    char why[200];
    int rc = ctr_check(k, deltas, n, why, sizeof why);
    if (rc)
        return fail(s, rc, "pg store: counters_add: %s", why);
    if ((rc = need_tx(s, "counters_add")) || n == 0)
        return rc;
    if ((rc = typed_args(s, "counters_add", &tenant, 1)))
        return rc;
    char name[16];
    if ((rc = ensure_counters_stmt(s, k, name)))
        return rc;
    unsigned cols[CTR_MAX_COLS];
    unsigned nc = counter_cols(k, cols);
    counter_rows cr = { k, &tenant, deltas };
    /* Up to MANY_CHUNK deltas per statement, each statement deferred. */
    return send_unnest(s, &tenant, name, k->def, k->table, cols, nc, n, counter_row, &cr, false, "counters_add");
}

/* events_scan (contract version 7): one statement per page, "ts1" for a
 * message's events (events_by_message, its ties sorted), "ts2" for a
 * campaign's (events_by_campaign from the hour of the first event that can
 * pass; the index orders the hours and an incremental sort each hour's
 * events by time, so the LIMIT ends the walk). $1 tenant, $2 owner, $3
 * type, $4 from, $5 to, $6 after_set, $7-$9 the position, $10 limit, $11
 * the first hour. Custom plans: the planner sees which filters are 0. */
#define TS_SCAN(by) (1u << (20 + (by))) /* bits 21, 22 */

static int pg_events_scan(mtrk_store *store, mtrk_id tenant, const mtrk_store_event_query *q, mtrk_store_event_fn fn,
                          void *userdata)
{
    pgstore *s = (pgstore *)store;
    if (q == NULL || fn == NULL)
        return fail(s, MTRK_EINVAL, "pg store: events_scan: %s is NULL", q == NULL ? "query" : "fn");
    if (q->version == 0 || q->limit == 0 || (q->by != MTRK_STORE_EVENTS_BY_MESSAGE && q->by != MTRK_STORE_EVENTS_BY_CAMPAIGN))
        return fail(s, MTRK_EINVAL, "pg store: events_scan: the query is unversioned, has limit 0 or an unknown by");
    int rc = typed_args(s, "events_scan", &tenant, 0);
    if (rc)
        return rc;
    const mtrk_table_def *ed = s->ts[s->rec.ev.table].def;
    int camp = q->by == MTRK_STORE_EVENTS_BY_CAMPAIGN;
    const char *name = camp ? "ts2" : "ts1";
    if (!(s->typed_ok & TS_SCAN(q->by))) {
        strbuf b = { 0 };
        sb_printf(&b, "SELECT ");
        sql_cols_of(&b, ed, "e.");
        sb_printf(&b, " FROM \"%s\" e WHERE e.\"%s\" = $2 AND e.\"tenant\" = $1", ed->name,
                  camp ? "campaign" : "message");
        if (camp)
            sb_printf(&b, " AND e.\"occurred_hour\" >= $11 AND ($5 = 0 OR e.\"occurred_hour\" < $5)");
        sb_printf(&b, " AND ($3 = 0 OR e.\"type\" = $3) AND e.\"occurred_at\" >= $4"
                      " AND ($5 = 0 OR e.\"occurred_at\" < $5)"
                      " AND ($6 = 0 OR (e.\"occurred_at\", e.\"arrived_at\", e.\"id\") > ($7, $8, $9))"
                      " ORDER BY %se.\"occurred_at\", e.\"arrived_at\", e.\"id\" LIMIT $10",
                  camp ? "e.\"occurred_hour\", " : "");
        Oid types[11] = { OID_UUID, OID_UUID, OID_INT8, OID_INT8, OID_INT8, OID_INT8,
                          OID_INT8, OID_INT8, OID_UUID, OID_INT8, OID_INT8 };
        if ((rc = typed_prepare(s, TS_SCAN(q->by), name, &b, camp ? 11 : 10, types)))
            return rc;
    }
    mtrk_time start = q->after_set && q->after_occurred_at > q->from ? q->after_occurred_at : q->from;
    int64_t ints[9] = { q->type, q->from, q->to, q->after_set != 0, q->after_occurred_at, q->after_arrived_at, 0,
                        q->limit > (size_t)INT64_MAX ? INT64_MAX : (int64_t)q->limit, mtrk_store_event_hour(start) };
    params pa;
    pa.n = 0;
    param_tenant(&pa, &tenant);
    param_tenant(&pa, &q->owner);
    for (int i = 0; i < 9; i++) {
        if (i == 8 && !camp)
            break;
        if (i == 6) {
            param_tenant(&pa, &q->after_id);
            continue;
        }
        put_i64(pa.ints[pa.n], ints[i]);
        pa.val[pa.n] = (const char *)pa.ints[pa.n];
        pa.len[pa.n] = 8;
        pa.fmt[pa.n] = 1;
        pa.n++;
    }
    PGresult *res = NULL;
    if ((rc = run_prepared(s, name, &pa, 0, "events_scan", &res)))
        return rc;
    mtrk_value vals[MAX_COLS];
    int nr = PQntuples(res);
    for (int r = 0; r < nr && rc == 0; r++) {
        mtrk_store_event ev;
        res_row(ed, res, r, vals);
        rec_event_from_row(&s->rec, vals, &ev);
        s->depth++;
        rc = fn(userdata, (size_t)r, &ev);
        s->depth--;
    }
    PQclear(res);
    return rc < 0 ? rc : 0;
}

static const char *pg_errmsg(mtrk_store *store) { return ((pgstore *)store)->err; }

/* ------------------------------------------------------------------ */
/* Creation and release                                                */
/* ------------------------------------------------------------------ */

static void pg_free(mtrk_store *store)
{
    pgstore *s = (pgstore *)store;
    if (s == NULL)
        return;
    cc_forget(s);
    if (s->conn)
        PQfinish(s->conn);
    free(s->conninfo);
    free(s->ts);
    free(s->shapes);
    free(s);
}

MTRK_API int mtrk_store_pg_new(mtrk_store **out, const char *conninfo, const mtrk_open_options *opts)
{
    if (out == NULL)
        return gerr(MTRK_EINVAL, "out is NULL");
    *out = NULL;
    if (conninfo == NULL)
        return gerr(MTRK_EINVAL, "conninfo is NULL");
    if (opts && (opts->version == 0 || opts->version > MTRK_OPEN_OPTIONS_VERSION))
        return gerr(MTRK_EVERSION, "opts has version %u; this library knows 1..%u", opts->version,
                    MTRK_OPEN_OPTIONS_VERSION);
    int busy = DEFAULT_BUSY_MS, sync_off = 0;
    if (opts && opts->version >= 2) {
        if (opts->busy_timeout_ms < 0)
            return gerr(MTRK_EINVAL, "opts->busy_timeout_ms %d is negative", opts->busy_timeout_ms);
        if (opts->synchronous < MTRK_SYNC_DEFAULT || opts->synchronous > MTRK_SYNC_FULL)
            return gerr(MTRK_EINVAL, "opts->synchronous %d is not an MTRK_SYNC_* level", opts->synchronous);
        if (opts->busy_timeout_ms > 0)
            busy = opts->busy_timeout_ms;
        sync_off = opts->synchronous == MTRK_SYNC_OFF;
    }
    pgstore *s = calloc(1, sizeof *s);
    if (s == NULL || (s->conninfo = strdup(conninfo)) == NULL) {
        free(s);
        return gerr(MTRK_ENOMEM, "out of memory opening the PostgreSQL store");
    }
    s->busy_ms = busy;
    s->sync_off = sync_off;
    s->base.version = MTRK_STORE_VERSION;
    s->base.free = pg_free;
    s->base.begin = pg_begin;
    s->base.commit = pg_commit;
    s->base.rollback = pg_rollback;
    s->base.get = pg_get;
    s->base.scan = pg_scan;
    s->base.apply = pg_apply;
    s->base.errmsg = pg_errmsg;
    s->base.get_many = pg_get_many;
    s->base.scan_many = pg_scan_many;
    s->base.messages_load = pg_messages_load;
    s->base.provider_ids_find = pg_provider_ids_find;
    s->base.events_append = pg_events_append;
    s->base.messages_update = pg_messages_update;
    s->base.counters_add = pg_counters_add;
    s->base.messages_insert = pg_messages_insert;
    s->base.events_scan = pg_events_scan;
    s->base.members_read = pg_members_read;
    s->ntables = mtrk_store_table_count();
    s->ts = calloc(s->ntables ? s->ntables : 1, sizeof *s->ts);
    if (s->ts == NULL) {
        pg_free(&s->base);
        return gerr(MTRK_ENOMEM, "out of memory opening the PostgreSQL store");
    }
    for (unsigned t = 0; t < s->ntables; t++) {
        const mtrk_table_def *def = mtrk_store_table(t);
        s->ts[t].def = def;
        if (def->ncols > MAX_COLS || def->npk == 0 || def->npk > def->ncols ||
            (def->nindexes && def->indexes[0].ncols + def->npk > MAX_KEY)) {
            pg_free(&s->base);
            return gerr(MTRK_ESTORE, "pg store: table %s has an unsupported shape", def->name);
        }
    }
    char m[256];
    int rc = rec_maps_init(&s->rec, m, sizeof m);
    if (rc == 0)
        rc = ctr_maps_init(&s->ctr, m, sizeof m);
    if (rc) {
        gerr(rc, "pg store: %s", m);
        pg_free(&s->base);
        return rc;
    }
    rc = connect_db(s);
    if (rc == 0)
        rc = setup_schema(s);
    if (rc) {
        gerr(rc, "%s", s->err);
        pg_free(&s->base);
        return rc;
    }
    *out = &s->base;
    return 0;
}
