/**
 * @file mtrk/store.h
 *
 * mtrk — the store contract, for backend authors.
 *
 * A store is persistence only: it keeps rows of the tables described by
 * mtrk_store_table() and answers keyed reads and ordered scans. Every rule
 * (validation, state machines, rollups) lives in the mtrk core, which reaches
 * a store only through this table of function pointers.
 *
 * Versioning: `version` is the first member. The core refuses a version it
 * does not know (MTRK_EVERSION) and a store missing a required operation
 * (MTRK_EINCOMPLETE). Operations are only ever appended, with a version bump;
 * the core calls an appended operation only when both the declared version
 * and the pointer allow it. A backend embeds mtrk_store as its first member.
 *
 * Rows: a row of table T is an array of mtrk_store_table(T)->ncols values, in
 * column order. The first `npk` columns form the primary key. Every table's
 * first column is the tenant id: every key is led by the tenant. Values
 * handed to a store (keys, prefixes, rows of apply) are borrowed for the
 * call: a store copies what it keeps. Rows a store hands back follow the
 * same value rules (TEXT followed by a NUL).
 *
 * Order: a scan over index I of table T visits rows ordered by the index
 * columns, then by the primary-key columns (the "sort key"), comparing values
 * as: NULL < INT < TEXT < BLOB; INT numerically; TEXT and BLOB bytewise
 * (memcmp, then shorter first).
 *
 * Transactions: every call happens between begin and commit/rollback. begin
 * with write != 0 takes the write lock at once (a competing writer waits up
 * to the store's busy timeout, then gets MTRK_EBUSY). After a failed apply the
 * core always rolls back. Reads inside a write transaction see its writes.
 * A read transaction sees one snapshot: what was committed before it began
 * and nothing committed after (a store that serializes every transaction
 * has this for free); mtrk_metrics_rebuild computes from one.
 *
 * Errors: operations return 0 or a negative MTRK_E* code (MTRK_ENOTFOUND,
 * MTRK_EEXISTS for a unique-key violation, MTRK_EBUSY, MTRK_ESTORE,
 * MTRK_ENOMEM) and never abort the process; errmsg() describes the last one.
 */
#ifndef MTRK_STORE_H
#define MTRK_STORE_H

#include "db.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Value types. */
enum {
    MTRK_VAL_NULL = 0, /**< no value (NULL) */
    MTRK_VAL_INT = 1,  /**< int64 */
    MTRK_VAL_TEXT = 2, /**< UTF-8, p points to n bytes followed by a NUL */
    MTRK_VAL_BLOB = 3  /**< n bytes at p (ids are 16-byte blobs) */
};

/** One value of a row in the store contract: NULL, an integer, text or a blob. */
typedef struct mtrk_value {
    int type; /**< MTRK_VAL_NULL, _INT, _TEXT or _BLOB */
    int64_t i; /**< the integer, for MTRK_VAL_INT */
    const void *p; /**< the bytes, for MTRK_VAL_TEXT and MTRK_VAL_BLOB */
    size_t n; /**< the number of bytes at p */
} mtrk_value;

/** Column flags. */
#define MTRK_COL_NULLABLE 0x1u

/** A column of a table definition. */
typedef struct mtrk_column_def {
    const char *name; /**< the column's name */
    int type;        /**< MTRK_VAL_INT, _TEXT or _BLOB */
    unsigned flags;  /**< MTRK_COL_* */
} mtrk_column_def;

/** A secondary index of a table definition. */
typedef struct mtrk_index_def {
    const char *name; /**< the index's name */
    unsigned ncols; /**< number of columns in cols */
    const unsigned *cols; /**< column numbers */
    /** no two rows share the index columns; a row with NULL in any of them never collides */
    int unique;
} mtrk_index_def;

/** A table definition, as the store receives it (mtrk_store_table). */
typedef struct mtrk_table_def {
    const char *name; /**< the table's name */
    unsigned ncols; /**< number of columns */
    const mtrk_column_def *cols; /**< the columns, in row order */
    unsigned npk;         /**< the first npk columns are the primary key */
    unsigned nindexes; /**< number of secondary indexes */
    const mtrk_index_def *indexes; /**< the secondary indexes, numbered 0 .. nindexes - 1 in scans */
} mtrk_table_def;

/** Version of the table definitions; bumped whenever a table or column changes. */
MTRK_API unsigned mtrk_store_schema_version(void);
/** Number of tables. */
MTRK_API unsigned mtrk_store_table_count(void);
/** Definition of table `table` (0 .. count-1), or NULL. Static. */
MTRK_API const mtrk_table_def *mtrk_store_table(unsigned table);

/** Index number meaning "the primary key" in scan. */
#define MTRK_INDEX_PK (-1)

/**
 * The sort key of `index` (MTRK_INDEX_PK or 0 .. nindexes-1) of table
 * `def`, the order scans visit rows in: the index's columns, then the
 * primary-key columns (a column may appear twice; it then compares equal
 * the second time). Writes the column numbers to cols[] (room for
 * ncols + npk of them) and returns their number; 0 if def is NULL or the
 * index does not exist.
 */
MTRK_API unsigned mtrk_store_sort_key(const mtrk_table_def *def, int index, unsigned *cols);

/**
 * Row callback: `row` holds the table's ncols values, valid only during the
 * call. Return 0 to go on, 1 to stop, or a negative MTRK_E* code to abort
 * the operation with that code.
 */
typedef int (*mtrk_row_fn)(void *userdata, const mtrk_value *row);

/** Scan flags. */
#define MTRK_SCAN_AFTER 0x1u   /**< start strictly after `start`, not at it */
#define MTRK_SCAN_DESC 0x2u    /**< descending order (start is then an upper bound) */

/** Change operations in apply. */
enum {
    MTRK_CHANGE_INSERT = 1, /**< MTRK_EEXISTS if the primary key or a unique index collides */
    /** replace the row with this primary key (MTRK_ENOTFOUND if none; MTRK_EEXISTS if a unique index collides) */
    MTRK_CHANGE_UPDATE = 2,
    MTRK_CHANGE_DELETE = 3  /**< delete the row with this primary key (MTRK_ENOTFOUND if none) */
};

#define MTRK_CHANGE_VERSION 1 /**< Current version of mtrk_change (its version member) */
/**
 * One change handed to a store's apply: an insert, update or delete of one
 * row. Versioned like every struct that crosses the contract: the core
 * passes changes of the version the store's contract version knows (version
 * 1 for contract versions 1 to 3), so a member appended later never moves
 * the stride of the array an older store reads.
 */
typedef struct mtrk_change {
    unsigned int version; /**< MTRK_CHANGE_VERSION or an older version */
    int op; /**< MTRK_CHANGE_INSERT, _UPDATE or _DELETE */
    unsigned table; /**< the table number (0 .. mtrk_store_table_count() - 1) */
    const mtrk_value *row; /**< a full row (for DELETE only the key columns are read) */
    /**
     * MTRK_CHANGE_UPDATE only, a hint: bit c (c < 64) set for each column
     * whose value may differ from the stored row's; the row's other columns
     * hold the stored values. 0 means any column may differ. A backend may
     * ignore it (and replace the whole row) or write only the named columns,
     * e.g. to leave the indexes over unchanged columns untouched. Ignored for
     * other operations. (Appended before 1.0; the core applies one change
     * per apply call.)
     */
    uint64_t columns;
} mtrk_change;

/* ---- typed records of the event path (contract version 4) ---- */

#define MTRK_STORE_MESSAGE_VERSION 1 /**< Current version of mtrk_store_message */
/**
 * A message as the event path reads and writes it, and as generation
 * inserts it (messages_insert, contract version 6): a record of the domain,
 * not a row of a table — how a store keeps it (keys, columns, joins) is the
 * store's business. Every field is data the core decided; the store keeps
 * and returns it unchanged. A time or count of 0 means none; a nil id
 * (all zero bytes) means none; a NULL string means none. Strings are
 * borrowed: valid during the call (or callback) that hands them over.
 */
typedef struct mtrk_store_message {
    unsigned int version; /**< MTRK_STORE_MESSAGE_VERSION or an older version */
    mtrk_id id;           /**< the message id (mid) */
    mtrk_id campaign;     /**< its campaign */
    mtrk_id contact;      /**< its contact */
    int64_t state;        /**< its state (an mtrk_message_state) */
    int64_t cancel_reason; /**< why it was canceled */
    mtrk_time created_at; /**< when it was generated */
    mtrk_time lease_until; /**< the end of a claim's lease */
    mtrk_time sent_at;     /**< the facts the core keeps (below): first times */
    mtrk_time delivered_at; /**< first delivery */
    mtrk_time bounced_at;   /**< first bounce */
    mtrk_time first_open_at; /**< first open */
    mtrk_time first_click_at; /**< first click */
    mtrk_time first_complaint_at; /**< first complaint */
    mtrk_time first_unsub_at;     /**< first unsubscribe */
    int64_t opens;        /**< opens counted */
    int64_t clicks;       /**< clicks counted */
    int64_t soft_bounces; /**< soft bounces counted */
    int64_t flags;        /**< the core's flag bits */
    const char *provider_message_id; /**< the provider's id of the message, or NULL */
    /**
     * Derived by the core from state: nonzero (the state) while the message
     * is in the send queue, 0 otherwise. A store that keeps a queue index
     * keys it on this.
     */
    int64_t queue_state;
    /**
     * The mark: the position (occurred_at, arrived_at, id) of the last event
     * the facts above include; folded_event nil when they include none.
     */
    mtrk_time folded_occurred_at;
    mtrk_time folded_arrived_at; /**< the mark's arrival time */
    mtrk_id folded_event;        /**< the mark's event id, or nil */
    const char *folded_links;    /**< the core's summary of the links clicked up to the mark, or NULL */
} mtrk_store_message;

/**
 * The derived fields the core computes, for a backend that must compute
 * them itself (a migration filling a new column of stored rows): the
 * queue_state of a message in `state` (the state while queued or claimed,
 * 0 otherwise) and the occurred_hour of an event that occurred at
 * `occurred_at` (the start of its hour). The core's own rules: a backend
 * calls these instead of restating them.
 */
MTRK_API int64_t mtrk_store_queue_state(int64_t state);
/** See mtrk_store_queue_state. */
MTRK_API mtrk_time mtrk_store_event_hour(mtrk_time occurred_at);

/** Bits of a messages_update mask: which fields of a message record are written. */
enum {
    MTRK_STORE_MSG_STATE = 1u << 0,     /**< state, cancel_reason, lease_until and queue_state */
    MTRK_STORE_MSG_FACTS = 1u << 1,     /**< sent_at .. flags (the facts) */
    MTRK_STORE_MSG_PROVIDER_ID = 1u << 2, /**< provider_message_id */
    MTRK_STORE_MSG_MARK = 1u << 3       /**< folded_occurred_at, folded_arrived_at, folded_event, folded_links */
};

#define MTRK_STORE_EVENT_VERSION 1 /**< Current version of mtrk_store_event */
/**
 * An event as the event path appends and reads it: what happened to a
 * message, with the effects the core decided it had. Conventions as for
 * mtrk_store_message. Events are never changed once appended (except
 * through the generic rows, by retention and erasure).
 */
typedef struct mtrk_store_event {
    unsigned int version; /**< MTRK_STORE_EVENT_VERSION or an older version */
    mtrk_id id;           /**< the event id */
    mtrk_id message;      /**< its message */
    mtrk_id campaign;     /**< its message's campaign */
    mtrk_id contact;      /**< its message's contact */
    int64_t type;         /**< an mtrk_event_type */
    mtrk_id link;         /**< the link clicked, or nil */
    mtrk_time occurred_at; /**< when it happened */
    mtrk_time arrived_at;  /**< when mtrk recorded it */
    /** Derived by the core from occurred_at: the hour bucket the rollups and listings use. */
    int64_t occurred_hour;
    const char *provider;          /**< the provider, or NULL */
    const char *provider_event_id; /**< the provider's event id, or NULL; (provider, provider_event_id) is unique per tenant */
    const char *provider_message_id; /**< the provider's message id, or NULL */
    int64_t bounce_kind;        /**< an mtrk_bounce_kind */
    const char *diagnostic;     /**< bounce diagnostic text, or NULL */
    const char *user_agent;     /**< the client's user agent, or NULL */
    const char *ip;             /**< the client's address, or NULL */
    int64_t verdict;            /**< an mtrk_verdict */
    const char *verdict_reason; /**< why, or NULL */
    int64_t unsub_scope;        /**< an mtrk_unsub_scope (unsubscribes) */
    mtrk_id unsub_audience;     /**< the audience of an audience-scoped unsubscribe, or nil */
    int64_t unsub_source;       /**< an mtrk_source (unsubscribes) */
    int64_t effects;            /**< MTRK_EFFECT_* bits the core decided */
} mtrk_store_event;

/**
 * Callback of messages_load: one message and its events past its mark (see
 * messages_load), valid only during the call. Return 0 to go on, or a
 * negative MTRK_E* code to abort the operation with that code.
 */
typedef int (*mtrk_store_message_fn)(void *userdata, const mtrk_store_message *message,
                                     const mtrk_store_event *const *events, size_t nevents);

/**
 * Callback of provider_ids_find: the stored event of key `index`, valid only
 * during the call. Return 0 to go on, or a negative MTRK_E* code to abort.
 */
typedef int (*mtrk_store_event_fn)(void *userdata, size_t index, const mtrk_store_event *event);

/* ---- typed records of the metrics path (contract version 5) ---- */

/**
 * The kinds of rollup a store keeps counters for (the `kind` argument of
 * counters_add). Each kind has its key (fields of mtrk_store_counter_delta)
 * and its counters, in the order of its MTRK_STORE_*_ counter constants.
 */
enum {
    /** Per campaign: key campaign; counters MTRK_STORE_CAMPAIGN_MESSAGES .. */
    MTRK_STORE_COUNTERS_CAMPAIGN = 1,
    /** Per link: key link (campaign is the link's campaign); counters MTRK_STORE_LINK_CLICKS .. */
    MTRK_STORE_COUNTERS_LINK = 2,
    /** Per campaign, hour and event type: key (campaign, hour, type); counter MTRK_STORE_HOURLY_COUNT */
    MTRK_STORE_COUNTERS_HOURLY = 3
};

/** Counters of MTRK_STORE_COUNTERS_CAMPAIGN, by their index in values[] (the metrics of mtrk_metrics). */
enum {
    MTRK_STORE_CAMPAIGN_MESSAGES = 0,      /**< messages */
    MTRK_STORE_CAMPAIGN_CANCELED,          /**< canceled */
    MTRK_STORE_CAMPAIGN_SENT,              /**< sent */
    MTRK_STORE_CAMPAIGN_DELIVERED,         /**< delivered */
    MTRK_STORE_CAMPAIGN_DELIVERED_EXPLICIT, /**< delivered_explicit */
    MTRK_STORE_CAMPAIGN_BOUNCED_HARD,      /**< bounced_hard */
    MTRK_STORE_CAMPAIGN_BOUNCED_SOFT,      /**< bounced_soft */
    MTRK_STORE_CAMPAIGN_COMPLAINTS,        /**< complaints */
    MTRK_STORE_CAMPAIGN_UNSUBSCRIBES,      /**< unsubscribes */
    MTRK_STORE_CAMPAIGN_OPENS_TOTAL,       /**< opens_total */
    MTRK_STORE_CAMPAIGN_OPENS_UNIQUE,      /**< opens_unique */
    MTRK_STORE_CAMPAIGN_OPENS_UNIQUE_HUMAN, /**< opens_unique_human */
    MTRK_STORE_CAMPAIGN_OPENS_MACHINE,     /**< opens_machine */
    MTRK_STORE_CAMPAIGN_OPENS_INFERRED,    /**< opens_inferred */
    MTRK_STORE_CAMPAIGN_CLICKS_TOTAL,      /**< clicks_total */
    MTRK_STORE_CAMPAIGN_CLICKS_UNIQUE,     /**< clicks_unique */
    MTRK_STORE_CAMPAIGN_CLICKS_UNIQUE_HUMAN, /**< clicks_unique_human */
    MTRK_STORE_CAMPAIGN_CLICKS_MACHINE,    /**< clicks_machine */
    MTRK_STORE_CAMPAIGN_LEADS_TOTAL,       /**< leads_total */
    MTRK_STORE_CAMPAIGN_LEADS_ATTRIBUTED,  /**< leads_attributed */
    MTRK_STORE_CAMPAIGN_LEADS_FORWARDED,   /**< leads_forwarded */
    MTRK_STORE_CAMPAIGN_COUNTERS           /**< how many (21 in contract version 5) */
};

/** Counters of MTRK_STORE_COUNTERS_LINK, by their index in values[]. */
enum {
    MTRK_STORE_LINK_CLICKS = 0,           /**< clicks */
    MTRK_STORE_LINK_CLICKS_UNIQUE,        /**< clicks_unique (messages) */
    MTRK_STORE_LINK_CLICKS_UNIQUE_HUMAN,  /**< clicks_unique_human */
    MTRK_STORE_LINK_COUNTERS              /**< how many (3 in contract version 5) */
};

/** Counters of MTRK_STORE_COUNTERS_HOURLY, by their index in values[]. */
enum {
    MTRK_STORE_HOURLY_COUNT = 0, /**< events of the type in the hour */
    MTRK_STORE_HOURLY_COUNTERS   /**< how many (1 in contract version 5) */
};

#define MTRK_STORE_COUNTER_DELTA_VERSION 1 /**< Current version of mtrk_store_counter_delta */
/**
 * Amounts to add to the counters of one rollup key (counters_add). The core
 * computes every amount (the counting rules are its own); a store only adds
 * them. Which key fields are read depends on the kind:
 * - MTRK_STORE_COUNTERS_CAMPAIGN: campaign;
 * - MTRK_STORE_COUNTERS_LINK: link; campaign is the link's campaign, the
 *   same in every delta of that link, kept with the counters;
 * - MTRK_STORE_COUNTERS_HOURLY: campaign, hour and type.
 * Fields a kind does not read are zero. values[i] is the amount for the
 * kind's counter i (its MTRK_STORE_*_ constants); nvalues is how many the
 * core passes, at most the kind's count (a store adds values[0..nvalues-1]
 * and leaves any further counter it keeps unchanged). Amounts may be
 * negative or zero. Borrowed for the call.
 */
typedef struct mtrk_store_counter_delta {
    unsigned int version; /**< MTRK_STORE_COUNTER_DELTA_VERSION or an older version */
    mtrk_id campaign;     /**< the campaign (every kind) */
    mtrk_id link;         /**< MTRK_STORE_COUNTERS_LINK: the link; else nil */
    /**
     * MTRK_STORE_COUNTERS_HOURLY: the start of the hour, derived by the core
     * from the event's occurred_at (mtrk_store_event_hour); else 0.
     */
    mtrk_time hour;
    int64_t type;           /**< MTRK_STORE_COUNTERS_HOURLY: an mtrk_event_type; else 0 */
    const int64_t *values;  /**< nvalues amounts, in the kind's counter order */
    size_t nvalues;         /**< how many amounts values holds */
} mtrk_store_counter_delta;

/* ---- typed records of generation (contract version 6) ---- */

#define MTRK_STORE_MEMBER_VERSION 1 /**< Current version of mtrk_store_member */
/**
 * A member of a campaign's audiences as generation reads it
 * (members_read): a contact with the stored facts generation judges it
 * by. Facts, not judgements: the core applies every rule. Conventions as
 * for mtrk_store_message; everything is valid only during the callback.
 */
typedef struct mtrk_store_member {
    unsigned int version; /**< MTRK_STORE_MEMBER_VERSION or an older version */
    mtrk_id contact;      /**< the contact (listed by one of the audiences) */
    /** 1 if the contact exists; 0 if an audience lists it but it has no contact row (the facts below are then empty) */
    int found;
    int64_t status;          /**< the contact's status, as stored */
    const char *address_key; /**< the contact's address key, or NULL */
    /** naud flags: in_audience[i] is 1 when audiences[i] of the call lists the contact */
    const unsigned char *in_audience;
    int has_message;         /**< 1 when the campaign of the call has a message for the contact */
    /** The contact's unsubscribe rules as stored, nunsubs (scope, scope_id) pairs in any order */
    const int64_t *unsub_scopes;
    const mtrk_id *unsub_scope_ids; /**< the scope ids of those rules (nil for a rule without one) */
    size_t nunsubs;                 /**< how many rules */
} mtrk_store_member;

/**
 * Callback of members_read: one member, valid only during the call.
 * Return 0 to go on, or a negative MTRK_E* code to abort the operation
 * with that code.
 */
typedef int (*mtrk_store_member_fn)(void *userdata, const mtrk_store_member *member);

/* ---- typed scans of events (contract version 7) ---- */

/** What events_scan visits (mtrk_store_event_query.by). */
enum {
    MTRK_STORE_EVENTS_BY_MESSAGE = 1, /**< the events of one message (owner: its id) */
    MTRK_STORE_EVENTS_BY_CAMPAIGN = 2 /**< the events of one campaign's messages (owner: the campaign's id) */
};

#define MTRK_STORE_EVENT_QUERY_VERSION 1 /**< Current version of mtrk_store_event_query */
/**
 * Which events events_scan visits, and from where: the events of `owner`
 * (a message or a campaign, by `by`) that pass every filter below, in
 * event-time order, strictly after the position `after_*` when after_set,
 * at most `limit` of them. Event-time order is ascending (occurred_at,
 * arrived_at, id): times numerically, ids bytewise (memcmp) — the order a
 * message's events are folded in and the order listings promise. Filters
 * are data, not rules: the store compares the stored fields with the
 * values given. Borrowed for the call.
 */
typedef struct mtrk_store_event_query {
    unsigned int version; /**< MTRK_STORE_EVENT_QUERY_VERSION or an older version */
    int by;               /**< MTRK_STORE_EVENTS_BY_MESSAGE or MTRK_STORE_EVENTS_BY_CAMPAIGN */
    mtrk_id owner;        /**< the message's or the campaign's id */
    int64_t type;         /**< only events of this mtrk_event_type; 0: every type */
    mtrk_time from;       /**< only events with occurred_at >= from (0: no lower bound) */
    mtrk_time to;         /**< only events with occurred_at < to; 0: no upper bound */
    /** Nonzero: only events whose (occurred_at, arrived_at, id) is greater than the three after_* values */
    int after_set;
    mtrk_time after_occurred_at; /**< the position's occurred_at (with after_set) */
    mtrk_time after_arrived_at;  /**< the position's arrived_at (with after_set) */
    mtrk_id after_id;            /**< the position's event id (with after_set) */
    size_t limit;                /**< at most this many events (at least 1) */
} mtrk_store_event_query;

/**
 * Version 1: free .. errmsg. Version 2 appends get_many (optional: NULL
 * means the core reads key by key with get). Version 3 appends scan_many
 * (optional: NULL means the core scans prefix by prefix). Version 4 appends
 * the typed operations of the event path, messages_load .. messages_update
 * (optional as a group: a store sets all four or none; with none, the core
 * does their work through the rows). Version 5 appends counters_add, the
 * typed operation of the metrics path (optional: NULL means the core reads
 * each rollup row, adds and writes it back through the rows). Version 6
 * appends the typed operations of generation, messages_insert (optional:
 * NULL means the core inserts the messages as rows through apply) and
 * members_read (optional: NULL means the core reads the audiences,
 * contacts, messages and unsubscribe rules through scans). Version 7
 * appends events_scan, the listings' typed read (optional: NULL means the
 * core reads the same events through scans of the events table). The core
 * accepts stores of any of these versions and calls an optional member
 * only when the store's version has it and the pointer is set.
 */
#define MTRK_STORE_VERSION 7

/** The store contract: a table of operations a backend implements; the core calls nothing else. */
struct mtrk_store {
    unsigned int version; /**< MTRK_STORE_VERSION or an older version */

    /** Releases the store (called by mtrk_store_free). */
    void (*free)(mtrk_store *store);

    /** Begins a transaction, a write transaction when write is 1 */
    int (*begin)(mtrk_store *store, int write);
    int (*commit)(mtrk_store *store); /**< Commits the transaction */
    int (*rollback)(mtrk_store *store); /**< Rolls the transaction back */

    /**
     * Calls fn once with the row whose primary key is key[0..npk-1];
     * MTRK_ENOTFOUND if none. Returns 0 when fn returns 0 or 1, fn's code
     * when it returns a negative one.
     */
    int (*get)(mtrk_store *store, unsigned table, const mtrk_value *key, mtrk_row_fn fn, void *userdata);

    /**
     * Visits rows of `table` in the sort key order of `index` (MTRK_INDEX_PK or
     * 0..nindexes-1) whose first nprefix sort-key columns equal prefix[], from
     * the position given by start[0..nstart-1] (the sort-key columns after the
     * prefix; nstart 0: from the first), inclusive unless MTRK_SCAN_AFTER,
     * calling fn until it returns nonzero or rows run out. MTRK_SCAN_AFTER has
     * no effect when nstart is 0. Returns 0 when rows run out or fn returns 1,
     * fn's code when it returns a negative one.
     *
     * While fn runs (in scan or get) it may read the store (get, scan) but
     * must not change it: no apply, commit or rollback until the call has
     * returned. Nothing of a scan survives its return, so the caller may
     * apply changes between scans and resume with a start bound.
     */
    int (*scan)(mtrk_store *store, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *userdata);

    /**
     * Applies n changes in order; on failure returns its code (the core rolls
     * back). A store may defer the work (e.g. send it to a server and return
     * without waiting): a failure found later is then returned by the next
     * get, get_many, scan, apply or commit of the same transaction, and by
     * every later one until rollback, so the transaction fails as a whole. A
     * deferred MTRK_ENOTFOUND (update or delete of a missing row) is reported
     * as MTRK_ESTORE, since a read's MTRK_ENOTFOUND means "no such row". The
     * core never decides anything from apply's code other than to abort: it
     * checks existence by reading first.
     */
    int (*apply)(mtrk_store *store, const mtrk_change *changes, size_t n);

    /** Message of the last failure ("" if none). Borrowed. */
    const char *(*errmsg)(mtrk_store *store);

    /* ---- version 2 ---- */

    /**
     * Optional (NULL: the core uses get). Reads the rows of `table` whose
     * primary keys are given: `keys` holds n keys of npk values each, back to
     * back (key i at keys[i * npk]). Calls fn once for each key that has a
     * row, in any order, with that row (valid only during the call); keys
     * without a row are skipped. Keys may repeat (fn may then be called once
     * or more for it). Returns 0 when every key was looked up or fn returned
     * 1, fn's code when it returns a negative one, or the store's failure.
     * The rules of get apply: inside a transaction, the transaction's own
     * writes are seen, and fn may read but not change the store. Meant for
     * one round trip where get would need n.
     */
    int (*get_many)(mtrk_store *store, unsigned table, const mtrk_value *keys, size_t n, mtrk_row_fn fn,
                    void *userdata);

    /* ---- version 3 ---- */

    /**
     * Optional (NULL: the core calls scan once per prefix). Visits the rows
     * of `table` whose first nprefix sort-key columns of `index` equal one
     * of the n prefixes given (`prefixes` holds n prefixes of nprefix values
     * each, back to back), as scan would for each prefix from its first row:
     * the rows of one prefix consecutively and in the index's sort-key
     * order, the prefixes in any order. A prefix given twice may be visited
     * twice. Returns as scan does (fn returning 1 ends the whole call), and
     * the rules of scan apply while fn runs. Meant for one round trip where
     * scan would need n; the core uses it to read the events of a batch's
     * messages at once.
     */
    int (*scan_many)(mtrk_store *store, unsigned table, int index, const mtrk_value *prefixes, unsigned nprefix,
                     size_t n, mtrk_row_fn fn, void *userdata);

    /* ---- version 4: the event path, typed ---- */

    /**
     * Loads the messages `mids[0..n-1]` of `tenant` (those with no message
     * are skipped; an id given twice may be visited twice) and calls fn for
     * each message found, in any order, with the message and its events past its mark: those whose
     * (occurred_at, arrived_at, id) is greater than the message's
     * (folded_occurred_at, folded_arrived_at, folded_event) — every event
     * of the message when folded_event is nil — in that order (times
     * numerically, ids bytewise). Records handed to fn are of the versions
     * this header defines. The transaction's own writes are seen; fn may not
     * change the store. Meant as the one read of an event batch.
     */
    int (*messages_load)(mtrk_store *store, mtrk_id tenant, const mtrk_id *mids, size_t n, mtrk_store_message_fn fn,
                         void *userdata);

    /**
     * Finds the events of `tenant` stored under the pairs (providers[i],
     * event_ids[i]), i < n: calls fn(userdata, i, event) for each pair that
     * has one (at most once per i, in any order). The duplicate and conflict
     * checks of an event batch.
     */
    int (*provider_ids_find)(mtrk_store *store, mtrk_id tenant, const char *const *providers,
                             const char *const *event_ids, size_t n, mtrk_store_event_fn fn, void *userdata);

    /**
     * Appends n events of `tenant` (each event's version tells its size).
     * MTRK_EEXISTS when an id, or a (provider, provider_event_id) pair with
     * both set, is already stored or repeats in the call. The core appends
     * only events of messages it read in the same transaction; a store
     * that keeps the reference (a foreign key) may check it and fail with
     * MTRK_ENOTFOUND or MTRK_ESTORE. May defer the work as apply may.
     */
    int (*events_append)(mtrk_store *store, mtrk_id tenant, const mtrk_store_event *const *events, size_t n);

    /**
     * Writes the fields of message records named by masks[i] (MTRK_STORE_MSG_*
     * bits; 0 writes every field but id, campaign, contact and created_at,
     * which never change) to the stored messages with their ids.
     * MTRK_ENOTFOUND when one does not exist. May defer the work as apply may.
     */
    int (*messages_update)(mtrk_store *store, mtrk_id tenant, const mtrk_store_message *const *messages,
                           const unsigned *masks, size_t n);

    /* ---- version 5: the metrics path, typed ---- */

    /**
     * Optional (NULL: the core reads, adds and writes the rollup rows
     * itself through get and apply). Adds each of the n deltas of `kind`
     * (an MTRK_STORE_COUNTERS_* value; each delta's version tells its size)
     * to the counters `tenant` keeps under the delta's key, creating the key
     * with every counter 0 first when it has none: an upsert that adds. A
     * key may repeat in a call (its amounts then add up). The result must
     * not depend on the order of the deltas, nor on other transactions
     * adding to the same key: the store adds to the value stored when the
     * write happens and never writes back a value it read earlier (two
     * handles adding 1 each leave 2). No rule is applied: the amounts are
     * final. The core calls it in a write transaction, at most once per
     * kind and transaction, just before committing; the rows it writes are
     * those that get, scan and mtrk_store_table() show for the rollup
     * tables. MTRK_EINVAL for an unknown kind or a NULL delta, MTRK_ESTORE
     * outside a write transaction. May defer the work as apply may.
     */
    int (*counters_add)(mtrk_store *store, mtrk_id tenant, int kind, const mtrk_store_counter_delta *const *deltas,
                        size_t n);

    /* ---- version 6: generation, typed ---- */

    /**
     * Optional (NULL: the core inserts the messages as rows of the messages
     * table through apply). Inserts n new messages of `tenant`, each record
     * (its version tells its size) written as given: every field is the
     * core's decision (ids, state, queue_state, created_at; the facts and
     * the mark are usually zero, nil or NULL, but are written when set).
     * The rows written are those that get, scan, messages_load and
     * mtrk_store_table() show for the messages table. No rule is applied:
     * the core decided which contacts get a message. MTRK_EEXISTS when a
     * message id, or a (campaign, contact) pair, is already stored or
     * repeats in the call (nothing of the call then remains once the core
     * rolls back); MTRK_EINVAL for a NULL or unversioned record; MTRK_ESTORE
     * outside a write transaction. A store that keeps the references
     * (foreign keys) may check that the tenant, campaign and contact exist
     * and fail with MTRK_ENOTFOUND or MTRK_ESTORE. The core calls it with
     * the messages of one generation page, in contact order with
     * increasing ids. May defer the work as apply may.
     */
    int (*messages_insert)(mtrk_store *store, mtrk_id tenant, const mtrk_store_message *const *messages, size_t n);

    /**
     * Optional (NULL: the core reads the same facts through scans). Visits
     * the contacts of `tenant` listed by at least one of the audiences
     * audiences[0..naud-1] (naud >= 1, no audience twice), each once, in
     * contact id order (bytewise), strictly after *after (NULL: from the
     * first), at most `limit` of them, calling fn for each with a member
     * record (mtrk_store_member: which of the audiences list it, whether
     * `campaign` has a message for it, the contact's status, address key
     * and unsubscribe rules). Fewer than `limit` calls means no more
     * members. The transaction's own writes are seen; fn may not change the
     * store. Returns 0, fn's code when it returns a negative one, or the
     * store's failure (MTRK_EINVAL for naud 0, a NULL argument or limit 0).
     * The core reads a campaign's members page by page, `after` the last
     * contact of the page before.
     */
    int (*members_read)(mtrk_store *store, mtrk_id tenant, mtrk_id campaign, const mtrk_id *audiences, size_t naud,
                        const mtrk_id *after, size_t limit, mtrk_store_member_fn fn, void *userdata);

    /* ---- version 7: the listings, typed ---- */

    /**
     * Optional (NULL: the core reads the events through scans of the
     * events table). Visits the events of `tenant` that `query` selects
     * (mtrk_store_event_query: a message's or a campaign's events, type and
     * occurrence-time filters, a position to resume after), in event-time
     * order, at most query->limit of them, calling fn(userdata, i, event)
     * with i = 0, 1, ... (the record is valid only during the call; its
     * version is one this header defines). Fewer than query->limit calls
     * means no more events; an owner with no events, or that does not
     * exist, gives none. The core pages through a listing by calling again
     * with after_* set to the last event handed over. The transaction's own
     * writes are seen; fn may read the store but not change it. Returns 0,
     * fn's code when it returns a negative one (a positive one ends the
     * call with 0), MTRK_EINVAL for a NULL query or fn, an unversioned
     * query, an unknown `by` or a limit of 0, MTRK_ESTORE outside a
     * transaction, or the store's failure. No rule is applied: which
     * events a listing shows, and their hour buckets, are the core's.
     */
    int (*events_scan)(mtrk_store *store, mtrk_id tenant, const mtrk_store_event_query *query, mtrk_store_event_fn fn,
                       void *userdata);
};
/** Initializer of a mtrk_store at MTRK_STORE_VERSION with every operation NULL. */
#define MTRK_STORE_INIT \
    { MTRK_STORE_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
      NULL, NULL }
/**
 * Zeroes the members *store has at `version` and sets its version (a
 * version-1 caller's struct is smaller: nothing past errmsg is written).
 * MTRK_EINVAL if store is NULL, MTRK_EVERSION if the version is unknown.
 */
MTRK_API int mtrk_store_init(mtrk_store *store, unsigned int version);

/** Frees a store through its free operation (NULL-safe). */
MTRK_API void mtrk_store_free(mtrk_store *store);

/**
 * A new, empty in-memory store. It may be shared by any number of mtrk_db
 * handles in this process (mtrk_db_open_store); a mutex serializes their
 * transactions. Free it with mtrk_store_free after closing them.
 */
MTRK_API int mtrk_store_memory_new(mtrk_store **out);

/**
 * A store on the SQLite database `path` (a file path, or an SQLite "file:"
 * URI), for hosts that build their own store (mtrk_db_open_store) rather
 * than call mtrk_db_open with a target. The file is created with the mtrk
 * schema when missing, migrated forward when older, and refused unchanged
 * when it is not an mtrk database, newer than this library, truncated or
 * read-only — the rules of mtrk_db_open. Reads opts->synchronous and
 * opts->busy_timeout_ms (version 2) and opts->cache_size_kib (version 3);
 * opts may be NULL: defaults; the clock is the db handle's business and
 * ignored here.
 *
 * Unlike the memory store, one SQLite store is one connection: use it from
 * one mtrk_db handle (one thread at a time); open one store per handle to
 * share a file between threads or processes.
 *
 * *out is set only on success; free it with mtrk_store_free after closing
 * the handle. Returns MTRK_EINVAL (out or path NULL or empty, a bad
 * option), MTRK_EVERSION (opts version unknown, or the file's schema is
 * newer), MTRK_EBUSY, MTRK_ENOMEM, MTRK_ESTORE; mtrk_last_errmsg() says why.
 */
MTRK_API int mtrk_store_sqlite_new(mtrk_store **out, const char *path, const mtrk_open_options *opts);

/**
 * A store on a PostgreSQL database (14 or newer; tested with 15), for hosts
 * that build their own store (mtrk_db_open_store); mtrk_db_open does the same
 * for "postgresql://..." and "postgres://..." URIs and "pg:CONNINFO" targets.
 *
 * `conninfo` is a libpq connection string: a URI or "key=value ..." words
 * (https://www.postgresql.org/docs/current/libpq-connect.html). The tables
 * are created, with the mtrk schema, in the session's current schema (the
 * first existing schema of search_path) when missing, migrated forward when
 * older; a database whose mtrk_schema version is newer than this library is
 * refused unchanged (MTRK_EVERSION). Reads opts->busy_timeout_ms (version
 * 2; 0: 5000), how long a writer waits for the write lock of a tenant held
 * by another connection before MTRK_EBUSY, and opts->synchronous
 * (MTRK_SYNC_OFF sets synchronous_commit off: a server crash may lose the
 * last commits, never half of one; any other level keeps it on). opts may
 * be NULL (defaults); the clock is the db handle's business.
 *
 * One store is one connection: use it from one mtrk_db handle (one thread
 * at a time); open one store per handle. When the server goes away, calls
 * fail with MTRK_ESTORE and the server's or libpq's message, nothing of the
 * failed transaction remains, and the next transaction reconnects.
 *
 * *out is set only on success; free it with mtrk_store_free after closing
 * the handle. Returns MTRK_EINVAL (out or conninfo NULL, a bad option),
 * MTRK_EVERSION (opts version unknown, or the database's schema is newer),
 * MTRK_ENOMEM, MTRK_ESTORE (cannot connect, server older than 14, or this
 * library was built without PostgreSQL support); mtrk_last_errmsg() says why.
 */
MTRK_API int mtrk_store_pg_new(mtrk_store **out, const char *conninfo, const mtrk_open_options *opts);

#ifdef __cplusplus
}
#endif
#endif
