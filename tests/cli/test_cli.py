#!/usr/bin/env python3
"""The mtrk tool, command by command: exit statuses, output, files written,
nothing lost on bad input. Run by meson (suite 'cli') with MTRK_BIN set to
the built tool and MTRK_SRC to the source tree; stdlib only."""
import csv
import json
import os
import shutil
import subprocess
import tempfile
import unittest

BIN = os.environ.get("MTRK_BIN", "build/tools/mtrk")
SRC = os.environ.get("MTRK_SRC", ".")


class Tool:
    def __init__(self, tmp):
        self.tmp = tmp
        self.db = os.path.join(tmp, "t.db")

    def run(self, *args, stdin=None, db=None, expect=0):
        env = dict(os.environ)
        env.pop("MTRK_DB", None)
        env.pop("MTRK_TENANT", None)
        p = subprocess.run([BIN, "--db", db or self.db] + list(args), input=stdin, capture_output=True,
                           text=True, env=env, cwd=self.tmp, timeout=300)
        if expect is not None and p.returncode != expect:
            raise AssertionError("mtrk %s: exit %d, expected %d\nstdout: %s\nstderr: %s" %
                                 (" ".join(args), p.returncode, expect, p.stdout, p.stderr))
        return p

    def json(self, *args, **kw):
        return json.loads(self.run(*args, **kw).stdout)

    def write(self, name, text, mode="w"):
        path = os.path.join(self.tmp, name)
        with open(path, mode) as f:
            f.write(text)
        return path


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mtrk-cli-")
        self.t = Tool(self.tmp)
        self.t.run("init")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- a small campaign used by several tests
    def campaign(self, n=40, name="C1"):
        rows = "address,name,Plan\n" + "".join("u%d@example.com,User %d,pro\n" % (i, i) for i in range(n))
        self.t.run("audience", "create", "list-" + name)
        self.t.run("contacts", "import", self.t.write(name + ".csv", rows), "--audience", "list-" + name)
        cid = self.t.run("campaign", "create", "--name", name, "--subject", "Hi", "--from", "news@example.com",
                         "--link", "Buy=https://s.example.com/buy", "--link", "Blog=https://s.example.com/blog",
                         "--link", "=cmd|'/C calc'!A0=https://s.example.com/x",
                         "--landing-page", "https://s.example.com/lp").stdout.strip()
        self.t.run("campaign", "attach", name, "list-" + name)
        self.t.run("generate", name)
        self.t.run("campaign", "status", name, "scheduled")
        self.t.run("campaign", "status", name, "sending")
        return cid

    # ---------------------------------------------------------------- tokens
    def test_token_create_list_revoke(self):
        p = self.t.run("token", "create", "ci deploy")
        token = p.stdout.strip()
        self.assertTrue(token.startswith("mtrk_") and len(token) == 91, token)
        self.assertIn("shown this once", p.stderr)
        made = self.t.json("token", "create", "dashboard", "--json")
        self.assertEqual(made["label"], "dashboard")
        rows = [json.loads(l) for l in self.t.run("token", "list", "--json").stdout.splitlines()]
        self.assertEqual([r["label"] for r in rows], ["ci deploy", "dashboard"])
        self.assertTrue(all(r["revoked_at"] is None for r in rows))
        listing = self.t.run("token", "list").stdout
        self.assertNotIn(token, listing)
        self.assertNotIn(made["token"], listing)
        self.assertEqual(self.t.json("token", "revoke", made["id"], "--json"), {"revoked": True})
        rows = [json.loads(l) for l in self.t.run("token", "list", "--json").stdout.splitlines()]
        self.assertIsNotNone(rows[1]["revoked_at"])
        self.assertIsNone(rows[0]["revoked_at"])
        # Another tenant's token, an unknown id, a malformed id, an empty label.
        self.t.run("tenant", "create", "beta")
        self.assertIn("has no token", self.t.run("--tenant", "beta", "token", "revoke", rows[0]["id"],
                                                 expect=2).stderr)
        self.assertEqual(self.t.run("--tenant", "beta", "token", "list").stdout, "")
        self.assertIn("not a token id", self.t.run("token", "revoke", "nope", expect=1).stderr)
        self.assertIn("label is empty", self.t.run("token", "create", "", expect=2).stderr)
        self.assertIn("api_token.create", self.t.run("audit").stdout)
        self.assertNotIn(token, self.t.run("audit").stdout)

    # ---------------------------------------------------------------- global
    def test_help_and_usage_errors(self):
        self.assertIn("usage", self.t.run("--help").stdout)
        for cmd in (["contacts", "import"], ["report"], ["events", "ingest"], ["simulate"], ["export"]):
            self.assertIn("usage", self.t.run(*cmd, "--help").stdout)
        self.t.run("nosuch", expect=1)
        self.t.run("contacts", "import", expect=1)           # missing FILE
        self.t.run("audience", "list", "--bogus", expect=1)  # unknown option
        self.t.run("report", "--hours", "x", "C", expect=1)
        p = self.t.run("audience", "list", db=os.path.join(self.tmp, "missing.db"), expect=2)
        self.assertIn("missing.db", p.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "missing.db")))

    def test_tenants(self):
        self.t.run("tenant", "create", "acme", "--tracking-url", "https://t.example.com")
        self.assertEqual(self.t.json("tenant", "list", "--json"), ["acme", "default"])
        self.t.run("tenant", "create", "acme", expect=2)
        self.t.run("tenant", "create", "bad key!", expect=1)
        s = self.t.json("--tenant", "acme", "tenant", "show", "--json")
        self.assertEqual(s["tracking_base_url"], "https://t.example.com")
        self.t.run("--tenant", "acme", "tenant", "set", "--tracking-url", "ftp://x", expect=2)
        self.t.run("--tenant", "nope", "audience", "list", expect=2)

    def test_tenant_set_refuses_durations_that_would_overflow(self):
        before = self.t.json("tenant", "show", "--json")
        for opt, value in (("--retention-days", "213503982335"), ("--attribution-days", "213503982335"),
                           ("--retention-days", "36501"), ("--retention-days", "0"),
                           ("--soft-bounce-threshold", "4294967297")):
            p = self.t.run("tenant", "set", opt, value, expect=1)
            self.assertIn(opt, p.stderr)
            self.assertIn(value, p.stderr)
        self.assertEqual(self.t.json("tenant", "show", "--json"), before)
        self.t.run("tenant", "set", "--retention-days", "36500", "--attribution-days", "36500")
        s = self.t.run("tenant", "show").stdout
        self.assertIn("retention              36500 days", s)

    # -------------------------------------------------------------- contacts
    def test_import_rejects_and_summary(self):
        data = ("EMAIL,Name,City\n"
                "a@example.com,Ann,Lisboa\n"
                "not-an-address,Bad,X\n"
                "A@EXAMPLE.com,Dup,Y\n"
                "\"x y@example.com\",Q,Z\n"
                "b@example.com,\"Multi\nline\",Porto\n"
                "c@example.com,Carl,Recife\n").encode() + b"d@example.com,\xff\xfe,Bad\n"
        path = self.t.write("in.csv", data, "wb")
        p = self.t.run("contacts", "import", path, "--json", expect=2)
        s = json.loads(p.stdout)
        self.assertEqual((s["read"], s["added"], s["already_present"], s["rejected"]), (7, 3, 0, 4))
        with open(path + ".rejects.csv", newline="", errors="surrogateescape") as f:
            rej = list(csv.DictReader(f))
        reasons = {int(r["line"]): r["reason"] for r in rej}
        self.assertIn("invalid address", reasons[3])
        self.assertIn("duplicate within the file", reasons[4])
        self.assertIn("invalid address", reasons[5])
        self.assertIn("bad encoding", reasons[9])  # line numbers count physical lines (b's name spans 6-7)
        shown = self.t.json("contacts", "find", "c@example.com", "--json")
        self.assertEqual(shown["address"], "c@example.com")
        full = self.t.run("contacts", "show", "a@example.com").stdout
        self.assertIn("city = Lisboa", full)
        # a second import: everything already present, custom rejects path
        again = self.t.json("contacts", "import", self.t.write("ok.csv", "address\na@example.com\nb@example.com\n"),
                            "--rejects", os.path.join(self.tmp, "r.csv"), "--json")
        self.assertEqual((again["added"], again["already_present"], again["rejected"]), (0, 2, 0))
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "r.csv")))

    def test_import_errors(self):
        self.t.run("contacts", "import", os.path.join(self.tmp, "none.csv"), expect=2)
        p = self.t.run("contacts", "import", self.t.write("h.csv", "name,city\nx,y\n"), expect=2)
        self.assertIn("no address column", p.stderr)
        self.t.run("contacts", "import", self.t.write("e.csv", ""), expect=2)
        self.t.run("contacts", "import", self.t.write("a.csv", "address\nx@example.com\n"), "--audience", "nope",
                   expect=2)

    def test_contacts_audiences_unsub_suppress(self):
        self.t.run("audience", "create", "A")
        self.t.run("audience", "add", "A", "x@example.com", "y@example.com")
        members = [json.loads(l) for l in self.t.run("audience", "members", "A", "--json").stdout.splitlines()]
        self.assertEqual(sorted(m["address"] for m in members), ["x@example.com", "y@example.com"])
        self.assertEqual(self.t.json("audience", "remove", "A", "y@example.com", "--json"), {"removed": 1})
        self.t.run("audience", "remove", "A", "nobody@example.com", expect=2)
        self.assertEqual(self.t.json("audience", "list", "--json")[0]["members"], 1)
        self.assertTrue(self.t.json("unsubscribe", "x@example.com", "--json")["created"])
        self.t.run("unsubscribe", "x@example.com", "--remove")
        self.t.run("unsubscribe", "x@example.com", "--remove", expect=2)
        self.t.run("suppress", "add", "example.org", "--domain", "--reason", "test")
        self.assertIn("example.org", self.t.run("suppress", "list").stdout)
        self.t.run("suppress", "remove", "example.org", "--domain")
        self.t.run("suppress", "remove", "example.org", "--domain", expect=2)
        self.t.run("contacts", "erase", "x@example.com")
        self.t.run("contacts", "erase", "x@example.com", expect=2)  # the address is gone
        self.t.run("contacts", "find", "nobody@example.com", expect=2)
        actions = [json.loads(l)["action"] for l in self.t.run("audit", "--json").stdout.splitlines()]
        self.assertIn("contact.erase", actions)

    # ------------------------------------------------------------- campaigns
    def test_campaign_commands(self):
        self.campaign(10)
        shown = self.t.json("campaign", "show", "C1", "--json")
        self.assertEqual(shown["status"], "sending")
        links = [json.loads(l) for l in self.t.run("campaign", "links", "C1", "--json").stdout.splitlines()]
        self.assertEqual([l["label"] for l in links], ["Buy", "Blog", "=cmd|'/C calc'!A0"])
        self.t.run("campaign", "status", "C1", "draft", expect=2)
        self.t.run("campaign", "status", "C1", "flying", expect=1)
        self.t.run("campaign", "show", "nope", expect=2)
        self.t.run("campaign", "create", "--name", "X", expect=1)
        spec = self.t.write("spec.json", json.dumps({"name": "C2", "subject": "S", "from_address": "a@example.com",
                                                     "text": "hello", "links": [{"url": "https://e.example.com/",
                                                                                 "label": "E"}]}))
        self.t.run("campaign", "create", "--spec", spec)
        self.t.run("campaign", "create", "--spec", self.t.write("bad.json", "{"), expect=2)
        self.t.run("campaign", "create", "--name", "C2", "--subject", "S", "--from", "a@example.com")
        p = self.t.run("campaign", "show", "C2", expect=2)   # two campaigns named C2
        self.assertIn("use the id", p.stderr)
        g = self.t.json("generate", "C1", "--json")
        self.assertEqual(g["already_present"], 10)

    # ----------------------------------------------------------------- events
    def test_events_ingest(self):
        self.campaign(5)
        mids = [m["mid"] for m in map(json.loads, self.t.run("export", "messages", "--format", "jsonl").stdout.splitlines())]
        self.t.run("simulate", "C1", "--delivery", "0", "--hard-bounce", "0", "--soft-bounce", "0", "--open", "0",
                   "--click", "0", "--machine-open", "0", "--scanner-click", "0", "--duplicate", "0")
        lines = [
            {"type": "delivered", "mid": mids[0], "occurred_at": "2026-03-01T10:00:00Z", "provider": "p",
             "provider_event_id": "e1"},
            "this is not json",
            {"type": "open", "mid": mids[0], "occurred_at": 1772359300000, "provider": "p", "provider_event_id": "e2"},
            {"type": "teleport", "mid": mids[1]},
            {"type": "open", "mid": "01a2256c-0000-7000-8000-000000000000", "provider": "p",
             "provider_event_id": "e3"},
            {"type": "bounce", "mid": mids[1], "bounce_kind": "hard", "provider": "p", "provider_event_id": "e4"},
            {"type": "delivered", "mid": mids[0], "provider": "p", "provider_event_id": "e1"},
        ]
        text = "\n".join(l if isinstance(l, str) else json.dumps(l) for l in lines) + "\n"
        p = self.t.run("events", "ingest", "-", "--json", stdin=text, expect=2)
        s = json.loads(p.stdout)
        self.assertEqual((s["lines"], s["recorded"], s["duplicates"], s["rejected"]), (7, 3, 1, 3))
        self.assertIn("stdin:2:", p.stderr)
        self.assertIn("stdin:4:", p.stderr)
        self.assertIn("stdin:5:", p.stderr)
        # a refused line says why, in the line's own words, with the field at fault
        line5 = [l for l in p.stderr.splitlines() if "stdin:5:" in l][0]
        self.assertIn("refused (mid): not found: mid 01a2256c-0000-7000-8000-000000000000 not found", line5)
        self.assertNotIn("events[", p.stderr)
        # the same provider event id on another message: a conflict, not a duplicate
        p = self.t.run("events", "ingest", "-", stdin=json.dumps({"type": "delivered", "mid": mids[1], "provider": "p",
                                                                  "provider_event_id": "e1"}) + "\n", expect=2)
        self.assertIn("refused (provider_event_id): already exists:", p.stderr)
        self.assertIn("a conflict, not a duplicate", p.stderr)
        # a click with a scanner's user agent and no verdict is judged machine, as a tracked hit would be
        links = [l for l in map(json.loads, self.t.run("campaign", "links", "C1", "--json").stdout.splitlines())]
        scan = {"type": "click", "mid": mids[2], "lid": links[0]["lid"], "user_agent": "Mozilla/5.0 (Barracuda)",
                "provider": "p", "provider_event_id": "scan1"}
        self.t.run("events", "ingest", "-", stdin=json.dumps(scan) + "\n")
        ev = [e for e in map(json.loads, self.t.run("export", "events", "--campaign", "C1", "--type", "click",
                                                    "--format", "jsonl").stdout.splitlines())
              if e.get("provider_event_id") == "scan1"]
        self.assertEqual((ev[0]["verdict"], ev[0]["verdict_reason"]), ("machine", "security_scanner:user_agent"))
        # idempotent: the same file again records nothing new
        s2 = json.loads(self.t.run("events", "ingest", "-", "--json", stdin=text, expect=2).stdout)
        self.assertEqual((s2["recorded"], s2["duplicates"]), (0, 4))
        self.t.run("events", "ingest", os.path.join(self.tmp, "none.jsonl"), expect=2)
        ev = list(csv.DictReader(self.t.run("export", "events", "--campaign", "C1", "--type", "bounce").stdout.splitlines()))
        self.assertEqual([e["bounce_kind"] for e in ev], ["hard"])

    def test_ingest_refuses_implausible_occurrence_times(self):
        self.campaign(2)
        mid = json.loads(self.t.run("export", "messages", "--format", "jsonl").stdout.splitlines()[0])["mid"]
        lines = [{"type": "open", "mid": mid, "occurred_at": 1772359200},           # Unix seconds
                 {"type": "open", "mid": mid, "occurred_at": "9999-12-31T23:59:59Z"},
                 {"type": "open", "mid": mid, "occurred_at": 1772359200000}]        # 2026-03-01: inside
        p = self.t.run("events", "ingest", "-", stdin="".join(json.dumps(l) + "\n" for l in lines), expect=2)
        self.assertIn("3 lines, 1 recorded, 0 duplicates, 2 rejected", p.stdout + p.stderr)
        self.assertIn("stdin:1:", p.stderr)
        self.assertIn("stdin:2:", p.stderr)
        opens = [e for e in map(json.loads, self.t.run("export", "events", "--campaign", "C1", "--format", "jsonl")
                                .stdout.splitlines()) if e["type"] == "open"]
        self.assertEqual(len(opens), 1)

    def test_tenant_set_changes_the_event_time_window(self):
        self.campaign(2)
        mid = json.loads(self.t.run("export", "messages", "--format", "jsonl").stdout.splitlines()[0])["mid"]
        before = self.t.json("tenant", "show", "--json")
        self.assertEqual((before["events_earliest"], before["events_ahead_ms"]), (946684800000, 86400000))
        for opt, value in (("--events-ahead-hours", "0"), ("--events-ahead-hours", "876001"),
                           ("--events-earliest", "yesterday")):
            p = self.t.run("tenant", "set", opt, value, expect=1)
            self.assertIn(opt, p.stderr)
        p = self.t.run("tenant", "set", "--events-earliest", "2999-01-01T00:00:00Z", expect=2)
        self.assertIn("events_earliest", p.stderr)
        self.assertEqual(self.t.json("tenant", "show", "--json"), before)
        self.t.run("tenant", "set", "--events-earliest", "2026-01-01T00:00:00Z", "--events-ahead-hours", "48")
        s = self.t.run("tenant", "show").stdout
        self.assertIn("events from            2026-01-01T00:00:00.000Z", s)
        self.assertIn("events ahead at most   48 hours", s)
        lines = [{"type": "open", "mid": mid, "occurred_at": "2025-12-31T23:59:59Z"},  # before the tenant's window
                 {"type": "open", "mid": mid, "occurred_at": "2026-01-01T00:00:00Z"}]
        p = self.t.run("events", "ingest", "-", stdin="".join(json.dumps(l) + "\n" for l in lines), expect=2)
        self.assertIn("2 lines, 1 recorded, 0 duplicates, 1 rejected", p.stdout + p.stderr)
        self.assertIn("before 2026-01-01", p.stderr)

    def test_reputation_guard_pause_and_resume(self):
        self.campaign(20)
        mids = [m["mid"] for m in map(json.loads, self.t.run("export", "messages", "--format", "jsonl").stdout.splitlines())]
        self.t.run("simulate", "C1", "--delivery", "0", "--hard-bounce", "0", "--soft-bounce", "0", "--open", "0",
                   "--click", "0", "--machine-open", "0", "--scanner-click", "0", "--duplicate", "0")
        self.t.run("events", "ingest", "-", stdin=json.dumps({"type": "complaint", "mid": mids[0], "provider": "p",
                                                              "provider_event_id": "c1"}) + "\n")
        show = self.t.json("reputation", "show", "--json")
        self.assertAlmostEqual(show["settings"]["complaint_pause"], 0.003)
        tenant = show["scopes"][0]
        self.assertEqual((tenant["domain"], tenant["sent"], tenant["complaints"]), ("", 20, 1))
        self.assertEqual(tenant["level"], "ok")  # under the default min_sent of 1000
        self.t.run("reputation", "set", "--min-sent", "10", "--complaint-pause", "2", "--complaint-warn", "1")
        self.assertEqual(self.t.json("reputation", "show", "--json")["settings"]["min_sent"], 10)
        self.t.run("reputation", "set", "--complaint-warn", "150", expect=1)
        self.t.run("reputation", "set", "--bounce-warn", "20", "--bounce-pause", "10", expect=1)
        check = self.t.json("reputation", "check", "--json")
        self.assertEqual([(s["domain"], s["state"]) for s in check["scopes"]], [("", "paused"), ("example.com", "ok")])
        self.assertEqual(self.t.json("campaign", "show", "C1", "--json")["status"], "paused")
        audit = [json.loads(l) for l in self.t.run("audit", "--json").stdout.splitlines()]
        pause = [a for a in audit if a["action"] == "reputation.pause"]
        self.assertEqual(len(pause), 1)
        detail = pause[0]["detail"] if isinstance(pause[0]["detail"], dict) else json.loads(pause[0]["detail"])
        self.assertEqual((detail["sent"], detail["complaints"]), (20, 1))
        self.assertIn("domain", self.t.run("reputation", "show", "--domain", "example.com").stdout)
        # the HTML report's section: the rates, the thresholds and the paused state
        html = os.path.join(self.tmp, "r.html")
        self.t.run("report", "C1", "--html", html)
        with open(html, encoding="utf-8") as f:
            page = f.read()
        section = page[page.index('<section class="reputation">'):]
        self.assertIn("pause at 2.00%", section)
        self.assertIn("<td>tenant</td><td>20</td><td>0</td><td>0</td><td>1</td><td>5.000%</td>", section)
        self.assertIn("<td>paused</td></tr>", section)
        self.t.run("reputation", "show", "--domain", "bad domain", expect=1)
        self.t.run("reputation", "resume", "--domain", "example.com", expect=2)  # not paused
        self.assertEqual(self.t.json("reputation", "resume", "--json"), {"resumed_campaigns": 1})
        self.assertEqual(self.t.json("campaign", "show", "C1", "--json")["status"], "sending")
        self.t.run("reputation", "resume", expect=2)

    def test_bounce_policy_and_expiry_commands(self):
        pols = self.t.json("bounce-policy", "show", "--json")
        self.assertEqual(pols["expiry_ms"], 0)
        self.assertEqual(len(pols["policies"]), 17)
        self.assertTrue(all(p["action"] == "default" for p in pols["policies"]))
        self.t.run("bounce-policy", "set", "mailbox_full", "--action", "suppress")
        self.t.run("bounce-policy", "set", "on_hold", "--action", "default", "--soft-limit", "2")
        self.t.run("bounce-policy", "set", "nosuch", "--action", "ignore", expect=1)
        self.t.run("bounce-policy", "set", "blocked", "--action", "drop", expect=1)
        self.t.run("bounce-policy", "set", "blocked", "--action", "ignore", "--soft-limit", "3", expect=1)
        self.t.run("bounce-policy", "set", "blocked", expect=1)
        pols = {p["reason"]: p for p in self.t.json("bounce-policy", "show", "--json")["policies"]}
        self.assertEqual(pols["mailbox_full"]["action"], "suppress")
        self.assertEqual((pols["on_hold"]["action"], pols["on_hold"]["soft_limit"]), ("default", 2))
        self.assertEqual(self.t.json("bounce-policy", "expiry", "--days", "30", "--json"), {"expiry_ms": 30 * 86400000})
        self.assertIn("30 days", self.t.run("bounce-policy", "expiry").stdout)
        self.assertEqual(self.t.json("suppress", "expire", "--json"), {"expired": 0})
        audit = [json.loads(l)["action"] for l in self.t.run("audit", "--json").stdout.splitlines()]
        self.assertEqual(audit.count("bounce.policy"), 2)
        self.assertEqual(audit.count("bounce.expiry"), 1)

    def test_rebuild_brings_message_columns_up_to_date(self):
        import sqlite3
        self.campaign(3)
        mids = [m["mid"] for m in map(json.loads, self.t.run("export", "messages", "--format", "jsonl").stdout.splitlines())]
        self.t.run("simulate", "C1", "--delivery", "1", "--hard-bounce", "0", "--soft-bounce", "0", "--open", "0",
                   "--click", "0", "--machine-open", "0", "--scanner-click", "0", "--duplicate", "0",
                   "--start", "2026-03-01T09:00:00Z")
        # After every simulated event (a month later; before the clock, as
        # occurrence times must be): an event placed before the row's fold
        # mark would be written into the row at once (docs/decisions.md §8).
        lines = [{"type": "open", "mid": mids[0], "occurred_at": 1775001600000 + i} for i in range(2)]
        self.t.run("events", "ingest", "-", stdin="".join(json.dumps(l) + "\n" for l in lines))
        # The library's answer is live (the fold of the events) ...
        m = [x for x in map(json.loads, self.t.run("export", "messages", "--format", "jsonl").stdout.splitlines())
             if x["mid"] == mids[0]][0]
        self.assertEqual(int(m["opens"]), 2)

        def stored_opens():
            con = sqlite3.connect(self.t.db)
            try:
                return [r[0] for r in con.execute("SELECT opens FROM messages WHERE opens > 0")]
            finally:
                con.close()
        # ... the row's copy is not written by events, and the rebuild writes it.
        self.assertEqual(stored_opens(), [])
        self.assertEqual(self.t.json("rebuild", "--json"), {"rebuilt": True})
        self.assertEqual(stored_opens(), [2])
        self.assertIn("rebuilt", self.t.run("rebuild").stdout)
        # An open placed before the row's mark (occurred long ago, reported
        # now) is written into the row at once: the fold never reads it.
        self.t.run("events", "ingest", "-", stdin=json.dumps({"type": "open", "mid": mids[0],
                                                               "occurred_at": 1577836800000}) + "\n")
        self.assertEqual(stored_opens(), [3])

    # ----------------------------------------------------------------- export
    def test_export_neutralizes_formulas_and_filters(self):
        self.campaign(20)
        self.t.run("simulate", "C1", "--seed", "3", "--start", "2026-03-01T09:00:00Z", "--click", "0.3",
                   "--open", "0.6")
        out = os.path.join(self.tmp, "links.csv")
        self.t.run("export", "links", "--campaign", "C1", "--output", out)
        with open(out, newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 3)
        self.assertIn("'=cmd|'/C calc'!A0", [r["label"] for r in rows])
        for r in rows:
            for v in r.values():
                self.assertFalse(v[:1] in ("=", "+", "-", "@"), v)
        contacts = self.t.run("export", "contacts", "--format", "jsonl").stdout.splitlines()
        self.assertEqual(len(contacts), 20)
        ev = self.t.run("export", "events", "--campaign", "C1", "--from", "2026-03-01T09:00:00Z",
                        "--to", "2026-03-01T09:00:01Z", "--type", "sent").stdout.splitlines()
        self.assertEqual(len(ev) - 1, 20)  # 50 ms between sends: all 20 sends in the first second
        self.t.run("export", "planets", expect=1)
        self.t.run("export", "events", "--type", "warp", expect=1)
        self.t.run("export", "events", "--format", "xml", expect=1)
        self.t.run("export", "events", "--from", "yesterday", expect=1)

    # --------------------------------------------------- simulate and report
    def test_simulate_is_deterministic(self):
        results = []
        for run in range(2):
            t = Tool(tempfile.mkdtemp(prefix="mtrk-sim-", dir=self.tmp))
            self.t, saved = t, self.t
            t.run("init")
            self.campaign(150)
            sim = t.json("simulate", "C1", "--seed", "42", "--start", "2026-03-01T09:00:00Z", "--json",
                         "--open", "0.5", "--click", "0.2", "--lead", "0.5", "--duplicate", "0.1",
                         "--out-of-order", "0.2")
            labels = {l["lid"]: l["label"] for l in map(json.loads, t.run("campaign", "links", "C1", "--json").stdout.splitlines())}
            ev = list(csv.DictReader(t.run("export", "events", "--campaign", "C1").stdout.splitlines()))
            stream = [(e["type"], e["occurred_at"], labels.get(e["lid"], ""), e["verdict"], e["bounce_kind"])
                      for e in ev]
            rep = t.json("report", "C1", "--json")
            for k in ("campaign",):
                rep.pop(k)
            for l in rep["links"]:
                l.pop("lid")
            results.append((sim, stream, rep))
            # a second run with the same seed records only duplicates
            again = t.json("simulate", "C1", "--seed", "42", "--start", "2026-03-01T09:00:00Z", "--json",
                           "--open", "0.5", "--click", "0.2", "--lead", "0.5", "--duplicate", "0.1",
                           "--out-of-order", "0.2")
            self.assertEqual(again["recorded"], 0)
            self.assertEqual(again["leads"], 0)
            self.t = saved
        self.assertEqual(results[0], results[1])
        self.assertGreater(results[0][0]["recorded"], 150)
        self.assertGreater(results[0][0]["duplicates"], 0)
        self.assertGreater(results[0][2]["funnel"]["leads"], 0)

    def test_report_terminal_json_compare(self):
        self.campaign(60, "C1")
        self.campaign(30, "C2")
        for c, seed in (("C1", "1"), ("C2", "2")):
            self.t.run("simulate", c, "--seed", seed, "--start", "2026-03-01T09:00:00Z")
        text = self.t.run("report", "C1").stdout
        for word in ("FUNNEL", "delivered", "CTA RANKING", "HUMAN VS MACHINE", "hard bounces", "unsubscribes"):
            self.assertIn(word, text)
        for line in text.splitlines():
            self.assertLessEqual(len(line), 80, line)
        r = self.t.json("report", "C1", "--json")
        for key in ("campaign", "funnel", "rates", "bounces", "complaints", "unsubscribes", "opens", "clicks",
                    "leads", "links", "hourly"):
            self.assertIn(key, r)
        self.assertEqual(r["funnel"]["messages"], 60)
        self.assertEqual(len(r["hourly"]["opens"]), 72)
        cmp = self.t.json("report", "--compare", "C1", "C2", "--json")
        self.assertEqual([c["campaign"]["name"] for c in cmp["campaigns"]], ["C1", "C2"])
        self.assertIn("C2", self.t.run("report", "--compare", "C1", "C2").stdout)
        self.t.run("report", "C1", "C2", expect=1)
        self.t.run("report", "nope", expect=2)
        self.t.run("report", "C1", "--json", "--html", "x.html", expect=1)
        html = os.path.join(self.tmp, "r.html")
        self.t.run("report", "--compare", "C1", "C2", "--html", html)
        with open(html) as f:
            page = f.read()
        self.assertNotIn("http://", page.replace('xmlns="http://www.w3.org/2000/svg"', ""))
        self.assertNotIn("https://", page.replace("https://s.example.com", ""))
        self.assertIn("&lt;", self.t.run("report", "C1", "--html", html).stdout.replace(html, "&lt;"))

    # --------------------------------------------------- render, urls, links
    def test_render_urls_links_show(self):
        self.t.run("tenant", "set", "--tracking-url", "https://t.example.com")
        page = self.t.write("a.html", '<html><body><a href="https://s.example.com/a">A</a>'
                                      '<a href="https://s.example.com/trap" data-mtrk-honeypot>T</a>'
                                      '<a href="https://s.example.com/p?e=[[Email]]">P</a></body></html>')
        self.t.run("campaign", "create", "--name", "R", "--subject", "S", "--from", "n@example.com",
                   "--html-file", page, "--link", "M=https://s.example.com/m", "--link", "N=https://s.example.com/n",
                   "--landing-page", "https://s.example.com/lp")
        links = [json.loads(l) for l in self.t.run("campaign", "links", "R", "--json").stdout.splitlines()]
        # Positions never collide: the manual links come after the HTML's.
        self.assertEqual([l["position"] for l in links], [0, 1, 2, 3, 4])
        self.assertEqual([l["label"] for l in links], ["A", "T", "P", "M", "N"])
        self.assertEqual([l["honeypot"] for l in links], [False, True, False, False, False])
        self.assertEqual([l["origin"] for l in links], ["html", "honeypot", "untracked", "manual", "manual"])
        text = self.t.run("campaign", "links", "R").stdout
        self.assertIn("[honeypot] T", text)
        self.assertIn("[untracked] P", text)
        self.assertIn("landing     https://s.example.com/lp", self.t.run("campaign", "show", "R").stdout)
        self.t.run("audience", "create", "all")
        self.t.run("audience", "add", "all", "x@example.com")
        self.t.run("campaign", "attach", "R", "all")
        self.t.run("generate", "R")
        u = self.t.json("urls", "R", "x@example.com", "--json")
        self.assertTrue(u["open"].startswith("https://t.example.com/o/default/") and u["open"].endswith(".gif"))
        self.assertTrue(u["unsubscribe"].startswith("https://t.example.com/u/default/"))
        self.assertTrue(u["landing"].startswith("https://t.example.com/l/default/"))
        self.assertEqual([c["label"] for c in u["clicks"]], ["A", "T", "M", "N"])  # not the untracked one
        self.assertEqual([c["honeypot"] for c in u["clicks"]], [False, True, False, False])
        self.assertEqual(self.t.json("urls", u["mid"], "--json"), u)
        r = self.t.json("render", u["mid"], "--json")
        self.assertEqual(r["headers"]["List-Unsubscribe"], "<%s>" % u["unsubscribe"])
        self.assertEqual(r["headers"]["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertEqual(r["headers"]["X-Mtrk-Mid"], u["mid"])  # what a returned bounce names it by
        self.assertIn('href="%s"' % u["clicks"][0]["url"], r["html"])
        self.assertIn('href="https://s.example.com/p?e=[[Email]]"', r["html"])
        self.assertIn('<img src="%s"' % u["open"], r["html"])
        out = os.path.join(self.tmp, "m.html")
        plain = self.t.run("render", "R", "x@example.com", "--html-out", out).stdout
        self.assertTrue(plain.startswith("List-Unsubscribe: <https://t.example.com/u/default/"))
        with open(out) as f:
            self.assertEqual(f.read(), r["html"])
        self.t.run("render", "not-an-id", expect=1)
        self.t.run("urls", "R", "nobody@example.com", expect=2)
        # What sending needs: the signed VERP return path and a provider's attachment.
        self.assertIsNone(r["return_path"])
        self.assertIsNone(r["provider"])
        s = self.t.json("render", u["mid"], "--return-path", "bounces@b.example.com", "--provider", "sendgrid",
                        "--json")
        self.assertTrue(s["return_path"].startswith("bounces+"))
        self.assertTrue(s["return_path"].endswith("-mtrk-%s@b.example.com" % u["mid"].replace("-", "")))
        self.assertEqual(s["provider"]["attach"], {"custom_args": {"mtrk_mid": u["mid"]}})
        self.assertEqual(s["provider"]["header"], 'X-SMTPAPI: {"unique_args":{"mtrk_mid":"%s"}}' % u["mid"])
        plain = self.t.run("render", u["mid"], "--return-path", "bounces@b.example.com", "--provider", "postmark",
                           "--html-out", out).stdout
        self.assertIn("Return-Path: <%s>" % s["return_path"], plain)
        self.assertIn("X-PM-Metadata-mtrk_mid: %s" % u["mid"], plain)
        self.t.run("render", u["mid"], "--provider", "pigeon", expect=1)
        self.t.run("render", u["mid"], "--return-path", "a-local-part-too-long@b.example.com", expect=1)

    def test_webhook_keys_settings_and_dead_letters(self):
        self.campaign(n=2)
        mid = json.loads(self.t.run("export", "messages", "--format", "jsonl").stdout.splitlines()[0])["mid"]
        ev = lambda kind, i, **kw: dict(email="u0@example.com", timestamp=1767225600 - 3600 + i, event=kind,
                                        sg_event_id="w%d" % i, mtrk_mid=mid, **kw)
        body = self.t.write("sg.json", json.dumps([ev("delivered", 1), ev("click", 2, url="https://s.example.com/buy"),
                                                   ev("group_resubscribe", 3, asm_group_id=4)]))
        # SendGrid signs: refused without a key, and nothing written.
        r = self.t.json("webhook", "sendgrid", body, "--json", expect=2)
        self.assertEqual(r["verdict"], "signature_refused")
        self.assertEqual(self.t.run("deadletters", "count").stdout.strip(), "0")
        self.t.run("webhook", "settings", "sendgrid", "--allow-unsigned", "yes")
        self.assertEqual(self.t.json("webhook", "settings", "sendgrid", "--json"),
                         {"provider": "sendgrid", "tolerance_ms": 0, "allow_unsigned": True})
        with open(body) as f:
            raw = f.read()
        r = self.t.json("webhook", "sendgrid", "-", "--json", "--header", "Content-Type: application/json", stdin=raw)
        self.assertEqual((r["verdict"], r["recorded"], r["dead_lettered"], r["unmapped"]), ("accepted", 2, 1, 1))
        self.assertEqual([o["outcome"] for o in r["outcomes"]], ["recorded", "recorded", "dead_lettered"])
        self.assertIsNotNone(r["outcomes"][1]["lid"])
        text = self.t.run("webhook", "sendgrid", body).stdout
        self.assertIn("0 recorded, 3 duplicates, 1 dead-lettered", text)
        dls = self.t.json("deadletters", "list", "--json")
        self.assertEqual([(d["key"], d["provider_type"], d["payload"]["asm_group_id"]) for d in dls],
                         [("w3", "group_resubscribe", 4)])
        self.assertIsNone(dls[0]["bounce"])
        self.assertEqual(self.t.json("deadletters", "count", "--provider", "sendgrid", "--json"), {"deadletters": 1})
        self.assertEqual(self.t.json("deadletters", "replay", "--json"), {"recorded": 0, "remaining": 1})
        # A dead-lettered bounce shows the facts its replay records it with.
        bounce = self.t.write("sgb.json", json.dumps([dict(
            email="u9@example.com", timestamp=1767225600 - 60, event="bounce", sg_event_id="wb",
            sg_message_id="XNOTSENT.filter1", type="bounce", bounce_classification="Invalid Address",
            status="5.1.1", reason="550 5.1.1 user unknown")]))
        self.assertEqual(self.t.json("webhook", "sendgrid", bounce, "--json")["dead_lettered"], 1)
        dls = {d["key"]: d for d in self.t.json("deadletters", "list", "--json")}
        self.assertEqual(dls["wb"]["bounce"], {"kind": "hard", "reason": "user_unknown", "smtp_code": 550,
                                               "status": "5.1.1", "type": "bounce", "subtype": "Invalid Address",
                                               "diagnostic": "550 5.1.1 user unknown"})
        text = self.t.run("deadletters", "list", "--provider", "sendgrid").stdout
        self.assertIn("(bounce hard, user_unknown, smtp 550, status 5.1.1, type bounce/Invalid Address)", text)
        self.assertEqual(self.t.json("deadletters", "replay", "--json"), {"recorded": 0, "remaining": 2})
        # Bad input: a malformed header, an unknown provider, a truncated body.
        self.t.run("webhook", "sendgrid", body, "--header", "no colon", expect=1)
        self.assertIn("unknown provider", self.t.run("webhook", "nosuch", body, expect=2).stdout)
        self.assertIn("malformed", self.t.run("webhook", "sendgrid", self.t.write("bad.json", "[{"), expect=2).stdout)
        # Keys: two at once, listed by fingerprint, removed by it.
        self.t.run("webhook", "key", "add", "mailgun", "k1")
        self.t.run("webhook", "key", "add", "mailgun", "k2")
        self.t.run("webhook", "key", "add", "mailgun", "k3", expect=2)
        keys = self.t.json("webhook", "key", "list", "--json")
        self.assertEqual(len(keys), 2)
        self.assertNotIn("k1", json.dumps(keys))
        self.t.run("webhook", "key", "remove", "mailgun", keys[0]["fingerprint"])
        self.assertEqual(len(self.t.json("webhook", "key", "list", "mailgun", "--json")), 1)
        self.t.run("webhook", "key", "rotate", "mailgun", expect=1)

    def test_webhook_provider_ids_and_kept_payloads(self):
        self.campaign(n=2)
        mids = [json.loads(l)["mid"] for l in self.t.run("export", "messages", "--format", "jsonl").stdout.splitlines()]
        # A send recorded by ingest, with its SES message id.
        sent = self.t.write("sent.jsonl", json.dumps(dict(type="sent", mid=mids[0], occurred_at=1767222000000,
                                                          provider="ses", provider_message_id="ses-1")) + "\n")
        self.t.run("events", "ingest", sent, "--record-provider-ids")
        self.t.run("webhook", "message-id", mids[1], "sendgrid", "<SGID1>")
        self.t.run("webhook", "message-id", mids[0], "sendgrid", "SGID1", expect=2)  # another message's id
        self.t.run("webhook", "message-id", "nope", "sendgrid", "x", expect=1)
        self.t.run("tenant", "set", "--keep-webhook-payloads", "yes", "--webhook-payload-days", "3")
        shown = self.t.json("tenant", "show", "--json")
        self.assertEqual((shown["keep_webhook_payloads"], shown["webhook_payload_retention_ms"]), (True, 3 * 86400000))
        self.t.run("tenant", "set", "--keep-webhook-payloads", "maybe", expect=1)
        self.t.run("webhook", "settings", "sendgrid", "--allow-unsigned", "yes")
        body = self.t.write("sg.json", json.dumps([dict(email="u1@example.com", timestamp=1767225600 - 60,
                                                        event="delivered", sg_event_id="nm1",
                                                        sg_message_id="SGID1.filter0001.1.2.0")]))
        r = self.t.json("webhook", "sendgrid", body, "--json")
        self.assertEqual(r["recorded"], 1)
        self.assertEqual(r["outcomes"][0]["mid"], mids[1])
        ev = r["outcomes"][0]["event_id"]
        self.assertEqual(json.loads(self.t.run("webhook", "payload", ev).stdout)["sg_event_id"], "nm1")
        self.t.run("webhook", "payload", mids[0], expect=2)  # no payload kept under that id

    def test_leads(self):
        self.campaign(5)
        lid = self.t.json("leads", "capture", "C1", "--address", "lead@example.com", "--field", "company=Acme",
                          "--json")
        self.assertFalse(lid["duplicate"])
        self.assertTrue(self.t.json("leads", "capture", "C1", "--address", "lead@example.com", "--json")["duplicate"])
        leads = [json.loads(l) for l in self.t.run("leads", "list", "C1", "--json").stdout.splitlines()]
        self.assertEqual(len(leads), 1)
        self.assertEqual(leads[0]["attribution"], "campaign")
        self.t.run("leads", "capture", "C1", expect=1)
        self.t.run("leads", "capture", "C1", "--address", "bad", expect=2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
