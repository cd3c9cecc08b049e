"""Ownership of C handles: deterministic release, parent/child order, a
clear ClosedError on use after close, and InUse for a handle used or closed
from a callback the library is running on it (the library is mid-call on that
handle: re-entering it, or freeing it under the running call, would crash the
interpreter)."""
from __future__ import annotations

import threading
import weakref
from typing import Any, Callable, Optional

from .errors import ClosedError, InUse

_tls = threading.local()


class callback_scope:
    """`with callback_scope():` around the Python side of a C callback: while
    it runs, handles whose group has a call running refuse use and close."""

    __slots__ = ()

    def __enter__(self) -> None:
        _tls.depth = getattr(_tls, "depth", 0) + 1

    def __exit__(self, *exc: object) -> None:
        _tls.depth -= 1


def _in_callback() -> bool:
    return getattr(_tls, "depth", 0) > 0


class _Group:
    """What a db and everything opened on it share: the lock, and how many
    calls into the library are running through it (on the lock's owner)."""

    __slots__ = ("lock", "running")

    def __init__(self, lock: "threading.RLock") -> None:
        self.lock = lock
        self.running = 0


class Handle:
    """One C pointer and the function that frees it.

    Children (tenants of a db, iterators of a tenant, dbs of a store) are
    closed before their parent; a child keeps its parent alive. `lock` is
    shared by a db and everything opened on it: the C API wants a handle used
    by one thread at a time, so every call through it holds this lock.
    """

    __slots__ = ("ptr", "_free", "lock", "group", "parent", "what", "keep", "_children", "__weakref__")

    def __init__(self, ptr: int, free: Callable[[int], None], what: str,
                 lock: "Optional[threading.RLock]" = None, parent: "Optional[Handle]" = None,
                 keep: Any = None) -> None:
        self.ptr: Optional[int] = ptr
        self._free = free
        self.what = what
        if lock is None and parent is not None:
            self.group = parent.group
        else:
            self.group = _Group(lock if lock is not None else threading.RLock())
        self.lock = self.group.lock
        self.parent = parent
        self.keep = keep
        self._children: "weakref.WeakSet[Handle]" = weakref.WeakSet()
        if parent is not None:
            parent._children.add(self)

    @property
    def closed(self) -> bool:
        return self.ptr is None

    def get(self) -> int:
        """The pointer; ClosedError once closed. Call with `lock` held."""
        ptr = self.ptr
        if ptr is None:
            raise ClosedError(None, f"{self.what} is closed")
        return ptr

    def _busy(self) -> "Optional[Handle]":
        """This handle or a descendant whose group is running a call that is
        inside a callback on this thread, or None."""
        if self.ptr is not None and self.group.running > 0 and _in_callback():
            return self
        for child in list(self._children):
            b = child._busy()
            if b is not None:
                return b
        return None

    def close(self) -> None:
        """Closes the children, then frees the pointer. Idempotent. Raises
        InUse, closing nothing, when called from a callback the library is
        running on this handle or one of its children."""
        with self.lock:
            if self.ptr is None:
                return
            busy = self._busy()
            if busy is not None:
                raise InUse(None, f"cannot close the {self.what} from a callback: the library is running a call "
                                  f"on the {busy.what} (close it after that call returns)")
            for child in list(self._children):
                child.close()
            ptr, self.ptr = self.ptr, None
            self._free(ptr)
            if self.parent is not None:
                self.parent._children.discard(self)

    def __del__(self) -> None:  # a safety net only: close() is the way
        try:
            if self.ptr is not None:
                self.close()
        except Exception:
            pass


class Use:
    """`with Use(handle) as ptr:` holds the handle's lock and yields its pointer."""

    __slots__ = ("_h",)

    def __init__(self, h: Handle) -> None:
        self._h = h

    def __enter__(self) -> int:
        h = self._h
        h.lock.acquire()
        try:
            ptr = h.get()
            if h.group.running > 0 and _in_callback():
                raise InUse(None, f"the {h.what} cannot be used from a callback: the library is running a call "
                                  "on it or on a handle of the same db")
        except BaseException:
            h.lock.release()
            raise
        h.group.running += 1
        return ptr

    def __exit__(self, *exc: object) -> None:
        self._h.group.running -= 1
        self._h.lock.release()
