#!/usr/bin/env python3
"""mtrkd under wrk on loopback: open pixels and click redirects per second
and their latency (p50, p99), on an SQLite file, each hit one transaction.

    MTRK_LIBRARY=build/libmtrk.so python3 bench/mtrkd/wrk_bench.py \
        build/tools/mtrkd/mtrkd [--duration 10] [--connections 16] [--threads 4]

The database is the test fixture (two tenants, 200 messages each); wrk
cycles through the messages' signed URLs with a Lua script, so every request
is a distinct, valid hit that records an event. Prints one line per route."""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "mtrkd", "tests"))
import support  # noqa: E402

LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["User-Agent"] = "Mozilla/5.0 (wrk bench)"})
end
"""


def run(url: str, paths, args, name: str) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA % ",".join('"%s"' % p for p in paths))
    out = subprocess.run(["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", "%ds" % args.duration,
                          "--latency", "-s", f.name, url], capture_output=True, text=True, check=True).stdout
    os.unlink(f.name)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return "%-6s %8s req/s  p50 %8s  p99 %8s  non-2xx/3xx %s" % (name, rps, lat.get("50"), lat.get("99"),
                                                                   errors.group(1) if errors else 0)


def raw_insert_rate(directory: str, seconds: float = 5.0) -> float:
    """The baseline: one INSERT of an event-sized row per transaction into
    an SQLite file in WAL mode with synchronous=NORMAL (what mtrkd runs
    with here), from one thread, no HTTP: the floor of a per-hit commit."""
    import sqlite3
    import time
    import uuid
    db = sqlite3.connect(os.path.join(directory, "raw.db"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE hits (id BLOB PRIMARY KEY, tenant INTEGER, mid BLOB, lid BLOB, type INTEGER, "
               "occurred_at INTEGER, arrived_at INTEGER, user_agent TEXT, ip TEXT, verdict INTEGER)")
    n = 0
    end = time.time() + seconds
    while time.time() < end:
        db.execute("BEGIN")
        db.execute("INSERT INTO hits VALUES (?,?,?,?,?,?,?,?,?,?)",
                   (uuid.uuid4().bytes, 1, uuid.uuid4().bytes, None, 4, int(time.time() * 1000),
                    int(time.time() * 1000), "Mozilla/5.0 (wrk bench)", "127.0.0.1", 0))
        db.execute("COMMIT")
        n += 1
    db.close()
    return n / seconds


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mtrkd")
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--server-threads", type=int, default=4)
    ap.add_argument("--sync", default="normal")
    ap.add_argument("--pg", help="a libpq conninfo: run on PostgreSQL instead of an SQLite file")
    args = ap.parse_args()
    support.MTRKD = args.mtrkd
    with support.tmpdir() as d:
        import uuid
        keys = ("bench-%s-a" % uuid.uuid4().hex[:8], "bench-b") if args.pg else ("acme", "beta")
        fx = support.Fixture(d, n=200, target="pg:" + args.pg if args.pg else None,
                             keys=(keys[0], keys[0] + "-b") if args.pg else keys)
        srv = support.Server(fx.path, d, "--threads", str(args.server_threads), "--sync", args.sync,
                             "--busy-timeout", "10000")
        try:
            a = fx.t[keys[0]]
            print("mtrkd on %s (--sync %s, %d server threads), wrk -t%d -c%d -d%ds"
                  % ("PostgreSQL" if args.pg else "SQLite", args.sync, args.server_threads, args.threads,
                     args.connections, args.duration))
            print(run(srv.url(""), a["open"], args, "pixel"))
            print(run(srv.url(""), a["click"], args, "click"))
            print("raw    %8.2f INSERT+COMMIT/s (baseline: one thread, no HTTP, same file system)"
                  % raw_insert_rate(d))
        finally:
            srv.stop()


main()
