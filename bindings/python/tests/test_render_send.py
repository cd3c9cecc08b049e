"""What sending a rendered message needs (mtrk_message_render_with): per
provider, the attachment that makes its webhooks echo the mid, fed back
through that provider's webhook payload (shaped after each provider's
documentation, as in tests/webhook/) and found; and the signed VERP return
path, round-tripped through a bounce mail."""
from __future__ import annotations

import json
import unittest
import urllib.parse

import mtrk
from mtrk import EventType

from .support import TenantCase

TS = 1767225600  # T0 in seconds


def sendgrid(a: dict) -> str:
    ev = {"email": "ann@example.com", "timestamp": TS, "event": "delivered", "sg_event_id": "sg-1",
          "sg_message_id": "sgm-1"}
    ev.update(a["custom_args"])  # SendGrid puts custom arguments at the top of each event
    return json.dumps([ev])


def ses(a: dict) -> str:
    tags = {t["Name"]: [t["Value"]] for t in a["EmailTags"]}  # event publishing: mail.tags, values as lists
    rec = {"eventType": "Delivery", "delivery": {"timestamp": "2026-01-01T00:00:01.000Z", "recipients": ["ann@example.com"]},
           "mail": {"timestamp": "2026-01-01T00:00:00.000Z", "messageId": "ses-1", "source": "news@acme.example",
                    "destination": ["ann@example.com"], "tags": tags}}
    return json.dumps({"Type": "Notification", "MessageId": "sns-1", "TopicArn": "arn:aws:sns:us-east-1:1:t",
                       "Message": json.dumps(rec), "Timestamp": "2026-01-01T00:00:01.000Z", "SignatureVersion": "2",
                       "Signature": "AAAA", "SigningCertURL":
                       "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000.pem"})


def mailgun(a: dict) -> str:
    uv = {k[2:]: v for k, v in a.items() if k.startswith("v:")}  # v:NAME comes back as user-variables.NAME
    ed = {"event": "delivered", "id": "mg-1", "timestamp": TS + 0.5, "recipient": "ann@example.com",
          "user-variables": uv, "message": {"headers": {"message-id": "mg-msg-1"}},
          "delivery-status": {"code": 250, "message": "OK"}}
    return json.dumps({"signature": {"timestamp": str(TS), "token": "t", "signature": "s"}, "event-data": ed})


def postmark(a: dict) -> str:
    return json.dumps({"RecordType": "Delivery", "MessageID": "pm-1", "Recipient": "ann@example.com",
                       "DeliveredAt": "2026-01-01T00:00:01Z", "Details": "ok", "Metadata": a["Metadata"]})


def sparkpost(a: dict) -> str:
    ev = {"type": "delivery", "event_id": "sp-1", "message_id": "sp-msg-1", "timestamp": str(TS),
          "rcpt_to": "ann@example.com", "rcpt_meta": a["metadata"]}  # metadata comes back in rcpt_meta
    return json.dumps([{"msys": {"message_event": ev}}])


def brevo(a: dict) -> str:
    ev = {"event": "delivered", "email": "ann@example.com", "id": 1, "ts_epoch": TS * 1000,
          "message-id": "<br-1@relay>"}
    ev.update(a["headers"])  # the X-Mailin-custom header comes back as a field
    return json.dumps(ev)


def mailjet(a: dict) -> str:
    return json.dumps([{"event": "sent", "time": TS, "MessageID": 1, "email": "ann@example.com",
                        "CustomID": a["CustomID"], "Payload": "", "smtp_reply": "250 OK"}])


def resend(a: dict) -> str:
    tags = {t["name"]: t["value"] for t in a["tags"]}  # tags come back as an object
    return json.dumps({"type": "email.delivered", "created_at": "2026-01-01T00:00:01.000Z",
                       "data": {"email_id": "rs-1", "created_at": "2026-01-01T00:00:00.000Z",
                                "to": ["ann@example.com"], "tags": tags}})


def mandrill(a: dict) -> str:
    ev = [{"event": "send", "_id": "md-1", "ts": TS,
           "msg": {"ts": TS, "email": "ann@example.com", "state": "sent", "metadata": a["metadata"],
                   "_id": "md-1"}}]
    return "mandrill_events=" + urllib.parse.quote_plus(json.dumps(ev))


def mailersend(a: dict) -> str:
    return json.dumps({"type": "activity.delivered", "created_at": "2026-01-01T00:00:01.000000Z",
                       "data": {"object": "activity", "id": "ms-1", "type": "delivered",
                                "created_at": "2026-01-01T00:00:01.000000Z",
                                "email": {"object": "email", "id": "ms-email-1", "tags": a["tags"],
                                          "recipient": {"email": "ann@example.com"}}}})


def postal(a: dict) -> str:
    msg = {"id": 1, "token": "t", "direction": "outgoing", "message_id": "po-1@app", "to": "ann@example.com",
           "from": "news@acme.example", "timestamp": TS, "tag": a["tag"]}
    return json.dumps({"event": "MessageSent", "timestamp": TS, "uuid": "po-u1",
                       "payload": {"message": msg, "status": "Sent", "details": "ok", "timestamp": TS}})


PAYLOADS = {"sendgrid": sendgrid, "ses": ses, "mailgun": mailgun, "postmark": postmark, "sparkpost": sparkpost,
            "brevo": brevo, "mailjet": mailjet, "resend": resend, "mandrill": mandrill, "mailersend": mailersend,
            "postal": postal}
CONTENT_TYPE = {"mandrill": "application/x-www-form-urlencoded"}


class RenderSendTest(TenantCase):
    def setUp(self) -> None:
        super().setUp()
        self.t.set_settings(tracking_base_url="https://t.acme.example")
        c, ids, _ = self.sending_campaign_with(["ann@example.com"])
        self.t.generate(c)
        self.mid = self.t.find_message(c, ids[0]).mid

    def test_every_provider_echoes_the_attached_mid(self) -> None:
        for provider, payload in PAYLOADS.items():
            with self.subTest(provider=provider):
                r = self.t.render(self.mid, provider=provider)
                self.assertIn(str(self.mid), r.provider_json)
                self.t.set_webhook_settings(provider, allow_unsigned=True)
                body = payload(json.loads(r.provider_json))
                headers = {"Content-Type": CONTENT_TYPE.get(provider, "application/json")}
                res = self.t.ingest_webhook(provider, body, headers=headers)
                self.assertEqual(res.verdict, "accepted", res.message)
                self.assertEqual(len(res.events), 1, res)
                self.assertEqual(res.events[0].mid, self.mid)
                self.assertEqual((res.recorded, res.dead_lettered, res.refused), (1, 0, 0), res)
                found = [e for e in self.t.events_of_message(self.mid) if e.provider == provider]
                self.assertEqual(len(found), 1)

    def test_header_forms(self) -> None:
        m = str(self.mid)
        want = {"sendgrid": 'X-SMTPAPI: {"unique_args":{"mtrk_mid":"%s"}}' % m,
                "ses": "X-SES-MESSAGE-TAGS: mtrk_mid=%s" % m,
                "mailgun": 'X-Mailgun-Variables: {"mtrk_mid":"%s"}' % m,
                "postmark": "X-PM-Metadata-mtrk_mid: %s" % m,
                "brevo": "X-Mailin-custom: mtrk_mid:%s" % m,
                "mailjet": "X-MJ-CustomID: %s" % m,
                "postal": "X-Postal-Tag: mtrk_mid:%s" % m,
                "resend": None, "mailersend": None}
        for provider, header in want.items():
            self.assertEqual(self.t.render(self.mid, provider=provider).provider_header, header)
        with self.assertRaises(mtrk.InvalidArgument):
            self.t.render(self.mid, provider="pigeon")

    def test_verp_return_path_round_trip(self) -> None:
        r = self.t.render(self.mid, return_path="bounces@b.acme.example")
        self.assertTrue(r.return_path.startswith("bounces+"))
        self.assertTrue(r.return_path.endswith("-mtrk-%s@b.acme.example" % self.mid.hex))
        self.assertEqual(self.t.verify_verp(r.return_path), self.mid)
        mail = ("From: MAILER-DAEMON@mx.example\r\nTo: %s\r\nSubject: Undelivered Mail Returned to Sender\r\n"
                "Content-Type: text/plain\r\n\r\n<ann@example.com>: host mx.example said: 550 5.1.1 User unknown\r\n"
                % r.return_path)
        rep = mtrk.bounces.parse(mail.encode())
        rec = rep.recipients[0]
        self.assertEqual((rec.mid, rec.verp), (self.mid, r.return_path))
        outcome, _ = self.t.record_bounce(rec, provider="dsn", provider_event_id="v-1")
        self.assertFalse(outcome.duplicate)
        self.assertEqual(self.t.bounce_facts(self.mid)[0].reason, mtrk.BounceReason.USER_UNKNOWN)
        rp = r.return_path
        forged = rp[:8] + ("0" if rp[8] != "0" else "1") + rp[9:]  # the signature's first digit changed
        with self.assertRaises(mtrk.SignatureError):
            self.t.verify_verp(forged)


if __name__ == "__main__":
    unittest.main()
