#!/usr/bin/env python3
"""mtrk bounces: the labelled set classified as labelled, the mid found as
each mail says, .eml, mbox and maildir read alike, malformed messages named
and skipped, and --record turning bounces into events. Run by meson (suite
'cli') with MTRK_BIN and MTRK_SRC set; stdlib only."""
import csv
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

BIN = os.environ.get("MTRK_BIN", "build/tools/mtrk")
SRC = os.environ.get("MTRK_SRC", ".")
DATA = os.path.join(SRC, "tests", "data", "bounces")


def run(*args, expect=0, stdin=None):
    env = dict(os.environ)
    env.pop("MTRK_DB", None)
    env.pop("MTRK_TENANT", None)
    p = subprocess.run([BIN] + list(args), capture_output=True, text=True, env=env, input=stdin, timeout=300)
    if expect is not None and p.returncode != expect:
        raise AssertionError("mtrk %s: exit %d, expected %d\nstdout: %s\nstderr: %s" %
                             (" ".join(args), p.returncode, expect, p.stdout[-2000:], p.stderr[-2000:]))
    return p


def labels(path):
    with open(path, "rb") as f:
        head = f.read(8192).decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    head = head.split("\n\n")[0]
    exp = dict((("" if a == "-" else a.lower()), b) for a, b in
               re.findall(r"^X-Mtrk-Test-Expect: (\S+) (\S+)", head, re.M))
    mid = re.search(r"^X-Mtrk-Test-Mid: (\S+) (\S+)", head, re.M)
    return exp, (mid.groups() if mid else None)


def eml_files():
    return sorted(f for f in os.listdir(DATA) if f.endswith(".eml"))


class BouncesTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mtrk-bounces-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def results(self, *paths, expect=0):
        return json.loads(run("bounces", "--json", *paths, expect=expect).stdout)

    def test_labelled_set_classified_as_labelled(self):
        out = self.results(DATA)
        got = {(os.path.basename(r["origin"]), r["recipient"].lower()): r for r in out["results"]}
        n = 0
        for name in eml_files():
            exp, _ = labels(os.path.join(DATA, name))
            for rcpt, reason in exp.items():
                n += 1
                self.assertIn((name, rcpt), got, name)
                r = got[(name, rcpt)]
                self.assertEqual(r["reason"], reason, name)
                kind = {"user_unknown": "hard", "host_unknown": "hard", "suspended": "hard", "has_moved": "hard",
                        "not_a_bounce": "none"}.get(reason, "soft")
                self.assertEqual(r["kind"], kind, name)
        self.assertGreater(n, 140)
        # every reason of the taxonomy is in the set, and every MTA shape
        reasons = {r["reason"] for r in out["results"]}
        self.assertEqual(len(reasons), 17)
        shapes = {n.split("-")[0] for n in eml_files()}
        for s in ("postfix", "sendmail", "sendmail_old", "exim", "qmail", "exchange", "exchange2003", "gmail", "yahoo",
                  "ses", "domino", "autoreply"):
            self.assertIn(s, shapes)
        # the accuracy script agrees (the table in docs/bounces.md comes from it)
        p = subprocess.run([os.path.join(SRC, "scripts", "bounce-accuracy"), "--mtrk", BIN, "--check", DATA],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("(100.0 %)", p.stdout)

    def test_fields_of_a_postfix_report(self):
        r = self.results(os.path.join(DATA, "postfix-user-unknown.eml"))["results"]
        self.assertEqual(len(r), 1)
        r = r[0]
        self.assertEqual((r["format"], r["action"], r["status"], r["smtp_code"]), ("rfc3464", "failed", "5.1.1", 550))
        self.assertEqual(r["remote_mta"], "mx.dest0.example")
        self.assertTrue(r["diagnostic"].startswith("550 5.1.1 <user.unknown.0@dest0.example>: Recipient address"))
        r = self.results(os.path.join(DATA, "qmail-multi.eml"))["results"]
        self.assertEqual([x["recipient"] for x in r], ["ana@dest1.example", "bia@dest2.example", "caio@dest3.example"])
        self.assertEqual([x["reason"] for x in r], ["user_unknown", "mailbox_full", "blocked"])
        self.assertEqual(r[0]["remote_mta"], "192.0.2.10")

    def test_mid_found_where_the_mail_carries_it(self):
        out = self.results(DATA)
        seen = set()
        for r in out["results"]:
            _, mid = labels(r["origin"])
            if mid is None:
                continue
            exp_mid, how = mid
            self.assertEqual((r["mid"] or "-", r["mid_source"]), (exp_mid, how), r["origin"])
            seen.add(how)
        self.assertEqual(seen, {"header", "verp", "message_id", "none"})

    def test_line_endings_alike(self):
        for base in ("postfix-user-unknown", "exim-mailbox-full", "qmail-blocked", "gmail-suspended"):
            outs = [self.results(os.path.join(DATA, base + ext))["results"] for ext in (".eml", ".crlf.eml", ".cr.eml")]
            strip = [[{k: v for k, v in r.items() if k != "origin"} for r in o] for o in outs]
            self.assertEqual(strip[0], strip[1], base)
            self.assertEqual(strip[0], strip[2], base)

    def test_mbox_and_maildir_read_like_the_files(self):
        files = eml_files()
        singles = self.results(DATA)["results"]
        key = lambda r: (r["recipient"], r["reason"], r["status"], r["smtp_code"], r["mid"] or "")
        mbox = os.path.join(self.tmp, "bounces.mbox")
        with open(mbox, "w", encoding="utf-8", newline="") as out:
            for name in files:
                with open(os.path.join(DATA, name), encoding="utf-8", newline="") as f:
                    text = f.read().replace("\r\n", "\n").replace("\r", "\n")
                out.write("From MAILER-DAEMON Mon Dec  7 09:05:00 2026\n" + text.replace("\nFrom ", "\n>From ") + "\n")
        m = self.results(mbox)
        self.assertEqual(m["summary"]["messages"], len(files))
        self.assertEqual(sorted(map(key, m["results"])), sorted(map(key, singles)))
        self.assertTrue(all(re.search(r"bounces\.mbox:\d+$", r["origin"]) for r in m["results"]))
        maildir = os.path.join(self.tmp, "Maildir")
        for sub in ("cur", "new", "tmp"):
            os.makedirs(os.path.join(maildir, sub))
        for i, name in enumerate(files):
            shutil.copy(os.path.join(DATA, name), os.path.join(maildir, "new" if i % 2 else "cur", "%d.mx:2," % i))
        d = self.results(maildir)
        self.assertEqual(sorted(map(key, d["results"])), sorted(map(key, singles)))

    def test_text_output_and_summary(self):
        p = run("bounces", os.path.join(DATA, "exim-multi.eml"), os.path.join(DATA, "autoreply-vacation.eml"),
                os.path.join(DATA, "plain-reply.eml"))
        lines = p.stdout.splitlines()
        self.assertEqual(lines[0].split("\t")[:4], ["origin", "recipient", "reason", "kind"])
        self.assertIn("messages 3: bounces 1, auto-replies 1, not bounces 1, refused 0", p.stdout)
        self.assertIn("user_unknown\thard\t1", p.stdout)
        self.assertIn("not_a_bounce\tnone\t1", p.stdout)

    def test_malformed_messages_named_and_skipped(self):
        d = os.path.join(self.tmp, "mixed")
        os.makedirs(d)
        shutil.copy(os.path.join(DATA, "postfix-user-unknown.eml"), os.path.join(d, "a.eml"))
        with open(os.path.join(d, "b.bin"), "wb") as f:
            f.write(bytes(range(256)) * 8)
        with open(os.path.join(d, "c.eml"), "w") as f:
            f.write("From: a@b.example\nSubject: deep\n" +
                    "".join('Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(10000)))
        p = run("bounces", "--json", d, expect=2)
        out = json.loads(p.stdout)
        self.assertEqual(out["summary"]["messages"], 3)
        self.assertEqual(out["summary"]["refused"], 2)
        self.assertEqual([r["reason"] for r in out["results"]], ["user_unknown"])
        self.assertIn("b.bin: not a mail message: no From, Subject or Content-Type header field (invalid argument)", p.stderr)
        self.assertIn("c.eml: message declares 10000 MIME containers: the limit is 256 (over its limit)", p.stderr)
        run("bounces", os.path.join(self.tmp, "nothing-here"), expect=2)
        run("bounces", expect=1)

    def test_record_turns_bounces_into_events(self):
        db = os.path.join(self.tmp, "t.db")
        run("--db", db, "init")
        csvf = os.path.join(self.tmp, "c.csv")
        with open(csvf, "w") as f:
            f.write("address\nana@dest1.example\nbia@dest2.example\n")
        run("--db", db, "audience", "create", "L")
        run("--db", db, "contacts", "import", csvf, "--audience", "L")
        run("--db", db, "campaign", "create", "--name", "C", "--subject", "Hi", "--from", "news@acme.example")
        run("--db", db, "campaign", "attach", "C", "L")
        run("--db", db, "generate", "C")
        addr = {c["id"]: c["address"] for c in map(json.loads, run("--db", db, "export", "contacts", "--format",
                                                                    "jsonl").stdout.splitlines())}
        msgs = {addr[m["contact"]]: m["mid"] for m in map(json.loads, run("--db", db, "export", "messages", "--format",
                                                                           "jsonl").stdout.splitlines())}
        with open(os.path.join(DATA, "postfix-multi.eml"), encoding="utf-8") as f:
            hard = f.read()
        hard = re.sub(r"X-Mtrk-Mid: \S+", "X-Mtrk-Mid: " + msgs["ana@dest1.example"], hard)
        with open(os.path.join(DATA, "exim-mailbox-full.eml"), encoding="utf-8") as f:
            soft = f.read()
        soft = re.sub(r"X-Mtrk-Mid: \S+", "X-Mtrk-Mid: " + msgs["bia@dest2.example"], soft)
        soft = re.sub(r"^To: .*$", "To: bounces+mtrk-%s@b.acme.example" % msgs["bia@dest2.example"].replace("-", ""),
                      soft, flags=re.M)
        paths = []
        for name, text in (("hard.eml", hard), ("soft.eml", soft)):
            paths.append(os.path.join(self.tmp, name))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(text)
        # one labelled mail naming no mid, one naming a mid of no message here
        nomid = [n for n in eml_files() if (labels(os.path.join(DATA, n))[1] or ("", ""))[1] == "none"][0]
        other = [n for n in eml_files() if (labels(os.path.join(DATA, n))[1] or ("", ""))[1] == "verp"][0]
        out = json.loads(run("--db", db, "bounces", "--json", "--record", *paths, os.path.join(DATA, nomid),
                             os.path.join(DATA, other)).stdout)
        # postfix-multi names three recipients of one message: one event each, distinct keys
        self.assertEqual((out["summary"]["recorded"], out["summary"]["duplicates"], out["summary"]["unmatched"]),
                         (4, 0, 2))
        ev = list(csv.DictReader(run("--db", db, "export", "events", "--campaign", "C", "--type", "bounce")
                                 .stdout.splitlines()))
        kinds = sorted((e["mid"] == msgs["ana@dest1.example"], e["bounce_kind"]) for e in ev)
        # ana's message: user unknown (hard), mailbox full and blocked (soft); bia's: mailbox full (soft)
        self.assertEqual(kinds, [(False, "soft"), (True, "hard"), (True, "soft"), (True, "soft")])
        self.assertTrue(all(e["provider"] == "dsn" and e["provider_event_id"].startswith("dsn-") for e in ev))
        self.assertEqual(len({e["provider_event_id"] for e in ev}), 4)
        again = json.loads(run("--db", db, "bounces", "--json", "--record", *paths).stdout)
        self.assertEqual((again["summary"]["recorded"], again["summary"]["duplicates"]), (0, 4))
        run("bounces", "--record", paths[0], expect=1)

    def test_record_applies_the_bounce_policy_of_each_reason(self):
        db = os.path.join(self.tmp, "p.db")
        run("--db", db, "init")
        csvf = os.path.join(self.tmp, "c.csv")
        with open(csvf, "w") as f:
            f.write("address\nana@dest1.example\nbia@dest2.example\n")
        run("--db", db, "audience", "create", "L")
        run("--db", db, "contacts", "import", csvf, "--audience", "L")
        run("--db", db, "campaign", "create", "--name", "C", "--subject", "Hi", "--from", "news@acme.example")
        run("--db", db, "campaign", "attach", "C", "L")
        run("--db", db, "generate", "C")
        addr = {c["id"]: c["address"] for c in map(json.loads, run("--db", db, "export", "contacts", "--format",
                                                                    "jsonl").stdout.splitlines())}
        msgs = {addr[m["contact"]]: m["mid"] for m in map(json.loads, run("--db", db, "export", "messages", "--format",
                                                                           "jsonl").stdout.splitlines())}
        with open(os.path.join(DATA, "exim-mailbox-full.eml"), encoding="utf-8") as f:
            soft = f.read()
        path = os.path.join(self.tmp, "full.eml")

        def naming(who):  # the bounce addressed to the VERP return path of who's message
            return re.sub(r"^To: .*$", "To: bounces+mtrk-%s@b.acme.example" % msgs[who].replace("-", ""), soft,
                          flags=re.M)
        with open(path, "w", encoding="utf-8") as f:
            f.write(naming("bia@dest2.example"))
        # mailbox full suppresses at once under this tenant's policy
        run("--db", db, "bounce-policy", "set", "mailbox_full", "--action", "suppress")
        out = json.loads(run("--db", db, "bounces", "--json", "--record", path).stdout)
        self.assertEqual((out["summary"]["recorded"], out["summary"]["ignored"]), (1, 0))
        ev = list(csv.DictReader(run("--db", db, "export", "events", "--campaign", "C", "--type", "bounce")
                                 .stdout.splitlines()))
        self.assertEqual([e["bounce_kind"] for e in ev], ["hard"])
        self.assertIn("bia@dest2.example", run("--db", db, "suppress", "list").stdout)
        audit = [json.loads(l)["action"] for l in run("--db", db, "audit", "--json").stdout.splitlines()]
        self.assertEqual(audit.count("bounce.suppress"), 1)
        # ignored: nothing recorded, counted apart
        with open(path, "w", encoding="utf-8") as f:
            f.write(naming("ana@dest1.example"))
        run("--db", db, "bounce-policy", "set", "mailbox_full", "--action", "ignore")
        out = json.loads(run("--db", db, "bounces", "--json", "--record", path).stdout)
        self.assertEqual((out["summary"]["recorded"], out["summary"]["ignored"]), (0, 1))
        self.assertIn("ignored by policy 1", run("--db", db, "bounces", "--record", path).stdout)
        # the recorded bounce's facts, by message
        facts = json.loads(run("--db", db, "bounce-facts", msgs["bia@dest2.example"], "--json").stdout)
        self.assertEqual(len(facts), 1)
        f = facts[0]
        self.assertEqual((f["reason"], f["kind"], f["action"], f["hard_by"], f["bounce_type"]),
                         ("mailbox_full", "hard", "suppress", "policy", "failed"))
        self.assertTrue(f["status"].startswith("5.2."))
        self.assertEqual(json.loads(run("--db", db, "bounce-facts", msgs["ana@dest1.example"], "--json").stdout), [])
        text = run("--db", db, "bounce-facts", msgs["bia@dest2.example"]).stdout
        self.assertIn("mailbox_full\thard\tsuppress\tpolicy", text)
        run("--db", db, "bounce-facts", "not-an-id", expect=1)  # usage
        run("--db", db, "bounce-facts", "0190f3b0-0000-7000-8000-000000000000", expect=2)  # no such message


if __name__ == "__main__":
    unittest.main(verbosity=2)
