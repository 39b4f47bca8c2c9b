// Where a finding is, for CI systems: the path relative to the repository
// root (the directory the tool runs in), which is what GitHub annotations,
// SARIF %SRCROOT% URIs and JUnit consumers resolve against.
#pragma once

#include <filesystem>
#include <string>

#include "manifest/source_location.h"

namespace taskmaster::report {

struct RepoPath {
  std::string path;  // generic ('/') separators; "<stdin>" for standard input
  // True when `path` is relative to the root; false for a file outside it
  // (then `path` is absolute) and for standard input.
  bool inside_root = false;
  bool is_stdin = false;
};

// The chart root joined with the template (see displayPath), made relative
// to `root` when it lies inside it.
RepoPath repoPath(const manifest::SourceLocation& location, const std::filesystem::path& root);

}  // namespace taskmaster::report
