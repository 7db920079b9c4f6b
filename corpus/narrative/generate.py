#!/usr/bin/python3
"""Narrative as reports really write it: a short 部门整体支出 self-evaluation
report (the sections of the cleaned seed, rewritten with invented figures)
whose budget narrative uses the phrasings of other reports — free-named
breakdowns after 其中 / 主要用于 / 分别用于, lists across 。其中： and ；,
parts in 元 under a total in 万元, figure-first parts (5万元用于…), income vs
spending, functional classes, changes from last year with their growth rate,
differences from the budget and completion rates, ASCII punctuation, a table
whose prose cells state targets and actuals (under a claim that every target
was met, or on a form scored per target row) — clean, in traditional
characters, and with one planted defect each.

Writes corpus/narrative/NAME.docx, NAME.pdf (LibreOffice; for PDF_VARIANTS) and
corpus/narrative/cases.json (the schema of corpus/variants.json), which
tests/acceptance_test.cc and bench/check_precision_recall.py pick up.

    /usr/bin/python3 corpus/narrative/generate.py [--no-pdf]

Needs python3-docx, libreoffice-writer-nogui, the CJK fonts of
corpus/generate.py and opencc (s2t for the traditional variants).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import generate as base  # noqa: E402  (corpus/generate.py: document helpers)

TITLE = "2024年度青溪县科学技术协会整体支出绩效自评报告"
HEADER = "青溪县科学技术协会　2024年度部门整体支出绩效自评"

# Paragraphs: (style, text); style "H1" / "H2" / None (body) / "TABLE".
CLEAN = [
    ("Title", TITLE),
    ("H1", "一、部门（单位）基本情况"),
    (None, "县科协是县委领导下的科技工作者群众组织，主要职责是开展科学普及、服务科技工作者、推动创新创业。"
           "单位内设综合股、科普股2个股室，编制数8人，实有人数8人。"),
    ("H1", "二、一般公共预算支出情况"),
    (None, "2024年本单位收入合计52.6万元，其中财政拨款收入48.6万元，其他收入4万元；"
           "支出合计52.6万元，其中基本支出38.2万元，项目支出14.4万元。"),
    (None, "收入合计比上年增加4.6万元（2023年为48万元），增长9.6%。"
           "本单位年初预算50万元，全年预算调整为52.6万元，较年初预算增加2.6万元；"
           "全年实际支出52.6万元，预算执行率100%，完成年初预算的105.2%，决算数大于年初预算数2.6万元。"),
    (None, "按支出功能分类，支出合计52.6万元，其中一般公共服务支出44.1万元，社会保障和就业支出5.3万元，"
           "卫生健康支出3.2万元。"),
    ("H2", "（一）基本支出情况"),
    (None, "基本支出38.2万元(其中:人员经费24.4万元,公用经费13.8万元)。公用经费比上年减少1.2万元"
           "(2023年为15万元),下降8%,主要是压减了差旅费和会议费."),
    (None, "公务接待费0.6万元，分别用于上级检查接待3500元、兄弟单位交流接待2500元。"),
    ("H2", "（二）项目支出情况"),
    (None, "项目支出14.4万元，主要用于：科普宣传活动6.5万元，青少年科技竞赛4.2万元，科技工作者培训3.7万元。"
           "青少年科技竞赛4.2万元，分别用于竞赛组织2万元、奖品购置1.55万元、评审劳务0.65万元。"),
    (None, "本年度安排科普宣传活动经费6.5万元。其中：3.5万元用于科普讲座；3万元用于宣传资料印制。"),
    ("H1", "三、政府性基金预算支出情况"),
    (None, "2024年本单位无此项支出。"),
    ("H1", "四、国有资本经营预算支出情况"),
    (None, "2024年本单位无此项支出。"),
    ("H1", "五、社会保险基金预算支出情况"),
    (None, "2024年本单位无此项支出。"),
    ("H1", "六、部门整体支出绩效情况"),
    (None, "2024年，本单位全面完成年度目标（详见附件1），资金管理规范，各项工作有序推进。"),
    ("H1", "七、存在的问题及原因分析"),
    (None, "预算编制的精准性有待提高，部分项目执行进度前松后紧。"),
    ("H1", "八、下一步改进措施"),
    (None, "加强预算编制与项目论证，按月跟踪执行进度。"),
    ("H1", "九、部门整体支出绩效自评结果拟应用和公开情况"),
    (None, "自评结果将在本单位门户网站公开，并作为下年度预算安排的参考。"),
    ("H1", "十、其他需要说明的情况"),
    (None, "无。"),
    (None, "附件：1.2024年度绩效目标完成情况表"),
    ("ATTACHMENT", "附件1"),
    ("CENTER", "2024年度绩效目标完成情况表"),
    ("TABLE", [["年度总体目标", "实际完成情况"],
               ["目标1:举办科普讲座不少于20场;目标2:培训科技工作者不少于150人次.",
                "全年举办科普讲座24场,培训科技工作者168人次."]]),
]

# The same report scored per target: no claim that every target was met,
# the attachment a form with 分值 / 得分 per target row. A missed target
# given full marks is TARGET_NOT_MET; one with marks deducted is not.
SCORED_TABLE = [["绩效目标", "年度目标", "实际完成情况", "分值（分）", "得分"],
                ["目标1", "举办科普讲座不少于20场", "全年举办科普讲座24场", "10", "10"],
                ["目标2", "培训科技工作者不少于150人次", "全年完成培训168人次", "10", "10"],
                ["目标3", "走访科技型企业不少于40家", "全年走访科技型企业43家", "10", "10"]]


def scored(paragraphs, second_score=None):
    """The scored report; second_score replaces the 得分 of 目标2's row."""
    out = []
    for style, text in paragraphs:
        if style == "TABLE":
            table = [list(row) for row in SCORED_TABLE]
            if second_score is not None:
                table[2][4] = second_score
            out.append(["TABLE", table])
        elif style == "CENTER":
            out.append([style, "2024年度绩效目标完成情况评分表"])
        else:
            out.append([style, text.replace("全面完成年度目标", "基本完成年度目标")
                        .replace("绩效目标完成情况表", "绩效目标完成情况评分表")])
    return out


# Rendered to PDF as well (the others DOCX only, to keep the committed set
# small): the clean pair, a list across 。其中：/； and one in ASCII
# punctuation (line breaks of a PDF inside them), the table prose cells, a
# change read across sentences.
PDF_VARIANTS = {"clean", "clean-traditional", "list-figure-first", "list-ascii", "prose-target",
                "traditional-rate", "change-last-year", "scored-clean", "scored-target"}

FIGURE_CODES = ["SUM_MISMATCH", "FIGURE_CONFLICT", "RATE_MISMATCH", "RATE_ZERO_BASE", "TARGET_NOT_MET",
                "UNIT_SUSPECT"]

# name, description, edits (find -> replace, each find once), expect, tolerate, form (see main)
VARIANTS = [
    ("clean", "The clean report: every breakdown, change, difference and rate holds.", [], [], [], False),
    ("clean-traditional", "The clean report in traditional characters (OpenCC s2t).", [], [], [], True),
    ("list-free-names", "A closed list of free-named parts after 主要用于 does not add up (14.4 ≠ 6.5 + 4.2 + 4.7).",
     [("科技工作者培训3.7万元。", "科技工作者培训4.7万元。")], ["SUM_MISMATCH"], [], False),
    ("list-precision", "Parts written to 0.01 beside whole numbers: 2 + 1.55 + 0.63 = 4.18 ≠ 4.2.",
     [("评审劳务0.65万元", "评审劳务0.63万元")], ["SUM_MISMATCH"], [], False),
    ("list-yuan-parts", "Parts in 元 under a total in 万元: 3500 + 3500 ≠ 6000.",
     [("兄弟单位交流接待2500元", "兄弟单位交流接待3500元")], ["SUM_MISMATCH"], [], False),
    ("list-figure-first", "A list across 。其中： and ； with the figure before its name: 3.5 + 4 ≠ 6.5.",
     [("3万元用于宣传资料印制", "4万元用于宣传资料印制")], ["SUM_MISMATCH"], [], False),
    ("list-ascii", "A breakdown in ASCII brackets and punctuation: 24.4 + 14.8 ≠ 38.2.",
     [("公用经费13.8万元)", "公用经费14.8万元)")], ["SUM_MISMATCH"], ["RATE_MISMATCH"], False),
    ("income-parts", "Income parts do not add up to 收入合计: 48.6 + 5 ≠ 52.6.",
     [("其他收入4万元", "其他收入5万元")], ["SUM_MISMATCH"], [], False),
    ("functional-parts", "Functional classes do not add up to 支出合计: 44.1 + 5.3 + 4.2 ≠ 52.6.",
     [("卫生健康支出3.2万元", "卫生健康支出4.2万元")], ["SUM_MISMATCH"], [], False),
    ("change-last-year", "This year − last year ≠ the change: 52.6 − 47 ≠ 4.6.",
     [("（2023年为48万元）", "（2023年为47万元）")], ["SUM_MISMATCH"], ["RATE_MISMATCH"], False),
    ("growth-rate", "The growth rate is not change ÷ last year: 4.6 ÷ 48 = 9.58%, not 12.6%.",
     [("增长9.6%", "增长12.6%")], ["RATE_MISMATCH"], [], False),
    ("difference-budget", "决算 − 年初预算 ≠ the difference stated: 52.6 − 50 ≠ 3.6.",
     [("决算数大于年初预算数2.6万元", "决算数大于年初预算数3.6万元")], ["SUM_MISMATCH"], [], False),
    ("completion-rate", "完成年初预算的100% while 52.6 ÷ 50 = 105.2% (and 决算数大于预算数2.6万元).",
     [("完成年初预算的105.2%", "完成年初预算的100%")], ["RATE_MISMATCH"], [], False),
    ("prose-target", "A target of the table's prose cells missed (138 < 150 人次) under 全面完成年度目标.",
     [("培训科技工作者168人次", "培训科技工作者138人次")], ["TARGET_NOT_MET"], [], False),
    ("traditional-rate", "In traditional characters: 预算执行率 96% while 52.6 ÷ 52.6 = 100%.",
     [("预算执行率100%", "预算执行率96%")], ["RATE_MISMATCH"], [], True),
    # The scored form (SCORED_TABLE, no 全面完成 claim).
    ("scored-clean", "Targets scored per row, every one met, full marks.", [], [], [], "scored"),
    ("scored-target", "A missed target (138 < 150 人次) given full marks (得分 10 = 分值 10), no 全面完成 claim.",
     [("全年完成培训168人次", "全年完成培训138人次")], ["TARGET_NOT_MET"], [], "scored"),
    ("scored-deducted", "A missed target (138 < 150 人次) with marks deducted (得分 7 of 10): no TARGET_NOT_MET.",
     [("全年完成培训168人次", "全年完成培训138人次")], [], [], "scored:7"),
]


def apply(paragraphs, edits, name):
    out = [list(p) for p in paragraphs]
    for find, replace in edits:
        hits = [(i, j) for i, (style, text) in enumerate(out) if style != "TABLE" for j in [text.count(find)] if j]
        hits += [(i, sum(c.count(find) for row in text for c in row)) for i, (style, text) in enumerate(out)
                 if style == "TABLE" and any(find in c for row in text for c in row)]
        if sum(n for _, n in hits) != 1:
            raise SystemExit("variant %s: %r occurs %d times" % (name, find, sum(n for _, n in hits)))
        i = hits[0][0]
        if out[i][0] == "TABLE":
            out[i][1] = [[c.replace(find, replace) for c in row] for row in out[i][1]]
        else:
            out[i][1] = out[i][1].replace(find, replace)
    return out


def traditional(text):
    return subprocess.run(["opencc", "-c", "s2t.json"], input=text, capture_output=True, text=True,
                          check=True).stdout


def to_traditional(paragraphs):
    out = []
    for style, text in paragraphs:
        if style == "TABLE":
            out.append([style, [[traditional(c) for c in row] for row in text]])
        else:
            out.append([style, traditional(text)])
    return out


def render(paragraphs, path):
    title = paragraphs[0][1]
    doc = base.new_document(title, HEADER)
    # One font for everything: a second CJK font subset would double the PDF.
    styles = doc.styles.element
    for sid in ("Title", "Heading1", "Heading2", "Heading3"):
        st = styles.xpath('w:style[@w:styleId="%s"]' % sid)[0]
        base.set_fonts(base.get_or_add(st, "w:rPr"), base.SERIF, base.SERIF)
    for style, text in paragraphs:
        if style == "TABLE":
            widths = [3000, 6070] if len(text[0]) == 2 else [1300, 2700, 2770, 1150, 1150]
            base.body_append(doc, base.simple_table(text, widths, header_rows=1))
        elif style == "Title":
            base.body_append(doc, base.p_xml(text, style="Title"))
        elif style == "H1":
            base.body_append(doc, base.p_xml(text, style="Heading1"))
        elif style == "H2":
            base.body_append(doc, base.p_xml(text, style="Heading2"))
        elif style == "ATTACHMENT":
            base.body_append(doc, base.p_xml(text, rpr="<w:b/>", ppr_extra="<w:pageBreakBefore/>"))
        elif style == "CENTER":
            base.body_append(doc, base.p_xml(text, jc="center", rpr='<w:b/><w:sz w:val="28"/>'))
        else:
            base.body_append(doc, base.p_xml(text, ppr_extra=base.BODY_IND))
    base.save_deterministic(doc, path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-pdf", action="store_true")
    a = ap.parse_args()
    cases = []
    paths = []
    for name, desc, edits, expect, tolerate, form in VARIANTS:
        # form: True for traditional characters, "scored[:N]" for the scored
        # form (N the 得分 of 目标2's row), else False.
        base_paragraphs = CLEAN
        if isinstance(form, str) and form.startswith("scored"):
            base_paragraphs = scored(CLEAN, form.split(":")[1] if ":" in form else None)
        paragraphs = apply(base_paragraphs, edits, name)
        if form is True:
            paragraphs = to_traditional(paragraphs)
        path = os.path.join(HERE, name + ".docx")
        render(paragraphs, path)
        if name in PDF_VARIANTS:
            paths.append(path)
        cases.append({
            "name": name,
            "file": "narrative/" + name,
            "description": desc,
            "expect": expect,
            "forbid": [c for c in FIGURE_CODES + ["SECTION_MISSING", "ATTACHMENT_MISSING"]
                       if c not in expect and c not in tolerate],
            "tolerate": tolerate,
            "formats": ["docx", "pdf"] if name in PDF_VARIANTS else ["docx"],
            "status": "ok",
        })
    if not a.no_pdf:
        for old in os.listdir(HERE):
            if old.endswith(".pdf"):
                os.remove(os.path.join(HERE, old))
        base.to_pdf(paths, HERE)
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump({"family": "narrative phrasing",
                   "about": "Generated by corpus/narrative/generate.py: the cleaned seed's sections rewritten "
                            "with invented figures in the phrasings of other reports; clean, in traditional "
                            "characters, and with one planted defect each.",
                   "variants": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("narrative:", len(cases), "cases")


if __name__ == "__main__":
    main()
