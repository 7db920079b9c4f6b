// Helpers shared by the DOCX tests: fixture paths and one-call extraction.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "extractors/docx/docx_extractor.h"
#include "pipeline/model/document.h"

namespace jixiao::docx_test {

inline std::string SourcePath(const std::string& rel) {
  return std::string(JIXIAO_SOURCE_DIR) + "/" + rel;
}

inline std::string Fixture(const std::string& name) {
  return SourcePath("corpus/docx-features/" + name);
}

inline std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool WriteFile(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << data;
  return static_cast<bool>(out);
}

// Paragraph blocks (headings included), in order.
inline std::vector<const Block*> Paragraphs(const Document& doc) {
  std::vector<const Block*> out;
  for (const Block& b : doc.blocks) {
    if (b.kind != BlockKind::kTable) out.push_back(&b);
  }
  return out;
}

inline bool HasDiagnostic(const Document& doc, const std::string& code) {
  for (const auto& d : doc.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

}  // namespace jixiao::docx_test
