"""Contacts, audiences, unsubscribes, suppressions, audit log, export and
retention (include/mtrk/contact.h), as methods of Tenant."""
from __future__ import annotations

import datetime as _dt
import json
import uuid
from ctypes import POINTER, byref, create_string_buffer, c_char_p, c_int, c_size_t, c_uint64, c_void_p, string_at
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from . import _convert as cv
from . import _lib
from ._handle import Use
from .errors import ENOTFOUND, error_for
from .types import (Audience, AuditEntry, Contact, ContactBatch, ContactOutcome, ContactStatus, Source,
                    Suppression,
                    SuppressionKind, UnsubScope, Unsubscribe)

if TYPE_CHECKING:
    from .tenant import TenantBase as _Base
else:
    _Base = object


def normalize_address(address: str) -> str:
    """The normalized form of `address` (trimmed, domain lower-cased).
    InvalidAddress (naming the fault), TooLong or EncodingError otherwise."""
    L = _lib.lib()
    a = cv.str_in(address, "address")
    buf = create_string_buffer(_lib.MAX_ADDRESS + 1)
    rc = L.mtrk_address_normalize(buf, len(buf), a)
    if rc:
        cv.raise_for(rc)
    return buf.value.decode("utf-8")


def _ids_array(ids: Iterable[uuid.UUID], name: str) -> Tuple[Any, int]:
    items = list(ids) if not isinstance(ids, (str, bytes)) else None
    if items is None:
        raise TypeError(f"{name} must be an iterable of uuid.UUID, not {type(ids).__name__}")
    arr = (_lib.mtrk_id * max(len(items), 1))()
    for i, v in enumerate(items):
        arr[i] = cv.id_in(v, f"{name}[{i}]")
    return arr, len(items)


class ContactsMixin(_Base):
    # ---- contacts ------------------------------------------------------------------
    def _contact_spec(self, name: Optional[str], consent_at: Optional[_dt.datetime],
                      consent_source: Optional[str], consent_text_version: Optional[str]):
        L = self._L
        spec = self._init(_lib.mtrk_contact_spec, L.mtrk_contact_spec_init)
        spec.name = cv.opt_str_in(name, "name")
        spec.consent_at = cv.opt_time_in(consent_at, "consent_at")
        spec.consent_source = cv.opt_str_in(consent_source, "consent_source")
        spec.consent_text_version = cv.opt_str_in(consent_text_version, "consent_text_version")
        return spec

    def add_contact(self, address: str, *, name: Optional[str] = None,
                    consent_at: Optional[_dt.datetime] = None, consent_source: Optional[str] = None,
                    consent_text_version: Optional[str] = None) -> Tuple[uuid.UUID, bool]:
        """Adds a contact, or finds the one with the same address
        (case-insensitive). Returns (id, created); for an existing contact the
        other arguments are ignored. InvalidAddress, TooLong, EncodingError."""
        a = cv.str_in(address, "address")
        spec = self._contact_spec(name, consent_at, consent_source, consent_text_version)
        out = _lib.mtrk_id()
        created = c_int()
        self._call(lambda t: self._L.mtrk_contact_add(byref(out), byref(created), t, a, byref(spec)))
        return cv.id_out(out), bool(created.value)

    def add_contacts(self, addresses: Iterable[str], *,
                     names: Optional[Sequence[Optional[str]]] = None) -> ContactBatch:
        """Adds (or finds) the contacts of many addresses in one transaction
        (mtrk_contact_add_batch), each judged on its own: a refused address
        gets an outcome with its error (whose .argument is "addresses[i]") and
        does not stop the others; a repeated address gives the same id.
        `names`, if given, has one name (or None) per address, used for new
        contacts. Raises only when the call itself fails (then nothing is
        kept). At most MAX_CONTACT_BATCH addresses per call."""
        if isinstance(addresses, (str, bytes)):
            raise TypeError("addresses must be an iterable of str, not a single string")
        addrs = list(addresses)
        n = len(addrs)
        if n > _lib.MAX_CONTACT_BATCH:
            raise ValueError(f"addresses: {n} is over the batch limit {_lib.MAX_CONTACT_BATCH}")
        if names is not None:
            if isinstance(names, (str, bytes)) or len(names) != n:
                raise ValueError("names must be a sequence with one entry per address")
        L = self._L
        enc = [cv.str_in(a, f"addresses[{i}]") for i, a in enumerate(addrs)]
        arr = (c_char_p * max(n, 1))(*enc)
        specs: List[Any] = []
        spec_arr = None
        if names is not None:
            spec_arr = (POINTER(_lib.mtrk_contact_spec) * max(n, 1))()
            for i, nm in enumerate(names):
                if nm is not None:
                    if not isinstance(nm, str):
                        raise TypeError(f"names[{i}] must be a str or None, not {type(nm).__name__}")
                    sp = self._contact_spec(nm, None, None, None)
                    specs.append(sp)
                    spec_arr[i] = POINTER(_lib.mtrk_contact_spec)(sp)
        outs = [self._init(_lib.mtrk_contact_outcome, L.mtrk_contact_outcome_init) for _ in range(n)]
        out_ptrs = (POINTER(_lib.mtrk_contact_outcome) * max(n, 1))(
            *[POINTER(_lib.mtrk_contact_outcome)(o) for o in outs])
        created = c_size_t()
        results: List[ContactOutcome] = []
        with Use(self._h) as t:
            rc = L.mtrk_contact_add_batch(byref(created), out_ptrs, t, arr, spec_arr, n)
            if rc:
                self._raise(rc)
            # messages are borrowed until the tenant's next call: read them now
            for a, o in zip(addrs, outs):
                if o.status:
                    # the library's message, status name first, as for a single call
                    msg = cv.str_out(o.message) if o.message else cv.str_out(L.mtrk_strerror(o.status))
                    results.append(ContactOutcome(address=a, id=None, created=False,
                                                  error=error_for(o.status, msg)))
                else:
                    results.append(ContactOutcome(address=a, id=cv.id_out(o.id), created=bool(o.created)))
        return ContactBatch(created=created.value, outcomes=results)

    def find_audience(self, name: str) -> Optional[uuid.UUID]:
        """The id of the audience named `name`, or None. Names are not unique:
        AlreadyExists when several audiences have it (use the id)."""
        n = cv.str_in(name, "name")
        out = _lib.mtrk_id()
        with Use(self._h) as t:
            rc = self._L.mtrk_audience_find(byref(out), t, n)
            if rc == ENOTFOUND:
                return None
            if rc:
                self._raise(rc)
        return cv.id_out(out)

    def _contact_from(self, p: int) -> Contact:
        L = self._L
        fields: Dict[str, str] = {}
        k, v = c_char_p(), c_char_p()
        for i in range(L.mtrk_contact_field_count(p)):
            rc = L.mtrk_contact_field_at(byref(k), byref(v), p, i)
            if rc:
                cv.raise_for(rc)
            fields[cv.str_out(k.value)] = cv.str_out(v.value)
        return Contact(
            id=cv.id_out(L.mtrk_contact_id(p)),
            address=cv.opt_str_out(L.mtrk_contact_address(p)),
            name=cv.opt_str_out(L.mtrk_contact_name(p)),
            status=cv.enum_out(L.mtrk_contact_status_of(p), ContactStatus),
            created_at=cv.time_out(L.mtrk_contact_created_at(p)),
            consent_at=cv.opt_time_out(L.mtrk_contact_consent_at(p)),
            consent_source=cv.opt_str_out(L.mtrk_contact_consent_source(p)),
            consent_text_version=cv.opt_str_out(L.mtrk_contact_consent_text_version(p)),
            fields=fields)

    def _snapshot(self, getter, free, conv, *args: Any) -> Any:
        out = c_void_p()
        with Use(self._h) as t:
            rc = getter(byref(out), t, *args)
            if rc:
                self._raise(rc)
        try:
            return conv(out.value)
        finally:
            free(out.value)

    def get_contact(self, id: uuid.UUID) -> Contact:
        """The contact `id`. NotFound if unknown in this tenant."""
        cid = cv.id_in(id, "id")
        return self._snapshot(self._L.mtrk_contact_get, self._L.mtrk_contact_free, self._contact_from, cid)

    def find_contact(self, address: str) -> Optional[Contact]:
        """The contact with `address` (normalized first), or None."""
        a = cv.str_in(address, "address")
        try:
            return self._snapshot(self._L.mtrk_contact_find, self._L.mtrk_contact_free,
                                  self._contact_from, a)
        except Exception as exc:
            if getattr(exc, "code", None) == ENOTFOUND:
                return None
            raise

    def set_contact_field(self, id: uuid.UUID, key: str, value: Optional[str]) -> None:
        """Sets (value) or removes (None) a custom field."""
        cid = cv.id_in(id, "id")
        k = cv.str_in(key, "key")
        v = cv.opt_str_in(value, "value")
        self._call(lambda t: self._L.mtrk_contact_set_field(t, cid, k, v))

    def set_contact_name(self, id: uuid.UUID, name: Optional[str]) -> None:
        """Sets (or clears, None) the display name."""
        cid = cv.id_in(id, "id")
        n = cv.opt_str_in(name, "name")
        self._call(lambda t: self._L.mtrk_contact_set_name(t, cid, n))

    def set_contact_consent(self, id: uuid.UUID, *, consent_at: Optional[_dt.datetime] = None,
                            consent_source: Optional[str] = None,
                            consent_text_version: Optional[str] = None) -> None:
        """Records consent evidence."""
        cid = cv.id_in(id, "id")
        spec = self._contact_spec(None, consent_at, consent_source, consent_text_version)
        self._call(lambda t: self._L.mtrk_contact_set_consent(t, cid, byref(spec)))

    def set_contact_status(self, id: uuid.UUID, status: ContactStatus) -> None:
        """Sets the status explicitly (audited). InvalidState for an erased
        contact or for ERASED (use erase_contact)."""
        cid = cv.id_in(id, "id")
        s = cv.enum_in(status, ContactStatus, "status")
        self._call(lambda t: self._L.mtrk_contact_set_status(t, cid, s))

    def erase_contact(self, id: uuid.UUID) -> None:
        """Erases a contact's personal data (LGPD/GDPR); see contact.h. InvalidState if erased already."""
        cid = cv.id_in(id, "id")
        self._call(lambda t: self._L.mtrk_contact_erase(t, cid))

    def contacts(self) -> Iterator[Contact]:
        """The tenant's contacts in creation order (a generator paging through the store)."""
        L = self._L
        return self._snapshots(L.mtrk_contact_iter_new, (), L.mtrk_contact_iter_next,
                               L.mtrk_contact_iter_free, self._contact_from)

    def export_contact_json(self, id: uuid.UUID) -> str:
        """Everything held about a contact, as the library's JSON text."""
        cid = cv.id_in(id, "id")
        out = c_void_p()
        self._call(lambda t: self._L.mtrk_contact_export_json(byref(out), t, cid))
        try:
            return string_at(out.value).decode("utf-8")
        finally:
            self._L.mtrk_free(out.value)

    def export_contact(self, id: uuid.UUID) -> Any:
        """export_contact_json parsed with json."""
        return json.loads(self.export_contact_json(id))

    # ---- audiences ------------------------------------------------------------------
    def create_audience(self, name: str) -> uuid.UUID:
        """Creates an audience (names need not be unique)."""
        n = cv.str_in(name, "name")
        out = _lib.mtrk_id()
        self._call(lambda t: self._L.mtrk_audience_create(byref(out), t, n))
        return cv.id_out(out)

    def _audience_from(self, p: int) -> Audience:
        L = self._L
        return Audience(id=cv.id_out(L.mtrk_audience_id(p)), name=cv.str_out(L.mtrk_audience_name(p)),
                        created_at=cv.time_out(L.mtrk_audience_created_at(p)),
                        member_count=L.mtrk_audience_member_count(p))

    def get_audience(self, id: uuid.UUID) -> Audience:
        cid = cv.id_in(id, "id")
        return self._snapshot(self._L.mtrk_audience_get, self._L.mtrk_audience_free,
                              self._audience_from, cid)

    def rename_audience(self, id: uuid.UUID, name: str) -> None:
        cid = cv.id_in(id, "id")
        n = cv.str_in(name, "name")
        self._call(lambda t: self._L.mtrk_audience_rename(t, cid, n))

    def delete_audience(self, id: uuid.UUID) -> None:
        """Deletes an audience and its memberships. InvalidState while a
        campaign that is not final targets it."""
        cid = cv.id_in(id, "id")
        self._call(lambda t: self._L.mtrk_audience_delete(t, cid))

    def add_member(self, audience: uuid.UUID, contact: uuid.UUID) -> bool:
        """Adds a member; False if it already was one."""
        a, c = cv.id_in(audience, "audience"), cv.id_in(contact, "contact")
        added = c_int()
        self._call(lambda t: self._L.mtrk_audience_add(byref(added), t, a, c))
        return bool(added.value)

    def remove_member(self, audience: uuid.UUID, contact: uuid.UUID) -> bool:
        """Removes a member; False if it was not one."""
        a, c = cv.id_in(audience, "audience"), cv.id_in(contact, "contact")
        removed = c_int()
        self._call(lambda t: self._L.mtrk_audience_remove(byref(removed), t, a, c))
        return bool(removed.value)

    def add_members(self, audience: uuid.UUID, contacts: Iterable[uuid.UUID]) -> int:
        """Adds many contacts in one transaction; returns the new memberships.
        Any unknown contact fails the whole call (NotFound naming its index)."""
        a = cv.id_in(audience, "audience")
        arr, n = _ids_array(contacts, "contacts")
        added = c_size_t()
        self._call(lambda t: self._L.mtrk_audience_add_batch(byref(added), t, a, arr, n))
        return added.value

    def remove_members(self, audience: uuid.UUID, contacts: Iterable[uuid.UUID]) -> int:
        """Removes many contacts at once; returns the memberships removed."""
        a = cv.id_in(audience, "audience")
        arr, n = _ids_array(contacts, "contacts")
        removed = c_size_t()
        self._call(lambda t: self._L.mtrk_audience_remove_batch(byref(removed), t, a, arr, n))
        return removed.value

    def audience_count(self, audience: uuid.UUID) -> int:
        """The number of members."""
        a = cv.id_in(audience, "audience")
        n = c_uint64()
        self._call(lambda t: self._L.mtrk_audience_count(byref(n), t, a))
        return n.value

    def audiences(self) -> Iterator[Audience]:
        """The tenant's audiences in id order."""
        L = self._L
        return self._snapshots(L.mtrk_audience_iter_new, (), L.mtrk_audience_iter_next,
                               L.mtrk_audience_iter_free, self._audience_from)

    def members(self, audience: uuid.UUID) -> Iterator[uuid.UUID]:
        """An audience's member contact ids in contact-id order."""
        L = self._L
        a = cv.id_in(audience, "audience")
        out = _lib.mtrk_id()
        return self._structs(L.mtrk_member_iter_new, (a,), L.mtrk_member_iter_next,
                             L.mtrk_member_iter_free, out, lambda o, _p: cv.id_out(o))

    # ---- unsubscribes ----------------------------------------------------------------
    def unsubscribe(self, contact: uuid.UUID, scope: UnsubScope = UnsubScope.GLOBAL,
                    scope_id: Optional[uuid.UUID] = None, source: Source = Source.MANUAL) -> bool:
        """Adds an unsubscribe rule (audited); scope_id is the campaign or the
        audience (None for GLOBAL). Returns False if the rule existed."""
        c = cv.id_in(contact, "contact")
        s = cv.enum_in(scope, UnsubScope, "scope")
        sid = cv.opt_id_in(scope_id, "scope_id")
        src = cv.enum_in(source, Source, "source")
        created = c_int()
        self._call(lambda t: self._L.mtrk_unsub_add(byref(created), t, c, s, sid, src))
        return bool(created.value)

    def resubscribe(self, contact: uuid.UUID, scope: UnsubScope = UnsubScope.GLOBAL,
                    scope_id: Optional[uuid.UUID] = None) -> None:
        """Removes an unsubscribe rule (audited). NotFound if there is none."""
        c = cv.id_in(contact, "contact")
        s = cv.enum_in(scope, UnsubScope, "scope")
        sid = cv.opt_id_in(scope_id, "scope_id")
        self._call(lambda t: self._L.mtrk_unsub_remove(t, c, s, sid))

    def _unsub_from(self, p: int) -> Unsubscribe:
        L = self._L
        return Unsubscribe(contact=cv.id_out(L.mtrk_unsub_contact(p)),
                           scope=cv.enum_out(L.mtrk_unsub_scope_of(p), UnsubScope),
                           scope_id=cv.opt_id_out(L.mtrk_unsub_scope_id(p)),
                           source=cv.enum_out(L.mtrk_unsub_source(p), Source),
                           created_at=cv.time_out(L.mtrk_unsub_created_at(p)),
                           event_id=cv.opt_id_out(L.mtrk_unsub_event_id(p)))

    def unsubscribes(self, contact: uuid.UUID) -> Iterator[Unsubscribe]:
        """A contact's unsubscribe rules in (scope, scope id) order."""
        L = self._L
        c = cv.id_in(contact, "contact")
        return self._snapshots(L.mtrk_unsub_iter_new, (c,), L.mtrk_unsub_iter_next,
                               L.mtrk_unsub_iter_free, self._unsub_from)

    # ---- suppressions ----------------------------------------------------------------
    def suppress(self, kind: SuppressionKind, value: str, reason: str = "manual") -> bool:
        """Suppresses an address or a domain (audited). False if it already was."""
        k = cv.enum_in(kind, SuppressionKind, "kind")
        v = cv.str_in(value, "value")
        r = cv.str_in(reason, "reason")
        created = c_int()
        self._call(lambda t: self._L.mtrk_suppression_add(byref(created), t, k, v, r))
        return bool(created.value)

    def unsuppress(self, kind: SuppressionKind, value: str) -> None:
        """Removes a suppression (audited). NotFound if nothing was suppressed."""
        k = cv.enum_in(kind, SuppressionKind, "kind")
        v = cv.str_in(value, "value")
        self._call(lambda t: self._L.mtrk_suppression_remove(t, k, v))

    def check_suppression(self, address: str) -> Optional[SuppressionKind]:
        """None if `address` may be mailed, else the kind of entry that blocks it."""
        a = cv.str_in(address, "address")
        out = c_int()
        self._call(lambda t: self._L.mtrk_suppression_check(byref(out), t, a))
        return None if out.value == 0 else cv.enum_out(out.value, SuppressionKind)

    def _suppression_from(self, p: int) -> Suppression:
        L = self._L
        return Suppression(kind=cv.enum_out(L.mtrk_suppression_kind_of(p), SuppressionKind),
                           value=cv.str_out(L.mtrk_suppression_value(p)),
                           reason=cv.str_out(L.mtrk_suppression_reason(p)),
                           created_at=cv.time_out(L.mtrk_suppression_created_at(p)))

    def suppressions(self) -> Iterator[Suppression]:
        """The tenant's suppressions by kind and value."""
        L = self._L
        return self._snapshots(L.mtrk_suppression_iter_new, (), L.mtrk_suppression_iter_next,
                               L.mtrk_suppression_iter_free, self._suppression_from)

    # ---- audit, retention ------------------------------------------------------------
    def _audit_from(self, p: int) -> AuditEntry:
        L = self._L
        return AuditEntry(at=cv.time_out(L.mtrk_audit_at(p)), actor=cv.str_out(L.mtrk_audit_actor(p)),
                          action=cv.str_out(L.mtrk_audit_action(p)),
                          entity=cv.opt_id_out(L.mtrk_audit_entity(p)),
                          detail=cv.str_out(L.mtrk_audit_detail(p)))

    def audit_log(self) -> Iterator[AuditEntry]:
        """The tenant's audit log in time order."""
        L = self._L
        return self._snapshots(L.mtrk_audit_iter_new, (), L.mtrk_audit_iter_next,
                               L.mtrk_audit_iter_free, self._audit_from)

    def apply_retention(self) -> int:
        """Scrubs IPs and user agents of events older than the retention
        period; returns the number of events changed."""
        n = c_uint64()
        self._call(lambda t: self._L.mtrk_retention_apply(byref(n), t))
        return n.value
