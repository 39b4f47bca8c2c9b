// env-literal-secret: container env entries that carry a secret as a literal
// `value` (which lands in the Deployment spec, the Helm release record and
// `kubectl describe`) instead of `valueFrom.secretKeyRef`.
//
//   params: SecretPatterns (see lint/secret_patterns.h)
//
// A variable is reported when its name looks secret, or its value matches a
// value pattern (a URL with credentials under any name). Empty values and
// values ignored by ignoreValuePatterns (`$(DB_PASSWORD)` references to
// other variables) are fine. The finding sits on the `value:` line and
// never quotes the value.
#include <fmt/format.h>

#include "lint/check.h"
#include "lint/checks/builtin_checks.h"
#include "lint/secret_patterns.h"

namespace taskmaster::lint {

namespace {

class EnvLiteralSecret : public Check {
 public:
  explicit EnvLiteralSecret(const ParamReader& params) : patterns_(params) {}

  void run(const CheckInput& input, FindingSink& sink) const override {
    for (const manifest::ContainerRef& c : input.containers()) {
      yaml::Node env = c.node.get("env");
      for (size_t i = 0; i < env.size(); ++i) {
        yaml::Node entry = env.item(i);
        std::string_view name = entry.get("name").str();
        yaml::Node value = entry.get("value");
        if (!value.isScalar() || value.isNull()) continue;
        auto match = patterns_.classify(name, value.scalar());
        if (!match) continue;
        std::string_view what = c.init ? "init container" : "container";
        sink.report(
            value,
            match->by_value
                ? fmt::format("{} \"{}\" sets \"{}\" to {} as a literal value", what, c.name, name,
                              match->kind)
                : fmt::format("{} \"{}\" sets secret-looking variable \"{}\" as a literal value",
                              what, c.name, name),
            c.name);
      }
    }
  }

 private:
  SecretPatterns patterns_;
};

}  // namespace

std::unique_ptr<Check> makeEnvLiteralSecret(const ParamReader& params) {
  params.allowOnly({"keyPatterns", "ignoreKeyPatterns", "valuePatterns", "ignoreValuePatterns"});
  return std::make_unique<EnvLiteralSecret>(params);
}

}  // namespace taskmaster::lint
