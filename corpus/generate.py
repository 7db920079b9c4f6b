#!/usr/bin/python3
"""Generate the jixiao test corpus (DOCX + PDF) from the seed text dump.

Run from the repository root or anywhere:

    /usr/bin/python3 corpus/generate.py            # everything
    /usr/bin/python3 corpus/generate.py --no-pdf   # DOCX + expected text only
    /usr/bin/python3 corpus/generate.py --only seed|features|variants

Needs Debian's python3-docx, libreoffice-writer-nogui (soffice), fonts-noto-cjk
and qpdf (rotated page of pdf-features).  See corpus/README.md.

The "dump layout" used by every *.expected.txt is the one of
pipeline/model/export_text.cc (DocumentToText): a paragraph is its text and a
newline; a table is, for each row, one line per cell ("\t" + the cell's
paragraphs joined with "\n", positions covered by a vertical merge print a lone
"\t", a cell spanning several grid columns prints once) followed by an empty
line.  Header and footer text is not part of the dump.
"""

import argparse
import copy
import datetime
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_TXT = os.path.join(HERE, "seed", "junshan-gsl-2024-self-evaluation.txt")
FIXED_DATE = datetime.datetime(2025, 3, 31, 9, 0, 0)
ZIP_DATE = (2025, 3, 31, 9, 0, 0)

SERIF = "WenQuanYi Zen Hei"  # body: TrueType subset, keeps PDFs small
SANS = "Noto Sans CJK SC"  # title and headings: CFF (Type 1 in the PDF)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A4 portrait, 2.5 cm left/right margins: 9070 twips of text width.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_LR, MARGIN_TB = 1418, 1440
TEXT_W = PAGE_W - 2 * MARGIN_LR


# --------------------------------------------------------------------------
# Seed text -> fixed dump text
# --------------------------------------------------------------------------

GLUED_HEADING = "一般公共预算支出情况"


def seed_dump_text():
    """The seed dump with the dump artefacts repaired.

    1. "[bookmark: _GoBack]" removed (the DOCX carries a real _GoBack bookmark
       at that place instead).
    2. The heading 一般公共预算支出情况, glued to the end of the previous
       paragraph (after its run of trailing spaces), becomes its own paragraph;
       the spaces stay at the end of the previous paragraph.
    3. The end of the file: the seed stops at "\t100分\n " (no row terminator
       after the last table row, no final newline); the dump layout always ends
       a table row with an empty line and a paragraph with a newline, so the
       text ends "\t100分\n\n \n" (last table, then the final paragraph " ").
    """
    with open(SEED_TXT, encoding="utf-8") as f:
        s = f.read()
    assert s.count("[bookmark: _GoBack]") == 1
    s = s.replace("[bookmark: _GoBack]", "")
    m = re.search(r"力量。( +)" + GLUED_HEADING + "\n", s)
    assert m, "glued heading not found"
    s = s[: m.start()] + "力量。" + m.group(1) + "\n" + GLUED_HEADING + "\n" + s[m.end():]
    assert s.endswith("\t100分\n "), repr(s[-20:])
    s = s[: -len("\t100分\n ")] + "\t100分\n\n \n"
    return s


# --------------------------------------------------------------------------
# Dump text -> blocks
# --------------------------------------------------------------------------

def parse_dump(text):
    """Parse dump-layout text into [("p", text) | ("t", rows)].

    rows: list of rows, a row a list of cells, a cell a list of paragraph
    strings.  A blank line inside a table is a row terminator when the next
    line starts a cell (TAB) or is blank/EOF; when it is followed by plain
    lines that lead to another TAB line of the same row it is an empty
    paragraph of the current cell.
    """
    assert text.endswith("\n")
    lines = text[:-1].split("\n")
    n = len(lines)
    blocks = []
    i = 0
    while i < n:
        line = lines[i]
        if not line.startswith("\t"):
            blocks.append(("p", line))
            i += 1
            continue
        rows, row = [], []
        while i < n:
            l = lines[i]
            if l.startswith("\t"):
                row.append([l[1:]])
                i += 1
            elif l == "":
                nxt = lines[i + 1] if i + 1 < n else None
                if nxt is not None and nxt.startswith("\t"):
                    rows.append(row)
                    row = []
                    i += 1
                    continue
                # look past plain lines: do they lead back into the row?
                j = i + 1
                while j < n and lines[j] != "" and not lines[j].startswith("\t"):
                    j += 1
                if nxt not in (None, "") and j < n and lines[j].startswith("\t"):
                    row[-1].append("")
                    i += 1
                    continue
                rows.append(row)
                row = []
                i += 1  # the row terminator
                break
            else:
                row[-1].append(l)
                i += 1
        if row:
            rows.append(row)
        blocks.append(("t", rows))
    return blocks


# --------------------------------------------------------------------------
# Layout of the seed's tables
# --------------------------------------------------------------------------

# Per table (in document order): grid column widths (twips) and, per number of
# cells in a row, the gridSpan of each cell.  Leading empty cells are vertical
# merge continuations (vMerge); the cell above with the same grid position is
# made the merge's restart cell, or the empty cell itself starts the merge when
# the cell above does not line up.
SEED_TABLES = [
    {   # 附件1 基础数据表
        "grid": [2580, 1080, 1080, 1080, 1080, 1080, 1080],
        "spans": {4: [1, 2, 2, 2], 7: [1] * 7, 2: [1, 6]},
        "font_half_points": 20,
    },
    {   # 附件2 部门整体支出绩效自评表 (budget block + indicator table)
        "grid": [420, 1060, 1100, 1530, 1060, 1060, 560, 560, 1620],
        "spans": {2: [3, 6], 8: [2, 1, 1, 1, 1, 1, 1, 1], 3: [2, 3, 4], 1: [9],
                  9: [1] * 9, 4: [6, 1, 1, 1]},
        "font_half_points": 18,
    },
    {   # 附件5 考核评分表
        "grid": [1200, 1400, 4870, 1530],
        "spans": {4: [1, 1, 1, 1], 3: [1, 1, 2], 2: [2, 2]},
        "font_half_points": 18,
    },
]


def layout_table(rows, spec):
    """Return rows of cell dicts {paras, col, span, vmerge}."""
    out = []
    for r, row in enumerate(rows):
        spans = spec["spans"].get(len(row))
        if spans is None:
            raise ValueError("row %d has %d cells: no layout" % (r, len(row)))
        assert sum(spans) == len(spec["grid"]), spans
        col = 0
        cells = []
        leading = True
        for paras, span in zip(row, spans):
            empty = paras == [""]
            vm = None
            if leading and empty and r > 0:
                vm = "continue"
            else:
                leading = False
            cells.append({"paras": paras, "col": col, "span": span, "vmerge": vm})
            col += span
        out.append(cells)
    # resolve merges
    for r, cells in enumerate(out):
        for c in cells:
            if c["vmerge"] != "continue":
                continue
            above = [a for a in out[r - 1] if a["col"] == c["col"] and a["span"] == c["span"]]
            if not above:
                c["vmerge"] = "restart"
            elif above[0]["vmerge"] is None:
                above[0]["vmerge"] = "restart"
    return out


# --------------------------------------------------------------------------
# OOXML building
# --------------------------------------------------------------------------

def run_xml(text, rpr=""):
    if text == "":
        return ""
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (
        ("<w:rPr>%s</w:rPr>" % rpr) if rpr else "", escape(text))


def p_xml(text, style=None, jc=None, rpr="", ppr_extra="", bookmark=None):
    ppr = ""
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    ppr += ppr_extra
    if jc:
        ppr += '<w:jc w:val="%s"/>' % jc
    body = run_xml(text, rpr)
    if bookmark:
        bid, name = bookmark
        body = ('<w:bookmarkStart w:id="%d" w:name="%s"/>' % (bid, name) + body +
                '<w:bookmarkEnd w:id="%d"/>' % bid)
    return "<w:p %s>%s%s</w:p>" % (nsdecls("w"), ("<w:pPr>%s</w:pPr>" % ppr) if ppr else "", body)


def cell_p_xml(text, half_points):
    rpr = '<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (half_points, half_points)
    return ('<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="260" w:lineRule="auto"/>'
            '<w:ind w:firstLine="0"/><w:rPr>%s</w:rPr></w:pPr>%s</w:p>') % (rpr, run_xml(text, rpr))


def tbl_xml(laid_rows, grid, half_points=20, header_rows=0, widths_total=None):
    total = sum(grid)
    x = ['<w:tbl %s><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>' % (nsdecls("w"), total)]
    x.append("<w:tblBorders>" + "".join(
        '<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % b
        for b in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
    x.append('<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
             '<w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0"/></w:tblPr>')
    x.append("<w:tblGrid>" + "".join('<w:gridCol w:w="%d"/>' % w for w in grid) + "</w:tblGrid>")
    for r, cells in enumerate(laid_rows):
        x.append("<w:tr>")
        if r < header_rows:
            x.append("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>")
        for c in cells:
            w = sum(grid[c["col"]:c["col"] + c["span"]])
            tcpr = '<w:tcW w:w="%d" w:type="dxa"/>' % w
            if c["span"] > 1:
                tcpr += '<w:gridSpan w:val="%d"/>' % c["span"]
            if c["vmerge"] == "restart":
                tcpr += '<w:vMerge w:val="restart"/>'
            elif c["vmerge"] == "continue":
                tcpr += "<w:vMerge/>"
            tcpr += '<w:vAlign w:val="center"/>'
            paras = c["paras"] if c["vmerge"] != "continue" else [""]
            x.append("<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (
                tcpr, "".join(cell_p_xml(p, half_points) for p in paras)))
        x.append("</w:tr>")
    x.append("</w:tbl>")
    return "".join(x)


def field_runs(instr, shown):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> %s </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            '<w:r><w:t>%s</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>') % (instr, shown)


def set_fonts(rpr_parent_xml_el, east, ascii_font, size_half=None, bold=None):
    """Replace rFonts (and optionally size/bold) inside a w:rPr element."""
    rpr = rpr_parent_xml_el
    for tag in ("w:rFonts", "w:color", "w:sz", "w:szCs", "w:lang"):
        for e in rpr.findall(qn(tag)):
            rpr.remove(e)
    f = parse_xml('<w:rFonts %s w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/>'
                  % (nsdecls("w"), ascii_font, ascii_font, east, ascii_font))
    rpr.insert(0, f)
    if size_half:
        rpr.append(parse_xml('<w:sz %s w:val="%d"/>' % (nsdecls("w"), size_half)))
        rpr.append(parse_xml('<w:szCs %s w:val="%d"/>' % (nsdecls("w"), size_half)))
    rpr.append(parse_xml('<w:lang %s w:val="en-US" w:eastAsia="zh-CN"/>' % nsdecls("w")))


def get_or_add(el, tag, first=False):
    e = el.find(qn(tag))
    if e is None:
        e = parse_xml("<%s %s/>" % (tag, nsdecls("w")))
        if first:
            el.insert(0, e)
        else:
            el.append(e)
    return e


def new_document(title, header_text):
    doc = docx.Document()
    styles = doc.styles.element
    dd = styles.find(qn("w:docDefaults"))
    rpr = dd.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, SERIF, SERIF, 22)
    ppr = dd.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    sp = ppr.find(qn("w:spacing"))
    sp.set(qn("w:after"), "0")
    sp.set(qn("w:line"), "300")
    for sid, font, size, extra_ppr in (
            ("Normal", SERIF, 22, ""),
            ("Title", SANS, 36, ""),
            ("Heading1", SANS, 28, ""),
            ("Heading2", SANS, 24, ""),
            ("Heading3", SERIF, 22, "")):
        st = styles.xpath('w:style[@w:styleId="%s"]' % sid)[0]
        r = get_or_add(st, "w:rPr")
        for e in r.findall(qn("w:spacing")) + r.findall(qn("w:kern")) + r.findall(qn("w:i")) + r.findall(qn("w:iCs")):
            r.remove(e)
        set_fonts(r, font, font, size)
        if sid == "Title":
            p = st.find(qn("w:pPr"))
            for e in p.findall(qn("w:pBdr")):
                p.remove(e)
            p.append(parse_xml('<w:jc %s w:val="center"/>' % nsdecls("w")))
            r.append(parse_xml('<w:b %s/>' % nsdecls("w")))
        if sid.startswith("Heading"):
            p = st.find(qn("w:pPr"))
            s = p.find(qn("w:spacing"))
            s.set(qn("w:before"), "120")
            s.set(qn("w:after"), "60")
            if sid == "Heading3":
                r.append(parse_xml('<w:b %s/>' % nsdecls("w")))
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Emu(PAGE_W * 635), Emu(PAGE_H * 635)
    sec.left_margin = sec.right_margin = Emu(MARGIN_LR * 635)
    sec.top_margin = sec.bottom_margin = Emu(MARGIN_TB * 635)
    sec.header_distance = sec.footer_distance = Emu(720 * 635)
    # header / footer
    hdr = sec.header
    hdr.is_linked_to_previous = False
    hp = hdr.paragraphs[0]
    hp._p.getparent().replace(hp._p, parse_xml(p_xml(header_text, style="Header", jc="center")))
    ftr = sec.footer
    ftr.is_linked_to_previous = False
    fp = ftr.paragraphs[0]
    fp._p.getparent().replace(fp._p, parse_xml(
        '<w:p %s><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>%s%s%s</w:p>'
        % (nsdecls("w"), run_xml("第 "), field_runs("PAGE", "1"), run_xml(" 页"))))
    # remove the template's empty first paragraph if any
    body = doc.element.body
    for p in list(body.findall(qn("w:p"))):
        body.remove(p)
    cp = doc.core_properties
    cp.title = title
    cp.author = "君山区工商业联合会"
    cp.last_modified_by = "君山区工商业联合会"
    cp.created = FIXED_DATE
    cp.modified = FIXED_DATE
    cp.last_printed = FIXED_DATE
    cp.revision = 1
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""
    return doc


def body_append(doc, xml):
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    el = parse_xml(xml)
    if sect is not None:
        sect.addprevious(el)
    else:
        body.append(el)
    return el


DROP_PARTS = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "customXml/")


def save_deterministic(doc, path):
    """Save, then rewrite the zip with fixed timestamps (and without the
    template's thumbnail / customXml parts, which are not needed)."""
    buf = io.BytesIO()
    doc.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            name = info.filename
            if any(name.startswith(d) for d in DROP_PARTS):
                continue
            data = zin.read(name)
            if name in ("[Content_Types].xml",) or name.endswith(".rels"):
                txt = data.decode("utf-8")
                txt = re.sub(r'<Relationship [^>]*Target="(?:[^"]*/)?(?:docProps/thumbnail\.jpeg|stylesWithEffects\.xml|\.\./customXml/item1\.xml)"[^>]*/>', "", txt)
                txt = re.sub(r'<Override [^>]*PartName="/(?:docProps/thumbnail\.jpeg|word/stylesWithEffects\.xml|customXml/itemProps1\.xml)"[^>]*/>', "", txt)
                txt = txt.replace('<Default Extension="jpeg" ContentType="image/jpeg"/>', "")
                data = txt.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


# --------------------------------------------------------------------------
# Reference dump of a DOCX (mirrors pipeline/model/export_text.cc)
# --------------------------------------------------------------------------

def _p_text(p):
    out = []
    for e in p.iter():
        if e.tag == qn("w:t"):
            out.append(e.text or "")
        elif e.tag == qn("w:tab") and e.getparent().tag == qn("w:r"):
            out.append("\t")
        elif e.tag == qn("w:br") and e.getparent().tag == qn("w:r"):
            out.append("\n")
    return "".join(out)


def _tbl_text(tbl):
    out = []
    for tr in tbl.findall(qn("w:tr")):
        for tc in tr.findall(qn("w:tc")):
            tcpr = tc.find(qn("w:tcPr"))
            vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            if vm is not None and vm.get(qn("w:val"), "continue") == "continue":
                out.append("\t\n")
                continue
            paras = [_p_text(p) for p in tc.findall(qn("w:p"))]
            out.append("\t" + "\n".join(paras) + "\n")
        out.append("\n")
    return "".join(out)


def dump_docx(path):
    """Text of a DOCX body in the dump layout (reference for expected.txt)."""
    with zipfile.ZipFile(path) as z:
        root = parse_xml(z.read("word/document.xml"))
    body = root.find(qn("w:body"))
    out = []
    for el in body:
        if el.tag == qn("w:p"):
            out.append(_p_text(el) + "\n")
        elif el.tag == qn("w:tbl"):
            out.append(_tbl_text(el))
    return "".join(out)


# --------------------------------------------------------------------------
# Report rendering: dump text -> DOCX
# --------------------------------------------------------------------------

CN_NUM = "一二三四五六七八九十"
H1_PLAIN = {"部门（单位）基本情况", GLUED_HEADING}
RE_H1 = re.compile(r"^[%s]+、[^，。；]{2,30}$" % CN_NUM)
RE_H2 = re.compile(r"^[（(][%s\d]+[）)]\s*[^，。；]{2,20}$" % CN_NUM)
RE_H3 = re.compile(r"^(?:[（(][%s\d]+[）)]|\d+[.、])\s*[^。]{2,25}。$" % CN_NUM)


def para_style(text):
    t = text.strip(" 　")
    if not t:
        return None
    if t in H1_PLAIN or RE_H1.match(t):
        return "Heading1"
    if RE_H2.match(t):
        return "Heading2"
    if RE_H3.match(t) and "，" in t:
        return "Heading3"
    return None


def render_report(text, path, title, header_text, tables=SEED_TABLES):
    blocks = parse_dump(text)
    doc = new_document(title, header_text)
    title_done = False
    prev = None
    bookmark_done = False
    ti = 0
    for kind, val in blocks:
        if kind == "t":
            spec = tables[ti]
            ti += 1
            laid = layout_table(val, spec)
            body_append(doc, tbl_xml(laid, spec["grid"], spec.get("font_half_points", 20)))
            prev = None
            continue
        t = val
        style, jc, rpr, extra, bm = None, None, "", "", None
        if not title_done and t.strip():
            style = "Title"
            title_done = True
        elif re.fullmatch(r"附件\d+", t.strip()):
            extra = "<w:pageBreakBefore/>"
            rpr = "<w:b/>"
        elif prev is not None and re.fullmatch(r"附件\d+", prev.strip()):
            jc = "center"
            rpr = '<w:b/><w:sz w:val="28"/>'
        else:
            style = para_style(t)
            if style is None and t.strip():
                extra = '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="both"/>'
        if not bookmark_done and t.startswith("1.严格执行预算管理制度"):
            bm = (0, "_GoBack")
            bookmark_done = True
        body_append(doc, p_xml(t, style=style, jc=jc, rpr=rpr, ppr_extra=extra, bookmark=bm))
        prev = t
    assert ti == len(tables), "expected %d tables, got %d" % (len(tables), ti)
    save_deterministic(doc, path)
    got = dump_docx(path)
    if got != text:
        dbg = path + ".dump-mismatch.txt"
        with open(dbg, "w", encoding="utf-8") as f:
            f.write(got)
        raise SystemExit("dump of %s differs from its text; see %s" % (path, dbg))


# --------------------------------------------------------------------------
# PDF export
# --------------------------------------------------------------------------

def to_pdf(docx_paths, outdir):
    """Convert with LibreOffice headless, using a private profile so that
    concurrent soffice runs of other users do not interfere."""
    if not docx_paths:
        return
    prof = tempfile.mkdtemp(prefix="jixiao-lo-")
    try:
        cmd = ["soffice", "-env:UserInstallation=file://" + prof, "--headless",
               "--convert-to", "pdf", "--outdir", outdir] + list(docx_paths)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=600)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    for p in docx_paths:
        pdf = os.path.join(outdir, os.path.splitext(os.path.basename(p))[0] + ".pdf")
        if not os.path.exists(pdf):
            raise SystemExit("LibreOffice did not produce " + pdf)
        normalise_pdf(pdf)


def normalise_pdf(path):
    """Overwrite LibreOffice's CreationDate and trailer /ID with fixed values
    of the same length (byte offsets stay valid)."""
    with open(path, "rb") as f:
        data = f.read()

    def fix_date(m):
        v = m.group(1)
        fixed = b"D:20250331090000" + v[16:]
        return b"/CreationDate(" + fixed[:len(v)] + b")"
    data = re.sub(rb"/CreationDate\((D:[^)]*)\)", fix_date, data)

    def fix_id(m):
        return re.sub(rb"<[0-9A-Fa-f]+>", lambda h: b"<" + b"0" * (len(h.group(0)) - 2) + b">", m.group(0))
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", fix_id, data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]+",
                  lambda m: b"/DocChecksum /" + b"0" * (len(m.group(0)) - 14), data)
    with open(path, "wb") as f:
        f.write(data)


def pdf_pages(path):
    try:
        out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        m = re.search(r"^Pages:\s+(\d+)", out, re.M)
        return int(m.group(1)) if m else -1
    except OSError:
        return -1


# --------------------------------------------------------------------------
# Seed
# --------------------------------------------------------------------------

SEED_TITLE = "2024年度君山区工商业联合会整体支出绩效自评报告"
SEED_HEADER = "君山区工商业联合会　2024年度部门整体支出绩效自评"


def build_seed(pdf=True):
    d = os.path.join(HERE, "seed")
    text = seed_dump_text()
    with open(os.path.join(d, "junshan-gsl-2024.expected.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    path = os.path.join(d, "junshan-gsl-2024.docx")
    render_report(text, path, SEED_TITLE, SEED_HEADER)
    print("seed:", path)
    if pdf:
        to_pdf([path], d)
        print("seed pdf pages:", pdf_pages(os.path.join(d, "junshan-gsl-2024.pdf")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--only", choices=["seed", "features", "variants"])
    a = ap.parse_args()
    pdf = not a.no_pdf
    if a.only in (None, "seed"):
        build_seed(pdf)
    if a.only in (None, "features") and "build_features" in globals():
        globals()["build_features"](pdf)
    if a.only in (None, "variants") and "build_variants" in globals():
        globals()["build_variants"](pdf)


if __name__ == "__main__":
    main()
