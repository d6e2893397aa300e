#!/bin/sh
# Gazetteer checks: graphs/agencies.tsv is well formed, its names are unique, its successor
# links are sound, and it resolves every named agency of the gold files.
#
#   sh tests/gazetteer.sh [PATH/TO/agencies.tsv]
#
# The source tree is ${FG_SOURCE_DIR:-the directory above this script}; the gazetteer is the
# argument, or ${FG_GAZETTEER:-SOURCE/graphs/agencies.tsv}. The gold files are
# SOURCE/tests/gold/assignments.tsv (column agency) and SOURCE/tests/gold/teams.tsv (column
# agency, roles deputy/member/office). A gold value is generic (not looked up) when it starts
# with 各 or 省直各, contains 有关 or 成员单位, or is exactly 市人民政府 (the group references
# listed in tests/gold/NOTES.md).
# One line per check (`ok   …` or `FAIL …`, details indented below); the last line is
# `N passed, M failed`; the exit status is non-zero when anything failed.
# Needs only POSIX sh and awk (iconv, if present, is used for the UTF-8 check).

. "$(dirname "$0")/lib.sh"
src=${FG_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
# The first argument is a TSV to check; ctest passes the fengong binary, which is ignored.
case "${1:-}" in
    *.tsv) tsv=$1 ;;
    *) tsv=${FG_GAZETTEER:-$src/graphs/agencies.tsv} ;;
esac
gold_a=$src/tests/gold/assignments.tsv
gold_t=$src/tests/gold/teams.tsv

fg_need_files "$tsv" "$gold_a" "$gold_t"

# UTF-8: checked with iconv when it is there (awk below works on bytes). Bytes, not
# characters: every name comparison below is an exact byte comparison, and index() on UTF-8
# strings is safe in the C locale.
LC_ALL=C awk -F "\t" -v utf8="$(fg_utf8 "$tsv")" "$fg_awk_checks"'
function generic(v) {
    return index(v, "各") == 1 || index(v, "省直各") == 1 || index(v, "有关") > 0 || index(v, "成员单位") > 0 || v == "市人民政府"
}
# Resolve a name to the canonical of its row ("" when unknown).
function resolve(v) { return (v in owner) ? canon[owner[v]] : "" }

FILENAME == ARGV[1] {
    if (read_row(7, 1)) canon[n] = fld[n, 1]
    next
}
FILENAME == ARGV[2] {
    if (FNR == 1) { acol = 0; for (i = 1; i <= NF; i++) if ($i == "agency") acol = i; next }
    sub(/\r$/, "")
    if (acol && $acol != "") gold[++ngold] = $acol "\t" "assignments.tsv"
    next
}
FILENAME == ARGV[3] {
    if (FNR == 1) {
        tcol = rcol = 0
        for (i = 1; i <= NF; i++) { if ($i == "agency") tcol = i; if ($i == "role") rcol = i }
        next
    }
    sub(/\r$/, "")
    if (tcol && rcol && ($rcol == "deputy" || $rcol == "member" || $rcol == "office") && $tcol != "")
        gold[++ngold] = $tcol "\t" "teams.tsv"
    next
}
END {
    check_table("canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource",
                "canonical aliases level type successor since source", 7)

    bad = 0
    for (r = 1; r <= n; r++) if (canon[r] == "") { bad++; detail("line " lineno[r] ": empty canonical") }
    check(bad == 0, "canonical is non-empty")

    split("central province city county", L, " "); for (i in L) level_ok[L[i]] = 1
    split("government party people judicial central soe institution city_government development_zone", T, " ")
    for (i in T) type_ok[T[i]] = 1
    bad = 0
    for (r = 1; r <= n; r++) if (!(fld[r, 3] in level_ok)) { bad++; detail("line " lineno[r] ": level \"" fld[r, 3] "\"") }
    check(bad == 0, "level is one of central, province, city, county")
    bad = 0
    for (r = 1; r <= n; r++) if (!(fld[r, 4] in type_ok)) { bad++; detail("line " lineno[r] ": type \"" fld[r, 4] "\"") }
    check(bad == 0, "type is one of government party people judicial central soe institution city_government development_zone")

    bad = 0
    for (r = 1; r <= n; r++) {
        s = fld[r, 6]; su = fld[r, 5]
        if (s != "" && !(s ~ /^[0-9][0-9][0-9][0-9]$/ && s + 0 >= 1949 && s + 0 <= 2030)) {
            bad++; detail("line " lineno[r] ": since \"" s "\" is not a year 1949-2030")
        } else if ((s == "") != (su == "")) {
            bad++; detail("line " lineno[r] ": successor \"" su "\" but since \"" s "\"")
        }
    }
    check(bad == 0, "since is empty or a year 1949-2030, and empty exactly when successor is empty")

    bad = 0
    for (r = 1; r <= n; r++) if (fld[r, 7] == "") { bad++; detail("line " lineno[r] " (" canon[r] "): empty source") }
    check(bad == 0, "source is non-empty")

    # Names: canonicals and aliases, each once in the whole file.
    bad = 0; badal = 0; nnames = 0
    for (r = 1; r <= n; r++) {
        k = 0; nm[++k] = canon[r]
        if (fld[r, 2] != "") { na = split(fld[r, 2], A, "|"); for (i = 1; i <= na; i++) nm[++k] = A[i] }
        for (i = 1; i <= k; i++) {
            v = nm[i]
            if ((i > 1 && v == "") || (v != "" && (index(v, "\t") || index(v, "、") || index(v, "，") || index(v, " ") || index(v, "\343\200\200")))) {
                badal++; aldet[badal] = "line " lineno[r] " (" canon[r] "): " (i > 1 ? "alias" : "canonical") " \"" v "\""
                continue
            }
            if (v == "") continue
            nnames++
            if (v in owner) { bad++; detail("\"" v "\" on line " lineno[owner[v]] " and line " lineno[r]) }
            else owner[v] = r
        }
    }
    check(bad == 0, "no name (canonical or alias) appears twice (" nnames " names)")
    for (i = 1; i <= badal; i++) detail(aldet[i])
    check(badal == 0, "no alias is empty; no name contains a tab, 、, ， or a space")

    # Successors.
    for (r = 1; r <= n; r++) if (!(canon[r] in row_of)) row_of[canon[r]] = r
    bad = 0
    for (r = 1; r <= n; r++) {
        su = fld[r, 5]
        if (su != "" && !(su in row_of)) {
            bad++
            hint = (su in owner) ? " (it is an alias of " canon[owner[su]] ")" : ""
            detail("line " lineno[r] " (" canon[r] "): successor \"" su "\" is not a canonical" hint)
        }
    }
    check(bad == 0, "every successor is the canonical of a row")
    bad = 0
    for (r = 1; r <= n; r++) {
        split("", seen); cur = r; path = canon[r]
        while (fld[cur, 5] != "" && (fld[cur, 5] in row_of)) {
            seen[cur] = 1
            cur = row_of[fld[cur, 5]]; path = path " -> " canon[cur]
            if (cur in seen) { bad++; detail("cycle: " path); break }
        }
    }
    check(bad == 0, "no successor chain has a cycle")

    # Coverage of the gold agencies.
    for (part = 1; part <= 2; part++) {
        file = part == 1 ? "assignments.tsv" : "teams.tsv"
        split("", done); named = resolved = gen = 0
        for (i = 1; i <= ngold; i++) {
            split(gold[i], G, "\t")
            if (G[2] != file) continue
            v = G[1]
            if (v in done) continue
            done[v] = 1
            if (generic(v)) { gen++; continue }
            named++
            if (v in owner) resolved++
            else detail("unresolved: " v)
        }
        check(named > 0 && resolved == named, "gold " file ": " resolved "/" named " distinct named agencies resolve (" gen " generic skipped)")
    }

    # Surface variants in the seeds resolve to one canonical.
    nv = split("省应急厅 省应急管理厅 国网湖南电力公司 国网湖南省电力公司 省农村信用联社 省农村信用社联合社 省外事办 省政府外事办 省机关事务管理局 省机关事务局", V, " ")
    for (i = 1; i < nv; i += 2) {
        a = resolve(V[i]); b = resolve(V[i + 1])
        check(a != "" && a == b, V[i] " and " V[i + 1] " resolve to one canonical (" (a == "" ? "?" : a) " / " (b == "" ? "?" : b) ")")
    }

    # Known successors.
    split("湖南银保监局 湖南金融监管局 人民银行长沙中心支行 人民银行湖南省分行", S, " ")
    for (i = 1; i <= 3; i += 2) {
        r = (S[i] in owner) ? owner[S[i]] : 0
        got = r ? fld[r, 5] : ""
        check(r && got == S[i + 1], S[i] " has successor " S[i + 1] (got != S[i + 1] ? " (found \"" got "\")" : ""))
    }

    print npass + 0 " passed, " nfail + 0 " failed"
    exit (nfail > 0)
}
' "$tsv" "$gold_a" "$gold_t"
