// Runs every rule fixture in testdata/rules/<rule>/*.yaml against the rule its
// folder names. A fixture carries its expectations in comments, clang-tidy
// style, so adding a rule or a case never means editing this file:
//
//   # lint-namespace: taskmaster      (leading comment; default "fixtures")
//   # lint-kube-version: 1.24         (leading comment; default: lint's default)
//   - name: api   # expect: liveness-probe-missing
//
// Each `# expect: <rule>` line must be reported by that rule, and nothing
// else may be. Every builtin rule needs a folder with at least one failing
// and one passing file, and no message may quote a ConfigMap data value or
// an env value of the fixture (secrets must never reach a report).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "lint/catalogue.h"
#include "lint/kube_version.h"
#include "lint/linter.h"
#include "manifest/pod_spec.h"
#include "support/test_paths.h"
#include "yaml/parser.h"

namespace {

namespace fs = std::filesystem;
using namespace taskmaster;

using Expected = std::set<std::pair<uint32_t, std::string>>;  // (line, rule)

struct Fixture {
  std::string content;
  std::string target_namespace = "fixtures";
  lint::KubeVersion kube_version = lint::kDefaultKubeVersion;
  Expected expected;
};

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  size_t e = s.find_last_not_of(" \t\r");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

Fixture readFixture(const fs::path& path) {
  Fixture f;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  f.content = text.str();
  std::istringstream lines(f.content);
  std::string line;
  bool header = true;  // leading comment lines may set the namespace
  for (uint32_t n = 1; std::getline(lines, line); ++n) {
    std::string t = trim(line);
    if (header && t.starts_with("# lint-namespace:"))
      f.target_namespace = trim(std::string_view(t).substr(17));
    if (header && t.starts_with("# lint-kube-version:")) {
      auto v = lint::parseKubeVersion(trim(std::string_view(t).substr(20)));
      REQUIRE(v);
      f.kube_version = *v;
    }
    header = header && (t.empty() || t.starts_with("#"));
    size_t at = line.find("# expect:");
    if (at == std::string::npos) continue;
    std::istringstream rules(line.substr(at + 9));
    for (std::string rule; std::getline(rules, rule, ',');) f.expected.emplace(n, trim(rule));
  }
  return f;
}

// Values a message must never contain. Short ones ("true", "8000") are too
// common to tell apart from names, and are not secrets anyway.
std::vector<std::string> sensitiveValues(const manifest::ResourceSet& set) {
  std::vector<std::string> out;
  auto keep = [&](yaml::Node v) {
    if (v.isScalar() && v.scalar().size() >= 6) out.emplace_back(v.scalar());
  };
  for (const manifest::Resource& r : set.resources) {
    if (r.id.kind == "ConfigMap") {
      for (const char* section : {"data", "binaryData"}) {
        yaml::Node data = r.root.get(section);
        for (size_t i = 0; i < data.size(); ++i) keep(data.value(i));
      }
    }
    if (auto pod = manifest::findPodSpec(r)) {
      for (const manifest::ContainerRef& c : pod->containers) {
        yaml::Node env = c.node.get("env");
        for (size_t i = 0; i < env.size(); ++i) keep(env.item(i).get("value"));
      }
    }
  }
  return out;
}

std::vector<fs::path> fixtureFiles(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(dir.path()))
      if (file.path().extension() == ".yaml") files.push_back(file.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Differences between expected and reported findings, one line each.
std::string checkFixture(const fs::path& path, const Fixture& fixture, const lint::Rule& rule) {
  std::string name = path.parent_path().filename().string() + "/" + path.filename().string();
  manifest::ResourceSet set;
  try {
    set.add(yaml::parse(fixture.content), std::make_shared<manifest::IdentitySourceMap>(name));
  } catch (const yaml::ParseError& e) {
    return fmt::format("{}:{}: fixture is not valid YAML: {}\n", name, e.line(), e.what());
  }
  auto findings =
      lint::lint(set, {&rule}, lint::LintContext{fixture.target_namespace, fixture.kube_version});

  std::string problems;
  Expected reported;
  auto secrets = sensitiveValues(set);
  for (const lint::Finding& f : findings) {
    reported.emplace(f.location.line, f.rule);
    if (!fixture.expected.contains({f.location.line, f.rule}))
      problems +=
          fmt::format("{}:{}: unexpected {}: {}\n", name, f.location.line, f.rule, f.message);
    for (const std::string& secret : secrets)
      if (f.message.find(secret) != std::string::npos)
        problems += fmt::format("{}:{}: message quotes the value \"{}\": {}\n", name,
                                f.location.line, secret, f.message);
  }
  for (const auto& [line, rule_name] : fixture.expected)
    if (!reported.contains({line, rule_name}))
      problems += fmt::format("{}:{}: expected {} was not reported\n", name, line, rule_name);
  return problems;
}

}  // namespace

TEST_CASE("rule fixtures report exactly the findings they expect", "[lint][fixtures]") {
  const fs::path root = test::testdata("rules");
  const lint::Catalogue catalogue = lint::Catalogue::builtin();
  std::map<std::string, std::pair<int, int>> failing_passing;  // per rule folder

  const auto files = fixtureFiles(root);
  REQUIRE_FALSE(files.empty());
  for (const fs::path& path : files) {
    std::string rule_name = path.parent_path().filename().string();
    INFO("fixture " << path.string());
    const lint::Rule* rule = catalogue.find(rule_name);
    CHECK(rule != nullptr);  // the folder must name a builtin rule
    if (!rule) continue;
    Fixture fixture = readFixture(path);
    CHECK(checkFixture(path, fixture, *rule) == "");
    auto& [failing, passing] = failing_passing[rule_name];
    ++(fixture.expected.empty() ? passing : failing);
  }

  for (const lint::Rule* rule : catalogue.rules()) {
    INFO("rule " << rule->name << ": testdata/rules/" << rule->name
                 << "/ needs at least one failing and one passing fixture");
    auto [failing, passing] = failing_passing[rule->name];
    CHECK(failing > 0);
    CHECK(passing > 0);
  }
}
