// .doc and .wps read through LibreOffice (extractors/convert): the fixture
// corpus/legacy/rate-mismatch.doc (make_legacy.sh) is read like its DOCX;
// without soffice the file is skipped as before; a hung soffice is killed at
// the time limit.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "extractors/convert/libreoffice.h"
#include "extractors/detect/extract_file.h"

namespace jixiao {
namespace {

const std::string kDoc = std::string(JIXIAO_SOURCE_DIR) + "/corpus/legacy/rate-mismatch.doc";
const std::string kDocx = std::string(JIXIAO_SOURCE_DIR) + "/corpus/variants/rate-mismatch.docx";

std::string AllText(const Document& doc) {
  std::string s;
  for (const Block& b : doc.blocks) {
    s += b.FullText() + "\n";
    for (const Cell& c : b.table.cells) s += c.Text() + "\n";
  }
  return s;
}

int Tables(const Document& doc) {
  int n = 0;
  for (const Block& b : doc.blocks) n += b.kind == BlockKind::kTable;
  return n;
}

TEST(Convert, DocIsReadThroughLibreOfficeLikeItsDocx) {
  ASSERT_FALSE(FindSoffice().empty()) << "needs libreoffice-writer-nogui (scripts/setup.sh --test)";
  Document doc, docx;
  Status s = ExtractFile(kDoc, ExtractOptions(), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_TRUE(ExtractFile(kDocx, ExtractOptions(), &docx).ok());
  EXPECT_EQ(doc.source.format, "doc");
  EXPECT_EQ(doc.source.path, kDoc);
  EXPECT_EQ(doc.source.sha256.size(), 64u);
  EXPECT_EQ(doc.status, DocumentStatus::kOk);
  const std::string text = AllText(doc);
  EXPECT_NE(text.find("预算执行率95%"), std::string::npos);
  EXPECT_EQ(Tables(doc), Tables(docx));
  bool noted = false;
  for (const Diagnostic& d : doc.diagnostics) noted |= d.code == "converted_by_libreoffice";
  EXPECT_TRUE(noted);
}

TEST(Convert, WpsIsReadToo) {
  ASSERT_FALSE(FindSoffice().empty());
  const std::string wps = ::testing::TempDir() + "/report-" + std::to_string(getpid()) + ".WPS";
  std::filesystem::copy_file(kDoc, wps, std::filesystem::copy_options::overwrite_existing);
  Document doc;
  Status s = ExtractFile(wps, ExtractOptions(), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc.source.format, "wps");
  EXPECT_NE(AllText(doc).find("预算执行率95%"), std::string::npos);
  std::remove(wps.c_str());
}

TEST(Convert, WithoutLibreOfficeTheFileIsSkippedAsBefore) {
  setenv("JIXIAO_SOFFICE", "", 1);
  Document doc;
  Status s = ExtractFile(kDoc, ExtractOptions(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(s.message(), "legacy Word .doc is not supported; save it as .docx");
  EXPECT_EQ(doc.status, DocumentStatus::kSkipped);
  unsetenv("JIXIAO_SOFFICE");
}

TEST(Convert, AHungConverterIsKilledAtTheTimeLimit) {
  // A stand-in soffice that never finishes, with a child of its own.
  const std::string fake = ::testing::TempDir() + "/fake-soffice-" + std::to_string(getpid());
  {
    std::ofstream f(fake);
    f << "#!/bin/sh\nsleep 30 &\nsleep 30\n";
  }
  chmod(fake.c_str(), 0755);
  setenv("JIXIAO_SOFFICE", fake.c_str(), 1);
  ExtractOptions opts;
  opts.time_limit_seconds = 1;
  Document doc;
  const auto start = std::chrono::steady_clock::now();
  Status s = ExtractFile(kDoc, opts, &doc);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(s.code(), Status::Code::kTimeout) << s.ToString();
  EXPECT_LT(secs, 5.0);
  EXPECT_EQ(doc.status, DocumentStatus::kFailed);
  unsetenv("JIXIAO_SOFFICE");
  std::remove(fake.c_str());
}

}  // namespace
}  // namespace jixiao
