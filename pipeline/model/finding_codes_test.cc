// The table of finding codes against the two other places that list them:
// the `code` enum of schemas/findings.schema.json and the README's table of
// checks (code and severity).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/model/finding_codes.h"

namespace jixiao {
namespace {

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(JIXIAO_SOURCE_DIR) + "/" + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(FindingCodesTest, LookupAndSeverities) {
  const FindingCodeInfo* info = FindFindingCode("WEIGHT_MISMATCH");
  ASSERT_NE(info, nullptr);
  EXPECT_STREQ(info->name, "分值不符");
  EXPECT_TRUE(FindingSeverityAllowed(*info, "error"));
  EXPECT_TRUE(FindingSeverityAllowed(*info, "warning"));
  EXPECT_FALSE(FindingSeverityAllowed(*info, "info"));
  EXPECT_FALSE(FindingSeverityAllowed(*info, "err"));
  EXPECT_EQ(FindFindingCode("weight_mismatch"), nullptr);
  EXPECT_EQ(FindFindingCode("NO_SUCH_CODE"), nullptr);
  EXPECT_STREQ(SeverityChineseName("error"), "错误");
  EXPECT_STREQ(SeverityChineseName("warning"), "警告");
  EXPECT_STREQ(SeverityChineseName("info"), "提示");
  EXPECT_STREQ(SeverityChineseName("fatal"), "其他");
  std::set<std::string> names;
  for (const FindingCodeInfo& c : FindingCodes()) EXPECT_TRUE(names.insert(c.name).second) << c.name;
}

TEST(FindingCodesTest, SchemaEnumIsTheTable) {
  const auto schema = nlohmann::json::parse(ReadSource("schemas/findings.schema.json"));
  std::vector<std::string> from_schema = schema["$defs"]["code"]["enum"].get<std::vector<std::string>>();
  std::vector<std::string> from_table;
  for (const FindingCodeInfo& c : FindingCodes()) from_table.push_back(c.code);
  EXPECT_EQ(from_schema, from_table);
}

TEST(FindingCodesTest, ReadmeTableIsTheTable) {
  // Rows of the README's table of checks: | `CODE` | severity | when |
  std::istringstream readme(ReadSource("README.md"));
  std::map<std::string, std::string> rows;
  std::vector<std::string> order;
  for (std::string line; std::getline(readme, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    const size_t code_end = line.find("` |", 3);
    if (code_end == std::string::npos) continue;
    const std::string code = line.substr(3, code_end - 3);
    if (code.empty() || code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != std::string::npos) continue;
    const size_t sev_begin = code_end + 4, sev_end = line.find(" |", sev_begin);
    rows[code] = line.substr(sev_begin, sev_end - sev_begin);
    order.push_back(code);
  }
  std::vector<std::string> from_table;
  for (const FindingCodeInfo& c : FindingCodes()) {
    from_table.push_back(c.code);
    EXPECT_EQ(rows[c.code], c.severities) << c.code;
  }
  EXPECT_EQ(order, from_table);
}

}  // namespace
}  // namespace jixiao
