"""Campaigns, links, message generation, messages, the send queue, landing
pages and leads (include/mtrk/campaign.h), as methods of Tenant."""
from __future__ import annotations

import dataclasses
import datetime as _dt
import uuid
from ctypes import byref, c_char_p, c_int, c_size_t
from typing import TYPE_CHECKING, Any, Iterator, List, Mapping, Optional

from . import _convert as cv
from . import _lib
from ._handle import Use
from .errors import ENOTFOUND
from .types import (Attribution, Campaign, CampaignSpec, CampaignStatus, ClaimResult, Exclusion,
                    GenerateReport, Lead, LeadCapture, Link, LinkOrigin, Message, MessageState, _fields_from_json)

if TYPE_CHECKING:
    from .tenant import TenantBase as _Base
else:
    _Base = object

_UINT32 = 0xFFFFFFFF


def _spec(spec: Optional[CampaignSpec], kwargs: Mapping[str, Any]) -> CampaignSpec:
    if spec is None:
        try:
            return CampaignSpec(**kwargs)
        except TypeError as exc:
            raise TypeError(f"campaign spec: {exc}") from None
    if not isinstance(spec, CampaignSpec):
        raise TypeError(f"spec must be a CampaignSpec, not {type(spec).__name__}")
    return dataclasses.replace(spec, **kwargs) if kwargs else spec


def message_from(m: _lib.mtrk_message_info) -> Message:
    """A Message from a filled mtrk_message_info."""
    t = cv.opt_time_out
    return Message(
        mid=cv.id_out(m.mid), campaign=cv.id_out(m.campaign), contact=cv.id_out(m.contact),
        state=cv.enum_out(m.state, MessageState), cancel_reason=cv.enum_out(m.cancel_reason, Exclusion),
        created_at=cv.time_out(m.created_at), lease_until=t(m.lease_until), sent_at=t(m.sent_at),
        delivered_at=t(m.delivered_at), bounced_at=t(m.bounced_at), first_open_at=t(m.first_open_at),
        first_click_at=t(m.first_click_at), first_complaint_at=t(m.first_complaint_at),
        first_unsub_at=t(m.first_unsub_at), opens=m.opens, clicks=m.clicks,
        soft_bounces=m.soft_bounces, delivered=bool(m.delivered))


def lead_from(x: _lib.mtrk_lead_info) -> Lead:
    return Lead(id=cv.id_out(x.id), landing_page=cv.id_out(x.landing_page), campaign=cv.id_out(x.campaign),
                mid=cv.opt_id_out(x.mid), contact=cv.id_out(x.contact), recipient=cv.opt_id_out(x.recipient),
                attribution=cv.enum_out(x.attribution, Attribution), forwarded=bool(x.forwarded),
                captured_at=cv.time_out(x.captured_at), lead_key=cv.str_out(x.lead_key),
                address=cv.opt_str_out(x.address), fields=_fields_from_json(cv.opt_str_out(x.fields_json)))


class CampaignsMixin(_Base):
    # ---- campaigns ------------------------------------------------------------------
    def _campaign_struct(self, spec: CampaignSpec) -> Any:
        s = self._init(_lib.mtrk_campaign_spec, self._L.mtrk_campaign_spec_init)
        s.name = cv.str_in(spec.name, "name")
        s.subject = cv.str_in(spec.subject, "subject")
        s.from_address = cv.str_in(spec.from_address, "from_address")
        s.objective = cv.opt_str_in(spec.objective, "objective")
        s.from_name = cv.opt_str_in(spec.from_name, "from_name")
        s.reply_to = cv.opt_str_in(spec.reply_to, "reply_to")
        s.html = cv.opt_str_in(spec.html, "html")
        s.text = cv.opt_str_in(spec.text, "text")
        s.starts_at = cv.opt_time_in(spec.starts_at, "starts_at")
        s.ends_at = cv.opt_time_in(spec.ends_at, "ends_at")
        return s

    def create_campaign(self, spec: Optional[CampaignSpec] = None, **fields: Any) -> uuid.UUID:
        """Creates a campaign in draft from a CampaignSpec or its fields as
        keyword arguments (name, subject, from_address, text/html, ...)."""
        s = self._campaign_struct(_spec(spec, fields))
        out = _lib.mtrk_id()
        self._call(lambda t: self._L.mtrk_campaign_create(byref(out), t, byref(s)))
        return cv.id_out(out)

    def edit_campaign(self, id: uuid.UUID, spec: Optional[CampaignSpec] = None, **fields: Any) -> None:
        """Replaces what the campaign says (only in draft: InvalidState otherwise)."""
        cid = cv.id_in(id, "id")
        s = self._campaign_struct(_spec(spec, fields))
        self._call(lambda t: self._L.mtrk_campaign_edit(t, cid, byref(s)))

    def _campaign_from(self, p: int) -> Campaign:
        L = self._L
        o = cv.opt_str_out
        return Campaign(
            id=cv.id_out(L.mtrk_campaign_id(p)), name=cv.str_out(L.mtrk_campaign_name(p)),
            objective=o(L.mtrk_campaign_objective(p)), subject=cv.str_out(L.mtrk_campaign_subject(p)),
            from_name=o(L.mtrk_campaign_from_name(p)), from_address=cv.str_out(L.mtrk_campaign_from_address(p)),
            reply_to=o(L.mtrk_campaign_reply_to(p)), html=o(L.mtrk_campaign_html(p)),
            text=o(L.mtrk_campaign_text(p)), starts_at=cv.opt_time_out(L.mtrk_campaign_starts_at(p)),
            ends_at=cv.opt_time_out(L.mtrk_campaign_ends_at(p)),
            status=cv.enum_out(L.mtrk_campaign_status_of(p), CampaignStatus),
            created_at=cv.time_out(L.mtrk_campaign_created_at(p)))

    def get_campaign(self, id: uuid.UUID) -> Campaign:
        cid = cv.id_in(id, "id")
        return self._snapshot(self._L.mtrk_campaign_get, self._L.mtrk_campaign_free,
                              self._campaign_from, cid)

    def set_campaign_status(self, id: uuid.UUID, status: CampaignStatus) -> None:
        """Moves a campaign to `status` (audited); InvalidState for a transition
        the state machine refuses."""
        cid = cv.id_in(id, "id")
        s = cv.enum_in(status, CampaignStatus, "status")
        self._call(lambda t: self._L.mtrk_campaign_set_status(t, cid, s))

    def attach_audience(self, campaign: uuid.UUID, audience: uuid.UUID) -> bool:
        """Attaches an audience; False if it already was."""
        c, a = cv.id_in(campaign, "campaign"), cv.id_in(audience, "audience")
        out = c_int()
        self._call(lambda t: self._L.mtrk_campaign_attach_audience(byref(out), t, c, a))
        return bool(out.value)

    def detach_audience(self, campaign: uuid.UUID, audience: uuid.UUID) -> None:
        """Detaches an audience; NotFound if it was not attached."""
        c, a = cv.id_in(campaign, "campaign"), cv.id_in(audience, "audience")
        self._call(lambda t: self._L.mtrk_campaign_detach_audience(t, c, a))

    def campaign_audiences(self, campaign: uuid.UUID) -> List[uuid.UUID]:
        """The attached audience ids in id order."""
        c = cv.id_in(campaign, "campaign")
        n = c_size_t()
        cap = 8
        while True:
            arr = (_lib.mtrk_id * cap)()
            self._call(lambda t: self._L.mtrk_campaign_audiences(arr, cap, byref(n), t, c))
            if n.value <= cap:
                return [cv.id_out(arr[i]) for i in range(n.value)]
            cap = n.value

    def campaigns(self) -> Iterator[Campaign]:
        """The tenant's campaigns in creation order."""
        L = self._L
        return self._snapshots(L.mtrk_campaign_iter_new, (), L.mtrk_campaign_iter_next,
                               L.mtrk_campaign_iter_free, self._campaign_from)

    # ---- links -----------------------------------------------------------------------
    def add_link(self, campaign: uuid.UUID, url: str, label: str, position: int) -> uuid.UUID:
        """Catalogues a trackable link (only in draft). Returns its lid."""
        c = cv.id_in(campaign, "campaign")
        u, lb = cv.str_in(url, "url"), cv.str_in(label, "label")
        pos = cv.int_in(position, "position", 0, _UINT32)
        out = _lib.mtrk_id()
        self._call(lambda t: self._L.mtrk_link_add(byref(out), t, c, u, lb, pos))
        return cv.id_out(out)

    def _link_from(self, p: int) -> Link:
        L = self._L
        return Link(id=cv.id_out(L.mtrk_link_id(p)), campaign=cv.id_out(L.mtrk_link_campaign(p)),
                    url=cv.str_out(L.mtrk_link_url(p)), label=cv.str_out(L.mtrk_link_label(p)),
                    position=L.mtrk_link_position(p),
                    origin=cv.enum_out(L.mtrk_link_origin_of(p), LinkOrigin))

    def find_campaign(self, name: str) -> Optional[uuid.UUID]:
        """The id of the campaign named `name`, or None. Names are not unique:
        AlreadyExists when several campaigns have it (use the id)."""
        n = cv.str_in(name, "name")
        out = _lib.mtrk_id()
        with Use(self._h) as t:
            rc = self._L.mtrk_campaign_find(byref(out), t, n)
            if rc == ENOTFOUND:
                return None
            if rc:
                self._raise(rc)
        return cv.id_out(out)

    def find_link(self, campaign: uuid.UUID, label: str) -> Optional[uuid.UUID]:
        """The lid of `campaign`'s link labelled `label`, or None (also for an
        unknown campaign). AlreadyExists when several links have the label."""
        c = cv.id_in(campaign, "campaign")
        lb = cv.str_in(label, "label")
        out = _lib.mtrk_id()
        with Use(self._h) as t:
            rc = self._L.mtrk_link_find(byref(out), t, c, lb)
            if rc == ENOTFOUND:
                return None
            if rc:
                self._raise(rc)
        return cv.id_out(out)

    def get_link(self, lid: uuid.UUID) -> Link:
        cid = cv.id_in(lid, "lid")
        return self._snapshot(self._L.mtrk_link_get, self._L.mtrk_link_free, self._link_from, cid)

    def links(self, campaign: uuid.UUID) -> Iterator[Link]:
        """A campaign's links by position."""
        L = self._L
        c = cv.id_in(campaign, "campaign")
        return self._snapshots(L.mtrk_link_iter_new, (c,), L.mtrk_link_iter_next,
                               L.mtrk_link_iter_free, self._link_from)

    # ---- generation ------------------------------------------------------------------
    def generate(self, campaign: uuid.UUID) -> GenerateReport:
        """Generates the campaign's messages (idempotent) and reports who was
        excluded and why."""
        c = cv.id_in(campaign, "campaign")
        r = self._init(_lib.mtrk_generate_report, self._L.mtrk_generate_report_init)
        self._call(lambda t: self._L.mtrk_campaign_generate(byref(r), t, c))
        return GenerateReport(eligible=r.eligible, created=r.created, already_present=r.already_present,
                              excluded_total=r.excluded_total,
                              excluded={Exclusion(i): r.excluded[i] for i in range(1, _lib.GENERATE_REPORT_NEXCLUDED)})

    def check_contact(self, campaign: uuid.UUID, contact: uuid.UUID) -> Exclusion:
        """Exclusion.NONE if `contact` may receive `campaign`, else the first reason."""
        c, ct = cv.id_in(campaign, "campaign"), cv.id_in(contact, "contact")
        out = c_int()
        self._call(lambda t: self._L.mtrk_campaign_check_contact(byref(out), t, c, ct))
        return cv.enum_out(out.value, Exclusion)

    # ---- messages --------------------------------------------------------------------
    def _message_struct(self) -> _lib.mtrk_message_info:
        return self._init(_lib.mtrk_message_info, self._L.mtrk_message_info_init)

    def get_message(self, mid: uuid.UUID) -> Message:
        """The message `mid`. NotFound if unknown."""
        m = cv.id_in(mid, "mid")
        out = self._message_struct()
        self._call(lambda t: self._L.mtrk_message_get(byref(out), t, m))
        return message_from(out)

    def find_message(self, campaign: uuid.UUID, contact: "uuid.UUID | str") -> Optional[Message]:
        """The message of (campaign, contact), or None if not generated.
        `contact` is a contact id or an address (normalized first; None if no
        contact has it; InvalidAddress if it is not an address)."""
        if isinstance(contact, str):
            found = self.find_contact(contact)  # type: ignore[attr-defined]
            if found is None:
                cv.id_in(campaign, "campaign")
                return None
            contact = found.id
        c, ct = cv.id_in(campaign, "campaign"), cv.id_in(contact, "contact")
        out = self._message_struct()
        with Use(self._h) as t:
            rc = self._L.mtrk_message_find(byref(out), t, c, ct)
            if rc == ENOTFOUND:
                return None
            if rc:
                self._raise(rc)
        return message_from(out)

    def messages(self, campaign: uuid.UUID) -> Iterator[Message]:
        """A campaign's messages in mid order (a generator: one message at a time)."""
        L = self._L
        c = cv.id_in(campaign, "campaign")
        return self._structs(L.mtrk_message_iter_new, (c,), L.mtrk_message_iter_next,
                             L.mtrk_message_iter_free, self._message_struct(),
                             lambda o, _p: message_from(o))

    # ---- send queue ------------------------------------------------------------------
    def claim(self, campaign: uuid.UUID, cap: int, lease: "_dt.timedelta | int") -> ClaimResult:
        """Claims up to `cap` messages of a sending campaign for `lease`
        (a timedelta or milliseconds > 0)."""
        c = cv.id_in(campaign, "campaign")
        n_cap = cv.int_in(cap, "cap", 1, _lib.MAX_BATCH)
        lease_ms = cv.duration_ms_in(lease, "lease")
        arr = (_lib.mtrk_id * n_cap)()
        n, canceled = c_size_t(), c_size_t()
        self._call(lambda t: self._L.mtrk_queue_claim(arr, byref(n), byref(canceled), t, c, n_cap, lease_ms))
        return ClaimResult(mids=[cv.id_out(arr[i]) for i in range(n.value)], canceled=canceled.value)

    def mark_sent(self, mid: uuid.UUID, sent_at: Optional[_dt.datetime] = None,
                  provider: Optional[str] = None, provider_message_id: Optional[str] = None) -> None:
        """Marks a claimed message sent (records a "sent" event; sent_at None: now)."""
        m = cv.id_in(mid, "mid")
        at = cv.opt_time_in(sent_at, "sent_at")
        p = cv.opt_str_in(provider, "provider")
        pm = cv.opt_str_in(provider_message_id, "provider_message_id")
        self._call(lambda t: self._L.mtrk_queue_mark_sent(t, m, at, p, pm))

    def release(self, mid: uuid.UUID) -> None:
        """Returns a claimed message to the queue."""
        m = cv.id_in(mid, "mid")
        self._call(lambda t: self._L.mtrk_queue_release(t, m))

    # ---- landing pages and leads ---------------------------------------------------------
    def create_landing_page(self, campaign: uuid.UUID, name: str, url: str) -> uuid.UUID:
        """Creates the campaign's landing page (one per campaign: AlreadyExists)."""
        c = cv.id_in(campaign, "campaign")
        n, u = cv.str_in(name, "name"), cv.str_in(url, "url")
        out = _lib.mtrk_id()
        self._call(lambda t: self._L.mtrk_landing_page_create(byref(out), t, c, n, u))
        return cv.id_out(out)

    def find_landing_page(self, campaign: uuid.UUID) -> Optional[uuid.UUID]:
        """The campaign's landing page, or None."""
        c = cv.id_in(campaign, "campaign")
        out = _lib.mtrk_id()
        with Use(self._h) as t:
            rc = self._L.mtrk_landing_page_find(byref(out), t, c)
            if rc == ENOTFOUND:
                return None
            if rc:
                self._raise(rc)
        return cv.id_out(out)

    def capture_lead(self, landing_page: uuid.UUID, lead_key: str, address: str, *,
                     mid: Optional[uuid.UUID] = None, rid: Optional[uuid.UUID] = None,
                     fields: Optional[Mapping[str, str]] = None,
                     captured_at: Optional[_dt.datetime] = None) -> LeadCapture:
        """Captures a lead with attribution; idempotent by `lead_key` (a repeat
        returns duplicate=True and changes nothing)."""
        L = self._L
        inp = self._init(_lib.mtrk_lead_input, L.mtrk_lead_input_init)
        inp.landing_page = cv.id_in(landing_page, "landing_page")
        inp.lead_key = cv.str_in(lead_key, "lead_key")
        inp.address = cv.str_in(address, "address")
        inp.mid = cv.opt_id_in(mid, "mid")
        inp.rid = cv.opt_id_in(rid, "rid")
        inp.captured_at = cv.opt_time_in(captured_at, "captured_at")
        keep: List[Any] = []
        if fields is not None:
            if not isinstance(fields, Mapping):
                raise TypeError(f"fields must be a mapping of str to str, not {type(fields).__name__}")
            n = len(fields)
            keys = (c_char_p * max(n, 1))()
            values = (c_char_p * max(n, 1))()
            for i, (k, v) in enumerate(fields.items()):
                keys[i] = cv.str_in(k, f"fields key {i}")
                values[i] = cv.str_in(v, f"fields[{k!r}]")
            keep += [keys, values]
            inp.field_keys = keys
            inp.field_values = values
            inp.nfields = n
        out = self._init(_lib.mtrk_lead_info, L.mtrk_lead_info_init)
        dup = c_int()
        with Use(self._h) as t:
            rc = L.mtrk_lead_capture(byref(out), byref(dup), t, byref(inp))
            if rc:
                self._raise(rc)
            lead = lead_from(out)  # strings borrowed until the tenant's next call
        return LeadCapture(lead=lead, duplicate=bool(dup.value))

    def leads(self, campaign: uuid.UUID) -> Iterator[Lead]:
        """The leads attributed to a campaign in capture order."""
        L = self._L
        c = cv.id_in(campaign, "campaign")
        out = self._init(_lib.mtrk_lead_info, L.mtrk_lead_info_init)
        return self._structs(L.mtrk_lead_iter_new, (c,), L.mtrk_lead_iter_next, L.mtrk_lead_iter_free,
                             out, lambda o, _p: lead_from(o))
