#!/usr/bin/python3
"""The same reports as PDFs of every producer Debian offers (corpus/producers/).

    /usr/bin/python3 corpus/producers/make_producers.py              # the committed set
    /usr/bin/python3 corpus/producers/make_producers.py --out DIR --all
        # every seed variant too, into DIR (for bench/pdf_fidelity.py; not committed)

Documents (each DOCX once, its PDFs once per producer, named DOC.PRODUCER.pdf):

  seed-split     the seed report with Word's default for table rows (a row may
                 break across a page), so rows of 附件2 and 附件5 continue on the
                 next page;
  tall-rows      an indicator table whose rows are taller than what is left of
                 the page (several columns continue, a vertically merged 一级指标
                 runs over the break, the header row repeats), a second table
                 that does not repeat its header, a two-line title, paragraphs
                 running over page breaks;
  merged-cells, two-column
                 copies of corpus/pdf-features documents;
  VARIANT-split  with --all only: every variant of corpus/variants.json, rows
                 allowed to split (a planted defect each).

Producers:

  lo        LibreOffice  soffice --convert-to pdf (the DOCX)
  chromium  Chromium (Skia)  soffice --convert-to html, then
            chromium --headless --print-to-pdf (no header/footer)
  cairo     pdftocairo -pdf of the LibreOffice PDF
  gs        Ghostscript gs -sDEVICE=pdfwrite of the LibreOffice PDF

Every PDF's DOC.expected.txt is the DOCX dump (generate.dump_docx), the text an
extractor must give. Dates and document IDs are overwritten with fixed values
(SOURCE_DATE_EPOCH is set too), so a rerun with the same tools gives the same
bytes; qpdf then packs each PDF (object streams, zlib level 9). Needs what
corpus/generate.py needs plus chromium, ghostscript, poppler-utils and qpdf.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
sys.path.insert(0, CORPUS)
import generate as g  # noqa: E402

PRODUCERS = ["lo", "chromium", "cairo", "gs"]
FEATURES = ["merged-cells", "two-column"]


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------

def tall_rows_spec():
    """Invented indicator table with tall rows (figures and names invented)."""
    filler = [
        "城南区科学技术协会是区委领导下的群团组织，是党和政府联系科技工作者的桥梁和纽带。"
        "本单位内设机构3个，为办公室、学会工作部、科普部，编制人数12人，实有人数11人。",
        "2024年，本单位围绕科技服务和全民科学素质提升，组织开展科普进社区、进校园、进企业活动，"
        "全年实际支出136.5万元，预算执行率为97.5%，年度绩效目标基本完成，公众科学素质达标率为"
        "15.2%，科普活动参与人次较上年增长12%，服务对象满意度为95%。",
        "资金管理方面，严格执行财务管理制度和内部控制制度，专款专用，未发现截留、挤占、挪用资金的情况。"
        "政府采购按规定程序办理，资产登记入账及时，账实相符。",
        "存在的问题：一是部分项目前期论证不够充分，预算编制的精细化程度有待提高；二是绩效目标设置"
        "不够细化量化，部分指标难以考核；三是绩效评价结果的运用还需加强，与预算安排的衔接不够紧密，"
        "下一步将进一步完善绩效管理制度，提升资金使用效益，确保年度目标全面完成，资金执行率不低于95%。",
    ]
    long_reason = ("受疫情后场馆改造影响，上半年部分科普活动延期至下半年举办，"
                   "下半年集中开展了科普大篷车巡展、青少年科技创新大赛和科普讲解大赛等活动，"
                   "全年活动场次略低于年度目标；已在2025年计划中补足并加强活动的统筹安排，"
                   "同时建立活动台账，按月调度进度，确保年度目标如期完成。")
    long_target = ("组织科普进社区、进校园、进企业活动，覆盖全区8个街道和26所中小学，"
                   "每季度至少举办一次大型科普主题活动，全年累计举办科普活动不少于50场，"
                   "参与人次不少于3万人次，并建立活动档案备查。")
    rows = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["预算执行率", "99.2%", "97.5%", "10", "10", "无偏差"],
        ["产出指标（50分）", "数量指标", "科普活动场次", long_target, "46场", "20", "18", long_reason],
        [None, "质量指标", "活动达标率", "≥90%", "96%", "10", "10", "无偏差"],
        [None, "时效指标", "完成时限", "2024年12月31日前", "2024年12月25日", "10", "10", "无偏差"],
        [None, "成本指标", "成本控制率", "≤100%", "98.2%", "10", "10", "无偏差"],
        ["效益指标（30分）", "社会效益指标", "公众科学素质达标率", "≥15%", "15.2%", "15", "15", long_reason[:60] + "。"],
        [None, "可持续影响指标", "科普阵地长效运行", long_target, "长效运行", "15", "14", long_reason],
        ["满意度指标（10分）", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", "10", "10", "无偏差"],
    ]
    grid = [1000, 1000, 1100, 1600, 1000, 520, 520, 2330]
    table2 = [
        ["序号", "工作任务", "完成情况"],
        ["1", "科普基础设施建设", long_target + long_reason],
        ["2", "学会能力提升", "指导所属学会完成年检，开展学术交流活动12场，" + long_reason],
        ["3", "科技工作者服务", "走访慰问科技工作者86人次，推荐评选优秀科技工作者10名。"],
    ]
    blocks = [g.p_xml("2024年度城南区科学技术协会科普惠民工程项目支出绩效自评报告及年度绩效目标完成情况说明",
                      style="Title")]
    blocks += [g.p_xml(t, ppr_extra=g.BODY_IND) for t in filler + filler[:2]]
    blocks.append(g.p_xml("一、绩效指标完成情况", style="Heading1"))
    spans = [None, [3, 1, 1, 1, 1, 1]] + [None] * (len(rows) - 2)
    blocks.append(g.simple_table(rows, grid, spans, header_rows=1, half_points=18))
    blocks.append(g.p_xml(""))  # keeps the dump unambiguous: text after a table
    blocks += [g.p_xml(t, ppr_extra=g.BODY_IND) for t in filler[1:3]]
    blocks.append(g.p_xml("二、重点工作完成情况", style="Heading1"))
    blocks.append(g.simple_table(table2, [900, 2400, 5770], header_rows=0))
    blocks.append(g.p_xml(""))
    blocks += [g.p_xml(t, ppr_extra=g.BODY_IND) for t in filler]
    return {"title": "2024年度城南区科学技术协会科普惠民工程项目支出绩效自评报告",
            "header": None, "footer": "page", "blocks": blocks}


def make_docx_tall_rows(path):
    spec = tall_rows_spec()
    doc = g.new_document(spec["title"], spec["header"], spec["footer"])
    for b in spec["blocks"]:
        g.body_append(doc, b)
    g.save_deterministic(doc, path)


def make_docx_variant(name, text, path):
    g.render_report(text, path, g.SEED_TITLE, g.SEED_HEADER, cant_split=False)


# --------------------------------------------------------------------------
# Producers
# --------------------------------------------------------------------------

def run(cmd, **kw):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1743411600", TZ="UTC")
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=600, env=env, **kw)


def soffice(docx_paths, fmt, outdir):
    prof = tempfile.mkdtemp(prefix="jixiao-lo-")
    try:
        run(["soffice", "-env:UserInstallation=file://" + prof, "--headless",
             "--convert-to", fmt, "--outdir", outdir] + list(docx_paths))
    finally:
        shutil.rmtree(prof, ignore_errors=True)


def normalise(path):
    """Fixed dates and IDs of the same length (offsets stay valid)."""
    with open(path, "rb") as f:
        data = f.read()
    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})",
                  lambda m: m.group(1) + b"20250331090000", data)
    data = re.sub(rb"(<xmp:\w+Date>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d",
                  lambda m: m.group(1) + b"2025-03-31T09:00:00", data)
    data = re.sub(rb"uuid:[0-9a-fA-F-]{36}", lambda m: b"uuid:" + b"0" * 36, data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]",
                  lambda m: re.sub(rb"<[0-9A-Fa-f]+>", lambda h: b"<" + b"0" * (len(h.group(0)) - 2) + b">",
                                   m.group(0)), data)
    data = re.sub(rb"/DocChecksum /[0-9A-Fa-f]+",
                  lambda m: b"/DocChecksum /" + b"0" * (len(m.group(0)) - 14), data)
    with open(path, "wb") as f:
        f.write(data)


def produce(docx_by_name, outdir, producers):
    """docx_by_name: {name: docx path}. Writes outdir/NAME.PRODUCER.pdf."""
    tmp = tempfile.mkdtemp(prefix="jixiao-producers-")
    try:
        names = sorted(docx_by_name)
        staged = []
        for n in names:
            p = os.path.join(tmp, n + ".docx")
            shutil.copy(docx_by_name[n], p)
            staged.append(p)
        soffice(staged, "pdf", tmp)
        if "chromium" in producers:
            soffice(staged, "html", tmp)
        for n in names:
            lo = os.path.join(tmp, n + ".pdf")
            out = {pr: os.path.join(outdir, "%s.%s.pdf" % (n, pr)) for pr in producers}
            if "lo" in out:
                shutil.copy(lo, out["lo"])
            if "cairo" in out:
                run(["pdftocairo", "-pdf", lo, out["cairo"]])
            if "gs" in out:
                run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                     "-sOutputFile=" + out["gs"], lo])
            if "chromium" in out:
                prof = tempfile.mkdtemp(prefix="jixiao-chromium-")
                try:
                    run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                         "--user-data-dir=" + prof, "--no-pdf-header-footer",
                         "--print-to-pdf=" + out["chromium"],
                         "file://" + os.path.join(tmp, n + ".html")])
                finally:
                    shutil.rmtree(prof, ignore_errors=True)
            for pr, p in out.items():
                if not os.path.exists(p):
                    raise SystemExit("%s did not produce %s" % (pr, p))
                normalise(p)
                # object streams and recompression: Chromium's PDFs shrink by half
                run(["qpdf", "--deterministic-id", "--object-streams=generate", "--recompress-flate",
                     "--compression-level=9", p, p + ".tmp"])
                os.replace(p + ".tmp", p)
                print("  %-40s %3d pages %7d bytes" % (os.path.basename(p), g.pdf_pages(p),
                                                       os.path.getsize(p)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# What the checks must find on every producer's PDF: the seed's lists (its
# expect/forbid in corpus/variants.json), and for tall-rows, whose weights add
# up (10 + 50 + 30 + 10) and whose lower scores give reasons, no weight, score
# or deviation finding: a phantom row or a row cut in two would give one.
TALL_ROWS_FORBID = ["WEIGHT_MISMATCH", "SCORE_TOTAL_MISMATCH", "SCORE_OVER_WEIGHT",
                    "DEVIATION_UNEXPLAINED", "SUM_MISMATCH", "FIGURE_CONFLICT", "NUMBERING_BROKEN"]


def write_cases(out, producers):
    with open(g.VARIANTS_JSON, encoding="utf-8") as f:
        seed = [v for v in json.load(f)["variants"] if v["name"] == "seed"][0]
    cases = []
    for pr in producers:
        cases.append({"name": "seed-split." + pr, "file": "producers/seed-split." + pr,
                      "description": "the seed with table rows allowed to split over pages, PDF by " + pr,
                      "expect": seed["expect"], "forbid": seed["forbid"],
                      "tolerate": seed.get("tolerate", []), "formats": ["pdf"]})
        cases.append({"name": "tall-rows." + pr, "file": "producers/tall-rows." + pr,
                      "description": "indicator table whose rows run over page breaks, PDF by " + pr,
                      "expect": [], "forbid": TALL_ROWS_FORBID, "formats": ["pdf"]})
    with open(os.path.join(out, "cases.json"), "w", encoding="utf-8") as f:
        json.dump({"family": "producers", "about": "The same reports as PDFs of other producers "
                   "(corpus/producers/make_producers.py): the checks must give what they give on "
                   "the DOCX.", "variants": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--all", action="store_true", help="every seed variant too (rows split)")
    ap.add_argument("--producers", default=",".join(PRODUCERS))
    ap.add_argument("--margins", type=int, default=0,
                    help="also the seed and tall-rows with N other top/bottom margins (page breaks "
                         "falling elsewhere), for the bench")
    ap.add_argument("--margin-step", type=int, default=173, help="twips added per --margins step")
    a = ap.parse_args()
    producers = [p for p in a.producers.split(",") if p]
    os.makedirs(a.out, exist_ok=True)
    texts, order = g.variant_texts()
    docs = {}
    work = tempfile.mkdtemp(prefix="jixiao-producers-docx-")
    try:
        wanted = ["seed"] + (order if a.all else [])
        for name in dict.fromkeys(wanted):
            out_name = name + "-split"
            path = os.path.join(work, out_name + ".docx")
            make_docx_variant(name, texts[name], path)
            docs[out_name] = path
        tall = os.path.join(a.out, "tall-rows.docx")
        make_docx_tall_rows(tall)
        docs["tall-rows"] = tall
        margin = g.MARGIN_TB
        for k in range(1, a.margins + 1):
            g.MARGIN_TB = margin + a.margin_step * k  # twips (173: 8.65 pt more each time)
            for name, make in (("seed-split", lambda p: make_docx_variant("seed", texts["seed"], p)),
                               ("tall-rows", make_docx_tall_rows)):
                path = os.path.join(work, "%s-m%d.docx" % (name, k))
                make(path)
                docs["%s-m%d" % (name, k)] = path
        g.MARGIN_TB = margin
        for f in FEATURES:
            docs[f] = os.path.join(CORPUS, "pdf-features", f + ".docx")
        for name, path in docs.items():
            with open(os.path.join(a.out, name + ".expected.txt"), "w", encoding="utf-8") as fh:
                fh.write(g.dump_docx(path))
            if os.path.dirname(os.path.abspath(path)) != os.path.abspath(a.out):
                shutil.copy(path, os.path.join(a.out, name + ".docx"))
        produce(docs, a.out, producers)
        if not a.all:
            write_cases(a.out, producers)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
