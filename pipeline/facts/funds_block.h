// The funds block of a self-evaluation table (项目资金 / 资金情况 / 年度预算申请):
//
//   项目资金（万元） | 年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值（10分） | 执行率（%） | 得分
//   年度资金总额     |   50       |   52.5         |   50.4         | 10           | 96          | 9.6
//   其中：当年财政拨款 | 50       |   50           |   48.4         | —            | 96.8        | —
//
// Columns are found by their header (schemas/concepts.json "funds_block"),
// decorations in brackets removed, in any order; rows by their label. The
// amount columns hold amounts in the block's unit; 分值, 执行率, 得分 and 序号
// never do, on any row. A cell holding "——", "/", "-" or nothing is "not
// stated", which is not 0.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/facts/vocabulary.h"
#include "pipeline/model/document.h"
#include "pipeline/numbers/decimal.h"

namespace jixiao {

enum FundsColumn { kFundsInitial, kFundsFull, kFundsExecuted, kFundsWeight, kFundsRate, kFundsScore, kFundsColumns };

struct FundsValue {
  const Cell* cell = nullptr;           // null when the block has no such column
  std::optional<numbers::Decimal> value;  // as written, in the block's unit (rates in %)
  std::string text;                     // the cell text, spaces removed
  bool stated() const { return value.has_value(); }
};

struct FundsRow {
  int row = -1;
  std::string label;       // as written, spaces removed ("其中：当年财政拨款")
  std::string concept_id;  // "total", "src_general", "basic" …, or "" when unknown
  std::string partition;   // "" for the total row; "source", "nature" … for its parts
  const Cell* label_cell = nullptr;
  FundsValue values[kFundsColumns];
};

struct FundsBlock {
  int block = -1;          // index of the table in Document::blocks
  int header_row = -1;
  int cols[kFundsColumns] = {-1, -1, -1, -1, -1, -1};  // grid column of each, -1 when absent
  int seq_col = -1;        // 序号
  std::string unit = "万元";
  std::vector<FundsRow> rows;  // the total row first when there is one
  const FundsRow* Total() const { return !rows.empty() && rows[0].concept_id == "total" ? &rows[0] : nullptr; }
};

// The header text without decorations: spaces, and anything in brackets
// ("全年预算数（A）" → "全年预算数", "执行率(B/A)" → "执行率").
std::string StripHeaderDecorations(const std::string& text);

// The funds blocks of one table (usually none or one; a table of several
// projects may hold several), block index `block`.
std::vector<FundsBlock> FindFundsBlocks(const Table& table, int block, const Vocabulary& vocabulary);

}  // namespace jixiao
