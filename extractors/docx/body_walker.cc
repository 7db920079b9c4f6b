// Streaming walk of w:body into Blocks: block content, paragraphs and runs
// (see body_walker.h for the text rules; tables are in table_walker.cc).
// Covered by docx_feature_test.cc, one test per feature fixture in
// corpus/docx-features, and by docx_seed_test.cc on the real report.
#include "extractors/docx/body_walker.h"

#include <cstdlib>

#include "extractors/docx/for_each_child.h"
#include "extractors/docx/symbols.h"
#include "extractors/docx/to_int.h"
#include "pipeline/model/numbering_label.h"

namespace jixiao::docx {

namespace {

bool IsOff(const std::string& v) { return v == "0" || v == "false" || v == "off"; }

}  // namespace

BodyWalker::BodyWalker(XmlStream* xml, const Styles* styles, Numbering* numbering, Document* doc)
    : xml_(xml), styles_(styles), numbering_(numbering), doc_(doc) {}

void BodyWalker::Note(const std::string& code, const std::string& message) {
  if (note_count_[code]++ == 0) note_text_[code] = message;
}

Status BodyWalker::Run() {
  bool root_seen = false;
  while (xml_->Next()) {
    if (xml_->type() != NodeType::kElement) continue;
    if (!root_seen) {
      root_seen = true;
      if (!xml_->Is(Ns::kW, "document")) {
        return Status::InvalidInput(xml_->part() + " is not a WordprocessingML document (root <" +
                                    std::string(xml_->local()) + ">)");
      }
      continue;
    }
    if (xml_->Is(Ns::kW, "body")) {
      Container body;
      body.kind = Container::Kind::kBody;
      BlockChildren(&body);
      FlushPending(&body);
      break;
    }
    if (!xml_->Skip()) break;
  }
  if (!xml_->status().ok()) return xml_->status();
  if (!root_seen) return Status::InvalidInput(xml_->part() + " is empty");

  static const std::map<std::string, std::pair<Diagnostic::Severity, const char*>> kKinds = {
      {"docx_deleted_text", {Diagnostic::Severity::kInfo, "tracked deletions left out"}},
      {"docx_deleted_row", {Diagnostic::Severity::kInfo, "tracked deleted table rows left out"}},
      {"docx_moved_from", {Diagnostic::Severity::kInfo, "tracked move sources left out"}},
      {"docx_hidden_text", {Diagnostic::Severity::kInfo, "hidden (w:vanish) runs left out"}},
      {"docx_field_instruction", {Diagnostic::Severity::kInfo, "field instructions left out, results kept"}},
      {"docx_textbox", {Diagnostic::Severity::kInfo, "text boxes placed after their anchor paragraph"}},
      {"docx_unknown_style", {Diagnostic::Severity::kWarning, "paragraph style not defined in styles.xml"}},
      {"docx_unknown_numbering", {Diagnostic::Severity::kWarning, "numbering instance not defined in numbering.xml; label left out"}},
      {"docx_symbol_unmapped", {Diagnostic::Severity::kWarning, "symbol-font character without a Unicode equivalent kept as a private-use character"}},
      {"docx_merge", {Diagnostic::Severity::kWarning, "inconsistent table merge markup"}},
      {"docx_altchunk", {Diagnostic::Severity::kWarning, "embedded alternative-format chunk (w:altChunk) not read"}},
      {"docx_alternate_content", {Diagnostic::Severity::kInfo, "mc:AlternateContent: one branch read"}},
  };
  for (const auto& [code, count] : note_count_) {
    auto k = kKinds.find(code);
    Diagnostic::Severity sev = k == kKinds.end() ? Diagnostic::Severity::kInfo : k->second.first;
    std::string msg = k == kKinds.end() ? code : k->second.second;
    const std::string& detail = note_text_[code];
    if (!detail.empty()) msg += ": " + detail;
    msg += " (" + std::to_string(count) + (count == 1 ? " time)" : " times)");
    doc_->AddDiagnostic(sev, code, msg);
  }
  return Status::Ok();
}

void BodyWalker::Alternate(const std::function<void()>& walk) {
  Note("docx_alternate_content");
  bool chosen = false;
  FOR_EACH_CHILD({
    if (!chosen && xml_->Is(Ns::kMc, "Choice") && ChoiceUnderstood()) {
      walk();
      chosen = true;
    } else if (!chosen && xml_->Is(Ns::kMc, "Fallback")) {
      walk();
      chosen = true;
    } else if (!xml_->Skip()) {
      break;
    }
  });
}

bool BodyWalker::ChoiceUnderstood() {
  std::string req;
  if (!xml_->Attr(Ns::kOther, "Requires", &req)) return false;
  size_t i = 0;
  bool any = false;
  while (i < req.size()) {
    size_t j = req.find(' ', i);
    if (j == std::string::npos) j = req.size();
    std::string prefix = req.substr(i, j - i);
    i = j + 1;
    if (prefix.empty()) continue;
    any = true;
    std::string uri = xml_->LookupPrefix(prefix);
    if (uri.rfind("http://schemas.microsoft.com/office/word/", 0) != 0 &&
        uri.rfind("http://schemas.microsoft.com/office/drawing/", 0) != 0 &&
        uri.rfind("http://schemas.openxmlformats.org/", 0) != 0 &&
        uri.rfind("urn:schemas-microsoft-com:", 0) != 0) {
      return false;
    }
  }
  return any;
}

// ---- block level ---------------------------------------------------------

void BodyWalker::BlockChildren(Container* c) { FOR_EACH_CHILD({ BlockElement(c); }); }

void BodyWalker::BlockElement(Container* c) {
  if (xml_->ns() == Ns::kW) {
    std::string_view n = xml_->local();
    if (n == "p" || n == "tbl") {
      if (c->kind == Container::Kind::kBody) ++body_index_;
      if (n == "p") Paragraph(c);
      else Table(c);
      return;
    }
    if (n == "sdt" || n == "sdtContent" || n == "customXml" || n == "ins" || n == "moveTo" ||
        n == "smartTag" || n == "txbxContent") {
      BlockChildren(c);
      return;
    }
    if (n == "del") Note("docx_deleted_text");
    if (n == "moveFrom") Note("docx_moved_from");
    if (n == "altChunk") Note("docx_altchunk");
    xml_->Skip();
    return;
  }
  if (xml_->Is(Ns::kMc, "AlternateContent")) {
    Alternate([&] { BlockChildren(c); });
    return;
  }
  xml_->Skip();
}

void BodyWalker::CountItem() {
  const size_t max = xml_->options().max_model_items;
  if (max > 0 && ++items_ > max)
    xml_->Abort(Status::LimitExceeded(
        "文档内容超出安全上限：段落和表格单元格超过 " + std::to_string(max) +
        " 个，未读取（document too large: more than " + std::to_string(max) + " paragraphs and cells）"));
}

void BodyWalker::Add(Container* c, Item item) {
  CountItem();
  if (c->kind == Container::Kind::kBody) {
    doc_->blocks.push_back(std::move(item.block));
  } else {
    c->items.push_back(std::move(item));
  }
}

void BodyWalker::FlushPending(Container* c) {
  if (!c->has_pending) return;
  Para p;
  FinishParagraph(c, &p);
}

// ---- paragraphs ----------------------------------------------------------

void BodyWalker::Paragraph(Container* c) {
  Para p;
  InlineChildren(&p);
  FinishParagraph(c, &p);
}

void BodyWalker::ParagraphProps(Para* p) {
  std::string v;
  FOR_EACH_CHILD({
    if (xml_->ns() != Ns::kW) {
      xml_->Skip();
      continue;
    }
    std::string_view n = xml_->local();
    if (n == "pStyle") {
      if (xml_->Attr(Ns::kW, "val", &v)) p->style_id = v;
      xml_->Skip();
    } else if (n == "numPr") {
      FOR_EACH_CHILD({
        if (xml_->Is(Ns::kW, "ilvl") && xml_->Attr(Ns::kW, "val", &v)) p->ilvl = ToInt(v, -1);
        else if (xml_->Is(Ns::kW, "numId") && xml_->Attr(Ns::kW, "val", &v)) p->num_id = ToInt(v, -1);
        xml_->Skip();
      });
    } else if (n == "outlineLvl") {
      if (xml_->Attr(Ns::kW, "val", &v)) p->outline = ToInt(v, -1);
      xml_->Skip();
    } else if (n == "rPr") {
      FOR_EACH_CHILD({
        if (xml_->Is(Ns::kW, "del") || xml_->Is(Ns::kW, "moveFrom")) p->mark_deleted = true;
        xml_->Skip();
      });
    } else {
      xml_->Skip();  // pPrChange, sectPr, spacing, ...
    }
  });
}

void BodyWalker::InlineChildren(Para* p) { FOR_EACH_CHILD({ InlineElement(p); }); }

void BodyWalker::InlineElement(Para* p) {
  Ns ns = xml_->ns();
  std::string_view n = xml_->local();
  if (ns == Ns::kW) {
    if (n == "r") {
      Run(p);
    } else if (n == "pPr") {
      ParagraphProps(p);
    } else if (n == "hyperlink" || n == "ins" || n == "moveTo" || n == "smartTag" ||
               n == "customXml" || n == "sdt" || n == "sdtContent" || n == "dir" || n == "bdo") {
      InlineChildren(p);
    } else if (n == "fldSimple") {
      fields_.push_back(true);
      Note("docx_field_instruction");
      InlineChildren(p);
      fields_.pop_back();
    } else if (n == "del" || n == "moveFrom") {
      Note(n == "del" ? "docx_deleted_text" : "docx_moved_from");
      xml_->Skip();
    } else if (n == "txbxContent") {
      TextBox(p);
    } else {
      xml_->Skip();  // sdtPr, sdtEndPr, bookmarks, proofErr, permStart, ...
    }
  } else if (ns == Ns::kMc && n == "AlternateContent") {
    Alternate([&] { InlineChildren(p); });
  } else if (ns == Ns::kM) {
    if (n == "t") {
      ReadText(p);
    } else {
      InlineChildren(p);
    }
  } else {
    DeepInline(p);
  }
}

// Inside drawings, pictures and objects only text boxes carry text.
void BodyWalker::DeepInline(Para* p) {
  FOR_EACH_CHILD({
    if (xml_->Is(Ns::kW, "txbxContent")) {
      TextBox(p);
    } else if (xml_->Is(Ns::kMc, "AlternateContent")) {
      Alternate([&] { DeepInline(p); });
    } else {
      DeepInline(p);
    }
  });
}

void BodyWalker::ReadText(Para* p) {
  if (xml_->empty()) return;
  bool visible = Visible();
  int d = xml_->depth();
  while (xml_->Next()) {
    if (xml_->type() == NodeType::kEndElement && xml_->depth() == d) break;
    if (xml_->type() == NodeType::kText && visible) AppendText(p, xml_->text());
  }
}

bool BodyWalker::Visible() const {
  if (run_hidden_) return false;
  for (bool result : fields_) {
    if (!result) return false;
  }
  return true;
}

void BodyWalker::AppendText(Para* p, std::string_view s) {
  if (s.empty()) return;
  if (p->pending_page_break) {
    if (!p->text.empty() && p->text.back() != '\n') p->text.push_back('\n');
    p->pending_page_break = false;
  }
  p->text.append(s);
}

void BodyWalker::AppendTab(Para* p) {
  if (p->text.empty() || p->text.back() == '\n' || p->pending_page_break) return;
  p->text.push_back('\t');
}

void BodyWalker::AppendBreak(Para* p, bool page) {
  if (page) {
    p->pending_page_break = true;
    return;
  }
  p->pending_page_break = false;
  p->text.push_back('\n');
}

void BodyWalker::Run(Para* p) {
  run_hidden_ = false;
  std::string v;
  FOR_EACH_CHILD({
    Ns ns = xml_->ns();
    std::string_view n = xml_->local();
    if (ns != Ns::kW) {
      if (ns == Ns::kMc && n == "AlternateContent") {
        Alternate([&] { DeepInline(p); });
      } else if (ns == Ns::kM) {
        InlineElement(p);
      } else {
        DeepInline(p);
      }
      continue;
    }
    if (n == "t") {
      ReadText(p);
    } else if (n == "rPr") {
      FOR_EACH_CHILD({
        if (xml_->Is(Ns::kW, "vanish") && !(xml_->Attr(Ns::kW, "val", &v) && IsOff(v))) {
          run_hidden_ = true;
        }
        xml_->Skip();
      });
    } else if (n == "tab" || n == "ptab") {
      if (Visible()) AppendTab(p);
      xml_->Skip();
    } else if (n == "br") {
      bool page = xml_->Attr(Ns::kW, "type", &v) && (v == "page" || v == "column");
      if (Visible()) AppendBreak(p, page);
      xml_->Skip();
    } else if (n == "cr") {
      if (Visible()) AppendBreak(p, false);
      xml_->Skip();
    } else if (n == "noBreakHyphen") {
      if (Visible()) AppendText(p, "-");
      xml_->Skip();
    } else if (n == "sym") {
      std::string font, ch;
      xml_->Attr(Ns::kW, "font", &font);
      xml_->Attr(Ns::kW, "char", &ch);
      unsigned code = static_cast<unsigned>(std::strtoul(ch.c_str(), nullptr, 16));
      if (Visible() && code != 0) {
        bool mapped = true;
        AppendText(p, MapSymbol(font, code, &mapped));
        if (!mapped) Note("docx_symbol_unmapped", font + " " + ch);
      }
      xml_->Skip();
    } else if (n == "fldChar") {
      xml_->Attr(Ns::kW, "fldCharType", &v);
      if (v == "begin") {
        // A legacy check box form field (FORMCHECKBOX) has no result text:
        // Word draws the box, so its state becomes ☒ or ☐ here.
        int checkbox = FormCheckBox();
        if (checkbox >= 0 && Visible()) AppendText(p, checkbox ? "☒" : "☐");
        fields_.push_back(false);
        Note("docx_field_instruction");
      } else {
        if (v == "separate" && !fields_.empty()) fields_.back() = true;
        if (v == "end" && !fields_.empty()) fields_.pop_back();
        xml_->Skip();
      }
    } else if (n == "delText" || n == "delInstrText") {
      Note("docx_deleted_text");
      xml_->Skip();
    } else if (n == "drawing" || n == "pict" || n == "object") {
      DeepInline(p);
    } else {
      xml_->Skip();  // instrText, footnoteReference, lastRenderedPageBreak, ...
    }
  });
  if (run_hidden_) Note("docx_hidden_text");
  run_hidden_ = false;
}

int BodyWalker::FormCheckBox() {
  int state = -1;
  std::string v;
  FOR_EACH_CHILD({
    if (xml_->Is(Ns::kW, "ffData")) {
      FOR_EACH_CHILD({
        if (xml_->Is(Ns::kW, "checkBox")) {
          int def = 0, checked = -1;
          FOR_EACH_CHILD({
            bool on = !(xml_->Attr(Ns::kW, "val", &v) && IsOff(v));
            if (xml_->Is(Ns::kW, "default")) def = on ? 1 : 0;
            if (xml_->Is(Ns::kW, "checked")) checked = on ? 1 : 0;
            xml_->Skip();
          });
          state = checked >= 0 ? checked : def;
        } else {
          xml_->Skip();
        }
      });
    } else {
      xml_->Skip();
    }
  });
  return state;
}

void BodyWalker::TextBox(Para* p) {
  Note("docx_textbox");
  std::vector<bool> saved_fields;
  saved_fields.swap(fields_);
  bool saved_hidden = run_hidden_;
  ++textbox_depth_;
  Container box;
  box.kind = Container::Kind::kTextBox;
  BlockChildren(&box);
  FlushPending(&box);
  --textbox_depth_;
  run_hidden_ = saved_hidden;
  fields_.swap(saved_fields);
  int para = 0;
  for (Item& item : box.items) {
    item.block.prov.body_index = body_index_;
    if (!item.is_table) item.block.prov.paragraph = para++;
    p->after.push_back(std::move(item));
  }
}

void BodyWalker::FinishParagraph(Container* c, Para* p) {
  if (p->mark_deleted) {
    c->pending_join += p->text;
    c->has_pending = true;
    for (Item& item : p->after) c->pending_after.push_back(std::move(item));
    Note("docx_deleted_text");
    return;
  }
  std::string text;
  std::vector<Item> after;
  if (c->has_pending) {
    text = std::move(c->pending_join);
    text += p->text;
    after = std::move(c->pending_after);
    c->pending_join.clear();
    c->pending_after.clear();
    c->has_pending = false;
  } else {
    text = std::move(p->text);
  }
  for (Item& item : p->after) after.push_back(std::move(item));

  bool known = true;
  const ResolvedStyle& st = styles_->Resolve(p->style_id, &known);
  if (!known) Note("docx_unknown_style", p->style_id);
  int num_id = p->num_id >= 0 ? p->num_id : st.num_id;
  int ilvl = p->ilvl >= 0 ? p->ilvl : -1;
  if (ilvl < 0 && num_id > 0) {
    if (p->num_id < 0 && st.ilvl >= 0) ilvl = st.ilvl;
    if (ilvl < 0 && !p->style_id.empty()) ilvl = numbering_->LevelForStyle(num_id, p->style_id, styles_);
    if (ilvl < 0) ilvl = 0;
  }

  Item item;
  Block& b = item.block;
  if (num_id > 0) {
    bool unknown = false;
    numbering_->Next(num_id, ilvl, styles_, &b.label, &unknown);
    if (unknown) Note("docx_unknown_numbering", "numId " + std::to_string(num_id));
  }
  int outline = p->outline >= 0 ? (p->outline <= 8 ? p->outline : -1) : st.outline_level;
  if (outline >= 0) {
    b.kind = BlockKind::kHeading;
    b.level = outline + 1;
  }
  if (!p->style_id.empty()) b.style = known ? st.name : p->style_id;
  if (b.label.empty() && c->kind != Container::Kind::kCell) {
    std::string rest;
    NumberingLabel typed = SplitNumberingLabel(text, &rest);
    if (typed.style != LabelStyle::kNone) {
      b.label = typed.label;
      text = std::move(rest);
    }
  }
  b.text = std::move(text);
  b.prov.body_index = body_index_;
  Add(c, std::move(item));
  for (Item& a : after) Add(c, std::move(a));
}

}  // namespace jixiao::docx
