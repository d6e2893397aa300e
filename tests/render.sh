#!/bin/sh
# Coordination maps: the seven team SVGs of seed 002 parse as XML and name every deputy and
# member unit of the gold teams.tsv; re-rendering is byte-identical; PNG uses a CJK font that
# fontconfig really has; a hostile team name stays inside the output directory and is
# escaped; agency and network maps render; Chromium (when installed) shows an SVG.
. "$(dirname "$0")/lib.sh"
fg_begin "$@"

db=$tmp/t.db
fg_ingest "$db" "$src/tests/fixtures/seeds/002_087d1517bea72081.txt"
mkdir -p "$tmp/a" "$tmp/b"
"$bin" render team --all --db "$db" -o "$tmp/a" >"$tmp/out" 2>&1 || bad "render team --all: $(cat "$tmp/out")"
n=$(ls "$tmp/a"/*.svg 2>/dev/null | wc -l)
[ "$n" -eq 7 ] && ok "seven team maps written" || bad "$n team maps written, expected 7"

# Every deputy and member of the gold is a node (<title>) of its team's SVG; every SVG is XML.
if $py - "$src/tests/gold/teams.tsv" "$tmp/a" >"$tmp/xml" 2>&1 <<'PY'
import sys, os, xml.etree.ElementTree as ET
gold, d = sys.argv[1], sys.argv[2]
want = {}
for line in open(gold, encoding="utf-8").read().splitlines()[1:]:
    doc, team, role, agency = line.split("\t")
    if role in ("deputy", "member", "office"):
        want.setdefault(team, set()).add(agency)
bad = 0
for team, units in want.items():
    path = os.path.join(d, "team-" + team + ".svg")
    root = ET.parse(path).getroot()
    titles = {t.text for t in root.iter("{http://www.w3.org/2000/svg}title")}
    missing = units - titles
    if missing:
        bad += 1
        print(team, "misses", sorted(missing))
print("checked", len(want), "teams")
sys.exit(1 if bad else 0)
PY
then
    ok "every team SVG parses and names all its deputies and members ($(tail -1 "$tmp/xml"))"
else
    bad "team SVG check: $(cat "$tmp/xml")"
fi

# Again with one process (the first run used one per CPU), into a directory that does not
# exist yet: the same bytes.
"$bin" render team --all --db "$db" -o "$tmp/b/new/dir" -j 1 >/dev/null 2>&1
"$bin" render team --all --db "$db" -o "$tmp/j3" -j 3 >"$tmp/j3.out" 2>&1
same=1
for f in "$tmp/a"/*.svg; do
    cmp -s "$f" "$tmp/b/new/dir/$(basename "$f")" || same=0
    cmp -s "$f" "$tmp/j3/$(basename "$f")" || same=0
done
[ "$same" -eq 1 ] && [ "$(grep -c '^wrote ' "$tmp/j3.out")" -eq 7 ] &&
    ok "re-render is byte-identical with -j 1 and -j 3 (output directory created)" ||
    bad "re-render differs: $(cat "$tmp/j3.out")"

# PNG: rendered, and the CJK font it asks for is one fontconfig has (no fallback, no tofu).
"$bin" render team 内需扩量提效攻坚工作专班 --db "$db" -o "$tmp/a" --format png >/dev/null 2>&1
png=$tmp/a/team-内需扩量提效攻坚工作专班.png
if [ -s "$png" ] && [ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" = "211PNG" ]; then
    ok "PNG written ($(wc -c <"$png") bytes)"
else
    bad "no PNG"
fi
family=$(fc-match -f '%{family}' 'Noto Sans CJK SC' 2>/dev/null)
case "$family" in
    *"Noto Sans CJK"*) ok "fontconfig matches Noto Sans CJK SC ($family)" ;;
    *) bad "fontconfig gives '$family' for Noto Sans CJK SC (install fonts-noto-cjk)" ;;
esac
"$bin" render team 内需扩量提效攻坚工作专班 --db "$db" -o "$tmp/a" --format pdf >/dev/null 2>&1 &&
    [ "$(head -c 4 "$tmp/a/team-内需扩量提效攻坚工作专班.pdf")" = "%PDF" ] && ok "PDF written" || bad "no PDF"
"$bin" render team 内需扩量提效攻坚工作专班 --db "$db" -o "$tmp/a" --format dot >/dev/null 2>&1 &&
    grep -q '内需扩量提效攻坚工作专班' "$tmp/a/team-内需扩量提效攻坚工作专班.dot" && ok "DOT written" || bad "no DOT"

# Agency and network maps.
"$bin" render agency 省应急厅 --db "$db" -o "$tmp/a" >/dev/null 2>&1 &&
    [ -s "$tmp/a/agency-省应急管理厅.svg" ] && ok "agency map (short name resolved)" || bad "agency map"
"$bin" render network --db "$db" -o "$tmp/a" --top 30 >/dev/null 2>&1 &&
    [ -s "$tmp/a/network.svg" ] && ok "network map" || bad "network map"

# The force-directed maps are reproducible too (fixed start seed).
mkdir -p "$tmp/c"
"$bin" render agency 省应急厅 --depth 2 --db "$db" -o "$tmp/a" >/dev/null 2>&1
"$bin" render agency 省应急厅 --depth 2 --db "$db" -o "$tmp/c" >/dev/null 2>&1
"$bin" render network --db "$db" -o "$tmp/c" --top 30 >/dev/null 2>&1
cmp -s "$tmp/a/agency-省应急管理厅.svg" "$tmp/c/agency-省应急管理厅.svg" &&
    cmp -s "$tmp/a/network.svg" "$tmp/c/network.svg" &&
    ok "agency (depth 2) and network maps re-render byte-identically" ||
    bad "agency or network map differs between runs"

# A layout that would run long stops at --timeout with a message that says what to do:
# 1,500 agencies, six to a task, drawn whole with sfdp.
awk 'BEGIN { srand(5); print "测试省人民政府关于印发重点工作分工方案的通知"; print "";
    for (t = 1; t <= 900; t++) {
        line = t ". 推进第" t "项工作。（"
        for (k = 0; k < 6; k++) line = line (k == 0 ? "" : k == 1 ? "牵头，" : "、") "第" int(rand() * 1500) + 1 "号测试局"
        print line "按职责分工负责）"
    } }' >"$tmp/bignet.txt"
"$bin" ingest --db "$tmp/bn.db" "$tmp/bignet.txt" >/dev/null 2>&1
start=$(date +%s)
"$bin" render network --db "$tmp/bn.db" -o "$tmp/bn" --top 0 --timeout 1 >"$tmp/bn.out" 2>&1
rc=$?
took=$(( $(date +%s) - start ))
if [ "$rc" -eq 1 ] && grep -q 'did not finish in 1 s; draw less (render network --top N' "$tmp/bn.out" &&
    [ "$took" -lt 20 ] && [ ! -e "$tmp/bn/network.svg" ]; then
    ok "a long layout stops at --timeout 1 with advice (${took} s incl. loading)"
else
    bad "timeout: rc $rc after $took s: $(cat "$tmp/bn.out")"
fi

# Teams of the same name in two documents get a file each (team-<名称>-<doc>).
mkdir -p "$tmp/dup"
cp "$src/tests/fixtures/seeds/002_087d1517bea72081.txt" "$tmp/dup/a.txt"
sed 's/湘政办发〔2025〕2号/湘政办发〔2025〕3号/' "$tmp/dup/a.txt" >"$tmp/dup/b.txt"
"$bin" ingest --db "$tmp/dup/d.db" "$tmp/dup/a.txt" "$tmp/dup/b.txt" >/dev/null 2>&1
"$bin" render team --all --db "$tmp/dup/d.db" -o "$tmp/dup" >/dev/null 2>&1
n=$(ls "$tmp/dup"/team-*.svg 2>/dev/null | wc -l)
[ "$n" -eq 14 ] && [ -e "$tmp/dup/team-内需扩量提效攻坚工作专班-b.svg" ] &&
    ok "same-named teams of two documents: 14 maps, none overwritten" || bad "$n maps for 14 teams"

# A hostile team name: the file stays in the directory, the SVG stays XML, the name escaped.
printf '%s\n' '一、机制' '成立../../etc/x<&>"工作专班，由省政府副秘书长担任召集人，省财政厅主要负责人任副召集人，成员单位包括省财政厅、省商务厅，专班办公室设在省财政厅。' \
    '二、任务' '1．做好工作。（省财政厅牵头，省商务厅按职责分工负责）' >"$tmp/hostile.txt"
"$bin" ingest --db "$tmp/h.db" "$tmp/hostile.txt" >/dev/null 2>&1
mkdir -p "$tmp/out_dir"
"$bin" render team --all --db "$tmp/h.db" -o "$tmp/out_dir" >"$tmp/h.out" 2>&1
files=$(find "$tmp" -name '*.svg' -newer "$tmp/hostile.txt" ! -path "$tmp/out_dir/*" | wc -l)
inside=$(ls "$tmp/out_dir" | wc -l)
if [ "$inside" -eq 1 ] && [ "$files" -eq 0 ] && ! ls "$tmp/out_dir" | grep -q '/'; then
    f=$tmp/out_dir/$(ls "$tmp/out_dir")
    if $py -c 'import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1])' "$f" 2>/dev/null &&
        grep -q '&lt;&amp;&gt;' "$f"; then
        ok "hostile team name: $(basename "$f") inside the directory, escaped in the SVG"
    else
        bad "hostile team name: SVG not valid or not escaped"
    fi
else
    bad "hostile team name: $inside files inside, $files outside ($(cat "$tmp/h.out"))"
fi

# On a terminal (a pty from script(1)), the "team maps: n/N" progress line on stderr is ended
# or erased before anything else is printed: no "wrote" line starts after the count (it used
# to read "team maps: 1/7wrote …"), with one process and with three.
if command -v script >/dev/null 2>&1; then
    for j in 1 3; do
        script -qec "\"$bin\" render team --all --db \"$db\" -o \"$tmp/tty$j\" -j $j" /dev/null \
            >"$tmp/tty$j.out" 2>&1 </dev/null
        if $py - "$tmp/tty$j.out" >"$tmp/tty$j.why" 2>&1 <<'PY'
import re, sys
s = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
wrote = [m.start() for m in re.finditer("wrote ", s)]
counts = re.findall(r"team maps: (\d+)/(\d+)", s)
bad = [s[max(0, i - 20):i + 6] for i in wrote
       if not (i == 0 or s[i - 1] == "\n" or s.endswith("\r\x1b[K", 0, i))]
# After the last count, only a line end (or an erase) may follow before anything else.
tail = s[s.rfind("team maps:"):] if counts else ""
tail_ok = re.match(r"team maps: \d+/\d+\r?\n", tail) is not None
print(len(wrote), "wrote lines,", len(counts), "counts")
if bad:
    print("a line printed after the progress count:", [repr(b) for b in bad[:3]])
if not tail_ok:
    print("the last count is not ended:", repr(tail[:60]))
sys.exit(0 if len(wrote) == 7 and counts and not bad and tail_ok else 1)
PY
        then
            ok "render team --all -j $j on a terminal: progress line ended before each line ($(head -1 "$tmp/tty$j.why"))"
        else
            bad "render team --all -j $j on a terminal: $(cat "$tmp/tty$j.why")"
        fi
    done
else
    echo "skip script(1) not installed"
fi

# Chromium shows the SVG with visible content (a blank page screenshot is a few KB).
chrome=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$chrome" ]; then
    svg=$tmp/a/team-内需扩量提效攻坚工作专班.svg
    timeout 60 "$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/chrome" --window-size=1200,1000 \
        --screenshot="$tmp/shot.png" "file://$svg" >/dev/null 2>&1
    size=$(wc -c <"$tmp/shot.png" 2>/dev/null || echo 0)
    [ "$size" -gt 30000 ] && ok "Chromium renders the team SVG ($size-byte screenshot)" ||
        bad "Chromium screenshot is $size bytes"
else
    echo "skip Chromium not installed"
fi
fg_end
