// Stable finding ids (finding_id.h): the canonical string of a finding and
// its SHA-256 prefix. Covered by pipeline/screen/finding_id_test.cc.
#include "pipeline/screen/finding_id.h"

#include <algorithm>
#include <map>

#include "pipeline/model/source_info.h"
#include "pipeline/screen/report.h"

namespace jixiao {
namespace {

constexpr char kVersion[] = "jixiao-finding-id-1";

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string WithoutSpaces(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsSpace(c)) continue;
    // U+3000 ideographic space and U+00A0 no-break space.
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x80) {
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string PlaceKey(const Evidence& e) {
  const Provenance& p = e.prov;
  if (p.table_index >= 0 && p.row >= 0 && p.col >= 0)
    return "t" + std::to_string(p.table_index) + "r" + std::to_string(p.row) + "c" + std::to_string(p.col);
  if (p.row >= 0 && p.col >= 0)  // a cell whose table has no ordinal: its block places the table
    return "k" + std::to_string(e.block) + "r" + std::to_string(p.row) + "c" + std::to_string(p.col);
  if (p.body_index >= 0) return "b" + std::to_string(p.body_index);
  if (p.page >= 0) return "p" + std::to_string(p.page);
  if (e.block >= 0) return "k" + std::to_string(e.block);
  return "";
}

// The text between the first “ and the next ” of a message, or "".
std::string QuotedSubject(const std::string& message) {
  static const std::string kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";  // “ ”
  size_t a = message.find(kOpen);
  if (a == std::string::npos) return "";
  a += kOpen.size();
  size_t b = message.find(kClose, a);
  return b == std::string::npos ? "" : message.substr(a, b - a);
}

}  // namespace

std::string FindingCanonical(const std::string& sha256, const Finding& finding) {
  std::vector<std::string> pieces;
  for (const Evidence& e : finding.evidence) {
    std::string value = e.value.empty() ? WithoutSpaces(e.quote) : e.value;
    pieces.push_back(value + " " + e.unit + " @ " + PlaceKey(e));
  }
  std::sort(pieces.begin(), pieces.end());
  std::string s = std::string(kVersion) + "\n" + sha256 + "\n" + finding.code + "\n";
  for (const std::string& p : pieces) s += p + "\n";
  if (finding.evidence.empty()) s += "subject " + QuotedSubject(finding.message) + "\n";
  return s;
}

std::vector<std::string> FindingIds(const ScreenReport& report) {
  std::vector<std::string> ids;
  std::map<std::string, int> seen;
  for (const Finding& f : report.findings) {
    std::string canonical = FindingCanonical(report.sha256, f);
    int n = ++seen[canonical];
    if (n > 1) canonical += "#" + std::to_string(n);
    ids.push_back(Sha256Hex(canonical).substr(0, kFindingIdLength));
  }
  return ids;
}

void AssignFindingIds(ScreenReport* report) {
  std::vector<std::string> ids = FindingIds(*report);
  for (size_t i = 0; i < ids.size(); ++i) report->findings[i].id = ids[i];
}

bool IsFindingId(const std::string& id) {
  if (id.size() != static_cast<size_t>(kFindingIdLength)) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace jixiao
