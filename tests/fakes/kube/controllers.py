"""The simulated control plane's work queue: which controller reacts to which write, when.

Every store write is routed to the reconcilers interested in it (the object's own kind, its
controlling owner, claims and pods waiting on each other, garbage collection on deletion).
Items are deduplicated and run one at a time by a background thread, under the store lock.
With --ready-delay 0 the HTTP server calls settle() after each write, so the work the write
caused is done before the client gets its answer; otherwise items wait `hop` (20 ms) and pods
take --ready-delay to start.

The reconcilers live in one module per controller: deployments (Deployment, ReplicaSet),
statefulsets, daemonsets, jobs, kubelet (Pod), volumes (PVC, PV), services, namespaces
(Namespace, garbage collection). Each is a function (controllers, *item) that reads and
writes through `controllers.c` (the Cluster).
"""

import heapq
import itertools
import sys
import threading
import time
import traceback

from . import daemonsets, deployments, jobs, kubelet, namespaces, services, statefulsets, volumes

HANDLERS = {
    "Deployment": deployments.deployment, "ReplicaSet": deployments.replica_set, "Pod": kubelet.run_pod,
    "StatefulSet": statefulsets.stateful_set, "DaemonSet": daemonsets.daemon_set, "Job": jobs.job,
    "PersistentVolumeClaim": volumes.pvc, "Service": services.service, "Namespace": namespaces.namespace,
    "gc": namespaces.collect_garbage, "pv-release": volumes.release_volume,
}
# What exists at start (seeds) and needs a first reconcile, in a sensible order.
INITIAL = (("Namespace", "/namespaces"), ("Deployment", "apps/deployments"), ("StatefulSet", "apps/statefulsets"),
           ("DaemonSet", "apps/daemonsets"), ("ReplicaSet", "apps/replicasets"), ("Job", "batch/jobs"),
           ("Pod", "/pods"), ("PersistentVolumeClaim", "/persistentvolumeclaims"), ("Service", "/services"))


class Controllers:
    def __init__(self, cluster):
        self.c = cluster
        self.store = cluster.store
        self.opts = cluster.options
        self.heap = []
        self.due = {}
        self.busy = 0
        # Delay between a write and the controllers reacting; none when pods start instantly.
        self.hop = 0.0 if cluster.options.ready_delay == 0 else 0.02
        self.seq = itertools.count()
        self.cv = threading.Condition()
        self.stopped = False
        self.thread = threading.Thread(target=self._run, name="controllers", daemon=True)
        self.store.listeners.append(self._on_write)

    # -- lifecycle ---------------------------------------------------------------
    def start(self):
        with self.store.lock:
            for kind, key in INITIAL:
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

    # -- queue -------------------------------------------------------------------
    def enqueue(self, item, delay=None):
        due = time.monotonic() + (self.hop if delay is None else delay)
        with self.cv:
            if item in self.due and self.due[item] <= due:
                return
            self.due[item] = due
            heapq.heappush(self.heap, (due, next(self.seq), item))
            self.cv.notify()

    def _pop_due(self):
        """The next due item (counted busy), or None; call with self.cv held."""
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
                HANDLERS[item[0]](self, *item[1:])
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

    # -- routing -----------------------------------------------------------------
    def _on_write(self, key, etype, obj, old):
        """Store listener (runs under the store lock): queues the reconcilers a write concerns."""
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
            if etype == "ADDED":  # claims waiting for their first consumer can bind now
                for v in obj.get("spec", {}).get("volumes") or []:
                    claim = (v.get("persistentVolumeClaim") or {}).get("claimName")
                    if claim:
                        self.enqueue(("PersistentVolumeClaim", ns, claim))
        elif kind in HANDLERS:
            self.enqueue((kind, ns, name))
        owner = next((r for r in md.get("ownerReferences") or [] if r.get("controller")), None)
        if owner and owner.get("kind") in HANDLERS:
            self.enqueue((owner["kind"], ns, owner["name"]))
        if kind == "PersistentVolumeClaim" and etype != "DELETED":
            for pod in self.store.list("/pods", ns)[0]:
                if not pod.get("spec", {}).get("nodeName"):
                    self.enqueue(("Pod", ns, pod["metadata"]["name"]))
        if kind == "StorageClass":
            for claim in self.store.list("/persistentvolumeclaims")[0]:
                self.enqueue(("PersistentVolumeClaim", claim["metadata"]["namespace"], claim["metadata"]["name"]))
        if kind == "ServiceAccount" and etype == "ADDED":  # ReplicaSets that could not create pods
            for rs in self.store.list("apps/replicasets", ns)[0]:
                self.enqueue(("ReplicaSet", ns, rs["metadata"]["name"]))

    # -- helpers for reconcilers ------------------------------------------------------
    def write_status(self, obj, status):
        """Writes obj with a new status, unless it is unchanged (so settling ends)."""
        if obj.get("status") != status:
            obj["status"] = status
            return self.c.write(obj)
        return obj
