// Facts from tables: a numeric cell is addressed by the nearest label to its
// left (the row header: 三公经费, 其中：公车购置) and the nearest header above
// (the column header: 2024年预算数, 全年执行数), cells written "label：value"
// carry both, and the indicator table becomes records. Covered by
// facts_test.cc and the corpus facts test.
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "pipeline/facts/facts.h"
#include "pipeline/model/text_util.h"

namespace jixiao {
namespace {

using numbers::Quantity;
using numbers::QuantityKind;

// The one figure a cell holds, if the cell is nothing but a figure.
std::optional<Quantity> CellFigure(const std::string& text) {
  const std::string squeezed = RemoveSpaces(text);
  if (squeezed.empty() || squeezed.size() > 40) return std::nullopt;
  std::vector<Quantity> qs = numbers::FindQuantities(squeezed);
  if (qs.size() != 1) return std::nullopt;
  const Quantity& q = qs[0];
  if (q.span.begin > 0 || q.span.end < squeezed.size()) return std::nullopt;
  return q;
}

// A bare number in an amount table becomes an amount in the table's unit.
std::optional<Quantity> AsAmount(const Quantity& q, const std::string& unit) {
  if (q.kind == QuantityKind::kAmount) return q;
  if (q.kind != QuantityKind::kNumber) return std::nullopt;
  std::vector<Quantity> qs = numbers::FindQuantities(q.value.ToStringAsWritten() + unit);
  if (qs.size() != 1 || qs[0].kind != QuantityKind::kAmount) return std::nullopt;
  Quantity amount = qs[0];
  amount.raw = q.raw;
  return amount;
}

std::string TableUnit(const Table& t) {
  static const RE2 kUnit(R"((?:[（(]\s*|单位[：:]\s*)(亿元|万元|千元|元)\s*[）)]?)");
  for (const Cell& c : t.cells) {
    std::string unit;
    if (RE2::PartialMatch(c.Text(), kUnit, &unit)) return unit;
  }
  return "万元";
}

// A project's self-evaluation table (附件3) names its project: its figures
// are the project's, not the whole unit's.
std::string TableSubject(const Table& t, const Vocabulary& vocabulary) {
  for (const Cell& c : t.cells) {
    if (vocabulary.IdentityLabel(RemoveSpaces(c.Text())) != "project") continue;
    const Cell* name = t.At(c.row, c.col + c.colspan);
    if (name && name != &c && !RemoveSpaces(name->Text()).empty()) return "project:" + RemoveSpaces(name->Text());
  }
  return "unit";
}

int YearOf(const std::string& header) {
  static const RE2 kYear(R"((20\d\d)\s*年)");
  int year = 0;
  RE2::PartialMatch(header, kYear, &year);
  return year;
}

struct IndicatorColumns {
  int header_row = -1;
  int level1 = -1, level2 = -1, level3 = -1, target = -1, actual = -1, weight = -1, score = -1, note = -1;
  int direction = -1, unit = -1;
};

IndicatorColumns FindIndicatorHeader(const Table& t, const Vocabulary& vocabulary) {
  // One pass over the cells, by row (a scan of the table per row made a
  // long table quadratic); the first row naming 一级指标 (or 二级指标),
  // 三级指标 and a weight column heads the indicators. Columns are found by
  // their header (concepts.json "indicator_table"), in any order.
  std::map<int, IndicatorColumns> by_row;
  for (const Cell& cell : t.cells) {
    if (cell.row < 0 || cell.row >= t.rows) continue;
    const std::string id = vocabulary.IndicatorColumnOf(StripHeaderDecorations(cell.Text()));
    if (id.empty()) continue;
    // A header spanning columns heads the data in its last one (一级指标
    // over the merged 绩效指标 column and the 产出指标 column).
    const int col = cell.col + cell.colspan - 1;
    IndicatorColumns& c = by_row[cell.row];
    int IndicatorColumns::*field = nullptr;
    if (id == "level1") field = &IndicatorColumns::level1;
    else if (id == "level2") field = &IndicatorColumns::level2;
    else if (id == "level3") field = &IndicatorColumns::level3;
    else if (id == "target") field = &IndicatorColumns::target;
    else if (id == "actual") field = &IndicatorColumns::actual;
    else if (id == "weight") field = &IndicatorColumns::weight;
    else if (id == "score") field = &IndicatorColumns::score;
    else if (id == "note") field = &IndicatorColumns::note;
    else if (id == "direction") field = &IndicatorColumns::direction;
    else if (id == "unit") field = &IndicatorColumns::unit;
    if (field && c.*field < 0) c.*field = col;
  }
  for (auto& [row, c] : by_row) {
    if (c.level1 < 0) c.level1 = c.level2;  // a table without 一级指标 groups by 二级指标
    if (c.level1 >= 0 && c.level3 >= 0 && c.weight >= 0) {
      c.header_row = row;
      return c;
    }
  }
  return IndicatorColumns{};
}

std::optional<numbers::Decimal> CellNumber(const Cell* cell) {
  if (!cell) return std::nullopt;
  std::optional<Quantity> q = CellFigure(cell->Text());
  if (!q || (q->kind != QuantityKind::kNumber && q->kind != QuantityKind::kScore)) return std::nullopt;
  return q->value;
}

// The placeholder patterns compiled once per table (a long table has many rows).
class Placeholders {
 public:
  explicit Placeholders(const IndicatorVocabulary& v) {
    for (const std::string& p : v.placeholders) patterns_.push_back(std::make_unique<RE2>(p, RE2::Quiet));
  }
  bool Match(const std::string& squeezed) const {
    if (squeezed.empty()) return true;
    for (const auto& p : patterns_)
      if (p->ok() && RE2::FullMatch(squeezed, *p)) return true;
    return false;
  }

 private:
  std::vector<std::unique_ptr<RE2>> patterns_;
};

// A bare figure ("95") with the unit of the 计量单位 column ("%") appended.
std::vector<Quantity> WithUnit(const std::string& text, const std::string& unit) {
  std::vector<Quantity> qs = numbers::FindQuantities(text);
  const std::string u = RemoveSpaces(unit);
  if (u.empty() || u == "/" || u.size() > 3 * 4 || qs.size() != 1 || qs[0].kind != QuantityKind::kNumber) return qs;
  std::vector<Quantity> with = numbers::FindQuantities(RemoveSpaces(text) + u);
  return with.size() == 1 ? with : qs;
}

void ReadIndicators(const Document& doc, int bi, const Table& t, const CellIndex& grid, const IndicatorColumns& cols,
                    const Vocabulary& vocabulary, int group, FactSet* out) {
  static const RE2 kHeadingWeight(R"([（(]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）])");
  const IndicatorVocabulary& iv = vocabulary.indicators();
  const Placeholders placeholders(iv);
  IndicatorTable table;
  table.group = group;
  table.block = bi;
  table.header_row = cols.header_row;
  std::string level1;  // the current level-1 label, weights removed
  std::optional<numbers::Decimal> level1_weight;
  const Cell* level1_cell = nullptr;
  const size_t first_record = out->indicators.size();
  for (int r = cols.header_row + 1; r < t.rows; ++r) {
    // The leftmost cell of the row that begins on it: 总分 / 合计.
    const Cell* first = nullptr;
    for (int c = 0; c < t.cols && !first; ++c) {
      const Cell* x = grid.At(r, c);
      if (x && x->row == r && !RemoveSpaces(x->Text()).empty()) first = x;
    }
    const std::string first_text = first ? StripHeaderDecorations(first->Text()) : "";
    // "总分：98分" written in one cell (a 自评结论 row): the score of the table.
    const Cell* inline_total = nullptr;
    std::string inline_score;
    for (int c = 0; c < t.cols && !inline_total; ++c) {
      const Cell* x = grid.At(r, c);
      if (!x || x->row != r) continue;
      std::string label, number;
      if (RE2::FullMatch(RemoveSpaces(x->Text()), R"((.{2,18}?)[：:](\d+(?:\.\d+)?)分?)", &label, &number) &&
          std::find(iv.total_rows.begin(), iv.total_rows.end(), label) != iv.total_rows.end()) {
        inline_total = x;
        inline_score = number;
      }
    }
    if (inline_total) {
      ScoreLine total;
      total.block = bi;
      total.group = group;
      total.score_cell = inline_total;
      total.score = numbers::Decimal::Parse(inline_score);
      if (!out->total) out->total = total;
      out->totals.push_back(total);
      table.has_total = true;
      table.total_filled = total.score.has_value();
      break;
    }
    if (first && std::find(iv.total_rows.begin(), iv.total_rows.end(), first_text) != iv.total_rows.end()) {
      // "总分 | 100 | 98": the weight and score columns, or the figures in order.
      ScoreLine total;
      total.block = bi;
      total.group = group;
      std::vector<const Cell*> numeric;
      for (const Cell& c : t.cells)
        if (c.row == r && &c != first && CellNumber(&c)) numeric.push_back(&c);
      const Cell* w = grid.At(r, cols.weight);
      const Cell* s = cols.score >= 0 ? grid.At(r, cols.score) : nullptr;
      if (w && w != first && CellNumber(w) && s && s != w) {
        total.weight_cell = w;
        total.score_cell = CellNumber(s) ? s : nullptr;
      } else if (numeric.size() >= 2) {
        total.weight_cell = numeric[0];
        total.score_cell = numeric[1];
      } else if (numeric.size() == 1) {
        total.score_cell = numeric[0];
      }
      total.weight = CellNumber(total.weight_cell);
      total.score = CellNumber(total.score_cell);
      if (!out->total) out->total = total;
      out->totals.push_back(total);
      table.has_total = true;
      table.total_filled = total.score.has_value();
      break;
    }
    IndicatorRecord rec;
    rec.block = bi;
    rec.row = r;
    rec.group = group;
    const Cell* l1 = grid.At(r, cols.level1);
    rec.name_cell = grid.At(r, cols.level3);
    rec.target_cell = cols.target >= 0 ? grid.At(r, cols.target) : nullptr;
    rec.actual_cell = cols.actual >= 0 ? grid.At(r, cols.actual) : nullptr;
    rec.weight_cell = grid.At(r, cols.weight);
    rec.score_cell = cols.score >= 0 ? grid.At(r, cols.score) : nullptr;
    rec.note_cell = cols.note >= 0 ? grid.At(r, cols.note) : nullptr;
    rec.direction_cell = cols.direction >= 0 ? grid.At(r, cols.direction) : nullptr;
    // Level-1 groups by label: a merged cell, the same label on the next
    // rows, an empty cell, or "(30分)" alone all continue the group.
    if (l1 && l1->row == r) {
      std::string text = RemoveSpaces(l1->Text());
      std::string weight_text;
      std::optional<numbers::Decimal> w;
      if (RE2::PartialMatch(text, kHeadingWeight, &weight_text)) w = numbers::Decimal::Parse(weight_text);
      const std::string name = StripHeaderDecorations(text);
      if (!name.empty() && name != level1) {
        level1 = name;
        level1_weight = w;
        level1_cell = l1;
      } else if (w && !level1_weight) {
        level1_weight = w;
        // "(30分)" below the label: the weight of the rows already read too.
        for (size_t i = first_record; i < out->indicators.size(); ++i)
          if (out->indicators[i].level1 == level1 && out->indicators[i].level1_cell == level1_cell)
            out->indicators[i].level1_weight = w;
      }
    }
    if (!rec.name_cell || rec.name_cell->row != r) continue;  // not a row of its own
    // A label spanning the name columns is a row of its own only with a
    // weight ("预算执行率 | 99.2% | 97.5% | 10 | 10"), else a label alone.
    if (rec.name_cell == l1 && !CellNumber(rec.weight_cell)) continue;
    rec.level1_cell = level1_cell;
    rec.level1 = level1;
    rec.level1_weight = level1_weight;
    const Cell* level2 = cols.level2 >= 0 && cols.level2 != cols.level1 ? grid.At(r, cols.level2) : nullptr;
    rec.level2 = level2 ? RemoveSpaces(level2->Text()) : "";
    rec.level3 = RemoveSpaces(rec.name_cell->Text());
    const std::string unit = cols.unit >= 0 && grid.At(r, cols.unit) ? grid.At(r, cols.unit)->Text() : "";
    rec.unit = RemoveSpaces(unit);
    if (rec.target_cell && rec.target_cell->row == r) {
      rec.target_text = rec.target_cell->Text();
      rec.target = WithUnit(rec.target_text, unit);
    }
    if (rec.actual_cell && rec.actual_cell->row == r) {
      rec.actual_text = rec.actual_cell->Text();
      rec.actual = WithUnit(rec.actual_text, unit);
    }
    if (rec.direction_cell && rec.direction_cell->row == r) {
      const std::string d = RemoveSpaces(rec.direction_cell->Text());
      if (std::find(iv.up.begin(), iv.up.end(), d) != iv.up.end()) rec.direction = "up";
      if (std::find(iv.down.begin(), iv.down.end(), d) != iv.down.end()) rec.direction = "down";
    }
    rec.weight = CellNumber(rec.weight_cell);
    rec.score = CellNumber(rec.score_cell);
    rec.note = rec.note_cell ? rec.note_cell->Text() : "";
    // Unfilled template rows (指标1, ……, /, a label alone) carry no weight.
    if (!rec.weight && placeholders.Match(rec.level3)) continue;
    if (rec.level3.empty() && !rec.weight) continue;
    for (const Cell* c : {rec.target_cell, rec.actual_cell}) {
      if (!c) continue;
      for (const Quantity& q : numbers::FindQuantities(c->Text())) {
        if (!q.suspect_measure_word) continue;
        Fact s;
        s.label = rec.level3;
        s.q = q;
        s.source = FactSource::kTable;
        s.block = bi;
        s.row = c->row;
        s.col = c->col;
        s.prov = c->prov;
        s.quote = c->Text();
        out->suspect_units.push_back(s);
      }
    }
    table.last_row = r;
    table.last_label = rec.level3;
    out->indicators.push_back(std::move(rec));
  }
  out->indicator_tables.push_back(table);
}

bool HasIdentityCell(const Table& t, const Vocabulary& vocabulary) {
  for (const Cell& c : t.cells)
    if (!vocabulary.IdentityLabel(RemoveSpaces(c.Text())).empty()) return true;
  return false;
}

// A paragraph between two tables that names a new table ("附件2",
// "项目支出绩效自评表", "（2023年度）" comes with it).
bool NamesTable(const Block& b, const IndicatorVocabulary& iv) {
  if (b.kind == BlockKind::kTable) return false;
  const std::string s = RemoveSpaces(b.FullText());
  if (s.empty() || s.size() > 3 * 60) return false;
  for (const std::string& title : iv.table_titles)
    if (s.find(title) != std::string::npos) return true;
  return RE2::PartialMatch(s, R"(^附件\s*\d*)") || RE2::PartialMatch(b.label, R"(^附件)");
}

bool OneOf(const std::string& s, const std::vector<std::string>& words) {
  return std::find(words.begin(), words.end(), s) != words.end();
}

}  // namespace

void ExtractTableFacts(const Document& doc, const Vocabulary& vocabulary, FactSet* out) {
  static const RE2 kInline(R"(^(.*[^：:\s])\s*[：:]\s*([0-9０-９][0-9０-９.,．]*)\s*$)");
  // Table groups: one project's (or one unit's) table, checked on its own.
  int group = -1;
  bool group_has_funds = false, group_has_indicators = false, titled = false;
  for (int bi = 0; bi < static_cast<int>(doc.blocks.size()); ++bi) {
    if (DeadlinePassed()) return;
    const Block& block = doc.blocks[bi];
    if (block.kind != BlockKind::kTable) {
      titled = titled || NamesTable(block, vocabulary.indicators());
      continue;
    }
    const Table& t = block.table;
    const std::string unit = TableUnit(t);
    const std::string subject = TableSubject(t, vocabulary);
    const IndicatorColumns indicator = FindIndicatorHeader(t, vocabulary);
    std::vector<FundsBlock> funds = FindFundsBlocks(t, bi, vocabulary);
    if (group < 0 || titled || HasIdentityCell(t, vocabulary) || (!funds.empty() && group_has_funds) ||
        (indicator.header_row >= 0 && group_has_indicators)) {
      group = static_cast<int>(out->group_blocks.size());
      out->group_blocks.push_back(bi);
      group_has_funds = group_has_indicators = false;
    }
    titled = false;
    group_has_funds = group_has_funds || !funds.empty();
    group_has_indicators = group_has_indicators || indicator.header_row >= 0;
    // 分值, 执行率, 得分 and 序号 of a funds block are never amounts, on any row.
    std::set<const Cell*> not_amounts;
    std::optional<ScoreLine> execution;
    for (const FundsBlock& fb : funds) {
      for (const FundsRow& row : fb.rows)
        for (int k : {kFundsWeight, kFundsRate, kFundsScore})
          if (row.values[k].cell) not_amounts.insert(row.values[k].cell);
      if (fb.seq_col >= 0)
        for (const Cell& c : t.cells)
          if (c.col <= fb.seq_col && c.col + c.colspan > fb.seq_col && c.row > fb.header_row) not_amounts.insert(&c);
      const FundsRow* total = fb.Total();
      if (total && !execution) {
        ScoreLine line;
        line.block = bi;
        line.group = group;
        line.weight_cell = total->values[kFundsWeight].cell;
        line.weight = total->values[kFundsWeight].value;
        line.rate_cell = total->values[kFundsRate].cell;
        line.rate = total->values[kFundsRate].value;
        line.score_cell = total->values[kFundsScore].cell;
        line.score = total->values[kFundsScore].value;
        if (line.weight || line.rate || line.score) execution = line;
      }
      out->funds.push_back(fb);
      out->funds_groups.push_back(group);
    }
    const int numeric_rows_end = indicator.header_row >= 0 ? indicator.header_row : t.rows;
    // Whether each cell is a figure is read once, and each look-up of a
    // neighbour is constant time: a table of 10,000 rows stays linear, not
    // cubic. One byte per cell, not the figure itself (a Quantity is some
    // 500 bytes: a table of 300,000 rows kept 500 MB of them); the loop
    // below reads the figure of the cell it is on again.
    const CellIndex grid(t);
    std::vector<char> figures(t.cells.size(), 0);
    for (size_t i = 0; i < t.cells.size(); ++i) {
      if ((i & 1023) == 0 && DeadlinePassed()) return;
      if (t.cells[i].row < numeric_rows_end) figures[i] = CellFigure(t.cells[i].Text()).has_value();
    }
    // At most one fact a cell, and a cell that is not a figure is one only
    // when written "其中：基本支出：0": room for them all at once, so the
    // vector is never moved while the table is read (a move holds the old
    // and the new array: three times the facts, at some 1 KB a fact). Room
    // never written is never resident.
    size_t candidates = 0;
    for (size_t i = 0; i < t.cells.size(); ++i) {
      if (figures[i]) { ++candidates; continue; }
      const std::string text = t.cells[i].Text();
      candidates += text.find(':') != std::string::npos || text.find("：") != std::string::npos;
    }
    const size_t need = out->facts.size() + candidates;  // geometric growth still, for many small tables
    if (need > out->facts.capacity()) out->facts.reserve(std::max(need, out->facts.capacity() * 3 / 2));
    auto is_figure = [&](const Cell* c) {
      const size_t i = static_cast<size_t>(c - t.cells.data());
      return c->row < numeric_rows_end ? figures[i] != 0 : CellFigure(c->Text()).has_value();
    };
    // Column headers: for each position, the nearest cell above it that is
    // not a figure and has text (index into t.cells, -1: none).
    std::vector<int> header_above;
    if (t.rows > 0 && t.cols > 0 && int64_t{t.rows} * t.cols <= CellIndex::kMaxGrid) {
      header_above.assign(static_cast<size_t>(t.rows) * t.cols, -1);
      for (int c = 0; c < t.cols; ++c) {
        int nearest = -1;
        for (int r = 0; r < std::min(t.rows, numeric_rows_end); ++r) {
          header_above[static_cast<size_t>(r) * t.cols + c] = nearest;
          const Cell* x = grid.At(r, c);
          if (x && !is_figure(x) && !RemoveSpaces(x->Text()).empty()) nearest = static_cast<int>(x - t.cells.data());
        }
      }
    }

    auto add_fact = [&](const Cell& cell, const std::string& concept_id, const Quantity& q,
                        const std::string& period, int year) {
      Fact f;
      f.concept_id = concept_id;
      const Concept* c = vocabulary.Find(concept_id);
      f.label = c ? c->label : concept_id;
      f.q = q;
      f.period = period;
      f.year = year ? year : out->year;
      f.source = FactSource::kTable;
      f.subject = subject;
      f.block = bi;
      f.row = cell.row;
      f.col = cell.col;
      f.prov = cell.prov;
      if (f.prov.row < 0) { f.prov.row = cell.row; f.prov.col = cell.col; }
      f.quote = cell.Text();
      out->facts.push_back(std::move(f));
    };

    for (const Cell& cell : t.cells) {
      if (cell.row >= numeric_rows_end || DeadlinePassed()) break;
      const std::string text = cell.Text();
      // "其中：基本支出：0"
      std::string label, number;
      if (RE2::FullMatch(RemoveSpaces(text), kInline, &label, &number)) {
        const std::string concept_id = vocabulary.ConceptOfLabel(label);
        const Concept* c = vocabulary.Find(concept_id);
        if (c && c->kind == "amount") {
          std::vector<Quantity> qs = numbers::FindQuantities(number + unit);
          if (qs.size() == 1) add_fact(cell, concept_id, qs[0], "", 0);
        }
        continue;
      }
      if (!figures[static_cast<size_t>(&cell - t.cells.data())]) continue;
      const std::optional<Quantity> figure = CellFigure(text);
      if (!figure) continue;
      if (not_amounts.count(&cell)) {
        // The total row's 执行率 is the report's execution rate.
        if (execution && &cell == execution->rate_cell && execution->rate) {
          std::vector<Quantity> qs = numbers::FindQuantities(execution->rate->ToStringAsWritten() + "%");
          if (qs.size() == 1) add_fact(cell, "rate_execution", qs[0], "", 0);
        }
        continue;
      }
      // Row header: nearest cell to the left that names a concept.
      std::string row_concept;
      for (int c = cell.col - 1; c >= 0 && row_concept.empty(); --c) {
        const Cell* left = grid.At(cell.row, c);
        if (left && !is_figure(left)) row_concept = vocabulary.ConceptOfLabel(RemoveSpaces(left->Text()));
      }
      // Column header: nearest non-figure cell above in this column.
      std::string header;
      if (!header_above.empty() && cell.row >= 0 && cell.row < t.rows && cell.col >= 0 && cell.col < t.cols) {
        int above = header_above[static_cast<size_t>(cell.row) * t.cols + cell.col];
        if (above >= 0) header = RemoveSpaces(t.cells[static_cast<size_t>(above)].Text());
      } else {
        for (int r = cell.row - 1; r >= 0 && header.empty(); --r) {
          const Cell* above = grid.At(r, cell.col);
          if (above && above != &cell && !is_figure(above)) header = RemoveSpaces(above->Text());
        }
      }
      const std::string header_concept = vocabulary.ConceptOfLabel(header);
      const std::string period = vocabulary.PeriodOf(header);
      const int year = YearOf(header);

      const IndicatorVocabulary& iv = vocabulary.indicators();
      const bool is_weight = OneOf(header, iv.execution_weight), is_rate = OneOf(header, iv.execution_rate),
                 is_score = OneOf(header, iv.execution_score);
      if (funds.empty() && row_concept == "total" && (is_weight || is_rate || is_score)) {
        if (!execution) execution = ScoreLine{};
        execution->block = bi;
        execution->group = group;
        if (is_weight) { execution->weight = figure->value; execution->weight_cell = &cell; }
        if (is_score) { execution->score = figure->value; execution->score_cell = &cell; }
        if (is_rate) { execution->rate = figure->value; execution->rate_cell = &cell; }
        if (is_rate) {
          std::vector<Quantity> qs = numbers::FindQuantities(figure->value.ToStringAsWritten() + "%");
          if (qs.size() == 1) add_fact(cell, "rate_execution", qs[0], "", year);
        }
        continue;
      }
      std::string concept_id = row_concept;
      if (concept_id.empty()) concept_id = header_concept;
      const Concept* c = vocabulary.Find(concept_id);
      if (!c) continue;
      if (c->kind == "amount") {
        if (std::optional<Quantity> amount = AsAmount(*figure, unit)) add_fact(cell, concept_id, *amount, period, year);
      } else if (c->kind == "count" && figure->kind == QuantityKind::kNumber) {
        add_fact(cell, concept_id, *figure, period, year);
      } else if (c->kind == "rate") {
        std::vector<Quantity> qs = numbers::FindQuantities(figure->value.ToStringAsWritten() + "%");
        if (qs.size() == 1 && figure->kind != QuantityKind::kAmount) add_fact(cell, concept_id, qs[0], period, year);
      }
    }
    if (execution) {
      if (!out->execution) out->execution = execution;
      out->executions.push_back(*execution);
    }
    if (indicator.header_row >= 0) ReadIndicators(doc, bi, t, grid, indicator, vocabulary, group, out);
  }
}

}  // namespace jixiao
