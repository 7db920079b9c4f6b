// DIR/manifest.csv: one row per input of a run, whatever became of it.
//
// Columns: file, sha256, size, format, status, reason, duplicate_of, pages,
// errors, warnings, infos, seconds, resumed, jixiao_version.
// status: ok (screened, no error or warning finding), findings (at least one
// error or warning finding), failed (reason says why: unreadable, damaged,
// timeout...), skipped (not a report jixiao reads; reason), duplicate (same
// SHA-256 as the file in duplicate_of, which was screened instead), pending
// (not finished when the file was written: only seen after a killed run).
//
// Covered by pipeline/batch/batch_test.cc and tests/e2e.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/status.h"

namespace jixiao::batch {

struct ManifestRow {
  std::string file, sha256;
  uint64_t size = 0;
  std::string format;
  std::string status;        // ok | findings | failed | skipped | duplicate | pending
  std::string reason;
  std::string duplicate_of;
  int pages = -1;
  int errors = 0, warnings = 0, infos = 0;
  double seconds = 0;        // screening time (0 when resumed or not screened)
  bool resumed = false;      // taken from an earlier run's archive
  std::string jixiao_version;
};

// The CSV text (BOM, header, rows in the given order).
std::string ManifestCsv(const std::vector<ManifestRow>& rows);

// Writes DIR/manifest.csv atomically.
Status WriteManifest(const std::string& path, const std::vector<ManifestRow>& rows);

// Reads a manifest written by WriteManifest.
Status ReadManifest(const std::string& path, std::vector<ManifestRow>* rows);

}  // namespace jixiao::batch
