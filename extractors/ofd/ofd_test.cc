// The OFD back-end on a package made by corpus/ofd/make_ofd.py (paragraphs
// typeset line by line, a table ruled with paths, a running header and page
// numbers) and on broken packages.
#include "extractors/ofd/ofd_extractor.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace jixiao {
namespace {

const std::string kDir = std::string(JIXIAO_SOURCE_DIR) + "/corpus/ofd/";

std::string Strip(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n' && c != '\t') out += c;
  return out;
}

TEST(Ofd, ParagraphsAndRuledTableAsTyped) {
  Document doc;
  Status s = ExtractOfd(kDir + "rate-mismatch.ofd", ExtractOptions(), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc.status, DocumentStatus::kOk) << doc.status_reason;
  EXPECT_EQ(doc.source.format, "ofd");
  EXPECT_EQ(doc.source.page_count, 2);
  std::ifstream in(kDir + "rate-mismatch.expected.json");
  nlohmann::json want = nlohmann::json::parse(in);

  std::vector<std::string> paragraphs;
  const Table* table = nullptr;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kTable) {
      if (!table) table = &b.table;
    } else {
      paragraphs.push_back(Strip(b.FullText()));
    }
  }
  // Every typed paragraph, whole and in order (wrapped lines joined), and
  // neither the running header nor the page numbers.
  std::vector<std::string> expected;
  for (const auto& p : want["paragraphs"]) expected.push_back(Strip(p.get<std::string>()));
  EXPECT_EQ(paragraphs, expected);

  ASSERT_NE(table, nullptr);
  const auto& rows = want["rows"];
  EXPECT_EQ(table->rows, static_cast<int>(rows.size()));
  EXPECT_EQ(table->cols, 4);
  int exact = 0, total = 0;
  CellIndex index(*table);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const std::string cell_want = Strip(rows[r][c].get<std::string>());
      const Cell* cell = index.At(static_cast<int>(r), static_cast<int>(c));
      ++total;
      exact += cell && Strip(cell->Text()) == cell_want;
    }
  }
  EXPECT_EQ(exact, total);
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const std::string path = ::testing::TempDir() + "/" + std::to_string(getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(Ofd, BrokenPackagesEndWithAStatus) {
  Document a;
  EXPECT_EQ(ExtractOfd(WriteTemp("x.ofd", "PK\x03\x04 not really"), ExtractOptions(), &a).code(),
            Status::Code::kInvalidInput);
  EXPECT_EQ(a.status, DocumentStatus::kFailed);
  // A real ZIP without OFD.xml: the corpus's DOCX.
  Document b;
  Status s = ExtractOfd(std::string(JIXIAO_SOURCE_DIR) + "/corpus/variants/clean.docx", ExtractOptions(), &b);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_NE(s.message().find("OFD.xml"), std::string::npos);
}

}  // namespace
}  // namespace jixiao
