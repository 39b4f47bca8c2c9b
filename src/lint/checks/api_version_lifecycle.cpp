// api-version-lifecycle: objects whose apiVersion is removed from, or
// deprecated in, the Kubernetes version the release targets (--kube-version).
// A removed version makes `helm install` fail ("no matches for kind"), and a
// release installed with it can no longer be upgraded after the cluster is.
//
//   params:
//     table: kubernetes-apis        # a table of rules/tables/ (see there)
//     report: removed | deprecated  # removed: no longer served at the target;
//                                   # deprecated: still served, removed later
//
// Table entries: {apiVersion, kinds: [...], deprecatedIn: "1.x",
// removedIn: "1.y" (optional), replacement: "group/version" (optional)}.
#include <fmt/format.h>

#include <algorithm>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/tables.h"

namespace taskmaster::lint {

namespace {

struct ApiEntry {
  std::string api_version;
  std::vector<std::string> kinds;
  KubeVersion deprecated_in;
  std::optional<KubeVersion> removed_in;
  std::string replacement;
};

KubeVersion versionAt(const Table& table, yaml::Node entry, std::string_view field) {
  yaml::Node node = entry.get(field);
  auto v = parseKubeVersion(node.str());
  if (!node.isScalar() || !v)
    failAt(table.file, node ? node : entry,
           fmt::format("\"{}\" must be a Kubernetes version such as \"1.25\"", field));
  return *v;
}

std::vector<ApiEntry> readTable(const Table& table) {
  yaml::Node apis = table.root.get("apis");
  if (!apis.isSeq() || apis.size() == 0)
    failAt(table.file, table.root, "the table needs a non-empty list \"apis\"");
  std::vector<ApiEntry> out;
  for (size_t i = 0; i < apis.size(); ++i) {
    yaml::Node e = apis.item(i);
    ApiEntry entry;
    entry.api_version = std::string(e.get("apiVersion").str());
    yaml::Node kinds = e.get("kinds");
    for (size_t k = 0; k < kinds.size(); ++k) entry.kinds.emplace_back(kinds.item(k).str());
    if (entry.api_version.empty() || entry.kinds.empty())
      failAt(table.file, e, "each entry needs \"apiVersion\" and a list of \"kinds\"");
    entry.deprecated_in = versionAt(table, e, "deprecatedIn");
    if (e.get("removedIn")) entry.removed_in = versionAt(table, e, "removedIn");
    entry.replacement = std::string(e.get("replacement").str());
    for (size_t k = 0; k < e.size(); ++k) {
      std::string_view key = e.key(k).str();
      if (key != "apiVersion" && key != "kinds" && key != "deprecatedIn" && key != "removedIn" &&
          key != "replacement")
        failAt(table.file, e.key(k), fmt::format("unknown key \"{}\"", key));
    }
    out.push_back(std::move(entry));
  }
  return out;
}

class ApiVersionLifecycle : public Check {
 public:
  ApiVersionLifecycle(std::vector<ApiEntry> entries, bool removed)
      : entries_(std::move(entries)), removed_(removed) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    const manifest::ResourceId& id = input.resource.id;
    const KubeVersion& target = input.context.kube_version;
    for (const ApiEntry& e : entries_) {
      if (e.api_version != id.api_version ||
          std::find(e.kinds.begin(), e.kinds.end(), id.kind) == e.kinds.end())
        continue;
      bool gone = e.removed_in && *e.removed_in <= target;
      std::string use =
          e.replacement.empty() ? std::string() : fmt::format("; use {}", e.replacement);
      yaml::Node at = input.resource.root.get("apiVersion");
      if (removed_ && gone) {
        sink.report(at,
                    fmt::format("{} {} was removed in Kubernetes {} (target {}){}", id.api_version,
                                id.kind, e.removed_in->str(), target.str(), use));
      } else if (!removed_ && !gone && e.deprecated_in <= target) {
        sink.report(
            at, fmt::format("{} {} is deprecated since Kubernetes {}{} (target {}){}",
                            id.api_version, id.kind, e.deprecated_in.str(),
                            e.removed_in ? fmt::format(" and removed in {}", e.removed_in->str())
                                         : std::string(),
                            target.str(), use));
      }
      return;
    }
  }

 private:
  std::vector<ApiEntry> entries_;
  bool removed_;
};

}  // namespace

std::unique_ptr<Check> makeApiVersionLifecycle(const ParamReader& params) {
  params.allowOnly({"table", "report"});
  bool removed = params.choice("report", {"removed", "deprecated"}, "removed") == "removed";
  return std::make_unique<ApiVersionLifecycle>(readTable(params.table("table")), removed);
}

}  // namespace taskmaster::lint
