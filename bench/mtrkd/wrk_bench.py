#!/usr/bin/env python3
"""mtrkd under wrk on loopback: open pixels and click redirects per second
and their latency (p50, p99), with group commit and with one commit per hit
(--batch-max 1), against per-hit-commit baselines measured in the same run;
peak RSS of mtrkd under load.

    MTRK_LIBRARY=build/libmtrk.so python3 bench/mtrkd/wrk_bench.py \\
        build/tools/mtrkd/mtrkd [--pg CONNINFO] [--runs 3] [--duration 8] \\
        [--connections 32] [--threads 2]

Each run starts mtrkd on a fresh fixture (two tenants, 1000 messages each:
tools/mtrkd/tests/support.py); wrk cycles through the messages' signed URLs
with a Lua script, so every request is a distinct, valid hit that verifies
its token, classifies and records one event, answered after its commit.
Baselines, in the same run:
  - SQLite: raw per-hit INSERTs of an event row, each its own transaction
    (WAL, PRAGMA synchronous as mtrkd's --sync), into the stored events
    table (event_rows) of a copy of the same fixture file (the same layout
    and indexes), from one thread with no HTTP: the floor of one commit per
    hit.
  - PostgreSQL (--pg): a listmonk-shaped click, its link_clicks insert with
    its own commit (campaign, subscriber and link looked up by uuid, foreign
    keys, listmonk's four indexes, RETURNING the URL), by pgbench with the
    same number of clients as wrk's connections, on the same server. With
    both backends it runs first, and the SQLite rows are compared with it
    too (a column of their own).
MTRK_BENCH_PGSS=1 (with --pg; the server must load pg_stat_statements and
the database have the extension): each run's statements, reset after the
fixture, by server time per hit answered, on stderr.
Medians of --runs runs; after each mtrkd run the events recorded are counted
and must be at least the hits answered 2xx/3xx. Prints a Markdown table."""
import argparse
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "mtrkd", "tests"))
import support  # noqa: E402

MESSAGES = 1000
LUA = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["User-Agent"] = "Mozilla/5.0 (wrk bench)"})
end
"""

# listmonk's schema for clicks (schema.sql: campaigns, subscribers, links,
# link_clicks and its indexes), reduced to the columns the insert touches.
LISTMONK_SCHEMA = """
DROP SCHEMA IF EXISTS lm_bench CASCADE;
CREATE SCHEMA lm_bench;
CREATE TABLE lm_bench.campaigns (id SERIAL PRIMARY KEY, uuid UUID NOT NULL UNIQUE, name TEXT NOT NULL);
CREATE TABLE lm_bench.subscribers (id SERIAL PRIMARY KEY, uuid UUID NOT NULL UNIQUE, email TEXT NOT NULL UNIQUE);
CREATE TABLE lm_bench.links (id SERIAL PRIMARY KEY, uuid UUID NOT NULL UNIQUE, url TEXT NOT NULL UNIQUE);
CREATE TABLE lm_bench.link_clicks (
    id BIGSERIAL PRIMARY KEY,
    campaign_id INTEGER NULL REFERENCES lm_bench.campaigns(id) ON DELETE SET NULL ON UPDATE CASCADE,
    link_id INTEGER NOT NULL REFERENCES lm_bench.links(id) ON DELETE CASCADE ON UPDATE CASCADE,
    subscriber_id INTEGER NULL REFERENCES lm_bench.subscribers(id) ON DELETE SET NULL ON UPDATE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW());
CREATE INDEX idx_clicks_camp_id ON lm_bench.link_clicks(campaign_id);
CREATE INDEX idx_clicks_link_id ON lm_bench.link_clicks(link_id);
CREATE INDEX idx_clicks_sub_id ON lm_bench.link_clicks(subscriber_id);
CREATE INDEX idx_clicks_date ON lm_bench.link_clicks((TIMEZONE('UTC', created_at)::DATE));
INSERT INTO lm_bench.campaigns (uuid, name) SELECT md5('c' || i)::uuid, 'c' || i FROM generate_series(1, 10) i;
INSERT INTO lm_bench.subscribers (uuid, email)
    SELECT md5('s' || i)::uuid, 'user' || i || '@example.com' FROM generate_series(1, %d) i;
INSERT INTO lm_bench.links (uuid, url)
    SELECT md5('l' || i)::uuid, 'https://shop.example.com/' || i FROM generate_series(1, 30) i;
ANALYZE;
"""

# listmonk's register-link-click, shaped: the ids come from the URL's uuids.
PGBENCH_SCRIPT = """\\set c random(1, 10)
\\set s random(1, %d)
\\set l random(1, 30)
INSERT INTO lm_bench.link_clicks (campaign_id, subscriber_id, link_id) VALUES (
  (SELECT id FROM lm_bench.campaigns WHERE uuid = md5('c' || :c)::uuid),
  (SELECT id FROM lm_bench.subscribers WHERE uuid = md5('s' || :s)::uuid),
  (SELECT id FROM lm_bench.links WHERE uuid = md5('l' || :l)::uuid))
  RETURNING (SELECT url FROM lm_bench.links WHERE uuid = md5('l' || :l)::uuid);
"""


def ms(text: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not m:
        raise ValueError(text)
    return float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[m.group(2)]


def wrk(url: str, paths, args) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA % ",".join('"%s"' % p for p in paths))
    c0 = children_cpu()
    try:
        out = subprocess.run(["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d",
                              "%ds" % args.duration, "--latency", "-s", f.name, url],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    client = children_cpu() - c0
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errs = re.search(r"Socket errors: .*", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": ms(lat["50"]),
            "p99": ms(lat["99"]), "ok": total - (int(bad.group(1)) if bad else 0),
            "socket_errors": errs.group(0) if errs else "", "cpu_client": client}


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's waited-for children."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def peak_rss_kib(pid: int) -> int:
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


TICK = os.sysconf("SC_CLK_TCK")


def proc_cpu(pid: int, children: bool = False) -> float:
    """CPU seconds (user + system) of a process; with children, also those
    of its exited children it has waited for."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / TICK


def pg_postmaster(pg: str):
    """The pid of the server's postmaster, found from the socket directory
    of the conninfo (scripts/pg-server keeps its cluster there); None when
    it cannot be read."""
    m = re.search(r"host=(\S+)", pg or "")
    try:
        with open(os.path.join(m.group(1), "data", "postmaster.pid")) as f:
            return int(f.readline())
    except (AttributeError, OSError, ValueError):
        return None


def pg_server_cpu(postmaster) -> float:
    """CPU seconds the server has spent: the postmaster, its exited backends
    (reaped by it) and its live ones."""
    if postmaster is None:
        return float("nan")
    total = proc_cpu(postmaster, children=True)
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                st = f.read().rsplit(")", 1)[1].split()
            if int(st[1]) == postmaster:
                total += (int(st[11]) + int(st[12])) / TICK
        except (OSError, ValueError, IndexError):
            continue
    return total


def count_events(target: str, tenant: str) -> int:
    if target.startswith("pg:"):
        out = subprocess.run(["psql", target[3:], "-tAc",
                              "SELECT count(*) FROM events e JOIN tenants t ON t.id = e.tenant "
                              "WHERE t.key = '%s' AND e.type IN (4, 5)" % tenant],
                             capture_output=True, text=True, check=True).stdout
        return int(out.strip())
    db = sqlite3.connect(target)
    try:
        return db.execute("SELECT count(*) FROM events e JOIN tenants t ON t.id = e.tenant "
                          "WHERE t.key = ? AND e.type IN (4, 5)", (tenant,)).fetchone()[0]
    finally:
        db.close()


# The statements of one run by server time per hit answered (%d: the hits).
PGSS_QUERY = ("SELECT round((total_exec_time * 1000 / %d)::numeric, 1), round((total_plan_time * 1000 / %d)::numeric, 1), "
              "round(calls::numeric / %d, 3), left(regexp_replace(query, '\\s+', ' ', 'g'), 100) "
              "FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 20")


def mtrkd_run(args, pg: str, route: str, server_args) -> dict:
    with support.tmpdir() as d:
        key = "bench-%s" % uuid.uuid4().hex[:8]
        target = "pg:" + pg if pg else None
        fx = support.Fixture(d, n=MESSAGES, target=target, keys=(key, key + "-b"), urls=("open", "click"))
        srv = support.Server(fx.path, d, "--threads", str(args.server_threads), "--sync", args.sync,
                             "--busy-timeout", "10000", *server_args)
        postmaster = pg_postmaster(pg)
        try:
            before = count_events(fx.path, key)
            pgss = bool(pg and os.environ.get("MTRK_BENCH_PGSS"))
            if pgss:  # the run's statements alone (needs pg_stat_statements loaded)
                subprocess.run(["psql", pg, "-qAtc", "SELECT pg_stat_statements_reset()"], check=True,
                               capture_output=True)
            pg0, own0 = pg_server_cpu(postmaster), proc_cpu(srv.proc.pid)
            r = wrk(srv.url(""), fx.t[key]["open" if route == "pixel" else "click"], args)
            r["cpu_pg"] = pg_server_cpu(postmaster) - pg0
            r["cpu_mtrkd"] = proc_cpu(srv.proc.pid) - own0
            if pgss:  # read after the CPU figures, which must not count its query
                out = subprocess.run(["psql", pg, "-qAtF", " | ", "-c", PGSS_QUERY % ((max(r["ok"], 1),) * 3)],
                                     check=True, capture_output=True, text=True).stdout
                print("  pg_stat_statements, %s (µs per hit: execution | planning | calls per hit | "
                      "statement):\n%s" % (route, out), file=sys.stderr)
            r["cpu"] = r["cpu_pg"] + r["cpu_mtrkd"]
            r["rss_kib"] = peak_rss_kib(srv.proc.pid)
        finally:
            rc = srv.stop()
        if rc != 0:
            raise SystemExit("mtrkd exited %d: %s" % (rc, srv.stderr_text()))
        recorded = count_events(fx.path, key) - before
        if recorded < r["ok"]:
            raise SystemExit("%s: %d hits answered, only %d events recorded" % (route, r["ok"], recorded))
        r["recorded"] = recorded
        r["cpu_us"] = r["cpu"] / max(r["ok"], 1) * 1e6
        r["client_us"] = r["cpu_client"] / max(r["ok"], 1) * 1e6
        if pg:
            print("  (%s: %d hits, server CPU %.0f µs per hit: PostgreSQL %.0f, mtrkd %.0f; wrk %.0f)" % (
                route, r["ok"], r["cpu_us"], r["cpu_pg"] / max(r["ok"], 1) * 1e6,
                r["cpu_mtrkd"] / max(r["ok"], 1) * 1e6, r["client_us"]), file=sys.stderr)
        return r


def sqlite_raw_run(seconds: float, sync: str) -> dict:
    """One INSERT of an event row per transaction into a copy of the fixture,
    with mtrkd's --sync as PRAGMA synchronous."""
    with support.tmpdir() as d:
        fx = support.Fixture(d, n=MESSAGES, keys=("acme", "beta"), urls=("open",))
        db = sqlite3.connect(fx.path, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=%s" % {"off": "OFF", "normal": "NORMAL", "full": "FULL"}[sync])
        # The stored table (events is a view over it, docs/schema.md): the
        # row's message by its integer key, its rowid left to SQLite.
        cols = [r[1] for r in db.execute("PRAGMA table_info(event_rows)") if r[1] != "k"]
        tmpl = list(db.execute("SELECT %s FROM event_rows LIMIT 1" % ",".join('"%s"' % c for c in cols)).fetchone())
        mids = [r[0] for r in db.execute("SELECT k FROM message_rows")]
        i_id, i_msg, i_type, i_ua = cols.index("id"), cols.index("message_k"), cols.index("type"), \
            cols.index("user_agent")
        i_occ, i_arr, i_hour = cols.index("occurred_at"), cols.index("arrived_at"), cols.index("occurred_hour")
        sql = "INSERT INTO event_rows (%s) VALUES (%s)" % (",".join('"%s"' % c for c in cols),
                                                           ",".join("?" * len(cols)))
        lat = []
        n = 0
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            row = list(tmpl)
            row[i_id] = uuid.uuid4().bytes
            row[i_msg] = mids[n % len(mids)]
            row[i_type] = 4
            row[i_ua] = "Mozilla/5.0 (raw bench)"
            row[i_occ] = row[i_arr] = int(time.time() * 1000)
            row[i_hour] = row[i_occ] // 3600000 * 3600000
            t0 = time.monotonic()
            db.execute("BEGIN")
            db.execute(sql, row)
            db.execute("COMMIT")
            lat.append(time.monotonic() - t0)
            n += 1
        db.close()
    lat.sort()
    return {"rps": n / seconds, "p50": lat[len(lat) // 2] * 1e3, "p99": lat[int(len(lat) * 0.99)] * 1e3}


def pgbench_run(pg: str, args) -> dict:
    with tempfile.TemporaryDirectory(prefix="mtrk-pgbench-") as d:
        script = os.path.join(d, "click.sql")
        with open(script, "w") as f:
            f.write(PGBENCH_SCRIPT % MESSAGES)
        subprocess.run(["psql", pg, "-q", "-v", "ON_ERROR_STOP=1", "-c", LISTMONK_SCHEMA % MESSAGES], check=True,
                       capture_output=True)
        cpu_postmaster = pg_postmaster(pg)
        cpu0 = pg_server_cpu(cpu_postmaster)
        c0 = children_cpu()
        out = subprocess.run(["pgbench", "-n", "-c", str(args.connections), "-j", str(args.threads), "-T",
                              str(args.duration), "-f", script, "-l", "--log-prefix", os.path.join(d, "log"), pg],
                             capture_output=True, text=True, cwd=d)
        if out.returncode:
            raise SystemExit("pgbench failed: %s" % out.stderr)
        lat = []
        r_cpu = pg_server_cpu(cpu_postmaster) - cpu0
        client = children_cpu() - c0
        for fn in os.listdir(d):
            if fn.startswith("log"):
                with open(os.path.join(d, fn)) as f:
                    lat += [int(l.split()[2]) / 1000.0 for l in f if l.strip()]
        lat.sort()
        tps = float(re.search(r"tps = ([\d.]+)", out.stdout).group(1))
        subprocess.run(["psql", pg, "-q", "-c", "DROP SCHEMA lm_bench CASCADE"], check=True, capture_output=True)
    n = sum(1 for _ in lat)
    return {"rps": tps, "p50": lat[len(lat) // 2], "p99": lat[int(len(lat) * 0.99)],
            "cpu_us": r_cpu / max(n, 1) * 1e6, "client_us": client / max(n, 1) * 1e6}


def median(runs, k):
    return statistics.median(r[k] for r in runs)


def row(name: str, runs, base: float, base_cpu=None, listmonk=None) -> str:
    rps = [r["rps"] for r in runs]
    rss = max(r.get("rss_kib", 0) for r in runs)
    cpu = median(runs, "cpu_us") if all("cpu_us" in r for r in runs) else float("nan")
    client = median(runs, "client_us") if all("client_us" in r for r in runs) else float("nan")
    cpu_cols = ""
    if base_cpu is not None:
        cpu_cols = " %s | %s | %s |" % ("%.0f µs" % cpu if cpu == cpu else "—",
                                        "%.2f" % (base_cpu / cpu) if cpu == cpu and cpu > 0 else "—",
                                        "%.0f µs" % client if client == client else "—")
    lm_col = " %.2f |" % (statistics.median(rps) / listmonk) if listmonk else ""
    return "| %s | %s (%s–%s) | %.2g ms | %.3g ms | %s | %.2f |%s%s" % (
        name, "{:,.0f}".format(statistics.median(rps)), "{:,.0f}".format(min(rps)), "{:,.0f}".format(max(rps)),
        median(runs, "p50"), median(runs, "p99"), "%.1f MiB" % (rss / 1024) if rss else "—",
        statistics.median(rps) / base, lm_col, cpu_cols)


def main() -> None:
    global MESSAGES
    ap = argparse.ArgumentParser()
    ap.add_argument("mtrkd")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--duration", type=int, default=8)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2, help="wrk's threads (and pgbench's -j)")
    ap.add_argument("--server-threads", type=int, default=4)
    ap.add_argument("--sync", default="normal")
    ap.add_argument("--window", type=int, help="--batch-window-us of the group-commit runs (mtrkd's default)")
    ap.add_argument("--messages", type=int, default=1000,
                    help="messages per tenant in the fixture (and subscribers in the baseline)")
    ap.add_argument("--group-only", action="store_true", help="skip the one-commit-per-hit runs")
    ap.add_argument("--pg", help="a libpq conninfo: also on PostgreSQL, with the pgbench baseline")
    ap.add_argument("--sqlite", action=argparse.BooleanOptionalAction, default=True)
    args = ap.parse_args()
    MESSAGES = args.messages
    support.MTRKD = args.mtrkd
    for tool in ["wrk"] + (["pgbench", "psql"] if args.pg else []):
        if shutil.which(tool) is None:
            raise SystemExit("wrk_bench: %s is not installed (scripts/deps)" % tool)
    print("mtrkd (%d server threads, --sync %s, group commit window %s), wrk -t%d -c%d -d%ds, %d runs each, "
          "%d messages, medians (min–max of the rate)" % (args.server_threads, args.sync, "%d us" % args.window
                                             if args.window is not None else "default", args.threads,
                                             args.connections, args.duration, args.runs, MESSAGES))
    print("load average at start: %s" % open("/proc/loadavg").read().split()[:3])
    print()
    cpu_cols = bool(args.pg) and not args.sqlite
    if cpu_cols:
        print("| backend, route, commits | hits/s | p50 | p99 | peak RSS | ratio to the baseline "
              "| server CPU per hit | CPU ratio to the baseline | client CPU per hit |")
        print("|---|---|---|---|---|---|---|---|---|")
    elif args.pg:
        print("| backend, route, commits | hits/s | p50 | p99 | peak RSS | ratio to the baseline "
              "| ratio to the listmonk-shaped baseline |")
        print("|---|---|---|---|---|---|---|")
    else:
        print("| backend, route, commits | hits/s | p50 | p99 | peak RSS | ratio to the baseline |")
        print("|---|---|---|---|---|---|")
    # With both backends, the listmonk-shaped baseline runs first and every
    # row, SQLite's too, is also compared with it (the target's baseline).
    lm_runs = [pgbench_run(args.pg, args) for _ in range(args.runs)] if args.pg else None
    listmonk = median(lm_runs, "rps") if args.pg and args.sqlite else None
    backends = (["sqlite"] if args.sqlite else []) + (["pg"] if args.pg else [])
    for be in backends:
        pg = args.pg if be == "pg" else None
        base_runs = lm_runs if pg else [sqlite_raw_run(args.duration, args.sync) for _ in range(args.runs)]
        base = median(base_runs, "rps")
        base_cpu = median(base_runs, "cpu_us") if pg and cpu_cols else None
        label = "PostgreSQL" if pg else "SQLite"
        for route in ("pixel", "click"):
            group = ["--batch-window-us", str(args.window)] if args.window is not None else []
            variants = [("group commit", group)]
            if not args.group_only:
                variants.append(("one commit per hit", ["--batch-max", "1", "--batch-window-us", "0"]))
            for variant, extra in variants:
                runs = [mtrkd_run(args, pg, route, extra) for _ in range(args.runs)]
                print(row("%s, %s, %s" % (label, "open pixel" if route == "pixel" else "click redirect", variant),
                          runs, base, base_cpu, listmonk), flush=True)
        print(row("%s baseline: %s" % (label, "listmonk-shaped link_clicks insert, pgbench -c%d" % args.connections
                                       if pg else "raw INSERT + COMMIT per hit, one thread"), base_runs, base, base_cpu,
                  listmonk),
              flush=True)
    print()
    print("load average at end: %s" % open("/proc/loadavg").read().split()[:3])


if __name__ == "__main__":
    main()
