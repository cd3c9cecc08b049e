"""Headless Chromium for page tests, with nothing but the browser binary.

A test loads a page (a file), runs a probe: a JavaScript function body that
returns a JSON-serialisable value describing what the page rendered
(positions, computed styles, texts), and reads it back; it keeps screenshots
next to its other output. The probe runs after layout, in a copy of the page
(the page itself is never changed). No DevTools connection and no npm package:
Chromium's --dump-dom prints the DOM after load, where the probe left its
result, and --screenshot writes a PNG.

Used by tests/browser/test_report.py (mtrk report --html); any page that
serves the same charts (a dashboard) can be checked the same way.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from typing import Any, Optional

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]

_PROBE = """<script>
(function () {
  var out;
  try { out = {ok: true, value: (function () { %s })()}; }
  catch (e) { out = {ok: false, error: String(e && e.stack || e)}; }
  var pre = document.createElement('pre');
  pre.id = 'mtrk-probe-result';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


class BrowserMissing(Exception):
    pass


class Browser:
    """One headless Chromium, a fresh profile directory per run."""

    def __init__(self, workdir: Optional[str] = None) -> None:
        self.binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if self.binary is None:
            raise BrowserMissing("chromium is not installed (Debian package 'chromium'; scripts/deps installs it)")
        self.workdir = workdir or tempfile.mkdtemp(prefix="mtrk-browser-")
        os.makedirs(self.workdir, exist_ok=True)
        self._n = 0

    def _run(self, args: list, timeout: int = 120) -> subprocess.CompletedProcess:
        self._n += 1
        profile = os.path.join(self.workdir, "profile-%d" % self._n)
        return subprocess.run([self.binary] + FLAGS + ["--user-data-dir=" + profile] + args,
                              capture_output=True, text=True, timeout=timeout)

    def probe(self, page: str, script: str, width: int = 1200, height: int = 2000) -> Any:
        """Loads `page` at the window size and returns what `script` (a function
        body ending in `return ...`) returned. Raises RuntimeError when the
        script threw or Chromium gave nothing back."""
        with open(page, encoding="utf-8") as f:
            text = f.read()
        self._n += 1
        copy = os.path.join(self.workdir, "probe-%d.html" % self._n)
        tag = _PROBE % script
        with open(copy, "w", encoding="utf-8") as f:
            f.write(text.replace("</body>", tag + "</body>") if "</body>" in text else text + tag)
        p = self._run(["--window-size=%d,%d" % (width, height), "--dump-dom", "file://" + os.path.abspath(copy)])
        m = re.search(r'<pre id="mtrk-probe-result">(.*?)</pre>', p.stdout, re.S)
        if m is None:
            raise RuntimeError("Chromium returned no probe result (exit %d): %s" % (p.returncode, p.stderr[-2000:]))
        out = json.loads(html.unescape(m.group(1)))
        if not out.get("ok"):
            raise RuntimeError("probe failed: " + out.get("error", "?"))
        return out["value"]

    def screenshot(self, page: str, png: str, width: int = 1200, height: int = 2000) -> str:
        """Writes a PNG of `page` at the window size; returns its path."""
        os.makedirs(os.path.dirname(os.path.abspath(png)), exist_ok=True)
        p = self._run(["--window-size=%d,%d" % (width, height), "--screenshot=" + os.path.abspath(png),
                       "file://" + os.path.abspath(page)])
        if not os.path.exists(png) or os.path.getsize(png) == 0:
            raise RuntimeError("Chromium wrote no screenshot (exit %d): %s" % (p.returncode, p.stderr[-2000:]))
        return png

    def close(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)
