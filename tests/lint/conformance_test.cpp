// Conformance with a peer linter: every Polaris check fixture of
// ../shared/conformance (see its README) is linted with only the rule of
// ours that covers the same check, and the outcome (any finding = fail) is
// compared with the fixture's expectation. Agreement is printed per topic;
// over the checks we cover it must be at least 95%. A check whose semantics
// we deliberately do not share is still run and printed, but not counted,
// and its rule must say why in its `conformance:` note; so must every rule
// that disagrees on any fixture.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "lint/catalogue.h"
#include "lint/linter.h"
#include "manifest/manifest_input.h"
#include "support/test_files.h"
#include "support/test_paths.h"

using taskmaster::test::readFile;

namespace {

namespace fs = std::filesystem;
using namespace taskmaster;

struct Mapping {
  const char* rule;
  bool counted;  // false: a documented, deliberate difference of semantics
};

// Polaris check -> the rule of ours that covers it.
const std::map<std::string, Mapping> kMappings = {
    {"automountServiceAccountToken", {"service-account-token-automounted", true}},
    {"cpuLimitsMissing", {"cpu-limits-missing", true}},
    {"cpuRequestsMissing", {"cpu-requests-missing", true}},
    {"dangerousCapabilities", {"dangerous-capabilities", true}},
    {"deploymentMissingReplicas", {"replicas-minimum", true}},
    {"hostIPCSet", {"host-ipc", true}},
    {"hostNetworkSet", {"host-network", true}},
    {"hostPIDSet", {"host-pid", true}},
    {"hostPathSet", {"host-path-unsafe", true}},
    {"hpaMaxAvailability", {"hpa-cannot-scale", true}},
    {"hpaMinAvailability", {"hpa-min-replicas", true}},
    {"insecureCapabilities", {"capabilities-not-dropped", true}},
    {"livenessProbeMissing", {"liveness-probe-missing", true}},
    {"memoryLimitsMissing", {"memory-limits-missing", true}},
    {"memoryRequestsMissing", {"memory-requests-missing", true}},
    {"metadataAndInstanceMismatched", {"recommended-labels-missing", true}},
    {"notReadOnlyRootFilesystem", {"writable-root-filesystem", true}},
    {"pdbDisruptionsIsZero", {"pdb-blocks-eviction", true}},
    {"pdbMinAvailableGreaterThanHPAMinReplicas", {"pdb-blocks-eviction", true}},
    {"privilegeEscalationAllowed", {"privilege-escalation-allowed", true}},
    {"readinessProbeMissing", {"readiness-probe-missing", true}},
    {"runAsPrivileged", {"privileged-container", true}},
    {"runAsRootAllowed", {"run-as-root", true}},
    {"sensitiveConfigmapContent", {"configmap-contains-secret", true}},
    {"sensitiveContainerEnvVar", {"env-plaintext-secret", true}},
    {"tagNotSpecified", {"image-tag-unpinned", true}},
    // Single-replica Deployments need no budget here (see the rule).
    {"missingPodDisruptionBudget", {"pdb-missing", false}},
    // Polaris wants Always; on Docker Desktop Always breaks local images.
    {"pullPolicyNotAlways", {"image-pull-always-local", false}},
};

struct Tally {
  size_t agree = 0, total = 0;
  std::vector<std::string> rules, disagreements;
};

}  // namespace

TEST_CASE("rules agree with Polaris on its check fixtures", "[rules][conformance]") {
  auto shared = test::sharedDir();
  if (!shared || !fs::exists(*shared / "conformance/polaris-index.tsv")) {
    WARN("skipped: ../shared/conformance is absent");
    return;
  }
  const fs::path root = *shared / "conformance";
  const lint::Catalogue catalogue = lint::Catalogue::builtin();
  std::map<std::string, Tally> counted, deliberate;  // by topic
  std::map<std::string, size_t> uncovered;           // topic -> fixtures
  std::map<std::string, std::vector<std::string>> disagreeing_rules;

  std::istringstream index(readFile(root / "polaris-index.tsv"));
  std::string line;
  std::getline(index, line);  // header
  while (std::getline(index, line)) {
    std::vector<std::string> f;
    std::istringstream cols(line);
    for (std::string col; std::getline(cols, col, '\t');) f.push_back(col);
    REQUIRE(f.size() == 5);
    const std::string &path = f[1], &check = f[2], &expected = f[3], &topic = f[4];
    auto mapping = kMappings.find(check);
    if (mapping == kMappings.end()) {
      ++uncovered[topic];
      continue;
    }
    const lint::Rule* rule = catalogue.find(mapping->second.rule);
    REQUIRE(rule != nullptr);
    manifest::ResourceSet set;
    set.add(manifest::parseManifestText(readFile(root / path), path),
            std::make_shared<manifest::IdentitySourceMap>(path));
    auto findings = lint::lint(set, {rule}, lint::LintContext{"default"});
    std::string outcome = findings.empty() ? "pass" : "fail";
    Tally& t = (mapping->second.counted ? counted : deliberate)[topic];
    ++t.total;
    if (std::find(t.rules.begin(), t.rules.end(), rule->name) == t.rules.end())
      t.rules.push_back(rule->name);
    if (outcome == expected) {
      ++t.agree;
    } else {
      t.disagreements.push_back(
          fmt::format("{} (expected {}, {} says {})", path, expected, rule->name, outcome));
      disagreeing_rules[rule->name].push_back(path);
    }
  }

  size_t agree = 0, total = 0;
  for (const auto& [topic, t] : counted) {
    agree += t.agree;
    total += t.total;
    WARN(fmt::format("conformance polaris {}: {}/{} agree ({})", topic, t.agree, t.total,
                     fmt::join(t.rules, ", ")));
    for (const auto& d : t.disagreements) WARN(fmt::format("  differs: {}", d));
  }
  for (const auto& [topic, t] : deliberate) {
    WARN(
        fmt::format("conformance polaris {}: {}/{} agree with {}, a deliberate difference "
                    "not counted (see the rule's conformance note)",
                    topic, t.agree, t.total, fmt::join(t.rules, ", ")));
  }
  for (const auto& [topic, n] : uncovered)
    WARN(fmt::format("conformance polaris {}: {} fixtures not covered by any rule", topic, n));
  double share = total ? 100.0 * static_cast<double>(agree) / static_cast<double>(total) : 0;
  WARN(fmt::format("conformance polaris: {}/{} agree ({:.1f}%) over the {} topics covered", agree,
                   total, share, counted.size()));
  CHECK(total >= 100);
  CHECK(share >= 95.0);

  // Every difference is written down next to the rule.
  for (const auto& [check, mapping] : kMappings)
    if (!mapping.counted) CHECK_FALSE(catalogue.find(mapping.rule)->conformance.empty());
  for (const auto& [name, paths] : disagreeing_rules) {
    INFO("rule " << name << " differs from Polaris on " << fmt::format("{}", fmt::join(paths, ", "))
                 << " and its rule file has no conformance note saying why");
    CHECK_FALSE(catalogue.find(name)->conformance.empty());
  }
}
