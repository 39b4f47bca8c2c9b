"""meta.k8s.io/v1 Table output for `kubectl get`, with the columns the real server prints for
the kinds used here and Name/Age for the others."""

import datetime


def _age(ts):
    if not ts:
        return "<unknown>"
    try:
        then = datetime.datetime.strptime(ts[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    except ValueError:
        return "<unknown>"
    s = max(0, int((datetime.datetime.now(datetime.timezone.utc) - then).total_seconds()))
    if s < 120:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m{s % 60}s" if s < 600 else f"{s // 60}m"
    if s < 86400:
        return f"{s // 3600}h{(s % 3600) // 60}m" if s < 28800 else f"{s // 3600}h"
    return f"{s // 86400}d"


def _md(o):
    return o.get("metadata", {})


def _pod_status(p):
    st = p.get("status", {})
    if _md(p).get("deletionTimestamp"):
        return "Terminating"
    reason = st.get("reason") or st.get("phase", "Pending")
    for cs in st.get("initContainerStatuses") or []:
        w = (cs.get("state") or {}).get("waiting")
        if w and w.get("reason") and w["reason"] != "PodInitializing":
            return f"Init:{w['reason']}"
    for cs in st.get("containerStatuses") or []:
        state = cs.get("state") or {}
        if state.get("waiting", {}).get("reason"):
            reason = state["waiting"]["reason"]
        elif state.get("terminated", {}).get("reason"):
            reason = state["terminated"]["reason"]
    return reason


def _pod_row(p):
    st = p.get("status", {})
    statuses = st.get("containerStatuses") or []
    total = len(p.get("spec", {}).get("containers") or [])
    ready = sum(1 for c in statuses if c.get("ready"))
    restarts = sum(c.get("restartCount", 0) for c in statuses)
    return [f"{ready}/{total}", _pod_status(p), restarts, st.get("podIP") or "<none>",
            p.get("spec", {}).get("nodeName") or "<none>", "<none>", "<none>"]


def _ports(svc):
    out = []
    for port in svc.get("spec", {}).get("ports") or []:
        text = str(port.get("port"))
        if port.get("nodePort"):
            text += f":{port['nodePort']}"
        out.append(f"{text}/{port.get('protocol', 'TCP')}")
    return ",".join(out) or "<none>"


def _external(svc):
    spec = svc.get("spec", {})
    if spec.get("type") == "LoadBalancer":
        ing = svc.get("status", {}).get("loadBalancer", {}).get("ingress") or []
        return ",".join(i.get("ip") or i.get("hostname", "") for i in ing) or "<pending>"
    if spec.get("type") == "ExternalName":
        return spec.get("externalName", "<none>")
    return ",".join(spec.get("externalIPs") or []) or "<none>"


def _node_status(n):
    ready = next((c for c in n.get("status", {}).get("conditions") or [] if c.get("type") == "Ready"), None)
    status = "Ready" if ready and ready.get("status") == "True" else "NotReady"
    if n.get("spec", {}).get("unschedulable"):
        status += ",SchedulingDisabled"
    return status


def _roles(n):
    roles = [k.split("/", 1)[1] for k in (_md(n).get("labels") or {}) if k.startswith("node-role.kubernetes.io/")]
    return ",".join(sorted(roles)) or "<none>"


def _sc_name(sc):
    anns = _md(sc).get("annotations") or {}
    default = anns.get("storageclass.kubernetes.io/is-default-class") == "true"
    return _md(sc)["name"] + (" (default)" if default else "")


def _images(spec):
    return ",".join(c.get("image", "") for c in (spec or {}).get("containers") or [])


def _containers(spec):
    return ",".join(c.get("name", "") for c in (spec or {}).get("containers") or [])


def _event_object(e):
    io = e.get("involvedObject") or e.get("regarding") or {}
    return f"{(io.get('kind') or '').lower()}/{io.get('name', '')}"


def _job_status(j):
    conds = {c.get("type"): c.get("status") for c in j.get("status", {}).get("conditions") or []}
    if conds.get("Complete") == "True":
        return "Complete"
    if conds.get("Failed") == "True":
        return "Failed"
    return "Running"


def _pdb_allowed(p):
    return p.get("status", {}).get("disruptionsAllowed", 0)


# kind -> [(column, type, priority, fn(obj))]; Name comes first and Age last unless listed.
C = "string"
COLUMNS = {
    "Pod": [("Ready", C, 0, lambda o: _pod_row(o)[0]), ("Status", C, 0, lambda o: _pod_row(o)[1]),
            ("Restarts", "string", 0, lambda o: str(_pod_row(o)[2])), ("Age", C, 0, None),
            ("IP", C, 1, lambda o: _pod_row(o)[3]), ("Node", C, 1, lambda o: _pod_row(o)[4]),
            ("Nominated Node", C, 1, lambda o: "<none>"), ("Readiness Gates", C, 1, lambda o: "<none>")],
    "Deployment": [("Ready", C, 0, lambda o: f"{o.get('status', {}).get('readyReplicas', 0)}/{o.get('spec', {}).get('replicas', 1)}"),
                   ("Up-to-date", "integer", 0, lambda o: o.get("status", {}).get("updatedReplicas", 0)),
                   ("Available", "integer", 0, lambda o: o.get("status", {}).get("availableReplicas", 0)),
                   ("Age", C, 0, None),
                   ("Containers", C, 1, lambda o: _containers(o["spec"].get("template", {}).get("spec"))),
                   ("Images", C, 1, lambda o: _images(o["spec"].get("template", {}).get("spec")))],
    "ReplicaSet": [("Desired", "integer", 0, lambda o: o.get("spec", {}).get("replicas", 1)),
                   ("Current", "integer", 0, lambda o: o.get("status", {}).get("replicas", 0)),
                   ("Ready", "integer", 0, lambda o: o.get("status", {}).get("readyReplicas", 0)), ("Age", C, 0, None)],
    "StatefulSet": [("Ready", C, 0, lambda o: f"{o.get('status', {}).get('readyReplicas', 0)}/{o.get('spec', {}).get('replicas', 1)}"),
                    ("Age", C, 0, None)],
    "DaemonSet": [("Desired", "integer", 0, lambda o: o.get("status", {}).get("desiredNumberScheduled", 0)),
                  ("Current", "integer", 0, lambda o: o.get("status", {}).get("currentNumberScheduled", 0)),
                  ("Ready", "integer", 0, lambda o: o.get("status", {}).get("numberReady", 0)),
                  ("Up-to-date", "integer", 0, lambda o: o.get("status", {}).get("updatedNumberScheduled", 0)),
                  ("Available", "integer", 0, lambda o: o.get("status", {}).get("numberAvailable", 0)),
                  ("Node Selector", C, 0, lambda o: ",".join(f"{k}={v}" for k, v in (o["spec"].get("template", {}).get("spec", {}).get("nodeSelector") or {}).items()) or "<none>"),
                  ("Age", C, 0, None)],
    "Job": [("Status", C, 0, _job_status),
            ("Completions", C, 0, lambda o: f"{o.get('status', {}).get('succeeded', 0)}/{o.get('spec', {}).get('completions', 1)}"),
            ("Duration", C, 0, lambda o: "1s" if o.get("status", {}).get("completionTime") else ""), ("Age", C, 0, None)],
    "Service": [("Type", C, 0, lambda o: o.get("spec", {}).get("type", "ClusterIP")),
                ("Cluster-IP", C, 0, lambda o: o.get("spec", {}).get("clusterIP") or "<none>"),
                ("External-IP", C, 0, _external), ("Port(s)", C, 0, _ports), ("Age", C, 0, None),
                ("Selector", C, 1, lambda o: ",".join(f"{k}={v}" for k, v in (o.get("spec", {}).get("selector") or {}).items()) or "<none>")],
    "Node": [("Status", C, 0, _node_status), ("Roles", C, 0, _roles), ("Age", C, 0, None),
             ("Version", C, 0, lambda o: o.get("status", {}).get("nodeInfo", {}).get("kubeletVersion", "")),
             ("Internal-IP", C, 1, lambda o: next((a["address"] for a in o.get("status", {}).get("addresses") or [] if a.get("type") == "InternalIP"), "<none>")),
             ("External-IP", C, 1, lambda o: "<none>"),
             ("OS-Image", C, 1, lambda o: o.get("status", {}).get("nodeInfo", {}).get("osImage", "")),
             ("Kernel-Version", C, 1, lambda o: o.get("status", {}).get("nodeInfo", {}).get("kernelVersion", "")),
             ("Container-Runtime", C, 1, lambda o: o.get("status", {}).get("nodeInfo", {}).get("containerRuntimeVersion", ""))],
    "Namespace": [("Status", C, 0, lambda o: o.get("status", {}).get("phase", "Active")), ("Age", C, 0, None)],
    "StorageClass": [("Provisioner", C, 0, lambda o: o.get("provisioner", "")),
                     ("ReclaimPolicy", C, 0, lambda o: o.get("reclaimPolicy", "Delete")),
                     ("VolumeBindingMode", C, 0, lambda o: o.get("volumeBindingMode", "Immediate")),
                     ("AllowVolumeExpansion", "boolean", 0, lambda o: bool(o.get("allowVolumeExpansion", False))),
                     ("Age", C, 0, None)],
    "PersistentVolumeClaim": [("Status", C, 0, lambda o: o.get("status", {}).get("phase", "Pending")),
                              ("Volume", C, 0, lambda o: o.get("spec", {}).get("volumeName", "")),
                              ("Capacity", C, 0, lambda o: o.get("status", {}).get("capacity", {}).get("storage", "")),
                              ("Access Modes", C, 0, lambda o: ",".join({"ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"}.get(m, m) for m in o.get("status", {}).get("accessModes") or [])),
                              ("StorageClass", C, 0, lambda o: o.get("spec", {}).get("storageClassName") or "<unset>"),
                              ("VolumeAttributesClass", C, 0, lambda o: "<unset>"), ("Age", C, 0, None)],
    "PersistentVolume": [("Capacity", C, 0, lambda o: o.get("spec", {}).get("capacity", {}).get("storage", "")),
                         ("Access Modes", C, 0, lambda o: ",".join({"ReadWriteOnce": "RWO"}.get(m, m) for m in o.get("spec", {}).get("accessModes") or [])),
                         ("Reclaim Policy", C, 0, lambda o: o.get("spec", {}).get("persistentVolumeReclaimPolicy", "")),
                         ("Status", C, 0, lambda o: o.get("status", {}).get("phase", "")),
                         ("Claim", C, 0, lambda o: "/".join(filter(None, [o.get("spec", {}).get("claimRef", {}).get("namespace"), o.get("spec", {}).get("claimRef", {}).get("name")]))),
                         ("StorageClass", C, 0, lambda o: o.get("spec", {}).get("storageClassName", "")),
                         ("VolumeAttributesClass", C, 0, lambda o: "<unset>"), ("Reason", C, 0, lambda o: ""), ("Age", C, 0, None)],
    "Secret": [("Type", C, 0, lambda o: o.get("type", "Opaque")), ("Data", "integer", 0, lambda o: len(o.get("data") or {})),
               ("Age", C, 0, None)],
    "ConfigMap": [("Data", "integer", 0, lambda o: len(o.get("data") or {}) + len(o.get("binaryData") or {})), ("Age", C, 0, None)],
    "ServiceAccount": [("Secrets", "integer", 0, lambda o: len(o.get("secrets") or [])), ("Age", C, 0, None)],
    "Event": [("Last Seen", C, 0, lambda o: _age(o.get("lastTimestamp") or o.get("eventTime") or _md(o).get("creationTimestamp"))),
              ("Type", C, 0, lambda o: o.get("type", "")), ("Reason", C, 0, lambda o: o.get("reason", "")),
              ("Object", C, 0, _event_object), ("Message", C, 0, lambda o: (o.get("message") or o.get("note") or "").strip())],
    "Ingress": [("Class", C, 0, lambda o: o.get("spec", {}).get("ingressClassName") or "<none>"),
                ("Hosts", C, 0, lambda o: ",".join(r.get("host", "*") for r in o.get("spec", {}).get("rules") or []) or "*"),
                ("Address", C, 0, lambda o: ",".join(i.get("ip") or i.get("hostname", "") for i in o.get("status", {}).get("loadBalancer", {}).get("ingress") or [])),
                ("Ports", C, 0, lambda o: "80, 443" if o.get("spec", {}).get("tls") else "80"), ("Age", C, 0, None)],
    "IngressClass": [("Controller", C, 0, lambda o: o.get("spec", {}).get("controller", "")),
                     ("Parameters", C, 0, lambda o: "<none>"), ("Age", C, 0, None)],
    "HorizontalPodAutoscaler": [("Reference", C, 0, lambda o: f"{o['spec']['scaleTargetRef'].get('kind')}/{o['spec']['scaleTargetRef'].get('name')}"),
                                ("Targets", C, 0, lambda o: "<unknown>"),
                                ("MinPods", "integer", 0, lambda o: o["spec"].get("minReplicas", 1)),
                                ("MaxPods", "integer", 0, lambda o: o["spec"].get("maxReplicas", 0)),
                                ("Replicas", "integer", 0, lambda o: o.get("status", {}).get("currentReplicas", 0)), ("Age", C, 0, None)],
    "PodDisruptionBudget": [("Min Available", C, 0, lambda o: str(o.get("spec", {}).get("minAvailable", "N/A"))),
                            ("Max Unavailable", C, 0, lambda o: str(o.get("spec", {}).get("maxUnavailable", "N/A"))),
                            ("Allowed Disruptions", "integer", 0, _pdb_allowed), ("Age", C, 0, None)],
    "APIService": [("Service", C, 0, lambda o: "/".join(filter(None, [o.get("spec", {}).get("service", {}).get("namespace"), o.get("spec", {}).get("service", {}).get("name")])) or "Local"),
                   ("Available", C, 0, lambda o: next((f"{c['status']}" + (f" ({c.get('reason')})" if c["status"] != "True" and c.get("reason") else "") for c in o.get("status", {}).get("conditions") or [] if c.get("type") == "Available"), "Unknown")),
                   ("Age", C, 0, None)],
}


def table(kind, objects, include_object, resource_version):
    cols = COLUMNS.get(kind, [("Age", C, 0, None)])
    if kind == "Event":
        defs = [{"name": n, "type": t, "format": "", "description": n, "priority": p} for n, t, p, _ in cols]
    else:
        defs = [{"name": "Name", "type": "string", "format": "name", "description": "Name", "priority": 0}]
        defs += [{"name": n, "type": t, "format": "", "description": n, "priority": p} for n, t, p, _ in cols]
    rows = []
    for o in objects:
        if kind == "StorageClass":
            cells = [_sc_name(o)]
        elif kind == "Event":
            cells = []
        else:
            cells = [_md(o).get("name", "")]
        for _, _, _, fn in cols:
            try:
                cells.append(_age(_md(o).get("creationTimestamp")) if fn is None else fn(o))
            except (KeyError, TypeError, AttributeError):
                cells.append("<unknown>")
        row = {"cells": cells}
        if include_object == "Object":
            row["object"] = o
        elif include_object != "None":
            row["object"] = {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": _md(o)}
        rows.append(row)
    return {"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"resourceVersion": resource_version},
            "columnDefinitions": defs, "rows": rows}


def wants_table(accept):
    for part in (accept or "").split(","):
        params = dict(p.strip().split("=", 1) for p in part.split(";")[1:] if "=" in p)
        if params.get("as") == "Table" and params.get("g") == "meta.k8s.io":
            return True
    return False
