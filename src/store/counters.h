/*
 * The counter deltas of counters_add (store contract version 5) mapped onto
 * the rows of the rollup tables that keep them ("campaign_stats",
 * "link_stats", "hourly_stats" of mtrk_store_table()), by column name: for
 * the backends that keep rollups in those rows. Internal to the library;
 * uses the public contract only.
 */
#ifndef MTRK_STORE_COUNTERS_H
#define MTRK_STORE_COUNTERS_H

#include "mtrk/store.h"

#include <stddef.h>

#define CTR_MAX_KEY 4
#define CTR_MAX_COUNTERS MTRK_STORE_CAMPAIGN_COUNTERS
#define CTR_MAX_COLS 64

/* Where one kind of rollup lives. */
typedef struct ctr_map {
    int kind;                            /* MTRK_STORE_COUNTERS_* */
    unsigned table;                      /* the table number */
    const mtrk_table_def *def;
    unsigned nkey;                       /* primary-key columns: the tenant, then the kind's key fields */
    unsigned ncounters;                  /* counters of the kind */
    unsigned counter_col[CTR_MAX_COUNTERS]; /* the column of each counter, in the kind's order */
    int campaign_col;                    /* a non-key column holding the campaign (links), else -1 */
} ctr_map;

typedef struct ctr_maps {
    ctr_map kind[4]; /* by MTRK_STORE_COUNTERS_* (0 unused) */
} ctr_maps;

/* Finds the tables and columns; MTRK_ESTORE (with a message in msg[cap])
 * when the definitions do not hold them. */
int ctr_maps_init(ctr_maps *m, char *msg, size_t cap);

/* The map of `kind`, or NULL for a kind this library does not know. */
const ctr_map *ctr_kind(const ctr_maps *m, int kind);

/* Checks a call's arguments: MTRK_EINVAL, with a message in msg[cap], for
 * a NULL delta, an unversioned one, or more amounts than the kind has. */
int ctr_check(const ctr_map *k, const mtrk_store_counter_delta *const *deltas, size_t n, char *msg, size_t cap);

/* The delta's key after the tenant, in the table's key order (the kind's
 * key columns, which ctr_maps_init holds the table to): (campaign, hour,
 * type), (link) or (campaign), into key[]; their number, nkey - 1. The
 * values borrow d's ids. */
unsigned ctr_key(const ctr_map *k, const mtrk_store_counter_delta *d, mtrk_value *key);

/* The row a missing key starts as, with the delta's amounts as its
 * counters: every column set (tenant from `tenant`, which must outlive
 * row; columns the delta does not name are 0, or NULL when not INTEGER). */
void ctr_row(const ctr_map *k, const mtrk_id *tenant, const mtrk_store_counter_delta *d, mtrk_value *row);

/* The amount of counter i (0 past the delta's nvalues). */
static inline int64_t ctr_amount(const mtrk_store_counter_delta *d, unsigned i)
{
    return i < d->nvalues ? d->values[i] : 0;
}

#endif
