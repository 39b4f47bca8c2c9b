"""Loads seed files (multi-document YAML) into the store, as a cluster's existing state.

Seeded objects keep their status (nodes, workloads already running); the server only fills
what the API server would have set: uid, timestamps, generation, defaults. A Node whose
nodeInfo.kubeletVersion is empty gets --server-version. Local APIService objects are added
for every built-in group version, as the aggregator lists them.
"""

import copy

import yaml

from . import defaults
from .api import register_crd
from .cluster import GENERATION_KINDS
from .store import now


def load_seeds(cluster, paths, server_version):
    for path in paths:
        with open(path) as f:
            docs = list(yaml.safe_load_all(f))
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


def _seed(cluster, path, obj, server_version):
    rtype = cluster.registry.by_kind(obj.get("apiVersion", ""), obj.get("kind", ""))
    if rtype is None:
        raise ValueError(f"{path}: unknown kind {obj.get('apiVersion')}/{obj.get('kind')}")
    obj = copy.deepcopy(obj)
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
        obj["status"] = status
    if cluster.store.create(rtype.key, obj) is None:
        raise ValueError(f"{path}: {obj['kind']} {md.get('namespace', '')}/{md['name']} is seeded twice")
    if obj["kind"] == "CustomResourceDefinition":
        register_crd(cluster.registry, obj)


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
