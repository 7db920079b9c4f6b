// OCR as a user meets it, through build/jixiao on the generated scans of
// corpus/scans (make_scans.py): a scanned page with a planted defect gives
// the finding and says it rests on OCR; a scanned table page comes out as a
// table marked ocr; --ocr off and missing language data say what is needed;
// a PDF whose fonts lack /ToUnicode and a scan whose only text is a stamp
// are never screened as clean; an OFD and a .doc give the DOCX's finding.
// Each OCR run is one page (a few seconds).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <cstdio>
#include <set>
#include <fstream>
#include <sstream>

namespace {

const std::string kRoot = JIXIAO_SOURCE_DIR;
const std::string kBinary = JIXIAO_BINARY;
const std::string kScans = kRoot + "/corpus/scans/";

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

CliRun Jixiao(const std::string& args, const std::string& env = "") {
  static int calls = 0;
  const std::string err_path = ::testing::TempDir() + "/jixiao_ocr_stderr." + std::to_string(getpid()) + "." +
                               std::to_string(++calls) + ".txt";
  const std::string command = env + " " + kBinary + " " + args + " 2>" + err_path;
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = pclose(pipe);
  std::stringstream err;
  {
    std::ifstream err_in(err_path);
    err << err_in.rdbuf();
  }
  std::remove(err_path.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, err.str()};
}

nlohmann::json Json(const CliRun& run) {
  nlohmann::json j = nlohmann::json::parse(run.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << run.out << run.err;
  return j;
}

std::vector<nlohmann::json> FindingsWithCode(const nlohmann::json& report, const std::string& code) {
  std::vector<nlohmann::json> out;
  for (const auto& f : report.value("findings", nlohmann::json::array()))
    if (f.value("code", "") == code) out.push_back(f);
  return out;
}

TEST(OcrCli, ScannedPageGivesTheFindingAndSaysItRestsOnOcr) {
  // 预算执行率95% where 24 of 24 万元 were spent, printed, stamped, skewed, scanned.
  CliRun run = Jixiao("check --format json " + kScans + "rate-mismatch-p1-200dpi.pdf");
  EXPECT_EQ(run.exit_code, 1) << run.err;
  nlohmann::json report = Json(run);
  EXPECT_EQ(report.value("status", ""), "ok") << report.value("status_reason", "");
  auto rate = FindingsWithCode(report, "RATE_MISMATCH");
  ASSERT_EQ(rate.size(), 1u) << run.out;
  EXPECT_NE(rate[0].value("message", "").find("OCR"), std::string::npos);
  bool ocr_evidence = false;
  for (const auto& e : rate[0]["evidence"]) ocr_evidence |= e["where"].value("ocr", false);
  EXPECT_TRUE(ocr_evidence);
  // The seal is not text.
  EXPECT_EQ(run.out.find("专用章"), std::string::npos);
}

TEST(OcrCli, ScannedTablePageIsATableMarkedOcr) {
  CliRun run = Jixiao("extract " + kScans + "clean-p6-200dpi.pdf");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  nlohmann::json doc = Json(run);
  const nlohmann::json* table = nullptr;
  for (const auto& b : doc["blocks"])
    if (b.value("kind", "") == "table") table = &b;
  ASSERT_NE(table, nullptr) << run.out;
  EXPECT_TRUE((*table)["prov"].value("ocr", false));
  const double conf = (*table)["prov"].value("confidence", 0.0);
  EXPECT_GT(conf, 0.5);
  EXPECT_LE(conf, 1.0);
  // Cells from the ruled grid, filled with the words inside them: the
  // header row and a row label are cells of their own, and the grid has the
  // table's four columns of figures.
  std::set<std::string> cells;
  int max_col = 0;
  for (const auto& c : (*table)["table"]["cells"]) {
    std::string text;
    for (const auto& p : c["paragraphs"]) text += p.get<std::string>();
    cells.insert(text);
    max_col = std::max(max_col, c.value("col", 0) + c.value("colspan", 1));
  }
  EXPECT_TRUE(cells.count("2024年预算数")) << run.out;
  EXPECT_TRUE(cells.count("三公经费")) << run.out;
  EXPECT_TRUE(cells.count("公用经费")) << run.out;
  EXPECT_GE(max_col, 4);
}

std::multiset<std::string> CellTexts(const nlohmann::json& doc) {
  std::multiset<std::string> cells;
  for (const auto& b : doc["blocks"]) {
    if (b.value("kind", "") != "table") continue;
    for (const auto& c : b["table"]["cells"]) {
      std::string text;
      for (const auto& p : c["paragraphs"]) text += p.get<std::string>();
      text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
      if (!text.empty()) cells.insert(text);
    }
  }
  return cells;
}

std::multiset<std::string> Codes(const nlohmann::json& report) {
  std::multiset<std::string> codes;
  for (const auto& f : report.value("findings", nlohmann::json::array())) codes.insert(f.value("code", ""));
  return codes;
}

TEST(OcrCli, ScanIsReadAtItsOwnResolution) {
  // A national 项目支出自评表 scanned at 300 dpi. Read at 250 dpi (the
  // default for scans of 250 dpi or less), its pixels were resampled: a rule
  // under the seal broke, so two rows ran together, and "80%" came out
  // "809%", a false RATE_MISMATCH. Read at 300 dpi, every cell of the
  // DOCX it was printed from comes back, and the findings are the text PDF's.
  const std::string templates = kRoot + "/corpus/templates/";
  CliRun scan = Jixiao("extract " + kScans + "target-count-300dpi.pdf");
  ASSERT_EQ(scan.exit_code, 0) << scan.err;
  nlohmann::json doc = Json(scan);
  bool at_300 = false;
  for (const auto& d : doc["diagnostics"])
    if (d.value("code", "") == "pdf_ocr") at_300 = d.value("message", "").find("at 300 dpi") != std::string::npos;
  EXPECT_TRUE(at_300) << doc["diagnostics"].dump();
  const std::multiset<std::string> docx = CellTexts(Json(Jixiao("extract " + templates + "target-count.docx")));
  const std::multiset<std::string> read = CellTexts(doc);
  ASSERT_GT(docx.size(), 80u);
  std::vector<std::string> missed;
  std::set_difference(docx.begin(), docx.end(), read.begin(), read.end(), std::back_inserter(missed));
  EXPECT_LE(missed.size(), 2u) << ::testing::PrintToString(missed);
  EXPECT_TRUE(read.count("80%")) << scan.out;

  CliRun checked = Jixiao("check --format json " + kScans + "target-count-300dpi.pdf");
  CliRun text_pdf = Jixiao("check --format json " + templates + "target-count.pdf");
  EXPECT_EQ(Codes(Json(checked)), Codes(Json(text_pdf))) << checked.out;
  EXPECT_EQ(Codes(Json(checked)).count("TARGET_NOT_MET"), 1u) << checked.out;
}

std::vector<std::string> HeadingLabels(const nlohmann::json& doc) {
  std::vector<std::string> labels;
  for (const auto& b : doc["blocks"])
    if (!b.value("label", "").empty()) labels.push_back(b.value("label", ""));
  return labels;
}

TEST(OcrCli, NumberingAndLastFullStopOfScansComeFromTheInk) {
  // 300-dpi scans of a 总结报告 and of a 决算公开 page. The model read the
  // bold heading "三、" as "二、", dropped the "二" of another "二、", and
  // dropped the last "。" of the report (read as cut off mid-sentence): the
  // numerals are counted from their bars, the stop found as a small ring.
  const std::string templates = kRoot + "/corpus/templates/";
  struct Case {
    std::string scan, text_pdf;
  };
  for (const Case& c : {Case{"summary-clean-300dpi.pdf", "summary-clean.pdf"},
                        Case{"final-clean-p1-300dpi.pdf", "final-clean.pdf"}}) {
    const nlohmann::json scanned = Json(Jixiao("extract " + kScans + c.scan));
    const std::vector<std::string> printed = HeadingLabels(Json(Jixiao("extract " + templates + c.text_pdf)));
    std::vector<std::string> read = HeadingLabels(scanned);
    ASSERT_GE(read.size(), 3u) << c.scan;
    ASSERT_GE(printed.size(), read.size()) << c.scan;
    EXPECT_EQ(read, std::vector<std::string>(printed.begin(), printed.begin() + read.size())) << c.scan;
    CliRun checked = Jixiao("check --format json " + kScans + c.scan);
    EXPECT_TRUE(FindingsWithCode(Json(checked), "NUMBERING_BROKEN").empty()) << c.scan << checked.out;
  }
  CliRun summary = Jixiao("check --format json " + kScans + "summary-clean-300dpi.pdf");
  EXPECT_EQ(summary.exit_code, 0) << summary.out;
  EXPECT_TRUE(FindingsWithCode(Json(summary), "TABLE_INCOMPLETE").empty()) << summary.out;
}

TEST(OcrCli, ScannedReportKeepsItsParagraphsAndItsRowContinuedOnTheNextPage) {
  // corpus/scans/report-clean-200dpi.pdf: both pages of a 部门整体支出 report.
  // Page 1 ends with the first row of its 自评表 (部门（单 | 清河县档案馆),
  // a band lower than the rules' minimum length, whose vertical rules were
  // not found: the row was a paragraph and page 2's half of it a row of its
  // own. A paragraph wraps before a line of figures only (…预算执行率 /
  // 98.69%。), lower than a line of Chinese text: it was split there.
  auto blocks = [](const nlohmann::json& doc, std::vector<std::string>* texts, std::vector<nlohmann::json>* tables) {
    for (const auto& b : doc["blocks"]) {
      if (b.value("kind", "") == "table") tables->push_back(b["table"]);
      else texts->push_back(b.value("text", ""));
    }
  };
  std::vector<std::string> printed, read;
  std::vector<nlohmann::json> printed_tables, read_tables;
  blocks(Json(Jixiao("extract " + kRoot + "/corpus/templates/report-clean.pdf")), &printed, &printed_tables);
  blocks(Json(Jixiao("extract " + kScans + "report-clean-200dpi.pdf")), &read, &read_tables);
  EXPECT_EQ(read.size(), printed.size());
  const std::string rate = "预算执行率98.69%。";
  EXPECT_EQ(std::count_if(read.begin(), read.end(), [&](const std::string& t) { return t.find(rate) != std::string::npos; }), 1);
  ASSERT_EQ(read_tables.size(), 1u);
  ASSERT_EQ(printed_tables.size(), 1u);
  EXPECT_EQ(read_tables[0]["cells"].size(), printed_tables[0]["cells"].size());
  auto cell_text = [](const nlohmann::json& cell) {
    std::string t;
    for (const auto& p : cell.value("paragraphs", nlohmann::json::array())) t += p.get<std::string>();
    return t;
  };
  ASSERT_GE(read_tables[0]["cells"].size(), 2u);
  EXPECT_EQ(cell_text(read_tables[0]["cells"][0]), "部门（单位）名称");
  EXPECT_EQ(cell_text(read_tables[0]["cells"][1]), "清河县档案馆");
  CliRun checked = Jixiao("check --format json " + kScans + "report-clean-200dpi.pdf");
  EXPECT_EQ(checked.exit_code, 0) << checked.out;
}

TEST(OcrCli, OcrOffLeavesAScanUnreadWithTheReason) {
  CliRun run = Jixiao("check --ocr off " + kScans + "rate-mismatch-p1-200dpi.pdf");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("需要OCR"), std::string::npos) << run.err;
}

TEST(OcrCli, WithoutLanguageDataTheScanIsSkippedWithWhatToInstall) {
  CliRun run = Jixiao("check --format json " + kScans + "rate-mismatch-p1-200dpi.pdf",
                      "TESSDATA_PREFIX=/nonexistent-tessdata");
  nlohmann::json report = Json(run);
  EXPECT_EQ(report.value("status", ""), "skipped");
  EXPECT_EQ(report.value("status_reason", ""), "需要OCR：请安装 tesseract-ocr-chi-sim");
}

TEST(OcrCli, FontsWithoutToUnicodeAreNeverScreenedAsClean) {
  // The page's CJK subset fonts lost their /ToUnicode: the text layer reads
  // "!\"#$%…". Without OCR nothing of it is used and the file is not clean.
  const std::string file = kScans + "rate-mismatch-p1-no-tounicode.pdf";
  CliRun off = Jixiao("check --ocr off --format json " + file);
  nlohmann::json off_report = Json(off);
  EXPECT_NE(off_report.value("status", ""), "ok");
  EXPECT_EQ(off.exit_code, 2);  // a report nobody screened; stderr says why
  EXPECT_NE(off.err.find("需要OCR"), std::string::npos) << off.err;
  EXPECT_NE(off_report.value("status_reason", "").find("需要OCR"), std::string::npos);
  EXPECT_EQ(off.out.find("!\"#$"), std::string::npos);
  // With OCR the page is read from its glyphs, and the planted rate found.
  CliRun on = Jixiao("check --format json " + file);
  nlohmann::json report = Json(on);
  EXPECT_EQ(report.value("status", ""), "ok") << report.value("status_reason", "");
  EXPECT_EQ(FindingsWithCode(report, "RATE_MISMATCH").size(), 1u) << on.out;
}

TEST(OcrCli, ScanWhoseOnlyTextIsAStampNeedsOcr) {
  // Two scanned pages, each carrying the scanner app's one line of text:
  // furniture, removed; what is left is nothing, which is not "clean".
  const std::string file = kScans + "stamped-2p.pdf";
  CliRun off = Jixiao("check --ocr off --format json " + file);
  nlohmann::json report = Json(off);
  EXPECT_NE(report.value("status", ""), "ok");
  EXPECT_NE(report.value("status_reason", "").find("需要OCR"), std::string::npos) << report.value("status_reason", "");
  EXPECT_EQ(off.exit_code, 2);
  EXPECT_EQ(off.out.find("未发现问题"), std::string::npos);
  // Under --ocr auto the pages are judged to need OCR (their ink lies
  // outside the stamp); without the language data that is what it says.
  CliRun auto_run = Jixiao("check --format json " + file, "TESSDATA_PREFIX=/nonexistent-tessdata");
  nlohmann::json auto_report = Json(auto_run);
  EXPECT_EQ(auto_report.value("status", ""), "skipped");
  EXPECT_EQ(auto_report.value("status_reason", ""), "需要OCR：请安装 tesseract-ocr-chi-sim");
}

TEST(OcrCli, OfdAndDocAreScreenedLikeTheirDocx) {
  // The planted rate of rate-mismatch, from an OFD typeset by
  // corpus/ofd/make_ofd.py and from the .doc LibreOffice saved.
  for (const std::string& file : {kRoot + "/corpus/ofd/rate-mismatch.ofd", kRoot + "/corpus/legacy/rate-mismatch.doc"}) {
    CliRun run = Jixiao("check --format json " + file);
    EXPECT_EQ(run.exit_code, 1) << file << run.err;
    nlohmann::json report = Json(run);
    EXPECT_EQ(report.value("status", ""), "ok") << file << report.value("status_reason", "");
    EXPECT_EQ(FindingsWithCode(report, "RATE_MISMATCH").size(), 1u) << file;
    EXPECT_TRUE(FindingsWithCode(report, "SUM_MISMATCH").empty()) << file;
  }
}

}  // namespace
