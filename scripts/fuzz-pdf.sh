#!/bin/bash
# Builds the PDF fuzzer (clang, libFuzzer + ASan/UBSan) in build-fuzz (shared with the DOCX fuzzer) and runs
# it for SECONDS (default 60) on a corpus seeded with the corpus PDFs (as
# exported and, when qpdf is installed, with their streams uncompressed so
# mutations reach the content streams) and the small hand-written PDFs of
# tests/fuzz/pdf_seeds (text, a ruled table, a rotated page). Crashes
# land in build-fuzz/pdf-artifacts/; exit status 1 then.
#   scripts/fuzz-pdf.sh [SECONDS]
set -euo pipefail
SECONDS_TO_RUN=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/fuzz_common.bash"
fuzz_build pdf_fuzzer

CORPUS=$BUILD/pdf-corpus
SEEDS=$BUILD/pdf-seeds
ARTIFACTS=$BUILD/pdf-artifacts
mkdir -p "$CORPUS" "$SEEDS" "$ARTIFACTS"
for f in "$ROOT"/corpus/pdf-features/*.pdf "$ROOT"/corpus/seed/*.pdf; do
  [ -f "$f" ] || continue
  name=$(basename "$f" .pdf)
  cp "$f" "$SEEDS/$name.pdf"
  if command -v qpdf >/dev/null; then
    qpdf --qdf --object-streams=disable --stream-data=uncompress "$f" "$SEEDS/$name.qdf.pdf" 2>/dev/null || true
  fi
done
cp "$ROOT"/tests/fuzz/pdf_seeds/*.pdf "$SEEDS/"
# Hostile PDFs (a page-tree loop, a 10^9-point page, a damaged xref, a form
# XObject drawn 10^6 times through nested forms):
# tests/fuzz/make_hostile_seeds.py.
cp "$ROOT"/tests/fuzz/hostile_seeds/*.pdf "$SEEDS/"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/scripts/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$BUILD/tests/pdf_fuzzer" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=30 -rss_limit_mb=2560 -max_len=1048576 \
  -dict="$ROOT/tests/fuzz/pdf.dict" -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 \
  "$CORPUS" "$SEEDS"
