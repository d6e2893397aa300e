#!/bin/sh
# RTF reader tests: an RTF version of a document gives the rows of its text.
#
#   sh tests/rtf.sh PATH/TO/fengong
#
# Needs /usr/bin/python3 (no module beyond the standard library).
# 1. Every seed text (tests/fixtures/seeds/*.txt) and every form document (tests/forms/*.txt)
#    is made into three RTF documents by tests/fixtures/make_rtf.py, one for each way of
#    writing one: `word` (GBK \'hh escapes under a charset-134 font, list numbers in
#    {\listtext}, a row's definition before and after its cells, and a header, a footer, a
#    hidden run and a field instruction holding a task with 牵头 that must not be read),
#    `libre` (\uN with \uc2 GBK fallbacks, vertically merged cells) and `raw` (raw GBK bytes,
#    groups around paragraphs and rows). `extract --format tsv` of each must print the rows of
#    the text, and `extract --format tsv --teams` its team rows, doc column left out.
# 2. Lead units marked by type: the bold, red and 黑体 documents of tests/docx.sh written as
#    RTF (make_rtf.py --marks) give the hand-written rows of their Word versions.
# 3. Bad files: cut in half, groups nested 600 deep, \bin data past the end, no Chinese text:
#    `extract` exits 1 naming the file, and `ingest` exits 1 and stores nothing.
# The last line is `SCRIPT.sh: N passed, M failed, K skipped`; the exit status is non-zero when
# anything failed.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"

make_rtf=$src/tests/fixtures/make_rtf.py

fg_timeout 60
[ -x "$py" ] || { echo "$me: $py is required" >&2; exit 2; }

# skipped VARIANT NAME: why this variant of this document is not checked, or nothing.
skipped() {
    fg_office_skip "$2"
}

# ---- 1. seeds and forms, three writers' ways each ----
variants="word libre raw"
mkdir -p "$tmp/txt"
cp "$src"/tests/fixtures/seeds/*.txt "$src"/tests/forms/*.txt "$tmp/txt/"
for variant in $variants; do
    mkdir -p "$tmp/$variant"
    $py "$make_rtf" --out-dir "$tmp/$variant" --style "$variant" "$tmp"/txt/*.txt \
        2>"$tmp/$variant.gen" ||
        bad "$variant: make_rtf.py failed" "$(tail -n 3 "$tmp/$variant.gen")"
done
# shellcheck disable=SC2086 # $variants is words on purpose
fg_variants_same rtf make_rtf.py $variants
# Not vacuous: the seeds with assignments and the team forms give rows, and the format is rtf.
for f in 001_f9c4e63d6d2549a0.txt.rows 002_087d1517bea72081.txt.rows one_per_line.txt.teams; do
    if [ "$(wc -l <"$tmp/txt/$f")" -lt 10 ]; then
        bad "$f: fewer than 10 rows from the text"
    fi
done
if "$bin" extract --format json "$tmp/word/one_per_line.rtf" 2>/dev/null |
        grep -q '"format": "rtf"'; then
    ok "word one_per_line.rtf: format rtf"
else
    bad "word one_per_line.rtf: the JSON does not say format rtf"
fi

# ---- 2. lead units marked by bold, red or 黑体 type, as a note declares ----
# tests/fixtures/docx/X.txt (the marks of make_bold_docx.py) written as RTF by make_rtf.py
# --marks must give the hand-written rows of its Word version, tests/fixtures/docx/X.tsv (the
# doc column's .docx read as .rtf).
fg_marks_same rtf "$make_rtf"

# ---- 3. bad files ----
mkdir -p "$tmp/bad"
good=$tmp/word/001_f9c4e63d6d2549a0.rtf
if [ -f "$good" ]; then
    size=$(wc -c <"$good")
    head -c $((size / 2)) "$good" >"$tmp/bad/cut.rtf"
    fg_check_refused "$tmp/bad" cut.rtf "not a readable RTF file: it ends inside a group"
fi
$py -c 'import sys; sys.stdout.write("{\\rtf1\\ansicpg936 " + "{" * 600 + "\\'"'"'d2\\'"'"'bb" + "}" * 601)' \
    >"$tmp/bad/deep.rtf"
fg_check_refused "$tmp/bad" deep.rtf "not a readable RTF file: groups nested deeper than"
printf '{\\rtf1\\ansicpg936 \\'"'"'d2\\'"'"'bb{\\pict\\bin99999 \n}}' >"$tmp/bad/bin.rtf"
fg_check_refused "$tmp/bad" bin.rtf "not a readable RTF file: its binary data .bin. runs past the end"
printf '{\\rtf1\\ansi Hello\\par}' >"$tmp/bad/latin.rtf"
fg_check_refused "$tmp/bad" latin.rtf "the RTF document holds no Chinese text"

fg_end
