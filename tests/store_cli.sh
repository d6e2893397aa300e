#!/bin/sh
# Store tests through the CLI: crash safety (kill -9 during an ingest), two concurrent
# ingests with a reader, several ingests creating one database, the unresolved-names listing,
# a read-only database file, a database written by a newer fengong, a full disk, the order
# of output with several reading threads, --no-index and the index command, the count of
# statements not understood. Each stored
# document must be complete: its assignment and item counts equal what 'fengong extract'
# gives for the same file.
# usage: tests/store_cli.sh PATH/TO/fengong   (FG_SOURCE_DIR names the source tree)
. "$(dirname "$0")/lib.sh"
fg_begin "$@"
seeds=$src/tests/fixtures/seeds
bg=""
# Background ingests still running are killed before the directory goes.
cleanup()
{
    for p in $bg; do
        kill -9 "$p" 2>/dev/null
    done
    [ -n "${KEEP:-}" ] || rm -rf "$tmp"
}
trap cleanup EXIT
have_sqlite=1
command -v sqlite3 >/dev/null 2>&1 || have_sqlite=0
[ "$have_sqlite" -eq 1 ] || echo "store: note: no sqlite3 tool; integrity checks skipped"

# ---- the documents: 60 copies of seeds 001 and 002, each with its own bytes ----
mkdir "$tmp/docs"
i=1
while [ "$i" -le 60 ]; do
    n=$(printf '%02d' "$i")
    if [ $((i % 2)) -eq 0 ]; then s=001_f9c4e63d6d2549a0.txt; else s=002_087d1517bea72081.txt; fi
    # The seeds have no comment lines: a closing note after the last item changes the
    # sha256 and nothing that is extracted.
    { cat "$seeds/$s"; printf '\n附注：副本%s\n' "$n"; } >"$tmp/docs/copy_$n.txt"
    i=$((i + 1))
done
all=$(ls "$tmp/docs"/*.txt)
set_a=$(ls "$tmp/docs"/copy_?[13579].txt)
set_b=$(ls "$tmp/docs"/copy_?[02468].txt)
# Expected counts per document: "name assignments items".
"$bin" extract --format tsv $all >"$tmp/extract.tsv" 2>"$tmp/err" || {
    echo "store: extract failed"; cat "$tmp/err"; exit 1; }
"$bin" extract --format tsv --items $all >"$tmp/items.tsv" 2>"$tmp/err" || {
    echo "store: extract --items failed"; cat "$tmp/err"; exit 1; }
awk -F'\t' 'FNR == 1 { next } NR == FNR { a[$1]++; next } { it[$1]++ }
    END { for (d in it) print d, a[d] + 0, it[d] }' "$tmp/extract.tsv" "$tmp/items.tsv" |
    LC_ALL=C sort >"$tmp/expect"
[ "$(wc -l <"$tmp/expect")" -eq 60 ] || { echo "store: expected 60 documents"; exit 1; }

# check_db DB LABEL [N]: integrity ok, every stored document complete (and N of them).
check_db()
{
    db=$1
    label=$2
    if [ "$have_sqlite" -eq 1 ] && [ -e "$db" ]; then
        ic=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)
        if [ "$ic" != "ok" ]; then
            bad "$label: integrity_check: $ic"
            return
        fi
    fi
    if ! "$bin" documents --db "$db" --format tsv >"$tmp/docs.tsv" 2>"$tmp/docs.err"; then
        # Killed before the schema was committed: no fengong tables at all is fine.
        if [ "$have_sqlite" -eq 1 ] && [ -e "$db" ] &&
            [ "$(sqlite3 "$db" 'SELECT count(*) FROM sqlite_master' 2>&1)" = "0" ]; then
            ok "$label: killed before the schema was created; the file is empty"
        elif [ ! -e "$db" ]; then
            ok "$label: killed before the database was created"
        else
            bad "$label: documents failed: $(cat "$tmp/docs.err")"
        fi
        return
    fi
    # doc doc_number year date items clauses assignments teams title sha256 ingested_at
    awk -F'\t' 'NR > 1 { print $1, $7, $5 }' "$tmp/docs.tsv" | LC_ALL=C sort >"$tmp/have"
    n=$(wc -l <"$tmp/have")
    wrong=$(LC_ALL=C comm -23 "$tmp/have" "$tmp/expect")
    if [ -n "$wrong" ]; then
        bad "$label: incomplete or wrong documents (name assignments items):"
        echo "$wrong" | head -5 | sed 's/^/    /'
    elif [ $# -ge 3 ] && [ "$n" -ne "$3" ]; then
        bad "$label: $n documents stored, want $3"
    else
        ok "$label: integrity ok, $n documents stored, each complete"
    fi
}

# errors_only: stderr of ingest without its notes on unresolved names (one per document).
errors_only()
{
    grep -v -e 'not in the gazetteer, stored as unresolved$' \
        -e "^  'fengong agencies --unresolved' lists them" -e '^  format of graphs/agencies.tsv'
}

# accounted DB LABEL "OUT..." "ERR..." FILE...: each FILE is stored in DB or named by an
# error of its ingest ("fengong: NAME: ..." on stderr), and each one an ingest said it had
# added is stored: no document is lost without a word.
accounted()
{
    _db=$1
    _label=$2
    _outs=$3
    _errs=$4
    shift 4
    "$bin" documents --db "$_db" --format tsv 2>/dev/null | awk -F'\t' 'NR > 1 { print $1 }' |
        LC_ALL=C sort >"$tmp/stored"
    # shellcheck disable=SC2086 # lists of files
    cat $_errs | errors_only >"$tmp/errors"
    # shellcheck disable=SC2086
    awk '$1 == "added" { print $2 }' $_outs | LC_ALL=C sort >"$tmp/added"
    _silent=""
    for _f in "$@"; do
        _n=$(basename "$_f")
        grep -qxF "$_n" "$tmp/stored" || grep -qF "fengong: $_n: " "$tmp/errors" ||
            _silent="$_silent $_n"
    done
    _lost=$(LC_ALL=C comm -23 "$tmp/added" "$tmp/stored" | tr '\n' ' ')
    if [ -n "$_lost" ]; then
        bad "$_label: said added but not stored: $_lost"
    elif [ -n "$_silent" ]; then
        bad "$_label: neither stored nor named in an error:$_silent"
    else
        ok "$_label: each file stored or named in an error, each one added stored ($(wc -l \
            <"$tmp/stored") stored, $(grep -c '^fengong: ' "$tmp/errors") errors)"
    fi
}

# ---- 1. crash safety: kill -9 in the middle of an ingest, three times ----
# Each round waits until a random number of further documents is stored (when sqlite3 can
# count them) and then a random 0.05-0.4 s more (0.00-0.10 s after such a wait, so that the
# kill lands inside a document's transaction on a fast build too).
db=$tmp/crash.db
rnd()
{
    awk -v seed="$$$1$(date +%N 2>/dev/null)" -v lo="$2" -v span="$3" \
        'BEGIN { srand(seed % 1000003); printf "%.2f", lo + rand() * span }'
}
target=0
for round in 1 2 3; do
    "$bin" ingest --db "$db" $all >"$tmp/crash.out" 2>&1 &
    p=$!
    bg=$p
    if [ "$have_sqlite" -eq 1 ]; then
        target=$((target + $(rnd "$round" 1 5 | cut -d. -f1)))
        t=0
        while [ "$t" -lt 500 ]; do
            n=$(sqlite3 "$db" 'SELECT count(*) FROM documents' 2>/dev/null)
            [ "${n:-0}" -ge "$target" ] && break
            sleep 0.02
            t=$((t + 1))
        done
        delay=$(rnd "$round" 0 0.1)
        what="after $target documents + ${delay}s"
    else
        delay=$(rnd "$round" 0.05 0.35)
        what="after ${delay}s"
    fi
    sleep "$delay"
    kill -9 "$p" 2>/dev/null
    wait "$p" 2>/dev/null
    rc=$?
    bg=""
    [ "$rc" -eq 137 ] || what="$what, but ingest had ended with exit $rc before the kill"
    check_db "$db" "kill -9 $what"
done
if "$bin" ingest --db "$db" $all >"$tmp/crash.out" 2>"$tmp/crash.err"; then
    check_db "$db" "ingest to the end after the crashes" 60
else
    bad "ingest after the crashes failed: $(head -3 "$tmp/crash.err")"
fi
if [ "$have_sqlite" -eq 1 ]; then
    r=$(sqlite3 "$db" "INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)" 2>&1)
    if [ -z "$r" ]; then
        ok "search index consistent with the items after the crashes"
    else
        bad "search index after the crashes: $r"
    fi
fi

# ---- 2. two ingests of disjoint sets at once, and a reader all along ----
db=$tmp/conc.db
# The reader: each successful 'documents' must list only complete documents. Before the
# first writer has created the schema, 'no such database' / 'older' are the right answers.
(
    runs=0
    fails=0
    early=0
    seen=0
    while [ ! -e "$tmp/writers_done" ]; do
        if "$bin" documents --db "$db" --format tsv >"$tmp/r.tsv" 2>"$tmp/r.err"; then
            seen=1
            runs=$((runs + 1))
            awk -F'\t' 'NR > 1 { print $1, $7, $5 }' "$tmp/r.tsv" | LC_ALL=C sort >"$tmp/r.have"
            if [ -n "$(LC_ALL=C comm -23 "$tmp/r.have" "$tmp/expect")" ]; then
                fails=$((fails + 1))
                echo "partial document seen: $(LC_ALL=C comm -23 "$tmp/r.have" "$tmp/expect" |
                    head -1)" >>"$tmp/reader.log"
            fi
        elif [ "$seen" -eq 0 ] && grep -q 'no such database\|is older than' "$tmp/r.err"; then
            early=$((early + 1))
        else
            fails=$((fails + 1))
            cat "$tmp/r.err" >>"$tmp/reader.log"
        fi
    done
    echo "$runs $fails $early" >"$tmp/reader.result"
) &
pr=$!
"$bin" ingest --db "$db" $set_a >"$tmp/a.out" 2>"$tmp/a.err" &
pa=$!
"$bin" ingest --db "$db" $set_b >"$tmp/b.out" 2>"$tmp/b.err" &
pb=$!
bg="$pr $pa $pb"
wait "$pa"
ra=$?
wait "$pb"
rb=$?
touch "$tmp/writers_done"
wait "$pr"
bg=""
if [ "$ra" -eq 0 ] && [ "$rb" -eq 0 ]; then
    ok "two concurrent ingests both exit 0"
else
    bad "concurrent ingests exit $ra and $rb:"
    cat "$tmp/a.err" "$tmp/b.err" | errors_only | head -5 | sed 's/^/    /'
fi
read -r runs fails early <"$tmp/reader.result"
if [ "$fails" -eq 0 ] && [ "$runs" -gt 0 ]; then
    ok "reader: $runs listings during the ingests, none failed, none partial" \
        "($early before the schema existed)"
else
    bad "reader: $fails of $((runs + fails)) listings failed:"
    sort "$tmp/reader.log" 2>/dev/null | uniq -c | head -5 | sed 's/^/    /'
fi
check_db "$db" "after the concurrent ingests" 60
accounted "$db" "the concurrent ingests" "$tmp/a.out $tmp/b.out" "$tmp/a.err $tmp/b.err" $all

# ---- 2b. a new database that several ingests open at the same moment ----
# They race to create it: switching to WAL and creating the schema must wait for the
# others, never fail ('database is locked', 'not a fengong database').
race_fail=0
for round in 1 2 3 4 5 6; do
    db=$tmp/race$round.db
    pids=""
    for k in 1 2 3 4; do
        "$bin" ingest --db "$db" "$tmp/docs/copy_$((round - 1))$k.txt" >/dev/null \
            2>"$tmp/race$k.err" &
        pids="$pids $!"
    done
    bg="$pids"
    k=0
    for p in $pids; do
        k=$((k + 1))
        if ! wait "$p"; then
            race_fail=$((race_fail + 1))
            sed "s/^/    round $round: /" "$tmp/race$k.err" | head -2
        fi
    done
    bg=""
    check_db "$db" "four ingests creating one database, round $round" 4
done
if [ "$race_fail" -eq 0 ]; then
    ok "six rounds of four ingests creating one database: all exit 0, each database complete"
else
    bad "$race_fail of 24 ingests creating one database failed"
fi

# ---- 2c. a document that cannot be stored, in the middle of a run ----
# A trigger refuses one document: the run goes on with the others, exits 1 and names the
# file that was not stored; once the trigger is gone the same run stores it.
if [ "$have_sqlite" -eq 1 ]; then
    db=$tmp/refuse.db
    ten=$(ls "$tmp/docs"/copy_0?.txt "$tmp/docs/copy_10.txt")
    "$bin" ingest --db "$db" "$tmp/docs/copy_01.txt" >/dev/null 2>&1
    sqlite3 "$db" "CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.name = \
        'copy_05.txt' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
    "$bin" ingest --db "$db" $ten >"$tmp/refuse.out" 2>"$tmp/refuse.err"
    rc=$?
    said=$(errors_only <"$tmp/refuse.err")
    case "$rc:$said" in
    "1:fengong: copy_05.txt: "*"injected failure")
        ok "a refused document: ingest exits 1 and names it ($said)" ;;
    *) bad "a refused document: ingest exits $rc and says: $said" ;;
    esac
    check_db "$db" "after the refused document" 9
    accounted "$db" "the run with a refused document" "$tmp/refuse.out" "$tmp/refuse.err" $ten
    sqlite3 "$db" "DROP TRIGGER refuse"
    if "$bin" ingest --db "$db" $ten >"$tmp/refuse.out" 2>"$tmp/refuse.err" &&
        [ "$(grep -c '^added' "$tmp/refuse.out")" -eq 1 ]; then
        ok "the refused document is stored by the next run, the others unchanged"
    else
        bad "the run after the refused document: $(errors_only <"$tmp/refuse.err" | head -2)"
    fi
    check_db "$db" "after the refused document was stored" 10
fi

# ---- 3. unresolved names: only names the gazetteer does not know ----
db=$tmp/seeds.db
if "$bin" ingest --db "$db" "$seeds"/*.txt >"$tmp/seeds.out" 2>"$tmp/seeds.err"; then
    ok "ingest of the five seeds"
else
    bad "ingest of the five seeds: $(head -3 "$tmp/seeds.err")"
fi
if "$bin" agencies --db "$db" --unresolved --format tsv >"$tmp/unres.tsv" 2>"$tmp/err"; then
    hdr=$(head -1 "$tmp/unres.tsv")
    n_unres=$(($(wc -l <"$tmp/unres.tsv") - 1))
    if [ "$hdr" = "$(printf 'name\tcount\tdocuments')" ]; then
        ok "agencies --unresolved: header, $n_unres unresolved names (depends on the gazetteer)"
    else
        bad "agencies --unresolved header: '$hdr'"
    fi
    # Each listed name is one the gazetteer does not know ('show' says so).
    known=""
    for name in $(awk -F'\t' 'NR > 1 && NR <= 41 { print $1 }' "$tmp/unres.tsv"); do
        "$bin" agencies --db "$db" show "$name" 2>/dev/null | head -1 |
            grep -q '(not in the gazetteer)' || known="$known $name"
    done
    if [ -z "$known" ]; then
        ok "every listed unresolved name is unknown to the gazetteer"
    else
        bad "listed as unresolved but known to the gazetteer:$known"
    fi
    if awk -F'\t' 'NR > 1 && ($1 == "省应急厅" || $1 == "省应急管理厅") { f = 1 } END { exit f }' \
        "$tmp/unres.tsv"; then
        ok "省应急厅 and 省应急管理厅 are not unresolved"
    else
        bad "省应急厅 or 省应急管理厅 listed as unresolved"
    fi
else
    bad "agencies --unresolved failed: $(cat "$tmp/err")"
fi
a1=$("$bin" agencies --db "$db" show 省应急厅 2>&1 | head -1)
a2=$("$bin" agencies --db "$db" show 省应急管理厅 2>&1 | head -1)
case "$a1" in
*"not in the gazetteer"*) bad "agencies show 省应急厅: $a1" ;;
*)
    if [ "$a1" = "$a2" ]; then
        ok "省应急厅 and 省应急管理厅 show the same agency ($a1)"
    else
        bad "省应急厅 → '$a1' but 省应急管理厅 → '$a2'"
    fi
    ;;
esac

# ---- 4. a read-only database file: listing works, ingest fails and changes nothing ----
mkdir "$tmp/ro"
cp "$db" "$tmp/ro/ro.db"
chmod 444 "$tmp/ro/ro.db"
cp "$tmp/ro/ro.db" "$tmp/ro.orig"
one_doc=$tmp/docs/copy_01.txt
ro_run()
{
    # the read-only checks as a user who cannot write the file
    "$bin" documents --db "$tmp/ro/ro.db" --format tsv >"$tmp/ro.docs" 2>"$tmp/ro.derr"
    echo "documents=$?"
    "$bin" ingest --db "$tmp/ro/ro.db" "$one_doc" >"$tmp/ro.out" 2>"$tmp/ro.err"
    echo "ingest=$?"
}
if [ "$(id -u)" -ne 0 ]; then
    how="chmod 444"
    res=$(ro_run)
elif unshare -m sh -c "mount --bind -o ro '$tmp/ro' '$tmp/ro'" 2>/dev/null; then
    how="read-only bind mount"
    export bin tmp one_doc
    # the same checks as ro_run, inside a private mount namespace
    res=$(unshare -m sh -c 'mount --bind -o ro "$tmp/ro" "$tmp/ro" &&
        "$bin" documents --db "$tmp/ro/ro.db" --format tsv >"$tmp/ro.docs" 2>"$tmp/ro.derr"
        echo documents=$?
        "$bin" ingest --db "$tmp/ro/ro.db" "$one_doc" >"$tmp/ro.out" 2>"$tmp/ro.err"
        echo ingest=$?')
else
    how=""
    echo "store: skipped: read-only database (root can write a chmod 444 file and" \
        "no private mount namespace is available)"
fi
if [ -n "$how" ]; then
    res=$(echo $res)
    if echo "$res" | grep -q 'documents=0' && [ "$(wc -l <"$tmp/ro.docs")" -eq 6 ]; then
        ok "read-only database ($how): documents lists the 5 documents"
    else
        bad "read-only database ($how): documents ($res): $(head -1 "$tmp/ro.derr")"
    fi
    # Refused, unchanged, and not called "not a fengong database": fg_store_open documents
    # that message for files that are not fengong databases, apart from permission errors.
    if echo "$res" | grep -q 'ingest=1' && [ -s "$tmp/ro.err" ] &&
        ! grep -q 'not a fengong database' "$tmp/ro.err" &&
        cmp -s "$tmp/ro/ro.db" "$tmp/ro.orig"; then
        ok "read-only database ($how): ingest exits 1 ($(head -1 "$tmp/ro.err")), file unchanged"
    else
        bad "read-only database ($how): ingest ($res): $(head -1 "$tmp/ro.err")"
    fi
fi

# ---- 5. a database from a newer fengong is refused and left alone ----
if [ "$have_sqlite" -eq 1 ]; then
    cp "$db" "$tmp/newer.db"
    sqlite3 "$tmp/newer.db" 'PRAGMA user_version = 99' >/dev/null
    cp "$tmp/newer.db" "$tmp/newer.orig"
    "$bin" ingest --db "$tmp/newer.db" "$one_doc" >"$tmp/newer.out" 2>"$tmp/newer.err"
    rc=$?
    if [ "$rc" -eq 1 ] && grep -q 'newer' "$tmp/newer.err" &&
        cmp -s "$tmp/newer.db" "$tmp/newer.orig"; then
        ok "newer schema: ingest exits 1 ($(head -1 "$tmp/newer.err")), file unchanged"
    else
        bad "newer schema: ingest exit $rc, '$(head -1 "$tmp/newer.err")'," \
            "$(cmp "$tmp/newer.db" "$tmp/newer.orig" 2>&1 || true)"
    fi
    "$bin" documents --db "$tmp/newer.db" >/dev/null 2>"$tmp/newer.err"
    rc=$?
    if [ "$rc" -eq 1 ] && grep -q 'newer' "$tmp/newer.err" &&
        cmp -s "$tmp/newer.db" "$tmp/newer.orig"; then
        ok "newer schema: documents exits 1 with 'newer', file unchanged"
    else
        bad "newer schema: documents exit $rc, '$(head -1 "$tmp/newer.err")'"
    fi
else
    echo "store: skipped: newer schema (no sqlite3 tool)"
fi

# ---- 6. a full disk (file size limit) fails cleanly and corrupts nothing ----
if [ "$have_sqlite" -eq 1 ]; then
    full=$tmp/full.db
    (
        trap '' XFSZ
        ulimit -f 200
        "$bin" ingest --db "$full" "$src/tests/fixtures/seeds/001_f9c4e63d6d2549a0.txt" \
            "$src/tests/fixtures/seeds/002_087d1517bea72081.txt" >/dev/null 2>"$tmp/full.err"
    )
    rc=$?
    integrity=$(sqlite3 "$full" 'PRAGMA integrity_check' 2>&1)
    stored=$(sqlite3 "$full" 'SELECT count(*) FROM documents' 2>&1)
    if [ "$rc" -eq 1 ] && grep -q 'full' "$tmp/full.err" && [ "$integrity" = ok ]; then
        ok "full disk: exit 1 ($(head -1 "$tmp/full.err")), integrity ok, $stored documents"
    else
        bad "full disk: exit $rc, '$(head -1 "$tmp/full.err")', integrity '$integrity'"
    fi
else
    echo "store: skipped: full disk (no sqlite3 tool)"
fi

# ---- 7. files read on several threads: output and messages in the order given ----
# Twelve documents with a missing file and a text that is no task-division document among
# them: every --jobs gives the same stdout, the same stderr and the same exit status.
printf '关于做好春节期间有关工作的通知\n\n各单位：\n请认真做好值班值守。\n' >"$tmp/plain.txt"
order=$(ls "$tmp/docs"/copy_0*.txt | head -5)
order="$order $tmp/missing.txt $tmp/plain.txt $(ls "$tmp/docs"/copy_1*.txt | head -5)"
same=1
for j in 1 2 5; do
    rm -f "$tmp/order.db"*
    "$bin" ingest --jobs $j --db "$tmp/order.db" $order >"$tmp/order$j.out" 2>"$tmp/order$j.err"
    echo "exit $?" >>"$tmp/order$j.err"
    if [ "$j" -gt 1 ] && ! { cmp -s "$tmp/order1.out" "$tmp/order$j.out" &&
        cmp -s "$tmp/order1.err" "$tmp/order$j.err"; }; then
        same=0
        bad "ingest --jobs $j differs from --jobs 1:"
        diff "$tmp/order1.out" "$tmp/order$j.out" | head -3 | sed 's/^/    /'
        diff "$tmp/order1.err" "$tmp/order$j.err" | head -3 | sed 's/^/    /'
    fi
done
want_order=$(for f in $order; do case $f in *missing* | *plain*) ;; *) basename "$f" ;; esac; done)
have_order=$(awk '{ print $2 }' "$tmp/order1.out")
if [ "$same" -eq 1 ] && [ "$have_order" = "$want_order" ] &&
    grep -q 'exit 1' "$tmp/order1.err" && [ "$(grep -c missing.txt "$tmp/order1.err")" -eq 1 ] &&
    [ "$(grep -c plain.txt "$tmp/order1.err")" -eq 1 ] &&
    [ "$(grep -n missing.txt "$tmp/order1.err" | cut -d: -f1)" -lt \
        "$(grep -n plain.txt "$tmp/order1.err" | cut -d: -f1)" ]; then
    ok "ingest --jobs 1, 2, 5: the same output in the order of the files, both errors named," \
        "exit 1"
elif [ "$same" -eq 1 ]; then
    bad "ingest order: stdout '$(echo $have_order | head -c 200)', stderr" \
        "'$(head -c 300 "$tmp/order1.err")'"
fi
check_db "$tmp/order.db" "after the ingest with a missing file" 10
for j in 0 x 65; do
    "$bin" ingest --jobs $j --db "$tmp/order.db" "$one_doc" >/dev/null 2>"$tmp/jobs.err"
    rc=$?
    if [ "$rc" -eq 2 ] && grep -q -- '--jobs' "$tmp/jobs.err"; then
        ok "ingest --jobs $j: usage error"
    else
        bad "ingest --jobs $j: exit $rc, '$(head -1 "$tmp/jobs.err")'"
    fi
done

# ---- 8. --no-index: search still finds the documents; a later ingest indexes them ----
db=$tmp/noindex.db
"$bin" ingest --db "$tmp/indexed.db" "$one_doc" >/dev/null 2>&1
"$bin" search --db "$tmp/indexed.db" --format tsv 专项债券 >"$tmp/s.want" 2>&1
"$bin" ingest --no-index --db "$db" "$one_doc" >/dev/null 2>"$tmp/ni.err"
rc=$?
"$bin" search --db "$db" --format tsv 专项债券 >"$tmp/s.have" 2>&1
if [ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/s.want")" -gt 1 ] && cmp -s "$tmp/s.want" "$tmp/s.have"; then
    ok "ingest --no-index: search gives what it gives on an indexed store"
else
    bad "ingest --no-index: exit $rc, search: $(diff "$tmp/s.want" "$tmp/s.have" | head -3)"
fi
if [ "$have_sqlite" -eq 1 ]; then
    before=$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'fts_upto'")
    "$bin" ingest --db "$db" "$one_doc" >"$tmp/ni.out" 2>&1
    after=$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'fts_upto'")
    items=$(sqlite3 "$db" "SELECT max(id) FROM items")
    "$bin" search --db "$db" --format tsv 专项债券 >"$tmp/s.have" 2>&1
    if [ "$before" = 0 ] && [ "$after" = "$items" ] && grep -q '^unchanged' "$tmp/ni.out" &&
        cmp -s "$tmp/s.want" "$tmp/s.have"; then
        ok "an ingest of an unchanged file indexes what --no-index left (fts_upto 0 -> $after)"
    else
        bad "after --no-index: fts_upto $before -> $after (items $items), $(cat "$tmp/ni.out")"
    fi
fi

# ---- 9. 'fengong index' after --no-index; its errors ----
db=$tmp/index.db
"$bin" ingest --no-index --db "$db" "$one_doc" >/dev/null 2>&1
"$bin" index --db "$db" >"$tmp/ix.out" 2>"$tmp/ix.err"
rc=$?
"$bin" index --db "$db" >"$tmp/ix2.out" 2>&1
rc2=$?
"$bin" search --db "$db" --format tsv 专项债券 >"$tmp/s.have" 2>&1
n_items=$("$bin" documents --db "$db" --format tsv | awk -F'\t' 'NR == 2 { print $5 }')
if [ "$rc" -eq 0 ] && [ "$(cat "$tmp/ix.out")" = "indexed $n_items tasks" ] &&
    [ "$rc2" -eq 0 ] && [ "$(cat "$tmp/ix2.out")" = "indexed 0 tasks" ] &&
    cmp -s "$tmp/s.want" "$tmp/s.have"; then
    ok "index after ingest --no-index: indexed $n_items tasks, then 0; search as on an indexed store"
else
    bad "index: exit $rc ($(cat "$tmp/ix.out" "$tmp/ix.err")), again: exit $rc2 ($(cat "$tmp/ix2.out"))"
fi
if [ "$have_sqlite" -eq 1 ]; then
    r=$(sqlite3 "$db" "INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)" 2>&1)
    upto=$(sqlite3 "$db" "SELECT value FROM meta WHERE key = 'fts_upto'")
    items=$(sqlite3 "$db" "SELECT max(id) FROM items")
    if [ -z "$r" ] && [ "$upto" = "$items" ]; then
        ok "index: the search index is consistent and reaches the last task ($upto)"
    else
        bad "index: integrity-check '$r', fts_upto $upto of $items"
    fi
fi
"$bin" index --db "$tmp/none.db" >/dev/null 2>"$tmp/ix.err"
rc=$?
if [ "$rc" -eq 1 ] && [ ! -e "$tmp/none.db" ] && grep -q "none.db: no such database" "$tmp/ix.err"; then
    ok "index of a missing database: exit 1, $(cat "$tmp/ix.err"), nothing created"
else
    bad "index of a missing database: exit $rc, $(cat "$tmp/ix.err")"
fi
"$bin" index --db "$db" --jobs 2 >/dev/null 2>"$tmp/ix.err"
rc=$?
if [ "$rc" -eq 2 ] && [ "$(head -1 "$tmp/ix.err")" = "fengong index: option '--jobs' does not apply here" ]; then
    ok "index --jobs 2: usage error that names the option"
else
    bad "index --jobs 2: exit $rc, $(head -1 "$tmp/ix.err")"
fi

# ---- statements not understood: ingest stores their count, documents shows it ----
udb=$tmp/unparsed.db
"$bin" ingest --db "$udb" "$src/tests/forms/unparsed.txt" "$seeds/001_f9c4e63d6d2549a0.txt" \
    >"$tmp/u.out" 2>"$tmp/u.err"
rc=$?
if [ "$rc" -eq 0 ] &&
    grep -q '^added     unparsed.txt (10 items, 3 clauses, 10 assignments, 0 teams, 5 not understood)$' "$tmp/u.out" &&
    grep -q '^added     001_f9c4e63d6d2549a0.txt (.* 0 teams)$' "$tmp/u.out"; then
    ok "ingest says how many statements of a document were not understood (5), and nothing for none"
else
    bad "ingest of unparsed.txt: exit $rc, $(cat "$tmp/u.out" "$tmp/u.err")"
fi
"$bin" documents --db "$udb" --format tsv >"$tmp/u.tsv" 2>"$tmp/u.err"
# doc doc_number year date items clauses assignments teams unparsed format title sha256
# ingested_at
have=$(awk -F'\t' '{ print $1, $9 }' "$tmp/u.tsv" | tr '\n' ';')
if [ "$have" = "doc unparsed;001_f9c4e63d6d2549a0.txt 0;unparsed.txt 5;" ]; then
    ok "documents --format tsv: the unparsed column holds 0 and 5"
else
    bad "documents --format tsv: '$have' $(cat "$tmp/u.err")"
fi
"$bin" documents --db "$udb" --format json >"$tmp/u.json" 2>"$tmp/u.err"
if grep -q '"unparsed": 5' "$tmp/u.json"; then
    ok "documents --format json: \"unparsed\": 5"
else
    bad "documents --format json: no \"unparsed\": 5 in $(head -c 300 "$tmp/u.json")"
fi
"$bin" documents --db "$udb" --format table >"$tmp/u.table" 2>"$tmp/u.err"
if head -1 "$tmp/u.table" | grep -q 'teams  unparsed  format  title' &&
    grep -q '^unparsed.txt .* 0         5  text    江西省人民政府办公厅' "$tmp/u.table"; then
    ok "documents --format table: an unparsed column before the title"
else
    bad "documents --format table: $(head -3 "$tmp/u.table")"
fi

# A failed ingest into a new database leaves no database behind; an existing one is kept.
: >"$tmp/empty.txt"
"$bin" ingest --db "$tmp/fresh.db" "$tmp/no-such.txt" "$tmp/empty.txt" >"$tmp/f.out" 2>"$tmp/f.err"
rc=$?
if [ "$rc" -eq 1 ] && [ ! -e "$tmp/fresh.db" ] && [ ! -e "$tmp/fresh.db-wal" ] &&
    grep -q "empty.txt: no numbered items, clauses or work teams: not a task-division document" "$tmp/f.err"; then
    ok "ingest of nothing storable into a new database: exit 1, the reason, no database file left"
else
    bad "failed ingest into a new database: exit $rc, $(ls "$tmp"/fresh.db* 2>/dev/null) $(cat "$tmp/f.err")"
fi
# The run that created a database and stored nothing must not delete the documents that
# another run stored in it meanwhile: A creates shared.db and waits on a FIFO for its only
# file, B stores copy_01, then A reads something that is no plan and ends.
mkfifo "$tmp/pending.txt" 2>/dev/null
if [ -p "$tmp/pending.txt" ]; then
    "$bin" ingest --db "$tmp/shared.db" "$tmp/pending.txt" >/dev/null 2>"$tmp/sa.err" &
    pa=$!
    bg=$pa
    t=0
    while [ ! -e "$tmp/shared.db" ] && [ "$t" -lt 500 ]; do
        sleep 0.02
        t=$((t + 1))
    done
    "$bin" ingest --db "$tmp/shared.db" "$tmp/docs/copy_01.txt" >/dev/null 2>"$tmp/sb.err"
    rb=$?
    # the writer is killed (and A ends) should A have died without opening the FIFO
    echo '不是分工方案' >"$tmp/pending.txt" &
    pw=$!
    bg="$pa $pw"
    wait "$pa"
    ra=$?
    kill "$pw" 2>/dev/null
    bg=""
    if [ "$ra" -eq 1 ] && [ "$rb" -eq 0 ] && "$bin" documents --db "$tmp/shared.db" \
        --format tsv 2>/dev/null | grep -q '^copy_01.txt'; then
        ok "a run that created the database and stored nothing keeps another run's document"
    else
        left=$(ls "$tmp"/shared.db* 2>/dev/null | tr '\n' ' ')
        bad "a run that created the database and stored nothing exits $ra, the other $rb;" \
            "files left: ${left:-none} $(errors_only <"$tmp/sb.err")"
    fi
else
    echo "store: skipped: no FIFO (mkfifo) for the run that stores nothing"
fi
"$bin" ingest --db "$tmp/kept.db" "$src/tests/forms/sentences.txt" >/dev/null 2>&1
"$bin" ingest --db "$tmp/kept.db" "$tmp/empty.txt" >/dev/null 2>&1
if [ -s "$tmp/kept.db" ] && "$bin" documents --db "$tmp/kept.db" --format tsv 2>/dev/null | grep -q '^sentences.txt'; then
    ok "a failed ingest into an existing database keeps it and its documents"
else
    bad "a failed ingest into an existing database lost it"
fi

# A city's document with the provincial gazetteer: ingest says on stderr how many of its agency
# names were stored as unresolved (as many as 'agencies --unresolved' lists) and how to add
# them; with a gazetteer file that names them (what the message advises), it says nothing.
city=$src/tests/forms/city_mixed.txt
"$bin" ingest --db "$tmp/city.db" "$city" >/dev/null 2>"$tmp/city.err"
n_list=$(($("$bin" agencies --unresolved --db "$tmp/city.db" --format tsv | wc -l) - 1))
n_said=$(sed -n 's/^fengong: city_mixed.txt: \([0-9]*\) agency names\{0,1\} not in the gazetteer, stored as unresolved$/\1/p' "$tmp/city.err")
if [ "$n_list" -gt 0 ] && [ "$n_said" = "$n_list" ] &&
    grep -q "'fengong agencies --unresolved' lists them" "$tmp/city.err" &&
    grep -q -e '--gazetteer FILE' "$tmp/city.err"; then
    ok "ingest of a city document says $n_said names are unresolved and how to add them"
else
    bad "ingest of a city document: said '${n_said}', 'agencies --unresolved' lists $n_list: $(cat "$tmp/city.err")"
fi
{
    printf 'canonical\taliases\tlevel\ttype\tsuccessor\tsince\tsource\n'
    "$bin" agencies --unresolved --db "$tmp/city.db" --format tsv | sed 1d |
        while IFS="$(printf '\t')" read -r name _; do
            printf '%s\t\tcity\tgovernment\t\t\ttest\n' "$name"
        done
} >"$tmp/city_gz.tsv"
"$bin" ingest --db "$tmp/city2.db" --gazetteer "$tmp/city_gz.tsv" "$city" >/dev/null 2>"$tmp/city2.err"
n2=$(($("$bin" agencies --unresolved --db "$tmp/city2.db" --format tsv | wc -l) - 1))
if [ "$n2" -eq 0 ] && ! grep -q 'not in the gazetteer' "$tmp/city2.err"; then
    ok "with a gazetteer file naming them, no name is unresolved and ingest says nothing"
else
    bad "with the city gazetteer: $n2 unresolved, stderr: $(cat "$tmp/city2.err")"
fi

fg_end
