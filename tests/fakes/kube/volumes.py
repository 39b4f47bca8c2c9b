"""PersistentVolumeClaims and PersistentVolumes: a claim binds to a made-up volume
provisioned through its StorageClass (or the default one, as the DefaultStorageClass
admission plugin sets it); WaitForFirstConsumer classes wait for a pod using the claim; a
claim without a class stays Pending with an Event. Deleting a claim deletes its volume when
the reclaim policy is Delete."""

from . import podutil
from .store import now


def pvc(ctl, ns, name):
    claim = ctl.c.get("v1", "PersistentVolumeClaim", ns, name)
    if not claim or claim["metadata"].get("deletionTimestamp"):
        return
    if claim.get("status", {}).get("phase") == "Bound":
        return
    sc_name = claim["spec"].get("storageClassName")
    if sc_name is None:
        default_storage_class(ctl, claim)
        sc_name = claim["spec"].get("storageClassName")
        if sc_name:
            claim = ctl.c.write(claim)
    if not sc_name:
        _pending(ctl, claim, "FailedBinding", "Normal", "no persistent volumes available for this claim and no storage class is set")
        return
    sc = next((s for s in _storage_classes(ctl, ) if s["metadata"]["name"] == sc_name), None)
    if sc is None:
        _pending(ctl, claim, "ProvisioningFailed", "Warning", f'storageclass.storage.k8s.io "{sc_name}" not found')
        return
    if sc.get("volumeBindingMode") == "WaitForFirstConsumer" and not _claim_in_use(ctl, claim):
        _pending(ctl, claim, "WaitForFirstConsumer", "Normal", "waiting for first consumer to be created before binding")
        return
    provisioner = sc.get("provisioner", "")
    pv_name = f"pvc-{claim['metadata']['uid']}"
    size = ((claim["spec"].get("resources") or {}).get("requests") or {}).get("storage", "1Gi")
    modes = claim["spec"].get("accessModes") or ["ReadWriteOnce"]
    ctl.c.event(claim, "Normal", "ExternalProvisioning",
                f"Waiting for a volume to be created either by the external provisioner '{provisioner}' or "
                "manually by the system administrator. If volume creation is delayed, please verify that the "
                "provisioner is running and correctly registered.", "persistentvolume-controller")
    ctl.c.event(claim, "Normal", "Provisioning",
                f'External provisioner is provisioning volume for claim "{ns}/{name}"', provisioner)
    if ctl.c.get("v1", "PersistentVolume", None, pv_name) is None:
        ctl.c.create({"apiVersion": "v1", "kind": "PersistentVolume",
                      "metadata": {"name": pv_name, "annotations": {"pv.kubernetes.io/provisioned-by": provisioner},
                                    "finalizers": ["kubernetes.io/pv-protection"]},
                      "spec": {"capacity": {"storage": size}, "accessModes": modes,
                                "claimRef": {"kind": "PersistentVolumeClaim", "namespace": ns, "name": name,
                                             "uid": claim["metadata"]["uid"], "apiVersion": "v1",
                                             "resourceVersion": claim["metadata"]["resourceVersion"]},
                                "persistentVolumeReclaimPolicy": sc.get("reclaimPolicy", "Delete"),
                                "storageClassName": sc_name, "volumeMode": claim["spec"].get("volumeMode", "Filesystem"),
                                "hostPath": {"path": f"/var/lib/k8s-pvs/{name}/{pv_name}", "type": ""}},
                      "status": {"phase": "Bound", "lastPhaseTransitionTime": now()}})
    ctl.c.event(claim, "Normal", "ProvisioningSucceeded", f"Successfully provisioned volume {pv_name}", provisioner)
    anns = podutil.meta(claim).setdefault("annotations", {})
    anns.update({"pv.kubernetes.io/bind-completed": "yes", "pv.kubernetes.io/bound-by-controller": "yes",
                 "volume.beta.kubernetes.io/storage-provisioner": provisioner,
                 "volume.kubernetes.io/storage-provisioner": provisioner})
    claim["spec"]["volumeName"] = pv_name
    podutil.meta(claim).setdefault("finalizers", ["kubernetes.io/pvc-protection"])
    claim["status"] = {"phase": "Bound", "accessModes": modes, "capacity": {"storage": size}}
    ctl.c.write(claim)


def default_storage_class(ctl, claim):
    if claim["spec"].get("storageClassName") is None:
        default = next((sc for sc in _storage_classes(ctl, )
                        if (sc["metadata"].get("annotations") or {}).get("storageclass.kubernetes.io/is-default-class") == "true"), None)
        if default:
            claim["spec"]["storageClassName"] = default["metadata"]["name"]


def _storage_classes(ctl):
    return ctl.store.list("storage.k8s.io/storageclasses")[0]


def _claim_in_use(ctl, claim):
    name = claim["metadata"]["name"]
    return any((v.get("persistentVolumeClaim") or {}).get("claimName") == name
               for p in ctl.store.list("/pods", claim["metadata"]["namespace"])[0] for v in p["spec"].get("volumes") or [])


def _pending(ctl, claim, reason, etype, message):
    if claim.get("status", {}).get("phase") != "Pending":
        claim["status"] = {"phase": "Pending"}
        ctl.c.write(claim)
    ctl.c.event(claim, etype, reason, message, "persistentvolume-controller")


def release_volume(ctl, claim_uid):
    for pv in ctl.store.list("/persistentvolumes")[0]:
        if (pv["spec"].get("claimRef") or {}).get("uid") != claim_uid:
            continue
        if pv["spec"].get("persistentVolumeReclaimPolicy") == "Delete":
            pv["metadata"]["finalizers"] = []
            pv["metadata"]["deletionTimestamp"] = now()
            ctl.c.write(pv)
        else:
            pv["status"] = {"phase": "Released", "lastPhaseTransitionTime": now()}
            ctl.c.write(pv)
