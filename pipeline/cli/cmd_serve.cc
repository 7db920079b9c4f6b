// `jixiao serve DIR [--listen HOST:PORT] [--token T]`: the review server over
// a run folder (pipeline/serve/server.h), until Ctrl-C. Covered by
// pipeline/serve/serve_test.cc and tests/e2e/browser/review.test.js.
#include <signal.h>

#include <iostream>
#include <thread>

#include "pipeline/cli/commands.h"
#include "pipeline/serve/server.h"

namespace jixiao::cli {

namespace {

// "127.0.0.1:8080", "0.0.0.0:80", "[::1]:8080", "8080" (loopback), "host".
bool ParseListen(const std::string& text, std::string* host, int* port) {
  std::string h = text, p;
  if (!text.empty() && text[0] == '[') {
    size_t end = text.find(']');
    if (end == std::string::npos) return false;
    h = text.substr(1, end - 1);
    if (end + 1 < text.size()) {
      if (text[end + 1] != ':') return false;
      p = text.substr(end + 2);
    }
  } else if (size_t colon = text.rfind(':'); colon != std::string::npos && text.find(':') == colon) {
    h = text.substr(0, colon);
    p = text.substr(colon + 1);
  } else if (text.find_first_not_of("0123456789") == std::string::npos) {
    h = "127.0.0.1";
    p = text;
  }
  if (h.empty()) return false;
  *host = h;
  if (p.empty()) return true;
  if (p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) return false;
  *port = std::stoi(p);
  return *port <= 65535;
}

}  // namespace

Runner AddServeCommand(CLI::App& app) {
  struct Args {
    std::string dir, listen = "127.0.0.1:8080", token, cache;
  };
  auto args = std::make_shared<Args>();
  app.add_option("DIR", args->dir, "Run folder (written by `jixiao run`)")->required()->check(ExistingPathZh());
  app.add_option("--listen", args->listen,
                 "Address to serve on, HOST:PORT (port 0: any free one); other than 127.0.0.1 needs a token")
      ->capture_default_str();
  app.add_option("--token", args->token,
                 "Access token asked of every request (X-Jixiao-Token or ?token=); generated when listening beyond "
                 "this machine without one");
  app.add_option("--cache", args->cache, "Folder for rendered pages (default DIR/serve-cache)");
  return [args]() {
    serve::ServeOptions o;
    o.dir = args->dir;
    o.token = args->token;
    o.cache_dir = args->cache;
    if (!ParseListen(args->listen, &o.host, &o.port)) {
      std::cerr << "jixiao serve: --listen 应为 主机:端口，例如 127.0.0.1:8080，收到 " << args->listen << "\n";
      return kExitError;
    }
    // SIGINT / SIGTERM end the server: blocked here, so every thread the
    // server starts inherits the mask, and waited for by one thread.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::unique_ptr<serve::Server> server;
    Status s = serve::Server::Create(o, &server);
    int port = 0;
    if (s.ok()) s = server->Bind(&port);
    if (!s.ok()) {
      std::cerr << "jixiao serve: " << s.message() << "\n";
      return kExitError;
    }
    std::cout << "jixiao serve: 复核页面 " << server->Url() << "\n";
    if (!serve::IsLoopback(o.host)) {
      std::cout << "jixiao serve: 正在监听 " << o.host << ":" << port
                << "，局域网内的同事用本机的地址打开，并带上访问令牌：?token=" << server->token() << "\n";
    }
    std::cout << "jixiao serve: 按 Ctrl-C 停止" << std::endl;
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      server->Stop();
    });
    server->Run();
    // Stopped by a signal: the waiter has returned. Stopped otherwise (the
    // listening socket failed): wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return kExitClean;
  };
}

}  // namespace jixiao::cli
