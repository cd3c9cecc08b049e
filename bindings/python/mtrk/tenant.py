"""Tenant handles (mtrk_tenant): every operation on data goes through one.

The methods are grouped by area in mixins (contacts.py, campaigns.py,
events.py); this module holds the handle itself, settings and the helpers
the mixins share."""
from __future__ import annotations

import datetime as _dt
import uuid
from ctypes import byref, c_void_p
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Sequence

from . import _convert as cv
from . import _lib
from ._handle import Handle, Use
from .campaigns import CampaignsMixin
from .contacts import ContactsMixin
from .errors import ITEROVER
from .events import EventsMixin
from .reputation import ReputationMixin
from .simulate import SimulateMixin
from .tracking import TrackingMixin
from .types import TenantSettings
from .webhooks import WebhooksMixin

if TYPE_CHECKING:
    from .db import Db

_END = object()


class TenantBase:
    """The handle plumbing shared by the mixins."""

    _h: Handle
    _L: _lib.Library

    def _raise(self, rc: int) -> None:
        h = self._h
        cv.raise_for(rc, lambda: self._L.mtrk_tenant_errmsg(h.ptr) if h.ptr else None)

    def _use(self) -> Use:
        return Use(self._h)

    def _call(self, fn: Callable[..., int], *args: Any) -> None:
        """fn(tenant, *args) with the handle locked; raises on failure."""
        with Use(self._h) as t:
            rc = fn(t, *args)
            if rc:
                self._raise(rc)

    def _iterate(self, new: Callable[..., int], args: Sequence[Any], free: Callable[[int], None],
                 step: Callable[[int], Any]) -> Iterator[Any]:
        """A generator over a C iterator: created at the first next(), one item
        converted per step, freed at the end, on break, on error, on close of
        the tenant or when the generator is collected."""
        it = c_void_p()
        with Use(self._h) as t:
            rc = new(byref(it), t, *args)
            if rc:
                self._raise(rc)
            ih = Handle(it.value, free, "iterator (its tenant was closed)", parent=self._h)
        try:
            while True:
                with Use(ih) as p:
                    item = step(p)
                if item is _END:
                    return
                yield item
        finally:
            ih.close()

    def _snapshots(self, new: Callable[..., int], args: Sequence[Any], next_fn: Callable[..., int],
                   free: Callable[[int], None], conv: Callable[[int], Any]) -> Iterator[Any]:
        """_iterate for iterators handing out snapshot pointers."""
        out = c_void_p()

        def step(p: int) -> Any:
            rc = next_fn(byref(out), p)
            if rc == ITEROVER:
                return _END
            if rc:
                self._raise(rc)
            return conv(out.value)
        return self._iterate(new, args, free, step)

    def _structs(self, new: Callable[..., int], args: Sequence[Any], next_fn: Callable[..., int],
                 free: Callable[[int], None], out: Any, conv: Callable[[Any, int], Any]) -> Iterator[Any]:
        """_iterate for iterators filling a versioned struct; conv(out, iter_ptr)."""
        def step(p: int) -> Any:
            rc = next_fn(byref(out), p)
            if rc == ITEROVER:
                return _END
            if rc:
                self._raise(rc)
            return conv(out, p)
        return self._iterate(new, args, free, step)

    def _init(self, cls: Any, init_fn: Callable[..., int]) -> Any:
        """A struct of `cls` filled with its defaults (version set)."""
        s = cls()
        rc = init_fn(byref(s), cls.VERSION)
        if rc:
            cv.raise_for(rc)
        return s


class Tenant(ContactsMixin, CampaignsMixin, EventsMixin, TrackingMixin, SimulateMixin, ReputationMixin,
             WebhooksMixin, TenantBase):
    """An open tenant (mtrk_tenant). Obtain one from Db.create_tenant or
    Db.open_tenant; close it with close() or a ``with`` block. It keeps its
    Db alive; closing the Db closes it."""

    def __init__(self, ptr: int, db: "Db") -> None:
        self._L = _lib.lib()
        self._db = db
        self._h = Handle(ptr, self._L.mtrk_tenant_close, "tenant", parent=db._h)

    # ---- lifetime ----------------------------------------------------------------
    @property
    def db(self) -> "Db":
        return self._db

    @property
    def closed(self) -> bool:
        return self._h.closed

    def close(self) -> None:
        """Closes the tenant (and any iterator still open on it). Idempotent."""
        self._h.close()

    def __del__(self) -> None:  # a safety net only: close() or `with` is the way
        h = getattr(self, "_h", None)
        if h is not None:
            try:
                h.close()
            except Exception:
                pass

    def __enter__(self) -> "Tenant":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        if self.closed:
            return "<mtrk.Tenant closed>"
        return f"<mtrk.Tenant {self.key!r} actor={self.actor!r}>"

    # ---- identity ------------------------------------------------------------------
    @property
    def key(self) -> str:
        with Use(self._h) as t:
            return cv.str_out(self._L.mtrk_tenant_key(t))

    @property
    def id(self) -> uuid.UUID:
        with Use(self._h) as t:
            return cv.id_out(self._L.mtrk_tenant_id(t))

    @property
    def actor(self) -> str:
        """The actor recorded in the audit log for changes made through this handle."""
        with Use(self._h) as t:
            return cv.str_out(self._L.mtrk_tenant_actor(t))

    @actor.setter
    def actor(self, actor: str) -> None:
        self.set_actor(actor)

    def set_actor(self, actor: str) -> None:
        """Changes the actor recorded for later changes."""
        self._call(self._L.mtrk_tenant_set_actor, cv.str_in(actor, "actor"))

    @property
    def errmsg(self) -> str:
        """The message of the last failed call on this handle ("" if none)."""
        with Use(self._h) as t:
            return cv.str_out(self._L.mtrk_tenant_errmsg(t))

    # ---- settings --------------------------------------------------------------------
    def settings(self) -> TenantSettings:
        """The tenant's settings."""
        s = self._init(_lib.mtrk_tenant_settings, self._L.mtrk_tenant_settings_init)
        with Use(self._h) as t:
            rc = self._L.mtrk_tenant_settings_get(byref(s), t)
            if rc:
                self._raise(rc)
            return TenantSettings(
                tracking_base_url=cv.str_out(s.tracking_base_url),
                soft_bounce_threshold=s.soft_bounce_threshold,
                attribution_window=_dt.timedelta(milliseconds=s.attribution_window_ms),
                retention=_dt.timedelta(milliseconds=s.retention_ms),
                list_unsubscribe_mailto=cv.str_out(s.list_unsubscribe_mailto),
                events_earliest=cv.time_out(s.events_earliest),
                events_ahead=_dt.timedelta(milliseconds=s.events_ahead_ms),
                keep_webhook_payloads=bool(s.keep_webhook_payloads),
                webhook_payload_retention=_dt.timedelta(milliseconds=s.webhook_payload_retention_ms))

    def set_settings(self, settings: Optional[TenantSettings] = None, **changes: Any) -> TenantSettings:
        """Replaces the settings (audited) with `settings`, or with the current
        ones updated by keyword arguments (tracking_base_url,
        soft_bounce_threshold, attribution_window, retention,
        list_unsubscribe_mailto, events_earliest, events_ahead,
        keep_webhook_payloads, webhook_payload_retention). Returns what
        was set."""
        if settings is None:
            import dataclasses
            try:
                settings = dataclasses.replace(self.settings(), **changes)
            except TypeError as exc:
                raise TypeError(f"set_settings: {exc}") from None
        elif changes:
            raise TypeError("set_settings takes a TenantSettings or keyword arguments, not both")
        if not isinstance(settings, TenantSettings):
            raise TypeError(f"settings must be a TenantSettings, not {type(settings).__name__}")
        s = self._init(_lib.mtrk_tenant_settings, self._L.mtrk_tenant_settings_init)
        url = cv.str_in(settings.tracking_base_url, "tracking_base_url")
        s.tracking_base_url = url
        s.soft_bounce_threshold = cv.int_in(settings.soft_bounce_threshold, "soft_bounce_threshold",
                                            0, 0xFFFFFFFF)
        s.attribution_window_ms = cv.duration_ms_in(settings.attribution_window, "attribution_window")
        s.retention_ms = cv.duration_ms_in(settings.retention, "retention")
        mailto = cv.str_in(settings.list_unsubscribe_mailto, "list_unsubscribe_mailto")
        s.list_unsubscribe_mailto = mailto
        s.events_earliest = cv.time_in(settings.events_earliest, "events_earliest")
        s.events_ahead_ms = cv.duration_ms_in(settings.events_ahead, "events_ahead")
        s.keep_webhook_payloads = int(cv.bool_in(settings.keep_webhook_payloads, "keep_webhook_payloads"))
        s.webhook_payload_retention_ms = cv.duration_ms_in(settings.webhook_payload_retention,
                                                           "webhook_payload_retention")
        self._call(lambda t: self._L.mtrk_tenant_settings_set(t, byref(s)))
        return settings
