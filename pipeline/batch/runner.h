// `jixiao run`: screens every input of a batch with a bounded pool of worker
// threads and writes the run folder:
//   DIR/archive.sqlite  every screened document (the durable record: a
//                       document counts as done once its batch is committed)
//   DIR/manifest.csv    every input and what became of it (manifest.h),
//                       rewritten at most every 2 s during the run and at the end
//   DIR/findings.jsonl, summary.csv, findings.csv, report.xlsx, report.html
//                       (reports.h), written at the end
// The run in three parts: planning (plan.h: inputs, duplicates, resume,
// crash journal), the pool (pool.h: workers, watchdog, signals) and the
// commits of finished documents to the archive (runner.cc), then the inputs
// of earlier runs gone from the folders given marked removed in the archive
// (kept, not searched unless asked), the reports and the manifest.
// Resuming: an input whose SHA-256 is in the archive with the same jixiao
// version is not screened again (failed and partial ones neither, unless
// retry_failed),
// so re-running after a kill or a crash only does what is missing.
// Time limits: ScreenOptions.extract.time_limit_seconds is passed to the
// screener (a PDF it cuts short is kept as partial, checked on the pages
// read before it; see Screener::Screen); a watchdog also gives up on a worker
// that runs past watchdog_seconds (the document is recorded failed with
// reason timeout, the stuck thread is abandoned and replaced). An exception
// from the screener fails that document only. A crash of the whole process
// (a bug in a parser) is survived across runs: DIR/inflight.log records each
// document begun, and one begun by two runs that never finished it is
// recorded failed instead of being tried a third time. SIGINT/SIGTERM stop
// the run cleanly: finished documents are kept, unfinished ones stay pending
// in the manifest.
//
// Exit code (RunSummary::exit_code): 2 when the run could not complete (bad
// path, cannot write DIR, interrupted); otherwise the rule `check` follows
// too (ExitCodeFor in pipeline/screen/report.h): 2 when any input failed
// (resumed failures included), 1 when any document has an error or warning
// finding, else 0; info findings, skipped and duplicate inputs do not count.
//
// Covered by pipeline/batch/batch_test.cc (fake screeners: slow, hanging,
// throwing), partial_test.cc (a PDF cut short by the time limit) and
// tests/e2e/run_e2e_test.cc (the real binary, kill and resume).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pipeline/archive/archive.h"
#include "pipeline/batch/manifest.h"
#include "pipeline/model/status.h"
#include "pipeline/screen/screen.h"

namespace jixiao::batch {

using ScreenFunction = std::function<ScreenResult(const std::string& path, const ScreenOptions& options)>;

struct RunOptions {
  std::vector<std::string> paths;  // files and folders
  std::string out_dir;
  int jobs = 2;
  int shard_index = 0, shard_count = 1;
  ScreenOptions screen;            // screen.extract.time_limit_seconds: the per-document limit
  // Seconds after which the watchdog gives up on a document; 0: the time limit
  // x 1.5 + 5 s (none when the time limit is 0).
  double watchdog_seconds = 0;
  bool retry_failed = false;       // screen again documents that failed or were read in part earlier
  std::string version;             // JixiaoVersion(): stamped and compared for resuming
  int progress = -1;               // 1 bar, 0 plain lines, -1 bar when stderr is a terminal
  double progress_interval = 10;   // seconds between plain lines
  int batch_size = 64;             // most documents per archive transaction
  bool write_reports = true;
};

struct RunSummary {
  int inputs = 0;          // files in this shard
  int other_shards = 0;    // files found that belong to other shards
  int ok = 0, findings = 0, failed = 0, timeouts = 0, skipped = 0, duplicates = 0, pending = 0;
  int removed = 0;         // documents of earlier runs gone from the folders given
  int partial = 0;         // ok or findings, but screened on part of the text (time limit)
  int resumed = 0;         // taken from the archive of an earlier run
  int screened = 0;        // screened by this run
  int pages = 0;           // pages of the PDFs screened by this run
  double seconds = 0;
  int abandoned = 0;       // workers left running (watchdog, interrupt): exit with _Exit, not return
  bool interrupted = false;
  int exit_code = 0;
  // For the person who ran it, in Chinese: "123 个输入：100 个通过，10 个有问题，
  // 2 个处理失败（其中 1 个超时），8 个已跳过，3 个重复；沿用上次结果 …；退出码 1"
  std::string Line() const;
};

// Status is not ok only when the run itself cannot proceed (a path does not
// exist, DIR or the archive cannot be written); bad documents never fail it.
Status RunBatch(const RunOptions& options, const ScreenFunction& screen, RunSummary* summary);

// Fill the outcome columns of a row (status, code, reason, counts) from a
// report, or from the archive's record of its document (how a resumed run
// and a merge take a finished document over; pages too).
void ApplyReport(ManifestRow* row, const ScreenReport& report);
void ApplyStored(ManifestRow* row, const archive::StoredDoc& stored);

// Exit code for a manifest (the rule above) and the counts of a manifest.
int ExitCodeFor(const std::vector<ManifestRow>& rows);
void CountRows(const std::vector<ManifestRow>& rows, RunSummary* summary);

// Installs an spdlog default logger writing to DIR/jixiao.log (appending),
// English, info level (debug when verbose).
Status InstallRunLog(const std::string& dir, bool verbose);

}  // namespace jixiao::batch
