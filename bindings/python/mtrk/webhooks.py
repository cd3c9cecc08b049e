"""Provider webhooks (include/mtrk/webhook.h): one call per request a
provider posts, the per-provider keys and settings it is verified with, and
the dead-letter store. docs/providers.md is the reference."""
from __future__ import annotations

import datetime as _dt
import uuid
from ctypes import CDLL, POINTER, byref, c_size_t, c_uint64, c_void_p, cast, memmove, string_at
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _convert as cv
from . import _lib
from .errors import ENOTFOUND
from .bounces import BounceReason
from .types import BounceKind, EventOutcome, EventType

Headers = Union[Mapping[str, str], Sequence[Tuple[str, str]], None]


@dataclass(frozen=True)
class WebhookEvent:
    """One event of a request: what mtrk read and what became of it."""
    provider_type: Optional[str]
    type: Optional[EventType]           #: None when the type is not modelled (unmapped)
    mid: Optional[uuid.UUID]
    lid: Optional[uuid.UUID]
    key: Optional[str]
    provider_message_id: Optional[str]
    occurred_at: Optional[_dt.datetime]
    outcome: EventOutcome
    dead_lettered: bool


@dataclass(frozen=True)
class WebhookResult:
    verdict: str                        #: "accepted", "signature_refused", "malformed", "confirm"
    message: str
    confirm_url: Optional[str]
    events: List[WebhookEvent] = field(default_factory=list)
    recorded: int = 0
    duplicates: int = 0
    conflicts: int = 0
    dead_lettered: int = 0
    unmapped: int = 0
    refused: int = 0

    @property
    def accepted(self) -> bool:
        return self.verdict == "accepted"


@dataclass(frozen=True)
class WebhookKey:
    provider: str
    fingerprint: str
    created_at: _dt.datetime


@dataclass(frozen=True)
class DeadLetter:
    id: uuid.UUID
    provider: str
    key: str
    reason: str
    provider_type: Optional[str]
    type: Optional[EventType]
    mid: Optional[uuid.UUID]
    provider_message_id: Optional[str]
    occurred_at: Optional[_dt.datetime]
    arrived_at: _dt.datetime
    payload: Optional[str]
    #: bounces: hard or soft as a replay records it; BounceKind.NONE for other types
    bounce_kind: BounceKind = BounceKind.NONE
    #: bounces: the reason decided when the event was kept; None for other types
    bounce_reason: Optional[BounceReason] = None
    smtp_code: int = 0                  #: bounces: the SMTP reply code, 0 unknown
    bounce_status: Optional[str] = None  #: bounces: the RFC 3463 enhanced status code
    bounce_type: Optional[str] = None    #: bounces: the provider's own bounce type
    bounce_subtype: Optional[str] = None  #: bounces: the provider's own subtype or class
    diagnostic: Optional[str] = None     #: the diagnostic text the provider gave


def _headers_in(headers: Headers) -> List[Tuple[bytes, bytes]]:
    if headers is None:
        return []
    items = headers.items() if isinstance(headers, Mapping) else headers
    return [(cv.str_in(n, "header name"), cv.str_in(v, "header value")) for n, v in items]


def _opt_provider(provider: Optional[str]) -> Optional[bytes]:
    return None if provider is None else cv.str_in(provider, "provider")


def _malloc(n: int) -> int:
    libc = CDLL(None)
    libc.malloc.restype = c_void_p
    libc.malloc.argtypes = [c_size_t]
    return libc.malloc(n) or 0


def _type_out(t: int) -> Optional[EventType]:
    return EventType(t) if t else None


class WebhooksMixin:
    """Methods of Tenant for provider webhooks."""

    _L: _lib.Library

    def ingest_webhook(self, provider: str, body: Union[bytes, str], headers: Headers = None,
                       url: Optional[str] = None, *, body_limit: int = 0,
                       get_cert: Optional[Callable[[str], str]] = None) -> WebhookResult:
        """Verifies, parses and records one webhook request (mtrk_webhook_ingest).

        body is the raw request body as received; headers a mapping or a
        list of (name, value) pairs; url the URL the provider posted to.
        get_cert (SES only) returns the PEM certificate of a validated SNS
        SigningCertURL. A request refused as a whole is not an exception:
        see the result's verdict and message."""
        L = self._L
        raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        hs = _headers_in(headers)
        harr = (_lib.mtrk_header * max(1, len(hs)))()
        for i, (n, v) in enumerate(hs):
            harr[i].name = n
            harr[i].value = v
        rq = self._init(_lib.mtrk_webhook_request, L.mtrk_webhook_request_init)  # type: ignore[attr-defined]
        rq.provider = cv.str_in(provider, "provider")
        rq.headers = harr
        rq.nheaders = len(hs)
        rq.body = raw
        rq.len = len(raw)
        rq.url = None if url is None else cv.str_in(url, "url")
        rq.body_limit = cv.int_in(body_limit, "body_limit", 0, 2**62)
        cb = None
        if get_cert is not None:
            def cert(pem: Any, u: bytes, ud: Any) -> int:
                try:
                    text = get_cert(u.decode("utf-8")).encode("utf-8")
                except Exception:  # noqa: BLE001 - a failing host refuses the request
                    return -1
                p = _malloc(len(text) + 1)  # mtrk frees it
                if not p:
                    return -1
                memmove(p, text + b"\0", len(text) + 1)
                pem[0] = p
                return 0
            cb = _lib.WEBHOOK_CERT_FN(cert)
            rq.get_cert = cb
        out = POINTER(_lib.mtrk_webhook_result)()
        with self._use() as t:  # type: ignore[attr-defined]
            rc = L.mtrk_webhook_ingest(byref(out), t, byref(rq))
            if rc:
                self._raise(rc)  # type: ignore[attr-defined]
            try:
                return self._result_from(out.contents)
            finally:
                L.mtrk_webhook_result_free(out)

    @staticmethod
    def _result_from(r: _lib.mtrk_webhook_result) -> WebhookResult:
        events = []
        for i in range(r.n):
            e = r.events[i].contents
            o = r.outcomes[i].contents
            oc = EventOutcome(status=o.status, duplicate=bool(o.duplicate), event_id=cv.opt_id_out(o.event_id),
                              conflict=bool(o.conflict), message=cv.opt_str_out(o.message),
                              argument=cv.opt_str_out(o.argument))
            events.append(WebhookEvent(
                provider_type=cv.opt_str_out(e.provider_type), type=_type_out(e.type), mid=cv.opt_id_out(e.mid),
                lid=cv.opt_id_out(e.lid), key=cv.opt_str_out(e.key),
                provider_message_id=cv.opt_str_out(e.provider_message_id),
                occurred_at=cv.opt_time_out(e.occurred_at), outcome=oc, dead_lettered=bool(o.dead_lettered)))
        verdict = cv.str_out(_lib.lib().mtrk_webhook_verdict_name(r.verdict))
        return WebhookResult(verdict=verdict, message=cv.str_out(r.message), confirm_url=cv.opt_str_out(r.confirm_url),
                             events=events, recorded=r.recorded, duplicates=r.duplicates, conflicts=r.conflicts,
                             dead_lettered=r.dead_lettered, unmapped=r.unmapped, refused=r.refused)

    # ---- keys and settings -------------------------------------------------------------
    def add_webhook_key(self, provider: str, key: str) -> None:
        """Adds a secret or public key of a provider (two at once, for rotation)."""
        self._call(self._L.mtrk_webhook_key_add, cv.str_in(provider, "provider"),  # type: ignore[attr-defined]
                   cv.str_in(key, "key"))

    def remove_webhook_key(self, provider: str, key_or_fingerprint: str) -> None:
        """Removes a provider key named by itself or by its fingerprint."""
        self._call(self._L.mtrk_webhook_key_remove, cv.str_in(provider, "provider"),  # type: ignore[attr-defined]
                   cv.str_in(key_or_fingerprint, "key_or_fingerprint"))

    def webhook_keys(self, provider: Optional[str] = None) -> List[WebhookKey]:
        """The tenant's provider keys (their fingerprints, never the keys)."""
        L = self._L
        n = c_size_t(0)
        p = _opt_provider(provider)
        with self._use() as t:  # type: ignore[attr-defined]
            rc = L.mtrk_webhook_keys(None, 0, byref(n), t, p)
            if rc:
                self._raise(rc)  # type: ignore[attr-defined]
            outs = [self._init(_lib.mtrk_webhook_key_info, L.mtrk_webhook_key_info_init)  # type: ignore[attr-defined]
                    for _ in range(n.value)]
            arr = (POINTER(_lib.mtrk_webhook_key_info) * max(1, len(outs)))(*[cast(byref(o), POINTER(_lib.mtrk_webhook_key_info)) for o in outs])
            rc = L.mtrk_webhook_keys(arr, len(outs), byref(n), t, p)
            if rc:
                self._raise(rc)  # type: ignore[attr-defined]
            return [WebhookKey(cv.str_out(o.provider), cv.str_out(o.fingerprint), cv.time_out(o.created_at))
                    for o in outs[:n.value]]

    def webhook_settings(self, provider: str) -> dict:
        """{"tolerance_ms": ..., "allow_unsigned": bool} of a provider."""
        L = self._L
        s = self._init(_lib.mtrk_webhook_settings, L.mtrk_webhook_settings_init)  # type: ignore[attr-defined]
        with self._use() as t:  # type: ignore[attr-defined]
            rc = L.mtrk_webhook_settings_get(byref(s), t, cv.str_in(provider, "provider"))
            if rc:
                self._raise(rc)  # type: ignore[attr-defined]
        return {"tolerance_ms": s.tolerance_ms, "allow_unsigned": bool(s.allow_unsigned)}

    def set_webhook_settings(self, provider: str, *, tolerance_ms: Optional[int] = None,
                             allow_unsigned: Optional[bool] = None) -> None:
        """Changes a provider's timestamp tolerance (0 default, < 0 off) or unsigned acceptance."""
        cur = self.webhook_settings(provider)
        L = self._L
        s = self._init(_lib.mtrk_webhook_settings, L.mtrk_webhook_settings_init)  # type: ignore[attr-defined]
        s.tolerance_ms = cur["tolerance_ms"] if tolerance_ms is None else cv.int_in(tolerance_ms, "tolerance_ms",
                                                                                     -2**63, 2**63 - 1)
        s.allow_unsigned = int(cur["allow_unsigned"] if allow_unsigned is None
                               else cv.bool_in(allow_unsigned, "allow_unsigned"))
        self._call(L.mtrk_webhook_settings_set, cv.str_in(provider, "provider"), byref(s))  # type: ignore[attr-defined]

    # ---- dead letters -------------------------------------------------------------------
    def deadletters(self, provider: Optional[str] = None) -> Iterator[DeadLetter]:
        """The dead letters of a provider (or all), as an iterator."""
        L = self._L
        out = self._init(_lib.mtrk_deadletter_info, L.mtrk_deadletter_info_init)  # type: ignore[attr-defined]

        def conv(x: _lib.mtrk_deadletter_info, p: int) -> DeadLetter:
            return DeadLetter(id=cv.id_out(x.id), provider=cv.str_out(x.provider), key=cv.str_out(x.key),
                              reason=cv.str_out(x.reason), provider_type=cv.opt_str_out(x.provider_type),
                              type=_type_out(x.type), mid=cv.opt_id_out(x.mid),
                              provider_message_id=cv.opt_str_out(x.provider_message_id),
                              occurred_at=cv.opt_time_out(x.occurred_at), arrived_at=cv.time_out(x.arrived_at),
                              payload=cv.opt_str_out(x.payload), bounce_kind=BounceKind(x.bounce_kind),
                              bounce_reason=(BounceReason(x.bounce_reason) if x.type == int(EventType.BOUNCE)
                                             else None),
                              smtp_code=x.smtp_code, bounce_status=cv.opt_str_out(x.bounce_status),
                              bounce_type=cv.opt_str_out(x.bounce_type),
                              bounce_subtype=cv.opt_str_out(x.bounce_subtype),
                              diagnostic=cv.opt_str_out(x.diagnostic))
        return self._structs(L.mtrk_deadletter_iter_new, [_opt_provider(provider)],  # type: ignore[attr-defined]
                             L.mtrk_deadletter_iter_next, L.mtrk_deadletter_iter_free, out, conv)

    def count_deadletters(self, provider: Optional[str] = None) -> int:
        n = c_uint64(0)
        with self._use() as t:  # type: ignore[attr-defined]
            rc = self._L.mtrk_deadletter_count(byref(n), t, _opt_provider(provider))
            if rc:
                self._raise(rc)  # type: ignore[attr-defined]
        return n.value

    def replay_deadletters(self, provider: Optional[str] = None) -> Tuple[int, int]:
        """Re-attempts the dead letters whose message may now exist: (recorded, remaining)."""
        rec, left = c_size_t(0), c_size_t(0)
        with self._use() as t:  # type: ignore[attr-defined]
            rc = self._L.mtrk_deadletter_replay(byref(rec), byref(left), t, _opt_provider(provider))
            if rc:
                self._raise(rc)  # type: ignore[attr-defined]
        return rec.value, left.value

    # ---- finding messages by the provider's id; kept payloads ----------------------------
    def set_provider_message_id(self, mid: uuid.UUID, provider: str, provider_message_id: str) -> None:
        """Records at send time the id the provider's send call returned for a message
        (mtrk_message_provider_id_set): webhook events that echo no mid find it by it."""
        m = cv.id_in(mid, "mid")
        p = cv.str_in(provider, "provider")
        i = cv.str_in(provider_message_id, "provider_message_id")
        self._call(lambda t: self._L.mtrk_message_provider_id_set(t, m, p, i))  # type: ignore[attr-defined]

    def find_provider_message_id(self, provider: str, provider_message_id: str) -> Optional[uuid.UUID]:
        """The mid a provider's message id was recorded for, or None."""
        out = _lib.mtrk_id()
        p = cv.str_in(provider, "provider")
        i = cv.str_in(provider_message_id, "provider_message_id")
        with self._use() as t:  # type: ignore[attr-defined]
            rc = self._L.mtrk_message_provider_id_find(byref(out), t, p, i)
            if rc == ENOTFOUND:
                return None
            if rc:
                self._raise(rc)  # type: ignore[attr-defined]
        return cv.id_out(out)

    def webhook_payload(self, event_id: uuid.UUID) -> Optional[str]:
        """The provider's original event object (JSON text) kept for a recorded event, or None
        (mtrk_webhook_payload_get; kept when the tenant's keep_webhook_payloads is on)."""
        e = cv.id_in(event_id, "event_id")
        out = c_void_p()
        with self._use() as t:  # type: ignore[attr-defined]
            rc = self._L.mtrk_webhook_payload_get(byref(out), t, e)
            if rc == ENOTFOUND:
                return None
            if rc:
                self._raise(rc)  # type: ignore[attr-defined]
        try:
            return string_at(out.value).decode("utf-8")
        finally:
            self._L.mtrk_free(out.value)
