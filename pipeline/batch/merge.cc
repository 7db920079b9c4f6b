// Merging run folders (see merge.h). Covered by tests/e2e/run_e2e_test.cc.
#include "pipeline/batch/merge.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "pipeline/archive/archive.h"
#include "pipeline/batch/folder_lock.h"
#include "pipeline/batch/reports.h"

namespace jixiao::batch {
namespace fs = std::filesystem;

Status MergeRuns(const std::vector<std::string>& dirs, const std::string& out_dir, RunSummary* summary) {
  *summary = RunSummary();
  auto t0 = std::chrono::steady_clock::now();
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return Status::IoError("cannot create " + out_dir + ": " + ec.message());
  std::unique_ptr<FolderLock> lock;
  Status locked = FolderLock::Acquire(out_dir, &lock);
  if (!locked.ok()) return locked;
  fs::path out_canon = fs::weakly_canonical(out_dir, ec);
  for (const std::string& d : dirs) {
    if (fs::weakly_canonical(d, ec) == out_canon) return Status::InvalidInput("--out must not be one of the inputs: " + d);
    if (!fs::exists(fs::path(d) / "manifest.csv") || !fs::exists(fs::path(d) / "archive.sqlite"))
      return Status::InvalidInput(d + " is not a jixiao run folder (no manifest.csv or archive.sqlite)");
  }
  std::unique_ptr<archive::Archive> arc;
  Status s = archive::Archive::Open(out_dir + "/archive.sqlite", &arc);
  if (!s.ok()) return s;

  std::vector<ManifestRow> rows;
  std::set<std::pair<std::string, std::string>> seen;  // (file, sha256)
  std::map<std::string, std::string> first_path;       // sha256 -> screened file
  auto add_rows = [&](const std::vector<ManifestRow>& in) {
    for (ManifestRow r : in) {
      if (!seen.insert({r.file, r.sha256}).second) continue;
      bool screened = r.status == "ok" || r.status == "findings" || r.status == "failed" || r.status == "pending";
      if (screened && !r.sha256.empty() && !r.format.empty()) {
        auto it = first_path.find(r.sha256);
        if (it != first_path.end()) {
          r.status = "duplicate";
          r.duplicate_of = it->second;
          r.reason = "与 " + it->second + " 内容相同（SHA-256 一致），未重复处理";
          r.errors = r.warnings = r.infos = 0;
        } else {
          first_path[r.sha256] = r.file;
        }
      }
      rows.push_back(std::move(r));
    }
  };
  if (fs::exists(fs::path(out_dir) / "manifest.csv")) {
    std::vector<ManifestRow> existing;
    s = ReadManifest(out_dir + "/manifest.csv", &existing);
    if (!s.ok()) return s;
    add_rows(existing);
  }
  for (const std::string& d : dirs) {
    int added = 0;
    s = arc->MergeFrom(d + "/archive.sqlite", &added);
    if (!s.ok()) return s;
    std::vector<ManifestRow> in;
    s = ReadManifest(d + "/manifest.csv", &in);
    if (!s.ok()) return s;
    spdlog::info("merge: {}: {} manifest rows, {} documents added to the archive", d, in.size(), added);
    add_rows(in);
  }
  s = arc->Optimize();
  if (!s.ok()) return s;
  s = WriteRunReports(out_dir, rows, arc.get());
  if (!s.ok()) return s;
  s = WriteManifest(out_dir + "/manifest.csv", rows);  // last: it vouches for the reports
  if (!s.ok()) return s;
  CountRows(rows, summary);
  for (const ManifestRow& r : rows) summary->resumed += r.resumed;
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  summary->exit_code = ExitCodeFor(rows);
  spdlog::info("merge: {}", summary->Line());
  return Status::Ok();
}

}  // namespace jixiao::batch
