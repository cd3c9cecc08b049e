#!/usr/bin/env python3
"""Writes tests/data/sqlite-legacy-keys.mtrk: an SQLite file at user_version 6
whose contacts carry the uniqueness keys of the address rule before IDNA2008
(the whole address lower-cased in ASCII only), for the merge migration test
(tests/sqlite/migrate_keys.c, docs/decisions.md "Addresses").

Run it once, with the Python binding on a library whose SQLite schema is
user_version 6 (before the migration that adds tenants.address_rule):

    MTRK_LIBRARY=build/src/libmtrk.so PYTHONPATH=bindings/python \\
        python3 tests/data/gen_legacy_keys.py tests/data/sqlite-legacy-keys.mtrk

The library writes everything through its API with ASCII stand-in addresses;
then the contacts' address and key, and the suppressions, are rewritten with
sqlite3 as the older rule stored them. Tenant "acme":

  contact  spelling (as typed)        stored address / key (older rule)
  c1       ana@BÜCHER.de              ana@bÜcher.de        (oldest)
  c2       ana@bücher.de              ana@bücher.de
  c3       ana@xn--bcher-kva.de       ana@xn--bcher-kva.de
  c4       ana@bu\u0308cher.de (NFD)  ana@bu\u0308cher.de
  c5       ana@ｂüｃｈｅｒ.de (full-width)  ana@ｂüｃｈｅｒ.de
  bob      bob@example.com            (untouched)

Audiences: "all" (every contact), "a1".."a5" (one each), "pair" (c1, c2).
Campaigns "k1".."k5" target "aK"; "shared" targets "pair" (c1 and c2 each
have a message of it). Each message of kK: sent, delivered, open, and an
unsubscribe event scoped to its campaign; c3 has a hard bounce on k3
(status bounced, address suppressed), c4 a complaint on k4 (status
complained, global unsubscribe, address suppressed); c2 is unsubscribed
globally by hand. Custom field "city": c1 Rio, c2 SP; "team" on c5 only. A
domain suppression of the domain as the older rule stored it (bÜcher.de).
bob is only in "all", with no message.
"""
import datetime as dt
import os
import sqlite3
import sys

import mtrk
from mtrk import EventInput, EventType, UnsubScope, SuppressionKind, BounceKind

SPELLINGS = [
    ("ana@BÜCHER.de", "ana@bÜcher.de"),
    ("ana@bücher.de", "ana@bücher.de"),
    ("ana@xn--bcher-kva.de", "ana@xn--bcher-kva.de"),
    ("ana@bu\u0308cher.de", "ana@bu\u0308cher.de"),
    ("ana@\uff42\u00fc\uff43\uff48\uff45\uff52.de", "ana@\uff42\u00fc\uff43\uff48\uff45\uff52.de"),
]


def main(path: str) -> None:
    if os.path.exists(path):
        os.remove(path)
    t0 = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
    now = [t0]

    def clock() -> dt.datetime:
        now[0] += dt.timedelta(seconds=1)
        return now[0]

    db = mtrk.open(path, clock=clock)
    t = db.create_tenant("acme", "gen")
    stand_in = []
    everyone = t.create_audience("all")
    pair = t.create_audience("pair")
    for i in range(5):
        cid, _ = t.add_contact(f"ana{i + 1}@example.com", name=f"Ana {i + 1}")
        stand_in.append(cid)
        t.add_member(everyone, cid)
        t.add_member(t.create_audience(f"a{i + 1}"), cid)
    bob, _ = t.add_contact("bob@example.com", name="Bob")
    t.add_member(everyone, bob)
    t.add_member(pair, stand_in[0])
    t.add_member(pair, stand_in[1])
    t.set_contact_field(stand_in[0], "city", "Rio")
    t.set_contact_field(stand_in[1], "city", "SP")
    t.set_contact_field(stand_in[4], "team", "blue")

    def campaign(name: str, audience) -> "uuid.UUID":
        c = t.create_campaign(name=name, subject=f"Hello {name}", from_address="news@shop.example",
                              text="Hello")
        t.attach_audience(c, audience)
        t.generate(c)
        return c

    aud = {a.name: a.id for a in t.audiences()}
    for i in range(5):
        c = campaign(f"k{i + 1}", aud[f"a{i + 1}"])
        (m,) = list(t.messages(c))
        at = now[0]
        for k, ty in enumerate((EventType.SENT, EventType.DELIVERED, EventType.OPEN)):
            t.record_event(type=ty, mid=m.mid, occurred_at=at + dt.timedelta(minutes=k))
        if i == 2:
            t.record_event(type=EventType.BOUNCE, mid=m.mid, bounce_kind=BounceKind.HARD,
                           occurred_at=at + dt.timedelta(minutes=5))
        if i == 3:
            t.record_event(type=EventType.COMPLAINT, mid=m.mid, occurred_at=at + dt.timedelta(minutes=5))
        t.record_event(type=EventType.UNSUBSCRIBE, mid=m.mid, unsub_scope=UnsubScope.CAMPAIGN,
                       occurred_at=at + dt.timedelta(minutes=6))
    shared = campaign("shared", aud["pair"])
    for m in t.messages(shared):
        t.record_event(type=EventType.SENT, mid=m.mid, occurred_at=now[0])
        t.record_event(type=EventType.OPEN, mid=m.mid, occurred_at=now[0])
    t.unsubscribe(stand_in[1], UnsubScope.GLOBAL)
    t.suppress(SuppressionKind.DOMAIN, "example.org", "manual")
    t.close()
    db.close()

    con = sqlite3.connect(path)
    with con:
        for cid, (_, legacy) in zip(stand_in, SPELLINGS):
            old = con.execute("SELECT address_key FROM contacts WHERE id = ?", (cid.bytes,)).fetchone()[0]
            con.execute("UPDATE contacts SET address = ?, address_key = ? WHERE id = ?",
                        (legacy, legacy, cid.bytes))
            con.execute("UPDATE suppressions SET value = ? WHERE kind = 1 AND value = ?", (legacy, old))
        # The older rule's domain entry: the domain lower-cased in ASCII only.
        con.execute("UPDATE suppressions SET value = 'bÜcher.de' WHERE kind = 2 AND value = 'example.org'")
    con.execute("VACUUM")
    con.close()


if __name__ == "__main__":
    main(sys.argv[1])
