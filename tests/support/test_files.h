// Reading whole files in tests.
#pragma once

#include <filesystem>
#include <string>

namespace taskmaster::test {

// The file's bytes; throws std::runtime_error when it cannot be opened, so a
// test never compares against the empty text of a missing file.
std::string readFile(const std::filesystem::path& path);

}  // namespace taskmaster::test
