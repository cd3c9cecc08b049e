"""Reputation guards and bounce policies through the binding."""
from __future__ import annotations

import dataclasses
import datetime as dt
import unittest

import mtrk
from mtrk import (BounceAction, BounceKind, BounceReason, CampaignStatus, ContactStatus, EventInput, EventType,
                  HardBy, ReputationLevel, ReputationSettings)

from .support import T0, TenantCase


class ReputationTest(TenantCase):
    def sent_campaign(self, n: int, prefix: str = "p", from_address: str = "news@acme.example"):
        ids = [self.t.add_contact(f"{prefix}{i}@example.org")[0] for i in range(n)]
        aud = self.t.create_audience(prefix)
        self.t.add_members(aud, ids)
        c = self.campaign(from_address=from_address, name=prefix)
        self.t.attach_audience(c, aud)
        self.t.set_campaign_status(c, CampaignStatus.SCHEDULED)
        self.t.set_campaign_status(c, CampaignStatus.SENDING)
        self.t.generate(c)
        mids = self.t.claim(c, n, dt.timedelta(hours=1)).mids
        for m in mids:
            self.t.mark_sent(m, T0)
        return c, ids, mids

    def test_event_bounce_facts_under_the_policy(self) -> None:
        c, ids, mids = self.sent_campaign(3)
        self.t.set_bounce_policy(BounceReason.MAILBOX_FULL, BounceAction.SUPPRESS)
        out = self.t.record_event(EventInput(type=EventType.BOUNCE, mid=mids[0], bounce_kind=BounceKind.SOFT,
                                             bounce_reason=BounceReason.MAILBOX_FULL, smtp_code=552,
                                             bounce_status="5.2.2", bounce_type="Transient",
                                             bounce_subtype="MailboxFull", provider="ses", provider_event_id="n1",
                                             diagnostic="552 5.2.2 over quota"))
        self.assertEqual(self.t.get_contact(ids[0]).status, ContactStatus.BOUNCED)
        facts = self.t.bounce_facts(mids[0])
        self.assertEqual(len(facts), 1)
        f = facts[0]
        self.assertEqual(f.event, out.event_id)
        self.assertEqual((f.reason, f.given_kind, f.kind, f.action, f.hard_by),
                         (BounceReason.MAILBOX_FULL, BounceKind.SOFT, BounceKind.HARD, BounceAction.SUPPRESS,
                          HardBy.POLICY))
        self.assertEqual((f.smtp_code, f.status, f.bounce_type, f.bounce_subtype, f.provider, f.diagnostic),
                         (552, "5.2.2", "Transient", "MailboxFull", "ses", "552 5.2.2 over quota"))
        # Classified from the status; a bounce without facts has none.
        self.t.record_event(EventInput(type=EventType.BOUNCE, mid=mids[1], bounce_kind=BounceKind.SOFT,
                                       bounce_status="5.1.1"))
        self.assertEqual(self.t.bounce_facts(mids[1])[0].reason, BounceReason.USER_UNKNOWN)
        self.t.record_event(EventInput(type=EventType.BOUNCE, mid=mids[2], bounce_kind=BounceKind.SOFT))
        self.assertEqual(self.t.bounce_facts(mids[2]), [])
        self.assertEqual(self.t.bounce_reason_counts(c),
                         {BounceReason.MAILBOX_FULL: 1, BounceReason.USER_UNKNOWN: 1})
        with self.assertRaises(mtrk.InvalidArgument) as cm:
            self.t.record_event(EventInput(type=EventType.BOUNCE, mid=mids[2], bounce_kind=BounceKind.SOFT,
                                           bounce_status="full"))
        self.assertIn("bounce_status", str(cm.exception))

    def test_settings_round_trip_and_validation(self) -> None:
        s = self.t.reputation_settings()
        self.assertEqual(s, ReputationSettings())
        self.assertEqual(s.window, dt.timedelta(days=1))
        new = self.t.set_reputation_settings(min_sent=5, complaint_pause=0.01)
        self.assertEqual(self.t.reputation_settings().min_sent, 5)
        self.assertAlmostEqual(self.t.reputation_settings().complaint_pause, 0.01)
        self.assertEqual(new.min_sent, 5)
        with self.assertRaises(mtrk.InvalidArgument) as cm:
            self.t.set_reputation_settings(bounce_warn=0.5, bounce_pause=0.2)
        self.assertIn("bounce_warn", str(cm.exception))
        with self.assertRaises(TypeError):
            self.t.set_reputation_settings(dataclasses.replace(s, complaint_warn="high"))
        self.assertEqual([e.action for e in self.t.audit_log()].count("reputation.settings"), 1)

    def test_pause_on_claim_and_explicit_resume(self) -> None:
        self.t.set_reputation_settings(min_sent=5)
        c, _, mids = self.sent_campaign(10)
        self.t.record_event(EventInput(type=EventType.COMPLAINT, mid=mids[0]))
        rep = self.t.reputation()
        self.assertEqual((rep.sent, rep.complaints, rep.level), (10, 1, ReputationLevel.PAUSED))
        self.assertAlmostEqual(rep.complaint_rate, 0.1)
        with self.assertRaises(mtrk.InvalidState) as cm:
            self.t.claim(c, 10, 60000)
        self.assertIn("reputation guard", str(cm.exception))
        self.assertEqual(self.t.get_campaign(c).status, CampaignStatus.PAUSED)
        pause = [e for e in self.t.audit_log() if e.action == "reputation.pause"]
        self.assertEqual(len(pause), 1)
        self.assertEqual(pause[0].detail_json["complaints"], 1)
        self.assertEqual(pause[0].detail_json["sent"], 10)
        reps = self.t.reputations()
        self.assertEqual([r.domain for r in reps], ["", "acme.example"])
        self.assertEqual(reps[0].state, ReputationLevel.PAUSED)
        self.assertEqual(self.t.resume_reputation(), 1)
        self.assertEqual(self.t.get_campaign(c).status, CampaignStatus.SENDING)
        with self.assertRaises(mtrk.InvalidState):
            self.t.resume_reputation()
        self.assertEqual(self.t.check_reputation(), 0)

    def test_domain_scope(self) -> None:
        self.t.set_reputation_settings(min_sent=5, complaint_warn=0.08, complaint_pause=0.09)
        a, _, mids = self.sent_campaign(10, "a", "news@a.example")
        b, _, _ = self.sent_campaign(10, "b", "news@b.example")
        self.t.record_event(EventInput(type=EventType.COMPLAINT, mid=mids[0]))  # a 10 %, tenant 5 %
        self.assertEqual(self.t.check_reputation(), 1)
        self.assertEqual(self.t.get_campaign(a).status, CampaignStatus.PAUSED)
        self.assertEqual(self.t.get_campaign(b).status, CampaignStatus.SENDING)
        self.assertEqual(self.t.reputation("A.EXAMPLE").state, ReputationLevel.PAUSED)
        self.assertEqual(self.t.resume_reputation("a.example"), 1)
        with self.assertRaises(mtrk.InvalidArgument):
            self.t.reputation("not a domain")

    def test_policies_record_and_expiry(self) -> None:
        _, ids, mids = self.sent_campaign(3)
        self.assertEqual(self.t.bounce_policy(BounceReason.MAILBOX_FULL).action, BounceAction.DEFAULT)
        p = self.t.set_bounce_policy(BounceReason.MAILBOX_FULL, BounceAction.SUPPRESS)
        self.assertEqual(p.action, BounceAction.SUPPRESS)
        self.assertEqual(self.t.bounce_policy(BounceReason.MAILBOX_FULL), p)
        with self.assertRaises(mtrk.InvalidArgument):
            self.t.set_bounce_policy(BounceReason.MAILBOX_FULL, BounceAction.IGNORE, soft_limit=2)
        rep = mtrk.bounces.parse(
            b"From: MAILER-DAEMON@mx.example\r\nTo: news@acme.example\r\nSubject: Undelivered Mail\r\n"
            b"Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\n"
            b"Content-Type: text/plain\r\n\r\nfailed\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\n"
            b"Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; p0@example.org\r\nAction: failed\r\n"
            b"Status: 4.2.2\r\nDiagnostic-Code: smtp; 452 4.2.2 Mailbox full\r\n\r\n--b\r\n"
            b"Content-Type: text/rfc822-headers\r\n\r\nX-Mtrk-Mid: " + str(mids[0]).encode() + b"\r\n\r\n--b--\r\n")
        r = rep.recipients[0]
        self.assertEqual((r.reason, r.mid), (BounceReason.MAILBOX_FULL, mids[0]))
        outcome, action = self.t.record_bounce(r, provider="mta", provider_event_id="x-1")
        self.assertEqual(action, BounceAction.SUPPRESS)
        self.assertFalse(outcome.duplicate)
        self.assertEqual(self.t.get_contact(ids[0]).status, ContactStatus.BOUNCED)
        self.assertIsNotNone(self.t.check_suppression("p0@example.org"))
        self.assertEqual([e.action for e in self.t.audit_log()].count("bounce.suppress"), 1)
        # expiry
        self.assertIsNone(self.t.bounce_expiry())
        self.t.set_bounce_expiry(dt.timedelta(days=7))
        self.assertEqual(self.t.bounce_expiry(), dt.timedelta(days=7))
        self.assertEqual(self.t.expire_suppressions(), 0)
        self.clock.now = T0 + dt.timedelta(days=8)
        self.assertEqual(self.t.expire_suppressions(), 1)
        self.assertIsNone(self.t.check_suppression("p0@example.org"))
        self.assertEqual(self.t.get_contact(ids[0]).status, ContactStatus.ACTIVE)
        self.t.set_bounce_expiry(None)
        self.assertIsNone(self.t.bounce_expiry())


if __name__ == "__main__":
    unittest.main()
