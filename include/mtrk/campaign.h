/*
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
typedef enum mtrk_campaign_status {
    MTRK_CAMPAIGN_DRAFT = 1,
    MTRK_CAMPAIGN_SCHEDULED = 2,
    MTRK_CAMPAIGN_SENDING = 3,
    MTRK_CAMPAIGN_SENT = 4,     /**< final */
    MTRK_CAMPAIGN_PAUSED = 5,   /**< from draft, scheduled or sending; resumes to it */
    MTRK_CAMPAIGN_CANCELED = 6  /**< final */
} mtrk_campaign_status;

#define MTRK_CAMPAIGN_SPEC_VERSION 1
typedef struct mtrk_campaign_spec {
    unsigned int version;
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
#define MTRK_CAMPAIGN_SPEC_INIT { MTRK_CAMPAIGN_SPEC_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0 }
MTRK_API int mtrk_campaign_spec_init(mtrk_campaign_spec *spec, unsigned int version);

typedef struct mtrk_campaign mtrk_campaign;
typedef struct mtrk_campaign_iter mtrk_campaign_iter;

/** Creates a campaign in draft. MTRK_EINVAL/ETOOLONG/EENCODING/EADDRESS name the field. */
MTRK_API int mtrk_campaign_create(mtrk_id *out_id, mtrk_tenant *tenant, const mtrk_campaign_spec *spec);
MTRK_API int mtrk_campaign_get(mtrk_campaign **out, mtrk_tenant *tenant, mtrk_id id);
MTRK_API void mtrk_campaign_free(mtrk_campaign *campaign);
MTRK_API mtrk_id mtrk_campaign_id(const mtrk_campaign *c);
MTRK_API const char *mtrk_campaign_name(const mtrk_campaign *c);
MTRK_API const char *mtrk_campaign_objective(const mtrk_campaign *c);
MTRK_API const char *mtrk_campaign_subject(const mtrk_campaign *c);
MTRK_API const char *mtrk_campaign_from_name(const mtrk_campaign *c);
MTRK_API const char *mtrk_campaign_from_address(const mtrk_campaign *c);
MTRK_API const char *mtrk_campaign_reply_to(const mtrk_campaign *c);
MTRK_API const char *mtrk_campaign_html(const mtrk_campaign *c);
MTRK_API const char *mtrk_campaign_text(const mtrk_campaign *c);
MTRK_API mtrk_time mtrk_campaign_starts_at(const mtrk_campaign *c);
MTRK_API mtrk_time mtrk_campaign_ends_at(const mtrk_campaign *c);
MTRK_API mtrk_campaign_status mtrk_campaign_status_of(const mtrk_campaign *c);
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
MTRK_API int mtrk_campaign_iter_next(const mtrk_campaign **out, mtrk_campaign_iter *iter);
MTRK_API void mtrk_campaign_iter_free(mtrk_campaign_iter *iter);

/* ------------------------------------------------------------------ */
/* Links (the CTA catalogue of a campaign)                             */
/* ------------------------------------------------------------------ */
typedef struct mtrk_link mtrk_link;
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
MTRK_API int mtrk_link_get(mtrk_link **out, mtrk_tenant *tenant, mtrk_id lid);
MTRK_API void mtrk_link_free(mtrk_link *link);
/** Iterates a campaign's links by position. */
MTRK_API int mtrk_link_iter_new(mtrk_link_iter **out, mtrk_tenant *tenant, mtrk_id campaign);
MTRK_API int mtrk_link_iter_next(const mtrk_link **out, mtrk_link_iter *iter);
MTRK_API void mtrk_link_iter_free(mtrk_link_iter *iter);
MTRK_API mtrk_id mtrk_link_id(const mtrk_link *l);
MTRK_API mtrk_id mtrk_link_campaign(const mtrk_link *l);
MTRK_API const char *mtrk_link_url(const mtrk_link *l);
MTRK_API const char *mtrk_link_label(const mtrk_link *l);
MTRK_API uint32_t mtrk_link_position(const mtrk_link *l);

/* ------------------------------------------------------------------ */
/* Message generation                                                  */
/* ------------------------------------------------------------------ */
/** Why a contact is not (or no longer) eligible, in the order the rules apply. */
typedef enum mtrk_exclusion {
    MTRK_EXCL_NONE = 0,              /**< eligible */
    MTRK_EXCL_CONTACT_INACTIVE = 1,  /**< contact bounced, complained or erased */
    MTRK_EXCL_ADDRESS_SUPPRESSED = 2,
    MTRK_EXCL_DOMAIN_SUPPRESSED = 3,
    MTRK_EXCL_GLOBAL_UNSUB = 4,
    MTRK_EXCL_CAMPAIGN_UNSUB = 5,
    MTRK_EXCL_AUDIENCE_UNSUB = 6,    /**< unsubscribed from every audience it comes through */
    MTRK_EXCL_NOT_IN_AUDIENCE = 7,   /**< (single check only) in no audience of the campaign */
    MTRK_EXCL_CAMPAIGN_CANCELED = 8  /**< (messages only) the campaign was canceled */
} mtrk_exclusion;
#define MTRK_EXCL_COUNT 9
/** Static name of an exclusion ("contact_inactive", ...), or NULL if out of range. */
MTRK_API const char *mtrk_exclusion_name(mtrk_exclusion reason);

#define MTRK_GENERATE_REPORT_VERSION 1
typedef struct mtrk_generate_report {
    unsigned int version;
    uint64_t eligible;        /**< created + already_present */
    uint64_t created;
    uint64_t already_present;
    uint64_t excluded_total;
    uint64_t excluded[MTRK_EXCL_COUNT]; /**< by reason; [0] unused */
} mtrk_generate_report;
#define MTRK_GENERATE_REPORT_INIT { MTRK_GENERATE_REPORT_VERSION, 0, 0, 0, 0, { 0 } }
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
typedef enum mtrk_message_state {
    MTRK_MSG_QUEUED = 1,
    MTRK_MSG_CLAIMED = 2,   /**< leased to a sender */
    MTRK_MSG_SENT = 3,
    MTRK_MSG_DELIVERED = 4,
    MTRK_MSG_BOUNCED = 5,   /**< terminal: hard bounce, even after delivered */
    MTRK_MSG_CANCELED = 6   /**< terminal: canceled before sending, with a reason */
} mtrk_message_state;
/** Static name of a state ("queued", ...), or NULL if out of range. */
MTRK_API const char *mtrk_message_state_name(mtrk_message_state state);

#define MTRK_MESSAGE_INFO_VERSION 1
/** A message's state, filled by value. Times are 0 when the fact has not happened. */
typedef struct mtrk_message_info {
    unsigned int version;
    mtrk_id mid;
    mtrk_id campaign;
    mtrk_id contact;
    mtrk_message_state state;
    mtrk_exclusion cancel_reason; /**< when canceled */
    mtrk_time created_at;
    mtrk_time lease_until;        /**< when claimed */
    mtrk_time sent_at;            /**< earliest sent event */
    mtrk_time delivered_at;       /**< earliest explicit delivery */
    mtrk_time bounced_at;         /**< earliest hard bounce */
    mtrk_time first_open_at;
    mtrk_time first_click_at;
    mtrk_time first_complaint_at;
    mtrk_time first_unsub_at;
    uint32_t opens;               /**< open events */
    uint32_t clicks;              /**< click events */
    uint32_t soft_bounces;        /**< soft bounce events */
    int delivered;                /**< explicit or implied by an open/click, and not bounced */
} mtrk_message_info;
#define MTRK_MESSAGE_INFO_INIT \
    { MTRK_MESSAGE_INFO_VERSION, { { 0 } }, { { 0 } }, { { 0 } }, (mtrk_message_state)0, MTRK_EXCL_NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }
MTRK_API int mtrk_message_info_init(mtrk_message_info *info, unsigned int version);

typedef struct mtrk_message_iter mtrk_message_iter;
/** Fills *out (out->version must be set). MTRK_ENOTFOUND if unknown. */
MTRK_API int mtrk_message_get(mtrk_message_info *out, mtrk_tenant *tenant, mtrk_id mid);
/** The message of (campaign, contact), if generated. */
MTRK_API int mtrk_message_find(mtrk_message_info *out, mtrk_tenant *tenant, mtrk_id campaign, mtrk_id contact);
/** Iterates a campaign's messages in mid order. */
MTRK_API int mtrk_message_iter_new(mtrk_message_iter **out, mtrk_tenant *tenant, mtrk_id campaign);
/** out->version must be set. */
MTRK_API int mtrk_message_iter_next(mtrk_message_info *out, mtrk_message_iter *iter);
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

typedef enum mtrk_attribution {
    MTRK_ATTR_MESSAGE = 1,   /**< through a valid mid within the window */
    MTRK_ATTR_RECIPIENT = 2, /**< through a valid rid (recipient contact) */
    MTRK_ATTR_CAMPAIGN = 3   /**< the landing page's campaign alone */
} mtrk_attribution;

#define MTRK_LEAD_INPUT_VERSION 1
typedef struct mtrk_lead_input {
    unsigned int version;
    mtrk_id landing_page;
    const char *lead_key;       /**< caller's idempotency key, 1–256 chars */
    const char *address;        /**< the address typed in the form */
    mtrk_id mid;                /**< from the landing-page URL, or nil */
    mtrk_id rid;                /**< recipient contact id from the URL, or nil */
    const char *const *field_keys;   /**< form fields, nfields of each */
    const char *const *field_values;
    size_t nfields;             /**< <= MTRK_MAX_FIELDS */
    mtrk_time captured_at;      /**< 0: now */
} mtrk_lead_input;
#define MTRK_LEAD_INPUT_INIT \
    { MTRK_LEAD_INPUT_VERSION, { { 0 } }, NULL, NULL, { { 0 } }, { { 0 } }, NULL, NULL, 0, 0 }
MTRK_API int mtrk_lead_input_init(mtrk_lead_input *input, unsigned int version);

#define MTRK_LEAD_INFO_VERSION 1
typedef struct mtrk_lead_info {
    unsigned int version;
    mtrk_id id;
    mtrk_id landing_page;
    mtrk_id campaign;
    mtrk_id mid;                /**< nil unless attributed to a message */
    mtrk_id contact;            /**< the contact of the lead's own address */
    mtrk_id recipient;          /**< the recipient it is attributed to (message's contact or rid), or nil */
    mtrk_attribution attribution;
    int forwarded;              /**< the address is not the message's recipient */
    mtrk_time captured_at;
    const char *lead_key;       /**< borrowed (see the call that filled it) */
    const char *address;        /**< borrowed; NULL once the contact was erased */
    const char *fields_json;    /**< borrowed; form fields as a JSON object */
} mtrk_lead_info;
#define MTRK_LEAD_INFO_INIT \
    { MTRK_LEAD_INFO_VERSION, { { 0 } }, { { 0 } }, { { 0 } }, { { 0 } }, { { 0 } }, { { 0 } }, (mtrk_attribution)0, 0, 0, NULL, NULL, NULL }
MTRK_API int mtrk_lead_info_init(mtrk_lead_info *info, unsigned int version);

/**
 * Captures a lead with attribution (mtrk/DESIGN: mid within the window, else
 * rid, else the landing page's campaign); the lead's address upserts its own
 * contact. Idempotent by lead_key: a repeat sets *out_duplicate (may be NULL)
 * and changes nothing. out (may be NULL; version set) receives the lead;
 * its strings are borrowed from the tenant handle until its next call.
 */
MTRK_API int mtrk_lead_capture(mtrk_lead_info *out, int *out_duplicate, mtrk_tenant *tenant,
                               const mtrk_lead_input *input);
typedef struct mtrk_lead_iter mtrk_lead_iter;
/** Iterates the leads attributed to a campaign in capture order. */
MTRK_API int mtrk_lead_iter_new(mtrk_lead_iter **out, mtrk_tenant *tenant, mtrk_id campaign);
/** Strings borrowed until the next call on the iterator. */
MTRK_API int mtrk_lead_iter_next(mtrk_lead_info *out, mtrk_lead_iter *iter);
MTRK_API void mtrk_lead_iter_free(mtrk_lead_iter *iter);

#ifdef __cplusplus
}
#endif
#endif
