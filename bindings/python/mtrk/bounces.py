"""Bounce facts (include/mtrk/bounce.h): bounce mails parsed into one result
per recipient, the reason taxonomy with hard/soft derived from the reason,
provider bounce objects mapped onto it, and the VERP return path that names
a message. Nothing here needs a database; docs/bounces.md is the reference."""
from __future__ import annotations

import enum
import os
import uuid
from ctypes import byref, c_int, c_void_p, create_string_buffer
from dataclasses import dataclass, field
from typing import Iterator, List, Optional, Union

from . import _convert as cv
from . import _lib
from .errors import Error
from .types import BounceKind


class BounceReason(enum.IntEnum):
    """Why a message failed (MTRK_BR_*)."""
    UNDETERMINED = 0
    USER_UNKNOWN = 1
    HOST_UNKNOWN = 2
    MAILBOX_FULL = 3
    MESSAGE_TOO_BIG = 4
    CONTENT_REJECTED = 5
    SPAM_DETECTED = 6
    BLOCKED = 7
    AUTH_FAILURE = 8
    RATE_LIMITED = 9
    EXPIRED = 10
    NETWORK_ERROR = 11
    SYSTEM_ERROR = 12
    SUSPENDED = 13
    HAS_MOVED = 14
    ON_HOLD = 15
    NOT_A_BOUNCE = 16

    @property
    def kind(self) -> BounceKind:
        """Hard or soft from the reason alone (NONE for not_a_bounce)."""
        return BounceKind(_lib.lib().mtrk_bounce_reason_kind(int(self)))

    @property
    def label(self) -> str:
        """The library's name ("user_unknown", ...)."""
        return cv.str_out(_lib.lib().mtrk_bounce_reason_name(int(self)))


class BounceFormat(enum.IntEnum):
    NONE = 0
    RFC3464 = 1
    TEXT = 2
    AUTOREPLY = 3


class MidSource(enum.IntEnum):
    NONE = 0
    VERP = 1
    HEADER = 2
    ENVID = 3
    MESSAGE_ID = 4


#: The header a rendered message carries with its mid (MTRK_MID_HEADER).
MID_HEADER = "X-Mtrk-Mid"


@dataclass
class BounceRecipient:
    recipient: str
    original_recipient: str
    action: str
    status: str
    status_class: int
    status_subject: int
    status_detail: int
    smtp_code: int
    diagnostic: str
    remote_mta: str
    reason: BounceReason
    kind: BounceKind
    mid: Optional[uuid.UUID]
    mid_source: MidSource
    original_message_id: str
    verp: str = ""  #: the VERP return path the mid came from ("" otherwise)


@dataclass
class BounceReport:
    """One parsed message. `error` is set (and `recipients` empty) when the
    message was refused while reading a path."""
    format: BounceFormat = BounceFormat.NONE
    note: str = ""
    origin: str = ""
    recipients: List[BounceRecipient] = field(default_factory=list)
    error: Optional[Error] = None


def reason_from_name(name: str) -> BounceReason:
    """The reason named `name` ("mailbox_full"); InvalidArgument if unknown."""
    out = c_int()
    rc = _lib.lib().mtrk_bounce_reason_from_name(byref(out), cv.str_in(name, "name"))
    if rc:
        cv.raise_for(rc)
    return BounceReason(out.value)


def _s(value: Optional[str], name: str) -> Optional[bytes]:
    return cv.opt_str_in(value, name)


def classify(status: Optional[str] = None, smtp_code: int = 0, diagnostic: Optional[str] = None) -> BounceReason:
    """The reason of one failure from its enhanced status code, SMTP reply
    code and diagnostic text (mtrk_bounce_classify)."""
    return BounceReason(_lib.lib().mtrk_bounce_classify(_s(status, "status"), int(smtp_code),
                                                        _s(diagnostic, "diagnostic")))


def reason_ses(bounce_type: Optional[str], bounce_subtype: Optional[str], status: Optional[str] = None,
               diagnostic: Optional[str] = None) -> BounceReason:
    """Amazon SES bounceType, bounceSubType, a recipient's status and diagnosticCode."""
    return BounceReason(_lib.lib().mtrk_bounce_reason_ses(_s(bounce_type, "bounce_type"),
                                                          _s(bounce_subtype, "bounce_subtype"),
                                                          _s(status, "status"), _s(diagnostic, "diagnostic")))


def reason_sendgrid(classification: Optional[str], status: Optional[str] = None,
                    reason: Optional[str] = None) -> BounceReason:
    """SendGrid bounce_classification, status and reason."""
    return BounceReason(_lib.lib().mtrk_bounce_reason_sendgrid(_s(classification, "classification"),
                                                               _s(status, "status"), _s(reason, "reason")))


def reason_sparkpost(bounce_class: int, error_code: Optional[str] = None,
                     raw_reason: Optional[str] = None) -> BounceReason:
    """SparkPost bounce_class, error_code and raw_reason."""
    return BounceReason(_lib.lib().mtrk_bounce_reason_sparkpost(int(bounce_class), _s(error_code, "error_code"),
                                                                _s(raw_reason, "raw_reason")))


def reason_mailgun(severity: Optional[str], reason: Optional[str], code: int = 0,
                   enhanced_code: Optional[str] = None, message: Optional[str] = None) -> BounceReason:
    """Mailgun failed event: severity, reason, delivery-status code, enhanced-code, message."""
    return BounceReason(_lib.lib().mtrk_bounce_reason_mailgun(_s(severity, "severity"), _s(reason, "reason"),
                                                              int(code), _s(enhanced_code, "enhanced_code"),
                                                              _s(message, "message")))


def reason_postmark(type_code: int, details: Optional[str] = None) -> BounceReason:
    """Postmark bounce TypeCode and Details."""
    return BounceReason(_lib.lib().mtrk_bounce_reason_postmark(int(type_code), _s(details, "details")))


def verp_format(return_path: str, mid: uuid.UUID) -> str:
    """The VERP return path naming `mid` ("bounces+mtrk-<32 hex>@domain")."""
    buf = create_string_buffer(512)
    rc = _lib.lib().mtrk_bounce_verp_format(buf, len(buf), cv.str_in(return_path, "return_path"),
                                             cv.id_in(mid, "mid"))
    if rc:
        cv.raise_for(rc)
    return buf.value.decode("utf-8")


def verp_parse(address: str) -> Optional[uuid.UUID]:
    """The mid a VERP return path names, or None if it carries no mid tag."""
    out = _lib.mtrk_id()
    rc = _lib.lib().mtrk_bounce_verp_parse(byref(out), cv.str_in(address, "address"))
    if rc == -2:  # MTRK_ENOTFOUND
        return None
    if rc:
        cv.raise_for(rc)
    return cv.id_out(out)


def _report(h: int) -> BounceReport:
    L = _lib.lib()
    rep = BounceReport(format=BounceFormat(L.mtrk_bounce_report_format(h)),
                       note=cv.str_out(L.mtrk_bounce_report_note(h)),
                       origin=cv.str_out(L.mtrk_bounce_report_origin(h)))
    for i in range(L.mtrk_bounce_report_count(h)):
        r = _lib.mtrk_bounce_recipient()
        L.mtrk_bounce_recipient_init(byref(r), _lib.mtrk_bounce_recipient.VERSION)
        rc = L.mtrk_bounce_report_get(byref(r), h, i)
        if rc:
            cv.raise_for(rc)
        rep.recipients.append(BounceRecipient(
            recipient=cv.str_out(r.recipient), original_recipient=cv.str_out(r.original_recipient),
            action=cv.str_out(r.action), status=cv.str_out(r.status), status_class=r.status_class,
            status_subject=r.status_subject, status_detail=r.status_detail, smtp_code=r.smtp_code,
            diagnostic=cv.str_out(r.diagnostic), remote_mta=cv.str_out(r.remote_mta),
            reason=BounceReason(r.reason), kind=BounceKind(r.kind), mid=cv.opt_id_out(r.mid),
            mid_source=MidSource(r.mid_source), original_message_id=cv.str_out(r.original_message_id),
            verp=cv.str_out(r.verp)))
    return rep


def parse(data: Union[bytes, str]) -> BounceReport:
    """Parses one message (bytes, or str encoded as UTF-8). InvalidArgument
    if it is no mail message, TooLong over the size or MIME-part limits."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    if not isinstance(data, bytes):
        raise TypeError(f"data must be bytes or str, not {type(data).__name__}")
    L = _lib.lib()
    h = c_void_p()
    rc = L.mtrk_bounce_parse(byref(h), data, len(data))
    if rc:
        cv.raise_for(rc)
    try:
        return _report(h.value)
    finally:
        L.mtrk_bounce_report_free(h)


def read(path: "Union[str, os.PathLike[str]]") -> Iterator[BounceReport]:
    """The messages at `path` (a .eml file, an mbox or a maildir), one
    report each; a refused message yields a report with `error` set."""
    L = _lib.lib()
    src = c_void_p()
    rc = L.mtrk_bounce_source_open(byref(src), cv.str_in(os.fspath(path), "path"))
    if rc:
        cv.raise_for(rc)
    try:
        while True:
            h = c_void_p()
            rc = L.mtrk_bounce_source_next(byref(h), src)
            if rc == -11:  # MTRK_ITEROVER
                return
            if rc:
                origin = cv.str_out(L.mtrk_bounce_source_origin(src))
                try:
                    cv.raise_for(rc)
                except Error as exc:
                    yield BounceReport(origin=origin, error=exc)
                continue
            try:
                rep = _report(h.value)
            finally:
                L.mtrk_bounce_report_free(h)
            yield rep
    finally:
        L.mtrk_bounce_source_close(src)
