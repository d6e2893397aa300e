#!/bin/sh
# kill -9 while maps and the report are being written: the final names only ever hold
# complete files (they are written under a temporary name and renamed), and an existing
# complete file is never replaced by a half-written one.
. "$(dirname "$0")/lib.sh"
fg_begin "$@"
db=$tmp/t.db
fg_ingest_seeds "$db"
mkdir -p "$tmp/out"
complete=1
for delay in 0.05 0.1 0.2 0.3 0.5 0.8; do
    "$bin" report --db "$db" -o "$tmp/out/report.html" >/dev/null 2>&1 &
    pid=$!
    "$bin" render team --all --db "$db" -o "$tmp/out" >/dev/null 2>&1 &
    pid2=$!
    sleep "$delay"
    kill -9 "$pid" "$pid2" 2>/dev/null
    wait "$pid" 2>/dev/null
    wait "$pid2" 2>/dev/null
    if [ -e "$tmp/out/report.html" ] && ! tail -c 16 "$tmp/out/report.html" | grep -q '</html>'; then
        complete=0
        echo "  half-written report.html after kill at $delay s"
    fi
    for f in "$tmp/out"/team-*.svg; do
        [ -e "$f" ] || continue
        if ! tail -c 16 "$f" | grep -q '</svg>'; then
            complete=0
            echo "  half-written $(basename "$f") after kill at $delay s"
        fi
    done
done
[ "$complete" -eq 1 ] && ok "after six kill -9 rounds every report.html and team SVG under its final name is complete" ||
    bad "a half-written file was left under its final name"
"$bin" report --db "$db" -o "$tmp/out/report.html" >/dev/null 2>&1 && tail -c 16 "$tmp/out/report.html" | grep -q '</html>' &&
    ok "a later run replaces it with a complete report" || bad "report after the kills"
fg_end
