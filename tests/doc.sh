#!/bin/sh
# Old binary Word reader tests: a .doc gives the rows of the document it was saved from.
#
#   sh tests/doc.sh PATH/TO/fengong
#
# The .doc files in tests/fixtures/doc/ were saved by LibreOffice from the DOCX fixtures
# (tests/fixtures/make_doc.sh says how; this test needs no LibreOffice), but
# table_empty_cells.stylenum.doc: table_empty_cells.auto.doc whose 一、 headings name their
# list only through their style Heading 1, as Word writes them (make_style_num_doc.py).
# 1. NAME.VARIANT.doc (a form or seed text through make_docx.py): `extract --format tsv` must
#    print the rows of tests/forms/NAME.txt (or tests/fixtures/seeds/NAME.txt), and
#    `--teams` its team rows, doc column left out; the summary's format column says doc.
# 2. table_merged.doc and frame_table.doc: the hand-written rows of their DOCX versions
#    (tests/fixtures/docx/*.tsv), doc column left out; table_merged.doc copied to a .wps
#    name the same.
# 3. Bad files: truncated in half, the OLE2 magic followed by random bytes, an OLE2 file with
#    no WordDocument stream (its name changed), a WordDocument whose piece table points past its
#    stream, an encrypted and a fast-saved one (flags set in the FIB): `extract` exits 1 with
#    a message naming the file, `ingest` stores nothing. 200 copies of a .doc with random
#    bytes changed (seeded) must each exit 0 or 1, never crash.
# The last line is `SCRIPT.sh: N passed, M failed, K skipped`; the exit status is non-zero
# when anything failed.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"

fix=$src/tests/fixtures/doc
fg_timeout 60

# rows FILE [OPTS]: the rows of FILE, doc column and header left out
rows() {
    _f=$1
    shift
    # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
    $tmo "$bin" extract --format tsv "$@" -- "$_f" 2>>"$tmp/err" | tail -n +2 | cut -f 2-
}

# ---- 1. forms and seeds ----
n=0
for doc in "$fix"/*.*.doc; do
    base=$(basename "$doc" .doc)
    name=${base%.*}
    txt=$src/tests/forms/$name.txt
    [ -f "$txt" ] || txt=$src/tests/fixtures/seeds/$name.txt
    if [ ! -f "$txt" ]; then
        bad "$base.doc: no source text $name.txt"
        continue
    fi
    n=$((n + 1))
    rows "$txt" >"$tmp/$base.want"
    rows "$doc" >"$tmp/$base.got"
    rows "$txt" --teams >"$tmp/$base.twant"
    rows "$doc" --teams >"$tmp/$base.tgot"
    if [ ! -s "$tmp/$base.want" ] && [ ! -s "$tmp/$base.twant" ]; then
        bad "$base.doc: its text $name.txt gives no rows (a vacuous check)"
    elif ! cmp -s "$tmp/$base.want" "$tmp/$base.got"; then
        bad "$base.doc: rows differ from $name.txt's" \
            "$(diff "$tmp/$base.want" "$tmp/$base.got" | head -n 12)"
    elif ! cmp -s "$tmp/$base.twant" "$tmp/$base.tgot"; then
        bad "$base.doc: --teams rows differ from $name.txt's" \
            "$(diff "$tmp/$base.twant" "$tmp/$base.tgot" | head -n 12)"
    else
        ok "$base.doc ($(wc -l <"$tmp/$base.got") rows, $(wc -l <"$tmp/$base.tgot") team rows)"
    fi
done
[ "$n" -ge 4 ] || bad "only $n form documents in $fix"
fmt=$("$bin" extract --summary --format tsv -- "$fix/table_merged.doc" 2>&1 | tail -n 1 |
    awk -F '\t' '{ print $(NF - 1) }')
if [ "$fmt" = doc ]; then
    ok "summary: format doc"
else
    bad "summary: format is '$fmt', not doc"
fi

# ---- 2. the hand-written tables ----
for name in table_merged frame_table; do
    tail -n +2 "$src/tests/fixtures/docx/$name.tsv" | cut -f 2- >"$tmp/$name.want"
    rows "$fix/$name.doc" >"$tmp/$name.got"
    if [ ! -s "$tmp/$name.want" ]; then
        bad "$name.tsv: no rows"
    elif cmp -s "$tmp/$name.want" "$tmp/$name.got"; then
        ok "$name.doc: the hand-written rows of $name.tsv"
    else
        bad "$name.doc: rows differ from $name.tsv" \
            "$(diff "$tmp/$name.want" "$tmp/$name.got" | head -n 20)"
    fi
done

# A WPS file saved as Word 97-2003 (.wps with a WordDocument stream) is told by its bytes.
cp "$fix/table_merged.doc" "$tmp/table_merged.wps"
rows "$tmp/table_merged.wps" >"$tmp/wps.got"
if [ -s "$tmp/wps.got" ] && cmp -s "$tmp/table_merged.want" "$tmp/wps.got"; then
    ok "table_merged.wps: the rows of table_merged.doc"
else
    bad "table_merged.wps: rows differ from table_merged.tsv" \
        "$(diff "$tmp/table_merged.want" "$tmp/wps.got" | head -n 5)"
fi

# ---- 3. bad files ----
mkdir -p "$tmp/bad"
good=$fix/table_merged.doc
size=$(wc -c <"$good")
head -c $((size / 2)) "$good" >"$tmp/bad/half.doc"
if ! $py - "$good" "$tmp/bad" <<'PY'
import random, struct, sys
good, out = sys.argv[1], sys.argv[2]
data = bytearray(open(good, "rb").read())
rnd = random.Random(30)
open(out + "/random.doc", "wb").write(
    bytes(data[:8]) + bytes(rnd.randrange(256) for _ in range(8192)))
# the FIB: the WordDocument stream starts on a sector with wIdent 0xA5EC and nFib >= 0xC1
fib = next(i for i in range(512, len(data), 512)
           if data[i:i + 2] == b"\xec\xa5" and struct.unpack_from("<H", data, i + 2)[0] >= 0xC1)
def variant(name, edit):
    d = bytearray(data)
    edit(d)
    open(out + "/" + name, "wb").write(d)
# fibRgFcLcb: after FibBase (32), csw, fibRgW, cslw, fibRgLw, cbRgFcLcb; fcClx is pair 33
csw = struct.unpack_from("<H", data, fib + 32)[0]
at = fib + 34 + 2 * csw
cslw = struct.unpack_from("<H", data, at)[0]
at += 2 + 4 * cslw + 2
# an OLE2 file without a WordDocument stream (as an .et or .xls): the stream renamed
name = "WordDocument".encode("utf-16-le")
variant("nodoc.et", lambda d: d.__setitem__(slice(d.index(name), d.index(name) + 2),
                                            "X".encode("utf-16-le")))
variant("clx.doc", lambda d: struct.pack_into("<I", d, at + 8 * 33, 0x7FFFFFF0))
variant("encrypted.doc", lambda d: struct.pack_into("<H", d, fib + 10,
                                                  struct.unpack_from("<H", d, fib + 10)[0] | 0x100))
variant("fastsaved.doc", lambda d: struct.pack_into("<H", d, fib + 10,
                                                  struct.unpack_from("<H", d, fib + 10)[0] | 0x4))
for k in range(200):
    d = bytearray(data)
    for _ in range(1 + k % 20):
        d[rnd.randrange(512, len(d))] = rnd.randrange(256)
    open("%s/fuzz%03d.doc" % (out, k), "wb").write(d)
PY
then
    bad "the bad files could not be made"
fi
fg_check_refused "$tmp/bad" half.doc "(not a readable Word document|a damaged OLE2)"
fg_check_refused "$tmp/bad" random.doc "(not a readable Word document|a damaged OLE2)"
fg_check_refused "$tmp/bad" nodoc.et "an old binary Office file that is not a Word document"
fg_check_refused "$tmp/bad" clx.doc "not a readable Word document: its piece table is outside"
fg_check_refused "$tmp/bad" encrypted.doc "an encrypted Word document"
fg_check_refused "$tmp/bad" fastsaved.doc "a fast-saved Word document"
crashed=0
for f in "$tmp"/bad/fuzz*.doc; do
    # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
    $tmo "$bin" extract --format tsv -- "$f" >/dev/null 2>"$tmp/bad/fuzz.err"
    rc=$?
    if [ "$rc" -gt 1 ]; then
        crashed=$((crashed + 1))
        [ "$crashed" -le 3 ] && bad "$(basename "$f"): exit $rc" "$(tail -n 5 "$tmp/bad/fuzz.err")"
    fi
done
[ "$crashed" -eq 0 ] && ok "200 damaged copies of table_merged.doc: each read or refused"

fg_end
