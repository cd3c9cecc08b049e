/* The foreign keys of the relational backends (fk.h). */
#include "fk.h"

const store_fk store_fks[] = {
    { "contacts", "tenant", "tenants" },
    { "contact_fields", "contact", "contacts" },
    { "audiences", "tenant", "tenants" },
    { "audience_contacts", "audience", "audiences" },
    { "audience_contacts", "contact", "contacts" },
    { "campaigns", "tenant", "tenants" },
    { "campaign_audiences", "campaign", "campaigns" },
    { "campaign_audiences", "audience", "audiences" },
    { "links", "campaign", "campaigns" },
    { "messages", "campaign", "campaigns" },
    { "messages", "contact", "contacts" },
    /* An event's campaign and contact are its message's (copied by the core
     * from the message row): the reference to the message covers them, and
     * each further key would cost every event insert a parent lookup. */
    { "events", "message", "messages" },
    { "events", "link", "links" },
    { "unsubscribes", "contact", "contacts" },
    { "suppressions", "tenant", "tenants" },
    { "landing_pages", "campaign", "campaigns" },
    { "leads", "landing_page", "landing_pages" },
    { "leads", "campaign", "campaigns" },
    { "leads", "message", "messages" },
    { "audit", "tenant", "tenants" },
    { "campaign_stats", "campaign", "campaigns" },
    { "link_stats", "link", "links" },
    { "link_stats", "campaign", "campaigns" },
    { "hourly_stats", "campaign", "campaigns" },
};
const size_t store_nfks = sizeof store_fks / sizeof store_fks[0];
