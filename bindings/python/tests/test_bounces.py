"""mtrk.bounces: parsing bounce mails, the reason taxonomy, provider
mappings, VERP, reading paths, and a parsed bounce recorded as an event."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import unittest
import uuid
from pathlib import Path

import mtrk
from mtrk import bounces
from mtrk.bounces import BounceReason as R

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "bounces"

DSN = """From: MAILER-DAEMON@mx.example
To: {to}
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary="XX"

--XX
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example

Final-Recipient: rfc822; {rcpt}
Action: failed
Status: {status}
Diagnostic-Code: smtp; {diag}
--XX--
"""


class TaxonomyTest(unittest.TestCase):
    def test_names_kinds_and_classify(self) -> None:
        self.assertEqual(len(R), 17)
        for r in R:
            self.assertEqual(bounces.reason_from_name(r.label), r)
        self.assertEqual(R.USER_UNKNOWN.kind, mtrk.BounceKind.HARD)
        self.assertEqual(R.MAILBOX_FULL.kind, mtrk.BounceKind.SOFT)
        self.assertEqual(R.NOT_A_BOUNCE.kind, mtrk.BounceKind.NONE)
        with self.assertRaises(mtrk.InvalidArgument) as cm:
            bounces.reason_from_name("gone")
        self.assertIn("gone", str(cm.exception))
        self.assertEqual(bounces.classify("5.1.1", 550, "x"), R.USER_UNKNOWN)
        self.assertEqual(bounces.classify("5.7.1", 550, "blocked using zen.spamhaus.org"), R.BLOCKED)
        self.assertEqual(bounces.classify("5.0.0"), R.UNDETERMINED)
        self.assertEqual(bounces.classify(diagnostic="over quota"), R.MAILBOX_FULL)

    def test_providers(self) -> None:
        self.assertEqual(bounces.reason_ses("Permanent", "NoEmail"), R.USER_UNKNOWN)
        self.assertEqual(bounces.reason_ses("Transient", "MailboxFull"), R.MAILBOX_FULL)
        self.assertEqual(bounces.reason_sendgrid("Reputation", "5.7.1", "listed at spamhaus"), R.BLOCKED)
        self.assertEqual(bounces.reason_sparkpost(22), R.MAILBOX_FULL)
        self.assertEqual(bounces.reason_sparkpost(60), R.NOT_A_BOUNCE)
        self.assertEqual(bounces.reason_mailgun("permanent", "bounce", 550, "5.1.1", "No such user"),
                         R.USER_UNKNOWN)
        self.assertEqual(bounces.reason_postmark(256), R.HOST_UNKNOWN)
        self.assertEqual(bounces.reason_postmark(100009), R.AUTH_FAILURE)

    def test_verp(self) -> None:
        mid = mtrk.new_id() if hasattr(mtrk, "new_id") else uuid.uuid4()
        addr = bounces.verp_format("bounces@b.example", mid)
        self.assertEqual(addr, "bounces+mtrk-%s@b.example" % mid.hex)
        self.assertEqual(bounces.verp_parse(addr), mid)
        self.assertIsNone(bounces.verp_parse("bounces@b.example"))
        with self.assertRaises(mtrk.InvalidArgument):
            bounces.verp_format("no-at", mid)
        with self.assertRaises(TypeError):
            bounces.verp_format("a@b", "not a uuid")  # type: ignore[arg-type]


class ParseTest(unittest.TestCase):
    def test_parse_dsn(self) -> None:
        mid = uuid.UUID("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
        text = DSN.format(to=bounces.verp_format("b@b.example", mid), rcpt="ana@dest.example", status="5.2.2",
                          diag="552 5.2.2 Mailbox full")
        rep = bounces.parse(text.replace("\n", "\r\n").encode())
        self.assertEqual(rep.format, bounces.BounceFormat.RFC3464)
        [r] = rep.recipients
        self.assertEqual((r.recipient, r.action, r.status, r.smtp_code, r.reason, r.kind),
                         ("ana@dest.example", "failed", "5.2.2", 552, R.MAILBOX_FULL, mtrk.BounceKind.SOFT))
        self.assertEqual((r.status_class, r.status_subject, r.status_detail), (5, 2, 2))
        self.assertEqual((r.mid, r.mid_source), (mid, bounces.MidSource.VERP))

    def test_bad_input(self) -> None:
        with self.assertRaises(mtrk.InvalidArgument):
            bounces.parse(b"\x00\x01\x02 junk")
        deep = "From: a@b\nSubject: x\n" + "Content-Type: multipart/mixed; boundary=b\n\n--b\n" * 10000
        with self.assertRaises(mtrk.TooLong):
            bounces.parse(deep)
        with self.assertRaises(TypeError):
            bounces.parse(42)  # type: ignore[arg-type]

    def test_read_paths(self) -> None:
        reps = list(bounces.read(DATA))
        self.assertGreater(len(reps), 100)
        self.assertTrue(all(r.error is None for r in reps))
        by = {os.path.basename(r.origin): r for r in reps}
        self.assertEqual([x.reason for x in by["exim-multi.eml"].recipients],
                         [R.USER_UNKNOWN, R.MAILBOX_FULL, R.BLOCKED])
        self.assertEqual(by["autoreply-vacation.eml"].format, bounces.BounceFormat.AUTOREPLY)
        tmp = tempfile.mkdtemp(prefix="mtrk-py-bounces-")
        try:
            Path(tmp, "junk").write_bytes(bytes(range(256)))
            shutil.copy(DATA / "qmail-blocked.eml", Path(tmp, "z.eml"))
            got = list(bounces.read(tmp))
            self.assertIsInstance(got[0].error, mtrk.InvalidArgument)
            self.assertTrue(got[0].origin.endswith("junk"))
            self.assertEqual(got[1].recipients[0].reason, R.BLOCKED)
            with self.assertRaises(mtrk.NotFound):
                list(bounces.read(os.path.join(tmp, "missing")))
        finally:
            shutil.rmtree(tmp)


class RecordTest(unittest.TestCase):
    def test_parsed_bounce_recorded_with_reason_in_diagnostic(self) -> None:
        with mtrk.open("memory:") as db, db.create_tenant("acme", "api:test") as t:
            ana, _ = t.add_contact("ana@dest.example")
            lst = t.create_audience("L")
            t.add_member(lst, ana)
            c = t.create_campaign(mtrk.CampaignSpec(name="C", subject="S", from_address="n@acme.example", text="hi"))
            t.attach_audience(c, lst)
            t.generate(c)
            mid = t.find_message(c, ana).mid
            text = DSN.format(to="bounces@b.example", rcpt="ana@dest.example", status="5.1.1",
                              diag="550 5.1.1 User unknown").replace(
                "--XX--", "--XX\nContent-Type: text/rfc822-headers\n\nX-Mtrk-Mid: %s\n--XX--" % mid)
            [r] = bounces.parse(text).recipients
            self.assertEqual((r.mid, r.mid_source), (mid, bounces.MidSource.HEADER))
            diag = "%s; status=%s; smtp=%d; %s" % (r.reason.label, r.status, r.smtp_code, r.diagnostic)
            t.record_event(mtrk.EventInput(type=mtrk.EventType.BOUNCE, mid=r.mid, bounce_kind=r.kind,
                                           diagnostic=diag))
            [ev] = [e for e in t.events_of_message(mid) if e.type == mtrk.EventType.BOUNCE]
            self.assertEqual(ev.bounce_kind, mtrk.BounceKind.HARD)
            self.assertEqual(ev.diagnostic, "user_unknown; status=5.1.1; smtp=550; 550 5.1.1 User unknown")


if __name__ == "__main__":
    unittest.main()
