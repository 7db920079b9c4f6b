// The w:tbl part of the body walk: rows, cells and their properties
// (w:gridSpan, w:vMerge, w:hMerge, w:gridBefore, deleted rows), content
// controls around rows and cells, nested tables through the cell's block
// content; TableBuilder turns them into the model's grid. Covered by
// docx_feature_test.cc (MergedCells, NestedTables, ContentControls,
// TrackedChanges).
#include "extractors/docx/body_walker.h"
#include "extractors/docx/for_each_child.h"
#include "extractors/docx/to_int.h"

namespace jixiao::docx {

void BodyWalker::Table(Container* c) {
  TableBuilder tb(table_count_++, body_index_);
  TableChildren(&tb);
  Item item;
  item.is_table = true;
  item.block.kind = BlockKind::kTable;
  item.block.table = tb.Finish();
  item.block.prov = item.block.table.prov;
  Add(c, std::move(item));
}

void BodyWalker::TableChildren(TableBuilder* tb) {
  FOR_EACH_CHILD({
    Ns ns = xml_->ns();
    std::string_view n = xml_->local();
    if (ns == Ns::kW && n == "tr") {
      Row(tb);
    } else if (ns == Ns::kW && n == "tblGrid") {
      int cols = 0;
      FOR_EACH_CHILD({
        if (xml_->Is(Ns::kW, "gridCol")) ++cols;
        xml_->Skip();
      });
      tb->SetGridColumns(cols);
    } else if (ns == Ns::kW && (n == "sdt" || n == "sdtContent" || n == "customXml" ||
                                n == "ins" || n == "moveTo")) {
      TableChildren(tb);
    } else if (ns == Ns::kMc && n == "AlternateContent") {
      Alternate([&] { TableChildren(tb); });
    } else {
      if (ns == Ns::kW && n == "del") Note("docx_deleted_row");
      xml_->Skip();
    }
  });
}

void BodyWalker::Row(TableBuilder* tb) {
  bool deleted = false, begun = false;
  int grid_before = 0;
  RowChildren(tb, &deleted, &begun, &grid_before);
  if (deleted) {
    Note("docx_deleted_row");
    return;
  }
  if (!begun) tb->BeginRow(grid_before);
  tb->EndRow();
}

void BodyWalker::RowChildren(TableBuilder* tb, bool* deleted, bool* begun, int* grid_before) {
  std::string v;
  FOR_EACH_CHILD({
    Ns ns = xml_->ns();
    std::string_view n = xml_->local();
    if (ns == Ns::kW && n == "trPr") {
      FOR_EACH_CHILD({
        if (xml_->Is(Ns::kW, "del")) *deleted = true;
        else if (xml_->Is(Ns::kW, "gridBefore") && xml_->Attr(Ns::kW, "val", &v)) *grid_before = ToInt(v, 0);
        xml_->Skip();
      });
    } else if (ns == Ns::kW && n == "tc") {
      if (*deleted) {
        xml_->Skip();
        continue;
      }
      if (!*begun) {
        tb->BeginRow(*grid_before);
        *begun = true;
      }
      CellElement(tb, begun, *grid_before);
    } else if (ns == Ns::kW && (n == "sdt" || n == "sdtContent" || n == "customXml" ||
                                n == "ins" || n == "moveTo")) {
      RowChildren(tb, deleted, begun, grid_before);
    } else if (ns == Ns::kMc && n == "AlternateContent") {
      Alternate([&] { RowChildren(tb, deleted, begun, grid_before); });
    } else {
      xml_->Skip();
    }
  });
}

void BodyWalker::CellElement(TableBuilder* tb, bool* begun, int grid_before) {
  Container cell;
  cell.kind = Container::Kind::kCell;
  int span = 1;
  auto vmerge = TableBuilder::VMerge::kNone;
  auto hmerge = TableBuilder::HMerge::kNone;
  std::string v;
  FOR_EACH_CHILD({
    if (xml_->Is(Ns::kW, "tcPr")) {
      FOR_EACH_CHILD({
        if (xml_->Is(Ns::kW, "gridSpan") && xml_->Attr(Ns::kW, "val", &v)) {
          span = ToInt(v, 1);
        } else if (xml_->Is(Ns::kW, "vMerge")) {
          bool restart = xml_->Attr(Ns::kW, "val", &v) && v == "restart";
          vmerge = restart ? TableBuilder::VMerge::kRestart : TableBuilder::VMerge::kContinue;
        } else if (xml_->Is(Ns::kW, "hMerge")) {
          bool restart = xml_->Attr(Ns::kW, "val", &v) && v == "restart";
          hmerge = restart ? TableBuilder::HMerge::kRestart : TableBuilder::HMerge::kContinue;
        }
        xml_->Skip();
      });
    } else {
      BlockElement(&cell);
    }
  });
  FlushPending(&cell);
  std::vector<std::string> paragraphs;
  std::vector<jixiao::Table> nested;
  for (Item& item : cell.items) {
    if (item.is_table) nested.push_back(std::move(item.block.table));
    else paragraphs.push_back(item.block.FullText());
  }
  CountItem();
  std::string note = tb->AddCell(span, vmerge, hmerge, std::move(paragraphs), std::move(nested));
  if (!note.empty()) Note("docx_merge", note);
}

}  // namespace jixiao::docx
