#!/usr/bin/python3
"""Writes a DOCX whose word/document.xml is about SIZE_MB megabytes, with
markup like Word's for a Chinese government report (rsids, fonts and sizes on
every run) and varied figures, streamed into the ZIP (never held whole).

    /usr/bin/python3 bench/docx_make_large.py OUT.docx [SIZE_MB]
"""
import sys
import zipfile

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RUN = ('<w:r w:rsidRPr="00D4E5F6"><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" '
       'w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>'
       '<w:t xml:space="preserve">%s</w:t></w:r>')
PARA = ('<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:spacing w:line="560" '
        'w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>%s</w:p>')


def main():
    out = sys.argv[1]
    size = int(float(sys.argv[2]) * (1 << 20)) if len(sys.argv) > 2 else 100 << 20
    x = 12345
    written = 0
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr('[Content_Types].xml',
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        with z.open('word/document.xml', 'w', force_zip64=True) as f:
            head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>' % NS
            f.write(head.encode())
            i = 0
            chunk = []
            while written < size:
                runs = []
                for _ in range(4):
                    x = (x * 1103515245 + 12345) & 0xFFFFFFFF
                    runs.append(RUN % ('第%d项预算资金%d万元，执行率%d%%；' % (i, x % 100000, x % 97)))
                p = (PARA % ''.join(runs)).encode()
                chunk.append(p)
                written += len(p)
                i += 1
                if len(chunk) >= 1000:
                    f.write(b''.join(chunk))
                    chunk = []
            f.write(b''.join(chunk))
            f.write(b'</w:body></w:document>')
    print(written + len(head) + 22)


if __name__ == '__main__':
    main()
