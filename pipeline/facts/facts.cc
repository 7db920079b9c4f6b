// ExtractFacts and the JSON / text forms of facts. Covered by facts_test.cc.
#include "pipeline/facts/facts.h"


namespace jixiao {
namespace {

nlohmann::ordered_json QuantityJson(const numbers::Quantity& q) {
  nlohmann::ordered_json j;
  j["kind"] = numbers::KindName(q.kind);
  j["value"] = q.value.ToStringAsWritten();
  j["unit"] = q.unit;
  j["canonical"] = q.canonical.ToString();
  j["canonical_unit"] = q.canonical_unit;
  std::string qualifier;
  for (const std::string& w : q.qualifiers) qualifier += w;
  if (!qualifier.empty()) j["qualifier"] = qualifier;
  j["interval"] = q.interval.ToString();
  return j;
}

}  // namespace

FactSet ExtractFacts(const Document& doc, const Vocabulary& vocabulary, int year) {
  FactSet set;
  set.year = year;
  ExtractNarrativeFacts(doc, vocabulary, NarrativeEnd(doc), &set);
  ExtractTableFacts(doc, vocabulary, &set);
  ExtractProseCellFacts(doc, vocabulary, &set);
  return set;
}

nlohmann::ordered_json FactToJson(const Fact& f) {
  nlohmann::ordered_json j;
  j["concept"] = f.concept_id;
  j["label"] = f.label;
  if (f.concept_id == "grade") {
    j["grade"] = f.grade;
  } else {
    const nlohmann::ordered_json q = QuantityJson(f.q);
    for (auto it = q.begin(); it != q.end(); ++it) j[it.key()] = it.value();
  }
  j["period"] = f.period;
  if (f.year) j["year"] = f.year;
  j["subject"] = f.subject;
  j["source"] = f.source == FactSource::kTable ? "table" : "narrative";
  j["raw"] = f.q.raw;
  nlohmann::ordered_json where;
  where["block"] = f.block;
  if (f.source == FactSource::kTable) {
    where["row"] = f.row;
    where["col"] = f.col;
  } else {
    where["span"] = {f.q.span.begin, f.q.span.end};
  }
  if (f.prov.page >= 0) where["page"] = f.prov.page;
  j["where"] = std::move(where);
  j["quote"] = f.quote;
  if (f.parent >= 0) j["parent"] = f.parent;
  if (f.list >= 0) {
    j["list"] = f.list;
    if (f.list_open) j["list_open"] = true;
  }
  if (!f.relation.empty()) {
    nlohmann::ordered_json r;
    r["kind"] = f.relation;
    r["of"] = f.of_concept;
    if (f.sign) r["sign"] = f.sign;
    if (f.relation_base >= 0) r["level"] = f.relation_base;
    if (f.base_year) r["base_year"] = f.base_year;
    if (!f.base_period.empty()) r["base_period"] = f.base_period;
    if (f.relation_change >= 0) r["change"] = f.relation_change;
    j["relation"] = std::move(r);
  }
  return j;
}

nlohmann::ordered_json FactSetToJson(const FactSet& set) {
  nlohmann::ordered_json j;
  j["year"] = set.year ? nlohmann::ordered_json(set.year) : nlohmann::ordered_json();
  nlohmann::ordered_json facts = nlohmann::ordered_json::array();
  for (const Fact& f : set.facts) facts.push_back(FactToJson(f));
  j["facts"] = std::move(facts);
  nlohmann::ordered_json indicators = nlohmann::ordered_json::array();
  for (const IndicatorRecord& r : set.indicators) {
    nlohmann::ordered_json ji;
    ji["level1"] = r.level1;
    if (r.level1_weight) ji["level1_weight"] = r.level1_weight->ToString();
    ji["level2"] = r.level2;
    ji["level3"] = r.level3;
    ji["target"] = r.target_text;
    ji["actual"] = r.actual_text;
    ji["weight"] = r.weight ? nlohmann::ordered_json(r.weight->ToString()) : nlohmann::ordered_json();
    ji["score"] = r.score ? nlohmann::ordered_json(r.score->ToString()) : nlohmann::ordered_json();
    ji["note"] = r.note;
    if (!r.direction.empty()) ji["direction"] = r.direction;
    if (!r.unit.empty()) ji["unit"] = r.unit;
    ji["group"] = r.group;
    ji["where"] = {{"block", r.block}, {"row", r.row}};
    indicators.push_back(std::move(ji));
  }
  j["indicators"] = std::move(indicators);
  auto line = [](const std::optional<ScoreLine>& l) {
    if (!l) return nlohmann::ordered_json();
    nlohmann::ordered_json jl;
    if (l->weight) jl["weight"] = l->weight->ToString();
    if (l->rate) jl["rate"] = l->rate->ToString();
    if (l->score) jl["score"] = l->score->ToString();
    return jl;
  };
  nlohmann::ordered_json funds = nlohmann::ordered_json::array();
  for (size_t i = 0; i < set.funds.size(); ++i) {
    const FundsBlock& fb = set.funds[i];
    nlohmann::ordered_json jb;
    jb["block"] = fb.block;
    jb["group"] = i < set.funds_groups.size() ? set.funds_groups[i] : -1;
    jb["unit"] = fb.unit;
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    static const char* kNames[] = {"initial", "full", "executed", "weight", "rate", "score"};
    for (const FundsRow& r : fb.rows) {
      nlohmann::ordered_json jr;
      jr["label"] = r.label;
      jr["concept"] = r.concept_id;
      if (!r.partition.empty()) jr["partition"] = r.partition;
      for (int k = 0; k < kFundsColumns; ++k)
        if (r.values[k].value) jr[kNames[k]] = r.values[k].value->ToString();
      jr["row"] = r.row;
      rows.push_back(std::move(jr));
    }
    jb["rows"] = std::move(rows);
    funds.push_back(std::move(jb));
  }
  j["funds"] = std::move(funds);
  j["execution"] = line(set.execution);
  j["total"] = line(set.total);
  return j;
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
