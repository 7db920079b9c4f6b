// Magic-byte sniffing of input files. Covered by detect_test.cc.
#include "extractors/detect/sniff.h"

#include <cstring>
#include <fstream>

#include "extractors/detect/ole2.h"
#include "pipeline/model/utf8.h"

namespace jixiao {

namespace {

bool StartsWith(const std::string& s, const char* prefix, size_t n) {
  return s.size() >= n && std::memcmp(s.data(), prefix, n) == 0;
}

std::string Hex4(const std::string& head) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < head.size() && i < 4; ++i) {
    unsigned char c = static_cast<unsigned char>(head[i]);
    if (i) out.push_back(' ');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

bool LooksLikeText(const std::string& head) {
  size_t i = 0, bad = 0;
  while (i < head.size()) {
    unsigned char c = static_cast<unsigned char>(head[i]);
    const int len = Utf8LeadLength(c);
    if (len == 0) return false;
    if (i + len > head.size()) break;  // cut at the end of the head
    for (int k = 1; k < len; ++k) {
      if (!IsUtf8Continuation(head[i + k])) return false;
    }
    if (len == 1 && c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++bad;
    i += len;
  }
  return bad * 20 < head.size() + 1;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

SniffResult SniffBytes(const std::string& head) {
  SniffResult r;
  if (head.empty()) {
    r.kind = FileKind::kEmpty;
    r.description = "an empty file";
    return r;
  }
  if (StartsWith(head, "PK\x03\x04", 4) || StartsWith(head, "PK\x05\x06", 4) ||
      StartsWith(head, "PK\x07\x08", 4)) {
    r.kind = FileKind::kDocx;
    // An OFD package starts with its OFD.xml entry: the local header's name
    // field is at offset 30.
    if (head.size() >= 37 && head.compare(30, 7, "OFD.xml") == 0) r.kind = FileKind::kOfd;
    r.description = "a ZIP archive";
    return r;
  }
  if (head.substr(0, 1024).find("%PDF-") != std::string::npos) {
    r.kind = FileKind::kPdf;
    r.description = "a PDF document";
    return r;
  }
  if (StartsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
    r.kind = FileKind::kOle2;
    r.description = "an OLE2 compound file";
    return r;
  }
  r.kind = FileKind::kOther;
  std::string lower = Lower(head.substr(0, 1024));
  if (StartsWith(head, "{\\rtf", 5)) r.description = "an RTF document";
  else if (StartsWith(head, "\x89PNG", 4)) r.description = "a PNG image";
  else if (StartsWith(head, "\xFF\xD8\xFF", 3)) r.description = "a JPEG image";
  else if (StartsWith(head, "GIF8", 4)) r.description = "a GIF image";
  else if (StartsWith(head, "II*\0", 4) || StartsWith(head, "MM\0*", 4)) r.description = "a TIFF image";
  else if (StartsWith(head, "BM", 2) && head.size() > 14) r.description = "a BMP image";
  else if (StartsWith(head, "\x1F\x8B", 2)) r.description = "a gzip archive";
  else if (StartsWith(head, "Rar!", 4)) r.description = "a RAR archive";
  else if (StartsWith(head, "7z\xBC\xAF\x27\x1C", 6)) r.description = "a 7-Zip archive";
  else if (StartsWith(head, "\x7F" "ELF", 4)) r.description = "an executable (ELF)";
  else if (StartsWith(head, "MZ", 2)) r.description = "a Windows executable";
  else if (lower.find("mime-version:") != std::string::npos)
    r.description = "a web archive (MHTML, e.g. a Word file saved as a web page)";
  else if (lower.find("<w:worddocument") != std::string::npos || lower.find("<pkg:package") != std::string::npos)
    r.description = "a Word XML document (Word 2003 XML or flat OPC), not a .docx package";
  else if (lower.find("<html") != std::string::npos || lower.find("<!doctype html") != std::string::npos)
    r.description = "an HTML page";
  else if (StartsWith(head, "<?xml", 5)) r.description = "an XML file";
  else if (LooksLikeText(head)) r.description = "a plain text file";
  else r.description = "unknown binary data (starts with " + Hex4(head) + ")";
  return r;
}

Status SniffFile(const std::string& path, SniffResult* result) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open " + path);
  std::string head(4096, '\0');
  in.read(&head[0], static_cast<std::streamsize>(head.size()));
  if (in.bad()) return Status::IoError("cannot read " + path);
  head.resize(static_cast<size_t>(in.gcount()));
  *result = SniffBytes(head);
  if (result->kind == FileKind::kOle2) {
    std::vector<std::string> names;
    bool read = ReadOle2EntryNames(path, &names);
    bool word = false, excel = false, ppt = false;
    for (const auto& n : names) {
      if (n == "EncryptedPackage") result->encrypted = true;
      if (n == "WordDocument") word = true;
      if (n == "WordDocument" && read) result->word_document = true;
      if (n == "Workbook" || n == "Book") excel = true;
      if (n == "PowerPoint Document") ppt = true;
    }
    if (result->encrypted) result->description = "an encrypted (password-protected) Office document";
    else if (word || !read) result->description = "a legacy Word .doc";
    else if (excel) result->description = "a legacy Excel .xls";
    else if (ppt) result->description = "a legacy PowerPoint .ppt";
    else result->description = "an OLE2 compound file that is not a Word document";
  }
  return Status::Ok();
}

}  // namespace jixiao
