"""Decodes the protobuf request bodies client-go's typed clients send
(`Content-Type: application/vnd.kubernetes.protobuf`) into the JSON form of the object.

kubectl's create/auth commands and Helm's release storage (Secrets) use typed clients, which
write protobuf; responses may be JSON, which they accept. A body is the 4-byte magic `k8s\\0`
and a runtime.Unknown {typeMeta=1 {apiVersion=1, kind=2}, raw=2}; raw is the object message.

Only the messages below are known (field numbers from k8s.io/api generated.proto). An unknown
kind or field is answered with 415 naming it, never dropped silently. Proto2 writes Go
non-pointer fields even when empty, so empty strings, zero numbers and false are dropped unless
the field is marked `?` (a Go pointer, where zero is meaningful).
"""

import base64
import datetime
import json
import struct

from .errors import ApiError

MAGIC = b"k8s\x00"
PROTOBUF = "application/vnd.kubernetes.protobuf"

# message -> {number: (json name, type)}. Types: s string, b bytes (base64 in JSON),
# i int, f bool, d double, `?` suffix keeps zero values, `[]X` repeated, `map:X` map<string,X>,
# time, quantity, intorstr, rawjson, or a message name.
M = {
    "TypeMeta": {1: ("apiVersion", "s"), 2: ("kind", "s")},
    "Unknown": {1: ("typeMeta", "TypeMeta"), 2: ("raw", "b"), 3: ("contentEncoding", "s"), 4: ("contentType", "s")},
    "ObjectMeta": {1: ("name", "s"), 2: ("generateName", "s"), 3: ("namespace", "s"), 4: ("selfLink", "s"),
                   5: ("uid", "s"), 6: ("resourceVersion", "s"), 7: ("generation", "i"),
                   8: ("creationTimestamp", "time"), 9: ("deletionTimestamp", "time"),
                   10: ("deletionGracePeriodSeconds", "i?"), 11: ("labels", "map:s"), 12: ("annotations", "map:s"),
                   13: ("ownerReferences", "[]OwnerReference"), 14: ("finalizers", "[]s"),
                   17: ("managedFields", "[]ManagedFieldsEntry")},
    "OwnerReference": {1: ("kind", "s"), 3: ("name", "s"), 4: ("uid", "s"), 5: ("apiVersion", "s"),
                       6: ("controller", "f?"), 7: ("blockOwnerDeletion", "f?")},
    "ManagedFieldsEntry": {1: ("manager", "s"), 2: ("operation", "s"), 3: ("apiVersion", "s"), 4: ("time", "time"),
                           6: ("fieldsType", "s"), 7: ("fieldsV1", "FieldsV1"), 8: ("subresource", "s")},
    "FieldsV1": {1: ("Raw", "rawjson")},
    "LabelSelector": {1: ("matchLabels", "map:s"), 2: ("matchExpressions", "[]LabelSelectorRequirement")},
    "LabelSelectorRequirement": {1: ("key", "s"), 2: ("operator", "s"), 3: ("values", "[]s")},
    "DeleteOptions": {1: ("gracePeriodSeconds", "i?"), 2: ("preconditions", "Preconditions"),
                      3: ("orphanDependents", "f?"), 4: ("propagationPolicy", "s"), 5: ("dryRun", "[]s")},
    "Preconditions": {1: ("uid", "s"), 2: ("resourceVersion", "s")},
    # core/v1
    "Namespace": {1: ("metadata", "ObjectMeta"), 2: ("spec", "NamespaceSpec"), 3: ("status", "NamespaceStatus")},
    "NamespaceSpec": {1: ("finalizers", "[]s")},
    "NamespaceStatus": {1: ("phase", "s")},
    "Secret": {1: ("metadata", "ObjectMeta"), 2: ("data", "map:b"), 3: ("type", "s"), 4: ("stringData", "map:s"),
               5: ("immutable", "f?")},
    "ConfigMap": {1: ("metadata", "ObjectMeta"), 2: ("data", "map:s"), 3: ("binaryData", "map:b"), 4: ("immutable", "f?")},
    "ServiceAccount": {1: ("metadata", "ObjectMeta"), 2: ("secrets", "[]ObjectReference"),
                       3: ("imagePullSecrets", "[]LocalObjectReference"), 4: ("automountServiceAccountToken", "f?")},
    "ObjectReference": {1: ("kind", "s"), 2: ("namespace", "s"), 3: ("name", "s"), 4: ("uid", "s"), 5: ("apiVersion", "s"),
                        6: ("resourceVersion", "s"), 7: ("fieldPath", "s")},
    "LocalObjectReference": {1: ("name", "s")},
    "Service": {1: ("metadata", "ObjectMeta"), 2: ("spec", "ServiceSpec"), 3: ("status", "Ignored")},
    "ServiceSpec": {1: ("ports", "[]ServicePort"), 2: ("selector", "map:s"), 3: ("clusterIP", "s"), 4: ("type", "s"),
                    5: ("externalIPs", "[]s"), 7: ("sessionAffinity", "s"), 8: ("loadBalancerIP", "s"),
                    9: ("loadBalancerSourceRanges", "[]s"), 10: ("externalName", "s"), 11: ("externalTrafficPolicy", "s"),
                    12: ("healthCheckNodePort", "i"), 13: ("publishNotReadyAddresses", "f"),
                    17: ("ipFamilyPolicy", "s"), 18: ("clusterIPs", "[]s"), 19: ("ipFamilies", "[]s"),
                    20: ("allocateLoadBalancerNodePorts", "f?"), 21: ("loadBalancerClass", "s"),
                    22: ("internalTrafficPolicy", "s")},
    "ServicePort": {1: ("name", "s"), 2: ("protocol", "s"), 3: ("port", "i"), 4: ("targetPort", "intorstr"),
                    5: ("nodePort", "i"), 6: ("appProtocol", "s")},
    "PodTemplateSpec": {1: ("metadata", "ObjectMeta"), 2: ("spec", "PodSpec")},
    "PodSpec": {1: ("volumes", "[]Volume"), 2: ("containers", "[]Container"), 3: ("restartPolicy", "s"),
                4: ("terminationGracePeriodSeconds", "i?"), 5: ("activeDeadlineSeconds", "i?"), 6: ("dnsPolicy", "s"),
                7: ("nodeSelector", "map:s"), 8: ("serviceAccountName", "s"), 9: ("serviceAccount", "s"),
                10: ("nodeName", "s"), 11: ("hostNetwork", "f"), 12: ("hostPID", "f"), 13: ("hostIPC", "f"),
                15: ("imagePullSecrets", "[]LocalObjectReference"), 16: ("hostname", "s"), 17: ("subdomain", "s"),
                19: ("schedulerName", "s"), 20: ("initContainers", "[]Container"),
                21: ("automountServiceAccountToken", "f?"), 24: ("priorityClassName", "s"), 25: ("priority", "i?"),
                29: ("runtimeClassName", "s"), 30: ("enableServiceLinks", "f?")},
    "Container": {1: ("name", "s"), 2: ("image", "s"), 3: ("command", "[]s"), 4: ("args", "[]s"), 5: ("workingDir", "s"),
                  6: ("ports", "[]ContainerPort"), 7: ("env", "[]EnvVar"), 8: ("resources", "ResourceRequirements!"),
                  9: ("volumeMounts", "[]VolumeMount"), 13: ("terminationMessagePath", "s"), 14: ("imagePullPolicy", "s"),
                  16: ("stdin", "f"), 17: ("stdinOnce", "f"), 18: ("tty", "f"), 20: ("terminationMessagePolicy", "s")},
    "ContainerPort": {1: ("name", "s"), 2: ("hostPort", "i"), 3: ("containerPort", "i"), 4: ("protocol", "s"),
                      5: ("hostIP", "s")},
    "EnvVar": {1: ("name", "s"), 2: ("value", "s")},
    "ResourceRequirements": {1: ("limits", "map:quantity"), 2: ("requests", "map:quantity")},
    "VolumeMount": {1: ("name", "s"), 2: ("readOnly", "f"), 3: ("mountPath", "s"), 4: ("subPath", "s")},
    "Volume": {1: ("name", "s")},
    # Status parts of request bodies: the server resets them on create, so they are skipped.
    "Ignored": {},
    # apps/v1, batch/v1
    "Deployment": {1: ("metadata", "ObjectMeta"), 2: ("spec", "DeploymentSpec"), 3: ("status", "Ignored")},
    "DeploymentSpec": {1: ("replicas", "i?"), 2: ("selector", "LabelSelector"), 3: ("template", "PodTemplateSpec!"),
                       4: ("strategy", "DeploymentStrategy"), 5: ("minReadySeconds", "i"),
                       6: ("revisionHistoryLimit", "i?"), 7: ("paused", "f"), 9: ("progressDeadlineSeconds", "i?")},
    "DeploymentStrategy": {1: ("type", "s"), 2: ("rollingUpdate", "RollingUpdateDeployment")},
    "RollingUpdateDeployment": {1: ("maxUnavailable", "intorstr"), 2: ("maxSurge", "intorstr")},
    "Job": {1: ("metadata", "ObjectMeta"), 2: ("spec", "JobSpec"), 3: ("status", "Ignored")},
    "JobSpec": {1: ("parallelism", "i?"), 2: ("completions", "i?"), 3: ("activeDeadlineSeconds", "i?"),
                4: ("selector", "LabelSelector"), 5: ("manualSelector", "f?"), 6: ("template", "PodTemplateSpec!"),
                7: ("backoffLimit", "i?"), 8: ("ttlSecondsAfterFinished", "i?"), 9: ("completionMode", "s"),
                10: ("suspend", "f?")},
    "CronJob": {1: ("metadata", "ObjectMeta"), 2: ("spec", "CronJobSpec"), 3: ("status", "Ignored")},
    "CronJobSpec": {1: ("schedule", "s"), 2: ("startingDeadlineSeconds", "i?"), 3: ("concurrencyPolicy", "s"),
                    4: ("suspend", "f?"), 5: ("jobTemplate", "JobTemplateSpec"), 6: ("successfulJobsHistoryLimit", "i?"),
                    7: ("failedJobsHistoryLimit", "i?"), 8: ("timeZone", "s")},
    "JobTemplateSpec": {1: ("metadata", "ObjectMeta"), 2: ("spec", "JobSpec")},
    # authorization, authentication
    "SelfSubjectAccessReview": {1: ("metadata", "ObjectMeta"), 2: ("spec", "SelfSubjectAccessReviewSpec"), 3: ("status", "Ignored")},
    "SelfSubjectAccessReviewSpec": {1: ("resourceAttributes", "ResourceAttributes"),
                                    2: ("nonResourceAttributes", "NonResourceAttributes")},
    "ResourceAttributes": {1: ("namespace", "s"), 2: ("verb", "s"), 3: ("group", "s"), 4: ("version", "s"),
                           5: ("resource", "s"), 6: ("subresource", "s"), 7: ("name", "s")},
    "NonResourceAttributes": {1: ("path", "s"), 2: ("verb", "s")},
    "SelfSubjectRulesReview": {1: ("metadata", "ObjectMeta"), 2: ("spec", "SelfSubjectRulesReviewSpec"), 3: ("status", "Ignored")},
    "SelfSubjectRulesReviewSpec": {1: ("namespace", "s")},
    "SelfSubjectReview": {1: ("metadata", "ObjectMeta"), 2: ("status", "Ignored")},
    "TokenRequest": {1: ("metadata", "ObjectMeta"), 2: ("spec", "TokenRequestSpec"), 3: ("status", "Ignored")},
    "TokenRequestSpec": {1: ("audiences", "[]s"), 3: ("boundObjectRef", "BoundObjectReference"),
                         4: ("expirationSeconds", "i?")},
    "BoundObjectReference": {1: ("kind", "s"), 2: ("apiVersion", "s"), 3: ("name", "s"), 4: ("uid", "s")},
}
# Messages whose empty form is kept (`resources: {}` on a container, as JSON clients send it).
KEEP_EMPTY = {"ResourceRequirements!", "PodTemplateSpec!"}


def _varint(buf, i):
    result = shift = 0
    while True:
        if i >= len(buf):
            raise ValueError("truncated varint")
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def _fields(buf):
    """Yields (field number, wire type, value) for one message."""
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            n, i = _varint(buf, i)
            value, i = buf[i:i + n], i + n
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f"unsupported wire type {wire}")
        yield number, wire, value


def _signed(v):
    return v - (1 << 64) if v >= 1 << 63 else v


def _time(buf):
    seconds = nanos = 0
    for number, _, value in _fields(buf):
        if number == 1:
            seconds = _signed(value)
        elif number == 2:
            nanos = value
    if seconds == 0 and nanos == 0:
        return None
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _int_or_string(buf):
    kind, ival, sval = 0, 0, ""
    for number, _, value in _fields(buf):
        if number == 1:
            kind = value
        elif number == 2:
            ival = _signed(value)
        elif number == 3:
            sval = value.decode()
    return sval if kind == 1 else ival


def _quantity(buf):
    for number, _, value in _fields(buf):
        if number == 1:
            return value.decode()
    return "0"


def _scalar(kind, wire, value):
    base = kind.rstrip("?!")
    if base == "s":
        return value.decode("utf-8")
    if base == "b":
        return base64.b64encode(bytes(value)).decode()
    if base == "i":
        return _signed(value)
    if base == "f":
        return bool(value)
    if base == "d":
        return struct.unpack("<d", value)[0]
    if base == "time":
        return _time(value)
    if base == "quantity":
        return _quantity(value)
    if base == "intorstr":
        return _int_or_string(value)
    if base == "rawjson":
        return json.loads(bytes(value) or b"null")
    return decode_message(base, value)


def _empty(value):
    return value in ("", 0, False, None, {}, [])


def decode_message(name, buf):
    if name == "Ignored":
        return {}
    desc = M.get(name)
    if desc is None:
        raise ApiError(415, "UnsupportedMediaType", f"fake-kube-api cannot decode protobuf message {name}; "
                                                    "send JSON (Content-Type: application/json) instead")
    out = {}
    for number, wire, value in _fields(buf):
        if number not in desc:
            raise ApiError(415, "UnsupportedMediaType", f"fake-kube-api cannot decode protobuf field {number} of "
                                                        f"{name}; send JSON (Content-Type: application/json) instead")
        field, kind = desc[number]
        if kind.startswith("map:"):
            entry = dict((n, v) for n, _, v in _fields(value))
            key = entry.get(1, b"").decode()
            out.setdefault(field, {})[key] = _scalar(kind[4:], 2, entry.get(2, b""))
        elif kind.startswith("[]"):
            out.setdefault(field, []).append(_scalar(kind[2:], wire, value))
        else:
            v = _scalar(kind, wire, value)
            if _empty(v) and not kind.endswith("?") and kind not in KEEP_EMPTY:
                continue
            out[field] = v
    return out


def decode(body):
    """The JSON object for a protobuf request body; raises ApiError when it cannot."""
    if not body.startswith(MAGIC):
        raise ApiError(400, "BadRequest", "protobuf body without the k8s\\0 prefix")
    try:
        unknown = decode_message("Unknown", body[len(MAGIC):])
        raw = base64.b64decode(unknown.get("raw", ""))
        type_meta = unknown.get("typeMeta") or {}
        kind = type_meta.get("kind") or ""
        if not kind:
            # DeleteOptions and other options are sent with an empty type meta.
            kind = "DeleteOptions"
        obj = decode_message(kind, raw)
    except (ValueError, UnicodeDecodeError, struct.error) as e:
        raise ApiError(400, "BadRequest", f"error decoding protobuf body: {e}")
    if type_meta.get("kind"):
        obj = {"apiVersion": type_meta.get("apiVersion", ""), "kind": kind, **obj}
    return obj
