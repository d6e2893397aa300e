#!/bin/sh
# Scale benchmark: every stage of fengong on a synthetic corpus (bench/gen.py) of each size.
#
# usage: sh bench/scale.sh [BUILD_DIR] [SIZES]
#   BUILD_DIR  where fengong was built (default build)
#   SIZES      any of S M L, quoted (default "S M"; L is ~30,000 documents, 1.4 GB of text and
#              a 7 GB store: about 40 minutes for the stages, and NetworkX's betweenness on
#              its 3,800-agency projection takes about as long again, so use NX=0 for L)
# environment:
#   SEED=N            corpus seed (default 1)
#   STAGE_TIMEOUT=S   stop a stage after S seconds and report it as a timeout (default: none)
#   NX=0              skip the NetworkX comparison
#   RESULTS=FILE      where to add the dated section (default bench/results.md; empty: nowhere)
#   KEEP=DIR          keep the corpora, databases and outputs in DIR instead of a temp dir
#   REUSE=1           with KEEP: use a corpus already generated in DIR/SIZE/docs (same seed!)
#   NOTES=DIR         also put each DIR/*.txt (other benchmarks' output, see make bench) into
#                     the dated section, as a code block
#
# For each size: generate the corpus (not timed), then time with /usr/bin/time -v (wall
# time, peak RSS) extract --format tsv (all files, to /dev/null), ingest --no-index (one
# process, all files, new database), index (the search index of all the tasks, once), load, centrality, communities, render team --all, report, export
# --projection --format graphml, and centrality of one place (its documents by --doc); then
# bench_analysis on the store and NetworkX 2.x (Debian python3-networkx) on the very same
# agency projection, measure by measure: degree, betweenness (length = 1/weight), harmonic,
# eigenvector, PageRank (weight, 0.85), communities (Leiden vs Louvain). A failing stage
# prints its error and the run goes on.
set -u
build=${1:-build}
sizes=${2:-"S M"}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seed=${SEED:-1}
tlimit=${STAGE_TIMEOUT:-}
results=${RESULTS-$root/bench/results.md}
py=/usr/bin/python3
. "$here/lib.sh"
bench_tools scale.sh "$build"
if [ -n "${KEEP:-}" ]; then
    work=$KEEP
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT INT TERM
fi
# A private copy: a rebuild of BUILD_DIR during the run cannot mix two versions.
cp "$fg" "$work/fengong" || exit 1
fg=$work/fengong
ba=$work/bench_analysis
cp "$(cd "$build" && pwd)/bench_analysis" "$ba" 2>/dev/null || ba=/nonexistent
rev=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')
if [ -n "$(git -C "$root" status --porcelain -- src include CMakeLists.txt 2>/dev/null)" ]; then
    rev="$rev + uncommitted changes in src/"
fi
rows=$work/rows.tsv       # size stage seconds throughput rss_mb db_mb
nxrows=$work/nx.tsv       # size measure networkx_s fengong_s ratio
corp=$work/corpus.tsv     # size docs input_mb rows teams nodes edges db_mb
: >"$rows"
: >"$nxrows"
: >"$corp"

# seconds from "h:mm:ss" or "m:ss.ss"
secs() {
    awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else if (NF == 2) print $1 * 60 + $2; else print $1 }'
}

# stage SIZE NAME DIR CMD... : run CMD in DIR under /usr/bin/time -v; sets $st_s, $st_rss, $st_ok
stage() {
    s_size=$1
    s_name=$2
    s_dir=$3
    shift 3
    tfile=$work/time.txt
    efile=$work/stderr.txt
    : >"$tfile"
    if [ -n "$tlimit" ]; then
        (cd "$s_dir" && /usr/bin/time -v -o "$tfile" timeout "$tlimit" "$@") >"$work/stdout.txt" 2>"$efile"
    else
        (cd "$s_dir" && /usr/bin/time -v -o "$tfile" "$@") >"$work/stdout.txt" 2>"$efile"
    fi
    rc=$?
    st_s=$(grep 'Elapsed (wall clock)' "$tfile" | sed 's/.*): *//' | secs)
    st_rss=$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$tfile")
    st_ok=1
    if [ "$rc" -ne 0 ]; then
        st_ok=0
        if [ "$rc" -eq 124 ] && [ -n "$tlimit" ]; then
            echo "  $s_size $s_name: stopped after ${tlimit} s (STAGE_TIMEOUT)" >&2
        else
            echo "  $s_size $s_name: FAILED (exit $rc): $*" >&2
            grep -v '^	\|^Command exited' "$efile" | tail -5 | sed 's/^/    /' >&2
            grep 'terminated by signal' "$tfile" | sed 's/^/    /' >&2
        fi
    fi
    printf '  %-12s %-4s %9.2f s  %6s MB RSS%s\n' "$s_name" "$s_size" "${st_s:-0}" "${st_rss:-?}" \
        "$([ "$st_ok" = 1 ] || echo '  (failed)')" >&2
}

# row SIZE STAGE THROUGHPUT DB_MB
row() {
    if [ "$st_ok" = 1 ]; then
        printf '%s\t%s\t%.2f\t%s\t%s\t%s\n' "$1" "$2" "$st_s" "$3" "$st_rss" "$4" >>"$rows"
    elif [ -n "$tlimit" ] && [ "$rc" -eq 124 ]; then
        printf '%s\t%s\t> %s\t(timeout)\t%s\t%s\n' "$1" "$2" "$tlimit" "$st_rss" "$4" >>"$rows"
    else
        printf '%s\t%s\t%.2f\tFAILED (exit %s)\t%s\t%s\n' "$1" "$2" "${st_s:-0}" "$rc" "$st_rss" "$4" >>"$rows"
    fi
}

for size in $sizes; do
    case "$size" in
        S|M|L) ;;
        *) echo "scale.sh: unknown size $size (S, M or L)" >&2; continue ;;
    esac
    d=$work/$size
    if [ "${REUSE:-0}" = 1 ] && [ -n "$(ls -A "$d/docs" 2>/dev/null)" ]; then
        echo "== $size: reusing the corpus in $d/docs" >&2
        find "$d" -mindepth 1 -maxdepth 1 ! -name docs -exec rm -rf {} +
        mkdir -p "$d/maps"
    else
        rm -rf "$d"
        mkdir -p "$d/docs" "$d/maps"
        echo "== $size: generating (not timed)" >&2
        if ! $py "$here/gen.py" --size "$size" --seed "$seed" --out "$d/docs"; then
            echo "scale.sh: gen.py failed for $size" >&2
            continue
        fi
    fi
    ndocs=$(ls "$d/docs" | wc -l)
    bytes=$(cat "$d/docs"/* | wc -c)
    mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
    db=$d/fengong.db
    echo "== $size: $ndocs documents, $mb MB" >&2

    # shellcheck disable=SC2035
    stage "$size" extract "$d/docs" sh -c 'exec "$0" extract --format tsv * >/dev/null' "$fg"
    row "$size" extract "$(awk -v b="$bytes" -v s="$st_s" 'BEGIN { printf "%.1f MB/s", b / 1e6 / (s > 0 ? s : 1e-9) }')" ""

    # shellcheck disable=SC2035
    # A bulk load: documents first, then the search index once (what the README advises).
    stage "$size" ingest "$d/docs" sh -c 'exec "$0" ingest --no-index --db "$1" * >/dev/null' "$fg" "$db"
    ing_ok=$st_ok
    ing_s=$st_s
    ing_rss=$st_rss
    ing_rc=$rc
    stage "$size" index "$d" "$fg" index --db "$db"
    ix_ok=$st_ok; ix_s=$st_s; ix_rss=$st_rss; ix_rc=$rc
    dbmb=$(du -cb "$db"* 2>/dev/null | awk 'END { printf "%.1f", $1 / 1e6 }')
    "$fg" documents --db "$db" --format tsv >"$d/documents.tsv" 2>"$work/stderr.txt" ||
        sed 's/^/    /' "$work/stderr.txt" >&2
    # documents: doc doc_number year date items clauses assignments teams …
    stored=$(awk -F'\t' 'NR > 1 { n++ } END { print n + 0 }' "$d/documents.tsv")
    arows=$(awk -F'\t' 'NR > 1 { s += $7 } END { print s + 0 }' "$d/documents.tsv")
    teams=$(awk -F'\t' 'NR > 1 { s += $8 } END { print s + 0 }' "$d/documents.tsv")
    tasks=$(awk -F'\t' 'NR > 1 { s += $5 } END { print s + 0 }' "$d/documents.tsv")
    st_ok=$ing_ok; st_s=$ing_s; st_rss=$ing_rss; rc=$ing_rc
    row "$size" ingest "$(awk -v n="$stored" -v r="$arows" -v s="$st_s" 'BEGIN { s = s > 0 ? s : 1e-9; printf "%.0f docs/s, %.0f rows/s", n / s, r / s }')" ""
    st_ok=$ix_ok; st_s=$ix_s; st_rss=$ix_rss; rc=$ix_rc
    row "$size" index "$(awk -v n="$tasks" -v s="$st_s" 'BEGIN { printf "%d tasks, %.0f tasks/s", n, n / (s > 0 ? s : 1e-9) }')" "$dbmb"

    for c in load centrality communities; do
        stage "$size" "$c" "$d" "$fg" "$c" --db "$db" --format tsv
        cp "$work/stdout.txt" "$d/$c.tsv"
        row "$size" "$c" "" ""
        eval "t_$c=\$st_s ok_$c=\$st_ok"
    done

    # One jurisdiction: the place (file names are YEAR_PLACE_NNN.txt) with the most
    # documents, at most 64 of them (--doc takes up to 64).
    place=$(ls "$d/docs" | awk -F_ '{ n[$2]++ } END { for (p in n) if (n[p] > m) { m = n[p]; b = p } print b }')
    set --
    for f in $(ls "$d/docs" | grep "_${place}_" | head -64); do
        set -- "$@" --doc "$f"
    done
    jn=$(( $# / 2 ))
    stage "$size" "centrality (1 place)" "$d" "$fg" centrality --db "$db" --format tsv "$@"
    row "$size" "centrality (1 place)" "$place: $jn documents" ""
    set --

    stage "$size" "render team" "$d" "$fg" render team --all --db "$db" -o "$d/maps"
    maps=$(ls "$d/maps" | wc -l)
    row "$size" "render team" "$(awk -v m="$maps" -v t="$teams" -v s="$st_s" 'BEGIN { printf "%d files for %d teams, %.1f files/s", m, t, m / (s > 0 ? s : 1e-9) }')" ""

    stage "$size" report "$d" "$fg" report --db "$db" -o "$d/report.html"
    row "$size" report "$(du -b "$d/report.html" 2>/dev/null | awk '{ printf "%.1f MB of HTML", $1 / 1e6 }')" ""

    stage "$size" "export" "$d" "$fg" export --projection --format graphml -o "$d/projection.graphml" --db "$db"
    row "$size" "export" "$(du -b "$d/projection.graphml" 2>/dev/null | awk '{ printf "%.1f MB of GraphML", $1 / 1e6 }')" ""
    ok_export=$st_ok

    nodes=$(awk '/<node / { n++ } END { print n + 0 }' "$d/projection.graphml" 2>/dev/null || echo 0)
    edges=$(awk '/<edge / { n++ } END { print n + 0 }' "$d/projection.graphml" 2>/dev/null || echo 0)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$stored" "$mb" "$arows" "$teams" "$nodes" "$edges" "$dbmb" >>"$corp"

    # fengong (igraph, in-process, the graph loaded once) and NetworkX on the very same
    # agency projection of this store: bench_analysis writes the edges and its own times,
    # nx_analysis.py reads the edges and times NetworkX.
    if [ "${NX:-1}" != 0 ] && [ "$ing_ok" = 1 ]; then
        echo "== $size: igraph vs NetworkX on the same projection" >&2
        mkdir -p "$d/nx"
        if "$ba" --db "$db" --out "$d/nx" >"$d/nx/bench.txt" 2>"$work/stderr.txt" &&
            $py "$here/nx_analysis.py" "$d/nx" --tsv >"$d/nx.tsv" 2>>"$work/stderr.txt"; then
            awk -F'\t' -v size="$size" '
                $1 == "version" { print $2 > "/dev/stderr"; next }
                $1 == "nodes" || $1 == "edges" { next }
                { printf "%s\t%s\t%s\t%s\t%s×\n", size, $1, $3, $2, $4 }' \
                "$d/nx.tsv" >>"$nxrows" 2>"$work/nxversion.txt"
        else
            echo "  $size NetworkX: FAILED" >&2
            tail -5 "$work/stderr.txt" | sed 's/^/    /' >&2
        fi
    fi
done

# ---- the table ----
model=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: *//')
cpus=$(nproc)
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
nxv=$(cat "$work/nxversion.txt" 2>/dev/null)
table=$work/table.md
{
    echo "Corpus (bench/gen.py --seed $seed) and store:"
    echo
    echo "| size | documents | input MB | assignment rows | teams | agencies (projection) | projection edges | DB MB |"
    echo "|---|---|---|---|---|---|---|---|"
    awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8 }' "$corp"
    echo
    echo "Stages (wall seconds and peak RSS from /usr/bin/time -v; one process each):"
    echo
    echo "| stage | size | seconds | throughput | peak RSS MB | DB MB |"
    echo "|---|---|---|---|---|---|"
    for st in extract ingest index load centrality "centrality (1 place)" communities "render team" report export; do
        awk -F'\t' -v st="$st" '$2 == st { printf "| %s | %s | %s | %s | %s | %s |\n", $2, $1, $3, $4, $5, $6 }' "$rows"
    done
    echo
    echo "End to end (ingest, which extracts; index, load, centrality, communities, render team, report, export):"
    echo
    echo "| size | seconds | peak RSS MB |"
    echo "|---|---|---|"
    awk -F'\t' '$2 == "ingest" || $2 == "index" || $2 == "load" || $2 == "centrality" || $2 == "communities" ||
                 $2 == "render team" || $2 == "report" || $2 == "export" {
                     s[$1] += $3; if ($5 + 0 > r[$1]) r[$1] = $5 + 0; if (!($1 in o)) o[$1] = ++n }
                 END { for (k in o) order[o[k]] = k
                       for (i = 1; i <= n; i++) printf "| %s | %.1f | %d |\n", order[i], s[order[i]], r[order[i]] }' "$rows"
    echo
    echo "Cost per unit (flat from size to size = linear):"
    echo
    echo "| size | extract s per 100 MB | ingest s per million rows | index s per 100 MB | load s per million rows |"
    echo "|---|---|---|---|---|"
    awk -F'\t' 'FNR == NR { mb[$1] = $3; ar[$1] = $4; order[++n] = $1; next }
                 $2 == "extract" { e[$1] = $3 } $2 == "ingest" { i[$1] = $3 } $2 == "load" { l[$1] = $3 }
                 $2 == "index" { x[$1] = $3 }
                 END { for (j = 1; j <= n; j++) { k = order[j]; if (mb[k] > 0 && ar[k] > 0)
                         printf "| %s | %.2f | %.2f | %.2f | %.2f |\n", k, e[k] * 100 / mb[k], i[k] * 1e6 / ar[k], x[k] * 100 / mb[k], l[k] * 1e6 / ar[k] } }' \
        "$corp" "$rows"
    if [ -s "$nxrows" ]; then
        echo
        echo "igraph (fengong library, graph loaded once) vs NetworkX ${nxv} on the same agency projection, same run"
        echo "(seconds per measure; ratio = NetworkX / fengong; NetworkX has no Leiden, so communities is Louvain):"
        echo
        echo "| size | measure | NetworkX s | fengong s | ratio |"
        echo "|---|---|---|---|---|"
        awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$nxrows"
    fi
} >"$table"
echo
cat "$table"

if [ -n "$results" ]; then
    section=$work/section.md
    {
        echo "## $(date +%Y-%m-%d) — scale benchmark (bench/scale.sh, sizes $sizes) — $model (nproc $cpus, $mem)"
        echo
        echo "\`sh bench/scale.sh $build \"$sizes\"\`, fengong $rev, binary built $(date -r "$build/fengong" '+%Y-%m-%d %H:%M')."
        echo
        cat "$table"
        echo
        if [ -n "${NOTES:-}" ] && ls "$NOTES"/*.txt >/dev/null 2>&1; then
            echo "The other benchmarks of the same \`make bench\`:"
            echo
            for f in "$NOTES"/*.txt; do
                echo '```'
                cat "$f"
                echo '```'
                echo
            done
        fi
    } >"$section"
    # Newest first: the section goes before the first existing "## " heading.
    if [ -f "$results" ] && grep -q '^## ' "$results"; then
        awk -v f="$section" '!done && /^## / { while ((getline l < f) > 0) print l; done = 1 } { print }' \
            "$results" >"$work/results.new" && cat "$work/results.new" >"$results"
    else
        cat "$section" >>"$results"
    fi
    echo
    echo "added to $results" >&2
fi
