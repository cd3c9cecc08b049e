/*
 * Provider webhooks inside the core: what webhook.c (the request, keys and
 * settings) and deadletter.c (the dead-letter store) share.
 */
#ifndef MTRK_WEBHOOK_INT_H
#define MTRK_WEBHOOK_INT_H

#include "internal.h"
#include "../webhook/webhook.h"

/* Events to record for one provider: evs[n] (borrowed), and per event its
 * outcome (version 2), the link a click matched and the outcome's message
 * (malloc'd, owned by the caller); the counts are filled in. */
typedef struct wh_batch {
    wh_event **evs;
    size_t n;
    mtrk_event_outcome *outs;
    mtrk_id *lids;
    char **msgs;
    size_t recorded, duplicates, conflicts, dead_lettered, unmapped, refused;
} wh_batch;

/* Inside the caller's write transaction: maps each event, records the
 * mapped ones whose message is known through core_event_batch and keeps
 * the others as dead letters (an existing dead letter of the same key is
 * kept, its reason updated). A nonzero return means roll back. */
int wh_record(mtrk_tenant *t, const char *provider, mtrk_time now, wh_batch *b);
/* MTRK_EINVAL naming provider unless it is a known provider's name (NULL
 * passes when not required). */
int wh_check_provider(mtrk_tenant *t, const char *provider, bool required);

/* webhook_data.c. The message a provider's message id was recorded for:
 * 0 with *out set, or MTRK_ENOTFOUND (no message set). */
int wh_provider_id_lookup(mtrk_tenant *t, const char *provider, const char *id, mtrk_id *out);
/* Keeps a recorded event's original object (the tenant's setting is on). */
int wh_payload_keep(mtrk_tenant *t, const char *provider, mtrk_id event, mtrk_id mid, mtrk_time now,
                    const char *payload);
/* Deletes the provider message ids and kept payloads of these messages. */
int wh_data_erase_mids(mtrk_tenant *t, const mtrk_id *mids, size_t n);
/* Prunes expired tokens, then: *replayed when `token` of `provider` is
 * remembered and live; else remembers it until `expires`. */
int wh_nonce_check(mtrk_tenant *t, const char *provider, const char *token, mtrk_time now, mtrk_time expires,
                   bool *replayed);

#endif
