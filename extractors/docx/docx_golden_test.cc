// Golden files: DocumentToJson of every feature fixture in
// corpus/docx-features, compared with tests/golden/docx/<name>.json.
// JIXIAO_REGENERATE_GOLDEN=1 rewrites them instead (review the diff).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "extractors/docx/docx_extractor.h"
#include "extractors/docx/docx_test_util.h"
#include "pipeline/model/export.h"

namespace jixiao {
namespace {

using docx_test::ReadFileOrEmpty;
using docx_test::SourcePath;
using docx_test::WriteFile;

TEST(DocxGolden, FeatureFixtures) {
  const bool regenerate = std::getenv("JIXIAO_REGENERATE_GOLDEN") != nullptr &&
                          std::string(std::getenv("JIXIAO_REGENERATE_GOLDEN")) == "1";
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(SourcePath("corpus/docx-features"))) {
    if (e.path().extension() == ".docx") names.push_back(e.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  ASSERT_GE(names.size(), 10u);
  fs::create_directories(SourcePath("tests/golden/docx"));
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    std::string rel = "corpus/docx-features/" + name + ".docx";
    Document doc;
    Status s = ExtractDocx(SourcePath(rel), ExtractOptions(), &doc);
    ASSERT_TRUE(s.ok()) << s.ToString();
    doc.source.path = rel;  // stable across checkouts
    std::string json = DocumentToJson(doc).dump(2) + "\n";
    std::string golden = SourcePath("tests/golden/docx/" + name + ".json");
    if (regenerate) {
      ASSERT_TRUE(WriteFile(golden, json));
      continue;
    }
    std::string want = ReadFileOrEmpty(golden);
    ASSERT_FALSE(want.empty()) << golden << " missing: run with JIXIAO_REGENERATE_GOLDEN=1";
    EXPECT_EQ(json, want) << "differs from " << golden
                          << " (JIXIAO_REGENERATE_GOLDEN=1 rewrites it; review the diff)";
  }
}

}  // namespace
}  // namespace jixiao
