#!/bin/bash
# Builds the OFD fuzzer (clang, libFuzzer + ASan/UBSan) in build-fuzz (shared
# with the DOCX and PDF fuzzers) and runs it for SECONDS (default 60) on a
# corpus seeded with the corpus OFD as written (deflated) and re-packed with
# its parts stored, so that mutations reach the XML. Crashes land in
# build-fuzz/ofd-artifacts/; exit status 1 then.
#   scripts/fuzz-ofd.sh [SECONDS]
set -euo pipefail
SECONDS_TO_RUN=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/fuzz_common.bash"
fuzz_build ofd_fuzzer

CORPUS=$BUILD/ofd-corpus
SEEDS=$BUILD/ofd-seeds
ARTIFACTS=$BUILD/ofd-artifacts
mkdir -p "$CORPUS" "$SEEDS" "$ARTIFACTS"
for f in "$ROOT"/corpus/ofd/*.ofd; do
  name=$(basename "$f" .ofd)
  cp "$f" "$SEEDS/$name.ofd"
  python3 - "$f" "$SEEDS/$name.stored.ofd" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_STORED) as dst:
    for info in src.infolist():
        dst.writestr(info.filename, src.read(info.filename))
PY
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/scripts/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$BUILD/tests/ofd_fuzzer" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=30 -rss_limit_mb=2560 -max_len=262144 \
  -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 \
  "$CORPUS" "$SEEDS"
