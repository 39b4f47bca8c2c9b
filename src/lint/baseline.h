// Baseline files: `--write-baseline FILE` records the findings of a run;
// `--baseline FILE` then reports only findings that are not in it. Findings
// match by rule, object (kind, namespace, name) and container, never by line,
// so editing a template does not resurface old findings; within those, an
// entry with the same message is preferred, and each entry matches once, so
// a second missing probe in the same object is new.
//
//   {"version": 1, "findings": [{"rule": "...", "kind": "...", "namespace": "...",
//     "name": "...", "container": "...", "message": "..."}]}
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "lint/catalogue.h"
#include "lint/suppression.h"

namespace taskmaster::lint {

class Baseline {
 public:
  // InputError for an unreadable or malformed file, or an unknown rule.
  static Baseline load(const std::filesystem::path& file, const Catalogue& catalogue);
  static Baseline parse(const std::string& text, const std::string& file,
                        const Catalogue& catalogue);
  // Writes `findings` (sorted, stable across runs); InputError on failure.
  static void write(const std::filesystem::path& file, const std::vector<Finding>& findings);

  // For each finding, the baseline suppression that matches it, consuming
  // the entry it used.
  std::vector<std::optional<Suppression>> matchAll(const std::vector<Finding>& findings);

  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string rule, kind, namespace_, name, container, message;
    bool used = false;
  };
  std::string file_;
  std::vector<Entry> entries_;
};

}  // namespace taskmaster::lint
