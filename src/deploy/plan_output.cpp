#include "deploy/plan_output.h"

#include <fmt/format.h>

#include "report/text_reporter.h"

namespace taskmaster::deploy {

namespace {

std::string plural(size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

nlohmann::ordered_json objectJson(const ObjectChange& c) {
  nlohmann::ordered_json o;
  o["apiVersion"] = c.api_version;
  if (!c.old_api_version.empty()) o["previousApiVersion"] = c.old_api_version;
  o["kind"] = c.key.kind;
  o["namespace"] = c.key.namespace_;
  o["name"] = c.key.name;
  return o;
}

}  // namespace

std::string planSummary(const ChangePlan& p) {
  return fmt::format("{} changed, {} added, {} removed, {} unchanged", p.changed.size(),
                     p.added.size(), p.removed.size(), p.unchanged);
}

std::vector<std::string> planLines(const ChangePlan& p, const std::string& ns, size_t max_fields) {
  std::vector<std::string> out;
  for (const ObjectChange& c : p.changed) {
    out.push_back("changed " + displayName(c.key, ns) + ":");
    if (!c.old_api_version.empty())
      out.push_back("  apiVersion: " + c.old_api_version + " \u2192 " + c.api_version);
    for (size_t i = 0; i < c.fields.size(); ++i) {
      if (i == max_fields) {
        out.push_back(fmt::format("  ... and {} more fields", c.fields.size() - max_fields));
        break;
      }
      out.push_back("  " + describe(c.fields[i]));
    }
  }
  for (const ObjectChange& c : p.added) out.push_back("added   " + displayName(c.key, ns));
  for (const ObjectChange& c : p.removed) out.push_back("removed " + displayName(c.key, ns));
  return out;
}

nlohmann::ordered_json planToJson(const ChangePlan& p) {
  nlohmann::ordered_json out;
  out["added"] = nlohmann::ordered_json::array();
  for (const auto& c : p.added) out["added"].push_back(objectJson(c));
  out["removed"] = nlohmann::ordered_json::array();
  for (const auto& c : p.removed) out["removed"].push_back(objectJson(c));
  out["changed"] = nlohmann::ordered_json::array();
  for (const auto& c : p.changed) {
    nlohmann::ordered_json o = objectJson(c);
    o["fields"] = nlohmann::ordered_json::array();
    for (const FieldChange& f : c.fields) {
      nlohmann::ordered_json field;
      field["path"] = f.path;
      field["change"] = fieldChangeKindName(f.kind);
      if (f.hidden) {
        field["hidden"] = true;
      } else {
        if (f.kind != FieldChange::Kind::Added) field["before"] = f.before;
        if (f.kind != FieldChange::Kind::Removed) field["after"] = f.after;
      }
      o["fields"].push_back(std::move(field));
    }
    out["changed"].push_back(std::move(o));
  }
  out["unchanged"] = p.unchanged;
  return out;
}

std::string findingLine(const lint::Finding& f) {
  std::string path = report::displayPath(f.location);
  std::string where = f.location.line ? fmt::format("{}:{}", path, f.location.line) : path;
  return fmt::format("{}: {}: {}/{}: {} [{}]", where, lint::severityName(f.severity),
                     f.resource.kind, f.resource.name, f.message, f.rule);
}

nlohmann::ordered_json findingToJson(const lint::Finding& f) {
  nlohmann::ordered_json o;
  o["rule"] = f.rule;
  o["severity"] = lint::severityName(f.severity);
  o["message"] = f.message;
  o["resource"] = {{"apiVersion", f.resource.api_version},
                   {"kind", f.resource.kind},
                   {"name", f.resource.name},
                   {"namespace", f.resource.namespace_}};
  if (!f.container.empty()) o["container"] = f.container;
  nlohmann::ordered_json location = {{"file", f.location.file}};
  if (f.location.line) location["line"] = f.location.line;
  o["location"] = location;
  return o;
}

std::string findingCounts(const std::vector<lint::Finding>& findings) {
  size_t errors = 0, warnings = 0, infos = 0;
  for (const auto& f : findings) {
    if (f.severity == lint::Severity::Error) ++errors;
    if (f.severity == lint::Severity::Warning) ++warnings;
    if (f.severity == lint::Severity::Info) ++infos;
  }
  std::string out = plural(errors, "error") + ", " + plural(warnings, "warning");
  if (infos) out += ", " + std::to_string(infos) + " info";
  return out;
}

}  // namespace taskmaster::deploy
