// Shell-style wildcards for names in config files: `*` (any run of
// characters) and `?` (one character); everything else is literal.
#pragma once

#include <string_view>

namespace taskmaster::lint {

bool globMatch(std::string_view pattern, std::string_view text);

}  // namespace taskmaster::lint
