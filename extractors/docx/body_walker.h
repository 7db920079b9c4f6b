// The walk over word/document.xml: w:body in reading order into model
// Blocks. Paragraphs (runs, tabs, breaks, symbols, fields, tracked changes,
// content controls, hidden text), headings, automatic numbering, tables (via
// TableBuilder), text boxes (after their anchor paragraph).
//
// Text rules (what Word shows, in the layout of export.h):
//   - w:t / m:t text as is; w:del, w:delText, w:moveFrom, w:instrText, field
//     instructions (between fldChar begin and separate) and w:vanish runs are
//     left out; w:ins and w:moveTo are kept; a deleted paragraph mark joins
//     the paragraph to the next one.
//   - w:tab / w:ptab become '\t' between text, but a tab at the start of a
//     line (paragraph start, or after a break) is indentation and is dropped:
//     the text layout reserves a leading TAB for table cells.
//   - w:br and w:cr become '\n'; a page or column break becomes '\n' only
//     between text (never at the start or end of a paragraph).
//   - w:sym becomes the Unicode character of its font's glyph (symbols.h).
//   - w:noBreakHyphen is '-', w:softHyphen nothing; a check box form field
//     (FORMCHECKBOX) is ☒ or ☐.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "extractors/docx/numbering.h"
#include "extractors/docx/styles.h"
#include "extractors/docx/table_builder.h"
#include "extractors/docx/xml_stream.h"
#include "pipeline/model/document.h"
#include "pipeline/model/status.h"

namespace jixiao::docx {

class BodyWalker {
 public:
  // styles and numbering may be empty; all pointers must outlive Run().
  BodyWalker(XmlStream* xml, const Styles* styles, Numbering* numbering, Document* doc);

  // Appends the body's blocks to doc->blocks and diagnostics to
  // doc->diagnostics. A non-OK status is an XML, limit or time error of the
  // stream; blocks read before it stay in the document.
  Status Run();

  // Counts of what was dropped or adjusted, for the summary diagnostics.
  const std::map<std::string, int>& notes() const { return note_count_; }

 private:
  // Counts one paragraph or cell of the model; past the document's bound
  // (ExtractOptions::max_model_items) the stream stops with LimitExceeded.
  void CountItem();
  size_t items_ = 0;

  // A paragraph or table produced inside a container.
  struct Item {
    bool is_table = false;
    Block block;
  };
  // Body, table cell or text box: collects what is inside it.
  struct Container {
    enum class Kind { kBody, kCell, kTextBox };
    Kind kind = Kind::kBody;
    std::vector<Item> items;
    std::string pending_join;  // text of paragraphs whose mark was deleted
    bool has_pending = false;
    std::vector<Item> pending_after;
  };
  struct Para {
    std::string text;
    std::string style_id;
    int num_id = -1;
    int ilvl = -1;
    int outline = -1;  // -1 unset
    bool mark_deleted = false;
    bool pending_page_break = false;
    std::vector<Item> after;  // text box content, emitted after the paragraph
  };

  // Each walks the element the stream is on, through its end.
  void BlockChildren(Container* c);
  void BlockElement(Container* c);
  void Paragraph(Container* c);
  void ParagraphProps(Para* p);
  void InlineChildren(Para* p);
  void InlineElement(Para* p);
  void Run(Para* p);
  void TextBox(Para* p);
  void Table(Container* c);
  void TableChildren(TableBuilder* tb);
  void Row(TableBuilder* tb);
  void RowChildren(TableBuilder* tb, bool* deleted, bool* begun, int* grid_before);
  void CellElement(TableBuilder* tb, bool* begun, int grid_before);
  // mc:AlternateContent: walks exactly one branch with `walk`.
  void Alternate(const std::function<void()>& walk);
  bool ChoiceUnderstood();

  void AppendText(Para* p, std::string_view s);
  void AppendTab(Para* p);
  void AppendBreak(Para* p, bool page);
  bool Visible() const;
  void FinishParagraph(Container* c, Para* p);
  void Add(Container* c, Item item);
  void FlushPending(Container* c);
  void DeepInline(Para* p);
  void ReadText(Para* p);
  // On a w:fldChar begin: consumes it; 1 / 0 for a checked / unchecked
  // check box form field, -1 for any other field.
  int FormCheckBox();
  void Note(const std::string& code, const std::string& message = "");

  XmlStream* xml_;
  const Styles* styles_;
  Numbering* numbering_;
  Document* doc_;
  int body_index_ = -1;
  int table_count_ = 0;
  int textbox_depth_ = 0;
  bool run_hidden_ = false;
  std::vector<bool> fields_;  // per open field: true once its result started
  std::map<std::string, int> note_count_;
  std::map<std::string, std::string> note_text_;
};

}  // namespace jixiao::docx
