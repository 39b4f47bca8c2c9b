"""PATCH bodies: JSON patch (RFC 6902), JSON merge patch (RFC 7386) and strategic merge patch.

Strategic merge patch follows k8s.io/apimachinery/pkg/util/strategicpatch for what kubectl
and Helm 3 send: lists merged by their patch merge key (from the schema), `null` deleting a
field, and the directives `$patch` (replace/delete/merge), `$retainKeys`,
`$setElementOrder/<field>` and `$deleteFromPrimitiveList/<field>`.
"""


from .store import clone
from .errors import ApiError, bad_request

# -- JSON merge patch ---------------------------------------------------------


def merge_patch(target, patch):
    if not isinstance(patch, dict):
        return clone(patch)
    out = clone(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge_patch(out.get(k), v)
    return out


# -- JSON patch ---------------------------------------------------------------


def _pointer(path):
    if path == "":
        return []
    if not path.startswith("/"):
        raise bad_request(f"invalid JSON pointer {path!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _walk(doc, parts):
    cur = doc
    for p in parts:
        if isinstance(cur, list):
            try:
                cur = cur[int(p)]
            except (ValueError, IndexError):
                raise bad_request(f"jsonpatch: index {p!r} out of range")
        elif isinstance(cur, dict):
            if p not in cur:
                raise ApiError(422, "Invalid", f"jsonpatch: path component {p!r} does not exist")
            cur = cur[p]
        else:
            raise ApiError(422, "Invalid", f"jsonpatch: cannot descend into {p!r}")
    return cur


def _add(doc, parts, value):
    if not parts:
        return value
    parent = _walk(doc, parts[:-1])
    last = parts[-1]
    if isinstance(parent, list):
        if last == "-":
            parent.append(value)
        else:
            idx = int(last)
            if idx > len(parent):
                raise ApiError(422, "Invalid", "jsonpatch add: index out of range")
            parent.insert(idx, value)
    elif isinstance(parent, dict):
        parent[last] = value
    else:
        raise ApiError(422, "Invalid", "jsonpatch add: parent is not a container")
    return doc


def _remove(doc, parts):
    parent = _walk(doc, parts[:-1])
    last = parts[-1]
    try:
        if isinstance(parent, list):
            return parent.pop(int(last))
        return parent.pop(last)
    except (KeyError, IndexError, ValueError):
        raise ApiError(422, "Invalid", f"jsonpatch remove: path {'/'.join(parts)!r} does not exist")


def json_patch(doc, ops):
    if not isinstance(ops, list):
        raise bad_request("json patch must be a list of operations")
    doc = clone(doc)
    for op in ops:
        kind, parts = op.get("op"), _pointer(op.get("path", ""))
        if kind == "add":
            doc = _add(doc, parts, clone(op.get("value")))
        elif kind == "remove":
            _remove(doc, parts)
        elif kind == "replace":
            if not parts:
                doc = clone(op.get("value"))
            else:
                _remove(doc, parts)
                doc = _add(doc, parts, clone(op.get("value")))
        elif kind in ("move", "copy"):
            src = _pointer(op.get("from", ""))
            value = clone(_walk(doc, src))
            if kind == "move":
                _remove(doc, src)
            doc = _add(doc, parts, value)
        elif kind == "test":
            if _walk(doc, parts) != op.get("value"):
                raise ApiError(422, "Invalid", f"jsonpatch test operation failed at {op.get('path')!r}")
        else:
            raise bad_request(f"jsonpatch: unknown operation {kind!r}")
    return doc


# -- strategic merge patch ----------------------------------------------------

SET_ORDER = "$setElementOrder/"
DELETE_PRIMITIVE = "$deleteFromPrimitiveList/"


def strategic_merge(schema, node, original, patch):
    """Applies strategic merge patch `patch` to `original` under schema `node`."""
    if not isinstance(patch, dict):
        return clone(patch)
    original = clone(original) if isinstance(original, dict) else {}
    directive = patch.get("$patch")
    if directive == "replace":
        return _clean({k: v for k, v in patch.items() if k != "$patch"})
    if directive == "delete":
        return {}
    retain = patch.get("$retainKeys")
    if isinstance(retain, list):
        for k in list(original):
            if k not in retain:
                del original[k]
    for k, v in patch.items():
        if k.startswith(DELETE_PRIMITIVE):
            field = k[len(DELETE_PRIMITIVE):]
            if isinstance(original.get(field), list):
                original[field] = [x for x in original[field] if x not in (v or [])]
    for k, v in patch.items():
        if k.startswith("$"):
            continue
        if v is None:
            original.pop(k, None)
            continue
        child = schema.child(node, k) if node is not None else None
        cur = original.get(k)
        if isinstance(v, dict):
            if v.get("$patch") == "delete":
                original.pop(k, None)
            else:
                original[k] = strategic_merge(schema, child, cur if isinstance(cur, dict) else {}, v)
        elif isinstance(v, list):
            original[k] = _merge_list(schema, child, cur if isinstance(cur, list) else [], v)
        else:
            original[k] = clone(v)
    for k, order in patch.items():
        if k.startswith(SET_ORDER) and isinstance(original.get(k[len(SET_ORDER):]), list):
            field = k[len(SET_ORDER):]
            _, key = schema.patch_strategy(schema.child(node, field)) if node is not None else (set(), None)
            original[field] = _reorder(original[field], order, key)
    return original


def _merge_list(schema, node, original, patch):
    strategies, key = schema.patch_strategy(node) if node is not None else (set(), None)
    if any(isinstance(x, dict) and x.get("$patch") == "replace" for x in patch):
        return _clean([x for x in patch if not (isinstance(x, dict) and x.get("$patch") == "replace")])
    if "merge" not in strategies:
        return _clean(patch)
    if not key:  # a list of primitives merged as a set (finalizers)
        out = list(original)
        for x in patch:
            if x not in out:
                out.append(clone(x))
        return out
    item = schema.item(node)
    out = clone(original)
    for x in patch:
        if not isinstance(x, dict):
            continue
        idx = next((i for i, o in enumerate(out) if isinstance(o, dict) and o.get(key) == x.get(key)), None)
        if x.get("$patch") == "delete":
            out = [o for o in out if not (isinstance(o, dict) and o.get(key) == x.get(key))]
        elif idx is None:
            out.append(strategic_merge(schema, item, {}, x))
        else:
            out[idx] = strategic_merge(schema, item, out[idx], x)
    return out


def _reorder(items, order, key):
    def ident(x):
        return x.get(key) if key and isinstance(x, dict) else x

    wanted = [o.get(key) if key and isinstance(o, dict) else o for o in order or []]
    listed = sorted((x for x in items if ident(x) in wanted), key=lambda x: wanted.index(ident(x)))
    return listed + [x for x in items if ident(x) not in wanted]


def _clean(value):
    """Drops patch directives from values copied verbatim."""
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if not k.startswith("$") and v is not None}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
