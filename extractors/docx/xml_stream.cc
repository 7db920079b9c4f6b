// Streaming, hardened XML reading of ZIP parts: libxml2's SAX2 push parser
// fed a chunk at a time from ZipPartReader, its events queued and pulled by
// Next(). Covered by docx_bad_input_test.cc (BillionLaughs, ExternalEntity,
// DeepNesting, MalformedXml, TimeLimit) and by every feature test.
#include "extractors/docx/xml_stream.h"

#include "pipeline/model/utf8.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <cstdio>
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

constexpr size_t kChunk = 64 * 1024;

Ns NsOfString(const char* uri) {
  if (uri == nullptr) return Ns::kOther;
  if (std::strcmp(uri, kWTransitional) == 0 || std::strcmp(uri, kWStrict) == 0) return Ns::kW;
  if (std::strcmp(uri, kMcUri) == 0) return Ns::kMc;
  if (std::strcmp(uri, kRTransitional) == 0 || std::strcmp(uri, kRStrict) == 0) return Ns::kR;
  if (std::strcmp(uri, kMUri) == 0 || std::strcmp(uri, kMStrict) == 0) return Ns::kM;
  if (std::strcmp(uri, kPkgRelUri) == 0) return Ns::kPkgRel;
  return Ns::kOther;
}

XmlStream* Self(void* ctx) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  return static_cast<XmlStream*>(ctxt->_private);
}

void StartNs(void* ctx, const xmlChar* local, const xmlChar*, const xmlChar* uri, int nb_namespaces,
             const xmlChar** namespaces, int nb_attributes, int, const xmlChar** attributes) {
  Self(ctx)->OnStart(local, uri, nb_namespaces, namespaces, nb_attributes, attributes);
}
void EndNs(void* ctx, const xmlChar* local, const xmlChar*, const xmlChar* uri) {
  Self(ctx)->OnEnd(local, uri);
}
void Characters(void* ctx, const xmlChar* ch, int len) { Self(ctx)->OnText(ch, len); }
void InternalSubset(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) { Self(ctx)->OnDoctype(); }
void EntityDecl(void* ctx, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*) {
  Self(ctx)->OnDoctype();
}
xmlEntityPtr GetEntity(void*, const xmlChar*) { return nullptr; }
void StructuredError(void* ctx, xmlErrorPtr error) {
  if (error == nullptr || error->level < XML_ERR_ERROR) return;
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  if (ctxt == nullptr || ctxt->_private == nullptr) return;
  static_cast<XmlStream*>(ctxt->_private)->OnError(error->code, error->message, error->line);
}

// libxml2 prints some errors (encoding conversion) through its generic
// handler even with XML_PARSE_NOERROR; they reach us as structured errors
// too, so the generic ones are dropped rather than written to stderr.
void SilentGenericError(void*, const char*, ...) {}

const std::string kDtdRefused =
    " declares a DTD (<!DOCTYPE>), which a DOCX part never has; refused to avoid entity expansion";

}  // namespace

XmlStream::~XmlStream() {
  if (ctxt_ != nullptr) {
    if (ctxt_->myDoc != nullptr) xmlFreeDoc(ctxt_->myDoc);
    xmlFreeParserCtxt(ctxt_);
  }
}

Ns XmlStream::NsOf(const unsigned char* uri) {
  if (uri == last_uri_ && uri != nullptr) return last_ns_;
  last_uri_ = uri;
  last_ns_ = NsOfString(reinterpret_cast<const char*>(uri));
  return last_ns_;
}

void XmlStream::Fail(Status s) {
  if (status_.ok()) status_ = std::move(s);
  if (ctxt_ != nullptr) xmlStopParser(ctxt_);
}

void XmlStream::OnError(int code, const char* message, int line) {
  if (!first_error_.empty()) return;
  // libxml2 quotes the input around the error, cut at a byte count (half a
  // Chinese character, found by fuzzing) and over several lines: the message
  // must stay valid UTF-8 (JSON, CSV, XLSX) and one line.
  std::string raw = message ? message : "XML error";
  first_error_.clear();
  for (size_t i = 0; i < raw.size();) {
    char32_t c = DecodeUtf8(raw, &i);
    if (c == 0xFFFD) continue;  // a cut or invalid sequence: dropped
    AppendUtf8(c == '\n' || c == '\r' || c == '\t' ? ' ' : c, &first_error_);
  }
  while (!first_error_.empty() && first_error_.back() == ' ') first_error_.pop_back();
  first_error_ = "line " + std::to_string(line) + ": " + first_error_;
  first_error_code_ = code;
}

void XmlStream::OnDoctype() { Fail(Status::InvalidInput(part_ + kDtdRefused)); }

void XmlStream::OnStart(const unsigned char* local, const unsigned char* uri, int nb_namespaces,
                        const unsigned char** namespaces, int nb_attributes,
                        const unsigned char** attributes) {
  if (!status_.ok()) return;
  ++parse_depth_;
  if (parse_depth_ > opts_.max_xml_depth) {
    Fail(Status::LimitExceeded(part_ + ": XML nesting deeper than " + std::to_string(opts_.max_xml_depth) +
                               " levels"));
    return;
  }
  uint64_t serial = serial_++;
  for (int i = 0; i < nb_namespaces; ++i) {
    const char* p = reinterpret_cast<const char*>(namespaces[2 * i]);
    const char* u = reinterpret_cast<const char*>(namespaces[2 * i + 1]);
    ns_decls_.push_back({p ? p : "", u ? u : "", parse_depth_, serial, UINT64_MAX});
  }
  Event e{};
  e.type = NodeType::kElement;
  e.depth = parse_depth_;
  e.ns = NsOf(uri);
  e.local = local;
  e.serial = serial;
  e.attr_begin = static_cast<uint32_t>(attrs_.size());
  for (int i = 0; i < nb_attributes; ++i) {
    const xmlChar* const* a = attributes + 5 * i;  // localname, prefix, URI, value, end
    AttrRec r;
    r.ns = a[2] ? NsOf(a[2]) : Ns::kOther;
    // Never read, and on most elements of Word's XML: revision ids (w:rsid*)
    // and attributes of other namespaces (w14:paraId, ...).
    if ((a[2] != nullptr && r.ns == Ns::kOther) ||
        (r.ns == Ns::kW && a[0][0] == 'r' && a[0][1] == 's' && a[0][2] == 'i' && a[0][3] == 'd')) {
      continue;
    }
    r.local = a[0];
    r.value_off = static_cast<uint32_t>(arena_.size());
    r.value_len = static_cast<uint32_t>(a[4] - a[3]);
    arena_.append(reinterpret_cast<const char*>(a[3]), r.value_len);
    attrs_.push_back(r);
  }
  e.attr_end = static_cast<uint32_t>(attrs_.size());
  events_.push_back(e);
}

void XmlStream::OnEnd(const unsigned char* local, const unsigned char* uri) {
  if (!status_.ok()) return;
  Event e{};
  e.type = NodeType::kEndElement;
  e.depth = parse_depth_;
  e.ns = NsOf(uri);
  e.local = local;
  e.serial = serial_++;
  events_.push_back(e);
  for (auto it = ns_decls_.rbegin(); it != ns_decls_.rend() && it->depth >= parse_depth_; ++it) {
    if (it->close == UINT64_MAX) it->close = e.serial;
  }
  --parse_depth_;
}

void XmlStream::OnText(const unsigned char* text, int len) {
  if (!status_.ok() || len <= 0) return;
  if (!events_.empty() && events_.back().type == NodeType::kText &&
      events_.back().off + events_.back().len == arena_.size()) {
    events_.back().len += static_cast<uint32_t>(len);  // one node for adjacent pieces
  } else {
    Event e{};
    e.type = NodeType::kText;
    e.depth = parse_depth_ + 1;
    e.serial = serial_++;
    e.off = static_cast<uint32_t>(arena_.size());
    e.len = static_cast<uint32_t>(len);
    events_.push_back(e);
  }
  arena_.append(reinterpret_cast<const char*>(text), static_cast<size_t>(len));
}

Status XmlStream::Open(ZipArchive* zip, const std::string& name, const ExtractOptions& opts,
                       std::chrono::steady_clock::time_point deadline,
                       std::unique_ptr<XmlStream>* out) {
  auto s = std::unique_ptr<XmlStream>(new XmlStream());
  s->part_ = name;
  s->opts_ = opts;
  s->deadline_ = deadline;
  Status st = zip->OpenPart(name, &s->part_reader_);
  if (!st.ok()) return st;

  // A DOCTYPE must come before the root element: look at the bytes up to the
  // first element start (at most 64 KiB) and refuse any DTD before libxml2
  // sees it.
  char buf[8192];
  while (s->prefix_.size() < 65536) {
    int n = s->part_reader_->Read(buf, sizeof buf);
    if (n < 0) return s->part_reader_->status();
    if (n == 0) break;
    s->prefix_.append(buf, n);
    const std::string& p = s->prefix_;
    if (p.find("<!DOCTYPE") != std::string::npos || p.find("<!ENTITY") != std::string::npos) {
      return Status::InvalidInput(name + kDtdRefused);
    }
    size_t i = 0;
    bool root = false;
    while ((i = p.find('<', i)) != std::string::npos && i + 1 < p.size()) {
      char c = p[i + 1];
      if (c != '?' && c != '!') { root = true; break; }
      ++i;
    }
    if (root) break;
  }

  static xmlSAXHandler sax = [] {
    xmlSAXHandler h;
    std::memset(&h, 0, sizeof h);
    h.initialized = XML_SAX2_MAGIC;
    h.startElementNs = StartNs;
    h.endElementNs = EndNs;
    h.characters = Characters;
    h.cdataBlock = Characters;
    h.internalSubset = InternalSubset;
    h.externalSubset = InternalSubset;
    h.entityDecl = EntityDecl;
    h.getEntity = GetEntity;
    h.getParameterEntity = GetEntity;
    h.serror = StructuredError;
    return h;
  }();
  xmlSetGenericErrorFunc(nullptr, SilentGenericError);  // this thread's handler
  s->ctxt_ = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, name.c_str());
  if (s->ctxt_ == nullptr) return Status::Internal("cannot create an XML parser for " + name);
  s->ctxt_->_private = s.get();
  s->ctxt_->userData = s->ctxt_;  // SAX callbacks receive the context
  xmlCtxtUseOptions(s->ctxt_, XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING);
  *out = std::move(s);
  return Status::Ok();
}

Status XmlStream::Drain() {
  if (!status_.ok()) return status_;
  char buf[16384];
  for (;;) {
    int n = part_reader_->Read(buf, sizeof buf);
    if (n < 0) return part_reader_->status();
    if (n == 0) return Status::Ok();
  }
}

bool XmlStream::Fill() {
  if (eof_ || !status_.ok()) return false;
  events_.clear();
  attrs_.clear();
  arena_.clear();
  next_event_ = 0;
  // Declarations no queued event can see any more.
  size_t keep = 0;
  for (auto& d : ns_decls_) {
    if (d.close == UINT64_MAX) ns_decls_[keep++] = std::move(d);
  }
  ns_decls_.resize(keep);

  if (deadline_ != std::chrono::steady_clock::time_point::max() &&
      std::chrono::steady_clock::now() > deadline_) {
    char secs[32];
    std::snprintf(secs, sizeof secs, "%g", opts_.time_limit_seconds);
    Fail(Status::Timeout(std::string("time limit of ") + secs + " s reached while reading " + part_));
    return false;
  }
  while (events_.empty() && !eof_ && status_.ok()) {
    std::string chunk;
    if (!prefix_.empty()) {
      chunk.swap(prefix_);
    } else {
      chunk.resize(kChunk);
      int n = part_reader_->Read(&chunk[0], static_cast<int>(kChunk));
      if (n < 0) {
        Fail(part_reader_->status());
        return false;
      }
      chunk.resize(static_cast<size_t>(n));
    }
    bool last = chunk.empty();
    int rc = xmlParseChunk(ctxt_, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0);
    if (last) eof_ = true;
    if (!status_.ok()) return false;
    if (rc != 0 || !first_error_.empty() || (ctxt_->wellFormed == 0)) {
      std::string msg = first_error_.empty() ? std::string("unknown XML error") : first_error_;
      if (msg.find("Excessive depth") != std::string::npos ||
          msg.find("xmlParserMaxDepth") != std::string::npos) {
        Fail(Status::LimitExceeded(part_ + ": XML nesting too deep (" + msg + ")"));
      } else if (first_error_code_ == XML_ERR_ENTITY_LOOP || msg.find("amplification") != std::string::npos) {
        Fail(Status::LimitExceeded(part_ + ": XML entity expansion refused (" + msg + ")"));
      } else {
        Fail(Status::InvalidInput(part_ + " is not well-formed XML (" + msg + ")"));
      }
      return false;
    }
  }
  return !events_.empty();
}

bool XmlStream::Next() {
  if (done_) return false;
  if (next_event_ >= events_.size() && !Fill()) {
    done_ = true;
    return false;
  }
  const Event& e = events_[next_event_++];
  type_ = e.type;
  depth_ = e.depth;
  current_serial_ = e.serial;
  if (e.type == NodeType::kText) {
    text_ = std::string_view(arena_.data() + e.off, e.len);
    ns_ = Ns::kOther;
    local_ = std::string_view();
    attr_begin_ = attr_end_ = 0;
  } else {
    ns_ = e.ns;
    local_ = std::string_view(reinterpret_cast<const char*>(e.local));
    text_ = std::string_view();
    attr_begin_ = e.attr_begin;
    attr_end_ = e.attr_end;
  }
  return true;
}

bool XmlStream::Skip() {
  if (done_ || !status_.ok()) return false;
  if (type_ != NodeType::kElement) return true;
  int d = depth_;
  while (Next()) {
    if (type_ == NodeType::kEndElement && depth_ == d) return true;
  }
  return false;
}

bool XmlStream::Attr(Ns ns, const char* local, std::string* value) const {
  if (type_ != NodeType::kElement) return false;
  for (uint32_t i = attr_begin_; i < attr_end_; ++i) {
    const AttrRec& a = attrs_[i];
    if (a.ns == ns && std::strcmp(reinterpret_cast<const char*>(a.local), local) == 0) {
      value->assign(arena_.data() + a.value_off, a.value_len);
      // Without entity substitution libxml2 hands "&amp;" in an attribute
      // value over as "&#38;"; decode it back.
      for (size_t p; (p = value->find("&#38;")) != std::string::npos;) value->replace(p, 5, "&");
      return true;
    }
  }
  return false;
}

std::string XmlStream::LookupPrefix(const std::string& prefix) const {
  for (auto it = ns_decls_.rbegin(); it != ns_decls_.rend(); ++it) {
    if (it->prefix == prefix && it->open <= current_serial_ && current_serial_ < it->close) return it->uri;
  }
  return "";
}

}  // namespace jixiao::docx
