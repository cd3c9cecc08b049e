"""Tracking through the binding: keys, signed URLs, render, resolve (every
action), classification with rules and a host classifier, html_rewrite."""
from __future__ import annotations

import datetime as dt
import unittest

import mtrk
from mtrk import MachineClass, TrackAction, UrlKind

from .support import T0, TenantCase

BASE = "https://trk.example.com/t"
HTML = ('<html><body><a href="https://shop.example.com/buy">Buy now</a>'
        '<a href="https://shop.example.com/story" data-mtrk-name="story">x</a>'
        '<a href="https://trap.example.com/" data-mtrk-honeypot style="display:none">.</a>'
        '<a href="{{unsubscribe_url}}">Unsubscribe</a></body></html>')
HUMAN_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"


class TrackingTest(TenantCase):
    def setUp(self) -> None:
        super().setUp()
        self.t.set_settings(tracking_base_url=BASE, list_unsubscribe_mailto="unsub@acme.example")
        cid, _ = self.t.add_contact("ana@example.com")
        aud = self.t.create_audience("all")
        self.t.add_member(aud, cid)
        self.camp = self.campaign(html=HTML, text="Buy: https://shop.example.com/buy")
        self.links = list(self.t.links(self.camp))
        self.t.attach_audience(self.camp, aud)
        self.t.set_campaign_status(self.camp, mtrk.CampaignStatus.SCHEDULED)
        self.t.set_campaign_status(self.camp, mtrk.CampaignStatus.SENDING)
        self.t.generate(self.camp)
        self.mid = self.t.claim(self.camp, 1, 60000).mids[0]
        self.t.mark_sent(self.mid, T0)
        self.later = T0 + dt.timedelta(hours=1)

    def path(self, url: str) -> str:
        self.assertTrue(url.startswith(BASE), url)
        return url[len("https://trk.example.com"):]

    def test_recorded_events_are_judged_unless_a_verdict_is_given(self) -> None:
        honeypot = [l.id for l in self.links if l.origin == mtrk.LinkOrigin.HONEYPOT][0]
        cta = self.links[0].id
        self.assertEqual(mtrk.EventInput(mtrk.EventType.OPEN, self.mid).verdict, mtrk.Verdict.AUTO)
        self.t.record_event(type="click", mid=self.mid, lid=honeypot, user_agent=HUMAN_UA)
        self.t.record_event(type="click", mid=self.mid, lid=cta, user_agent="Barracuda/1")
        self.t.record_event(type="click", mid=self.mid, lid=cta, user_agent="Barracuda/1", verdict="human")
        calls = []
        self.t.set_classifier(classifier=lambda i: calls.append(i.user_agent) or
                              (MachineClass.SECURITY_SCANNER if i.user_agent == "HostBot" else None))
        self.t.record_event(type="open", mid=self.mid, user_agent="HostBot")
        self.t.set_classifier()
        self.t.record_event(type="open", mid=self.mid, user_agent="HostBot")
        got = [(e.verdict, e.verdict_reason) for e in self.t.events_of_message(self.mid)][-5:]
        self.assertEqual(got, [(mtrk.Verdict.MACHINE, "security_scanner:honeypot"),
                               (mtrk.Verdict.MACHINE, "security_scanner:user_agent"),
                               (mtrk.Verdict.HUMAN, None),
                               (mtrk.Verdict.MACHINE, "security_scanner:host"),
                               (mtrk.Verdict.HUMAN, None)])
        self.assertEqual(calls, ["HostBot"])

    def test_catalogue_from_html(self) -> None:
        origins = [l.origin for l in self.links]
        self.assertIn(mtrk.LinkOrigin.HTML, origins)
        self.assertIn(mtrk.LinkOrigin.HONEYPOT, origins)
        self.assertEqual(self.links[0].url, "https://shop.example.com/buy")

    def test_render(self) -> None:
        r = self.t.render(self.mid)
        self.assertIn(BASE + "/c/acme/", r.html)
        self.assertNotIn("{{unsubscribe_url}}", r.html)
        self.assertIn(BASE + "/o/acme/", r.html)
        self.assertIsNotNone(r.text)
        self.assertIn("mailto:unsub@acme.example", r.list_unsubscribe)
        self.assertEqual(r.list_unsubscribe_post, "List-Unsubscribe=One-Click")
        self.assertEqual(r.mid_header, str(self.mid))

    def test_open_click_unsubscribe(self) -> None:
        open_url = self.t.track_url(UrlKind.OPEN, self.mid)
        self.assertEqual(mtrk.track_path_tenant(self.path(open_url)), "acme")
        res = self.t.resolve("GET", self.path(open_url), user_agent=HUMAN_UA, ip="192.0.2.10", at=self.later)
        self.assertEqual((res.action, res.kind, res.mid, res.recorded), (TrackAction.PIXEL, UrlKind.OPEN, self.mid, True))
        self.assertEqual(res.campaign, self.camp)
        self.assertTrue(mtrk.track_pixel().startswith(b"GIF8"))

        lid = self.links[0].id
        res = self.t.resolve("GET", self.path(self.t.track_url(UrlKind.CLICK, self.mid, lid)),
                             user_agent=HUMAN_UA, ip="192.0.2.10", at=self.later)
        self.assertEqual((res.action, res.lid, res.redirect_url), (TrackAction.REDIRECT, lid,
                                                                   "https://shop.example.com/buy"))
        self.assertEqual(res.verdict, mtrk.Verdict.HUMAN)

        unsub = self.path(self.t.track_url(UrlKind.UNSUBSCRIBE, self.mid))
        self.assertEqual(self.t.resolve("GET", unsub, at=self.later).action, TrackAction.CONFIRM)
        res = self.t.resolve("POST", unsub, body=b"List-Unsubscribe=One-Click", at=self.later)
        self.assertEqual(res.action, TrackAction.UNSUBSCRIBED)
        self.assertTrue(res.recorded)
        m = self.t.metrics(self.camp)
        self.assertEqual((m.opens_total, m.clicks_total, m.unsubscribes), (1, 1, 1))

    def test_mail_unsubscribe(self) -> None:
        header = self.t.render(self.mid).list_unsubscribe
        subject = header.split("?subject=", 1)[1].split(">", 1)[0]
        self.assertTrue(subject.startswith("unsubscribe:acme/"), subject)
        with self.assertRaises(mtrk.InvalidArgument):
            self.t.mail_unsubscribe("please remove me")
        with self.assertRaises(mtrk.SignatureError):
            self.t.mail_unsubscribe(subject[:-1] + ("A" if subject[-1] != "A" else "B"))
        other = self.db.create_tenant("other", "x")
        with self.assertRaises(mtrk.WrongTenant):
            other.mail_unsubscribe(subject)
        self.assertEqual(self.t.metrics(self.camp).unsubscribes, 0)
        res = self.t.mail_unsubscribe(subject, at=self.later)
        self.assertEqual((res.action, res.kind, res.mid, res.recorded),
                         (TrackAction.UNSUBSCRIBED, UrlKind.UNSUBSCRIBE, self.mid, True))
        again = self.t.mail_unsubscribe(subject, at=self.later)
        self.assertEqual((again.action, again.recorded), (TrackAction.UNSUBSCRIBED, False))
        self.assertEqual(self.t.metrics(self.camp).unsubscribes, 1)
        self.assertEqual(mtrk.Source.MAILTO, 7)

    def test_landing(self) -> None:
        with self.assertRaises(mtrk.InvalidState):
            self.t.track_url(UrlKind.LANDING, self.mid)
        with self.assertRaises(mtrk.NotFound):
            self.t.landing_page_url(self.camp)
        page = self.t.create_landing_page(self.camp, "Offer", "https://acme.example/offer")
        self.assertEqual(self.t.landing_page_url(self.camp), "https://acme.example/offer")
        res = self.t.resolve("GET", self.path(self.t.track_url(UrlKind.LANDING, self.mid)), at=self.later)
        self.assertEqual((res.action, res.landing_page, res.redirect_url),
                         (TrackAction.LANDING, page, "https://acme.example/offer"))

    def test_tampered_and_other_tenant_refused(self) -> None:
        p = self.path(self.t.track_url(UrlKind.OPEN, self.mid))
        bad = p[:-2] + ("A" if p[-2] != "A" else "B") + p[-1]
        with self.assertRaises(mtrk.SignatureError) as cm:
            self.t.resolve("GET", bad)
        self.assertEqual(cm.exception.code, -14)
        with self.assertRaises(mtrk.SignatureError):
            mtrk.track_path_tenant("/not/a/tracking/path")
        other = self.db.create_tenant("other", "x")
        with self.assertRaises(mtrk.WrongTenant) as cm:
            other.resolve("GET", p)
        self.assertEqual(cm.exception.code, -15)
        with self.assertRaises(mtrk.InvalidArgument):
            self.t.resolve("DELETE", p)
        self.assertEqual(self.t.metrics(self.camp).opens_total, 0)

    def test_keys(self) -> None:
        keys = self.t.signing_keys()
        self.assertEqual([(k.key_id, k.current) for k in keys], [(1, True)])
        p = self.path(self.t.track_url(UrlKind.OPEN, self.mid))
        self.assertEqual(self.t.rotate_key(), 2)
        with self.assertRaises(mtrk.InvalidState):
            self.t.retire_key(2)
        self.t.retire_key(1)
        keys = self.t.signing_keys()
        self.assertIsNotNone(keys[0].retired_at)
        self.assertTrue(keys[1].current)
        with self.assertRaises(mtrk.SignatureError):
            self.t.resolve("GET", p)
        with self.assertRaises(mtrk.NotFound):
            self.t.retire_key(99)

    def test_rules_and_classifier(self) -> None:
        defaults = mtrk.default_classify_rules()
        self.assertTrue(defaults.user_agents)
        rules = mtrk.ClassifyRules(user_agents=[mtrk.ClassifyRule("TestBot", MachineClass.SECURITY_SCANNER)],
                                   delivery_window=dt.timedelta(0), burst_window=dt.timedelta(0))
        p = self.path(self.t.track_url(UrlKind.CLICK, self.mid, self.links[0].id))
        res = self.t.resolve("GET", p, user_agent="Mozilla TestBot/1.0", at=self.later, rules=rules)
        self.assertEqual((res.verdict, res.machine_class, res.rule),
                         (mtrk.Verdict.MACHINE, MachineClass.SECURITY_SCANNER, mtrk.MachineRule.USER_AGENT))
        seen = []

        def classifier(inp: mtrk.ClassifyInput):
            seen.append(inp)
            return MachineClass.PRIVACY_PROXY

        res = self.t.resolve("GET", self.path(self.t.track_url(UrlKind.OPEN, self.mid)), user_agent=HUMAN_UA,
                             at=self.later, rules=rules, classifier=classifier)
        self.assertEqual((res.machine_class, res.rule), (MachineClass.PRIVACY_PROXY, mtrk.MachineRule.HOST))
        self.assertEqual((seen[0].kind, seen[0].mid, seen[0].user_agent), (UrlKind.OPEN, self.mid, HUMAN_UA))
        res = self.t.resolve("GET", self.path(self.t.track_url(UrlKind.OPEN, self.mid)), user_agent=HUMAN_UA,
                             at=self.later, rules=rules, classifier=lambda inp: None)
        self.assertEqual(res.machine_class, MachineClass.HUMAN)
        with self.assertRaises(TypeError):
            self.t.resolve("GET", p, rules={"user_agents": []})  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.resolve("GET", p, classifier="x")  # type: ignore[arg-type]

    def test_html_rewrite(self) -> None:
        out = mtrk.html_rewrite(HTML)
        self.assertEqual(out.html, HTML)
        self.assertEqual([l.url for l in out.links][:2], ["https://shop.example.com/buy",
                                                          "https://shop.example.com/story"])
        self.assertTrue(any(l.honeypot for l in out.links))
        self.assertEqual(out.links[1].label, "story")
        out = mtrk.html_rewrite(HTML, lambda link: f"https://r.example/{link.index}" if link.index == 0 else None)
        self.assertIn('href="https://r.example/0"', out.html)
        self.assertIn("https://shop.example.com/story", out.html)
        src = HTML.encode()
        link = out.links[1]
        self.assertEqual(src[link.value_offset:link.value_offset + link.value_len],
                         b'"https://shop.example.com/story"')

        def boom(link: mtrk.HtmlLink) -> None:
            raise KeyError("from the callback")
        with self.assertRaises(KeyError):
            mtrk.html_rewrite(HTML, boom)


if __name__ == "__main__":
    unittest.main()
