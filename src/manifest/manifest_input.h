// Reading manifest text safely: size and binary guards, parse errors turned
// into one-line InputErrors that name the file, line and column.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "yaml/node.h"
#include "yaml/parser.h"

namespace taskmaster::manifest {

inline constexpr size_t kMaxInputBytes = size_t{256} << 20;

// The whole file; InputError when missing, unreadable, too large or binary.
std::string readInputFile(const std::filesystem::path& path, size_t max_bytes = kMaxInputBytes);
// All of standard input, with the same guards.
std::string readStandardInput(size_t max_bytes = kMaxInputBytes);

// *.yaml and *.yml below dir, sorted, hidden directories skipped.
std::vector<std::filesystem::path> manifestFilesIn(const std::filesystem::path& dir);

// Parses text named `display` in messages; InputError on bad YAML.
std::shared_ptr<const yaml::Stream> parseManifestText(std::string text, const std::string& display,
                                                      const yaml::ParseLimits& limits = {});

// InputError unless text is free of NUL bytes (a binary file, not YAML).
void rejectBinary(std::string_view text, const std::string& display);

}  // namespace taskmaster::manifest
