// Automatic numbering of a DOCX (word/numbering.xml): the abstract
// definitions (w:abstractNum / w:lvl), their instances (w:num with
// w:lvlOverride / w:startOverride), and the counters Word keeps while it lays
// out the document, so that a paragraph numbered by Word gets the label the
// reader sees ("一、", "（二）", "1.2", "③").
//
// Counters follow Word: they belong to the abstract definition, so two w:num
// instances of one abstractNum continue each other's count, except that an
// instance with a w:startOverride restarts the level at that value the first
// time it is used. A level restarts after any higher level is used, or after
// the level named by w:lvlRestart (0: never).
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "extractors/docx/xml_stream.h"
#include "pipeline/model/status.h"

namespace jixiao::docx {

class Styles;

class Numbering {
 public:
  // Reads a numbering part from `xml` (positioned before its root).
  Status Parse(XmlStream* xml);

  // Counts a paragraph numbered with (num_id, ilvl) and returns its label
  // without the suffix (tab/space), e.g. "（三）". Returns false when num_id
  // is 0 or undefined (then *label is empty); *unknown is set when num_id is
  // not defined at all. `styles` resolves w:numStyleLink.
  bool Next(int num_id, int ilvl, const Styles* styles, std::string* label, bool* unknown);

  // The level whose w:pStyle is style_id in num_id's definition, or -1.
  int LevelForStyle(int num_id, const std::string& style_id, const Styles* styles) const;

  bool empty() const { return nums_.empty(); }

 private:
  struct Level {
    bool defined = false;
    int start = 0;
    std::string fmt = "decimal";
    std::string text;
    int restart = -1;  // -1: default (after any higher level)
    bool is_lgl = false;
    std::string pstyle;
    std::string font;  // w:rPr/w:rFonts/@w:ascii, for bullet glyphs
  };
  struct Abstract {
    std::array<Level, 9> levels;
    std::string num_style_link;
  };
  struct Override {
    int start = -1;  // -1: none
    bool has_level = false;
    Level level;
  };
  struct Num {
    std::string abstract_id;
    std::array<Override, 9> overrides;
  };
  struct Counters {
    std::array<int, 9> value{};
    std::array<bool, 9> started{};
  };

  Status ParseLevel(XmlStream* xml, Level* level, int* ilvl);
  const Abstract* AbstractFor(int num_id, const Styles* styles, std::string* abstract_id) const;

  std::map<std::string, Abstract> abstracts_;
  std::map<int, Num> nums_;
  std::map<std::string, Counters> counters_;
  std::map<int, std::array<bool, 9>> override_applied_;
};

}  // namespace jixiao::docx
