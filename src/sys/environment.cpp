#include "sys/environment.h"

#include <cstdlib>

namespace taskmaster::sys {

std::string envOr(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

bool helmDebug() {
  std::string v = envOr("HELM_DEBUG");
  return v == "true" || v == "1";
}

}  // namespace taskmaster::sys
