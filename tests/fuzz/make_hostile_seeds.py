#!/usr/bin/env python3
"""Small hostile inputs, written byte by byte (standard library only), for the
fuzzers' seeds and for reproducing the faults of the reliability probe by hand.
Big inputs (a sentence repeated 32,000 times, a 300,000-row table) are made at
test time by the tests and by bench/hostile_bench.py, not committed.

    /usr/bin/python3 tests/fuzz/make_hostile_seeds.py   # rewrites tests/fuzz/hostile_seeds/*

Every figure and name here is invented.
"""
import os
import struct
import zlib

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile_seeds")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def doc_xml(paragraphs):
    body = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % p for p in paragraphs)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body)).encode("utf-8")


def table_xml(rows):
    cells = "".join("<w:tr>%s</w:tr>" % "".join(
        "<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % c for c in row) for row in rows)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="%s"><w:body><w:tbl>%s</w:tbl></w:body></w:document>' % (W, cells)).encode("utf-8")


def raw_zip(entries):
    """entries: dicts with name, data and optional deflate, bad_crc, size, offset."""
    out, central = b"", b""
    for e in entries:
        data = e["data"]
        method = 8 if e.get("deflate") else 0
        stored = zlib.compress(data)[2:-4] if method else data
        crc = zlib.crc32(data) ^ (0x1234 if e.get("bad_crc") else 0)
        offset = e.get("offset", len(out))
        usize = e.get("size", len(data))
        csize = len(stored) if "size" not in e or method else usize
        name = e["name"].encode("utf-8")
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0, crc, csize, usize, len(name), 0)
        out += name + stored
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc, csize, usize,
                               len(name), 0, 0, 0, 0, 0, offset) + name
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return out + central + end


def pdf(objects, root=1, trailer_extra=""):
    """A PDF from object bodies (1-based), with a correct xref table."""
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body.encode("latin-1") + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra.encode(), xref)
    return out


def text_page_pdf(media_box, text=b"(Budget 240000) Tj"):
    stream = b"BT /F1 12 Tf 72 720 Td " + text + b" ET"
    return pdf([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
        % media_box,
        "<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream.decode()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def xobject_fanout_pdf(levels=6, fanout=10):
    """One page drawing a form that draws a form ... `levels` deep, each
    `fanout` times: fanout**levels text draws from a file of a few KB (the
    probe's form XObject used thousands of times; nested, it is unbounded)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               "/Resources << /XObject << /X%d %d 0 R >> >> >>" % (levels, 6 + levels),
               None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    # Object 6 is the innermost form (text); 6+k draws 6+k-1 `fanout` times.
    leaf = "BT /F1 10 Tf 72 720 Td (Budget 240000) Tj ET"
    objects.append("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
                   "/Length %d >>\nstream\n%s\nendstream" % (len(leaf), leaf))
    for k in range(1, levels + 1):
        body = " ".join("q 1 0 0 1 0 %d cm /X%d Do Q" % (-(i % 40), k - 1) for i in range(fanout))
        objects.append("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X%d %d 0 R >> "
                       ">> /Length %d >>\nstream\n%s\nendstream" % (k - 1, 6 + k - 1, len(body), body))
    page = "/X%d Do" % levels
    objects[3] = "<< /Length %d >>\nstream\n%s\nendstream" % (len(page), page)
    return pdf(objects)


def main():
    sentence = "本单位2024年度预算资金36万元，其中基本支出30万元，项目支出6万元。"
    files = {
        # Two entries named word/document.xml: readers disagree on which counts.
        "zip-two-documents.docx": raw_zip([{"name": "word/document.xml", "data": doc_xml(["预算资金36万元"])},
                                           {"name": "word/document.xml", "data": doc_xml(["预算资金63万元"])}]),
        # The same name in another letter case (OPC names ignore case).
        "zip-two-documents-case.docx": raw_zip([{"name": "word/document.xml", "data": doc_xml(["预算资金36万元"])},
                                                {"name": "Word/Document.xml", "data": doc_xml(["预算资金63万元"])}]),
        # A stored entry whose CRC is wrong.
        "zip-bad-crc.docx": raw_zip([{"name": "word/document.xml", "data": doc_xml([sentence]), "bad_crc": True}]),
        # An entry declaring 4 GB uncompressed.
        "zip-declares-4g.docx": raw_zip([{"name": "word/document.xml", "data": doc_xml([sentence]),
                                          "deflate": True, "size": 0xFFFFFFF0}]),
        # An entry whose data the directory places beyond the end of the file.
        "zip-offset-beyond-end.docx": raw_zip([{"name": "word/document.xml", "data": doc_xml([sentence]),
                                                "offset": 0xFFFFFF00}]),
        # One sentence repeated (the probe's quadratic case, small here).
        "repeated-sentence.docx": raw_zip([{"name": "word/document.xml", "data": doc_xml([sentence] * 400),
                                            "deflate": True}]),
        # One sentence repeated, deflated 235:1, beyond the old 200:1 bound (the probe's 32 MB
        # document.xml at 294:1, 400 KB here): a document, not a ZIP bomb.
        "compressible-sentence.docx": raw_zip([{"name": "word/document.xml", "data": doc_xml([sentence] * 3000),
                                                "deflate": True}]),
        # A tall table (the probe's 300,000 rows, 500 here).
        "tall-table.docx": raw_zip([{"name": "word/document.xml", "deflate": True, "data": table_xml(
            [["项目", "预算数（万元）", "执行数（万元）"]] +
            [["支出%d" % i, str(i % 97), str(i % 89)] for i in range(500)])}]),
        # A page tree whose page lists itself as a kid (a loop).
        "pdf-page-tree-loop.pdf": pdf([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]),
        # A page of 10^9 points that does carry text.
        "pdf-huge-page.pdf": text_page_pdf("[0 0 1000000000 1000000000]"),
        # A form XObject drawn 10^6 times (forms nesting forms, 6 deep, 10 each).
        "pdf-xobject-fanout.pdf": xobject_fanout_pdf(),
        # A damaged PDF: the xref points nowhere and the stream is cut.
        "pdf-damaged.pdf": text_page_pdf("[0 0 595 842]")[:-120] + b"\nstartxref\n999999\n%%EOF\n",
    }
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
    print("wrote %d files to %s" % (len(files), HERE))


if __name__ == "__main__":
    main()
