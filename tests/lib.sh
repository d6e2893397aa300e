# Shared by the shell tests (sourced): the start and end of a test, its counters and the
# stores it works on. Sourcing it sets -u, $me (the script's file name) and $py (Debian's
# python3, which has the modules the tests import; the first python3 on PATH may not).
set -u
me=$(basename "$0")
py=/usr/bin/python3

# fg_resolve_bin USAGE: $bin, the fengong binary given on the command line (or $FG_BIN),
# becomes an absolute path, since the tests change directory; exits 2 with USAGE or a
# message naming $me when there is no such executable.
fg_resolve_bin() {
    if [ -z "$bin" ]; then
        echo "usage: $1" >&2
        exit 2
    fi
    _name=$bin
    case $bin in
        /*) ;;
        */*) bin=$(pwd)/$bin ;;
        *) bin=$(command -v "$bin") || { echo "$me: $_name: command not found" >&2; exit 2; } ;;
    esac
    if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
        echo "$me: $bin: not an executable file" >&2
        exit 2
    fi
}

# fg_begin "$@": the common start of a test of the CLI. $1 (else $FG_BIN) is the fengong
# binary, resolved as fg_resolve_bin does (the usage printed without one is $fg_usage, else
# `sh tests/$me PATH/TO/fengong`); then fg_setup: sets $src (the source tree:
# $FG_SOURCE_DIR, else $src if the script set it, else the script's parent), makes $tmp (a
# fresh directory, removed when the test ends unless KEEP is set) and zeroes the counters
# ok/bad/skip_one keep.
fg_begin() {
    bin=${1:-${FG_BIN:-}}
    fg_resolve_bin "${fg_usage:-sh tests/$me PATH/TO/fengong}"
    fg_setup
}

# fg_setup: fg_begin without a binary to resolve (a test of something else than the CLI).
fg_setup() {
    src=${FG_SOURCE_DIR:-${src:-$(cd "$(dirname "$0")/.." && pwd)}}
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/fg-${me%.sh}.XXXXXX") ||
        { echo "$me: cannot create a temporary directory" >&2; exit 2; }
    trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 141' PIPE
    trap 'exit 143' TERM
    pass=0
    fail=0
    skip=0
}

# fg_ingest DB FILE…: the store a test works on, FILEs ingested into DB by $bin. Without it
# the test cannot run: when ingest fails, prints what it said and exits 1.
fg_ingest() {
    _db=$1
    shift
    "$bin" ingest --db "$_db" "$@" >"$tmp/.fg_ingest.log" 2>&1 ||
        { echo "$me: ingest failed: $(cat "$tmp/.fg_ingest.log")"; exit 1; }
}

# fg_ingest_seeds DB: fg_ingest of seeds 001 and 002, the documents of tests/gold/.
fg_ingest_seeds() {
    fg_ingest "$1" "$src/tests/fixtures/seeds/001_f9c4e63d6d2549a0.txt" \
        "$src/tests/fixtures/seeds/002_087d1517bea72081.txt"
}

# fg_ingest_bundled DB: fg_ingest of the bundled documents, graphs/documents/*.txt.
fg_ingest_bundled() {
    fg_ingest "$1" "$src"/graphs/documents/*.txt
}

# fg_need_tools TOOL…: exits 2 naming the first TOOL that is not on PATH.
fg_need_tools() {
    for _t in "$@"; do
        if ! command -v "$_t" >/dev/null 2>&1; then
            echo "$me: $_t is required" >&2
            exit 2
        fi
    done
}

# fg_need_dir DIR: exits 2 when DIR (a folder of the source tree) is not there.
fg_need_dir() {
    if [ ! -d "$1" ]; then
        echo "$me: $1: no such directory (set FG_SOURCE_DIR to the source tree)" >&2
        exit 2
    fi
}

# fg_timeout SECONDS: $tmo becomes `timeout SECONDS` where coreutils' timeout is there (else
# nothing), for `$tmo "$bin" …`: a hung fengong must not hang the suite.
fg_timeout() {
    tmo=
    if command -v timeout >/dev/null 2>&1; then
        tmo="timeout $1"
    fi
}

# fg_extract_refused DIR FILE ERE: `extract` of FILE, run in DIR, must exit 1 with a message
# `fengong: FILE: ` followed by what ERE matches on stderr, and print no rows; 0 when so, else
# 1 with $fg_why saying what happened. Its stderr stays in DIR/FILE.err. Uses $tmo when set.
fg_extract_refused() {
    # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
    (cd "$1" && ${tmo:-} "$bin" extract --format tsv "$2") >"$1/$2.out" 2>"$1/$2.err"
    _rc=$?
    if [ "$_rc" -ne 1 ]; then
        fg_why="extract exited $_rc, not 1: $(head -n 3 "$1/$2.err")"
        return 1
    fi
    if ! grep -Eq "^fengong: $2: $3" "$1/$2.err"; then
        fg_why="no message naming the file: $(head -n 3 "$1/$2.err")"
        return 1
    fi
    if [ "$(wc -l <"$1/$2.out")" -gt 1 ]; then
        fg_why="rows printed: $(head -n 3 "$1/$2.out")"
        return 1
    fi
}

# fg_check_refused DIR FILE ERE: one check that a bad file is refused, as ok or bad: extract
# refuses it (fg_extract_refused) and ingest stores nothing of it (fg_ingest_refused).
fg_check_refused() {
    if ! fg_extract_refused "$1" "$2" "$3" || ! fg_ingest_refused "$1" "$2"; then
        bad "$2: $fg_why"
    else
        ok "$2: $(sed 's/^fengong: //' "$1/$2.err" | head -n 1)"
    fi
}

# fg_ingest_refused DIR FILE: `ingest` of FILE, run in DIR, into a new store must exit 1 and
# store nothing (a refused file is never half-ingested); 0 when so, else 1 with $fg_why
# saying what happened. Uses $tmo (fg_timeout) when set.
fg_ingest_refused() {
    _db=$1/$2.refused.db
    rm -f "$_db"
    # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
    (cd "$1" && ${tmo:-} "$bin" ingest --db "$_db" "$2") >/dev/null 2>"$1/$2.ingest"
    _rc=$?
    _n=$("$bin" documents --db "$_db" --format tsv 2>/dev/null | tail -n +2 | wc -l)
    fg_why="ingest exited $_rc and stored $_n documents (want 1 and 0): $(head -n 3 "$1/$2.ingest")"
    [ "$_rc" -eq 1 ] && [ "$_n" -eq 0 ]
}

# fg_need_files FILE…: exits 2 naming the first FILE that is not a readable file.
fg_need_files() {
    for _f in "$@"; do
        if [ ! -f "$_f" ] || [ ! -r "$_f" ]; then
            echo "$me: $_f: no such readable file (set FG_SOURCE_DIR to the source tree)" >&2
            exit 2
        fi
    done
}

# fg_utf8 FILE: prints ok when FILE is valid UTF-8, bad when it is not, skip without iconv.
fg_utf8() {
    if ! command -v iconv >/dev/null 2>&1; then
        echo skip
    elif iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1; then
        echo ok
    else
        echo bad
    fi
}

# $fg_awk_checks: the functions of a test written in awk, put before its program.
# check(OK, WHAT) prints `ok   WHAT` or `FAIL WHAT` and under it the details given to
# detail(S) since the last check (the first 20), and counts npass and nfail. For a TSV file:
# read_row(K, NOTES) takes the current line, line 1 as the header (n_cr counts the lines
# ending in CR), any other (unless NOTES and it is blank or a # note) as row n: lineno[n],
# nfield[n] and fld[n, 1..K], and returns 1 for a row; check_table(HDR, WHAT, K) then checks
# the header is HDR (WHAT names it), the file valid UTF-8 ($utf8: ok, bad or skip), no CR,
# some rows, every row of K fields.
fg_awk_checks='
function check(ok, what) {
    if (ok) { print "ok   " what; npass++ }
    else    { print "FAIL " what; nfail++ }
    if (det != "") printf "%s", det
    det = ""; ndet = 0
}
function detail(s) {
    if (ndet < 20) det = det "       " s "\n"
    else if (ndet == 20) det = det "       …\n"
    ndet++
}
function read_row(k, notes,   line, f, i) {
    line = $0
    if (sub(/\r$/, "", line)) n_cr++
    if (FNR == 1) { header = line; return 0 }
    if (notes && (line == "" || substr(line, 1, 1) == "#")) return 0
    n++
    lineno[n] = FNR
    nfield[n] = split(line, f, "\t")
    for (i = 1; i <= k; i++) fld[n, i] = (i <= nfield[n]) ? f[i] : ""
    return 1
}
function check_table(hdr, what, k,   r, bad) {
    if (header != hdr) detail("found: " header)
    check(header == hdr, "header is exactly: " what)
    check(utf8 != "bad", "file is valid UTF-8" (utf8 == "skip" ? " (skipped: no iconv)" : ""))
    if (n_cr) detail(n_cr " line(s) end in CR")
    check(n_cr == 0, "LF line ends (no CR)")
    check(n > 0, "file has rows (" n + 0 " rows)")
    bad = 0
    for (r = 1; r <= n; r++)
        if (nfield[r] != k) { bad++; detail("line " lineno[r] ": " nfield[r] " fields") }
    check(bad == 0, "every row has exactly " k " tab-separated fields")
}
'

# fg_ingest_hostile DB CLAUSE [CLAUSE2]: a store of one made-up document, $tmp/hostile.txt,
# whose task 1 has CLAUSE (hostile agency names, say) and task 2 CLAUSE2 (by default
# =HYPERLINK局、省财政厅按职责分工负责), ingested into DB as fg_ingest does.
fg_ingest_hostile() {
    printf '%s\n' '一、任务' "1．甲。（$2）" "2．乙。（${3:-=HYPERLINK局、省财政厅按职责分工负责}）" \
        >"$tmp/hostile.txt"
    fg_ingest "$1" "$tmp/hostile.txt"
}

# ok TEXT… / bad TEXT [DETAIL…] / skip_one TEXT…: one check passed, failed (with detail lines),
# or could not run here. ok and skip_one print all their words on one line, joined by blanks
# (a long message may be given as two strings).
# fg_need_python MODULE PACKAGE: a failed check and the end when $py cannot import MODULE
# (the Debian PACKAGE that `make test` installs).
fg_need_python() {
    if ! "$py" -c "import $1" 2>/dev/null; then
        bad "$2 is not installed for $py (make test installs it)"
        fg_end
    fi
}

# fg_format_deadlines FILE: the format `extract` read FILE in, then its items' deadlines in
# item order (dated ones by date, the rest by phrase), one line, blank-separated.
fg_format_deadlines() {
    "$bin" extract --format json -- "$1" 2>/dev/null | $py -c '
import json, sys
doc = json.load(sys.stdin)["documents"][0]
out = [doc["format"]]
for it in doc["items"]:
    d = it.get("deadline")
    if d:
        out.append(d["date"] or d["text"])
print(" ".join(out))'
}

# fg_rows_of TXT DOC DIR NAME: the rows and the team rows of TXT and of DOC (the same document
# in another format), the doc column aside, into DIR/NAME.want, .want_t, .got and .got_t
# (extract's messages in DIR/NAME.want.err and DIR/NAME.got.err).
fg_rows_of() {
    for _w in "$1:want" "$2:got"; do
        _f=${_w%:*}
        _k=${_w##*:}
        "$bin" extract --format tsv "$_f" 2>"$3/$4.$_k.err" | cut -f2- >"$3/$4.$_k"
        "$bin" extract --format tsv --teams "$_f" 2>/dev/null | cut -f2- >"$3/$4.${_k}_t"
    done
}

# fg_rows_verdict DIR NAME LABEL [NOTE]: one check that DIR/NAME.got and .got_t (fg_rows_of)
# are the text's rows and team rows; LABEL names the other format's document in the messages,
# NOTE ("and items") is said of what else was the same. On a difference, the differences.
fg_rows_verdict() {
    if [ "$(wc -l <"$1/$2.want")" -lt 1 ]; then
        bad "$2: no output from the text"
    elif cmp -s "$1/$2.want" "$1/$2.got" && cmp -s "$1/$2.want_t" "$1/$2.got_t"; then
        ok "$3 ($(($(wc -l <"$1/$2.got") - 1)) rows, teams${4:-} the same)"
    else
        bad "$3 gives other rows than $2.txt"
        sed 's/^/    /' "$1/$2.got.err" | head -5
        diff "$1/$2.want" "$1/$2.got" | head -20
        diff "$1/$2.want_t" "$1/$2.got_t" | head -10
    fi
}

# fg_make_workbooks: every seed text and form document as workbooks made by
# tests/fixtures/make_xlsx.py, in $tmp/plain (one row per line, a cell per tab-separated
# field, inline strings) and $tmp/typed (--merge --numbers --dates --sheets --shared), their
# texts in $tmp/txt; a failure of the script is a bad check. Needs python3-openpyxl for $py.
fg_make_workbooks() {
    mkdir -p "$tmp/txt"
    cp "$src"/tests/fixtures/seeds/*.txt "$src"/tests/forms/*.txt "$tmp/txt/"
    for _v in plain typed; do
        _opts=
        [ "$_v" = typed ] && _opts="--merge --numbers --dates --sheets --shared"
        # shellcheck disable=SC2086 # $_opts is empty or words on purpose
        $py "$src/tests/fixtures/make_xlsx.py" --out-dir "$tmp/$_v" $_opts "$tmp"/txt/*.txt \
            2>"$tmp/$_v.gen" || bad "$_v: make_xlsx.py failed" "$(tail -n 3 "$tmp/$_v.gen")"
    done
}

# fg_batch DIR EXT [OPTS]: extract every DIR/*.EXT at once (one process is much faster than
# one per file); the rows of DIR/X.EXT, doc column left out, go to DIR/X.EXT.rows (or .teams
# with --teams). Nonzero when extract failed. Uses $tmo (fg_timeout) when set.
fg_batch() {
    _dir=$1
    _ext=$2
    shift 2
    _out=rows
    [ "$*" = --teams ] && _out=teams
    for _f in "$_dir"/*."$_ext"; do
        : >"$_f.$_out"
    done
    # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
    (cd "$_dir" && ${tmo:-} "$bin" extract --format tsv -j 2 "$@" -- *."$_ext") \
        >"$_dir/all.$_out" 2>"$_dir/all.$_out.err"
    _rc=$?
    awk -F '\t' -v dir="$_dir" -v out="$_out" 'NR > 1 {
        f = dir "/" $1 "." out
        print substr($0, length($1) + 2) >> f
        close(f)
    }' "$_dir/all.$_out"
    return $_rc
}

# fg_variants_same EXT MAKER VARIANT...: every text $tmp/txt/X.txt and its versions
# $tmp/VARIANT/X.EXT (written by MAKER, which messages name) are extracted (fg_batch, rows and
# team rows), and each version must give the rows and team rows of the text; a version the
# script's `skipped VARIANT X` gives a reason for is skipped with it. (Its variables are
# _vs_*: fg_batch's are global too.)
fg_variants_same() {
    _vs_ext=$1
    _vs_maker=$2
    shift 2
    for _vs_d in txt "$@"; do
        _vs_e=$_vs_ext
        [ "$_vs_d" = txt ] && _vs_e=txt
        fg_batch "$tmp/$_vs_d" "$_vs_e" ||
            bad "$_vs_d: extract failed" "$(head -n 5 "$tmp/$_vs_d/all.rows.err")"
        fg_batch "$tmp/$_vs_d" "$_vs_e" --teams ||
            bad "$_vs_d: extract --teams failed" "$(head -n 5 "$tmp/$_vs_d/all.teams.err")"
    done
    for _vs_txt in "$tmp"/txt/*.txt; do
        _vs_name=$(basename "$_vs_txt" .txt)
        for _vs_v in "$@"; do
            _vs_why=$(skipped "$_vs_v" "$_vs_name")
            if [ -n "$_vs_why" ]; then
                echo "skip $_vs_v $_vs_name: $_vs_why"
                skip=$((skip + 1))
                continue
            fi
            _vs_got=$tmp/$_vs_v/$_vs_name.$_vs_ext
            if [ ! -f "$_vs_got" ]; then
                bad "$_vs_v $_vs_name: $_vs_maker wrote no $_vs_name.$_vs_ext"
            elif ! cmp -s "$_vs_txt.rows" "$_vs_got.rows"; then
                bad "$_vs_v $_vs_name.$_vs_ext: rows differ from the text's" \
                    "$(diff "$_vs_txt.rows" "$_vs_got.rows" | head -n 12)"
            elif ! cmp -s "$_vs_txt.teams" "$_vs_got.teams"; then
                bad "$_vs_v $_vs_name.$_vs_ext: --teams rows differ from the text's" \
                    "$(diff "$_vs_txt.teams" "$_vs_got.teams" | head -n 12)"
            else
                _vs_n="$(wc -l <"$_vs_got.rows") rows"
                [ -s "$_vs_got.teams" ] && _vs_n="$_vs_n, $(wc -l <"$_vs_got.teams") team rows"
                ok "$_vs_v $_vs_name.$_vs_ext ($_vs_n)"
            fi
        done
    done
}

# fg_each_doc EXT SKIPPED FN TXT…: FN NAME TXT I STYLE for each TXT = DIR/NAME.txt in turn, but
# those `SKIPPED NAME` gives a reason for (a skip of NAME.EXT with it); I counts the documents
# not skipped from 0 and STYLE is the page-number style of the Ith (dash, hyphen, cn, frac in
# turn), for a test that draws each document as pages. (Its variables are _ed_*: FN's are
# global.)
fg_each_doc() {
    _ed_ext=$1
    _ed_skipped=$2
    _ed_fn=$3
    shift 3
    _ed_i=0
    for _ed_txt in "$@"; do
        [ -e "$_ed_txt" ] || continue
        _ed_name=$(basename "$_ed_txt" .txt)
        _ed_why=$("$_ed_skipped" "$_ed_name")
        if [ -n "$_ed_why" ]; then
            echo "skip $_ed_name.$_ed_ext: $_ed_why"
            skip=$((skip + 1))
            continue
        fi
        case $((_ed_i % 4)) in
            0) _ed_style=dash ;;
            1) _ed_style=hyphen ;;
            2) _ed_style=cn ;;
            3) _ed_style=frac ;;
        esac
        "$_ed_fn" "$_ed_name" "$_ed_txt" "$_ed_i" "$_ed_style"
        _ed_i=$((_ed_i + 1))
    done
}

# fg_drawn_rows EXT MAKER NAME TXT [OPTION…]: TXT drawn as $dir/NAME.EXT ($dir is set to
# $tmp/same) by the python script MAKER with the OPTIONs, then the rows of both as fg_rows_of
# writes them into $dir; 1 with a failed check (what MAKER said) when MAKER fails.
fg_drawn_rows() {
    _dr_ext=$1
    _dr_maker=$2
    _dr_name=$3
    _dr_txt=$4
    shift 4
    dir=$tmp/same
    mkdir -p "$dir"
    if ! "$py" "$_dr_maker" "$_dr_txt" "$dir/$_dr_name.$_dr_ext" "$@" 2>"$dir/$_dr_name.mk"; then
        bad "$_dr_name.$_dr_ext: $(basename "$_dr_maker") failed" "$(head -n 5 "$dir/$_dr_name.mk")"
        return 1
    fi
    fg_rows_of "$_dr_txt" "$dir/$_dr_name.$_dr_ext" "$dir" "$_dr_name"
}

# fg_office_skip NAME: why an office version of form NAME (its lines a real table's rows and
# paragraphs) cannot give the rows of its text, or nothing; the skipped() of docx.sh, rtf.sh
# and odf.sh fall back on it.
fg_office_skip() {
    case $1 in
        table_wrapped_lines)
            echo "a cell wrapped onto the next line of a text table (市人力资源 | 社会保障局) is a" \
                 "row of its own once the lines are made the rows of a real table, which holds" \
                 "the cell whole" ;;
        *) ;;
    esac
}

# fg_marks_same EXT MAKER: lead units marked by bold, red or 黑体 type, as a note declares. The
# documents tests/fixtures/docx/X.txt (the marks of make_bold_docx.py) written as X.EXT by
# `$py MAKER --marks` must give the hand-written rows of their Word versions,
# tests/fixtures/docx/X.tsv (whose doc column names the .docx). Uses $tmo when set.
fg_marks_same() {
    mkdir -p "$tmp/marks"
    for _name in bold_leads bold_undeclared red_leads; do
        _got=$tmp/marks/$_name.$1
        if ! $py "$2" --marks "$src/tests/fixtures/docx/$_name.txt" "$_got" 2>"$_got.gen"; then
            bad "$_name.$1: $(basename "$2") --marks failed" "$(tail -n 3 "$_got.gen")"
            continue
        fi
        # shellcheck disable=SC2086 # $tmo is empty or two words on purpose
        (cd "$tmp/marks" && ${tmo:-} "$bin" extract --format tsv "$_name.$1") 2>"$_got.err" |
            sed "s/^\([^	]*\)\.$1	/\1.docx	/" >"$_got.out"
        if cmp -s "$src/tests/fixtures/docx/$_name.tsv" "$_got.out"; then
            ok "$_name.$1: the hand-written rows of $_name.docx"
        else
            bad "$_name.$1: rows differ from tests/fixtures/docx/$_name.tsv" \
                "$(diff "$src/tests/fixtures/docx/$_name.tsv" "$_got.out" | head -n 20)"
        fi
    done
}

ok() {
    echo "ok   $*"
    pass=$((pass + 1))
}
bad() {
    echo "FAIL $1"
    shift
    for _l in "$@"; do
        echo "    $_l"
    done
    fail=$((fail + 1))
}
skip_one() {
    echo "skip $*"
    skip=$((skip + 1))
}

# fg_end: print the counts in the one format every test uses and exit non-zero on a failure.
fg_end() {
    if [ "$skip" -gt 0 ]; then
        echo "$me: $pass passed, $fail failed, $skip skipped"
    else
        echo "$me: $pass passed, $fail failed"
    fi
    [ "$fail" -eq 0 ]
    exit
}
