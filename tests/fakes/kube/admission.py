"""What the API server does to an object before storing it, beyond the schema: identity
and namespace from the request, generateName, defaults (built-in and CRD schema defaults),
admission plugins (NamespaceLifecycle, ServiceAccount, DefaultStorageClass, Service IP and
NodePort allocation, Secret stringData), validation rules, generation, and on update what a
client may not change (uid, timestamps, status through the main resource, allocations).
"""

import base64

from . import crds, defaults, podutil, rules, validation
from .cluster import GENERATION_KINDS, random_suffix, spec_of
from .errors import bad_request, forbidden, invalid, namespace_not_found
from .store import clone, new_uid

# Kinds whose status a create keeps (nodes register with status; the rest start empty).
KEEP_STATUS_ON_CREATE = {"Node", "APIService", "PersistentVolume"}
# Groups whose objects rules.py checks.
RULE_GROUPS = {"", "apps", "batch", "networking.k8s.io", "policy", "storage.k8s.io", "autoscaling",
               "rbac.authorization.k8s.io"}


def require_namespace(api, rtype, ns, name):
    """NamespaceLifecycle: objects are created only in namespaces that exist and stay."""
    if not rtype.namespaced:
        return
    nsobj = api.store.get("/namespaces", None, ns)
    if nsobj is None:
        raise namespace_not_found(ns)
    if nsobj["metadata"].get("deletionTimestamp"):
        raise forbidden(rtype, name, f"unable to create new content in namespace {ns} because it is being terminated")


def admit(api, req, obj, old, warnings, duplicates=()):
    """Validates and completes obj for storage; raises ApiError."""
    rtype = req.rtype
    if not isinstance(obj, dict):
        raise bad_request("the object must be a JSON object")
    body_kind, body_version = obj.get("kind"), obj.get("apiVersion")
    if body_version and body_version != rtype.api_version:
        raise bad_request(f"the API version in the data ({body_version}) does not match the expected API version "
                          f"({rtype.api_version})")
    if body_kind and body_kind != rtype.kind:
        raise bad_request(f"the kind in the data ({body_kind}) does not match the expected kind ({rtype.kind})")
    obj["apiVersion"], obj["kind"] = rtype.api_version, rtype.kind
    md = obj.setdefault("metadata", {})
    if not isinstance(md, dict):
        raise bad_request("metadata must be an object")
    if rtype.namespaced:
        if md.get("namespace") and md["namespace"] != req.namespace:
            raise bad_request("the namespace of the provided object does not match the namespace sent on the request")
        md["namespace"] = req.namespace
    else:
        md.pop("namespace", None)
    if req.name and md.get("name") and md["name"] != req.name:
        raise bad_request("the name of the object (%s) does not match the name on the URL (%s)" % (md["name"], req.name))
    if not md.get("name") and req.name:
        md["name"] = req.name
    if not md.get("name") and md.get("generateName"):
        md["name"] = md["generateName"] + random_suffix()
    if old is None:
        # Identity is the server's: a uid sent by the client (an exported object) is replaced.
        for k in ("resourceVersion", "creationTimestamp", "deletionTimestamp", "selfLink"):
            md.pop(k, None)
        md["uid"] = new_uid()
    root = api.root(rtype)
    if root is not None:
        warnings.extend(validation.validate(api.schema, root, obj, rtype.kind, rtype.version,
                                            req.q("fieldValidation"), duplicates,
                                            rtype if rtype.crd_schema is not None else None))
    if rtype.kind == "Secret":
        _secret_string_data(obj)
    defaults.apply_defaults(rtype.kind, obj)
    if rtype.crd_schema is not None:
        crds.apply_defaults(rtype.crd_schema, obj)
    if old is None:
        _admit_create(api, rtype, obj)
    else:
        _carry_over(api, rtype, old, obj)
    if rtype.group in RULE_GROUPS:
        rules.validate(rtype, obj)
    if old is not None:
        rules.validate_update(rtype, old, obj)
    if rtype.kind in GENERATION_KINDS:
        if old is None:
            md["generation"] = 1
        else:
            gen = old["metadata"].get("generation", 1)
            md["generation"] = gen + 1 if spec_of(old) != spec_of(obj) else gen
    return obj


def _secret_string_data(obj):
    string_data = obj.pop("stringData", None)
    if string_data:
        data = obj.setdefault("data", {}) or {}
        for k, v in string_data.items():
            data[k] = base64.b64encode(str(v).encode()).decode()
        obj["data"] = data


def _admit_create(api, rtype, obj):
    md = obj["metadata"]
    if rtype.has_status and rtype.kind not in KEEP_STATUS_ON_CREATE:
        obj.pop("status", None)
    kind = rtype.kind
    if kind == "Service":
        _allocate_service(api, rtype, obj, None)
    elif kind == "PersistentVolumeClaim":
        if obj["spec"].get("storageClassName") is None:
            default = next((sc for sc in api.store.list("storage.k8s.io/storageclasses")[0]
                            if (sc["metadata"].get("annotations") or {}).get("storageclass.kubernetes.io/is-default-class") == "true"), None)
            if default:
                obj["spec"]["storageClassName"] = default["metadata"]["name"]
        obj["status"] = {"phase": "Pending"}
    elif kind == "Pod":
        sa = obj["spec"].get("serviceAccountName") or "default"
        if api.store.get("/serviceaccounts", md["namespace"], sa) is None:
            raise forbidden(rtype, md["name"], f'error looking up service account {md["namespace"]}/{sa}: '
                                               f'serviceaccount "{sa}" not found')
        obj["status"] = {"phase": "Pending", "qosClass": podutil.qos(obj["spec"])}
    elif kind == "Namespace":
        obj["status"] = {"phase": "Active"}
    elif kind == "CustomResourceDefinition":
        obj["status"] = crds.status(obj)


def _carry_over(api, rtype, old, obj):
    """Keeps what a client may not change on update: identity, timestamps, allocations."""
    md, omd = obj["metadata"], old["metadata"]
    for k in ("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds"):
        if k in omd:
            md[k] = omd[k]
        else:
            md.pop(k, None)
    if rtype.has_status:
        if "status" in old:
            obj["status"] = clone(old["status"])
        else:
            obj.pop("status", None)
    if rtype.kind == "Service":
        _allocate_service(api, rtype, obj, old)
    if rtype.kind == "Pod":
        for k in ("nodeName",):
            if old["spec"].get(k) and not obj["spec"].get(k):
                obj["spec"][k] = old["spec"][k]
    if rtype.kind == "CustomResourceDefinition":
        obj["status"] = crds.status(obj)


def _allocate_service(api, rtype, obj, old):
    spec = obj["spec"]
    ospec = (old or {}).get("spec") or {}
    stype = spec.get("type", "ClusterIP")
    if stype not in ("NodePort", "LoadBalancer"):
        # dropTypeDependentFields: what only NodePort and LoadBalancer Services may carry goes
        # when the type changes, as the API server does.
        for field in ("externalTrafficPolicy", "allocateLoadBalancerNodePorts", "healthCheckNodePort",
                      "loadBalancerClass"):
            spec.pop(field, None)
    if stype == "ExternalName":
        spec.pop("clusterIP", None)
        return
    if not spec.get("clusterIP"):
        spec["clusterIP"] = ospec.get("clusterIP") or api.cluster.next_cluster_ip()
    spec["clusterIPs"] = [spec["clusterIP"]]
    me = (obj["metadata"].get("namespace"), obj["metadata"].get("name"))
    used = {p.get("nodePort") for s in api.store.list("/services")[0]
            if (s["metadata"].get("namespace"), s["metadata"]["name"]) != me for p in s["spec"].get("ports") or []}
    old_ports = {(p.get("port"), p.get("protocol", "TCP")): p.get("nodePort") for p in ospec.get("ports") or []}
    causes = []
    for i, p in enumerate(spec.get("ports") or []):
        if stype not in ("NodePort", "LoadBalancer"):
            p.pop("nodePort", None)
        elif not p.get("nodePort"):
            p["nodePort"] = old_ports.get((p.get("port"), p.get("protocol", "TCP"))) or api.cluster.next_node_port(used)
        elif not 30000 <= p["nodePort"] <= 32767:
            causes.append((f"spec.ports[{i}].nodePort", f"Invalid value: {p['nodePort']}: provided port is not in the "
                                                        "valid range. The range of valid ports is 30000-32767"))
        elif p["nodePort"] in used:
            causes.append((f"spec.ports[{i}].nodePort", f"Invalid value: {p['nodePort']}: provided port is already "
                                                        "allocated"))
        used.add(p.get("nodePort"))
    if causes:
        raise invalid(rtype, obj["metadata"].get("name", ""), causes)
