// Hand-built reports for the reporter tests: rules and findings as the
// engine would produce them, with the awkward cases each format must carry.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "lint/rule.h"
#include "report/report.h"

namespace taskmaster::test {

inline lint::Rule sampleRule(std::string name, lint::Severity severity,
                             std::vector<std::string> kinds = {}) {
  lint::Rule r;
  r.name = std::move(name);
  r.severity = severity;
  r.summary = "Summary of " + r.name;
  r.rationale = "Why " + r.name + " matters";
  r.remediation = "How to fix " + r.name;
  r.scope.kinds = std::move(kinds);
  r.template_name = "container-field-required";
  r.source = "rules/" + r.name + ".yaml";
  return r;
}

inline lint::Finding sampleFinding(std::string rule, lint::Severity severity, std::string kind,
                                   std::string name, std::string message,
                                   manifest::SourceLocation location, std::string container = "") {
  lint::Finding f;
  f.rule = std::move(rule);
  f.severity = severity;
  f.message = std::move(message);
  f.resource = {kind == "ConfigMap" ? "v1" : "apps/v1", std::move(kind), std::move(name), "demo"};
  f.container = std::move(container);
  f.location = std::move(location);
  return f;
}

// Owns the rules a Report points at.
struct SampleReport {
  std::deque<lint::Rule> rules;
  report::Report report;

  void addRule(lint::Rule rule) {
    rules.push_back(std::move(rule));
    report.rules.push_back(&rules.back());
  }
};

}  // namespace taskmaster::test
