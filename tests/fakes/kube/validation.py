"""Field validation against the schema, as the API server's decoder does it.

Unknown and duplicate fields are reported according to `fieldValidation` (Strict: 400
BadRequest, Warn (the default): Warning headers, Ignore: nothing). A value of the wrong JSON
type is always a 400, as a Go decoding error is. Messages follow the real server's wording.
"""

import json

from .errors import bad_request, invalid

# Definitions whose JSON form is a string or a number.
NUMBER_OR_STRING = {"io.k8s.apimachinery.pkg.api.resource.Quantity", "io.k8s.apimachinery.pkg.util.intstr.IntOrString"}
GO_TYPES = {"integer": "int64", "number": "float64", "string": "string", "boolean": "bool",
            "object": "map[string]interface {}", "array": "[]interface {}"}


class DuplicateTracker:
    """json.loads object_pairs_hook that remembers duplicate keys."""

    def __init__(self):
        self.duplicates = []

    def __call__(self, pairs):
        out = {}
        for k, v in pairs:
            if k in out:
                self.duplicates.append(k)
            out[k] = v
        return out


def load_json(body):
    tracker = DuplicateTracker()
    return json.loads(body, object_pairs_hook=tracker), tracker.duplicates


def _json_type(value):
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value == int(value) else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def check(schema, root, obj, kind, version):
    """(unknown field paths, type errors) for obj under the root schema."""
    unknown, type_errors = [], []

    def walk(node_ref, value, path):
        ref = node_ref.get("$ref") if isinstance(node_ref, dict) else None
        node = schema.resolve(node_ref)
        if node is None or value is None:
            return
        want = node.get("type")
        got = _json_type(value)
        if ref in NUMBER_OR_STRING or node.get("format") == "int-or-string":
            if got not in ("string", "integer", "number"):
                type_errors.append((path, got, "string"))
            return
        if want and want != got and not (want == "number" and got == "integer"):
            type_errors.append((path, got, want))
            return
        if got == "object":
            props = node.get("properties")
            extra = node.get("additionalProperties")
            for k, v in value.items():
                p = f"{path}.{k}" if path else k
                if props is not None and k in props:
                    walk(props[k], v, p)
                elif isinstance(extra, dict):
                    walk(extra, v, p)
                elif props is not None and not schema.is_free_form(node):
                    unknown.append(p)
        elif got == "array" and node.get("items") is not None:
            for i, v in enumerate(value):
                walk(node["items"], v, f"{path}[{i}]")

    if root is not None:
        walk(root, obj, "")
    return unknown, type_errors


def validate(schema, root, obj, kind, version, directive, duplicates=(), custom_rtype=None):
    """Raises ApiError for Strict problems and type errors; returns warning texts.
    custom_rtype: a custom resource's type, whose type errors are schema violations (422)."""
    unknown, type_errors = check(schema, root, obj, kind, version)
    if type_errors and custom_rtype is not None:
        causes = [(path, f'Invalid value: "{got}": {path} in body must be of type {want}: "{got}"')
                  for path, got, want in type_errors]
        raise invalid(custom_rtype, (obj.get("metadata") or {}).get("name", ""), causes)
    if type_errors:
        path, got, want = type_errors[0]
        got_word = {"object": "object", "array": "array"}.get(got, got if got != "integer" else "number")
        raise bad_request(f'{kind} in version "{version}" cannot be handled as a {kind}: json: cannot unmarshal '
                          f'{got_word} into Go struct field {kind}.{path} of type {GO_TYPES.get(want, want)}')
    problems = [f'unknown field "{p}"' for p in unknown] + [f'duplicate field "{d}"' for d in duplicates]
    directive = (directive or "Warn").capitalize()
    if not problems or directive == "Ignore":
        return []
    if directive == "Strict":
        raise bad_request(f'{kind} in version "{version}" cannot be handled as a {kind}: strict decoding error: '
                          + ", ".join(problems))
    return problems
