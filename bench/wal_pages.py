#!/usr/bin/env python3
"""The pages one event batch writes to an SQLite file, by table or index.

    MTRK_LIBRARY=build-bench/libmtrk.so python3 bench/wal_pages.py mtrk BASE.db [WARM] [CALLS] [BATCH]
    python3 bench/wal_pages.py floor MESSAGES [WARM] [CALLS] [BATCH]

`mtrk`: copies a starting database that bench-ingest kept (MTRK_BENCH_BASE;
tenant "bench"), records WARM calls of BATCH events (bench-ingest's mix of
types, random messages, event times over three days) through the Python
binding, then CALLS more, each after the WAL was emptied by a checkpoint;
the WAL's frames after each call are the pages it wrote, mapped to their
b-trees through SQLite's dbstat table. `floor`: the same for bench-floor's
read+fold+campaign design (its schema and statements replayed with
Python's sqlite3, MESSAGES messages). Prints the mean pages per call by
b-tree. Defaults: WARM 100, CALLS 5, BATCH 1000.
"""
import datetime as dt
import os
import random
import shutil
import sqlite3
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = "/tmp/mtrk-wal-pages.db"


def fresh(path):
    for f in (path, path + "-wal", path + "-shm"):
        if os.path.exists(f):
            os.remove(f)


def wal_pages(path):
    """Page numbers of the frames in path's WAL."""
    data = open(path + "-wal", "rb").read()
    if len(data) < 32:
        return set()
    psize = struct.unpack(">I", data[8:12])[0]
    pages, off = set(), 32
    while off + 24 + psize <= len(data):
        pages.add(struct.unpack(">I", data[off:off + 4])[0])
        off += 24 + psize
    return pages


def tally(side, path, totals):
    names = dict(side.execute("SELECT pageno, name FROM dbstat").fetchall())
    for p in wal_pages(path):
        k = names.get(p, "(free or new)")
        totals[k] = totals.get(k, 0) + 1


def report(totals, calls, batch):
    for k, v in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"{v / calls:8.1f}  {k}")
    print(f"{sum(totals.values()) / calls:8.1f}  pages per call of {batch} events")


def run_mtrk(base, warm, calls, batch):
    sys.path.insert(0, os.path.join(HERE, "..", "bindings", "python"))
    import mtrk
    import uuid
    fresh(PATH)
    shutil.copy(base, PATH)
    c = sqlite3.connect(PATH)
    mids = [uuid.UUID(bytes=r[0]) for r in c.execute("SELECT id FROM messages")]
    lids = [uuid.UUID(bytes=r[0]) for r in c.execute("SELECT id FROM links")]
    c.close()
    rnd = random.Random(7)
    t0 = dt.datetime(2026, 1, 2, tzinfo=dt.timezone.utc)

    def event():
        p = rnd.randrange(100)
        E = mtrk.EventType
        ty = E.SENT if p < 35 else E.DELIVERED if p < 67 else E.OPEN if p < 87 else E.CLICK if p < 97 else E.BOUNCE
        kw = dict(type=ty, mid=rnd.choice(mids), occurred_at=t0 + dt.timedelta(milliseconds=rnd.randrange(3 * 86400000)))
        if ty == E.CLICK:
            kw["lid"] = rnd.choice(lids)
        if ty == E.BOUNCE:
            kw["bounce_kind"] = mtrk.BounceKind.SOFT
        return mtrk.EventInput(**kw)

    db = mtrk.open(PATH)
    t = db.open_tenant("bench", "wal_pages")
    for _ in range(warm):
        t.record_events([event() for _ in range(batch)])
    side = sqlite3.connect(PATH)
    totals = {}
    for _ in range(calls):
        side.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        t.record_events([event() for _ in range(batch)])
        tally(side, PATH, totals)
    report(totals, calls, batch)


FLOOR_SQL = """
CREATE TABLE messages (tenant BLOB NOT NULL, id BLOB NOT NULL, campaign BLOB NOT NULL, contact BLOB NOT NULL,
 state INTEGER NOT NULL, cancel_reason INTEGER NOT NULL, created_at INTEGER NOT NULL, lease_until INTEGER NOT NULL,
 sent_at INTEGER NOT NULL, delivered_at INTEGER NOT NULL, bounced_at INTEGER NOT NULL, first_open_at INTEGER NOT NULL,
 first_click_at INTEGER NOT NULL, first_complaint_at INTEGER NOT NULL, first_unsub_at INTEGER NOT NULL,
 opens INTEGER NOT NULL, clicks INTEGER NOT NULL, soft_bounces INTEGER NOT NULL, flags INTEGER NOT NULL,
 provider_message_id TEXT, queue_state INTEGER, folded_occurred_at INTEGER, folded_arrived_at INTEGER,
 folded_event BLOB, seq INTEGER NOT NULL, PRIMARY KEY (tenant, id)) STRICT, WITHOUT ROWID;
CREATE INDEX messages_by_contact ON messages (tenant, contact);
CREATE TABLE events(id INTEGER PRIMARY KEY, message BLOB NOT NULL, type INTEGER NOT NULL,
 occurred_at INTEGER NOT NULL, link INTEGER, hour INTEGER NOT NULL) STRICT;
CREATE INDEX events_by_hour ON events(hour);
CREATE INDEX events_by_message ON events(message);
"""


def run_floor(n, warm, calls, batch):
    fresh(PATH)
    c = sqlite3.connect(PATH, isolation_level=None)
    c.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
                    " PRAGMA wal_autocheckpoint=0;" + FLOOR_SQL)
    t0 = 1767225600000
    mask = (1 << 64) - 1

    def ident(hi, v):
        return (hi & mask).to_bytes(8, "big") + (v & mask).to_bytes(8, "big")

    tenant, campaign = b"\x01" * 16, b"\x02" * 16

    def mid(m):
        return ident(t0 << 16, m * 2654435761)

    c.execute("BEGIN")
    c.executemany("INSERT INTO messages VALUES (?,?,?,?,2,0,1,0,1,0,0,0,0,0,0,0,0,0,0,NULL,NULL,NULL,NULL,NULL,?)",
                  ((tenant, mid(m), campaign, ident((t0 - 1) << 16, m), m + 1) for m in range(n)))
    c.execute("COMMIT")
    rnd = random.Random(3)
    totals = {}
    for b in range(warm + calls):
        spec = []
        for _ in range(batch):
            m = rnd.randrange(n)
            spec.append((mid(m), rnd.randrange(5), t0 + 86400000 + rnd.randrange(3 * 86400000)))
        spec.sort()
        if b >= warm:
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        c.execute("BEGIN IMMEDIATE")
        for md, ty, at in spec:
            c.execute("SELECT * FROM messages WHERE tenant = ? AND id = ?", (tenant, md)).fetchall()
            c.execute("SELECT * FROM events WHERE message = ?", (md,)).fetchall()
            c.execute("INSERT INTO events(message, type, occurred_at, link, hour) VALUES (?,?,?,?,?)",
                      (md, ty, at, None, at // 3600000))
        c.execute("COMMIT")
        if b >= warm:
            tally(c, PATH, totals)
        elif b % 50 == 49:
            c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    report(totals, calls, batch)


def main(argv):
    if len(argv) < 3 or argv[1] not in ("mtrk", "floor"):
        sys.exit(__doc__)
    warm, calls, batch = (int(a) for a in (argv[3:] + ["100", "5", "1000"][len(argv) - 3:])[:3])
    if argv[1] == "mtrk":
        run_mtrk(argv[2], warm, calls, batch)
    else:
        run_floor(int(argv[2]), warm, calls, batch)


if __name__ == "__main__":
    main(sys.argv)
