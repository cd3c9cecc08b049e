/* Internal helpers shared by the bounce files (bounce_classify.c,
 * bounce_provider.c, bounce_mime.c, bounce_source.c). */
#ifndef MTRK_BOUNCE_INT_H
#define MTRK_BOUNCE_INT_H

#include "mtrk/bounce.h"

/* Parses "class.subject.detail" at the start of s (leading blanks skipped):
 * the number of octets read, or -1 if s does not start with one. */
int bounce_status_parse(int *cls, int *subject, int *detail, const char *s);
/* The reason the diagnostic text's patterns give, or MTRK_BR_UNDETERMINED. */
mtrk_bounce_reason bounce_text_reason(const char *text);



/* A bounce's VERP return path, when it names mid with a signed tag:
 * MTRK_ESIGNATURE unless a signing key of the tenant that is not retired
 * signed it; MTRK_OK when it verifies or carries no signed tag
 * (render_send.c; inside the caller's transaction). */
int core_verp_check(mtrk_tenant *t, const char *address, mtrk_id mid);

/* Sets a report's origin (bounce_mime.c); MTRK_ENOMEM on failure. */
int bounce_report_set_origin(mtrk_bounce_report *r, const char *origin);
#endif
