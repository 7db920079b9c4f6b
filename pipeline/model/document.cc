// Small accessors of the document model. Covered by model_test.cc.
#include "pipeline/model/document.h"

#include <algorithm>

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

CellIndex::CellIndex(const Table& table) : table_(table) {
  const int64_t size = int64_t{table.rows} * table.cols;
  if (table.rows <= 0 || table.cols <= 0 || size > kMaxGrid) return;
  slot_.assign(static_cast<size_t>(size), -1);
  // In cell order, keeping the first cell that covers a position, as Table::At.
  for (size_t i = 0; i < table.cells.size(); ++i) {
    const Cell& cell = table.cells[i];
    const int64_t row_end = std::min<int64_t>(int64_t{cell.row} + cell.rowspan, table.rows);
    const int64_t col_end = std::min<int64_t>(int64_t{cell.col} + cell.colspan, table.cols);
    for (int64_t r = std::max(cell.row, 0); r < row_end; ++r)
      for (int64_t c = std::max(cell.col, 0); c < col_end; ++c) {
        int& s = slot_[static_cast<size_t>(r * table.cols + c)];
        if (s < 0) s = static_cast<int>(i);
      }
  }
}

const Cell* CellIndex::At(int row, int col) const {
  if (slot_.empty()) return table_.At(row, col);
  if (row < 0 || col < 0 || row >= table_.rows || col >= table_.cols) return table_.At(row, col);
  int s = slot_[static_cast<size_t>(row) * table_.cols + col];
  return s < 0 ? nullptr : &table_.cells[static_cast<size_t>(s)];
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
