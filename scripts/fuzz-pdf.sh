#!/bin/bash
# Builds the PDF fuzzer (clang, libFuzzer + ASan/UBSan) in build-fuzz-pdf and runs
# it for SECONDS (default 60) on a corpus seeded with the corpus PDFs (as
# exported and, when qpdf is installed, with their streams uncompressed so
# mutations reach the content streams) and a few PDFs written here. Crashes
# land in build-fuzz-pdf/pdf-artifacts/; exit status 1 then.
#   scripts/fuzz-pdf.sh [SECONDS]
set -euo pipefail
SECONDS_TO_RUN=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$ROOT/build-fuzz-pdf
JOBS=${JOBS:-2}

cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DJIXIAO_FUZZ=ON -DJIXIAO_TESTS=OFF -DJIXIAO_SKIP="${JIXIAO_SKIP:-}" >/dev/null
cmake --build "$BUILD" --target pdf_fuzzer -j"$JOBS"

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
# Small hand-written PDFs: text, a ruled table, a rotated page.
/usr/bin/python3 - "$SEEDS" <<'PY'
import os, sys
out = sys.argv[1]
def pdf(content, extra=b""):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + extra +
            b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    data = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(data))
        data += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        data += b"%010d 00000 n \n" % o
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return data
text = b"BT /F1 12 Tf 72 700 Td (Budget 24) Tj 0 -20 Td (Total 98) Tj ET"
table = b"0.5 w 72 700 m 300 700 l S 72 680 m 300 680 l S 72 660 m 300 660 l S " \
        b"72 700 m 72 660 l S 186 700 m 186 660 l S 300 700 m 300 660 l S " \
        b"BT /F1 10 Tf 80 686 Td (a) Tj 114 0 Td (b) Tj 0 -20 Td (d) Tj -114 0 Td (c) Tj ET"
open(os.path.join(out, "text.pdf"), "wb").write(pdf(text))
open(os.path.join(out, "table.pdf"), "wb").write(pdf(table))
open(os.path.join(out, "rotated.pdf"), "wb").write(pdf(text, b"/Rotate 90"))
PY

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$BUILD/extractors/pdf/pdf_fuzzer" \
  -max_total_time="$SECONDS_TO_RUN" -timeout=30 -rss_limit_mb=2560 -max_len=1048576 \
  -dict="$ROOT/tests/fuzz/pdf.dict" -artifact_prefix="$ARTIFACTS/" -print_final_stats=1 \
  "$CORPUS" "$SEEDS"
