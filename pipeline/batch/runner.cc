// The batch run: plan (plan.h) -> crashed documents recorded -> worker pool
// (pool.h) -> commits of finished documents to the archive -> removed inputs
// marked -> reports and manifest (see runner.h). Covered by
// pipeline/batch/batch_test.cc and tests/e2e/run_e2e_test.cc.
#include "pipeline/batch/runner.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <malloc.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "pipeline/batch/folder_lock.h"
#include "pipeline/batch/inputs.h"
#include "pipeline/batch/plan.h"
#include "pipeline/batch/pool.h"
#include "pipeline/batch/progress.h"
#include "pipeline/batch/reports.h"

namespace jixiao::batch {
namespace {

using Clock = std::chrono::steady_clock;

// The report to store for a result: the screener's, with what the run knows
// of the input (its name in the reports, the hash of what was read).
const ScreenReport& Complete(const ManifestRow& row, const RunOptions& options, ScreenResult* r) {
  ScreenReport& rep = r->report;
  rep.file = row.file;  // the name as reports show it (valid UTF-8), not the bytes opened
  rep.sha256 = row.sha256;
  if (rep.format.empty()) rep.format = row.format;
  if (rep.size == 0) rep.size = row.size;
  if (rep.jixiao_version.empty()) rep.jixiao_version = options.version;
  return rep;
}

// Stores finished documents in one archive transaction and updates their rows.
class Committer {
 public:
  Committer(archive::Archive* arc, const RunOptions& options, std::vector<ManifestRow>* rows, RunSummary* summary)
      : arc_(arc), options_(options), rows_(*rows), summary_(summary) {}

  Status Commit(std::vector<Done>& batch) {
    std::vector<archive::Archive::Entry> entries;
    for (Done& d : batch) {
      ManifestRow& row = rows_[d.row];
      if (!d.sha256.empty() && d.sha256 != row.sha256) {
        spdlog::warn("{}: content changed since it was listed; stored under the hash of what was read", row.file);
        row.sha256 = d.sha256;
      }
      entries.push_back({&d.result.doc, &Complete(row, options_, &d.result)});
    }
    Status st = arc_->Add(entries);
    if (!st.ok()) {
      spdlog::error("archive: {}", st.ToString());
      return st;
    }
    for (Done& d : batch) {
      ManifestRow& row = rows_[d.row];
      ApplyReport(&row, d.result.report);
      row.pages = d.result.doc.source.page_count;
      row.seconds = d.seconds;
      if (row.pages > 0) summary_->pages += row.pages;
      failures_ += row.status == Outcome::kFailed;
      if (row.status == Outcome::kFailed) spdlog::warn("failed: {}: {}", row.file, row.reason);
      else spdlog::info("{}: {} in {:.2f} s ({} errors, {} warnings, {} notes)", OutcomeName(row.status), row.file,
                        row.seconds, row.errors, row.warnings, row.infos);
    }
    completed_ += batch.size();
    summary_->screened += static_cast<int>(batch.size());
    return Status::Ok();
  }

  size_t completed() const { return completed_; }
  int failures() const { return failures_; }

 private:
  archive::Archive* arc_;
  const RunOptions& options_;
  std::vector<ManifestRow>& rows_;
  RunSummary* summary_;
  size_t completed_ = 0;
  int failures_ = 0;
};

// Documents the plan found crashing the process run after run: failed now.
Status RecordCrashed(RunPlan* plan, const RunOptions& options, archive::Archive* arc) {
  if (plan->crashed.empty()) return Status::Ok();
  std::vector<archive::Archive::Entry> entries;
  for (auto& [row, result] : plan->crashed)
    entries.push_back({&result.doc, &Complete(plan->rows[row], options, &result)});
  Status s = arc->Add(entries);
  if (!s.ok()) return s;
  for (auto& [row, result] : plan->crashed) {
    ApplyReport(&plan->rows[row], result.report);
    spdlog::error("{}: begun {} times by earlier runs that never finished it; recorded as failed",
                  plan->rows[row].file, kMaxCrashes);
  }
  return Status::Ok();
}

// The pool's loop: commits what the workers finish, rewrites the manifest
// every 2 s, stops on a signal. Returns the archive's error, if any.
Status Screen(const RunOptions& options, const ScreenFunction& screen, RunPlan* plan, archive::Archive* arc,
              const std::string& dir, RunSummary* summary, size_t* completed, int* abandoned) {
  std::vector<std::string> shas;
  for (size_t r : plan->todo) shas.push_back(plan->rows[r].sha256);
  const double limit = options.screen.extract.time_limit_seconds;
  const double watchdog =
      options.watchdog_seconds > 0 ? options.watchdog_seconds : limit > 0 ? limit * 1.5 + 5 : 0;
  Pool pool(screen, options.screen, plan->todo_paths, plan->todo, shas, dir + "/inflight.log", options.jobs,
            watchdog);
  SignalGuard signals;
  pool.Start();
  const bool bar = options.progress == 1 || (options.progress < 0 && ::isatty(STDERR_FILENO));
  Progress progress(static_cast<int>(plan->todo.size()), bar, options.progress_interval, stderr);
  Committer committer(arc, options, &plan->rows, summary);
  auto last_manifest = Clock::now();
  size_t trimmed = 0;
  Status run_status;
  while (committer.completed() < plan->todo.size()) {
    std::vector<Done> batch = pool.Take(options.batch_size);
    if (!batch.empty()) {
      run_status = committer.Commit(batch);
      if (!run_status.ok()) break;
      batch.clear();
      // What the documents freed goes back to the system, every 256 of
      // them: left to the allocator, the worker threads' arenas keep growing
      // with the run (fragmentation), not with any one document.
      if (committer.completed() >= trimmed + 256) {
        ::malloc_trim(0);
        trimmed = committer.completed();
      }
    }
    progress.Update(static_cast<int>(committer.completed()), committer.failures());
    if (std::chrono::duration<double>(Clock::now() - last_manifest).count() >= 2) {
      WriteManifest(dir + "/manifest.csv", plan->rows);
      last_manifest = Clock::now();
    }
    if (signals.Received()) {
      summary->interrupted = true;
      spdlog::warn("run: signal {} received; stopping, unfinished documents stay pending", signals.Received());
      break;
    }
  }
  // Interrupted: keep what is already finished (at most a short wait for
  // documents in progress, which keep their time limit otherwise).
  std::vector<Done> rest = pool.Stop(summary->interrupted);
  if (!rest.empty() && run_status.ok()) run_status = committer.Commit(rest);
  progress.Finish();
  *completed = committer.completed();
  *abandoned = pool.Finish(*completed == plan->todo.size() && run_status.ok());
  return run_status;
}

}  // namespace

void ApplyReport(ManifestRow* row, const ScreenReport& report) {
  const FindingCounts c = report.counts();
  row->errors = c.error;
  row->warnings = c.warning;
  row->infos = c.info;
  row->status = OutcomeOf(report);
  row->code = report.code;
  row->reason = OutcomeReason(report);
}

void ApplyStored(ManifestRow* row, const archive::StoredDoc& st) {
  row->pages = st.pages;
  row->errors = st.n_error;
  row->warnings = st.n_warning;
  row->infos = st.n_info;
  row->status = st.outcome;
  row->code = st.code;
  row->reason = st.status_reason;
}

std::string RunSummary::Line() const {
  std::string line = std::to_string(inputs) + " 个输入：" + std::to_string(ok) + " 个通过，" +
                     std::to_string(findings) + " 个有问题，" + std::to_string(failed) + " 个处理失败";
  if (timeouts) line += "（其中 " + std::to_string(timeouts) + " 个超时）";
  line += "，" + std::to_string(skipped) + " 个已跳过，" + std::to_string(duplicates) + " 个重复";
  if (partial) line += "，" + std::to_string(partial) + " 个只读取了部分内容";
  if (pending) line += "，" + std::to_string(pending) + " 个未完成";
  if (removed) line += "，" + std::to_string(removed) + " 个已从输入文件夹移除";
  char speed[96];
  std::snprintf(speed, sizeof speed, "用时 %.1f 秒（每秒 %.1f 份）", seconds, seconds > 0 ? screened / seconds : 0.0);
  line += "；沿用上次结果 " + std::to_string(resumed) + " 个，本次处理 " + std::to_string(screened) + " 个，" + speed;
  if (other_shards) line += "，另有 " + std::to_string(other_shards) + " 个属于其他分片";
  line += "；退出码 " + std::to_string(exit_code);
  return line;
}

void CountRows(const std::vector<ManifestRow>& rows, RunSummary* s) {
  s->inputs = static_cast<int>(rows.size());
  s->ok = s->findings = s->failed = s->timeouts = s->skipped = s->duplicates = s->pending = s->partial = 0;
  for (const ManifestRow& r : rows) {
    s->partial += (r.status == Outcome::kOk || r.status == Outcome::kFindings) &&
                  r.reason.rfind(kPartialReason, 0) == 0;
    switch (r.status) {
      case Outcome::kOk: ++s->ok; break;
      case Outcome::kFindings: ++s->findings; break;
      case Outcome::kFailed: ++s->failed, s->timeouts += r.code == Status::Code::kTimeout; break;
      case Outcome::kSkipped: ++s->skipped; break;
      case Outcome::kDuplicate: ++s->duplicates; break;
      case Outcome::kPending:
      case Outcome::kRemoved: ++s->pending; break;
    }
  }
}

int ExitCodeFor(const std::vector<ManifestRow>& rows) {
  std::vector<ExitInput> inputs;
  for (const ManifestRow& r : rows) inputs.push_back({r.status, r.file});
  return jixiao::ExitCodeFor(inputs);
}

Status InstallRunLog(const std::string& dir, bool verbose) {
  try {
    auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(dir + "/jixiao.log", false);
    auto logger = std::make_shared<spdlog::logger>("jixiao", sink);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %l [%t] %v");
    logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    logger->flush_on(spdlog::level::info);
    spdlog::set_default_logger(logger);
  } catch (const std::exception& e) {
    return Status::IoError(std::string("cannot open log: ") + e.what());
  }
  return Status::Ok();
}

Status RunBatch(const RunOptions& options, const ScreenFunction& screen, RunSummary* summary) {
  *summary = RunSummary();
  auto t0 = Clock::now();
  std::error_code ec;
  std::filesystem::create_directories(options.out_dir, ec);
  if (ec) return Status::IoError("cannot create " + options.out_dir + ": " + ec.message());
  const std::string dir = options.out_dir;
  std::unique_ptr<FolderLock> lock;
  Status s = FolderLock::Acquire(dir, &lock);
  if (!s.ok()) return s;
  spdlog::info("run: jixiao {} jobs={} shard={}/{} time_limit={}s out={}", options.version, options.jobs,
               options.shard_index, options.shard_count, options.screen.extract.time_limit_seconds, dir);

  std::unique_ptr<archive::Archive> arc;
  s = archive::Archive::Open(dir + "/archive.sqlite", &arc);
  if (!s.ok()) return s;
  // Memory bounded by the document, not by the batch (README "Limits and safety").
  s = arc->UseLittleMemory();
  if (!s.ok()) return s;
  std::map<std::string, archive::StoredDoc> stored;
  s = arc->LoadStored(&stored);
  if (!s.ok()) return s;
  RunPlan plan;
  s = PlanRun(options, stored, dir + "/inflight.log", &plan);
  if (!s.ok()) return s;
  summary->other_shards = plan.other_shards;
  for (const ManifestRow& row : plan.rows) {
    summary->resumed += row.resumed;
    // A resumed document keeps the name this run gives it (the same file
    // found by another path), and one found again is no longer removed.
    if (row.resumed && (stored.at(row.sha256).path != row.file || stored.at(row.sha256).removed)) {
      s = arc->SetPath(row.sha256, row.file);
      if (!s.ok()) return s;
    }
  }
  // Where the inputs are, for the links of the reports to the original files.
  s = arc->SetInputRoots(InputRootDirs(options.paths));
  if (!s.ok()) return s;
  spdlog::info("run: {} inputs in this shard ({} in others), {} to screen, {} resumed", plan.rows.size(),
               plan.other_shards, plan.todo.size(), summary->resumed);
  s = RecordCrashed(&plan, options, arc.get());
  if (!s.ok()) return s;
  const std::string manifest_path = dir + "/manifest.csv";
  s = WriteManifest(manifest_path, plan.rows);
  if (!s.ok()) return s;

  size_t completed = 0;
  int abandoned = 0;
  Status run_status = Screen(options, screen, &plan, arc.get(), dir, summary, &completed, &abandoned);

  // Files an earlier run screened from these folders that are gone now.
  if (run_status.ok() && !summary->interrupted) {
    Status rs = arc->MarkRemoved(plan.roots, plan.present, &summary->removed);
    if (!rs.ok()) spdlog::warn("archive: marking removed inputs: {}", rs.ToString());
    else if (summary->removed) spdlog::info("run: {} documents of earlier runs no longer found: marked removed", summary->removed);
  }
  // One FTS b-tree instead of the segments the run left, and the freed pages
  // handed back: a smaller archive and faster searches.
  if (run_status.ok() && completed > 0) {
    Status os = arc->Optimize();
    if (!os.ok()) spdlog::warn("archive optimize: {}", os.ToString());
  }
  bool reports_failed = false;
  if (run_status.ok() && options.write_reports) {
    run_status = WriteRunReports(dir, plan.rows, arc.get());
    reports_failed = !run_status.ok();
  }
  // The manifest last: it says the reports beside it are this run's. When
  // they could not be written (a full disk) it is left as the run's last
  // progress write; the archive has every finished document and the next run
  // writes the reports again.
  if (!reports_failed) {
    Status ms = WriteManifest(manifest_path, plan.rows);
    if (run_status.ok()) run_status = ms;
  }
  const int removed = summary->removed;
  CountRows(plan.rows, summary);
  summary->removed = removed;
  summary->abandoned = abandoned;
  summary->seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  summary->exit_code = (summary->interrupted || !run_status.ok()) ? 2 : ExitCodeFor(plan.rows);
  spdlog::info("run: {} inputs, exit {}", summary->inputs, summary->exit_code);
  return run_status;
}

}  // namespace jixiao::batch
