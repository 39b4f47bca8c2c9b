"""The resource types the stand-in serves, as data.

Each entry names what discovery tells clients (plural, kind, scope, verbs, short names,
categories, subresources). Two entries may share one storage (`events` in core/v1 and in
events.k8s.io/v1); the server converts between their shapes.
"""

from dataclasses import dataclass, field

ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
CREATE_ONLY = ["create"]


@dataclass
class ResourceType:
    group: str
    version: str
    kind: str
    plural: str
    namespaced: bool
    short_names: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    subresources: list = field(default_factory=list)
    verbs: list = field(default_factory=lambda: list(ALL_VERBS))
    storage: str = ""  # shared storage key; defaults to group/plural
    crd_schema: dict = None  # a custom resource's schema (see crds.py); None for built-ins

    @property
    def api_version(self):
        return f"{self.group}/{self.version}" if self.group else self.version

    @property
    def singular(self):
        return self.kind.lower()

    @property
    def key(self):
        return self.storage or f"{self.group}/{self.plural}"

    @property
    def has_status(self):
        return "status" in self.subresources


def _r(gv, kind, plural, namespaced=True, short=(), cats=(), subs=("status",), verbs=None, storage=""):
    group, _, version = gv.rpartition("/")
    return ResourceType(group, version, kind, plural, namespaced, list(short), list(cats),
                        list(subs), list(verbs or ALL_VERBS), storage)


ALL = ("all",)
BUILTIN = [
    _r("/v1", "Pod", "pods", short=["po"], cats=ALL, subs=("status", "log", "eviction", "binding", "ephemeralcontainers")),
    _r("/v1", "Service", "services", short=["svc"], cats=ALL),
    _r("/v1", "Endpoints", "endpoints", short=["ep"], subs=()),
    _r("/v1", "ConfigMap", "configmaps", short=["cm"], subs=()),
    _r("/v1", "Secret", "secrets", subs=()),
    _r("/v1", "ServiceAccount", "serviceaccounts", short=["sa"], subs=("token",)),
    _r("/v1", "Namespace", "namespaces", namespaced=False, short=["ns"], subs=("status", "finalize"),
       verbs=["create", "delete", "get", "list", "patch", "update", "watch"]),
    _r("/v1", "Node", "nodes", namespaced=False, short=["no"]),
    _r("/v1", "PersistentVolumeClaim", "persistentvolumeclaims", short=["pvc"]),
    _r("/v1", "PersistentVolume", "persistentvolumes", namespaced=False, short=["pv"]),
    _r("/v1", "Event", "events", short=["ev"], subs=(), storage="events"),
    _r("/v1", "LimitRange", "limitranges", short=["limits"], subs=()),
    _r("/v1", "ResourceQuota", "resourcequotas", short=["quota"]),
    _r("/v1", "ReplicationController", "replicationcontrollers", short=["rc"], cats=ALL, subs=("status", "scale")),
    _r("/v1", "PodTemplate", "podtemplates", subs=()),
    _r("/v1", "ComponentStatus", "componentstatuses", namespaced=False, short=["cs"], subs=(), verbs=["get", "list"]),
    _r("apps/v1", "Deployment", "deployments", short=["deploy"], cats=ALL, subs=("status", "scale")),
    _r("apps/v1", "ReplicaSet", "replicasets", short=["rs"], cats=ALL, subs=("status", "scale")),
    _r("apps/v1", "StatefulSet", "statefulsets", short=["sts"], cats=ALL, subs=("status", "scale")),
    _r("apps/v1", "DaemonSet", "daemonsets", short=["ds"], cats=ALL),
    _r("apps/v1", "ControllerRevision", "controllerrevisions", subs=()),
    _r("batch/v1", "Job", "jobs", cats=ALL),
    _r("batch/v1", "CronJob", "cronjobs", short=["cj"], cats=ALL),
    _r("autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", short=["hpa"], cats=ALL),
    _r("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", short=["pdb"]),
    _r("networking.k8s.io/v1", "Ingress", "ingresses", short=["ing"]),
    _r("networking.k8s.io/v1", "IngressClass", "ingressclasses", namespaced=False, subs=()),
    _r("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", short=["netpol"], subs=()),
    _r("rbac.authorization.k8s.io/v1", "Role", "roles", subs=()),
    _r("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", subs=()),
    _r("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", namespaced=False, subs=()),
    _r("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", namespaced=False, subs=()),
    _r("storage.k8s.io/v1", "StorageClass", "storageclasses", namespaced=False, short=["sc"], subs=()),
    _r("storage.k8s.io/v1", "CSIDriver", "csidrivers", namespaced=False, subs=()),
    _r("storage.k8s.io/v1", "CSINode", "csinodes", namespaced=False, subs=()),
    _r("storage.k8s.io/v1", "VolumeAttachment", "volumeattachments", namespaced=False),
    _r("apiregistration.k8s.io/v1", "APIService", "apiservices", namespaced=False, cats=("api-extensions",)),
    _r("events.k8s.io/v1", "Event", "events", short=["ev"], subs=(), storage="events"),
    _r("apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", namespaced=False,
       short=["crd", "crds"], cats=("api-extensions",)),
    _r("scheduling.k8s.io/v1", "PriorityClass", "priorityclasses", namespaced=False, short=["pc"], subs=()),
    _r("coordination.k8s.io/v1", "Lease", "leases", subs=()),
    _r("discovery.k8s.io/v1", "EndpointSlice", "endpointslices", subs=()),
    _r("node.k8s.io/v1", "RuntimeClass", "runtimeclasses", namespaced=False, subs=()),
    _r("authorization.k8s.io/v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", namespaced=False,
       subs=(), verbs=CREATE_ONLY),
    _r("authorization.k8s.io/v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews", namespaced=False,
       subs=(), verbs=CREATE_ONLY),
    _r("authorization.k8s.io/v1", "SubjectAccessReview", "subjectaccessreviews", namespaced=False,
       subs=(), verbs=CREATE_ONLY),
    _r("authentication.k8s.io/v1", "SelfSubjectReview", "selfsubjectreviews", namespaced=False,
       subs=(), verbs=CREATE_ONLY),
]

# Review kinds are answered, never stored.
REVIEW_KINDS = {"SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview", "SelfSubjectReview"}

# Groups in the order a real API server lists them (its priority order), core first.
GROUP_ORDER = ["", "apiregistration.k8s.io", "apps", "events.k8s.io", "authentication.k8s.io",
               "authorization.k8s.io", "autoscaling", "batch", "networking.k8s.io", "policy",
               "rbac.authorization.k8s.io", "storage.k8s.io", "apiextensions.k8s.io",
               "scheduling.k8s.io", "coordination.k8s.io", "node.k8s.io", "discovery.k8s.io"]


class Registry:
    """Looks resource types up by path segment, kind or short name; grows with CRDs."""

    def __init__(self, types=None):
        self.types = list(types if types is not None else BUILTIN)
        self.generation = 0  # counts changes, for caches of documents derived from the types

    def find(self, group, version, plural):
        for t in self.types:
            if t.group == group and t.version == version and t.plural == plural:
                return t
        return None

    def by_kind(self, api_version, kind):
        group, _, version = api_version.rpartition("/")
        for t in self.types:
            if t.group == group and t.version == version and t.kind == kind:
                return t
        return None

    def group_versions(self):
        """{group: [versions]} in priority order; the first version is the preferred one."""
        out = {}
        order = {g: i for i, g in enumerate(GROUP_ORDER)}
        for t in sorted(self.types, key=lambda t: (order.get(t.group, len(order)), t.group)):
            versions = out.setdefault(t.group, [])
            if t.version not in versions:
                versions.append(t.version)
        return out

    def in_group_version(self, group, version):
        return [t for t in self.types if t.group == group and t.version == version]

    def add(self, rtype):
        self.types = [t for t in self.types
                      if not (t.group == rtype.group and t.version == rtype.version and t.plural == rtype.plural)]
        self.types.append(rtype)
        self.generation += 1

    def remove_group_resource(self, group, plural):
        self.types = [t for t in self.types if not (t.group == group and t.plural == plural)]
        self.generation += 1
