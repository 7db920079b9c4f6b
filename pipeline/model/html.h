// HTML escaping for every page the project writes (the Markdown export's
// tables, the batch report). Covered by utf8_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

// The text with & < > " and ' written as entities, safe in element content
// and in attribute values of either quote.
std::string HtmlEscape(std::string_view text);

// Percent-encoding of every byte but ASCII letters, digits and - _ . ~ (and /
// when `keep_slash`): for a path in an href, or a file name in a header's
// filename*=UTF-8''... (RFC 5987).
std::string PercentEncode(std::string_view text, bool keep_slash);

}  // namespace jixiao
