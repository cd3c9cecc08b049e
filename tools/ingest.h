/* The JSON Lines event format of `mtrk events ingest` (docs/cli.md), shared
 * by the tool and mtrkd's event route: one line's parsing and its derived
 * idempotency key. Public API only (mtrk/mtrk.h) and jansson. */
#ifndef MTRK_TOOLS_INGEST_H
#define MTRK_TOOLS_INGEST_H

#include <mtrk/mtrk.h>

#include <jansson.h>

/* The provider named for lines that have no provider of their own, and the
 * prefix of the event id derived from a line's content (docs/cli.md). */
#define DERIVED_PROVIDER "mtrk-ingest"
#define DERIVED_PREFIX "content:"

/* One parsed line and the storage its event input points into. */
typedef struct ingest_line {
    json_t *obj;            /* keeps the strings the input points to */
    mtrk_event_input in;
    long line;
    char derived[MTRK_EVENT_CONTENT_KEY_SIZE];
} ingest_line;

/* Fills in from one JSON object (fields named as in mtrk_event_input; an
 * unknown field is an error); returns NULL, or what is wrong with it (a
 * static string or why). The strings of in are borrowed from o. */
const char *ingest_parse_event(json_t *o, mtrk_event_input *in, char *why, size_t whysz);

/* A line without a provider event id gets one derived from its content by
 * the library (mtrk_event_content_key: "content:" and the BLAKE2b-256 of
 * every field the line gives, as parsed, so 1772359200000 and
 * "2026-03-01T10:00:00Z" are the same time), and DERIVED_PROVIDER when it
 * names no provider. Ingesting the line again derives the same id: a
 * duplicate, nothing recorded twice. */
void ingest_derive_id(ingest_line *pe);

#endif
