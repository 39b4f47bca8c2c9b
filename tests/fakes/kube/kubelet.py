"""The scheduler and the kubelet, simulated for pods.

A pod is scheduled onto a Ready node that matches its node selector and whose taints it
tolerates, once its PVCs are bound; then its containers start (Events Pulled, Created,
Started and a log) and it is Running and Ready. Pods with restartPolicy Never/OnFailure run
to Succeeded, or Failed for Helm test hooks under --test-fail. Pods of workloads named by
--never-ready stay not Ready: CrashLoopBackOff (restarts counting every 2 s) or
ImagePullBackOff, with the Events and log text a real kubelet would give.
"""

from . import podutil
from .cluster import condition, set_condition
from .store import now

NODE_IP_DEFAULT = "192.168.65.3"


def run_pod(ctl, ns, name):
    """Schedules, starts, finishes or fails a pod, one step per call."""
    pod = ctl.c.get("v1", "Pod", ns, name)
    if not pod:
        return
    if pod["metadata"].get("deletionTimestamp"):
        if not pod["metadata"].get("finalizers"):
            ctl.c.delete(pod)
        return
    if not pod["spec"].get("nodeName"):
        _schedule(ctl, pod)
        return
    phase = podutil.phase(pod)
    if phase in ("Succeeded", "Failed"):
        return
    owner_name, owner_kind = _top_owner_name(ctl, pod)
    never = owner_kind in ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet") and \
        ctl.opts.is_never_ready(owner_name, ns)
    one_shot = pod["spec"].get("restartPolicy") in ("Never", "OnFailure")
    if never:
        _never_ready(ctl, pod, owner_name)
    elif phase == "Pending":
        _start(ctl, pod)
        if one_shot:
            ctl.enqueue(("Pod", ns, name), ctl.opts.ready_delay)
    elif one_shot:
        fail = ctl.opts.test_fail and (podutil.hook_is_test(pod) or _job_is_test(ctl, pod))
        _finish(ctl, pod, fail)


def _schedule(ctl, pod):
    ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
    conds = pod.get("status", {}).get("conditions") or []
    unbound = _unbound_claims(ctl, pod)
    node, count = _node_for(ctl, pod)
    if unbound and all(why == "waiting" for _, why in unbound):
        return  # the claims bind now that this pod uses them; their writes requeue the pod
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
            ctl.c.write(pod)
            ctl.c.event(pod, "Warning", "FailedScheduling", msg, "default-scheduler")
        return
    pod["spec"]["nodeName"] = node["metadata"]["name"]
    pod["status"] = {"phase": "Pending", "conditions": set_condition(conds, condition("PodScheduled", "True", probe_time=True)),
                     "qosClass": podutil.qos(pod["spec"])}
    ctl.c.write(pod)
    ctl.c.event(pod, "Normal", "Scheduled", f"Successfully assigned {ns}/{name} to {node['metadata']['name']}",
                "default-scheduler")
    ctl.enqueue(("Pod", ns, name), ctl.opts.ready_delay)


def _node_for(ctl, pod):
    nodes = ctl.store.list("/nodes")[0]
    wanted = pod["spec"].get("nodeSelector") or {}
    fits = [n for n in nodes if podutil.node_ready(n) and not n.get("spec", {}).get("unschedulable")
            and all((n["metadata"].get("labels") or {}).get(k) == v for k, v in wanted.items())
            and not podutil.untolerated_taint(n, pod)]
    return fits[0] if fits else None, len(nodes)


def _unbound_claims(ctl, pod):
    ns = pod["metadata"]["namespace"]
    out = []
    for v in pod["spec"].get("volumes") or []:
        claim = (v.get("persistentVolumeClaim") or {}).get("claimName")
        if claim:
            pvc = ctl.c.get("v1", "PersistentVolumeClaim", ns, claim)
            if pvc is None:
                out.append((claim, "missing"))
            elif pvc.get("status", {}).get("phase") != "Bound":
                sc = ctl.c.get("storage.k8s.io/v1", "StorageClass", None, pvc["spec"].get("storageClassName") or "")
                waiting = (sc or {}).get("volumeBindingMode") == "WaitForFirstConsumer"
                out.append((claim, "waiting" if waiting else "unbound"))
    return out


def _top_owner_name(ctl, pod):
    """The workload name --never-ready is matched against, and its kind."""
    ref = ctl.c.controller_of(pod)
    if not ref:
        return None, None
    if ref["kind"] == "ReplicaSet":
        rs = ctl.c.get("apps/v1", "ReplicaSet", pod["metadata"]["namespace"], ref["name"])
        dep = ctl.c.controller_of(rs) if rs else None
        if dep and dep.get("kind") == "Deployment":
            return dep["name"], "Deployment"
    return ref["name"], ref["kind"]


def _job_is_test(ctl, pod):
    ref = ctl.c.controller_of(pod)
    if ref and ref["kind"] == "Job":
        job = ctl.c.get("batch/v1", "Job", pod["metadata"]["namespace"], ref["name"])
        return bool(job) and podutil.hook_is_test(job)
    return False


def _base_status(ctl, pod):
    node = ctl.c.get("v1", "Node", None, pod["spec"]["nodeName"]) or {}
    host_ip = next((a["address"] for a in node.get("status", {}).get("addresses") or [] if a.get("type") == "InternalIP"),
                   NODE_IP_DEFAULT)
    st = pod.get("status") or {}
    pod_ip = st.get("podIP") or (host_ip if pod["spec"].get("hostNetwork") else ctl.c.next_pod_ip(node))
    return {"phase": st.get("phase", "Pending"), "conditions": st.get("conditions") or [],
            "hostIP": host_ip, "hostIPs": [{"ip": host_ip}], "podIP": pod_ip, "podIPs": [{"ip": pod_ip}],
            "startTime": st.get("startTime") or now(), "qosClass": st.get("qosClass") or podutil.qos(pod["spec"])}


def _init_statuses(ctl, pod):
    return [{"name": c["name"], "state": {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": now(),
                                                         "finishedAt": now(), "containerID": podutil.container_id(pod, c)}},
             "lastState": {}, "ready": True, "restartCount": 0, "image": c.get("image", ""),
             "imageID": podutil.image_id(c), "containerID": podutil.container_id(pod, c), "started": False}
            for c in pod["spec"].get("initContainers") or []]


def _start(ctl, pod):
    ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
    st = _base_status(ctl, pod)
    st["phase"] = "Running"
    started = now()
    statuses = [{"name": c["name"], "state": {"running": {"startedAt": started}}, "lastState": {}, "ready": True,
                 "restartCount": 0, "image": c.get("image", ""), "imageID": podutil.image_id(c),
                 "containerID": podutil.container_id(pod, c), "started": True} for c in pod["spec"].get("containers") or []]
    conds = st["conditions"]
    for ctype in ("PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady"):
        conds = set_condition(conds, condition(ctype, "True", probe_time=True))
    st["conditions"] = _ordered(conds)
    st["containerStatuses"] = statuses
    if pod["spec"].get("initContainers"):
        st["initContainerStatuses"] = _init_statuses(ctl, pod)
    pod["status"] = st
    ctl.c.write(pod)
    for c in (pod["spec"].get("initContainers") or []) + (pod["spec"].get("containers") or []):
        _container_events(ctl, pod, c)
        ctl.c.set_log(ns, name, c["name"], _startup_log(pod, c))


def _container_events(ctl, pod, c):
    path = f"spec.containers{{{c['name']}}}"
    ctl.c.event(pod, "Normal", "Pulled", f'Container image "{c.get("image", "")}" already present on machine',
                "kubelet", path)
    ctl.c.event(pod, "Normal", "Created", f"Created container: {c['name']}", "kubelet", path)
    ctl.c.event(pod, "Normal", "Started", f"Started container {c['name']}", "kubelet", path)


def _finish(ctl, pod, fail):
    ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
    st = _base_status(ctl, pod)
    st["phase"] = "Failed" if fail else "Succeeded"
    code, reason = (1, "Error") if fail else (0, "Completed")
    statuses = []
    for c, old in zip(pod["spec"].get("containers") or [], pod["status"].get("containerStatuses") or [{}] * 99):
        started = ((old.get("state") or {}).get("running") or {}).get("startedAt") or now()
        statuses.append({"name": c["name"], "state": {"terminated": {"exitCode": code, "reason": reason,
                                                                     "startedAt": started, "finishedAt": now(),
                                                                     "containerID": podutil.container_id(pod, c)}},
                         "lastState": {}, "ready": False, "restartCount": 0, "image": c.get("image", ""),
                         "imageID": podutil.image_id(c), "containerID": podutil.container_id(pod, c), "started": False})
        log = ctl.c.get_log(ns, name, c["name"]) or ""
        if fail:
            log += (f"wget: can't connect to remote host: Connection refused\n"
                    f"[fake-kube-api] container {c['name']} exited with code 1: the stand-in was started with "
                    f"--test-fail, so Helm test pods fail.\n")
        else:
            log += f"[fake-kube-api] container {c['name']} completed (exit code 0).\n"
        ctl.c.set_log(ns, name, c["name"], log)
    conds = st["conditions"]
    conds = set_condition(conds, condition("PodReadyToStartContainers", "False", probe_time=True))
    for ctype in ("Ready", "ContainersReady"):
        conds = set_condition(conds, condition(ctype, "False", "PodFailed" if fail else "PodCompleted", probe_time=True))
    st["conditions"] = _ordered(conds)
    st["containerStatuses"] = statuses
    pod["status"] = st
    ctl.c.write(pod)


def _never_ready(ctl, pod, owner_name):
    ns, name = pod["metadata"]["namespace"], pod["metadata"]["name"]
    old = pod.get("status") or {}
    restarts = max([c.get("restartCount", 0) for c in old.get("containerStatuses") or []] or [0])
    crash = ctl.opts.never_ready_reason != "ImagePullBackOff"
    st = _base_status(ctl, pod)
    containers = pod["spec"].get("containers") or []
    names = " ".join(c["name"] for c in containers)
    statuses = []
    for c in containers:
        if crash:
            state = {"waiting": {"reason": "CrashLoopBackOff",
                                 "message": f"back-off {min(10 * 2 ** restarts, 300)}s restarting failed container={c['name']} pod={name}_{ns}({pod['metadata']['uid']})"}}
            last = {"terminated": {"exitCode": 1, "reason": "Error", "startedAt": now(), "finishedAt": now(),
                                   "containerID": podutil.container_id(pod, c)}}
            statuses.append({"name": c["name"], "state": state, "lastState": last, "ready": False,
                             "restartCount": restarts + 1, "image": c.get("image", ""), "imageID": podutil.image_id(c),
                             "containerID": podutil.container_id(pod, c), "started": False})
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
        st["initContainerStatuses"] = _init_statuses(ctl, pod)
    first = not old.get("containerStatuses")
    pod["status"] = st
    ctl.c.write(pod)
    for c in containers:
        path = f"spec.containers{{{c['name']}}}"
        image = c.get("image", "")
        if crash:
            if first:
                _container_events(ctl, pod, c)
            ctl.c.event(pod, "Warning", "BackOff", f"Back-off restarting failed container {c['name']} in pod "
                        f"{name}_{ns}({pod['metadata']['uid']})", "kubelet", path)
            ctl.c.set_log(ns, name, c["name"],
                          f"[fake-kube-api] container {c['name']} (image {image}) starting\n"
                          f"Error: the application exited with code 1 during startup\n"
                          f"[fake-kube-api] simulated crash: the stand-in was started with --never-ready "
                          f"matching workload \"{owner_name}\", so its pods restart in CrashLoopBackOff.\n")
        else:
            if first:
                repo = image.split(":", 1)[0]
                ctl.c.event(pod, "Normal", "Pulling", f'Pulling image "{image}"', "kubelet", path)
                ctl.c.event(pod, "Warning", "Failed",
                            f'Failed to pull image "{image}": Error response from daemon: pull access denied for '
                            f"{repo}, repository does not exist or may require 'docker login': denied: requested "
                            f"access to the resource is denied", "kubelet", path)
                ctl.c.event(pod, "Warning", "Failed", "Error: ErrImagePull", "kubelet", path)
            ctl.c.event(pod, "Normal", "BackOff", f'Back-off pulling image "{image}"', "kubelet", path)
            ctl.c.event(pod, "Warning", "Failed", "Error: ImagePullBackOff", "kubelet", path)
    if restarts < 20:
        ctl.enqueue(("Pod", ns, name), 2.0)


def _ordered(conds):
    order = {"PodReadyToStartContainers": 0, "Initialized": 1, "Ready": 2, "ContainersReady": 3, "PodScheduled": 4}
    return sorted(conds, key=lambda c: order.get(c["type"], 9))


def _startup_log(pod, c):
    return (f"[fake-kube-api] container {c['name']} (image {c.get('image', '')}) started in pod "
            f"{pod['metadata']['namespace']}/{pod['metadata']['name']} on node {pod['spec'].get('nodeName')}\n"
            f"[fake-kube-api] simulated: no process runs; the container reports Ready at once.\n")
