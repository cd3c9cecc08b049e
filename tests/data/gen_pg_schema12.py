#!/usr/bin/env python3
"""Writes tests/data/pg-schema12.sql, a PostgreSQL schema at mtrk schema
version 12 (events partitioned by month, their unique keys kept by side
tables and a trigger), as pg_dump prints it with INSERT statements, and
next to it pg-schema12.json, the figures that library gave for it, for the
test of the migration to one plain events table (tests/pg/migrate_test.c,
docs/decisions.md §43).

Run it once, with the Python binding on a library whose PostgreSQL schema
is version 12, against a server (scripts/pg-server start):

    MTRK_LIBRARY=build/src/libmtrk.so PYTHONPATH=bindings/python \\
        python3 tests/data/gen_pg_schema12.py "$MTRK_TEST_PG" tests/data/pg-schema12.sql

The data are those of gen_keyed_layout.py (the SQLite fixture of the
same migration): three tenants, six campaigns, seeded histories of every
kind, recorded one by one and in batches, in the schema "fixture" of the
database. The generator checks that a rebuild leaves every figure of
every campaign unchanged (after the dump), and marks the campaigns whose
histories never hit the fold-mark miscount "untouched".
"""
import datetime as dt
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_keyed_layout as g  # noqa: E402
import mtrk  # noqa: E402
from mtrk import EventInput, EventType  # noqa: E402


def main(conninfo: str, out: str) -> None:
    json_path = out[:-4] + ".json"
    subprocess.run(["psql", conninfo, "-q", "-c", "DROP SCHEMA IF EXISTS fixture CASCADE; CREATE SCHEMA fixture"],
                   check=True)
    target = f"pg:{conninfo} options='-csearch_path=fixture'"
    rng = random.Random(20260301)
    now = [g.T0 - dt.timedelta(hours=1)]

    def clock() -> dt.datetime:
        now[0] += dt.timedelta(milliseconds=1)
        return now[0]

    plan = {
        "acme": [("spring", 24, 3, ["mark", "mark", "opens", "opens"]), ("summer", 30, 2, []),
                 ("autumn", 12, 1, [])],
        "globex": [("launch", 20, 2, []), ("promo", 16, 2, ["mark", "opens"])],
        "initech": [("quiet", 6, 1, None)],
    }
    db = mtrk.open(target, clock=clock)
    made_all, defect_names, seq = {}, set(), [0]
    for tkey, campaigns in plan.items():
        t = db.create_tenant(tkey, "gen")
        ncontacts = max(n for _, n, _, _ in campaigns)
        aud = t.create_audience("everyone")
        contacts = []
        for i in range(ncontacts):
            cid, _ = t.add_contact(f"user{i}@{tkey}.example", name=f"User {i}")
            t.add_member(aud, cid)
            contacts.append(cid)
        made = {}
        for name, nmsg, nlinks, defects in campaigns:
            c = t.create_campaign(name=name, subject=f"{name}!", from_address=f"news@{tkey}.example", text="hi")
            links = [t.add_link(c, f"https://{tkey}.example/{name}/{k}", f"{name}-{k}", k) for k in range(nlinks)]
            sub = t.create_audience(f"aud-{name}")
            for cid in contacts[:nmsg]:
                t.add_member(sub, cid)
            t.attach_audience(c, sub)
            t.generate(c)
            made[name] = (c, links)
            if defects is None:
                continue
            if defects:
                defect_names.add((tkey, name))
            msgs = [m.mid for m in t.messages(c)]
            batch = []
            for k, mid in enumerate(msgs):
                defect = defects[k] if k < len(defects) else None
                start = g.T0 + dt.timedelta(minutes=rng.randrange(0, 60 * (g.HOURS - 2)))
                for j, (ty, li, extra) in enumerate(g.history(rng, links, defect)):
                    seq[0] += 1
                    occurred = start + dt.timedelta(minutes=7 * j)
                    if ty == EventType.OPEN and j > 2 and rng.random() < 0.2:
                        occurred -= dt.timedelta(minutes=7 * (j - 1))
                    e = EventInput(type=ty, mid=mid, lid=links[li] if li is not None else None,
                                   occurred_at=occurred, provider="esp", provider_event_id=f"ev-{seq[0]}",
                                   user_agent="Mozilla/5.0" if ty in (EventType.OPEN, EventType.CLICK) else None,
                                   **extra)
                    if defect or k % 3 == 0:
                        assert t.record_event(e).status == 0
                    else:
                        batch.append(e)
                if len(batch) >= 40:
                    r = t.record_events(batch)
                    assert all(o.status == 0 for o in r.outcomes), r
                    batch = []
            if batch:
                r = t.record_events(batch)
                assert all(o.status == 0 for o in r.outcomes), r
        made_all[tkey] = made
        t.close()
    db.close()

    db = mtrk.open(target, clock=clock)
    expected = {}
    for tkey in plan:
        t = db.open_tenant(tkey, "gen")
        expected[tkey] = g.figures(t, made_all[tkey])
        t.close()
    db.close()
    dump = subprocess.run(["pg_dump", "--inserts", "--no-owner", "--no-privileges", "--schema=fixture", conninfo],
                          stdout=subprocess.PIPE, text=True, check=True).stdout
    with open(out, "w") as f:
        # psql's meta-commands (\\restrict) are not SQL: the test sends the dump as SQL.
        f.write("".join(line for line in dump.splitlines(True) if not line.startswith("\\")))
    db = mtrk.open(target, clock=clock)
    result = {"fixture": os.path.basename(out), "schema_version": 12, "tenants": {}}
    for tkey in plan:
        t = db.open_tenant(tkey, "gen")
        t.rebuild_metrics()
        rebuilt = g.figures(t, made_all[tkey])
        t.close()
        camps = {}
        for name, fig in expected[tkey].items():
            untouched = (tkey, name) not in defect_names
            if untouched:
                assert fig == rebuilt[name], f"{tkey}/{name}: the stored figures differ from a rebuild"
            camps[name] = dict(fig, untouched=untouched)
        result["tenants"][tkey] = camps
    db.close()
    subprocess.run(["psql", conninfo, "-q", "-c", "DROP SCHEMA fixture CASCADE"], check=True)
    with open(json_path, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
