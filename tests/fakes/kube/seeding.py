"""Loads seed files (multi-document YAML) into the store, as a cluster's existing state.

Seeded objects keep their status (nodes, workloads already running); the server only fills
what the API server would have set: uid, timestamps, generation, defaults. A Node whose
nodeInfo.kubeletVersion is empty gets --server-version. Local APIService objects are added
for every built-in group version, as the aggregator lists them.
"""

import datetime

import yaml

from . import crds, defaults
from .cluster import GENERATION_KINDS
from .store import clone, now


def load_seeds(cluster, paths, server_version):
    for path in paths:
        with open(path) as f:
            try:
                docs = list(yaml.load_all(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
            except yaml.YAMLError as e:
                mark = getattr(e, "problem_mark", None)
                where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
                raise ValueError(f"{path}: not valid YAML{where}: {getattr(e, 'problem', None) or e}")
        for i, doc in enumerate(docs):
            if doc is None:
                continue
            if not isinstance(doc, dict) or not doc.get("kind") or not doc.get("apiVersion"):
                raise ValueError(f"{path}: document {i + 1} is not a Kubernetes object (apiVersion and kind are required)")
            if doc["kind"].endswith("List") and isinstance(doc.get("items"), list):
                for item in doc["items"]:
                    _seed(cluster, path, item, server_version)
            else:
                _seed(cluster, path, doc, server_version)
    _local_api_services(cluster)


def _plain(value):
    """YAML timestamps and dates as the RFC 3339 strings the API uses; the rest unchanged."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _seed(cluster, path, obj, server_version):
    rtype = cluster.registry.by_kind(obj.get("apiVersion", ""), obj.get("kind", ""))
    if rtype is None:
        raise ValueError(f"{path}: unknown kind {obj.get('apiVersion')}/{obj.get('kind')}")
    obj = _plain(obj)
    md = obj.setdefault("metadata", {})
    if not md.get("name"):
        raise ValueError(f"{path}: a {obj['kind']} has no metadata.name")
    if rtype.namespaced:
        md.setdefault("namespace", "default")
    else:
        md.pop("namespace", None)
    md.setdefault("creationTimestamp", now())
    if obj["kind"] in GENERATION_KINDS:
        md.setdefault("generation", 1)
    if obj["kind"] == "Node":
        info = obj.setdefault("status", {}).setdefault("nodeInfo", {})
        if not info.get("kubeletVersion"):
            info["kubeletVersion"] = server_version
    status = obj.get("status")
    defaults.apply_defaults(obj["kind"], obj)
    if status is not None:
        obj["status"] = clone(status)
    if obj["kind"] == "Pod":
        _container_statuses(obj)
    if cluster.store.create(rtype.key, obj) is None:
        raise ValueError(f"{path}: {obj['kind']} {md.get('namespace', '')}/{md['name']} is seeded twice")
    if obj["kind"] == "CustomResourceDefinition":
        crds.register(cluster.registry, obj)


def _container_statuses(pod):
    """Running seeded pods without containerStatuses get ready ones, as kubectl shows them."""
    status = pod.get("status") or {}
    if status.get("phase") != "Running" or status.get("containerStatuses"):
        return
    ready = any(c.get("type") == "Ready" and c.get("status") == "True" for c in status.get("conditions") or [])
    started = pod["metadata"]["creationTimestamp"]
    status["containerStatuses"] = [
        {"name": c["name"], "image": c.get("image", ""), "imageID": "", "ready": ready, "started": True,
         "restartCount": 0, "state": {"running": {"startedAt": started}}, "lastState": {},
         "containerID": f"docker://{pod['metadata']['name']}-{c['name']}"}
        for c in pod.get("spec", {}).get("containers") or []]
    status.setdefault("startTime", started)


def _local_api_services(cluster):
    for group, versions in cluster.registry.group_versions().items():
        for version in versions:
            name = f"{version}.{group}" if group else version
            if cluster.store.get("apiregistration.k8s.io/apiservices", None, name) is not None:
                continue
            cluster.store.create("apiregistration.k8s.io/apiservices", {
                "apiVersion": "apiregistration.k8s.io/v1", "kind": "APIService",
                "metadata": {"name": name, "labels": {"kube-aggregator.kubernetes.io/automanaged": "onstart"},
                             "creationTimestamp": now()},
                "spec": {"group": group, "version": version, "groupPriorityMinimum": 18000 if not group else 17000,
                         "versionPriority": 15},
                "status": {"conditions": [{"type": "Available", "status": "True", "reason": "Local",
                                           "message": "Local APIServices are always available",
                                           "lastTransitionTime": now()}]}})
