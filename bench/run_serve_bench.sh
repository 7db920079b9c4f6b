#!/usr/bin/env bash
# Review server benchmark: a run of the corpus (seed, variants, templates:
# real files, so the source view renders their PDF pages), grown to N
# documents with bench/make_serve_archive.py, timed by bench/serve_bench.py.
#   bench/run_serve_bench.sh [N=10000]
# Goal: overview p95 <= 100 ms on 10,000 documents.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
BIN=$(realpath "${JIXIAO:-build/jixiao}")
WORK=${BENCH_DIR:-/tmp/jixiao-serve-bench}
mkdir -p "$WORK"
run=$WORK/run
[[ -f $run/archive.sqlite ]] || "$BIN" run corpus/seed corpus/variants corpus/templates --out "$run" --jobs 2 \
  --progress lines >"$WORK/run.txt" 2>&1 || [[ $? == 1 ]]
bench/make_serve_archive.py "$run" "$N" "$WORK/archive-$N"
bench/serve_bench.py "$BIN" "$WORK/archive-$N" --rounds "${ROUNDS:-20}"
# The source view over the run itself, whose files are all there.
bench/serve_bench.py "$BIN" "$run" --rounds "${ROUNDS:-20}"
