"""Conversions between Python values and C values, with the checks that keep
wrong Python types from ever reaching C."""
from __future__ import annotations

import datetime as _dt
import enum
import uuid
from typing import Callable, Optional, Type, TypeVar, Union

from . import _lib
from .errors import EncodingError, EENCODING, error_for

UTC = _dt.timezone.utc
EPOCH = _dt.datetime(1970, 1, 1, tzinfo=UTC)
_MS = _dt.timedelta(milliseconds=1)
NIL = _lib.mtrk_id()

E = TypeVar("E", bound=enum.IntEnum)
StrLike = Union[str, bytes]


# ---- ids -------------------------------------------------------------------
def id_in(value: object, name: str) -> _lib.mtrk_id:
    """A required id: a uuid.UUID (TypeError otherwise; ValueError for nil)."""
    if not isinstance(value, uuid.UUID):
        raise TypeError(f"{name} must be a uuid.UUID, not {type(value).__name__}")
    if value.int == 0:
        raise ValueError(f"{name} must not be the nil UUID")
    return _lib.mtrk_id.from_buffer_copy(value.bytes)


def opt_id_in(value: object, name: str) -> _lib.mtrk_id:
    """An optional id: a uuid.UUID or None (the nil id, "none")."""
    if value is None:
        return _lib.mtrk_id()
    if not isinstance(value, uuid.UUID):
        raise TypeError(f"{name} must be a uuid.UUID or None, not {type(value).__name__}")
    return _lib.mtrk_id.from_buffer_copy(value.bytes)


def id_out(cid: _lib.mtrk_id) -> uuid.UUID:
    return uuid.UUID(bytes=bytes(cid.bytes))


def opt_id_out(cid: _lib.mtrk_id) -> Optional[uuid.UUID]:
    """None for the nil id."""
    b = bytes(cid.bytes)
    return None if b == bytes(16) else uuid.UUID(bytes=b)


# ---- times -----------------------------------------------------------------
def time_in(value: object, name: str) -> int:
    """A timezone-aware datetime to Unix ms. Naive datetimes are refused."""
    if not isinstance(value, _dt.datetime):
        raise TypeError(f"{name} must be a timezone-aware datetime.datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise TypeError(f"{name} must be timezone-aware (a naive datetime is ambiguous; "
                        f"use datetime.timezone.utc)")
    return (value - EPOCH) // _MS


def opt_time_in(value: object, name: str) -> int:
    """None -> 0 (unset / now), else as time_in."""
    return 0 if value is None else time_in(value, name)


def time_out(ms: int) -> _dt.datetime:
    return EPOCH + _dt.timedelta(milliseconds=ms)


def opt_time_out(ms: int) -> Optional[_dt.datetime]:
    """0 (the fact has not happened / unset) -> None."""
    return None if ms == 0 else EPOCH + _dt.timedelta(milliseconds=ms)


def duration_ms_in(value: object, name: str) -> int:
    """A datetime.timedelta or an int of milliseconds."""
    if isinstance(value, _dt.timedelta):
        return value // _MS
    return int_in(value, name, -(1 << 63), (1 << 63) - 1)


# ---- integers, booleans, enums -----------------------------------------------
def int_in(value: object, name: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if not lo <= value <= hi:
        raise ValueError(f"{name} must be in [{lo}, {hi}], not {value}")
    return int(value)


def _a(word: str) -> str:
    """The article a word takes in a message ("an EventType", "a Verdict")."""
    return ("an " if word[:1].upper() in "AEIOU" else "a ") + word


def enum_in(value: object, cls: Type[E], name: str) -> int:
    """A member of `cls`, an int equal to one, or a member's name as a string
    in any case ("open", "OPEN", "security-scanner")."""
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        key = value.strip().upper().replace("-", "_").replace(" ", "_")
        try:
            return int(cls[key])  # type: ignore[index]
        except KeyError:
            names = ", ".join(m.name.lower() for m in cls)  # type: ignore[attr-defined]
            raise ValueError(f"{name}: {value!r} is not {_a(cls.__name__)} (one of {names})") from None
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be {_a(cls.__name__)} or its name, not {type(value).__name__}")
    try:
        return int(cls(value))
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a valid {cls.__name__} value") from None


def enum_out(value: int, cls: Type[E]) -> "E | int":
    """The member for value, or the bare int for a value this binding does not know."""
    try:
        return cls(value)
    except ValueError:
        return value


def bool_in(value: object, name: str) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return value


# ---- strings -----------------------------------------------------------------
def str_in(value: object, name: str) -> bytes:
    """A required string as NUL-free UTF-8.

    str is encoded (lone surrogates raise EncodingError); bytes are passed
    unchanged and must hold UTF-8 (the library checks it).
    """
    if isinstance(value, str):
        try:
            b = value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise EncodingError(EENCODING, f"invalid UTF-8: {name} cannot be encoded as UTF-8 "
                                           f"({exc.reason} at index {exc.start})") from None
    elif isinstance(value, bytes):
        b = value
    else:
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if b"\0" in b:
        raise ValueError(f"{name} must not contain a NUL character")
    return b


def opt_str_in(value: object, name: str) -> Optional[bytes]:
    return None if value is None else str_in(value, name)


def str_out(b: Optional[bytes]) -> str:
    return "" if b is None else b.decode("utf-8", "surrogateescape")


def opt_str_out(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8", "surrogateescape")


# ---- status codes --------------------------------------------------------------
def raise_for(rc: int, handle_msg: Optional[Callable[[], Optional[bytes]]] = None) -> None:
    """Raises the Error subclass of `rc` with the library's message.

    The calling thread's last message (mtrk_last_errmsg) is the message of the
    call that just failed; the handle's message is the fallback.
    """
    L = _lib.lib()
    msg = L.mtrk_last_errmsg() or b""
    if not msg and handle_msg is not None:
        msg = handle_msg() or b""
    if not msg:
        msg = L.mtrk_strerror(rc) or b"unknown status code"
    raise error_for(rc, msg.decode("utf-8", "replace"))
