#!/bin/sh
# The layout rules every C source and header keeps (STYLE.md; .clang-format sets the same
# limit): lines of at most 100 characters (characters, not bytes: a CJK character is one),
# no trailing blanks, no tab characters, a newline at the end of the file. Prints each
# offending line as FILE:LINE: WHAT and exits 1 when there is one; run by .ci/run.
#
#   sh scripts/check-style.sh [FILE...]     (default: the C of src, include and bench; the
#                                           tests' tables of phrases run longer)
set -u
cd "$(dirname "$0")/.." || exit 2
if [ $# -eq 0 ]; then
    set -- $(find src include bench -name '*.[ch]' | LC_ALL=C sort)
fi
bad=0
for f in "$@"; do
    if [ -s "$f" ] && [ -n "$(tail -c 1 "$f")" ]; then
        echo "$f: no newline at the end"
        bad=1
    fi
done
LC_ALL=C awk '
    {
        line = $0
        n = length(line) - gsub(/[\200-\277]/, "", line)  # UTF-8 continuation bytes
        if (n > 100) { printf "%s:%d: %d characters (at most 100)\n", FILENAME, FNR, n; bad++ }
        if ($0 ~ /[ \t]$/)    { printf "%s:%d: trailing blanks\n", FILENAME, FNR; bad++ }
        if ($0 ~ /\t/)        { printf "%s:%d: a tab character\n", FILENAME, FNR; bad++ }
    }
    END {
        if (bad) { printf "check-style: %d problem(s)\n", bad; exit 1 }
    }' "$@" || bad=1
exit $bad
