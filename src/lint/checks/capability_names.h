// Linux capability names as Kubernetes accepts them: case-insensitive, with
// or without the CAP_ prefix ("net_admin", "CAP_NET_ADMIN", "NET_ADMIN").
#pragma once

#include <string>
#include <string_view>

namespace taskmaster::lint {

inline std::string normalizeCapability(std::string_view name) {
  std::string out;
  for (char c : name) out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  if (out.starts_with("CAP_")) out.erase(0, 4);
  return out;
}

}  // namespace taskmaster::lint
