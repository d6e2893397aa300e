#!/bin/sh
# Plans without assignments (seeds 000, 003, 004): each must yield at least 20 items and
# at most 2 assignment rows (they have essentially none).
. "$(dirname "$0")/lib.sh"
fg_begin "$@"
for f in 000_9fd8b23e7b57721a.txt 003_4b7c219b31db5c37.txt 004_32703452aac0ffa4.txt; do
    doc=$src/tests/fixtures/seeds/$f
    items=$("$bin" extract --format tsv --items "$doc" | tail -n +2 | wc -l)
    rows=$("$bin" extract --format tsv "$doc" | tail -n +2 | wc -l)
    if [ "$items" -ge 20 ] && [ "$rows" -le 2 ]; then
        echo "ok   $f: $items items, $rows assignments"
        pass=$((pass + 1))
    else
        echo "FAIL $f: $items items (want >= 20), $rows assignments (want <= 2)"
        "$bin" extract --format tsv "$doc" | head -5
        fail=$((fail + 1))
    fi
done
fg_end
