// Checks over the indicator table and the stated score and grade:
// SCORE_TOTAL_MISMATCH, SCORE_OVER_WEIGHT, WEIGHT_MISMATCH, GRADE_MISMATCH,
// TARGET_NOT_MET, DEVIATION_UNEXPLAINED, and narrative counts against the
// table's actual values (FIGURE_CONFLICT). Covered by checks_test.cc and the
// corpus acceptance test.
#include "pipeline/checks/score_checks.h"

#include <algorithm>

#include "pipeline/checks/completeness_check.h"
#include "pipeline/checks/figure_checks.h"
#include "pipeline/model/text_util.h"
#include "pipeline/model/utf8.h"

namespace jixiao {
namespace {

using numbers::Decimal;
using numbers::Quantity;
using numbers::QuantityKind;

std::string D(const std::optional<Decimal>& d) { return d ? d->Normalized().ToString() : "?"; }

bool SaysNoDeviation(const std::string& note, const Rules& rules) {
  const std::string t = RemoveSpaces(note);
  if (t.empty()) return true;
  for (const std::string& p : rules.no_deviation_phrases)
    if (t == p) return true;
  return false;
}

std::string Level1Id(const IndicatorRecord& r, const Rules& rules) {
  for (const RuleLevel1& l : rules.level1)
    for (const std::string& s : l.synonyms)
      if (r.level1.find(s) != std::string::npos) return l.id;
  return "";
}

const RuleLevel1* RuleFor(const std::string& id, const Rules& rules) {
  for (const RuleLevel1& l : rules.level1)
    if (l.id == id) return &l;
  return nullptr;
}

Finding Make(const char* code, FindingSeverity severity, std::string message, std::string arithmetic = "") {
  Finding f;
  f.code = code;
  f.severity = severity;
  f.message = std::move(message);
  f.arithmetic = std::move(arithmetic);
  return f;
}

// The first figure of a target or actual cell that can be compared.
const Quantity* Comparable(const std::vector<Quantity>& qs) {
  for (const Quantity& q : qs)
    if (q.kind != QuantityKind::kYear) return &q;
  return nullptr;
}

// True when the actual provably misses the target.
bool MissesTarget(const Quantity& target, const Quantity& actual) {
  if (target.kind != actual.kind || target.canonical_unit != actual.canonical_unit) return false;
  const numbers::Interval& a = actual.interval;
  switch (target.comparator) {
    case numbers::Comparator::kLe:
    case numbers::Comparator::kLt:
    case numbers::Comparator::kBefore:
      return a.lo && target.interval.hi && (*a.lo > *target.interval.hi);
    case numbers::Comparator::kGe:
    case numbers::Comparator::kGt:
    case numbers::Comparator::kAfter:
      return a.hi && target.interval.lo && (*a.hi < *target.interval.lo);
    case numbers::Comparator::kRange:
      return (a.hi && target.interval.lo && *a.hi < *target.interval.lo);
    case numbers::Comparator::kNone:
      if (target.kind == QuantityKind::kDate) return a.lo && *a.lo > target.canonical;
      return a.hi && *a.hi < target.canonical;
  }
  return false;
}

void CheckIndicators(const Document& doc, const FactSet& set, const Rules& rules, std::vector<Finding>* out) {
  for (const IndicatorRecord& r : set.indicators) {
    auto cell = [&](const Cell* c) { return CellFigureEvidence(doc, r.block, c); };
    if (r.weight && r.score && *r.score > *r.weight) {
      Finding f = Make("SCORE_OVER_WEIGHT", FindingSeverity::kError,
                       "指标“" + r.level3 + "”得分" + D(r.score) + "超过分值" + D(r.weight),
                       D(r.score) + " > " + D(r.weight));
      f.evidence = {cell(r.name_cell), cell(r.weight_cell), cell(r.score_cell)};
      out->push_back(std::move(f));
    }
    const Quantity* target = Comparable(r.target);
    const Quantity* actual = Comparable(r.actual);
    const bool full_marks = r.weight && r.score && *r.score == *r.weight;
    const bool no_deviation = SaysNoDeviation(r.note, rules);
    if (target && actual && MissesTarget(*target, *actual) && (full_marks || no_deviation)) {
      Finding f = Make("TARGET_NOT_MET", FindingSeverity::kError,
                       "指标“" + r.level3 + "”实际完成值“" + RemoveSpaces(r.actual_text) + "”未达到年度指标值“" +
                           RemoveSpaces(r.target_text) + "”，" +
                           (full_marks ? "却得满分" + D(r.score) + "分" : std::string("却注明“") + RemoveSpaces(r.note) + "”"),
                       "实际 " + actual->interval.ToString() + " 未达到 目标 " + target->interval.ToString());
      f.evidence = {cell(r.name_cell), cell(r.target_cell), cell(r.actual_cell), cell(r.score_cell)};
      if (r.note_cell) f.evidence.push_back(cell(r.note_cell));
      out->push_back(std::move(f));
    }
    // 正向 with a ≤ target (or 反向 with ≥): the direction and the comparator disagree.
    if (target && !r.direction.empty()) {
      const bool le = target->comparator == numbers::Comparator::kLe || target->comparator == numbers::Comparator::kLt;
      const bool ge = target->comparator == numbers::Comparator::kGe || target->comparator == numbers::Comparator::kGt;
      if ((r.direction == "up" && le) || (r.direction == "down" && ge)) {
        const std::string written = r.direction_cell ? RemoveSpaces(r.direction_cell->Text()) : r.direction;
        Finding f = Make("DIRECTION_MISMATCH", FindingSeverity::kWarning,
                         "指标“" + r.level3 + "”的指标方向为“" + written + "”，年度指标值却写为“" +
                             RemoveSpaces(r.target_text) + "”（" + (le ? "上限" : "下限") + "），二者矛盾",
                         written + " ↔ " + RemoveSpaces(r.target_text));
        f.evidence = {cell(r.name_cell), cell(r.direction_cell), cell(r.target_cell)};
        out->push_back(std::move(f));
      }
    }
    if (r.weight && r.score && *r.score < *r.weight && no_deviation) {
      Finding f = Make("DEVIATION_UNEXPLAINED", FindingSeverity::kWarning,
                       "指标“" + r.level3 + "”得分" + D(r.score) + "低于分值" + D(r.weight) + "，但未说明偏差原因" +
                           (RemoveSpaces(r.note).empty() ? "" : "（写为“" + RemoveSpaces(r.note) + "”）"),
                       D(r.score) + " < " + D(r.weight));
      f.evidence = {cell(r.name_cell), cell(r.weight_cell), cell(r.score_cell)};
      if (r.note_cell) f.evidence.push_back(cell(r.note_cell));
      out->push_back(std::move(f));
    }
  }
}

// The indicator table of a group, or null.
const IndicatorTable* TableOf(const FactSet& set, int group) {
  for (const IndicatorTable& t : set.indicator_tables)
    if (t.group == group) return &t;
  return nullptr;
}

template <typename T>
const T* LineOf(const std::vector<T>& lines, int group) {
  for (const T& l : lines)
    if (l.group == group) return &l;
  return nullptr;
}

// The groups that have indicators, in order.
std::vector<int> IndicatorGroups(const FactSet& set) {
  std::vector<int> groups;
  for (const IndicatorRecord& r : set.indicators)
    if (groups.empty() || groups.back() != r.group) groups.push_back(r.group);
  return groups;
}

void CheckWeightsOfGroup(const Document& doc, const FactSet& set, const Rules& rules, int group,
                         std::vector<Finding>* out) {
  const IndicatorTable* table = TableOf(set, group);
  const bool whole = !table || !TableCutOff(doc, set, rules, *table);
  const ScoreLine* execution = LineOf(set.executions, group);
  const ScoreLine* total = LineOf(set.totals, group);
  // Weights under each first-level heading: rows that share a label are one group.
  struct Level1 {
    const IndicatorRecord* first;
    Decimal sum;
    std::vector<const IndicatorRecord*> rows;
  };
  std::vector<Level1> groups;
  for (const IndicatorRecord& r : set.indicators) {
    if (r.group != group) continue;
    if (groups.empty() || groups.back().first->level1 != r.level1) groups.push_back({&r, Decimal(), {}});
    if (r.weight) groups.back().sum = groups.back().sum + *r.weight;
    groups.back().rows.push_back(&r);
  }
  if (groups.empty()) return;
  // The rule's level-1 weights apply to a table of the rule's scheme: every
  // level-1 label one of the rule's (not 决策/过程 of the older scheme).
  bool rule_scheme = true;
  for (const Level1& g : groups) rule_scheme = rule_scheme && !Level1Id(*g.first, rules).empty();
  Decimal all = execution && execution->weight ? *execution->weight : Decimal();
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const Level1& g = groups[gi];
    all = all + g.sum;
    // A table cut off stops inside its last group: that group is not judged.
    if (!whole && gi + 1 == groups.size()) continue;
    const IndicatorRecord& head = *g.first;
    auto evidence = [&]() {
      std::vector<Evidence> ev{CellFigureEvidence(doc, head.block, head.level1_cell)};
      for (const IndicatorRecord* r : g.rows) ev.push_back(CellFigureEvidence(doc, r->block, r->weight_cell));
      return ev;
    };
    if (head.level1_weight && g.sum != *head.level1_weight) {
      std::string terms;
      for (const IndicatorRecord* r : g.rows) terms += (terms.empty() ? "" : " + ") + D(r->weight);
      Finding f = Make("WEIGHT_MISMATCH", FindingSeverity::kError,
                       "“" + head.level1 + "”下各指标分值之和为" + g.sum.Normalized().ToString() + "分，与标注的" +
                           D(head.level1_weight) + "分不符",
                       terms + " = " + g.sum.Normalized().ToString() + " ≠ " + D(head.level1_weight));
      f.evidence = evidence();
      out->push_back(std::move(f));
    }
    const RuleLevel1* rule = rule_scheme ? RuleFor(Level1Id(head, rules), rules) : nullptr;
    const Decimal stated = head.level1_weight ? *head.level1_weight : g.sum;
    if (rule && stated != rule->weight) {
      Finding f = Make("WEIGHT_MISMATCH", FindingSeverity::kWarning,
                       "“" + rule->label + "”权重为" + stated.Normalized().ToString() + "分，规定为" +
                           rule->weight.Normalized().ToString() + "分（" + rules.name + "）",
                       stated.Normalized().ToString() + " ≠ " + rule->weight.Normalized().ToString());
      f.evidence = evidence();
      out->push_back(std::move(f));
    }
  }
  if (execution && execution->weight && rule_scheme) {
    const RuleLevel1* rule = RuleFor("execution", rules);
    if (rule && *execution->weight != rule->weight) {
      Finding f = Make("WEIGHT_MISMATCH", FindingSeverity::kWarning,
                       "预算执行率权重为" + D(execution->weight) + "分，规定为" + rule->weight.Normalized().ToString() + "分",
                       D(execution->weight) + " ≠ " + rule->weight.Normalized().ToString());
      f.evidence = {CellFigureEvidence(doc, execution->block, execution->weight_cell)};
      out->push_back(std::move(f));
    }
  }
  if (!whole) return;  // the sum of a table cut off says nothing
  const std::optional<Decimal> stated_total = total ? total->weight : std::nullopt;
  if (stated_total && all != *stated_total) {
    Finding f = Make("WEIGHT_MISMATCH", FindingSeverity::kError,
                     "各项分值（含预算执行率）之和为" + all.Normalized().ToString() + "分，与总分栏的" + D(stated_total) + "分不符",
                     all.Normalized().ToString() + " ≠ " + D(stated_total));
    f.evidence = {CellFigureEvidence(doc, total->block, total->weight_cell)};
    out->push_back(std::move(f));
  } else if (all != rules.total_weight) {
    Finding f = Make("WEIGHT_MISMATCH", FindingSeverity::kWarning,
                     "各项分值（含预算执行率）之和为" + all.Normalized().ToString() + "分，应为" +
                         rules.total_weight.Normalized().ToString() + "分",
                     all.Normalized().ToString() + " ≠ " + rules.total_weight.Normalized().ToString());
    if (total) f.evidence = {CellFigureEvidence(doc, total->block, total->weight_cell)};
    out->push_back(std::move(f));
  }
}

void CheckWeights(const Document& doc, const FactSet& set, const Rules& rules, std::vector<Finding>* out) {
  for (int group : IndicatorGroups(set)) CheckWeightsOfGroup(doc, set, rules, group, out);
}

struct GroupSum {
  int group = -1;
  Decimal sum;
  std::string terms;
  bool complete = true;
};

GroupSum SumOfGroup(const Document& doc, const FactSet& set, const Rules& rules, int group) {
  GroupSum g;
  g.group = group;
  const ScoreLine* execution = LineOf(set.executions, group);
  if (execution && execution->score) {
    g.sum = *execution->score;
    g.terms = D(execution->score);
  }
  for (const IndicatorRecord& r : set.indicators) {
    if (r.group != group) continue;
    if (!r.score) { g.complete = false; continue; }
    g.sum = g.sum + *r.score;
    g.terms += (g.terms.empty() ? "" : " + ") + D(r.score);
  }
  const IndicatorTable* table = TableOf(set, group);
  if (table && TableCutOff(doc, set, rules, *table)) g.complete = false;
  return g;
}

void CheckTotals(const Document& doc, const FactSet& set, const Rules& rules, std::vector<Finding>* out) {
  std::vector<const Fact*> self_scores, grades;
  for (const Fact& f : set.facts) {
    if (f.concept_id == "self_score" && f.q.kind == QuantityKind::kScore) self_scores.push_back(&f);
    if (f.concept_id == "grade") grades.push_back(&f);
  }
  std::vector<GroupSum> sums;
  for (int group : IndicatorGroups(set)) sums.push_back(SumOfGroup(doc, set, rules, group));
  for (const GroupSum& g : sums) {
    const ScoreLine* total = LineOf(set.totals, g.group);
    const std::string total_text = g.sum.Normalized().ToString();
    if (g.complete && total && total->score && *total->score != g.sum) {
      Finding f = Make("SCORE_TOTAL_MISMATCH", FindingSeverity::kError,
                       "各项得分（含预算执行率得分）之和为" + total_text + "分，总分栏写为" + D(total->score) + "分",
                       g.terms + " = " + total_text + " ≠ " + D(total->score));
      f.evidence = {CellFigureEvidence(doc, total->block, total->score_cell)};
      out->push_back(std::move(f));
    }
  }
  // The narrative's 自评得分 against the table: with one table, that table;
  // with several (a bundle), only when it fits none of them.
  for (const Fact* s : self_scores) {
    bool fits_one = false;
    for (const GroupSum& g : sums) fits_one = fits_one || !g.complete || s->q.value == g.sum;
    if (sums.empty() || fits_one) continue;
    const GroupSum& g = sums.front();
    const ScoreLine* total = LineOf(set.totals, g.group);
    const std::string total_text = g.sum.Normalized().ToString();
    Finding f = Make("SCORE_TOTAL_MISMATCH", FindingSeverity::kError,
                     "正文所述自评得分" + s->q.value.Normalized().ToString() + "分与自评表各项得分之和" + total_text + "分不符",
                     g.terms + " = " + total_text + " ≠ " + s->q.value.Normalized().ToString());
    f.evidence = {FactEvidence(doc, *s)};
    if (total) f.evidence.push_back(CellFigureEvidence(doc, total->block, total->score_cell));
    out->push_back(std::move(f));
  }
  // The grade must fit the score: the narrative's score, else the table's.
  std::optional<Decimal> score;
  const Fact* score_fact = self_scores.empty() ? nullptr : self_scores.front();
  if (score_fact) score = score_fact->q.value;
  else if (set.total && set.total->score) score = set.total->score;
  if (!score) return;
  const std::string expected = rules.GradeFor(*score);
  for (const Fact* g : grades) {
    if (expected.empty() || g->grade == expected) continue;
    Finding f = Make("GRADE_MISMATCH", FindingSeverity::kError,
                     "自评得分" + score->Normalized().ToString() + "分对应等级应为“" + expected + "”，报告写为“" + g->grade + "”",
                     score->Normalized().ToString() + "分 → " + expected);
    f.evidence = {FactEvidence(doc, *g)};
    if (score_fact) f.evidence.push_back(FactEvidence(doc, *score_fact));
    else f.evidence.push_back(CellFigureEvidence(doc, set.total->block, set.total->score_cell));
    out->push_back(std::move(f));
  }
}

// "全年共走访企业80余次" in the narrative against the actual value of the
// indicator "全年共走访企业" (≥80次): same measure word and a shared name.
void CheckCountsAgainstIndicators(const Document& doc, const FactSet& set, std::vector<Finding>* out) {
  constexpr size_t kMinSharedBytes = 3 * 4;  // four Chinese characters
  for (const IndicatorRecord& r : set.indicators) {
    const Quantity* actual = Comparable(r.actual);
    if (!actual || actual->kind != QuantityKind::kCount) continue;
    for (const Fact& f : set.facts) {
      if (f.source != FactSource::kNarrative || f.q.kind != QuantityKind::kCount || !f.concept_id.empty()) continue;
      if (f.q.canonical_unit != actual->canonical_unit) continue;
      if (CommonRun(f.label, r.level3) < kMinSharedBytes) continue;
      if (numbers::Compatible(f.q, *actual)) continue;
      Finding finding = Make("FIGURE_CONFLICT", FindingSeverity::kError,
                             "正文“" + f.label + f.q.raw + "”与自评表指标“" + r.level3 + "”的实际完成值“" +
                                 RemoveSpaces(r.actual_text) + "”不一致",
                             f.q.interval.ToString() + " ∩ " + actual->interval.ToString() + " = ∅");
      finding.evidence = {FactEvidence(doc, f), CellFigureEvidence(doc, r.block, r.actual_cell)};
      out->push_back(std::move(finding));
    }
  }
}

}  // namespace

size_t CommonRun(const std::string& a, const std::string& b) {
  size_t best = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (IsUtf8Continuation(a[i])) continue;
    for (size_t j = 0; j < b.size(); ++j) {
      size_t k = 0;
      while (i + k < a.size() && j + k < b.size() && a[i + k] == b[j + k]) ++k;
      while (k > 0 && i + k < a.size() && IsUtf8Continuation(a[i + k])) --k;
      best = std::max(best, k);
    }
  }
  return best;
}

void CheckScores(const Document& doc, const FactSet& facts, const Rules& rules, std::vector<Finding>* out) {
  CheckIndicators(doc, facts, rules, out);
  CheckWeights(doc, facts, rules, out);
  CheckTotals(doc, facts, rules, out);
  CheckCountsAgainstIndicators(doc, facts, out);
}

}  // namespace jixiao
