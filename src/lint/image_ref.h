// Container image references: [registry/]repository[:tag][@digest].
#pragma once

#include <string_view>

namespace taskmaster::lint {

struct ImageRef {
  // Host of the registry as written ("ghcr.io", "localhost:5000"); empty
  // when the reference names none, so Docker Hub (or the local image store
  // of Docker Desktop) is meant.
  std::string_view registry;
  std::string_view repository;  // "library/nginx" stays "nginx" as written
  std::string_view tag;         // empty when absent
  std::string_view digest;      // "sha256:..." or empty
};

ImageRef parseImageRef(std::string_view image);

}  // namespace taskmaster::lint
