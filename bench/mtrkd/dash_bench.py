#!/usr/bin/env python3
"""The dashboard's JSON API under wrk, after 10,000 and after 1,000,000
events: requests per second and p50/p99 of each route the dashboard polls
(the campaign list, a campaign's metrics, its hourly series, its link
ranking), with a bearer token, on one SQLite file.

    MTRK_LIBRARY=build/libmtrk.so python3 bench/mtrkd/dash_bench.py \\
        build/tools/mtrkd/mtrkd build/tools/mtrk [--events 1000000] \\
        [--messages 20000] [--runs 3] [--duration 5]

The fixture is tools/mtrkd/tests/support.py's (one tenant, one sending
campaign of --messages sent messages); events are written as JSON Lines
(opens and clicks on the campaign's links, a few bounces, complaints and
unsubscribes, spread over 30 days) and recorded with `mtrk events ingest`.
The routes are measured once the file holds the first 10,000 events and
again once it holds all of them; mtrkd is restarted in between (a cold
handle each time). Medians of --runs wrk runs per route. Prints a Markdown
table with the ratio of each p99 after all events to the p99 after 10,000."""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "mtrkd", "tests"))
sys.path.insert(0, HERE)
import support  # noqa: E402
import wrk_bench  # noqa: E402

FIRST = 10000
LUA = """
request = function()
  return wrk.format("GET", "%s", {["Authorization"] = "Bearer %s"})
end
"""


def events_file(path: str, fx: dict, start: int, count: int, seed: int) -> None:
    """JSON Lines of `count` events (numbered from start) over the fixture's messages."""
    rnd = random.Random(seed)
    mids, links = fx["mids"], fx["links"]
    t0 = int(support.T0.timestamp() * 1000) + 60000
    kinds = ["open"] * 60 + ["click"] * 35 + ["bounce", "complaint", "unsubscribe", "delivered", "delivered"]
    with open(path, "w") as f:
        for i in range(start, start + count):
            kind = rnd.choice(kinds)
            e = {"type": kind, "mid": rnd.choice(mids), "occurred_at": t0 + rnd.randrange(30 * 86400) * 1000,
                 "provider": "bench", "provider_event_id": "e%d" % i,
                 "user_agent": "Mozilla/5.0 (Macintosh)"}
            if kind == "click":
                e["lid"] = rnd.choice(links)
            if kind == "bounce":
                e["bounce_kind"] = "soft"
            f.write(json.dumps(e) + "\n")


def ingest(mtrk: str, db: str, path: str) -> float:
    t = time.monotonic()
    subprocess.run([mtrk, "--db", db, "--tenant", "acme", "events", "ingest", path], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.monotonic() - t


def wrk_route(port: int, path: str, token: str, args) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA % (path, token))
    try:
        out = subprocess.run(["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d",
                              "%ds" % args.duration, "--latency", "-s", f.name, "http://127.0.0.1:%d" % port],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    import re
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if bad:
        raise SystemExit("%s: %s non-2xx answers" % (path, bad.group(1)))
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": wrk_bench.ms(lat["50"]), "p99": wrk_bench.ms(lat["99"])}


def measure(args, db: str, d: str, fx: dict) -> dict:
    server = support.Server(db, d, "--threads", str(args.server_threads))
    try:
        base = "/api/v1/tenants/acme"
        camp = fx["campaign"]
        routes = {"campaigns": base + "/campaigns", "metrics": "%s/campaigns/%s" % (base, camp),
                  "hourly": "%s/campaigns/%s/hourly" % (base, camp), "links": "%s/campaigns/%s/links" % (base, camp)}
        out = {}
        for name, path in routes.items():
            runs = [wrk_route(server.port, path, str(fx["token"]), args) for _ in range(args.runs)]
            out[name] = {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50", "p99")}
        out["rss_kib"] = wrk_bench.peak_rss_kib(server.proc.pid)
        return out
    finally:
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mtrkd")
    ap.add_argument("mtrk")
    ap.add_argument("--events", type=int, default=1000000)
    ap.add_argument("--messages", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--server-threads", type=int, default=4)
    args = ap.parse_args()
    support.MTRKD = os.path.abspath(args.mtrkd)
    print("load average at start:", os.getloadavg())
    with support.tmpdir() as d:
        db = os.path.join(d, "dash.mtrk")
        fx = support.Fixture(d, n=args.messages, target=db, keys=("acme",)).t["acme"]
        ev = os.path.join(d, "events.jsonl")
        events_file(ev, fx, 0, FIRST, 1)
        ingest(args.mtrk, db, ev)
        small = measure(args, db, d, fx)
        rest = args.events - FIRST
        took = 0.0
        for part in range(0, rest, 200000):
            n = min(200000, rest - part)
            events_file(ev, fx, FIRST + part, n, 2 + part)
            took += ingest(args.mtrk, db, ev)
        large = measure(args, db, d, fx)
        size = os.path.getsize(db)
    print("load average at end:", os.getloadavg())
    print("%d messages; %d events ingested by `mtrk events ingest` in %.0f s; file %.0f MiB" %
          (args.messages, args.events, took, size / 2**20))
    print("mtrkd %d threads, wrk -t%d -c%d -d%ds, medians of %d runs\n" %
          (args.server_threads, args.threads, args.connections, args.duration, args.runs))
    print("| route | after 10,000: req/s | p50 | p99 | after %s: req/s | p50 | p99 | p99 ratio |" %
          format(args.events, ","))
    print("|---|---|---|---|---|---|---|---|")
    for name in ("campaigns", "metrics", "hourly", "links"):
        a, b = small[name], large[name]
        print("| %s | %s | %.2f ms | %.2f ms | %s | %.2f ms | %.2f ms | %.2f |" %
              (name, format(round(a["rps"]), ","), a["p50"], a["p99"], format(round(b["rps"]), ","), b["p50"],
               b["p99"], b["p99"] / a["p99"]))
    print("\npeak RSS of mtrkd: %.1f MiB (10,000), %.1f MiB (all)" % (small["rss_kib"] / 1024,
                                                                     large["rss_kib"] / 1024))


if __name__ == "__main__":
    main()
