// Where tests find the repository, the built binary, real Helm and ../shared.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace taskmaster::test {

std::filesystem::path sourceDir();
std::filesystem::path testdata(const std::string& relative);
std::filesystem::path pluginBinary();
// Real Helm 3 / Helm 4 provisioned by scripts/tools/provision-helm; nullopt
// when absent (the test then skips with a message).
std::optional<std::filesystem::path> helmBinary(int major);
// ../shared beside the repository, nullopt when absent.
std::optional<std::filesystem::path> sharedDir();

}  // namespace taskmaster::test
