// Table grid reconstruction from w:tr / w:tc (spans and merges). Covered by
// docx_feature_test.cc (MergedCells, NestedTables) and table_builder_test.cc.
#include "extractors/docx/table_builder.h"

#include <algorithm>

namespace jixiao::docx {

namespace {

bool AllEmpty(const std::vector<std::string>& paragraphs) {
  for (const auto& p : paragraphs) {
    if (!p.empty()) return false;
  }
  return true;
}

}  // namespace

TableBuilder::TableBuilder(int table_index, int body_index) : body_index_(body_index) {
  table_.prov.table_index = table_index;
  table_.prov.body_index = body_index;
}

void TableBuilder::BeginRow(int grid_before) {
  ++row_;
  col_ = std::max(0, std::min(grid_before, kMaxColumns - 1));
  here_.assign(std::max<size_t>(above_.size(), static_cast<size_t>(col_)), -1);
  last_in_row_ = -1;
}

std::string TableBuilder::AddCell(int grid_span, VMerge vmerge, HMerge hmerge,
                                  std::vector<std::string> paragraphs, std::vector<Table> nested) {
  std::string note;
  if (row_ < 0) BeginRow(0);
  if (col_ >= kMaxColumns) return "cell beyond " + std::to_string(kMaxColumns) + " grid columns dropped";
  int span = std::max(1, std::min(grid_span, kMaxColumns - col_));
  if (here_.size() < static_cast<size_t>(col_ + span)) here_.resize(col_ + span, -1);

  if (hmerge == HMerge::kContinue && last_in_row_ >= 0) {
    Cell& prev = table_.cells[last_in_row_];
    prev.colspan += span;
    for (int c = col_; c < col_ + span; ++c) here_[c] = last_in_row_;
    col_ += span;
    if (!AllEmpty(paragraphs)) {
      for (auto& p : paragraphs) {
        if (!p.empty()) prev.paragraphs.push_back(std::move(p));
      }
      note = "text in a horizontally merged (continued) cell was appended to the merged cell";
    }
    return note;
  }

  if (vmerge == VMerge::kContinue) {
    int owner = (static_cast<size_t>(col_) < above_.size()) ? above_[col_] : -1;
    if (owner >= 0 && table_.cells[owner].col == col_) {
      Cell& top = table_.cells[owner];
      top.rowspan = row_ - top.row + 1;
      span = std::min(std::max(span, top.colspan), kMaxColumns - col_);
      for (int c = col_; c < col_ + span; ++c) {
        if (static_cast<size_t>(c) >= here_.size()) here_.resize(c + 1, -1);
        here_[c] = owner;
      }
      col_ += span;
      if (!AllEmpty(paragraphs) || !nested.empty()) {
        for (auto& p : paragraphs) {
          if (!p.empty()) top.paragraphs.push_back(std::move(p));
        }
        for (auto& t : nested) top.nested.push_back(std::move(t));
        note = "text in a vertically merged (continued) cell was appended to the merged cell";
      }
      last_in_row_ = owner;
      return note;
    }
    note = "vertically merged cell continues no cell above it; kept as a cell of its own";
  }

  Cell cell;
  cell.row = row_;
  cell.col = col_;
  cell.colspan = span;
  cell.paragraphs = std::move(paragraphs);
  cell.nested = std::move(nested);
  cell.prov.body_index = body_index_;
  cell.prov.table_index = table_.prov.table_index;
  cell.prov.row = row_;
  cell.prov.col = col_;
  table_.cells.push_back(std::move(cell));
  int idx = static_cast<int>(table_.cells.size()) - 1;
  for (int c = col_; c < col_ + span; ++c) here_[c] = idx;
  col_ += span;
  last_in_row_ = idx;
  return note;
}

void TableBuilder::EndRow() {
  if (row_ < 0) return;
  grid_cols_ = std::max(grid_cols_, col_);
  above_ = here_;
}

Table TableBuilder::Finish() {
  table_.rows = row_ + 1;
  int cols = grid_cols_;
  for (const Cell& c : table_.cells) cols = std::max(cols, c.col + c.colspan);
  table_.cols = cols;
  std::stable_sort(table_.cells.begin(), table_.cells.end(), [](const Cell& a, const Cell& b) {
    return a.row != b.row ? a.row < b.row : a.col < b.col;
  });
  return std::move(table_);
}

}  // namespace jixiao::docx
