// numbering.xml parsing and Word's list counters. Covered by
// docx_feature_test.cc (Numbering*) on corpus/docx-features/numbering-*.docx.
#include "extractors/docx/numbering.h"

#include "extractors/docx/number_format.h"
#include "extractors/docx/styles.h"
#include "extractors/docx/symbols.h"
#include "extractors/docx/to_int.h"

namespace jixiao::docx {

Status Numbering::ParseLevel(XmlStream* xml, Level* level, int* ilvl) {
  std::string v;
  *ilvl = xml->Attr(Ns::kW, "ilvl", &v) ? ToInt(v, -1) : -1;
  level->defined = true;
  if (xml->empty()) return Status::Ok();
  int d = xml->depth();
  while (xml->Next()) {
    if (xml->type() == NodeType::kEndElement && xml->depth() == d) return Status::Ok();
    if (xml->type() != NodeType::kElement) continue;
    if (xml->Is(Ns::kW, "start") && xml->Attr(Ns::kW, "val", &v)) {
      level->start = ToInt(v, 0);
    } else if (xml->Is(Ns::kW, "numFmt") && xml->Attr(Ns::kW, "val", &v)) {
      level->fmt = v;
    } else if (xml->Is(Ns::kW, "lvlText") && xml->Attr(Ns::kW, "val", &v)) {
      level->text = v;
    } else if (xml->Is(Ns::kW, "lvlRestart") && xml->Attr(Ns::kW, "val", &v)) {
      level->restart = ToInt(v, -1);
    } else if (xml->Is(Ns::kW, "isLgl")) {
      level->is_lgl = !(xml->Attr(Ns::kW, "val", &v) && (v == "0" || v == "false"));
    } else if (xml->Is(Ns::kW, "pStyle") && xml->Attr(Ns::kW, "val", &v)) {
      level->pstyle = v;
    } else if (xml->Is(Ns::kW, "rFonts")) {
      if (xml->Attr(Ns::kW, "ascii", &v) || xml->Attr(Ns::kW, "hAnsi", &v)) level->font = v;
    }
    // Word 2010+ puts custom formats in mc:AlternateContent (w14 "custom" in
    // Choice, a plain format in Fallback): both are seen here and the
    // Fallback's plain format, which comes last, wins.
  }
  return xml->status();
}

Status Numbering::Parse(XmlStream* xml) {
  std::string v;
  while (xml->Next()) {
    if (xml->type() != NodeType::kElement) continue;
    if (xml->Is(Ns::kW, "abstractNum")) {
      std::string id;
      xml->Attr(Ns::kW, "abstractNumId", &id);
      Abstract abs;
      if (!xml->empty()) {
        int d = xml->depth();
        while (xml->Next()) {
          if (xml->type() == NodeType::kEndElement && xml->depth() == d) break;
          if (xml->type() != NodeType::kElement) continue;
          if (xml->Is(Ns::kW, "lvl")) {
            Level level;
            int ilvl = -1;
            Status s = ParseLevel(xml, &level, &ilvl);
            if (!s.ok()) return s;
            if (ilvl >= 0 && ilvl < 9) abs.levels[ilvl] = level;
          } else if (xml->Is(Ns::kW, "numStyleLink") && xml->Attr(Ns::kW, "val", &v)) {
            abs.num_style_link = v;
          }
        }
      }
      abstracts_[id] = std::move(abs);
    } else if (xml->Is(Ns::kW, "num")) {
      std::string id_s;
      xml->Attr(Ns::kW, "numId", &id_s);
      int id = ToInt(id_s, -1);
      Num num;
      if (!xml->empty()) {
        int d = xml->depth();
        int cur = -1;
        while (xml->Next()) {
          if (xml->type() == NodeType::kEndElement && xml->depth() == d) break;
          if (xml->type() != NodeType::kElement) continue;
          if (xml->Is(Ns::kW, "abstractNumId") && xml->Attr(Ns::kW, "val", &v)) {
            num.abstract_id = v;
          } else if (xml->Is(Ns::kW, "lvlOverride")) {
            cur = xml->Attr(Ns::kW, "ilvl", &v) ? ToInt(v, -1) : -1;
          } else if (xml->Is(Ns::kW, "startOverride") && xml->Attr(Ns::kW, "val", &v)) {
            if (cur >= 0 && cur < 9) num.overrides[cur].start = ToInt(v, 0);
          } else if (xml->Is(Ns::kW, "lvl")) {
            Level level;
            int ilvl = -1;
            Status s = ParseLevel(xml, &level, &ilvl);
            if (!s.ok()) return s;
            if (ilvl < 0) ilvl = cur;
            if (ilvl >= 0 && ilvl < 9) {
              num.overrides[ilvl].has_level = true;
              num.overrides[ilvl].level = level;
            }
          }
        }
      }
      if (id > 0) nums_[id] = std::move(num);
    }
  }
  return xml->status();
}

const Numbering::Abstract* Numbering::AbstractFor(int num_id, const Styles* styles,
                                                  std::string* abstract_id) const {
  for (int hops = 0; hops < 4; ++hops) {
    auto n = nums_.find(num_id);
    if (n == nums_.end()) return nullptr;
    auto a = abstracts_.find(n->second.abstract_id);
    if (a == abstracts_.end()) return nullptr;
    if (a->second.num_style_link.empty() || styles == nullptr) {
      *abstract_id = a->first;
      return &a->second;
    }
    // A numbering style: its w:numPr names the instance that holds the levels.
    const ResolvedStyle& st = styles->Resolve(a->second.num_style_link);
    if (st.num_id <= 0 || st.num_id == num_id) {
      *abstract_id = a->first;
      return &a->second;
    }
    num_id = st.num_id;
  }
  return nullptr;
}

int Numbering::LevelForStyle(int num_id, const std::string& style_id, const Styles* styles) const {
  std::string aid;
  const Abstract* abs = AbstractFor(num_id, styles, &aid);
  if (abs == nullptr) return -1;
  for (int i = 0; i < 9; ++i) {
    if (!abs->levels[i].pstyle.empty() && abs->levels[i].pstyle == style_id) return i;
  }
  return -1;
}

bool Numbering::Next(int num_id, int ilvl, const Styles* styles, std::string* label,
                     bool* unknown) {
  label->clear();
  *unknown = false;
  if (num_id <= 0) return false;
  auto n = nums_.find(num_id);
  std::string aid;
  const Abstract* abs = n == nums_.end() ? nullptr : AbstractFor(num_id, styles, &aid);
  if (abs == nullptr) {
    *unknown = true;
    return false;
  }
  if (ilvl < 0 || ilvl > 8) ilvl = 0;
  const Num& num = n->second;
  auto level_of = [&](int i) -> const Level& {
    return num.overrides[i].has_level ? num.overrides[i].level : abs->levels[i];
  };
  Counters& c = counters_[aid];
  auto& applied = override_applied_[num_id];

  const Level& lv = level_of(ilvl);
  if (num.overrides[ilvl].start >= 0 && !applied[ilvl]) {
    applied[ilvl] = true;
    c.value[ilvl] = num.overrides[ilvl].start;
    c.started[ilvl] = true;
    // An override restarts the whole instance below this level too.
    for (int k = ilvl + 1; k < 9; ++k) c.started[k] = false;
  } else if (!c.started[ilvl]) {
    c.value[ilvl] = lv.start;
    c.started[ilvl] = true;
  } else {
    ++c.value[ilvl];
  }
  for (int k = ilvl + 1; k < 9; ++k) {
    int r = level_of(k).restart;
    bool restart;
    if (r == 0) restart = false;
    else if (r < 0 || r > k) restart = true;  // default: after any higher level
    else restart = ilvl < r;
    if (restart) c.started[k] = false;
  }

  if (lv.fmt == "bullet") {
    *label = MapSymbolText(lv.font, lv.text);
    return true;
  }
  const std::string& t = lv.text;
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      int j = t[i + 1] - '1';
      const Level& lj = level_of(j);
      int value = c.started[j] ? c.value[j] : lj.start;
      if (j == ilvl) value = c.value[ilvl];
      std::string fmt = (lv.is_lgl && j < ilvl) ? std::string("decimal") : lj.fmt;
      if (lj.fmt == "none" && j != ilvl) fmt = "none";
      out += FormatNumber(fmt, value);
      ++i;
    } else {
      out.push_back(t[i]);
    }
  }
  *label = std::move(out);
  return true;
}

}  // namespace jixiao::docx
