"""Shared helpers of the binding's tests: backends, a controllable clock."""
from __future__ import annotations

import datetime as dt
import os
import tempfile
import unittest
from typing import Callable, List, Tuple

import mtrk

UTC = dt.timezone.utc
T0 = dt.datetime(2026, 1, 1, tzinfo=UTC)


class Clock:
    """A clock the test moves; mtrk asks it for "now"."""

    def __init__(self, now: dt.datetime = T0) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def sqlite_available() -> bool:
    """True if the loaded library opens files (the SQLite backend)."""
    d = tempfile.mkdtemp(prefix="mtrk-py-")
    try:
        db = mtrk.open(os.path.join(d, "probe.db"))
    except mtrk.Error:
        return False
    else:
        db.close()
        return True
    finally:
        for f in os.listdir(d):
            os.unlink(os.path.join(d, f))
        os.rmdir(d)


def backends() -> List[Tuple[str, Callable[[unittest.TestCase], str]]]:
    """(name, make target) for every backend the library has."""
    out: List[Tuple[str, Callable[[unittest.TestCase], str]]] = [("memory", lambda tc: "memory:")]
    if sqlite_available():
        def sqlite_target(tc: unittest.TestCase) -> str:
            d = tempfile.TemporaryDirectory(prefix="mtrk-py-")
            tc.addCleanup(d.cleanup)
            return os.path.join(d.name, "mtrk.db")
        out.append(("sqlite", sqlite_target))
    return out


class TenantCase(unittest.TestCase):
    """A fresh in-memory db and tenant "acme" per test, with a clock at T0."""

    def setUp(self) -> None:
        self.clock = Clock()
        self.db = mtrk.open("memory:", clock=self.clock)
        self.addCleanup(self.db.close)
        self.t = self.db.create_tenant("acme", "test:setup")

    def campaign(self, t: "mtrk.Tenant | None" = None, **kw: object):
        t = t or self.t
        fields = dict(name="Spring", subject="Spring is here", from_address="news@acme.example", text="hi")
        fields.update(kw)
        return t.create_campaign(**fields)

    def sending_campaign_with(self, addresses: List[str]):
        """A sending campaign whose audience holds `addresses`; returns (campaign, contacts, audience)."""
        ids = [self.t.add_contact(a)[0] for a in addresses]
        aud = self.t.create_audience("all")
        self.t.add_members(aud, ids)
        c = self.campaign()
        self.t.attach_audience(c, aud)
        self.t.set_campaign_status(c, mtrk.CampaignStatus.SCHEDULED)
        self.t.set_campaign_status(c, mtrk.CampaignStatus.SENDING)
        return c, ids, aud
