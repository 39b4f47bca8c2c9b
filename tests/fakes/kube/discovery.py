"""Discovery documents (legacy and aggregated) and the OpenAPI v3 documents built from the
resource table and the compact schema.

The OpenAPI v3 per-group-version documents carry, for every resource, the paths and
operations client-go inspects: PATCH operations tagged with x-kubernetes-group-version-kind,
accepting strategic merge patch, and listing the `fieldValidation` query parameter. kubectl and
Helm then leave validation to the server (see validation.py) instead of validating locally.
"""

import hashlib
import json

from . import crds

AGGREGATED_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"


def _resource_entry(rtype):
    return {"name": rtype.plural, "singularName": rtype.singular, "namespaced": rtype.namespaced,
            "kind": rtype.kind, "verbs": rtype.verbs, **({"shortNames": rtype.short_names} if rtype.short_names else {}),
            **({"categories": rtype.categories} if rtype.categories else {}),
            "storageVersionHash": hashlib.sha256(f"{rtype.group}/{rtype.version}/{rtype.kind}".encode()).hexdigest()[:11]}


SUBRESOURCE_KINDS = {"scale": ("autoscaling", "v1", "Scale"), "eviction": ("policy", "v1", "Eviction"),
                     "binding": ("", "v1", "Binding"), "token": ("authentication.k8s.io", "v1", "TokenRequest")}
SUBRESOURCE_VERBS = {"status": ["get", "patch", "update"], "scale": ["get", "patch", "update"], "log": ["get"],
                     "eviction": ["create"], "binding": ["create"], "token": ["create"], "finalize": ["update"],
                     "ephemeralcontainers": ["get", "patch", "update"]}


def _sub_entry(rtype, sub):
    group, version, kind = SUBRESOURCE_KINDS.get(sub, (rtype.group, rtype.version, rtype.kind))
    if sub == "log":
        kind = "Pod"
    return {"name": f"{rtype.plural}/{sub}", "singularName": "", "namespaced": rtype.namespaced,
            **({"group": group, "version": version} if (group, version) != (rtype.group, rtype.version) else {}),
            "kind": kind, "verbs": SUBRESOURCE_VERBS.get(sub, ["get"])}


def api_versions(server_address):
    return {"kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0", "serverAddress": server_address}]}


def api_group_list(registry):
    groups = []
    for group, versions in registry.group_versions().items():
        if not group:
            continue
        gvs = [{"groupVersion": f"{group}/{v}", "version": v} for v in versions]
        groups.append({"name": group, "versions": gvs, "preferredVersion": gvs[0]})
    return {"kind": "APIGroupList", "apiVersion": "v1", "groups": groups}


def api_group(registry, group):
    versions = registry.group_versions().get(group)
    if not versions:
        return None
    gvs = [{"groupVersion": f"{group}/{v}", "version": v} for v in versions]
    return {"kind": "APIGroup", "apiVersion": "v1", "name": group, "versions": gvs, "preferredVersion": gvs[0]}


def api_resource_list(registry, group, version):
    types = registry.in_group_version(group, version)
    if not types:
        return None
    resources = []
    for t in types:
        resources.append(_resource_entry(t))
        resources.extend(_sub_entry(t, s) for s in t.subresources)
    gv = f"{group}/{version}" if group else version
    return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv, "resources": resources}


def _aggregated_resource(rtype):
    entry = {"resource": rtype.plural, "responseKind": {"group": "", "version": "", "kind": rtype.kind},
             "scope": "Namespaced" if rtype.namespaced else "Cluster", "singularResource": rtype.singular,
             "verbs": rtype.verbs}
    if rtype.short_names:
        entry["shortNames"] = rtype.short_names
    if rtype.categories:
        entry["categories"] = rtype.categories
    subs = []
    for s in rtype.subresources:
        group, version, kind = SUBRESOURCE_KINDS.get(s, ("", "", "Pod" if s == "log" else rtype.kind))
        subs.append({"subresource": s, "responseKind": {"group": group, "version": version, "kind": kind},
                     "verbs": SUBRESOURCE_VERBS.get(s, ["get"])})
    if subs:
        entry["subresources"] = subs
    return entry


def aggregated(registry, core):
    """APIGroupDiscoveryList for /api (core=True) or /apis."""
    items = []
    for group, versions in registry.group_versions().items():
        if bool(group) == core:
            continue
        vs = [{"version": v, "resources": [_aggregated_resource(t) for t in registry.in_group_version(group, v)],
               "freshness": "Current"} for v in versions]
        items.append({"metadata": {"name": group, "creationTimestamp": None}, "versions": vs})
    return {"kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "metadata": {}, "items": items}


def wants_aggregated(accept):
    """True when the Accept header asks for the v2 aggregated discovery document."""
    for part in (accept or "").split(","):
        params = dict(p.strip().split("=", 1) for p in part.split(";")[1:] if "=" in p)
        if params.get("g") == "apidiscovery.k8s.io" and params.get("v") == "v2" and params.get("as") == "APIGroupDiscoveryList":
            return True
    return False


# -- OpenAPI v3 -----------------------------------------------------------------

STRATEGIC = "application/strategic-merge-patch+json"
PATCH_TYPES = ["application/json-patch+json", "application/merge-patch+json", STRATEGIC, "application/apply-patch+yaml"]


def _query_params(names):
    return [{"name": n, "in": "query", "schema": {"type": "string", "uniqueItems": True}} for n in names]


def _refs(node, out):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            out.add(ref)
        for k, v in node.items():
            if k != "$ref" or not isinstance(v, str):
                _refs(v, out)
    elif isinstance(node, list):
        for v in node:
            _refs(v, out)


def _schema_with_refs(node, prefix):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                out[k] = prefix + v
            elif k == "properties":
                out[k] = {name: _schema_with_refs(p, prefix) for name, p in v.items()}
            else:
                out[k] = _schema_with_refs(v, prefix)
        return out
    if isinstance(node, list):
        return [_schema_with_refs(v, prefix) for v in node]
    return node


def openapi_v3_doc(registry, schema, group, version):
    types = registry.in_group_version(group, version)
    if not types:
        return None
    prefix = f"/apis/{group}/{version}" if group else "/api/v1"
    paths, roots = {}, set()
    custom = {}
    for t in types:
        if t.crd_schema is not None:
            def_name = crds.definition_name(t)
            custom[def_name] = t.crd_schema
        else:
            def_name = schema.definition_name(t.group, t.version, t.kind)
        if not def_name:
            continue
        roots.add(def_name)
        gvk = {"group": t.group, "version": t.version, "kind": t.kind}
        ref = {"$ref": "#/components/schemas/" + def_name}
        body = {"content": {"*/*": {"schema": ref}}, "required": True}
        ok = {"200": {"description": "OK", "content": {"application/json": {"schema": ref}}}}
        base = f"{prefix}/namespaces/{{namespace}}/{t.plural}" if t.namespaced else f"{prefix}/{t.plural}"
        common = {"x-kubernetes-group-version-kind": gvk}
        write_params = _query_params(["dryRun", "fieldManager", "fieldValidation"])
        collection = {"get": {**common, "x-kubernetes-action": "list", "parameters": _query_params(
            ["labelSelector", "fieldSelector", "limit", "continue", "resourceVersion", "watch"]), "responses": ok}}
        if "create" in t.verbs:
            collection["post"] = {**common, "x-kubernetes-action": "post", "requestBody": body,
                                  "parameters": write_params, "responses": ok}
        paths[base] = collection
        if t.verbs == ["create"]:
            continue
        item = {"get": {**common, "x-kubernetes-action": "get", "responses": ok},
                "put": {**common, "x-kubernetes-action": "put", "requestBody": body, "parameters": write_params,
                        "responses": ok},
                "patch": {**common, "x-kubernetes-action": "patch",
                          "requestBody": {"content": {m: {"schema": {"type": "object"}} for m in PATCH_TYPES
                                                      if t.crd_schema is None or m != STRATEGIC},
                                          "required": True},
                          "parameters": write_params + _query_params(["force"]), "responses": ok},
                "delete": {**common, "x-kubernetes-action": "delete", "responses": ok},
                "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}]}
        paths[base + "/{name}"] = item
    definitions = dict(schema.definitions, **custom)
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen or name not in definitions:
            continue
        seen.add(name)
        refs = set()
        _refs(definitions[name], refs)
        todo.extend(refs)
    components = {name: _schema_with_refs(definitions[name], "#/components/schemas/") for name in sorted(seen)}
    return {"openapi": "3.0.0", "info": {"title": "Kubernetes", "version": "unversioned"},
            "paths": paths, "components": {"schemas": components}}


def openapi_v2_doc(schema):
    """The definitions as a swagger 2.0 document, for clients that ask for JSON."""
    defs = {name: _schema_with_refs(d, "#/definitions/") for name, d in schema.definitions.items()}
    return {"swagger": "2.0", "info": {"title": "Kubernetes", "version": "unversioned"}, "paths": {},
            "definitions": defs}


def openapi_v3_index(registry, schema_source):
    paths = {}
    for group, versions in registry.group_versions().items():
        for v in versions:
            key = f"apis/{group}/{v}" if group else "api/v1"
            digest = hashlib.sha512(f"{schema_source}|{key}|{registry.generation}".encode())
            paths[key] = {"serverRelativeURL": f"/openapi/v3/{key}?hash={digest.hexdigest()[:32].upper()}"}
    return {"paths": paths}


def dumps(doc):
    return json.dumps(doc, separators=(",", ":")).encode()
