#include "deploy/release_history.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace taskmaster::deploy {

const Revision* ReleaseHistory::latest() const {
  return revisions.empty() ? nullptr : &revisions.back();
}

const Revision* ReleaseHistory::lastDeployed() const {
  for (auto it = revisions.rbegin(); it != revisions.rend(); ++it)
    if (it->status == "deployed") return &*it;
  return nullptr;
}

bool ReleaseHistory::stuck() const {
  const Revision* last = latest();
  return last && last->status.rfind("pending-", 0) == 0;
}

std::optional<ReleaseHistory> parseHistory(const std::string& text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_array()) return std::nullopt;
  ReleaseHistory history;
  for (const auto& item : doc) {
    if (!item.is_object() || !item.contains("revision") || !item["revision"].is_number_integer())
      return std::nullopt;
    Revision r;
    r.number = item["revision"].get<int>();
    r.status = item.value("status", "");
    r.chart = item.value("chart", "");
    r.app_version = item.value("app_version", "");
    r.description = item.value("description", "");
    history.revisions.push_back(std::move(r));
  }
  std::sort(history.revisions.begin(), history.revisions.end(),
            [](const Revision& a, const Revision& b) { return a.number < b.number; });
  return history;
}

bool isReleaseNotFound(const std::string& helm_stderr) {
  return helm_stderr.find("release: not found") != std::string::npos;
}

}  // namespace taskmaster::deploy
