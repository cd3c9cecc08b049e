"""The lifecycle end to end, on every backend the library has."""
from __future__ import annotations

import datetime as dt
import io
import json
import sys
import unittest
import uuid
from pathlib import Path

import mtrk
from mtrk import CampaignStatus, EventInput, EventType, Exclusion, MessageState, SuppressionKind, UnsubScope

from .support import T0, Clock, backends

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "examples" / "python"))
import lifecycle  # noqa: E402  (examples/python/lifecycle.py)

MIN = dt.timedelta(minutes=1)


class LifecycleTest(unittest.TestCase):
    def test_example_on_every_backend(self) -> None:
        for name, target in backends():
            with self.subTest(backend=name):
                out = io.StringIO()
                m = lifecycle.run(target(self), out=out)
                text = out.getvalue()
                self.assertIn("generate: 5 eligible, 5 created, 2 excluded", text)
                self.assertIn("events: 11 recorded, 1 duplicate", text)
                self.assertEqual((m.sent, m.delivered, m.opens_unique, m.clicks_unique), (5, 4, 3, 3))
                self.assertEqual(m.leads_total, 2)
                self.assertAlmostEqual(m.open_rate, 0.75)

    def test_by_hand_on_every_backend(self) -> None:
        for name, target in backends():
            with self.subTest(backend=name):
                self._lifecycle(target(self))

    def _lifecycle(self, target: str) -> None:
        clock = Clock(T0)
        with mtrk.open(target, clock=clock) as db:
            self.assertEqual(db.now(), T0)
            with db.create_tenant("acme", "api:alice") as t:
                self.assertEqual(t.key, "acme")
                self.assertIsInstance(t.id, uuid.UUID)
                t.actor = "api:bob"
                self.assertEqual(t.actor, "api:bob")
                s = t.set_settings(tracking_base_url="https://t.acme.example", soft_bounce_threshold=2)
                self.assertEqual(t.settings(), s)

                ana, created = t.add_contact("ana@Example.COM", name="Ana", consent_at=T0 - MIN,
                                             consent_source="form", consent_text_version="v1")
                self.assertTrue(created)
                bob, _ = t.add_contact("bob@example.com")
                eve, _ = t.add_contact("eve@spam.example")
                t.set_contact_field(ana, "city", "Recife")
                t.set_contact_name(bob, "Bob")
                t.set_contact_consent(bob, consent_at=T0, consent_source="import")
                c = t.get_contact(ana)
                self.assertEqual((c.address, c.name, c.fields), ("ana@example.com", "Ana", {"city": "Recife"}))
                self.assertEqual(c.consent_at, T0 - MIN)
                self.assertEqual(c.created_at, T0)
                self.assertEqual(t.find_contact("ANA@example.com").id, ana)
                self.assertIsNone(t.find_contact("nobody@example.com"))
                self.assertEqual([x.id for x in t.contacts()], [ana, bob, eve])

                aud = t.create_audience("List")
                t.rename_audience(aud, "Newsletter")
                self.assertEqual(t.add_members(aud, [ana, bob, eve]), 3)
                self.assertFalse(t.add_member(aud, ana))
                self.assertEqual(t.get_audience(aud).name, "Newsletter")
                self.assertEqual(list(t.members(aud)), [ana, bob, eve])
                self.assertEqual([a.id for a in t.audiences()], [aud])
                self.assertTrue(t.suppress(SuppressionKind.DOMAIN, "spam.example", "manual"))
                self.assertEqual(t.check_suppression("x@spam.example"), SuppressionKind.DOMAIN)
                self.assertIsNone(t.check_suppression("ana@example.com"))

                camp = t.create_campaign(mtrk.CampaignSpec(name="Spring", subject="Hi", from_address="n@acme.example",
                                                           html='<a href="{{link:0}}">x</a>',
                                                           starts_at=T0, ends_at=T0 + 60 * MIN))
                t.edit_campaign(camp, name="Spring!", subject="Hi", from_address="n@acme.example", text="x")
                lid = t.add_link(camp, "https://acme.example/shop", "shop", 0)
                self.assertEqual(t.get_link(lid).url, "https://acme.example/shop")
                self.assertEqual([l.id for l in t.links(camp)], [lid])
                self.assertTrue(t.attach_audience(camp, aud))
                self.assertEqual(t.campaign_audiences(camp), [aud])
                got = t.get_campaign(camp)
                self.assertEqual((got.name, got.text, got.html, got.status), ("Spring!", "x", None, CampaignStatus.DRAFT))
                self.assertIsNone(got.starts_at)
                t.set_campaign_status(camp, CampaignStatus.SCHEDULED)
                t.set_campaign_status(camp, CampaignStatus.SENDING)
                self.assertEqual(t.check_contact(camp, eve), Exclusion.DOMAIN_SUPPRESSED)

                rep = t.generate(camp)
                self.assertEqual((rep.eligible, rep.created, rep.excluded_total), (2, 2, 1))
                self.assertEqual(rep.excluded[Exclusion.DOMAIN_SUPPRESSED], 1)
                self.assertEqual(len(rep.excluded), 8)
                self.assertEqual(t.generate(camp).already_present, 2)

                clock.now = T0 + MIN
                claim = t.claim(camp, 10, dt.timedelta(minutes=15))
                self.assertEqual(len(claim.mids), 2)
                self.assertEqual(t.get_message(claim.mids[0]).state, MessageState.CLAIMED)
                self.assertEqual(t.get_message(claim.mids[0]).lease_until, T0 + 16 * MIN)
                t.release(claim.mids[1])
                claim2 = t.claim(camp, 10, 60000)
                self.assertEqual(claim2.mids, [claim.mids[1]])
                for mid in claim.mids:
                    t.mark_sent(mid, T0 + MIN, "esp", "pm-" + str(mid))
                mana = t.find_message(camp, ana)
                self.assertEqual((mana.state, mana.sent_at), (MessageState.SENT, T0 + MIN))
                self.assertIsNone(t.find_message(camp, eve))
                self.assertEqual({m.mid for m in t.messages(camp)}, set(claim.mids))

                clock.now = T0 + 30 * MIN
                out = t.record_event(type=EventType.OPEN, mid=mana.mid, occurred_at=T0 + 2 * MIN,
                                     provider="esp", provider_event_id="e1", ip="192.0.2.1", user_agent="UA")
                self.assertTrue(out.ok)
                self.assertFalse(out.duplicate)
                self.assertTrue(t.record_event(type=EventType.OPEN, mid=mana.mid, provider="esp",
                                               provider_event_id="e1").duplicate)
                batch = t.record_events([
                    EventInput(EventType.CLICK, mana.mid, lid=lid, occurred_at=T0 + 3 * MIN),
                    EventInput(EventType.CLICK, mana.mid, lid=None, occurred_at=T0 + 3 * MIN),  # refused
                    EventInput(EventType.UNSUBSCRIBE, mana.mid, occurred_at=T0 + 4 * MIN,
                               unsub_scope=UnsubScope.CAMPAIGN),
                ])
                self.assertEqual(batch.recorded, 2)
                self.assertEqual([o.ok for o in batch.outcomes], [True, False, True])
                self.assertIsInstance(batch.outcomes[1].error, mtrk.InvalidArgument)

                evs = list(t.events_of_message(mana.mid))
                self.assertEqual([e.type for e in evs], [EventType.SENT, EventType.OPEN, EventType.CLICK,
                                                         EventType.UNSUBSCRIBE])
                self.assertEqual(evs[1].ip, "192.0.2.1")
                self.assertEqual(evs[1].arrived_at, T0 + 30 * MIN)
                self.assertTrue(evs[3].effects & mtrk.Effect.UNSUB_RULE)
                rest = list(t.events_of_message(mana.mid, after=evs[1].cursor))
                self.assertEqual([e.id for e in rest], [e.id for e in evs[2:]])
                self.assertEqual(len(list(t.events_of_contact(ana))), 4)
                clicks = list(t.events_of_campaign(camp, EventType.CLICK, T0, T0 + 10 * MIN))
                self.assertEqual([e.lid for e in clicks], [lid])
                self.assertEqual([u.scope for u in t.unsubscribes(ana)], [UnsubScope.CAMPAIGN])

                page = t.create_landing_page(camp, "Offer", "https://acme.example/offer")
                self.assertEqual(t.find_landing_page(camp), page)
                lead = t.capture_lead(page, "k1", "carol@example.com", mid=mana.mid, fields={"plan": "pro"},
                                      captured_at=T0 + 5 * MIN)
                self.assertFalse(lead.duplicate)
                self.assertTrue(lead.lead.forwarded)
                self.assertEqual(lead.lead.fields, {"plan": "pro"})
                self.assertEqual([x.lead_key for x in t.leads(camp)], ["k1"])

                m = t.metrics(camp)
                self.assertEqual((m.messages, m.sent, m.opens_unique, m.clicks_unique, m.unsubscribes,
                                  m.leads_attributed), (2, 2, 1, 1, 1, 1))
                self.assertEqual(t.compare([camp, camp]), [m, m])
                ls = t.link_stats(camp)
                self.assertEqual((ls[0].lid, ls[0].clicks, ls[0].rank, ls[0].label), (lid, 1, 1, "shop"))
                hours = t.hourly(camp, T0, T0 + 2 * dt.timedelta(hours=1))
                self.assertEqual(len(hours), 2)
                self.assertEqual(hours[0].hour, T0)
                self.assertEqual(hours[0].counts[EventType.SENT], 2)
                self.assertEqual(hours[0].counts[EventType.CLICK], 1)
                self.assertEqual(t.first_hour(camp), T0)
                self.assertIsNone(t.first_hour(camp, T0 + dt.timedelta(days=2)))
                t.rebuild_metrics()
                self.assertEqual(t.metrics(camp), m)

                actions = [e.action for e in t.audit_log()]
                self.assertIn("campaign.status", actions)
                self.assertTrue(all(e.actor for e in t.audit_log()))
                status = [e for e in t.audit_log() if e.action == "campaign.status"][0]
                self.assertEqual(status.detail_json["from"], "draft")

                doc = t.export_contact(ana)
                self.assertEqual(doc["address"], "ana@example.com")
                json.loads(t.export_contact_json(ana))
                clock.now = T0 + dt.timedelta(days=400)
                self.assertGreaterEqual(t.apply_retention(), 1)
                self.assertIsNone(list(t.events_of_message(mana.mid))[1].ip)
                t.erase_contact(bob)
                self.assertEqual(t.get_contact(bob).status, mtrk.ContactStatus.ERASED)
                t.set_contact_status(eve, mtrk.ContactStatus.BOUNCED)
                t.resubscribe(ana, UnsubScope.CAMPAIGN, camp)
                t.unsuppress(SuppressionKind.DOMAIN, "spam.example")
                self.assertEqual([s.kind for s in t.suppressions()], [SuppressionKind.HASH])
                self.assertTrue(t.remove_member(aud, ana))
                self.assertEqual(t.remove_members(aud, [eve]), 1)
                self.assertEqual(t.audience_count(aud), 0)
                t.detach_audience(camp, aud)
                self.assertEqual(t.campaign_audiences(camp), [])
                t.set_campaign_status(camp, CampaignStatus.SENT)
                self.assertEqual(t.get_campaign(camp).status, CampaignStatus.SENT)
            with db.open_tenant("acme", "api:carol") as again:
                self.assertEqual(again.get_contact(ana).fields, {"city": "Recife"})
                self.assertEqual(len(list(again.campaigns())), 1)

    def test_every_backend_is_exercised(self) -> None:
        names = [n for n, _ in backends()]
        self.assertIn("memory", names)
        if mtrk.load().has("mtrk_store_sqlite_new"):
            self.assertIn("sqlite", names)

    def test_sqlite_store_and_reopen(self) -> None:
        if "sqlite" not in [n for n, _ in backends()]:
            self.skipTest("the library has no SQLite backend")
        import os
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "a.db")
            with mtrk.SqliteStore(path, synchronous=mtrk.Sync.FULL, busy_timeout=dt.timedelta(seconds=1)) as st:
                db = st.open()
                with self.assertRaises(RuntimeError):
                    st.open()
                cid, _ = db.create_tenant("acme", "x").add_contact("ana@example.com")
            self.assertTrue(db.closed)
            with mtrk.open(Path(path), synchronous=mtrk.Sync.OFF) as db, db.open_tenant("acme", "y") as t:
                self.assertEqual(t.get_contact(cid).address, "ana@example.com")
            with mtrk.open("sqlite:" + path) as db:
                self.assertEqual(db.open_tenant("acme", "z").key, "acme")

    def test_shared_memory_store(self) -> None:
        with mtrk.MemoryStore() as store:
            a = store.open()
            b = store.open()
            ta = a.create_tenant("acme", "x")
            tb = b.open_tenant("acme", "y")
            cid, _ = ta.add_contact("ana@example.com")
            self.assertEqual(tb.get_contact(cid).address, "ana@example.com")
        self.assertTrue(ta.closed and tb.closed and a.closed and b.closed)


if __name__ == "__main__":
    unittest.main()
