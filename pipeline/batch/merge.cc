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

  // Every run folder must come from one jixiao version (a resumed run
  // screens again what an older version screened; a merge cannot, so it
  // refuses rather than mix reports whose checks differ).
  std::map<std::string, std::string> versions;  // version -> first folder holding it
  std::vector<std::vector<ManifestRow>> manifests;
  std::vector<std::string> sources;
  if (fs::exists(fs::path(out_dir) / "manifest.csv")) sources.push_back(out_dir);
  for (const std::string& d : dirs) sources.push_back(d);
  for (const std::string& d : sources) {
    std::vector<ManifestRow> in;
    s = ReadManifest(d + "/manifest.csv", &in);
    if (!s.ok()) return s;
    for (const ManifestRow& r : in)
      if (!r.jixiao_version.empty()) versions.emplace(r.jixiao_version, d);
    manifests.push_back(std::move(in));
  }
  if (versions.size() > 1) {
    std::string list;
    for (const auto& [v, d] : versions) list += (list.empty() ? "" : "；") + v + "（" + d + "）";
    return Status::InvalidInput("要合并的结果来自不同版本的 jixiao：" + list +
                                "。请用同一版本重新处理后再合并（reports of different jixiao versions are not merged）");
  }

  std::vector<ManifestRow> rows;
  std::map<std::pair<std::string, std::string>, size_t> seen;  // (file, sha256) -> row
  std::map<std::string, std::string> first_path;                // sha256 -> screened file
  auto add_rows = [&](const std::vector<ManifestRow>& in) {
    for (ManifestRow r : in) {
      auto key = std::make_pair(r.file, r.sha256);
      if (auto it = seen.find(key); it != seen.end()) {
        // The same input again: a finished outcome replaces a pending one
        // (a shard killed, merged, then run to the end and merged again).
        ManifestRow& old = rows[it->second];
        if (old.status == Outcome::kPending && r.status != Outcome::kPending && r.status != Outcome::kDuplicate) {
          r.duplicate_of.clear();
          old = std::move(r);
        }
        continue;
      }
      bool screened = r.status == Outcome::kOk || r.status == Outcome::kFindings || r.status == Outcome::kFailed || r.status == Outcome::kPending;
      if (screened && !r.sha256.empty() && !r.format.empty()) {
        auto it = first_path.find(r.sha256);
        if (it != first_path.end()) {
          r.status = Outcome::kDuplicate;
          r.duplicate_of = it->second;
          r.reason = "与 " + it->second + " 内容相同（SHA-256 一致），未重复处理";
          r.errors = r.warnings = r.infos = 0;
        } else {
          first_path[r.sha256] = r.file;
        }
      }
      seen[key] = rows.size();
      rows.push_back(std::move(r));
    }
  };
  size_t m = 0;
  if (sources.size() > dirs.size()) add_rows(manifests[m++]);
  for (const std::string& d : dirs) {
    int added = 0;
    s = arc->MergeFrom(d + "/archive.sqlite", &added);
    if (!s.ok()) return s;
    spdlog::info("merge: {}: {} manifest rows, {} documents added to the archive", d, manifests[m].size(), added);
    add_rows(manifests[m++]);
  }
  // The archive is the durable record: a row still pending whose document
  // the merged archive holds (finished by a later run of its shard) takes
  // its outcome from there.
  std::map<std::string, archive::StoredDoc> stored;
  s = arc->LoadStored(&stored);
  if (!s.ok()) return s;
  for (ManifestRow& r : rows) {
    if (r.status != Outcome::kPending) continue;
    auto it = stored.find(r.sha256);
    if (it != stored.end()) ApplyStored(&r, it->second);
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
