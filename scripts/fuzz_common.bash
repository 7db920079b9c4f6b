# Sourced by scripts/fuzz-{docx,pdf,ofd}.sh: builds one libFuzzer target and
# sets BUILD to the tree it is in. The fuzzers' own tree is build-fuzz (clang,
# RelWithDebInfo, libFuzzer + ASan/UBSan, no tests); JIXIAO_FUZZ_BUILD names a
# tree already configured with -DJIXIAO_FUZZ=ON instead (scripts/test.sh's
# sanitizer tree, so CI compiles the parsers once).
#   fuzz_build TARGET
fuzz_build() {
  local target=$1 jobs=${JOBS:-2}
  if [[ -n ${JIXIAO_FUZZ_BUILD:-} ]]; then
    BUILD=$JIXIAO_FUZZ_BUILD
  else
    BUILD=$ROOT/build-fuzz
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DJIXIAO_FUZZ=ON -DJIXIAO_TESTS=OFF >/dev/null
  fi
  cmake --build "$BUILD" --target "$target" -j"$jobs"
}
