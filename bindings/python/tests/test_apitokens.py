"""API bearer tokens through the binding: create (the token once), find,
list (never the secret), revoke, and another tenant's token."""
from __future__ import annotations

import datetime as dt

import mtrk

from .support import T0, TenantCase


class ApiTokenTest(TenantCase):
    def test_create_find_list_revoke(self) -> None:
        tid, token = self.t.create_api_token("dashboard")
        self.assertTrue(token.startswith("mtrk_"))
        self.assertEqual(len(token), 91)
        self.assertEqual(self.db.find_api_token(token), "acme")
        self.clock.now = T0 + dt.timedelta(seconds=5)
        infos = self.t.api_tokens()
        self.assertEqual([(i.id, i.label, i.revoked_at) for i in infos], [(tid, "dashboard", None)])
        self.assertEqual(infos[0].created_at, T0)
        self.assertNotIn(token, repr(infos))
        self.t.revoke_api_token(tid)
        self.assertIsNone(self.db.find_api_token(token))
        self.assertEqual(self.t.api_tokens()[0].revoked_at, T0 + dt.timedelta(seconds=5))

    def test_refusals(self) -> None:
        tid, token = self.t.create_api_token("ci")
        other = self.db.create_tenant("beta", "test:setup")
        with self.assertRaises(mtrk.NotFound):
            other.revoke_api_token(tid)
        self.assertEqual(other.api_tokens(), [])
        self.assertEqual(self.db.find_api_token(token), "acme")
        self.assertIsNone(self.db.find_api_token(token[:-1] + ("A" if token[-1] != "A" else "B")))
        self.assertIsNone(self.db.find_api_token("not a token"))
        with self.assertRaises(mtrk.InvalidArgument):
            self.t.create_api_token("")
        with self.assertRaises(mtrk.TooLong):
            self.t.create_api_token("x" * 65)
        self.assertEqual(len(self.t.api_tokens()), 1)
