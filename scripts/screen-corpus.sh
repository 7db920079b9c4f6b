#!/usr/bin/env bash
# The main job on the bundled corpus: screens every report under corpus/ into
# out/corpus-run (manifest, findings, summary.csv, report.xlsx, report.html,
# archive.sqlite) and prints the seed report's findings.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/corpus-run}
status=0
build/jixiao run corpus --out "$out" --jobs "$(nproc)" || status=$?
# 0: no findings, 1: findings (expected: the corpus plants defects), 2: errors.
if [[ $status -gt 1 ]]; then
  echo "screen-corpus: jixiao run reported errors (exit $status); see $out/manifest.csv" >&2
fi
echo
build/jixiao check corpus/seed/junshan-gsl-2024.docx || true
echo "Results of the whole corpus: $out/report.html, $out/summary.csv, $out/findings.csv, $out/report.xlsx"
echo "Search them: build/jixiao search $out/archive.sqlite 预算"
[[ $status -le 1 ]]
