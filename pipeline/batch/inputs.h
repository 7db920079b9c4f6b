// The inputs of a batch: files found under the given paths, their SHA-256,
// what is screened and what is skipped (with the reason), and the shard a
// file belongs to.
//
// Covered by pipeline/batch/batch_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/model/status.h"

namespace jixiao::batch {

struct Input {
  std::string path;          // as found: the given path, or given folder + relative path
  uint64_t size = 0;
  std::string sha256;        // lower-case hex; empty when unreadable
  std::string format;        // "docx" | "pdf" | "doc" | "wps" | "" (not screened)
  std::string skip_reason;   // why it is not screened (Chinese, for reviewers); empty when screened
  std::string read_error;    // when the file cannot be read (then format is kept, sha256 empty)
};

// Walks the paths (files, or folders recursively, following no symlinked
// folders), sorted by path so that every run sees the same order. .pdf and
// .docx (any letter case) are screened; anything else is listed with a skip
// reason (other types; Office lock files "~$..."; empty files). Hashes the
// files with `jobs` threads. IoError when a path does not exist.
Status CollectInputs(const std::vector<std::string>& paths, int jobs, std::vector<Input>* inputs);

// "K/N" with 0 <= K < N. InvalidInput otherwise.
Status ParseShard(const std::string& text, int* index, int* count);

// The shard (0..count-1) of a file: its SHA-256 (or, for an unreadable file,
// the SHA-256 of its path) read as a number, modulo count. Content-based, so
// copies of a file land in the same shard and the split does not depend on
// where the folder is mounted.
int ShardOf(const Input& input, int count);

}  // namespace jixiao::batch
