"""Services: LoadBalancer Services get the `localhost` ingress Docker Desktop reports, and
selector Services an Endpoints object listing their ready pods."""

from . import podutil
from .selectors import labels_match, match_labels_selector


def service(ctl, ns, name):
    svc = ctl.c.get("v1", "Service", ns, name)
    if not svc:
        return
    if svc["spec"].get("type") == "LoadBalancer":
        want = {"loadBalancer": {"ingress": [{"hostname": "localhost", "ipMode": "VIP"}]}}
    else:
        want = {"loadBalancer": {}}
    if svc.get("status") != want:
        svc["status"] = want
        ctl.c.write(svc)
    _endpoints(ctl, svc)


def _endpoints(ctl, svc):
    """An Endpoints object for selector Services, listing ready pods (what kubectl describe shows)."""
    ns, name = svc["metadata"]["namespace"], svc["metadata"]["name"]
    selector = svc["spec"].get("selector")
    if not selector:
        return
    preds = match_labels_selector({"matchLabels": selector})
    pods = [p for p in ctl.store.list("/pods", ns)[0] if labels_match(preds, p["metadata"].get("labels")) and podutil.active(p)]
    addresses = [{"ip": p["status"]["podIP"], "nodeName": p["spec"].get("nodeName"),
                  "targetRef": {"kind": "Pod", "namespace": ns, "name": p["metadata"]["name"], "uid": p["metadata"]["uid"]}}
                 for p in pods if p.get("status", {}).get("podIP") and podutil.ready(p)]
    ports = [{k: v for k, v in {"name": port.get("name"), "port": port.get("targetPort") if isinstance(port.get("targetPort"), int) else port.get("port"),
                                "protocol": port.get("protocol", "TCP")}.items() if v is not None}
             for port in svc["spec"].get("ports") or []]
    subsets = [{"addresses": addresses, "ports": ports}] if addresses else []
    ep = ctl.c.get("v1", "Endpoints", ns, name)
    if ep is None:
        ctl.c.create({"apiVersion": "v1", "kind": "Endpoints",
                      "metadata": {"name": name, "namespace": ns, "labels": dict(svc["metadata"].get("labels") or {}),
                                    "ownerReferences": [ctl.c.owner_ref(svc, controller=False)]},
                      **({"subsets": subsets} if subsets else {})})
    elif (ep.get("subsets") or []) != subsets:
        ep["subsets"] = subsets
        if not subsets:
            ep.pop("subsets")
        ctl.c.write(ep)
