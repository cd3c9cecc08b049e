/*
 * The SQLite store's typed event operations, called on the store itself
 * (mtrk_store_sqlite_new), on a file with one tenant and its messages:
 *
 *   - an event is appended under its own message's integer key, whether
 *     messages_load read the message in the transaction or not, for every
 *     message of a batch larger than any one statement, also when later
 *     loads of the transaction (more messages than the store keeps keys
 *     of) came between the message's load and the append;
 *   - an event's campaign and contact are its message's: through the view
 *     and in messages_load's records (the row keeps neither, schema 16);
 *   - an event whose message does not exist, or is another tenant's, or
 *     whose campaign does not exist, is refused with MTRK_ENOTFOUND, also
 *     when messages_load read the message under the other tenant in the
 *     same transaction;
 *   - a message deleted through the rows after messages_load read it is
 *     not appended to under its old key;
 *   - a message's events come in (occurred_at, arrived_at, id) order, events
 *     of equal times appended out of id order too, and past a mark at those
 *     times only the ones after its event;
 *   - an append that conflicts (an id repeated) fails with MTRK_EEXISTS and
 *     leaves nothing of the batch; the transaction refuses further writes
 *     until it is rolled back, and the store works again afterwards;
 *   - a campaign's events scanned through events_by_campaign a page at a
 *     time, each page resuming after the last row's (hour, id), give every
 *     event once (thousands in one hour: schema 17 resumes through the
 *     row's key), and a start whose id names no event is refused.
 */
#include "rel.h"

#include <mtrk/store.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NMSG 3000

static mtrk_store *st;
static char path[4200];

#define ST_OK(expr)                                                                                    \
    do {                                                                                               \
        int rc_ = (expr);                                                                              \
        if (rc_ != MTRK_OK)                                                                            \
            rel_die("%s:%d: %s = %s: %s", __FILE__, __LINE__, #expr, mtrk_strerror(rc_), st->errmsg(st)); \
    } while (0)
#define ST_EXPECT(want, expr)                                                                          \
    do {                                                                                               \
        int rc_ = (expr);                                                                              \
        if (rc_ != (want))                                                                             \
            rel_die("%s:%d: %s = %s, expected %s (%s)", __FILE__, __LINE__, #expr, mtrk_strerror(rc_),  \
                    mtrk_strerror(want), st->errmsg(st));                                              \
    } while (0)

/* An event of message `mid` whose id is the message's with its first byte
 * inverted (so that a check can tell which message each event names). */
static mtrk_store_event event_of(mtrk_id mid, mtrk_id campaign, int salt)
{
    mtrk_store_event e;
    memset(&e, 0, sizeof e);
    e.version = MTRK_STORE_EVENT_VERSION;
    e.id = mid;
    e.id.bytes[0] ^= 0xff;
    e.id.bytes[1] ^= (uint8_t)salt;
    e.message = mid;
    e.campaign = campaign;
    e.type = MTRK_EV_SENT;
    e.occurred_at = 1767225600000 + salt;
    e.arrived_at = e.occurred_at + 1;
    e.occurred_hour = mtrk_store_event_hour(e.occurred_at);
    return e;
}

static int count_cb(void *ud, const mtrk_store_message *m, const mtrk_store_event *const *ev, size_t n)
{
    (void)m;
    (void)ev;
    (void)n;
    ++*(size_t *)ud;
    return 0;
}

/* Counts the events messages_load gives whose campaign and contact are
 * not their message's. */
static int own_cb(void *ud, const mtrk_store_message *m, const mtrk_store_event *const *ev, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(&ev[i]->campaign, &m->campaign, sizeof m->campaign) != 0 ||
            memcmp(&ev[i]->contact, &m->contact, sizeof m->contact) != 0 ||
            memcmp(&ev[i]->message, &m->id, sizeof m->id) != 0)
            ++*(size_t *)ud;
    return 0;
}

/* What messages_load gave for one message: its record and the last id
 * byte of each event, in the order given. */
typedef struct ties_seen {
    mtrk_store_message msg;
    size_t n;
    int last[16];
} ties_seen;

static int ties_cb(void *ud, const mtrk_store_message *m, const mtrk_store_event *const *ev, size_t n)
{
    ties_seen *t = ud;
    t->msg = *m;
    t->n = n;
    for (size_t i = 0; i < n && i < 16; i++)
        t->last[i] = ev[i]->id.bytes[15];
    return 0;
}

static int64_t q_int(const char *sql)
{
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        rel_die("cannot open %s", path);
    int64_t v = rel_q_int(db, sql);
    sqlite3_close(db);
    return v;
}

/* Events, through the view, whose id names their message (event_of). */
static int64_t events_on_their_message(void)
{
    return q_int("SELECT count(*) FROM events WHERE substr(id, 2) = substr(message, 2) AND id <> message");
}

/* A paged scan's page: the rows' count, and the last row's sort key after
 * the prefix (hour, tenant, id: mtrk_store_sort_key), as the next start. */
typedef struct scan_page {
    unsigned key[8], nkey; /* the sort key's columns after the prefix */
    size_t n, max;
    unsigned char bytes[8][16]; /* the blobs of the last row's start */
    mtrk_value start[8];
    unsigned id_col;
    int64_t idsum; /* of every row's id bytes 1 and 15, across pages */
} scan_page;

static int page_cb(void *ud, const mtrk_value *row)
{
    scan_page *p = ud;
    for (unsigned j = 0; j < p->nkey; j++) {
        p->start[j] = row[p->key[j]];
        if (p->start[j].type == MTRK_VAL_BLOB) {
            memcpy(p->bytes[j], row[p->key[j]].p, 16);
            p->start[j].p = p->bytes[j];
        }
    }
    const unsigned char *id = row[p->id_col].p;
    p->idsum += id[15] + 256 * id[1];
    return ++p->n >= p->max ? 1 : 0;
}

static unsigned table_of(const char *name)
{
    for (unsigned t = 0; t < mtrk_store_table_count(); t++)
        if (strcmp(mtrk_store_table(t)->name, name) == 0)
            return t;
    rel_die("no table %s", name);
}

int main(void)
{
    char dir[4096];
    rel_mkdtemp(dir, sizeof dir, "typed");
    snprintf(path, sizeof path, "%s/typed.db", dir);
    rel_scn s;
    rel_scn_create(&s, path, NMSG);
    mtrk_id tenant, other;
    {
        mtrk_db *db = NULL;
        mtrk_tenant *t = NULL, *t2 = NULL;
        REL_OK(mtrk_db_open(&db, path, NULL), t);
        REL_OK(mtrk_tenant_open(&t, db, REL_TENANT, "test:typed"), t);
        REL_OK(mtrk_tenant_create(&t2, db, "other", "test:typed"), t2);
        tenant = mtrk_tenant_id(t);
        other = mtrk_tenant_id(t2);
        mtrk_tenant_close(t);
        mtrk_tenant_close(t2);
        mtrk_db_close(db);
    }
    REL_OK(mtrk_store_sqlite_new(&st, path, NULL), (mtrk_tenant *)NULL);

    /* Every message loaded in one call, an event appended to each. */
    mtrk_store_event *evs = calloc(NMSG, sizeof *evs);
    const mtrk_store_event **pev = calloc(NMSG, sizeof *pev);
    if (evs == NULL || pev == NULL)
        rel_die("out of memory");
    for (size_t i = 0; i < NMSG; i++) {
        evs[i] = event_of(s.mids[i], s.campaign, 0);
        pev[i] = &evs[i];
    }
    size_t seen = 0;
    ST_OK(st->begin(st, 1));
    ST_OK(st->messages_load(st, tenant, s.mids + 1, NMSG - 1, count_cb, &seen));
    rel_expect((int64_t)seen, NMSG - 1, "messages loaded");
    /* The first message was not loaded: its key is found by its id. */
    ST_OK(st->events_append(st, tenant, pev, NMSG));
    ST_OK(st->commit(st));
    rel_expect(q_int("SELECT count(*) FROM events"), NMSG, "events appended");
    rel_expect(events_on_their_message(), NMSG, "events under their own message");
    rel_expect(q_int("SELECT count(*) FROM events e JOIN messages m ON m.id = e.message"
                     " WHERE e.campaign = m.campaign AND e.contact = m.contact AND e.contact <> zeroblob(16)"),
               NMSG, "events with their message's campaign and contact, through the view");
    size_t strangers = 0;
    ST_OK(st->begin(st, 0));
    ST_OK(st->messages_load(st, tenant, s.mids, NMSG, own_cb, &strangers));
    ST_OK(st->commit(st));
    rel_expect((int64_t)strangers, 0, "loaded events with another campaign or contact than their message's");

    /* Another tenant's message, loaded or not, and a message that does not exist. */
    mtrk_store_event e = event_of(s.mids[0], s.campaign, 1);
    const mtrk_store_event *pe = &e;
    ST_OK(st->begin(st, 1));
    ST_EXPECT(MTRK_ENOTFOUND, st->events_append(st, other, &pe, 1));
    ST_OK(st->rollback(st));
    ST_OK(st->begin(st, 1));
    seen = 0;
    ST_OK(st->messages_load(st, tenant, s.mids, 1, count_cb, &seen));
    rel_expect((int64_t)seen, 1, "message loaded");
    ST_EXPECT(MTRK_ENOTFOUND, st->events_append(st, other, &pe, 1));
    ST_OK(st->rollback(st));
    mtrk_id nobody;
    memset(nobody.bytes, 0xee, sizeof nobody.bytes); /* no message's id */
    mtrk_store_event en = event_of(nobody, s.campaign, 1);
    const mtrk_store_event *pen = &en;
    ST_OK(st->begin(st, 1));
    ST_EXPECT(MTRK_ENOTFOUND, st->events_append(st, tenant, &pen, 1));
    ST_OK(st->rollback(st));
    mtrk_store_event ec = event_of(s.mids[0], nobody, 3); /* no campaign's id */
    const mtrk_store_event *pec = &ec;
    ST_OK(st->begin(st, 1));
    ST_EXPECT(MTRK_ENOTFOUND, st->events_append(st, tenant, &pec, 1));
    ST_OK(st->rollback(st));

    /* A message deleted after it was loaded: its old key is not used. */
    const mtrk_table_def *md = mtrk_store_table(table_of("messages"));
    if (md->npk != 2 || strcmp(md->cols[0].name, "tenant") != 0 || strcmp(md->cols[1].name, "id") != 0)
        rel_die("messages is not keyed by (tenant, id)");
    mtrk_value key[64];
    memset(key, 0, sizeof key);
    key[0] = (mtrk_value){ MTRK_VAL_BLOB, 0, tenant.bytes, sizeof tenant.bytes };
    key[1] = (mtrk_value){ MTRK_VAL_BLOB, 0, s.mids[5].bytes, sizeof s.mids[5].bytes };
    mtrk_change del = { MTRK_CHANGE_VERSION, MTRK_CHANGE_DELETE, table_of("messages"), key, 0 };
    mtrk_store_event ed = event_of(s.mids[5], s.campaign, 2);
    const mtrk_store_event *ped = &ed;
    ST_OK(st->begin(st, 1));
    seen = 0;
    ST_OK(st->messages_load(st, tenant, &s.mids[5], 1, count_cb, &seen));
    rel_expect((int64_t)seen, 1, "message loaded");
    ST_OK(st->apply(st, &del, 1));
    ST_EXPECT(MTRK_ENOTFOUND, st->events_append(st, tenant, &ped, 1));
    ST_OK(st->rollback(st));

    /* A conflict within a batch of several statements' worth. */
    enum { NB = 40 };
    mtrk_store_event cb[NB];
    const mtrk_store_event *pcb[NB];
    for (int i = 0; i < NB; i++) {
        cb[i] = event_of(s.mids[100 + i], s.campaign, 3);
        pcb[i] = &cb[i];
    }
    cb[NB - 5].id = cb[3].id;
    ST_OK(st->begin(st, 1));
    ST_EXPECT(MTRK_EEXISTS, st->events_append(st, tenant, pcb, NB));
    ST_EXPECT(MTRK_ESTORE, st->events_append(st, tenant, &pe, 1));
    int64_t one = 1;
    mtrk_store_counter_delta d = { MTRK_STORE_COUNTER_DELTA_VERSION, s.campaign, { { 0 } }, 0, 0, &one, 1 };
    const mtrk_store_counter_delta *pd = &d;
    ST_EXPECT(MTRK_ESTORE, st->counters_add(st, tenant, MTRK_STORE_COUNTERS_CAMPAIGN, &pd, 1));
    ST_EXPECT(MTRK_ESTORE, st->apply(st, &del, 1));
    ST_OK(st->rollback(st));
    rel_expect(q_int("SELECT count(*) FROM events"), NMSG, "events after the failed batch");
    rel_expect(q_int("SELECT count(*) FROM messages"), NMSG, "messages after the failed batch");
    /* The same batch without the conflict goes in. */
    cb[NB - 5] = event_of(s.mids[100 + NB - 5], s.campaign, 3);
    ST_OK(st->begin(st, 1));
    ST_OK(st->events_append(st, tenant, pcb, NB));
    ST_OK(st->commit(st));
    rel_expect(q_int("SELECT count(*) FROM events"), NMSG + NB, "events after the second batch");

    /* Messages loaded early in a transaction, then more loads than the
     * store keeps the keys of (two loads of every message: 2 x NMSG is
     * over a slice's 4,096), then events of both: each under its own
     * message, those of the first load found again by their ids. */
    enum { NE = 50 };
    for (size_t i = 0; i < NMSG; i++) {
        evs[i] = event_of(s.mids[i], s.campaign, 0);
        evs[i].id.bytes[0] ^= 0xf0; /* the id of neither the message nor its first event */
    }
    const mtrk_store_event *pl[2 * NE];
    for (int i = 0; i < NE; i++) {
        pl[i] = &evs[i];                /* in the first load only */
        pl[NE + i] = &evs[NMSG - 1 - i]; /* in every load */
    }
    ST_OK(st->begin(st, 1));
    seen = 0;
    ST_OK(st->messages_load(st, tenant, s.mids, NE, count_cb, &seen));
    ST_OK(st->messages_load(st, tenant, s.mids + NE, NMSG - NE, count_cb, &seen));
    ST_OK(st->messages_load(st, tenant, s.mids + NE, NMSG - NE, count_cb, &seen));
    rel_expect((int64_t)seen, 2 * NMSG - NE, "messages loaded");
    ST_OK(st->events_append(st, tenant, pl, 2 * NE));
    ST_OK(st->commit(st));
    rel_expect(q_int("SELECT count(*) FROM events"), NMSG + NB + 2 * NE, "events after the loads");
    rel_expect(events_on_their_message(), NMSG + 2 * NE, "events under their own message");

    /* Events of one message at the same times, appended out of id order:
     * read in id order, and past a mark at those times only those after
     * the mark's event. */
    enum { NT = 4 };
    static const uint8_t order[NT] = { 3, 1, 4, 2 }; /* the last id byte, as appended */
    mtrk_store_event te[NT];
    const mtrk_store_event *pte[NT];
    for (int i = 0; i < NT; i++) {
        te[i] = event_of(s.mids[300], s.campaign, 4);
        te[i].id.bytes[15] = order[i];
        pte[i] = &te[i];
    }
    ST_OK(st->begin(st, 1));
    ST_OK(st->events_append(st, tenant, pte, NT));
    ST_OK(st->commit(st));
    ties_seen ts = { 0 };
    ST_OK(st->begin(st, 0));
    ST_OK(st->messages_load(st, tenant, &s.mids[300], 1, ties_cb, &ts));
    ST_OK(st->rollback(st));
    rel_expect((int64_t)ts.n, NT + 1, "the message's events (one earlier, four tied)");
    for (int i = 0; i < NT; i++)
        rel_expect(ts.last[1 + i], 1 + i, "tied events in id order");
    /* The mark at the second tied event. */
    mtrk_store_message m = ts.msg;
    m.folded_occurred_at = te[0].occurred_at;
    m.folded_arrived_at = te[0].arrived_at;
    m.folded_event = te[0].id;
    m.folded_event.bytes[15] = 2;
    m.provider_message_id = NULL;
    m.folded_links = NULL;
    const mtrk_store_message *pm = &m;
    unsigned mask = MTRK_STORE_MSG_MARK;
    ST_OK(st->begin(st, 1));
    ST_OK(st->messages_update(st, tenant, &pm, &mask, 1));
    memset(&ts, 0, sizeof ts);
    ST_OK(st->messages_load(st, tenant, &s.mids[300], 1, ties_cb, &ts));
    ST_OK(st->rollback(st));
    rel_expect((int64_t)ts.n, 2, "the events past the mark");
    rel_expect(ts.last[0], 3, "the first past the mark");
    rel_expect(ts.last[1], 4, "the second past the mark");

    /* The campaign's events through events_by_campaign: whole, then in
     * pages of 97 rows, each resuming after the last row's (hour, id). */
    {
        unsigned et = table_of("events");
        const mtrk_table_def *def = mtrk_store_table(et);
        int ix = -1;
        for (unsigned i = 0; i < def->nindexes; i++)
            if (strcmp(def->indexes[i].name, "events_by_campaign") == 0)
                ix = (int)i;
        if (ix < 0)
            rel_die("no events_by_campaign");
        mtrk_value pre[2] = { { MTRK_VAL_BLOB, 0, tenant.bytes, sizeof tenant.bytes },
                              { MTRK_VAL_BLOB, 0, s.campaign.bytes, sizeof s.campaign.bytes } };
        scan_page all;
        memset(&all, 0, sizeof all);
        unsigned sk[16];
        unsigned nsk = mtrk_store_sort_key(def, ix, sk);
        if (nsk < 4 || nsk - 2 > 8)
            rel_die("events_by_campaign's sort key has %u columns", nsk);
        all.nkey = nsk - 2;
        for (unsigned j = 0; j < all.nkey; j++)
            all.key[j] = sk[2 + j];
        all.id_col = sk[nsk - 1];
        if (strcmp(def->cols[all.id_col].name, "id") != 0)
            rel_die("events_by_campaign's sort key does not end with the id");
        all.max = SIZE_MAX;
        ST_OK(st->begin(st, 0));
        ST_OK(st->scan(st, et, ix, pre, 2, NULL, 0, 0, page_cb, &all));
        rel_expect((int64_t)all.n, q_int("SELECT count(*) FROM events"), "every event of the campaign scanned");
        rel_expect(all.n > 1000, 1, "more events than a few pages");
        scan_page pg = all;
        pg.n = 0;
        pg.idsum = 0;
        pg.max = 97;
        size_t total = 0, pages = 0;
        ST_OK(st->scan(st, et, ix, pre, 2, NULL, 0, 0, page_cb, &pg));
        while (pg.n > 0) {
            total += pg.n;
            pages++;
            size_t was = pg.n;
            pg.n = 0;
            if (was < pg.max)
                break;
            ST_OK(st->scan(st, et, ix, pre, 2, pg.start, pg.nkey, MTRK_SCAN_AFTER, page_cb, &pg));
        }
        rel_expect((int64_t)total, (int64_t)all.n, "the pages hold every event");
        rel_expect(pg.idsum, all.idsum, "the pages hold each event once");
        rel_expect(pages > 10, 1, "many pages");
        memset(all.bytes[all.nkey - 1], 0xee, 16); /* the last row's start, with an id of no event */
        pg.n = 0;
        ST_EXPECT(MTRK_EINVAL, st->scan(st, et, ix, pre, 2, all.start, all.nkey, MTRK_SCAN_AFTER, page_cb, &pg));
        rel_expect((int64_t)pg.n, 0, "no rows for a start that names no event");
        ST_OK(st->rollback(st));
    }

    mtrk_store_free(st);
    free(evs);
    free(pev);
    rel_scn_free(&s);
    rel_rmdir(dir);
    printf("ok\n");
    return 0;
}
