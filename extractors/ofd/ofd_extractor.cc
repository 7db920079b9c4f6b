// OFD → the PDF back-end's page model → its layout passes. Covered by
// ofd_test.cc (a generated OFD of corpus/ofd, bad input) and the fuzzer
// tests/fuzz/ofd_fuzzer.cc.
#include "extractors/ofd/ofd_extractor.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <sstream>

#include "extractors/docx/zip_archive.h"
#include "extractors/pdf/layout.h"
#include "extractors/pdf/page_content.h"
#include "pipeline/model/source_info.h"
#include "pipeline/model/utf8.h"

namespace jixiao {

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr size_t kMaxObjects = 200000;

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

Status ParseXml(const std::string& bytes, const std::string& name, XmlDocPtr* out) {
  if (bytes.size() > (64u << 20)) return Status::LimitExceeded(name + " is larger than 64 MB");
  // No entity substitution, no DTD, no network: the defaults plus NONET.
  xmlDoc* d = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!d || !xmlDocGetRootElement(d)) {
    if (d) xmlFreeDoc(d);
    return Status::InvalidInput("ill-formed XML in " + name);
  }
  out->reset(d);
  return Status::Ok();
}

bool Is(const xmlNode* n, const char* local) {
  return n && n->type == XML_ELEMENT_NODE && n->name && std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

const xmlNode* Child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (Is(c, local)) return c;
  return nullptr;
}

std::string Text(const xmlNode* n) {
  if (!n) return "";
  xmlChar* t = xmlNodeGetContent(n);
  std::string s = t ? reinterpret_cast<const char*>(t) : "";
  xmlFree(t);
  return s;
}

std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

// Numbers of an attribute such as Boundary="10 20 30 40" (finite only).
std::vector<double> Numbers(const std::string& s) {
  std::vector<double> out;
  const char* p = s.c_str();
  while (*p) {
    char* end = nullptr;
    double v = std::strtod(p, &end);
    if (end == p) {
      ++p;
      continue;
    }
    if (std::isfinite(v) && std::fabs(v) < 1e7) out.push_back(v);
    p = end;
  }
  return out;
}

// The folder part of a part name ("Doc_0/Document.xml" → "Doc_0/").
std::string Folder(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// A part reference, relative to `base` unless it starts with '/'.
std::string Resolve(const std::string& base, std::string ref) {
  while (!ref.empty() && (ref[0] == ' ' || ref[0] == '\n' || ref[0] == '\t')) ref.erase(0, 1);
  while (!ref.empty() && (ref.back() == ' ' || ref.back() == '\n' || ref.back() == '\t')) ref.pop_back();
  if (!ref.empty() && ref[0] == '/') return ref.substr(1);
  return base + ref;
}

// DeltaX="g 3 3.5 4": "g N v" repeats v N times.
std::vector<double> Deltas(const std::string& s) {
  std::vector<double> out;
  std::istringstream in(s);
  std::string tok;
  while (in >> tok && out.size() < 100000) {
    if (tok == "g") {
      std::string n, v;
      if (!(in >> n >> v)) break;
      long count = std::strtol(n.c_str(), nullptr, 10);
      double val = std::strtod(v.c_str(), nullptr);
      for (long i = 0; i < count && i < 100000 && std::isfinite(val); ++i) out.push_back(val);
    } else {
      double v = std::strtod(tok.c_str(), nullptr);
      out.push_back(std::isfinite(v) ? v : 0);
    }
  }
  return out;
}

struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  void Apply(double x, double y, double* ox, double* oy) const {
    *ox = a * x + c * y + e;
    *oy = b * x + d * y + f;
  }
};

Matrix ObjectMatrix(const xmlNode* obj) {
  Matrix m;
  std::vector<double> ctm = Numbers(Attr(obj, "CTM"));
  if (ctm.size() == 6) m = {ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]};
  std::vector<double> b = Numbers(Attr(obj, "Boundary"));
  if (b.size() >= 2) {
    m.e += b[0];
    m.f += b[1];
  }
  return m;
}

class PageReader {
 public:
  explicit PageReader(pdf::PageContent* page) : page_(page) {}

  void Walk(const xmlNode* n, int depth) {
    for (const xmlNode* c = n ? n->children : nullptr; c && objects_ < kMaxObjects; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      ++objects_;
      if (Is(c, "TextObject")) ReadText(c);
      else if (Is(c, "PathObject")) ReadPath(c);
      else if (depth < 32) Walk(c, depth + 1);  // Layer, PageBlock
    }
  }
  bool truncated() const { return objects_ >= kMaxObjects; }

 private:
  void ReadText(const xmlNode* obj) {
    const Matrix m = ObjectMatrix(obj);
    double size = std::strtod(Attr(obj, "Size").c_str(), nullptr);
    if (!std::isfinite(size) || size <= 0 || size > 1000) size = 3.5;
    const bool bold = std::strtol(Attr(obj, "Weight").c_str(), nullptr, 10) >= 700;
    double x = 0, y = 0;
    for (const xmlNode* tc = obj->children; tc; tc = tc->next) {
      if (!Is(tc, "TextCode")) continue;
      std::string xs = Attr(tc, "X"), ys = Attr(tc, "Y");
      if (!xs.empty()) x = std::strtod(xs.c_str(), nullptr);
      if (!ys.empty()) y = std::strtod(ys.c_str(), nullptr);
      if (!std::isfinite(x) || !std::isfinite(y)) continue;
      const std::vector<double> dx = Deltas(Attr(tc, "DeltaX"));
      const std::string text = Text(tc);
      // Glyph by glyph; a space ends a word.
      pdf::Word w;
      size_t i = 0, k = 0;
      double gx = x;
      auto flush = [&](bool space) {
        if (w.text.empty()) return;
        w.space_after = space;
        w.bold = bold;
        w.font_size = size * kPtPerMm;
        w.edges.push_back(static_cast<float>(w.box.x1));
        page_->words.push_back(std::move(w));
        w = pdf::Word();
      };
      while (i < text.size()) {
        const size_t start = i;
        const char32_t cp = DecodeUtf8(text, &i);
        const double advance = k < dx.size() ? dx[k] : (cp < 0x80 ? size / 2 : size);
        double x0, y0, x1, y1;
        m.Apply(gx, y - size * 0.88, &x0, &y0);
        m.Apply(gx + (cp < 0x80 ? size / 2 : size), y + size * 0.12, &x1, &y1);
        if (cp == ' ' || cp == 0x3000) {
          flush(true);
        } else if (std::isfinite(x0) && std::isfinite(y0) && std::isfinite(x1) && std::isfinite(y1)) {
          const Box glyph{std::min(x0, x1) * kPtPerMm, std::min(y0, y1) * kPtPerMm,
                          std::max(x0, x1) * kPtPerMm, std::max(y0, y1) * kPtPerMm};
          if (w.text.empty()) w.box = glyph;
          w.edges.push_back(static_cast<float>(glyph.x0));
          w.box.x1 = std::max(w.box.x1, glyph.x1);
          w.box.y0 = std::min(w.box.y0, glyph.y0);
          w.box.y1 = std::max(w.box.y1, glyph.y1);
          w.text.append(text, start, i - start);
          w.char_bytes.push_back(static_cast<int>(i - start));
        }
        gx += advance;
        ++k;
      }
      // edges hold each glyph's left x; the right end of the last is added
      // by flush from the box.
      flush(false);
      x = gx;
    }
  }

  void AddSegment(double x0, double y0, double x1, double y1) {
    x0 *= kPtPerMm, y0 *= kPtPerMm, x1 *= kPtPerMm, y1 *= kPtPerMm;
    if (std::fabs(y0 - y1) <= 0.5 && std::fabs(x1 - x0) >= 2)
      page_->segments.push_back({std::min(x0, x1), (y0 + y1) / 2, std::max(x0, x1), (y0 + y1) / 2});
    else if (std::fabs(x0 - x1) <= 0.5 && std::fabs(y1 - y0) >= 2)
      page_->segments.push_back({(x0 + x1) / 2, std::min(y0, y1), (x0 + x1) / 2, std::max(y0, y1)});
  }

  // AbbreviatedData: straight moves and lines are rulings; curves move the
  // pen only. A thin filled box (Fill without Stroke) is a rule too.
  void ReadPath(const xmlNode* obj) {
    const Matrix m = ObjectMatrix(obj);
    const bool stroke = Attr(obj, "Stroke") != "false";
    const bool fill = Attr(obj, "Fill") == "true";
    std::istringstream in(Text(Child(obj, "AbbreviatedData")));
    std::string op;
    double px = 0, py = 0, sx = 0, sy = 0;
    double bx0 = 1e300, by0 = 1e300, bx1 = -1e300, by1 = -1e300;
    auto point = [&](double x, double y) {
      double ox, oy;
      m.Apply(x, y, &ox, &oy);
      bx0 = std::min(bx0, ox), by0 = std::min(by0, oy), bx1 = std::max(bx1, ox), by1 = std::max(by1, oy);
      return std::make_pair(ox, oy);
    };
    auto read = [&](int n, double* v) {
      for (int i = 0; i < n; ++i)
        if (!(in >> v[i]) || !std::isfinite(v[i])) return false;
      return true;
    };
    size_t ops = 0;
    while (in >> op && ++ops < 100000) {
      double v[7];
      if (op == "M" || op == "S") {
        if (!read(2, v)) break;
        std::tie(px, py) = point(v[0], v[1]);
        sx = px, sy = py;
      } else if (op == "L") {
        if (!read(2, v)) break;
        auto [x, y] = point(v[0], v[1]);
        if (stroke) AddSegment(px, py, x, y);
        px = x, py = y;
      } else if (op == "Q") {
        if (!read(4, v)) break;
        std::tie(px, py) = point(v[2], v[3]);
      } else if (op == "B") {
        if (!read(6, v)) break;
        std::tie(px, py) = point(v[4], v[5]);
      } else if (op == "A") {
        if (!read(7, v)) break;
        std::tie(px, py) = point(v[5], v[6]);
      } else if (op == "C" || op == "Z") {
        if (stroke) AddSegment(px, py, sx, sy);
        px = sx, py = sy;
      } else {
        break;  // unknown operator: the rest cannot be trusted
      }
    }
    if (fill && !stroke && bx1 > bx0 && by1 > by0) {
      const double w = (bx1 - bx0) * kPtPerMm, h = (by1 - by0) * kPtPerMm;
      if (h <= 3.0 && w > h) AddSegment(bx0, (by0 + by1) / 2, bx1, (by0 + by1) / 2);
      else if (w <= 3.0 && h > w) AddSegment((bx0 + bx1) / 2, by0, (bx0 + bx1) / 2, by1);
    }
  }

  pdf::PageContent* page_;
  size_t objects_ = 0;
};

double Now() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

Status Fail(Document* doc, Status s) {
  doc->status = DocumentStatus::kFailed;
  doc->status_reason = s.message();
  return s;
}

Status ExtractImpl(const std::string& path, const ExtractOptions& opts, Document* doc) {
  doc->source.format = "ofd";
  Status s = ReadSourceInfo(path, &doc->source);
  if (!s.ok()) return Fail(doc, s);
  std::unique_ptr<docx::ZipArchive> zip;
  s = docx::ZipArchive::OpenFile(path, opts, &zip);
  if (!s.ok()) return Fail(doc, s);
  if (!zip->Has("OFD.xml")) return Fail(doc, Status::InvalidInput("not an OFD package (no OFD.xml)"));
  std::string bytes;
  XmlDocPtr ofd;
  if (!(s = zip->ReadPart("OFD.xml", &bytes)).ok() || !(s = ParseXml(bytes, "OFD.xml", &ofd)).ok())
    return Fail(doc, s);
  const xmlNode* body = Child(xmlDocGetRootElement(ofd.get()), "DocBody");
  const std::string root = Resolve("", Text(Child(body, "DocRoot")));
  if (root.empty() || !zip->Has(root))
    return Fail(doc, Status::InvalidInput("OFD.xml names no document root that the package holds"));
  XmlDocPtr document;
  if (!(s = zip->ReadPart(root, &bytes)).ok() || !(s = ParseXml(bytes, root, &document)).ok())
    return Fail(doc, s);
  const xmlNode* droot = xmlDocGetRootElement(document.get());
  std::vector<double> area = Numbers(Text(Child(Child(Child(droot, "CommonData"), "PageArea"), "PhysicalBox")));
  const double page_w = area.size() == 4 && area[2] > 0 ? area[2] : 210, page_h = area.size() == 4 && area[3] > 0 ? area[3] : 297;
  std::vector<std::string> page_parts;
  const xmlNode* pages = Child(droot, "Pages");
  for (const xmlNode* p = pages ? pages->children : nullptr; p; p = p->next)
    if (Is(p, "Page")) page_parts.push_back(Resolve(Folder(root), Attr(p, "BaseLoc")));
  if (page_parts.empty()) return Fail(doc, Status::InvalidInput("the OFD document has no pages"));
  doc->source.page_count = static_cast<int>(page_parts.size());
  size_t last = page_parts.size();
  if (opts.max_pages > 0 && static_cast<size_t>(opts.max_pages) < last) last = opts.max_pages;

  const double deadline = opts.time_limit_seconds > 0 ? Now() + opts.time_limit_seconds : 0;
  std::vector<pdf::PageLayout> layouts;
  size_t words = 0;
  bool timed_out = false, truncated = false;
  for (size_t i = 0; i < last; ++i) {
    if (deadline > 0 && Now() > deadline) {
      timed_out = true;
      break;
    }
    pdf::PageContent page;
    page.number = static_cast<int>(i + 1);
    page.width = page_w * kPtPerMm;
    page.height = page_h * kPtPerMm;
    XmlDocPtr content;
    if (zip->Has(page_parts[i]) && zip->ReadPart(page_parts[i], &bytes).ok() &&
        ParseXml(bytes, page_parts[i], &content).ok()) {
      PageReader reader(&page);
      reader.Walk(Child(xmlDocGetRootElement(content.get()), "Content"), 0);
      truncated |= reader.truncated();
    } else {
      doc->AddDiagnostic(Diagnostic::Severity::kWarning, "ofd_page_unreadable",
                         "page " + std::to_string(i + 1) + " (" + page_parts[i] + ") is missing or ill-formed");
      truncated = true;
    }
    words += page.words.size();
    layouts.emplace_back();
    pdf::LayoutPage(page, &layouts.back());
  }
  if (words == 0 && !timed_out) return Fail(doc, Status::Unsupported("no text in the OFD: needs OCR"));
  pdf::RemovePageFurniture(&layouts, doc);
  std::vector<std::vector<pdf::PageItem>> items;
  for (pdf::PageLayout& l : layouts) items.push_back(pdf::BuildPageItems(l));
  pdf::AppendPages(std::move(items), doc);
  if (timed_out) {
    doc->status = DocumentStatus::kPartial;
    doc->status_reason = "time limit reached after " + std::to_string(layouts.size()) + " page(s) of the OFD";
    return Status::Timeout(doc->status_reason);
  }
  doc->status = (truncated || last < page_parts.size()) ? DocumentStatus::kPartial : DocumentStatus::kOk;
  if (doc->status == DocumentStatus::kPartial) doc->status_reason = "some pages or content skipped";
  return Status::Ok();
}

}  // namespace

Status ExtractOfd(const std::string& path, const ExtractOptions& opts, Document* doc) {
  try {
    return ExtractImpl(path, opts, doc);
  } catch (const std::bad_alloc&) {
    return Fail(doc, Status::LimitExceeded("out of memory reading the OFD"));
  } catch (const std::exception& e) {
    return Fail(doc, Status::Internal(std::string("OFD reader failed: ") + e.what()));
  }
}

}  // namespace jixiao
