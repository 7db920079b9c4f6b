// Paragraph styles of a DOCX (word/styles.xml), resolved through w:basedOn:
// what makes a paragraph a heading (w:outlineLvl, or a "heading N" / "标题 N"
// style name) and the numbering a style attaches (w:numPr).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "extractors/docx/xml_stream.h"
#include "pipeline/model/status.h"

namespace jixiao::docx {

// A paragraph style with w:basedOn already applied.
struct ResolvedStyle {
  std::string name;       // w:name, or the style id when it has no name
  int outline_level = -1; // 0..8 from w:outlineLvl or the name; -1: body text
  int num_id = -1;        // -1: the style sets no numbering; 0: numbering off
  int ilvl = -1;          // -1: not set by the style
};

class Styles {
 public:
  // Reads a styles part from `xml` (positioned before its root).
  Status Parse(XmlStream* xml);

  // The style with id `style_id`, or the default paragraph style when the id
  // is empty or unknown (*known set to false in the latter case).
  const ResolvedStyle& Resolve(const std::string& style_id, bool* known = nullptr) const;

  // Level 0..8 a style name implies ("heading 1" → 0, "标题 2" → 1), or -1.
  static int HeadingLevelFromName(const std::string& name);

 private:
  struct Def {
    std::string name, based_on;
    int outline_level = -1;  // -1 unset; 9 body text
    int num_id = -1;
    int ilvl = -1;
  };
  const ResolvedStyle& ResolveUncached(const std::string& id) const;

  std::unordered_map<std::string, Def> defs_;
  std::string default_id_;
  mutable std::unordered_map<std::string, ResolvedStyle> cache_;
  ResolvedStyle none_;
};

}  // namespace jixiao::docx
