#!/bin/sh
# Analysis benchmark: fengong (igraph) and NetworkX on the same synthetic projection.
# usage: bench/analysis.sh [BUILD_DIR] [bench_analysis options]
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
"$build/bench_analysis" --out "$dir" "$@"
/usr/bin/python3 "$(dirname "$0")/nx_analysis.py" "$dir"
