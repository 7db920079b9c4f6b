// A forward-only stream of XML nodes over one ZIP part: libxml2's
// xmlTextReader reading through xmlReaderForIO from a ZipPartReader, so
// memory stays bounded whatever the size of the part.
//
// Hardened for hostile input: no entity substitution (XML_PARSE_NOENT is
// never set), no DTD loading, no network (XML_PARSE_NONET), and any part that
// carries a DOCTYPE is refused outright (OOXML parts never have one), so
// billion-laughs entities are never expanded. Element nesting deeper than
// ExtractOptions::max_xml_depth is refused, and the per-document time limit
// is checked as nodes are read.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "extractors/docx/zip_archive.h"
#include "pipeline/model/extract_options.h"
#include "pipeline/model/status.h"

typedef struct _xmlTextReader xmlTextReader;

namespace jixiao::docx {

// Namespaces the DOCX reader distinguishes.
enum class Ns {
  kOther,
  kW,     // WordprocessingML main (transitional or strict)
  kMc,    // markup compatibility
  kR,     // relationships (attributes)
  kM,     // Office math
  kPkgRel,   // package relationships (.rels parts)
};

enum class NodeType { kElement, kEndElement, kText, kOther };

class XmlStream {
 public:
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Opens part `name` of *zip (which must outlive the stream). `deadline` is
  // when the per-document time limit runs out (time_point::max(): none).
  static Status Open(ZipArchive* zip, const std::string& name, const ExtractOptions& opts,
                     std::chrono::steady_clock::time_point deadline,
                     std::unique_ptr<XmlStream>* out);

  // Moves to the next node. False at the end of the part or on an error;
  // status() tells which (ok at a clean end).
  bool Next();
  // On an element start: moves to its matching end node (an empty element is
  // its own end, so nothing moves). False on an error.
  bool Skip();

  NodeType type() const { return type_; }
  int depth() const { return depth_; }
  // True for <x/>: no end node follows.
  bool empty() const { return empty_; }
  Ns ns() const { return ns_; }
  std::string_view local() const { return local_; }
  bool Is(Ns ns, std::string_view local) const { return ns_ == ns && local_ == local; }
  // Text of a text, CDATA or whitespace node.
  std::string_view text() const;

  // An attribute of the current element in namespace `ns` (kOther: no
  // namespace). False when absent.
  bool Attr(Ns ns, const char* local, std::string* value) const;
  // The namespace URI bound to `prefix` at the current node, or "".
  std::string LookupPrefix(const std::string& prefix) const;

  const Status& status() const { return status_; }
  const std::string& part() const { return part_; }
  int line() const;

  // Called by the libxml2 error hook; keeps the first error.
  void RecordError(int code, const char* message, int line);

 private:
  XmlStream() = default;
  bool Classify();
  void FailFromLibxml();

  struct Source;
  std::unique_ptr<Source> source_;
  xmlTextReader* reader_ = nullptr;
  std::string part_;
  ExtractOptions opts_;
  std::chrono::steady_clock::time_point deadline_;
  uint64_t nodes_ = 0;
  std::string w_uri_;  // the WordprocessingML URI this part uses

  NodeType type_ = NodeType::kOther;
  int depth_ = 0;
  bool empty_ = false;
  Ns ns_ = Ns::kOther;
  std::string_view local_;
  const unsigned char* last_uri_ = nullptr;
  Ns last_ns_ = Ns::kOther;
  Status status_;
  std::string first_error_;
  int first_error_code_ = 0;
  bool done_ = false;
};

}  // namespace jixiao::docx
