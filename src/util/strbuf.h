/*
 * A growable string for building text (SQL, JSON): appends never fail
 * outright; an allocation failure sets oom and later appends do nothing.
 * Shared by the core and the backends; knows no rule.
 */
#ifndef MTRK_UTIL_STRBUF_H
#define MTRK_UTIL_STRBUF_H

#include <stddef.h>

typedef struct strbuf { char *p; size_t n, cap; int oom; } strbuf;
void sb_add(strbuf *b, const char *s);
void sb_addn(strbuf *b, const char *s, size_t n);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_json_str(strbuf *b, const char *s); /* "..." escaped, or null */
void sb_free(strbuf *b);

#endif
