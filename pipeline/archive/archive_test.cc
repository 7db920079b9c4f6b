// Tests of text_index (segmentation, queries, amounts), the archive (insert,
// replace, read-back, merge, size) and search (2-character Chinese words,
// phrases, Latin words, amounts however written, filters).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "pipeline/archive/sqlite_util.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>

#include "pipeline/archive/archive.h"
#include "pipeline/archive/search.h"
#include "pipeline/archive/text_index.h"

namespace jixiao::archive {
namespace {

using Json = nlohmann::ordered_json;

TEST(TextIndex, SegmentsCjkRunsIntoBigrams) {
  EXPECT_EQ(SegmentForIndex("预算资金24万元"), "预算 算资 资金 24 万元");
  EXPECT_EQ(SegmentForIndex("君"), "君");
  EXPECT_EQ(SegmentForIndex("ＰＤＦ文件，２４个"), "PDF 文件 24 个");
}

TEST(TextIndex, BuildsPhraseQueries) {
  bool scan = true;
  EXPECT_EQ(BuildMatchExpression("预算", &scan), "\"预算\"");
  EXPECT_FALSE(scan);
  EXPECT_EQ(BuildMatchExpression("24万元"), "\"24 万元\"");
  EXPECT_EQ(BuildMatchExpression("资金24"), "\"资金 24\"");
  EXPECT_EQ(BuildMatchExpression("3个"), "\"3 个\" *");
  EXPECT_EQ(BuildMatchExpression("走访 企业"), "\"走访\" AND \"企业\"");
  // A lone first character may end a longer run: only the rest narrows.
  EXPECT_EQ(BuildMatchExpression("元2024"), "\"2024\"");
  EXPECT_EQ(BuildMatchExpression("君 预算", &scan), "\"预算\"");
  EXPECT_FALSE(scan);
  EXPECT_EQ(BuildMatchExpression("君", &scan), "");
  EXPECT_TRUE(scan);
  EXPECT_EQ(BuildMatchExpression("，。", &scan), "");
  EXPECT_FALSE(scan);
}

TEST(TextIndex, NormalisesAmounts) {
  std::string y;
  ASSERT_TRUE(NormaliseAmount("24", "万元", &y));
  EXPECT_EQ(y, "240000");
  ASSERT_TRUE(NormaliseAmount("861.46", "万元", &y));
  EXPECT_EQ(y, "8614600");
  ASSERT_TRUE(NormaliseAmount("3.4", "亿元", &y));
  EXPECT_EQ(y, "340000000");
  ASSERT_TRUE(NormaliseAmount("240,000.00", "元", &y));
  EXPECT_EQ(y, "240000");
  ASSERT_TRUE(NormaliseAmount("0.00005", "万元", &y));
  EXPECT_EQ(y, "0.5");
  EXPECT_FALSE(NormaliseAmount("24", "次", &y));
  EXPECT_FALSE(NormaliseAmount("2a", "元", &y));
  ASSERT_TRUE(NormaliseAmount("240", "千元", &y));
  EXPECT_EQ(y, "240000");
  ASSERT_TRUE(NormaliseAmount("0.24", "百万元", &y));
  EXPECT_EQ(y, "240000");
  auto found = FindAmounts(Nfkc("预算资金２４万元，其中240000元和 0.0024亿元、240千元、0.24百万元；2024年"));
  ASSERT_EQ(found.size(), 5u);
  for (const auto& a : found) EXPECT_EQ(a.yuan, "240000") << a.raw;
  EXPECT_EQ(found[0].raw, "24万元");
  ASSERT_TRUE(QueryAsAmount("２４万元", &y));
  EXPECT_EQ(y, "240000");
  EXPECT_FALSE(QueryAsAmount("24次", &y));
}

Document MakeDoc(const std::string& path, std::vector<std::string> paragraphs, std::vector<std::string> cells) {
  Document d;
  d.source.path = path;
  d.source.format = "docx";
  for (auto& p : paragraphs) {
    Block b;
    b.text = p;
    d.blocks.push_back(b);
  }
  Block t;
  t.kind = BlockKind::kTable;
  t.table.rows = 1;
  t.table.cols = static_cast<int>(cells.size());
  t.table.prov.table_index = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    Cell c;
    c.row = 0;
    c.col = static_cast<int>(i);
    c.paragraphs = {cells[i]};
    t.table.cells.push_back(c);
  }
  d.blocks.push_back(t);
  return d;
}

// A report of a document made by MakeDoc: one table fact, in the cell of
// the table block (the block after the paragraphs), row 0, column 1.
ScreenReport MakeReport(const std::string& path, const std::string& sha, const std::string& unit, int year,
                        const std::string& code, int table_block = 2) {
  ScreenReport r;
  r.file = path;
  r.sha256 = sha;
  r.format = "docx";
  r.jixiao_version = "0.1.0";
  r.unit = unit;
  r.year = year;
  r.figures.total_budget = "24";
  Json fact = {{"concept", "budget.total"}, {"value", "24"}, {"unit", "万元"}, {"source", "table"}, {"raw", "24"},
               {"where", {{"block", table_block}, {"row", 0}, {"col", 1}}}};
  r.facts.push_back(ReportFactFromJson(fact));
  if (!code.empty()) {
    Finding f;
    f.code = code;
    f.message = "基本支出前后矛盾";
    r.findings.push_back(f);
  }
  return r;
}

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("jixiao_archive_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ASSERT_TRUE(Archive::Open((dir_ / "a.sqlite").string(), &archive_).ok());
    docs_.push_back(MakeDoc("a.docx", {"君山区工商业联合会2024年度预算资金24万元。", "走访企业80余次，举办沙龙4期。"},
                            {"年初预算数", "24"}));
    reports_.push_back(MakeReport("a.docx", "aaaa", "君山区工商业联合会", 2024, "FIGURE_CONFLICT"));
    docs_.push_back(MakeDoc("b.docx", {"某某区财政局部门整体支出，预算资金240000元。", "Budget execution report"},
                            {"项目", "合计"}));
    reports_.push_back(MakeReport("b.docx", "bbbb", "某某区财政局", 2023, ""));
    docs_.push_back(MakeDoc("c.docx", {"资金使用效益较好，预算执行率100%。"}, {"执行数", "7189.8"}));
    reports_.push_back(MakeReport("c.docx", "cccc", "某某县教育局", 2024, ""));
    reports_[2].facts.clear();
    reports_[0].family = "whole_report";
    reports_[1].family = "project_table";
    std::vector<Archive::Entry> entries;
    for (size_t i = 0; i < docs_.size(); ++i) entries.push_back({&docs_[i], &reports_[i]});
    ASSERT_TRUE(archive_->Add(entries).ok());
  }
  void TearDown() override {
    archive_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::vector<std::string> Files(const std::string& query, SearchOptions o = {}) {
    SearchResult r;
    Status s = Search(archive_.get(), query, o, &r);
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::vector<std::string> files;
    for (const auto& h : r.hits) files.push_back(h.file);
    std::sort(files.begin(), files.end());
    return files;
  }
  std::filesystem::path dir_;
  std::unique_ptr<Archive> archive_;
  std::vector<Document> docs_;
  std::vector<ScreenReport> reports_;
};

TEST_F(ArchiveTest, FindsTwoCharacterWordsPhrasesAndLatinWords) {
  EXPECT_EQ(Files("预算"), (std::vector<std::string>{"a.docx", "b.docx", "c.docx"}));
  EXPECT_EQ(Files("走访"), (std::vector<std::string>{"a.docx"}));
  EXPECT_EQ(Files("资金"), (std::vector<std::string>{"a.docx", "b.docx", "c.docx"}));
  EXPECT_EQ(Files("工商业联合会"), (std::vector<std::string>{"a.docx"}));
  EXPECT_EQ(Files("举办沙龙4期"), (std::vector<std::string>{"a.docx"}));
  EXPECT_EQ(Files("沙龙5期"), (std::vector<std::string>{}));
  EXPECT_EQ(Files("execution"), (std::vector<std::string>{"b.docx"}));
  EXPECT_EQ(Files("预算 走访"), (std::vector<std::string>{"a.docx"}));
  // A phrase never spans two units (paragraph, cell): a's second paragraph
  // ends "沙龙4期。" and its table starts "年初预算数"; the index alone would
  // match, the stored text does not.
  EXPECT_EQ(BuildMatchExpression("4期，年初"), "\"4 期 年初\"");
  EXPECT_EQ(Files("4期，年初"), (std::vector<std::string>{}));
  EXPECT_EQ(Files("效益较好预算"), (std::vector<std::string>{}));
}

TEST_F(ArchiveTest, SimplifiedAndTraditionalFindEachOther) {
  Document d = MakeDoc("t.docx", {"本單位項目支出決算數12萬元，預算執行率100%。"}, {"決算數", "12"});
  ScreenReport r = MakeReport("t.docx", "tttt", "某某縣文化館", 2024, "", 1);
  ASSERT_TRUE(archive_->Add({{&d, &r}}).ok());
  EXPECT_EQ(Files("项目支出"), (std::vector<std::string>{"t.docx"}));
  EXPECT_EQ(Files("决算数"), (std::vector<std::string>{"t.docx"}));
  EXPECT_EQ(Files("預算"), (std::vector<std::string>{"a.docx", "b.docx", "c.docx", "t.docx"}));
  EXPECT_EQ(Files("预算执行率"), (std::vector<std::string>{"c.docx", "t.docx"}));
  // The snippet quotes the text as written.
  SearchResult result;
  ASSERT_TRUE(Search(archive_.get(), "项目支出", {}, &result).ok());
  ASSERT_EQ(result.hits.size(), 1u);
  ASSERT_FALSE(result.hits[0].places.empty());
  EXPECT_NE(result.hits[0].places[0].snippet.find("【項目支出】"), std::string::npos) << result.hits[0].places[0].snippet;
}

TEST_F(ArchiveTest, FindsSingleCharactersThatEndAWord) {
  // 金 ends the run "预算资金" in a: no index token holds it alone.
  SearchResult r;
  ASSERT_TRUE(Search(archive_.get(), "金", {}, &r).ok());
  EXPECT_EQ(r.mode, "scan");
  EXPECT_EQ(Files("金"), (std::vector<std::string>{"a.docx", "b.docx", "c.docx"}));
  EXPECT_EQ(Files("金24"), (std::vector<std::string>{"a.docx"}));
  EXPECT_EQ(Files("龙 走访"), (std::vector<std::string>{"a.docx"}));
  EXPECT_EQ(Files("龙"), (std::vector<std::string>{"a.docx"}));
  EXPECT_EQ(Files("鑫"), (std::vector<std::string>{}));
}

TEST_F(ArchiveTest, SnippetsMarkTheMatchAndSayWhere) {
  SearchResult r;
  ASSERT_TRUE(Search(archive_.get(), "沙龙", {}, &r).ok());
  ASSERT_EQ(r.hits.size(), 1u);
  ASSERT_FALSE(r.hits[0].places.empty());
  EXPECT_NE(r.hits[0].places[0].snippet.find("【沙龙】"), std::string::npos) << r.hits[0].places[0].snippet;
  EXPECT_EQ(r.hits[0].places[0].place, "正文第2段");
  EXPECT_EQ(r.hits[0].unit, "君山区工商业联合会");
  ASSERT_TRUE(Search(archive_.get(), "年初预算数", {}, &r).ok());
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].places[0].place, "表1 第1行第1列");
}

TEST_F(ArchiveTest, FindsAmountsHoweverWritten) {
  // a: "24万元" in text and a fact 24 万元 (the cell "24"); b: "240000元".
  EXPECT_EQ(Files("24万元"), (std::vector<std::string>{"a.docx", "b.docx"}));
  EXPECT_EQ(Files("240000元"), (std::vector<std::string>{"a.docx", "b.docx"}));
  EXPECT_EQ(Files("0.0024亿元"), (std::vector<std::string>{"a.docx", "b.docx"}));
  EXPECT_EQ(Files("240千元"), (std::vector<std::string>{"a.docx", "b.docx"}));
  EXPECT_EQ(Files("25万元"), (std::vector<std::string>{}));
  SearchResult r;
  ASSERT_TRUE(Search(archive_.get(), "２４万元", {}, &r).ok());
  EXPECT_EQ(r.mode, "amount");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].file, "a.docx");  // stated twice
  EXPECT_NE(r.hits[0].places[0].snippet.find("【"), std::string::npos);
}

TEST_F(ArchiveTest, Filters) {
  SearchOptions o;
  o.year = 2024;
  EXPECT_EQ(Files("预算", o), (std::vector<std::string>{"a.docx", "c.docx"}));
  o = {};
  o.unit = "财政局";
  EXPECT_EQ(Files("预算", o), (std::vector<std::string>{"b.docx"}));
  o = {};
  o.code = "FIGURE_CONFLICT";
  EXPECT_EQ(Files("预算", o), (std::vector<std::string>{"a.docx"}));
  o = {};
  o.limit = 1;
  EXPECT_EQ(Files("预算", o).size(), 1u);
}

TEST_F(ArchiveTest, ReportsComeBackWithFactsAndReplacesBySha) {
  ScreenReport r;
  bool found = false;
  ASSERT_TRUE(archive_->GetReport("aaaa", &r, &found).ok());
  ASSERT_TRUE(found);
  ASSERT_EQ(r.facts.size(), 1u);
  EXPECT_EQ(r.facts[0].value, "24");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].code, "FIGURE_CONFLICT");
  std::map<std::string, StoredDoc> stored;
  ASSERT_TRUE(archive_->LoadStored(&stored).ok());
  EXPECT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored["bbbb"].jixiao_version, "0.1.0");

  // The same sha256 again replaces the document and its index entries.
  Document d = MakeDoc("a2.docx", {"新的文字内容"}, {"x"});
  ScreenReport rep = MakeReport("a2.docx", "aaaa", "新单位", 2025, "", 1);
  rep.jixiao_version = "0.2.0";
  ASSERT_TRUE(archive_->Add({{&d, &rep}}).ok());
  EXPECT_EQ(Files("走访"), (std::vector<std::string>{}));
  EXPECT_EQ(Files("文字"), (std::vector<std::string>{"a2.docx"}));
  stored.clear();
  ASSERT_TRUE(archive_->LoadStored(&stored).ok());
  EXPECT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored["aaaa"].jixiao_version, "0.2.0");
}

TEST_F(ArchiveTest, MergesAnotherArchive) {
  std::unique_ptr<Archive> other;
  ASSERT_TRUE(Archive::Open((dir_ / "b.sqlite").string(), &other).ok());
  Document d = MakeDoc("d.docx", {"另一个分片的报告，走访企业"}, {"预算", "24"});
  ScreenReport rep = MakeReport("d.docx", "dddd", "某某镇人民政府", 2024, "RATE_ZERO_BASE", 1);
  ASSERT_TRUE(other->Add({{&d, &rep}, {&docs_[0], &reports_[0]}}).ok());
  other.reset();
  int added = 0;
  ASSERT_TRUE(archive_->MergeFrom((dir_ / "b.sqlite").string(), &added).ok());
  EXPECT_EQ(added, 1);  // aaaa is already here with the same version
  EXPECT_EQ(Files("走访"), (std::vector<std::string>{"a.docx", "d.docx"}));
  EXPECT_EQ(Files("24万元"), (std::vector<std::string>{"a.docx", "b.docx", "d.docx"}));
  SearchOptions o;
  o.code = "RATE_ZERO_BASE";
  EXPECT_EQ(Files("走访", o), (std::vector<std::string>{"d.docx"}));
  EXPECT_TRUE(archive_->Optimize().ok());
}

// path → family of the documents table ("-" for NULL).
std::map<std::string, std::string> Families(Archive* archive) {
  std::map<std::string, std::string> out;
  Stmt q(archive->db(), "SELECT path, family FROM documents");
  while (q.Step()) out[q.Text(0)] = q.IsNull(1) ? "-" : q.Text(1);
  return out;
}

TEST_F(ArchiveTest, KeepsTheFamilyAndFillsItInForAnOlderArchive) {
  const std::map<std::string, std::string> expected = {
      {"a.docx", "whole_report"}, {"b.docx", "project_table"}, {"c.docx", "-"}};
  EXPECT_EQ(Families(archive_.get()), expected);
  // An archive of the same schema written before the column: opening it adds
  // the column and reads each family back from the stored report.
  ASSERT_TRUE(ExecSql(archive_->db(), "ALTER TABLE documents DROP COLUMN family").ok());
  archive_.reset();
  ASSERT_TRUE(Archive::Open((dir_ / "a.sqlite").string(), &archive_).ok());
  EXPECT_EQ(Families(archive_.get()), expected);

  // merge carries it.
  std::unique_ptr<Archive> other;
  ASSERT_TRUE(Archive::Open((dir_ / "b.sqlite").string(), &other).ok());
  Document d = MakeDoc("d.docx", {"另一个分片的报告"}, {"预算", "24"});
  ScreenReport rep = MakeReport("d.docx", "dddd", "某某镇人民政府", 2024, "");
  rep.family = "summary_report";
  ASSERT_TRUE(other->Add({{&d, &rep}}).ok());
  other.reset();
  int added = 0;
  ASSERT_TRUE(archive_->MergeFrom((dir_ / "b.sqlite").string(), &added).ok());
  EXPECT_EQ(Families(archive_.get())["d.docx"], "summary_report");
}

TEST_F(ArchiveTest, RanksByHowOftenAWordOccurs) {
  Document once = MakeDoc("once.docx", {"举办读书会一次，另有其他各项工作若干，内容较多，篇幅较长，不再一一列出。"}, {"x"});
  Document thrice = MakeDoc("thrice.docx", {"读书会、读书会与读书会。"}, {"y"});
  ScreenReport r1 = MakeReport("once.docx", "1111", "甲", 2024, "", 1);
  ScreenReport r3 = MakeReport("thrice.docx", "3333", "乙", 2024, "", 1);
  ASSERT_TRUE(archive_->Add({{&once, &r1}, {&thrice, &r3}}).ok());
  SearchResult r;
  ASSERT_TRUE(Search(archive_.get(), "读书会", {}, &r).ok());
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_EQ(r.hits[0].file, "thrice.docx");
  EXPECT_GT(r.hits[0].score, r.hits[1].score);
  // Two terms: both must occur; the IDF of each weighs in.
  ASSERT_TRUE(Search(archive_.get(), "读书会 篇幅", {}, &r).ok());
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].file, "once.docx");
  EXPECT_GT(r.hits[0].score, 0);
}

TEST_F(ArchiveTest, PlacesCountVisibleParagraphsAndTables) {
  Document d = MakeDoc("p.docx", {"第一段", "\u3000 ", "第二段有沙盘"}, {"沙盘推演", "24"});
  ScreenReport rep = MakeReport("p.docx", "pppp", "丙", 2024, "", 3);
  ASSERT_TRUE(archive_->Add({{&d, &rep}}).ok());
  SearchResult r;
  SearchOptions o;
  o.places_per_doc = 5;
  ASSERT_TRUE(Search(archive_.get(), "沙盘", o, &r).ok());
  ASSERT_EQ(r.hits.size(), 1u);
  ASSERT_EQ(r.hits[0].places.size(), 2u);
  EXPECT_EQ(r.hits[0].places[0].place, "正文第2段");  // the blank paragraph is not counted
  EXPECT_EQ(r.hits[0].places[1].place, "表1 第1行第1列");
  // A fact read from a cell whose unit is elsewhere ("24" under a 万元 header)
  // is found by its amount and shown in its cell.
  ASSERT_TRUE(Search(archive_.get(), "24万元", {}, &r).ok());
  ASSERT_FALSE(r.hits.empty());
  bool cell = false;
  for (const auto& h : r.hits)
    for (const auto& p : h.places)
      cell |= h.file == "p.docx" && p.place == "表1 第1行第2列" && p.snippet.find("【24】") != std::string::npos;
  EXPECT_TRUE(cell);
}

TEST_F(ArchiveTest, StoredReportComesBackByteForByte) {
  // The report is compressed against the document's text: quotes of it must
  // come back exactly, and so must everything else.
  Document d = MakeDoc("q.docx", {"本单位2024年度预算资金24万元，实际支出23.5万元，预算执行率97.9%。"}, {"预算数", "24"});
  ScreenReport rep = MakeReport("q.docx", "qqqq", "丁", 2024, "SUM_MISMATCH", 1);
  const std::string quote = "本单位2024年度预算资金24万元，实际支出23.5万元，预算执行率97.9%。";
  rep.facts[0].quote = quote;
  Evidence e;
  e.quote = quote;
  e.place = "正文第1段";
  rep.findings[0].evidence.push_back(e);
  ASSERT_TRUE(archive_->Add({{&d, &rep}}).ok());
  ScreenReport back;
  bool found = false;
  ASSERT_TRUE(archive_->GetReport("qqqq", &back, &found).ok());
  ASSERT_TRUE(found);
  EXPECT_EQ(ToJson(back).dump(), ToJson(rep).dump());
  // A report without a document (a failed file) has no dictionary.
  ScreenReport failed = MakeReport("bad.pdf", "ffff", "", 0, "");
  failed.status = DocumentStatus::kFailed;
  failed.code = Status::Code::kTimeout;
  failed.reason = "超时：未能在时限内完成检查";
  ASSERT_TRUE(archive_->Add({{nullptr, &failed}}).ok());
  ASSERT_TRUE(archive_->GetReport("ffff", &back, &found).ok());
  EXPECT_EQ(ToJson(back).dump(), ToJson(failed).dump());
  std::map<std::string, StoredDoc> stored;
  ASSERT_TRUE(archive_->LoadStored(&stored).ok());
  EXPECT_EQ(stored["ffff"].outcome, Outcome::kFailed);
  EXPECT_EQ(stored["ffff"].code, Status::Code::kTimeout);
  EXPECT_EQ(stored["qqqq"].outcome, Outcome::kFindings);
}

TEST_F(ArchiveTest, TableFactsKeepTheirCell) {
  // Every fact of the fixture is read from a cell: each is stored with the
  // text unit of that cell, not NULL.
  Stmt q(archive_->db(), "SELECT count(*), count(seq) FROM facts");
  ASSERT_TRUE(q.Step());
  EXPECT_GT(q.Int(0), 0);
  EXPECT_EQ(q.Int(1), q.Int(0));
  Stmt cell(archive_->db(),
            "SELECT t.row, t.col, t.text FROM facts f JOIN documents d ON d.id = f.doc_id JOIN texts t"
            " ON t.id = (d.id << 20 | f.seq) WHERE d.sha256 = 'aaaa'");
  ASSERT_TRUE(cell.Step());
  EXPECT_EQ(cell.Int(0), 0);
  EXPECT_EQ(cell.Int(1), 1);
  EXPECT_EQ(cell.Text(2), "24");
}

TEST_F(ArchiveTest, SearchCountsFiltersAndCodes) {
  SearchResult r;
  SearchOptions o;
  o.limit = 1;
  ASSERT_TRUE(Search(archive_.get(), "预算", o, &r).ok());
  EXPECT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.total, 3);
  // A filter that removes every hit: said, with how many it removed.
  o = {};
  o.year = 2020;
  ASSERT_TRUE(Search(archive_.get(), "预算", o, &r).ok());
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.without_filters, 3);
  // Codes in any letter case; a code without a query lists its documents.
  o = {};
  o.code = "figure_conflict";
  EXPECT_EQ(Files("预算", o), (std::vector<std::string>{"a.docx"}));
  ASSERT_TRUE(Search(archive_.get(), "", o, &r).ok());
  EXPECT_EQ(r.mode, "code");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].file, "a.docx");
  EXPECT_EQ(r.total, 1);
  ASSERT_FALSE(r.hits[0].places.empty());
  EXPECT_EQ(r.hits[0].places[0].snippet, "基本支出前后矛盾");
}

TEST_F(ArchiveTest, RemovedDocumentsStayButAreNotSearched) {
  for (size_t i = 0; i < reports_.size(); ++i) ASSERT_TRUE(archive_->SetPath(reports_[i].sha256, "in/" + reports_[i].file).ok());
  int marked = 0;
  // b.docx is gone from the folder "in"; a.docx and c.docx are still there.
  ASSERT_TRUE(archive_->MarkRemoved({"in"}, {"aaaa", "cccc"}, &marked).ok());
  EXPECT_EQ(marked, 1);
  std::map<std::string, StoredDoc> stored;
  ASSERT_TRUE(archive_->LoadStored(&stored).ok());
  EXPECT_TRUE(stored["bbbb"].removed);
  EXPECT_FALSE(stored["aaaa"].removed);
  EXPECT_EQ(Files("预算"), (std::vector<std::string>{"in/a.docx", "in/c.docx"}));
  SearchOptions o;
  o.include_removed = true;
  EXPECT_EQ(Files("预算", o), (std::vector<std::string>{"in/a.docx", "in/b.docx", "in/c.docx"}));
  // Documents outside the folders given are never marked.
  ASSERT_TRUE(archive_->MarkRemoved({"other"}, {}, &marked).ok());
  EXPECT_EQ(marked, 0);
  // Found again: no longer removed.
  ASSERT_TRUE(archive_->SetPath("bbbb", "in/b.docx").ok());
  EXPECT_EQ(Files("预算").size(), 3u);
}

TEST_F(ArchiveTest, RefusesOlderArchivesAndOtherDatabases) {
  std::string older = (dir_ / "older.sqlite").string();
  std::string other = (dir_ / "other.sqlite").string();
  for (const auto& [path, sql] : {std::pair{older, "CREATE TABLE schema_version(version INTEGER); INSERT INTO schema_version VALUES(1);"},
                                  std::pair{other, "CREATE TABLE t(x);"}}) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  std::unique_ptr<Archive> a;
  Status s = Archive::Open(older, &a);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("older jixiao"), std::string::npos) << s.message();
  s = Archive::Open(other, &a);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("not a jixiao archive"), std::string::npos) << s.message();
}

TEST_F(ArchiveTest, SaysWhenAnArchiveIsDamaged) {
  archive_.reset();  // closes it, checkpointing the WAL into the file
  std::string path = (dir_ / "a.sqlite").string();
  std::string cut = (dir_ / "cut.sqlite").string();
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 8192u);
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  std::unique_ptr<Archive> a;
  Status s = Archive::Open(cut, &a);
  if (s.ok()) {  // the header may survive: then the first query fails, never crashes
    SearchResult r;
    s = Search(a.get(), "预算", {}, &r);
  }
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("damaged"), std::string::npos) << s.message();
}

TEST_F(ArchiveTest, AnyQueryGivesHitsOrAClearError) {
  // Queries are built into FTS5 expressions: no input may break the syntax.
  const std::vector<std::string> pieces = {"预", "算", "资金", "\"", "*", "(", ")", "-", "+", ":", "^", "AND", "OR",
                                           "NOT", "NEAR", "24", "２４", "万元", "元", ".", ",", "，", "。", " ", "\t",
                                           "a", "Budget", "\u3000", "\xe9", "\xff", "'", "%", "_", "{", "}"};
  std::mt19937 rng(20261127);
  for (int i = 0; i < 400; ++i) {
    std::string q;
    int n = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < n; ++k) q += pieces[rng() % pieces.size()];
    SearchResult r;
    Status s = Search(archive_.get(), q, {}, &r);
    EXPECT_TRUE(s.ok() || s.code() == Status::Code::kInvalidInput) << q << ": " << s.ToString();
  }
}

TEST_F(ArchiveTest, RejectsANonArchive) {
  std::string path = (dir_ / "junk.sqlite").string();
  FILE* f = std::fopen(path.c_str(), "wb");
  std::fputs("this is not a database at all, just some text that is long enough", f);
  std::fclose(f);
  std::unique_ptr<Archive> a;
  EXPECT_FALSE(Archive::Open(path, &a).ok());
}

}  // namespace
}  // namespace jixiao::archive
