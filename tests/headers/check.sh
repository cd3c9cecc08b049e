#!/bin/sh
# Compiles one public header on its own, pedantically, as C11 or C++11.
# A header that needs another one included first, leaks a non-standard
# construct, or lacks an include guard fails here.
#
# Usage: check.sh c|c++ INCLUDE_DIR HEADER COMPILER [COMPILER ARGS...]
#   e.g. check.sh c include mtrk/db.h cc
set -eu

lang=$1 incdir=$2 header=$3
shift 3
if [ "$#" -eq 0 ]; then
    echo "check.sh: no compiler given" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mtrk-header.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

case $lang in
    c)   src=$tmp/check.c
         flags="-x c -std=c11 -pedantic-errors -Wall -Wextra -Werror" ;;
    c++) src=$tmp/check.cpp
         flags="-x c++ -std=c++11 -pedantic-errors -Wall -Wextra -Werror" ;;
    *)   echo "check.sh: unknown language $lang" >&2; exit 2 ;;
esac

# Included first and twice (the guard must hold); the function proves the
# header leaves the translation unit usable.
cat > "$src" <<SRC
#include <$header>
#include <$header>
int mtrk_header_check(void);
int mtrk_header_check(void) { return 0; }
SRC

echo "checking <$header> as $lang: $* $flags -I$incdir"
# shellcheck disable=SC2086
"$@" $flags -I"$incdir" -fsyntax-only "$src"
echo "ok"
