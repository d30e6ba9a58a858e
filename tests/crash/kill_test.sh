#!/usr/bin/env bash
# Crash test for `newsquote index` (issue 7): SIGKILL an indexing run at 20 random moments,
# re-run it each time (changing a few files between runs), and check that after a final run the
# index equals a clean build of the same folder: same `stats --json` counts and the same
# passage ids from `search '*' --json`. After every kill the index must still open and answer.
#
# Usage: tests/crash/kill_test.sh [ARTICLES]        (default 200 generated articles + corpus/)
# Environment:
#   NEWSQUOTE   the binary to test (default: build the release binary with cargo)
#   KILLS       number of kills (default 20)
#   SEED        RANDOM seed, to replay a failing run (printed at the start)
#   KEEP=1      keep the work folder for inspection
# Exit status: 0 when the indexes match, 1 on a mismatch or a failed check, 2 on a setup error.
set -u -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
articles=${1:-200}
kills=${KILLS:-20}
seed=${SEED:-$(( $(date +%s) % 100000 ))}
RANDOM=$seed
started=$(date +%s)

fail() { echo "kill_test: FAIL: $*" >&2; exit 1; }
die() { echo "kill_test: $*" >&2; exit 2; }

if [ -z "${NEWSQUOTE:-}" ]; then
    (cd "$root" && cargo build --release --quiet) || die "cargo build failed"
    NEWSQUOTE="${CARGO_TARGET_DIR:-$root/target}/release/newsquote"
fi
[ -x "$NEWSQUOTE" ] || die "no binary at $NEWSQUOTE"

work=$(mktemp -d "${TMPDIR:-/tmp}/newsquote-kill.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "kill_test: work folder $work (kept)"
else
    trap 'rm -rf "$work"' EXIT
fi
docs="$work/docs"
mkdir -p "$docs"
cp "$root"/corpus/*.txt "$docs"/ 2>/dev/null

names=("Ana Ruiz" "Ivo Marsh" "Lotte Brandt" "Yusuf Demir" "Sigrid Aune" "Tomas Berg" "Mira Kolar")
places=("GENEVA" "OSLO" "NAIROBI" "LIMA" "HANOI" "QUITO" "RIGA")
topics=("budget" "harbour" "railway" "school" "hospital" "bridge" "tariff" "ceasefire")

# One article: a headline, a dated dateline lede, and paragraphs with direct, mixed and reported
# speech. Every quote carries the article number so that no two articles share a passage.
article() {
    local i=$1 extra=${2:-}
    local who=${names[$((i % 7))]} place=${places[$((i % 7))]} what=${topics[$((i % 8))]}
    local month=$(( i % 12 + 1 )) day=$(( i % 28 + 1 ))
    printf 'Officials debate the %s plan %d\n\n' "$what" "$i"
    printf '%s, %02d March 2024 (Newswire) — The %s plan %d was debated on Tuesday.\n\n' \
        "$place" "$day" "$what" "$i"
    local p
    for p in $(seq 1 12); do
        printf '"The %s plan %d is on track for phase %d," %s said.\n\n' "$what" "$i" "$p" "$who"
        printf '%s said the vote on item %d.%d would come in month %d, calling it "a fair deal for %d".\n\n' \
            "$who" "$i" "$p" "$month" "$i"
        printf 'The council also discussed the %s budget line %d.%d and the staffing of the office.\n\n' \
            "$what" "$i" "$p"
    done
    printf '%s' "$extra"
}

for i in $(seq 1 "$articles"); do
    article "$i" > "$docs/gen-$(printf %05d "$i").txt"
done
count=$(ls "$docs" | wc -l)

stats_counts() {
    # stats --json without index_bytes (segment layout differs between runs)
    "$NEWSQUOTE" stats --index "$1" --json | sed -e 's/"index_bytes":[0-9]*,\{0,1\}//' -e 's/,}/}/'
}
passage_ids() {
    "$NEWSQUOTE" search '*' --index "$1" --json --limit 100000 \
        | grep -o '"passage_id":"[^"]*"' | sort
}

# A clean build first, to time a full run.
t0=$(date +%s%N)
"$NEWSQUOTE" index "$docs" --index "$work/timing" --memory 16 --commit-every 25 2>/dev/null \
    || die "clean timing run failed"
full_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
rm -rf "$work/timing"
echo "kill_test: seed $seed, $count files, a full run takes ${full_ms} ms, $kills kills"
[ "$full_ms" -ge 200 ] || echo "kill_test: warning: a full run is short; kills may land after the end"

idx="$work/idx"
killed=0
for k in $(seq 1 "$kills"); do
    # Change the folder before every run, so that each run has real work to do (a re-run with
    # nothing new would end before the kill) and re-runs also update, delete and add files:
    # rewrite about a third of the articles, delete one, add one.
    for i in $(seq 1 "$articles"); do
        if [ $(( RANDOM % 3 )) = 0 ] && [ -e "$docs/gen-$(printf %05d "$i").txt" ]; then
            article "$i" "Update $k: \"We revised plan $i,\" Tomas Berg said." \
                > "$docs/gen-$(printf %05d "$i").txt"
        fi
    done
    rm -f "$docs/gen-$(printf %05d $(( RANDOM % articles + 1 ))).txt"
    article $(( articles + k )) > "$docs/new-$k.txt"
    # Kill somewhere in the first half of a full run's time (a run here reads about a third of
    # the files, plus what the previous killed run left).
    delay_ms=$(( RANDOM % (full_ms / 2 + 1) ))
    "$NEWSQUOTE" index "$docs" --index "$idx" --memory 16 --commit-every 25 \
        > /dev/null 2> "$work/run.err" &
    pid=$!
    sleep "$(printf '%d.%03d' $(( delay_ms / 1000 )) $(( delay_ms % 1000 )))"
    if kill -KILL "$pid" 2>/dev/null; then
        killed=$(( killed + 1 ))
        state="killed after ${delay_ms} ms"
    else
        state="finished before ${delay_ms} ms"
    fi
    wait "$pid" 2>/dev/null
    rc=$?
    if grep -q "panicked" "$work/run.err"; then
        cat "$work/run.err" >&2
        fail "run $k panicked"
    fi
    # The index must open and answer from its last commit after every kill.
    if [ -e "$idx/meta.json" ]; then
        now=$("$NEWSQUOTE" stats --index "$idx" --json 2> "$work/stats.err") \
            || fail "run $k ($state): index does not open: $(cat "$work/stats.err")"
        now=$(echo "$now" | grep -o '"passages":[0-9]*')
    else
        now="no commit yet"
    fi
    echo "kill_test: run $k $state (rc $rc), index answers: $now"
done

# Finish the work, then compare with a clean build of the same folder.
"$NEWSQUOTE" index "$docs" --index "$idx" --memory 16 2> "$work/final.err" \
    || { cat "$work/final.err" >&2; fail "final run failed"; }
"$NEWSQUOTE" index "$docs" --index "$work/clean" --memory 16 2> "$work/clean.err" \
    || { cat "$work/clean.err" >&2; fail "clean build failed"; }

a=$(stats_counts "$idx")
b=$(stats_counts "$work/clean")
passage_ids "$idx" > "$work/ids.crashed"
passage_ids "$work/clean" > "$work/ids.clean"
echo "kill_test: after kills: $a"
echo "kill_test: clean build: $b"
[ "$a" = "$b" ] || fail "stats differ (seed $seed)"
if ! cmp -s "$work/ids.crashed" "$work/ids.clean"; then
    diff "$work/ids.crashed" "$work/ids.clean" | head -20 >&2
    fail "passage ids differ (seed $seed): $(wc -l < "$work/ids.crashed") vs $(wc -l < "$work/ids.clean")"
fi
[ -s "$work/ids.clean" ] || fail "the clean index is empty"
echo "kill_test: OK: $killed of $kills runs killed mid-way; $(wc -l < "$work/ids.clean") passages match; $(( $(date +%s) - started )) s"
