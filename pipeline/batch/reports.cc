// ReportWriter: findings.jsonl, summary.csv and findings.csv written as the
// documents come, report.xlsx and report.html through report_writers.h; and
// WriteRunReports, which feeds it from the archive (see reports.h). Covered by
// pipeline/batch/batch_test.cc and tests/e2e.
#include "pipeline/batch/reports.h"

#include <cctype>
#include <cerrno>
#include <filesystem>
#include <map>
#include <cstdio>
#include <cstring>
#include <set>

#include "pipeline/batch/csv.h"
#include "pipeline/batch/report_writers.h"
#include "pipeline/model/finding_codes.h"
#include "pipeline/model/html.h"
#include "pipeline/screen/finding_id.h"

namespace jixiao::batch {

using Json = nlohmann::ordered_json;

const char* SeverityZh(FindingSeverity severity) { return SeverityChineseName(FindingSeverityName(severity)); }

std::string MostSerious(const ScreenReport& report) {
  const Finding* best = report.MostSerious();
  if (!best) return "";
  return std::string("[") + SeverityZh(best->severity) + "] " + best->code + " " + best->message;
}

namespace {

// The evidence's quotes or places, each once, joined by " | ".
template <typename Get>
std::string Joined(const Finding& finding, Get get) {
  std::string out;
  std::set<std::string> seen;  // evidence items often quote the same paragraph
  for (const Evidence& e : finding.evidence) {
    const std::string& q = get(e);
    if (q.empty() || !seen.insert(q).second) continue;
    if (!out.empty()) out += " | ";
    out += q;
  }
  return out;
}

}  // namespace

std::string Quotes(const Finding& finding) {
  return Joined(finding, [](const Evidence& e) -> const std::string& { return e.quote; });
}

std::string Places(const Finding& finding) {
  return Joined(finding, [](const Evidence& e) -> const std::string& { return e.place; });
}

std::string RelativeHref(const std::string& from_dir, const std::string& target) {
  if (target.empty()) return "";
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path from = fs::weakly_canonical(fs::absolute(from_dir, ec), ec);
  fs::path to = fs::weakly_canonical(fs::path(target), ec);
  fs::path rel = to.lexically_relative(from);
  std::string raw = rel.empty() ? to.string() : rel.generic_string();
  return PercentEncode(raw, /*keep_slash=*/true);
}

std::string YearText(const ScreenReport& report) { return report.year ? std::to_string(report.year) : ""; }

namespace {

// A row the archive has no report of (a skipped input, or a failure stored
// by nothing): what the manifest knows of it.
ScreenReport RowReport(const ManifestRow& row) {
  ScreenReport r;
  r.file = row.file;
  r.sha256 = row.sha256;
  r.format = row.format;
  r.size = row.size;
  r.status = row.status == Outcome::kFailed ? DocumentStatus::kFailed
             : row.status == Outcome::kSkipped ? DocumentStatus::kSkipped
                                               : DocumentStatus::kOk;
  r.code = row.code;
  r.reason = row.reason;
  r.jixiao_version = row.jixiao_version;
  return r;
}

}  // namespace

struct ReportWriter::Impl {
  std::string dir;
  FILE* jsonl = nullptr;
  FILE* summary = nullptr;
  FILE* findings = nullptr;
  XlsxReport xlsx;
  HtmlReport html;
  std::unique_ptr<archive::Reviews> reviews;
  std::map<std::string, std::string> roots;  // input roots, for the links to the original files
  int write_errno = 0;   // the first failed write's errno
  bool finished = false;

  std::string Tmp(const char* name) const { return dir + "/" + name + ".tmp"; }
  void Put(const std::string& data, FILE* f) {
    if (std::fwrite(data.data(), 1, data.size(), f) != data.size() && write_errno == 0) write_errno = errno ? errno : EIO;
  }
  // Every temporary file, removed when the reports are not finished (a full
  // disk, an error): the old reports stay as they were, nothing half-written
  // is left beside them.
  void RemoveTemporaries() {
    for (const char* name : {"findings.jsonl", "summary.csv", "findings.csv", "report.html"})
      std::remove(Tmp(name).c_str());
    std::remove((Tmp("report.xlsx") + ".xlsx").c_str());
  }
  ~Impl() {
    for (FILE* f : {jsonl, summary, findings})
      if (f) std::fclose(f);
    if (!finished) {
      xlsx.Discard();
      RemoveTemporaries();
    }
  }
};

ReportWriter::ReportWriter(std::string dir) : impl_(new Impl) { impl_->dir = std::move(dir); }
ReportWriter::~ReportWriter() = default;

Status ReportWriter::Open() {
  Impl& m = *impl_;
  m.jsonl = std::fopen(m.Tmp("findings.jsonl").c_str(), "wb");
  if (m.jsonl) m.summary = std::fopen(m.Tmp("summary.csv").c_str(), "wb");
  if (m.summary) m.findings = std::fopen(m.Tmp("findings.csv").c_str(), "wb");
  if (!m.jsonl || !m.summary || !m.findings) return WriteError("reports in " + m.dir, errno);
  std::string head = std::string(kUtf8Bom) +
                     CsvRecord({"文件", "单位", "年度", "预算总额（万元）", "执行数（万元）", "执行率（%）", "自评得分",
                                "等级", "错误", "警告", "提示", "最严重问题", "状态", "说明", "项目", "类别"}) +
                     "\r\n";
  m.Put(head, m.summary);
  head = std::string(kUtf8Bom) +
         CsvRecord({"文件", "单位", "年度", "严重程度", "代码", "问题说明", "算式", "原文引用", "位置", "发现编号",
                    "复核结论", "复核人", "备注"}) +
         "\r\n";
  m.Put(head, m.findings);
  Status hs = m.html.Open(m.Tmp("report.html") + ".sections");
  if (!hs.ok()) return hs;
  return m.xlsx.Open(m.Tmp("report.xlsx") + ".xlsx");
}

Status ReportWriter::UseArchive(archive::Archive* archive) {
  impl_->reviews.reset(new archive::Reviews(archive));
  return archive->InputRoots(&impl_->roots);
}

Status ReportWriter::Add(const ManifestRow& row, const ScreenReport& r) {
  Impl& m = *impl_;
  if (m.write_errno) return WriteError("reports in " + m.dir, m.write_errno);  // stop early on a full disk
  DocReviews reviews;
  if (m.reviews && !r.findings.empty() && !r.sha256.empty()) {
    Status rs = m.reviews->CurrentForDocument(r.sha256, &reviews);
    if (!rs.ok()) return rs;
  }
  const std::vector<std::string> ids = FindingIds(r);
  // The report's facts written one at a time (no JSON of them all).
  WriteJson(r, -1, 0, [&](const std::string& piece) { m.Put(piece, m.jsonl); });
  m.Put("\n", m.jsonl);
  std::string line;
  const HeadlineFigures& fig = r.figures;
  line = CsvRecord({row.file, r.unit, YearText(r), fig.total_budget, fig.executed, fig.execution_rate,
                    fig.self_score, fig.grade, std::to_string(row.errors), std::to_string(row.warnings),
                    std::to_string(row.infos), MostSerious(r), OutcomeZh(row.status), row.reason, r.project,
                    FamilyZh(r.family)}) +
         "\r\n";
  m.Put(line, m.summary);
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    auto rv = reviews.find(ids[i]);
    const archive::Review* review = rv == reviews.end() ? nullptr : &rv->second;
    line = CsvRecord({row.file, r.unit, YearText(r), SeverityZh(f.severity), f.code, f.message, f.arithmetic,
                      Quotes(f), Places(f), ids[i], review ? archive::DecisionZh(review->decision) : "",
                      review ? review->reviewer : "", review ? review->comment : ""}) +
           "\r\n";
    m.Put(line, m.findings);
  }
  m.xlsx.Add(row, r, reviews);
  m.html.Add(row, r, reviews, RelativeHref(m.dir, archive::Archive::SourcePath(m.roots, row.file)));
  return Status::Ok();
}

Status ReportWriter::Finish() {
  Impl& m = *impl_;
  // Everything is written to temporaries first and renamed only when all of
  // them are complete, so a failure leaves the old set whole.
  for (FILE** f : {&m.jsonl, &m.summary, &m.findings}) {
    if (*f && std::fflush(*f) != 0 && m.write_errno == 0) m.write_errno = errno;
    if (*f && std::ferror(*f) && m.write_errno == 0) m.write_errno = EIO;
    if (*f && std::fclose(*f) != 0 && m.write_errno == 0) m.write_errno = errno;
    *f = nullptr;
  }
  if (m.write_errno) return WriteError("reports in " + m.dir, m.write_errno);
  Status s = m.xlsx.Close();
  if (!s.ok()) return s;
  s = m.html.WritePage(m.Tmp("report.html"));
  if (!s.ok()) return s;
  const std::pair<std::string, std::string> moves[] = {
      {m.Tmp("findings.jsonl"), "findings.jsonl"}, {m.Tmp("summary.csv"), "summary.csv"},
      {m.Tmp("findings.csv"), "findings.csv"}, {m.Tmp("report.xlsx") + ".xlsx", "report.xlsx"},
      {m.Tmp("report.html"), "report.html"}};
  for (const auto& [from, to] : moves)
    if (std::rename(from.c_str(), (m.dir + "/" + to).c_str()) != 0)
      return Status::IoError("cannot rename " + from + ": " + std::strerror(errno));
  m.finished = true;
  return Status::Ok();
}

Status WriteRunReports(const std::string& dir, const std::vector<ManifestRow>& rows, archive::Archive* archive) {
  ReportWriter writer(dir);
  Status s = writer.Open();
  if (!s.ok()) return s;
  s = writer.UseArchive(archive);
  if (!s.ok()) return s;
  for (const ManifestRow& row : rows) {
    // Every input that ended with an outcome of its own: duplicates (their
    // original is listed) and pending ones are left out.
    if (row.status == Outcome::kDuplicate || row.status == Outcome::kPending) continue;
    ScreenReport report;
    bool found = false;
    if (!row.sha256.empty()) {
      s = archive->GetReport(row.sha256, &report, &found);
      if (!s.ok()) return s;
    }
    if (!found) report = RowReport(row);
    report.file = row.file;  // the name this run gives it (a resumed document may have had another)
    s = writer.Add(row, report);
    if (!s.ok()) return s;
  }
  return writer.Finish();
}

}  // namespace jixiao::batch
