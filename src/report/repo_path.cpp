#include "report/repo_path.h"

#include <system_error>

#include "report/text_reporter.h"

namespace taskmaster::report {

namespace fs = std::filesystem;

namespace {

// `path` relative to `base` when it does not climb out of it.
bool relativeInside(const fs::path& path, const fs::path& base, fs::path& out) {
  fs::path rel = path.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..") return false;
  out = rel;
  return true;
}

}  // namespace

RepoPath repoPath(const manifest::SourceLocation& location, const fs::path& root) {
  std::string shown = displayPath(location);
  if (location.root.empty() && location.file == "<stdin>") return {shown, false, true};
  fs::path absolute = (root / shown).lexically_normal();  // root / "/abs" is "/abs"
  fs::path base = root.lexically_normal();
  fs::path rel;
  if (relativeInside(absolute, base, rel)) return {rel.generic_string(), true, false};
  // A path that reaches the root through a symbolic link (/tmp vs /private/tmp).
  std::error_code ec1, ec2;
  fs::path real = fs::weakly_canonical(absolute, ec1);
  fs::path real_base = fs::weakly_canonical(base, ec2);
  if (!ec1 && !ec2 && relativeInside(real, real_base, rel))
    return {rel.generic_string(), true, false};
  return {absolute.generic_string(), false, false};
}

}  // namespace taskmaster::report
