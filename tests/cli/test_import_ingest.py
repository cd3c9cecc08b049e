#!/usr/bin/env python3
"""Data in without loss, driving the real mtrk binary: CSV import (strict
quoting, NUL bytes, BOM, delimiters, extra fields, the rejects file, stdin),
events ingest (re-ingest without provider ids, sanitized ip and user agent),
memory bounded by the limits, a busy database, progress on a terminal.
Run by meson (suite 'cli') with MTRK_BIN and MTRK_SRC set; stdlib only."""
import csv
import io
import json
import os
import pty
import resource
import select
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_cli import BIN, Tool  # noqa: E402

ISSUE_CSV = ('email,name,city\na@example.com,"Bubba" Smith,Rio\nb@example.com,Bo,SP\n'
             'c@example.com,"Ana, "the boss",BH\nd@example.com,Di,RJ\ne@example.com,Ed,PA\n')


def rejects(path):
    with open(path, newline="", encoding="utf-8", errors="surrogateescape") as f:
        return list(csv.DictReader(f))


def sanitized():
    """True when the binary is built with AddressSanitizer, whose shadow memory
    and quarantine of freed blocks make its peak RSS meaningless here."""
    out = subprocess.run(["ldd", BIN], capture_output=True, text=True).stdout
    return "libasan" in out


def peak_rss_kib(argv, stdin_path=None):
    """Runs argv in a fresh child and returns (exit status, its peak RSS in KiB)."""
    code = ("import resource, subprocess, sys\n"
            "f = open(sys.argv[1], 'rb') if sys.argv[1] else subprocess.DEVNULL\n"
            "p = subprocess.run(sys.argv[2:], stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", code, stdin_path or ""] + argv, capture_output=True, text=True,
                         check=True).stdout.split()
    return int(out[0]), int(out[1])


class ImportIngestTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="mtrk-io-")
        self.t = Tool(self.tmp)
        self.t.run("init")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def addresses(self):
        return {c["address"]: c for c in map(json.loads,
                                              self.t.run("export", "contacts", "--format", "jsonl").stdout.splitlines())}

    def campaign_mids(self, n=3):
        rows = "address\n" + "".join("u%d@example.com\n" % i for i in range(n))
        self.t.run("audience", "create", "L")
        self.t.run("contacts", "import", self.t.write("c.csv", rows), "--audience", "L")
        self.t.run("campaign", "create", "--name", "C", "--subject", "S", "--from", "news@example.com",
                   "--link", "Buy=https://s.example.com/buy")
        self.t.run("campaign", "attach", "C", "L")
        self.t.run("generate", "C")
        self.t.run("campaign", "status", "C", "scheduled")
        self.t.run("campaign", "status", "C", "sending")
        return [m["mid"] for m in map(json.loads,
                                       self.t.run("export", "messages", "--format", "jsonl").stdout.splitlines())]

    # ------------------------------------------------------------ quoting
    def test_stray_quotes_never_merge_rows(self):
        path = self.t.write("issue.csv", ISSUE_CSV)
        p = self.t.run("contacts", "import", path, "--json", expect=2)
        s = json.loads(p.stdout)
        self.assertEqual((s["read"], s["added"], s["rejected"]), (5, 3, 2))
        rej = rejects(path + ".rejects.csv")
        self.assertEqual([int(r["line"]) for r in rej], [2, 4])
        for r in rej:
            self.assertIn("malformed CSV", r["reason"])
        self.assertEqual(rej[0]["row"], 'a@example.com,"Bubba" Smith,Rio')
        self.assertEqual(rej[1]["row"], 'c@example.com,"Ana, "the boss",BH')
        self.assertEqual([r["address"] for r in rej], ["a@example.com", "c@example.com"])
        got = self.addresses()
        self.assertEqual(sorted(got), ["b@example.com", "d@example.com", "e@example.com"])
        self.assertEqual(got["b@example.com"]["name"], "Bo")

    def test_unclosed_quote_rejects_its_line_and_reads_the_rest(self):
        path = self.t.write("u.csv", 'email,name\na@example.com,"Bob\nb@example.com,Bo\nc@example.com,Cy\n')
        s = json.loads(self.t.run("contacts", "import", path, "--json", expect=2).stdout)
        self.assertEqual((s["read"], s["added"], s["rejected"]), (3, 2, 1))
        rej = rejects(path + ".rejects.csv")
        self.assertEqual(rej[0]["line"], "1" if False else "2")
        self.assertIn("unclosed quote", rej[0]["reason"])
        self.assertEqual(sorted(self.addresses()), ["b@example.com", "c@example.com"])
        # a legitimate quoted field over two lines is still one row
        ok = self.t.write("m.csv", 'email,name\nm@example.com,"Two\nlines"\nn@example.com,N\n')
        s = json.loads(self.t.run("contacts", "import", ok, "--json").stdout)
        self.assertEqual((s["read"], s["added"], s["rejected"]), (2, 2, 0))
        self.assertEqual(self.addresses()["m@example.com"]["name"], "Two\nlines")

    def test_nul_byte_is_bad_encoding(self):
        path = self.t.write("n.csv", b"email,name\na@example.com,Na\x00me\nb@example.com,Bo\n", "wb")
        s = json.loads(self.t.run("contacts", "import", path, "--json", expect=2).stdout)
        self.assertEqual((s["read"], s["added"], s["rejected"]), (2, 1, 1))
        rej = rejects(path + ".rejects.csv")
        self.assertEqual(rej[0]["line"], "2")
        self.assertIn("bad encoding", rej[0]["reason"])
        self.assertIn("NUL", rej[0]["reason"])
        self.assertEqual(rej[0]["row"], "a@example.com,Na\x00me")
        self.assertEqual(sorted(self.addresses()), ["b@example.com"])

    # -------------------------------------------------- fix and re-import
    def test_rejects_keep_the_original_row(self):
        data = 'email,name,city\n"x y@example.com","Multi\nline",Porto\nok@example.com,Ok,Rio\n=bad,X,Y\n'
        path = self.t.write("r.csv", data)
        self.t.run("contacts", "import", path, expect=2)
        rej = rejects(path + ".rejects.csv")
        self.assertEqual(rej[0]["line"], "2")
        self.assertEqual(rej[0]["row"], '"x y@example.com","Multi\nline",Porto')
        self.assertEqual(rej[1]["row"], "'=bad,X,Y")  # formula neutralized like every text cell

    def test_bom_is_stripped(self):
        path = self.t.write("b.csv", "\ufeffemail,name\nbom@example.com,B\n".encode("utf-8"), "wb")
        s = json.loads(self.t.run("contacts", "import", path, "--json").stdout)
        self.assertEqual((s["read"], s["added"]), (1, 1))

    def test_delimiter_detected_or_given(self):
        semi = self.t.write("s.csv", "email;name;city\ns@example.com;Sam;Rio, RJ\n")
        s = json.loads(self.t.run("contacts", "import", semi, "--json").stdout)
        self.assertEqual((s["added"], s["delimiter"]), (1, ";"))
        self.assertEqual(self.addresses()["s@example.com"]["name"], "Sam")
        tab = self.t.write("t.tsv", "email\tname\nt@example.com\tTia Maria\n")
        s = json.loads(self.t.run("contacts", "import", tab, "--json").stdout)
        self.assertEqual((s["added"], s["delimiter"]), (1, "tab"))
        self.assertEqual(self.addresses()["t@example.com"]["name"], "Tia Maria")
        pipe = self.t.write("p.csv", "email|name\np@example.com|P, Q\n")
        s = json.loads(self.t.run("contacts", "import", pipe, "--delimiter", "|", "--json").stdout)
        self.assertEqual(s["added"], 1)
        self.assertEqual(self.addresses()["p@example.com"]["name"], "P, Q")
        self.t.run("contacts", "import", pipe, "--delimiter", "xx", expect=1)

    def test_more_fields_than_the_header(self):
        path = self.t.write("x.csv", "email,name\na@example.com,A,,\nb@example.com,B,surplus\n")
        s = json.loads(self.t.run("contacts", "import", path, "--json", expect=2).stdout)
        self.assertEqual((s["read"], s["added"], s["rejected"]), (2, 1, 1))
        rej = rejects(path + ".rejects.csv")
        self.assertEqual(rej[0]["line"], "3")
        self.assertIn("3 fields where the header has 2", rej[0]["reason"])

    def test_stdin_rejects_go_where_the_user_says(self):
        self.t.run("contacts", "import", "-", stdin="email\nbad\n", expect=1)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "stdin.rejects.csv")))
        where = os.path.join(self.tmp, "mine.csv")
        self.t.run("contacts", "import", "-", "--rejects", where, stdin="email\nbad\ngood@example.com\n", expect=2)
        self.assertEqual([r["line"] for r in rejects(where)], ["2"])
        path = self.t.write("same.csv", "email\nz@example.com\n")
        self.t.run("contacts", "import", path, "--rejects", path, expect=1)
        with open(path) as f:
            self.assertEqual(f.read(), "email\nz@example.com\n")

    # ------------------------------------------------------------ ingest
    def test_reingest_without_provider_ids_records_nothing_new(self):
        mids = self.campaign_mids()
        lines = [{"type": "delivered", "mid": mids[0], "occurred_at": "2026-03-01T10:00:00Z"},
                 {"type": "open", "mid": mids[0], "occurred_at": 1772359300000},
                 {"type": "open", "mid": mids[1]},
                 {"type": "open", "mid": mids[2], "provider": "esp"}]
        text = "".join(json.dumps(l) + "\n" for l in lines)
        s1 = self.t.json("events", "ingest", "-", "--json", stdin=text)
        self.assertEqual((s1["recorded"], s1["duplicates"]), (4, 0))
        s2 = self.t.json("events", "ingest", "-", "--json", stdin=text)
        self.assertEqual((s2["recorded"], s2["duplicates"]), (0, 4))
        # the same time written the other way is the same event
        same = json.dumps({"type": "delivered", "mid": mids[0], "occurred_at": 1772359200000}) + "\n"
        self.assertEqual(self.t.json("events", "ingest", "-", "--json", stdin=same)["duplicates"], 1)
        ev = [e for e in map(json.loads, self.t.run("export", "events", "--format", "jsonl").stdout.splitlines())
              if e["type"] in ("open", "delivered")]
        self.assertEqual(len(ev), 4)
        keys = {(e["provider"], e["provider_event_id"][:8]) for e in ev}
        self.assertEqual(keys, {("mtrk-ingest", "content:"), ("esp", "content:")})

    def test_ip_and_user_agent_stored_sanitized(self):
        mids = self.campaign_mids(3)
        lines = [{"type": "open", "mid": mids[0], "occurred_at": 1772359300000, "ip": "999.1.1.1",
                  "user_agent": "Mozilla\u202e/5.0\x07 (X11)\u200b"},
                 {"type": "open", "mid": mids[1], "occurred_at": 1772359300000, "ip": "2001:DB8::0:1",
                  "user_agent": "  Plain  "}]
        # a user agent longer than the library's limit is cut, not refused
        long_ua = "A" * 600
        lines.append({"type": "open", "mid": mids[2], "occurred_at": 1772359300000, "user_agent": long_ua})
        p = self.t.run("events", "ingest", "-", "--json", stdin="".join(json.dumps(l) + "\n" for l in lines))
        self.assertEqual(json.loads(p.stdout)["recorded"], 3)
        ev = {e["mid"]: e for e in map(json.loads, self.t.run("export", "events", "--format", "jsonl",
                                                              "--type", "open").stdout.splitlines())}
        self.assertIsNone(ev[mids[0]]["ip"])
        self.assertEqual(ev[mids[0]]["user_agent"], "Mozilla/5.0 (X11)")
        self.assertEqual(ev[mids[1]]["ip"], "2001:db8::1")
        self.assertEqual(ev[mids[1]]["user_agent"], "Plain")
        self.assertEqual(ev[mids[2]]["user_agent"], "A" * 512)

    # ------------------------------------------------------ bounded memory
    def test_memory_is_bounded_by_the_limits(self):
        big = "x" * (10 * 1024 * 1024)
        # CSV: three 10 MB fields and a stray quote in front of 20 MB of rows
        path = os.path.join(self.tmp, "big.csv")
        with open(path, "w") as f:
            f.write("email,name\n")
            for i in range(3):
                f.write("big%d@example.com,%s\n" % (i, big))
            f.write('q@example.com,"unclosed\n')
            row = "".join("r%d@example.com,R\n" % i for i in range(1000))
            for _ in range(20 * 1024 * 1024 // len(row)):
                f.write(row)
            f.write("last@example.com,L\n")
        st, kib = peak_rss_kib([BIN, "--db", self.t.db, "contacts", "import", path, "--rejects",
                                os.path.join(self.tmp, "big.rej")])
        self.assertEqual(st, 2)
        if not sanitized():
            self.assertLess(kib, 48 * 1024, "peak RSS %d KiB" % kib)
        self.assertIn("last@example.com", self.addresses())
        rej = rejects(os.path.join(self.tmp, "big.rej"))
        self.assertEqual([r["line"] for r in rej[:4]], ["2", "3", "4", "5"])
        self.assertIn("longer than", rej[0]["reason"])
        self.assertIn("unclosed quote", rej[3]["reason"])
        # JSON Lines: 30 lines with a 10 MB field
        mids = self.campaign_mids(1)
        jpath = os.path.join(self.tmp, "big.jsonl")
        with open(jpath, "w") as f:
            for i in range(30):
                f.write(json.dumps({"type": "open", "mid": mids[0], "diagnostic": big}) + "\n")
            f.write(json.dumps({"type": "open", "mid": mids[0], "occurred_at": 1772359300000}) + "\n")
        st, kib = peak_rss_kib([BIN, "--db", self.t.db, "events", "ingest", jpath])
        self.assertEqual(st, 2)
        if not sanitized():
            self.assertLess(kib, 48 * 1024, "peak RSS %d KiB" % kib)
        s = self.t.json("events", "ingest", jpath, "--json", expect=2)
        self.assertEqual((s["lines"], s["rejected"], s["duplicates"]), (31, 30, 1))

    # ------------------------------------------------------------- busy
    def test_busy_database_is_not_bad_data(self):
        mids = self.campaign_mids(2)
        text = "".join(json.dumps({"type": "open", "mid": m, "occurred_at": 1772359300000 + i}) + "\n"
                       for i, m in enumerate(mids * 2))
        self.t.run("events", "ingest", "-", "--busy-timeout", "x", stdin=text, expect=1)
        con = sqlite3.connect(self.t.db, timeout=0, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        try:
            p = self.t.run("events", "ingest", "-", "--busy-timeout", "200", "--json", stdin=text, expect=3)
            s = json.loads(p.stdout)
            self.assertEqual(s["not_recorded"], {"first_line": 1, "last_line": 4, "reason": "busy"})
            self.assertEqual(s["recorded"], 0)
            self.assertIn("busy", p.stderr)
            p = self.t.run("--busy-timeout", "200", "events", "ingest", "-", stdin=text, expect=3)
            self.assertIn("not recorded: lines 1-4", p.stdout)
            p = self.t.run("contacts", "import", self.t.write("n.csv", "email\nnew1@example.com\nnew2@example.com\n"),
                           "--busy-timeout", "200", "--json", expect=3)
            self.assertEqual(json.loads(p.stdout)["not_recorded"], {"first_line": 2, "last_line": 3, "reason": "busy"})
            p = self.t.run("rebuild", "--busy-timeout", "100", expect=3)
            self.assertIn("--busy-timeout", p.stderr)
        finally:
            con.rollback()
            con.close()
        s = self.t.json("events", "ingest", "-", "--json", stdin=text)
        self.assertEqual(s["recorded"], 4)

    # ---------------------------------------------------------- progress
    def run_tty(self, *args, stdin=None):
        """Runs mtrk with stderr on a pseudo-terminal; returns (status, what the terminal showed)."""
        master, slave = pty.openpty()
        env = dict(os.environ)
        env.pop("MTRK_DB", None)
        p = subprocess.Popen([BIN, "--db", self.t.db] + list(args), stdin=subprocess.PIPE if stdin else None,
                             stdout=subprocess.DEVNULL, stderr=slave, env=env, cwd=self.tmp)
        os.close(slave)
        if stdin:
            p.stdin.write(stdin.encode())
            p.stdin.close()
        out = b""
        while True:
            r, _, _ = select.select([master], [], [], 30)
            if not r:
                break
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        os.close(master)
        return p.wait(), out.decode(errors="replace")

    def test_progress_only_on_a_terminal(self):
        rows = "email\n" + "".join("p%d@example.com\n" % i for i in range(300))
        path = self.t.write("p.csv", rows)
        st, shown = self.run_tty("contacts", "import", path)
        self.assertEqual(st, 0)
        self.assertIn("300 rows", shown)
        self.assertIn("100%", shown)
        self.assertEqual(self.t.run("contacts", "import", path).stderr, "")
        mids = self.campaign_mids(2)
        text = json.dumps({"type": "open", "mid": mids[0], "occurred_at": 1772359300000}) + "\n"
        jpath = self.t.write("e.jsonl", text)
        st, shown = self.run_tty("events", "ingest", jpath)
        self.assertEqual(st, 0)
        self.assertIn("1 lines", shown)
        self.assertEqual(self.t.run("events", "ingest", jpath).stderr, "")
        st, shown = self.run_tty("simulate", "C", "--seed", "1")
        self.assertEqual(st, 0)
        self.assertIn("simulating...", shown)
        self.assertEqual(self.t.run("simulate", "C", "--seed", "1").stderr, "")
        st, shown = self.run_tty("rebuild")
        self.assertEqual(st, 0)
        self.assertIn("rebuilding...", shown)
        self.assertEqual(self.t.run("rebuild").stderr, "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
