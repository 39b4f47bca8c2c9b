#include "report/sarif_reporter.h"

#include <fmt/format.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "common/version.h"
#include "lint/embedded_rules.h"
#include "report/repo_path.h"

namespace taskmaster::report {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

constexpr const char* kSrcRoot = "%SRCROOT%";
// Bump the suffix when the fingerprinted fields change: GitHub then sees new
// alerts once instead of silently mismatching old ones.
constexpr const char* kFingerprintKey = "taskmasterFinding/v1";

const char* levelOf(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error:
      return "error";
    case lint::Severity::Warning:
      return "warning";
    case lint::Severity::Info:
      return "note";
  }
  return "warning";
}

// GitHub's names for the same three levels.
const char* problemSeverityOf(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error:
      return "error";
    case lint::Severity::Warning:
      return "warning";
    case lint::Severity::Info:
      return "recommendation";
  }
  return "warning";
}

// SARIF asks for messages that are sentences (SARIF2001).
std::string sentence(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  if (text.empty()) return text;
  char last = text.back();
  if (last != '.' && last != '!' && last != '?') text += '.';
  return text;
}

// RFC 3986: everything but unreserved characters and '/' is percent-encoded,
// so any file name makes a valid URI (':' too, which would look like a scheme).
std::string percentEncode(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string fileUri(const fs::path& absolute, bool directory) {
  std::string path = absolute.lexically_normal().generic_string();
  if (directory && (path.empty() || path.back() != '/')) path += '/';
  return "file://" + percentEncode(path);
}

// FNV-1a, 64 bits: stable across platforms and releases, unlike std::hash.
uint64_t fnv1a(std::string_view data, uint64_t hash = 0xcbf29ce484222325ULL) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// What identifies a finding across runs: the rule, the input it came from
// (chart or manifest file, not the template, which may be renamed), and the
// object and container. Not the line, not the message wording.
std::string fingerprintBase(const lint::Finding& f) {
  const std::string& input = f.location.root.empty() ? f.location.file : f.location.root;
  std::string key;
  for (const std::string* part : {&f.rule, &input, &f.resource.kind, &f.resource.namespace_,
                                  &f.resource.name, &f.container}) {
    key += *part;
    key += '\0';
  }
  return key;
}

bool isBuiltin(const lint::Rule& rule) {
  if (rule.source != "rules/" + rule.name + ".yaml") return false;
  for (const auto& file : lint::embeddedRuleFiles())
    if (file.name == rule.name + ".yaml") return true;
  return false;
}

ordered_json ruleDescriptor(const lint::Rule& rule) {
  ordered_json r;
  r["id"] = rule.name;
  r["name"] = pascalCase(rule.name);
  r["shortDescription"] = {{"text", sentence(rule.summary)}};
  r["fullDescription"] = {{"text", sentence(rule.rationale)}};
  std::string markdown = fmt::format("**{}**\n\n{}\n\n**How to fix:** {}", sentence(rule.summary),
                                     sentence(rule.rationale), sentence(rule.remediation));
  r["help"] = {{"text", sentence(rule.remediation)}, {"markdown", markdown}};
  if (isBuiltin(rule))
    r["helpUri"] = fmt::format("{}/blob/main/rules/{}.yaml", kProjectUri, rule.name);
  r["defaultConfiguration"] = {{"level", levelOf(rule.severity)}};
  ordered_json tags = {"helm", "kubernetes"};
  if (!rule.template_name.empty()) tags.push_back(rule.template_name);
  r["properties"] = {{"tags", tags}, {"problem.severity", problemSeverityOf(rule.severity)}};
  return r;
}

// A finding of a rule the report's table does not list (a caller that did
// not fill Report::rules): a descriptor from what the finding knows.
ordered_json fallbackDescriptor(const lint::Finding& f) {
  lint::Rule rule;
  rule.name = f.rule;
  rule.severity = f.severity;
  rule.summary = fmt::format("Finding of rule {}", f.rule);
  rule.rationale = rule.summary;
  rule.remediation = "See the rule's documentation";
  return ruleDescriptor(rule);
}

std::string valuesSuffix(const lint::Finding& f) {
  if (f.values_sets.empty()) return "";
  return fmt::format(" (values: {})", fmt::join(f.values_sets, ", "));
}

// Lines of a template on disk; 0 when it cannot be read.
size_t countLines(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return 0;
  std::ifstream in(file, std::ios::binary);
  size_t lines = 0;
  char last = '\n';
  for (char c; in.get(c);) {
    if (c == '\n') ++lines;
    last = c;
  }
  return last == '\n' ? lines : lines + 1;
}

ordered_json location(const lint::Finding& f, const fs::path& root) {
  RepoPath path = repoPath(f.location, root);
  ordered_json artifact;
  if (path.inside_root) {
    artifact["uri"] = percentEncode(path.path);
    artifact["uriBaseId"] = kSrcRoot;
  } else if (path.is_stdin) {
    artifact["uri"] = percentEncode(path.path);
  } else {
    artifact["uri"] = fileUri(path.path, false);
  }
  // A result's location must have a region (SARIF 3.29.4). When only the
  // template is known, the region is the whole file (its first line when
  // the file cannot be read, e.g. inside a .tgz) and the result says so
  // (property lineKnown: false).
  ordered_json region = {{"startLine", f.location.line ? f.location.line : 1}};
  if (!f.location.line && !path.is_stdin) {
    size_t lines = countLines(path.inside_root ? root / path.path : fs::path(path.path));
    if (lines > 0) region["endLine"] = lines;
  }
  ordered_json physical = {{"artifactLocation", artifact}, {"region", region}};

  const auto& id = f.resource;
  std::string qualified = id.namespace_.empty() ? "" : id.namespace_ + "/";
  qualified += id.kind + "/" + id.name;
  if (!f.container.empty()) qualified += "/" + f.container;
  ordered_json logical = {{"name", f.container.empty() ? id.name : f.container},
                          {"fullyQualifiedName", qualified},
                          {"kind", f.container.empty() ? "resource" : "member"}};
  return {{"physicalLocation", physical}, {"logicalLocations", ordered_json::array({logical})}};
}

}  // namespace

std::string pascalCase(std::string_view rule_name) {
  std::string out;
  bool upper = true;
  for (char c : rule_name) {
    bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

void writeSarif(std::ostream& out, const Report& report, const fs::path& repo_root) {
  ordered_json rules = ordered_json::array();
  std::map<std::string, size_t, std::less<>> rule_index;
  for (const lint::Rule* rule : report.rules) {
    if (!rule || rule_index.count(rule->name)) continue;
    rule_index.emplace(rule->name, rules.size());
    rules.push_back(ruleDescriptor(*rule));
  }
  for (const auto& f : report.findings) {
    if (rule_index.count(f.rule)) continue;
    rule_index.emplace(f.rule, rules.size());
    rules.push_back(fallbackDescriptor(f));
  }

  ordered_json results = ordered_json::array();
  std::map<std::string, size_t> seen;  // fingerprint base -> occurrences so far
  for (const auto& f : report.findings) {
    std::string base = fingerprintBase(f);
    size_t occurrence = ++seen[base];  // tells apart findings on one object
    ordered_json r;
    r["ruleId"] = f.rule;
    r["ruleIndex"] = rule_index.at(f.rule);
    r["level"] = levelOf(f.severity);
    r["message"] = {{"text", sentence(fmt::format("{}/{}: {}{}", f.resource.kind, f.resource.name,
                                                  f.message, valuesSuffix(f)))}};
    r["locations"] = ordered_json::array({location(f, repo_root)});
    r["partialFingerprints"] = {
        {kFingerprintKey, fmt::format("{:016x}:{}", fnv1a(base), occurrence)}};
    ordered_json props;
    props["resource"] = {{"apiVersion", f.resource.api_version},
                         {"kind", f.resource.kind},
                         {"name", f.resource.name},
                         {"namespace", f.resource.namespace_}};
    if (!f.container.empty()) props["container"] = f.container;
    if (!f.values_sets.empty()) props["valuesSets"] = f.values_sets;
    if (!f.location.line) props["lineKnown"] = false;
    r["properties"] = std::move(props);
    results.push_back(std::move(r));
  }

  ordered_json driver;
  driver["name"] = "helm-taskmaster";
  driver["version"] = kVersion;
  driver["semanticVersion"] = kVersion;
  driver["informationUri"] = kProjectUri;
  driver["rules"] = std::move(rules);

  ordered_json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["invocations"] = ordered_json::array({{{"executionSuccessful", true}}});
  run["originalUriBaseIds"] = {{kSrcRoot, {{"uri", fileUri(fs::absolute(repo_root), true)}}}};
  run["results"] = std::move(results);

  ordered_json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = ordered_json::array({std::move(run)});
  // Invalid UTF-8 in a manifest must not abort the report.
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace taskmaster::report
