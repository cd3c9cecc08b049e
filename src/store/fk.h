/*
 * The foreign keys of the relational backends (SQLite, PostgreSQL), kept in
 * one place: both schemas declare the same relations. Internal to the
 * library; the store contract's table definitions carry no foreign keys
 * because the core, not the store, keeps references consistent.
 */
#ifndef MTRK_STORE_FK_H
#define MTRK_STORE_FK_H

#include <stddef.h>

/* (tenant, col) of `table` references (tenant, id) of `parent` — or, with
 * col "tenant", tenant references tenants(id). A NULL in col (a nullable
 * reference) is not checked, as SQL defines. */
typedef struct store_fk {
    const char *table, *col, *parent;
} store_fk;

extern const store_fk store_fks[];
extern const size_t store_nfks;

#endif
