"""The exception hierarchy of the mtrk binding.

Every failure reported by the library raises a subclass of :class:`Error`
chosen by its status code; ``code`` is the library's ``MTRK_E*`` value and
``message`` the library's own message, which names the argument or value at
fault (for example ``"invalid argument: key contains ' '"``).

Failures detected by the binding itself before anything reaches C are plain
Python exceptions: ``TypeError`` for a value of the wrong Python type and
``ValueError`` for a value the binding can never pass (an embedded NUL, a
negative count, a naive datetime is a ``TypeError``). The one exception is a
``str`` that cannot be encoded as UTF-8 (lone surrogates): it raises
:class:`EncodingError`, as the library would for invalid UTF-8.
"""
from __future__ import annotations

import re
from typing import Dict, Optional, Type

__all__ = [
    "Error", "InvalidArgument", "NotFound", "AlreadyExists", "InvalidState",
    "Busy", "StorageError", "OutOfMemory", "VersionError", "TooLong",
    "EncodingError", "IncompleteStore", "InvalidAddress", "SignatureError", "WrongTenant", "ClosedError", "InUse",
    "LibraryError", "error_for", "argument_of",
]

# Status codes of include/mtrk/common.h (appended only, never renumbered).
OK = 0
EINVAL = -1
ENOTFOUND = -2
EEXISTS = -3
ESTATE = -4
EBUSY = -5
ESTORE = -6
ENOMEM = -7
EVERSION = -8
ETOOLONG = -9
EENCODING = -10
ITEROVER = -11
EINCOMPLETE = -12
EADDRESS = -13
ESIGNATURE = -14
ETENANT = -15


class Error(Exception):
    """Base of every mtrk error.

    Attributes:
        code: the library's status code (a negative ``MTRK_E*`` value), or
            ``None`` for errors raised by the binding alone (closed handle,
            library not found).
        message: the library's message naming what was at fault.
    """

    #: The status code this class stands for (None: not a library code).
    CODE: Optional[int] = None

    def __init__(self, code: Optional[int], message: str) -> None:
        super().__init__(code, message)
        self.code = code
        self.message = message
        #: The argument at fault as the library names it ("address",
        #: "settings->retention_ms", "addresses[3]", "events[2]->lid"), or
        #: None when the message names none. Parsed from the message: the C
        #: API has no field for it yet.
        self.argument: Optional[str] = argument_of(message)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {self.message!r})"


# An argument path as the library's messages spell it: a C identifier, then
# any number of [index] and ->member / .member parts.
_ARG = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\[[0-9]+\]|(?:->|\.)[A-Za-z_][A-Za-z0-9_]*)*")
# What follows a bare name when it is the argument ("address \"x\" has ...",
# "name is NULL", "n 5 is over ..."), as opposed to prose ("no contact ...").
_AFTER = re.compile(r"(?: (?:is|are|must|has|have|contains|does|should|cannot|names|was|"
                    r"[-0-9\"'(])|:|$)")


def argument_of(message: str) -> Optional[str]:
    """The argument a library message names at its start, after the status
    prefix ("invalid argument: settings->retention_ms must be > 0" gives
    "settings->retention_ms"), or None."""
    if not message:
        return None
    detail = message.split(": ", 1)[1] if ": " in message else message
    m = _ARG.match(detail)
    if m is None:
        return None
    arg = m.group(0)
    structured = "[" in arg or "->" in arg
    if not structured and _AFTER.match(detail, m.end()) is None:
        return None
    return arg


class InvalidArgument(Error):
    """MTRK_EINVAL: invalid argument (NULL, empty, malformed, out of range)."""
    CODE = EINVAL


class NotFound(Error):
    """MTRK_ENOTFOUND: no such entity in this tenant."""
    CODE = ENOTFOUND


class AlreadyExists(Error):
    """MTRK_EEXISTS: the entity already exists."""
    CODE = EEXISTS


class InvalidState(Error):
    """MTRK_ESTATE: refused by a state machine."""
    CODE = ESTATE


class Busy(Error):
    """MTRK_EBUSY: the store is locked by someone else."""
    CODE = EBUSY


class StorageError(Error):
    """MTRK_ESTORE: storage failure."""
    CODE = ESTORE


class OutOfMemory(Error):
    """MTRK_ENOMEM: out of memory."""
    CODE = ENOMEM


class VersionError(Error):
    """MTRK_EVERSION: unknown struct or store version."""
    CODE = EVERSION


class TooLong(Error):
    """MTRK_ETOOLONG: a string or a count is over its limit."""
    CODE = ETOOLONG


class EncodingError(Error):
    """MTRK_EENCODING: a string is not valid UTF-8."""
    CODE = EENCODING


class IncompleteStore(Error):
    """MTRK_EINCOMPLETE: a store misses a required operation."""
    CODE = EINCOMPLETE


class InvalidAddress(Error):
    """MTRK_EADDRESS: an e-mail address is invalid."""
    CODE = EADDRESS


class SignatureError(Error):
    """MTRK_ESIGNATURE: a tracking URL is malformed, forged, tampered, truncated or its key retired."""
    CODE = ESIGNATURE


class WrongTenant(Error):
    """MTRK_ETENANT: a tracking URL belongs to another tenant."""
    CODE = ETENANT


class ClosedError(Error):
    """A handle (db, tenant, store, iterator) was used after it was closed."""


class InUse(Busy):
    """A db or tenant was used or closed from inside a callback (the clock, a
    classifier) that the library is running on it or on a handle of the same
    db. The library is mid-call and cannot be re-entered; nothing was done.
    ``code`` is None (raised by the binding). Close the handle after the call
    that runs the callback returns."""


class LibraryError(Error):
    """libmtrk could not be found or loaded, or its version is not supported."""


_BY_CODE: Dict[int, Type[Error]] = {
    cls.CODE: cls
    for cls in (InvalidArgument, NotFound, AlreadyExists, InvalidState, Busy,
                StorageError, OutOfMemory, VersionError, TooLong, EncodingError,
                IncompleteStore, InvalidAddress, SignatureError, WrongTenant)
    if cls.CODE is not None
}


def error_for(code: int, message: str) -> Error:
    """The exception for status `code` (an :class:`Error` for unknown codes)."""
    return _BY_CODE.get(code, Error)(code, message)
