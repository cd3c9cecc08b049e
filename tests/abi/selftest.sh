#!/bin/sh
# Proves the ABI guard can fail: the miniature library of sample.h, built as
# variant 0 (baseline) and variants 1-8, compared with check-abi.sh. Variant 4
# (a function added) must pass; every other variant must be refused.
#
# Usage: selftest.sh CHECK_SCRIPT HEADERS_DIR SUPPRESSIONS LIB0 LIB1 ... LIB8
set -u
check=$1 headers=$2 suppr=$3
shift 3
base=$1
shift

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mtrk-abi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
if ! abidw --headers-dir "$headers" --drop-private-types --no-corpus-path \
        --out-file "$tmp/sample.abi" "$base"; then
    echo "selftest: abidw failed on $base" >&2
    exit 1
fi

fail=0 n=0
variant=1
for lib in "$@"; do
    want=1
    [ "$variant" -eq 4 ] && want=0
    out=$(sh "$check" "$tmp/sample.abi" "$lib" "$headers" "$suppr" 2>&1)
    got=$?
    n=$((n + 1))
    if [ "$got" -ne "$want" ]; then
        echo "selftest: variant $variant: check-abi exited $got, expected $want" >&2
        printf '%s\n' "$out" | sed 's/^/    /' >&2
        fail=$((fail + 1))
    else
        echo "selftest: variant $variant: $( [ "$want" -eq 0 ] && echo accepted || echo refused ) as expected"
    fi
    variant=$((variant + 1))
done
if [ "$n" -ne 8 ]; then
    echo "selftest: expected 8 variant libraries, got $n" >&2
    exit 1
fi
echo "selftest: $((n - fail)) of $n variants judged as expected"
[ "$fail" -eq 0 ]
