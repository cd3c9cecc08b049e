#!/usr/bin/env python3
"""scripts/demo prints at most 40 lines (the dashboard and where the rest
went) and succeeds; run on the build directory as it is (no rebuild)."""
import os
import subprocess
import sys

SRC = os.environ.get("MTRK_SRC", ".")
BUILD = os.environ["MTRK_DEMO_BUILD"]
env = dict(os.environ, MTRK_DEMO_SKIP_BUILD="1", MTRK_DEMO_DIR=os.path.join(BUILD, "demo-test"))
p = subprocess.run(["bash", os.path.join(SRC, "scripts", "demo"), "memory:"], cwd=SRC, env=env,
                   capture_output=True, text=True, timeout=1200)
lines = p.stdout.splitlines()
if p.returncode != 0:
    sys.exit("FAIL: scripts/demo exited %d: %s" % (p.returncode, p.stderr[-2000:]))
if len(lines) > 40:
    sys.exit("FAIL: scripts/demo printed %d lines (at most 40):\n%s" % (len(lines), p.stdout))
for want in ("FUNNEL", "CTA RANKING", "HTML report:"):
    if not any(want in l for l in lines):
        sys.exit("FAIL: the demo's output has no %r:\n%s" % (want, p.stdout))
print("ok: scripts/demo printed %d lines" % len(lines))
