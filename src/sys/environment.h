// Reading this process's environment, where Helm passes its global flags to
// plugins (HELM_NAMESPACE, HELM_KUBECONTEXT, KUBECONFIG, HELM_DEBUG ...).
#pragma once

#include <string>

namespace taskmaster::sys {

// The variable's value, or `fallback` when it is unset or empty.
std::string envOr(const char* name, std::string fallback = {});

// HELM_DEBUG as Helm sets it ("true"), or "1".
bool helmDebug();

}  // namespace taskmaster::sys
