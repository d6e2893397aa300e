#!/bin/sh
# HTML tests: a document saved as a government web page gives the rows of its text.
#
#   sh tests/html.sh PATH/TO/fengong
#
# 1. For the 5 seed texts and every form of tests/forms, tests/fixtures/make_html.py writes
#    the text as a web page (site header, menu, breadcrumbs, side column, footer, scripts…)
#    in two ways: UTF-8 laid out with divs, and GB2312 (GB18030 bytes, gb2312 meta) laid out
#    with tables and rowspans for repeated cells. `fengong extract --format tsv` of each page
#    (and `--teams` where the form has a .teams.tsv, and for seed 002) must print the rows of
#    the text, the doc column aside. Seeds 001 and 002 must give rows at all.
# 2. Encodings: a UTF-8 page without meta, with a BOM and no meta, and a GB2312 page without
#    meta give the rows of the text (tests/forms/labelled_lines.txt, seed 001).
# 3. tests/fixtures/html/division_table.html, a hand-written 分工表 page (a rowspan 牵头单位
#    over two tasks, colspan title rows, a 序号 column), gives the hand-written rows of
#    tests/fixtures/html/division_table.tsv exactly; team_table.html, a 名单 table whose role
#    cells span 2 and 4 rows (rowspan), gives the team rows of team_table.teams.tsv;
#    ordered_list.html, items as <ol><li> (numbered by a browser: from 1, from start="3", from
#    an item's value="7"; a list whose style hides the numbers keeps the text's own 1．, a <ul>
#    none), gives ordered_list.tsv, the items numbered as the browser draws them.
#    category_table.html, a 分解表 whose 类别 column before 序号 spans the tasks of its
#    category (rowspan), gives one item per 序号 (category_table.tsv). grouped_header.html, a
#    header of two rows (责任单位 spanning 牵头 | 配合: colspan, the other header cells
#    rowspan) and a header 责任单位（主责） | 责任单位（协同）, gives grouped_header.tsv.
#    bold_leads.html, bold_undeclared.html (bold_leads.html without its note, made here) and
#    red_leads.html: lead units marked by bold or red type, as a note in the page declares (or
#    not), give their hand-checked .tsv rows; so does bold_classes.html, its bold given by
#    CSS classes of its style sheet.
# 4. Bad pages: one without Chinese text fails (exit 1, a message naming the file) and
#    `ingest` stores nothing of it; a DOCTYPE SYSTEM, an external entity, an iframe and an
#    image pointing to a local file with a clause in it never bring the file's text in;
#    100,000 nested elements, closed and unclosed, end without a crash and give their clause.
# The pages are generated in a temp dir. The last line is `SCRIPT.sh: N passed, M failed`; the exit
# status is non-zero when anything failed.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"
fg_need_tools python3

gen=$src/tests/fixtures/make_html.py

cd "$tmp" || exit 2

fg_timeout 120

# Pages that cannot give the rows of their text (skipped NAME VARIANT succeeds for them),
# each with the reason.
skipped() {
    case "$1 $2" in
        # A roster line indented with tabs (<TAB><TAB>钱某某<TAB>市政府副市长) is written by
        # make_html.py as a one-row table of header cells: read as a table, not as the next
        # line of the list above it.
        "team_roster_posts "*) return 0 ;;
        # A cell wrapped onto the next line of a text table (市人力资源 | 社会保障局) is a row
        # of its own once the lines are made the rows of a real table, which holds it whole.
        "table_wrapped_lines "*) return 0 ;;
        # Section lines without tabs between a matrix's rows (二、食品安全) split it into
        # separate tables, the first the header alone: a one-row table is read as layout, a
        # cell a line, so the matrix's unit columns are lost (a real page's section rows are
        # rows of its one table, as table_section_rows has them, which is read).
        "matrix_plain_sections "*) return 0 ;;
        *) return 1 ;;
    esac
}

# rows OUT ERR RC FILE [options]: run extract on FILE, rows without the doc column in OUT.
rows() {
    out=$1
    err=$2
    rcf=$3
    shift 3
    # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
    $tmo "$bin" extract --format tsv "$@" >"$out.full" 2>"$err"
    echo $? >"$rcf"
    cut -f2- "$out.full" >"$out"
}

# same LABEL TXT HTML [options]: the page's rows are the text's (outputs in TXT/HTML + the
# options + .out).
same() {
    label=$1
    txt=$2
    page=$3
    shift 3
    t=$txt$*
    p=$page$*
    rows "$t.out" "$t.err" "$t.rc" "$@" "$txt"
    rows "$p.out" "$p.err" "$p.rc" "$@" "$page"
    if [ "$(cat "$t.rc")" -ne 0 ]; then
        bad "$label: the text failed" "$(head -c 300 "$t.err")"
    elif [ "$(cat "$p.rc")" -ne 0 ]; then
        bad "$label: exit status $(cat "$p.rc")" "$(head -c 300 "$p.err")"
    elif ! cmp -s "$t.out" "$p.out"; then
        bad "$label: rows differ from the text's (first 20 diff lines below)"
        diff -u "$t.out" "$p.out" | sed "s|$tmp/||" | head -n 20
    else
        ok "$label"
    fi
}

# page IN OUT [make_html options]
page() {
    if ! python3 "$gen" "$@"; then
        echo "$me: $gen $* failed" >&2
        exit 2
    fi
}

# ---- 1. seeds and forms ----
mkdir utf8 gb || exit 2
# All pages from one python (its start-up is most of the time of a page).
if ! python3 - "$src/tests/fixtures" "$src"/tests/fixtures/seeds/*.txt "$src"/tests/forms/*.txt <<'EOF'
import os, shutil, sys
sys.path.insert(0, sys.argv[1])
import make_html
for txt in sys.argv[2:]:
    name = os.path.basename(txt)[:-4]
    for v in ("utf8", "gb"):
        shutil.copy(txt, "%s/%s.txt" % (v, name))
    make_html.write(txt, "utf8/%s.html" % name)
    make_html.write(txt, "gb/%s.html" % name, "gb2312", True, "table")
EOF
then
    echo "$me: $gen failed" >&2
    exit 2
fi
# One run of extract over all the texts and one over all the pages of a variant (a run per
# file takes minutes under the sanitizers); then the rows are compared document by document.
# batch DIR TAG [options]: DIR/TAG.txt.tsv and DIR/TAG.html.tsv, the doc column's .html made
# .txt; a failed run fails the whole variant.
batch() {
    dir=$1
    tag=$2
    shift 2
    for ext in txt html; do
        (
            cd "$dir" || exit 2
            # shellcheck disable=SC2086,SC2046
            $tmo "$bin" extract --format tsv "$@" $(cat "$tag.list" | sed "s/\.txt\$/.$ext/") \
                >"$tag.$ext.full" 2>"$tag.$ext.err"
        )
        rc=$?
        if [ "$rc" -ne 0 ]; then
            bad "$dir $tag: extract of the .$ext files: exit status $rc" \
                "$(head -c 300 "$dir/$tag.$ext.err")"
            return 1
        fi
        sed 's/^\([^	]*\)\.html	/\1.txt	/' "$dir/$tag.$ext.full" >"$dir/$tag.$ext.tsv"
    done
    while read -r f; do
        grep "^$f	" "$dir/$tag.txt.tsv" >"$dir/$f.$tag.t"
        grep "^$f	" "$dir/$tag.html.tsv" >"$dir/$f.$tag.h"
        label="${f%.txt} $dir"
        [ "$tag" = teams ] && label="$label (teams)"
        if skipped "${f%.txt}" "$dir"; then
            continue
        elif cmp -s "$dir/$f.$tag.t" "$dir/$f.$tag.h"; then
            ok "$label"
        else
            bad "$label: rows differ from the text's (first 20 diff lines below)"
            diff -u "$dir/$f.$tag.t" "$dir/$f.$tag.h" | head -n 20
        fi
    done <"$dir/$tag.list"
}

for v in utf8 gb; do
    (cd "$v" && ls -- *.txt) >"$v/rows.list"
    : >"$v/teams.list"
    for txt in "$src"/tests/fixtures/seeds/002_*.txt "$src"/tests/forms/*.txt; do
        case $txt in
            */seeds/*) basename "$txt" >>"$v/teams.list" ;;
            *) [ -f "${txt%.txt}.teams.tsv" ] && basename "$txt" >>"$v/teams.list" ;;
        esac
    done
    batch "$v" rows
    batch "$v" teams --teams
done
for s in 001 002; do
    for v in utf8 gb; do
        n=$(cat "$v"/"$s"_*.txt.rows.h | wc -l)
        if [ "$n" -gt 100 ]; then
            ok "seed $s $v gives rows ($n)"
        else
            bad "seed $s $v gives $n rows, expected its assignments"
        fi
    done
done

# ---- 2. encodings ----
mkdir enc || exit 2
for txt in "$src/tests/forms/labelled_lines.txt" "$src"/tests/fixtures/seeds/001_*.txt; do
    name=$(basename "$txt" .txt)
    cp "$txt" "enc/$name.txt" || exit 2
    page "$txt" "enc/$name.u.html"
    page "$txt" "enc/$name.g.html" --encoding gb2312
    grep -v '<meta charset=' "enc/$name.u.html" >"enc/$name.nometa.html"
    { printf '\357\273\277' && cat "enc/$name.nometa.html"; } >"enc/$name.bom.html"
    grep -av 'charset=gb2312' "enc/$name.g.html" >"enc/$name.gbnometa.html"
    if cmp -s "enc/$name.nometa.html" "enc/$name.u.html" ||
        cmp -s "enc/$name.gbnometa.html" "enc/$name.g.html" ||
        ! grep -q 'charset=gb2312' "enc/$name.g.html"; then
        echo "$me: the meta lines of the pages are not where this test expects them" >&2
        exit 2
    fi
    for v in nometa bom gbnometa; do
        same "$name $v" "enc/$name.txt" "enc/$name.$v.html"
    done
done

# ---- 3. hand-written pages: a 分工表, and a 名单 table with its role cells merged down ----
# fixture NAME OUT [options]: extract's output of NAME (options before the file) must be OUT.
fixture() {
    name=$1
    want=$2
    shift 2
    cp "${page_dir:-$src/tests/fixtures/html}/$name" . || exit 2
    # shellcheck disable=SC2086
    $tmo "$bin" extract --format tsv "$@" "$name" >"$name.out" 2>"$name.err"
    rc=$?
    if [ "$rc" -eq 0 ] && cmp -s "$src/tests/fixtures/html/$want" "$name.out"; then
        ok "$name $*"
    else
        bad "$name $*: exit status $rc, rows differ from $want" "$(head -c 300 "$name.err")"
        diff -u "$src/tests/fixtures/html/$want" "$name.out" | head -n 20
    fi
}
fixture division_table.html division_table.tsv
fixture team_table.html team_table.teams.tsv --teams
fixture ordered_list.html ordered_list.tsv
fixture category_table.html category_table.tsv
fixture grouped_header.html grouped_header.tsv
# Lead marks by formatting: bold_leads.html declares after its table that bold marks leads
# (<strong>, <b>, font-weight, a 黑体 face, a name in two <b>, a cell all bold in a row with
# plain text; a th header row, a bold title and title row, a row all bold and a label word
# add no lead); bold_undeclared.html is the same page without the declaration (made here);
# red_leads.html declares red (<font color>, CSS color, not background-color).
fixture bold_leads.html bold_leads.tsv
# bold_undeclared.html: bold_leads.html with its note's line left out.
mkdir -p "$tmp/undeclared"
grep -v '（注：加粗的为牵头单位）' "$src/tests/fixtures/html/bold_leads.html" \
    >"$tmp/undeclared/bold_undeclared.html"
page_dir=$tmp/undeclared
fixture bold_undeclared.html bold_undeclared.tsv
page_dir=
fixture red_leads.html red_leads.tsv
# bold_classes.html declares bold and gives it through CSS classes of its <style> (a Word
# export's, in <!-- -->, with comments, @font-face and an @media block that turns .b off for
# print, which does not count): .b and span.lead on a <span>, a class among others, a selector
# list, a cell all bold by its class; a class that turns bold off inside a bold one and on a
# <b>; a paragraph class and a header cell class all bold add no lead.
fixture bold_classes.html bold_classes.tsv

# ---- 4. bad pages ----
mkdir bad || exit 2
cd bad || exit 2
printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Notice</title></head>\n<body><div id="content"><p>Hello, world.</p><p>No Chinese here&nbsp;at all.</p></div></body></html>\n' >nochinese.html
# shellcheck disable=SC2086
$tmo "$bin" extract --format tsv nochinese.html >out 2>err
rc=$?
if [ "$rc" -eq 1 ] && grep -q '^fengong: nochinese.html: a web page without Chinese text' err; then
    ok "nochinese.html: refused"
else
    bad "nochinese.html: exit status $rc (expected 1 with the message)" "$(head -c 300 err)"
fi
cp "$src/tests/forms/delimited_table.txt" good.txt || exit 2
# shellcheck disable=SC2086
$tmo "$bin" ingest --db x.db good.txt >/dev/null 2>err || bad "ingest good.txt failed" "$(head -c 300 err)"
# shellcheck disable=SC2086
$tmo "$bin" ingest --db x.db nochinese.html >out 2>err
rc=$?
# shellcheck disable=SC2086
$tmo "$bin" documents --db x.db --format tsv >docs 2>err2
if [ "$rc" -eq 1 ] && grep -q 'nochinese.html: a web page without Chinese text' err &&
    [ "$(wc -l <docs)" -eq 2 ] && grep -q '^good.txt' docs && ! grep -q nochinese docs; then
    ok "nochinese.html: ingest stores nothing"
else
    bad "nochinese.html: ingest exit status $rc, documents:" "$(cat docs err err2)"
fi

# A page that points at a local file with a clause in it, every way HTML can.
secret=$tmp/bad/secret.txt
printf '一、机密任务\n（一）保密。（市机密局牵头，市保密局配合）\n' >"$secret"
cat >external.html <<EOF
<!DOCTYPE html SYSTEM "file://$secret" [
<!ENTITY xxe SYSTEM "file://$secret">
]>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="file://$secret">
<script src="file://$secret"></script></head>
<body><div id="zoom">
<p>一、总体要求</p>
<p>（一）加强组织领导。（市政府办公室牵头，市发展改革委配合）&xxe;</p>
<iframe src="file://$secret"></iframe><img src="file://$secret" alt="">
<object data="file://$secret"></object>
</div></body></html>
EOF
# shellcheck disable=SC2086
$tmo "$bin" extract --format tsv external.html >out 2>err
rc=$?
if [ "$rc" -eq 0 ] && grep -q '市政府办公室' out && ! grep -q '市机密局\|市保密局' out; then
    ok "external.html: nothing fetched"
else
    bad "external.html: exit status $rc" "$(cat out)" "$(head -c 300 err)"
fi

# Deep nesting, closed and unclosed.
python3 - <<'EOF' || exit 2
n = 100000
clause = "<p>一、重点任务</p><p>（一）推进项目建设。（市发展改革委牵头，市财政局配合）</p>"
head = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
with open("deep.html", "w", encoding="utf-8") as f:
    f.write(head + "<div>" * n + clause + "</div>" * n + "</body></html>")
with open("unclosed.html", "w", encoding="utf-8") as f:
    f.write(head + "<div><span><b>" * (n // 3) + clause + "</table></td>" * 1000 + "</body></html>")
with open("tables.html", "w", encoding="utf-8") as f:
    f.write(head + "<table><tr><td>" * (n // 3) + clause + "</td></tr></table>" * (n // 3) + "</body></html>")
EOF
for f in deep.html unclosed.html tables.html; do
    # shellcheck disable=SC2086
    $tmo "$bin" extract --format tsv "$f" >out 2>err
    rc=$?
    if [ "$rc" -eq 0 ] && grep -q 'M:1.1	1	lead	市发展改革委' out; then
        ok "$f: read"
    else
        bad "$f: exit status $rc" "$(head -c 300 err)"
    fi
done

fg_end
