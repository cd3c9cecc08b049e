/* Every conformance group; a new test file adds its group here. */
#ifndef CONF_GROUPS_H
#define CONF_GROUPS_H
#include "harness.h"

extern const conf_group conf_group_tenants;

static const conf_group *const conf_groups[] = {
    &conf_group_tenants,
};
#endif
