/* The typed records of the event path on the rows of their tables (records.h). */
#include "records.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { K_ID = REC_K_ID, K_INT = REC_K_INT, K_TEXT = REC_K_TEXT };

#define MF(name, kind, group) { #name, offsetof(mtrk_store_message, name), kind, group }
static const rec_field msg_fields[] = {
    MF(id, K_ID, 0),
    MF(campaign, K_ID, 0),
    MF(contact, K_ID, 0),
    MF(state, K_INT, MTRK_STORE_MSG_STATE),
    MF(cancel_reason, K_INT, MTRK_STORE_MSG_STATE),
    MF(created_at, K_INT, 0),
    MF(lease_until, K_INT, MTRK_STORE_MSG_STATE),
    MF(sent_at, K_INT, MTRK_STORE_MSG_FACTS),
    MF(delivered_at, K_INT, MTRK_STORE_MSG_FACTS),
    MF(bounced_at, K_INT, MTRK_STORE_MSG_FACTS),
    MF(first_open_at, K_INT, MTRK_STORE_MSG_FACTS),
    MF(first_click_at, K_INT, MTRK_STORE_MSG_FACTS),
    MF(first_complaint_at, K_INT, MTRK_STORE_MSG_FACTS),
    MF(first_unsub_at, K_INT, MTRK_STORE_MSG_FACTS),
    MF(opens, K_INT, MTRK_STORE_MSG_FACTS),
    MF(clicks, K_INT, MTRK_STORE_MSG_FACTS),
    MF(soft_bounces, K_INT, MTRK_STORE_MSG_FACTS),
    MF(flags, K_INT, MTRK_STORE_MSG_FACTS),
    MF(provider_message_id, K_TEXT, MTRK_STORE_MSG_PROVIDER_ID),
    MF(queue_state, K_INT, MTRK_STORE_MSG_STATE),
    MF(folded_occurred_at, K_INT, MTRK_STORE_MSG_MARK),
    MF(folded_arrived_at, K_INT, MTRK_STORE_MSG_MARK),
    MF(folded_event, K_ID, MTRK_STORE_MSG_MARK),
    MF(folded_links, K_TEXT, MTRK_STORE_MSG_MARK),
};
#undef MF

#define EF(name, kind) { #name, offsetof(mtrk_store_event, name), kind, 0 }
static const rec_field ev_fields[] = {
    EF(id, K_ID),
    EF(message, K_ID),
    EF(campaign, K_ID),
    EF(contact, K_ID),
    EF(type, K_INT),
    EF(link, K_ID),
    EF(occurred_at, K_INT),
    EF(arrived_at, K_INT),
    EF(occurred_hour, K_INT),
    EF(provider, K_TEXT),
    EF(provider_event_id, K_TEXT),
    EF(provider_message_id, K_TEXT),
    EF(bounce_kind, K_INT),
    EF(diagnostic, K_TEXT),
    EF(user_agent, K_TEXT),
    EF(ip, K_TEXT),
    EF(verdict, K_INT),
    EF(verdict_reason, K_TEXT),
    EF(unsub_scope, K_INT),
    EF(unsub_audience, K_ID),
    EF(unsub_source, K_INT),
    EF(effects, K_INT),
};
#undef EF

const rec_field *rec_message_fields(void) { return msg_fields; }
const rec_field *rec_event_fields(void) { return ev_fields; }

#define NMSG (sizeof msg_fields / sizeof msg_fields[0])
#define NEV (sizeof ev_fields / sizeof ev_fields[0])
_Static_assert(NMSG <= REC_MAX_FIELDS && NEV <= REC_MAX_FIELDS, "REC_MAX_FIELDS");

static int find_col(const mtrk_table_def *d, const char *name)
{
    for (unsigned c = 0; c < d->ncols; c++)
        if (strcmp(d->cols[c].name, name) == 0)
            return (int)c;
    return -1;
}

static int map_table(rec_map *m, const char *table, const rec_field *f, unsigned nf, char *msg, size_t cap)
{
    unsigned nt = mtrk_store_table_count();
    m->def = NULL;
    for (unsigned t = 0; t < nt; t++)
        if (strcmp(mtrk_store_table(t)->name, table) == 0) {
            m->table = t;
            m->def = mtrk_store_table(t);
        }
    if (m->def == NULL) {
        snprintf(msg, cap, "no table \"%s\" in the definitions", table);
        return MTRK_ESTORE;
    }
    m->nfields = nf;
    for (unsigned i = 0; i < nf; i++) {
        if ((m->col[i] = find_col(m->def, f[i].col)) < 0) {
            snprintf(msg, cap, "table \"%s\" has no column \"%s\"", table, f[i].col);
            return MTRK_ESTORE;
        }
        /* Rows made from records then hold the column types by
         * construction (a NULL string goes only to a nullable column). */
        const mtrk_column_def *cd = &m->def->cols[m->col[i]];
        m->nullable[i] = (cd->flags & MTRK_COL_NULLABLE) != 0;
        int want = f[i].kind == K_ID ? MTRK_VAL_BLOB : f[i].kind == K_INT ? MTRK_VAL_INT : MTRK_VAL_TEXT;
        if (cd->type != want || (f[i].kind == K_TEXT && !(cd->flags & MTRK_COL_NULLABLE))) {
            snprintf(msg, cap, "column \"%s\" of table \"%s\" has not the type of its record field", f[i].col,
                     table);
            return MTRK_ESTORE;
        }
    }
    int tc = find_col(m->def, "tenant");
    if (tc < 0) {
        snprintf(msg, cap, "table \"%s\" has no tenant column", table);
        return MTRK_ESTORE;
    }
    m->tenant_col = (unsigned)tc;
    return 0;
}

/* The index of `table` over exactly cols[0..n-1], or -1. */
static int find_index(const mtrk_table_def *d, const char *const *cols, unsigned n)
{
    for (unsigned i = 0; i < d->nindexes; i++) {
        const mtrk_index_def *x = &d->indexes[i];
        if (x->ncols != n)
            continue;
        unsigned j = 0;
        while (j < n && strcmp(d->cols[x->cols[j]].name, cols[j]) == 0)
            j++;
        if (j == n)
            return (int)i;
    }
    return -1;
}

int rec_maps_init(rec_maps *m, char *msg, size_t cap)
{
    int rc = map_table(&m->msg, "messages", msg_fields, NMSG, msg, cap);
    if (rc == 0)
        rc = map_table(&m->ev, "events", ev_fields, NEV, msg, cap);
    if (rc)
        return rc;
    static const char *const by_msg[] = { "tenant", "message", "occurred_at", "arrived_at" };
    static const char *const by_prov[] = { "tenant", "provider", "provider_event_id" };
    m->ev_by_message = find_index(m->ev.def, by_msg, 4);
    m->ev_by_provider = find_index(m->ev.def, by_prov, 3);
    const mtrk_table_def *d = m->ev.def;
    if (m->ev_by_message < 0 || m->ev_by_provider < 0 || d->npk != 2 || strcmp(d->cols[0].name, "tenant") != 0 ||
        strcmp(d->cols[1].name, "id") != 0) {
        snprintf(msg, cap, "the events table has not the indexes or key the typed operations read");
        return MTRK_ESTORE;
    }
    return 0;
}

static void from_row(const rec_map *m, const rec_field *f, const mtrk_value *row, char *base)
{
    for (unsigned i = 0; i < m->nfields; i++) {
        const mtrk_value *v = &row[m->col[i]];
        void *p = base + f[i].off;
        switch (f[i].kind) {
        case K_ID:
            if (v->type == MTRK_VAL_BLOB && v->n == sizeof(mtrk_id))
                memcpy(p, v->p, sizeof(mtrk_id));
            else
                memset(p, 0, sizeof(mtrk_id));
            break;
        case K_INT:
            *(int64_t *)p = v->type == MTRK_VAL_INT ? v->i : 0;
            break;
        default:
            *(const char **)p = v->type == MTRK_VAL_TEXT ? (const char *)v->p : NULL;
            break;
        }
    }
}

static int is_nil(const mtrk_id *id)
{
    uint64_t a, b;
    memcpy(&a, id->bytes, 8);
    memcpy(&b, id->bytes + 8, 8);
    return (a | b) == 0;
}

static void to_value(int nullable, const rec_field *f, const char *base, mtrk_value *v)
{
    const void *p = base + f->off;
    switch (f->kind) {
    case K_ID:
        if (nullable && is_nil(p))
            *v = (mtrk_value){ MTRK_VAL_NULL, 0, NULL, 0 };
        else
            *v = (mtrk_value){ MTRK_VAL_BLOB, 0, p, sizeof(mtrk_id) };
        break;
    case K_INT: {
        int64_t i = *(const int64_t *)p;
        *v = (mtrk_value){ nullable && i == 0 ? MTRK_VAL_NULL : MTRK_VAL_INT, i, NULL, 0 };
        break;
    }
    default: {
        const char *s = *(const char *const *)p;
        if (s == NULL)
            *v = (mtrk_value){ MTRK_VAL_NULL, 0, NULL, 0 };
        else
            *v = (mtrk_value){ MTRK_VAL_TEXT, 0, s, strlen(s) };
        break;
    }
    }
}

void rec_message_from_row(const rec_maps *m, const mtrk_value *row, mtrk_store_message *out)
{
    memset(out, 0, sizeof *out);
    out->version = MTRK_STORE_MESSAGE_VERSION;
    from_row(&m->msg, msg_fields, row, (char *)out);
}

void rec_event_from_row(const rec_maps *m, const mtrk_value *row, mtrk_store_event *out)
{
    memset(out, 0, sizeof *out);
    out->version = MTRK_STORE_EVENT_VERSION;
    from_row(&m->ev, ev_fields, row, (char *)out);
}

void rec_message_to_row(const rec_maps *m, const mtrk_id *tenant, const mtrk_store_message *in, unsigned mask,
                        mtrk_value *row, uint64_t *columns)
{
    uint64_t cols = 0;
    for (unsigned i = 0; i < m->msg.nfields; i++) {
        unsigned g = msg_fields[i].group;
        if (mask != 0 && !(g & mask))
            continue;
        if (mask == 0 && g == 0 && row[m->msg.col[i]].type != MTRK_VAL_NULL)
            continue; /* never written by an update: kept as stored (set for a new row) */
        to_value(m->msg.nullable[i], &msg_fields[i], (const char *)in, &row[m->msg.col[i]]);
        if (m->msg.col[i] < 64)
            cols |= UINT64_C(1) << m->msg.col[i];
    }
    row[m->msg.tenant_col] = (mtrk_value){ MTRK_VAL_BLOB, 0, tenant, sizeof *tenant };
    if (columns)
        *columns = cols;
}

static inline void v_id(mtrk_value *v, const mtrk_id *id, int nullable)
{
    v->i = 0;
    if (nullable && is_nil(id)) {
        v->type = MTRK_VAL_NULL;
        v->p = NULL;
        v->n = 0;
    } else {
        v->type = MTRK_VAL_BLOB;
        v->p = id->bytes;
        v->n = sizeof id->bytes;
    }
}

static inline void v_int(mtrk_value *v, int64_t i, int nullable)
{
    v->type = nullable && i == 0 ? MTRK_VAL_NULL : MTRK_VAL_INT;
    v->i = i;
    v->p = NULL;
    v->n = 0;
}

static inline void v_text(mtrk_value *v, const char *s)
{
    v->i = 0;
    v->type = s ? MTRK_VAL_TEXT : MTRK_VAL_NULL;
    v->p = s;
    v->n = s ? strlen(s) : 0;
}

/* Field by field (the events are most of what a store writes): the field
 * numbers are those of ev_fields. */
void rec_event_to_row(const rec_maps *m, const mtrk_id *tenant, const mtrk_store_event *in, mtrk_value *row)
{
    const rec_map *r = &m->ev;
#define ID_(f, i) v_id(&row[r->col[i]], &in->f, r->nullable[i])
#define INT_(f, i) v_int(&row[r->col[i]], in->f, r->nullable[i])
#define TEXT_(f, i) v_text(&row[r->col[i]], in->f)
    ID_(id, 0);
    ID_(message, 1);
    ID_(campaign, 2);
    ID_(contact, 3);
    INT_(type, 4);
    ID_(link, 5);
    INT_(occurred_at, 6);
    INT_(arrived_at, 7);
    INT_(occurred_hour, 8);
    TEXT_(provider, 9);
    TEXT_(provider_event_id, 10);
    TEXT_(provider_message_id, 11);
    INT_(bounce_kind, 12);
    TEXT_(diagnostic, 13);
    TEXT_(user_agent, 14);
    TEXT_(ip, 15);
    INT_(verdict, 16);
    TEXT_(verdict_reason, 17);
    INT_(unsub_scope, 18);
    ID_(unsub_audience, 19);
    INT_(unsub_source, 20);
    INT_(effects, 21);
#undef ID_
#undef INT_
#undef TEXT_
    row[r->tenant_col] = (mtrk_value){ MTRK_VAL_BLOB, 0, tenant, sizeof *tenant };
}
_Static_assert(NEV == 22, "rec_event_to_row names every field of ev_fields");

void rec_mark_start(const mtrk_id *tenant, const mtrk_store_message *rec, mtrk_value start[4])
{
    start[0] = (mtrk_value){ MTRK_VAL_INT, rec->folded_occurred_at, NULL, 0 };
    start[1] = (mtrk_value){ MTRK_VAL_INT, rec->folded_arrived_at, NULL, 0 };
    start[2] = (mtrk_value){ MTRK_VAL_BLOB, 0, tenant->bytes, sizeof tenant->bytes };
    start[3] = (mtrk_value){ MTRK_VAL_BLOB, 0, rec->folded_event.bytes, sizeof rec->folded_event.bytes };
}
