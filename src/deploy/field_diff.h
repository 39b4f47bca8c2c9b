// Where two versions of one object differ, down to the smallest part that
// differs: a scalar, or a whole map or list that one side lacks. Lists of
// maps with unique `name`s (containers, env, ports, volumes) are compared by
// name, other lists by position. Null, {} and [] count as absent, as they do
// for the API server.
#pragma once

#include <string>
#include <vector>

#include "yaml/node.h"

namespace taskmaster::deploy {

struct FieldDifference {
  // "spec.template.spec.containers[backend].image",
  // "metadata.annotations[\"checksum/config\"]", "spec.ports[0].port".
  std::string path;
  std::string top;           // the first key: "spec", "data", "metadata" ...
  std::string name;          // what the value is called: the last key, or X for env[X].value
  yaml::Node before, after;  // invalid when that side lacks the field
};

std::vector<FieldDifference> diffObjects(yaml::Node before, yaml::Node after);

// A value as one short line: scalars as written (cut at 60 characters and at
// the first line break), collections as "{3 keys}" / "[2 items]", a missing
// field as "(absent)". Never the contents of a collection.
std::string summarizeValue(yaml::Node node);

}  // namespace taskmaster::deploy
