#!/bin/sh
# XLSX reader tests: an Excel version of a document gives what its text gives.
#
#   sh tests/workbook.sh PATH/TO/fengong
#
# Needs /usr/bin/python3 with python3-openpyxl (make test installs it).
# 1. Every seed text (tests/fixtures/seeds/*.txt) and every form document (tests/forms/*.txt)
#    is made into two workbooks by tests/fixtures/make_xlsx.py: `plain` (one row per line, a
#    cell per tab-separated field, inline strings) and `typed` (--merge --numbers --dates
#    --sheets --shared: title rows merged across the table, equal cells merged down, 序号 as
#    numbers, deadlines as date cells, 附件 lines as sheets, text in shared strings). `extract --format json --teams` of each must equal the
#    text's, but for the file name, the format and the line numbers (a workbook has no blank
#    lines): items, clauses, roles, deadlines, targets and teams.
# 2. tests/fixtures/xlsx/make_table_xlsx.py writes a hand-chosen 分工表 (title and section
#    rows merged across, a 牵头单位 merged over two rows, 序号 numbers, date cells in three
#    formats, rich text with a phonetic run, a line break in a cell, a second sheet with a
#    note, a hidden sheet), in the 1900 and the 1904 date systems: its rows must be
#    tests/fixtures/xlsx/table_merged.tsv, written by hand, and its deadlines the dates the
#    cells show.
#    tests/fixtures/xlsx/make_grouped_xlsx.py writes a 分工表 whose header has two rows
#    (责任单位 merged across two columns over 牵头 | 配合) and one whose header is
#    责任单位（主责） | 责任单位（协同）: its rows must be grouped_header.tsv, written by hand.
#    A 名单 sheet with its role cells merged over 2 and 4 rows gives the team rows written by
#    hand for the same table as a web page (tests/fixtures/html/team_table.teams.tsv).
# 3. Bad workbooks (truncated, no xl/workbook.xml, a sheet cut in the middle, a sheet with a
#    DOCTYPE, every text cell replaced by a Latin word): `extract` exits 1 with a message
#    naming the file, and `ingest` exits 1 and stores nothing.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"

fix=$src/tests/fixtures/xlsx

fg_need_python openpyxl python3-openpyxl

# norm: extract's JSON without what differs by format (file name, format, line numbers).
norm() {
    sed -E 's/"doc": "[^"]*"/"doc": X/; s/"format": "[a-z]*"/"format": X/; /"line": /d'
}

# ---- 1. seeds and forms, two variants each ----
fg_make_workbooks
# skipped NAME: why the workbooks of this document cannot give its text's rows, or nothing.
skipped() {
    case $1 in
        table_wrapped_lines)
            echo "a cell wrapped onto the next line of a text table (市人力资源 | 社会保障局) is a row of its own once the lines are made the rows of a real table, which holds the cell whole" ;;
        wrapped_pdf_copy)
            echo "a text hard-wrapped at one width, as copied out of a PDF (市发展和改|革委员会): made a workbook, each line is a row of cells, and a table's cells are never joined as broken lines (only paragraphs of text, Word, RTF and web pages are)" ;;
        table_merged_subrows_wrapped)
            echo "the rest of a wrapped cell under a text table's row (培训， | 覆盖…) is a row of its own once the lines are made the rows of a real table, which the reader joins to the row above with ，: the rows agree, the item's text does not" ;;
    esac
}

n_rows=0
for txt in "$tmp"/txt/*.txt; do
    name=$(basename "$txt" .txt)
    why=$(skipped "$name")
    if [ -n "$why" ]; then
        skip_one "$name.xlsx: $why"
        continue
    fi
    "$bin" extract --format json --teams "$txt" 2>/dev/null | norm >"$txt.json"
    for variant in plain typed; do
        got=$tmp/$variant/$name.xlsx
        if [ ! -f "$got" ]; then
            bad "$variant $name: make_xlsx.py wrote no $name.xlsx"
            continue
        fi
        if ! "$bin" extract --format json --teams "$got" 2>"$got.err" | norm >"$got.json"; then
            bad "$variant $name.xlsx: extract failed" "$(head -n 3 "$got.err")"
            continue
        fi
        if ! cmp -s "$txt.json" "$got.json"; then
            bad "$variant $name.xlsx: differs from the text" \
                "$(diff "$txt.json" "$got.json" | head -n 12)"
            continue
        fi
        n=$(grep -c '"role": ' "$got.json")
        n_rows=$((n_rows + n))
        ok "$variant $name.xlsx ($n roles)"
    done
done
# Not vacuous: the workbooks hold roles, and the typed ones merged, typed and dated cells.
[ "$n_rows" -ge 1000 ] && ok "$n_rows roles read from workbooks" ||
    bad "only $n_rows roles read from the workbooks"
if $py - "$tmp/typed" <<'PY'
import glob, sys, openpyxl
merged = dates = numbers = sheets = 0
for f in glob.glob(sys.argv[1] + "/*.xlsx"):
    wb = openpyxl.load_workbook(f)
    sheets += len(wb.sheetnames) > 1
    for ws in wb:
        merged += len(ws.merged_cells.ranges)
        for row in ws.iter_rows():
            for c in row:
                if type(c).__name__ == "MergedCell":
                    continue
                dates += c.is_date
                numbers += isinstance(c.value, int)
sys.exit(0 if merged >= 20 and dates >= 10 and numbers >= 20 and sheets >= 2 else 1)
PY
then
    ok "typed workbooks hold merged ranges, date and number cells, and several sheets"
else
    bad "typed workbooks: too few merged ranges, dates, numbers or sheets to test them"
fi

# ---- 2. the hand-made 分工表 ----
mkdir -p "$tmp/table"
# a grouped header (责任单位 merged across two columns over 牵头 | 配合) and role notes in
# brackets (责任单位（主责） | 责任单位（协同）)
if ! $py "$fix/make_grouped_xlsx.py" "$tmp/table/grouped_header.xlsx" 2>"$tmp/table/gen"; then
    bad "grouped_header.xlsx: make_grouped_xlsx.py failed" "$(tail -n 3 "$tmp/table/gen")"
else
    (cd "$tmp/table" && "$bin" extract --format tsv grouped_header.xlsx) \
        >"$tmp/table/grouped_header.tsv" 2>"$tmp/table/grouped_header.err"
    if cmp -s "$fix/grouped_header.tsv" "$tmp/table/grouped_header.tsv"; then
        ok "grouped_header.xlsx: the hand-written rows"
    else
        bad "grouped_header.xlsx: rows differ from grouped_header.tsv" \
            "$(diff "$fix/grouped_header.tsv" "$tmp/table/grouped_header.tsv" | head -n 20)"
    fi
fi
for sys in 1900 1904; do
    opt=
    [ "$sys" = 1904 ] && opt=--1904
    f=$tmp/table/$sys/table_merged.xlsx
    mkdir -p "$tmp/table/$sys"
    # shellcheck disable=SC2086
    if ! $py "$fix/make_table_xlsx.py" "$f" $opt 2>"$tmp/table/gen"; then
        bad "table_merged.xlsx ($sys): make_table_xlsx.py failed" "$(tail -n 3 "$tmp/table/gen")"
        continue
    fi
    (cd "$tmp/table/$sys" && "$bin" extract --format tsv table_merged.xlsx) >"$f.tsv" 2>"$f.err"
    if cmp -s "$fix/table_merged.tsv" "$f.tsv"; then
        ok "table_merged.xlsx ($sys): the hand-written rows"
    else
        bad "table_merged.xlsx ($sys): rows differ from table_merged.tsv" \
            "$(diff "$fix/table_merged.tsv" "$f.tsv" | head -n 20)"
    fi
    got=$(fg_format_deadlines "$f")
    want="xlsx 2024-06-30 2024-12-31 2024-09-30 长期坚持 2024-11-30"
    [ "$got" = "$want" ] && ok "table_merged.xlsx ($sys): format and deadlines $got" ||
        bad "table_merged.xlsx ($sys): format and deadlines" "got:  $got" "want: $want"
done

# ---- 2b. a 名单 table with its role cells merged down (the page of html.sh as a sheet) ----
# Its team rows must be those written by hand for tests/fixtures/html/team_table.html.
f=$tmp/table/team_table.xlsx
if $py - "$f" <<'PY' 2>"$tmp/table/team.gen"
import sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
for row in (["关于调整市河湖长制工作领导小组成员的通知"],
            ["因人事变动，经市政府同意，对市河湖长制工作领导小组成员调整如下："],
            ["组　长", "孙　立", "市委副书记、市长"],
            ["副组长", "钱　文", "市政府副市长"], [None, "李　东", "市水利局局长"],
            ["成　员", "赵　安", "市发展改革委副主任"], [None, "周　宁", "市财政局副局长"],
            [None, "吴　桐", "市生态环境局副局长"], [None, "郑　雨", "市农业农村局副局长"],
            ["领导小组办公室设在市水利局，李东同志兼任办公室主任。"]):
    ws.append(row)
ws.merge_cells("A4:A5")
ws.merge_cells("A6:A9")
wb.save(sys.argv[1])
PY
then
    "$bin" extract --format tsv --teams "$f" 2>"$f.err" | cut -f2- >"$f.tsv"
    cut -f2- "$src/tests/fixtures/html/team_table.teams.tsv" >"$f.want"
    if cmp -s "$f.want" "$f.tsv"; then
        ok "team_table.xlsx: role cells merged over 2 and 4 rows give every member"
    else
        bad "team_table.xlsx: team rows differ from team_table.teams.tsv" \
            "$(diff "$f.want" "$f.tsv" | head -n 20)"
    fi
else
    bad "team_table.xlsx: could not write the workbook" "$(tail -n 3 "$tmp/table/team.gen")"
fi

# ---- 3. bad workbooks ----
mkdir -p "$tmp/bad"
good=$tmp/table/1900/table_merged.xlsx
for kind in truncated noworkbook damaged doctype latin; do
    f=$tmp/bad/$kind.xlsx
    if ! $py - "$kind" "$good" "$f" <<'PY' 2>"$tmp/bad/$kind.gen"
import sys, zipfile
kind, good, out = sys.argv[1:]
data = open(good, "rb").read()
if kind == "truncated":
    open(out, "wb").write(data[: len(data) // 2])
    sys.exit()
src = zipfile.ZipFile(good)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for info in src.infolist():
        part = src.read(info.filename)
        if info.filename == "xl/workbook.xml" and kind == "noworkbook":
            continue
        if info.filename == "xl/worksheets/sheet1.xml" and kind == "damaged":
            part = part[: len(part) // 2]
        if info.filename == "xl/worksheets/sheet1.xml" and kind == "doctype":
            part = b'<!DOCTYPE worksheet [<!ENTITY x "y">]>' + part
        if info.filename == "xl/sharedStrings.xml" and kind == "latin":
            part = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    + b"<si><t>Plan</t></si>" * 40 + b"</sst>")
        z.writestr(info, part)
PY
    then
        bad "$kind: could not write the workbook" "$(tail -n 3 "$tmp/bad/$kind.gen")"
        continue
    fi
    fg_check_refused "$tmp/bad" "$kind.xlsx" ""
done

fg_end
