// ExtractFacts and the text form of facts (their JSON is the report's:
// pipeline/screen/report.h). Covered by facts_test.cc.
#include "pipeline/facts/facts.h"

namespace jixiao {
FactSet ExtractFacts(const Document& doc, const Vocabulary& vocabulary, int year) {
  FactSet set;
  set.year = year;
  ExtractNarrativeFacts(doc, vocabulary, NarrativeEnd(doc), &set);
  ExtractTableFacts(doc, vocabulary, &set);
  ExtractProseCellFacts(doc, vocabulary, &set);
  return set;
}

std::string FactSetToText(const FactSet& set) {
  std::string out;
  for (const Fact& f : set.facts) {
    out += f.source == FactSource::kTable ? "table " : "text  ";
    out += "block " + std::to_string(f.block);
    if (f.source == FactSource::kTable) out += " r" + std::to_string(f.row) + "c" + std::to_string(f.col);
    out += "  " + f.label + " [" + f.concept_id + (f.period.empty() ? "" : "/" + f.period) + "] = ";
    out += f.concept_id == "grade" ? f.grade : f.q.raw + " → " + f.q.canonical.ToString() + f.q.canonical_unit;
    out += "\n";
  }
  for (const IndicatorRecord& r : set.indicators) {
    out += "indicator  " + r.level1 + " / " + r.level2 + " / " + r.level3 + "  target " + r.target_text +
           "  actual " + r.actual_text + "  weight " + (r.weight ? r.weight->ToString() : "?") + "  score " +
           (r.score ? r.score->ToString() : "?") + "  note " + r.note + "\n";
  }
  if (set.execution)
    out += "execution  weight " + (set.execution->weight ? set.execution->weight->ToString() : "?") + "  rate " +
           (set.execution->rate ? set.execution->rate->ToString() : "?") + "  score " +
           (set.execution->score ? set.execution->score->ToString() : "?") + "\n";
  if (set.total)
    out += "total  weight " + (set.total->weight ? set.total->weight->ToString() : "?") + "  score " +
           (set.total->score ? set.total->score->ToString() : "?") + "\n";
  return out;
}

}  // namespace jixiao
