/*
 * A store that wraps another one, counts the calls the core makes, and fails
 * the N-th call of a chosen kind on purpose. Used to prove that the core
 * refuses unknown store versions and incomplete stores, and that a failure
 * at any point of a write leaves the store exactly as before the call.
 */
#ifndef MTRK_FAULTSTORE_H
#define MTRK_FAULTSTORE_H

#include "mtrk/store.h"

enum {
    FS_ANY = 0,   /* any operation */
    FS_APPLY = 1, /* apply only */
    FS_COMMIT = 2,
    FS_READ = 3   /* get or scan */
};

typedef struct faultstore {
    mtrk_store base; /* first member: the core sees a plain store */
    mtrk_store *inner;
    int kind;        /* which calls count toward fail_at */
    long fail_at;    /* 1-based; 0 = never */
    int sticky;      /* fail every counted call from fail_at on */
    long calls;      /* counted calls so far */
    long injected;   /* failures injected */
    /* Optional: called at each begin, before the inner store's (a test's
     * way to act between two transactions of one call). */
    void (*on_begin)(struct faultstore *fs, int write);
    void *hook_userdata;
} faultstore;

void faultstore_init(faultstore *fs, mtrk_store *inner);
/* The same, offering every optional operation the inner store has (batch
 * reads, the typed event path, counters_add) and failing them too: the
 * reads count as FS_READ, the typed writes as FS_APPLY. */
void faultstore_init_typed(faultstore *fs, mtrk_store *inner);
void faultstore_arm(faultstore *fs, int kind, long fail_at, int sticky);

/* A digest of every row of every table (all tenants), to compare states. */
int store_digest(mtrk_store *s, unsigned char out[32]);
/* The same, with skip_message_fold: without the message rows' fold columns
 * (and the messages' secondary indexes), which a failed
 * mtrk_metrics_rebuild may leave refreshed. */
int store_digest_ex(mtrk_store *s, unsigned char out[32], int skip_message_fold);
/* Is `column` of the messages table a copy of the message's fold? */
int store_is_message_fold_column(const char *column);

#endif
