// The vocabulary of the facts stage (schemas/concepts.json): which phrases
// name which concept (基本支出, 项目支出, 三公经费 …) and which period
// (年初预算, 全年预算, 实际支出 …). New phrasing is new data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/status.h"

namespace jixiao {

struct Concept {
  std::string id;     // "basic"
  std::string label;  // "基本支出"
  std::string kind;   // "amount" | "count" | "rate" | "score"
  // Family: "income" (收入: never the spending total), "spending",
  // "functional" (功能分类 classes, parts of spending), or "".
  std::string group;
};

// Phrases the narrative reader needs beyond concepts and periods
// (concepts.json "narrative"): list markers, the words of changes,
// differences and completion rates. Each list is longest first.
struct NarrativePhrases {
  std::vector<std::string> list_markers;       // 其中 包括 分别用于 …: a closed list follows
  std::vector<std::string> open_list_markers;  // 等: the list is open
  std::vector<std::string> prior_year_bases;   // 比上年 与上年相比 同比 …
  std::vector<std::string> prior_year_levels;  // 上年为 上年同期 …: last year's level
  std::vector<std::string> period_base_prefixes, period_base_suffixes;  // 较 + 年初预算 + 相比
  std::vector<std::string> up_words, down_words;                        // 增加 / 减少 …
  std::vector<std::string> more_comparators, less_comparators;          // 大于 / 小于 …
  std::vector<std::string> rate_suffixes;      // 增幅 降幅 增长率
  std::vector<std::string> completion_words;   // 完成 (年初预算的X%)
  std::vector<std::string> completion_rates;   // 预算完成率
  std::vector<std::string> total_neutral_words;  // 全年 实际 本单位 …: may stand before 支出 naming the total
  std::vector<std::string> whole_concepts;       // total, income_total: never a part of a list
  std::vector<std::string> completion_claims;    // 全面完成 …: the report says every target was met
  std::vector<std::string> target_headers, actual_headers;  // prose cells: 年度总体目标 / 实际完成情况
};

// A phrase found in a text: a concept, a period, or both (预算资金 names the
// total and the budget period).
struct KeywordHit {
  size_t begin = 0, end = 0;  // byte span
  std::string concept_id;        // concept id or ""
  std::string period;         // period id or ""
};

// The vocabulary of the funds block (concepts.json "funds_block"): header
// synonyms of its columns, labels of its total row and of its parts, and the
// tokens that mean "not stated".
struct FundsRowLabel {
  std::string label;       // "当年财政拨款"
  std::string concept_id;  // "src_general"
  std::string partition;   // "source": the rows that together make the total
};
struct FundsVocabulary {
  // Header synonym → column id: initial, full, executed, weight, rate, score, seq.
  std::vector<std::pair<std::string, std::string>> columns;
  std::vector<std::string> total_rows;
  std::vector<FundsRowLabel> rows;  // longest label first
  std::vector<std::string> not_stated;
};

// The vocabulary of the indicator table (concepts.json "indicator_table").
struct IndicatorVocabulary {
  // Header synonym → column id (level1, level2, level3, nature, direction,
  // unit, target, actual, weight, score, coef, note); a leading '*' means
  // "any header containing it".
  std::vector<std::pair<std::string, std::string>> columns;
  std::vector<std::string> total_rows;    // 总分 …
  std::vector<std::string> placeholders;  // RE2 patterns of unfilled template rows
  std::vector<std::string> up, down;      // 正向 / 反向 words
  // Exact headers (spaces removed) of the budget-execution line of a table
  // without a funds block: its weight (分值), rate (执行率) and score (得分).
  std::vector<std::string> execution_weight, execution_rate, execution_score;
  // Words that make a paragraph between two tables a table's title (自评表).
  std::vector<std::string> table_titles;
};

// Identity cells (concepts.json "identity"): 项目名称, 部门（单位）名称, 主管部门.
struct IdentityVocabulary {
  std::vector<std::string> project, unit, department;
};

class Vocabulary {
 public:
  // The built-in schemas/concepts.json, or a file (empty path: built-in).
  static Status Load(const std::string& path, Vocabulary* out);

  // Non-overlapping phrases of text, longest first where they overlap, in
  // text order. Traditional characters are read as simplified (項目支出 is
  // 项目支出); offsets are those of `text`.
  std::vector<KeywordHit> Match(std::string_view text) const;

  // The concept of a short label ("1、公务用车购置和维护经费", "其中：基本支出"),
  // or "" when it names none. Labels longer than a short phrase name nothing.
  std::string ConceptOfLabel(std::string_view label) const;
  // The period a column header or phrase names, or "".
  std::string PeriodOf(std::string_view text) const;

  const Concept* Find(const std::string& id) const;
  // The grade word ("优") a phrase names ("优秀"), or "".
  std::string GradeOf(std::string_view word) const;
  const NarrativePhrases& narrative() const { return narrative_; }

  const FundsVocabulary& funds() const { return funds_; }
  const IndicatorVocabulary& indicators() const { return indicators_; }
  const IdentityVocabulary& identity() const { return identity_; }
  // "project", "unit" or "department" when a cell text (spaces removed) is an identity label, else "".
  std::string IdentityLabel(const std::string& squeezed) const;
  // The indicator column a header names (decorations removed), or "".
  std::string IndicatorColumnOf(const std::string& stripped_header) const;

 private:
  struct Phrase {
    std::string text;
    std::string concept_id;
    std::string period;
  };
  std::vector<Concept> concepts_;
  std::vector<Phrase> phrases_;  // sorted longest first
  std::vector<std::pair<std::string, std::string>> grades_;  // synonym → grade
  FundsVocabulary funds_;
  IndicatorVocabulary indicators_;
  IdentityVocabulary identity_;
  NarrativePhrases narrative_;
};

}  // namespace jixiao
