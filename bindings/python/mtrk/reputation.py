"""Reputation guards and bounce policies (include/mtrk/reputation.h): the
rolling complaint and bounce rates of a tenant and of its sending domains,
their warning and pause thresholds, the explicit resume of a paused scope,
the policy per bounce reason and the expiry of automatic bounce
suppressions. docs/bounces.md is the reference."""
from __future__ import annotations

import datetime as _dt
import enum
from ctypes import POINTER, byref, c_int, c_int64, c_size_t, c_uint64, pointer
from dataclasses import dataclass
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple
import uuid

from . import _convert as cv
from . import _lib
from ._handle import Use
from .bounces import BounceReason, BounceRecipient
from .types import BounceKind, EventOutcome

if TYPE_CHECKING:
    from .tenant import TenantBase as _Base
else:
    _Base = object


class ReputationLevel(enum.IntEnum):
    """Where a scope's figures stand (MTRK_REPUTATION_*)."""
    OK = 0
    WARNING = 1
    PAUSED = 2


class BounceAction(enum.IntEnum):
    """What a bounce of a reason does when recorded (MTRK_BOUNCE_ACTION_*)."""
    DEFAULT = 0
    SUPPRESS = 1
    IGNORE = 2


@dataclass(frozen=True)
class ReputationSettings:
    """A tenant's guard settings; rates are fractions (0.003 is 0.3 %), 0 is off."""
    window: _dt.timedelta = _dt.timedelta(days=1)
    min_sent: int = 1000
    complaint_warn: float = 0.001
    complaint_pause: float = 0.003
    bounce_warn: float = 0.05
    bounce_pause: float = 0.10


@dataclass(frozen=True)
class Reputation:
    """The figures of one scope: the tenant (domain "") or a sending domain."""
    domain: str
    window_from: _dt.datetime
    window_to: _dt.datetime
    sent: int
    delivered: int
    bounces: int
    complaints: int
    complaint_rate: float
    bounce_rate: float
    level: ReputationLevel
    state: ReputationLevel
    changed_at: Optional[_dt.datetime]


@dataclass(frozen=True)
class BouncePolicy:
    """A tenant's policy for one bounce reason."""
    reason: BounceReason
    action: BounceAction = BounceAction.DEFAULT
    soft_limit: int = 0


class HardBy(enum.IntEnum):
    """What made a bounce with facts count as hard (mtrk_bounce_hard_by)."""
    NONE = 0
    POLICY = 1
    KIND = 2
    THRESHOLD = 3


@dataclass(frozen=True)
class BounceFact:
    """The facts of one bounce event recorded with them (mtrk_bounce_fact)."""
    event: uuid.UUID
    mid: uuid.UUID
    campaign: uuid.UUID
    occurred_at: _dt.datetime
    reason: BounceReason
    given_kind: BounceKind
    kind: BounceKind            #: the kind recorded after the policy (NONE: no effect)
    action: BounceAction        #: the tenant's policy for the reason then
    hard_by: HardBy
    smtp_code: int
    status: Optional[str]
    bounce_type: Optional[str]
    bounce_subtype: Optional[str]
    provider: Optional[str]
    diagnostic: Optional[str]


def _fact_from(f: _lib.mtrk_bounce_fact) -> BounceFact:
    return BounceFact(event=cv.id_out(f.event), mid=cv.id_out(f.mid), campaign=cv.id_out(f.campaign),
                      occurred_at=cv.time_out(f.occurred_at), reason=BounceReason(f.reason),
                      given_kind=BounceKind(f.given_kind), kind=BounceKind(f.kind), action=BounceAction(f.action),
                      hard_by=HardBy(f.hard_by), smtp_code=f.smtp_code, status=cv.opt_str_out(f.status),
                      bounce_type=cv.opt_str_out(f.bounce_type), bounce_subtype=cv.opt_str_out(f.bounce_subtype),
                      provider=cv.opt_str_out(f.provider), diagnostic=cv.opt_str_out(f.diagnostic))


def _rep_from(r: _lib.mtrk_reputation) -> Reputation:
    return Reputation(domain=cv.str_out(r.domain), window_from=cv.time_out(r.window_from),
                      window_to=cv.time_out(r.window_to), sent=r.sent, delivered=r.delivered, bounces=r.bounces,
                      complaints=r.complaints, complaint_rate=r.complaint_rate, bounce_rate=r.bounce_rate,
                      level=ReputationLevel(r.level), state=ReputationLevel(r.state),
                      changed_at=cv.opt_time_out(r.changed_at))


def _domain(domain: Optional[str]) -> Optional[bytes]:
    return cv.opt_str_in(domain, "domain")


class ReputationMixin(_Base):
    # ---- guards ----------------------------------------------------------------------
    def reputation_settings(self) -> ReputationSettings:
        """The tenant's guard settings (the defaults when none were set)."""
        s = self._init(_lib.mtrk_reputation_settings, self._L.mtrk_reputation_settings_init)
        self._call(lambda t: self._L.mtrk_reputation_settings_get(byref(s), t))
        return ReputationSettings(window=_dt.timedelta(milliseconds=s.window_ms), min_sent=s.min_sent,
                                  complaint_warn=s.complaint_warn, complaint_pause=s.complaint_pause,
                                  bounce_warn=s.bounce_warn, bounce_pause=s.bounce_pause)

    def set_reputation_settings(self, settings: Optional[ReputationSettings] = None,
                                **changes: object) -> ReputationSettings:
        """Replaces the guard settings (audited) with `settings`, or with the
        current ones updated by keyword arguments. Returns what was set."""
        if settings is None:
            import dataclasses
            try:
                settings = dataclasses.replace(self.reputation_settings(), **changes)
            except TypeError as exc:
                raise TypeError(f"set_reputation_settings: {exc}") from None
        elif changes:
            raise TypeError("set_reputation_settings takes a ReputationSettings or keyword arguments, not both")
        if not isinstance(settings, ReputationSettings):
            raise TypeError(f"settings must be a ReputationSettings, not {type(settings).__name__}")
        s = self._init(_lib.mtrk_reputation_settings, self._L.mtrk_reputation_settings_init)
        s.window_ms = cv.duration_ms_in(settings.window, "window")
        s.min_sent = cv.int_in(settings.min_sent, "min_sent", 0, (1 << 63) - 1)
        for name in ("complaint_warn", "complaint_pause", "bounce_warn", "bounce_pause"):
            value = getattr(settings, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"{name} must be a number, not {type(value).__name__}")
            setattr(s, name, float(value))
        self._call(lambda t: self._L.mtrk_reputation_settings_set(t, byref(s)))
        return settings

    def reputation(self, domain: Optional[str] = None) -> Reputation:
        """The figures of the tenant (domain None or "") or of one sending domain, now."""
        r = self._init(_lib.mtrk_reputation, self._L.mtrk_reputation_init)
        d = _domain(domain)
        self._call(lambda t: self._L.mtrk_reputation_get(byref(r), t, d))
        return _rep_from(r)

    def reputations(self) -> List[Reputation]:
        """The figures of every scope: the tenant first, then each sending domain."""
        L = self._L
        n = c_size_t()
        self._call(lambda t: L.mtrk_reputation_list(None, 0, byref(n), t))
        while True:
            cap = n.value
            outs = [self._init(_lib.mtrk_reputation, L.mtrk_reputation_init) for _ in range(cap)]
            ptrs = (POINTER(_lib.mtrk_reputation) * max(cap, 1))(*[pointer(o) for o in outs])
            with Use(self._h) as t:
                rc = L.mtrk_reputation_list(ptrs, cap, byref(n), t)
                if rc:
                    self._raise(rc)
                if n.value <= cap:
                    return [_rep_from(o) for o in outs[:n.value]]

    def check_reputation(self) -> int:
        """Checks every scope now (pausing those that reach a pause threshold);
        returns how many scopes this call paused."""
        n = c_size_t()
        self._call(lambda t: self._L.mtrk_reputation_check(byref(n), t))
        return n.value

    def resume_reputation(self, domain: Optional[str] = None) -> int:
        """Lifts the pause of the tenant (domain None) or of a domain (audited);
        returns how many campaigns went back to sending. InvalidState if the
        scope is not paused."""
        n = c_size_t()
        d = _domain(domain)
        self._call(lambda t: self._L.mtrk_reputation_resume(byref(n), t, d))
        return n.value

    # ---- policies --------------------------------------------------------------------
    def bounce_policy(self, reason: BounceReason) -> BouncePolicy:
        """The tenant's policy for `reason` (the default when none was set)."""
        p = self._init(_lib.mtrk_bounce_policy, self._L.mtrk_bounce_policy_init)
        r = cv.enum_in(reason, BounceReason, "reason")
        self._call(lambda t: self._L.mtrk_bounce_policy_get(byref(p), t, r))
        return BouncePolicy(reason=BounceReason(p.reason), action=BounceAction(p.action), soft_limit=p.soft_limit)

    def set_bounce_policy(self, reason: BounceReason, action: BounceAction = BounceAction.DEFAULT,
                          soft_limit: int = 0) -> BouncePolicy:
        """Sets the tenant's policy for `reason` (audited)."""
        p = self._init(_lib.mtrk_bounce_policy, self._L.mtrk_bounce_policy_init)
        p.reason = cv.enum_in(reason, BounceReason, "reason")
        p.action = cv.enum_in(action, BounceAction, "action")
        p.soft_limit = cv.int_in(soft_limit, "soft_limit", 0, 0xFFFFFFFF)
        self._call(lambda t: self._L.mtrk_bounce_policy_set(t, byref(p)))
        return BouncePolicy(reason=BounceReason(p.reason), action=BounceAction(p.action), soft_limit=p.soft_limit)

    def record_bounce(self, recipient: BounceRecipient, occurred_at: Optional[_dt.datetime] = None,
                      provider: Optional[str] = None,
                      provider_event_id: Optional[str] = None) -> Tuple[EventOutcome, BounceAction]:
        """Records a parsed bounce result under the tenant's policy for its
        reason (mtrk_bounce_record); returns the event's outcome and the
        action applied (IGNORE: nothing recorded)."""
        if not isinstance(recipient, BounceRecipient):
            raise TypeError(f"recipient must be a BounceRecipient, not {type(recipient).__name__}")
        L = self._L
        r = self._init(_lib.mtrk_bounce_recipient, L.mtrk_bounce_recipient_init)
        if recipient.mid is None:
            raise ValueError("recipient.mid is None: the bounce names no message")
        r.mid = cv.id_in(recipient.mid, "recipient.mid")
        r.reason = cv.enum_in(recipient.reason, BounceReason, "recipient.reason")
        r.kind = int(recipient.kind)
        diag = cv.str_in(recipient.diagnostic or "", "recipient.diagnostic")
        r.diagnostic = diag
        when = cv.opt_time_in(occurred_at, "occurred_at")
        prov, peid = cv.opt_str_in(provider, "provider"), cv.opt_str_in(provider_event_id, "provider_event_id")
        out = self._init(_lib.mtrk_event_outcome, L.mtrk_event_outcome_init)
        action = c_int()
        self._call(lambda t: L.mtrk_bounce_record(byref(out), byref(action), t, byref(r), when, prov, peid))
        from .events import _outcome_from
        return _outcome_from(out), BounceAction(action.value)

    def verify_verp(self, address: str) -> uuid.UUID:
        """The mid of a VERP return path that render(return_path=...) made,
        once its signed tag verifies against the tenant's keys
        (mtrk_bounce_verp_verify); SignatureError when it does not or has no
        signature, NotFound when the address carries no mid tag."""
        out = _lib.mtrk_id()
        a = cv.str_in(address, "address")
        self._call(lambda t: self._L.mtrk_bounce_verp_verify(byref(out), t, a))
        return cv.id_out(out)

    # ---- facts -----------------------------------------------------------------------
    def bounce_facts(self, mid: uuid.UUID) -> List[BounceFact]:
        """The bounce facts of message `mid` in event-time order
        (mtrk_bounce_facts_message); [] when its bounces carried none."""
        L = self._L
        m = cv.id_in(mid, "mid")
        count = c_size_t()
        cap = 4
        while True:
            outs = [self._init(_lib.mtrk_bounce_fact, L.mtrk_bounce_fact_init) for _ in range(cap)]
            ptrs = (POINTER(_lib.mtrk_bounce_fact) * cap)(*[pointer(o) for o in outs])
            with Use(self._h) as t:
                rc = L.mtrk_bounce_facts_message(ptrs, cap, byref(count), t, m)
                if rc:
                    self._raise(rc)
                if count.value <= cap:  # strings borrowed until the tenant's next call
                    return [_fact_from(o) for o in outs[:count.value]]
            cap = count.value

    def bounce_reason_counts(self, campaign: uuid.UUID) -> Dict[BounceReason, int]:
        """The campaign's bounces with facts counted by reason
        (mtrk_bounce_reason_counts); reasons without any are left out."""
        n = len(BounceReason)
        out = (c_uint64 * n)()
        c = cv.id_in(campaign, "campaign")
        self._call(lambda t: self._L.mtrk_bounce_reason_counts(out, n, t, c))
        return {BounceReason(i): out[i] for i in range(n) if out[i]}

    # ---- expiry ----------------------------------------------------------------------
    def bounce_expiry(self) -> Optional[_dt.timedelta]:
        """The period after which automatic bounce suppressions expire (None: never)."""
        ms = c_int64()
        self._call(lambda t: self._L.mtrk_bounce_expiry_get(byref(ms), t))
        return _dt.timedelta(milliseconds=ms.value) if ms.value else None

    def set_bounce_expiry(self, period: Optional[_dt.timedelta]) -> None:
        """Opts into (or, with None, out of) the expiry of automatic bounce suppressions (audited)."""
        ms = 0 if period is None else cv.duration_ms_in(period, "period")
        self._call(lambda t: self._L.mtrk_bounce_expiry_set(t, ms))

    def expire_suppressions(self) -> int:
        """Removes the automatic bounce suppressions whose period has passed (each audited); returns how many."""
        n = c_uint64()
        self._call(lambda t: self._L.mtrk_suppression_expire(byref(n), t))
        return n.value
