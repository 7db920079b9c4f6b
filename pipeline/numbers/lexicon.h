// Lexicon: the unit words and qualifier words the scanner recognises.
// Internal to jixiao_numbers (used by scanner.cc and the tests); other
// modules use quantity.h.
#pragma once

#include <string_view>

#include "pipeline/numbers/quantity.h"

namespace jixiao::numbers::internal {

struct UnitEntry {
  std::string_view word;       // as written after normalisation: "个", "百分点"
  QuantityKind kind;
  std::string_view canonical;  // canonical unit: "个" for 各, "平方米" for m2
  bool typo;                   // a known misspelling of `canonical`
  // Words that, starting at the unit word, mean it is not a unit: "次性" for
  // 一次性, "支出" for 支, "偏差" for 偏.
  const std::string_view* not_words;
  int not_count;
};

// The longest unit word at the start of `text` that is not the start of one
// of its not_words; nullptr if none. "年", "月", "日" are not units here (the
// scanner reads years and dates itself).
const UnitEntry* MatchUnit(std::string_view text);

struct QualifierEntry {
  std::string_view word;
  Comparator comparator;
  Approx approx;
  // Characters that may not directly precede the word (prefix words only):
  // 节 for 约 (节约10% is "saved 10%"), 最 for 近 (最近3年 is "the last 3 years").
  std::string_view not_after;
};

// The longest qualifier word that ends exactly at the end of `before`
// (≥ 不低于 约 近 超过 …); nullptr if none.
const QualifierEntry* MatchPrefixQualifier(std::string_view before);

// The longest qualifier word at the start of `after` (以上 以下 以内 左右; with
// for_date also 前 之前 以前 后 之后 以后 起); nullptr if none.
const QualifierEntry* MatchSuffixQualifier(std::string_view after, bool for_date);

}  // namespace jixiao::numbers::internal
