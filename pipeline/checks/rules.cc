// Loading of the rules file. Covered by checks_test.cc.
#include "pipeline/checks/rules.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "pipeline/embedded/embedded.h"

namespace jixiao {
namespace {

numbers::Decimal NumberToDecimal(const nlohmann::json& j) {
  std::string text = j.is_string() ? j.get<std::string>() : j.dump();
  auto d = numbers::Decimal::Parse(text);
  return d ? *d : numbers::Decimal::Invalid();
}

}  // namespace

std::string Rules::GradeFor(const numbers::Decimal& score) const {
  for (const RuleGrade& g : grades) {
    if (score >= g.min) return g.grade;
  }
  return "";
}

namespace {

// A reviewer's message for a rules file the JSON library refused, without
// the library's "[json.exception.…]" prefix: where the syntax breaks (line
// and column), or which field is missing or of the wrong type.
std::string RulesError(const std::string& origin, const std::string& text, const nlohmann::json::exception& e) {
  std::string what = e.what();
  size_t close = what.find("] ");
  std::string reason = close == std::string::npos ? what : what.substr(close + 2);
  const std::string head = "规则文件 " + origin + " 无效：";
  if (const auto* pe = dynamic_cast<const nlohmann::json::parse_error*>(&e)) {
    size_t line = 1, col = 1;
    for (size_t i = 0; i + 1 < pe->byte && i < text.size(); ++i) {
      if (text[i] == '\n') ++line, col = 1;
      else ++col;
    }
    size_t colon = reason.find(": ");
    std::string detail = colon == std::string::npos ? reason : reason.substr(colon + 2);
    return head + "不是合法的 JSON（第 " + std::to_string(line) + " 行第 " + std::to_string(col) + " 列：" + detail +
           "）";
  }
  if (e.id == 403) {  // "key 'partitions' not found"
    size_t a = reason.find('\''), b = reason.rfind('\'');
    if (a != std::string::npos && b > a)
      return head + "缺少必需的字段“" + reason.substr(a + 1, b - a - 1) + "”（格式见内置的 national.json）";
  }
  return head + "字段的类型或取值不对（" + reason + "；格式见内置的 national.json）";
}

}  // namespace

Status LoadRules(const std::string& path, Rules* rules) {
  std::string text;
  std::string origin = path.empty() ? "built-in national rules" : path;
  if (path.empty()) {
    text = std::string(EmbeddedSchema("rules/national.json"));
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError("cannot open rules file " + path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  try {
    nlohmann::json j = nlohmann::json::parse(text);
    Rules r;
    r.name = j.value("name", "");
    for (const auto& p : j.at("partitions")) {
      RulePartition part;
      part.name = p.value("name", "");
      if (p.contains("total") && p["total"].is_string()) part.total = p["total"].get<std::string>();
      part.parts = p.at("parts").get<std::vector<std::string>>();
      r.partitions.push_back(std::move(part));
    }
    if (j.contains("execution_score")) {
      const auto& e = j.at("execution_score");
      r.execution_score.method = e.value("method", "proportional");
      r.execution_score.cap = e.value("cap", true);
      if (e.contains("decimals")) {
        r.execution_score.decimals.clear();
        for (const auto& d : e.at("decimals")) r.execution_score.decimals.push_back(d.get<int>());
      }
      for (const auto& b : e.value("bands", nlohmann::json::array()))
        r.execution_score.bands.push_back({NumberToDecimal(b.at("min_rate")), NumberToDecimal(b.at("share"))});
      std::sort(r.execution_score.bands.begin(), r.execution_score.bands.end(),
                [](const RuleExecutionScore::Band& a, const RuleExecutionScore::Band& b) { return a.min_rate > b.min_rate; });
      if (r.execution_score.method != "proportional" && r.execution_score.method != "bands")
        return Status::InvalidInput(origin + ": execution_score.method must be proportional or bands");
    }
    const auto& w = j.at("weights");
    r.total_weight = NumberToDecimal(w.at("total"));
    for (const auto& l : w.at("level1")) {
      RuleLevel1 level;
      level.id = l.at("id").get<std::string>();
      level.label = l.value("label", level.id);
      level.weight = NumberToDecimal(l.at("weight"));
      level.synonyms = l.value("synonyms", std::vector<std::string>{});
      r.level1.push_back(std::move(level));
    }
    for (const auto& g : j.at("grades")) {
      r.grades.push_back({g.at("grade").get<std::string>(), NumberToDecimal(g.at("min"))});
    }
    std::sort(r.grades.begin(), r.grades.end(),
              [](const RuleGrade& a, const RuleGrade& b) { return a.min > b.min; });
    if (j.contains("deviation"))
      r.no_deviation_phrases = j["deviation"].value("no_deviation_phrases", std::vector<std::string>{});
    if (j.contains("template")) {
      const auto& t = j["template"];
      r.template_applies_when_title_contains = t.value("applies_when_title_contains", std::vector<std::string>{});
      r.template_skipped_when_title_contains = t.value("skipped_when_title_contains", std::vector<std::string>{});
      for (const auto& s : t.value("sections", nlohmann::json::array())) {
        r.sections.push_back({s.at("id").get<std::string>(), s.value("label", ""),
                              s.value("synonyms", std::vector<std::string>{})});
      }
    }
    if (j.contains("text")) {
      for (const auto& t : j["text"].value("typos", nlohmann::json::array()))
        r.typos.push_back({t.at("wrong").get<std::string>(), t.at("right").get<std::string>()});
      r.allowed_doublings = j["text"].value("allowed_doublings", std::vector<std::string>{});
    }
    for (const RuleGrade& g : r.grades)
      if (!g.min.ok()) return Status::InvalidInput(origin + ": grade " + g.grade + " has no numeric min");
    if (!r.total_weight.ok()) return Status::InvalidInput(origin + ": weights.total is not a number");
    *rules = std::move(r);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(RulesError(origin, text, e));
  }
  return Status::Ok();
}

}  // namespace jixiao
