#!/usr/bin/env python3
"""The exported ABI of libmtrk is exactly what the headers document.

Checks, with the standard library and `nm` only:
  (a) every symbol libmtrk.so exports (nm -D --defined-only) starts with mtrk_;
  (b) exported set == set listed in the version script == set of MTRK_API
      declarations in the public headers;
  (c) every MTRK_API declaration is documented: a comment ends on one of the
      three lines above it or on its own lines, or it belongs to a group of
      declarations (consecutive non-blank lines) that a comment opens.

Usage: check-symbols.py --lib LIB --map MAP --include DIR [--nm NM]
       check-symbols.py --headers-only --map MAP --include DIR
(--headers-only skips the library, for use before it links.)
"""
import argparse
import os
import re
import subprocess
import sys

DECL_RE = re.compile(r"\bMTRK_API\b[^;{]*?\b(\w+)\s*\(", re.S)


def strip_comments_keep_lines(text):
    """Replaces comments by spaces, keeping newlines so offsets map to lines."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*", blank, text, flags=re.S)


def header_decls(include_dir):
    """[(name, header, first line number (1-based), last line number)]"""
    decls = []
    for root, _dirs, files in os.walk(include_dir):
        for fn in sorted(files):
            if not fn.endswith(".h"):
                continue
            path = os.path.join(root, fn)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            code = strip_comments_keep_lines(text)
            # Skip the macro's own definition lines (#define MTRK_API ...).
            code = re.sub(r"^[ \t]*#[^\n]*", lambda m: " " * len(m.group(0)), code, flags=re.M)
            for m in DECL_RE.finditer(code):
                end = code.find(";", m.end())
                first = code.count("\n", 0, m.start()) + 1
                last = code.count("\n", 0, end if end >= 0 else m.end()) + 1
                decls.append((m.group(1), path, first, last))
    return decls


def documented(lines, first, last):
    """lines: the header's lines (0-based list); first/last: 1-based."""
    # A trailing comment on the declaration itself (/**< ... */).
    for i in range(first - 1, last):
        if "*/" in lines[i]:
            return True
    # A comment ending within the three lines above.
    for i in range(max(0, first - 4), first - 1):
        if "*/" in lines[i]:
            return True
    # A comment opening the group of consecutive non-blank lines it is in.
    i = first - 2
    while i >= 0 and lines[i].strip():
        if "*/" in lines[i]:
            return True
        i -= 1
    return False


def map_symbols(map_path):
    with open(map_path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/|#[^\n]*", " ", text, flags=re.S)
    names = set()
    for m in re.finditer(r"global\s*:(.*?)(?:local\s*:|\})", text, re.S):
        for entry in m.group(1).split(";"):
            entry = entry.strip()
            if entry:
                names.add(entry)
    return names


def exported_symbols(nm, lib):
    out = subprocess.run([nm, "-D", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        name = parts[-1]
        kind = parts[-2]
        if kind in ("A",):  # version node definitions (MTRK_1.0)
            continue
        names.add(name.split("@")[0])
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lib")
    ap.add_argument("--map", required=True)
    ap.add_argument("--include", required=True)
    ap.add_argument("--nm", default="nm")
    ap.add_argument("--headers-only", action="store_true")
    args = ap.parse_args()

    errors = []
    decls = header_decls(args.include)
    header_set = set()
    for name, path, first, last in decls:
        if name in header_set:
            errors.append(f"{name} is declared MTRK_API twice")
        header_set.add(name)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if not documented(lines, first, last):
            errors.append(f"{os.path.basename(path)}:{first}: {name} has no doc comment")
        if not name.startswith("mtrk_"):
            errors.append(f"{os.path.basename(path)}:{first}: {name} lacks the mtrk_ prefix")
    if not header_set:
        errors.append(f"no MTRK_API declaration found under {args.include}")

    map_set = map_symbols(args.map)
    if any("*" in n or "?" in n for n in map_set):
        errors.append("the version script's global list has a wildcard: list every symbol")
    for n in sorted(header_set - map_set):
        errors.append(f"{n}: declared in a header but missing from {os.path.basename(args.map)}")
    for n in sorted(map_set - header_set):
        errors.append(f"{n}: listed in {os.path.basename(args.map)} but declared in no header")

    if not args.headers_only:
        if not args.lib:
            ap.error("--lib is required unless --headers-only")
        exported = exported_symbols(args.nm, args.lib)
        for n in sorted(exported):
            if not n.startswith("mtrk_"):
                errors.append(f"{n}: exported without the mtrk_ prefix")
        for n in sorted(header_set - exported):
            errors.append(f"{n}: declared in a header but not exported (not defined?)")
        for n in sorted((exported - header_set)):
            if n.startswith("mtrk_"):
                errors.append(f"{n}: exported but declared in no header")

    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(header_set)} declarations, {len(map_set)} in the version script"
          + ("" if args.headers_only else f", {len(exported)} exported")
          + f": {len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
