#!/bin/bash
# Builds the DOCX fuzzer (clang, libFuzzer + ASan/UBSan) in build-fuzz and runs
# it for SECONDS (default 60) on a corpus seeded with the DOCX feature
# fixtures and the seed report, both as whole DOCX files and as their XML
# parts. Crashes land in build-fuzz/docx-artifacts/; exit status 1 then.
#   scripts/fuzz-docx.sh [SECONDS]
set -euo pipefail
SECONDS_TO_RUN=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/scripts/fuzz_common.bash"
fuzz_build docx_fuzzer

CORPUS=$BUILD/docx-corpus
SEEDS=$BUILD/docx-seeds
ARTIFACTS=$BUILD/docx-artifacts
mkdir -p "$CORPUS" "$SEEDS" "$ARTIFACTS"
/usr/bin/python3 - "$ROOT" "$SEEDS" <<'PY'
import glob, os, sys, zipfile
root, out = sys.argv[1], sys.argv[2]
sep = b"\n<!--jixiao-part-->\n"
files = sorted(glob.glob(os.path.join(root, "corpus/docx-features/*.docx")))
files += sorted(glob.glob(os.path.join(root, "corpus/seed/*.docx")))
# Hostile ZIPs (two entries of one name, a wrong CRC, 4 GB declared, data
# beyond the end, a repeated sentence stored and deflated 235:1, a tall table):
# tests/fuzz/make_hostile_seeds.py.
files += sorted(glob.glob(os.path.join(root, "tests/fuzz/hostile_seeds/*.docx")))
for path in files:
    name = os.path.basename(path)[:-5]
    data = open(path, "rb").read()
    open(os.path.join(out, name + ".docx"), "wb").write(data)
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            parts = [z.read(p) if p in names else b"" for p in
                     ("word/document.xml", "word/styles.xml", "word/numbering.xml")]
    except Exception:  # a hostile ZIP: the whole file is the seed
        continue
    open(os.path.join(out, name + ".xmlparts"), "wb").write(sep.join(parts))
PY

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/scripts/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$BUILD/tests/docx_fuzzer" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=20 -rss_limit_mb=2560 -max_len=262144 \
  -dict="$ROOT/tests/fuzz/docx.dict" -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 \
  "$CORPUS" "$SEEDS"
