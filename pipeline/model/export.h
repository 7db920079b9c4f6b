// Exporters of the document model: JSON (the model itself, described by
// schemas/document.schema.json), plain text in the layout of the seed dump,
// and Markdown for people. Covered by model_test.cc and the golden tests.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "pipeline/model/document.h"
#include "pipeline/model/status.h"

namespace jixiao {

// The model as JSON. Stable key order (nlohmann::ordered_json) so golden files
// diff cleanly.
nlohmann::ordered_json DocumentToJson(const Document& doc);
// Only the "diagnostics" array of DocumentToJson (without the blocks: the
// model of a 300,000-row table as JSON is gigabytes).
nlohmann::ordered_json DiagnosticsToJson(const Document& doc);

// Reads back what DocumentToJson wrote. Returns InvalidInput on a shape error.
Status DocumentFromJson(const nlohmann::json& j, Document* doc);

// Plain text in the layout of the seed dump: one paragraph a line (label +
// text); a table cell is a line that begins with a TAB; rows are separated by
// one blank line; a grid position covered by a vertical merge is a line with a
// lone TAB; further paragraphs of a cell follow on lines without a TAB; a
// position covered by a horizontal span prints nothing. Nested tables follow
// their cell's paragraphs in the same layout.
std::string DocumentToText(const Document& doc);

// Markdown for people: headings as #..######, paragraphs, tables as pipe
// tables, or as HTML tables (rowspan/colspan) when any cell is merged or holds
// several paragraphs.
std::string DocumentToMarkdown(const Document& doc);

}  // namespace jixiao
