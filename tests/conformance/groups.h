/* Every conformance group; a new test file adds its group here. */
#ifndef CONF_GROUPS_H
#define CONF_GROUPS_H
#include "harness.h"

extern const conf_group conf_group_tenants;
extern const conf_group conf_group_contacts;
extern const conf_group conf_group_audiences;
extern const conf_group conf_group_unsubs;
extern const conf_group conf_group_suppressions;
extern const conf_group conf_group_retention;
extern const conf_group conf_group_isolation;
extern const conf_group conf_group_badinput;
extern const conf_group conf_group_campaigns;
extern const conf_group conf_group_generation;
extern const conf_group conf_group_events;
extern const conf_group conf_group_metrics;
extern const conf_group conf_group_leads;
extern const conf_group conf_group_workload;
extern const conf_group conf_group_tracking;
extern const conf_group conf_group_property;
extern const conf_group conf_group_reputation;
extern const conf_group conf_group_webhooks;
extern const conf_group conf_group_webhook_providers;
extern const conf_group conf_group_apitokens;
extern const conf_group conf_group_bounce_facts;
extern const conf_group conf_group_events_scan;

static const conf_group *const conf_groups[] = {
    &conf_group_tenants,
    &conf_group_contacts,
    &conf_group_audiences,
    &conf_group_unsubs,
    &conf_group_suppressions,
    &conf_group_retention,
    &conf_group_isolation,
    &conf_group_badinput,
    &conf_group_campaigns,
    &conf_group_generation,
    &conf_group_events,
    &conf_group_metrics,
    &conf_group_leads,
    &conf_group_workload,
    &conf_group_tracking,
    &conf_group_property,
    &conf_group_reputation,
    &conf_group_webhooks,
    &conf_group_webhook_providers,
    &conf_group_apitokens,
    &conf_group_bounce_facts,
    &conf_group_events_scan,
};
#endif
