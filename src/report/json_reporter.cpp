#include "report/json_reporter.h"

#include <nlohmann/json.hpp>

namespace taskmaster::report {

namespace {

nlohmann::ordered_json findingJson(const lint::Finding& f) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["rule"] = f.rule;
  j["severity"] = lint::severityName(f.severity);
  j["message"] = f.message;
  j["resource"] = {{"apiVersion", f.resource.api_version},
                   {"kind", f.resource.kind},
                   {"name", f.resource.name},
                   {"namespace", f.resource.namespace_}};
  if (!f.container.empty()) j["container"] = f.container;
  if (!f.values_sets.empty()) j["valuesSets"] = f.values_sets;
  ordered_json loc = {{"file", f.location.file}};
  if (f.location.line) loc["line"] = f.location.line;
  j["location"] = loc;
  return j;
}

}  // namespace

void writeJson(std::ostream& out, const Report& report) {
  using nlohmann::ordered_json;
  ordered_json findings = ordered_json::array();
  for (const auto& f : report.findings) findings.push_back(findingJson(f));
  Summary s = report.summary();
  ordered_json doc;
  doc["version"] = 1;
  doc["findings"] = std::move(findings);
  doc["summary"] = {{"error", s.error},
                    {"warning", s.warning},
                    {"info", s.info},
                    {"resources", s.resources},
                    {"suppressed", s.suppressed}};
  if (report.list_suppressed) {
    ordered_json suppressed = ordered_json::array();
    for (const auto& [f, by] : report.suppressed) {
      ordered_json j = findingJson(f);
      j["suppression"] = {{"kind", lint::suppressionKindName(by.kind)},
                          {"reason", by.reason},
                          {"source", by.source}};
      suppressed.push_back(std::move(j));
    }
    doc["suppressed"] = std::move(suppressed);
  }
  // Invalid UTF-8 in a manifest must not abort the report.
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

}  // namespace taskmaster::report
