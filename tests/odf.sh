#!/bin/sh
# OpenDocument reader tests: an .odt, .fodt or .ods version of a document gives the rows of
# its text.
#
#   sh tests/odf.sh PATH/TO/fengong
#
# Needs /usr/bin/python3 (no module beyond the standard library).
# 1. Every seed text (tests/fixtures/seeds/*.txt) and every form document (tests/forms/*.txt)
#    is made into four OpenDocument files by tests/fixtures/make_odt.py: `libre` (.odt with
#    LibreOffice's automatic numbering, covered cells, and a table of contents, a hidden
#    section, a tracked deletion, an annotation, a hidden text and a header holding a task
#    with 牵头 that must not be read), `plain` (.odt, numbers as text, blanks as text:s, spans),
#    `flat` (libre as one XML file, .fodt) and `sheet` (.ods, a row per line, 附件 lines as
#    sheets, rows padded as LibreOffice pads them). `extract --format tsv` of each must print
#    the rows of the text, and `extract --format tsv --teams` its team rows, doc column left out.
# 2. Files written by LibreOffice 7.4 itself (tests/fixtures/odf/*.odt, saved from the DOCX
#    version of a form: Writer's own lists, tables and styles) give the rows of their form.
# 3. Lead units marked by type: the bold, red and 黑体 documents of tests/docx.sh written as
#    .odt (make_odt.py --marks) give the hand-written rows of their Word versions.
# 4. Bad files: cut in half, no content.xml, a DOCTYPE in content.xml, a presentation, lists
#    nested 60 deep, no Chinese text: `extract` exits 1 naming the file, and `ingest` exits 1
#    and stores nothing.
# The last line is `SCRIPT.sh: N passed, M failed, K skipped`; the exit status is non-zero when
# anything failed.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"

make_odt=$src/tests/fixtures/make_odt.py

fg_timeout 60
[ -x "$py" ] || { echo "$me: $py is required" >&2; exit 2; }

# skipped VARIANT NAME: why this variant of this document is not checked, or nothing.
skipped() {
    case $1:$2 in
        sheet:wrapped_pdf_copy)
            echo "a text hard-wrapped at one width, as copied out of a PDF (市发展和改|革委员会): made a sheet, each line is a row of cells, and a cell is never joined to the next" ;;
        sheet:table_merged_subrows_wrapped)
            echo "the rest of a wrapped cell under a text table's row (培训， | 覆盖…) is a row of" \
                 "its own in a sheet, which the reader joins to the row above with ，: the rows" \
                 "agree with the text's in the workbook test, whose item texts differ" ;;
        *) fg_office_skip "$2" ;;
    esac
}

# ---- 1. seeds and forms, four ways each ----
mkdir -p "$tmp/txt"
cp "$src"/tests/fixtures/seeds/*.txt "$src"/tests/forms/*.txt "$tmp/txt/"
for variant in libre plain flat sheet; do
    mkdir -p "$tmp/$variant"
    $py "$make_odt" --out-dir "$tmp/$variant" --style "$variant" "$tmp"/txt/*.txt \
        2>"$tmp/$variant.gen" ||
        bad "$variant: make_odt.py failed" "$(tail -n 3 "$tmp/$variant.gen")"
done
fg_variants_same odt make_odt.py libre plain
# fg_variants_same extracts the text again for each call: its rows are the same
fg_variants_same fodt make_odt.py flat
fg_variants_same ods make_odt.py sheet
# Not vacuous: the seeds with assignments and the team forms give rows, and the formats say so.
for f in 001_f9c4e63d6d2549a0.txt.rows 002_087d1517bea72081.txt.rows one_per_line.txt.teams; do
    if [ "$(wc -l <"$tmp/txt/$f")" -lt 10 ]; then
        bad "$f: fewer than 10 rows from the text"
    fi
done
for pair in libre/one_per_line.odt:odt flat/one_per_line.fodt:odt sheet/one_per_line.ods:ods; do
    file=${pair%:*}
    if "$bin" extract --format json "$tmp/$file" 2>/dev/null | grep -q "\"format\": \"${pair#*:}\""; then
        ok "$file: format ${pair#*:}"
    else
        bad "$file: the JSON does not say format ${pair#*:}"
    fi
done

# ---- 2. files LibreOffice wrote ----
for odt in "$src"/tests/fixtures/odf/*.odt; do
    name=$(basename "$odt" .odt)
    (cd "$(dirname "$odt")" && "$bin" extract --format tsv "$name.odt") 2>"$tmp/$name.lo.err" |
        cut -f 2- >"$tmp/$name.lo.rows"
    (cd "$(dirname "$odt")" && "$bin" extract --format tsv --teams "$name.odt") 2>/dev/null |
        cut -f 2- >"$tmp/$name.lo.teams"
    form=$src/tests/forms/$name.txt
    [ -f "$form" ] || form=$src/tests/fixtures/seeds/$name.txt
    "$bin" extract --format tsv "$form" 2>/dev/null | cut -f 2- >"$tmp/$name.txt.rows"
    "$bin" extract --format tsv --teams "$form" 2>/dev/null | cut -f 2- >"$tmp/$name.txt.teams"
    if [ ! -s "$tmp/$name.txt.rows" ] && [ ! -s "$tmp/$name.txt.teams" ]; then
        bad "LibreOffice's $name.odt: its text gives no rows to compare"
    elif cmp -s "$tmp/$name.txt.rows" "$tmp/$name.lo.rows" &&
        cmp -s "$tmp/$name.txt.teams" "$tmp/$name.lo.teams"; then
        ok "LibreOffice's $name.odt: the rows of its text ($(wc -l <"$tmp/$name.lo.rows") rows)"
    else
        bad "LibreOffice's $name.odt: rows differ from its text's" \
            "$(diff "$tmp/$name.txt.rows" "$tmp/$name.lo.rows" | head -n 12)" \
            "$(diff "$tmp/$name.txt.teams" "$tmp/$name.lo.teams" | head -n 6)"
    fi
done

# ---- 3. lead units marked by bold, red or 黑体 type, as a note declares ----
fg_marks_same odt "$make_odt"

# ---- 4. bad files ----
mkdir -p "$tmp/bad"
good=$tmp/libre/001_f9c4e63d6d2549a0.odt
if [ -f "$good" ]; then
    size=$(wc -c <"$good")
    head -c $((size / 2)) "$good" >"$tmp/bad/cut.odt"
    fg_check_refused "$tmp/bad" cut.odt "not a readable OpenDocument file: the ZIP archive is damaged or truncated"
fi
$py - "$tmp/bad" <<'PY'
import sys, zipfile
d = sys.argv[1]
ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
def odt(name, parts, mime="application/vnd.oasis.opendocument.text"):
    with zipfile.ZipFile(d + "/" + name, "w") as z:
        z.writestr("mimetype", mime)
        for part, data in parts.items():
            z.writestr(part, data, zipfile.ZIP_DEFLATED)
def body(inner):
    return ('<?xml version="1.0"?><office:document-content %s><office:body><office:text>%s'
            '</office:text></office:body></office:document-content>' % (ns, inner))
odt("nocontent.odt", {"styles.xml": body("")})
odt("doctype.odt", {"content.xml": '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "牵头">]>'
                    + body("<text:p>&e;</text:p>")[len('<?xml version="1.0"?>'):]})
odt("slides.odp", {"content.xml": body("<text:p>一、工作任务</text:p>")},
    "application/vnd.oasis.opendocument.presentation")
odt("deep.odt", {"content.xml": body("<text:list><text:list-item>" * 60 + "<text:p>一</text:p>"
                                     + "</text:list-item></text:list>" * 60)})
odt("latin.odt", {"content.xml": body("<text:p>Hello</text:p>")})
PY
fg_check_refused "$tmp/bad" nocontent.odt "not a readable OpenDocument file: it has no content.xml"
fg_check_refused "$tmp/bad" doctype.odt "not a readable OpenDocument file: content.xml declares a DOCTYPE"
fg_check_refused "$tmp/bad" slides.odp "an OpenDocument presentation or drawing"
fg_check_refused "$tmp/bad" deep.odt "not a readable OpenDocument file: nested more than"
fg_check_refused "$tmp/bad" latin.odt "the OpenDocument document holds no Chinese text"

fg_end
