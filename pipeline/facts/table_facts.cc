// Facts from tables: a numeric cell is addressed by the nearest label to its
// left (the row header: 三公经费, 其中：公车购置) and the nearest header above
// (the column header: 2024年预算数, 全年执行数), cells written "label：value"
// carry both, and the indicator table becomes records. Covered by
// facts_test.cc and the corpus facts test.
#include <re2/re2.h>

#include <algorithm>
#include <map>

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
std::string TableSubject(const Table& t) {
  for (const Cell& c : t.cells) {
    if (RemoveSpaces(c.Text()) != "项目名称") continue;
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
};

IndicatorColumns FindIndicatorHeader(const Table& t) {
  // One pass over the cells, by row (a scan of the table per row made a
  // long table quadratic); the first row naming 一级指标, 三级指标 and 分值
  // heads the indicators.
  std::map<int, IndicatorColumns> by_row;
  for (const Cell& cell : t.cells) {
    if (cell.row < 0 || cell.row >= t.rows) continue;
    const std::string s = RemoveSpaces(cell.Text());
    // A header spanning columns heads the data in its last one (一级指标
    // over the merged 绩效指标 column and the 产出指标 column).
    const int col = cell.col + cell.colspan - 1;
    int IndicatorColumns::*field = nullptr;
    if (s == "一级指标") field = &IndicatorColumns::level1;
    else if (s == "二级指标") field = &IndicatorColumns::level2;
    else if (s == "三级指标") field = &IndicatorColumns::level3;
    else if (s.find("指标值") != std::string::npos || s.find("目标值") != std::string::npos) field = &IndicatorColumns::target;
    else if (s.find("完成值") != std::string::npos || s.find("实际值") != std::string::npos) field = &IndicatorColumns::actual;
    else if (s == "分值" || s == "权重" || s == "权重（分）") field = &IndicatorColumns::weight;
    else if (s == "得分") field = &IndicatorColumns::score;
    else if (s.find("偏差") != std::string::npos || s.find("原因") != std::string::npos) field = &IndicatorColumns::note;
    if (field) by_row[cell.row].*field = col;
  }
  for (auto& [row, c] : by_row) {
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

void ReadIndicators(const Document& doc, int bi, const Table& t, const CellIndex& grid, const IndicatorColumns& cols,
                    FactSet* out) {
  static const RE2 kHeadingWeight(R"([（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）])");
  for (int r = cols.header_row + 1; r < t.rows; ++r) {
    const Cell* first = grid.At(r, 0);
    const std::string first_text = first ? RemoveSpaces(first->Text()) : "";
    if (first && first->row == r && (first_text == "总分" || first_text == "合计" || first_text == "总计")) {
      // "总分 | 100 | 98": the weight and score columns, or the figures in order.
      ScoreLine total;
      total.block = bi;
      std::vector<const Cell*> numeric;
      for (const Cell& c : t.cells)
        if (c.row == r && &c != first && CellNumber(&c)) numeric.push_back(&c);
      const Cell* w = grid.At(r, cols.weight);
      const Cell* s = grid.At(r, cols.score);
      if (w && w != first && CellNumber(w) && s && s != w && CellNumber(s)) {
        total.weight_cell = w;
        total.score_cell = s;
      } else if (numeric.size() >= 2) {
        total.weight_cell = numeric[0];
        total.score_cell = numeric[1];
      } else if (numeric.size() == 1) {
        total.score_cell = numeric[0];
      }
      total.weight = CellNumber(total.weight_cell);
      total.score = CellNumber(total.score_cell);
      out->total = total;
      break;
    }
    IndicatorRecord rec;
    rec.block = bi;
    rec.row = r;
    rec.level1_cell = grid.At(r, cols.level1);
    rec.name_cell = grid.At(r, cols.level3);
    rec.target_cell = cols.target >= 0 ? grid.At(r, cols.target) : nullptr;
    rec.actual_cell = cols.actual >= 0 ? grid.At(r, cols.actual) : nullptr;
    rec.weight_cell = grid.At(r, cols.weight);
    rec.score_cell = cols.score >= 0 ? grid.At(r, cols.score) : nullptr;
    rec.note_cell = cols.note >= 0 ? grid.At(r, cols.note) : nullptr;
    if (!rec.name_cell || rec.name_cell->row != r) continue;  // not a row of its own
    rec.level1 = rec.level1_cell ? RemoveSpaces(rec.level1_cell->Text()) : "";
    const Cell* level2 = cols.level2 >= 0 ? grid.At(r, cols.level2) : nullptr;
    rec.level2 = level2 ? RemoveSpaces(level2->Text()) : "";
    rec.level3 = RemoveSpaces(rec.name_cell->Text());
    std::string weight_text;
    if (RE2::PartialMatch(rec.level1, kHeadingWeight, &weight_text)) rec.level1_weight = numbers::Decimal::Parse(weight_text);
    if (rec.target_cell) {
      rec.target_text = rec.target_cell->Text();
      rec.target = numbers::FindQuantities(rec.target_text);
    }
    if (rec.actual_cell) {
      rec.actual_text = rec.actual_cell->Text();
      rec.actual = numbers::FindQuantities(rec.actual_text);
    }
    rec.weight = CellNumber(rec.weight_cell);
    rec.score = CellNumber(rec.score_cell);
    rec.note = rec.note_cell ? rec.note_cell->Text() : "";
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
    out->indicators.push_back(std::move(rec));
  }
}

}  // namespace

void ExtractTableFacts(const Document& doc, const Vocabulary& vocabulary, FactSet* out) {
  static const RE2 kInline(R"(^(.*[^：:\s])\s*[：:]\s*([0-9０-９][0-9０-９.,．]*)\s*$)");
  for (int bi = 0; bi < static_cast<int>(doc.blocks.size()); ++bi) {
    const Block& block = doc.blocks[bi];
    if (block.kind != BlockKind::kTable) continue;
    const Table& t = block.table;
    const std::string unit = TableUnit(t);
    const std::string subject = TableSubject(t);
    const IndicatorColumns indicator = FindIndicatorHeader(t);
    const int numeric_rows_end = indicator.header_row >= 0 ? indicator.header_row : t.rows;
    // Each cell's figure is read once, and each look-up of a neighbour is
    // constant time: a table of 10,000 rows stays linear, not cubic.
    const CellIndex grid(t);
    std::vector<std::optional<Quantity>> figures(t.cells.size());
    for (size_t i = 0; i < t.cells.size(); ++i)
      if (t.cells[i].row < numeric_rows_end) figures[i] = CellFigure(t.cells[i].Text());
    auto is_figure = [&](const Cell* c) {
      const size_t i = static_cast<size_t>(c - t.cells.data());
      return c->row < numeric_rows_end ? figures[i].has_value() : CellFigure(c->Text()).has_value();
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
      if (cell.row >= numeric_rows_end) break;
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
      const std::optional<Quantity>& figure = figures[static_cast<size_t>(&cell - t.cells.data())];
      if (!figure) continue;
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

      if (row_concept == "total" && (header == "分值" || header == "执行率" || header == "得分")) {
        if (!out->execution) out->execution = ScoreLine{};
        out->execution->block = bi;
        if (header == "分值") { out->execution->weight = figure->value; out->execution->weight_cell = &cell; }
        if (header == "得分") { out->execution->score = figure->value; out->execution->score_cell = &cell; }
        if (header == "执行率") { out->execution->rate = figure->value; out->execution->rate_cell = &cell; }
        if (header == "执行率") {
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
    if (indicator.header_row >= 0) ReadIndicators(doc, bi, t, grid, indicator, out);
  }
}

}  // namespace jixiao
