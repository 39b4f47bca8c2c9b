"""Subresources other than status: scale (autoscaling/v1 Scale), pod logs, pod eviction,
service account tokens, and the access reviews (the stand-in authorizes everything)."""

import base64
import json

from .errors import bad_request, invalid, method_not_allowed
from .request import parse_body
from .selectors import selector_string
from .store import now


def scale_of(api, req, obj):
    spec, status = obj.get("spec") or {}, obj.get("status") or {}
    return {"kind": "Scale", "apiVersion": "autoscaling/v1",
            "metadata": {k: obj["metadata"][k] for k in ("name", "namespace", "uid", "resourceVersion", "creationTimestamp")
                         if k in obj["metadata"]},
            "spec": {"replicas": spec.get("replicas", 1)},
            "status": {"replicas": status.get("replicas", 0), "selector": selector_string(spec.get("selector"))}}


def update_scale(api, req, new_scale):
    with api.store.lock:
        obj = api.existing(req)
        scale = new_scale(scale_of(api, req, obj))
        replicas = (scale.get("spec") or {}).get("replicas")
        if not isinstance(replicas, int) or replicas < 0:
            raise invalid(req.rtype, req.name, [("spec.replicas", f"Invalid value: {replicas}: must be greater than or equal to 0")])
        if obj["spec"].get("replicas") != replicas:
            obj["spec"]["replicas"] = replicas
            obj["metadata"]["generation"] = obj["metadata"].get("generation", 1) + 1
            if not req.dry_run:
                obj = api.store.update(req.rtype.key, obj)
        return scale_of(api, req, obj), [], 200


def create_subresource(api, req):
    if req.rtype.kind == "Pod" and req.subresource == "eviction":
        with api.store.lock:
            obj = api.existing(req)
            api.delete_object(req.rtype, obj, None)
        return {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success", "code": 201}, [], 201
    if req.rtype.kind == "ServiceAccount" and req.subresource == "token":
        body, _ = parse_body(req)
        api.existing(req)
        token = "eyJhbGciOiJSUzI1NiJ9." + base64.urlsafe_b64encode(json.dumps(
            {"sub": f"system:serviceaccount:{req.namespace}:{req.name}"}).encode()).decode().rstrip("=") + ".fake"
        body["status"] = {"token": token, "expirationTimestamp": now()}
        return body, [], 201
    raise method_not_allowed()


def review(api, req):
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


def pod_log(api, cluster, req):
    """The text of pods/<name>/log, as the kubelet would stream it (without follow)."""
    pod = api.get(req)
    containers = [c["name"] for c in pod["spec"].get("containers") or []]
    inits = [c["name"] for c in pod["spec"].get("initContainers") or []]
    container = req.q("container")
    if not container:
        if len(containers) != 1:
            msg = f"a container name must be specified for pod {req.name}, choose one of: [{' '.join(containers)}]"
            if inits:
                msg += f" or one of the init containers: [{' '.join(inits)}]"
            raise bad_request(msg)
        container = containers[0]
    if container not in containers + inits:
        raise bad_request(f"container {container} is not valid for pod {req.name}")
    text = cluster.get_log(req.namespace, req.name, container)
    if text is None:
        statuses = (pod.get("status") or {}).get("containerStatuses") or []
        waiting = next((((s.get("state") or {}).get("waiting") or {}).get("reason") for s in statuses
                        if s.get("name") == container), None) or "ContainerCreating"
        if waiting == "ImagePullBackOff":
            raise bad_request(f'container "{container}" in pod "{req.name}" is waiting to start: trying and failing to pull image')
        raise bad_request(f'container "{container}" in pod "{req.name}" is waiting to start: {waiting}')
    lines = text.splitlines(keepends=True)
    if req.q("tailLines") not in (None, ""):
        n = int(req.q("tailLines"))
        lines = lines[-n:] if n > 0 else []
    if req.q("timestamps") == "true":
        stamp = pod["metadata"].get("creationTimestamp", "").replace("Z", ".000000000Z")
        lines = [f"{stamp} {line}" for line in lines]
    out = "".join(lines)
    if req.q("limitBytes"):
        out = out.encode()[:int(req.q("limitBytes"))].decode(errors="ignore")
    return out
