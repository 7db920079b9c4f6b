// findings.jsonl, summary.csv, findings.csv and loading the reports of a
// manifest from the archive (see reports.h). Covered by
// pipeline/batch/batch_test.cc and tests/e2e.
#include "pipeline/batch/reports.h"

#include <set>

#include "pipeline/batch/csv.h"

namespace jixiao::batch {

using Json = nlohmann::ordered_json;

namespace {

std::string Field(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

int SeverityRank(const std::string& s) { return s == "error" ? 3 : s == "warning" ? 2 : s == "info" ? 1 : 0; }

std::string StatusZh(const ManifestRow& r) {
  if (r.status == "ok") return "通过";
  if (r.status == "findings") return "有问题";
  if (r.status == "failed") return "处理失败";
  return r.status;
}

}  // namespace

const char* SeverityZh(const std::string& severity) {
  return severity == "error" ? "错误" : severity == "warning" ? "警告" : severity == "info" ? "提示" : "其他";
}

std::string MostSerious(const Json& report) {
  const Json* best = nullptr;
  int rank = 0;
  if (report.contains("findings") && report["findings"].is_array())
    for (const Json& f : report["findings"]) {
      int r = SeverityRank(Field(f, "severity"));
      if (r > rank) {
        rank = r;
        best = &f;
      }
    }
  if (!best) return "";
  return std::string("[") + SeverityZh(Field(*best, "severity")) + "] " + Field(*best, "code") + " " +
         Field(*best, "message");
}

std::string Quotes(const Json& finding) {
  std::string out;
  std::set<std::string> seen;  // evidence items often quote the same paragraph
  if (finding.contains("evidence") && finding["evidence"].is_array())
    for (const Json& e : finding["evidence"]) {
      std::string q = Field(e, "quote");
      if (q.empty() || !seen.insert(q).second) continue;
      if (!out.empty()) out += " | ";
      out += q;
    }
  return out;
}

std::string Places(const Json& finding) {
  std::string out;
  std::set<std::string> seen;
  if (finding.contains("evidence") && finding["evidence"].is_array())
    for (const Json& e : finding["evidence"]) {
      std::string p = Field(e, "place");
      if (p.empty() || !seen.insert(p).second) continue;
      if (!out.empty()) out += " | ";
      out += p;
    }
  return out;
}

Status LoadReports(archive::Archive* archive, const std::vector<ManifestRow>& rows, std::vector<DocReport>* docs) {
  docs->clear();
  for (const ManifestRow& row : rows) {
    if (row.status != "ok" && row.status != "findings" && row.status != "failed") continue;
    DocReport d;
    d.row = row;
    bool found = false;
    if (!row.sha256.empty()) {
      Status s = archive->GetReport(row.sha256, &d.report, &found);
      if (!s.ok()) return s;
    }
    if (!found) {
      d.report = Json::object();
      d.report["file"] = row.file;
      d.report["sha256"] = row.sha256;
      d.report["format"] = row.format;
      d.report["size"] = row.size;
      d.report["status"] = row.status == "failed" ? "failed" : "ok";
      d.report["status_reason"] = row.reason;
      d.report["jixiao_version"] = row.jixiao_version;
      d.report["unit"] = nullptr;
      d.report["year"] = nullptr;
      d.report["figures"] = Json::object();
      d.report["facts"] = Json::array();
      d.report["findings"] = Json::array();
      d.report["counts"] = {{"error", row.errors}, {"warning", row.warnings}, {"info", row.infos}};
    }
    d.report["file"] = row.file;
    docs->push_back(std::move(d));
  }
  return Status::Ok();
}

std::string FindingsJsonl(const std::vector<DocReport>& docs) {
  std::string out;
  for (const DocReport& d : docs) {
    out += d.report.dump(-1, ' ', false, Json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

std::string SummaryCsv(const std::vector<DocReport>& docs) {
  std::string out = kUtf8Bom;
  out += CsvRecord({"文件", "单位", "年度", "预算总额（万元）", "执行数（万元）", "执行率（%）", "自评得分", "等级", "错误",
                    "警告", "提示", "最严重问题", "状态", "说明"}) +
         "\r\n";
  for (const DocReport& d : docs) {
    const Json& r = d.report;
    Json figures = r.contains("figures") ? r["figures"] : Json::object();
    out += CsvRecord({d.row.file, Field(r, "unit"), Field(r, "year"), Field(figures, "total_budget"),
                      Field(figures, "executed"), Field(figures, "execution_rate"), Field(figures, "self_score"),
                      Field(figures, "grade"), std::to_string(d.row.errors), std::to_string(d.row.warnings),
                      std::to_string(d.row.infos), MostSerious(r), StatusZh(d.row), d.row.reason}) +
           "\r\n";
  }
  return out;
}

std::string FindingsCsv(const std::vector<DocReport>& docs) {
  std::string out = kUtf8Bom;
  out += CsvRecord({"文件", "单位", "年度", "严重程度", "代码", "问题说明", "算式", "原文引用", "位置"}) + "\r\n";
  for (const DocReport& d : docs) {
    const Json& r = d.report;
    if (!r.contains("findings") || !r["findings"].is_array()) continue;
    for (const Json& f : r["findings"]) {
      out += CsvRecord({d.row.file, Field(r, "unit"), Field(r, "year"), SeverityZh(Field(f, "severity")),
                        Field(f, "code"), Field(f, "message"), Field(f, "arithmetic"), Quotes(f), Places(f)}) +
             "\r\n";
    }
  }
  return out;
}

Status WriteReports(const std::string& dir, const std::vector<DocReport>& docs) {
  Status s = WriteFileAtomically(dir + "/findings.jsonl", FindingsJsonl(docs));
  if (s.ok()) s = WriteFileAtomically(dir + "/summary.csv", SummaryCsv(docs));
  if (s.ok()) s = WriteFileAtomically(dir + "/findings.csv", FindingsCsv(docs));
  if (s.ok()) s = WriteXlsx(dir + "/report.xlsx", docs);
  if (s.ok()) s = WriteFileAtomically(dir + "/report.html", ReportHtml(docs));
  return s;
}

}  // namespace jixiao::batch
