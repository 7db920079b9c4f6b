// Small accessors of the document model. Covered by model_test.cc.
#include "pipeline/model/document.h"

#include "pipeline/model/text_util.h"

namespace jixiao {

std::string Cell::Text() const {
  std::string out;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) out += '\n';
    out += paragraphs[i];
  }
  return out;
}

const Cell* Table::At(int r, int c) const {
  for (const Cell& cell : cells) {
    if (r >= cell.row && r < cell.row + cell.rowspan && c >= cell.col && c < cell.col + cell.colspan)
      return &cell;
  }
  return nullptr;
}

void Document::AddDiagnostic(Diagnostic::Severity severity, std::string code, std::string message,
                             Provenance prov) {
  diagnostics.push_back({severity, std::move(code), std::move(message), std::move(prov)});
}

int NarrativeEnd(const Document& doc) {
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::kTable) return static_cast<int>(i);
    const std::string t = TrimSpaces(b.FullText());
    if (t.rfind("附件", 0) == 0 && t.size() <= 8 && t.size() > 6 && t[6] >= '0' && t[6] <= '9')
      return static_cast<int>(i);
  }
  return static_cast<int>(doc.blocks.size());
}

const char* DocumentStatusName(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::kOk: return "ok";
    case DocumentStatus::kPartial: return "partial";
    case DocumentStatus::kFailed: return "failed";
    case DocumentStatus::kSkipped: return "skipped";
  }
  return "failed";
}

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeading: return "heading";
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kTable: return "table";
  }
  return "paragraph";
}

const char* SeverityName(Diagnostic::Severity severity) {
  switch (severity) {
    case Diagnostic::Severity::kInfo: return "info";
    case Diagnostic::Severity::kWarning: return "warning";
    case Diagnostic::Severity::kError: return "error";
  }
  return "info";
}

}  // namespace jixiao
