// The rules in force for the cross-checks, read from a JSON file
// (schemas/rules/national.json is built in). A region whose weights, grade
// bands or template differ is a new rules file, not new code.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/status.h"
#include "pipeline/numbers/decimal.h"

namespace jixiao {

struct RulePartition {
  std::string name;                // "按支出性质"
  std::string total;               // concept id, or empty when the parts break down any figure
  std::vector<std::string> parts;  // concept ids that together make the total
};

struct RuleLevel1 {
  std::string id;     // "output"
  std::string label;  // "产出指标"
  numbers::Decimal weight;
  std::vector<std::string> synonyms;
};

struct RuleGrade {
  std::string grade;      // "优"
  numbers::Decimal min;   // lowest score of the band (inclusive)
};

struct RuleSection {
  std::string id;
  std::string label;
  std::vector<std::string> synonyms;
};

struct RuleTypo {
  std::string wrong;
  std::string right;
};

// How the funds block's execution score is computed (rules file
// "execution_score"): proportional (分值 × 执行率, capped at 分值) or bands.
struct RuleExecutionScore {
  std::string method = "proportional";  // "proportional" | "bands"
  bool cap = true;
  std::vector<int> decimals = {1, 2};  // roundings a stated score may use
  struct Band {
    numbers::Decimal min_rate;  // in %
    numbers::Decimal share;     // of the weight
  };
  std::vector<Band> bands;  // highest min_rate first
};

struct Rules {
  std::string name;
  std::vector<RulePartition> partitions;
  numbers::Decimal total_weight;
  RuleExecutionScore execution_score;
  std::vector<RuleLevel1> level1;
  std::vector<RuleGrade> grades;  // sorted by min, highest first
  std::vector<std::string> no_deviation_phrases;
  std::vector<std::string> template_applies_when_title_contains;
  std::vector<std::string> template_skipped_when_title_contains;
  std::vector<RuleSection> sections;
  std::vector<RuleTypo> typos;
  std::vector<std::string> allowed_doublings;

  // The grade a score earns, "" when there are no bands.
  std::string GradeFor(const numbers::Decimal& score) const;
};

// Reads a rules file; an empty path gives the built-in national rules.
// InvalidInput with the file and what is wrong when the file does not fit.
Status LoadRules(const std::string& path, Rules* rules);

}  // namespace jixiao
