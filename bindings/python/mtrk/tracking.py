"""Tracking (include/mtrk/tracking.h): signing keys, signed tracking URLs,
rendering a message for its recipient, resolving the hits a tracking
endpoint receives, machine-activity rules, and HTML link rewriting."""
from __future__ import annotations

import ctypes
import datetime as _dt
import traceback
import uuid
from ctypes import (POINTER, byref, c_size_t, c_uint32, c_void_p, create_string_buffer,
                    string_at)
from typing import TYPE_CHECKING, Any, Callable, List, Optional, Union

from . import _convert as cv
from . import _lib
from ._handle import Use, callback_scope
from .types import (ApiTokenInfo, Apply, ClassifyInput, ClassifyRule, ClassifyRules, HtmlLink, KeyInfo, MachineClass,
                    MachineRule, Rendered, RewriteResult, TrackAction, TrackResult, UrlKind, Verdict)

if TYPE_CHECKING:
    from .tenant import TenantBase as _Base
else:
    _Base = object

#: A host classifier: returns a MachineClass (its decision) or None (keep the built-in one).
Classifier = Callable[[ClassifyInput], Optional[MachineClass]]
#: An html_rewrite callback: returns the replacement URL of a link, or None to keep it.
LinkReplacer = Callable[[HtmlLink], Optional[str]]


# ---- pure functions (no handle) ---------------------------------------------------------
def track_path_tenant(path: str) -> str:
    """The tenant key named by a tracking path ("/any/prefix/c/{tenant}/{token}"),
    so an endpoint knows which tenant to open. SignatureError if the path is
    not shaped like a tracking URL."""
    L = _lib.lib()
    p = cv.str_in(path, "path")
    buf = create_string_buffer(_lib.MAX_TENANT_KEY + 1)
    rc = L.mtrk_track_path_tenant(buf, len(buf), p)
    if rc:
        cv.raise_for(rc)
    return buf.value.decode("ascii")


def track_pixel() -> bytes:
    """The 1x1 transparent GIF to answer an open with."""
    L = _lib.lib()
    n = c_size_t()
    ptr = L.mtrk_track_pixel(byref(n))
    return string_at(ptr, n.value)


def _rules_from(r: _lib.mtrk_classify_rules) -> ClassifyRules:
    def rules(arr: Any, n: int) -> List[ClassifyRule]:
        # Elements are r.rule_size octets apart (the library's sizeof), which
        # may exceed this binding's mtrk_classify_rule: read its members only.
        base = ctypes.cast(arr, c_void_p).value if n else 0
        out = []
        for i in range(n):
            x = _lib.mtrk_classify_rule.from_address(base + i * r.rule_size)
            out.append(ClassifyRule(match=cv.str_out(x.match), machine_class=cv.enum_out(x.machine_class, MachineClass),
                                    applies=Apply(x.applies)))
        return out
    return ClassifyRules(user_agents=rules(r.user_agents, r.n_user_agents), networks=rules(r.networks, r.n_networks),
                         honeypot=bool(r.honeypot), burst_window=_dt.timedelta(milliseconds=r.burst_window_ms),
                         burst_links=r.burst_links, delivery_window=_dt.timedelta(milliseconds=r.delivery_window_ms))


def default_classify_rules() -> ClassifyRules:
    """The library's built-in machine-activity rules (documented lists and windows)."""
    return _rules_from(_lib.lib().mtrk_classify_rules_default().contents)


def _rules_struct(rules: ClassifyRules, keep: List[Any]) -> _lib.mtrk_classify_rules:
    L = _lib.lib()
    if not isinstance(rules, ClassifyRules):
        raise TypeError(f"rules must be a ClassifyRules, not {type(rules).__name__}")
    s = _lib.mtrk_classify_rules()
    rc = L.mtrk_classify_rules_init(byref(s), _lib.mtrk_classify_rules.VERSION)
    if rc:
        cv.raise_for(rc)
    s.rule_size = ctypes.sizeof(_lib.mtrk_classify_rule)  # this binding's element, whatever the library's

    def array(items: List[ClassifyRule], name: str) -> Any:
        if isinstance(items, (str, bytes)) or not hasattr(items, "__len__"):
            raise TypeError(f"rules.{name} must be a list of ClassifyRule")
        arr = (_lib.mtrk_classify_rule * max(len(items), 1))()
        for i, r in enumerate(items):
            if not isinstance(r, ClassifyRule):
                raise TypeError(f"rules.{name}[{i}] must be a ClassifyRule, not {type(r).__name__}")
            b = cv.str_in(r.match, f"rules.{name}[{i}].match")
            keep.append(b)
            arr[i].match = b
            arr[i].machine_class = cv.enum_in(r.machine_class, MachineClass, f"rules.{name}[{i}].machine_class")
            arr[i].applies = cv.int_in(int(r.applies) if isinstance(r.applies, Apply) else r.applies,
                                       f"rules.{name}[{i}].applies", 0, 0xFFFFFFFF)
        keep.append(arr)
        return arr, len(items)

    s.user_agents, s.n_user_agents = array(rules.user_agents, "user_agents")
    s.networks, s.n_networks = array(rules.networks, "networks")
    s.honeypot = 1 if cv.bool_in(rules.honeypot, "rules.honeypot") else 0
    s.burst_window_ms = cv.duration_ms_in(rules.burst_window, "rules.burst_window")
    s.burst_links = cv.int_in(rules.burst_links, "rules.burst_links", 0, 0xFFFFFFFF)
    s.delivery_window_ms = cv.duration_ms_in(rules.delivery_window, "rules.delivery_window")
    return s


def html_rewrite(html: str, replace: Optional[LinkReplacer] = None) -> RewriteResult:
    """Parses `html` (HTML5) and returns its tracked links in document order,
    and a copy of the HTML in which the href of each link for which
    `replace(link)` returned a URL is replaced (only those bytes differ).
    An exception raised by `replace` stops the rewrite and is re-raised."""
    L = _lib.lib()
    src = cv.str_in(html, "html")
    if replace is not None and not callable(replace):
        raise TypeError(f"replace must be callable, not {type(replace).__name__}")
    links: List[HtmlLink] = []
    keep: List[bytes] = []
    failure: List[BaseException] = []

    def _cb(_ud: Optional[int], lp: Any, repl: Any) -> int:
        try:
            x = lp.contents
            link = HtmlLink(index=x.index, value_offset=x.value_offset, value_len=x.value_len,
                            url=cv.str_out(x.url), label=cv.opt_str_out(x.label), honeypot=bool(x.honeypot))
            links.append(link)
            if replace is not None:
                with callback_scope():
                    new = replace(link)
                if new is not None:
                    b = cv.str_in(new, "replacement")
                    keep.append(b)
                    repl[0] = b
            return 0
        except BaseException as exc:  # cannot raise through C: stop, re-raise below
            failure.append(exc)
            return 1

    fn = _lib.HTML_LINK_FN(_cb)
    out = c_void_p()
    n = c_size_t()
    rc = L.mtrk_html_rewrite(byref(out), byref(n), src, len(src), fn, None)
    try:
        if failure:
            raise failure[0]
        if rc:
            cv.raise_for(rc)
        text = string_at(out.value, n.value).decode("utf-8", "surrogateescape") if out.value else html
    finally:
        if out.value:
            L.mtrk_free(out.value)
    return RewriteResult(html=text, links=links)


def _classify_input_from(x: _lib.mtrk_classify_input) -> ClassifyInput:
    return ClassifyInput(kind=cv.enum_out(x.kind, UrlKind), mid=cv.id_out(x.mid), lid=cv.opt_id_out(x.lid),
                         user_agent=cv.opt_str_out(x.user_agent), ip=cv.opt_str_out(x.ip), at=cv.time_out(x.at),
                         delivered_at=cv.opt_time_out(x.delivered_at), sent_at=cv.opt_time_out(x.sent_at),
                         builtin_class=cv.enum_out(x.builtin_class, MachineClass),
                         builtin_rule=cv.enum_out(x.builtin_rule, MachineRule))


def _track_result(res: _lib.mtrk_track_result) -> TrackResult:
    """A TrackResult from the C struct (its redirect_url read now: it is
    borrowed until the tenant's next call)."""
    return TrackResult(
        action=cv.enum_out(res.action, TrackAction), kind=cv.enum_out(res.kind, UrlKind),
        mid=cv.opt_id_out(res.mid), lid=cv.opt_id_out(res.lid), campaign=cv.opt_id_out(res.campaign),
        rid=cv.opt_id_out(res.rid), landing_page=cv.opt_id_out(res.landing_page),
        redirect_url=cv.opt_str_out(res.redirect_url), recorded=bool(res.recorded),
        event_id=cv.opt_id_out(res.event_id), verdict=cv.enum_out(res.verdict, Verdict),
        machine_class=cv.enum_out(res.machine_class, MachineClass), rule=cv.enum_out(res.rule, MachineRule),
        withheld=bool(res.withheld))


class TrackingMixin(_Base):
    # ---- signing keys ----------------------------------------------------------------------
    def rotate_key(self) -> int:
        """Makes a new signing key (audited); earlier keys still verify until
        retired. Returns the new key's id."""
        out = c_uint32()
        self._call(lambda t: self._L.mtrk_tenant_rotate_key(byref(out), t))
        return out.value

    def retire_key(self, key_id: int) -> None:
        """Retires a key: URLs it signed are refused from then on (SignatureError).
        NotFound for an unknown id, InvalidState for the current key."""
        k = cv.int_in(key_id, "key_id", 0, 0xFFFFFFFF)
        self._call(lambda t: self._L.mtrk_tenant_retire_key(t, k))

    def signing_keys(self) -> List[KeyInfo]:
        """The tenant's signing keys by id."""
        L = self._L
        count = c_size_t()
        cap = 4
        while True:
            outs = [self._init(_lib.mtrk_key_info, L.mtrk_key_info_init) for _ in range(cap)]
            ptrs = (POINTER(_lib.mtrk_key_info) * cap)(*[POINTER(_lib.mtrk_key_info)(k) for k in outs])
            self._call(lambda t: L.mtrk_tenant_signing_keys(ptrs, cap, byref(count), t))
            if count.value <= cap:
                return [KeyInfo(key_id=k.key_id, created_at=cv.time_out(k.created_at),
                                retired_at=cv.opt_time_out(k.retired_at), current=bool(k.current))
                        for k in outs[:count.value]]
            cap = count.value

    # ---- API bearer tokens (apitoken.h) -------------------------------------------------------
    def create_api_token(self, label: str) -> "tuple[uuid.UUID, str]":
        """Creates an API bearer token of the tenant (audited, without the
        secret); returns (id, token). The token is handed out this once: the
        store keeps its hash only."""
        lab = cv.str_in(label, "label")
        buf = create_string_buffer(_lib.MTRK_API_TOKEN_SIZE)
        out = _lib.mtrk_id()
        self._call(lambda t: self._L.mtrk_api_token_create(buf, len(buf), byref(out), t, lab))
        try:
            return cv.id_out(out), buf.value.decode("ascii")
        finally:
            ctypes.memset(buf, 0, len(buf))

    def revoke_api_token(self, token_id: uuid.UUID) -> None:
        """Revokes the tenant's token `token_id` (NotFound for an unknown id or
        another tenant's); revoking twice keeps the first time."""
        i = cv.id_in(token_id, "token_id")
        self._call(lambda t: self._L.mtrk_api_token_revoke(t, i))

    def api_tokens(self) -> List[ApiTokenInfo]:
        """The tenant's API tokens, revoked ones included, in order of creation."""
        L = self._L
        count = c_size_t()
        cap = 8
        while True:
            outs = [self._init(_lib.mtrk_api_token_info, L.mtrk_api_token_info_init) for _ in range(cap)]
            ptrs = (POINTER(_lib.mtrk_api_token_info) * cap)(*[POINTER(_lib.mtrk_api_token_info)(k) for k in outs])
            self._call(lambda t: L.mtrk_api_token_list(ptrs, cap, byref(count), t))
            if count.value <= cap:
                return [ApiTokenInfo(id=cv.id_out(k.id), label=k.label.decode("utf-8"),
                                     created_at=cv.time_out(k.created_at),
                                     revoked_at=cv.opt_time_out(k.revoked_at)) for k in outs[:count.value]]
            cap = count.value

    # ---- URLs and rendering ------------------------------------------------------------------
    def track_url(self, kind: UrlKind, mid: uuid.UUID, lid: Optional[uuid.UUID] = None) -> str:
        """The signed URL of `kind` for message `mid` (`lid` for CLICK), built on
        the tenant's tracking_base_url (InvalidState when it is unset)."""
        k = cv.enum_in(kind, UrlKind, "kind")
        m = cv.id_in(mid, "mid")
        li = cv.opt_id_in(lid, "lid")
        out = c_void_p()
        self._call(lambda t: self._L.mtrk_track_url(byref(out), t, k, m, li))
        try:
            return string_at(out.value).decode("utf-8")
        finally:
            self._L.mtrk_free(out.value)

    def landing_page_url(self, campaign: uuid.UUID) -> str:
        """The URL of the campaign's landing page (NotFound when it has none)."""
        c = cv.id_in(campaign, "campaign")
        out = c_void_p()
        self._call(lambda t: self._L.mtrk_landing_page_url(byref(out), None, t, c))
        try:
            return string_at(out.value).decode("utf-8")
        finally:
            self._L.mtrk_free(out.value)

    def render(self, mid: uuid.UUID, *, return_path: Optional[str] = None,
               provider: Optional[str] = None) -> Rendered:
        """Message `mid` rendered for its recipient: tracked hrefs, open pixel,
        {{unsubscribe_url}} / {{landing_url}}, List-Unsubscribe headers. With
        `return_path` ("bounces@b.example"), the signed VERP envelope sender
        naming the message; with `provider` ("sendgrid", ...), what to attach
        so that its webhooks echo the mid (mtrk_message_render_with)."""
        L = self._L
        m = cv.id_in(mid, "mid")
        r = self._init(_lib.mtrk_rendered, L.mtrk_rendered_init)
        o = self._init(_lib.mtrk_render_options, L.mtrk_render_options_init)
        o.return_path = cv.opt_str_in(return_path, "return_path")
        o.provider = cv.opt_str_in(provider, "provider")
        try:
            self._call(lambda t: L.mtrk_message_render_with(byref(r), t, m, byref(o)))

            def s(ptr: Optional[int], n: Optional[int] = None) -> Optional[str]:
                if not ptr:
                    return None
                raw = string_at(ptr, n) if n is not None else string_at(ptr)
                return raw.decode("utf-8", "surrogateescape")
            return Rendered(html=s(r.html, r.html_len), text=s(r.text, r.text_len),
                            list_unsubscribe=s(r.list_unsubscribe), list_unsubscribe_post=s(r.list_unsubscribe_post),
                            mid_header=s(r.mid_header), return_path=s(r.return_path),
                            provider_json=s(r.provider_json), provider_header=s(r.provider_header))
        finally:
            L.mtrk_rendered_clear(byref(r))

    # ---- resolving hits ----------------------------------------------------------------------
    def resolve(self, method: str, path: str, *, body: Union[str, bytes, None] = None,
                user_agent: Optional[str] = None, ip: Optional[str] = None, at: Optional[_dt.datetime] = None,
                rules: Optional[ClassifyRules] = None, classifier: Optional[Classifier] = None) -> TrackResult:
        """Verifies a hit on a tracking URL and records it (one transaction).

        `method` is "GET", "HEAD" or "POST"; `path` the path and query as
        received. Opens and clicks are classified with `rules` (None: the
        library's defaults) and then `classifier`, if given, which returns a
        MachineClass or None to keep the built-in decision (it runs inside the
        call: it must not use this tenant; an exception in it is printed and
        the built-in decision kept). Refused hits raise SignatureError,
        WrongTenant or InvalidArgument and record nothing."""
        L = self._L
        req = self._init(_lib.mtrk_track_request, L.mtrk_track_request_init)
        req.method = cv.str_in(method, "method")
        req.path = cv.str_in(path, "path")
        if body is not None:
            if isinstance(body, str):
                body_b = cv.str_in(body, "body")
            elif isinstance(body, bytes):
                body_b = body
            else:
                raise TypeError(f"body must be str or bytes, not {type(body).__name__}")
            req.body = body_b
            req.body_len = len(body_b)
        req.user_agent = cv.opt_str_in(user_agent, "user_agent")
        req.ip = cv.opt_str_in(ip, "ip")
        req.at = cv.opt_time_in(at, "at")
        keep: List[Any] = []
        opts = self._init(_lib.mtrk_resolve_options, L.mtrk_resolve_options_init)
        if rules is not None:
            rs = _rules_struct(rules, keep)
            keep.append(rs)
            opts.rules = POINTER(_lib.mtrk_classify_rules)(rs)
        if classifier is not None:
            if not callable(classifier):
                raise TypeError(f"classifier must be callable, not {type(classifier).__name__}")

            def _cb(_ud: Optional[int], inp: Any) -> int:
                try:
                    with callback_scope():  # the tenant and its db (mid-call) refuse use and close
                        decided = classifier(_classify_input_from(inp.contents))
                    return -1 if decided is None else int(MachineClass(decided))
                except BaseException:
                    traceback.print_exc()
                    return -1
            fn = _lib.CLASSIFIER_FN(_cb)
            keep.append(fn)
            opts.classifier = fn
        res = self._init(_lib.mtrk_track_result, L.mtrk_track_result_init)
        with Use(self._h) as t:
            rc = L.mtrk_track_resolve(byref(res), t, byref(req), byref(opts))
            if rc:
                self._raise(rc)
            return _track_result(res)  # inside: redirect_url is borrowed until the tenant's next call

    def set_classifier(self, rules: Optional[ClassifyRules] = None,
                       classifier: Optional[Classifier] = None) -> None:
        """Sets the machine rules this tenant handle judges opens and clicks
        by: events recorded with Verdict.AUTO (the default of EventInput) and
        hits resolved without rules or a classifier of their own. `rules`
        None: the library's defaults; `classifier` as in resolve(). Kept
        until replaced or the tenant is closed."""
        L = self._L
        keep: List[Any] = []
        rp = None
        if rules is not None:
            rs = _rules_struct(rules, keep)
            keep.append(rs)
            rp = POINTER(_lib.mtrk_classify_rules)(rs)
        fn = _lib.CLASSIFIER_FN()
        if classifier is not None:
            if not callable(classifier):
                raise TypeError(f"classifier must be callable, not {type(classifier).__name__}")

            def _cb(_ud: Optional[int], inp: Any) -> int:
                try:
                    with callback_scope():  # the tenant and its db (mid-call) refuse use and close
                        decided = classifier(_classify_input_from(inp.contents))
                    return -1 if decided is None else int(MachineClass(decided))
                except BaseException:
                    traceback.print_exc()
                    return -1
            fn = _lib.CLASSIFIER_FN(_cb)
        keep.append(fn)
        self._call(lambda t: L.mtrk_tenant_set_classifier(t, rp, fn, None))
        self._classifier_keep = keep  # the library holds pointers into these

    def mail_unsubscribe(self, subject: str, *, at: Optional[_dt.datetime] = None) -> TrackResult:
        """Acts on a mail that reached the List-Unsubscribe mailto address:
        `subject` is its Subject, "unsubscribe:{tenant}/{token}" as rendered.
        Unsubscribes the message's contact globally once (source MAILTO);
        `at` is when the mail arrived (None: now). A subject not of that form
        raises InvalidArgument, another tenant's WrongTenant, a changed token
        SignatureError; nothing is recorded then."""
        L = self._L
        subj = cv.str_in(subject, "subject")
        when = cv.opt_time_in(at, "at")
        res = self._init(_lib.mtrk_track_result, L.mtrk_track_result_init)
        with Use(self._h) as t:
            rc = L.mtrk_track_mail_unsubscribe(byref(res), t, subj, when)
            if rc:
                self._raise(rc)
            return _track_result(res)
