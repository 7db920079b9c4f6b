// DIR/report.xlsx with libxlsxwriter: sheet 汇总 (one row per document,
// autofilter, frozen header, figures as numbers) and sheet 问题清单 (one row
// per finding). Covered by tests/e2e/run_e2e_test.cc (the workbook is opened
// with libzip and xl/workbook.xml must list both sheets).
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>

#include "pipeline/batch/reports.h"

namespace jixiao::batch {

using Json = nlohmann::ordered_json;

namespace {

std::string Field(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// Writes a number when the text is one, else the text.
void WriteValue(lxw_worksheet* ws, int row, int col, const std::string& text) {
  if (text.empty()) return;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end && *end == '\0') worksheet_write_number(ws, row, col, v, nullptr);
  else worksheet_write_string(ws, row, col, text.c_str(), nullptr);
}

}  // namespace

Status WriteXlsx(const std::string& path, const std::vector<DocReport>& docs) {
  std::string tmp = path + ".tmp.xlsx";
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (!wb) return Status::IoError("cannot create " + tmp);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);

  lxw_worksheet* sum = workbook_add_worksheet(wb, "汇总");
  const char* sum_cols[] = {"文件", "单位", "年度", "预算总额（万元）", "执行数（万元）", "执行率（%）", "自评得分",
                            "等级", "错误", "警告", "提示", "最严重问题", "状态", "说明"};
  const int n_sum = sizeof sum_cols / sizeof *sum_cols;
  for (int c = 0; c < n_sum; ++c) worksheet_write_string(sum, 0, c, sum_cols[c], header);
  int row = 1;
  for (const DocReport& d : docs) {
    const Json& r = d.report;
    Json figures = r.contains("figures") ? r["figures"] : Json::object();
    worksheet_write_string(sum, row, 0, d.row.file.c_str(), nullptr);
    WriteValue(sum, row, 1, Field(r, "unit"));
    WriteValue(sum, row, 2, Field(r, "year"));
    WriteValue(sum, row, 3, Field(figures, "total_budget"));
    WriteValue(sum, row, 4, Field(figures, "executed"));
    WriteValue(sum, row, 5, Field(figures, "execution_rate"));
    WriteValue(sum, row, 6, Field(figures, "self_score"));
    WriteValue(sum, row, 7, Field(figures, "grade"));
    worksheet_write_number(sum, row, 8, d.row.errors, nullptr);
    worksheet_write_number(sum, row, 9, d.row.warnings, nullptr);
    worksheet_write_number(sum, row, 10, d.row.infos, nullptr);
    WriteValue(sum, row, 11, MostSerious(r));
    worksheet_write_string(sum, row, 12,
                           d.row.status == "ok" ? "通过" : d.row.status == "findings" ? "有问题" : "处理失败", nullptr);
    WriteValue(sum, row, 13, d.row.reason);
    ++row;
  }
  worksheet_autofilter(sum, 0, 0, std::max(row - 1, 0), n_sum - 1);
  worksheet_freeze_panes(sum, 1, 0);
  worksheet_set_column(sum, 0, 0, 40, nullptr);
  worksheet_set_column(sum, 1, 1, 28, nullptr);
  worksheet_set_column(sum, 3, 7, 12, nullptr);
  worksheet_set_column(sum, 11, 11, 60, nullptr);

  lxw_worksheet* fnd = workbook_add_worksheet(wb, "问题清单");
  const char* fnd_cols[] = {"文件", "单位", "年度", "严重程度", "代码", "问题说明", "算式", "原文引用", "位置"};
  const int n_fnd = sizeof fnd_cols / sizeof *fnd_cols;
  for (int c = 0; c < n_fnd; ++c) worksheet_write_string(fnd, 0, c, fnd_cols[c], header);
  row = 1;
  for (const DocReport& d : docs) {
    const Json& r = d.report;
    if (!r.contains("findings") || !r["findings"].is_array()) continue;
    for (const Json& f : r["findings"]) {
      worksheet_write_string(fnd, row, 0, d.row.file.c_str(), nullptr);
      WriteValue(fnd, row, 1, Field(r, "unit"));
      WriteValue(fnd, row, 2, Field(r, "year"));
      worksheet_write_string(fnd, row, 3, SeverityZh(Field(f, "severity")), nullptr);
      WriteValue(fnd, row, 4, Field(f, "code"));
      WriteValue(fnd, row, 5, Field(f, "message"));
      WriteValue(fnd, row, 6, Field(f, "arithmetic"));
      WriteValue(fnd, row, 7, Quotes(f));
      WriteValue(fnd, row, 8, Places(f));
      ++row;
    }
  }
  worksheet_autofilter(fnd, 0, 0, std::max(row - 1, 0), n_fnd - 1);
  worksheet_freeze_panes(fnd, 1, 0);
  worksheet_set_column(fnd, 0, 0, 40, nullptr);
  worksheet_set_column(fnd, 5, 5, 60, nullptr);
  worksheet_set_column(fnd, 7, 7, 60, nullptr);

  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    return Status::IoError("cannot write " + path + ": " + lxw_strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IoError("cannot rename " + tmp);
  return Status::Ok();
}

}  // namespace jixiao::batch
