"""Loading libmtrk and declaring its C interface (ctypes).

Every function the binding calls is declared in ``_PROTOTYPES`` with its
restype and argtypes; every versioned C struct is mirrored by a
``ctypes.Structure`` below, field for field, in header order.

Library discovery (first that loads wins):

1. the explicit path given to :func:`load` (or ``mtrk.open(..., library=)``);
2. the ``MTRK_LIBRARY`` environment variable;
3. the build directory of the source tree this package sits in
   (``<repo>/build/libmtrk.so.1``);
4. the system loader (``ctypes.util.find_library("mtrk")``, then
   ``libmtrk.so.1``).

The library's major version must equal :data:`SUPPORTED_MAJOR` and its minor
version be at least :data:`MIN_MINOR`.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import (CFUNCTYPE, POINTER, Structure, c_char, c_char_p, c_double,
                    c_int, c_int64, c_size_t, c_uint, c_uint8, c_uint32,
                    c_uint64, c_void_p)
from pathlib import Path
from typing import Any, List, Optional, Sequence, Tuple

from .errors import LibraryError

SUPPORTED_MAJOR = 1
MIN_MINOR = 0

GENERATE_REPORT_NEXCLUDED = 9  # MTRK_GENERATE_REPORT_NEXCLUDED (fixed)
EV_TYPE_COUNT = 9       # MTRK_EV_TYPE_COUNT of the header this binding follows
CURSOR_SIZE = 40        # MTRK_CURSOR_SIZE
ID_STRLEN = 36          # MTRK_ID_STRLEN
MAX_ADDRESS = 254       # MTRK_MAX_ADDRESS
MAX_BATCH = 100000      # MTRK_MAX_BATCH
#: MTRK_MAX_CONTACT_BATCH: most addresses one add_contacts call takes.
MAX_CONTACT_BATCH = 100000
MAX_TENANT_KEY = 64     # MTRK_MAX_TENANT_KEY


# --------------------------------------------------------------------------
# Structures (include/mtrk/*.h). Enums are C ints.
# --------------------------------------------------------------------------
class mtrk_id(Structure):
    _fields_ = [("bytes", c_uint8 * 16)]


c_enum = c_int
mtrk_time = c_int64
CLOCK_FN = CFUNCTYPE(c_int64, c_void_p)


class mtrk_open_options(Structure):
    VERSION = 3
    _fields_ = [("version", c_uint), ("clock", CLOCK_FN), ("clock_userdata", c_void_p),
                ("synchronous", c_int), ("busy_timeout_ms", c_int), ("cache_size_kib", c_int)]


class mtrk_tenant_settings(Structure):
    VERSION = 4
    _fields_ = [("version", c_uint), ("tracking_base_url", c_char_p),
                ("soft_bounce_threshold", c_uint32), ("attribution_window_ms", c_int64),
                ("retention_ms", c_int64), ("list_unsubscribe_mailto", c_char_p),
                ("events_earliest", mtrk_time), ("events_ahead_ms", c_int64),
                ("keep_webhook_payloads", c_int), ("webhook_payload_retention_ms", c_int64)]


class mtrk_contact_spec(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("name", c_char_p), ("consent_at", mtrk_time),
                ("consent_source", c_char_p), ("consent_text_version", c_char_p)]


class mtrk_campaign_spec(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("name", c_char_p), ("objective", c_char_p),
                ("subject", c_char_p), ("from_name", c_char_p), ("from_address", c_char_p),
                ("reply_to", c_char_p), ("html", c_char_p), ("text", c_char_p),
                ("starts_at", mtrk_time), ("ends_at", mtrk_time)]


class mtrk_generate_report(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("eligible", c_uint64), ("created", c_uint64),
                ("already_present", c_uint64), ("excluded_total", c_uint64),
                ("excluded", c_uint64 * GENERATE_REPORT_NEXCLUDED)]


class mtrk_message_info(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("mid", mtrk_id), ("campaign", mtrk_id), ("contact", mtrk_id),
                ("state", c_enum), ("cancel_reason", c_enum), ("created_at", mtrk_time),
                ("lease_until", mtrk_time), ("sent_at", mtrk_time), ("delivered_at", mtrk_time),
                ("bounced_at", mtrk_time), ("first_open_at", mtrk_time), ("first_click_at", mtrk_time),
                ("first_complaint_at", mtrk_time), ("first_unsub_at", mtrk_time),
                ("opens", c_uint32), ("clicks", c_uint32), ("soft_bounces", c_uint32),
                ("delivered", c_int)]


class mtrk_lead_input(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("landing_page", mtrk_id), ("lead_key", c_char_p),
                ("address", c_char_p), ("mid", mtrk_id), ("rid", mtrk_id),
                ("field_keys", POINTER(c_char_p)), ("field_values", POINTER(c_char_p)),
                ("nfields", c_size_t), ("captured_at", mtrk_time)]


class mtrk_lead_info(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", mtrk_id), ("landing_page", mtrk_id), ("campaign", mtrk_id),
                ("mid", mtrk_id), ("contact", mtrk_id), ("recipient", mtrk_id),
                ("attribution", c_enum), ("forwarded", c_int), ("captured_at", mtrk_time),
                ("lead_key", c_char_p), ("address", c_char_p), ("fields_json", c_char_p)]


class mtrk_event_input(Structure):
    VERSION = 2
    _fields_ = [("version", c_uint), ("type", c_enum), ("mid", mtrk_id), ("lid", mtrk_id),
                ("occurred_at", mtrk_time), ("provider", c_char_p), ("provider_event_id", c_char_p),
                ("provider_message_id", c_char_p), ("bounce_kind", c_enum), ("diagnostic", c_char_p),
                ("user_agent", c_char_p), ("ip", c_char_p), ("verdict", c_enum),
                ("verdict_reason", c_char_p), ("unsub_scope", c_enum), ("unsub_audience", mtrk_id),
                ("unsub_source", c_enum),
                # version 2
                ("bounce_reason", c_enum), ("smtp_code", c_int), ("bounce_status", c_char_p),
                ("bounce_type", c_char_p), ("bounce_subtype", c_char_p)]


class mtrk_event_outcome(Structure):
    VERSION = 2
    _fields_ = [("version", c_uint), ("status", c_int), ("duplicate", c_int), ("event_id", mtrk_id),
                ("conflict", c_int), ("dead_lettered", c_int), ("message", c_char_p), ("argument", c_char_p)]


class mtrk_contact_outcome(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("status", c_int), ("id", mtrk_id), ("created", c_int),
                ("message", c_char_p)]


class mtrk_event_info(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", mtrk_id), ("type", c_enum), ("mid", mtrk_id),
                ("campaign", mtrk_id), ("contact", mtrk_id), ("lid", mtrk_id),
                ("occurred_at", mtrk_time), ("arrived_at", mtrk_time), ("provider", c_char_p),
                ("provider_event_id", c_char_p), ("provider_message_id", c_char_p),
                ("bounce_kind", c_enum), ("diagnostic", c_char_p), ("user_agent", c_char_p),
                ("ip", c_char_p), ("verdict", c_enum), ("verdict_reason", c_char_p),
                ("unsub_scope", c_enum), ("unsub_audience", mtrk_id), ("effects", c_uint32)]


METRIC_COUNTS = (
    "messages", "canceled", "sent", "delivered", "delivered_explicit", "bounced_hard",
    "bounced_soft", "complaints", "unsubscribes", "opens_total", "opens_unique",
    "opens_unique_human", "opens_machine", "opens_inferred", "clicks_total", "clicks_unique",
    "clicks_unique_human", "clicks_machine", "leads_total", "leads_attributed", "leads_forwarded",
)
METRIC_RATES = (
    "delivery_rate", "open_rate", "click_rate", "click_to_open_rate", "bounce_rate",
    "complaint_rate", "unsubscribe_rate", "conversion_rate",
)


class mtrk_metrics(Structure):
    VERSION = 1
    _fields_ = ([("version", c_uint), ("campaign", mtrk_id)]
                + [(n, c_uint64) for n in METRIC_COUNTS]
                + [(n, c_double) for n in METRIC_RATES])


class mtrk_link_stats(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("lid", mtrk_id), ("position", c_uint32), ("clicks", c_uint64),
                ("clicks_unique", c_uint64), ("clicks_unique_human", c_uint64), ("rank", c_uint32),
                ("url", c_char_p), ("label", c_char_p)]


class mtrk_store(Structure):
    """The store vtable (include/mtrk/store.h); operations as opaque pointers."""
    VERSION = 7
    _fields_ = [("version", c_uint)] + [(n, c_void_p) for n in (
        "free", "begin", "commit", "rollback", "get", "scan", "apply", "errmsg",
        "get_many",     # version 2
        "scan_many",    # version 3
        "messages_load", "provider_ids_find", "events_append", "messages_update",  # version 4
        "counters_add",  # version 5
        "messages_insert", "members_read",  # version 6
        "events_scan")]  # version 7


# ---- tracking.h ----
class mtrk_key_info(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("key_id", c_uint32), ("created_at", mtrk_time),
                ("retired_at", mtrk_time), ("current", c_int)]


# ---- apitoken.h ----
MTRK_API_TOKEN_SIZE = 92
MTRK_MAX_TOKEN_LABEL = 64


class mtrk_api_token_info(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("id", mtrk_id), ("label", c_char * (MTRK_MAX_TOKEN_LABEL + 1)),
                ("created_at", mtrk_time), ("revoked_at", mtrk_time)]


class mtrk_rendered(Structure):
    """Strings owned by the caller: kept as raw pointers, read, then mtrk_rendered_clear."""
    VERSION = 3
    _fields_ = [("version", c_uint), ("html", c_void_p), ("text", c_void_p),
                ("list_unsubscribe", c_void_p), ("list_unsubscribe_post", c_void_p),
                ("html_len", c_size_t), ("text_len", c_size_t), ("mid_header", c_void_p),
                ("return_path", c_void_p), ("provider_json", c_void_p), ("provider_header", c_void_p)]


class mtrk_render_options(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("return_path", c_char_p), ("provider", c_char_p)]


class mtrk_classify_rule(Structure):
    _fields_ = [("match", c_char_p), ("machine_class", c_enum), ("applies", c_uint)]


class mtrk_classify_rules(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("rule_size", c_size_t),
                ("user_agents", POINTER(mtrk_classify_rule)), ("n_user_agents", c_size_t),
                ("networks", POINTER(mtrk_classify_rule)), ("n_networks", c_size_t), ("honeypot", c_int),
                ("burst_window_ms", c_int64), ("burst_links", c_uint32), ("delivery_window_ms", c_int64)]


class mtrk_classify_input(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("kind", c_enum), ("mid", mtrk_id), ("lid", mtrk_id),
                ("user_agent", c_char_p), ("ip", c_char_p), ("at", mtrk_time), ("delivered_at", mtrk_time),
                ("sent_at", mtrk_time), ("builtin_class", c_enum), ("builtin_rule", c_enum)]


CLASSIFIER_FN = CFUNCTYPE(c_int, c_void_p, POINTER(mtrk_classify_input))


class mtrk_track_request(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("method", c_char_p), ("path", c_char_p), ("body", c_char_p),
                ("body_len", c_size_t), ("user_agent", c_char_p), ("ip", c_char_p), ("at", mtrk_time)]


class mtrk_resolve_options(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("rules", POINTER(mtrk_classify_rules)), ("classifier", CLASSIFIER_FN),
                ("classifier_userdata", c_void_p)]


class mtrk_track_result(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("action", c_enum), ("kind", c_enum), ("mid", mtrk_id), ("lid", mtrk_id),
                ("campaign", mtrk_id), ("rid", mtrk_id), ("landing_page", mtrk_id), ("redirect_url", c_char_p),
                ("recorded", c_int), ("event_id", mtrk_id), ("verdict", c_enum), ("machine_class", c_enum),
                ("rule", c_enum), ("withheld", c_int)]


class mtrk_html_link(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("index", c_size_t), ("value_offset", c_size_t), ("value_len", c_size_t),
                ("url", c_char_p), ("label", c_char_p), ("honeypot", c_int)]


HTML_LINK_FN = CFUNCTYPE(c_int, c_void_p, POINTER(mtrk_html_link), POINTER(c_char_p))


# ---- simulate.h ----
class mtrk_sim_link_weight(Structure):
    _fields_ = [("lid", mtrk_id), ("weight", c_double)]


SIM_RATES = ("delivery_rate", "hard_bounce_rate", "soft_bounce_rate", "open_rate", "click_rate",
             "complaint_rate", "unsubscribe_rate", "lead_rate", "machine_open_share", "scanner_click_share",
             "duplicate_share", "out_of_order_share")
SIM_COUNTS = ("claimed", "canceled", "marked_sent", "messages", "delivered", "hard_bounces", "soft_bounces",
              "opens", "machine_opens", "clicks", "scanner_clicks", "complaints", "unsubscribes",
              "duplicates_sent", "reordered", "submitted", "recorded", "duplicates", "refused", "leads",
              "leads_duplicate")


class mtrk_sim_options(Structure):
    VERSION = 1
    _fields_ = ([("version", c_uint), ("seed", c_uint64), ("start", mtrk_time)]
                + [(n, c_double) for n in SIM_RATES]
                + [("link_weights", POINTER(mtrk_sim_link_weight)), ("nlink_weights", c_size_t),
                   ("link_weight_size", c_size_t), ("half_life_hours", c_double), ("spread_hours", c_double), ("send_interval_ms", c_int64)])


class mtrk_sim_report(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint)] + [(n, c_uint64) for n in SIM_COUNTS]


#: Every mirrored struct, by its C name (the struct-size test walks this).
class mtrk_bounce_recipient(Structure):
    VERSION = 2
    _fields_ = [("version", c_uint), ("recipient", c_char_p), ("original_recipient", c_char_p),
                ("action", c_char_p), ("status", c_char_p), ("status_class", c_int), ("status_subject", c_int),
                ("status_detail", c_int), ("smtp_code", c_int), ("diagnostic", c_char_p),
                ("remote_mta", c_char_p), ("reason", c_enum), ("kind", c_enum), ("mid", mtrk_id),
                ("mid_source", c_enum), ("original_message_id", c_char_p),
                # version 2
                ("verp", c_char_p)]


class mtrk_reputation_settings(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("window_ms", c_int64), ("min_sent", c_uint64),
                ("complaint_warn", c_double), ("complaint_pause", c_double),
                ("bounce_warn", c_double), ("bounce_pause", c_double)]


class mtrk_reputation(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("domain", c_char_p), ("window_from", mtrk_time), ("window_to", mtrk_time),
                ("sent", c_uint64), ("delivered", c_uint64), ("bounces", c_uint64), ("complaints", c_uint64),
                ("complaint_rate", c_double), ("bounce_rate", c_double), ("level", c_enum), ("state", c_enum),
                ("changed_at", mtrk_time)]


class mtrk_bounce_policy(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("reason", c_enum), ("action", c_enum), ("soft_limit", c_uint32)]


class mtrk_bounce_fact(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("event", mtrk_id), ("mid", mtrk_id), ("campaign", mtrk_id),
                ("occurred_at", mtrk_time), ("reason", c_enum), ("given_kind", c_enum), ("kind", c_enum),
                ("action", c_enum), ("hard_by", c_enum), ("smtp_code", c_int), ("status", c_char_p),
                ("bounce_type", c_char_p), ("bounce_subtype", c_char_p), ("provider", c_char_p),
                ("diagnostic", c_char_p)]
# ---- webhook.h ----
class mtrk_header(Structure):
    _fields_ = [("name", c_char_p), ("value", c_char_p)]


WEBHOOK_CERT_FN = CFUNCTYPE(c_int, POINTER(c_void_p), c_char_p, c_void_p)


class mtrk_webhook_request(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("provider", c_char_p), ("headers", POINTER(mtrk_header)),
                ("nheaders", c_size_t), ("body", c_char_p), ("len", c_size_t), ("url", c_char_p),
                ("body_limit", c_size_t), ("get_cert", WEBHOOK_CERT_FN), ("cert_userdata", c_void_p)]


class mtrk_webhook_event(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("provider_type", c_char_p), ("type", c_enum), ("mid", mtrk_id),
                ("lid", mtrk_id), ("key", c_char_p), ("provider_message_id", c_char_p),
                ("occurred_at", mtrk_time)]


class mtrk_webhook_result(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("verdict", c_enum), ("message", c_char_p), ("confirm_url", c_char_p),
                ("n", c_size_t), ("events", POINTER(POINTER(mtrk_webhook_event))),
                ("outcomes", POINTER(POINTER(mtrk_event_outcome))), ("recorded", c_size_t),
                ("duplicates", c_size_t), ("conflicts", c_size_t), ("dead_lettered", c_size_t),
                ("unmapped", c_size_t), ("refused", c_size_t)]


class mtrk_webhook_key_info(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("provider", c_char_p), ("fingerprint", c_char_p),
                ("created_at", mtrk_time)]


class mtrk_webhook_settings(Structure):
    VERSION = 1
    _fields_ = [("version", c_uint), ("tolerance_ms", c_int64), ("allow_unsigned", c_int)]


class mtrk_deadletter_info(Structure):
    VERSION = 2
    _fields_ = [("version", c_uint), ("id", mtrk_id), ("provider", c_char_p), ("key", c_char_p),
                ("reason", c_char_p), ("provider_type", c_char_p), ("type", c_enum), ("mid", mtrk_id),
                ("provider_message_id", c_char_p), ("occurred_at", mtrk_time), ("arrived_at", mtrk_time),
                ("payload", c_char_p),
                # version 2
                ("bounce_kind", c_enum), ("bounce_reason", c_enum), ("smtp_code", c_int),
                ("bounce_status", c_char_p), ("bounce_type", c_char_p), ("bounce_subtype", c_char_p),
                ("diagnostic", c_char_p)]


STRUCTS = {cls.__name__: cls for cls in (
    mtrk_id, mtrk_open_options, mtrk_tenant_settings, mtrk_contact_spec, mtrk_campaign_spec,
    mtrk_generate_report, mtrk_message_info, mtrk_lead_input, mtrk_lead_info, mtrk_event_input,
    mtrk_event_outcome, mtrk_contact_outcome, mtrk_event_info, mtrk_metrics, mtrk_link_stats, mtrk_store,
    mtrk_key_info, mtrk_api_token_info, mtrk_rendered, mtrk_render_options, mtrk_classify_rule, mtrk_classify_rules, mtrk_classify_input,
    mtrk_track_request, mtrk_resolve_options, mtrk_track_result, mtrk_html_link,
    mtrk_sim_link_weight, mtrk_sim_options, mtrk_sim_report, mtrk_bounce_recipient,
    mtrk_reputation_settings, mtrk_reputation, mtrk_bounce_policy, mtrk_bounce_fact,
    mtrk_webhook_request, mtrk_webhook_event, mtrk_webhook_result, mtrk_webhook_key_info,
    mtrk_webhook_settings, mtrk_deadletter_info)}


# --------------------------------------------------------------------------
# Prototypes: (name, restype, argtypes). Handles are void pointers.
# --------------------------------------------------------------------------
P = POINTER
H = c_void_p                 # an opaque handle (mtrk_db *, mtrk_tenant *, iterators, snapshots)
PH = P(c_void_p)             # an out handle
ID = mtrk_id
PID = P(mtrk_id)
T = mtrk_time
S = c_char_p
PI = P(c_int)
PSZ = P(c_size_t)
PU64 = P(c_uint64)

_PROTOTYPES: List[Tuple[str, Any, Sequence[Any]]] = [
    # common.h
    ("mtrk_version_number", c_int, []),
    ("mtrk_version_string", S, []),
    ("mtrk_strerror", S, [c_int]),
    ("mtrk_last_errmsg", S, []),
    ("mtrk_id_to_string", None, [P(c_char), ID]),
    ("mtrk_id_from_string", c_int, [PID, S]),
    ("mtrk_id_is_nil", c_int, [ID]),
    ("mtrk_id_compare", c_int, [ID, ID]),
    ("mtrk_id_new", ID, []),
    ("mtrk_free", None, [c_void_p]),
    # db.h
    ("mtrk_open_options_init", c_int, [P(mtrk_open_options), c_uint]),
    ("mtrk_db_open", c_int, [PH, S, P(mtrk_open_options)]),
    ("mtrk_db_open_store", c_int, [PH, P(mtrk_store), P(mtrk_open_options)]),
    ("mtrk_db_close", None, [H]),
    ("mtrk_db_errmsg", S, [H]),
    ("mtrk_db_now", T, [H]),
    ("mtrk_tenant_create", c_int, [PH, H, S, S]),
    ("mtrk_tenant_open", c_int, [PH, H, S, S]),
    ("mtrk_tenant_close", None, [H]),
    ("mtrk_tenant_set_actor", c_int, [H, S]),
    ("mtrk_tenant_key", S, [H]),
    ("mtrk_tenant_id", ID, [H]),
    ("mtrk_tenant_actor", S, [H]),
    ("mtrk_tenant_errmsg", S, [H]),
    ("mtrk_db_tenant_list", c_int, [P(c_void_p), PSZ, H]),
    ("mtrk_tenant_settings_init", c_int, [P(mtrk_tenant_settings), c_uint]),
    ("mtrk_tenant_settings_get", c_int, [P(mtrk_tenant_settings), H]),
    ("mtrk_tenant_settings_set", c_int, [H, P(mtrk_tenant_settings)]),
    # store.h (only what a host needs: a shareable in-memory store)
    ("mtrk_store_memory_new", c_int, [P(P(mtrk_store))]),
    ("mtrk_store_free", None, [P(mtrk_store)]),
    ("mtrk_store_init", c_int, [P(mtrk_store), c_uint]),
    ("mtrk_store_schema_version", c_uint, []),
    ("mtrk_store_sqlite_new", c_int, [P(P(mtrk_store)), S, P(mtrk_open_options)]),
    ("mtrk_store_pg_new", c_int, [P(P(mtrk_store)), S, P(mtrk_open_options)]),
    # contact.h — contacts
    ("mtrk_contact_spec_init", c_int, [P(mtrk_contact_spec), c_uint]),
    ("mtrk_address_normalize", c_int, [P(c_char), c_size_t, S]),
    ("mtrk_contact_add", c_int, [PID, PI, H, S, P(mtrk_contact_spec)]),
    ("mtrk_contact_outcome_init", c_int, [P(mtrk_contact_outcome), c_uint]),
    ("mtrk_contact_add_batch", c_int, [PSZ, P(P(mtrk_contact_outcome)), H, P(c_char_p), P(P(mtrk_contact_spec)),
                                       c_size_t]),
    ("mtrk_contact_get", c_int, [PH, H, ID]),
    ("mtrk_contact_find", c_int, [PH, H, S]),
    ("mtrk_contact_free", None, [H]),
    ("mtrk_contact_id", ID, [H]),
    ("mtrk_contact_address", S, [H]),
    ("mtrk_contact_name", S, [H]),
    ("mtrk_contact_status_of", c_enum, [H]),
    ("mtrk_contact_created_at", T, [H]),
    ("mtrk_contact_consent_at", T, [H]),
    ("mtrk_contact_consent_source", S, [H]),
    ("mtrk_contact_consent_text_version", S, [H]),
    ("mtrk_contact_field_count", c_size_t, [H]),
    ("mtrk_contact_field_at", c_int, [P(S), P(S), H, c_size_t]),
    ("mtrk_contact_field", S, [H, S]),
    ("mtrk_contact_set_field", c_int, [H, ID, S, S]),
    ("mtrk_contact_set_name", c_int, [H, ID, S]),
    ("mtrk_contact_set_consent", c_int, [H, ID, P(mtrk_contact_spec)]),
    ("mtrk_contact_set_status", c_int, [H, ID, c_enum]),
    ("mtrk_contact_erase", c_int, [H, ID]),
    ("mtrk_contact_iter_new", c_int, [PH, H]),
    ("mtrk_contact_iter_next", c_int, [PH, H]),
    ("mtrk_contact_iter_free", None, [H]),
    ("mtrk_contact_export_json", c_int, [P(c_void_p), H, ID]),
    # audiences
    ("mtrk_audience_create", c_int, [PID, H, S]),
    ("mtrk_audience_get", c_int, [PH, H, ID]),
    ("mtrk_audience_find", c_int, [PID, H, S]),
    ("mtrk_audience_free", None, [H]),
    ("mtrk_audience_id", ID, [H]),
    ("mtrk_audience_name", S, [H]),
    ("mtrk_audience_created_at", T, [H]),
    ("mtrk_audience_member_count", c_uint64, [H]),
    ("mtrk_audience_rename", c_int, [H, ID, S]),
    ("mtrk_audience_delete", c_int, [H, ID]),
    ("mtrk_audience_add", c_int, [PI, H, ID, ID]),
    ("mtrk_audience_remove", c_int, [PI, H, ID, ID]),
    ("mtrk_audience_add_batch", c_int, [PSZ, H, ID, PID, c_size_t]),
    ("mtrk_audience_remove_batch", c_int, [PSZ, H, ID, PID, c_size_t]),
    ("mtrk_audience_count", c_int, [PU64, H, ID]),
    ("mtrk_audience_iter_new", c_int, [PH, H]),
    ("mtrk_audience_iter_next", c_int, [PH, H]),
    ("mtrk_audience_iter_free", None, [H]),
    ("mtrk_member_iter_new", c_int, [PH, H, ID]),
    ("mtrk_member_iter_next", c_int, [PID, H]),
    ("mtrk_member_iter_free", None, [H]),
    # unsubscribes
    ("mtrk_unsub_add", c_int, [PI, H, ID, c_enum, ID, c_enum]),
    ("mtrk_unsub_remove", c_int, [H, ID, c_enum, ID]),
    ("mtrk_unsub_iter_new", c_int, [PH, H, ID]),
    ("mtrk_unsub_iter_next", c_int, [PH, H]),
    ("mtrk_unsub_iter_free", None, [H]),
    ("mtrk_unsub_contact", ID, [H]),
    ("mtrk_unsub_scope_of", c_enum, [H]),
    ("mtrk_unsub_scope_id", ID, [H]),
    ("mtrk_unsub_source", c_enum, [H]),
    ("mtrk_unsub_created_at", T, [H]),
    ("mtrk_unsub_event_id", ID, [H]),
    # suppressions
    ("mtrk_suppression_add", c_int, [PI, H, c_enum, S, S]),
    ("mtrk_suppression_remove", c_int, [H, c_enum, S]),
    ("mtrk_suppression_check", c_int, [P(c_enum), H, S]),
    ("mtrk_suppression_iter_new", c_int, [PH, H]),
    ("mtrk_suppression_iter_next", c_int, [PH, H]),
    ("mtrk_suppression_iter_free", None, [H]),
    ("mtrk_suppression_kind_of", c_enum, [H]),
    ("mtrk_suppression_value", S, [H]),
    ("mtrk_suppression_reason", S, [H]),
    ("mtrk_suppression_created_at", T, [H]),
    # audit
    ("mtrk_audit_iter_new", c_int, [PH, H]),
    ("mtrk_audit_iter_next", c_int, [PH, H]),
    ("mtrk_audit_iter_free", None, [H]),
    ("mtrk_audit_at", T, [H]),
    ("mtrk_audit_actor", S, [H]),
    ("mtrk_audit_action", S, [H]),
    ("mtrk_audit_entity", ID, [H]),
    ("mtrk_audit_detail", S, [H]),
    # retention
    ("mtrk_retention_apply", c_int, [PU64, H]),
    # campaign.h — campaigns
    ("mtrk_campaign_spec_init", c_int, [P(mtrk_campaign_spec), c_uint]),
    ("mtrk_campaign_create", c_int, [PID, H, P(mtrk_campaign_spec)]),
    ("mtrk_campaign_get", c_int, [PH, H, ID]),
    ("mtrk_campaign_find", c_int, [PID, H, S]),
    ("mtrk_campaign_free", None, [H]),
    ("mtrk_campaign_id", ID, [H]),
    ("mtrk_campaign_name", S, [H]),
    ("mtrk_campaign_objective", S, [H]),
    ("mtrk_campaign_subject", S, [H]),
    ("mtrk_campaign_from_name", S, [H]),
    ("mtrk_campaign_from_address", S, [H]),
    ("mtrk_campaign_reply_to", S, [H]),
    ("mtrk_campaign_html", S, [H]),
    ("mtrk_campaign_text", S, [H]),
    ("mtrk_campaign_starts_at", T, [H]),
    ("mtrk_campaign_ends_at", T, [H]),
    ("mtrk_campaign_status_of", c_enum, [H]),
    ("mtrk_campaign_created_at", T, [H]),
    ("mtrk_campaign_status_name", S, [c_enum]),
    ("mtrk_campaign_edit", c_int, [H, ID, P(mtrk_campaign_spec)]),
    ("mtrk_campaign_set_status", c_int, [H, ID, c_enum]),
    ("mtrk_campaign_attach_audience", c_int, [PI, H, ID, ID]),
    ("mtrk_campaign_detach_audience", c_int, [H, ID, ID]),
    ("mtrk_campaign_audiences", c_int, [PID, c_size_t, PSZ, H, ID]),
    ("mtrk_campaign_iter_new", c_int, [PH, H]),
    ("mtrk_campaign_iter_next", c_int, [PH, H]),
    ("mtrk_campaign_iter_free", None, [H]),
    # links
    ("mtrk_link_add", c_int, [PID, H, ID, S, S, c_uint32]),
    ("mtrk_link_get", c_int, [PH, H, ID]),
    ("mtrk_link_find", c_int, [PID, H, ID, S]),
    ("mtrk_link_free", None, [H]),
    ("mtrk_link_iter_new", c_int, [PH, H, ID]),
    ("mtrk_link_iter_next", c_int, [PH, H]),
    ("mtrk_link_iter_free", None, [H]),
    ("mtrk_link_id", ID, [H]),
    ("mtrk_link_campaign", ID, [H]),
    ("mtrk_link_url", S, [H]),
    ("mtrk_link_label", S, [H]),
    ("mtrk_link_position", c_uint32, [H]),
    # generation
    ("mtrk_exclusion_name", S, [c_enum]),
    ("mtrk_generate_report_init", c_int, [P(mtrk_generate_report), c_uint]),
    ("mtrk_campaign_generate", c_int, [P(mtrk_generate_report), H, ID]),
    ("mtrk_campaign_check_contact", c_int, [P(c_enum), H, ID, ID]),
    # messages
    ("mtrk_message_state_name", S, [c_enum]),
    ("mtrk_message_info_init", c_int, [P(mtrk_message_info), c_uint]),
    ("mtrk_message_get", c_int, [P(mtrk_message_info), H, ID]),
    ("mtrk_message_find", c_int, [P(mtrk_message_info), H, ID, ID]),
    ("mtrk_message_iter_new", c_int, [PH, H, ID]),
    ("mtrk_message_iter_next", c_int, [P(mtrk_message_info), H]),
    ("mtrk_message_iter_free", None, [H]),
    # queue
    ("mtrk_queue_claim", c_int, [PID, PSZ, PSZ, H, ID, c_size_t, c_int64]),
    ("mtrk_queue_mark_sent", c_int, [H, ID, T, S, S]),
    ("mtrk_queue_release", c_int, [H, ID]),
    # landing pages and leads
    ("mtrk_landing_page_create", c_int, [PID, H, ID, S, S]),
    ("mtrk_landing_page_find", c_int, [PID, H, ID]),
    ("mtrk_lead_input_init", c_int, [P(mtrk_lead_input), c_uint]),
    ("mtrk_lead_info_init", c_int, [P(mtrk_lead_info), c_uint]),
    ("mtrk_lead_capture", c_int, [P(mtrk_lead_info), PI, H, P(mtrk_lead_input)]),
    ("mtrk_lead_iter_new", c_int, [PH, H, ID]),
    ("mtrk_lead_iter_next", c_int, [P(mtrk_lead_info), H]),
    ("mtrk_lead_iter_free", None, [H]),
    # event.h
    ("mtrk_event_type_name", S, [c_enum]),
    ("mtrk_event_input_init", c_int, [P(mtrk_event_input), c_uint]),
    ("mtrk_event_content_key", c_int, [P(c_char), P(mtrk_event_input)]),
    ("mtrk_event_outcome_init", c_int, [P(mtrk_event_outcome), c_uint]),
    ("mtrk_event_record", c_int, [P(mtrk_event_outcome), H, P(mtrk_event_input)]),
    ("mtrk_event_record_batch", c_int, [PSZ, P(P(mtrk_event_outcome)), H, P(P(mtrk_event_input)), c_size_t]),
    ("mtrk_event_info_init", c_int, [P(mtrk_event_info), c_uint]),
    ("mtrk_event_iter_message", c_int, [PH, H, ID]),
    ("mtrk_event_iter_contact", c_int, [PH, H, ID]),
    ("mtrk_event_iter_campaign", c_int, [PH, H, ID, c_enum, T, T]),
    ("mtrk_event_iter_next", c_int, [P(mtrk_event_info), H]),
    ("mtrk_event_iter_cursor", c_int, [P(c_uint8), H]),
    ("mtrk_event_iter_seek", c_int, [H, P(c_uint8)]),
    ("mtrk_event_iter_free", None, [H]),
    ("mtrk_metrics_init", c_int, [P(mtrk_metrics), c_uint]),
    ("mtrk_metrics_campaign", c_int, [P(mtrk_metrics), H, ID]),
    ("mtrk_metrics_compare", c_int, [P(P(mtrk_metrics)), H, PID, c_size_t]),
    ("mtrk_link_stats_init", c_int, [P(mtrk_link_stats), c_uint]),
    ("mtrk_metrics_links", c_int, [P(P(mtrk_link_stats)), c_size_t, PSZ, H, ID]),
    ("mtrk_metrics_hourly", c_int, [PU64, c_size_t, c_size_t, PSZ, H, ID, T, T]),
    ("mtrk_metrics_first_hour", c_int, [P(T), H, ID, T]),
    ("mtrk_metrics_rebuild", c_int, [H]),
    # tracking.h
    ("mtrk_link_origin_of", c_enum, [H]),
    ("mtrk_tenant_rotate_key", c_int, [P(c_uint32), H]),
    ("mtrk_tenant_retire_key", c_int, [H, c_uint32]),
    ("mtrk_key_info_init", c_int, [P(mtrk_key_info), c_uint]),
    ("mtrk_tenant_signing_keys", c_int, [P(P(mtrk_key_info)), c_size_t, PSZ, H]),
    # apitoken.h
    ("mtrk_api_token_create", c_int, [P(c_char), c_size_t, PID, H, S]),
    ("mtrk_api_token_revoke", c_int, [H, ID]),
    ("mtrk_api_token_info_init", c_int, [P(mtrk_api_token_info), c_uint]),
    ("mtrk_api_token_list", c_int, [P(P(mtrk_api_token_info)), c_size_t, PSZ, H]),
    ("mtrk_db_api_token_find", c_int, [P(c_char), c_size_t, H, S]),
    ("mtrk_url_kind_name", S, [c_enum]),
    ("mtrk_track_url", c_int, [P(c_void_p), H, c_enum, ID, ID]),
    ("mtrk_landing_page_url", c_int, [P(c_void_p), PID, H, ID]),
    ("mtrk_track_path_tenant", c_int, [P(c_char), c_size_t, S]),
    ("mtrk_track_pixel", P(c_uint8), [PSZ]),
    ("mtrk_rendered_init", c_int, [P(mtrk_rendered), c_uint]),
    ("mtrk_rendered_clear", None, [P(mtrk_rendered)]),
    ("mtrk_message_render", c_int, [P(mtrk_rendered), H, ID]),
    ("mtrk_render_options_init", c_int, [P(mtrk_render_options), c_uint]),
    ("mtrk_message_render_with", c_int, [P(mtrk_rendered), H, ID, P(mtrk_render_options)]),
    ("mtrk_machine_class_name", S, [c_enum]),
    ("mtrk_machine_rule_name", S, [c_enum]),
    ("mtrk_classify_rules_init", c_int, [P(mtrk_classify_rules), c_uint]),
    ("mtrk_classify_rules_default", P(mtrk_classify_rules), []),
    ("mtrk_track_request_init", c_int, [P(mtrk_track_request), c_uint]),
    ("mtrk_resolve_options_init", c_int, [P(mtrk_resolve_options), c_uint]),
    ("mtrk_track_result_init", c_int, [P(mtrk_track_result), c_uint]),
    ("mtrk_track_resolve", c_int, [P(mtrk_track_result), H, P(mtrk_track_request), P(mtrk_resolve_options)]),
    ("mtrk_tenant_set_classifier", c_int, [H, P(mtrk_classify_rules), CLASSIFIER_FN, c_void_p]),
    ("mtrk_track_resolve_batch", c_int, [P(P(mtrk_track_result)), P(c_int), H, P(P(mtrk_track_request)), c_size_t,
                                         P(mtrk_resolve_options)]),
    ("mtrk_track_mail_unsubscribe", c_int, [P(mtrk_track_result), H, c_char_p, c_int64]),
    ("mtrk_html_rewrite", c_int, [P(c_void_p), PSZ, c_char_p, c_size_t, HTML_LINK_FN, c_void_p]),
    # simulate.h
    ("mtrk_sim_options_init", c_int, [P(mtrk_sim_options), c_uint]),
    ("mtrk_sim_report_init", c_int, [P(mtrk_sim_report), c_uint]),
    ("mtrk_simulate", c_int, [P(mtrk_sim_report), H, ID, P(mtrk_sim_options)]),
    # bounce.h
    ("mtrk_bounce_reason_name", S, [c_enum]),
    ("mtrk_bounce_reason_from_name", c_int, [P(c_enum), S]),
    ("mtrk_bounce_reason_kind", c_enum, [c_enum]),
    ("mtrk_bounce_classify", c_enum, [S, c_int, S]),
    ("mtrk_bounce_reason_ses", c_enum, [S, S, S, S]),
    ("mtrk_bounce_reason_sendgrid", c_enum, [S, S, S]),
    ("mtrk_bounce_reason_sparkpost", c_enum, [c_int, S, S]),
    ("mtrk_bounce_reason_mailgun", c_enum, [S, S, c_int, S, S]),
    ("mtrk_bounce_reason_postmark", c_enum, [c_int, S]),
    ("mtrk_bounce_mid_source_name", S, [c_enum]),
    ("mtrk_bounce_verp_format", c_int, [P(c_char), c_size_t, S, ID]),
    ("mtrk_bounce_verp_parse", c_int, [PID, S]),
    ("mtrk_bounce_verp_verify", c_int, [PID, H, S]),
    ("mtrk_bounce_format_name", S, [c_enum]),
    ("mtrk_bounce_recipient_init", c_int, [P(mtrk_bounce_recipient), c_uint]),
    ("mtrk_bounce_parse", c_int, [PH, c_char_p, c_size_t]),
    ("mtrk_bounce_report_count", c_size_t, [H]),
    ("mtrk_bounce_report_get", c_int, [P(mtrk_bounce_recipient), H, c_size_t]),
    ("mtrk_bounce_report_format", c_enum, [H]),
    ("mtrk_bounce_report_note", S, [H]),
    ("mtrk_bounce_report_origin", S, [H]),
    ("mtrk_bounce_report_free", None, [H]),
    ("mtrk_bounce_source_open", c_int, [PH, S]),
    ("mtrk_bounce_source_next", c_int, [PH, H]),
    ("mtrk_bounce_source_origin", S, [H]),
    ("mtrk_bounce_source_close", None, [H]),
    # reputation.h
    ("mtrk_reputation_level_name", S, [c_enum]),
    ("mtrk_reputation_settings_init", c_int, [P(mtrk_reputation_settings), c_uint]),
    ("mtrk_reputation_settings_get", c_int, [P(mtrk_reputation_settings), H]),
    ("mtrk_reputation_settings_set", c_int, [H, P(mtrk_reputation_settings)]),
    ("mtrk_reputation_init", c_int, [P(mtrk_reputation), c_uint]),
    ("mtrk_reputation_get", c_int, [P(mtrk_reputation), H, S]),
    ("mtrk_reputation_list", c_int, [P(P(mtrk_reputation)), c_size_t, PSZ, H]),
    ("mtrk_reputation_check", c_int, [PSZ, H]),
    ("mtrk_reputation_resume", c_int, [PSZ, H, S]),
    ("mtrk_bounce_action_name", S, [c_enum]),
    ("mtrk_bounce_action_from_name", c_int, [P(c_enum), S]),
    ("mtrk_bounce_policy_init", c_int, [P(mtrk_bounce_policy), c_uint]),
    ("mtrk_bounce_policy_get", c_int, [P(mtrk_bounce_policy), H, c_enum]),
    ("mtrk_bounce_policy_set", c_int, [H, P(mtrk_bounce_policy)]),
    ("mtrk_bounce_record", c_int, [P(mtrk_event_outcome), P(c_enum), H, P(mtrk_bounce_recipient), T, S, S]),
    ("mtrk_bounce_expiry_set", c_int, [H, c_int64]),
    ("mtrk_bounce_expiry_get", c_int, [P(c_int64), H]),
    ("mtrk_suppression_expire", c_int, [PU64, H]),
    ("mtrk_bounce_hard_by_name", S, [c_enum]),
    ("mtrk_bounce_fact_init", c_int, [P(mtrk_bounce_fact), c_uint]),
    ("mtrk_bounce_facts_message", c_int, [P(P(mtrk_bounce_fact)), c_size_t, PSZ, H, ID]),
    ("mtrk_bounce_reason_counts", c_int, [PU64, c_size_t, H, ID]),
    # webhook.h
    ("mtrk_webhook_verdict_name", S, [c_int]),
    ("mtrk_webhook_provider_name", S, [c_size_t]),
    ("mtrk_webhook_request_init", c_int, [P(mtrk_webhook_request), c_uint]),
    ("mtrk_webhook_ingest", c_int, [P(P(mtrk_webhook_result)), H, P(mtrk_webhook_request)]),
    ("mtrk_webhook_result_free", None, [P(mtrk_webhook_result)]),
    ("mtrk_webhook_key_add", c_int, [H, S, S]),
    ("mtrk_webhook_key_remove", c_int, [H, S, S]),
    ("mtrk_webhook_key_info_init", c_int, [P(mtrk_webhook_key_info), c_uint]),
    ("mtrk_webhook_keys", c_int, [P(P(mtrk_webhook_key_info)), c_size_t, PSZ, H, S]),
    ("mtrk_webhook_settings_init", c_int, [P(mtrk_webhook_settings), c_uint]),
    ("mtrk_webhook_settings_set", c_int, [H, S, P(mtrk_webhook_settings)]),
    ("mtrk_webhook_settings_get", c_int, [P(mtrk_webhook_settings), H, S]),
    ("mtrk_deadletter_info_init", c_int, [P(mtrk_deadletter_info), c_uint]),
    ("mtrk_deadletter_iter_new", c_int, [PH, H, S]),
    ("mtrk_deadletter_iter_next", c_int, [P(mtrk_deadletter_info), H]),
    ("mtrk_deadletter_iter_free", None, [H]),
    ("mtrk_deadletter_count", c_int, [PU64, H, S]),
    ("mtrk_deadletter_replay", c_int, [PSZ, PSZ, H, S]),
    ("mtrk_message_provider_id_set", c_int, [H, ID, S, S]),
    ("mtrk_message_provider_id_find", c_int, [PID, H, S, S]),
    ("mtrk_webhook_payload_get", c_int, [P(c_void_p), H, ID]),
]

#: Prototypes of optional surfaces (declared only when the library exports them).
_OPTIONAL_PROTOTYPES: List[Tuple[str, Any, Sequence[Any]]] = []


class Library:
    """A loaded libmtrk with every prototype declared as an attribute."""

    def __init__(self, cdll: ctypes.CDLL, path: str) -> None:
        self.cdll = cdll
        self.path = path
        self.declared: List[str] = []
        for name, restype, argtypes in _PROTOTYPES:
            try:
                fn = getattr(cdll, name)
            except AttributeError as exc:
                raise LibraryError(None, f"{path}: missing symbol {name}: this library is not a "
                                         f"libmtrk {SUPPORTED_MAJOR}.x the binding supports") from exc
            fn.restype = restype
            fn.argtypes = list(argtypes)
            setattr(self, name, fn)
            self.declared.append(name)
        for name, restype, argtypes in _OPTIONAL_PROTOTYPES:
            fn = getattr(cdll, name, None)
            if fn is None:
                continue
            fn.restype = restype
            fn.argtypes = list(argtypes)
            setattr(self, name, fn)
            self.declared.append(name)
        number = self.mtrk_version_number()
        self.version_number = number
        self.version = (self.mtrk_version_string() or b"").decode("ascii", "replace")
        major, minor = number // 1000000, (number // 1000) % 1000
        if major != SUPPORTED_MAJOR or minor < MIN_MINOR:
            raise LibraryError(None, f"{path}: libmtrk {self.version} (version number {number}) is not "
                                     f"supported: this binding needs {SUPPORTED_MAJOR}.x with x >= {MIN_MINOR}")

    def has(self, name: str) -> bool:
        """True if the function `name` is declared (optional surfaces)."""
        return name in self.declared


#: The library of the source tree this package sits in (bindings/python/mtrk -> build/).
BUILD_LIBRARY = Path(__file__).resolve().parent.parent.parent.parent / "build" / "libmtrk.so.1"

_lock = threading.Lock()
_loaded: Optional[Library] = None


def _candidates(path: Optional[str]) -> List[Tuple[str, str]]:
    """(how it was found, path or name) in search order."""
    out: List[Tuple[str, str]] = []
    if path is not None:
        out.append(("explicit path", os.fspath(path)))
        return out
    env = os.environ.get("MTRK_LIBRARY")
    if env:
        out.append(("MTRK_LIBRARY", env))
    out.append(("build directory", str(BUILD_LIBRARY)))
    found = ctypes.util.find_library("mtrk")
    if found:
        out.append(("system loader (find_library)", found))
    out.append(("system loader", "libmtrk.so.1"))
    return out


def load(path: "Optional[str | os.PathLike[str]]" = None) -> Library:
    """Loads libmtrk (once per process) and returns it.

    With `path`, only that file is tried. Without, the search order of this
    module's docstring applies. A later call with no path returns the library
    already loaded; one naming another file raises :class:`LibraryError`.
    Raises LibraryError listing every place tried when none loads, or when the
    library's version is not supported.
    """
    global _loaded
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"library path must be a str or os.PathLike, not {type(path).__name__}")
    with _lock:
        if _loaded is not None:
            if path is None or os.path.realpath(os.fspath(path)) == os.path.realpath(_loaded.path):
                return _loaded
            raise LibraryError(None, f"libmtrk is already loaded from {_loaded.path}; "
                                     f"cannot load {os.fspath(path)} as well")
        tried: List[str] = []
        for how, where in _candidates(path):
            if os.sep in where and not os.path.exists(where):
                tried.append(f"{how}: {where} (no such file)")
                continue
            try:
                cdll = ctypes.CDLL(where)
            except OSError as exc:
                tried.append(f"{how}: {where} ({exc})")
                continue
            _loaded = Library(cdll, where)
            return _loaded
        raise LibraryError(None, "libmtrk not found; looked in:\n  " + "\n  ".join(tried)
                           + "\nset MTRK_LIBRARY to the path of libmtrk.so.1 or pass library=")


def lib() -> Library:
    """The loaded library, loading it by the default search when needed."""
    return _loaded if _loaded is not None else load()
