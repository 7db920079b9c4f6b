#!/usr/bin/env python3
"""PDF text fidelity per producer, against the DOCX text.

usage: bench/pdf_fidelity.py [--jixiao build/jixiao] [--checks] [-v] [DIR ...]

DIR (default corpus/producers) holds PDFs named DOC.PRODUCER.pdf and, for each
DOC, DOC.expected.txt (the DOCX dump, pipeline/model/export_text.cc layout);
`corpus/producers/make_producers.py --out DIR --all` makes a larger set. For each
PDF, `jixiao extract --format text` is compared with the expected text as
extractors/pdf/pdf_accuracy_test.cc does: paragraphs (outside tables) and table
cells, white space ignored, matched in order (longest common subsequence).
Prints per producer the share of expected paragraphs and cells found in order,
and the extra ones (got but not expected: a phantom row, a cell line read as a
paragraph, a paragraph split in two). With --checks, also `jixiao check` of each
PDF against the same DOC's DOCX when DIR has it (DOC.docx) or of the LibreOffice
PDF otherwise, and counts documents whose set of finding codes differs.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WS = re.compile("[ \t\r\n\u3000\u00a0]")


def parse_dump(text, lookahead):
    """Port of pdftest::ParseDump: (paragraphs, cells)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    paras, cells = [], []

    def runs_to_cell(i):
        while i < len(lines) and lines[i] and lines[i][0] != "\t":
            i += 1
        return i < len(lines) and lines[i].startswith("\t")

    prev, in_cell = "blank", False
    for i, line in enumerate(lines):
        if line.startswith("\t"):
            cells.append(line[1:])
            prev, in_cell = "cell", True
        elif not line:
            if prev == "blank":
                in_cell = False
            prev = "blank"
        elif in_cell and (prev == "cell" or (lookahead and runs_to_cell(i))):
            cells[-1] += "\n" + line
            prev = "cell"
        else:
            paras.append(line)
            prev, in_cell = "para", False
    return paras, cells


def lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in reversed(a):
        cur = [0] * (len(b) + 1)
        for j in range(len(b) - 1, -1, -1):
            cur[j] = prev[j + 1] + 1 if x == b[j] else max(prev[j], cur[j + 1])
        prev = cur
    return prev[0]


def score(expected, got, drop_blank, missed=None):
    a = [WS.sub("", s) for s in expected]
    b = [WS.sub("", s) for s in got]
    if drop_blank:
        a = [s for s in a if s]
        b = [s for s in b if s]
    m = lcs(a, b)
    if missed is not None:  # items of either side not in the other (multiset, for -v)
        ca, cb = collections.Counter(a), collections.Counter(b)
        missed += ["- " + s for s in (ca - cb).elements()] + ["+ " + s for s in (cb - ca).elements()]
    return len(a), len(b), m


def pct(matched, expected):
    return 100.0 * matched / expected if expected else 100.0


def codes(jixiao, path):
    out = subprocess.run([jixiao, "check", "--format", "json", path], capture_output=True, text=True)
    try:
        return sorted({f["code"] for f in json.loads(out.stdout)["findings"]})
    except (ValueError, KeyError):
        return ["<failed: %s>" % out.stderr.strip()[:80]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jixiao", default=os.path.join(ROOT, "build", "jixiao"))
    ap.add_argument("--checks", action="store_true")
    ap.add_argument("-v", action="store_true", help="one line per PDF, and the items missed")
    ap.add_argument("dirs", nargs="*", default=[os.path.join(ROOT, "corpus", "producers")])
    a = ap.parse_args()
    tot = collections.defaultdict(lambda: [0] * 8)  # pe, pg, pm, ce, cg, cm, docs, checks differ
    for d in a.dirs:
        for pdf in sorted(glob.glob(os.path.join(d, "*.*.pdf"))):
            base = os.path.basename(pdf)[:-4]
            doc, producer = base.rsplit(".", 1)
            exp_path = os.path.join(d, doc + ".expected.txt")
            if not os.path.exists(exp_path):
                continue
            expected = open(exp_path, encoding="utf-8").read()
            run = subprocess.run([a.jixiao, "extract", "--format", "text", pdf],
                                 capture_output=True, text=True)
            ep, ec = parse_dump(expected, True)
            gp, gc = parse_dump(run.stdout, False)
            missed = [] if a.v else None
            pe, pg, pm = score(ep, gp, True, missed)
            ce, cg, cm = score(ec, gc, False, missed)
            t = tot[producer]
            for k, v in enumerate((pe, pg, pm, ce, cg, cm, 1)):
                t[k] += v
            differ = ""
            if a.checks:
                ref = os.path.join(d, doc + ".docx")
                if not os.path.exists(ref):
                    ref = os.path.join(d, doc + ".lo.pdf")
                want, have = codes(a.jixiao, ref), codes(a.jixiao, pdf)
                if want != have:
                    t[7] += 1
                    differ = "  checks: %s, not %s" % (",".join(sorted(set(have) - set(want))) or "-",
                                                       ",".join(sorted(set(want) - set(have))) or "-")
            if a.v:
                print("%-44s paragraphs %5.1f%% (%d/%d, +%d)  cells %5.1f%% (%d/%d, +%d)%s" % (
                    os.path.basename(pdf), pct(pm, pe), pm, pe, pg - pm,
                    pct(cm, ce), cm, ce, cg - cm, differ))
                for m in missed[:12]:
                    print("      " + m[:70])
    print()
    print("%-10s %5s %24s %24s%s" % ("producer", "docs", "paragraphs in order", "cells in order",
                                      "  checks differ" if a.checks else ""))
    for producer in sorted(tot, key=lambda p: (p != "lo", p)):
        pe, pg, pm, ce, cg, cm, docs, differ = tot[producer]
        print("%-10s %5d %7.1f%% (%5d/%5d) +%-3d %7.1f%% (%5d/%5d) +%-3d%s" % (
            producer, docs, pct(pm, pe), pm, pe, pg - pm,
            pct(cm, ce), cm, ce, cg - cm,
            "  %d" % differ if a.checks else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
