// configmap-secret-data: ConfigMap entries (data and binaryData) whose value
// is a recognisable secret, or whose key names a secret. ConfigMaps are
// readable by anyone who can read the namespace and end up in `kubectl
// describe`, Helm release records and CI logs.
//
//   params: SecretPatterns (see lint/secret_patterns.h)
//
// binaryData values are base64; they are decoded before value patterns run.
// The finding sits on the key's line and never quotes the value.
#include <fmt/format.h>

#include <optional>

#include "common/base64.h"
#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/secret_patterns.h"

namespace taskmaster::lint {

namespace {

class ConfigmapSecretData : public Check {
 public:
  explicit ConfigmapSecretData(const ParamReader& params) : patterns_(params) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    if (input.resource.id.kind != "ConfigMap") return;
    scan(input.resource.root.get("data"), "data", false, sink);
    scan(input.resource.root.get("binaryData"), "binaryData", true, sink);
  }

 private:
  void scan(yaml::Node map, std::string_view section, bool base64, FindingSink& sink) const {
    for (size_t i = 0; i < map.size(); ++i) {
      yaml::Node key = map.key(i);
      yaml::Node value = map.value(i);
      if (!value.isScalar() || value.isNull()) continue;
      std::optional<std::string> decoded;
      if (base64) decoded = decodeBase64(value.scalar());
      std::string_view text = decoded ? std::string_view(*decoded) : value.scalar();
      auto match = patterns_.classify(key.str(), text);
      if (!match) continue;
      sink.report(key, match->by_value
                           ? fmt::format("{} key \"{}\" holds {}", section, key.str(), match->kind)
                           : fmt::format("{} key \"{}\" has a secret-looking name and a value",
                                         section, key.str()));
    }
  }

  SecretPatterns patterns_;
};

}  // namespace

std::unique_ptr<Check> makeConfigmapSecretData(const ParamReader& params) {
  params.allowOnly({"keyPatterns", "ignoreKeyPatterns", "valuePatterns", "ignoreValuePatterns"});
  return std::make_unique<ConfigmapSecretData>(params);
}

}  // namespace taskmaster::lint
