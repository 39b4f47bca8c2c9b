"""CustomResourceDefinitions: serving their resources, their schema, defaults and status.

A CRD is Established at once. Each served version becomes a resource type whose
`crd_schema` is the version's openAPIV3Schema with apiVersion, kind and metadata added, as
the API server publishes it; validation, server-side apply, defaults and /openapi/v3 use it.
All versions share one storage and are served without conversion (strategy None: only
apiVersion changes).
"""

from .resources import ResourceType
from .store import clone, now

OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"


def register(registry, crd):
    """Makes the CRD's served versions resource types, replacing earlier ones."""
    spec = crd.get("spec") or {}
    names = spec.get("names") or {}
    group = spec.get("group")
    if not group or not names.get("plural") or not names.get("kind"):
        return
    registry.remove_group_resource(group, names["plural"])
    for v in spec.get("versions") or []:
        if not v.get("served", True) or not v.get("name"):
            continue
        subs = [s for s in ("status", "scale") if s in (v.get("subresources") or {})]
        rtype = ResourceType(group, v["name"], names["kind"], names["plural"], spec.get("scope") == "Namespaced",
                             list(names.get("shortNames") or []), list(names.get("categories") or []), subs,
                             storage=f"{group}/{names['plural']}")
        rtype.crd_schema = _root_schema((v.get("schema") or {}).get("openAPIV3Schema") or {}, group, v["name"],
                                        names["kind"])
        registry.add(rtype)


def unregister(registry, store, crd):
    """Removes the CRD's resource types and every object of them."""
    spec = crd.get("spec") or {}
    names = spec.get("names") or {}
    key = f"{spec.get('group')}/{names.get('plural')}"
    with store.lock:
        for (ns, name) in list(store.objects.get(key, {})):
            store.remove(key, ns, name)
    registry.remove_group_resource(spec.get("group"), names.get("plural"))


def status(crd):
    names = (crd.get("spec") or {}).get("names") or {}
    return {"acceptedNames": clone(names),
            "storedVersions": [v["name"] for v in (crd.get("spec") or {}).get("versions") or [] if v.get("storage")],
            "conditions": [{"type": "NamesAccepted", "status": "True", "reason": "NoConflicts",
                            "message": "no conflicts found", "lastTransitionTime": now()},
                           {"type": "Established", "status": "True", "reason": "InitialNamesAccepted",
                            "message": "the initial names have been accepted", "lastTransitionTime": now()}]}


def _root_schema(schema, group, version, kind):
    root = clone(schema) if isinstance(schema, dict) else {}
    root.setdefault("type", "object")
    props = root.setdefault("properties", {})
    props.setdefault("apiVersion", {"type": "string"})
    props.setdefault("kind", {"type": "string"})
    props["metadata"] = {"$ref": OBJECT_META}
    root["x-kubernetes-group-version-kind"] = [{"group": group, "version": version, "kind": kind}]
    return root


def apply_defaults(node, value):
    """Fills `default` values of a structural schema into value, in place."""
    if not isinstance(node, dict) or not isinstance(value, dict):
        return
    for name, prop in (node.get("properties") or {}).items():
        if not isinstance(prop, dict):
            continue
        if name not in value and "default" in prop:
            value[name] = clone(prop["default"])
        if isinstance(value.get(name), dict):
            apply_defaults(prop, value[name])
        elif isinstance(value.get(name), list) and isinstance(prop.get("items"), dict):
            for item in value[name]:
                apply_defaults(prop["items"], item)


def definition_name(rtype):
    """The name /openapi/v3 gives a custom resource's schema (reversed group, as upstream)."""
    reversed_group = ".".join(reversed(rtype.group.split(".")))
    return f"{reversed_group}.{rtype.version}.{rtype.kind}"
