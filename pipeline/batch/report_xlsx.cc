// DIR/report.xlsx with libxlsxwriter: sheet 汇总 (one row per document, worst
// first: most errors, then most warnings, then failures; autofilter, frozen
// header, figures as numbers), sheet 问题清单 (one row per finding, in the
// order of 汇总, with its stable id and current review: 复核结论, 复核人, 备注),
// sheet 未处理文件 (the skipped and failed inputs and why). Columns are as
// wide as their longest text (CJK counted double) up to a cap; long texts
// (messages, quotes, places, comments) wrap.
// Memory does not grow with the batch: each document's cells go to a spill
// file as they come (one JSON line) and only its sort key and place are
// kept; the sheets are written from the spill in order at Close (constant
// memory mode). Covered by tests/e2e/run_e2e_test.cc (the sheets, their
// order and widths, read back with libzip) and pipeline/batch/batch_test.cc.
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "pipeline/batch/csv.h"
#include "pipeline/batch/report_writers.h"
#include "pipeline/batch/reports.h"
#include "pipeline/model/finding_codes.h"
#include "pipeline/model/utf8.h"
#include "pipeline/screen/finding_id.h"

namespace jixiao::batch {

namespace {

using Json = nlohmann::json;

// Writes a number when the text is one, else the text.
void WriteValue(lxw_worksheet* ws, int row, int col, const std::string& text, lxw_format* format = nullptr) {
  if (text.empty()) return;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end && *end == '\0' && format == nullptr) worksheet_write_number(ws, row, col, v, nullptr);
  else worksheet_write_string(ws, row, col, text.c_str(), format);
}

// Width in Excel's character units: CJK and other wide characters count 2.
double TextWidth(const std::string& text) {
  double w = 0, line = 0;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t c = DecodeUtf8(text, &i);
    if (i == start) ++i;
    if (c == '\n') {
      w = std::max(w, line);
      line = 0;
      continue;
    }
    line += (c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                             (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
                             (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || c >= 0x20000))
                ? 2
                : 1;
  }
  return std::max(w, line);
}

struct Column {
  const char* name;
  double min, max;  // width bounds (characters)
  bool wrap;        // long text: wrapped, never wider than max
};

const Column kSumCols[] = {{"文件", 16, 50, false},   {"单位", 8, 30, false},      {"年度", 6, 6, false},
                           {"预算总额（万元）", 10, 16, false}, {"执行数（万元）", 10, 16, false},
                           {"执行率（%）", 8, 12, false}, {"自评得分", 8, 10, false}, {"等级", 6, 8, false},
                           {"错误", 6, 6, false},     {"警告", 6, 6, false},       {"提示", 6, 6, false},
                           {"最严重问题", 20, 60, true}, {"状态", 8, 10, false},    {"说明", 12, 50, true},
                           {"项目", 10, 30, true},    {"类别", 10, 24, false},     {"已复核", 8, 8, false}};
const Column kFndCols[] = {{"文件", 16, 40, false},   {"单位", 8, 24, false},     {"年度", 6, 6, false},
                           {"严重程度", 8, 8, false}, {"代码", 10, 26, false},    {"问题说明", 24, 60, true},
                           {"算式", 10, 30, true},    {"原文引用", 30, 70, true}, {"位置", 12, 30, true},
                           {"发现编号", 18, 18, false}, {"复核结论", 8, 8, false}, {"复核人", 8, 16, false},
                           {"备注", 16, 40, true}};
const Column kSkipCols[] = {{"文件", 16, 60, false}, {"状态", 8, 10, false}, {"原因", 24, 80, true},
                            {"格式", 6, 8, false},   {"大小（字节）", 10, 14, false}};
constexpr int kNSum = sizeof kSumCols / sizeof *kSumCols;
constexpr int kNFnd = sizeof kFndCols / sizeof *kFndCols;
constexpr int kNSkip = sizeof kSkipCols / sizeof *kSkipCols;

// 0: errors, 1: warnings, 2: failed, 3: notes only, 4: clean, 5: skipped.
int Rank(const ManifestRow& row) {
  if (row.errors > 0) return 0;
  if (row.warnings > 0) return 1;
  if (row.status == Outcome::kFailed) return 2;
  if (row.infos > 0) return 3;
  if (row.status == Outcome::kSkipped) return 5;
  return 4;
}

}  // namespace

struct XlsxReport::State {
  std::string tmp, tmpdir, spill_path;
  lxw_workbook* wb = nullptr;
  lxw_worksheet* sum = nullptr;
  lxw_worksheet* fnd = nullptr;
  lxw_worksheet* skip = nullptr;
  lxw_format* wrap = nullptr;
  FILE* spill = nullptr;
  int write_errno = 0;
  struct Doc {
    int rank, errors, warnings;
    std::string file;
    long offset;
    size_t length;
  };
  std::vector<Doc> docs;
  double sum_width[kNSum] = {}, fnd_width[kNFnd] = {}, skip_width[kNSkip] = {};
};

XlsxReport::~XlsxReport() {
  if (s_ && s_->wb) workbook_close(s_->wb);
  if (s_ && s_->spill) std::fclose(s_->spill);
  if (s_ && !s_->spill_path.empty()) std::remove(s_->spill_path.c_str());
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
  s_->spill_path = tmp_path + ".rows";
  s_->spill = std::fopen(s_->spill_path.c_str(), "w+b");
  if (!s_->spill) return WriteError(s_->spill_path, errno);
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = const_cast<char*>(s_->tmpdir.c_str());
  s_->wb = workbook_new_opt(tmp_path.c_str(), &options);
  if (!s_->wb) return Status::IoError("cannot create " + tmp_path);
  return Status::Ok();
}

void XlsxReport::Add(const ManifestRow& row, const ScreenReport& r, const DocReviews& reviews) {
  if (!s_ || !s_->spill) return;
  // The cells of the document's rows, as text; widths measured as they come.
  const HeadlineFigures& fig = r.figures;
  int reviewed = 0;
  const std::vector<std::string> ids = FindingIds(r);
  Json findings = Json::array();
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    auto rv = reviews.find(ids[i]);
    const archive::Review* review = rv == reviews.end() ? nullptr : &rv->second;
    reviewed += review != nullptr;
    Json cells = {row.file, r.unit, YearText(r), SeverityZh(f.severity), f.code, f.message, f.arithmetic,
                  Quotes(f), Places(f), ids[i], review ? archive::DecisionZh(review->decision) : "",
                  review ? review->reviewer : "", review ? review->comment : ""};
    for (int c = 0; c < kNFnd; ++c) s_->fnd_width[c] = std::max(s_->fnd_width[c], TextWidth(cells[c].get<std::string>()));
    findings.push_back(std::move(cells));
  }
  Json sum = {row.file, r.unit, YearText(r), fig.total_budget, fig.executed, fig.execution_rate, fig.self_score,
              fig.grade, std::to_string(row.errors), std::to_string(row.warnings), std::to_string(row.infos),
              MostSerious(r), OutcomeZh(row.status), row.reason, r.project, FamilyZh(r.family),
              r.findings.empty() ? "" : std::to_string(reviewed) + "/" + std::to_string(r.findings.size())};
  for (int c = 0; c < kNSum; ++c) s_->sum_width[c] = std::max(s_->sum_width[c], TextWidth(sum[c].get<std::string>()));
  Json doc = {{"sum", std::move(sum)}, {"findings", std::move(findings)}};
  if (row.status == Outcome::kFailed || row.status == Outcome::kSkipped) {
    Json skip = {row.file, OutcomeZh(row.status), row.reason, row.format, std::to_string(row.size)};
    for (int c = 0; c < kNSkip; ++c) s_->skip_width[c] = std::max(s_->skip_width[c], TextWidth(skip[c].get<std::string>()));
    doc["skip"] = std::move(skip);
  }
  std::string line = doc.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
  long offset = std::ftell(s_->spill);
  if (std::fwrite(line.data(), 1, line.size(), s_->spill) != line.size() && !s_->write_errno)
    s_->write_errno = errno ? errno : EIO;
  s_->docs.push_back({Rank(row), row.errors, row.warnings, row.file, offset, line.size()});
}

void XlsxReport::Discard() {
  if (!s_) return;
  if (s_->wb) workbook_close(s_->wb);
  s_->wb = nullptr;
  std::remove(s_->tmp.c_str());
}

namespace {

lxw_worksheet* Sheet(lxw_workbook* wb, const char* name, const Column* cols, int n, const double* widths,
                     lxw_format* header, lxw_format* wrap) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  for (int c = 0; c < n; ++c) {
    double w = std::clamp(std::max(widths[c], TextWidth(cols[c].name)) + 2, cols[c].min, cols[c].max);
    worksheet_set_column(ws, c, c, w, cols[c].wrap ? wrap : nullptr);
  }
  for (int c = 0; c < n; ++c) worksheet_write_string(ws, 0, c, cols[c].name, header);
  worksheet_freeze_panes(ws, 1, 0);
  return ws;
}

void WriteRow(lxw_worksheet* ws, int row, const Column* cols, const Json& cells, lxw_format* wrap,
              const std::vector<int>& text_cols) {
  for (size_t c = 0; c < cells.size(); ++c) {
    const std::string text = cells[c].get<std::string>();
    bool as_text = std::find(text_cols.begin(), text_cols.end(), static_cast<int>(c)) != text_cols.end();
    if (as_text) {
      if (!text.empty()) worksheet_write_string(ws, row, static_cast<int>(c), text.c_str(), cols[c].wrap ? wrap : nullptr);
    } else {
      WriteValue(ws, row, static_cast<int>(c), text, cols[c].wrap ? wrap : nullptr);
    }
  }
}

}  // namespace

Status XlsxReport::Close() {
  State& s = *s_;
  if (s.write_errno || (s.spill && std::fflush(s.spill) != 0)) {
    int e = s.write_errno ? s.write_errno : errno;
    Discard();
    return WriteError(s.spill_path, e);
  }
  lxw_format* header = workbook_add_format(s.wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  s.wrap = workbook_add_format(s.wb);
  format_set_text_wrap(s.wrap);
  format_set_align(s.wrap, LXW_ALIGN_VERTICAL_TOP);
  s.sum = Sheet(s.wb, "汇总", kSumCols, kNSum, s.sum_width, header, s.wrap);
  s.fnd = Sheet(s.wb, "问题清单", kFndCols, kNFnd, s.fnd_width, header, s.wrap);
  s.skip = Sheet(s.wb, "未处理文件", kSkipCols, kNSkip, s.skip_width, header, s.wrap);
  std::vector<const State::Doc*> order;
  for (const State::Doc& d : s.docs) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](const State::Doc* a, const State::Doc* b) {
    if (a->rank != b->rank) return a->rank < b->rank;
    if (a->errors != b->errors) return a->errors > b->errors;
    if (a->warnings != b->warnings) return a->warnings > b->warnings;
    return a->file < b->file;
  });
  // Every sheet is written in row order (constant memory): one pass each.
  const std::vector<int> sum_text = {0, 1, 11, 12, 13, 14, 15, 16}, fnd_text = {0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                         skip_text = {0, 1, 2, 3};
  int rows[3] = {1, 1, 1};
  std::string line;
  for (int sheet = 0; sheet < 3; ++sheet) {
    for (const State::Doc* d : order) {
      line.resize(d->length);
      if (std::fseek(s.spill, d->offset, SEEK_SET) != 0 || std::fread(&line[0], 1, d->length, s.spill) != d->length) {
        Discard();
        return Status::IoError("cannot read back " + s.spill_path);
      }
      Json doc = Json::parse(line, nullptr, false);
      if (doc.is_discarded()) continue;
      if (sheet == 0) {
        WriteRow(s.sum, rows[0]++, kSumCols, doc["sum"], s.wrap, sum_text);
      } else if (sheet == 1) {
        for (const Json& f : doc["findings"]) WriteRow(s.fnd, rows[1]++, kFndCols, f, s.wrap, fnd_text);
      } else if (doc.contains("skip")) {
        WriteRow(s.skip, rows[2]++, kSkipCols, doc["skip"], s.wrap, skip_text);
      }
    }
  }
  worksheet_autofilter(s.sum, 0, 0, std::max(rows[0] - 1, 0), kNSum - 1);
  worksheet_autofilter(s.fnd, 0, 0, std::max(rows[1] - 1, 0), kNFnd - 1);
  worksheet_autofilter(s.skip, 0, 0, std::max(rows[2] - 1, 0), kNSkip - 1);
  lxw_error err = workbook_close(s.wb);
  s.wb = nullptr;
  if (err != LXW_NO_ERROR) {
    int e = errno;
    std::remove(s.tmp.c_str());
    if (e == ENOSPC || e == EDQUOT) return WriteError(s.tmp, e);
    return Status::IoError("cannot write " + s.tmp + ": " + lxw_strerror(err));
  }
  return Status::Ok();
}

}  // namespace jixiao::batch
