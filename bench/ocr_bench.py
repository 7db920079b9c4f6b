#!/usr/bin/python3
"""OCR of scanned reports: accuracy, time, memory, throughput.

usage: bench/ocr_bench.py [build/jixiao] [--scans DIR] [--keep] [--only NAME,...] [--accuracy-only]

Makes colour scans of the seed and of the clean variant at 200 and 300 dpi
(corpus/scans/make_scans.py --bench: a red seal over the text, a slight skew,
JPEG), then for each scan:
  - characters: the OCR'd text (`extract --format text`) against the DOCX's
    text (`extract` of the DOCX), white space aside: matched characters of the
    DOCX text / its length (difflib's matching blocks: a lower bound of the
    longest common subsequence);
  - paragraphs exact: paragraphs and headings of the DOCX found with the
    same text (white space aside) among the scan's (one character misread is
    a miss); and "paras~", found whole: as one paragraph of the scan at
    least 90% alike (a paragraph split at a line, or run into the next, is a
    miss; a misread character is not);
  - table cells exact: non-empty cells of the DOCX's tables found with the
    same text (white space aside) among the scan's cells, by table; and
    "cells~", the same with glyph variants the checks read alike taken as
    equal (ASCII ( ) , ; : and their full-width forms, ≦/≤, ≧/≥: the DOCX
    itself mixes them);
  - time per page and peak RSS of `check` (pages OCR'd two at a time on this
    2-core machine);
  - findings: the codes `check` gives on the scan against those it gives on
    the text PDF.
Then a 14-page scan (the seed's 9 pages and 5 of the clean variant, 200 dpi)
through `run --jobs 2`: wall time, CPU time and the load average when it
started (the machine may be shared); and `run --jobs 2` over the folder of
scans: pages per second.
Needs imagemagick, poppler-utils and qpdf for the scans (not for jixiao).
"""
import collections
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
if "--only" in sys.argv:
    args.remove(sys.argv[sys.argv.index("--only") + 1])
jixiao = args[0] if args else os.path.join(root, "build", "jixiao")
scans_dir = None
if "--scans" in sys.argv:
    scans_dir = sys.argv[sys.argv.index("--scans") + 1]
    args = [a for a in args if a != scans_dir]
    jixiao = args[0] if args else os.path.join(root, "build", "jixiao")

sys.path.insert(0, os.path.join(root, "corpus", "scans"))
from make_scans import BENCH_DOCUMENTS as SOURCES  # noqa: E402


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def timed(cmd):
    """(seconds, peak RSS in MB, stdout)"""
    t = time.time()
    p = run(["/usr/bin/time", "-f", "%M"] + cmd)
    secs = time.time() - t
    rss = int(p.stderr.strip().splitlines()[-1]) / 1024.0
    return secs, rss, p.stdout


def strip(s):
    return re.sub(r"\s", "", s)


def read(path):
    """(text, tables of cell texts, paragraphs) of one `extract` run."""
    doc = json.loads(run([jixiao, "extract", "--time-limit", "0", path]).stdout)
    text, tables, paragraphs = [], [], []
    for b in doc["blocks"]:
        if b["kind"] == "table":
            cells = ["".join(c.get("paragraphs", [])) for c in b["table"]["cells"]]
            text += cells
            tables.append([strip(c) for c in cells])
        else:
            text.append(b.get("label", "") + b.get("text", ""))
            paragraphs.append(strip(text[-1]))
    return "\n".join(text), tables, paragraphs


def found_exactly(ref, ocr):
    """(found, total): the non-empty texts of ref found among ocr's, each of
    ocr's used once."""
    pool = collections.Counter(t for t in ocr if t)
    ok = total = 0
    for t in ref:
        if not t:
            continue
        total += 1
        if pool[t] > 0:
            pool[t] -= 1
            ok += 1
    return ok, total


def paragraph_accuracy(ref, ocr):
    """(exact, whole, total): paragraphs and headings of the DOCX found with
    the same text (white space aside) among the scan's; and found whole, as
    one paragraph of the scan at least 90% alike (difflib's ratio), so that
    a misread character does not count but a paragraph split in two, or run
    into the next, does."""
    ok, total = found_exactly(ref, ocr)
    unused = [p for p in ocr if p]
    whole = 0
    for p in ref:
        if not p:
            continue
        best, best_ratio = None, 0.0
        for i, q in enumerate(unused):
            sm = difflib.SequenceMatcher(None, p, q, autojunk=False)
            if sm.real_quick_ratio() >= 0.9 and sm.quick_ratio() >= 0.9 and sm.ratio() > best_ratio:
                best, best_ratio = i, sm.ratio()
        if best is not None and best_ratio >= 0.9:
            whole += 1
            del unused[best]
    return ok, whole, total


def char_accuracy(reference, ocr):
    a, b = strip(reference), strip(ocr)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(m.size for m in sm.get_matching_blocks()) / max(1, len(a))


# Glyph variants the checks read alike (numbers: NFKC and the comparator
# table; narrative: ASCII punctuation as full-width): "cells, variants equal"
# counts a cell that differs only by these as read right.
VARIANTS = str.maketrans({"(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "≦": "≤", "≧": "≥"})


def variant_free(cell):
    return cell.translate(VARIANTS)


def cell_accuracy(ref_tables, ocr_tables, normalise=False):
    if normalise:
        ref_tables = [[variant_free(c) for c in t] for t in ref_tables]
        ocr_tables = [[variant_free(c) for c in t] for t in ocr_tables]
    # All of the scan's cells, so that a table split or joined differently
    # still counts its cells.
    return found_exactly([c for t in ref_tables for c in t], [c for t in ocr_tables for c in t])


def codes(path):
    out = run([jixiao, "check", "--time-limit", "0", "--format", "json", path]).stdout
    report = json.loads(out)
    return collections.Counter(f["code"] for f in report.get("findings", [])), report.get("status")


def pages_of(pdf):
    out = run(["pdfinfo", pdf]).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def main():
    tmp = tempfile.mkdtemp(prefix="jixiao-ocr-bench-")
    sdir = scans_dir or os.path.join(tmp, "scans")
    if not scans_dir or not os.path.isdir(sdir) or not os.listdir(sdir):
        subprocess.run(["/usr/bin/python3", os.path.join(root, "corpus", "scans", "make_scans.py"), "--bench", sdir],
                       check=True, stdout=subprocess.DEVNULL)
    total_pages = 0
    # (characters matched, characters, cells exact, cells~, cells) by dpi,
    # for the seed and its variant, and for the other families.
    sums = collections.defaultdict(lambda: [0, 0, 0, 0, 0, 0, 0, 0])
    differing = []
    print("%-18s %5s %8s %8s %8s %8s %8s %10s %8s %8s  %s" % ("scan", "pages", "chars", "paras", "paras~", "cells",
                                                                "cells~", "s/page", "RSS MB", "status",
                                                                "findings (scan vs text PDF)"))
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None
    for name, rel in SOURCES.items():
        if only and name not in only:
            continue
        docx = os.path.join(root, "corpus", rel + ".docx")
        pdf = os.path.join(root, "corpus", rel + ".pdf")
        ref_text, ref_cells, ref_paras = read(docx)
        pdf_codes, _ = codes(pdf)
        for dpi in (200, 300):
            scan = os.path.join(sdir, "%s-%ddpi.pdf" % (name, dpi))
            pages = pages_of(scan)
            total_pages += pages
            secs, rss, out = timed([jixiao, "check", "--time-limit", "0", "--format", "json", scan])
            scan_text, scan_cells, scan_paras = read(scan)
            p_ok, p_whole, p_total = paragraph_accuracy(ref_paras, scan_paras)
            acc = char_accuracy(ref_text, scan_text)
            ok, total = cell_accuracy(ref_cells, scan_cells)
            ok_n, _ = cell_accuracy(ref_cells, scan_cells, normalise=True)
            group = sums[("seed and clean" if name in ("seed", "clean") else "other families", dpi)]
            a, b = strip(ref_text), strip(scan_text)
            group[0] += acc * len(a)
            group[1] += len(a)
            group[2] += ok
            group[3] += ok_n
            group[4] += total
            group[5] += p_ok
            group[6] += p_total
            group[7] += p_whole
            report = json.loads(out)
            scan_codes = collections.Counter(f["code"] for f in report.get("findings", []))
            status = report.get("status")
            same = "same" if scan_codes == pdf_codes else "scan %s / pdf %s" % (
                dict(sorted(scan_codes.items())), dict(sorted(pdf_codes.items())))
            print("%-18s %5d %7.2f%% %7.2f%% %7.2f%% %7.2f%% %7.2f%% %10.2f %8.0f %8s  %s" % (
                os.path.basename(scan), pages, 100 * acc, 100 * p_ok / max(1, p_total),
                100 * p_whole / max(1, p_total), 100 * ok / max(1, total),
                100 * ok_n / max(1, total), secs / pages, rss, status, same))
            sys.stdout.flush()
            if scan_codes != pdf_codes:
                differing.append(os.path.basename(scan))
    for (group, dpi), (matched, chars, ok, ok_n, total, p_ok, p_total, p_whole) in sorted(sums.items()):
        print("%-14s %d dpi: characters %.2f%%, paragraphs exact %d/%d = %.2f%% (whole %.2f%%), "
              "cells exact %d/%d = %.2f%%, cells~ %.2f%%" % (
                  group, dpi, 100 * matched / max(1, chars), p_ok, p_total, 100 * p_ok / max(1, p_total),
                  100 * p_whole / max(1, p_total), ok, total, 100 * ok / max(1, total), 100 * ok_n / max(1, total)))
    print("scans whose findings differ from the text PDF's: %s" % (", ".join(differing) or "none"))
    if "--accuracy-only" in sys.argv:
        if "--keep" not in sys.argv:
            shutil.rmtree(tmp)
        return
    # One 14-page scan, read 2 pages at a time.
    fourteen_dir = os.path.join(tmp, "fourteen")
    os.makedirs(fourteen_dir)
    fourteen = os.path.join(fourteen_dir, "scan-14p.pdf")
    subprocess.run(["qpdf", "--empty", "--pages", os.path.join(sdir, "seed-200dpi.pdf"),
                    os.path.join(sdir, "clean-200dpi.pdf"), "1-5", "--", fourteen], check=True)
    load = os.getloadavg()[0]
    t = time.time()
    p = run(["/usr/bin/time", "-f", "%M %U %S", jixiao, "run", fourteen_dir, "--out", os.path.join(tmp, "run14"),
             "--jobs", "2", "--time-limit", "0"])
    secs = time.time() - t
    rss, user, system = p.stderr.strip().splitlines()[-1].split()
    print("14-page scan, run --jobs 2: %.1f s wall, %.1f s user + %.1f s system CPU, peak RSS %.0f MB "
          "(load average %.1f at the start)" % (secs, float(user), float(system), int(rss) / 1024.0, load))
    out = os.path.join(tmp, "run")
    t = time.time()
    p = run(["/usr/bin/time", "-f", "%M", jixiao, "run", sdir, "--out", out, "--jobs", "2", "--time-limit", "0", "--progress", "lines"])
    secs = time.time() - t
    rss = int(p.stderr.strip().splitlines()[-1]) / 1024.0
    print("run --jobs 2 over %d scanned pages (%d documents): %.1f s, %.2f pages/s, peak RSS %.0f MB "
          "(load average %.1f at the end)" % (total_pages, len(os.listdir(sdir)), secs, total_pages / secs, rss,
                                               os.getloadavg()[0]))
    if "--keep" not in sys.argv:
        shutil.rmtree(tmp)
    else:
        print("kept", tmp)


if __name__ == "__main__":
    main()
