/* A store that counts the core's calls (countstore.h). */
#include "countstore.h"
#include "internal.h" /* the table numbers */

#include <stdbool.h>
#include <string.h>

static countstore *cs_of(mtrk_store *s) { return (countstore *)s; }
static void cs_free(mtrk_store *s) { (void)s; }
static int cs_begin(mtrk_store *s, int w) { return cs_of(s)->inner->begin(cs_of(s)->inner, w); }
static int cs_commit(mtrk_store *s) { return cs_of(s)->inner->commit(cs_of(s)->inner); }
static int cs_rollback(mtrk_store *s) { return cs_of(s)->inner->rollback(cs_of(s)->inner); }
static const char *cs_errmsg(mtrk_store *s) { return cs_of(s)->inner->errmsg(cs_of(s)->inner); }

/* Counts the rows handed to the core. */
typedef struct count_ctx {
    mtrk_row_fn fn;
    void *ud;
    long *n;
} count_ctx;

static int count_fn(void *ud, const mtrk_value *row)
{
    count_ctx *c = ud;
    (*c->n)++;
    return c->fn(c->ud, row);
}

static int cs_get(mtrk_store *s, unsigned table, const mtrk_value *key, mtrk_row_fn fn, void *ud)
{
    cs_of(s)->gets[table % COUNT_TABLES]++;
    return cs_of(s)->inner->get(cs_of(s)->inner, table, key, fn, ud);
}

static int cs_scan(mtrk_store *s, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                   const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *ud)
{
    countstore *cs = cs_of(s);
    cs->scans[table % COUNT_TABLES]++;
    count_ctx c = { fn, ud, &cs->rows_read[table % COUNT_TABLES] };
    return cs->inner->scan(cs->inner, table, index, prefix, nprefix, start, nstart, flags, count_fn, &c);
}

static int cs_scan_many(mtrk_store *s, unsigned table, int index, const mtrk_value *prefixes, unsigned nprefix,
                        size_t n, mtrk_row_fn fn, void *ud)
{
    countstore *cs = cs_of(s);
    cs->scan_many_calls[table % COUNT_TABLES]++;
    for (size_t i = n; i-- > 0;) { /* backwards: the order of the prefixes is free */
        count_ctx c = { fn, ud, &cs->rows_read[table % COUNT_TABLES] };
        int rc = cs->inner->scan(cs->inner, table, index, &prefixes[i * nprefix], nprefix, NULL, 0, 0, count_fn, &c);
        if (rc)
            return rc;
    }
    return 0;
}

static int cs_get_many(mtrk_store *s, unsigned table, const mtrk_value *keys, size_t n, mtrk_row_fn fn, void *ud)
{
    countstore *cs = cs_of(s);
    cs->many_calls[table % COUNT_TABLES]++;
    cs->many_keys[table % COUNT_TABLES] += (long)n;
    unsigned npk = mtrk_store_table(table)->npk;
    for (size_t i = n; i-- > 0;) { /* backwards: the order is free */
        int rc = cs->inner->get(cs->inner, table, &keys[i * npk], fn, ud);
        if (rc == MTRK_ENOTFOUND)
            continue;
        if (rc)
            return rc;
    }
    return 0;
}

static int cs_apply(mtrk_store *s, const mtrk_change *ch, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cs_of(s)->writes[ch[i].table % COUNT_TABLES]++;
    return cs_of(s)->inner->apply(cs_of(s)->inner, ch, n);
}

static int cs_messages_load(mtrk_store *s, mtrk_id tenant, const mtrk_id *mids, size_t n, mtrk_store_message_fn fn,
                            void *ud)
{
    cs_of(s)->loads++;
    return cs_of(s)->inner->messages_load(cs_of(s)->inner, tenant, mids, n, fn, ud);
}

static int cs_provider_ids_find(mtrk_store *s, mtrk_id tenant, const char *const *providers,
                                const char *const *event_ids, size_t n, mtrk_store_event_fn fn, void *ud)
{
    cs_of(s)->provider_finds++;
    return cs_of(s)->inner->provider_ids_find(cs_of(s)->inner, tenant, providers, event_ids, n, fn, ud);
}

static int cs_events_append(mtrk_store *s, mtrk_id tenant, const mtrk_store_event *const *events, size_t n)
{
    cs_of(s)->appends++;
    return cs_of(s)->inner->events_append(cs_of(s)->inner, tenant, events, n);
}

static int cs_messages_update(mtrk_store *s, mtrk_id tenant, const mtrk_store_message *const *messages,
                              const unsigned *masks, size_t n)
{
    cs_of(s)->updates++;
    return cs_of(s)->inner->messages_update(cs_of(s)->inner, tenant, messages, masks, n);
}

static int cs_counters_add(mtrk_store *s, mtrk_id tenant, int kind, const mtrk_store_counter_delta *const *d,
                           size_t n)
{
    if (kind >= 0 && kind < 8)
        cs_of(s)->counter_calls[kind]++;
    return cs_of(s)->inner->counters_add(cs_of(s)->inner, tenant, kind, d, n);
}

static int cs_events_scan(mtrk_store *s, mtrk_id tenant, const mtrk_store_event_query *q, mtrk_store_event_fn fn,
                          void *ud)
{
    cs_of(s)->event_scans++;
    return cs_of(s)->inner->events_scan(cs_of(s)->inner, tenant, q, fn, ud);
}

const mtrk_store countstore_ops = {
    .version = MTRK_STORE_VERSION,
    .free = cs_free,
    .begin = cs_begin,
    .commit = cs_commit,
    .rollback = cs_rollback,
    .get = cs_get,
    .scan = cs_scan,
    .apply = cs_apply,
    .errmsg = cs_errmsg,
    .get_many = cs_get_many,
    .scan_many = cs_scan_many,
    .messages_load = cs_messages_load,
    .provider_ids_find = cs_provider_ids_find,
    .events_append = cs_events_append,
    .messages_update = cs_messages_update,
    .counters_add = cs_counters_add,
    .events_scan = cs_events_scan,
};

void countstore_init(countstore *cs, mtrk_store *inner, bool typed)
{
    memset(cs, 0, sizeof *cs);
    cs->base = countstore_ops;
    if (!typed || inner->version < 4 || inner->messages_load == NULL) {
        cs->base.messages_load = NULL;
        cs->base.provider_ids_find = NULL;
        cs->base.events_append = NULL;
        cs->base.messages_update = NULL;
    }
    if (inner->version < 5 || inner->counters_add == NULL)
        cs->base.counters_add = NULL;
    if (!typed || inner->version < 7 || inner->events_scan == NULL)
        cs->base.events_scan = NULL;
    cs->inner = inner;
}

void countstore_reset(countstore *cs)
{
    memset(cs->gets, 0, sizeof cs->gets);
    memset(cs->many_calls, 0, sizeof cs->many_calls);
    memset(cs->many_keys, 0, sizeof cs->many_keys);
    memset(cs->writes, 0, sizeof cs->writes);
    memset(cs->scans, 0, sizeof cs->scans);
    memset(cs->scan_many_calls, 0, sizeof cs->scan_many_calls);
    memset(cs->rows_read, 0, sizeof cs->rows_read);
    cs->loads = cs->provider_finds = cs->appends = cs->updates = 0;
    memset(cs->counter_calls, 0, sizeof cs->counter_calls);
    cs->event_scans = 0;
}

long countstore_reads(const countstore *cs, unsigned table)
{
    long typed = table == T_MESSAGES ? cs->loads : table == T_EVENTS ? cs->loads + cs->provider_finds : 0;
    table %= COUNT_TABLES;
    return typed + cs->gets[table] + cs->many_calls[table] + cs->scans[table] + cs->scan_many_calls[table];
}
