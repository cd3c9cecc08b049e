#!/usr/bin/env python3
"""Runs one benchmark at a tiny size as a test (suite bench-smoke): it must
exit 0 and print the line its figures come from. Benchmarks are not run by
the test suites otherwise, so a benchmark that no longer builds or runs
against today's library or schema would go unnoticed until someone measured.
Timing is never checked here.

    smoke.py REGEX COMMAND [ARG...]

Exits 77 (skipped) when COMMAND needs PostgreSQL (MTRK_SMOKE_PG=1 in its
environment) and MTRK_TEST_PG is not set."""
import os
import re
import subprocess
import sys


def main() -> int:
    if len(sys.argv) < 3:
        print("usage: smoke.py REGEX COMMAND [ARG...]", file=sys.stderr)
        return 2
    pattern, cmd = re.compile(sys.argv[1], re.M), sys.argv[2:]
    if os.environ.get("MTRK_SMOKE_PG") and not os.environ.get("MTRK_TEST_PG"):
        print("smoke: MTRK_TEST_PG is not set; skipped")
        return 77
    env = dict(os.environ, MTRK_BENCH_RUNS="1")
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    sys.stdout.write(out.stdout)
    sys.stderr.write(out.stderr)
    if out.returncode != 0:
        print("smoke: %s exited %d" % (" ".join(cmd), out.returncode), file=sys.stderr)
        return 1
    if not pattern.search(out.stdout):
        print("smoke: %s printed no line matching %r" % (" ".join(cmd), pattern.pattern), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
