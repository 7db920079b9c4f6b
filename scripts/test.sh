#!/usr/bin/env bash
# Everything CI runs: set-up, then every test through ctest in two trees —
# the tests labelled `slow` (inputs of tens of megabytes, the browser) in the
# Release build, all the others under AddressSanitizer + UndefinedBehaviorSanitizer
# (clang, -O1) — and a short libFuzzer run of each parser, whose targets are
# built in that same sanitizer tree. FUZZ_SECONDS (default 30) per target.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
started=$SECONDS
phase() { echo "== $1 (at $((SECONDS - started)) s)"; }

scripts/setup.sh --test

phase "Release: the tests labelled slow"
cmake --build build --target slow_tests -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs" -L slow

phase "sanitizer tree (clang, ASan/UBSan, libFuzzer targets)"
cmake -S . -B build-asan -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE= -DCMAKE_C_FLAGS="-O1 -g1" -DCMAKE_CXX_FLAGS="-O1 -g1" \
  -DJIXIAO_SANITIZE=ON -DJIXIAO_FUZZ=ON >/dev/null
cmake --build build-asan -j"$jobs"

phase "tests under ASan/UBSan (all but the slow label)"
LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE slow

for fuzz in scripts/fuzz-*.sh; do
  [[ -x "$fuzz" ]] || continue
  phase "$fuzz"
  JIXIAO_FUZZ_BUILD=$PWD/build-asan "$fuzz" "${FUZZ_SECONDS:-30}"
done
phase "done"
