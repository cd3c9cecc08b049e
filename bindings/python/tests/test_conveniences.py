"""What Python users reach for: contacts added in batches (one library call,
one transaction), audiences, campaigns and links found by name, enums given
as strings, the argument at fault on every error, find_message by address."""
from __future__ import annotations

import datetime as dt
import unittest

import mtrk
from mtrk import _lib

from .support import T0, TenantCase, backends


class AddContactsTest(TenantCase):
    def test_each_address_is_judged_on_its_own(self) -> None:
        old, _ = self.t.add_contact("old@example.com")
        r = self.t.add_contacts(["a@example.com", "not-an-address", "OLD@example.com", "ana@B\u00dcCHER.de",
                                 "ana@xn--bcher-kva.de", "x@example.test"],
                                names=["Ana", None, "ignored", None, None, None])
        self.assertIsInstance(r, mtrk.ContactBatch)
        self.assertEqual(r.created, 2)
        a, bad, o, b1, b2, special = r.outcomes
        self.assertTrue(a.ok and a.created)
        self.assertEqual(self.t.get_contact(a.id).name, "Ana")
        self.assertFalse(bad.ok)
        self.assertIsInstance(bad.error, mtrk.InvalidAddress)
        self.assertEqual(bad.error.argument, "addresses[1]")
        self.assertIn("has no '@'", str(bad.error))
        self.assertEqual((o.id, o.created), (old, False))
        self.assertEqual(b1.id, b2.id)
        self.assertEqual(self.t.get_contact(b1.id).address, "ana@b\u00fccher.de")
        self.assertIn("special-use", str(special.error))
        self.assertEqual(len(list(self.t.contacts())), 3)

    def test_one_library_call_per_batch(self) -> None:
        L = _lib.lib()
        calls = {"single": 0}
        real = L.mtrk_contact_add

        def counting(*args):  # type: ignore[no-untyped-def]
            calls["single"] += 1
            return real(*args)

        L.mtrk_contact_add = counting
        try:
            r = self.t.add_contacts(f"c{i}@example.com" for i in range(6000))
        finally:
            L.mtrk_contact_add = real
        self.assertEqual((r.created, calls["single"]), (6000, 0))

    def test_bad_arguments(self) -> None:
        with self.assertRaises(TypeError):
            self.t.add_contacts("a@example.com")
        with self.assertRaises(ValueError):
            self.t.add_contacts(["a@example.com"], names=["A", "B"])
        with self.assertRaises(TypeError):
            self.t.add_contacts([1])  # type: ignore[list-item]
        with self.assertRaises(ValueError):
            self.t.add_contacts(["a@example.com"] * (_lib.MAX_CONTACT_BATCH + 1))
        self.assertEqual(self.t.add_contacts([]).outcomes, [])


class AddContactsEveryBackendTest(unittest.TestCase):
    def test_batch_on_every_backend(self) -> None:
        for name, target in backends():
            with self.subTest(backend=name), mtrk.open(target(self)) as db:
                t = db.create_tenant("acme", "x")
                r = t.add_contacts(["a@example.com", "A@example.com", "bad"])
                self.assertEqual(r.created, 1)
                self.assertEqual(r.outcomes[0].id, r.outcomes[1].id)
                self.assertEqual(r.outcomes[2].error.argument, "addresses[2]")


class FindByNameTest(TenantCase):
    def test_audience_campaign_link(self) -> None:
        news = self.t.create_audience("Newsletter")
        self.t.create_audience("VIP")
        self.t.create_audience("VIP")
        self.assertEqual(self.t.find_audience("Newsletter"), news)
        self.assertIsNone(self.t.find_audience("newsletter"))
        with self.assertRaises(mtrk.AlreadyExists) as cm:
            self.t.find_audience("VIP")
        self.assertIn("2 audiences", str(cm.exception))
        c = self.campaign(name="Spring")
        self.assertEqual(self.t.find_campaign("Spring"), c)
        self.assertIsNone(self.t.find_campaign("Autumn"))
        lid = self.t.add_link(c, "https://shop.example.com/buy", "Buy", 0)
        self.assertEqual(self.t.find_link(c, "Buy"), lid)
        self.assertIsNone(self.t.find_link(c, "Sell"))
        with self.assertRaises(TypeError):
            self.t.find_campaign(None)  # type: ignore[arg-type]


class EnumsAsStringsTest(TenantCase):
    def test_names_in_any_case(self) -> None:
        c, contacts, _ = self.sending_campaign_with(["a@example.com"])
        self.t.generate(c)
        m = self.t.find_message(c, contacts[0])
        r = self.t.record_event(mtrk.EventInput(type="open", mid=m.mid, occurred_at=T0))  # type: ignore[arg-type]
        self.assertTrue(r.ok)
        r = self.t.record_event(mtrk.EventInput(type="BOUNCE", bounce_kind="soft", mid=m.mid,  # type: ignore[arg-type]
                                                occurred_at=T0))
        self.assertTrue(r.ok)
        self.assertEqual([e.type for e in self.t.events_of_message(m.mid)],
                         [mtrk.EventType.OPEN, mtrk.EventType.BOUNCE])
        self.t.set_contact_status(contacts[0], "bounced")
        self.assertEqual(self.t.get_contact(contacts[0]).status, mtrk.ContactStatus.BOUNCED)
        with self.assertRaises(ValueError) as cm:
            self.t.record_event(mtrk.EventInput(type="opened", mid=m.mid))  # type: ignore[arg-type]
        self.assertIn("one of sent, delivered", str(cm.exception))


class ErrorArgumentTest(TenantCase):
    def test_the_argument_at_fault_is_an_attribute(self) -> None:
        with self.assertRaises(mtrk.InvalidAddress) as cm:
            self.t.add_contact("x@y")
        self.assertEqual(cm.exception.argument, "address")
        with self.assertRaises(mtrk.InvalidArgument) as cm2:
            self.t.set_settings(retention=dt.timedelta(days=40000))
        self.assertEqual(cm2.exception.argument, "settings->retention_ms")
        self.assertEqual(mtrk.errors.argument_of("out of memory"), None)
        self.assertEqual(mtrk.errors.argument_of("invalid argument: no contact with address x"), None)
        self.assertEqual(mtrk.errors.argument_of("invalid argument: events[3]->lid is nil"), "events[3]->lid")


class FindMessageByAddressTest(TenantCase):
    def test_by_address_or_id(self) -> None:
        c, contacts, _ = self.sending_campaign_with(["Ana@Example.com", "bo@example.com"])
        self.t.generate(c)
        by_id = self.t.find_message(c, contacts[0])
        self.assertEqual(self.t.find_message(c, "ana@EXAMPLE.COM"), by_id)
        self.assertIsNone(self.t.find_message(c, "nobody@example.com"))
        with self.assertRaises(mtrk.InvalidAddress):
            self.t.find_message(c, "not-an-address")


if __name__ == "__main__":
    unittest.main()


class EventWindowTest(TenantCase):
    def test_the_window_is_a_setting(self) -> None:
        s = self.t.settings()
        self.assertEqual(s.events_earliest, dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
        self.assertEqual(s.events_ahead, dt.timedelta(days=1))
        c, _, _ = self.sending_campaign_with(["ana@example.com"])
        self.t.generate(c)
        (m,) = list(self.t.messages(c))
        self.t.set_settings(events_earliest=dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc),
                            events_ahead=dt.timedelta(hours=2))
        s = self.t.settings()
        self.assertEqual(s.events_earliest, dt.datetime(2025, 6, 1, tzinfo=dt.timezone.utc))
        self.assertEqual(s.events_ahead, dt.timedelta(hours=2))
        with self.assertRaises(mtrk.InvalidArgument) as cm:
            self.t.record_event(mtrk.EventInput(type=mtrk.EventType.OPEN, mid=m.mid,
                                                occurred_at=dt.datetime(2025, 5, 31, tzinfo=dt.timezone.utc)))
        self.assertIn("before 2025-06-01", str(cm.exception))
        with self.assertRaises(mtrk.InvalidArgument) as cm:
            self.t.record_event(mtrk.EventInput(type=mtrk.EventType.OPEN, mid=m.mid,
                                                occurred_at=T0 + dt.timedelta(hours=3)))
        self.assertIn("more than 2 hours after the clock", str(cm.exception))
        self.assertTrue(self.t.record_event(mtrk.EventInput(type=mtrk.EventType.OPEN, mid=m.mid,
                                                            occurred_at=T0 + dt.timedelta(hours=2))).ok)
        with self.assertRaises(mtrk.InvalidArgument) as cm2:
            self.t.set_settings(events_ahead=dt.timedelta(0))
        self.assertEqual(cm2.exception.argument, "settings->events_ahead_ms")
        with self.assertRaises(TypeError):
            self.t.set_settings(events_earliest=dt.datetime(2025, 6, 1))  # naive


class ContentKeyTest(TenantCase):
    def test_the_same_content_gives_the_same_key(self) -> None:
        c, _, _ = self.sending_campaign_with(["ana@example.com"])
        self.t.generate(c)
        (m,) = list(self.t.messages(c))
        e = mtrk.EventInput(type=mtrk.EventType.OPEN, mid=m.mid, occurred_at=T0, user_agent="Mozilla/5.0",
                            provider="mine")
        k = mtrk.event_content_key(e)
        self.assertRegex(k, r"^content:[0-9a-f]{64}$")
        self.assertEqual(mtrk.event_content_key(e), k)
        self.assertNotEqual(mtrk.event_content_key(mtrk.EventInput(type=mtrk.EventType.OPEN, mid=m.mid,
                                                                   occurred_at=T0, provider="mine")), k)
        import dataclasses
        keyed = dataclasses.replace(e, provider_event_id=k)
        self.assertEqual(mtrk.event_content_key(keyed), k)  # the id is not content
        self.assertFalse(self.t.record_event(keyed).duplicate)
        self.assertTrue(self.t.record_event(keyed).duplicate)
        with self.assertRaises(TypeError):
            mtrk.event_content_key("open")  # type: ignore[arg-type]
