#!/usr/bin/env bash
# Everything CI runs: set-up, the Release build and all tests through ctest,
# the unit tests again under AddressSanitizer + UndefinedBehaviorSanitizer, and
# a short libFuzzer run of each parser. FUZZ_SECONDS (default 30) per target.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
started=$SECONDS
phase() { echo "== $1 (at $((SECONDS - started)) s)"; }

scripts/setup.sh --test

phase "tests (Release)"
ctest --test-dir build --output-on-failure -j"$jobs"

phase "tests under ASan/UBSan (without the slow label)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJIXIAO_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE slow

for fuzz in scripts/fuzz-*.sh; do
  [[ -x "$fuzz" ]] || continue
  phase "$fuzz"
  "$fuzz" "${FUZZ_SECONDS:-30}"
done
phase "done"
