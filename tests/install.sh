#!/bin/sh
# make install: `cmake --install BUILD_DIR --prefix DIR` puts a working fengong in DIR/bin,
# the headers in DIR/include/fengong and the curated data in DIR/share/fengong.
#
#   sh tests/install.sh BUILD_DIR
set -u
me=install.sh
build=${1:-}
if [ -z "$build" ] || [ ! -d "$build" ]; then
    echo "usage: sh tests/install.sh BUILD_DIR" >&2
    exit 2
fi
. "$(dirname "$0")/lib.sh"
fg_setup

if cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/log" 2>&1; then
    ok "cmake --install into a fresh prefix"
else
    bad "cmake --install: $(tail -3 "$tmp/log")"
fi
if [ -x "$tmp/prefix/bin/fengong" ] &&
    "$tmp/prefix/bin/fengong" extract --format tsv "$src/tests/forms/sentences.txt" >"$tmp/rows" 2>"$tmp/err" &&
    [ "$(wc -l <"$tmp/rows")" -gt 1 ]; then
    ok "the installed fengong runs from the prefix (extract gives rows)"
else
    bad "installed fengong: $(cat "$tmp/err")"
fi
for f in include/fengong/fengong.h include/fengong/text.h share/fengong/agencies.tsv share/fengong/roles.tsv; do
    if [ -f "$tmp/prefix/$f" ]; then ok "$f installed"; else bad "$f missing"; fi
done
fg_end
