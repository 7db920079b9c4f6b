#!/bin/bash
# DOCX extraction speed against pandoc, in the same run on the same files.
#   bench/docx_vs_pandoc.sh [BUILD_DIR] [RUNS] [LARGE_MB]
# Per corpus DOCX: mean wall time of RUNS runs of `jixiao extract FILE
# --format text` (or the docx_extract driver when BUILD_DIR has no jixiao)
# and of `pandoc -t plain`, and their ratio. Then the throughput in MB/s of
# document.xml on a generated DOCX of LARGE_MB (default 100) and its peak RSS.
# Goals: >= 20x faster than pandoc per file, >= 50 MB/s.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
RUNS=${2:-5}
LARGE_MB=${3:-100}

if [ -x "$BUILD/jixiao" ] && "$BUILD/jixiao" extract --help >/dev/null 2>&1; then
  EXTRACT=("$BUILD/jixiao" extract)
  WHO="jixiao extract"
elif [ -x "$BUILD/extractors/docx/docx_extract" ]; then
  EXTRACT=("$BUILD/extractors/docx/docx_extract")
  WHO="docx_extract"
else
  echo "build $BUILD first (target jixiao or docx_extract, CMAKE_BUILD_TYPE=Release)" >&2
  exit 2
fi
command -v pandoc >/dev/null || { echo "pandoc not installed (apt-get install pandoc)" >&2; exit 2; }

now_ns() { date +%s%N; }
# mean milliseconds of RUNS runs of "$@" (output discarded)
time_ms() {
  local t0 t1
  t0=$(now_ns)
  for ((i = 0; i < RUNS; i++)); do "$@" >/dev/null 2>&1 || true; done
  t1=$(now_ns)
  echo "scale=2; ($t1 - $t0) / 1000000 / $RUNS" | bc
}

echo "extractor: $WHO ($BUILD), pandoc $(pandoc --version | head -1 | cut -d' ' -f2), $RUNS runs per file"
printf "%-58s %10s %10s %8s\n" file jixiao_ms pandoc_ms ratio
sum_log=0; n=0; min_ratio=
for f in "$ROOT"/corpus/seed/*.docx "$ROOT"/corpus/docx-features/*.docx "$ROOT"/corpus/variants/*.docx; do
  [ -f "$f" ] || continue
  j=$(time_ms "${EXTRACT[@]}" "$f" --format text)
  p=$(time_ms pandoc -t plain "$f" -o /dev/null)
  r=$(echo "scale=1; $p / $j" | bc)
  printf "%-58s %10s %10s %7sx\n" "${f#$ROOT/}" "$j" "$p" "$r"
  sum_log=$(echo "$sum_log + l($r)" | bc -l); n=$((n + 1))
  if [ -z "$min_ratio" ] || [ "$(echo "$r < $min_ratio" | bc)" = 1 ]; then min_ratio=$r; fi
done
geo=$(echo "scale=1; e($sum_log / $n)" | bc -l)
echo "files: $n, ratio geometric mean ${geo}x, minimum ${min_ratio}x (goal >= 20x)"

if [ "$LARGE_MB" != 0 ]; then
  TMP=$(mktemp -d)
  trap 'rm -rf "$TMP"' EXIT
  xml_bytes=$(/usr/bin/python3 "$ROOT/bench/docx_make_large.py" "$TMP/large.docx" "$LARGE_MB")
  t0=$(now_ns)
  /usr/bin/time -v "${EXTRACT[@]}" "$TMP/large.docx" --format text >"$TMP/large.txt" 2>"$TMP/time.txt"
  t1=$(now_ns)
  secs=$(echo "scale=3; ($t1 - $t0) / 1000000000" | bc)
  mbs=$(echo "scale=1; $xml_bytes / 1048576 / $secs" | bc)
  rss=$(grep "Maximum resident" "$TMP/time.txt" | awk '{print $NF}')
  echo "large: document.xml $(echo "scale=1; $xml_bytes / 1048576" | bc) MB in ${secs} s = ${mbs} MB/s (goal >= 50), peak RSS $((rss / 1024)) MB, text $(($(stat -c %s "$TMP/large.txt") / 1048576)) MB"
fi
