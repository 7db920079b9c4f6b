// HTML escaping for every page the project writes (the Markdown export's
// tables, the batch report). Covered by utf8_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

// The text with & < > " and ' written as entities, safe in element content
// and in attribute values of either quote.
std::string HtmlEscape(std::string_view text);

}  // namespace jixiao
