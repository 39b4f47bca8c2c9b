// Parses a YAML stream with libyaml's event API into a Stream. Guards against
// hostile input: nesting depth, alias expansion (billion laughs) and document
// size are bounded, and every violation is a ParseError with a position.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

#include "yaml/node.h"

namespace taskmaster::yaml {

struct ParseLimits {
  size_t max_depth = 200;
  // Nodes a document would have with every alias expanded; go-yaml and
  // Kubernetes refuse far less, a real manifest has a few thousand.
  size_t max_expanded_nodes = 2'000'000;
  size_t max_document_bytes = 64u << 20;
};

class ParseError : public std::runtime_error {
 public:
  ParseError(uint32_t line, uint32_t column, const std::string& what)
      : std::runtime_error(what), line_(line), column_(column) {}
  uint32_t line() const { return line_; }
  uint32_t column() const { return column_; }

 private:
  uint32_t line_;
  uint32_t column_;
};

// Takes the input by value: plain scalars point into it instead of copying.
std::shared_ptr<const Stream> parse(std::string input, const ParseLimits& limits = {});

}  // namespace taskmaster::yaml
