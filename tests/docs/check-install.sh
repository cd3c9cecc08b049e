#!/usr/bin/env bash
# Installs as a packager does and uses only what was installed:
#
#   check-install.sh BUILD_DIR SOURCE_DIR PREFIX LIBDIR INCLUDEDIR BINDIR MANDIR PYTHON_SITE_DIR
#
# (the directories as meson resolved them; LIBDIR etc. relative to PREFIX or
# absolute). `meson install --destdir` into a temporary root, then:
#  - headers, library, tool, man pages, pkg-config file and the Python
#    package are where a distribution expects them;
#  - examples/lifecycle.c builds with `pkg-config --cflags --libs mtrk` alone
#    (PKG_CONFIG_PATH and PKG_CONFIG_SYSROOT_DIR pointing into the root),
#    links to the installed library and runs;
#  - the installed tool runs;
#  - the installed Python package, loading the installed library through the
#    system loader, records and reads back data.
set -euo pipefail

build=$1 src=$2 prefix=$3 libdir=$4 includedir=$5 bindir=$6 mandir=$7 pysite=$8
abs() { case $1 in /*) echo "$1" ;; *) echo "$prefix/$1" ;; esac; }
libdir=$(abs "$libdir") includedir=$(abs "$includedir") bindir=$(abs "$bindir") mandir=$(abs "$mandir")
pysite=$(abs "$pysite")

root=$(mktemp -d "${TMPDIR:-/tmp}/mtrk-install.XXXXXX")
trap 'rm -rf "$root"' EXIT
fail() { echo "check-install: $*" >&2; exit 1; }

meson install -C "$build" --destdir "$root" --no-rebuild --quiet >"$root.log" 2>&1 ||
    { cat "$root.log" >&2; rm -f "$root.log"; fail "meson install failed"; }
rm -f "$root.log"

# 1. The standard places.
for f in "$includedir/mtrk/mtrk.h" "$includedir/mtrk/common.h" "$includedir/mtrk/store.h" \
         "$libdir/libmtrk.so.1" "$libdir/libmtrk.so" "$libdir/pkgconfig/mtrk.pc" \
         "$bindir/mtrk" "$mandir/man1/mtrk.1" "$mandir/man7/mtrk.7" \
         "$pysite/mtrk/__init__.py" "$pysite/mtrk/_lib.py" "$pysite/mtrk/py.typed"; do
    [ -e "$root$f" ] || fail "not installed: $f"
done
nheaders=$(ls "$root$includedir/mtrk/"*.h | wc -l)
[ "$nheaders" -eq "$(ls "$src/include/mtrk/"*.h | wc -l)" ] || fail "$nheaders headers installed"
echo "check-install: files in place under $prefix"

# 2. A C program built with pkg-config only, against the installed root.
export PKG_CONFIG_PATH="$root$libdir/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$root"
cflags=$(pkg-config --cflags mtrk) || fail "pkg-config --cflags mtrk failed"
libs=$(pkg-config --libs mtrk) || fail "pkg-config --libs mtrk failed"
case " $cflags " in *" -I$root$includedir "*) ;; *) fail "cflags '$cflags' do not name the installed headers" ;; esac
case " $libs " in *" -L$root$libdir "*) ;; *) fail "libs '$libs' do not name the installed library" ;; esac
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -Wall -Wextra -Werror $cflags "$src/examples/lifecycle.c" -o "$root/lifecycle" $libs ||
    fail "examples/lifecycle.c does not build against the installed headers"
export LD_LIBRARY_PATH="$root$libdir"
lib=$(ldd "$root/lifecycle" | awk '/libmtrk\.so/ { print $3 }')
[ "$lib" = "$root$libdir/libmtrk.so.1" ] || fail "lifecycle links $lib, not the installed library"
(cd "$root" && TMPDIR="$root" ./lifecycle "$root/lifecycle.db") >"$root/lifecycle.out" 2>&1 ||
    { cat "$root/lifecycle.out" >&2; fail "the installed lifecycle example failed"; }
echo "check-install: examples/lifecycle.c built with pkg-config and ran"

# 3. The installed tool.
"$root$bindir/mtrk" --version | grep -q "^mtrk " || fail "the installed mtrk --version failed"
MTRK_DB="$root/tool.db" "$root$bindir/mtrk" init >/dev/null || fail "the installed mtrk init failed"

# 4. The installed Python package and library (no source tree on the path).
env -u MTRK_LIBRARY PYTHONPATH="$root$pysite" PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 - "$root" <<'PY' || fail "the installed Python package failed"
import os, sys
root = sys.argv[1]
import mtrk
assert mtrk.__file__.startswith(root), f"mtrk imported from {mtrk.__file__}, not the installed package"
db = mtrk.open()
t = db.create_tenant("acme", "api:install-check")
c = t.add_contact("ana@example.com")
maps = open("/proc/self/maps").read()
libs = {line.split()[-1] for line in maps.splitlines() if "libmtrk.so" in line}
assert libs and all(p.startswith(root) for p in libs), f"libmtrk loaded from {libs}"
assert t.key == "acme"
db.close()
print("check-install: the Python package works from", os.path.dirname(mtrk.__file__))
PY
