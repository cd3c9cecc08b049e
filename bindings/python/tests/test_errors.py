"""Every exception type, raised from a real error of the library, carrying
the library's message."""
from __future__ import annotations

import ctypes
import os
import sqlite3
import tempfile
import unittest
import uuid

import mtrk
from mtrk import _convert as cv
from mtrk import _lib, errors

from .support import TenantCase, sqlite_available


class ErrorsTest(TenantCase):
    def assertRaisesCode(self, cls, code, fn, *args, **kw):
        with self.assertRaises(cls) as cm:
            fn(*args, **kw)
        self.assertIs(type(cm.exception), cls)
        self.assertEqual(cm.exception.code, code)
        self.assertTrue(cm.exception.message, "the library's message is carried")
        self.assertTrue(cm.exception.message.startswith(mtrk.strerror(code)), cm.exception.message)
        return cm.exception

    def test_invalid_argument(self) -> None:
        e = self.assertRaisesCode(mtrk.InvalidArgument, errors.EINVAL, self.db.create_tenant, "bad key!", "x")
        self.assertIn("key", e.message)

    def test_not_found(self) -> None:
        e = self.assertRaisesCode(mtrk.NotFound, errors.ENOTFOUND, self.db.open_tenant, "nobody", "x")
        self.assertIn("nobody", e.message)
        self.assertRaisesCode(mtrk.NotFound, errors.ENOTFOUND, self.t.get_contact, uuid.uuid4())

    def test_already_exists(self) -> None:
        self.assertRaisesCode(mtrk.AlreadyExists, errors.EEXISTS, self.db.create_tenant, "acme", "x")

    def test_invalid_state(self) -> None:
        c = self.campaign()
        e = self.assertRaisesCode(mtrk.InvalidState, errors.ESTATE, self.t.set_campaign_status, c,
                                  mtrk.CampaignStatus.SENT)
        self.assertIn("draft", e.message)

    def test_too_long(self) -> None:
        self.assertRaisesCode(mtrk.TooLong, errors.ETOOLONG, self.db.create_tenant, "k" * 65, "x")

    def test_encoding_from_the_library(self) -> None:
        # bytes pass unchanged: the library itself judges the UTF-8.
        self.assertRaisesCode(mtrk.EncodingError, errors.EENCODING, self.t.create_audience, b"caf\xe9")

    def test_encoding_lone_surrogate_refused_before_c(self) -> None:
        with self.assertRaises(mtrk.EncodingError) as cm:
            self.t.create_audience("bad \udc80")
        self.assertEqual(cm.exception.code, errors.EENCODING)
        self.assertEqual(list(self.t.audiences()), [])

    def test_invalid_address(self) -> None:
        e = self.assertRaisesCode(mtrk.InvalidAddress, errors.EADDRESS, self.t.add_contact, "ana at example.com")
        self.assertIn("space", e.message)
        self.assertRaisesCode(mtrk.InvalidAddress, errors.EADDRESS, mtrk.normalize_address, "no-at-sign")

    def test_version_error(self) -> None:
        # The binding always sets versions; an unknown one asked of the library directly:
        L = _lib.lib()
        opts = _lib.mtrk_open_options()
        rc = L.mtrk_open_options_init(ctypes.byref(opts), 999)
        self.assertRaisesCode(mtrk.VersionError, errors.EVERSION, cv.raise_for, rc)

    def test_incomplete_store(self) -> None:
        L = _lib.lib()
        store = _lib.mtrk_store()
        self.assertEqual(L.mtrk_store_init(ctypes.byref(store), _lib.mtrk_store.VERSION), 0)
        out = ctypes.c_void_p()
        rc = L.mtrk_db_open_store(ctypes.byref(out), ctypes.byref(store), None)
        self.assertIsNone(out.value)
        self.assertRaisesCode(mtrk.IncompleteStore, errors.EINCOMPLETE, cv.raise_for, rc)

    @unittest.skipUnless(sqlite_available(), "the library has no SQLite backend")
    def test_storage_error(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "not-a-db")
            with open(bad, "wb") as f:
                f.write(b"this is not an SQLite database, just text" * 100)
            self.assertRaisesCode(mtrk.StorageError, errors.ESTORE, mtrk.open, bad)

    @unittest.skipUnless(sqlite_available(), "the library has no SQLite backend")
    def test_busy(self) -> None:
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "mtrk.db")
            with mtrk.open(path) as db, db.create_tenant("acme", "x") as t:
                t.add_contact("ana@example.com")
                lock = sqlite3.connect(path, isolation_level=None, timeout=0)
                try:
                    lock.execute("BEGIN EXCLUSIVE")
                    self.assertRaisesCode(mtrk.Busy, errors.EBUSY, self._busy_call, path)
                finally:
                    lock.execute("ROLLBACK")
                    lock.close()

    def _busy_call(self, path: str) -> None:
        with mtrk.open(path, busy_timeout=50) as db, db.open_tenant("acme", "y") as t:
            t.add_contact("bob@example.com")

    def test_out_of_memory_mapping(self) -> None:
        # No real allocation failure can be provoked from Python: check the
        # mapping and the library's own name for the code.
        e = errors.error_for(errors.ENOMEM, mtrk.strerror(errors.ENOMEM))
        self.assertIs(type(e), mtrk.OutOfMemory)
        self.assertEqual(str(e), "out of memory")

    def test_every_code_has_its_class(self) -> None:
        classes = {mtrk.InvalidArgument, mtrk.NotFound, mtrk.AlreadyExists, mtrk.InvalidState, mtrk.Busy,
                   mtrk.StorageError, mtrk.OutOfMemory, mtrk.VersionError, mtrk.TooLong, mtrk.EncodingError,
                   mtrk.IncompleteStore, mtrk.InvalidAddress}
        for cls in classes:
            self.assertTrue(issubclass(cls, mtrk.Error))
            self.assertIs(type(errors.error_for(cls.CODE, "m")), cls)
            self.assertNotEqual(mtrk.strerror(cls.CODE), "unknown status code")
        self.assertIs(type(errors.error_for(-99, "m")), mtrk.Error)

    def test_batch_outcome_errors(self) -> None:
        c, ids, _ = self.sending_campaign_with(["a@example.com"])
        self.t.generate(c)
        mid = self.t.claim(c, 1, 60000).mids[0]
        r = self.t.record_events([mtrk.EventInput(mtrk.EventType.OPEN, uuid.uuid4()),
                                  mtrk.EventInput(mtrk.EventType.OPEN, mid)])
        self.assertIsInstance(r.outcomes[0].error, mtrk.NotFound)
        self.assertEqual(r.outcomes[0].status, errors.ENOTFOUND)
        self.assertEqual(r.outcomes[0].error.argument, "mid")
        self.assertTrue(r.outcomes[1].ok)
        # Each refused item explains itself as a single call would.
        self.assertIn("not found", r.outcomes[0].message)
        self.assertIn("not found", str(r.outcomes[0].error))
        self.assertEqual(r.outcomes[0].argument, "mid")
        self.assertIsNone(r.outcomes[1].message)

    def test_batch_conflict_is_not_a_duplicate(self) -> None:
        c, ids, _ = self.sending_campaign_with(["a@example.com", "b@example.com"])
        self.t.generate(c)
        a, b = self.t.claim(c, 2, 60000).mids
        first = self.t.record_event(type=mtrk.EventType.OPEN, mid=a, provider="esp", provider_event_id="x1")
        r = self.t.record_events([
            mtrk.EventInput(mtrk.EventType.OPEN, a, provider="esp", provider_event_id="x1"),     # identical
            mtrk.EventInput(mtrk.EventType.OPEN, b, provider="esp", provider_event_id="x1"),     # another mid
            mtrk.EventInput(mtrk.EventType.DELIVERED, a, provider="esp", provider_event_id="x1")])  # another type
        self.assertTrue(r.outcomes[0].ok and r.outcomes[0].duplicate)
        for o in r.outcomes[1:]:
            self.assertEqual(o.status, errors.EEXISTS)
            self.assertTrue(o.conflict)
            self.assertFalse(o.duplicate)
            self.assertEqual(o.event_id, first.event_id)
            self.assertEqual(o.argument, "provider_event_id")
            self.assertIsInstance(o.error, mtrk.AlreadyExists)
        with self.assertRaises(mtrk.AlreadyExists):
            self.t.record_event(type=mtrk.EventType.SENT, mid=a, provider="esp",
                                provider_event_id="x1")


if __name__ == "__main__":
    unittest.main()
