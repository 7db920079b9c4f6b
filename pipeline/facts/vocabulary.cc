// Loading and matching of the vocabulary. Covered by facts_test.cc.
#include "pipeline/facts/vocabulary.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pipeline/embedded/embedded.h"
#include "pipeline/model/simplified.h"

namespace jixiao {

Status Vocabulary::Load(const std::string& path, Vocabulary* out) {
  std::string text;
  if (path.empty()) {
    text = std::string(EmbeddedSchema("concepts.json"));
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError("cannot open vocabulary " + path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  try {
    nlohmann::json j = nlohmann::json::parse(text);
    Vocabulary v;
    std::map<std::string, Phrase> phrases;
    for (const auto& c : j.at("concepts")) {
      Concept entry{c.at("id").get<std::string>(), c.value("label", ""), c.value("kind", "amount"),
                    c.value("group", "")};
      for (const auto& s : c.at("synonyms")) {
        Phrase& p = phrases[s.get<std::string>()];
        p.text = s.get<std::string>();
        p.concept_id = entry.id;
      }
      v.concepts_.push_back(std::move(entry));
    }
    for (const auto& per : j.at("periods")) {
      for (const auto& s : per.at("synonyms")) {
        Phrase& p = phrases[s.get<std::string>()];
        p.text = s.get<std::string>();
        p.period = per.at("id").get<std::string>();
      }
    }
    for (const auto& g : j.value("grades", nlohmann::json::array()))
      for (const auto& s : g.at("synonyms")) v.grades_.push_back({s.get<std::string>(), g.at("grade").get<std::string>()});
    if (j.contains("funds_block")) {
      const auto& fb = j.at("funds_block");
      for (const auto& [column, synonyms] : fb.at("columns").items())
        for (const auto& s : synonyms) v.funds_.columns.emplace_back(s.get<std::string>(), column);
      for (const auto& s : fb.at("total_rows")) v.funds_.total_rows.push_back(s.get<std::string>());
      for (const auto& r : fb.at("rows"))
        for (const auto& s : r.at("labels"))
          v.funds_.rows.push_back({s.get<std::string>(), r.at("concept").get<std::string>(), r.value("partition", "")});
      std::stable_sort(v.funds_.rows.begin(), v.funds_.rows.end(),
                       [](const FundsRowLabel& a, const FundsRowLabel& b) { return a.label.size() > b.label.size(); });
      for (const auto& s : fb.at("not_stated")) v.funds_.not_stated.push_back(s.get<std::string>());
    }
    if (j.contains("indicator_table")) {
      const auto& it = j.at("indicator_table");
      for (const auto& [column, synonyms] : it.at("columns").items())
        for (const auto& s : synonyms) v.indicators_.columns.emplace_back(s.get<std::string>(), column);
      for (const auto& s : it.at("total_rows")) v.indicators_.total_rows.push_back(s.get<std::string>());
      for (const auto& s : it.at("placeholders")) v.indicators_.placeholders.push_back(s.get<std::string>());
      for (const auto& s : it.at("directions").at("up")) v.indicators_.up.push_back(s.get<std::string>());
      for (const auto& s : it.at("directions").at("down")) v.indicators_.down.push_back(s.get<std::string>());
      if (it.contains("execution_line")) {
        const auto& line = it.at("execution_line");
        for (const auto& s : line.at("weight")) v.indicators_.execution_weight.push_back(s.get<std::string>());
        for (const auto& s : line.at("rate")) v.indicators_.execution_rate.push_back(s.get<std::string>());
        for (const auto& s : line.at("score")) v.indicators_.execution_score.push_back(s.get<std::string>());
      }
      if (it.contains("table_titles"))
        for (const auto& s : it.at("table_titles")) v.indicators_.table_titles.push_back(s.get<std::string>());
    }
    if (j.contains("identity")) {
      const auto& id = j.at("identity");
      for (const auto& s : id.at("project")) v.identity_.project.push_back(s.get<std::string>());
      for (const auto& s : id.at("unit")) v.identity_.unit.push_back(s.get<std::string>());
      for (const auto& s : id.at("department")) v.identity_.department.push_back(s.get<std::string>());
    }
    for (auto& [key, phrase] : phrases) v.phrases_.push_back(std::move(phrase));
    const nlohmann::json narrative = j.value("narrative", nlohmann::json::object());
    auto list = [&](const char* key, std::vector<std::string>* to) {
      for (const auto& s : narrative.value(key, nlohmann::json::array())) to->push_back(s.get<std::string>());
      std::stable_sort(to->begin(), to->end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    };
    NarrativePhrases& n = v.narrative_;
    list("list_markers", &n.list_markers);
    list("open_list_markers", &n.open_list_markers);
    list("prior_year_bases", &n.prior_year_bases);
    list("prior_year_levels", &n.prior_year_levels);
    list("period_base_prefixes", &n.period_base_prefixes);
    list("period_base_suffixes", &n.period_base_suffixes);
    list("up_words", &n.up_words);
    list("down_words", &n.down_words);
    list("more_comparators", &n.more_comparators);
    list("less_comparators", &n.less_comparators);
    list("rate_suffixes", &n.rate_suffixes);
    list("completion_words", &n.completion_words);
    list("completion_rates", &n.completion_rates);
    list("total_neutral_words", &n.total_neutral_words);
    list("whole_concepts", &n.whole_concepts);
    list("completion_claims", &n.completion_claims);
    list("target_headers", &n.target_headers);
    list("actual_headers", &n.actual_headers);
    std::stable_sort(v.phrases_.begin(), v.phrases_.end(),
                     [](const Phrase& a, const Phrase& b) { return a.text.size() > b.text.size(); });
    *out = std::move(v);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(std::string("vocabulary: ") + e.what());
  }
  return Status::Ok();
}

std::vector<KeywordHit> Vocabulary::Match(std::string_view original) const {
  const std::string simplified = ToSimplified(original);
  const std::string_view text(simplified);
  std::vector<KeywordHit> hits;
  std::vector<bool> taken(text.size(), false);
  for (const Phrase& p : phrases_) {
    for (size_t pos = text.find(p.text); pos != std::string_view::npos; pos = text.find(p.text, pos + 1)) {
      bool free = true;
      for (size_t k = pos; k < pos + p.text.size() && free; ++k) free = !taken[k];
      if (!free) continue;
      for (size_t k = pos; k < pos + p.text.size(); ++k) taken[k] = true;
      hits.push_back({pos, pos + p.text.size(), p.concept_id, p.period});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const KeywordHit& a, const KeywordHit& b) { return a.begin < b.begin; });
  return hits;
}

std::string Vocabulary::ConceptOfLabel(std::string_view label) const {
  if (label.size() > 3 * 24) return "";
  std::string concept_id;
  for (const KeywordHit& h : Match(label))
    if (!h.concept_id.empty()) concept_id = h.concept_id;  // the last one: "其中：公车购置" → 公车购置
  return concept_id;
}

std::string Vocabulary::PeriodOf(std::string_view text) const {
  std::string period;
  for (const KeywordHit& h : Match(text))
    if (!h.period.empty()) period = h.period;
  return period;
}

const Concept* Vocabulary::Find(const std::string& id) const {
  for (const Concept& c : concepts_)
    if (c.id == id) return &c;
  return nullptr;
}

std::string Vocabulary::IndicatorColumnOf(const std::string& header) const {
  if (header.empty() || header.size() > 3 * 16) return "";
  for (const auto& [synonym, id] : indicators_.columns)
    if (synonym[0] != '*' && header == synonym) return id;
  for (const auto& [synonym, id] : indicators_.columns)
    if (synonym[0] == '*' && header.find(synonym.substr(1)) != std::string::npos) return id;
  return "";
}

std::string Vocabulary::IdentityLabel(const std::string& squeezed) const {
  std::string s = squeezed;
  while (!s.empty() && (s.back() == ':' || s.compare(s.size() >= 3 ? s.size() - 3 : 0, 3, "：") == 0))
    s.erase(s.back() == ':' ? s.size() - 1 : s.size() - 3);
  for (const std::string& p : identity_.project) if (s == p) return "project";
  for (const std::string& p : identity_.unit) if (s == p) return "unit";
  for (const std::string& p : identity_.department) if (s == p) return "department";
  return "";
}

std::string Vocabulary::GradeOf(std::string_view original) const {
  const std::string word = ToSimplified(original);
  for (const auto& [synonym, grade] : grades_)
    if (word == synonym) return grade;
  return "";
}

}  // namespace jixiao
