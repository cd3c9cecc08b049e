"""Database handles (mtrk_db), shareable in-memory stores, and mtrk.open()."""
from __future__ import annotations

import datetime as _dt
import os
import threading
import time
import traceback
from ctypes import POINTER, byref, c_void_p, pointer
from typing import Callable, Optional, Union

from . import _convert as cv
from . import _lib
from ._handle import Handle, Use
from .tenant import Tenant

Clock = Callable[[], _dt.datetime]
LibraryPath = Union[str, "os.PathLike[str]", None]


class MemoryStore:
    """A private in-memory store that several Db handles may share
    (mtrk_store_memory_new + mtrk_db_open_store). Closing it closes every Db
    opened on it first. Use it as a context manager or call close()."""

    def __init__(self, *, library: LibraryPath = None) -> None:
        L = _lib.load(library) if library is not None else _lib.lib()
        out = POINTER(_lib.mtrk_store)()
        rc = L.mtrk_store_memory_new(byref(out))
        if rc:
            cv.raise_for(rc)
        addr = c_void_p.from_buffer(out).value
        assert addr is not None
        self._h = Handle(addr, lambda p: L.mtrk_store_free(_store_ptr(p)), "store")

    @property
    def closed(self) -> bool:
        return self._h.closed

    def open(self, *, clock: Optional[Clock] = None) -> "Db":
        """A new Db handle on this store."""
        with Use(self._h) as ptr:
            return Db._open_store(_store_ptr(ptr), clock, parent=self._h)

    def close(self) -> None:
        """Closes every Db opened on the store (and their tenants), then frees it."""
        self._h.close()

    def __del__(self) -> None:  # a safety net only: close() or `with` is the way
        h = getattr(self, "_h", None)
        if h is not None:
            try:
                h.close()
            except Exception:
                pass

    def __enter__(self) -> "MemoryStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _store_ptr(addr: int) -> "POINTER[_lib.mtrk_store]":
    return POINTER(_lib.mtrk_store).from_buffer(c_void_p(addr))


def _options(clock: Optional[Clock]):
    """(mtrk_open_options, keepalive) for `clock`."""
    L = _lib.lib()
    opts = _lib.mtrk_open_options()
    rc = L.mtrk_open_options_init(byref(opts), _lib.mtrk_open_options.VERSION)
    if rc:
        cv.raise_for(rc)
    keep = None
    if clock is not None:
        if not callable(clock):
            raise TypeError(f"clock must be callable, not {type(clock).__name__}")

        def _tick(_userdata: Optional[int]) -> int:
            try:
                return cv.time_in(clock(), "clock()")
            except BaseException:  # a callback cannot raise through C
                traceback.print_exc()
                return int(time.time() * 1000)

        keep = _lib.CLOCK_FN(_tick)
        opts.clock = keep
    return opts, keep


class Db:
    """A connection to one store (mtrk_db). Open tenants with
    :meth:`create_tenant` / :meth:`open_tenant`. Use one Db per thread, or
    share it: every call holds the handle's lock. Closing a Db closes its
    tenants (and their iterators) first."""

    def __init__(self, ptr: int, keep: object, parent: Optional[Handle] = None) -> None:
        L = _lib.lib()
        self._L = L
        self._h = Handle(ptr, L.mtrk_db_close, "db", lock=threading.RLock(), parent=parent, keep=keep)

    @classmethod
    def _open(cls, target: str, clock: Optional[Clock]) -> "Db":
        L = _lib.lib()
        t = cv.str_in(target, "target")
        opts, keep = _options(clock)
        out = c_void_p()
        rc = L.mtrk_db_open(byref(out), t, byref(opts))
        if rc:
            cv.raise_for(rc)
        return cls(out.value, keep)

    @classmethod
    def _open_store(cls, store, clock: Optional[Clock], parent: Handle) -> "Db":
        L = _lib.lib()
        opts, keep = _options(clock)
        out = c_void_p()
        rc = L.mtrk_db_open_store(byref(out), store, byref(opts))
        if rc:
            cv.raise_for(rc)
        return cls(out.value, keep, parent=parent)

    # ---- lifetime --------------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self._h.closed

    def close(self) -> None:
        """Closes the tenants opened on this Db, then the Db. Idempotent."""
        self._h.close()

    def __del__(self) -> None:  # a safety net only: close() or `with` is the way
        h = getattr(self, "_h", None)
        if h is not None:
            try:
                h.close()
            except Exception:
                pass

    def __enter__(self) -> "Db":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<mtrk.Db {'closed' if self.closed else 'open'}>"

    def _raise(self, rc: int) -> None:
        cv.raise_for(rc, lambda: self._L.mtrk_db_errmsg(self._h.ptr) if self._h.ptr else None)

    # ---- calls -------------------------------------------------------------------
    @property
    def errmsg(self) -> str:
        """The message of the last failed call on this handle ("" if none)."""
        with Use(self._h) as db:
            return cv.str_out(self._L.mtrk_db_errmsg(db))

    def now(self) -> _dt.datetime:
        """The handle's current time (its clock)."""
        with Use(self._h) as db:
            return cv.time_out(self._L.mtrk_db_now(db))

    def create_tenant(self, key: str, actor: str) -> Tenant:
        """Creates tenant `key` (1–64 chars of A–Z a–z 0–9 . _ -) and opens it;
        `actor` is recorded in the audit log for every change made through it.
        AlreadyExists if the key exists."""
        return self._tenant(self._L.mtrk_tenant_create, key, actor)

    def open_tenant(self, key: str, actor: str) -> Tenant:
        """Opens an existing tenant. NotFound if `key` does not exist."""
        return self._tenant(self._L.mtrk_tenant_open, key, actor)

    def _tenant(self, fn, key: str, actor: str) -> Tenant:
        k = cv.str_in(key, "key")
        a = cv.str_in(actor, "actor")
        out = c_void_p()
        with Use(self._h) as db:
            rc = fn(byref(out), db, k, a)
            if rc:
                self._raise(rc)
            return Tenant(out.value, self)


def open(target: str = "memory:", *, clock: Optional[Clock] = None,
         library: LibraryPath = None) -> Db:
    """Opens a Db on `target` ("memory:" is a private, empty in-memory store).

    `clock`, if given, is called for every "now" and must return a
    timezone-aware datetime (an exception in it is printed and the system
    clock used instead). `library` is an explicit path to libmtrk.so.1.
    Use the result as a context manager::

        with mtrk.open("memory:") as db, db.create_tenant("acme", "api:alice") as t:
            ...
    """
    if library is not None:
        _lib.load(library)
    return Db._open(target, clock)
