// Schema validation through the real plugin binary: manifests from stdin,
// --kube-version choosing the schema, --schema-dir errors (exit 2, one line
// naming the file) and findings (exit 1).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "support/test_paths.h"
#include "sys/process.h"

namespace {

using namespace taskmaster;

sys::ProcessResult runPlugin(const std::vector<std::string>& args, std::string stdin_data = {}) {
  std::vector<std::string> argv{test::pluginBinary().string()};
  for (const std::string& a : args) argv.push_back(a);
  sys::ProcessOptions o;
  o.env["NO_COLOR"] = std::string(1, '1');  // a literal trips GCC 12 -Wrestrict
  o.env["HELM_NAMESPACE"] = std::nullopt;
  o.env["HELM_DEBUG"] = std::nullopt;
  o.stdin_data = std::move(stdin_data);
  auto r = sys::runProcess(argv, o);
  REQUIRE_FALSE(r.not_found);
  return r;
}

constexpr const char* kPod =
    "apiVersion: v1\n"
    "kind: Pod\n"
    "metadata: {name: api}\n"
    "spec:\n"
    "  hostnameOverride: api-0\n"
    "  containers:\n"
    "    - name: api\n"
    "      image: registry.example.com/api:2.0.1\n"
    "      livenesProbe: {tcpSocket: {port: 8000}}\n";

}  // namespace

TEST_CASE("schema cli: stdin manifests are validated, --kube-version picks the schema",
          "[schema][cli]") {
  auto r = runPlugin({"lint", "-", "--only", "schema-invalid"}, kPod);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("<stdin>:5: error: Pod/api: spec.hostnameOverride: unknown field (not in the "
                   "Kubernetes 1.33 schema) [schema-invalid]") != std::string::npos);
  CHECK(r.out.find("<stdin>:9: error: Pod/api: spec.containers[0].livenesProbe: unknown field "
                   "(did you mean \"livenessProbe\"?) [schema-invalid]") != std::string::npos);

  // Kubernetes 1.36 has hostnameOverride; the typo stays.
  r = runPlugin({"lint", "-", "--only", "schema-invalid", "--kube-version", "1.36", "-o", "json"},
                kPod);
  CHECK(r.exit_code == 1);
  auto report = nlohmann::json::parse(r.out);
  REQUIRE(report["findings"].size() == 1);
  CHECK(report["findings"][0]["location"]["line"] == 9);
}

TEST_CASE("schema cli: --schema-dir errors exit 2 naming the file, findings exit 1",
          "[schema][cli][schema-dir]") {
  const std::string manifest = test::testdata("schema/manifests/custom-resources.yaml").string();
  for (const char* dir : {"schema-dir-malformed", "schema-dir-badref", "no-such-dir"}) {
    auto r = runPlugin(
        {"lint", manifest, "--schema-dir", test::testdata(fmt::format("schema/{}", dir)).string()});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(dir == std::string_view("no-such-dir")
                         ? "no-such-dir: not a directory"
                         : "issuer-cert-manager-v1.json: ") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
  auto r =
      runPlugin({"lint", manifest, "--schema-dir", test::testdata("schema/schema-dir").string(),
                 "--only", "schema-invalid", "--only", "unknown-kind", "-o", "json"});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["summary"]["error"] == 6);
  CHECK(report["summary"]["warning"] == 1);
}
