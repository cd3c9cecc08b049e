/*
 * Helpers shared by the files of the contacts area (contact.c, audience.c,
 * unsub.c, suppress.c, retention.c). Nothing here is exported.
 */
#ifndef MTRK_CONTACT_INT_H
#define MTRK_CONTACT_INT_H

#include "internal.h"

/* Rows read per page by the bulk writers (erase, retention, audience delete):
 * memory stays bounded however many rows a contact or tenant has. */
#define BULK_PAGE 256

/* Reads up to `max` rows after cursor c (from the first when c is not started)
 * into rows[] (owned copies: rows_clear each) inside the caller's transaction,
 * and moves the cursor to the last one. *got receives the count; fewer than
 * max means the scan is exhausted. */
int scan_page(mtrk_tenant *t, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
              page_cursor *c, void *rows, size_t max, size_t *got);

/* Sets ip and user_agent to NULL on the events of an index range (prefix)
 * whose occurred_at is below `before` (INT64_MAX: all). The index must sort by
 * occurred_at after the prefix when `before` is not INT64_MAX (the scan stops
 * at the first row at or after it). *scrubbed (may be NULL) counts changed
 * events. Runs in the caller's write transaction. (retention.c) */
int events_scrub(mtrk_tenant *t, int index, const mtrk_value *prefix, unsigned nprefix, mtrk_time before,
                 uint64_t *scrubbed);

/* Inserts a suppression row if absent, without an audit entry: for callers
 * whose own audit entry covers it (erasure's hash entry is part of the
 * "contact.erase" entry). (suppress.c) */
int suppress_row_put(mtrk_tenant *t, mtrk_suppression_kind kind, const char *value, const char *reason,
                     const mtrk_id *event, int *created);

/* Static names used in audit details and exports. */
const char *contact_status_name(int status);
const char *unsub_scope_name(int scope);
/* Is source one an unsubscribe may have (not a bounce's)? */
bool unsub_source_valid(int source);
const char *source_name(int source);
const char *suppression_kind_name(int kind);

#endif
