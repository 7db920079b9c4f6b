// The batch run: inputs -> manifest rows (skipped, duplicate, resumed,
// pending) -> worker pool + watchdog -> archive batches -> manifest and
// reports (see runner.h). Covered by pipeline/batch/batch_test.cc and
// tests/e2e/run_e2e_test.cc.
#include "pipeline/batch/runner.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "pipeline/archive/archive.h"
#include "pipeline/batch/csv.h"
#include "pipeline/batch/folder_lock.h"
#include "pipeline/batch/inputs.h"
#include "pipeline/batch/progress.h"
#include "pipeline/batch/reports.h"
#include "pipeline/model/source_info.h"

namespace jixiao::batch {
namespace {

// Starts the manifest reason of a document screened on part of its text.
constexpr const char kPartialReason[] = "部分内容未能读取：";

using Clock = std::chrono::steady_clock;
using Json = nlohmann::ordered_json;

std::atomic<int> g_signal{0};
extern "C" void OnSignal(int sig) { g_signal = sig; }

// A document begun this many times by runs that never finished it is failed.
constexpr int kMaxCrashes = 2;

bool IsTimeout(const std::string& reason) {
  return reason.find("超时") != std::string::npos || reason.find("timeout") != std::string::npos ||
         reason.find("time limit") != std::string::npos || reason.find("timed out") != std::string::npos;
}

struct Done {
  size_t row;                // index into rows
  ScreenResult result;
  double seconds = 0;
  std::string sha256;        // of the bytes screened (empty: as listed)
};

// What identifies one version of a file: a write changes ctime (which no
// user can set back), a rename puts another inode behind the path.
struct FileStamp {
  dev_t dev = 0;
  ino_t ino = 0;
  off_t size = -1;
  struct timespec mtime = {}, ctime = {};
  bool operator==(const FileStamp& o) const {
    return dev == o.dev && ino == o.ino && size == o.size && mtime.tv_sec == o.mtime.tv_sec &&
           mtime.tv_nsec == o.mtime.tv_nsec && ctime.tv_sec == o.ctime.tv_sec && ctime.tv_nsec == o.ctime.tv_nsec;
  }
};

FileStamp StampOf(const std::string& path) {
  FileStamp f;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return f;
  f.dev = st.st_dev;
  f.ino = st.st_ino;
  f.size = st.st_size;
  f.mtime = st.st_mtim;
  f.ctime = st.st_ctim;
  return f;
}

// A file that keeps changing while it is screened is given up after this
// many attempts.
constexpr int kChangeAttempts = 3;

// State shared with the workers; held by shared_ptr so an abandoned (stuck)
// worker never touches freed memory.
struct Shared {
  std::mutex mu;
  std::condition_variable cv;
  ScreenFunction screen;
  int journal_fd = -1;             // DIR/inflight.log: "start <sha256>" / "done <sha256>" per document
  std::vector<std::string> shas;   // by todo position
  ScreenOptions options;
  std::vector<std::string> paths;  // by todo position
  std::vector<size_t> rows;        // by todo position
  size_t next = 0;
  bool stop = false;
  std::deque<Done> done;
  struct Slot {
    bool busy = false;
    bool abandoned = false;
    size_t todo = 0;
    Clock::time_point start;
  };
  std::deque<Slot> slots;  // stable addresses
};

ScreenResult FailedResult(const std::string& path, const std::string& reason) {
  ScreenResult r;
  r.doc.source.path = path;
  r.doc.status = DocumentStatus::kFailed;
  r.doc.status_reason = reason;
  return r;
}

void Worker(std::shared_ptr<Shared> s, size_t slot_id) {
  for (;;) {
    size_t todo;
    {
      std::lock_guard<std::mutex> lock(s->mu);
      Shared::Slot& slot = s->slots[slot_id];
      if (s->stop || s->next >= s->paths.size()) {
        slot.busy = false;
        return;
      }
      todo = s->next++;
      slot.busy = true;
      slot.todo = todo;
      slot.start = Clock::now();
      if (s->journal_fd >= 0) {
        std::string line = "start " + s->shas[todo] + "\n";  // one write(2): atomic with O_APPEND
        if (::write(s->journal_fd, line.data(), line.size()) < 0) spdlog::warn("cannot write inflight.log");
      }
    }
    auto start = Clock::now();
    ScreenResult result;
    // Hash what is read: the file is hashed again right before it is
    // screened, and the screening counts only when the file did not change
    // from before that hash to after the screening. The report is then stored
    // under the hash of the very bytes it was made from, even when the file
    // changed since the inputs were listed.
    std::string sha;
    for (int attempt = 1;; ++attempt) {
      FileStamp before = StampOf(s->paths[todo]);
      SourceInfo info;
      Status hs = ReadSourceInfo(s->paths[todo], &info);
      if (!hs.ok()) {
        result = FailedResult(s->paths[todo], "无法读取文件（" + hs.message() + "）");
        break;
      }
      sha = info.sha256;
      try {
        result = s->screen(s->paths[todo], s->options);
      } catch (const std::exception& e) {
        result = FailedResult(s->paths[todo], std::string("内部错误（internal error: ") + e.what() + "）");
      } catch (...) {
        result = FailedResult(s->paths[todo], "内部错误（internal error）");
      }
      if (StampOf(s->paths[todo]) == before) break;
      spdlog::warn("{} changed while it was screened (attempt {})", s->paths[todo], attempt);
      if (attempt == kChangeAttempts) {
        result = FailedResult(s->paths[todo], "文件在处理过程中不断被修改（已尝试 " + std::to_string(attempt) +
                                                  " 次），请在文件不再变化后重新运行");
        break;
      }
    }
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (s->journal_fd >= 0) {
      std::string line = "done " + s->shas[todo] + "\n";
      if (::write(s->journal_fd, line.data(), line.size()) < 0) spdlog::warn("cannot write inflight.log");
    }
    std::lock_guard<std::mutex> lock(s->mu);
    Shared::Slot& slot = s->slots[slot_id];
    if (slot.abandoned) return;  // the watchdog recorded a timeout and replaced us
    slot.busy = false;
    s->done.push_back(Done{s->rows[todo], std::move(result), seconds, sha});
    s->cv.notify_all();
  }
}

// The report to store for a result: the screener's, completed with what the
// run knows (sha256 of the input, version, a minimal shape for failures).
Json ReportFor(const ManifestRow& row, const ScreenResult& r, const std::string& version) {
  Json rep = r.report.is_object() ? r.report : Json::object();
  rep["file"] = row.file;  // the name as reports show it (valid UTF-8), not the bytes opened
  rep["sha256"] = row.sha256;
  if (!rep.contains("format")) rep["format"] = row.format;
  if (!rep.contains("size")) rep["size"] = row.size;
  if (!rep.contains("status") || r.doc.status == DocumentStatus::kFailed) {
    rep["status"] = DocumentStatusName(r.doc.status);
    if (!r.doc.status_reason.empty()) rep["status_reason"] = r.doc.status_reason;
  }
  if (!rep.contains("jixiao_version")) rep["jixiao_version"] = version;
  for (const char* k : {"unit", "year"})
    if (!rep.contains(k)) rep[k] = nullptr;
  if (!rep.contains("figures")) rep["figures"] = Json::object();
  if (!rep.contains("facts")) rep["facts"] = Json::array();
  if (!rep.contains("findings")) rep["findings"] = Json::array();
  if (!rep.contains("counts")) {
    Json counts = {{"error", 0}, {"warning", 0}, {"info", 0}};
    for (const Json& f : rep["findings"]) {
      std::string sev = f.value("severity", "");
      if (counts.contains(sev)) counts[sev] = counts[sev].get<int>() + 1;
    }
    rep["counts"] = counts;
  }
  return rep;
}

// Fills the outcome columns of a row from a stored report's essentials.
void SetOutcome(ManifestRow* row, const std::string& status, const std::string& reason, int e, int w, int i) {
  row->errors = e;
  row->warnings = w;
  row->infos = i;
  if (status == "failed") {
    row->status = "failed";
    row->reason = reason.empty() ? "无法处理（未说明原因）" : reason;
  } else if (status == "skipped") {
    row->status = "skipped";
    row->reason = reason;
  } else {
    row->status = e + w > 0 ? "findings" : "ok";
    row->reason = status == "partial" ? std::string(kPartialReason) + reason : "";
  }
}

int CountOf(const Json& rep, const char* sev) {
  if (!rep.contains("counts") || !rep["counts"].is_object()) return 0;
  const Json& c = rep["counts"];
  return c.contains(sev) && c[sev].is_number() ? c[sev].get<int>() : 0;
}

}  // namespace

void SetOutcomeFromStored(ManifestRow* row, const archive::StoredDoc& st) {
  row->pages = st.pages;
  SetOutcome(row, st.status, st.status_reason, st.n_error, st.n_warning, st.n_info);
}

std::string RunSummary::Line() const {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "%d inputs: %d ok, %d findings, %d failed (%d timeout), %d skipped, %d duplicates%s%s; "
                "%d resumed, %d screened in %.1f s (%.1f docs/s)%s; exit %d",
                inputs, ok, findings, failed, timeouts, skipped, duplicates,
                partial ? (", " + std::to_string(partial) + " read in part").c_str() : "",
                pending ? (", " + std::to_string(pending) + " pending").c_str() : "", resumed, screened, seconds,
                seconds > 0 ? screened / seconds : 0.0,
                other_shards ? (", " + std::to_string(other_shards) + " in other shards").c_str() : "", exit_code);
  return buf;
}

void CountRows(const std::vector<ManifestRow>& rows, RunSummary* s) {
  s->inputs = static_cast<int>(rows.size());
  s->ok = s->findings = s->failed = s->timeouts = s->skipped = s->duplicates = s->pending = s->partial = 0;
  for (const ManifestRow& r : rows) {
    s->partial += (r.status == "ok" || r.status == "findings") && r.reason.rfind(kPartialReason, 0) == 0;
    if (r.status == "ok") ++s->ok;
    else if (r.status == "findings") ++s->findings;
    else if (r.status == "failed") ++s->failed, s->timeouts += IsTimeout(r.reason);
    else if (r.status == "skipped") ++s->skipped;
    else if (r.status == "duplicate") ++s->duplicates;
    else ++s->pending;
  }
}

int ExitCodeFor(const std::vector<ManifestRow>& rows) {
  bool findings = false;
  for (const ManifestRow& r : rows) {
    if (r.status == "failed" || r.status == "pending") return 2;
    findings |= r.status == "findings";
  }
  return findings ? 1 : 0;
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

  std::vector<Input> all;
  s = CollectInputs(options.paths, options.jobs, &all);
  if (!s.ok()) return s;
  // The run folder may sit inside an input folder: its own files are not inputs.
  std::string out_prefix = std::filesystem::weakly_canonical(dir, ec).string() + "/";
  std::vector<Input> inputs;
  for (Input& in : all) {
    if (std::filesystem::weakly_canonical(in.path, ec).string().rfind(out_prefix, 0) == 0) continue;
    if (ShardOf(in, options.shard_count) == options.shard_index) inputs.push_back(std::move(in));
    else ++summary->other_shards;
  }

  std::unique_ptr<archive::Archive> arc;
  s = archive::Archive::Open(dir + "/archive.sqlite", &arc);
  if (!s.ok()) return s;
  std::map<std::string, archive::StoredDoc> stored;
  s = arc->LoadStored(&stored);
  if (!s.ok()) return s;

  // Documents begun by earlier runs that died before finishing them
  // (inflight.log: "start" without "done"; a document finished but not yet
  // committed when the process died has its "done" and is not blamed).
  const std::string journal_path = dir + "/inflight.log";
  std::map<std::string, int> started;
  {
    std::string journal;
    if (ReadWholeFile(journal_path, &journal).ok()) {
      size_t pos = 0;
      while (pos < journal.size()) {
        size_t end = journal.find('\n', pos);
        if (end == std::string::npos) break;  // a torn last line
        std::string line = journal.substr(pos, end - pos);
        pos = end + 1;
        // Begun and never done: the process died while screening it.
        if (line.rfind("start ", 0) == 0) ++started[line.substr(6)];
        else if (line.rfind("done ", 0) == 0) --started[line.substr(5)];
      }
    }
  }
  std::vector<std::pair<size_t, ScreenResult>> crashed;

  // Rows in path order; decide what each input needs.
  std::vector<ManifestRow> rows;
  std::map<std::string, std::string> first_path;  // sha256 -> first screened path
  std::vector<std::string> todo_paths;
  std::vector<size_t> todo_rows;
  for (const Input& in : inputs) {
    ManifestRow row;
    row.file = in.name.empty() ? in.path : in.name;
    row.sha256 = in.sha256;
    row.size = in.size;
    row.format = in.format;
    row.jixiao_version = options.version;
    if (!in.read_error.empty()) {
      row.status = "failed";
      row.reason = "无法读取文件（" + in.read_error + "）";
    } else if (!in.skip_reason.empty()) {
      row.status = "skipped";
      row.reason = in.skip_reason;
    } else if (auto it = first_path.find(in.sha256); it != first_path.end()) {
      row.status = "duplicate";
      row.duplicate_of = it->second;
      row.reason = "与 " + it->second + " 内容相同（SHA-256 一致），未重复处理";
    } else {
      first_path[in.sha256] = row.file;
      auto st = stored.find(in.sha256);
      bool reuse = st != stored.end() && st->second.jixiao_version == options.version &&
                   !(options.retry_failed && (st->second.status == "failed" || st->second.status == "partial"));
      int crashes = started[in.sha256];
      if (!reuse && crashes >= kMaxCrashes && !options.retry_failed) {
        // Begun in kMaxCrashes earlier runs that never finished: the screener
        // most likely crashed on it. Record it failed so the batch goes on.
        ScreenResult failed = FailedResult(in.path, "处理该文件时程序异常退出（已尝试 " + std::to_string(crashes) +
                                                        " 次），已跳过；可用 --retry-failed 重试");
        crashed.push_back({rows.size(), std::move(failed)});
        row.status = "pending";
        rows.push_back(std::move(row));
        continue;
      }
      if (reuse) {
        row.resumed = true;
        SetOutcomeFromStored(&row, st->second);
      } else {
        row.status = "pending";
        todo_rows.push_back(rows.size());
        todo_paths.push_back(in.path);
      }
    }
    rows.push_back(std::move(row));
  }
  summary->resumed = static_cast<int>(std::count_if(rows.begin(), rows.end(), [](auto& r) { return r.resumed; }));
  spdlog::info("run: {} inputs in this shard ({} in others), {} to screen, {} resumed", rows.size(),
               summary->other_shards, todo_paths.size(), summary->resumed);
  if (!crashed.empty()) {
    std::vector<Json> reports;
    std::vector<archive::Archive::Entry> entries;
    for (auto& [row, result] : crashed) reports.push_back(ReportFor(rows[row], result, options.version));
    for (size_t i = 0; i < crashed.size(); ++i) entries.push_back({&crashed[i].second.doc, &reports[i]});
    s = arc->Add(entries);
    if (!s.ok()) return s;
    for (size_t i = 0; i < crashed.size(); ++i) {
      ManifestRow& row = rows[crashed[i].first];
      SetOutcome(&row, "failed", reports[i].value("status_reason", ""), 0, 0, 0);
      spdlog::error("{}: begun {} times by earlier runs that never finished it; recorded as failed", row.file,
                    kMaxCrashes);
    }
  }
  const std::string manifest_path = dir + "/manifest.csv";
  s = WriteManifest(manifest_path, rows);
  if (!s.ok()) return s;

  // The pool.
  auto shared = std::make_shared<Shared>();
  shared->screen = screen;
  shared->options = options.screen;
  shared->paths = todo_paths;
  shared->rows = todo_rows;
  for (size_t r : todo_rows) shared->shas.push_back(rows[r].sha256);
  shared->journal_fd = ::open(journal_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  const int jobs = std::max(1, std::min<int>(options.jobs, std::max<size_t>(1, todo_paths.size())));
  std::vector<std::thread> threads;
  auto spawn = [&]() {  // caller holds no lock
    size_t id;
    {
      std::lock_guard<std::mutex> lock(shared->mu);
      shared->slots.emplace_back();
      id = shared->slots.size() - 1;
    }
    threads.emplace_back(Worker, shared, id);
  };
  double limit = options.screen.extract.time_limit_seconds;
  double watchdog = options.watchdog_seconds > 0 ? options.watchdog_seconds : limit > 0 ? limit * 1.5 + 5 : 0;

  g_signal = 0;
  auto old_int = std::signal(SIGINT, OnSignal);
  auto old_term = std::signal(SIGTERM, OnSignal);
  if (!todo_paths.empty())
    for (int j = 0; j < jobs; ++j) spawn();

  bool bar = options.progress == 1 || (options.progress < 0 && ::isatty(STDERR_FILENO));
  Progress progress(static_cast<int>(todo_paths.size()), bar, options.progress_interval, stderr);
  size_t completed = 0;
  int failures = 0, abandoned = 0;
  auto last_manifest = Clock::now();
  Status run_status;
  // Stores finished documents (one transaction) and updates their rows.
  auto commit = [&](std::vector<Done>& batch) -> Status {
    std::vector<Json> reports;
    std::vector<archive::Archive::Entry> entries;
    reports.reserve(batch.size());
    for (Done& d : batch) {
      if (!d.sha256.empty() && d.sha256 != rows[d.row].sha256) {
        spdlog::warn("{}: content changed since it was listed; stored under the hash of what was read", rows[d.row].file);
        rows[d.row].sha256 = d.sha256;
      }
      reports.push_back(ReportFor(rows[d.row], d.result, options.version));
    }
    for (size_t i = 0; i < batch.size(); ++i) entries.push_back({&batch[i].result.doc, &reports[i]});
    Status st = arc->Add(entries);
    if (!st.ok()) {
      spdlog::error("archive: {}", st.ToString());
      return st;
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      ManifestRow& row = rows[batch[i].row];
      const Json& rep = reports[i];
      SetOutcome(&row, rep.value("status", "ok"), rep.value("status_reason", ""), CountOf(rep, "error"),
                 CountOf(rep, "warning"), CountOf(rep, "info"));
      row.pages = batch[i].result.doc.source.page_count;
      row.seconds = batch[i].seconds;
      if (row.pages > 0) summary->pages += row.pages;
      failures += row.status == "failed";
      if (row.status == "failed") spdlog::warn("failed: {}: {}", row.file, row.reason);
      else spdlog::info("{}: {} in {:.2f} s ({} errors, {} warnings, {} notes)", row.status, row.file,
                        row.seconds, row.errors, row.warnings, row.infos);
    }
    completed += batch.size();
    summary->screened += static_cast<int>(batch.size());
    return Status::Ok();
  };
  while (completed < todo_paths.size()) {
    std::vector<Done> batch;
    {
      std::unique_lock<std::mutex> lock(shared->mu);
      shared->cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return !shared->done.empty(); });
      while (!shared->done.empty() && static_cast<int>(batch.size()) < options.batch_size) {
        batch.push_back(std::move(shared->done.front()));
        shared->done.pop_front();
      }
      // Watchdog: a document running past its time is recorded as a timeout
      // and its worker replaced (the stuck thread cannot be stopped).
      if (watchdog > 0 && !shared->stop) {
        auto now = Clock::now();
        for (auto& slot : shared->slots) {
          if (!slot.busy || slot.abandoned) continue;
          double ran = std::chrono::duration<double>(now - slot.start).count();
          if (ran < watchdog) continue;
          slot.abandoned = true;
          ++abandoned;
          char reason[160];
          std::snprintf(reason, sizeof reason, "超时：处理超过 %.0f 秒仍未完成，已放弃（timeout, watchdog）", watchdog);
          batch.push_back(Done{shared->rows[slot.todo], FailedResult(shared->paths[slot.todo], reason), ran});
          spdlog::error("watchdog: {} still running after {:.0f} s; recorded as timeout, worker replaced",
                        shared->paths[slot.todo], ran);
        }
      }
    }
    while (static_cast<int>(threads.size()) < jobs + abandoned) spawn();
    if (!batch.empty()) {
      run_status = commit(batch);
      if (!run_status.ok()) break;
    }
    progress.Update(static_cast<int>(completed), failures);
    if (std::chrono::duration<double>(Clock::now() - last_manifest).count() >= 2) {
      WriteManifest(manifest_path, rows);
      last_manifest = Clock::now();
    }
    if (g_signal) {
      summary->interrupted = true;
      spdlog::warn("run: signal {} received; stopping, unfinished documents stay pending", g_signal.load());
      std::lock_guard<std::mutex> lock(shared->mu);
      shared->stop = true;
      break;
    }
  }
  {
    // Interrupted: keep what is already finished (at most a short wait for
    // documents in progress, which keep their time limit otherwise).
    std::vector<Done> rest;
    {
      std::unique_lock<std::mutex> lock(shared->mu);
      shared->stop = true;
      if (summary->interrupted) {
        shared->cv.wait_for(lock, std::chrono::seconds(2), [&] {
          for (const auto& slot : shared->slots)
            if (slot.busy && !slot.abandoned) return false;
          return true;
        });
      }
      while (!shared->done.empty()) {
        rest.push_back(std::move(shared->done.front()));
        shared->done.pop_front();
      }
    }
    if (!rest.empty() && run_status.ok()) run_status = commit(rest);
  }
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  progress.Finish();
  // Workers that are between documents exit at once; one still screening
  // (interrupted run, archive error) or abandoned is detached: its result is
  // dropped and the document stays pending for the next run.
  {
    std::unique_lock<std::mutex> lock(shared->mu);
    for (size_t i = 0; i < threads.size(); ++i) {
      bool idle = !shared->slots[i].busy && !shared->slots[i].abandoned;
      lock.unlock();
      if (idle) {
        threads[i].join();
      } else {
        std::lock_guard<std::mutex> l2(shared->mu);
        if (!shared->slots[i].abandoned) ++abandoned;  // the caller must not run static destructors under it
        shared->slots[i].abandoned = true;
      }
      lock.lock();
      if (threads[i].joinable()) threads[i].detach();
    }
  }

  // The journal is only needed while something is unfinished. (The fd stays
  // open for detached workers; the process exit closes it.)
  if (completed == todo_paths.size() && run_status.ok() && abandoned == 0) {
    if (shared->journal_fd >= 0 && ::ftruncate(shared->journal_fd, 0) != 0) spdlog::warn("cannot reset inflight.log");
    ::close(shared->journal_fd);
    shared->journal_fd = -1;
  }
  // One FTS b-tree instead of the segments the run left, and the freed pages
  // handed back: a smaller archive and faster searches.
  if (run_status.ok() && completed > 0) {
    Status os = arc->Optimize();
    if (!os.ok()) spdlog::warn("archive optimize: {}", os.ToString());
  }
  bool reports_failed = false;
  if (run_status.ok() && options.write_reports) {
    run_status = WriteRunReports(dir, rows, arc.get());
    reports_failed = !run_status.ok();
  }
  // The manifest last: it says the reports beside it are this run's. When
  // they could not be written (a full disk) it is left as the run's last
  // progress write; the archive has every finished document and the next run
  // writes the reports again.
  if (!reports_failed) {
    Status ms = WriteManifest(manifest_path, rows);
    if (run_status.ok()) run_status = ms;
  }
  CountRows(rows, summary);
  summary->abandoned = abandoned;
  summary->seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  summary->exit_code = (summary->interrupted || !run_status.ok()) ? 2 : ExitCodeFor(rows);
  spdlog::info("run: {}", summary->Line());
  return run_status;
}

}  // namespace jixiao::batch
