// Facts from narrative sentences (prose cells of tables: narrative_prose.cc;
// the words of relations: narrative_relations.cc). Covered by facts_test.cc
// (seed sentences and rewrites), checks/figure_checks_test.cc (phrasing →
// facts → finding) and the corpus facts test (DOCX and PDF agree).
//
// A figure's concept is the last concept phrase between the previous figure
// and it; without one it carries on the concept of the previous figure at the
// same bracket depth in the sentence ("三公经费年初预算0万元，实际支出0万元");
// a bare period phrase ("全年预算24万元") names the total. Its period is the last period phrase of the sentence
// before it, so "全年实际支出24万元，其中基本支出24万元" gives 基本支出 an
// executed figure. Figures in brackets after a figure, or after "其中", break
// that figure down (parent).
#include <algorithm>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include <re2/re2.h>

#include "pipeline/facts/facts.h"
#include "pipeline/facts/narrative_internal.h"
#include "pipeline/model/simplified.h"

namespace jixiao {
namespace {

using numbers::Quantity;
using numbers::QuantityKind;

struct SentenceMap {
  std::vector<size_t> starts;  // byte offset where each sentence starts (ascending)
  int SentenceOf(size_t pos) const {
    return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), pos) - starts.begin()) - 1;
  }
};

// Sentences of `text`, each ending after one of `ends`.
SentenceMap SplitAt(const std::string& text, std::initializer_list<std::string_view> ends) {
  SentenceMap map;
  map.starts.push_back(0);
  for (size_t i = 0; i < text.size();) {
    size_t advance = 1;
    for (std::string_view e : ends) {
      if (text.compare(i, e.size(), e) == 0) {
        advance = e.size();
        if (i + e.size() < text.size()) map.starts.push_back(i + e.size());
        break;
      }
    }
    i += advance;
  }
  return map;
}

SentenceMap SplitSentences(const std::string& text) { return SplitAt(text, {"。", "；", "！", "？", "\n", ";"}); }

// Bracket depth at each byte, and where the innermost open bracket is.
struct Brackets {
  std::vector<int> depth;
  std::vector<size_t> open_at;  // for each byte: offset of the innermost open bracket, or npos
};

Brackets ScanBrackets(const std::string& text) {
  Brackets b;
  b.depth.assign(text.size() + 1, 0);
  b.open_at.assign(text.size() + 1, std::string::npos);
  std::vector<size_t> stack;
  for (size_t i = 0; i < text.size();) {
    b.depth[i] = static_cast<int>(stack.size());
    b.open_at[i] = stack.empty() ? std::string::npos : stack.back();
    size_t n = 1;
    if (text.compare(i, 3, "（") == 0) { stack.push_back(i); n = 3; }
    else if (text[i] == '(') stack.push_back(i);
    else if (text.compare(i, 3, "）") == 0) { if (!stack.empty()) stack.pop_back(); n = 3; }
    else if (text[i] == ')') { if (!stack.empty()) stack.pop_back(); }
    for (size_t k = i + 1; k < i + n && k < text.size(); ++k) {
      b.depth[k] = b.depth[i];
      b.open_at[k] = b.open_at[i];
    }
    i += n;
  }
  b.depth[text.size()] = static_cast<int>(stack.size());
  return b;
}

// The clause before a figure: from the last separator to the figure.
std::string ClauseLabel(const std::string& text, size_t clause_floor, size_t pos) {
  static const char* kSeparators[] = {"，", "。", "；", "、", "：", "（", "(", ",", ";", ":", "“", "”", " ", "\u3000"};
  size_t start = clause_floor;
  // Searched within the clause only: a separator absent from a long
  // paragraph must not cost a scan of the paragraph per figure.
  const std::string_view clause = std::string_view(text).substr(clause_floor, pos > clause_floor ? pos - clause_floor : 0);
  for (const char* sep : kSeparators) {
    const size_t p = clause.rfind(sep);
    if (p != std::string_view::npos) start = std::max(start, clause_floor + p + std::string(sep).size());
  }
  std::string label = text.substr(start, pos - start);
  // Qualifier words belong to the figure, not the label.
  for (const char* tail : {"达到", "达", "约", "近", "超过", "共计", "累计", "共", "合计"}) {
    const std::string t = tail;
    if (label.size() > t.size() && label.compare(label.size() - t.size(), t.size(), t) == 0 && t != "共")
      label.erase(label.size() - t.size());
  }
  return label;
}

bool IsSectionHeading(const Block& b) {
  if (b.kind == BlockKind::kHeading) return true;
  const std::string t = b.text;
  return !b.label.empty() && t.size() <= 3 * 30 && t.find("。") == std::string::npos;
}


SentenceMap SplitHardSentences(const std::string& text) { return SplitAt(text, {"。", "！", "？", "\n", "!", "?"}); }

// Only punctuation and white space in text[begin, end)?
bool OnlyPunctuation(const std::string& text, size_t begin, size_t end) {
  static const std::string kMarks[] = {"，", "：", "；", "、", ",", ":", ";", " ", "\u3000", "\t"};
  for (size_t i = begin; i < end;) {
    bool mark = false;
    for (const std::string& m : kMarks)
      if (text.compare(i, m.size(), m) == 0) { i += m.size(); mark = true; break; }
    if (!mark) return false;
  }
  return true;
}

// The name of a part of a list: the words before it ("A项目12.5万元"), or
// after it when it comes first ("30万元用于道路维修").
std::string ItemName(const std::string& text, const std::vector<std::string>& markers, size_t floor, const Quantity& q) {
  std::string label = ClauseLabel(text, floor, q.span.begin);
  for (size_t len; (len = internal::StartsWithAny(label, 0, markers));) label.erase(0, len);
  for (const char* p : {"：", ":"})
    if (label.compare(0, std::string(p).size(), p) == 0) label.erase(0, std::string(p).size());
  if (!label.empty()) return label;
  static const char* kStops[] = {"，", "。", "；", "、", ",", ";", "）", ")", "（", "("};
  size_t end = text.size();
  for (const char* s : kStops) end = std::min(end, text.find(s, q.span.end));
  std::string after = text.substr(q.span.end, end - q.span.end);
  for (const char* p : {"主要用于", "分别用于", "用于", "为", "是"})
    if (after.compare(0, std::string(p).size(), p) == 0) { after.erase(0, std::string(p).size()); break; }
  return after;
}

// A list of parts under one head figure.
struct ListState {
  int head = -1;       // fact index, -1 when the list has none
  int id = -1;         // FactSet list id, given with the first part
  size_t floor = 0;    // where the parts start (after the marker or bracket)
  bool ended = false;  // a figure that is no part closed it
  std::set<std::string> named;  // concepts already listed: a repeat ends the list
  std::vector<int> parts;
};

bool IsLevelAmount(const Fact& f) { return f.q.kind == QuantityKind::kAmount && f.relation.empty(); }

}  // namespace

namespace internal {

// The figures of one text: a paragraph, or a prose cell of a table. `original`
// is read as simplified (ToSimplified keeps offsets); quotes and raw figures
// are taken from `original`, verbatim.
void ReadText(const std::string& original, const Vocabulary& vocabulary, const TextPlace& place, FactSet* out) {
  static const RE2 kRelative(R"(为(.{0,16}?)的\s*$)");
  // Quotes of either hand, single or double: a scan's OCR reads “良” as ”良” or '优.
  static const RE2 kGrade(
      R"((?:绩效|等级|评价结果|自评结果|评定|评价等次|等次)(?:等级)?\s*(?:为|是|评定为|评为|：|:)\s*[“”‘’"'「『]?(优秀|良好|中等|不合格|合格|优|良|中|差)[“”‘’"'」』]?(?:[，。；,;\s]|$|等级|档|级))");
  const std::string text = ToSimplified(original);
  const NarrativePhrases& phrases = vocabulary.narrative();
  const SentenceMap sentences = SplitSentences(text);
  const SentenceMap hard = SplitHardSentences(text);
  const Brackets brackets = ScanBrackets(text);
  const std::vector<KeywordHit> hits = vocabulary.Match(text);
  std::vector<Quantity> quantities = numbers::FindQuantities(text);
  for (Quantity& q : quantities) q.raw = original.substr(q.span.begin, q.span.end - q.span.begin);
  std::vector<std::pair<size_t, size_t>> markers;  // list markers: [begin, end)
  for (size_t i = 0; i < text.size();) {
    if (size_t len = internal::StartsWithAny(text, i, phrases.list_markers)) {
      markers.push_back({i, i + len});
      i += len;
    } else {
      ++i;
    }
  }
  std::map<size_t, ListState> lists;  // by marker or open bracket offset
  std::set<int> tentative;            // amounts of things the vocabulary does not name

  const size_t first_fact = out->facts.size();
  auto quote_of = [&](int sentence) {
    const size_t s = sentences.starts[sentence];
    const size_t e = sentence + 1 < static_cast<int>(sentences.starts.size()) ? sentences.starts[sentence + 1] : text.size();
    return original.substr(s, e - s);
  };
  // The last level amount before `pos` from `floor` on, at bracket depth `depth` (any when < 0).
  auto last_level = [&](size_t floor, size_t pos, int depth) {
    for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
      const Fact& f = out->facts[k];
      if (f.q.span.begin < floor) break;
      if (f.q.span.end <= pos && IsLevelAmount(f) && (depth < 0 || brackets.depth[f.q.span.begin] == depth)) return k;
    }
    return -1;
  };
  size_t previous_end = 0, previous_figure_end = 0;
  int previous_sentence = -1;
  for (const Quantity& q : quantities) {
    if (DeadlinePassed()) break;  // out of time: the caller fails the document
    const size_t begin = q.span.begin;
    const int sentence = sentences.SentenceOf(begin);
    const size_t sentence_start = sentences.starts[sentence];
    const int hard_sentence = hard.SentenceOf(begin);
    const size_t hard_start = hard.starts[hard_sentence];
    if (sentence != previous_sentence) previous_end = previous_figure_end = sentence_start;
    const size_t gap_start = std::max(previous_end, sentence_start);
    // The words of a relation run past years ("（2023年为20万元）").
    const size_t cue_start = std::max(previous_figure_end, sentence_start);
    previous_end = q.span.end;
    if (q.kind != QuantityKind::kYear && q.kind != QuantityKind::kDate) previous_figure_end = q.span.end;
    previous_sentence = sentence;

    if (q.suspect_measure_word) {
      Fact s;
      s.label = ClauseLabel(text, sentence_start, begin);
      s.q = q;
      place.Stamp(&s);
      s.quote = quote_of(sentence);
      out->suspect_units.push_back(s);
    }
    if (q.kind != QuantityKind::kAmount && q.kind != QuantityKind::kPercent &&
        q.kind != QuantityKind::kScore && q.kind != QuantityKind::kCount)
      continue;

    std::string gap_concept, gap_period, sentence_period, hard_concept;
    for (const KeywordHit& h : hits) {
      if (h.end > begin) break;
      if (h.begin >= gap_start && !h.concept_id.empty()) gap_concept = h.concept_id;
      if (h.begin >= gap_start && !h.period.empty()) gap_period = h.period;
      if (h.begin >= sentence_start && !h.period.empty()) sentence_period = h.period;
      if (h.begin >= hard_start && !h.concept_id.empty()) hard_concept = h.concept_id;
    }
    const int depth = brackets.depth[begin];
    // The previous named fact of this block in the same sentence at the same depth.
    int same_depth = -1;
    for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
      const Fact& f = out->facts[k];
      if (f.sentence != sentence) break;
      if (tentative.count(k) || !f.relation.empty()) continue;
      if (brackets.depth[f.q.span.begin] == depth) { same_depth = k; break; }
    }

    Fact fact;
    fact.q = q;
    place.Stamp(&fact);
    fact.sentence = sentence;
    fact.year = out->year;
    fact.period = sentence_period;
    fact.quote = quote_of(sentence);

    const Concept* named = gap_concept.empty() ? nullptr : vocabulary.Find(gap_concept);
    const internal::RelationCue cue =
        (q.kind == QuantityKind::kAmount || q.kind == QuantityKind::kPercent)
            ? internal::ReadRelationCue(std::string_view(text).substr(cue_start, begin - cue_start), q.kind, vocabulary)
            : internal::RelationCue();
    auto label_of = [&](const std::string& concept_id) {
      const Concept* c = vocabulary.Find(concept_id);
      return c ? c->label : concept_id;
    };

    // Relations: last year's level, changes, differences, rates of them.
    if (!cue.kind.empty()) {
      fact.relation = fact.concept_id = cue.kind;
      fact.sign = cue.sign;
      fact.base_year = cue.base_year;
      fact.base_period = cue.base_period;
      if (cue.kind == "prior_level" || cue.kind == "change" || cue.kind == "difference") {
        int level = last_level(hard_start, begin, -1);
        if (cue.kind == "difference" && !cue.level_period.empty() && level >= 0 &&
            out->facts[level].period != cue.level_period)
          level = -1;
        if (cue.kind == "prior_level" && level < 0) {
          // "收入合计比上年增加4.6万元（2023年为48万元）": last year's level of
          // the change before it, whose level stands in another sentence.
          int change = -1;
          for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
            const Fact& f = out->facts[k];
            if (f.q.span.begin < hard_start) break;
            if (f.relation == "change") { change = k; break; }
          }
          if (change < 0) continue;
          const Fact& c = out->facts[change];
          fact.relation_change = change;
          fact.of_concept = c.of_concept;
          fact.label = c.label;
          fact.period = c.period;
          if (!fact.base_year) fact.base_year = out->year ? out->year - 1 : 0;
          if (out->year && fact.base_year >= out->year) continue;
          fact.year = fact.base_year;
          out->facts.push_back(std::move(fact));
          continue;
        }
        fact.relation_base = level;
        fact.of_concept = level >= 0 ? out->facts[level].concept_id
                          : named                        ? named->id
                          : !hard_concept.empty()         ? hard_concept
                                                          : "total";
        fact.label = level >= 0 ? out->facts[level].label : label_of(fact.of_concept);
        if (cue.kind == "prior_level") {
          const int this_year = level >= 0 && out->facts[level].year ? out->facts[level].year : out->year;
          if (!fact.base_year) fact.base_year = this_year ? this_year - 1 : 0;
          if (this_year && fact.base_year >= this_year) continue;  // "2024年为…": not last year
          fact.year = fact.base_year;
          fact.period = level >= 0 ? out->facts[level].period : "";
        }
        if (cue.kind == "difference")
          fact.period = level >= 0 ? out->facts[level].period : cue.level_period.empty() ? "executed" : cue.level_period;
        if (cue.kind == "change" && level >= 0) fact.period = out->facts[level].period;
      } else if (cue.kind == "growth_rate") {
        int change = -1;
        for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
          const Fact& f = out->facts[k];
          if (f.q.span.begin < hard_start) break;
          if (f.relation == "change" || f.relation == "difference") { change = k; break; }
        }
        if (change < 0) continue;
        fact.relation_change = change;
        fact.of_concept = out->facts[change].of_concept;
        fact.label = out->facts[change].label;
        if (!fact.sign) fact.sign = out->facts[change].sign;
      } else {  // completion_rate
        fact.of_concept = named ? named->id : !hard_concept.empty() ? hard_concept : "total";
        const Concept* c = vocabulary.Find(fact.of_concept);
        if (!c || c->kind != "amount") fact.of_concept = "total";
        for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
          const Fact& f = out->facts[k];
          if (f.q.span.begin < hard_start) break;
          if (IsLevelAmount(f) && f.period == "executed" && f.concept_id == fact.of_concept) { fact.relation_base = k; break; }
        }
        fact.label = label_of(fact.of_concept);
        fact.period.clear();
      }
      out->facts.push_back(std::move(fact));
      continue;
    }

    if (q.kind == QuantityKind::kAmount) {
      // A part of a list: in brackets right after a figure, or after a list marker.
      ListState* list = nullptr;
      if (depth > 0) {
        const size_t open = brackets.open_at[begin];
        auto it = lists.find(open);
        if (it == lists.end()) {
          ListState l;
          l.floor = open;
          for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
            const Fact& f = out->facts[k];
            if (f.sentence != sentence) break;
            if (f.q.span.end <= open && brackets.depth[f.q.span.begin] == depth - 1) {
              if (IsLevelAmount(f)) l.head = k;
              break;
            }
          }
          it = lists.emplace(open, l).first;
        }
        list = &it->second;
      } else {
        // The last marker of this sentence before the figure, outside brackets.
        const std::pair<size_t, size_t>* marker = nullptr;
        auto after = std::upper_bound(markers.begin(), markers.end(), begin,
                                      [](size_t pos, const std::pair<size_t, size_t>& m) { return pos < m.second; });
        for (auto it = after; it != markers.begin();) {
          --it;
          if (it->first < hard_start) break;
          if (brackets.depth[it->first] == 0) { marker = &*it; break; }
        }
        if (marker) {
          auto it = lists.find(marker->first);
          if (it == lists.end()) {
            ListState l;
            l.floor = marker->second;
            l.head = last_level(hard_start, marker->first, 0);
            // "。其中：": the head is the last figure of the sentence before.
            if (l.head < 0 && hard_sentence > 0 && OnlyPunctuation(text, hard_start, marker->first))
              l.head = last_level(hard.starts[hard_sentence - 1], marker->first, 0);
            it = lists.emplace(marker->first, l).first;
          }
          list = &it->second;
        }
      }
      if (list && list->head >= 0 && !list->ended) {
        const Fact& head = out->facts[list->head];
        const bool named_amount = named && named->kind == "amount";
        const std::string clause = ClauseLabel(text, std::max(list->floor, sentence_start), begin);
        const Concept* head_concept = vocabulary.Find(head.concept_id);
        const bool head_income = head_concept && head_concept->group == "income";
        const auto& wholes = phrases.whole_concepts;
        if (named_amount && (named->id == head.concept_id || list->named.count(named->id) ||
                             std::find(wholes.begin(), wholes.end(), named->id) != wholes.end() ||
                             (named->group == "income") != head_income)) {
          // The whole again, another whole (支出合计 after 收入 parts), an
          // item listed twice, income under spending or the reverse: no part.
          list->ended = true;
        } else if (!named_amount && !gap_period.empty() && internal::NamesOnlyTheWhole(clause, vocabulary)) {
          list->ended = true;  // "全年实际支出24万元": the whole in another period
        } else {
          if (list->id < 0) list->id = out->next_list++;
          fact.parent = list->head;
          fact.list = list->id;
          if (named_amount) {
            fact.concept_id = named->id;
            fact.label = named->label;
            list->named.insert(named->id);
          } else {
            fact.concept_id.clear();  // a part never takes the head's concept
            fact.label = ItemName(text, phrases.list_markers, std::max(list->floor, sentence_start), q);
          }
          list->parts.push_back(static_cast<int>(out->facts.size()));
          out->facts.push_back(std::move(fact));
          continue;
        }
      }
      if (named && named->kind == "amount") {
        fact.concept_id = named->id;
      } else if (same_depth >= 0 && !out->facts[same_depth].concept_id.empty() &&
                 out->facts[same_depth].q.kind == QuantityKind::kAmount) {
        fact.concept_id = out->facts[same_depth].concept_id;
      } else if (!gap_period.empty() && internal::NamesOnlyTheWhole(ClauseLabel(text, gap_start, begin), vocabulary)) {
        // "本单位全年预算24万元" names the whole budget, even under a
        // heading such as "（一）基本支出情况"; "宣传支出3万元" does not.
        fact.concept_id = "total";
      } else {
        // An amount of something the vocabulary does not know: kept while
        // it may head a list or carry a change, dropped otherwise.
        fact.label = ClauseLabel(text, sentence_start, begin);
        tentative.insert(static_cast<int>(out->facts.size()));
        out->facts.push_back(std::move(fact));
        continue;
      }
    } else if (q.kind == QuantityKind::kPercent) {
      std::string inside;
      const std::string before = text.substr(gap_start, begin - gap_start);
      if (RE2::PartialMatch(before, kRelative, &inside)) {
        // "实际支出0万元，为年初预算的100%": numerator is the last amount of
        // the sentence, denominator the figure of the named period.
        const std::string period = vocabulary.PeriodOf(inside);
        int numerator = -1, denominator = -1;
        for (int k = static_cast<int>(out->facts.size()) - 1; k >= static_cast<int>(first_fact); --k) {
          const Fact& f = out->facts[k];
          if (f.sentence != sentence || !IsLevelAmount(f) || tentative.count(k)) continue;
          if (numerator < 0) { numerator = k; continue; }
          if (denominator < 0 && f.concept_id == out->facts[numerator].concept_id &&
              (period.empty() || f.period == period))
            denominator = k;
        }
        if (numerator < 0 || denominator < 0) continue;
        fact.concept_id = "relative_rate";
        fact.rate_numerator = numerator;
        fact.rate_denominator = denominator;
      } else if (named && named->kind == "rate") {
        fact.concept_id = named->id;
        fact.period.clear();  // a rate is a ratio of periods, not of one
      } else {
        continue;
      }
    } else if (q.kind == QuantityKind::kScore) {
      if (!named || named->kind != "score") continue;
      fact.concept_id = named->id;
      fact.period.clear();  // a score has no budget period
    } else {  // count
      if (named && named->kind == "count") fact.concept_id = named->id;
      fact.label = ClauseLabel(text, sentence_start, begin);
      if (fact.concept_id.empty() && fact.label.empty()) continue;
    }
    if (fact.label.empty()) fact.label = label_of(fact.concept_id);
    out->facts.push_back(std::move(fact));
  }

  // Open lists: "…、茶歇1.49万元等" or "…用于设备购置等".
  for (auto& [key, list] : lists) {
    if (list.parts.empty()) continue;
    const Fact& last = out->facts[list.parts.back()];
    size_t end = text.size();
    for (const char* s : {"，", "。", "；", ",", ";", "）", ")"}) end = std::min(end, text.find(s, last.q.span.end));
    bool open = false;
    for (const std::string& m : phrases.open_list_markers)
      open = open || text.substr(last.q.span.end, end - last.q.span.end).find(m) != std::string::npos;
    if (open)
      for (int p : list.parts) out->facts[p].list_open = true;
  }

  // Drop the amounts of unknown things that head no list and carry no change.
  if (!tentative.empty()) {
    std::set<int> used;
    for (size_t k = first_fact; k < out->facts.size(); ++k) {
      const Fact& f = out->facts[k];
      for (int r : {f.parent, f.relation_base, f.relation_change, f.rate_numerator, f.rate_denominator})
        if (r >= 0) used.insert(r);
    }
    std::vector<int> new_index(out->facts.size() - first_fact, -1);
    std::vector<Fact> kept;
    for (size_t k = first_fact; k < out->facts.size(); ++k) {
      if (tentative.count(static_cast<int>(k)) && !used.count(static_cast<int>(k))) continue;
      new_index[k - first_fact] = static_cast<int>(first_fact + kept.size());
      kept.push_back(std::move(out->facts[k]));
    }
    auto remap = [&](int* r) {
      if (*r >= static_cast<int>(first_fact)) *r = new_index[*r - first_fact];
    };
    for (Fact& f : kept) {
      remap(&f.parent);
      remap(&f.relation_base);
      remap(&f.relation_change);
      remap(&f.rate_numerator);
      remap(&f.rate_denominator);
    }
    out->facts.resize(first_fact);
    for (Fact& f : kept) out->facts.push_back(std::move(f));
  }

  // Grades: "部门整体支出绩效为“优”".
  re2::StringPiece input(text);
  std::string word;
  while (RE2::FindAndConsume(&input, kGrade, &word)) {
    Fact g;
    g.concept_id = "grade";
    g.label = "绩效等级";
    g.grade = vocabulary.GradeOf(word);
    if (g.grade.empty()) g.grade = word;
    place.Stamp(&g);
    g.year = out->year;
    const size_t end = input.data() - text.data();
    g.q.span = {text.rfind(word, end), text.rfind(word, end) + word.size()};
    g.q.raw = original.substr(g.q.span.begin, word.size());
    const int s = sentences.SentenceOf(g.q.span.begin);
    g.quote = quote_of(s);
    g.sentence = s;
    out->facts.push_back(std::move(g));
  }
}

}  // namespace internal

using internal::ReadText;
using internal::TextPlace;

void ExtractNarrativeFacts(const Document& doc, const Vocabulary& vocabulary, int end_block, FactSet* out) {
  for (int bi = 0; bi < end_block && bi < static_cast<int>(doc.blocks.size()); ++bi) {
    if (DeadlinePassed()) return;
    const Block& block = doc.blocks[bi];
    if (block.kind == BlockKind::kTable || IsSectionHeading(block)) continue;
    TextPlace place;
    place.block = bi;
    place.prov = block.prov;
    ReadText(block.FullText(), vocabulary, place, out);
  }
}

}  // namespace jixiao
