"""The daemonset controller: one pod per node that matches the node selector and whose
taints the pod tolerates, replaced when the template changes."""

from . import podutil, statefulsets


def daemon_set(ctl, ns, name):
    ds = ctl.c.get("apps/v1", "DaemonSet", ns, name)
    if not ds or ds["metadata"].get("deletionTimestamp"):
        return
    template = ds["spec"].get("template") or {}
    rev = statefulsets.controller_revision(ctl, ds, template, "controller-revision-hash")
    wanted = template.get("spec", {}).get("nodeSelector") or {}
    probe = {"spec": template.get("spec") or {}}
    nodes = [n for n in ctl.store.list("/nodes")[0]
             if all((n["metadata"].get("labels") or {}).get(k) == v for k, v in wanted.items())
             and not podutil.untolerated_taint(n, probe)]
    pods = [p for p in ctl.c.owned_by(ds, "v1", "Pod") if podutil.active(p)]
    generation = ds["metadata"].get("generation", 1)
    for node in nodes:
        node_name = node["metadata"]["name"]
        mine = [p for p in pods if p["spec"].get("nodeName") == node_name]
        stale = [p for p in mine if (p["metadata"].get("labels") or {}).get("controller-revision-hash") != rev]
        for p in stale:
            ctl.c.delete(p)
        if len(mine) - len(stale) == 0:
            pod = podutil.new_pod(ctl, ds, template, extra_labels={"controller-revision-hash": rev,
                                                                   "pod-template-generation": str(generation)})
            pod["spec"]["nodeName"] = node_name  # the DaemonSet controller pins pods to their node
            created = podutil.create_pod(ctl, ds, pod, "daemonset-controller")
            if created:
                ctl.c.event(created, "Normal", "Scheduled",
                            f"Successfully assigned {ns}/{created['metadata']['name']} to {node_name}", "default-scheduler")
                ctl.enqueue(("Pod", ns, created["metadata"]["name"]), ctl.opts.ready_delay)
    pods = [p for p in ctl.c.owned_by(ds, "v1", "Pod") if podutil.active(p)]
    updated = [p for p in pods if (p["metadata"].get("labels") or {}).get("controller-revision-hash") == rev]
    ready = sum(1 for p in pods if podutil.ready(p))
    status = {"currentNumberScheduled": len(pods), "desiredNumberScheduled": len(nodes), "numberMisscheduled": 0,
              "numberReady": ready, "numberAvailable": ready, "updatedNumberScheduled": len(updated),
              "observedGeneration": generation}
    if len(nodes) - ready > 0:
        status["numberUnavailable"] = len(nodes) - ready
    ctl.write_status(ds, status)
