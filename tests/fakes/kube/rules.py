"""Object validation the API server does beyond the schema (422 Invalid), for the mistakes
charts make: bad names and labels, selectors that miss the template, missing containers or
images, unsupported enum values (pull and restart policies, protocols, Service types),
malformed resource quantities, mounts of undeclared volumes, immutable fields changed on
update."""

import json
import re

from .errors import invalid

DNS1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
LABEL_VALUE = re.compile(r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")
QUALIFIED_NAME = re.compile(r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")
# Kinds whose names must be DNS-1123 labels rather than subdomains.
LABEL_NAMED = {"Namespace", "Service"}
# Kinds whose names the server checks less strictly (path segment names).
LOOSE_NAMED = {"Event", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Secret", "ConfigMap"}

QUANTITY = re.compile(r"^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")
PULL_POLICIES = ("Always", "IfNotPresent", "Never")
RESTART_POLICIES = ("Always", "OnFailure", "Never")
PROTOCOLS = ("SCTP", "TCP", "UDP")
SERVICE_TYPES = ("ClusterIP", "ExternalName", "LoadBalancer", "NodePort")

SUBDOMAIN_MSG = ("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                 "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
                 "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
LABEL_MSG = ("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start "
             "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is "
             "'[a-z0-9]([-a-z0-9]*[a-z0-9])?')")


def _go_map(d):
    return "map[string]string{" + ", ".join(f'"{k}":"{v}"' for k, v in sorted((d or {}).items())) + "}"


def _name_causes(kind, name):
    if kind in LOOSE_NAMED:
        if "/" in name or name in (".", ".."):
            return [("metadata.name", f'Invalid value: "{name}": may not contain \'/\'')]
        return []
    if kind in LABEL_NAMED:
        if len(name) > 63:
            return [("metadata.name", f'Invalid value: "{name}": must be no more than 63 characters')]
        if not DNS1123_LABEL.match(name):
            return [("metadata.name", f'Invalid value: "{name}": {LABEL_MSG}')]
        return []
    if len(name) > 253:
        return [("metadata.name", f'Invalid value: "{name}": must be no more than 253 characters')]
    if not DNS1123_SUBDOMAIN.match(name):
        return [("metadata.name", f'Invalid value: "{name}": {SUBDOMAIN_MSG}')]
    return []


def _label_causes(path, labels):
    out = []
    for k, v in (labels or {}).items():
        key_name = k.rsplit("/", 1)[-1]
        if not QUALIFIED_NAME.match(key_name) or len(key_name) > 63:
            out.append((path, f'Invalid value: "{k}": name part must consist of alphanumeric characters, \'-\', \'_\' '
                              "or '.', and must start and end with an alphanumeric character"))
        if not isinstance(v, str):
            continue
        if len(v) > 63:
            out.append((path, f'Invalid value: "{v}": must be no more than 63 characters'))
        elif not LABEL_VALUE.match(v):
            out.append((path, f'Invalid value: "{v}": a valid label must be an empty string or consist of '
                              "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                              "character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                              "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"))
    return out


def _enum(path, value, allowed):
    if value is None or value in allowed:
        return []
    supported = ", ".join(f'"{a}"' for a in allowed)
    return [(path, f'Unsupported value: "{value}": supported values: {supported}')]


def _pod_spec_causes(path, spec, job=False, claim_names=()):
    out = []
    if not isinstance(spec, dict):
        return [(path, "Required value")]
    containers = spec.get("containers") or []
    if not containers:
        out.append((f"{path}.containers", "Required value"))
    seen = set()
    for i, c in enumerate(containers + (spec.get("initContainers") or [])):
        field = f"{path}.containers[{i}]" if i < len(containers) else f"{path}.initContainers[{i - len(containers)}]"
        name = c.get("name")
        if not name:
            out.append((f"{field}.name", "Required value"))
        elif name in seen:
            out.append((f"{field}.name", f'Duplicate value: "{name}"'))
        elif not DNS1123_LABEL.match(name):
            out.append((f"{field}.name", f'Invalid value: "{name}": {LABEL_MSG}'))
        seen.add(name)
        if not c.get("image"):
            out.append((f"{field}.image", "Required value"))
        out += _enum(f"{field}.imagePullPolicy", c.get("imagePullPolicy"), PULL_POLICIES)
        for j, port in enumerate(c.get("ports") or []):
            out += _enum(f"{field}.ports[{j}].protocol", port.get("protocol"), PROTOCOLS)
        for kind in ("requests", "limits"):
            for res, qty in ((c.get("resources") or {}).get(kind) or {}).items():
                if not QUANTITY.match(str(qty)):
                    out.append((f"{field}.resources.{kind}[{res}]",
                                f'Invalid value: "{qty}": quantities must match the regular expression '
                                "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"))
    out += _enum(f"{path}.restartPolicy", spec.get("restartPolicy"), RESTART_POLICIES)
    if job and spec.get("restartPolicy") not in ("OnFailure", "Never"):
        out.append((f"{path}.restartPolicy", f'Required value: valid values: "OnFailure", "Never"'))
    volume_names = [v.get("name") for v in spec.get("volumes") or []] + list(claim_names)
    for c in containers:
        for m in c.get("volumeMounts") or []:
            if m.get("name") not in volume_names:
                out.append((f"{path}.containers[{containers.index(c)}].volumeMounts[{(c.get('volumeMounts') or []).index(m)}].name",
                            f'Not found: "{m.get("name")}"'))
    return out


def _selector_causes(spec, template_path="spec.template.metadata.labels"):
    selector = spec.get("selector")
    if not selector:
        return [("spec.selector", "Required value")]
    labels = ((spec.get("template") or {}).get("metadata") or {}).get("labels") or {}
    for k, v in (selector.get("matchLabels") or {}).items():
        if labels.get(k) != v:
            return [(template_path, f"Invalid value: {_go_map(labels)}: `selector` does not match template `labels`")]
    return []


def validate(rtype, obj):
    """Raises ApiError 422 when obj is invalid for a create or an update."""
    kind = rtype.kind
    md = obj.get("metadata") or {}
    name = md.get("name") or ""
    causes = _name_causes(kind, name) if name else [("metadata.name", "Required value: name or generateName is required")]
    causes += _label_causes("metadata.labels", md.get("labels"))
    spec = obj.get("spec") or {}
    if kind in ("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"):
        causes += _selector_causes(spec)
        claims = [(c.get("metadata") or {}).get("name") for c in spec.get("volumeClaimTemplates") or []]
        causes += _pod_spec_causes("spec.template.spec", (spec.get("template") or {}).get("spec"), claim_names=claims)
        if kind == "StatefulSet" and spec.get("updateStrategy", {}).get("type") == "OnDelete" and spec["updateStrategy"].get("rollingUpdate"):
            causes.append(("spec.updateStrategy.rollingUpdate", "Invalid value: only allowed for updateStrategy 'RollingUpdate'"))
    elif kind == "Job":
        causes += _pod_spec_causes("spec.template.spec", (spec.get("template") or {}).get("spec"), job=True)
    elif kind == "CronJob":
        jt = (spec.get("jobTemplate") or {}).get("spec") or {}
        causes += _pod_spec_causes("spec.jobTemplate.spec.template.spec", (jt.get("template") or {}).get("spec"), job=True)
        if not spec.get("schedule"):
            causes.append(("spec.schedule", "Required value"))
    elif kind == "Pod":
        causes += _pod_spec_causes("spec", spec)
    elif kind == "Service":
        stype = spec.get("type", "ClusterIP")
        causes += _enum("spec.type", spec.get("type"), SERVICE_TYPES)
        if stype != "ExternalName" and spec.get("clusterIP") != "None" and not spec.get("ports"):
            causes.append(("spec.ports", "Required value"))
        for i, p in enumerate(spec.get("ports") or []):
            if len(spec.get("ports")) > 1 and not p.get("name"):
                causes.append((f"spec.ports[{i}].name", "Required value"))
    elif kind in ("ConfigMap", "Secret"):
        for k in list((obj.get("data") or {})) + list((obj.get("stringData") or {})):
            if not re.match(r"^[-._a-zA-Z0-9]+$", k):
                causes.append((f"data[{k}]", f'Invalid value: "{k}": a valid config key must consist of alphanumeric '
                                             "characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or "
                                             "'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"))
    if causes:
        raise invalid(rtype, name, causes)


def _immutable(path, old, new):
    if old != new:
        shown = json.dumps(new, separators=(",", ":")) if not isinstance(new, str) else new
        return [(path, f"Invalid value: {shown}: field is immutable")]
    return []


STS_MUTABLE = {"replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy",
               "minReadySeconds"}


def validate_update(rtype, old, new):
    """Raises ApiError 422 when an update changes an immutable field."""
    kind = rtype.kind
    o, n = old.get("spec") or {}, new.get("spec") or {}
    causes = []
    if kind in ("Deployment", "ReplicaSet", "DaemonSet"):
        causes += _immutable("spec.selector", o.get("selector"), n.get("selector"))
    elif kind == "StatefulSet":
        if {k: v for k, v in o.items() if k not in STS_MUTABLE} != {k: v for k, v in n.items() if k not in STS_MUTABLE}:
            causes.append(("spec", "Forbidden: updates to statefulset spec for fields other than 'replicas', "
                                   "'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' "
                                   "and 'minReadySeconds' are forbidden"))
    elif kind == "Job":
        causes += _immutable("spec.selector", o.get("selector"), n.get("selector"))
        if (o.get("template") or {}).get("spec") != (n.get("template") or {}).get("spec"):
            causes.append(("spec.template", "Invalid value: field is immutable"))
    elif kind == "Service":
        if o.get("clusterIP") and n.get("clusterIP") and o.get("clusterIP") != n.get("clusterIP"):
            causes += _immutable("spec.clusterIPs[0]", o.get("clusterIP"), n.get("clusterIP"))
    elif kind == "PersistentVolumeClaim":
        strip = ("resources", "volumeAttributesClassName")
        if {k: v for k, v in o.items() if k not in strip} != {k: v for k, v in n.items() if k not in strip}:
            causes.append(("spec", "Forbidden: spec is immutable after creation except resources.requests and "
                                   "volumeAttributesClassName for bound claims"))
    elif kind in ("Secret", "ConfigMap") and old.get("immutable"):
        if old.get("data") != new.get("data") or old.get("binaryData") != new.get("binaryData"):
            causes.append(("data", "Forbidden: field is immutable when `immutable` is set"))
    if causes:
        raise invalid(rtype, (new.get("metadata") or {}).get("name", ""), causes)
