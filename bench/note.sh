#!/bin/sh
# usage: bench/note.sh FILE COMMAND [ARGS...]
# Runs COMMAND, shows its output as it comes, and writes "$ COMMAND" and the output to FILE
# (for bench/scale.sh's NOTES). The exit status is COMMAND's.
set -u
out=$1
shift
echo "\$ $*" | tee "$out"
{ "$@"; echo $? >"$out.status"; } 2>&1 | tee -a "$out"
st=$(cat "$out.status")
rm -f "$out.status"
exit "$st"
