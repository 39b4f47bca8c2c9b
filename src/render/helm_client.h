// How we call the user's Helm: which binary, which version, which argv.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace taskmaster::render {

// Chart options passed through to `helm template` unchanged.
struct RenderOptions {
  std::string release_name = "release-name";  // helm template's own default
  std::string namespace_ = "default";
  std::vector<std::string> values_files, set, set_string, set_file, api_versions;
  std::string kube_version;
  std::chrono::milliseconds timeout{std::chrono::minutes(2)};
  // Where instrumented renders are cached (render/line_map_cache.h); empty:
  // no cache. Not a Helm option: it never changes what is rendered.
  std::filesystem::path line_map_cache;
};

struct HelmVersion {
  int major = 0, minor = 0, patch = 0;
  std::string text;  // as Helm printed it, "v4.1.4"
  bool atLeast(int maj, int min) const { return major > maj || (major == maj && minor >= min); }
};
// "v3.17.2", "v4.1.4+gabc": nullopt when it is not a version.
std::optional<HelmVersion> parseHelmVersion(std::string_view text);

class HelmClient {
 public:
  // $HELM_BIN (Helm sets it for plugins), else `helm` on PATH; InputError
  // when neither exists.
  static HelmClient locate();
  explicit HelmClient(std::filesystem::path binary) : binary_(std::move(binary)) {}

  const std::filesystem::path& binary() const { return binary_; }
  // "v4.1.4"; InputError when Helm does not answer.
  std::string version() const;

  std::vector<std::string> templateArgv(const std::filesystem::path& chart,
                                        const RenderOptions& options, bool debug) const;

 private:
  std::filesystem::path binary_;
};

// The user's values options (-f, --set, --set-string, --set-file), in the
// order Helm applies them, for any Helm command that takes them.
void appendValuesArgs(std::vector<std::string>& argv, const RenderOptions& options);

// Helm's error output reduced to one line ("Error: ..." lines, debug noise dropped).
std::string helmErrorLine(const std::string& stderr_text);

}  // namespace taskmaster::render
