// A private temporary directory, removed with everything in it on scope exit.
#pragma once

#include <filesystem>
#include <string>

namespace taskmaster::sys {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "helm-taskmaster");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace taskmaster::sys
