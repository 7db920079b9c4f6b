#!/usr/bin/env python3
"""Time and peak memory of jixiao on the large hostile cases of the reliability
probe, each in its own process (GNU time's maximum resident set size):

  - one budget sentence repeated 8,000 / 16,000 / 32,000 / 64,000 times (stored ZIP), `check`
  - the 64,000 with --time-limit 1 (every stage stops at the limit)
  - one sentence repeated into a 32 MB document.xml (deflated ~300:1), `check`
  - a table of 300,000 rows (about 2 MB as DOCX), `check`
  - the same table with --time-limit 2 (the limit must stop it)
  - a form XObject drawn 10^6 times (forms nesting forms), `check --time-limit 0`
  - a table of 100,000 rows each naming a concept (200,000 facts), `check -f json`
  - `run` over N small distinct reports (default 2,000; --batch N)

    /usr/bin/python3 bench/hostile_bench.py [--batch N] [--rows N] [--only CASE,...] [--jixiao build/jixiao]

CASE: repeated, compressible, xobject, table, facts, batch (default: all).

Inputs are generated in a temporary folder (nothing is committed); figures and
names are invented.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fuzz"))
import make_hostile_seeds as h  # noqa: E402

SENTENCE = "本单位2024年度预算资金36万元，其中基本支出30万元，项目支出6万元。"


def measure(label, argv):
    t0 = time.time()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True)
    seconds = time.time() - t0
    lines = proc.stderr.strip().splitlines()
    peak_mb = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else float("nan")
    print("%-44s %8.2f s %9.1f MB  exit %d" % (label, seconds, peak_mb, proc.returncode), flush=True)
    return seconds, peak_mb


def report_docx(i):
    paras = ["%d年度第%d单位整体支出绩效自评报告" % (2024, i),
             "本单位%d年度预算资金%d万元，全年实际支出%d万元，预算执行率100%%。" % (2024, 20 + i % 50, 20 + i % 50)]
    return h.raw_zip([{"name": "word/document.xml", "data": h.doc_xml(paras), "deflate": True}])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jixiao", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "jixiao"))
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--rows", type=int, default=300000)
    ap.add_argument("--only", default="repeated,compressible,xobject,table,facts,batch")
    args = ap.parse_args()
    only = set(args.only.split(","))
    j = os.path.abspath(args.jixiao)
    tmp = tempfile.mkdtemp(prefix="jixiao_hostile_bench_")
    try:
        for n in ((8000, 16000, 32000, 64000) if "repeated" in only else ()):
            path = os.path.join(tmp, "repeated-%d.docx" % n)
            with open(path, "wb") as f:
                f.write(h.raw_zip([{"name": "word/document.xml", "data": h.doc_xml([SENTENCE] * n)}]))
            measure("check, sentence x %d" % n, [j, "check", path])
        if "repeated" in only:
            measure("check --time-limit 1, sentence x 64000", [j, "check", "--time-limit", "1", path])
        if "compressible" in only:
            compressible(j, tmp)
        if "xobject" in only:
            path = os.path.join(tmp, "xobject-fanout.pdf")
            with open(path, "wb") as f:
                f.write(h.xobject_fanout_pdf())
            measure("check --time-limit 0, form XObject x 10^6",
                    [j, "check", "--time-limit", "0", "--ocr", "off", path])
        if "table" in only:
            path = table(j, tmp, args.rows, lambda i: "支出%d" % i, "table of %d rows" % args.rows)
            measure("check --time-limit 2, table of %d rows" % args.rows, [j, "check", "--time-limit", "2", path])
        if "facts" in only:
            table(j, tmp, 100000, lambda i: "基本支出" if i % 2 else "项目支出", "table of 100000 rows of facts")
        if "batch" in only:
            batch_run(j, tmp, args.batch)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compressible(j, tmp):
    path = os.path.join(tmp, "compressible.docx")
    n = (32 << 20) // len(("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % SENTENCE).encode("utf-8"))
    xml = h.doc_xml([SENTENCE] * n)
    with open(path, "wb") as f:
        f.write(h.raw_zip([{"name": "word/document.xml", "data": xml, "deflate": True}]))
    print("(compressible DOCX: %.1f MB document.xml, %.0f:1)" % (len(xml) / 1e6, len(xml) / os.path.getsize(path)))
    measure("check, 32 MB document.xml of one sentence", [j, "check", path])


def table(j, tmp, rows, label, name):
    path = os.path.join(tmp, name.replace(" ", "-") + ".docx")
    table = [["项目", "预算数（万元）", "执行数（万元）"]] + [[label(i), str(i % 97), str(i % 89)] for i in range(rows)]
    with open(path, "wb") as f:
        f.write(h.raw_zip([{"name": "word/document.xml", "data": h.table_xml(table), "deflate": True}]))
    print("(%s: %.1f MB DOCX)" % (name, os.path.getsize(path) / 1e6))
    measure("check -f json, " + name, [j, "check", "--time-limit", "0", "-f", "json", path])
    return path


def batch_run(j, tmp, n):
    batch = os.path.join(tmp, "batch")
    os.makedirs(batch)
    for i in range(n):
        with open(os.path.join(batch, "r%05d.docx" % i), "wb") as f:
            f.write(report_docx(i))
    measure("run --jobs 2, %d documents" % n,
            [j, "run", batch, "--out", os.path.join(tmp, "out"), "--jobs", "2", "--progress", "lines"])
    size = os.path.getsize(os.path.join(tmp, "out", "report.html")) / 1e6
    print("(report.html: %.1f MB)" % size)


if __name__ == "__main__":
    main()
