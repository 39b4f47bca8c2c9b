#include "preflight/checks/required_values.h"

#include <re2/re2.h>

namespace taskmaster::preflight {

namespace {

bool secretLooking(const std::string& text) {
  static const re2::RE2 kSecretWord(
      R"((?i)(secret|password|passwd|token|api[-_]?key|credential|private[-_]?key|databaseurl))");
  return re2::RE2::PartialMatch(text, kSecretWord);
}

}  // namespace

std::optional<std::string> missingSecretValue(const std::string& helm_error) {
  static const re2::RE2 kRequired(R"(execution error at \([^)]*\): (.*\bis required\b.*))");
  std::string message;
  if (re2::RE2::PartialMatch(helm_error, kRequired, &message))
    return secretLooking(message) ? std::optional<std::string>(message) : std::nullopt;

  // Schema violations, one per value: Helm 4 writes "- at '/a/b': reason",
  // Helm 3 "- a.b: reason". Only leaves name a value; their parents say
  // "validation failed".
  static const re2::RE2 kHelm4(R"(at '/([^']+)': ([^;]*))");
  static const re2::RE2 kHelm3(R"(- ([A-Za-z0-9_.\[\]-]+): ([^;]*))");
  std::string found;
  for (const re2::RE2* pattern : {&kHelm4, &kHelm3}) {
    re2::StringPiece input(helm_error);
    std::string path, reason;
    while (re2::RE2::FindAndConsume(&input, *pattern, &path, &reason)) {
      if (reason == "validation failed") continue;
      for (char& c : path)
        if (c == '/') c = '.';
      if (!secretLooking(path.substr(path.rfind('.') + 1))) continue;
      found += (found.empty() ? "" : ", ") + path + " (" + reason + ")";
    }
  }
  if (found.empty()) return std::nullopt;
  return "the values schema requires " + found;
}

}  // namespace taskmaster::preflight
