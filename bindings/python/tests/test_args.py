"""Arguments of the wrong Python type, or values the binding can never pass,
are refused before anything reaches C (TypeError / ValueError), and nothing
is written."""
from __future__ import annotations

import datetime as dt
import unittest
import uuid

import mtrk
from mtrk import CampaignStatus, EventInput, EventType, SuppressionKind, UnsubScope

from .support import T0, TenantCase


class ArgsTest(TenantCase):
    def setUp(self) -> None:
        super().setUp()
        self.cid, _ = self.t.add_contact("ana@example.com")
        self.camp = self.campaign()
        self.audit_before = len(list(self.t.audit_log()))

    def tearDown(self) -> None:
        self.assertEqual(len(list(self.t.audit_log())), self.audit_before, "nothing was written")
        self.assertEqual(self.t.errmsg, "", "the library was never called with the bad value")

    def test_ids_must_be_uuids(self) -> None:
        for bad in (str(self.cid), self.cid.bytes, 42, None):
            with self.subTest(bad=bad), self.assertRaises(TypeError):
                self.t.get_contact(bad)  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            self.t.get_contact(uuid.UUID(int=0))
        with self.assertRaises(TypeError):
            self.t.unsubscribe(self.cid, UnsubScope.CAMPAIGN, scope_id="nope")  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.add_members(uuid.uuid4(), [self.cid, "x"])  # type: ignore[list-item]
        with self.assertRaises(TypeError):
            self.t.add_members(uuid.uuid4(), "abc")  # type: ignore[arg-type]

    def test_strings(self) -> None:
        with self.assertRaises(TypeError):
            self.t.add_contact(42)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.create_audience(None)  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            self.t.create_audience("nul\0inside")
        with self.assertRaises(TypeError):
            self.db.create_tenant(["acme"], "x")  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            mtrk.open(123)  # type: ignore[arg-type]

    def test_times_must_be_aware_datetimes(self) -> None:
        naive = dt.datetime(2026, 1, 1)
        with self.assertRaises(TypeError):
            self.t.add_contact("bob@example.com", consent_at=naive)
        with self.assertRaises(TypeError):
            self.t.add_contact("bob@example.com", consent_at=1767225600000)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.hourly(self.camp, "2026-01-01", T0)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.record_event(EventInput(EventType.OPEN, uuid.uuid4(), occurred_at=naive))
        self.assertIsNone(self.t.find_contact("bob@example.com"))

    def test_enums_and_ints(self) -> None:
        # Enum members, their ints, or their names as strings (any case).
        with self.assertRaises(ValueError) as cm:
            self.t.set_campaign_status(self.camp, "shipping")  # type: ignore[arg-type]
        self.assertIn("one of draft, scheduled", str(cm.exception))
        with self.assertRaises(ValueError):
            self.t.set_campaign_status(self.camp, 42)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.set_campaign_status(self.camp, 1.0)  # type: ignore[arg-type]
        # The user's words: the field as named, and the article the type takes.
        with self.assertRaises(TypeError) as cm:
            self.t.record_event(type=1.5, mid=self.camp)  # type: ignore[arg-type]
        self.assertIn("must be an EventType or its name", str(cm.exception))
        with self.assertRaises(TypeError):
            self.t.suppress(b"address", "x@example.com")  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.add_link(self.camp, "https://a.example", "a", "0")  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.add_link(self.camp, "https://a.example", "a", True)  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            self.t.add_link(self.camp, "https://a.example", "a", -1)
        with self.assertRaises(ValueError):
            self.t.add_link(self.camp, "https://a.example", "a", 1 << 32)
        with self.assertRaises(ValueError):
            self.t.claim(self.camp, 0, 1000)
        with self.assertRaises(TypeError):
            self.t.claim(self.camp, 1, "1s")  # type: ignore[arg-type]
        self.assertEqual(self.t.get_campaign(self.camp).status, CampaignStatus.DRAFT)

    def test_structured_arguments(self) -> None:
        with self.assertRaises(TypeError):
            self.t.create_campaign({"name": "x"})  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.create_campaign(name="x", subject="s")  # missing from_address
        with self.assertRaises(TypeError):
            self.t.create_campaign(name="x", subject="s", from_address="a@b.example", colour="red")
        with self.assertRaises(TypeError):
            self.t.record_event({"type": 4})  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.record_events([EventInput(EventType.OPEN, uuid.uuid4()), "x"])  # type: ignore[list-item]
        with self.assertRaises(TypeError):
            self.t.record_events(iter([]))  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.capture_lead(uuid.uuid4(), "k", "a@b.example", fields=[("a", "b")])  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.capture_lead(uuid.uuid4(), "k", "a@b.example", fields={"a": 1})  # type: ignore[dict-item]
        with self.assertRaises(TypeError):
            self.t.set_settings(colour="red")
        with self.assertRaises(TypeError):
            self.t.set_settings(soft_bounce_threshold="3")
        with self.assertRaises(TypeError):
            list(self.t.events_of_message(uuid.uuid4(), after="cursor"))  # type: ignore[arg-type]
        with self.assertRaises(ValueError):
            list(self.t.events_of_message(uuid.uuid4(), after=b"short"))
        with self.assertRaises(TypeError):
            self.t.compare(self.camp)  # type: ignore[arg-type]

    def test_listing_arguments_checked_at_call(self) -> None:
        # Generators check their arguments when called, not at the first next().
        with self.assertRaises(TypeError):
            self.t.messages("x")  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.t.events_of_campaign(self.camp, type=4.0)  # type: ignore[arg-type]

    def test_library_errors_still_come_from_c(self) -> None:
        # A value of the right type that the library refuses is the library's error.
        with self.assertRaises(mtrk.InvalidArgument) as cm:
            self.t.suppress(SuppressionKind.HASH, "x@example.com")
        self.assertEqual(self.t.errmsg, cm.exception.message)
        self.tearDown = lambda: None  # type: ignore[assignment]  (errmsg is set, as it should be)


if __name__ == "__main__":
    unittest.main()
