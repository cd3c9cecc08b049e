/*
 * The tables of mtrk, defined once. Each table is an X-macro list of columns
 * (struct name, column name, kind, flags); from it come the C row struct
 * used by the core, the public mtrk_table_def handed to backends, and the
 * column numbers (COL_<TABLE>_<COLUMN>) used to build keys.
 *
 * Kinds: ID (mtrk_id, stored as a 16-byte blob; NULL when nil and nullable),
 * INT (int64_t), TEXT (char *, owned by the row; NULL when nullable and absent).
 * The first column of every table is the tenant.
 */
#ifndef MTRK_ROWS_H
#define MTRK_ROWS_H

#include "mtrk/store.h"
#include <stdbool.h>

#define N_ 0u
#define NUL_ MTRK_COL_NULLABLE

/* address_rule: the rule the tenant's contacts' address_key values follow
 * (ADDR_RULE_*, address_migrate.c); events_earliest and events_ahead_ms: the
 * window of accepted occurrence times (evtime.c); keep_webhook_payloads (0/1)
 * and webhook_payload_retention_ms: whether provider webhooks keep each
 * recorded event's original object (webhook_payloads) and for how long. */
#define TENANTS_COLS(X)                                  \
    X(tenants, id, ID, N_)                               \
    X(tenants, key, TEXT, N_)                            \
    X(tenants, created_at, INT, N_)                      \
    X(tenants, tracking_base_url, TEXT, N_)              \
    X(tenants, soft_bounce_threshold, INT, N_)           \
    X(tenants, attribution_window_ms, INT, N_)           \
    X(tenants, retention_ms, INT, N_)                    \
    X(tenants, secret, TEXT, N_)                         \
    X(tenants, list_unsubscribe_mailto, TEXT, NUL_)     \
    X(tenants, address_rule, INT, N_)                    \
    X(tenants, events_earliest, INT, N_)                 \
    X(tenants, events_ahead_ms, INT, N_)                 \
    X(tenants, keep_webhook_payloads, INT, N_)           \
    X(tenants, webhook_payload_retention_ms, INT, N_)

#define CONTACTS_COLS(X)                                 \
    X(contacts, tenant, ID, N_)                          \
    X(contacts, id, ID, N_)                              \
    X(contacts, address, TEXT, NUL_)                     \
    X(contacts, address_key, TEXT, NUL_)                 \
    X(contacts, name, TEXT, NUL_)                        \
    X(contacts, status, INT, N_)                         \
    X(contacts, created_at, INT, N_)                     \
    X(contacts, updated_at, INT, N_)                     \
    X(contacts, consent_at, INT, N_)                     \
    X(contacts, consent_source, TEXT, NUL_)              \
    X(contacts, consent_text_version, TEXT, NUL_)

#define CONTACT_FIELDS_COLS(X)                           \
    X(contact_fields, tenant, ID, N_)                    \
    X(contact_fields, contact, ID, N_)                   \
    X(contact_fields, key, TEXT, N_)                     \
    X(contact_fields, value, TEXT, N_)

#define AUDIENCES_COLS(X)                                \
    X(audiences, tenant, ID, N_)                         \
    X(audiences, id, ID, N_)                             \
    X(audiences, name, TEXT, N_)                         \
    X(audiences, created_at, INT, N_)                    \
    X(audiences, member_count, INT, N_)

#define AUDIENCE_CONTACTS_COLS(X)                        \
    X(audience_contacts, tenant, ID, N_)                 \
    X(audience_contacts, audience, ID, N_)               \
    X(audience_contacts, contact, ID, N_)                \
    X(audience_contacts, added_at, INT, N_)

#define CAMPAIGNS_COLS(X)                                \
    X(campaigns, tenant, ID, N_)                         \
    X(campaigns, id, ID, N_)                             \
    X(campaigns, name, TEXT, N_)                         \
    X(campaigns, objective, TEXT, NUL_)                  \
    X(campaigns, subject, TEXT, N_)                      \
    X(campaigns, from_name, TEXT, NUL_)                  \
    X(campaigns, from_address, TEXT, N_)                 \
    X(campaigns, reply_to, TEXT, NUL_)                   \
    X(campaigns, html, TEXT, NUL_)                       \
    X(campaigns, text, TEXT, NUL_)                       \
    X(campaigns, starts_at, INT, N_)                     \
    X(campaigns, ends_at, INT, N_)                       \
    X(campaigns, status, INT, N_)                        \
    X(campaigns, paused_from, INT, N_)                   \
    X(campaigns, created_at, INT, N_)                    \
    X(campaigns, updated_at, INT, N_)

#define CAMPAIGN_AUDIENCES_COLS(X)                       \
    X(campaign_audiences, tenant, ID, N_)                \
    X(campaign_audiences, campaign, ID, N_)              \
    X(campaign_audiences, audience, ID, N_)              \
    X(campaign_audiences, attached_at, INT, N_)

#define LINKS_COLS(X)                                    \
    X(links, tenant, ID, N_)                             \
    X(links, id, ID, N_)                                 \
    X(links, campaign, ID, N_)                           \
    X(links, url, TEXT, N_)                              \
    X(links, label, TEXT, NUL_)                          \
    X(links, position, INT, N_)                          \
    X(links, created_at, INT, N_)                        \
    X(links, origin, INT, N_)

/* folded_*: the position in events_by_message (occurred_at, arrived_at, id)
 * of the last event whose contribution the row's facts include; folded_event
 * nil: none (the facts are then the row's state folded with every event).
 * folded_links: the rest of the fold's state at that mark, the links the
 * message's clicks named ("UUID:c" clicked, "UUID:h" clicked by a human too,
 * comma-separated, ascending; NULL when none), so that the facts and the
 * links together are the whole fold up to the mark.
 * See core_message_fold in internal.h.
 * flags: MSGF_* bits, the per-message facts the rollups are counted from.
 * queue_state: derived, never set by hand — the state while queued or
 * claimed, NULL after (rows_to_values computes it): the send queue's index
 * (messages_by_queue) then holds only messages in the queue, and the moves
 * between sent, delivered and bounced that events make leave it alone. */
#define MESSAGES_COLS(X)                                 \
    X(messages, tenant, ID, N_)                          \
    X(messages, id, ID, N_)                              \
    X(messages, campaign, ID, N_)                        \
    X(messages, contact, ID, N_)                         \
    X(messages, state, INT, N_)                          \
    X(messages, cancel_reason, INT, N_)                  \
    X(messages, created_at, INT, N_)                     \
    X(messages, lease_until, INT, N_)                    \
    X(messages, sent_at, INT, N_)                        \
    X(messages, delivered_at, INT, N_)                   \
    X(messages, bounced_at, INT, N_)                     \
    X(messages, first_open_at, INT, N_)                  \
    X(messages, first_click_at, INT, N_)                 \
    X(messages, first_complaint_at, INT, N_)             \
    X(messages, first_unsub_at, INT, N_)                 \
    X(messages, opens, INT, N_)                          \
    X(messages, clicks, INT, N_)                         \
    X(messages, soft_bounces, INT, N_)                   \
    X(messages, flags, INT, N_)                          \
    X(messages, provider_message_id, TEXT, NUL_)         \
    X(messages, queue_state, INT, NUL_)                  \
    X(messages, folded_occurred_at, INT, NUL_)           \
    X(messages, folded_arrived_at, INT, NUL_)            \
    X(messages, folded_event, ID, NUL_)                  \
    X(messages, folded_links, TEXT, NUL_)

#define EVENTS_COLS(X)                                   \
    X(events, tenant, ID, N_)                            \
    X(events, id, ID, N_)                                \
    X(events, message, ID, N_)                           \
    X(events, campaign, ID, N_)                          \
    X(events, contact, ID, N_)                           \
    X(events, type, INT, N_)                             \
    X(events, link, ID, NUL_)                            \
    X(events, occurred_at, INT, N_)                      \
    X(events, arrived_at, INT, N_)                       \
    X(events, provider, TEXT, NUL_)                      \
    X(events, provider_event_id, TEXT, NUL_)             \
    X(events, provider_message_id, TEXT, NUL_)           \
    X(events, bounce_kind, INT, N_)                      \
    X(events, diagnostic, TEXT, NUL_)                    \
    X(events, user_agent, TEXT, NUL_)                    \
    X(events, ip, TEXT, NUL_)                            \
    X(events, verdict, INT, N_)                          \
    X(events, verdict_reason, TEXT, NUL_)                \
    X(events, unsub_scope, INT, N_)                      \
    X(events, unsub_audience, ID, NUL_)                  \
    X(events, unsub_source, INT, N_)                     \
    X(events, effects, INT, N_)                          \
    X(events, occurred_hour, INT, N_)

/* scope_id is the nil id for global rules (primary-key columns are never NULL). */
#define UNSUBSCRIBES_COLS(X)                             \
    X(unsubscribes, tenant, ID, N_)                      \
    X(unsubscribes, contact, ID, N_)                     \
    X(unsubscribes, scope, INT, N_)                      \
    X(unsubscribes, scope_id, ID, N_)                    \
    X(unsubscribes, source, INT, N_)                     \
    X(unsubscribes, created_at, INT, N_)                 \
    X(unsubscribes, event, ID, NUL_)

#define SUPPRESSIONS_COLS(X)                             \
    X(suppressions, tenant, ID, N_)                      \
    X(suppressions, kind, INT, N_)                       \
    X(suppressions, value, TEXT, N_)                     \
    X(suppressions, reason, TEXT, N_)                    \
    X(suppressions, created_at, INT, N_)                 \
    X(suppressions, event, ID, NUL_)

#define LANDING_PAGES_COLS(X)                            \
    X(landing_pages, tenant, ID, N_)                     \
    X(landing_pages, id, ID, N_)                         \
    X(landing_pages, campaign, ID, N_)                   \
    X(landing_pages, name, TEXT, NUL_)                   \
    X(landing_pages, url, TEXT, NUL_)                    \
    X(landing_pages, created_at, INT, N_)

#define LEADS_COLS(X)                                    \
    X(leads, tenant, ID, N_)                             \
    X(leads, id, ID, N_)                                 \
    X(leads, landing_page, ID, N_)                       \
    X(leads, campaign, ID, N_)                           \
    X(leads, lead_key, TEXT, N_)                         \
    X(leads, address, TEXT, NUL_)                        \
    X(leads, contact, ID, N_)                            \
    X(leads, recipient, ID, NUL_)                        \
    X(leads, message, ID, NUL_)                          \
    X(leads, attribution, INT, N_)                       \
    X(leads, forwarded, INT, N_)                         \
    X(leads, captured_at, INT, N_)                       \
    X(leads, fields_json, TEXT, NUL_)

#define AUDIT_COLS(X)                                    \
    X(audit, tenant, ID, N_)                             \
    X(audit, id, ID, N_)                                 \
    X(audit, at, INT, N_)                                \
    X(audit, actor, TEXT, N_)                            \
    X(audit, action, TEXT, N_)                           \
    X(audit, entity, ID, NUL_)                           \
    X(audit, detail, TEXT, N_)

/* Rollups: counters kept up to date by the core in the writing transaction. */
#define CAMPAIGN_STATS_COLS(X)                           \
    X(campaign_stats, tenant, ID, N_)                    \
    X(campaign_stats, campaign, ID, N_)                  \
    X(campaign_stats, messages, INT, N_)                 \
    X(campaign_stats, canceled, INT, N_)                 \
    X(campaign_stats, sent, INT, N_)                     \
    X(campaign_stats, delivered, INT, N_)                \
    X(campaign_stats, delivered_explicit, INT, N_)       \
    X(campaign_stats, bounced_hard, INT, N_)             \
    X(campaign_stats, bounced_soft, INT, N_)             \
    X(campaign_stats, complaints, INT, N_)               \
    X(campaign_stats, unsubscribes, INT, N_)             \
    X(campaign_stats, opens_total, INT, N_)              \
    X(campaign_stats, opens_unique, INT, N_)             \
    X(campaign_stats, opens_unique_human, INT, N_)       \
    X(campaign_stats, opens_machine, INT, N_)            \
    X(campaign_stats, opens_inferred, INT, N_)           \
    X(campaign_stats, clicks_total, INT, N_)             \
    X(campaign_stats, clicks_unique, INT, N_)            \
    X(campaign_stats, clicks_unique_human, INT, N_)      \
    X(campaign_stats, clicks_machine, INT, N_)           \
    X(campaign_stats, leads_total, INT, N_)              \
    X(campaign_stats, leads_attributed, INT, N_)         \
    X(campaign_stats, leads_forwarded, INT, N_)

#define LINK_STATS_COLS(X)                               \
    X(link_stats, tenant, ID, N_)                        \
    X(link_stats, link, ID, N_)                          \
    X(link_stats, campaign, ID, N_)                      \
    X(link_stats, clicks, INT, N_)                       \
    X(link_stats, clicks_unique, INT, N_)                \
    X(link_stats, clicks_unique_human, INT, N_)

#define HOURLY_STATS_COLS(X)                             \
    X(hourly_stats, tenant, ID, N_)                      \
    X(hourly_stats, campaign, ID, N_)                    \
    X(hourly_stats, hour, INT, N_)                       \
    X(hourly_stats, type, INT, N_)                       \
    X(hourly_stats, count, INT, N_)

/* Per-tenant keys signing tracking URLs (sign.c). secret: 32 bytes as hex.
 * retired_at 0 while the key verifies; the newest unretired key signs. */
#define SIGNING_KEYS_COLS(X)                             \
    X(signing_keys, tenant, ID, N_)                      \
    X(signing_keys, key_id, INT, N_)                     \
    X(signing_keys, secret, TEXT, N_)                    \
    X(signing_keys, created_at, INT, N_)                 \
    X(signing_keys, retired_at, INT, N_)

/* Per-tenant settings of the bounce policies and reputation guards
 * (reputation.c, bounce_policy.c); no row: the defaults. Rates are kept in
 * parts per million. suppression_expiry_ms 0: automatic suppressions never
 * expire. */
#define BOUNCE_SETTINGS_COLS(X)                          \
    X(bounce_settings, tenant, ID, N_)                   \
    X(bounce_settings, window_ms, INT, N_)               \
    X(bounce_settings, min_sent, INT, N_)                \
    X(bounce_settings, complaint_warn_ppm, INT, N_)      \
    X(bounce_settings, complaint_pause_ppm, INT, N_)     \
    X(bounce_settings, bounce_warn_ppm, INT, N_)         \
    X(bounce_settings, bounce_pause_ppm, INT, N_)        \
    X(bounce_settings, suppression_expiry_ms, INT, N_)   \
    X(bounce_settings, updated_at, INT, N_)

/* The reputation guard's state per scope: scope "*" is the whole tenant,
 * any other value a sending domain. level: mtrk_reputation_level. since:
 * figures count from the first whole hour after it (an explicit resume).
 * The counts are the figures of the last change of level. */
#define REPUTATION_STATE_COLS(X)                         \
    X(reputation_state, tenant, ID, N_)                  \
    X(reputation_state, scope, TEXT, N_)                 \
    X(reputation_state, level, INT, N_)                  \
    X(reputation_state, changed_at, INT, N_)             \
    X(reputation_state, since, INT, N_)                  \
    X(reputation_state, sent, INT, N_)                   \
    X(reputation_state, delivered, INT, N_)              \
    X(reputation_state, bounces, INT, N_)                \
    X(reputation_state, complaints, INT, N_)

/* The campaigns a guard's pause stopped, resumed with it. */
#define REPUTATION_PAUSED_COLS(X)                        \
    X(reputation_paused, tenant, ID, N_)                 \
    X(reputation_paused, scope, TEXT, N_)                \
    X(reputation_paused, campaign, ID, N_)               \
    X(reputation_paused, paused_at, INT, N_)

/* Per-tenant policy of one bounce reason (mtrk_bounce_action); no row: the
 * default policy. */
#define BOUNCE_POLICIES_COLS(X)                          \
    X(bounce_policies, tenant, ID, N_)                   \
    X(bounce_policies, reason, INT, N_)                  \
    X(bounce_policies, action, INT, N_)                  \
    X(bounce_policies, soft_limit, INT, N_)              \
    X(bounce_policies, updated_at, INT, N_)
/* Provider webhooks (webhook.c): per provider, the timestamp tolerance of
 * signed requests (0: the default, < 0: off) and whether a signing provider
 * is accepted unsigned while no key is set (allow_unsigned 1). */
#define WEBHOOK_SETTINGS_COLS(X)                         \
    X(webhook_settings, tenant, ID, N_)                  \
    X(webhook_settings, provider, TEXT, N_)              \
    X(webhook_settings, tolerance_ms, INT, N_)           \
    X(webhook_settings, allow_unsigned, INT, N_)         \
    X(webhook_settings, updated_at, INT, N_)

/* A provider's secrets or public keys (two at once, for rotation). */
#define WEBHOOK_KEYS_COLS(X)                             \
    X(webhook_keys, tenant, ID, N_)                      \
    X(webhook_keys, provider, TEXT, N_)                  \
    X(webhook_keys, key_id, INT, N_)                     \
    X(webhook_keys, secret, TEXT, N_)                    \
    X(webhook_keys, created_at, INT, N_)

/* Webhook events kept aside (deadletter.c): unmapped types and events whose
 * message is not found. The mapped fields are kept so a replay records the
 * event as the request would have; payload is the provider's original
 * event object; send_id the id the provider's send call returned where it
 * differs from provider_message_id (wh_event); bounce_reason to
 * bounce_subtype a bounce's facts as the event input takes them (0 and NULL:
 * none). (provider, event_key) is unique: a retry adds nothing. */
#define DEADLETTERS_COLS(X)                              \
    X(deadletters, tenant, ID, N_)                       \
    X(deadletters, id, ID, N_)                           \
    X(deadletters, provider, TEXT, N_)                   \
    X(deadletters, event_key, TEXT, N_)                  \
    X(deadletters, reason, TEXT, N_)                     \
    X(deadletters, provider_type, TEXT, NUL_)            \
    X(deadletters, type, INT, N_)                        \
    X(deadletters, message, ID, NUL_)                    \
    X(deadletters, provider_message_id, TEXT, NUL_)      \
    X(deadletters, occurred_at, INT, N_)                 \
    X(deadletters, arrived_at, INT, N_)                  \
    X(deadletters, recipient, TEXT, NUL_)                \
    X(deadletters, url, TEXT, NUL_)                      \
    X(deadletters, link_index, INT, N_)                  \
    X(deadletters, user_agent, TEXT, NUL_)               \
    X(deadletters, ip, TEXT, NUL_)                       \
    X(deadletters, verdict, INT, N_)                     \
    X(deadletters, verdict_reason, TEXT, NUL_)           \
    X(deadletters, bounce_kind, INT, N_)                 \
    X(deadletters, diagnostic, TEXT, NUL_)               \
    X(deadletters, unsub_scope, INT, N_)                 \
    X(deadletters, payload, TEXT, NUL_)                  \
    X(deadletters, send_id, TEXT, NUL_)                  \
    X(deadletters, bounce_reason, INT, N_)               \
    X(deadletters, smtp_code, INT, N_)                   \
    X(deadletters, bounce_status, TEXT, NUL_)            \
    X(deadletters, bounce_type, TEXT, NUL_)              \
    X(deadletters, bounce_subtype, TEXT, NUL_)
/* API bearer tokens (apitoken.c). hash: hex of BLAKE2b-256 of the token's
 * random part (never the token); revoked_at 0 while the token is valid. */
#define API_TOKENS_COLS(X)                               \
    X(api_tokens, tenant, ID, N_)                        \
    X(api_tokens, id, ID, N_)                            \
    X(api_tokens, label, TEXT, N_)                       \
    X(api_tokens, hash, TEXT, N_)                        \
    X(api_tokens, created_at, INT, N_)                   \
    X(api_tokens, revoked_at, INT, N_)

/* The facts of a bounce event that carried them (bounce_facts.c): one row
 * per such event, keyed by it. reason: mtrk_bounce_reason; given_kind the
 * input's bounce_kind, kind the one recorded after the policy; action the
 * mtrk_bounce_action applied; by: 0 nothing suppressed, 1 the policy, 2 the
 * reason's kind, 3 the tenant's soft-bounce threshold. */
#define BOUNCE_FACTS_COLS(X)                             \
    X(bounce_facts, tenant, ID, N_)                      \
    X(bounce_facts, event, ID, N_)                       \
    X(bounce_facts, message, ID, N_)                     \
    X(bounce_facts, campaign, ID, N_)                    \
    X(bounce_facts, occurred_at, INT, N_)                \
    X(bounce_facts, reason, INT, N_)                     \
    X(bounce_facts, given_kind, INT, N_)                 \
    X(bounce_facts, kind, INT, N_)                       \
    X(bounce_facts, action, INT, N_)                     \
    X(bounce_facts, by, INT, N_)                         \
    X(bounce_facts, smtp_code, INT, N_)                  \
    X(bounce_facts, status, TEXT, NUL_)                  \
    X(bounce_facts, bounce_type, TEXT, NUL_)             \
    X(bounce_facts, bounce_subtype, TEXT, NUL_)

/* The provider's message id of a message, recorded at send time
 * (mtrk_message_provider_id_set, mtrk_queue_mark_sent): a webhook event
 * that echoes no mid is matched by it (webhook.c). provider_message_id is
 * kept normalized (wh_msgid_norm). One id names one message; a message may
 * have several (a resend, another provider). */
#define PROVIDER_MESSAGES_COLS(X)                        \
    X(provider_messages, tenant, ID, N_)                 \
    X(provider_messages, provider, TEXT, N_)             \
    X(provider_messages, provider_message_id, TEXT, N_)  \
    X(provider_messages, message, ID, N_)                \
    X(provider_messages, recorded_at, INT, N_)

/* The provider's original event object of a recorded webhook event, kept
 * when the tenant asks for it (keep_webhook_payloads) until its retention
 * period (webhook_payload_retention_ms) has passed since arrived_at. */
#define WEBHOOK_PAYLOADS_COLS(X)                         \
    X(webhook_payloads, tenant, ID, N_)                  \
    X(webhook_payloads, event, ID, N_)                   \
    X(webhook_payloads, provider, TEXT, N_)              \
    X(webhook_payloads, message, ID, N_)                 \
    X(webhook_payloads, arrived_at, INT, N_)             \
    X(webhook_payloads, payload, TEXT, N_)

/* The unique tokens of signed webhook requests seen within their timestamp
 * tolerance (Mailgun's token, Svix's id, ...): a request whose token is
 * here is a replay. Pruned once expires_at has passed. */
#define WEBHOOK_NONCES_COLS(X)                           \
    X(webhook_nonces, tenant, ID, N_)                    \
    X(webhook_nonces, provider, TEXT, N_)                \
    X(webhook_nonces, token, TEXT, N_)                   \
    X(webhook_nonces, seen_at, INT, N_)                  \
    X(webhook_nonces, expires_at, INT, N_)

/* Every table: (ENUM, name, number of primary-key columns). */
#define ALL_TABLES(X)                 \
    X(TENANTS, tenants, 1)            \
    X(CONTACTS, contacts, 2)          \
    X(CONTACT_FIELDS, contact_fields, 3) \
    X(AUDIENCES, audiences, 2)        \
    X(AUDIENCE_CONTACTS, audience_contacts, 3) \
    X(CAMPAIGNS, campaigns, 2)        \
    X(CAMPAIGN_AUDIENCES, campaign_audiences, 3) \
    X(LINKS, links, 2)                \
    X(MESSAGES, messages, 2)          \
    X(EVENTS, events, 2)              \
    X(UNSUBSCRIBES, unsubscribes, 4)  \
    X(SUPPRESSIONS, suppressions, 3)  \
    X(LANDING_PAGES, landing_pages, 2) \
    X(LEADS, leads, 2)                \
    X(AUDIT, audit, 2)                \
    X(CAMPAIGN_STATS, campaign_stats, 2) \
    X(LINK_STATS, link_stats, 2)      \
    X(HOURLY_STATS, hourly_stats, 4)  \
    X(SIGNING_KEYS, signing_keys, 2)  \
    X(BOUNCE_SETTINGS, bounce_settings, 1) \
    X(REPUTATION_STATE, reputation_state, 2) \
    X(REPUTATION_PAUSED, reputation_paused, 3) \
    X(BOUNCE_POLICIES, bounce_policies, 2) \
    X(WEBHOOK_SETTINGS, webhook_settings, 2) \
    X(WEBHOOK_KEYS, webhook_keys, 3)  \
    X(DEADLETTERS, deadletters, 2) \
    X(API_TOKENS, api_tokens, 2) \
    X(BOUNCE_FACTS, bounce_facts, 2) \
    X(PROVIDER_MESSAGES, provider_messages, 3) \
    X(WEBHOOK_PAYLOADS, webhook_payloads, 2) \
    X(WEBHOOK_NONCES, webhook_nonces, 3)

/* Table numbers T_<ENUM>. */
enum {
#define X_(E, n, k) T_##E,
    ALL_TABLES(X_)
#undef X_
    T__COUNT
};

/* Row structs: struct row_<name>. */
#define CT_ID mtrk_id
#define CT_INT int64_t
#define CT_TEXT char *
#define X_FIELD(t, c, kind, fl) CT_##kind c;
#define X_(E, n, k) typedef struct row_##n { n##_COLS_(X_FIELD) } row_##n;
#define tenants_COLS_ TENANTS_COLS
#define contacts_COLS_ CONTACTS_COLS
#define contact_fields_COLS_ CONTACT_FIELDS_COLS
#define audiences_COLS_ AUDIENCES_COLS
#define audience_contacts_COLS_ AUDIENCE_CONTACTS_COLS
#define campaigns_COLS_ CAMPAIGNS_COLS
#define campaign_audiences_COLS_ CAMPAIGN_AUDIENCES_COLS
#define links_COLS_ LINKS_COLS
#define messages_COLS_ MESSAGES_COLS
#define events_COLS_ EVENTS_COLS
#define unsubscribes_COLS_ UNSUBSCRIBES_COLS
#define suppressions_COLS_ SUPPRESSIONS_COLS
#define landing_pages_COLS_ LANDING_PAGES_COLS
#define leads_COLS_ LEADS_COLS
#define audit_COLS_ AUDIT_COLS
#define campaign_stats_COLS_ CAMPAIGN_STATS_COLS
#define link_stats_COLS_ LINK_STATS_COLS
#define hourly_stats_COLS_ HOURLY_STATS_COLS
#define signing_keys_COLS_ SIGNING_KEYS_COLS
#define bounce_settings_COLS_ BOUNCE_SETTINGS_COLS
#define reputation_state_COLS_ REPUTATION_STATE_COLS
#define reputation_paused_COLS_ REPUTATION_PAUSED_COLS
#define bounce_policies_COLS_ BOUNCE_POLICIES_COLS
#define webhook_settings_COLS_ WEBHOOK_SETTINGS_COLS
#define webhook_keys_COLS_ WEBHOOK_KEYS_COLS
#define deadletters_COLS_ DEADLETTERS_COLS
#define api_tokens_COLS_ API_TOKENS_COLS
#define bounce_facts_COLS_ BOUNCE_FACTS_COLS
#define provider_messages_COLS_ PROVIDER_MESSAGES_COLS
#define webhook_payloads_COLS_ WEBHOOK_PAYLOADS_COLS
#define webhook_nonces_COLS_ WEBHOOK_NONCES_COLS
ALL_TABLES(X_)
#undef X_
#undef X_FIELD

/* Column numbers: COL_<name>_<column>. */
#define X_COLNUM(t, c, kind, fl) COL_##t##_##c,
#define X_(E, n, k) enum { n##_COLS_(X_COLNUM) COL_##n##__COUNT };
ALL_TABLES(X_)
#undef X_
#undef X_COLNUM

/* Secondary index numbers (order as in schema.c). */
enum { IDX_TENANTS_KEY = 0 };
enum { IDX_CONTACTS_ADDRESS = 0 };
enum { IDX_AUDIENCE_CONTACTS_CONTACT = 0 };
enum { IDX_CAMPAIGN_AUDIENCES_AUDIENCE = 0 };
enum { IDX_LINKS_CAMPAIGN = 0 };
enum { IDX_MESSAGES_CAMPAIGN_CONTACT = 0, IDX_MESSAGES_CONTACT = 1, IDX_MESSAGES_QUEUE = 2,
       IDX_MESSAGES_CAMPAIGN = 3 };
/* No index by time alone: retention walks each campaign's events by time
 * (events_by_campaign); and none by contact: a contact's history is read
 * through its messages (core_contact_events). Each spares every event insert
 * a randomly placed index entry. */
enum { IDX_EVENTS_PROVIDER = 0, IDX_EVENTS_MESSAGE = 1, IDX_EVENTS_CAMPAIGN = 2 };
enum { IDX_LANDING_PAGES_CAMPAIGN = 0 };
enum { IDX_LEADS_KEY = 0, IDX_LEADS_CAMPAIGN = 1, IDX_LEADS_CONTACT = 2 };
enum { IDX_LINK_STATS_CAMPAIGN = 0 };
enum { IDX_DEADLETTERS_KEY = 0 };
enum { IDX_BOUNCE_FACTS_MESSAGE = 0, IDX_BOUNCE_FACTS_CAMPAIGN = 1 };
enum { IDX_PROVIDER_MESSAGES_MESSAGE = 0 };
enum { IDX_WEBHOOK_PAYLOADS_MESSAGE = 0, IDX_WEBHOOK_PAYLOADS_TIME = 1 };
enum { IDX_WEBHOOK_NONCES_EXPIRY = 0 };

/* Per-message facts (messages.flags), counted by the rollups. */
#define MSGF_SENT 0x001           /* a sent event, or any outcome implying it */
#define MSGF_DELIVERED_EXPLICIT 0x002
#define MSGF_OPENED 0x004
#define MSGF_OPENED_HUMAN 0x008
#define MSGF_CLICKED 0x010
#define MSGF_CLICKED_HUMAN 0x020
#define MSGF_HARD_BOUNCED 0x040
#define MSGF_SOFT_BOUNCED 0x080
#define MSGF_COMPLAINED 0x100
#define MSGF_UNSUBSCRIBED 0x200
/* Every MSGF_ bit: a new flag widens it. A message's contribution to the
 * rollups depends on these bits and on whether it is canceled alone
 * (stats.c tabulates it; tests/unit/test_decide.c checks the premise). */
#define MSGF_ALL 0x3ff

/* Generic row handling (rows.c). */
const mtrk_table_def *rows_table(unsigned table);
/* The sort key of an index (MTRK_INDEX_PK: the primary key), the order the
 * store contract defines: the index's columns, then the primary key's.
 * Writes the column numbers to cols (room for ncols + npk); returns how many. */
unsigned rows_sort_key(const mtrk_table_def *def, int index, unsigned *cols);
size_t rows_size(unsigned table);
/* Fills vals[ncols] with values pointing into row (no copy). */
void rows_to_values(unsigned table, const void *row, mtrk_value *vals);
/* Fills row (zeroed first) from vals, duplicating strings. MTRK_ENOMEM. */
int rows_from_values(unsigned table, void *row, const mtrk_value *vals);
/* Frees the strings of a row and zeroes it. */
void rows_clear(unsigned table, void *row);
/* Deep copy. */
int rows_copy(unsigned table, void *dst, const void *src);

#endif
