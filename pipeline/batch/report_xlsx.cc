// DIR/report.xlsx with libxlsxwriter: sheet 汇总 (one row per document,
// autofilter, frozen header, figures as numbers) and sheet 问题清单 (one row
// per finding). Covered by tests/e2e/run_e2e_test.cc (the workbook is opened
// with libzip and xl/workbook.xml must list both sheets).
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

#include "pipeline/batch/csv.h"
#include "pipeline/batch/report_writers.h"
#include "pipeline/batch/reports.h"
#include "pipeline/model/finding_codes.h"

namespace jixiao::batch {

using Json = nlohmann::ordered_json;

namespace {

// Writes a number when the text is one, else the text.
void WriteValue(lxw_worksheet* ws, int row, int col, const std::string& text) {
  if (text.empty()) return;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end && *end == '\0') worksheet_write_number(ws, row, col, v, nullptr);
  else worksheet_write_string(ws, row, col, text.c_str(), nullptr);
}

}  // namespace

struct XlsxReport::State {
  std::string tmp, tmpdir;
  lxw_workbook* wb = nullptr;
  lxw_worksheet* sum = nullptr;
  lxw_worksheet* fnd = nullptr;
  int sum_row = 1, fnd_row = 1;
};

namespace {
const char* kSumCols[] = {"文件", "单位", "年度", "预算总额（万元）", "执行数（万元）", "执行率（%）", "自评得分",
                          "等级", "错误", "警告", "提示", "最严重问题", "状态", "说明", "项目", "类别"};
const char* kFndCols[] = {"文件", "单位", "年度", "严重程度", "代码", "问题说明", "算式", "原文引用", "位置"};
constexpr int kNSum = sizeof kSumCols / sizeof *kSumCols;
constexpr int kNFnd = sizeof kFndCols / sizeof *kFndCols;
}  // namespace

XlsxReport::~XlsxReport() {
  if (s_ && s_->wb) workbook_close(s_->wb);
  delete s_;
}

Status XlsxReport::Open(const std::string& tmp_path) {
  s_ = new State;
  s_->tmp = tmp_path;
  // Constant memory: each row goes to the sheet's temporary file as it is
  // written (rows are written in order), so the workbook of 10,000 documents
  // does not sit in memory. The temporaries go beside the report.
  s_->tmpdir = tmp_path.substr(0, tmp_path.rfind('/') == std::string::npos ? 0 : tmp_path.rfind('/'));
  if (s_->tmpdir.empty()) s_->tmpdir = ".";
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = const_cast<char*>(s_->tmpdir.c_str());
  s_->wb = workbook_new_opt(tmp_path.c_str(), &options);
  if (!s_->wb) return Status::IoError("cannot create " + tmp_path);
  lxw_format* header = workbook_add_format(s_->wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  s_->sum = workbook_add_worksheet(s_->wb, "汇总");
  s_->fnd = workbook_add_worksheet(s_->wb, "问题清单");
  for (int c = 0; c < kNSum; ++c) worksheet_write_string(s_->sum, 0, c, kSumCols[c], header);
  for (int c = 0; c < kNFnd; ++c) worksheet_write_string(s_->fnd, 0, c, kFndCols[c], header);
  worksheet_freeze_panes(s_->sum, 1, 0);
  worksheet_freeze_panes(s_->fnd, 1, 0);
  worksheet_set_column(s_->sum, 0, 0, 40, nullptr);
  worksheet_set_column(s_->sum, 1, 1, 28, nullptr);
  worksheet_set_column(s_->sum, 3, 7, 12, nullptr);
  worksheet_set_column(s_->sum, 11, 11, 60, nullptr);
  worksheet_set_column(s_->fnd, 0, 0, 40, nullptr);
  worksheet_set_column(s_->fnd, 5, 5, 60, nullptr);
  worksheet_set_column(s_->fnd, 7, 7, 60, nullptr);
  return Status::Ok();
}

void XlsxReport::Add(const ManifestRow& row, const Json& r) {
  lxw_worksheet* sum = s_->sum;
  int n = s_->sum_row++;
  Json figures = r.contains("figures") ? r["figures"] : Json::object();
  worksheet_write_string(sum, n, 0, row.file.c_str(), nullptr);
  WriteValue(sum, n, 1, Field(r, "unit"));
  WriteValue(sum, n, 2, Field(r, "year"));
  WriteValue(sum, n, 3, Field(figures, "total_budget"));
  WriteValue(sum, n, 4, Field(figures, "executed"));
  WriteValue(sum, n, 5, Field(figures, "execution_rate"));
  WriteValue(sum, n, 6, Field(figures, "self_score"));
  WriteValue(sum, n, 7, Field(figures, "grade"));
  worksheet_write_number(sum, n, 8, row.errors, nullptr);
  worksheet_write_number(sum, n, 9, row.warnings, nullptr);
  worksheet_write_number(sum, n, 10, row.infos, nullptr);
  WriteValue(sum, n, 11, MostSerious(r));
  worksheet_write_string(sum, n, 12,
                         row.status == "ok" ? "通过" : row.status == "findings" ? "有问题"
                                                     : row.status == "failed"   ? "处理失败"
                                                                                : "未处理",
                         nullptr);
  WriteValue(sum, n, 13, row.reason);
  WriteValue(sum, n, 14, Field(r, "project"));
  WriteValue(sum, n, 15, FamilyZh(r));
  if (!r.contains("findings") || !r["findings"].is_array()) return;
  for (const Json& f : r["findings"]) {
    lxw_worksheet* fnd = s_->fnd;
    int k = s_->fnd_row++;
    worksheet_write_string(fnd, k, 0, row.file.c_str(), nullptr);
    WriteValue(fnd, k, 1, Field(r, "unit"));
    WriteValue(fnd, k, 2, Field(r, "year"));
    worksheet_write_string(fnd, k, 3, SeverityChineseName(Field(f, "severity")), nullptr);
    WriteValue(fnd, k, 4, Field(f, "code"));
    WriteValue(fnd, k, 5, Field(f, "message"));
    WriteValue(fnd, k, 6, Field(f, "arithmetic"));
    WriteValue(fnd, k, 7, Quotes(f));
    WriteValue(fnd, k, 8, Places(f));
  }
}

void XlsxReport::Discard() {
  if (!s_) return;
  if (s_->wb) workbook_close(s_->wb);
  s_->wb = nullptr;
  std::remove(s_->tmp.c_str());
}

Status XlsxReport::Close() {
  worksheet_autofilter(s_->sum, 0, 0, std::max(s_->sum_row - 1, 0), kNSum - 1);
  worksheet_autofilter(s_->fnd, 0, 0, std::max(s_->fnd_row - 1, 0), kNFnd - 1);
  lxw_error err = workbook_close(s_->wb);
  s_->wb = nullptr;
  if (err != LXW_NO_ERROR) {
    int e = errno;
    std::remove(s_->tmp.c_str());
    if (e == ENOSPC || e == EDQUOT) return WriteError(s_->tmp, e);
    return Status::IoError("cannot write " + s_->tmp + ": " + lxw_strerror(err));
  }
  return Status::Ok();
}

}  // namespace jixiao::batch
