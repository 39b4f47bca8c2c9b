"""The statefulset controller: a ControllerRevision per pod template, PVCs from
volumeClaimTemplates, pods `<name>-<ordinal>` created in order (OrderedReady) or together
(Parallel), rolling updates from the highest ordinal, and currentRevision/updateRevision."""

from . import podutil, volumes
from .cluster import stable_hash
from .store import clone


def stateful_set(ctl, ns, name):
    sts = ctl.c.get("apps/v1", "StatefulSet", ns, name)
    if not sts or sts["metadata"].get("deletionTimestamp"):
        return
    spec = sts["spec"]
    replicas = spec.get("replicas", 1)
    template = spec.get("template") or {}
    update_rev = controller_revision(ctl, sts, template, "controller-revision-hash")
    pods = {p["metadata"]["name"]: p for p in ctl.c.owned_by(sts, "v1", "Pod")}
    ordered = spec.get("podManagementPolicy", "OrderedReady") == "OrderedReady"
    for i in range(replicas):
        pod_name = f"{name}-{i}"
        if pod_name in pods:
            if ordered and not podutil.ready(pods[pod_name]):
                break
            continue
        _claims_for(ctl, sts, i)
        pod = podutil.new_pod(ctl, sts, template, pod_name, {"controller-revision-hash": update_rev,
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
        created = podutil.create_pod(ctl, sts, pod, "statefulset-controller")
        if created:
            pods[pod_name] = created
        if ordered:
            break
    for pod_name, p in sorted(pods.items(), key=lambda kv: -_ordinal(kv[0])):
        if _ordinal(pod_name) >= replicas:
            ctl.c.delete(p)
            ctl.c.event(sts, "Normal", "SuccessfulDelete", f"delete Pod {pod_name} in StatefulSet {name} successful",
                        "statefulset-controller")
            del pods[pod_name]
    live = [p for p in pods.values() if podutil.active(p)]
    outdated = [p for p in live if (p["metadata"].get("labels") or {}).get("controller-revision-hash") != update_rev]
    partition = ((spec.get("updateStrategy") or {}).get("rollingUpdate") or {}).get("partition", 0)
    rolling = (spec.get("updateStrategy") or {}).get("type", "RollingUpdate") == "RollingUpdate"
    if rolling and outdated and all(podutil.ready(p) for p in live):
        victim = max(outdated, key=lambda p: _ordinal(p["metadata"]["name"]))
        if _ordinal(victim["metadata"]["name"]) >= partition:
            ctl.c.delete(victim)
            ctl.enqueue(("StatefulSet", ns, name))
    live = [p for p in ctl.c.owned_by(sts, "v1", "Pod") if podutil.active(p)]
    updated = [p for p in live if (p["metadata"].get("labels") or {}).get("controller-revision-hash") == update_rev]
    ready = sum(1 for p in live if podutil.ready(p))
    old_status = sts.get("status") or {}
    current_rev = old_status.get("currentRevision") or update_rev
    if len(updated) == replicas and all(podutil.ready(p) for p in updated):
        current_rev = update_rev
    status = {"observedGeneration": sts["metadata"].get("generation", 1), "replicas": len(live),
              "readyReplicas": ready, "currentReplicas": len(updated) if current_rev == update_rev else len(live) - len(updated),
              "updatedReplicas": len(updated), "currentRevision": current_rev, "updateRevision": update_rev,
              "collisionCount": 0, "availableReplicas": ready}
    status = {k: v for k, v in status.items() if v or k in ("replicas", "observedGeneration", "collisionCount", "availableReplicas")}
    ctl.write_status(sts, status)


def _claims_for(ctl, sts, i):
    ns, name = sts["metadata"]["namespace"], sts["metadata"]["name"]
    policy = (sts["spec"].get("persistentVolumeClaimRetentionPolicy") or {}).get("whenDeleted", "Retain")
    for tmpl in sts["spec"].get("volumeClaimTemplates") or []:
        claim_name = f"{tmpl['metadata']['name']}-{name}-{i}"
        if ctl.c.get("v1", "PersistentVolumeClaim", ns, claim_name):
            continue
        labels = dict((tmpl.get("metadata") or {}).get("labels") or {})
        labels.update((sts["spec"].get("selector") or {}).get("matchLabels") or {})
        md = {"name": claim_name, "namespace": ns, "labels": labels}
        if (tmpl.get("metadata") or {}).get("annotations"):
            md["annotations"] = dict(tmpl["metadata"]["annotations"])
        if policy == "Delete":
            md["ownerReferences"] = [ctl.c.owner_ref(sts)]
        claim = {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": md,
                 "spec": clone(tmpl.get("spec") or {}), "status": {"phase": "Pending"}}
        volumes.default_storage_class(ctl, claim)
        if ctl.c.create(claim):
            ctl.c.event(sts, "Normal", "SuccessfulCreate",
                        f"create Claim {claim_name} Pod {name}-{i} in StatefulSet {name} success",
                        "statefulset-controller")


def controller_revision(ctl, owner, template, label):
    """The ControllerRevision for owner's current template: (name, revision number)."""
    ns, name = owner["metadata"]["namespace"], owner["metadata"]["name"]
    rev_name = f"{name}-{stable_hash(template)}"
    revs = ctl.c.owned_by(owner, "apps/v1", "ControllerRevision")
    existing = next((r for r in revs if r["metadata"]["name"] == rev_name), None)
    top = max([r.get("revision", 0) for r in revs] or [0])
    if existing is None:
        ctl.c.create({"apiVersion": "apps/v1", "kind": "ControllerRevision",
                      "metadata": {"name": rev_name, "namespace": ns,
                                    "labels": dict((template.get("metadata") or {}).get("labels") or {}, **{label: rev_name}),
                                    "ownerReferences": [ctl.c.owner_ref(owner)]},
                      "data": {"spec": {"template": dict(clone(template), **{"$patch": "replace"})}},
                      "revision": top + 1})
    elif existing.get("revision", 0) < top:
        existing["revision"] = top + 1
        ctl.c.write(existing)
    return rev_name


def _ordinal(pod_name):
    try:
        return int(pod_name.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return -1
