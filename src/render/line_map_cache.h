// A cache of instrumented renders, keyed by a hash of everything the render
// depends on: the chart's files, the values files' contents, every option and
// the Helm binary. A chart linted again unchanged (pre-commit, CI reruns)
// then needs one Helm render instead of two; a changed byte anywhere is a
// miss. Only the line map comes from the cache: content is always the fresh
// plain render.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "render/helm_client.h"
#include "render/instrumented_render.h"

namespace taskmaster::render {

// $HELM_CACHE_HOME/taskmaster (Helm sets it for plugins), else
// $XDG_CACHE_HOME/helm-taskmaster, else ~/.cache/helm-taskmaster; empty when
// $HELM_TASKMASTER_NO_CACHE is set or no home is known.
std::filesystem::path defaultLineMapCacheDir();

// nullopt when the inputs cannot be hashed (a values file from stdin or a URL,
// an unreadable file): such renders are not cached.
std::optional<uint64_t> instrumentedRenderKey(const HelmClient& helm,
                                              const std::filesystem::path& chart,
                                              const RenderOptions& options);

class LineMapCache {
 public:
  explicit LineMapCache(std::filesystem::path dir) : dir_(std::move(dir)) {}
  // A missing, unreadable or corrupt entry is a miss.
  std::optional<InstrumentedRender> load(uint64_t key) const;
  // Best effort, atomic (write then rename); keeps the newest kMaxEntries.
  void store(uint64_t key, const InstrumentedRender& render) const;

  static constexpr size_t kMaxEntries = 64;

 private:
  std::filesystem::path entry(uint64_t key) const;
  std::filesystem::path dir_;
};

}  // namespace taskmaster::render
