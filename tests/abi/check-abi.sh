#!/bin/sh
# The ABI guard: compares a built library against a baseline with abidiff
# (Debian's abigail-tools) and fails on any change to what already existed,
# while allowing additions.
#
# Usage: check-abi.sh BASELINE LIBRARY HEADERS_DIR SUPPRESSIONS
#   BASELINE      an abidw XML file (abi/libmtrk.abi) or a shared library
#   LIBRARY       the shared library just built (with debug info)
#   HEADERS_DIR   its public headers: types defined elsewhere are private
#   SUPPRESSIONS  a libabigail suppression file (abi/libmtrk.abignore)
#
# abidiff's exit code is a bit field: 1 error, 2 usage error, 4 ABI change,
# 8 incompatible change (only a removed function or variable sets it).
# Added functions are not counted (--no-added-syms), so an exit code of 0
# means "nothing but additions"; bit 4 alone means something that existed
# changed (a function's signature, a public struct's layout, an enumerator):
# both 4 and 8 fail here, and so does an error (1). A member appended to a
# versioned struct fails too (see abi/libmtrk.abignore for why).
#
# Exit: 0 compatible, 1 incompatible or an error, 77 (meson: skipped) when
# the library has no debug info (a build without -g cannot be checked).
set -u

if [ "$#" -ne 4 ]; then
    echo "usage: check-abi.sh BASELINE LIBRARY HEADERS_DIR SUPPRESSIONS" >&2
    exit 2
fi
baseline=$1 lib=$2 headers=$3 suppr=$4

for f in "$baseline" "$lib" "$suppr"; do
    if [ ! -f "$f" ]; then
        echo "check-abi: $f: no such file" >&2
        exit 1
    fi
done
if ! command -v abidiff >/dev/null 2>&1; then
    echo "check-abi: abidiff not found (install abigail-tools: scripts/deps)" >&2
    exit 1
fi
if ! readelf -S "$lib" 2>/dev/null | grep -q '\.debug_info'; then
    echo "check-abi: $lib has no debug info (build with -g, e.g. the default debugoptimized): skipped" >&2
    exit 77
fi

set -- --drop-private-types --no-added-syms --fail-no-debug-info --suppressions "$suppr" \
    --headers-dir2 "$headers"
case $baseline in
    *.abi|*.xml) ;;
    *) set -- "$@" --headers-dir1 "$headers" ;;
esac

out=$(abidiff "$@" "$baseline" "$lib" 2>&1)
rc=$?
if [ "$rc" -eq 0 ]; then
    echo "check-abi: $(basename "$lib") is compatible with $(basename "$baseline") (additions only)"
    exit 0
fi
printf '%s\n' "$out"
if [ $((rc & 1)) -ne 0 ]; then
    echo "check-abi: abidiff failed (exit $rc)" >&2
elif [ $((rc & 8)) -ne 0 ]; then
    echo "check-abi: INCOMPATIBLE: a public function or variable was removed (abidiff exit $rc)" >&2
else
    echo "check-abi: INCOMPATIBLE: something that existed changed: a function's signature," \
         "a public struct's layout or an enumerator (abidiff exit $rc)" >&2
fi
echo "check-abi: if the change is intended before the 1.0 freeze, regenerate the baseline" \
     "with scripts/abi-baseline; after 1.0, only additions are allowed" >&2
exit 1
