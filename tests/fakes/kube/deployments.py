"""The deployment and replicaset controllers.

A Deployment gets one ReplicaSet per pod template (named `<deployment>-<pod-template-hash>`,
controlled by an owner reference, numbered by the `deployment.kubernetes.io/revision`
annotation). The new ReplicaSet gets all replicas at once; old ones scale to 0 when it is
available (at once for Recreate). The status and the Available/Progressing conditions are
what the deployment controller writes, which Helm 3's ready check, kstatus and
`kubectl rollout status` read.
"""

import datetime

from . import podutil
from .cluster import condition, set_condition, stable_hash
from .store import clone

POD_TEMPLATE_HASH = "pod-template-hash"
REVISION = "deployment.kubernetes.io/revision"


def deployment(ctl, ns, name):
    dep = ctl.c.get("apps/v1", "Deployment", ns, name)
    if not dep or dep["metadata"].get("deletionTimestamp"):
        return
    spec = dep["spec"]
    desired = spec.get("replicas", 1)
    template = spec.get("template") or {}
    rss = sorted(ctl.c.owned_by(dep, "apps/v1", "ReplicaSet"), key=lambda r: r["metadata"]["creationTimestamp"])
    new_rs = next((r for r in rss if _without_hash(r["spec"].get("template")) == _without_hash(template)), None)
    max_rev = max([_rs_revision(r) for r in rss] or [0])
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
                           "ownerReferences": [ctl.c.owner_ref(dep)]},
              "spec": {"replicas": 0, "minReadySeconds": spec.get("minReadySeconds", 0), "selector": selector,
                       "template": tmpl}}
        new_rs = ctl.c.create(rs)
        if new_rs is None:  # name taken by a stale ReplicaSet: let GC clear it, then retry
            ctl.enqueue(("Deployment", ns, name), 0.2)
            return
        rss.append(new_rs)
        max_rev += 1
    if new_rs is not None and _rs_revision(new_rs) < max_rev and any(_rs_revision(r) == max_rev and r is not new_rs for r in rss):
        podutil.meta(new_rs).setdefault("annotations", {})[REVISION] = str(max_rev + 1)
        new_rs = ctl.c.write(new_rs)
    if new_rs is not None and dep["metadata"].get("annotations", {}).get(REVISION) != podutil.meta(new_rs)["annotations"][REVISION]:
        podutil.meta(dep).setdefault("annotations", {})[REVISION] = new_rs["metadata"]["annotations"][REVISION]
        dep = ctl.c.write(dep)
    olds = [r for r in rss if new_rs is None or r["metadata"]["uid"] != new_rs["metadata"]["uid"]]
    strategy = (spec.get("strategy") or {}).get("type", "RollingUpdate")
    max_unavailable = _pct((spec.get("strategy") or {}).get("rollingUpdate", {}).get("maxUnavailable", "25%"), desired, False)
    if strategy == "Recreate":
        max_unavailable = desired
    if new_rs is not None and not paused:
        old_pods_left = any(r["status"].get("replicas", 0) if r.get("status") else 0 for r in olds)
        if not (strategy == "Recreate" and old_pods_left):
            new_rs = _scale(ctl, new_rs, desired, dep, "deployment-controller")
        available = (new_rs.get("status") or {}).get("availableReplicas", 0)
        if strategy == "Recreate" or available >= max(0, desired - max_unavailable):
            for r in olds:
                _scale(ctl, r, 0, dep, "deployment-controller")
    # Keep revisionHistoryLimit scaled-down ReplicaSets, the oldest go first.
    idle = [r for r in olds if r["spec"].get("replicas", 0) == 0 and not (r.get("status") or {}).get("replicas")]
    for r in sorted(idle, key=_rs_revision)[:max(0, len(idle) - spec.get("revisionHistoryLimit", 10))]:
        ctl.c.delete(r)
    _deployment_status(ctl, dep, new_rs, olds, desired, max_unavailable)


def _deployment_status(ctl, dep, new_rs, olds, desired, max_unavailable):
    ns = dep["metadata"]["namespace"]
    current = [ctl.c.get("apps/v1", "ReplicaSet", ns, r["metadata"]["name"]) for r in ([new_rs] if new_rs else []) + olds]
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
            ctl.enqueue(("Deployment", ns, dep["metadata"]["name"]), min(deadline, 5) + 0.5)
    order = {"Available": 0, "Progressing": 1}
    status["conditions"] = sorted(conds, key=lambda c: order.get(c["type"], 2))
    ctl.write_status(dep, status)


def _scale(ctl, rs, replicas, owner, component):
    old = rs["spec"].get("replicas", 1)
    if old == replicas:
        return rs
    rs["spec"]["replicas"] = replicas
    podutil.meta(rs)["generation"] = rs["metadata"].get("generation", 1) + 1
    anns = podutil.meta(rs).setdefault("annotations", {})
    anns["deployment.kubernetes.io/desired-replicas"] = str(owner["spec"].get("replicas", 1))
    word = "up" if replicas > old else "down"
    ctl.c.event(owner, "Normal", "ScalingReplicaSet",
                f"Scaled {word} replica set {rs['metadata']['name']} from {old} to {replicas}", component)
    return ctl.c.write(rs)


def replica_set(ctl, ns, name):
    rs = ctl.c.get("apps/v1", "ReplicaSet", ns, name)
    if not rs or rs["metadata"].get("deletionTimestamp"):
        return
    pods = [p for p in ctl.c.owned_by(rs, "v1", "Pod") if podutil.active(p)]
    desired = rs["spec"].get("replicas", 1)
    for _ in range(desired - len(pods)):
        created = podutil.create_pod(ctl, rs, podutil.new_pod(ctl, rs, rs["spec"].get("template") or {}), "replicaset-controller")
        if created is None:
            break
        pods.append(created)
    if len(pods) > desired:
        doomed = sorted(pods, key=lambda p: (podutil.ready(p), p["metadata"]["creationTimestamp"]))[:len(pods) - desired]
        for p in doomed:
            ctl.c.delete(p)
            ctl.c.event(rs, "Normal", "SuccessfulDelete", f"Deleted pod: {p['metadata']['name']}", "replicaset-controller")
        pods = [p for p in pods if p not in doomed]
    ready = sum(1 for p in pods if podutil.ready(p))
    status = {"replicas": len(pods), "fullyLabeledReplicas": len(pods), "readyReplicas": ready,
              "availableReplicas": ready, "observedGeneration": rs["metadata"].get("generation", 1)}
    status = {k: v for k, v in status.items() if v or k in ("replicas", "observedGeneration")}
    ctl.write_status(rs, status)


def _pct(value, total, round_up):
    if isinstance(value, str) and value.endswith("%"):
        x = int(value[:-1]) * total / 100.0
        return int(-(-x // 1)) if round_up else int(x // 1)
    return int(value or 0)


def _without_hash(template):
    t = clone(template or {})
    labels = t.get("metadata", {}).get("labels")
    if labels:
        labels.pop(POD_TEMPLATE_HASH, None)
    return t


def _rs_revision(rs):
    try:
        return int((rs["metadata"].get("annotations") or {}).get(REVISION, "0"))
    except ValueError:
        return 0


def _age_seconds(ts):
    try:
        then = datetime.datetime.strptime(ts[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    except (TypeError, ValueError):
        return 0
    return (datetime.datetime.now(datetime.timezone.utc) - then).total_seconds()
