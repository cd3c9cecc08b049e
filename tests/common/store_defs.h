/* Finding a table or a column of the store contract's definitions by name
 * (mtrk_store_table), for the store-level checks of tests/common. */
#ifndef MTRK_TEST_STORE_DEFS_H
#define MTRK_TEST_STORE_DEFS_H

#include <mtrk/store.h>
#include <string.h>

/* The table's number, or 0 when there is none of that name. */
static inline unsigned sd_table(const char *name)
{
    for (unsigned t = 0; t < (unsigned)mtrk_store_table_count(); t++)
        if (strcmp(mtrk_store_table(t)->name, name) == 0)
            return t;
    return 0;
}

/* The column's number in the table, or -1. */
static inline int sd_col(unsigned table, const char *name)
{
    const mtrk_table_def *def = mtrk_store_table(table);
    for (unsigned c = 0; c < def->ncols; c++)
        if (strcmp(def->cols[c].name, name) == 0)
            return (int)c;
    return -1;
}

#endif
