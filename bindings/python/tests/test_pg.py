"""The PostgreSQL backend through the binding: a PgStore on the private server
that scripts/test starts (MTRK_TEST_PG holds its conninfo). Without that
variable — a run outside scripts/test, or a library built without libpq —
the test is skipped, saying why."""
from __future__ import annotations

import os
import unittest
import uuid

import mtrk

CONNINFO = os.environ.get("MTRK_TEST_PG")


@unittest.skipUnless(CONNINFO, "MTRK_TEST_PG is not set (scripts/test sets it when the pg backend is built)")
class PgStoreTest(unittest.TestCase):
    def test_tenant_contact_roundtrip_on_postgresql(self) -> None:
        key = "py-" + uuid.uuid4().hex[:12]
        with mtrk.PgStore(CONNINFO) as store, store.open() as db:
            with db.create_tenant(key, "test:python") as t:
                cid, created = t.add_contact("Ana@Example.COM")
                self.assertTrue(created)
                self.assertEqual(t.get_contact(cid).address, "Ana@example.com")
            with self.assertRaises(mtrk.AlreadyExists):
                db.create_tenant(key, "test:python")

    def test_bad_conninfo_is_a_storage_error(self) -> None:
        with self.assertRaises(mtrk.StorageError):
            mtrk.PgStore("host=/nonexistent/socket/dir dbname=nothing connect_timeout=2")


if __name__ == "__main__":
    unittest.main()
