#!/usr/bin/python3
"""Generate corpus/templates/: self-evaluation tables as other regions write them.

    /usr/bin/python3 corpus/templates/generate.py            # DOCX + PDF + cases.json
    /usr/bin/python3 corpus/templates/generate.py --no-pdf   # DOCX + cases.json only

Every document is built from a small description (title lines, paragraphs,
tables given cell by cell), with invented units, projects and figures, in the
shapes listed in corpus/README.md ("templates/"): the families of documents
(项目支出绩效自评表 alone or bundled, 整体支出自评表, 整体支出 report, 总结报告,
决算公开 report), funds blocks with decorated headers, columns in another order
and 序号 columns, indicator tables with 指标性质 / 指标方向 / 计量单位 / 权重 /
得分系数, level-1 groups merged or repeated, placeholder rows, half-filled and
cut-off tables. Each case names the finding codes it must produce (expect)
and must not produce (forbid); clean controls forbid every code.

Uses the OOXML helpers of corpus/generate.py (python3-docx, LibreOffice).
"""

import argparse
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import generate as g  # noqa: E402  (corpus/generate.py)

ALL_CODES = [
    "SUM_MISMATCH", "FIGURE_CONFLICT", "RATE_MISMATCH", "RATE_ZERO_BASE", "SCORE_TOTAL_MISMATCH",
    "SCORE_OVER_WEIGHT", "WEIGHT_MISMATCH", "GRADE_MISMATCH", "TARGET_NOT_MET", "DEVIATION_UNEXPLAINED",
    "NUMBERING_BROKEN", "SECTION_MISSING", "ATTACHMENT_MISSING", "UNIT_SUSPECT", "TEXT_SUSPECT",
    "EXECUTION_SCORE_MISMATCH", "DIRECTION_MISMATCH", "TABLE_INCOMPLETE",
]
TEXT_W = g.TEXT_W
BODY = g.BODY_IND

# --------------------------------------------------------------------------
# Tables: rows of (text, span); None as text continues a vertical merge.
# --------------------------------------------------------------------------


def table_xml(rows, ncols, half_points=18):
    texts = [[t for t, _ in row] for row in rows]
    spans = [[s for _, s in row] for row in rows]
    for r, row in enumerate(spans):
        assert sum(row) == ncols, (r, rows[r], ncols)
    grid = [TEXT_W // ncols] * ncols
    return g.simple_table(texts, grid, spans, header_rows=0, half_points=half_points)


def fill(cells, ncols):
    """Cells as (text, span); the last cell takes the columns left."""
    out = [(c, 1) if not isinstance(c, tuple) else c for c in cells]
    used = sum(s for _, s in out)
    assert used <= ncols, (cells, ncols)
    if used < ncols:
        t, s = out[-1]
        out[-1] = (t, s + ncols - used)
    return out


# Funds block: column keys and the header each key is written as.
FUNDS_HEADERS = {
    "national": ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    "decorated": ["项目资金（万元）", "年初预算数（A）", "全年预算数（B）", "全年执行数（C）", "分值（10分）",
                  "执行率（%）", "得分"],
    "ratio": ["资金情况（万元）", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率(B/A)", "得分"],
}
FUNDS_KEYS = ["label", "initial", "full", "executed", "weight", "rate", "score"]


def funds_rows(spec, ncols):
    """spec: {"headers": key of FUNDS_HEADERS or a list, "order": keys, "rows": [[label, initial, full,
    executed, weight, rate, score], ...], "seq": bool}"""
    headers = spec.get("headers", "national")
    headers = FUNDS_HEADERS[headers] if isinstance(headers, str) else headers
    order = spec.get("order", FUNDS_KEYS)
    idx = [FUNDS_KEYS.index(k) for k in order]
    out = []
    head = [headers[i] for i in idx]
    if spec.get("seq"):
        head = ["序号"] + head
    if spec.get("two_row"):
        # 预算数 over 年初预算数 / 全年预算数; the other headers merged down over both rows.
        assert order == FUNDS_KEYS and not spec.get("seq")
        top = fill([head[0], ("预算数", 2)] + head[3:], ncols)
        out.append(top)
        out.append([(None, 1), (head[1], 1), (head[2], 1)] + [(None, sp) for _, sp in top[2:]])
        head = None
    if head is not None:
        out.append(fill(head, ncols))
    for n, row in enumerate(spec["rows"]):
        cells = [row[i] for i in idx]
        if spec.get("seq"):
            cells = [str(n + 1)] + cells
        out.append(fill(cells, ncols))
    return out


IND_HEADERS = {
    "level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "nature": "指标性质",
    "direction": "指标方向", "target": "年度指标值", "unit": "计量单位", "actual": "实际完成值",
    "weight": "分值", "score": "得分", "coef": "得分系数", "note": "偏差原因分析及改进措施",
}
IND_KEYS = ["level1", "level2", "level3", "target", "actual", "weight", "score", "note"]


def indicator_rows(spec, ncols):
    """spec: {"keys": column keys, "headers": {key: text}, "lead": "绩效指标" or None,
    "level1": "merged"|"repeat", "items": [dict per row], "total": (weight, score) or None,
    "stop": n rows kept (cut-off)}"""
    keys = spec.get("keys", IND_KEYS)
    headers = dict(IND_HEADERS, **spec.get("headers", {}))
    lead = spec.get("lead", "绩效指标")
    out = [fill(([lead] if lead else []) + [headers[k] for k in keys], ncols)]
    items = spec["items"]
    if spec.get("stop") is not None:
        items = items[:spec["stop"]]
    prev_l1 = None
    for it in items:
        cells = [None] if lead else []
        for k in keys:
            v = it.get(k, "")
            if k == "level1" and spec.get("level1", "merged") == "merged":
                if v == prev_l1:
                    v = None
                prev_l1 = it.get("level1", "")
            if k == "level2" and it.get("merge2"):
                v = None
            cells.append(v)
        out.append(fill(cells, ncols))
    if spec.get("total") is not None and spec.get("stop") is None:
        w, s = spec["total"]
        wi = keys.index("weight") + (1 if lead else 0)
        si = keys.index("score") + (1 if lead else 0)
        row = [("总分", wi)] + [("", 1)] * (ncols - wi)
        row[1] = (w, 1)
        row[1 + si - wi] = (s, 1)
        out.append(row)
    return out


def level1_label(style, label, weight):
    if style == "weight_in_label":
        return "%s（%s分）" % (label, weight)
    if style == "weight_below":
        return "%s\n(%s分)" % (label, weight)
    return label


# --------------------------------------------------------------------------
# The base project table (invented: a county road-maintenance project)
# --------------------------------------------------------------------------

def base_items():
    return [
        dict(level1="产出指标", level2="数量指标", level3="维修乡村道路里程", target="≥12公里", actual="12.5公里",
             weight="15", score="15", note="无偏差", nature="定量", direction="正向", unit="公里"),
        dict(level1="产出指标", level2="质量指标", level3="工程验收合格率", target="≥95%", actual="98%",
             weight="15", score="15", note="无偏差", nature="定量", direction="正向", unit="%"),
        dict(level1="产出指标", level2="时效指标", level3="工程完工时间", target="2023年11月30日前",
             actual="2023年11月20日", weight="10", score="10", note="无偏差", nature="定量", direction="反向", unit="日期"),
        dict(level1="产出指标", level2="成本指标", level3="每公里维修成本", target="≤4.2万元", actual="4.03万元",
             weight="10", score="10", note="无偏差", nature="定量", direction="反向", unit="万元"),
        dict(level1="效益指标", level2="社会效益指标", level3="群众出行条件", target="有效改善", actual="有效改善",
             weight="15", score="15", note="无偏差", nature="定性", direction="正向", unit="/"),
        dict(level1="效益指标", level2="可持续影响指标", level3="道路设计使用年限", target="≥8年", actual="8年",
             weight="15", score="15", note="无偏差", nature="定量", direction="正向", unit="年"),
        dict(level1="满意度指标", level2="服务对象满意度指标", level3="沿线群众满意度", target="≥95%", actual="93%",
             weight="10", score="9", note="施工期间部分路段通行不便，下一步提前公告并分段施工", nature="定量",
             direction="正向", unit="%"),
    ]


BASE_FUNDS = [
    ["年度资金总额", "50", "52.5", "50.4", "10", "96%", "9.6"],
    ["其中：当年财政拨款", "50", "50", "48.4", "—", "96.8%", "—"],
    ["上年结转资金", "", "2.5", "2", "—", "80%", "—"],
    ["其他资金", "", "", "", "—", "", "—"],
]


def project_table(p):
    """Rows of one 项目支出绩效自评表 from the options p."""
    keys = p.get("indicators", {}).get("keys", IND_KEYS)
    ncols = p.get("ncols", max(9, len(keys) + 1))
    rows = []
    kind = p.get("kind", "project")
    if kind == "project":
        rows.append(fill(["项目名称", p["project"]], ncols))
        rows.append(fill(["主管部门", (p["dept"], 3), "实施单位", p["unit"]], ncols))
    else:
        rows.append(fill(["部门（单位）名称", p["unit"]], ncols))
    funds = copy.deepcopy(p.get("funds", {}))
    funds.setdefault("rows", BASE_FUNDS)
    rows += funds_rows(funds, ncols)
    goal_rows = [fill(["年度总体目标", ("预期目标", 4), "实际完成情况"], ncols),
                 fill([None, (p.get("goal", "完成年度目标任务。"), 4), p.get("done", "已完成年度目标任务。")], ncols)]
    rows += goal_rows
    ind = copy.deepcopy(p.get("indicators", {}))
    ind.setdefault("items", base_items())
    style = ind.get("level1_style", "plain")
    weights = {}
    for it in ind["items"]:
        weights[it.get("level1", "")] = weights.get(it.get("level1", ""), 0) + float(it.get("weight") or 0)
    if style != "plain":
        for it in ind["items"]:
            l1 = it.get("level1", "")
            if l1:
                it["level1"] = level1_label(style, l1, ("%g" % weights[l1]))
    if "total" not in ind:
        # 总分: the funds block's weight and score plus the items' (planted totals are given explicitly).
        frow = funds["rows"][0]
        order = funds.get("order", FUNDS_KEYS)

        def num(x):
            try:
                return float(x)
            except (TypeError, ValueError):
                return 0.0
        fw = num(frow[FUNDS_KEYS.index("weight")]) if "weight" in order else 0
        fs = num(frow[FUNDS_KEYS.index("score")]) if "score" in order else 0
        items = ind["items"] if ind.get("stop") is None else []
        w = fw + sum(num(it.get("weight")) for it in items)
        sc = fs + sum(num(it.get("score")) for it in items)
        ind["total"] = ("%g" % w, "%g" % round(sc, 2))
    rows += indicator_rows(ind, ncols)
    return rows, ncols


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------

def para(text, style=None, jc=None):
    if style == "Title":
        return g.p_xml(text, style="Title")
    if style == "center":
        return g.p_xml(text, jc="center")
    if style:
        return g.p_xml(text, style=style)
    return g.p_xml(text, ppr_extra=BODY)


def write_docx(path, title, blocks, author):
    doc = g.new_document(title, None, "page")
    # One font for everything: one font subset per PDF keeps the set small.
    styles = doc.styles.element
    for sid, size in (("Title", 36), ("Heading1", 28)):
        st = styles.xpath('w:style[@w:styleId="%s"]' % sid)[0]
        g.set_fonts(g.get_or_add(st, "w:rPr"), g.SERIF, g.SERIF, size)
    doc.core_properties.author = author
    doc.core_properties.last_modified_by = author
    for b in blocks:
        g.body_append(doc, b)
    g.save_deterministic(doc, path)


CASES = []


def case(name, family, description, blocks, title, author, expect=(), forbid=None, tolerate=(), clean=False):
    if clean:
        forbid = [c for c in ALL_CODES]
    elif forbid is None:
        forbid = []
    CASES.append(dict(name=name, family=family, description=description, blocks=blocks, title=title,
                      author=author, expect=list(expect), forbid=list(forbid), tolerate=list(tolerate)))


def project_doc(p, title_lines=("项目支出绩效自评表", "（2023年度）"), before=(), after=()):
    blocks = [para(title_lines[0], "Title")] + [para(t, "center") for t in title_lines[1:]]
    blocks += [para(t) for t in before]
    rows, ncols = project_table(p)
    blocks.append(table_xml(rows, ncols))
    blocks += [para(t) for t in after]
    return blocks


BASE = dict(project="乡村道路养护工程", dept="清河县交通运输局", unit="清河县公路养护中心")
FAM_PROJECT = "项目支出自评表"


def with_funds_row(rows, i, j, value):
    rows = copy.deepcopy(rows)
    rows[i][j] = value
    return rows


def define_cases():
    # ---- 项目支出绩效自评表, national shape --------------------------------
    case("project-clean", FAM_PROJECT, "项目支出绩效自评表 in the national shape, every figure consistent.",
         project_doc(dict(BASE)), "项目支出绩效自评表", "清河县交通运输局", clean=True)
    case("project-decorated-clean", FAM_PROJECT,
         "Funds headers with decorations (全年预算数（A）, 执行率（%）, 分值（10分）), rates without %, "
         "a 序号 column, 其中 rows with / and ——.",
         project_doc(dict(BASE, funds=dict(headers="decorated", seq=True, rows=[
             ["年度资金总额", "50", "52.5", "50.4", "10", "96", "9.6"],
             ["其中：本年财政拨款", "50", "50", "48.4", "/", "96.8", "/"],
             ["上年结余结转", "——", "2.5", "2", "/", "80", "/"],
             ["自筹资金", "——", "——", "——", "/", "——", "/"]]))),
         "项目支出绩效自评表", "清河县交通运输局", clean=True)
    case("project-reordered-clean", FAM_PROJECT,
         "Funds columns in another order (分值 and 得分 before the amounts), 执行率(B/A), labels 资金总额 / 财政资金 / 社会资金.",
         project_doc(dict(BASE, funds=dict(headers="ratio", order=["label", "weight", "score", "initial", "full", "executed", "rate"],
                                           rows=[["资金总额", "60", "61.2", "58.14", "10", "95%", "9.5"],
                                                 ["其中：财政资金", "60", "60", "57", "-", "95%", "-"],
                                                 ["社会资金", "", "1.2", "1.14", "-", "95%", "-"]])),
                     before=()), "项目支出绩效自评表", "清河县交通运输局", clean=True)
    # defects of the funds block
    case("funds-total-zero", FAM_PROJECT,
         "年度资金总额 left at 0/0/0 while 其中：本年财政拨款 holds the money.",
         project_doc(dict(BASE, funds=dict(rows=[
             ["年度资金总额", "0", "0", "0", "10", "—", "10"],
             ["其中：本年财政拨款", "30", "30", "30", "—", "100%", "—"],
             ["上年结转资金", "", "", "", "—", "", "—"],
             ["其他资金", "", "", "", "—", "", "—"]]))),
         "项目支出绩效自评表", "清河县交通运输局", expect=["SUM_MISMATCH"],
         forbid=["FIGURE_CONFLICT", "WEIGHT_MISMATCH", "TABLE_INCOMPLETE"], tolerate=["RATE_ZERO_BASE", "RATE_MISMATCH"])
    case("funds-sum", FAM_PROJECT, "全年预算数 of the total (52.5) is not 50 + 3.5 of its 其中 rows.",
         project_doc(dict(BASE, funds=dict(rows=with_funds_row(BASE_FUNDS, 2, 2, "3.5")))),
         "项目支出绩效自评表", "清河县交通运输局", expect=["SUM_MISMATCH"],
         forbid=["FIGURE_CONFLICT", "WEIGHT_MISMATCH", "TABLE_INCOMPLETE", "EXECUTION_SCORE_MISMATCH"], tolerate=["RATE_MISMATCH"])
    case("funds-rate-source-zero", FAM_PROJECT,
         "执行率 0 on 当年财政拨款 whose budget and execution are equal.",
         project_doc(dict(BASE, funds=dict(rows=[
             ["年度资金总额", "40", "40", "40", "10", "100%", "10"],
             ["其中：当年财政拨款", "40", "40", "40", "—", "0", "—"],
             ["上年结转资金", "", "", "", "—", "", "—"],
             ["其他资金", "", "", "", "—", "", "—"]]), indicators=dict(total=("100", "99")))),
         "项目支出绩效自评表", "清河县交通运输局", expect=["RATE_MISMATCH"],
         forbid=["SUM_MISMATCH", "FIGURE_CONFLICT", "WEIGHT_MISMATCH", "EXECUTION_SCORE_MISMATCH", "SCORE_TOTAL_MISMATCH"])
    case("funds-rate-total", FAM_PROJECT, "执行率 98% on the total where 50.4 ÷ 52.5 = 96%.",
         project_doc(dict(BASE, funds=dict(headers="decorated", rows=with_funds_row(BASE_FUNDS, 0, 5, "98")))),
         "项目支出绩效自评表", "清河县交通运输局", expect=["RATE_MISMATCH"],
         forbid=["SUM_MISMATCH", "FIGURE_CONFLICT", "WEIGHT_MISMATCH"], tolerate=["EXECUTION_SCORE_MISMATCH"])
    case("funds-score", FAM_PROJECT, "Execution score 9 where 10 × 82% = 8.2.",
         project_doc(dict(BASE, funds=dict(rows=[
             ["年度资金总额", "50", "50", "41", "10", "82%", "9"],
             ["其中：当年财政拨款", "50", "50", "41", "—", "82%", "—"],
             ["上年结转资金", "", "", "", "—", "", "—"],
             ["其他资金", "", "", "", "—", "", "—"]]), indicators=dict(total=("100", "98")))),
         "项目支出绩效自评表", "清河县交通运输局", expect=["EXECUTION_SCORE_MISMATCH"],
         forbid=["SUM_MISMATCH", "RATE_MISMATCH", "FIGURE_CONFLICT", "WEIGHT_MISMATCH", "SCORE_TOTAL_MISMATCH"])



FAM_WHOLE = "整体支出自评表"
FAM_REPORT = "整体支出报告"
FAM_SUMMARY = "总结报告"
FAM_FINAL = "决算公开"
FAM_BUNDLE = "自评表汇编"


def items_with(changes, base=None):
    """base_items() with changes {row index: {key: value}}; a value None drops the row."""
    items = copy.deepcopy(base if base is not None else base_items())
    out = []
    for i, it in enumerate(items):
        if i in changes and changes[i] is None:
            continue
        it.update(changes.get(i, {}))
        out.append(it)
    return out


EXTRA_KEYS = ["level1", "level2", "level3", "nature", "direction", "target", "unit", "actual", "weight", "coef", "score",
              "note"]


def unit_column_items():
    items = base_items()
    bare = {0: ("12", "12.5"), 1: ("95", "98"), 3: ("4.2", "4.03"), 5: ("8", "8"), 6: ("95", "93")}
    for i, (t, a) in bare.items():
        items[i]["target"], items[i]["actual"] = t, a
    items[0]["target"] = "≥12"
    items[1]["target"] = "≥95"
    items[3]["target"] = "≤4.2"
    items[5]["target"] = "≥8"
    items[6]["target"] = "≥95"
    for it in items:
        it["coef"] = "%g" % (float(it["score"]) / float(it["weight"]))
    return items


PLACEHOLDERS = [
    dict(level1="产出指标", level2="数量指标", level3="指标1", target="", actual="", weight="", score="", note=""),
    dict(level1="效益指标", level2="经济效益指标", level3="……", target="", actual="", weight="", score="", note=""),
    dict(level1="效益指标", level2="生态效益指标", level3="/", target="/", actual="/", weight="", score="", note=""),
    dict(level1="满意度指标", level2="服务对象满意度指标", level3="指标2：", target="", actual="", weight="", score="", note=""),
]


def with_placeholders(items):
    items = copy.deepcopy(items)
    out = []
    for it in items:
        out.append(it)
        for ph in PLACEHOLDERS:
            if ph["level1"] == it["level1"] and not any(o is ph for o in out):
                pass
    # insert each placeholder after the last row of its level-1 group
    for ph in PLACEHOLDERS:
        last = max(i for i, it in enumerate(out) if it["level1"] == ph["level1"])
        out.insert(last + 1, dict(ph))
    return out


WHOLE_FUNDS = [
    ["年度资金总额", "320", "335.6", "331.2", "10", "98.69%", "9.87"],
    ["其中：基本支出", "280", "286.4", "286.4", "—", "100%", "—"],
    ["项目支出", "40", "49.2", "44.8", "—", "91.06%", "—"],
]


def whole_items():
    return [
        dict(level1="产出指标", level2="数量指标", level3="重点工作任务完成率", target="100%", actual="100%", weight="20",
             score="20", note="无偏差"),
        dict(level1="产出指标", level2="质量指标", level3="馆藏档案数字化合格率", target="≥98%", actual="99.2%", weight="15",
             score="15", note="无偏差"),
        dict(level1="产出指标", level2="时效指标", level3="年度工作按期完成率", target="100%", actual="100%", weight="15",
             score="15", note="无偏差"),
        dict(level1="效益指标", level2="社会效益指标", level3="档案查阅利用人次", target="≥3000人次", actual="3420人次",
             weight="15", score="15", note="无偏差"),
        dict(level1="效益指标", level2="可持续影响指标", level3="档案安全事故", target="0起", actual="0起", weight="15",
             score="15", note="无偏差"),
        dict(level1="满意度指标", level2="服务对象满意度指标", level3="查档群众满意度", target="≥90%", actual="96%",
             weight="10", score="10", note="无偏差"),
    ]


def old_scheme_items():
    return [
        dict(level1="决策", level2="目标设定", level3="绩效目标合理性", target="合理", actual="合理", weight="8", score="8", note="无偏差"),
        dict(level1="决策", level2="预算配置", level3="在职人员控制率", target="≤100%", actual="96%", weight="7", score="7", note="无偏差"),
        dict(level1="过程", level2="预算执行", level3="预算执行率", target="100%", actual="98.69%", weight="10", score="9.87",
             note="个别项目年底未完成支付，已结转下年"),
        dict(level1="过程", level2="预算管理", level3="公用经费控制率", target="≤100%", actual="97%", weight="8", score="8", note="无偏差"),
        dict(level1="过程", level2="资产管理", level3="固定资产利用率", target="≥90%", actual="95%", weight="7", score="7", note="无偏差"),
        dict(level1="产出", level2="职责履行", level3="重点工作任务完成率", target="100%", actual="100%", weight="30", score="30",
             note="无偏差"),
        dict(level1="效益", level2="履职效益", level3="档案查阅利用人次", target="≥3000人次", actual="3420人次", weight="20",
             score="20", note="无偏差"),
        dict(level1="效益", level2="服务对象满意度", level3="查档群众满意度", target="≥90%", actual="96%", weight="10", score="10",
             note="无偏差"),
    ]


WHOLE = dict(kind="whole", unit="清河县档案馆")


def bundle_second():
    return dict(project="社区居家养老服务补贴", dept="清河县民政局", unit="清河县养老服务指导中心",
                funds=dict(rows=[["年度资金总额", "30", "30", "30", "10", "100%", "10"],
                                 ["其中：当年财政拨款", "30", "30", "30", "—", "100%", "—"],
                                 ["上年结转资金", "", "", "", "—", "", "—"],
                                 ["其他资金", "", "", "", "—", "", "—"]]),
                indicators=dict(items=[
                    dict(level1="产出指标", level2="数量指标", level3="享受补贴老年人数", target="≥1200人", actual="1260人",
                         weight="20", score="20", note="无偏差"),
                    dict(level1="产出指标", level2="质量指标", level3="上门服务达标率", target="≥95%", actual="97%", weight="15",
                         score="15", note="无偏差"),
                    dict(level1="产出指标", level2="时效指标", level3="补贴按月发放率", target="100%", actual="100%", weight="15",
                         score="15", note="无偏差"),
                    dict(level1="效益指标", level2="社会效益指标", level3="老年人生活质量", target="明显改善", actual="明显改善",
                         weight="30", score="30", note="无偏差"),
                    dict(level1="满意度指标", level2="服务对象满意度指标", level3="服务对象满意度", target="≥90%", actual="94%",
                         weight="10", score="10", note="无偏差"),
                ]))


REPORT_SECTIONS = [
    ("一、部门（单位）基本情况", ["清河县档案馆为县政府直属公益一类事业单位，主要负责全县档案的收集、保管和利用工作，内设综合股、业务指导股和保管利用股。"]),
    ("二、一般公共预算支出情况", ["2022年度本单位全年预算335.6万元，全年实际支出331.2万元，预算执行率98.69%。",
                        "其中基本支出全年预算286.4万元，实际支出286.4万元；项目支出全年预算49.2万元，实际支出44.8万元。"]),
    ("三、政府性基金预算支出情况", ["本单位无政府性基金预算支出。"]),
    ("四、国有资本经营预算支出情况", ["本单位无国有资本经营预算支出。"]),
    ("五、社会保险基金预算支出情况", ["本单位无社会保险基金预算支出。"]),
    ("六、部门整体支出绩效情况", ["全年完成馆藏档案数字化加工，接待查档群众3420人次，未发生档案安全事故。",
                        "根据《部门整体支出绩效自评表》，本单位自评得分99.87分，等级为“优”。"]),
    ("七、存在的问题及原因分析", ["个别项目资金支付进度偏慢，年底仍有部分资金未完成支付。"]),
    ("八、下一步改进措施", ["加强预算执行进度管理，按月通报支出进度。"]),
    ("九、部门整体支出绩效自评结果拟应用和公开情况", ["自评结果将在本单位门户网站公开，并作为下年度预算安排的参考。"]),
    ("十、其他需要说明的情况", ["无。"]),
]


def report_doc(sections=REPORT_SECTIONS, cut=None, table=True, title="清河县档案馆2022年度部门整体支出绩效自评报告"):
    blocks = [para(title, "Title")]
    done = False
    for h, ps in sections:
        blocks.append(g.p_xml(h, style="Heading1"))
        for t in ps:
            if cut and t.startswith(cut[0]):
                blocks.append(para(cut[1]))
                done = True
                break
            blocks.append(para(t))
        if done:
            return blocks
    if table:
        blocks.append(para("附件", "center"))
        blocks.append(para("2022年度部门整体支出绩效自评表", "center"))
        rows, ncols = project_table(dict(WHOLE, funds=dict(rows=WHOLE_FUNDS), indicators=dict(items=whole_items())))
        blocks.append(table_xml(rows, ncols))
    return blocks


COVER = [
    "县财政局：",
    "根据县财政局关于开展2023年度项目支出绩效自评工作的通知要求，我局对2023年度实施的项目开展了绩效自评，现将自评情况报告如下。",
    "附件：1.乡村道路养护工程项目支出绩效自评表",
    "2.社区居家养老服务补贴项目支出绩效自评表",
    "联系人：李某某，联系电话：0312-5550123",
    "清河县民政局",
    "2024年3月15日",
]


def bundle_doc(first, second):
    blocks = [para("清河县民政局关于报送2023年度项目支出绩效自评情况的报告", "Title")]
    blocks += [para(t) for t in COVER]
    for n, p in ((1, first), (2, second)):
        # "附件1" alone at the top of a page reads as a running header in a PDF:
        # the attachment line names its table.
        name = (p.get("project") or "") + "项目支出绩效自评表"
        blocks.append(g.p_xml("附件%d：%s" % (n, name), ppr_extra="<w:pageBreakBefore/>"))
        blocks.append(para("（2023年度）", "center"))
        rows, ncols = project_table(p)
        blocks.append(table_xml(rows, ncols))
    return blocks


def more_cases():
    T = "项目支出绩效自评表"
    A = "清河县交通运输局"
    # ---- indicator tables ----------------------------------------------------
    case("indicators-extra-columns-clean", FAM_PROJECT,
         "Indicator table with 指标性质, 指标方向, 计量单位 (targets 95 with % in the unit column), 得分系数; 权重 for 分值.",
         project_doc(dict(BASE, indicators=dict(keys=EXTRA_KEYS, headers={"weight": "权重"}, items=unit_column_items()))),
         T, A, clean=True)
    case("direction-mismatch", FAM_PROJECT, "A 正向 indicator with a ≤ target (验收合格率 ≤95%).",
         project_doc(dict(BASE, indicators=dict(keys=EXTRA_KEYS, items=items_with({1: {"target": "≤95%"}}, unit_column_items()))),
                     ), T, A, expect=["DIRECTION_MISMATCH"],
         forbid=["WEIGHT_MISMATCH", "SCORE_TOTAL_MISMATCH", "TABLE_INCOMPLETE", "SUM_MISMATCH"], tolerate=["TARGET_NOT_MET"])
    case("target-count", FAM_PROJECT, "目标26次，完成12次 with full marks.",
         project_doc(dict(BASE, indicators=dict(items=items_with({0: {"level3": "开展道路巡查次数", "target": "26次",
                                                                       "actual": "12次"}})))),
         T, A, expect=["TARGET_NOT_MET"], forbid=["WEIGHT_MISMATCH", "SCORE_TOTAL_MISMATCH", "TABLE_INCOMPLETE"])
    case("target-unit-column", FAM_PROJECT, "Target 95 with % in the 计量单位 column, actual 80, full marks.",
         project_doc(dict(BASE, indicators=dict(keys=EXTRA_KEYS, items=items_with({1: {"actual": "80", "coef": "1"}},
                                                                                 unit_column_items())))),
         T, A, expect=["TARGET_NOT_MET"], forbid=["WEIGHT_MISMATCH", "SCORE_TOTAL_MISMATCH", "TABLE_INCOMPLETE"])
    case("target-amount", FAM_PROJECT, "Cost target ≤4.2万元 with an actual of 4.6万元 and full marks.",
         project_doc(dict(BASE, indicators=dict(items=items_with({3: {"actual": "4.6万元"}})))),
         T, A, expect=["TARGET_NOT_MET"], forbid=["WEIGHT_MISMATCH", "SCORE_TOTAL_MISMATCH", "TABLE_INCOMPLETE"])
    case("weights-110", FAM_PROJECT, "Weights add up to 110 under 总分 100, every score full.",
         project_doc(dict(BASE, indicators=dict(items=items_with({4: {"weight": "25", "score": "25"}, 6: {"score": "10"}}),
                                                total=("100", "100")))),
         T, A, expect=["WEIGHT_MISMATCH"], forbid=["TABLE_INCOMPLETE", "SUM_MISMATCH"],
         tolerate=["SCORE_TOTAL_MISMATCH", "DEVIATION_UNEXPLAINED", "TARGET_NOT_MET"])
    case("level1-repeated-clean", FAM_PROJECT,
         "Level-1 labels repeated on every row (not merged): 效益指标 on two rows (15 + 15) is one group of 30.",
         project_doc(dict(BASE, indicators=dict(level1="repeat"))), T, A, clean=True)
    case("level1-weight-label-clean", FAM_PROJECT, "Level-1 labels with their weight: 产出指标（50分）, merged.",
         project_doc(dict(BASE, indicators=dict(level1_style="weight_in_label"))), T, A, clean=True)
    case("level1-weight-below-clean", FAM_PROJECT, "Level-1 labels with the weight on a line of its own: 效益指标 / (30分), repeated.",
         project_doc(dict(BASE, indicators=dict(level1_style="weight_below", level1="repeat"))), T, A, clean=True)
    items = items_with({0: {"weight": "10", "score": "10"}})
    case("level1-weight-label-wrong", FAM_PROJECT, "产出指标（50分）: its rows add up to 45.",
         project_doc(dict(BASE, indicators=dict(level1_style="plain", items=[dict(it, level1=("产出指标（50分）" if it["level1"] == "产出指标" else it["level1"])) for it in items]))),
         T, A, expect=["WEIGHT_MISMATCH"], forbid=["TABLE_INCOMPLETE", "SUM_MISMATCH", "SCORE_TOTAL_MISMATCH"])
    case("placeholders-clean", FAM_PROJECT, "Unfilled template rows (指标1, ……, /, 指标2：) left in the table.",
         project_doc(dict(BASE, indicators=dict(items=with_placeholders(base_items())))), T, A, clean=True)
    case("placeholders-weights-110", FAM_PROJECT, "Placeholder rows and weights adding up to 110 under 总分 100.",
         project_doc(dict(BASE, indicators=dict(items=with_placeholders(items_with({4: {"weight": "25", "score": "25"}})),
                                                total=("100", "98.6")))),
         T, A, expect=["WEIGHT_MISMATCH"], forbid=["TABLE_INCOMPLETE"], tolerate=["SCORE_TOTAL_MISMATCH"])
    case("placeholders-score-total", FAM_PROJECT, "Placeholder rows and a 总分 score that is not the sum (96.6 for 98.6).",
         project_doc(dict(BASE, indicators=dict(items=with_placeholders(base_items()), total=("100", "96.6")))),
         T, A, expect=["SCORE_TOTAL_MISMATCH"], forbid=["TABLE_INCOMPLETE", "WEIGHT_MISMATCH"])
    case("score-over-weight", FAM_PROJECT, "A score of 12 under a weight of 10.",
         project_doc(dict(BASE, indicators=dict(items=items_with({2: {"score": "12"}}), total=("100", "100.6")))),
         T, A, expect=["SCORE_OVER_WEIGHT"], forbid=["TABLE_INCOMPLETE", "WEIGHT_MISMATCH", "SUM_MISMATCH"])
    case("deviation-unexplained", FAM_PROJECT, "8 of 10 points with 无偏差 as the reason, every actual meeting its target.",
         project_doc(dict(BASE, indicators=dict(items=items_with({3: {"score": "8"}})))),
         T, A, expect=["DEVIATION_UNEXPLAINED"], forbid=["TABLE_INCOMPLETE", "WEIGHT_MISMATCH", "SCORE_TOTAL_MISMATCH"])
    # ---- incomplete ----------------------------------------------------------
    case("cutoff-before-satisfaction", FAM_PROJECT, "The table stops before 满意度指标 and 总分; the document ends there.",
         project_doc(dict(BASE, indicators=dict(stop=6))), T, A, expect=["TABLE_INCOMPLETE"],
         forbid=[c for c in ALL_CODES if c != "TABLE_INCOMPLETE"])
    case("cutoff-mid-group", FAM_PROJECT, "The table stops inside 效益指标 (one of its two rows).",
         project_doc(dict(BASE, indicators=dict(stop=5)), after=("填报人：", )), T, A, expect=["TABLE_INCOMPLETE"],
         forbid=[c for c in ALL_CODES if c != "TABLE_INCOMPLETE"])
    half = [dict(it, score="", actual="", note="") for it in base_items()]
    case("half-filled", FAM_PROJECT, "Template half filled: funds and targets filled, actuals, scores and 总分 score left empty.",
         project_doc(dict(BASE, funds=dict(rows=[["年度资金总额", "50", "52.5", "", "10", "", ""],
                                                 ["其中：当年财政拨款", "50", "50", "", "", "", ""],
                                                 ["上年结转资金", "", "2.5", "", "", "", ""],
                                                 ["其他资金", "", "", "", "", "", ""]]),
                          indicators=dict(items=with_placeholders(half), total=("100", "")))), T, A,
         expect=["TABLE_INCOMPLETE"], forbid=[c for c in ALL_CODES if c != "TABLE_INCOMPLETE"])
    # ---- titles / identity variants -----------------------------------------
    case("title-unit-first-clean", FAM_PROJECT, "Title with the unit first, year in a （2022年度） line, funds in 元.",
         project_doc(dict(BASE, funds=dict(headers=["项目资金（元）"] + FUNDS_HEADERS["national"][1:], rows=[
             ["年度资金总额", "500000", "525000", "504000", "10", "96%", "9.6"],
             ["其中：当年财政拨款", "500000", "500000", "484000", "—", "96.8%", "—"],
             ["上年结转资金", "", "25000", "20000", "—", "80%", "—"],
             ["其他资金", "", "", "", "—", "", "—"]])),
             title_lines=("清河县交通运输局项目支出绩效自评表", "（2022年度）")), T, A, clean=True)
    case("funds-two-row-header-clean", FAM_PROJECT,
         "Funds block with a two-row header: 预算数 over 年初预算数 / 全年预算数, the other headers merged down.",
         project_doc(dict(BASE, funds=dict(two_row=True))), T, A, clean=True)
    case("funds-two-row-header-rate", FAM_PROJECT, "Two-row funds header; 上年结转资金 rate 100% for 2 ÷ 2.5.",
         project_doc(dict(BASE, funds=dict(two_row=True, rows=with_funds_row(BASE_FUNDS, 2, 5, "100%")))), T, A,
         expect=["RATE_MISMATCH"], forbid=["SUM_MISMATCH", "WEIGHT_MISMATCH", "TABLE_INCOMPLETE", "SCORE_TOTAL_MISMATCH"])
    below = [["其中：当年财政拨款", "50", "50", "48.4", "—", "96.8%", "—"],
             ["上年结转资金", "", "2.5", "2", "—", "80%", "—"],
             ["合计", "50", "52.5", "50.4", "10", "96%", "9.6"]]
    case("funds-total-below-clean", FAM_PROJECT, "Funds block whose 合计 row comes below its parts, scores with 分.",
         project_doc(dict(BASE, funds=dict(headers="ratio", rows=below), indicators=dict(total=("100", "98.6")))),
         T, A, clean=True)
    case("funds-total-below-sum", FAM_PROJECT, "合计 below its parts: 全年执行数 50.4 where 48.4 + 2.5 = 50.9.",
         project_doc(dict(BASE, funds=dict(headers="ratio", rows=with_funds_row(below, 1, 3, "2.5")),
                          indicators=dict(total=("100", "98.6")))),
         T, A, expect=["SUM_MISMATCH"], forbid=["WEIGHT_MISMATCH", "TABLE_INCOMPLETE", "SCORE_TOTAL_MISMATCH"],
         tolerate=["RATE_MISMATCH"])
    # ---- 整体支出自评表 ---------------------------------------------------------
    W = "部门整体支出绩效自评表"
    B = "清河县档案馆"
    case("whole-clean", FAM_WHOLE, "部门整体支出绩效自评表 with 部门（单位）名称, funds by 基本支出 / 项目支出.",
         project_doc(dict(WHOLE, funds=dict(rows=WHOLE_FUNDS), indicators=dict(items=whole_items())),
                     title_lines=("2022年度清河县档案馆部门整体支出绩效自评表",)), W, B, clean=True)
    case("whole-old-scheme-clean", FAM_WHOLE,
         "整体支出自评表 of the older scheme: 决策 / 过程 / 产出 / 效益 as level-1 (15 / 25 / 30 / 30), funds block without 分值/得分.",
         project_doc(dict(WHOLE, funds=dict(headers=["年度预算资金（万元）"] + FUNDS_HEADERS["national"][1:], order=["label", "initial", "full", "executed", "rate"],
                                            rows=WHOLE_FUNDS),
                          indicators=dict(items=old_scheme_items(), level1="repeat")),
                     title_lines=("部门整体支出绩效自评表", "（2022年度）")), W, B, clean=True)
    case("whole-sum-nature", FAM_WHOLE, "基本支出 + 项目支出 (286.4 + 44.8) is not the 全年执行数 331.2 of the total (written 333.2).",
         project_doc(dict(WHOLE, funds=dict(rows=with_funds_row(WHOLE_FUNDS, 0, 3, "333.2")), indicators=dict(items=whole_items())),
                     title_lines=("2022年度清河县档案馆部门整体支出绩效自评表",)), W, B, expect=["SUM_MISMATCH"],
         forbid=["WEIGHT_MISMATCH", "TABLE_INCOMPLETE", "SCORE_TOTAL_MISMATCH"], tolerate=["RATE_MISMATCH", "EXECUTION_SCORE_MISMATCH", "FIGURE_CONFLICT"])
    case("whole-weights-rule", FAM_WHOLE, "产出 40 / 效益 40 where the national rule says 50 / 30.",
         project_doc(dict(WHOLE, funds=dict(rows=WHOLE_FUNDS),
                          indicators=dict(items=items_with({0: {"weight": "10", "score": "10"}, 3: {"weight": "25", "score": "25"}}, whole_items()))),
                     title_lines=("2022年度清河县档案馆部门整体支出绩效自评表",)), W, B, expect=["WEIGHT_MISMATCH"],
         forbid=["TABLE_INCOMPLETE", "SUM_MISMATCH", "SCORE_TOTAL_MISMATCH"])
    # ---- 整体支出 report ---------------------------------------------------------
    R = "清河县档案馆2022年度部门整体支出绩效自评报告"
    case("report-clean", FAM_REPORT, "部门整体支出绩效自评报告 with every template section and its 自评表.",
         report_doc(), R, B, clean=True)
    sections = copy.deepcopy(REPORT_SECTIONS)
    sections[5] = (sections[5][0], [sections[5][1][0], "根据《部门整体支出绩效自评表》，本单位自评得分99.87分，等级为“良”。"])
    case("report-grade", FAM_REPORT, "自评得分99.87分 with the grade 良.", report_doc(sections), R, B,
         expect=["GRADE_MISMATCH"], forbid=["SECTION_MISSING", "TABLE_INCOMPLETE", "WEIGHT_MISMATCH", "SUM_MISMATCH"])
    sections = copy.deepcopy(REPORT_SECTIONS)
    sections[5] = (sections[5][0], [sections[5][1][0], "根据《部门整体支出绩效自评表》，本单位自评得分97.5分，等级为“优”。"])
    case("report-score-narrative", FAM_REPORT, "The narrative's 自评得分 97.5 against 99.87 in the table.",
         report_doc(sections), R, B, expect=["SCORE_TOTAL_MISMATCH"],
         forbid=["SECTION_MISSING", "TABLE_INCOMPLETE", "WEIGHT_MISMATCH", "SUM_MISMATCH"])
    case("report-cut-mid-sentence", FAM_REPORT, "The report ends in the middle of section 六, mid-sentence.",
         report_doc(cut=("全年完成", "全年完成馆藏档案数字化加工，接待查档群众3420人次，并按照档案安全管理要求对库房设施进行了")), R, B,
         expect=["TABLE_INCOMPLETE"], forbid=[c for c in ALL_CODES if c != "TABLE_INCOMPLETE"])
    # ---- bundle ----------------------------------------------------------------
    C = "清河县民政局关于报送2023年度项目支出绩效自评情况的报告"
    case("bundle-clean", FAM_BUNDLE, "Cover letter and two project tables with different figures: each checked on its own.",
         bundle_doc(dict(BASE), bundle_second()), C, "清河县民政局", clean=True)
    second = bundle_second()
    second["funds"]["rows"] = with_funds_row(second["funds"]["rows"], 1, 5, "96%")
    case("bundle-defect-second", FAM_BUNDLE, "Two project tables; the second one's 当年财政拨款 rate is 96% for 30 ÷ 30.",
         bundle_doc(dict(BASE), second), C, "清河县民政局", expect=["RATE_MISMATCH"],
         forbid=["SCORE_TOTAL_MISMATCH", "WEIGHT_MISMATCH", "SUM_MISMATCH", "TABLE_INCOMPLETE", "EXECUTION_SCORE_MISMATCH",
                 "FIGURE_CONFLICT"])
    second = bundle_second()
    second["indicators"]["stop"] = 3
    case("bundle-cutoff-second", FAM_BUNDLE, "Two project tables; the second stops after three indicators.",
         bundle_doc(dict(BASE), second), C, "清河县民政局", expect=["TABLE_INCOMPLETE"],
         forbid=[c for c in ALL_CODES if c != "TABLE_INCOMPLETE"])
    first = dict(BASE, indicators=dict(items=base_items(), total=("100", "97.6")))
    case("bundle-score-first", FAM_BUNDLE, "Two project tables; the first one's 总分 is 97.6 for items adding up to 98.6.",
         bundle_doc(first, bundle_second()), C, "清河县民政局", expect=["SCORE_TOTAL_MISMATCH"],
         forbid=["WEIGHT_MISMATCH", "SUM_MISMATCH", "TABLE_INCOMPLETE", "RATE_MISMATCH"])
    # ---- 总结报告 ---------------------------------------------------------------
    S_ = "清河县农业农村局2023年度高标准农田建设项目支出绩效自评总结报告"
    summary = [para(S_, "Title"),
               g.p_xml("一、项目基本情况", style="Heading1"),
               para("高标准农田建设项目由清河县农业农村局组织实施，2023年度新建高标准农田1.2万亩。"),
               g.p_xml("二、项目资金使用情况", style="Heading1"),
               para("项目全年预算120万元，全年实际支出118.8万元，预算执行率99%。"),
               g.p_xml("三、绩效目标完成情况", style="Heading1"),
               para("项目完成新建高标准农田1.2万亩，工程验收合格率100%，项目自评得分96分，等级为“优”。"),
               g.p_xml("四、存在的问题及改进措施", style="Heading1"),
               para("部分工程结算审核时间较长，下一步将提前开展结算审核。")]
    case("summary-clean", FAM_SUMMARY, "项目支出绩效自评总结报告: narrative only, figures consistent.", summary, S_,
         "清河县农业农村局", clean=True)
    summary_grade = copy.deepcopy(summary)
    summary_grade[6] = para("项目完成新建高标准农田1.2万亩，工程验收合格率100%，项目自评得分86分，等级为“优”。")
    case("summary-grade", FAM_SUMMARY, "总结报告 with 自评得分86分 and grade 优.", summary_grade, S_, "清河县农业农村局",
         expect=["GRADE_MISMATCH"], forbid=["SUM_MISMATCH", "FIGURE_CONFLICT", "SECTION_MISSING", "TABLE_INCOMPLETE"])
    # ---- 决算公开 ---------------------------------------------------------------
    F = "清河县交通运输局2023年度部门决算公开说明"
    final = [para(F, "Title"),
             g.p_xml("一、部门基本情况", style="Heading1"),
             para("清河县交通运输局负责全县公路建设、养护和道路运输管理工作。"),
             g.p_xml("二、收入支出决算总体情况说明", style="Heading1"),
             para("2023年度收入总计1268.4万元，支出总计1268.4万元。"),
             g.p_xml("三、绩效评价工作开展情况", style="Heading1"),
             para("本部门对2023年度乡村道路养护工程项目开展了绩效自评，自评结果如下。"),
             para("项目支出绩效自评表", "center"), para("（2023年度）", "center")]
    rows, ncols = project_table(dict(BASE))
    case("final-clean", FAM_FINAL, "部门决算公开说明 with a 项目支出绩效自评表.", final + [table_xml(rows, ncols)], F, A, clean=True)
    rows, ncols = project_table(dict(BASE, funds=dict(headers="decorated", rows=[
        ["年度资金总额", "50", "52.5", "50.4", "10", "96", "9.6"],
        ["其中：当年财政拨款", "50", "50", "48.4", "/", "96.8", "/"],
        ["上年结转资金", "", "2.5", "2.5", "/", "80", "/"],
        ["其他资金", "", "", "", "/", "", "/"]])))
    case("final-funds-defect", FAM_FINAL, "决算公开 report whose table's 上年结转资金 rate is 80% for 2.5 ÷ 2.5 and whose executed sum is 50.9 for 50.4.",
         final + [table_xml(rows, ncols)], F, A, expect=["RATE_MISMATCH", "SUM_MISMATCH"],
         forbid=["WEIGHT_MISMATCH", "TABLE_INCOMPLETE", "SCORE_TOTAL_MISMATCH", "FIGURE_CONFLICT"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-pdf", action="store_true")
    a = ap.parse_args()
    define_cases()
    more_cases()
    paths = []
    listed = []
    for c in CASES:
        path = os.path.join(HERE, c["name"] + ".docx")
        write_docx(path, c["title"], c["blocks"], c["author"])
        paths.append(path)
        listed.append({k: c[k] for k in ("name", "family", "description", "expect", "forbid", "tolerate")})
        listed[-1]["file"] = "templates/" + c["name"]
    if not a.no_pdf:
        g.to_pdf(paths, HERE)
    with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
        json.dump({"family": "templates", "about": "Self-evaluation tables from other templates "
                   "(corpus/templates/generate.py); clean controls forbid every code.",
                   "variants": listed}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("templates:", len(paths))


if __name__ == "__main__":
    main()
