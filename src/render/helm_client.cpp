#include "render/helm_client.h"

#include <charconv>
#include <cstdlib>

#include "common/error.h"
#include "sys/process.h"

namespace taskmaster::render {

HelmClient HelmClient::locate() {
  const char* env = std::getenv("HELM_BIN");
  std::string name = env && *env ? env : "helm";
  auto found = sys::findInPath(name);
  if (!found) {
    throw InputError(env && *env ? "helm not found: HELM_BIN=" + name + " is not an executable"
                                 : "helm not found: put helm on PATH or set HELM_BIN");
  }
  return HelmClient(*found);
}

std::string HelmClient::version() const {
  auto r = sys::runProcess({binary_.string(), "version", "--template", "{{.Version}}"},
                           sys::withTimeout(std::chrono::seconds(30)));
  if (!r.ok())
    throw InputError(binary_.string() + ": helm version failed: " + helmErrorLine(r.err));
  return r.out;
}

std::optional<HelmVersion> parseHelmVersion(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  HelmVersion v;
  v.text = std::string(text);
  if (!text.empty() && text.front() == 'v') text.remove_prefix(1);
  int* parts[] = {&v.major, &v.minor, &v.patch};
  for (size_t i = 0; i < 3; ++i) {
    const char* end = text.data() + text.size();
    auto [next, ec] = std::from_chars(text.data(), end, *parts[i]);
    if (ec != std::errc() || next == text.data()) return std::nullopt;
    text.remove_prefix(static_cast<size_t>(next - text.data()));
    if (i < 2) {
      if (text.empty() || text.front() != '.') return std::nullopt;
      text.remove_prefix(1);
    }
  }
  return v;
}

std::vector<std::string> HelmClient::templateArgv(const std::filesystem::path& chart,
                                                  const RenderOptions& o, bool debug) const {
  std::vector<std::string> argv = {binary_.string(), "template",    o.release_name,
                                   chart.string(),   "--namespace", o.namespace_};
  appendValuesArgs(argv, o);
  for (const auto& a : o.api_versions) argv.insert(argv.end(), {"--api-versions", a});
  if (!o.kube_version.empty()) argv.insert(argv.end(), {"--kube-version", o.kube_version});
  if (debug) argv.push_back("--debug");
  return argv;
}

void appendValuesArgs(std::vector<std::string>& argv, const RenderOptions& o) {
  for (const auto& f : o.values_files) argv.insert(argv.end(), {"--values", f});
  for (const auto& s : o.set) argv.insert(argv.end(), {"--set", s});
  for (const auto& s : o.set_string) argv.insert(argv.end(), {"--set-string", s});
  for (const auto& s : o.set_file) argv.insert(argv.end(), {"--set-file", s});
}

std::string helmErrorLine(const std::string& text) {
  // "Error: ..." and the lines that continue it (schema violations are listed
  // below the Error line), without Helm's debug log lines.
  auto isLog = [](const std::string& line) {
    return line.rfind("level=", 0) == 0 || line.find(".go:") != std::string::npos;
  };
  std::string out;
  bool in_error = false;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    start = nl + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.rfind("Error:", 0) == 0 || line.rfind("error:", 0) == 0)
      in_error = true;
    else if (line.empty() || isLog(line))
      in_error = false;
    if (!in_error || line.empty()) continue;
    size_t first = line.find_first_not_of(" \t");
    if (!out.empty()) out += out.back() == ':' ? " " : "; ";
    out += line.substr(first);
  }
  if (out.empty()) {
    // No "Error:" line: the last non-empty line says most.
    size_t end = text.find_last_not_of(" \n\r\t");
    if (end == std::string::npos) return "(no error output)";
    size_t begin = text.rfind('\n', end);
    begin = begin == std::string::npos ? 0 : begin + 1;
    out = text.substr(begin, end + 1 - begin);
  }
  return out;
}

}  // namespace taskmaster::render
