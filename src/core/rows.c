/* Conversion between the core's row structs and the store's value arrays. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

extern const size_t *const rows_offsets[T__COUNT];

static int is_nil(const mtrk_id *id)
{
    static const mtrk_id nil;
    return memcmp(id, &nil, sizeof nil) == 0;
}

void rows_to_values(unsigned table, const void *row, mtrk_value *vals)
{
    const mtrk_table_def *td = rows_table(table);
    const char *base = row;
    for (unsigned i = 0; i < td->ncols; i++) {
        const void *f = base + rows_offsets[table][i];
        mtrk_value *v = &vals[i];
        memset(v, 0, sizeof *v);
        switch (td->cols[i].type) {
        case MTRK_VAL_INT:
            v->type = MTRK_VAL_INT;
            v->i = *(const int64_t *)f;
            /* A nullable integer holds 0 for NULL, like a nil id. */
            if ((td->cols[i].flags & MTRK_COL_NULLABLE) && v->i == 0)
                v->type = MTRK_VAL_NULL;
            break;
        case MTRK_VAL_TEXT: {
            const char *s = *(char *const *)f;
            if (s == NULL) {
                v->type = MTRK_VAL_NULL;
            } else {
                v->type = MTRK_VAL_TEXT;
                v->p = s;
                v->n = strlen(s);
            }
            break;
        }
        case MTRK_VAL_BLOB: {
            const mtrk_id *id = f;
            if ((td->cols[i].flags & MTRK_COL_NULLABLE) && is_nil(id)) {
                v->type = MTRK_VAL_NULL;
            } else {
                v->type = MTRK_VAL_BLOB;
                v->p = id->bytes;
                v->n = sizeof id->bytes;
            }
            break;
        }
        }
    }
    if (table == T_MESSAGES) {
        /* Derived: see queue_state in rows.h. */
        int64_t q = core_queue_state(vals[COL_messages_state].i);
        vals[COL_messages_queue_state].type = q ? MTRK_VAL_INT : MTRK_VAL_NULL;
        vals[COL_messages_queue_state].i = q;
    }
}

int rows_from_values(unsigned table, void *row, const mtrk_value *vals)
{
    const mtrk_table_def *td = rows_table(table);
    char *base = row;
    memset(row, 0, rows_size(table));
    for (unsigned i = 0; i < td->ncols; i++) {
        void *f = base + rows_offsets[table][i];
        const mtrk_value *v = &vals[i];
        switch (td->cols[i].type) {
        case MTRK_VAL_INT:
            *(int64_t *)f = v->type == MTRK_VAL_INT ? v->i : 0;
            break;
        case MTRK_VAL_TEXT:
            if (v->type == MTRK_VAL_TEXT || v->type == MTRK_VAL_BLOB) {
                char *s = malloc(v->n + 1);
                if (s == NULL) {
                    rows_clear(table, row);
                    return MTRK_ENOMEM;
                }
                if (v->n)
                    memcpy(s, v->p, v->n);
                s[v->n] = '\0';
                *(char **)f = s;
            }
            break;
        case MTRK_VAL_BLOB:
            if (v->type == MTRK_VAL_BLOB && v->n == sizeof(mtrk_id))
                memcpy(f, v->p, sizeof(mtrk_id));
            break;
        }
    }
    return MTRK_OK;
}

void rows_clear(unsigned table, void *row)
{
    const mtrk_table_def *td = rows_table(table);
    char *base = row;
    for (unsigned i = 0; i < td->ncols; i++) {
        if (td->cols[i].type == MTRK_VAL_TEXT)
            free(*(char **)(base + rows_offsets[table][i]));
    }
    memset(row, 0, rows_size(table));
}

int rows_copy(unsigned table, void *dst, const void *src)
{
    /* The struct as it is, then a copy of each string: no value arrays. */
    const mtrk_table_def *td = rows_table(table);
    memcpy(dst, src, rows_size(table));
    char *base = dst;
    for (unsigned i = 0; i < td->ncols; i++) {
        if (td->cols[i].type != MTRK_VAL_TEXT)
            continue;
        char **f = (char **)(base + rows_offsets[table][i]);
        if (*f != NULL && (*f = strdup(*f)) == NULL) {
            for (unsigned j = i + 1; j < td->ncols; j++)
                if (td->cols[j].type == MTRK_VAL_TEXT)
                    *(char **)(base + rows_offsets[table][j]) = NULL; /* not yet copied: not ours */
            rows_clear(table, dst);
            return MTRK_ENOMEM;
        }
    }
    return MTRK_OK;
}
