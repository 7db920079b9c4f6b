#!/usr/bin/python3
"""Scans of corpus PDF pages, as a scanner app makes them: each page rendered
at 200 or 300 dpi (pdftoppm), a red seal stamped over the text (multiplied,
so black text under the seal stays black, as with real ink), turned by a
slight skew, with a little noise, saved as JPEG and wrapped in an image-only
PDF (one DCT image per page, no text layer).

    /usr/bin/python3 corpus/scans/make_scans.py            # the committed fixtures
    /usr/bin/python3 corpus/scans/make_scans.py --bench DIR  # whole documents for bench/ocr_bench.sh

Needs poppler-utils (pdftoppm) and imagemagick (/usr/bin/convert; not the
stand-in first on PATH). Fixtures are committed, so tests need neither.

Committed (small, one page each, for the OCR tests):
  rate-mismatch-p1-200dpi.pdf
                        page 1 of variants/rate-mismatch (title, narrative
                        with figures; 预算执行率95% where 24 of 24 were
                        spent), 200 dpi, seal over the text, skew 0.7°
  clean-p6-200dpi.pdf   page 6 of variants/clean (附件1, a ruled table with
                        merged cells), 200 dpi, seal over the table, skew -0.5°
  clean-p7-200dpi.pdf   page 7 of variants/clean (the indicator table: targets
                        written ≥60次, ≥70%, ≦100%), 200 dpi,
                        seal, skew 0.6°
  seed-p7-200dpi.pdf    page 7 of the seed (the indicator table: long prose
                        cells with figures, "62个" in one; cells of one
                        digit; targets ≥4期), 200 dpi, seal, skew 0.4° (the
                        page as the OCR bench scans it)
  seed-p9-300dpi.pdf    page 9 of the seed (the scoring table: ranges
                        "得16—18分", "12—14分", which the model reads
                        "-", "--" or "一"), 300 dpi, seal, skew 0.7°
  bundle-defect-second-p1-200dpi.pdf
                        page 1 of templates/bundle-defect-second (a 汇编's
                        cover letter; the telephone 0312-5550123 keeps its
                        hyphen), 200 dpi, seal, skew 0.7°
  report-clean-200dpi.pdf
                        templates/report-clean, both pages (a 部门整体支出
                        report whose 自评表 starts with one row at the foot
                        of page 1 and goes on on page 2; a paragraph that
                        wraps before "98.69%。"), 200 dpi, seal, skews 0.7°
                        and -0.5° (the pages as the OCR bench scans them)
  target-count-300dpi.pdf
                        templates/target-count (a national 项目支出自评表 on
                        one page: funds block, indicator table, 80% / 98%
                        cells; one target not met), 300 dpi, seal over the
                        table, skew 0.7° (read at the scan's own 300 dpi)
  summary-clean-300dpi.pdf
                        templates/summary-clean (a 总结报告 of one page: four
                        numbered headings, the last paragraph ending in
                        "。"), 300 dpi, seal, skew 0.7°: the model reads
                        the bold "三、" as "二、" and drops the last "。"
  final-clean-p1-300dpi.pdf
                        page 1 of templates/final-clean (决算公开 说明,
                        headings 一、 二、 三、), 300 dpi, seal, skew 0.7°:
                        the model drops the "二" of "二、"
  rate-mismatch-p1-no-tounicode.pdf
                        page 1 of variants/rate-mismatch as LibreOffice
                        wrote it, with every /ToUnicode map taken out: its
                        CJK subset fonts (symbolic TrueType without
                        /Encoding) then read as "!\"#$%..." (qpdf)
  stamped-2p.pdf        two pages of the seed at 75 dpi grey, each with one
                        line of real text stamped at the foot by the scanner
                        app (the only text layer): nothing but page furniture
"""

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
CONVERT = "/usr/bin/convert"
IDENTIFY = "/usr/bin/identify"
SEAL_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


def run(*args):
    subprocess.run(args, check=True)


def render(pdf, page, dpi, out_png, grey=False):
    base = out_png[:-4]
    cmd = ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile"]
    if grey:
        cmd.append("-gray")
    run(*cmd, pdf, base)


def size_of(path):
    out = subprocess.run([IDENTIFY, "-format", "%w %h", path], check=True,
                         capture_output=True, text=True).stdout.split()
    return int(out[0]), int(out[1])


def scan(png, out_jpg, dpi, skew, seal_at, seal_text, quality=45):
    """Seal (multiplied over the page), skew, noise, JPEG."""
    w, h = size_of(png)
    s = dpi / 200.0
    cx, cy = int(w * seal_at[0]), int(h * seal_at[1])
    r = int(170 * s)
    star = []
    import math
    for k in range(10):
        rad = (r * 0.28) if k % 2 == 0 else (r * 0.11)
        a = -math.pi / 2 + k * math.pi / 5
        star.append("%d,%d" % (cx + rad * math.cos(a), cy - int(r * 0.1) + rad * math.sin(a)))
    seal = [
        "(", "-size", "%dx%d" % (w, h), "xc:white",
        "-fill", "none", "-stroke", "rgb(214,38,46)", "-strokewidth", str(int(7 * s)),
        "-draw", "circle %d,%d %d,%d" % (cx, cy, cx + r, cy),
        "-fill", "rgb(214,38,46)", "-stroke", "none",
        "-draw", "polygon " + " ".join(star),
        "-font", SEAL_FONT, "-pointsize", str(int(34 * s)),
        "-gravity", "NorthWest",
        "-draw", "text %d,%d '%s'" % (cx - int(r * 0.62), cy + int(r * 0.25), seal_text[0]),
        "-pointsize", str(int(26 * s)),
        "-draw", "text %d,%d '%s'" % (cx - int(r * 0.45), cy + int(r * 0.55), seal_text[1]),
        ")",
    ]
    run(CONVERT, png, *seal, "-compose", "Multiply", "-composite",
        "-background", "white", "-rotate", str(skew),
        "-gravity", "center", "-crop", "%dx%d+0+0" % (w, h), "+repage",
        "-seed", "7", "-attenuate", "0.04", "+noise", "Gaussian",
        "-density", str(dpi), "-units", "PixelsPerInch",
        "-sampling-factor", "2x2", "-quality", str(quality), out_jpg)


def grey_jpg(png, out_jpg, dpi, quality=30):
    run(CONVERT, png, "-colorspace", "Gray", "-density", str(dpi), "-units", "PixelsPerInch",
        "-quality", str(quality), out_jpg)


def pdf_string(text):
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def write_image_pdf(pages, out_pdf):
    """pages: [(jpeg_path, dpi, stamp_text_or_None)]. One DCT image per page;
    a stamp is a line of Helvetica text at the foot of the page."""
    objs = []  # bytes of each object, 1-based numbering

    def add(body):
        objs.append(body)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_ids = []
    pages_id_placeholder = b"%PAGES%"
    for jpg, dpi, stamp in pages:
        data = open(jpg, "rb").read()
        w, h = size_of(jpg)
        comps = 1 if subprocess.run([IDENTIFY, "-format", "%[colorspace]", jpg], capture_output=True,
                                    text=True).stdout.strip() == "Gray" else 3
        cs = b"/DeviceGray" if comps == 1 else b"/DeviceRGB"
        img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
                  b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (w, h, cs, len(data))
                  + data + b"\nendstream")
        pw, ph = w * 72.0 / dpi, h * 72.0 / dpi
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q\n" % (pw, ph)
        if stamp:
            content += b"BT /F1 8 Tf 1 0 0 1 %.2f 18 Tm %s Tj ET\n" % (pw * 0.3, pdf_string(stamp).encode("latin-1"))
        cid = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream")
        pid = add(b"<< /Type /Page /Parent " + pages_id_placeholder + b" /MediaBox [0 0 %.2f %.2f] "
                  b"/Resources << /XObject << /Im0 %d 0 R >> /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                  % (pw, ph, img, font, cid))
        page_ids.append(pid)
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    pages_id = add(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(page_ids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        body = body.replace(pages_id_placeholder, b"%d 0 R" % pages_id)
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)
    with open(out_pdf, "wb") as f:
        f.write(out)


SEAL = ("君山测试联合会", "财务专用章")


def scan_pages(pdf, numbers, dpi, out_pdf, tmp, skews=(0.7, -0.5, 0.4, -0.8)):
    pages = []
    for i, n in enumerate(numbers):
        png = os.path.join(tmp, "p%d.png" % n)
        jpg = os.path.join(tmp, "p%d.jpg" % n)
        render(pdf, n, dpi, png)
        # The seal sits where a unit signs: over text, right of centre.
        scan(png, jpg, dpi, skews[i % len(skews)], (0.62, 0.32 + 0.1 * (i % 3)), SEAL)
        pages.append((jpg, dpi, None))
    write_image_pdf(pages, out_pdf)


def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def strip_tounicode(pdf, page, out_pdf, tmp):
    """One page of pdf with its /ToUnicode entries removed (qpdf's QDF form,
    the references renamed in place so offsets stay, then rewritten)."""
    one = os.path.join(tmp, "one.pdf")
    qdf = os.path.join(tmp, "one.qdf")
    run("qpdf", "--static-id", "--empty", "--pages", pdf, str(page), "--", one)
    run("qpdf", "--static-id", "--qdf", "--object-streams=disable", one, qdf)
    data = open(qdf, "rb").read()
    import re
    data = re.sub(rb"/ToUnicode (\d+) 0 R", lambda m: b"/NoUnicode " + m.group(1) + b" 0 R", data)
    open(qdf, "wb").write(data)
    fixed = subprocess.run(["fix-qdf", qdf], check=True, capture_output=True).stdout
    open(qdf, "wb").write(fixed)
    run("qpdf", "--static-id", "--object-streams=generate", "--compress-streams=y", qdf, out_pdf)


def fixtures():
    clean = os.path.join(CORPUS, "variants", "clean.pdf")
    seed = os.path.join(CORPUS, "seed", "junshan-gsl-2024.pdf")
    with tempfile.TemporaryDirectory() as tmp:
        rate = os.path.join(CORPUS, "variants", "rate-mismatch.pdf")
        scan_pages(rate, [1], 200, os.path.join(HERE, "rate-mismatch-p1-200dpi.pdf"), tmp, skews=(0.7,))
        scan_pages(clean, [6], 200, os.path.join(HERE, "clean-p6-200dpi.pdf"), tmp, skews=(-0.5,))
        scan_pages(clean, [7], 200, os.path.join(HERE, "clean-p7-200dpi.pdf"), tmp, skews=(0.6,))
        scan_pages(seed, [7], 200, os.path.join(HERE, "seed-p7-200dpi.pdf"), tmp, skews=(0.4,))
        scan_pages(seed, [9], 300, os.path.join(HERE, "seed-p9-300dpi.pdf"), tmp, skews=(0.7,))
        scan_pages(os.path.join(CORPUS, "templates", "bundle-defect-second.pdf"), [1], 200,
                   os.path.join(HERE, "bundle-defect-second-p1-200dpi.pdf"), tmp, skews=(0.7,))
        scan_pages(os.path.join(CORPUS, "templates", "report-clean.pdf"), [1, 2], 200,
                   os.path.join(HERE, "report-clean-200dpi.pdf"), tmp)
        scan_pages(os.path.join(CORPUS, "templates", "target-count.pdf"), [1], 300,
                   os.path.join(HERE, "target-count-300dpi.pdf"), tmp, skews=(0.7,))
        scan_pages(os.path.join(CORPUS, "templates", "summary-clean.pdf"), [1], 300,
                   os.path.join(HERE, "summary-clean-300dpi.pdf"), tmp, skews=(0.7,))
        scan_pages(os.path.join(CORPUS, "templates", "final-clean.pdf"), [1], 300,
                   os.path.join(HERE, "final-clean-p1-300dpi.pdf"), tmp, skews=(0.7,))
        strip_tounicode(rate, 1, os.path.join(HERE, "rate-mismatch-p1-no-tounicode.pdf"), tmp)
        pages = []
        for n in (2, 3):
            png = os.path.join(tmp, "g%d.png" % n)
            jpg = os.path.join(tmp, "g%d.jpg" % n)
            render(seed, n, 75, png, grey=True)
            grey_jpg(png, jpg, 75)
            pages.append((jpg, 75, "Scanned with PocketScan Free 2026-11-30 09:14"))
        write_image_pdf(pages, os.path.join(HERE, "stamped-2p.pdf"))


# The seed and its clean variant (部门整体支出 report with its 附件 tables),
# and one or two reports of every other family in corpus/templates: the
# national 项目支出自评表 (plain and decorated headers), 整体支出自评表,
# 整体支出报告, 自评表汇编, 总结报告 and 决算公开, clean and with a defect.
BENCH_DOCUMENTS = {
    "seed": "seed/junshan-gsl-2024",
    "clean": "variants/clean",
    "project-clean": "templates/project-clean",
    "project-decorated-clean": "templates/project-decorated-clean",
    "target-count": "templates/target-count",
    "weights-110": "templates/weights-110",
    "whole-clean": "templates/whole-clean",
    "report-clean": "templates/report-clean",
    "report-grade": "templates/report-grade",
    "bundle-defect-second": "templates/bundle-defect-second",
    "summary-clean": "templates/summary-clean",
    "final-clean": "templates/final-clean",
    "final-funds-defect": "templates/final-funds-defect",
}


def bench(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    docs = {name: os.path.join(CORPUS, rel + ".pdf") for name, rel in BENCH_DOCUMENTS.items()}
    with tempfile.TemporaryDirectory() as tmp:
        for name, pdf in docs.items():
            for dpi in (200, 300):
                out = os.path.join(out_dir, "%s-%ddpi.pdf" % (name, dpi))
                scan_pages(pdf, list(range(1, page_count(pdf) + 1)), dpi, out, tmp)
                print(out, os.path.getsize(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", metavar="DIR", help="write whole-document scans for the OCR bench")
    args = ap.parse_args()
    if args.bench:
        bench(args.bench)
    else:
        fixtures()


if __name__ == "__main__":
    sys.exit(main())
