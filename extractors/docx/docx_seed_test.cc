// The reference report (corpus/seed/junshan-gsl-2024.docx): its text layout
// must reproduce the expected dump line by line, and every paragraph and
// table cell of the original text dump of the real report, in order (less
// the "[bookmark: _GoBack]" artefact of that dump and the one heading the
// dump glued to the previous paragraph).
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/docx/docx_extractor.h"
#include "extractors/docx/docx_test_util.h"
#include "pipeline/model/export.h"

namespace jixiao {
namespace {

using docx_test::ReadFileOrEmpty;
using docx_test::SourcePath;

const char kSeedDocx[] = "corpus/seed/junshan-gsl-2024.docx";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

class DocxSeed : public testing::Test {
 protected:
  void SetUp() override {
    Status s = ExtractDocx(SourcePath(kSeedDocx), ExtractOptions(), &doc_);
    ASSERT_TRUE(s.ok()) << s.ToString();
    text_ = DocumentToText(doc_);
  }
  Document doc_;
  std::string text_;
};

TEST_F(DocxSeed, ReproducesTheExpectedDump) {
  std::vector<std::string> want = Lines(ReadFileOrEmpty(SourcePath("corpus/seed/junshan-gsl-2024.expected.txt")));
  std::vector<std::string> got = Lines(text_);
  ASSERT_FALSE(want.empty());
  for (size_t i = 0; i < want.size() && i < got.size(); ++i) {
    ASSERT_EQ(got[i], want[i]) << "first difference at line " << i + 1;
  }
  EXPECT_EQ(got.size(), want.size());
}

TEST_F(DocxSeed, ReproducesTheOriginalDumpInOrder) {
  std::string original = ReadFileOrEmpty(SourcePath("corpus/seed/junshan-gsl-2024-self-evaluation.txt"));
  const std::string artefact = "[bookmark: _GoBack]";
  for (size_t p; (p = original.find(artefact)) != std::string::npos;) original.erase(p, artefact.size());
  std::vector<std::string> want, got;
  for (auto& l : Lines(original)) if (!l.empty()) want.push_back(l);
  for (auto& l : Lines(text_)) if (!l.empty()) got.push_back(l);
  ASSERT_GT(want.size(), 300u);
  size_t j = 0;
  int glued = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    ASSERT_LT(j, got.size()) << "ran out of extracted lines at original line: " << want[i];
    if (got[j] == want[i]) {
      ++j;
    } else if (j + 1 < got.size() && got[j] + got[j + 1] == want[i]) {
      j += 2;  // the dump glued a heading to the previous paragraph
      ++glued;
    } else {
      FAIL() << "original line " << i + 1 << " not reproduced:\n  want: " << want[i] << "\n  got:  " << got[j];
    }
  }
  EXPECT_EQ(j, got.size());
  EXPECT_EQ(glued, 1);
}

TEST_F(DocxSeed, Structure) {
  EXPECT_EQ(doc_.status, DocumentStatus::kOk);
  EXPECT_EQ(doc_.source.format, "docx");
  const Block* first_heading = nullptr;
  std::vector<const Block*> tables;
  std::vector<std::string> labels;
  for (const Block& b : doc_.blocks) {
    if (b.kind == BlockKind::kHeading && first_heading == nullptr) first_heading = &b;
    if (b.kind == BlockKind::kTable) tables.push_back(&b);
    if (!b.label.empty()) labels.push_back(b.label);
  }
  ASSERT_NE(first_heading, nullptr);
  // The first top-level heading has no 一、 in the report (a finding).
  EXPECT_EQ(first_heading->text, "部门（单位）基本情况");
  EXPECT_EQ(first_heading->level, 1);
  EXPECT_EQ(first_heading->label, "");
  // Typed labels, as the report has them, numbering breaks included.
  auto has = [&](const std::string& l) {
    return std::find(labels.begin(), labels.end(), l) != labels.end();
  };
  EXPECT_TRUE(has("三、"));
  EXPECT_TRUE(has("十、"));
  EXPECT_TRUE(has("（2） "));
  EXPECT_TRUE(has("（3） "));
  // 附件1, 附件2 and the indicator table, with merged cells.
  ASSERT_EQ(tables.size(), 3u);
  const Table& a1 = tables[0]->table;
  EXPECT_EQ(a1.At(0, 0)->Text(), "财政供养人员情况（人）");
  EXPECT_EQ(a1.At(1, 0)->rowspan, 2);
  const Table& a2 = tables[1]->table;
  EXPECT_EQ(a2.prov.table_index, 1);
  bool any_rowspan = false;
  for (const Cell& c : a2.cells) any_rowspan |= c.rowspan > 1;
  EXPECT_TRUE(any_rowspan);
}

}  // namespace
}  // namespace jixiao
