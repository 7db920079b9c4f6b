// The worker pool, watchdog and signal handling of a run (see pool.h).
// Covered by pipeline/batch/batch_test.cc and hostile_test.cc.
#include "pipeline/batch/pool.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <mutex>

#include "pipeline/model/source_info.h"

namespace jixiao::batch {
namespace {

using Clock = std::chrono::steady_clock;

std::atomic<int> g_signal{0};
extern "C" void OnSignal(int sig) { g_signal = sig; }

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

ScreenResult FailedResult(const std::string& path, Status::Code code, const std::string& reason) {
  ScreenResult r;
  r.doc.source.path = path;
  r.doc.status = DocumentStatus::kFailed;
  r.doc.status_reason = reason;
  r.report.status = DocumentStatus::kFailed;
  r.report.code = code;
  r.report.reason = reason;
  return r;
}

}  // namespace

// State shared with the workers; held by shared_ptr so an abandoned (stuck)
// worker never touches freed memory.
struct Pool::Shared {
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
  // Finished documents waiting for the committer, at most: a worker with
  // its result waits for room, so memory is bounded by a few documents, not
  // by how far the workers run ahead of the archive (they did: every result
  // of a 10,000-document batch could be queued at once).
  size_t max_done = 8;
  struct Slot {
    bool busy = false;
    bool abandoned = false;
    bool waiting = false;  // finished, waiting for room in `done` (not the watchdog's)
    size_t todo = 0;
    Clock::time_point start;
  };
  std::deque<Slot> slots;  // stable addresses

  void Journal(const char* what, size_t todo) {
    if (journal_fd < 0) return;
    std::string line = std::string(what) + " " + shas[todo] + "\n";  // one write(2): atomic with O_APPEND
    if (::write(journal_fd, line.data(), line.size()) < 0) spdlog::warn("cannot write inflight.log");
  }
};

namespace {

// Screens one file; hashes what is read (see pool.h).
ScreenResult ScreenOne(Pool::Shared& s, size_t todo, std::string* sha) {
  const std::string& path = s.paths[todo];
  ScreenResult result;
  for (int attempt = 1;; ++attempt) {
    FileStamp before = StampOf(path);
    SourceInfo info;
    Status hs = ReadSourceInfo(path, &info);
    if (!hs.ok()) {
      spdlog::warn("{}: cannot read: {}", path, hs.ToString());
      return FailedResult(path, Status::Code::kIoError, "无法读取文件");
    }
    *sha = info.sha256;
    try {
      result = s.screen(path, s.options);
    } catch (const std::exception& e) {
      spdlog::error("{}: internal error: {}", path, e.what());
      result = FailedResult(path, Status::Code::kInternal, "处理时发生内部错误，请将此文件提供给维护人员");
    } catch (...) {
      spdlog::error("{}: internal error", path);
      result = FailedResult(path, Status::Code::kInternal, "处理时发生内部错误，请将此文件提供给维护人员");
    }
    if (StampOf(path) == before) return result;
    spdlog::warn("{} changed while it was screened (attempt {})", path, attempt);
    if (attempt == kChangeAttempts)
      return FailedResult(path, Status::Code::kIoError,
                          "文件在处理过程中不断被修改（已尝试 " + std::to_string(attempt) +
                              " 次），请在文件不再变化后重新运行");
  }
}

void Worker(std::shared_ptr<Pool::Shared> s, size_t slot_id) {
  for (;;) {
    size_t todo;
    {
      std::lock_guard<std::mutex> lock(s->mu);
      Pool::Shared::Slot& slot = s->slots[slot_id];
      if (s->stop || s->next >= s->paths.size()) {
        slot.busy = false;
        return;
      }
      todo = s->next++;
      slot.busy = true;
      slot.todo = todo;
      slot.start = Clock::now();
      s->Journal("start", todo);
    }
    auto start = Clock::now();
    std::string sha;
    ScreenResult result = ScreenOne(*s, todo, &sha);
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    s->Journal("done", todo);
    std::unique_lock<std::mutex> lock(s->mu);
    if (s->slots[slot_id].abandoned) return;  // the watchdog recorded a timeout and replaced us
    s->slots[slot_id].waiting = true;
    s->cv.wait(lock, [&] { return s->done.size() < s->max_done || s->stop; });
    Pool::Shared::Slot& slot = s->slots[slot_id];
    slot.waiting = false;
    if (slot.abandoned) return;
    slot.busy = false;
    s->done.push_back(Done{s->rows[todo], std::move(result), seconds, sha});
    s->cv.notify_all();
  }
}

}  // namespace

Pool::Pool(const ScreenFunction& screen, const ScreenOptions& options, std::vector<std::string> paths,
           std::vector<size_t> rows, std::vector<std::string> shas, const std::string& journal_path, int jobs,
           double watchdog_seconds)
    : shared_(std::make_shared<Shared>()), watchdog_(watchdog_seconds) {
  shared_->screen = screen;
  shared_->options = options;
  shared_->paths = std::move(paths);
  shared_->rows = std::move(rows);
  shared_->shas = std::move(shas);
  shared_->journal_fd = ::open(journal_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  jobs_ = std::max(1, std::min<int>(jobs, static_cast<int>(std::max<size_t>(1, shared_->paths.size()))));
  shared_->max_done = static_cast<size_t>(std::max(8, 4 * jobs_));
}

Pool::~Pool() {
  for (std::thread& t : threads_)
    if (t.joinable()) t.detach();
}

void Pool::Spawn() {  // caller holds no lock
  size_t id;
  {
    std::lock_guard<std::mutex> lock(shared_->mu);
    shared_->slots.emplace_back();
    id = shared_->slots.size() - 1;
  }
  threads_.emplace_back(Worker, shared_, id);
}

void Pool::Start() {
  if (shared_->paths.empty()) return;
  for (int j = 0; j < jobs_; ++j) Spawn();
}

std::vector<Done> Pool::Take(int max) {
  std::vector<Done> batch;
  {
    std::unique_lock<std::mutex> lock(shared_->mu);
    shared_->cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return !shared_->done.empty(); });
    while (!shared_->done.empty() && static_cast<int>(batch.size()) < max) {
      batch.push_back(std::move(shared_->done.front()));
      shared_->done.pop_front();
    }
    if (!batch.empty()) shared_->cv.notify_all();  // room for the workers waiting with a result
    // Watchdog: a document running past its time is recorded as a timeout
    // and its worker replaced (the stuck thread cannot be stopped).
    if (watchdog_ > 0 && !shared_->stop) {
      auto now = Clock::now();
      for (auto& slot : shared_->slots) {
        if (!slot.busy || slot.abandoned || slot.waiting) continue;
        double ran = std::chrono::duration<double>(now - slot.start).count();
        if (ran < watchdog_) continue;
        slot.abandoned = true;
        ++abandoned_;
        char reason[160];
        std::snprintf(reason, sizeof reason, "超时：处理超过 %.0f 秒仍未完成，已放弃", watchdog_);
        batch.push_back(Done{shared_->rows[slot.todo],
                             FailedResult(shared_->paths[slot.todo], Status::Code::kTimeout, reason), ran, ""});
        spdlog::error("watchdog: {} still running after {:.0f} s; recorded as timeout, worker replaced",
                      shared_->paths[slot.todo], ran);
      }
    }
  }
  while (static_cast<int>(threads_.size()) < jobs_ + abandoned_) Spawn();
  return batch;
}

std::vector<Done> Pool::Stop(bool wait) {
  std::vector<Done> rest;
  std::unique_lock<std::mutex> lock(shared_->mu);
  shared_->stop = true;
  shared_->cv.notify_all();  // workers waiting for room hand their result in now
  if (wait) {
    shared_->cv.wait_for(lock, std::chrono::seconds(2), [&] {
      for (const auto& slot : shared_->slots)
        if (slot.busy && !slot.abandoned) return false;
      return true;
    });
  }
  while (!shared_->done.empty()) {
    rest.push_back(std::move(shared_->done.front()));
    shared_->done.pop_front();
  }
  return rest;
}

int Pool::Finish(bool clean) {
  // Workers that are between documents exit at once; one still screening
  // (interrupted run, archive error) or abandoned is detached: its result is
  // dropped and the document stays pending for the next run.
  {
    std::unique_lock<std::mutex> lock(shared_->mu);
    shared_->stop = true;
    shared_->cv.notify_all();
    for (size_t i = 0; i < threads_.size(); ++i) {
      bool idle = !shared_->slots[i].busy && !shared_->slots[i].abandoned;
      lock.unlock();
      if (idle) {
        threads_[i].join();
      } else {
        std::lock_guard<std::mutex> l2(shared_->mu);
        if (!shared_->slots[i].abandoned) ++abandoned_;  // the caller must not run static destructors under it
        shared_->slots[i].abandoned = true;
      }
      lock.lock();
      if (threads_[i].joinable()) threads_[i].detach();
    }
  }
  // The journal is only needed while something is unfinished. (The fd stays
  // open for detached workers; the process exit closes it.)
  if (clean && abandoned_ == 0 && shared_->journal_fd >= 0) {
    if (::ftruncate(shared_->journal_fd, 0) != 0) spdlog::warn("cannot reset inflight.log");
    ::close(shared_->journal_fd);
    shared_->journal_fd = -1;
  }
  return abandoned_;
}

SignalGuard::SignalGuard() {
  g_signal = 0;
  old_int_ = std::signal(SIGINT, OnSignal);
  old_term_ = std::signal(SIGTERM, OnSignal);
}

SignalGuard::~SignalGuard() {
  std::signal(SIGINT, old_int_);
  std::signal(SIGTERM, old_term_);
}

int SignalGuard::Received() const { return g_signal.load(); }

}  // namespace jixiao::batch
