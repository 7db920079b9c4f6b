// Plain-text (seed dump layout) and Markdown renderings of the document
// model. Covered by model_test.cc and the extractors' golden tests.
#include <string>
#include <vector>

#include "pipeline/model/export.h"
#include "pipeline/model/html.h"

namespace jixiao {
namespace {

void AppendTableText(const Table& t, std::string* out);

void AppendCellText(const Cell& cell, std::string* out) {
  out->push_back('\t');
  if (cell.paragraphs.empty()) {
    out->push_back('\n');
  } else {
    for (const std::string& p : cell.paragraphs) {
      *out += p;
      out->push_back('\n');
    }
  }
  for (const Table& nested : cell.nested) AppendTableText(nested, out);
}

void AppendTableText(const Table& t, std::string* out) {
  // Walk the grid so that positions covered by a vertical merge print as a
  // lone TAB, as Word's text dump does. cover[c] is the cell over column c
  // in the current row; cells are sorted by (row, col), so one pass is enough.
  std::vector<const Cell*> cover(t.cols > 0 ? t.cols : 0, nullptr);
  size_t next = 0;
  for (int r = 0; r < t.rows; ++r) {
    for (; next < t.cells.size() && t.cells[next].row <= r; ++next) {
      const Cell& cell = t.cells[next];
      for (int c = cell.col; c < cell.col + cell.colspan && c < t.cols; ++c)
        if (c >= 0) cover[c] = &cell;
    }
    for (int c = 0; c < t.cols; ++c) {
      const Cell* cell = cover[c];
      if (cell == nullptr || cell->row + cell->rowspan <= r || cell->col != c) continue;  // gap or horizontal span
      if (cell->row == r) {
        AppendCellText(*cell, out);
      } else {
        *out += "\t\n";
      }
    }
    out->push_back('\n');
  }
}

bool NeedsHtml(const Table& t) {
  for (const Cell& c : t.cells) {
    if (c.rowspan > 1 || c.colspan > 1 || c.paragraphs.size() > 1 || !c.nested.empty()) return true;
  }
  return false;
}

std::string PipeEscape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|') out += "\\|";
    else if (ch == '\n') out += "<br>";
    else out += ch;
  }
  return out;
}

void AppendHtmlTable(const Table& t, std::string* out) {
  *out += "<table>\n";
  size_t i = 0;
  for (int r = 0; r < t.rows; ++r) {
    *out += "<tr>";
    for (; i < t.cells.size() && t.cells[i].row == r; ++i) {
      const Cell& c = t.cells[i];
      *out += "<td";
      if (c.rowspan > 1) *out += " rowspan=\"" + std::to_string(c.rowspan) + "\"";
      if (c.colspan > 1) *out += " colspan=\"" + std::to_string(c.colspan) + "\"";
      *out += ">";
      for (size_t p = 0; p < c.paragraphs.size(); ++p) {
        if (p) *out += "<br>";
        *out += HtmlEscape(c.paragraphs[p]);
      }
      for (const Table& nested : c.nested) AppendHtmlTable(nested, out);
      *out += "</td>";
    }
    *out += "</tr>\n";
  }
  *out += "</table>\n";
}

void AppendPipeTable(const Table& t, std::string* out) {
  for (int r = 0; r < t.rows; ++r) {
    *out += "|";
    for (int c = 0; c < t.cols; ++c) {
      const Cell* cell = t.At(r, c);
      *out += " " + (cell ? PipeEscape(cell->Text()) : std::string()) + " |";
    }
    *out += "\n";
    if (r == 0) {
      *out += "|";
      for (int c = 0; c < t.cols; ++c) *out += " --- |";
      *out += "\n";
    }
  }
}

}  // namespace

std::string DocumentToText(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    if (b.kind == BlockKind::kTable) {
      AppendTableText(b.table, &out);
    } else {
      out += b.FullText();
      out.push_back('\n');
    }
  }
  return out;
}

std::string DocumentToMarkdown(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    switch (b.kind) {
      case BlockKind::kHeading: {
        int level = b.level < 1 ? 1 : (b.level > 6 ? 6 : b.level);
        out += std::string(level, '#') + " " + b.FullText() + "\n\n";
        break;
      }
      case BlockKind::kParagraph:
        if (b.FullText().find_first_not_of(" \t") == std::string::npos) break;
        out += b.FullText() + "\n\n";
        break;
      case BlockKind::kTable:
        if (NeedsHtml(b.table)) AppendHtmlTable(b.table, &out);
        else AppendPipeTable(b.table, &out);
        out += "\n";
        break;
    }
  }
  return out;
}

}  // namespace jixiao
