/*
 * Events: a message's facts, its row folded with its events; a contact's
 * history; the cache an event batch keeps on a remote store.
 */
#include "event_int.h"
#include "decide.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* uthash's default on a failed allocation is exit(-1): have HASH_ADD undo
 * the add instead (the item's hh.tbl is then NULL) and report MTRK_ENOMEM. */
#define HASH_NONFATAL_OOM 1
#include <uthash.h>

/* ---- a contact's events ------------------------------------------------------
 *
 * There is no index of events by contact: every event insert would write a
 * randomly placed entry into it (docs/performance.md). A contact's history is
 * read through its messages (messages_by_contact) and each message's events
 * (events_by_message); contacts have few messages, events are many. */

typedef struct mids_ctx {
    mtrk_id *v;
    size_t n, cap;
    bool oom;
} mids_ctx;

static int mids_cb(void *ud, void *row)
{
    mids_ctx *c = ud;
    if (c->n == c->cap) {
        mtrk_id *v = grow_array(c->v, &c->cap, sizeof *v, 16);
        if (v == NULL) {
            c->oom = true;
            return 1;
        }
        c->v = v;
    }
    c->v[c->n++] = ((const row_messages *)row)->id;
    return 0;
}

int core_contact_mids(mtrk_tenant *t, mtrk_id contact, mtrk_id **out, size_t *n)
{
    mids_ctx c = { NULL, 0, 0, false };
    mtrk_value pre[2] = { v_id(&t->id), v_id(&contact) };
    int rc = st_scan(t, T_MESSAGES, IDX_MESSAGES_CONTACT, pre, 2, NULL, 0, 0, mids_cb, &c);
    if (rc == MTRK_OK && c.oom)
        rc = terr(t, MTRK_ENOMEM, "out of memory");
    if (rc) {
        free(c.v);
        return rc;
    }
    *out = c.v;
    *n = c.n;
    return MTRK_OK;
}

int core_contact_events(mtrk_tenant *t, mtrk_id contact, st_row_fn fn, void *ud)
{
    mtrk_id *mids = NULL;
    size_t n = 0;
    int rc = core_contact_mids(t, contact, &mids, &n);
    for (size_t i = 0; rc == MTRK_OK && i < n; i++) {
        mtrk_value pre[2] = { v_id(&t->id), v_id(&mids[i]) };
        rc = st_scan(t, T_EVENTS, IDX_EVENTS_MESSAGE, pre, 2, NULL, 0, 0, fn, ud);
    }
    free(mids);
    return rc;
}

/* ---- a message's facts: its row folded with its events ---------------------- */




/* The row's mark: the position of the last event its facts include. */
bool mark_of(const row_messages *m, mark_pos *out)
{
    out->occurred = m->folded_occurred_at;
    out->arrived = m->folded_arrived_at;
    out->id = m->folded_event;
    return !id_is_nil(m->folded_event);
}

/* The start of the events of message mid past a mark, in events_by_message
 * after its (tenant, message) prefix: the sort key of an event at the mark
 * (sort_key_after). *at holds the values, which point into it. */
unsigned mark_start(const mtrk_tenant *t, mtrk_id mid, const mark_pos *p, row_events *at, mtrk_value *out)
{
    memset(at, 0, sizeof *at);
    at->tenant = t->id;
    at->message = mid;
    at->occurred_at = p->occurred;
    at->arrived_at = p->arrived;
    at->id = p->id;
    return sort_key_after(T_EVENTS, IDX_EVENTS_MESSAGE, 2, at, out);
}

void mark_set(row_messages *m, const mark_pos *p)
{
    m->folded_occurred_at = p->occurred;
    m->folded_arrived_at = p->arrived;
    m->folded_event = p->id;
}

link_seen *links_find(const link_set *ls, mtrk_id link)
{
    size_t lo = 0, hi = ls->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = memcmp(&ls->v[mid].link, &link, sizeof link);
        if (c == 0)
            return &ls->v[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Notes a click on `link` (by a human or not); MTRK_ENOMEM if it cannot. */
int links_add(link_set *ls, mtrk_id link, bool human)
{
    link_seen *e = links_find(ls, link);
    if (e != NULL) {
        e->human = e->human || human;
        return MTRK_OK;
    }
    if (ls->n == ls->cap) {
        link_seen *v = grow_array(ls->v, &ls->cap, sizeof *v, 4);
        if (v == NULL)
            return MTRK_ENOMEM;
        ls->v = v;
    }
    size_t at = ls->n;
    while (at > 0 && memcmp(&ls->v[at - 1].link, &link, sizeof link) > 0)
        at--;
    memmove(&ls->v[at + 1], &ls->v[at], (ls->n - at) * sizeof *ls->v);
    ls->v[at] = (link_seen){ link, human };
    ls->n++;
    /* The set stays ascending, without repeats (links_find's binary search). */
    assert(at == 0 || memcmp(&ls->v[at - 1].link, &link, sizeof link) < 0);
    assert(at + 1 == ls->n || memcmp(&link, &ls->v[at + 1].link, sizeof link) < 0);
    return MTRK_OK;
}

#define LINK_TEXT_LEN (MTRK_ID_STRLEN + 2) /* "UUID:c" */

/* Reads messages.folded_links into *ls (emptied first). */
static int links_parse(mtrk_tenant *t, link_set *ls, const char *text)
{
    ls->n = 0;
    for (const char *p = text; p != NULL && *p != '\0';) {
        char id[MTRK_ID_STRLEN + 1];
        mtrk_id link;
        if (strlen(p) < LINK_TEXT_LEN || p[MTRK_ID_STRLEN] != ':' ||
            (p[MTRK_ID_STRLEN + 1] != 'c' && p[MTRK_ID_STRLEN + 1] != 'h') ||
            (p[LINK_TEXT_LEN] != '\0' && p[LINK_TEXT_LEN] != ','))
            return terr(t, MTRK_ESTORE, "a message's folded_links is malformed: \"%.60s\"", text);
        memcpy(id, p, MTRK_ID_STRLEN);
        id[MTRK_ID_STRLEN] = '\0';
        if (mtrk_id_from_string(&link, id) != MTRK_OK)
            return terr(t, MTRK_ESTORE, "a message's folded_links is malformed: \"%.60s\"", text);
        if (links_add(ls, link, p[MTRK_ID_STRLEN + 1] == 'h'))
            return terr(t, MTRK_ENOMEM, "out of memory");
        p += LINK_TEXT_LEN + (p[LINK_TEXT_LEN] == ',');
    }
    return MTRK_OK;
}

/* messages.folded_links for *ls: a new string, or NULL when ls is empty. */
int links_format(const link_set *ls, char **out)
{
    *out = NULL;
    if (ls->n == 0)
        return MTRK_OK;
    char *s = malloc(ls->n * (LINK_TEXT_LEN + 1));
    if (s == NULL)
        return MTRK_ENOMEM;
    char *p = s;
    for (size_t i = 0; i < ls->n; i++) {
        if (i > 0)
            *p++ = ',';
        mtrk_id_to_string(p, ls->v[i].link);
        p[MTRK_ID_STRLEN] = ':';
        p[MTRK_ID_STRLEN + 1] = ls->v[i].human ? 'h' : 'c';
        p += LINK_TEXT_LEN;
    }
    *p = '\0';
    *out = s;
    return MTRK_OK;
}

/* Sets the row's mark and the fold's state at it (facts are set by the fold). */
static int summary_set(row_messages *m, const mark_pos *p, const link_set *ls)
{
    char *text;
    if (links_format(ls, &text))
        return MTRK_ENOMEM;
    free(m->folded_links);
    m->folded_links = text;
    mark_set(m, p);
    return MTRK_OK;
}

typedef struct fold_ctx {
    row_messages *m;
    link_set *links;  /* the links clicked, with the row's facts the fold's state */
    const char *pmid; /* the first provider message id met, when the row has none */
    st_row_fn each;
    void *ud;
    size_t visited;   /* events folded */
    mark_pos last;    /* the position of the last one */
    bool borrow;      /* pmid points to the event's own (the working set's scratch memory), not a copy */
} fold_ctx;

/* Folds one event (its row, or the fields the fold reads) into c->m. */
static int fold_one(fold_ctx *c, const decide_event *de, const char *pmid, const mark_pos *pos, mtrk_id link,
                    void *row)
{
    decide_message(c->m, de);
    if (de->type == MTRK_EV_CLICK && links_add(c->links, link, de->human))
        return MTRK_ENOMEM;
    if (c->m->provider_message_id == NULL && c->pmid == NULL && pmid != NULL &&
        (c->pmid = c->borrow ? pmid : strdup(pmid)) == NULL)
        return MTRK_ENOMEM;
    c->visited++;
    c->last = *pos;
    int rc = c->each ? c->each(c->ud, row) : 0;
    return rc < 0 ? rc : 0; /* every event is folded, whatever each says */
}

static int fold_cb(void *ud, void *row)
{
    const row_events *e = row;
    decide_event de = decide_event_of(e);
    mark_pos pos = { e->occurred_at, e->arrived_at, e->id };
    return fold_one(ud, &de, e->provider_message_id, &pos, e->link, row);
}

/* ---- the batch's working set ---------------------------------------------------
 * An event batch reads the messages of each of its slices (event.c), each
 * with the events past its mark, and the events stored under its provider
 * event ids, with one store call each, and keeps them, as the fold sees
 * them, until the slice ends. Its
 * own writes to them are staged: an event joins its message's entry and the
 * list of events to append, a message row written by the fold replaces the
 * entry's row; fold_cache_flush writes both with one call each. Exact: the
 * batch holds the tenant's write lock, and whatever else writes a message
 * or reads events of the batch (the effects of bounces, complaints and
 * unsubscribes on a contact, the soft-bounce history) runs after a flush,
 * and its contact's messages are then forgotten (fold_cache_forget_contact)
 * so that the store is asked again. */

typedef struct fold_ev {
    decide_event de;
    int64_t type, verdict, arrived;
    mtrk_id link, id;
    char *pmid; /* in the set's scratch memory; NULL when the event has none or the row has one */
} fold_ev;

typedef struct fold_entry {
    mtrk_id mid;
    bool known;        /* the set knows the message: found says whether it exists */
    bool found;
    bool dirty;        /* msg was changed by the batch: written at the flush */
    row_messages msg;  /* as stored, with the batch's changes (owned) */
    fold_ev *ev;       /* the events past the stored mark, with the batch's */
    size_t n, cap;
    fold_view view;    /* msg folded with ev, when view.valid (entry_view) */
} fold_entry;

/* A provider event id already stored or recorded by the batch, and its event. */
typedef struct prov_entry {
    UT_hash_handle hh;
    mtrk_id event;
    mtrk_id mid;  /* the event's message and type: a repeat naming others is a conflict */
    int64_t type;
    char key[]; /* provider, NUL, provider event id */
} prov_entry;

/* A chunk of the batch's scratch memory: the entries' event lists, their
 * provider message ids, the strings of staged events. */
typedef struct fold_chunk {
    struct fold_chunk *next;
    size_t used, cap;
    char data[];
} fold_chunk;

#define FOLD_LINKS 32 /* links a batch keeps (the clicks of a campaign name few) */

struct fold_cache {
    fold_entry *e; /* sorted by mid */
    size_t n;
    uint32_t *slot;   /* [nslot] open addressing by mid: entry + 1, 0 empty */
    size_t nslot;     /* a power of two, at least twice n */
    prov_entry *prov; /* the batch's provider event ids that have an event */
    mtrk_store_event *pend; /* staged events, in the order recorded, as events_append takes them */
    size_t npend, cappend;
    fold_chunk *mem;  /* the set's scratch memory, released with it */
    bool staging;     /* writes are staged (else written at once, and noted) */
    fold_entry *last; /* the entry fold_find found last */
    size_t next_load; /* the entry after the one messages_load handed last */
    const id_set *pinned; /* the contacts forget_contact may be asked about, or NULL */
    mtrk_id tenant;
    struct by_contact *cslot; /* [ncslot] the entries by contact, built when first needed */
    size_t ncslot;
    uint32_t *cnext;  /* [n] the next entry of the same contact + 1 */
    struct link_seen_row { /* links read by the batch's clicks (a campaign has few) */
        mtrk_id lid, campaign;
        int64_t origin;
        bool found;
    } links[FOLD_LINKS];
    size_t nlinks;
};

/* A contact and its first entry + 1 (0: an empty slot). */
struct by_contact {
    mtrk_id contact;
    uint32_t first;
};

/* The hash of an id's 16 bytes (ids are random or time-ordered: mix them all). */
static inline size_t id_hash(const mtrk_id *id)
{
    uint64_t a, b;
    memcpy(&a, id->bytes, 8);
    memcpy(&b, id->bytes + 8, 8);
    uint64_t h = (a ^ (b * UINT64_C(0x9E3779B97F4A7C15))) * UINT64_C(0xBF58476D1CE4E5B9);
    return (size_t)(h ^ (h >> 31));
}

int id_set_init(id_set *s, const mtrk_id *ids, size_t n)
{
    s->slot = NULL;
    s->nslot = 0;
    if (n == 0)
        return MTRK_OK;
    size_t ns = 16;
    while (ns < 2 * n)
        ns *= 2;
    if ((s->slot = calloc(ns, sizeof *s->slot)) == NULL)
        return MTRK_ENOMEM;
    s->nslot = ns;
    for (size_t i = 0; i < n; i++) {
        if (id_is_nil(ids[i]))
            continue;
        size_t j = id_hash(&ids[i]) & (ns - 1);
        while (!id_is_nil(s->slot[j]) && !id_same(&s->slot[j], &ids[i]))
            j = (j + 1) & (ns - 1);
        s->slot[j] = ids[i];
    }
    return MTRK_OK;
}

bool id_set_has(const id_set *s, const mtrk_id *id)
{
    if (s == NULL || s->nslot == 0)
        return false;
    for (size_t j = id_hash(id) & (s->nslot - 1);; j = (j + 1) & (s->nslot - 1)) {
        uint64_t w[2];
        memcpy(w, s->slot[j].bytes, 16);
        if ((w[0] | w[1]) == 0)
            return false;
        if (id_same(&s->slot[j], id))
            return true;
    }
}

void id_set_free(id_set *s)
{
    free(s->slot);
    s->slot = NULL;
    s->nslot = 0;
}

/* n bytes of the set's scratch memory (aligned for any use), or NULL. */
static void *fold_alloc(struct fold_cache *fc, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    fold_chunk *c = fc->mem;
    if (c == NULL || c->cap - c->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        if ((c = malloc(sizeof *c + cap)) == NULL)
            return NULL;
        c->next = fc->mem;
        c->used = 0;
        c->cap = cap;
        fc->mem = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    return p;
}

/* A copy of s in the set's scratch memory (NULL stays NULL); *oom on failure. */
static char *fold_strdup(struct fold_cache *fc, const char *s, bool *oom)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = fold_alloc(fc, n);
    if (p == NULL) {
        *oom = true;
        return NULL;
    }
    memcpy(p, s, n);
    return p;
}

/* A message row's own copy, and its release: the strings of a messages
 * row are its provider_message_id and folded_links (rows_copy and
 * rows_clear, without walking the table's columns). */
#ifndef NDEBUG
static unsigned text_columns(unsigned table)
{
    const mtrk_table_def *td = rows_table(table);
    unsigned n = 0;
    for (unsigned c = 0; c < td->ncols; c++)
        n += td->cols[c].type == MTRK_VAL_TEXT;
    return n;
}
#endif

static int msg_copy(row_messages *dst, const row_messages *src)
{
    *dst = *src;
    dst->provider_message_id = NULL;
    dst->folded_links = NULL;
    if ((src->provider_message_id != NULL && (dst->provider_message_id = strdup(src->provider_message_id)) == NULL) ||
        (src->folded_links != NULL && (dst->folded_links = strdup(src->folded_links)) == NULL)) {
        free(dst->provider_message_id);
        memset(dst, 0, sizeof *dst);
        return MTRK_ENOMEM;
    }
    return MTRK_OK;
}

static void msg_clear(row_messages *m)
{
    free(m->provider_message_id);
    free(m->folded_links);
    memset(m, 0, sizeof *m);
}

static prov_entry *prov_find(struct fold_cache *fc, const char *provider, const char *peid)
{
    size_t lp = strlen(provider), le = strlen(peid);
    char stack[256], *k = lp + le + 1 <= sizeof stack ? stack : malloc(lp + le + 1);
    if (k == NULL)
        return NULL;
    memcpy(k, provider, lp + 1);
    memcpy(k + lp + 1, peid, le);
    prov_entry *pe = NULL;
    HASH_FIND(hh, fc->prov, k, lp + le + 1, pe);
    if (k != stack)
        free(k);
    return pe;
}

/* Notes that (provider, peid) has event `id` of message mid and type `type`;
 * MTRK_ENOMEM if it cannot. */
static int prov_add(struct fold_cache *fc, const char *provider, const char *peid, mtrk_id id, mtrk_id mid,
                    int64_t type)
{
    if (prov_find(fc, provider, peid) != NULL)
        return MTRK_OK;
    size_t lp = strlen(provider), le = strlen(peid);
    prov_entry *pe = malloc(sizeof *pe + lp + le + 1);
    if (pe == NULL)
        return MTRK_ENOMEM;
    pe->event = id;
    pe->mid = mid;
    pe->type = type;
    memcpy(pe->key, provider, lp + 1);
    memcpy(pe->key + lp + 1, peid, le);
    HASH_ADD(hh, fc->prov, key[0], lp + le + 1, pe);
    if (pe->hh.tbl == NULL) {
        free(pe);
        return MTRK_ENOMEM;
    }
    return MTRK_OK;
}

static fold_entry *fold_find(struct fold_cache *fc, mtrk_id mid)
{
    if (fc == NULL || fc->nslot == 0)
        return NULL;
    /* An event's steps ask for its message several times in a row. */
    if (fc->last != NULL && id_same(&fc->last->mid, &mid))
        return fc->last;
    for (size_t i = id_hash(&mid) & (fc->nslot - 1);; i = (i + 1) & (fc->nslot - 1)) {
        uint32_t e = fc->slot[i];
        if (e == 0)
            return NULL;
        if (id_same(&fc->e[e - 1].mid, &mid))
            return fc->last = &fc->e[e - 1];
    }
}

static int ev_order(const fold_ev *a, const fold_ev *b)
{
    return pos_cmp(a->de.at, a->arrived, a->id, b->de.at, b->arrived, b->id);
}

/* ---- an entry's view: its row folded with its events ---------------------------
 * The fold of an entry (its row at the mark, then every event of the entry
 * past the mark, in events_by_message order: what fold_message gives for
 * the message) is kept with the entry once made, so that the batch's
 * events of one message do not fold its history again each. It stays that
 * fold by construction: fold_cached over the entry's events in order, made
 * in steps. The view notes how many of the entry's events it has read
 * (upto); an event added after them is read by the next reader, in its
 * turn, as one fold would read it; an event placed among them, a row
 * replaced or the entry forgotten drops the view, and the next reader makes
 * it again from the row. */

static void view_drop(fold_entry *fe)
{
    fe->view.valid = false;
    fe->view.upto = 0;
    fe->view.links.n = 0; /* its array is kept for the next view */
}

static int fold_cached(const fold_entry *fe, fold_ctx *c, const mark_pos *mark, size_t from);

/* Brings fe's view (fe known and found) up to its events: made from the
 * row when it has none, else extended by the events added since. */
static int view_update(mtrk_tenant *t, fold_entry *fe)
{
    fold_view *v = &fe->view;
    int rc = MTRK_OK;
    if (!v->valid) {
        v->m = fe->msg; /* its strings borrowed: the row's, or an event's (the set's memory) */
        v->m.folded_links = NULL; /* the links are v->links */
        v->links.n = 0;
        v->visited = 0;
        v->upto = 0;
        v->marked = mark_of(&fe->msg, &v->mark);
        if (!v->marked)
            decide_reset_facts(&v->m);
        else
            rc = links_parse(t, &v->links, fe->msg.folded_links);
    }
    fold_ctx c = { &v->m, &v->links, NULL, NULL, NULL, v->visited, { 0, 0, { { 0 } } }, true };
    (void)mark_of(&v->m, &c.last); /* where the view stands, should it read nothing */
    if (rc == MTRK_OK && (rc = fold_cached(fe, &c, v->marked ? &v->mark : NULL, v->upto)) == MTRK_OK) {
        if (c.pmid != NULL)
            v->m.provider_message_id = (char *)c.pmid;
        if (c.visited > 0)
            mark_set(&v->m, &c.last);
        v->visited = c.visited;
        v->upto = fe->n;
        v->valid = true;
    }
    if (rc) {
        view_drop(fe);
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
    }
    return MTRK_OK;
}

/* Adds event v (its provider message id pmid, may be NULL) to its entry, at
 * its place in events_by_message order. The entry's events and their
 * strings live in the set's scratch memory. */
static int fold_add_ev(struct fold_cache *fc, fold_entry *fe, fold_ev v, const char *pmid)
{
    if (fe->n == fe->cap) {
        size_t cap = fe->cap ? 2 * fe->cap : 4;
        fold_ev *p = fold_alloc(fc, cap * sizeof *p);
        if (p == NULL)
            return MTRK_ENOMEM;
        if (fe->n)
            memcpy(p, fe->ev, fe->n * sizeof *p);
        fe->ev = p;
        fe->cap = cap;
    }
    /* Only the first provider message id matters, when the row has none. */
    bool oom = false;
    if (pmid != NULL && fe->msg.provider_message_id == NULL &&
        ((v.pmid = fold_strdup(fc, pmid, &oom)) == NULL || oom))
        return MTRK_ENOMEM;
    size_t at = fe->n;
    while (at > 0 && ev_order(&fe->ev[at - 1], &v) > 0)
        at--;
    if (at < fe->n) /* most events come last: nothing to move */
        memmove(&fe->ev[at + 1], &fe->ev[at], (fe->n - at) * sizeof *fe->ev);
    fe->ev[at] = v;
    fe->n++;
    if (at < fe->view.upto) /* among the events the view has read */
        view_drop(fe);
    return MTRK_OK;
}

static int fold_add(struct fold_cache *fc, fold_entry *fe, const row_events *e)
{
    fold_ev v = { decide_event_of(e), e->type, e->verdict, e->arrived_at, e->link, e->id, NULL };
    return fold_add_ev(fc, fe, v, e->provider_message_id);
}

/* The same, from the store's record. */
static int fold_add_rec(struct fold_cache *fc, fold_entry *fe, const mtrk_store_event *e)
{
    fold_ev v = { decide_event_make(e->type, e->bounce_kind, e->effects, e->verdict, e->occurred_at), e->type,
                  e->verdict, e->arrived_at, e->link, e->id, NULL };
    return fold_add_ev(fc, fe, v, e->provider_message_id);
}

static void entry_forget(fold_entry *fe)
{
    fe->ev = NULL; /* in the set's scratch memory */
    fe->n = fe->cap = 0;
    msg_clear(&fe->msg);
    view_drop(fe);
    fe->known = fe->found = fe->dirty = false;
}

static void pend_clear(struct fold_cache *fc)
{
    fc->npend = 0; /* their strings are in fc->mem */
}

void fold_cache_free(struct fold_cache *fc)
{
    if (fc == NULL)
        return;
    for (size_t i = 0; i < fc->n; i++) { /* the rows' two strings, the views' links (the rest is released whole) */
        free(fc->e[i].msg.provider_message_id);
        free(fc->e[i].msg.folded_links);
        free(fc->e[i].view.links.v);
    }
    free(fc->e);
    free(fc->slot);
    pend_clear(fc);
    free(fc->pend);
    free(fc->cslot);
    free(fc->cnext);
    for (fold_chunk *c = fc->mem, *next; c != NULL; c = next) {
        next = c->next;
        free(c);
    }
    prov_entry *pe, *tmp;
    HASH_ITER(hh, fc->prov, pe, tmp) {
        HASH_DEL(fc->prov, pe);
        free(pe);
    }
    free(fc);
}

static int load_cb(void *ud, const row_messages *m, const row_events *ev, size_t nev)
{
    fold_entry *fe = fold_find(ud, m->id);
    if (fe == NULL || fe->known)
        return 0;
    if (msg_copy(&fe->msg, m))
        return MTRK_ENOMEM;
    fe->known = fe->found = true;
    for (size_t i = 0; i < nev; i++)
        if (fold_add(ud, fe, &ev[i]))
            return MTRK_ENOMEM;
    return 0;
}

/* messages_load's records, taken as they come: the message's row made once
 * (its two strings copied), each event's fold fields read from its record. */
static int load_rec_cb(void *ud, const mtrk_store_message *m, const mtrk_store_event *const *ev, size_t nev)
{
    struct fold_cache *fc = ud;
    /* A store that hands them in the order asked (the entries' order)
     * needs no look-up. */
    fold_entry *fe = fc->next_load < fc->n && id_same(&fc->e[fc->next_load].mid, &m->id) ? &fc->e[fc->next_load]
                                                                                      : fold_find(fc, m->id);
    if (fe == NULL || fe->known)
        return 0;
    fc->next_load = (size_t)(fe - fc->e) + 1;
    st_message_row(fc->tenant, m, &fe->msg); /* its strings borrowed, then copied */
    char *pmid = fe->msg.provider_message_id, *links = fe->msg.folded_links;
    fe->msg.provider_message_id = fe->msg.folded_links = NULL;
    if ((pmid != NULL && (fe->msg.provider_message_id = strdup(pmid)) == NULL) ||
        (links != NULL && (fe->msg.folded_links = strdup(links)) == NULL))
        return MTRK_ENOMEM; /* fold_cache_free releases what was copied */
    fe->known = fe->found = true;
    for (size_t i = 0; i < nev; i++)
        if (fold_add_rec(fc, fe, ev[i]))
            return MTRK_ENOMEM;
    return 0;
}

static int prov_cb(void *ud, size_t i, const row_events *e)
{
    (void)i;
    if (!has_provider_id(e->provider, e->provider_event_id))
        return 0;
    return prov_add(ud, e->provider, e->provider_event_id, e->id, e->message, e->type);
}

/* The set for the batch's messages (events[i]->mid of valid events) and
 * provider event ids: one st_messages_load, one st_provider_ids_find. */
int fold_cache_load(mtrk_tenant *t, const mtrk_event_input *const *events, const int *invalid, size_t n,
                    const mtrk_id *mids, size_t nmids, const fold_preload *pre, struct fold_cache **out)
{
    *out = NULL;
    /* The strings msg_copy copies are all a message row's; the staged
     * events borrow theirs (fold_cache_stage_event). */
    assert(text_columns(T_MESSAGES) == 2);
    struct fold_cache *fc = calloc(1, sizeof *fc);
    if (fc == NULL || (nmids && (fc->e = malloc(nmids * sizeof *fc->e)) == NULL) ||
        (n && (fc->pend = malloc(n * sizeof *fc->pend)) == NULL)) {
        if (fc != NULL) {
            free(fc->e);
            free(fc);
        }
        return terr(t, MTRK_ENOMEM, "out of memory");
    }
    fc->cappend = n; /* the batch stages at most its own events */
    fc->tenant = t->id;
    for (size_t i = 0; i < nmids; i++) {
        assert(i == 0 || mtrk_id_compare(mids[i - 1], mids[i]) < 0); /* ascending, once each */
        fold_entry *fe = &fc->e[fc->n++];
        /* What entry_forget reads; the row is set when the message is found. */
        fe->mid = mids[i];
        fe->known = fe->found = fe->dirty = false;
        fe->ev = NULL;
        fe->n = fe->cap = 0;
        fe->msg.provider_message_id = fe->msg.folded_links = NULL;
        fe->view.valid = false;
        fe->view.upto = 0;
        fe->view.links = (link_set){ NULL, 0, 0 };
    }
    fc->nslot = 16;
    while (fc->nslot < 2 * nmids)
        fc->nslot *= 2;
    if (nmids > UINT32_MAX - 1 || (fc->slot = calloc(fc->nslot, sizeof *fc->slot)) == NULL) {
        free(fc->e);
        free(fc->pend);
        free(fc);
        return terr(t, MTRK_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < fc->n; i++) {
        size_t j = id_hash(&fc->e[i].mid) & (fc->nslot - 1);
        while (fc->slot[j] != 0)
            j = (j + 1) & (fc->nslot - 1);
        fc->slot[j] = (uint32_t)(i + 1);
    }
    const char **prov = malloc((n ? n : 1) * sizeof *prov), **peid = malloc((n ? n : 1) * sizeof *peid);
    int rc = prov == NULL || peid == NULL ? MTRK_ENOMEM : MTRK_OK;
    /* What the caller read ahead, then the store for the rest. A
     * preloaded id the batch does not have is not in the set (load_cb
     * skips it); a batch id the preload lacks is read. */
    for (size_t i = 0; rc == MTRK_OK && pre != NULL && i < pre->n; i++)
        rc = load_cb(fc, &pre->m[i], pre->ev[i], pre->nev[i]);
    mtrk_id *rest = NULL;
    size_t nrest = 0;
    if (rc == MTRK_OK && pre != NULL) {
        rest = malloc((fc->n ? fc->n : 1) * sizeof *rest);
        if (rest == NULL)
            rc = MTRK_ENOMEM;
        for (size_t i = 0; rc == MTRK_OK && i < fc->n; i++) {
            bool have = false;
            size_t lo = 0, hi = pre->n;
            while (lo < hi && !have) { /* pre->m is sorted by id */
                size_t mid = lo + (hi - lo) / 2;
                int c = id_cmp(&pre->m[mid].id, &fc->e[i].mid);
                have = c == 0;
                if (c < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (!have)
                rest[nrest++] = fc->e[i].mid;
        }
    }
    if (rc == MTRK_OK && (pre == NULL || nrest > 0))
        rc = st_messages_load_records(t, pre == NULL ? mids : rest, pre == NULL ? fc->n : nrest, load_rec_cb, fc);
    free(rest);
    /* Messages not found are known to be absent. */
    for (size_t i = 0; rc == MTRK_OK && i < fc->n; i++)
        fc->e[i].known = true;
    /* Only valid events' ids: a store may refuse a malformed text outright,
     * and an invalid event is that event's own error. */
    size_t np = 0;
    for (size_t i = 0; rc == MTRK_OK && i < n; i++)
        if (!invalid[i] && has_provider_id(events[i]->provider, events[i]->provider_event_id)) {
            prov[np] = events[i]->provider;
            peid[np] = events[i]->provider_event_id;
            np++;
        }
    if (rc == MTRK_OK && np)
        rc = st_provider_ids_find(t, prov, peid, np, prov_cb, fc);
    free(prov);
    free(peid);
    if (rc) {
        fold_cache_free(fc);
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
    }
    fc->staging = true;
    *out = fc;
    return MTRK_OK;
}

bool fold_cache_staging(const struct fold_cache *fc) { return fc != NULL && fc->staging; }

int fold_cache_stop_staging(mtrk_tenant *t, struct fold_cache *fc)
{
    int rc = fold_cache_flush(t, fc);
    if (fc != NULL)
        fc->staging = false;
    return rc;
}

int fold_cache_note_event(struct fold_cache *fc, const row_events *ev)
{
    fold_entry *fe = fold_find(fc, ev->message);
    return fe != NULL && fe->known ? fold_add(fc, fe, ev) : MTRK_OK;
}

int fold_cache_note_message(struct fold_cache *fc, const row_messages *m)
{
    fold_entry *fe = fold_find(fc, m->id);
    if (fe == NULL || !fe->known)
        return MTRK_OK;
    row_messages copy;
    if (msg_copy(&copy, m))
        return MTRK_ENOMEM;
    msg_clear(&fe->msg);
    fe->msg = copy;
    view_drop(fe);
    return MTRK_OK;
}

bool fold_cache_get(struct fold_cache *fc, mtrk_id mid, row_messages *out, int *rc)
{
    fold_entry *fe = fold_find(fc, mid);
    if (fe == NULL || !fe->known)
        return false;
    if (!fe->found) {
        memset(out, 0, sizeof *out);
        *rc = MTRK_ENOTFOUND;
    } else {
        *rc = msg_copy(out, &fe->msg) ? MTRK_ENOMEM : MTRK_OK;
    }
    return true;
}

bool fold_cache_folded(mtrk_tenant *t, struct fold_cache *fc, mtrk_id mid, const fold_view **out, int *rc)
{
    fold_entry *fe = fold_find(fc, mid);
    if (fe == NULL || !fe->known)
        return false;
    *out = NULL;
    if (!fe->found)
        *rc = MTRK_ENOTFOUND;
    else if ((*rc = fe->view.valid && fe->view.upto == fe->n ? MTRK_OK : view_update(t, fe)) == MTRK_OK)
        *out = &fe->view;
    return true;
}

char *fold_cache_keep(struct fold_cache *fc, const char *s, bool *oom) { return fold_strdup(fc, s, oom); }

void ev_record(const row_events *ev, mtrk_store_event *r)
{
    r->version = MTRK_STORE_EVENT_VERSION;
    r->id = ev->id;
    r->message = ev->message;
    r->campaign = ev->campaign;
    r->contact = ev->contact;
    r->type = ev->type;
    r->link = ev->link;
    r->occurred_at = ev->occurred_at;
    r->arrived_at = ev->arrived_at;
    r->occurred_hour = ev->occurred_hour;
    r->provider = ev->provider;
    r->provider_event_id = ev->provider_event_id;
    r->provider_message_id = ev->provider_message_id;
    r->bounce_kind = ev->bounce_kind;
    r->diagnostic = ev->diagnostic;
    r->user_agent = ev->user_agent;
    r->ip = ev->ip;
    r->verdict = ev->verdict;
    r->verdict_reason = ev->verdict_reason;
    r->unsub_scope = ev->unsub_scope;
    r->unsub_audience = ev->unsub_audience;
    r->unsub_source = ev->unsub_source;
    r->effects = ev->effects;
}

int fold_cache_stage_event(struct fold_cache *fc, const row_events *ev)
{
    assert(fc->staging);
    if (fc->npend == fc->cappend) {
        mtrk_store_event *p = grow_array(fc->pend, &fc->cappend, sizeof *p, 64);
        if (p == NULL)
            return MTRK_ENOMEM;
        fc->pend = p;
    }
    /* The record events_append takes, made once; its strings borrowed. */
    ev_record(ev, &fc->pend[fc->npend]);
    fc->npend++;
    fold_entry *fe = fold_find(fc, ev->message);
    return fe != NULL && fe->known ? fold_add(fc, fe, ev) : MTRK_OK;
}

void fold_cache_set_effects(struct fold_cache *fc, mtrk_id id, int64_t effects)
{
    for (size_t i = fc->npend; i-- > 0;)
        if (id_eq(fc->pend[i].id, id)) {
            fc->pend[i].effects = effects;
            return;
        }
    assert(!"the event is staged");
}

int fold_cache_stage_message(struct fold_cache *fc, const row_messages *m)
{
    fold_entry *fe = fold_find(fc, m->id);
    /* Every message of the batch has an entry, known while staging. */
    assert(fc->staging && fe != NULL && fe->known);
    if (fe == NULL)
        return MTRK_ENOMEM;
    row_messages copy;
    if (msg_copy(&copy, m))
        return MTRK_ENOMEM;
    msg_clear(&fe->msg);
    fe->msg = copy;
    view_drop(fe);
    fe->dirty = true;
    return MTRK_OK;
}

int fold_cache_flush(mtrk_tenant *t, struct fold_cache *fc)
{
    if (fc == NULL)
        return MTRK_OK;
    int rc = MTRK_OK;
    if (fc->npend > 0) {
        const mtrk_store_event **ptrs = malloc(fc->npend * sizeof *ptrs);
        if (ptrs == NULL)
            return terr(t, MTRK_ENOMEM, "out of memory");
        for (size_t i = 0; i < fc->npend; i++)
            ptrs[i] = &fc->pend[i];
        rc = st_events_append_records(t, ptrs, fc->npend);
        free(ptrs);
    }
    pend_clear(fc);
    size_t nd = 0;
    for (size_t i = 0; i < fc->n; i++)
        nd += fc->e[i].dirty;
    if (rc || nd == 0)
        return rc;
    row_messages *rows = malloc(nd * sizeof *rows);
    unsigned *masks = malloc(nd * sizeof *masks);
    if (rows == NULL || masks == NULL) {
        free(rows);
        free(masks);
        return terr(t, MTRK_ENOMEM, "out of memory");
    }
    nd = 0;
    for (size_t i = 0; i < fc->n; i++)
        if (fc->e[i].dirty) {
            rows[nd] = fc->e[i].msg; /* shallow: the entry keeps the strings */
            masks[nd++] = 0;
            fc->e[i].dirty = false;
        }
    rc = st_messages_update(t, rows, masks, nd);
    free(rows);
    free(masks);
    return rc;
}

/* The slot of `contact` in cs: its own, or the empty one where it goes. */
static struct by_contact *contact_slot(struct by_contact *cs, size_t nslot, const mtrk_id *contact)
{
    size_t j = id_hash(contact) & (nslot - 1);
    while (cs[j].first != 0 && !id_same(&cs[j].contact, contact))
        j = (j + 1) & (nslot - 1);
    return &cs[j];
}

void fold_cache_pinned(struct fold_cache *fc, const id_set *contacts)
{
    if (fc != NULL)
        fc->pinned = contacts;
}

int fold_cache_forget_contact(struct fold_cache *fc, mtrk_id contact)
{
    if (fc == NULL || fc->n == 0)
        return MTRK_OK;
    if (fc->pinned != NULL && !id_set_has(fc->pinned, &contact)) {
        /* not indexed (the batch pins every contact it asks about): a walk */
        for (size_t i = 0; i < fc->n; i++)
            if (fc->e[i].known && fc->e[i].found && id_same(&fc->e[i].msg.contact, &contact)) {
                assert(!fc->e[i].dirty);
                entry_forget(&fc->e[i]);
            }
        return MTRK_OK;
    }
    /* Contacts of entries never change (a message keeps its contact), so
     * the index built from the loaded rows stays right. */
    if (fc->cslot == NULL) {
        /* Only the pinned contacts are indexed: as many slots as their set's. */
        fc->ncslot = fc->pinned != NULL && fc->pinned->nslot > 0 ? fc->pinned->nslot : fc->nslot;
        struct by_contact *cs = calloc(fc->ncslot, sizeof *cs);
        uint32_t *cn = calloc(fc->n, sizeof *cn);
        if (cs == NULL || cn == NULL) {
            free(cs);
            free(cn);
            return MTRK_ENOMEM;
        }
        for (size_t i = 0; i < fc->n; i++)
            if (fc->e[i].known && fc->e[i].found &&
                (fc->pinned == NULL || id_set_has(fc->pinned, &fc->e[i].msg.contact))) {
                struct by_contact *b = contact_slot(cs, fc->ncslot, &fc->e[i].msg.contact);
                b->contact = fc->e[i].msg.contact;
                cn[i] = b->first;
                b->first = (uint32_t)(i + 1);
            }
        fc->cslot = cs;
        fc->cnext = cn;
    }
    for (uint32_t x = contact_slot(fc->cslot, fc->ncslot, &contact)->first; x != 0; x = fc->cnext[x - 1]) {
        fold_entry *fe = &fc->e[x - 1];
        assert(!fe->dirty); /* nothing is staged then */
        if (fe->known)
            entry_forget(fe);
    }
    return MTRK_OK;
}

/* Folds the cached events of m past its mark, from fe->ev[from] on; each
 * sees a row with the fields link_cb and the rebuild read (type, link,
 * verdict, occurred_at, arrived_at, id). The entry may hold events at or
 * before the mark (the row was written during the batch): those are in the
 * row's facts already. */
static int fold_cached(const fold_entry *fe, fold_ctx *c, const mark_pos *mark, size_t from)
{
    for (size_t i = from; i < fe->n; i++) {
        const fold_ev *v = &fe->ev[i];
        mark_pos pos = { v->de.at, v->arrived, v->id };
        /* The entry is in events_by_message order, as a scan would give it. */
        assert(i == 0 || pos_cmp(fe->ev[i - 1].de.at, fe->ev[i - 1].arrived, fe->ev[i - 1].id, pos.occurred,
                                 pos.arrived, pos.id) < 0);
        if (mark != NULL && mark_cmp(&pos, mark) <= 0)
            continue;
        row_events e; /* made only for a caller that reads rows (each) */
        if (c->each != NULL) {
            memset(&e, 0, sizeof e);
            e.id = v->id;
            e.message = c->m->id;
            e.type = v->type;
            e.link = v->link;
            e.verdict = v->verdict;
            e.occurred_at = v->de.at;
            e.arrived_at = v->arrived;
        }
        int rc = fold_one(c, &v->de, v->pmid, &pos, v->link, c->each != NULL ? &e : NULL);
        if (rc)
            return rc;
    }
    return MTRK_OK;
}

/* The fold (see core_message_fold); `all`: from the row's state over every
 * event, whatever its mark (the rebuild). *visited: events folded. The
 * fold's state is the row's facts and the links clicked: read from the row
 * at its mark, it is complete by construction (summary_set writes both).
 * links (may be NULL): set to the links clicked, owned by the caller. */
int fold_message(mtrk_tenant *t, row_messages *m, bool all, st_row_fn each, void *ud, size_t *visited,
                        link_set *links)
{
    link_set own = { NULL, 0, 0 };
    link_set *ls = links != NULL ? links : &own;
    ls->n = 0;
    fold_ctx c = { m, ls, NULL, each, ud, 0, { 0, 0, { { 0 } } }, false };
    mark_pos mark = { 0, 0, { { 0 } } };
    bool marked = !all && mark_of(m, &mark);
    int rc = MTRK_OK;
    if (!marked)
        decide_reset_facts(m);
    else
        rc = links_parse(t, ls, m->folded_links);
    fold_entry *fe = all ? NULL : fold_find(t->fold, m->id);
    if (fe != NULL && !fe->known)
        fe = NULL;
    if (rc) {
        /* the row's summary is unreadable: nothing folded */
    } else if (fe != NULL) {
        rc = fold_cached(fe, &c, marked ? &mark : NULL, 0);
    } else {
        mtrk_value pre[2] = { v_id(&t->id), v_id(&m->id) };
        row_events at;
        mtrk_value start[COL_events__COUNT];
        unsigned ns = marked ? mark_start(t, m->id, &mark, &at, start) : 0;
        rc = st_scan(t, T_EVENTS, IDX_EVENTS_MESSAGE, pre, 2, marked ? start : NULL, ns,
                     marked ? MTRK_SCAN_AFTER : 0, fold_cb, &c);
    }
    if (rc == MTRK_OK && c.pmid != NULL) {
        m->provider_message_id = (char *)c.pmid;
        c.pmid = NULL;
    }
    free((char *)c.pmid);
    /* The facts and links now include every event up to the last one
     * folded: a row written back with them carries that mark. */
    if (rc == MTRK_OK && c.visited > 0 && summary_set(m, &c.last, ls))
        rc = MTRK_ENOMEM;
    else if (rc == MTRK_OK && !marked && c.visited == 0 && m->folded_links != NULL) {
        free(m->folded_links);
        m->folded_links = NULL;
    }
    free(own.v);
    if (visited)
        *visited = c.visited;
    return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
}

int core_message_fold(mtrk_tenant *t, row_messages *m, st_row_fn each, void *ud)
{
    return fold_message(t, m, false, each, ud, NULL, NULL);
}

int core_message_fold_all(mtrk_tenant *t, row_messages *m, st_row_fn each, void *ud)
{
    return fold_message(t, m, true, each, ud, NULL, NULL);
}

int core_message_get(mtrk_tenant *t, row_messages *m)
{
    int rc = st_get(t, T_MESSAGES, m);
    if (rc == MTRK_OK && (rc = core_message_fold(t, m, NULL, NULL)))
        rows_clear(T_MESSAGES, m);
    return rc;
}

int core_message_settle(mtrk_tenant *t, row_messages *m, bool *moved)
{
    int64_t stored = m->state;
    int rc = core_message_fold(t, m, NULL, NULL);
    *moved = rc == MTRK_OK && m->state != stored;
    if (*moved && (stored == MTRK_MSG_QUEUED || stored == MTRK_MSG_CLAIMED))
        rc = st_update(t, T_MESSAGES, m);
    return rc;
}

int fold_cache_add_provider(struct fold_cache *fc, const char *provider, const char *peid, mtrk_id id, mtrk_id mid,
                            int64_t type)
{
    return fc != NULL ? prov_add(fc, provider, peid, id, mid, type) : MTRK_OK;
}

bool fold_cache_find_provider(struct fold_cache *fc, const char *provider, const char *peid, mtrk_id *id,
                              mtrk_id *mid, int64_t *type)
{
    prov_entry *pe = fc != NULL ? prov_find(fc, provider, peid) : NULL;
    if (pe == NULL)
        return false;
    *id = pe->event;
    *mid = pe->mid;
    *type = pe->type;
    return true;
}


bool fold_cache_link(const struct fold_cache *fc, mtrk_id lid, bool *found, mtrk_id *campaign, int64_t *origin)
{
    for (size_t i = 0; fc != NULL && i < fc->nlinks; i++)
        if (id_eq(fc->links[i].lid, lid)) {
            *found = fc->links[i].found;
            *campaign = fc->links[i].campaign;
            *origin = fc->links[i].origin;
            return true;
        }
    return false;
}

void fold_cache_note_link(struct fold_cache *fc, mtrk_id lid, bool found, mtrk_id campaign, int64_t origin)
{
    if (fc != NULL && fc->nlinks < FOLD_LINKS)
        fc->links[fc->nlinks++] = (struct link_seen_row){ lid, campaign, origin, found };
}

/* ---- messages read ahead (fold_preload) ---------------------------------------- */

static int preload_cb(void *ud, const row_messages *m, const row_events *ev, size_t nev)
{
    fold_preload *p = ud;
    row_events *copy = nev ? calloc(nev, sizeof *copy) : NULL;
    if (nev && copy == NULL)
        return MTRK_ENOMEM;
    size_t copied = 0;
    int rc = MTRK_OK;
    for (; copied < nev; copied++)
        if (rows_copy(T_EVENTS, &copy[copied], &ev[copied])) {
            rc = MTRK_ENOMEM;
            break;
        }
    if (rc == MTRK_OK && rows_copy(T_MESSAGES, &p->m[p->n], m))
        rc = MTRK_ENOMEM;
    if (rc) {
        for (size_t j = 0; j < copied; j++)
            rows_clear(T_EVENTS, &copy[j]);
        free(copy);
        return rc;
    }
    p->ev[p->n] = copy;
    p->nev[p->n] = nev;
    p->n++;
    return 0;
}

static int preload_cmp(const void *a, const void *b)
{
    return id_cmp(&((const row_messages *)a)->id, &((const row_messages *)b)->id);
}

int fold_preload_read(mtrk_tenant *t, const mtrk_id *mids, size_t n, fold_preload *out)
{
    memset(out, 0, sizeof *out);
    size_t cap = n ? n : 1;
    out->m = calloc(cap, sizeof *out->m);
    out->ev = calloc(cap, sizeof *out->ev);
    out->nev = calloc(cap, sizeof *out->nev);
    int rc = out->m == NULL || out->ev == NULL || out->nev == NULL ? MTRK_ENOMEM : MTRK_OK;
    for (size_t i = 1; rc == MTRK_OK && i < n; i++)
        assert(id_cmp(&mids[i - 1], &mids[i]) < 0); /* ascending, once each */
    if (rc == MTRK_OK)
        rc = st_messages_load(t, mids, n, preload_cb, out);
    if (rc == MTRK_OK && out->n > 1) {
        /* The store hands them in any order: sort m, ev and nev together. */
        row_messages *m = malloc(out->n * sizeof *m);
        row_events **ev = malloc(out->n * sizeof *ev);
        size_t *nev = malloc(out->n * sizeof *nev);
        if (m == NULL || ev == NULL || nev == NULL) {
            rc = MTRK_ENOMEM;
        } else {
            /* Sort a copy of the rows, then find each one's old place by id. */
            memcpy(m, out->m, out->n * sizeof *m);
            qsort(m, out->n, sizeof *m, preload_cmp);
            for (size_t i = 0; i < out->n; i++) {
                const row_messages *hit = bsearch(&out->m[i], m, out->n, sizeof *m, preload_cmp);
                size_t at = (size_t)(hit - m);
                ev[at] = out->ev[i];
                nev[at] = out->nev[i];
            }
            memcpy(out->m, m, out->n * sizeof *m);
            memcpy(out->ev, ev, out->n * sizeof *ev);
            memcpy(out->nev, nev, out->n * sizeof *nev);
        }
        free(m);
        free(ev);
        free(nev);
    }
    if (rc) {
        fold_preload_free(out);
        return rc == MTRK_ENOMEM ? terr(t, rc, "out of memory") : rc;
    }
    return MTRK_OK;
}

void fold_preload_free(fold_preload *p)
{
    for (size_t i = 0; i < p->n; i++) {
        rows_clear(T_MESSAGES, &p->m[i]);
        for (size_t j = 0; j < p->nev[i]; j++)
            rows_clear(T_EVENTS, &p->ev[i][j]);
        free(p->ev[i]);
    }
    free(p->m);
    free(p->ev);
    free(p->nev);
    memset(p, 0, sizeof *p);
}
