/*
 * A growable SQL text buffer for the relational backends (SQLite,
 * PostgreSQL), which build their statements from the table definitions.
 * Internal to the library.
 */
#ifndef MTRK_STORE_SQLBUF_H
#define MTRK_STORE_SQLBUF_H

#include <stddef.h>

typedef struct sbuf {
    char *p;    /* NUL-terminated text, owned (free it) */
    size_t n, cap;
    int oom;    /* an allocation failed: the text is incomplete, later adds do nothing */
} sbuf;

/* Appends printf-formatted text; on failure sets b->oom. */
__attribute__((format(printf, 2, 3))) void sql_add(sbuf *b, const char *fmt, ...);

#endif
