/*
 * The store contract's rules for the values a backend is handed, kept in
 * one place for the three backends: a row of a change must match its
 * table's column definitions, and a key or prefix of a read may hold any
 * value type but must be well formed. Internal to the library.
 *
 * Each check returns 0, or MTRK_EINVAL with a message (without the store's
 * name, which the caller prefixes) written into msg[cap].
 */
#ifndef MTRK_STORE_VALUES_H
#define MTRK_STORE_VALUES_H

#include "mtrk/store.h"

#include <stdbool.h>
#include <stddef.h>

/* The name of a value type, for messages ("INT", "TEXT", ...). */
const char *store_type_name(int type);

/* Key values what[0..n-1] passed to get or scan: known types; a TEXT or BLOB
 * with a length has a pointer. */
int store_check_key(const char *what, const mtrk_value *key, unsigned n, char *msg, size_t cap);

/* The first ncheck values of a change's row (the key, for a delete): NULL
 * only in a nullable column outside the primary key, each value of its
 * column's type, a TEXT or BLOB with a length has a pointer. */
int store_check_row(const mtrk_table_def *def, const mtrk_value *row, unsigned ncheck, char *msg, size_t cap);

/* The sort key of an index (mtrk_store_sort_key), and what the SQL stores
 * derive from it: */
/* Does column cols[j] appear earlier in cols[0..j)? A sort key names a
 * primary-key column twice when the index has it already; an index
 * definition or an ORDER BY names each column once. */
bool store_key_repeats(const unsigned *cols, unsigned j);
/* The columns an ordinary index must append to its own so that its entries
 * sort by the whole sort key: the primary key's, less those the index
 * names already. Writes them to out (room for npk); returns how many. */
unsigned store_index_tail(const mtrk_table_def *def, int index, unsigned *out);

#endif
