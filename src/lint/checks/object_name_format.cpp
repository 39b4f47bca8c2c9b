// object-name-format: metadata.name values the API server rejects. Most
// kinds need a DNS-1123 subdomain (lowercase letters, digits, '-' and '.',
// at most 253 characters, starting and ending alphanumeric); Services,
// Namespaces and a few others a DNS-1123 label (no dots, at most 63); RBAC
// objects only a path segment. A name built from an uppercase release name
// or a long `fullnameOverride` fails only at install time.
//
//   params: {labelKinds: [Service, Namespace, ...], pathSegmentKinds: [Role, ...]}
//
// Objects with generateName and no name are skipped.
#include <fmt/format.h>

#include <algorithm>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/node_lookup.h"

namespace taskmaster::lint {

namespace {

bool alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// Why `name` is not a DNS-1123 label; empty when it is one.
std::string labelProblem(std::string_view name) {
  if (name.size() > 63) return fmt::format("is {} characters long (at most 63)", name.size());
  for (char c : name)
    if (!alnum(c) && c != '-') return "may only hold lowercase letters, digits and '-'";
  if (!alnum(name.front()) || !alnum(name.back()))
    return "must start and end with a lowercase letter or digit";
  return {};
}

std::string subdomainProblem(std::string_view name) {
  if (name.size() > 253) return fmt::format("is {} characters long (at most 253)", name.size());
  size_t start = 0;
  while (start <= name.size()) {
    size_t dot = name.find('.', start);
    if (dot == std::string_view::npos) dot = name.size();
    std::string_view part = name.substr(start, dot - start);
    if (part.empty()) return "may not have empty parts between dots";
    for (char c : part)
      if (!alnum(c) && c != '-') return "may only hold lowercase letters, digits, '-' and '.'";
    if (!alnum(part.front()) || !alnum(part.back()))
      return "must start and end each part with a lowercase letter or digit";
    start = dot + 1;
  }
  return {};
}

std::string pathSegmentProblem(std::string_view name) {
  if (name == "." || name == "..") return "may not be \".\" or \"..\"";
  if (name.find_first_of("/%") != std::string_view::npos) return "may not contain '/' or '%'";
  return {};
}

class ObjectNameFormat : public Check {
 public:
  ObjectNameFormat(std::vector<std::string> label_kinds, std::vector<std::string> path_kinds)
      : label_kinds_(std::move(label_kinds)), path_kinds_(std::move(path_kinds)) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    const manifest::Resource& r = input.resource;
    yaml::Node metadata = r.root.get("metadata");
    yaml::Node name = metadata.get("name");
    if (isEmptyValue(name)) {
      if (isEmptyValue(metadata.get("generateName"))) {
        yaml::Node at = keyNode(r.root, "metadata");
        sink.report(at ? at : r.root, "has no metadata.name");
      }
      return;
    }
    std::string_view text = name.scalar();
    auto in = [&](const std::vector<std::string>& kinds) {
      return std::find(kinds.begin(), kinds.end(), r.id.kind) != kinds.end();
    };
    std::string problem;
    std::string_view rule;
    if (in(path_kinds_)) {
      problem = pathSegmentProblem(text);
      rule = "a path segment";
    } else if (in(label_kinds_)) {
      problem = labelProblem(text);
      rule = "a DNS-1123 label";
    } else {
      problem = subdomainProblem(text);
      rule = "a DNS-1123 subdomain";
    }
    if (!problem.empty())
      sink.report(name, fmt::format("name \"{}\" is not {}: it {}", text, rule, problem));
  }

 private:
  std::vector<std::string> label_kinds_, path_kinds_;
};

}  // namespace

std::unique_ptr<Check> makeObjectNameFormat(const ParamReader& params) {
  params.allowOnly({"labelKinds", "pathSegmentKinds"});
  return std::make_unique<ObjectNameFormat>(params.stringList("labelKinds", true),
                                            params.stringList("pathSegmentKinds", false));
}

}  // namespace taskmaster::lint
