// The table of finding codes. Covered by finding_codes_test.cc (against the
// schema and the README) and tests/acceptance_test.cc (every finding of the
// corpus is in it, with a severity it allows).
#include "pipeline/model/finding_codes.h"

namespace jixiao {

const std::vector<FindingCodeInfo>& FindingCodes() {
  static const std::vector<FindingCodeInfo> kCodes = {
      {"SUM_MISMATCH", "合计与分项不符", "error", "a stated total differs from the sum of its stated parts"},
      {"FIGURE_CONFLICT", "同一数据前后矛盾", "error",
       "one quantity stated with values that cannot be the same, or a count stated differently in two places"},
      {"RATE_MISMATCH", "比率与数据不符", "error", "a stated rate differs from the ratio of the stated figures"},
      {"RATE_ZERO_BASE", "比率以零为基数", "error", "a rate over a zero base"},
      {"SCORE_TOTAL_MISMATCH", "总分不符", "error",
       "item scores plus the execution score differ from 总分 or the narrative 自评得分"},
      {"SCORE_OVER_WEIGHT", "得分超过分值", "error", "a score above its weight"},
      {"WEIGHT_MISMATCH", "分值不符", "error/warning",
       "weights that do not add up to their heading or to the total, or break the rules in force"},
      {"GRADE_MISMATCH", "等级与得分不符", "error", "the grade word does not fit the score bands"},
      {"TARGET_NOT_MET", "未达目标仍得满分", "error",
       "the actual provably misses its target while the item has full marks or says 无偏差"},
      {"DEVIATION_UNEXPLAINED", "扣分未说明原因", "warning", "a score below the weight without a reason"},
      {"NUMBERING_BROKEN", "编号不连续", "warning",
       "numbering that starts above 1, skips, repeats, goes back or changes style at one level"},
      {"SECTION_MISSING", "缺少模板要求的部分", "warning", "a section the template requires is absent"},
      {"ATTACHMENT_MISSING", "附件缺失", "error", "a listed attachment is absent"},
      {"UNIT_SUSPECT", "单位可疑", "warning/error", "a measure-word typo, or figures exactly 10^4 apart"},
      {"TEXT_SUSPECT", "文字疑误", "info", "a doubled word or a known typo"},
      {"EXECUTION_SCORE_MISMATCH", "预算执行得分不符", "warning",
       "the funds block's execution score does not follow the rule in force"},
      {"DIRECTION_MISMATCH", "指标方向与目标矛盾", "warning",
       "an indicator's 指标方向 disagrees with its target's comparator"},
      {"TABLE_INCOMPLETE", "表格或文档不完整", "info",
       "an indicator table stops short or is left empty, the document ends mid-sentence, or a PDF was read in part"},
  };
  return kCodes;
}

const FindingCodeInfo* FindFindingCode(std::string_view code) {
  for (const FindingCodeInfo& info : FindingCodes())
    if (code == info.code) return &info;
  return nullptr;
}

bool FindingSeverityAllowed(const FindingCodeInfo& info, std::string_view severity) {
  std::string_view all = info.severities;
  while (!all.empty()) {
    const size_t slash = all.find('/');
    if (all.substr(0, slash) == severity) return true;
    if (slash == std::string_view::npos) break;
    all.remove_prefix(slash + 1);
  }
  return false;
}

const char* SeverityChineseName(std::string_view severity) {
  if (severity == "error") return "错误";
  if (severity == "warning") return "警告";
  if (severity == "info") return "提示";
  return "其他";
}

}  // namespace jixiao
