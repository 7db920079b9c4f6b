// Helpers shared by the figure checks (figure_checks.cc) and the checks of
// changes, differences and completion rates (relation_checks.cc).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/checks/finding.h"
#include "pipeline/facts/facts.h"
#include "pipeline/model/document.h"

namespace jixiao::figure_internal {

// The figure as the reader saw it: the raw text, or value and unit.
std::string Show(const Fact& f);
// 年初预算 / 全年预算 / 预算 / 实际支出 / 未注明口径.
const char* PeriodLabel(const std::string& period);
// 预算 is comparable with 年初预算 and 全年预算.
bool PeriodsComparable(const std::string& a, const std::string& b);
// Sum of intervals; unbounded when any part is.
numbers::Interval SumIntervals(const std::vector<numbers::Interval>& parts);
// A canonical amount in the unit the reference was written in (万元 …).
std::string InUnitOf(const Fact& reference, const numbers::Decimal& canonical);
// Total against parts: equal when `complete`, not below their sum otherwise.
// `as_list`: the figures are read to the finest unit among them
// (numbers::ListIntervals), and a single part is checked too.
void CheckPartition(const Document& doc, const Fact& total, const std::vector<const Fact*>& parts, bool complete,
                    const std::string& name, std::vector<Finding>* out, bool as_list = false);
// Ratio interval ×100 of two amount intervals with positive bounds.
std::optional<numbers::Interval> RatioPercent(const numbers::Interval& num, const numbers::Interval& den);
// RATE_MISMATCH / RATE_ZERO_BASE of a stated rate against num ÷ den.
// `as_written`: num and den are taken exactly as written (the narrative
// computes its rates from the figures it prints), the rate within its last
// digit; otherwise every figure stands for its Calc 1.1 interval.
void CheckRate(const Document& doc, const Fact* rate, const Cell* rate_cell, int rate_block,
               const numbers::Decimal* rate_value, const Fact& num, const Fact& den, const std::string& name,
               std::vector<Finding>* out, bool as_written = false);

}  // namespace jixiao::figure_internal
