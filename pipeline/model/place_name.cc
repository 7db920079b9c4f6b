// Place names for reviewers (see place_name.h). Covered by model_test.cc.
#include "pipeline/model/place_name.h"

namespace jixiao {

std::string PlaceName(int table_no, int row, int col, int paragraph_no, int page) {
  std::string out;
  if (table_no > 0) {
    out = "表" + std::to_string(table_no);
    if (row >= 0) out += " 第" + std::to_string(row + 1) + "行";
    if (col >= 0) out += "第" + std::to_string(col + 1) + "列";
  } else if (paragraph_no > 0) {
    out = "正文第" + std::to_string(paragraph_no) + "段";
  }
  if (page >= 1) out += out.empty() ? "第" + std::to_string(page) + "页" : "（第" + std::to_string(page) + "页）";
  return out;
}

bool HasVisibleText(const std::string& text) {
  return text.find_first_not_of(" \t\u3000") != std::string::npos;
}

}  // namespace jixiao
