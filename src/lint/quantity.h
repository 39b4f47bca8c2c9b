// Kubernetes resource quantities ("500m", "1.5", "512Mi", "1e3", "2G"), for
// comparing limits with requests.
#pragma once

#include <optional>
#include <string_view>

namespace taskmaster::lint {

// The value in base units (cores, bytes); nullopt when not a quantity.
std::optional<double> parseQuantity(std::string_view text);

}  // namespace taskmaster::lint
