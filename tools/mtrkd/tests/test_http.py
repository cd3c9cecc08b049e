"""mtrkd over HTTP on loopback: every route, every refusal, the headers,
the limits (body, headers, slow clients), tenant isolation of the API, the
operations routes and a graceful SIGTERM."""
from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import os
import socket
import subprocess
import time
import unittest
import urllib.request

import support
from support import TOKENS, UA


class HttpTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.dir = support.tmpdir()
        cls.fx = support.Fixture(cls.dir.name)
        cls.srv = support.Server(cls.fx.path, cls.dir.name, "--timeout", "2", "--max-body", "4096",
                                 "--max-events-body", "65536", "--header-memory", "8192")
        cls.a = cls.fx.t["acme"]
        cls.b = cls.fx.t["beta"]

    @classmethod
    def tearDownClass(cls) -> None:
        rc = cls.srv.stop()
        cls.dir.cleanup()
        assert rc == 0, rc

    # -- helpers -----------------------------------------------------------
    def req(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        c = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=10)
        h = {"User-Agent": UA}
        h.update(headers or {})
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r, data

    def api(self, path: str, tenant: str = "acme", token: str | None = None, method: str = "GET",
            body: bytes | None = None):
        tok = TOKENS[tenant] if token is None else token
        r, data = self.req(method, "/api/v1/tenants/%s%s" % (tenant, path), body,
                           {"Authorization": "Bearer " + tok} if tok else {})
        return r, (json.loads(data) if data and r.getheader("Content-Type", "").startswith("application/json")
                   else data)

    def events(self, tenant: str = "acme"):
        return support.export_events(self.fx.path, tenant)

    def metrics(self, tenant: str = "acme"):
        r, m = self.api("/campaigns/" + self.fx.t[tenant]["campaign"], tenant)
        self.assertEqual(r.status, 200)
        return m["metrics"]

    def assert_refused(self, method: str, path: str, body: bytes | None = None, status: int = 404,
                       headers: dict | None = None) -> None:
        before = len(self.events("acme")) + len(self.events("beta"))
        r, data = self.req(method, path, body, headers)
        self.assertEqual(r.status, status, (method, path, data))
        if status == 404:
            self.assertEqual(data, b"not found\n")
            self.assertTrue(r.getheader("Content-Type").startswith("text/plain"))
            self.assertIsNone(r.getheader("Location"))
        self.assertEqual(len(self.events("acme")) + len(self.events("beta")), before, "a refusal recorded")

    # -- tracking ----------------------------------------------------------
    def test_open_pixel(self) -> None:
        r, data = self.req("GET", self.a["open"][0])
        self.assertEqual(r.status, 200)
        self.assertEqual(r.getheader("Content-Type"), "image/gif")
        self.assertTrue(data.startswith(b"GIF8"))
        cc = r.getheader("Cache-Control")
        self.assertIn("no-store", cc)
        self.assertIn("private", cc)
        opens = [e for e in self.events() if e["type"] == "open" and e["mid"] == self.a["mids"][0]]
        self.assertEqual(len(opens), 1)
        self.assertEqual(opens[0]["user_agent"], UA)
        self.assertEqual(opens[0]["ip"], "127.0.0.1")

    def test_click_redirects_to_catalogued_url(self) -> None:
        r, _ = self.req("GET", self.a["click"][1])
        self.assertEqual(r.status, 302)
        self.assertEqual(r.getheader("Location"), "https://shop.example.com/buy")
        self.assertEqual(r.getheader("Cache-Control"), "no-store")
        clicks = [e for e in self.events() if e["type"] == "click" and e["mid"] == self.a["mids"][1]]
        self.assertEqual(len(clicks), 1)
        self.assertEqual(clicks[0]["lid"], self.a["links"][0])

    def test_click_with_a_query_is_refused(self) -> None:
        self.assert_refused("GET", self.a["click"][2] + "?url=https://evil.example.com/")

    def test_forged_and_tampered_urls_are_refused(self) -> None:
        p = self.a["click"][2]
        last = p[-1]
        tampered = p[:-1] + ("A" if last != "A" else "B")
        self.assert_refused("GET", tampered)
        self.assert_refused("GET", p[:-5])  # truncated
        self.assert_refused("GET", "/c/acme/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
        self.assert_refused("GET", self.a["open"][2][:-4])  # no .gif
        self.assert_refused("GET", "/o/nosuchtenant/xyz.gif")
        self.assert_refused("GET", "/nothing/here")

    def test_another_tenants_url_is_refused(self) -> None:
        # beta's token under acme's key in the path: signed for another tenant.
        p = self.b["click"][0].replace("/beta/", "/acme/")
        self.assert_refused("GET", p)
        p = self.b["open"][0].replace("/beta/", "/acme/")
        self.assert_refused("GET", p)

    def test_wrong_method_is_refused(self) -> None:
        self.assert_refused("POST", self.a["open"][3], b"x")
        self.assert_refused("POST", self.a["click"][3], b"x")
        self.assert_refused("DELETE", self.a["click"][3])
        self.assert_refused("PUT", self.a["unsub"][3], b"List-Unsubscribe=One-Click")

    def test_unsubscribe_get_confirms_post_records(self) -> None:
        p = self.a["unsub"][4]
        r, data = self.req("GET", p)
        self.assertEqual(r.status, 200)
        self.assertTrue(r.getheader("Content-Type").startswith("text/html"))
        self.assertIn(b'<form method="post">', data)
        self.assertEqual([e for e in self.events() if e["type"] == "unsubscribe" and e["mid"] == self.a["mids"][4]],
                         [])
        r, data = self.req("POST", p, b"List-Unsubscribe=One-Click",
                           {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 200)
        self.assertIn(b"unsubscribed", data)
        r, _ = self.req("POST", p, b"List-Unsubscribe=One-Click")
        self.assertEqual(r.status, 200)  # a repeat answers the same and records nothing
        unsubs = [e for e in self.events() if e["type"] == "unsubscribe" and e["mid"] == self.a["mids"][4]]
        self.assertEqual(len(unsubs), 1)

    def test_landing_visit_and_lead_form(self) -> None:
        p = self.a["landing"][5]
        r, _ = self.req("GET", p)
        self.assertEqual(r.status, 302)
        token = p.rsplit("/", 1)[1]
        self.assertEqual(r.getheader("Location"), "https://shop.example.com/spring?mtrk_token=" + token)
        before = self.metrics()["leads_total"]
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        r, data = self.req("POST", p, b"email=lead%40example.org&company=Example+Ltd", form)
        self.assertEqual(r.status, 200, data)
        self.assertIn(b"Thank you", data)
        r, _ = self.req("POST", p, b"email=lead%40example.org&company=Example+Ltd", form)
        self.assertEqual(r.status, 200)  # the same form again: one lead
        m = self.metrics()
        self.assertEqual(m["leads_total"], before + 1)
        self.assertEqual(m["leads_attributed"], before + 1)
        r, data = self.req("POST", p, b"company=x", form)
        self.assertEqual(r.status, 400)
        self.assertIn(b"address", data)
        r, _ = self.req("POST", p, b"email=x%40example.org", {"Content-Type": "text/plain"})
        self.assertEqual(r.status, 415)
        self.assert_refused("POST", p[:-3] + "abc", b"email=y%40example.org", headers=form)
        self.assertEqual(self.metrics()["leads_total"], before + 1)

    # -- limits -------------------------------------------------------------
    def test_oversize_body_is_refused(self) -> None:
        self.assert_refused("POST", self.a["unsub"][0], b"x" * 5000, status=413)
        # Announced small, sent large (chunked): cut at the limit as it arrives.
        c = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=10)
        c.putrequest("POST", self.a["unsub"][0])
        c.putheader("Transfer-Encoding", "chunked")
        c.endheaders()
        try:
            for _ in range(10):
                c.send(b"400\r\n" + b"y" * 1024 + b"\r\n")
            c.send(b"0\r\n\r\n")
            r = c.getresponse()
            self.assertEqual(r.status, 413)
        except (BrokenPipeError, ConnectionResetError):
            pass  # answered 413 and closed before the rest was sent
        c.close()
        self.assertEqual([e for e in self.events() if e["type"] == "unsubscribe" and e["mid"] == self.a["mids"][0]],
                         [])

    def test_oversize_headers_are_refused(self) -> None:
        r, _ = self.req("GET", self.a["open"][0], headers={"X-Big": "z" * 20000})
        self.assertIn(r.status, (413, 431))

    def test_slow_client_is_cut(self) -> None:
        s = socket.create_connection(("127.0.0.1", self.srv.port))
        s.sendall(b"GET " + self.a["open"][0].encode() + b" HTTP/1.1\r\nHost: x\r\n")
        t0 = time.time()
        s.settimeout(10)
        data = s.recv(100)  # the server closes the idle connection at its timeout (2 s)
        self.assertEqual(data, b"")
        self.assertLess(time.time() - t0, 6)
        s.close()
        # Nothing was recorded for a request that never completed.
        opens = [e for e in self.events() if e["type"] == "open" and e["mid"] == self.a["mids"][0]]
        self.assertLessEqual(len(opens), 1)

    # -- API ---------------------------------------------------------------
    def test_api_requires_the_tenants_token(self) -> None:
        for path in ("/campaigns", "/campaigns/" + self.a["campaign"]):
            self.assertEqual(self.api(path, token="")[0].status, 401)
            self.assertEqual(self.api(path, token="wrong-token-0123456789")[0].status, 401)
            r, _ = self.api(path, token=TOKENS["beta"])  # beta's token on acme's data
            self.assertEqual(r.status, 401)
            self.assertEqual(r.getheader("WWW-Authenticate"), 'Bearer realm="mtrkd"')

    def test_provider_webhook_route(self) -> None:
        """POST /webhooks/{tenant}/{provider}: a Mailgun request, signed with
        the tenant's key (hex HMAC-SHA256 of timestamp + token), is recorded;
        the same request again is a replay (200, nothing written); a wrong
        signature is 401, a body that is not Mailgun's 400, an
        unknown tenant 404, and a GET 405."""
        tool = os.environ.get("MTRK_BIN", "build/tools/mtrk")
        subprocess.run([tool, "--db", self.fx.path, "--tenant", "acme", "webhook", "key", "add", "mailgun",
                        "mg-signing-key"], check=True, capture_output=True)
        mid = self.a["mids"][4]

        def body(key: str, event_id: str, token: str = "tok-1") -> bytes:
            ts = str(int(time.time()))
            sig = hmac.new(key.encode(), (ts + token).encode(), hashlib.sha256).hexdigest()
            return json.dumps({"signature": {"timestamp": ts, "token": token, "signature": sig},
                               "event-data": {"event": "delivered", "id": event_id, "timestamp": float(ts),
                                              "recipient": "x@example.com",
                                              "user-variables": {"mtrk_mid": mid}}}).encode()

        before = len([e for e in self.events() if e.get("provider") == "mailgun"])
        hdr = {"Content-Type": "application/json"}
        r, data = self.req("POST", "/webhooks/acme/mailgun", body("mg-signing-key", "mg-ev-1"), hdr)
        self.assertEqual(r.status, 200, data)
        out = json.loads(data)
        self.assertEqual((out["verdict"], out["recorded"]), ("accepted", 1), out)
        mine = [e for e in self.events() if e.get("provider") == "mailgun"]
        self.assertEqual(len(mine), before + 1)
        self.assertEqual(mine[-1]["mid"], mid)
        # The same request again (its signed token seen): a replay, nothing written, still 200.
        r, data = self.req("POST", "/webhooks/acme/mailgun", body("mg-signing-key", "mg-ev-1"), hdr)
        self.assertEqual((r.status, json.loads(data)["verdict"]), (200, "replayed"))
        # The provider's retry of the same event in a new request: a duplicate, still 200.
        r, data = self.req("POST", "/webhooks/acme/mailgun", body("mg-signing-key", "mg-ev-1", "tok-2"), hdr)
        self.assertEqual((r.status, json.loads(data)["duplicates"]), (200, 1))
        r, data = self.req("POST", "/webhooks/acme/mailgun", body("another-key", "mg-ev-2"), hdr)
        self.assertEqual((r.status, json.loads(data)["verdict"]), (401, "signature_refused"))
        r, data = self.req("POST", "/webhooks/acme/mailgun", b"{not json", hdr)
        self.assertEqual((r.status, json.loads(data)["verdict"]), (400, "malformed"))
        r, _ = self.req("POST", "/webhooks/nosuch/mailgun", body("mg-signing-key", "mg-ev-3"), hdr)
        self.assertEqual(r.status, 404)
        r, _ = self.req("GET", "/webhooks/acme/mailgun")
        self.assertEqual(r.status, 405)
        self.assertEqual(len([e for e in self.events() if e.get("provider") == "mailgun"]), before + 1)

    def test_mandrill_signed_over_a_long_url(self) -> None:
        """Mandrill signs the URL it posted to (scheme, Host, path) with the
        form fields: a Host header of 6,000 octets still gives the whole URL
        to the check (it used to be cut at 4,096 octets, so the signature
        could never match)."""
        import base64
        import urllib.parse
        tool = os.environ.get("MTRK_BIN", "build/tools/mtrk")
        subprocess.run([tool, "--db", self.fx.path, "--tenant", "acme", "webhook", "key", "add", "mandrill",
                        "md-key"], check=True, capture_output=True)
        mid = self.a["mids"][5]
        host = "h" * 5990 + ".example"
        path = "/webhooks/acme/mandrill"
        events = json.dumps([{"event": "send", "ts": int(time.time()), "_id": "md-long-1",
                              "msg": {"email": "x@example.com", "metadata": {"mtrk_mid": mid}}}])
        signed = "https://" + host + path + "mandrill_events" + events
        sig = base64.b64encode(hmac.new(b"md-key", signed.encode(), hashlib.sha1).digest()).decode()
        body = urllib.parse.urlencode({"mandrill_events": events}).encode()
        hdr = {"Host": host, "X-Forwarded-Proto": "https", "X-Mandrill-Signature": sig,
               "Content-Type": "application/x-www-form-urlencoded"}
        r, data = self.req("POST", path, body, hdr)
        self.assertEqual(r.status, 200, data)
        self.assertEqual((json.loads(data)["verdict"], json.loads(data)["recorded"]), ("accepted", 1))
        # Signed over the URL cut short: refused.
        short = "https://" + (host + path)[:4096 - len("https://") - 1] + "mandrill_events" + events
        hdr["X-Mandrill-Signature"] = base64.b64encode(hmac.new(b"md-key", short.encode(),
                                                                hashlib.sha1).digest()).decode()
        r, data = self.req("POST", path, body, hdr)
        self.assertEqual((r.status, json.loads(data)["verdict"]), (401, "signature_refused"))

    def test_tokens_created_and_revoked_with_the_tool_take_effect_at_once(self) -> None:
        tool = os.environ.get("MTRK_BIN", "build/tools/mtrk")
        made = json.loads(subprocess.run([tool, "--db", self.fx.path, "--tenant", "acme", "token", "create",
                                          "ops", "--json"], check=True, capture_output=True, text=True).stdout)
        self.assertEqual(self.api("/campaigns", token=made["token"])[0].status, 200)
        # The same token on beta's routes: refused.
        self.assertEqual(self.api("/campaigns", tenant="beta", token=made["token"])[0].status, 401)
        subprocess.run([tool, "--db", self.fx.path, "--tenant", "acme", "token", "revoke", made["id"]], check=True,
                       capture_output=True)
        self.assertEqual(self.api("/campaigns", token=made["token"])[0].status, 401)
        # A token with one octet changed: refused.
        other = made["token"][:-1] + ("A" if made["token"][-1] != "A" else "B")
        self.assertEqual(self.api("/campaigns", token=other)[0].status, 401)
        self.assertEqual(self.api("/campaigns")[0].status, 200)  # the fixture's token still opens acme

    def test_api_never_shows_another_tenants_data(self) -> None:
        # acme's token on acme's routes naming beta's ids: not found.
        r, body = self.api("/campaigns/" + self.b["campaign"])
        self.assertEqual(r.status, 404, body)
        r, _ = self.api("/campaigns/" + self.b["campaign"] + "/links")
        self.assertEqual(r.status, 404)
        r, _ = self.api("/campaigns/" + self.b["campaign"] + "/events")
        self.assertEqual(r.status, 404)
        r, _ = self.api("/contacts/" + self.b["contacts"][0] + "/events")
        self.assertEqual(r.status, 404)
        r, body = self.api("/campaigns")
        self.assertEqual([c["id"] for c in body["items"]], [self.a["campaign"]])
        r, body = self.api("/campaigns", tenant="beta")
        self.assertEqual([c["id"] for c in body["items"]], [self.b["campaign"]])

    def test_api_campaign_figures(self) -> None:
        self.req("GET", self.b["open"][1])
        self.req("GET", self.b["click"][1])
        self.req("GET", self.b["click2"][2])
        self.req("GET", self.b["click2"][3])
        r, c = self.api("/campaigns/" + self.b["campaign"], tenant="beta")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.getheader("Content-Type"), "application/json")
        m = c["metrics"]
        self.assertEqual((m["sent"], m["opens_total"], m["clicks_total"], m["clicks_unique"]), (6, 1, 3, 3))
        self.assertEqual(c["split"]["clicks"]["unique_human"], m["clicks_unique_human"])
        r, links = self.api("/campaigns/" + self.b["campaign"] + "/links", tenant="beta")
        self.assertEqual([(l["label"], l["clicks_unique"], l["rank"]) for l in links["items"]],
                         [("Lookbook", 2, 1), ("Buy now", 1, 2), ("Pricing", 0, 3)])
        r, page = self.api("/campaigns/" + self.b["campaign"] + "/links?limit=1&offset=1", tenant="beta")
        self.assertEqual([l["label"] for l in page["items"]], ["Buy now"])
        self.assertEqual(page["next_offset"], 2)
        r, h = self.api("/campaigns/" + self.b["campaign"] + "/hourly", tenant="beta")
        self.assertEqual(r.status, 200)
        self.assertEqual(len(h["series"]["click"]), h["hours"])
        self.assertEqual(sum(h["series"]["click"]), 3)
        self.assertEqual(sum(h["series"]["open"]), 1)
        self.assertEqual(h["from"] % 3600000, 0)
        # span=first: the week from the first event (the messages' sent events at T0).
        r, first = self.api("/campaigns/" + self.b["campaign"] + "/hourly?span=first", tenant="beta")
        self.assertEqual(first["from"], int(support.T0.timestamp() * 1000))
        self.assertEqual(first["series"]["sent"][0], 6)
        self.assertEqual(first["hours"], 7 * 24)
        r, last = self.api("/campaigns/" + self.b["campaign"] + "/hourly?span=last", tenant="beta")
        self.assertEqual(last["from"], h["from"])
        r, fixed = self.api("/campaigns/%s/hourly?from=%d&to=%d" % (self.b["campaign"], first["from"],
                                                                   first["from"] + 2 * 3600000), tenant="beta")
        self.assertEqual((fixed["hours"], fixed["series"]["sent"]), (2, [6, 0]))
        self.assertEqual(self.api("/campaigns/%s/hourly?span=all" % self.b["campaign"], tenant="beta")[0].status,
                         400)

    def test_api_event_listing_pages_with_a_cursor(self) -> None:
        for i in range(3):
            self.req("GET", self.b["open"][5])
        seen = []
        cursor = None
        while True:
            q = "/campaigns/%s/events?type=open&limit=2%s" % (self.b["campaign"], "&cursor=" + cursor if cursor else "")
            r, page = self.api(q, tenant="beta")
            self.assertEqual(r.status, 200, page)
            self.assertLessEqual(len(page["items"]), 2)
            seen += [e["id"] for e in page["items"]]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        opens = [e for e in self.events("beta") if e["type"] == "open"]
        self.assertEqual(len(seen), len(opens))
        self.assertEqual(len(set(seen)), len(seen))
        self.assertEqual(self.api("/campaigns/%s/events?cursor=zz" % self.b["campaign"], tenant="beta")[0].status,
                         400)
        self.assertEqual(self.api("/campaigns/%s/events?type=nope" % self.b["campaign"], tenant="beta")[0].status,
                         400)
        self.assertEqual(self.api("/campaigns?limit=0")[0].status, 400)

    def test_api_contact_history(self) -> None:
        self.req("GET", self.b["open"][4])
        self.req("GET", self.b["click"][4])
        r, page = self.api("/contacts/user4%40beta.example/events", tenant="beta")
        self.assertEqual(r.status, 200, page)
        types = [e["type"] for e in page["items"]]
        self.assertIn("open", types)
        self.assertIn("click", types)
        self.assertTrue(all(e["mid"] == self.b["mids"][4] for e in page["items"]))
        r, page2 = self.api("/contacts/%s/events" % page["items"][0]["contact"], tenant="beta")
        self.assertEqual([e["id"] for e in page2["items"]], [e["id"] for e in page["items"]])

    def test_api_is_read_only(self) -> None:
        r, _ = self.api("/campaigns", method="POST", body=b"{}")
        self.assertEqual(r.status, 405)
        r, _ = self.api("/events", method="GET")
        self.assertEqual(r.status, 405)

    # -- event route ---------------------------------------------------------
    def test_event_route_records_and_reports_each_line(self) -> None:
        mid = self.a["mids"][2]
        lines = [
            {"type": "delivered", "mid": mid, "occurred_at": "2026-03-02T09:01:00Z", "provider": "esp",
             "provider_event_id": "d-1"},
            {"type": "bounce", "mid": self.a["mids"][3], "bounce_kind": "soft", "diagnostic": "mailbox full",
             "occurred_at": 1772442120000},
        ]
        body = "\n".join(json.dumps(l) for l in lines).encode() + b"\n"
        r, out = self.api("/events", method="POST", body=body)
        self.assertEqual(r.status, 200, out)
        self.assertEqual((out["recorded"], out["duplicates"], out["refused"]), (2, 0, 0))
        self.assertEqual([l["outcome"] for l in out["lines"]], ["recorded", "recorded"])
        r, out = self.api("/events", method="POST", body=body)  # re-delivery: duplicates
        self.assertEqual(r.status, 200)
        self.assertEqual((out["recorded"], out["duplicates"]), (0, 2))
        bad = (json.dumps({"type": "click", "mid": mid, "lid": self.b["links"][0], "provider_event_id": "c-9"})
               + "\nnot json\n" + json.dumps({"type": "open", "mid": mid, "provider_event_id": "o-9"}) + "\n")
        r, out = self.api("/events", method="POST", body=bad.encode())
        self.assertEqual(r.status, 422, out)
        self.assertEqual([l["outcome"] for l in out["lines"]], ["refused", "refused", "recorded"])
        self.assertEqual(out["lines"][0]["argument"], "lid")
        self.assertTrue(out["lines"][0]["message"])
        self.assertIn("not JSON", out["lines"][1]["message"])
        # beta's token cannot post into acme, nor acme's mids into beta.
        r, _ = self.api("/events", method="POST", body=body, token=TOKENS["beta"])
        self.assertEqual(r.status, 401)
        r, out = self.api("/events", tenant="beta", method="POST",
                          body=(json.dumps({"type": "open", "mid": mid}) + "\n").encode())
        self.assertEqual(r.status, 422)
        self.assertEqual(out["lines"][0]["outcome"], "refused")

    def test_event_route_many_lines_keep_their_own_fields(self) -> None:
        # Lines without provider ids (derived keys) and with IPs to clean:
        # every line's stored fields are its own, in a body of many lines.
        mid = self.a["mids"][5]
        body = "".join(json.dumps({"type": "open", "mid": mid, "occurred_at": 1772442000000 + i,
                                   "ip": "10.0.%d.%d" % (i // 250, i % 250 + 1), "user_agent": "ua-%d" % i}) + "\n"
                       for i in range(300))
        r, out = self.api("/events", method="POST", body=body.encode())
        self.assertEqual(r.status, 200, out)
        self.assertEqual(out["recorded"], 300)
        stored = {e["user_agent"]: e for e in self.events() if (e.get("user_agent") or "").startswith("ua-")}
        for i in range(300):
            self.assertEqual(stored["ua-%d" % i]["ip"], "10.0.%d.%d" % (i // 250, i % 250 + 1))
        r, out = self.api("/events", method="POST", body=body.encode())
        self.assertEqual((out["recorded"], out["duplicates"]), (0, 300))

    def test_event_route_body_limit(self) -> None:
        r, _ = self.api("/events", method="POST", body=b"{}\n" * 30000)
        self.assertEqual(r.status, 413)

    # -- dashboard and operations -------------------------------------------
    def test_dashboard_headers(self) -> None:
        for p, ctype in (("/dashboard/", "text/html"), ("/dashboard/app.js", "text/javascript"),
                         ("/dashboard/app.css", "text/css")):
            r, data = self.req("GET", p)
            self.assertEqual(r.status, 200)
            self.assertTrue(r.getheader("Content-Type").startswith(ctype))
            csp = r.getheader("Content-Security-Policy")
            self.assertIn("default-src 'none'", csp)
            self.assertIn("script-src 'self'", csp)
            self.assertIn("connect-src 'self'", csp)
            self.assertEqual(r.getheader("X-Frame-Options"), "DENY")
        r, data = self.req("GET", "/dashboard/")
        self.assertNotIn(b"http://", data)
        self.assertNotIn(b"https://", data)
        self.assertEqual(self.req("GET", "/dashboard/nope.js")[0].status, 404)
        self.assertEqual(self.req("POST", "/dashboard/", b"")[0].status, 405)

    def test_healthz_and_metrics(self) -> None:
        r, data = self.req("GET", "/healthz")
        self.assertEqual((r.status, data), (200, b"ok\n"))
        self.req("GET", self.a["open"][1])
        self.req("GET", "/o/acme/forged.gif")
        r, data = self.req("GET", "/metrics")
        self.assertEqual(r.status, 200)
        self.assertTrue(r.getheader("Content-Type").startswith("text/plain; version=0.0.4"))
        text = data.decode()
        self.assertRegex(text, r'mtrkd_requests_total\{route="pixel",status="200"\} [1-9]')
        self.assertRegex(text, r'mtrkd_requests_total\{route="pixel",status="404"\} [1-9]')
        self.assertRegex(text, r'mtrkd_request_duration_seconds_bucket\{route="pixel",le="\+Inf"\} [1-9]')
        self.assertRegex(text, r'mtrkd_events_recorded_total\{route="pixel"\} [1-9]')
        self.assertRegex(text, r'mtrkd_refusals_total\{reason="signature"\} [1-9]')

    def test_access_log(self) -> None:
        self.req("GET", "/healthz?probe=access-log")
        def text() -> str:
            with open(self.srv.log) as f:
                return f.read()
        self.assertTrue(support.wait_for(lambda: '"GET /healthz" 200' in text()))
        line = [l for l in text().splitlines() if '"GET /healthz" 200' in l][-1]
        self.assertIn("127.0.0.1", line)
        self.assertIn("healthz", line)
        # An address in the path is not written to the log.
        self.api("/contacts/user3%40acme.example/events")
        self.assertTrue(support.wait_for(lambda: "/contacts/{address}/events" in text()))
        self.assertNotIn("user3@acme.example", text())


class ConfigTest(unittest.TestCase):
    def run_mtrkd(self, *args: str, env: dict | None = None):
        e = dict(os.environ)
        e.update(env or {})
        return subprocess.run([support.MTRKD, *args], capture_output=True, text=True, env=e, timeout=30)

    def test_bad_configuration_is_refused_with_its_name(self) -> None:
        for args, env, words in (
            (["--threads", "x"], None, '--threads: "x" is not a number'),
            (["--threads", "0"], None, "--threads: at least 1"),
            (["--sync", "fast"], None, '--sync: "fast" is not off, normal or full'),
            (["--bogus", "1"], None, "unknown option --bogus"),
            (["--db", "memory:"], None, "memory: is private"),
            ([], {"MTRKD_MAX_BODY": "-5"}, '--max-body: "-5" is not a number'),
            (["--tokens", "/etc/mtrkd/tokens"], None, "--tokens is gone: API tokens live in the database"),
            (["--hash-token"], None, "--hash-token is gone"),
            ([], {"MTRKD_TOKEN_HASHES": "acme:00"}, "MTRKD_TOKENS and MTRKD_TOKEN_HASHES are gone"),
        ):
            p = self.run_mtrkd(*args, env=env)
            self.assertEqual(p.returncode, 2, (args, p.stderr))
            self.assertIn(words, p.stderr)

    def test_environment_configures_and_flags_win(self) -> None:
        with support.tmpdir() as d:
            fx = support.Fixture(d, n=1)
            srv = support.Server(fx.path, d, env={"MTRKD_LISTEN": "127.0.0.1:1", "MTRKD_MAX_BODY": "100"})
            try:  # --listen 127.0.0.1:0 (the flag) won over MTRKD_LISTEN; the body limit came from the env
                self.assertNotEqual(srv.port, 1)
                c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
                c.request("POST", fx.t["acme"]["unsub"][0], body=b"x" * 101)
                self.assertEqual(c.getresponse().status, 413)
                c.close()
            finally:
                self.assertEqual(srv.stop(), 0)


class ConnectionLimitTest(unittest.TestCase):
    def test_connections_over_the_per_ip_limit_are_closed(self) -> None:
        with support.tmpdir() as d:
            fx = support.Fixture(d, n=1)
            srv = support.Server(fx.path, d, "--per-ip-connections", "2", "--timeout", "5")
            try:
                held = [socket.create_connection(("127.0.0.1", srv.port)) for _ in range(2)]
                time.sleep(0.2)
                extra = socket.create_connection(("127.0.0.1", srv.port))
                extra.settimeout(5)
                extra.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                try:
                    data = extra.recv(100)
                except ConnectionResetError:
                    data = b""
                self.assertEqual(data, b"", "a third connection from one address was served")
                extra.close()
                for h in held:
                    h.close()
                time.sleep(0.2)
                c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
                c.request("GET", "/healthz")
                self.assertEqual(c.getresponse().status, 200)  # once the others closed, it serves again
                c.close()
            finally:
                self.assertEqual(srv.stop(), 0)


class ShutdownTest(unittest.TestCase):
    def test_sigterm_finishes_requests_in_flight(self) -> None:
        with support.tmpdir() as d:
            fx = support.Fixture(d, n=2)
            srv = support.Server(fx.path, d)
            a = fx.t["acme"]
            # A request whose body is still arriving when SIGTERM comes.
            c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
            c.putrequest("POST", a["unsub"][0])
            c.putheader("Content-Length", "26")
            c.endheaders()
            c.send(b"List-Unsubscribe")
            time.sleep(0.3)
            srv.proc.send_signal(15)
            time.sleep(0.3)
            # No new connection is accepted any more ...
            with self.assertRaises(OSError):
                socket.create_connection(("127.0.0.1", srv.port), timeout=2).recv(1)
            # ... and the one in flight is answered.
            c.send(b"=One-Click")
            r = c.getresponse()
            self.assertEqual(r.status, 200)
            r.read()
            c.close()
            self.assertEqual(srv.stop(), 0)
            unsubs = [e for e in support.export_events(fx.path, "acme") if e["type"] == "unsubscribe"]
            self.assertEqual(len(unsubs), 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
