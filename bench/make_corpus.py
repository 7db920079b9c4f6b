#!/usr/bin/python3
"""Make an N-document benchmark corpus from the reports in corpus/.

    bench/make_corpus.py N OUT_DIR [--pdf-share 0.5] [--seed 1]

Bases: every full report of corpus/seed and corpus/variants (DOCX and PDF).

DOCX copies are real variants: the numbers inside the text runs (<w:t>) of
word/document.xml are rewritten (amounts, counts and rates scaled by a random
factor, keeping the number of decimals), and the unit name in the title gets a
serial number, so every copy has different figures, a different hash and a
different archive entry. The other ZIP members are copied byte for byte.

PDF copies cannot be varied that simply (text is in compressed content
streams with font subsets): they are the corpus PDFs byte for byte plus a
trailing PDF comment line after %%EOF ("% bench copy 17"), which readers
ignore but which makes each file's SHA-256 distinct (no duplicates).

Deterministic for a given --seed. Standard library only (zipfile, re).
"""

import argparse
import os
import random
import re
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

NUMBER = re.compile(r"(?<![\d.])(\d{1,9})(\.\d{1,4})?(?![\d.、．)）])")
TEXT_RUN = re.compile(r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)")


def bases(kind):
    out = []
    for sub in ("seed", "variants"):
        d = os.path.join(ROOT, "corpus", sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith("." + kind):
                out.append(os.path.join(d, name))
    return out


def vary_number(m, rng):
    whole, frac = m.group(1), m.group(2) or ""
    value = float(whole + frac)
    if 1900 <= value <= 2100 and not frac:  # a year: keep
        return m.group(0)
    if value == 0:
        return m.group(0)
    scaled = value * rng.uniform(0.5, 1.8)
    decimals = len(frac) - 1 if frac else 0
    if decimals:
        return f"{scaled:.{decimals}f}"
    return str(max(1, int(round(scaled))))


def vary_docx(src, dst, serial, rng):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")

                def run(m):
                    text = NUMBER.sub(lambda n: vary_number(n, rng), m.group(2))
                    return m.group(1) + text + m.group(3)

                xml = TEXT_RUN.sub(run, xml)
                # The unit: 君山区工商业联合会 -> 君山区第17工商业联合会 (first title run only).
                xml = xml.replace("工商业联合会", f"第{serial}工商业联合会", 1)
                data = xml.encode("utf-8")
            zout.writestr(item, data)


def copy_pdf(src, dst, serial):
    with open(src, "rb") as f:
        data = f.read()
    if not data.endswith(b"\n"):
        data += b"\n"
    with open(dst, "wb") as f:
        f.write(data + f"% bench copy {serial}\n".encode())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--pdf-share", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    docx, pdf = bases("docx"), bases("pdf")
    if not docx or not pdf:
        sys.exit("make_corpus: no DOCX/PDF reports under corpus/seed and corpus/variants")
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    n_pdf = int(round(args.n * args.pdf_share))
    for i in range(args.n):
        sub = os.path.join(args.out, f"batch{i // 250:02d}")
        os.makedirs(sub, exist_ok=True)
        if i < n_pdf:
            src = pdf[i % len(pdf)]
            copy_pdf(src, os.path.join(sub, f"r{i:05d}-{os.path.basename(src)}"), i)
        else:
            src = docx[i % len(docx)]
            vary_docx(src, os.path.join(sub, f"r{i:05d}-{os.path.basename(src)}"), i, rng)
    print(f"make_corpus: {args.n} documents ({n_pdf} PDF copies, {args.n - n_pdf} varied DOCX) in {args.out}")


if __name__ == "__main__":
    main()
