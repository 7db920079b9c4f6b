// SECTION_MISSING, ATTACHMENT_MISSING and TEXT_SUSPECT. Covered by
// checks_test.cc and the corpus acceptance test.
#include "pipeline/checks/structure_checks.h"

#include <re2/re2.h>

#include <map>

#include "pipeline/model/cjk.h"
#include "pipeline/model/numbering_label.h"
#include "pipeline/model/simplified.h"
#include "pipeline/model/text_util.h"
#include "pipeline/model/utf8.h"

namespace jixiao {
namespace {

// Decodes UTF-8 into code points with the byte offset of each.
struct CodePoints {
  std::vector<char32_t> cp;
  std::vector<size_t> offset;  // offset[i] = byte offset of cp[i]; offset[size] = text size
};

CodePoints Decode(const std::string& s) {
  CodePoints out;
  for (Utf8Cursor c(s); !c.Done();) {
    const CodePointSpan cp = c.Next();
    out.cp.push_back(cp.value);
    out.offset.push_back(cp.begin);
  }
  out.offset.push_back(s.size());
  return out;
}

// A short quote around [begin, end): the clause it is in, at most ~40 characters.
std::string ClauseAround(const std::string& text, size_t begin, size_t end) {
  static const char* kStops[] = {"。", "；", "！", "？", "\n"};
  size_t b = 0, e = text.size();
  for (const char* stop : kStops) {
    size_t p = text.rfind(stop, begin);
    if (p != std::string::npos && p + std::string(stop).size() <= begin) b = std::max(b, p + std::string(stop).size());
    size_t q = text.find(stop, end);
    if (q != std::string::npos) e = std::min(e, q + std::string(stop).size());
  }
  if (begin - b > 90) b = begin - 90;
  if (e - end > 90) e = end + 90;
  // Do not cut inside a UTF-8 sequence.
  b = Utf8BoundaryBefore(text, b);
  e = Utf8BoundaryAfter(text, e);
  return text.substr(b, e - b);
}

struct TextSite {
  int block;
  const Cell* cell;  // null for paragraphs
  const std::string* text;
};

std::vector<TextSite> AllText(const Document& doc, std::vector<std::string>* storage) {
  std::vector<TextSite> sites;
  storage->reserve(doc.blocks.size() + 64);
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    const Block& b = doc.blocks[i];
    if (b.kind == BlockKind::kTable) {
      for (const Cell& c : b.table.cells) {
        storage->push_back(c.Text());
        sites.push_back({static_cast<int>(i), &c, nullptr});
      }
    } else {
      storage->push_back(b.FullText());
      sites.push_back({static_cast<int>(i), nullptr, nullptr});
    }
  }
  for (size_t i = 0; i < sites.size(); ++i) sites[i].text = &(*storage)[i];
  return sites;
}

Evidence SiteEvidence(const Document& doc, const TextSite& site, size_t begin, size_t end) {
  Evidence e = site.cell ? CellEvidence(doc, site.block, *site.cell) : ParagraphEvidence(doc, site.block);
  e.quote = ClauseAround(*site.text, begin, end);
  if (!site.cell) {
    e.span_begin = static_cast<int>(begin);
    e.span_end = static_cast<int>(end);
  }
  return e;
}

}  // namespace

void CheckSections(const Document& doc, const Rules& rules, const std::string& title,
                   std::vector<Finding>* out) {
  bool applies = rules.template_applies_when_title_contains.empty();
  for (const std::string& key : rules.template_applies_when_title_contains)
    if (ToSimplified(title).find(key) != std::string::npos) applies = true;
  // A table on its own (部门整体支出绩效自评表) has no narrative sections.
  for (const std::string& key : rules.template_skipped_when_title_contains)
    if (ToSimplified(title).find(key) != std::string::npos) applies = false;
  if (!applies) return;
  const int end = NarrativeEnd(doc);
  // Nor has a document whose narrative is its title lines alone before a
  // table: a 自评表 whose title did not say so (a scan's title misread
  // "再交自白评表").
  int narrative_blocks = 0;
  for (int i = 0; i < end; ++i)
    if (doc.blocks[i].kind != BlockKind::kTable && !TrimSpaces(doc.blocks[i].FullText()).empty()) ++narrative_blocks;
  bool has_table = false;
  for (const Block& b : doc.blocks) has_table = has_table || b.kind == BlockKind::kTable;
  if (has_table && narrative_blocks <= 3) return;
  for (const RuleSection& section : rules.sections) {
    bool found = false;
    for (int i = 0; i < end && !found; ++i) {
      const Block& b = doc.blocks[i];
      const std::string text = ToSimplified(TrimSpaces(b.FullText()));  // 部門概況 is 部门概况
      if (text.size() > 3 * 40 && b.kind != BlockKind::kHeading) continue;  // headings are short
      for (const std::string& syn : section.synonyms)
        if (text.find(syn) != std::string::npos) found = true;
    }
    if (found) continue;
    Finding f;
    f.code = "SECTION_MISSING";
    f.severity = FindingSeverity::kWarning;
    f.message = "报告缺少模板要求的部分：“" + section.label + "”";
    out->push_back(std::move(f));
  }
}

void CheckAttachments(const Document& doc, std::vector<Finding>* out) {
  static const RE2 kListStart(R"(^\s*附件\s*[：:]\s*(.*)$)");
  static const RE2 kAttachmentHeading(R"(^\s*附件\s*(\d+)\s*[：:]?\s*(.{0,60})$)");
  // The list: "附件：1.xxx" then paragraphs "2.xxx" ... as long as they are numbered.
  struct Item { int number; std::string title; int block; };
  std::vector<Item> items;
  int list_end = -1;
  for (size_t i = 0; i < doc.blocks.size() && items.empty(); ++i) {
    std::string rest;
    if (doc.blocks[i].kind == BlockKind::kTable || !RE2::FullMatch(doc.blocks[i].FullText(), kListStart, &rest)) continue;
    std::string title;
    NumberingLabel l = SplitNumberingLabel(rest, &title);
    if (l.style == LabelStyle::kNone) continue;
    items.push_back({l.value, TrimSpaces(title), static_cast<int>(i)});
    size_t j = i + 1;
    for (; j < doc.blocks.size() && doc.blocks[j].kind != BlockKind::kTable; ++j) {
      NumberingLabel next = SplitNumberingLabel(doc.blocks[j].FullText(), &title);
      if (next.style != l.style) break;
      items.push_back({next.value, TrimSpaces(title), static_cast<int>(j)});
    }
    list_end = static_cast<int>(j);
  }
  if (items.empty()) return;
  // What is present: "附件N" headings after the list, or the item's title as a line of its own.
  std::map<int, bool> present;
  std::vector<std::string> lines;
  for (size_t i = list_end; i < doc.blocks.size(); ++i) {
    if (doc.blocks[i].kind == BlockKind::kTable) continue;
    const std::string text = TrimSpaces(doc.blocks[i].FullText());
    int number = 0;
    std::string tail;
    if (RE2::FullMatch(text, kAttachmentHeading, &number, &tail)) present[number] = true;
    lines.push_back(text);
  }
  for (const Item& item : items) {
    if (present.count(item.number)) continue;
    bool title_found = false;
    std::string short_title = item.title.substr(0, item.title.find_first_of("（("));
    short_title = TrimSpaces(short_title);
    for (const std::string& line : lines)
      if (!short_title.empty() && line.size() < short_title.size() + 30 && line.find(short_title) != std::string::npos)
        title_found = true;
    if (title_found) continue;
    Finding f;
    f.code = "ATTACHMENT_MISSING";
    f.severity = FindingSeverity::kError;
    f.message = "附件清单列出的附件" + std::to_string(item.number) + "“" + item.title + "”在文档中未找到";
    Evidence e = ParagraphEvidence(doc, item.block);
    f.evidence.push_back(std::move(e));
    out->push_back(std::move(f));
  }
}

void CheckText(const Document& doc, const Rules& rules, std::vector<Finding>* out) {
  std::vector<std::string> storage;
  std::vector<TextSite> sites = AllText(doc, &storage);
  for (const TextSite& site : sites) {
    const std::string& text = *site.text;
    for (const RuleTypo& typo : rules.typos) {
      for (size_t p = text.find(typo.wrong); p != std::string::npos; p = text.find(typo.wrong, p + 1)) {
        Finding f;
        f.code = "TEXT_SUSPECT";
        f.severity = FindingSeverity::kInfo;
        f.message = "疑似错别字：“" + typo.wrong + "”应为“" + typo.right + "”";
        f.evidence.push_back(SiteEvidence(doc, site, p, p + typo.wrong.size()));
        out->push_back(std::move(f));
      }
    }
    // Doubled words: a run of 2-4 Han characters repeated at once ("意识意识").
    CodePoints cps = Decode(text);
    const size_t n = cps.cp.size();
    for (size_t i = 0; i < n; ++i) {
      for (size_t len = 4; len >= 2; --len) {
        if (i + 2 * len > n) continue;
        bool doubled = true;
        for (size_t k = 0; k < len && doubled; ++k)
          doubled = IsHanIdeograph(cps.cp[i + k]) && cps.cp[i + k] == cps.cp[i + len + k];
        if (!doubled) continue;
        bool all_same = true;  // 哈哈哈哈 and the like are not a doubled word
        for (size_t k = 1; k < len; ++k) all_same = all_same && cps.cp[i + k] == cps.cp[i];
        if (all_same) continue;
        const std::string word = text.substr(cps.offset[i], cps.offset[i + len] - cps.offset[i]);
        const std::string both = text.substr(cps.offset[i], cps.offset[i + 2 * len] - cps.offset[i]);
        bool allowed = false;
        for (const std::string& a : rules.allowed_doublings) allowed = allowed || both.find(a) != std::string::npos || a.find(both) != std::string::npos;
        if (allowed) continue;
        Finding f;
        f.code = "TEXT_SUSPECT";
        f.severity = FindingSeverity::kInfo;
        f.message = "疑似重复词语：“" + both + "”（“" + word + "”重复）";
        f.evidence.push_back(SiteEvidence(doc, site, cps.offset[i], cps.offset[i + 2 * len]));
        out->push_back(std::move(f));
        i += 2 * len - 1;
        break;
      }
    }
  }
}

}  // namespace jixiao
