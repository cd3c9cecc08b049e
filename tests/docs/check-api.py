#!/usr/bin/env python3
"""The API reference builds without a warning and documents everything.

    check-api.py DOXYFILE OUTDIR

Runs doxygen on DOXYFILE (WARN_AS_ERROR = FAIL_ON_WARNINGS) with its output
in OUTDIR, fails on any warning, then reads the XML output and fails for
every public function, macro, typedef, enumeration, enum value, struct and
struct member without a description. (Doxygen itself does not warn about
undocumented enum values.)
"""
import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET


def described(node):
    for tag in ("briefdescription", "detaileddescription", "inbodydescription"):
        d = node.find(tag)
        if d is not None and "".join(d.itertext()).strip():
            return True
    return False


def main(doxyfile, outdir):
    os.makedirs(outdir, exist_ok=True)
    conf = open(doxyfile, encoding="utf-8").read()
    conf = re.sub(r"(?m)^OUTPUT_DIRECTORY\s*=.*$", "OUTPUT_DIRECTORY = " + outdir, conf)
    local = os.path.join(outdir, "Doxyfile")
    with open(local, "w", encoding="utf-8") as f:
        f.write(conf)
    p = subprocess.run(["doxygen", local], capture_output=True, text=True, cwd=outdir)
    problems = [l for l in (p.stdout + p.stderr).splitlines() if l.strip()]
    if p.returncode != 0 and not problems:
        problems.append(f"doxygen exited {p.returncode}")
    counted = 0
    for fn in glob.glob(os.path.join(outdir, "xml", "*.xml")):
        root = ET.parse(fn).getroot()
        for comp in root.iter("compounddef"):
            kind = comp.get("kind")
            if kind not in ("file", "struct", "union"):
                continue
            name = comp.findtext("compoundname")
            if kind != "file" and not described(comp):
                problems.append(f"{name}: {kind} without a description")
            for m in comp.iter("memberdef"):
                counted += 1
                mname = m.findtext("name")
                loc = m.find("location")
                where = f"{loc.get('file')}:{loc.get('line')}" if loc is not None else name
                if not described(m):
                    problems.append(f"{where}: {m.get('kind')} {name}::{mname} without a description")
                for ev in m.iter("enumvalue"):
                    counted += 1
                    if not described(ev):
                        problems.append(f"{where}: enum value {ev.findtext('name')} without a description")
    if counted < 100:
        problems.append(f"only {counted} documented entities found: is the XML output switched on?")
    for pr in problems:
        print(pr)
    if problems:
        print(f"check-api: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"check-api: {counted} entities, all documented, no warning")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
