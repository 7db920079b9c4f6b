#!/usr/bin/env python3
"""Precision and recall of `jixiao check` over the corpus case lists.

usage: bench/check_precision_recall.py [build/jixiao]

The case lists are corpus/variants.json and every corpus/*/cases.json (same
schema). Each case names the finding codes it must produce (expect) and those
it must not (forbid), and optionally its family (default: the list's "family",
else the folder name). Over every case, in each format it lists ("formats",
default DOCX and PDF): a true positive is an expected code found, a false
negative an expected code missing, a false positive a forbidden code found
(codes a case lists as tolerated count neither way). Prints one line per case,
then precision and recall per family and overall.
"""
import collections
import glob
import json
import os
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
jixiao = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build", "jixiao")

lists = [os.path.join(root, "corpus", "variants.json")] + sorted(glob.glob(os.path.join(root, "corpus", "*", "cases.json")))
cases = []
for path in lists:
    data = json.load(open(path, encoding="utf-8"))
    default_family = data.get("family") or ("seed variants" if path.endswith("variants.json") else os.path.basename(os.path.dirname(path)))
    for v in data["variants"]:
        cases.append(dict(v, family=v.get("family", default_family)))

totals = collections.defaultdict(lambda: [0, 0, 0, 0])  # tp, fn, fp, documents
for v in cases:
    for ext in v.get("formats", ["docx", "pdf"]):
        path = os.path.join(root, "corpus", v["file"] + "." + ext)
        run = subprocess.run([jixiao, "check", "--format", "json", path], capture_output=True, text=True)
        report = json.loads(run.stdout)
        codes = {f["code"] for f in report["findings"]}
        hit = [c for c in v["expect"] if c in codes]
        miss = [c for c in v["expect"] if c not in codes]
        wrong = sorted(c for c in codes if c in v.get("forbid", []))
        for key in (v["family"], "overall"):
            t = totals[key]
            t[0] += len(hit)
            t[1] += len(miss)
            t[2] += len(wrong)
            t[3] += 1
        mark = "ok  " if not miss and not wrong else "MISS" if miss else "FALSE"
        print(f"{mark} {v['name']:<28} {ext:<4} expected {','.join(v['expect']) or '-':<40} "
              f"missing {','.join(miss) or '-'}  false {','.join(wrong) or '-'}")

print()
print(f"{'family':<24} {'docs':>5} {'TP':>4} {'FN':>4} {'FP':>4} {'precision':>9} {'recall':>7}")
for key in sorted(totals, key=lambda k: (k == "overall", k)):
    tp, fn, fp, docs = totals[key]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"{key:<24} {docs:>5} {tp:>4} {fn:>4} {fp:>4} {precision:>9.3f} {recall:>7.3f}")
