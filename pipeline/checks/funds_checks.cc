// Relations of the funds block (pipeline/facts/funds_block.h): the total row
// equals the sum of its 其中 rows in each amount column (SUM_MISMATCH), 执行率
// = 执行数 ÷ 全年预算数 on every row that states one (RATE_MISMATCH), and the
// execution score follows the rule in force (EXECUTION_SCORE_MISMATCH).
// Tolerance: each written figure stands for ±½ of its last digit. Covered by
// funds_checks_test.cc and the templates corpus.
#include "pipeline/checks/funds_checks.h"

#include <algorithm>
#include <map>

#include "pipeline/checks/figure_checks.h"
#include "pipeline/model/text_util.h"

namespace jixiao {
namespace {

using numbers::Decimal;

std::string S(const Decimal& d) { return d.Normalized().ToString(); }

// The header of a funds column, without decorations ("全年预算数").
std::string ColumnName(const Document& doc, const FundsBlock& fb, int k) {
  static const char* kDefault[] = {"年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"};
  const Table& t = doc.blocks[fb.block].table;
  for (const Cell& c : t.cells)
    if (c.row == fb.header_row && c.col + c.colspan - 1 == fb.cols[k]) {
      const std::string s = StripHeaderDecorations(c.Text());
      if (!s.empty()) return s;
    }
  return kDefault[k];
}

// Half a unit of the last digit, at least as fine as the block's: when
// the amounts of a block are written to 0.1 or 0.01, a whole number among
// them ("2" beside "2.5") is exact to that precision too.
Decimal Half(const Decimal& v, int block_decimals) {
  return Decimal::FromUnscaled(5, std::max(v.decimals(), block_decimals) + 1);
}

int AmountDecimals(const FundsBlock& fb) {
  int d = 0;
  for (const FundsRow& r : fb.rows)
    for (int k : {kFundsInitial, kFundsFull, kFundsExecuted})
      if (r.values[k].value) d = std::max(d, r.values[k].value->decimals());
  return d;
}

Finding Make(const char* code, FindingSeverity severity, std::string message, std::string arithmetic) {
  Finding f;
  f.code = code;
  f.severity = severity;
  f.message = std::move(message);
  f.arithmetic = std::move(arithmetic);
  return f;
}

void CheckSums(const Document& doc, const FundsBlock& fb, std::vector<Finding>* out) {
  const FundsRow* total = fb.Total();
  if (!total) return;
  const int decimals = AmountDecimals(fb);
  std::map<std::string, std::vector<const FundsRow*>> partitions;
  for (size_t i = 1; i < fb.rows.size(); ++i) partitions[fb.rows[i].partition].push_back(&fb.rows[i]);
  for (const auto& [partition, rows] : partitions) {
    // A total row left at 0 while its parts hold the money: one finding for the row.
    std::vector<int> zero_columns;
    Finding zero = Make("SUM_MISMATCH", FindingSeverity::kError, "", "");
    for (int k : {kFundsInitial, kFundsFull, kFundsExecuted}) {
      const FundsValue& tv = total->values[k];
      if (!tv.stated()) continue;
      Decimal sum, tolerance = Half(*tv.value, decimals);
      std::vector<const FundsRow*> stated;
      bool unknown = false;  // a part not stated (blank, "——", "/"): it may hold the difference
      for (const FundsRow* r : rows) {
        // A row the vocabulary does not name may be nested under another
        // (其中：中央补助 under 财政拨款): left out of the sum, it may hold the difference.
        if (r->concept_id.empty()) {
          unknown = true;
          continue;
        }
        if (!r->values[k].stated()) {
          // A row in use (it states another amount) but silent here may hold the difference.
          for (int o : {kFundsInitial, kFundsFull, kFundsExecuted}) unknown = unknown || r->values[o].stated();
          continue;
        }
        sum = sum + *r->values[k].value;
        tolerance = tolerance + Half(*r->values[k].value, decimals);
        stated.push_back(r);
      }
      if (stated.empty()) continue;
      const Decimal diff = (sum - *tv.value).Abs();
      if (!(diff > tolerance)) continue;
      // A single part listed may leave others out: only more than the total is wrong.
      if ((rows.size() < 2 || unknown) && sum < *tv.value) continue;
      const std::string column = ColumnName(doc, fb, k);
      std::string terms;
      for (const FundsRow* r : stated) terms += (terms.empty() ? "" : " + ") + S(*r->values[k].value);
      if (tv.value->is_zero()) {
        std::string parts;
        for (const FundsRow* r : stated)
          if (!r->values[k].value->is_zero())
            parts += (parts.empty() ? "" : "、") + std::string("“") + r->label + "”" + S(*r->values[k].value) + fb.unit;
        zero.message += (zero.message.empty() ? "" : "；") + column + "为0，而其下" + parts;
        zero.arithmetic += (zero.arithmetic.empty() ? "" : "; ") + std::string("0 ≠ ") + terms + " = " + S(sum);
        zero.evidence.push_back(CellFigureEvidence(doc, fb.block, tv.cell));
        for (const FundsRow* r : stated) zero.evidence.push_back(CellFigureEvidence(doc, fb.block, r->values[k].cell));
        zero_columns.push_back(k);
        continue;
      }
      const std::string message = "“" + total->label + "”的" + column + S(*tv.value) + fb.unit + "不等于其下各行之和" +
                                  S(sum) + fb.unit;
      Finding f = Make("SUM_MISMATCH", FindingSeverity::kError, message,
                       S(*tv.value) + " ≠ " + terms + " = " + S(sum));
      f.evidence.push_back(CellFigureEvidence(doc, fb.block, tv.cell));
      for (const FundsRow* r : stated) f.evidence.push_back(CellFigureEvidence(doc, fb.block, r->values[k].cell));
      out->push_back(std::move(f));
    }
    if (!zero_columns.empty()) {
      zero.message = "“" + total->label + "”一行填为0，而其中各行有资金（" + zero.message + "）：总额行未填写或填写有误";
      out->push_back(std::move(zero));
    }
  }
}

// Bounds of E ÷ F × 100 given that each stands for ±½ of its last digit.
bool RateFits(const Decimal& rate, const Decimal& executed, const Decimal& full, int decimals) {
  const Decimal hr = rate.HalfUnitOfLastDigit(), he = Half(executed, decimals), hf = Half(full, decimals);
  const Decimal lo_f = full - hf, hi_f = full + hf;
  const Decimal hundred = Decimal::FromInt(100);
  const Decimal lo = (executed - he).Divide(hi_f, 8) * hundred;
  const Decimal hi = lo_f.is_zero() || lo_f.is_negative() ? Decimal::FromInt(1000000) : (executed + he).Divide(lo_f, 8) * hundred;
  if (!(rate + hr < lo) && !(rate - hr > hi)) return true;
  // Rates capped at 100% when more was spent than budgeted.
  return rate == hundred && lo >= hundred;
}

void CheckRates(const Document& doc, const FundsBlock& fb, std::vector<Finding>* out) {
  const int decimals = AmountDecimals(fb);
  for (const FundsRow& row : fb.rows) {
    const FundsValue& rv = row.values[kFundsRate];
    const FundsValue& ev = row.values[kFundsExecuted];
    const FundsValue& fv = row.values[kFundsFull];
    if (!rv.stated() || !ev.stated() || !fv.stated() || fv.value->is_zero()) continue;
    if (RateFits(*rv.value, *ev.value, *fv.value, decimals)) continue;
    // Some regions divide by 年初预算数: a rate that fits it is not flagged.
    const FundsValue& iv = row.values[kFundsInitial];
    if (iv.stated() && !iv.value->is_zero() && RateFits(*rv.value, *ev.value, *iv.value, decimals)) continue;
    const Decimal computed = ev.value->Divide(*fv.value, 6) * Decimal::FromInt(100);
    Finding f = Make("RATE_MISMATCH", FindingSeverity::kError,
                     "“" + row.label + "”的执行率写为" + S(*rv.value) + "%，按" + ColumnName(doc, fb, kFundsExecuted) + "÷" +
                         ColumnName(doc, fb, kFundsFull) + "应为" + S(computed.Round(2)) + "%",
                     S(*ev.value) + " ÷ " + S(*fv.value) + " = " + S(computed.Round(2)) + "% ≠ " + S(*rv.value) + "%");
    f.evidence = {CellFigureEvidence(doc, fb.block, rv.cell), CellFigureEvidence(doc, fb.block, ev.cell),
                  CellFigureEvidence(doc, fb.block, fv.cell)};
    out->push_back(std::move(f));
  }
}

// The score the rule gives for `rate` (in %).
Decimal RuleScore(const RuleExecutionScore& rule, const Decimal& weight, const Decimal& rate) {
  if (rule.method == "bands") {
    for (const RuleExecutionScore::Band& b : rule.bands)
      if (rate >= b.min_rate) return weight * b.share;
    return Decimal();
  }
  Decimal score = (weight * rate).MulPow10(-2);
  if (rule.cap && score > weight) score = weight;
  return score;
}

bool ScoreFits(const RuleExecutionScore& rule, const Decimal& stated, const Decimal& expected) {
  if (stated == expected) return true;
  for (int d : rule.decimals)
    if (expected.Round(d) == stated || (d > 0 && expected.Round(d, numbers::Rounding::kDown) == stated)) return true;
  return false;
}

void CheckExecutionScore(const Document& doc, const FundsBlock& fb, const Rules& rules, std::vector<Finding>* out) {
  const FundsRow* total = fb.Total();
  if (!total) return;
  const FundsValue& w = total->values[kFundsWeight];
  const FundsValue& s = total->values[kFundsScore];
  const FundsValue& r = total->values[kFundsRate];
  if (!w.stated() || !s.stated()) return;
  std::vector<Decimal> rates;
  if (r.stated()) rates.push_back(*r.value);
  const FundsValue& ev = total->values[kFundsExecuted];
  const FundsValue& fv = total->values[kFundsFull];
  if (ev.stated() && fv.stated() && !fv.value->is_zero())
    rates.push_back(ev.value->Divide(*fv.value, 6) * Decimal::FromInt(100));
  if (rates.empty()) return;
  for (const Decimal& rate : rates)
    if (ScoreFits(rules.execution_score, *s.value, RuleScore(rules.execution_score, *w.value, rate))) return;
  const Decimal& rate = rates.front();
  const Decimal expected = RuleScore(rules.execution_score, *w.value, rate);
  const std::string how = rules.execution_score.method == "bands"
                              ? "按执行率分档计分"
                              : std::string("分值×执行率") + (rules.execution_score.cap ? "（不超过分值）" : "");
  Finding f = Make("EXECUTION_SCORE_MISMATCH", FindingSeverity::kWarning,
                   "预算执行率得分写为" + S(*s.value) + "分，按" + how + "应为" + S(expected.Round(2)) + "分（" +
                       rules.name + "）",
                   S(*w.value) + " × " + S(rate.Round(2)) + "% = " + S(expected.Round(2)) + " ≠ " + S(*s.value));
  f.evidence = {CellFigureEvidence(doc, fb.block, s.cell), CellFigureEvidence(doc, fb.block, w.cell)};
  if (r.cell) f.evidence.push_back(CellFigureEvidence(doc, fb.block, r.cell));
  out->push_back(std::move(f));
}

}  // namespace

void CheckFunds(const Document& doc, const FactSet& set, const Rules& rules, std::vector<Finding>* out) {
  for (const FundsBlock& fb : set.funds) {
    CheckSums(doc, fb, out);
    CheckRates(doc, fb, out);
    CheckExecutionScore(doc, fb, rules, out);
  }
}

}  // namespace jixiao
