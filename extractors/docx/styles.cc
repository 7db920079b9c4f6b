// styles.xml: paragraph styles, w:basedOn chains, outline levels and style
// numbering. Covered by docx_feature_test.cc (Headings*, NumberingFromStyle).
#include "extractors/docx/styles.h"

#include <cctype>

#include "extractors/docx/to_int.h"

namespace jixiao::docx {

int Styles::HeadingLevelFromName(const std::string& name) {
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::string rest;
  if (lower.rfind("heading", 0) == 0) {
    rest = lower.substr(7);
  } else if (lower.rfind("标题", 0) == 0) {
    rest = lower.substr(std::string("标题").size());
  } else {
    return -1;
  }
  while (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
  if (rest.size() != 1 || rest[0] < '1' || rest[0] > '9') return -1;
  return rest[0] - '1';
}

Status Styles::Parse(XmlStream* xml) {
  std::string v;
  while (xml->Next()) {
    if (xml->type() != NodeType::kElement || !xml->Is(Ns::kW, "style")) continue;
    std::string type, id;
    xml->Attr(Ns::kW, "type", &type);
    xml->Attr(Ns::kW, "styleId", &id);
    if (type != "paragraph" && !type.empty()) {
      if (!xml->Skip()) break;
      continue;
    }
    Def def;
    std::string is_default;
    if (xml->Attr(Ns::kW, "default", &is_default) && (is_default == "1" || is_default == "true")) {
      default_id_ = id;
    }
    if (!xml->empty()) {
      int d = xml->depth();
      while (xml->Next()) {
        if (xml->type() == NodeType::kEndElement && xml->depth() == d) break;
        if (xml->type() != NodeType::kElement) continue;
        if (xml->Is(Ns::kW, "name") && xml->Attr(Ns::kW, "val", &v)) {
          def.name = v;
        } else if (xml->Is(Ns::kW, "basedOn") && xml->Attr(Ns::kW, "val", &v)) {
          def.based_on = v;
        } else if (xml->Is(Ns::kW, "outlineLvl") && xml->Attr(Ns::kW, "val", &v)) {
          def.outline_level = ToInt(v, -1);
        } else if (xml->Is(Ns::kW, "numId") && xml->Attr(Ns::kW, "val", &v)) {
          def.num_id = ToInt(v, -1);
        } else if (xml->Is(Ns::kW, "ilvl") && xml->Attr(Ns::kW, "val", &v)) {
          def.ilvl = ToInt(v, -1);
        } else if (xml->Is(Ns::kW, "pPrChange") || xml->Is(Ns::kW, "rPr") ||
                   xml->Is(Ns::kW, "tblPr") || xml->Is(Ns::kW, "tblStylePr")) {
          if (!xml->Skip()) break;
        }
      }
    }
    if (!id.empty()) defs_[id] = std::move(def);
  }
  return xml->status();
}

const ResolvedStyle& Styles::Resolve(const std::string& style_id, bool* known) const {
  if (known) *known = true;
  std::string id = style_id;
  if (id.empty() || defs_.find(id) == defs_.end()) {
    if (!id.empty() && known) *known = false;
    id = default_id_;
  }
  if (id.empty()) return none_;
  auto it = cache_.find(id);
  if (it != cache_.end()) return it->second;
  return ResolveUncached(id);
}

const ResolvedStyle& Styles::ResolveUncached(const std::string& id) const {
  ResolvedStyle r;
  int outline = -1, name_level = -1;
  bool outline_set = false;
  std::string cur = id;
  for (int hops = 0; hops < 32 && !cur.empty(); ++hops) {
    auto it = defs_.find(cur);
    if (it == defs_.end()) break;
    const Def& d = it->second;
    if (hops == 0) r.name = d.name.empty() ? cur : d.name;
    if (!outline_set && d.outline_level >= 0) {
      outline = d.outline_level;
      outline_set = true;
    }
    if (name_level < 0) name_level = HeadingLevelFromName(d.name);
    if (r.num_id < 0 && d.num_id >= 0) r.num_id = d.num_id;
    if (r.ilvl < 0 && d.ilvl >= 0) r.ilvl = d.ilvl;
    if (d.based_on == cur) break;
    cur = d.based_on;
  }
  if (outline_set) {
    r.outline_level = (outline >= 0 && outline <= 8) ? outline : -1;
  } else {
    r.outline_level = name_level;
  }
  return cache_.emplace(id, std::move(r)).first->second;
}

}  // namespace jixiao::docx
