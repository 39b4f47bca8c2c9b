"""The controllers and the kubelet, simulated: they turn written objects into the state a
Docker Desktop cluster would reach, quickly.

- Deployment -> ReplicaSet (pod-template-hash, revision annotation, owner reference) -> Pods,
  rolling: old ReplicaSets scale down once the new one is available; status and the
  Available/Progressing conditions as the deployment controller writes them.
- StatefulSet -> ControllerRevision, PVCs from volumeClaimTemplates, ordered Pods `<name>-<i>`.
- DaemonSet -> one Pod per schedulable node. Job -> Pods until completions, or Failed after
  backoffLimit.
- Pods: scheduled onto a Ready node once their PVCs are bound, then Running and Ready, or,
  for workloads named by --never-ready, stuck in CrashLoopBackOff or ImagePullBackOff with
  Events and a log saying why. Pods with restartPolicy Never/OnFailure run to Succeeded
  (Failed for Helm test hooks under --test-fail).
- PVCs bind to a made-up PersistentVolume through the default (or named) StorageClass.
- Services of type LoadBalancer get the `localhost` ingress Docker Desktop reports.
- Namespaces get their `default` ServiceAccount and kube-root-ca.crt ConfigMap; deleting a
  namespace deletes its contents. Garbage collection follows owner references.
"""

import datetime
import hashlib
import heapq
import itertools
import sys
import threading
import time
import traceback

from .cluster import condition, random_suffix, set_condition, spec_of, stable_hash
from .selectors import labels_match, match_labels_selector
from .store import clone, now

POD_TEMPLATE_HASH = "pod-template-hash"
REVISION = "deployment.kubernetes.io/revision"
NODE_IP_DEFAULT = "192.168.65.3"
KUBE_ROOT_CA = ("-----BEGIN CERTIFICATE-----\nMIIBfake0000000000000000000000000000000000000000000000000000000000\n"
                "-----END CERTIFICATE-----\n")


def _md(o):
    return o.setdefault("metadata", {})


def _pct(value, total, round_up):
    if isinstance(value, str) and value.endswith("%"):
        x = int(value[:-1]) * total / 100.0
        return int(-(-x // 1)) if round_up else int(x // 1)
    return int(value or 0)


def _ready(pod):
    return any(c.get("type") == "Ready" and c.get("status") == "True" for c in pod.get("status", {}).get("conditions") or [])


def _phase(pod):
    return pod.get("status", {}).get("phase", "Pending")


def _active(pod):
    return _phase(pod) not in ("Succeeded", "Failed") and not pod["metadata"].get("deletionTimestamp")


def _hook_is_test(obj):
    hooks = (obj.get("metadata", {}).get("annotations") or {}).get("helm.sh/hook", "")
    return any(h.strip().startswith("test") for h in hooks.split(","))


def _without_hash(template):
    t = clone(template or {})
    labels = t.get("metadata", {}).get("labels")
    if labels:
        labels.pop(POD_TEMPLATE_HASH, None)
    return t


def _revision(rs):
    try:
        return int((rs["metadata"].get("annotations") or {}).get(REVISION, "0"))
    except ValueError:
        return 0


class Controllers:
    def __init__(self, cluster):
        self.c = cluster
        self.store = cluster.store
        self.opts = cluster.options
        self.heap = []
        self.due = {}
        self.busy = 0
        # Delay between a write and the controller reacting; none when pods start instantly.
        self.hop = 0.0 if cluster.options.ready_delay == 0 else 0.02
        self.seq = itertools.count()
        self.cv = threading.Condition()
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="controllers", daemon=True)
        self.store.listeners.append(self._on_write)
        self.handlers = {
            "Deployment": self.deployment, "ReplicaSet": self.replica_set, "Pod": self.pod,
            "StatefulSet": self.stateful_set, "DaemonSet": self.daemon_set, "Job": self.job,
            "PersistentVolumeClaim": self.pvc, "Service": self.service, "Namespace": self.namespace,
            "gc": self.collect_garbage, "pv-release": self.release_volume,
        }

    # -- queue ---------------------------------------------------------------
    def start(self):
        with self.store.lock:
            for kind, key in (("Namespace", "/namespaces"), ("Deployment", "apps/deployments"),
                              ("StatefulSet", "apps/statefulsets"), ("DaemonSet", "apps/daemonsets"),
                              ("ReplicaSet", "apps/replicasets"), ("Job", "batch/jobs"), ("Pod", "/pods"),
                              ("PersistentVolumeClaim", "/persistentvolumeclaims"), ("Service", "/services")):
                for o in self.store.list(key)[0]:
                    self.enqueue((kind, o["metadata"].get("namespace"), o["metadata"]["name"]), 0)
        self.thread.start()
        # Seeded workloads get their ReplicaSets and pods before the first client arrives.
        hop, self.hop = self.hop, 0.0
        self.settle()
        self.hop = hop

    def stop(self):
        with self.cv:
            self.stopped = True
            self.cv.notify_all()

    def enqueue(self, item, delay=None):
        due = time.monotonic() + (self.hop if delay is None else delay)
        with self.cv:
            if item in self.due and self.due[item] <= due:
                return
            self.due[item] = due
            heapq.heappush(self.heap, (due, next(self.seq), item))
            self.cv.notify()

    def _pop_due(self):
        """The next due item (marked busy), or None; call with self.cv held."""
        while self.heap and self.heap[0][0] <= time.monotonic():
            due, _, item = heapq.heappop(self.heap)
            if self.due.get(item) == due:
                del self.due[item]
                self.busy += 1
                return item
        return None

    def _process(self, item):
        try:
            with self.store.lock:
                self.handlers[item[0]](*item[1:])
        except Exception:  # a controller bug must not stop the simulation
            sys.stderr.write(f"fake-kube-api: controller {item} failed:\n{traceback.format_exc()}")
        finally:
            with self.cv:
                self.busy -= 1
                self.cv.notify_all()

    def _run(self):
        while True:
            with self.cv:
                item = None
                while not self.stopped:
                    item = self._pop_due()
                    if item is not None:
                        break
                    self.cv.wait(self.heap[0][0] - time.monotonic() if self.heap else None)
                if self.stopped:
                    return
            self._process(item)

    def settle(self, limit=5000):
        """With --ready-delay 0, runs the work a write caused before its response is sent,
        so clients polling right after a write (Helm 3's --wait) find the cluster settled."""
        if self.hop:
            return
        for _ in range(limit):
            with self.cv:
                item = self._pop_due()
                if item is None:
                    if not self.busy:
                        return
                    self.cv.wait(0.01)
                    continue
            self._process(item)

    def _on_write(self, key, etype, obj, old):
        kind = obj.get("kind")
        md = obj.get("metadata", {})
        ns, name = md.get("namespace"), md.get("name")
        if etype == "DELETED":
            self.enqueue(("gc", md.get("uid")))
            if kind == "Pod":
                self.c.drop_logs(ns, name)
            if kind == "PersistentVolumeClaim":
                self.enqueue(("pv-release", md.get("uid")))
        elif kind == "Pod":
            # The kubelet reacts to new pods and deletions; its own status writes schedule
            # their follow-ups, so they must not retrigger it.
            if etype == "ADDED" or md.get("deletionTimestamp"):
                self.enqueue((kind, ns, name))
        elif kind in self.handlers:
            self.enqueue((kind, ns, name))
        owner = next((r for r in md.get("ownerReferences") or [] if r.get("controller")), None)
        if owner and owner.get("kind") in self.handlers:
            self.enqueue((owner["kind"], ns, owner["name"]))
        if kind == "PersistentVolumeClaim" and etype != "DELETED":
            for pod in self.store.list("/pods", ns)[0]:
                if not pod.get("spec", {}).get("nodeName"):
                    self.enqueue(("Pod", ns, pod["metadata"]["name"]))
        if kind == "StorageClass":
            for claim in self.store.list("/persistentvolumeclaims")[0]:
                self.enqueue(("PersistentVolumeClaim", claim["metadata"]["namespace"], claim["metadata"]["name"]))
        if kind == "ServiceAccount" and etype == "ADDED":
            for rs in self.store.list("apps/replicasets", ns)[0]:
                self.enqueue(("ReplicaSet", ns, rs["metadata"]["name"]))

    # -- helpers ---------------------------------------------------------------
    def _write_status(self, obj, status):
        if obj.get("status") != status:
            obj["status"] = status
            return self.c.write(obj)
        return obj

    def _scale(self, rs, replicas, owner, component):
        old = rs["spec"].get("replicas", 1)
        if old == replicas:
            return rs
        rs["spec"]["replicas"] = replicas
        _md(rs)["generation"] = rs["metadata"].get("generation", 1) + 1
        anns = _md(rs).setdefault("annotations", {})
        anns["deployment.kubernetes.io/desired-replicas"] = str(owner["spec"].get("replicas", 1))
        word = "up" if replicas > old else "down"
        self.c.event(owner, "Normal", "ScalingReplicaSet",
                     f"Scaled {word} replica set {rs['metadata']['name']} from {old} to {replicas}", component)
        return self.c.write(rs)

    def _service_account_missing(self, ns, spec):
        sa = spec.get("serviceAccountName") or "default"
        if self.c.get("v1", "ServiceAccount", ns, sa) is None:
            return f"error looking up service account {ns}/{sa}: serviceaccount \"{sa}\" not found"
        return None

    def _new_pod(self, owner, template, name=None, extra_labels=None):
        md = template.get("metadata") or {}
        labels = dict(md.get("labels") or {})
        labels.update(extra_labels or {})
        pod_md = {"namespace": owner["metadata"]["namespace"], "labels": labels,
                  "ownerReferences": [self.c.owner_ref(owner)]}
        if md.get("annotations"):
            pod_md["annotations"] = dict(md["annotations"])
        if name:
            pod_md["name"] = name
        else:
            pod_md["generateName"] = owner["metadata"]["name"] + "-"
        return {"apiVersion": "v1", "kind": "Pod", "metadata": pod_md, "spec": clone(template.get("spec") or {}),
                "status": {"phase": "Pending", "qosClass": _qos(template.get("spec") or {})}}

    def _create_pod(self, owner, pod, component):
        missing = self._service_account_missing(owner["metadata"]["namespace"], pod["spec"])
        if missing:
            self.c.event(owner, "Warning", "FailedCreate",
                         f'Error creating: pods "{pod["metadata"].get("name") or pod["metadata"]["generateName"]}" is forbidden: {missing}',
                         component)
            return None
        created = self.c.create(pod)
        if created:
            self.c.event(owner, "Normal", "SuccessfulCreate", f"Created pod: {created['metadata']['name']}", component)
        return created

    # -- Deployment ------------------------------------------------------------
    def deployment(self, ns, name):
        dep = self.c.get("apps/v1", "Deployment", ns, name)
        if not dep or dep["metadata"].get("deletionTimestamp"):
            return
        spec = dep["spec"]
        desired = spec.get("replicas", 1)
        template = spec.get("template") or {}
        rss = sorted(self.c.owned_by(dep, "apps/v1", "ReplicaSet"), key=lambda r: r["metadata"]["creationTimestamp"])
        new_rs = next((r for r in rss if _without_hash(r["spec"].get("template")) == _without_hash(template)), None)
        max_rev = max([_revision(r) for r in rss] or [0])
        paused = bool(spec.get("paused"))
        if new_rs is None and not paused:
            h = stable_hash(template)
            tmpl = clone(template)
            tmpl.setdefault("metadata", {}).setdefault("labels", {})[POD_TEMPLATE_HASH] = h
            selector = clone(spec.get("selector") or {})
            selector.setdefault("matchLabels", {})[POD_TEMPLATE_HASH] = h
            labels = dict(template.get("metadata", {}).get("labels") or {})
            labels[POD_TEMPLATE_HASH] = h
            rs = {"apiVersion": "apps/v1", "kind": "ReplicaSet",
                  "metadata": {"name": f"{name}-{h}", "namespace": ns, "labels": labels,
                               "annotations": {"deployment.kubernetes.io/desired-replicas": str(desired),
                                               "deployment.kubernetes.io/max-replicas": str(desired + _pct((spec.get("strategy") or {}).get("rollingUpdate", {}).get("maxSurge", "25%"), desired, True)),
                                               REVISION: str(max_rev + 1)},
                               "ownerReferences": [self.c.owner_ref(dep)]},
                  "spec": {"replicas": 0, "minReadySeconds": spec.get("minReadySeconds", 0), "selector": selector,
                           "template": tmpl}}
            new_rs = self.c.create(rs)
            if new_rs is None:  # name taken by a stale ReplicaSet: let GC clear it, then retry
                self.enqueue(("Deployment", ns, name), 0.2)
                return
            rss.append(new_rs)
            max_rev += 1
        if new_rs is not None and _revision(new_rs) < max_rev and any(_revision(r) == max_rev and r is not new_rs for r in rss):
            _md(new_rs).setdefault("annotations", {})[REVISION] = str(max_rev + 1)
            new_rs = self.c.write(new_rs)
        if new_rs is not None and dep["metadata"].get("annotations", {}).get(REVISION) != _md(new_rs)["annotations"][REVISION]:
            _md(dep).setdefault("annotations", {})[REVISION] = new_rs["metadata"]["annotations"][REVISION]
            dep = self.c.write(dep)
        olds = [r for r in rss if new_rs is None or r["metadata"]["uid"] != new_rs["metadata"]["uid"]]
        strategy = (spec.get("strategy") or {}).get("type", "RollingUpdate")
        max_unavailable = _pct((spec.get("strategy") or {}).get("rollingUpdate", {}).get("maxUnavailable", "25%"), desired, False)
        if strategy == "Recreate":
            max_unavailable = desired
        if new_rs is not None and not paused:
            old_pods_left = any(r["status"].get("replicas", 0) if r.get("status") else 0 for r in olds)
            if not (strategy == "Recreate" and old_pods_left):
                new_rs = self._scale(new_rs, desired, dep, "deployment-controller")
            available = (new_rs.get("status") or {}).get("availableReplicas", 0)
            if strategy == "Recreate" or available >= max(0, desired - max_unavailable):
                for r in olds:
                    self._scale(r, 0, dep, "deployment-controller")
        # Keep revisionHistoryLimit scaled-down ReplicaSets, the oldest go first.
        idle = [r for r in olds if r["spec"].get("replicas", 0) == 0 and not (r.get("status") or {}).get("replicas")]
        for r in sorted(idle, key=_revision)[:max(0, len(idle) - spec.get("revisionHistoryLimit", 10))]:
            self.c.delete(r)
        self._deployment_status(dep, new_rs, olds, desired, max_unavailable)

    def _deployment_status(self, dep, new_rs, olds, desired, max_unavailable):
        ns = dep["metadata"]["namespace"]
        current = [self.c.get("apps/v1", "ReplicaSet", ns, r["metadata"]["name"]) for r in ([new_rs] if new_rs else []) + olds]
        current = [r for r in current if r]

        def total(field, rss):
            return sum((r.get("status") or {}).get(field, 0) for r in rss)

        new_current = [r for r in current if new_rs and r["metadata"]["uid"] == new_rs["metadata"]["uid"]]
        replicas, updated = total("replicas", current), total("replicas", new_current)
        ready, available = total("readyReplicas", current), total("availableReplicas", current)
        status = clone(dep.get("status") or {})
        status.update({"observedGeneration": dep["metadata"].get("generation", 1), "replicas": replicas,
                       "updatedReplicas": updated, "readyReplicas": ready, "availableReplicas": available})
        for field in ("replicas", "updatedReplicas", "readyReplicas", "availableReplicas"):
            if not status[field]:
                status.pop(field)
        unavailable = max(0, desired - available)
        if unavailable:
            status["unavailableReplicas"] = unavailable
        else:
            status.pop("unavailableReplicas", None)
        conds = status.get("conditions") or []
        if available >= desired - max_unavailable:
            conds = set_condition(conds, condition("Available", "True", "MinimumReplicasAvailable",
                                                   "Deployment has minimum availability."), update_time=True)
        else:
            conds = set_condition(conds, condition("Available", "False", "MinimumReplicasUnavailable",
                                                   "Deployment does not have minimum availability."), update_time=True)
        rs_name = new_rs["metadata"]["name"] if new_rs else ""
        complete = updated == desired and replicas == desired and available == desired
        progressing = next((c for c in conds if c["type"] == "Progressing"), None)
        deadline = dep["spec"].get("progressDeadlineSeconds", 600)
        if dep["spec"].get("paused"):
            conds = set_condition(conds, condition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused"),
                                  update_time=True)
        elif complete:
            conds = set_condition(conds, condition("Progressing", "True", "NewReplicaSetAvailable",
                                                   f'ReplicaSet "{rs_name}" has successfully progressed.'), update_time=True)
        elif progressing and progressing.get("reason") == "ProgressDeadlineExceeded" and progressing.get("message", "").find(rs_name) >= 0:
            pass
        else:
            since = progressing.get("lastUpdateTime") if progressing and progressing.get("reason") == "ReplicaSetUpdated" \
                and rs_name in progressing.get("message", "") else None
            if since and _age_seconds(since) > deadline:
                conds = set_condition(conds, condition("Progressing", "False", "ProgressDeadlineExceeded",
                                                       f'ReplicaSet "{rs_name}" has timed out progressing.'), update_time=True)
            else:
                conds = set_condition(conds, condition("Progressing", "True", "ReplicaSetUpdated",
                                                       f'ReplicaSet "{rs_name}" is progressing.'), update_time=True)
                self.enqueue(("Deployment", ns, dep["metadata"]["name"]), min(deadline, 5) + 0.5)
        order = {"Available": 0, "Progressing": 1}
        status["conditions"] = sorted(conds, key=lambda c: order.get(c["type"], 2))
        self._write_status(dep, status)

    # -- ReplicaSet --------------------------------------------------------------
    def replica_set(self, ns, name):
        rs = self.c.get("apps/v1", "ReplicaSet", ns, name)
        if not rs or rs["metadata"].get("deletionTimestamp"):
            return
        pods = [p for p in self.c.owned_by(rs, "v1", "Pod") if _active(p)]
        desired = rs["spec"].get("replicas", 1)
        for _ in range(desired - len(pods)):
            created = self._create_pod(rs, self._new_pod(rs, rs["spec"].get("template") or {}), "replicaset-controller")
            if created is None:
                break
            pods.append(created)
        if len(pods) > desired:
            doomed = sorted(pods, key=lambda p: (_ready(p), p["metadata"]["creationTimestamp"]))[:len(pods) - desired]
            for p in doomed:
                self.c.delete(p)
                self.c.event(rs, "Normal", "SuccessfulDelete", f"Deleted pod: {p['metadata']['name']}", "replicaset-controller")
            pods = [p for p in pods if p not in doomed]
        ready = sum(1 for p in pods if _ready(p))
        status = {"replicas": len(pods), "fullyLabeledReplicas": len(pods), "readyReplicas": ready,
                  "availableReplicas": ready, "observedGeneration": rs["metadata"].get("generation", 1)}
        status = {k: v for k, v in status.items() if v or k in ("replicas", "observedGeneration")}
        self._write_status(rs, status)

    # -- Pods: scheduler and kubelet -------------------------------------------------
    def _top_owner_name(self, pod):
        """The workload name --never-ready is matched against, and its kind."""
        ref = self.c.controller_of(pod)
        if not ref:
            return None, None
        if ref["kind"] == "ReplicaSet":
            rs = self.c.get("apps/v1", "ReplicaSet", pod["metadata"]["namespace"], ref["name"])
            dep = self.c.controller_of(rs) if rs else None
            if dep and dep.get("kind") == "Deployment":
                return dep["name"], "Deployment"
        return ref["name"], ref["kind"]

    def _node_for(self, pod):
        nodes = self.store.list("/nodes")[0]
        wanted = pod["spec"].get("nodeSelector") or {}
        fits = [n for n in nodes if _node_ready(n) and not n.get("spec", {}).get("unschedulable")
                and all((n["metadata"].get("labels") or {}).get(k) == v for k, v in wanted.items())
                and not _untolerated_taint(n, pod)]
        return fits[0] if fits else None, len(nodes)

    def _unbound_claims(self, pod):
        ns = pod["metadata"]["namespace"]
        out = []
        for v in pod["spec"].get("volumes") or []:
            claim = (v.get("persistentVolumeClaim") or {}).get("claimName")
            if claim:
                pvc = self.c.get("v1", "PersistentVolumeClaim", ns, claim)
                if pvc is None:
                    out.append((claim, "missing"))
                elif pvc.get("status", {}).get("phase") != "Bound":
                    out.append((claim, "unbound"))
        return out

    def pod(self, ns, name):
        pod = self.c.get("v1", "Pod", ns, name)
        if not pod:
            return
        if pod["metadata"].get("deletionTimestamp"):
            if not pod["metadata"].get("finalizers"):
                self.c.delete(pod)
            return
        if not pod["spec"].get("nodeName"):
            self._schedule(pod)
            return
        phase = _phase(pod)
        if phase in ("Succeeded", "Failed"):
            return
        owner_name, owner_kind = self._top_owner_name(pod)
        never = owner_kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet") and self.opts.is_never_ready(owner_name)
        one_shot = pod["spec"].get("restartPolicy") in ("Never", "OnFailure")
        if never:
            self._never_ready(pod, owner_name)
        elif phase == "Pending":
            self._start(pod)
            if one_shot:
                self.enqueue(("Pod", ns, name), self.opts.ready_delay)
        elif one_shot:
            fail = self.opts.test_fail and (_hook_is_test(pod) or self._job_is_test(pod))
            self._finish(pod, fail)

    def _job_is_test(self, pod):
        ref = self.c.controller_of(pod)
        if ref and ref["kind"] == "Job":
            job = self.c.get("batch/v1", "Job", pod["metadata"]["namespace"], ref["name"])
            return bool(job) and _hook_is_test(job)
        return False

    def _schedule(self, pod):
        ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
        conds = pod.get("status", {}).get("conditions") or []
        unbound = self._unbound_claims(pod)
        node, count = self._node_for(pod)
        if unbound or node is None:
            if unbound:
                claim, why = unbound[0]
                msg = (f'persistentvolumeclaim "{claim}" not found' if why == "missing" else
                       f"0/{count} nodes are available: pod has unbound immediate PersistentVolumeClaims. "
                       f"preemption: 0/{count} nodes are available: {count} Preemption is not helpful for scheduling.")
            else:
                msg = (f"0/{count} nodes are available: {count} node(s) didn't match Pod's node affinity/selector. "
                       f"preemption: 0/{count} nodes are available: {count} Preemption is not helpful for scheduling.")
            new = set_condition(conds, condition("PodScheduled", "False", "Unschedulable", msg, probe_time=True))
            if new != conds:
                pod["status"]["conditions"] = new
                pod["status"]["phase"] = "Pending"
                self.c.write(pod)
                self.c.event(pod, "Warning", "FailedScheduling", msg, "default-scheduler")
            return
        pod["spec"]["nodeName"] = node["metadata"]["name"]
        pod["status"] = {"phase": "Pending", "conditions": set_condition(conds, condition("PodScheduled", "True", probe_time=True)),
                         "qosClass": _qos(pod["spec"])}
        self.c.write(pod)
        self.c.event(pod, "Normal", "Scheduled", f"Successfully assigned {ns}/{name} to {node['metadata']['name']}",
                     "default-scheduler")
        self.enqueue(("Pod", ns, name), self.opts.ready_delay)

    def _base_status(self, pod):
        node = self.c.get("v1", "Node", None, pod["spec"]["nodeName"]) or {}
        host_ip = next((a["address"] for a in node.get("status", {}).get("addresses") or [] if a.get("type") == "InternalIP"),
                       NODE_IP_DEFAULT)
        st = pod.get("status") or {}
        pod_ip = st.get("podIP") or (host_ip if pod["spec"].get("hostNetwork") else self.c.next_pod_ip())
        return {"phase": st.get("phase", "Pending"), "conditions": st.get("conditions") or [],
                "hostIP": host_ip, "hostIPs": [{"ip": host_ip}], "podIP": pod_ip, "podIPs": [{"ip": pod_ip}],
                "startTime": st.get("startTime") or now(), "qosClass": st.get("qosClass") or _qos(pod["spec"])}

    def _init_statuses(self, pod):
        return [{"name": c["name"], "state": {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": now(),
                                                             "finishedAt": now(), "containerID": _cid(pod, c)}},
                 "lastState": {}, "ready": True, "restartCount": 0, "image": c.get("image", ""),
                 "imageID": _image_id(c), "containerID": _cid(pod, c), "started": False}
                for c in pod["spec"].get("initContainers") or []]

    def _start(self, pod):
        ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
        st = self._base_status(pod)
        st["phase"] = "Running"
        started = now()
        statuses = [{"name": c["name"], "state": {"running": {"startedAt": started}}, "lastState": {}, "ready": True,
                     "restartCount": 0, "image": c.get("image", ""), "imageID": _image_id(c),
                     "containerID": _cid(pod, c), "started": True} for c in pod["spec"].get("containers") or []]
        conds = st["conditions"]
        for ctype in ("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"):
            conds = set_condition(conds, condition(ctype, "True", probe_time=True))
        st["conditions"] = _ordered(conds)
        st["containerStatuses"] = statuses
        if pod["spec"].get("initContainers"):
            st["initContainerStatuses"] = self._init_statuses(pod)
        pod["status"] = st
        self.c.write(pod)
        for c in (pod["spec"].get("initContainers") or []) + (pod["spec"].get("containers") or []):
            self._container_events(pod, c)
            self.c.set_log(ns, name, c["name"], _startup_log(pod, c))

    def _container_events(self, pod, c):
        path = f"spec.containers{{{c['name']}}}"
        self.c.event(pod, "Normal", "Pulled", f'Container image "{c.get("image", "")}" already present on machine',
                     "kubelet", path)
        self.c.event(pod, "Normal", "Created", f"Created container: {c['name']}", "kubelet", path)
        self.c.event(pod, "Normal", "Started", f"Started container {c['name']}", "kubelet", path)

    def _finish(self, pod, fail):
        ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
        st = self._base_status(pod)
        st["phase"] = "Failed" if fail else "Succeeded"
        code, reason = (1, "Error") if fail else (0, "Completed")
        statuses = []
        for c, old in zip(pod["spec"].get("containers") or [], pod["status"].get("containerStatuses") or [{}] * 99):
            started = ((old.get("state") or {}).get("running") or {}).get("startedAt") or now()
            statuses.append({"name": c["name"], "state": {"terminated": {"exitCode": code, "reason": reason,
                                                                         "startedAt": started, "finishedAt": now(),
                                                                         "containerID": _cid(pod, c)}},
                             "lastState": {}, "ready": False, "restartCount": 0, "image": c.get("image", ""),
                             "imageID": _image_id(c), "containerID": _cid(pod, c), "started": False})
            log = self.c.get_log(ns, name, c["name"]) or ""
            if fail:
                log += (f"wget: can't connect to remote host: Connection refused\n"
                        f"[fake-kube-api] container {c['name']} exited with code 1: the stand-in was started with "
                        f"--test-fail, so Helm test pods fail.\n")
            else:
                log += f"[fake-kube-api] container {c['name']} completed (exit code 0).\n"
            self.c.set_log(ns, name, c["name"], log)
        conds = st["conditions"]
        conds = set_condition(conds, condition("PodReadyToStartContainers", "False", probe_time=True))
        for ctype in ("Ready", "ContainersReady"):
            conds = set_condition(conds, condition(ctype, "False", "PodFailed" if fail else "PodCompleted", probe_time=True))
        st["conditions"] = _ordered(conds)
        st["containerStatuses"] = statuses
        pod["status"] = st
        self.c.write(pod)

    def _never_ready(self, pod, owner_name):
        ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
        old = pod.get("status") or {}
        restarts = max([c.get("restartCount", 0) for c in old.get("containerStatuses") or []] or [0])
        crash = self.opts.never_ready_reason != "ImagePullBackOff"
        st = self._base_status(pod)
        containers = pod["spec"].get("containers") or []
        names = " ".join(c["name"] for c in containers)
        statuses = []
        for c in containers:
            if crash:
                state = {"waiting": {"reason": "CrashLoopBackOff",
                                     "message": f"back-off {min(10 * 2 ** restarts, 300)}s restarting failed container={c['name']} pod={name}_{ns}({pod['metadata']['uid']})"}}
                last = {"terminated": {"exitCode": 1, "reason": "Error", "startedAt": now(), "finishedAt": now(),
                                       "containerID": _cid(pod, c)}}
                statuses.append({"name": c["name"], "state": state, "lastState": last, "ready": False,
                                 "restartCount": restarts + 1, "image": c.get("image", ""), "imageID": _image_id(c),
                                 "containerID": _cid(pod, c), "started": False})
            else:
                state = {"waiting": {"reason": "ImagePullBackOff", "message": f'Back-off pulling image "{c.get("image", "")}"'}}
                statuses.append({"name": c["name"], "state": state, "lastState": {}, "ready": False, "restartCount": 0,
                                 "image": c.get("image", ""), "imageID": "", "started": False})
        st["phase"] = "Running" if crash else "Pending"
        conds = st["conditions"]
        conds = set_condition(conds, condition("PodReadyToStartContainers", "True", probe_time=True))
        conds = set_condition(conds, condition("Initialized", "True", probe_time=True))
        for ctype in ("Ready", "ContainersReady"):
            conds = set_condition(conds, condition(ctype, "False", "ContainersNotReady",
                                                   f"containers with unready status: [{names}]", probe_time=True))
        st["conditions"] = _ordered(conds)
        st["containerStatuses"] = statuses
        if pod["spec"].get("initContainers"):
            st["initContainerStatuses"] = self._init_statuses(pod)
        first = not old.get("containerStatuses")
        pod["status"] = st
        self.c.write(pod)
        for c in containers:
            path = f"spec.containers{{{c['name']}}}"
            image = c.get("image", "")
            if crash:
                if first:
                    self._container_events(pod, c)
                self.c.event(pod, "Warning", "BackOff", f"Back-off restarting failed container {c['name']} in pod "
                             f"{name}_{ns}({pod['metadata']['uid']})", "kubelet", path)
                self.c.set_log(ns, name, c["name"],
                               f"[fake-kube-api] container {c['name']} (image {image}) starting\n"
                               f"Error: the application exited with code 1 during startup\n"
                               f"[fake-kube-api] simulated crash: the stand-in was started with --never-ready "
                               f"matching workload \"{owner_name}\", so its pods restart in CrashLoopBackOff.\n")
            else:
                if first:
                    repo = image.split(":", 1)[0]
                    self.c.event(pod, "Normal", "Pulling", f'Pulling image "{image}"', "kubelet", path)
                    self.c.event(pod, "Warning", "Failed",
                                 f'Failed to pull image "{image}": Error response from daemon: pull access denied for '
                                 f"{repo}, repository does not exist or may require 'docker login': denied: requested "
                                 f"access to the resource is denied", "kubelet", path)
                    self.c.event(pod, "Warning", "Failed", "Error: ErrImagePull", "kubelet", path)
                self.c.event(pod, "Normal", "BackOff", f'Back-off pulling image "{image}"', "kubelet", path)
                self.c.event(pod, "Warning", "Failed", "Error: ImagePullBackOff", "kubelet", path)
        if restarts < 20:
            self.enqueue(("Pod", ns, name), 2.0)

    # -- StatefulSet -------------------------------------------------------------
    def _revision(self, owner, template, label):
        """The ControllerRevision for owner's current template: (name, revision number)."""
        ns, name = owner["metadata"]["namespace"], owner["metadata"]["name"]
        rev_name = f"{name}-{stable_hash(template)}"
        revs = self.c.owned_by(owner, "apps/v1", "ControllerRevision")
        existing = next((r for r in revs if r["metadata"]["name"] == rev_name), None)
        top = max([r.get("revision", 0) for r in revs] or [0])
        if existing is None:
            self.c.create({"apiVersion": "apps/v1", "kind": "ControllerRevision",
                           "metadata": {"name": rev_name, "namespace": ns,
                                        "labels": dict((template.get("metadata") or {}).get("labels") or {}, **{label: rev_name}),
                                        "ownerReferences": [self.c.owner_ref(owner)]},
                           "data": {"spec": {"template": dict(clone(template), **{"$patch": "replace"})}},
                           "revision": top + 1})
        elif existing.get("revision", 0) < top:
            existing["revision"] = top + 1
            self.c.write(existing)
        return rev_name

    def stateful_set(self, ns, name):
        sts = self.c.get("apps/v1", "StatefulSet", ns, name)
        if not sts or sts["metadata"].get("deletionTimestamp"):
            return
        spec = sts["spec"]
        replicas = spec.get("replicas", 1)
        template = spec.get("template") or {}
        update_rev = self._revision(sts, template, "controller-revision-hash")
        pods = {p["metadata"]["name"]: p for p in self.c.owned_by(sts, "v1", "Pod")}
        ordered = spec.get("podManagementPolicy", "OrderedReady") == "OrderedReady"
        for i in range(replicas):
            pod_name = f"{name}-{i}"
            if pod_name in pods:
                if ordered and not _ready(pods[pod_name]):
                    break
                continue
            self._claims_for(sts, i)
            pod = self._new_pod(sts, template, pod_name, {"controller-revision-hash": update_rev,
                                                          "statefulset.kubernetes.io/pod-name": pod_name,
                                                          "apps.kubernetes.io/pod-index": str(i)})
            pod["spec"]["hostname"] = pod_name
            if spec.get("serviceName"):
                pod["spec"]["subdomain"] = spec["serviceName"]
            volumes = pod["spec"].setdefault("volumes", [])
            for claim in spec.get("volumeClaimTemplates") or []:
                cname = claim["metadata"]["name"]
                volumes[:] = [v for v in volumes if v.get("name") != cname]
                volumes.append({"name": cname, "persistentVolumeClaim": {"claimName": f"{cname}-{name}-{i}"}})
            created = self._create_pod(sts, pod, "statefulset-controller")
            if created:
                pods[pod_name] = created
            if ordered:
                break
        for pod_name, p in sorted(pods.items(), key=lambda kv: -_ordinal(kv[0])):
            if _ordinal(pod_name) >= replicas:
                self.c.delete(p)
                self.c.event(sts, "Normal", "SuccessfulDelete", f"delete Pod {pod_name} in StatefulSet {name} successful",
                             "statefulset-controller")
                del pods[pod_name]
        live = [p for p in pods.values() if _active(p)]
        outdated = [p for p in live if (p["metadata"].get("labels") or {}).get("controller-revision-hash") != update_rev]
        partition = ((spec.get("updateStrategy") or {}).get("rollingUpdate") or {}).get("partition", 0)
        rolling = (spec.get("updateStrategy") or {}).get("type", "RollingUpdate") == "RollingUpdate"
        if rolling and outdated and all(_ready(p) for p in live):
            victim = max(outdated, key=lambda p: _ordinal(p["metadata"]["name"]))
            if _ordinal(victim["metadata"]["name"]) >= partition:
                self.c.delete(victim)
                self.enqueue(("StatefulSet", ns, name))
        live = [p for p in self.c.owned_by(sts, "v1", "Pod") if _active(p)]
        updated = [p for p in live if (p["metadata"].get("labels") or {}).get("controller-revision-hash") == update_rev]
        ready = sum(1 for p in live if _ready(p))
        old_status = sts.get("status") or {}
        current_rev = old_status.get("currentRevision") or update_rev
        if len(updated) == replicas and all(_ready(p) for p in updated):
            current_rev = update_rev
        status = {"observedGeneration": sts["metadata"].get("generation", 1), "replicas": len(live),
                  "readyReplicas": ready, "currentReplicas": len(updated) if current_rev == update_rev else len(live) - len(updated),
                  "updatedReplicas": len(updated), "currentRevision": current_rev, "updateRevision": update_rev,
                  "collisionCount": 0, "availableReplicas": ready}
        status = {k: v for k, v in status.items() if v or k in ("replicas", "observedGeneration", "collisionCount", "availableReplicas")}
        self._write_status(sts, status)

    def _claims_for(self, sts, i):
        ns, name = sts["metadata"]["namespace"], sts["metadata"]["name"]
        policy = (sts["spec"].get("persistentVolumeClaimRetentionPolicy") or {}).get("whenDeleted", "Retain")
        for tmpl in sts["spec"].get("volumeClaimTemplates") or []:
            claim_name = f"{tmpl['metadata']['name']}-{name}-{i}"
            if self.c.get("v1", "PersistentVolumeClaim", ns, claim_name):
                continue
            labels = dict((tmpl.get("metadata") or {}).get("labels") or {})
            labels.update((sts["spec"].get("selector") or {}).get("matchLabels") or {})
            md = {"name": claim_name, "namespace": ns, "labels": labels}
            if (tmpl.get("metadata") or {}).get("annotations"):
                md["annotations"] = dict(tmpl["metadata"]["annotations"])
            if policy == "Delete":
                md["ownerReferences"] = [self.c.owner_ref(sts)]
            claim = {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": md,
                     "spec": clone(tmpl.get("spec") or {}), "status": {"phase": "Pending"}}
            self._default_storage_class(claim)
            if self.c.create(claim):
                self.c.event(sts, "Normal", "SuccessfulCreate",
                             f"create Claim {claim_name} Pod {name}-{i} in StatefulSet {name} success",
                             "statefulset-controller")

    # -- DaemonSet -------------------------------------------------------------------
    def daemon_set(self, ns, name):
        ds = self.c.get("apps/v1", "DaemonSet", ns, name)
        if not ds or ds["metadata"].get("deletionTimestamp"):
            return
        template = ds["spec"].get("template") or {}
        rev = self._revision(ds, template, "controller-revision-hash")
        wanted = template.get("spec", {}).get("nodeSelector") or {}
        nodes = [n for n in self.store.list("/nodes")[0]
                 if all((n["metadata"].get("labels") or {}).get(k) == v for k, v in wanted.items())]
        pods = [p for p in self.c.owned_by(ds, "v1", "Pod") if _active(p)]
        generation = ds["metadata"].get("generation", 1)
        for node in nodes:
            node_name = node["metadata"]["name"]
            mine = [p for p in pods if p["spec"].get("nodeName") == node_name]
            stale = [p for p in mine if (p["metadata"].get("labels") or {}).get("controller-revision-hash") != rev]
            for p in stale:
                self.c.delete(p)
            if len(mine) - len(stale) == 0:
                pod = self._new_pod(ds, template, extra_labels={"controller-revision-hash": rev,
                                                                "pod-template-generation": str(generation)})
                pod["spec"]["nodeName"] = node_name  # the DaemonSet controller pins pods to their node
                created = self._create_pod(ds, pod, "daemonset-controller")
                if created:
                    self.c.event(created, "Normal", "Scheduled",
                                 f"Successfully assigned {ns}/{created['metadata']['name']} to {node_name}", "default-scheduler")
                    self.enqueue(("Pod", ns, created["metadata"]["name"]), self.opts.ready_delay)
        pods = [p for p in self.c.owned_by(ds, "v1", "Pod") if _active(p)]
        updated = [p for p in pods if (p["metadata"].get("labels") or {}).get("controller-revision-hash") == rev]
        ready = sum(1 for p in pods if _ready(p))
        status = {"currentNumberScheduled": len(pods), "desiredNumberScheduled": len(nodes), "numberMisscheduled": 0,
                  "numberReady": ready, "numberAvailable": ready, "updatedNumberScheduled": len(updated),
                  "observedGeneration": generation}
        if len(nodes) - ready > 0:
            status["numberUnavailable"] = len(nodes) - ready
        self._write_status(ds, status)

    # -- Job -------------------------------------------------------------------------
    def job(self, ns, name):
        job = self.c.get("batch/v1", "Job", ns, name)
        if not job or job["metadata"].get("deletionTimestamp"):
            return
        spec = job["spec"]
        status = clone(job.get("status") or {})
        conds = status.get("conditions") or []
        if any(c["type"] in ("Complete", "Failed") and c["status"] == "True" for c in conds):
            return
        if spec.get("suspend"):
            return
        pods = self.c.owned_by(job, "v1", "Pod")
        succeeded = sum(1 for p in pods if _phase(p) == "Succeeded")
        failed = sum(1 for p in pods if _phase(p) == "Failed")
        active = [p for p in pods if _active(p)]
        completions = spec.get("completions", 1)
        status.setdefault("startTime", now())
        if succeeded >= completions:
            conds = set_condition(conds, condition("SuccessCriteriaMet", "True", "CompletionsReached",
                                                   "Reached expected number of succeeded pods", probe_time=True))
            conds = set_condition(conds, condition("Complete", "True", "CompletionsReached",
                                                   "Reached expected number of succeeded pods", probe_time=True))
            status["completionTime"] = now()
            self.c.event(job, "Normal", "Completed", "Job completed", "job-controller")
        elif failed > spec.get("backoffLimit", 6):
            conds = set_condition(conds, condition("FailureTarget", "True", "BackoffLimitExceeded",
                                                   "Job has reached the specified backoff limit", probe_time=True))
            conds = set_condition(conds, condition("Failed", "True", "BackoffLimitExceeded",
                                                   "Job has reached the specified backoff limit", probe_time=True))
            self.c.event(job, "Warning", "BackoffLimitExceeded", "Job has reached the specified backoff limit",
                         "job-controller")
        else:
            want = min(spec.get("parallelism", 1), completions - succeeded) - len(active)
            for _ in range(max(0, want)):
                created = self._create_pod(job, self._new_pod(job, spec.get("template") or {}), "job-controller")
                if created:
                    active.append(created)
        status.update({"active": len(active), "ready": sum(1 for p in active if _ready(p)), "succeeded": succeeded,
                       "failed": failed, "terminating": 0, "uncountedTerminatedPods": {}})
        for field in ("active", "succeeded", "failed"):
            if not status[field]:
                status.pop(field)
        if conds:
            status["conditions"] = conds
        self._write_status(job, status)

    # -- PVCs and PVs ---------------------------------------------------------------------
    def _storage_classes(self):
        return self.store.list("storage.k8s.io/storageclasses")[0]

    def _default_storage_class(self, claim):
        if claim["spec"].get("storageClassName") is None:
            default = next((sc for sc in self._storage_classes()
                            if (sc["metadata"].get("annotations") or {}).get("storageclass.kubernetes.io/is-default-class") == "true"), None)
            if default:
                claim["spec"]["storageClassName"] = default["metadata"]["name"]

    def pvc(self, ns, name):
        claim = self.c.get("v1", "PersistentVolumeClaim", ns, name)
        if not claim or claim["metadata"].get("deletionTimestamp"):
            return
        if claim.get("status", {}).get("phase") == "Bound":
            return
        sc_name = claim["spec"].get("storageClassName")
        if sc_name is None:
            self._default_storage_class(claim)
            sc_name = claim["spec"].get("storageClassName")
            if sc_name:
                claim = self.c.write(claim)
        if not sc_name:
            self._pending(claim, "FailedBinding", "Normal", "no persistent volumes available for this claim and no storage class is set")
            return
        sc = next((s for s in self._storage_classes() if s["metadata"]["name"] == sc_name), None)
        if sc is None:
            self._pending(claim, "ProvisioningFailed", "Warning", f'storageclass.storage.k8s.io "{sc_name}" not found')
            return
        if sc.get("volumeBindingMode") == "WaitForFirstConsumer" and not self._claim_in_use(claim):
            self._pending(claim, "WaitForFirstConsumer", "Normal", "waiting for first consumer to be created before binding")
            return
        provisioner = sc.get("provisioner", "")
        pv_name = f"pvc-{claim['metadata']['uid']}"
        size = ((claim["spec"].get("resources") or {}).get("requests") or {}).get("storage", "1Gi")
        modes = claim["spec"].get("accessModes") or ["ReadWriteOnce"]
        self.c.event(claim, "Normal", "ExternalProvisioning",
                     f"Waiting for a volume to be created either by the external provisioner '{provisioner}' or "
                     "manually by the system administrator. If volume creation is delayed, please verify that the "
                     "provisioner is running and correctly registered.", "persistentvolume-controller")
        self.c.event(claim, "Normal", "Provisioning",
                     f'External provisioner is provisioning volume for claim "{ns}/{name}"', provisioner)
        if self.c.get("v1", "PersistentVolume", None, pv_name) is None:
            self.c.create({"apiVersion": "v1", "kind": "PersistentVolume",
                           "metadata": {"name": pv_name, "annotations": {"pv.kubernetes.io/provisioned-by": provisioner},
                                        "finalizers": ["kubernetes.io/pv-protection"]},
                           "spec": {"capacity": {"storage": size}, "accessModes": modes,
                                    "claimRef": {"kind": "PersistentVolumeClaim", "namespace": ns, "name": name,
                                                 "uid": claim["metadata"]["uid"], "apiVersion": "v1",
                                                 "resourceVersion": claim["metadata"]["resourceVersion"]},
                                    "persistentVolumeReclaimPolicy": sc.get("reclaimPolicy", "Delete"),
                                    "storageClassName": sc_name, "volumeMode": claim["spec"].get("volumeMode", "Filesystem"),
                                    "hostPath": {"path": f"/var/lib/k8s-pvs/{name}/{pv_name}", "type": ""}},
                           "status": {"phase": "Bound", "lastPhaseTransitionTime": now()}})
        self.c.event(claim, "Normal", "ProvisioningSucceeded", f"Successfully provisioned volume {pv_name}", provisioner)
        anns = _md(claim).setdefault("annotations", {})
        anns.update({"pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes",
                     "volume.beta.kubernetes.io/storage-provisioner": provisioner,
                     "volume.kubernetes.io/storage-provisioner": provisioner})
        claim["spec"]["volumeName"] = pv_name
        _md(claim).setdefault("finalizers", ["kubernetes.io/pvc-protection"])
        claim["status"] = {"phase": "Bound", "accessModes": modes, "capacity": {"storage": size}}
        self.c.write(claim)

    def _claim_in_use(self, claim):
        name = claim["metadata"]["name"]
        return any((v.get("persistentVolumeClaim") or {}).get("claimName") == name
                   for p in self.store.list("/pods", claim["metadata"]["namespace"])[0] for v in p["spec"].get("volumes") or [])

    def _pending(self, claim, reason, etype, message):
        if claim.get("status", {}).get("phase") != "Pending":
            claim["status"] = {"phase": "Pending"}
            self.c.write(claim)
        self.c.event(claim, etype, reason, message, "persistentvolume-controller")

    def release_volume(self, claim_uid):
        for pv in self.store.list("/persistentvolumes")[0]:
            if (pv["spec"].get("claimRef") or {}).get("uid") != claim_uid:
                continue
            if pv["spec"].get("persistentVolumeReclaimPolicy") == "Delete":
                pv["metadata"]["finalizers"] = []
                pv["metadata"]["deletionTimestamp"] = now()
                self.c.write(pv)
            else:
                pv["status"] = {"phase": "Released", "lastPhaseTransitionTime": now()}
                self.c.write(pv)

    # -- Services ---------------------------------------------------------------------------
    def service(self, ns, name):
        svc = self.c.get("v1", "Service", ns, name)
        if not svc:
            return
        if svc["spec"].get("type") == "LoadBalancer":
            want = {"loadBalancer": {"ingress": [{"hostname": "localhost", "ipMode": "VIP"}]}}
        else:
            want = {"loadBalancer": {}}
        if svc.get("status") != want:
            svc["status"] = want
            self.c.write(svc)
        self._endpoints(svc)

    def _endpoints(self, svc):
        """An Endpoints object for selector Services, listing ready pods (what kubectl describe shows)."""
        ns, name = svc["metadata"]["namespace"], svc["metadata"]["name"]
        selector = svc["spec"].get("selector")
        if not selector:
            return
        preds = match_labels_selector({"matchLabels": selector})
        pods = [p for p in self.store.list("/pods", ns)[0] if labels_match(preds, p["metadata"].get("labels")) and _active(p)]
        addresses = [{"ip": p["status"]["podIP"], "nodeName": p["spec"].get("nodeName"),
                      "targetRef": {"kind": "Pod", "namespace": ns, "name": p["metadata"]["name"], "uid": p["metadata"]["uid"]}}
                     for p in pods if p.get("status", {}).get("podIP") and _ready(p)]
        ports = [{k: v for k, v in {"name": port.get("name"), "port": port.get("targetPort") if isinstance(port.get("targetPort"), int) else port.get("port"),
                                    "protocol": port.get("protocol", "TCP")}.items() if v is not None}
                 for port in svc["spec"].get("ports") or []]
        subsets = [{"addresses": addresses, "ports": ports}] if addresses else []
        ep = self.c.get("v1", "Endpoints", ns, name)
        if ep is None:
            self.c.create({"apiVersion": "v1", "kind": "Endpoints",
                           "metadata": {"name": name, "namespace": ns, "labels": dict(svc["metadata"].get("labels") or {}),
                                        "ownerReferences": [self.c.owner_ref(svc, controller=False)]},
                           **({"subsets": subsets} if subsets else {})})
        elif (ep.get("subsets") or []) != subsets:
            ep["subsets"] = subsets
            if not subsets:
                ep.pop("subsets")
            self.c.write(ep)

    # -- Namespaces and garbage collection ---------------------------------------------------
    def namespace(self, _ns, name):
        ns = self.c.get("v1", "Namespace", None, name)
        if not ns:
            return
        if ns["metadata"].get("deletionTimestamp"):
            for key in list(self.store.objects):
                for (obj_ns, obj_name) in list(self.store.objects[key]):
                    if obj_ns == name:
                        self.store.remove(key, obj_ns, obj_name)
            ns["spec"]["finalizers"] = []
            self.c.write(ns)
            return
        if ns.get("status", {}).get("phase") != "Active":
            ns["status"] = {"phase": "Active"}
            self.c.write(ns)
        if self.c.get("v1", "ServiceAccount", name, "default") is None:
            self.c.create({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": name}})
        if self.c.get("v1", "ConfigMap", name, "kube-root-ca.crt") is None:
            self.c.create({"apiVersion": "v1", "kind": "ConfigMap",
                           "metadata": {"name": "kube-root-ca.crt", "namespace": name,
                                        "annotations": {"kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."}},
                           "data": {"ca.crt": KUBE_ROOT_CA}})

    def collect_garbage(self, uid):
        """Deletes objects whose owners are all gone; drops references to the deleted owner."""
        if not uid:
            return
        live = {o["metadata"].get("uid") for key in self.store.objects for o in self.store.objects[key].values()}
        if uid in live:
            return
        for key in list(self.store.objects):
            for obj in list(self.store.objects[key].values()):
                refs = obj.get("metadata", {}).get("ownerReferences") or []
                if not any(r.get("uid") == uid for r in refs):
                    continue
                remaining = [r for r in refs if r.get("uid") != uid and r.get("uid") in live]
                obj = clone(obj)
                if remaining:
                    obj["metadata"]["ownerReferences"] = remaining
                    self.store.update(key, obj)
                elif obj["metadata"].get("finalizers"):
                    obj["metadata"].setdefault("deletionTimestamp", now())
                    self.store.update(key, obj)
                else:
                    self.store.remove(key, obj["metadata"].get("namespace"), obj["metadata"]["name"])


def _age_seconds(ts):
    try:
        then = datetime.datetime.strptime(ts[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    except (TypeError, ValueError):
        return 0
    return (datetime.datetime.now(datetime.timezone.utc) - then).total_seconds()


def _ordinal(pod_name):
    try:
        return int(pod_name.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return -1


def _ordered(conds):
    order = {"PodReadyToStartContainers": 0, "Initialized": 1, "Ready": 2, "ContainersReady": 3, "PodScheduled": 4}
    return sorted(conds, key=lambda c: order.get(c["type"], 9))


def _node_ready(node):
    return any(c.get("type") == "Ready" and c.get("status") == "True" for c in node.get("status", {}).get("conditions") or [])


def _untolerated_taint(node, pod):
    tolerations = pod["spec"].get("tolerations") or []
    for taint in node.get("spec", {}).get("taints") or []:
        if taint.get("effect") not in ("NoSchedule", "NoExecute"):
            continue
        ok = any((t.get("operator") == "Exists" and (not t.get("key") or t.get("key") == taint.get("key"))) or
                 (t.get("key") == taint.get("key") and t.get("value") == taint.get("value"))
                 for t in tolerations if not t.get("effect") or t.get("effect") == taint.get("effect"))
        if not ok:
            return True
    return False


def _qos(spec):
    containers = (spec.get("containers") or []) + (spec.get("initContainers") or [])
    any_set, guaranteed = False, bool(containers)
    for c in containers:
        res = c.get("resources") or {}
        req, lim = res.get("requests") or {}, res.get("limits") or {}
        if req or lim:
            any_set = True
        for r in ("cpu", "memory"):
            if r not in lim or (r in req and req[r] != lim[r]):
                guaranteed = False
    if guaranteed and any_set:
        return "Guaranteed"
    return "Burstable" if any_set else "BestEffort"


def _sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _cid(pod, c):
    return "docker://" + _sha(pod["metadata"].get("uid", "") + c["name"])


def _image_id(c):
    return "docker-pullable://" + c.get("image", "").split(":", 1)[0] + "@sha256:" + _sha(c.get("image", ""))


def _startup_log(pod, c):
    return (f"[fake-kube-api] container {c['name']} (image {c.get('image', '')}) started in pod "
            f"{pod['metadata']['namespace']}/{pod['metadata']['name']} on node {pod['spec'].get('nodeName')}\n"
            f"[fake-kube-api] simulated: no process runs; the container reports Ready at once.\n")


__all__ = ["Controllers", "random_suffix", "spec_of"]
