"""The compact Kubernetes OpenAPI schema (k8s_schema.json) and the lookups the server needs.

Nodes are the stripped swagger v2 definitions: {"type", "properties", "items",
"additionalProperties", "$ref", "x-kubernetes-..."}. `$ref` values are definition names.
"""

import json
import os

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "k8s_schema.json")


class Schema:
    def __init__(self, path=_PATH):
        with open(path) as f:
            doc = json.load(f)
        self.source = doc.get("source", "")
        self.definitions = doc["definitions"]
        self._by_gvk = {}
        for name, d in self.definitions.items():
            for gvk in d.get("x-kubernetes-group-version-kind", []):
                self._by_gvk.setdefault((gvk["group"], gvk["version"], gvk["kind"]), name)

    def definition_name(self, group, version, kind):
        return self._by_gvk.get((group, version, kind))

    def root(self, group, version, kind):
        name = self.definition_name(group, version, kind)
        return self.definitions.get(name) if name else None

    def resolve(self, node):
        seen = 0
        while node is not None and "$ref" in node and isinstance(node["$ref"], str) and seen < 20:
            node = self.definitions.get(node["$ref"])
            seen += 1
        return node

    def child(self, node, name):
        """Schema of field `name` in object schema `node`; None when unknown or free-form."""
        node = self.resolve(node)
        if not node:
            return None
        props = node.get("properties")
        if props is not None and name in props:
            return self.resolve(props[name]) or {}
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            return self.resolve(extra) or {}
        return None

    def item(self, node):
        node = self.resolve(node)
        if not node:
            return None
        return self.resolve(node.get("items")) if node.get("items") is not None else None

    @staticmethod
    def is_free_form(node):
        """True when the schema does not constrain field names (no properties listed)."""
        if not node:
            return True
        if node.get("x-kubernetes-preserve-unknown-fields"):
            return True
        return "properties" not in node and not isinstance(node.get("additionalProperties"), dict)

    def list_semantics(self, node):
        """('map', keys) | ('set', None) | ('atomic', None), as server-side apply sees a list."""
        node = self.resolve(node) or {}
        kind = node.get("x-kubernetes-list-type")
        if kind == "map":
            return "map", node.get("x-kubernetes-list-map-keys") or []
        if kind == "set":
            return "set", None
        if kind == "atomic":
            return "atomic", None
        if "merge" in (node.get("x-kubernetes-patch-strategy") or "") and node.get("x-kubernetes-patch-merge-key"):
            return "map", [node["x-kubernetes-patch-merge-key"]]
        return "atomic", None

    def patch_strategy(self, node):
        """(strategies, merge key) for strategic merge patch; strategies is a set of words."""
        node = self.resolve(node) or {}
        strategies = set((node.get("x-kubernetes-patch-strategy") or "").split(","))
        strategies.discard("")
        return strategies, node.get("x-kubernetes-patch-merge-key")

    def is_atomic_map(self, node):
        node = self.resolve(node) or {}
        return node.get("x-kubernetes-map-type") == "atomic"
