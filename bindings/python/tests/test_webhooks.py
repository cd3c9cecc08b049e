"""Provider webhooks from Python: Tenant.ingest_webhook, keys, settings and
the dead-letter store (docs/providers.md)."""
from __future__ import annotations

import hashlib
import hmac
import json
import unittest

import mtrk

from .support import TenantCase

TS = 1767225600  # support.T0 in seconds


def sg_event(kind: str, eid: str, mid: object, **extra: object) -> dict:
    e = {"email": "a@example.com", "timestamp": TS, "event": kind, "sg_event_id": eid,
         "sg_message_id": "sgm-" + eid, "mtrk_mid": str(mid)}
    e.update(extra)
    return e


class WebhookTest(TenantCase):
    def setUp(self) -> None:
        super().setUp()
        c, ids, _ = self.sending_campaign_with(["ann@example.com"])
        self.t.generate(c)
        self.campaign_id = c
        self.mid = self.t.find_message(c, ids[0]).mid

    def test_sendgrid_body_is_recorded_and_a_retry_is_a_duplicate(self) -> None:
        self.t.set_webhook_settings("sendgrid", allow_unsigned=True)
        body = json.dumps([sg_event("delivered", "e1", self.mid), sg_event("open", "e2", self.mid)])
        r = self.t.ingest_webhook("sendgrid", body, headers={"Content-Type": "application/json"})
        self.assertEqual(r.verdict, "accepted")
        self.assertEqual(r.recorded, 2)
        self.assertEqual([e.type for e in r.events], [mtrk.EventType.DELIVERED, mtrk.EventType.OPEN])
        self.assertEqual(r.events[0].mid, self.mid)
        self.assertEqual(self.t.metrics(self.campaign_id).opens_total, 1)
        again = self.t.ingest_webhook("sendgrid", body.encode())
        self.assertEqual((again.recorded, again.duplicates), (0, 2))

    def test_refused_request_is_a_verdict_not_an_exception(self) -> None:
        r = self.t.ingest_webhook("sendgrid", "[]")
        self.assertEqual(r.verdict, "signature_refused")
        self.assertTrue(r.message)
        r = self.t.ingest_webhook("nosuch", "[]")
        self.assertEqual(r.verdict, "malformed")
        self.assertIn("nosuch", r.message)

    def test_dead_letters_are_listed_counted_and_kept_by_replay(self) -> None:
        self.t.set_webhook_settings("sendgrid", allow_unsigned=True)
        body = json.dumps([sg_event("delivered", "ghost", mtrk.new_id()),
                           sg_event("group_resubscribe", "u1", self.mid, asm_group_id=3)])
        r = self.t.ingest_webhook("sendgrid", body)
        self.assertEqual((r.dead_lettered, r.unmapped), (2, 1))
        self.assertTrue(all(e.dead_lettered for e in r.events))
        self.assertEqual(self.t.count_deadletters(), 2)
        self.assertEqual(self.t.count_deadletters("sendgrid"), 2)
        self.assertEqual(self.t.count_deadletters("mailgun"), 0)
        dls = {d.key: d for d in self.t.deadletters("sendgrid")}
        self.assertIn("not found", dls["ghost"].reason)
        self.assertEqual(json.loads(dls["u1"].payload)["asm_group_id"], 3)
        self.assertEqual(self.t.replay_deadletters(), (0, 2))
        self.t.ingest_webhook("sendgrid", body)
        self.assertEqual(self.t.count_deadletters(), 2)
        with self.assertRaises(mtrk.InvalidArgument):
            self.t.count_deadletters("nosuch")

    def test_a_dead_lettered_bounce_shows_its_facts(self) -> None:
        self.t.set_webhook_settings("sendgrid", allow_unsigned=True)
        body = json.dumps([
            sg_event("bounce", "b1", mtrk.new_id(), type="blocked", bounce_classification="Reputation",
                     status="5.7.1", reason="554 5.7.1 message refused"),
            sg_event("delivered", "d1", mtrk.new_id())])
        self.assertEqual(self.t.ingest_webhook("sendgrid", body).dead_lettered, 2)
        dls = {d.key: d for d in self.t.deadletters("sendgrid")}
        b = dls["b1"]
        self.assertEqual(b.type, mtrk.EventType.BOUNCE)
        self.assertEqual(b.bounce_reason, mtrk.BounceReason.BLOCKED)
        self.assertEqual(b.bounce_kind, mtrk.BounceKind.SOFT)
        self.assertEqual((b.smtp_code, b.bounce_status, b.bounce_type, b.bounce_subtype),
                         (554, "5.7.1", "blocked", "Reputation"))
        self.assertEqual(b.diagnostic, "554 5.7.1 message refused")
        d = dls["d1"]
        self.assertEqual((d.bounce_kind, d.bounce_reason, d.smtp_code, d.bounce_status),
                         (mtrk.BounceKind.NONE, None, 0, None))

    def test_mailgun_keys_rotate(self) -> None:
        self.t.add_webhook_key("mailgun", "k-old")
        self.t.add_webhook_key("mailgun", "k-new")
        with self.assertRaises(mtrk.InvalidState):
            self.t.add_webhook_key("mailgun", "k-third")
        keys = self.t.webhook_keys("mailgun")
        self.assertEqual(len(keys), 2)
        self.assertEqual(len(keys[0].fingerprint), 16)

        def body(key: str, eid: str) -> str:
            sig = hmac.new(key.encode(), f"{TS}tok".encode(), hashlib.sha256).hexdigest()
            return json.dumps({"signature": {"timestamp": str(TS), "token": "tok", "signature": sig},
                               "event-data": {"event": "delivered", "id": eid, "timestamp": TS,
                                              "user-variables": {"mtrk_mid": str(self.mid)}}})
        self.assertEqual(self.t.ingest_webhook("mailgun", body("k-new", "m1")).recorded, 1)
        self.t.remove_webhook_key("mailgun", keys[0].fingerprint)
        self.assertEqual(self.t.ingest_webhook("mailgun", body("k-old", "m2")).verdict, "signature_refused")
        self.t.set_webhook_settings("mailgun", tolerance_ms=-1)
        self.assertEqual(self.t.webhook_settings("mailgun"), {"tolerance_ms": -1, "allow_unsigned": False})

    def test_events_without_a_mid_find_the_message_by_the_provider_id(self) -> None:
        self.t.set_webhook_settings("sendgrid", allow_unsigned=True)
        e = sg_event("delivered", "nm1", self.mid, sg_message_id="SGX1.filter0001.16648.5515E0B88.0")
        del e["mtrk_mid"]
        r = self.t.ingest_webhook("sendgrid", json.dumps([e]))
        self.assertEqual(r.dead_lettered, 1)
        self.assertIn("SGX1", r.events[0].outcome.message or "")
        self.assertIsNone(self.t.find_provider_message_id("sendgrid", "SGX1"))
        self.t.set_provider_message_id(self.mid, "sendgrid", "SGX1")
        self.assertEqual(self.t.find_provider_message_id("sendgrid", "SGX1"), self.mid)
        self.assertEqual(self.t.replay_deadletters("sendgrid"), (1, 0))
        with self.assertRaises(mtrk.InvalidArgument):
            self.t.set_provider_message_id(self.mid, "nosuch", "x")

    def test_payloads_are_kept_when_the_tenant_asks(self) -> None:
        import datetime as dt
        self.t.set_webhook_settings("sendgrid", allow_unsigned=True)
        self.t.set_settings(keep_webhook_payloads=True, webhook_payload_retention=dt.timedelta(days=2))
        s = self.t.settings()
        self.assertTrue(s.keep_webhook_payloads)
        self.assertEqual(s.webhook_payload_retention, dt.timedelta(days=2))
        r = self.t.ingest_webhook("sendgrid", json.dumps([sg_event("open", "kp1", self.mid, ip="192.0.2.9")]))
        eid = r.events[0].outcome.event_id
        self.assertEqual(json.loads(self.t.webhook_payload(eid) or "{}")["ip"], "192.0.2.9")
        self.t.set_settings(keep_webhook_payloads=False)
        r = self.t.ingest_webhook("sendgrid", json.dumps([sg_event("open", "kp2", self.mid)]))
        self.assertIsNone(self.t.webhook_payload(r.events[0].outcome.event_id))

    def test_a_replayed_mailgun_request_is_refused(self) -> None:
        self.t.add_webhook_key("mailgun", "rk")
        sig = hmac.new(b"rk", f"{TS}tok-r1".encode(), hashlib.sha256).hexdigest()
        body = json.dumps({"signature": {"timestamp": str(TS), "token": "tok-r1", "signature": sig},
                           "event-data": {"event": "delivered", "id": "r1", "timestamp": TS,
                                          "user-variables": {"mtrk_mid": str(self.mid)}}})
        self.assertEqual(self.t.ingest_webhook("mailgun", body).recorded, 1)
        again = self.t.ingest_webhook("mailgun", body)
        self.assertEqual(again.verdict, "replayed")
        self.assertEqual(again.events, [])


if __name__ == "__main__":
    unittest.main()
