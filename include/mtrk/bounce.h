/**
 * @file mtrk/bounce.h
 *
 * mtrk — bounce facts: delivery status notifications (RFC 3464 and the
 * common non-standard formats) parsed into one result per failed recipient,
 * a reason taxonomy with hard/soft derived from the reason, and the mapping
 * of provider bounce objects (SES, SendGrid, SparkPost, Mailgun, Postmark)
 * onto the same taxonomy. docs/bounces.md is the reference.
 *
 * Nothing here writes to a database: every function is pure or reads the
 * files it is given, except mtrk_bounce_verp_verify, which reads the
 * tenant's signing keys. Recording a parsed bounce is mtrk_bounce_record
 * (mtrk/reputation.h), or mtrk_event_record with MTRK_EV_BOUNCE and the
 * bounce's facts (mtrk_event_input version 2).
 */
#ifndef MTRK_BOUNCE_H
#define MTRK_BOUNCE_H

#include "event.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Largest message mtrk_bounce_parse reads, in octets (16 MiB); larger ones are refused (MTRK_ETOOLONG). */
#define MTRK_MAX_BOUNCE_MESSAGE (16u * 1024u * 1024u)
/** Most MIME containers (multipart and message parts) a bounce may hold; more is refused (MTRK_ETOOLONG). */
#define MTRK_MAX_BOUNCE_PARTS 256
/** Most recipients kept from one bounce; the rest are dropped and the report's note says so. */
#define MTRK_MAX_BOUNCE_RECIPIENTS 1000
/** The header that names the message (its mid, canonical UUID text) on a message mtrk renders. */
#define MTRK_MID_HEADER "X-Mtrk-Mid"

/* mtrk_bounce_reason and MTRK_BOUNCE_REASON_COUNT are in mtrk/event.h: an event input carries a reason. */

/** Static snake_case name of a reason ("user_unknown", ...), or NULL if out of range. */
MTRK_API const char *mtrk_bounce_reason_name(mtrk_bounce_reason reason);
/**
 * Parses a reason's name (as mtrk_bounce_reason_name gives it) into *out.
 * Returns MTRK_EINVAL for NULL or an unknown name.
 */
MTRK_API int mtrk_bounce_reason_from_name(mtrk_bounce_reason *out, const char *name);
/**
 * Hard or soft, from the reason alone (the table in docs/bounces.md):
 * MTRK_BOUNCE_HARD for user_unknown, host_unknown, suspended and has_moved,
 * MTRK_BOUNCE_NONE for not_a_bounce and out-of-range values, else
 * MTRK_BOUNCE_SOFT.
 */
MTRK_API mtrk_bounce_kind mtrk_bounce_reason_kind(mtrk_bounce_reason reason);

/**
 * Classifies one failure. `status` is an RFC 3463 enhanced status code
 * ("5.1.1", may be NULL or empty), `smtp_code` an SMTP reply code (550;
 * 0 when unknown), `diagnostic` the server's text (may be NULL). A specific
 * enhanced code decides first, then the text's patterns, then a generic
 * enhanced code, then the reply code; else MTRK_BR_UNDETERMINED. The class
 * digit alone never decides. Pure; never fails.
 */
MTRK_API mtrk_bounce_reason mtrk_bounce_classify(const char *status, int smtp_code, const char *diagnostic);

/* ---- provider bounce objects ------------------------------------------------ */
/* Each takes the provider's own fields as they appear in its webhook payload
 * (NULL or 0 when absent) and returns a reason of the same taxonomy. When the
 * provider's category is vague the status and text decide, falling back to
 * the category's default. The tables are in docs/bounces.md. */

/** Amazon SES: bounce.bounceType ("Permanent", "Transient", "Undetermined"), bounce.bounceSubType, and a bounced recipient's status and diagnosticCode. */
MTRK_API mtrk_bounce_reason mtrk_bounce_reason_ses(const char *bounce_type, const char *bounce_subtype,
                                                   const char *status, const char *diagnostic);
/** SendGrid: the event's bounce_classification ("Invalid Address", "Reputation", ...), status and reason. */
MTRK_API mtrk_bounce_reason mtrk_bounce_reason_sendgrid(const char *classification, const char *status,
                                                        const char *reason);
/** SparkPost: bounce_class (1 to 100), error_code (the SMTP code as text) and raw_reason. */
MTRK_API mtrk_bounce_reason mtrk_bounce_reason_sparkpost(int bounce_class, const char *error_code,
                                                         const char *raw_reason);
/** Mailgun: a failed event's severity ("permanent", "temporary"), reason ("bounce", "suppress-bounce", "espblock", "old", ...), delivery-status code, enhanced-code and message or description. */
MTRK_API mtrk_bounce_reason mtrk_bounce_reason_mailgun(const char *severity, const char *reason, int code,
                                                       const char *enhanced_code, const char *message);
/** Postmark: the bounce's TypeCode (1 HardBounce, 4096 SoftBounce, ...) and Details. */
MTRK_API mtrk_bounce_reason mtrk_bounce_reason_postmark(int type_code, const char *details);

/* ---- the mid a bounce answers ---------------------------------------------------- */

/** Where the mid of a result came from. */
typedef enum mtrk_bounce_mid_source {
    MTRK_BOUNCE_MID_NONE = 0,       /**< not found */
    MTRK_BOUNCE_MID_VERP = 1,       /**< the bounce's recipient is a VERP return path (mtrk_bounce_verp_parse) */
    MTRK_BOUNCE_MID_HEADER = 2,     /**< the returned original carries MTRK_MID_HEADER */
    MTRK_BOUNCE_MID_ENVID = 3,      /**< the DSN's Original-Envelope-Id is a mid */
    MTRK_BOUNCE_MID_MESSAGE_ID = 4  /**< the original's Message-ID is \<MID\@host\> or \<MID.anything\@host\> */
} mtrk_bounce_mid_source;
/** Static name of a mid source ("verp", "header", ...), or NULL if out of range. */
MTRK_API const char *mtrk_bounce_mid_source_name(mtrk_bounce_mid_source source);

/**
 * Writes into out the VERP return path for a message: `return_path`'s local
 * part, "+mtrk-", the mid as 32 lower-case hex digits, "@" and its domain
 * ("bounces@b.example" -> "bounces+mtrk-0190...@b.example"). Returns
 * MTRK_EINVAL for NULL, a nil mid or a return path without one "@" or with
 * an empty part, MTRK_ETOOLONG if the local part would exceed
 * MTRK_MAX_LOCAL_PART or the result (with its NUL) does not fit out_size.
 */
MTRK_API int mtrk_bounce_verp_format(char *out, size_t out_size, const char *return_path, mtrk_id mid);
/**
 * Reads the mid from a VERP return path: an address (optionally in <>)
 * whose local part ends with "+mtrk-", "-mtrk-" or "=mtrk-" and 32 hex
 * digits (either case). Returns MTRK_EINVAL for NULL, MTRK_ENOTFOUND if the
 * address carries no such tag or the digits are the nil id.
 */
MTRK_API int mtrk_bounce_verp_parse(mtrk_id *mid, const char *address);
/**
 * Checks the signed tag of a VERP return path that mtrk_message_render_with
 * made ("local+<10 hex>-mtrk-<32 hex>\@domain") against the tenant's signing
 * keys that are not retired, and reads its mid into *mid. Returns
 * MTRK_EINVAL for NULL, MTRK_ENOTFOUND when the address carries no mid tag,
 * MTRK_ESIGNATURE when the tag carries no signature or it does not verify
 * (forged, or signed by a retired key), or a storage error.
 */
MTRK_API int mtrk_bounce_verp_verify(mtrk_id *mid, mtrk_tenant *tenant, const char *address);

/* ---- parsing messages ------------------------------------------------------------- */

/** The shape a bounce was recognised by. */
typedef enum mtrk_bounce_format {
    MTRK_BOUNCE_FORMAT_NONE = 0,     /**< not a bounce (no failure found) */
    MTRK_BOUNCE_FORMAT_RFC3464 = 1,  /**< multipart/report with message/delivery-status */
    MTRK_BOUNCE_FORMAT_TEXT = 2,     /**< a plain-text report (Exim, qmail, old Sendmail, Exchange, Yahoo, ...) */
    MTRK_BOUNCE_FORMAT_AUTOREPLY = 3 /**< an auto-reply, vacation notice or challenge (reason not_a_bounce) */
} mtrk_bounce_format;
/** Static name of a format ("rfc3464", "text", "autoreply", "none"), or NULL if out of range. */
MTRK_API const char *mtrk_bounce_format_name(mtrk_bounce_format format);

#define MTRK_BOUNCE_RECIPIENT_VERSION 2 /**< Current version of mtrk_bounce_recipient */
/**
 * One recipient of a parsed bounce. Strings are borrowed from the report
 * (valid until mtrk_bounce_report_free), UTF-8, never NULL ("" when absent).
 */
typedef struct mtrk_bounce_recipient {
    unsigned int version;            /**< MTRK_BOUNCE_RECIPIENT_VERSION or older */
    const char *recipient;           /**< Final-Recipient (or the address the text names) */
    const char *original_recipient;  /**< Original-Recipient, if given */
    const char *action;              /**< "failed", "delayed", "delivered", "relayed", "expanded", or "" */
    const char *status;              /**< RFC 3463 code "class.subject.detail", or "" */
    int status_class;                /**< 2, 4 or 5; 0 without a status */
    int status_subject;              /**< the subject digit(s) of status; 0 without one */
    int status_detail;               /**< the detail number of status; 0 without one */
    int smtp_code;                   /**< SMTP reply code (550); 0 when none was given */
    const char *diagnostic;          /**< the server's text, whitespace folded, <= MTRK_MAX_DIAGNOSTIC */
    const char *remote_mta;          /**< the server that refused ("mx.example.com"), or "" */
    mtrk_bounce_reason reason;       /**< from mtrk_bounce_classify (not_a_bounce for delivered/relayed/expanded) */
    mtrk_bounce_kind kind;           /**< mtrk_bounce_reason_kind(reason) */
    mtrk_id mid;                     /**< the message answered; nil when not found */
    mtrk_bounce_mid_source mid_source; /**< where mid came from */
    const char *original_message_id; /**< the original's Message-ID (without <>), or "" */
    /* ---- version 2 ---- */
    const char *verp;                /**< the VERP return path the mid came from (mid_source VERP), or "";
                                          mtrk_bounce_record checks its signature when it has one */
} mtrk_bounce_recipient;
/** Initializer of a mtrk_bounce_recipient at its current version */
#define MTRK_BOUNCE_RECIPIENT_INIT \
    { MTRK_BOUNCE_RECIPIENT_VERSION, "", "", "", "", 0, 0, 0, 0, "", "", MTRK_BR_UNDETERMINED, MTRK_BOUNCE_NONE, \
      { { 0 } }, MTRK_BOUNCE_MID_NONE, "", "" }
/** Fills *r with the defaults for `version`. MTRK_EINVAL for NULL, MTRK_EVERSION for an unknown version. */
MTRK_API int mtrk_bounce_recipient_init(mtrk_bounce_recipient *r, unsigned int version);

/** The results of parsing one message: opaque, owned by the caller (mtrk_bounce_report_free). */
typedef struct mtrk_bounce_report mtrk_bounce_report;

/**
 * Parses one message (RFC 5322, LF, CRLF or CR line endings) of `len`
 * octets. On success *out is a report the caller frees: a bounce gives one
 * result per recipient; an auto-reply one result with reason not_a_bounce
 * (the replying address as recipient); a message that is neither gives no
 * result and format MTRK_BOUNCE_FORMAT_NONE. A bounce whose cause cannot be
 * told gives reason undetermined and a note.
 * Returns MTRK_EINVAL (NULL arguments, or no header field at all: not a mail
 * message), MTRK_ETOOLONG (over MTRK_MAX_BOUNCE_MESSAGE octets or
 * MTRK_MAX_BOUNCE_PARTS containers), MTRK_ENOMEM; *out is then NULL and
 * mtrk_last_errmsg says what was wrong.
 */
MTRK_API int mtrk_bounce_parse(mtrk_bounce_report **out, const void *data, size_t len);
/** Number of results in the report (0 for NULL). */
MTRK_API size_t mtrk_bounce_report_count(const mtrk_bounce_report *report);
/**
 * Copies result i into *out (its version set by the caller; strings borrowed
 * from the report). MTRK_EINVAL for NULL or i out of range, MTRK_EVERSION for
 * an unknown version.
 */
MTRK_API int mtrk_bounce_report_get(mtrk_bounce_recipient *out, const mtrk_bounce_report *report, size_t i);
/** The shape the message was recognised by (MTRK_BOUNCE_FORMAT_NONE for NULL). */
MTRK_API mtrk_bounce_format mtrk_bounce_report_format(const mtrk_bounce_report *report);
/** What the parser noticed (why a result is undetermined, recipients dropped), or ""; borrowed from the report. */
MTRK_API const char *mtrk_bounce_report_note(const mtrk_bounce_report *report);
/** Where the message came from (a path, or "path:N" for the N-th message of an mbox), or ""; borrowed. */
MTRK_API const char *mtrk_bounce_report_origin(const mtrk_bounce_report *report);
/** Frees a report (NULL-safe). */
MTRK_API void mtrk_bounce_report_free(mtrk_bounce_report *report);

/* ---- reading files -------------------------------------------------------------------- */

/** A walk over the messages at a path: opaque, closed with mtrk_bounce_source_close. */
typedef struct mtrk_bounce_source mtrk_bounce_source;
/**
 * Opens `path`: a directory is a maildir (its cur/ and new/, or the files it
 * holds directly), a file beginning with "From " an mbox, any other file one
 * message. One message is in memory at a time. Returns MTRK_EINVAL for
 * NULL, MTRK_ENOTFOUND if the path cannot be opened, MTRK_ENOMEM.
 */
MTRK_API int mtrk_bounce_source_open(mtrk_bounce_source **out, const char *path);
/**
 * Parses the next message into *out (the caller's, freed with
 * mtrk_bounce_report_free; its origin names the file or mbox position).
 * Returns MTRK_ITEROVER at the end; a message that is refused returns its
 * code from mtrk_bounce_parse (and *out is NULL), a file that cannot be read
 * MTRK_ENOTFOUND: call again to go on with the next message.
 * mtrk_bounce_source_origin names the message either way.
 */
MTRK_API int mtrk_bounce_source_next(mtrk_bounce_report **out, mtrk_bounce_source *src);
/** The origin of the message the last mtrk_bounce_source_next took ("" before the first); borrowed until the next call. */
MTRK_API const char *mtrk_bounce_source_origin(const mtrk_bounce_source *src);
/** Closes the walk (NULL-safe). */
MTRK_API void mtrk_bounce_source_close(mtrk_bounce_source *src);

#ifdef __cplusplus
}
#endif
#endif
