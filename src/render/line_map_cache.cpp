#include "render/line_map_cache.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "sys/environment.h"

namespace taskmaster::render {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "tm-linemap-1";

// FNV-1a: stable across runs and platforms, unlike std::hash.
class Hasher {
 public:
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) h_ = (h_ ^ c) * 0x100000001b3ull;
    // A separator, so that ("ab","c") and ("a","bc") differ.
    h_ = (h_ ^ 0xff) * 0x100000001b3ull;
  }
  bool addFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    add(ss.str());
    return true;
  }
  uint64_t value() const { return h_; }

 private:
  uint64_t h_ = 0xcbf29ce484222325ull;
};

bool addTree(Hasher& h, const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    h.add(fs::relative(f, root).generic_string());
    if (!h.addFile(f)) return false;
  }
  return true;
}

}  // namespace

fs::path defaultLineMapCacheDir() {
  if (!sys::envOr("HELM_TASKMASTER_NO_CACHE").empty()) return {};
  if (auto helm = sys::envOr("HELM_CACHE_HOME"); !helm.empty())
    return fs::path(helm) / "taskmaster";
  if (auto xdg = sys::envOr("XDG_CACHE_HOME"); !xdg.empty())
    return fs::path(xdg) / "helm-taskmaster";
  if (auto home = sys::envOr("HOME"); !home.empty())
    return fs::path(home) / ".cache" / "helm-taskmaster";
  return {};
}

std::optional<uint64_t> instrumentedRenderKey(const HelmClient& helm, const fs::path& chart,
                                              const RenderOptions& o) {
  try {
    Hasher h;
    h.add(kMagic);
    // The Helm binary by identity: path, size and modification time.
    h.add(helm.binary().string());
    h.add(std::to_string(fs::file_size(helm.binary())));
    h.add(std::to_string(fs::last_write_time(helm.binary()).time_since_epoch().count()));
    if (fs::is_directory(chart)) {
      if (!addTree(h, chart)) return std::nullopt;
    } else if (!h.addFile(chart)) {
      return std::nullopt;
    }
    for (const auto& f : o.values_files) {
      if (f == "-" || f.find("://") != std::string::npos || !h.addFile(f)) return std::nullopt;
    }
    for (const auto& s : o.set_file) {  // key=path: the file's content matters
      size_t eq = s.find('=');
      if (eq == std::string::npos || !h.addFile(s.substr(eq + 1))) return std::nullopt;
    }
    for (const auto* list :
         {&o.values_files, &o.set, &o.set_string, &o.set_file, &o.api_versions}) {
      h.add(std::to_string(list->size()));
      for (const auto& s : *list) h.add(s);
    }
    for (const auto& s : {o.release_name, o.namespace_, o.kube_version}) h.add(s);
    return h.value();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

fs::path LineMapCache::entry(uint64_t key) const {
  return dir_ / fmt::format("{:016x}.linemap", key);
}

std::optional<InstrumentedRender> LineMapCache::load(uint64_t key) const {
  std::ifstream in(entry(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::string magic, count_line;
  if (!std::getline(in, magic) || magic != kMagic || !std::getline(in, count_line))
    return std::nullopt;
  InstrumentedRender r;
  size_t count = 0;
  try {
    count = std::stoul(count_line);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  for (size_t i = 0; i < count; ++i) {
    std::string file;
    if (!std::getline(in, file)) return std::nullopt;
    r.files.push_back(std::move(file));
  }
  std::ostringstream rest;
  rest << in.rdbuf();
  r.output = rest.str();
  if (r.output.empty()) return std::nullopt;
  std::error_code ec;
  fs::last_write_time(entry(key), fs::file_time_type::clock::now(), ec);  // recently used
  return r;
}

void LineMapCache::store(uint64_t key, const InstrumentedRender& r) const {
  if (r.output.empty()) return;
  for (const auto& f : r.files)
    if (f.find('\n') != std::string::npos) return;
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) return;
  fs::path tmp = dir_ / fmt::format(".{:016x}.{}.tmp", key, getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << kMagic << '\n' << r.files.size() << '\n';
    for (const auto& f : r.files) out << f << '\n';
    out << r.output;
    if (!out) {
      fs::remove(tmp, ec);
      return;
    }
  }
  fs::rename(tmp, entry(key), ec);
  if (ec) fs::remove(tmp, ec);

  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  for (const auto& e : fs::directory_iterator(dir_, ec))
    if (e.path().extension() == ".linemap") entries.emplace_back(e.last_write_time(ec), e.path());
  if (entries.size() <= kMaxEntries) return;
  std::sort(entries.begin(), entries.end());
  for (size_t i = 0; i + kMaxEntries < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

}  // namespace taskmaster::render
