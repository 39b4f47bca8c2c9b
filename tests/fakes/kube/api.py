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

from . import admission, crds, events, subresources, validation
from . import apply as ssa
from .errors import (ApiError, already_exists, bad_request, conflict, forbidden, invalid, method_not_allowed,
                     not_found, unsupported_media_type)
from .resources import REVIEW_KINDS
from .selectors import fields_match, labels_match, parse_field_selector, parse_label_selector
from .request import APPLY_PATCH, JSON_PATCH, MERGE_PATCH, STRATEGIC_PATCH, parse_body
from .store import clone, now

class Api:
    def __init__(self, cluster, schema):
        self.cluster = cluster
        self.store = cluster.store
        self.registry = cluster.registry
        self.schema = schema

    # -- helpers ---------------------------------------------------------------
    def root(self, rtype):
        if rtype.crd_schema is not None:
            return rtype.crd_schema
        return self.schema.root(rtype.group, rtype.version, rtype.kind)

    def existing(self, req):
        obj = self.store.get(req.rtype.key, req.namespace, req.name)
        if obj is None:
            raise not_found(req.rtype, req.name)
        return self.view(req.rtype, obj)

    def view(self, rtype, obj):
        """The stored object as rtype presents it (events.k8s.io/v1 Events differ from core)."""
        if rtype.group == "events.k8s.io" and obj.get("apiVersion") == "v1":
            return events.core_to_events_v1(obj)
        if rtype.crd_schema is not None and obj.get("apiVersion") != rtype.api_version:
            return dict(obj, apiVersion=rtype.api_version)
        return obj

    def _to_storage(self, rtype, obj):
        if rtype.group == "events.k8s.io":
            return events.events_v1_to_core(obj)
        return obj

    def _commit_create(self, req, obj):
        if req.dry_run:
            obj["metadata"].setdefault("creationTimestamp", now())
            return obj
        stored = self.store.create(req.rtype.key, self._to_storage(req.rtype, obj))
        if stored is None:
            raise already_exists(req.rtype, obj["metadata"]["name"])
        self._after_write(req.rtype, stored)
        return self.view(req.rtype, stored)

    def _commit_update(self, req, obj):
        if req.dry_run:
            return obj
        stored = self.store.update(req.rtype.key, self._to_storage(req.rtype, obj))
        if stored is None:
            raise not_found(req.rtype, obj["metadata"]["name"])
        self._after_write(req.rtype, stored)
        return self.view(req.rtype, stored)

    def _after_write(self, rtype, stored):
        if rtype.kind == "CustomResourceDefinition":
            crds.register(self.registry, stored)

    # -- reads -------------------------------------------------------------------
    def get(self, req):
        return self.existing(req)

    def list(self, req):
        """(items, resourceVersion, continue token, remaining count)."""
        rtype = req.rtype
        label_preds = parse_label_selector(req.q("labelSelector"))
        field_preds = parse_field_selector(req.q("fieldSelector"))

        def accept(obj):
            view = self.view(rtype, obj)
            return labels_match(label_preds, view.get("metadata", {}).get("labels")) and fields_match(field_preds, view)

        items, rv = self.store.list(rtype.key, req.namespace, accept)
        items = [self.view(rtype, o) for o in items]
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
            return subresources.review(self, req)
        if req.subresource:
            return subresources.create_subresource(self, req)
        obj, duplicates = parse_body(req)
        name = ((obj.get("metadata") or {}) if isinstance(obj, dict) else {}).get("name", "")
        admission.require_namespace(self, rtype, req.namespace, name)
        warnings = []
        obj = admission.admit(self, req, obj, None, warnings, duplicates)
        ssa.record_update(self.schema, self.root(rtype), None, obj, req.manager, rtype.api_version)
        if self.store.get(rtype.key, req.namespace, obj["metadata"]["name"]) is not None:
            raise already_exists(rtype, obj["metadata"]["name"])  # also for dry runs
        return self._commit_create(req, obj), warnings, 201

    def update(self, req):
        rtype = req.rtype
        if req.subresource == "scale":
            return subresources.update_scale(self, req, lambda scale: parse_body(req)[0])
        if req.subresource not in (None, "status", "finalize"):
            raise method_not_allowed()
        body, duplicates = parse_body(req)
        with self.store.lock:
            old = self.existing(req)
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
                obj = admission.admit(self, req, body, old, warnings, duplicates)
                ssa.record_update(self.schema, self.root(rtype), old, obj, req.manager, rtype.api_version)
            return self._commit_update(req, obj), warnings, 200

    def patch(self, req):
        rtype = req.rtype
        if req.subresource == "scale":
            return subresources.update_scale(self, req, lambda scale: self._patched(req, scale, None))
        if req.subresource not in (None, "status"):
            raise method_not_allowed()
        with self.store.lock:
            current = self.store.get(rtype.key, req.namespace, req.name)
            current = self.view(rtype, current) if current is not None else None
            if req.content_type == APPLY_PATCH:
                return self._apply(req, current)
            if current is None:
                raise not_found(rtype, req.name)
            patched = self._patched(req, current, self.root(rtype))
            warnings = []
            if req.subresource == "status":
                obj = clone(current)
                obj["status"] = patched.get("status")
            else:
                obj = admission.admit(self, req, patched, current, warnings)
                ssa.record_update(self.schema, self.root(rtype), current, obj, req.manager, rtype.api_version)
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
        root = self.root(rtype)
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
            admission.require_namespace(self, rtype, req.namespace, req.name)
            obj = ssa.apply(self.schema, root, None, applied, req.manager, force, rtype.api_version)
            obj = admission.admit(self, req, obj, None, [], ())
            return self._commit_create(req, obj), warnings, 201
        if req.subresource == "status":
            obj = clone(current)
            obj["status"] = ssa.apply(self.schema, root, current, applied, req.manager, True,
                                      rtype.api_version).get("status")
        else:
            stripped = {k: v for k, v in applied.items() if k != "status"} if rtype.has_status else applied
            obj = ssa.apply(self.schema, root, current, stripped, req.manager, force, rtype.api_version)
            managed = obj["metadata"].get("managedFields")
            obj = admission.admit(self, req, obj, current, [], ())
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
            obj = self.existing(req)
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
            return self.delete_object(rtype, obj, policy), [], 200

    def delete_object(self, rtype, obj, policy):
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
            return self.view(rtype, obj) if obj else _success(rtype, md)
        gone = self.store.remove(rtype.key, md.get("namespace"), md["name"])
        if rtype.kind == "CustomResourceDefinition" and gone:
            crds.unregister(self.registry, self.store, gone)
        if rtype.kind == "Pod" and gone:
            return self.view(rtype, gone)
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
                self.delete_object(req.rtype, obj, req.q("propagationPolicy"))
                deleted.append(obj)
        return deleted


def _sort_key(obj):
    md = obj.get("metadata", {})
    return (md.get("namespace") or "", md.get("name") or "")


def _success(rtype, md):
    details = {"name": md.get("name"), "kind": rtype.plural, "uid": md.get("uid")}
    if rtype.group:
        details["group"] = rtype.group
    return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success", "details": details}


