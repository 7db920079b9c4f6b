// The reviewers' decisions as the server reads and writes them, over the
// archive's reviews table (pipeline/archive/reviews.h): the counts the
// overview shows, a document's current decisions, a decision recorded.
// Internal to pipeline/serve.
//
// Covered by pipeline/serve/serve_test.cc.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/archive/archive.h"
#include "pipeline/model/status.h"

namespace jixiao::serve {

// An SQL expression counting the decided findings of the document row `d`,
// for a query whose FROM has `documents d` followed by ReviewedJoinSql().
std::string ReviewedCountSql(sqlite3* db);
std::string ReviewedJoinSql();

// finding id -> {"decision", "decision_zh", "comment", "reviewer", "at"}
// of the document's decided findings.
Status LoadReviews(archive::Archive* archive, const std::string& sha256, std::map<std::string, nlohmann::json>* out);

// The document (sha256) holding the finding with this id; NotFound (Chinese)
// when no current finding has it.
Status DocumentOfFinding(archive::Archive* archive, const std::string& finding_id, std::string* sha256);

// Records a decision from a request body {"decision": "confirmed" |
// "dismissed" | "pending", "comment", "reviewer"}; *out is the stored review.
// InvalidInput (Chinese) for a body that is not such an object; NotFound for
// an unknown finding.
Status RecordReview(archive::Archive* archive, const std::string& finding_id, const std::string& body,
                    nlohmann::json* out);

// The history of the finding's decisions, oldest first.
Status ReviewHistory(archive::Archive* archive, const std::string& finding_id, nlohmann::json* out);

}  // namespace jixiao::serve
