#!/usr/bin/env python3
"""Every public function that takes a tenant and an id (or a struct carrying
ids or a tracking token) is called by the isolation sweep.

Parses the MTRK_API declarations of include/mtrk/*.h; a function needs to be
swept when its parameters name `mtrk_tenant` and either `mtrk_id` or one of
the input structs that carry ids or tokens (CARRIERS). The sweep
(tests/isolation/isolation.c) calls functions through SWEEP*(name, ...).

Usage: check-sweep.py INCLUDE_DIR ISOLATION_C
"""
import os
import re
import sys

CARRIERS = ("mtrk_event_input", "mtrk_lead_input", "mtrk_track_request", "mtrk_sim_options",
            "mtrk_bounce_recipient", "mtrk_webhook_request")
# Functions of a tenant and an id-carrying type that take no id from outside.
EXEMPT = {}

DECL_RE = re.compile(r"\bMTRK_API\b([^;{]*?)\b(\w+)\s*\(([^;{]*?)\)\s*;", re.S)


def strip_comments(text):
    return re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.S)


def needs_sweep(include_dir):
    names = set()
    for fn in sorted(os.listdir(include_dir)):
        if not fn.endswith(".h"):
            continue
        with open(os.path.join(include_dir, fn), encoding="utf-8") as f:
            code = strip_comments(f.read())
        for m in DECL_RE.finditer(code):
            name, params = m.group(2), m.group(3)
            # Out-parameters receive ids (mtrk_id *out_id): not an id taken from outside.
            params = re.sub(r"\bmtrk_id\s*\*\s*out\w*", " ", params)
            if not re.search(r"\bmtrk_tenant\b", params):
                continue
            if re.search(r"\bmtrk_id\b", params) or any(re.search(r"\b%s\b" % c, params) for c in CARRIERS):
                names.add(name)
    return names


def main():
    inc, src = sys.argv[1], sys.argv[2]
    want = needs_sweep(inc)
    if not want:
        print("check-sweep: no declaration found under " + inc, file=sys.stderr)
        return 1
    with open(src, encoding="utf-8") as f:
        have = set(re.findall(r"\bSWEEP\w*\(\s*(mtrk_\w+)", f.read()))
    missing = sorted(want - have - set(EXEMPT))
    for n in missing:
        print(f"check-sweep: {n} takes a tenant and an id but the isolation sweep never calls it: "
              f"add it to tests/isolation/isolation.c", file=sys.stderr)
    print(f"check-sweep: {len(want)} public functions take a tenant and an id or token; "
          f"{len(want & have)} swept, {len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
