#!/bin/sh
# Bad-input tests: fengong must survive hostile files and say what is wrong with them.
#
#   sh tests/bad_input.sh PATH/TO/fengong
#
# Feeds `fengong extract --format tsv` random bytes, NUL bytes, an empty file, a 50 MB
# single line, 10,000 nested brackets, 10,000 numbering levels, truncated UTF-8, GB18030 and
# UTF-16, a lying BOM, unbalanced brackets, a 100 KB agency name, a directory, a FIFO and an
# unreadable file; and `fengong ingest --db` a database that is not SQLite and one from a
# newer fengong, which must be refused unchanged. Every case must end (a timeout), exit with
# 0, 1 or 2 (never a signal, never a sanitizer report), print well-formed UTF-8, and when it
# fails, say so in a message that names the file. The inputs are generated in a temp dir
# from the bundled documents and a fixed-seed generator, so every run sees the same bytes.
# The last line is `SCRIPT.sh: N passed, M failed`; the exit status is non-zero when anything failed.

. "$(dirname "$0")/lib.sh"
fg_begin "$@"
fg_need_tools iconv timeout mkfifo cmp awk

seed_doc=$src/graphs/documents/2022_hunan-government_work-report-task-division.txt
form=$src/tests/forms/city_mixed.txt
for f in "$seed_doc" "$form"; do
    if [ ! -f "$f" ]; then
        echo "$me: $f: input missing" >&2
        exit 2
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fg-bad.XXXXXX") || { echo "$me: cannot create a temp dir" >&2; exit 2; }
writer=
cleanup() {
    # The FIFO writer is ours; stop it if fengong never opened the FIFO.
    if [ -n "$writer" ]; then
        kill "$writer" 2>/dev/null
    fi
    chmod -R u+rwx "$tmp" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 2


# gen SEED N: N pseudo-random bytes (all 256 values) from a fixed LCG, the same on every
# machine (awk's own rand() differs between implementations).
gen() {
    awk -v seed="$1" -v n="$2" 'BEGIN {
        x = seed; line = ""
        for (i = 0; i < n; i++) {
            x = (x * 75 + 74) % 65537
            line = line sprintf("\\%03o", x % 256)
            if (i % 256 == 255) { print line; line = "" }
        }
        if (line != "") print line
    }' | while IFS= read -r l; do
        # shellcheck disable=SC2059 # the format is nothing but octal escapes
        printf "$l"
    done
}

# repeat N TEXT: TEXT N times, no separator.
repeat() {
    awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# now: seconds since the epoch, with decimals where date can.
now() {
    date +%s.%N 2>/dev/null | sed 's/\.N$//' || date +%s
}

secs() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'
}

# check NAME LIMIT EXPECT FILE_NAME CMD...: run CMD with a time limit of LIMIT seconds.
# EXPECT: ok (must exit 0), error (must exit 1), any (0 or 1, and 2 for usage). Always:
# no signal or timeout, no sanitizer report, UTF-8 output, a message naming FILE_NAME on
# failure. Sets $rc and leaves the output in out/err.
check() {
    name=$1
    limit=$2
    expect=$3
    fname=$4
    shift 4
    t0=$(now)
    timeout -k 5 "$limit" "$@" >out 2>err </dev/null
    rc=$?
    took=$(secs "$t0" "$(now)")
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        bad "$name: no result after ${limit}s (hang?)" "$(head -c 300 err)"
        return 1
    fi
    if [ "$rc" -gt 2 ]; then
        bad "$name: exit status $rc (a signal or a crash)" "$(head -n 15 err)"
        return 1
    fi
    if grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|UndefinedBehaviorSanitizer' err; then
        bad "$name: sanitizer report (exit $rc)" "$(grep -m 3 -E 'ERROR|runtime error|SUMMARY' err)"
        return 1
    fi
    if ! iconv -f UTF-8 -t UTF-8 out >/dev/null 2>&1; then
        bad "$name: output is not valid UTF-8"
        return 1
    fi
    case $expect in
        ok) if [ "$rc" -ne 0 ]; then
                bad "$name: exit status $rc, expected 0" "$(head -c 300 err)"
                return 1
            fi ;;
        error) if [ "$rc" -ne 1 ]; then
                bad "$name: exit status $rc, expected 1 (an input error)" "$(head -c 300 err)"
                return 1
            fi ;;
    esac
    if [ "$rc" -ne 0 ]; then
        if ! grep -qF -- "$fname" err; then
            bad "$name: exit $rc without a message naming $fname" "$(head -c 300 err)"
            return 1
        fi
    fi
    return 0
}

# extract NAME LIMIT EXPECT FILE: check() on `extract --format tsv FILE`; reports ok itself.
extract() {
    if check "$1" "$2" "$3" "$4" "$bin" extract --format tsv "$4"; then
        msg=$(head -n 1 err | cut -c 1-100)
        ok "$1 (exit $rc, $(($(wc -l <out) - 1)) rows, ${took}s${msg:+; $msg})"
    fi
}

# The seed text on one line (no line breaks), about 50 KB.
tr -d '\n\r' <"$seed_doc" >seedline.txt

# --- encodings and bytes ---
gen 42 65536 >random.bin
extract "random bytes (64 KB, fixed seed)" 30 any random.bin

# High bytes only: no NUL or control characters, so it is not refused as binary outright.
gen 7 65536 | tr '\000-\177' '\200-\377' >random_high.bin
extract "random bytes 0x80-0xFF (64 KB)" 30 any random_high.bin

{ head -c 300 "$form"; printf '\000\000'; tail -c +301 "$form"; } >nul_inside.txt
if check "NUL bytes inside text" 30 ok nul_inside.txt "$bin" extract --format tsv nul_inside.txt; then
    if ! grep -q 'nul_inside.txt:[0-9]*: NUL byte replaced' err; then
        bad "NUL bytes inside text: no warning naming nul_inside.txt:LINE" "$(head -c 300 err)"
    elif [ "$(wc -l <out)" -lt 2 ]; then
        bad "NUL bytes inside text: the document around the NULs gave no rows"
    else
        ok "NUL bytes inside text (exit 0, $(($(wc -l <out) - 1)) rows, warned)"
    fi
fi

{ cat "$form"; head -c 4096 /dev/zero; } >nul_many.txt
extract "many NUL bytes (binary)" 30 error nul_many.txt

: >empty.txt
extract "empty file" 30 any empty.txt

# Truncated UTF-8: the form, then the first two bytes of 中 (E4 B8 AD) at the end of the file.
{ cat "$form"; printf '一、任务（省发展改革委牵头\344\270'; } >trunc_utf8.txt
extract "truncated UTF-8" 30 any trunc_utf8.txt

iconv -f UTF-8 -t GB18030 "$form" >gb.txt
n=$(wc -c <gb.txt)
head -c $((n - 1)) gb.txt >trunc_gb18030.txt
printf '\201' >>trunc_gb18030.txt  # a lead byte with nothing after it
extract "truncated GB18030" 30 any trunc_gb18030.txt

{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$form"; } >utf16.txt
n=$(wc -c <utf16.txt)
head -c $((n - 1)) utf16.txt >trunc_utf16.txt
if check "truncated UTF-16 (odd length)" 30 error trunc_utf16.txt \
    "$bin" extract --format tsv trunc_utf16.txt; then
    if grep -q 'trunc_utf16.txt:[0-9]*: truncated UTF-16 input' err; then
        ok "truncated UTF-16 (odd length) (exit 1, $(head -n 1 err))"
    else
        bad "truncated UTF-16: message is not 'FILE:LINE: truncated UTF-16 input'" "$(cat err)"
    fi
fi
# UTF-16 cut in the middle of a surrogate pair (even length, lone high surrogate at the end).
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$form"; printf '\075\330'; } >trunc_pair.txt
extract "UTF-16 ending in a lone high surrogate" 30 any trunc_pair.txt

{ printf '\377\376'; cat "$form"; } >lying_bom.txt
extract "UTF-16LE BOM on UTF-8 text" 30 any lying_bom.txt
{ printf '\376\377'; cat "$form"; } >lying_bom_be.txt
extract "UTF-16BE BOM on UTF-8 text" 30 any lying_bom_be.txt
{ printf '\357\273\277'; cat gb.txt; } >lying_bom8.txt
extract "UTF-8 BOM on GB18030 text" 30 any lying_bom8.txt

# --- structure ---
{ printf '一、任务。'; repeat 10000 '（'; printf '省发展改革委牵头'; repeat 10000 '）'; printf '\n'; } >nested.txt
extract "10,000 nested brackets （…）" 30 any nested.txt
{ printf '一、任务。'; repeat 10000 '('; printf '省发展改革委牵头'; repeat 10000 ')'; printf '\n'; } >nested_ascii.txt
extract "10,000 nested brackets (…)" 30 any nested_ascii.txt
{ printf '一、任务。'; repeat 10000 '（'; printf '省发展改革委牵头\n'; } >unclosed_many.txt
extract "10,000 unclosed brackets" 30 any unclosed_many.txt

# One marker with 10,000 levels (1.1.1…), then 10,000 lines cycling through every style.
{ repeat 9999 '1.'; printf '1 任务（省发展改革委牵头）\n'; } >levels_one.txt
extract "10,000 numbering levels in one marker" 30 any levels_one.txt
awk 'BEGIN {
    split("一、|（一）|1．|（1）|①|第一章|第一条|1)|(1)|一是", m, "|")
    for (i = 0; i < 10000; i++)
        printf "%s任务%d（省发展改革委牵头，省财政厅配合）\n", m[i % 10 + 1], i
}' >levels_many.txt
extract "10,000 numbered lines cycling through the styles" 30 any levels_many.txt

printf '一、推进改革）。（省发展改革委牵头）\n二、扩大开放（省商务厅牵头\n三、稳定就业）（（省人力资源社会保障厅牵头）\n' >unbalanced.txt
extract "unbalanced brackets" 30 any unbalanced.txt

{ printf '一、任务。（省'; repeat 33000 '很'; printf '厅牵头，省财政厅配合）\n'; } >long_agency.txt
extract "100 KB agency name in a clause" 30 any long_agency.txt

# A 50 MB single line: the seed text without line breaks, repeated up to 50 MB. It must
# finish and the time is printed: about 5 s of CPU in a release build and 35 s under ASan,
# but the wall time doubles or triples when other tests share the CPUs (ctest -j), so the
# limit is 180 s (FG_BIG_TIMEOUT to change it).
LC_ALL=C awk -v want=52428800 '{ n = int((want + length($0) - 1) / length($0))
                        for (i = 0; i < n; i++) printf "%s", $0 }' seedline.txt >big.txt
size_mb=$(($(wc -c <big.txt) / 1048576))
extract "${size_mb} MB single line" "${FG_BIG_TIMEOUT:-180}" any big.txt
rm -f big.txt

# --- files that are not plain files ---
mkdir adir
extract "a directory" 30 error adir

mkfifo fifo
cat "$form" >fifo &
writer=$!
if check "a FIFO fed by a writer" 30 ok fifo "$bin" extract --format tsv fifo; then
    if [ "$(wc -l <out)" -lt 2 ]; then
        bad "a FIFO fed by a writer: no rows" "$(head -c 300 err)"
    else
        ok "a FIFO fed by a writer (exit 0, $(($(wc -l <out) - 1)) rows)"
    fi
fi
kill "$writer" 2>/dev/null
wait "$writer" 2>/dev/null
writer=

extract "a file that does not exist" 30 error missing.txt

cp "$form" unreadable.txt
chmod 000 unreadable.txt
if [ "$(id -u)" -eq 0 ]; then
    echo "skip an unreadable file: running as root, which reads it anyway"
else
    extract "an unreadable file (chmod 000)" 30 error unreadable.txt
fi
chmod 644 unreadable.txt

# --- databases ---
gen 99 8192 >notsqlite.db
cp notsqlite.db notsqlite.orig
if check "ingest --db: not an SQLite file" 30 error notsqlite.db \
    "$bin" ingest --db notsqlite.db "$form"; then
    if cmp -s notsqlite.db notsqlite.orig; then
        ok "ingest --db: not an SQLite file (refused unchanged: $(head -n 1 err))"
    else
        bad "ingest --db: not an SQLite file: the file was changed"
    fi
fi
if [ -e notsqlite.db-wal ] || [ -e notsqlite.db-journal ]; then
    bad "ingest --db: not an SQLite file: left a journal beside it"
fi

if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 newer.db 'CREATE TABLE t(x); PRAGMA user_version=99;' || exit 2
    cp newer.db newer.orig
    if check "ingest --db: schema version 99" 30 error newer.db \
        "$bin" ingest --db newer.db "$form"; then
        if ! cmp -s newer.db newer.orig; then
            bad "ingest --db: schema version 99: the file was changed"
        elif ! grep -q 'newer' err; then
            bad "ingest --db: schema version 99: the message does not say the schema is newer" \
                "$(cat err)"
        else
            ok "ingest --db: schema version 99 (refused unchanged: $(head -n 1 err))"
        fi
    fi
else
    echo "skip ingest --db: schema version 99: sqlite3 is not installed"
fi

mkdir dbdir
check "ingest --db: a directory" 30 error dbdir "$bin" ingest --db dbdir "$form" &&
    ok "ingest --db: a directory (exit 1, $(head -n 1 err))"

fg_end
