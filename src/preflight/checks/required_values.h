// Recognising a render that failed because secret values were not given.
// Charts say so in one of two ways, and Helm reports either:
//  - a `required` call: "execution error at (taskmaster/templates/secret.yaml:
//    16:20): secrets.openaiApiKey is required unless secrets.existingSecret
//    is set";
//  - values.schema.json: "values don't meet the specifications of the
//    schema(s) ...: - at '/secrets/openaiApiKey': minLength: got 0, want 1".
#pragma once

#include <optional>
#include <string>

namespace taskmaster::preflight {

// What is missing, in the chart's words, when the error is about a
// secret-looking value; nullopt for every other render error.
std::optional<std::string> missingSecretValue(const std::string& helm_error);

}  // namespace taskmaster::preflight
