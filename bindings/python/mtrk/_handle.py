"""Ownership of C handles: deterministic release, parent/child order, and a
clear ClosedError on use after close."""
from __future__ import annotations

import threading
import weakref
from typing import Any, Callable, Optional

from .errors import ClosedError


class Handle:
    """One C pointer and the function that frees it.

    Children (tenants of a db, iterators of a tenant, dbs of a store) are
    closed before their parent; a child keeps its parent alive. `lock` is
    shared by a db and everything opened on it: the C API wants a handle used
    by one thread at a time, so every call through it holds this lock.
    """

    __slots__ = ("ptr", "_free", "lock", "parent", "what", "keep", "_children", "__weakref__")

    def __init__(self, ptr: int, free: Callable[[int], None], what: str,
                 lock: "Optional[threading.RLock]" = None, parent: "Optional[Handle]" = None,
                 keep: Any = None) -> None:
        self.ptr: Optional[int] = ptr
        self._free = free
        self.what = what
        self.lock = lock if lock is not None else (parent.lock if parent is not None else threading.RLock())
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

    def close(self) -> None:
        """Closes the children, then frees the pointer. Idempotent."""
        with self.lock:
            if self.ptr is None:
                return
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
        self._h.lock.acquire()
        try:
            return self._h.get()
        except BaseException:
            self._h.lock.release()
            raise

    def __exit__(self, *exc: object) -> None:
        self._h.lock.release()
