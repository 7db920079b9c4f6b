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
# "wall_ms cpu_ms": means over RUNS runs of "$@" (output discarded); cpu is
# user + system time of the child processes, which a loaded machine does not
# inflate the way it inflates wall time.
time_ms() {
  local out
  out=$( { TIMEFORMAT='%R %U %S'; time (for ((i = 0; i < RUNS; i++)); do "$@" >/dev/null 2>&1 || true; done); } 2>&1 )
  read -r real user sys <<<"$out"
  echo "$(echo "scale=2; $real * 1000 / $RUNS" | bc) $(echo "scale=2; ($user + $sys) * 1000 / $RUNS" | bc)"
}
ratio() { if [ "$(echo "$2 <= 0" | bc)" = 1 ]; then echo "-"; else echo "scale=1; $1 / $2" | bc; fi; }

echo "extractor: $WHO ($BUILD), pandoc $(pandoc --version | head -1 | cut -d' ' -f2), $RUNS runs per file, load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-52s %9s %9s %7s | %9s %9s %7s\n" file "wall_ms" "pandoc" ratio "cpu_ms" "pandoc" ratio
sum_log=0; n=0; min_ratio=
sum_cpu_j=0; sum_cpu_p=0
for f in "$ROOT"/corpus/seed/*.docx "$ROOT"/corpus/variants/*.docx "$ROOT"/corpus/docx-features/*.docx; do
  [ -f "$f" ] || continue
  read -r jw jc <<<"$(time_ms "${EXTRACT[@]}" "$f" --format text)"
  read -r pw pc <<<"$(time_ms pandoc -t plain "$f" -o /dev/null)"
  rw=$(ratio "$pw" "$jw"); rc=$(ratio "$pc" "$jc")
  printf "%-52s %9s %9s %6sx | %9s %9s %6sx\n" "${f#$ROOT/}" "$jw" "$pw" "$rw" "$jc" "$pc" "$rc"
  case "$f" in */docx-features/*) continue ;; esac  # tiny synthetic files: process start-up only
  sum_log=$(echo "$sum_log + l($rw)" | bc -l); n=$((n + 1))
  if [ -z "$min_ratio" ] || [ "$(echo "$rw < $min_ratio" | bc)" = 1 ]; then min_ratio=$rw; fi
  sum_cpu_j=$(echo "$sum_cpu_j + $jc" | bc); sum_cpu_p=$(echo "$sum_cpu_p + $pc" | bc)
done
geo=$(echo "scale=1; e($sum_log / $n)" | bc -l)
echo "reports (seed + variants): $n files, wall ratio geometric mean ${geo}x, minimum ${min_ratio}x; CPU ratio over all $(ratio "$sum_cpu_p" "$sum_cpu_j")x (goal >= 20x)"

if [ "$LARGE_MB" != 0 ]; then
  TMP=$(mktemp -d)
  trap 'rm -rf "$TMP"' EXIT
  xml_bytes=$(/usr/bin/python3 "$ROOT/bench/docx_make_large.py" "$TMP/large.docx" "$LARGE_MB")
  t0=$(now_ns)
  /usr/bin/time -v "${EXTRACT[@]}" "$TMP/large.docx" --format text >"$TMP/large.txt" 2>"$TMP/time.txt"
  t1=$(now_ns)
  secs=$(echo "scale=3; ($t1 - $t0) / 1000000000" | bc)
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$TMP/time.txt")
  mb=$(echo "scale=1; $xml_bytes / 1048576" | bc)
  rss=$(grep "Maximum resident" "$TMP/time.txt" | awk '{print $NF}')
  echo "large: document.xml $mb MB: wall ${secs} s = $(echo "scale=1; $mb / $secs" | bc) MB/s, CPU ${cpu} s = $(echo "scale=1; $mb / $cpu" | bc) MB/s (goal >= 50); peak RSS $((rss / 1024)) MB; text output $(($(stat -c %s "$TMP/large.txt") / 1048576)) MB"
fi

# One process over all the report files, as `run` works: the per-file cost
# without process start-up (loading ~40 shared libraries), against pandoc's
# per-file time measured above.
files=("$ROOT"/corpus/seed/*.docx "$ROOT"/corpus/variants/*.docx)
if [ "$WHO" = "jixiao extract" ]; then
  read -r bw bc <<<"$(time_ms "${EXTRACT[@]}" --format text "${files[@]}")"
  per_file=$(echo "scale=2; $bw / ${#files[@]}" | bc)
  per_file_pandoc=$(echo "scale=2; $sum_cpu_p / $n" | bc)
  echo "one process, ${#files[@]} reports: ${per_file} ms per report; pandoc ${per_file_pandoc} ms CPU per report: $(ratio "$per_file_pandoc" "$per_file")x (goal >= 20x)"
fi
