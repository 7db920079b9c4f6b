// Writing and reading DIR/manifest.csv (see manifest.h). Covered by
// pipeline/batch/batch_test.cc and tests/e2e.
#include "pipeline/batch/manifest.h"

#include <algorithm>
#include <cstdio>

#include "pipeline/batch/csv.h"

namespace jixiao::batch {
namespace {

const std::vector<std::string> kHeader = {"file",   "sha256", "size",     "format", "status",
                                          "reason", "duplicate_of", "pages", "errors", "warnings",
                                          "infos",  "seconds", "resumed", "jixiao_version", "status_code"};
// Manifests written before the status_code column are read too.
constexpr size_t kColumnsBefore = 14;

std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

}  // namespace

std::string ManifestCsv(const std::vector<ManifestRow>& rows) {
  std::string out = kUtf8Bom + CsvRecord(kHeader) + "\r\n";
  for (const ManifestRow& r : rows) {
    out += CsvRecord({r.file, r.sha256, std::to_string(r.size), r.format, OutcomeName(r.status), r.reason,
                      r.duplicate_of, r.pages >= 0 ? std::to_string(r.pages) : "", std::to_string(r.errors),
                      std::to_string(r.warnings), std::to_string(r.infos), Seconds(r.seconds),
                      r.resumed ? "yes" : "no", r.jixiao_version,
                      r.code == Status::Code::kOk ? std::string() : Status::CodeName(r.code)});
    out += "\r\n";
  }
  return out;
}

Status WriteManifest(const std::string& path, const std::vector<ManifestRow>& rows) {
  return WriteFileAtomically(path, ManifestCsv(rows));
}

Status ReadManifest(const std::string& path, std::vector<ManifestRow>* rows) {
  std::string text;
  Status s = ReadWholeFile(path, &text);
  if (!s.ok()) return s;
  auto records = ParseCsv(text);
  const bool old = !records.empty() && records[0].size() == kColumnsBefore &&
                   std::equal(records[0].begin(), records[0].end(), kHeader.begin());
  if (records.empty() || (records[0] != kHeader && !old))
    return Status::InvalidInput(path + " is not a jixiao manifest");
  const size_t columns = records[0].size();
  rows->clear();
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& f = records[i];
    if (f.size() != columns) return Status::InvalidInput(path + ": row " + std::to_string(i + 1) + " is short");
    ManifestRow r;
    r.file = f[0];
    r.sha256 = f[1];
    r.size = std::strtoull(f[2].c_str(), nullptr, 10);
    r.format = f[3];
    if (!OutcomeFromName(f[4], &r.status))
      return Status::InvalidInput(path + ": row " + std::to_string(i + 1) + " has status " + f[4]);
    r.reason = f[5];
    r.duplicate_of = f[6];
    r.pages = f[7].empty() ? -1 : std::atoi(f[7].c_str());
    r.errors = std::atoi(f[8].c_str());
    r.warnings = std::atoi(f[9].c_str());
    r.infos = std::atoi(f[10].c_str());
    r.seconds = std::atof(f[11].c_str());
    r.resumed = f[12] == "yes";
    r.jixiao_version = f[13];
    if (columns > kColumnsBefore) r.code = StatusCodeFromName(f[14]);
    rows->push_back(std::move(r));
  }
  return Status::Ok();
}

}  // namespace jixiao::batch
