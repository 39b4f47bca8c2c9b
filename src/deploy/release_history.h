// A release's revisions as `helm history -o json` lists them: whether the
// release exists, what is deployed, and whether an operation is stuck.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace taskmaster::deploy {

struct Revision {
  int number = 0;
  std::string status;  // deployed, superseded, failed, pending-install, pending-upgrade ...
  std::string chart, app_version, description;
};

struct ReleaseHistory {
  std::vector<Revision> revisions;  // oldest first
  const Revision* latest() const;
  const Revision* lastDeployed() const;  // the newest with status deployed
  // An install, upgrade or rollback that never finished (Helm was killed):
  // Helm refuses to change the release until it is rolled back.
  bool stuck() const;
};

// InputError-free: nullopt when the text is not Helm's history JSON.
std::optional<ReleaseHistory> parseHistory(const std::string& json_text);

// Helm's "release: not found" (history, status, get, uninstall).
bool isReleaseNotFound(const std::string& helm_stderr);

}  // namespace taskmaster::deploy
