#!/usr/bin/python3
"""An OFD (GB/T 33190-2016) of a corpus report, typeset by this script.

    /usr/bin/python3 corpus/ofd/make_ofd.py

Writes corpus/ofd/rate-mismatch.ofd from corpus/variants/rate-mismatch.expected.txt
(预算执行率95% where 24 of 24 万元 were spent): the report's first 24
paragraphs (headings bold, body paragraphs with a two-character first-line
indent, wrapped at the text width, glyph advances in DeltaX) and its first
table (附件1) ruled with PathObjects (one line per row and column edge;
empty cells where the DOCX merges), on A4 pages with a running header and a
page number, as an OFD writer lays them out: one TextObject per line, its
Boundary in millimetres, the TextCode's Y on the baseline.

Also writes rate-mismatch.expected.json: the paragraphs and the table rows
the OFD holds, for ofd_test.cc. Needs nothing beyond Python.
"""

import json
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(HERE), "variants", "rate-mismatch.expected.txt")

PAGE_W, PAGE_H = 210.0, 297.0
LEFT, RIGHT, TOP, BOTTOM = 25.0, 25.0, 28.0, 25.0
SIZE = 3.7          # 10.5 pt body text
PITCH = 6.4         # line pitch
TEXT_W = PAGE_W - LEFT - RIGHT
HEADER = "君山区工商业联合会 2024年度部门整体支出绩效自评"
NS = "http://www.ofdspec.org/2016"


def width(ch, size):
    return size / 2 if ord(ch) < 0x80 else size


def wrap(text, first_indent, avail, size):
    lines, cur, w, limit = [], "", first_indent, avail
    for ch in text:
        if w + width(ch, size) > limit + 1e-6 and cur:
            lines.append(cur)
            cur, w = "", 0.0
        cur += ch
        w += width(ch, size)
    if cur:
        lines.append(cur)
    return lines


def is_heading(p):
    import re
    return bool(re.match(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件\d)", p)) or p.endswith("报告")


def read_source():
    lines = open(SRC, encoding="utf-8").read().split("\n")
    paragraphs, rows, row, i = [], [], [], 0
    # Paragraphs up to the first table.
    while i < len(lines) and not lines[i].startswith("\t"):
        if lines[i].strip():
            paragraphs.append(lines[i].strip())
        i += 1
    # The first table: rows of "\t"-lines separated by blank lines; it ends
    # at the first line that is neither.
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            row.append(line[1:].strip().replace("\u3000", ""))
        elif line == "":
            if row:
                rows.append(row)
                row = []
            if i + 1 < len(lines) and not lines[i + 1].startswith("\t"):
                break
        else:
            break
        i += 1
    if row:
        rows.append(row)
    return paragraphs, rows


class Writer:
    def __init__(self):
        self.pages = []
        self.next_id = 10
        self.new_page()

    def oid(self):
        self.next_id += 1
        return self.next_id

    def new_page(self):
        self.objs = []
        self.pages.append(self.objs)
        self.y = TOP
        n = len(self.pages)
        self.text(HEADER, (PAGE_W - len(HEADER) * 2.8) / 2, 14.0, 2.8)
        self.text("第 %d 页" % n, PAGE_W / 2 - 6, PAGE_H - 14.0, 2.8)

    def text(self, s, x, baseline, size, bold=False):
        deltas = [width(c, size) for c in s[:-1]]
        w = sum(width(c, size) for c in s)
        weight = ' Weight="700"' if bold else ""
        self.objs.append(
            '<ofd:TextObject ID="%d" Boundary="%.3f %.3f %.3f %.3f" Font="3" Size="%.2f"%s>'
            '<ofd:TextCode X="0" Y="%.3f" DeltaX="%s">%s</ofd:TextCode></ofd:TextObject>'
            % (self.oid(), x, baseline - size, w, size * 1.25, size, weight, size,
               " ".join("%.3f" % d for d in deltas), escape(s)))

    def line(self, x0, y0, x1, y1):
        self.objs.append(
            '<ofd:PathObject ID="%d" Boundary="%.3f %.3f %.3f %.3f" LineWidth="0.25">'
            '<ofd:AbbreviatedData>M 0 0 L %.3f %.3f</ofd:AbbreviatedData></ofd:PathObject>'
            % (self.oid(), min(x0, x1), min(y0, y1), max(abs(x1 - x0), 0.01), max(abs(y1 - y0), 0.01),
               x1 - x0, y1 - y0))

    def room(self, h):
        if self.y + h > PAGE_H - BOTTOM:
            self.new_page()

    def paragraph(self, p):
        heading = is_heading(p)
        indent = 0.0 if heading or p[:1].isdigit() else 2 * SIZE
        lines = wrap(p, indent, TEXT_W, SIZE)
        for k, ln in enumerate(lines):
            self.room(PITCH)
            self.text(ln, LEFT + (indent if k == 0 else 0), self.y + SIZE, SIZE, bold=heading)
            self.y += PITCH
        self.y += 1.0

    def table(self, rows):
        cols = max(len(r) for r in rows)
        cw = TEXT_W / cols
        size, pad, pitch = 3.2, 1.5, 5.0
        self.y += 2.0
        top = self.y
        col_x = [LEFT + c * cw for c in range(cols + 1)]
        for r in rows:
            cells = [wrap(c, 0, cw - 2 * pad, size) if c else [] for c in r] + [[]] * (cols - len(r))
            h = max(1, max(len(c) for c in cells)) * pitch + 2 * pad
            if self.y + h > PAGE_H - BOTTOM:
                self.rule_columns(col_x, top, self.y)
                self.new_page()
                top = self.y
                self.line(LEFT, self.y, LEFT + TEXT_W, self.y)
            if self.y == top:
                self.line(LEFT, self.y, LEFT + TEXT_W, self.y)
            for c, lines in enumerate(cells):
                for k, ln in enumerate(lines):
                    self.text(ln, col_x[c] + pad, self.y + pad + k * pitch + size, size)
            self.y += h
            self.line(LEFT, self.y, LEFT + TEXT_W, self.y)
        self.rule_columns(col_x, top, self.y)

    def rule_columns(self, col_x, top, bottom):
        for x in col_x:
            self.line(x, top, x, bottom)


def package(pages, out):
    ofd = ('<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="%s" Version="1.0" DocType="OFD">'
           '<ofd:DocBody><ofd:DocInfo><ofd:DocID>jixiao-corpus-ofd-0001</ofd:DocID>'
           '<ofd:Title>rate-mismatch</ofd:Title><ofd:Creator>corpus/ofd/make_ofd.py</ofd:Creator></ofd:DocInfo>'
           '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n' % NS)
    page_list = "".join('<ofd:Page ID="%d" BaseLoc="Pages/Page_%d/Content.xml"/>' % (i + 1, i)
                        for i in range(len(pages)))
    document = ('<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="%s"><ofd:CommonData>'
                '<ofd:MaxUnitID>%d</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 %g %g</ofd:PhysicalBox>'
                '</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
                '<ofd:Pages>%s</ofd:Pages></ofd:Document>\n' % (NS, 100000, PAGE_W, PAGE_H, page_list))
    res = ('<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="%s" BaseLoc="Res"><ofd:Fonts>'
           '<ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>\n' % NS)
    stamp = (2025, 3, 31, 9, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        def put(name, text):
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
        put("OFD.xml", ofd)  # first: how readers (and jixiao) recognise an OFD
        put("Doc_0/Document.xml", document)
        put("Doc_0/PublicRes.xml", res)
        for i, objs in enumerate(pages):
            put("Doc_0/Pages/Page_%d/Content.xml" % i,
                '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="%s"><ofd:Content>'
                '<ofd:Layer ID="%d">%s</ofd:Layer></ofd:Content></ofd:Page>\n' % (NS, 2 + i, "".join(objs)))


def main():
    paragraphs, rows = read_source()
    paragraphs = paragraphs[:24]
    w = Writer()
    for p in paragraphs:
        w.paragraph(p)
    w.paragraph("附件1")
    w.table(rows)
    package(w.pages, os.path.join(HERE, "rate-mismatch.ofd"))
    with open(os.path.join(HERE, "rate-mismatch.expected.json"), "w", encoding="utf-8") as f:
        json.dump({"paragraphs": paragraphs + ["附件1"], "rows": rows}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
