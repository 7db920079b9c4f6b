// The reviewers' decisions in the run folder's reports, and the static
// outputs for those who only open files: a decision recorded in the archive
// reaches findings.csv, report.xlsx and report.html; survives a resumed run,
// a new version's run (a flag that disappears keeps its history, marked),
// shards and merge; report.html has its overview, filters, collapsible
// documents, marked figures and links to the original files; report.xlsx
// lists the worst documents first, with widths, wrapping and a sheet of
// inputs that were not screened. A fake screener (content decides) stands
// in for the real one.
#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "pipeline/archive/archive.h"
#include "pipeline/archive/reviews.h"
#include "pipeline/batch/csv.h"
#include "pipeline/batch/merge.h"
#include "pipeline/batch/runner.h"

namespace jixiao::batch {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

bool g_drop_second = false;  // the "new version" no longer raises the second finding

std::string ReadAll(const fs::path& p) {
  std::string s;
  EXPECT_TRUE(ReadWholeFile(p.string(), &s).ok()) << p;
  return s;
}

// "FIND": two findings with figures; "BAD": a failure; else clean.
ScreenResult FakeScreen(const std::string& path, const ScreenOptions&) {
  const std::string content = ReadAll(path);
  ScreenResult r;
  r.doc.source.path = path;
  r.doc.source.format = path.substr(path.size() - 4) == ".pdf" ? "pdf" : "docx";
  Block b;
  b.text = "预算资金24万元，实际支出20万元。" + content;
  r.doc.blocks.push_back(b);
  r.report.file = path;
  r.report.format = r.doc.source.format;
  r.report.jixiao_version = "test";
  r.report.unit = content.find("二中") != std::string::npos ? "第二中学" : "君山区工商业联合会";
  r.report.year = 2024;
  r.report.figures = {"24", "20", "83.33", "88", "良"};
  if (content.rfind("BAD", 0) == 0) {
    r.doc.status = r.report.status = DocumentStatus::kFailed;
    r.report.code = Status::Code::kInvalidInput;
    r.report.reason = "文件已损坏或不是 DOCX（不是有效的 ZIP 压缩包）";
  }
  if (content.rfind("FIND", 0) == 0) {
    Finding f;
    f.code = "FIGURE_CONFLICT";
    f.severity = FindingSeverity::kError;
    f.message = "预算资金前后不一致";
    f.arithmetic = "24 ≠ 20";
    Evidence e;
    e.quote = "预算资金24万元，实际支出20万元。";
    e.value = "24";
    e.unit = "万元";
    e.block = 0;
    e.prov.page = 2;
    e.place = "正文第1段（第2页）";
    f.evidence.push_back(e);
    r.report.findings.push_back(f);
    if (!g_drop_second) {
      Finding g = f;
      g.code = "TARGET_NOT_MET";
      g.severity = FindingSeverity::kWarning;
      g.message = "实际20万元，未达到目标≥24万元";
      g.evidence[0].value = "20";
      r.report.findings.push_back(g);
    }
  }
  return r;
}

std::string ZipEntry(const fs::path& p, const char* name) {
  int err = 0;
  zip_t* z = zip_open(p.c_str(), ZIP_RDONLY, &err);
  if (!z) return "";
  std::string data;
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) == 0) {
    data.assign(st.size, '\0');
    zip_file_t* f = zip_fopen(z, name, 0);
    if (f) {
      zip_fread(f, data.data(), st.size);
      zip_fclose(f);
    }
  }
  zip_close(z);
  return data;
}

class ReviewReportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("jixiao_review_reports_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "in");
    g_drop_second = false;
  }
  void TearDown() override { fs::remove_all(root_); }
  void Put(const std::string& rel, const std::string& content) {
    std::ofstream(root_ / "in" / rel, std::ios::binary) << content;
  }
  RunOptions Options(const std::string& out = "out") {
    RunOptions o;
    o.paths = {(root_ / "in").string()};
    o.out_dir = (root_ / out).string();
    o.jobs = 1;
    o.version = "test";
    o.progress = 0;
    o.progress_interval = 1000;
    return o;
  }
  void Run(const RunOptions& o) {
    RunSummary sum;
    ASSERT_TRUE(RunBatch(o, FakeScreen, &sum).ok());
  }
  // finding code -> id, from findings.jsonl.
  std::map<std::string, std::string> Ids(const std::string& out = "out") {
    std::map<std::string, std::string> ids;
    std::istringstream in(ReadAll(root_ / out / "findings.jsonl"));
    for (std::string line; std::getline(in, line);) {
      const Json report = Json::parse(line);
      for (const auto& f : report["findings"]) ids[f["code"].get<std::string>()] = f["id"].get<std::string>();
    }
    return ids;
  }
  void Review(const std::string& out, const std::string& id, archive::Decision d, const std::string& comment,
              const std::string& who) {
    std::unique_ptr<archive::Archive> a;
    ASSERT_TRUE(archive::Archive::Open((root_ / out / "archive.sqlite").string(), &a).ok());
    archive::Reviews reviews(a.get());
    ASSERT_TRUE(reviews.Record(id, d, comment, who, nullptr).ok());
  }
  // findings.csv rows by code.
  std::map<std::string, std::vector<std::string>> FindingsCsv(const std::string& out = "out") {
    auto rows = ParseCsv(ReadAll(root_ / out / "findings.csv"));
    std::map<std::string, std::vector<std::string>> by_code;
    for (size_t i = 1; i < rows.size(); ++i) by_code[rows[i][4]] = rows[i];
    return by_code;
  }
  fs::path root_;
};

TEST_F(ReviewReportsTest, ADecisionReachesEveryReportAndSurvivesAResumedRun) {
  Put("a.pdf", "FIND 君山");
  Put("b.docx", "GOOD");
  Run(Options());
  auto ids = Ids();
  ASSERT_EQ(ids.size(), 2u);
  auto header = ParseCsv(ReadAll(root_ / "out" / "findings.csv"))[0];
  ASSERT_EQ(header.size(), 13u);
  EXPECT_EQ(header[9], "发现编号");
  EXPECT_EQ(header[10], "复核结论");
  EXPECT_EQ(header[11], "复核人");
  EXPECT_EQ(header[12], "备注");
  EXPECT_EQ(FindingsCsv()["FIGURE_CONFLICT"][9], ids["FIGURE_CONFLICT"]);
  EXPECT_EQ(FindingsCsv()["FIGURE_CONFLICT"][10], "");

  Review("out", ids["FIGURE_CONFLICT"], archive::Decision::kConfirmed, "=核对原件第2页，属实", "张三");
  Run(Options());  // resumed: nothing screened again, the reports rewritten
  EXPECT_EQ(Ids(), ids);
  auto csv = FindingsCsv();
  EXPECT_EQ(csv["FIGURE_CONFLICT"][10], "确认");
  EXPECT_EQ(csv["FIGURE_CONFLICT"][11], "张三");
  EXPECT_EQ(csv["FIGURE_CONFLICT"][12], "=核对原件第2页，属实");  // read back as given ...
  // ... and written safe against formula injection.
  EXPECT_NE(ReadAll(root_ / "out" / "findings.csv").find("'=核对原件"), std::string::npos);
  EXPECT_EQ(csv["TARGET_NOT_MET"][10], "");
  const std::string html = ReadAll(root_ / "out" / "report.html");
  EXPECT_NE(html.find("复核：确认 · 张三"), std::string::npos);
  EXPECT_NE(html.find("=核对原件第2页，属实"), std::string::npos);
  const std::string sheet = ZipEntry(root_ / "out" / "report.xlsx", "xl/worksheets/sheet2.xml") +
                            ZipEntry(root_ / "out" / "report.xlsx", "xl/sharedStrings.xml");
  EXPECT_NE(sheet.find("核对原件第2页"), std::string::npos);
  EXPECT_NE(sheet.find(ids["FIGURE_CONFLICT"]), std::string::npos);
}

TEST_F(ReviewReportsTest, ANewVersionKeepsDecisionsAndAFlagThatDisappearedKeepsItsHistory) {
  Put("a.pdf", "FIND");
  Run(Options());
  auto ids = Ids();
  Review("out", ids["FIGURE_CONFLICT"], archive::Decision::kConfirmed, "属实", "张三");
  Review("out", ids["TARGET_NOT_MET"], archive::Decision::kDismissed, "目标口径不同", "李四");
  g_drop_second = true;
  RunOptions next = Options();
  next.version = "test-2";  // everything screened again
  Run(next);
  auto now = Ids();
  EXPECT_EQ(now.size(), 1u);
  EXPECT_EQ(now["FIGURE_CONFLICT"], ids["FIGURE_CONFLICT"]);
  EXPECT_EQ(FindingsCsv()["FIGURE_CONFLICT"][10], "确认");

  std::unique_ptr<archive::Archive> a;
  ASSERT_TRUE(archive::Archive::Open((root_ / "out" / "archive.sqlite").string(), &a).ok());
  archive::Reviews reviews(a.get());
  archive::KnownFinding gone;
  ASSERT_TRUE(reviews.Lookup(ids["TARGET_NOT_MET"], &gone).ok());
  EXPECT_FALSE(gone.present);
  std::vector<archive::ReviewRow> rows;
  ASSERT_TRUE(reviews.Export(false, &rows).ok());
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& r : rows) {
    EXPECT_EQ(r.file, "in/a.pdf");
    EXPECT_EQ(r.finding.present, r.finding.code == "FIGURE_CONFLICT");
  }
}

TEST_F(ReviewReportsTest, ShardsAndMergeKeepIdsAndDecisions) {
  for (int i = 0; i < 8; ++i) Put("doc" + std::to_string(i) + ".pdf", "FIND " + std::to_string(i));
  std::vector<std::string> outs;
  std::map<std::string, std::string> decided;  // id -> reviewer
  for (int k = 0; k < 2; ++k) {
    RunOptions o = Options("shard" + std::to_string(k));
    o.shard_index = k;
    o.shard_count = 2;
    Run(o);
    outs.push_back(o.out_dir);
    const std::string id = Ids("shard" + std::to_string(k))["FIGURE_CONFLICT"];
    Review("shard" + std::to_string(k), id, archive::Decision::kPending, "", "分片" + std::to_string(k));
    decided[id] = "分片" + std::to_string(k);
  }
  // Every id in the merged reports is the one its shard gave.
  std::set<std::string> shard_ids;
  for (int k = 0; k < 2; ++k) {
    std::istringstream in(ReadAll(root_ / ("shard" + std::to_string(k)) / "findings.jsonl"));
    for (std::string line; std::getline(in, line);) {
      const Json report = Json::parse(line);
      for (const auto& f : report["findings"]) shard_ids.insert(f["id"].get<std::string>());
    }
  }
  RunSummary merged;
  ASSERT_TRUE(MergeRuns(outs, (root_ / "merged").string(), &merged).ok());
  std::set<std::string> merged_ids;
  std::istringstream in(ReadAll(root_ / "merged" / "findings.jsonl"));
  for (std::string line; std::getline(in, line);) {
    const Json report = Json::parse(line);
    for (const auto& f : report["findings"]) merged_ids.insert(f["id"].get<std::string>());
  }
  EXPECT_EQ(merged_ids, shard_ids);
  EXPECT_EQ(merged_ids.size(), 16u);
  auto rows = ParseCsv(ReadAll(root_ / "merged" / "findings.csv"));
  int reviewed = 0;
  for (size_t i = 1; i < rows.size(); ++i)
    if (decided.count(rows[i][9])) {
      ++reviewed;
      EXPECT_EQ(rows[i][10], "待核实");
      EXPECT_EQ(rows[i][11], decided[rows[i][9]]);
    }
  EXPECT_EQ(reviewed, 2);
}

TEST_F(ReviewReportsTest, HtmlPageHasOverviewFiltersFoldsMarksAndLinks) {
  Put("君山 报告.pdf", "FIND 君山");
  Put("二中.docx", "GOOD 二中");
  Put("bad.docx", "BAD");
  Run(Options());
  const std::string html = ReadAll(root_ / "out" / "report.html");
  // The overview table: a row per document, linked to its section, the worst first.
  const size_t table = html.find("<div class=\"overview\"><table>");
  ASSERT_NE(table, std::string::npos);
  const size_t first_doc = html.find("<details class=\"doc\"");
  ASSERT_NE(first_doc, std::string::npos);
  EXPECT_LT(table, first_doc);
  const std::string overview = html.substr(table, first_doc - table);
  EXPECT_NE(overview.find("<th>执行率</th>"), std::string::npos);
  EXPECT_NE(overview.find("<td>83.33%</td>"), std::string::npos);
  EXPECT_LT(overview.find("君山区工商业联合会"), overview.find("第二中学"));
  EXPECT_EQ(std::count(html.begin(), html.end(), '\n') > 0, true);
  size_t rows = 0;
  for (size_t p = overview.find("<tr id=\"rd"); p != std::string::npos; p = overview.find("<tr id=\"rd", p + 1)) ++rows;
  EXPECT_EQ(rows, 3u);
  // Filters by code, unit, year, severity and review, filled from the batch.
  for (const char* id : {"id=\"code\"", "id=\"unit\"", "id=\"year\"", "id=\"sev\"", "id=\"rev\""})
    EXPECT_NE(html.find(id), std::string::npos) << id;
  EXPECT_NE(html.find("<option>TARGET_NOT_MET</option>"), std::string::npos);
  EXPECT_NE(html.find("<option>第二中学</option>"), std::string::npos);
  EXPECT_NE(html.find("<option>2024</option>"), std::string::npos);
  EXPECT_NE(html.find("data-codes=\"FIGURE_CONFLICT TARGET_NOT_MET\""), std::string::npos);
  // The figure of each quote marked.
  EXPECT_NE(html.find("预算资金<mark>24万元</mark>，实际支出20万元。"), std::string::npos);
  EXPECT_NE(html.find("预算资金24万元，实际支出<mark>20万元</mark>。"), std::string::npos);
  // The place links to the original file at its page, relative to the page.
  EXPECT_NE(html.find("href=\"../in/%E5%90%9B%E5%B1%B1%20%E6%8A%A5%E5%91%8A.pdf#page=2\""), std::string::npos);
  // Self-contained and narrow-screen ready.
  EXPECT_EQ(html.find("http"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("@media (max-width:600px)"), std::string::npos);
}

TEST_F(ReviewReportsTest, WorkbookWorstFirstWithWidthsWrappingAndUnscreenedInputs) {
  Put("a-clean.docx", "GOOD");
  Put("z-find.pdf", "FIND");
  Put("bad.docx", "BAD");
  Put("notes.txt", "not a report");
  Run(Options());
  const fs::path x = root_ / "out" / "report.xlsx";
  const std::string workbook = ZipEntry(x, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"汇总\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"问题清单\""), std::string::npos);
  EXPECT_NE(workbook.find("name=\"未处理文件\""), std::string::npos);
  const std::string sum = ZipEntry(x, "xl/worksheets/sheet1.xml") + ZipEntry(x, "xl/sharedStrings.xml");
  const std::string summary = ZipEntry(x, "xl/worksheets/sheet1.xml");
  // Worst first: the document with findings before the clean one (by name it would be last).
  auto at = [&](const std::string& sheet, const std::string& text) { return sheet.find(text); };
  ASSERT_NE(at(summary, "z-find.pdf"), std::string::npos) << summary.substr(0, 2000);
  EXPECT_LT(at(summary, "z-find.pdf"), at(summary, "a-clean.docx"));
  EXPECT_LT(at(summary, "bad.docx"), at(summary, "a-clean.docx"));
  // Widths: the quote column wide, wrapped.
  const std::string findings = ZipEntry(x, "xl/worksheets/sheet2.xml");
  const std::string quote_col = "<col min=\"8\" max=\"8\" width=\"";  // 原文引用
  const size_t col = findings.find(quote_col);
  ASSERT_NE(col, std::string::npos) << findings.substr(0, 1500);
  EXPECT_GE(std::stod(findings.substr(col + quote_col.size(), 8)), 30.0) << findings.substr(col, 80);
  EXPECT_NE(ZipEntry(x, "xl/styles.xml").find("wrapText=\"1\""), std::string::npos);
  // The inputs that were not screened, with the reason.
  const std::string skipped = ZipEntry(x, "xl/worksheets/sheet3.xml");
  EXPECT_NE(skipped.find("bad.docx"), std::string::npos);
  EXPECT_NE(skipped.find("notes.txt"), std::string::npos);
  EXPECT_NE(skipped.find("不是有效的 ZIP"), std::string::npos);
  EXPECT_EQ(skipped.find("a-clean.docx"), std::string::npos);
}

}  // namespace
}  // namespace jixiao::batch
