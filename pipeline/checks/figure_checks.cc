// SUM_MISMATCH, FIGURE_CONFLICT, RATE_MISMATCH, RATE_ZERO_BASE and
// UNIT_SUSPECT over the facts of a report. Covered by checks_test.cc and the
// corpus acceptance test (seed, clean, one variant per code, rewrites).
//
// Tolerance follows XBRL Calculations 1.1: every figure stands for the
// interval its written decimals allow (numbers::Quantity::interval), and a
// sum or a ratio is flagged only when the intervals cannot meet.
#include "pipeline/checks/figure_checks.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "pipeline/checks/figure_internal.h"
#include "pipeline/checks/score_checks.h"

namespace jixiao {
namespace figure_internal {

using numbers::Decimal;
using numbers::Interval;
using numbers::Quantity;
using numbers::QuantityKind;

std::string Show(const Fact& f) {
  if (f.source == FactSource::kTable) return f.q.value.ToStringAsWritten() + f.q.unit;
  std::string raw = f.q.raw;
  return raw.empty() ? f.q.value.ToStringAsWritten() + f.q.unit : raw;
}

const char* PeriodLabel(const std::string& period) {
  if (period == "initial") return "年初预算";
  if (period == "full") return "全年预算";
  if (period == "budget") return "预算";
  if (period == "executed") return "实际支出";
  return "未注明口径";
}

bool PeriodsComparable(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a == "budget") return b == "initial" || b == "full";
  if (b == "budget") return a == "initial" || a == "full";
  return false;
}

Interval SumIntervals(const std::vector<Interval>& parts) {
  Interval sum;
  sum.lo = Decimal();
  sum.hi = Decimal();
  for (const Interval& i : parts) {
    if (sum.lo && i.lo) sum.lo = *sum.lo + *i.lo; else sum.lo.reset();
    if (sum.hi && i.hi) sum.hi = *sum.hi + *i.hi; else sum.hi.reset();
    sum.lo_open = sum.lo_open || i.lo_open;
    sum.hi_open = sum.hi_open || i.hi_open;
  }
  return sum;
}

// In the unit the figures were written in: amounts in 万元 when the total is.
std::string InUnitOf(const Fact& reference, const Decimal& canonical) {
  if (reference.q.kind == QuantityKind::kAmount && reference.q.unit != "元") {
    int shift = reference.q.unit == "万元" ? -4 : reference.q.unit == "亿元" ? -8 : reference.q.unit == "千元" ? -3 : 0;
    return canonical.MulPow10(shift).Normalized().ToString();
  }
  return canonical.Normalized().ToString();
}

void AddSumFinding(const Document& doc, const Fact& total, const std::vector<const Fact*>& parts, bool complete,
                   const std::string& partition_name, std::vector<Finding>* out) {
  Finding f;
  f.code = "SUM_MISMATCH";
  f.severity = FindingSeverity::kError;
  Decimal sum;
  std::string terms;
  for (const Fact* p : parts) {
    sum = sum + p->q.canonical;
    if (!terms.empty()) terms += " + ";
    terms += InUnitOf(total, p->q.canonical);
  }
  const std::string unit = total.q.kind == QuantityKind::kAmount ? total.q.unit : "";
  f.arithmetic = InUnitOf(total, total.q.canonical) + (complete ? " ≠ " : " < ") + terms + " = " +
                 InUnitOf(total, sum) + (unit.empty() ? "" : "（" + unit + "）");
  f.message = "“" + total.label + "”" + Show(total) + (complete ? "不等于" : "小于") + partition_name + "各项之和" +
              InUnitOf(total, sum) + unit;
  f.evidence.push_back(FactEvidence(doc, total));
  for (const Fact* p : parts) f.evidence.push_back(FactEvidence(doc, *p));
  out->push_back(std::move(f));
}

// Total against parts: equal when the parts are the whole partition, not
// below their sum otherwise.
void CheckPartition(const Document& doc, const Fact& total, const std::vector<const Fact*>& parts, bool complete,
                    const std::string& name, std::vector<Finding>* out, bool as_list) {
  if (parts.size() < 2 && !(complete && parts.size() == 1) && !as_list) return;
  std::vector<const Quantity*> figures = {&total.q};
  for (const Fact* p : parts) figures.push_back(&p->q);
  std::vector<Interval> intervals;
  if (as_list) {
    // A breakdown adds its parts as written; only the total may be rounded.
    intervals = numbers::ListIntervals(figures);
    for (size_t k = 1; k < figures.size(); ++k) intervals[k] = numbers::WrittenValue(*figures[k]);
  } else {
    for (const Quantity* q : figures) intervals.push_back(q->interval);
  }
  const Interval t = intervals[0];
  const Interval sum = SumIntervals(std::vector<Interval>(intervals.begin() + 1, intervals.end()));
  bool bad;
  if (complete) {
    bad = !sum.Intersects(t);
  } else {
    bad = sum.lo && t.hi && *sum.lo > *t.hi;
  }
  if (bad) AddSumFinding(doc, total, parts, complete, name, out);
}

// The partition that holds a concept, or nullptr.
const RulePartition* PartitionOf(const Rules& rules, const std::string& concept_id) {
  for (const RulePartition& p : rules.partitions)
    if (std::find(p.parts.begin(), p.parts.end(), concept_id) != p.parts.end()) return &p;
  return nullptr;
}

void CheckNarrativeSums(const Document& doc, const FactSet& set, const Rules& rules, std::vector<Finding>* out) {
  // Lists of parts (其中 / 包括 / 分别用于 …, or in brackets): a closed list of
  // two parts or more adds up to its head, an open one ("…等") or a single
  // part does not exceed it; read to the finest unit of the list. A list
  // whose named parts belong to two partitions ("（基本支出…，一般公共预算…）")
  // breaks its head down twice: each partition is checked below instead.
  std::map<int, std::vector<const Fact*>> lists;
  for (const Fact& f : set.facts)
    if (f.list >= 0 && f.parent >= 0 && f.q.kind == QuantityKind::kAmount)
      lists[f.list].push_back(&f);
  std::set<const Fact*> handled;
  for (const auto& [id, parts] : lists) {
    std::set<const RulePartition*> partitions;
    bool open = false;
    for (const Fact* p : parts) {
      if (!p->concept_id.empty()) partitions.insert(PartitionOf(rules, p->concept_id));
      open = open || p->list_open;
    }
    if (partitions.size() > 1) continue;
    for (const Fact* p : parts) handled.insert(p);
    const bool complete = !open && parts.size() >= 2;
    CheckPartition(doc, set.facts[parts[0]->parent], parts, complete, "所列", out, /*as_list=*/true);
  }
  std::map<int, std::vector<const Fact*>> children;
  for (const Fact& f : set.facts)
    if (f.parent >= 0 && f.q.kind == QuantityKind::kAmount && !handled.count(&f)) children[f.parent].push_back(&f);
  for (const auto& [parent, kids] : children) {
    const Fact& total = set.facts[parent];
    for (const RulePartition& p : rules.partitions) {
      std::vector<const Fact*> parts;
      std::set<std::string> seen;
      for (const Fact* k : kids)
        if (std::find(p.parts.begin(), p.parts.end(), k->concept_id) != p.parts.end() && seen.insert(k->concept_id).second)
          parts.push_back(k);
      if (parts.size() < 2) continue;
      CheckPartition(doc, total, parts, parts.size() == p.parts.size(), p.name, out);
    }
  }
}

void CheckTableSums(const Document& doc, const FactSet& set, const Rules& rules, std::vector<Finding>* out) {
  // Rows of one column: key (block, col, period, year).
  std::map<std::tuple<int, int, std::string, int>, std::map<std::string, const Fact*>> columns;
  // Cells written "label：value" of one table, against the table's total.
  std::map<int, std::map<std::string, const Fact*>> inline_facts;
  std::map<int, const Fact*> table_total;
  for (const Fact& f : set.facts) {
    if (f.source != FactSource::kTable || f.q.kind != QuantityKind::kAmount) continue;
    if (f.period.empty() && f.concept_id != "total") {
      inline_facts[f.block].emplace(f.concept_id, &f);
      continue;
    }
    columns[{f.block, f.col, f.period, f.year}].emplace(f.concept_id, &f);
    if (f.concept_id == "total" && (f.period == "full" || !table_total.count(f.block))) table_total[f.block] = &f;
  }
  for (const auto& [key, by_concept] : columns) {
    for (const RulePartition& p : rules.partitions) {
      if (p.total.empty() || !by_concept.count(p.total)) continue;
      std::vector<const Fact*> parts;
      for (const std::string& c : p.parts)
        if (by_concept.count(c)) parts.push_back(by_concept.at(c));
      if (parts.size() < 2) continue;
      CheckPartition(doc, *by_concept.at(p.total), parts, parts.size() == p.parts.size(), p.name, out);
    }
  }
  for (const auto& [block, by_concept] : inline_facts) {
    if (!table_total.count(block)) continue;
    for (const RulePartition& p : rules.partitions) {
      if (p.total != "total") continue;
      std::vector<const Fact*> parts;
      for (const std::string& c : p.parts)
        if (by_concept.count(c)) parts.push_back(by_concept.at(c));
      if (parts.size() < 2) continue;
      CheckPartition(doc, *table_total.at(block), parts, parts.size() == p.parts.size(), p.name, out);
    }
  }
}

bool TenThousandApart(const Fact& a, const Fact& b) {
  if (a.q.kind != QuantityKind::kAmount || a.q.canonical.is_zero() || b.q.canonical.is_zero()) return false;
  return a.q.canonical == b.q.canonical.MulPow10(4) || b.q.canonical == a.q.canonical.MulPow10(4);
}

// Bounds on the pairwise comparison of one figure's statements (see below).
constexpr size_t kMaxMembers = 200;
constexpr size_t kMaxPairs = 50;

void CheckConflicts(const Document& doc, const FactSet& set, std::vector<Finding>* out) {
  std::map<std::tuple<std::string, std::string, int>, std::vector<int>> groups;
  for (int i = 0; i < static_cast<int>(set.facts.size()); ++i) {
    const Fact& f = set.facts[i];
    if (f.concept_id.empty() || f.concept_id == "grade" || f.concept_id == "relative_rate" || !f.relation.empty()) continue;
    groups[{f.concept_id, f.subject, f.year}].push_back(i);
  }
  auto compatible = [&](int a, int b) { return numbers::Compatible(set.facts[a].q, set.facts[b].q); };
  // A child whose parents disagree repeats its parents' conflict.
  auto knock_on = [&](int a, int b) {
    const Fact& fa = set.facts[a];
    const Fact& fb = set.facts[b];
    return fa.parent >= 0 && fb.parent >= 0 && fa.parent != fb.parent && !compatible(fa.parent, fb.parent);
  };
  for (const auto& [key, all_members] : groups) {
    if (DeadlinePassed()) return;
    if (all_members.size() < 2) continue;
    // A report states one figure a few times, a few dozen at most. A
    // document stating it thousands of times (a compendium, not a report)
    // is compared on its first kMaxMembers statements: the pairwise
    // comparison must not take a worker for minutes.
    const std::vector<int> members(all_members.begin(),
                                   all_members.begin() + std::min(all_members.size(), kMaxMembers));
    bool any_stated = false;
    for (int b : members) any_stated = any_stated || !set.facts[b].period.empty();
    std::vector<std::pair<int, int>> pairs;
    for (size_t x = 0; x < members.size() && pairs.size() < kMaxPairs; ++x) {
      const int a = members[x];
      const Fact& fa = set.facts[a];
      if (fa.period.empty()) {
        // A figure whose period is not stated agrees when it matches any
        // figure whose period is (or, when none is, any other figure).
        bool matches_any = false;
        int other = -1;
        for (int b : members) {
          if (b == a || (any_stated && set.facts[b].period.empty())) continue;
          if (compatible(a, b)) matches_any = true;
          else if (other < 0 && !knock_on(a, b)) other = b;
        }
        if (!matches_any && other >= 0) pairs.push_back({a, other});
        continue;
      }
      for (size_t y = x + 1; y < members.size(); ++y) {
        const int b = members[y];
        const Fact& fb = set.facts[b];
        if (fb.period.empty() || !PeriodsComparable(fa.period, fb.period)) continue;
        if (!compatible(a, b) && !knock_on(a, b)) pairs.push_back({a, b});
      }
    }
    if (pairs.empty()) continue;
    // Figures 10⁴ apart are a unit slip (元 for 万元), reported as such.
    std::vector<std::pair<int, int>> conflicts;
    for (const auto& [a, b] : pairs) {
      if (TenThousandApart(set.facts[a], set.facts[b])) {
        Finding f;
        f.code = "UNIT_SUSPECT";
        f.severity = FindingSeverity::kError;
        f.message = "“" + set.facts[a].label + "”两处数值恰好相差一万倍，疑似单位写错（元与万元）：" +
                    Show(set.facts[a]) + "与" + Show(set.facts[b]);
        f.arithmetic = set.facts[a].q.canonical.ToString() + "元 vs " + set.facts[b].q.canonical.ToString() + "元";
        f.evidence = {FactEvidence(doc, set.facts[a]), FactEvidence(doc, set.facts[b])};
        out->push_back(std::move(f));
      } else {
        conflicts.push_back({a, b});
      }
    }
    if (conflicts.empty()) continue;
    Finding f;
    f.code = "FIGURE_CONFLICT";
    f.severity = FindingSeverity::kError;
    const Fact& first = set.facts[conflicts[0].first];
    f.message = "“" + first.label + "”在报告中的数值相互矛盾：";
    std::string arithmetic;
    for (size_t k = 0; k < conflicts.size() && k < 4; ++k) {
      const Fact& a = set.facts[conflicts[k].first];
      const Fact& b = set.facts[conflicts[k].second];
      if (k) { f.message += "；"; arithmetic += "; "; }
      f.message += Show(a) + "（" + PeriodLabel(a.period) + "，" + DescribePlace(doc, a.block, a.prov) + "）与" +
                   Show(b) + "（" + PeriodLabel(b.period) + "，" + DescribePlace(doc, b.block, b.prov) + "）";
      arithmetic += InUnitOf(a, a.q.canonical) + " ≠ " + InUnitOf(a, b.q.canonical);
    }
    f.arithmetic = arithmetic;
    // Every place the figure is stated, so the reviewer sees them all.
    for (int m : members) f.evidence.push_back(FactEvidence(doc, set.facts[m]));
    out->push_back(std::move(f));
  }
}

// Ratio interval ×100 of two amount intervals with positive bounds.
std::optional<Interval> RatioPercent(const Interval& num, const Interval& den) {
  if (!num.lo || !num.hi || !den.lo || !den.hi || den.lo->sign() <= 0 || num.lo->sign() < 0) return std::nullopt;
  Interval r;
  r.lo = num.lo->Divide(*den.hi, 6) * Decimal::FromInt(100);
  r.hi = num.hi->Divide(*den.lo, 6) * Decimal::FromInt(100);
  return r;
}

void CheckRate(const Document& doc, const Fact* rate, const Cell* rate_cell, int rate_block,
               const numbers::Decimal* rate_value, const Fact& num, const Fact& den, const std::string& name,
               std::vector<Finding>* out, bool as_written) {
  std::vector<Evidence> evidence;
  if (rate) evidence.push_back(FactEvidence(doc, *rate));
  else evidence.push_back(CellFigureEvidence(doc, rate_block, rate_cell));
  evidence.push_back(FactEvidence(doc, num));
  evidence.push_back(FactEvidence(doc, den));
  const std::string stated = rate ? rate->q.value.ToStringAsWritten() : rate_value->ToStringAsWritten();
  if (den.q.value.is_zero()) {
    Finding f;
    f.code = "RATE_ZERO_BASE";
    f.severity = FindingSeverity::kError;
    f.message = name + "以0为基数，比率" + stated + "%没有意义：" + Show(num) + " ÷ " + Show(den);
    f.arithmetic = InUnitOf(den, num.q.canonical) + " ÷ 0";
    f.evidence = std::move(evidence);
    out->push_back(std::move(f));
    return;
  }
  Interval stated_interval;
  if (rate) {
    stated_interval = rate->q.interval;
  } else {
    const Decimal half = rate_value->HalfUnitOfLastDigit();
    stated_interval.lo = *rate_value - half;
    stated_interval.hi = *rate_value + half;
  }
  std::optional<Interval> computed =
      as_written ? RatioPercent(numbers::WrittenValue(num.q), numbers::WrittenValue(den.q))
                 : RatioPercent(num.q.interval, den.q.interval);
  if (!computed || computed->Intersects(stated_interval)) return;
  Finding f;
  f.code = "RATE_MISMATCH";
  f.severity = FindingSeverity::kError;
  const Decimal exact = num.q.canonical.Divide(den.q.canonical, 4) * Decimal::FromInt(100);
  f.message = name + "写为" + stated + "%，按" + Show(num) + " ÷ " + Show(den) + "计算应为" +
              exact.Round(2).Normalized().ToString() + "%";
  f.arithmetic = InUnitOf(den, num.q.canonical) + " ÷ " + InUnitOf(den, den.q.canonical) + " × 100% = " +
                 exact.Round(2).Normalized().ToString() + "% ≠ " + stated + "%";
  f.evidence = std::move(evidence);
  out->push_back(std::move(f));
}

void CheckRates(const Document& doc, const FactSet& set, std::vector<Finding>* out) {
  // Relative rates stated in sentences: "实际支出0万元，为年初预算的100%".
  for (const Fact& f : set.facts) {
    if (f.concept_id != "relative_rate") continue;
    const Fact& num = set.facts[f.rate_numerator];
    const Fact& den = set.facts[f.rate_denominator];
    CheckRate(doc, &f, nullptr, -1, nullptr, num, den, "“" + num.label + "”" + PeriodLabel(num.period) + "占" + PeriodLabel(den.period) + "的比率", out);
  }
  // Budget execution: executed ÷ full-year budget, from the budget table when
  // it states both, else from the narrative totals.
  const Fact* executed = nullptr;
  const Fact* budget = nullptr;
  for (const Fact& f : set.facts) {
    if (f.concept_id != "total" || f.q.kind != QuantityKind::kAmount || f.year != set.year) continue;
    if (f.period == "executed" && (!executed || (executed->source == FactSource::kNarrative && f.source == FactSource::kTable)))
      executed = &f;
    if ((f.period == "full" || f.period == "budget") &&
        (!budget || budget->period != "full" || (budget->source == FactSource::kNarrative && f.source == FactSource::kTable)))
      budget = &f;
  }
  if (!executed || !budget) return;
  // A funds block's rates are checked row by row, in their own table, by
  // CheckFunds (a bundle's second table must not be checked against the first).
  bool table_rate_checked = !set.funds.empty();
  if (set.execution && set.execution->rate && set.funds.empty()) {
    const Fact* table_rate = nullptr;
    for (const Fact& f : set.facts)
      if (f.concept_id == "rate_execution" && f.source == FactSource::kTable) table_rate = &f;
    CheckRate(doc, table_rate, set.execution->rate_cell, set.execution->block, &*set.execution->rate, *executed, *budget,
              "预算执行率", out);
    table_rate_checked = table_rate != nullptr;
  }
  for (const Fact& f : set.facts) {
    if (f.concept_id != "rate_execution" || (f.source == FactSource::kTable && table_rate_checked)) continue;
    if (f.source == FactSource::kTable) continue;
    CheckRate(doc, &f, nullptr, -1, nullptr, *executed, *budget, "预算执行率", out);
  }
}

// Counts named by their clause ("收集困难与问题62个") stated in two places
// with the same measure word and a shared name of four characters or more.
void CheckCountConflicts(const Document& doc, const FactSet& set, std::vector<Finding>* out) {
  constexpr size_t kMinSharedBytes = 3 * 4;
  // A count stated again in the same words (label, unit, figure) agrees and
  // disagrees with what its first statement does: only the first is compared.
  // The pairwise comparison is bounded: a report states a few dozen counts; a
  // document of thousands (a compendium, not a report) is compared on its
  // first kMaxCounts distinct ones.
  constexpr size_t kMaxCounts = 1000;
  std::vector<const Fact*> counts;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const Fact& f : set.facts)
    // A target (年度总体目标 "不少于60家") states no quantity; its actual is
    // compared with it by CheckProseTargets.
    if (f.q.kind == QuantityKind::kCount && f.concept_id.empty() && f.prose_role != "target" &&
        counts.size() < kMaxCounts && seen.insert({f.label, f.q.canonical_unit, f.q.interval.ToString()}).second)
      counts.push_back(&f);
  std::set<const Fact*> reported;
  for (size_t i = 0; i < counts.size() && !DeadlinePassed(); ++i) {
    for (size_t j = i + 1; j < counts.size(); ++j) {
      const Fact& a = *counts[i];
      const Fact& b = *counts[j];
      if (a.block == b.block && a.row == b.row && a.col == b.col) continue;  // one text: may count two things
      if (a.q.canonical_unit != b.q.canonical_unit || CommonRun(a.label, b.label) < kMinSharedBytes) continue;
      if (numbers::Compatible(a.q, b.q) || reported.count(&a) || reported.count(&b)) continue;
      reported.insert(&a);
      reported.insert(&b);
      Finding f;
      f.code = "FIGURE_CONFLICT";
      f.severity = FindingSeverity::kError;
      f.message = "同一数量在两处不一致：“" + a.label + a.q.raw + "”（" + DescribePlace(doc, a.block, a.prov) + "）与“" +
                  b.label + b.q.raw + "”（" + DescribePlace(doc, b.block, b.prov) + "）";
      f.arithmetic = a.q.interval.ToString() + " ∩ " + b.q.interval.ToString() + " = ∅";
      f.evidence = {FactEvidence(doc, a), FactEvidence(doc, b)};
      out->push_back(std::move(f));
    }
  }
}

// Targets and actuals stated in table prose (年度总体目标 "培训不少于180人次",
// 实际完成情况 "实际培训164人次"), paired by measure word and the longest
// shared name (an actual on the target's own row first): a missed target
// under a claim that every target was met, or on a row given full marks
// (得分 = 分值 by the form's columns; an indicator table's rows are judged
// by the indicator checks).
namespace {

bool FullMarks(const Fact& f) {
  return f.weight && f.score && !f.weight->is_zero() && !f.weight->is_negative() && *f.score == *f.weight;
}

}  // namespace

void CheckProseTargets(const Document& doc, const FactSet& set, std::vector<Finding>* out) {
  constexpr size_t kMinSharedBytes = 3 * 2;
  std::set<int> indicator_blocks;
  for (const IndicatorTable& t : set.indicator_tables) indicator_blocks.insert(t.block);
  std::vector<const Fact*> targets, actuals;
  for (const Fact& f : set.facts) {
    if (f.q.kind != QuantityKind::kCount || !f.concept_id.empty()) continue;
    if (f.prose_role == "target") targets.push_back(&f);
    if (f.prose_role == "actual") actuals.push_back(&f);
  }
  for (const Fact* t : targets) {
    if (DeadlinePassed()) return;
    // The actuals on the target's row, if any has its measure word; else all.
    std::vector<const Fact*> candidates;
    for (const Fact* a : actuals)
      if (a->q.canonical_unit == t->q.canonical_unit && a->block == t->block && a->row == t->row && t->row >= 0)
        candidates.push_back(a);
    const bool same_row = !candidates.empty();
    if (!same_row)
      for (const Fact* a : actuals)
        if (a->q.canonical_unit == t->q.canonical_unit) candidates.push_back(a);
    const Fact* best = nullptr;
    size_t best_run = 0;
    bool tie = false;
    for (const Fact* a : candidates) {
      const size_t run = CommonRun(t->label, a->label);
      if (!best || run > best_run) {
        best = a;
        best_run = run;
        tie = false;
      } else if (run == best_run) {
        tie = true;
      }
    }
    // One actual of that measure word on the target's own row needs no shared name.
    const bool paired = best && !tie && (best_run >= kMinSharedBytes || (same_row && candidates.size() == 1));
    if (!paired || numbers::MeetsTarget(best->q, t->q)) continue;
    const Fact* full = nullptr;
    if (!indicator_blocks.count(t->block)) {
      if (FullMarks(*t)) full = t;
      else if (FullMarks(*best) && !indicator_blocks.count(best->block)) full = best;
    }
    if (!full && !set.completion_claim) continue;
    Finding f;
    f.code = "TARGET_NOT_MET";
    f.severity = FindingSeverity::kError;
    f.message = "目标“" + t->label + t->q.raw + "”未达到：实际“" + best->label + best->q.raw + "”";
    if (full) {
      f.message += "，但该项得满分（得分" + full->score->ToStringAsWritten() + " = 分值" +
                   full->weight->ToStringAsWritten() + "）";
    } else {
      f.message += "，但报告称“" + set.completion_claim->label + "”";
    }
    f.arithmetic = best->q.interval.ToString() + " ⊄ " + t->q.interval.ToString();
    f.evidence = {FactEvidence(doc, *t), FactEvidence(doc, *best)};
    if (full) {
      f.evidence.push_back(CellFigureEvidence(doc, full->block, full->score_cell));
      f.evidence.push_back(CellFigureEvidence(doc, full->block, full->weight_cell));
    } else {
      f.evidence.push_back(FactEvidence(doc, *set.completion_claim));
    }
    out->push_back(std::move(f));
  }
}

void CheckSuspectUnits(const Document& doc, const FactSet& set, std::vector<Finding>* out) {
  for (const Fact& s : set.suspect_units) {
    Finding f;
    f.code = "UNIT_SUSPECT";
    f.severity = FindingSeverity::kWarning;
    f.message = "量词疑似写错：“" + s.q.raw + "”中的“" + s.q.unit_as_written + "”应为“" + s.q.unit + "”";
    f.evidence.push_back(FactEvidence(doc, s));
    out->push_back(std::move(f));
  }
}

}  // namespace figure_internal

using namespace figure_internal;

Evidence FactEvidence(const Document& doc, const Fact& fact) {
  Evidence e;
  e.block = fact.block;
  e.quote = fact.quote;
  if (fact.concept_id == "claim") {
    e.value = fact.q.raw;  // the words of the claim, no figure
  } else if (fact.concept_id != "grade") {
    e.value = fact.q.value.ToStringAsWritten();
    e.unit = fact.q.unit;
  } else {
    e.value = fact.grade;
  }
  e.prov = fact.prov;
  if (fact.source == FactSource::kTable) {
    e.prov.row = fact.row;
    e.prov.col = fact.col;
  } else {
    e.span_begin = static_cast<int>(fact.q.span.begin);
    e.span_end = static_cast<int>(fact.q.span.end);
  }
  e.place = DescribePlace(doc, fact.block, e.prov);
  return e;
}

Evidence CellFigureEvidence(const Document& doc, int block, const Cell* cell) {
  if (!cell) {
    Evidence e;
    e.block = block;
    e.place = DescribePlace(doc, block, {});
    return e;
  }
  Evidence e = CellEvidence(doc, block, *cell);
  std::vector<Quantity> qs = numbers::FindQuantities(e.quote);
  if (!qs.empty()) {
    e.value = qs[0].value.ToStringAsWritten();
    e.unit = qs[0].unit;
  }
  return e;
}

void CheckFigures(const Document& doc, const FactSet& facts, const Rules& rules, std::vector<Finding>* out) {
  CheckNarrativeSums(doc, facts, rules, out);
  CheckRelations(doc, facts, out);
  CheckTableSums(doc, facts, rules, out);
  if (DeadlinePassed()) return;
  CheckConflicts(doc, facts, out);
  CheckRates(doc, facts, out);
  if (DeadlinePassed()) return;
  CheckCountConflicts(doc, facts, out);
  CheckProseTargets(doc, facts, out);
  CheckSuspectUnits(doc, facts, out);
}

}  // namespace jixiao
