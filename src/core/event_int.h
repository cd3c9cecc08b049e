/*
 * Events, private to the core: what the four files of the event area share.
 *   event_validate.c  the input's rules that need no store (pure)
 *   event_fold.c      a message's facts: its row folded with its events;
 *                     a contact's history; the batch's cache
 *   event.c           recording one event and a batch: read, decide, apply
 *   event_list.c      listings by message, contact and campaign
 */
#ifndef MTRK_EVENT_INT_H
#define MTRK_EVENT_INT_H

#include "internal.h"

#include <stdbool.h>
#include <string.h>

/* ---- validation (event_validate.c) ------------------------------------------ */

static inline bool ev_given(const char *s) { return s != NULL && *s != '\0'; }

static inline bool has_provider_id(const char *provider, const char *provider_event_id)
{
    return ev_given(provider) && ev_given(provider_event_id);
}

/* The name of the input in messages: "event", or "events[3]" in a batch.
 * Formatted only when a message needs it: validation runs per event, errors
 * are rare. */
typedef struct ev_name {
    const char *base;
    size_t index; /* SIZE_MAX: not in a batch */
    char buf[48];
} ev_name;

const char *ev_name_of(ev_name *n);
/* terr, naming `arg` (a field of mtrk_event_input, static) as the one at
 * fault for the outcome's argument. */
int ev_err(mtrk_tenant *t, int code, const char *arg, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Every rule of docs/rules.md "Events / Validation" that needs no store.
 * `what` names the input in messages ("event", "events[3]"). */
int ev_validate(mtrk_tenant *t, ev_name *what, const mtrk_event_input *in);

/* ---- positions and shared helpers -------------------------------------------- */

/* A position in events_by_message order: occurrence, arrival, id. */
typedef struct mark_pos {
    mtrk_time occurred, arrived;
    mtrk_id id;
} mark_pos;

static inline int id_cmp(const void *a, const void *b) { return memcmp(a, b, sizeof(mtrk_id)); }

/* Sort position of an event in a message/contact/campaign history. */
static inline int pos_cmp(mtrk_time occ_a, mtrk_time arr_a, mtrk_id id_a, mtrk_time occ_b, mtrk_time arr_b,
                          mtrk_id id_b)
{
    if (occ_a != occ_b)
        return occ_a < occ_b ? -1 : 1;
    if (arr_a != arr_b)
        return arr_a < arr_b ? -1 : 1;
    return mtrk_id_compare(id_a, id_b);
}

static inline int mark_cmp(const mark_pos *a, const mark_pos *b)
{
    return pos_cmp(a->occurred, a->arrived, a->id, b->occurred, b->arrived, b->id);
}

static inline bool is_delivery(int64_t type)
{
    return type == MTRK_EV_DELIVERED || type == MTRK_EV_OPEN || type == MTRK_EV_CLICK;
}

/* A set of ids (open addressing; the nil id is never in it). */
typedef struct id_set {
    mtrk_id *slot; /* [nslot], nil: empty */
    size_t nslot;  /* a power of two, at least twice the ids; 0: empty set */
} id_set;
/* Builds *s from ids[0..n-1] (repeats allowed); MTRK_ENOMEM. */
int id_set_init(id_set *s, const mtrk_id *ids, size_t n);
bool id_set_has(const id_set *s, const mtrk_id *id);
void id_set_free(id_set *s);

/* MTRK_ENOTFOUND naming `what` and the id. */
int ev_not_found(mtrk_tenant *t, const char *what, mtrk_id id);

/* ---- the fold (event_fold.c) -------------------------------------------------- */

/* A message folds into its row after FOLD_COMPACT events past the row's
 * mark: the event that finds that many writes the row (event_apply), so no
 * fold reads more than about this many events however many a message has. */
#define FOLD_COMPACT 16

/* The links a message's clicks named: the part of the fold's state that is
 * not a column of its own (messages.folded_links keeps it at the mark). */
typedef struct link_seen {
    mtrk_id link;
    bool human; /* clicked by a human too */
} link_seen;

typedef struct link_set {
    link_seen *v; /* ascending by link */
    size_t n, cap;
} link_set;

link_seen *links_find(const link_set *ls, mtrk_id link);
/* Notes a click on `link` (by a human or not); MTRK_ENOMEM if it cannot. */
int links_add(link_set *ls, mtrk_id link, bool human);
/* messages.folded_links for *ls: a new string, or NULL when ls is empty. */
int links_format(const link_set *ls, char **out);

/* The row's mark: the position of the last event its facts include. */
bool mark_of(const row_messages *m, mark_pos *out);
void mark_set(row_messages *m, const mark_pos *p);

/* The fold (see core_message_fold); `all`: from the row's state over every
 * event, whatever its mark (the rebuild). *visited: events folded. links
 * (may be NULL): set to the links clicked, owned by the caller. */
int fold_message(mtrk_tenant *t, row_messages *m, bool all, st_row_fn each, void *ud, size_t *visited,
                 link_set *links);

/* The start of the events of message mid past a mark, in events_by_message
 * after its (tenant, message) prefix (the generic rows' scan bound). *at
 * holds the values, which point into it. */
unsigned mark_start(const mtrk_tenant *t, mtrk_id mid, const mark_pos *p, row_events *at, mtrk_value *out);

/* ---- the batch's working set (event_fold.c) ------------------------------------
 * t->fold during an event batch: the messages of the batch's current slice
 * (event.c, docs/decisions.md §50), each with its events past its mark, and
 * the events stored under its provider event ids, read with one call each
 * (st_messages_load, st_provider_ids_find). While it
 * stages (the first pass: events whose effects stay within their message),
 * the batch's writes to them are kept here and written with one call each
 * (st_events_append_records, st_messages_update) by fold_cache_flush; after
 * fold_cache_stop_staging (the second pass, whose events reach their
 * contact's other rows and read its history from the store), events and
 * rows are written at once and noted here. */
struct fold_cache;
/* Messages read ahead with their events past the mark (st_messages_load) by
 * a caller that then records events of them in the same transaction,
 * having written nothing in between (tracking's group): the batch takes
 * them instead of reading them again. m sorted by id, each once. */
typedef struct fold_preload {
    size_t n;
    row_messages *m; /* owned copies */
    row_events **ev; /* ev[i]: m[i]'s events past its mark, owned copies, in order */
    size_t *nev;
} fold_preload;
/* Reads mids[0..n-1] (ascending, each once; absent ones are left out). */
int fold_preload_read(mtrk_tenant *t, const mtrk_id *mids, size_t n, fold_preload *out);
void fold_preload_free(fold_preload *p);
/* core_event_batch, its working set's messages taken from *pre (may be
 * NULL) where it has them. */
int core_event_batch_with(mtrk_tenant *t, const mtrk_event_input *const *events, size_t n,
                          mtrk_event_outcome *const *outcomes, size_t *recorded, const fold_preload *pre);
/* mids[0..nmids-1]: the batch's messages, ascending, each once. */
int fold_cache_load(mtrk_tenant *t, const mtrk_event_input *const *events, const int *invalid, size_t n,
                    const mtrk_id *mids, size_t nmids, const fold_preload *pre, struct fold_cache **out);
void fold_cache_free(struct fold_cache *fc);
/* The message mid as the batch sees it: true when the set knows whether it
 * exists (*rc MTRK_OK with an owned copy in *out, or MTRK_ENOTFOUND, or
 * MTRK_ENOMEM); false when the store must be asked. fc may be NULL. */
bool fold_cache_get(struct fold_cache *fc, mtrk_id mid, row_messages *out, int *rc);
/* A message as the batch's working set folds it: what fold_message gives
 * for its row (m: the facts and the mark of the last event folded; its
 * provider_message_id borrowed from the set, folded_links NULL: the links
 * are `links`), with how many events past the row's mark it folded and the
 * row's own mark. Kept by the set with the message and extended as events
 * join it (event_fold.c, "an entry's view"). */
typedef struct fold_view {
    bool valid;
    row_messages m;
    link_set links;
    size_t visited;
    bool marked;   /* the row's mark, before the fold */
    mark_pos mark;
    size_t upto;   /* the set's events of the message it has read */
} fold_view;
/* The same as fold_cache_get, the message folded: *rc MTRK_OK with *out
 * the set's view, valid until the set next changes (an event staged or
 * noted, a row written); MTRK_ENOTFOUND; or the fold's error. */
bool fold_cache_folded(mtrk_tenant *t, struct fold_cache *fc, mtrk_id mid, const fold_view **out, int *rc);
bool fold_cache_staging(const struct fold_cache *fc);
/* Flushes, then writes go to the store at once. */
int fold_cache_stop_staging(mtrk_tenant *t, struct fold_cache *fc);
/* Notes an event or a message row written to the store (fc may be NULL). */
int fold_cache_note_event(struct fold_cache *fc, const row_events *ev);
int fold_cache_note_message(struct fold_cache *fc, const row_messages *m);
/* Stages a new event for the flush, as the record events_append takes, and
 * adds it to its message. Its strings are borrowed: they must last until
 * the flush (the batch's input does; fold_cache_keep copies the others). */
int fold_cache_stage_event(struct fold_cache *fc, const row_events *ev);
/* The record of an event row (every field; strings borrowed). */
void ev_record(const row_events *ev, mtrk_store_event *r);
/* A copy of s (may be NULL) in the set's scratch memory, released with it;
 * *oom set when it cannot be made. */
char *fold_cache_keep(struct fold_cache *fc, const char *s, bool *oom);
/* Sets the effects of the staged event `id` (it must be staged). */
void fold_cache_set_effects(struct fold_cache *fc, mtrk_id id, int64_t effects);
/* Stages a message row (copied) for the flush. */
int fold_cache_stage_message(struct fold_cache *fc, const row_messages *m);
/* Writes what is staged. */
int fold_cache_flush(mtrk_tenant *t, struct fold_cache *fc);
/* Forgets the messages of `contact` (written by others than the event
 * path): the store is asked again. Only when not staging. */
int fold_cache_forget_contact(struct fold_cache *fc, mtrk_id contact);
/* The only contacts fold_cache_forget_contact will be asked about (the
 * batch's pinned ones; kept by the caller, NULL: any). */
void fold_cache_pinned(struct fold_cache *fc, const id_set *contacts);
/* Notes that (provider, peid) has event `id` of message mid and type `type`. */
int fold_cache_add_provider(struct fold_cache *fc, const char *provider, const char *peid, mtrk_id id, mtrk_id mid,
                            int64_t type);
/* The event stored or recorded under (provider, peid), if the set knows one. */
/* The batch's links, as read (links do not change during a batch): whether
 * lid's row is known (*found: it exists, with its campaign and origin),
 * and noting a row read. */
bool fold_cache_link(const struct fold_cache *fc, mtrk_id lid, bool *found, mtrk_id *campaign, int64_t *origin);
void fold_cache_note_link(struct fold_cache *fc, mtrk_id lid, bool found, mtrk_id campaign, int64_t origin);
bool fold_cache_find_provider(struct fold_cache *fc, const char *provider, const char *peid, mtrk_id *id,
                              mtrk_id *mid, int64_t *type);

/* ---- the typed operations of the event path (store_typed.c) -------------------- */

/* Does the store have them (contract version 4)? Else they go through the rows. */
bool st_typed(const mtrk_tenant *t);
/* fn gets each message found (strings borrowed for the call) and its events
 * past its mark, in events_by_message order. */
typedef int (*st_message_fn)(void *ud, const row_messages *m, const row_events *ev, size_t nev);
int st_messages_load(mtrk_tenant *t, const mtrk_id *mids, size_t n, st_message_fn fn, void *ud);
/* fn(ud, i, event) for each pair i that has a stored event. */
typedef int (*st_event_fn)(void *ud, size_t i, const row_events *ev);
int st_provider_ids_find(mtrk_tenant *t, const char *const *providers, const char *const *event_ids, size_t n,
                         st_event_fn fn, void *ud);
/* The event batch's own: records handed over as they are (converted to
 * rows only for a store without the typed operations). */
int st_events_append_records(mtrk_tenant *t, const mtrk_store_event *const *ev, size_t n);
int st_messages_load_records(mtrk_tenant *t, const mtrk_id *mids, size_t n, mtrk_store_message_fn fn, void *ud);
int st_messages_update(mtrk_tenant *t, const row_messages *m, const unsigned *masks, size_t n);
/* The listings' read (contract version 7): does the store have events_scan?
 * st_events_scan calls it, fn(ud, i, event) per event (strings borrowed for
 * the call); the caller reads through the rows when it has none. */
bool st_scannable(const mtrk_tenant *t);
int st_events_scan(mtrk_tenant *t, const mtrk_store_event_query *q, st_event_fn fn, void *ud);

#endif
