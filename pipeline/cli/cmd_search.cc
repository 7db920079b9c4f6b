// `jixiao search ARCHIVE [QUERY] [--unit X] [--year Y] [--code CODE]
// [--include-removed] [--limit N] [--format text|json]`: ranked documents of
// an archive with the match marked in a snippet and where it is
// (pipeline/archive/search.h). ARCHIVE is an archive.sqlite or a run folder.
// Without a query, --code lists the documents with a finding of that code
// (any letter case). The text output says how many documents match (显示20个，
// 共54个) and, when filters removed every hit, that they did. Exit code: 0
// hits, 1 no hit, 2 error. Covered by tests/e2e/search_e2e_test.cc.
#include <chrono>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "pipeline/archive/search.h"
#include "pipeline/cli/commands.h"

namespace jixiao::cli {

Runner AddSearchCommand(CLI::App& app) {
  struct Args {
    std::string archive;
    std::string query;
    archive::SearchOptions options;
    std::string format = "text";
  };
  auto args = std::make_shared<Args>();
  app.add_option("ARCHIVE", args->archive, "archive.sqlite, or a run folder holding one")
      ->required()
      ->check(CLI::ExistingPath);
  app.add_option("QUERY", args->query,
                 "Words (all must occur; any Chinese string of 2+ characters), a phrase, or an amount such as 24万元;"
                 " may be left out with --code");
  app.add_option("--unit", args->options.unit, "Only units whose name contains this");
  app.add_option("--year", args->options.year, "Only this year")->check(CLI::Range(1900, 2200));
  app.add_option("--code", args->options.code,
                 "Only documents with a finding of this code (any case); without QUERY: every such document");
  app.add_flag("--include-removed", args->options.include_removed,
               "Also documents whose file was gone from the input folder on a later run");
  app.add_option("-n,--limit", args->options.limit, "Most documents shown")->check(CLI::Range(1, 10000))->capture_default_str();
  app.add_option("-f,--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();

  return [args]() {
    std::string path = args->archive;
    if (std::filesystem::is_directory(path)) path += "/archive.sqlite";
    if (!std::filesystem::exists(path)) {
      std::cerr << "jixiao search: no archive at " << path << "\n";
      return kExitError;
    }
    std::unique_ptr<archive::Archive> arc;
    Status s = archive::Archive::OpenReadOnly(path, &arc);  // never changes it: read-only media work
    if (!s.ok()) {
      std::cerr << "jixiao search: " << s.message() << "\n";
      return kExitError;
    }
    if (args->query.find_first_not_of(" \t") == std::string::npos && args->options.code.empty()) {
      std::cerr << "jixiao search: 请给出查询词，或用 --code 列出有某类问题的文件\n";
      return kExitError;
    }
    auto t0 = std::chrono::steady_clock::now();
    archive::SearchResult result;
    s = archive::Search(arc.get(), args->query, args->options, &result);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!s.ok()) {
      std::cerr << "jixiao search: " << s.message() << "\n";
      return kExitError;
    }
    if (args->format == "json") {
      nlohmann::ordered_json j;
      j["query"] = args->query;
      j["mode"] = result.mode;
      j["match"] = result.match_expression;
      j["elapsed_ms"] = ms;
      j["total"] = result.total;
      if (result.total == 0 && result.without_filters > 0) j["without_filters"] = result.without_filters;
      j["hits"] = nlohmann::ordered_json::array();
      for (const auto& h : result.hits) {
        nlohmann::ordered_json hit;
        hit["file"] = h.file;
        hit["sha256"] = h.sha256;
        hit["title"] = h.title;
        hit["unit"] = h.unit;
        hit["year"] = h.year ? nlohmann::ordered_json(h.year) : nlohmann::ordered_json();
        if (h.removed) hit["removed"] = true;
        hit["score"] = h.score;
        hit["places"] = nlohmann::ordered_json::array();
        for (const auto& p : h.places) {
          nlohmann::ordered_json pj;
          pj["place"] = p.place;
          pj["page"] = p.page >= 0 ? nlohmann::ordered_json(p.page) : nlohmann::ordered_json();
          pj["block"] = p.block;
          if (p.table_index >= 0) {
            pj["table_index"] = p.table_index;
            pj["row"] = p.row;
            pj["col"] = p.col;
          }
          pj["snippet"] = p.snippet;
          pj["match"] = p.match;
          hit["places"].push_back(pj);
        }
        j["hits"].push_back(hit);
      }
      std::cout << j.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    } else {
      const std::string what = args->query.find_first_not_of(" \t") == std::string::npos
                                   ? "有 " + args->options.code + " 问题的文件"
                                   : "“" + args->query + "”";
      if (result.hits.empty() && result.without_filters > 0)
        std::cout << "找到" << what << "的文件共" << result.without_filters
                  << "个，但都不符合筛选条件（--unit/--year/--code），已全部排除。\n";
      else if (result.hits.empty())
        std::cout << "没有找到" << what << "。\n";
      else
        std::cout << "显示" << result.hits.size() << "个，共" << result.total << "个"
                  << (static_cast<int>(result.hits.size()) < result.total ? "（用 --limit 显示更多）" : "") << "。\n";
      if (result.mode == "scan" && !result.hits.empty())
        std::cout << "（单字查询：按存档顺序逐篇查找，未按相关度排序）\n";
      int n = 0;
      for (const auto& h : result.hits) {
        std::cout << ++n << ". " << (h.unit.empty() ? "（单位不详）" : h.unit);
        if (h.year) std::cout << " " << h.year << "年度";
        std::cout << "  " << h.file << (h.removed ? "（已从输入文件夹移除）" : "") << "\n";
        for (const auto& p : h.places) std::cout << "   " << p.place << "：" << p.snippet << "\n";
      }
    }
    return result.hits.empty() ? kExitFindings : kExitClean;
  };
}

}  // namespace jixiao::cli
