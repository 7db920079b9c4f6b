// The worker pool of a run: `jobs` threads screen the planned documents, a
// watchdog gives up on a document running past watchdog_seconds (recorded
// failed, code kTimeout; the stuck thread is abandoned and replaced), and
// DIR/inflight.log records each document begun and done (plan.h reads it
// back after a crash). Each file is hashed again right before it is screened
// and the screening counts only when the file did not change meanwhile, so a
// report is stored under the hash of the very bytes it was made from.
//
// Covered by pipeline/batch/batch_test.cc (fake screeners: slow, hanging,
// throwing, crashing) and hostile_test.cc.
#pragma once

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/batch/runner.h"

namespace jixiao::batch {

// One finished document.
struct Done {
  size_t row;                // index into the run's rows
  ScreenResult result;
  double seconds = 0;
  std::string sha256;        // of the bytes screened (empty: as listed)
};

class Pool {
 public:
  // paths[i] is screened for rows[i]; shas[i] is what the journal names it.
  Pool(const ScreenFunction& screen, const ScreenOptions& options, std::vector<std::string> paths,
       std::vector<size_t> rows, std::vector<std::string> shas, const std::string& journal_path, int jobs,
       double watchdog_seconds);
  ~Pool();
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  void Start();
  // Waits up to 200 ms for finished documents and returns at most max of
  // them, with the documents the watchdog gave up on; replaces abandoned
  // workers.
  std::vector<Done> Take(int max);
  // No new document is begun; with wait, documents in progress get up to
  // 2 s to finish. Returns every finished document not taken yet.
  std::vector<Done> Stop(bool wait);
  // Joins the idle workers and detaches the others (their results are
  // dropped: the documents stay pending). Returns how many were abandoned:
  // the process must then leave with _Exit. With clean (everything finished
  // and stored), the journal is emptied.
  int Finish(bool clean);

  struct Shared;  // with the workers (pool.cc)

 private:
  void Spawn();
  std::shared_ptr<Shared> shared_;
  std::vector<std::thread> threads_;
  int jobs_;
  double watchdog_;
  int abandoned_ = 0;
};

// SIGINT/SIGTERM while alive: Received() gives the signal (the run stops
// cleanly); the previous handlers come back on destruction.
class SignalGuard {
 public:
  SignalGuard();
  ~SignalGuard();
  int Received() const;  // the signal, or 0
 private:
  void (*old_int_)(int);
  void (*old_term_)(int);
};

}  // namespace jixiao::batch
