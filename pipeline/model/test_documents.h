// For tests: small documents built in code, the way the extractors would
// give them: paragraphs numbered in body order, and a table of plain cells
// whose last cell in a row spans to the table's width.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace jixiao {

using TestRows = std::vector<std::vector<std::string>>;

inline Document Paragraphs(const std::vector<std::string>& lines) {
  Document doc;
  for (const std::string& line : lines) {
    Block b;
    b.text = line;
    b.prov.body_index = static_cast<int>(doc.blocks.size());
    doc.blocks.push_back(b);
  }
  return doc;
}

// A table of single cells; a row may be shorter than the widest, its last
// cell then spans the rest.
inline Block TableBlock(const TestRows& rows) {
  Block b;
  b.kind = BlockKind::kTable;
  Table& t = b.table;
  t.rows = static_cast<int>(rows.size());
  for (const auto& r : rows) t.cols = std::max(t.cols, static_cast<int>(r.size()));
  for (int r = 0; r < t.rows; ++r)
    for (int c = 0; c < static_cast<int>(rows[r].size()); ++c) {
      Cell cell;
      cell.row = r;
      cell.col = c;
      if (c + 1 == static_cast<int>(rows[r].size())) cell.colspan = t.cols - c;
      cell.paragraphs = {rows[r][c]};
      t.cells.push_back(cell);
    }
  return b;
}

// The paragraphs first, then one table of `rows`.
inline Document TableDoc(const TestRows& rows, const std::vector<std::string>& paragraphs = {}) {
  Document doc = Paragraphs(paragraphs);
  doc.blocks.push_back(TableBlock(rows));
  return doc;
}

}  // namespace jixiao
