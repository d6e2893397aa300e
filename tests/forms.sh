#!/bin/sh
# Form tests: hand-written documents, one per clause form, with their expected rows.
#
#   sh tests/forms.sh PATH/TO/fengong
#
# For every tests/forms/X.txt, runs `fengong extract --format tsv X.txt` from inside
# tests/forms (so the doc column is the basename) and compares stdout byte for byte with
# tests/forms/X.tsv; where tests/forms/X.teams.tsv exists, it also compares the output of
# `fengong extract --format tsv --teams X.txt` with it. On a difference it prints a unified
# diff and the counts of matched, missing (expected but not printed) and extra (printed but
# not expected) rows. When there is a tests/forms/X.stderr, the standard error of the rows'
# run must be that file byte for byte (the notes line of a document with statements the
# parser did not understand).
# The last line is `SCRIPT.sh: N passed, M failed`; the exit status is non-zero when anything failed.
# The expected files were written by hand from tests/gold/NOTES.md and the conventions in
# tests/forms/README.md; never regenerate them from the parser's output.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"

forms=$src/tests/forms
fg_need_dir "$forms"

fg_timeout 120

# rows FILE: the data rows of a TSV (header dropped), sorted for comm.
rows() {
    sed 1d "$1" | LC_ALL=C sort
}

found=0

# check LABEL EXPECTED STDERR [extract options]: run `fengong extract --format tsv OPTIONS
# $txt`, compare stdout with EXPECTED (and stderr with STDERR unless it is empty) and print
# ok or FAIL with the diff and the row counts.
check() {
    label=$1
    exp=$2
    exp_err=$3
    shift 3
    out=$tmp/${exp%.tsv}.out
    err=$tmp/${exp%.tsv}.err
    # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
    $tmo "$bin" extract --format tsv "$@" "$txt" >"$out" 2>"$err"
    rc=$?
    err_ok=1
    if [ -n "$exp_err" ] && ! cmp -s "$exp_err" "$err"; then
        err_ok=0
    fi
    if [ "$rc" -eq 0 ] && [ "$err_ok" -eq 1 ] && cmp -s "$exp" "$out"; then
        echo "ok   $label"
        pass=$((pass + 1))
        return
    fi
    echo "FAIL $label"
    if [ "$err_ok" -eq 0 ]; then
        echo "  stderr differs from $exp_err:"
        diff -u "$exp_err" "$err" | sed "s|$tmp/||; s/^/    /"
    fi
    case $rc in
        0) ;;
        124) echo "  timed out" ;;
        *) if [ "$rc" -gt 128 ]; then
               echo "  exit status $rc (killed by signal $((rc - 128)))"
           else
               echo "  exit status $rc, expected 0"
           fi ;;
    esac
    if [ -s "$err" ]; then
        echo "  stderr:"
        sed -n '1,20s/^/    /p' "$err"
    fi
    diff -u "$exp" "$out" | sed "s|$tmp/||"
    rows "$exp" >"$tmp/exp.rows"
    rows "$out" >"$tmp/out.rows"
    matched=$(LC_ALL=C comm -12 "$tmp/exp.rows" "$tmp/out.rows" | wc -l)
    missing=$(LC_ALL=C comm -23 "$tmp/exp.rows" "$tmp/out.rows" | wc -l)
    extra=$(LC_ALL=C comm -13 "$tmp/exp.rows" "$tmp/out.rows" | wc -l)
    total=$(wc -l <"$tmp/exp.rows")
    hdr=$(sed -n 1p "$out")
    [ "$hdr" = "$(sed -n 1p "$exp")" ] || echo "  header differs: '$hdr'"
    echo "  rows: $((matched)) matched, $((missing)) missing, $((extra)) extra (of $((total)) expected)"
    fail=$((fail + 1))
}

cd "$forms" || exit 2
for txt in *.txt; do
    [ -e "$txt" ] || continue
    found=1
    name=${txt%.txt}
    if [ ! -f "$name.tsv" ]; then
        echo "FAIL $txt: no expected file $name.tsv"
        fail=$((fail + 1))
    else
        stderr_file=
        [ -f "$name.stderr" ] && stderr_file=$name.stderr
        check "$txt" "$name.tsv" "$stderr_file"
    fi
    # The work-team rows, where the form has them.
    if [ -f "$name.teams.tsv" ]; then
        check "$txt (teams)" "$name.teams.tsv" "" --teams
    fi
done

if [ "$found" -eq 0 ]; then
    echo "$me: no *.txt in $forms" >&2
    fail=$((fail + 1))
fi
fg_end
