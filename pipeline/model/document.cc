// Small accessors of the document model. Covered by model_test.cc.
#include "pipeline/model/document.h"

#include <algorithm>

#include "pipeline/model/numbering_label.h"
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

namespace {

bool IsAttachmentHeading(const Block& b) {
  if (b.kind == BlockKind::kTable) return false;
  const std::string t = TrimSpaces(b.FullText());
  return t.rfind("附件", 0) == 0 && t.size() <= 8 && t.size() > 6 && t[6] >= '0' && t[6] <= '9';
}

// The top-level section number ("三、") a block opens, else 0.
int TopSectionNumber(const Block& b) {
  if (b.kind == BlockKind::kTable) return 0;
  std::string rest;
  const NumberingLabel l = SplitNumberingLabel(b.label.empty() ? b.text : b.label, &rest);
  return l.style == LabelStyle::kChineseComma ? l.value : 0;
}

}  // namespace

int NarrativeEnd(const Document& doc) {
  const int n = static_cast<int>(doc.blocks.size());
  int last_section = 0;  // the highest 一、 number seen so far
  int next_at = -1, next_for = -1;  // where the section after next_for opens
  for (int i = 0; i < n; ++i) {
    const Block& b = doc.blocks[i];
    if (IsAttachmentHeading(b)) return i;
    if (b.kind != BlockKind::kTable) {
      last_section = std::max(last_section, TopSectionNumber(b));
      continue;
    }
    // A table inside the narrative: the next section ("四、" after "三、")
    // follows it before any attachment heading.
    // One look-ahead serves every table before the section it found.
    if (next_at > i && next_for == last_section) continue;
    bool inside = false;
    for (int j = i + 1; j < n && last_section > 0 && !inside; ++j) {
      if (IsAttachmentHeading(doc.blocks[j])) break;
      inside = TopSectionNumber(doc.blocks[j]) == last_section + 1;
      if (inside) next_at = j, next_for = last_section;
    }
    if (!inside) return i;
  }
  return n;
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
