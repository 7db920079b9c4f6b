// DOCX package level: finds the main document, styles and numbering parts
// through the OPC relationships, reads styles and numbering, then walks the
// body. Covered by docx_feature_test.cc, docx_bad_input_test.cc and
// docx_seed_test.cc.
#include "extractors/docx/docx_extractor.h"

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "extractors/docx/body_walker.h"
#include "extractors/docx/numbering.h"
#include "extractors/docx/styles.h"
#include "extractors/docx/xml_stream.h"
#include "extractors/docx/zip_archive.h"
#include "pipeline/model/source_info.h"

namespace jixiao {

namespace {

using docx::NodeType;
using docx::Ns;
using docx::XmlStream;
using docx::ZipArchive;
using Clock = std::chrono::steady_clock;

struct Relationship {
  std::string type, target;
};

// Resolves an OPC relationship target against the folder of its source.
std::string ResolveTarget(const std::string& base_dir, const std::string& target) {
  std::string path = (!target.empty() && target[0] == '/') ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string seg = path.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads a .rels part; a missing part gives an empty list.
Status ReadRels(ZipArchive* zip, const std::string& name, const ExtractOptions& opts,
                Clock::time_point deadline, std::vector<Relationship>* rels) {
  rels->clear();
  if (!zip->Has(name)) return Status::Ok();
  std::unique_ptr<XmlStream> xml;
  Status s = XmlStream::Open(zip, name, opts, deadline, &xml);
  if (!s.ok()) return s;
  while (xml->Next()) {
    if (xml->type() != NodeType::kElement || xml->local() != "Relationship") continue;
    Relationship r;
    std::string mode;
    xml->Attr(Ns::kOther, "Type", &r.type);
    xml->Attr(Ns::kOther, "Target", &r.target);
    if (xml->Attr(Ns::kOther, "TargetMode", &mode) && mode == "External") continue;
    rels->push_back(std::move(r));
  }
  return xml->Drain();
}

std::string KindHint(ZipArchive* zip) {
  if (zip->Has("xl/workbook.xml")) return " (it looks like an Excel .xlsx workbook)";
  if (zip->Has("ppt/presentation.xml")) return " (it looks like a PowerPoint .pptx presentation)";
  if (zip->Has("content.xml") && zip->Has("mimetype")) return " (it looks like an OpenDocument file)";
  if (zip->Has("META-INF/container.xml")) return " (it looks like an EPUB book)";
  return "";
}

bool Fatal(const Status& s) {
  return s.code() == Status::Code::kLimitExceeded || s.code() == Status::Code::kTimeout;
}

Status Fail(Document* doc, Status s) {
  doc->status = s.code() == Status::Code::kUnsupported ? DocumentStatus::kSkipped
                                                        : DocumentStatus::kFailed;
  doc->status_reason = s.message();
  doc->blocks.clear();
  return s;
}

Status ExtractFromArchive(std::unique_ptr<ZipArchive> zip, const ExtractOptions& opts,
                          Document* doc) {
  Clock::time_point deadline = opts.time_limit_seconds > 0 && opts.time_limit_seconds <= kMaxTimeLimitSeconds
      ? Clock::now() + std::chrono::microseconds(static_cast<int64_t>(opts.time_limit_seconds * 1e6))
      : Clock::time_point::max();

  // The main part, from the package relationships (word/document.xml when
  // they do not say).
  std::vector<Relationship> rels;
  std::string main_part;
  Status s = ReadRels(zip.get(), "_rels/.rels", opts, deadline, &rels);
  if (!s.ok() && Fatal(s)) return Fail(doc, s);
  if (!s.ok()) doc->AddDiagnostic(Diagnostic::Severity::kWarning, "docx_rels_unreadable",
                                  "_rels/.rels unreadable: " + s.message());
  for (const auto& r : rels) {
    if (EndsWith(r.type, "/officeDocument")) {
      std::string t = ResolveTarget("", r.target);
      if (zip->Has(t)) main_part = t;
    }
  }
  if (main_part.empty()) {
    if (!zip->Has("word/document.xml")) {
      return Fail(doc, Status::InvalidInput("ZIP archive without word/document.xml: not a DOCX" +
                                            KindHint(zip.get())));
    }
    main_part = "word/document.xml";
  }
  std::string dir = main_part.substr(0, main_part.rfind('/') + 1);
  std::string part_file = main_part.substr(dir.size());

  std::string styles_part = dir + "styles.xml", numbering_part = dir + "numbering.xml";
  s = ReadRels(zip.get(), dir + "_rels/" + part_file + ".rels", opts, deadline, &rels);
  if (!s.ok() && Fatal(s)) return Fail(doc, s);
  if (s.ok()) {
    for (const auto& r : rels) {
      if (EndsWith(r.type, "/styles")) styles_part = ResolveTarget(dir, r.target);
      if (EndsWith(r.type, "/numbering")) numbering_part = ResolveTarget(dir, r.target);
    }
  }

  docx::Styles styles;
  docx::Numbering numbering;
  bool partial = false;
  struct Aux {
    const std::string& part;
    const char* code;
    std::function<Status(XmlStream*)> parse;
  };
  for (const Aux& aux : {Aux{styles_part, "docx_styles_unreadable",
                             [&](XmlStream* x) { return styles.Parse(x); }},
                         Aux{numbering_part, "docx_numbering_unreadable",
                             [&](XmlStream* x) { return numbering.Parse(x); }}}) {
    if (!zip->Has(aux.part)) continue;
    std::unique_ptr<XmlStream> xml;
    Status ps = XmlStream::Open(zip.get(), aux.part, opts, deadline, &xml);
    if (ps.ok()) ps = aux.parse(xml.get());
    if (ps.ok()) ps = xml->Drain();  // a CRC error is reported, not read past
    if (!ps.ok()) {
      if (Fatal(ps)) return Fail(doc, ps);
      doc->AddDiagnostic(Diagnostic::Severity::kWarning, aux.code,
                         aux.part + " unreadable, read without it: " + ps.message());
      partial = true;
    }
  }

  std::unique_ptr<XmlStream> body;
  s = XmlStream::Open(zip.get(), main_part, opts, deadline, &body);
  if (!s.ok()) return Fail(doc, s);
  docx::BodyWalker walker(body.get(), &styles, &numbering, doc);
  s = walker.Run();
  if (s.ok()) s = body->Drain();
  if (!s.ok()) return Fail(doc, s);

  if (doc->blocks.empty()) {
    doc->AddDiagnostic(Diagnostic::Severity::kWarning, "docx_empty_body",
                       "the document body holds no paragraph or table");
  }
  if (partial) doc->status = DocumentStatus::kPartial;
  return Status::Ok();
}

}  // namespace

Status ExtractDocx(const std::string& path, const ExtractOptions& opts, Document* doc) {
  doc->source.format = "docx";
  Status s = ReadSourceInfo(path, &doc->source);
  if (!s.ok()) return Fail(doc, s);
  if (doc->source.size == 0) return Fail(doc, Status::InvalidInput("empty file, not a DOCX"));
  std::unique_ptr<ZipArchive> zip;
  s = ZipArchive::OpenFile(path, opts, &zip);
  if (!s.ok()) {
    if (s.message() == "not a ZIP archive") {
      s = Status::InvalidInput("not a ZIP archive, so not a DOCX");
    }
    return Fail(doc, s);
  }
  return ExtractFromArchive(std::move(zip), opts, doc);
}

Status ExtractDocxFromMemory(const std::string& bytes, const ExtractOptions& opts, Document* doc) {
  doc->source.format = "docx";
  doc->source.path = "(memory)";
  doc->source.size = bytes.size();
  doc->source.sha256 = Sha256Hex(bytes);
  if (bytes.empty()) return Fail(doc, Status::InvalidInput("empty file, not a DOCX"));
  std::unique_ptr<ZipArchive> zip;
  Status s = ZipArchive::OpenMemory(&bytes, opts, &zip);
  if (!s.ok()) return Fail(doc, s);
  return ExtractFromArchive(std::move(zip), opts, doc);
}

}  // namespace jixiao
