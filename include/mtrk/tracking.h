/**
 * @file mtrk/tracking.h
 *
 * mtrk — tracking: the link catalogue taken from a campaign's HTML, signed
 * tracking URLs, rendering a message for one recipient, resolving the hits a
 * host's HTTP endpoint receives (opens, clicks, unsubscribes, landing-page
 * visits) and classifying machine activity. The policies (what is tracked,
 * URL layout, rules and their defaults) are in docs/tracking.md.
 */
#ifndef MTRK_TRACKING_H
#define MTRK_TRACKING_H

#include "event.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Links: where a catalogued link came from                            */
/* ------------------------------------------------------------------ */
/** Where a catalogued link came from. */
typedef enum mtrk_link_origin {
    MTRK_LINK_MANUAL = 0,   /**< added with mtrk_link_add; never removed by recataloguing */
    MTRK_LINK_HTML = 1,     /**< an `<a href>` or `<area href>` of the campaign's HTML */
    MTRK_LINK_HONEYPOT = 2, /**< an `<a href data-mtrk-honeypot>` of the HTML: clicks are scanners */
    /** An href of the HTML written with merge tags of a template language
     * ({{x}}, [[x]], %%x%%, ${x} ...) or other characters RFC 3986 forbids
     * unencoded: its URL differs per recipient. Catalogued, not tracked: the
     * href is rendered as written (docs/tracking.md "Merge tags"). */
    MTRK_LINK_TEMPLATE = 3,
    /** Such an href with data-mtrk-track: tracked, and a click redirects to
     * the URL as catalogued, merge tags included, for the host to fill in
     * for the recipient (mtrk_track_result's mid and rid) before answering. */
    MTRK_LINK_TEMPLATE_TRACKED = 4
} mtrk_link_origin;
/** Where the link comes from (MTRK_LINK_MANUAL for NULL). */
MTRK_API mtrk_link_origin mtrk_link_origin_of(const mtrk_link *l);

/* ------------------------------------------------------------------ */
/* Signing keys (per tenant; the first is made with the tenant)        */
/* ------------------------------------------------------------------ */
/**
 * Makes a new signing key for the tenant (audited "tenant.key.rotate"): from
 * now on it signs every URL; earlier keys still verify until retired.
 * *out_key_id (may be NULL) receives the new key's id (ids count up from 1).
 */
MTRK_API int mtrk_tenant_rotate_key(uint32_t *out_key_id, mtrk_tenant *tenant);
/**
 * Retires key `key_id` (audited "tenant.key.retire"): URLs it signed are
 * refused from then on (MTRK_ESIGNATURE). MTRK_ENOTFOUND for an unknown id,
 * MTRK_ESTATE for the current signing key (rotate first) or a key already retired.
 */
MTRK_API int mtrk_tenant_retire_key(mtrk_tenant *tenant, uint32_t key_id);

#define MTRK_KEY_INFO_VERSION 1 /**< Current version of mtrk_key_info (its version member) */
/** A signing key's public facts (never its secret). */
typedef struct mtrk_key_info {
    unsigned int version; /**< MTRK_KEY_INFO_VERSION or an older version */
    uint32_t key_id; /**< the key's id (ids count up from 1) */
    mtrk_time created_at; /**< when the key was made */
    mtrk_time retired_at;   /**< 0 while it verifies */
    int current;            /**< 1 for the key that signs */
} mtrk_key_info;
/** Initializer of a mtrk_key_info at its current version, with the defaults */
#define MTRK_KEY_INFO_INIT { MTRK_KEY_INFO_VERSION, 0, 0, 0, 0 }
/** Fills *info with defaults for `version`. MTRK_EVERSION if unknown. */
MTRK_API int mtrk_key_info_init(mtrk_key_info *info, unsigned int version);
/**
 * The tenant's URL-signing keys by id (not tenant keys: see
 * mtrk_db_tenant_list): up to cap into outs (each non-NULL, version set),
 * the number of keys into *out_count.
 */
MTRK_API int mtrk_tenant_signing_keys(mtrk_key_info *const *outs, size_t cap, size_t *out_count, mtrk_tenant *tenant);

/* ------------------------------------------------------------------ */
/* Tracking URLs                                                       */
/* ------------------------------------------------------------------ */
/** The kind of a tracking URL. */
typedef enum mtrk_url_kind {
    MTRK_URL_OPEN = 1,        /**< {base}/o/{tenant}/{token}.gif */
    MTRK_URL_CLICK = 2,       /**< {base}/c/{tenant}/{token}: mid and lid */
    MTRK_URL_UNSUBSCRIBE = 3, /**< {base}/u/{tenant}/{token} */
    MTRK_URL_LANDING = 4      /**< {base}/l/{tenant}/{token}: mid and rid (the recipient) */
} mtrk_url_kind;
/** Static name ("open", "click", "unsubscribe", "landing"), or NULL if out of range. */
MTRK_API const char *mtrk_url_kind_name(mtrk_url_kind kind);

/**
 * The signed URL of `kind` for message `mid` (lid: the link for
 * MTRK_URL_CLICK, else nil), built on the tenant's tracking_base_url.
 * *out is a NUL-terminated string freed with mtrk_free. MTRK_ESTATE when the
 * tenant has no tracking_base_url (or, for a landing URL, the campaign has
 * no landing page); MTRK_ENOTFOUND for an unknown mid or a lid that is not a
 * link of the message's campaign.
 */
MTRK_API int mtrk_track_url(char **out, mtrk_tenant *tenant, mtrk_url_kind kind, mtrk_id mid, mtrk_id lid);

/**
 * The tenant key named by a tracking path ("/any/prefix/c/{tenant}/{token}"),
 * so that an endpoint knows which tenant to open before resolving. Writes it,
 * NUL-terminated, into out (outsize octets; MTRK_MAX_TENANT_KEY + 1 always
 * fits, and the size is the caller's to say should the limit ever be
 * raised). MTRK_ESIGNATURE when the path is not shaped like a tracking URL;
 * MTRK_EINVAL (out is "") when out is NULL or too small for the key. Pure: no
 * handle needed.
 */
MTRK_API int mtrk_track_path_tenant(char *out, size_t outsize, const char *path);

/**
 * The URL of campaign's landing page (where a landing URL redirects), into
 * *out_url (NUL-terminated, freed with mtrk_free; "" when the page has no
 * URL), and its id into *out_id (may be NULL). MTRK_ENOTFOUND when the
 * campaign has no landing page (or is not the tenant's).
 */
MTRK_API int mtrk_landing_page_url(char **out_url, mtrk_id *out_id, mtrk_tenant *tenant, mtrk_id campaign);

/** The 1x1 transparent GIF to answer an open with (static; *out_len its size). */
MTRK_API const unsigned char *mtrk_track_pixel(size_t *out_len);

/* ------------------------------------------------------------------ */
/* Rendering                                                           */
/* ------------------------------------------------------------------ */
#define MTRK_RENDERED_VERSION 3 /**< Current version of mtrk_rendered (its version member) */
/**
 * A message rendered for its recipient. Every string is owned by the caller
 * (free each with mtrk_free, or all with mtrk_rendered_clear); NULL when the
 * campaign has no such part.
 */
typedef struct mtrk_rendered {
    unsigned int version; /**< MTRK_RENDERED_VERSION or an older version */
    char *html;                  /**< tracked hrefs replaced, open pixel added, placeholders substituted */
    char *text;                  /**< catalogued URLs replaced, placeholders substituted */
    char *list_unsubscribe;      /**< value of the List-Unsubscribe header: <https://...>[, <mailto:...>] */
    char *list_unsubscribe_post; /**< value of List-Unsubscribe-Post: "List-Unsubscribe=One-Click" */
    size_t html_len;             /**< octets of html (no NUL) */
    size_t text_len; /**< octets of text (no NUL) */
    /* ---- version 2 ---- */
    /** Value of the header named MTRK_MID_HEADER ("X-Mtrk-Mid", mtrk/bounce.h) to put on the
     *  message: its mid, so that a bounce returning the original names the message. */
    char *mid_header;
    /* ---- version 3: what mtrk_message_render_with adds (NULL from mtrk_message_render) ---- */
    /** The envelope sender (MAIL FROM) to send with: a VERP return path naming the message with a
     *  signed tag, made from mtrk_render_options.return_path (docs/bounces.md "The VERP format"). */
    char *return_path;
    /** For mtrk_render_options.provider: the JSON fragment to merge into that provider's send API
     *  request so that its webhooks echo the mid back (docs/providers.md, "Attaching the mid"). */
    char *provider_json;
    /** For mtrk_render_options.provider: the same as one header line ("Name: value", no CRLF) for
     *  sending through the provider's SMTP relay; NULL when the provider reads no such header. */
    char *provider_header;
} mtrk_rendered;
/** Initializer of a mtrk_rendered at its current version, with the defaults */
#define MTRK_RENDERED_INIT { MTRK_RENDERED_VERSION, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, NULL }
/** Fills *r with defaults for `version`. MTRK_EVERSION if unknown. */
MTRK_API int mtrk_rendered_init(mtrk_rendered *r, unsigned int version);
/** Frees every string of *r and sets them to NULL (NULL-safe). */
MTRK_API void mtrk_rendered_clear(mtrk_rendered *r);

/**
 * Renders message `mid` (out->version set; its strings must be NULL). The
 * HTML is the campaign's, byte for byte, except: each catalogued href value
 * is replaced by this message's signed click URL (entity-encoded for its
 * quoting), the open pixel is inserted before `</body>` (or appended), and the
 * placeholders {{unsubscribe_url}} and {{landing_url}} are replaced by this
 * message's URLs. MTRK_ESTATE without a tracking_base_url, or when the content
 * uses {{landing_url}} and the campaign has no landing page.
 */
MTRK_API int mtrk_message_render(mtrk_rendered *out, mtrk_tenant *tenant, mtrk_id mid);

#define MTRK_RENDER_OPTIONS_VERSION 1 /**< Current version of mtrk_render_options (its version member) */
/** What mtrk_message_render_with adds to a rendered message. */
typedef struct mtrk_render_options {
    unsigned int version;     /**< MTRK_RENDER_OPTIONS_VERSION or an older version */
    /** The tenant's bounce address ("bounces@b.acme.example", its local part at most
     *  MTRK_MAX_VERP_LOCAL octets), or NULL: out->return_path is then NULL. */
    const char *return_path;
    /** A provider's name as mtrk_webhook_ingest takes it ("sendgrid", "ses", "mailgun", "postmark",
     *  "sparkpost", "brevo", "mailjet", "resend", "mandrill", "mailersend", "postal"), or NULL:
     *  out->provider_json and provider_header are then NULL. */
    const char *provider;
} mtrk_render_options;
/** Initializer of a mtrk_render_options at its current version, with the defaults */
#define MTRK_RENDER_OPTIONS_INIT { MTRK_RENDER_OPTIONS_VERSION, NULL, NULL }
/** Fills *opts with defaults for `version`. MTRK_EINVAL for NULL, MTRK_EVERSION if unknown. */
MTRK_API int mtrk_render_options_init(mtrk_render_options *opts, unsigned int version);
/** The longest local part of mtrk_render_options.return_path: the signed tag takes 49 of a local part's 64 octets. */
#define MTRK_MAX_VERP_LOCAL 15
/**
 * mtrk_message_render, plus what sending needs (out->version 3 or later):
 * the VERP return path naming the message with a tag signed by the
 * tenant's current signing key ("bounces+<10 hex>-mtrk-<mid as 32 hex>@b.acme.example",
 * which mtrk_bounce_verp_parse reads and mtrk_bounce_verp_verify checks),
 * and what to attach for the provider so that its webhooks name the
 * message. opts may be NULL (then it is mtrk_message_render). Returns the
 * codes of mtrk_message_render, and MTRK_EINVAL for a return path that is
 * not local\@domain, an unknown provider, or out->version below 3 with an
 * option given; MTRK_ETOOLONG for a local part over MTRK_MAX_VERP_LOCAL;
 * MTRK_ESTATE when the tenant has no signing key. On failure out keeps no
 * string.
 */
MTRK_API int mtrk_message_render_with(mtrk_rendered *out, mtrk_tenant *tenant, mtrk_id mid,
                                      const mtrk_render_options *opts);

/* ------------------------------------------------------------------ */
/* Machine activity                                                    */
/* ------------------------------------------------------------------ */
/** What fetched an open or made a click. Counted as machine: privacy proxy and security scanner. */
typedef enum mtrk_machine_class {
    MTRK_CLASS_HUMAN = 0, /**< a person (or nothing says otherwise) */
    MTRK_CLASS_PRIVACY_PROXY = 1,    /**< prefetch of every image on delivery (machine) */
    MTRK_CLASS_IMAGE_PROXY = 2,      /**< a real open fetched through the provider's cache (human) */
    MTRK_CLASS_SECURITY_SCANNER = 3, /**< a link scanner following URLs (machine) */
    MTRK_CLASS_UNKNOWN = 4           /**< nothing to judge by (no user agent nor IP); counted human */
} mtrk_machine_class;
#define MTRK_CLASS_COUNT 5 /**< Number of mtrk_machine_class values. */
/** Static name ("human", "privacy_proxy", ...), or NULL if out of range. */
MTRK_API const char *mtrk_machine_class_name(mtrk_machine_class c);

/** Which rule decided. */
typedef enum mtrk_machine_rule {
    MTRK_RULE_NONE = 0, /**< no rule matched */
    MTRK_RULE_USER_AGENT = 1,      /**< a user-agent substring of the rules */
    MTRK_RULE_NETWORK = 2,         /**< an IP network of the rules */
    MTRK_RULE_HONEYPOT = 3,        /**< a click on a honeypot link */
    MTRK_RULE_LINK_BURST = 4,      /**< several links of one message clicked within the burst window */
    MTRK_RULE_DELIVERY_WINDOW = 5, /**< within the window after delivery (or sending) */
    MTRK_RULE_HOST = 6             /**< the host's classifier callback */
} mtrk_machine_rule;
#define MTRK_RULE_COUNT 7 /**< Number of mtrk_machine_rule values. */
/** Static name ("none", "user_agent", ...), or NULL if out of range. */
MTRK_API const char *mtrk_machine_rule_name(mtrk_machine_rule r);

/* Which events a rule applies to. */
#define MTRK_APPLY_OPEN 0x1u /**< The rule applies to opens. */
#define MTRK_APPLY_CLICK 0x2u /**< The rule applies to clicks. */
#define MTRK_APPLY_BOTH 0x3u /**< The rule applies to opens and clicks. */

/**
 * One data rule: a user-agent substring (ASCII case-insensitive) or a CIDR
 * network ("17.0.0.0/8", "2001:db8::/32"). Passed in arrays whose element
 * size travels with them (mtrk_classify_rules.rule_size): members are only
 * ever appended, and the library reads the members a caller's size covers.
 */
typedef struct mtrk_classify_rule {
    const char *match; /**< the user-agent substring or the CIDR network */
    mtrk_machine_class machine_class; /**< the class a match gives */
    unsigned int applies; /**< MTRK_APPLY_* */
} mtrk_classify_rule;

#define MTRK_CLASSIFY_RULES_VERSION 1 /**< Current version of mtrk_classify_rules (its version member) */
/** The rules as data; the first matching user-agent rule wins, then the first network rule. */
typedef struct mtrk_classify_rules {
    unsigned int version; /**< MTRK_CLASSIFY_RULES_VERSION or an older version */
    /**
     * sizeof(mtrk_classify_rule) as the caller compiled it: the stride of
     * user_agents and networks (set by MTRK_CLASSIFY_RULES_INIT and
     * mtrk_classify_rules_init). Read only when an array is not empty.
     */
    size_t rule_size;
    const mtrk_classify_rule *user_agents; /**< user-agent rules, n_user_agents of them */
    size_t n_user_agents; /**< number of user-agent rules */
    const mtrk_classify_rule *networks; /**< network rules, n_networks of them */
    size_t n_networks; /**< number of network rules */
    int honeypot;               /**< 1: a click on a honeypot link is a security scanner */
    int64_t burst_window_ms;    /**< link burst window (0: rule off) */
    uint32_t burst_links;       /**< distinct links within the window (>= 2; 0: every link of the campaign) */
    int64_t delivery_window_ms; /**< activity this soon after delivery/sending is machine (0: rule off) */
} mtrk_classify_rules;
/** Initializer of a mtrk_classify_rules at its current version, with the defaults */
#define MTRK_CLASSIFY_RULES_INIT \
    { MTRK_CLASSIFY_RULES_VERSION, sizeof(mtrk_classify_rule), NULL, 0, NULL, 0, 1, 1000, 2, 2000 }
/**
 * Fills *rules with the default windows, no user-agent or network rules and
 * rule_size = sizeof(mtrk_classify_rule) as this library knows it (a caller
 * compiled against another header sets its own sizeof after the call).
 */
MTRK_API int mtrk_classify_rules_init(mtrk_classify_rules *rules, unsigned int version);
/**
 * The built-in defaults (static), with the documented user-agent and network
 * lists; walk its arrays with its rule_size.
 */
MTRK_API const mtrk_classify_rules *mtrk_classify_rules_default(void);

#define MTRK_CLASSIFY_INPUT_VERSION 1 /**< Current version of mtrk_classify_input (its version member) */
/** What a host classifier is shown (borrowed for the call). */
typedef struct mtrk_classify_input {
    unsigned int version; /**< MTRK_CLASSIFY_INPUT_VERSION or an older version */
    mtrk_url_kind kind;          /**< MTRK_URL_OPEN or MTRK_URL_CLICK */
    mtrk_id mid; /**< the message */
    mtrk_id lid;                 /**< clicks */
    const char *user_agent;      /**< as given (may be NULL) */
    const char *ip;              /**< normalized, or NULL */
    mtrk_time at; /**< when the hit happened */
    mtrk_time delivered_at;      /**< the message's (0: unknown) */
    mtrk_time sent_at; /**< the message's sent time (0: unknown) */
    mtrk_machine_class builtin_class; /**< what the data rules decided */
    mtrk_machine_rule builtin_rule; /**< the rule that decided builtin_class */
} mtrk_classify_input;

/**
 * A host classifier: returns a class (its decision, recorded with
 * MTRK_RULE_HOST) or a negative number to keep the built-in decision.
 */
typedef int (*mtrk_classifier_fn)(void *userdata, const mtrk_classify_input *input);

/* ------------------------------------------------------------------ */
/* Resolving a hit                                                     */
/* ------------------------------------------------------------------ */
#define MTRK_TRACK_REQUEST_VERSION 1 /**< Current version of mtrk_track_request (its version member) */
/** What the host's endpoint received. */
typedef struct mtrk_track_request {
    unsigned int version; /**< MTRK_TRACK_REQUEST_VERSION or an older version */
    const char *method;      /**< "GET", "HEAD" or "POST" */
    const char *path;        /**< path and query as received ("/t/c/acme/AbC..."); required */
    const char *body;        /**< POST body (may be NULL) */
    size_t body_len; /**< octets of body */
    const char *user_agent;  /**< may be NULL; truncated to MTRK_MAX_USER_AGENT when stored */
    const char *ip;          /**< text IPv4 or IPv6; may be NULL; kept only when it parses */
    mtrk_time at;            /**< when (0: now) */
} mtrk_track_request;
/** Initializer of a mtrk_track_request at its current version, with the defaults */
#define MTRK_TRACK_REQUEST_INIT { MTRK_TRACK_REQUEST_VERSION, NULL, NULL, NULL, 0, NULL, NULL, 0 }
/**
 * Fills *req with the defaults of mtrk_track_request for `version` (1 to MTRK_TRACK_REQUEST_VERSION),
 * for callers that cannot use MTRK_TRACK_REQUEST_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for
 * an unknown version.
 */
MTRK_API int mtrk_track_request_init(mtrk_track_request *req, unsigned int version);

#define MTRK_RESOLVE_OPTIONS_VERSION 1 /**< Current version of mtrk_resolve_options (its version member) */
/** Options of mtrk_track_resolve: the classification rules and an optional host classifier. */
typedef struct mtrk_resolve_options {
    unsigned int version; /**< MTRK_RESOLVE_OPTIONS_VERSION or an older version */
    const mtrk_classify_rules *rules;  /**< NULL: mtrk_classify_rules_default() */
    mtrk_classifier_fn classifier;     /**< optional host classifier, called last */
    void *classifier_userdata; /**< passed to classifier */
} mtrk_resolve_options;
/** Initializer of a mtrk_resolve_options at its current version, with the defaults */
#define MTRK_RESOLVE_OPTIONS_INIT { MTRK_RESOLVE_OPTIONS_VERSION, NULL, NULL, NULL }
/**
 * Fills *opts with the defaults of mtrk_resolve_options for `version` (1 to
 * MTRK_RESOLVE_OPTIONS_VERSION), for callers that cannot use MTRK_RESOLVE_OPTIONS_INIT. Returns
 * MTRK_EINVAL for NULL, MTRK_EVERSION for an unknown version.
 */
MTRK_API int mtrk_resolve_options_init(mtrk_resolve_options *opts, unsigned int version);

/** What the endpoint should answer. */
typedef enum mtrk_track_action {
    MTRK_ACTION_REFUSED = 0,      /**< the call failed: answer 404 (or 400) */
    MTRK_ACTION_PIXEL = 1,        /**< answer mtrk_track_pixel() as image/gif */
    MTRK_ACTION_REDIRECT = 2,     /**< answer 302 to redirect_url (the catalogued URL) */
    MTRK_ACTION_CONFIRM = 3,      /**< GET of an unsubscribe URL: show a page that POSTs back to it */
    MTRK_ACTION_UNSUBSCRIBED = 4, /**< POST of an unsubscribe URL: done; answer 200, no redirect */
    MTRK_ACTION_LANDING = 5       /**< landing visit: redirect_url is the landing page; mid/rid attribute the lead */
} mtrk_track_action;

#define MTRK_TRACK_RESULT_VERSION 1 /**< Current version of mtrk_track_result (its version member) */
/** What mtrk_track_resolve (or mtrk_track_mail_unsubscribe) decided and recorded. */
typedef struct mtrk_track_result {
    unsigned int version; /**< MTRK_TRACK_RESULT_VERSION or an older version */
    mtrk_track_action action; /**< what the endpoint should answer */
    mtrk_url_kind kind; /**< the URL's kind */
    mtrk_id mid; /**< the message the URL names */
    mtrk_id lid;                  /**< clicks */
    mtrk_id campaign; /**< the message's campaign */
    mtrk_id rid;                  /**< the recipient contact (nil once erased) */
    mtrk_id landing_page;         /**< landing visits */
    const char *redirect_url;     /**< the tenant handle's (common.h, borrowed strings) */
    int recorded;                 /**< 1 if an event was recorded */
    mtrk_id event_id; /**< the recorded event, when recorded */
    mtrk_verdict verdict; /**< human or machine, for opens and clicks */
    mtrk_machine_class machine_class; /**< the class decided, for opens and clicks */
    mtrk_machine_rule rule; /**< the rule that decided the class */
    int withheld;                 /**< 1: canceled campaign or erased contact, nothing personal kept */
} mtrk_track_result;
/** Initializer of a mtrk_track_result at its current version, with the defaults */
#define MTRK_TRACK_RESULT_INIT \
    { MTRK_TRACK_RESULT_VERSION, MTRK_ACTION_REFUSED, (mtrk_url_kind)0, { { 0 } }, { { 0 } }, { { 0 } }, \
      { { 0 } }, { { 0 } }, NULL, 0, { { 0 } }, MTRK_VERDICT_HUMAN, MTRK_CLASS_HUMAN, MTRK_RULE_NONE, 0 }
/**
 * Fills *res with the defaults of mtrk_track_result for `version` (1 to MTRK_TRACK_RESULT_VERSION),
 * for callers that cannot use MTRK_TRACK_RESULT_INIT. Returns MTRK_EINVAL for NULL, MTRK_EVERSION for
 * an unknown version.
 */
MTRK_API int mtrk_track_result_init(mtrk_track_result *res, unsigned int version);

/**
 * Verifies a hit and records it (one transaction): an open records an open
 * and answers the pixel; a click records a click and redirects to the
 * catalogued URL of its lid (never a URL from the request); an unsubscribe
 * GET/HEAD only asks for confirmation, a POST (a confirmation form, or the
 * RFC 8058 body "List-Unsubscribe=One-Click") records a global unsubscribe
 * once (a repeat records nothing and answers the same); a landing visit
 * answers the landing page and the attribution ids. Opens and clicks are
 * classified (verdict, class and rule stored with the event: verdict_reason
 * is "<class>" or "<class>:<rule>").
 * Refused, recording nothing: MTRK_ESIGNATURE (malformed, forged, tampered,
 * truncated, carrying a query, or signed by an unknown or retired key),
 * MTRK_ETENANT (the URL names another tenant), MTRK_EINVAL (method).
 * out (version set) is filled on success; its action is MTRK_ACTION_REFUSED
 * on failure. opts may be NULL.
 */
MTRK_API int mtrk_track_resolve(mtrk_track_result *out, mtrk_tenant *tenant, const mtrk_track_request *request,
                                const mtrk_resolve_options *opts);

/**
 * Resolves n hits in one transaction (one commit for a group of concurrent
 * hits: a host answers each after the call returns, so every answered hit
 * is durable). Each hit is judged on its own, in the caller's order, as
 * mtrk_track_resolve would: outs[i] (version set) receives its result and
 * statuses[i] 0, or statuses[i] its refusal (MTRK_ESIGNATURE, MTRK_ETENANT,
 * MTRK_EINVAL, ...) and outs[i] a refusal, recording nothing for it; the
 * handle's message names the last refused hit. Returns 0 when the call
 * succeeded (even with refused hits), or the failure that ended it
 * (storage, memory, an argument: outs, statuses or reqs NULL, n over
 * MTRK_MAX_BATCH, an out of unknown version), in which case nothing of the
 * call is kept and every status is that code. opts as for
 * mtrk_track_resolve, shared by every hit.
 */
MTRK_API int mtrk_track_resolve_batch(mtrk_track_result *const *outs, int *statuses, mtrk_tenant *tenant,
                                      const mtrk_track_request *const *reqs, size_t n,
                                      const mtrk_resolve_options *opts);

/**
 * Acts on a mail that reached the tenant's List-Unsubscribe mailto address
 * (settings list_unsubscribe_mailto): `subject` is its Subject header,
 * which the rendered header set to "unsubscribe:{tenant}/{token}" (the
 * prefix in any case; surrounding whitespace ignored). Records a global
 * unsubscribe of the token's message's contact once, with source
 * MTRK_SOURCE_MAILTO, like a POST of its unsubscribe URL: out's action is
 * MTRK_ACTION_UNSUBSCRIBED, recorded 1 the first time and 0 on a repeat, or
 * for an erased contact. `at`: when the mail arrived (0: now; < 0 is
 * MTRK_EINVAL). One transaction.
 * Refused, recording nothing: MTRK_EINVAL (subject NULL, or not of that
 * form), MTRK_ETENANT (it names another tenant), MTRK_ESIGNATURE (a forged,
 * tampered or truncated token, or one signed by an unknown or retired key).
 * out (version set) as for mtrk_track_resolve.
 */
MTRK_API int mtrk_track_mail_unsubscribe(mtrk_track_result *out, mtrk_tenant *tenant, const char *subject,
                                         mtrk_time at);

/* ------------------------------------------------------------------ */
/* HTML link extraction and rewriting (pure; also a fuzzing entry)     */
/* ------------------------------------------------------------------ */
#define MTRK_HTML_LINK_VERSION 1 /**< Current version of mtrk_html_link (its version member) */
/** A tracked `<a href>` or `<area href>` found in HTML (borrowed for the callback). */
typedef struct mtrk_html_link {
    unsigned int version; /**< MTRK_HTML_LINK_VERSION or an older version */
    size_t index;             /**< occurrence order among tracked links (the position) */
    size_t value_offset;      /**< the attribute value's source bytes (with its quotes) */
    size_t value_len; /**< length of the attribute value's source bytes */
    const char *url;          /**< the catalogued URL: decoded, trimmed, spaces %-encoded */
    const char *label;        /**< data-mtrk-name, else anchor text, else img alt (an area: its alt); may be NULL */
    int honeypot;             /**< data-mtrk-honeypot */
} mtrk_html_link;

/**
 * Called for each tracked link in document order; set *replacement to a URL
 * (plain text, encoded by the rewriter for the attribute's quoting) or leave
 * it NULL to keep the href. The rewriter reads *replacement after the last
 * callback: it must stay valid until mtrk_html_rewrite returns. Return 0 to
 * go on, non-zero to stop with that code.
 */
typedef int (*mtrk_html_link_fn)(void *userdata, const mtrk_html_link *link, const char **replacement);

/**
 * Parses html[len] with an HTML5 parser and calls fn for every tracked link
 * (policy in docs/tracking.md; hrefs written with merge tags are not
 * offered). When out is non-NULL, *out receives a copy of
 * the HTML (NUL-terminated, *out_len octets, freed with mtrk_free) in which
 * only the replaced attribute values differ. Returns 0, fn's non-zero code,
 * MTRK_EINVAL, MTRK_ETOOLONG (longer than MTRK_MAX_HTML, or nested past
 * MTRK_MAX_HTML_DEPTH / MTRK_MAX_HTML_REOPENED: the message names the line
 * and column) or MTRK_ENOMEM.
 */
MTRK_API int mtrk_html_rewrite(char **out, size_t *out_len, const char *html, size_t len, mtrk_html_link_fn fn,
                               void *userdata);

#ifdef __cplusplus
}
#endif
#endif
