// What the deploy commands must never print: everything under a Secret's
// data and stringData, and any value the lint rules' secret patterns call a
// secret (env-plaintext-secret and configmap-contains-secret: the same
// names and value shapes, tuned in the same config file).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "deploy/field_diff.h"
#include "lint/catalogue.h"
#include "lint/secret_patterns.h"

namespace taskmaster::deploy {

class SecretMasker {
 public:
  // The patterns of the catalogue's secret rules (with config overrides);
  // the builtin rules' when the catalogue has replaced them with others.
  explicit SecretMasker(const lint::Catalogue& catalogue);

  // A value called `name` (a key, an env var) that holds a secret.
  bool isSecret(std::string_view name, std::string_view value) const;
  // A difference in an object of `kind` whose values must be shown as hidden.
  bool hides(std::string_view kind, const FieldDifference& difference) const;

 private:
  std::vector<std::shared_ptr<const lint::SecretPatterns>> patterns_;
};

}  // namespace taskmaster::deploy
