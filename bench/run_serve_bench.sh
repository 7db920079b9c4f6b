#!/usr/bin/env bash
# Review server benchmark: bench/serve_bench.py over the 10,000-document
# archive of bench/run_search_bench.sh (10 merged copies of a 1,000-document
# run), and over the 1,000-document run itself, whose input files exist (the
# source view renders their PDF pages).
#   bench/run_serve_bench.sh [N=1000] [COPIES=10]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
COPIES=${2:-10}
BIN=$(realpath "${JIXIAO:-build/jixiao}")
WORK=${BENCH_DIR:-/tmp/jixiao-bench}
big=$WORK/archive-$((N * COPIES))
[[ -f $big/archive.sqlite ]] || ROUNDS=1 bench/run_search_bench.sh "$N" "$COPIES" >/dev/null
bench/serve_bench.py "$BIN" "$big" --rounds "${ROUNDS:-20}"
bench/serve_bench.py "$BIN" "$WORK/run-$N" --rounds "${ROUNDS:-20}"
