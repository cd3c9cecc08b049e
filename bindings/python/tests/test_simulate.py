"""The simulator through the binding, and listing a store's tenants."""
from __future__ import annotations

import datetime as dt
import unittest
import uuid

import mtrk

from .support import T0, TenantCase


class SimulateTest(TenantCase):
    def setUp(self) -> None:
        super().setUp()
        self.camp, self.contacts, _ = self.sending_campaign_with([f"c{i}@example.com" for i in range(200)])
        self.t.generate(self.camp)
        # A simulation starting at T0 spreads its events over 72 hours: the
        # clock stands after them, since an event more than a day after the
        # clock is refused as implausible.
        self.clock.now = T0 + dt.timedelta(days=4)

    def test_events_more_than_a_day_after_the_clock_are_refused(self) -> None:
        self.clock.now = T0
        r = self.t.simulate(self.camp, seed=7, start=T0, open_rate=0.5)
        self.assertGreater(r.refused, 0)
        self.assertEqual(r.submitted, r.recorded + r.duplicates + r.refused)

    def test_simulate_is_deterministic_and_feeds_the_metrics(self) -> None:
        r = self.t.simulate(self.camp, seed=7, start=T0, open_rate=0.5)
        self.assertEqual((r.claimed, r.marked_sent, r.messages), (200, 200, 200))
        self.assertGreater(r.delivered, 150)
        self.assertGreater(r.opens, 50)
        self.assertEqual(r.submitted, r.recorded + r.duplicates + r.refused)
        m = self.t.metrics(self.camp)
        self.assertEqual(m.sent, 200)
        self.assertEqual(m.opens_total, r.opens + r.machine_opens)
        again = self.t.simulate(self.camp, mtrk.SimOptions(seed=7, start=T0, open_rate=0.5))
        self.assertEqual(again.recorded, 0, "the same seed records only duplicates")
        self.assertEqual(self.t.metrics(self.camp), m)

    def test_bad_options(self) -> None:
        with self.assertRaises(mtrk.InvalidArgument) as cm:
            self.t.simulate(self.camp, delivery_rate=0.9, hard_bounce_rate=0.5)
        self.assertTrue(hasattr(cm.exception, "report"))
        with self.assertRaises(TypeError):
            self.t.simulate(self.camp, open_rate="high")
        with self.assertRaises(TypeError):
            self.t.simulate(self.camp, colour="red")
        with self.assertRaises(TypeError):
            self.t.simulate(self.camp, link_weights=[1.0])
        with self.assertRaises(mtrk.NotFound):
            self.t.simulate(uuid.uuid4())

    def test_link_weights(self) -> None:
        c = self.campaign(name="Weighted")
        a = self.t.add_link(c, "https://a.example/a", "a", 0)
        b = self.t.add_link(c, "https://a.example/b", "b", 1)
        aud = self.t.create_audience("w")
        self.t.add_members(aud, self.contacts)
        self.t.attach_audience(c, aud)
        self.t.set_campaign_status(c, mtrk.CampaignStatus.SCHEDULED)
        self.t.set_campaign_status(c, mtrk.CampaignStatus.SENDING)
        self.t.generate(c)
        r = self.t.simulate(c, seed=3, start=T0, click_rate=0.3, open_rate=0.6, scanner_click_share=0.0,
                            link_weights={a: 0.0, b: 1.0}, send_interval=dt.timedelta(milliseconds=10))
        self.assertGreater(r.clicks, 0)
        stats = {s.lid: s for s in self.t.link_stats(c)}
        self.assertEqual(stats[a].clicks, 0)
        self.assertGreater(stats[b].clicks, 0)

    def test_tenant_list(self) -> None:
        self.db.create_tenant("zeta", "x").close()
        self.db.create_tenant("beta", "x").close()
        self.assertEqual(self.db.tenant_list(), ["acme", "beta", "zeta"])


if __name__ == "__main__":
    unittest.main()
