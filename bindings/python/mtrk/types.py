"""Enums mirroring the C enums, and the dataclasses the binding returns or
accepts. Ids are uuid.UUID (None where C uses the nil id for "none"); times are
timezone-aware UTC datetimes (None where C uses 0 for "unset" or "has not
happened")."""
from __future__ import annotations

import datetime as _dt
import enum
import json
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional


# ---- enums (values are the C values) ------------------------------------------
class ContactStatus(enum.IntEnum):
    ACTIVE = 1
    BOUNCED = 2
    COMPLAINED = 3
    ERASED = 4


class UnsubScope(enum.IntEnum):
    GLOBAL = 1
    CAMPAIGN = 2
    AUDIENCE = 3


class Source(enum.IntEnum):
    LINK = 1
    ONE_CLICK = 2
    COMPLAINT = 3
    MANUAL = 4
    IMPORT = 5
    BOUNCE = 6
    MAILTO = 7


class SuppressionKind(enum.IntEnum):
    ADDRESS = 1
    DOMAIN = 2
    HASH = 3


class CampaignStatus(enum.IntEnum):
    DRAFT = 1
    SCHEDULED = 2
    SENDING = 3
    SENT = 4
    PAUSED = 5
    CANCELED = 6


class Exclusion(enum.IntEnum):
    NONE = 0
    CONTACT_INACTIVE = 1
    ADDRESS_SUPPRESSED = 2
    DOMAIN_SUPPRESSED = 3
    GLOBAL_UNSUB = 4
    CAMPAIGN_UNSUB = 5
    AUDIENCE_UNSUB = 6
    NOT_IN_AUDIENCE = 7
    CAMPAIGN_CANCELED = 8


class MessageState(enum.IntEnum):
    QUEUED = 1
    CLAIMED = 2
    SENT = 3
    DELIVERED = 4
    BOUNCED = 5
    CANCELED = 6


class Attribution(enum.IntEnum):
    MESSAGE = 1
    RECIPIENT = 2
    CAMPAIGN = 3


class EventType(enum.IntEnum):
    SENT = 1
    DELIVERED = 2
    DEFERRED = 3
    OPEN = 4
    CLICK = 5
    BOUNCE = 6
    COMPLAINT = 7
    UNSUBSCRIBE = 8


class BounceKind(enum.IntEnum):
    NONE = 0
    HARD = 1
    SOFT = 2


class Verdict(enum.IntEnum):
    HUMAN = 0
    MACHINE = 1
    AUTO = 2  #: input only: judged by the tenant's machine rules (the default)


class Effect(enum.IntFlag):
    """What an event changed (MTRK_EFFECT_* bits)."""
    NONE = 0
    MESSAGE_STATE = 0x0001
    HARD_BOUNCE = 0x0002
    CONTACT_BOUNCED = 0x0004
    CONTACT_COMPLAINED = 0x0008
    SUPPRESSED = 0x0010
    UNSUB_RULE = 0x0020
    CANCELED_MESSAGES = 0x0040
    STATE_KEPT = 0x0080
    SOFT_THRESHOLD = 0x0100


class Sync(enum.IntEnum):
    """SQLite durability levels (open options)."""
    DEFAULT = 0
    OFF = 1
    NORMAL = 2
    FULL = 3


class LinkOrigin(enum.IntEnum):
    MANUAL = 0
    HTML = 1
    HONEYPOT = 2
    TEMPLATE = 3          # written with merge tags: catalogued, not tracked
    TEMPLATE_TRACKED = 4  # the same with data-mtrk-track: the host fills in the redirect


class UrlKind(enum.IntEnum):
    OPEN = 1
    CLICK = 2
    UNSUBSCRIBE = 3
    LANDING = 4


class MachineClass(enum.IntEnum):
    HUMAN = 0
    PRIVACY_PROXY = 1
    IMAGE_PROXY = 2
    SECURITY_SCANNER = 3
    UNKNOWN = 4


class MachineRule(enum.IntEnum):
    NONE = 0
    USER_AGENT = 1
    NETWORK = 2
    HONEYPOT = 3
    LINK_BURST = 4
    DELIVERY_WINDOW = 5
    HOST = 6


class Apply(enum.IntFlag):
    """Which events a classification rule applies to (MTRK_APPLY_*)."""
    OPEN = 0x1
    CLICK = 0x2
    BOTH = 0x3


class TrackAction(enum.IntEnum):
    REFUSED = 0
    PIXEL = 1
    REDIRECT = 2
    CONFIRM = 3
    UNSUBSCRIBED = 4
    LANDING = 5


# ---- records read from the library ------------------------------------------------
@dataclass(frozen=True)
class TenantSettings:
    """A tenant's settings (mtrk_tenant_settings). Defaults are the library's."""
    tracking_base_url: str = ""
    soft_bounce_threshold: int = 3
    attribution_window: _dt.timedelta = _dt.timedelta(days=30)
    retention: _dt.timedelta = _dt.timedelta(days=365)
    list_unsubscribe_mailto: str = ""   #: address for the mailto: of List-Unsubscribe ("": https only)
    #: the earliest occurrence time an event may have (timezone-aware; not before 1970 nor after now)
    events_earliest: _dt.datetime = _dt.datetime(2000, 1, 1, tzinfo=_dt.timezone.utc)
    #: how far after the clock an occurrence time may be
    events_ahead: _dt.timedelta = _dt.timedelta(days=1)
    #: keep each recorded webhook event's original object (Tenant.webhook_payload)
    keep_webhook_payloads: bool = False
    #: how long a kept webhook payload is kept (mtrk_retention_apply purges it after)
    webhook_payload_retention: _dt.timedelta = _dt.timedelta(days=30)


@dataclass(frozen=True)
class Contact:
    id: uuid.UUID
    address: Optional[str]          #: None once erased
    name: Optional[str]
    status: ContactStatus
    created_at: _dt.datetime
    consent_at: Optional[_dt.datetime]
    consent_source: Optional[str]
    consent_text_version: Optional[str]
    fields: Dict[str, str]


@dataclass(frozen=True)
class Audience:
    id: uuid.UUID
    name: str
    created_at: _dt.datetime
    member_count: int


@dataclass(frozen=True)
class Unsubscribe:
    contact: uuid.UUID
    scope: UnsubScope
    scope_id: Optional[uuid.UUID]   #: the campaign or audience; None for global
    source: Source
    created_at: _dt.datetime
    event_id: Optional[uuid.UUID]   #: the event that created it; None for explicit calls


@dataclass(frozen=True)
class Suppression:
    kind: SuppressionKind
    value: str                      #: the address, domain, or hex hash
    reason: str
    created_at: _dt.datetime


@dataclass(frozen=True)
class AuditEntry:
    at: _dt.datetime
    actor: str
    action: str
    entity: Optional[uuid.UUID]
    detail: str                     #: a short JSON object, as text

    @property
    def detail_json(self) -> Any:
        """`detail` parsed."""
        return json.loads(self.detail) if self.detail else None


@dataclass(frozen=True)
class CampaignSpec:
    """What a campaign says (mtrk_campaign_spec): name, subject, from_address
    and html or text are required."""
    name: str
    subject: str
    from_address: str
    text: Optional[str] = None
    html: Optional[str] = None
    objective: Optional[str] = None
    from_name: Optional[str] = None
    reply_to: Optional[str] = None
    starts_at: Optional[_dt.datetime] = None
    ends_at: Optional[_dt.datetime] = None


@dataclass(frozen=True)
class Campaign:
    id: uuid.UUID
    name: str
    objective: Optional[str]
    subject: str
    from_name: Optional[str]
    from_address: str
    reply_to: Optional[str]
    html: Optional[str]
    text: Optional[str]
    starts_at: Optional[_dt.datetime]
    ends_at: Optional[_dt.datetime]
    status: CampaignStatus
    created_at: _dt.datetime


@dataclass(frozen=True)
class Link:
    id: uuid.UUID
    campaign: uuid.UUID
    url: str
    label: str
    position: int
    origin: LinkOrigin = LinkOrigin.MANUAL


@dataclass(frozen=True)
class GenerateReport:
    eligible: int
    created: int
    already_present: int
    excluded_total: int
    excluded: Dict[Exclusion, int]  #: every reason but NONE, zero counts included


@dataclass(frozen=True)
class Message:
    mid: uuid.UUID
    campaign: uuid.UUID
    contact: uuid.UUID
    state: MessageState
    cancel_reason: Exclusion
    created_at: _dt.datetime
    lease_until: Optional[_dt.datetime]
    sent_at: Optional[_dt.datetime]
    delivered_at: Optional[_dt.datetime]
    bounced_at: Optional[_dt.datetime]
    first_open_at: Optional[_dt.datetime]
    first_click_at: Optional[_dt.datetime]
    first_complaint_at: Optional[_dt.datetime]
    first_unsub_at: Optional[_dt.datetime]
    opens: int
    clicks: int
    soft_bounces: int
    delivered: bool


@dataclass(frozen=True)
class ClaimResult:
    mids: List[uuid.UUID]           #: the claimed messages
    canceled: int                   #: messages canceled at claim time (no longer eligible)


@dataclass(frozen=True)
class Lead:
    id: uuid.UUID
    landing_page: uuid.UUID
    campaign: uuid.UUID
    mid: Optional[uuid.UUID]
    contact: uuid.UUID
    recipient: Optional[uuid.UUID]
    attribution: Attribution
    forwarded: bool
    captured_at: _dt.datetime
    lead_key: str
    address: Optional[str]          #: None once the contact was erased
    fields: Dict[str, str]


@dataclass(frozen=True)
class LeadCapture:
    lead: Lead
    duplicate: bool                 #: the lead_key was seen: nothing changed


@dataclass(frozen=True)
class EventInput:
    """An event to record (mtrk_event_input). `mid` and `type` are required."""
    type: EventType
    mid: uuid.UUID
    lid: Optional[uuid.UUID] = None
    occurred_at: Optional[_dt.datetime] = None      #: None: now
    provider: Optional[str] = None
    provider_event_id: Optional[str] = None
    provider_message_id: Optional[str] = None
    bounce_kind: BounceKind = BounceKind.NONE
    diagnostic: Optional[str] = None
    user_agent: Optional[str] = None
    ip: Optional[str] = None
    verdict: Verdict = Verdict.AUTO  #: AUTO: judged by the tenant's machine rules (set_classifier)
    verdict_reason: Optional[str] = None
    unsub_scope: Optional[UnsubScope] = None         #: None: global
    unsub_audience: Optional[uuid.UUID] = None
    unsub_source: Optional[Source] = None            #: None: LINK
    # A bounce's facts (version 2 of mtrk_event_input): with any of them the
    # tenant's policy for the reason applies and the facts are stored.
    bounce_reason: Optional[int] = None              #: a BounceReason; None: not given
    smtp_code: int = 0                               #: 0: unknown
    bounce_status: Optional[str] = None              #: RFC 3463 "5.1.1"
    bounce_type: Optional[str] = None                #: the provider's own bounce type
    bounce_subtype: Optional[str] = None             #: the provider's own subtype or class


@dataclass(frozen=True)
class EventOutcome:
    status: int                     #: 0 recorded or duplicate, else this event's status code
    duplicate: bool
    event_id: Optional[uuid.UUID]
    error: Optional[Exception] = None  #: the mtrk.Error for a refused event (batch only)
    conflict: bool = False          #: refused: the provider event id was recorded for another mid or type
    message: Optional[str] = None   #: why the event was refused (None when recorded or duplicate)
    argument: Optional[str] = None  #: the field at fault ("lid", "mid", ...), when one is

    @property
    def ok(self) -> bool:
        return self.status == 0


@dataclass(frozen=True)
class BatchResult:
    recorded: int                   #: new events
    outcomes: List[EventOutcome]


@dataclass(frozen=True)
class ContactOutcome:
    """One address of Tenant.add_contacts."""
    address: str
    id: Optional[uuid.UUID]            #: the contact; None when refused
    created: bool
    error: Optional[Exception] = None  #: the mtrk.Error of a refused address (its .argument: "addresses[i]")

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class ContactBatch:
    created: int                       #: new contacts
    outcomes: List[ContactOutcome]


@dataclass(frozen=True)
class Event:
    id: uuid.UUID
    type: EventType
    mid: uuid.UUID
    campaign: uuid.UUID
    contact: uuid.UUID
    lid: Optional[uuid.UUID]
    occurred_at: _dt.datetime
    arrived_at: _dt.datetime
    provider: Optional[str]
    provider_event_id: Optional[str]
    provider_message_id: Optional[str]
    bounce_kind: BounceKind
    diagnostic: Optional[str]
    user_agent: Optional[str]       #: None once scrubbed
    ip: Optional[str]               #: None once scrubbed
    verdict: Verdict
    verdict_reason: Optional[str]
    unsub_scope: Optional[UnsubScope]
    unsub_audience: Optional[uuid.UUID]
    effects: Effect
    cursor: bytes = field(default=b"", repr=False)  #: resume after this event (events_*(after=))


@dataclass(frozen=True)
class Metrics:
    """A campaign's metrics (mtrk_metrics); definitions in docs/metrics.md."""
    campaign: uuid.UUID
    messages: int
    canceled: int
    sent: int
    delivered: int
    delivered_explicit: int
    bounced_hard: int
    bounced_soft: int
    complaints: int
    unsubscribes: int
    opens_total: int
    opens_unique: int
    opens_unique_human: int
    opens_machine: int
    opens_inferred: int
    clicks_total: int
    clicks_unique: int
    clicks_unique_human: int
    clicks_machine: int
    leads_total: int
    leads_attributed: int
    leads_forwarded: int
    delivery_rate: float
    open_rate: float
    click_rate: float
    click_to_open_rate: float
    bounce_rate: float
    complaint_rate: float
    unsubscribe_rate: float
    conversion_rate: float


@dataclass(frozen=True)
class LinkStats:
    lid: uuid.UUID
    position: int
    clicks: int
    clicks_unique: int
    clicks_unique_human: int
    rank: int
    url: str
    label: str


@dataclass(frozen=True)
class HourlyCounts:
    hour: _dt.datetime              #: start of the hour (UTC)
    counts: Dict[EventType, int]    #: events by type in that hour


@dataclass(frozen=True)
class KeyInfo:
    """A signing key's public facts (never its secret)."""
    key_id: int
    created_at: _dt.datetime
    retired_at: Optional[_dt.datetime]  #: None while it verifies
    current: bool                       #: the key that signs


@dataclass(frozen=True)
class ApiTokenInfo:
    """An API token's public facts (never its secret nor its hash)."""
    id: uuid.UUID
    label: str
    created_at: _dt.datetime
    revoked_at: Optional[_dt.datetime]  #: None while the token is valid


@dataclass(frozen=True)
class Rendered:
    """A message rendered for its recipient (None for a part the campaign lacks)."""
    html: Optional[str]
    text: Optional[str]
    list_unsubscribe: Optional[str]
    list_unsubscribe_post: Optional[str]
    mid_header: Optional[str] = None  #: value of the X-Mtrk-Mid header to put on the message
    return_path: Optional[str] = None  #: the signed VERP envelope sender (render(return_path=...))
    provider_json: Optional[str] = None  #: the provider's send-API fragment that echoes the mid
    provider_header: Optional[str] = None  #: the same as a header line for its SMTP relay, if any


@dataclass(frozen=True)
class ClassifyRule:
    """A user-agent substring (ASCII case-insensitive) or a CIDR network."""
    match: str
    machine_class: MachineClass
    applies: Apply = Apply.BOTH


@dataclass(frozen=True)
class ClassifyRules:
    """Machine-activity rules as data (mtrk_classify_rules)."""
    user_agents: List[ClassifyRule] = field(default_factory=list)
    networks: List[ClassifyRule] = field(default_factory=list)
    honeypot: bool = True
    burst_window: _dt.timedelta = _dt.timedelta(milliseconds=1000)
    burst_links: int = 2
    delivery_window: _dt.timedelta = _dt.timedelta(milliseconds=2000)


@dataclass(frozen=True)
class ClassifyInput:
    """What a host classifier is shown."""
    kind: UrlKind
    mid: uuid.UUID
    lid: Optional[uuid.UUID]
    user_agent: Optional[str]
    ip: Optional[str]
    at: _dt.datetime
    delivered_at: Optional[_dt.datetime]
    sent_at: Optional[_dt.datetime]
    builtin_class: MachineClass
    builtin_rule: MachineRule


@dataclass(frozen=True)
class TrackResult:
    """What a tracking endpoint should answer, and what was recorded."""
    action: TrackAction
    kind: UrlKind
    mid: Optional[uuid.UUID]
    lid: Optional[uuid.UUID]
    campaign: Optional[uuid.UUID]
    rid: Optional[uuid.UUID]
    landing_page: Optional[uuid.UUID]
    redirect_url: Optional[str]
    recorded: bool
    event_id: Optional[uuid.UUID]
    verdict: Verdict
    machine_class: MachineClass
    rule: MachineRule
    withheld: bool


@dataclass(frozen=True)
class HtmlLink:
    """A tracked <a href> found in HTML; offsets are octets of the UTF-8 source."""
    index: int
    value_offset: int
    value_len: int
    url: str
    label: Optional[str]
    honeypot: bool


@dataclass(frozen=True)
class RewriteResult:
    html: str                          #: the HTML with the replaced hrefs
    links: List[HtmlLink]


@dataclass(frozen=True)
class SimOptions:
    """Simulation options (mtrk_sim_options). Every field left None keeps the
    library's default (see include/mtrk/simulate.h); rates are in [0, 1]."""
    seed: Optional[int] = None
    start: Optional[_dt.datetime] = None            #: first send time; None: the db's now
    delivery_rate: Optional[float] = None
    hard_bounce_rate: Optional[float] = None
    soft_bounce_rate: Optional[float] = None
    open_rate: Optional[float] = None
    click_rate: Optional[float] = None
    complaint_rate: Optional[float] = None
    unsubscribe_rate: Optional[float] = None
    lead_rate: Optional[float] = None
    machine_open_share: Optional[float] = None
    scanner_click_share: Optional[float] = None
    duplicate_share: Optional[float] = None
    out_of_order_share: Optional[float] = None
    link_weights: Optional[Mapping[uuid.UUID, float]] = None   #: None: by position
    half_life_hours: Optional[float] = None
    spread_hours: Optional[float] = None
    send_interval: "Optional[_dt.timedelta | int]" = None      #: timedelta or ms


@dataclass(frozen=True)
class SimReport:
    """What a simulation did (mtrk_sim_report)."""
    claimed: int
    canceled: int
    marked_sent: int
    messages: int
    delivered: int
    hard_bounces: int
    soft_bounces: int
    opens: int
    machine_opens: int
    clicks: int
    scanner_clicks: int
    complaints: int
    unsubscribes: int
    duplicates_sent: int
    reordered: int
    submitted: int
    recorded: int
    duplicates: int
    refused: int
    leads: int
    leads_duplicate: int


def _fields_from_json(text: Optional[str]) -> Dict[str, str]:
    if not text:
        return {}
    data = json.loads(text)
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, Mapping) else {}
