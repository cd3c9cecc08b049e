#!/usr/bin/env python3
"""The HTML report in a real browser: renders `mtrk report --compare --html`
in headless Chromium (tests/browser/harness.py) and checks that every chart
(funnel, hourly, CTA ranking, breakdown, comparison) is an <svg> laid out with
a non-zero size. Fails (never skips) without Chromium."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

BIN = os.environ.get("MTRK_BIN", "build/tools/mtrk")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "browser"))
from harness import Browser, BrowserMissing  # noqa: E402 (tests/browser/harness.py)
KINDS = ["funnel", "hourly", "cta", "breakdown", "compare", "reputation"]

MEASURE = """
return Array.prototype.map.call(document.querySelectorAll('svg.chart'), function (s) {
  var r = s.getBoundingClientRect();
  return {kind: s.getAttribute('data-chart'), width: r.width, height: r.height,
          shapes: s.querySelectorAll('rect,polyline,line').length};
});
"""


def run(tmp, *args):
    p = subprocess.run([BIN, "--db", os.path.join(tmp, "h.db")] + list(args), capture_output=True, text=True,
                       timeout=120)
    if p.returncode != 0:
        sys.exit("mtrk %s failed (%d): %s" % (" ".join(args), p.returncode, p.stderr))
    return p.stdout


def main():
    try:
        Browser(tempfile.mkdtemp(prefix="mtrk-html-probe-")).close()
    except BrowserMissing as e:
        sys.exit("FAIL: %s. The HTML report test needs a real browser and does not skip." % e)
    tmp = tempfile.mkdtemp(prefix="mtrk-html-")
    try:
        run(tmp, "init")
        with open(os.path.join(tmp, "c.csv"), "w") as f:
            f.write("address,name\n" + "".join("p%d@example.com,P <%d> & co\n" % (i, i) for i in range(300)))
        run(tmp, "audience", "create", "all")
        run(tmp, "contacts", "import", os.path.join(tmp, "c.csv"), "--audience", "all")
        for name in ("Launch <b>&amp;</b> \"quotes\"", "Follow-up"):
            run(tmp, "campaign", "create", "--name", name, "--subject", "S", "--from", "a@example.com",
                "--link", "Buy <now>=https://s.example.com/a", "--link", "B=https://s.example.com/b",
                "--link", "C=https://s.example.com/c")
            run(tmp, "campaign", "attach", name, "all")
            run(tmp, "generate", name)
            run(tmp, "campaign", "status", name, "scheduled")
            run(tmp, "campaign", "status", name, "sending")
        run(tmp, "simulate", "Launch <b>&amp;</b> \"quotes\"", "--seed", "5", "--start", "2026-03-01T09:00:00Z")
        run(tmp, "simulate", "Follow-up", "--seed", "6", "--start", "2026-03-02T09:00:00Z", "--open", "0.5")
        report = os.path.join(tmp, "report.html")
        run(tmp, "report", "--compare", "Launch <b>&amp;</b> \"quotes\"", "Follow-up", "--html", report)
        with open(report, encoding="utf-8") as f:
            page = f.read()
        errors = []
        if "<b>" in page:
            errors.append("a user string reached the page unescaped")
        if re.search(r"<(script|link|img|iframe)\b", page) or re.search(r"\b(src|href)=", page):
            errors.append("the report refers to an external resource or runs a script")
        try:
            charts = Browser(os.path.join(tmp, "browser")).probe(report, MEASURE, 1200, 2000)
        except RuntimeError as e:
            sys.exit("FAIL: %s" % e)
        for kind in KINDS:
            found = [c for c in charts if c["kind"] == kind]
            want = 1 if kind in ("compare", "reputation") else 2
            if len(found) != want:
                errors.append("%d %s chart(s), expected %d" % (len(found), kind, want))
            for c in found:
                if not (c["width"] > 0 and c["height"] > 0):
                    errors.append("%s chart has size %sx%s" % (kind, c["width"], c["height"]))
                if c["shapes"] == 0:
                    errors.append("%s chart draws nothing" % kind)
        if errors:
            sys.exit("FAIL: " + "; ".join(errors))
        print("ok: %d charts rendered with non-zero size: %s" % (len(charts), ", ".join(
            "%s %dx%d" % (c["kind"], c["width"], c["height"]) for c in charts)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
