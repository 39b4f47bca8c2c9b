"""REST semantics over the store: create, get, list, update, patch (four kinds), delete, and
the subresources (status, scale, log, eviction), as the real API server applies them.

Every write goes through `_admit`: kind and namespace from the URL, generateName, defaults,
admission (ClusterIP and NodePort allocation, default StorageClass, Secret stringData,
ServiceAccount existence for Pods), schema and semantic validation, generation and
managedFields. Status subresource rules: writes to the main resource keep the stored status,
writes to /status change only the status.
"""

import base64
import json

import yaml

from . import apply as ssa
from . import crds, defaults, protobuf, rules, validation
from .cluster import GENERATION_KINDS, random_suffix, spec_of
from .errors import (ApiError, already_exists, bad_request, conflict, forbidden, invalid, method_not_allowed,
                     namespace_not_found, not_found, unsupported_media_type)
from .resources import REVIEW_KINDS
from .selectors import (fields_match, labels_match, parse_field_selector, parse_label_selector, selector_string)
from .store import clone, new_uid, now

JSON_PATCH = "application/json-patch+json"
MERGE_PATCH = "application/merge-patch+json"
STRATEGIC_PATCH = "application/strategic-merge-patch+json"
APPLY_PATCH = "application/apply-patch+yaml"
# Kinds whose status a create keeps (nodes register with status; the rest start empty).
KEEP_STATUS_ON_CREATE = {"Node", "APIService", "PersistentVolume"}


class Request:
    """What a handler needs from the HTTP request."""

    def __init__(self, rtype, namespace, name, subresource, query, body, content_type, user_agent):
        self.rtype = rtype
        self.namespace = namespace
        self.name = name
        self.subresource = subresource
        self.query = query
        self.body = body
        self.content_type = (content_type or "").split(";")[0].strip()
        self.user_agent = user_agent or ""

    def q(self, key, default=None):
        return self.query.get(key, default)

    @property
    def dry_run(self):
        return self.q("dryRun") == "All"

    @property
    def manager(self):
        m = self.q("fieldManager")
        if m:
            return m
        return self.user_agent.split("/", 1)[0] or "unknown"


def parse_body(req):
    """(object, duplicate keys) from a JSON or YAML body."""
    if not req.body:
        raise bad_request("the request body is empty")
    if req.content_type == protobuf.PROTOBUF:
        return protobuf.decode(req.body), []
    text = req.body.decode("utf-8", errors="replace")
    try:
        return validation.load_json(text)
    except ValueError:
        pass
    if req.content_type in (APPLY_PATCH, "application/yaml"):
        try:
            return yaml.safe_load(text), []
        except yaml.YAMLError as e:
            raise bad_request(f"error decoding YAML: {e}")
    raise bad_request("couldn't get version/kind; json parse error: invalid character in request body")


class Api:
    def __init__(self, cluster, schema):
        self.cluster = cluster
        self.store = cluster.store
        self.registry = cluster.registry
        self.schema = schema

    # -- helpers ---------------------------------------------------------------
    def _root(self, rtype):
        if rtype.crd_schema is not None:
            return rtype.crd_schema
        return self.schema.root(rtype.group, rtype.version, rtype.kind)

    def _require_namespace(self, rtype, ns, creating):
        if not rtype.namespaced:
            return
        nsobj = self.store.get("/namespaces", None, ns)
        if nsobj is None:
            raise namespace_not_found(ns)
        if creating and nsobj["metadata"].get("deletionTimestamp"):
            raise forbidden(rtype, "", f"unable to create new content in namespace {ns} because it is being terminated")

    def _existing(self, req):
        obj = self.store.get(req.rtype.key, req.namespace, req.name)
        if obj is None:
            raise not_found(req.rtype, req.name)
        return self._view(req.rtype, obj)

    def _view(self, rtype, obj):
        """The stored object as rtype presents it (events.k8s.io/v1 Events differ from core)."""
        if rtype.group == "events.k8s.io" and obj.get("apiVersion") == "v1":
            return core_to_events_v1(obj)
        if rtype.crd_schema is not None and obj.get("apiVersion") != rtype.api_version:
            return dict(obj, apiVersion=rtype.api_version)
        return obj

    def _to_storage(self, rtype, obj):
        if rtype.group == "events.k8s.io":
            return events_v1_to_core(obj)
        return obj

    def _admit(self, req, obj, old, warnings, duplicates=()):
        """Validates and completes obj for storage; raises ApiError."""
        rtype = req.rtype
        if not isinstance(obj, dict):
            raise bad_request("the object must be a JSON object")
        body_kind, body_version = obj.get("kind"), obj.get("apiVersion")
        if body_kind and body_kind != rtype.kind:
            raise bad_request(f'the API version in the data ({body_version}) does not match the expected API version '
                              f"({rtype.api_version})" if body_version != rtype.api_version else
                              f"kind {body_kind} does not match the expected kind {rtype.kind}")
        if body_version and body_version != rtype.api_version:
            raise bad_request(f"the API version in the data ({body_version}) does not match the expected API version "
                              f"({rtype.api_version})")
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
        root = self._root(rtype)
        if root is not None:
            warnings.extend(validation.validate(self.schema, root, obj, rtype.kind, rtype.version,
                                                req.q("fieldValidation"), duplicates,
                                                rtype if rtype.crd_schema is not None else None))
        if rtype.kind == "Secret":
            self._secret_string_data(obj)
        defaults.apply_defaults(rtype.kind, obj)
        if rtype.crd_schema is not None:
            crds.apply_defaults(rtype.crd_schema, obj)
        if old is None:
            self._admit_create(rtype, obj)
        else:
            self._carry_over(rtype, old, obj)
        if rtype.group in ("", "apps", "batch", "networking.k8s.io", "policy", "storage.k8s.io", "autoscaling",
                           "rbac.authorization.k8s.io"):
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

    def _secret_string_data(self, obj):
        string_data = obj.pop("stringData", None)
        if string_data:
            data = obj.setdefault("data", {}) or {}
            for k, v in string_data.items():
                data[k] = base64.b64encode(str(v).encode()).decode()
            obj["data"] = data

    def _admit_create(self, rtype, obj):
        md = obj["metadata"]
        if rtype.has_status and rtype.kind not in KEEP_STATUS_ON_CREATE:
            obj.pop("status", None)
        kind = rtype.kind
        if kind == "Service":
            self._allocate_service(obj, None)
        elif kind == "PersistentVolumeClaim":
            if obj["spec"].get("storageClassName") is None:
                default = next((sc for sc in self.store.list("storage.k8s.io/storageclasses")[0]
                                if (sc["metadata"].get("annotations") or {}).get("storageclass.kubernetes.io/is-default-class") == "true"), None)
                if default:
                    obj["spec"]["storageClassName"] = default["metadata"]["name"]
            obj["status"] = {"phase": "Pending"}
        elif kind == "Pod":
            sa = obj["spec"].get("serviceAccountName") or "default"
            if self.store.get("/serviceaccounts", md["namespace"], sa) is None:
                raise forbidden(rtype, md["name"], f'error looking up service account {md["namespace"]}/{sa}: '
                                                   f'serviceaccount "{sa}" not found')
            obj["status"] = {"phase": "Pending", "qosClass": "BestEffort"}
        elif kind == "Namespace":
            obj["status"] = {"phase": "Active"}
        elif kind == "CustomResourceDefinition":
            obj["status"] = crds.status(obj)

    def _carry_over(self, rtype, old, obj):
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
            self._allocate_service(obj, old)
        if rtype.kind == "Pod":
            for k in ("nodeName",):
                if old["spec"].get(k) and not obj["spec"].get(k):
                    obj["spec"][k] = old["spec"][k]
        if rtype.kind == "CustomResourceDefinition":
            obj["status"] = crds.status(obj)

    def _allocate_service(self, obj, old):
        spec = obj["spec"]
        ospec = (old or {}).get("spec") or {}
        stype = spec.get("type", "ClusterIP")
        if stype == "ExternalName":
            spec.pop("clusterIP", None)
            return
        if not spec.get("clusterIP"):
            spec["clusterIP"] = ospec.get("clusterIP") or self.cluster.next_cluster_ip()
        spec["clusterIPs"] = [spec["clusterIP"]]
        used = {p.get("nodePort") for s in self.store.list("/services")[0] for p in s["spec"].get("ports") or []}
        old_ports = {(p.get("port"), p.get("protocol", "TCP")): p.get("nodePort") for p in ospec.get("ports") or []}
        for p in spec.get("ports") or []:
            if stype in ("NodePort", "LoadBalancer"):
                if not p.get("nodePort"):
                    p["nodePort"] = old_ports.get((p.get("port"), p.get("protocol", "TCP"))) or self.cluster.next_node_port(used)
                    used.add(p["nodePort"])
            else:
                p.pop("nodePort", None)

    def _commit_create(self, req, obj):
        if req.dry_run:
            obj["metadata"].setdefault("creationTimestamp", now())
            return obj
        stored = self.store.create(req.rtype.key, self._to_storage(req.rtype, obj))
        if stored is None:
            raise already_exists(req.rtype, obj["metadata"]["name"])
        self._after_write(req.rtype, stored)
        return self._view(req.rtype, stored)

    def _commit_update(self, req, obj):
        if req.dry_run:
            return obj
        stored = self.store.update(req.rtype.key, self._to_storage(req.rtype, obj))
        if stored is None:
            raise not_found(req.rtype, obj["metadata"]["name"])
        self._after_write(req.rtype, stored)
        return self._view(req.rtype, stored)

    def _after_write(self, rtype, stored):
        if rtype.kind == "CustomResourceDefinition":
            crds.register(self.registry, stored)

    # -- reads -------------------------------------------------------------------
    def get(self, req):
        return self._existing(req)

    def list(self, req):
        """(items, resourceVersion, continue token, remaining count)."""
        rtype = req.rtype
        label_preds = parse_label_selector(req.q("labelSelector"))
        field_preds = parse_field_selector(req.q("fieldSelector"))

        def accept(obj):
            view = self._view(rtype, obj)
            return labels_match(label_preds, view.get("metadata", {}).get("labels")) and fields_match(field_preds, view)

        items, rv = self.store.list(rtype.key, req.namespace, accept)
        items = [self._view(rtype, o) for o in items]
        start = 0
        token = req.q("continue")
        if token:
            try:
                state = json.loads(base64.b64decode(token))
                rv = state["rv"]
                start = next((i for i, o in enumerate(items) if _sort_key(o) > tuple(state["after"])), len(items))
            except (ValueError, KeyError, TypeError):
                raise bad_request("continue key is not valid")
        items = items[start:]
        limit = int(req.q("limit") or 0)
        cont, remaining = "", None
        if limit and len(items) > limit:
            remaining = len(items) - limit
            items = items[:limit]
            cont = base64.b64encode(json.dumps({"rv": rv, "after": list(_sort_key(items[-1]))}).encode()).decode()
        return items, rv, cont, remaining

    # -- writes ------------------------------------------------------------------
    def create(self, req):
        rtype = req.rtype
        if rtype.kind in REVIEW_KINDS:
            return self.review(req)
        if req.subresource:
            return self.create_subresource(req)
        obj, duplicates = parse_body(req)
        self._require_namespace(rtype, req.namespace, True)
        warnings = []
        obj = self._admit(req, obj, None, warnings, duplicates)
        ssa.record_update(self.schema, self._root(rtype), None, obj, req.manager, rtype.api_version)
        if self.store.get(rtype.key, req.namespace, obj["metadata"]["name"]) is not None:
            raise already_exists(rtype, obj["metadata"]["name"])
        return self._commit_create(req, obj), warnings, 201

    def update(self, req):
        rtype = req.rtype
        if req.subresource == "scale":
            return self.update_scale(req, lambda scale: parse_body(req)[0])
        if req.subresource not in (None, "status", "finalize"):
            raise method_not_allowed()
        body, duplicates = parse_body(req)
        with self.store.lock:
            old = self._existing(req)
            rv = (body.get("metadata") or {}).get("resourceVersion")
            if rv and rv != old["metadata"]["resourceVersion"]:
                raise conflict(rtype, req.name, "the object has been modified; please apply your changes to the latest "
                                                "version and try again")
            warnings = []
            if req.subresource == "status":
                obj = clone(old)
                obj["status"] = clone(body.get("status"))
                obj["metadata"]["managedFields"] = old["metadata"].get("managedFields")
            elif req.subresource == "finalize":
                obj = clone(old)
                obj["spec"]["finalizers"] = (body.get("spec") or {}).get("finalizers") or []
            else:
                obj = self._admit(req, body, old, warnings, duplicates)
                ssa.record_update(self.schema, self._root(rtype), old, obj, req.manager, rtype.api_version)
            return self._commit_update(req, obj), warnings, 200

    def patch(self, req):
        rtype = req.rtype
        if req.subresource == "scale":
            return self.update_scale(req, lambda scale: self._patched(req, scale, None))
        if req.subresource not in (None, "status"):
            raise method_not_allowed()
        with self.store.lock:
            current = self.store.get(rtype.key, req.namespace, req.name)
            current = self._view(rtype, current) if current is not None else None
            if req.content_type == APPLY_PATCH:
                return self._apply(req, current)
            if current is None:
                raise not_found(rtype, req.name)
            patched = self._patched(req, current, self._root(rtype))
            warnings = []
            if req.subresource == "status":
                obj = clone(current)
                obj["status"] = patched.get("status")
            else:
                obj = self._admit(req, patched, current, warnings)
                ssa.record_update(self.schema, self._root(rtype), current, obj, req.manager, rtype.api_version)
            if obj == current:
                return current, warnings, 200
            return self._commit_update(req, obj), warnings, 200

    def _patched(self, req, current, root):
        from . import patch as patches
        try:
            body = json.loads(req.body or b"null")
        except ValueError:
            raise bad_request("error decoding patch: invalid JSON")
        ct = req.content_type
        if ct == JSON_PATCH:
            return patches.json_patch(current, body)
        if ct == MERGE_PATCH:
            return patches.merge_patch(current, body)
        if ct == STRATEGIC_PATCH:
            if (root is None or req.rtype.crd_schema is not None) and req.subresource != "scale":
                raise unsupported_media_type(ct)  # custom resources have no patch merge keys
            return patches.strategic_merge(self.schema, root, current, body)
        raise unsupported_media_type(ct)

    def _apply(self, req, current):
        rtype = req.rtype
        if not req.q("fieldManager"):
            raise invalid(rtype, req.name, [("fieldManager", "Required value: is required for apply requests")])
        applied, duplicates = parse_body(req)
        if not isinstance(applied, dict):
            raise bad_request("the apply configuration must be an object")
        force = req.q("force") in ("true", "1")
        root = self._root(rtype)
        warnings = []
        # Validate the applied configuration as sent, then merge it.
        probe = clone(applied)
        probe.setdefault("metadata", {}).setdefault("name", req.name)
        if rtype.namespaced:
            probe["metadata"].setdefault("namespace", req.namespace)
        if root is not None:
            warnings.extend(validation.validate(self.schema, root, probe, rtype.kind, rtype.version,
                                                req.q("fieldValidation"), duplicates,
                                                rtype if rtype.crd_schema is not None else None))
        applied_md = applied.setdefault("metadata", {})
        applied_md.setdefault("name", req.name)
        if rtype.namespaced:
            if applied_md.get("namespace") and applied_md["namespace"] != req.namespace:
                raise bad_request("the namespace of the provided object does not match the namespace sent on the request")
            applied_md["namespace"] = req.namespace
        if current is None:
            self._require_namespace(rtype, req.namespace, True)
            obj = ssa.apply(self.schema, root, None, applied, req.manager, force, rtype.api_version)
            obj = self._admit(req, obj, None, [], ())
            return self._commit_create(req, obj), warnings, 201
        if req.subresource == "status":
            obj = clone(current)
            obj["status"] = ssa.apply(self.schema, root, current, applied, req.manager, True,
                                      rtype.api_version).get("status")
        else:
            stripped = {k: v for k, v in applied.items() if k != "status"} if rtype.has_status else applied
            obj = ssa.apply(self.schema, root, current, stripped, req.manager, force, rtype.api_version)
            managed = obj["metadata"].get("managedFields")
            obj = self._admit(req, obj, current, [], ())
            obj["metadata"]["managedFields"] = managed
        if obj == current:
            return current, warnings, 200
        return self._commit_update(req, obj), warnings, 200

    def delete(self, req):
        rtype = req.rtype
        opts = {}
        if req.body:
            try:
                opts = parse_body(req)[0] or {}
            except ApiError:
                raise bad_request("invalid DeleteOptions in the request body")
        policy = req.q("propagationPolicy") or opts.get("propagationPolicy")
        if policy is None and opts.get("orphanDependents") is True:
            policy = "Orphan"
        with self.store.lock:
            obj = self._existing(req)
            pre = opts.get("preconditions") or {}
            if pre.get("uid") and pre["uid"] != obj["metadata"]["uid"]:
                raise conflict(rtype, req.name, f"Precondition failed: UID in precondition: {pre['uid']}, UID in object "
                                                f"meta: {obj['metadata']['uid']}")
            if pre.get("resourceVersion") and pre["resourceVersion"] != obj["metadata"]["resourceVersion"]:
                raise conflict(rtype, req.name, "Precondition failed: ResourceVersion in precondition: "
                                                f"{pre['resourceVersion']}, ResourceVersion in object meta: "
                                                f"{obj['metadata']['resourceVersion']}")
            if req.dry_run or (req.q("dryRun") or opts.get("dryRun")):
                return obj, [], 200
            return self._delete_object(rtype, obj, policy), [], 200

    def _delete_object(self, rtype, obj, policy):
        md = obj["metadata"]
        if rtype.kind == "Namespace":
            if md.get("name") in ("default", "kube-system", "kube-public", "kube-node-lease"):
                raise forbidden(rtype, md["name"], "this namespace may not be deleted")
            if not md.get("deletionTimestamp"):
                md["deletionTimestamp"] = now()
                md["deletionGracePeriodSeconds"] = 0
                obj["status"] = {"phase": "Terminating", "conditions": []}
                obj = self.store.update(rtype.key, obj)
            return obj
        if policy == "Orphan":
            self._orphan_dependents(md["uid"])
        elif policy == "Foreground":
            self._delete_dependents(md["uid"])
        if md.get("finalizers"):
            if not md.get("deletionTimestamp"):
                md["deletionTimestamp"] = now()
                md["deletionGracePeriodSeconds"] = 0
                obj = self.store.update(rtype.key, self._to_storage(rtype, obj))
            return self._view(rtype, obj) if obj else _success(rtype, md)
        gone = self.store.remove(rtype.key, md.get("namespace"), md["name"])
        if rtype.kind == "CustomResourceDefinition" and gone:
            crds.unregister(self.registry, self.store, gone)
        if rtype.kind == "Pod" and gone:
            return self._view(rtype, gone)
        return _success(rtype, md)

    def _dependents(self, uid):
        for key in list(self.store.objects):
            for obj in list(self.store.objects[key].values()):
                if any(r.get("uid") == uid for r in obj.get("metadata", {}).get("ownerReferences") or []):
                    yield key, clone(obj)

    def _orphan_dependents(self, uid):
        for key, obj in list(self._dependents(uid)):
            obj["metadata"]["ownerReferences"] = [r for r in obj["metadata"]["ownerReferences"] if r.get("uid") != uid]
            if not obj["metadata"]["ownerReferences"]:
                del obj["metadata"]["ownerReferences"]
            self.store.update(key, obj)

    def _delete_dependents(self, uid):
        for key, obj in list(self._dependents(uid)):
            self._delete_dependents(obj["metadata"]["uid"])
            self.store.remove(key, obj["metadata"].get("namespace"), obj["metadata"]["name"])

    def delete_collection(self, req):
        items, _, _, _ = self.list(req)
        deleted = []
        with self.store.lock:
            for obj in items:
                if req.dry_run:
                    deleted.append(obj)
                    continue
                self._delete_object(req.rtype, obj, req.q("propagationPolicy"))
                deleted.append(obj)
        return deleted

    # -- subresources ----------------------------------------------------------------
    def scale_of(self, req, obj):
        spec, status = obj.get("spec") or {}, obj.get("status") or {}
        return {"kind": "Scale", "apiVersion": "autoscaling/v1",
                "metadata": {k: obj["metadata"][k] for k in ("name", "namespace", "uid", "resourceVersion", "creationTimestamp")
                             if k in obj["metadata"]},
                "spec": {"replicas": spec.get("replicas", 1)},
                "status": {"replicas": status.get("replicas", 0), "selector": selector_string(spec.get("selector"))}}

    def update_scale(self, req, new_scale):
        with self.store.lock:
            obj = self._existing(req)
            scale = new_scale(self.scale_of(req, obj))
            replicas = (scale.get("spec") or {}).get("replicas")
            if not isinstance(replicas, int) or replicas < 0:
                raise invalid(req.rtype, req.name, [("spec.replicas", f"Invalid value: {replicas}: must be greater than or equal to 0")])
            if obj["spec"].get("replicas") != replicas:
                obj["spec"]["replicas"] = replicas
                obj["metadata"]["generation"] = obj["metadata"].get("generation", 1) + 1
                if not req.dry_run:
                    obj = self.store.update(req.rtype.key, obj)
            return self.scale_of(req, obj), [], 200

    def create_subresource(self, req):
        if req.rtype.kind == "Pod" and req.subresource == "eviction":
            with self.store.lock:
                obj = self._existing(req)
                self._delete_object(req.rtype, obj, None)
            return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success", "code": 201}, [], 201
        if req.rtype.kind == "ServiceAccount" and req.subresource == "token":
            body, _ = parse_body(req)
            self._existing(req)
            token = "eyJhbGciOiJSUzI1NiJ9." + base64.urlsafe_b64encode(json.dumps(
                {"sub": f"system:serviceaccount:{req.namespace}:{req.name}"}).encode()).decode().rstrip("=") + ".fake"
            body["status"] = {"token": token, "expirationTimestamp": now()}
            return body, [], 201
        raise method_not_allowed()

    def review(self, req):
        body, _ = parse_body(req)
        kind = req.rtype.kind
        if kind in ("SelfSubjectAccessReview", "SubjectAccessReview"):
            body["status"] = {"allowed": True, "reason": "the stand-in cluster authorizes everything"}
        elif kind == "SelfSubjectRulesReview":
            body["status"] = {"resourceRules": [{"verbs": ["*"], "apiGroups": ["*"], "resources": ["*"]}],
                              "nonResourceRules": [{"verbs": ["*"], "nonResourceURLs": ["*"]}], "incomplete": False}
        elif kind == "SelfSubjectReview":
            body["status"] = {"userInfo": {"username": "docker-for-desktop",
                                           "groups": ["kubeadm:cluster-admins", "system:authenticated"]}}
        body.setdefault("metadata", {})["creationTimestamp"] = None
        return body, [], 201


def _sort_key(obj):
    md = obj.get("metadata", {})
    return (md.get("namespace") or "", md.get("name") or "")


def _success(rtype, md):
    details = {"name": md.get("name"), "kind": rtype.plural, "uid": md.get("uid")}
    if rtype.group:
        details["group"] = rtype.group
    return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success", "details": details}


# -- events.k8s.io/v1 <-> core/v1 Event ----------------------------------------------------

def core_to_events_v1(e):
    out = {"apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": clone(e.get("metadata", {})),
           "eventTime": e.get("eventTime"), "reportingController": e.get("reportingComponent") or e.get("source", {}).get("component", ""),
           "reportingInstance": e.get("reportingInstance", ""), "action": e.get("action", ""), "reason": e.get("reason", ""),
           "regarding": clone(e.get("involvedObject", {})), "note": e.get("message", ""), "type": e.get("type", ""),
           "deprecatedSource": clone(e.get("source", {})), "deprecatedFirstTimestamp": e.get("firstTimestamp"),
           "deprecatedLastTimestamp": e.get("lastTimestamp"), "deprecatedCount": e.get("count", 1)}
    if e.get("related"):
        out["related"] = e["related"]
    return {k: v for k, v in out.items() if v not in (None, "")}


def events_v1_to_core(e):
    if e.get("apiVersion") == "v1":
        return e
    out = {"apiVersion": "v1", "kind": "Event", "metadata": clone(e.get("metadata", {})),
           "involvedObject": clone(e.get("regarding", {})), "reason": e.get("reason", ""),
           "message": e.get("note", ""), "type": e.get("type", ""), "eventTime": e.get("eventTime"),
           "reportingComponent": e.get("reportingController", ""), "reportingInstance": e.get("reportingInstance", ""),
           "action": e.get("action", ""), "source": clone(e.get("deprecatedSource") or {}),
           "firstTimestamp": e.get("deprecatedFirstTimestamp"), "lastTimestamp": e.get("deprecatedLastTimestamp"),
           "count": e.get("deprecatedCount")}
    return {k: v for k, v in out.items() if v is not None}


__all__ = ["Api", "Request", "parse_body", "core_to_events_v1"]
