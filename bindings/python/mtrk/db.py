"""Database handles (mtrk_db), shareable in-memory stores, and mtrk.open()."""
from __future__ import annotations

import datetime as _dt
import os
import threading
import time
import traceback
from ctypes import POINTER, byref, c_size_t, c_void_p, create_string_buffer, string_at
from typing import Callable, Optional, Union

from . import _convert as cv
from . import _lib
from . import errors
from ._handle import Handle, Use, callback_scope
from .tenant import Tenant
from .types import Sync

Clock = Callable[[], _dt.datetime]
LibraryPath = Union[str, "os.PathLike[str]", None]


class Store:
    """A store several Db handles may be opened on (mtrk_db_open_store).
    Closing it closes every Db opened on it (and their tenants) first. Use it
    as a context manager or call close()."""

    _max_handles: Optional[int] = None

    def __init__(self, make, what: str) -> None:
        L = _lib.lib()
        out = POINTER(_lib.mtrk_store)()
        rc = make(byref(out))
        if rc:
            cv.raise_for(rc)
        addr = c_void_p.from_buffer(out).value
        assert addr is not None
        self._h = Handle(addr, lambda p: L.mtrk_store_free(_store_ptr(p)), what)
        self._opened = 0

    @property
    def closed(self) -> bool:
        return self._h.closed

    def open(self, *, clock: Optional[Clock] = None) -> "Db":
        """A new Db handle on this store."""
        with Use(self._h) as ptr:
            if self._max_handles is not None and self._opened >= self._max_handles:
                raise RuntimeError(f"{self._h.what}: one store is one connection: open one store per Db")
            db = Db._open_store(_store_ptr(ptr), clock, parent=self._h)
            self._opened += 1
            return db

    def close(self) -> None:
        """Closes every Db opened on the store (and their tenants), then frees it."""
        self._h.close()

    def __del__(self) -> None:  # a safety net only
        h = getattr(self, "_h", None)
        if h is not None:
            try:
                h.close()
            except Exception:
                pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class MemoryStore(Store):
    """A private in-memory store that any number of Db handles in this
    process may share (mtrk_store_memory_new)."""

    def __init__(self, *, library: LibraryPath = None) -> None:
        L = _lib.load(library) if library is not None else _lib.lib()
        super().__init__(L.mtrk_store_memory_new, "memory store")


class SqliteStore(Store):
    """A store on the SQLite file `path` (or a "file:" URI) for one Db handle
    (mtrk_store_sqlite_new): one store is one connection; open one store per
    Db to share a file between threads or processes."""

    _max_handles = 1

    def __init__(self, path: "str | os.PathLike[str]", *, synchronous: Sync = Sync.DEFAULT,
                 busy_timeout: "Optional[_dt.timedelta | int]" = None, cache_size_kib: Optional[int] = None,
                 library: LibraryPath = None) -> None:
        L = _lib.load(library) if library is not None else _lib.lib()
        p = cv.str_in(os.fspath(path) if isinstance(path, os.PathLike) else path, "path")
        opts, _ = _options(None, synchronous, busy_timeout, cache_size_kib)
        super().__init__(lambda out: L.mtrk_store_sqlite_new(out, p, byref(opts)), "sqlite store")


class PgStore(Store):
    """A store on a PostgreSQL database given by a libpq conninfo string or
    URI (mtrk_store_pg_new), for one Db handle: one store is one connection.
    The library must have been built with the PostgreSQL backend."""

    _max_handles = 1

    def __init__(self, conninfo: str, *, busy_timeout: "Optional[_dt.timedelta | int]" = None,
                 library: LibraryPath = None) -> None:
        L = _lib.load(library) if library is not None else _lib.lib()
        c = cv.str_in(conninfo, "conninfo")
        opts, _ = _options(None, Sync.DEFAULT, busy_timeout)
        super().__init__(lambda out: L.mtrk_store_pg_new(out, c, byref(opts)), "pg store")


def _store_ptr(addr: int) -> "POINTER[_lib.mtrk_store]":
    return POINTER(_lib.mtrk_store).from_buffer(c_void_p(addr))


def _options(clock: Optional[Clock], synchronous: Sync = Sync.DEFAULT,
             busy_timeout: "Optional[_dt.timedelta | int]" = None, cache_size_kib: Optional[int] = None):
    """(mtrk_open_options, keepalive) for `clock` and the SQLite options."""
    L = _lib.lib()
    opts = _lib.mtrk_open_options()
    rc = L.mtrk_open_options_init(byref(opts), _lib.mtrk_open_options.VERSION)
    if rc:
        cv.raise_for(rc)
    opts.synchronous = cv.enum_in(synchronous, Sync, "synchronous")
    if busy_timeout is not None:
        ms = cv.duration_ms_in(busy_timeout, "busy_timeout")
        if not 0 <= ms <= 0x7FFFFFFF:
            raise ValueError(f"busy_timeout must be between 0 and 2**31-1 ms, not {ms}")
        opts.busy_timeout_ms = ms
    if cache_size_kib is not None:
        if isinstance(cache_size_kib, bool) or not isinstance(cache_size_kib, int):
            raise TypeError(f"cache_size_kib must be an int, not {type(cache_size_kib).__name__}")
        if not 0 <= cache_size_kib <= 0x7FFFFFFF:
            raise ValueError(f"cache_size_kib must be between 0 and 2**31-1, not {cache_size_kib}")
        opts.cache_size_kib = cache_size_kib
    keep = None
    if clock is not None:
        if not callable(clock):
            raise TypeError(f"clock must be callable, not {type(clock).__name__}")

        def _tick(_userdata: Optional[int]) -> int:
            try:
                with callback_scope():  # the db (mid-call) refuses use and close: InUse
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
    def _open(cls, target: str, clock: Optional[Clock], synchronous: Sync,
              busy_timeout: "Optional[_dt.timedelta | int]", cache_size_kib: Optional[int] = None) -> "Db":
        L = _lib.lib()
        t = cv.str_in(os.fspath(target) if isinstance(target, os.PathLike) else target, "target")
        opts, keep = _options(clock, synchronous, busy_timeout, cache_size_kib)
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

    def tenant_list(self) -> "list[str]":
        """The keys of every tenant of the store, in key order (for operators' tools)."""
        out = c_void_p()
        n = c_size_t()
        with Use(self._h) as db:
            rc = self._L.mtrk_db_tenant_list(byref(out), byref(n), db)
            if rc:
                self._raise(rc)
        try:
            keys = []
            addr = out.value
            for _ in range(n.value):
                k = string_at(addr)
                keys.append(k.decode("utf-8"))
                addr += len(k) + 1
            return keys
        finally:
            self._L.mtrk_free(out.value)

    def find_api_token(self, token: str) -> Optional[str]:
        """The key of the tenant whose valid (unrevoked) API token `token` is,
        or None for anything else (compared in constant time)."""
        tok = cv.str_in(token, "token")
        out = create_string_buffer(_lib.MAX_TENANT_KEY + 1)
        with Use(self._h) as db:
            rc = self._L.mtrk_db_api_token_find(out, len(out), db, tok)
            if rc == errors.ENOTFOUND:
                return None
            if rc:
                self._raise(rc)
        return out.value.decode("utf-8")

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


def open(target: "str | os.PathLike[str]" = "memory:", *, clock: Optional[Clock] = None,
         synchronous: Sync = Sync.DEFAULT, busy_timeout: "Optional[_dt.timedelta | int]" = None,
         cache_size_kib: Optional[int] = None, library: LibraryPath = None) -> Db:
    """Opens a Db on `target`: "memory:" (a private, empty in-memory store),
    "sqlite:PATH", an SQLite "file:" URI, or a file path (created with the
    mtrk schema when missing; see mtrk_db_open in include/mtrk/db.h).

    SQLite only: `synchronous` (a Sync level) and `busy_timeout` (a timedelta
    or milliseconds a call waits for a lock held elsewhere before Busy;
    None: the library's 5 s) and `cache_size_kib` (the page cache; None or 0:
    the library's 64 MiB).

    `clock`, if given, is called for every "now" and must return a
    timezone-aware datetime (an exception in it is printed and the system
    clock used instead). `library` is an explicit path to libmtrk.so.1.
    Use the result as a context manager::

        with mtrk.open("memory:") as db, db.create_tenant("acme", "api:alice") as t:
            ...
    """
    if library is not None:
        _lib.load(library)
    return Db._open(target, clock, synchronous, busy_timeout, cache_size_kib)
