// Keeps the secret values of a release out of text that other programs
// print (Helm's errors, NOTES, container logs, events): every value of the
// rendered Secrets and every value the secret patterns recognise is replaced
// by "(hidden)" wherever it appears. Our own output never holds those values
// in the first place; this is for text we pass on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "deploy/secret_masker.h"
#include "manifest/resource.h"

namespace taskmaster::deploy {

class Redactor {
 public:
  // Values shorter than this are left alone: hiding "true" or "1" from every
  // log line would hide everything and protect nothing.
  static constexpr size_t kMinimumLength = 6;

  // Secret data (decoded and as written), stringData, and values the masker
  // calls secret anywhere in the objects (env, ConfigMaps, annotations ...).
  void collect(const manifest::ResourceSet& resources, const SecretMasker& masker);
  void add(std::string value);

  std::string redact(std::string text) const;

 private:
  std::vector<std::string> values_;  // longest first: a URL before the password in it
};

// Standard base64 as Kubernetes writes Secret data; nullopt when it is not.
std::optional<std::string> decodeBase64(std::string_view text);

// A command line fit to print: the values of secret-looking --set and
// --set-string entries become "(hidden)" (`--set secrets.openaiApiKey=(hidden)`),
// and known secret values anywhere else are redacted.
std::vector<std::string> maskCommand(const std::vector<std::string>& argv,
                                     const SecretMasker& masker, const Redactor& redactor);

}  // namespace taskmaster::deploy
