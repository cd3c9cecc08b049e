#!/usr/bin/env python3
"""Writes tests/data/sqlite-schema10.mtrk, an SQLite file at user_version 10
(messages and events keyed by tenant-led 16-byte ids), and next to it
sqlite-schema10.json, the figures that library gave for it, for the test of
the migration to integer keys (tests/sqlite/migrate_intkeys.c,
docs/decisions.md "SQLite keys").

Run it once, with the Python binding on a library whose SQLite schema is
user_version 10:

    MTRK_LIBRARY=build/src/libmtrk.so PYTHONPATH=bindings/python \\
        python3 tests/data/gen_keyed_layout.py tests/data/sqlite-schema10.mtrk

The same run on a library of user_version 15 wrote sqlite-schema15.mtrk and
its JSON, for the test of the migration to the narrow event row
(tests/sqlite/migrate_narrow.c, docs/decisions.md §51), and on one of
user_version 16 sqlite-schema16.mtrk, for the same test of the migration to
events_by_campaign without the id (§56); the JSON names the file's schema
version.

Three tenants: "acme" (campaigns spring, summer, autumn), "globex" (launch,
promo) and "initech" (a campaign with messages and no events). Every
campaign has links and messages for its audience; the histories are drawn
from a seeded generator: sent, delivered, deferred, opens and clicks (human
and machine verdicts, some by the tenant's rules), soft and hard bounces,
complaints and unsubscribes, recorded one by one and in batches, with
provider event ids, some occurrence times out of order.

Campaigns "spring" and "promo" also hold histories that hit the per-link
unique-click miscount of the fold with marks (a click on a link, then an
event that writes the message's row or 16 more events, then a click on the
same link); the other campaigns' histories never click after such a
mark, and are marked "untouched" in the JSON. The library of schema 10
counts both kinds right (its messages keep the links of their summary since
migration 6): the generator checks that a rebuild of a copy leaves every
figure of every campaign unchanged.

The JSON holds, per tenant and campaign (by name): the campaign's id, its
metrics (counts), its link stats (by label) and its hourly series over the
hours of its events, as the library read them from the stored rollups.
"""
import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile

import mtrk
from mtrk import BounceKind, EventInput, EventType, UnsubScope, Verdict

T0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
HOURS = 8


def figures(t, campaigns):
    out = {}
    for name, (cid, _) in campaigns.items():
        m = t.metrics(cid)
        counts = {k: getattr(m, k) for k in mtrk._lib.METRIC_COUNTS}
        links = {s.label: {"clicks": s.clicks, "clicks_unique": s.clicks_unique,
                           "clicks_unique_human": s.clicks_unique_human} for s in t.link_stats(cid)}
        hourly = [[int(h.hour.timestamp() * 1000)] + [h.counts[ty] for ty in EventType]
                  for h in t.hourly(cid, T0, T0 + dt.timedelta(hours=HOURS + 2))]
        out[name] = {"id": str(cid), "metrics": counts, "links": links, "hourly": hourly}
    return out


def history(rng, links, defect):
    """One message's events as (type, link index or None, extra fields), in
    recording order. A defect history clicks a link, then writes the row
    (hard bounce, complaint, unsubscribe) or adds 17 opens, then clicks the
    same link again. Otherwise a marking event comes last and at most 15
    events precede it."""
    ev = [(EventType.SENT, None, {})]
    if defect:
        ev.append((EventType.CLICK, 0, {}))
        if defect == "mark":
            ev.append(rng.choice([(EventType.BOUNCE, None, {"bounce_kind": BounceKind.HARD}),
                                  (EventType.COMPLAINT, None, {}),
                                  (EventType.UNSUBSCRIBE, None, {"unsub_scope": UnsubScope.CAMPAIGN})]))
        else:
            ev += [(EventType.OPEN, None, {"verdict": Verdict.HUMAN})] * 17
        ev.append((EventType.CLICK, 0, {"verdict": Verdict.HUMAN}))
        return ev
    if rng.random() < 0.8:
        ev.append((EventType.DELIVERED, None, {}))
    elif rng.random() < 0.5:
        ev.append((EventType.DEFERRED, None, {}))
    for _ in range(rng.randrange(0, 5)):
        ev.append((EventType.OPEN, None, {"verdict": rng.choice([Verdict.HUMAN, Verdict.MACHINE, Verdict.AUTO])}))
    for _ in range(rng.randrange(0, 4)):
        ev.append((EventType.CLICK, rng.randrange(len(links)),
                   {"verdict": rng.choice([Verdict.HUMAN, Verdict.HUMAN, Verdict.MACHINE])}))
    if rng.random() < 0.15:
        ev.append((EventType.BOUNCE, None, {"bounce_kind": BounceKind.SOFT}))
    tail = rng.random()
    if tail < 0.08:
        ev.append((EventType.BOUNCE, None, {"bounce_kind": BounceKind.HARD}))
    elif tail < 0.13:
        ev.append((EventType.COMPLAINT, None, {}))
    elif tail < 0.2:
        ev.append((EventType.UNSUBSCRIBE, None, {"unsub_scope": rng.choice([UnsubScope.CAMPAIGN, UnsubScope.GLOBAL])}))
    return ev


def main(path: str) -> None:
    for p in (path, path[:-5] + ".json" if path.endswith(".mtrk") else path + ".json"):
        if os.path.exists(p):
            os.remove(p)
    json_path = path[:-5] + ".json" if path.endswith(".mtrk") else path + ".json"
    rng = random.Random(20260301)
    now = [T0 - dt.timedelta(hours=1)]

    def clock() -> dt.datetime:
        now[0] += dt.timedelta(milliseconds=1)
        return now[0]

    db = mtrk.open(path, clock=clock)
    plan = {
        "acme": [("spring", 24, 3, ["mark", "mark", "opens", "opens"]), ("summer", 30, 2, []),
                 ("autumn", 12, 1, [])],
        "globex": [("launch", 20, 2, []), ("promo", 16, 2, ["mark", "opens"])],
        "initech": [("quiet", 6, 1, None)],
    }
    expected = {}
    made_all = {}
    defect_names = set()
    seq = [0]
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
                start = T0 + dt.timedelta(minutes=rng.randrange(0, 60 * (HOURS - 2)))
                evs = history(rng, links, defect)
                for j, (ty, li, extra) in enumerate(evs):
                    seq[0] += 1
                    occurred = start + dt.timedelta(minutes=7 * j)
                    # Some human opens arrive out of order, before their delivery's time.
                    if ty == EventType.OPEN and j > 2 and rng.random() < 0.2:
                        occurred -= dt.timedelta(minutes=7 * (j - 1))
                    e = EventInput(type=ty, mid=mid, lid=links[li] if li is not None else None,
                                   occurred_at=occurred, provider="esp", provider_event_id=f"ev-{seq[0]}",
                                   user_agent="Mozilla/5.0" if ty in (EventType.OPEN, EventType.CLICK) else None,
                                   **extra)
                    if defect or k % 3 == 0:
                        o = t.record_event(e)
                        assert o.status == 0, o
                    else:
                        batch.append(e)
                if len(batch) >= 40:
                    r = t.record_events(batch)
                    assert all(o.status == 0 for o in r.outcomes), r
                    batch = []
            if batch:
                r = t.record_events(batch)
                assert all(o.status == 0 for o in r.outcomes), r
            # A repeated delivery of an event already recorded: a duplicate.
            o = t.record_event(EventInput(type=EventType.SENT, mid=msgs[0], occurred_at=T0, provider="esp",
                                          provider_event_id=f"ev-repeat-{name}"))
            o = t.record_event(EventInput(type=EventType.SENT, mid=msgs[0], occurred_at=T0, provider="esp",
                                          provider_event_id=f"ev-repeat-{name}"))
            assert o.duplicate
        made_all[tkey] = made
        t.close()
    db.close()

    db = mtrk.open(path, clock=clock)
    for tkey in plan:
        t = db.open_tenant(tkey, "gen")
        expected[tkey] = {"campaigns": made_all[tkey], "figures": figures(t, made_all[tkey])}
        t.close()
    db.close()

    # Which campaigns a rebuild leaves unchanged: checked on a copy.
    with tempfile.TemporaryDirectory() as d:
        copy = os.path.join(d, "copy.mtrk")
        shutil.copyfile(path, copy)
        cdb = mtrk.open(copy, clock=clock)
        rebuilt = {}
        for tkey in plan:
            ct = cdb.open_tenant(tkey, "gen")
            ct.rebuild_metrics()
            rebuilt[tkey] = figures(ct, expected[tkey]["campaigns"])
            ct.close()
        cdb.close()

    con = sqlite3.connect(path)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    con.close()
    out = {"fixture": os.path.basename(path), "schema_version": version, "tenants": {}}
    for tkey in plan:
        camps = {}
        for name, fig in expected[tkey]["figures"].items():
            assert fig == rebuilt[tkey][name], f"{tkey}/{name}: the stored figures differ from a rebuild"
            camps[name] = dict(fig, untouched=(tkey, name) not in defect_names)
        out["tenants"][tkey] = camps
    with open(json_path, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
