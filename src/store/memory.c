/*
 * The in-memory store: every table kept in ordered indexes (the primary key
 * and each secondary index) and a hash table on the primary key, with an
 * undo log for rollback. It knows the table definitions (mtrk_store_table)
 * and nothing else: no business rule lives here.
 *
 * Layout. A row is one allocation:
 *
 *     [ header ][ node 0, key 0 ] .. [ node n, key n ][ slots: ncols x 8 ][ types: ncols ][ data ]
 *
 * The header chains the row into its hash bucket and keeps the hash of its
 * primary key and the offsets of the parts below. Node 0 and its key stand
 * for the row in the primary-key index, node k (k >= 1) in secondary index
 * k-1; a node knows its offset in the row, so an index entry (a pointer to a
 * node) leads back to the row. A slot holds an INT value, or the offset and
 * length of a TEXT/BLOB value inside the data area (TEXT is stored
 * NUL-terminated, as mtrk_value promises). Values are only turned into
 * mtrk_value arrays, on the stack, when a callback needs them.
 *
 * Keys. Each node's sort key (index columns, then primary-key columns) is
 * encoded once, when the row is built, as a byte string whose memcmp order
 * is the contract's value order: a tag byte per value (NULL 1 < INT 2 <
 * TEXT 3 < BLOB 4) followed by nothing (NULL); the 8 bytes of the integer,
 * big-endian, sign bit flipped (INT); the bytes with every 0x00 written
 * 0x00 0xFF, then the terminator 0x00 0x00 (TEXT, BLOB: memcmp order,
 * shorter first). The code is prefix-free, so a key starts with the encoding
 * of a search prefix exactly when its leading values equal the prefix's.
 * Keys given to get and scan are encoded the same way (any type is legal: a
 * value of another type than the column's simply compares unequal).
 *
 * Ordered indexes. Red-black trees over the rows were measured first: every
 * level of a descent is another row, often another page, and the ingest was
 * bound by those cache and TLB misses. An index is now a sorted array of
 * fences over blocks of up to BLK entries. Block i holds the keys in
 * [sep i, sep i+1), each sep a copy of a key made when a block split; all
 * keys of a block therefore share the prefix its two fences share, and an
 * entry is the 8 key bytes just past that prefix (the hint, big-endian) and
 * the node. Hints that differ order their keys; only on a tie is the row's
 * key read. The separators likewise carry hints past the prefix all of them
 * share. A search is a binary search over the separators' hints (a small,
 * cached array), then over one block's hints. A full block splits in the
 * middle, or, for a key after the greatest (ids are time-ordered, so most
 * inserts), into a new block holding just that key.
 *
 * Blocks only split, never merge (a block emptied by deletes stays), so a
 * block's key range only ever narrows. Hence undo never splits: a key put
 * back goes to a block whose entries are a subset of those of the block it
 * left, which then had room for it. Forward changes take what a split needs
 * (a block, a separator buffer as long as any key of the index, a fence)
 * from a reserve filled before the change touches anything (tree_reserve).
 *
 * Lookups. get and the primary-key checks of apply go through the hash
 * table (chained through the row headers; the hash is that of the encoded
 * primary key, or, when the key is two ids (tenant, id), of the ids' 32
 * bytes: key_hash): O(1). The bucket array grows (doubling) only in apply,
 * before an insertion is linked; undo only unlinks and relinks. (uthash was
 * not used: under HASH_NONFATAL_OOM an add fails when its bucket expansion
 * cannot allocate, which would make re-adding rows during rollback
 * fallible.)
 *
 * Transactions. A mutex serializes them (read and write alike), so any
 * number of mtrk_db handles in any threads may share one store; a waiter
 * gives up with MTRK_EBUSY after MEMORY_BUSY_TIMEOUT_MS. The thread inside a
 * transaction is recorded so that a second begin on the same thread fails
 * with MTRK_ESTORE instead of deadlocking, and calls from a thread that holds
 * no transaction are refused. Every change in a write transaction is logged
 * for undo. An update whose new version has the old one's layout (same key
 * lengths and size: counters, states) exchanges the two rows' contents in
 * place, touching only the indexes whose key changed; other updates and
 * deletes unlink the old row. Replaced contents and deleted rows stay
 * allocated until commit, so rollback never allocates and cannot fail.
 *
 * Failure. Each change checks everything and allocates everything it needs
 * (the new row with its keys, hash and index room) before it modifies
 * anything, so a failed change leaves the store untouched, and every
 * allocation failure surfaces as MTRK_ENOMEM.
 *
 * The events table (docs/decisions.md §39). Beside its rows, hash and
 * trees, it keeps native maps for the event path: a hash from the encoded
 * (tenant, message) that starts an events_by_message key to a vector of
 * that message's rows in that index's order, and a hash of the encoded
 * (tenant, provider, provider_event_id), chained through the rows, holding
 * the rows whose three values are all non-NULL (exactly those the unique
 * index constrains). Both are linked and unlinked wherever a row is (insert,
 * delete, an update that replaces a row or changes those keys in place, and
 * the undo of each); a vector never shrinks and is never freed before the
 * store, so undo puts a row back without allocating. A row inserted goes
 * into the hash and the maps and onto a list of pending rows, not into the
 * trees: the first read of a tree (a scan the maps do not answer, a delete,
 * an update that replaces a row or changes a pending row's sort keys, so
 * that undo only puts back into a tree what left it) links the pending
 * rows first
 * (nat_catch_up). Scans of events_by_message with (tenant, message) given
 * and of events_by_provider with its three values given, none NULL, are
 * answered from the maps, as is the unique check of events_by_provider;
 * the typed operations (messages_load, provider_ids_find, events_append)
 * use them and read records from the rows' slots directly.
 *
 * Event records (docs/decisions.md §41, §52). An event that events_append
 * receives is kept as its record, not as a row: one allocation with the
 * row header (vals_off 0 marks a record), empty nodes up to the last of
 * the primary key, events_by_provider and events_by_message (the provider
 * one holds its encoded key when the event has a provider id), then the
 * record and its strings. No other key is encoded: the record's hashes
 * are those of its ids (tenant, id) and (tenant, message), which is what
 * key_hash gives the encoded keys of its row; the hash table compares a
 * key's ids with the record's, the per-message vectors are keyed on the
 * ids' bytes (a row's decoded from its key), and two records of a vector
 * are ordered by their fields (occurred_at, arrived_at, id; mev_cmp), a
 * record and a row by the key the record's row will have (rec_msgkey, made
 * when asked for). So a record takes a row's place in the hash, the unique
 * checks and the native maps; get and the scans the maps answer turn it
 * into values (rec_event_to_row) and the typed reads copy it. It stays pending; nat_catch_up, before the trees are
 * read, builds its row (row_build, as apply would have) and puts the row in
 * the record's place (hash chain, vector, provider chain, pending list and
 * its undo entry, whose index the header's size holds), then frees it. An
 * update of a record first catches up, so everything but insert and its
 * undo meets rows only, with one exception: an update whose column hint
 * names only INT columns in no sort key (an event's effects, written after
 * its append) sets those fields of the record in place, and its undo puts
 * them back on the record or on the row it has become (rec_set_ints).
 * Records are cut from slabs that go with their last record (rec_alloc),
 * not allocated one by one.
 *
 * Messages. errmsg() returns the last failure message of the calling thread
 * (a store shared by threads cannot keep a single meaningful "last" one).
 */
#include "mtrk/store.h"
#include "counters.h"
#include "records.h"
#include "values.h"

#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How long begin waits for another transaction to end before MTRK_EBUSY. */
#define MEMORY_BUSY_TIMEOUT_MS 5000
/* Bounds checked against the table definitions at creation (stack arrays). */
#define MAX_COLS 64
#define MAX_KEY 64
#define ERRMSG_MAX 256
/* An undo log larger than this is released at the end of a transaction. */
#define LOG_KEEP 1024
/* Encoded keys up to this size are built on the stack. */
#define KEYBUF 512
/* Size of the chunks of a write transaction's scratch memory. */
#define ARENA_CHUNK (256u * 1024u)
/* First size of a table's bucket array (a power of two). */
#define BUCKETS_MIN 64

/* Events of a message kept in its vector itself (most messages have few). */
#define MEV_INLINE 3
/* Size of a slab of per-message vectors. */
#define MEVSLAB (64u * 1024u)

/* Key encoding tags: the order of the value types. */
enum { TAG_NULL = 1, TAG_INT = 2, TAG_TEXT = 3, TAG_BLOB = 4 };

/* ------------------------------------------------------------------ */
/* Index structures                                                    */
/* ------------------------------------------------------------------ */

/* A row's entry for one index: its encoded sort key follows (klen bytes,
 * padded to 8). */
typedef struct mnode {
    uint32_t klen; /* length of the encoded sort key */
    uint32_t back; /* offset of this node from the start of its row */
} mnode;

/* Entries per block. */
#define BLK 128

/* A block: up to BLK entries in key order, each a hint and a node. */
typedef struct blk {
    uint32_t n;      /* entries */
    uint32_t plen;   /* bytes every key of the block shares (from its fences) */
    uint64_t h[BLK]; /* hints: key bytes [plen, plen + 8), big-endian, zero-padded */
    mnode *r[BLK];
} blk;

/* A block and the lower bound of its keys (a copy of a key; NULL for the
 * first block). Block i holds the keys in [sep of i, sep of i + 1). */
typedef struct fence {
    blk *b;
    unsigned char *sep;
    uint32_t slen;
    uint64_t h; /* hint of sep at the tree's tplen */
} fence;

/* One ordered index: its blocks in order, and what the next split takes. */
typedef struct otree {
    fence *top;
    size_t ntop, cap;
    size_t tplen; /* bytes every separator shares (never grows) */
    size_t maxk;  /* longest key ever linked (a split copies one as separator) */
    blk *spare_blk;
    unsigned char *spare_sep;
    size_t spare_cap;
} otree;

typedef union slot {
    int64_t i;
    struct {
        uint32_t off, len;
    } s;
} slot;

/* The head of every row: its hash chain. */
typedef struct rowhdr {
    struct rowhdr *hnext;
    uint64_t hash;     /* of the encoded primary key */
    uint32_t vals_off; /* where the slots start (types follow them) */
    uint32_t data_off; /* where the TEXT/BLOB bytes start */
    uint32_t size;     /* of the whole allocation */
    uint32_t pending;  /* events: linked in the hash and the native maps, not yet in the trees */
    struct rowhdr *pnext; /* events: the chain of the provider-id map */
    /* events: the lengths and hashes of the encoded (tenant, message) and
     * (tenant, provider, provider_event_id) that start the keys of
     * events_by_message and events_by_provider (pklen 0: one is NULL) */
    uint32_t mklen, pklen;
    uint64_t mhash, phash;
} rowhdr;

/* The events of one message, keyed by the encoded (tenant, message) that
 * starts their events_by_message key: rows in that index's order. Never
 * freed before the store (nor shrunk), so that undo can put a row back
 * without allocating. */
typedef struct mevec {
    struct mevec *next;
    uint64_t hash;
    char **rows;      /* inl until more than MEV_INLINE, then its own allocation */
    uint32_t n, cap;
    uint32_t klen;
    uint32_t raw; /* key: the 32 bytes of the ids (tenant, message), else the encoded pair */
    char *inl[MEV_INLINE];
    unsigned char key[];
} mevec;

/* A slab of per-message vectors (they live as long as the store). */
typedef struct mevslab {
    struct mevslab *next;
    size_t used;
    max_align_t data[];
} mevslab;

/* The native maps of the events table (see the top of the file). */
typedef struct natmaps {
    int on;
    uint64_t seed;         /* of the hashes (the store's) */
    unsigned kmsg, kprov;  /* tree numbers of events_by_message and events_by_provider */
    mevec **mb;            /* [nmb] buckets of the per-message vectors */
    size_t nmb, nmev;
    rowhdr **pb;           /* [npb] buckets of the provider-id map */
    size_t npb, nprov;
    char **pend;           /* rows not yet linked into the trees, in insertion order */
    size_t npend, cappend;
    mevslab *slab;         /* where the vectors are allocated */
    struct recslab *rslab; /* the records' slabs, the one allocated from first */
    const char *last_row;  /* the row nat_reserve last made room for, and its vector (nat_link's */
    mevec *last;           /* one lookup then: NULL when none) */
} natmaps;

/* Per-table layout and sort keys. Tree 0 is the primary key. */
typedef struct tdesc {
    const mtrk_table_def *def;
    unsigned ntrees;
    unsigned *nkey;       /* [ntrees] sort-key length */
    unsigned **keycols;   /* [ntrees] sort-key column numbers */
    unsigned nkeyed;      /* columns appearing in some sort key */
    unsigned keyed[MAX_COLS];
    unsigned nvar;        /* TEXT and BLOB columns */
    unsigned var[MAX_COLS];
    otree *trees;         /* [ntrees] */
    rowhdr **buckets;     /* [nbuckets], a power of two, or NULL */
    size_t nbuckets, nrows;
    natmaps nat;          /* the events table only */
} tdesc;

enum { UNDO_INSERT = 1, UNDO_UPDATE = 2, UNDO_DELETE = 3, UNDO_SWAP = 4, UNDO_RECSET = 5 };

typedef struct undo {
    int op;
    unsigned table;
    char *row; /* inserted row, new version, or deleted row */
    char *old; /* UPDATE: the previous version (unlinked, kept until commit);
                  SWAP: the row's previous contents, in a block of the same layout */
} undo;

/* A chunk of a write transaction's scratch memory (the previous contents of
 * rows updated in place), all of it released in one go when it ends. */
typedef struct chunk {
    struct chunk *next;
    size_t cap, used;
    max_align_t data[];
} chunk;

typedef struct memstore {
    mtrk_store base;
    pthread_mutex_t lock;
    atomic_uintptr_t owner; /* thread tag of the transaction holder, 0 if none */
    int write;
    int depth;              /* callbacks in progress (nested get/scan) */
    unsigned ntables;
    uint64_t seed;          /* of the key hashes */
    tdesc *td;
    undo *log;
    size_t nlog, caplog;
    chunk *arena;
    rec_maps rec;           /* the typed records on the messages and events rows */
    ctr_maps ctr;           /* the rollup tables of counters_add */
    int ctr_ok;             /* 0, or why ctr_maps_init failed (reported by counters_add) */
    int ctr_inplace[4];     /* by kind: no counter column is in a sort key (added in place) */
} memstore;

/* One per thread: its address identifies the thread. */
static _Thread_local char thread_tag;
static _Thread_local char thread_errmsg[ERRMSG_MAX];

static uintptr_t self_tag(void) { return (uintptr_t)&thread_tag; }

__attribute__((format(printf, 2, 3))) static int fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(thread_errmsg, sizeof thread_errmsg, fmt, ap);
    va_end(ap);
    return code;
}


/* ------------------------------------------------------------------ */
/* Rows and values                                                     */
/* ------------------------------------------------------------------ */

/* Bytes taken by a node and its key. */
static inline size_t node_span(size_t klen) { return sizeof(mnode) + ((klen + 7) & ~(size_t)7); }
static inline const unsigned char *key_of(const mnode *n) { return (const unsigned char *)(n + 1); }
static inline mnode *node_next(mnode *n) { return (mnode *)((char *)n + node_span(n->klen)); }
/* Node k of a row (they follow the header in tree order). */
static inline mnode *node_of(char *row, unsigned k)
{
    mnode *n = (mnode *)(row + sizeof(rowhdr));
    while (k--)
        n = node_next(n);
    return n;
}
static inline char *row_of(const mnode *n, unsigned k)
{
    (void)k;
    return (char *)n - n->back;
}
static inline rowhdr *hdr_of(char *row) { return (rowhdr *)row; }
/* Whether a row of the events table is still the record events_append
 * made (no slots: vals_off 0, which a built row never has). */
static inline int is_rec(const char *row) { return ((const rowhdr *)row)->vals_off == 0; }
/* Records are cut from slabs (a malloc each cost more than the rest of a
 * record's making): a slab counts its live records and goes when none is
 * left, unless it is the one records are cut from. Records leave about in
 * the order they came (nat_catch_up), so slabs empty whole. */
#define RECSLAB (256u * 1024u)

typedef struct recslab {
    struct recslab *next, *prev;
    size_t used, cap, live;
    max_align_t data[];
} recslab;

/* What an event record keeps past its nodes: the record as appended, its
 * strings pointing into the same allocation, its tenant and its slab. */
typedef struct evrec {
    mtrk_id tenant;
    recslab *slab;
    mtrk_store_event ev;
} evrec;
static inline evrec *rec_of(const char *row) { return (evrec *)((char *)row + ((const rowhdr *)row)->data_off); }
/* Whether record `row`'s (tenant, id) are the 32 bytes at raw. */
static inline int rec_key_is(const char *row, const unsigned char *raw)
{
    const evrec *r = rec_of(row);
    uint64_t x[4], y[4];
    memcpy(x, &r->tenant, 16);
    memcpy(x + 2, &r->ev.id, 16);
    memcpy(y, raw, 32);
    return ((x[0] ^ y[0]) | (x[1] ^ y[1]) | (x[2] ^ y[2]) | (x[3] ^ y[3])) == 0;
}

static inline mtrk_value row_val(const tdesc *d, const char *row, unsigned c)
{
    const rowhdr *h = (const rowhdr *)row;
    const slot *sl = (const slot *)(row + h->vals_off) + c;
    mtrk_value v;
    v.type = (unsigned char)row[h->vals_off + d->def->ncols * sizeof(slot) + c];
    v.i = 0;
    v.p = NULL;
    v.n = 0;
    if (v.type == MTRK_VAL_INT) {
        v.i = sl->i;
    } else if (v.type != MTRK_VAL_NULL) {
        v.p = row + h->data_off + sl->s.off;
        v.n = sl->s.len;
    }
    return v;
}

static void row_values(const tdesc *d, const char *row, mtrk_value *out)
{
    for (unsigned c = 0; c < d->def->ncols; c++)
        out[c] = row_val(d, row, c);
}

/* Checks the values of a change against the column definitions; only the
 * first `ncheck` columns are looked at (the key, for DELETE). */
static int check_row(const tdesc *d, const mtrk_value *row, unsigned ncheck)
{
    char m[256];
    int rc = store_check_row(d->def, row, ncheck, m, sizeof m);
    return rc ? fail(rc, "memory store: %s", m) : 0;
}

/* Checks key values passed to get/scan (any type is legal, it just compares). */
static int check_key(const char *what, const mtrk_value *key, unsigned n)
{
    char m[256];
    int rc = store_check_key(what, key, n, m, sizeof m);
    return rc ? fail(rc, "memory store: %s", m) : 0;
}

/* ------------------------------------------------------------------ */
/* Key encoding (see the top of the file) and hashing                  */
/* ------------------------------------------------------------------ */

/* Most bytes the encoding of v may take; SIZE_MAX when it cannot be stored. */
static inline size_t enc_bound(const mtrk_value *v)
{
    if (v->type == MTRK_VAL_NULL)
        return 1;
    if (v->type == MTRK_VAL_INT)
        return 9;
    if (v->n > (SIZE_MAX - 3) / 2)
        return SIZE_MAX;
    return 2 * v->n + 3;
}

/* Writes the encoding of v (a checked value) at o; returns its length. */
static inline size_t enc_val(unsigned char *o, const mtrk_value *v)
{
    switch (v->type) {
    case MTRK_VAL_NULL:
        o[0] = TAG_NULL;
        return 1;
    case MTRK_VAL_INT: {
        uint64_t u = (uint64_t)v->i ^ (UINT64_C(1) << 63);
        o[0] = TAG_INT;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        u = __builtin_bswap64(u);
        memcpy(o + 1, &u, 8);
#else
        for (int b = 0; b < 8; b++)
            o[1 + b] = (unsigned char)(u >> (56 - 8 * b));
#endif
        return 9;
    }
    default: {
        const unsigned char *s = v->p;
        size_t n = v->n;
        unsigned char *q = o;
        *q++ = v->type == MTRK_VAL_TEXT ? TAG_TEXT : TAG_BLOB;
        if (n <= 32) { /* ids and short texts: no library calls */
            size_t i = 0;
            /* Eight bytes at a time; only a word holding a 0x00 byte
             * byte by byte. */
            for (; i + 8 <= n; i += 8) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (!((w - UINT64_C(0x0101010101010101)) & ~w & UINT64_C(0x8080808080808080))) {
                    memcpy(q, &w, 8);
                    q += 8;
                    continue;
                }
                for (size_t j = i; j < i + 8; j++) {
                    *q++ = s[j];
                    if (s[j] == 0x00)
                        *q++ = 0xFF;
                }
            }
            for (; i < n; i++) {
                *q++ = s[i];
                if (s[i] == 0x00)
                    *q++ = 0xFF;
            }
            n = 0;
        }
        while (n) {
            const unsigned char *z = memchr(s, 0, n);
            size_t run = z ? (size_t)(z - s) : n;
            memcpy(q, s, run);
            q += run;
            s += run;
            n -= run;
            if (z) {
                *q++ = 0x00;
                *q++ = 0xFF;
                s++;
                n--;
            }
        }
        *q++ = 0x00;
        *q++ = 0x00;
        return (size_t)(q - o);
    }
    }
}

static inline int is_nil_id(const mtrk_id *id)
{
    static const mtrk_id nil;
    return memcmp(id, &nil, sizeof nil) == 0;
}

/* Room for the encoding of an id (every byte may be a 0x00 written twice). */
#define ENC_ID_MAX (1 + 2 * sizeof(mtrk_id) + 2)

static inline size_t enc_id(unsigned char *o, const mtrk_id *id)
{
    uint64_t a, b;
    memcpy(&a, id->bytes, 8);
    memcpy(&b, id->bytes + 8, 8);
    const uint64_t lo = UINT64_C(0x0101010101010101), hi = UINT64_C(0x8080808080808080);
    if ((((a - lo) & ~a) | ((b - lo) & ~b)) & hi) { /* a 0x00 byte: written twice */
        mtrk_value v = { MTRK_VAL_BLOB, 0, id->bytes, sizeof id->bytes };
        return enc_val(o, &v);
    }
    o[0] = TAG_BLOB;
    memcpy(o + 1, &a, 8);
    memcpy(o + 9, &b, 8);
    o[17] = 0x00;
    o[18] = 0x00;
    return 19;
}

static inline size_t enc_int(unsigned char *o, int64_t i)
{
    mtrk_value v = { MTRK_VAL_INT, i, NULL, 0 };
    return enc_val(o, &v);
}

/* Length of the one encoded value at p. */
static inline size_t enc_skip(const unsigned char *p)
{
    switch (p[0]) {
    case TAG_NULL: return 1;
    case TAG_INT: return 9;
    default: {
        size_t i = 1;
        for (;;) {
            if (p[i] != 0x00)
                i++;
            else if (p[i + 1] == 0x00)
                return i + 2;
            else
                i += 2;
        }
    }
    }
}

/* An encoded key assembled in a stack buffer, or on the heap when longer. */
typedef struct ekey {
    unsigned char *p;
    size_t n;
    unsigned char *heap;
    unsigned char stack[KEYBUF];
} ekey;

/* Encodes vals[0..n-1] into k; *mark (if not NULL) gets the length of the
 * first nmark values. MTRK_ENOMEM, MTRK_ETOOLONG. Release with ekey_done. */
static int ekey_make(ekey *k, const mtrk_value *vals, unsigned n, unsigned nmark, size_t *mark)
{
    size_t bound = 0;
    k->heap = NULL;
    k->n = 0; /* set on every path: -O3 cannot tell that fail() is never 0 */
    for (unsigned j = 0; j < n; j++) {
        size_t b = enc_bound(&vals[j]);
        if (b == SIZE_MAX || bound > SIZE_MAX - b)
            return fail(MTRK_ETOOLONG, "memory store: a key is too long");
        bound += b;
    }
    k->p = k->stack;
    if (bound > sizeof k->stack) {
        if ((k->heap = malloc(bound)) == NULL)
            return fail(MTRK_ENOMEM, "memory store: out of memory for a key");
        k->p = k->heap;
    }
    size_t len = 0;
    for (unsigned j = 0; j < n; j++) {
        if (j == nmark && mark)
            *mark = len;
        len += enc_val(k->p + len, &vals[j]);
    }
    if (n == nmark && mark)
        *mark = len;
    k->n = len;
    return 0;
}

static void ekey_done(ekey *k) { free(k->heap); }

/* A hash of n bytes (not cryptographic; seeded per store). */
static uint64_t hash_bytes(uint64_t seed, const unsigned char *p, size_t n)
{
    uint64_t h = seed ^ (n * UINT64_C(0x9E3779B97F4A7C15));
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * UINT64_C(0xBF58476D1CE4E5B9);
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    /* The last 0..7 bytes, in two (possibly overlapping) reads. */
    uint64_t w = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + n - 4, 4);
        w = a | (uint64_t)b << 32;
    } else if (n > 0) {
        w = p[0] | (uint64_t)p[n / 2] << 8 | (uint64_t)p[n - 1] << 16;
    }
    h = (h ^ w) * UINT64_C(0x94D049BB133111EB);
    h ^= h >> 31;
    h *= UINT64_C(0xBF58476D1CE4E5B9);
    h ^= h >> 32;
    return h;
}

/* hash_bytes of the 32 bytes of two ids (n fixed: no loop, no tail). */
static inline uint64_t hash_ids(uint64_t seed, const unsigned char *a, const unsigned char *b)
{
    uint64_t h = seed ^ (32 * UINT64_C(0x9E3779B97F4A7C15)), w[4];
    memcpy(w, a, 16);
    memcpy(w + 2, b, 16);
    for (int i = 0; i < 4; i++) {
        h = (h ^ w[i]) * UINT64_C(0xBF58476D1CE4E5B9);
        h ^= h >> 29;
    }
    h *= UINT64_C(0x94D049BB133111EB);
    h ^= h >> 31;
    h *= UINT64_C(0xBF58476D1CE4E5B9);
    h ^= h >> 32;
    return h;
}

/* One encoded 16-byte BLOB at k[*p..klen) into out: 1, with *p past it. */
static inline int dec_id(const unsigned char *k, size_t klen, size_t *p, unsigned char *out)
{
    size_t q = *p;
    if (klen - q < 19 || k[q] != TAG_BLOB)
        return 0;
    q++;
    uint64_t a, b;
    memcpy(&a, k + q, 8);
    memcpy(&b, k + q + 8, 8);
    const uint64_t lo = UINT64_C(0x0101010101010101), hi = UINT64_C(0x8080808080808080);
    if (!((((a - lo) & ~a) | ((b - lo) & ~b)) & hi)) { /* no 0x00 byte: the bytes as they are */
        if (k[q + 16] != 0x00 || k[q + 17] != 0x00)
            return 0;
        memcpy(out, &a, 8);
        memcpy(out + 8, &b, 8);
        *p = q + 18;
        return 1;
    }
    for (int j = 0; j < 16; j++) {
        if ((j & 7) == 0 && klen - q >= 10) { /* 8 bytes at once when none is 0x00 */
            memcpy(&a, k + q, 8);
            if (!(((a - lo) & ~a) & hi)) {
                memcpy(out + j, &a, 8);
                q += 8;
                j += 7;
                continue;
            }
        }
        if (q + 1 >= klen)
            return 0;
        if (k[q] == 0x00) {
            if (k[q + 1] != 0xFF)
                return 0;
            out[j] = 0x00;
            q += 2;
        } else {
            out[j] = k[q++];
        }
    }
    if (klen - q < 2 || k[q] != 0x00 || k[q + 1] != 0x00)
        return 0;
    *p = q + 2;
    return 1;
}

/* Whether the encoded key k is exactly two 16-byte BLOBs (a primary key
 * (tenant, id), the events' (tenant, message)): 1, with their 32 bytes in
 * out. */
static inline int dec_ids(const unsigned char *k, size_t klen, unsigned char out[32])
{
    size_t p = 0;
    if (klen < 38 || klen > 70 || k[0] != TAG_BLOB || k[klen - 1] != 0x00 || k[klen - 2] != 0x00)
        return 0;
    return dec_id(k, klen, &p, out) && dec_id(k, klen, &p, out + 16) && p == klen;
}

/* Whether a value is an id (what dec_id decodes). */
static inline int is_id_val(const mtrk_value *v) { return v->type == MTRK_VAL_BLOB && v->n == 16; }

/* The hash of an encoded key in the hash tables: that of its two ids'
 * bytes when it is two ids (so that an event record, which keeps its ids
 * and no encoded key, hashes as its row will), else of its bytes. */
static uint64_t key_hash(uint64_t seed, const unsigned char *k, size_t klen)
{
    unsigned char raw[32];
    return dec_ids(k, klen, raw) ? hash_ids(seed, raw, raw + 16) : hash_bytes(seed, k, klen);
}

static void *arena_alloc(memstore *s, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    chunk *c = s->arena;
    if (c == NULL || c->cap - c->used < n) {
        size_t cap = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        chunk *nc = malloc(sizeof *nc + cap);
        if (nc == NULL)
            return NULL;
        nc->next = c;
        nc->cap = cap;
        nc->used = 0;
        s->arena = c = nc;
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

/* Releases the scratch memory, keeping one chunk of the usual size. */
static void arena_reset(memstore *s, int keep)
{
    chunk *c = s->arena, *rest = c ? c->next : NULL;
    if (c && (!keep || c->cap != ARENA_CHUNK)) {
        rest = c;
        c = NULL;
    }
    while (rest) {
        chunk *next = rest->next;
        free(rest);
        rest = next;
    }
    if (c) {
        c->next = NULL;
        c->used = 0;
    }
    s->arena = c;
}

/* Builds the stored form of a (checked) full row, with its encoded keys and
 * primary-key hash, in its own allocation or (scratch) in the transaction's
 * scratch memory. MTRK_ENOMEM, MTRK_ETOOLONG. */
static int row_build(memstore *s, const tdesc *d, const mtrk_value *vals, int scratch, char **out)
{
    unsigned ncols = d->def->ncols;
    size_t data = 0;
    /* Bytes only in TEXT and BLOB columns (checked rows: INT or NULL elsewhere). */
    for (unsigned j = 0; j < d->nvar; j++) {
        unsigned c = d->var[j];
        if (vals[c].type == MTRK_VAL_TEXT || vals[c].type == MTRK_VAL_BLOB) {
            size_t add = vals[c].n + (vals[c].type == MTRK_VAL_TEXT);
            if (vals[c].n >= UINT32_MAX || data > (size_t)UINT32_MAX - add)
                return fail(MTRK_ETOOLONG, "memory store: a %s row is over 4 GiB", d->def->name);
            data += add;
        }
    }
    /* Each keyed column encoded once, then the keys assembled from them. */
    size_t epos[MAX_COLS], elen[MAX_COLS], bound = 0;
    for (unsigned j = 0; j < d->nkeyed; j++) {
        size_t b = enc_bound(&vals[d->keyed[j]]);
        if (b == SIZE_MAX || bound > SIZE_MAX - b)
            return fail(MTRK_ETOOLONG, "memory store: a %s key is too long", d->def->name);
        bound += b;
    }
    ekey ek;
    ek.heap = NULL;
    ek.p = ek.stack;
    if (bound > sizeof ek.stack) {
        if ((ek.heap = malloc(bound)) == NULL)
            return fail(MTRK_ENOMEM, "memory store: out of memory for a %s key", d->def->name);
        ek.p = ek.heap;
    }
    size_t pos = 0;
    for (unsigned j = 0; j < d->nkeyed; j++) {
        unsigned c = d->keyed[j];
        epos[c] = pos;
        elen[c] = enc_val(ek.p + pos, &vals[c]);
        pos += elen[c];
    }
    size_t keys = 0;
    for (unsigned k = 0; k < d->ntrees; k++) {
        size_t kl = 0;
        for (unsigned j = 0; j < d->nkey[k]; j++)
            kl += elen[d->keycols[k][j]];
        if (kl >= UINT32_MAX / 2 || keys > (size_t)UINT32_MAX / 2) {
            ekey_done(&ek);
            return fail(MTRK_ETOOLONG, "memory store: a %s key is over 2 GiB", d->def->name);
        }
        keys += node_span(kl);
    }
    size_t vals_off = sizeof(rowhdr) + keys, data_off = vals_off + ncols * (sizeof(slot) + 1);
    if (data_off > UINT32_MAX || data > (size_t)UINT32_MAX - data_off) {
        ekey_done(&ek);
        return fail(MTRK_ETOOLONG, "memory store: a %s row is over 4 GiB", d->def->name);
    }
    char *row = scratch ? arena_alloc(s, data_off + data) : malloc(data_off + data);
    if (row == NULL) {
        ekey_done(&ek);
        return fail(MTRK_ENOMEM, "memory store: out of memory for a %s row", d->def->name);
    }
    rowhdr *hd = hdr_of(row);
    hd->vals_off = (uint32_t)vals_off;
    hd->data_off = (uint32_t)data_off;
    hd->size = (uint32_t)(data_off + data);
    slot *sl = (slot *)(row + vals_off);
    char *types = row + vals_off + ncols * sizeof(slot);
    char *dp = row + data_off;
    uint32_t off = 0;
    for (unsigned c = 0; c < ncols; c++) {
        const mtrk_value *v = &vals[c];
        types[c] = (char)v->type;
        sl[c].i = 0;
        if (v->type == MTRK_VAL_INT) {
            sl[c].i = v->i;
        } else if (v->type == MTRK_VAL_TEXT || v->type == MTRK_VAL_BLOB) {
            sl[c].s.off = off;
            sl[c].s.len = (uint32_t)v->n;
            if (v->n)
                memcpy(dp + off, v->p, v->n);
            off += (uint32_t)v->n;
            if (v->type == MTRK_VAL_TEXT)
                dp[off++] = '\0';
        }
    }
    mnode *n = (mnode *)(row + sizeof(rowhdr));
    for (unsigned k = 0; k < d->ntrees; k++) {
        unsigned char *kp = (unsigned char *)(n + 1), *k0 = kp;
        memset(n, 0, sizeof *n);
        for (unsigned j = 0; j < d->nkey[k]; j++) {
            unsigned c = d->keycols[k][j];
            memcpy(kp, ek.p + epos[c], elen[c]);
            kp += elen[c];
        }
        n->klen = (uint32_t)(kp - k0);
        n->back = (uint32_t)((char *)n - row);
        n = node_next(n);
    }
    ekey_done(&ek);
    mnode *n0 = node_of(row, 0);
    hd->hnext = NULL;
    hd->pending = 0;
    hd->pnext = NULL;
    /* key_hash, from the values when they are two ids (no decoding) */
    const unsigned *kc = d->keycols[0];
    hd->hash = d->nkey[0] == 2 && is_id_val(&vals[kc[0]]) && is_id_val(&vals[kc[1]])
                 ? hash_ids(s->seed, vals[kc[0]].p, vals[kc[1]].p)
                 : key_hash(s->seed, key_of(n0), n0->klen);
    hd->mklen = hd->pklen = 0;
    hd->mhash = hd->phash = 0;
    if (d->nat.on) {
        const unsigned *mc = d->keycols[d->nat.kmsg], *pc = d->keycols[d->nat.kprov];
        hd->mklen = (uint32_t)(elen[mc[0]] + elen[mc[1]]);
        hd->mhash = is_id_val(&vals[mc[0]]) && is_id_val(&vals[mc[1]])
                      ? hash_ids(s->seed, vals[mc[0]].p, vals[mc[1]].p)
                      : key_hash(s->seed, key_of(node_of(row, d->nat.kmsg)), hd->mklen);
        if (vals[pc[0]].type != MTRK_VAL_NULL && vals[pc[1]].type != MTRK_VAL_NULL && vals[pc[2]].type != MTRK_VAL_NULL) {
            hd->pklen = (uint32_t)(elen[pc[0]] + elen[pc[1]] + elen[pc[2]]);
            hd->phash = hash_bytes(s->seed, key_of(node_of(row, d->nat.kprov)), hd->pklen);
        }
    }
    *out = row;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Hash table on the primary key                                       */
/* ------------------------------------------------------------------ */

/* The row whose encoded primary key is key[0..klen-1] (hashed h by
 * key_hash), or NULL. A record keeps its ids, not the encoded key: the
 * key's ids are compared with them. */
static char *hash_find(const tdesc *d, const unsigned char *key, size_t klen, uint64_t h)
{
    if (d->buckets == NULL)
        return NULL;
    for (rowhdr *r = d->buckets[h & (d->nbuckets - 1)]; r; r = r->hnext) {
        if (r->hash != h)
            continue;
        if (is_rec((char *)r)) {
            unsigned char raw[32];
            if (dec_ids(key, klen, raw) && rec_key_is((char *)r, raw))
                return (char *)r;
            continue;
        }
        const mnode *n = node_of((char *)r, 0);
        if (n->klen == klen && memcmp(key_of(n), key, klen) == 0)
            return (char *)r;
    }
    return NULL;
}

/* The row whose primary key is the two ids at raw (hashed h, hash_ids),
 * or NULL. */
static char *hash_find_ids(const tdesc *d, const unsigned char *raw, uint64_t h)
{
    if (d->buckets == NULL)
        return NULL;
    for (rowhdr *r = d->buckets[h & (d->nbuckets - 1)]; r; r = r->hnext) {
        if (r->hash != h)
            continue;
        unsigned char rk[32];
        const mnode *n = node_of((char *)r, 0);
        if (is_rec((char *)r) ? rec_key_is((char *)r, raw)
                              : dec_ids(key_of(n), n->klen, rk) && memcmp(rk, raw, 32) == 0)
            return (char *)r;
    }
    return NULL;
}

/* Makes room for one more row (load factor 1). MTRK_ENOMEM. */
static int hash_reserve(tdesc *d)
{
    if (d->nrows < d->nbuckets)
        return 0;
    size_t nb = d->nbuckets ? d->nbuckets * 2 : BUCKETS_MIN;
    rowhdr **b = nb <= SIZE_MAX / sizeof(rowhdr *) ? calloc(nb, sizeof *b) : NULL;
    if (b == NULL)
        return fail(MTRK_ENOMEM, "memory store: out of memory for the hash table of %s", d->def->name);
    for (size_t i = 0; i < d->nbuckets; i++) {
        rowhdr *r = d->buckets[i];
        while (r) {
            rowhdr *next = r->hnext;
            rowhdr **slot = &b[r->hash & (nb - 1)];
            r->hnext = *slot;
            *slot = r;
            r = next;
        }
    }
    free(d->buckets);
    d->buckets = b;
    d->nbuckets = nb;
    return 0;
}

/* Links a row (never allocates: a table without buckets got them in
 * hash_reserve, or had them when the row was first linked). */
static void hash_link(tdesc *d, char *row)
{
    rowhdr *r = hdr_of(row), **slot = &d->buckets[r->hash & (d->nbuckets - 1)];
    r->hnext = *slot;
    *slot = r;
    d->nrows++;
}

static rowhdr **hash_slot_of(tdesc *d, char *row)
{
    rowhdr *r = hdr_of(row), **pp = &d->buckets[r->hash & (d->nbuckets - 1)];
    while (*pp != r)
        pp = &(*pp)->hnext;
    return pp;
}

static void hash_unlink(tdesc *d, char *row)
{
    rowhdr **pp = hash_slot_of(d, row);
    *pp = hdr_of(row)->hnext;
    d->nrows--;
}

/* Puts `to` (same primary key) in the place of `from`. */
static void hash_replace(tdesc *d, char *from, char *to)
{
    rowhdr **pp = hash_slot_of(d, from);
    hdr_of(to)->hnext = hdr_of(from)->hnext;
    *pp = hdr_of(to);
}

/* ------------------------------------------------------------------ */
/* Ordered indexes: sorted blocks of hinted entries (see the top)       */
/* ------------------------------------------------------------------ */

static inline int key_cmp(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen;
    int r = n ? memcmp(a, b, n) : 0;
    if (r)
        return r;
    return (alen > blen) - (alen < blen);
}

/* Order of key k against an encoded prefix p: 0 when k starts with it (the
 * code is prefix-free, so a key shorter than the prefix that agrees over its
 * whole length cannot happen; it would sort first). */
static inline int pre_cmp(const unsigned char *k, size_t klen, const unsigned char *p, size_t plen)
{
    size_t n = klen < plen ? klen : plen;
    int r = n ? memcmp(k, p, n) : 0;
    if (r || klen >= plen)
        return r;
    return -1;
}

/* Bytes [off, off + 8) of a key as a big-endian integer, zeros past its end:
 * two hints that differ order their keys as memcmp would. */
static inline uint64_t hint_of(const unsigned char *k, size_t klen, size_t off)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (off + 8 <= klen) {
        uint64_t w;
        memcpy(&w, k + off, 8);
        return __builtin_bswap64(w);
    }
#endif
    uint64_t h = 0;
    for (size_t i = 0; i < 8; i++)
        h = h << 8 | (off + i < klen ? k[off + i] : 0u);
    return h;
}

static size_t common_prefix(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
    size_t n = alen < blen ? alen : blen, i = 0;
    while (i < n && a[i] == b[i])
        i++;
    return i;
}

/* Where a full key goes in tree t: block *bi, position *pos. t has a block. */
static void tree_locate(const otree *t, const unsigned char *s, size_t slen, size_t *bi, unsigned *pos)
{
    const blk *lb = t->top[t->ntop - 1].b;
    size_t lo = 1, hi = t->ntop;
    int ok = hi > 1 && slen >= t->tplen && memcmp(s, t->top[1].sep, t->tplen) == 0;
    uint64_t ht = ok ? hint_of(s, slen, t->tplen) : 0;
    /* After the greatest key (ids are time-ordered: the common case)? Not
     * when the hints already place s before the last block. */
    if (lb->n && !(ok && ht < t->top[hi - 1].h) &&
        key_cmp(s, slen, key_of(lb->r[lb->n - 1]), lb->r[lb->n - 1]->klen) > 0) {
        *bi = t->ntop - 1;
        *pos = lb->n;
        return;
    }
    /* The last block whose lower bound is <= s. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const fence *f = &t->top[mid];
        int c = ok && f->h != ht ? (f->h < ht ? -1 : 1) : key_cmp(f->sep, f->slen, s, slen);
        if (c <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *bi = lo - 1;
    const blk *b = t->top[lo - 1].b;
    uint64_t hs = hint_of(s, slen, b->plen);
    unsigned l = 0, h = b->n;
    while (l < h) {
        unsigned mid = (l + h) / 2;
        int c;
        if (b->h[mid] != hs)
            c = b->h[mid] < hs ? -1 : 1;
        else
            c = key_cmp(key_of(b->r[mid]), b->r[mid]->klen, s, slen);
        if (c < 0)
            l = mid + 1;
        else
            h = mid;
    }
    *pos = l;
}

/* Recomputes the shared prefix of block i from its fences, and its hints. */
static void blk_refresh(otree *t, size_t i)
{
    blk *b = t->top[i].b;
    size_t p = 0;
    if (i > 0 && i + 1 < t->ntop)
        p = common_prefix(t->top[i].sep, t->top[i].slen, t->top[i + 1].sep, t->top[i + 1].slen);
    b->plen = (uint32_t)p;
    for (unsigned j = 0; j < b->n; j++)
        b->h[j] = hint_of(key_of(b->r[j]), b->r[j]->klen, p);
}

static void blk_put(otree *t, blk *b, unsigned pos, mnode *e)
{
    memmove(&b->h[pos + 1], &b->h[pos], (b->n - pos) * sizeof b->h[0]);
    memmove(&b->r[pos + 1], &b->r[pos], (b->n - pos) * sizeof b->r[0]);
    b->h[pos] = hint_of(key_of(e), e->klen, b->plen);
    b->r[pos] = e;
    b->n++;
    if (e->klen > t->maxk)
        t->maxk = e->klen;
}

/* Makes sure inserting node e into tree k cannot need an allocation: what
 * a split takes (a block, room for a separator as long as any key, a fence)
 * is kept ready, so no search is needed to know whether one will happen.
 * MTRK_ENOMEM, with the tree unchanged. */
static int tree_reserve(tdesc *d, unsigned k, const mnode *e)
{
    otree *t = &d->trees[k];
    size_t sepcap = t->maxk > e->klen ? t->maxk : e->klen;
    if (t->ntop + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        fence *f = realloc(t->top, cap * sizeof *f);
        if (f == NULL)
            return fail(MTRK_ENOMEM, "memory store: out of memory for an index of %s", d->def->name);
        t->top = f;
        t->cap = cap;
    }
    if (t->spare_blk == NULL && (t->spare_blk = malloc(sizeof(blk))) == NULL)
        return fail(MTRK_ENOMEM, "memory store: out of memory for an index of %s", d->def->name);
    if (sepcap > t->spare_cap) {
        free(t->spare_sep);
        t->spare_cap = 0;
        if ((t->spare_sep = malloc(sepcap)) == NULL)
            return fail(MTRK_ENOMEM, "memory store: out of memory for an index of %s", d->def->name);
        t->spare_cap = sepcap;
    }
    return 0;
}

/* Links node e into tree k. Never allocates: a split uses what
 * tree_reserve set aside, and an undo never splits (blocks only ever split,
 * never merge, so a key put back finds the room it left). */
static void tree_insert(tdesc *d, unsigned k, mnode *e)
{
    otree *t = &d->trees[k];
    const unsigned char *s = key_of(e);
    if (t->ntop == 0) {
        blk *b = t->spare_blk;
        t->spare_blk = NULL;
        b->n = b->plen = 0;
        t->top[0] = (fence){ b, NULL, 0, 0 };
        t->ntop = 1;
    }
    size_t bi;
    unsigned pos;
    tree_locate(t, s, e->klen, &bi, &pos);
    blk *b = t->top[bi].b;
    if (b->n < BLK) {
        blk_put(t, b, pos, e);
        return;
    }
    /* Split: the upper half moves to a new block, or, for a key after the
     * last one, the new block starts with it (in-order keys fill blocks). */
    blk *nb = t->spare_blk;
    unsigned char *sep = t->spare_sep;
    t->spare_blk = NULL;
    t->spare_sep = NULL;
    t->spare_cap = 0;
    nb->n = 0;
    nb->plen = 0;
    const unsigned char *sk;
    size_t slen;
    int append = bi == t->ntop - 1 && pos == BLK;
    if (append) {
        sk = s;
        slen = e->klen;
    } else {
        unsigned half = BLK / 2;
        memcpy(nb->r, &b->r[half], (BLK - half) * sizeof b->r[0]);
        nb->n = BLK - half;
        b->n = half;
        sk = key_of(nb->r[0]);
        slen = nb->r[0]->klen;
    }
    memcpy(sep, sk, slen);
    memmove(&t->top[bi + 2], &t->top[bi + 1], (t->ntop - bi - 1) * sizeof t->top[0]);
    t->top[bi + 1] = (fence){ nb, sep, (uint32_t)slen, 0 };
    t->ntop++;
    /* Separators compared by their hints past the prefix they all share. */
    size_t np = common_prefix(t->top[1].sep, t->top[1].slen, t->top[t->ntop - 1].sep, t->top[t->ntop - 1].slen);
    if (t->ntop == 2 || np < t->tplen) {
        t->tplen = np;
        for (size_t i = 1; i < t->ntop; i++)
            t->top[i].h = hint_of(t->top[i].sep, t->top[i].slen, np);
    } else {
        t->top[bi + 1].h = hint_of(sep, slen, t->tplen);
    }
    blk_refresh(t, bi);
    blk_refresh(t, bi + 1);
    if (append)
        blk_put(t, nb, 0, e);
    else if (pos <= BLK / 2)
        blk_put(t, b, pos, e);
    else
        blk_put(t, nb, pos - BLK / 2, e);
}

/* Block and position of node e, which is in tree k. */
static blk *tree_find(tdesc *d, unsigned k, const mnode *e, unsigned *pos)
{
    otree *t = &d->trees[k];
    size_t bi;
    tree_locate(t, key_of(e), e->klen, &bi, pos);
    return t->top[bi].b;
}

static void tree_remove(tdesc *d, unsigned k, mnode *e)
{
    unsigned pos;
    blk *b = tree_find(d, k, e, &pos);
    memmove(&b->h[pos], &b->h[pos + 1], (b->n - pos - 1) * sizeof b->h[0]);
    memmove(&b->r[pos], &b->r[pos + 1], (b->n - pos - 1) * sizeof b->r[0]);
    b->n--;
}

/* Puts node n in the place of o in tree k (same sort key). */
static void tree_replace(tdesc *d, unsigned k, mnode *o, mnode *n)
{
    unsigned pos;
    blk *b = tree_find(d, k, o, &pos);
    b->r[pos] = n;
}

/* A position in a tree: block i, entry j. */
typedef struct cursor {
    const otree *t;
    size_t i;
    unsigned j;
} cursor;

/* Moves to the first entry at or after (i, j); 0 at the end. */
static int cur_fwd(cursor *c)
{
    while (c->i < c->t->ntop && c->j >= c->t->top[c->i].b->n) {
        c->i++;
        c->j = 0;
    }
    return c->i < c->t->ntop;
}

/* Moves to the last entry before block i's entry j (j may be n); 0 at the start. */
static int cur_back(cursor *c)
{
    for (;;) {
        if (c->j > 0) {
            c->j--;
            return 1;
        }
        if (c->i == 0)
            return 0;
        c->i--;
        c->j = c->t->top[c->i].b->n;
    }
}

static inline mnode *cur_node(const cursor *c) { return c->t->top[c->i].b->r[c->j]; }

/* Order of entry j of block b against the encoded prefix p, using its hint
 * when p shares the block's prefix (ok) and reaches into the hint. */
static inline int ent_pre_cmp(const blk *b, unsigned j, const unsigned char *p, size_t plen, int ok, uint64_t hp,
                              uint64_t mask)
{
    if (ok && mask) {
        uint64_t he = b->h[j] & mask;
        if (he != hp)
            return he < hp ? -1 : 1;
    }
    return pre_cmp(key_of(b->r[j]), b->r[j]->klen, p, plen);
}

/* First entry whose key is >= the encoded prefix p (> when strict), or
 * (last entry <= p, < when strict) when last; 0 if none. */
static int tree_seek(const tdesc *d, unsigned k, const unsigned char *p, size_t plen, int strict, int last,
                     cursor *c)
{
    const otree *t = &d->trees[k];
    c->t = t;
    c->i = c->j = 0;
    if (t->ntop == 0)
        return 0;
    /* pred(x): x is at or past the boundary, monotone over the sorted keys. */
#define PRED(cmp) (last ? ((cmp) > 0 || ((cmp) == 0 && strict)) : ((cmp) > 0 || ((cmp) == 0 && !strict)))
    size_t lo = 1, hi = t->ntop;
    int tok = hi > 1 && plen > t->tplen && memcmp(p, t->top[1].sep, t->tplen) == 0;
    uint64_t htp = 0, tmask = 0;
    if (tok) {
        size_t m = plen - t->tplen < 8 ? plen - t->tplen : 8;
        tmask = m == 8 ? ~UINT64_C(0) : ~(~UINT64_C(0) >> (8 * m));
        htp = hint_of(p, plen, t->tplen) & tmask;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const fence *f = &t->top[mid];
        int cmp;
        if (tok && (f->h & tmask) != htp)
            cmp = (f->h & tmask) < htp ? -1 : 1;
        else
            cmp = pre_cmp(f->sep, f->slen, p, plen);
        if (!PRED(cmp))
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t bi = lo - 1;
    const blk *b = t->top[bi].b;
    int ok = b->plen == 0 || (plen > b->plen && memcmp(p, t->top[bi].sep, b->plen) == 0);
    uint64_t hp = 0, mask = 0;
    if (ok && plen > b->plen) {
        size_t m = plen - b->plen < 8 ? plen - b->plen : 8;
        mask = m == 8 ? ~UINT64_C(0) : ~(~UINT64_C(0) >> (8 * m));
        hp = hint_of(p, plen, b->plen) & mask;
    }
    unsigned l = 0, h = b->n;
    while (l < h) {
        unsigned mid = (l + h) / 2;
        int cmp = ent_pre_cmp(b, mid, p, plen, ok, hp, mask);
        if (!PRED(cmp))
            l = mid + 1;
        else
            h = mid;
    }
#undef PRED
    c->i = bi;
    c->j = l;
    return last ? cur_back(c) : cur_fwd(c);
}

static void tree_free(otree *t)
{
    for (size_t i = 0; i < t->ntop; i++) {
        free(t->top[i].b);
        free(t->top[i].sep);
    }
    free(t->top);
    free(t->spare_blk);
    free(t->spare_sep);
    memset(t, 0, sizeof *t);
}

/* ------------------------------------------------------------------ */
/* Native maps of the events table (see the top of the file)          */
/* ------------------------------------------------------------------ */

/* Bytes taken by the first n values of an encoded key. */
static inline size_t enc_prefix(const unsigned char *k, unsigned n)
{
    size_t p = 0;
    while (n--)
        p += enc_skip(k + p);
    return p;
}

/* The encoded (tenant, message) that starts a row's events_by_message key
 * (its length and hash are kept in the header; a record has neither key). */
static inline const unsigned char *nat_msgkey(const tdesc *d, const char *row, size_t *len)
{
    *len = hdr_of((char *)row)->mklen;
    return key_of(node_of((char *)row, d->nat.kmsg));
}

/* The encoded (tenant, provider, provider_event_id) that starts a row's
 * events_by_provider key; NULL when one of them is NULL (it never collides). */
static inline const unsigned char *nat_provkey(const tdesc *d, const char *row, size_t *len)
{
    *len = hdr_of((char *)row)->pklen;
    return *len ? key_of(node_of((char *)row, d->nat.kprov)) : NULL;
}

/* The key of a row's vector: the 32 bytes of its (tenant, message) when
 * they are ids (always, for a record), else their encoding. */
typedef struct mident {
    const unsigned char *k;
    size_t n;
    int raw;
    unsigned char buf[32];
} mident;

static inline void row_mident(const tdesc *d, const char *row, mident *id)
{
    if (is_rec(row)) {
        const evrec *r = rec_of(row);
        memcpy(id->buf, &r->tenant, 16);
        memcpy(id->buf + 16, &r->ev.message, 16);
        id->k = id->buf;
        id->n = 32;
        id->raw = 1;
        return;
    }
    id->k = nat_msgkey(d, row, &id->n);
    id->raw = dec_ids(id->k, id->n, id->buf);
    if (id->raw) {
        id->k = id->buf;
        id->n = 32;
    }
}

/* The same for an encoded (tenant, message). */
static inline void enc_mident(const unsigned char *k, size_t n, mident *id)
{
    id->raw = dec_ids(k, n, id->buf);
    id->k = id->raw ? id->buf : k;
    id->n = id->raw ? 32 : n;
}

static mevec *mev_find(const natmaps *m, const mident *id, uint64_t h)
{
    if (m->mb == NULL)
        return NULL;
    for (mevec *v = m->mb[h & (m->nmb - 1)]; v; v = v->next)
        if (v->hash == h && v->raw == (uint32_t)id->raw && v->klen == id->n &&
            memcmp(v->key, id->k, id->n) == 0)
            return v;
    return NULL;
}

/* Room for the events_by_message key of a record. */
#define MSGKEY_MAX (4 * ENC_ID_MAX + 18)

/* The events_by_message key (tenant, message, occurred_at, arrived_at,
 * tenant, id) of a record, as its row will have it, in buf; its length. */
static size_t rec_msgkey(const char *row, unsigned char *buf)
{
    const evrec *r = rec_of(row);
    size_t n = enc_id(buf, &r->tenant);
    n += enc_id(buf + n, &r->ev.message);
    n += enc_int(buf + n, r->ev.occurred_at);
    n += enc_int(buf + n, r->ev.arrived_at);
    n += enc_id(buf + n, &r->tenant);
    n += enc_id(buf + n, &r->ev.id);
    return n;
}

/* A row's events_by_message key: its node's, or a record's made in buf. */
static inline const unsigned char *msgkey_of(const tdesc *d, const char *row, unsigned char *buf, size_t *len)
{
    if (is_rec(row)) {
        *len = rec_msgkey(row, buf);
        return buf;
    }
    const mnode *x = node_of((char *)row, d->nat.kmsg);
    *len = x->klen;
    return key_of(x);
}

/* The order of events_by_message between two rows of one vector (the
 * same tenant and message): two records by their fields (occurred_at,
 * arrived_at, id: the encoding keeps the order of integers and of ids'
 * bytes), else by their keys. */
static int mev_cmp(const tdesc *d, const char *a, const char *b)
{
    if (is_rec(a) && is_rec(b)) {
        const mtrk_store_event *x = &rec_of(a)->ev, *y = &rec_of(b)->ev;
        if (x->occurred_at != y->occurred_at)
            return x->occurred_at < y->occurred_at ? -1 : 1;
        if (x->arrived_at != y->arrived_at)
            return x->arrived_at < y->arrived_at ? -1 : 1;
        return memcmp(&x->id, &y->id, sizeof x->id);
    }
    if (is_rec(a) != is_rec(b)) { /* a record and a row: the row's fields, when typed as a record's */
        const char *rec = is_rec(a) ? a : b, *row = is_rec(a) ? b : a;
        const unsigned *kc = d->keycols[d->nat.kmsg]; /* tenant, message, occurred_at, arrived_at, tenant, id */
        mtrk_value o = row_val(d, row, kc[2]), r = row_val(d, row, kc[3]), id = row_val(d, row, kc[5]);
        if (o.type == MTRK_VAL_INT && r.type == MTRK_VAL_INT && is_id_val(&id)) {
            const mtrk_store_event *x = &rec_of(rec)->ev;
            int c = x->occurred_at != o.i ? (x->occurred_at < o.i ? -1 : 1)
                  : x->arrived_at != r.i  ? (x->arrived_at < r.i ? -1 : 1)
                                          : memcmp(&x->id, id.p, 16);
            c = (c > 0) - (c < 0);
            return rec == a ? c : -c;
        }
    }
    unsigned char ba[MSGKEY_MAX], bb[MSGKEY_MAX];
    size_t la, lb;
    const unsigned char *ka = msgkey_of(d, a, ba, &la), *kb = msgkey_of(d, b, bb, &lb);
    return key_cmp(ka, la, kb, lb);
}

/* Where `row` goes in v: the first entry not below it. */
static uint32_t mev_pos(const tdesc *d, const mevec *v, const char *row)
{
    uint32_t lo = 0, hi = v->n;
    if (hi > 0 && mev_cmp(d, v->rows[hi - 1], row) < 0) /* after the last one: events mostly arrive in order */
        return hi;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (mev_cmp(d, v->rows[mid], row) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The row other than `self` whose provider key is k[0..klen-1], or NULL. */
static char *nat_prov_find(const tdesc *d, const unsigned char *k, size_t klen, uint64_t h, const char *self)
{
    const natmaps *m = &d->nat;
    if (m->pb == NULL)
        return NULL;
    for (rowhdr *r = m->pb[h & (m->npb - 1)]; r; r = r->pnext) {
        size_t l = 0;
        const unsigned char *rk = nat_provkey(d, (char *)r, &l);
        if (r->phash == h && (char *)r != self && rk && l == klen && memcmp(rk, k, klen) == 0)
            return (char *)r;
    }
    return NULL;
}

/* Makes sure linking `row` into the native maps (and, pend, the pending
 * list) cannot need an allocation. MTRK_ENOMEM, with the maps unchanged
 * but for an empty vector. */
static int nat_reserve(tdesc *d, const char *row, int pend)
{
    natmaps *m = &d->nat;
    if (!m->on)
        return 0;
    mident id;
    row_mident(d, row, &id);
    uint64_t h = hdr_of((char *)row)->mhash;
    mevec *v = mev_find(m, &id, h);
    size_t klen = id.n;
    if (v == NULL) {
        if (m->nmev >= m->nmb) {
            size_t nb = m->nmb ? 2 * m->nmb : BUCKETS_MIN;
            mevec **b = calloc(nb, sizeof *b);
            if (b == NULL)
                return fail(MTRK_ENOMEM, "memory store: out of memory for the events of a message");
            for (size_t i = 0; i < m->nmb; i++)
                for (mevec *x = m->mb[i], *next; x; x = next) {
                    next = x->next;
                    x->next = b[x->hash & (nb - 1)];
                    b[x->hash & (nb - 1)] = x;
                }
            free(m->mb);
            m->mb = b;
            m->nmb = nb;
        }
        size_t need = (sizeof *v + klen + 15) & ~(size_t)15;
        if (need > MEVSLAB / 4)
            return fail(MTRK_ENOMEM, "memory store: a message key is too long");
        if (m->slab == NULL || MEVSLAB - m->slab->used < need) {
            mevslab *sl = malloc(sizeof *sl + MEVSLAB);
            if (sl == NULL)
                return fail(MTRK_ENOMEM, "memory store: out of memory for the events of a message");
            sl->next = m->slab;
            sl->used = 0;
            m->slab = sl;
        }
        v = (mevec *)((char *)m->slab->data + m->slab->used);
        m->slab->used += need;
        v->hash = h;
        v->rows = v->inl;
        v->n = 0;
        v->cap = MEV_INLINE;
        v->klen = (uint32_t)klen;
        v->raw = (uint32_t)id.raw;
        if (id.raw)
            memcpy(v->key, id.k, 32);
        else
            memcpy(v->key, id.k, klen);
        v->next = m->mb[h & (m->nmb - 1)];
        m->mb[h & (m->nmb - 1)] = v;
        m->nmev++;
    }
    m->last_row = row;
    m->last = v;
    if (v->n == v->cap) {
        uint32_t cap = 2 * v->cap;
        char **r = malloc(cap * sizeof *r);
        if (r == NULL)
            return fail(MTRK_ENOMEM, "memory store: out of memory for the events of a message");
        memcpy(r, v->rows, v->n * sizeof *r);
        if (v->rows != v->inl)
            free(v->rows);
        v->rows = r;
        v->cap = cap;
    }
    if (m->nprov >= m->npb) {
        size_t nb = m->npb ? 2 * m->npb : BUCKETS_MIN;
        rowhdr **b = calloc(nb, sizeof *b);
        if (b == NULL)
            return fail(MTRK_ENOMEM, "memory store: out of memory for the provider ids");
        for (size_t i = 0; i < m->npb; i++)
            for (rowhdr *x = m->pb[i], *next; x; x = next) {
                next = x->pnext;
                uint64_t ph = x->phash;
                x->pnext = b[ph & (nb - 1)];
                b[ph & (nb - 1)] = x;
            }
        free(m->pb);
        m->pb = b;
        m->npb = nb;
    }
    if (pend && m->npend == m->cappend) {
        size_t cap = m->cappend ? 2 * m->cappend : 256;
        char **p = realloc(m->pend, cap * sizeof *p);
        if (p == NULL)
            return fail(MTRK_ENOMEM, "memory store: out of memory for the events");
        m->pend = p;
        m->cappend = cap;
    }
    return 0;
}

/* Links a row into the native maps (never allocates: nat_reserve made the
 * room, or, in undo, the row had it before). */
static void nat_link(tdesc *d, char *row)
{
    natmaps *m = &d->nat;
    size_t klen;
    mevec *v = m->last_row == row ? m->last : NULL;
    if (v == NULL) {
        mident id;
        row_mident(d, row, &id);
        v = mev_find(m, &id, hdr_of(row)->mhash);
    }
    m->last_row = NULL;
    assert(v != NULL && v->n < v->cap);
    uint32_t at = mev_pos(d, v, row);
    if (at < v->n)
        memmove(&v->rows[at + 1], &v->rows[at], (v->n - at) * sizeof *v->rows);
    v->rows[at] = row;
    v->n++;
    const unsigned char *pk = nat_provkey(d, row, &klen);
    if (pk != NULL) {
        assert(m->pb != NULL);
        rowhdr **slot = &m->pb[hdr_of(row)->phash & (m->npb - 1)];
        hdr_of(row)->pnext = *slot;
        *slot = hdr_of(row);
        m->nprov++;
    }
}

static void nat_unlink(tdesc *d, char *row)
{
    natmaps *m = &d->nat;
    size_t klen;
    mident id;
    row_mident(d, row, &id);
    mevec *v = mev_find(m, &id, hdr_of(row)->mhash);
    assert(v != NULL);
    uint32_t at = mev_pos(d, v, row);
    while (at < v->n && v->rows[at] != row) /* keys are unique: at is the row */
        at++;
    assert(at < v->n);
    if (at < v->n) {
        memmove(&v->rows[at], &v->rows[at + 1], (v->n - at - 1) * sizeof *v->rows);
        v->n--;
    }
    const unsigned char *pk = nat_provkey(d, row, &klen);
    if (pk != NULL) {
        rowhdr **pp = &m->pb[hdr_of(row)->phash & (m->npb - 1)];
        while (*pp && *pp != hdr_of(row))
            pp = &(*pp)->pnext;
        assert(*pp != NULL);
        if (*pp) {
            *pp = hdr_of(row)->pnext;
            m->nprov--;
        }
    }
    hdr_of(row)->pnext = NULL;
}

/* Links a row into every tree and the hash table (after tree_reserve), and
 * into the native maps; `lazy`, in a table that has them: into the pending
 * list instead of the trees (after nat_reserve). */
static void link_all(tdesc *d, char *row, int lazy)
{
    rowhdr *h = hdr_of(row);
    h->pending = 0;
    h->pnext = NULL;
    if (lazy && d->nat.on) {
        h->pending = 1;
        d->nat.pend[d->nat.npend++] = row;
    } else {
        mnode *n = node_of(row, 0);
        for (unsigned k = 0; k < d->ntrees; k++, n = node_next(n))
            tree_insert(d, k, n);
    }
    hash_link(d, row);
    if (d->nat.on)
        nat_link(d, row);
}

static void unlink_all(tdesc *d, char *row)
{
    rowhdr *h = hdr_of(row);
    if (h->pending) {
        /* Undoing an insert: the row is the last one pending. */
        natmaps *m = &d->nat;
        size_t i = m->npend;
        while (i > 0 && m->pend[i - 1] != row)
            i--;
        assert(i > 0);
        if (i > 0) {
            memmove(&m->pend[i - 1], &m->pend[i], (m->npend - i) * sizeof *m->pend);
            m->npend--;
        }
        h->pending = 0;
    } else {
        mnode *n = node_of(row, 0);
        for (unsigned k = 0; k < d->ntrees; k++, n = node_next(n))
            tree_remove(d, k, n);
    }
    hash_unlink(d, row);
    if (d->nat.on)
        nat_unlink(d, row);
}

/* Reserves what linking `row` needs in every tree whose key differs from
 * the one of `old` (every tree when old is NULL). MTRK_ENOMEM. */
static int reserve_all(tdesc *d, char *row, char *old)
{
    mnode *n = node_of(row, 0), *o = old ? node_of(old, 0) : NULL;
    for (unsigned k = 0; k < d->ntrees; k++, n = node_next(n)) {
        int same = o && o->klen == n->klen && memcmp(key_of(o), key_of(n), n->klen) == 0;
        if (o)
            o = node_next(o);
        if (!same) {
            int rc = tree_reserve(d, k, n);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Event records (see the top of the file)                             */
/* ------------------------------------------------------------------ */


/* n bytes for a record (aligned as malloc's), or NULL. */
static char *rec_alloc(natmaps *m, size_t n, recslab **from)
{
    n = (n + 15) & ~(size_t)15;
    recslab *sl = m->rslab;
    if (sl == NULL || sl->cap - sl->used < n) {
        size_t cap = n > RECSLAB ? n : RECSLAB;
        recslab *nsl = malloc(sizeof *nsl + cap);
        if (nsl == NULL)
            return NULL;
        nsl->used = nsl->live = 0;
        nsl->cap = cap;
        nsl->prev = NULL;
        nsl->next = sl;
        if (sl != NULL)
            sl->prev = nsl;
        m->rslab = sl = nsl;
    }
    char *p = (char *)sl->data + sl->used;
    sl->used += n;
    sl->live++;
    *from = sl;
    return p;
}

/* Releases a record's room: its slab goes with its last record (the
 * current slab is reused instead). Never fails, never allocates. */
static void rec_release(natmaps *m, recslab *sl)
{
    assert(sl->live > 0);
    if (--sl->live > 0)
        return;
    if (sl == m->rslab) {
        sl->used = 0;
        return;
    }
    if (sl->prev != NULL)
        sl->prev->next = sl->next;
    if (sl->next != NULL)
        sl->next->prev = sl->prev;
    free(sl);
}


/* Frees a row of d: a record's room goes back to its slab. */
static void row_free(tdesc *d, char *row)
{
    if (row != NULL && is_rec(row))
        rec_release(&d->nat, rec_of(row)->slab);
    else
        free(row);
}

/* The NULL rule of rec_event_to_row for a text: NULL stays NULL. */
static inline mtrk_value text_val(const char *t)
{
    mtrk_value v = { MTRK_VAL_NULL, 0, NULL, 0 };
    if (t != NULL) {
        v.type = MTRK_VAL_TEXT;
        v.p = t;
        v.n = strlen(t);
    }
    return v;
}

/* Builds the record of event e of `tenant`: the header (the hashes of the
 * primary key and of the message's vector from the ids, the provider
 * prefix's length and hash as row_build makes them), nodes 0 .. the last
 * of the primary key, events_by_provider and events_by_message, all empty
 * but events_by_provider's when the event has a provider id, then the
 * record and its strings. The hashes are those of the row it later
 * becomes (key_hash of an encoded pair of ids hashes the ids' bytes); its
 * other keys are compared through its fields (hash_find, mev_cmp) or made
 * when asked for (rec_msgkey). tk[0..tkl-1]: the tenant's encoding.
 * MTRK_ENOMEM, MTRK_ETOOLONG. */
static int rec_build(memstore *s, tdesc *d, const mtrk_id *tenant, const unsigned char *tk, size_t tkl,
                     const mtrk_store_event *e, char **out)
{
    natmaps *m = &d->nat;
    enum { NSTR = 7 };
    const char *str[NSTR];
    size_t slen[NSTR], strs = 0;
    /* Most events carry none of them: one test for all. */
    int texts = ((uintptr_t)e->provider | (uintptr_t)e->provider_event_id | (uintptr_t)e->provider_message_id |
                 (uintptr_t)e->diagnostic | (uintptr_t)e->user_agent | (uintptr_t)e->ip |
                 (uintptr_t)e->verdict_reason) != 0;
    if (texts) {
        str[0] = e->provider;
        str[1] = e->provider_event_id;
        str[2] = e->provider_message_id;
        str[3] = e->diagnostic;
        str[4] = e->user_agent;
        str[5] = e->ip;
        str[6] = e->verdict_reason;
        for (int j = 0; j < NSTR; j++) {
            if (str[j] == NULL)
                continue;
            slen[j] = strlen(str[j]);
            if (slen[j] >= UINT32_MAX / 4 || strs > UINT32_MAX / 4)
                return fail(MTRK_ETOOLONG, "memory store: an events row is over 4 GiB");
            strs += slen[j] + 1;
        }
    }
    /* (tenant, provider, provider_event_id, tenant, id) when both are
     * given: a record without them is in no provider chain and has no
     * unique claim, so nothing reads its node of events_by_provider. */
    int prov = e->provider != NULL && e->provider_event_id != NULL;
    ekey ek;
    ek.heap = NULL;
    ek.p = ek.stack;
    ek.n = 0;
    size_t pvl = 0; /* of (tenant, provider, provider_event_id) */
    if (prov) {
        mtrk_value pv[2] = { text_val(e->provider), text_val(e->provider_event_id) };
        size_t bound = tkl + enc_bound(&pv[0]) + enc_bound(&pv[1]) + 2 * ENC_ID_MAX;
        if (bound > sizeof ek.stack && (ek.p = ek.heap = malloc(bound)) == NULL)
            return fail(MTRK_ENOMEM, "memory store: out of memory for a key");
        memcpy(ek.p, tk, tkl);
        ek.n = tkl;
        ek.n += enc_val(ek.p + ek.n, &pv[0]);
        ek.n += enc_val(ek.p + ek.n, &pv[1]);
        pvl = ek.n;
        memcpy(ek.p + ek.n, tk, tkl);
        ek.n += tkl;
        ek.n += enc_id(ek.p + ek.n, &e->id);
    }
    unsigned nk = (m->kmsg > m->kprov ? m->kmsg : m->kprov) + 1;
    size_t keys = nk * sizeof(mnode) + (prov ? node_span(ek.n) - sizeof(mnode) : 0);
    size_t data_off = sizeof(rowhdr) + keys, size = data_off + sizeof(evrec) + strs;
    recslab *from = NULL;
    char *row = size < UINT32_MAX ? rec_alloc(m, size, &from) : NULL;
    if (row == NULL) {
        ekey_done(&ek);
        return size < UINT32_MAX ? fail(MTRK_ENOMEM, "memory store: out of memory for an events row")
                                 : fail(MTRK_ETOOLONG, "memory store: an events row is over 4 GiB");
    }
    rowhdr *hd = hdr_of(row);
    mnode *n = (mnode *)(row + sizeof(rowhdr));
    for (unsigned k = 0; k < nk; k++) {
        n->klen = 0;
        if (k == m->kprov && prov) {
            memcpy(n + 1, ek.p, ek.n);
            n->klen = (uint32_t)ek.n;
        }
        n->back = (uint32_t)((char *)n - row);
        n = node_next(n);
    }
    hd->hnext = NULL;
    hd->hash = hash_ids(s->seed, tenant->bytes, e->id.bytes);
    hd->vals_off = 0;
    hd->data_off = (uint32_t)data_off;
    hd->size = UINT32_MAX; /* a record: the index of its insertion in the undo log, when it has one */
    hd->pending = 0;
    hd->pnext = NULL;
    hd->mklen = 0;
    hd->mhash = hash_ids(s->seed, tenant->bytes, e->message.bytes);
    hd->pklen = (uint32_t)pvl;
    hd->phash = pvl ? hash_bytes(s->seed, ek.p, pvl) : 0;
    ekey_done(&ek);
    evrec *r = rec_of(row);
    r->tenant = *tenant;
    r->slab = from;
    r->ev = *e;
    r->ev.version = MTRK_STORE_EVENT_VERSION;
    if (texts) {
        char *dp = (char *)(r + 1);
        const char **dst[NSTR] = { &r->ev.provider, &r->ev.provider_event_id, &r->ev.provider_message_id,
                                   &r->ev.diagnostic, &r->ev.user_agent, &r->ev.ip, &r->ev.verdict_reason };
        for (int j = 0; j < NSTR; j++)
            if (str[j] != NULL) {
                memcpy(dp, str[j], slen[j] + 1);
                *dst[j] = dp;
                dp += slen[j] + 1;
            }
    }
    *out = row;
    return 0;
}

/* Turns the record `rec` (pending, in the hash and the native maps) into
 * the row it stands for, in its place everywhere (the hash chain, its
 * message's vector, the provider-id map, the pending list at pend[i], its
 * undo entry), and frees it. MTRK_ENOMEM, MTRK_ETOOLONG, with the record
 * unchanged. */
static int rec_materialize(memstore *s, tdesc *d, size_t i)
{
    natmaps *m = &d->nat;
    char *rec = m->pend[i], *row;
    evrec *r = rec_of(rec);
    mtrk_value vals[MAX_COLS];
    rec_event_to_row(&s->rec, &r->tenant, &r->ev, vals);
    int rc = row_build(s, d, vals, 0, &row);
    if (rc)
        return rc;
    rowhdr *hr = hdr_of(rec), *hw = hdr_of(row);
    /* The same keys: the same places. */
    assert(hw->hash == hr->hash && hw->mhash == hr->mhash && hw->pklen == hr->pklen && hw->phash == hr->phash);
    hash_replace(d, rec, row);
    mident id;
    row_mident(d, rec, &id);
    mevec *v = mev_find(m, &id, hr->mhash);
    assert(v != NULL);
    uint32_t at = mev_pos(d, v, rec);
    while (v->rows[at] != rec)
        at++;
    v->rows[at] = row;
    if (hr->pklen) {
        rowhdr **pp = &m->pb[hr->phash & (m->npb - 1)];
        while (*pp != hr)
            pp = &(*pp)->pnext;
        hw->pnext = hr->pnext;
        *pp = hw;
    }
    hw->pending = 1;
    m->pend[i] = row;
    if (hr->size < s->nlog && s->log[hr->size].row == rec) /* inserted by this transaction */
        s->log[hr->size].row = row;
    rec_release(m, r->slab);
    return 0;
}

/* Links the pending rows into the trees, in the order they came, records
 * turned into rows first: before anything reads or moves the trees of a
 * table with native maps. MTRK_ENOMEM, with the rows linked so far linked
 * and the rest pending. */
static int nat_catch_up(memstore *s, tdesc *d)
{
    natmaps *m = &d->nat;
    size_t i = 0;
    int rc = 0;
    for (; i < m->npend; i++) {
        if (is_rec(m->pend[i]) && (rc = rec_materialize(s, d, i)))
            break;
        char *row = m->pend[i];
        if ((rc = reserve_all(d, row, NULL)))
            break;
        mnode *n = node_of(row, 0);
        for (unsigned k = 0; k < d->ntrees; k++, n = node_next(n))
            tree_insert(d, k, n);
        hdr_of(row)->pending = 0;
    }
    if (i > 0 && i < m->npend) /* pend is NULL while nothing ever waited */
        memmove(m->pend, m->pend + i, (m->npend - i) * sizeof *m->pend);
    m->npend -= i;
    return rc;
}

/* Swaps row `from` (linked) for `to` (unlinked, same primary key) everywhere
 * (after reserve_all and nat_reserve for `to`; `from` is in the trees). */
static void swap_rows(tdesc *d, char *from, char *to)
{
    assert(!hdr_of(from)->pending);
    if (d->nat.on)
        nat_unlink(d, from);
    mnode *a = node_of(from, 0), *b = node_of(to, 0);
    for (unsigned k = 0; k < d->ntrees; k++, a = node_next(a), b = node_next(b)) {
        if (a->klen == b->klen && memcmp(key_of(a), key_of(b), a->klen) == 0) {
            tree_replace(d, k, a, b);
        } else {
            tree_remove(d, k, a);
            tree_insert(d, k, b);
        }
    }
    hash_replace(d, from, to);
    hdr_of(to)->pending = 0;
    hdr_of(to)->pnext = NULL;
    if (d->nat.on)
        nat_link(d, to);
}

/* Whether two rows of a table have the same layout (header, key lengths,
 * size), so that their contents can be exchanged in place. */
static int same_layout(const tdesc *d, char *a, char *b)
{
    const rowhdr *ha = hdr_of(a), *hb = hdr_of(b);
    if (ha->vals_off != hb->vals_off || ha->data_off != hb->data_off || ha->size != hb->size)
        return 0;
    mnode *x = node_of(a, 0), *y = node_of(b, 0);
    for (unsigned k = 0; k < d->ntrees; k++, x = node_next(x), y = node_next(y))
        if (x->klen != y->klen)
            return 0;
    return 1;
}

/* Whether two rows of the same layout differ in a sort key. */
static int keys_differ(const tdesc *d, char *a, char *b)
{
    mnode *x = node_of(a, 0), *y = node_of(b, 0);
    for (unsigned k = 0; k < d->ntrees; k++, x = node_next(x), y = node_next(y))
        if (memcmp(key_of(x), key_of(y), x->klen) != 0)
            return 1;
    return 0;
}

static void swap_bytes(void *pa, void *pb, size_t n)
{
    unsigned char tmp[256], *a = pa, *b = pb;
    while (n) {
        size_t m = n < sizeof tmp ? n : sizeof tmp;
        memcpy(tmp, a, m);
        memcpy(a, b, m);
        memcpy(b, tmp, m);
        a += m;
        b += m;
        n -= m;
    }
}

/* Exchanges the contents (keys and values) of the linked row `cur` with
 * those of `other` (unlinked, same layout and primary key), leaving every
 * link where it is: only the trees whose key changes are touched, and the
 * rows around `cur` are not. Its own inverse; allocates nothing. */
static void swap_contents(tdesc *d, char *cur, char *other)
{
    /* A pending row is in no tree; the native maps follow a changed key. */
    int intree = !hdr_of(cur)->pending, nat = 0;
    if (d->nat.on) {
        const mnode *x = node_of(cur, d->nat.kmsg), *y = node_of(other, d->nat.kmsg);
        const mnode *p = node_of(cur, d->nat.kprov), *q = node_of(other, d->nat.kprov);
        nat = memcmp(key_of(x), key_of(y), x->klen) != 0 || memcmp(key_of(p), key_of(q), p->klen) != 0;
    }
    if (nat)
        nat_unlink(d, cur);
    mnode *a = node_of(cur, 0), *b = node_of(other, 0);
    for (unsigned k = 0; k < d->ntrees; k++, a = node_next(a), b = node_next(b)) {
        if (memcmp(key_of(a), key_of(b), a->klen) == 0)
            continue;
        if (intree)
            tree_remove(d, k, a);
        swap_bytes(a + 1, b + 1, a->klen);
        if (intree)
            tree_insert(d, k, a);
    }
    size_t off = hdr_of(cur)->vals_off;
    swap_bytes(cur + off, other + off, hdr_of(cur)->size - off);
    rowhdr *hc = hdr_of(cur), *ho = hdr_of(other), t = *hc;
    hc->mklen = ho->mklen;
    hc->pklen = ho->pklen;
    hc->mhash = ho->mhash;
    hc->phash = ho->phash;
    ho->mklen = t.mklen;
    ho->pklen = t.pklen;
    ho->mhash = t.mhash;
    ho->phash = t.phash;
    if (nat)
        nat_link(d, cur);
}

/* MTRK_EEXISTS if a row other than `self` shares a unique index with `row`
 * (built, not linked). */
static int check_unique(const tdesc *d, char *row, const char *self)
{
    const mtrk_table_def *def = d->def;
    for (unsigned x = 0; x < def->nindexes; x++) {
        const mtrk_index_def *ix = &def->indexes[x];
        if (!ix->unique)
            continue;
        unsigned k = x + 1;
        if (d->nat.on && k == d->nat.kprov && hdr_of(row)->pklen == 0)
            continue; /* a NULL provider or provider event id never collides */
        const unsigned char *key = key_of(node_of(row, k));
        size_t plen = 0;
        int has_null = 0;
        for (unsigned j = 0; j < ix->ncols; j++) {
            has_null |= key[plen] == TAG_NULL;
            plen += enc_skip(key + plen);
        }
        /* An update that keeps the values keeps the row's own claim on them. */
        if (has_null)
            continue;
        if (self) {
            const mnode *o = node_of((char *)self, k);
            if (pre_cmp(key_of(o), o->klen, key, plen) == 0)
                continue;
        }
        if (d->nat.on && k == d->nat.kprov) {
            /* The native map holds exactly the rows this index makes unique. */
            if (nat_prov_find(d, key, plen, hdr_of(row)->phash, self) != NULL)
                return fail(MTRK_EEXISTS, "memory store: %s: unique index %s already holds these values",
                            def->name, ix->name);
            continue;
        }
        cursor c;
        for (int more = tree_seek(d, k, key, plen, 0, 0, &c); more; c.j++, more = cur_fwd(&c)) {
            mnode *n = cur_node(&c);
            if (pre_cmp(key_of(n), n->klen, key, plen) != 0)
                break;
            if (row_of(n, k) != self)
                return fail(MTRK_EEXISTS, "memory store: %s: unique index %s already holds these values",
                            def->name, ix->name);
        }
    }
    return 0;
}

/* Transactions                                                        */
/* ------------------------------------------------------------------ */

static int in_tx(memstore *s)
{
    return atomic_load_explicit(&s->owner, memory_order_relaxed) == self_tag();
}

static int need_tx(memstore *s, const char *op)
{
    if (!in_tx(s))
        return fail(MTRK_ESTORE, "memory store: %s outside a transaction", op);
    return 0;
}

static int lock_store(memstore *s)
{
    /* The uncontended case costs no clock reading. pthread_mutex_timedlock
     * (CLOCK_REALTIME) rather than pthread_mutex_clocklock: the thread
     * sanitizer understands only the former. */
    int rc = pthread_mutex_trylock(&s->lock);
    if (rc == EBUSY) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_sec += MEMORY_BUSY_TIMEOUT_MS / 1000;
        ts.tv_nsec += (long)(MEMORY_BUSY_TIMEOUT_MS % 1000) * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        rc = pthread_mutex_timedlock(&s->lock, &ts);
    }
    if (rc == ETIMEDOUT)
        return fail(MTRK_EBUSY, "memory store: busy, another transaction held the store for over %d ms",
                    MEMORY_BUSY_TIMEOUT_MS);
    if (rc != 0)
        return fail(MTRK_ESTORE, "memory store: cannot take the lock: %s", strerror(rc));
    return 0;
}

static int mem_begin(mtrk_store *store, int write)
{
    memstore *s = (memstore *)store;
    if (in_tx(s))
        return fail(MTRK_ESTORE, "memory store: begin inside a transaction already open on this thread");
    int rc = lock_store(s);
    if (rc)
        return rc;
    atomic_store_explicit(&s->owner, self_tag(), memory_order_relaxed);
    s->write = write != 0;
    s->nlog = 0;
    return 0;
}

static void end_tx(memstore *s)
{
    s->nlog = 0;
    s->td[s->rec.ev.table].nat.last_row = NULL; /* scratch rows go now */
    arena_reset(s, 1);
    if (s->caplog > LOG_KEEP) {
        free(s->log);
        s->log = NULL;
        s->caplog = 0;
    }
    s->write = 0;
    atomic_store_explicit(&s->owner, 0, memory_order_relaxed);
    pthread_mutex_unlock(&s->lock);
}

static int check_end(memstore *s, const char *op)
{
    int rc = need_tx(s, op);
    if (rc)
        return rc;
    if (s->depth > 0)
        return fail(MTRK_ESTORE, "memory store: %s called from a row callback", op);
    return 0;
}

static int mem_commit(mtrk_store *store)
{
    memstore *s = (memstore *)store;
    int rc = check_end(s, "commit");
    if (rc)
        return rc;
    for (size_t i = 0; i < s->nlog; i++) {
        if (s->log[i].op == UNDO_UPDATE)
            free(s->log[i].old);
        else if (s->log[i].op == UNDO_DELETE)
            free(s->log[i].row);
    }
    end_tx(s);
    return 0;
}

typedef struct recset recset;
static void rec_set_undo(memstore *s, tdesc *d, const recset *old);

static void undo_all(memstore *s)
{
    for (size_t i = s->nlog; i-- > 0;) {
        undo *u = &s->log[i];
        tdesc *d = &s->td[u->table];
        switch (u->op) {
        case UNDO_INSERT:
            unlink_all(d, u->row);
            row_free(d, u->row);
            break;
        case UNDO_UPDATE:
            swap_rows(d, u->row, u->old);
            free(u->row);
            break;
        case UNDO_DELETE:
            link_all(d, u->row, 0);
            break;
        case UNDO_SWAP:
            swap_contents(d, u->row, u->old); /* old: scratch memory */
            break;
        case UNDO_RECSET:
            rec_set_undo(s, d, (const recset *)u->old);
            break;
        }
    }
    s->nlog = 0;
}

static int mem_rollback(mtrk_store *store)
{
    memstore *s = (memstore *)store;
    int rc = check_end(s, "rollback");
    if (rc)
        return rc;
    undo_all(s);
    end_tx(s);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Reads                                                               */
/* ------------------------------------------------------------------ */

static int check_table(memstore *s, unsigned table)
{
    if (table >= s->ntables)
        return fail(MTRK_EINVAL, "memory store: table %u does not exist (%u tables)", table, s->ntables);
    return 0;
}

static int call_fn(memstore *s, const tdesc *d, const char *row, mtrk_row_fn fn, void *userdata)
{
    mtrk_value vals[MAX_COLS];
    if (is_rec(row))
        rec_event_to_row(&s->rec, &rec_of(row)->tenant, &rec_of(row)->ev, vals);
    else
        row_values(d, row, vals);
    s->depth++;
    int rc = fn(userdata, vals);
    s->depth--;
    return rc;
}

static int mem_get(mtrk_store *store, unsigned table, const mtrk_value *key, mtrk_row_fn fn, void *userdata)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "get");
    if (rc || (rc = check_table(s, table)))
        return rc;
    if (key == NULL || fn == NULL)
        return fail(MTRK_EINVAL, "memory store: get: %s is NULL", key == NULL ? "key" : "fn");
    const tdesc *d = &s->td[table];
    if ((rc = check_key("key", key, d->def->npk)))
        return rc;
    ekey ek;
    if ((rc = ekey_make(&ek, key, d->def->npk, 0, NULL)))
        return rc;
    char *row = hash_find(d, ek.p, ek.n, key_hash(s->seed, ek.p, ek.n));
    ekey_done(&ek);
    if (row == NULL)
        return fail(MTRK_ENOTFOUND, "memory store: %s: no row with this primary key", d->def->name);
    rc = call_fn(s, d, row, fn, userdata);
    return rc < 0 ? rc : 0;
}

/* A scan of a table with native maps that they answer: events_by_message
 * with (tenant, message) given, events_by_provider with its three values
 * given, none NULL. *done says whether it was one. ek: the encoded prefix
 * and start; plen: the prefix's length in it. */
static int nat_scan(memstore *s, const tdesc *d, unsigned k, const ekey *ek, size_t plen, unsigned nprefix,
                    int strict, int desc, mtrk_row_fn fn, void *userdata, int *done)
{
    const natmaps *m = &d->nat;
    *done = 0;
    /* pred(x): x is at or past the boundary (as in tree_seek). */
#define NPRED(cmp) (desc ? ((cmp) > 0 || ((cmp) == 0 && strict)) : ((cmp) > 0 || ((cmp) == 0 && !strict)))
    if (k == m->kmsg && nprefix >= 2) {
        *done = 1;
        size_t ml = enc_prefix(ek->p, 2), xl;
        mident id;
        enc_mident(ek->p, ml, &id);
        const mevec *v = mev_find(m, &id, key_hash(m->seed, ek->p, ml));
        if (v == NULL)
            return 0;
        unsigned char xb[MSGKEY_MAX];
        uint32_t lo = 0, hi = v->n;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            const unsigned char *x = msgkey_of(d, v->rows[mid], xb, &xl);
            int cmp = pre_cmp(x, xl, ek->p, ek->n);
            if (!NPRED(cmp))
                lo = mid + 1;
            else
                hi = mid;
        }
        /* Nothing changes the vector while fn runs (no writes from a callback). */
        for (int64_t j = desc ? (int64_t)lo - 1 : (int64_t)lo; j >= 0 && j < (int64_t)v->n; j += desc ? -1 : 1) {
            const unsigned char *x = msgkey_of(d, v->rows[j], xb, &xl);
            if (pre_cmp(x, xl, ek->p, plen) != 0)
                break;
            int rc = call_fn(s, d, v->rows[j], fn, userdata);
            if (rc != 0)
                return rc;
        }
        return 0;
    }
    if (k == m->kprov && nprefix == 3) {
        size_t pl = 0;
        for (int j = 0; j < 3; j++) {
            if (ek->p[pl] == TAG_NULL)
                return 0; /* NULLs may repeat: the trees answer */
            pl += enc_skip(ek->p + pl);
        }
        *done = 1;
        char *row = nat_prov_find(d, ek->p, pl, hash_bytes(m->seed, ek->p, pl), NULL);
        if (row == NULL)
            return 0;
        const mnode *x = node_of(row, k);
        int cmp = pre_cmp(key_of(x), x->klen, ek->p, ek->n);
        if (desc ? NPRED(cmp) : !NPRED(cmp))
            return 0;
        int rc = call_fn(s, d, row, fn, userdata);
        return rc < 0 ? rc : 0;
    }
#undef NPRED
    return 0;
}

static int mem_scan(mtrk_store *store, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                    const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *userdata)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "scan");
    if (rc || (rc = check_table(s, table)))
        return rc;
    const tdesc *d = &s->td[table];
    if (index < MTRK_INDEX_PK || index >= (int)d->def->nindexes)
        return fail(MTRK_EINVAL, "memory store: %s has no index %d", d->def->name, index);
    unsigned k = (unsigned)(index + 1);
    if (fn == NULL)
        return fail(MTRK_EINVAL, "memory store: scan: fn is NULL");
    if ((nprefix && prefix == NULL) || (nstart && start == NULL))
        return fail(MTRK_EINVAL, "memory store: scan: %s is NULL", nprefix && prefix == NULL ? "prefix" : "start");
    if (nprefix > d->nkey[k] || nstart > d->nkey[k] - nprefix)
        return fail(MTRK_EINVAL, "memory store: scan: nprefix %u + nstart %u exceed the %u sort-key columns",
                    nprefix, nstart, d->nkey[k]);
    if (flags & ~(MTRK_SCAN_AFTER | MTRK_SCAN_DESC))
        return fail(MTRK_EINVAL, "memory store: scan: unknown flags 0x%x", flags);
    if ((rc = check_key("prefix", prefix, nprefix)) || (rc = check_key("start", start, nstart)))
        return rc;

    mtrk_value key[MAX_KEY];
    for (unsigned j = 0; j < nprefix; j++)
        key[j] = prefix[j];
    for (unsigned j = 0; j < nstart; j++)
        key[nprefix + j] = start[j];
    unsigned m = nprefix + nstart;
    int strict = (flags & MTRK_SCAN_AFTER) && nstart > 0;
    int desc = (flags & MTRK_SCAN_DESC) != 0;
    ekey ek;
    size_t plen = 0;
    if ((rc = ekey_make(&ek, key, m, nprefix, &plen)))
        return rc;

    if (d->nat.on) {
        int done = 0;
        rc = nat_scan(s, d, k, &ek, plen, nprefix, strict, desc, fn, userdata, &done);
        if (done || rc) {
            ekey_done(&ek);
            return rc < 0 ? rc : 0;
        }
        /* Any other read of the trees sees every row. */
        if ((rc = nat_catch_up(s, (tdesc *)d))) {
            ekey_done(&ek);
            return rc;
        }
    }
    cursor c;
    int more = tree_seek(d, k, ek.p, ek.n, strict, desc, &c);
    rc = 0;
    while (more) {
        mnode *n = cur_node(&c);
        if (pre_cmp(key_of(n), n->klen, ek.p, plen) != 0)
            break;
        rc = call_fn(s, d, row_of(n, k), fn, userdata);
        if (rc != 0)
            break;
        if (desc) {
            more = cur_back(&c);
        } else {
            c.j++;
            more = cur_fwd(&c);
        }
    }
    ekey_done(&ek);
    return rc < 0 ? rc : 0;
}

/* ------------------------------------------------------------------ */
/* Changes                                                             */
/* ------------------------------------------------------------------ */

static int log_reserve(memstore *s)
{
    if (s->nlog < s->caplog)
        return 0;
    size_t cap = s->caplog ? s->caplog * 2 : 64;
    undo *p = realloc(s->log, cap * sizeof *p);
    if (p == NULL)
        return fail(MTRK_ENOMEM, "memory store: out of memory for the undo log");
    s->log = p;
    s->caplog = cap;
    return 0;
}

/* Inserts a built row (its own allocation, freed on failure) of `table`,
 * after log_reserve. */
static int insert_built(memstore *s, unsigned table, char *row)
{
    tdesc *d = &s->td[table];
    const mnode *n0 = node_of(row, 0);
    int rc = 0;
    unsigned char ids[32];
    if (is_rec(row)) {
        memcpy(ids, &rec_of(row)->tenant, 16);
        memcpy(ids + 16, &rec_of(row)->ev.id, 16);
    }
    if (is_rec(row) ? hash_find_ids(d, ids, hdr_of(row)->hash) != NULL
                    : hash_find(d, key_of(n0), n0->klen, hdr_of(row)->hash) != NULL)
        rc = fail(MTRK_EEXISTS, "memory store: %s: a row with this primary key exists", d->def->name);
    else if (is_rec(row)) /* the provider-id map is its one unique index */
        rc = hdr_of(row)->pklen && nat_prov_find(d, key_of(node_of(row, d->nat.kprov)), hdr_of(row)->pklen,
                                                  hdr_of(row)->phash, NULL)
                 ? fail(MTRK_EEXISTS, "memory store: %s: unique index %s already holds these values", d->def->name,
                        d->def->indexes[d->nat.kprov - 1].name)
                 : 0;
    else
        rc = check_unique(d, row, NULL);
    if (rc == 0 && (rc = hash_reserve(d)) == 0)
        rc = d->nat.on ? nat_reserve(d, row, 1) : reserve_all(d, row, NULL);
    if (rc) {
        d->nat.last_row = NULL;
        row_free(d, row);
        return rc;
    }
    link_all(d, row, 1);
    s->log[s->nlog++] = (undo){ UNDO_INSERT, table, row, NULL };
    return 0;
}

/* ---- an update of a record's plain fields, in place ---------------------------
 * The second pass of an event batch appends an event and then updates its
 * effects: on a record that was a catch-up of every pending record (each
 * made a row) for one integer. An update whose hint names only INT
 * columns that are in no sort key changes, on a record, only fields of its
 * mtrk_store_event: they are written there, and the record's previous
 * fields kept in the scratch memory for undo. */
struct recset {
    mtrk_id tenant;
    uint64_t cols;       /* the columns written */
    mtrk_store_event ev; /* the record's fields before */
};

/* The INT field of the events record kept in column c, or -1. */
static int rec_int_field(const memstore *s, unsigned c)
{
    const rec_field *f = rec_event_fields();
    for (unsigned i = 0; i < s->rec.ev.nfields; i++)
        if (s->rec.ev.col[i] == (int)c)
            return f[i].kind == REC_K_INT ? (int)i : -1;
    return -1;
}

/* 0 when done, 1 when the change is not of that kind (the general path
 * takes it), or an error. After check_row and log_reserve. */
static int rec_set_ints(memstore *s, tdesc *d, const mtrk_change *ch)
{
    uint64_t cols = ch->columns;
    if (!d->nat.on || cols == 0 || ch->table != s->rec.ev.table)
        return 1;
    for (unsigned c = 0; c < d->def->ncols && c < 64; c++) {
        if (!(cols & (UINT64_C(1) << c)))
            continue;
        for (unsigned j = 0; j < d->nkeyed; j++)
            if (d->keyed[j] == c)
                return 1;
        if (rec_int_field(s, c) < 0)
            return 1;
    }
    if (d->def->ncols < 64 && (cols >> d->def->ncols) != 0)
        return 1;
    ekey ek;
    int rc = ekey_make(&ek, ch->row, d->def->npk, 0, NULL);
    if (rc)
        return rc;
    char *cur = hash_find(d, ek.p, ek.n, key_hash(s->seed, ek.p, ek.n));
    ekey_done(&ek);
    if (cur == NULL || !is_rec(cur))
        return 1;
    evrec *r = rec_of(cur);
    recset *old = arena_alloc(s, sizeof *old);
    if (old == NULL)
        return fail(MTRK_ENOMEM, "memory store: out of memory for an undo entry");
    old->tenant = r->tenant;
    old->cols = cols;
    old->ev = r->ev;
    const rec_field *f = rec_event_fields();
    for (unsigned c = 0; c < d->def->ncols && c < 64; c++)
        if (cols & (UINT64_C(1) << c)) {
            const mtrk_value *v = &ch->row[c];
            *(int64_t *)((char *)&r->ev + f[rec_int_field(s, c)].off) = v->type == MTRK_VAL_INT ? v->i : 0;
        }
    s->log[s->nlog++] = (undo){ UNDO_RECSET, ch->table, cur, (char *)old };
    return 0;
}

/* Puts back the fields rec_set_ints wrote, on the record or on the row it
 * has become since (found by its key; the columns are in no key, so the
 * row's slots take them). Never allocates. */
static void rec_set_undo(memstore *s, tdesc *d, const recset *old)
{
    unsigned char key[2 * ENC_ID_MAX];
    size_t kl = enc_id(key, &old->tenant);
    kl += enc_id(key + kl, &old->ev.id);
    char *cur = hash_find(d, key, kl, key_hash(s->seed, key, kl));
    assert(cur != NULL);
    if (cur == NULL)
        return;
    const rec_field *f = rec_event_fields();
    for (unsigned c = 0; c < d->def->ncols && c < 64; c++) {
        if (!(old->cols & (UINT64_C(1) << c)))
            continue;
        int i = rec_int_field(s, c);
        int64_t v = *(const int64_t *)((const char *)&old->ev + f[i].off);
        if (is_rec(cur)) {
            *(int64_t *)((char *)&rec_of(cur)->ev + f[i].off) = v;
        } else {
            /* as rec_event_to_row writes it: 0 in a nullable column is NULL */
            rowhdr *h = hdr_of(cur);
            slot *sl = (slot *)(cur + h->vals_off);
            char *types = cur + h->vals_off + d->def->ncols * sizeof(slot);
            sl[c].i = v;
            types[c] = (char)(s->rec.ev.nullable[i] && v == 0 ? MTRK_VAL_NULL : MTRK_VAL_INT);
        }
    }
}

static int apply_one(memstore *s, const mtrk_change *ch, size_t i)
{
    int rc = check_table(s, ch->table);
    if (rc)
        return rc;
    tdesc *d = &s->td[ch->table];
    const mtrk_table_def *def = d->def;
    if (ch->row == NULL)
        return fail(MTRK_EINVAL, "memory store: change %zu: row is NULL", i);
    if (ch->op != MTRK_CHANGE_INSERT && ch->op != MTRK_CHANGE_UPDATE && ch->op != MTRK_CHANGE_DELETE)
        return fail(MTRK_EINVAL, "memory store: change %zu: unknown operation %d", i, ch->op);
    if ((rc = check_row(d, ch->row, ch->op == MTRK_CHANGE_DELETE ? def->npk : def->ncols)))
        return rc;
    if ((rc = log_reserve(s)))
        return rc;

    char *cur, *row = NULL;
    undo *u = &s->log[s->nlog];
    if (ch->op == MTRK_CHANGE_DELETE) {
        if (d->nat.on && (rc = nat_catch_up(s, d)))
            return rc;
        ekey ek;
        if ((rc = ekey_make(&ek, ch->row, def->npk, 0, NULL)))
            return rc;
        cur = hash_find(d, ek.p, ek.n, key_hash(s->seed, ek.p, ek.n));
        ekey_done(&ek);
        if (cur == NULL)
            return fail(MTRK_ENOTFOUND, "memory store: %s: delete of a missing row", def->name);
        unlink_all(d, cur);
        *u = (undo){ UNDO_DELETE, ch->table, cur, NULL };
        s->nlog++;
        return 0;
    }
    /* The new row first: its primary key, encoded and hashed, finds the current one. */
    int update = ch->op == MTRK_CHANGE_UPDATE;
    if (update && (rc = rec_set_ints(s, d, ch)) != 1)
        return rc; /* a record's plain fields, in place */
    if ((rc = row_build(s, d, ch->row, update, &row)))
        return rc;
    if (!update)
        return insert_built(s, ch->table, row);
    const mnode *n0 = node_of(row, 0);
    cur = hash_find(d, key_of(n0), n0->klen, hdr_of(row)->hash);
    if (cur != NULL && is_rec(cur)) {
        /* A record is a row first (every pending one, in order). */
        if ((rc = nat_catch_up(s, d)))
            return rc;
        cur = hash_find(d, key_of(n0), n0->klen, hdr_of(row)->hash);
    }
    int same = cur != NULL && same_layout(d, cur, row);
    if (cur == NULL)
        rc = fail(MTRK_ENOTFOUND, "memory store: %s: update of a missing row", def->name);
    else if (d->nat.on && (!same || (hdr_of(cur)->pending && keys_differ(d, cur, row))) && (rc = nat_catch_up(s, d)))
        ; /* a row that is replaced, or whose place in a tree changes, is in the trees first: an undo
           * then puts back into a tree only what left it (its room is there, see the top) */
    else if ((rc = check_unique(d, row, cur)) == 0 && (rc = nat_reserve(d, row, 0)) == 0 && !hdr_of(cur)->pending)
        rc = reserve_all(d, row, cur);
    if (rc)
        return rc; /* row is scratch memory */
    if (same) {
        /* The usual update (counters, states): the row stays in place,
         * its previous contents go to the scratch memory until the end. */
        swap_contents(d, cur, row);
        *u = (undo){ UNDO_SWAP, ch->table, cur, row };
    } else {
        size_t size = hdr_of(row)->size;
        char *copy = malloc(size);
        if (copy == NULL)
            return fail(MTRK_ENOMEM, "memory store: out of memory for a %s row", def->name);
        memcpy(copy, row, size);
        swap_rows(d, cur, copy);
        *u = (undo){ UNDO_UPDATE, ch->table, copy, cur };
    }
    s->nlog++;
    return 0;
}

static int mem_apply(mtrk_store *store, const mtrk_change *changes, size_t n)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "apply");
    if (rc)
        return rc;
    if (!s->write)
        return fail(MTRK_ESTORE, "memory store: apply in a read transaction");
    if (s->depth > 0)
        return fail(MTRK_ESTORE, "memory store: apply called from a row callback");
    if (n && changes == NULL)
        return fail(MTRK_EINVAL, "memory store: apply: changes is NULL");
    for (size_t i = 0; i < n; i++)
        if ((rc = apply_one(s, &changes[i], i)))
            return rc;
    return 0;
}

/* ------------------------------------------------------------------ */
/* The typed operations of the event path (contract version 4)          */
/* ------------------------------------------------------------------ */

/* Grows the records handed to a callback to hold n. */
typedef struct recbuf {
    mtrk_store_event *recs;
    const mtrk_store_event **ptrs;
    size_t cap;
} recbuf;

static int recbuf_room(recbuf *b, size_t n)
{
    if (n <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 16;
    while (cap < n)
        cap *= 2;
    mtrk_store_event *r = realloc(b->recs, cap * sizeof *r);
    if (r == NULL)
        return MTRK_ENOMEM;
    b->recs = r;
    const mtrk_store_event **p = realloc(b->ptrs, cap * sizeof *p);
    if (p == NULL)
        return MTRK_ENOMEM;
    b->ptrs = p;
    b->cap = cap;
    return 0;
}

/* A row's slots, for reading its columns one by one. */
typedef struct rowview {
    const slot *sl;
    const unsigned char *types;
    const char *data;
} rowview;

static inline rowview view_of(const tdesc *d, const char *row)
{
    const rowhdr *h = (const rowhdr *)row;
    rowview v = { (const slot *)(row + h->vals_off), (const unsigned char *)row + h->vals_off + d->def->ncols * sizeof(slot),
                  row + h->data_off };
    return v;
}

static inline void rd_id(const rowview *v, int c, mtrk_id *out)
{
    if (v->types[c] == MTRK_VAL_BLOB && v->sl[c].s.len == sizeof *out)
        memcpy(out, v->data + v->sl[c].s.off, sizeof *out);
    else
        memset(out, 0, sizeof *out);
}

/* An INT column holds INT or NULL (check_row), and row_build writes 0 into
 * the slot of a NULL: the slot is the field (a record's 0 is none). */
static inline int64_t rd_int(const rowview *v, int c) { return v->sl[c].i; }

static inline const char *rd_text(const rowview *v, int c)
{
    return v->types[c] == MTRK_VAL_TEXT ? v->data + v->sl[c].s.off : NULL;
}

/* Field by field, as rec_from_slots would with the fields of records.c (a
 * message and an event per item of an event batch); the field numbers are
 * those of rec_message_fields and rec_event_fields, checked at creation. */
static void msg_from_slots(const memstore *s, const tdesc *md, const char *row, mtrk_store_message *m)
{
    const int *c = s->rec.msg.col;
    rowview v = view_of(md, row);
    m->version = MTRK_STORE_MESSAGE_VERSION;
    rd_id(&v, c[0], &m->id);
    rd_id(&v, c[1], &m->campaign);
    rd_id(&v, c[2], &m->contact);
    m->state = rd_int(&v, c[3]);
    m->cancel_reason = rd_int(&v, c[4]);
    m->created_at = rd_int(&v, c[5]);
    m->lease_until = rd_int(&v, c[6]);
    m->sent_at = rd_int(&v, c[7]);
    m->delivered_at = rd_int(&v, c[8]);
    m->bounced_at = rd_int(&v, c[9]);
    m->first_open_at = rd_int(&v, c[10]);
    m->first_click_at = rd_int(&v, c[11]);
    m->first_complaint_at = rd_int(&v, c[12]);
    m->first_unsub_at = rd_int(&v, c[13]);
    m->opens = rd_int(&v, c[14]);
    m->clicks = rd_int(&v, c[15]);
    m->soft_bounces = rd_int(&v, c[16]);
    m->flags = rd_int(&v, c[17]);
    m->provider_message_id = rd_text(&v, c[18]);
    m->queue_state = rd_int(&v, c[19]);
    m->folded_occurred_at = rd_int(&v, c[20]);
    m->folded_arrived_at = rd_int(&v, c[21]);
    rd_id(&v, c[22], &m->folded_event);
    m->folded_links = rd_text(&v, c[23]);
}

static void ev_from_slots(const memstore *s, const tdesc *ed, const char *row, mtrk_store_event *e)
{
    if (is_rec(row)) {
        *e = rec_of(row)->ev;
        return;
    }
    const int *c = s->rec.ev.col;
    rowview v = view_of(ed, row);
    e->version = MTRK_STORE_EVENT_VERSION;
    rd_id(&v, c[0], &e->id);
    rd_id(&v, c[1], &e->message);
    rd_id(&v, c[2], &e->campaign);
    rd_id(&v, c[3], &e->contact);
    e->type = rd_int(&v, c[4]);
    rd_id(&v, c[5], &e->link);
    e->occurred_at = rd_int(&v, c[6]);
    e->arrived_at = rd_int(&v, c[7]);
    e->occurred_hour = rd_int(&v, c[8]);
    e->provider = rd_text(&v, c[9]);
    e->provider_event_id = rd_text(&v, c[10]);
    e->provider_message_id = rd_text(&v, c[11]);
    e->bounce_kind = rd_int(&v, c[12]);
    e->diagnostic = rd_text(&v, c[13]);
    e->user_agent = rd_text(&v, c[14]);
    e->ip = rd_text(&v, c[15]);
    e->verdict = rd_int(&v, c[16]);
    e->verdict_reason = rd_text(&v, c[17]);
    e->unsub_scope = rd_int(&v, c[18]);
    rd_id(&v, c[19], &e->unsub_audience);
    e->unsub_source = rd_int(&v, c[20]);
    e->effects = rd_int(&v, c[21]);
}

/* Whether msg_from_slots and ev_from_slots name the fields of records.c in
 * its order (the offsets of its tables, field by field). */
static int field_order_ok(void)
{
    static const size_t mo[] = {
        offsetof(mtrk_store_message, id), offsetof(mtrk_store_message, campaign),
        offsetof(mtrk_store_message, contact), offsetof(mtrk_store_message, state),
        offsetof(mtrk_store_message, cancel_reason), offsetof(mtrk_store_message, created_at),
        offsetof(mtrk_store_message, lease_until), offsetof(mtrk_store_message, sent_at),
        offsetof(mtrk_store_message, delivered_at), offsetof(mtrk_store_message, bounced_at),
        offsetof(mtrk_store_message, first_open_at), offsetof(mtrk_store_message, first_click_at),
        offsetof(mtrk_store_message, first_complaint_at), offsetof(mtrk_store_message, first_unsub_at),
        offsetof(mtrk_store_message, opens), offsetof(mtrk_store_message, clicks),
        offsetof(mtrk_store_message, soft_bounces), offsetof(mtrk_store_message, flags),
        offsetof(mtrk_store_message, provider_message_id), offsetof(mtrk_store_message, queue_state),
        offsetof(mtrk_store_message, folded_occurred_at), offsetof(mtrk_store_message, folded_arrived_at),
        offsetof(mtrk_store_message, folded_event), offsetof(mtrk_store_message, folded_links),
    };
    static const size_t eo[] = {
        offsetof(mtrk_store_event, id), offsetof(mtrk_store_event, message),
        offsetof(mtrk_store_event, campaign), offsetof(mtrk_store_event, contact),
        offsetof(mtrk_store_event, type), offsetof(mtrk_store_event, link),
        offsetof(mtrk_store_event, occurred_at), offsetof(mtrk_store_event, arrived_at),
        offsetof(mtrk_store_event, occurred_hour), offsetof(mtrk_store_event, provider),
        offsetof(mtrk_store_event, provider_event_id), offsetof(mtrk_store_event, provider_message_id),
        offsetof(mtrk_store_event, bounce_kind), offsetof(mtrk_store_event, diagnostic),
        offsetof(mtrk_store_event, user_agent), offsetof(mtrk_store_event, ip),
        offsetof(mtrk_store_event, verdict), offsetof(mtrk_store_event, verdict_reason),
        offsetof(mtrk_store_event, unsub_scope), offsetof(mtrk_store_event, unsub_audience),
        offsetof(mtrk_store_event, unsub_source), offsetof(mtrk_store_event, effects),
    };
    const rec_field *mf = rec_message_fields(), *ef = rec_event_fields();
    for (size_t i = 0; i < sizeof mo / sizeof mo[0]; i++)
        if (mf[i].off != mo[i])
            return 0;
    for (size_t i = 0; i < sizeof eo / sizeof eo[0]; i++)
        if (ef[i].off != eo[i])
            return 0;
    return 1;
}

/* A message is its row in the hash; its events past the mark are the tail
 * of its vector in the native map (the same encoded (tenant, id) finds
 * both). O(1) per message, plus the events handed over. */
static int mem_messages_load(mtrk_store *store, mtrk_id tenant, const mtrk_id *mids, size_t n,
                             mtrk_store_message_fn fn, void *userdata)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "messages_load");
    if (rc)
        return rc;
    if ((n && mids == NULL) || fn == NULL)
        return fail(MTRK_EINVAL, "memory store: messages_load: %s is NULL", fn == NULL ? "fn" : "mids");
    const tdesc *md = &s->td[s->rec.msg.table], *ed = &s->td[s->rec.ev.table];
    unsigned kmsg = ed->nat.kmsg;
    recbuf b = { NULL, NULL, 0 };
    unsigned char key[6 * ENC_ID_MAX];
    mident id; /* (tenant, mid): the message's primary key and its events' vector */
    id.k = id.buf;
    id.n = 32;
    id.raw = 1;
    memcpy(id.buf, &tenant, 16);
    unsigned char pk[2 * ENC_ID_MAX];
    const size_t tkl = enc_id(pk, &tenant); /* the tenant's, once: every key starts with it */
    for (size_t i = 0; rc == 0 && i < n; i++) {
        memcpy(id.buf + 16, &mids[i], 16);
        uint64_t h = hash_ids(s->seed, id.buf, id.buf + 16); /* key_hash of the encoded pk */
        char *row = hash_find(md, pk, tkl + enc_id(pk + tkl, &mids[i]), h);
        if (row == NULL)
            continue;
        mtrk_store_message m;
        msg_from_slots(s, md, row, &m);
        const mevec *v = mev_find(&ed->nat, &id, h);
        uint32_t from = 0, nev = v ? v->n : 0;
        if (nev && !is_nil_id(&m.folded_event)) {
            /* Past the mark: the first event above an event at it (a
             * record by its fields, a row by its key, made once). */
            size_t ml = 0;
            uint32_t lo = 0, hi = nev;
            while (lo < hi) {
                uint32_t mid = lo + (hi - lo) / 2;
                const char *x = v->rows[mid];
                int le;
                if (is_rec(x)) {
                    const mtrk_store_event *e = &rec_of(x)->ev;
                    le = e->occurred_at != m.folded_occurred_at ? e->occurred_at < m.folded_occurred_at
                       : e->arrived_at != m.folded_arrived_at   ? e->arrived_at < m.folded_arrived_at
                                                                : memcmp(&e->id, &m.folded_event, 16) <= 0;
                } else {
                    if (ml == 0) {
                        ml = enc_id(key, &tenant);
                        ml += enc_id(key + ml, &mids[i]);
                        ml += enc_int(key + ml, m.folded_occurred_at);
                        ml += enc_int(key + ml, m.folded_arrived_at);
                        ml += enc_id(key + ml, &tenant);
                        ml += enc_id(key + ml, &m.folded_event);
                    }
                    const mnode *xn = node_of((char *)x, kmsg);
                    le = key_cmp(key_of(xn), xn->klen, key, ml) <= 0;
                }
                if (le)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            from = lo;
        }
        if (recbuf_room(&b, nev - from)) {
            rc = MTRK_ENOMEM;
            break;
        }
        for (uint32_t j = from; j < nev; j++) {
            const char *row = v->rows[j];
            if (is_rec(row)) { /* handed over in place */
                b.ptrs[j - from] = &rec_of((char *)row)->ev;
                continue;
            }
            ev_from_slots(s, ed, row, &b.recs[j - from]);
            b.ptrs[j - from] = &b.recs[j - from];
        }
        s->depth++;
        rc = fn(userdata, &m, b.ptrs, nev - from);
        s->depth--;
    }
    free(b.recs);
    free(b.ptrs);
    if (rc == MTRK_ENOMEM)
        return fail(rc, "memory store: out of memory reading messages");
    return rc < 0 ? rc : 0;
}

static int mem_provider_ids_find(mtrk_store *store, mtrk_id tenant, const char *const *providers,
                                 const char *const *event_ids, size_t n, mtrk_store_event_fn fn, void *userdata)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "provider_ids_find");
    if (rc)
        return rc;
    if ((n && (providers == NULL || event_ids == NULL)) || fn == NULL)
        return fail(MTRK_EINVAL, "memory store: provider_ids_find: an argument is NULL");
    const tdesc *ed = &s->td[s->rec.ev.table];
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (providers[i] == NULL || event_ids[i] == NULL)
            continue;
        mtrk_value pre[3] = { { MTRK_VAL_BLOB, 0, &tenant, sizeof tenant },
                              { MTRK_VAL_TEXT, 0, providers[i], strlen(providers[i]) },
                              { MTRK_VAL_TEXT, 0, event_ids[i], strlen(event_ids[i]) } };
        ekey ek;
        if ((rc = ekey_make(&ek, pre, 3, 0, NULL)))
            break;
        char *row = nat_prov_find(ed, ek.p, ek.n, hash_bytes(ed->nat.seed, ek.p, ek.n), NULL);
        ekey_done(&ek);
        if (row != NULL) {
            mtrk_store_event rec;
            ev_from_slots(s, ed, row, &rec);
            s->depth++;
            rc = fn(userdata, i, &rec);
            s->depth--;
        }
    }
    return rc < 0 ? rc : 0;
}

/* An event is a row in the hash and the native maps; the trees of the
 * events table take it when something first reads them (nat_catch_up). */
static int mem_events_append(mtrk_store *store, mtrk_id tenant, const mtrk_store_event *const *events, size_t n)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "events_append");
    if (rc)
        return rc;
    if (!s->write)
        return fail(MTRK_ESTORE, "memory store: events_append in a read transaction");
    if (s->depth > 0)
        return fail(MTRK_ESTORE, "memory store: events_append called from a row callback");
    if (n && events == NULL)
        return fail(MTRK_EINVAL, "memory store: events_append: events is NULL");
    unsigned table = s->rec.ev.table;
    tdesc *d = &s->td[table];
    unsigned char tk[ENC_ID_MAX];
    size_t tkl = enc_id(tk, &tenant);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (events[i] == NULL || events[i]->version == 0)
            return fail(MTRK_EINVAL, "memory store: events_append: event %zu is NULL or unversioned", i);
        /* Kept as the record, with the keys the native maps and the
         * unique checks read; its row is built when the trees are first
         * read (nat_catch_up). */
        char *rec;
        if (s->nlog >= UINT32_MAX)
            return fail(MTRK_ETOOLONG, "memory store: too many changes in one transaction");
        if ((rc = log_reserve(s)) == 0 && (rc = rec_build(s, d, &tenant, tk, tkl, events[i], &rec)) == 0 &&
            (rc = insert_built(s, table, rec)) == 0)
            hdr_of(rec)->size = (uint32_t)(s->nlog - 1);
    }
    return rc;
}

static int mem_messages_update(mtrk_store *store, mtrk_id tenant, const mtrk_store_message *const *messages,
                               const unsigned *masks, size_t n)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "messages_update");
    if (rc)
        return rc;
    if (n && messages == NULL)
        return fail(MTRK_EINVAL, "memory store: messages_update: messages is NULL");
    const tdesc *md = &s->td[s->rec.msg.table];
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (messages[i] == NULL || messages[i]->version == 0)
            return fail(MTRK_EINVAL, "memory store: messages_update: message %zu is NULL or unversioned", i);
        unsigned char key[2 * ENC_ID_MAX];
        size_t kl = enc_id(key, &tenant);
        kl += enc_id(key + kl, &messages[i]->id);
        char *cur = hash_find(md, key, kl, key_hash(s->seed, key, kl));
        if (cur == NULL)
            return fail(MTRK_ENOTFOUND, "memory store: messages_update: message %zu does not exist", i);
        mtrk_value row[MAX_COLS];
        row_values(md, cur, row);
        uint64_t cols = 0;
        rec_message_to_row(&s->rec, &tenant, messages[i], masks ? masks[i] : 0, row, &cols);
        mtrk_change ch = { MTRK_CHANGE_VERSION, MTRK_CHANGE_UPDATE, s->rec.msg.table, row, cols };
        rc = mem_apply(store, &ch, 1);
    }
    return rc;
}

/* messages_insert (contract version 6): each message a row built from its
 * record and inserted as apply inserts one (primary key and unique indexes
 * checked, undo logged), without a generic row check: a row made from a
 * record has the columns' types. */
static int mem_messages_insert(mtrk_store *store, mtrk_id tenant, const mtrk_store_message *const *messages, size_t n)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "messages_insert");
    if (rc)
        return rc;
    if (!s->write)
        return fail(MTRK_ESTORE, "memory store: messages_insert in a read transaction");
    if (s->depth > 0)
        return fail(MTRK_ESTORE, "memory store: messages_insert called from a row callback");
    if (n && messages == NULL)
        return fail(MTRK_EINVAL, "memory store: messages_insert: messages is NULL");
    unsigned table = s->rec.msg.table;
    const tdesc *d = &s->td[table];
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (messages[i] == NULL || messages[i]->version == 0)
            return fail(MTRK_EINVAL, "memory store: messages_insert: message %zu is NULL or unversioned", i);
        mtrk_value row[MAX_COLS];
        memset(row, 0, d->def->ncols * sizeof row[0]);
        rec_message_to_row(&s->rec, &tenant, messages[i], 0, row, NULL);
        char *built;
        if ((rc = log_reserve(s)) == 0 && (rc = row_build(s, d, row, 0, &built)) == 0)
            rc = insert_built(s, table, built);
    }
    return rc;
}

/* events_scan (contract version 7), through the store's own scans: a
 * message's events from events_by_message (the native map's vector, in
 * event-time order: linear, a message's history is short), a campaign's
 * from events_by_campaign an hour at a time, each hour put in event-time
 * order here (its index orders an hour by id). Records point into the rows,
 * which nothing changes during the call. */
typedef struct evscan {
    memstore *s;
    const mtrk_store_event_query *q;
    mtrk_store_event_fn fn;
    void *userdata;
    size_t sent;
    int rc;           /* fn's negative code */
    int stop;         /* limit reached, or fn ended the call */
    recbuf hour;      /* campaign: the current hour's events that pass */
    size_t nhour;
    int64_t cur_hour;
    int any;
} evscan;

static int ev_time_cmp(const mtrk_store_event *a, const mtrk_store_event *b)
{
    if (a->occurred_at != b->occurred_at)
        return a->occurred_at < b->occurred_at ? -1 : 1;
    if (a->arrived_at != b->arrived_at)
        return a->arrived_at < b->arrived_at ? -1 : 1;
    return memcmp(a->id.bytes, b->id.bytes, sizeof a->id.bytes);
}

static int ev_ptr_cmp(const void *x, const void *y)
{
    return ev_time_cmp(*(const mtrk_store_event *const *)x, *(const mtrk_store_event *const *)y);
}

static int evscan_pass(const mtrk_store_event_query *q, const mtrk_store_event *e)
{
    if ((q->type && e->type != q->type) || e->occurred_at < q->from || (q->to > 0 && e->occurred_at >= q->to))
        return 0;
    if (!q->after_set)
        return 1;
    mtrk_store_event at;
    at.occurred_at = q->after_occurred_at;
    at.arrived_at = q->after_arrived_at;
    at.id = q->after_id;
    return ev_time_cmp(e, &at) > 0;
}

static int evscan_emit(evscan *c, const mtrk_store_event *e)
{
    c->s->depth++;
    int rc = c->fn(c->userdata, c->sent++, e);
    c->s->depth--;
    if (rc < 0)
        c->rc = rc;
    if (rc != 0 || c->sent == c->q->limit)
        c->stop = 1;
    return c->stop;
}

static int evscan_msg_cb(void *ud, const mtrk_value *row)
{
    evscan *c = ud;
    mtrk_store_event e;
    rec_event_from_row(&c->s->rec, row, &e);
    return evscan_pass(c->q, &e) ? evscan_emit(c, &e) : 0;
}

/* Hands over the hour's events in event-time order, up to the limit. */
static void evscan_flush(evscan *c)
{
    if (c->nhour == 0)
        return;
    for (size_t i = 0; i < c->nhour; i++)
        c->hour.ptrs[i] = &c->hour.recs[i];
    qsort(c->hour.ptrs, c->nhour, sizeof *c->hour.ptrs, ev_ptr_cmp);
    for (size_t i = 0; i < c->nhour && !evscan_emit(c, c->hour.ptrs[i]); i++)
        ;
    c->nhour = 0;
}

static int evscan_camp_cb(void *ud, const mtrk_value *row)
{
    evscan *c = ud;
    mtrk_store_event e;
    rec_event_from_row(&c->s->rec, row, &e);
    if (c->any && e.occurred_hour != c->cur_hour) {
        evscan_flush(c);
        if (c->stop)
            return 1;
    }
    c->any = 1;
    c->cur_hour = e.occurred_hour;
    if (c->q->to > 0 && e.occurred_hour >= c->q->to)
        return 1; /* every later event occurred at or after `to` */
    if (!evscan_pass(c->q, &e))
        return 0;
    if (recbuf_room(&c->hour, c->nhour + 1)) {
        c->rc = MTRK_ENOMEM;
        return MTRK_ENOMEM;
    }
    c->hour.recs[c->nhour] = e;
    /* ptrs are set at the flush: recs may move as it grows. */
    c->nhour++;
    return 0;
}

static int mem_events_scan(mtrk_store *store, mtrk_id tenant, const mtrk_store_event_query *q, mtrk_store_event_fn fn,
                           void *userdata)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "events_scan");
    if (rc)
        return rc;
    if (q == NULL || fn == NULL)
        return fail(MTRK_EINVAL, "memory store: events_scan: %s is NULL", q == NULL ? "query" : "fn");
    if (q->version == 0 || q->limit == 0 || (q->by != MTRK_STORE_EVENTS_BY_MESSAGE && q->by != MTRK_STORE_EVENTS_BY_CAMPAIGN))
        return fail(MTRK_EINVAL, "memory store: events_scan: the query is unversioned, has limit 0 or an unknown by");
    unsigned table = s->rec.ev.table;
    const mtrk_table_def *def = s->td[table].def;
    evscan c = { s, q, fn, userdata, 0, 0, 0, { NULL, NULL, 0 }, 0, 0, 0 };
    mtrk_value pre[3] = { { MTRK_VAL_BLOB, 0, tenant.bytes, sizeof tenant.bytes },
                          { MTRK_VAL_BLOB, 0, q->owner.bytes, sizeof q->owner.bytes },
                          { MTRK_VAL_INT, 0, NULL, 0 } };
    if (q->by == MTRK_STORE_EVENTS_BY_MESSAGE) {
        rc = mem_scan(store, table, s->rec.ev_by_message, pre, 2, NULL, 0, 0, evscan_msg_cb, &c);
    } else {
        int idx = -1;
        for (unsigned x = 0; x < def->nindexes; x++)
            if (strcmp(def->indexes[x].name, "events_by_campaign") == 0)
                idx = (int)x;
        if (idx < 0)
            return fail(MTRK_ESTORE, "memory store: events_scan: the events table has no events_by_campaign");
        mtrk_time start = q->after_set && q->after_occurred_at > q->from ? q->after_occurred_at : q->from;
        pre[2].i = mtrk_store_event_hour(start);
        rc = mem_scan(store, table, idx, pre, 2, &pre[2], 1, 0, evscan_camp_cb, &c);
        if (rc == 0 && c.rc == 0 && !c.stop && c.nhour > 0)
            evscan_flush(&c);
    }
    free(c.hour.recs);
    free(c.hour.ptrs);
    if (c.rc == MTRK_ENOMEM)
        return fail(MTRK_ENOMEM, "memory store: out of memory scanning events");
    if (c.rc)
        return c.rc;
    return rc < 0 ? rc : 0;
}

static const char *mem_errmsg(mtrk_store *store)
{
    (void)store;
    return thread_errmsg;
}

/* ------------------------------------------------------------------ */
/* Creation and release                                                */
/* ------------------------------------------------------------------ */

/* Frees every row of a table (through the hash chains). */
static void free_rows(tdesc *d)
{
    for (size_t i = 0; i < d->nbuckets; i++) {
        rowhdr *r = d->buckets[i];
        while (r) {
            rowhdr *next = r->hnext;
            if (!is_rec((char *)r)) /* records go with their slabs */
                free(r);
            r = next;
        }
        d->buckets[i] = NULL;
    }
    d->nrows = 0;
    for (unsigned k = 0; k < d->ntrees; k++)
        tree_free(&d->trees[k]);
}

static void mem_free(mtrk_store *store)
{
    memstore *s = (memstore *)store;
    if (s == NULL)
        return;
    if (in_tx(s)) {
        s->depth = 0;
        undo_all(s);
        end_tx(s);
    }
    for (unsigned t = 0; t < s->ntables; t++) {
        tdesc *d = &s->td[t];
        for (size_t i = 0; i < d->nat.nmb; i++)
            for (mevec *v = d->nat.mb[i]; v; v = v->next)
                if (v->rows != v->inl)
                    free(v->rows);
        for (mevslab *sl = d->nat.slab, *next; sl; sl = next) {
            next = sl->next;
            free(sl);
        }
        free(d->nat.mb);
        free(d->nat.pb);
        free(d->nat.pend);
        if (d->trees)
            free_rows(d);
        for (recslab *sl = d->nat.rslab, *next; sl; sl = next) {
            next = sl->next;
            free(sl);
        }
        free(d->trees);
        free(d->buckets);
        if (d->keycols)
            for (unsigned k = 0; k < d->ntrees; k++)
                free(d->keycols[k]);
        free(d->keycols);
        free(d->nkey);
    }
    free(s->td);
    free(s->log);
    arena_reset(s, 0);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

static int setup_table(tdesc *d, const mtrk_table_def *def)
{
    d->def = def;
    d->ntrees = 1 + def->nindexes;
    if (def->ncols > MAX_COLS || def->npk == 0 || def->npk > def->ncols)
        return fail(MTRK_ESTORE, "memory store: table %s has an unsupported shape", def->name);
    d->trees = calloc(d->ntrees, sizeof *d->trees);
    d->nkey = calloc(d->ntrees, sizeof *d->nkey);
    d->keycols = calloc(d->ntrees, sizeof *d->keycols);
    if (!d->trees || !d->nkey || !d->keycols)
        return fail(MTRK_ENOMEM, "memory store: out of memory");
    for (unsigned k = 0; k < d->ntrees; k++) {
        const mtrk_index_def *ix = k ? &def->indexes[k - 1] : NULL;
        unsigned nix = ix ? ix->ncols : 0;
        d->nkey[k] = nix + def->npk;
        if (d->nkey[k] > MAX_KEY)
            return fail(MTRK_ESTORE, "memory store: index %s of %s is too wide", ix->name, def->name);
        d->keycols[k] = malloc(d->nkey[k] * sizeof **d->keycols);
        if (!d->keycols[k])
            return fail(MTRK_ENOMEM, "memory store: out of memory");
        for (unsigned j = 0; j < nix; j++)
            if (ix->cols[j] >= def->ncols)
                return fail(MTRK_ESTORE, "memory store: index %s of %s names column %u", ix->name, def->name,
                            ix->cols[j]);
        mtrk_store_sort_key(def, k ? (int)k - 1 : MTRK_INDEX_PK, d->keycols[k]);
    }
    d->nvar = 0;
    for (unsigned c = 0; c < def->ncols; c++)
        if (def->cols[c].type == MTRK_VAL_TEXT || def->cols[c].type == MTRK_VAL_BLOB)
            d->var[d->nvar++] = c;
    /* The columns of any sort key, each encoded once per row. */
    d->nkeyed = 0;
    for (unsigned c = 0; c < def->ncols; c++) {
        int used = 0;
        for (unsigned k = 0; k < d->ntrees && !used; k++)
            for (unsigned j = 0; j < d->nkey[k] && !used; j++)
                used = d->keycols[k][j] == c;
        if (used)
            d->keyed[d->nkeyed++] = c;
    }
    return 0;
}

static int mem_counters_add(mtrk_store *store, mtrk_id tenant, int kind,
                            const mtrk_store_counter_delta *const *deltas, size_t n);

MTRK_API int mtrk_store_memory_new(mtrk_store **out)
{
    if (out == NULL)
        return fail(MTRK_EINVAL, "mtrk_store_memory_new: out is NULL");
    *out = NULL;
    memstore *s = calloc(1, sizeof *s);
    if (s == NULL)
        return fail(MTRK_ENOMEM, "memory store: out of memory");
    if (pthread_mutex_init(&s->lock, NULL) != 0) {
        free(s);
        return fail(MTRK_ESTORE, "memory store: cannot create the lock");
    }
    atomic_init(&s->owner, 0);
    {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        s->seed = hash_bytes((uint64_t)(uintptr_t)s, (const unsigned char *)&ts, sizeof ts);
    }
    s->base.version = MTRK_STORE_VERSION;
    s->base.free = mem_free;
    s->base.begin = mem_begin;
    s->base.commit = mem_commit;
    s->base.rollback = mem_rollback;
    s->base.get = mem_get;
    s->base.scan = mem_scan;
    s->base.apply = mem_apply;
    s->base.errmsg = mem_errmsg;
    s->base.messages_load = mem_messages_load;
    s->base.provider_ids_find = mem_provider_ids_find;
    s->base.events_append = mem_events_append;
    s->base.messages_update = mem_messages_update;
    s->base.counters_add = mem_counters_add;
    s->base.messages_insert = mem_messages_insert;
    s->base.events_scan = mem_events_scan;

    unsigned ntables = mtrk_store_table_count();
    s->td = calloc(ntables ? ntables : 1, sizeof *s->td);
    if (s->td == NULL) {
        mem_free(&s->base);
        return fail(MTRK_ENOMEM, "memory store: out of memory");
    }
    s->ntables = ntables;
    {
        char why[200];
        int rc = rec_maps_init(&s->rec, why, sizeof why);
        if (rc) {
            mem_free(&s->base);
            return fail(rc, "memory store: %s", why);
        }
    }
    for (unsigned t = 0; t < ntables; t++) {
        int rc = setup_table(&s->td[t], mtrk_store_table(t));
        if (rc) {
            mem_free(&s->base);
            return rc;
        }
    }
    {
        /* The native maps of the events table: its one unique index is
         * the provider-id map (check_unique asks the map). */
        tdesc *ed = &s->td[s->rec.ev.table];
        for (unsigned x = 0; x < ed->def->nindexes; x++)
            if (ed->def->indexes[x].unique && (int)x != s->rec.ev_by_provider) {
                mem_free(&s->base);
                return fail(MTRK_ESTORE, "memory store: the events table has a unique index the store cannot keep");
            }
        if (s->rec.msg.nfields != 24 || s->rec.ev.nfields != 22 || !field_order_ok()) {
            mem_free(&s->base);
            return fail(MTRK_ESTORE, "memory store: the record fields are not those it reads");
        }
        ed->nat.on = 1;
        ed->nat.seed = s->seed;
        ed->nat.kmsg = (unsigned)s->rec.ev_by_message + 1;
        ed->nat.kprov = (unsigned)s->rec.ev_by_provider + 1;
    }
    {
        char why[200];
        s->ctr_ok = ctr_maps_init(&s->ctr, why, sizeof why);
        for (int kind = MTRK_STORE_COUNTERS_CAMPAIGN; s->ctr_ok == 0 && kind <= MTRK_STORE_COUNTERS_HOURLY; kind++) {
            const ctr_map *k = ctr_kind(&s->ctr, kind);
            const tdesc *d = &s->td[k->table];
            if (k->nkey > CTR_MAX_KEY + 1)
                s->ctr_ok = MTRK_ESTORE;
            int keyed = 0;
            for (unsigned c = 0; c < k->ncounters; c++)
                for (unsigned j = 0; j < d->nkeyed; j++)
                    keyed |= d->keyed[j] == k->counter_col[c];
            s->ctr_inplace[kind] = !keyed && !d->nat.on;
        }
    }
    *out = &s->base;
    return 0;
}

/* ------------------------------------------------------------------ */
/* counters_add (contract version 5)                                   */
/* ------------------------------------------------------------------ */

/* Adds a delta to the stored row `cur` of kind k in place, its previous
 * contents kept in the scratch memory for undo (an UNDO_SWAP, as an
 * update of the same layout makes): the counters are in no sort key
 * (ctr_inplace), so no index moves. 1 when a counter column is not an INT
 * (the caller then writes the row through apply); MTRK_ENOMEM. */
static int add_in_place(memstore *s, const ctr_map *k, char *cur, const mtrk_store_counter_delta *delta)
{
    const tdesc *d = &s->td[k->table];
    const rowhdr *h = hdr_of(cur);
    slot *sl = (slot *)(cur + h->vals_off);
    const unsigned char *types = (const unsigned char *)cur + h->vals_off + d->def->ncols * sizeof(slot);
    for (unsigned c = 0; c < k->ncounters; c++)
        if (types[k->counter_col[c]] != MTRK_VAL_INT)
            return 1;
    int rc = log_reserve(s);
    if (rc)
        return rc;
    char *old = arena_alloc(s, h->size);
    if (old == NULL)
        return fail(MTRK_ENOMEM, "memory store: out of memory for a %s row", d->def->name);
    memcpy(old, cur, h->size);
    for (unsigned c = 0; c < k->ncounters; c++)
        sl[k->counter_col[c]].i += ctr_amount(delta, c);
    s->log[s->nlog++] = (undo){ UNDO_SWAP, k->table, cur, old };
    return 0;
}

/* Transactions are serialized by the store's lock: reading a rollup row,
 * adding and writing it back inside one is the commutative add. A row
 * that exists takes the amounts in place (add_in_place); a new key is
 * inserted through apply. */
static int mem_counters_add(mtrk_store *store, mtrk_id tenant, int kind,
                            const mtrk_store_counter_delta *const *deltas, size_t n)
{
    memstore *s = (memstore *)store;
    int rc = need_tx(s, "counters_add");
    if (rc)
        return rc;
    if (!s->write)
        return fail(MTRK_ESTORE, "memory store: counters_add in a read transaction");
    if (s->depth > 0)
        return fail(MTRK_ESTORE, "memory store: counters_add called from a row callback");
    char why[200];
    if (s->ctr_ok)
        return fail(s->ctr_ok, "memory store: counters_add: the rollup tables are not those it knows");
    const ctr_map *k = ctr_kind(&s->ctr, kind);
    if (k == NULL)
        return fail(MTRK_EINVAL, "memory store: counters_add: unknown kind %d", kind);
    if ((rc = ctr_check(k, deltas, n, why, sizeof why)))
        return fail(rc, "memory store: counters_add: %s", why);
    tdesc *d = &s->td[k->table];
    uint64_t counters = 0;
    for (unsigned i = 0; i < k->ncounters; i++)
        counters |= UINT64_C(1) << k->counter_col[i];
    /* The key: the tenant (row[0], encoded once) and at most CTR_MAX_KEY
     * ids and integers (checked at creation). */
    unsigned char key[(CTR_MAX_KEY + 1) * ENC_ID_MAX];
    const size_t tkl = enc_id(key, &tenant);
    /* The key's columns after the tenant (ctr_key), encoded from the delta
     * itself; the row made only for a key not stored yet. */
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const mtrk_store_counter_delta *dl = deltas[i];
        mtrk_value row[CTR_MAX_COLS], kv[CTR_MAX_KEY];
        size_t kl = tkl;
        for (unsigned j = 0, nk = ctr_key(k, dl, kv); j < nk; j++)
            kl += kv[j].type == MTRK_VAL_BLOB && kv[j].n == sizeof(mtrk_id) ? enc_id(key + kl, kv[j].p)
                                                                             : enc_val(key + kl, &kv[j]);
        char *cur = hash_find(d, key, kl, key_hash(s->seed, key, kl));
        if (cur != NULL && s->ctr_inplace[kind] && (rc = add_in_place(s, k, cur, dl)) != 1)
            continue; /* added (or failed) */
        rc = 0;
        ctr_row(k, &tenant, dl, row);
        mtrk_change ch = { MTRK_CHANGE_VERSION, MTRK_CHANGE_INSERT, k->table, row, 0 };
        if (cur != NULL) {
            /* The stored row, its counters plus the amounts (values borrowed from cur until the write). */
            row_values(d, cur, row);
            for (unsigned c = 0; c < k->ncounters; c++)
                row[k->counter_col[c]].i += ctr_amount(deltas[i], c);
            ch.op = MTRK_CHANGE_UPDATE;
            ch.columns = counters;
        }
        rc = apply_one(s, &ch, i);
    }
    return rc;
}
