// Reading the funds block by its headers and row labels (vocabulary in
// schemas/concepts.json "funds_block"). Covered by funds_block_test.cc and
// the templates corpus (corpus/templates).
#include "pipeline/facts/funds_block.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "pipeline/model/text_util.h"
#include "pipeline/numbers/quantity.h"

namespace jixiao {
namespace {

using numbers::Decimal;
using numbers::Quantity;
using numbers::QuantityKind;

int ColumnIndex(const std::string& id) {
  if (id == "initial") return kFundsInitial;
  if (id == "full") return kFundsFull;
  if (id == "executed") return kFundsExecuted;
  if (id == "weight") return kFundsWeight;
  if (id == "rate") return kFundsRate;
  if (id == "score") return kFundsScore;
  if (id == "seq") return kFundsColumns;  // 序号
  return -1;
}

// The column a header names (kFundsColumns for 序号), or -1.
int HeaderColumn(const std::string& header, const FundsVocabulary& v) {
  const std::string h = StripHeaderDecorations(header);
  if (h.empty() || h.size() > 3 * 12) return -1;
  for (const auto& [synonym, id] : v.columns)
    if (h == synonym) return ColumnIndex(id);
  return -1;
}

// The unit a header names in brackets ("项目资金（万元）"), or "".
std::string HeaderUnit(const std::string& header) {
  static const RE2 kUnit(R"([（(]\s*(亿元|万元|千元|元)\s*[)）])");
  std::string unit;
  RE2::PartialMatch(header, kUnit, &unit);
  return unit;
}

// "其中：当年财政拨款" → "当年财政拨款"; "1.上年结转" → "上年结转".
std::string BareLabel(const std::string& label) {
  static const RE2 kLead(R"(^(?:其中|包括)?[：:、，,\s]*(?:[（(]?[0-9一二三四五六七八九十]+[)）.、．]\s*)?)");
  std::string s = StripHeaderDecorations(label);
  RE2::Replace(&s, kLead, "");
  static const RE2 kTail(R"([：:]+$)");
  RE2::Replace(&s, kTail, "");
  return s;
}

bool NotStated(const std::string& squeezed, const FundsVocabulary& v) {
  if (squeezed.empty()) return true;
  return std::find(v.not_stated.begin(), v.not_stated.end(), squeezed) != v.not_stated.end();
}

// The one figure a cell holds when the cell is nothing but that figure.
std::optional<Quantity> OnlyFigure(const std::string& squeezed) {
  if (squeezed.empty() || squeezed.size() > 40) return std::nullopt;
  std::vector<Quantity> qs = numbers::FindQuantities(squeezed);
  if (qs.size() != 1 || qs[0].span.begin > 0 || qs[0].span.end < squeezed.size()) return std::nullopt;
  return qs[0];
}

int UnitShift(const std::string& unit) {
  if (unit == "万元") return 4;
  if (unit == "亿元") return 8;
  if (unit == "千元") return 3;
  return 0;
}

// The value of a cell in column `col` of a block in `unit`; nullopt when the
// cell states nothing or is not a figure of that column's kind.
std::optional<Decimal> ValueOf(const std::string& squeezed, int col, const std::string& unit, bool percent_header) {
  std::optional<Quantity> q = OnlyFigure(squeezed);
  if (!q) return std::nullopt;
  switch (col) {
    case kFundsInitial:
    case kFundsFull:
    case kFundsExecuted:
      if (q->kind == QuantityKind::kNumber) return q->value;
      if (q->kind == QuantityKind::kAmount) return q->canonical.MulPow10(-UnitShift(unit));
      return std::nullopt;
    case kFundsRate:
      if (q->kind == QuantityKind::kPercent) return q->value;
      if (q->kind != QuantityKind::kNumber) return std::nullopt;
      // "0.96" under a header without % is a ratio; "96" a percentage.
      if (!percent_header && q->value.decimals() > 0 && q->value <= Decimal::FromInt(1)) return q->value.MulPow10(2);
      return q->value;
    case kFundsWeight:
    case kFundsScore:
      if (q->kind == QuantityKind::kNumber || q->kind == QuantityKind::kScore) return q->value;
      return std::nullopt;
  }
  return std::nullopt;
}

// Concept and partition of a row label; concept "total" for the total row.
void ClassifyRow(const std::string& label, const FundsVocabulary& v, std::string* concept_id, std::string* partition) {
  const std::string bare = BareLabel(label);
  concept_id->clear();
  partition->clear();
  if (bare.empty()) return;
  for (const std::string& t : v.total_rows)
    if (bare == t) { *concept_id = "total"; return; }
  for (const FundsRowLabel& r : v.rows) {
    if (bare == r.label || (bare.size() <= r.label.size() + 3 * 4 && bare.find(r.label) != std::string::npos)) {
      *concept_id = r.concept_id;
      *partition = r.partition;
      return;
    }
  }
}

}  // namespace

std::string StripHeaderDecorations(const std::string& text) {
  static const RE2 kBrackets(R"([（(][^（()）]*[)）])");
  std::string s = RemoveSpaces(text);
  RE2::GlobalReplace(&s, kBrackets, "");
  return s;
}

std::vector<FundsBlock> FindFundsBlocks(const Table& t, int block, const Vocabulary& vocabulary) {
  const FundsVocabulary& v = vocabulary.funds();
  std::vector<FundsBlock> out;
  if (v.columns.empty() || t.rows <= 0 || t.cols <= 0) return out;
  const CellIndex grid(t);
  // Cells by row, in column order.
  std::map<int, std::vector<const Cell*>> by_row;
  for (const Cell& c : t.cells)
    if (c.row >= 0 && c.row < t.rows) by_row[c.row].push_back(&c);
  for (auto& [row, cells] : by_row)
    std::sort(cells.begin(), cells.end(), [](const Cell* a, const Cell* b) { return a->col < b->col; });

  for (auto it = by_row.begin(); it != by_row.end(); ++it) {
    // A header row: at least two amount columns named.
    FundsBlock fb;
    fb.block = block;
    int amounts = 0;
    std::string unit;
    bool percent_header = false;
    // By grid position, so that a header merged down from the row above
    // (全年执行数 over a two-row header whose 预算数 splits into 年初/全年) counts.
    for (int gc = 0; gc < t.cols; ++gc) {
      const Cell* c = grid.At(it->first, gc);
      if (!c || c->col + c->colspan - 1 != gc) continue;
      const std::string text = c->Text();
      const int col = HeaderColumn(text, v);
      if (unit.empty()) unit = HeaderUnit(text);
      if (col < 0) continue;
      const int grid_col = gc;
      if (col == kFundsColumns) { fb.seq_col = grid_col; continue; }
      if (fb.cols[col] >= 0) continue;
      fb.cols[col] = grid_col;
      if (col <= kFundsExecuted) ++amounts;
      if (col == kFundsRate && text.find('%') != std::string::npos) percent_header = true;
      if (col == kFundsRate && (text.find("％") != std::string::npos)) percent_header = true;
    }
    if (amounts < 2) continue;
    fb.header_row = it->first;
    if (!unit.empty()) fb.unit = unit;
    int first_col = t.cols;
    for (int k = 0; k < kFundsColumns; ++k)
      if (fb.cols[k] >= 0) first_col = std::min(first_col, fb.cols[k]);
    // Rows below, as long as they are rows of the block.
    auto next = std::next(it);
    for (; next != by_row.end(); ++next) {
      const int r = next->first;
      FundsRow row;
      row.row = r;
      // Label: the rightmost cell with text left of the first funds column.
      for (int c = first_col - 1; c >= 0; --c) {
        if (c == fb.seq_col) continue;
        const Cell* cell = grid.At(r, c);
        if (!cell || cell->row != r) continue;
        const std::string s = RemoveSpaces(cell->Text());
        if (s.empty()) continue;
        row.label_cell = cell;
        row.label = s;
        break;
      }
      bool foreign = false;  // a cell that is neither a figure nor "not stated"
      int stated = 0;
      for (int k = 0; k < kFundsColumns; ++k) {
        if (fb.cols[k] < 0) continue;
        const Cell* cell = grid.At(r, fb.cols[k]);
        if (!cell || cell->row != r || cell == row.label_cell) continue;
        FundsValue& fv = row.values[k];
        fv.cell = cell;
        fv.text = RemoveSpaces(cell->Text());
        if (NotStated(fv.text, v)) continue;
        fv.value = ValueOf(fv.text, k, fb.unit, percent_header);
        if (fv.value) ++stated;
        else foreign = true;
      }
      ClassifyRow(row.label, v, &row.concept_id, &row.partition);
      if (foreign && row.concept_id.empty()) break;  // the next part of the table
      const bool total_first = !fb.rows.empty() && fb.rows[0].concept_id == "total";
      if (row.concept_id == "total") {
        if (total_first) break;  // another block
        if (!fb.rows.empty()) {
          // 合计 below its parts: the block ends with its total, kept first.
          fb.rows.insert(fb.rows.begin(), std::move(row));
          ++next;
          break;
        }
      }
      if (row.concept_id.empty()) {
        // An unknown label under 其中 is a part of the previous row's partition.
        const bool under = row.label.rfind("其中", 0) == 0;
        if (stated == 0 && !under) {
          if (row.label.empty()) continue;
          break;
        }
        if (!fb.rows.empty() && !fb.rows.back().partition.empty()) row.partition = fb.rows.back().partition;
        else if (!fb.rows.empty()) row.partition = "source";
        else break;
      }
      fb.rows.push_back(std::move(row));
    }
    // Parts without a total row below them are no block of their own.
    if (!fb.rows.empty() && fb.rows[0].concept_id != "total") fb.rows.clear();
    if (!fb.rows.empty()) {
      out.push_back(std::move(fb));
      if (next == by_row.end()) break;
      it = std::prev(next);
    }
  }
  return out;
}

}  // namespace jixiao
