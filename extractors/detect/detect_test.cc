// ExtractFile's dispatch by magic bytes, and the one-line reasons it gives for
// files jixiao does not read. Inputs other than the committed fixtures are
// generated here at test time.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "extractors/detect/extract_file.h"
#include "extractors/detect/ole2.h"
#include "extractors/detect/sniff.h"

namespace jixiao {
namespace {

std::string TempPath(const std::string& name) { return testing::TempDir() + "/detect_" + name; }

std::string Write(const std::string& name, const std::string& bytes) {
  std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

void Put32(std::string* s, size_t off, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*s)[off + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
void Put16(std::string* s, size_t off, uint16_t v) {
  (*s)[off] = static_cast<char>(v & 0xFF);
  (*s)[off + 1] = static_cast<char>(v >> 8);
}

// A minimal valid compound file (512-byte sectors: FAT in sector 0, the
// directory in sector 1) whose directory holds a root and `streams`.
std::string MakeOle2(const std::vector<std::string>& streams) {
  std::string f(512 * 3, '\0');
  const unsigned char magic[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  for (int i = 0; i < 8; ++i) f[i] = static_cast<char>(magic[i]);
  Put16(&f, 0x18, 0x3E);
  Put16(&f, 0x1A, 3);
  Put16(&f, 0x1C, 0xFFFE);
  Put16(&f, 0x1E, 9);
  Put16(&f, 0x20, 6);
  Put32(&f, 0x2C, 1);           // one FAT sector
  Put32(&f, 0x30, 1);           // directory starts in sector 1
  Put32(&f, 0x38, 4096);
  Put32(&f, 0x3C, 0xFFFFFFFE);  // no mini FAT
  Put32(&f, 0x44, 0xFFFFFFFE);  // no DIFAT sectors
  Put32(&f, 0x4C, 0);           // FAT is sector 0
  for (int i = 1; i < 109; ++i) Put32(&f, 0x4C + 4 * i, 0xFFFFFFFF);
  size_t fat = 512;
  for (int i = 0; i < 128; ++i) Put32(&f, fat + 4 * i, 0xFFFFFFFF);
  Put32(&f, fat, 0xFFFFFFFD);      // sector 0: FAT
  Put32(&f, fat + 4, 0xFFFFFFFE);  // sector 1: end of the directory chain
  auto entry = [&](int idx, const std::string& name, uint8_t type) {
    size_t e = 1024 + 128 * idx;
    for (size_t i = 0; i < name.size(); ++i) Put16(&f, e + 2 * i, static_cast<uint8_t>(name[i]));
    Put16(&f, e + 64, static_cast<uint16_t>(2 * name.size() + 2));
    f[e + 66] = static_cast<char>(type);
    Put32(&f, e + 68, 0xFFFFFFFF);
    Put32(&f, e + 72, 0xFFFFFFFF);
    Put32(&f, e + 76, 0xFFFFFFFF);
  };
  entry(0, "Root Entry", 5);
  for (size_t i = 0; i < streams.size() && i < 3; ++i) entry(static_cast<int>(i) + 1, streams[i], 2);
  return f;
}

TEST(Detect, DocxGoesToTheDocxBackEnd) {
  Document doc;
  Status s = ExtractFile(std::string(JIXIAO_SOURCE_DIR) + "/corpus/docx-features/merged-cells.docx",
                         ExtractOptions(), &doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc.source.format, "docx");
  EXPECT_EQ(doc.status, DocumentStatus::kOk);
  EXPECT_FALSE(doc.blocks.empty());
}

TEST(Detect, EncryptedDocx) {
  std::string path = Write("encrypted.docx", MakeOle2({"EncryptionInfo", "EncryptedPackage"}));
  std::vector<std::string> names;
  ASSERT_TRUE(ReadOle2EntryNames(path, &names));
  EXPECT_EQ(names.size(), 3u);
  Document doc;
  Status s = ExtractFile(path, ExtractOptions(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(s.message(), "encrypted DOCX (password-protected): remove the password and save again");
  EXPECT_EQ(doc.status, DocumentStatus::kSkipped);
  EXPECT_EQ(doc.status_reason, s.message());
  EXPECT_EQ(doc.source.sha256.size(), 64u);
}

TEST(Detect, LegacyDoc) {
  setenv("JIXIAO_SOFFICE", "", 1);  // as without LibreOffice (convert_test covers it)
  std::string path = Write("legacy.doc", MakeOle2({"WordDocument", "1Table"}));
  Document doc;
  Status s = ExtractFile(path, ExtractOptions(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(s.message(), "legacy Word .doc is not supported; save it as .docx");
  EXPECT_EQ(doc.status, DocumentStatus::kSkipped);
}

TEST(Detect, DamagedOle2IsTreatedAsLegacyDoc) {
  // Its directory cannot be read: not handed to LibreOffice either way.
  std::string bytes = MakeOle2({"WordDocument"}).substr(0, 600);
  Document doc;
  Status s = ExtractFile(Write("damaged.doc", bytes), ExtractOptions(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(s.message(), "legacy Word .doc is not supported; save it as .docx");
}

TEST(Detect, LegacyXls) {
  Document doc;
  Status s = ExtractFile(Write("legacy.xls", MakeOle2({"Workbook"})), ExtractOptions(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_NE(s.message().find(".xls"), std::string::npos);
}

TEST(Detect, OtherKindsSayWhatTheyLookLike) {
  struct Case { const char* name; std::string bytes; const char* want; };
  const Case cases[] = {
      {"a.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\0'), "a PNG image"},
      {"a.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + std::string(64, 'x'), "a JPEG image"},
      {"a.rtf", "{\\rtf1\\ansi hello}", "an RTF document"},
      {"a.txt", "2024年度君山区工商业联合会整体支出绩效自评报告\n", "a plain text file"},
      {"a.html", "<!DOCTYPE html><html><body>x</body></html>", "an HTML page"},
      {"a.mht", "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n", "a web archive"},
      {"a.bin", std::string("\x01\x02\x03\x04\x05\x00\x00\x00", 8), "unknown binary data (starts with 01 02 03 04)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Document doc;
    Status s = ExtractFile(Write(c.name, c.bytes), ExtractOptions(), &doc);
    EXPECT_EQ(s.code(), Status::Code::kUnsupported);
    EXPECT_EQ(s.message().rfind("not a DOCX or PDF: it looks like ", 0), 0u) << s.message();
    EXPECT_NE(s.message().find(c.want), std::string::npos) << s.message();
    EXPECT_EQ(doc.status, DocumentStatus::kSkipped);
  }
}

TEST(Detect, EmptyFileIsSkippedAsInRun) {
  // `run` lists an empty file as skipped ("空文件（0 字节）"); `check` says the same.
  Document doc;
  Status s = ExtractFile(Write("empty.docx", ""), ExtractOptions(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kUnsupported);
  EXPECT_EQ(doc.status, DocumentStatus::kSkipped);
  EXPECT_EQ(doc.status_reason, "empty file (0 bytes): nothing to screen");
}

TEST(Detect, MissingFileIsIoError) {
  Document doc;
  Status s = ExtractFile(TempPath("does-not-exist.docx"), ExtractOptions(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_EQ(doc.status, DocumentStatus::kFailed);
}

TEST(Detect, ZipWithoutDocumentXml) {
  // A stored (uncompressed) ZIP holding one file "a.txt" = "hi".
  const uint32_t crc = 0xD8932AAC;
  std::string z;
  auto u16 = [&](uint16_t v) { z.push_back(char(v & 0xFF)); z.push_back(char(v >> 8)); };
  auto u32 = [&](uint32_t v) { for (int i = 0; i < 4; ++i) z.push_back(char((v >> (8 * i)) & 0xFF)); };
  z += "PK\x03\x04"; u16(10); u16(0); u16(0); u16(0); u16(0); u32(crc); u32(2); u32(2); u16(5); u16(0);
  z += "a.txthi";
  size_t cd = z.size();
  z += "PK\x01\x02"; u16(20); u16(10); u16(0); u16(0); u16(0); u16(0); u32(crc); u32(2); u32(2);
  u16(5); u16(0); u16(0); u16(0); u16(0); u32(0); u32(0);
  z += "a.txt";
  size_t cd_size = z.size() - cd;
  z += "PK\x05\x06"; u16(0); u16(0); u16(1); u16(1); u32(static_cast<uint32_t>(cd_size));
  u32(static_cast<uint32_t>(cd)); u16(0);
  Document doc;
  Status s = ExtractFile(Write("nodoc.zip", z), ExtractOptions(), &doc);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "ZIP archive without word/document.xml: not a DOCX");
  EXPECT_EQ(doc.status, DocumentStatus::kFailed);
}

TEST(Detect, PdfDispatch) {
  Document doc;
  Status s = ExtractFile(Write("tiny.pdf", "%PDF-1.4\n%%EOF\n"), ExtractOptions(), &doc);
  // The PDF back-end decides; a broken PDF must not come back as a DOCX error.
  EXPECT_EQ(s.message().find("ZIP"), std::string::npos) << s.message();
  EXPECT_EQ(doc.source.format, "pdf");
}

TEST(Detect, SniffBytes) {
  EXPECT_EQ(SniffBytes("PK\x03\x04rest").kind, FileKind::kDocx);
  EXPECT_EQ(SniffBytes("junk\n%PDF-1.7").kind, FileKind::kPdf);
  EXPECT_EQ(SniffBytes("").kind, FileKind::kEmpty);
  EXPECT_EQ(SniffBytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)).kind, FileKind::kOle2);
}

}  // namespace
}  // namespace jixiao
