#include "support/test_files.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace taskmaster::test {

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace taskmaster::test
