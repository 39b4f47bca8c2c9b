#!/usr/bin/env python3
"""Regenerates k8s_schema.json, the compact schema the stand-in API server serves and checks.

    python3 tests/fakes/kube/gen_schema.py [SWAGGER_JSON]

SWAGGER_JSON defaults to ../shared/k8s-openapi/swagger-1.33.json next to the repository.
The output keeps, for every definition reachable from the kinds in resources.py, only what
clients and the server use: types, formats, properties, items, additionalProperties,
required lists and the x-kubernetes-* merge/list/map/gvk markers. Descriptions are dropped,
so the file is the project's own derived data (see the README in k8s-openapi).
"""

import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from kube.resources import BUILTIN  # noqa: E402

KEEP = {"type", "format", "properties", "items", "additionalProperties", "$ref", "required",
        "x-kubernetes-patch-merge-key", "x-kubernetes-patch-strategy", "x-kubernetes-list-type",
        "x-kubernetes-list-map-keys", "x-kubernetes-map-type", "x-kubernetes-group-version-kind"}
# Referenced by clients or by the server itself although no stored kind reaches them.
EXTRA_ROOTS = ["io.k8s.apimachinery.pkg.apis.meta.v1.Status", "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions",
               "io.k8s.api.autoscaling.v1.Scale", "io.k8s.api.policy.v1.Eviction"]


def strip(node):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k not in KEEP:
                continue
            if k == "properties":
                out[k] = {name: strip(p) for name, p in v.items()}
            elif k == "$ref" and isinstance(v, str):
                out[k] = v.rsplit("/", 1)[-1]
            elif k.startswith("x-kubernetes-") or k == "required":
                out[k] = v
            else:
                out[k] = strip(v)
        return out
    if isinstance(node, list):
        return [strip(x) for x in node]
    return node


def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v.rsplit("/", 1)[-1]
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for x in node:
            yield from refs(x)


def main():
    default = os.path.join(HERE, "..", "..", "..", "..", "shared", "k8s-openapi", "swagger-1.33.json")
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.normpath(default)
    with open(src, "rb") as f:
        raw = f.read()
    swagger = json.loads(raw)
    defs = swagger["definitions"]
    wanted = {(t.group, t.version, t.kind) for t in BUILTIN}
    roots = [name for name, d in defs.items()
             if any((g["group"], g["version"], g["kind"]) in wanted for g in d.get("x-kubernetes-group-version-kind", []))
             and not name.endswith("List")]
    roots += EXTRA_ROOTS
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo.extend(refs(defs[name]))
    out = {
        "source": f"{os.path.basename(src)} sha256:{hashlib.sha256(raw).hexdigest()[:16]}",
        "definitions": {name: strip(defs[name]) for name in sorted(seen)},
    }
    dest = os.path.join(HERE, "k8s_schema.json")
    # One definition a line: small, and diffs stay readable when the source changes.
    with open(dest + ".tmp", "w") as f:
        f.write('{"source": %s,\n"definitions": {\n' % json.dumps(out["source"]))
        lines = [f"{json.dumps(name)}: {json.dumps(d, sort_keys=True, separators=(',', ':'))}"
                 for name, d in out["definitions"].items()]
        f.write(",\n".join(lines))
        f.write("\n}}\n")
    os.replace(dest + ".tmp", dest)
    print(f"wrote {dest}: {len(seen)} definitions from {src}")


if __name__ == "__main__":
    main()
