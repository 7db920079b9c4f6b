#!/usr/bin/python3
"""Writes the DOCX feature fixtures of corpus/docx-features, one small file
per WordprocessingML feature the DOCX extractor handles, each beside an
.expected.txt written by hand from what Word shows (layout of
pipeline/model/export.h: a paragraph a line, table cells as lines starting
with TAB, rows separated by a blank line, a lone TAB for a vertically merged
position).

The parts are written directly with zipfile (no dependency); timestamps are
fixed so the files are byte-for-byte reproducible.

    /usr/bin/python3 corpus/docx-features/make_features.py [OUT_DIR]
"""
import os
import sys
import zipfile

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
NS = (
    'xmlns:w="%s" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'mc:Ignorable="w14"' % W)

FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def content_types(extra):
    overrides = ''.join(
        '<Override PartName="/word/%s" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.%s+xml"/>'
        % (name, kind) for name, kind in extra)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            + overrides + '</Types>')


ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             '</Relationships>')

REL_TYPES = {
    'styles.xml': 'styles',
    'numbering.xml': 'numbering',
    'header1.xml': 'header',
    'footer1.xml': 'footer',
    'footnotes.xml': 'footnotes',
}
CT_KINDS = {
    'styles.xml': 'styles',
    'numbering.xml': 'numbering',
    'header1.xml': 'header',
    'footer1.xml': 'footer',
    'footnotes.xml': 'footnotes',
}


def doc_rels(parts):
    rels = ''.join(
        '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s"/>'
        % (i + 10, REL_TYPES[p], p) for i, p in enumerate(parts))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + rels + '</Relationships>')


def xml_part(root, inner):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:%s %s>%s</w:%s>' % (root, NS, inner, root))


def document(body):
    return xml_part('document', '<w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body>' % body)


def write_docx(path, body, styles=None, numbering=None, extra=None):
    parts = {}
    if styles is not None:
        parts['styles.xml'] = xml_part('styles', styles)
    if numbering is not None:
        parts['numbering.xml'] = xml_part('numbering', numbering)
    for name, text in (extra or {}).items():
        parts[name] = text
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        def add(name, data):
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode('utf-8'))
        add('[Content_Types].xml', content_types([(p, CT_KINDS[p]) for p in parts]))
        add('_rels/.rels', ROOT_RELS)
        add('word/document.xml', document(body))
        add('word/_rels/document.xml.rels', doc_rels(list(parts)))
        for name, text in parts.items():
            add('word/' + name, text)


# ---- building blocks --------------------------------------------------------

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def r(text, rpr=''):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, esc(text))


def p(content='', ppr=''):
    if content and not content.startswith('<'):
        content = r(content)
    return '<w:p>%s%s</w:p>' % ('<w:pPr>%s</w:pPr>' % ppr if ppr else '', content)


def numpr(num_id, ilvl=0):
    return '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (ilvl, num_id)


def lvl(ilvl, fmt, text, start=1, extra='', ppr=''):
    return ('<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s'
            '<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>%s</w:lvl>'
            % (ilvl, start, fmt, extra, esc(text), ppr))


def abstract(aid, levels):
    return '<w:abstractNum w:abstractNumId="%d"><w:multiLevelType w:val="multilevel"/>%s</w:abstractNum>' % (aid, ''.join(levels))


def num(nid, aid, overrides=''):
    return '<w:num w:numId="%d"><w:abstractNumId w:val="%d"/>%s</w:num>' % (nid, aid, overrides)


def tc(content, tcpr=''):
    if not content.startswith('<w:'):
        content = p(content)
    return '<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>%s</w:tcPr>%s</w:tc>' % (tcpr, content)


def tr(*cells, trpr=''):
    return '<w:tr>%s%s</w:tr>' % ('<w:trPr>%s</w:trPr>' % trpr if trpr else '', ''.join(cells))


def tbl(cols, *rows):
    grid = ''.join('<w:gridCol w:w="1000"/>' for _ in range(cols))
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>'
            % (grid, ''.join(rows)))


BASE_STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/>'
    '<w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/>'
    '<w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr></w:style>')


FEATURES = []


def feature(fn):
    FEATURES.append(fn)
    return fn


# ---- features ----------------------------------------------------------------

@feature
def numbering_chinese():
    """一、 / （一） / 1. / （1） / ① generated by Word, lower levels restarting
    after a higher one."""
    numbering = abstract(0, [
        lvl(0, 'chineseCounting', '%1、', extra='<w:suff w:val="nothing"/>'),
        lvl(1, 'chineseCounting', '（%2）', extra='<w:suff w:val="nothing"/>'),
        lvl(2, 'decimal', '%3.'),
        lvl(3, 'decimal', '（%4）'),
        lvl(4, 'decimalEnclosedCircle', '%5'),
    ]) + num(1, 0)
    body = ''.join([
        p('2024年度部门整体支出绩效自评报告'),
        p('部门（单位）基本情况', numpr(1, 0)),
        p('部门职能', numpr(1, 1)),
        p('机构设置与人员情况', numpr(1, 1)),
        p('设内设机构2个。'),
        p('综合办公室', numpr(1, 2)),
        p('民营企业服务中心', numpr(1, 2)),
        p('编制数', numpr(1, 3)),
        p('实际在职人数', numpr(1, 3)),
        p('在编', numpr(1, 4)),
        p('借调', numpr(1, 4)),
        p('单位绩效目标', numpr(1, 1)),
        p('深化思想引领', numpr(1, 2)),
        p('一般公共预算支出情况', numpr(1, 0)),
        p('基本支出情况', numpr(1, 1)),
        p('项目支出情况', numpr(1, 1)),
        p('政府性基金预算支出情况', numpr(1, 0)),
    ] + [p('第%d节' % i, numpr(1, 0)) for i in range(4, 12)])
    expected = '\n'.join([
        '2024年度部门整体支出绩效自评报告',
        '一、部门（单位）基本情况',
        '（一）部门职能',
        '（二）机构设置与人员情况',
        '设内设机构2个。',
        '1.综合办公室',
        '2.民营企业服务中心',
        '（1）编制数',
        '（2）实际在职人数',
        '①在编',
        '②借调',
        '（三）单位绩效目标',
        '1.深化思想引领',
        '二、一般公共预算支出情况',
        '（一）基本支出情况',
        '（二）项目支出情况',
        '三、政府性基金预算支出情况',
        '四、第4节', '五、第5节', '六、第6节', '七、第7节', '八、第8节', '九、第9节',
        '十、第10节', '十一、第11节',
    ]) + '\n'
    return body, BASE_STYLES, numbering, None, expected


@feature
def numbering_restart():
    """Two w:num of one abstractNum continue each other; a w:startOverride
    restarts; a w:lvlOverride with its own w:lvl changes the format; a level
    with w:lvlRestart 0 never restarts; %1.%2 multi-level text."""
    numbering = (
        abstract(0, [lvl(0, 'decimal', '%1.'), lvl(1, 'decimal', '%1.%2')]) +
        abstract(1, [lvl(0, 'chineseCounting', '%1、'),
                     lvl(1, 'decimal', '%2）', extra='<w:lvlRestart w:val="0"/>')]) +
        num(1, 0) + num(2, 0) +
        num(3, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>') +
        num(4, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>'
                  + lvl(0, 'upperLetter', '%1)', start=5) + '</w:lvlOverride>') +
        num(5, 1))
    body = ''.join([
        p('第一个列表', numpr(1, 0)),
        p('第一个列表第二项', numpr(1, 0)),
        p('子项', numpr(1, 1)),
        p('子项二', numpr(1, 1)),
        p('另一个num继续编号', numpr(2, 0)),
        p('子项重新开始', numpr(2, 1)),
        p('中间段落'),
        p('startOverride重新开始', numpr(3, 0)),
        p('继续', numpr(3, 0)),
        p('lvlOverride改为字母从E开始', numpr(4, 0)),
        p('字母继续', numpr(4, 0)),
        p('甲部分', numpr(5, 0)),
        p('事项', numpr(5, 1)),
        p('事项', numpr(5, 1)),
        p('乙部分', numpr(5, 0)),
        p('事项不重新编号', numpr(5, 1)),
    ])
    expected = '\n'.join([
        '1.第一个列表',
        '2.第一个列表第二项',
        '2.1子项',
        '2.2子项二',
        '3.另一个num继续编号',
        '3.1子项重新开始',
        '中间段落',
        '1.startOverride重新开始',
        '2.继续',
        'E)lvlOverride改为字母从E开始',
        'F)字母继续',
        '一、甲部分',
        '1）事项',
        '2）事项',
        '二、乙部分',
        '3）事项不重新编号',
    ]) + '\n'
    return body, BASE_STYLES, numbering, None, expected


@feature
def numbering_formats():
    """chineseCountingThousand, ideographTraditional, decimalEnclosedCircle,
    upperLetter, lowerRoman, chineseLegalSimplified, a bullet in Symbol font."""
    numbering = (
        abstract(0, [lvl(0, 'chineseCountingThousand', '第%1条', start=9)]) +
        abstract(1, [lvl(0, 'ideographTraditional', '%1.')]) +
        abstract(2, [lvl(0, 'decimalEnclosedCircle', '%1')]) +
        abstract(3, [lvl(0, 'upperLetter', '%1.')]) +
        abstract(4, [lvl(0, 'lowerRoman', '(%1)')]) +
        abstract(5, [lvl(0, 'chineseLegalSimplified', '%1、', start=10)]) +
        abstract(6, [lvl(0, 'bullet', '\uf0b7', extra='', ppr='<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>')]) +
        abstract(7, [lvl(0, 'chineseCountingThousand', '%1、', start=100)]) +
        ''.join(num(i + 1, i) for i in range(8)))
    body = ''.join(
        [p('条款', numpr(1)) for _ in range(4)] +
        [p('天干', numpr(2)) for _ in range(3)] +
        [p('圈号', numpr(3)) for _ in range(3)] +
        [p('字母', numpr(4)) for _ in range(2)] +
        [p('罗马', numpr(5)) for _ in range(4)] +
        [p('大写', numpr(6)) for _ in range(2)] +
        [p('要点', numpr(7))] +
        [p('百位', numpr(8)) for _ in range(2)])
    expected = '\n'.join([
        '第九条条款', '第十条条款', '第十一条条款', '第十二条条款',
        '甲.天干', '乙.天干', '丙.天干',
        '①圈号', '②圈号', '③圈号',
        'A.字母', 'B.字母',
        '(i)罗马', '(ii)罗马', '(iii)罗马', '(iv)罗马',
        '壹拾、大写', '壹拾壹、大写',
        '•要点',
        '一百、百位', '一百零一、百位',
    ]) + '\n'
    return body, BASE_STYLES, numbering, None, expected


@feature
def headings():
    """Headings from paragraph styles (heading N by name, outline level, a
    style based on a heading style, a WPS-style "标题 3"), from w:outlineLvl
    in the paragraph, and numbering attached to the heading styles."""
    styles = BASE_STYLES + (
        '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="标题 3"/><w:basedOn w:val="a"/></w:style>'
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Report1"><w:name w:val="报告一级标题"/>'
        '<w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Report2"><w:name w:val="报告二级标题"/>'
        '<w:basedOn w:val="2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:customStyle="1" w:styleId="Body9"><w:name w:val="正文缩进"/>'
        '<w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>')
    numbering = abstract(0, [
        lvl(0, 'chineseCounting', '%1、', ppr='<w:pStyle w:val="Report1"/>'),
        lvl(1, 'chineseCounting', '（%2）'),
    ]) + num(1, 0)
    body = ''.join([
        p('总体情况', '<w:pStyle w:val="1"/>'),
        p('预算执行', '<w:pStyle w:val="2"/>'),
        p('三级标题', '<w:pStyle w:val="3"/>'),
        p('部门基本情况', '<w:pStyle w:val="Report1"/>'),
        p('部门职能', '<w:pStyle w:val="Report2"/>'),
        p('人员情况', '<w:pStyle w:val="Report2"/>'),
        p('支出情况', '<w:pStyle w:val="Report1"/>'),
        p('正文段落'),
        p('大纲级别二', '<w:outlineLvl w:val="1"/>'),
        p('不是标题', '<w:pStyle w:val="Body9"/>'),
        p('编号关闭', '<w:pStyle w:val="Report1"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
        p('三、手打编号标题', '<w:pStyle w:val="1"/>'),
    ])
    expected = '\n'.join([
        '总体情况', '预算执行', '三级标题', '一、部门基本情况', '（一）部门职能', '（二）人员情况',
        '二、支出情况', '正文段落', '大纲级别二', '不是标题', '编号关闭', '三、手打编号标题',
    ]) + '\n'
    return body, styles, numbering, None, expected


@feature
def merged_cells():
    """gridSpan and vMerge restart/continue, the 附件2 budget block shape."""
    vr = '<w:vMerge w:val="restart"/>'
    vc = '<w:vMerge/>'
    body = ''.join([
        p('部门整体支出绩效自评表'),
        tbl(5,
            tr(tc('年度预算', vr), tc('项目'), tc('全年预算数'), tc('全年执行数'), tc('得分')),
            tr(tc('', vc), tc('年度资金总额'), tc('24'), tc('24'), tc('10')),
            tr(tc('', vc), tc('其中：基本支出', '<w:gridSpan w:val="2"/>'), tc('0'), tc('')),
            tr(tc('绩效目标', '<w:gridSpan w:val="5"/>'))),
        p('表后段落'),
    ])
    expected = ('部门整体支出绩效自评表\n'
                '\t年度预算\n\t项目\n\t全年预算数\n\t全年执行数\n\t得分\n\n'
                '\t\n\t年度资金总额\n\t24\n\t24\n\t10\n\n'
                '\t\n\t其中：基本支出\n\t0\n\t\n\n'
                '\t绩效目标\n\n'
                '表后段落\n')
    return body, BASE_STYLES, None, None, expected


@feature
def nested_tables():
    """A table inside a cell, after the cell's paragraphs."""
    inner = tbl(2, tr(tc('指标'), tc('分值')), tr(tc('产出'), tc('50')))
    body = ''.join([
        tbl(2,
            tr(tc('一级指标'), tc(p('说明') + inner + p(''))),
            tr(tc('合计'), tc('100'))),
        p('结束'),
    ])
    expected = ('\t一级指标\n\t说明\n\n'
                '\t指标\n\t分值\n\n\t产出\n\t50\n\n'
                '\n'
                '\t合计\n\t100\n\n'
                '结束\n')
    return body, BASE_STYLES, None, None, expected


def drawing_textbox(text):
    return ('<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:extent cx="1000" cy="1000"/><wp:docPr id="1" name="文本框 1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:txbx><w:txbxContent>%s</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing>' % text)


def vml_textbox(text):
    return ('<w:pict><v:shape id="tb1" type="#_x0000_t202" style="width:100pt;height:50pt">'
            '<v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict>' % text)


@feature
def textboxes():
    """Text boxes after their anchor paragraph: DrawingML inside
    mc:AlternateContent (VML fallback with the same text: read once), a
    plain VML text box, and one with a table."""
    box1 = p('文本框第一段') + p('文本框第二段')
    alt = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps">%s</mc:Choice>'
           '<mc:Fallback>%s</mc:Fallback></mc:AlternateContent></w:r>'
           % (drawing_textbox(box1), vml_textbox(box1)))
    body = ''.join([
        p('正文开头'),
        p(r('锚定段落') + alt + r('（续）')),
        p(r('第二个锚点') + '<w:r>%s</w:r>' % vml_textbox(p('旧式文本框'))),
        p(r('未知分支') + '<w:r><mc:AlternateContent><mc:Choice Requires="zz">%s</mc:Choice>'
          '<mc:Fallback>%s</mc:Fallback></mc:AlternateContent></w:r>'
          % ('<w:t>错误分支</w:t>', vml_textbox(p('回退分支')))),
        p('正文结尾'),
    ])
    expected = '\n'.join(['正文开头', '锚定段落（续）', '文本框第一段', '文本框第二段', '第二个锚点',
                          '旧式文本框', '未知分支', '回退分支', '正文结尾']) + '\n'
    return body, BASE_STYLES, None, None, expected


@feature
def tracked_changes():
    """w:ins kept, w:del/w:delText left out, w:moveFrom out, w:moveTo in, a
    deleted paragraph mark joins two paragraphs, a deleted table row."""
    a = 'w:id="%d" w:author="审核人" w:date="2025-03-01T00:00:00Z"'
    body = ''.join([
        p(r('预算资金') + '<w:del %s><w:r><w:delText>20</w:delText></w:r></w:del>' % (a % 1)
          + '<w:ins %s>%s</w:ins>' % (a % 2, r('24')) + r('万元。')),
        p('<w:moveFrom %s>%s</w:moveFrom>' % (a % 3, r('被移走的句子。')) + r('保留的句子。')),
        p(r('合并段落前半'), '<w:rPr><w:del %s/></w:rPr>' % (a % 4)),
        p(r('后半。')),
        p('<w:moveTo %s>%s</w:moveTo>' % (a % 5, r('被移走的句子。'))),
        tbl(2,
            tr(tc('指标'), tc('分值')),
            tr(tc('已删除'), tc('0'), trpr='<w:del %s/>' % (a % 6)),
            tr(tc('产出'), tc('50'))),
    ])
    expected = ('预算资金24万元。\n保留的句子。\n合并段落前半后半。\n被移走的句子。\n'
                '\t指标\n\t分值\n\n\t产出\n\t50\n\n')
    return body, BASE_STYLES, None, None, expected


@feature
def content_controls():
    """w:sdt at block, inline, row and cell level: transparent."""
    sdt_pr = '<w:sdtPr><w:alias w:val="单位名称"/><w:id w:val="1"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr>'
    body = ''.join([
        '<w:sdt>%s<w:sdtContent>%s%s</w:sdtContent></w:sdt>' % (sdt_pr, p('块级控件第一段'), p('块级控件第二段')),
        p(r('单位：') + '<w:sdt>%s<w:sdtContent>%s</w:sdtContent></w:sdt>' % (sdt_pr, r('君山区工商业联合会')) + r('。')),
        tbl(2,
            tr(tc('名称'), tc('值')),
            '<w:sdt>%s<w:sdtContent>%s</w:sdtContent></w:sdt>' % (sdt_pr, tr(tc('行控件'), tc('1'))),
            tr(tc('单元格'), '<w:sdt>%s<w:sdtContent>%s</w:sdtContent></w:sdt>' % (sdt_pr, tc('单元格控件')))),
    ])
    expected = ('块级控件第一段\n块级控件第二段\n单位：君山区工商业联合会。\n'
                '\t名称\n\t值\n\n\t行控件\n\t1\n\n\t单元格\n\t单元格控件\n\n')
    return body, BASE_STYLES, None, None, expected


@feature
def fields():
    """Field results kept, instructions dropped: a complex field, a nested
    field, w:fldSimple, a field with no result, a TOC field spanning
    paragraphs, and check box form fields (☒ / ☐)."""
    def fc(kind):
        return '<w:r><w:fldChar w:fldCharType="%s"/></w:r>' % kind

    def instr(text):
        return '<w:r><w:instrText xml:space="preserve">%s</w:instrText></w:r>' % text

    def checkbox(checked):
        state = '' if checked is None else '<w:checked%s/>' % ('' if checked else ' w:val="0"')
        return ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/>'
                '<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>%s'
                '</w:checkBox></w:ffData></w:fldChar></w:r>' % state
                + instr(' FORMCHECKBOX ') + fc('end'))
    body = ''.join([
        p(r('填报日期：') + fc('begin') + instr(' DATE \\@ "yyyy年M月d日" ') + fc('separate')
          + r('2025年3月1日') + fc('end')),
        p(r('见') + fc('begin') + instr(' REF _Ref1 ') + fc('begin') + instr(' PAGE ') + fc('separate')
          + r('9') + fc('end') + instr(' \\h ') + fc('separate') + r('附件2') + fc('end') + r('。')),
        p(r('共') + '<w:fldSimple w:instr=" NUMPAGES ">%s</w:fldSimple>' % r('5') + r('页')),
        p(r('无结果') + fc('begin') + instr(' XE "索引" ') + fc('end') + r('的域')),
        p(fc('begin') + instr(' TOC \\o "1-3" ') + fc('separate') + r('目录第一项')),
        p(r('目录第二项') + fc('end')),
        p('正文'),
        p(r('等级：') + checkbox(True) + r('优 ') + checkbox(False) + r('良 ')
          + checkbox(None) + r('中')),
    ])
    expected = '\n'.join(['填报日期：2025年3月1日', '见附件2。', '共5页', '无结果的域', '目录第一项',
                          '目录第二项', '正文', '等级：☒优 ☐良 ☐中']) + '\n'
    return body, BASE_STYLES, None, None, expected


@feature
def header_footer():
    """Headers, footers and footnotes are parts of their own: never in the body."""
    hdr = xml_part('hdr', p('页眉：君山区工商业联合会'))
    ftr = xml_part('ftr', p('第 1 页'))
    fns = xml_part('footnotes', '<w:footnote w:id="1">%s</w:footnote>' % p('脚注文字'))
    body = (p('正文第一段') +
            p(r('带脚注') + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r('的段落')) +
            '<w:sectPr><w:headerReference w:type="default" r:id="rId11"/>'
            '<w:footerReference w:type="default" r:id="rId12"/></w:sectPr>'.replace('<w:sectPr>', '<w:p><w:pPr><w:sectPr>').replace('</w:sectPr>', '</w:sectPr></w:pPr></w:p>') +
            p('正文第二段'))
    expected = '正文第一段\n带脚注的段落\n\n正文第二段\n'
    return body, BASE_STYLES, None, {'header1.xml': hdr, 'footer1.xml': ftr, 'footnotes.xml': fns}, expected


@feature
def tabs_breaks_symbols():
    """w:tab between text ('\\t'), a leading tab (dropped: indentation),
    w:br and w:cr ('\\n'), page breaks between text only, w:sym in Symbol and
    Wingdings, w:noBreakHyphen, hidden text left out."""
    body = ''.join([
        p(r('项目') + '<w:r><w:tab/></w:r>' + r('金额')),
        p('<w:r><w:tab/></w:r>' + r('缩进段落')),
        p(r('第一行') + '<w:r><w:br/></w:r>' + r('第二行') + '<w:r><w:cr/></w:r>' + r('第三行')),
        p(r('分页前') + '<w:r><w:br w:type="page"/></w:r>' + r('分页后')),
        p('<w:r><w:br w:type="page"/></w:r>' + r('页首段落')),
        p(r('目标值') + '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r>' + r('60次')),
        p('<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>' + r('已完成')),
        p(r('编号') + '<w:r><w:noBreakHyphen/></w:r>' + r('01')),
        p(r('可见') + r('隐藏文字', '<w:rPr><w:vanish/></w:rPr>') + r('文字')),
        p(r('数学：') + '<m:oMath><m:r><m:t>x≤100</m:t></m:r></m:oMath>'),
    ])
    expected = '\n'.join(['项目\t金额', '缩进段落', '第一行', '第二行', '第三行', '分页前', '分页后',
                          '页首段落', '目标值≥60次', '☑已完成', '编号-01', '可见文字', '数学：x≤100']) + '\n'
    return body, BASE_STYLES, None, None, expected


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for fn in FEATURES:
        body, styles, numbering, extra, expected = fn()
        name = fn.__name__.replace('_', '-')
        write_docx(os.path.join(out, name + '.docx'), body, styles, numbering, extra)
        with open(os.path.join(out, name + '.expected.txt'), 'w', encoding='utf-8') as f:
            f.write(expected)
        print(name)


if __name__ == '__main__':
    main()
