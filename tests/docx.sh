#!/bin/sh
# DOCX reader tests: a Word version of a document gives the rows of its text.
#
#   sh tests/docx.sh PATH/TO/fengong
#
# Needs /usr/bin/python3 with python3-docx (make test installs it).
# 1. Every seed text (tests/fixtures/seeds/*.txt) and every form document (tests/forms/*.txt)
#    is made into three Word documents by tests/fixtures/make_docx.py: `auto` (the numbers
#    一、（一）1．… as Word's automatic numbering, only in word/numbering.xml, tab-separated
#    lines as Word tables), `tracked` (the same with merged table cells, a tracked
#    deletion/insertion/move, hidden text, fields, content controls and a doubled text box;
#    see the script) and `literal` (numbers kept as text). `extract --format tsv` of each
#    must print the rows of the text, and `extract --format tsv --teams` its team rows, doc
#    column left out.
# 2. tests/fixtures/docx/make_table_docx.py writes a hand-chosen 分工表 (merged 牵头单位
#    cell, numbered title rows, numbered 序号 column, header repeated after a page break, a
#    clause in a footnote); its rows must be tests/fixtures/docx/table_merged.tsv, written by
#    hand. tests/fixtures/docx/make_frame_docx.py writes a 分工表 nested in a one-column
#    framing table (a page border drawn as a table); its rows must be frame_table.tsv.
#    tests/fixtures/docx/make_grouped_docx.py writes a 分工表 whose header has two rows
#    (责任单位 gridSpan 2 over 牵头 | 配合, the other header cells vMerge) and one whose header
#    is 责任单位（主责） | 责任单位（协同）; its rows must be grouped_header.tsv.
#    tests/fixtures/docx/make_bold_docx.py writes bold_leads.txt, bold_undeclared.txt and
#    red_leads.txt with their formatting marks (lead units marked by bold or red type, as a
#    note declares); their rows must be the hand-written .tsv next to them.
# 3. Bad files (tests/fixtures/docx/make_bad_docx.py: truncated in half or after 1000 bytes,
#    ZIP bombs with an honest, a dense and a lying size, an external entity naming a FIFO, no
#    word/document.xml, damaged XML): `extract` exits 1 with "FILE: not a readable Word
#    document: …" on stderr ("FILE: a damaged or truncated ZIP archive …" for the one cut
#    after 1000 bytes), never opens the FIFO, and `ingest` exits 1 and stores nothing.
# The last line is `SCRIPT.sh: N passed, M failed, K skipped`; the exit status is non-zero when anything
# failed.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"

make_docx=$src/tests/fixtures/make_docx.py
fix=$src/tests/fixtures/docx

fg_timeout 60

fg_need_python docx python3-docx

# skipped VARIANT NAME: why this variant of this document is not checked, or nothing.
skipped() {
    fg_office_skip "$2"
}

# ---- 1. seeds and forms, three variants each ----
mkdir -p "$tmp/txt" "$tmp/auto" "$tmp/tracked" "$tmp/literal"
cp "$src"/tests/fixtures/seeds/*.txt "$src"/tests/forms/*.txt "$tmp/txt/"
# one python per variant: python3-docx takes longer to import than a document to write
for variant in auto tracked literal; do
    case $variant in
        auto) opts= ;;
        tracked) opts="--tracked --vmerge" ;;
        literal) opts=--literal ;;
    esac
    # shellcheck disable=SC2086 # $opts is empty or words on purpose
    $py "$make_docx" --out-dir "$tmp/$variant" $opts "$tmp"/txt/*.txt 2>"$tmp/$variant.gen" ||
        bad "$variant: make_docx.py failed" "$(tail -n 3 "$tmp/$variant.gen")"
done
fg_variants_same docx make_docx.py auto tracked literal
# Not vacuous: the seeds with assignments and the team forms give rows.
for f in 001_f9c4e63d6d2549a0.txt.rows 002_087d1517bea72081.txt.rows one_per_line.txt.teams; do
    if [ "$(wc -l <"$tmp/txt/$f")" -lt 10 ]; then
        bad "$f: fewer than 10 rows from the text"
    fi
done

# The automatic numbers must not be in the document's XML: the auto variant of seed 001
# writes 一、 and 1． only through numbering.xml.
if $py - "$tmp/auto/001_f9c4e63d6d2549a0.docx" <<'EOF'
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
sys.exit(0 if "一、" not in text and "1．" not in text and "<w:numId" in xml else 1)
EOF
then
    ok "auto 001: numbers only in numbering.xml"
else
    bad "auto 001: the document text holds literal numbers or no w:numId"
fi

# ---- 2. the hand-made 分工表 ----
mkdir -p "$tmp/table"
# hand_rows NAME: $tmp/table/NAME.docx gives the hand-written rows $fix/NAME.tsv.
hand_rows() {
    # shellcheck disable=SC2086
    (cd "$tmp/table" && $tmo "$bin" extract --format tsv "$1.docx") >"$tmp/table/$1.out" \
        2>"$tmp/table/$1.err"
    if cmp -s "$fix/$1.tsv" "$tmp/table/$1.out"; then
        ok "$1.docx: the hand-written rows"
    else
        bad "$1.docx: rows differ from $1.tsv" \
            "$(diff "$fix/$1.tsv" "$tmp/table/$1.out" | head -n 20)"
    fi
}
for made in table_merged:make_table_docx.py frame_table:make_frame_docx.py \
        grouped_header:make_grouped_docx.py; do
    name=${made%%:*}
    if ! $py "$fix/${made#*:}" "$tmp/table/$name.docx" 2>"$tmp/table/$name.gen"; then
        bad "$name.docx: ${made#*:} failed" "$(tail -n 3 "$tmp/table/$name.gen")"
        continue
    fi
    hand_rows "$name"
done

# Lead marks by formatting: tests/fixtures/docx/make_bold_docx.py writes X.txt with bold, red,
# 黑体 and character-style runs; the rows must be the hand-written X.tsv. bold_leads declares
# after its table that bold marks leads (a name in two bold runs, a bold 、, a cell all bold
# in a row with plain text lead; a bold title, header row, title row, emphasised row, item
# title and label word add no lead); bold_undeclared is the same without the declaration (no
# leads but by its 牵头单位 label); red_leads declares red (bold is no mark there).
for name in bold_leads bold_undeclared red_leads; do
    if ! $py "$fix/make_bold_docx.py" "$fix/$name.txt" "$tmp/table/$name.docx" \
        2>"$tmp/table/$name.gen"; then
        bad "$name.docx: make_bold_docx.py failed" "$(tail -n 3 "$tmp/table/$name.gen")"
        continue
    fi
    hand_rows "$name"
done

# Tables typed cell by cell: tests/fixtures/docx/X.txt made into a Word document by
# make_docx.py (one cell per tab-separated field, empty cells left empty and not merged); the
# rows must be the hand-written X.tsv. title_cells: title rows 一、重点任务 and 二、… typed in the
# 重点任务 column beside a blank 序号 cell, 三、… in the 序号 cell, the other cells empty;
# blank_number: rows whose 序号 cell is blank under a numbered row (a second task phrase with
# units of its own; more 配合单位 alone), read as the numbered row's item: the row has no
# number of its own, so it is no item of its own (one clause: its leads after the row's).
for name in title_cells blank_number; do
    if ! $py "$make_docx" "$fix/$name.txt" "$tmp/table/$name.docx" 2>"$tmp/table/$name.gen"; then
        bad "$name.docx: make_docx.py failed" "$(tail -n 3 "$tmp/table/$name.gen")"
        continue
    fi
    hand_rows "$name"
done

# ---- 3. bad files ----
mkdir -p "$tmp/bad"
good=$tmp/table/table_merged.docx
[ -f "$good" ] || good=$tmp/auto/state_council.docx
mkfifo "$tmp/bad/fifo" || { echo "$me: mkfifo failed" >&2; exit 2; }
for kind in truncated cut bomb dense lying entity nodoc damaged; do
    f=$tmp/bad/$kind.docx
    if ! $py "$fix/make_bad_docx.py" "$kind" "$good" "$f" "$tmp/bad/fifo" 2>"$tmp/bad/$kind.gen"; then
        bad "$kind: make_bad_docx.py failed" "$(tail -n 3 "$tmp/bad/$kind.gen")"
        continue
    fi
    # A reader that opened the FIFO would block until the timeout (exit status 124).
    # cut: so little is left that the sniffer cannot tell a Word document from another ZIP
    want="not a readable Word document: "
    [ "$kind" = cut ] && want="(not a readable Word document: |a damaged or truncated ZIP archive)"
    fg_check_refused "$tmp/bad" "$kind.docx" "$want"
done

fg_end
