// The words before a figure that make it a change, a difference, a growth or
// completion rate, or last year's level, rather than a level of its own.
// All phrases are data (concepts.json "narrative"). Covered by facts_test.cc
// (NarrativeRelationsTest) and the corpus/narrative variants.
#include <re2/re2.h>

#include "pipeline/facts/narrative_internal.h"
#include "pipeline/model/simplified.h"
#include "pipeline/model/utf8.h"

namespace jixiao::internal {
namespace {

using numbers::QuantityKind;

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Drops white space and the given words from the end, as often as they occur.
template <typename Words>
std::string_view TrimTail(std::string_view s, const Words& words) {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view w : words) {
      if (!w.empty() && EndsWith(s, w)) {
        s.remove_suffix(w.size());
        changed = true;
      }
    }
  }
  return s;
}

const std::string_view kFiller[] = {" ", "\u3000", "\t", "为", "是", "：", ":", "了", "达到",
                                                              "达", "共计", "共", "有所", "分别", "约", "，", ","};

const std::string_view kSpaces[] = {" ", "\u3000"};

// The period phrase that ends `s`, or "" (its length in *len).
std::string PeriodAtEnd(std::string_view s, const Vocabulary& vocabulary, size_t* len) {
  std::string period;
  for (const KeywordHit& h : vocabulary.Match(s)) {
    if (h.end == s.size() && !h.period.empty()) {
      period = h.period;
      *len = h.end - h.begin;
    }
  }
  return period;
}

}  // namespace

size_t StartsWithAny(std::string_view text, size_t pos, const std::vector<std::string>& phrases) {
  for (const std::string& p : phrases)
    if (text.size() >= pos + p.size() && text.compare(pos, p.size(), p) == 0) return p.size();
  return 0;
}

size_t EndsWithAny(std::string_view text, size_t end, const std::vector<std::string>& phrases) {
  for (const std::string& p : phrases)
    if (end >= p.size() && text.compare(end - p.size(), p.size(), p) == 0) return p.size();
  return 0;
}

RelationCue ReadRelationCue(std::string_view gap, QuantityKind kind, const Vocabulary& vocabulary) {
  const NarrativePhrases& n = vocabulary.narrative();
  RelationCue cue;
  std::string_view t = TrimTail(gap, kFiller);
  if (kind == QuantityKind::kPercent) {
    // 完成年初预算的103%, 预算完成率103%.
    static const RE2 kCompletion(R"((?:完成了?|达到|占)(.{0,18}?)的\s*$)");
    std::string inside;
    if (RE2::PartialMatch(t, kCompletion, &inside) && t.find("完成") != std::string_view::npos) {
      cue.kind = "completion_rate";
      cue.base_period = vocabulary.PeriodOf(inside);
      if (cue.base_period.empty() || cue.base_period == "executed") cue.base_period = "budget";
      return cue;
    }
    if (size_t len = EndsWithAny(t, t.size(), n.completion_rates)) {
      cue.kind = "completion_rate";
      cue.base_period = vocabulary.PeriodOf(t.substr(0, t.size() - len));
      if (cue.base_period.empty() || cue.base_period == "executed") cue.base_period = "budget";
      return cue;
    }
    // 增长20%, 下降4.1%, 增幅为20%, 增长率20%.
    if (size_t len = EndsWithAny(t, t.size(), n.rate_suffixes)) {
      const std::string_view word = t.substr(t.size() - len);
      cue.kind = "growth_rate";
      cue.sign = word.find("降") != std::string_view::npos ? -1 : 0;
      std::string_view before = t.substr(0, t.size() - len);
      if (EndsWithAny(before, before.size(), n.up_words)) cue.sign = 1;
      if (EndsWithAny(before, before.size(), n.down_words)) cue.sign = -1;
      if (cue.sign == 0) cue.sign = word.find("增") != std::string_view::npos ? 1 : 0;
      return cue;
    }
    if (size_t len = EndsWithAny(t, t.size(), n.up_words)) {
      if (t.substr(t.size() - len) == "多") return cue;  // 多 alone is no rate word
      cue.kind = "growth_rate";
      cue.sign = 1;
      return cue;
    }
    if (EndsWithAny(t, t.size(), n.down_words)) {
      if (EndsWith(t, "少") && !EndsWith(t, "减少")) return cue;
      cue.kind = "growth_rate";
      cue.sign = -1;
      return cue;
    }
    return cue;
  }
  if (kind != QuantityKind::kAmount) return cue;

  // Last year's level: （2023年为20万元）, 上年为20万元, 上年同期20万元.
  static const RE2 kYearIs(R"((\d{4})年度?(?:为|是|：|:)\s*$)");
  int year = 0;
  if (RE2::PartialMatch(TrimTail(gap, kSpaces), kYearIs, &year)) {
    cue.kind = "prior_level";
    cue.base_year = year;
    return cue;
  }
  if (EndsWithAny(t, t.size(), n.prior_year_levels) ||
      EndsWithAny(TrimTail(gap, kSpaces), TrimTail(gap, kSpaces).size(), n.prior_year_levels)) {
    cue.kind = "prior_level";
    return cue;
  }

  // A direction word: 比上年增加, 与上年相比，减少, 较年初预算增加, 比2023年增长.
  int sign = 0;
  size_t dir = EndsWithAny(t, t.size(), n.up_words);
  if (dir) sign = 1;
  else if ((dir = EndsWithAny(t, t.size(), n.down_words))) sign = -1;
  if (dir) {
    std::string_view base = TrimTail(t.substr(0, t.size() - dir), kFiller);
    // The subject may stand between the base and the direction: "与上年相比，
    // 项目支出增加".
    for (const KeywordHit& h : vocabulary.Match(base)) {
      if (h.end == base.size() && !h.concept_id.empty() && h.period.empty() && h.begin > 0) {
        std::string_view rest = TrimTail(base.substr(0, h.begin), kFiller);
        if (EndsWithAny(rest, rest.size(), n.prior_year_bases) ||
            EndsWithAny(rest, rest.size(), n.period_base_suffixes))
          base = rest;
      }
    }
    if (EndsWithAny(base, base.size(), n.prior_year_bases)) {
      cue.kind = "change";
      cue.sign = sign;
      return cue;
    }
    const size_t suffix = EndsWithAny(base, base.size(), n.period_base_suffixes);
    std::string_view core = TrimTail(base.substr(0, base.size() - suffix), kFiller);
    if (EndsWithAny(core, core.size(), n.prior_year_bases)) {
      cue.kind = "change";
      cue.sign = sign;
      return cue;
    }
    static const RE2 kThanYear(R"((?:比|较|与)(\d{4})年度?\s*$)");
    if (RE2::PartialMatch(core, kThanYear, &year)) {
      cue.kind = "change";
      cue.sign = sign;
      cue.base_year = year;
      return cue;
    }
    size_t len = 0;
    const std::string period = PeriodAtEnd(core, vocabulary, &len);
    if (!period.empty() && EndsWithAny(core, core.size() - len, n.period_base_prefixes)) {
      cue.kind = "difference";
      cue.sign = sign;
      cue.base_period = period;
      // 决算数比预算数增加: the level's period stands before the prefix.
      std::string_view before = core.substr(0, core.size() - len - EndsWithAny(core, core.size() - len, n.period_base_prefixes));
      size_t level_len = 0;
      cue.level_period = PeriodAtEnd(TrimTail(before, kFiller), vocabulary, &level_len);
      return cue;
    }
    return cue;
  }
  // 决算数大于预算数2万元, 实际支出超出年初预算.
  size_t len = 0;
  const std::string base_period = PeriodAtEnd(t, vocabulary, &len);
  if (!base_period.empty()) {
    std::string_view before = t.substr(0, t.size() - len);
    size_t cmp = EndsWithAny(before, before.size(), n.more_comparators);
    int s = cmp ? 1 : 0;
    if (!cmp && (cmp = EndsWithAny(before, before.size(), n.less_comparators))) s = -1;
    if (cmp) {
      size_t level_len = 0;
      const std::string level_period = PeriodAtEnd(before.substr(0, before.size() - cmp), vocabulary, &level_len);
      if (!level_period.empty() && level_period != base_period) {
        cue.kind = "difference";
        cue.sign = s;
        cue.base_period = base_period;
        cue.level_period = level_period;
      }
    }
  }
  return cue;
}

bool NamesOnlyTheWhole(std::string_view label, const Vocabulary& vocabulary) {
  const std::string simplified = ToSimplified(label);
  std::string rest;
  size_t i = 0;
  const std::vector<KeywordHit> hits = vocabulary.Match(simplified);
  size_t h = 0;
  while (i < simplified.size()) {
    while (h < hits.size() && hits[h].end <= i) ++h;
    if (h < hits.size() && hits[h].begin == i && !hits[h].period.empty()) {
      i = hits[h].end;
      continue;
    }
    if (size_t len = StartsWithAny(simplified, i, vocabulary.narrative().total_neutral_words)) {
      i += len;
      continue;
    }
    const size_t start = i;
    const char32_t c = DecodeUtf8(simplified, &i);
    if (c < 0x80 || c == U'年' || c == U'　') continue;
    rest.append(simplified, start, i - start);
  }
  return rest.size() < 2 * 3;  // fewer than two characters of anything else
}

}  // namespace jixiao::internal
