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


def p_xml(text, style=None, jc=None, rpr="", ppr_extra="", bookmark=None, sect=""):
    ppr = ""
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    ppr += ppr_extra
    if jc:
        ppr += '<w:jc w:val="%s"/>' % jc
    ppr += sect
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


def tbl_xml(laid_rows, grid, half_points=20, header_rows=0, cant_split=False):
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
            x.append("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        elif cant_split:
            x.append("<w:trPr><w:cantSplit/></w:trPr>")
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


def new_document(title, header_text, footer="page"):
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
    if header_text:
        hdr = sec.header
        hdr.is_linked_to_previous = False
        hp = hdr.paragraphs[0]
        hp._p.getparent().replace(hp._p, parse_xml(p_xml(header_text, style="Header", jc="center")))
    if footer:
        if footer == "page":        # 第 X 页
            runs = run_xml("第 ") + field_runs("PAGE", "1") + run_xml(" 页")
        else:                       # 第 X 页 共 Y 页
            runs = (run_xml("第 ") + field_runs("PAGE", "1") + run_xml(" 页 共 ")
                    + field_runs("NUMPAGES", "1") + run_xml(" 页"))
        ftr = sec.footer
        ftr.is_linked_to_previous = False
        fp = ftr.paragraphs[0]
        fp._p.getparent().replace(fp._p, parse_xml(
            '<w:p %s><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>%s</w:p>'
            % (nsdecls("w"), runs)))
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


def render_report(text, path, title, header_text, tables=SEED_TABLES, cant_split=True):
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
            # rows never break across a page (Word: 允许跨行断页 off), so that
            # every row of the seed's tables sits on one PDF page; corpus/producers
            # passes cant_split=False (Word's default) to get rows split by a page break
            body_append(doc, tbl_xml(laid, spec["grid"], spec.get("font_half_points", 20),
                                     cant_split=cant_split))
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


# --------------------------------------------------------------------------
# PDF features (small documents built directly, not from a dump)
# --------------------------------------------------------------------------

BODY_IND = '<w:ind w:firstLineChars="200" w:firstLine="440"/><w:jc w:val="both"/>'


def sectpr_xml(landscape=False, cols=1, continuous=False, final=False):
    w, h = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    x = "<w:sectPr %s>" % nsdecls("w") if final else "<w:sectPr>"
    if continuous:
        x += '<w:type w:val="continuous"/>'
    x += '<w:pgSz w:w="%d" w:h="%d"%s/>' % (w, h, ' w:orient="landscape"' if landscape else "")
    x += ('<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="720" '
          'w:footer="720" w:gutter="0"/>') % (MARGIN_TB, MARGIN_LR, MARGIN_TB, MARGIN_LR)
    x += '<w:cols w:space="425"%s/>' % (' w:num="%d"' % cols if cols > 1 else "")
    x += "</w:sectPr>"
    return x


def simple_table(rows, grid, spans=None, header_rows=0, half_points=20):
    """rows: list of lists of cell texts ("a\\nb" = two paragraphs; None = a
    vertical-merge continuation).  spans: optional per-row list of gridSpans."""
    laid = []
    for r, row in enumerate(rows):
        sp = spans[r] if spans and spans[r] else [1] * len(row)
        col, cells = 0, []
        for t, s_ in zip(row, sp):
            cells.append({"paras": [""] if t is None else t.split("\n"), "col": col, "span": s_,
                          "vmerge": "continue" if t is None else None})
            col += s_
        laid.append(cells)
    for r, cells in enumerate(laid):
        for c in cells:
            if c["vmerge"] == "continue":
                above = [a for a in laid[r - 1] if a["col"] == c["col"] and a["span"] == c["span"]]
                assert above, (r, c)
                if above[0]["vmerge"] is None:
                    above[0]["vmerge"] = "restart"
    return tbl_xml(laid, grid, half_points, header_rows)


def money(x):
    return ("%.2f" % x).rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def feature_table_page_break():
    from decimal import Decimal
    names = ["企业家沙龙活动", "政策宣讲会", "商会建设调研", "会员企业走访", "法律服务进企业",
             "金融服务对接会", "乡贤联络活动", "返乡创业座谈", "民营经济统计调查", "宣传资料印制"]
    rows = [["序号", "项目名称", "预算数（万元）", "执行数（万元）", "执行率"]]
    tb = te = Decimal(0)
    for i in range(1, 61):
        b = Decimal("0.40") + Decimal(i % 7) * Decimal("0.15")
        e = b if i % 5 else b - Decimal("0.05")
        tb += b
        te += e
        rate = (e / b * 100).quantize(Decimal("0.01"))
        rows.append([str(i), "%s（第%d批）" % (names[i % len(names)], (i - 1) // len(names) + 1),
                     str(b), str(e), "%s%%" % rate])
    rate = (te / tb * 100).quantize(Decimal("0.01"))
    rows.append(["合计", str(tb), str(te), "%s%%" % rate])
    spans = [None] * (len(rows) - 1) + [[2, 1, 1, 1]]
    blocks = [
        p_xml("2024年度项目支出明细表", style="Title"),
        p_xml("下表列示本单位2024年度各项目支出的预算数与执行数。表格跨越两页，第二页重复表头行；"
              "合计行的预算数、执行数为各行之和，执行率为执行数除以预算数。", ppr_extra=BODY_IND),
        simple_table(rows, [700, 3470, 1700, 1700, 1500], spans, header_rows=1),
        p_xml("说明：执行率＝执行数÷预算数×100%，保留两位小数。", ppr_extra=BODY_IND),
    ]
    return {"name": "table-page-break", "title": "2024年度项目支出明细表",
            "header": "君山区工商业联合会　项目支出明细", "footer": "page", "blocks": blocks,
            "desc": "60-row table running onto page 2 with its header row repeated (w:tblHeader); "
                    "last row 合计 spans two columns; footer 第 X 页."}


def feature_merged_cells():
    rows = [
        ["项目名称", "企业服务专项经费"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["预算执行率", "全年执行数÷全年预算数", "100%", "100%", "10", "10"],
        ["产出指标（50分）", "数量指标", "走访企业次数", "≥60次", "80次", "15", "15"],
        [None, None, "举办沙龙期数", "≥4期", "4期", "10", "10"],
        [None, "质量指标", "问题办结率", "≥90%", "92%", "10", "10"],
        [None, "时效指标", "完成时限", "2024年12月31日前", "2024年12月20日前", "10", "10"],
        [None, "成本指标", "预算控制率", "≤100%", "100%", "5", "5"],
        ["效益指标（30分）", "社会效益指标", "企业诉求解决数", "≥50个", "48个", "15", "13"],
        [None, "可持续影响指标", "营商环境", "持续改善", "持续改善", "15", "15"],
        ["满意度指标（10分）", "服务对象满意度", "≥90%", "95%", "10", "10"],
        ["自评结论", "总分：98分"],
        [None, "等级：优"],
    ]
    spans = [[2, 5], None, [2, 2, 1, 1, 1], None, None, None, None, None, None, None,
             [2, 2, 1, 1, 1], [2, 5], [2, 5]]
    blocks = [
        p_xml("项目支出绩效自评表（节选）", style="Title"),
        p_xml("下表含纵向合并单元格（一级指标、二级指标跨行）、横向合并单元格（跨列的标题与合计）"
              "以及同时跨行跨列的单元格（自评结论）。", ppr_extra=BODY_IND),
        simple_table(rows, [1100, 1500, 1900, 1400, 1570, 800, 800], spans),
        p_xml("偏差原因：企业诉求解决数48个，低于年度指标值50个，原因是部分诉求需跨部门协调，已转入2025年办理。",
              ppr_extra=BODY_IND),
    ]
    return {"name": "merged-cells", "title": "项目支出绩效自评表（节选）", "header": None,
            "footer": None, "blocks": blocks,
            "desc": "indicator table with vertical merges (vMerge), horizontal spans (gridSpan) "
                    "and a cell merged both ways; 1 page, no header/footer."}


def feature_header_footer():
    sections = [
        ("一、部门（单位）基本情况",
         ["区工商联是区委、区政府联系非公有制经济人士的桥梁和纽带，是区政府管理非公有制经济的助手。"
          "本单位设内设机构2个，为综合办公室、民营企业服务中心。",
          "2024年，本单位积极履职，资金管理规范，资产管理到位，政策执行有力，较好地完成了年度工作目标。"]),
        ("二、一般公共预算支出情况",
         ["2024年本部门预算资金24万元，全年实际支出24万元，预算执行率100%。",
          "项目支出全年预算24万元，主要用于企业党建、企业沙龙及其他日常工作经费等方面。"]),
        ("三、部门整体支出绩效情况",
         ["根据《部门整体支出绩效自评表》自评得分98分，部门整体支出绩效为“优”。",
          "全年共走访企业80余次，举办企业家沙龙活动4期，收集困难与问题62个。"]),
    ]
    blocks = [p_xml("页眉页脚测试报告", style="Title")]
    for k, (h, paras) in enumerate(sections):
        blocks.append(p_xml(h, style="Heading1", ppr_extra="<w:pageBreakBefore/>" if k else ""))
        for t in paras:
            blocks.append(p_xml(t, ppr_extra=BODY_IND))
    return {"name": "header-footer", "title": "页眉页脚测试报告",
            "header": "君山区工商业联合会　2024年度部门整体支出绩效自评报告", "footer": "page-of",
            "blocks": blocks,
            "desc": "3 pages (page break before each heading), header on every page, footer "
                    "第 X 页 共 Y 页 (PAGE / NUMPAGES fields)."}


def feature_two_column():
    intro = "本页上半部分为单栏，中间一节分为两栏（连续分节符，栏平衡），下半部分恢复单栏。阅读顺序应为先左栏、后右栏。"
    left_right = [
        "一是强化理想信念教育。通过召开执委会、座谈会、联席会、走访企业等多种形式，认真学习党的二十届三中全会精神。",
        "二是履行社会责任担当。引导民营企业积极参与“万企兴万村”行动，组织20余家民营企业对接帮扶村（社区），助力乡村振兴。",
        "三是营造爱商重商氛围。组织君山区长沙乡友恳谈会，开展新春茶话会，举行君山区首个“岳阳企业家日”系列活动。",
        "四是办优企业家沙龙活动。2024年，共举办企业家沙龙活动4期，收集困难与问题62个，协助解决用工、融资等问题48个。",
        "五是常态化开展调研走访。全年共走访企业80余次，印发《君山区民营企业支持政策手册》（2024年）400余本。",
        "六是深化为企服务。制定出台《君山区民营企业诉求受理及转办工作实施办法》，推动涉企问题高效闭环解决。",
        "七是助力招商引资。赴广州、深圳、长沙等多个城市考察乡友企业20余家，签约资金达3.4亿元。",
        "八是加强商会建设。全年已实现乡镇商会全覆盖，新增行业协会1家，新增会员企业45家。",
    ]
    outro = "以上两栏内容结束后恢复单栏排版。本段位于两栏节之后，应在两栏全部文字之后读出。"
    blocks = [p_xml("两栏排版测试", style="Title"),
              p_xml(intro, ppr_extra=BODY_IND, sect=sectpr_xml(continuous=False))]
    for i, t in enumerate(left_right):
        last = i == len(left_right) - 1
        blocks.append(p_xml(t, ppr_extra=BODY_IND,
                            sect=sectpr_xml(cols=2, continuous=True) if last else ""))
    blocks.append(p_xml(outro, ppr_extra=BODY_IND))
    return {"name": "two-column", "title": "两栏排版测试", "header": None, "footer": None,
            "blocks": blocks, "final_sect": sectpr_xml(continuous=True, final=True),
            "desc": "one page: single-column intro, a continuous section with 2 balanced columns, "
                    "single-column outro."}


def _landscape_rows():
    head = ["项目", "2023年决算数", "2024年预算数", "2024年决算数", "增减额", "增减率", "备注"]
    data = [["三公经费", "0", "0", "0", "0", "—", "无"],
            ["公用经费", "3.2", "0", "0", "-3.2", "-100%", "预算调整"],
            ["项目支出", "0", "24", "24", "24", "—", "业务工作经费"],
            ["政府采购金额", "—", "0", "0", "0", "—", "无"]]
    return [head] + data


def feature_landscape():
    blocks = [p_xml("横向页面测试", style="Title"),
              p_xml("第一页为纵向页面。第二页是横向（landscape）分节，页面宽度大于高度，其中是一张较宽的表格。",
                    ppr_extra=BODY_IND, sect=sectpr_xml()),
              p_xml("经费控制情况对比表（万元）", jc="center", rpr="<w:b/>"),
              simple_table(_landscape_rows(), [2600, 1800, 1800, 1800, 1600, 1400, 2900], header_rows=1),
              p_xml("说明：横向页面上的文字应按正常阅读顺序读出。", ppr_extra=BODY_IND)]
    return {"name": "landscape-section", "title": "横向页面测试", "header": None, "footer": None,
            "blocks": blocks, "final_sect": sectpr_xml(landscape=True, final=True),
            "desc": "page 1 portrait, page 2 a landscape section (wider MediaBox, no /Rotate) with a wide table."}


def feature_rotated():
    blocks = [p_xml("旋转页面测试", style="Title"),
              p_xml("第一页为正常页面。第二页在PDF中带有/Rotate 90（由qpdf设置），页面内容流仍为纵向坐标，"
                    "显示时顺时针旋转90度。", ppr_extra=BODY_IND),
              p_xml("二、一般公共预算支出情况", style="Heading1", ppr_extra="<w:pageBreakBefore/>"),
              p_xml("2024年本部门预算资金24万元，全年实际支出24万元，预算执行率100%。", ppr_extra=BODY_IND),
              simple_table([["项目", "全年预算数", "全年执行数", "执行率"],
                            ["基本支出", "0", "0", "—"],
                            ["项目支出", "24", "24", "100%"],
                            ["合计", "24", "24", "100%"]], [2270, 2270, 2270, 2260], header_rows=1)]
    return {"name": "rotated-page", "title": "旋转页面测试", "header": None, "footer": None,
            "blocks": blocks, "rotate": {2: 90},
            "desc": "2 pages; in the PDF page 2 carries /Rotate 90 (set with qpdf after export)."}


def feature_row_split():
    filler = [
        "区工商联是区委、区政府联系非公有制经济人士的桥梁和纽带，是区政府管理非公有制经济的助手。"
        "本单位设内设机构2个，为综合办公室、民营企业服务中心，履行区工商联相关职责，承办各项具体工作。",
        "2024年，本单位积极履职，资金管理规范，资产管理到位，政策执行有力，较好地完成了年度工作目标，"
        "有效发挥了财政资金的使用效率。在人员经费支出上，严格执行上级的各项制度。",
        "深入开展调研走访活动，宣传解读惠企政策，倾听企业诉求，收集解决企业生产经营中的实际困难和问题，"
        "全年共走访企业80余次，印发政策手册400余本，为企业解决困难问题50多个。",
        "制定出台民营企业诉求受理及转办工作实施办法，持续完善问题诉求转办、交办、督办、反馈机制，"
        "推动涉企问题高效闭环解决。主动对接金融机构联合开展金融服务活动。",
        "认真落实全国工商联关于乡镇基层商会建设意见精神，积极推进乡镇商会建设。全年已实现乡镇商会全覆盖，"
        "新增行业协会1家，新增会员企业45家。",
        "引导62名非公经济领域各级人大代表和政协委员为君山高质量发展建言献策16条，"
        "以区委巡察工商联为契机，狠抓工商联机关自身建设。",
    ]
    long_cell = ("本年度主要工作：一是强化理想信念教育，通过召开执委会、座谈会、联席会、走访企业等多种形式，"
                 "认真学习党的二十届三中全会精神；二是履行社会责任担当，引导民营企业积极参与“万企兴万村”行动，"
                 "组织20余家民营企业对接帮扶村（社区），助力乡村振兴；三是营造爱商重商氛围，组织乡友恳谈会、"
                 "新春茶话会和“岳阳企业家日”系列活动；四是办优企业家沙龙活动，全年共举办4期，收集困难与问题62个，"
                 "协助解决用工、融资等问题48个；五是常态化开展调研走访，全年共走访企业80余次；六是深化为企服务，"
                 "推动涉企问题高效闭环解决；七是助力招商引资，考察乡友企业20余家，签约资金达3.4亿元；"
                 "八是加强商会建设，新增行业协会1家，新增会员企业45家；九是强化履职能力建设，"
                 "建言献策16条；十是深化作风建设，全面从严从细从实抓好机关作风建设。")
    rows = [["年度", "工作内容", "资金（万元）"],
            ["2024年", long_cell, "24"],
            ["合计", "", "24"]]
    blocks = [p_xml("跨页断行测试", style="Title")]
    blocks += [p_xml(t, ppr_extra=BODY_IND) for t in filler + filler[:4]]
    blocks.append(simple_table(rows, [1500, 5570, 2000], header_rows=1))
    blocks.append(p_xml("说明：上表第二行的单元格内容较长，该行在第一页底部断开，其余部分接续在第二页（第二页重复表头行）。",
                        ppr_extra=BODY_IND))
    return {"name": "row-split", "title": "跨页断行测试", "header": None, "footer": "page",
            "blocks": blocks,
            "desc": "2 pages: a table row whose long cell breaks across the page boundary (row allowed to "
                    "split), header row repeated on page 2, footer 第 X 页."}


FEATURES = [feature_table_page_break, feature_merged_cells, feature_header_footer,
            feature_two_column, feature_landscape, feature_rotated, feature_row_split]


def build_features(pdf=True):
    d = os.path.join(HERE, "pdf-features")
    os.makedirs(d, exist_ok=True)
    made = []
    for f in FEATURES:
        spec = f()
        doc = new_document(spec["title"], spec["header"], spec["footer"])
        for b in spec["blocks"]:
            body_append(doc, b)
        if spec.get("final_sect"):
            body = doc.element.body
            old = body.find(qn("w:sectPr"))
            body.replace(old, parse_xml(spec["final_sect"]))
        path = os.path.join(d, spec["name"] + ".docx")
        save_deterministic(doc, path)
        with open(os.path.join(d, spec["name"] + ".expected.txt"), "w", encoding="utf-8") as fh:
            fh.write(dump_docx(path))
        made.append((path, spec))
    if pdf:
        to_pdf([p for p, _ in made], d)
        for path, spec in made:
            pdfp = os.path.splitext(path)[0] + ".pdf"
            if spec.get("rotate"):
                if not shutil.which("qpdf"):
                    raise SystemExit("qpdf is needed for " + pdfp)
                tmp = pdfp + ".tmp"
                args = ["qpdf", "--deterministic-id"]
                for page, angle in spec["rotate"].items():
                    args.append("--rotate=+%d:%d" % (angle, page))
                subprocess.run(args + [pdfp, tmp], check=True)
                os.replace(tmp, pdfp)
            print("feature:", os.path.basename(pdfp), "pages:", pdf_pages(pdfp))
    return made


# --------------------------------------------------------------------------
# Variants for the cross-checks (corpus/variants.json)
# --------------------------------------------------------------------------

VARIANTS_JSON = os.path.join(HERE, "variants.json")


def apply_edits(text, edits, name):
    for k, e in enumerate(edits):
        n = text.count(e["find"])
        if n != 1:
            raise SystemExit("variant %s, edit %d: find occurs %d times: %r" % (name, k, n, e["find"][:60]))
        text = text.replace(e["find"], e["replace"])
    return text


def variant_texts():
    """{name: dump text} for every variant of variants.json, in file order."""
    with open(VARIANTS_JSON, encoding="utf-8") as f:
        spec = json.load(f)
    texts = {"seed": seed_dump_text()}
    order = []
    for v in spec["variants"]:
        if v["name"] == "seed":
            continue
        base = texts[v["base"]]
        texts[v["name"]] = apply_edits(base, v["edits"], v["name"])
        order.append(v["name"])
    return texts, order


def build_variants(pdf=True):
    d = os.path.join(HERE, "variants")
    os.makedirs(d, exist_ok=True)
    texts, order = variant_texts()
    paths = []
    for name in order:
        path = os.path.join(d, name + ".docx")
        with open(os.path.join(d, name + ".expected.txt"), "w", encoding="utf-8") as f:
            f.write(texts[name])
        render_report(texts[name], path, SEED_TITLE, SEED_HEADER)
        paths.append(path)
    print("variants:", len(paths))
    if pdf:
        to_pdf(paths, d)
        for p_ in paths:
            print("  %s pages: %d" % (os.path.basename(p_)[:-5], pdf_pages(p_[:-5] + ".pdf")))


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
