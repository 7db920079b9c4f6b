// End-to-end tests of the reviewers' decisions with the real binary on
// corpus reports: `check` and `run` give a finding the same id; a decision
// recorded in the run folder's archive survives a re-run of `run` on the
// same folder and `merge`, is exported by `jixiao reviews` (csv, json,
// --history, -o) and shows in findings.csv; errors exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pipeline/archive/archive.h"
#include "pipeline/archive/reviews.h"
#include "pipeline/batch/csv.h"
#include "tests/e2e/e2e_util.h"

namespace jixiao::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Every finding id of findings.jsonl, by file name then code (the first of a code).
std::map<std::string, std::string> RunIds(const std::string& out) {
  std::map<std::string, std::string> ids;
  std::istringstream in(ReadFile(out + "/findings.jsonl"));
  for (std::string line; std::getline(in, line);) {
    Json r = Json::parse(line);
    std::string file = r["file"];
    file = file.substr(file.rfind('/') + 1);
    for (const auto& f : r["findings"]) ids.emplace(file + " " + f["code"].get<std::string>(), f["id"]);
  }
  return ids;
}

void Record(const std::string& out, const std::string& id, archive::Decision d, const std::string& comment,
            const std::string& who) {
  std::unique_ptr<archive::Archive> a;
  ASSERT_TRUE(archive::Archive::Open(out + "/archive.sqlite", &a).ok());
  archive::Reviews reviews(a.get());
  Status s = reviews.Record(id, d, comment, who, nullptr);
  ASSERT_TRUE(s.ok()) << s.ToString();
}

TEST(ReviewsE2e, DecisionsKeepTheirFindingAcrossCheckRunRerunMergeAndExport) {
  Scratch tmp("reviews");
  // Three variants with findings, in two shards' worth of inputs.
  std::vector<std::string> picked;
  for (const auto& e : fs::directory_iterator(std::string(JIXIAO_SOURCE_DIR) + "/corpus/variants"))
    if (e.path().extension() == ".docx") picked.push_back(e.path().string());
  std::sort(picked.begin(), picked.end());
  int copied = 0;
  for (const std::string& p : picked) {
    std::string out;
    RunJixiao({"check", p, "--format", "json"}, &out);
    Json j = Json::parse(out, nullptr, false);
    if (j.is_discarded() || j["findings"].empty()) continue;
    CopyFile(p, tmp / ("in/" + fs::path(p).filename().string()));
    if (++copied == 3) break;
  }
  ASSERT_EQ(copied, 3);
  std::string log;
  RunJixiao({"run", tmp / "in", "--out", tmp / "out"}, &log);
  auto ids = RunIds(tmp / "out");
  ASSERT_GE(ids.size(), 3u);

  // `check` names the same findings with the same ids.
  const std::string first_file = ids.begin()->first.substr(0, ids.begin()->first.find(' '));
  std::string out;
  RunJixiao({"check", tmp / ("in/" + first_file), "--format", "json"}, &out);
  Json checked = Json::parse(out);
  EXPECT_EQ(checked["findings"][0]["id"].get<std::string>().size(), 16u);
  bool same = false;
  for (const auto& f : checked["findings"]) same |= f["id"] == ids.begin()->second;
  EXPECT_TRUE(same) << out;

  const std::string id = ids.begin()->second;
  Record(tmp / "out", id, archive::Decision::kPending, "先核对原件", "张三");
  Record(tmp / "out", id, archive::Decision::kConfirmed, "=SUM(A1) 表内合计确有差额", "李四");

  // A re-run of the same folder keeps the decision, and the reports carry it.
  RunJixiao({"run", tmp / "in", "--out", tmp / "out"}, &log);
  EXPECT_EQ(RunIds(tmp / "out"), ids);
  auto rows = batch::ParseCsv(ReadFile(tmp / "out/findings.csv"));
  bool in_csv = false;
  for (const auto& r : rows)
    if (r.size() > 12 && r[9] == id) {
      in_csv = true;
      EXPECT_EQ(r[10], "确认");
      EXPECT_EQ(r[11], "李四");
    }
  EXPECT_TRUE(in_csv);

  // The export: current reviews as JSON and CSV, every decision with --history.
  ASSERT_EQ(RunJixiao({"reviews", tmp / "out", "--format", "json"}, &out), 0) << out;
  Json exported = Json::parse(out);
  ASSERT_EQ(exported.size(), 1u);
  EXPECT_EQ(exported[0]["finding_id"], id);
  EXPECT_EQ(exported[0]["decision"], "confirmed");
  EXPECT_EQ(exported[0]["reviewer"], "李四");
  EXPECT_EQ(exported[0]["still_present"], true);
  EXPECT_EQ(exported[0]["file"].get<std::string>().substr(0, 3), "in/");
  ASSERT_EQ(RunJixiao({"reviews", tmp / "out", "--format", "json", "--history"}, &out), 0);
  EXPECT_EQ(Json::parse(out).size(), 2u);
  ASSERT_EQ(RunJixiao({"reviews", tmp / "out", "-o", tmp / "reviews.csv"}, &out), 0) << out;
  const std::string csv = ReadFile(tmp / "reviews.csv");
  EXPECT_EQ(csv.substr(0, 3), batch::kUtf8Bom);
  EXPECT_NE(csv.find("'=SUM(A1)"), std::string::npos) << csv;  // formula-safe
  auto parsed = batch::ParseCsv(csv);
  ASSERT_EQ(parsed.size(), 2u);
  EXPECT_EQ(parsed[0][7], "复核结论");
  EXPECT_EQ(parsed[1][6], id);
  EXPECT_EQ(parsed[1][7], "确认");
  EXPECT_EQ(parsed[1][9], "=SUM(A1) 表内合计确有差额");
  EXPECT_EQ(parsed[1][11], "是");

  // merge into a new folder: the decision comes along.
  RunJixiao({"merge", tmp / "out", "--out", tmp / "merged"}, &log);
  ASSERT_EQ(RunJixiao({"reviews", tmp / "merged", "--format", "json", "--history"}, &out), 0) << out;
  EXPECT_EQ(Json::parse(out).size(), 2u);

  // Errors: no archive, bad format.
  EXPECT_EQ(RunJixiao({"reviews", tmp / "in"}, &out), 2) << out;
  EXPECT_EQ(RunJixiao({"reviews", tmp / "out", "--format", "xml"}, &out), 2) << out;
}

}  // namespace
}  // namespace jixiao::e2e
