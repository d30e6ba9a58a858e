#!/usr/bin/env bash
# Whole-run benchmarks of newsquote against its floors, printed as one table.
#
#   bench/index.sh            # allsides, BBC, floors, no-op re-runs, memory, size, extraction, queries
#   bench/index.sh --scale    # also the ~300k-article scale set (8 copies of allsides, made once)
#   bench/index.sh --runs 1   # one run per figure instead of the median of 3 (quick look)
#
# Builds the release binary and the examples once (bare_tantivy, query_bench), then times each
# step with /usr/bin/time (wall seconds, max RSS). Figures are medians of --runs runs (default 3);
# the scale set is indexed once. Inputs come from ../shared/data (or $NEWSQUOTE_DATA); when it is
# absent the script says so and exits 0. Work files go to $NEWSQUOTE_BENCH_DIR (default
# /tmp/newsquote-bench): indexes, logs, and the scale set, which is kept for later runs.
# Honours CARGO_TARGET_DIR. Runs under `nice` when NICE=1.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
runs=3
scale=0
while [ $# -gt 0 ]; do
    case "$1" in
        --scale) scale=1 ;;
        --runs) runs="$2"; shift ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/index.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

data="${NEWSQUOTE_DATA:-$here/../shared/data}"
allsides="$data/allsides/all-articles.jsonl.gz"
bbc="$data/bbc"
if [ ! -f "$allsides" ] || [ ! -d "$bbc" ]; then
    echo "bench/index.sh: $data (allsides/all-articles.jsonl.gz and bbc/) is absent: nothing to measure, skipped."
    exit 0
fi
if [ ! -x /usr/bin/time ]; then
    echo "bench/index.sh: /usr/bin/time is needed (apt-get install -y time)" >&2
    exit 2
fi
work="${NEWSQUOTE_BENCH_DIR:-/tmp/newsquote-bench}"
mkdir -p "$work/logs"
nice_cmd=()
[ "${NICE:-0}" = 1 ] && nice_cmd=(nice -n 10)

echo "== building (release) =="
cargo build --release --quiet --bin newsquote --example bare_tantivy --example query_bench
target="${CARGO_TARGET_DIR:-$here/target}"
nq="$target/release/newsquote"
bare="$target/release/examples/bare_tantivy"
qbench="$target/release/examples/query_bench"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started=$(date +%s)

# timed NAME CMD... : runs CMD once under /usr/bin/time; appends "seconds maxrss_kb" to
# $work/logs/NAME.times; stdout+stderr of CMD go to $work/logs/NAME.log.
timed() {
    local name="$1"; shift
    /usr/bin/time -f '%e %M %U %S' -o "$work/logs/$name.t" "${nice_cmd[@]}" "$@" \
        >"$work/logs/$name.log" 2>&1 || {
        echo "bench/index.sh: '$*' failed, see $work/logs/$name.log" >&2
        tail -5 "$work/logs/$name.log" >&2
        exit 2
    }
    tail -1 "$work/logs/$name.t" >>"$work/logs/$name.times"
}
# repeat N NAME CMD... : N timed runs.
repeat() {
    local n="$1" name="$2"; shift 2
    rm -f "$work/logs/$name.times"
    for _ in $(seq "$n"); do timed "$name" "$@"; done
}
# median NAME [column]: median of column 1 (wall seconds), 2 (max RSS, kB), 3 (user s), 4 (sys s).
median() {
    sort -n -k"${2:-1}","${2:-1}" "$work/logs/$1.times" | awk -v c="${2:-1}" \
        '{v[NR]=$c} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}
# maxof NAME column: largest value of a column over NAME's runs.
maxof() { sort -n -k"$2","$2" "$work/logs/$1.times" | tail -1 | awk -v c="$2" '{print $c}'; }
calc() { awk "BEGIN{printf \"$1\", $2}"; }
# field KEY FILE: the value of KEY=... in the last key=value line of FILE.
field() { grep -o "$1=[^ ]*" "$2" | tail -1 | cut -d= -f2; }

echo "== allsides: read floor, bare Tantivy, newsquote ($runs runs each) =="
repeat "$runs" read_floor "$bare" read "$allsides"
body_bytes=$(field bytes "$work/logs/read_floor.log")
articles_all=$(field docs "$work/logs/read_floor.log")
repeat "$runs" bare_allsides "$bare" index "$allsides" --index "$work/bare-allsides"
# The same bodies as one stored document per paragraph: what passage granularity and a doc store
# cost Tantivy by themselves, before anything newsquote adds.
repeat "$runs" bare_paragraphs "$bare" index "$allsides" --index "$work/bare-paragraphs" --per-paragraph --stored
repeat "$runs" nq_allsides "$nq" index "$allsides" --index "$work/nq-allsides" --rebuild
repeat "$runs" noop_allsides "$nq" index "$allsides" --index "$work/nq-allsides"

echo "== BBC folder ($runs runs each) =="
repeat "$runs" nq_bbc "$nq" index "$bbc" --index "$work/nq-bbc" --rebuild
repeat "$runs" noop_bbc "$nq" index "$bbc" --index "$work/nq-bbc"

echo "== extraction alone (newsquote extract --json, one thread, $runs runs) =="
repeat "$runs" extract_allsides sh -c "'$nq' extract --json '$allsides' > /dev/null"

echo "== queries (bench/queries.txt on the allsides index) =="
timed query_allsides "$qbench" --index "$work/nq-allsides" --queries bench/queries.txt

json_bytes=$(gzip -dc "$allsides" | wc -c)
index_bytes=$(du -sb "$work/nq-allsides" | cut -f1)
bare_bytes=$(du -sb "$work/bare-allsides" | cut -f1)

t_read=$(median read_floor); t_bare=$(median bare_allsides); t_nq=$(median nq_allsides)
t_noop_all=$(median noop_allsides); t_bbc=$(median nq_bbc); t_noop_bbc=$(median noop_bbc)
t_extract=$(median extract_allsides)
rss_kb=$(maxof nq_allsides 2)
# CPU seconds (user + sys): less sensitive than wall time to other load on the machine.
cpu_nq=$(calc %.1f "$(median nq_allsides 3)+$(median nq_allsides 4)")
cpu_bare=$(calc %.1f "$(median bare_allsides 3)+$(median bare_allsides 4)")
t_bare_par=$(median bare_paragraphs)
cpu_bare_par=$(calc %.1f "$(median bare_paragraphs 3)+$(median bare_paragraphs 4)")
q_log="$work/logs/query_allsides.log"

if [ "$scale" = 1 ]; then
    scale_set="$work/allsides-x8.jsonl.gz"
    if [ ! -f "$scale_set" ]; then
        echo "== making the scale set (once): $scale_set =="
        "${nice_cmd[@]}" python3 bench/make_scale_set.py "$allsides" "$scale_set" 8
    fi
    echo "== scale set: newsquote index (1 run), queries =="
    rm -f "$work/logs/nq_scale.times"
    timed nq_scale "$nq" index "$scale_set" --index "$work/nq-scale" --rebuild
    timed query_scale "$qbench" --index "$work/nq-scale" --queries bench/queries.txt
    articles_scale=$(gzip -dc "$scale_set" | grep -c .)
fi

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
elapsed=$(( $(date +%s) - started ))

echo
echo "newsquote benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/{print $2}') GB RAM"
echo "median of $runs runs; load average before: $load_before, after: $load_after; ${elapsed} s in all"
echo "allsides: $articles_all articles, $(calc %.1f "$body_bytes/1e6") MB of body text, $(calc %.1f "$json_bytes/1e6") MB of JSON (gzipped $(calc %.1f "$(stat -c %s "$allsides")/1e6") MB)"
echo
printf '| %-44s | %-22s | %-26s |\n' "figure" "measured" "target"
printf '|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..24})" "$(printf -- '-%.0s' {1..28})"
row() { printf '| %-44s | %-22s | %-26s |\n' "$1" "$2" "$3"; }
row "allsides full index (newsquote)" "$t_nq s" "<= 1.5 x bare Tantivy"
row "allsides, bare Tantivy (256 MB, 2 threads)" "$t_bare s" "floor"
row "ratio newsquote / bare Tantivy" "$(calc %.2f "$t_nq/$t_bare") x" "<= 1.5 x"
row "CPU s (user+sys): newsquote / bare" "$cpu_nq / $cpu_bare = $(calc %.2f "$cpu_nq/$cpu_bare") x" "(load-independent)"
row "bare Tantivy, a stored doc per paragraph" "$t_bare_par s, $cpu_bare_par CPU s" "(granularity + store)"
row "ratio newsquote / that" "$(calc %.2f "$t_nq/$t_bare_par") x" ""
row "allsides read floor (gunzip + JSON parse)" "$t_read s" "floor"
row "allsides, s per 10k articles" "$(calc %.2f "$t_nq*10000/$articles_all") s" "linear"
row "BBC folder full index (2,225 files)" "$t_bbc s" ""
row "no-op re-run, BBC" "$t_noop_bbc s" "<= 1 s"
row "no-op re-run, allsides" "$t_noop_all s" "<= 3 s"
row "peak memory, allsides index (max RSS)" "$(calc %.0f "$rss_kb/1024") MB" "<= 1 GB"
row "index size / body text, allsides" "$(calc %.2f "$index_bytes/$body_bytes") ($(calc %.0f "$index_bytes/1e6") MB)" "<= 1.0"
row "index size / JSON input, allsides" "$(calc %.2f "$index_bytes/$json_bytes")" ""
row "bare Tantivy index size" "$(calc %.0f "$bare_bytes/1e6") MB" ""
row "extract --json, allsides, 1 thread" "$(calc %.1f "$body_bytes/1e6/$t_extract") MB/s ($t_extract s)" ">= 20 MB/s per core"
row "  same, less the read floor" "$(calc %.1f "$body_bytes/1e6/($t_extract-$t_read)") MB/s" ""
row "queries (200), allsides: median" "$(field median_ms "$q_log") ms" "< 5 ms"
row "queries (200), allsides: p99" "$(field p99_ms "$q_log") ms" "< 50 ms"
row "queries (200), allsides: errors" "$(field errors "$q_log")" "0"
if [ "$scale" = 1 ]; then
    t_scale=$(median nq_scale)
    row "scale set index ($articles_scale articles, 1 run)" "$t_scale s" ""
    row "scale set, s per 10k articles" "$(calc %.2f "$t_scale*10000/$articles_scale") s" "linear (vs 37k above)"
    row "scale set, peak memory" "$(calc %.0f "$(maxof nq_scale 2)/1024") MB" ""
    row "scale set, index size" "$(calc %.0f "$(du -sb "$work/nq-scale" | cut -f1)/1e6") MB" ""
    row "queries (200), scale set: median" "$(field median_ms "$work/logs/query_scale.log") ms" "<= 10 ms"
    row "queries (200), scale set: p99" "$(field p99_ms "$work/logs/query_scale.log") ms" ""
fi
echo
echo "query details: $q_log"
grep -A 200 '^  slowest' "$q_log" | grep -v '^queries=' || true
