// Streaming, hardened XML reading of ZIP parts (xmlReaderForIO over
// ZipPartReader). Covered by docx_bad_input_test.cc (BillionLaughs,
// ExternalEntity, DeepNesting, MalformedXml) and by every feature test.
#include "extractors/docx/xml_stream.h"

#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <cstring>

namespace jixiao::docx {

namespace {

constexpr const char* kWTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kMcUri = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr const char* kRTransitional = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships";
constexpr const char* kMUri = "http://schemas.openxmlformats.org/officeDocument/2006/math";
constexpr const char* kMStrict = "http://purl.oclc.org/ooxml/officeDocument/math";
constexpr const char* kPkgRelUri = "http://schemas.openxmlformats.org/package/2006/relationships";

Ns NsOf(const char* uri) {
  if (uri == nullptr) return Ns::kOther;
  if (std::strcmp(uri, kWTransitional) == 0 || std::strcmp(uri, kWStrict) == 0) return Ns::kW;
  if (std::strcmp(uri, kMcUri) == 0) return Ns::kMc;
  if (std::strcmp(uri, kRTransitional) == 0 || std::strcmp(uri, kRStrict) == 0) return Ns::kR;
  if (std::strcmp(uri, kMUri) == 0 || std::strcmp(uri, kMStrict) == 0) return Ns::kM;
  if (std::strcmp(uri, kPkgRelUri) == 0) return Ns::kPkgRel;
  return Ns::kOther;
}

void ErrorHook(void* ctx, xmlErrorPtr error) {
  if (error == nullptr || ctx == nullptr) return;
  if (error->level < XML_ERR_ERROR) return;  // warnings are harmless here
  static_cast<XmlStream*>(ctx)->RecordError(error->code, error->message, error->line);
}

}  // namespace

// Feeds libxml2 from the part, looking at the first bytes for a DOCTYPE.
struct XmlStream::Source {
  std::unique_ptr<ZipPartReader> part;
  std::string prefix;      // first bytes, already read for the DOCTYPE check
  size_t prefix_pos = 0;
  bool doctype = false;

  static int Read(void* ctx, char* buf, int len) {
    auto* self = static_cast<Source*>(ctx);
    if (self->prefix_pos < self->prefix.size()) {
      size_t n = std::min<size_t>(len, self->prefix.size() - self->prefix_pos);
      std::memcpy(buf, self->prefix.data() + self->prefix_pos, n);
      self->prefix_pos += n;
      return static_cast<int>(n);
    }
    return self->part->Read(buf, len);
  }
  static int Close(void*) { return 0; }
};

XmlStream::~XmlStream() {
  if (reader_ != nullptr) xmlFreeTextReader(reader_);
}

void XmlStream::RecordError(int code, const char* message, int line) {
  if (!first_error_.empty()) return;
  first_error_ = message ? message : "XML error";
  while (!first_error_.empty() && (first_error_.back() == '\n' || first_error_.back() == ' ')) {
    first_error_.pop_back();
  }
  first_error_ = "line " + std::to_string(line) + ": " + first_error_;
  first_error_code_ = code;
}

Status XmlStream::Open(ZipArchive* zip, const std::string& name, const ExtractOptions& opts,
                       std::chrono::steady_clock::time_point deadline,
                       std::unique_ptr<XmlStream>* out) {
  auto s = std::unique_ptr<XmlStream>(new XmlStream());
  s->part_ = name;
  s->opts_ = opts;
  s->deadline_ = deadline;
  s->source_ = std::make_unique<Source>();
  Status st = zip->OpenPart(name, &s->source_->part);
  if (!st.ok()) return st;

  // A DOCTYPE must come before the root element: read until the first '<'
  // that starts an element (or 64 KiB) and refuse any DTD.
  char buf[8192];
  while (s->source_->prefix.size() < 65536) {
    int n = s->source_->part->Read(buf, sizeof buf);
    if (n < 0) return s->source_->part->status();
    if (n == 0) break;
    s->source_->prefix.append(buf, n);
    const std::string& p = s->source_->prefix;
    if (p.find("<!DOCTYPE") != std::string::npos || p.find("<!ENTITY") != std::string::npos) {
      return Status::InvalidInput(name + " declares a DTD (<!DOCTYPE>), which a DOCX part never has; "
                                  "refused to avoid entity expansion");
    }
    // Stop once a root element has started: "<" followed by a name char.
    size_t i = 0;
    bool root = false;
    while ((i = p.find('<', i)) != std::string::npos && i + 1 < p.size()) {
      char c = p[i + 1];
      if (c != '?' && c != '!') { root = true; break; }
      ++i;
    }
    if (root) break;
  }

  int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT |
                XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  s->reader_ = xmlReaderForIO(&Source::Read, &Source::Close, s->source_.get(), name.c_str(),
                              nullptr, options);
  if (s->reader_ == nullptr) return Status::Internal("cannot create an XML reader for " + name);
  xmlTextReaderSetStructuredErrorHandler(s->reader_, &ErrorHook, s.get());
  *out = std::move(s);
  return Status::Ok();
}

std::string_view XmlStream::text() const {
  const xmlChar* v = xmlTextReaderConstValue(reader_);
  return v ? std::string_view(reinterpret_cast<const char*>(v)) : std::string_view();
}

bool XmlStream::Attr(Ns ns, const char* local, std::string* value) const {
  xmlChar* v = nullptr;
  if (ns == Ns::kOther) {
    v = xmlTextReaderGetAttribute(reader_, BAD_CAST local);
  } else {
    const char* uri = nullptr;
    switch (ns) {
      case Ns::kW: uri = w_uri_.empty() ? kWTransitional : w_uri_.c_str(); break;
      case Ns::kR: uri = kRTransitional; break;
      case Ns::kMc: uri = kMcUri; break;
      case Ns::kM: uri = kMUri; break;
      default: break;
    }
    v = xmlTextReaderGetAttributeNs(reader_, BAD_CAST local, BAD_CAST uri);
    if (v == nullptr && ns == Ns::kR) {
      v = xmlTextReaderGetAttributeNs(reader_, BAD_CAST local, BAD_CAST kRStrict);
    }
  }
  if (v == nullptr) return false;
  value->assign(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return true;
}

std::string XmlStream::LookupPrefix(const std::string& prefix) const {
  xmlChar* v = xmlTextReaderLookupNamespace(reader_, BAD_CAST prefix.c_str());
  if (v == nullptr) return "";
  std::string r(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return r;
}

int XmlStream::line() const { return reader_ ? xmlTextReaderGetParserLineNumber(reader_) : 0; }

void XmlStream::FailFromLibxml() {
  if (!status_.ok()) return;
  if (source_ && !source_->part->status().ok()) {
    status_ = source_->part->status();
    return;
  }
  std::string msg = first_error_.empty() ? std::string("unknown XML error") : first_error_;
  if (msg.find("Excessive depth") != std::string::npos ||
      msg.find("xmlParserMaxDepth") != std::string::npos) {
    status_ = Status::LimitExceeded(part_ + ": XML nesting too deep (" + msg + ")");
  } else if (first_error_code_ == XML_ERR_ENTITY_LOOP || msg.find("amplification") != std::string::npos) {
    status_ = Status::LimitExceeded(part_ + ": XML entity expansion refused (" + msg + ")");
  } else {
    status_ = Status::InvalidInput(part_ + " is not well-formed XML (" + msg + ")");
  }
}

bool XmlStream::Classify() {
  int t = xmlTextReaderNodeType(reader_);
  depth_ = xmlTextReaderDepth(reader_);
  switch (t) {
    case XML_READER_TYPE_ELEMENT: {
      type_ = NodeType::kElement;
      empty_ = xmlTextReaderIsEmptyElement(reader_) == 1;
      const xmlChar* uri = xmlTextReaderConstNamespaceUri(reader_);
      if (uri != last_uri_ || uri == nullptr) {
        last_uri_ = uri;
        last_ns_ = NsOf(reinterpret_cast<const char*>(uri));
        if (last_ns_ == Ns::kW && w_uri_.empty()) w_uri_ = reinterpret_cast<const char*>(uri);
      }
      ns_ = last_ns_;
      const xmlChar* l = xmlTextReaderConstLocalName(reader_);
      local_ = l ? std::string_view(reinterpret_cast<const char*>(l)) : std::string_view();
      if (depth_ > opts_.max_xml_depth) {
        status_ = Status::LimitExceeded(part_ + ": XML nesting deeper than " +
                                        std::to_string(opts_.max_xml_depth) + " levels");
        return false;
      }
      break;
    }
    case XML_READER_TYPE_END_ELEMENT: {
      type_ = NodeType::kEndElement;
      empty_ = false;
      const xmlChar* uri = xmlTextReaderConstNamespaceUri(reader_);
      if (uri != last_uri_ || uri == nullptr) {
        last_uri_ = uri;
        last_ns_ = NsOf(reinterpret_cast<const char*>(uri));
      }
      ns_ = last_ns_;
      const xmlChar* l = xmlTextReaderConstLocalName(reader_);
      local_ = l ? std::string_view(reinterpret_cast<const char*>(l)) : std::string_view();
      break;
    }
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      type_ = NodeType::kText;
      break;
    case XML_READER_TYPE_DOCUMENT_TYPE:
      status_ = Status::InvalidInput(part_ + " declares a DTD (<!DOCTYPE>), which a DOCX part never "
                                     "has; refused to avoid entity expansion");
      return false;
    case XML_READER_TYPE_ENTITY_REFERENCE:
      status_ = Status::InvalidInput(part_ + " uses an entity reference; refused");
      return false;
    default:
      type_ = NodeType::kOther;
      break;
  }
  if ((++nodes_ & 4095) == 0 && deadline_ != std::chrono::steady_clock::time_point::max() &&
      std::chrono::steady_clock::now() > deadline_) {
    status_ = Status::Timeout("time limit of " + std::to_string(static_cast<int>(opts_.time_limit_seconds)) +
                              " s reached while reading " + part_);
    return false;
  }
  return true;
}

bool XmlStream::Next() {
  if (done_ || !status_.ok()) return false;
  int r = xmlTextReaderRead(reader_);
  if (r == 1) {
    if (!Classify()) { done_ = true; return false; }
    return true;
  }
  done_ = true;
  if (r < 0 || !first_error_.empty()) FailFromLibxml();
  return false;
}

bool XmlStream::Skip() {
  if (done_ || !status_.ok()) return false;
  if (type_ != NodeType::kElement || empty_) return true;
  int d = depth_;
  while (Next()) {
    if (type_ == NodeType::kEndElement && depth_ == d) return true;
  }
  return false;
}

}  // namespace jixiao::docx
