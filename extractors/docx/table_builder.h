// Builds a model Table from the rows and cells of a w:tbl as they stream by:
// w:gridSpan and the legacy w:hMerge become colspan, w:vMerge restart /
// continue become rowspan, w:gridBefore shifts a row's first cell.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/document.h"

namespace jixiao::docx {

class TableBuilder {
 public:
  // Word allows 63 columns; cells beyond this many grid columns are dropped
  // (AddCell says so) so that hostile spans cannot blow the grid up.
  static constexpr int kMaxColumns = 1000;

  enum class VMerge { kNone, kRestart, kContinue };
  enum class HMerge { kNone, kRestart, kContinue };

  TableBuilder(int table_index, int body_index);

  void SetGridColumns(int n) { grid_cols_ = n < kMaxColumns ? n : kMaxColumns; }
  // Rows: BeginRow, any number of AddCell, EndRow.
  void BeginRow(int grid_before);
  // Adds the next cell of the current row. Returns an English note when the
  // merge markup is inconsistent (a continued cell without one above it,
  // text in a continued cell), else "".
  std::string AddCell(int grid_span, VMerge vmerge, HMerge hmerge,
                      std::vector<std::string> paragraphs, std::vector<Table> nested);
  void EndRow();

  // The table; the builder is spent.
  Table Finish();

 private:
  Table table_;
  int grid_cols_ = 0;
  int row_ = -1;
  int col_ = 0;
  int body_index_;
  std::vector<int> above_;  // per grid column: index in table_.cells of the cell covering it in the previous row
  std::vector<int> here_;   // the same for the current row
  int last_in_row_ = -1;
};

}  // namespace jixiao::docx
