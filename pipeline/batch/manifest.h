// DIR/manifest.csv: one row per input of a run, whatever became of it.
//
// Columns: file, sha256, size, format, status, reason, duplicate_of, pages,
// errors, warnings, infos, seconds, resumed, jixiao_version, status_code.
// status: the Outcome words of pipeline/screen/report.h (ok, findings,
// failed, skipped, duplicate, pending; removed is only in the archive);
// duplicate_of names the file screened instead of a duplicate; status_code
// the Status::Code name behind a failure ("timeout"), empty otherwise. file
// is the path relative to the parent of the folder given (corpus/seed/a.docx
// for `run corpus` or `run /abs/corpus`), the file name for a file given.
//
// Covered by pipeline/batch/batch_test.cc and tests/e2e.
#pragma once

#include <string>
#include <vector>

#include "pipeline/model/status.h"
#include "pipeline/screen/report.h"

namespace jixiao::batch {

struct ManifestRow {
  std::string file, sha256;
  uint64_t size = 0;
  std::string format;
  Outcome status = Outcome::kPending;
  Status::Code code = Status::Code::kOk;  // behind a failed (or partial) document
  std::string reason;        // Chinese, for the reviewer
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
