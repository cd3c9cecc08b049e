#!/usr/bin/env python3
"""Man page checks.

    check-man.py render PAGE...          each page renders with `man --warnings -l`
                                         without a warning (80 columns)
    check-man.py render-selftest         a page with a broken request must fail
    check-man.py coverage SCD TOOLS_DIR  mtrk(1) names every command and option
                                         the tool accepts (read from the command
                                         tables of tools/*.c), its exit codes
                                         and environment variables
    check-man.py codes SCD HEADER        mtrk(7) names every status code of
                                         mtrk/common.h and every public header
"""
import os
import re
import subprocess
import sys
import tempfile


def render(page):
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
    p = subprocess.run(["man", "--warnings", "-l", page], env=env, capture_output=True, text=True)
    problems = []
    if p.returncode != 0:
        problems.append(f"man exited {p.returncode}")
    if p.stderr.strip():
        problems.append(p.stderr.strip())
    if "NAME" not in p.stdout or len(p.stdout.splitlines()) < 10:
        problems.append("no NAME section, or an almost empty page")
    return problems


def cmd_render(pages):
    bad = 0
    for page in pages:
        problems = render(page)
        for pr in problems:
            print(f"{page}: {pr}")
        bad += bool(problems)
        if not problems:
            print(f"{page}: renders without warnings")
    return 1 if bad else 0


def cmd_render_selftest():
    with tempfile.TemporaryDirectory() as d:
        good = os.path.join(d, "good.1")
        bad = os.path.join(d, "bad.1")
        body = ".TH GOOD 1\n.SH NAME\ngood \\- a page\n" + "".join(f".PP\nline {i}\n" for i in range(12))
        with open(good, "w") as f:
            f.write(body)
        with open(bad, "w") as f:
            f.write(body + ".XYZZY unknown request\n.ft Q\n")
        ok = not render(good) and bool(render(bad))
        print("render-selftest:", "a clean page passes and a broken one fails" if ok else "FAILED")
        return 0 if ok else 1


def tool_commands(tools_dir):
    """(name, [options]) of every command in the tables of tools/*.c."""
    out = []
    for fn in sorted(os.listdir(tools_dir)):
        if not fn.endswith(".c"):
            continue
        text = open(os.path.join(tools_dir, fn), encoding="utf-8").read()
        defines = dict(re.findall(r'#define (\w+) "([^"]*)"', text))
        for table in re.findall(r"const cli_cmd cmds_\w+\[\] = \{(.*?)\n\};", text, re.S):
            for entry in re.findall(r"\{(.*?)\},\n", table, re.S):
                # name, usage (adjacent literals), opts (literals or a macro), ...
                parts = re.findall(r'"((?:[^"\\]|\\.)*)"|\b([A-Z_]{4,})\b', entry)
                if not parts or not parts[0][0]:
                    continue
                name = parts[0][0]
                # the options string is the last run of literals (or a macro) before the numbers
                m = re.search(r'((?:"(?:[^"\\]|\\.)*"\s*)+|[A-Z_]{4,}),\s*[\w-]+,\s*[\w-]+,\s*[\w-]+,\s*\w+\s*$',
                              entry.strip())
                opts = ""
                if m:
                    lit = m.group(1)
                    if lit.startswith('"'):
                        opts = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', lit))
                    else:
                        opts = defines.get(lit, "")
                out.append((name, [o.rstrip("=*") for o in opts.split()]))
    return out


def cmd_coverage(scd, tools_dir):
    text = open(scd, encoding="utf-8").read().replace("\\_", "_")
    missing = []
    cmds = tool_commands(tools_dir)
    if len(cmds) < 20:
        missing.append(f"only {len(cmds)} commands read from {tools_dir}: the table format changed")
    for name, opts in cmds:
        if f"*{name}*" not in text:
            missing.append(f"command '{name}'")
        for o in opts:
            if f"*--{o}*" not in text:
                missing.append(f"option --{o} of '{name}'")
    for word in ["*--db*", "*--tenant*", "*--help*", "*--version*", "*MTRK_DB*", "*MTRK_TENANT*",
                 "# EXIT STATUS", "# ENVIRONMENT", "# EXAMPLES"]:
        if word not in text:
            missing.append(word)
    for code in ("*0*", "*1*", "*2*"):
        if code not in text.split("# EXIT STATUS", 1)[-1]:
            missing.append(f"exit status {code}")
    for m in missing:
        print(f"{scd}: does not document {m}")
    if not missing:
        print(f"{scd}: documents all {len(cmds)} commands and their options")
    return 1 if missing else 0


def cmd_codes(scd, header):
    text = open(scd, encoding="utf-8").read().replace("\\_", "_")
    codes = re.findall(r"^\s*(MTRK_(?:OK|E[A-Z]+|ITEROVER))\s*=", open(header, encoding="utf-8").read(), re.M)
    headers = sorted(os.listdir(os.path.dirname(header)))
    missing = [c for c in codes if f"*{c}*" not in text and c != "MTRK_OK"]
    missing += [h for h in headers if h.endswith(".h") and f"<mtrk/{h}>" not in text]
    if len(codes) < 10:
        missing.append(f"only {len(codes)} status codes read from {header}")
    for m in missing:
        print(f"{scd}: does not document {m}")
    if not missing:
        print(f"{scd}: documents all {len(codes)} status codes and {len(headers)} headers")
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "codes":
        sys.exit(cmd_codes(sys.argv[2], sys.argv[3]))
    if len(sys.argv) >= 3 and sys.argv[1] == "render":
        sys.exit(cmd_render(sys.argv[2:]))
    if len(sys.argv) == 2 and sys.argv[1] == "render-selftest":
        sys.exit(cmd_render_selftest())
    if len(sys.argv) == 4 and sys.argv[1] == "coverage":
        sys.exit(cmd_coverage(sys.argv[2], sys.argv[3]))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
