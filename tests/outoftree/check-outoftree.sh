#!/usr/bin/env bash
# A third-party store, built from the installed public headers alone, passes
# the store contract's tests and the conformance suite:
#
#   check-outoftree.sh BUILD_DIR SOURCE_DIR PREFIX LIBDIR INCLUDEDIR CONFORMANCE UNIT [GROUP]
#
# (the directories as meson resolved them; LIBDIR and INCLUDEDIR relative to
# PREFIX or absolute; CONFORMANCE the suite's executable, UNIT the store
# tests' tests/unit/test_memory_store.c). `meson install
# --destdir` into a temporary root, then:
#  - tests/outoftree/*.c compile into a shared object with the flags of
#    `pkg-config --cflags --libs mtrk` of that root and nothing else: no
#    include path into the source tree, so a header it needs that is not
#    installed fails the build;
#  - the object exports its constructor and nothing else;
#  - the store tests run on it through the contract alone (scans in both
#    directions, unique indexes and NULLs, rollback, threads, a random
#    model), but for the memory store's own checks of caller errors;
#  - the conformance suite runs on it ("dlopen:OBJECT"), every group (or
#    GROUP), against the installed libmtrk.
set -euo pipefail

build=$1 src=$2 prefix=$3 libdir=$4 includedir=$5 conformance=$6 unit=$7 group=${8:-}
abs() { case $1 in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }
libdir=$(abs "$libdir") includedir=$(abs "$includedir")
conformance=$(realpath "$conformance") unit=$(realpath "$unit")

root=$(mktemp -d "${TMPDIR:-/tmp}/mtrk-outoftree.XXXXXX")
trap 'rm -rf "$root"' EXIT
fail() { echo "check-outoftree: $*" >&2; exit 1; }

meson install -C "$build" --destdir "$root" --no-rebuild --quiet >"$root.log" 2>&1 ||
    { cat "$root.log" >&2; rm -f "$root.log"; fail "meson install failed"; }
rm -f "$root.log"

# 1. Build the store as a third party would: pkg-config of the installed root.
export PKG_CONFIG_PATH="$root$libdir/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$root"
cflags=$(pkg-config --cflags mtrk) || fail "pkg-config --cflags mtrk failed"
libs=$(pkg-config --libs mtrk) || fail "pkg-config --libs mtrk failed"
case " $cflags " in *" -I$root$includedir "*) ;; *) fail "cflags '$cflags' do not name the installed headers" ;; esac
case " $cflags $libs " in *"$src"*) fail "pkg-config names the source tree: '$cflags $libs'" ;; esac
so="$root/libotstore.so"
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -Wall -Wextra -Wpedantic -Werror -fPIC -shared -fvisibility=hidden $cflags \
    "$src"/tests/outoftree/*.c -o "$so" $libs -pthread ||
    fail "tests/outoftree does not build against the installed headers"
exported=$(nm -D --defined-only "$so" | awk '$2 == "T" { print $3 }')
[ "$exported" = "outoftree_store_new" ] || fail "the store exports '$exported', not outoftree_store_new alone"
echo "check-outoftree: tests/outoftree built with pkg-config against $root$includedir"

# 2. The store tests and the conformance suite on it, with the installed library.
export LD_LIBRARY_PATH="$root$libdir"
lib=$(ldd "$so" | awk '/libmtrk\.so/ { print $3 }')
[ "$lib" = "$root$libdir/libmtrk.so.1" ] || fail "the store links $lib, not the installed library"
cd "$root"
"$unit" "dlopen:$so" || fail "the store tests failed on the out-of-tree store"
echo "check-outoftree: the store tests passed on the out-of-tree store"
# shellcheck disable=SC2086
TMPDIR="$root" "$conformance" "dlopen:$so" $group || fail "the conformance suite failed on the out-of-tree store"
echo "check-outoftree: the conformance suite passed on the out-of-tree store"
