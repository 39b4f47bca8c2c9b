#include "deploy/secret_masker.h"

namespace taskmaster::deploy {

namespace {

// Rules whose params are SecretPatterns, and the check templates that read them.
constexpr std::pair<std::string_view, std::string_view> kSecretRules[] = {
    {"env-plaintext-secret", "env-literal-secret"},
    {"configmap-contains-secret", "configmap-secret-data"},
};

std::shared_ptr<const lint::SecretPatterns> patternsOf(const lint::Rule& rule) {
  lint::ParamReader params(rule.params, rule.source);
  if (rule.param_overrides) params.overrideWith(rule.param_overrides, rule.overrides_source);
  return std::make_shared<lint::SecretPatterns>(params);
}

}  // namespace

SecretMasker::SecretMasker(const lint::Catalogue& catalogue) {
  const lint::Catalogue* builtin = nullptr;
  lint::Catalogue builtin_storage;
  for (const auto& [name, template_name] : kSecretRules) {
    const lint::Rule* rule = catalogue.find(name);
    if (!rule || rule->template_name != template_name) {
      if (!builtin) builtin_storage = lint::Catalogue::builtin(), builtin = &builtin_storage;
      rule = builtin->find(name);
    }
    if (rule) patterns_.push_back(patternsOf(*rule));
  }
}

bool SecretMasker::isSecret(std::string_view name, std::string_view value) const {
  for (const auto& p : patterns_)
    if (p->classify(name, value)) return true;
  return false;
}

bool SecretMasker::hides(std::string_view kind, const FieldDifference& d) const {
  if (kind == "Secret" && (d.top == "data" || d.top == "stringData")) return true;
  for (yaml::Node side : {d.before, d.after})
    if (side.isScalar() && isSecret(d.name, side.scalar())) return true;
  return false;
}

}  // namespace taskmaster::deploy
