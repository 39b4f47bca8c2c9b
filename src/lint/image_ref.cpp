#include "lint/image_ref.h"

namespace taskmaster::lint {

ImageRef parseImageRef(std::string_view image) {
  ImageRef ref;
  size_t at = image.find('@');
  if (at != std::string_view::npos) {
    ref.digest = image.substr(at + 1);
    image = image.substr(0, at);
  }
  // The first component is a registry host when it looks like one, as the
  // Docker reference grammar decides: a dot, a port, or "localhost".
  size_t slash = image.find('/');
  if (slash != std::string_view::npos) {
    std::string_view first = image.substr(0, slash);
    if (first.find_first_of(".:") != std::string_view::npos || first == "localhost") {
      ref.registry = first;
      image = image.substr(slash + 1);
    }
  }
  size_t colon = image.rfind(':');
  if (colon != std::string_view::npos && image.find('/', colon) == std::string_view::npos) {
    ref.tag = image.substr(colon + 1);
    image = image.substr(0, colon);
  }
  ref.repository = image;
  return ref;
}

}  // namespace taskmaster::lint
