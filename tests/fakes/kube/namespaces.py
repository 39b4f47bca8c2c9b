"""Namespaces and garbage collection: a new namespace gets its `default` ServiceAccount and
the kube-root-ca.crt ConfigMap; a namespace being deleted loses its contents, then itself.
Objects whose owners are all gone are deleted (background propagation)."""

from .store import clone, now

KUBE_ROOT_CA = ("-----BEGIN CERTIFICATE-----\nMIIBfake0000000000000000000000000000000000000000000000000000000000\n"
                "-----END CERTIFICATE-----\n")


def namespace(ctl, _ns, name):
    ns = ctl.c.get("v1", "Namespace", None, name)
    if not ns:
        return
    if ns["metadata"].get("deletionTimestamp"):
        for key in list(ctl.store.objects):
            for (obj_ns, obj_name) in list(ctl.store.objects[key]):
                if obj_ns == name:
                    ctl.store.remove(key, obj_ns, obj_name)
        ns["spec"]["finalizers"] = []
        ctl.c.write(ns)
        return
    if ns.get("status", {}).get("phase") != "Active":
        ns["status"] = {"phase": "Active"}
        ctl.c.write(ns)
    if ctl.c.get("v1", "ServiceAccount", name, "default") is None:
        ctl.c.create({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "default", "namespace": name}})
    if ctl.c.get("v1", "ConfigMap", name, "kube-root-ca.crt") is None:
        ctl.c.create({"apiVersion": "v1", "kind": "ConfigMap",
                      "metadata": {"name": "kube-root-ca.crt", "namespace": name,
                                    "annotations": {"kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters."}},
                      "data": {"ca.crt": KUBE_ROOT_CA}})


def collect_garbage(ctl, uid):
    """Deletes objects whose owners are all gone; drops references to the deleted owner."""
    if not uid:
        return
    live = {o["metadata"].get("uid") for key in ctl.store.objects for o in ctl.store.objects[key].values()}
    if uid in live:
        return
    for key in list(ctl.store.objects):
        for obj in list(ctl.store.objects[key].values()):
            refs = obj.get("metadata", {}).get("ownerReferences") or []
            if not any(r.get("uid") == uid for r in refs):
                continue
            remaining = [r for r in refs if r.get("uid") != uid and r.get("uid") in live]
            obj = clone(obj)
            if remaining:
                obj["metadata"]["ownerReferences"] = remaining
                ctl.store.update(key, obj)
            elif obj["metadata"].get("finalizers"):
                obj["metadata"].setdefault("deletionTimestamp", now())
                ctl.store.update(key, obj)
            else:
                ctl.store.remove(key, obj["metadata"].get("namespace"), obj["metadata"]["name"])
