/**
 * @file mtrk/campaign.h
 *
 * mtrk — campaigns, links, message generation, messages, the send queue,
 * landing pages and leads. Ownership and iterator rules as in mtrk/contact.h.
 */
#ifndef MTRK_CAMPAIGN_H
#define MTRK_CAMPAIGN_H

#include "contact.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Campaigns                                                           */
/* ------------------------------------------------------------------ */
/** A campaign's status; the allowed transitions are in mtrk_campaign_set_status. */
typedef enum mtrk_campaign_status {
    MTRK_CAMPAIGN_DRAFT = 1, /**< being prepared: content, sender and links can change */
    MTRK_CAMPAIGN_SCHEDULED = 2, /**< ready to send; messages can still be generated */
    MTRK_CAMPAIGN_SENDING = 3, /**< messages are being claimed and sent */
    MTRK_CAMPAIGN_SENT = 4,     /**< final */
    MTRK_CAMPAIGN_PAUSED = 5,   /**< from draft, scheduled or sending; resumes to it */
    MTRK_CAMPAIGN_CANCELED = 6  /**< final */
} mtrk_campaign_status;

#define MTRK_CAMPAIGN_SPEC_VERSION 1 /**< Current version of mtrk_campaign_spec (its version member) */
/** What a campaign is made of: the fields of mtrk_campaign_create and mtrk_campaign_edit. */
typedef struct mtrk_campaign_spec {
    unsigned int version; /**< MTRK_CAMPAIGN_SPEC_VERSION or an older version */
    const char *name;       /**< required, <= MTRK_MAX_NAME */
    const char *objective;  /**< optional, <= MTRK_MAX_NAME */
    const char *subject;    /**< required, <= MTRK_MAX_SUBJECT */
    const char *from_name;  /**< optional, <= MTRK_MAX_NAME */
    const char *from_address; /**< required, a valid address */
    const char *reply_to;   /**< optional, a valid address */
    const char *html;       /**< HTML part, <= MTRK_MAX_HTML, nested <= MTRK_MAX_HTML_DEPTH (html or text required) */
    const char *text;       /**< text part, <= MTRK_MAX_TEXT */
    mtrk_time starts_at;    /**< 0: unset */
    mtrk_time ends_at;      /**< 0: unset; when both set, ends_at > starts_at */
} mtrk_campaign_spec;
/** Initializer of a mtrk_campaign_spec at its current version, with the defaults */
#define MTRK_CAMPAIGN_SPEC_INIT { MTRK_CAMPAIGN_SPEC_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 }
/**
 * Fills *spec with the defaults of mtrk_campaign_spec for `version` (1 to MTRK_CAMPAIGN_SPEC_VERSION),
 * for callers that cannot use MTRK_CAMPAIGN_SPEC_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for
 * an unknown version.
 */
MTRK_API int mtrk_campaign_spec_init(mtrk_campaign_spec *spec, unsigned int version);

/** A campaign snapshot, owned by the caller (mtrk_campaign_get, mtrk_campaign_free) or by an iterator. */
typedef struct mtrk_campaign mtrk_campaign;
/** An iterator over campaigns (see the _iter_new functions). */
typedef struct mtrk_campaign_iter mtrk_campaign_iter;

/** Creates a campaign in draft. MTRK_EINVAL/ETOOLONG/EENCODING/EADDRESS name the field. */
MTRK_API int mtrk_campaign_create(mtrk_id *out_id, mtrk_tenant *tenant, const mtrk_campaign_spec *spec);
/**
 * Reads the campaign `id` into *out, a snapshot owned by the caller (free it with mtrk_campaign_free).
 * Returns MTRK_ENOTFOUND when this tenant has no such campaign, MTRK_EINVAL, MTRK_ENOMEM or a storage
 * error.
 */
MTRK_API int mtrk_campaign_get(mtrk_campaign **out, mtrk_tenant *tenant, mtrk_id id);
/**
 * Finds the campaign named `name` (exact, case-sensitive): *out_id receives
 * its id. Names are not unique: MTRK_EEXISTS when several campaigns have this
 * name (use the id; the message says how many), MTRK_ENOTFOUND when none,
 * MTRK_EINVAL for a NULL argument. Reads the tenant's campaigns (no name index).
 */
MTRK_API int mtrk_campaign_find(mtrk_id *out_id, mtrk_tenant *tenant, const char *name);
/** Frees a campaign snapshot (NULL-safe). */
MTRK_API void mtrk_campaign_free(mtrk_campaign *campaign);
/** The campaign's id. */
MTRK_API mtrk_id mtrk_campaign_id(const mtrk_campaign *c);
/** The campaign's name (borrowed until the snapshot is freed). */
MTRK_API const char *mtrk_campaign_name(const mtrk_campaign *c);
/** The campaign's objective (borrowed until the snapshot is freed; NULL when unset). */
MTRK_API const char *mtrk_campaign_objective(const mtrk_campaign *c);
/** The campaign's subject line (borrowed until the snapshot is freed). */
MTRK_API const char *mtrk_campaign_subject(const mtrk_campaign *c);
/** The sender's display name (borrowed until the snapshot is freed; NULL when unset). */
MTRK_API const char *mtrk_campaign_from_name(const mtrk_campaign *c);
/** The sender's address (borrowed until the snapshot is freed). */
MTRK_API const char *mtrk_campaign_from_address(const mtrk_campaign *c);
/** The reply-to address (borrowed until the snapshot is freed; NULL when unset). */
MTRK_API const char *mtrk_campaign_reply_to(const mtrk_campaign *c);
/** The HTML part (borrowed until the snapshot is freed; NULL when unset). */
MTRK_API const char *mtrk_campaign_html(const mtrk_campaign *c);
/** The text part (borrowed until the snapshot is freed; NULL when unset). */
MTRK_API const char *mtrk_campaign_text(const mtrk_campaign *c);
/** The start of the campaign's period (Unix ms; 0 if unset). */
MTRK_API mtrk_time mtrk_campaign_starts_at(const mtrk_campaign *c);
/** The end of the campaign's period (Unix ms; 0 if unset). */
MTRK_API mtrk_time mtrk_campaign_ends_at(const mtrk_campaign *c);
/** The campaign's status. */
MTRK_API mtrk_campaign_status mtrk_campaign_status_of(const mtrk_campaign *c);
/** When the campaign was created (Unix ms). */
MTRK_API mtrk_time mtrk_campaign_created_at(const mtrk_campaign *c);
/** Static lower-case name of a status ("draft", ...), or NULL if out of range. */
MTRK_API const char *mtrk_campaign_status_name(mtrk_campaign_status status);

/**
 * Replaces name, objective, subject, sender, content and period with `spec`
 * (validated as at creation). Only in draft: MTRK_ESTATE otherwise.
 */
MTRK_API int mtrk_campaign_edit(mtrk_tenant *tenant, mtrk_id id, const mtrk_campaign_spec *spec);

/**
 * Moves a campaign to `status` (audited). Allowed: draft→scheduled,
 * scheduled→sending, sending→sent, draft|scheduled|sending→paused,
 * paused→(the status it was paused from), any non-final→canceled.
 * Anything else is MTRK_ESTATE naming both statuses. Canceling cancels the
 * campaign's queued messages.
 */
MTRK_API int mtrk_campaign_set_status(mtrk_tenant *tenant, mtrk_id id, mtrk_campaign_status status);

/**
 * Attaches an audience (audited "campaign.attach"). *out_attached (may be
 * NULL) is 0 if already attached. Allowed in every status but the final ones
 * (sent, canceled: MTRK_ESTATE); MTRK_ENOTFOUND for an unknown campaign or
 * audience. Messages already generated are not withdrawn by a later change.
 */
MTRK_API int mtrk_campaign_attach_audience(int *out_attached, mtrk_tenant *tenant, mtrk_id campaign, mtrk_id audience);
/** Detaches an audience (audited "campaign.detach"). MTRK_ENOTFOUND if it was not attached; MTRK_ESTATE as for attach. */
MTRK_API int mtrk_campaign_detach_audience(mtrk_tenant *tenant, mtrk_id campaign, mtrk_id audience);
/**
 * Writes up to `cap` attached audience ids (audience-id order) into out and the
 * total count into *out_count.
 */
MTRK_API int mtrk_campaign_audiences(mtrk_id *out, size_t cap, size_t *out_count, mtrk_tenant *tenant, mtrk_id campaign);
/** Iterates the tenant's campaigns in id (creation) order. */
MTRK_API int mtrk_campaign_iter_new(mtrk_campaign_iter **out, mtrk_tenant *tenant);
/**
 * Hands out the next item, owned by the iterator and valid until the next call or its _iter_free.
 * Returns 0 with an item, MTRK_ITEROVER at the end, or an error.
 */
MTRK_API int mtrk_campaign_iter_next(const mtrk_campaign **out, mtrk_campaign_iter *iter);
/** Frees the iterator and the items it handed out (NULL-safe). */
MTRK_API void mtrk_campaign_iter_free(mtrk_campaign_iter *iter);

/* ------------------------------------------------------------------ */
/* Links (the CTA catalogue of a campaign)                             */
/* ------------------------------------------------------------------ */
/** A link snapshot, owned by the caller (mtrk_link_get, mtrk_link_free) or by an iterator. */
typedef struct mtrk_link mtrk_link;
/** An iterator over links (see the _iter_new functions). */
typedef struct mtrk_link_iter mtrk_link_iter;
/**
 * Catalogues a trackable link: an http(s) URL (<= MTRK_MAX_URL), a label and
 * its position in the content (0-based order). A position already held by a
 * link of the campaign (one catalogued from the HTML, say) is not shared: the
 * link gets the position after the last one instead (mtrk_link_position
 * tells which). Only in draft (MTRK_ESTATE).
 */
MTRK_API int mtrk_link_add(mtrk_id *out_lid, mtrk_tenant *tenant, mtrk_id campaign,
                           const char *url, const char *label, uint32_t position);
/**
 * Reads the link `lid` into *out, a snapshot owned by the caller (free it with mtrk_link_free).
 * Returns MTRK_ENOTFOUND when this tenant has no such link, MTRK_EINVAL, MTRK_ENOMEM or a storage
 * error.
 */
MTRK_API int mtrk_link_get(mtrk_link **out, mtrk_tenant *tenant, mtrk_id lid);
/** Frees a link snapshot (NULL-safe). */
MTRK_API void mtrk_link_free(mtrk_link *link);
/**
 * Finds the link of `campaign` whose label is `label` (exact, case-sensitive):
 * *out_lid receives its lid. MTRK_EEXISTS when several links of the campaign
 * have this label, MTRK_ENOTFOUND when none or for an unknown campaign,
 * MTRK_EINVAL for a NULL argument.
 */
MTRK_API int mtrk_link_find(mtrk_id *out_lid, mtrk_tenant *tenant, mtrk_id campaign, const char *label);
/** Iterates a campaign's links by position. */
MTRK_API int mtrk_link_iter_new(mtrk_link_iter **out, mtrk_tenant *tenant, mtrk_id campaign);
/**
 * Hands out the next item, owned by the iterator and valid until the next call or its _iter_free.
 * Returns 0 with an item, MTRK_ITEROVER at the end, or an error.
 */
MTRK_API int mtrk_link_iter_next(const mtrk_link **out, mtrk_link_iter *iter);
/** Frees the iterator and the items it handed out (NULL-safe). */
MTRK_API void mtrk_link_iter_free(mtrk_link_iter *iter);
/** The link's id. */
MTRK_API mtrk_id mtrk_link_id(const mtrk_link *l);
/** The campaign the link belongs to. */
MTRK_API mtrk_id mtrk_link_campaign(const mtrk_link *l);
/** The catalogued URL, where clicks redirect (borrowed until the snapshot is freed). */
MTRK_API const char *mtrk_link_url(const mtrk_link *l);
/** The link's label (borrowed until the snapshot is freed; NULL when unset). */
MTRK_API const char *mtrk_link_label(const mtrk_link *l);
/** The link's position among the campaign's links (0-based). */
MTRK_API uint32_t mtrk_link_position(const mtrk_link *l);

/* ------------------------------------------------------------------ */
/* Message generation                                                  */
/* ------------------------------------------------------------------ */
/** Why a contact is not (or no longer) eligible, in the order the rules apply. */
typedef enum mtrk_exclusion {
    MTRK_EXCL_NONE = 0,              /**< eligible */
    MTRK_EXCL_CONTACT_INACTIVE = 1,  /**< contact bounced, complained or erased */
    MTRK_EXCL_ADDRESS_SUPPRESSED = 2, /**< the address is on the suppression list (or its erased hash is) */
    MTRK_EXCL_DOMAIN_SUPPRESSED = 3, /**< the address's domain is on the suppression list */
    MTRK_EXCL_GLOBAL_UNSUB = 4, /**< the contact unsubscribed from everything */
    MTRK_EXCL_CAMPAIGN_UNSUB = 5, /**< the contact unsubscribed from this campaign */
    MTRK_EXCL_AUDIENCE_UNSUB = 6,    /**< unsubscribed from every audience it comes through */
    MTRK_EXCL_NOT_IN_AUDIENCE = 7,   /**< (single check only) in no audience of the campaign */
    MTRK_EXCL_CAMPAIGN_CANCELED = 8  /**< (messages only) the campaign was canceled */
} mtrk_exclusion;
/**
 * One more than the largest reason this header knows. It grows when a reason
 * is added, so it sizes no array shared with the library (see
 * MTRK_GENERATE_REPORT_NEXCLUDED).
 */
#define MTRK_EXCL_COUNT 9
/** Static name of an exclusion ("contact_inactive", ...), or NULL if out of range. */
MTRK_API const char *mtrk_exclusion_name(mtrk_exclusion reason);

/**
 * Entries of mtrk_generate_report.excluded, fixed for the life of the ABI:
 * the reasons 1..8 of version 1. A reason added later is counted in
 * excluded_total and in a field appended with a version bump, never by
 * growing the array, so walk it with this constant, not MTRK_EXCL_COUNT.
 */
#define MTRK_GENERATE_REPORT_NEXCLUDED 9
#define MTRK_GENERATE_REPORT_VERSION 1 /**< Current version of mtrk_generate_report (its version member) */
/** What mtrk_campaign_generate did: eligible, created, already present, excluded by reason. */
typedef struct mtrk_generate_report {
    unsigned int version; /**< MTRK_GENERATE_REPORT_VERSION or an older version */
    uint64_t eligible;        /**< created + already_present */
    uint64_t created; /**< messages created by this call */
    uint64_t already_present; /**< eligible contacts that already had a message */
    uint64_t excluded_total; /**< contacts excluded, all reasons */
    uint64_t excluded[MTRK_GENERATE_REPORT_NEXCLUDED]; /**< by reason; [0] unused */
} mtrk_generate_report;
/** Initializer of a mtrk_generate_report at its current version, with the defaults */
#define MTRK_GENERATE_REPORT_INIT { MTRK_GENERATE_REPORT_VERSION, 0, 0, 0, 0, { 0 } }
/**
 * Fills *report with the defaults of mtrk_generate_report for `version` (1 to
 * MTRK_GENERATE_REPORT_VERSION), for callers that cannot use MTRK_GENERATE_REPORT_INIT. Returns
 * MTRK_EINVAL for NULL, MTRK_EVERSION for an unknown version.
 */
MTRK_API int mtrk_generate_report_init(mtrk_generate_report *report, unsigned int version);

/**
 * Generates the campaign's messages: the union of its audiences' members, each
 * contact once, minus the excluded, each counted under its first reason.
 * Idempotent; one transaction, reading members in bounded pages. Only in draft,
 * scheduled or sending (MTRK_ESTATE). report may be NULL.
 */
MTRK_API int mtrk_campaign_generate(mtrk_generate_report *report, mtrk_tenant *tenant, mtrk_id campaign);

/**
 * May `contact` receive `campaign`? *out_reason is MTRK_EXCL_NONE if yes, else
 * the first reason that applies (MTRK_EXCL_NOT_IN_AUDIENCE if the contact is
 * in none of the campaign's audiences).
 */
MTRK_API int mtrk_campaign_check_contact(mtrk_exclusion *out_reason, mtrk_tenant *tenant,
                                         mtrk_id campaign, mtrk_id contact);

/* ------------------------------------------------------------------ */
/* Messages                                                            */
/* ------------------------------------------------------------------ */
/** A message's delivery state; it only moves forward, and bounced and canceled are terminal. */
typedef enum mtrk_message_state {
    MTRK_MSG_QUEUED = 1, /**< generated, waiting to be claimed */
    MTRK_MSG_CLAIMED = 2,   /**< leased to a sender */
    MTRK_MSG_SENT = 3, /**< handed to the provider */
    MTRK_MSG_DELIVERED = 4, /**< delivered (explicitly, or implied by an open or click) */
    MTRK_MSG_BOUNCED = 5,   /**< terminal: hard bounce, even after delivered */
    MTRK_MSG_CANCELED = 6   /**< terminal: canceled before sending, with a reason */
} mtrk_message_state;
/** Static name of a state ("queued", ...), or NULL if out of range. */
MTRK_API const char *mtrk_message_state_name(mtrk_message_state state);

#define MTRK_MESSAGE_INFO_VERSION 1 /**< Current version of mtrk_message_info (its version member) */
/** A message's state, filled by value. Times are 0 when the fact has not happened. */
typedef struct mtrk_message_info {
    unsigned int version; /**< MTRK_MESSAGE_INFO_VERSION or an older version */
    mtrk_id mid; /**< the message's id */
    mtrk_id campaign; /**< its campaign */
    mtrk_id contact; /**< its contact (the recipient) */
    mtrk_message_state state; /**< its delivery state */
    mtrk_exclusion cancel_reason; /**< when canceled */
    mtrk_time created_at; /**< when it was generated */
    mtrk_time lease_until;        /**< when claimed */
    mtrk_time sent_at;            /**< earliest sent event */
    mtrk_time delivered_at;       /**< earliest explicit delivery */
    mtrk_time bounced_at;         /**< earliest hard bounce */
    mtrk_time first_open_at; /**< earliest open */
    mtrk_time first_click_at; /**< earliest click */
    mtrk_time first_complaint_at; /**< earliest complaint */
    mtrk_time first_unsub_at; /**< earliest unsubscribe */
    uint32_t opens;               /**< open events */
    uint32_t clicks;              /**< click events */
    uint32_t soft_bounces;        /**< soft bounce events */
    int delivered;                /**< explicit or implied by an open/click, and not bounced */
} mtrk_message_info;
/** Initializer of a mtrk_message_info at its current version, with the defaults */
#define MTRK_MESSAGE_INFO_INIT \
    { MTRK_MESSAGE_INFO_VERSION, { { 0 } }, { { 0 } }, { { 0 } }, (mtrk_message_state)0, MTRK_EXCL_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
/**
 * Fills *info with the defaults of mtrk_message_info for `version` (1 to MTRK_MESSAGE_INFO_VERSION),
 * for callers that cannot use MTRK_MESSAGE_INFO_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for
 * an unknown version.
 */
MTRK_API int mtrk_message_info_init(mtrk_message_info *info, unsigned int version);

/** An iterator over messages (see the _iter_new functions). */
typedef struct mtrk_message_iter mtrk_message_iter;
/** Fills *out (out->version must be set). MTRK_ENOTFOUND if unknown. */
MTRK_API int mtrk_message_get(mtrk_message_info *out, mtrk_tenant *tenant, mtrk_id mid);
/** The message of (campaign, contact), if generated. */
MTRK_API int mtrk_message_find(mtrk_message_info *out, mtrk_tenant *tenant, mtrk_id campaign, mtrk_id contact);
/** Iterates a campaign's messages in mid order. */
MTRK_API int mtrk_message_iter_new(mtrk_message_iter **out, mtrk_tenant *tenant, mtrk_id campaign);
/** out->version must be set. */
MTRK_API int mtrk_message_iter_next(mtrk_message_info *out, mtrk_message_iter *iter);
/** Frees the iterator (NULL-safe). */
MTRK_API void mtrk_message_iter_free(mtrk_message_iter *iter);

/* ------------------------------------------------------------------ */
/* Send queue                                                          */
/* ------------------------------------------------------------------ */
/**
 * Claims up to `cap` messages of a sending campaign for `lease_ms` (> 0):
 * queued ones, and claimed ones whose lease expired (a crashed sender). Each
 * is checked for eligibility again; one no longer eligible is canceled with
 * its reason instead (counted in *out_canceled, may be NULL; a contact that
 * merely left the campaign's audiences after generation is not canceled:
 * not_in_audience is a single-check answer only). Claimed mids go
 * to out_mids, their number to *out_n. MTRK_ESTATE unless the campaign is
 * sending.
 */
MTRK_API int mtrk_queue_claim(mtrk_id *out_mids, size_t *out_n, size_t *out_canceled, mtrk_tenant *tenant,
                              mtrk_id campaign, size_t cap, int64_t lease_ms);
/**
 * Marks a claimed message sent: records a "sent" event at `sent_at` (0: now)
 * with the provider name and the provider's message id (both optional).
 * MTRK_ESTATE unless the message is claimed.
 */
MTRK_API int mtrk_queue_mark_sent(mtrk_tenant *tenant, mtrk_id mid, mtrk_time sent_at,
                                  const char *provider, const char *provider_message_id);
/** Returns a claimed message to the queue (the sender gave up on it). */
MTRK_API int mtrk_queue_release(mtrk_tenant *tenant, mtrk_id mid);

/* ------------------------------------------------------------------ */
/* Landing pages and leads                                             */
/* ------------------------------------------------------------------ */
/** Creates the landing page of a campaign (one per campaign: MTRK_EEXISTS). url is http(s). */
MTRK_API int mtrk_landing_page_create(mtrk_id *out_id, mtrk_tenant *tenant, mtrk_id campaign,
                                      const char *name, const char *url);
/** The landing page of a campaign. */
MTRK_API int mtrk_landing_page_find(mtrk_id *out_id, mtrk_tenant *tenant, mtrk_id campaign);

/** How a lead was attributed. */
typedef enum mtrk_attribution {
    MTRK_ATTR_MESSAGE = 1,   /**< through a valid mid within the window */
    MTRK_ATTR_RECIPIENT = 2, /**< through a valid rid (recipient contact) */
    MTRK_ATTR_CAMPAIGN = 3   /**< the landing page's campaign alone */
} mtrk_attribution;

#define MTRK_LEAD_INPUT_VERSION 1 /**< Current version of mtrk_lead_input (its version member) */
/** A landing-page form submission to capture (mtrk_lead_capture). */
typedef struct mtrk_lead_input {
    unsigned int version; /**< MTRK_LEAD_INPUT_VERSION or an older version */
    mtrk_id landing_page; /**< the landing page; required */
    const char *lead_key;       /**< caller's idempotency key, 1–256 chars */
    const char *address;        /**< the address typed in the form */
    mtrk_id mid;                /**< from the landing-page URL, or nil */
    mtrk_id rid;                /**< recipient contact id from the URL, or nil */
    const char *const *field_keys;   /**< form fields, nfields of each */
    const char *const *field_values; /**< form field values, nfields of them */
    size_t nfields;             /**< <= MTRK_MAX_FIELDS */
    mtrk_time captured_at;      /**< 0: now */
} mtrk_lead_input;
/** Initializer of a mtrk_lead_input at its current version, with the defaults */
#define MTRK_LEAD_INPUT_INIT \
    { MTRK_LEAD_INPUT_VERSION, { { 0 } }, NULL, NULL, { { 0 } }, { { 0 } }, NULL, NULL, 0, 0 }
/**
 * Fills *input with the defaults of mtrk_lead_input for `version` (1 to MTRK_LEAD_INPUT_VERSION), for
 * callers that cannot use MTRK_LEAD_INPUT_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for an
 * unknown version.
 */
MTRK_API int mtrk_lead_input_init(mtrk_lead_input *input, unsigned int version);

#define MTRK_LEAD_INFO_VERSION 1 /**< Current version of mtrk_lead_info (its version member) */
/** A captured lead, filled by value. */
typedef struct mtrk_lead_info {
    unsigned int version; /**< MTRK_LEAD_INFO_VERSION or an older version */
    mtrk_id id; /**< the lead's id */
    mtrk_id landing_page; /**< the landing page it was captured on */
    mtrk_id campaign; /**< the landing page's campaign */
    mtrk_id mid;                /**< nil unless attributed to a message */
    mtrk_id contact;            /**< the contact of the lead's own address */
    mtrk_id recipient;          /**< the recipient it is attributed to (message's contact or rid), or nil */
    mtrk_attribution attribution; /**< how it was attributed */
    int forwarded;              /**< the address is not the message's recipient */
    mtrk_time captured_at; /**< when it was captured */
    /* Strings: the tenant handle's (common.h), whichever call filled them. */
    const char *lead_key;       /**< the caller's lead key */
    const char *address;        /**< NULL once the contact was erased */
    const char *fields_json;    /**< form fields as a JSON object */
} mtrk_lead_info;
/** Initializer of a mtrk_lead_info at its current version, with the defaults */
#define MTRK_LEAD_INFO_INIT \
    { MTRK_LEAD_INFO_VERSION, { { 0 } }, { { 0 } }, { { 0 } }, { { 0 } }, { { 0 } }, { { 0 } }, (mtrk_attribution)0, 0, 0, NULL, NULL, NULL }
/**
 * Fills *info with the defaults of mtrk_lead_info for `version` (1 to MTRK_LEAD_INFO_VERSION), for
 * callers that cannot use MTRK_LEAD_INFO_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for an
 * unknown version.
 */
MTRK_API int mtrk_lead_info_init(mtrk_lead_info *info, unsigned int version);

/**
 * Captures a lead with attribution (docs/rules.md "Leads": mid within the window, else
 * rid, else the landing page's campaign); the lead's address upserts its own
 * contact. Idempotent by lead_key: a repeat sets *out_duplicate (may be NULL)
 * and changes nothing. out (may be NULL; version set) receives the lead;
 * its strings are the tenant handle's (common.h): valid through its next call.
 */
MTRK_API int mtrk_lead_capture(mtrk_lead_info *out, int *out_duplicate, mtrk_tenant *tenant,
                               const mtrk_lead_input *input);
/** An iterator over leads (see the _iter_new functions). */
typedef struct mtrk_lead_iter mtrk_lead_iter;
/** Iterates the leads attributed to a campaign in capture order. */
MTRK_API int mtrk_lead_iter_new(mtrk_lead_iter **out, mtrk_tenant *tenant, mtrk_id campaign);
/**
 * Fills *out with the next lead (out->version set): 0, MTRK_ITEROVER at the
 * end, or an error. Its strings are the tenant handle's (common.h), as for
 * mtrk_lead_capture: valid through the next call on the tenant or its
 * iterators, even after mtrk_lead_iter_free.
 */
MTRK_API int mtrk_lead_iter_next(mtrk_lead_info *out, mtrk_lead_iter *iter);
/** Frees the iterator (NULL-safe). */
MTRK_API void mtrk_lead_iter_free(mtrk_lead_iter *iter);

#ifdef __cplusplus
}
#endif
#endif
