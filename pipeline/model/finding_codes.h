// The one table of finding codes: each code with the severities it is given,
// its Chinese name for reviewers and what it means. The checks, the reports,
// schemas/findings.schema.json (its `code` enum) and the README's table of
// checks agree with it; finding_codes_test.cc and the corpus acceptance test
// hold them to it.
#pragma once

#include <string_view>
#include <vector>

namespace jixiao {

struct FindingCodeInfo {
  const char* code;        // stable, upper case: "SUM_MISMATCH"
  const char* name;        // Chinese, for reviewers: "合计与分项不符"
  // The severities the checks give it, the usual one first: "error",
  // "error/warning" (WEIGHT_MISMATCH: a sum that fails is an error, a weight
  // against the rules in force a warning).
  const char* severities;
  const char* meaning;     // English, one line (as in the schema's description)
};

// Every code, in the order of the README's table of checks.
const std::vector<FindingCodeInfo>& FindingCodes();

// The entry of a code (exact, upper case), or null.
const FindingCodeInfo* FindFindingCode(std::string_view code);

// True when `severity` ("error", "warning", "info") is one the code is given.
bool FindingSeverityAllowed(const FindingCodeInfo& info, std::string_view severity);

// 错误 / 警告 / 提示 for error / warning / info; 其他 for anything else.
const char* SeverityChineseName(std::string_view severity);

}  // namespace jixiao
