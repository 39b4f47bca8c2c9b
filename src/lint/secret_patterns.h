// Decides whether a key/value pair looks like a secret, from RE2 patterns in
// a rule's params. Shared by the templates that look at ConfigMap data and
// at container env, so both rules agree on what "secret-looking" means.
//
// Params (all lists of RE2 patterns, matched anywhere in the text):
//   keyPatterns:         names that hold secrets (DB_PASSWORD, apiKey ...)
//   ignoreKeyPatterns:   names that only describe one (SECRET_NAME, TOKEN_URL ...)
//   valuePatterns:       [{kind: "an OpenAI-style API key", pattern: "..."}],
//                        values that are secrets whatever their name
//   ignoreValuePatterns: values that are not literals (`$(VAR)` references)
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/params.h"

namespace taskmaster::lint {

class SecretPatterns {
 public:
  explicit SecretPatterns(const ParamReader& params);

  struct Match {
    bool by_value = false;  // a value pattern matched, else the key's name
    std::string kind;       // the value pattern's kind, e.g. "a PEM private key"
  };
  // Value patterns win over the name. Empty values never match: they hold
  // nothing, and `value: ""` is how charts leave a slot for a Secret.
  std::optional<Match> classify(std::string_view key, std::string_view value) const;

 private:
  struct ValuePattern {
    std::string kind;
    std::shared_ptr<const re2::RE2> re;
  };
  std::vector<std::shared_ptr<const re2::RE2>> keys_;
  std::vector<std::shared_ptr<const re2::RE2>> ignore_keys_;
  std::vector<ValuePattern> values_;
  std::vector<std::shared_ptr<const re2::RE2>> ignore_values_;
};

}  // namespace taskmaster::lint
