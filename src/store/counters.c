/* The rollup tables behind counters_add, found by name (counters.h). */
#include "counters.h"

#include <stdio.h>
#include <string.h>

static const char *const campaign_counters[MTRK_STORE_CAMPAIGN_COUNTERS] = {
    "messages",     "canceled",       "sent",         "delivered",          "delivered_explicit",
    "bounced_hard", "bounced_soft",   "complaints",   "unsubscribes",       "opens_total",
    "opens_unique", "opens_unique_human", "opens_machine", "opens_inferred", "clicks_total",
    "clicks_unique", "clicks_unique_human", "clicks_machine", "leads_total", "leads_attributed",
    "leads_forwarded",
};
static const char *const link_counters[MTRK_STORE_LINK_COUNTERS] = { "clicks", "clicks_unique",
                                                                     "clicks_unique_human" };
static const char *const hourly_counters[MTRK_STORE_HOURLY_COUNTERS] = { "count" };

typedef struct kind_def {
    const char *table;
    const char *key[CTR_MAX_KEY]; /* after the tenant */
    unsigned nkey;
    const char *const *counters;
    unsigned ncounters;
    const char *campaign; /* a non-key campaign column, or NULL */
} kind_def;

static const kind_def kinds[4] = {
    [MTRK_STORE_COUNTERS_CAMPAIGN] = { "campaign_stats", { "campaign" }, 1, campaign_counters,
                                       MTRK_STORE_CAMPAIGN_COUNTERS, NULL },
    [MTRK_STORE_COUNTERS_LINK] = { "link_stats", { "link" }, 1, link_counters, MTRK_STORE_LINK_COUNTERS,
                                   "campaign" },
    [MTRK_STORE_COUNTERS_HOURLY] = { "hourly_stats", { "campaign", "hour", "type" }, 3, hourly_counters,
                                     MTRK_STORE_HOURLY_COUNTERS, NULL },
};

static int col_of(const mtrk_table_def *def, const char *name)
{
    for (unsigned c = 0; c < def->ncols; c++)
        if (strcmp(def->cols[c].name, name) == 0)
            return (int)c;
    return -1;
}

int ctr_maps_init(ctr_maps *m, char *msg, size_t cap)
{
    memset(m, 0, sizeof *m);
    unsigned ntables = mtrk_store_table_count();
    for (int k = MTRK_STORE_COUNTERS_CAMPAIGN; k <= MTRK_STORE_COUNTERS_HOURLY; k++) {
        const kind_def *kd = &kinds[k];
        ctr_map *cm = &m->kind[k];
        const mtrk_table_def *def = NULL;
        for (unsigned t = 0; t < ntables && def == NULL; t++)
            if (strcmp(mtrk_store_table(t)->name, kd->table) == 0) {
                def = mtrk_store_table(t);
                cm->table = t;
            }
        if (def == NULL || def->ncols > CTR_MAX_COLS) {
            snprintf(msg, cap, "table %s is missing or too wide", kd->table);
            return MTRK_ESTORE;
        }
        cm->kind = k;
        cm->def = def;
        cm->nkey = 1 + kd->nkey;
        /* The primary key is (tenant, the kind's key fields), in that order. */
        if (def->npk != cm->nkey || col_of(def, "tenant") != 0) {
            snprintf(msg, cap, "table %s is not keyed by tenant and its rollup key", kd->table);
            return MTRK_ESTORE;
        }
        for (unsigned i = 0; i < kd->nkey; i++)
            if (col_of(def, kd->key[i]) != (int)(i + 1)) {
                snprintf(msg, cap, "table %s: key column %u is not %s", kd->table, i + 1, kd->key[i]);
                return MTRK_ESTORE;
            }
        cm->ncounters = kd->ncounters;
        for (unsigned i = 0; i < kd->ncounters; i++) {
            int c = col_of(def, kd->counters[i]);
            if (c < (int)cm->nkey || def->cols[c].type != MTRK_VAL_INT) {
                snprintf(msg, cap, "table %s has no integer column %s", kd->table, kd->counters[i]);
                return MTRK_ESTORE;
            }
            cm->counter_col[i] = (unsigned)c;
        }
        cm->campaign_col = kd->campaign ? col_of(def, kd->campaign) : -1;
        if (kd->campaign && cm->campaign_col < (int)cm->nkey) {
            snprintf(msg, cap, "table %s has no column %s", kd->table, kd->campaign);
            return MTRK_ESTORE;
        }
    }
    return MTRK_OK;
}

const ctr_map *ctr_kind(const ctr_maps *m, int kind)
{
    return kind >= MTRK_STORE_COUNTERS_CAMPAIGN && kind <= MTRK_STORE_COUNTERS_HOURLY ? &m->kind[kind] : NULL;
}

int ctr_check(const ctr_map *k, const mtrk_store_counter_delta *const *deltas, size_t n, char *msg, size_t cap)
{
    if (n && deltas == NULL) {
        snprintf(msg, cap, "deltas is NULL");
        return MTRK_EINVAL;
    }
    for (size_t i = 0; i < n; i++) {
        const mtrk_store_counter_delta *d = deltas[i];
        if (d == NULL || d->version == 0) {
            snprintf(msg, cap, "delta %zu is NULL or unversioned", i);
            return MTRK_EINVAL;
        }
        if (d->nvalues > k->ncounters || (d->nvalues && d->values == NULL)) {
            snprintf(msg, cap, "delta %zu has %zu amounts for the %u counters of %s", i, d->nvalues, k->ncounters,
                     k->def->name);
            return MTRK_EINVAL;
        }
    }
    return MTRK_OK;
}

unsigned ctr_key(const ctr_map *k, const mtrk_store_counter_delta *d, mtrk_value *key)
{
    if (k->kind == MTRK_STORE_COUNTERS_HOURLY) {
        key[0] = (mtrk_value){ MTRK_VAL_BLOB, 0, d->campaign.bytes, sizeof d->campaign.bytes };
        key[1] = (mtrk_value){ MTRK_VAL_INT, d->hour, NULL, 0 };
        key[2] = (mtrk_value){ MTRK_VAL_INT, d->type, NULL, 0 };
        return 3;
    }
    const mtrk_id *id = k->kind == MTRK_STORE_COUNTERS_LINK ? &d->link : &d->campaign;
    key[0] = (mtrk_value){ MTRK_VAL_BLOB, 0, id->bytes, sizeof id->bytes };
    return 1;
}

void ctr_row(const ctr_map *k, const mtrk_id *tenant, const mtrk_store_counter_delta *d, mtrk_value *row)
{
    const mtrk_table_def *def = k->def;
    for (unsigned c = 0; c < def->ncols; c++)
        row[c] = def->cols[c].type == MTRK_VAL_INT ? (mtrk_value){ MTRK_VAL_INT, 0, NULL, 0 }
                                                   : (mtrk_value){ MTRK_VAL_NULL, 0, NULL, 0 };
    row[0] = (mtrk_value){ MTRK_VAL_BLOB, 0, tenant->bytes, sizeof tenant->bytes };
    ctr_key(k, d, row + 1);
    if (k->campaign_col >= 0)
        row[k->campaign_col] = (mtrk_value){ MTRK_VAL_BLOB, 0, d->campaign.bytes, sizeof d->campaign.bytes };
    for (unsigned i = 0; i < k->ncounters; i++)
        row[k->counter_col[i]].i = ctr_amount(d, i);
}
