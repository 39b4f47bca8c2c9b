"""Server-side apply and metadata.managedFields.

Field ownership is kept as sets of paths in fieldsV1 notation (`f:spec`, `k:{"name":"app"}`,
`v:"x"`). An apply makes the applier own exactly the fields of its applied configuration:
fields it owned before and no longer applies are removed (unless another manager owns them),
values owned by another manager are conflicts unless `force=true`. Create, update and
non-apply patches give the writing manager the fields whose values they changed.

Approximations: ownership of the status subresource is not recorded; a list item's identity
uses the schema's list-map keys, with `protocol` defaulting to TCP as the real server does.
"""

import json

from .errors import ApiError
from .store import clone, now

IGNORED_TOP = {"apiVersion", "kind", "status"}
IGNORED_META = {"name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
                "managedFields", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds"}
KEY_DEFAULTS = {"protocol": "TCP"}
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"


def _item_key(item, keys):
    return {k: item.get(k, KEY_DEFAULTS.get(k)) for k in keys}


def _k(item, keys):
    return "k:" + json.dumps(_item_key(item, keys), sort_keys=True, separators=(",", ":"))


def _granular(schema, node, value):
    """Whether a dict value is tracked field by field (structs and granular maps)."""
    if node is None:
        return isinstance(value, dict)
    return not schema.is_atomic_map(node)


def field_set(schema, root, obj):
    """All paths an object sets, as a set of tuples."""
    out = set()

    def walk(node, value, path):
        for k, v in value.items():
            if v is None:
                continue
            if not path and k in IGNORED_TOP:
                continue
            if path == ("f:metadata",) and k in IGNORED_META:
                continue
            p = path + ("f:" + k,)
            child = schema.child(node, k) if node is not None else None
            if isinstance(v, dict) and v and _granular(schema, child, v):
                walk(child, v, p)
            elif isinstance(v, list) and v:
                kind, keys = schema.list_semantics(child) if child is not None else ("atomic", None)
                if kind == "map" and all(isinstance(i, dict) for i in v):
                    item_node = schema.item(child)
                    for item in v:
                        ip = p + (_k(item, keys),)
                        out.add(ip)
                        walk(item_node, item, ip)
                elif kind == "set":
                    for item in v:
                        out.add(p + ("v:" + json.dumps(item, sort_keys=True, separators=(",", ":")),))
                else:
                    out.add(p)
            else:
                out.add(p)

    if isinstance(obj, dict):
        walk(root, obj, ())
    return out


def to_fields_v1(paths):
    tree = {}
    for p in sorted(paths):
        node = tree
        for part in p:
            node = node.setdefault(part, {})
    members = set(paths)

    def mark(node, path):
        for key, child in node.items():
            cp = path + (key,)
            if child:
                if cp in members:
                    child["."] = {}
                mark(child, cp)
        return node

    return mark(tree, ())


def from_fields_v1(tree):
    out = set()

    def walk(node, path):
        for key, child in (node or {}).items():
            if key == ".":
                out.add(path)
            elif not child:
                out.add(path + (key,))
            else:
                walk(child, path + (key,))

    walk(tree, ())
    return out


def _get_path(schema, root, obj, path):
    """(found, value) at a fieldsV1 path."""
    cur, node = obj, root
    for part in path:
        kind, _, rest = part.partition(":")
        if kind == "f":
            if not isinstance(cur, dict) or rest not in cur:
                return False, None
            node = schema.child(node, rest) if node is not None else None
            cur = cur[rest]
        elif kind == "k":
            if not isinstance(cur, list):
                return False, None
            want = json.loads(rest)
            match = [i for i in cur if isinstance(i, dict) and _item_key(i, list(want)) == want]
            if not match:
                return False, None
            node = schema.item(node) if node is not None else None
            cur = match[0]
        elif kind == "v":
            want = json.loads(rest)
            return (isinstance(cur, list) and want in cur), want
        else:
            return False, None
    return True, cur


def _remove_path(schema, root, obj, path):
    parent_found, parent = _get_path(schema, root, obj, path[:-1])
    if not parent_found:
        return
    kind, _, rest = path[-1].partition(":")
    if kind == "f" and isinstance(parent, dict):
        parent.pop(rest, None)
    elif kind == "k" and isinstance(parent, list):
        want = json.loads(rest)
        parent[:] = [i for i in parent if not (isinstance(i, dict) and _item_key(i, list(want)) == want)]
    elif kind == "v" and isinstance(parent, list):
        want = json.loads(rest)
        parent[:] = [i for i in parent if i != want]


def _merge(schema, node, cur, applied):
    if isinstance(applied, dict) and isinstance(cur, dict) and _granular(schema, node, applied):
        out = clone(cur)
        for k, v in applied.items():
            if v is None:
                continue
            child = schema.child(node, k) if node is not None else None
            out[k] = _merge(schema, child, cur.get(k), v)
        return out
    if isinstance(applied, list) and isinstance(cur, list) and node is not None:
        kind, keys = schema.list_semantics(node)
        if kind == "map" and all(isinstance(i, dict) for i in applied + cur):
            item_node = schema.item(node)
            out, used = [], set()
            for a in applied:
                idx = next((n for n, c in enumerate(cur) if n not in used and _item_key(c, keys) == _item_key(a, keys)), None)
                if idx is None:
                    out.append(_strip_nulls(a))
                else:
                    used.add(idx)
                    out.append(_merge(schema, item_node, cur[idx], a))
            out.extend(c for n, c in enumerate(cur) if n not in used)
            return out
        if kind == "set":
            return cur + [a for a in applied if a not in cur]
    return _strip_nulls(applied)


def _strip_nulls(value):
    if isinstance(value, dict):
        return {k: _strip_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_strip_nulls(v) for v in value]
    return clone(value)


def _entries(obj):
    return obj.get("metadata", {}).get("managedFields") or []


def _ownership(obj):
    """[(entry, set of paths)] for the main resource."""
    return [(e, from_fields_v1(e.get("fieldsV1") or {})) for e in _entries(obj) if not e.get("subresource")]


def _entry(manager, operation, api_version, paths):
    return {"manager": manager, "operation": operation, "apiVersion": api_version, "time": now(),
            "fieldsType": "FieldsV1", "fieldsV1": to_fields_v1(paths)}


def _set_entries(obj, owned):
    entries = [dict(e, fieldsV1=to_fields_v1(paths)) for e, paths in owned if paths]
    entries += [e for e in _entries(obj) if e.get("subresource")]
    if entries:
        obj.setdefault("metadata", {})["managedFields"] = entries
    else:
        obj.get("metadata", {}).pop("managedFields", None)


def apply(schema, root, current, applied, manager, force, api_version):
    """The object after `manager` applies `applied` onto `current` (None when creating).
    Raises ApiError 409 on conflicts without force."""
    new_paths = field_set(schema, root, applied)
    if current is None:
        obj = _strip_nulls(applied)
        obj.setdefault("metadata", {}).pop("managedFields", None)
        _set_entries(obj, [(_entry(manager, "Apply", api_version, new_paths), new_paths)])
        return obj
    owned = _ownership(current)
    mine = next((paths for e, paths in owned if e["manager"] == manager and e["operation"] == "Apply"), set())
    others = [(e, paths) for e, paths in owned if not (e["manager"] == manager and e["operation"] == "Apply")]
    conflicts = []
    for p in sorted(new_paths):
        found, live = _get_path(schema, root, current, p)
        _, wanted = _get_path(schema, root, applied, p)
        if not found or live == wanted or p[-1].startswith("k:") or p[-1].startswith("v:"):
            continue
        for e, paths in others:
            if p in paths:
                conflicts.append((e, p))
    if conflicts and not force and all(p in _last_applied_fields(schema, root, current) for _, p in conflicts):
        # As the API server's lastAppliedManager does: fields kubectl set by client-side apply
        # (recorded in the last-applied annotation) move to the server-side applier quietly.
        force = True
    if conflicts and not force:
        lines = [f'conflict with "{e["manager"]}"' + (" using " + e["apiVersion"] if e.get("apiVersion") else "")
                 + ": ." + ".".join(x[2:] if x.startswith("f:") else f"[{x[2:]}]" for x in p) for e, p in conflicts]
        msg = f"Apply failed with {len(conflicts)} conflict{'s' if len(conflicts) > 1 else ''}: " + "\n".join(lines)
        raise ApiError(409, "Conflict", msg, {"causes": [{"reason": "FieldManagerConflict", "message": l} for l in lines]})
    if force:
        others = [(e, paths - new_paths) for e, paths in others]
    owned_elsewhere = set().union(*[paths for _, paths in others]) if others else set()
    obj = clone(current)
    # Shallowest paths first: removing a list item removes the fields inside it, and must
    # happen while the item still has the key fields that identify it.
    removed = []
    for p in sorted(mine - new_paths - owned_elsewhere, key=len):
        if any(p[:len(r)] == r for r in removed):
            continue
        _remove_path(schema, root, obj, p)
        removed.append(p)
    obj = _merge(schema, root, obj, applied)
    obj["metadata"]["managedFields"] = current.get("metadata", {}).get("managedFields") or []
    _set_entries(obj, others + [(_entry(manager, "Apply", api_version, new_paths), new_paths)])
    return obj


def _last_applied_fields(schema, root, obj):
    text = ((obj.get("metadata") or {}).get("annotations") or {}).get(LAST_APPLIED)
    try:
        return field_set(schema, root, json.loads(text)) if text else set()
    except ValueError:
        return set()


def record_update(schema, root, old, new, manager, api_version):
    """Gives `manager` the fields that differ between old (None on create) and new."""
    new_paths = field_set(schema, root, new)
    sent = (new.get("metadata") or {}).get("managedFields")
    if old is not None and sent is not None and sent != (old.get("metadata") or {}).get("managedFields"):
        # The client rewrote managedFields (kubectl's and Helm's migration from client-side
        # to server-side apply): its entries replace the stored ones.
        old = clone(old)
        old["metadata"]["managedFields"] = sent
    if old is None:
        changed = new_paths
        owned = []
    else:
        old_paths = field_set(schema, root, old)
        changed = set()
        for p in new_paths:
            if p not in old_paths:
                changed.add(p)
                continue
            _, a = _get_path(schema, root, old, p)
            _, b = _get_path(schema, root, new, p)
            if a != b:
                changed.add(p)
        owned = [(e, (paths - changed) & new_paths) for e, paths in _ownership(old)]
    mine = next((paths for e, paths in owned if e["manager"] == manager and e["operation"] == "Update"), set())
    owned = [(e, p) for e, p in owned if not (e["manager"] == manager and e["operation"] == "Update")]
    if changed or mine:
        owned.append((_entry(manager, "Update", api_version, mine | changed), mine | changed))
    new.setdefault("metadata", {})["managedFields"] = (old or {}).get("metadata", {}).get("managedFields") or []
    _set_entries(new, owned)
    return new
