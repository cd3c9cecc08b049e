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

#endif
