// Planning a run (see plan.h). Covered by pipeline/batch/batch_test.cc.
#include "pipeline/batch/plan.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "pipeline/batch/csv.h"
#include "pipeline/batch/inputs.h"

namespace jixiao::batch {

std::map<std::string, int> UnfinishedStarts(const std::string& journal_path) {
  // inflight.log: "start" without "done"; a document finished but not yet
  // committed when the process died has its "done" and is not blamed.
  std::map<std::string, int> started;
  std::string journal;
  if (!ReadWholeFile(journal_path, &journal).ok()) return started;
  size_t pos = 0;
  while (pos < journal.size()) {
    size_t end = journal.find('\n', pos);
    if (end == std::string::npos) break;  // a torn last line
    std::string line = journal.substr(pos, end - pos);
    pos = end + 1;
    if (line.rfind("start ", 0) == 0) ++started[line.substr(6)];
    else if (line.rfind("done ", 0) == 0) --started[line.substr(5)];
  }
  return started;
}

Status PlanRun(const RunOptions& options, const std::map<std::string, archive::StoredDoc>& stored,
               const std::string& journal_path, RunPlan* plan) {
  *plan = RunPlan();
  std::vector<Input> all;
  Status s = CollectInputs(options.paths, options.jobs, &all, &plan->roots);
  if (!s.ok()) return s;
  // The run folder may sit inside an input folder: its own files are not inputs.
  std::error_code ec;
  const std::string out_prefix = std::filesystem::weakly_canonical(options.out_dir, ec).string() + "/";
  std::vector<Input> inputs;
  for (Input& in : all) {
    if (std::filesystem::weakly_canonical(in.path, ec).string().rfind(out_prefix, 0) == 0) continue;
    if (!in.sha256.empty()) plan->present.insert(in.sha256);
    if (ShardOf(in, options.shard_count) == options.shard_index) inputs.push_back(std::move(in));
    else ++plan->other_shards;
  }
  std::map<std::string, int> started = UnfinishedStarts(journal_path);
  std::map<std::string, std::string> first_path;  // sha256 -> first screened path
  std::vector<ManifestRow>& rows = plan->rows;
  for (const Input& in : inputs) {
    ManifestRow row;
    row.file = in.name.empty() ? in.path : in.name;
    row.sha256 = in.sha256;
    row.size = in.size;
    row.format = in.format;
    row.jixiao_version = options.version;
    if (!in.read_error.empty()) {
      spdlog::warn("{}: cannot read: {}", row.file, in.read_error);
      row.status = Outcome::kFailed;
      row.code = Status::Code::kIoError;
      row.reason = "无法读取文件";
    } else if (!in.skip_reason.empty()) {
      row.status = Outcome::kSkipped;
      row.reason = in.skip_reason;
    } else if (auto it = first_path.find(in.sha256); it != first_path.end()) {
      row.status = Outcome::kDuplicate;
      row.duplicate_of = it->second;
      row.reason = "与 " + it->second + " 内容相同（SHA-256 一致），未重复处理";
    } else {
      first_path[in.sha256] = row.file;
      auto st = stored.find(in.sha256);
      const bool retry = options.retry_failed && st != stored.end() &&
                         (st->second.outcome == Outcome::kFailed ||
                          st->second.status_reason.rfind(kPartialReason, 0) == 0);
      const bool reuse = st != stored.end() && st->second.jixiao_version == options.version && !retry;
      const int crashes = started[in.sha256];
      if (!reuse && crashes >= kMaxCrashes && !options.retry_failed) {
        // Begun in kMaxCrashes earlier runs that never finished: the screener
        // most likely crashed on it. Record it failed so the batch goes on.
        ScreenResult failed;
        failed.doc.source.path = in.path;
        failed.doc.status = DocumentStatus::kFailed;
        failed.report.status = DocumentStatus::kFailed;
        failed.report.code = Status::Code::kInternal;
        failed.report.reason = "处理该文件时程序异常退出（已尝试 " + std::to_string(crashes) +
                               " 次），已跳过；可用 --retry-failed 重试";
        plan->crashed.push_back({rows.size(), std::move(failed)});
      } else if (reuse) {
        row.resumed = true;
        ApplyStored(&row, st->second);
      } else {
        plan->todo.push_back(rows.size());
        plan->todo_paths.push_back(in.path);
      }
    }
    rows.push_back(std::move(row));
  }
  return Status::Ok();
}

}  // namespace jixiao::batch
