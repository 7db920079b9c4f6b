#!/usr/bin/env bash
# Search benchmark: p95 latency of `jixiao search` over an archive of
# 10 x the documents of a bench run (default: the 1,000-document run of
# bench/run_bench.sh -> 10,000 documents).
#   bench/run_search_bench.sh [N=1000] [COPIES=10]
# The big archive is built with bench/make_corpus_archive.py (copies with new
# SHA-256 and paths) and `jixiao merge`, which also times merge. Goal: p95 <= 50 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
COPIES=${2:-10}
BIN=$(realpath "${JIXIAO:-build/jixiao}")
WORK=${BENCH_DIR:-/tmp/jixiao-bench}
run=$WORK/run-$N
[[ -f $run/archive.sqlite ]] || bench/run_bench.sh "$N"
big=$WORK/archive-$((N * COPIES))
if [[ ! -f $big/archive.sqlite ]]; then
  bench/make_corpus_archive.py "$run" "$COPIES" "$WORK/copies"
  dirs=("$run")
  for ((i = 1; i < COPIES; i++)); do dirs+=("$WORK/copies/copy$i"); done
  start=$(date +%s.%N)
  "$BIN" merge "${dirs[@]}" --out "$big" || true
  echo "merge of $COPIES run folders: $(echo "$(date +%s.%N) - $start" | bc) s"
fi
python3 - "$big/archive.sqlite" <<'PY'
import os, sqlite3, sys
db = sys.argv[1]
con = sqlite3.connect(db)
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
text = con.execute("SELECT sum(length(CAST(text AS BLOB))) FROM texts").fetchone()[0] or 0
size = os.path.getsize(db)
print(f"archive          {docs} documents, {size / 1e6:.0f} MB for {text / 1e6:.0f} MB of text = {size / max(text, 1):.2f}x")
PY
bench/run_search_latency.py "$BIN" "$big/archive.sqlite" --rounds "${ROUNDS:-5}"
