#!/usr/bin/env python3
"""Precision and recall of `jixiao check` over the corpus variants.

usage: bench/check_precision_recall.py [build/jixiao]

Each variant of corpus/variants.json names the finding codes it must produce
(expect) and those it must not (forbid). Over every variant, as DOCX and as
PDF: a true positive is an expected code found, a false negative an expected
code missing, a false positive a forbidden code found (codes a variant lists
as tolerated count neither way).
"""
import json
import os
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
jixiao = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build", "jixiao")
variants = json.load(open(os.path.join(root, "corpus", "variants.json"), encoding="utf-8"))["variants"]

tp = fn = fp = 0
false_findings = 0
for v in variants:
    for ext in ("docx", "pdf"):
        path = os.path.join(root, "corpus", v["file"] + "." + ext)
        run = subprocess.run([jixiao, "check", "--format", "json", path], capture_output=True, text=True)
        report = json.loads(run.stdout)
        found = [f["code"] for f in report["findings"]]
        codes = set(found)
        hit = [c for c in v["expect"] if c in codes]
        miss = [c for c in v["expect"] if c not in codes]
        wrong = sorted(c for c in codes if c in v.get("forbid", []))
        tp += len(hit)
        fn += len(miss)
        fp += len(wrong)
        false_findings += sum(1 for c in found if c in v.get("forbid", []))
        mark = "ok  " if not miss and not wrong else "MISS" if miss else "FALSE"
        print(f"{mark} {v['name']:<28} {ext:<4} expected {','.join(v['expect']) or '-':<40} "
              f"missing {','.join(miss) or '-'}  false {','.join(wrong) or '-'}")

precision = tp / (tp + fp) if tp + fp else 1.0
recall = tp / (tp + fn) if tp + fn else 1.0
print(f"\nvariants {len(variants)} x 2 formats: true positives {tp}, false negatives {fn}, "
      f"false positives {fp} (false findings {false_findings})")
print(f"precision {precision:.3f}  recall {recall:.3f}")
