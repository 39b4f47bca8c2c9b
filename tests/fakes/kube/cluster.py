"""What the controllers share: the store, options, pod logs, Events, and internal writes.

Controllers write straight to the store (as the real controllers write through the API
server without admission quirks), under the store lock, so a read-modify-write of a status
never interleaves with a client's write.
"""

import hashlib
import random
import threading

from . import defaults
from .store import clone, now, now_micro

# Kinds whose metadata.generation counts spec changes (status.observedGeneration follows it).
GENERATION_KINDS = {"Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob",
                    "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress", "NetworkPolicy",
                    "ReplicationController", "CustomResourceDefinition", "IngressClass"}

SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"


def random_suffix(n=5):
    return "".join(random.choice(SUFFIX_ALPHABET) for _ in range(n))


def stable_hash(value, n=10):
    """A short name-safe hash, like the pod-template-hash and controller-revision-hash labels."""
    digest = int(hashlib.sha256(repr(_canonical(value)).encode()).hexdigest(), 16)
    out = ""
    while len(out) < n:
        digest, r = divmod(digest, len(SUFFIX_ALPHABET))
        out += SUFFIX_ALPHABET[r]
    return out


def _canonical(value):
    if isinstance(value, dict):
        return tuple(sorted((k, _canonical(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_canonical(v) for v in value)
    return value


def spec_of(obj):
    return {k: v for k, v in obj.items() if k not in ("metadata", "status", "apiVersion", "kind")}


class Options:
    def __init__(self, never_ready=(), never_ready_reason="CrashLoopBackOff", test_fail=False, ready_delay=0.0):
        self.never_ready = set(never_ready)
        self.never_ready_reason = never_ready_reason
        self.test_fail = test_fail
        self.ready_delay = ready_delay

    def is_never_ready(self, name, namespace):
        """Whether a workload never becomes ready: named by --never-ready, or any workload
        outside the cluster's own namespaces (kube-*, local-path-storage) with `*`."""
        if name in self.never_ready:
            return True
        system = namespace.startswith("kube-") or namespace == "local-path-storage"
        return "*" in self.never_ready and not system


class Cluster:
    def __init__(self, store, registry, options):
        self.store = store
        self.registry = registry
        self.options = options
        self.logs = {}  # (namespace, pod, container) -> text
        self.event_names = {}  # (namespace, uid, reason, message) -> Event name, to count repeats
        self.logs_lock = threading.Lock()
        self.ip_counter = 10
        self.node_port_counter = 30000 + random.randint(0, 2000)
        self.pod_ip_counter = 10

    # -- object helpers ----------------------------------------------------
    def key_for(self, api_version, kind):
        t = self.registry.by_kind(api_version, kind)
        return t.key if t else None

    def get(self, api_version, kind, namespace, name):
        return self.store.get(self.key_for(api_version, kind), namespace, name)

    def list(self, api_version, kind, namespace=None, accept=None):
        return self.store.list(self.key_for(api_version, kind), namespace, accept)[0]

    def create(self, obj):
        """Creates obj as a controller does: defaults, generation; returns the stored object
        or None when the name is taken."""
        obj = clone(obj)
        md = obj.setdefault("metadata", {})
        if md.get("generateName") and not md.get("name"):
            md["name"] = md["generateName"] + random_suffix()
        defaults.apply_defaults(obj["kind"], obj)
        if obj["kind"] in GENERATION_KINDS:
            md["generation"] = 1
        return self.store.create(self.key_for(obj["apiVersion"], obj["kind"]), obj)

    def write(self, obj):
        """Updates an object (typically its status) as stored; no generation change."""
        return self.store.update(self.key_for(obj["apiVersion"], obj["kind"]), obj)

    def delete(self, obj):
        md = obj["metadata"]
        return self.store.remove(self.key_for(obj["apiVersion"], obj["kind"]), md.get("namespace"), md["name"])

    @staticmethod
    def owner_ref(owner, controller=True):
        return {"apiVersion": owner["apiVersion"], "kind": owner["kind"], "name": owner["metadata"]["name"],
                "uid": owner["metadata"]["uid"], "controller": controller, "blockOwnerDeletion": True}

    @staticmethod
    def controller_of(obj):
        for ref in obj.get("metadata", {}).get("ownerReferences") or []:
            if ref.get("controller"):
                return ref
        return None

    def owned_by(self, owner, api_version, kind):
        uid = owner["metadata"]["uid"]
        return [o for o in self.list(api_version, kind, owner["metadata"].get("namespace"))
                if (self.controller_of(o) or {}).get("uid") == uid]

    # -- allocation --------------------------------------------------------
    def next_cluster_ip(self):
        self.ip_counter += 1
        return f"10.{96 + (self.ip_counter // 65536) % 16}.{(self.ip_counter // 256) % 256}.{self.ip_counter % 256}"

    def next_node_port(self, used):
        for _ in range(2768):
            self.node_port_counter = 30000 + (self.node_port_counter - 30000 + 1) % 2768
            if self.node_port_counter not in used:
                return self.node_port_counter
        return 30000

    def next_pod_ip(self, node):
        """An address in the node's pod CIDR (a /24 on Docker Desktop and kind)."""
        self.pod_ip_counter += 1
        cidr = ((node or {}).get("spec") or {}).get("podCIDR") or "10.1.0.0/24"
        prefix = ".".join(cidr.split("/")[0].split(".")[:3])
        return f"{prefix}.{self.pod_ip_counter % 250 + 2}"

    # -- Events ------------------------------------------------------------
    def event(self, involved, etype, reason, message, component, field_path=None):
        """Records a core/v1 Event about `involved`, counting repeats as kubelet does."""
        md = involved.get("metadata", {})
        ns = md.get("namespace") or "default"
        ref = {"kind": involved.get("kind"), "namespace": md.get("namespace"), "name": md.get("name"),
               "uid": md.get("uid"), "apiVersion": involved.get("apiVersion"),
               "resourceVersion": md.get("resourceVersion")}
        if field_path:
            ref["fieldPath"] = field_path
        ref = {k: v for k, v in ref.items() if v}
        host = (involved.get("spec") or {}).get("nodeName") if involved.get("kind") == "Pod" else None
        key = (ns, md.get("uid"), reason, message)
        with self.store.lock:
            stamp = now()
            known = self.event_names.get(key)
            e = self.store.get("events", ns, known) if known else None
            if e is not None:
                e["count"] = e.get("count", 1) + 1
                e["lastTimestamp"] = stamp
                return self.store.update("events", e)
            name = f"{md.get('name')}.{random.getrandbits(64):016x}"
            self.event_names[key] = name
            e = {"apiVersion": "v1", "kind": "Event", "metadata": {"name": name, "namespace": ns},
                 "involvedObject": ref, "reason": reason, "message": message, "type": etype,
                 "source": {"component": component, **({"host": host} if host else {})},
                 "firstTimestamp": stamp, "lastTimestamp": stamp, "count": 1, "eventTime": None,
                 "reportingComponent": component, "reportingInstance": host or ""}
            return self.store.create("events", e)

    # -- logs --------------------------------------------------------------
    def set_log(self, namespace, pod, container, text):
        with self.logs_lock:
            self.logs[(namespace, pod, container)] = text

    def get_log(self, namespace, pod, container):
        with self.logs_lock:
            return self.logs.get((namespace, pod, container))

    def drop_logs(self, namespace, pod):
        with self.logs_lock:
            for k in [k for k in self.logs if k[0] == namespace and k[1] == pod]:
                del self.logs[k]


def condition(ctype, status, reason=None, message=None, probe_time=False):
    c = {"type": ctype, "status": status, "lastTransitionTime": now()}
    if probe_time:
        c["lastProbeTime"] = None
    if reason:
        c["reason"] = reason
    if message:
        c["message"] = message
    return c


def set_condition(conditions, new, update_time=False):
    """Conditions with `new` in place of the condition of its type. An unchanged condition
    keeps its timestamps, so a reconcile that changes nothing writes nothing."""
    out, found = [], False
    for c in conditions or []:
        if c.get("type") != new["type"]:
            out.append(c)
            continue
        found = True
        if all(c.get(k) == new.get(k) for k in ("status", "reason", "message")):
            out.append(c)
            continue
        merged = dict(new)
        if c.get("status") == new["status"]:
            merged["lastTransitionTime"] = c.get("lastTransitionTime", new["lastTransitionTime"])
        if update_time:
            merged["lastUpdateTime"] = now()
        out.append(merged)
    if not found:
        merged = dict(new)
        if update_time:
            merged["lastUpdateTime"] = now()
        out.append(merged)
    return out


__all__ = ["Cluster", "Options", "condition", "set_condition", "random_suffix", "stable_hash", "spec_of",
           "GENERATION_KINDS", "now_micro"]
