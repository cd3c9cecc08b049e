"""mtrk — Python bindings (ctypes) for libmtrk, the e-mail marketing tracking library.

Quick start::

    import mtrk
    with mtrk.open("memory:") as db, db.create_tenant("acme", "api:alice") as t:
        ana, _ = t.add_contact("ana@example.com", name="Ana")
        ...

Ids are uuid.UUID, times timezone-aware datetimes (naive ones are refused with
TypeError), listings generators that page through the library, and every
library failure an mtrk.Error subclass carrying the library's message.
"""
from __future__ import annotations

import uuid as _uuid

from . import _convert as _cv
from . import _lib
from ._lib import Library, SUPPORTED_MAJOR, load
from .contacts import normalize_address
from .events import event_content_key
from .db import Db, MemoryStore, PgStore, SqliteStore, Store, open
from .errors import (AlreadyExists, Busy, ClosedError, InUse, EncodingError, Error, IncompleteStore,
                     InvalidAddress, InvalidArgument, InvalidState, LibraryError, NotFound, OutOfMemory,
                     SignatureError, StorageError, TooLong, VersionError, WrongTenant)
from .tenant import Tenant
from .types import (Attribution, Audience, AuditEntry, BatchResult, BounceKind, Campaign, CampaignSpec,
                    CampaignStatus, ClaimResult, Contact, ContactBatch, ContactOutcome, ContactStatus, Effect,
                    Event, EventInput,
                    EventOutcome, EventType, Exclusion, GenerateReport, HourlyCounts, Lead, LeadCapture,
                    Link, LinkStats, Message, MessageState, Metrics, Source, Suppression, SuppressionKind,
                    TenantSettings, UnsubScope, Unsubscribe, Verdict, Sync, LinkOrigin, UrlKind, MachineClass,
                    MachineRule, Apply, TrackAction, KeyInfo, ApiTokenInfo, Rendered, ClassifyRule, ClassifyRules,
                    ClassifyInput, TrackResult, HtmlLink, RewriteResult, SimOptions, SimReport)
from . import bounces
from .bounces import BounceFormat, BounceReason, BounceRecipient, BounceReport, MidSource
from .reputation import (BounceAction, BounceFact, BouncePolicy, HardBy, Reputation, ReputationLevel,
                         ReputationSettings)
from .webhooks import DeadLetter, WebhookEvent, WebhookKey, WebhookResult
from .tracking import default_classify_rules, html_rewrite, track_path_tenant, track_pixel

__version__ = "1.0.0"


def version() -> str:
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _lib.lib().version


def new_id() -> _uuid.UUID:
    """A new time-ordered (version 7) id from the library."""
    return _cv.id_out(_lib.lib().mtrk_id_new())


def strerror(code: int) -> str:
    """The library's name of a status code."""
    return _cv.str_out(_lib.lib().mtrk_strerror(_cv.int_in(code, "code", -(1 << 31), (1 << 31) - 1)))


__all__ = [
    "load", "Library", "SUPPORTED_MAJOR", "open", "Db", "Store", "MemoryStore", "SqliteStore", "PgStore", "Tenant",
    "version", "new_id", "strerror", "normalize_address", "event_content_key",
    "default_classify_rules", "html_rewrite", "track_path_tenant", "track_pixel",
    "Error", "InvalidArgument", "NotFound", "AlreadyExists", "InvalidState", "Busy", "StorageError",
    "OutOfMemory", "VersionError", "TooLong", "EncodingError", "IncompleteStore", "InvalidAddress",
    "SignatureError", "WrongTenant", "ClosedError", "InUse", "LibraryError",
    "Attribution", "Audience", "AuditEntry", "BatchResult", "BounceKind", "Campaign", "CampaignSpec",
    "CampaignStatus", "ClaimResult", "Contact", "ContactBatch", "ContactOutcome", "ContactStatus", "Effect", "Event", "EventInput",
    "EventOutcome", "EventType", "Exclusion", "GenerateReport", "HourlyCounts", "Lead", "LeadCapture",
    "Link", "LinkStats", "Message", "MessageState", "Metrics", "Source", "Suppression", "SuppressionKind",
    "TenantSettings", "UnsubScope", "Unsubscribe", "Verdict", "Sync", "LinkOrigin", "UrlKind", "MachineClass",
    "MachineRule", "Apply", "TrackAction", "KeyInfo", "ApiTokenInfo", "Rendered", "ClassifyRule", "ClassifyRules",
    "ClassifyInput", "TrackResult", "HtmlLink", "RewriteResult", "SimOptions", "SimReport",
    "bounces", "BounceFormat", "BounceReason", "BounceRecipient", "BounceReport", "MidSource",
    "BounceAction", "BounceFact", "BouncePolicy", "HardBy", "Reputation", "ReputationLevel", "ReputationSettings",
    "DeadLetter", "WebhookEvent", "WebhookKey", "WebhookResult",
]
