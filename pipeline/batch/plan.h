// Planning a run: what each input of the shard needs before any worker
// starts. Inputs become manifest rows in path order: failed (unreadable),
// skipped (not a report; reason), duplicate (same SHA-256 as an earlier
// input), resumed (in the archive with this jixiao version, and not to be
// retried), crashed (begun by kMaxCrashes earlier runs that never finished
// it, per DIR/inflight.log: recorded failed instead of tried again) or to
// screen (pending). Also what `removed` needs: the input roots and the
// SHA-256 of every input found (all shards).
//
// Covered by pipeline/batch/batch_test.cc.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/archive/archive.h"
#include "pipeline/batch/manifest.h"
#include "pipeline/batch/runner.h"

namespace jixiao::batch {

// A document begun this many times by runs that never finished it is failed.
inline constexpr int kMaxCrashes = 2;

struct RunPlan {
  std::vector<ManifestRow> rows;      // every input of the shard, path order
  std::vector<size_t> todo;           // rows to screen
  std::vector<std::string> todo_paths;  // the bytes' paths to open, by todo position
  std::vector<std::pair<size_t, ScreenResult>> crashed;  // rows to record failed at once
  int other_shards = 0;
  std::vector<std::string> roots;     // names of the folders given ("corpus")
  std::set<std::string> present;      // SHA-256 of every input found, all shards
};

// Lists the inputs (CollectInputs) and decides each one. IoError when a path
// does not exist.
Status PlanRun(const RunOptions& options, const std::map<std::string, archive::StoredDoc>& stored,
               const std::string& journal_path, RunPlan* plan);

// "start <sha256>" lines of the journal without their "done": how many times
// each document was begun by a run that died before finishing it.
std::map<std::string, int> UnfinishedStarts(const std::string& journal_path);

}  // namespace jixiao::batch
