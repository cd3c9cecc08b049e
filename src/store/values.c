/* The store contract's rules for values handed to a backend (values.h). */
#include "values.h"

#include <stdio.h>

const char *store_type_name(int type)
{
    switch (type) {
    case MTRK_VAL_NULL: return "NULL";
    case MTRK_VAL_INT: return "INT";
    case MTRK_VAL_TEXT: return "TEXT";
    case MTRK_VAL_BLOB: return "BLOB";
    default: return "an unknown type";
    }
}

int store_check_key(const char *what, const mtrk_value *key, unsigned n, char *msg, size_t cap)
{
    for (unsigned j = 0; j < n; j++) {
        if (key[j].type < MTRK_VAL_NULL || key[j].type > MTRK_VAL_BLOB) {
            snprintf(msg, cap, "%s[%u] has unknown value type %d", what, j, key[j].type);
            return MTRK_EINVAL;
        }
        if (key[j].type >= MTRK_VAL_TEXT && key[j].p == NULL && key[j].n != 0) {
            snprintf(msg, cap, "%s[%u] has a NULL pointer with length %zu", what, j, key[j].n);
            return MTRK_EINVAL;
        }
    }
    return 0;
}

int store_check_row(const mtrk_table_def *def, const mtrk_value *row, unsigned ncheck, char *msg, size_t cap)
{
    for (unsigned c = 0; c < ncheck; c++) {
        const mtrk_value *v = &row[c];
        const mtrk_column_def *cd = &def->cols[c];
        if (v->type == MTRK_VAL_NULL) {
            if (!(cd->flags & MTRK_COL_NULLABLE) || c < def->npk) {
                snprintf(msg, cap, "%s.%s may not be NULL", def->name, cd->name);
                return MTRK_EINVAL;
            }
            continue;
        }
        if (v->type != cd->type) {
            snprintf(msg, cap, "%s.%s expects %s, got %s", def->name, cd->name, store_type_name(cd->type),
                     store_type_name(v->type));
            return MTRK_EINVAL;
        }
        if (v->type != MTRK_VAL_INT && v->p == NULL && v->n != 0) {
            snprintf(msg, cap, "%s.%s has a NULL pointer with length %zu", def->name, cd->name, v->n);
            return MTRK_EINVAL;
        }
    }
    return 0;
}

bool store_key_repeats(const unsigned *cols, unsigned j)
{
    for (unsigned i = 0; i < j; i++)
        if (cols[i] == cols[j])
            return true;
    return false;
}

unsigned store_index_tail(const mtrk_table_def *def, int index, unsigned *out)
{
    unsigned cols[128], n = mtrk_store_sort_key(def, index, cols), m = 0;
    for (unsigned j = def->indexes[index].ncols; j < n; j++)
        if (!store_key_repeats(cols, j))
            out[m++] = cols[j];
    return m;
}
