/*
 * Helpers shared by the tracking files (html.c, sign.c, track.c,
 * classify.c). Not used outside them.
 */
#ifndef MTRK_TRACKING_INT_H
#define MTRK_TRACKING_INT_H

#include "internal.h"

#include <sodium.h>

/* ---- html.c ---------------------------------------------------------------- */
/* A tracked <a href> of an HTML source (policy in docs/tracking.md). */
typedef struct html_link {
    size_t off, len;   /* the attribute value's source bytes, quotes included */
    char quote;        /* '"', '\'' or 0 (unquoted) */
    char *url;         /* catalogued URL */
    char *label;       /* or NULL */
    bool honeypot;
    bool templ;        /* written with merge tags (its URL differs per recipient) */
    bool tracked;      /* replaced when rendering: not a template, or opted in (data-mtrk-track) */
    size_t seq;        /* tree order, to keep the first of cloned anchors */
} html_link;

/* What the nesting pre-check saw (html_nesting_check). */
typedef struct html_nesting {
    size_t max_depth;  /* elements open at once, at most (over the limit when refused) */
    size_t reopened;   /* formatting elements the parser reopens */
    size_t offset;     /* where the check stopped (the refusal's place) */
    size_t body_end;   /* offset of the last "</body" tag (not in a comment or raw text) */
    bool has_body_end;
} html_nesting;

typedef struct html_doc {
    html_link *links;  /* in source order, one per source attribute */
    size_t n;
    size_t body_end;   /* offset of the last "</body" tag of the source, or its length */
    html_nesting nesting;
} html_doc;

/* One linear pass over src[n] modelling the HTML5 tree builder's open
 * elements: MTRK_ETOOLONG when they nest deeper than MTRK_MAX_HTML_DEPTH or
 * more than MTRK_MAX_HTML_REOPENED formatting elements are reopened;
 * MTRK_ENOMEM. */
int html_nesting_check(const char *src, size_t n, html_nesting *out);
/* The refusal's message ("{what} nests elements deeper than ... at line L,
 * column C"). */
void html_nesting_message(char *buf, size_t n, const char *what, const char *src, const html_nesting *x);

/* Parses src[len]. MTRK_ENOMEM, or MTRK_ETOOLONG from the nesting check
 * (doc->nesting says where; nothing else of doc is set). */
int html_parse(html_doc *doc, const char *src, size_t len);
void html_doc_free(html_doc *doc);

/* Copies src[len] into b with links[i]'s value replaced by repl[i] (NULL
 * keeps it), `insert` (may be NULL) placed at offset ins_at, and every other
 * run of bytes passed through seg (NULL: copied as is). */
typedef void (*html_seg_fn)(strbuf *b, const char *s, size_t n, void *ud);
void html_compose(strbuf *b, const char *src, size_t len, const html_doc *doc, const char *const *repl,
                  size_t ins_at, const char *insert, html_seg_fn seg, void *ud);
/* Appends url as an attribute value for the given quoting (adds quotes to an
 * unquoted value that needs them). */
void html_attr_encode(strbuf *b, const char *url, char quote);
/* Appends s with & < > " ' escaped (text or attribute). */
void html_escape(strbuf *b, const char *s);
/* Truncates s in place to at most max octets at a UTF-8 boundary. */
void utf8_truncate(char *s, size_t max);

/* The placeholders a render substitutes (exact spelling). */
#define PH_UNSUB "{{unsubscribe_url}}"
#define PH_LANDING "{{landing_url}}"

/* A parsed template: a campaign's HTML parsed once, with the places a render
 * substitutes, in source order. Rendering a message copies the source
 * between the slots and writes each slot's value. */
enum { SLOT_PIXEL, SLOT_LINK, SLOT_UNSUB, SLOT_LANDING };
typedef struct tmpl_slot {
    size_t off, len;   /* the source bytes the slot replaces (0 for the pixel) */
    int kind;          /* SLOT_* */
    size_t link;       /* SLOT_LINK: index into doc.links */
} tmpl_slot;

typedef struct html_tmpl {
    mtrk_id campaign;
    char *src;         /* a copy of the source, compared byte for byte */
    size_t len;
    html_doc doc;
    tmpl_slot *slots;
    size_t nslots;
    bool uses_landing; /* PH_LANDING occurs (outside link values) */
    uint64_t last_use;
} html_tmpl;

/* The handle's cache (t->tmpl, docs/tracking.md "Rendering"): at most
 * TMPL_CACHE_MAX templates and TMPL_CACHE_BYTES octets of source; the least
 * recently used goes first. */
#define TMPL_CACHE_MAX 8
#define TMPL_CACHE_BYTES (16u * 1024 * 1024)
/* The template of campaign's HTML src[len], parsed on a miss (a cached one
 * of the same campaign with other content is dropped). Borrowed until the
 * handle's next tmpl_get. MTRK_ENOMEM or MTRK_ETOOLONG (too deep), with the
 * handle's message set, naming the HTML as `what`. */
int tmpl_get(mtrk_tenant *t, mtrk_id campaign, const char *src, size_t len, const char *what,
             const html_tmpl **out);
/* How many templates the handle holds, and how many it has parsed (tests). */
void tmpl_cache_stats(const mtrk_tenant *t, size_t *count, size_t *parses);

/* ---- sign.c ---------------------------------------------------------------- */
/* Token: base64url(kid:4 | mid:16 [| id2:16] | tag:16), no padding. */
#define TOKEN_MAX 80
/* Signs (purpose = mtrk_url_kind) with the tenant's current key into out. */
int sign_token(mtrk_tenant *t, int purpose, mtrk_id mid, mtrk_id id2, char out[TOKEN_MAX]);
/* The tenant's current key, read once, keyed for many tokens (one render). */
typedef struct signer {
    crypto_auth_hmacsha256_state st; /* keyed, the domain fed */
    uint8_t tenant[16];
    uint32_t kid;
} signer;
/* MTRK_ESTATE (no key) or a storage error. signer_close wipes it. */
int signer_open(signer *s, mtrk_tenant *t);
void signer_token(const signer *s, int purpose, mtrk_id mid, mtrk_id id2, char out[TOKEN_MAX]);
void signer_close(signer *s);
/* Verifies token[n] for purpose; fills mid and id2. MTRK_ESIGNATURE. */
int verify_token(mtrk_tenant *t, int purpose, const char *token, size_t n, mtrk_id *mid, mtrk_id *id2);
/* The signing keys a run of verifications in one transaction has read (a
 * group of hits: most tokens name the same key), each read once. Zeroed
 * to start; key_memo_clear wipes the secrets. */
#define KEY_MEMO 4
typedef struct key_memo {
    size_t n;
    struct {
        int64_t kid;
        int rc; /* key_get's answer: MTRK_OK or MTRK_ENOTFOUND */
        row_signing_keys row;
    } k[KEY_MEMO];
} key_memo;
/* verify_token, its key read through memo (NULL: from the store). */
int verify_token_memo(mtrk_tenant *t, key_memo *memo, int purpose, const char *token, size_t n, mtrk_id *mid,
                      mtrk_id *id2);
void key_memo_clear(key_memo *memo);

/* ---- classify.c ------------------------------------------------------------ */
typedef struct classify_ctx {
    mtrk_classify_input in;      /* what the host classifier sees */
    bool honeypot;               /* a click on a honeypot link */
    uint32_t burst_links_seen;   /* distinct links clicked within the burst window, this one included */
    uint32_t campaign_links;     /* catalogued links of the campaign (honeypots excluded) */
} classify_ctx;
/* Decides class and rule for an open or click. */
void classify(const classify_ctx *c, const mtrk_classify_rules *rules, mtrk_classifier_fn fn, void *ud,
              mtrk_machine_class *out_class, mtrk_machine_rule *out_rule);
/* Validates rules (names the field). */
int classify_rules_check(mtrk_tenant *t, const mtrk_classify_rules *r);
/* Normalizes an IPv4/IPv6 text into out (false if it does not parse). */
bool ip_normalize(const char *ip, char out[MTRK_MAX_IP + 1]);
/* Verdict of a class: machine for privacy proxies and scanners. */
mtrk_verdict class_verdict(mtrk_machine_class c);

#endif
