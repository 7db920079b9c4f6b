// `jixiao merge DIR... --out DIR`: joins run folders (the shards of one
// batch, or runs of different days) into one: the archives are merged into
// OUT/archive.sqlite (a document already there with the same jixiao version
// is not copied again), the manifests are concatenated in the order given
// (the same file listed twice is kept once; a file whose content was already
// screened under another name becomes "duplicate"), and the reports are
// written from the result as `run` writes them. OUT may already hold a run
// folder (it is merged into) but must not be one of the inputs.
//
// Covered by tests/e2e/run_e2e_test.cc (shards 0/2 + 1/2 merged equal one run).
#pragma once

#include <string>
#include <vector>

#include "pipeline/batch/runner.h"

namespace jixiao::batch {

Status MergeRuns(const std::vector<std::string>& dirs, const std::string& out_dir, RunSummary* summary);

}  // namespace jixiao::batch
