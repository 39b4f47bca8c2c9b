"""Pod helpers the simulated controllers share: pod state predicates, the pods a workload
creates from its template (with the ServiceAccount admission check), QoS, node fitness."""

import hashlib

from .store import clone


def meta(o):
    return o.setdefault("metadata", {})


def ready(pod):
    return any(c.get("type") == "Ready" and c.get("status") == "True" for c in pod.get("status", {}).get("conditions") or [])


def phase(pod):
    return pod.get("status", {}).get("phase", "Pending")


def active(pod):
    return phase(pod) not in ("Succeeded", "Failed") and not pod["metadata"].get("deletionTimestamp")


def hook_is_test(obj):
    hooks = (obj.get("metadata", {}).get("annotations") or {}).get("helm.sh/hook", "")
    return any(h.strip().startswith("test") for h in hooks.split(","))


def new_pod(ctl, owner, template, name=None, extra_labels=None):
    md = template.get("metadata") or {}
    labels = dict(md.get("labels") or {})
    labels.update(extra_labels or {})
    pod_md = {"namespace": owner["metadata"]["namespace"], "labels": labels,
              "ownerReferences": [ctl.c.owner_ref(owner)]}
    if md.get("annotations"):
        pod_md["annotations"] = dict(md["annotations"])
    if name:
        pod_md["name"] = name
    else:
        pod_md["generateName"] = owner["metadata"]["name"] + "-"
    return {"apiVersion": "v1", "kind": "Pod", "metadata": pod_md, "spec": clone(template.get("spec") or {}),
            "status": {"phase": "Pending", "qosClass": qos(template.get("spec") or {})}}


def create_pod(ctl, owner, pod, component):
    missing = service_account_missing(ctl, owner["metadata"]["namespace"], pod["spec"])
    if missing:
        ctl.c.event(owner, "Warning", "FailedCreate",
                    f'Error creating: pods "{pod["metadata"].get("name") or pod["metadata"]["generateName"]}" is forbidden: {missing}',
                    component)
        return None
    created = ctl.c.create(pod)
    if created:
        ctl.c.event(owner, "Normal", "SuccessfulCreate", f"Created pod: {created['metadata']['name']}", component)
    return created


def service_account_missing(ctl, ns, spec):
    sa = spec.get("serviceAccountName") or "default"
    if ctl.c.get("v1", "ServiceAccount", ns, sa) is None:
        return f"error looking up service account {ns}/{sa}: serviceaccount \"{sa}\" not found"
    return None


def qos(spec):
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


def node_ready(node):
    return any(c.get("type") == "Ready" and c.get("status") == "True" for c in node.get("status", {}).get("conditions") or [])


def untolerated_taint(node, pod):
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


def container_id(pod, c):
    return "docker://" + _sha(pod["metadata"].get("uid", "") + c["name"])


def image_id(c):
    return "docker-pullable://" + c.get("image", "").split(":", 1)[0] + "@sha256:" + _sha(c.get("image", ""))


def _sha(text):
    return hashlib.sha256(text.encode()).hexdigest()
