"""The dashboard in headless Chromium: it loads from mtrkd alone, shows the
JSON API's figures for the campaign, updates itself when events arrive, and
leaves a screenshot in the build directory."""
from __future__ import annotations

import html.parser
import json
import os
import shutil
import subprocess
import tempfile
import time
import unittest
import urllib.request

import cdp
import support
from support import TOKENS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Figures(html.parser.HTMLParser):
    """Text of every element with data-metric, data-field (per link row) or
    data-series-total."""

    def __init__(self) -> None:
        super().__init__()
        self.metrics: dict = {}
        self.links: dict = {}
        self.series: dict = {}
        self.campaigns: list = []
        self.current = None
        self._key = None
        self._lid = None

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if "data-lid" in a:
            self._lid = a["data-lid"]
            self.links[self._lid] = {}
        if "data-campaign" in a and tag == "button":
            self.campaigns.append(a["data-campaign"])
            if a.get("aria-current") == "true":
                self.current = a["data-campaign"]
        for k in ("data-metric", "data-field", "data-series-total"):
            if k in a:
                self._key = (k, a[k])

    def handle_data(self, data) -> None:
        if self._key is None:
            return
        kind, name = self._key
        if kind == "data-metric":
            self.metrics[name] = data
        elif kind == "data-field":
            self.links[self._lid][name] = data
        else:
            self.series[name] = int(data.split()[-1])
        self._key = None


@unittest.skipIf(CHROMIUM is None, "chromium is not installed")
class BrowserTest(unittest.TestCase):
    def setUp(self) -> None:
        self.dir = support.tmpdir()
        self.addCleanup(self.dir.cleanup)
        self.fx = support.Fixture(self.dir.name)
        self.srv = support.Server(self.fx.path, self.dir.name)
        self.addCleanup(self.srv.stop)
        self.a = self.fx.t["acme"]
        self.out = os.path.join(os.environ.get("MTRK_BUILD", self.dir.name), "mtrkd-test-output")
        os.makedirs(self.out, exist_ok=True)

    def hit(self, path: str) -> None:
        try:
            urllib.request.build_opener(support.NoRedirect).open(self.srv.url(path)).read()
        except urllib.error.HTTPError as e:
            self.assertEqual(e.code, 302)

    def api(self, path: str):
        req = urllib.request.Request(self.srv.url("/api/v1/tenants/acme" + path),
                                     headers={"Authorization": "Bearer " + TOKENS["acme"]})
        return json.loads(urllib.request.urlopen(req).read())

    def chromium(self, url: str, *extra: str, timeout_ms: int | None = None) -> subprocess.Popen:
        profile = tempfile.mkdtemp(prefix="mtrkd-chromium-", dir=self.dir.name)
        args = [CHROMIUM, *FLAGS, "--user-data-dir=" + profile, "--window-size=1200,1400", *extra]
        if timeout_ms:
            args.append("--timeout=%d" % timeout_ms)
        return subprocess.Popen(args + [url], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)

    def check_figures(self, dom: str) -> Figures:
        f = Figures()
        f.feed(dom)
        c = self.api("/campaigns/" + self.a["campaign"])
        m = c["metrics"]
        for k in ("sent", "delivered", "opens_unique", "clicks_unique", "leads_attributed", "bounced_hard",
                  "bounced_soft", "complaints", "unsubscribes"):
            self.assertEqual(f.metrics.get(k), str(m[k]), k)
        self.assertEqual(f.metrics["bounce_rate"], "%.1f%%" % (100 * m["bounce_rate"]))
        self.assertEqual(f.metrics["split.clicks.unique_human"], str(c["split"]["clicks"]["unique_human"]))
        links = self.api("/campaigns/%s/links" % self.a["campaign"])["items"]
        self.assertEqual(list(f.links), [l["lid"] for l in links])  # the API's ranking order
        for l in links:
            self.assertEqual(f.links[l["lid"]]["clicks_unique"], str(l["clicks_unique"]))
        hourly = self.api("/campaigns/%s/hourly" % self.a["campaign"])
        for k in ("delivered", "open", "click", "bounce"):
            self.assertEqual(f.series[k], sum(hourly["series"][k]), k)
        self.assertEqual(f.campaigns, [self.a["campaign"]])
        self.assertEqual(f.current, self.a["campaign"])
        return f

    def test_dashboard_shows_the_apis_figures_and_updates(self) -> None:
        for i in range(3):
            self.hit(self.a["open"][i])
        self.hit(self.a["click"][0])
        self.hit(self.a["click2"][1])
        self.hit(self.a["click2"][2])
        url = self.srv.url("/dashboard/#tenant=acme&token=%s&poll=1000" % TOKENS["acme"])

        # One page load: the figures are the API's.
        p = self.chromium(url, "--dump-dom", "--virtual-time-budget=5000")
        dom, _ = p.communicate(timeout=120)
        self.assertIn('data-loaded="true"', dom)
        f = self.check_figures(dom)
        self.assertEqual(f.metrics["clicks_unique"], "3")

        # A page left open (driven through the DevTools protocol): events
        # arrive and it shows them without a reload.
        b = cdp.Browser(CHROMIUM, FLAGS, tempfile.mkdtemp(prefix="mtrkd-chromium-", dir=self.dir.name))
        try:
            b.send("Page.navigate", url=url)
            self.assertTrue(b.wait_for("document.body && document.body.dataset.loaded === 'true'"), "never loaded")
            self.check_figures(b.evaluate("document.documentElement.outerHTML"))
            for i in range(3, 6):
                self.hit(self.a["click"][i])
            self.assertTrue(b.wait_for("(document.querySelector('[data-metric=\"clicks_unique\"]') || {})"
                                       ".textContent === '6'"), "the page did not update")
            f = self.check_figures(b.evaluate("document.documentElement.outerHTML"))
            self.assertEqual(f.metrics["clicks_unique"], "6")
            shot = os.path.join(self.out, "dashboard.png")
            b.screenshot(shot)
            self.assertGreater(os.path.getsize(shot), 10000, "no screenshot")
        finally:
            b.close()

    def test_dashboard_asks_for_a_token_and_refuses_a_wrong_one(self) -> None:
        url = self.srv.url("/dashboard/#tenant=acme&token=wrong-token-0123456789")
        p = self.chromium(url, "--dump-dom", "--virtual-time-budget=3000")
        dom, _ = p.communicate(timeout=120)
        self.assertIn("The tenant or the token was refused.", dom)
        self.assertNotIn('data-loaded="true"', dom)


if __name__ == "__main__":
    unittest.main(verbosity=2)
