// The Kubernetes schemas compiled into the binary, one per Kubernetes version
// (rules/schemas/kubernetes-<version>.json). Only the version a lint targets
// is parsed, on first use, once per process.
#pragma once

#include <vector>

#include "lint/kube_version.h"
#include "schema/compact_schema.h"

namespace taskmaster::schema {

// The embedded versions, oldest first.
std::vector<lint::KubeVersion> builtinSchemaVersions();

// The schema for a target version: the newest embedded one not newer than
// `target`, or the oldest when every embedded one is newer (a target below
// it is validated as the oldest; its removed APIs are the API table's job).
lint::KubeVersion builtinSchemaVersionFor(lint::KubeVersion target);

// The parsed schema of builtinSchemaVersionFor(target). Thread-safe; the
// first call for a version parses it (a few milliseconds).
const KubernetesSchema& builtinSchema(lint::KubeVersion target);

}  // namespace taskmaster::schema
