// TABLE_INCOMPLETE: a table or a document that stops short
// (completeness_check.cc). Covered by checks_test.cc and the templates corpus
// (cut-off and half-filled cases).
#pragma once

#include <string>
#include <vector>

#include "pipeline/checks/finding.h"
#include "pipeline/checks/rules.h"
#include "pipeline/facts/facts.h"
#include "pipeline/model/document.h"

namespace jixiao {

// An indicator table that stops before its 总分 row (or leaves it empty), a
// document that ends mid-sentence or mid-table, a PDF read only in part.
// Returns true when the document itself is cut short, so that missing
// sections and attachments are not judged.
bool CheckCompleteness(const Document& doc, const FactSet& facts, const Rules& rules, bool read_in_full,
                       std::vector<Finding>* out);

// True when an indicator table stops short: no 总分 row and either the
// document ends in it or its weights (with the execution line's) stay below
// the rule's total. A table without a 总分 row whose weights are all there
// is whole.
bool TableCutOff(const Document& doc, const FactSet& facts, const Rules& rules, const IndicatorTable& table);

}  // namespace jixiao
