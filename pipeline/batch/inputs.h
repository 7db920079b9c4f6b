// The inputs of a batch: files found under the given paths, their SHA-256,
// what is screened and what is skipped (with the reason), and the shard a
// file belongs to.
//
// Covered by pipeline/batch/batch_test.cc.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "pipeline/model/status.h"

namespace jixiao::batch {

struct Input {
  std::string path;          // as found: the given path, or given folder + relative path (bytes, to open it)
  std::string name;          // for reports, valid UTF-8 (DisplayPath: GBK names converted): the path
                             // relative to the parent of the folder given ("corpus/seed/a.docx" for
                             // corpus, ./corpus or /abs/corpus), the file name for a file given
  uint64_t size = 0;
  std::string sha256;        // lower-case hex; empty when unreadable
  std::string format;        // "docx" | "pdf" | "doc" | "wps" | "ofd" | "" (not screened)
  std::string skip_reason;   // why it is not screened (Chinese, for reviewers); empty when screened
  std::string read_error;    // when the file cannot be read (then format is kept, sha256 empty)
  bool special = false;      // not a regular file (dangling link, FIFO, folder loop...): never opened
};

// Walks the paths (files, or folders recursively), sorted by path so that
// every run sees the same order. Symbolic links are followed, to files and to
// folders; a folder reached a second time (a link loop, or two links to one
// folder) is listed once with a skip reason instead of being walked again,
// and so is a dangling link, a FIFO, socket or device (never opened: reading
// a FIFO would block), and a folder that cannot be read. .pdf and .docx (any
// letter case) are screened; anything else is listed with a skip reason
// (other types; Office lock files "~$..."; empty files). Hashes the regular
// files with `jobs` threads. IoError when a path does not exist.
// The inputs are in name order. *roots (when not null) gets the names of
// the folders given ("corpus"), the first component of their inputs' names.
Status CollectInputs(const std::vector<std::string>& paths, int jobs, std::vector<Input>* inputs,
                     std::vector<std::string>* roots = nullptr);

// For each path given: the first component of its inputs' names (the
// folder's or the file's own name, DisplayPath) -> the absolute folder that
// holds it. Paths that do not exist are left out.
std::map<std::string, std::string> InputRootDirs(const std::vector<std::string>& paths);

// "K/N" with 0 <= K < N. InvalidInput otherwise.
Status ParseShard(const std::string& text, int* index, int* count);

// The shard (0..count-1) of a file: its SHA-256 (or, for an unreadable file,
// the SHA-256 of its path) read as a number, modulo count. Content-based, so
// copies of a file land in the same shard and the split does not depend on
// where the folder is mounted.
int ShardOf(const Input& input, int count);

}  // namespace jixiao::batch
