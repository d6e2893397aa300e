#!/bin/sh
# The PDF reader: PDFs drawn from the project's text documents give the rows of the text.
#
#   sh tests/pdf.sh PATH/TO/fengong
#
# Needs Debian's /usr/bin/python3 with python3-cairo, and qpdf (scripts/install-deps.sh test).
# tests/fixtures/make_pdf.py draws each document as an A4 公文-layout PDF: lines wrapped at
# the page width (joined again by the reader, fg_pdf_wraps() in src/read_pdf_lines.c), a page
# number at the bottom of each page in one of four styles, a running header on the seeds,
# tables (tab-separated lines, or lines of cells separated by runs of blanks) as ruled tables
# with their cells' text wrapped inside the cells.
#   same rows   each seed tests/fixtures/seeds/*.txt and each form tests/forms/*.txt (but
#               those of skipped(), each with its reason) gives, as X.pdf, the rows of X.txt
#               (`extract --format tsv` without the doc column), and the same --teams rows;
#               the same items with the same text (the JSON), but for texts_differ();
#               the forms with tables also with the tables drawn without ruling lines,
#               and with the cells' text in the middle or at the bottom of their rows
#               (ruled and unruled, a browser's padding and glyph boxes);
#   分工表      tests/fixtures/pdf/fengong_table.txt drawn as a PDF (a title row 一、… inside
#               the table, a 序号 column, a 牵头单位 merged over two task rows, an empty
#               配合单位 cell, the table going on over a page with its header repeated; again
#               without the header repeated; again with the merged cell's text drawn in the
#               middle of its block, across the rows' boundary; again with every cell's
#               text in the middle of its row, at its bottom, with a browser's 3-point
#               padding and 2.6 em glyph boxes; again as a spreadsheet prints it, the
#               序号 against its cell's right edge, a blank's width from the task's text;
#               again with the header's words centred in their cells, the 序号 of the rows
#               left of 序号, repeated on page 2 or not; again with a task's row broken over
#               two pages, as Word breaks a row allowed to break across pages: the rest of
#               its cells at the top of the next page, under the header drawn again or not,
#               the page number and running header between; again without ruling lines, the
#               header's words at the left or centred: the merged 牵头单位 is a blank cell
#               there, carried down, and the empty 配合单位 stays empty)
#               gives the hand-written tests/fixtures/pdf/fengong_table.tsv;
#   centred     tests/fixtures/pdf/centred_header.txt drawn with its header words centred in
#               their columns and the cells' text left-aligned (a short cell lies left of its
#               header's word), with empty 牵头单位, 配合单位 and 完成时限 cells, its cells at
#               the top, in the middle, and in the middle with a browser's padding and glyph
#               boxes, gives the hand-written tests/fixtures/pdf/centred_header.tsv;
#   grouped     tests/fixtures/pdf/grouped_header.txt, a header of two rows (责任单位 spanning
#               牵头单位 | 配合单位, or the role words 牵头 | 配合 alone; the other header
#               cells merged down), its words at the left of their cells or centred (the
#               group's word across its two columns' boundary), its cells at the top or in
#               the middle, also with a browser's 3-point padding and glyph boxes (序号 and
#               重点任务 then less than 0.8 em apart, between the group's two lines), gives
#               the hand-written tests/fixtures/pdf/grouped_header.tsv;
#   bad files   an encrypted PDF, a PDF with no text, a damaged PDF and a PDF with text but no
#               Chinese each fail with a message naming the file, exit status 1, and
#               `ingest` stores nothing.
# The last line is `SCRIPT.sh: N passed, M failed, K skipped`.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"

make_pdf=$src/tests/fixtures/make_pdf.py
make_bad=$src/tests/fixtures/make_bad_pdf.py



fg_need_python cairo python3-cairo

# skipped NAME: why the PDF of this form cannot give the rows of its text, or nothing.
skipped() {
    case $1 in
        matrix_plain_sections)
            echo "section lines without tabs between the rows of a tab-separated matrix are drawn" \
                 "as text between separate small tables, and the first one's header (seven narrow" \
                 "columns, each name wrapped over two lines: 县市场监管|局) is not rebuilt as a" \
                 "header row; in a real 分工表 the section rows are rows of its one table (as in" \
                 "table_section_rows, which is read)" ;;
        table_header_breaks)
            echo "header cells spaced out inside (序  号, 牵 头 单 位, 序　号) are drawn as words with" \
                 "gaps, which the column finder of a PDF without cell boundaries reads as columns" \
                 "(the tables broken by a line break inside a cell, 序，号, are read)" ;;
        blank_table_unit_lists | table_wrapped_lines)
            echo "a text table aligned with blanks whose rows are wider than the page: drawn as a" \
                 "PDF each row wraps at the page width, and the table builder joins a cell's lines" \
                 "without the blank the break fell on (资产运营部|各子公司 gives 资产运营部各子公司)" ;;
        team_roster_post_pairs)
            echo "two persons a line, post first, wider than the page: a line filled to the edge" \
                 "by a U+3000 that is not drawn (市商务局副局长　|袁　野) ends an em short of the" \
                 "edge, which is no line broken by the width, and the name alone on the next" \
                 "line ends the roster" ;;
        team_roster_posts)
            echo "a roster line indented with a tab runs into the line above it, as the tab is not" \
                 "drawn (李某　市发展改革委主任 and 孙某某　市财政局局长 become one line)" ;;
    esac
}

# The items of the JSON on stdin (path, text, number of clauses), as one digest line (the
# titles are left out: a title is cut where the page width breaks its line).
items_py='
import hashlib, json, sys
d = json.load(sys.stdin)["documents"][0]
k = [(i["path"], i["text"], len(i["clauses"])) for i in d["items"]]
print(len(k), hashlib.sha256(json.dumps(k, ensure_ascii=False).encode()).hexdigest())
'

# texts_differ NAME: why the items' text of this PDF is not the text's, or nothing (the rows
# are checked all the same).
texts_differ() {
    case $1 in
        002_*) echo "a blank between words at the end of a line is not drawn (第一批 12)" ;;
        004_*) echo "its table of contents and indicator tables become columns of text" ;;
        blank_table) echo "a cell's text keeps the blank the text's table cell loses" ;;
        other_fields) echo "a U+3000 at the end of a line is not drawn" ;;
        team_member_duties_table) echo "a line of two cells is drawn as text, its tab a gap: U+3000" ;;
        card_rows) echo "a card's label and value keep what separates them: a tab in the text," \
                        "blanks in the PDF (督办事项<TAB>… and 督办事项　　…)" ;;
        labels_blank_values) echo "two labels on a line apart by a tab or three U+0020: a gap in" \
                                  "the PDF, read as U+3000 (or nothing at the line's end)" ;;
        long_body) echo "its body is one line in the text, split by the PDF into lines that are" \
                        "joined again as paragraphs: an item before a run-in marker keeps the two" \
                        "U+3000 before it (工程建设审批　　)" ;;
        bracket_spaced_role_words) echo "a role word spread by a U+3000 (负　责) is read back" \
                                        "from the PDF without the blank (its rows are the same)" ;;
        table_merged_subrows_wrapped) echo "the rest of a wrapped task cell on the row under it" \
                                           "(培训， | 覆盖…) is part of one table cell in the PDF," \
                                           "joined with ， as in a workbook (its rows are the same)" ;;
    esac
}

# same NAME TXT [make_pdf options]: TXT and its PDF give the same rows (and teams).
same() {
    name=$1
    txt=$2
    fg_drawn_rows pdf "$make_pdf" "$@" || return
    if [ "$items" = yes ]; then
        # the items too, with their whole text (from the JSON): a page number or a running
        # header left in the text, or a wrapped line not joined again, would show there
        for f in "$txt" "$dir/$name.pdf"; do
            "$bin" extract --format json "$f" 2>/dev/null | "$py" -c "$items_py"
        done >"$dir/$name.items" 2>&1
        if [ "$(sort -u "$dir/$name.items" | wc -l)" -ne 1 ]; then
            echo "items differ:" >>"$dir/$name.got_t"
            cat "$dir/$name.items" >>"$dir/$name.got_t"
        fi
    fi
    fg_rows_verdict "$dir" "$name" "$name.pdf" "$items_said"
}

# -- same rows: the seeds (with a running header) and the forms (page-number styles in turn)
for txt in "$src"/tests/fixtures/seeds/*.txt; do
    [ -e "$txt" ] || continue
    name=$(basename "$txt" .txt)
    items=yes
    items_said=" and items"
    [ -n "$(texts_differ "$name")" ] && items=no items_said=
    same "$name" "$txt" --header "湖南省人民政府文件"
done

# same_form NAME TXT I STYLE (fg_each_doc): the form as a PDF with page numbers in STYLE.
same_form() {
    items=yes
    items_said=" and items"
    [ -n "$(texts_differ "$1")" ] && items=no items_said=
    same "$1" "$2" --page-number "$4"
}
fg_each_doc pdf skipped same_form "$src"/tests/forms/*.txt
items=no
items_said=

# -- the forms with tables again, drawn without ruling lines: the columns of text alone; and
# with the cells' text in the middle or at the bottom of their rows, as government tables
# are printed: ruled with a browser's padding (the text of two full cells less than an em
# apart), ruled with a browser's glyph boxes (2.6 em tall), and unruled with both
for form in blank_table delimited_table table_header_notes table_headers_open; do
    # (same() sets name)
    same "${form}_unruled" "$src/tests/forms/$form.txt" --no-rules
    same "${form}_middle" "$src/tests/forms/$form.txt" --valign middle --pad 3
    same "${form}_bottom_tall" "$src/tests/forms/$form.txt" --valign bottom --tall-boxes
    same "${form}_unruled_middle_tall" "$src/tests/forms/$form.txt" --no-rules --valign middle \
        --tall-boxes
done

# -- forms with tables printed as a spreadsheet prints them, cells padded by 2 points: a cell
# filled to its column's edge is a quarter em or so from the next one's text (道路保洁 | 区城管局,
# 区教育局 | 2025年12月), ruled and without ruling lines; and section rows (一 | 压缩办理时限,
# 一、… spanning the table) between the rows of a table without ruling lines, the rows packed
# as tightly
for form in table_short_tasks table_section_rows table_sections_open table_title_rows \
    table_header_notes; do
    same "${form}_pad2" "$src/tests/forms/$form.txt" --pad 2
    same "${form}_unruled_pad2" "$src/tests/forms/$form.txt" --no-rules --pad 2
    same "${form}_unruled_pad2_numbers_right" "$src/tests/forms/$form.txt" --no-rules --pad 2 \
        --numbers-right
done

# -- the hand-checked tables below, each drawn in a few variants

# variant_dir KIND VARIANT: $dir becomes the folder $tmp/KIND-VARIANT (the variant's words
# joined by -), made.
variant_dir() {
    dir=$tmp/$1-$(echo "$2" | tr -c 'a-z0-9\n' '-')
    mkdir -p "$dir"
}

# hand_pdf NAME TXT VARIANT [make_pdf options]: TXT drawn as $dir/NAME.pdf with the options
# (VARIANT says how, in messages) gives the hand-written $hand/NAME.tsv, exit status 0, and
# the hand-written $hand/NAME.teams.tsv (`extract --teams`) when there is one.
hand_pdf() {
    _name=$1
    _txt=$2
    _variant=$3
    shift 3
    if ! "$py" "$make_pdf" "$_txt" "$dir/$_name.pdf" "$@" 2>"$dir/mk"; then
        bad "$_name.pdf ($_variant): make_pdf.py failed"
        return
    fi
    hand_check "$_name" "$_variant" "$hand/$_name.tsv"
    [ -f "$hand/$_name.teams.tsv" ] || return
    hand_check "$_name" "$_variant" "$hand/$_name.teams.tsv" --teams
}

# hand_check NAME VARIANT EXPECTED [extract options]: the rows of $dir/NAME.pdf are the
# hand-checked EXPECTED.
hand_check() {
    _n=$1
    _v=$2
    _exp=$3
    shift 3
    (cd "$dir" && "$bin" extract --format tsv "$@" "$_n.pdf") >"$dir/out" 2>"$dir/err"
    rc=$?
    if [ "$rc" -eq 0 ] && cmp -s "$_exp" "$dir/out"; then
        ok "$_n.pdf ($_v) gives $(basename "$_exp")"
    else
        bad "$_n.pdf ($_v) $* (exit status $rc)"
        sed 's/^/    /' "$dir/err" | head -5
        diff -u "$_exp" "$dir/out"
    fi
}

# -- the hand-checked 分工表
hand=$src/tests/fixtures/pdf
for variant in "header repeated on page 2" "header not repeated on page 2" \
        "merged text in the middle of its block" "cells in the middle of their rows" \
        "cells at the bottom of their rows, header not repeated" \
        "cells in the middle, a browser's padding and glyph boxes" \
        "cells at the top, a browser's glyph boxes" \
        "a spreadsheet's print: numbers against their cells' right edge" \
        "header words centred, cells at the left" \
        "header words centred, not repeated on page 2, cells in the middle" \
        "task 5 broken over pages 2 and 3, the header repeated" \
        "task 3 broken over pages 1 and 2 after 2 lines, the header repeated" \
        "task 3 broken over pages 1 and 2, not repeated, words centred, cells in the middle" \
        "no ruling lines" "no ruling lines, header words centred"; do
    variant_dir hand "$variant"
    opt=
    case $variant in
        "no ruling lines, header words centred") opt="--no-rules --center-header" ;;
        "no ruling lines") opt=--no-rules ;;
        "task 5 broken"*) opt="--split-row 7" ;;
        "task 3 broken"*"after 2 lines"*) opt="--split-row 4 --split-after 2" ;;
        "task 3 broken"*) opt="--split-row 4 --no-repeat-header --center-header --valign middle" ;;
        *"centred, not repeated"*) opt="--center-header --no-repeat-header --valign middle" ;;
        *centred*) opt=--center-header ;;
        *spreadsheet*) opt="--numbers-right --pad 2" ;;
        *"cells in the middle, a browser"*) opt="--valign middle --pad 3 --tall-boxes" ;;
        *"cells at the top, a browser"*) opt=--tall-boxes ;;
        *"cells in the middle"*) opt="--valign middle" ;;
        *"cells at the bottom"*) opt="--valign bottom --no-repeat-header" ;;
        *"not repeated"*) opt=--no-repeat-header ;;
        *middle*) opt=--merged-middle ;;
    esac
    # shellcheck disable=SC2086 # $opt is a few words without blanks in them
    hand_pdf fengong_table "$hand/fengong_table.txt" "$variant" \
        --header "某市人民政府办公室文件" --rows-per-page 6 $opt
done

# -- the hand-checked 分工表 with centred headers: each header word centred in its column, the
# cells' text left-aligned, so that a short cell (市商务局 under 配合单位, 市公安局 under 牵头单位)
# lies left of its header word, in the gap between two headers' words; empty 牵头单位,
# 配合单位 and 完成时限 cells
for variant in "cells at the top" "cells in the middle" \
        "cells in the middle, a browser's padding and glyph boxes"; do
    variant_dir centred "$variant"
    opt=
    case $variant in
        *"a browser"*) opt="--valign middle --pad 3 --tall-boxes" ;;
        *middle*) opt="--valign middle" ;;
    esac
    # shellcheck disable=SC2086 # $opt is a few words without blanks in them
    hand_pdf centred_header "$hand/centred_header.txt" "$variant" --center-header $opt
done

# -- the hand-checked 分工表 with a grouped header: 责任单位 spanning two columns over 牵头单位 |
# 配合单位 (again over the role words alone, 牵头 | 配合), 序号, 重点任务 and 完成时限 merged down
# over both header rows; the header's words at the left of their cells, and centred (the
# group's word then lies across its two columns' boundary); empty 牵头单位 and 配合单位 cells
for variant in "words at the left" "words centred" "role words alone, at the left" \
        "role words alone, centred" "words at the left, cells in the middle" \
        "words centred, cells in the middle" \
        "cells in the middle, a browser's padding and glyph boxes"; do
    variant_dir grouped "$variant"
    opt=
    case $variant in
        *"glyph boxes") opt="--valign middle --pad 3 --tall-boxes" ;;
        *centred) opt=--center-header ;;
        *"centred, cells in the middle") opt="--center-header --valign middle" ;;
        *"cells in the middle") opt="--valign middle" ;;
    esac
    case $variant in
        "role words"*) sed 's/\t牵头单位\t配合单位\t/\t牵头\t配合\t/' "$hand/grouped_header.txt" ;;
        *) cat "$hand/grouped_header.txt" ;;
    esac >"$dir/grouped_header.txt"
    # shellcheck disable=SC2086 # $opt is a few words without blanks in them
    hand_pdf grouped_header "$dir/grouped_header.txt" "$variant" $opt
done

# -- the hand-checked 分工表 with a grouped header (责任单位 over 主责单位 | 协同单位) and section
# rows (一、…) right under it, as a word processor prints it: with the cells' text in the middle
# of their rows no line of the header has 3 segments (序/号 and 重点任务 in the middle of the
# two rows, 责任单位 over the others; at the bottom, 责任单位 is a line above the others; with a
# browser's padding 序号 and 重点任务 are less than 0.8 em apart, a soft segment, and still two
# columns), and over pages both header rows are drawn again
for variant in "cells at the top" "cells in the middle" \
        "cells in the middle, words centred, a browser's padding" \
        "cells in the middle, a browser's padding and glyph boxes" \
        "merged text in the middle of its block" "over pages, the header repeated" \
        "over pages, the header repeated, cells in the middle" \
        "over pages, the header repeated, cells at the bottom"; do
    variant_dir sections "$variant"
    opt=
    case $variant in
        *"glyph boxes") opt="--valign middle --pad 3 --tall-boxes" ;;
        *"repeated, cells in the middle") opt="--rows-per-page 6 --valign middle" ;;
        *"repeated, cells at the bottom") opt="--rows-per-page 6 --valign bottom" ;;
        *repeated) opt="--rows-per-page 6" ;;
        *"a browser's padding") opt="--valign middle --center-header --pad 3" ;;
        *"merged text"*) opt=--merged-middle ;;
        *"cells in the middle") opt="--valign middle" ;;
    esac
    # shellcheck disable=SC2086 # $opt is a few words without blanks in them
    hand_pdf grouped_sections "$hand/grouped_sections.txt" "$variant" $opt
done

# -- the hand-checked member lists written on one long line each, which the page width wraps
# inside names (…、网络 | 信息中心, …、资产 | 管理处, …、网 | 络信息中心, …、市财 | 政局 in the
# PDF's text): the names read whole, as in the text with such wraps
# (tests/forms/team_list_wraps.txt); 实验室与设备管理处 is one name
hand=$src/tests/fixtures/pdf
variant_dir wraps "lists wrapped by the page width"
hand_pdf list_wraps "$hand/list_wraps.txt" "lists wrapped by the page width"

# -- bad files
dir=$tmp/bad
mkdir -p "$dir"
good=$tmp/same/002_087d1517bea72081.pdf
if [ ! -f "$good" ]; then
    "$py" "$make_pdf" "$src/tests/forms/state_council.txt" "$dir/good.pdf" 2>/dev/null
    good=$dir/good.pdf
fi
if command -v qpdf >/dev/null 2>&1; then
    qpdf --encrypt user owner 256 -- "$good" "$dir/encrypted.pdf" 2>"$dir/qpdf.err" ||
        bad "qpdf --encrypt failed: $(head -1 "$dir/qpdf.err")"
else
    bad "qpdf is not installed (make test installs it)"
fi
"$py" "$make_bad" notext "$dir/notext.pdf" || bad "make_bad_pdf.py notext failed"
"$py" "$make_bad" damaged "$good" "$dir/damaged.pdf" || bad "make_bad_pdf.py damaged failed"
"$py" "$make_bad" latin "$dir/latin.pdf" || bad "make_bad_pdf.py latin failed"

# refused NAME WORDS: extract and ingest of NAME.pdf fail with a message naming the file
# that contains WORDS, exit status 1, and nothing is stored.
refused() {
    f=$1.pdf
    words=$2
    [ -f "$dir/$f" ] || return
    (cd "$dir" && "$bin" extract --format tsv "$f") >"$dir/$1.out" 2>"$dir/$1.err"
    rc=$?
    if [ "$rc" -ne 1 ]; then
        bad "extract $f: exit status $rc, not 1"
    elif ! grep -q "^fengong: $f: .*$words" "$dir/$1.err"; then
        bad "extract $f: no message naming the file with '$words':"
        sed 's/^/    /' "$dir/$1.err"
    else
        ok "extract $f: $(sed 's/^fengong: //' "$dir/$1.err" | head -1)"
    fi
    # poppler must not print its own complaints
    if [ "$(wc -l <"$dir/$1.err")" -gt 1 ]; then
        bad "extract $f: more on standard error than the message:"
        sed 's/^/    /' "$dir/$1.err" | head -5
    fi
    db=$dir/$1.db
    rm -f "$db"
    "$bin" ingest --db "$db" "$src/tests/forms/state_council.txt" >/dev/null 2>&1
    (cd "$dir" && "$bin" ingest --db "$db" "$f") >/dev/null 2>"$dir/$1.ierr"
    rc=$?
    docs=$("$bin" documents --db "$db" --format tsv 2>/dev/null | cut -f1 | tail -n +2 | tr '\n' ' ')
    if [ "$rc" -eq 1 ] && [ "$docs" = "state_council.txt " ] && grep -q "$f" "$dir/$1.ierr"; then
        ok "ingest $f: exit status 1, nothing stored"
    else
        bad "ingest $f: exit status $rc, documents: $docs"
        sed 's/^/    /' "$dir/$1.ierr" | head -3
    fi
}

refused encrypted "an encrypted PDF"
refused notext "a PDF without a text layer (a scan?); run OCR first"
refused damaged "not a readable PDF"
refused latin "holds no Chinese text"

fg_end
