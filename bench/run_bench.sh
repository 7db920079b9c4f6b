#!/usr/bin/env bash
# Throughput benchmark of `jixiao run`:
#   bench/run_bench.sh [N=1000] [JOBS=2]
# Makes (once) an N-document corpus with bench/make_corpus.py, runs
# `jixiao run --jobs JOBS` over it under /usr/bin/time -v, and reports docs/s,
# pages/s (PDF pages from the manifest), peak RSS, the archive size against
# the extracted text, and the time of `jixiao run` over the PDFs alone against
# `pdftotext -layout` over the same PDFs (JOBS in parallel too).
# Goals: 1,000 docs in <= 60 s with --jobs 2; RSS <= 1 GiB; archive <= 3x text.
# Environment: JIXIAO (default build/jixiao, a Release build), BENCH_DIR
# (default /tmp/jixiao-bench).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
JOBS=${2:-2}
BIN=$(realpath "${JIXIAO:-build/jixiao}")
WORK=${BENCH_DIR:-/tmp/jixiao-bench}
mkdir -p "$WORK"
corpus=$WORK/corpus-$N
[[ -d $corpus ]] || bench/make_corpus.py "$N" "$corpus"

echo "== jixiao run: $N documents, --jobs $JOBS ($BIN)"
out=$WORK/run-$N
rm -rf "$out"
set +e
/usr/bin/time -v -o "$WORK/time-run.txt" "$BIN" run "$corpus" --out "$out" --jobs "$JOBS" --progress lines \
  >"$WORK/run-$N.txt" 2>&1
rc=$?
set -e
tail -3 "$WORK/run-$N.txt" | grep "jixiao run:" || true
echo "exit code $rc"

echo "== PDFs only: jixiao run vs pdftotext -layout"
mapfile -t pdfs < <(find "$corpus" -name '*.pdf' | sort)
rm -rf "$WORK/run-pdf"
start=$(date +%s.%N)
"$BIN" run "${pdfs[@]}" --out "$WORK/run-pdf" --jobs "$JOBS" --progress lines >/dev/null 2>&1 || true
jx_pdf=$(echo "$(date +%s.%N) - $start" | bc)
start=$(date +%s.%N)
printf '%s\0' "${pdfs[@]}" | xargs -0 -P "$JOBS" -I{} pdftotext -layout {} /dev/null
ptt=$(echo "$(date +%s.%N) - $start" | bc)

python3 - "$WORK" "$out" "$N" "$JOBS" "$jx_pdf" "$ptt" "${#pdfs[@]}" <<'PY'
import csv, os, re, sqlite3, sys
work, out, n, jobs, jx_pdf, ptt, n_pdf = sys.argv[1:]
n, jobs, jx_pdf, ptt, n_pdf = int(n), int(jobs), float(jx_pdf), float(ptt), int(n_pdf)
t = open(os.path.join(work, "time-run.txt")).read()
m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
rows = list(csv.DictReader(open(os.path.join(out, "manifest.csv"), encoding="utf-8-sig")))
pages = sum(int(r["pages"]) for r in rows if r["pages"] not in ("", "-1"))
status = {}
for r in rows:
    status[r["status"]] = status.get(r["status"], 0) + 1
db = os.path.join(out, "archive.sqlite")
con = sqlite3.connect(db)
con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
text = con.execute("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM texts").fetchone()[0]
con.close()
size = os.path.getsize(db) + (os.path.getsize(db + "-wal") if os.path.exists(db + "-wal") else 0)
print(f"documents        {len(rows)}  {status}")
print(f"wall             {wall:.1f} s   (goal <= 60 s for 1,000 docs with --jobs 2)")
print(f"cpu              {cpu:.1f} s")
print(f"throughput       {len(rows) / wall:.1f} docs/s, {pages / wall:.1f} PDF pages/s ({pages} pages)")
print(f"peak RSS         {rss / 1024:.0f} MiB   (goal <= 1024 MiB)")
print(f"archive          {size / 1e6:.1f} MB for {text / 1e6:.1f} MB of extracted text = {size / max(text, 1):.2f}x   (goal <= 3x)")
print(f"PDFs only        jixiao {jx_pdf:.1f} s, pdftotext -layout {ptt:.1f} s for {n_pdf} PDFs (-P {jobs}): ratio {jx_pdf / ptt:.2f}")
PY
