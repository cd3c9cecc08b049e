/*
 * A store that counts: it wraps another store (the memory store in the
 * tests) and counts, per table, the calls the core makes (get, get_many
 * and its keys, scan, scan_many, apply) and the rows scans hand back. It
 * offers get_many and scan_many (done key by key, prefix by prefix,
 * backwards, over the inner store) so that the core takes the paths of a
 * store behind a round trip, and forwards the typed operations of the
 * event path when the inner store has them (counted as reads of messages
 * and events). Tests state how many calls a piece of work
 * takes, and that the count does not grow with the work's size.
 */
#ifndef MTRK_TEST_COUNTSTORE_H
#define MTRK_TEST_COUNTSTORE_H

#include "mtrk/store.h"

#include <stdbool.h>

#define COUNT_TABLES 64

typedef struct countstore {
    mtrk_store base; /* first: the core holds a mtrk_store * */
    mtrk_store *inner;
    long gets[COUNT_TABLES], many_calls[COUNT_TABLES], many_keys[COUNT_TABLES], writes[COUNT_TABLES],
        scans[COUNT_TABLES], scan_many_calls[COUNT_TABLES], rows_read[COUNT_TABLES];
    long loads, provider_finds, appends, updates; /* the typed operations */
    long counter_calls[8]; /* counters_add calls, by kind */
    long event_scans;      /* events_scan calls */
} countstore;

/* Sets *cs up over inner (which the caller keeps and frees), at the
 * current contract version: with the typed operations of the event path
 * when `typed` and the inner store has them (else the core takes the rows),
 * with events_scan likewise, and with counters_add when the inner store has
 * it. */
void countstore_init(countstore *cs, mtrk_store *inner, bool typed);
/* The operations countstore_init sets, for tests that take one away and
 * give it back. */
extern const mtrk_store countstore_ops;
/* Zeroes every count. */
void countstore_reset(countstore *cs);
/* Store calls that read `table`, of every kind (messages_load reads
 * messages and events, provider_ids_find events). */
long countstore_reads(const countstore *cs, unsigned table);

#endif
