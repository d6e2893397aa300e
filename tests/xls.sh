#!/bin/sh
# Old binary Excel (.xls) reader tests: a workbook saved as .xls gives what its XLSX gives.
#
#   sh tests/xls.sh PATH/TO/fengong
#
# Needs /usr/bin/python3 with python3-openpyxl (make test installs it).
# 1. Every seed text and form document is made into workbooks by tests/fixtures/make_xlsx.py
#    (`plain` and `typed`, as tests/workbook.sh makes them), and each workbook is saved as .xls
#    by tests/fixtures/make_xls.py in the way Excel writes it (shared strings, Number, Blank,
#    MergeCells), and a second way: plain ones with RK/MulRk numbers and records cut into
#    40-byte pieces (strings run over CONTINUE records, their characters cut), typed ones with
#    text as formula results and 100-byte pieces. `extract --format json --teams` of each .xls
#    must equal its XLSX's, but for the file name and the format.
# 2. tests/fixtures/xlsx/make_table_xlsx.py's 分工表 (merged cells, date cells in three
#    formats, a hidden sheet), in the 1900 and 1904 date systems, saved as .xls: its rows must
#    be tests/fixtures/xlsx/table_merged.tsv, written by hand, its deadlines the dates shown,
#    and its format "xls".
# 3. Bad .xls files (an Excel 5/95 Book stream, a BIFF5 BOF, encrypted, a sheet past the end,
#    sheets that do not end, truncated): `extract` exits 1 with a message naming the file, and
#    `ingest` exits 1 and stores nothing. A shared string table that counts more strings than
#    it holds keeps those it holds: the rows are the good workbook's.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"

make_xls=$src/tests/fixtures/make_xls.py
fix=$src/tests/fixtures/xlsx

fg_need_python openpyxl python3-openpyxl

norm() {
    sed -E 's/"doc": "[^"]*"/"doc": X/; s/"format": "[a-z]*"/"format": X/'
}

# ---- 1. seeds and forms ----
fg_make_workbooks
for variant in plain typed; do
    $py "$make_xls" --out-dir "$tmp/$variant.xls" "$tmp/$variant"/*.xlsx 2>>"$tmp/$variant.gen" ||
        bad "$variant: make_xls.py failed" "$(tail -n 3 "$tmp/$variant.gen")"
    opts="--rk --max-record 40"
    [ "$variant" = typed ] && opts="--formula --max-record 100"
    # shellcheck disable=SC2086
    $py "$make_xls" --out-dir "$tmp/$variant.cut" $opts "$tmp/$variant"/*.xlsx \
        2>>"$tmp/$variant.gen" || bad "$variant: make_xls.py $opts failed" \
        "$(tail -n 3 "$tmp/$variant.gen")"
done
n_rows=0
n_same=0
for txt in "$tmp"/txt/*.txt; do
    name=$(basename "$txt" .txt)
    for variant in plain typed; do
        want=$tmp/$variant/$name.xlsx
        [ -f "$want" ] || continue
        "$bin" extract --format json --teams "$want" 2>/dev/null | norm >"$want.json"
        for way in xls cut; do
            got=$tmp/$variant.$way/$name.xls
            if [ ! -f "$got" ]; then
                bad "$variant $name: make_xls.py wrote no $variant.$way/$name.xls"
                continue
            fi
            "$bin" extract --format json --teams "$got" 2>"$got.err" | norm >"$got.json"
            if ! cmp -s "$want.json" "$got.json"; then
                bad "$variant.$way $name.xls: differs from its XLSX" \
                    "$(diff "$want.json" "$got.json" | head -n 12)" "$(head -n 3 "$got.err")"
                continue
            fi
            n_same=$((n_same + 1))
            n_rows=$((n_rows + $(grep -c '"role": ' "$got.json")))
        done
    done
done
# one line for the hundreds of equal documents; each difference above is a line of its own
[ "$n_same" -ge 400 ] && ok "$n_same .xls workbooks read as their XLSX" ||
    bad "only $n_same .xls workbooks read as their XLSX"
[ "$n_rows" -ge 2000 ] && ok "$n_rows roles read from .xls workbooks" ||
    bad "only $n_rows roles read from the .xls workbooks"

# ---- 2. the hand-made 分工表 ----
for sys in 1900 1904; do
    opt=
    [ "$sys" = 1904 ] && opt=--1904
    d=$tmp/table/$sys
    mkdir -p "$d"
    # shellcheck disable=SC2086
    if ! $py "$fix/make_table_xlsx.py" "$d/table_merged.xlsx" $opt 2>"$d/gen" ||
        ! $py "$make_xls" "$d/table_merged.xlsx" "$d/table_merged.xls" 2>>"$d/gen"; then
        bad "table_merged.xls ($sys): could not write it" "$(tail -n 3 "$d/gen")"
        continue
    fi
    (cd "$d" && "$bin" extract --format tsv table_merged.xls) 2>"$d/err" |
        sed 's/^table_merged\.xls/table_merged.xlsx/' >"$d/got.tsv"
    if cmp -s "$fix/table_merged.tsv" "$d/got.tsv"; then
        ok "table_merged.xls ($sys): the hand-written rows"
    else
        bad "table_merged.xls ($sys): rows differ from table_merged.tsv" \
            "$(diff "$fix/table_merged.tsv" "$d/got.tsv" | head -n 20)" "$(head -n 3 "$d/err")"
    fi
    got=$(fg_format_deadlines "$d/table_merged.xls")
    want="xls 2024-06-30 2024-12-31 2024-09-30 长期坚持 2024-11-30"
    [ "$got" = "$want" ] && ok "table_merged.xls ($sys): format and deadlines $got" ||
        bad "table_merged.xls ($sys): format and deadlines" "got:  $got" "want: $want"
done

# ---- 3. bad workbooks ----
mkdir -p "$tmp/bad"
good=$tmp/table/1900/table_merged.xlsx
for kind in book biff5 filepass offset cut; do
    if ! $py "$make_xls" --damage "$kind" "$good" "$tmp/bad/$kind.xls" 2>"$tmp/bad/$kind.gen"
    then
        bad "$kind.xls: could not write it" "$(tail -n 3 "$tmp/bad/$kind.gen")"
        continue
    fi
    fg_check_refused "$tmp/bad" "$kind.xls" ""
done
head -c 3000 "$tmp/table/1900/table_merged.xls" >"$tmp/bad/truncated.xls"
fg_check_refused "$tmp/bad" truncated.xls "a damaged OLE2"
if $py "$make_xls" --damage sst "$good" "$tmp/bad/sst.xls" 2>"$tmp/bad/sst.gen"; then
    (cd "$tmp/bad" && "$bin" extract --format tsv sst.xls) 2>"$tmp/bad/sst.err" |
        sed 's/^sst\.xls/table_merged.xlsx/' >"$tmp/bad/sst.tsv"
    cmp -s "$fix/table_merged.tsv" "$tmp/bad/sst.tsv" &&
        ok "sst.xls: a string table that counts too many strings keeps those it holds" ||
        bad "sst.xls: rows differ from table_merged.tsv" \
            "$(diff "$fix/table_merged.tsv" "$tmp/bad/sst.tsv" | head -n 10)"
else
    bad "sst.xls: could not write it" "$(tail -n 3 "$tmp/bad/sst.gen")"
fi

fg_end
