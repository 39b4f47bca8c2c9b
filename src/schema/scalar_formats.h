// The string formats the API server decodes strictly: []byte fields are
// base64 (Go's encoding/json), metav1.Time values are RFC 3339.
#pragma once

#include <string_view>

namespace taskmaster::schema {

// base64.StdEncoding as encoding/json decodes []byte: padded, the standard
// alphabet, CR and LF ignored.
bool isBase64(std::string_view text);

// time.RFC3339 as metav1.Time parses it: 2025-01-31T12:00:00Z, with optional
// fractional seconds and a Z or ±hh:mm offset.
bool isDateTime(std::string_view text);

}  // namespace taskmaster::schema
