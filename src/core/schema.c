/* The table definitions handed to backends, generated from rows.h. */
#include "internal.h"

#include <stddef.h>

#define KIND_ID MTRK_VAL_BLOB
#define KIND_INT MTRK_VAL_INT
#define KIND_TEXT MTRK_VAL_TEXT

#define X_COLDEF(t, c, kind, fl) { #c, KIND_##kind, fl },
#define X_OFFSET(t, c, kind, fl) offsetof(row_##t, c),
#define X_KIND(t, c, kind, fl) KIND_##kind,
#define X_(E, n, k)                                                        \
    static const mtrk_column_def n##_coldefs[] = { n##_COLS_(X_COLDEF) }; \
    const size_t rows_##n##_offsets[] = { n##_COLS_(X_OFFSET) };
ALL_TABLES(X_)
#undef X_

#define IDX(name, uniq, ...)                                                           \
    { name, sizeof((const unsigned[]){ __VA_ARGS__ }) / sizeof(unsigned),              \
      (const unsigned[]){ __VA_ARGS__ }, uniq }

static const mtrk_index_def tenants_idx[] = {
    IDX("tenants_by_key", 1, COL_tenants_key),
};
static const mtrk_index_def contacts_idx[] = {
    IDX("contacts_by_address", 1, COL_contacts_tenant, COL_contacts_address_key),
};
static const mtrk_index_def audience_contacts_idx[] = {
    IDX("audience_contacts_by_contact", 0, COL_audience_contacts_tenant, COL_audience_contacts_contact),
};
static const mtrk_index_def campaign_audiences_idx[] = {
    IDX("campaign_audiences_by_audience", 0, COL_campaign_audiences_tenant, COL_campaign_audiences_audience),
};
static const mtrk_index_def links_idx[] = {
    IDX("links_by_campaign", 0, COL_links_tenant, COL_links_campaign, COL_links_position),
};
static const mtrk_index_def messages_idx[] = {
    IDX("messages_by_campaign_contact", 1, COL_messages_tenant, COL_messages_campaign, COL_messages_contact),
    IDX("messages_by_contact", 0, COL_messages_tenant, COL_messages_contact),
    /* The send queue: only queued and claimed messages have a queue_state. */
    IDX("messages_by_queue", 0, COL_messages_tenant, COL_messages_campaign, COL_messages_queue_state),
    /* A campaign's messages in mid order (the sort key ends with the primary key). */
    IDX("messages_by_campaign", 0, COL_messages_tenant, COL_messages_campaign),
};
static const mtrk_index_def events_idx[] = {
    IDX("events_by_provider", 1, COL_events_tenant, COL_events_provider, COL_events_provider_event_id),
    IDX("events_by_message", 0, COL_events_tenant, COL_events_message, COL_events_occurred_at,
        COL_events_arrived_at),
    /* A campaign's events by the hour they occurred, in arrival (id) order
     * within the hour: an insert goes to the tail of its hour, not to a
     * random page (docs/decisions.md §10). Readers order an hour in memory. */
    IDX("events_by_campaign", 0, COL_events_tenant, COL_events_campaign, COL_events_occurred_hour),
};
static const mtrk_index_def landing_pages_idx[] = {
    IDX("landing_pages_by_campaign", 1, COL_landing_pages_tenant, COL_landing_pages_campaign),
};
static const mtrk_index_def leads_idx[] = {
    IDX("leads_by_key", 1, COL_leads_tenant, COL_leads_lead_key),
    IDX("leads_by_campaign", 0, COL_leads_tenant, COL_leads_campaign, COL_leads_captured_at),
    IDX("leads_by_contact", 0, COL_leads_tenant, COL_leads_contact),
};
static const mtrk_index_def link_stats_idx[] = {
    IDX("link_stats_by_campaign", 0, COL_link_stats_tenant, COL_link_stats_campaign),
};
static const mtrk_index_def deadletters_idx[] = {
    /* A provider's retry of a dead-lettered event finds it; a listing by provider. */
    IDX("deadletters_by_key", 1, COL_deadletters_tenant, COL_deadletters_provider, COL_deadletters_event_key),
};
static const mtrk_index_def bounce_facts_idx[] = {
    /* A message's bounce facts (mtrk_bounce_facts_message); a campaign's, counted by reason. */
    IDX("bounce_facts_by_message", 0, COL_bounce_facts_tenant, COL_bounce_facts_message),
    IDX("bounce_facts_by_campaign", 0, COL_bounce_facts_tenant, COL_bounce_facts_campaign, COL_bounce_facts_reason),
};
static const mtrk_index_def provider_messages_idx[] = {
    /* A contact's erasure finds its messages' ids. */
    IDX("provider_messages_by_message", 0, COL_provider_messages_tenant, COL_provider_messages_message),
};
static const mtrk_index_def webhook_payloads_idx[] = {
    /* Erasure by message; the retention purge in arrival order. */
    IDX("webhook_payloads_by_message", 0, COL_webhook_payloads_tenant, COL_webhook_payloads_message),
    IDX("webhook_payloads_by_time", 0, COL_webhook_payloads_tenant, COL_webhook_payloads_arrived_at),
};
static const mtrk_index_def webhook_nonces_idx[] = {
    /* Pruning the expired ones, oldest first. */
    IDX("webhook_nonces_by_expiry", 0, COL_webhook_nonces_tenant, COL_webhook_nonces_expires_at),
};
#define NOIDX(n) static const mtrk_index_def *const n##_idx_none = NULL;
#define IDXN(arr) (unsigned)(sizeof(arr) / sizeof((arr)[0])), arr

#define TABLE(n, npk) { #n, COL_##n##__COUNT, n##_coldefs, npk, 0, NULL }
#define TABLE_I(n, npk) { #n, COL_##n##__COUNT, n##_coldefs, npk, IDXN(n##_idx) }

static const mtrk_table_def tables[T__COUNT] = {
    [T_TENANTS] = TABLE_I(tenants, 1),
    [T_CONTACTS] = TABLE_I(contacts, 2),
    [T_CONTACT_FIELDS] = TABLE(contact_fields, 3),
    [T_AUDIENCES] = TABLE(audiences, 2),
    [T_AUDIENCE_CONTACTS] = TABLE_I(audience_contacts, 3),
    [T_CAMPAIGNS] = TABLE(campaigns, 2),
    [T_CAMPAIGN_AUDIENCES] = TABLE_I(campaign_audiences, 3),
    [T_LINKS] = TABLE_I(links, 2),
    [T_MESSAGES] = TABLE_I(messages, 2),
    [T_EVENTS] = TABLE_I(events, 2),
    [T_UNSUBSCRIBES] = TABLE(unsubscribes, 4),
    [T_SUPPRESSIONS] = TABLE(suppressions, 3),
    [T_LANDING_PAGES] = TABLE_I(landing_pages, 2),
    [T_LEADS] = TABLE_I(leads, 2),
    [T_AUDIT] = TABLE(audit, 2),
    [T_CAMPAIGN_STATS] = TABLE(campaign_stats, 2),
    [T_LINK_STATS] = TABLE_I(link_stats, 2),
    [T_HOURLY_STATS] = TABLE(hourly_stats, 4),
    [T_SIGNING_KEYS] = TABLE(signing_keys, 2),
    [T_BOUNCE_SETTINGS] = TABLE(bounce_settings, 1),
    [T_REPUTATION_STATE] = TABLE(reputation_state, 2),
    [T_REPUTATION_PAUSED] = TABLE(reputation_paused, 3),
    [T_BOUNCE_POLICIES] = TABLE(bounce_policies, 2),
    [T_WEBHOOK_SETTINGS] = TABLE(webhook_settings, 2),
    [T_WEBHOOK_KEYS] = TABLE(webhook_keys, 3),
    [T_DEADLETTERS] = TABLE_I(deadletters, 2),
    [T_API_TOKENS] = TABLE(api_tokens, 2),
    [T_BOUNCE_FACTS] = TABLE_I(bounce_facts, 2),
    [T_PROVIDER_MESSAGES] = TABLE_I(provider_messages, 3),
    [T_WEBHOOK_PAYLOADS] = TABLE_I(webhook_payloads, 2),
    [T_WEBHOOK_NONCES] = TABLE_I(webhook_nonces, 3),
};

#define X_(E, n, k) [T_##E] = rows_##n##_offsets,
const size_t *const rows_offsets[T__COUNT] = { ALL_TABLES(X_) };
#undef X_
#define X_(E, n, k) [T_##E] = sizeof(row_##n),
const size_t rows_sizes[T__COUNT] = { ALL_TABLES(X_) };
#undef X_

/* Bumped whenever a table, column or index changes. */
#define SCHEMA_VERSION 14u

MTRK_API unsigned mtrk_store_schema_version(void) { return SCHEMA_VERSION; }
MTRK_API unsigned mtrk_store_table_count(void) { return T__COUNT; }
MTRK_API const mtrk_table_def *mtrk_store_table(unsigned table)
{
    return table < T__COUNT ? &tables[table] : NULL;
}
const mtrk_table_def *rows_table(unsigned table) { return &tables[table]; }

MTRK_API unsigned mtrk_store_sort_key(const mtrk_table_def *def, int index, unsigned *cols)
{
    if (def == NULL || cols == NULL || index < MTRK_INDEX_PK || (index >= 0 && (unsigned)index >= def->nindexes))
        return 0;
    unsigned n = 0;
    if (index >= 0) {
        const mtrk_index_def *ix = &def->indexes[index];
        for (unsigned j = 0; j < ix->ncols; j++)
            cols[n++] = ix->cols[j];
    }
    for (unsigned j = 0; j < def->npk; j++)
        cols[n++] = j;
    return n;
}
unsigned rows_sort_key(const mtrk_table_def *def, int index, unsigned *cols)
{
    return mtrk_store_sort_key(def, index, cols);
}
size_t rows_size(unsigned table) { return rows_sizes[table]; }
