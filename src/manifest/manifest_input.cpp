#include "manifest/manifest_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "common/error.h"

namespace taskmaster::manifest {

namespace fs = std::filesystem;

namespace {
std::string tooLarge(const std::string& display, size_t max_bytes) {
  return fmt::format("{}: input is larger than {} MiB", display, max_bytes >> 20);
}
}  // namespace

void rejectBinary(std::string_view text, const std::string& display) {
  size_t nul = text.find('\0');
  if (nul != std::string_view::npos)
    throw InputError(
        fmt::format("{}: binary content (NUL byte at offset {}), not YAML", display, nul));
}

std::string readInputFile(const fs::path& path, size_t max_bytes) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path.string() + ": no such file or directory");
  if (!fs::is_regular_file(path, ec)) throw InputError(path.string() + ": not a regular file");
  if (fs::file_size(path, ec) > max_bytes) throw InputError(tooLarge(path.string(), max_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path.string() + ": cannot open for reading");
  // One read into a buffer of the file's size: a 20 MB stream is read at once.
  std::string text(fs::file_size(path, ec), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  rejectBinary(text, path.string());
  return text;
}

std::string readStandardInput(size_t max_bytes) {
  std::string text;
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
    text.append(buffer, n);
    if (text.size() > max_bytes) throw InputError(tooLarge("<stdin>", max_bytes));
  }
  rejectBinary(text, "<stdin>");
  return text;
}

std::vector<fs::path> manifestFilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() && name.size() > 1 && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    std::string ext = it->path().extension().string();
    if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::shared_ptr<const yaml::Stream> parseManifestText(std::string text, const std::string& display,
                                                      const yaml::ParseLimits& limits) {
  try {
    return yaml::parse(std::move(text), limits);
  } catch (const yaml::ParseError& e) {
    throw InputError(
        fmt::format("{}:{}:{}: invalid YAML: {}", display, e.line(), e.column(), e.what()));
  }
}

}  // namespace taskmaster::manifest
