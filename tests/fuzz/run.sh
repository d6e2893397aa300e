#!/bin/sh
# Run the libFuzzer targets built by `make fuzz` (tests/fuzz/CMakeLists.txt).
#
#   sh tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]     TARGET: decode parse gazetteer clause docx xlsx xls pdf html rtf odf
#
# Each target runs for SECONDS on its own, one process (-jobs is left at 1 on purpose: two
# targets at a time is what a 2-core machine holds; run two invocations for that). New
# inputs go to BUILD_DIR/corpus/TARGET (not committed), seeded by tests/fuzz/corpus/TARGET
# and by BUILD_DIR/seeds/TARGET where the build made seeds from the source tree;
# crashes, leaks, timeouts and out-of-memory inputs are written to
# tests/fuzz/regressions/TARGET/, which `make test` replays. The log of each run is
# BUILD_DIR/logs/TARGET.log. A target that finds something stops there and the next one
# starts; the exit status is non-zero when any target found something. FUZZ_FLAGS in the
# environment adds libFuzzer options (e.g. -len_control=0 to try long inputs at once).
set -u
me=run.sh
build=${1:-}
secs=${2:-600}
if [ -z "$build" ] || [ $# -lt 2 ]; then
    echo "usage: sh tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]" >&2
    exit 2
fi
shift 2
targets=${*:-decode parse gazetteer clause docx xlsx xls pdf html rtf odf}
src=$(cd "$(dirname "$0")" && pwd)
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
mkdir -p "$build/logs" || exit 2

found=0
for t in $targets; do
    bin=$build/fuzz_$t
    if [ ! -x "$bin" ]; then
        echo "$me: $bin: not built (make fuzz builds it)" >&2
        exit 2
    fi
    mkdir -p "$build/corpus/$t" "$src/regressions/$t" || exit 2
    log=$build/logs/$t.log
    seeds=
    [ -d "$build/seeds/$t" ] && seeds=$build/seeds/$t
    echo "fuzz_$t: ${secs}s, log in $log"
    # -timeout: a 64 KB input that takes 30 s under ASan is a bug (every stage is meant to
    # be linear); -rss_limit_mb likewise for memory.
    # The caches third-party libraries keep until exit (fontconfig's, which poppler fills
    # when a PDF names a font it does not embed) are not leaks: tests/lsan.supp, as in
    # `make test`, unless LSAN_OPTIONS is set.
    # shellcheck disable=SC2086 # FUZZ_FLAGS holds several options
    LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/../lsan.supp:print_suppressions=0} \
    "$bin" -max_len=65536 -max_total_time="$secs" -timeout=30 -rss_limit_mb=2048 \
        -dict="$src/fengong.dict" -print_final_stats=1 ${FUZZ_FLAGS:-} \
        -artifact_prefix="$src/regressions/$t/" \
        "$build/corpus/$t" "$src/corpus/$t" ${seeds:+"$seeds"} >"$log" 2>&1
    rc=$?
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "  $last"
    echo "  executions: ${execs:-?}, exec/s: ${speed:-?}, working corpus: $(find "$build/corpus/$t" -type f | wc -l) files"
    if [ "$rc" -ne 0 ]; then
        found=1
        echo "  FOUND SOMETHING (exit $rc):"
        grep -E 'ERROR: |SUMMARY: |invariant broken|Test unit written to' "$log" | head -n 8 |
            sed 's/^/    /'
    fi
done
[ "$found" -eq 0 ]
