"""Handles used or closed from inside the callbacks the library runs: the
clock, the resolve classifier, html_rewrite's link callback. The library is
mid-call on the handle then; the binding refuses with InUse (closing nothing)
instead of freeing it under the running call, which crashed the interpreter.

Each scenario runs in its own interpreter, so a crash fails its test instead
of ending the suite."""
from __future__ import annotations

import textwrap
import unittest

from .test_load import run_python

PRELUDE = """
import datetime as dt, sys
import mtrk
T0 = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
seen = []
def note(exc):
    seen.append(type(exc).__name__)
"""


def scenario(body: str) -> str:
    """Runs PRELUDE + body; returns its stdout (the test's findings)."""
    code = PRELUDE + textwrap.dedent(body)
    p = run_python(code)
    if p.returncode != 0:
        raise AssertionError(f"the interpreter exited with {p.returncode}\nstdout: {p.stdout}\nstderr: {p.stderr}")
    return p.stdout


class ClockCallbackTest(unittest.TestCase):
    def test_closing_the_db_from_the_clock_raises_in_use_and_the_call_completes(self) -> None:
        out = scenario("""
            box = {}
            def clock():
                if box.get("armed"):
                    box["armed"] = False
                    try:
                        box["db"].close()
                    except mtrk.InUse as e:
                        note(e)
                        print("message:", e)
                return T0
            db = mtrk.open("memory:", clock=clock)
            box["db"] = db
            t = db.create_tenant("acme", "x")
            box["armed"] = True
            cid, created = t.add_contact("ana@example.com")
            print("created", created, "db closed", db.closed, "tenant closed", t.closed, seen)
            print("found", t.find_contact("ana@example.com").id == cid)
            db.close()
            print("after", db.closed, t.closed)
        """)
        self.assertIn("created True db closed False tenant closed False ['InUse']", out)
        self.assertIn("message: cannot close the db from a callback", out)
        self.assertIn("found True", out)
        self.assertIn("after True True", out)

    def test_closing_the_tenant_from_the_clock_raises_in_use(self) -> None:
        out = scenario("""
            box = {}
            def clock():
                if box.get("armed"):
                    box["armed"] = False
                    try:
                        box["t"].close()
                    except mtrk.InUse as e:
                        note(e)
                return T0
            db = mtrk.open("memory:", clock=clock)
            t = db.create_tenant("acme", "x")
            box["t"] = t
            box["armed"] = True
            aud = t.create_audience("list")
            print("tenant closed", t.closed, seen, isinstance(aud, object))
            t.close()
            db.close()
        """)
        self.assertIn("tenant closed False ['InUse']", out)

    def test_using_the_db_or_a_tenant_from_the_clock_raises_in_use(self) -> None:
        out = scenario("""
            box = {}
            def clock():
                if box.get("armed"):
                    box["armed"] = False
                    for call in (lambda: box["t"].add_contact("bo@example.com"), lambda: box["db"].now(),
                                 lambda: box["t2"].settings()):
                        try:
                            call()
                        except mtrk.InUse as e:
                            note(e)
                return T0
            db = mtrk.open("memory:", clock=clock)
            t = db.create_tenant("acme", "x")
            box.update(db=db, t=t, t2=db.create_tenant("other", "x"))
            box["armed"] = True
            t.add_contact("ana@example.com")
            print(seen, [c.address for c in t.contacts()])
            db.close()
        """)
        self.assertIn("['InUse', 'InUse', 'InUse'] ['ana@example.com']", out)

    def test_closing_a_shared_store_from_the_clock_closes_nothing(self) -> None:
        out = scenario("""
            box = {}
            def clock():
                if box.get("armed"):
                    box["armed"] = False
                    try:
                        box["store"].close()
                    except mtrk.InUse as e:
                        note(e)
                return T0
            store = mtrk.MemoryStore()
            box["store"] = store
            db = store.open(clock=clock)
            other = store.open()
            t = db.create_tenant("acme", "x")
            box["armed"] = True
            t.add_contact("ana@example.com")
            print(seen, db.closed, other.closed, store.closed)
            print(other.open_tenant("acme", "y").find_contact("ana@example.com").address)
            store.close()
            print(db.closed, other.closed)
        """)
        self.assertIn("['InUse'] False False False", out)
        self.assertIn("ana@example.com", out)
        self.assertIn("True True", out)

    def test_another_db_may_be_used_and_closed_from_the_clock(self) -> None:
        out = scenario("""
            box = {}
            other = mtrk.open("memory:")
            ot = other.create_tenant("o", "x")
            def clock():
                if box.get("armed"):
                    box["armed"] = False
                    ot.add_contact("from-clock@example.com")
                    print("other has", [c.address for c in ot.contacts()])
                    other.close()
                return T0
            db = mtrk.open("memory:", clock=clock)
            t = db.create_tenant("acme", "x")
            box["armed"] = True
            t.add_contact("ana@example.com")
            print("other closed", other.closed, seen)
            db.close()
        """)
        self.assertIn("other has ['from-clock@example.com']", out)
        self.assertIn("other closed True []", out)


class ResolveClassifierTest(unittest.TestCase):
    SETUP = """
        db = mtrk.open("memory:", clock=lambda: T0)
        t = db.create_tenant("acme", "x")
        t.set_settings(tracking_base_url="https://trk.example.com/t")
        cid, _ = t.add_contact("ana@example.com")
        aud = t.create_audience("all")
        t.add_member(aud, cid)
        camp = t.create_campaign(name="C", subject="S", from_address="news@acme.example",
                                 html='<a href="https://shop.example.com/buy">Buy</a>')
        t.attach_audience(camp, aud)
        t.set_campaign_status(camp, mtrk.CampaignStatus.SCHEDULED)
        t.set_campaign_status(camp, mtrk.CampaignStatus.SENDING)
        t.generate(camp)
        mid = t.claim(camp, 1, 60000).mids[0]
        t.mark_sent(mid, T0)
        path = t.track_url(mtrk.UrlKind.OPEN, mid)[len("https://trk.example.com"):]
        later = T0 + dt.timedelta(hours=1)
    """

    def test_closing_the_tenant_or_db_from_the_classifier_raises_in_use(self) -> None:
        out = scenario(textwrap.dedent(self.SETUP) + textwrap.dedent("""
            def classifier(inp):
                for h in (t, db):
                    try:
                        h.close()
                    except mtrk.InUse as e:
                        note(e)
                try:
                    t.metrics(camp)
                except mtrk.InUse as e:
                    note(e)
                return mtrk.MachineClass.PRIVACY_PROXY
            res = t.resolve("GET", path, user_agent="Mozilla/5.0", at=later, classifier=classifier)
            print(seen, res.machine_class.name, t.closed, db.closed)
            print("opens", t.metrics(camp).opens_total)
            db.close()
            print("closed", t.closed, db.closed)
        """))
        self.assertIn("['InUse', 'InUse', 'InUse'] PRIVACY_PROXY False False", out)
        self.assertIn("opens 1", out)
        self.assertIn("closed True True", out)


class HtmlRewriteCallbackTest(unittest.TestCase):
    def test_html_rewrite_runs_on_no_handle_so_a_db_may_be_closed_from_it(self) -> None:
        out = scenario("""
            db = mtrk.open("memory:")
            t = db.create_tenant("acme", "x")
            def replace(link):
                t.add_contact("from-rewrite@example.com")
                db.close()
                return None
            r = mtrk.html_rewrite('<a href="https://a.example/x">x</a>', replace)
            print(len(r.links), db.closed, t.closed)
        """)
        self.assertIn("1 True True", out)


if __name__ == "__main__":
    unittest.main()
