// --schema-dir: kubeconform file names, $refs into _definitions.json, custom
// kinds validated (their metadata as ObjectMeta), built-in kinds overridden,
// and every malformed file an input error that names it.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "common/error.h"
#include "lint/catalogue.h"
#include "lint/linter.h"
#include "schema/schema_dir.h"
#include "support/test_files.h"
#include "support/test_paths.h"
#include "yaml/parser.h"

namespace {

using namespace taskmaster;
namespace fs = std::filesystem;

// (line, rule) of every `# expect: <rule>` in the text.
std::set<std::pair<uint32_t, std::string>> expectations(const std::string& text) {
  std::set<std::pair<uint32_t, std::string>> out;
  std::istringstream lines(text);
  std::string line;
  for (uint32_t n = 1; std::getline(lines, line); ++n) {
    size_t at = line.find("# expect: ");
    if (at != std::string::npos) out.emplace(n, line.substr(at + 10));
  }
  return out;
}

std::vector<lint::Finding> lintWith(const std::string& text,
                                    std::shared_ptr<const schema::SchemaDirectory> dir) {
  static const lint::Catalogue catalogue = lint::Catalogue::builtin();
  manifest::ResourceSet set;
  set.add(yaml::parse(text), std::make_shared<manifest::IdentitySourceMap>("input.yaml"));
  lint::LintContext context{"default"};
  context.schema_dir = std::move(dir);
  return lint::lint(set, {catalogue.find("schema-invalid"), catalogue.find("unknown-kind")},
                    context);
}

}  // namespace

TEST_CASE("schema dir: file names as kubeconform writes them", "[schema][schema-dir]") {
  CHECK(schema::schemaFileKey("deployment-apps-v1.json") == "deployment-apps-v1");
  CHECK(schema::schemaFileKey("pod-v1.json") == "pod-v1");
  CHECK(schema::schemaFileKey("certificate-cert-manager-v1.json") == "certificate-cert-manager-v1");
  CHECK(schema::schemaFileKey("certificate-cert-manager.io-v1alpha2.json") ==
        "certificate-cert-manager.io-v1alpha2");
  CHECK(schema::schemaFileKey("horizontalpodautoscaler-autoscaling-v2beta2.json") ==
        "horizontalpodautoscaler-autoscaling-v2beta2");
  for (const char* ignored : {"_definitions.json", "all.json", "deployment.json", "pod-v1.yaml",
                              "pod-latest.json", "pod-v1.json.bak"})
    CHECK(schema::schemaFileKey(ignored).empty());
}

TEST_CASE("schema dir: custom kinds are validated, by either group naming",
          "[schema][schema-dir]") {
  auto dir = schema::SchemaDirectory::load(test::testdata("schema/schema-dir"));
  CHECK(dir->size() == 2);  // all.json and _definitions.json are no kinds
  CHECK(dir->find("cert-manager.io/v1", "Certificate") != schema::kNoType);
  CHECK(dir->find("monitoring.coreos.com/v1", "ServiceMonitor") != schema::kNoType);
  CHECK(dir->find("monitoring.coreos.com/v1", "PodMonitor") == schema::kNoType);
  CHECK(dir->find("cert-manager.io/v1alpha2", "Certificate") == schema::kNoType);

  const std::string text = test::readFile(test::testdata("schema/manifests/custom-resources.yaml"));
  std::set<std::pair<uint32_t, std::string>> reported;
  for (const lint::Finding& f : lintWith(text, dir)) {
    INFO(fmt::format("{}: {} [{}]", f.location.line, f.message, f.rule));
    CHECK(reported.emplace(f.location.line, f.rule).second);
  }
  CHECK(reported == expectations(text));

  // Without the directory the kinds are unknown, and not validated.
  size_t unknown = 0;
  for (const lint::Finding& f : lintWith(text, nullptr)) {
    CHECK(f.rule == "unknown-kind");
    ++unknown;
  }
  CHECK(unknown == 5);
}

TEST_CASE("schema dir: a file overrides the built-in schema of its kind", "[schema][schema-dir]") {
  auto dir = schema::SchemaDirectory::load(test::testdata("schema/schema-dir-override"));
  const std::string deployment =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {}\n";
  auto findings = lintWith(deployment, dir);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "spec: missing required field \"replicas\"");
  CHECK(lintWith(deployment, nullptr).size() == 1);  // built in: template is required
  CHECK(lintWith(deployment, nullptr)[0].message == "spec: missing required field \"template\"");
}

TEST_CASE("schema dir: a malformed file is an input error naming it", "[schema][schema-dir]") {
  CHECK_THROWS_WITH(schema::SchemaDirectory::load(test::testdata("schema/schema-dir-malformed")),
                    Catch::Contains("issuer-cert-manager-v1.json: not valid JSON"));
  CHECK_THROWS_WITH(schema::SchemaDirectory::load(test::testdata("schema/schema-dir-badref")),
                    Catch::Contains("issuer-cert-manager-v1.json: invalid schema: $ref to "
                                    "\"_missing.json\", which is not in the schema directory"));
  CHECK_THROWS_AS(schema::SchemaDirectory::load(test::testdata("schema/no-such-dir")), InputError);
}
