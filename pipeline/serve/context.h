// What every request handler of the review server shares: the run folder,
// a pool of archive connections, the page cache and the access token.
// Internal to pipeline/serve (server.cc builds it; the api_*.cc files use it).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/archive/archive.h"
#include "pipeline/model/status.h"

namespace jixiao::serve {

// Archive connections, one per request at a time (SQLite connections are
// not shared between threads). Connections are opened on demand and kept.
class ArchivePool {
 public:
  explicit ArchivePool(std::string path) : path_(std::move(path)) {}

  class Lease {
   public:
    Lease(ArchivePool* pool, std::unique_ptr<archive::Archive> a) : pool_(pool), a_(std::move(a)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (a_) pool_->Return(std::move(a_));
    }
    archive::Archive* operator->() const { return a_.get(); }
    archive::Archive* get() const { return a_.get(); }

   private:
    ArchivePool* pool_;
    std::unique_ptr<archive::Archive> a_;
  };

  // A connection, or the error opening one.
  Status Acquire(std::unique_ptr<Lease>* out);

 private:
  void Return(std::unique_ptr<archive::Archive> a);
  std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<archive::Archive>> idle_;
};

struct Context {
  std::string dir;        // the run folder
  std::string cache_dir;  // rendered pages (PNG)
  std::string token;      // empty: none asked
  std::unique_ptr<ArchivePool> pool;
};

}  // namespace jixiao::serve
