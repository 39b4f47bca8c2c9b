"""The defaults the API server fills in on write, for the kinds charts use.

They matter to clients: Helm 3 compares a Deployment's pod template with its ReplicaSets',
kstatus reads spec.progressDeadlineSeconds, kubectl prints imagePullPolicy and protocols.
"""


def _set(d, key, value):
    if d.get(key) is None:
        d[key] = value


def _image_pull_policy(image):
    name = (image or "").rsplit("/", 1)[-1]
    if "@" in name:
        return "IfNotPresent"
    tag = name.split(":", 1)[1] if ":" in name else ""
    return "Always" if tag in ("", "latest") else "IfNotPresent"


def _probe(p):
    if not isinstance(p, dict):
        return
    for k, v in (("timeoutSeconds", 1), ("periodSeconds", 10), ("successThreshold", 1), ("failureThreshold", 3)):
        _set(p, k, v)
    if isinstance(p.get("httpGet"), dict):
        _set(p["httpGet"], "scheme", "HTTP")
        _set(p["httpGet"], "path", "/")


def _container(c):
    _set(c, "terminationMessagePath", "/dev/termination-log")
    _set(c, "terminationMessagePolicy", "File")
    _set(c, "imagePullPolicy", _image_pull_policy(c.get("image")))
    _set(c, "resources", {})
    for port in c.get("ports") or []:
        _set(port, "protocol", "TCP")
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        _probe(c.get(probe))
    for env in c.get("env") or []:
        field_ref = (env.get("valueFrom") or {}).get("fieldRef")
        if isinstance(field_ref, dict):
            _set(field_ref, "apiVersion", "v1")


def pod_spec(spec):
    if not isinstance(spec, dict):
        return
    _set(spec, "restartPolicy", "Always")
    _set(spec, "terminationGracePeriodSeconds", 30)
    _set(spec, "dnsPolicy", "ClusterFirst")
    _set(spec, "securityContext", {})
    _set(spec, "schedulerName", "default-scheduler")
    if spec.get("serviceAccountName") and not spec.get("serviceAccount"):
        spec["serviceAccount"] = spec["serviceAccountName"]
    for c in (spec.get("containers") or []) + (spec.get("initContainers") or []):
        if isinstance(c, dict):
            _container(c)
    for v in spec.get("volumes") or []:
        for kind in ("secret", "configMap"):
            if isinstance(v.get(kind), dict):
                _set(v[kind], "defaultMode", 420)
        if isinstance(v.get("projected"), dict):
            _set(v["projected"], "defaultMode", 420)


def _template(spec):
    tmpl = spec.get("template")
    if isinstance(tmpl, dict):
        tmpl.setdefault("metadata", {})
        pod_spec(tmpl.get("spec"))


def deployment(obj):
    spec = obj.setdefault("spec", {})
    _set(spec, "replicas", 1)
    _set(spec, "revisionHistoryLimit", 10)
    _set(spec, "progressDeadlineSeconds", 600)
    strategy = spec.setdefault("strategy", {})
    _set(strategy, "type", "RollingUpdate")
    if strategy["type"] == "RollingUpdate":
        ru = strategy.setdefault("rollingUpdate", {})
        _set(ru, "maxSurge", "25%")
        _set(ru, "maxUnavailable", "25%")
    _template(spec)


def replica_set(obj):
    spec = obj.setdefault("spec", {})
    _set(spec, "replicas", 1)
    _template(spec)


def stateful_set(obj):
    spec = obj.setdefault("spec", {})
    _set(spec, "replicas", 1)
    _set(spec, "podManagementPolicy", "OrderedReady")
    _set(spec, "revisionHistoryLimit", 10)
    strategy = spec.setdefault("updateStrategy", {})
    _set(strategy, "type", "RollingUpdate")
    if strategy["type"] == "RollingUpdate":
        _set(strategy.setdefault("rollingUpdate", {}), "partition", 0)
    policy = spec.setdefault("persistentVolumeClaimRetentionPolicy", {})
    _set(policy, "whenDeleted", "Retain")
    _set(policy, "whenScaled", "Retain")
    for claim in spec.get("volumeClaimTemplates") or []:
        claim.setdefault("apiVersion", "v1")
        claim.setdefault("kind", "PersistentVolumeClaim")
        _set(claim.setdefault("spec", {}), "volumeMode", "Filesystem")
        claim.setdefault("status", {"phase": "Pending"})
    _template(spec)


def daemon_set(obj):
    spec = obj.setdefault("spec", {})
    _set(spec, "revisionHistoryLimit", 10)
    strategy = spec.setdefault("updateStrategy", {})
    _set(strategy, "type", "RollingUpdate")
    if strategy["type"] == "RollingUpdate":
        ru = strategy.setdefault("rollingUpdate", {})
        _set(ru, "maxUnavailable", 1)
        _set(ru, "maxSurge", 0)
    _template(spec)


def job(obj):
    spec = obj.setdefault("spec", {})
    _set(spec, "parallelism", 1)
    _set(spec, "completions", 1)
    _set(spec, "backoffLimit", 6)
    _set(spec, "completionMode", "NonIndexed")
    _set(spec, "suspend", False)
    _set(spec, "podReplacementPolicy", "TerminatedOrFailed")
    uid = obj.get("metadata", {}).get("uid")
    if uid and not spec.get("selector"):
        spec["selector"] = {"matchLabels": {"batch.kubernetes.io/controller-uid": uid}}
        labels = spec.setdefault("template", {}).setdefault("metadata", {}).setdefault("labels", {})
        labels.setdefault("batch.kubernetes.io/controller-uid", uid)
        labels.setdefault("batch.kubernetes.io/job-name", obj["metadata"]["name"])
        labels.setdefault("controller-uid", uid)
        labels.setdefault("job-name", obj["metadata"]["name"])
    _template(spec)


def cron_job(obj):
    spec = obj.setdefault("spec", {})
    _set(spec, "concurrencyPolicy", "Allow")
    _set(spec, "suspend", False)
    _set(spec, "successfulJobsHistoryLimit", 3)
    _set(spec, "failedJobsHistoryLimit", 1)
    jt = spec.setdefault("jobTemplate", {}).setdefault("spec", {})
    _set(jt, "backoffLimit", 6)
    _set(jt, "completionMode", "NonIndexed")
    _template(jt)


def service(obj):
    spec = obj.setdefault("spec", {})
    _set(spec, "type", "ClusterIP")
    _set(spec, "sessionAffinity", "None")
    if spec["type"] != "ExternalName":
        _set(spec, "ipFamilies", ["IPv4"])
        _set(spec, "ipFamilyPolicy", "SingleStack")
        _set(spec, "internalTrafficPolicy", "Cluster")
    if spec["type"] in ("NodePort", "LoadBalancer"):
        _set(spec, "externalTrafficPolicy", "Cluster")
    if spec["type"] == "LoadBalancer":
        _set(spec, "allocateLoadBalancerNodePorts", True)
    for port in spec.get("ports") or []:
        _set(port, "protocol", "TCP")
        _set(port, "targetPort", port.get("port"))


def namespace(obj):
    obj.setdefault("metadata", {}).setdefault("labels", {})["kubernetes.io/metadata.name"] = obj["metadata"]["name"]
    _set(obj.setdefault("spec", {}), "finalizers", ["kubernetes"])


def secret(obj):
    _set(obj, "type", "Opaque")


def pvc(obj):
    spec = obj.setdefault("spec", {})
    _set(spec, "volumeMode", "Filesystem")


def persistent_volume(obj):
    spec = obj.setdefault("spec", {})
    _set(spec, "persistentVolumeReclaimPolicy", "Retain")
    _set(spec, "volumeMode", "Filesystem")


def storage_class(obj):
    _set(obj, "reclaimPolicy", "Delete")
    _set(obj, "volumeBindingMode", "Immediate")


def network_policy(obj):
    spec = obj.setdefault("spec", {})
    if spec.get("policyTypes") is None:
        spec["policyTypes"] = ["Ingress"] + (["Egress"] if spec.get("egress") else [])


def pod(obj):
    pod_spec(obj.setdefault("spec", {}))
    spec = obj["spec"]
    _set(spec, "enableServiceLinks", True)
    _set(spec, "preemptionPolicy", "PreemptLowerPriority")
    _set(spec, "priority", 0)
    if not spec.get("serviceAccountName"):
        spec["serviceAccountName"] = "default"
        spec["serviceAccount"] = "default"
    _set(spec, "tolerations", [
        {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
        {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
    ])


BY_KIND = {
    "Deployment": deployment, "ReplicaSet": replica_set, "StatefulSet": stateful_set, "DaemonSet": daemon_set,
    "Job": job, "CronJob": cron_job, "Service": service, "Namespace": namespace, "Secret": secret,
    "PersistentVolumeClaim": pvc, "PersistentVolume": persistent_volume, "StorageClass": storage_class,
    "NetworkPolicy": network_policy, "Pod": pod, "ReplicationController": replica_set,
}


def apply_defaults(kind, obj):
    fn = BY_KIND.get(kind)
    if fn:
        fn(obj)
    if kind == "PodTemplate" and isinstance(obj.get("template"), dict):
        pod_spec(obj["template"].get("spec"))
