// `jixiao serve DIR`: the reviewer's workspace over a run folder, a local web
// server (cpp-httplib) with the pages (overview, document, source view,
// review; every asset compiled into the binary, see assets.h) and the JSON
// API they use:
//   GET  /api/documents?q=&unit=&year=&code=&severity=&review=&sort=&order=&page=&per_page=
//   GET  /api/documents/{id}            the document and its findings
//   GET  /api/documents/{id}/file       the original file (checked by SHA-256)
//   GET  /api/findings/{id}/source[?evidence=K]   PNG (PDF page) or HTML
//   PUT  /api/findings/{id}/review      {"decision", "comment", "reviewer"}
//   GET  /api/findings/{id}/reviews     the decision's history
//   GET  /api/codes                     the finding codes present, for the filter
// Errors are JSON {"error": "<Chinese message>"}: 404 unknown id, 400 bad
// input, 403 missing token or foreign origin.
//
// Safety: binds 127.0.0.1 unless told otherwise; any other address needs a
// token (given, or generated and printed), checked on every /api request
// (X-Jixiao-Token header or ?token=); without a token only requests whose
// Host is the loopback address are answered (no DNS rebinding); a request
// that changes state must come from the page's own origin (Origin header)
// with a JSON body (no CSRF). Pages are served with a strict
// Content-Security-Policy; every text is escaped.
//
// Covered by pipeline/serve/serve_test.cc and tests/e2e/browser/review.test.js.
#pragma once

#include <memory>
#include <string>

#include "pipeline/model/status.h"

namespace jixiao::serve {

struct ServeOptions {
  std::string dir;                 // run folder holding archive.sqlite
  std::string host = "127.0.0.1";  // address to bind
  int port = 8080;                 // 0: any free port
  std::string token;               // access token; generated when empty and host is not loopback
  std::string cache_dir;           // rendered pages; empty: DIR/serve-cache (a temporary folder when DIR is read-only)
  int threads = 8;                 // requests served at once
};

// True for 127.0.0.1 (any 127/8), ::1 and localhost.
bool IsLoopback(const std::string& host);

class Server {
 public:
  ~Server();
  // Opens the archive and prepares the routes. InvalidInput (Chinese) when DIR
  // holds no archive or the host is not loopback without a token when
  // generate_token is false.
  static Status Create(const ServeOptions& options, std::unique_ptr<Server>* out);

  // Binds the address; *port gets the port bound (the one asked, or a free
  // one for 0). IoError when the address cannot be bound.
  Status Bind(int* port);
  // Serves until Stop() (from another thread or a signal handler's thread).
  void Run();
  void Stop();

  const std::string& token() const;  // empty when none is needed
  std::string Url() const;           // http://host:port/ with ?token= when needed

 private:
  Server();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jixiao::serve
