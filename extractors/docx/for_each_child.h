// FOR_EACH_CHILD(body): the loop the DOCX walkers use over the children of
// the element an XmlStream named xml_ is on. `body` sees each child element
// start and must consume it through its end (xml_->Skip() when it has no use
// for it); text nodes between children are passed over. Internal to
// extractors/docx.
#pragma once

#include "extractors/docx/xml_stream.h"

#define FOR_EACH_CHILD(...)                                                  \
  do {                                                                        \
    if (xml_->type() != NodeType::kElement || xml_->empty()) break;           \
    int for_depth_ = xml_->depth();                                           \
    while (xml_->Next()) {                                                    \
      if (xml_->type() == NodeType::kEndElement && xml_->depth() == for_depth_) break; \
      if (xml_->type() != NodeType::kElement) continue;                       \
      __VA_ARGS__                                                             \
    }                                                                         \
  } while (0)

