#!/bin/bash
# Times PDF extraction by jixiao against `pdftotext -layout` on the same files
# in the same run and prints the ratio (goal: jixiao within 1.5x of
# pdftotext), then the peak RSS of jixiao on a 300-page PDF made by joining
# corpus PDFs with pdfunite (goal: <= 200 MB).
#   bench/pdf_vs_pdftotext.sh [REPEAT]        (default REPEAT=5)
# The extractor run is `$JIXIAO_BIN extract FILE --format text` when
# JIXIAO_BIN is set or build/jixiao exists; otherwise (or with
# JIXIAO_DRIVER=1) the small driver pdf_extract (extractors/pdf) is built in
# Release in build-pdf-release and timed instead.
set -euo pipefail
REPEAT=${1:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/jixiao-pdf-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${JIXIAO_DRIVER:-}" ] && { [ -n "${JIXIAO_BIN:-}" ] || [ -x "$ROOT/build/jixiao" ]; }; then
  BIN=${JIXIAO_BIN:-$ROOT/build/jixiao}
  EXTRACT=("$BIN" extract)
  EXTRACT_TAIL=(--format text)
else
  BUILD=$ROOT/build-pdf-release
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DJIXIAO_TESTS=OFF >/dev/null
  cmake --build "$BUILD" --target pdf_extract -j"${JOBS:-2}" >/dev/null
  EXTRACT=("$BUILD/extractors/pdf/pdf_extract")
  EXTRACT_TAIL=()
fi
echo "extractor: ${EXTRACT[*]} FILE ${EXTRACT_TAIL[*]:-}"

mapfile -t FILES < <(ls "$ROOT"/corpus/seed/*.pdf "$ROOT"/corpus/pdf-features/*.pdf "$ROOT"/corpus/variants/*.pdf 2>/dev/null)
[ ${#FILES[@]} -gt 0 ] || { echo "no corpus PDFs" >&2; exit 1; }

# A 300-page PDF: corpus PDFs joined until 300 pages are reached.
BIG=$WORK/big-300.pdf
PARTS=()
PAGES=0
while [ "$PAGES" -lt 300 ]; do
  for f in "${FILES[@]}"; do
    n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    PARTS+=("$f")
    PAGES=$((PAGES + n))
    [ "$PAGES" -ge 300 ] && break
  done
done
pdfunite "${PARTS[@]}" "$BIG"
echo "big PDF: $(pdfinfo "$BIG" | awk '/^Pages:/ {print $2}') pages, $(du -k "$BIG" | cut -f1) KiB"

/usr/bin/python3 - "$REPEAT" "$BIG" "${#EXTRACT[@]}" "${EXTRACT[@]}" "${#EXTRACT_TAIL[@]}" ${EXTRACT_TAIL[@]+"${EXTRACT_TAIL[@]}"} -- "${FILES[@]}" <<'PY'
import os, subprocess, sys, time
args = sys.argv[1:]
repeat = int(args[0]); big = args[1]
n = int(args[2]); extract = args[3:3 + n]; rest = args[3 + n:]
m = int(rest[0]); tail = rest[1:1 + m]; files = rest[2 + m:]

def run(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t

def ours(f): return extract + [f] + tail
def theirs(f): return ["pdftotext", "-layout", f, "-"]

def bench(label, fs):
    a = b = 0.0
    for _ in range(repeat):  # interleaved so both see the same machine load
        for f in fs:
            a += run(ours(f))
            b += run(theirs(f))
    print(f"{label:28s} jixiao {a / repeat:8.3f} s   pdftotext -layout {b / repeat:8.3f} s   ratio {a / b:5.2f}x")
    return a / b

bench(f"corpus ({len(files)} files)", files)
ratio = bench("300-page PDF", [big])

# Peak RSS of one extraction of the big PDF (wait4 reports the child's maxrss).
def peak(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
    return ru.ru_maxrss / 1024.0
print(f"peak RSS on 300-page PDF: jixiao {peak(ours(big)):.1f} MB, pdftotext -layout {peak(theirs(big)):.1f} MB")
PY
