"""Group commit: tracking hits from many concurrent clients are committed by
one writer in groups (fewer transactions than hits), every answered hit is
in the event log, and the group sizes show in the metrics. Runs on SQLite,
and on PostgreSQL when MTRK_TEST_PG names a server."""
from __future__ import annotations

import http.client
import os
import re
import threading
import unittest
import uuid

import support

PG = os.environ.get("MTRK_TEST_PG")
CLIENTS = 32
HITS_EACH = 12


def metric(text: str, name: str) -> int:
    m = re.search(r"^%s (\d+)$" % re.escape(name), text, re.M)
    assert m, name
    return int(m.group(1))


class GroupCommitTest(unittest.TestCase):
    def hammer(self, srv: support.Server, paths: dict, tag: str) -> list:
        """CLIENTS threads, each HITS_EACH hits (opens, clicks and one-click
        unsubscribes) on a connection of its own; returns the user agents of
        the hits answered 2xx."""
        acked: list = []
        errors: list = []
        lock = threading.Lock()
        barrier = threading.Barrier(CLIENTS)

        def client(n: int) -> None:
            c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
            barrier.wait()
            for i in range(HITS_EACH):
                ua = "%s/%d.%d" % (tag, n, i)
                k = (n + i) % 3
                if k == 0:
                    c.request("GET", paths["open"][i % len(paths["open"])], headers={"User-Agent": ua})
                elif k == 1:
                    c.request("GET", paths["click"][i % len(paths["click"])], headers={"User-Agent": ua})
                else:
                    c.request("POST", paths["unsub"][i % len(paths["unsub"])], body=b"List-Unsubscribe=One-Click",
                              headers={"User-Agent": ua, "Content-Type": "application/x-www-form-urlencoded"})
                r = c.getresponse()
                r.read()
                with lock:
                    if r.status in (200, 302):
                        if k != 2:
                            acked.append(ua)
                    else:
                        errors.append((ua, r.status))
            c.close()

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        return acked

    def check(self, target: str, keys: tuple, d: str) -> None:
        fx = support.Fixture(d, n=8, target=target, keys=keys)
        srv = support.Server(target, d, "--threads", "2", "--batch-window-us", "5000", "--batch-max", "64")
        try:
            acked = self.hammer(srv, fx.t[keys[0]], "group-" + keys[0])
            c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
            c.request("GET", "/metrics")
            text = c.getresponse().read().decode()
            c.close()
        finally:
            self.assertEqual(srv.stop(), 0)
        commits = metric(text, "mtrkd_commit_group_size_count")
        hits = metric(text, "mtrkd_commit_group_size_sum")
        self.assertEqual(hits, CLIENTS * HITS_EACH)
        self.assertLess(commits, hits, "hits were not grouped")
        self.assertGreater(commits, 0)
        self.assertEqual(metric(text, 'mtrkd_commit_group_size_bucket{le="+Inf"}'), commits)
        self.assertEqual(metric(text, 'mtrkd_commit_group_size_bucket{le="1"}') < commits, True)
        stored = {e.get("user_agent") for e in support.export_events(fx.path, keys[0])}
        missing = [ua for ua in acked if ua not in stored]
        self.assertEqual(missing, [], "answered but not recorded")
        self.assertEqual(len(acked), CLIENTS * HITS_EACH - sum(1 for n in range(CLIENTS)
                                                                 for i in range(HITS_EACH) if (n + i) % 3 == 2))

    def test_concurrent_hits_are_committed_in_groups_on_sqlite(self) -> None:
        with support.tmpdir() as d:
            self.check(os.path.join(d, "mtrk.db"), ("acme", "beta"), d)

    @unittest.skipIf(not PG, "MTRK_TEST_PG is not set (scripts/test starts a server)")
    def test_concurrent_hits_are_committed_in_groups_on_postgresql(self) -> None:
        run = uuid.uuid4().hex[:8]
        with support.tmpdir() as d:
            self.check("pg:" + PG, ("group-%s-a" % run, "group-%s-b" % run), d)

    def test_batch_max_one_commits_each_hit_alone(self) -> None:
        with support.tmpdir() as d:
            fx = support.Fixture(d, n=4)
            srv = support.Server(fx.path, d, "--batch-max", "1", "--batch-window-us", "0")
            try:
                a = fx.t["acme"]
                c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
                for p in a["open"] + a["click"]:
                    c.request("GET", p, headers={"User-Agent": support.UA})
                    r = c.getresponse()
                    r.read()
                    self.assertIn(r.status, (200, 302))
                c.request("GET", "/metrics")
                text = c.getresponse().read().decode()
                c.close()
            finally:
                self.assertEqual(srv.stop(), 0)
            self.assertEqual(metric(text, "mtrkd_commit_group_size_count"), 8)
            self.assertEqual(metric(text, 'mtrkd_commit_group_size_bucket{le="1"}'), 8)

    def test_batch_options_are_checked(self) -> None:
        import subprocess
        for args, words in ((["--batch-max", "0"], "--batch-max: at least 1"),
                            (["--batch-window-us", "x"], '--batch-window-us: "x" is not a number')):
            p = subprocess.run([support.MTRKD, *args], capture_output=True, text=True, timeout=30)
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertIn(words, p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
