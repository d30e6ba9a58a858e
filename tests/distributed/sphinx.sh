#!/usr/bin/env bash
# Distributed test of `newsquote export --format manticore` against a real engine.
#
# Installs Sphinx 2.2.11 (Debian's sphinxsearch, the engine Manticore forked from) and a MySQL
# client if missing, indexes the BBC articles of ../shared/data/bbc with newsquote, exports them as
# 2 shards, starts two searchd on 127.0.0.1 (one per shard; the first also serves the distributed
# index over both), and checks over SphinxQL that
#   1. the distributed index holds every passage (both shards answer);
#   2. phrase queries with a speaker filter return the same passages as `newsquote search --json`;
#   3. GROUP BY speaker (and passage key: copies of a quote count once) equals `newsquote speakers --json`.
# The servers are stopped on exit, whatever happens. Loopback only, free ports, a temporary folder.
#
# Usage: tests/distributed/sphinx.sh            (from anywhere; builds the release binary)
# Environment: NEWSQUOTE_BIN (a built binary to use), NEWSQUOTE_BBC (the articles folder),
#              KEEP=1 (keep the temporary folder for a look).
# Exit: 0 passed or skipped (with a message), 1 a comparison failed, 2 set-up failed.
set -euo pipefail
started=$(date +%s)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bbc=${NEWSQUOTE_BBC:-$root/../shared/data/bbc}

if [ ! -d "$bbc" ]; then
  echo "sphinx distributed test: skipped, no BBC articles at $bbc"
  exit 0
fi

if ! command -v searchd >/dev/null 2>&1 || ! command -v indexer >/dev/null 2>&1 \
   || ! command -v mysql >/dev/null 2>&1; then
  echo "installing sphinxsearch and a MySQL client..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq sphinxsearch default-mysql-client >/dev/null
fi
if ! command -v python3 >/dev/null 2>&1; then
  apt-get update -qq >/dev/null && apt-get install -y -qq python3 >/dev/null
fi

if [ -n "${NEWSQUOTE_BIN:-}" ]; then
  bin=$NEWSQUOTE_BIN
else
  (cd "$root" && cargo build --release --quiet)
  bin=${CARGO_TARGET_DIR:-$root/target}/release/newsquote
fi

work=$(mktemp -d /tmp/newsquote-sphinx.XXXXXX)
pids=()
cleanup() {
  for pidfile in "$work"/node*/searchd.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  done
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# A free TCP port on 127.0.0.1 at or above $1 (nothing answers a connection there).
free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
base=$((20000 + $$ % 20000))
api0=$(free_port "$base"); sql0=$(free_port $((api0 + 1)))
api1=$(free_port $((sql0 + 1))); sql1=$(free_port $((api1 + 1)))

echo "indexing $bbc ..."
"$bin" index "$bbc" --index "$work/index" 2>&1 | tail -1
"$bin" export --format manticore --shards 2 --index "$work/index" --out "$work/export"
conf=$work/export/sphinx.conf

node() { # node K SHARDS [REMOTE]: index and start searchd for shard(s) on the node's ports
  local k=$1 shards=$2 remote=${3:-} api sql
  if [ "$k" = 0 ]; then api=$api0 sql=$sql0; else api=$api1 sql=$sql1; fi
  export NEWSQUOTE_SHARDS=$shards NEWSQUOTE_REMOTE=$remote NEWSQUOTE_DATA=$work/node$k \
         NEWSQUOTE_LISTEN=127.0.0.1:$api NEWSQUOTE_SQL=127.0.0.1:$sql
  indexer --config "$conf" --all --quiet >"$work/indexer$k.log" 2>&1 \
    || { cat "$work/indexer$k.log"; exit 2; }
  searchd --config "$conf" >"$work/searchd$k.out" 2>&1 || { cat "$work/searchd$k.out"; exit 2; }
  for _ in $(seq 100); do
    mysql -h127.0.0.1 -P"$sql" -e 'SHOW STATUS' >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "searchd of node $k did not answer on 127.0.0.1:$sql"; cat "$work/node$k/searchd.log"; exit 2
}
node 1 1
node 0 0 "1=127.0.0.1:$api1"
echo "searchd: node 0 (shard 0 + distributed index) on 127.0.0.1:$sql0, node 1 (shard 1) on 127.0.0.1:$sql1"

status=0
python3 "$here/compare.py" --bin "$bin" --index "$work/index" --sql-port "$sql0" \
  --shard-port "$sql1" --export "$work/export" || status=$?
echo "sphinx distributed test: $(( $(date +%s) - started )) s"
exit "$status"
