#!/bin/sh
# Remit checks: graphs/agency-remits.tsv (the 职能 keywords of each agency, read by the
# suggester) is well formed and names only agencies of graphs/agencies.tsv.
#
#   sh tests/remits.sh [anything]
#
# Arguments are ignored (ctest passes the fengong binary). The source tree is
# ${FG_SOURCE_DIR:-the directory above this script}; the files checked are
# SOURCE/graphs/agency-remits.tsv and SOURCE/graphs/agencies.tsv.
# Checks: valid UTF-8 (when iconv is there), LF line ends, the header is exactly
# `agency<TAB>keywords<TAB>source`, every row has 3 fields, every agency is the canonical
# of a row of agencies.tsv, no agency twice, 8-30 keywords per row separated by 、, each
# keyword 2-8 characters with no punctuation or space inside and not a bare generic word,
# no keyword twice in a row, source non-empty.
# One line per check (`ok   …` or `FAIL …`, details indented below); the last line is
# `N passed, M failed`; the exit status is non-zero when anything failed.
# Needs only POSIX sh and awk.

. "$(dirname "$0")/lib.sh"
src=${FG_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
remits=$src/graphs/agency-remits.tsv
gaz=$src/graphs/agencies.tsv

fg_need_files "$remits" "$gaz"

# Bytes in the C locale: names are compared byte for byte; a character is counted as a
# byte that is not a UTF-8 continuation byte (0x80-0xBF).
LC_ALL=C awk -F "\t" -v utf8="$(fg_utf8 "$remits")" "$fg_awk_checks"'
function nchars(s,   t, c) { t = s; c = gsub(/[\200-\277]/, "", t); return length(s) - c }
# Punctuation, spaces and separators that may not occur inside a keyword.
function punct(s,   i, n, P) {
    if (s ~ /[[:space:][:punct:]]/) return 1
    n = split("，|。|；|：|、|（|）|《|》|“|”|‘|’|·|！|？|【|】|—|…|　|〔|〕|／", P, "|")
    for (i = 1; i <= n; i++) if (index(s, P[i])) return 1
    return 0
}

FILENAME == ARGV[1] {
    if (FNR == 1) next
    sub(/\r$/, "")
    if ($1 != "") canon[$1] = 1
    next
}
{ read_row(3, 0) }
END {
    check_table("agency\tkeywords\tsource", "agency keywords source (tab-separated)", 3)

    bad = 0
    for (r = 1; r <= n; r++) if (!(fld[r, 1] in canon)) { bad++; detail("line " lineno[r] ": \"" fld[r, 1] "\" is not a canonical of agencies.tsv") }
    check(bad == 0, "every agency is a canonical of graphs/agencies.tsv")

    bad = 0
    for (r = 1; r <= n; r++) {
        a = fld[r, 1]
        if (a in first) { bad++; detail("\"" a "\" on line " lineno[first[a]] " and line " lineno[r]) }
        else first[a] = r
    }
    check(bad == 0, "no agency appears twice")

    split("发展 推进 建设 加强 完善 工作 机制 体系 改革 创新 服务 管理 监管 安全 保障 提升 落实 实施 促进 优化", G, " ")
    for (i in G) generic[G[i]] = 1
    badn = badlen = badp = badg = badd = 0; total = 0
    for (r = 1; r <= n; r++) {
        k = split(fld[r, 2], K, "、")
        total += k
        if (k < 8 || k > 30) { badn++; nd[badn] = "line " lineno[r] " (" fld[r, 1] "): " k " keywords" }
        split("", seen)
        for (i = 1; i <= k; i++) {
            w = K[i]; c = nchars(w)
            if (c < 2 || c > 8) { badlen++; ld[badlen] = "line " lineno[r] " (" fld[r, 1] "): \"" w "\" has " c " characters" }
            if (punct(w)) { badp++; pd[badp] = "line " lineno[r] " (" fld[r, 1] "): \"" w "\"" }
            if (w in generic) { badg++; gd[badg] = "line " lineno[r] " (" fld[r, 1] "): \"" w "\"" }
            if (w in seen) { badd++; dd[badd] = "line " lineno[r] " (" fld[r, 1] "): \"" w "\" twice" }
            seen[w] = 1
        }
    }
    for (i = 1; i <= badn; i++) detail(nd[i])
    check(badn == 0, "every row has 8-30 keywords separated by 、 (" total " keywords)")
    for (i = 1; i <= badlen; i++) detail(ld[i])
    check(badlen == 0, "every keyword has 2-8 characters")
    for (i = 1; i <= badp; i++) detail(pd[i])
    check(badp == 0, "no keyword contains punctuation or a space")
    for (i = 1; i <= badg; i++) detail(gd[i])
    check(badg == 0, "no keyword is a bare generic word (发展, 推进, 建设, 加强, 工作, 改革, 服务, 管理, ...)")
    for (i = 1; i <= badd; i++) detail(dd[i])
    check(badd == 0, "no keyword appears twice in a row")

    bad = 0
    for (r = 1; r <= n; r++) if (fld[r, 3] ~ /^[ \t]*$/) { bad++; detail("line " lineno[r] " (" fld[r, 1] "): empty source") }
    check(bad == 0, "source is non-empty")

    print npass + 0 " passed, " nfail + 0 " failed"
    exit (nfail > 0)
}
' "$gaz" "$remits"
