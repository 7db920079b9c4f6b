// Checks of the relations the narrative states between figures: a change
// from last year (this − last = change), its growth rate (change ÷ last), a
// difference from a budget (决算 − 预算 = difference) and a completion rate
// (决算 ÷ 预算), and 完成…100% beside a difference that cannot be 0. The
// arithmetic is interval arithmetic: levels as written, the change or rate
// within the rounding of its last digit, read to the finest unit among them
// (numbers::ListIntervals). Covered by checks_test.cc
// (RelationChecksTest) and the corpus/narrative variants.
#include <algorithm>

#include "pipeline/checks/figure_checks.h"
#include "pipeline/checks/figure_internal.h"

namespace jixiao {
namespace {

using namespace figure_internal;
using numbers::Decimal;
using numbers::Interval;
using numbers::Quantity;
using numbers::QuantityKind;

Interval Negate(const Interval& i) {
  Interval n;
  if (i.hi) n.lo = -*i.hi;
  if (i.lo) n.hi = -*i.lo;
  n.lo_open = i.hi_open;
  n.hi_open = i.lo_open;
  return n;
}

// a − b.
Interval Minus(const Interval& a, const Interval& b) { return SumIntervals({a, Negate(b)}); }

// How well a stated period fits the one asked for: 2 exactly, 1 comparable, 0 not.
int PeriodFit(const std::string& have, const std::string& want) {
  if (have == want) return 2;
  if (want == "budget") return have == "full" || have == "initial" ? 1 : 0;
  if (want == "full" || want == "initial") return have == "budget" ? 1 : 0;
  return 0;
}

// The level of a concept in a period for the year: the best-fitting period,
// then the same block, then the narrative before the tables.
const Fact* FindLevel(const FactSet& set, const std::string& concept_id, int year, const std::string& period, int block) {
  const Fact* best = nullptr;
  int best_score = 0;
  for (const Fact& f : set.facts) {
    if (!f.relation.empty() || f.q.kind != QuantityKind::kAmount || f.concept_id != concept_id || concept_id.empty() ||
        f.subject != "unit" || f.parent >= 0 || (year && f.year && f.year != year))
      continue;
    const int fit = PeriodFit(f.period, period);
    if (!fit) continue;
    const int score = fit * 4 + (f.block == block ? 2 : 0) + (f.source == FactSource::kNarrative ? 1 : 0);
    if (score > best_score) {
      best = &f;
      best_score = score;
    }
  }
  return best;
}

// Last year's level stated beside a change ("（2023年为20万元）"): linked to
// this year's level, or to the change when the level stands elsewhere.
const Fact* PriorOf(const FactSet& set, int level, int change) {
  for (const Fact& f : set.facts)
    if (f.relation == "prior_level" &&
        ((level >= 0 && f.relation_base == level) || (change >= 0 && f.relation_change == change)))
      return &f;
  return nullptr;
}

// This year's level of a change stated without it ("收入合计比上年增加"):
// the concept's figure in the change's period, or in any period when the
// sentence names none.
const Fact* LevelOf(const FactSet& set, const Fact& change) {
  if (change.relation_base >= 0) return &set.facts[change.relation_base];
  if (const Fact* f = FindLevel(set, change.of_concept, change.year, change.period, change.block)) return f;
  if (!change.period.empty()) return nullptr;
  for (const char* period : {"executed", "full", "budget", "initial"})
    if (const Fact* f = FindLevel(set, change.of_concept, change.year, period, change.block)) return f;
  return nullptr;
}

std::string Unit(const Fact& f) { return f.q.kind == QuantityKind::kAmount ? f.q.unit : ""; }

std::string Direction(const Fact& f, const char* up, const char* down) { return f.sign < 0 ? down : up; }

// this − base against ±change; SUM_MISMATCH when they cannot meet.
void CheckDifference(const Document& doc, const Fact& level, const Fact& base, const Fact& change,
                     const std::string& what, std::vector<Finding>* out) {
  // Levels as written (the writer subtracts what they print); the change may
  // be rounded, to the finest unit of the three.
  const std::vector<Interval> iv = numbers::ListIntervals({&level.q, &base.q, &change.q});
  const Interval diff = Minus(numbers::WrittenValue(level.q), numbers::WrittenValue(base.q));
  const Interval stated = change.sign < 0 ? Negate(iv[2]) : iv[2];
  if (diff.Intersects(stated)) return;
  const Decimal exact = level.q.canonical - base.q.canonical;
  Finding f;
  f.code = "SUM_MISMATCH";
  f.severity = FindingSeverity::kError;
  f.message = "“" + level.label + "”" + what + Show(change) + "，与所列数值不符：" + Show(level) + " − " + Show(base) +
              " = " + InUnitOf(level, exact) + Unit(level);
  const std::string signed_change = (change.sign < 0 ? "−" : "") + InUnitOf(level, change.q.canonical);
  f.arithmetic = InUnitOf(level, level.q.canonical) + " − " + InUnitOf(level, base.q.canonical) + " = " +
                 InUnitOf(level, exact) + " ≠ " + signed_change + (Unit(level).empty() ? "" : "（" + Unit(level) + "）");
  f.evidence = {FactEvidence(doc, change), FactEvidence(doc, level), FactEvidence(doc, base)};
  out->push_back(std::move(f));
}

// |change| ÷ base × 100 against the stated growth rate.
void CheckGrowth(const Document& doc, const Fact& rate, const Fact& change, const Interval& base,
                 const Decimal& base_value, const std::string& base_text, const std::vector<Evidence>& base_evidence,
                 std::vector<Finding>* out) {
  if (!base.lo || base.lo->sign() <= 0) return;
  std::optional<Interval> computed = RatioPercent(numbers::WrittenValue(change.q), base);
  if (!computed || computed->Intersects(rate.q.interval)) return;
  const Decimal exact = change.q.canonical.Divide(base_value, 6) * Decimal::FromInt(100);
  const std::string shown = exact.Round(2).Normalized().ToString();
  Finding f;
  f.code = "RATE_MISMATCH";
  f.severity = FindingSeverity::kError;
  f.message = "“" + change.label + "”" + Direction(rate, "增长", "下降") + rate.q.value.ToStringAsWritten() + "%，按" +
              Show(change) + " ÷ " + base_text + "计算应为" + shown + "%";
  f.arithmetic = InUnitOf(change, change.q.canonical) + " ÷ " + InUnitOf(change, base_value) + " × 100% = " + shown +
                 "% ≠ " + rate.q.value.ToStringAsWritten() + "%";
  f.evidence = {FactEvidence(doc, rate), FactEvidence(doc, change)};
  for (const Evidence& e : base_evidence) f.evidence.push_back(e);
  out->push_back(std::move(f));
}

}  // namespace

void CheckRelations(const Document& doc, const FactSet& set, std::vector<Finding>* out) {
  for (const Fact& r : set.facts) {
    if (r.relation == "change") {
      const Fact* level = LevelOf(set, r);
      const int index = static_cast<int>(&r - set.facts.data());
      if (!level) continue;
      if (const Fact* prior = PriorOf(set, r.relation_base, index))
        CheckDifference(doc, *level, *prior, r, Direction(r, "比上年增加", "比上年减少"), out);
    } else if (r.relation == "difference") {
      const Fact* level = r.relation_base >= 0 ? &set.facts[r.relation_base]
                                               : FindLevel(set, r.of_concept, r.year, r.period, r.block);
      if (!level) continue;
      const Fact* base = FindLevel(set, level->concept_id, r.year, r.base_period, r.block);
      if (!base || base == level) continue;
      CheckDifference(doc, *level, *base, r,
                      std::string(PeriodLabel(level->period)) + Direction(r, "比", "比") + PeriodLabel(base->period) +
                          Direction(r, "多", "少"),
                      out);
    } else if (r.relation == "growth_rate") {
      if (r.relation_change < 0) continue;
      const Fact& change = set.facts[r.relation_change];
      // The base: last year's level, or the budget of a difference; else
      // this year's level less the change.
      const Fact* base = nullptr;
      const Fact* level = nullptr;
      if (change.relation == "change") {
        level = LevelOf(set, change);
        base = PriorOf(set, change.relation_base, r.relation_change);
      } else if (change.relation == "difference") {
        level = change.relation_base >= 0 ? &set.facts[change.relation_base]
                                          : FindLevel(set, change.of_concept, change.year, change.period, change.block);
        if (level) base = FindLevel(set, level->concept_id, change.year, change.base_period, change.block);
      }
      if (base) {
        CheckGrowth(doc, r, change, numbers::WrittenValue(base->q), base->q.canonical, Show(*base), {FactEvidence(doc, *base)}, out);
      } else if (level) {
        const Interval iv[] = {numbers::WrittenValue(level->q), numbers::WrittenValue(change.q)};
        const Interval base_iv = change.sign < 0 ? SumIntervals({iv[0], iv[1]}) : Minus(iv[0], iv[1]);
        const Decimal base_value = change.sign < 0 ? level->q.canonical + change.q.canonical
                                                   : level->q.canonical - change.q.canonical;
        CheckGrowth(doc, r, change, base_iv, base_value,
                    "（" + Show(*level) + (change.sign < 0 ? " + " : " − ") + Show(change) + "）",
                    {FactEvidence(doc, *level)}, out);
      }
    } else if (r.relation == "completion_rate") {
      const Fact* executed = r.relation_base >= 0 ? &set.facts[r.relation_base]
                                                  : FindLevel(set, r.of_concept, r.year, "executed", r.block);
      const Fact* budget = FindLevel(set, r.of_concept, r.year, r.base_period, r.block);
      if (executed && budget && executed != budget) {
        CheckRate(doc, &r, nullptr, -1, nullptr, *executed, *budget,
                  "“" + executed->label + "”完成" + PeriodLabel(budget->period) + "的比率", out, /*as_written=*/true);
        continue;
      }
      // Without the figures: 完成…100% and a difference that cannot be 0
      // in the same paragraph contradict each other.
      if (r.q.comparator != numbers::Comparator::kNone || r.q.approx != numbers::Approx::kNone ||
          r.q.value != Decimal::FromInt(100))
        continue;
      for (const Fact& d : set.facts) {
        if (d.relation != "difference" || d.block != r.block || d.of_concept != r.of_concept) continue;
        if (d.q.interval.Contains(Decimal()) || d.q.canonical.is_zero()) continue;
        Finding f;
        f.code = "RATE_MISMATCH";
        f.severity = FindingSeverity::kError;
        f.message = "“" + r.label + "”完成" + PeriodLabel(r.base_period) + "的" + r.q.value.ToStringAsWritten() +
                    "%，但又说决算与预算相差" + Show(d) + "：两者相差不为0时完成率不是100%";
        f.arithmetic = "决算 − 预算 = " + std::string(d.sign < 0 ? "−" : "") + InUnitOf(d, d.q.canonical) + " ≠ 0";
        f.evidence = {FactEvidence(doc, r), FactEvidence(doc, d)};
        out->push_back(std::move(f));
        break;
      }
    }
  }
}

}  // namespace jixiao
