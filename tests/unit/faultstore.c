#include "faultstore.h"

#include <sodium.h>
#include <string.h>

static faultstore *fs_of(mtrk_store *s) { return (faultstore *)s; }

static int trip(faultstore *fs, int kind)
{
    if (fs->kind != FS_ANY && fs->kind != kind)
        return 0;
    fs->calls++;
    if (fs->fail_at > 0 && (fs->calls == fs->fail_at || (fs->sticky && fs->calls > fs->fail_at))) {
        fs->injected++;
        return 1;
    }
    return 0;
}

static void fs_free(mtrk_store *s) { (void)s; }
static int fs_begin(mtrk_store *s, int w)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_ANY + 99))
        return MTRK_ESTORE;
    if (fs->on_begin != NULL)
        fs->on_begin(fs, w);
    return fs->inner->begin(fs->inner, w);
}
static int fs_commit(mtrk_store *s)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_COMMIT)) {
        /* A failed commit leaves the transaction open; the core rolls back. */
        return MTRK_ESTORE;
    }
    return fs->inner->commit(fs->inner);
}
static int fs_rollback(mtrk_store *s)
{
    faultstore *fs = fs_of(s);
    return fs->inner->rollback(fs->inner);
}
static int fs_get(mtrk_store *s, unsigned table, const mtrk_value *key, mtrk_row_fn fn, void *ud)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_READ))
        return MTRK_ESTORE;
    return fs->inner->get(fs->inner, table, key, fn, ud);
}
static int fs_scan(mtrk_store *s, unsigned table, int index, const mtrk_value *prefix, unsigned nprefix,
                   const mtrk_value *start, unsigned nstart, unsigned flags, mtrk_row_fn fn, void *ud)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_READ))
        return MTRK_ESTORE;
    return fs->inner->scan(fs->inner, table, index, prefix, nprefix, start, nstart, flags, fn, ud);
}
static int fs_apply(mtrk_store *s, const mtrk_change *ch, size_t n)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_APPLY))
        return MTRK_ESTORE;
    return fs->inner->apply(fs->inner, ch, n);
}
static int fs_get_many(mtrk_store *s, unsigned table, const mtrk_value *keys, size_t n, mtrk_row_fn fn, void *ud)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_READ))
        return MTRK_ESTORE;
    return fs->inner->get_many(fs->inner, table, keys, n, fn, ud);
}
static int fs_scan_many(mtrk_store *s, unsigned table, int index, const mtrk_value *prefixes, unsigned nprefix,
                        size_t n, mtrk_row_fn fn, void *ud)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_READ))
        return MTRK_ESTORE;
    return fs->inner->scan_many(fs->inner, table, index, prefixes, nprefix, n, fn, ud);
}
static int fs_messages_load(mtrk_store *s, mtrk_id tenant, const mtrk_id *mids, size_t n, mtrk_store_message_fn fn,
                            void *ud)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_READ))
        return MTRK_ESTORE;
    return fs->inner->messages_load(fs->inner, tenant, mids, n, fn, ud);
}
static int fs_provider_ids_find(mtrk_store *s, mtrk_id tenant, const char *const *providers,
                                const char *const *event_ids, size_t n, mtrk_store_event_fn fn, void *ud)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_READ))
        return MTRK_ESTORE;
    return fs->inner->provider_ids_find(fs->inner, tenant, providers, event_ids, n, fn, ud);
}
static int fs_events_append(mtrk_store *s, mtrk_id tenant, const mtrk_store_event *const *events, size_t n)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_APPLY))
        return MTRK_ESTORE;
    return fs->inner->events_append(fs->inner, tenant, events, n);
}
static int fs_messages_update(mtrk_store *s, mtrk_id tenant, const mtrk_store_message *const *messages,
                              const unsigned *masks, size_t n)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_APPLY))
        return MTRK_ESTORE;
    return fs->inner->messages_update(fs->inner, tenant, messages, masks, n);
}
static int fs_counters_add(mtrk_store *s, mtrk_id tenant, int kind, const mtrk_store_counter_delta *const *deltas,
                           size_t n)
{
    faultstore *fs = fs_of(s);
    if (trip(fs, FS_APPLY))
        return MTRK_ESTORE;
    return fs->inner->counters_add(fs->inner, tenant, kind, deltas, n);
}
static const char *fs_errmsg(mtrk_store *s)
{
    faultstore *fs = fs_of(s);
    return fs->injected ? "injected failure" : fs->inner->errmsg(fs->inner);
}

void faultstore_init(faultstore *fs, mtrk_store *inner)
{
    memset(fs, 0, sizeof *fs);
    mtrk_store_init(&fs->base, MTRK_STORE_VERSION);
    fs->base.free = fs_free;
    fs->base.begin = fs_begin;
    fs->base.commit = fs_commit;
    fs->base.rollback = fs_rollback;
    fs->base.get = fs_get;
    fs->base.scan = fs_scan;
    fs->base.apply = fs_apply;
    fs->base.errmsg = fs_errmsg;
    fs->inner = inner;
}

void faultstore_init_typed(faultstore *fs, mtrk_store *inner)
{
    faultstore_init(fs, inner);
    unsigned v = inner->version;
    if (v >= 2 && inner->get_many)
        fs->base.get_many = fs_get_many;
    if (v >= 3 && inner->scan_many)
        fs->base.scan_many = fs_scan_many;
    if (v >= 4 && inner->messages_load) { /* the four come as a group */
        fs->base.messages_load = fs_messages_load;
        fs->base.provider_ids_find = fs_provider_ids_find;
        fs->base.events_append = fs_events_append;
        fs->base.messages_update = fs_messages_update;
    }
    if (v >= 5 && inner->counters_add)
        fs->base.counters_add = fs_counters_add;
}

void faultstore_arm(faultstore *fs, int kind, long fail_at, int sticky)
{
    fs->kind = kind;
    fs->fail_at = fail_at;
    fs->sticky = sticky;
    fs->calls = 0;
    fs->injected = 0;
}

/* The columns of a message row that are a copy of its fold (facts, state,
 * mark): mtrk_metrics_rebuild brings them up to date a page of messages per
 * transaction before it swaps the rollups in, so a rebuild that fails may
 * leave them refreshed (their values equal the fold every reader sees). */
static const char *const message_fold_columns[] = {
    "state", "queue_state", "sent_at", "delivered_at", "bounced_at", "first_open_at", "first_click_at",
    "first_complaint_at", "first_unsub_at", "opens", "clicks", "soft_bounces", "flags", "provider_message_id",
    "folded_occurred_at", "folded_arrived_at", "folded_event", "folded_links", NULL
};

int store_is_message_fold_column(const char *column)
{
    for (size_t i = 0; message_fold_columns[i] != NULL; i++)
        if (strcmp(message_fold_columns[i], column) == 0)
            return 1;
    return 0;
}

static int digest_row(void *ud, const mtrk_value *row)
{
    void **ctx = ud;
    crypto_generichash_state *st = ctx[0];
    unsigned ncols = *(unsigned *)ctx[1];
    const unsigned char *skip = ctx[2];
    for (unsigned i = 0; i < ncols; i++) {
        if (skip != NULL && skip[i])
            continue;
        const mtrk_value *v = &row[i];
        unsigned char tag = (unsigned char)v->type;
        crypto_generichash_update(st, &tag, 1);
        if (v->type == MTRK_VAL_INT) {
            crypto_generichash_update(st, (const unsigned char *)&v->i, sizeof v->i);
        } else if (v->type != MTRK_VAL_NULL) {
            uint64_t n = v->n;
            crypto_generichash_update(st, (const unsigned char *)&n, sizeof n);
            crypto_generichash_update(st, v->p, v->n);
        }
    }
    return 0;
}

int store_digest(mtrk_store *s, unsigned char out[32]) { return store_digest_ex(s, out, 0); }

int store_digest_ex(mtrk_store *s, unsigned char out[32], int skip_message_fold)
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, NULL, 0, 32);
    int rc = s->begin(s, 0);
    if (rc)
        return rc;
    for (unsigned t = 0; t < mtrk_store_table_count(); t++) {
        const mtrk_table_def *td = mtrk_store_table(t);
        unsigned ncols = td->ncols;
        unsigned char skip[128] = { 0 };
        int skipping = skip_message_fold && strcmp(td->name, "messages") == 0;
        for (unsigned c = 0; skipping && c < ncols && c < sizeof skip; c++)
            skip[c] = (unsigned char)store_is_message_fold_column(td->cols[c].name);
        void *ctx[3] = { &st, &ncols, skipping ? skip : NULL };
        unsigned char tag = (unsigned char)(0xA0 + t);
        crypto_generichash_update(&st, &tag, 1);
        rc = s->scan(s, t, MTRK_INDEX_PK, NULL, 0, NULL, 0, 0, digest_row, ctx);
        if (rc < 0)
            break;
        rc = 0;
        /* Every secondary index must list the same rows: digest them too
         * (not the messages' when their fold columns may move: the queue's
         * index follows the state). */
        for (unsigned ix = 0; ix < td->nindexes && rc == 0 && !skipping; ix++) {
            tag = (unsigned char)(0xC0 + ix);
            crypto_generichash_update(&st, &tag, 1);
            rc = s->scan(s, t, (int)ix, NULL, 0, NULL, 0, 0, digest_row, ctx);
            if (rc > 0)
                rc = 0;
        }
        if (rc < 0)
            break;
    }
    s->commit(s);
    crypto_generichash_final(&st, out, 32);
    return rc < 0 ? rc : 0;
}
