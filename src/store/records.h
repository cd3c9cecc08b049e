/*
 * The typed records of the event path (mtrk_store_message, mtrk_store_event)
 * mapped onto the rows of the tables that keep them, "messages" and
 * "events" of mtrk_store_table(), by column name: for the backends that
 * keep those records in those rows. Internal to the library; uses the
 * public contract only.
 */
#ifndef MTRK_STORE_RECORDS_H
#define MTRK_STORE_RECORDS_H

#include "mtrk/store.h"

#include <stddef.h>

#define REC_MAX_FIELDS 32

/* A field of a record and the column it is kept in. */
enum { REC_K_ID, REC_K_INT, REC_K_TEXT };
typedef struct rec_field {
    const char *col; /* the column's name */
    size_t off;      /* the field's offset in its record */
    int kind;        /* REC_K_* */
    unsigned group;  /* messages: the MTRK_STORE_MSG_* bit; 0 never written by an update */
} rec_field;

/* The fields of mtrk_store_message and mtrk_store_event, in the order of
 * rec_map.col (rec_map.nfields of them), for a store that reads its rows'
 * columns itself. */
const rec_field *rec_message_fields(void);
const rec_field *rec_event_fields(void);

typedef struct rec_map {
    unsigned table;              /* the table number */
    const mtrk_table_def *def;
    unsigned nfields;
    int col[REC_MAX_FIELDS];     /* the column of each field of the record (rec_fields order) */
    unsigned char nullable[REC_MAX_FIELDS]; /* whether that column is nullable */
    unsigned tenant_col;         /* the tenant column */
} rec_map;

typedef struct rec_maps {
    rec_map msg, ev;
    int ev_by_message;  /* index over (tenant, message, occurred_at, arrived_at) */
    int ev_by_provider; /* unique index over (tenant, provider, provider_event_id) */
} rec_maps;

/* Finds the tables, columns and indexes; MTRK_ESTORE (with a message in
 * msg[cap]) when the definitions do not hold them. */
int rec_maps_init(rec_maps *m, char *msg, size_t cap);

/* Records from rows (strings point into the row's values). */
void rec_message_from_row(const rec_maps *m, const mtrk_value *row, mtrk_store_message *out);
void rec_event_from_row(const rec_maps *m, const mtrk_value *row, mtrk_store_event *out);

/* Rows from records: every column of the table is set (tenant from
 * `tenant`, which must outlive row); a 0 integer, nil id or NULL string in
 * a nullable column is NULL. For messages, `mask` (MTRK_STORE_MSG_* bits; 0:
 * all) chooses the fields written over row[], which holds the stored row
 * on entry; *columns (may be NULL) gets the bits (column < 64) written. */
void rec_message_to_row(const rec_maps *m, const mtrk_id *tenant, const mtrk_store_message *in, unsigned mask,
                        mtrk_value *row, uint64_t *columns);
void rec_event_to_row(const rec_maps *m, const mtrk_id *tenant, const mtrk_store_event *in, mtrk_value *row);

/* The sort-key start of events_by_message just past a message's mark (its
 * folded_occurred_at, folded_arrived_at, then the primary key: tenant,
 * folded_event), after the (tenant, message) prefix: start[0..3]; the ids
 * are borrowed from tenant and rec. */
void rec_mark_start(const mtrk_id *tenant, const mtrk_store_message *rec, mtrk_value start[4]);

#endif
