// Loading and matching of the vocabulary. Covered by facts_test.cc.
#include "pipeline/facts/vocabulary.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pipeline/embedded/embedded.h"
#include "pipeline/model/text_util.h"

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

std::string Vocabulary::GradeOf(std::string_view original) const {
  const std::string word = ToSimplified(original);
  for (const auto& [synonym, grade] : grades_)
    if (word == synonym) return grade;
  return "";
}

}  // namespace jixiao
