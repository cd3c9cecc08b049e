"""Deterministic release, parent/child lifetime, and use after close."""
from __future__ import annotations

import gc
import unittest
import uuid
import weakref

import mtrk

from .support import TenantCase


class CloseTest(TenantCase):
    def test_tenant_use_after_close(self) -> None:
        self.t.close()
        self.assertTrue(self.t.closed)
        for call in (lambda: self.t.add_contact("a@example.com"), lambda: self.t.key,
                     lambda: self.t.metrics(uuid.uuid4()), lambda: list(self.t.contacts()),
                     lambda: self.t.settings()):
            with self.subTest(call=call), self.assertRaises(mtrk.ClosedError) as cm:
                call()
            self.assertIn("tenant is closed", str(cm.exception))
        self.t.close()  # idempotent
        self.assertEqual(repr(self.t), "<mtrk.Tenant closed>")

    def test_db_close_closes_tenants_first(self) -> None:
        t2 = self.db.create_tenant("other", "x")
        self.db.close()
        self.assertTrue(self.t.closed and t2.closed)
        with self.assertRaises(mtrk.ClosedError):
            self.t.add_contact("a@example.com")
        with self.assertRaises(mtrk.ClosedError) as cm:
            self.db.create_tenant("third", "x")
        self.assertIn("db is closed", str(cm.exception))
        with self.assertRaises(mtrk.ClosedError):
            self.db.now()
        self.t.close()
        self.db.close()

    def test_context_managers(self) -> None:
        with mtrk.open() as db:
            with db.create_tenant("acme", "x") as t:
                t.add_contact("a@example.com")
            self.assertTrue(t.closed)
            self.assertFalse(db.closed)
        self.assertTrue(db.closed)

    def test_exception_inside_with_still_closes(self) -> None:
        with self.assertRaises(mtrk.NotFound):
            with mtrk.open() as db, db.create_tenant("acme", "x") as t:
                t.get_contact(uuid.uuid4())
        self.assertTrue(t.closed and db.closed)

    def test_tenant_keeps_db_alive(self) -> None:
        db = mtrk.open()
        t = db.create_tenant("acme", "x")
        ref = weakref.ref(db)
        del db
        gc.collect()
        self.assertIsNotNone(ref())
        t.add_contact("a@example.com")  # the db is still there
        t.close()
        ref().close()

    def test_collected_handles_are_freed(self) -> None:
        db = mtrk.open()
        t = db.create_tenant("acme", "x")
        h = t._h
        del t
        gc.collect()
        self.assertTrue(h.closed, "the tenant was freed when collected")
        db.close()

    def test_iterator_closed_with_its_tenant(self) -> None:
        for i in range(5):
            self.t.add_contact(f"c{i}@example.com")
        it = self.t.contacts()
        next(it)
        self.t.close()
        with self.assertRaises(mtrk.ClosedError):
            next(it)

    def test_iterator_freed_on_break_and_collection(self) -> None:
        for i in range(3):
            self.t.add_contact(f"c{i}@example.com")
        it = self.t.contacts()
        next(it)
        children = list(self.t._h._children)
        self.assertEqual(len(children), 1)
        it.close()  # what `break` + collection does
        self.assertTrue(children[0].closed)
        for _ in self.t.contacts():
            break
        gc.collect()
        self.assertEqual([c for c in self.t._h._children if not c.closed], [])

    def test_store_close_closes_its_dbs(self) -> None:
        store = mtrk.MemoryStore()
        db = store.open()
        t = db.create_tenant("acme", "x")
        store.close()
        self.assertTrue(db.closed and t.closed and store.closed)
        with self.assertRaises(mtrk.ClosedError):
            store.open()


if __name__ == "__main__":
    unittest.main()
