// Stable finding ids on real corpus reports: the same flag keeps its id
// across screenings, JSON round trips and file names; another document or
// other evidence gives another id; wording does not count.
#include "pipeline/screen/finding_id.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "pipeline/screen/report.h"
#include "pipeline/screen/screen.h"

namespace jixiao {
namespace {

const std::string kDir = std::string(JIXIAO_SOURCE_DIR) + "/corpus/";

ScreenReport Screened(const std::string& path) { return ScreenFile(path, ScreenOptions()).report; }

std::vector<std::string> IdsOf(const ScreenReport& r) {
  std::vector<std::string> ids;
  for (const Finding& f : r.findings) ids.push_back(f.id);
  return ids;
}

// Variants with findings, by file name.
std::vector<std::string> VariantsWithFindings() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(kDir + "variants")) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".docx" || ext == ".pdf") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FindingIdTest, EveryFindingHasADistinctWellFormedIdKeptAcrossScreeningsAndJson) {
  int findings = 0;
  for (const std::string& path : VariantsWithFindings()) {
    ScreenReport first = Screened(path);
    std::set<std::string> distinct;
    for (const Finding& f : first.findings) {
      EXPECT_TRUE(IsFindingId(f.id)) << path << " " << f.id;
      distinct.insert(f.id);
    }
    EXPECT_EQ(distinct.size(), first.findings.size()) << path;
    findings += static_cast<int>(first.findings.size());
    EXPECT_EQ(IdsOf(Screened(path)), IdsOf(first)) << path;
    // Through the report's JSON (findings.jsonl, the archive): written and read back.
    const nlohmann::ordered_json j = ToJson(first);
    ScreenReport back;
    ASSERT_TRUE(FromJson(nlohmann::ordered_json::parse(j.dump()), &back).ok());
    EXPECT_EQ(IdsOf(back), IdsOf(first)) << path;
    for (size_t i = 0; i < first.findings.size(); ++i) EXPECT_EQ(j["findings"][i]["id"], first.findings[i].id);
  }
  EXPECT_GT(findings, 20);
}

TEST(FindingIdTest, TheFileNameDoesNotCountTheBytesDo) {
  std::string src;
  for (const std::string& path : VariantsWithFindings())
    if (src.empty() && !Screened(path).findings.empty()) src = path;
  ASSERT_FALSE(src.empty());
  const std::string copy = ::testing::TempDir() + "/renamed-" + std::filesystem::path(src).filename().string();
  std::filesystem::copy_file(src, copy, std::filesystem::copy_options::overwrite_existing);
  ScreenReport a = Screened(src), b = Screened(copy);
  EXPECT_NE(a.file, b.file);
  EXPECT_EQ(IdsOf(a), IdsOf(b));
  // Another document (another sha256) never shares an id.
  ScreenReport other = a;
  other.sha256 = std::string(64, '0');
  std::vector<std::string> ids = FindingIds(other);
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_NE(ids[i], a.findings[i].id);
}

TEST(FindingIdTest, EvidenceCountsWordingDoesNot) {
  // The first finding of the variants whose first evidence has a figure.
  ScreenReport r;
  size_t k = 0;
  bool found = false;
  for (const std::string& path : VariantsWithFindings()) {
    r = Screened(path);
    for (k = 0; k < r.findings.size() && !found; ++k)
      found = !r.findings[k].evidence.empty() && !r.findings[k].evidence[0].value.empty();
    if (found) break;
  }
  ASSERT_TRUE(found);
  --k;
  const std::string id = r.findings[k].id;

  ScreenReport reworded = r;
  reworded.findings[k].message = "另一种说法";
  reworded.findings[k].arithmetic = "1 ≠ 2";
  reworded.findings[k].severity = FindingSeverity::kInfo;
  reworded.findings[k].evidence[0].place = "第99段";
  reworded.findings[k].evidence[0].quote += "（补充）";
  reworded.file = "elsewhere/other-name.docx";
  EXPECT_EQ(FindingIds(reworded)[k], id);

  ScreenReport revalued = r;
  revalued.findings[k].evidence[0].value += "1";
  EXPECT_NE(FindingIds(revalued)[k], id);

  ScreenReport moved = r;
  Provenance& p = moved.findings[k].evidence[0].prov;
  if (p.table_index >= 0) p.row += 1;
  else if (p.body_index >= 0) p.body_index += 1;
  else p.page += 1;
  EXPECT_NE(FindingIds(moved)[k], id);

  // The order evidence is listed in does not count.
  if (r.findings[k].evidence.size() > 1) {
    ScreenReport swapped = r;
    std::swap(swapped.findings[k].evidence[0], swapped.findings[k].evidence[1]);
    EXPECT_EQ(FindingIds(swapped)[k], id);
  }
}

TEST(FindingIdTest, IdenticalFindingsAndFindingsWithoutEvidenceStayDistinct) {
  ScreenReport r;
  r.sha256 = std::string(64, 'a');
  Finding a;
  a.code = "SECTION_MISSING";
  a.message = "报告缺少模板要求的部分：“部门概况”";
  Finding b = a;
  b.message = "报告缺少模板要求的部分：“存在的问题及原因分析”";
  r.findings = {a, b, a};
  std::vector<std::string> ids = FindingIds(r);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 3u);
  // The same section missing keeps its id when the sentence around it changes.
  ScreenReport again = r;
  again.findings[0].message = "缺少“部门概况”部分";
  EXPECT_EQ(FindingIds(again)[0], ids[0]);
  EXPECT_FALSE(IsFindingId("0123"));
  EXPECT_FALSE(IsFindingId("0123456789ABCDEF"));
  EXPECT_TRUE(IsFindingId("0123456789abcdef"));
}

}  // namespace
}  // namespace jixiao
