"""Events and metrics (include/mtrk/event.h), as methods of Tenant."""
from __future__ import annotations

import datetime as _dt
import uuid
from ctypes import POINTER, byref, c_size_t, c_uint8, c_uint64, create_string_buffer
from typing import TYPE_CHECKING, Any, Iterator, List, Optional, Sequence

from . import _convert as cv
from . import _lib
from ._handle import Use
from .errors import ITEROVER, error_for
from .types import (BatchResult, BounceKind, Effect, Event, EventInput, EventOutcome, EventType,
                    HourlyCounts, LinkStats, Metrics, Source, UnsubScope, Verdict)

if TYPE_CHECKING:
    from .tenant import TenantBase as _Base
else:
    _Base = object

_HOUR_MS = 3600 * 1000


def _event_struct(L: _lib.Library, e: object, name: str, keep: List[Any]) -> _lib.mtrk_event_input:
    if not isinstance(e, EventInput):
        raise TypeError(f"{name} must be an EventInput, not {type(e).__name__}")
    s = _lib.mtrk_event_input()
    rc = L.mtrk_event_input_init(byref(s), _lib.mtrk_event_input.VERSION)
    if rc:
        cv.raise_for(rc)
    s.type = cv.enum_in(e.type, EventType, f"{name}.type")
    s.mid = cv.id_in(e.mid, f"{name}.mid")
    s.lid = cv.opt_id_in(e.lid, f"{name}.lid")
    s.occurred_at = cv.opt_time_in(e.occurred_at, f"{name}.occurred_at")
    strings = {}
    for f in ("provider", "provider_event_id", "provider_message_id", "diagnostic", "user_agent", "ip",
              "verdict_reason", "bounce_status", "bounce_type", "bounce_subtype"):
        strings[f] = cv.opt_str_in(getattr(e, f), f"{name}.{f}")
        setattr(s, f, strings[f])
    keep.append(strings)
    s.bounce_kind = cv.enum_in(e.bounce_kind, BounceKind, f"{name}.bounce_kind")
    s.verdict = cv.enum_in(e.verdict, Verdict, f"{name}.verdict")
    s.unsub_scope = 0 if e.unsub_scope is None else cv.enum_in(e.unsub_scope, UnsubScope, f"{name}.unsub_scope")
    s.unsub_audience = cv.opt_id_in(e.unsub_audience, f"{name}.unsub_audience")
    s.unsub_source = 0 if e.unsub_source is None else cv.enum_in(e.unsub_source, Source, f"{name}.unsub_source")
    from .bounces import BounceReason
    s.bounce_reason = 0 if e.bounce_reason is None else cv.enum_in(e.bounce_reason, BounceReason,
                                                                   f"{name}.bounce_reason")
    s.smtp_code = cv.int_in(e.smtp_code, f"{name}.smtp_code", -2**31, 2**31 - 1)
    return s


def event_content_key(event: EventInput) -> str:
    """The idempotency key the library derives from an event's content
    (mtrk_event_content_key): "content:" and 64 hex digits, the same for the
    same content. Give it as provider_event_id (with a provider) to events
    that carry no id of their own, so that recording them again is a
    duplicate. provider_event_id itself is not part of the content."""
    L = _lib.lib()
    keep: List[Any] = []
    s = _event_struct(L, event, "event", keep)
    buf = create_string_buffer(73)
    rc = L.mtrk_event_content_key(buf, byref(s))
    if rc:
        cv.raise_for(rc)
    return buf.value.decode("ascii")


def _event_from(x: _lib.mtrk_event_info, cursor: bytes = b"") -> Event:
    o = cv.opt_str_out
    return Event(
        id=cv.id_out(x.id), type=cv.enum_out(x.type, EventType), mid=cv.id_out(x.mid),
        campaign=cv.id_out(x.campaign), contact=cv.id_out(x.contact), lid=cv.opt_id_out(x.lid),
        occurred_at=cv.time_out(x.occurred_at), arrived_at=cv.time_out(x.arrived_at),
        provider=o(x.provider), provider_event_id=o(x.provider_event_id),
        provider_message_id=o(x.provider_message_id), bounce_kind=cv.enum_out(x.bounce_kind, BounceKind),
        diagnostic=o(x.diagnostic), user_agent=o(x.user_agent), ip=o(x.ip),
        verdict=cv.enum_out(x.verdict, Verdict), verdict_reason=o(x.verdict_reason),
        unsub_scope=None if x.unsub_scope == 0 else cv.enum_out(x.unsub_scope, UnsubScope),
        unsub_audience=cv.opt_id_out(x.unsub_audience), effects=Effect(x.effects), cursor=cursor)


def _metrics_from(m: _lib.mtrk_metrics) -> Metrics:
    values = {n: getattr(m, n) for n in _lib.METRIC_COUNTS + _lib.METRIC_RATES}
    return Metrics(campaign=cv.id_out(m.campaign), **values)


def _outcome_from(o: _lib.mtrk_event_outcome, error: Optional[Exception] = None) -> EventOutcome:
    return EventOutcome(status=o.status, duplicate=bool(o.duplicate), event_id=cv.opt_id_out(o.event_id),
                        error=error, conflict=bool(o.conflict), message=cv.str_out(o.message) if o.message else None,
                        argument=cv.str_out(o.argument) if o.argument else None)


class EventsMixin(_Base):
    # ---- recording ---------------------------------------------------------------------
    def record_event(self, event: Optional[EventInput] = None, **fields: Any) -> EventOutcome:
        """Records one event with its effects (one transaction), given as an
        EventInput or as its fields (type=, mid=, ...). A duplicate (same
        provider and provider_event_id) succeeds with duplicate=True. The
        event's error raises (InvalidArgument, NotFound for an unknown mid, ...)."""
        if event is None:
            try:
                event = EventInput(**fields)
            except TypeError as exc:
                raise TypeError(f"record_event: {exc}") from None
        elif fields:
            raise TypeError("record_event takes an EventInput or keyword arguments, not both")
        keep: List[Any] = []
        s = _event_struct(self._L, event, "event", keep)
        out = self._init(_lib.mtrk_event_outcome, self._L.mtrk_event_outcome_init)
        self._call(lambda t: self._L.mtrk_event_record(byref(out), t, byref(s)))
        return _outcome_from(out)

    def record_events(self, events: Sequence[EventInput]) -> BatchResult:
        """Records many events in one transaction, each judged on its own: a
        refused event gets an outcome with its status and error and does not
        reject the others. Raises only when the call itself fails (then nothing
        is kept)."""
        if isinstance(events, (str, bytes)) or not hasattr(events, "__len__"):
            raise TypeError(f"events must be a sequence of EventInput, not {type(events).__name__}")
        L = self._L
        n = len(events)
        if n > _lib.MAX_BATCH:
            raise ValueError(f"events: {n} is over the batch limit {_lib.MAX_BATCH}")
        keep: List[Any] = []
        inputs = [_event_struct(L, e, f"events[{i}]", keep) for i, e in enumerate(events)]
        outs = [self._init(_lib.mtrk_event_outcome, L.mtrk_event_outcome_init) for _ in range(n)]
        in_ptrs = (POINTER(_lib.mtrk_event_input) * max(n, 1))(*[POINTER(_lib.mtrk_event_input)(s) for s in inputs])
        out_ptrs = (POINTER(_lib.mtrk_event_outcome) * max(n, 1))(*[POINTER(_lib.mtrk_event_outcome)(o) for o in outs])
        recorded = c_size_t()
        self._call(lambda t: L.mtrk_event_record_batch(byref(recorded), out_ptrs, t, in_ptrs, n))
        results = []
        for i, o in enumerate(outs):
            err = None
            if o.status != 0:
                # The item's own explanation, as a single call would raise it,
                # with the field at fault.
                why = o.message if o.message else L.mtrk_strerror(o.status)
                err = error_for(o.status, cv.str_out(why))
                err.argument = cv.str_out(o.argument) if o.argument else f"events[{i}]"
            results.append(_outcome_from(o, err))
        return BatchResult(recorded=recorded.value, outcomes=results)

    # ---- reading -------------------------------------------------------------------------
    def _events(self, new: Any, args: Sequence[Any], after: Optional[bytes]) -> Iterator[Event]:
        L = self._L
        if after is not None:
            if not isinstance(after, (bytes, bytearray)):
                raise TypeError(f"after must be bytes (an Event.cursor), not {type(after).__name__}")
            if len(after) != _lib.CURSOR_SIZE:
                raise ValueError(f"after must be {_lib.CURSOR_SIZE} bytes, not {len(after)}")
        info = self._init(_lib.mtrk_event_info, L.mtrk_event_info_init)
        cur = (c_uint8 * _lib.CURSOR_SIZE)()
        seek = [after]

        def conv(o: _lib.mtrk_event_info, p: int) -> Event:
            rc = L.mtrk_event_iter_cursor(cur, p)
            if rc:
                self._raise(rc)
            return _event_from(o, bytes(cur))

        def next_fn(out: Any, p: int) -> int:
            if seek[0] is not None:
                c = (c_uint8 * _lib.CURSOR_SIZE).from_buffer_copy(bytes(seek[0]))
                seek[0] = None
                rc = L.mtrk_event_iter_seek(p, c)
                if rc:
                    return rc
            return L.mtrk_event_iter_next(out, p)
        return self._structs(new, args, next_fn, L.mtrk_event_iter_free, info, conv)

    def events_of_message(self, mid: uuid.UUID, *, after: Optional[bytes] = None) -> Iterator[Event]:
        """A message's events in event-time order (ties by arrival); `after`, an
        Event.cursor from an earlier listing with the same arguments, resumes after it."""
        m = cv.id_in(mid, "mid")
        return self._events(self._L.mtrk_event_iter_message, (m,), after)

    def events_of_contact(self, contact: uuid.UUID, *, after: Optional[bytes] = None) -> Iterator[Event]:
        """A contact's events across campaigns, in event-time order."""
        c = cv.id_in(contact, "contact")
        return self._events(self._L.mtrk_event_iter_contact, (c,), after)

    def events_of_campaign(self, campaign: uuid.UUID, type: Optional[EventType] = None,
                           start: Optional[_dt.datetime] = None, end: Optional[_dt.datetime] = None, *,
                           after: Optional[bytes] = None) -> Iterator[Event]:
        """A campaign's events in event-time order, optionally of one type and
        within [start, end) (None: unbounded)."""
        c = cv.id_in(campaign, "campaign")
        ty = 0 if type is None else cv.enum_in(type, EventType, "type")
        f, t = cv.opt_time_in(start, "start"), cv.opt_time_in(end, "end")
        return self._events(self._L.mtrk_event_iter_campaign, (c, ty, f, t), after)

    # ---- metrics -------------------------------------------------------------------------
    def metrics(self, campaign: uuid.UUID) -> Metrics:
        """A campaign's metrics from its rollups."""
        c = cv.id_in(campaign, "campaign")
        m = self._init(_lib.mtrk_metrics, self._L.mtrk_metrics_init)
        self._call(lambda t: self._L.mtrk_metrics_campaign(byref(m), t, c))
        return _metrics_from(m)

    def compare(self, campaigns: Sequence[uuid.UUID]) -> List[Metrics]:
        """Metrics of several campaigns side by side (any unknown id fails the call)."""
        if isinstance(campaigns, (str, bytes)) or not hasattr(campaigns, "__len__"):
            raise TypeError(f"campaigns must be a sequence of uuid.UUID, not {type(campaigns).__name__}")
        L = self._L
        n = len(campaigns)
        ids = (_lib.mtrk_id * max(n, 1))()
        for i, c in enumerate(campaigns):
            ids[i] = cv.id_in(c, f"campaigns[{i}]")
        outs = [self._init(_lib.mtrk_metrics, L.mtrk_metrics_init) for _ in range(n)]
        ptrs = (POINTER(_lib.mtrk_metrics) * max(n, 1))(*[POINTER(_lib.mtrk_metrics)(m) for m in outs])
        self._call(lambda t: L.mtrk_metrics_compare(ptrs, t, ids, n))
        return [_metrics_from(m) for m in outs]

    def link_stats(self, campaign: uuid.UUID) -> List[LinkStats]:
        """Per-link stats ranked by unique clicks (then position)."""
        L = self._L
        c = cv.id_in(campaign, "campaign")
        count = c_size_t()
        cap = 8
        while True:
            outs = [self._init(_lib.mtrk_link_stats, L.mtrk_link_stats_init) for _ in range(cap)]
            ptrs = (POINTER(_lib.mtrk_link_stats) * cap)(*[POINTER(_lib.mtrk_link_stats)(s) for s in outs])
            with Use(self._h) as t:
                rc = L.mtrk_metrics_links(ptrs, cap, byref(count), t, c)
                if rc:
                    self._raise(rc)
                if count.value <= cap:  # strings borrowed until the tenant's next call
                    return [LinkStats(lid=cv.id_out(s.lid), position=s.position, clicks=s.clicks,
                                      clicks_unique=s.clicks_unique, clicks_unique_human=s.clicks_unique_human,
                                      rank=s.rank, url=cv.str_out(s.url), label=cv.str_out(s.label))
                            for s in outs[:count.value]]
            cap = count.value

    def hourly(self, campaign: uuid.UUID, start: _dt.datetime, end: _dt.datetime) -> List[HourlyCounts]:
        """Events per hour and type for the hours of [start, end) (truncated to
        the hour; at most 24*366 hours)."""
        c = cv.id_in(campaign, "campaign")
        f, t_ = cv.time_in(start, "start"), cv.time_in(end, "end")
        h0 = f - f % _HOUR_MS
        h1 = t_ - t_ % _HOUR_MS
        if h1 < t_:
            h1 += _HOUR_MS
        hours = max((h1 - h0) // _HOUR_MS, 1)
        if hours > 24 * 366:
            hours = 1  # the library refuses the span and says why
        k = _lib.EV_TYPE_COUNT  # the type slots per hour this binding knows, not the library's
        buf = (c_uint64 * (hours * k))()
        got = c_size_t()
        self._call(lambda t: self._L.mtrk_metrics_hourly(buf, hours * k, k, byref(got), t, c, f, t_))
        return [HourlyCounts(hour=cv.time_out(h0 + h * _HOUR_MS),
                             counts={ty: buf[h * k + int(ty)] for ty in EventType})
                for h in range(got.value)]

    def first_hour(self, campaign: uuid.UUID, since: Optional[_dt.datetime] = None) -> Optional[_dt.datetime]:
        """The first hour at or after since's hour (default: the beginning) in
        which an event of the campaign occurred, from the hourly series' rollup;
        None when there is none."""
        c = cv.id_in(campaign, "campaign")
        s = 0 if since is None else cv.time_in(since, "since")
        out = _lib.T()
        with Use(self._h) as t:
            rc = self._L.mtrk_metrics_first_hour(byref(out), t, c, s)
        if rc == ITEROVER:
            return None
        if rc:
            self._raise(rc)
        return cv.time_out(out.value)

    def rebuild_metrics(self) -> None:
        """Rebuilds every rollup of the tenant from the raw event log."""
        self._call(self._L.mtrk_metrics_rebuild)
