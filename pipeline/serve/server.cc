// The review server (see server.h): routes, the token / host / origin checks
// in front of them, JSON errors. Covered by pipeline/serve/serve_test.cc and
// tests/e2e/browser/review.test.js.
#include "pipeline/serve/server.h"

#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <functional>

#include "pipeline/archive/sqlite_util.h"
#include "pipeline/model/html.h"
#include "pipeline/screen/report.h"
#include "pipeline/serve/assets.h"
#include "pipeline/serve/context.h"
#include "pipeline/serve/documents.h"
#include "pipeline/serve/original.h"
#include "pipeline/serve/reviews_view.h"
#include "pipeline/serve/source_view.h"

namespace jixiao::serve {

using Json = nlohmann::json;

Status ArchivePool::Acquire(std::unique_ptr<Lease>* out) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto a = std::move(idle_.back());
      idle_.pop_back();
      *out = std::make_unique<Lease>(this, std::move(a));
      return Status::Ok();
    }
  }
  std::unique_ptr<archive::Archive> a;
  Status s = archive::Archive::Open(path_, &a);
  if (!s.ok()) return s;
  *out = std::make_unique<Lease>(this, std::move(a));
  return Status::Ok();
}

void ArchivePool::Return(std::unique_ptr<archive::Archive> a) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(a));
}

namespace {

std::string RandomToken() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return "";
  static const char* kHex = "0123456789abcdef";
  std::string t;
  for (unsigned char b : bytes) {
    t += kHex[b >> 4];
    t += kHex[b & 15];
  }
  return t;
}

bool SameToken(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

void SendJson(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), "application/json; charset=utf-8");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, Json{{"error", message}});
}

// 404 for NotFound, 400 for InvalidInput, 500 otherwise (logged).
void SendStatus(httplib::Response& res, const Status& s) {
  if (s.code() == Status::Code::kNotFound) return SendError(res, 404, s.message());
  if (s.code() == Status::Code::kInvalidInput) return SendError(res, 400, s.message());
  spdlog::error("serve: {}", s.ToString());
  SendError(res, 500, "服务器内部错误：" + s.message());
}

// "host:port" of the Host header, lower-cased host.
std::string HostName(const std::string& host_header) {
  std::string h = host_header;
  if (!h.empty() && h[0] == '[') {
    size_t end = h.find(']');
    return end == std::string::npos ? h : h.substr(1, end - 1);
  }
  size_t colon = h.rfind(':');
  if (colon != std::string::npos) h = h.substr(0, colon);
  for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return h;
}

}  // namespace

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

struct Server::Impl {
  ServeOptions options;
  Context ctx;
  httplib::Server http;
  int port = 0;

  // The checks in front of every route; true when the request may go on.
  bool Admit(const httplib::Request& req, httplib::Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cache-Control", "no-store");
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                   "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    const bool api = req.path.rfind("/api/", 0) == 0;
    if (ctx.token.empty()) {
      // Loopback only: a page of another site whose name resolves to
      // 127.0.0.1 (DNS rebinding) sends its own name as Host.
      if (!IsLoopback(HostName(req.get_header_value("Host")))) {
        SendError(res, 403, "只接受本机地址（127.0.0.1 或 localhost）的访问");
        return false;
      }
    } else if (api) {
      std::string given = req.get_header_value("X-Jixiao-Token");
      if (given.empty()) given = req.get_param_value("token");
      if (!SameToken(given, ctx.token)) {
        SendError(res, 403, "缺少或错误的访问令牌（X-Jixiao-Token 请求头或 ?token= 参数）");
        return false;
      }
    }
    if (req.method != "GET" && req.method != "HEAD") {
      // From this server's own page (a browser always sends Origin on a
      // PUT), or from a program that sends none; never from another site.
      std::string origin = req.get_header_value("Origin");
      if (!origin.empty() && origin != "http://" + req.get_header_value("Host")) {
        SendError(res, 403, "拒绝来自其他网站的修改请求（Origin 不符）");
        return false;
      }
      if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
        SendError(res, 400, "请求内容应为 JSON（Content-Type: application/json）");
        return false;
      }
    }
    return true;
  }

  // Runs fn with an archive connection, or answers the error.
  void WithArchive(httplib::Response& res, const std::function<void(archive::Archive*)>& fn) {
    std::unique_ptr<ArchivePool::Lease> lease;
    Status s = ctx.pool->Acquire(&lease);
    if (!s.ok()) return SendStatus(res, s);
    fn(lease->get());
  }

  void Routes() {
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      return Admit(req, res) ? httplib::Server::HandlerResponse::Unhandled : httplib::Server::HandlerResponse::Handled;
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "unknown";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      spdlog::error("serve: internal error: {}", what);
      SendError(res, 500, "服务器内部错误");
    });
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (res.body.empty()) SendError(res, res.status, res.status == 404 ? "没有这个地址：" + req.path : "请求无法处理");
    });
    for (const Asset& a : Assets()) {
      std::string path = a.path;
      http.Get(path, [a](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(a.body), a.content_type);
      });
    }
    http.Get("/api/documents", [this](const httplib::Request& req, httplib::Response& res) {
      DocumentQuery q;
      Status s = ParseDocumentQuery(req.params, &q);
      if (!s.ok()) return SendStatus(res, s);
      WithArchive(res, [&](archive::Archive* a) {
        Json out;
        Status ls = ListDocuments(a, q, &out);
        if (!ls.ok()) return SendStatus(res, ls);
        SendJson(res, 200, out);
      });
    });
    http.Get("/api/codes", [this](const httplib::Request&, httplib::Response& res) {
      WithArchive(res, [&](archive::Archive* a) {
        archive::Stmt q(a->db(), "SELECT f.code, count(DISTINCT f.doc_id) FROM findings f JOIN documents d ON d.id = f.doc_id"
                                 " WHERE d.removed = 0 GROUP BY f.code ORDER BY f.code");
        Json codes = Json::array();
        while (q.Step()) codes.push_back({{"code", q.Text(0)}, {"documents", q.Int(1)}});
        Json units = Json::array(), years = Json::array();
        archive::Stmt u(a->db(), "SELECT DISTINCT unit FROM documents WHERE removed = 0 AND unit <> '' ORDER BY unit");
        while (u.Step()) units.push_back(u.Text(0));
        archive::Stmt y(a->db(), "SELECT DISTINCT year FROM documents WHERE removed = 0 AND year > 0 ORDER BY year DESC");
        while (y.Step()) years.push_back(y.Int(0));
        Json families = Json::array();
        archive::Stmt fam(a->db(), "SELECT DISTINCT family FROM documents WHERE removed = 0 AND family <> '' ORDER BY family");
        while (fam.Step()) families.push_back({{"family", fam.Text(0)}, {"name", FamilyZh(fam.Text(0))}});
        SendJson(res, 200, Json{{"codes", codes}, {"units", units}, {"years", years}, {"families", families}});
      });
    });
    http.Get(R"(/api/documents/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string id = req.matches[1];
      WithArchive(res, [&](archive::Archive* a) {
        Json out;
        bool found = false;
        Status s = GetDocument(a, id, &out, &found);
        if (!s.ok()) return SendStatus(res, s);
        if (!found) return SendError(res, 404, "没有这个文件：" + id);
        SendJson(res, 200, out);
      });
    });
    http.Get(R"(/api/documents/([^/]+)/file)", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string id = req.matches[1];
      if (!IsDocumentId(id)) return SendError(res, 404, "没有这个文件：" + id);
      WithArchive(res, [&](archive::Archive* a) {
        std::string path;
        Status s = OriginalFile(a, id, &path);
        if (!s.ok()) return SendStatus(res, s);
        std::string format;
        archive::Stmt q(a->db(), "SELECT format, path FROM documents WHERE sha256 = ?");
        q.Bind(1, id);
        std::string name;
        if (q.Step()) {
          format = q.Text(0);
          name = q.Text(1);
        }
        const std::string type = format == "pdf"    ? "application/pdf"
                                 : format == "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                                 : format == "ofd"  ? "application/ofd"
                                                    : "application/octet-stream";
        std::string base = std::filesystem::path(name).filename().string();
        res.set_header("Content-Disposition",
                       std::string(format == "pdf" ? "inline" : "attachment") + "; filename*=UTF-8''" +
                           PercentEncode(base, /*keep_slash=*/false));
        std::string body;
        FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) return SendError(res, 404, "原文件已不在原处");
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) body.append(buf, n);
        std::fclose(f);
        res.set_content(std::move(body), type);
      });
    });
    http.Get(R"(/api/findings/([^/]+)/source)", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string fid = req.matches[1];
      int k = 0;
      if (req.has_param("evidence")) {
        std::string v = req.get_param_value("evidence");
        if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos)
          return SendError(res, 400, "evidence 应为引文序号（从 0 起的整数），收到“" + v + "”");
        k = std::stoi(v);
      }
      WithArchive(res, [&](archive::Archive* a) {
        std::string sha;
        Status s = DocumentOfFinding(a, fid, &sha);
        if (!s.ok()) return SendStatus(res, s);
        ScreenReport report;
        bool found = false;
        s = a->GetReport(sha, &report, &found);
        if (!s.ok()) return SendStatus(res, s);
        const Finding* f = nullptr;
        for (const Finding& x : report.findings)
          if (x.id == fid) f = &x;
        if (!found || !f) return SendError(res, 404, "没有这个问题：" + fid);
        SourceView view;
        s = RenderSource(a, ctx.cache_dir, report, *f, k, &view);
        if (!s.ok()) return SendStatus(res, s);
        res.set_header("X-Jixiao-Cache", view.cached ? "hit" : "miss");
        res.set_content(std::move(view.body), view.content_type);
      });
    });
    http.Put(R"(/api/findings/([^/]+)/review)", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string fid = req.matches[1];
      WithArchive(res, [&](archive::Archive* a) {
        Json out;
        Status s = RecordReview(a, fid, req.body, &out);
        if (!s.ok()) return SendStatus(res, s);
        SendJson(res, 200, out);
      });
    });
    http.Get(R"(/api/findings/([^/]+)/reviews)", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string fid = req.matches[1];
      WithArchive(res, [&](archive::Archive* a) {
        Json out;
        Status s = ReviewHistory(a, fid, &out);
        if (!s.ok()) return SendStatus(res, s);
        SendJson(res, 200, out);
      });
    });
  }
};

Server::Server() : impl_(std::make_unique<Impl>()) {}
Server::~Server() = default;

Status Server::Create(const ServeOptions& options, std::unique_ptr<Server>* out) {
  namespace fs = std::filesystem;
  const std::string db = options.dir + "/archive.sqlite";
  std::error_code ec;
  if (!fs::exists(db, ec))
    return Status::InvalidInput("文件夹中没有 archive.sqlite，不是 jixiao run 的结果文件夹：" + options.dir);
  std::unique_ptr<Server> server(new Server());
  Impl& impl = *server->impl_;
  impl.options = options;
  impl.ctx.dir = options.dir;
  impl.ctx.pool = std::make_unique<ArchivePool>(db);
  {
    std::unique_ptr<ArchivePool::Lease> lease;  // the archive opens (and is an archive)
    Status s = impl.ctx.pool->Acquire(&lease);
    if (!s.ok()) return Status::InvalidInput("无法打开存档：" + s.message());
  }
  impl.ctx.token = options.token;
  if (impl.ctx.token.empty() && !IsLoopback(options.host)) {
    impl.ctx.token = RandomToken();
    if (impl.ctx.token.empty()) return Status::Internal("cannot generate a token");
  }
  impl.ctx.cache_dir = options.cache_dir.empty() ? options.dir + "/serve-cache" : options.cache_dir;
  fs::create_directories(impl.ctx.cache_dir, ec);
  if (ec || ::access(impl.ctx.cache_dir.c_str(), W_OK) != 0) {
    impl.ctx.cache_dir = (fs::temp_directory_path(ec) / ("jixiao-serve-" + std::to_string(::getuid()) + "-" +
                                                         std::to_string(std::hash<std::string>{}(fs::absolute(options.dir, ec).string()))))
                             .string();
    fs::create_directories(impl.ctx.cache_dir, ec);
    if (ec) return Status::IoError("cannot create a cache folder " + impl.ctx.cache_dir + ": " + ec.message());
  }
  const int threads = std::max(2, options.threads);
  impl.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  impl.http.set_payload_max_length(1 << 20);
  impl.http.set_keep_alive_max_count(100);
  // Headers and body go out as two writes: without TCP_NODELAY the body
  // waits for the client's delayed ACK, 40 ms on every response.
  impl.http.set_tcp_nodelay(true);
  impl.Routes();
  *out = std::move(server);
  return Status::Ok();
}

Status Server::Bind(int* port) {
  Impl& impl = *impl_;
  if (impl.options.port == 0) {
    impl.port = impl.http.bind_to_any_port(impl.options.host);
    if (impl.port <= 0) return Status::IoError("无法监听 " + impl.options.host);
  } else {
    if (!impl.http.bind_to_port(impl.options.host, impl.options.port))
      return Status::IoError("无法监听 " + impl.options.host + ":" + std::to_string(impl.options.port) +
                             "（地址无效或端口已被占用）");
    impl.port = impl.options.port;
  }
  *port = impl.port;
  return Status::Ok();
}

void Server::Run() { impl_->http.listen_after_bind(); }
void Server::Stop() { impl_->http.stop(); }
const std::string& Server::token() const { return impl_->ctx.token; }

std::string Server::Url() const {
  std::string host = impl_->options.host;
  if (host == "0.0.0.0" || host == "::") host = "127.0.0.1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  std::string url = "http://" + host + ":" + std::to_string(impl_->port) + "/";
  if (!impl_->ctx.token.empty()) url += "?token=" + impl_->ctx.token;
  return url;
}

}  // namespace jixiao::serve
