"""Iterating 100,000 messages pages through the library one message at a time:
the Python memory peak stays far below what holding them would take."""
from __future__ import annotations

import tracemalloc
import unittest

import mtrk

N = 100_000


class LargeListingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.db = mtrk.open("memory:")
        cls.t = cls.db.create_tenant("acme", "test:large")
        ids = [cls.t.add_contact(f"c{i}@example.com")[0] for i in range(N)]
        aud = cls.t.create_audience("all")
        cls.t.add_members(aud, ids)
        del ids
        cls.camp = cls.t.create_campaign(name="Big", subject="s", from_address="n@acme.example", text="hi")
        cls.t.attach_audience(cls.camp, aud)
        assert cls.t.generate(cls.camp).created == N

    @classmethod
    def tearDownClass(cls) -> None:
        cls.db.close()

    def test_iterate_100000_messages_with_bounded_memory(self) -> None:
        # What holding messages costs: 1,000 of them, kept.
        tracemalloc.start()
        try:
            it = self.t.messages(self.camp)
            kept = [next(it) for _ in range(1000)]
            it.close()
            per_1000, _ = tracemalloc.get_traced_memory()
            del kept
            tracemalloc.reset_peak()
            base, _ = tracemalloc.get_traced_memory()
            n = 0
            last = None
            for m in self.t.messages(self.camp):
                n += 1
                last = m.mid
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        self.assertEqual(n, N)
        self.assertIsNotNone(last)
        holding_all = per_1000 * (N // 1000)
        used = peak - base
        # Holding all would take ~100x what 1,000 take; streaming stays near
        # one message's worth (plus the generator's frame).
        self.assertLess(used, per_1000, f"peak {used} B while 1,000 messages take {per_1000} B")
        self.assertLess(used * 100, holding_all)

    def test_break_early_frees_the_iterator(self) -> None:
        for i, _ in enumerate(self.t.messages(self.camp)):
            if i == 10:
                break
        import gc
        gc.collect()
        self.assertEqual([c for c in self.t._h._children if not c.closed], [])


if __name__ == "__main__":
    unittest.main()
