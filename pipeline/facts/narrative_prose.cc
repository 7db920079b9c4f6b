// Prose cells of tables (年度总体目标, 实际完成情况, 目标1 …) read with the
// narrative rules, whatever their punctuation, with their role (target or
// actual) from the label beside them; and where the report claims to have
// met every target; the row's weight and score when the form has columns
// for them (a missed target with full marks). Covered by checks/figure_checks_test.cc
// (NarrativeProseCellsTest) and corpus/narrative (prose-target).
#include <optional>
#include <set>

#include "pipeline/facts/facts.h"
#include "pipeline/facts/funds_block.h"
#include "pipeline/facts/narrative_internal.h"
#include "pipeline/model/simplified.h"
#include "pipeline/model/text_util.h"
#include "pipeline/model/utf8.h"

namespace jixiao {

using internal::ReadText;
using internal::TextPlace;

namespace {

// A cell is prose when it holds a sentence or more: a clause mark of either
// width, or twenty characters and more.
bool IsProse(const std::string& text) {
  static const char* kMarks[] = {"，", "。", "；", "：", ",", ";", ":"};
  const size_t chars = CountCodePoints(text);
  if (chars < 8) return false;
  if (chars >= 20) return true;
  for (const char* m : kMarks)
    if (text.find(m) != std::string::npos) return true;
  return false;
}

// The role of a prose cell from the nearest label to its left in the row,
// else the nearest label above it in the column (its header, over the rows
// between): "target", "actual" or "". The neighbours are
// looked up in the table's CellIndex, a bounded number of steps away.
std::string ProseRole(const CellIndex& index, const Cell& cell, const NarrativePhrases& phrases) {
  auto role_of = [&](const Cell* label) -> std::string {
    if (!label) return "";
    const std::string text = ToSimplified(RemoveSpaces(label->Text()));
    if (text.size() > 3 * 16) return "";
    for (const std::string& h : phrases.actual_headers)
      if (text.find(h) != std::string::npos) return "actual";
    for (const std::string& h : phrases.target_headers)
      if (text.find(h) != std::string::npos) return "target";
    return "";
  };
  constexpr int kMaxSteps = 8;
  const Cell* left = nullptr;
  for (int c = cell.col - 1; c >= 0 && c >= cell.col - kMaxSteps && !left; --c) {
    const Cell* x = index.At(cell.row, c);
    if (x && x != &cell) left = x;
  }
  std::string role = role_of(left);
  // Up the column to its header: the cells between are the rows above
  // (目标1's actual, then 目标2's under 实际完成情况).
  const Cell* last = &cell;
  for (int r = cell.row - 1; r >= 0 && r >= cell.row - kMaxSteps && role.empty(); --r) {
    const Cell* x = index.At(r, cell.col);
    if (!x || x == last) continue;
    last = x;
    role = role_of(x);
  }
  // "目标1：培训不少于180人次": the cell names its own role.
  if (role.empty()) {
    const std::string own = ToSimplified(cell.Text()).substr(0, 3 * 8);
    for (const std::string& h : phrases.target_headers)
      if (own.find(h) != std::string::npos) return "target";
  }
  return role;
}

// The weight and score columns of a form (分值/权重, 得分/自评得分: the
// indicator table's header vocabulary, decorations removed), each header
// with its row: a prose cell takes the nearest header above its row.
struct ScoreColumns {
  std::vector<std::pair<int, int>> weight, score;  // (header row, column)

  ScoreColumns(const Table& table, const Vocabulary& vocabulary) {
    for (const Cell& cell : table.cells) {
      const std::string text = RemoveSpaces(cell.Text());
      if (text.empty() || text.size() > 3 * 12) continue;
      const std::string id = vocabulary.IndicatorColumnOf(StripHeaderDecorations(ToSimplified(text)));
      // A header spanning columns heads the data in its last one.
      const std::pair<int, int> at{cell.row, cell.col + cell.colspan - 1};
      if (id == "weight") weight.push_back(at);
      if (id == "score") score.push_back(at);
    }
  }

  static int ColumnFor(const std::vector<std::pair<int, int>>& headers, int row) {
    int best_row = -1, col = -1;
    for (const auto& [r, c] : headers)
      if (r < row && r > best_row) best_row = r, col = c;
    return col;
  }
};

// The one plain number a cell holds ("10", "10分"), else unset.
std::optional<numbers::Decimal> CellScore(const Cell* cell) {
  if (!cell) return std::nullopt;
  const std::string squeezed = RemoveSpaces(cell->Text());
  if (squeezed.empty() || squeezed.size() > 24) return std::nullopt;
  std::vector<numbers::Quantity> qs = numbers::FindQuantities(squeezed);
  if (qs.size() != 1 || qs[0].span.begin > 0 || qs[0].span.end < squeezed.size()) return std::nullopt;
  if (qs[0].kind != numbers::QuantityKind::kNumber && qs[0].kind != numbers::QuantityKind::kScore) return std::nullopt;
  return qs[0].value;
}

}  // namespace

void ExtractProseCellFacts(const Document& doc, const Vocabulary& vocabulary, FactSet* out) {
  const NarrativePhrases& phrases = vocabulary.narrative();
  for (int bi = 0; bi < static_cast<int>(doc.blocks.size()); ++bi) {
    const Block& block = doc.blocks[bi];
    if (block.kind != BlockKind::kTable) continue;
    // A form has a few dozen cells; a data table of thousands is the table
    // reader's, and neighbours of its cells are not looked up.
    const bool form = block.table.cells.size() <= 5000;
    std::optional<CellIndex> index;
    std::optional<ScoreColumns> score_columns;
    if (form) {
      index.emplace(block.table);
      score_columns.emplace(block.table, vocabulary);
    }
    for (const Cell& cell : block.table.cells) {
      if (DeadlinePassed()) return;
      const std::string text = cell.Text();
      std::string role;
      if (!IsProse(text)) {
        // A short target or actual under its header ("举办讲座不少于12场").
        if (!form || text.size() < 3 * 5) continue;
        role = ProseRole(*index, cell, phrases);
        if (role.empty()) continue;
      } else if (form) {
        role = ProseRole(*index, cell, phrases);
      }
      TextPlace place;
      place.block = bi;
      place.prov = cell.prov;
      place.source = FactSource::kTable;
      place.row = cell.row;
      place.col = cell.col;
      FactSet cell_facts;
      cell_facts.year = out->year;
      ReadText(text, vocabulary, place, &cell_facts);
      // The row's weight and score, when the form has columns for them.
      const Cell* weight_cell = nullptr;
      const Cell* score_cell = nullptr;
      if (score_columns) {
        const int wc = ScoreColumns::ColumnFor(score_columns->weight, cell.row);
        const int sc = ScoreColumns::ColumnFor(score_columns->score, cell.row);
        if (wc >= 0 && sc >= 0 && wc != sc && wc != cell.col && sc != cell.col) {
          weight_cell = index->At(cell.row, wc);
          score_cell = index->At(cell.row, sc);
        }
      }
      const std::optional<numbers::Decimal> weight = CellScore(weight_cell);
      const std::optional<numbers::Decimal> score = CellScore(score_cell);
      // Counts named by their clause ("收集困难与问题62个"), and lists with
      // their head ("资金20万元，其中…"), taken out of the concepts the table
      // reader states by their labels: they add up among themselves only.
      const int base = static_cast<int>(out->facts.size());
      std::vector<int> new_index(cell_facts.facts.size(), -1);
      std::set<int> heads;
      for (const Fact& f : cell_facts.facts)
        if (f.list >= 0 && f.parent >= 0) heads.insert(f.parent);
      for (size_t k = 0; k < cell_facts.facts.size(); ++k) {
        const Fact& f = cell_facts.facts[k];
        const bool count = f.q.kind == numbers::QuantityKind::kCount && f.concept_id.empty();
        const bool listed = f.relation.empty() && (heads.count(static_cast<int>(k)) || (f.list >= 0 && f.parent >= 0));
        if (count || listed) new_index[k] = static_cast<int>(out->facts.size());
        if (new_index[k] < 0) continue;
        Fact copy = f;
        copy.prose_role = role;
        if (weight && score) {
          copy.weight_cell = weight_cell;
          copy.score_cell = score_cell;
          copy.weight = weight;
          copy.score = score;
        }
        if (listed) copy.concept_id.clear();
        copy.list = f.list >= 0 ? out->next_list + f.list : -1;
        out->facts.push_back(std::move(copy));
      }
      for (int k = base; k < static_cast<int>(out->facts.size()); ++k) {
        Fact& f = out->facts[k];
        f.parent = f.parent >= 0 ? new_index[f.parent] : -1;
        f.relation_base = f.relation_change = f.rate_numerator = f.rate_denominator = -1;
      }
      out->next_list += cell_facts.next_list;
    }
  }
  // Where the report claims to have met every target.
  if (phrases.completion_claims.empty()) return;
  auto claim = [&](const std::string& text, int block, const Provenance& prov, FactSource source, int row, int col) {
    if (out->completion_claim) return;
    const std::string simplified = ToSimplified(text);
    for (const std::string& c : phrases.completion_claims) {
      const size_t at = simplified.find(c);
      if (at == std::string::npos) continue;
      Fact f;
      f.concept_id = "claim";
      f.label = c;
      f.block = block;
      f.prov = prov;
      f.source = source;
      f.row = row;
      f.col = col;
      f.q.span = {at, at + c.size()};
      f.q.raw = text.substr(at, c.size());
      f.quote = text;
      out->completion_claim = f;
      return;
    }
  };
  for (int bi = 0; bi < static_cast<int>(doc.blocks.size()) && !out->completion_claim; ++bi) {
    const Block& block = doc.blocks[bi];
    if (block.kind != BlockKind::kTable) {
      claim(block.FullText(), bi, block.prov, FactSource::kNarrative, -1, -1);
      continue;
    }
    for (const Cell& cell : block.table.cells) claim(cell.Text(), bi, cell.prov, FactSource::kTable, cell.row, cell.col);
  }
}

}  // namespace jixiao
