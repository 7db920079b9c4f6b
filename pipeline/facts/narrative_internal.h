// Internal to the narrative reader (narrative_facts.cc, narrative_relations.cc).
#pragma once

#include <string>
#include <string_view>

#include "pipeline/facts/vocabulary.h"
#include "pipeline/numbers/quantity.h"

namespace jixiao::internal {

// What the words right before a figure make of it.
struct RelationCue {
  // "change" (比上年增加), "difference" (较年初预算增加, 决算数大于预算数),
  // "growth_rate" (增长20%, 增幅), "completion_rate" (完成年初预算的103%),
  // "prior_level" (（2023年为20万元）, 上年为20万元), or "" (a level).
  std::string kind;
  int sign = 0;              // +1 up / more, -1 down / less
  int base_year = 0;         // change / prior_level: the year named (比2023年, 2023年为), 0 = last year
  std::string base_period;   // difference / completion_rate: the period compared against
  std::string level_period;  // difference: the period of the level (决算数 in 决算数大于预算数)
};

// `gap`: the (simplified) text between the previous figure of the sentence
// (or the sentence start) and this figure; `kind`: the figure's kind.
RelationCue ReadRelationCue(std::string_view gap, numbers::QuantityKind kind, const Vocabulary& vocabulary);

// True when the label before a bare period phrase ("全年实际支出",
// "本单位2024年度预算") names nothing but the whole: only the period phrase,
// years and the neutral words of the vocabulary. "宣传支出" names something
// else, whose figure is not the total.
bool NamesOnlyTheWhole(std::string_view label, const Vocabulary& vocabulary);

// Does text[pos..] start with / text[..end) end with one of the phrases?
// The length of the phrase, 0 when none.
size_t StartsWithAny(std::string_view text, size_t pos, const std::vector<std::string>& phrases);
size_t EndsWithAny(std::string_view text, size_t end, const std::vector<std::string>& phrases);

}  // namespace jixiao::internal
