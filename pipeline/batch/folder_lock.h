// One writer per run folder. Two `run` (or `merge`) processes writing into
// the same --out would both screen everything and race on the reports' temporary
// files; the second one now stops at once with a message saying another run
// holds the folder. The lock is flock(2) on DIR/.jixiao.lock: released by the
// kernel when the process ends, however it ends, so a killed run never leaves
// a stale lock behind.
//
// Covered by pipeline/batch/hostile_test.cc.
#pragma once

#include <memory>
#include <string>

#include "pipeline/model/status.h"

namespace jixiao::batch {

class FolderLock {
 public:
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

  // Takes the lock of dir (which must exist) without waiting. IoError (a
  // Chinese message naming the folder) when another process, or another
  // FolderLock of this one, holds it, and also when the lock file cannot be
  // created.
  static Status Acquire(const std::string& dir, std::unique_ptr<FolderLock>* out);

 private:
  explicit FolderLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace jixiao::batch
