"""mtrkd on PostgreSQL (the private server of scripts/pg-server, named by
MTRK_TEST_PG): tracking hits recorded, the API reading them, isolation by
token. Skipped without a server."""
from __future__ import annotations

import http.client
import json
import os
import unittest
import uuid

import support

PG = os.environ.get("MTRK_TEST_PG")


@unittest.skipIf(not PG, "MTRK_TEST_PG is not set (scripts/test starts a server)")
class PgTest(unittest.TestCase):
    def test_tracking_and_api_on_postgresql(self) -> None:
        run = uuid.uuid4().hex[:8]
        a_key, b_key = "mtrkd-%s-a" % run, "mtrkd-%s-b" % run  # the database is shared with other tests
        with support.tmpdir() as d:
            target = "pg:" + PG
            fx = support.Fixture(d, n=3, target=target, keys=(a_key, b_key))
            srv = support.Server(target, d)
            tokens = {k: v["token"] for k, v in fx.t.items()}
            try:
                a = fx.t[a_key]
                c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
                c.request("GET", a["open"][0], headers={"User-Agent": support.UA})
                r = c.getresponse()
                self.assertEqual((r.status, r.getheader("Content-Type")), (200, "image/gif"))
                r.read()
                c.request("GET", a["click"][1], headers={"User-Agent": support.UA})
                r = c.getresponse()
                self.assertEqual((r.status, r.getheader("Location")), (302, "https://shop.example.com/buy"))
                r.read()
                c.request("GET", fx.t[b_key]["click"][0].replace("/" + b_key + "/", "/" + a_key + "/"))
                r = c.getresponse()
                self.assertEqual(r.status, 404)
                r.read()
                c.request("GET", "/api/v1/tenants/%s/campaigns/%s" % (a_key, a["campaign"]),
                          headers={"Authorization": "Bearer " + tokens[a_key]})
                r = c.getresponse()
                m = json.loads(r.read())["metrics"]
                self.assertEqual((m["opens_total"], m["clicks_total"]), (1, 1))
                c.request("GET", "/api/v1/tenants/%s/campaigns/%s" % (a_key, a["campaign"]),
                          headers={"Authorization": "Bearer " + tokens[b_key]})
                r = c.getresponse()
                self.assertEqual(r.status, 401)
                r.read()
                c.close()
            finally:
                self.assertEqual(srv.stop(), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
